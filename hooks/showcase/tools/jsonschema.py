"""JSON Schemas for editors' YAML-aware editors (schemas/*.schema.json), from the record kinds.

``showcase schemas`` rewrites them; a test fails when the committed files differ from what the
declarations produce.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import DATA_KINDS, SITE, describing
from ..schema import Describing, Field, object_schema


def kind_schema(title: str, fields: tuple[Field, ...], env: Describing) -> dict[str, Any]:
    """The complete JSON Schema document for one record kind (or site.yml)."""
    doc: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title}
    doc.update(object_schema(fields, env))
    return doc


def all_schemas(env: Describing | None = None) -> dict[str, str]:
    """File name → JSON text for every kind, deterministic."""
    env = env or describing()
    documents = [
        (k.name, kind_schema(f"{k.label}（data/{k.folder or 'site.yml'}）", k.fields, env)) for k in (SITE, *DATA_KINDS)
    ]
    return {f"{name}.schema.json": json.dumps(doc, ensure_ascii=False, indent=2) + "\n" for name, doc in documents}


def write_schemas(folder: Path, env: Describing | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas(env).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
