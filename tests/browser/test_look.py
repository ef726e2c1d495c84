"""The showcase as visitors see it, in Debian's chromium at 390×844 and 1280×800, light and dark.

Every page kind of the example is opened in each combination and photographed into
artifacts/look/ for review; the checks on it do not depend on the example's wording: nothing
scrolls sideways, the unit's full name is never cut off, the page title is the strongest text,
no sidebar stands empty, cards hold their content, no serious axe finding on large screens
(phones: test_visitor.py), data tables turn into label–value blocks on phones. A fixture project (tests/lookkit.py, with site_url) covers the behaviour: the text
size control (标准 / 大 / 特大) across pages and at 200% on a phone, tap targets, the print
button inside WeChat, no QR code on phones, the Chinese 404 page with its search box.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from lookkit import write_fixture
from projectkit import Project
from sitebuild import build_site

from .example_pages import EXAMPLE_PAGES

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
PAGES = {**EXAMPLE_PAGES, "404": "404.html"}
WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI Language/zh_CN"
)
LOAD_LAZY = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 500) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 20)); }
  window.scrollTo(0, 0);
}"""


def _context(browser, size: str, scheme: str = "light", **options):
    width, height = SIZES[size]
    return browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, locale="zh-CN", **options)


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


# -- the example, every page kind ------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_looks_right_and_is_photographed(browser, base_url, artifacts, axe_source, name, size, scheme):
    context = _context(browser, size, scheme)
    page = context.new_page()
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    page.evaluate(LOAD_LAZY)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    folder = artifacts / "look"
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"{name}-{size}-{scheme}.png"), full_page=True)
    facts = page.evaluate(
        """() => {
          const name = document.querySelector('.sc-brand__name');
          const h1 = [...document.querySelectorAll('article h1')].find(h => h.offsetParent !== null);
          const h2 = [...document.querySelectorAll('article h2')].find(h => h.offsetParent !== null);
          const nav = document.querySelector('.md-sidebar--primary');
          const navShown = nav && getComputedStyle(nav).display !== 'none' && window.innerWidth >= 1220;
          const cards = [...document.querySelectorAll('.sc-card, .sc-stat, .sc-item')]
            .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.className);
          return {
            nameCut: name.scrollWidth > name.clientWidth + 1 || getComputedStyle(name).textOverflow === 'ellipsis',
            h1: h1 && {size: parseFloat(getComputedStyle(h1).fontSize), weight: parseInt(getComputedStyle(h1).fontWeight)},
            h2: h2 && parseFloat(getComputedStyle(h2).fontSize),
            navLinks: navShown ? nav.querySelectorAll('.md-nav__link[href]').length : null,
            overflowingCards: cards,
          };
        }"""
    )
    overflow = _overflow(page)
    serious = []
    if size == "desktop":  # phones: test_visitor.py runs axe on every page kind in both schemes
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    assert serious == []
    assert not facts["nameCut"], "the unit's name is cut off in the header"
    if facts["h1"]:
        assert facts["h1"]["weight"] >= 600, facts
        assert facts["h2"] is None or facts["h1"]["size"] > facts["h2"], facts
        if size == "phone":
            assert 26 <= facts["h1"]["size"] <= 32, facts
    if facts["navLinks"] is not None:
        assert facts["navLinks"] >= 2, "a sidebar with nothing to move between"
    assert facts["overflowingCards"] == []


def test_figure_tables_are_label_value_lists_on_phones(browser, base_url):
    for size, expected in (("phone", "block"), ("desktop", "table-cell")):
        context = _context(browser, size)
        page = context.new_page()
        page.goto(base_url + PAGES["figures"], wait_until="networkidle")
        cells = page.evaluate(
            """() => [...document.querySelectorAll('table.sc-figures td')].slice(0, 6).map(td => ({
                display: getComputedStyle(td).display,
                label: getComputedStyle(td, '::before').content,
                data: td.dataset.label}))"""
        )
        header = page.evaluate("getComputedStyle(document.querySelector('table.sc-figures thead')).position")
        context.close()
        assert cells
        if expected == "block":
            assert all(c["display"] in ("block", "grid") and c["label"] == f'"{c["data"]}"' for c in cells), cells
            assert header == "absolute"  # column headings hidden visually, kept for screen readers
        else:
            assert all(c["display"] == "table-cell" for c in cells), cells


# -- behaviour, on a fixture with site_url --------------------------------------------------------


@pytest.fixture(scope="module")
def look_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("look")
    project = Project(base / "proj")
    write_fixture(project, site_url="https://example.org/")  # at the root: 404.html's links work locally
    out = base / "site"
    build_site(project.root, out)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


FIXTURE_PAGES = ("", "events/", "events/e-own/", "figures/", "areas/area-one/", "dossier/", "report/", "entrepreneurs/zhang-san/", "404.html")


