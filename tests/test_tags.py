"""Tags become browsable pages with counts, linked from every record that carries them."""

from __future__ import annotations

from datakit import EVENT, HONOR, PERSON
from showcase.output.pages import tag_slug
from sitebuild import build_site


def test_tag_pages_list_every_record_with_counts(project, tmp_path):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "tags: [薪火工程, 新生代]\n")
    project.write("data/events/e1.yml", EVENT + "tags: [薪火工程]\n")
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "第二项") + "tags: [培训]\n")
    project.write("data/honors/h1.yml", HONOR + "tags: [薪火工程]\n")
    project.write("data/events/hidden.yml", EVENT + "tags: [不公开的标签]\npublished: false\n")
    site = build_site(project.root, tmp_path / "out")
    assert site.exists("tags/")
    index = site.content("tags/")
    text = index.get_text()
    assert "薪火工程（3）" in text and "培训（1）" in text and "新生代（1）" in text
    assert "不公开的标签" not in text and not site.exists("tags/不公开的标签/")
    page = site.content("tags/薪火工程/")
    assert site.links_to("tags/薪火工程/", "entrepreneurs/zhang-san/", page)
    assert site.links_to("tags/薪火工程/", "events/e1/", page)
    assert site.links_to("tags/薪火工程/", "honors/h1/", page)
    assert not site.links_to("tags/薪火工程/", "events/e2/", page)
    # every record links to its tags
    assert site.links_to("events/e1/", "tags/薪火工程/", site.content("events/e1/"))
    assert site.links_to("entrepreneurs/zhang-san/", "tags/新生代/", site.content("entrepreneurs/zhang-san/"))
    assert site.broken_links() == []


def test_unsafe_tag_gets_a_stable_hashed_address_and_shows_as_text(project, tmp_path):
    hostile = '<b>a/b?c</b>'
    project.write("data/events/e1.yml", EVENT + f"tags: ['{hostile}']\n")
    site = build_site(project.root, tmp_path / "out")
    slug = tag_slug(hostile)
    assert slug.startswith("t-") and slug == tag_slug(hostile)
    page = site.content(f"tags/{slug}/")
    assert page.find("h1").get_text() == f"标签：{hostile}"
    assert page.find("b") is None


def test_tag_slug_keeps_chinese_and_is_independent_of_other_tags():
    assert tag_slug("百企帮百村") == "百企帮百村"
    assert tag_slug("a b") != tag_slug("a_b")
    assert tag_slug("Python") == "Python"
    assert tag_slug("CON").startswith("t-")  # a reserved file name on Windows
