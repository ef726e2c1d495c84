"""``showcase import``: spreadsheets (.xlsx, CSV in UTF-8 / BOM / GBK) → validated record files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from datakit import CJK, IMAGE_BYTES, PERSON, load_ok
from openpyxl import Workbook, load_workbook
from showcase import model as schema
from showcase.schema import Object
from showcase.tools.cli import main
from showcase.tools.importer import columns, header_table, import_file, normalize_header
from showcase.tools.sheets import ImportFailure, decode_csv
from showcase.tools.templatesheets import template_headers, write_templates

REPO = Path(__file__).resolve().parent.parent
EVENT_HEADERS = ["编号", "标题", "日期", "类别", "所属工作板块", "地点", "参加人数", "相关企业家", "标签"]


def xlsx(path: Path, headers: list, rows: list[list], sheet: str = "活动") -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def csv_bytes(headers: list[str], rows: list[list[str]], encoding: str) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def ten_events() -> list[list]:
    rows = [["", "新生代企业家薪火培训", "2022-05-01", "教育培训", "area-one", "示例市会展中心", "**", "张三", "培训、党建"]]
    for n in range(2, 11):
        rows.append(["", f"第{n}期工作例会", f"2022-{n:02d}", "精神文明创建", "第二板块", "", str(n * 10), "", ""])
    return rows


def event_files(project) -> list[str]:
    folder = project.root / "data" / "events"
    return sorted(p.name for p in folder.glob("*.yml")) if folder.is_dir() else []


def with_person(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    return project


# -- columns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [schema.EVENT, schema.HONOR, schema.ENTREPRENEUR], ids=lambda k: k.name)
def test_headers_are_unambiguous_and_cover_required_fields(kind):
    table = header_table(kind)  # raises on an ambiguous header
    paths = {c.path for c in columns(kind)}
    for spec in kind.fields:
        if spec.required and not isinstance(spec.type, Object):
            assert spec.name in paths
    if kind is not schema.ENTREPRENEUR:  # 标题 and 日期 name the title and date of events and honors
        assert table[normalize_header("标题*")] is table[normalize_header(" title ")]
        assert table[normalize_header("日期（必填）")].path == "date"
    assert template_headers(kind)[0] == "编号"


def test_nested_headers_from_the_schema_labels():
    table = header_table(schema.HONOR)
    assert table["获得者类型"].path == "recipient.type"
    assert table["获得者名称"].path == "recipient.name"
    assert table["企业家编号"].path == "recipient.entrepreneur"
    assert table["recipient.type"].path == "recipient.type"
    people = header_table(schema.ENTREPRENEUR)
    assert people["同意日期"].path == "consent.date"
    assert people["同意范围"].path == "consent.scope"
    assert people["照片"].path == "photo.src" and people["照片说明"].path == "photo.alt"
    assert header_table(schema.EVENT)["照片"].path == "photos.src"
    assert normalize_header("日期（必填）") == "日期"


# -- .xlsx ----------------------------------------------------------------------------------


def test_a_sheet_of_ten_events_imports_into_ten_valid_files(project):
    with_person(project)
    path = xlsx(project.root / "活动.xlsx", EVENT_HEADERS, ten_events())
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok, "\n".join(result.problems)
    assert len(result.written) == 10 and len(event_files(project)) == 10
    data = load_ok(project)
    assert len(data.events) == 10
    first = data.events["2022-xinshengdai-qiyejia-xinhuo-peixun"]
    assert first.participants.withheld
    assert first.entrepreneurs == ("zhang-san",)  # the name 张三 became the id
    assert first.tags == ("培训", "党建")
    assert first.area == "area-one"
    assert data.events["2022-di-5-qi-gongzuo-lihui"].area == "area-two"  # the area's title became its id
    text = (project.root / "data/events/2022-xinshengdai-qiyejia-xinhuo-peixun.yml").read_text(encoding="utf-8")
    assert 'date: "2022-05-01"' in text and 'participants: "**"' in text and "#" not in text
    assert yaml.safe_load(text)["entrepreneurs"] == ["zhang-san"]


def test_excel_date_cells_keep_their_precision(project):
    path = project.root / "活动.xlsx"
    workbook = Workbook()
    ws = workbook.active
    ws.append(["标题", "日期", "结束日期", "类别", "场次"])
    ws.append(["某活动", dt.datetime(2022, 5, 1), dt.datetime(2022, 5, 3), "教育培训", 3.0])
    ws.append(["另一活动", dt.datetime(2022, 6, 1), None, "教育培训", True])
    ws["B3"].number_format = "yyyy-mm"  # typed as 2022-06
    ws["E3"].value = None
    workbook.save(path)
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok, "\n".join(result.problems)
    data = load_ok(project)
    first = data.events["2022-mou-huodong"]
    assert (first.date.iso, first.end_date.iso, first.sessions.value) == ("2022-05-01", "2022-05-03", 3)
    assert data.events["2022-lingyi-huodong"].date.iso == "2022-06"


def test_bad_row_writes_nothing_and_names_sheet_row_and_column(project):
    with_person(project)
    rows = ten_events()
    rows[3][2] = "2022-13-01"  # sheet row 5, column C (日期)
    path = xlsx(project.root / "events.xlsx", EVENT_HEADERS, rows)
    before = event_files(project)
    result = import_file(path, schema.EVENT, project.root)
    assert not result.ok and not result.written
    assert event_files(project) == before
    assert len(result.problems) == 1
    assert result.problems[0].startswith("events.xlsx 工作表“活动” 第 5 行 C 列（日期）: “2022-13-01”不是有效日期（没有 13 月）")


def test_every_bad_cell_is_reported_once_in_row_order(project):
    rows = [
        ["", "甲", "2022", "不存在的类别", "", "", "很多", "", ""],
        ["", "", "2022", "教育培训", "不存在板块", "", "", "王五", ""],
    ]
    result = import_file(xlsx(project.root / "e.xlsx", EVENT_HEADERS, rows), schema.EVENT, project.root)
    assert not result.ok
    text = "\n".join(result.problems)
    assert [p.split(":")[0] for p in result.problems] == [
        "e.xlsx 工作表“活动” 第 2 行 D 列（类别）",
        "e.xlsx 工作表“活动” 第 2 行 G 列（参加人数）",
        "e.xlsx 工作表“活动” 第 3 行 B 列（标题）",
        "e.xlsx 工作表“活动” 第 3 行 E 列（所属工作板块）",
        "e.xlsx 工作表“活动” 第 3 行 H 列（相关企业家）",
    ], text
    assert "“很多”不是数字" in text and "找不到姓名为“王五”的企业家" in text and "必填字段“title”" in text
    assert all(CJK.search(p) for p in result.problems)
    assert event_files(project) == []


def test_unknown_and_missing_columns_are_header_problems(project):
    path = xlsx(project.root / "e.xlsx", ["序号", "标题", "日子"], [["1", "甲", "2022"]])
    result = import_file(path, schema.EVENT, project.root)
    assert not result.ok
    assert result.problems[0].startswith("e.xlsx 工作表“活动” 第 1 行 C 列（日子）: 不认识的列名“日子”")
    assert any("缺少必填的“日期”列" in p for p in result.problems)
    assert any("缺少必填的“类别”列" in p for p in result.problems)
    assert event_files(project) == []


def test_a_title_row_above_the_header_is_skipped_and_row_numbers_stay_true(project):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "活动"
    ws["A1"] = "2023年创建活动统计表"
    ws.append([])
    ws.append(["序号", "标题", "日期", "类别"])
    ws.append([1, "甲", "2022", "教育培训"])
    ws.append([2, "乙", "2022-13", "教育培训"])
    workbook.save(project.root / "e.xlsx")
    result = import_file(project.root / "e.xlsx", schema.EVENT, project.root)
    assert [p.split(":")[0] for p in result.problems] == ["e.xlsx 工作表“活动” 第 5 行 C 列（日期）"]


def test_english_field_names_are_accepted_as_headers(project):
    path = xlsx(project.root / "e.xlsx", ["id", "title", "date", "category"], [["my-event", "甲", "2022", "教育培训"]])
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok, result.problems
    assert event_files(project) == ["my-event.yml"]


def test_the_sheet_named_after_the_kind_is_used_and_help_sheet_ignored(project):
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["这是说明"])
    data_sheet = workbook.create_sheet("活动")
    data_sheet.append(["标题", "日期", "类别"])
    data_sheet.append(["甲", "2022", "教育培训"])
    path = project.root / "x.xlsx"
    workbook.save(path)
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok and result.source == "x.xlsx 工作表“活动”"


# -- .csv -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(project, encoding):
    with_person(project)
    rows = [[str(c) for c in row] for row in ten_events()]
    path = project.write_bytes("活动.csv", csv_bytes(EVENT_HEADERS, rows, encoding))
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok, "\n".join(result.problems)
    data = load_ok(project)
    assert len(data.events) == 10
    assert data.events["2022-xinshengdai-qiyejia-xinhuo-peixun"].title == "新生代企业家薪火培训"


def test_csv_encoding_detection():
    assert decode_csv("标题".encode()) == ("标题", "UTF-8")
    assert decode_csv(b"\xef\xbb\xbf" + "标题".encode()) == ("标题", "带 BOM 的 UTF-8")
    assert decode_csv("标题".encode("gbk")) == ("标题", "GBK")
    assert decode_csv("标题".encode("utf-16")) == ("标题", "UTF-16")


def test_csv_problem_locations_have_no_sheet(project):
    data = csv_bytes(["标题", "日期", "类别"], [["甲", "2022-02-30", "教育培训"]], "gbk")
    result = import_file(project.write_bytes("活动.csv", data), schema.EVENT, project.root)
    expected = (
        "活动.csv 第 2 行 B 列（日期）: “2022-02-30”不是有效日期（2022 年 2 月没有 30 日），"
        "请写成 2022-05-01 的形式；只知道月份或年份时写 2022-05 或 2022"
    )
    assert result.problems == [expected]


def test_multiline_cells_become_markdown_blocks(project):
    body = "第一段，含冒号: 和 #号。\r\n\r\n- 列表一\r\n- 列表二"
    data = csv_bytes(["标题", "日期", "类别", "正文", "摘要"], [["甲", "2022", "教育培训", body, "- 以短横开头: 的摘要"]], "utf-8")
    result = import_file(project.write_bytes("活动.csv", data), schema.EVENT, project.root)
    assert result.ok, result.problems
    text = (project.root / "data/events/2022-jia.yml").read_text(encoding="utf-8")
    assert "body: |\n  第一段" in text
    event = load_ok(project).events["2022-jia"]
    assert event.summary == "- 以短横开头: 的摘要"


# -- ids, duplicates, overwriting ------------------------------------------------------------------


def test_id_is_derived_from_the_chinese_title_and_year(project):
    data = csv_bytes(["标题", "日期", "类别"], [["薪火培训", "2022-05", "教育培训"]], "utf-8")
    result = import_file(project.write_bytes("活动.csv", data), schema.EVENT, project.root)
    assert result.ok
    assert event_files(project) == ["2022-xinhuo-peixun.yml"]


def test_duplicate_titles_get_unique_ids(project):
    rows = [["薪火培训", "2022-05", "教育培训"], ["薪火培训", "2022-09", "教育培训"], ["薪火培训", "2022", "教育培训"]]
    result = import_file(project.write_bytes("活动.csv", csv_bytes(["标题", "日期", "类别"], rows, "utf-8")), schema.EVENT, project.root)
    assert result.ok
    assert event_files(project) == ["2022-xinhuo-peixun-2.yml", "2022-xinhuo-peixun-3.yml", "2022-xinhuo-peixun.yml"]
    assert len(load_ok(project).events) == 3


def test_given_ids_win_over_derived_ones(project):
    rows = [["", "薪火培训", "2022", "教育培训"], ["2022-xinhuo-peixun", "另一个", "2022", "教育培训"]]
    path = project.write_bytes("a.csv", csv_bytes(["编号", "标题", "日期", "类别"], rows, "utf-8"))
    assert import_file(path, schema.EVENT, project.root).ok
    assert event_files(project) == ["2022-xinhuo-peixun-2.yml", "2022-xinhuo-peixun.yml"]
    assert load_ok(project).events["2022-xinhuo-peixun"].title == "另一个"


def test_invalid_and_duplicate_given_ids(project):
    rows = [["2022_薪火", "甲", "2022", "教育培训"], ["same", "乙", "2022", "教育培训"], ["same", "丙", "2022", "教育培训"]]
    result = import_file(project.write_bytes("a.csv", csv_bytes(["编号", "标题", "日期", "类别"], rows, "utf-8")), schema.EVENT, project.root)
    assert not result.ok
    assert result.problems[0].startswith("a.csv 第 2 行 A 列（编号）: 编号“2022_薪火”无效")
    assert result.problems[1] == "a.csv 第 4 行 A 列（编号）: 编号“same”与第 3 行重复，每行的编号必须不同"
    assert len(result.problems) == 2
    assert event_files(project) == []


def test_existing_files_are_never_overwritten_without_overwrite(project):
    original = "title: 原有活动\ndate: 2021\ncategory: 教育培训\n"
    project.write("data/events/2022-xinhuo-peixun.yml", original)
    path = project.write_bytes("a.csv", csv_bytes(["标题", "日期", "类别"], [["薪火培训", "2022", "教育培训"], ["新的", "2022", "教育培训"]], "utf-8"))
    result = import_file(path, schema.EVENT, project.root)
    assert not result.ok
    assert len(result.problems) == 1
    assert result.problems[0].startswith("a.csv 第 2 行 A 列（标题）: data/events/2022-xinhuo-peixun.yml 已存在")
    assert "--overwrite" in result.problems[0]
    assert event_files(project) == ["2022-xinhuo-peixun.yml"]
    assert (project.root / "data/events/2022-xinhuo-peixun.yml").read_text(encoding="utf-8") == original
    # Asked for: the file is replaced.
    result = import_file(path, schema.EVENT, project.root, overwrite=True)
    assert result.ok
    assert [replaced for _, _, replaced in result.written] == [True, False]
    assert load_ok(project).events["2022-xinhuo-peixun"].title == "薪火培训"


def test_existing_ids_are_compared_case_insensitively(project):
    project.write("data/events/sub/My-Event.yaml", "title: 旧\ndate: 2021\ncategory: 教育培训\n")
    path = project.write_bytes("a.csv", csv_bytes(["编号", "标题", "日期", "类别"], [["my-event", "新", "2022", "教育培训"]], "utf-8"))
    result = import_file(path, schema.EVENT, project.root)
    assert not result.ok and "data/events/sub/My-Event.yaml 已存在" in result.problems[0]
    assert import_file(path, schema.EVENT, project.root, overwrite=True).ok
    assert event_files(project) == ["my-event.yml"]
    assert not (project.root / "data/events/sub/My-Event.yaml").exists()
    assert load_ok(project).events["my-event"].title == "新"


def test_problems_left_in_existing_files_block_the_import(project):
    project.write("data/events/broken.yml", "title: 坏\ndate: 2022-13-01\ncategory: 教育培训\n")
    path = project.write_bytes("a.csv", csv_bytes(["标题", "日期", "类别"], [["甲", "2022", "教育培训"]], "utf-8"))
    result = import_file(path, schema.EVENT, project.root)
    assert not result.ok
    assert result.problems == [p for p in result.problems if p.startswith("data/events/broken.yml:2: date: ")]
    assert result.problems[0].endswith("（已有文件）")
    assert event_files(project) == ["broken.yml"]


# -- honors and entrepreneurs -----------------------------------------------------------------------


def test_notes_about_unpublished_references_point_at_the_cell(project):
    project.write("data/entrepreneurs/li-si.yml", PERSON + "published: false\n")
    path = project.write_bytes("a.csv", csv_bytes(["标题", "日期", "类别", "相关企业家"], [["甲", "2022", "教育培训", "li-si"]], "utf-8"))
    result = import_file(path, schema.EVENT, project.root)
    assert result.ok
    assert result.notes == ["a.csv 第 2 行 D 列（相关企业家）: 引用的 entrepreneurs/li-si 未发布，公开页面中已省略此链接"]


def test_honors_with_nested_recipient_columns(project):
    with_person(project)
    headers = ["荣誉名称", "级别", "授予单位", "授予日期", "获得者类型", "获得者名称", "企业家编号", "家次"]
    rows = [
        ["全省四好商会", "省级", "省工商联", "2022年3月", "商会", "示例商会", "", ""],
        ["优秀建设者", "市级", "市政府", "2022", "企业家", "", "张三", ""],
        ["通报表扬", "国家级", "全国工商联", "2020", "企业", "示例企业", "", "**"],
    ]
    result = import_file(xlsx(project.root / "荣誉.xlsx", headers, rows, sheet="荣誉"), None, project.root)
    assert result.ok, result.problems
    assert result.kind is schema.HONOR  # guessed from the file name
    honors = load_ok(project).honors
    assert honors["2022-quansheng-sihao-shanghui"].recipient.name == "示例商会"
    assert honors["2022-quansheng-sihao-shanghui"].date.iso == "2022-03"
    assert honors["2022-youxiu-jianshezhe"].recipient.entrepreneur == "zhang-san"
    assert honors["2020-tongbao-biaoyang"].count.withheld


def test_honor_recipient_problem_points_at_the_recipient_columns(project):
    headers = ["荣誉名称", "级别", "授予单位", "授予日期", "获得者类型"]
    path = xlsx(project.root / "h.xlsx", headers, [["甲", "省级", "省政府", "2022", "商会"]], sheet="荣誉")
    result = import_file(path, schema.HONOR, project.root)
    assert result.problems == ["h.xlsx 工作表“荣誉” 第 2 行（获得者名称）: 请写获得者名称 name（类型为“商会”）"]


def test_entrepreneurs_with_consent_and_photo(project):
    project.write_bytes("data/photos/zhang-san.png", IMAGE_BYTES)
    headers = ["姓名", "企业", "一句话简介", "照片", "照片说明", "同意日期", "同意范围", "标签", "是否发布"]
    rows = [
        ["张三", "示例公司", "简介。", "zhang-san.png", "张三在车间", "2022-06-01", "同意公开姓名和事迹", "制造，创新", ""],
        ["李四", "另一公司", "简介。", "", "", "", "", "", "否"],
    ]
    path = project.write_bytes("企业家.csv", csv_bytes(headers, rows, "utf-8-sig"))
    result = import_file(path, schema.ENTREPRENEUR, project.root)
    assert result.ok, result.problems
    data = load_ok(project)
    person = data.entrepreneurs["zhang-san"]
    assert person.photo.src == "photos/zhang-san.png" and person.photo.alt == "张三在车间"
    assert person.tags == ("制造", "创新")
    assert data.unpublished["entrepreneurs"] == ("li-si",)
    text = (project.root / "data/entrepreneurs/zhang-san.yml").read_text(encoding="utf-8")
    assert "consent:\n  date: \"2022-06-01\"\n  scope: 同意公开姓名和事迹\n" in text


def test_missing_photo_and_missing_consent_are_reported_by_row(project):
    headers = ["姓名", "企业", "一句话简介", "照片", "照片说明"]
    rows = [["张三", "示例公司", "简介。", "nobody.jpg", "说明"]]
    result = import_file(project.write_bytes("p.csv", csv_bytes(headers, rows, "utf-8")), schema.ENTREPRENEUR, project.root)
    assert not result.ok
    assert result.problems[0].startswith("p.csv 第 2 行 D 列（照片）: 找不到图片文件 data/photos/nobody.jpg")


def test_missing_consent_is_reported_on_the_row(project):
    headers = ["姓名", "企业", "一句话简介"]
    result = import_file(project.write_bytes("p.csv", csv_bytes(headers, [["张三", "示例公司", "简介。"]], "utf-8")), schema.ENTREPRENEUR, project.root)
    assert result.problems[0].startswith("p.csv 第 2 行（本人同意）: 发布企业家资料须有本人同意")


# -- unreadable files, command line ----------------------------------------------------------------


def test_unreadable_files_fail_with_a_chinese_message(project):
    with pytest.raises(ImportFailure, match="不支持 .xls 格式"):
        import_file(project.write_bytes("old.xls", b"\xd0\xcf\x11\xe0"), schema.EVENT, project.root)
    with pytest.raises(ImportFailure, match="不是有效的 Excel 工作簿"):
        import_file(project.write_bytes("fake.xlsx", b"not a zip"), schema.EVENT, project.root)
    with pytest.raises(ImportFailure, match="请用 --kind 指定记录类型"):
        import_file(project.write_bytes("list.csv", b"a,b\n"), None, project.root)
    with pytest.raises(ImportFailure, match="找不到文件"):
        import_file(project.root / "missing.csv", schema.EVENT, project.root)


def test_cli_import_dry_run_then_import(project, capsys):
    path = project.write_bytes("活动.csv", csv_bytes(["标题", "日期", "类别"], [["薪火培训", "2022", "教育培训"]], "gbk"))
    root = str(project.root)
    assert main(["import", str(path), "--kind", "events", "--root", root, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "只做了检查（--dry-run）" in out and "data/events/2022-xinhuo-peixun.yml" in out and "GBK" in out
    assert event_files(project) == []
    assert main(["import", str(path), "--root", root]) == 0
    out = capsys.readouterr().out
    assert "已写入 1 个文件" in out and "第 2 行 → data/events/2022-xinhuo-peixun.yml" in out
    assert main(["import", str(path), "--kind", "活动", "--root", root]) == 1
    err = capsys.readouterr().err
    assert err.startswith("导入未完成：活动.csv（GBK 编码）中发现 1 个问题，没有写入任何文件")
    assert main(["import", str(path), "--kind", "figures", "--root", root]) == 2
    assert main(["check", "--root", root]) == 0


# -- templates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [schema.EVENT, schema.HONOR, schema.ENTREPRENEUR], ids=lambda k: k.name)
def test_committed_templates_match_the_schema(kind):
    name = {"event": "活动", "honor": "荣誉", "entrepreneur": "企业家"}[kind.name]
    workbook = load_workbook(REPO / "import-templates" / f"{name}.xlsx")
    assert workbook.sheetnames == [kind.label, "说明"], "运行 showcase template-sheets 重新生成"
    sheet = workbook[kind.label]
    assert [c.value for c in sheet[1]] == template_headers(kind), "运行 showcase template-sheets 重新生成"
    assert all(cell.value is None for row in sheet.iter_rows(min_row=2) for cell in row)  # no help row, no sample row
    assert all(cell.comment and CJK.search(cell.comment.text) for cell in sheet[1])
    help_headers = [row[0] for row in workbook["说明"].iter_rows(values_only=True) if row[0]]
    assert set(template_headers(kind)) <= set(help_headers)
    raw = (REPO / "import-templates" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8").strip() == ",".join(template_headers(kind))


def test_a_filled_in_template_imports(project, tmp_path):
    write_templates(tmp_path / "tpl")
    workbook = load_workbook(tmp_path / "tpl" / "活动.xlsx")
    sheet = workbook["活动"]
    headers = [c.value for c in sheet[1]]
    row = {"标题": "薪火培训", "日期": "2022-05", "类别": "教育培训", "参加人数": "**", "是否发布": "是"}
    for key, value in row.items():
        sheet.cell(row=2, column=headers.index(key) + 1, value=value)
    workbook.save(project.root / "活动.xlsx")
    result = import_file(project.root / "活动.xlsx", schema.EVENT, project.root)
    assert result.ok, result.problems
    assert load_ok(project).events["2022-xinhuo-peixun"].participants.withheld
