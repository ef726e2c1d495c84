"""Unit tests for validation of editors' YAML files: every problem names file, line and field,
in Simplified Chinese. No MkDocs here: only :func:`showcase.loader.load_project`.
"""

from __future__ import annotations

import os

import pytest
from datakit import CJK, EVENT, FIGURE, HONOR, IMAGE_BYTES, PERSON, find, load_ok, only_problem, problems_of, report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from showcase import model as schema
from showcase.core.problems import DataError
from showcase.core.values import PartialDate, Quantity
from showcase.load import load_project

EV = "data/events/a.yml"
FIG = "data/figures/f.yml"
PER = "data/entrepreneurs/zhang-san.yml"
HON = "data/honors/h.yml"


# --------------------------------------------------------------------------------------
# 1. YAML syntax errors
# --------------------------------------------------------------------------------------


def test_yaml_bad_indentation_reports_line_of_error(project):
    project.write(EV, "title: 测试活动\ndate: 2022-05-01\n  category: 教育培训\n")
    p = only_problem(project, EV)
    assert p.line == 3
    assert "YAML 格式错误" in p.message


def test_yaml_missing_colon_reports_line_of_the_key_without_colon(project):
    # line 2 lacks the colon; libyaml only notices on line 3
    project.write(EV, "title: 测试活动\ndate 2022-05-01\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert "冒号" in p.message
    assert p.line == 2, str(p)


def test_yaml_missing_colon_on_last_line_points_at_an_existing_line(project):
    project.write(EV, "title: 测试活动\ndate: 2022-05-01\ncategory 教育培训\n")
    p = only_problem(project, EV)
    assert p.line == 3, str(p)  # the file has 3 lines; currently reports line 4


def test_yaml_unclosed_quote_reports_line_where_quote_opens(project):
    project.write(EV, EVENT + "summary: '没有闭合的引号\nlocation: 会议室\n")
    p = only_problem(project, EV)
    assert "引号" in p.message
    assert p.line == 4, str(p)


def test_yaml_unclosed_bracket_reports_line_where_it_opens(project):
    project.write(EV, EVENT + "tags: [党建, 培训\nlocation: 会议室\nsummary: 摘要\n")
    p = only_problem(project, EV)
    assert p.line == 4, str(p)
    assert "括号" in p.message


# --------------------------------------------------------------------------------------
# 2. Encoding: GBK is explained; 3. BOM and CRLF are accepted
# --------------------------------------------------------------------------------------


def test_gbk_file_is_explained_with_fix_on_line_1(project):
    project.write_bytes(EV, "标题: 测试".encode("gbk"))
    p = only_problem(project, EV)
    assert p.line == 1
    assert "UTF-8" in p.message and "GBK" in p.message
    assert "另存为" in p.message


def test_gbk_bytes_reported_on_line_of_first_bad_byte(project):
    project.write_bytes(EV, b"title: ok\ndate: 2022-05-01\n" + "category: 教育培训\n".encode("gbk"))
    p = only_problem(project, EV)
    assert p.line == 3
    assert "UTF-8" in p.message and "GBK" in p.message and "另存为" in p.message


def test_bom_and_crlf_are_accepted(project):
    text = "\ufefftitle: 测试活动\r\ndate: 2022-05-01\r\ncategory: 教育培训\r\nbody: |\r\n  第一段\r\n\r\n  第二段\r\n"
    project.write_bytes(EV, text.encode("utf-8"))
    event = load_ok(project).events["a"]
    assert event.title == "测试活动"  # no BOM glued to the first key or value
    assert event.body == "第一段\n\n第二段"  # no \r left in text
    assert event.origin.line("category") == 3


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "old-mac-cr"])
def test_bom_and_crlf_keep_line_numbers_of_later_errors(project, newline):
    lines = [
        "\ufefftitle: 测试活动",
        "date: 2022-05-01",
        "category: 教育培训",
        "body: |",
        "  正文",
        "",
        "  更多",
        "locatio: 会议室",
    ]
    project.write_bytes(EV, (newline.join(lines) + newline).encode("utf-8"))
    p = only_problem(project, EV)
    assert (p.line, p.field) == (8, "locatio")


