"""The field tables of the editing guide (guide/编辑指南.md), generated from :mod:`showcase.schema`.

``showcase guide-fields --write`` rewrites the tables between the markers
``<!-- 字段表:<kind> -->`` and ``<!-- /字段表:<kind> -->``; a test fails when the committed
guide differs from what the schema produces, so the guide cannot drift from the code.
"""

from __future__ import annotations

import re

from . import schema
from .importer import columns
from .schema import Field, Kind

GUIDE_PATH = "guide/编辑指南.md"
TABLE_KINDS: tuple[Kind, ...] = (schema.EVENT, schema.HONOR, schema.ENTREPRENEUR, schema.FIGURE, schema.SITE)
_IMPORTABLE = {k.name for k in (schema.EVENT, schema.HONOR, schema.ENTREPRENEUR)}


def _limit(spec: Field) -> str:
    return f"，最多 {spec.max_length} 字" if spec.max_length else ""


def type_text(spec: Field) -> str:
    """How to write a value of this field, in Chinese (Markdown)."""
    t = spec.type
    if t == schema.TEXT:
        return "一行文字" + _limit(spec)
    if t == schema.LONGTEXT:
        return "文字，可以换行" + _limit(spec)
    if t == schema.MARKDOWN:
        return "多段文字（Markdown），写成 `|` 后换行缩进" + _limit(spec)
    if t == schema.DATE:
        return '日期：`"2022-05-01"`、`"2022-05"` 或 `"2022"`'
    if t == schema.INT:
        return "整数"
    if t == schema.NUMBER:
        return "数字"
    if t == schema.QUANTITY:
        return '数字；未公开的写 `"**"`（带引号）'
    if t == schema.BOOL:
        return "`true` 或 `false`"
    if t == schema.CHOICE:
        return "选一个：" + "、".join(term.label for term in spec.choices)
    if t == schema.REF:
        if spec.ref == "area":
            return "工作板块编号（见 `data/site.yml` 的 `areas`）"
        target = schema.KINDS_BY_NAME.get(spec.ref or "")
        return f"{target.label}编号（`data/{target.folder}/` 中的文件名，不含 `.yml`）" if target else "编号"
    if t == schema.REF_LIST:
        return "编号列表，例如 `[zhang-san, li-si]`"
    if t == schema.SOURCE:
        return "`events/编号`、`honors/编号` 或 `entrepreneurs/编号`"
    if t == schema.TAGS:
        return "标签列表，例如 `[党建, 培训]`" + (f"，每个最多 {spec.max_length} 字" if spec.max_length else "")
    if t == schema.URL:
        return "`https://` 开头的网址，或站内路径" + _limit(spec)
    if t == schema.IMAGE:
        return "图片：下面的 `src`、`alt` 两个子字段"
    if t == schema.IMAGE_LIST:
        return "图片列表：每项以 `- ` 开头，写 `src`、`alt`"
    if t == schema.OBJECT:
        return "几个缩进的子字段（见下面几行）"
    if t == schema.LIST:
        return "列表：每项以 `- ` 开头，写下面的子字段"
    if t == schema.PRIVATE:
        return "任意“名称: 内容”，只供内部使用"
    return t  # pragma: no cover


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(fields: tuple[Field, ...], prefix: str, headers: dict[str, str] | None, parent: str = ""):
    for spec in fields:
        path = prefix + spec.name
        required = ("必填" if not parent else f"写了 `{parent}` 时必填") if spec.required else ""
        row = [f"`{path}`", spec.label, required, type_text(spec), spec.help]
        if headers is not None:
            key = re.sub(r"\[\]", "", path)
            row.append(headers.get(key, "—"))
        yield "| " + " | ".join(_cell(c) for c in row) + " |"
        if spec.fields:
            sub = f"{path}[]." if spec.type in (schema.LIST, schema.IMAGE_LIST) else f"{path}."
            yield from _rows(spec.fields, sub, headers, "" if spec.required and not parent else path)


def kind_table(kind: Kind) -> str:
    """A Markdown table of every field of ``kind``, nested fields included."""
    importable = kind.name in _IMPORTABLE
    headers = None
    if importable:
        headers = {c.path: c.header for c in columns(kind)}
        if "private.note" in headers:  # one column holds a private note
            headers["private"] = headers.pop("private.note")
    head = ["字段", "中文名", "必填", "写法", "说明"] + (["表格列名"] if importable else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend(_rows(kind.fields, "", headers))
    if importable:
        lines.append("")
        lines.append("表格导入时另有“编号”列（可不填）。标为“—”的字段不能从表格导入，导入后在文件中补充。")
    return "\n".join(lines)


def _markers(kind: Kind) -> tuple[str, str]:
    return f"<!-- 字段表:{kind.name} -->", f"<!-- /字段表:{kind.name} -->"


def all_tables() -> str:
    parts = []
    for kind in TABLE_KINDS:
        start, end = _markers(kind)
        parts.append(f"{start}\n{kind_table(kind)}\n{end}")
    return "\n\n".join(parts)


def update_guide(text: str) -> str:
    """Replace every marked table in the guide's text with the current one."""
    for kind in TABLE_KINDS:
        start, end = _markers(kind)
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
        text = pattern.sub(lambda _m, k=kind, s=start, e=end: f"{s}\n{kind_table(k)}\n{e}", text)
    return text
