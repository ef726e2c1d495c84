"""What a project already has, read leniently: a broken file must not stop a command."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.text import id_shape_ok
from ..core.vocab import Term, Vocabularies
from ..load import record_files
from ..model import DATA_KINDS, ENTREPRENEUR, describing
from ..schema import Describing


def existing_files(folder: Path) -> dict[str, Path]:
    """Lower-case id → file for every record file under ``folder`` (as the loader sees them)."""
    found: dict[str, Path] = {}
    for path in record_files(folder):
        found.setdefault(path.stem.lower(), path)
    return found


def _safe_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None


def _vocabularies(site: dict[str, object]) -> Vocabularies:
    """The unit's own lists from site.yml (entries that are not well formed are skipped)."""
    vocabularies = Vocabularies.defaults()
    lists = site.get("vocabularies")
    if not isinstance(lists, dict):
        return vocabularies
    for name in ("event_categories", "honor_levels"):
        entries = lists.get(name)
        if not isinstance(entries, list):
            continue
        terms = tuple(
            Term(str(e["slug"]), str(e["label"]), str(e.get("description") or ""), e.get("participants") is True)
            for e in entries
            if isinstance(e, dict) and e.get("slug") and e.get("label")
        )
        if terms:
            vocabularies = vocabularies.with_terms(name, terms)
    return vocabularies


@dataclass
class ProjectInfo:
    unit_name: str | None = None
    vocabularies: Vocabularies = field(default_factory=Vocabularies.defaults)
    areas: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    people: dict[str, list[str]] = field(default_factory=dict)  # name → ids
    ids: dict[str, list[str]] = field(default_factory=dict)  # folder → existing ids, sorted

    @classmethod
    def read(cls, root: Path) -> ProjectInfo:
        info = cls()
        data = root / "data"
        site = _safe_yaml(data / "site.yml")
        if isinstance(site, dict):
            unit = site.get("unit")
            if isinstance(unit, dict) and isinstance(unit.get("name"), str):
                info.unit_name = unit["name"]
            for area in site.get("areas") or ():
                if isinstance(area, dict) and area.get("id") is not None:
                    info.areas.append((str(area["id"]), str(area.get("title") or "")))
            info.vocabularies = _vocabularies(site)
        for kind in DATA_KINDS:
            found = existing_files(data / kind.folder)
            info.ids[kind.folder] = sorted(path.stem for path in found.values() if id_shape_ok(path.stem))
        for path in existing_files(data / ENTREPRENEUR.folder).values():
            person = _safe_yaml(path)
            if isinstance(person, dict) and isinstance(person.get("name"), str):
                info.people.setdefault(" ".join(person["name"].split()), []).append(path.stem)
        return info

    def describing(self, record_id: str = "") -> Describing:
        return describing(
            vocabularies=self.vocabularies,
            areas=tuple(self.areas),
            ids={k: tuple(v) for k, v in self.ids.items()},
            record_id=record_id,
        )