# --------------------------------------------------------------------------------------
# 4. Unknown fields; 5. missing fields; 6. wrong types
# --------------------------------------------------------------------------------------


def test_unknown_field_suggests_nearest_known_field(project):
    project.write(EV, EVENT + "tittle: 多写的标题\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "tittle")
    assert "未知字段" in p.message and "“title”" in p.message


def test_chinese_label_as_field_name_suggests_the_field(project):
    project.write(EV, "标题: 测试活动\ndate: 2022-05-01\ncategory: 教育培训\n")
    p = find(problems_of(project), field="标题")
    assert p.line == 1
    assert "未知字段" in p.message and "“title”" in p.message


def test_unknown_field_without_close_match_lists_the_fields(project):
    project.write(EV, EVENT + "zzqqxx: 1\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "zzqqxx")
    assert "可用的字段有" in p.message and "title" in p.message and "category" in p.message


def test_unknown_nested_field_has_dotted_field_path(project):
    project.write(HON, HONOR.replace("  name: 测试企业\n", "  nmae: 测试企业\n"))
    items = problems_of(project)
    p = find(items, field="recipient.nmae")
    assert p.line == 7 and "“name”" in p.message


def test_missing_required_field(project):
    project.write(EV, "title: 测试活动\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (1, "date")
    assert "缺少必填字段" in p.message


def test_missing_required_nested_field(project):
    project.write(HON, HONOR.replace("  type: 企业\n", ""))
    p = find(problems_of(project), field="recipient.type")
    assert p.path == HON and p.line == 6
    assert "缺少必填字段" in p.message


def test_empty_required_field(project):
    project.write(EV, "title:\ndate: 2022-05-01\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (1, "title")
    assert "不能为空" in p.message


def test_wrong_type_list_where_text_expected(project):
    project.write(EV, "title: 测试活动\ndate: 2022-05-01\ncategory: 教育培训\nlocation: [甲地, 乙地]\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "location")
    assert "应写成一项文字" in p.message and "列表" in p.message


def test_wrong_type_mapping_where_date_expected(project):
    project.write(EV, "title: 测试活动\ndate:\n  year: 2022\n  month: 5\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert p.field == "date"
    # the key line or the first line of the wrong (nested) value; never elsewhere
    assert p.line in (2, 3), str(p)
    assert "映射" in p.message


def test_wrong_type_text_where_mapping_expected(project):
    project.write(HON, HONOR.replace("recipient:\n  type: 企业\n  name: 测试企业\n", "recipient: 测试企业\n"))
    p = only_problem(project, HON)
    assert (p.line, p.field) == (5, "recipient")
    assert "子字段" in p.message


def test_number_with_unit_is_rejected(project):
    project.write(FIG, FIGURE.replace("value: 35", "value: 35人"))
    p = only_problem(project, FIG)
    assert (p.line, p.field) == (2, "value")
    assert "不是数字" in p.message and "unit" in p.message


# --------------------------------------------------------------------------------------
# 7. Dates
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad, reason", [("2022-13-01", "13 月"), ("2023-02-29", "29 日"), ("2022-05-00", "0 日")])
def test_impossible_date_names_value_and_fix(project, bad, reason):
    project.write(EV, f"title: 测试活动\ndate: {bad}\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (2, "date")
    assert bad in p.message and reason in p.message
    assert "2022-05-01" in p.message and "不是有效日期" in p.message


@pytest.mark.parametrize(
    "written, expected",
    [
        ("2022-05-01", PartialDate(2022, 5, 1)),
        ('"2022-05"', PartialDate(2022, 5)),
        ("2022", PartialDate(2022)),
        ("2022年5月1日", PartialDate(2022, 5, 1)),
        ("2022年5月", PartialDate(2022, 5)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("'2022/5/1'", PartialDate(2022, 5, 1)),
    ],
)
def test_valid_date_forms(project, written, expected):
    project.write(EV, f"title: 测试活动\ndate: {written}\ncategory: 教育培训\n")
    assert load_ok(project).events["a"].date == expected


def test_datetime_is_not_a_date(project):
    project.write(EV, "title: 测试活动\ndate: 2022-05-01 10:00\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (2, "date") and "不是有效日期" in p.message


# --------------------------------------------------------------------------------------
# 8. Full-width digits: normalized the same way in dates and numbers
# --------------------------------------------------------------------------------------


def test_fullwidth_digits_in_dates_and_numbers_equal_ascii(project):
    """Full-width digits (as typed with a Chinese IME in full-width mode) mean the same
    as ASCII ones everywhere a number or date is expected: ２０２２－０５－０１ is 2022-05-01,
    ３５ is 35, １，２００ is 1200, ２０２２年５月 is 2022-05."""
    project.write(
        EV,
        "title: 测试活动\ndate: ２０２２－０５－０１\nend_date: ２０２２年５月\ncategory: 教育培训\nparticipants: １，２００\n",
    )
    project.write(FIG, "label: 测试数据\nvalue: ３５\nas_of: ２０２２\narea: area-one\n")
    project.write("data/figures/g.yml", "label: 测试数据\nvalue: ３．５\nas_of: 2022\narea: area-one\n")
    project.write(
        "data/site.yml", (project.root / "data/site.yml").read_text("utf-8").replace("year: 2023", "year: ２０２３")
    )
    data = load_ok(project)
    event = data.events["a"]
    assert event.date == PartialDate(2022, 5, 1)
    assert event.end_date == PartialDate(2022, 5)
    assert event.participants == Quantity(1200)
    assert data.figures["f"].value == Quantity(35)
    assert data.figures["f"].as_of == PartialDate(2022)
    assert data.figures["g"].value == Quantity(3.5)
    assert data.site.application.year == 2023 and isinstance(data.site.application.year, int)


def test_fullwidth_impossible_date_is_reported_as_written(project):
    """A full-width date is checked after normalization, and the message quotes what the
    editor wrote so they can find it."""
    project.write(EV, "title: 测试活动\ndate: ２０２２－１３－０１\ncategory: 教育培训\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (2, "date")
    assert "２０２２－１３－０１" in p.message and "13 月" in p.message


# --------------------------------------------------------------------------------------
# 9. YAML 1.1 traps
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "否"])
def test_yaml11_boolean_words_rejected_in_bool_field(project, word):
    project.write(EV, EVENT + f"published: {word}\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "published")
    assert "true" in p.message and "false" in p.message and "只能写" in p.message
    assert f"“{word}”" in p.message


@pytest.mark.parametrize("written", ["false", "False", "'false'"])
def test_false_in_any_case_unpublishes(project, written):
    project.write(EV, EVENT + f"published: {written}\n")
    data = load_ok(project)
    assert "a" not in data.events and data.unpublished["events"] == ("a",)


def test_yaml11_words_in_text_fields_stay_text(project):
    project.write(
        PER,
        "name: no\ncompany: on\nsummary: yes\nposition: off\nregion: 0o12\n"
        "consent:\n  date: 2022-06-01\n  scope: 同意\n",
    )
    project.write(EV, "title: on\ndate: 2022-05\ncategory: 教育培训\nlocation: 12:30\nsummary: 1.0\n")
    site = (
        (project.root / "data/site.yml")
        .read_text("utf-8")
        .replace("  phone: 010-12345678\n", "  postcode: 000100\n  phone: 0535-1234567\n")
    )
    project.write("data/site.yml", site)
    data = load_ok(project)
    person = data.entrepreneurs["zhang-san"]
    assert (person.name, person.company, person.summary, person.position, person.region) == (
        "no",
        "on",
        "yes",
        "off",
        "0o12",
    )
    event = data.events["a"]
    assert event.title == "on"
    assert event.date == PartialDate(2022, 5)  # unquoted 2022-05 is a month, not a number
    assert event.location == "12:30"  # not sexagesimal 750
    assert event.summary == "1.0"
    assert data.site.contact.postcode == "000100"  # leading zeros kept
    assert data.site.contact.phone == "0535-1234567"


@pytest.mark.parametrize("written", ["**", "*", "**余"])
def test_unquoted_stars_give_yaml_error_with_quote_hint(project, written):
    project.write(FIG, f"label: 测试数据\nvalue: {written}\nas_of: 2022\narea: area-one\n")
    p = only_problem(project, FIG)
    assert p.line == 2
    assert "YAML 格式错误" in p.message
    assert '"**"' in p.message and "引号" in p.message


def test_unquoted_undefined_alias_gives_quote_hint(project):
    project.write(FIG, "label: 测试数据\nvalue: *abc\nas_of: 2022\narea: area-one\n")
    p = only_problem(project, FIG)
    assert p.line == 2 and '"**"' in p.message and "引号" in p.message


@pytest.mark.parametrize("written", ['"**"', "'**'", '"***"'])
def test_quoted_stars_are_withheld_quantity_not_zero(project, written):
    project.write(FIG, f"label: 测试数据\nvalue: {written}\nas_of: 2022\narea: area-one\n")
    value = load_ok(project).figures["f"].value
    assert value.withheld is True and value.value is None


# --------------------------------------------------------------------------------------
# 10. Ids (file names)
# --------------------------------------------------------------------------------------


def test_duplicate_id_in_subfolder(project):
    project.write("data/events/a.yml", EVENT)
    project.write("data/events/sub/a.yml", EVENT)
    p = only_problem(project, "data/events/sub/a.yml")
    assert p.line == 1
    assert "重复" in p.message and "data/events/a.yml" in p.message


def test_duplicate_id_differs_only_in_case(project):
    project.write("data/events/a.yml", EVENT)
    project.write("data/events/sub/A.yml", EVENT)
    items = problems_of(project)
    assert {p.path for p in items} == {"data/events/sub/A.yml"}
    assert any("重复" in p.message and "不区分大小写" in p.message for p in items), report(items)
    assert all(p.line == 1 for p in items)


def test_uppercase_file_name_suggests_lowercase_rename(project):
    project.write("data/entrepreneurs/Zhang-San.yml", PERSON)
    p = only_problem(project, "data/entrepreneurs/Zhang-San.yml")
    assert p.line == 1
    assert "zhang-san.yml" in p.message and "改名" in p.message


def test_chinese_file_name_explains_naming_rule(project):
    project.write("data/entrepreneurs/张三.yml", PERSON)
    p = only_problem(project, "data/entrepreneurs/张三.yml")
    assert p.line == 1 and "小写字母" in p.message


# --------------------------------------------------------------------------------------
# 11. References
# --------------------------------------------------------------------------------------


def test_event_reference_to_missing_entrepreneur(project):
    project.write(PER, PERSON)
    project.write(EV, EVENT + "entrepreneurs: [zhang-san, li-si]\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "entrepreneurs")
    assert "找不到" in p.message and "“li-si”" in p.message


def test_reference_in_block_list_reports_line_of_the_item(project):
    project.write(PER, PERSON)
    project.write(EV, EVENT + "entrepreneurs:\n  - zhang-san\n  - li-si\n")
    p = only_problem(project, EV)
    assert p.field == "entrepreneurs" and "“li-si”" in p.message
    assert p.line == 6, str(p)


def test_honor_recipient_reference_to_missing_entrepreneur(project):
    project.write(HON, HONOR.replace("  type: 企业\n  name: 测试企业\n", "  type: 企业家\n  entrepreneur: li-si\n"))
    p = only_problem(project, HON)
    assert (p.line, p.field) == (7, "recipient.entrepreneur")
    assert "找不到" in p.message and "“li-si”" in p.message


def test_figure_source_reference_to_missing_record(project):
    project.write(FIG, FIGURE + "source: events/nope\n")
    p = only_problem(project, FIG)
    assert (p.line, p.field) == (5, "source")
    assert "找不到" in p.message and "“nope”" in p.message


def test_figure_source_with_unknown_folder(project):
    project.write(FIG, FIGURE + "source: huodong/x\n")
    p = only_problem(project, FIG)
    assert (p.line, p.field) == (5, "source") and "不是有效的来源" in p.message


def test_reference_with_close_typo_suggests_id(project):
    project.write(PER, PERSON)
    project.write(EV, EVENT + "entrepreneurs: [zhang-sna]\n")
    p = only_problem(project, EV)
    assert "“zhang-san”" in p.message


def test_references_to_unpublished_records_are_dropped_and_noted(project):
    project.write(PER, PERSON)
    project.write("data/entrepreneurs/li-si.yml", PERSON + "published: false\n")
    project.write(EV, EVENT + "entrepreneurs: [zhang-san, li-si]\n")
    project.write(HON, HONOR.replace("  type: 企业\n  name: 测试企业\n", "  type: 企业家\n  entrepreneur: li-si\n"))
    project.write("data/events/hidden.yml", EVENT + "published: false\n")
    project.write(FIG, FIGURE + "source: events/hidden\n")
    data = load_ok(project)
    assert data.events["a"].entrepreneurs == ("zhang-san",)
    assert data.honors["h"].recipient.entrepreneur is None
    assert data.figures["f"].source is None
    notes = "\n".join(data.notes)
    assert f"{EV}:4" in notes and "entrepreneurs/li-si" in notes
    assert f"{HON}:7" in notes
    assert f"{FIG}:5" in notes and "events/hidden" in notes
    assert all("未发布" in n for n in data.notes)


# --------------------------------------------------------------------------------------
# 12. Images
# --------------------------------------------------------------------------------------


PERSON_LINES = PERSON.count("\n")  # fields appended to PERSON start on the next line


def _with_photo(src: str) -> str:
    return PERSON + f"photo:\n  src: {src}\n  alt: 张三的照片\n"


def test_image_that_exists_loads(project):
    project.write_bytes("data/photos/zhang-san.jpg", IMAGE_BYTES)
    project.write(PER, _with_photo("photos/zhang-san.jpg"))
    photo = load_ok(project).entrepreneurs["zhang-san"].photo
    assert photo.src == "photos/zhang-san.jpg" and photo.alt == "张三的照片"


@pytest.mark.parametrize(
    "src, phrase",
    [
        ("photos/nope.jpg", "找不到图片"),
        ("../secret.jpg", "“..”"),
        ("photos/../../secret.jpg", "“..”"),
        ("/etc/secret.jpg", "相对于 data/"),
        ("'C:\\photos\\a.jpg'", "相对于 data/"),
        ("photos/zhang-san.txt", "图片格式"),
    ],
    ids=["missing", "dotdot", "dotdot-nested", "absolute", "windows-absolute", "not-an-image"],
)
def test_bad_image_path(project, src, phrase):
    project.write_bytes("secret.jpg", IMAGE_BYTES)  # exists outside data/: must still be refused
    project.write_bytes("data/photos/zhang-san.txt", b"x")
    project.write(PER, _with_photo(src))
    p = only_problem(project, PER)
    assert (p.line, p.field) == (PERSON_LINES + 2, "photo.src")
    assert phrase in p.message


def test_image_symlink_pointing_outside_project(project, tmp_path):
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(IMAGE_BYTES)
    (project.root / "data/photos").mkdir(parents=True)
    os.symlink(outside, project.root / "data/photos/zhang-san.jpg")
    project.write(PER, _with_photo("photos/zhang-san.jpg"))
    p = only_problem(project, PER)
    assert (p.line, p.field) == (PERSON_LINES + 2, "photo.src")
    assert "data/ 文件夹以外" in p.message


def test_image_through_symlinked_folder_pointing_outside(project, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/a.jpg").write_bytes(IMAGE_BYTES)
    os.symlink(tmp_path / "elsewhere", project.root / "data/photos")
    project.write(PER, _with_photo("photos/a.jpg"))
    p = only_problem(project, PER)
    assert (p.line, p.field) == (PERSON_LINES + 2, "photo.src") and "data/ 文件夹以外" in p.message


def test_event_photo_list_reports_the_bad_item(project):
    project.write_bytes("data/photos/a.jpg", IMAGE_BYTES)
    project.write(EV, EVENT + "photos:\n  - src: photos/a.jpg\n    alt: 甲\n  - src: photos/nope.jpg\n    alt: 乙\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (7, "photos[2].src")
    assert "找不到图片" in p.message


def test_image_written_as_plain_path_explains_src_and_alt(project):
    project.write_bytes("data/photos/a.jpg", IMAGE_BYTES)
    project.write(PER, PERSON + "photo: photos/a.jpg\n")
    p = only_problem(project, PER)
    assert (p.line, p.field) == (PERSON_LINES + 1, "photo")
    assert "src" in p.message and "alt" in p.message


def test_record_file_symlink_pointing_outside_project(project, tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text(PERSON, encoding="utf-8")
    (project.root / "data/entrepreneurs").mkdir(parents=True)
    os.symlink(outside, project.root / "data/entrepreneurs/x.yml")
    p = only_problem(project, "data/entrepreneurs/x.yml")
    assert p.line == 1 and "data/ 文件夹以外" in p.message


# --------------------------------------------------------------------------------------
# 13. Every problem of every file, in one run, sorted
# --------------------------------------------------------------------------------------


def test_all_problems_of_all_files_sorted_by_file_then_line(project):
    # written in reverse order on purpose
    project.write(FIG, "label: 测试数据\nvalue: 35\n  as_of: 2022\n")  # YAML error line 3
    project.write(EV, "title: 测试活动\ndate: 2022-13-01\ncategory: 党建\nlocatio: x\n")  # lines 2, 3, 4
    project.write(PER, "name: 张三\nsummary: 简介\ntags: [a]\nphoto: x.jpg\n")  # company missing (1), photo (4)
    with pytest.raises(DataError) as exc:
        load_project(project.root)
    items = problems_of(project)
    got = [(p.path, p.line, p.field) for p in items]
    assert got == [
        (PER, 1, "company"),
        (PER, 4, "photo"),
        (EV, 2, "date"),
        (EV, 3, "category"),
        (EV, 4, "locatio"),
        (FIG, 3, ""),
    ], report(items)
    text = str(exc.value)
    assert text.splitlines()[:6] == [str(p) for p in items]
    assert text.splitlines()[-1].startswith("共发现 6 个问题，涉及 3 个文件")


def test_line_10_sorts_after_line_9(project):
    body = EVENT + "".join(f"location{i}: x\n" for i in range(4, 12))
    project.write(EV, body)
    assert [p.line for p in problems_of(project)] == list(range(4, 12))


def test_site_and_record_problems_reported_together(project):
    project.write(
        "data/site.yml", (project.root / "data/site.yml").read_text("utf-8").replace("year: 2023", "year: 二〇二三")
    )
    project.write(EV, "title: 测试活动\ndate: 2022\ncategory: 党建\n")
    items = problems_of(project)
    assert [(p.path, p.field) for p in items] == [(EV, "category"), ("data/site.yml", "application.year")]
    assert items[1].line == 7 and "整数" in items[1].message


def test_stray_yaml_file_outside_record_folders(project):
    project.write("data/event/a.yml", EVENT)
    p = only_problem(project, "data/event/a.yml")
    assert p.line == 1 and "data/events/" in p.message


# --------------------------------------------------------------------------------------
# 14. Pathological files
# --------------------------------------------------------------------------------------


def test_duplicate_keys_in_one_mapping(project):
    project.write(EV, EVENT + "title: 又写了一次\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "title")
    assert "重复" in p.message and "第 1 行" in p.message


def test_duplicate_nested_key_has_dotted_field_path(project):
    project.write(HON, HONOR + "  type: 企业\n")
    p = only_problem(project, HON)
    assert p.line == 8 and "重复" in p.message
    assert p.field == "recipient.type"


def test_multiple_documents_in_one_file(project):
    project.write(EV, EVENT + "---\n" + EVENT)
    p = only_problem(project, EV)
    assert p.line in (4, 5), str(p)  # the "---" line or the first line after it
    assert "一个文件只能写一条记录" in p.message and "---" in p.message


def test_leading_document_marker_is_fine(project):
    project.write(EV, "---\n" + EVENT)
    assert load_ok(project).events["a"].origin.line("title") == 2


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n", b"# \xe5\x8f\xaa\xe6\x9c\x89\xe6\xb3\xa8\xe9\x87\x8a\n", b"\xef\xbb\xbf"],
    ids=["empty", "blank", "comment", "bom-only"],
)
def test_empty_file(project, content):
    project.write_bytes(EV, content)
    p = only_problem(project, EV)
    assert p.line == 1 and "文件是空的" in p.message


def test_file_that_is_not_a_mapping(project):
    project.write(EV, "- 测试活动\n- 2022-05-01\n")
    p = only_problem(project, EV)
    assert p.line == 1 and "字段名: 值" in p.message


def test_file_over_one_megabyte_rejected(project):
    body = "  " + "长" * 99 + "\n"
    text = EVENT + "body: |\n" + body * 4000  # ~1.2 MB in UTF-8
    project.write_bytes(EV, text.encode("utf-8"))
    assert 1_150_000 < (project.root / EV).stat().st_size < 1_300_000
    p = only_problem(project, EV)
    assert p.line == 1
    assert "文件过大" in p.message and "1 MB" in p.message and "1.2 MB" in p.message


def test_billion_laughs_is_fast_and_reported(project):
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    project.write(EV, EVENT + "private:\n" + "".join(f"  {line}\n" for line in levels))
    p = only_problem(project, EV)  # the node budget stops it long before 9^8 nodes are made
    assert "引用" in p.message


def test_small_aliases_are_allowed(project):
    project.write(EV, "title: &t 测试活动\ndate: 2022-05-01\ncategory: 教育培训\nsummary: *t\n")
    assert load_ok(project).events["a"].summary == "测试活动"


def test_deep_nesting_does_not_crash(project):
    project.write(EV, EVENT + "private:\n  x: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems_of(project)[0].path == EV


@pytest.mark.parametrize(
    "line, phrase",
    [
        ("<<: {location: 会议室}", "合并键"),
        ("location: !!python/object:os.system 会议室", "标签"),
        ("? [甲, 乙]\n: 会议室", "简单的文字"),
    ],
    ids=["merge-key", "python-tag", "complex-key"],
)
def test_yaml_features_we_refuse(project, line, phrase):
    project.write(EV, EVENT + line + "\n")
    p = only_problem(project, EV)
    assert p.line == 4 and phrase in p.message


def test_nul_byte_reported_on_its_line(project):
    project.write_bytes(EV, (EVENT + "location: 会\x00议室\n").encode("utf-8"))
    p = only_problem(project, EV)
    assert p.line == 4 and "空字符" in p.message


def test_control_character_reported_on_its_line(project):
    project.write_bytes(EV, (EVENT + "location: 会\x07议室\n").encode("utf-8"))
    p = only_problem(project, EV)
    assert "控制字符" in p.message
    assert p.line == 4, str(p)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"], ids=["LS", "PS", "NEL"])
def test_unicode_line_separator_inside_text(project, separator):
    project.write(EV, f"title: 第一部分{separator}第二部分\ndate: 2022-05-01\ncategory: 教育培训\n")
    try:
        load_project(project.root)
    except DataError as exc:  # acceptable only if every problem points at line 1
        items = exc.problems.sorted()
        assert all(p.line == 1 for p in items), report(items)


def test_tab_indentation_hint(project):
    project.write_bytes(EV, (EVENT + "photos:\n\t- src: a.jpg\n").encode("utf-8"))
    p = only_problem(project, EV)
    assert p.line == 5 and "Tab" in p.message


def test_colon_inside_value_hint(project):
    project.write(EV, EVENT + "location: 地点: 会议室\n")
    p = only_problem(project, EV)
    assert p.line == 4 and "冒号" in p.message
    assert "加引号" in p.message  # the specific hint, not the generic "检查缩进、冒号和引号"


# --------------------------------------------------------------------------------------
# 16. Areas and closed vocabularies
# --------------------------------------------------------------------------------------


def test_area_not_in_site_yml(project):
    project.write(EV, EVENT + "area: area-three\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (4, "area")
    assert "“area-three”" in p.message and "site.yml" in p.message
    assert "area-one" in p.message and "area-two" in p.message


def test_figure_area_not_in_site_yml(project):
    project.write(FIG, FIGURE.replace("area: area-one", "area: nope"))
    p = only_problem(project, FIG)
    assert (p.line, p.field) == (4, "area") and "site.yml" in p.message


def test_choice_unknown_value_suggests_closest_and_lists_all(project):
    project.write(EV, "title: 测试活动\ndate: 2022\ncategory: 党建\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (3, "category")
    assert "“党建”" in p.message
    assert "是否想写“党建与理想信念教育”" in p.message
    assert "可选" in p.message and "精神文明创建" in p.message and "商会改革与自身建设" in p.message


def test_choice_accepts_label_or_slug(project):
    project.write(EV, "title: 测试活动\ndate: 2022\ncategory: jiaoyu-peixun\n")
    project.write(HON, HONOR)
    data = load_ok(project)
    assert data.events["a"].category.label == "教育培训"
    assert data.honors["h"].level.slug == "sheng"


def test_nested_choice_unknown_value(project):
    project.write(HON, HONOR.replace("  type: 企业\n", "  type: 公司\n"))
    p = only_problem(project, HON)
    assert (p.line, p.field) == (6, "recipient.type")
    assert "不是可选的获得者类型" in p.message and "企业家" in p.message


def test_recipient_entrepreneur_with_wrong_type(project):
    project.write(PER, PERSON)
    project.write(HON, HONOR.replace("  name: 测试企业\n", "  entrepreneur: zhang-san\n"))
    items = problems_of(project)
    p = find(items, field="recipient.entrepreneur")
    assert p.line == 7 and "企业家" in p.message


# --------------------------------------------------------------------------------------
# Property: whatever bytes an editor saves, the loader ends in a Dataset or a DataError
# whose every problem is a Chinese message pointing at a line of a file under data/.
# --------------------------------------------------------------------------------------

_FOLDERS = [kind.folder for kind in schema.RECORD_KINDS]
_KEYS = sorted(
    {f.name for kind in schema.RECORD_KINDS for f in kind.fields}
    | {"src", "alt", "caption", "type", "entrepreneur", "name", "标题"}
)
_PIECES = [
    "*",
    "**",
    '"**"',
    ":",
    ": ",
    "-",
    "- ",
    "\n",
    "\n",
    "\n  ",
    "\n    ",
    "  ",
    " ",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "#",
    "|",
    ">",
    "---",
    "no",
    "on",
    "2022-13-01",
    "2022-05",
    "2022",
    "２０２２－０５－０１",
    "３５",
    "35",
    "**余",
    "true",
    "false",
    "null",
    "~",
    "events/x",
    "entrepreneurs/zhang-san",
    "photos/a.jpg",
    "../a.jpg",
    "/a.jpg",
    "教育培训",
    "党建",
    "企业家",
    "area-one",
    "\t",
    "\r\n",
    "\ufeff",
    "<<: ",
    "!!str ",
    "? ",
    "\u2028",
    "测试",
]
_TOKEN = st.one_of(
    st.sampled_from(_KEYS).map(lambda key: key + ": "),
    st.sampled_from(_PIECES),
    st.text(max_size=4),
)
_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    from projectkit import SITE_YML

    root = tmp_path_factory.mktemp("fuzz") / "proj"
    (root / "data").mkdir(parents=True)
    (root / "data/site.yml").write_text(SITE_YML, encoding="utf-8")
    (root / "data/photos").mkdir()
    (root / "data/photos/a.jpg").write_bytes(IMAGE_BYTES)
    for folder in _FOLDERS:
        (root / "data" / folder).mkdir()
    (root / "data/entrepreneurs/zhang-san.yml").write_text(PERSON, encoding="utf-8")
    return root


def _load_and_check(root, folder: str, raw: bytes) -> None:
    target = root / "data" / folder / "x.yml"
    for other in _FOLDERS:
        (root / "data" / other / "x.yml").unlink(missing_ok=True)
    target.write_bytes(raw)
    try:
        load_project(root)
    except DataError as exc:
        items = exc.problems.sorted()
        assert items
        for problem in items:
            assert problem.path.startswith("data/"), str(problem)
            assert problem.line >= 1, str(problem)
            assert CJK.search(problem.message), f"message not in Chinese: {problem}"
        assert str(exc).splitlines()[-1].startswith("共发现")


@_SETTINGS
@given(folder=st.sampled_from(_FOLDERS), raw=st.binary(max_size=400))
def test_property_arbitrary_bytes_never_crash(fuzz_project, folder, raw):
    _load_and_check(fuzz_project, folder, raw)


@_SETTINGS
@given(folder=st.sampled_from(_FOLDERS), pieces=st.lists(_TOKEN, max_size=60))
def test_property_yamlish_text_never_crashes(fuzz_project, folder, pieces):
    _load_and_check(fuzz_project, folder, "".join(pieces).encode("utf-8", "surrogatepass"))
