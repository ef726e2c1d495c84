"""Paper and old links, in Debian's chromium: /report/ and /dossier/ printed to A4 PDF through
scripts/print_pdf.py (the example's kept in artifacts/): cover, numbered contents, body from
“— 1 —”, dated sign-off, QR codes per criterion; the print stylesheet, the share block, and
an old link to a renamed record."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import logging
import re
import threading
import unicodedata
from io import BytesIO
from urllib.parse import urlsplit

import pytest
import yaml
from lookkit import DATE, UNIT, write_fixture
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pagekinds import page_kinds
from projectkit import Project
from sitebuild import build_site

from .conftest import REPO

pypdf = pytest.importorskip("pypdf")

A4 = (595.0, 842.0)  # points
SITE_URL = "https://example.org/wenming/"
# Text every printed example must hold (from the page structure, not the example's wording):
# the cover, the contents, the parts of the body, the sign-off.
EXPECTED = {
    "report": ("自查报告", "目录", "（一）", "盖章"),
    "dossier": ("申报材料", "目录", "一、", "情况说明", "盖章"),
}
# Noto CJK maps some glyphs to radicals in the PDF's text layer: ⽰ (U+2F70) → 示 by NFKC,
# and a few CJK Radicals Supplement forms need naming.
_RADICALS = str.maketrans(
    {
        "⺠": "民",
        "⻅": "见",
        "⻆": "角",
        "⻋": "车",
        "⻓": "长",
        "⻔": "门",
        "⻚": "页",
        "⻛": "风",
        "⻢": "马",
        "⻬": "齐",
    }
)
_FOOTER = re.compile(r"—\s*(\d+)\s*—")


def _load_print_pdf():
    """scripts/print_pdf.py, the command editors run: the tests print through it."""
    spec = importlib.util.spec_from_file_location("print_pdf", REPO / "scripts" / "print_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


print_pdf = _load_print_pdf()


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_RADICALS))


def _pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(BytesIO(data))
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 2 and abs(float(page.mediabox.height) - A4[1]) < 2
    return [_normal(page.extract_text() or "") for page in reader.pages]


def _serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def public_example(tmp_path_factory):
    """The example as published at SITE_URL: what a unit prints and hands in."""
    out = tmp_path_factory.mktemp("example-public") / "site"
    cfg = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(out), site_url=SITE_URL)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    build(cfg)
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def print_page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def _unit_name() -> str:
    """The unit's name as data/site.yml gives it (the project's own data, whichever unit)."""
    settings = yaml.safe_load((REPO / "data" / "site.yml").read_text(encoding="utf-8"))
    return _normal(settings["unit"]["name"])


def _check_document(pages: list[str], expected_words, unit: str) -> None:
    front = next(i for i, p in enumerate(pages) if _FOOTER.search(p))  # cover and contents: no number
    cover, contents, body = pages[0], "".join(pages[1:front]), pages[front:]
    assert front == 2, "a cover and a contents page of one page each"
    for word in ("创建", "年度", unit, "盖章"):
        assert _normal(word) in cover, word
    assert "目录" in contents
    numbers = [int(_FOOTER.search(p).group(1)) if _FOOTER.search(p) else None for p in body]
    assert numbers == list(range(1, len(body) + 1)), ("the body is numbered — 1 — on, every page", numbers)
    text = "".join(pages)
    missing = [w for w in expected_words if _normal(w) not in text]
    assert missing == []
    assert unit in pages[-1]  # the sign-off
    for chrome in ("搜索", "企业家风采荣誉墙", "复制链接", "备案", "字号", "打印或保存为PDF"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("name", ["report", "dossier"])
def test_printed_example_pdf(print_page, public_example, artifacts, name):
    data = print_pdf.print_document(print_page, public_example + f"{name}/")
    (artifacts / f"{name}.pdf").write_bytes(data)
    pages = _pages(data)
    _check_document(pages, EXPECTED[name], _unit_name())
    # the contents page is numbered, and each entry starts on the page it names
    entries = re.findall(r"([^\d]+?)(\d+)(?=[^\d]|$)", pages[1].replace("目录", "", 1))
    assert len(entries) >= 3, pages[1]
    for title, number in entries:
        body_page = next(p for p in pages[2:] if _FOOTER.search(p) and int(_FOOTER.search(p).group(1)) == int(number))
        assert title[:6] in body_page, (title, number)
    assert "example.org/wenming/" in "".join(pages)  # short addresses beside the QR codes and items


@pytest.fixture(scope="module")
def look_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("print-look")
    project = Project(base / "proj")
    write_fixture(project, site_url=SITE_URL)
    out = base / "site"
    build_site(project.root, out)
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_cover_contents_and_sign_off(print_page, look_site):
    """A fixture with an emblem, a date and site_url: the first pages as a reviewer receives them."""
    data = print_pdf.print_document(print_page, look_site + "dossier/")
    pages = _pages(data)
    _check_document(pages, ("申报材料", "组织领导", "说明。"), UNIT)
    cover = pages[0]
    for word in ("创建市级文明单位", "申报材料", "（2023年度）", "申报单位（盖章）", DATE):
        assert _normal(word) in cover, word
    assert re.search(r"一、组织领导1", pages[1]), pages[1]  # the contents carry page numbers
    assert DATE in pages[-1]  # the dated sign-off
    reader = pypdf.PdfReader(BytesIO(data))
    images = sum(len(page.images) for page in reader.pages[2:])
    assert images == 1, "one QR code for the one criterion with evidence, not one per item"
    assert "example.org/wenming/events/e-repeat/" in "".join(pages)


def test_print_stylesheet_hides_chrome_and_shows_addresses(print_page, look_site):
    print_page.goto(look_site + "dossier/", wait_until="networkidle")
    displayed = """sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).display)"""
    assert set(print_page.evaluate(displayed, ".sc-print-only")) == {"none"}  # on screen
    print_page.emulate_media(media="print")
    for selector in (".md-header", ".sc-toolbar", ".md-tabs", ".md-sidebar--primary", ".md-footer, .sc-footer", ".sc-share__copy"):
        assert set(print_page.evaluate(displayed, selector)) <= {"none"}, selector
    assert set(print_page.evaluate(displayed, ".sc-print-url")) == {"block"}
    assert set(print_page.evaluate(displayed, ".sc-qr-block")) == {"flex"}
    breaks = print_page.evaluate("[...document.querySelectorAll('.sc-criterion')].map(e => getComputedStyle(e).breakBefore)")
    assert "page" not in breaks  # sections run on: no half-empty pages
    size = print_page.evaluate("() => document.querySelector('.sc-qr-block img').getBoundingClientRect().width")
    assert 80 < size < 100  # 24 mm at 96 dpi ≈ 91 px: large enough for a phone camera


def test_share_block_copies_the_page_address(browser, base_url):
    context = browser.new_context(locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin="{0.scheme}://{0.netloc}".format(urlsplit(base_url)))
    page = context.new_page()
    event = page_kinds(REPO)["event"]  # one of the project's own events
    page.goto(base_url + event + "#sc-main", wait_until="networkidle")
    button = page.locator(".sc-share button")
    public = (load_config(config_file=str(REPO / "mkdocs.yml")).site_url or base_url) + event  # site_url's when set
    assert button.get_attribute("data-clipboard-text") == public
    assert page.locator(".sc-share__url").inner_text() == public
    button.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    context.close()
    assert copied == public


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("renamed-browser")
    project = Project(base / "proj")
    project.write(
        "data/events/2023-new-name.yml",
        "title: 改名后的活动\ndate: 2023-05\ncategory: 教育培训\nformer_ids: [2023-old-name]\n",
    )
    out = base / "site"
    build_site(project.root, out)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_old_link_to_a_renamed_record_lands_on_its_page(browser, renamed_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(renamed_site + "events/2023-old-name/#sc-main")
    page.wait_for_url(renamed_site + "events/2023-new-name/#sc-main")
    assert page.locator("article h1").inner_text() == "改名后的活动"
    context.close()


def test_old_link_works_without_scripts(browser, renamed_site):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(renamed_site + "events/2023-old-name/")
    page.wait_for_url(renamed_site + "events/2023-new-name/")  # the meta refresh alone
    assert page.locator("article h1").inner_text() == "改名后的活动"
    context.close()
