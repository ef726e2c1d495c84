"""How the showcase presents a unit: numbers as Chinese readers expect them, a summary shown
once, the emblem as logo, icon and share picture, the landing page, the 404 page, the parts of
a document handed in on paper, and the warning when QR codes must be left out.

Unit tests for the number wording and the summary check (no MkDocs), then build tests on one
fixture project (built with and without ``site_url``) read as parsed HTML.
"""

from __future__ import annotations

import logging
import re

import pytest
from lookkit import SITE_URL, write_fixture
from PIL import Image
from projectkit import Project
from showcase.core.values import Quantity
from showcase.core.vocab import FIGURE_MEASURES
from showcase.derive.descriptions import repeats_summary
from showcase.derive.numbers import prose, reading
from sitebuild import BuiltSite, build_site, resolve_relative

COUNT, RANK, PERCENT = FIGURE_MEASURES.terms


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quantity, unit, approx, measure, expected",
    [
        (Quantity(35), "家", None, None, "35家"),
        (Quantity(100), "人", "近", None, "近100人"),
        (Quantity(3000), "万元", "余", None, "3,000余万元"),
        (Quantity(2.5), "亿元", "约", COUNT, "约2.5亿元"),
        (Quantity(2), "名", None, RANK, "第2名"),
        (Quantity(3), None, None, RANK, "第3名"),
        (Quantity(100), "%", None, None, "100%"),
        (Quantity(100), "％", None, None, "100%"),
        (Quantity(95), None, None, PERCENT, "95%"),
        (Quantity(None, withheld=True), "家", "近", None, "未公开"),
    ],
)
def test_reading(quantity, unit, approx, measure, expected):
    assert reading(quantity, unit, approx, measure).text == expected


@pytest.mark.parametrize(
    "unit, measure, expected",
    [("家", None, "若干家"), ("万元", COUNT, "若干万元"), (None, None, "若干"), ("名", RANK, "名次未公开"),
     ("%", None, "比例未公开"), (None, PERCENT, "比例未公开")],
)
def test_withheld_in_a_sentence_reads_naturally(unit, measure, expected):
    said = prose(Quantity(None, withheld=True), unit, "近", measure)
    assert said.text == expected and said.withheld
    assert "—" not in said.text and "（" not in said.text


def test_published_number_reads_the_same_in_a_sentence():
    assert prose(Quantity(35), "家").text == "35家"


@pytest.mark.parametrize(
    "summary, body, repeated",
    [
        ("启动助力行动，对重点村开展结对帮扶。", "启动助力行动，对重点村开展结对帮扶。\n\n第二段。", True),
        ("启动助力行动，对重点村开展结对帮扶。", "启动助力行动对重点村，开展结对帮扶。", True),  # punctuation moved
        ("组织双50强评选，深化企业培树活动。", "深化企业培树活动，组织双50强评选。", True),  # clauses swapped
        ("举办执委培训班。", "举办执委培训班。培训班与其他培训班合计举办多场，参加企业家众多。", True),
        ("培训", "举办新生代企业家培训班，激励引导企业家听党话、感党恩、跟党走。", False),
        ("表彰一批优秀企业家。", "举办新生代企业家培训班，激励引导企业家听党话。", False),
        ("表彰一批优秀企业家。", None, False),
    ],
)
def test_repeats_summary(summary, body, repeated):
    assert repeats_summary(summary, body) is repeated


# -- a fixture site ----------------------------------------------------------------------------


def _build(base, site_url=None) -> tuple[BuiltSite, list[str]]:
    project = Project(base / "proj")
    write_fixture(project, site_url=site_url)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        site = build_site(project.root, base / "out")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return site, [r.getMessage() for r in records if r.levelno >= logging.WARNING]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[BuiltSite, list[str]]:
    return _build(tmp_path_factory.mktemp("presentation"))


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> tuple[BuiltSite, list[str]]:
    return _build(tmp_path_factory.mktemp("presentation-public"), SITE_URL)


@pytest.fixture(scope="module")
def site(built) -> BuiltSite:
    return built[0]