def test_text_size_persists_across_pages(browser, look_url):
    context = _context(browser, "phone")
    page = context.new_page()
    body_text = "parseFloat(getComputedStyle(document.querySelector('.sc-body p')).fontSize)"
    page.goto(look_url + "events/e-own/", wait_until="networkidle")
    standard = page.evaluate(body_text)
    assert 17 <= standard <= 18  # body text on phones (DESIGN.md)
    page.goto(look_url, wait_until="networkidle")
    page.get_by_role("button", name="特大", exact=True).click()
    assert page.evaluate("document.documentElement.dataset.scSize") == "xlarge"
    assert page.get_by_role("button", name="特大", exact=True).get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="标准", exact=True).get_attribute("aria-pressed") == "false"
    page.goto(look_url + "events/e-own/", wait_until="networkidle")  # another page: still 特大
    assert page.evaluate("document.documentElement.dataset.scSize") == "xlarge"
    assert page.get_by_role("button", name="特大", exact=True).get_attribute("aria-pressed") == "true"
    larger = page.evaluate(body_text)
    assert larger >= 1.95 * standard, (standard, larger)  # 200% text
    page.get_by_role("button", name="大", exact=True).click()
    large = page.evaluate(body_text)
    assert 1.4 * standard <= large < larger
    page.get_by_role("button", name="标准", exact=True).click()
    page.reload(wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.scSize") is None
    context.close()


OVERLAPS = """() => {
  // visible text boxes (leaves with text) that overlap another one they are not part of
  const boxes = [];
  for (const el of document.querySelectorAll('header *, .sc-toolbar *, article *, .sc-share *, footer *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || el.offsetParent === null && s.position !== 'fixed') continue;
    if (el.closest('[hidden], .md-search, .sc-print-only, svg, details:not([open]) > :not(summary)')) continue;
    for (const r of el.getClientRects()) if (r.width > 1 && r.height > 1) boxes.push([el, r]);
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    if (a === b || a.contains(b) || b.contains(a)) continue;
    const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (x > 2 && y > 2) found.push(a.textContent.trim().slice(0, 12) + ' / ' + b.textContent.trim().slice(0, 12));
  }
  return found.slice(0, 5);
}"""


@pytest.mark.parametrize("size", ["standard", "xlarge"])
def test_nothing_overlaps_or_scrolls_sideways_at_200_percent(browser, look_url, artifacts, size):
    context = _context(browser, "phone")
    page = context.new_page()
    page.goto(look_url, wait_until="networkidle")
    page.evaluate(f"localStorage.setItem('sc-text-size', '{size}')")
    for url in FIXTURE_PAGES:
        page.goto(look_url + url, wait_until="networkidle")
        assert _overflow(page) <= 0, f"{url or 'home'} at {size} scrolls sideways"
        assert page.evaluate(OVERLAPS) == [], f"{url or 'home'} at {size}"
    page.goto(look_url, wait_until="networkidle")
    (artifacts / "look").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "look" / f"textsize-{size}-phone.png"), full_page=True)
    context.close()


TAP_TARGETS = """() => [...document.querySelectorAll(
    '.sc-textsize button, .sc-toolbar__palette label:not([hidden]), .sc-header .md-header__button, .sc-chip, '
  + '.sc-share button, .sc-print button, .sc-more a, .sc-back a, .sc-hero__actions a, .sc-notfound__row input, .sc-notfound__row button')]
  .filter(el => el.offsetParent !== null && getComputedStyle(el).display !== 'none')
  .map(el => { const r = el.getBoundingClientRect(); return {what: el.textContent.trim().slice(0, 10) || el.className, w: r.width, h: r.height}; })
  .filter(t => t.w < 44 || t.h < 44)"""


def test_tap_targets_are_at_least_44_px(browser, look_url):
    context = _context(browser, "phone")
    page = context.new_page()
    for url in ("", "events/", "dossier/", "404.html"):
        page.goto(look_url + url, wait_until="networkidle")
        assert page.evaluate(TAP_TARGETS) == [], url or "home"
    context.close()


def test_print_button_explains_what_to_do_in_wechat(browser, look_url):
    for user_agent, in_wechat in ((WECHAT_UA, True), (None, False)):
        options = {"user_agent": user_agent} if user_agent else {}
        context = _context(browser, "phone", **options)
        page = context.new_page()
        page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
        page.goto(look_url + "dossier/", wait_until="networkidle")
        note = page.locator("#sc-print-note")
        assert note.is_hidden()
        page.get_by_role("button", name="打印或保存为 PDF").click()
        printed = page.evaluate("window.__printed")
        wechat_hint = page.locator(".sc-share__wechat").is_visible()
        if in_wechat:
            assert printed == 0 and note.is_visible()
            assert "在浏览器打开" in note.inner_text()
            assert wechat_hint
        else:
            assert printed == 1 and note.is_hidden()
            assert not wechat_hint
        context.close()


def test_qr_code_is_a_png_on_large_screens_and_absent_on_phones(browser, look_url):
    for size, shown in (("desktop", True), ("phone", False)):
        context = _context(browser, size)
        page = context.new_page()
        page.goto(look_url + "events/e-own/", wait_until="networkidle")
        qr = page.locator(".sc-share img.sc-qr")
        assert qr.count() == 1
        if shown:
            qr.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('.sc-share img.sc-qr').naturalWidth > 0")
            assert qr.is_visible() and qr.get_attribute("src").endswith(".png")
        else:
            assert not qr.is_visible()
            assert not page.get_by_text("扫码").first.is_visible()  # no “scan this” on the phone itself
        context.close()


def test_404_page_searches_and_leads_on(browser, look_url):
    context = _context(browser, "phone")
    page = context.new_page()
    page.goto(look_url + "404.html", wait_until="networkidle")
    assert page.locator("article h1").inner_text() == "没有找到这个页面"
    page.get_by_label("搜索本站").fill("活动")
    page.get_by_role("button", name="搜索", exact=True).click()
    page.wait_for_url("**/?q=*")
    page.wait_for_function("document.querySelector('.md-search__input') && document.querySelector('.md-search__input').value === '活动'")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1
    page.goto(look_url + "404.html", wait_until="networkidle")
    page.get_by_role("link", name="返回首页").click()
    page.wait_for_load_state("networkidle")
    assert page.url.rstrip("/") == look_url.rstrip("/")
    context.close()
