"""What a visitor's browser does: requests, accessibility, layout on a phone."""

from __future__ import annotations

import itertools
from urllib.parse import unquote, urlsplit

import pytest

from .example_pages import EXAMPLE_PAGES

PAGES = {**EXAMPLE_PAGES, "404": "404.html"}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def _outside(base_url: str, urls: list[str]) -> list[str]:
    host = urlsplit(base_url).netloc
    return [u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != host]


def test_page_kinds_exist(example_site):
    for name, url in PAGES.items():
        url = unquote(url)
        path = example_site / (url + "index.html" if url.endswith("/") or url == "" else url)
        assert path.is_file(), f"{name}: {url} is missing from the example site"


@pytest.mark.parametrize("name", list(PAGES))
def test_no_request_leaves_the_site(page, base_url, name):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    # open search and type, so the search script and pieces of its index load too
    page.keyboard.press("s")
    page.wait_for_timeout(150)
    search = page.locator("input.md-search__input")
    if search.count():
        search.first.fill("商会")
        page.wait_for_timeout(800)
    page.wait_for_load_state("networkidle")
    assert _outside(base_url, requests) == []
    assert any(u.startswith(base_url) for u in requests)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(browser, base_url, axe_source, name, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("name", list(PAGES))
def test_document_language_is_simplified_chinese(page, base_url, name):
    page.goto(base_url + PAGES[name])
    assert page.evaluate("document.documentElement.lang") in ("zh-CN", "zh-Hans")


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
@pytest.mark.parametrize(
    "name", ["home", "entrepreneurs", "entrepreneur", "events", "event", "honors", "figures", "area", "dossier", "report"]
)
def test_no_horizontal_overflow_and_screenshot(browser, base_url, artifacts, name, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(artifacts / f"screenshot-{name}-{width}x{height}.png"), full_page=True)
    context.close()
    assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px"


@pytest.mark.parametrize("name", list(PAGES))
def test_headings_in_order_and_one_h1(page, base_url, name):
    page.goto(base_url + PAGES[name])
    levels = page.evaluate(
        """() => [...document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6')]
                 .filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"""
    )
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading jumps from h{before} to h{after}: {levels}"


@pytest.mark.parametrize("name", ["home", "entrepreneurs", "event"])
def test_keyboard_reaches_content_with_visible_focus(page, base_url, name):
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                       return {tag: e.tagName, inArticle: !!e.closest('article'),
                               outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                               shadow: s.boxShadow !== 'none', href: e.getAttribute('href')}; }"""
        )
        seen.append(info)
        if info["inArticle"] and info["tag"] == "A":
            break
    first = seen[0]
    assert first["tag"] == "A" and first["href"].startswith("#"), "the first Tab stop is the skip link"
    reached = seen[-1]
    assert reached["inArticle"], "keyboard never reached a link in the content"
    assert reached["outline"] or reached["shadow"], "focused link has no visible focus indicator"
