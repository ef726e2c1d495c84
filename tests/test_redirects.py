"""Renamed records: their former addresses become redirect pages that are in no sitemap
and no search index, and resolve under a sub-path and without directory URLs too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from mkdocs.exceptions import Abort, PluginError
from projectkit import Project
from showcase.output.redirects import relative_url
from sitebuild import BuiltSite, build_site, resolve_relative

SITE_URL = "https://example.org/wenming/"
CONSENT = "consent:\n  date: 2023-01-01\n  scope: 同意公开姓名和事迹\n"


def _project(root, site_url: str | None = None, directory_urls: bool = True) -> Project:
    project = Project(root)
    project.write(
        "data/events/2023-new-name.yml",
        "title: 改名后的活动\ndate: 2023-05\ncategory: 教育培训\nformer_ids: [2023-old-name, 2022-first-name]\n",
    )
    project.write("data/events/2023-other.yml", "title: 另一项活动\ndate: 2023\ncategory: 教育培训\n")
    project.write(
        "data/entrepreneurs/li-si.yml",
        f"name: 李四\ncompany: 测试公司\nsummary: 简介。\nformer_ids: [li-si-old]\n{CONSENT}",
    )
    project.write(
        "data/honors/h-new.yml",
        "title: 改名的荣誉\nlevel: 省级\nawarding_body: 测试单位\ndate: 2022\nrecipient:\n  type: 本单位\n  name: 测试协会\n"
        "former_ids: [h-old]\n",
    )
    project.write(
        "data/events/2023-draft.yml",
        "title: 草稿\ndate: 2023\ncategory: 教育培训\npublished: false\nformer_ids: [2023-draft-old]\n",
    )
    config = project.root / "mkdocs.yml"
    head = (f"site_url: {site_url}\n" if site_url else "") + ("" if directory_urls else "use_directory_urls: false\n")
    config.write_text(head + config.read_text(encoding="utf-8"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("renamed")
    return build_site(_project(base / "proj").root, base / "out")


@pytest.fixture(scope="module")
def renamed_subpath(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("renamed-subpath")
    return build_site(_project(base / "proj", SITE_URL).root, base / "out")


@pytest.fixture(scope="module")
def renamed_flat(tmp_path_factory) -> BuiltSite:
    base = tmp_path_factory.mktemp("renamed-flat")
    return build_site(_project(base / "proj", SITE_URL, directory_urls=False).root, base / "out")


def _refresh_target(site: BuiltSite, page: str) -> str:
    meta = site.soup(page).find("meta", attrs={"http-equiv": "refresh"})
    assert meta is not None, page
    match = re.fullmatch(r"0; url=(.+)", meta["content"])
    assert match, meta["content"]
    return match.group(1)


@pytest.mark.parametrize(
    "old, new",
    [
        ("events/2023-old-name/", "events/2023-new-name/"),
        ("events/2022-first-name/", "events/2023-new-name/"),
        ("entrepreneurs/li-si-old/", "entrepreneurs/li-si/"),
        ("honors/h-old/", "honors/h-new/"),
    ],
)
def test_former_address_redirects_to_the_current_page(renamed, old, new):
    assert renamed.exists(old)
    target = _refresh_target(renamed, old)
    assert resolve_relative(old + "index.html", target) == new
    soup = renamed.soup(old)
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert resolve_relative(old + "index.html", soup.find("link", rel="canonical")["href"]) == new
    link = soup.body.find("a")
    assert resolve_relative(old + "index.html", link["href"]) == new
    assert link.get_text(strip=True) == renamed.content(new).find("h1").get_text(strip=True)
    assert soup.html["lang"] == "zh-CN" and "已迁移" in soup.get_text()


def test_unpublished_records_get_no_redirect(renamed):
    assert not renamed.exists("events/2023-draft-old/")


def test_redirects_are_in_no_search_index(renamed):
    locations = {doc["url"].split("#")[0] for doc in renamed.search_docs}
    assert "events/2023-new-name/" in locations
    assert not any("old" in loc or "first-name" in loc for loc in locations)


def test_redirects_resolve(renamed):
    assert renamed.broken_links() == []


def test_subpath_redirect_canonical_is_the_full_current_address(renamed_subpath):
    soup = renamed_subpath.soup("events/2023-old-name/")
    assert soup.find("link", rel="canonical")["href"] == SITE_URL + "events/2023-new-name/"
    assert (
        resolve_relative("events/2023-old-name/index.html", _refresh_target(renamed_subpath, "events/2023-old-name/"))
        == "events/2023-new-name/"
    )


def test_subpath_sitemap_has_no_redirect_and_no_404(renamed_subpath):
    root = ET.fromstring(renamed_subpath.path("sitemap.xml").read_text(encoding="utf-8"))
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    redirects = {"events/2023-old-name/", "events/2022-first-name/", "entrepreneurs/li-si-old/", "honors/h-old/"}
    pages = {re.sub(r"index\.html$", "", url) for url in renamed_subpath.page_urls() if url != "404.html"}
    assert redirects <= pages
    assert locs == {SITE_URL + url for url in pages - redirects}
    assert SITE_URL + "events/2023-new-name/" in locs


def test_redirects_without_directory_urls(renamed_flat):
    assert renamed_flat.path("events/2023-old-name.html").is_file()
    target = _refresh_target(renamed_flat, "events/2023-old-name.html")
    assert resolve_relative("events/2023-old-name.html", target) == "events/2023-new-name.html"
    assert renamed_flat.path("events/2023-new-name.html").is_file()
    assert (
        renamed_flat.soup("events/2023-old-name.html").find("link", rel="canonical")["href"]
        == SITE_URL + "events/2023-new-name.html"
    )


def test_renaming_onto_a_taken_address_stops_the_build(tmp_path):
    project = _project(tmp_path / "proj")
    project.write("data/events/2023-old-name.yml", "title: 占用旧网址\ndate: 2023\ncategory: 教育培训\n")
    with pytest.raises((PluginError, Abort)):
        build_site(project.root, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "src, dst, expected",
    [
        ("events/old/", "events/new/", "../../events/new/"),
        ("events/old.html", "events/new.html", "../events/new.html"),
        ("events/old/", "", "../../"),
    ],
)
def test_relative_url(src, dst, expected):
    assert relative_url(src, dst) == expected
