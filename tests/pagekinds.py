"""One page of each kind in a project, found from its own data (not from the example's ids).

Browser and build tests check every kind of page; a unit that replaces data/, docs/ and
mkdocs.yml has other ids, categories, areas and tags, so the pages are looked up here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from showcase.load import load_project
from showcase.output.pages import tag_slug


def page_kinds(root: Path) -> dict[str, str]:
    """Page kind → site-relative URL (directory URLs) for the project at ``root``."""
    data = load_project(root)
    pages = {"home": "", "entrepreneurs": "entrepreneurs/", "events": "events/", "honors": "honors/",
             "figures": "figures/", "report": "report/"}
    if data.entrepreneurs:
        pages["entrepreneur"] = next(iter(data.entrepreneurs.values())).url
    if data.events:
        first = next(iter(data.events.values()))
        pages["event"] = first.url
        pages["category"] = f"categories/{first.category.slug}/"
    if data.honors:
        pages["honor"] = next(iter(data.honors.values())).url
    if data.site.areas:
        pages["area"] = f"areas/{data.site.areas[0].id}/"
    narratives = sorted(
        p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")
        if p.name != "index.md" and not p.relative_to(root / "docs").as_posix().startswith("areas/")
    )
    if narratives:
        pages["narrative"] = narratives[0].removesuffix(".md") + "/"
    tags = sorted({tag for record in data.tagged() for tag in record.tags})
    if tags:
        pages["tags"] = "tags/"
        pages["tag"] = f"tags/{quote(tag_slug(tags[0]))}/"
    if data.criteria:
        pages["dossier"] = "dossier/"
    return pages


def sample_event(root: Path) -> tuple[str, str]:
    """(site-relative URL, title) of one of the project's own events, for searching and following."""
    data = load_project(root)
    event = next(iter(data.events.values()))
    return event.url, event.title
