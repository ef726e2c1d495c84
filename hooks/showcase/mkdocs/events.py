"""The events a build answers: the normal build and the problem preview both satisfy this."""

from __future__ import annotations

from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


class BuildEvents(Protocol):
    """One build's handlers for the MkDocs events the session forwards (see session.py)."""

    def default_nav(self) -> list[Any]:
        """The navigation when mkdocs.yml has none."""

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """``on_files``: add the generated pages and media."""

    def page_markdown(self, markdown: str, page: Page) -> str:
        """``on_page_markdown``."""

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """``on_page_content``."""

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """``on_page_context``."""

    def pages_read(self) -> None:
        """``on_env``: every page's Markdown has been read (embed problems are known)."""

    def template_context(self, context: dict[str, Any]) -> dict[str, Any]:
        """``on_template_context`` (static templates such as 404.html)."""

    def post_build(self, config: MkDocsConfig) -> None:
        """``on_post_build``: check the output and publish it."""

    def failed(self) -> None:
        """``on_build_error``."""

    def abandon(self) -> None:
        """Drop an unfinished build (a new build starts, or the process ends)."""
