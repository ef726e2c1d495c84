"""JSON Schemas for editors' YAML-aware editors, derived from :mod:`showcase.schema`.

``python -m showcase schemas`` rewrites ``schemas/*.schema.json``; a test fails when the
committed files differ from what the schema module produces.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import schema
from .schema import Field, Kind

_DATE_PATTERN = r"^\s*[0-9０-９]{4}([-/.－年][0-9０-９]{1,2}月?([-/.－][0-9０-９]{1,2}日?|[0-9０-９]{1,2}日)?)?年?\s*$"
_SOURCE_PATTERN = r"^({})/[a-z0-9]+(-[a-z0-9]+)*$".format("|".join(k.folder for k in schema.RECORD_KINDS))


def field_schema(spec: Field) -> dict:
    """JSON Schema of one field, with its Chinese label and help."""
    out: dict = {"title": spec.label}
    if spec.help:
        out["description"] = spec.help
    t = spec.type
    if t in (schema.TEXT, schema.LONGTEXT, schema.MARKDOWN, schema.URL):
        out["type"] = "string"
        if spec.max_length:
            out["maxLength"] = spec.max_length
    elif t == schema.DATE:
        out["anyOf"] = [{"type": "string", "pattern": _DATE_PATTERN}, {"type": "integer", "minimum": 1900, "maximum": 2100}]
    elif t == schema.INT:
        out.update(type="integer", minimum=0)
    elif t == schema.NUMBER:
        out.update(type="number", minimum=0)
    elif t == schema.QUANTITY:
        out["anyOf"] = [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^(\*+|[0-9０-９,.]+)$"}]
    elif t == schema.BOOL:
        out["type"] = "boolean"
    elif t == schema.CHOICE:
        out["enum"] = [term.label for term in spec.choices] + [term.slug for term in spec.choices if term.slug != term.label]
    elif t == schema.REF:
        out.update(type="string", pattern=schema.ID_PATTERN)
    elif t == schema.REF_LIST:
        out.update(type="array", items={"type": "string", "pattern": schema.ID_PATTERN}, uniqueItems=True)
    elif t == schema.SOURCE:
        out.update(type="string", pattern=_SOURCE_PATTERN)
    elif t == schema.TAGS:
        item = {"type": "string", "maxLength": spec.max_length} if spec.max_length else {"type": "string"}
        out["anyOf"] = [{"type": "array", "items": item, "maxItems": 30}, {"type": "string"}]
    elif t in (schema.IMAGE, schema.OBJECT):
        out.update(_object(spec.fields))
    elif t in (schema.LIST, schema.IMAGE_LIST):
        out.update(type="array", items=_object(spec.fields))
    elif t == schema.PRIVATE:
        out["type"] = "object"
    else:  # pragma: no cover
        raise AssertionError(t)
    if spec.default is not None:
        out["default"] = spec.default
    return out


def _object(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def kind_schema(kind: Kind) -> dict:
    """The complete JSON Schema document for one record kind (or site.yml)."""
    doc = {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"{kind.label}（data/{kind.folder or 'site.yml'}）"}
    doc.update(_object(kind.fields))
    return doc


def all_schemas() -> dict[str, str]:
    """File name → JSON text for every kind, deterministic."""
    out = {}
    for kind in (schema.SITE, *schema.DATA_KINDS):
        name = f"{kind.name}.schema.json"
        out[name] = json.dumps(kind_schema(kind), ensure_ascii=False, indent=2) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
