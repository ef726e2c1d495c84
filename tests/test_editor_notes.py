"""Editors' notes never reach a published site, and the preview shows every one of them.

Unverified wording or points of a criterion, an editor's remark on it, a criterion without
evidence or explanation, a date inferred rather than stated (``date_note``), a record citing
no criterion: one fixture has each. Its published build is searched file by file (pages,
search index, sitemap, everything text) for any note; a preview build (``mkdocs serve``, run
in-process) and a reviewers' draft (``editor_notes: true``) show each note on its page.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from projectkit import SITE_YML, Project
from showcase.derive.notes import FIXED_TEXTS, editor_notes
from showcase.derive.summary import summary_lines
from showcase.load import load_project
from showcase.output.personal import reader_text
from sitebuild import BuiltSite, build_site

SERVE_URL = "http://127.0.0.1:8000/"
DATE_NOTE = "报告未载明举办日期，按报告年度推定为二〇二三年"
REMARK = "本条名称为编辑概括，尚待对照省文明办原文"
# what editors wrote or what the notes say; none of it may be published
NOTE_WORDS = (DATE_NOTE, REMARK, "待核实", "待补充", "编辑提示", "编辑备注", "未标注考核标准", "日期说明")


def write_fixture(project: Project, *, draft: bool = False) -> None:
    project.write("data/site.yml", SITE_YML + ("editor_notes: true\n" if draft else ""))
    project.write("data/criteria/zuzhi.yml", "title: 组织领导\norder: 1\n")
    project.write(
        "data/criteria/bushu.yml",
        f"title: 创建工作部署\nitem: zuzhi\norder: 1\nnote: {REMARK}\nexplanation: 召开专题会议部署创建工作。\n",
    )
    project.write("data/criteria/kongbai.yml", "title: 尚无材料的一条\nitem: zuzhi\norder: 2\n")
    project.write(
        "data/criteria/hedui.yml", "title: 已核实的一条\norder: 2\npoints: 5\nwording_known: true\nexplanation: 说明。\n"
    )
    project.write(
        "data/events/e-dated.yml",
        f"title: 日期推定的活动\ndate: 2023\ndate_note: {DATE_NOTE}\ncategory: 教育培训\narea: area-one\n"
        "summary: 活动摘要。\nbody: 活动正文。\ncriteria: [bushu, hedui]\n",
    )
    project.write("data/events/e-plain.yml", "title: 未标注标准的活动\ndate: 2023-05-01\ncategory: 教育培训\narea: area-one\n")
    project.write(
        "data/figures/f-hidden.yml", "label: 未公开的数据\nvalue: '**'\nunit: 家\nas_of: 2023\narea: area-one\ncriteria: [hedui]\n"
    )


def text_files(site: BuiltSite) -> list[Path]:
    suffixes = {".html", ".json", ".xml", ".txt", ".js", ".css", ".webmanifest"}
    return [p for p in site.all_files() if p.suffix in suffixes or p.name.endswith(".xml.gz")]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("notes-published")
    project = Project(base / "proj")
    write_fixture(project)
    return build_site(project.root, base / "out")


@pytest.fixture(scope="module")
def notes(published):
    return editor_notes(load_project(published.out.parent / "proj"))


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> BuiltSite:
    """The fixture built the way `mkdocs serve` builds it (in-process)."""
    base = tmp_path_factory.mktemp("notes-preview")
    project = Project(base / "proj")
    write_fixture(project)
    out = base / "out"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    def config():
        cfg = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(out))
        cfg.site_url = SERVE_URL  # as mkdocs serve sets it
        return cfg

    config().plugins.on_startup(command="serve", dirty=False)
    try:
        build(config(), serve_url=SERVE_URL)
    finally:
        config().plugins.on_startup(command="build", dirty=False)  # later builds in this process publish
    return BuiltSite(out)


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> tuple[BuiltSite, list[str]]:
    base = tmp_path_factory.mktemp("notes-draft")
    project = Project(base / "proj")
    write_fixture(project, draft=True)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        site = build_site(project.root, base / "out")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return site, [r.getMessage() for r in records if r.levelno >= logging.WARNING]


def test_the_fixture_has_every_kind_of_note(notes):
    texts = "\n".join(notes.texts())
    for fixed in FIXED_TEXTS:
        assert fixed in texts, fixed
    assert DATE_NOTE in texts and REMARK in texts
    assert {n.key for n in notes} >= {"criteria/bushu", "criteria/kongbai", "events/e-dated", "events/e-plain"}


def test_no_note_in_any_published_file(published, notes):
    """Pages, the search index, the sitemap: nothing an editor still has to do is published."""
    files = text_files(published)
    assert any(p.relative_to(published.out).as_posix() == "search/m.js" for p in files)  # the search index
    found = []
    for path in files:
        raw = published.text_of(path)
        text = raw + "\n" + reader_text(path.name, raw)  # index files as their decoded JSON too
        for note in (*notes.texts(), *NOTE_WORDS):
            if note in text:
                found.append(f"{path.relative_to(published.out)}: {note}")
    assert found == []
    assert published.soup("dossier/").select(".sc-editor-note, .sc-flag-text") == []


def test_published_pages_still_show_the_facts(published):
    event = published.content("events/e-dated/")
    assert "2023年" in event.get_text() and "活动正文。" in event.get_text()
    dossier = published.content("dossier/")
    assert "召开专题会议部署创建工作。" in dossier.get_text() and "5分" in dossier.get_text()
    assert dossier.find(id="kongbai") is not None  # a criterion without evidence is still listed


def test_preview_shows_every_note_on_its_page(preview, notes):
    pages = {"events/e-dated": "events/e-dated/", "events/e-plain": "events/e-plain/"}
    for note in notes:
        url = pages.get(note.key, "dossier/" if note.key.startswith("criteria/") else None)
        if url is None:
            continue  # figures have no page of their own
        boxes = preview.content(url).select(".sc-editor-note")
        assert any(note.text in box.get_text() for box in boxes), (url, note.text)
        assert any(note.file in box.get_text() for box in boxes), (url, note.file)  # where to fix it
    toc = preview.content("dossier/").select_one("nav.sc-dossier__toc").get_text()
    assert "待补充" in toc


def test_reviewers_draft_shows_notes_and_warns(draft, notes):
    site, warnings = draft
    text = site.content("events/e-dated/").get_text()
    assert DATE_NOTE in text
    assert any("editor_notes: true" in w and "审阅稿" in w for w in warnings), warnings


def test_completeness_report_lists_the_notes(published):
    lines = "\n".join(summary_lines(load_project(published.out.parent / "proj")))
    assert DATE_NOTE in lines and REMARK in lines
    assert "data/events/e-dated.yml" in lines
    assert "名称尚未与标准原文核对" in lines and "没有分值" in lines
