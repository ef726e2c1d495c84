"""A project's published records: what every later layer reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.vocab import Vocabularies
from .criteria import Criterion, Narrative
from .kind import Record
from .records import Entrepreneur, Event, Figure, Honor
from .site import Site


@dataclass(frozen=True)
class Dataset:
    """Published records of one project, keyed by id in id order."""

    root: Path
    site: Site
    entrepreneurs: Mapping[str, Entrepreneur]
    events: Mapping[str, Event]
    honors: Mapping[str, Honor]
    figures: Mapping[str, Figure]
    unpublished: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folder → ids not published
    withheld: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folder → ids without consent (of those)
    criteria: Mapping[str, Criterion] = field(default_factory=dict)  # data/criteria/, by id
    narratives: Mapping[str, Narrative] = field(default_factory=dict)  # docs path → criteria it cites
    notes: tuple[str, ...] = ()  # build-summary lines for editors
    synonyms: tuple[tuple[str, ...], ...] = ()  # data/search-synonyms.txt: groups of words search treats alike
    vocabularies: Vocabularies = field(default_factory=Vocabularies.defaults)

    def by_folder(self, folder: str) -> Mapping[str, Record]:
        table: dict[str, Mapping[str, Record]] = {
            "entrepreneurs": self.entrepreneurs,
            "events": self.events,
            "honors": self.honors,
            "figures": self.figures,
        }
        return table[folder]

    def records(self) -> Iterator[Record]:
        """Every published record, kind by kind, in id order."""
        for folder in ("entrepreneurs", "events", "honors", "figures"):
            yield from self.by_folder(folder).values()

    def tagged(self) -> tuple[Entrepreneur | Event | Honor, ...]:
        """The records that carry tags (the kinds with pages)."""
        return (*self.entrepreneurs.values(), *self.events.values(), *self.honors.values())

    def evidence(self, folder: str) -> tuple[Event | Honor | Figure, ...]:
        """The records of one kind that may cite criteria (events, honors, figures)."""
        table: dict[str, tuple[Event | Honor | Figure, ...]] = {
            "events": tuple(self.events.values()),
            "honors": tuple(self.honors.values()),
            "figures": tuple(self.figures.values()),
        }
        return table[folder]

    def resolve(self, ref: str) -> Record | None:
        """Return the published record for ``"events/<id>"`` and the like."""
        folder, _, ref_id = ref.partition("/")
        try:
            return self.by_folder(folder).get(ref_id)
        except KeyError:
            return None
