"""Data embedded in narratives with [[…]]: rendered from data/, mistakes named by file and line."""

from __future__ import annotations

import pytest
from datakit import EVENT, FIGURE, HONOR, PERSON
from examplekit import example_only
from mkdocs.exceptions import Abort
from sitebuild import build_site


@pytest.fixture
def story(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "tags: [新生代]\n")
    project.write("data/entrepreneurs/li-si.yml", PERSON.replace("张三", "李四") + "published: false\n")
    project.write("data/events/e1.yml", EVENT + "tags: [薪火工程]\n")
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "服务活动").replace("教育培训", "服务企业").replace("2022-05-01", "2021-04-01"))
    project.write("data/events/e3.yml", EVENT.replace("测试活动", "第三项").replace("2022-05-01", "2023-01-01"))
    project.write("data/honors/h1.yml", HONOR.replace("省级", "国家级"))
    project.write("data/honors/h2.yml", HONOR.replace("测试荣誉", "商会荣誉").replace("type: 企业", "type: 商会"))
    project.write("data/figures/f1.yml", FIGURE + "unit: 家\n")
    project.write("data/figures/f2.yml", FIGURE.replace("value: 35", "value: '**'") + "unit: 人\n")
    return project


def _build(project, tmp_path, text):
    project.write("docs/story.md", text)
    return build_site(project.root, tmp_path / "out")


def test_inline_figures_and_links(story, tmp_path):
    site = _build(story, tmp_path, "# 叙述\n\n共有 [[figure:f1]]，培训 [[figure:f2]]，详见 [[event:e1]] 与 [[honor:h1]]、[[entrepreneur:zhang-san]]。\n")
    p = site.content("story/").find("p")
    text = p.get_text()
    assert "35 家" in text and "截至2022年" in text
    assert "未公开" in text and "0 人" not in text
    assert site.links_to("story/", "events/e1/", p) and p.find("a", string="测试活动")
    assert site.links_to("story/", "honors/h1/", p) and site.links_to("story/", "entrepreneurs/zhang-san/", p)
    assert p.find("a", class_="sc-embed-figure")["href"].endswith("figures/#f1")


def test_renamed_title_shows_everywhere_it_is_embedded(story, tmp_path):
    story.write("data/events/e1.yml", EVENT.replace("测试活动", "改名后的活动"))
    site = _build(story, tmp_path, "# 叙述\n\n见 [[event:e1]]。\n")
    assert site.content("story/").find("a", string="改名后的活动") is not None


@pytest.mark.parametrize(
    "embed, expected",
    [
        ("[[events category=教育培训]]", {"e1", "e3"}),
        ("[[events year=2021]]", {"e2"}),
        ("[[events tag=薪火工程]]", {"e1"}),
        ("[[events limit=1]]", {"e3"}),  # newest first
        ("[[honors level=国家级]]", {"h1"}),
        ("[[honors recipient=商会]]", {"h2"}),
        ("[[entrepreneurs tag=新生代]]", {"zhang-san"}),
        ("[[entrepreneurs ids=zhang-san,li-si]]", {"zhang-san"}),  # li-si is unpublished: left out
    ],
)
def test_block_lists_are_filtered(story, tmp_path, embed, expected):
    site = _build(story, tmp_path, f"# 叙述\n\n{embed}\n")
    block = site.content("story/").select_one(".sc-embed")
    linked = {a["href"].rstrip("/").split("/")[-1] for a in block.find_all("a", href=True) if "categories" not in a["href"]}
    assert linked == expected


def test_block_without_matches_says_so(story, tmp_path):
    site = _build(story, tmp_path, "# 叙述\n\n[[events tag=没有这个标签]]\n")
    assert "暂无相关记录" in site.content("story/").get_text()


def test_figure_table_block(story, tmp_path):
    site = _build(story, tmp_path, "# 叙述\n\n[[figures area=area-one]]\n")
    table = site.content("story/").select_one(".sc-embed table")
    assert table.find(id="f1") and table.find(id="f2")


def test_code_and_escaped_brackets_are_left_alone(story, tmp_path):
    site = _build(story, tmp_path, "# 叙述\n\n`[[event:nope]]` 和 \\[[原样]]\n\n```\n[[figure:nope]]\n```\n")
    text = site.content("story/").get_text()
    assert "[[event:nope]]" in text and "[[原样]]" in text and "[[figure:nope]]" in text


def test_embed_in_a_heading_gives_the_toc_the_title(story, tmp_path):
    site = _build(story, tmp_path, "# 叙述\n\n## 关于 [[event:e1]]\n\n正文\n")
    html = (tmp_path / "out/story/index.html").read_text(encoding="utf-8")
    assert "SCEMBED" not in html
    toc = [a.get_text(strip=True) for a in site.soup("story/").select("nav.md-nav--secondary a")]
    assert "关于 测试活动" in toc


def test_mistakes_are_reported_with_file_and_line(story, tmp_path, caplog):
    text = (
        "---\ntitle: 叙述\n---\n# 叙述\n\n"  # front matter: line numbers still count from the file's top
        "[[figure:nope]]\n\n"  # line 6
        "[[events category=党建]]\n\n"  # line 8
        "文字 [[honors level=国家级]] 文字\n\n"  # line 10
        "[[entrepreneurs colour=red]]\n\n"  # line 12
        "[[evnt:e1]]\n"  # line 14
    )
    story.write("docs/story.md", text)
    with pytest.raises(Abort):
        build_site(story.root, tmp_path / "out")
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    for line, phrase in ((6, "找不到编号为“nope”"), (8, "不是可选的 category"), (10, "必须单独占一行"),
                         (12, "不支持筛选条件“colour”"), (14, "是否想写“event”")):
        assert any(l.startswith(f"docs/story.md:{line}: ") and phrase in l for l in message.splitlines()), (line, message)
    assert not (tmp_path / "out").exists()


def test_hostile_record_text_in_embeds_is_text(story, tmp_path):
    story.write("data/events/e1.yml", EVENT.replace("测试活动", "'<img src=x onerror=alert(1)>'") + "summary: <script>alert(2)</script>\n")
    site = _build(story, tmp_path, "# 叙述\n\n见 [[event:e1]]\n\n[[events category=教育培训]]\n")
    content = site.content("story/")
    assert content.find("img") is None and content.find("script") is None
    assert "<img src=x onerror=alert(1)>" in content.get_text() and "<script>alert(2)</script>" in content.get_text()


@example_only
def test_example_narratives_embed_their_numbers():
    """The example's narratives take their figures from data/, not from typed digits."""
    from projectkit import REPO

    text = (REPO / "docs/areas/zhengzhi-jianhui.md").read_text(encoding="utf-8")
    assert "[[figure:dangjian-lianmeng-shanghui]]" in text and "35" not in text
