"""What each published page puts into the search index, from the data wherever it can.

- A **record page** indexes its searchable fields (:meth:`Record.search_keywords` plus its
  date, work area, recipient and document number), its summary and its Markdown text;
  never the lists of related records its page shows (those would make every page match the
  titles of its neighbours).
- A **section page** (企业家风采, 创建活动, 荣誉墙, 主要数据, categories, 自查报告, 申报材料)
  is found by its names; its lists are not indexed.
- A **hand-written page** (home, work areas, outlook, other pages in docs/) indexes the text
  of its rendered Markdown, without the data embedded in it.
- Each key figure (主要数据) and each criterion of the dossier (申报材料) is a result of its
  own, linking to its row or heading.

Tag pages, redirect pages and unpublished records are never indexed: the caller passes
only the pages it publishes, and tag pages are skipped here. This module knows nothing
of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..derive.descriptions import description
from ..derive.dossier import Dossier
from ..model import Dataset, Entrepreneur, Event, Figure, Honor, Record
from .pages import PageSpec
from .searchindex import SearchDoc, html_text, unique_names

SKIPPED_KINDS = frozenset({"tag", "tags-index"})

# Other names a visitor gives the section pages: a query equal to one ranks the page first.
SECTION_NAMES: Mapping[str, tuple[str, ...]] = {
    "entrepreneurs-index": ("企业家",),
    "events-index": ("活动",),
    "honors-index": ("荣誉",),
    "figures-index": ("数据",),
    "report": ("报告",),
    "dossier": ("申报", "考核标准"),
    "home": ("首页",),
}
SECTION_OF_KIND: Mapping[str, str] = {
    "home": "首页",
    "area": "工作概况",
    "category": "活动类别",
    "report": "文明单位申报",
    "dossier": "文明单位申报",
}
_COMPOUND = re.compile(r"[与和及、]")


@dataclass(frozen=True)
class PublishedPage:
    """A page of this build, as the glue knows it."""

    src_uri: str
    url: str  # site-relative link, as MkDocs writes it
    title: str  # the title the page shows (navigation title for section pages)
    spec: PageSpec | None = None  # None for a hand-written page the data knows nothing of
    html: str | None = None  # rendered Markdown of a hand-written page (without embedded data)


def _kind_section(record: Record) -> str:
    return record.KIND.page_title or record.KIND.label


def record_doc(data: Dataset, record: Record, url: str) -> SearchDoc:
    """A record page: its searchable fields, summary and text."""
    keys = list(record.search_keywords())
    lead = ""
    if isinstance(record, Entrepreneur):
        lead = " ".join(p for p in (record.summary, record.quote or "") if p)
    elif isinstance(record, Event):
        area = data.site.area(record.area)
        keys += [record.date.chinese, *([record.end_date.chinese] if record.end_date else []),
                 *([area.title] if area else [])]
        lead = record.summary or ""
    elif isinstance(record, Honor):
        area = data.site.area(record.area)
        person = data.entrepreneurs.get(record.recipient.entrepreneur or "")
        keys += [record.date.chinese, *([person.name, person.company] if person else []),
                 *([record.document_number] if record.document_number else []), *([area.title] if area else [])]
        lead = record.summary or ""
    return SearchDoc(
        url=url,
        title=record.title,
        section=_kind_section(record),
        summary=record.description() or "",
        names=unique_names([record.title]),
        keys=unique_names(keys),
        lead=lead,
        body=record.markdown() or "",
        body_format="markdown",
    )


def _figure_value(figure: Figure) -> str:
    if figure.value.withheld or figure.value.value is None:
        value = "未公开"
    else:
        before = figure.approx if figure.approx in ("近", "约", "超过") else ""
        after = figure.approx if figure.approx in ("余", "多") else ""
        value = f"{before}{figure.value}{after}{figure.unit or ''}"
    return f"{value}（截至{figure.as_of.chinese}）"


def figure_docs(data: Dataset, page_url: str, section: str) -> list[SearchDoc]:
    """Each key figure, linking to its row on the figures page."""
    docs = []
    for figure in data.figures.values():
        area = data.site.area(figure.area)
        source = data.resolve(figure.source) if figure.source else None
        docs.append(SearchDoc(
            url=f"{page_url}#{figure.id}",
            title=figure.label,
            section=section,
            summary=_figure_value(figure) + (f" {figure.note}" if figure.note else ""),
            names=(figure.label,),
            keys=unique_names([area.title if area else None, figure.as_of.chinese]),
            lead=" ".join(p for p in (figure.note, source.title if source else None) if p),
            part=True,
        ))
    return docs


def criterion_docs(dossier: Dossier, page_url: str, section: str) -> list[SearchDoc]:
    """Each criterion of the dossier, linking to its heading."""
    docs = []
    for entry in dossier.entries:
        criterion = entry.criterion
        docs.append(SearchDoc(
            url=f"{page_url}#{criterion.id}",
            title=criterion.title,
            section=section,
            summary=criterion.explanation or "",
            names=(criterion.title,),
            keys=unique_names([dossier.standard]),
            body=" ".join(p for p in (criterion.explanation, criterion.note) if p),
            part=True,
        ))
    return docs


def page_doc(data: Dataset, page: PublishedPage) -> SearchDoc:
    """A page that is not a record's: found by its names; hand-written ones by their text too."""
    spec = page.spec
    kind = spec.kind if spec is not None else "narrative"
    names: list[str | None] = [page.title, spec.title if spec else None, *SECTION_NAMES.get(kind, ())]
    keys: list[str | None] = []
    lead = ""
    summary = ""
    if spec is not None:
        summary = description(data, record=None, area=spec.area, kind=kind) or section_summary(data, spec)
    if kind == "home":
        unit = data.site.unit
        names += [unit.name, unit.short_name]
        keys += [data.site.application.title]
        lead = unit.description or ""
    elif kind == "area" and spec is not None and spec.area is not None:
        lead = spec.area.summary or ""
    elif kind == "category":
        names += _COMPOUND.split(page.title)  # 脱贫攻坚与乡村振兴: 脱贫攻坚, 乡村振兴
        lead = summary
    elif kind.endswith("-index"):
        lead = summary
    elif kind == "report":
        names += [f"{data.site.application.title}自查报告"]
    elif kind == "dossier":
        names += [data.site.assessment.standard]
        keys += [data.site.application.title]
    section = SECTION_OF_KIND.get(kind, "")
    if spec is not None and kind.endswith("-index"):
        section = "栏目"
    elif kind == "narrative":
        section = "工作概况"
    if not summary and page.html:
        summary = _html_summary(page.html, page.title)
    return SearchDoc(
        url=page.url,
        title=page.title,
        section=section,
        summary=summary,
        names=unique_names(n.strip() for n in names if n and len(n.strip()) > 1),
        keys=unique_names(keys),
        lead=lead,
        body=page.html or "",
        body_format="html",
    )


