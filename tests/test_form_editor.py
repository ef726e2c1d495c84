"""showcase edit: the server, the vendored bundle, the .git marker, team settings, and the rule
that the editor is never published (the output check refuses its files in any build)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from datakit import EVENT
from mkdocs.exceptions import Abort
from projectkit import Project
from showcase.output.outputcheck import EDITOR_MARK, check_site
from showcase.tools.formeditor import (
    ASSETS,
    EditorApp,
    EditorSettingsError,
    comment_lines,
    ensure_git_folder,
    export_editor,
    locale_json,
    make_server,
    read_backend,
    site_path,
)
from sitebuild import build_site

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"


def _need_node_modules() -> None:
    if not (NODE_MODULES / "@sveltia/cms/dist/sveltia-cms.js").is_file():
        if os.environ.get("CI"):
            pytest.fail("node_modules missing: scripts/setup-dev.sh runs npm ci")
        pytest.skip("node_modules missing: run npm ci")


# -- the bundle ---------------------------------------------------------------------------------


def test_vendored_editor_is_the_pinned_npm_package_with_local_fonts(tmp_path):
    _need_node_modules()
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import vendor_editor
    finally:
        sys.path.remove(str(REPO / "scripts"))
    fresh = tmp_path / "vendor"
    vendor_editor.vendor(fresh)
    committed = ASSETS / "vendor"
    names = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), f"run scripts/vendor_editor.py: {name}"
    bundle = (committed / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in bundle
    version = json.loads((NODE_MODULES / "@sveltia/cms/package.json").read_text(encoding="utf-8"))["version"]
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]["@sveltia/cms"]
    assert version == pinned


def test_our_interface_strings_are_strings_sveltia_has():
    _need_node_modules()
    english = json.loads((NODE_MODULES / "@sveltia/cms/locales/en-US.json").read_text(encoding="utf-8"))
    ours = json.loads((ASSETS / "zh-CN.json").read_text(encoding="utf-8"))
    for key in ours:
        node = english
        for part in key.split("."):
            assert isinstance(node, dict) and part in node, f"zh-CN.json: Sveltia has no string {key}"
            node = node[part]
    merged = json.loads(locale_json("zh-CN"))
    assert merged["work_with_local_repo"] == "打开项目文件夹"
    assert merged["entry_sidebar"]["slug"]["title"] == "编号（文件名）"


def test_the_editor_lives_outside_what_mkdocs_publishes():
    assert not ASSETS.is_relative_to(REPO / "docs") and not ASSETS.is_relative_to(REPO / "overrides")
    assert EDITOR_MARK in (ASSETS / "index.html").read_text(encoding="utf-8")
    assert (ASSETS / "vendor" / "sveltia-cms.js").is_file()


# -- the server ---------------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path):
    project = Project(tmp_path / "项目 文件夹")
    project.write("data/events/2023-a.yml", EVENT)
    server = make_server(EditorApp(project.root, preview_url="http://127.0.0.1:8000/"), 0)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url: str, host: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_server_answers_with_explicit_types_and_a_strict_policy(served):
    _, base = served
    status, headers, body = _get(base + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "script-src 'self';" in headers["Content-Security-Policy"]  # no inline scripts, no eval
    assert '<meta name="showcase-editor-mode" content="local">' in body.decode()
    assert '<meta name="showcase-editor-check" content="api/check">' in body.decode()
    for path, expected in [
        ("/editor.js", "text/javascript; charset=utf-8"),
        ("/editor.css", "text/css; charset=utf-8"),
        ("/vendor/sveltia-cms.js", "text/javascript; charset=utf-8"),
        ("/vendor/fonts/material-symbols-outlined-latin-wght-normal.woff2", "font/woff2"),
        ("/locales/zh-CN.json", "application/json; charset=utf-8"),
        ("/config.json", "application/json; charset=utf-8"),
    ]:
        status, headers, _ = _get(base + path)
        assert (status, headers["Content-Type"], headers["X-Content-Type-Options"]) == (200, expected, "nosniff"), path
    for path in ("/vendor/../formeditor.py", "/formeditor.py", "/index.html/../../cli.py", "/zh-CN.json", "/vendor/x.py"):
        assert _get(base + path)[0] == 404, path
    assert _get(base + "/", host="attacker.example")[0] == 403  # a name rebound to 127.0.0.1


def test_server_configuration_is_the_projects(served):
    _, base = served
    config = json.loads(_get(base + "/config.json")[2])
    assert config["app_title"] == "测试市测试协会 · 网站内容编辑"
    assert config["backend"]["repo"] == "local/项目 文件夹"
    events = next(c for c in config["collections"] if c["name"] == "events")
    area = next(f for f in events["fields"] if f["name"] == "area")
    assert [o["label"] for o in area["options"]] == ["第一板块", "第二板块"]
    assert config["site_url"] == "http://127.0.0.1:8000/"


def test_the_form_offers_the_units_own_lists(served):
    project, base = served
    site = (project.root / "data" / "site.yml").read_text(encoding="utf-8")
    project.write(
        "data/site.yml",
        site + "vocabularies:\n  event_categories:\n    - slug: huiyi\n      label: 会议\n"
        "    - slug: zhiyuan-fuwu\n      label: 志愿服务\n",
    )
    config = json.loads(_get(base + "/config.json")[2])  # read again at every page load
    events = next(c for c in config["collections"] if c["name"] == "events")
    category = next(f for f in events["fields"] if f["name"] == "category")
    assert [o["value"] for o in category["options"]] == ["会议", "志愿服务"]


def test_check_endpoint_follows_the_files(served):
    project, base = served
    status, _, body = _get(base + "/api/check")
    report = json.loads(body)
    assert status == 200 and report["ok"] is True and report["problems"] == []
    assert any("已发布" in line for line in report["summary"])
    assert _get(base + "/api/check?known=" + report["version"])[0] == 304  # nothing changed
    project.write("data/events/2023-a.yml", "# 说明\ntitle: 测试活动\ndate: 2022-13-01\ncategory: 教育培训\n")
    report = json.loads(_get(base + "/api/check?known=" + report["version"])[2])
    assert report["ok"] is False
    [problem] = report["problems"]
    assert (problem["path"], problem["line"], problem["field"]) == ("data/events/2023-a.yml", 3, "date")
    assert "没有 13 月" in problem["message"]
    assert report["comments"] == {"data/events/2023-a.yml": [1]}


def test_comment_lines():
    text = (
        "# a comment\n"
        "title: 活动 # after a value\n"
        "quote: \"引号里的 # 不是注释\"\n"
        "url: https://example.org/#anchor\n"
        "body: |\n"
        "  # 这是正文里的标题，不是注释\n"
        "  第二段\n"
        "tags: [a, b]  # 标签\n"
    )
    assert comment_lines(text) == [1, 2, 8]
    assert comment_lines("title: 'unclosed\n# x\n") == []  # unreadable: the loader reports it


def test_git_folder_is_made_once_and_git_ignores_it(tmp_path):
    root = tmp_path / "项目"
    (root / "data").mkdir(parents=True)
    assert ensure_git_folder(root) is True
    assert (root / ".git").is_dir() and ensure_git_folder(root) is False
    worktree = tmp_path / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    assert ensure_git_folder(worktree) is False  # a worktree's .git file is left alone
    if shutil.which("git") is None:
        return
    # The marker neither makes a repository nor hides the project from one around it.
    outer = tmp_path
    subprocess.run(["git", "init", "-q", str(outer)], check=True)
    (root / "data" / "x.yml").write_text("a: 1\n", encoding="utf-8")
    listed = subprocess.run(
        ["git", "-c", "core.quotepath=false", "-C", str(outer), "status", "--porcelain", "-uall"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "项目/data/x.yml" in listed  # still part of the repository around it
    assert "说明.txt" not in listed  # the marker itself is never tracked
    inner = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
    )
    assert Path(inner.stdout.strip()).resolve() == outer.resolve()


def test_site_path_follows_site_url(tmp_path):
    project = Project(tmp_path / "p")
    assert site_path(project.root) == "/"
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        "site_url: https://example.org/wenming/\n" + text + "x: !!python/name:os.getcwd\n", encoding="utf-8"
    )
    assert site_path(project.root) == "/wenming/"


# -- team settings --------------------------------------------------------------------------------


def test_team_settings(tmp_path):
    root = tmp_path
    assert read_backend(root).remote is False
    (root / "editor.yml").write_text(
        "backend: gitea\nrepo: wenming/showcase\nbase_url: https://git.example.cn\nbranch: main\n", encoding="utf-8"
    )
    backend = read_backend(root)
    assert (backend.name, backend.repo, backend.api()) == ("gitea", "wenming/showcase", "https://git.example.cn/api/v1")
    for text, fragment in [
        ("backend: github\nrepo: a/b\nbase_url: https://x\n", "backend 只能写"),
        ("backend: gitea\nrepo: showcase\nbase_url: https://x\n", "所有者/仓库名"),
        ("backend: gitea\nrepo: a/b\n", "base_url"),
        ("backend: gitea\nrepo: a/b\nbase_url: https://x\ntoken: secret\n", "不认识的设置“token”"),
        ("- gitea\n", "名称: 值"),
    ]:
        (root / "editor.yml").write_text(text, encoding="utf-8")
        with pytest.raises(EditorSettingsError, match=fragment):
            read_backend(root)


def test_export_for_a_team_server(tmp_path):
    project = Project(tmp_path / "p")
    backend_text = "backend: gitlab\nrepo: wenming/showcase\nbase_url: https://gitlab.example.cn\napp_id: abc123\n"
    (project.root / "editor.yml").write_text(backend_text, encoding="utf-8")
    out = tmp_path / "editor-export"
    with pytest.raises(EditorSettingsError, match="只有团队编辑"):
        export_editor(project.root, out, read_backend(tmp_path))
    files = export_editor(project.root, out, read_backend(project.root))
    names = {p.relative_to(out).as_posix() for p in files}
    assert {"index.html", "config.json", "editor.js", "editor.css", "locales/zh-CN.json", "vendor/sveltia-cms.js"} <= names
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "https://gitlab.example.cn" in page
    assert '<meta name="showcase-editor-mode" content="team">' in page
    assert "showcase-editor-check" not in page  # no check of this computer's folder on a web server
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "gitlab" and config["backend"]["app_id"] == "abc123"


# -- never published ------------------------------------------------------------------------------


def _editor_copy(folder: Path) -> None:
    shutil.copytree(ASSETS, folder, ignore=shutil.ignore_patterns("fonts", "locales"))


def test_output_check_refuses_editor_files(tmp_path):
    site = tmp_path / "site"
    (site / "ok").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><p>首页</p></body></html>", encoding="utf-8")
    (site / "ok" / "index.html").write_text(
        f"<html><body><p>{EDITOR_MARK.replace('<', '&lt;')}</p></body></html>", encoding="utf-8"
    )  # the mark as text on a page (escaped) is not the editor
    assert check_site(site) == []
    (site / "admin").mkdir()
    (site / "admin" / "index.html").write_text(f"<html><head>{EDITOR_MARK}</head></html>", encoding="utf-8")
    (site / "admin" / "sveltia-cms.js").write_text("/* bundle */", encoding="utf-8")
    found = {(f.page, f.kind) for f in check_site(site)}
    assert found == {("admin/index.html", "editor"), ("admin/sveltia-cms.js", "editor")}
    assert all("编辑器" in f.message() for f in check_site(site))


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        # theme files are copied into the site as they are: the output check stops the editor
        ("overrides/admin", "admin/vendor/sveltia-cms.js: 这是表单编辑器的文件"),
        # docs/ takes only Markdown and pictures: the data check stops it before anything is built
        ("docs/admin", "docs/admin/vendor/sveltia-cms.js:1: docs/ 中不能放 .js 文件"),
    ],
)
def test_build_refuses_to_publish_the_editor(tmp_path, caplog, folder, message):
    project = Project(tmp_path / "p")
    project.write("data/events/2023-a.yml", EVENT)
    _editor_copy(project.root / folder)  # someone copied the editor into the site's sources
    out = tmp_path / "site"
    with pytest.raises(Abort):
        build_site(project.root, out)
    assert message in caplog.text  # (a page carrying the editor's mark: test_output_check_refuses_editor_files)
    assert not out.exists() or not any(out.rglob("*.html"))  # nothing published


def test_a_normal_build_and_the_offline_zip_have_no_editor(tmp_path):
    project = Project(tmp_path / "p")
    project.write("data/events/2023-a.yml", EVENT)
    ensure_git_folder(project.root)
    site = build_site(project.root, tmp_path / "site")
    names = {p.name for p in site.all_files()}
    assert not names & {"sveltia-cms.js", "editor.js", "config.json"}
    assert not any(EDITOR_MARK in p.read_text(encoding="utf-8") for p in site.html_files())
    # the offline edition is built by the same hooks, so the same output check guards it
    shutil.copyfile(REPO / "mkdocs-offline.yml", project.root / "mkdocs-offline.yml")
    from showcase.mkdocs.offline import build_offline

    archive = build_offline(project.root, tmp_path / "offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert any(n.endswith(("events/2023-a/index.html", "events/2023-a.html")) for n in names), names[:20]
        assert not any(Path(n).name in {"sveltia-cms.js", "editor.js"} for n in names)
        assert not any(EDITOR_MARK in z.read(n).decode("utf-8", "replace") for n in names if n.endswith(".html"))


def test_the_vendored_bundle_loads_no_code_from_a_foreign_host():
    """unpkg.com and other script CDNs do not load in mainland China (and the editor must work
    offline): the bundle's module addresses point at the editor's own server."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import vendor_editor
    finally:
        sys.path.remove(str(REPO / "scripts"))

    bundle = (REPO / "hooks/showcase/tools/editor/vendor/sveltia-cms.js").read_text(encoding="utf-8")
    for host in (*vendor_editor.FOREIGN_SCRIPT_HOSTS, "fonts.googleapis.com", "fonts.gstatic.com"):
        assert host not in bundle, host
    assert vendor_editor.LOCAL_CDN + "@sveltia/cms" in bundle
