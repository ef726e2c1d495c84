"""A field as the form editor shows it (Sveltia CMS, which reads Decap CMS field options).

Each field type describes its own input (:meth:`FieldType.cms_widget`), the way it describes its
JSON Schema; :func:`cms_field` adds what every field has: name, label, help and whether it is
required. The form's checks (``pattern``, ``maxlength``, ``required``) restate the loader's rules
for what an editor types; the loader stays the authority and reports anything else on the
preview's problem page and in the editor's check panel.
"""

from __future__ import annotations

from .base import JSON, Describing, Field

DATA_FOLDER = "data"  # records live in <project>/data/, as the loader reads them
SETTINGS_COLLECTION = "settings"  # the form's file collection holding data/site.yml


def pattern(regex: str, message: str) -> JSON:
    """A form check: the value must match ``regex`` (JavaScript syntax), else ``message``."""
    return {"pattern": [regex, message]}


def cms_field(f: Field, env: Describing) -> JSON:
    """The form editor's description of one field, with its Chinese label and help."""
    out: JSON = {"name": f.name, "label": f.label}
    hint = f.form_help if f.form_help is not None else f.help
    if hint:
        out["hint"] = hint
    out["required"] = f.required  # Sveltia's default is true: always say it
    out.update(f.type.cms_widget(f, env))
    return out


def cms_fields(fields: tuple[Field, ...], env: Describing) -> list[JSON]:
    return [cms_field(f, env) for f in fields]
