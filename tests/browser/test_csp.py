"""The site works under the Content-Security-Policy it is deployed with (guide/部署指南.md).

The example site is served with the headers of deploy/nginx.conf (read from the file) and the
CSP scripts/csp.py computes from the build — by a small Python server, and also by the real
nginx when it is installed. Every kind of page is opened in Chromium; any CSP violation,
console error, failed request or script error fails the test, and a search must return
results (the search script and the pieces of its index load as scripts under script-src 'self').
A control run with the hashes left out proves the checks notice a violation.
"""

from __future__ import annotations

import re

import pytest
from deploykit import RealNginx, Watch, csp_for, load_csp, serve_like_nginx
from mkdocs.config import load_config
from pagekinds import sample_event
from projectkit import Project
from sitebuild import build_site

from .conftest import REPO
from .example_pages import EXAMPLE_PAGES

PAGES = {**EXAMPLE_PAGES, "404": "no-such-page/"}  # a real 404 response

@pytest.fixture(scope="module")
def public_base() -> str | None:
    """The project's site_url (None: pages give the address they are served from)."""
    return load_config(config_file=str(REPO / "mkdocs.yml")).site_url or None


@pytest.fixture(scope="module")
def csp_value(example_site):
    return csp_for(example_site)


@pytest.fixture(scope="module", params=["python", "nginx"])
def served(request, example_site, csp_value, site_prefix, tmp_path_factory):
    """(base URL, CSP) of the example site served with deploy/nginx.conf's headers (under the
    path of the project's site_url, as it will be published)."""
    if request.param == "python":
        server = serve_like_nginx(example_site, csp_value, prefix=site_prefix)
        yield f"http://127.0.0.1:{server.server_address[1]}{site_prefix}", csp_value
        server.shutdown()
        return
    if not RealNginx.available():
        pytest.skip("nginx is not installed: the same checks ran against the Python server")
    if site_prefix != "/":
        pytest.skip("the nginx fixture serves at /; the Python server checked the site under its sub-path")
    nginx = RealNginx(tmp_path_factory.mktemp("nginx-csp"), example_site, load_csp().nginx_line(csp_value) + "\n")
    checked = nginx.test_config()
    assert checked.returncode == 0, checked.stderr
    try:
        yield nginx.start(), csp_value
    finally:
        nginx.stop()


def _context(browser):
    return browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")


def test_the_policy_has_no_unsafe_sources(csp_value):
    assert "'unsafe-inline'" not in csp_value and "'unsafe-eval'" not in csp_value
    directives = dict(part.split(" ", 1) for part in csp_value.split("; "))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]+=*')+", directives["script-src"])


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_kind_works_under_the_policy(browser, served, public_base, name):
    base, csp_value = served
    url = base + PAGES[name]
    context = _context(browser)
    watch = Watch(context, expected_404=url if name == "404" else None)
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle")
    assert response.headers["content-security-policy"] == csp_value
    assert response.status == (404 if name == "404" else 200)
    # inline scripts ran: Material's palette script and our share block (404 has no share block)
    assert page.evaluate("() => typeof __md_get") == "function"
    if name != "404":  # the page's public address: site_url's when the project sets one
        assert page.locator(".sc-share__url").inner_text() == (public_base or base) + PAGES[name]
    assert page.evaluate("() => window.__cspViolations") == []
    context.close()
    assert watch.problems() == []


def test_search_and_colour_switch_work_under_the_policy(browser, served):
    base, _ = served
    event_url, title = sample_event(REPO)  # one of the project's own events, by its title
    context = _context(browser)
    watch = Watch(context)
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    results: list[str] = []
    for _ in range(5):  # the search may still be starting: ask again until it answers
        page.keyboard.press("/")  # the shortcut (as in Material) focuses the search box
        page.locator("input.md-search__input").fill("")
        page.keyboard.type(title, delay=20)
        page.keyboard.press("End")
        page.wait_for_timeout(700)
        if "结果" in page.locator(".md-search-result__meta").inner_text():
            results = page.eval_on_selector_all(
                ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
            )
            break
    assert any(event_url in href for href in results), results
    page.keyboard.press("Escape")
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.body.dataset.mdColorScheme") != scheme
    page.reload(wait_until="networkidle")  # the choice is restored by the inline palette script
    assert page.evaluate("() => document.body.dataset.mdColorScheme") != scheme
    context.close()
    assert watch.problems() == []


def test_the_checks_notice_a_blocked_inline_script(browser, example_site):
    """Control: without the hashes the same watch reports violations (the test above can fail)."""
    without_hashes = re.sub(r" 'sha256-[^']+'", "", csp_for(example_site))
    server = serve_like_nginx(example_site, without_hashes)
    try:
        context = _context(browser)
        watch = Watch(context)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/events/", wait_until="networkidle")
        context.close()
    finally:
        server.shutdown()
    assert any('"directive":"script-src-elem"' in v for v in watch.violations), watch.violations
    assert any("Content Security Policy" in line for line in watch.console)


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """Two renamed records: their redirect pages each carry a different inline script."""
    base = tmp_path_factory.mktemp("csp-renamed")
    project = Project(base / "proj")
    project.write(
        "data/events/2023-new-name.yml",
        "title: 改名后的活动\ndate: 2023-05\ncategory: 教育培训\nformer_ids: [2023-old-name]\n",
    )
    project.write("data/events/2023-b.yml", "title: 另一项活动\ndate: 2023\ncategory: 教育培训\nformer_ids: [2023-b-old]\n")
    out = base / "site"
    build_site(project.root, out)
    return out


def test_redirect_pages_of_renamed_records_work_under_the_policy(browser, renamed_site):
    csp_value = csp_for(renamed_site)
    server = serve_like_nginx(renamed_site, csp_value)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        context = _context(browser)
        watch = Watch(context)
        page = context.new_page()
        page.goto(base + "events/2023-old-name/#sc-main")
        page.wait_for_url(base + "events/2023-new-name/#sc-main")  # the fragment: the inline script ran
        page.wait_for_load_state("networkidle")
        context.close()
    finally:
        server.shutdown()
    assert watch.problems() == []
