"""Build tests: whole MkDocs builds of fixture projects and of the example site.

Each module-scoped fixture builds one site once; the tests then read its output folder.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError
from projectkit import REPO, SITE_YML, Project
from sitebuild import BuiltSite, build_site, resolve_relative, snapshot

BUILD_ERRORS = (PluginError, Abort)
CONSENT = {"date": "2023-01-01", "scope": "同意公开姓名、企业信息和事迹"}


def png_bytes(width: int = 4, height: int = 3, color: tuple[int, int, int] = (200, 60, 40)) -> bytes:
    """A small, valid RGB PNG made with the standard library (photos must decode)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(color) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG = png_bytes()


def yaml_doc(mapping: dict, indent: int = 0) -> str:
    """Write a record as YAML with every string double-quoted (JSON style), so that hostile
    text (``&lt;``, ``{:``, ``[x](…)``, ``"><svg``) reaches the loader exactly as written."""
    pad = " " * indent
    lines = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.append(yaml_doc(value, indent + 2).rstrip("\n"))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                sub = yaml_doc(item, indent + 4).rstrip("\n").split("\n")
                sub[0] = f"{pad}  - " + sub[0].lstrip()
                lines.extend(sub)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]")
        elif isinstance(value, bool):
            lines.append(f"{pad}{key}: {'true' if value else 'false'}")
        else:
            lines.append(f"{pad}{key}: {json.dumps(str(value), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def heading_section(node, text: str, tag: str = "h2"):
    """The <section> (or parent) that holds the heading whose text starts with ``text``."""
    for heading in node.find_all(tag):
        if heading.get_text(strip=True).startswith(text):
            return heading.find_parent("section") or heading.parent
    raise AssertionError(f"no <{tag}> starting with {text!r}")


def record_links(site: BuiltSite, url: str, folder: str, within=None) -> list[str]:
    """Record ids a page (or part of it) links to in ``folder``, in document order, no repeats."""
    ids: list[str] = []
    for target in site.links_from(url, within):
        match = re.fullmatch(rf"{folder}/([a-z0-9-]+)/(?:index\.html)?", target)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


# =====================================================================================
# The fixture site
# =====================================================================================

PRIVATE_MARKERS = (
    "MARKER-PRIV-7f3a",
    "MARKER-PRIV-PERSON-e81b",
    "MARKER-PRIV-EVENT-0c44",
    "MARKER-PRIV-HONOR-5a20",
    "MARKER-PRIV-FIGURE-93bd",
    "MARKER-CONSENT-3c71",  # consent records are kept on file, not published
)
UNPUBLISHED_MARKERS = (
    "secret-person-9d2f",  # the unpublished entrepreneur's id (file name)
    "MARKER-UNPUB-PERSON-91c2",
    "MARKER-UNPUB-COMPANY-4b7d",
    "MARKER-UNPUB-SUMMARY-2a9f",
    "MARKER-UNPUB-BIO-c3d0",
    "MARKER-UNPUB-ALT-8e11",
    "MARKER-UNPUB-CONSENT-a4e7",
    "withdrawn-person-1b6f",  # consent withdrawn: not published
    "MARKER-WITHDRAWN-NAME-0e9d",
    "MARKER-WITHDRAWN-COMPANY-5f2a",
    "MARKER-WITHDRAWN-SUMMARY-83c4",
    "secret-event-6b3c",  # the unpublished event's id
    "MARKER-UNPUB-EVENT-5d1e",
    "MARKER-UNPUB-EVENT-BODY-77e0",
    "MARKER-UNPUB-EVENT-SUMMARY-f00d",
    "secret-honor-4c8a",
    "MARKER-UNPUB-HONOR-1e5b",
    "secret-figure-2d7e",
    "MARKER-UNPUB-FIGURE-6a1c",
)

FIXTURE_FILES = {
    "data/entrepreneurs/zhang-san.yml": """\
        name: 张三
        company: 张三科技有限公司
        position: 董事长
        industry: 电子信息
        region: 测试市高新区
        summary: 张三的一句话简介。
        photo:
          src: photos/zhang-san.png
          alt: 张三在车间
        biography: |
          张三的人物简介正文。

          第二段：[测试协会](https://example.org/)。
        quote: 张三的寄语。
        tags: [科技, 创新]
        links:
          - title: 新闻报道
            url: https://example.org/news/zhang-san
          - title: 全部数据
            url: figures/
        consent:
          date: "2023-01-01"
          scope: MARKER-CONSENT-3c71
        private:
          phone: MARKER-PRIV-7f3a
          note: MARKER-PRIV-PERSON-e81b
        """,
    "data/entrepreneurs/li-si.yml": """\
        name: 李四
        company: 李四食品有限公司
        summary: 李四的一句话简介。
        consent:
          date: "2023-01-01"
          scope: 同意公开姓名、企业信息和事迹
        """,
    "data/entrepreneurs/wang-wu.yml": """\
        name: 王五
        company: 王五物流有限公司
        position: 总经理
        summary: 王五的一句话简介。
        consent:
          date: "2023-01-01"
          scope: 同意公开姓名、企业信息和事迹
        """,
    "data/entrepreneurs/withdrawn-person-1b6f.yml": """\
        name: MARKER-WITHDRAWN-NAME-0e9d
        company: MARKER-WITHDRAWN-COMPANY-5f2a
        summary: MARKER-WITHDRAWN-SUMMARY-83c4
        consent:
          date: "2021-01-01"
          scope: 同意公开
          withdrawn: "2023-03-01"
        """,
    "data/entrepreneurs/secret-person-9d2f.yml": """\
        name: MARKER-UNPUB-PERSON-91c2
        company: MARKER-UNPUB-COMPANY-4b7d
        summary: MARKER-UNPUB-SUMMARY-2a9f
        biography: MARKER-UNPUB-BIO-c3d0
        photo:
          src: photos/secret.png
          alt: MARKER-UNPUB-ALT-8e11
        consent:
          date: "2023-01-01"
          scope: MARKER-UNPUB-CONSENT-a4e7
        published: false
        """,
    "data/events/2023-alpha.yml": """\
        title: 阿尔法培训班
        date: 2023-05-01
        category: 教育培训
        area: area-one
        location: 测试市会议中心
        summary: 阿尔法培训班摘要。
        body: |
          阿尔法培训班正文。
        sessions: "**"
        participants: 120
        entrepreneurs: [zhang-san, secret-person-9d2f, withdrawn-person-1b6f]
        photos:
          - src: photos/alpha.png
            alt: 培训班现场
            caption: 阿尔法培训班现场照片
        tags: [培训]
        private:
          contact: MARKER-PRIV-EVENT-0c44
        """,
    "data/events/2023-delta.yml": """\
        title: 德尔塔座谈会
        date: 2023-11-20
        category: 教育培训
        area: area-one
        summary: 德尔塔座谈会摘要。
        entrepreneurs: [li-si]
        """,
    "data/events/2022-beta.yml": """\
        title: 贝塔主题党日
        date: 2022-03
        category: 党建与理想信念教育
        area: area-two
        entrepreneurs: [zhang-san, li-si]
        """,
    "data/events/2021-gamma.yml": """\
        title: 伽马政策宣讲
        date: "2021"
        category: 服务企业
        """,
    "data/events/secret-event-6b3c.yml": """\
        title: MARKER-UNPUB-EVENT-5d1e
        date: 2022-08-01
        category: 抗击疫情与公益慈善
        area: area-one
        summary: MARKER-UNPUB-EVENT-SUMMARY-f00d
        body: MARKER-UNPUB-EVENT-BODY-77e0
        entrepreneurs: [zhang-san]
        published: false
        """,
    "data/honors/2023-zhang-san-city.yml": """\
        title: 测试市优秀民营企业家
        level: 市级
        awarding_body: 测试市人民政府
        date: 2023-01
        recipient:
          type: 企业家
          entrepreneur: zhang-san
        area: area-one
        private:
          note: MARKER-PRIV-HONOR-5a20
        """,
    "data/honors/2022-national.yml": """\
        title: 全国先进测试协会
        level: 国家级
        awarding_body: 全国测试联合会
        document_number: 全测〔2022〕1号
        date: 2022-06-01
        recipient:
          type: 本单位
          name: 测试市测试协会
        area: area-two
        """,
    "data/honors/2021-province.yml": """\
        title: 省级五好商会
        level: 省级
        awarding_body: 测试省工商联
        date: "2021"
        recipient:
          type: 商会
          name: 测试市电子商会
        count: "**"
        area: area-two
        """,
    "data/honors/2020-li-si-province.yml": """\
        title: 测试省优秀建设者
        level: 省级
        awarding_body: 测试省人民政府
        date: "2020"
        recipient:
          type: 企业家
          entrepreneur: li-si
        """,
    "data/honors/2022-county.yml": """\
        title: 区县级诚信企业
        level: 区县级
        awarding_body: 测试区人民政府
        date: "2022"
        recipient:
          type: 企业
          name: 测试企业有限公司
        """,
    "data/honors/2022-to-secret-person.yml": """\
        title: 授予未发布企业家的荣誉
        level: 市级
        awarding_body: 测试市人民政府
        date: "2022"
        recipient:
          type: 企业家
          entrepreneur: secret-person-9d2f
        """,
    "data/honors/secret-honor-4c8a.yml": """\
        title: MARKER-UNPUB-HONOR-1e5b
        level: 国家级
        awarding_body: 全国测试联合会
        date: "2022"
        recipient:
          type: 企业家
          entrepreneur: zhang-san
        published: false
        """,
    "data/figures/withheld-students.yml": """\
        label: 帮扶学子人数
        value: "**"
        unit: 人
        as_of: "2022"
        area: area-one
        source: events/2023-alpha
        headline: true
        private:
          note: MARKER-PRIV-FIGURE-93bd
        """,
    "data/figures/trained.yml": """\
        label: 培训企业家人次
        value: 350
        approx: 余
        unit: 人次
        as_of: "2023"
        area: area-one
        source: events/2023-alpha
        headline: true
        """,
    "data/figures/near-investment.yml": """\
        label: 引进项目总投资
        value: 2.5
        approx: 近
        unit: 亿元
        as_of: "2023"
        area: area-two
        """,
    "data/figures/national-count.yml": """\
        label: 国家级荣誉数量
        value: 3
        unit: 项
        as_of: "2022"
        area: area-two
        source: honors/2022-national
        """,
    "data/figures/from-secret-event.yml": """\
        label: 来源未发布的数据
        value: 5
        unit: 场
        as_of: "2022"
        area: area-two
        source: events/secret-event-6b3c
        """,
    "data/figures/secret-figure-2d7e.yml": """\
        label: MARKER-UNPUB-FIGURE-6a1c
        value: 1
        as_of: "2022"
        area: area-one
        headline: true
        published: false
        """,
}

PUBLISHED = {
    "entrepreneurs": ["zhang-san", "li-si", "wang-wu"],
    "events": ["2023-alpha", "2023-delta", "2022-beta", "2021-gamma"],
    "honors": [
        "2023-zhang-san-city",
        "2022-national",
        "2021-province",
        "2020-li-si-province",
        "2022-county",
        "2022-to-secret-person",
    ],
}


def write_fixture(project: Project) -> Project:
    for rel, text in FIXTURE_FILES.items():
        project.write(rel, text)
    for index, name in enumerate(("zhang-san", "alpha", "secret")):
        project.write_bytes(f"data/photos/{name}.png", png_bytes(color=(10 + index, 120, 200)))
    return project


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("fixture")
    project = write_fixture(Project(base / "proj"))
    return build_site(project.root, base / "out")


# -- 1. pages exist -----------------------------------------------------------------


@pytest.mark.parametrize("folder,record_id", [(f, i) for f, ids in PUBLISHED.items() for i in ids])
def test_every_published_record_has_its_page(fixture_site, folder, record_id):
    assert fixture_site.exists(f"{folder}/{record_id}/index.html")


@pytest.mark.parametrize(
    "url",
    [
        "index.html",
        "entrepreneurs/",
        "events/",
        "honors/",
        "figures/",
        "areas/area-one/",
        "areas/area-two/",
        "categories/jiaoyu-peixun/",
        "categories/dangjian-jiaoyu/",
        "categories/fuwu-qiye/",
    ],
)
def test_section_area_and_category_pages_exist(fixture_site, url):
    assert fixture_site.exists(url)


def test_category_page_lists_its_events_only(fixture_site):
    assert sorted(record_links(fixture_site, "categories/jiaoyu-peixun/", "events", fixture_site.content("categories/jiaoyu-peixun/"))) == [
        "2023-alpha",
        "2023-delta",
    ]
    assert record_links(fixture_site, "categories/fuwu-qiye/", "events", fixture_site.content("categories/fuwu-qiye/")) == [
        "2021-gamma"
    ]


def test_area_page_lists_its_events_honors_and_figures(fixture_site):
    url = "areas/area-one/"
    content = fixture_site.content(url)
    assert sorted(record_links(fixture_site, url, "events", content)) == ["2023-alpha", "2023-delta"]
    assert record_links(fixture_site, url, "honors", content) == ["2023-zhang-san-city"]
    text = content.get_text()
    assert "帮扶学子人数" in text and "培训企业家人次" in text
    assert "国家级荣誉数量" not in text


def test_home_lists_latest_events_newest_first(fixture_site):
    section = heading_section(fixture_site.content("index.html"), "最新活动")
    assert record_links(fixture_site, "index.html", "events", section) == [
        "2023-delta",
        "2023-alpha",
        "2022-beta",
        "2021-gamma",
    ]


def test_home_lists_honors(fixture_site):
    section = heading_section(fixture_site.content("index.html"), "荣誉")
    linked = record_links(fixture_site, "index.html", "honors", section)
    assert linked, "no honors on the home page"
    assert set(linked) <= set(PUBLISHED["honors"])
    assert linked[0] == "2022-national", "the highest-level honor should come first"


def test_home_shows_entrepreneur_cards(fixture_site):
    content = fixture_site.content("index.html")
    for person, company in (("zhang-san", "张三科技有限公司"), ("li-si", "李四食品有限公司"), ("wang-wu", "王五物流有限公司")):
        links = fixture_site.anchors_to("index.html", f"entrepreneurs/{person}/", content)
        assert links, f"no link to {person} on the home page"
        cards = [a.find_parent("li") for a in links]
        assert any(c is not None and company in c.get_text() for c in cards), f"no card (name + company) for {person}"


def test_home_shows_headline_figures_only(fixture_site):
    section = heading_section(fixture_site.content("index.html"), "主要数据")
    text = section.get_text()
    assert "培训企业家人次" in text
    assert "350" in text
    assert "国家级荣誉数量" not in text  # headline: false


def test_approximate_figures_keep_their_qualifier(fixture_site):
    section = heading_section(fixture_site.content("index.html"), "主要数据")
    stat = next(li for li in section.find_all("li") if "培训企业家人次" in li.get_text())
    assert re.search(r"350\s*余\s*人次", stat.get_text())
    row = fixture_site.content("figures/").find(id="trained")
    assert re.search(r"350\s*余\s*人次", row.find("td").get_text())
    row = fixture_site.content("figures/").find(id="near-investment")
    assert re.search(r"近\s*2\.5\s*亿元", row.find("td").get_text())


# -- 2. lists and backlinks -----------------------------------------------------------


def test_entrepreneur_page_lists_events_that_name_them(fixture_site):
    url = "entrepreneurs/zhang-san/"
    assert sorted(record_links(fixture_site, url, "events", fixture_site.content(url))) == ["2022-beta", "2023-alpha"]
    url = "entrepreneurs/li-si/"
    assert sorted(record_links(fixture_site, url, "events", fixture_site.content(url))) == ["2022-beta", "2023-delta"]
    url = "entrepreneurs/wang-wu/"
    assert record_links(fixture_site, url, "events", fixture_site.content(url)) == []


def test_entrepreneur_page_lists_their_honors(fixture_site):
    url = "entrepreneurs/zhang-san/"
    assert record_links(fixture_site, url, "honors", fixture_site.content(url)) == ["2023-zhang-san-city"]
    url = "entrepreneurs/li-si/"
    assert record_links(fixture_site, url, "honors", fixture_site.content(url)) == ["2020-li-si-province"]


def test_entrepreneur_page_shows_profile_fields(fixture_site):
    url = "entrepreneurs/zhang-san/"
    content = fixture_site.content(url)
    text = content.get_text()
    for value in ("张三", "张三科技有限公司", "董事长", "电子信息", "测试市高新区", "张三的一句话简介。", "张三的寄语。",
                  "张三的人物简介正文。", "科技", "创新"):
        assert value in text
    img = content.find("img", alt="张三在车间")
    assert img is not None
    assert fixture_site.resolves(resolve_relative("entrepreneurs/zhang-san/index.html", img["src"]))


def test_event_page_shows_entrepreneur_cards(fixture_site):
    url = "events/2023-alpha/"
    content = fixture_site.content(url)
    assert record_links(fixture_site, url, "entrepreneurs", content) == ["zhang-san"]
    card = fixture_site.anchors_to(url, "entrepreneurs/zhang-san/", content)[0].find_parent("li")
    assert card is not None and "张三科技有限公司" in card.get_text()
    url = "events/2022-beta/"
    assert sorted(record_links(fixture_site, url, "entrepreneurs", fixture_site.content(url))) == ["li-si", "zhang-san"]


def test_honor_page_links_to_entrepreneur_recipient(fixture_site):
    url = "honors/2023-zhang-san-city/"
    content = fixture_site.content(url)
    assert fixture_site.links_to(url, "entrepreneurs/zhang-san/", content)
    text = content.get_text()
    for value in ("测试市优秀民营企业家", "市级", "测试市人民政府", "张三"):
        assert value in text


def test_honor_page_shows_named_recipient_and_document_number(fixture_site):
    text = fixture_site.content("honors/2022-national/").get_text()
    for value in ("全国先进测试协会", "国家级", "全国测试联合会", "全测〔2022〕1号", "测试市测试协会"):
        assert value in text


def test_events_index_grouped_by_year_newest_first(fixture_site):
    url = "events/"
    content = fixture_site.content(url)
    groups = []
    for heading in content.find_all("h2"):
        match = re.match(r"^\s*(\d{4})\s*年", heading.get_text())
        if match:
            section = heading.find_parent("section")
            assert section is not None
            groups.append((int(match.group(1)), record_links(fixture_site, url, "events", section)))
    assert groups == [
        (2023, ["2023-delta", "2023-alpha"]),
        (2022, ["2022-beta"]),
        (2021, ["2021-gamma"]),
    ]


def test_honors_index_grouped_by_level(fixture_site):
    url = "honors/"
    content = fixture_site.content(url)
    groups = []
    for heading in content.find_all("h2"):
        match = re.match(r"^\s*(国家级|省级|市级|区县级)", heading.get_text())
        if match:
            section = heading.find_parent("section")
            assert section is not None
            groups.append((match.group(1), sorted(record_links(fixture_site, url, "honors", section))))
    assert groups == [
        ("国家级", ["2022-national"]),
        ("省级", ["2020-li-si-province", "2021-province"]),
        ("市级", ["2022-to-secret-person", "2023-zhang-san-city"]),
        ("区县级", ["2022-county"]),
    ]


def _assert_withheld(node, where: str):
    text = node.get_text()
    assert "未公开" in text, f"{where}: withheld value should say 未公开: {text!r}"
    assert "—" not in text, f"{where}: withheld value should read naturally, not “—（未公开）”: {text!r}"
    assert not re.search(r"\d", text), f"{where}: withheld value shows a number: {text!r}"


def test_withheld_figure_on_figures_page(fixture_site):
    content = fixture_site.content("figures/")
    row = content.find(id="withheld-students")
    assert row is not None, "figure rows are anchored by id (Figure.url is figures/#<id>)"
    cells = row.find_all("td")
    _assert_withheld(cells[0], "figures page")
    assert "帮扶学子人数" in row.get_text()


def test_withheld_figure_is_never_a_headline_card(fixture_site):
    """A headline figure whose number the report withholds is left off the home page."""
    section = heading_section(fixture_site.content("index.html"), "主要数据")
    assert "帮扶学子人数" not in section.get_text()
    assert "未公开" not in section.get_text()


def test_withheld_quantities_on_record_pages(fixture_site):
    """A withheld count is left out of a record's facts: the page reads on without it."""
    for url, label in (("events/2023-alpha/", "场次"), ("honors/2021-province/", "数量")):
        content = fixture_site.content(url)
        labels = [dt.get_text(strip=True) for dt in content.find_all("dt")]
        assert label not in labels, url
        assert "未公开" not in content.get_text() or content.find("table") is not None, url


def test_figure_links_to_its_source_record(fixture_site):
    url = "figures/"
    content = fixture_site.content(url)
    row = content.find(id="withheld-students")
    assert fixture_site.links_to(url, "events/2023-alpha/", row)
    row = content.find(id="national-count")
    assert fixture_site.links_to(url, "honors/2022-national/", row)


def test_figures_with_a_source_appear_on_that_page(fixture_site):
    section = heading_section(fixture_site.content("events/2023-alpha/"), "相关数据")
    text = section.get_text()
    assert "帮扶学子人数" in text and "培训企业家人次" in text
    assert "国家级荣誉数量" not in text
    _assert_withheld(section.find(id="withheld-students").find("td"), "event 相关数据")
    section = heading_section(fixture_site.content("honors/2022-national/"), "相关数据")
    assert "国家级荣誉数量" in section.get_text()
    headings = [h.get_text(strip=True) for h in fixture_site.content("events/2023-delta/").find_all("h2")]
    assert not any(h.startswith("相关数据") for h in headings)


# -- 3. adding a record file ----------------------------------------------------------


def test_adding_a_record_file_adds_its_page_and_cards(project):
    write_fixture(project)
    out = project.root.parent / "out"
    site = build_site(project.root, out)
    assert not site.exists("entrepreneurs/zhao-liu/")
    assert not site.exists("events/2024-new/")
    assert not site.exists("honors/2024-new-honor/")

    project.write(
        "data/entrepreneurs/zhao-liu.yml",
        """\
        name: 赵六
        company: 赵六新材料有限公司
        summary: 新加入的企业家。
        consent:
          date: "2024-01-01"
          scope: 同意公开姓名和企业信息
        """,
    )
    project.write(
        "data/events/2024-new.yml",
        """\
        title: 新增的活动
        date: 2024-02-02
        category: 双招双引
        entrepreneurs: [zhao-liu]
        body: 新增活动的正文。
        """,
    )
    project.write(
        "data/honors/2024-new-honor.yml",
        """\
        title: 新增的荣誉
        level: 国家级
        awarding_body: 全国测试联合会
        date: 2024-03
        recipient:
          type: 企业家
          entrepreneur: zhao-liu
        """,
    )
    site = build_site(project.root, out)
    for url in ("entrepreneurs/zhao-liu/", "events/2024-new/", "honors/2024-new-honor/", "categories/shuangzhao-shuangyin/"):
        assert site.exists(url), url
    # cards and list entries, with no other edit
    assert "zhao-liu" in record_links(site, "entrepreneurs/", "entrepreneurs", site.content("entrepreneurs/"))
    assert "zhao-liu" in record_links(site, "index.html", "entrepreneurs", heading_section(site.content("index.html"), "优秀民营企业家"))
    assert record_links(site, "index.html", "events", heading_section(site.content("index.html"), "最新活动"))[0] == "2024-new"
    assert "2024-new" in record_links(site, "events/", "events", heading_section(site.content("events/"), "2024"))
    assert "2024-new-honor" in record_links(site, "honors/", "honors", heading_section(site.content("honors/"), "国家级"))
    assert record_links(site, "entrepreneurs/zhao-liu/", "events", site.content("entrepreneurs/zhao-liu/")) == ["2024-new"]
    assert record_links(site, "entrepreneurs/zhao-liu/", "honors", site.content("entrepreneurs/zhao-liu/")) == ["2024-new-honor"]
    assert record_links(site, "events/2024-new/", "entrepreneurs", site.content("events/2024-new/")) == ["zhao-liu"]
    assert any(d["url"] == "events/2024-new/" for d in site.search_docs)


def test_every_record_page_is_searchable_by_title(fixture_site):
    indexed = {doc["url"]: doc["title"] for doc in fixture_site.search_docs}
    missing = []
    for folder, ids in PUBLISHED.items():
        for record_id in ids:
            url = f"{folder}/{record_id}/"
            title = fixture_site.content(url).find("h1").get_text(strip=True)
            exact = "^" + "".join(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]|[0-9a-z]+", title.lower()))
            if indexed.get(url) != title or url not in fixture_site.search_urls(exact):
                missing.append(url)
    assert missing == []


def test_removing_a_record_file_removes_its_page(project):
    write_fixture(project)
    out = project.root.parent / "out"
    site = build_site(project.root, out)
    assert site.exists("entrepreneurs/wang-wu/")
    (project.root / "data/entrepreneurs/wang-wu.yml").unlink()
    site = build_site(project.root, out)
    assert not site.exists("entrepreneurs/wang-wu/")
    assert "wang-wu" not in record_links(site, "entrepreneurs/", "entrepreneurs", site.content("entrepreneurs/"))


# -- 4. unpublished records and private values ----------------------------------------


@pytest.mark.parametrize("marker", PRIVATE_MARKERS + UNPUBLISHED_MARKERS)
def test_private_and_unpublished_text_appears_nowhere(fixture_site, marker):
    files = fixture_site.all_files()
    assert any(p.name == "sitemap.xml.gz" for p in files)
    assert any(p.as_posix().endswith("search/m.js") for p in files)
    hits = [p.relative_to(fixture_site.out).as_posix() for p in files if marker in fixture_site.text_of(p)]
    assert hits == [], f"{marker} leaked into {hits}"
    hits = [p.relative_to(fixture_site.out).as_posix() for p in files if marker in p.relative_to(fixture_site.out).as_posix()]
    assert hits == [], f"{marker} names output files {hits}"


def test_unpublished_records_have_no_pages(fixture_site):
    assert not fixture_site.exists("entrepreneurs/secret-person-9d2f/")
    assert not fixture_site.exists("events/secret-event-6b3c/")
    assert not fixture_site.exists("honors/secret-honor-4c8a/")
    # its only event is unpublished, so the category has no page
    assert not fixture_site.exists("categories/kangyi-gongyi/")
    # images used only by unpublished records are not published
    leaked = [p.relative_to(fixture_site.out).as_posix() for p in fixture_site.all_files() if "secret" in p.name]
    assert leaked == []
    published_images = [p for p in fixture_site.all_files() if "zhang-san" in p.name or "alpha" in p.name]
    assert published_images, "the published photos are missing from the output"


def test_event_referencing_unpublished_entrepreneur_builds_without_link(fixture_site):
    url = "events/2023-alpha/"
    assert record_links(fixture_site, url, "entrepreneurs", fixture_site.content(url)) == ["zhang-san"]
    assert not any("secret" in target for target in fixture_site.links_from(url))


def test_honor_for_unpublished_entrepreneur_has_no_link(fixture_site):
    url = "honors/2022-to-secret-person/"
    assert record_links(fixture_site, url, "entrepreneurs", fixture_site.content(url)) == []


def test_figure_from_unpublished_event_has_no_link(fixture_site):
    row = fixture_site.content("figures/").find(id="from-secret-event")
    assert row is not None
    assert not any("secret" in t for t in fixture_site.links_from("figures/", row))


def test_unpublished_figure_not_listed(fixture_site):
    for url in ("figures/", "index.html", "areas/area-one/"):
        assert fixture_site.content(url).find(id="secret-figure-2d7e") is None


def test_unpublished_event_not_in_entrepreneur_page_or_lists(fixture_site):
    for url in ("entrepreneurs/zhang-san/", "events/", "index.html", "areas/area-one/", "categories/jiaoyu-peixun/"):
        assert "secret-event-6b3c" not in record_links(fixture_site, url, "events")
    assert "secret-honor-4c8a" not in record_links(fixture_site, "entrepreneurs/zhang-san/", "honors")


# -- 9. internal links (fixture) --------------------------------------------------------


def test_fixture_internal_links_resolve(fixture_site):
    assert fixture_site.broken_links() == []


# =====================================================================================
# Hostile text
# =====================================================================================

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
ENTITY = "&lt;b&gt;"
JS_LINK = "[x](javascript:alert(1))"
ATTR = '{: onclick="alert(1)"}'
HOSTILE = f"{SCRIPT} {IMG} {SVG} {ENTITY}"  # 88 characters: fits every 100-character field
HOSTILE_LONG = f"{HOSTILE} {JS_LINK} {ATTR}"
HOSTILE_MD = "\n\n".join(
    [
        "正文开头",
        SCRIPT,
        f"行内 {IMG} 结束",
        SVG,
        ENTITY,
        JS_LINK,
        "[大写](JavaScript:alert(1)) [实体](&#106;avascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=)",
        "![图](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[引用][1]\n\n[1]: javascript:alert(1)",
        f"段落 {ATTR}",
        f"另一段\n{ATTR}",
        '<a href=javascript:alert(1) onclick=alert(1)>链接</a>',
        '<iframe src="https://evil.example/"></iframe>',
        '<div markdown="1" onclick="alert(1)">md_in_html</div>',
        "# 标题 {: onmouseover=\"alert(1)\" }",
        "正文结尾",
    ]
)

HOSTILE_SITE = {
    "unit": {
        "name": HOSTILE,
        "short_name": IMG,
        "region": f"{SVG} {ENTITY}",
        "description": HOSTILE_LONG,
    },
    "application": {"title": SCRIPT, "year": "2023"},
    "contact": {
        "address": HOSTILE,
        "postcode": "<b>1</b>",
        "phone": SVG,
        "email": f"{SVG}@x.cn",
    },
    "filing": {"icp": f"{SCRIPT} {ENTITY}", "police": IMG, "police_code": '"><svg onload=1>'},
    "sample": True,
    "areas": [
        {"id": "evil-area", "title": f"{SCRIPT} {ENTITY}", "summary": HOSTILE_LONG},
        {"id": "evil-area-two", "title": IMG},
    ],
}

HOSTILE_PERSON = {
    "name": SCRIPT,
    "company": HOSTILE,
    "position": f"{IMG} {ENTITY}",
    "industry": f"{SVG} {ENTITY}",
    "region": f"{SCRIPT} {ENTITY}",
    "photo": {"src": "photos/evil.png", "alt": HOSTILE_LONG, "caption": HOSTILE},
    "summary": f"{HOSTILE} {ATTR}",
    "biography": HOSTILE_MD,
    "quote": HOSTILE_LONG,
    "tags": [SCRIPT, IMG, SVG, ENTITY, "javascript:alert(1)"],
    "links": [
        {"title": HOSTILE, "url": "https://example.org/?q=%3Cscript%3E"},
        {"title": f"{SVG} {ENTITY}", "url": "events/2023-evil/"},
    ],
    "consent": {"date": "2023-01-01", "scope": HOSTILE},
}
HOSTILE_PERSON_2 = {"name": IMG, "company": SVG, "summary": ENTITY, "consent": CONSENT}
HOSTILE_PERSON_3 = {"name": f"{SVG} {ENTITY}", "company": ATTR, "summary": JS_LINK, "consent": CONSENT}

HOSTILE_EVENT = {
    "title": HOSTILE,
    "date": "2023-06-01",
    "category": "教育培训",
    "area": "evil-area",
    "location": HOSTILE,
    "summary": HOSTILE_LONG,
    "body": HOSTILE_MD,
    "sessions": "**",
    "participants": "12",
    "entrepreneurs": ["evil-one", "evil-two", "evil-three"],
    "photos": [{"src": "photos/evil.png", "alt": HOSTILE_LONG, "caption": HOSTILE}],
    "tags": [SCRIPT, IMG, SVG, ENTITY],
}

HOSTILE_HONOR = {
    "title": HOSTILE,
    "level": "省级",
    "awarding_body": HOSTILE,
    "document_number": f"{SCRIPT} {ENTITY}",
    "date": "2023-02",
    "recipient": {"type": "商会", "name": HOSTILE},
    "count": "**",
    "area": "evil-area",
    "summary": HOSTILE_LONG,
    "body": HOSTILE_MD,
    "certificate": {"src": "photos/evil.png", "alt": HOSTILE_LONG, "caption": HOSTILE},
    "tags": [SCRIPT, IMG, SVG, ENTITY],
}
HOSTILE_HONOR_PERSON = {
    "title": f"{SVG} {ENTITY}",
    "level": "市级",
    "awarding_body": SCRIPT,
    "date": "2023",
    "recipient": {"type": "企业家", "entrepreneur": "evil-one"},
}

HOSTILE_FIGURE = {
    "label": f"{SCRIPT} {SVG}",
    "value": "12",
    "unit": "<b>单位</b>",
    "as_of": "2023",
    "area": "evil-area",
    "source": "events/2023-evil",
    "note": HOSTILE_LONG,
    "headline": True,
}
HOSTILE_FIGURE_2 = {
    "label": f"{IMG} {ENTITY}",
    "value": "7",
    "approx": "近",
    "unit": '"><i>',
    "as_of": "2023",
    "area": "evil-area-two",
    "source": "honors/2023-evil",
    "note": HOSTILE,
    "headline": True,
}

# Plain-text values that must be visible, verbatim, on these pages.
HOSTILE_VISIBLE = {
    "entrepreneurs/evil-one/": [
        SCRIPT,
        HOSTILE,
        f"{IMG} {ENTITY}",
        f"{SVG} {ENTITY}",
        f"{SCRIPT} {ENTITY}",
        f"{HOSTILE} {ATTR}",
        HOSTILE_LONG,
        IMG,
        SVG,
        ENTITY,
        "javascript:alert(1)",
    ],
    "entrepreneurs/evil-two/": [IMG, SVG, ENTITY],
    "entrepreneurs/evil-three/": [f"{SVG} {ENTITY}", ATTR, JS_LINK],
    "entrepreneurs/": [SCRIPT, HOSTILE, IMG, SVG, ENTITY, f"{SVG} {ENTITY}", ATTR, JS_LINK],
    "events/2023-evil/": [HOSTILE, HOSTILE_LONG, SCRIPT, IMG, SVG, ENTITY, f"{SCRIPT} {SVG}", "<b>单位</b>"],
    "events/": [HOSTILE, HOSTILE_LONG],
    "categories/jiaoyu-peixun/": [HOSTILE, HOSTILE_LONG],
    "honors/2023-evil/": [HOSTILE, f"{SCRIPT} {ENTITY}", HOSTILE_LONG, SCRIPT, IMG, SVG, ENTITY, f"{IMG} {ENTITY}", '"><i>'],
    "honors/2023-evil-person/": [f"{SVG} {ENTITY}", SCRIPT],
    "honors/": [HOSTILE, f"{SVG} {ENTITY}", SCRIPT],
    "figures/": [f"{SCRIPT} {SVG}", "<b>单位</b>", HOSTILE_LONG, f"{IMG} {ENTITY}", '"><i>', HOSTILE, f"{SCRIPT} {ENTITY}", IMG],
    "areas/evil-area/": [f"{SCRIPT} {ENTITY}", HOSTILE_LONG, HOSTILE, f"{SCRIPT} {SVG}"],
    "areas/evil-area-two/": [IMG, f"{IMG} {ENTITY}"],
    "index.html": [
        f"{SVG} {ENTITY}",  # region
        SCRIPT,  # application title
        f"{SCRIPT} {ENTITY}",  # area title
        HOSTILE_LONG,  # area summary
        f"{SCRIPT} {SVG}",  # headline figure label
        "<b>单位</b>",
        HOSTILE,  # event title, unit name in footer
        SCRIPT,
    ],
}
FOOTER_VISIBLE = [HOSTILE, f"{SCRIPT} {ENTITY}", IMG, SVG, f"{SVG}@x.cn", "<b>1</b>"]

# Page title (<title> and header) of each record page
HOSTILE_TITLES = {
    "entrepreneurs/evil-one/": SCRIPT,
    "entrepreneurs/evil-two/": IMG,
    "entrepreneurs/evil-three/": f"{SVG} {ENTITY}",
    "events/2023-evil/": HOSTILE,
    "honors/2023-evil/": HOSTILE,
    "honors/2023-evil-person/": f"{SVG} {ENTITY}",
    "areas/evil-area/": f"{SCRIPT} {ENTITY}",
    "areas/evil-area-two/": IMG,
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("hostile")
    project = Project(base / "proj")
    # The example's real configuration: attr_list, md_in_html, tabs and all.
    shutil.copy(REPO / "mkdocs.yml", project.root / "mkdocs.yml")
    project.write("data/site.yml", yaml_doc(HOSTILE_SITE))
    project.write_bytes("data/photos/evil.png", PNG)
    project.write("data/entrepreneurs/evil-one.yml", yaml_doc(HOSTILE_PERSON))
    project.write("data/entrepreneurs/evil-two.yml", yaml_doc(HOSTILE_PERSON_2))
    project.write("data/entrepreneurs/evil-three.yml", yaml_doc(HOSTILE_PERSON_3))
    project.write("data/events/2023-evil.yml", yaml_doc(HOSTILE_EVENT))
    project.write("data/honors/2023-evil.yml", yaml_doc(HOSTILE_HONOR))
    project.write("data/honors/2023-evil-person.yml", yaml_doc(HOSTILE_HONOR_PERSON))
    project.write("data/figures/evil-figure.yml", yaml_doc(HOSTILE_FIGURE))
    project.write("data/figures/evil-figure-two.yml", yaml_doc(HOSTILE_FIGURE_2))
    return build_site(project.root, base / "out")


def test_hostile_fixture_is_complete(hostile_site):
    for url in HOSTILE_VISIBLE:
        assert hostile_site.exists(url), url


def _dangerous(soup: BeautifulSoup) -> list[str]:
    found = []
    for script in soup.find_all("script"):
        if "alert" in script.get_text():
            found.append(f"inline script: {script.get_text()[:80]!r}")
        src = script.get("src")
        if src is not None and not re.match(r"^(/([\w.-]+/)*|(\.\./)*)assets/", src):
            found.append(f"script src {src!r}")
    for el in soup.find_all(True):
        for attr, value in el.attrs.items():
            if attr.lower().startswith("on"):
                found.append(f"<{el.name} {attr}={value!r}>")
            if attr.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"):
                text = value if isinstance(value, str) else " ".join(value)
                compact = re.sub(r"[\x00-\x20]", "", htmllib.unescape(text)).lower()
                if compact.startswith(("javascript:", "data:", "vbscript:")):
                    found.append(f"<{el.name} {attr}={text!r}>")
    for name in ("iframe", "object", "embed", "base", "form", "meta"):
        for el in soup.find_all(name):
            if name == "meta" and el.get("http-equiv", "").lower() != "refresh":
                continue
            if name == "form" and any(c.startswith(("md-", "sc-")) for c in el.get("class", [])):
                continue  # Material's search and palette forms, our 404 page's search
            found.append(f"<{name}>")
    for svg in soup.find_all("svg"):
        if any(a.lower().startswith("on") for a in svg.attrs):
            found.append("<svg on…>")
    for img in soup.find_all("img"):
        if img.get("src") == "x":
            found.append("<img src=x>")
    for el in soup.find_all(["b", "i"]):
        # <b>/<i> can only come from hostile data here (Markdown emphasis renders <strong>/<em>)
        found.append(f"<{el.name}> {el.get_text()[:40]!r}")
    return found


def test_hostile_text_never_becomes_markup(hostile_site):
    problems = {}
    for path in hostile_site.html_files():
        bad = _dangerous(hostile_site.soup_of(path))
        if bad:
            problems[path.relative_to(hostile_site.out).as_posix()] = bad
    assert problems == {}


def test_hostile_raw_html_has_no_unescaped_payload(hostile_site):
    """Belt and braces on the raw bytes: a payload that starts with “<” only ever appears escaped."""
    raw_payloads = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>", "<i>")
    problems = {}
    for path in hostile_site.html_files():
        text = path.read_text(encoding="utf-8").lower()
        bad = [p for p in raw_payloads if p in text]
        if bad:
            problems[path.relative_to(hostile_site.out).as_posix()] = bad
    assert problems == {}


@pytest.mark.parametrize("url", sorted(HOSTILE_VISIBLE))
def test_hostile_text_is_shown_as_text(hostile_site, url):
    text = hostile_site.content(url).get_text()
    missing = [value for value in HOSTILE_VISIBLE[url] if value not in text]
    assert missing == []


def test_hostile_markdown_is_shown_as_text(hostile_site):
    """Raw HTML in a Markdown field is printed as text, paragraph by paragraph."""
    for url in ("entrepreneurs/evil-one/", "events/2023-evil/", "honors/2023-evil/"):
        content = hostile_site.content(url)
        paragraphs = [p.get_text() for p in content.find_all("p")]
        for value in (
            "正文开头",
            SCRIPT,
            f"行内 {IMG} 结束",
            SVG,
            "<a href=javascript:alert(1) onclick=alert(1)>链接</a>",
            '<iframe src="https://evil.example/"></iframe>',
            '<div markdown="1" onclick="alert(1)">md_in_html</div>',
            "正文结尾",
        ):
            assert value in paragraphs, (url, value)
        # links with unsafe schemes keep their text but lose the link
        link_texts = [a.get_text() for a in content.find_all("a")]
        assert "x" in link_texts and "大写" in link_texts


def test_hostile_image_alt_and_caption(hostile_site):
    for url in ("entrepreneurs/evil-one/", "events/2023-evil/", "honors/2023-evil/"):
        content = hostile_site.content(url)
        imgs = content.find_all("img")  # every picture on these pages shows the hostile photo
        assert imgs, url
        assert all(img.get("alt") == HOSTILE_LONG for img in imgs), url
    for url in ("events/2023-evil/", "honors/2023-evil/"):
        captions = [c.get_text() for c in hostile_site.content(url).find_all("figcaption")]
        assert HOSTILE in captions, url


def test_hostile_footer_is_text(hostile_site):
    for url in ("index.html", "events/2023-evil/", "figures/"):
        footer = hostile_site.soup(url).find("footer")
        text = footer.get_text()
        missing = [v for v in FOOTER_VISIBLE if v not in text]
        assert missing == [], url
        police = [a for a in footer.find_all("a", href=True) if "beian.mps.gov.cn" in a["href"]]
        assert len(police) == 1
        assert '"' not in police[0]["href"] and "<" not in police[0]["href"]


def _raw_title(path: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.DOTALL)
    assert match, path
    return match.group(1)


@pytest.mark.parametrize("url", sorted(HOSTILE_TITLES))
def test_hostile_title_element_is_escaped_text(hostile_site, url):
    raw = _raw_title(hostile_site.path(url))
    assert "<" not in raw and ">" not in raw, raw
    assert htmllib.unescape(raw).startswith(HOSTILE_TITLES[url] + " - ")


@pytest.mark.parametrize("url", sorted(HOSTILE_TITLES))
def test_hostile_header_title_is_text(hostile_site, url):
    """The header band names the unit (never a page's title), as text."""
    header = hostile_site.soup(url).find("header", class_="md-header")
    assert header is not None
    assert HOSTILE_SITE["unit"]["name"] in header.get_text()
    assert _dangerous(header) == []


@pytest.mark.parametrize("url", sorted(HOSTILE_TITLES))
def test_hostile_h1_is_text(hostile_site, url):
    h1 = hostile_site.content(url).find("h1")
    assert h1 is not None and h1.get_text(strip=True) == HOSTILE_TITLES[url]


def test_hostile_nav_titles_are_text(hostile_site):
    nav = hostile_site.soup("index.html").find("nav", class_="md-nav")
    assert nav is not None
    text = nav.get_text()
    assert f"{SCRIPT} {ENTITY}" in text
    assert IMG in text


def test_hostile_search_index_holds_plain_text(hostile_site):
    """The search shows titles and summaries as text (textContent, tests/browser/test_search.py):
    the index holds exactly what the editor wrote, neither escaped nor interpreted."""
    titles = {doc["url"]: doc["title"] for doc in hostile_site.search_docs}
    for location, title in (
        ("events/2023-evil/", HOSTILE),
        ("honors/2023-evil/", HOSTILE),
        ("entrepreneurs/evil-one/", SCRIPT),
    ):
        assert titles.get(location) == title, location
    for rel in hostile_site.search_files:  # each file is one script call and nothing else
        text = hostile_site.text_of(hostile_site.out / rel)
        assert text.count("__sx(") == 1 and "</script" not in text.lower(), rel


def test_hostile_internal_links_resolve(hostile_site):
    assert hostile_site.broken_links() == []


@pytest.mark.parametrize(
    "quoted",
    ['<a href="javascript:alert(1)">链接</a>', '<img src="no-such-file.png">'],
    ids=["javascript-href", "missing-src"],
)
def test_markdown_quoting_html_attributes_builds_as_text(project, quoted):
    project.write(
        "data/entrepreneurs/quoting.yml",
        yaml_doc({"name": "引用者", "company": "引用公司", "summary": "简介", "biography": f"示例：{quoted}", "consent": CONSENT}),
    )
    site = build_site(project.root, project.root.parent / "out")
    assert quoted in site.content("entrepreneurs/quoting/").get_text()
    assert _dangerous(site.soup("entrepreneurs/quoting/")) == []


# =====================================================================================
# 6. A failed validation leaves the output untouched
# =====================================================================================


def test_failed_validation_leaves_output_untouched(project, caplog):
    write_fixture(project)
    out = project.root.parent / "out"
    build_site(project.root, out)
    before = snapshot(out)
    assert "index.html" in before and "events/2023-alpha/index.html" in before

    project.write(
        "data/events/2023-alpha.yml",
        (project.root / "data/events/2023-alpha.yml").read_text(encoding="utf-8").replace("category: 教育培训", "category: 不存在的类别"),
    )
    with pytest.raises(BUILD_ERRORS) as excinfo:
        build_site(project.root, out)
    assert snapshot(out) == before
    assert _siblings(out) == ["out", "proj"]
    message = str(excinfo.value) + caplog.text
    assert "data/events/2023-alpha.yml" in message


def _siblings(out: Path) -> list[str]:
    """What is beside the output folder: no temporary build folders may be left behind."""
    return sorted(p.name for p in out.parent.iterdir())


def test_failed_output_check_leaves_output_untouched(project):
    """A problem found only after rendering (a mobile number in the text) also keeps the old output."""
    write_fixture(project)
    out = project.root.parent / "out"
    build_site(project.root, out)
    before = snapshot(out)
    project.write(
        "data/entrepreneurs/wang-wu.yml",
        """\
        name: 王五
        company: 王五物流有限公司
        summary: 联系电话 13912345678。
        consent:
          date: "2023-01-01"
          scope: 同意公开
        """,
    )
    with pytest.raises(BUILD_ERRORS):
        build_site(project.root, out)
    assert snapshot(out) == before
    assert _siblings(out) == ["out", "proj"]


def test_broken_yaml_leaves_output_untouched(project):
    write_fixture(project)
    out = project.root.parent / "out"
    build_site(project.root, out)
    before = snapshot(out)
    project.write("data/entrepreneurs/li-si.yml", "name: [unclosed\ncompany: x\n")
    with pytest.raises(BUILD_ERRORS):
        build_site(project.root, out)
    assert snapshot(out) == before
    assert _siblings(out) == ["out", "proj"]


def test_dangling_reference_fails_and_leaves_output_untouched(project):
    write_fixture(project)
    out = project.root.parent / "out"
    build_site(project.root, out)
    before = snapshot(out)
    project.write(
        "data/events/2023-delta.yml",
        (project.root / "data/events/2023-delta.yml").read_text(encoding="utf-8").replace("[li-si]", "[no-such-person]"),
    )
    with pytest.raises(BUILD_ERRORS):
        build_site(project.root, out)
    assert snapshot(out) == before
    assert _siblings(out) == ["out", "proj"]


# =====================================================================================
# 7. The example site
# =====================================================================================


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> BuiltSite:
    return build_site(REPO, tmp_path_factory.mktemp("example") / "site")


def _example_records(folder: str) -> list[tuple[str, bool]]:
    """(id, should be published) for every record file of the example site."""
    records = []
    for path in sorted((REPO / "data" / folder).rglob("*.y*ml")):
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        published = values.get("published", True) is not False
        if folder == "entrepreneurs":  # a profile needs the person's recorded, unwithdrawn consent
            consent = values.get("consent") or {}
            published = published and bool(consent) and not consent.get("withdrawn")
        records.append((path.stem, published))
    return records


@pytest.mark.parametrize("folder", ["entrepreneurs", "events", "honors"])
def test_example_every_record_has_a_page(example_site, folder):
    records = _example_records(folder)
    assert records, f"data/{folder} is empty"
    missing = [rid for rid, published in records if published and not example_site.exists(f"{folder}/{rid}/")]
    leaked = [rid for rid, published in records if not published and example_site.exists(f"{folder}/{rid}/")]
    assert missing == [] and leaked == []


def _sample_notice(soup: BeautifulSoup):
    """The 示例数据 notice: text outside the page content and the footer (data may say 示例 too)."""
    for string in soup.find_all(string=re.compile("示例数据")):
        if string.find_parent("article") is None and string.find_parent("footer") is None \
                and string.find_parent(["title", "script", "nav"]) is None:
            return string
    return None


def _example_settings() -> dict:
    """This project's own site.yml (the example's, or a unit's that replaced it)."""
    return yaml.safe_load((REPO / "data" / "site.yml").read_text(encoding="utf-8"))


def test_example_home_shows_sample_notice_when_it_is_sample_data(example_site):
    notice = _sample_notice(example_site.soup("index.html"))
    if not _example_settings().get("sample"):
        assert notice is None
        return
    assert notice is not None
    assert "示例" in notice.find_parent(["p", "div", "aside"]).get_text()


def _pages(site: BuiltSite, include_404: bool) -> list[Path]:
    """The site's pages (redirect pages of renamed records are not pages a visitor reads)."""
    return [
        p for p in site.html_files()
        if (include_404 or p.name != "404.html") and not site.soup_of(p).find("meta", attrs={"http-equiv": "refresh"})
    ]


def test_example_every_page_has_sample_notice_when_it_is_sample_data(example_site):
    sample = bool(_example_settings().get("sample"))
    wrong = [
        p.relative_to(example_site.out).as_posix()
        for p in _pages(example_site, include_404=False)
        if (_sample_notice(example_site.soup_of(p)) is not None) != sample
    ]
    assert wrong == []


def test_example_404_page_has_sample_notice_and_footer(example_site):
    settings = _example_settings()
    soup = example_site.soup("404.html")
    assert (_sample_notice(soup) is not None) == bool(settings.get("sample"))
    footer = soup.find("footer")
    assert footer is not None
    icp = (settings.get("filing") or {}).get("icp")
    assert any(a["href"] == "https://beian.miit.gov.cn/" for a in footer.find_all("a", href=True)) == bool(icp)


def test_example_footer_has_icp_link(example_site):
    icp = (_example_settings().get("filing") or {}).get("icp")
    if not icp:
        pytest.skip("this project has no ICP number in its site.yml")
    for path in _pages(example_site, include_404=False):
        footer = example_site.soup_of(path).find("footer")
        links = [a for a in footer.find_all("a", href=True) if a["href"] == "https://beian.miit.gov.cn/"]
        assert len(links) == 1, path
        assert links[0].get_text(strip=True) == icp, path


def test_example_html_lang_is_chinese(example_site):
    bad = [
        p.relative_to(example_site.out).as_posix()
        for p in example_site.html_files()
        if not (example_site.soup_of(p).html.get("lang") or "").lower().startswith("zh")
    ]
    assert bad == []


def test_example_loads_nothing_from_other_hosts(example_site):
    external = []
    for path in example_site.html_files():
        text = path.read_text(encoding="utf-8")
        if "fonts.googleapis.com" in text or "fonts.gstatic.com" in text:
            external.append(f"{path.name}: Google Fonts")
        soup = example_site.soup_of(path)
        # canonical and alternate links name this site's public address; they load nothing
        refs = [
            (t.name, t.get("href")) for t in soup.find_all("link", href=True)
            if not {"canonical", "alternate"} & set(t.get("rel") or [])
        ]
        refs += [(t.name, t.get("src")) for t in soup.find_all(["script", "img", "iframe", "source", "video", "audio"], src=True)]
        for tag, ref in refs:
            if re.match(r"^([a-z][a-z0-9+.-]*:|//)", ref.strip(), re.IGNORECASE):
                external.append(f"{path.relative_to(example_site.out)}: <{tag}> {ref}")
    # and the stylesheets do not @import or url() another host either
    for css in example_site.out.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"""(?:@import\s+|url\()\s*["']?((?:https?:)?//[^"')\s]+)""", text):
            external.append(f"{css.relative_to(example_site.out)}: {match.group(1)}")
    assert external == []


def test_example_internal_links_resolve(example_site):
    assert example_site.broken_links() == []


def test_example_figures_page_lists_every_published_figure(example_site):
    content = example_site.content("figures/")
    for path in sorted((REPO / "data" / "figures").glob("*.y*ml")):
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        row = content.find(id=path.stem)
        if values.get("published", True) is False:
            assert row is None, path.stem
            continue
        assert row is not None, path.stem
        if str(values.get("value")).strip().startswith("*"):
            _assert_withheld(row.find("td"), path.stem)


# =====================================================================================
# 8. Footer filing numbers
# =====================================================================================


def _site_yml_without_filing() -> str:
    return re.sub(r"^filing:\n(?:  .*\n)+", "", SITE_YML, flags=re.MULTILINE)


def test_footer_without_filing_numbers(project):
    text = _site_yml_without_filing()
    assert "filing" not in text and "icp" not in text
    project.write("data/site.yml", text)
    site = build_site(project.root, project.root.parent / "out")
    for path in site.html_files():
        soup = site.soup_of(path)
        assert not soup.find_all("a", href=re.compile("beian")), path
        assert "ICP" not in soup.get_text(), path
        assert "公网安备" not in soup.get_text(), path
    assert "测试市测试协会" in site.soup("index.html").find("footer").get_text()


def test_footer_with_icp_and_police_numbers(project):
    text = SITE_YML.replace(
        "filing:\n  icp: 测ICP备00000001号\n",
        "filing:\n  icp: 测ICP备00000001号\n  police: 测公网安备 12345678901234号\n  police_code: \"12345678901234\"\n",
    )
    assert "police_code" in text
    project.write("data/site.yml", text)
    site = build_site(project.root, project.root.parent / "out")
    for url in ("index.html", "entrepreneurs/", "figures/"):
        footer = site.soup(url).find("footer")
        links = {a["href"]: a.get_text(strip=True) for a in footer.find_all("a", href=True)}
        assert links.get("https://beian.miit.gov.cn/") == "测ICP备00000001号"
        police = [(href, label) for href, label in links.items() if href.startswith("https://beian.mps.gov.cn/")]
        assert len(police) == 1
        href, label = police[0]
        assert label == "测公网安备 12345678901234号"
        assert href.endswith("12345678901234")


def test_footer_police_number_without_code_is_plain_text(project):
    text = SITE_YML.replace("filing:\n  icp: 测ICP备00000001号\n", "filing:\n  police: 测公网安备 12345678901234号\n")
    project.write("data/site.yml", text)
    site = build_site(project.root, project.root.parent / "out")
    footer = site.soup("index.html").find("footer")
    assert "测公网安备 12345678901234号" in footer.get_text()
    assert not footer.find_all("a", href=re.compile("beian"))


# =====================================================================================
# Links fields and photos
# =====================================================================================


def test_record_links_section(fixture_site):
    url = "entrepreneurs/zhang-san/"
    section = heading_section(fixture_site.content(url), "相关链接")
    hrefs = {a.get_text(strip=True): a["href"] for a in section.find_all("a", href=True)}
    assert hrefs["新闻报道"] == "https://example.org/news/zhang-san"
    assert fixture_site.links_to(url, "figures/", section)


def test_hostile_link_titles_are_text(hostile_site):
    url = "entrepreneurs/evil-one/"
    section = heading_section(hostile_site.content(url), "相关链接")
    links = {a.get_text(): a for a in section.find_all("a")}
    assert links[HOSTILE]["href"] == "https://example.org/?q=%3Cscript%3E"
    assert hostile_site.links_to(url, "events/2023-evil/", section)
    assert f"{SVG} {ENTITY}" in links


@pytest.mark.parametrize(
    "link_url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/",
        'https://example.org/" onmouseover="alert(1)',
    ],
)
def test_unsafe_link_urls_are_refused_or_harmless(project, link_url):
    """A ``links:`` URL either fails the build or ends up as a harmless href."""
    project.write(
        "data/events/2023-link.yml",
        yaml_doc({"title": "链接测试", "date": "2023-01-01", "category": "教育培训", "links": [{"title": "点这里", "url": link_url}]}),
    )
    try:
        site = build_site(project.root, project.root.parent / "out")
    except BUILD_ERRORS:
        return
    soup = site.soup("events/2023-link/")
    assert _dangerous(soup) == []
    for a in site.content("events/2023-link/").find_all("a", href=True):
        assert not a["href"].startswith("//"), a["href"]


def test_identical_photos_under_two_names_publish_cleanly(project, recwarn):
    """Two records whose photos are byte-identical files with different names."""
    photo = png_bytes(color=(1, 2, 3))
    project.write_bytes("data/photos/one.png", photo)
    project.write_bytes("data/photos/two.png", photo)
    for name in ("one", "two"):
        project.write(
            f"data/entrepreneurs/person-{name}.yml",
            yaml_doc({"name": name, "company": "公司", "summary": "简介", "consent": CONSENT,
                      "photo": {"src": f"photos/{name}.png", "alt": f"{name} 的照片"}}),
        )
    site = build_site(project.root, project.root.parent / "out")
    for name in ("one", "two"):
        url = f"entrepreneurs/person-{name}/"
        img = site.content(url).find("img", alt=f"{name} 的照片")
        assert img is not None
        assert site.resolves(resolve_relative(f"entrepreneurs/person-{name}/index.html", img["src"]))
        assert Path(img["src"]).name.startswith(f"{name}-"), f"{name}'s photo is published as {img['src']}"
    assert site.broken_links() == []
    replaced = [str(w.message) for w in recwarn.list if "replace an existing file" in str(w.message)]
    assert replaced == [], "the same output file was added twice"
