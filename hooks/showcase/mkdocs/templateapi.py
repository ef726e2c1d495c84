"""What the page templates see as ``showcase``: lookups over one build's data and addresses.

Templates never reach into MkDocs through this object; it only answers questions about the
data (records, relations, the dossier) and where things are published (page URLs, picture
variants, QR codes). The build fills in the page URLs once MkDocs knows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core.values import Quantity
from ..core.vocab import APPROX_AFTER, APPROX_BEFORE, Term
from ..derive.charts import Chart, figure_charts
from ..derive.documents import certificates
from ..derive.dossier import Dossier
from ..derive.relations import Relations
from ..derive.report import Report, compose_report
from ..model import Area, Dataset, Entrepreneur, Figure, Honor, Record, Site
from ..output.addresses import Addresses
from ..output.documents import PublishedDocument
from ..output.images import Picture, Variant
from ..output.markup import render_markdown
from ..output.pages import category_src, tag_src
from ..schema import Attachment, Image

MEDIA_PREFIX = "media/"


@dataclass
class SiteView:
    """The template API of one build (``showcase`` in every template)."""

    data: Dataset
    relations: Relations
    dossier: Dossier
    addresses: Addresses
    urls: dict[str, str] = field(default_factory=dict)  # src_uri → site-relative URL
    pictures: dict[str, Picture] = field(default_factory=dict)  # image src → published variants
    documents: dict[str, PublishedDocument] = field(default_factory=dict)  # site path → published copy
    _charts: list[Chart] | None = None

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

    def media(self, variant: Variant) -> str:
        """Site-relative URL of one published image variant."""
        return MEDIA_PREFIX + variant.name

    def document(self, attachment: Attachment) -> PublishedDocument:
        """The published copy of an attached document (its preview, its size in the site)."""
        return self.documents[attachment.file.site_path]

    def document_href(self, attachment: Attachment) -> str:
        """Site-relative URL of an attached document: stable, from its path under data/documents/."""
        return attachment.file.site_path

    def certificate_wall(self, honors: Iterable[Honor]) -> list[Certificate]:
        """The honor wall's pictures: each honor's certificate picture and its 证书 documents."""
        cards: list[Certificate] = []
        for honor in honors:
            if honor.certificate is not None:
                cards.append(Certificate(honor, self.pictures[honor.certificate.src], honor.certificate.alt, None))
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
        return [f for f in self.data.figures.values() if f.headline]

    def figure_text(self, figure: Figure) -> str:
        """“35 家”, “近 — 亿元”: the number with its qualifier and unit (plain text)."""
        return quantity_text(figure.value, figure.unit, figure.approx)

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


def quantity_text(quantity: Quantity | None, unit: str | None = None, approx: str | None = None) -> str:
    if quantity is None:
        return ""
    if quantity.withheld:
        return "未公开"
    number = str(quantity)
    if approx in APPROX_BEFORE:
        number = f"{approx} {number}"
    elif approx in APPROX_AFTER:
        number = f"{number} {approx}"
    return f"{number} {unit}".strip() if unit else number
