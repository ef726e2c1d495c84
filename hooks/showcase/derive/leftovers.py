"""Silent leftovers a unit should not publish: pages nobody can reach, the example's words.

A unit starts from the example (or from ``showcase init``) and replaces its content. What it
forgets is published without a word unless someone says so: a narrative left in docs/ that
no navigation leads to, text still marked 示例 in a site that says it is not sample data.
Both become warnings (``--strict`` fails on them) in the build and lines in ``showcase check``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..core.text import TODO_MARK
from ..model import Dataset

SAMPLE_MARK = "示例"
HOME, OUTLOOK = "index.md", "outlook.md"


def _texts(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name not in ("origin", "id"):
                yield from _texts(getattr(value, field.name))


def sample_leftovers(data: Dataset, pages: list[tuple[str, str, int]]) -> list[str]:
    """Files still holding the example's marker word in a site that is not sample data."""
    if data.site.sample:
        return []
    found: list[str] = []
    if any(SAMPLE_MARK in text for text in _texts(data.site)):
        found.append("data/site.yml")
    for record in data.records():
        if any(SAMPLE_MARK in text for text in _texts(record)):
            found.append(record.origin.path if record.origin else f"data/{record.folder}/{record.id}.yml")
    found += [path for path, body, _ in pages if SAMPLE_MARK in body]
    return [
        f"{path}: 含有“{SAMPLE_MARK}”字样，但 data/site.yml 写的是 sample: false（不是示例数据）："
        "这可能是示例项目留下的内容，请改写或删除"
        for path in sorted(set(found))
    ]


def todo_leftovers(data: Dataset, pages: list[tuple[str, str, int]]) -> list[str]:
    """Files that still hold a value marked 【待填写】 (from ``showcase new`` or ``showcase init``)."""
    found: list[str] = []
    if any(TODO_MARK in text for text in _texts(data.site)):
        found.append("data/site.yml")
    for record in data.records():
        if any(TODO_MARK in text for text in _texts(record)):
            found.append(record.origin.path if record.origin else f"data/{record.folder}/{record.id}.yml")
    found += [path for path, body, _ in pages if TODO_MARK in body]
    return [f"{path}: 还有标着{TODO_MARK}的内容，请改为实际内容" for path in sorted(set(found))]


def nav_sources(nav: object) -> set[str]:
    """Every page path named in a navigation configuration (mkdocs.yml ``nav``)."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_sources(value)
    elif isinstance(nav, (list, tuple)):
        for item in nav:
            found |= nav_sources(item)
    return found


def unreachable_pages(data: Dataset, docs_pages: Iterable[str], nav_pages: set[str]) -> list[str]:
    """Narratives in docs/ that no navigation reaches (``docs_pages``: paths inside docs/;
    ``nav_pages``: the pages the navigation names)."""
    reachable = {HOME, OUTLOOK, *(area.src for area in data.site.areas)} | nav_pages
    return [
        f"docs/{src}: 这个页面不在导航中，也不是首页、展望或某个工作板块的叙述，访问者找不到它。"
        "请删除它（例如示例项目留下的页面），或在 mkdocs.yml 的 nav 中加入"
        for src in sorted(docs_pages)
        if src not in reachable
    ]
