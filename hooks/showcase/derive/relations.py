"""Relations computed once per build: backlinks and groupings, all by index lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ..core.vocab import Term
from ..model import Dataset, Entrepreneur, Event, Figure, Honor

T = TypeVar("T")


Dated = TypeVar("Dated", Event, Honor)


def _newest_first(records: Iterable[Dated]) -> tuple[Dated, ...]:
    return tuple(sorted(records, key=lambda r: (r.date, r.id), reverse=True))


@dataclass(frozen=True)
class TagGroup:
    """Every published record that carries one tag, by kind."""

    tag: str
    entrepreneurs: tuple[Entrepreneur, ...] = ()
    events: tuple[Event, ...] = ()
    honors: tuple[Honor, ...] = ()

    @property
    def count(self) -> int:
        return len(self.entrepreneurs) + len(self.events) + len(self.honors)


@dataclass(frozen=True)
class Relations:
    events_by_entrepreneur: Mapping[str, tuple[Event, ...]]
    honors_by_entrepreneur: Mapping[str, tuple[Honor, ...]]
    figures_by_source: Mapping[str, tuple[Figure, ...]]  # "events/<id>" → figures
    events_by_category: Mapping[str, tuple[Event, ...]]  # slug → events, newest first
    events_by_year: tuple[tuple[int, tuple[Event, ...]], ...]  # newest year first
    honors_by_level: tuple[tuple[Term, tuple[Honor, ...]], ...]  # vocabulary order
    honors_by_recipient_type: tuple[tuple[Term, tuple[Honor, ...]], ...]
    events_by_area: Mapping[str, tuple[Event, ...]]
    honors_by_area: Mapping[str, tuple[Honor, ...]]
    figures_by_area: Mapping[str, tuple[Figure, ...]]
    events: tuple[Event, ...]  # all, newest first
    honors: tuple[Honor, ...]  # all, highest level then newest first
    entrepreneurs: tuple[Entrepreneur, ...]  # all, by name order of the files
    by_tag: Mapping[str, TagGroup]  # tag → the records carrying it

    def people(self, data: Dataset, ids: tuple[str, ...]) -> tuple[Entrepreneur, ...]:
        return tuple(data.entrepreneurs[i] for i in ids if i in data.entrepreneurs)


def build_relations(data: Dataset) -> Relations:
    """Index every relation once; pages then look things up instead of scanning."""
    events = _newest_first(data.events.values())
    levels, recipient_types = data.vocabularies.honor_levels, data.vocabularies.recipient_types
    level_rank = {term.slug: rank for rank, term in enumerate(levels)}
    honors = tuple(
        sorted(
            _newest_first(data.honors.values()),
            key=lambda h: level_rank.get(h.level.slug, len(level_rank)),
        )
    )

    by_person: dict[str, list[Event]] = defaultdict(list)
    by_category: dict[str, list[Event]] = defaultdict(list)
    by_year: dict[int, list[Event]] = defaultdict(list)
    events_by_area: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for person in event.entrepreneurs:
            by_person[person].append(event)
        by_category[event.category.slug].append(event)
        by_year[event.date.year].append(event)
        if event.area:
            events_by_area[event.area].append(event)

    honors_by_person: dict[str, list[Honor]] = defaultdict(list)
    by_level: dict[str, list[Honor]] = defaultdict(list)
    by_type: dict[str, list[Honor]] = defaultdict(list)
    honors_by_area: dict[str, list[Honor]] = defaultdict(list)
    for honor in honors:
        if honor.recipient.entrepreneur:
            honors_by_person[honor.recipient.entrepreneur].append(honor)
        by_level[honor.level.slug].append(honor)
        by_type[honor.recipient.type.slug].append(honor)
        if honor.area:
            honors_by_area[honor.area].append(honor)

    by_source: dict[str, list[Figure]] = defaultdict(list)
    figures_by_area: dict[str, list[Figure]] = defaultdict(list)
    for figure in data.figures.values():
        if figure.source:
            by_source[figure.source].append(figure)
        figures_by_area[figure.area].append(figure)

    def freeze(table: dict[str, list[T]]) -> Mapping[str, tuple[T, ...]]:
        return {key: tuple(value) for key, value in table.items()}

    tagged: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"entrepreneurs": [], "events": [], "honors": []})
    for folder, records in (("entrepreneurs", data.entrepreneurs.values()), ("events", events), ("honors", honors)):
        for record in records:
            for tag in record.tags:
                tagged[tag][folder].append(record)
    by_tag = {
        tag: TagGroup(tag, tuple(groups["entrepreneurs"]), tuple(groups["events"]), tuple(groups["honors"]))
        for tag, groups in sorted(tagged.items())
    }

    return Relations(
        events_by_entrepreneur=freeze(by_person),
        honors_by_entrepreneur=freeze(honors_by_person),
        figures_by_source=freeze(by_source),
        events_by_category=freeze(by_category),
        events_by_year=tuple((year, tuple(by_year[year])) for year in sorted(by_year, reverse=True)),
        honors_by_level=tuple((t, tuple(by_level[t.slug])) for t in levels if by_level[t.slug]),
        honors_by_recipient_type=tuple((t, tuple(by_type[t.slug])) for t in recipient_types if by_type[t.slug]),
        events_by_area=freeze(events_by_area),
        honors_by_area=freeze(honors_by_area),
        figures_by_area=freeze(figures_by_area),
        events=events,
        honors=honors,
        entrepreneurs=tuple(data.entrepreneurs.values()),
        by_tag=by_tag,
    )
