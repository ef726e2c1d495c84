"""Attached documents without MkDocs: the loader's checks, addresses, rewriting, text checks, reports."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from datakit import EVENT, HONOR, IMAGE_BYTES, find, load_ok, only_problem, problems_of, report
from pdfkit import jpeg_with_exif, make_pdf, xmp_packet
from PIL import Image
from pypdf import PdfReader
from showcase.derive.dossier import build_dossier
from showcase.derive.summary import summary_lines
from showcase.load import documents as load_documents
from showcase.output.documents import document_findings, publish_document, rewrite_pdf, strip_jpeg
from showcase.schema import documentfiles
from showcase.schema.documentfiles import site_path

CRITERION = "title: 测试标准\n"


def attach(project, rel: str, entries: str, base: str = EVENT) -> None:
    """Write a record with a documents: block (each entry: its YAML lines, indented by 4)."""
    project.write(rel, base + "documents:\n" + entries)


def entry(file: str, title: str = "测试文件", kind: str = "文件", extra: str = "") -> str:
    return f"  - file: {file}\n    title: {title}\n    kind: {kind}\n" + extra


# -- what is accepted ----------------------------------------------------------------------------


def test_a_pdf_with_facts_is_loaded_with_its_size_pages_and_address(project):
    pdf = make_pdf(["First page text here", "Second page text here"])
    project.write_bytes("data/documents/2022/工作 方案.pdf", pdf)
    attach(project, "data/events/e1.yml", entry(
        "documents/2022/工作 方案.pdf", extra='    number: 测发〔2022〕1号\n    issuer: 测试协会\n    date: "2022-03-01"\n'
    ))
    event = load_ok(project).events["e1"]
    (doc,) = event.attachments()
    assert doc.number == "测发〔2022〕1号" and doc.issuer == "测试协会" and doc.date.iso == "2022-03-01"
    assert doc.kind.label == "文件"
    assert doc.file.src == "documents/2022/工作 方案.pdf"
    assert doc.file.size == len(pdf) and doc.file.pages == 2 and doc.file.format == "pdf"
    assert doc.file.site_path == "documents/2022/gongzuo-fangan.pdf"
    assert doc.file.textless_pages == ()


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("documents/关于 创建 工作方案.pdf", "documents/guanyu-chuangjian-gongzuofangan.pdf"),
        ("documents/2022年/Notice (final) v2.PDF", "documents/2022-nian/notice-final-v2.pdf"),
        ("documents/示例/2022 四好商会证书.jpg", "documents/shili/2022-sihaoshanghuizhengshu.jpg"),
        ("documents/CON.jpeg", "documents/con-file.jpg"),
        ("documents/a/b/“证书”.png", "documents/a/b/zhengshu.png"),
        ("documents/！！！.pdf", "documents/file.pdf"),
    ],
)
def test_published_addresses_are_ascii_windows_safe_and_depend_only_on_the_path(src, expected):
    assert site_path(src) == expected
    assert re.fullmatch(r"[a-z0-9/.\-]+", site_path(src))


def test_the_address_does_not_change_when_the_record_is_renamed(project):
    project.write_bytes("data/documents/方案.pdf", make_pdf())
    attach(project, "data/events/old-name.yml", entry("documents/方案.pdf"))
    before = load_ok(project).events["old-name"].attachments()[0].file.site_path
    os.replace(project.root / "data/events/old-name.yml", project.root / "data/events/new-name.yml")
    after = load_ok(project).events["new-name"].attachments()[0].file.site_path
    assert before == after == "documents/fangan.pdf"


def test_unpublished_documents_are_checked_then_left_out(project):
    project.write_bytes("data/documents/a.pdf", make_pdf())
    project.write_bytes("data/documents/b.pdf", make_pdf())
    attach(project, "data/events/e1.yml", entry("documents/a.pdf") + entry("documents/b.pdf", extra="    published: false\n"))
    docs = load_ok(project).events["e1"].attachments()
    assert [d.file.src for d in docs] == ["documents/a.pdf"]
    attach(project, "data/events/e1.yml", entry("documents/a.pdf") + entry("documents/missing.pdf", extra="    published: false\n"))
    assert "找不到文件 data/documents/missing.pdf" in only_problem(project, "data/events/e1.yml").message


def test_documents_on_honors_and_criteria(project):
    project.write_bytes("data/documents/cert.png", IMAGE_BYTES)
    project.write_bytes("data/documents/rules.pdf", make_pdf())
    attach(project, "data/honors/h1.yml", entry("documents/cert.png", "证书", "证书"), base=HONOR)
    attach(project, "data/criteria/c1.yml", entry("documents/rules.pdf", "制度汇编"), base=CRITERION)
    data = load_ok(project)
    assert data.honors["h1"].attachments()[0].file.format == "png"
    assert data.criteria["c1"].attachments()[0].title == "制度汇编"


# -- what is refused, with file, line, field and a Chinese fix -------------------------------------


BAD = {
    "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "已损坏"),
    "truncated.pdf": (make_pdf(["abc" * 40])[:200], "已损坏"),
    "encrypted.pdf": (make_pdf(encrypt="secret"), "已加密"),
    "script.pdf": (make_pdf(javascript=True), "JavaScript"),
    "open-action.pdf": (make_pdf(open_action_js=True), "JavaScript"),
    "embedded.pdf": (make_pdf(embedded=True), "嵌入了其他文件"),
    "script-link.pdf": (make_pdf(link="javascript:alert(document.cookie)"), "JavaScript"),
    "page.jpg": (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "网页（HTML）"),
    "page.pdf": (b"<html><script>alert(1)</script></html>", "网页（HTML）"),
    "drawing.png": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
    "drawing.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "不接受 SVG"),
    "notice.docx": (b"PK\x03\x04 word document", "另存为 / 输出为 PDF"),
    "notice.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word", "另存为 / 输出为 PDF"),
    "photo.jpg": (IMAGE_BYTES, "PNG 图片"),  # a PNG named .jpg
    "empty.pdf": (b"", "空文件"),
    "notes.txt": (b"plain text", "不支持"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_refused_with_the_file_line_and_field(project, name):
    data, expected = BAD[name]
    project.write_bytes(f"data/documents/{name}", data)
    attach(project, "data/events/e1.yml", entry("documents/ok.pdf") + entry(f"documents/{name}"))
    project.write_bytes("data/documents/ok.pdf", make_pdf())
    problem = only_problem(project, "data/events/e1.yml")
    assert problem.field == "documents[2].file"
    assert problem.line == EVENT.count("\n") + 5  # the second item's file: line
    assert expected in problem.message, problem


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("../secret.pdf", "不能含有“..”"),
        ("documents/../../secret.pdf", "不能含有“..”"),
        ("/etc/passwd.pdf", "相对于 data/"),
        ("C:/Users/x/a.pdf", "相对于 data/"),
        ("https://example.org/a.pdf", "相对于 data/"),
        ("photos/a.pdf", "data/documents/ 文件夹中"),
        ("documents/missing.pdf", "找不到文件 data/documents/missing.pdf"),
        ("documents/folder.pdf", "不是文件"),
    ],
)
def test_paths_outside_documents_or_missing_are_refused(project, src, expected):
    (project.root / "data/documents/folder.pdf").mkdir(parents=True)
    project.write_bytes("secret.pdf", make_pdf())
    attach(project, "data/events/e1.yml", entry(src))
    problem = only_problem(project, "data/events/e1.yml")
    assert problem.field == "documents[1].file" and expected in problem.message, problem


def test_ordinary_web_links_in_a_pdf_are_fine(project):
    project.write_bytes("data/documents/links.pdf", make_pdf(["See the website"], link="https://example.org/notice"))
    attach(project, "data/events/e1.yml", entry("documents/links.pdf"))
    assert load_ok(project).events["e1"].attachments()[0].file.pages == 1


def test_a_bare_file_name_gets_a_suggestion(project):
    project.write_bytes("data/documents/a.pdf", make_pdf())
    attach(project, "data/events/e1.yml", entry("a.pdf"))
    assert "请写成 documents/a.pdf" in only_problem(project, "data/events/e1.yml").message


@pytest.mark.parametrize("target", ["outside", "inside"])
def test_symbolic_links_are_refused_wherever_they_point(project, target):
    real = project.write_bytes("outside.pdf" if target == "outside" else "data/documents/real.pdf", make_pdf())
    link = project.root / "data/documents/link.pdf"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(real)
    attach(project, "data/events/e1.yml", entry("documents/link.pdf"))
    assert "符号链接" in only_problem(project, "data/events/e1.yml").message


def test_a_linked_folder_is_refused(project):
    project.write_bytes("elsewhere/a.pdf", make_pdf())
    (project.root / "data/documents").mkdir(parents=True)
    (project.root / "data/documents/shared").symlink_to(project.root / "elsewhere", target_is_directory=True)
    attach(project, "data/events/e1.yml", entry("documents/shared/a.pdf"))
    assert "data/documents/shared 是快捷方式或符号链接" in only_problem(project, "data/events/e1.yml").message


def test_a_200_mb_file_is_refused_without_reading_it(project):
    path = project.root / "data/documents/huge.pdf"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as fh:  # sparse: nothing is written to disk
        fh.truncate(200 * 1024 * 1024)
    attach(project, "data/events/e1.yml", entry("documents/huge.pdf"))
    problem = only_problem(project, "data/events/e1.yml")
    assert "文件过大（200 MB）" in problem.message and "最多 20 MB" in problem.message


def test_the_site_total_is_limited(project, monkeypatch):
    monkeypatch.setattr(load_documents, "MAX_SITE_BYTES", 2500)
    for name in ("a", "b", "c"):
        project.write_bytes(f"data/documents/{name}.pdf", make_pdf([f"Document {name} " * 20]))
    attach(project, "data/events/e1.yml", entry("documents/a.pdf") + entry("documents/b.pdf"))
    attach(project, "data/events/e2.yml", entry("documents/a.pdf") + entry("documents/c.pdf"))
    problem = find(problems_of(project), field="documents")
    assert "全站发布的材料文件合计" in problem.message and "data/documents/a.pdf" in problem.message


def test_a_file_listed_twice_by_different_records_counts_once(project, monkeypatch):
    pdf = make_pdf(["Shared document " * 20])
    monkeypatch.setattr(load_documents, "MAX_SITE_BYTES", len(pdf) + 10)
    project.write_bytes("data/documents/shared.pdf", pdf)
    attach(project, "data/events/e1.yml", entry("documents/shared.pdf"))
    attach(project, "data/honors/h1.yml", entry("documents/shared.pdf"), base=HONOR)
    load_ok(project)


def test_two_files_with_the_same_address_are_reported(project):
    project.write_bytes("data/documents/work plan.pdf", make_pdf(["one"]))
    project.write_bytes("data/documents/work-plan.pdf", make_pdf(["two"]))
    attach(project, "data/events/e1.yml", entry("documents/work plan.pdf") + entry("documents/work-plan.pdf"))
    problem = only_problem(project, "data/events/e1.yml")
    assert "地址相同" in problem.message and "/documents/work-plan.pdf" in problem.message


def test_the_same_file_twice_in_one_record_is_reported(project):
    project.write_bytes("data/documents/a.pdf", make_pdf())
    attach(project, "data/events/e1.yml", entry("documents/a.pdf") + entry("documents/a.pdf"))
    problem = only_problem(project, "data/events/e1.yml")
    assert problem.field == "documents[2].file" and "已列过" in problem.message


def test_missing_title_and_unknown_kind(project):
    project.write_bytes("data/documents/a.pdf", make_pdf())
    attach(project, "data/events/e1.yml", "  - file: documents/a.pdf\n    kind: 公文\n")
    items = problems_of(project)
    assert "缺少必填字段“title”" in find(items, field="documents[1].title").message
    assert "可选：文件、纪要、证书、报道、签到表、其他" in find(items, field="documents[1].kind").message


def test_memoised_checks_see_a_replaced_file(project):
    project.write_bytes("data/documents/a.pdf", make_pdf())
    attach(project, "data/events/e1.yml", entry("documents/a.pdf"))
    load_ok(project)
    path = project.write_bytes("data/documents/a.pdf", make_pdf(javascript=True) + b"\n" * 10)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert "JavaScript" in only_problem(project, "data/events/e1.yml").message


# -- publishing: rewritten without metadata, previewed, read ----------------------------------------


def test_rewriting_removes_author_xmp_thumbnails_editing_data_and_exif(tmp_path):
    source = tmp_path / "in.pdf"
    source.write_bytes(
        make_pdf(["Page one text"], author="Zhang Sanfeng", xmp=xmp_packet("Zhang Sanfeng"), thumbnail=True,
                 piece_info=True, jpeg=jpeg_with_exif("Li Sisi Photographer"))
    )
    assert b"Zhang Sanfeng" in source.read_bytes() and b"Li Sisi" in source.read_bytes()
    target = tmp_path / "out.pdf"
    rewrite_pdf(source, target)
    reader = PdfReader(target)
    assert reader.metadata is None
    assert "/Metadata" not in reader.trailer["/Root"] and "/Info" not in reader.trailer
    for page in reader.pages:
        assert not {"/Thumb", "/PieceInfo", "/Metadata"} & set(page.keys())
    raw = target.read_bytes()
    assert b"Zhang Sanfeng" not in raw and b"Li Sisi" not in raw and b"Exif" not in raw
    assert reader.pages[0].extract_text().strip() == "Page one text"


def test_strip_jpeg_keeps_the_picture():
    jpeg = jpeg_with_exif("Someone")
    stripped = strip_jpeg(jpeg)
    assert b"Someone" not in stripped and len(stripped) < len(jpeg)
    with Image.open(io.BytesIO(stripped)) as img:
        assert img.size == (40, 30) and not img.getexif()
    assert strip_jpeg(b"not a jpeg") == b"not a jpeg"


def test_published_document_has_a_preview_and_its_text_by_page(tmp_path):
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    (data / "documents/a.pdf").write_bytes(make_pdf(["Hello first", "Mobile 138 1234 5678 here"]))
    found = documentfiles.inspect_document(data, "documents/a.pdf")
    assert not isinstance(found, str)
    published = publish_document(data, found, tmp_path / "cache", tmp_path / "images")
    assert published.cache_path.read_bytes().startswith(b"%PDF-")
    assert len(published.page_texts) == 2 and "Hello first" in published.page_texts[0]
    assert published.preview.width == 480 and all(v.cache_path.is_file() for v in published.preview.variants)
    findings = document_findings([(published, ("data/events/e1.yml",))], allowed=["010-12345678"])
    assert [(f.page, f.kind, f.masked) for f in findings] == [(2, "mobile", "138****5678")]
    message = findings[0].message()
    assert "data/events/e1.yml" in message and "data/documents/a.pdf 第 2 页" in message and "手机号" in message
    again = publish_document(data, found, tmp_path / "cache", tmp_path / "images")  # from the cache
    assert again.page_texts == published.page_texts


def test_the_units_public_number_and_id_numbers(tmp_path):
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    (data / "documents/a.pdf").write_bytes(make_pdf(["Tel 13800001111", "ID 11010519491231002X"]))
    found = documentfiles.inspect_document(data, "documents/a.pdf")
    assert not isinstance(found, str)
    published = publish_document(data, found, tmp_path / "cache", tmp_path / "images")
    findings = document_findings([(published, ("data/events/e1.yml",))], allowed=["138 0000 1111"])
    assert [(f.page, f.kind) for f in findings] == [(2, "id-number")]


def test_a_picture_is_published_without_exif(tmp_path):
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    (data / "documents/cert.jpg").write_bytes(jpeg_with_exif("Secret Scanner", (64, 48)))
    found = documentfiles.inspect_document(data, "documents/cert.jpg")
    assert not isinstance(found, str) and found.textless_pages == (1,)
    published = publish_document(data, found, tmp_path / "cache", tmp_path / "images")
    assert b"Secret Scanner" not in published.cache_path.read_bytes()
    with Image.open(published.cache_path) as img:
        assert img.size == (64, 48) and not img.getexif()
    assert published.page_texts == ()


# -- reports: what a person must check, what is missing -----------------------------------------------


def test_summary_lists_scans_for_a_manual_privacy_check(project):
    project.write_bytes("data/documents/scan.pdf", make_pdf(["Has text on page one", ""]))
    project.write_bytes("data/documents/photo.png", IMAGE_BYTES)
    project.write_bytes("data/documents/checked.png", IMAGE_BYTES)
    attach(project, "data/events/e1.yml", entry("documents/scan.pdf") + entry("documents/photo.png", kind="证书")
           + entry("documents/checked.png", extra="    privacy_checked: true\n"))
    text = "\n".join(summary_lines(load_ok(project)))
    assert "需要人工检查个人信息的材料：2 份" in text
    assert "data/events/e1.yml: data/documents/scan.pdf（第 2 页没有文字）" in text
    assert "data/events/e1.yml: data/documents/photo.png（图片）" in text
    assert "checked.png" not in text
    assert "佐证文件：3 份（PDF 1 份，图片 2 份）" in text


def test_summary_lists_honors_without_certificate_and_criteria_without_documents(project):
    project.write_bytes("data/documents/cert.png", IMAGE_BYTES)
    project.write_bytes("data/documents/plan.pdf", make_pdf())
    attach(project, "data/honors/with-cert.yml", entry("documents/cert.png", "证书", "证书"), base=HONOR)
    attach(project, "data/honors/only-file.yml", entry("documents/plan.pdf"), base=HONOR)
    project.write("data/honors/plain.yml", HONOR)
    project.write("data/criteria/c1.yml", "title: 有文件的标准\nexplanation: 说明。\n")
    project.write("data/criteria/c2.yml", "title: 没有文件的标准\nexplanation: 说明。\n")
    project.write("data/events/e1.yml", EVENT + "criteria: [c1]\ndocuments:\n" + entry("documents/plan.pdf"))
    project.write("data/events/e2.yml", EVENT + "criteria: [c2]\n")
    data = load_ok(project)
    text = "\n".join(summary_lines(data))
    assert "没有证书的荣誉：2 项" in text and "only-file、plain" in text
    assert "没有佐证文件（documents）的考核标准：1 条" in text and "data/criteria/c2.yml: 没有文件的标准" in text
    dossier = build_dossier(data)
    by_id = {e.id: e for e in dossier.entries}
    assert [i.attachment.file.src for i in by_id["c1"].documents] == ["documents/plan.pdf"]
    assert by_id["c2"].missing_documents and not by_id["c1"].missing_documents


def test_dossier_lists_the_criterions_own_documents_first_then_by_kind_and_date(project):
    for name in ("own", "report", "notice-old", "notice-new"):
        project.write_bytes(f"data/documents/{name}.pdf", make_pdf([name]))
    attach(project, "data/criteria/c1.yml", entry("documents/own.pdf", "制度汇编", "其他"), base=CRITERION)
    project.write(
        "data/events/e1.yml",
        EVENT + "criteria: [c1]\ndocuments:\n"
        + entry("documents/report.pdf", "报道", "报道", '    date: "2022-06-01"\n')
        + entry("documents/notice-old.pdf", "旧通知", "文件", '    date: "2021-01-01"\n')
        + entry("documents/notice-new.pdf", "新通知", "文件", '    date: "2022-01-01"\n'),
    )
    project.write("data/events/e2.yml", EVENT + "criteria: [c1]\ndocuments:\n" + entry("documents/own.pdf", "同一文件"))
    entry_ = build_dossier(load_ok(project)).entries[0]
    assert [i.attachment.title for i in entry_.documents] == ["制度汇编", "新通知", "旧通知", "报道"]
    assert [i.record.id for i in entry_.documents] == ["c1", "e1", "e1", "e1"]


def test_every_message_in_this_module_is_chinese_and_has_no_traceback(project):
    for name, (data, _) in BAD.items():
        project.write_bytes(f"data/documents/{name}", data)
    attach(project, "data/events/e1.yml", "".join(entry(f"documents/{name}") for name in sorted(BAD)))
    items = problems_of(project)  # asserts Chinese and file:line for each
    assert len(items) == len(BAD), report(items)
    assert not any("Traceback" in p.message or "Error" in p.message.split("（")[0] for p in items)


def test_path_is_kept_as_written_for_messages_and_yaml():
    found = documentfiles.DocumentFile("documents/a b.pdf", "documents/a-b.pdf", "pdf", 10, 1, "x")
    assert str(found) == "documents/a b.pdf"
    assert Path(found.src).name == "a b.pdf"


def test_a_unit_may_declare_its_own_document_kinds(project):
    site = (project.root / "data/site.yml").read_text(encoding="utf-8")
    project.write(
        "data/site.yml",
        site + "vocabularies:\n  document_kinds:\n    - slug: pifu\n      label: 批复\n"
        "    - slug: zhengshu\n      label: 奖牌证书\n",
    )
    project.write_bytes("data/documents/a.pdf", make_pdf())
    project.write_bytes("data/documents/b.png", IMAGE_BYTES)
    attach(project, "data/honors/h1.yml", entry("documents/a.pdf", kind="批复") + entry("documents/b.png", kind="奖牌证书"),
           base=HONOR)
    data = load_ok(project)
    assert [a.kind.slug for a in data.honors["h1"].attachments()] == ["pifu", "zhengshu"]
    assert "没有证书的荣誉" not in "\n".join(summary_lines(data))  # zhengshu: a certificate
    attach(project, "data/honors/h1.yml", entry("documents/a.pdf", kind="文件"), base=HONOR)
    assert "可选：批复、奖牌证书" in only_problem(project, "data/honors/h1.yml").message


def test_a_turned_photo_is_published_upright_and_previews_have_ascii_names(tmp_path):
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone turned: shown rotated by 90°
    exif[0x013B] = "Someone Private"
    buffer = io.BytesIO()
    Image.new("RGB", (80, 40), (10, 120, 200)).save(buffer, "JPEG", exif=exif.tobytes())
    (data / "documents/证书 照片.jpg").write_bytes(buffer.getvalue())
    found = documentfiles.inspect_document(data, "documents/证书 照片.jpg")
    assert not isinstance(found, str)
    published = publish_document(data, found, tmp_path / "cache", tmp_path / "images")
    with Image.open(published.cache_path) as img:
        assert img.size == (40, 80) and not img.getexif()
    assert all(re.fullmatch(r"[a-z0-9.\-]+", v.name) for v in published.preview.variants)
    assert published.preview.width == 40


def test_a_sheet_row_imports_one_document(project):
    import csv

    from showcase.model import EVENT as EVENT_KIND
    from showcase.tools.importer import import_file

    project.write_bytes("data/documents/2022/方案.pdf", make_pdf(["Plan"]))
    rows = [
        ["标题", "日期", "类别", "佐证文件", "佐证文件名称", "佐证文件类别", "佐证文件文号", "佐证文件日期"],
        ["有文件的活动", "2022-05-01", "教育培训", "2022/方案.pdf", "工作方案", "文件", "测发〔2022〕3号", "2022-04-01"],
        ["文件写错的活动", "2022-05-02", "教育培训", "2022/没有.pdf", "工作方案", "文件", "", ""],
    ]
    sheet = project.root / "活动.csv"
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    result = import_file(sheet, EVENT_KIND, project.root, dry_run=True)
    assert not result.ok
    (problem,) = result.problems
    assert "第 3 行" in problem and "D 列（佐证文件）" in problem and "找不到文件 data/documents/2022/没有.pdf" in problem
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows[:2])
    result = import_file(sheet, EVENT_KIND, project.root)
    assert result.ok, result.problems
    (event,) = load_ok(project).events.values()
    (doc,) = event.attachments()
    assert (doc.file.src, doc.title, doc.kind.label, doc.number, doc.date.iso) == (
        "documents/2022/方案.pdf", "工作方案", "文件", "测发〔2022〕3号", "2022-04-01"
    )


def test_inspection_is_remembered_on_disk_by_content_and_path(tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    (data / "documents/a.pdf").write_bytes(make_pdf(["Page one", "Page two"]))
    (data / "documents/locked.pdf").write_bytes(make_pdf(encrypt="secret"))
    first = documentfiles.inspect_document(data, "documents/a.pdf")
    refused = documentfiles.inspect_document(data, "documents/locked.pdf")
    assert not isinstance(first, str) and first.pages == 2 and "已加密" in refused
    assert len(list((tmp_path / ".cache/documents/inspected").glob("*.json"))) == 2
    documentfiles._MEMO.clear()  # a new process: only the disk cache is left
    monkeypatch.setattr(documentfiles, "pdf_problem", lambda path: pytest.fail("read again"))
    assert documentfiles.inspect_document(data, "documents/a.pdf") == first
    assert documentfiles.inspect_document(data, "documents/locked.pdf") == refused  # still refused
    # a damaged cache entry is ignored; a changed file is read again
    monkeypatch.undo()
    documentfiles._MEMO.clear()
    for entry in (tmp_path / ".cache/documents/inspected").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert "已加密" in documentfiles.inspect_document(data, "documents/locked.pdf")
    assert documentfiles.inspect_document(data, "documents/a.pdf") == first
    (data / "documents/a.pdf").write_bytes(make_pdf(["Only one page"]))
    again = documentfiles.inspect_document(data, "documents/a.pdf")
    assert not isinstance(again, str) and again.pages == 1 and again.digest != first.digest
