"""What the page templates see as ``showcase``: lookups over one build's data and addresses.

Templates never reach into MkDocs through this object; it only answers questions about the
data (records, relations, the dossier) and where things are published (page URLs, picture
variants, QR codes). The build fills in the page URLs once MkDocs knows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..core.values import Quantity
from ..core.vocab import Term
from ..derive.charts import Chart, figure_charts
from ..derive.descriptions import repeats_summary
from ..derive.documents import certificates
from ..derive.dossier import Dossier
from ..derive.notes import EditorNotes, editor_notes
from ..derive.numbers import Reading, figure_prose, figure_reading, reading
from ..derive.relations import Relations
from ..derive.report import Report, compose_report, take_title
from ..model import Area, Dataset, Entrepreneur, Figure, Honor, Record, Site
from ..output.addresses import Addresses
from ..output.documents import PublishedDocument
from ..output.emblem import Emblem, EmblemFile
from ..output.images import Picture, Variant
from ..output.markup import render_markdown
from ..output.pages import category_src, tag_src
from ..schema import Attachment, Image

MEDIA_PREFIX = "media/"


@dataclass(frozen=True)
class ShareImage:
    """The picture a shared link shows: site-relative URL, size and alt text."""

    url: str
    width: int
    height: int
    alt: str


@dataclass
class SiteView:
    """The template API of one build (``showcase`` in every template)."""

    data: Dataset
    relations: Relations
    dossier: Dossier
    addresses: Addresses
    urls: dict[str, str] = field(default_factory=dict)  # src_uri → site-relative URL
    pictures: dict[str, Picture] = field(default_factory=dict)  # image src → published variants
    show_notes: bool = False  # editors' notes on the pages: the preview, or a reviewers' draft
    emblem: Emblem | None = None  # the unit's emblem as published (site.yml unit.emblem)
    documents: dict[str, PublishedDocument] = field(default_factory=dict)  # site path → published copy
    _charts: list[Chart] | None = None
    _notes: EditorNotes | None = None

    @property
    def site(self) -> Site:
        return self.data.site

    def href(self, target: Any) -> str:
        """Site-relative URL of a record, a category term, an area or a src_uri."""
        if isinstance(target, Record):
            src = target.src_uri if target.KIND.has_pages else ""
        elif isinstance(target, Term):
            src = category_src(target)
        elif isinstance(target, Area):
            src = target.src
        else:
            src = str(target)
        return self.urls.get(src, "")

    def picture(self, image: Image) -> Picture:
        """Published variants of an image field (see output/images.py)."""
        return self.pictures[image.src]

    def media(self, variant: Variant | EmblemFile) -> str:
        """Site-relative URL of one published image variant."""
        return MEDIA_PREFIX + variant.name

    def share_image(self, record: Record | None = None) -> ShareImage:
        """A record's own picture; else the share picture made from the unit's emblem; else the
        theme's default (overrides/assets/images/share.png)."""
        image = self.addresses.share_image(record)
        if image is not None and image.src in self.pictures:
            fallback = self.picture(image).fallback
            return ShareImage(self.media(fallback), fallback.width, fallback.height, image.alt)
        if self.emblem is not None:
            share = self.emblem.share
            return ShareImage(self.media(share), share.width, share.height, self.site.unit.name)
        return ShareImage(self.addresses.default_image, 1200, 630, self.site.unit.name)

    def document(self, attachment: Attachment) -> PublishedDocument:
        """The published copy of an attached document (its preview, its size in the site)."""
        return self.documents[attachment.file.site_path]

    def document_href(self, attachment: Attachment) -> str:
        """Site-relative URL of an attached document: stable, from its path under data/documents/."""
        return attachment.file.site_path

    def certificate_preview(self, honor: Honor) -> Picture | None:
        """For an honor's card without a certificate picture: the first page of its first
        证书 document."""
        for _, attachment in certificates((honor,)):
            document = self.documents.get(attachment.file.site_path)
            if document is not None:
                return document.preview
        return None

    def certificate_wall(self, honors: Iterable[Honor]) -> list[Certificate]:
        """The honor wall's gallery of certificate scans (证书 documents), each opening the scan.
        Certificate pictures (``certificate:``) are already on the honors' cards."""
        cards: list[Certificate] = []
        for honor in honors:
            for _, attachment in certificates((honor,)):
                document = self.documents.get(attachment.file.site_path)
                if document is not None:
                    cards.append(Certificate(honor, document.preview, attachment.title, attachment))
        return cards

    def charts(self) -> list[Chart]:
        """The key-figures page's charts (computed once per build)."""
        if self._charts is None:
            self._charts = figure_charts(self.data, self.relations)
        return self._charts

    def tag_href(self, tag: str) -> str:
        """Site-relative URL of a tag's page."""
        return self.urls.get(tag_src(tag), "")

    def markdown(self, text: str | None) -> str:
        """Sanitized HTML for a Markdown field; safe to print without escaping."""
        return render_markdown(text)

    def body_html(self, record: Record) -> str:
        """Sanitized HTML of a record's Markdown field (biography or body)."""
        return render_markdown(record.markdown())

    def person(self, person_id: str | None) -> Entrepreneur | None:
        return self.data.entrepreneurs.get(person_id) if person_id else None

    def resolve(self, ref: str | None) -> Record | None:
        return self.data.resolve(ref) if ref else None

    def area_title(self, area_id: str | None) -> str | None:
        area = self.data.site.area(area_id)
        return area.title if area else None

    def categories(self) -> list[Term]:
        """Event categories in use, in vocabulary order."""
        used = self.relations.events_by_category
        return [term for term in self.data.vocabularies.event_categories if term.slug in used]

    def headline_figures(self) -> list[Figure]:
        """The home page's figures: those marked headline, never a withheld one."""
        return [f for f in self.data.figures.values() if f.headline and not f.withheld]

    def figure_text(self, figure: Figure) -> str:
        """“35家”, “近100人”, “第2名”, “未公开”: the number as it reads (plain text)."""
        return figure_reading(figure).text

    def reading(self, quantity: Quantity, unit: str | None = None, approx: str | None = None,
                measure: Term | None = None) -> Reading:
        """A number's parts as it reads in a table, card or metadata line (see derive/numbers.py)."""
        return reading(quantity, unit, approx, measure)

    def figure_reading(self, figure: Figure) -> Reading:
        return figure_reading(figure)

    def figure_prose(self, figure: Figure) -> Reading:
        """A figure inside a sentence: a withheld count reads “若干家”."""
        return figure_prose(figure)

    @property
    def notes(self) -> EditorNotes:
        """Every editors' note (derive/notes.py), computed once per build."""
        if self._notes is None:
            self._notes = editor_notes(self.data, self.dossier)
        return self._notes

    def notes_of(self, key: str) -> tuple[object, ...]:
        """The notes shown on a page about ``key`` ("events/<id>", "criteria/<id>"): none
        unless this build shows notes (mkdocs serve, or editor_notes: true in site.yml)."""
        return self.notes.of(key) if self.show_notes else ()

    def lead(self, record: Record) -> str | None:
        """The summary shown above a record's body, unless the body's first paragraph says it."""
        summary = getattr(record, "summary", None)
        if not summary or repeats_summary(summary, record.markdown()):
            return None
        return str(summary)

    def split_title(self, html: str) -> tuple[Markup | None, Markup]:
        """A rendered narrative's first <h1> (inner HTML) and the rest; both already safe."""
        title, rest = take_title(html or "")
        return (Markup(title) if title else None), Markup(rest)

    def report_for(self, pages: Iterable[Any], report_url: str) -> Report:
        """The printable report from the narratives as rendered for their own pages
        (MkDocs renders every page's Markdown before it renders any template)."""
        pages = list(pages)
        html = {f.src_uri: f.page.content for f in pages if f.page is not None and f.page.content}
        urls = {f.src_uri: f.url for f in pages}
        return compose_report(self.data, html, urls, report_url)


@dataclass(frozen=True)
class Certificate:
    """One picture on the honor wall: a certificate picture or a 证书 document's first page."""

    honor: Honor
    picture: Picture
    alt: str
    attachment: Attachment | None  # the document to open, when the picture is a preview

