"""Attached documents in built sites: published safely at stable addresses, shown on record
pages, the honor wall and the dossier, refused with Chinese messages, carried offline."""

from __future__ import annotations

import io
import os
import shutil
import zipfile

import pytest
from datakit import EVENT
from mkdocs.exceptions import Abort, PluginError
from pdfkit import NOTICE_URL, make_pdf, write_fixture
from PIL import Image
from projectkit import REPO
from pypdf import PdfReader
from sitebuild import build_site, resolve_relative

BUILD_ERRORS = (PluginError, Abort)
@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from projectkit import Project

    project = Project(tmp_path_factory.mktemp("documents") / "proj")
    write_fixture(project)
    return build_site(project.root, project.root.parent / "out")


def _href_target(site, page: str, href: str) -> str:
    target = resolve_relative(site.path(page).relative_to(site.out).as_posix(), href)
    assert target is not None, href
    return target


def test_documents_are_published_once_at_ascii_addresses_and_nothing_else(site):
    published = sorted(p.relative_to(site.out).as_posix() for p in site.out.rglob("*") if p.is_file()
                       and p.relative_to(site.out).parts[0] == "documents")
    assert published == [NOTICE_URL, "documents/press.pdf", "documents/rules.pdf", "documents/zhengshu-saomiao.jpg"]
    assert not any(p.name in ("hidden.pdf", "orphan.pdf") or "工作" in p.name for p in site.out.rglob("*"))
    assert site.broken_links() == []


def test_published_pdf_has_no_author_or_editing_metadata(site):
    path = site.out / NOTICE_URL
    reader = PdfReader(path)
    assert reader.metadata is None
    assert "/Metadata" not in reader.trailer["/Root"]
    assert all(not {"/Thumb", "/PieceInfo"} & set(page.keys()) for page in reader.pages)
    assert b"Zhang Sanfeng" not in path.read_bytes()
    assert [p.extract_text().strip() for p in reader.pages] == ["Notice page one", "Notice page two"]


def test_published_picture_has_no_exif(site):
    path = site.out / "documents/zhengshu-saomiao.jpg"
    assert b"Secret Scanner" not in path.read_bytes()
    with Image.open(io.BytesIO(path.read_bytes())) as img:
        assert img.size == (300, 210) and not img.getexif()


def test_record_page_lists_each_document_with_its_facts_and_a_preview(site):
    section = site.content("events/e1/").select_one("section.sc-documents")
    assert section is not None and "佐证文件（2）" in section.h2.get_text()
    items = section.select("li.sc-doc")
    notice, press = items
    link = notice.select_one(".sc-doc__title a")
    assert link.get_text(strip=True) == "关于印发工作方案的通知"
    assert _href_target(site, "events/e1/", link["href"]) == NOTICE_URL
    assert notice.select_one(".sc-doc__kind").get_text(strip=True) == "文件"
    meta = notice.get_text(" ", strip=True)
    for fact in ("测协发〔2022〕1号", "测试协会", "2022年3月1日", "PDF · 2 页 ·", "KB"):
        assert fact in meta, meta
    preview = notice.select_one("img.sc-doc__image")
    assert site.resolves(_href_target(site, "events/e1/", preview["src"]))
    assert notice.select_one("a.sc-doc__preview")["aria-hidden"] == "true"
    press_text = press.get_text(" ", strip=True)
    assert "报道" in press_text and "测试日报" in press_text and "2022年6月18日" in press_text
    assert press.select_one("a[rel~='noopener']")["href"] == "https://example.org/news/1"
    assert "不发布的材料" not in site.content("events/e1/").get_text()


def test_honor_wall_shows_certificates_as_pictures(site):
    cards = site.content("honors/").select(".sc-certificates li.sc-certificate")
    assert len(cards) == 1
    picture_link, title_link = cards[0].select("a")
    assert _href_target(site, "honors/", picture_link["href"]) == "documents/zhengshu-saomiao.jpg"
    assert _href_target(site, "honors/", title_link["href"]) == "honors/h1/"
    assert site.resolves(_href_target(site, "honors/", cards[0].select_one("img")["src"]))
    assert "荣誉证书扫描件" in picture_link["aria-label"]


