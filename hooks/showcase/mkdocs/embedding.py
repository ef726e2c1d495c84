"""Data embedded in hand-written narratives (``[[figure:…]]``, ``[[events …]]``) on their pages.

Before Markdown runs, each embed becomes a placeholder token (:mod:`showcase.derive.embeds`
parses and resolves it); after, the token is replaced by the rendered partial, and table of
contents labels that held a token get the record's current title.
"""

from __future__ import annotations

import os
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


class NarrativeEmbeds:
    """The embeds of one build's narratives, their problems and notes."""

    def __init__(self, data: Dataset, relations: Relations, root: Path) -> None:
        self.data = data
        self.relations = relations
        self.root = root
        self.found: dict[str, list[embeds.Embed]] = {}  # src_uri → embeds in that narrative
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
        return markdown

    def render(self, html: str, page: Page, env: Callable[[], jinja2.Environment], context: dict[str, Any]) -> str:
        """Put the rendered embeds where their tokens are, and fix the table of contents."""
        found = self.found.get(page.file.src_uri)
        if not found:
            return html
        template = env().get_template(EMBED_TEMPLATE)
        context = {"page": page, "base_url": get_relative_url(".", page.url), **context}
        for embed in found:
            rendered = template.render(embed=embed, **context) if embed.records or embed.block else ""
            html = html.replace(f"<p>{embed.token}</p>", rendered).replace(embed.token, rendered)
        titles = {e.token: (e.records[0].title if e.records else "") for e in found if not e.block}
        retitle_toc(page.toc, titles)
        return html

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems.sorted()]


def retitle_toc(toc: Any, titles: dict[str, str]) -> None:
    """Table of contents labels that held an embed's token get the record's title (escaped)."""
    for item in toc or ():
        for token, title in titles.items():
            if token in item.title:
                item.title = item.title.replace(token, str(Markup.escape(title)))
        retitle_toc(item.children, titles)
