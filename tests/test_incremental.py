"""Incremental rebuilds (``mkdocs serve --dirty``, issue 7): only the pages a change touches are
rendered again, and the output is the same, file for file, as a full build of the same data.

The dirty builds run in-process the way ``mkdocs serve --dirty`` runs them: ``on_startup``
once, then a freshly loaded configuration and ``build(..., dirty=True)`` for every change.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from pathlib import Path

import pytest
from datakit import EVENT, HONOR, IMAGE_BYTES, PERSON
from mkdocs.commands.build import build
from mkdocs.config import load_config
from showcase.derive.relations import build_relations
from showcase.load import load_project
from showcase.output.fingerprints import Fingerprints
from showcase.output.pages import plan_pages
from sitebuild import BuiltSite

SERVE_URL = "http://127.0.0.1:8000/"


def showcase_session(config):
    """The session object the project's hook file holds (hooks/site.py)."""
    return config.plugins["hooks/site.py"]._session


class Session:
    """One `mkdocs serve` process, in-process: on_startup once, a new config per build."""

    def __init__(self, root: Path, out: Path, *, dirty: bool) -> None:
        self.root, self.out, self.dirty = root, out, dirty
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        self.config().plugins.on_startup(command="serve", dirty=dirty)

    def config(self):
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.out))
        config.site_url = SERVE_URL  # as mkdocs serve sets it
        return config

    def build(self) -> None:
        time.sleep(0.01)  # file times must move on between a change and the build, as in real use
        build(self.config(), serve_url=SERVE_URL, dirty=self.dirty)

    def close(self) -> None:
        config = self.config()
        config.plugins.on_startup(command="build", dirty=False)
        showcase_session(config).states.forget(str(self.out))


def full_build(root: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    session = Session(root, out, dirty=False)
    try:
        session.build()
    finally:
        session.close()


def digests(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def differences(a: Path, b: Path) -> list[str]:
    da, db = digests(a), digests(b)
    found = [f"only in incremental: {k}" for k in sorted(set(da) - set(db))]
    found += [f"missing from incremental: {k}" for k in sorted(set(db) - set(da))]
    found += [f"differs: {k}" for k in sorted(set(da) & set(db)) if da[k] != db[k]]
    return found


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


@pytest.fixture
def rich(project):
    """Records with every kind of relation: people in events, honors to people, figures citing
    events, tags, categories, a photo, and a narrative embedding records."""
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "tags: [科技创新]\nphoto:\n  src: photos/zhang.png\n  alt: 张三\n")
    project.write_bytes("data/photos/zhang.png", IMAGE_BYTES)
    project.write("data/entrepreneurs/li-si.yml", PERSON.replace("张三", "李四") + "tags: [乡村振兴]\n")
    project.write("data/entrepreneurs/wang-wu.yml", PERSON.replace("张三", "王五"))
    project.write("data/events/e1.yml", EVENT.replace("测试活动", "薪火培训班") + "entrepreneurs: [zhang-san]\ntags: [科技创新, 培训]\narea: area-one\n")
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "百企帮百村").replace("教育培训", "脱贫攻坚与乡村振兴") + "entrepreneurs: [li-si]\ntags: [乡村振兴]\n")
    for i in range(3, 9):
        project.write(f"data/events/e{i}.yml", EVENT.replace("测试活动", f"其他活动{i}").replace("2022-05-01", f"20{10 + i}-03-0{i}"))
    project.write("data/honors/h1.yml", HONOR.replace("  type: 企业\n  name: 测试企业\n", "  type: 企业家\n  entrepreneur: zhang-san\n"))
    project.write("data/honors/h2.yml", HONOR.replace("测试荣誉", "四好商会"))
    project.write("data/figures/f1.yml", "label: 培训人数\nvalue: 120\nunit: 人\nas_of: 2022\narea: area-one\nsource: events/e1\n")
    project.write("data/figures/f2.yml", "label: 帮扶村数\nvalue: 35\nunit: 个\nas_of: 2022\narea: area-two\n")
    project.write("docs/areas/area-one.md", "# 第一板块\n\n举办了[[event:e1]]，培训 [[figure:f1]]。\n\n[[events area=area-one]]\n")
    project.write("docs/outlook.md", "# 展望\n\n继续努力。\n")
    return project


@pytest.fixture
def session(rich, tmp_path):
    out = tmp_path / "served"
    s = Session(rich.root, out, dirty=True)
    s.build()
    yield s
    s.close()


