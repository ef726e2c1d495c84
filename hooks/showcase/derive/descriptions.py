"""What a page is described by: the meta description and the share card's text (plain)."""

from __future__ import annotations

import difflib
import re

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


_NOT_WORDS = re.compile(r"[\s\W_]+", re.UNICODE)  # whitespace, punctuation, Markdown marks
_SAME_ENOUGH = 0.85
_CLAUSE = re.compile(r"[，。；：！？,;:!?\n]")


def _words(text: str) -> str:
    return _NOT_WORDS.sub("", text)


def first_paragraph(markdown: str | None) -> str:
    """The first paragraph of a Markdown text (plain enough to compare)."""
    if not markdown:
        return ""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.strip():
            return block.strip()
    return ""


def repeats_summary(summary: str | None, markdown: str | None) -> bool:
    """Does the body's first paragraph say what the summary says? Then a page shows it once.

    Editors often copy the summary into the body, sometimes changing a comma; one containing
    the other, or nearly the same characters in the same order, counts as a repeat."""
    if not summary or not markdown:
        return False
    a, b = _words(summary), _words(first_paragraph(markdown))
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if shorter in longer and (len(shorter) >= 20 or len(shorter) >= 0.4 * len(longer)):
        return True
    if _similar(a, b):
        return True
    # the same clauses in another order (“甲，乙。” and “乙，甲。”)
    mine = [c for c in map(_words, _CLAUSE.split(summary)) if c]
    theirs = [c for c in map(_words, _CLAUSE.split(first_paragraph(markdown))) if c]
    found = sum(1 for c in mine if any(_similar(c, t) or (c in t and len(c) >= 0.4 * len(t)) for t in theirs))
    return bool(mine) and found / len(mine) >= 0.75


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SAME_ENOUGH
