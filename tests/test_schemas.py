"""The published JSON Schemas are generated from showcase.schema and must stay in sync."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from showcase import model as schema
from showcase.tools.jsonschema import all_schemas

REPO = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_code():
    expected = all_schemas()
    folder = REPO / "schemas"
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.schema.json")}
    assert set(committed) == set(expected), "运行 showcase schemas 重新生成 schemas/"
    for name, text in expected.items():
        assert committed[name] == text, f"schemas/{name} 已过期：运行 showcase schemas 重新生成"


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
    doc = json.loads(all_schemas()[f"{kind.name}.schema.json"])
    files = _records(kind.folder)
    assert files
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), doc)


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
