"""Build tests for /dossier/, /report/, the share block and page metadata.

One fixture project is built twice: without ``site_url`` (no QR codes or printed addresses:
they would open nothing) and under a sub-path (``https://example.org/wenming/``: canonical URLs, Open Graph, sitemap
and QR codes hold full addresses). Tests read the output folders.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from PIL import Image
from projectkit import SITE_YML, Project
from showcase.derive.report import prefix_ids, rebase_links, shift_headings, take_title
from showcase.output.qrcodes import QUIET_ZONE, SCALE
from sitebuild import BuiltSite, build_site, resolve_relative

SITE_URL = "https://example.org/wenming/"
CONSENT = "consent:\n  date: 2023-01-01\n  scope: 同意公开姓名和事迹\n"
HOSTILE = '<script>alert("x")</script>&amp;'


def _write_fixture(project: Project) -> None:
    project.write("data/site.yml", SITE_YML + "assessment:\n  standard: 测试省文明单位考核标准\n  period: 近三年\n")
    project.write("data/criteria/zuzhi.yml", "title: 组织领导\norder: 1\n")
    project.write(
        "data/criteria/bushu.yml",
        f"title: 创建工作部署\nitem: zuzhi\norder: 1\nexplanation: '召开专题会议部署创建工作。{HOSTILE}'\n",
    )
    project.write("data/criteria/dangjian.yml", "title: 党建引领\nitem: zuzhi\norder: 2\n")
    project.write(
        "data/criteria/tese.yml",
        "title: 特色指标\norder: 2\npoints: 5\nwording_known: true\nexplanation: 特色工作说明。\n",
    )
    project.write(
        "data/events/e-2023.yml",
        "title: 二〇二三年活动\ndate: 2023-03-01\ncategory: 教育培训\narea: area-one\n"
        "summary: 二〇二三年活动的摘要。\ncriteria: [bushu]\n",
    )
    project.write(
        "data/events/e-2022.yml",
        "title: 二〇二二年活动\ndate: 2022-06\ncategory: 教育培训\narea: area-two\ncriteria: [bushu, tese]\n",
    )
    project.write(
        "data/events/e-2019.yml", "title: 旧活动\ndate: 2019\ncategory: 教育培训\narea: area-two\ncriteria: [bushu]\n"
    )
    project.write("data/events/e-plain.yml", "title: 未标注的活动\ndate: 2023\ncategory: 教育培训\narea: area-one\n")
    project.write(
        "data/honors/h.yml",
        "title: 测试荣誉\nlevel: 省级\nawarding_body: 测试单位\ndate: 2022\narea: area-one\n"
        "recipient:\n  type: 本单位\n  name: 测试协会\ncriteria: [bushu]\n",
    )
    project.write(
        "data/figures/f.yml", "label: 测试数据\nvalue: 35\nunit: 家\nas_of: 2023\narea: area-one\ncriteria: [tese]\n"
    )
    project.write(
        "data/entrepreneurs/zhang-san.yml", f"name: 张三\ncompany: 测试公司\nsummary: 张三的一句话简介。\n{CONSENT}"
    )
    project.write(
        "docs/areas/area-one.md",
        textwrap.dedent(
            """\
            ---
            criteria: [bushu]
            ---
            # 第一板块叙述标题

            第一板块正文，见[二〇二三年活动](../events/e-2023.md)。

            ## 第一板块小节

            <span id="mark">小节正文</span>，[回到小节](#mark)。
            """
        ),
    )
    project.write("docs/outlook.md", "# 展望\n\n## 继续努力\n\n展望正文。\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("dossier")
    project = Project(base / "proj")
    _write_fixture(project)
    return build_site(project.root, base / "out")


@pytest.fixture(scope="module")
def subpath(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("dossier-subpath")
    project = Project(base / "proj")
    _write_fixture(project)
    config = project.root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    return build_site(project.root, base / "out")


def _pages(site: BuiltSite) -> list[str]:
    return [p for p in site.page_urls() if p != "404.html"]


def _section(site: BuiltSite, url: str, anchor: str):
    heading = site.content(url).find(id=anchor)
    assert heading is not None, anchor
    return heading.find_parent("section")


def _evidence_links(section) -> list[str]:
    return [a.get_text(strip=True) for a in section.select("a.sc-evidence__link")]


# -- the dossier ---------------------------------------------------------------------------------


def test_dossier_lists_every_criterion(built):
    content = built.content("dossier/")
    assert content.find("h1").get_text(strip=True) == "申报材料"
    for criterion_id in ("zuzhi", "bushu", "dangjian", "tese"):
        assert content.find(id=criterion_id) is not None, criterion_id
    headings = [h.get_text(strip=True) for h in content.find_all(["h2", "h3"]) if h.get("id")]
    assert headings[:4] == ["一、组织领导", "（1）创建工作部署", "（2）党建引领", "二、特色指标"]
    text = content.get_text()
    assert "测试省文明单位考核标准" in text and "2021年—2023年（近三年）" in text


def test_dossier_evidence_grouped_by_kind_newest_first(built):
    section = _section(built, "dossier/", "bushu")
    groups = [h.get_text(strip=True) for h in section.find_all("h4")]
    assert groups == ["活动（2）", "荣誉（1）", "工作叙述（1）"]
    assert _evidence_links(section) == ["二〇二三年活动", "二〇二二年活动", "测试荣誉", "第一板块叙述标题"]
    assert "另有1项材料不在评价期内" in section.get_text()  # e-2019


def test_every_evidence_link_is_one_click_to_its_page(built):
    content = built.content("dossier/")
    links = content.select("a.sc-evidence__link")
    assert len(links) >= 6
    for a in links:
        path = resolve_relative("dossier/index.html", a["href"])
        fragment = urlsplit(a["href"]).fragment
        assert built.resolves(path), a["href"]
        page = built.content(path)
        if fragment:  # a figure: its row on the figures page
            row = page.find(id=fragment)
            assert row is not None and a.get_text(strip=True) in row.get_text()
        else:
            assert page.find("h1").get_text(strip=True) == a.get_text(strip=True)


def test_published_dossier_shows_no_editors_flags(built):
    """Gaps and unverified wording are for editors (test_editor_notes.py): a reviewer sees facts."""
    content = built.content("dossier/")
    section = _section(built, "dossier/", "dangjian")
    assert section.select_one(".sc-editor-note") is None and content.select_one(".sc-flag-text") is None
    for note in ("待补充", "尚无佐证材料", "情况说明（explanation）", "待核实"):
        assert note not in content.get_text(), note
    assert "党建引领" in content.select_one("nav.sc-dossier__toc").get_text()


def test_dossier_shows_known_points(built):
    tese = _section(built, "dossier/", "tese")
    assert "5分" in tese.get_text()
    assert "分" not in _section(built, "dossier/", "bushu").select_one("h3").find_next("p").get_text()


def test_explanation_is_text_never_markup(built):
    explanation = _section(built, "dossier/", "bushu").select_one(".sc-explanation")
    assert HOSTILE in explanation.get_text()
    assert explanation.find("script") is None
    raw = built.path("dossier/").read_text(encoding="utf-8")
    assert '<script>alert("x")' not in raw


def test_record_page_links_to_its_criteria(built):
    cited = built.content("events/e-2022/").select_one("section.sc-cited")
    assert [a.get_text(strip=True) for a in cited.find_all("a")] == ["创建工作部署", "特色指标"]
    targets = [
        (resolve_relative("events/e-2022/index.html", a["href"]), urlsplit(a["href"]).fragment)
        for a in cited.find_all("a")
    ]
    assert targets == [("dossier/", "bushu"), ("dossier/", "tese")]
    assert built.content("events/e-plain/").select_one("section.sc-cited") is None


def test_review_pages_are_in_the_navigation(built):
    tabs = built.soup("index.html").select_one("nav.md-tabs")
    texts = tabs.get_text() if tabs else built.soup("index.html").get_text()
    assert "文明单位申报" in texts
    assert built.links_to("index.html", "dossier/") and built.links_to("index.html", "report/")


# -- the report --------------------------------------------------------------------------------------


def test_report_reads_like_the_self_inspection_report(built):
    content = built.content("report/")
    assert [h.get_text(strip=True) for h in content.find_all("h1")] == ["测试市测试协会创建市级文明单位自查报告"]
    h2 = [h.get_text(strip=True) for h in content.find_all("h2")]
    assert h2 == ["（一）第一板块叙述标题", "（二）第二板块", "展望"]
    text = content.get_text()
    assert "介绍文字。" in text  # the opening, docs/index.md
    assert text.index("介绍文字。") < text.index("第一板块正文") < text.index("展望正文")
    assert "测试首页" not in text  # the home page's own title is not part of the report


def test_report_areas_carry_their_events_honors_and_figures(built):
    one = _section(built, "report/", "area-area-one")
    assert _evidence_links(one) == ["二〇二三年活动", "未标注的活动", "测试荣誉"]  # 2023-03-01, then 2023
    assert one.select_one("table.sc-figures") is not None and "测试数据" in one.get_text()
    two = _section(built, "report/", "area-area-two")
    assert _evidence_links(two) == ["二〇二二年活动", "旧活动"]


def test_report_narratives_keep_working_links_and_unique_ids(built):
    content = built.content("report/")
    link = next(
        a
        for a in content.find_all("a")
        if a.get_text() == "二〇二三年活动" and "sc-evidence__link" not in a.get("class", [])
    )
    assert resolve_relative("report/index.html", link["href"]) == "events/e-2023/"
    ids = [el["id"] for el in built.soup("report/").find_all(id=True)]
    assert len(ids) == len(set(ids))
    sub = content.find("h3", string="第一板块小节")
    assert sub is not None and sub["id"].startswith("area-area-one-")
    back = next(a for a in content.find_all("a") if a.get_text() == "回到小节")
    assert back["href"] == "#area-area-one-mark" and content.find(id="area-area-one-mark") is not None
    assert content.find("h3", string="继续努力") is not None  # the outlook's h2 moved down a level


def test_every_link_resolves(built, subpath):
    assert built.broken_links() == []
    # 404.html uses absolute /wenming/ links (MkDocs' error page); the build's own output check covers it
    assert [b for b in subpath.broken_links() if not b.startswith("404.html")] == []


# -- share block, QR codes, metadata ------------------------------------------------------------------


def test_every_page_has_a_share_block_and_the_print_stylesheet(built, subpath):
    for url in _pages(built):
        soup = built.soup(url)
        share = soup.select_one("section.sc-share")
        assert share is not None, url
        assert share.select_one("button[data-clipboard-text]") is not None, url
        sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert any(h.endswith("assets/stylesheets/print.css") for h in sheets), url
    for url in _pages(subpath):
        code = subpath.soup(url).select_one("section.sc-share img.sc-qr")
        assert code is not None and code["src"].endswith(".png") and code["alt"], url
    assert built.exists("assets/stylesheets/print.css") and built.exists("assets/images/share.png")


def test_without_site_url_no_qr_code_or_printed_address(built):
    """A bare site path in a QR code or on paper opens nothing: without site_url there are none."""
    for url in _pages(built):
        soup = built.soup(url)
        assert soup.select("img.sc-qr, svg.sc-qr, .sc-qr-block, .sc-print-url") == [], url
    assert not (built.out / "qr").exists()
    share = built.soup("events/e-2023/").select_one("section.sc-share")
    assert share.select_one("button")["data-clipboard-text"] == ""  # filled in by the page's script


def test_without_site_url_no_canonical_or_absolute_open_graph(built):
    head = built.soup("events/e-2023/").head
    assert head.find("link", rel="canonical") is None
    assert head.find("meta", property="og:url") is None and head.find("meta", property="og:image") is None
    assert head.find("meta", property="og:title")["content"] == "二〇二三年活动"


def test_description_comes_from_the_summary(built):
    for url, text in (
        ("events/e-2023/", "二〇二三年活动的摘要。"),
        ("entrepreneurs/zhang-san/", "张三的一句话简介。"),
    ):
        head = built.soup(url).head
        assert head.find("meta", attrs={"name": "description"})["content"] == text
        assert head.find("meta", property="og:description")["content"] == text


def test_subpath_canonical_and_open_graph(subpath):
    head = subpath.soup("events/e-2023/").head
    assert head.find("link", rel="canonical")["href"] == SITE_URL + "events/e-2023/"
    assert head.find("meta", property="og:url")["content"] == SITE_URL + "events/e-2023/"
    image = head.find("meta", property="og:image")["content"]
    assert image == SITE_URL + "assets/images/share.png"
    assert subpath.exists(image[len(SITE_URL) :])
    assert subpath.soup("index.html").head.find("link", rel="canonical")["href"] == SITE_URL


def read_qr_png(path) -> list[list[int]]:
    """The module matrix of one of our QR code PNGs (quiet zone removed), read from its pixels."""
    with Image.open(path) as img:
        grey = img.convert("L")
        side = grey.width // SCALE - 2 * QUIET_ZONE
        assert grey.width == grey.height == (side + 2 * QUIET_ZONE) * SCALE
        return [
            [int(grey.getpixel(((QUIET_ZONE + x) * SCALE + SCALE // 2, (QUIET_ZONE + y) * SCALE + SCALE // 2)) < 128)
             for x in range(side)]
            for y in range(side)
        ]


def _matrix(text: str) -> list[list[int]]:
    import segno

    return [[int(v) for v in row] for row in segno.make(text, error="m", micro=False, boost_error=False).matrix]


def _qr_targets(site: BuiltSite) -> list[tuple[str, str, str]]:
    """(page, address printed or shown beside it, image src) for every QR code."""
    found = []
    for url in _pages(site):
        soup = site.soup(url)
        for block in soup.select(".sc-qr-block"):
            found.append((url, "https://" + block.select_one(".sc-print-url").get_text(strip=True), block.img["src"]))
        share = soup.select_one("section.sc-share")
        found.append((url, share.select_one(".sc-share__url").get_text(strip=True), share.select_one("img.sc-qr")["src"]))
    return found


def test_subpath_every_qr_code_resolves(subpath):
    targets = _qr_targets(subpath)
    assert len(targets) > 20
    assert any(page == "dossier/index.html" for page, _, _ in targets[:-1])
    for page, full, src in targets:
        image = resolve_relative(page, src)
        assert read_qr_png(subpath.out / image) == _matrix(full), (page, full)  # holds exactly that address
        assert full.startswith(SITE_URL), (page, full)
        rel = full[len(SITE_URL) :]
        site_path, _, fragment = rel.partition("#")
        assert subpath.resolves(site_path), (page, full)
        if fragment:
            assert subpath.soup(site_path or "index.html").find(id=fragment) is not None, full
    copy = subpath.soup("events/e-2023/").select_one("section.sc-share button")
    assert copy["data-clipboard-text"] == SITE_URL + "events/e-2023/"


def test_subpath_qr_codes_group_the_evidence(subpath):
    """On paper: one QR code per criterion with evidence (and per report section), each item
    with its short address; never one code per item."""
    dossier = subpath.content("dossier/")
    assert dossier.select(".sc-evidence__item .sc-qr") == []
    codes = [b.select_one(".sc-print-url").get_text(strip=True) for b in dossier.select(".sc-qr-block")]
    assert codes == ["example.org/wenming/dossier/#bushu", "example.org/wenming/dossier/#tese"]
    item = _section(subpath, "dossier/", "bushu").select_one(".sc-evidence__item .sc-print-url")
    assert item.get_text(strip=True) == "example.org/wenming/events/e-2023/"
    report = [b.select_one(".sc-print-url").get_text(strip=True) for b in subpath.content("report/").select(".sc-qr-block")]
    assert report == ["example.org/wenming/areas/area-one/", "example.org/wenming/areas/area-two/"]


def test_subpath_sitemap_lists_every_public_page_and_nothing_else(subpath):
    root = ET.fromstring(subpath.path("sitemap.xml").read_text(encoding="utf-8"))
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(set(locs))
    expected = {SITE_URL + re.sub(r"index\.html$", "", url) for url in _pages(subpath)}
    assert set(locs) == expected
    assert SITE_URL + "dossier/" in locs and SITE_URL + "report/" in locs
    assert all(urlsplit(loc).path.startswith("/wenming/") for loc in locs)


# -- report HTML adjustments, unit level ---------------------------------------------------------------


def test_take_title_and_shift_headings():
    title, rest = take_title('<h1 id="a">标题 <em>一</em></h1>\n<p>正文</p><h2 id="b">小节</h2>')
    assert title == "标题 <em>一</em>"
    assert shift_headings(rest) == '<p>正文</p><h3 id="b">小节</h3>'
    assert shift_headings("<h6>x</h6>") == "<h6>x</h6>"


def test_prefix_ids_follows_same_page_links():
    html = '<h2 id="x">小节</h2><a href="#x">回到</a><a href="../y/#x">别页</a>'
    assert prefix_ids(html, "p") == '<h2 id="p-x">小节</h2><a href="#p-x">回到</a><a href="../y/#x">别页</a>'


@pytest.mark.parametrize(
    "html, src_url, expected",
    [
        ('<a href="../../events/e/">x</a>', "areas/a/", '<a href="../events/e/">x</a>'),
        ('<a href="events/e/#f">x</a>', "", '<a href="../events/e/#f">x</a>'),
        (
            '<img src="../../media/p.jpg" srcset="../../media/p-1.jpg 1x, ../../media/p-2.jpg 2x">',
            "areas/a/",
            '<img src="../media/p.jpg" srcset="../media/p-1.jpg 1x, ../media/p-2.jpg 2x">',
        ),
        (
            '<a href="https://example.org/">x</a><a href="#top">y</a><a href="mailto:a@b.c">z</a>',
            "areas/a/",
            '<a href="https://example.org/">x</a><a href="#top">y</a><a href="mailto:a@b.c">z</a>',
        ),
    ],
)
def test_rebase_links(html, src_url, expected):
    assert rebase_links(html, src_url, "report/") == expected


def test_rebase_links_without_directory_urls():
    assert (
        rebase_links('<a href="../events/e.html">x</a>', "areas/a.html", "report.html")
        == '<a href="events/e.html">x</a>'
    )


def test_qr_png_draws_exactly_the_segno_matrix(tmp_path):
    from showcase.output.qrcodes import QRCodes

    text = SITE_URL + "events/e-2023/"
    codes = QRCodes(tmp_path / "cache")
    code = codes.code(text)
    assert codes.write(tmp_path / "site") == [code.src]
    png = tmp_path / "site" / code.src
    assert read_qr_png(png) == _matrix(text)
    assert (tmp_path / "cache" / code.name).read_bytes() == png.read_bytes()  # drawn once, cached
    assert png.stat().st_size < 2000  # small enough for every page
