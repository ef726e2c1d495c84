"""Rules only the whole project can check: the criteria's two levels and former ids.

Criteria files become :class:`~showcase.model.Criterion` records (测评项目 and their
测评内容); ``former_ids`` are checked against every current id, so an old address can never
be taken by another record. Every problem is reported with its file and line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..core.problems import Problems
from ..model import Criterion, Record


def check_levels(criteria: Mapping[str, Criterion], problems: Problems) -> dict[str, Criterion]:
    """Criteria by id, each ``item`` pointing at a 测评项目 (or dropped with a problem)."""
    out: dict[str, Criterion] = {}
    for criterion_id, criterion in sorted(criteria.items()):
        parent = criterion.item
        origin = criterion.origin
        rel, line = (origin.path, origin.line("item")) if origin else ("data/criteria", 1)
        if parent is not None:
            if parent == criterion_id:
                problems.add(rel, line, "item", "测评内容不能属于它自己：请写所属测评项目的编号，或删除 item")
                parent = None
            elif parent in criteria and criteria[parent].item is not None:
                grand = criteria[parent].item
                problems.add(
                    rel, line, "item",
                    f"“{parent}”本身是测评内容（属于“{grand}”）。考核标准只有两级：item 请写测评项目的编号，例如 {grand}",
                )
                parent = None
        out[criterion_id] = criterion if parent == criterion.item else dataclasses.replace(criterion, item=parent)
    return out


def check_former_ids(
    records: Mapping[str, Record], unpublished: Mapping[str, str], problems: Problems
) -> None:
    """A former id keeps an old address alive: it may not be any current id in its folder,
    nor another record's former id, nor the record's own id. ``records``: the published
    records of one kind; ``unpublished``: id → file of the others."""
    current: dict[str, str] = {rid: r.origin.path for rid, r in records.items() if r.origin}
    current.update(unpublished)
    claimed: dict[str, str] = {}
    for record_id, record in sorted(records.items()):
        former: tuple[str, ...] = getattr(record, "former_ids", ())
        if not former or record.origin is None:
            continue
        rel = record.origin.path
        for index, old in enumerate(former, start=1):
            line = record.origin.lines.get(f"former_ids[{index}]", record.origin.line("former_ids"))
            if old == record_id:
                problems.add(rel, line, "former_ids", f"“{old}”是这条记录现在的编号，不是原编号，请删除")
            elif old in current:
                problems.add(
                    rel, line, "former_ids",
                    f"原编号“{old}”正被 {current[old]} 使用：同一个网址不能既是现有页面又转到别处。"
                    "请删除这个原编号，或给那条记录改名",
                )
            elif old in claimed:
                problems.add(
                    rel, line, "former_ids", f"原编号“{old}”已写在 {claimed[old]} 中：一个旧网址只能转到一个页面，请删除其中一处"
                )
            else:
                claimed[old] = rel
