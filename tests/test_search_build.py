"""The search index in real builds: what is findable, what never is, the worker, the caches,
Material's search plugin, and the output check reading the index files."""

from __future__ import annotations

import logging
import re

import pytest
from datakit import EVENT, FIGURE, HONOR, PERSON
from showcase.mkdocs import search as glue
from showcase.output import personal
from showcase.output.outputcheck import check_site
from showcase.output.searchindex import compact, script
from sitebuild import build_site


def exact(name: str) -> str:
    return "^" + compact(name)


@pytest.fixture
def project_with_records(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "tags: [科技创新]\n")
    project.write("data/events/e1.yml", EVENT + "tags: [薪火工程]\nformer_ids: [old-e1]\n")
    project.write("data/events/e2.yml", EVENT.replace("测试活动", "草稿活动") + "published: false\n")
    project.write("data/honors/h1.yml", HONOR)
    project.write("data/figures/f1.yml", FIGURE)
    project.write("docs/outlook.md", "# 展望\n\n继续推进专家博士团建设。\n")
    return project


@pytest.fixture
def site(project_with_records):
    return build_site(project_with_records.root, project_with_records.root.parent / "out")


def test_sections_report_and_narratives_are_findable_by_their_names(site):
    urls = {d["url"] for d in site.search_docs}
    for name, url in (
        ("企业家风采", "entrepreneurs/"), ("企业家", "entrepreneurs/"), ("创建活动", "events/"), ("荣誉墙", "honors/"),
        ("荣誉", "honors/"), ("主要数据", "figures/"), ("自查报告", "report/"), ("教育培训", "categories/jiaoyu-peixun/"),
    ):
        assert url in urls and url in site.search_urls(exact(name)), name
    assert "outlook/" in site.search_urls("博士")  # a narrative's own text, a word inside another
    assert "figures/#f1" in urls  # a key figure is a result of its own, at its row
    assert site.soup("figures/").find(id="f1") is not None


def test_tags_redirects_and_unpublished_records_are_not_results(site):
    urls = [d["url"] for d in site.search_docs]
    assert len(urls) == len(set(urls))
    assert not [u for u in urls if u.startswith("tags/") or "old-e1" in u or "e2" in u]
    assert site.exists("events/old-e1/"), "the redirect page exists, outside the index"
    assert not site.search_urls("草稿")


def test_the_worker_writes_the_same_index_as_the_build_itself(project_with_records, monkeypatch):
    root = project_with_records.root
    monkeypatch.setattr(glue, "_can_fork", lambda: True)
    forked = build_site(root, root.parent / "forked")
    monkeypatch.setattr(glue, "_can_fork", lambda: False)
    inline = build_site(root, root.parent / "inline")
    files = sorted(p.relative_to(forked.out).as_posix() for p in (forked.out / "search").rglob("*.js"))
    assert files and files == sorted(p.relative_to(inline.out).as_posix() for p in (inline.out / "search").rglob("*.js"))
    for rel in files:
        assert (forked.out / rel).read_bytes() == (inline.out / rel).read_bytes(), rel


def test_a_second_build_reuses_the_features_of_unchanged_pages(project_with_records, monkeypatch):
    root = project_with_records.root
    monkeypatch.setattr(glue, "_can_fork", lambda: False)
    build_site(root, root.parent / "one")
    cache = root / ".cache" / "search" / "features.json"
    stamp = cache.stat().st_mtime_ns
    build_site(root, root.parent / "two")
    assert cache.stat().st_mtime_ns == stamp, "nothing new to compute: the cache is not rewritten"
    project_with_records.write("data/events/e1.yml", EVENT.replace("测试活动", "改过的活动"))
    two = build_site(root, root.parent / "three")
    assert cache.stat().st_mtime_ns != stamp
    assert "events/e1/" in two.search_urls(exact("改过的活动"))


def test_materials_search_plugin_is_switched_off_with_a_warning(project, caplog):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.showcase"):
        site = build_site(project.root, project.root.parent / "out")
    warnings = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.showcase"]
    assert any("search" in m and "请删除" in m for m in warnings), warnings
    assert not site.exists("search/search_index.json") and site.exists("search/m.js")
    assert site.soup("index.html").select_one("[data-sx-search] input[name=query]") is not None


def test_no_plugins_key_gets_the_same_warning_and_fix(project, caplog):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []\n", ""), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.showcase"):
        site = build_site(project.root, project.root.parent / "out")
    assert any("plugins: []" in r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.showcase")
    assert not site.exists("search/search_index.json")


def test_nothing_of_the_search_is_on_a_page_but_the_dialog_and_its_starter(site):
    soup = site.soup("index.html")
    scripts = [s.get("src", "") for s in soup.find_all("script") if s.get("src")]
    assert [s for s in scripts if "search" in s] == ["assets/javascripts/search-start.js"]
    dialog = soup.select_one("[data-sx-search]")
    assert dialog["role"] == "dialog" and dialog["aria-label"]
    meta = dialog.select_one("[data-sx-meta]")
    assert meta["role"] == "status" and meta["aria-live"] == "polite"
    assert soup.select_one("label.md-header__button[for=__search]") is not None
    assert soup.find(attrs={"data-md-component": "search"}) is None, "Material's own search must not start"
    assert soup.find("form", attrs={"name": "search"}) is None, "Material fetches its index when this form exists"


# -- the output check reads the index files ---------------------------------------------------

def test_the_output_check_scans_the_index_files(tmp_path):
    (tmp_path / "search" / "d").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (tmp_path / "search" / "d" / "0.js").write_text(script("d0", [["x/", "张三", "s", "电话 13812345678"]]), encoding="utf-8")
    (tmp_path / "theme.js").write_text("var x = '13812345678';", encoding="utf-8")  # theme code: not data
    findings = check_site(tmp_path)
    assert [(f.page, f.kind) for f in findings] == [("search/d/0.js", "mobile")]


def test_the_personal_number_reader_reads_index_files_as_data():
    text = script("d0", [["x/", "张三", "s", "身份证 11010519491231002X 电话 138 1234 5678"]])
    read = personal.reader_text("search/d/0.js", text)
    assert "张三" in read and "__sx" not in read
    assert {f.kind for f in personal.find_numbers(read)} == {"id-number", "mobile"}
    assert personal.reader_text("assets/javascripts/x.js", "var a = 1;") == "var a = 1;"


def test_index_text_keeps_no_markup(site):
    for rel in site.search_files:
        text = site.text_of(site.out / rel)
        assert not re.search(r"<[a-z/]", text), rel