def edit(project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each change is made on the served site, rebuilt with --dirty and compared with a full build.
CHANGES = {
    "nothing": lambda p: None,
    "event title (shown on its people's pages, tags, category, area)": lambda p: edit(p, "data/events/e1.yml", "薪火培训班", "薪火工程培训班"),
    "person's name (shown on events and honors)": lambda p: edit(p, "data/entrepreneurs/zhang-san.yml", "name: 张三", "name: 张三丰"),
    "new event with a new tag": lambda p: p.write("data/events/e9.yml", EVENT.replace("测试活动", "新增活动") + "entrepreneurs: [wang-wu]\ntags: [新标签]\n"),
    "event moves category": lambda p: edit(p, "data/events/e2.yml", "脱贫攻坚与乡村振兴", "教育培训"),
    "event unpublished": lambda p: edit(p, "data/events/e3.yml", "title:", "published: false\ntitle:"),
    "honor file deleted": lambda p: (p.root / "data/honors/h2.yml").unlink(),
    "figure value (in a narrative and on an event page)": lambda p: edit(p, "data/figures/f1.yml", "value: 120", "value: 150"),
    "photo replaced": lambda p: p.write_bytes("data/photos/zhang.png", _other_png()),
    "site.yml (every page)": lambda p: edit(p, "data/site.yml", "short_name: 测试协会", "short_name: 测试商会"),
    "narrative text": lambda p: edit(p, "docs/outlook.md", "继续努力。", "继续努力，再创佳绩。"),
    "new hand-written page (navigation changes)": lambda p: p.write("docs/about.md", "# 关于\n\n简介。\n"),
    "search synonyms (the index only)": lambda p: p.write("data/search-synonyms.txt", "薪火 薪火工程 新生代\n"),
    "search texts forgotten (.cache/search removed)": lambda p: shutil.rmtree(p.root / ".cache" / "search"),
    "tag removed from its only record": lambda p: edit(p, "data/events/e9.yml", "tags: [新标签]", "tags: []"),
    "record renamed (its old address redirects)": lambda p: _rename(p, "e5", "e5-new"),
    "redirected record's title": lambda p: edit(p, "data/events/e5-new.yml", "其他活动5", "改名的活动"),
    "former address dropped": lambda p: edit(p, "data/events/e5-new.yml", "former_ids: [e5]\n", ""),
}


def _rename(project, old: str, new: str) -> None:
    source = project.root / f"data/events/{old}.yml"
    text = source.read_text(encoding="utf-8")
    source.unlink()
    project.write(f"data/events/{new}.yml", text + f"former_ids: [{old}]\n")


def _other_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 7), (20, 160, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_every_change_gives_the_output_of_a_full_build(session, rich, tmp_path):
    assert differences(session.out, _full(session, tmp_path)) == []
    for name, change in CHANGES.items():
        change(rich)
        session.build()
        problems = differences(session.out, _full(session, tmp_path))
        assert problems == [], f"after change “{name}”: {problems}"


def _full(session, tmp_path) -> Path:
    full = tmp_path / "full"
    full_build(session.root, full)
    return full


def test_a_record_change_renders_only_the_pages_that_show_it(session, rich):
    before = mtimes(session.out)
    edit(rich, "data/events/e1.yml", "薪火培训班", "薪火工程培训班")
    session.build()
    after = mtimes(session.out)
    rendered = {page for page in after if after[page] != before.get(page)}
    # the event, the person it names, its category and tags; the pages that summarise everything
    for page in (
        "events/e1/index.html",
        "entrepreneurs/zhang-san/index.html",
        "categories/jiaoyu-peixun/index.html",
        "tags/培训/index.html",
        "tags/科技创新/index.html",
        "events/index.html",
        "index.html",
        "areas/area-one/index.html",
    ):
        assert page in rendered, page
    # records that do not show it are kept as they were
    for page in (
        "events/e2/index.html",
        "events/e5/index.html",
        "entrepreneurs/li-si/index.html",
        "entrepreneurs/wang-wu/index.html",
        "honors/h2/index.html",
        "tags/乡村振兴/index.html",
        "categories/xiangcun-zhenxing/index.html",
    ):
        assert page in before, page
        assert page not in rendered, page
    docs = BuiltSite(session.out).search_docs
    assert [doc["title"] for doc in docs if doc["url"] == "events/e1/"] == ["薪火工程培训班"]
    urls = [doc["url"] for doc in docs]
    assert len(urls) == len(set(urls)), "a page is in the index twice"


def test_nothing_changed_renders_nothing(session):
    before = mtimes(session.out)
    session.build()
    after = mtimes(session.out)
    assert after.pop("404.html") != before.pop("404.html")  # MkDocs renders its static templates every time
    assert after == before


def test_an_unpublished_record_disappears_from_the_output(session, rich):
    assert (session.out / "events/e4/index.html").is_file()
    edit(rich, "data/events/e4.yml", "title:", "published: false\ntitle:")
    session.build()
    assert not (session.out / "events/e4").exists()
    assert "events/e4/" not in {doc["url"] for doc in BuiltSite(session.out).search_docs}
    assert not any("events/e4/" in p.read_text(encoding="utf-8") for p in (session.out / "search").rglob("*.js"))


def test_data_error_then_fix_shows_problems_everywhere_then_the_whole_site(session, rich, tmp_path):
    edit(rich, "data/events/e1.yml", "date: 2022-05-01", "date: 2022-13-45")
    session.build()
    home = (session.out / "index.html").read_text(encoding="utf-8")
    assert "data/events/e1.yml" in home
    assert not (session.out / "events/e2/index.html").exists(), "old pages would hide the problems"
    edit(rich, "data/events/e1.yml", "date: 2022-13-45", "date: 2022-05-02")
    session.build()
    assert differences(session.out, _full(session, tmp_path)) == []


def test_a_failed_build_makes_the_next_one_full(session, rich, tmp_path, monkeypatch):
    from showcase.mkdocs import finish

    edit(rich, "data/events/e1.yml", "薪火培训班", "失败前的标题")

    def broken(*args, **kwargs):
        raise RuntimeError("模拟的故障")

    monkeypatch.setattr(finish, "check_site", broken)
    with pytest.raises(RuntimeError):
        session.build()
    monkeypatch.undo()
    edit(rich, "data/events/e1.yml", "失败前的标题", "薪火培训班")  # back to what the state knew
    session.build()
    assert differences(session.out, _full(session, tmp_path)) == []


def test_mkdocs_dirty_warning_is_replaced_by_a_chinese_summary(session, rich, caplog):
    edit(rich, "data/events/e1.yml", "薪火培训班", "薪火工程培训班")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        session.build()
    messages = [r.getMessage() for r in caplog.records]
    assert not any("dirty" in m for m in messages if m.startswith("A '"))
    summary = [m for m in messages if m.startswith("增量生成")]
    assert len(summary) == 1 and "重新生成了" in summary[0]


def test_fingerprints_follow_relations_without_mkdocs(rich):
    """Unit level: which page fingerprints a change moves."""

    def prints():
        data = load_project(rich.root)
        rel = build_relations(data)
        specs = plan_pages(data, lambda src: (rich.root / "docs" / src).is_file())
        f = Fingerprints(data, rel)
        return {s.src_uri: f.page(s) for s in specs}

    before = prints()
    assert prints() == before, "fingerprints must not depend on anything but the data (no addresses in reprs)"
    edit(rich, "data/entrepreneurs/li-si.yml", "name: 李四", "name: 李四海")
    after = prints()
    moved = {src for src in before if before[src] != after.get(src)}
    assert "entrepreneurs/li-si.md" in moved
    assert "events/e2.md" in moved  # shows the person card
    assert "tags/乡村振兴.md" in moved
    assert "entrepreneurs/index.md" in moved  # summarises everything
    assert "events/e1.md" not in moved
    assert "entrepreneurs/zhang-san.md" not in moved
    assert "categories/jiaoyu-peixun.md" not in moved


@pytest.mark.skipif(os.name == "nt", reason="POSIX file times")
def test_plain_build_is_unaffected(rich, tmp_path):
    """Without --dirty nothing is kept between builds: every page is written each time."""
    out = tmp_path / "plain"
    full_build(rich.root, out)
    before = mtimes(out)
    full_build(rich.root, out)
    after = mtimes(out)
    assert set(before) == set(after)
    assert all(after[k] != before[k] for k in after)


def test_the_output_check_sees_what_an_incremental_rebuild_wrote(session, rich, caplog):
    edit(rich, "data/events/e2.yml", "title:", "summary: 联系人电话 13812345678\ntitle:")
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        session.build()
    found = [r.getMessage() for r in caplog.records if "疑似手机号" in r.getMessage()]
    assert any(m.startswith("events/e2/index.html") for m in found), found
    assert any(m.startswith("search/") for m in found), found  # the index holds the summary too
    assert all("13812345678" not in m for m in found), "the number is masked in messages"
    # a build with problems is not a base for the next incremental one
    assert str(session.out) not in showcase_session(session.config()).states