def test_dossier_lists_documents_first_one_click_from_the_criterion(site):
    content = site.content("dossier/")
    heading = content.find(id="c1")
    section = heading.find_parent("section")
    groups = [h.get_text(strip=True) for h in section.select(".sc-evidence__group")]
    assert groups[0].startswith("佐证文件（4）"), groups
    links = [a for a in section.select("ul.sc-evidence--documents a.sc-evidence__link")]
    targets = [_href_target(site, "dossier/", a["href"]) for a in links]
    assert targets == ["documents/rules.pdf", NOTICE_URL, "documents/zhengshu-saomiao.jpg", "documents/press.pdf"]
    first_item = section.select_one("ul.sc-evidence--documents li")
    assert "出自" not in first_item.get_text()  # the criterion's own document
    assert "出自：" in section.select("ul.sc-evidence--documents li")[1].get_text()
    printed = [s.get_text(strip=True) for s in section.select("ul.sc-evidence--documents .sc-print-url")]
    assert printed == []  # without site_url no address is printed: a bare path opens nothing on paper


def test_renaming_a_record_keeps_its_document_address(project, tmp_path):
    project.write_bytes("data/documents/plan.pdf", make_pdf(["Plan"]))
    project.write("data/events/old.yml", EVENT + "documents:\n  - file: documents/plan.pdf\n    title: 方案\n    kind: 文件\n")
    first = build_site(project.root, tmp_path / "one")
    os.replace(project.root / "data/events/old.yml", project.root / "data/events/new.yml")
    text = (project.root / "data/events/new.yml").read_text(encoding="utf-8")
    (project.root / "data/events/new.yml").write_text(text + "former_ids: [old]\n", encoding="utf-8")
    second = build_site(project.root, tmp_path / "two")
    assert (first.out / "documents/plan.pdf").read_bytes() == (second.out / "documents/plan.pdf").read_bytes()
    link = second.content("events/new/").select_one(".sc-doc__title a")
    assert _href_target(second, "events/new/", link["href"]) == "documents/plan.pdf"


def test_a_mobile_number_in_a_pdf_stops_the_build_naming_record_file_and_page(project, caplog):
    project.write_bytes("data/documents/sign-in.pdf", make_pdf(["Sign-in sheet", "Wang Wu  139 1234 5678"]))
    project.write("data/events/e1.yml", EVENT + "documents:\n  - file: documents/sign-in.pdf\n    title: 签到表\n    kind: 签到表\n")
    out = project.root.parent / "out"
    with pytest.raises(BUILD_ERRORS) as excinfo:
        build_site(project.root, out)
    message = str(excinfo.value) + caplog.text
    assert "data/events/e1.yml" in message and "data/documents/sign-in.pdf 第 2 页" in message
    assert "疑似手机号 139****5678" in message
    assert "Traceback" not in message
    assert not out.exists()


def test_the_units_public_phone_in_a_pdf_is_allowed(project, tmp_path):
    project.write_bytes("data/documents/notice.pdf", make_pdf(["Contact 010-12345678"]))
    project.write("data/events/e1.yml", EVENT + "documents:\n  - file: documents/notice.pdf\n    title: 通知\n    kind: 文件\n")
    assert (build_site(project.root, tmp_path / "out").out / "documents/notice.pdf").is_file()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("broken.pdf", b"%PDF-1.7\ngarbage", "无法打开这个 PDF"),
        ("script.pdf", make_pdf(javascript=True), "JavaScript"),
        ("page.jpg", b"<html><script>alert(1)</script></html>", "网页（HTML）"),
    ],
)
def test_a_bad_document_stops_the_build_before_anything_is_written(project, caplog, name, data, expected):
    project.write_bytes(f"data/documents/{name}", data)
    project.write("data/events/e1.yml", EVENT + f"documents:\n  - file: documents/{name}\n    title: 材料\n    kind: 文件\n")
    out = project.root.parent / "out"
    with pytest.raises(BUILD_ERRORS) as excinfo:
        build_site(project.root, out)
    message = str(excinfo.value) + caplog.text
    line = EVENT.count("\n") + 2
    assert f"data/events/e1.yml:{line}: documents[1].file: " in message and expected in message
    assert "Traceback" not in message
    assert not out.exists()


def test_offline_edition_carries_documents_and_previews(project, tmp_path):
    from showcase.mkdocs.offline import TOP_FOLDER, build_offline

    write_fixture(project)
    shutil.copy(REPO / "mkdocs-offline.yml", project.root / "mkdocs-offline.yml")
    archive = build_offline(project.root, tmp_path / "offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        page = z.read(f"{TOP_FOLDER}/events/e1.html").decode("utf-8")
    assert f"{TOP_FOLDER}/{NOTICE_URL}" in names and f"{TOP_FOLDER}/documents/zhengshu-saomiao.jpg" in names
    assert f'href="../{NOTICE_URL}"' in page
    previews = [n for n in names if n.startswith(f"{TOP_FOLDER}/media/gongzuo-fangan-dinggao-preview-")]
    assert previews
