"""Assessment criteria: loading, citations from records and narratives, the 500-字 limit,
former ids, the assessment period and the dossier model. No MkDocs here."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from datakit import EVENT, FIGURE, HONOR, PERSON, find, load_ok, only_problem, problems_of, report
from examplekit import example_only
from showcase import model as schema
from showcase.core.text import count_chars
from showcase.derive.dossier import build_dossier, records_without_criteria
from showcase.derive.summary import completeness_lines, summary_lines
from showcase.load import load_project
from showcase.tools.cli import main
from showcase.tools.jsonschema import all_schemas

REPO = Path(__file__).resolve().parent.parent
ITEM = "title: 组织领导\nprovince: 测试省\norder: 1\n"
CONTENT = "title: 创建工作部署\nitem: zuzhi\nexplanation: 召开专题会议研究部署创建工作。\norder: 1\n"
EV = "data/events/a.yml"


def criteria(project, **extra: str) -> None:
    """Item ``zuzhi`` with content items ``bushu`` and ``dangjian`` (plus any given files)."""
    project.write("data/criteria/zuzhi.yml", ITEM)
    project.write("data/criteria/bushu.yml", CONTENT)
    project.write("data/criteria/dangjian.yml", "title: 党建引领\nitem: zuzhi\norder: 2\n")
    for name, text in extra.items():
        project.write(f"data/criteria/{name}.yml", text)


# -- the example ---------------------------------------------------------------------------


@example_only
def test_example_ships_the_eight_items_of_the_shandong_standard():
    data = load_project(REPO)
    tops = sorted((c for c in data.criteria.values() if c.item is None), key=lambda c: c.sort_key)
    assert [c.title for c in tops] == [
        "组织领导",
        "道德建设",
        "业务工作",
        "文体活动",
        "科学管理",
        "环境卫生",
        "创建活动",
        "特色指标",
    ]
    assert all(c.province == "山东省" for c in data.criteria.values())
    contents = [c for c in data.criteria.values() if c.item is not None]
    assert contents and all(c.item in {t.id for t in tops} for c in contents)
    # nothing invented: no points anywhere, and content items are marked as not the official wording
    assert all(c.points is None for c in data.criteria.values())
    assert all(not c.wording_known and c.note for c in contents)
    assert data.narratives, "the example narratives cite criteria"


@example_only
def test_example_dossier_has_evidence_and_flags():
    data = load_project(REPO)
    dossier = build_dossier(data)
    assert dossier.without_evidence, "some criteria are left without evidence so that the flag shows"
    assert len(dossier.without_evidence) < len(dossier.assessed) / 2
    assert all(e.evidence_count for e in dossier.assessed if not e.missing_evidence)
    assert dossier.standard and "近三年" in dossier.period_text


def test_example_criteria_pass_their_json_schema():
    doc = json.loads(all_schemas()["criterion.schema.json"])
    files = sorted((REPO / "data" / "criteria").glob("*.yml"))
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), doc)


def test_example_explanations_are_within_the_limit():
    for path in sorted((REPO / "data" / "criteria").glob("*.yml")):
        text = yaml.safe_load(path.read_text(encoding="utf-8")).get("explanation") or ""
        assert count_chars(text) <= schema.EXPLANATION_LIMIT, path.name


# -- loading criteria ----------------------------------------------------------------------------


def test_criteria_load_as_two_levels(project):
    criteria(project)
    data = load_ok(project)
    assert data.criteria["bushu"].item == "zuzhi"
    assert data.criteria["zuzhi"].item is None
    assert data.criteria["bushu"].wording_known is False  # never claimed unless written
    assert data.criteria["zuzhi"].points is None


def test_criterion_without_title_is_reported(project):
    criteria(project, bad="item: zuzhi\n")
    p = only_problem(project, "data/criteria/bad.yml")
    assert p.field == "title" and "缺少必填字段" in p.message


def test_criterion_item_must_exist(project):
    criteria(project, bad="title: 坏\nitem: zuzhii\n")
    p = only_problem(project, "data/criteria/bad.yml")
    assert (p.line, p.field) == (2, "item")
    assert "zuzhii" in p.message and "是否想写“zuzhi”" in p.message


def test_criteria_have_two_levels_only(project):
    criteria(project, deep="title: 第三级\nitem: bushu\n")
    p = only_problem(project, "data/criteria/deep.yml")
    assert p.field == "item" and "两级" in p.message and "zuzhi" in p.message


def test_criterion_cannot_belong_to_itself(project):
    criteria(project, loop="title: 自己\nitem: loop\n")
    p = only_problem(project, "data/criteria/loop.yml")
    assert p.field == "item" and "它自己" in p.message


def test_criteria_yaml_outside_the_folder_is_still_stray(project):
    criteria(project)
    project.write("data/criterion/x.yml", ITEM)
    p = only_problem(project, "data/criterion/x.yml")
    assert "data/criteria/" in p.message


# -- the 500-字 explanation --------------------------------------------------------------------


def test_count_chars_counts_chinese_as_one_and_ignores_spaces():
    assert count_chars("文明单位") == 4
    assert count_chars("2022 年 A") == 6
    assert count_chars("第一段。\n\n第二段，") == 8
    assert count_chars("“四好”商会") == 6  # punctuation counts


@pytest.mark.parametrize("n, ok", [(500, True), (501, False)])
def test_explanation_limit_is_500_chinese_characters(project, n, ok):
    text = "文" * n
    criteria(project, long=f"title: 长说明\nitem: zuzhi\nexplanation: {text}\n")
    if ok:
        assert load_ok(project).criteria["long"].explanation == text
        return
    p = only_problem(project, "data/criteria/long.yml")
    assert (p.line, p.field) == (3, "explanation")
    assert "501 字" in p.message and "500 字" in p.message


def test_explanation_line_breaks_and_spaces_are_not_counted(project):
    lines = "\n".join("  " + "字" * 100 for _ in range(5))  # 500 characters in five paragraphs
    criteria(project, long=f"title: 长说明\nitem: zuzhi\nexplanation: |\n{lines}\n")
    assert count_chars(load_ok(project).criteria["long"].explanation) == 500


# -- citations --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel, text",
    [(EV, EVENT), ("data/honors/h.yml", HONOR), ("data/figures/f.yml", FIGURE)],
    ids=["event", "honor", "figure"],
)
def test_records_cite_criteria(project, rel, text):
    criteria(project)
    project.write(rel, text + "criteria: [bushu, dangjian]\n")
    data = load_ok(project)
    folder = rel.split("/")[1]
    record = next(iter(data.by_folder(folder).values()))
    assert record.criteria == ("bushu", "dangjian")


def test_unknown_criterion_is_reported_at_its_own_line(project):
    criteria(project)
    project.write(EV, EVENT + "criteria:\n  - bushu\n  - dangjain\n")
    p = only_problem(project, EV)
    assert (p.line, p.field) == (6, "criteria")
    assert "dangjain" in p.message and "data/criteria/dangjain.yml" in p.message and "dangjian" in p.message
    assert str(p).startswith("data/events/a.yml:6: criteria: ")


def test_criteria_field_on_an_entrepreneur_is_unknown(project):
    criteria(project)
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "criteria: [bushu]\n")
    p = only_problem(project, "data/entrepreneurs/zhang-san.yml")
    assert "未知字段" in p.message


def test_criterion_id_must_look_like_an_id(project):
    criteria(project)
    project.write(EV, EVENT + "criteria: [组织领导]\n")
    p = only_problem(project, EV)
    assert p.field == "criteria" and "不是有效的编号" in p.message


def test_narrative_front_matter_cites_criteria(project):
    criteria(project)
    project.write(
        "docs/areas/area-one.md", "---\ntitle: 第一板块\ncriteria: [bushu]\n---\n# 第一板块的叙述\n\n正文。\n"
    )
    project.write("docs/outlook.md", "---\ncriteria: [dangjian, bushu]\n---\n# 展望\n")
    project.write("docs/plain.md", "---\ntitle: 没有引用\n---\n# 普通页面\n")
    data = load_ok(project)
    assert set(data.narratives) == {"areas/area-one.md", "outlook.md"}
    assert data.narratives["areas/area-one.md"].title == "第一板块"
    assert data.narratives["outlook.md"].title == "展望"
    assert data.narratives["outlook.md"].criteria == ("dangjian", "bushu")


def test_unknown_criterion_in_a_narrative_names_the_markdown_file(project):
    criteria(project)
    project.write("docs/outlook.md", "---\ntitle: 展望\ncriteria:\n  - bushu\n  - nosuch\n---\n# 展望\n")
    p = only_problem(project, "docs/outlook.md")
    assert (p.line, p.field) == (5, "criteria")
    assert "nosuch" in p.message
    assert str(p).startswith("docs/outlook.md:5: criteria: ")


def test_broken_front_matter_with_criteria_is_reported(project):
    criteria(project)
    project.write("docs/outlook.md", "---\ncriteria: [bushu\n---\n# 展望\n")
    p = only_problem(project, "docs/outlook.md")
    assert p.line == 2 and "方括号" in p.message


# -- former ids --------------------------------------------------------------------------------------


def test_former_ids_load(project):
    project.write("data/events/new.yml", EVENT + "former_ids: [old, older]\n")
    assert load_ok(project).events["new"].former_ids == ("old", "older")


def test_former_id_may_not_be_a_current_id(project):
    project.write("data/events/new.yml", EVENT + "former_ids: [other]\n")
    project.write("data/events/other.yml", EVENT)
    p = only_problem(project, "data/events/new.yml")
    assert (p.line, p.field) == (4, "former_ids")
    assert "data/events/other.yml" in p.message


def test_former_id_may_not_be_an_unpublished_id(project):
    project.write("data/events/new.yml", EVENT + "former_ids: [draft]\n")
    project.write("data/events/draft.yml", EVENT + "published: false\n")
    p = only_problem(project, "data/events/new.yml")
    assert "data/events/draft.yml" in p.message


def test_former_id_is_per_folder(project):
    project.write("data/events/new.yml", EVENT + "former_ids: [zhang-san]\n")
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    load_ok(project)  # /events/zhang-san/ and /entrepreneurs/zhang-san/ are different addresses


def test_two_records_may_not_claim_one_former_id(project):
    project.write("data/events/a.yml", EVENT + "former_ids: [old]\n")
    project.write("data/events/b.yml", EVENT + "former_ids: [old]\n")
    p = only_problem(project, "data/events/b.yml")
    assert "data/events/a.yml" in p.message


def test_former_id_may_not_be_the_records_own_id(project):
    project.write("data/honors/h.yml", HONOR + "former_ids: [h]\n")
    p = only_problem(project, "data/honors/h.yml")
    assert "现在的编号" in p.message


def test_former_id_must_look_like_an_id(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON + "former_ids: [Zhang San]\n")
    p = only_problem(project, "data/entrepreneurs/zhang-san.yml")
    assert p.field == "former_ids"


# -- the assessment period and the dossier -----------------------------------------------------


def _dated(project, ids_dates: dict[str, str], cite: str = "bushu") -> None:
    for record_id, date in ids_dates.items():
        project.write(f"data/events/{record_id}.yml", EVENT.replace("2022-05-01", date) + f"criteria: [{cite}]\n")


def test_dossier_groups_evidence_newest_first(project):
    criteria(project)
    _dated(project, {"e-2021": "2021-03", "e-2023a": "2023-01-05", "e-2023b": "2023-06"})
    project.write("data/honors/h.yml", HONOR + "criteria: [bushu]\n")
    project.write("data/figures/f.yml", FIGURE + "criteria: [bushu]\n")
    project.write("docs/outlook.md", "---\ncriteria: [bushu]\n---\n# 展望\n")
    dossier = build_dossier(load_ok(project))
    entry = next(e for e in dossier.entries if e.id == "bushu")
    assert [e.id for e in entry.events] == ["e-2023b", "e-2023a", "e-2021"]
    assert [kind for kind, _, _ in entry.groups()] == ["events", "honors", "figures", "narratives"]
    assert entry.evidence_count == 6 and not entry.flagged


def test_dossier_flags_missing_evidence_and_explanation(project):
    criteria(project)
    _dated(project, {"e": "2023"})
    dossier = build_dossier(load_ok(project))
    assert [e.id for e in dossier.without_evidence] == ["dangjian"]
    assert [e.id for e in dossier.without_explanation] == ["dangjian"]
    item = dossier.items[0]
    assert item.id == "zuzhi" and not item.assessed and not item.flagged  # judged through its content items
    assert [c.id for c in item.children] == ["bushu", "dangjian"]


def test_item_without_content_items_is_assessed_itself(project):
    project.write("data/criteria/tese.yml", "title: 特色指标\n")
    dossier = build_dossier(load_ok(project))
    assert [e.id for e in dossier.without_evidence] == ["tese"]


@pytest.mark.parametrize(
    "period, years, kept",
    [
        ("近三年", (2021, 2023), {"e-2021", "e-2023"}),
        ("申报年度", (2023, 2023), {"e-2023"}),
        (None, (2021, 2023), {"e-2021", "e-2023"}),
    ],
)
def test_assessment_period_filters_evidence(project, period, years, kept):
    criteria(project)
    if period:
        project.write(
            "data/site.yml",
            project.root.joinpath("data/site.yml").read_text(encoding="utf-8") + f"assessment:\n  period: {period}\n",
        )
    _dated(project, {"e-2020": "2020-12", "e-2021": "2021", "e-2023": "2023-02", "e-2024": "2024"})
    dossier = build_dossier(load_ok(project))  # the fixture applies in 2023
    assert (dossier.first_year, dossier.last_year) == years
    entry = next(e for e in dossier.entries if e.id == "bushu")
    assert {e.id for e in entry.events} == kept
    assert entry.outside_period == 4 - len(kept)
    assert any("评价期外的材料" in line for line in completeness_lines(load_ok(project)))


def test_event_spanning_into_the_period_counts(project):
    criteria(project)
    project.write(
        "data/events/long.yml", EVENT.replace("2022-05-01", "2020-11") + "end_date: 2021-02\ncriteria: [bushu]\n"
    )
    entry = next(e for e in build_dossier(load_ok(project)).entries if e.id == "bushu")
    assert [e.id for e in entry.events] == ["long"]


def test_assessment_province_and_year_choose_the_criteria(project):
    criteria(project, other="title: 别省标准\nprovince: 别省\n")
    project.write(
        "data/site.yml",
        project.root.joinpath("data/site.yml").read_text(encoding="utf-8")
        + "assessment:\n  standard: 测试省文明单位考核标准\n  province: 测试省\n",
    )
    project.write(EV, EVENT + "criteria: [other, bushu]\n")  # citing an unused criterion is not an error
    data = load_ok(project)
    dossier = build_dossier(data)
    assert "other" not in {e.id for e in dossier.entries}
    assert [c.id for c in dossier.unused] == ["other"]
    assert dossier.standard == "测试省文明单位考核标准"
    assert [c.id for c in dossier.criteria_of(data.events["a"])] == ["bushu"]


def test_bad_period_is_reported(project):
    project.write(
        "data/site.yml",
        project.root.joinpath("data/site.yml").read_text(encoding="utf-8") + "assessment:\n  period: 五年\n",
    )
    p = only_problem(project, "data/site.yml")
    assert p.field == "assessment.period" and "近三年" in p.message


# -- the completeness report ------------------------------------------------------------------------


def test_completeness_report_lists_what_is_missing(project):
    criteria(project)
    project.write("data/events/a.yml", EVENT + "criteria: [bushu]\n")
    project.write("data/events/b.yml", EVENT)
    project.write("data/figures/f.yml", FIGURE.replace("value: 35", 'value: "**"'))
    project.write("data/entrepreneurs/zhang-san.yml", PERSON)
    lines = summary_lines(load_ok(project))
    text = "\n".join(lines)
    assert "没有佐证材料的考核标准：1 条" in text and "data/criteria/dangjian.yml: 党建引领" in text
    assert "没有情况说明（explanation）的考核标准：1 条" in text
    assert "未标注考核标准（criteria）的记录：活动 1 项，数据 1 项。" in text
    assert "data/events/: b" in text
    assert "未公开的数字" in text and "data/figures/f.yml" in text  # withheld figures
    assert "没有照片的企业家：1 位" in text  # profiles without photos


def test_no_criteria_no_dossier_lines(project):
    project.write(EV, EVENT)
    data = load_ok(project)
    assert completeness_lines(data) == []
    assert records_without_criteria(data) == {"events": (data.events["a"],)}


def test_check_command_prints_the_completeness_report(project, capsys):
    criteria(project)
    project.write(EV, EVENT + "criteria: [bushu]\n")
    assert main(["check", "--root", str(project.root)]) == 0
    out = capsys.readouterr().out
    assert "没有佐证材料的考核标准：1 条" in out and "data/criteria/dangjian.yml" in out


def test_check_command_reports_a_bad_citation(project, capsys):
    criteria(project)
    project.write(EV, EVENT + "criteria: [nosuch]\n")
    assert main(["check", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert "data/events/a.yml:4: criteria: " in err


def test_many_problems_reported_together(project):
    criteria(
        project, long="title: 长\nitem: zuzhi\nexplanation: " + "字" * 600 + "\n", lost="title: 迷路\nitem: nosuch\n"
    )
    project.write(EV, EVENT + "criteria: [nosuch]\nformer_ids: [a]\n")
    items = problems_of(project)
    assert find(items, field="item").path == "data/criteria/lost.yml"
    assert find(items, field="explanation").line == 3
    assert find(items, field="criteria").path == EV
    assert find(items, field="former_ids").path == EV, report(items)
