"""A second unit with its own shape (tests/unitkit.py) builds with no code change, strictly,
and everything that names categories, levels, areas or criteria follows its data."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from showcase.load import load_project
from showcase.tools.cli import main
from showcase.tools.jsonschema import all_schemas
from showcase.tools.project import ProjectInfo
from showcase.tools.templatesheets import write_templates
from sitebuild import build_site
from unitkit import AREAS, CATEGORIES, CRITERIA, LEVELS, SITE_URL, write_unit


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    root = write_unit(tmp_path_factory.mktemp("unit2") / "proj")
    return root, build_site(root, root / "site")  # mkdocs.yml says strict: true


def test_it_builds_strictly_with_its_own_lists(unit):
    _, site = unit
    for slug, label, _, _ in CATEGORIES:
        page = site.content(f"categories/{slug}/")
        assert label in page.get_text()
    honors = site.content("honors/").get_text()
    assert "设区市级" in honors and "县级" in honors


def test_its_dossier_and_report_follow_its_criteria_and_areas(unit):
    _, site = unit
    dossier = site.content("dossier/").get_text()
    for _, title, contents in CRITERIA:
        assert title in dossier
        for _, content in contents:
            assert content in dossier
    report = site.content("report/").get_text()
    for _, title, _ in AREAS:
        assert title in report
    assert "市级文明单位" in report and "省级文明单位" not in report


def test_nothing_of_the_example_is_published(unit):
    root, _site = unit
    for path in (root / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for word in ("示例", "山东", "芝罘", "省级文明单位"):
            assert word not in text, f"{path.relative_to(root)}: {word}"


def test_links_and_canonical_addresses_use_its_sub_path(unit):
    _, site = unit
    canonical = site.soup("events/").find("link", rel="canonical")
    assert canonical["href"] == SITE_URL + "events/"


def test_tools_follow_its_lists(unit, tmp_path):
    root, _ = unit
    env = ProjectInfo.read(root).describing()
    schema = json.loads(all_schemas(env)["event.schema.json"])
    assert {label for _, label, _, _ in CATEGORIES} <= set(schema["properties"]["category"]["enum"])
    assert "双招双引" not in schema["properties"]["category"]["enum"]
    honor = json.loads(all_schemas(env)["honor.schema.json"])
    assert {label for _, label in LEVELS} <= set(honor["properties"]["level"]["enum"])
    written = write_templates(tmp_path / "sheets", env)
    sheet = load_workbook(next(p for p in written if p.name == "活动.xlsx"))["说明"]
    text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    assert "志愿服务" in text and AREAS[0][0] in text and "双招双引" not in text


def test_check_passes_and_reports_its_notes(unit, capsys):
    root, _ = unit
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "数据检查通过" in out and "撤回同意" in out


def test_its_data_loads_with_its_vocabularies(unit):
    root, _ = unit
    data = load_project(root)
    assert [t.label for t in data.vocabularies.event_categories] == [label for _, label, _, _ in CATEGORIES]
    assert any(t.participants for t in data.vocabularies.event_categories)
