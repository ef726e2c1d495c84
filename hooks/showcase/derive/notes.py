"""Editors' notes: what the editors still have to check or add, never what a visitor reads.

Wording or points of a criterion not yet checked against the standard, an editor's remark on
a criterion, a criterion without evidence or explanation, a date inferred rather than stated
(``date_note``), a record that cites no criterion. One list feeds the completeness report
(printed by ``mkdocs build`` and ``showcase check``) and the boxes the preview shows
(``mkdocs serve``, or a reviewers' draft with ``editor_notes: true`` in site.yml). A published
build prints none of them. This module knows nothing of MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..model import Criterion, Dataset, Event, Honor, Record
from .dossier import Dossier, build_dossier

# The fixed wording of the notes (a test checks none of it reaches a published page).
WORDING_UNCHECKED = "表述待核实：名称尚未与考核标准原文逐字核对（核对后写 wording_known: true）"
POINTS_UNKNOWN = "分值待核实：尚未填写标准规定的分值（points）"
NO_EVIDENCE = "待补充：尚无佐证材料（在活动、荣誉或数据中写 criteria: [本条编号]）"
NO_EXPLANATION = "待补充：尚未填写情况说明（explanation）"
NO_CRITERIA = "未标注考核标准（criteria）：这条记录不会列入申报材料"
DATE_NOTE = "日期说明："
CRITERION_NOTE = "编辑备注："
FIXED_TEXTS = (WORDING_UNCHECKED, POINTS_UNKNOWN, NO_EVIDENCE, NO_EXPLANATION, NO_CRITERIA)


def where(record: Record | Criterion) -> str:
    return record.origin.path if record.origin else f"data/{record.folder}/{record.id}.yml"


@dataclass(frozen=True)
class EditorNote:
    key: str  # "events/<id>", "criteria/<id>": the record the note is about
    text: str  # Chinese, one line
    file: str  # the file to change, e.g. data/events/x.yml
    line: int = 1

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class EditorNotes:
    notes: tuple[EditorNote, ...]
    by_key: Mapping[str, tuple[EditorNote, ...]] = field(default_factory=dict)

    def of(self, key: str) -> tuple[EditorNote, ...]:
        return self.by_key.get(key, ())

    def __iter__(self) -> Iterator[EditorNote]:
        return iter(self.notes)

    def __len__(self) -> int:
        return len(self.notes)

    def texts(self) -> tuple[str, ...]:
        """Every distinct note text (what must never reach a published page)."""
        return tuple(dict.fromkeys(n.text for n in self.notes))


def _line(record: Record | Criterion, name: str) -> int:
    return record.origin.line(name) if record.origin else 1


def editor_notes(data: Dataset, dossier: Dossier | None = None) -> EditorNotes:
    """Every editors' note of the project, in a stable order (criteria, then records by kind)."""
    found: list[EditorNote] = []
    if data.criteria:
        dossier = dossier or build_dossier(data)
        for entry in dossier.entries:
            c = entry.criterion
            key, file = f"criteria/{c.id}", where(c)
            if not c.wording_known:
                found.append(EditorNote(key, WORDING_UNCHECKED, file, _line(c, "title")))
            if entry.assessed and c.points is None:
                found.append(EditorNote(key, POINTS_UNKNOWN, file, _line(c, "title")))
            if c.note:
                found.append(EditorNote(key, CRITERION_NOTE + c.note, file, _line(c, "note")))
            if entry.missing_evidence:
                found.append(EditorNote(key, NO_EVIDENCE, file, _line(c, "title")))
            if entry.missing_explanation:
                found.append(EditorNote(key, NO_EXPLANATION, file, _line(c, "title")))
    dated: list[Event | Honor] = [*data.events.values(), *data.honors.values()]
    for record in dated:
        if record.date_note:
            found.append(EditorNote(record.key, DATE_NOTE + record.date_note, where(record), _line(record, "date_note")))
    if data.criteria:
        for folder in ("events", "honors", "figures"):
            for evidence in data.evidence(folder):
                if not evidence.criteria:
                    found.append(EditorNote(evidence.key, NO_CRITERIA, where(evidence)))
    by_key: dict[str, list[EditorNote]] = defaultdict(list)
    for note in found:
        by_key[note.key].append(note)
    return EditorNotes(tuple(found), {key: tuple(value) for key, value in by_key.items()})