def _pages(site: BuiltSite) -> list[str]:
    return site.page_urls()


def test_headline_cards_read_as_chinese_numbers(site):
    stats = site.content("index.html").select(".sc-stat")
    values = {s.select_one(".sc-stat__label").get_text(strip=True): s.select_one(".sc-stat__value").get_text("", strip=True)
              for s in stats}
    assert values == {"捐款数全省排名": "第2名", "党组织覆盖率": "100%"}  # the withheld one is no card
    assert all(s.select_one(".sc-stat__asof").get_text(strip=True) == "截至2023年" for s in stats)


def test_no_number_is_ever_shown_as_a_dash_or_spaced_from_its_unit(site):
    for url in _pages(site):
        text = site.content(url).get_text() if url != "404.html" else ""
        assert "—（未公开）" not in text and "（未公开）" not in text, url
        assert not re.search(r"\d [家名人项个场]", text), (url, re.search(r"\d [家名人项个场].{0,10}", text))


def test_figures_in_a_narrative_read_naturally(site):
    paragraph = site.content("areas/area-one/").find("p", string=re.compile("组建")) or next(
        p for p in site.content("areas/area-one/").find_all("p") if "组建" in p.get_text()
    )
    assert paragraph.get_text() == "组建异地商会若干家，位列全省第2名，覆盖率100%。"


def test_a_summary_is_shown_once(site):
    repeated = site.content("events/e-repeat/")
    assert repeated.select_one(".sc-lead") is None
    assert repeated.get_text().count("启动助力行动") == 1
    own = site.content("events/e-own/")
    assert own.select_one(".sc-lead").get_text(strip=True) == "一句不同的摘要。"


def test_withheld_count_is_left_out_of_a_record_and_others_read_naturally(site):
    facts = site.content("events/e-own/").select_one("dl.sc-facts")
    labels = [dt.get_text(strip=True) for dt in facts.find_all("dt")]
    assert "场次" not in labels  # withheld
    dd = facts.find("dt", string="参加人数").find_next_sibling("dd")
    assert dd.get_text(strip=True) == "120人次"


def test_source_never_links_a_page_to_itself(site):
    for url in ("events/e-own/", "events/e-repeat/"):
        table = site.content(url).select_one("table.sc-figures")
        assert table is not None, url
        assert not site.links_to(url, url, table), url
    headers = [th.get_text(strip=True) for th in site.content("events/e-own/").select("table.sc-figures thead th")]
    assert "来源" not in headers  # every figure there comes from this page
    assert "来源" in [th.get_text(strip=True) for th in site.content("figures/").select("table.sc-figures thead th")]


def test_figure_tables_carry_labels_for_phones(site):
    for cell in site.content("figures/").select("table.sc-figures td"):
        assert cell.get("data-label") in ("数值", "统计截至", "来源")
        assert cell.get("role") == "cell"


def test_emblem_is_logo_icon_and_share_picture(site, public):
    header = site.soup("events/e-own/").select_one("header.md-header")
    logo = header.select_one("img.sc-brand__emblem")
    assert logo is not None and site.resolves(resolve_relative("events/e-own/index.html", logo["src"]))
    assert "测试市测试协会" in header.get_text() and "创建市级文明单位 · 2023年度" in header.get_text()
    head = site.soup("events/e-own/").head
    icon = head.find("link", rel="icon")["href"]
    assert "emblem" in icon and site.resolves(resolve_relative("events/e-own/index.html", icon))
    touch = head.find("link", rel="apple-touch-icon")["href"]
    assert site.resolves(resolve_relative("events/e-own/index.html", touch))
    public_site = public[0]
    image = public_site.soup("index.html").head.find("meta", property="og:image")["content"]
    assert image.startswith(SITE_URL + "media/emblem-") and image.endswith("-share.png")
    with Image.open(public_site.out / image[len(SITE_URL):]) as picture:
        assert picture.size == (1200, 630)
    record_image = public_site.soup("events/e-repeat/").head.find("meta", property="og:image")["content"]
    assert "/media/p1-" in record_image  # a record's own photo


