"""Which pages the data produces: one declared mapping from records to addresses.

A record's address is ``<folder>/<id>/`` and never depends on its title, so links we hand
out stay valid when a title changes. This module knows nothing of MkDocs; the glue turns
each :class:`PageSpec` into a generated file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.text import RESERVED_IDS
from ..core.vocab import Term
from ..model import PAGE_KINDS, Area, Dataset, Record


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # virtual Markdown path, e.g. "events/2022-xinhuo-peixun.md"
    template: str  # template under overrides/, e.g. "showcase/event.html"
    title: str
    kind: str  # "entrepreneur", "events-index", "category", ...
    record: Record | None = None
    term: Term | None = None  # for category pages
    area: Area | None = None  # for work-area pages
    tag: str | None = None  # for tag pages
    edit_path: str | None = None  # data file an editor changes for this page
    generated: bool = True  # False: a hand-written page in docs/ that we give a template


SECTION_INDEXES = (
    ("entrepreneurs/index.md", "showcase/entrepreneurs.html", "企业家风采", "entrepreneurs-index"),
    ("events/index.md", "showcase/events.html", "创建活动", "events-index"),
    ("honors/index.md", "showcase/honors.html", "荣誉墙", "honors-index"),
    ("figures/index.md", "showcase/figures.html", "主要数据", "figures-index"),
)

HOME = PageSpec("index.md", "showcase/home.html", "首页", "home", generated=False)


_SAFE_TAG = re.compile(r"^[\w\u00b7\-]+$")  # letters (incl. CJK), digits, _, -, ·


def tag_slug(tag: str) -> str:
    """A tag's address: the tag itself when it is safe in a file name on every system,
    else a stable hash of it. Either way it depends on nothing but the tag."""
    reserved = tag.lower() in RESERVED_IDS  # Windows device names, and "index" (the tags page)
    if _SAFE_TAG.match(tag) and not reserved and not tag.startswith(("-", "_")) and len(tag.encode()) <= 120:
        return tag
    return "t-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]


def tag_src(tag: str) -> str:
    return f"tags/{tag_slug(tag)}.md"


def category_src(term: Term) -> str:
    return f"categories/{term.slug}.md"


def plan_pages(data: Dataset, in_docs: Callable[[str], bool]) -> list[PageSpec]:
    """Every page the data produces. ``in_docs(src_uri)`` tells whether docs/ has that file."""
    specs: list[PageSpec] = []
    if in_docs(HOME.src_uri):
        specs.append(HOME)
    else:
        specs.append(PageSpec(HOME.src_uri, HOME.template, data.site.unit.short_name, "home", edit_path="data/site.yml"))
    for src_uri, template, title, kind in SECTION_INDEXES:
        specs.append(PageSpec(src_uri, template, title, kind, generated=not in_docs(src_uri)))
    for area in data.site.areas:
        src = area.src
        specs.append(
            PageSpec(src, "showcase/area.html", area.title, "area", area=area, edit_path="data/site.yml",
                     generated=not in_docs(src))
        )
    used = {event.category.slug for event in data.events.values()}
    for term in data.vocabularies.event_categories:
        if term.slug in used:
            specs.append(PageSpec(category_src(term), "showcase/category.html", term.label, "category", term=term))
    tags = sorted({tag for r in data.tagged() for tag in r.tags})
    if tags:
        specs.append(PageSpec("tags/index.md", "showcase/tags.html", "标签", "tags-index"))
        for tag in tags:
            specs.append(PageSpec(tag_src(tag), "showcase/tag.html", tag, "tag", tag=tag))
    for page_kind in PAGE_KINDS:
        for record in data.by_folder(page_kind.folder).values():
            specs.append(
                PageSpec(record.src_uri, page_kind.template or "", record.title, page_kind.name, record=record,
                         edit_path=record.origin.path if record.origin else None)
            )
    return specs


def image_sources(data: Dataset) -> list[str]:
    """Images used by published records (paths relative to data/); only these are published."""
    return sorted({image.src for record in data.records() for image in record.images()})
