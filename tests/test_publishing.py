"""Atomic publishing and the last output check (issue: nothing bad gets published)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from datakit import EVENT, PERSON
from mkdocs.exceptions import Abort
from showcase.output.outputcheck import check_site, scan_numbers, valid_id_number
from sitebuild import build_site, snapshot

MKDOCS = [sys.executable, "-m", "mkdocs"]


def failed_build(project, out, caplog) -> str:
    """Build expecting MkDocs to abort; return what it logged as the error."""
    caplog.clear()
    with pytest.raises(Abort):
        build_site(project.root, out)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture
def built(project, tmp_path):
    """A project with a previous, good build in out/."""
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    project.write("data/events/e1.yml", EVENT + "entrepreneurs: [zhang-san]\n")
    out = tmp_path / "out"
    build_site(project.root, out)
    return project, out, snapshot(out)


def test_successful_build_replaces_output_and_leaves_no_temporary_folder(built, tmp_path):
    project, out, _ = built
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "第二个活动"))
    build_site(project.root, out)
    assert (out / "events/e2/index.html").is_file()
    assert leftovers(out) == []


def test_crash_in_a_hook_keeps_previous_output(built, monkeypatch):
    project, out, before = built
    from showcase.mkdocs.build import ShowcaseBuild

    def explode(self, context, page):
        raise RuntimeError("simulated crash while rendering")

    monkeypatch.setattr(ShowcaseBuild, "page_context", explode)
    with pytest.raises(RuntimeError):
        build_site(project.root, out)
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_failed_output_check_keeps_previous_output(built, caplog):
    project, out, before = built
    project.write("data/events/e1.yml", EVENT + "body: 联系人手机 13912345678\n")
    message = failed_build(project, out, caplog)
    assert "events/e1/index.html" in message and "data/events/e1.yml" in message
    assert "139****5678" in message and "13912345678" not in message
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_strict_build_with_a_warning_is_not_published(built):
    project, out, before = built
    project.write("docs/extra.md", "# 额外页面\n\n[坏链接](nowhere.md)\n")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(out), strict=True)
    with pytest.raises(Abort):
        build(cfg)
    assert snapshot(out) == before
    assert leftovers(out) == []


def _slow_project(project, delay: float) -> None:
    """Add a hook that makes every page slow, so a build can be interrupted halfway."""
    project.write("hooks/slow.py", f"import time\n\ndef on_page_markdown(markdown, **kwargs):\n    time.sleep({delay})\n    return markdown\n")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/site.py\n", "  - hooks/site.py\n  - hooks/slow.py\n"), encoding="utf-8")
    for n in range(12):
        project.write(f"data/events/slow-{n}.yml", EVENT.replace("测试活动", f"活动{n}"))


def _start_build(project, out):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [*MKDOCS, "build", "-q", "-f", str(project.root / "mkdocs.yml"), "-d", str(out)],
        cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _wait_for_temporary_folder(out: Path, proc, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if leftovers(out):
            time.sleep(0.5)  # well inside the page loop
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError("the build never created its temporary folder")


def test_ctrl_c_keeps_previous_output_and_cleans_up(built):
    project, out, before = built
    _slow_project(project, 0.3)
    proc = _start_build(project, out)
    _wait_for_temporary_folder(out, proc)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_killed_build_keeps_previous_output_and_next_build_cleans_up(built):
    project, out, before = built
    _slow_project(project, 0.3)
    proc = _start_build(project, out)
    _wait_for_temporary_folder(out, proc)
    proc.kill()  # no chance to clean up
    proc.wait(timeout=60)
    assert snapshot(out) == before
    assert leftovers(out), "a hard kill leaves the temporary folder behind"
    (project.root / "hooks/slow.py").write_text("", encoding="utf-8")
    build_site(project.root, out)
    assert leftovers(out) == []
    assert (out / "events/slow-3/index.html").is_file()


# -- personal numbers ---------------------------------------------------------------


def test_id_number_check_digit():
    assert valid_id_number("11010519491231002X")
    assert valid_id_number("110105194912310029") is False
    assert valid_id_number("11010519491231002") is False


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("身份证 11010519491231002X 号", ["id-number"]),
        ("身份证 110105194912310029 号", []),  # wrong check digit
        ("电话 13912345678。", ["mobile"]),
        ("电话 139 1234 5678", ["mobile"]),
        ("电话 139-1234-5678", ["mobile"]),
        ("座机 0535-12345678", []),
        ("编号 213912345678", []),  # part of a longer number
        ("订单 12912345678", []),  # 12x is not a mobile prefix
    ],
)
def test_scan_numbers(text, kinds):
    assert [kind for kind, _ in scan_numbers(text, set())] == kinds


def test_declared_public_mobile_number_is_allowed(built):
    project, out, _ = built
    site = project.root / "data/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("phone: 010-12345678", "phone: 139 1234 5678"), encoding="utf-8")
    project.write("data/events/e1.yml", EVENT + "body: 咨询电话 13912345678\n")
    build_site(project.root, out)
    assert "13912345678" in (out / "events/e1/index.html").read_text(encoding="utf-8")


def test_id_number_in_a_narrative_names_the_markdown_file(built, caplog):
    project, out, before = built
    project.write("docs/index.md", "# 首页\n\n证件号 11010519491231002X\n")
    message = failed_build(project, out, caplog)
    assert "index.html" in message and "docs/index.md" in message and "疑似身份证号" in message
    assert snapshot(out) == before


def test_private_numbers_never_trigger_because_they_never_leave_the_loader(built):
    project, out, _ = built
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "private:\n  mobile: '13912345678'\n  id: 11010519491231002X\n")
    build_site(project.root, out)  # no finding: private values are dropped before any page exists


# -- links ----------------------------------------------------------------------------


def test_broken_internal_link_and_anchor_fail_the_build(built, caplog):
    project, out, before = built
    project.write("docs/about.md", '# 关于\n\n<a href="../events/missing/">旧活动</a> <a href="../events/e1/#no-such-anchor">锚点</a>\n')
    message = failed_build(project, out, caplog)
    assert "about/index.html" in message and "docs/about.md" in message
    assert "../events/missing/" in message and "#no-such-anchor" in message
    assert snapshot(out) == before


def test_link_check_passes_on_real_anchors_and_external_links(tmp_path):
    site = tmp_path / "s"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text('<h2 id="x">x</h2><a href="#x">1</a><a href="../b.html#y">2</a>'
                                       '<a href="https://example.org/nowhere">3</a><img srcset="../b.html 1x, ../c.png 2x">',
                                       encoding="utf-8")
    (site / "b.html").write_text('<p id="y"></p><a href="a/">a</a>', encoding="utf-8")
    findings = check_site(site)
    assert [(f.page, f.detail) for f in findings] == [("a/index.html", "../c.png")]


def test_links_under_a_sub_path_site_url(tmp_path):
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text('<a href="/wenming/b/">ok</a><a href="/wenming/nope/">bad</a><a href="/other/">outside</a>', encoding="utf-8")
    (site / "b").mkdir()
    (site / "b/index.html").write_text("b", encoding="utf-8")
    findings = check_site(site, base_path="/wenming/")
    assert [f.detail for f in findings] == ["/wenming/nope/"]
