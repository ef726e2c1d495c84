"""The offline edition opens from file:// with navigation, images and search working."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from showcase.mkdocs.offline import TOP_FOLDER, build_offline

REPO = Path(__file__).resolve().parents[2]


def test_shipped_shim_is_the_pinned_npm_package():
    shipped = (REPO / "overrides/assets/javascripts/iframe-worker-shim.js").read_text(encoding="utf-8")
    npm = REPO / "node_modules/iframe-worker/shim/index.js"
    if not npm.is_file():
        pytest.skip("node_modules missing: run npm ci")
    assert shipped.split("\n", 1)[1].strip() == npm.read_text(encoding="utf-8").strip()


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
    assert (offline_site / "search/search_index.js").is_file()
    assert (offline_site / "events/index.html").is_file()


def test_offline_search_and_navigation_from_file_url(browser, offline_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    # navigation: follow the tab to the events page
    page.locator(".md-tabs a", has_text="创建活动").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("events/index.html")
    assert page.locator("h1", has_text="创建活动").count() == 1
    # search runs in a worker; from file:// it runs through the shipped iframe-worker shim
    page.locator("label.md-header__button[for='__search']").first.click() if page.locator("label.md-header__button[for='__search']").first.is_visible() else None
    page.locator("input.md-search__input").fill("薪火工程")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    context.close()
    assert any("薪火" in t for t in titles), titles
    outside = [u for u in requests if urlsplit(u).scheme not in ("file", "data", "blob", "about")]
    assert outside == []


def test_offline_command(tmp_path, capsys):
    from showcase.tools.cli import main

    out = tmp_path / "edition.zip"
    assert main(["offline", "--root", str(REPO), "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert "offline-site/index.html" in capsys.readouterr().out
