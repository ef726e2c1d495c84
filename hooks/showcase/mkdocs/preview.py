"""What ``mkdocs serve`` shows while the data has problems.

During a preview, a data error must not kill the server: the terminal lists every problem
(one line each, no traceback) and the browser shows them on a single page; every other
address shows them too, through the 404 page. Live reload brings the real site back as
soon as the files are fixed.
"""

from __future__ import annotations

import logging
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from ..core.problems import Problems
from .incremental import BuildStates

log = logging.getLogger("mkdocs.plugins.showcase")

PROBLEMS_TEMPLATE = "showcase/problems.html"


class ProblemPreview:
    """Stands in for :class:`showcase.mkdocs.build.ShowcaseBuild` when the data cannot be loaded
    (both satisfy :class:`showcase.mkdocs.events.BuildEvents`)."""

    def __init__(self, problems: Problems, site_dir: str | None = None, states: BuildStates | None = None) -> None:
        """``site_dir``: with --dirty, the output of earlier builds is removed, so every address
        shows the problems, and the next good build renders every page."""
        if site_dir is not None:
            if states is not None:
                states.forget(site_dir)
            clean_directory(site_dir)
        self.lines = [str(p) for p in problems.sorted()]
        for line in self.lines:
            log.error(line)
        log.error(f"数据检查未通过（{len(self.lines)} 个问题）：预览页面显示问题清单，改正文件并保存后自动恢复。")

    def default_nav(self) -> list[Any]:
        return [{"数据有误": "index.md"}]

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files.documentation_pages()):
            files.remove(file)
        files.append(File.generated(config, "index.md", content=""))
        return files

    def page_markdown(self, markdown: str, page: Page) -> str:
        page.meta["template"] = PROBLEMS_TEMPLATE
        page.meta["title"] = Markup.escape("数据有误")
        return markdown

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        return html

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        return self.template_context(context)

    def template_context(self, context: dict[str, Any]) -> dict[str, Any]:
        context["showcase"] = None
        context["showcase_problems"] = self.lines
        return context

    def pages_read(self) -> None:
        pass

    def post_build(self, config: MkDocsConfig) -> None:
        pass

    def abandon(self) -> None:
        pass

    def failed(self) -> None:
        pass
