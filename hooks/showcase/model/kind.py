"""What every record has, and the declaration that makes a dataclass a record kind.

A record kind is declared once: a frozen dataclass whose attributes are its fields
(declared with :func:`showcase.schema.spec`), and one :func:`kind` call naming its folder,
label and page template. Behaviour that differs between kinds (what a record links to,
which pictures it shows, how a visitor finds it…) is a method of the record class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from ..core.values import Origin
from ..schema import Attachment, Field, Image, field_named, fields_of


@dataclass(frozen=True)
class Kind:
    """A record kind: where its files live, what it is called, which page shows it."""

    name: str  # "event"
    folder: str  # "events": data/events/<id>.yml → /events/<id>/
    label: str  # "活动"
    record: type[Any]  # a Record subclass (or the site settings, which have no folder)
    template: str | None = None  # page template under overrides/; None: no page of its own
    title_field: str = "title"
    page_title: str | None = None  # the section's index page ("创建活动"), for kinds with pages
    shown: tuple[str, ...] = ()  # fields that tell records apart beside the title (in pickers)

    @property
    def fields(self) -> tuple[Field, ...]:
        return fields_of(self.record)

    def field(self, name: str) -> Field | None:
        return field_named(self.fields, name)

    @property
    def has_pages(self) -> bool:
        return self.template is not None

    @property
    def picked_by(self) -> tuple[str, ...]:
        """The fields a form's picker shows for a record of this kind: its title first."""
        return (self.title_field, *self.shown)


@dataclass(frozen=True)
class Problem:
    """A problem a record finds in itself: the field whose line to show, the field named, why."""

    line_field: str
    field: str
    message: str


@dataclass(frozen=True)
class Unpublish:
    """Why a valid record is not published (a note for editors), or a problem that also stops it."""

    note: str | None = None
    problem: Problem | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """Fields and behaviour every record kind shares."""

    KIND: ClassVar[Kind]
    id: str
    origin: Origin | None = None

    @property
    def kind(self) -> str:
        return self.KIND.name

    @property
    def folder(self) -> str:
        return self.KIND.folder

    @property
    def key(self) -> str:
        """``"events/<id>"``: the form references use in the data."""
        return f"{self.KIND.folder}/{self.id}"

    @property
    def url(self) -> str:
        return f"{self.KIND.folder}/{self.id}/"

    @property
    def title(self) -> str:
        value = getattr(self, self.KIND.title_field)
        return str(value)

    @property
    def src_uri(self) -> str:
        """The virtual Markdown path of the record's page."""
        return f"{self.KIND.folder}/{self.id}.md"

    # -- behaviour each kind may refine ----------------------------------------------------
    def problems(self) -> tuple[Problem, ...]:
        """Problems only the whole record can see (e.g. an end before the start)."""
        return ()

    def unpublish(self) -> Unpublish | None:
        """Why this valid record must not be published, if it must not."""
        return None

    def references(self) -> tuple[str, ...]:
        """Keys (``"entrepreneurs/<id>"``) of the records this record shows."""
        return ()

    def images(self) -> tuple[Image, ...]:
        """The pictures a record's page shows (paths relative to data/)."""
        return ()

    def attachments(self) -> tuple[Attachment, ...]:
        """The published documents attached to the record (``documents:``), in the editor's order."""
        found: tuple[Attachment, ...] = getattr(self, "documents", ())
        return found

    def share_image(self) -> Image | None:
        """The picture a shared link to this record shows."""
        images = self.images()
        return images[0] if images else None

    def markdown(self) -> str | None:
        """The record's Markdown text (body, biography), rendered on its page."""
        return None

    def search_keywords(self) -> tuple[str, ...]:
        """Words a visitor may type to find this record: its key fields (weighted above its text in search)."""
        return ()

    def description(self) -> str | None:
        """One or two sentences describing the record (meta description, share card)."""
        summary = getattr(self, "summary", None)
        return str(summary) if summary else None

    def years(self) -> tuple[int, int]:
        """First and last year the record belongs to (for the assessment period)."""
        raise NotImplementedError


R = TypeVar("R", bound=Record)


def kind(
    name: str, folder: str, label: str, *, template: str | None = None, title_field: str = "title",
    page_title: str | None = None, shown: tuple[str, ...] = (),
) -> Callable[[type[R]], type[R]]:
    """Class decorator: make a record dataclass a kind (``cls.KIND``)."""

    def declare(cls: type[R]) -> type[R]:
        cls.KIND = Kind(name, folder, label, cls, template, title_field, page_title, shown)
        return cls

    return declare


def keywords(*words: str | None, tags: tuple[str, ...] = ()) -> tuple[str, ...]:
    out: list[str] = []
    for word in (*words, *tags):
        if word and word not in out:
            out.append(word)
    return tuple(out)
