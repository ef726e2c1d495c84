"""What one MkDocs process keeps between builds, and where each event goes.

``hooks/site.py`` holds one :class:`Session` and forwards every ``on_*`` event to it. Under
``mkdocs serve`` the hook module is loaded once and every save starts a new build, so the
session keeps only what may outlive a build — compiled templates, parsed YAML files, QR
codes, the state of incremental rebuilds — and makes a new :class:`ShowcaseBuild` (or a
:class:`ProblemPreview` when the data has problems) in each ``on_config``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..load import ParseCache
from ..output.qrcodes import QRCodes
from .build import DataProblems, ShowcaseBuild
from .escaping import escape_config, escape_nav
from .events import BuildEvents
from .incremental import BuildStates, DiskStates, quiet_dirty_warning
from .preview import ProblemPreview
from .templates import CompiledTemplates

log = logging.getLogger("mkdocs.plugins.showcase")


def watch_data(config: MkDocsConfig) -> None:
    """mkdocs serve rebuilds when data/ changes, even if mkdocs.yml forgot to list it."""
    folder = os.fspath(Path(config.config_file_path).resolve().parent / "data")
    watched = {os.path.abspath(p) for p in config.watch}
    if folder not in watched and os.path.isdir(folder):
        config.watch.append(folder)


class Session:
    """One MkDocs process: the command it runs, its caches, and the current build."""

    def __init__(self) -> None:
        self.command: str | None = None  # "build", "serve" or "gh-deploy"; None when build() is called directly
        self.dirty = False
        self.build: BuildEvents | None = None
        self.templates = CompiledTemplates()
        self.parses = ParseCache()
        self.states = BuildStates()
        self.qrcodes: dict[Path, QRCodes] = {}

    # -- process ------------------------------------------------------------------------------
    def startup(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        if dirty:
            quiet_dirty_warning()  # our dirty builds re-render every page a change touches

    def shutdown(self) -> None:
        # Also reached after Ctrl-C in `mkdocs build`: remove an unfinished build folder.
        if self.build is not None:
            self.build.abandon()

    def codes_for(self, root: Path, serving: bool) -> QRCodes:
        """QR codes cached in the project's .cache/; kept in memory between serve builds."""
        path = root / ".cache" / "qr-codes.json"
        if not serving:
            return QRCodes(path)
        if path not in self.qrcodes:
            self.qrcodes[path] = QRCodes(path)
        return self.qrcodes[path]

    # -- one build ----------------------------------------------------------------------------
    def config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.build is not None:
            self.build.abandon()  # mkdocs serve keeps this session: never reuse a previous build
        self.build = None
        serving = self.command == "serve"
        watch_data(config)
        escape_config(config)  # Material prints site_name, copyright, extra… unescaped
        root = Path(config.config_file_path).resolve().parent
        if serving:
            # serve builds into its own temporary folder; --dirty updates it in place
            states: BuildStates | None = self.states if self.dirty else None
        else:
            # every build remembers what it published, so `build --dirty` can start from it
            states = DiskStates(root / ".cache" / "incremental")
        try:
            self.build = ShowcaseBuild(
                config,
                templates=self.templates,
                qrcodes=self.codes_for(root, serving),
                parses=self.parses if serving else None,
                states=states,
                atomic=not serving,
                preview=serving,
                dirty=self.dirty,
            )
        except DataProblems as error:
            if not serving:
                raise
            # keep serving; show the problems instead (on every address: old pages are removed)
            self.build = ProblemPreview(error.problems, site_dir=config.site_dir if self.dirty else None, states=self.states)
        if config.nav is None:
            config.nav = self.build.default_nav()
        return config

    def events(self) -> BuildEvents:
        assert self.build is not None, "on_config has not run"
        return self.build

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        return self.events().add_files(files, config)

    def nav(self, nav: Navigation) -> Navigation:
        return escape_nav(nav)

    def page_markdown(self, markdown: str, page: Page) -> str:
        return self.events().page_markdown(markdown, page)

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        return self.events().page_content(html, page, config)

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        return self.events().page_context(context, page)

    def env(self, env: jinja2.Environment) -> jinja2.Environment:
        self.events().pages_read()
        return self.templates.attach(env)

    def template_context(self, context: dict[str, Any]) -> dict[str, Any]:
        # static templates such as 404.html get the showcase too (notice, footer)
        return self.events().template_context(context)

    def post_build(self, config: MkDocsConfig) -> None:
        self.events().post_build(config)

    def build_error(self, error: BaseException) -> None:
        if self.build is not None:
            self.build.failed()
        if isinstance(error, OSError):  # disk full, file too large, no permission: say so, no traceback
            where = f"：{error.filename}" if error.filename else ""
            raise PluginError(
                f"写入网站文件时出错（{error.strerror or error}{where}）。请检查磁盘空间和文件夹权限；原来的网站没有改变"
            ) from None
