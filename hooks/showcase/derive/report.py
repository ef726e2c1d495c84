"""The printable self-inspection report (/report/), composed from what the site already has.

The opening is ``docs/index.md``, each work area is ``docs/areas/<id>.md`` followed by its
events, honors and figures, and the outlook is ``docs/outlook.md``: the narratives' HTML is
taken as MkDocs rendered (and sanitized) it for their own pages, so nothing is typed twice.
Moving that HTML onto another page needs three adjustments made here: headings one level
down (the report has its own title), ids made unique per section, and relative links and
image paths rebased from the narrative's address to the report's.
This module knows nothing of MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup

from ..model import Area, Dataset

OPENING_SRC = "index.md"
OUTLOOK_SRC = "outlook.md"
CHINESE_NUMBERS = "一二三四五六七八九十"

_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>\s*", re.DOTALL | re.IGNORECASE)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_ID_ATTR = re.compile(r'(\sid=")([^"]*)(")')
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")', re.IGNORECASE)
_SRCSET_ATTR = re.compile(r'(\ssrcset=")([^"]*)(")', re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Section:
    """One part of the report: a narrative (or only a heading) and, for an area, its records."""

    anchor: str  # id of the section's heading on the report page
    heading: Markup  # the narrative's own title (HTML), or the area title (escaped)
    body: Markup | None  # the narrative without its title, adjusted for the report page
    area: Area | None = None
    number: str = ""  # "一", "二"… for the work areas


@dataclass(frozen=True)
class Report:
    title: str
    opening: Markup | None
    sections: tuple[Section, ...]  # the work areas, in site.yml order
    outlook: Section | None


def take_title(html: str) -> tuple[str | None, str]:
    """Split off the first <h1>: its inner HTML, and the rest."""
    match = _H1.search(html)
    if match is None:
        return None, html
    return match.group(1).strip(), html[: match.start()] + html[match.end() :]


def shift_headings(html: str, by: int = 1) -> str:
    """h1→h2, h2→h3 … (h6 stays h6)."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + by)}", html)


def prefix_ids(html: str, prefix: str) -> str:
    """Make every id unique on the report page, and same-page links follow them."""
    html = _ID_ATTR.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}{m.group(3)}", html)
    return re.sub(r'(\shref=")#([^"]+)(")', lambda m: f"{m.group(1)}#{prefix}-{m.group(2)}{m.group(3)}", html)


def _resolve(ref: str, from_url: str, to_url: str) -> str:
    """A relative reference written on page ``from_url``, as written on page ``to_url``."""
    if not ref or ref.startswith(("#", "/", "//")) or _SCHEME.match(ref):
        return ref
    parts = urlsplit(ref)
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.normpath(posixpath.join(base.rstrip("/"), parts.path)) if parts.path else from_url
    if target in (".", ""):
        target = ""
    if parts.path.endswith("/") and target and not target.endswith("/"):
        target += "/"
    here = to_url if to_url.endswith("/") or not to_url else posixpath.dirname(to_url) + "/"
    depth = len([p for p in here.split("/") if p])
    relative = "../" * depth + target if target else ("../" * depth or "./")
    return urlunsplit(("", "", relative, parts.query, parts.fragment))


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Rewrite relative href, src and srcset values for a page at ``to_url``."""
    if from_url == to_url:
        return html

    def url(m: re.Match[str]) -> str:
        return f"{m.group(1)}{_resolve(m.group(2), from_url, to_url)}{m.group(3)}"

    def srcset(m: re.Match[str]) -> str:
        items = []
        for candidate in m.group(2).split(","):
            bits = candidate.strip().split(" ", 1)
            if bits[0]:
                bits[0] = _resolve(bits[0], from_url, to_url)
                items.append(" ".join(bits))
        return f"{m.group(1)}{', '.join(items)}{m.group(3)}"

    return _SRCSET_ATTR.sub(srcset, _URL_ATTR.sub(url, html))


def _adjust(html: str, prefix: str, from_url: str, to_url: str) -> tuple[str | None, Markup]:
    title, rest = take_title(html)
    rest = prefix_ids(shift_headings(rest), prefix)
    return title, Markup(rebase_links(rest, from_url, to_url))


def compose_report(data: Dataset, html: dict[str, str], urls: dict[str, str], report_url: str) -> Report:
    """The report from the rendered narratives: ``html`` and ``urls`` are keyed by docs path."""
    unit, application = data.site.unit, data.site.application
    title = f"{unit.name}创建{application.title}自查报告"
    opening = None
    if html.get(OPENING_SRC):
        _, opening = _adjust(html[OPENING_SRC], "opening", urls.get(OPENING_SRC, ""), report_url)
    sections = []
    for number, area in enumerate(data.site.areas):
        src = area.src
        anchor = f"area-{area.id}"
        heading, body = Markup.escape(area.title), None
        if html.get(src):
            found, body = _adjust(html[src], anchor, urls.get(src, ""), report_url)
            if found:
                heading = Markup(rebase_links(found, urls.get(src, ""), report_url))
        label = CHINESE_NUMBERS[number] if number < len(CHINESE_NUMBERS) else str(number + 1)
        sections.append(Section(anchor, heading, body, area, label))
    outlook = None
    if html.get(OUTLOOK_SRC):
        found, body = _adjust(html[OUTLOOK_SRC], "outlook", urls.get(OUTLOOK_SRC, ""), report_url)
        outlook = Section("outlook", Markup(found) if found else Markup.escape("展望"), body)
    return Report(title, opening, tuple(sections), outlook)
