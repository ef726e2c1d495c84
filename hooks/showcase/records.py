"""Typed, immutable records: what the rest of the program works with after validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

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
class Assessment:
    """Which criteria the dossier uses and which records count as evidence (site.yml)."""

    period: Term  # vocab.ASSESSMENT_PERIODS
    standard: str | None = None
    province: str | None = None
    year: int | None = None

    def years(self, application_year: int) -> tuple[int, int]:
        """First and last year of the assessment period."""
        if self.period.slug == "application-year":
            return application_year, application_year
        return application_year - 2, application_year


@dataclass(frozen=True, slots=True)
class Site:
    unit: Unit
    application: Application
    contact: Contact
    filing: Filing
    sample: bool
    areas: tuple[Area, ...]
    assessment: Assessment | None = None  # None: the loader always sets one

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
    former_ids: tuple[str, ...] = ()  # earlier file names: their addresses redirect here

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
    criteria: tuple[str, ...] = ()  # ids of the criteria this record is evidence for
    former_ids: tuple[str, ...] = ()

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
    criteria: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()

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
    criteria: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.label

    @property
    def url(self) -> str:
        return f"figures/#{self.id}"

    @property
    def withheld(self) -> bool:
        return self.value.withheld


@dataclass(frozen=True, slots=True)
class Criterion:
    """One assessment criterion: a 测评项目 (no ``item``) or a 测评内容 under one."""

    kind = "criterion"
    folder = "criteria"
    id: str
    title: str
    item: str | None = None  # id of the 测评项目 this 测评内容 belongs to
    points: int | float | None = None  # None: not known
    wording_known: bool = False
    note: str | None = None
    explanation: str | None = None
    province: str | None = None
    year: int | None = None
    order: int | None = None
    origin: Origin | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, self.id)


@dataclass(frozen=True, slots=True)
class Narrative:
    """A hand-written page in docs/ that cites criteria in its front matter."""

    kind = "narrative"
    src: str  # path inside docs/, e.g. "areas/zhengzhi-jianhui.md"
    title: str
    criteria: tuple[str, ...] = ()
    origin: Origin | None = None


def frozen_lines(lines: dict[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(lines))
