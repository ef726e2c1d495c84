"""The dossier (申报材料): every criterion with its explanation and its evidence.

Evidence is whatever cites a criterion: events, honors and figures (``criteria:`` in their
YAML) and narratives (``criteria:`` in the front matter of a page in ``docs/``). Records
dated outside the assessment period (site.yml ``assessment.period``) are left out and
counted. A criterion is flagged when it has no evidence or no explanation; only the
criteria that are assessed themselves count (a 测评项目 with 测评内容 is assessed through them).
This module knows nothing of MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import Criterion, Dataset, Event, Figure, Honor, Narrative, Record

KIND_LABELS = (("events", "活动"), ("honors", "荣誉"), ("figures", "数据"), ("narratives", "工作叙述"))


@dataclass(frozen=True)
class Entry:
    """One criterion in the dossier, with its evidence newest first."""

    criterion: Criterion
    children: tuple[Entry, ...] = ()
    events: tuple[Event, ...] = ()
    honors: tuple[Honor, ...] = ()
    figures: tuple[Figure, ...] = ()
    narratives: tuple[Narrative, ...] = ()
    outside_period: int = 0  # citing records dated outside the assessment period

    @property
    def id(self) -> str:
        return self.criterion.id

    @property
    def assessed(self) -> bool:
        """Judged on its own: a 测评内容, or a 测评项目 without 测评内容."""
        return not self.children

    @property
    def evidence_count(self) -> int:
        return len(self.events) + len(self.honors) + len(self.figures) + len(self.narratives)

    def groups(self) -> list[tuple[str, str, tuple[Any, ...]]]:
        """(kind, Chinese label, records) for each kind of evidence present, in a fixed order."""
        return [(kind, label, getattr(self, kind)) for kind, label in KIND_LABELS if getattr(self, kind)]

    @property
    def missing_evidence(self) -> bool:
        return self.assessed and self.evidence_count == 0

    @property
    def missing_explanation(self) -> bool:
        return self.assessed and not self.criterion.explanation

    @property
    def flagged(self) -> bool:
        return self.missing_evidence or self.missing_explanation


@dataclass(frozen=True)
class Dossier:
    items: tuple[Entry, ...]  # 测评项目 in order, each with its 测评内容
    first_year: int
    last_year: int
    period_label: str
    standard: str | None = None
    unused: tuple[Criterion, ...] = ()  # criteria of another province or year (site.yml)
    outside_period: tuple[object, ...] = ()  # citing records left out by the period
    off_standard: tuple[tuple[Record, str], ...] = ()  # (record, criterion id) citing an unused criterion
    by_record: dict[str, tuple[Criterion, ...]] = field(default_factory=dict)  # "events/<id>" → criteria

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every criterion in order: each 测评项目 followed by its 测评内容."""
        out: list[Entry] = []
        for item in self.items:
            out.append(item)
            out.extend(item.children)
        return tuple(out)

    @property
    def assessed(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.assessed)

    @property
    def without_evidence(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.missing_evidence)

    @property
    def without_explanation(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.missing_explanation)

    @property
    def period_text(self) -> str:
        if self.first_year == self.last_year:
            return f"{self.first_year}年（{self.period_label}）"
        return f"{self.first_year}年—{self.last_year}年（{self.period_label}）"

    def criteria_of(self, record: Record | Narrative) -> tuple[Criterion, ...]:
        """The criteria (in use) a record or narrative cites, in dossier order."""
        return self.by_record.get(record.key, ())


def _in_use(criterion: Criterion, data: Dataset) -> bool:
    assessment = data.site.assessment
    if assessment.province and criterion.province and criterion.province != assessment.province:
        return False
    return not (assessment.year and criterion.year and criterion.year != assessment.year)


def build_dossier(data: Dataset) -> Dossier:
    """Group every citation by criterion, filter by the assessment period, flag the gaps."""
    assessment = data.site.assessment
    first, last = assessment.years(data.site.application.year)
    in_use = {cid: c for cid, c in data.criteria.items() if _in_use(c, data)}
    unused = tuple(c for cid, c in sorted(data.criteria.items()) if cid not in in_use)

    cited: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    outside: dict[str, int] = defaultdict(int)
    left_out: list[object] = []
    by_record: dict[str, list[Criterion]] = defaultdict(list)
    off_standard: list[tuple[Record, str]] = []
    for kind, records in (("events", data.events), ("honors", data.honors), ("figures", data.figures)):
        for record in records.values():
            off_standard += [(record, cid) for cid in record.criteria if cid not in in_use]
            ids = [cid for cid in record.criteria if cid in in_use]
            if not ids:
                continue
            for cid in ids:
                by_record[f"{kind}/{record.id}"].append(in_use[cid])
            start, end = record.years()
            if end < first or start > last:
                left_out.append(record)
                for cid in ids:
                    outside[cid] += 1
                continue
            for cid in ids:
                cited[cid][kind].append(record)
    for narrative in data.narratives.values():
        for cid in narrative.criteria:
            if cid in in_use:
                cited[cid]["narratives"].append(narrative)
                by_record[f"narratives/{narrative.src}"].append(in_use[cid])

    def entry(criterion: Criterion, children: tuple[Entry, ...] = ()) -> Entry:
        found = cited.get(criterion.id, {})
        return Entry(
            criterion,
            children,
            events=tuple(sorted(found.get("events", ()), key=lambda r: (r.date, r.id), reverse=True)),
            honors=tuple(sorted(found.get("honors", ()), key=lambda r: (r.date, r.id), reverse=True)),
            figures=tuple(sorted(found.get("figures", ()), key=lambda r: (r.as_of, r.id), reverse=True)),
            narratives=tuple(found.get("narratives", ())),
            outside_period=outside.get(criterion.id, 0),
        )

    children_of: dict[str, list[Criterion]] = defaultdict(list)
    for criterion in in_use.values():
        if criterion.item and criterion.item in in_use:
            children_of[criterion.item].append(criterion)
    tops = [c for c in in_use.values() if not (c.item and c.item in in_use)]
    items = tuple(
        entry(top, tuple(entry(child) for child in sorted(children_of[top.id], key=lambda c: c.sort_key)))
        for top in sorted(tops, key=lambda c: c.sort_key)
    )
    order = {e.id: n for n, e in enumerate(e for item in items for e in (item, *item.children))}
    return Dossier(
        items=items,
        first_year=first,
        last_year=last,
        period_label=assessment.period.label,
        standard=assessment.standard,
        unused=unused,
        outside_period=tuple(left_out),
        off_standard=tuple(off_standard),
        by_record={key: tuple(sorted(value, key=lambda c: order[c.id])) for key, value in by_record.items()},
    )


def records_without_criteria(data: Dataset) -> dict[str, tuple[Event | Honor | Figure, ...]]:
    """Published events, honors and figures that cite no criterion, by folder."""
    out = {}
    for folder in ("events", "honors", "figures"):
        missing = tuple(r for r in data.evidence(folder) if not r.criteria)
        if missing:
            out[folder] = missing
    return out
