"""What a page is described by: the meta description and the share card's text (plain)."""

from __future__ import annotations

from ..model import Area, Dataset, Record

DESCRIPTION_LIMIT = 150


def clip(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def description(
    data: Dataset, record: Record | None = None, area: Area | None = None, kind: str | None = None
) -> str | None:
    """The summary a page is described by (meta description, Open Graph), plain text."""
    if record is not None:
        text = record.description()
        return clip(text) if text else None
    if area is not None and area.summary:
        return clip(area.summary)
    unit = data.site.unit
    if kind == "home" and unit.description:
        return clip(unit.description)
    if kind == "dossier":
        return clip(f"{unit.name}申报{data.site.application.title}：考核标准逐条对照的情况说明和佐证材料。")
    if kind == "report":
        return clip(f"{unit.name}创建{data.site.application.title}自查报告（可打印）。")
    return None