def section_summary(data: Dataset, spec: PageSpec) -> str:
    """What a section page lists, in a line (shown under its title in the results)."""
    if spec.kind == "entrepreneurs-index":
        return f"{len(data.entrepreneurs)} 位企业家的简介、事迹和荣誉"
    if spec.kind == "events-index":
        return f"{len(data.events)} 项创建活动，可按类别、年份和工作板块浏览"
    if spec.kind == "honors-index":
        return f"{len(data.honors)} 项荣誉：本单位、所属组织、商会、企业和企业家获得的表彰"
    if spec.kind == "figures-index":
        return f"创建工作的 {len(data.figures)} 项主要统计数据和图表"
    if spec.kind == "category" and spec.term is not None:
        count = sum(1 for event in data.events.values() if event.category == spec.term)
        return f"“{spec.term.label}”类的 {count} 项活动"
    return ""


_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)


def _html_summary(markup: str, title: str) -> str:
    for match in _FIRST_PARAGRAPH.finditer(markup):
        text = " ".join(html_text(match.group(1)).split())
        if text and text != title:
            return text
    return ""


def site_docs(
    data: Dataset,
    pages: Iterable[PublishedPage],
    dossier: Callable[[], Dossier],
) -> list[SearchDoc]:
    """Every result of the site, in page order (parts after their page)."""
    docs: list[SearchDoc] = []
    for page in pages:
        spec = page.spec
        if spec is not None and spec.kind in SKIPPED_KINDS:
            continue
        if spec is not None and spec.record is not None:
            docs.append(record_doc(data, spec.record, page.url))
            continue
        docs.append(page_doc(data, page))
        if spec is not None and spec.kind == "figures-index":
            docs += figure_docs(data, page.url, page.title)
        elif spec is not None and spec.kind == "dossier":
            docs += criterion_docs(dossier(), page.url, page.title)
    return docs

