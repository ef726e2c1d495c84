"""Paper and old links, in Debian's chromium: /report/ and /dossier/ printed to A4 PDF (kept in
artifacts/), the print stylesheet, the share block, and an old link to a renamed record."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import unicodedata
from io import BytesIO

import pytest
from projectkit import Project
from sitebuild import build_site

pypdf = pytest.importorskip("pypdf")

A4 = (595.0, 842.0)  # points
EXPECTED = {
    "report": (
        "示例市工商业联合会创建省级文明单位自查报告",
        "（一）高度重视，专题会议研究部署",
        "（五）坚持改革强会",
        "新生代民营企业家“薪火工程”培训班",
        "全国脱贫攻坚先进集体",
        "展望",
        "events/2022-xinhuo-peixun/",
    ),
    "dossier": (
        "申报材料",
        "山东省文明单位考核标准",
        "一、组织领导",
        "八、特色指标",
        "尚无佐证材料",
        "情况说明",
        "召开专题会议研究制定创建省文明单位工作方案",
        "events/2022-chuangjian-zhuanti-huiyi/",
    ),
}
PAGE_RANGE = {"report": (6, 40), "dossier": (8, 50)}
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


def _pdf_text(data: bytes) -> tuple[int, str, list]:
    reader = pypdf.PdfReader(BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    text = unicodedata.normalize("NFKC", text).translate(_RADICALS)
    return len(reader.pages), text, [page.mediabox for page in reader.pages]


@pytest.fixture
def print_page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", ["report", "dossier"])
def test_printed_pdf_has_the_text_and_a_sane_page_count(print_page, base_url, artifacts, name):
    print_page.goto(base_url + f"{name}/", wait_until="networkidle")
    print_page.emulate_media(media="print")
    data = print_page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (artifacts / f"{name}.pdf").write_bytes(data)
    pages, text, boxes = _pdf_text(data)
    compact = re.sub(r"\s+", "", text)
    missing = [s for s in EXPECTED[name] if re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)) not in compact]
    assert missing == [], f"{name}.pdf lacks {missing}"
    low, high = PAGE_RANGE[name]
    assert low <= pages <= high, f"{name}.pdf has {pages} pages"
    for box in boxes:
        assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2
    # page numbers from the @page margin box, on every page
    assert re.search(rf"第1页/共{pages}页", compact), "page numbers missing"
    assert len(re.findall(rf"共{pages}页", compact)) == pages
    # no navigation, search or footer chrome on paper
    for chrome in ("搜索", "企业家风采荣誉墙", "复制链接", "备案"):
        assert chrome not in compact, chrome


def test_print_stylesheet_hides_chrome_and_shows_addresses(print_page, base_url):
    print_page.goto(base_url + "dossier/", wait_until="networkidle")
    displayed = """sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).display)"""
    assert set(print_page.evaluate(displayed, ".sc-print-url")) == {"none"}  # screen: hidden
    print_page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer, .sc-footer", ".sc-share__copy"):
        assert set(print_page.evaluate(displayed, selector)) <= {"none"}, selector
    assert set(print_page.evaluate(displayed, ".sc-print-url")) == {"block"}
    assert set(print_page.evaluate(displayed, ".sc-evidence svg.sc-qr")) == {"block"}
    size = print_page.evaluate("() => document.querySelector('.sc-evidence svg.sc-qr').getBoundingClientRect().width")
    assert 60 < size < 90  # 19 mm at 96 dpi ≈ 72 px: large enough for a phone camera


def test_share_block_copies_the_page_address(browser, base_url):
    context = browser.new_context(locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(base_url + "events/2022-xinhuo-peixun/#sc-main", wait_until="networkidle")
    button = page.locator(".sc-share button")
    assert button.get_attribute("data-clipboard-text") == base_url + "events/2022-xinhuo-peixun/"
    assert page.locator(".sc-share__url").inner_text() == base_url + "events/2022-xinhuo-peixun/"
    button.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    context.close()
    assert copied == base_url + "events/2022-xinhuo-peixun/"


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
