"""Data embedded in hand-written narratives (``[[figure:…]]``, ``[[events …]]``) on their pages.

Before Markdown runs, each embed becomes a placeholder token (:mod:`showcase.derive.embeds`
parses and resolves it); after, the token is replaced by the rendered partial, and table of
contents labels that held a token get the record's current title.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..core.problems import Problems
from ..derive import embeds
from ..derive.relations import Relations
from ..model import Dataset

EMBED_TEMPLATE = "partials/showcase/embed.html"
_TAG = re.compile(r"<[A-Za-z][^<>]*>")


class NarrativeEmbeds:
    """The embeds of one build's narratives, their problems and notes."""

    def __init__(self, data: Dataset, relations: Relations, root: Path) -> None:
        self.data = data
        self.relations = relations
        self.root = root
        self.found: dict[str, list[embeds.Embed]] = {}  # src_uri → embeds in that narrative
        self.paths: dict[str, str] = {}  # src_uri → the narrative's file, for messages
        self.count = 0
        self.problems = Problems()
        self.notes: list[str] = []

    def extract(self, markdown: str, page: Page) -> str:
        """Replace the page's embeds by tokens; remember them for :meth:`render`."""
        file = page.file
        path = Path(os.path.relpath(file.abs_src_path, self.root)).as_posix() if file.abs_src_path else file.src_uri
        source = file.content_string if file.abs_src_path else markdown
        first_line = source[: max(0, source.find(markdown))].count("\n") + 1 if markdown and markdown in source else 1
        markdown, found = embeds.extract(markdown, path, first_line, self.problems, start=self.count)
        self.count += len(found)
        if found:
            embeds.resolve(found, self.data, self.relations, path, self.problems, self.notes)
            self.found[file.src_uri] = found
            self.paths[file.src_uri] = path
        return markdown

    def render(self, html: str, page: Page, env: Callable[[], jinja2.Environment], context: dict[str, Any]) -> str:
        """Put the rendered embeds where their tokens are, and fix the table of contents."""
        found = self.found.get(page.file.src_uri)
        if not found:
            return html
        template = env().get_template(EMBED_TEMPLATE)
        context = {"page": page, "base_url": get_relative_url(".", page.url), **context}
        html = self.refuse_in_attributes(html, found, self.paths.get(page.file.src_uri, page.file.src_uri))
        for embed in found:
            rendered = template.render(embed=embed, **context) if embed.records or embed.block else ""
            html = html.replace(f"<p>{embed.token}</p>", rendered).replace(embed.token, rendered)
        titles = {e.token: (e.records[0].title if e.records else "") for e in found if not e.block}
        retitle_toc(page.toc, titles)
        return html

    def refuse_in_attributes(self, html: str, found: list[embeds.Embed], path: str) -> str:
        """An embed written inside an HTML tag (``<a title="[[event:x]]">``) would put markup
        into an attribute: a problem at its line, and the token is dropped."""
        inside = {match.group(0) for tag in _TAG.findall(html) for match in embeds.TOKEN_RE.finditer(tag)}
        if not inside:
            return html
        for embed in found:
            if embed.token in inside:
                self.problems.add(
                    path, embed.line, "",
                    f"嵌入“{embed.source}”写在了 HTML 标签里（属性中）：嵌入只能写在正文中，请把它移到标签外面",
                )
        return _TAG.sub(lambda m: embeds.TOKEN_RE.sub("", m.group(0)), html)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems.sorted()]


def retitle_toc(toc: Any, titles: dict[str, str]) -> None:
    """Table of contents labels that held an embed's token get the record's title (escaped)."""
    for item in toc or ():
        for token, title in titles.items():
            if token in item.title:
                item.title = item.title.replace(token, str(Markup.escape(title)))
        retitle_toc(item.children, titles)
