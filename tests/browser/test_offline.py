"""The offline edition opens from file:// with navigation, images and search working (no server, no worker)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pagekinds import sample_event
from showcase.mkdocs.offline import TOP_FOLDER, build_offline

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    archive = build_offline(REPO, tmp / "offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert all(n.startswith(TOP_FOLDER + "/") for n in names)
        z.extractall(tmp / "unzipped")
    return tmp / "unzipped" / TOP_FOLDER


def test_offline_edition_has_no_outside_references(offline_site):
    for path in offline_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, path
    assert (offline_site / "search/m.js").is_file()
    assert (offline_site / "events/index.html").is_file()
    assert not list(offline_site.rglob("iframe-worker*")), "no worker shim is needed any more"


def test_offline_search_and_navigation_from_file_url(browser, offline_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    # navigation: follow the tab to the events page
    page.locator(".md-tabs a[href*='events/']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("events/index.html")
    assert page.locator("article h1").count() == 1
    # search: the index files are scripts, which load from file:// as well
    event_url, title = sample_event(REPO)  # one of the project's own events, by its title
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(title)
    page.wait_for_function("t => document.querySelector('[data-sx-list]').getAttribute('data-sx-query') === t", arg=title)
    links = page.locator("[data-sx-list] a.md-search-result__link")
    first = links.first.get_attribute("href")
    assert first.startswith("file://") and first.endswith(".html"), first  # each link names its file
    assert first.endswith(event_url.rstrip("/") + ".html"), (first, event_url)
    links.first.click()
    page.wait_for_load_state("load")
    assert title in page.locator("article h1").first.inner_text()
    # typing the section's name finds the section page
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("荣誉墙")
    page.wait_for_function("document.querySelector('[data-sx-list]').getAttribute('data-sx-query') === '荣誉墙'")
    assert page.locator("[data-sx-list] a.md-search-result__link").first.get_attribute("href").endswith("honors/index.html")
    context.close()
    outside = [u for u in requests if urlsplit(u).scheme not in ("file", "data", "blob", "about")]
    assert outside == []


def test_offline_command(tmp_path, capsys):
    from showcase.tools.cli import main

    out = tmp_path / "edition.zip"
    assert main(["offline", "--root", str(REPO), "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert "offline-site/index.html" in capsys.readouterr().out
