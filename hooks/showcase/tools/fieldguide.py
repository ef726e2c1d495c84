"""The field tables of the editing guide (guide/编辑指南.md), generated from the record kinds' declarations.

``showcase guide-fields --write`` rewrites the tables between the markers
``<!-- 字段表:<kind> -->`` and ``<!-- /字段表:<kind> -->``; a test fails when the committed
guide differs from what the schema produces, so the guide cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import ENTREPRENEUR, EVENT, FIGURE, HONOR, SITE, describing
from ..schema import Describing, Field
from .columns import columns

GUIDE_PATH = "guide/编辑指南.md"
_IMPORTABLE = {k.name: k for k in (EVENT, HONOR, ENTREPRENEUR)}
# (marker name, fields): the record kinds and site.yml
TABLES: tuple[tuple[str, tuple[Field, ...]], ...] = tuple((k.name, k.fields) for k in (EVENT, HONOR, ENTREPRENEUR, FIGURE, SITE))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(
    fields: tuple[Field, ...], prefix: str, headers: dict[str, str] | None, env: Describing, parent: str = ""
) -> Iterator[str]:
    for spec in fields:
        path = prefix + spec.name
        required = ("必填" if not parent else f"写了 `{parent}` 时必填") if spec.required else ""
        row = [f"`{path}`", spec.label, required, spec.type.how_to_write(spec, env), spec.help]
        if headers is not None:
            key = re.sub(r"\[\]", "", path)
            row.append(headers.get(key, "—"))
        yield "| " + " | ".join(_cell(c) for c in row) + " |"
        if spec.fields:
            sub = f"{path}[]." if spec.type.list_like else f"{path}."
            yield from _rows(spec.fields, sub, headers, env, "" if spec.required and not parent else path)


def kind_table(name: str, fields: tuple[Field, ...], env: Describing | None = None) -> str:
    """A Markdown table of every field of a kind (or site.yml), nested fields included."""
    env = env or describing()
    importable = name in _IMPORTABLE
    headers = None
    if importable:
        headers = {c.path: c.header for c in columns(_IMPORTABLE[name])}
        if "private.note" in headers:  # one column holds a private note
            headers["private"] = headers.pop("private.note")
    head = ["字段", "中文名", "必填", "写法", "说明"] + (["表格列名"] if importable else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend(_rows(fields, "", headers, env))
    if importable:
        lines.append("")
        lines.append("表格导入时另有“编号”列（可不填）。标为“—”的字段不能从表格导入，导入后在文件中补充。")
    return "\n".join(lines)


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- 字段表:{name} -->", f"<!-- /字段表:{name} -->"


def all_tables(env: Describing | None = None) -> str:
    parts = []
    for name, fields in TABLES:
        start, end = _markers(name)
        parts.append(f"{start}\n{kind_table(name, fields, env)}\n{end}")
    return "\n\n".join(parts)


def update_guide(text: str, env: Describing | None = None) -> str:
    """Replace every marked table in the guide's text with the current one."""
    for name, fields in TABLES:
        start, end = _markers(name)
        table = f"{start}\n{kind_table(name, fields, env)}\n{end}"
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
        text = pattern.sub(lambda _m, table=table: table, text)  # type: ignore[misc]
    return text
