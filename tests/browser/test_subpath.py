"""The example site published under a sub-path: https://example.org/wenming/ (guide/部署指南.md).

Built with ``site_url: https://example.org/wenming/`` and served under /wenming/ only (like
nginx's ``location ^~ /wenming/ { alias …; }``, with deploy/nginx.conf's headers and the CSP
of this build), so any link or asset that escapes the sub-path gets a 404. Complements the
build-level sub-path checks of tests/test_dossier_report.py and tests/test_redirects.py
(canonical URLs, sitemap, QR codes, redirect pages): here every page is requested over HTTP
and a visitor's clicks, search and the error page are followed in Chromium.
"""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from deploykit import Watch, csp_for, fetch, serve_like_nginx
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import REPO

SITE_URL = "https://example.org/wenming/"
PREFIX = "/wenming/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("subpath") / "site"
    config = load_config(config_file=os.fspath(REPO / "mkdocs.yml"), site_dir=os.fspath(out), site_url=SITE_URL)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    return out


@pytest.fixture(scope="module")
def origin(subpath_site):
    """http://127.0.0.1:PORT — the site itself is at origin + /wenming/."""
    server = serve_like_nginx(subpath_site, csp_for(subpath_site), prefix=PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _references(html: bytes, page_url: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    refs = [a.get("href") for a in soup.find_all("a", href=True)]
    refs += [link.get("href") for link in soup.find_all("link", href=True) if link.get("rel") != ["canonical"]]
    refs += [tag.get("src") for tag in soup.find_all(["script", "img", "source"], src=True)]
    for tag in soup.find_all(["img", "source"], srcset=True):
        refs += [candidate.strip().split(" ")[0] for candidate in tag["srcset"].split(",")]
    out = set()
    for ref in refs:
        absolute = urljoin(page_url, ref)
        if urlsplit(absolute).netloc == urlsplit(page_url).netloc:
            out.add(absolute.split("#")[0])
    return out


def test_every_page_and_asset_resolves_under_the_sub_path(origin, subpath_site):
    """Crawl from /wenming/ over HTTP: every same-site link and asset stays under /wenming/ and exists."""
    start = origin + PREFIX
    queue, seen, broken, escaped = [start], {start}, [], []
    pages = 0
    while queue:
        url = queue.pop()
        response = fetch(url)
        if response.status == 301:
            response = fetch(urljoin(url, response.headers["location"]))
        if response.status != 200:
            broken.append(f"{response.status} {url}")
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        pages += 1
        for ref in _references(response.body, url):
            if not urlsplit(ref).path.startswith(PREFIX):
                escaped.append(f"{url} → {ref}")
            elif ref not in seen:
                seen.add(ref)
                queue.append(ref)
    assert broken == [] and escaped == []
    # every page MkDocs wrote was reached by following links (redirect pages of former ids aside)
    written = [p for p in subpath_site.rglob("*.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    assert pages >= len(written) - 1, (pages, len(written))  # 404.html is reached only by a miss


def test_sitemap_lists_pages_that_exist_under_the_sub_path(origin):
    sitemap = fetch(origin + PREFIX + "sitemap.xml")
    assert sitemap.status == 200
    locs = [el.text for el in ET.fromstring(sitemap.body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs
    for loc in locs:
        assert loc.startswith(SITE_URL), loc
        local = origin + PREFIX + loc[len(SITE_URL) :]
        assert fetch(local).status == 200, loc


def test_a_visitor_clicks_through_searches_and_meets_the_error_page(browser, origin):
    base = origin + PREFIX
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    watch = Watch(context, expected_404=base + "no-such-page/")
    page = context.new_page()
    page.goto(base, wait_until="networkidle")

    page.locator("a.md-tabs__link[href$='events/']").first.click()  # a navigation tab
    page.wait_for_url(base + "events/")
    page.locator(".sc-item__title a").first.click()  # a record card
    page.wait_for_url(base + "events/*/")
    event_url = page.url
    assert page.locator("article h1").count() == 1
    query = page.locator("article h1").inner_text().strip()[:4]  # the start of a record's title
    tag = page.locator("article a[href*='tags/']").first  # a tag of the record
    tag_name = tag.inner_text().strip()
    tag.click()
    page.wait_for_url(base + "tags/**")
    assert tag_name in unquote(page.url)
    page.locator(f"article a[href*='{urlsplit(event_url).path.split('/')[-2]}']").first.click()  # back to the record
    page.wait_for_url(event_url)
    page.locator("a.sc-brand").click()  # the logo: home
    page.wait_for_url(base)

    results: list[str] = []
    for _ in range(5):
        page.keyboard.press("/")
        page.locator("input.md-search__input").fill("")
        page.keyboard.type(query, delay=20)
        page.keyboard.press("End")
        page.wait_for_timeout(700)
        if "结果" in page.locator(".md-search-result__meta").inner_text():
            results = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
            break
    assert results and all(urlsplit(r).path.startswith(PREFIX) for r in results), results
    page.goto(results[0], wait_until="networkidle")
    assert page.locator("article h1").count() == 1

    response = page.goto(base + "no-such-page/", wait_until="networkidle")
    assert response.status == 404
    # styled: Material's stylesheet (display of the header) and ours (the header in the page flow)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).display") != "inline"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "relative"
    page.locator("a.sc-brand").click()
    page.wait_for_url(base)
    context.close()

    assert watch.problems() == []
    assert [u for u in watch.requests if not urlsplit(u).path.startswith(PREFIX)] == []
