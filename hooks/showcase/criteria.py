"""Loading the assessment criteria and checking what refers to them.

Called by :mod:`showcase.loader` while it loads a project: criteria files become
:class:`~showcase.records.Criterion` records (two levels: 测评项目 and their 测评内容);
``criteria:`` lists in records and in narrative front matter are resolved against them;
``former_ids`` are checked against every current id, so an old address can never be taken
by another record. Every problem is reported with its file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from . import schema, vocab
from .records import Assessment, Criterion, Narrative, Origin, frozen_lines

if TYPE_CHECKING:  # pragma: no cover
    from .loader import _Loader

DEFAULT_PERIOD = vocab.ASSESSMENT_PERIODS[0]  # 近三年
FOLDER = schema.CRITERION.folder


def assessment_of(values: Mapping | None) -> Assessment:
    """The site's assessment settings (site.yml ``assessment``), with defaults."""
    values = values or {}
    return Assessment(
        period=values.get("period") or DEFAULT_PERIOD,
        standard=values.get("standard"),
        province=values.get("province"),
        year=values.get("year"),
    )


def build_criteria(loader: _Loader, published: Mapping[str, dict]) -> dict[str, Criterion]:
    """Criterion records by id; report items that name an unknown or a nested parent."""
    out: dict[str, Criterion] = {}
    for criterion_id, item in sorted(published.items()):
        values = dict(item["values"])
        lines, rel = item["lines"], item["rel"]
        parent = values.get("item")
        if parent is not None:
            line = lines.get("item", 1)
            if parent == criterion_id:
                loader.problems.add(rel, line, "item", "测评内容不能属于它自己：请写所属测评项目的编号，或删除 item")
                parent = None
            elif loader.resolve_ref(parent, FOLDER, published, {}, rel, line, "item") is None:
                parent = None
            elif published[parent]["values"].get("item") is not None:
                grand = published[parent]["values"]["item"]
                loader.problems.add(
                    rel,
                    line,
                    "item",
                    f"“{parent}”本身是测评内容（属于“{grand}”）。考核标准只有两级：item 请写测评项目的编号，例如 {grand}",
                )
                parent = None
        values["item"] = parent
        values.setdefault("wording_known", False)
        out[criterion_id] = Criterion(id=criterion_id, origin=Origin(rel, frozen_lines(lines)), **values)
    return out


def resolve_citations(
    loader: _Loader, cited: tuple[str, ...], lines: Mapping[str, int], rel: str, criteria: Mapping[str, dict]
) -> tuple[str, ...]:
    """The cited criterion ids that exist; each unknown id is reported at its own line."""
    return tuple(
        ref
        for index, ref in enumerate(cited, start=1)
        if loader.resolve_ref(
            ref, FOLDER, criteria, {}, rel, lines.get(f"criteria[{index}]", lines.get("criteria", 1)), "criteria"
        )
    )


def check_former_ids(loader: _Loader, loaded: Mapping[str, tuple[dict, dict]]) -> None:
    """A former id keeps an old address alive: it may not be any current id in its folder,
    nor another record's former id, nor the record's own id."""
    for kind in schema.RECORD_KINDS:
        if kind.field("former_ids") is None:
            continue
        published, unpublished = loaded[kind.name]
        current: dict[str, str] = {rid: item["rel"] for rid, item in published.items()}
        current.update(unpublished)
        claimed: dict[str, str] = {}
        for record_id, item in sorted(published.items()):
            lines, rel = item["lines"], item["rel"]
            for index, old in enumerate(item["values"].get("former_ids", ()), start=1):
                line = lines.get(f"former_ids[{index}]", lines.get("former_ids", 1))
                if old == record_id:
                    loader.problems.add(rel, line, "former_ids", f"“{old}”是这条记录现在的编号，不是原编号，请删除")
                elif old in current:
                    loader.problems.add(
                        rel,
                        line,
                        "former_ids",
                        f"原编号“{old}”正被 {current[old]} 使用：同一个网址不能既是现有页面又转到别处。"
                        "请删除这个原编号，或给那条记录改名",
                    )
                elif old in claimed:
                    loader.problems.add(
                        rel,
                        line,
                        "former_ids",
                        f"原编号“{old}”已写在 {claimed[old]} 中：一个旧网址只能转到一个页面，请删除其中一处",
                    )
                else:
                    claimed[old] = rel


def narratives_of(loader: _Loader, citations, criteria: Mapping[str, dict]) -> dict[str, Narrative]:
    """Narratives by docs path, with their citations resolved (unknown ids reported)."""
    out: dict[str, Narrative] = {}
    for citation in citations:
        narrative = citation.narrative
        rel = narrative.origin.path if narrative.origin else narrative.src
        cited = resolve_citations(loader, narrative.criteria, citation.lines, rel, criteria)
        if cited:
            out[narrative.src] = Narrative(narrative.src, narrative.title, cited, narrative.origin)
    return out
