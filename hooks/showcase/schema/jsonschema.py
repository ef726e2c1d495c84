"""JSON Schema of a field: its title and help, then what its type says."""

from __future__ import annotations

from .base import JSON, Describing, Field


def field_schema(f: Field, env: Describing) -> JSON:
    """JSON Schema of one field, with its Chinese label and help."""
    out: JSON = {"title": f.label}
    if f.help:
        out["description"] = f.help
    out.update(f.type.json_schema(f, env))
    if f.default is not None and not callable(f.default):
        out["default"] = f.default
    return out
