"""The published JSON Schemas are generated from showcase.schema and must stay in sync."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from datakit import read_yaml_12
from showcase import model as schema
from showcase.tools.jsonschema import all_schemas
from showcase.tools.project import ProjectInfo

REPO = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_code():
    """schemas/ holds the product's schemas, or those `showcase schemas` wrote for this unit's own lists."""
    folder = REPO / "schemas"
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.schema.json")}
    product, unit = all_schemas(), all_schemas(ProjectInfo.read(REPO).describing())
    assert set(committed) == set(product), "运行 showcase schemas 重新生成 schemas/"
    for name in product:
        assert committed[name] in (product[name], unit[name]), f"schemas/{name} 已过期：运行 showcase schemas 重新生成"


@pytest.mark.parametrize("kind", [schema.SITE, *schema.RECORD_KINDS], ids=lambda k: k.name)
def test_schema_is_valid_and_covers_every_field(kind):
    doc = json.loads(all_schemas()[f"{kind.name}.schema.json"])
    jsonschema.Draft7Validator.check_schema(doc)
    assert set(doc["properties"]) == {f.name for f in kind.fields}
    assert doc["additionalProperties"] is False
    for f in kind.fields:
        assert doc["properties"][f.name]["title"] == f.label  # Chinese label for the editor's tooltip


def _records(folder: str):
    return sorted((REPO / "data" / folder).glob("*.yml"))


@pytest.mark.parametrize("kind", schema.RECORD_KINDS, ids=lambda k: k.name)
def test_example_records_pass_their_schema(kind):
    """This project's records pass the schemas made with its own lists (what `showcase schemas` writes)."""
    doc = json.loads(all_schemas(ProjectInfo.read(REPO).describing())[f"{kind.name}.schema.json"])
    files = _records(kind.folder)
    assert files
    for path in files:
        jsonschema.validate(read_yaml_12(path.read_text(encoding="utf-8")), doc)


def test_schema_flags_a_typo_and_a_bad_choice():
    doc = json.loads(all_schemas()["event.schema.json"])
    good = {"title": "活动", "date": "2022-05-01", "category": "教育培训"}
    jsonschema.validate(good, doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "tittle": "x"}, doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "category": "不存在的类别"}, doc)


def test_vscode_settings_map_every_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(p).name for p in settings["yaml.schemas"]}
    assert mapped == set(all_schemas())
