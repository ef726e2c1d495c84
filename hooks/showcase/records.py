"""Typed, immutable records: what the rest of the program works with after validation."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from .vocab import Term


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int = 0  # 0 = unknown
    day: int = 0  # 0 = unknown

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def chinese(self) -> str:
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
        if self.day:
            text += f"{self.day}日"
        return text

    def __str__(self) -> str:
        return self.chinese


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number from the report, or a withheld one (the report prints ``**``)."""

    value: int | float | None
    withheld: bool = False

    def __str__(self) -> str:
        if self.withheld or self.value is None:
            return "—"
        if isinstance(self.value, float) and self.value.is_integer():
            return f"{int(self.value):,}"
        return f"{self.value:,}"


@dataclass(frozen=True, slots=True)
class Image:
    src: str  # relative to data/, forward slashes
    alt: str
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str  # http(s), mailto, tel, or a site-relative path (validated)

    @property
    def external(self) -> bool:
        return ":" in self.url.split("/")[0]

    @property
    def site_path(self) -> str:
        """For a site-relative link: the path from the site root, without a leading slash."""
        return self.url.lstrip("/")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from, for messages that point editors at the right line."""

    path: str
    lines: Mapping[str, int]

    def line(self, field: str) -> int:
        return self.lines.get(field, 1)


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    title: str
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    short_name: str
    region: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Application:
    title: str
    year: int


@dataclass(frozen=True, slots=True)
class Contact:
    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Filing:
    icp: str | None = None
    police: str | None = None
    police_code: str | None = None


@dataclass(frozen=True, slots=True)
class Site:
    unit: Unit
    application: Application
    contact: Contact
    filing: Filing
    sample: bool
    areas: tuple[Area, ...]

    def area(self, area_id: str | None) -> Area | None:
        for area in self.areas:
            if area.id == area_id:
                return area
        return None


@dataclass(frozen=True, slots=True)
class Entrepreneur:
    kind = "entrepreneur"
    folder = "entrepreneurs"
    id: str
    name: str
    company: str
    summary: str
    position: str | None = None
    industry: str | None = None
    region: str | None = None
    photo: Image | None = None
    biography: str | None = None
    quote: str | None = None
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    origin: Origin | None = None

    @property
    def title(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return f"entrepreneurs/{self.id}/"


@dataclass(frozen=True, slots=True)
class Event:
    kind = "event"
    folder = "events"
    id: str
    title: str
    date: PartialDate
    category: Term
    end_date: PartialDate | None = None
    location: str | None = None
    area: str | None = None
    summary: str | None = None
    body: str | None = None
    sessions: Quantity | None = None
    participants: Quantity | None = None
    entrepreneurs: tuple[str, ...] = ()  # published ids only
    photos: tuple[Image, ...] = ()
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    origin: Origin | None = None

    @property
    def url(self) -> str:
        return f"events/{self.id}/"


@dataclass(frozen=True, slots=True)
class Recipient:
    type: Term
    name: str | None = None
    entrepreneur: str | None = None  # published id, or None


@dataclass(frozen=True, slots=True)
class Honor:
    kind = "honor"
    folder = "honors"
    id: str
    title: str
    level: Term
    awarding_body: str
    date: PartialDate
    recipient: Recipient
    document_number: str | None = None
    count: Quantity | None = None
    area: str | None = None
    summary: str | None = None
    body: str | None = None
    certificate: Image | None = None
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    origin: Origin | None = None

    @property
    def url(self) -> str:
        return f"honors/{self.id}/"


@dataclass(frozen=True, slots=True)
class Figure:
    kind = "figure"
    folder = "figures"
    id: str
    label: str
    value: Quantity
    as_of: PartialDate
    area: str
    unit: str | None = None
    approx: str | None = None
    source: str | None = None  # "events/<id>" etc., published targets only
    note: str | None = None
    headline: bool = False
    origin: Origin | None = None

    @property
    def title(self) -> str:
        return self.label

    @property
    def url(self) -> str:
        return f"figures/#{self.id}"

    @property
    def withheld(self) -> bool:
        return self.value.withheld


def frozen_lines(lines: dict[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(lines))
