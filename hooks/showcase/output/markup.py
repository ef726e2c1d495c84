"""Render editors' Markdown fields to safe HTML.

Policy (documented for editors in docs/guide): paragraphs, line breaks, bold, italic,
lists, quotes, links (http, https, mailto, tel or site-relative), inline code and
subheadings. Raw HTML is shown as text; images belong in the structured photo fields.
Headings are shifted down two levels so a ``#`` in a biography never competes with the
page title.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a",
    "code", "pre", "hr", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _shift_heading(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{min(6, int(match.group(2)) + 2)}>"


class _Renderer:
    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        # Raw HTML in data is shown as text, never passed through.
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")

    def render(self, text: str) -> str:
        self.md.reset()
        html = self.md.convert(text)
        html = _HEADING.sub(_shift_heading, html)
        return nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
        )


_renderer = _Renderer()


# Narratives in docs/ may use more of Markdown (headings, tables, attribute lists for
# classes and ids, simple HTML blocks), but never scripts, frames, styles, forms or event
# handlers, and only safe URLs.
NARRATIVE_TAGS = ALLOWED_TAGS | {
    "h1", "h2", "div", "span", "section", "figure", "figcaption", "img", "picture", "source", "sup", "sub",
    "small", "mark", "abbr", "dl", "dt", "dd", "details", "summary", "del", "ins", "kbd", "caption",
    "colgroup", "col", "tfoot",
}
_COMMON = {"class", "id", "title", "lang"}
NARRATIVE_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "th": _COMMON | {"align", "colspan", "rowspan", "scope"},
    "td": _COMMON | {"align", "colspan", "rowspan"},
    "col": {"span"},
    "ol": _COMMON | {"start", "type"},
    "details": _COMMON | {"open"},
    "abbr": _COMMON,
}


def sanitize_narrative(html: str) -> str:
    """Clean the HTML MkDocs rendered from a hand-written narrative page."""
    return nh3.clean(
        html,
        tags=NARRATIVE_TAGS,
        attributes=NARRATIVE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


@lru_cache(maxsize=65536)  # a body may be shown on more than one page
def render_markdown(text: str | None) -> str:
    """Return sanitized HTML for a Markdown field ('' for None)."""
    if not text:
        return ""
    return _renderer.render(text)
