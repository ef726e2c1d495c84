"""Attached documents in Chromium: previews load, each link serves the document itself, a
reviewer reaches a document from its criterion in one click, no accessibility violation."""

from __future__ import annotations

import pytest
from pdfkit import NOTICE_URL, write_fixture
from projectkit import Project
from sitebuild import build_site

from .conftest import serve


@pytest.fixture(scope="module")
def documents_url(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("documents-browser") / "proj")
    write_fixture(project)
    site = build_site(project.root, project.root.parent / "out")
    server = serve(site.out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _axe(page, axe_source, selector):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (sel) => await axe.run(document.querySelectorAll(sel), {resultTypes: ['violations']})", selector
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_record_page_previews_load_and_links_serve_the_documents(browser, documents_url, axe_source, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(documents_url + "events/e1/", wait_until="networkidle")
    images = page.locator(".sc-doc img")
    assert images.count() == 2
    for index in range(images.count()):
        assert images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
    hrefs = page.locator(".sc-doc__title a").evaluate_all("links => links.map(a => a.href)")
    for href in hrefs:
        response = context.request.get(href)
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")
    # nothing overflows sideways on a phone
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert _axe(page, axe_source, ".sc-documents") == []
    context.close()


def test_one_click_from_a_criterion_to_its_primary_document(browser, documents_url, axe_source):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(documents_url + "dossier/#c1", wait_until="networkidle")
    assert _axe(page, axe_source, ".sc-evidence--documents") == []
    link = page.locator("section:has(> h2#c1) ul.sc-evidence--documents a.sc-evidence__link").nth(1)
    assert link.inner_text() == "关于印发工作方案的通知"
    with page.expect_response(lambda r: r.url.endswith(NOTICE_URL)) as response_info:
        link.click()  # Chromium opens the PDF (or saves it): either way the document is what loads
    response = response_info.value
    assert response.ok and response.headers["content-type"] == "application/pdf"
    context.close()


def test_honor_wall_certificate_opens_the_scan(browser, documents_url, axe_source):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(documents_url + "honors/", wait_until="networkidle")
    image = page.locator(".sc-certificates img").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert _axe(page, axe_source, ".sc-certificates") == []
    page.locator(".sc-certificate__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("documents/zhengshu-saomiao.jpg")
    context.close()
