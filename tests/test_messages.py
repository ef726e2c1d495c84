"""Messages that lead an editor to the real problem, not to a cascade (issue 14)."""

from __future__ import annotations

from datakit import EVENT, HONOR, PERSON, load_ok, problems_of, report
from showcase.derive.summary import summary_lines
from showcase.model import HONOR as HONOR_KIND
from showcase.tools.cli import main
from showcase.tools.scaffold import create_record


def test_a_reference_to_a_record_with_errors_says_so(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON.replace("company: 测试有限公司\n", ""))  # invalid
    project.write("data/events/a.yml", EVENT + "entrepreneurs: [zhang-san]\n")
    found = problems_of(project)
    reference = [p for p in found if p.path == "data/events/a.yml"]
    assert len(reference) == 1, report(found)
    assert "本身有错误" in reference[0].message and "data/entrepreneurs/zhang-san.yml" in reference[0].message
    assert "找不到" not in reference[0].message
    assert any(p.path == "data/entrepreneurs/zhang-san.yml" and "company" in p.field for p in found)


def test_no_suggestion_names_a_record_with_errors(project):
    project.write("data/entrepreneurs/zhang-san.yml", PERSON.replace("company: 测试有限公司\n", ""))
    project.write("data/events/a.yml", EVENT + "entrepreneurs: [zhang-sa]\n")
    found = [p for p in problems_of(project) if p.path == "data/events/a.yml"]
    assert found and "zhang-san" not in found[0].message, report(found)


def test_an_invalid_area_id_is_not_offered_as_a_choice(project):
    site = (project.root / "data/site.yml").read_text(encoding="utf-8")
    project.write("data/site.yml", site.replace("id: area-two", "id: index"))  # well formed, but reserved
    project.write("data/events/a.yml", EVENT + "area: nowhere\n")
    project.write("data/events/b.yml", EVENT + "area: index\n")
    found = problems_of(project)
    site_problems = [p for p in found if p.path == "data/site.yml"]
    assert len(site_problems) == 1 and "index" in site_problems[0].message, report(found)
    nowhere = next(p for p in found if p.path == "data/events/a.yml")
    assert "area-one" in nowhere.message and "index" not in nowhere.message
    written = next(p for p in found if p.path == "data/events/b.yml")
    assert "site.yml" in written.message


def test_a_value_yaml_cannot_start_with_says_to_quote_it(project):
    site = (project.root / "data/site.yml").read_text(encoding="utf-8")
    project.write("data/site.yml", site.replace("  short_name: 测试协会", "  short_name: %测试协会"))
    found = problems_of(project)
    assert any("引号" in p.message and "%" in p.message for p in found), report(found)


def test_front_matter_with_only_a_comment_is_not_a_problem(project):
    project.write("docs/outlook.md", "---\n# 这篇叙述可以写 criteria: [编号]\n---\n# 展望\n")
    load_ok(project)


def test_the_summary_names_kinds_in_chinese_and_tells_consent_apart(project):
    project.write("data/entrepreneurs/a.yml", PERSON + "published: false\n")
    project.write("data/entrepreneurs/b.yml", PERSON.replace("scope:", "withdrawn: 2023-01-01\n  scope:"))
    project.write("data/honors/h.yml", HONOR + "published: false\n")
    lines = summary_lines(load_ok(project))
    switched_off = next(line for line in lines if line.startswith("未发布（published: false）"))
    assert "企业家 1 条" in switched_off and "荣誉 1 条" in switched_off and "entrepreneurs" not in switched_off
    assert any("撤回同意" in line and "b" in line for line in lines)


def test_a_new_honor_takes_its_year_from_the_title(project, capsys):
    created = create_record(project.root, HONOR_KIND, "2021年度全省工商联系统先进集体")
    assert created.record_id.startswith("2021-") and "2021-2021" not in created.record_id
    text = created.path.read_text(encoding="utf-8")
    assert 'date: "2021"' in text


def test_check_reports_embed_mistakes_like_the_build(project, capsys):
    project.write("docs/outlook.md", "# 展望\n\n数字：[[figure:no-such]]\n")
    assert main(["check", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert "docs/outlook.md:3" in err and "no-such" in err


def test_check_reminds_of_leftovers(project, capsys):
    project.write("docs/old-page.md", "# 示例页面\n\n示例市的旧内容。\n")
    assert main(["check", "--root", str(project.root)]) == 0
    out = capsys.readouterr().out
    assert "docs/old-page.md" in out and "导航" in out and "示例" in out