def test_home_is_shared_under_the_site_name(site):
    head = site.soup("index.html").head
    assert head.title.get_text() == "测试站点"
    assert head.find("meta", property="og:title")["content"] == "测试站点"
    assert head.find("meta", itemprop="name")["content"] == "测试站点"
    assert site.soup("events/e-own/").head.find("meta", property="og:title")["content"] == "另写摘要的活动"


def test_landing_page_sections(site):
    content = site.content("index.html")
    hero = content.select_one(".sc-hero")
    assert "创建市级文明单位" in hero.get_text() and "2023年度" in hero.get_text()
    assert hero.select_one("img.sc-hero__emblem") is not None
    headings = [h.get_text(strip=True) for h in content.find_all("h2")]
    assert headings[:2] == ["主要数据", "创建工作综述"]
    assert {"工作概况", "最新活动", "优秀民营企业家风采"} <= set(headings)
    card = content.select_one(".sc-event-card")
    assert card.select_one("img") is not None  # with its photo


def test_every_page_has_the_text_size_control(site):
    for url in _pages(site):
        buttons = site.soup(url).select(".sc-textsize button[data-sc-size]")
        assert [b.get_text(strip=True) for b in buttons] == ["标准", "大", "特大"], url
    scripts = [s.get("src", "") for s in site.soup("index.html").find_all("script")]
    assert any(src.endswith("assets/javascripts/showcase.js") for src in scripts)
    assert site.exists("assets/javascripts/showcase.js")


def test_404_is_chinese_with_search_and_ways_on(site):
    soup = site.soup("404.html")
    assert soup.html["lang"].startswith("zh")
    content = site.content("404.html")
    assert content.find("h1").get_text(strip=True) == "没有找到这个页面"
    form = content.select_one("form[role=search]")
    assert form.select_one("input[name=q]") is not None and form["method"] == "get"
    links = {a.get_text(strip=True): a["href"] for a in content.select(".sc-notfound__links a")}
    assert "返回首页" in links and {"企业家风采", "创建活动", "荣誉墙", "主要数据"} <= set(links)
    for href in links.values():
        assert site.resolves(href.lstrip("/")), href


def test_documents_have_cover_contents_and_dated_sign_off(site):
    for url, title in (("dossier/", "申报材料"), ("report/", "自查报告")):
        content = site.content(url)
        cover = content.select_one(".sc-cover")
        text = cover.get_text()
        for part in ("创建市级文明单位", title, "2023年度", "测试市测试协会", "盖章", "2023年10月20日"):
            assert part in text, (url, part)
        entries = content.select(".sc-contents [data-sc-page-for]")
        assert entries, url
        for entry in entries:
            assert content.find(id=entry["data-sc-page-for"]) is not None, (url, entry["data-sc-page-for"])
        signoff = content.select_one(".sc-signoff").get_text()
        assert "测试市测试协会" in signoff and "2023年10月20日" in signoff
        assert content.select_one("button[data-sc-print]")["aria-controls"] == "sc-print-note"
        assert "在浏览器打开" in content.select_one("#sc-print-note").get_text()


def test_without_site_url_the_build_warns_and_prints_no_codes(built, public):
    site, warnings = built
    assert any("site_url" in w and "二维码" in w for w in warnings), warnings
    assert site.soup("dossier/").select(".sc-qr-block, .sc-print-url, img.sc-qr") == []
    public_site, public_warnings = public
    assert not any("site_url" in w for w in public_warnings), public_warnings
    assert public_site.soup("dossier/").select(".sc-qr-block img.sc-qr")


def test_share_block_never_asks_a_phone_to_scan_itself(public):
    site = public[0]
    share = site.soup("events/e-own/").select_one("section.sc-share")
    figure = share.select_one(".sc-share__qr")
    assert figure is not None and figure.img["src"].endswith(".png")
    assert "扫码" in figure.get_text()  # the hint lives with the code, which phones do not show (showcase.css)
    assert "扫" not in share.select_one(".sc-share__text").get_text()
