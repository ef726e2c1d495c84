"""The same visitor checks on a second, differently shaped unit (tests/unitkit.py).

Another province and title level, its own criteria, areas, event categories and honor levels,
a site under a sub-path, built with ``strict: true``: every page kind is checked for requests
leaving the site, accessibility in both colour schemes, sideways scrolling at phone and
desktop width, and every link and asset is crawled under the sub-path.
"""

from __future__ import annotations

import logging
import os
from urllib.parse import urljoin, urlsplit

import pytest
from deploykit import csp_for, fetch, serve_like_nginx
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pagekinds import page_kinds
from unitkit import SITE_URL, write_unit

from .test_subpath import _references

PREFIX = urlsplit(SITE_URL).path


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    root = write_unit(tmp_path_factory.mktemp("unit2") / "proj")
    out = root / "site"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(load_config(config_file=os.fspath(root / "mkdocs.yml"), site_dir=os.fspath(out)))
    return root, out


@pytest.fixture(scope="module")
def base(unit):
    _root, out = unit
    server = serve_like_nginx(out, csp_for(out), prefix=PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="module")
def pages(unit):
    root, _ = unit
    found = page_kinds(root)
    found["404"] = "no-such-page/"
    return found


def test_every_kind_of_page_exists(unit, pages):
    expected = {"home", "entrepreneur", "event", "category", "honor", "area", "tag", "dossier", "report", "figures"}
    assert expected <= set(pages)


def test_every_page_and_asset_resolves_under_the_sub_path(base):
    queue, seen, broken, escaped, count = [base], {base}, [], [], 0
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
        count += 1
        for ref in _references(response.body, url):
            if not urlsplit(ref).path.startswith(PREFIX):
                escaped.append(f"{url} → {ref}")
            elif ref not in seen:
                seen.add(ref)
                queue.append(ref)
    assert broken == [] and escaped == []
    assert count > 60


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_outside_request_and_no_serious_accessibility_violation(browser, base, pages, axe_source, scheme):
    problems: list[str] = []
    for name, url in pages.items():
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, locale="zh-CN")
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        page.goto(base + url, wait_until="networkidle")
        outside = [u for u in requests if urlsplit(u).netloc != urlsplit(base).netloc and u.startswith("http")]
        problems += [f"{name}: request to {u}" for u in outside]
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        problems += [
            f"{name}: {v['id']} ({v['impact']}): " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        context.close()
    assert problems == []


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_no_page_scrolls_sideways(browser, base, pages, artifacts, width, height):
    wide: list[str] = []
    for name, url in pages.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        page = context.new_page()
        page.goto(base + url, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if name in ("home", "event", "dossier"):
            page.screenshot(path=str(artifacts / f"unit2-{name}-{width}x{height}.png"), full_page=True)
        context.close()
        if overflow > 0:
            wide.append(f"{name} scrolls sideways by {overflow}px")
    assert wide == []
