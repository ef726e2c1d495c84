"""The MkDocs side of incremental rebuilds (``mkdocs serve --dirty``).

With ``--dirty`` MkDocs renders only the pages whose ``File.is_modified()`` is true: by file
modification times, which says nothing about pages generated from data (a generated file is
always "modified") nor about the pages that show a changed record. Here each page gets a
fingerprint of what it shows (:mod:`showcase.output.fingerprints`); a page is rendered again only when its
fingerprint differs from the previous successful build in this process, or its output is
missing. The rest of a dirty build is made exact as well:

- every page in the navigation is rendered whenever anything is (the navigation shows
  their titles); hand-written pages are rendered when their file or the data changed, or
  when the search has no text of them (:mod:`showcase.mkdocs.search` keeps the texts of
  hand-written pages and writes the complete index after every build);
- output files of pages that no longer exist are removed, and redirect pages (former ids)
  are written afresh;
- the output check scans the files written by this build (links still resolve against
  every file), the search index files included.

The state lives in a :class:`BuildStates` object that the serve session keeps between
rebuilds, keyed by the output folder, and is dropped after a failed build or one with
problems, so the next build is a full one.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.showcase")

_DIRTY_WARNING = "A 'dirty' build is being performed"


class PageFile(File):
    """A generated page whose output is kept when its fingerprint did not change."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged or not os.path.isfile(self.abs_dest_path)


@dataclass
class BuildState:
    """What the previous successful build in this process left in one output folder."""

    fingerprints: dict[str, str] = field(default_factory=dict)  # src_uri → fingerprint
    dest: dict[str, str] = field(default_factory=dict)  # src_uri → output path
    redirects: list[str] = field(default_factory=list)  # redirect pages written (former ids)


def _key(site_dir: str) -> str:
    return os.path.realpath(site_dir)


class BuildStates:
    """The last successful build per output folder, kept by the session between rebuilds."""

    def __init__(self) -> None:
        self.states: dict[str, BuildState] = {}

    def get(self, site_dir: str) -> BuildState | None:
        return self.states.get(_key(site_dir))

    def keep(self, site_dir: str, state: BuildState) -> None:
        self.states[_key(site_dir)] = state

    def forget(self, site_dir: str) -> None:
        """The next build into ``site_dir`` renders every page."""
        self.states.pop(_key(site_dir), None)

    def __contains__(self, site_dir: str) -> bool:
        return _key(site_dir) in self.states


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; ours is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _QuietDirtyWarning) for f in logger.filters):
        logger.addFilter(_QuietDirtyWarning())


def config_texts(config: MkDocsConfig) -> list[str]:
    """The configuration file and the files it INHERITs, as text."""
    texts: list[str] = []
    path: str | None = config.config_file_path
    seen: set[str] = set()
    while path and path not in seen and os.path.isfile(path):
        seen.add(path)
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        parent = re.search(r"(?m)^INHERIT:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", text)
        path = os.path.normpath(os.path.join(os.path.dirname(path), parent.group(1))) if parent else None
    return texts


def config_parts(config: MkDocsConfig) -> list[str]:
    """What every page shows besides the data: configuration files (with the files they
    INHERIT), the theme's custom templates and assets, the navigation, the site address."""
    parts = config_texts(config)
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        for folder, dirs, names in os.walk(custom):
            dirs.sort()
            for name in sorted(names):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(os.path.join(folder, name), custom)}:{stat.st_mtime_ns}:{stat.st_size}")
    parts.append(json.dumps(config.nav, ensure_ascii=False, default=str))
    parts.append(f"{config.site_url}|{config.use_directory_urls}")
    return parts


def narrative_parts(files: Files, generated: set[str]) -> list[str]:
    """The hand-written pages: path, modification time and size."""
    parts = []
    for file in files.documentation_pages():
        if file.src_uri in generated or not file.abs_src_path:
            continue
        stat = os.stat(file.abs_src_path)
        parts.append(f"{file.src_uri}:{stat.st_mtime_ns}:{stat.st_size}")
    return parts


def nav_sources(nav: Any) -> set[str]:
    """Every page path named in a navigation configuration."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_sources(value)
    elif isinstance(nav, (list, tuple)):
        for item in nav:
            found |= nav_sources(item)
    return found


class IncrementalBuild:
    """One dirty build: decides what to render and finishes the output."""

    def __init__(self, config: MkDocsConfig, states: BuildStates) -> None:
        self.site_dir = config.site_dir
        self.states = states
        self.previous = states.get(self.site_dir)
        self.order: list[str] = []  # pages in build order
        self.fingerprints: dict[str, str] = {}
        self.dest: dict[str, str] = {}
        self.render: set[str] = set()
        self.redirects: list[str] = []

    def plan(
        self, files: Files, fingerprints: dict[str, str], nav_pages: set[str], searchable: Callable[[File], bool]
    ) -> None:
        """Mark each page kept or to render. ``fingerprints``: src_uri → fingerprint;
        ``searchable(file)``: the search has the text of this hand-written page."""
        previous = self.previous
        pages = list(files.documentation_pages())
        self.order = [f.src_uri for f in pages]
        self.fingerprints = fingerprints
        self.dest = {f.src_uri: f.dest_uri for f in pages}
        for file in pages:
            src = file.src_uri
            same = previous is not None and previous.fingerprints.get(src) == fingerprints.get(src)
            if isinstance(file, PageFile):
                modified = not os.path.isfile(file.abs_dest_path)
            else:  # hand-written: by modification time, and its text must be in the search
                modified = file.is_modified() or not searchable(file)
            if not same or modified:
                self.render.add(src)
        if self.render:
            self.render |= nav_pages & set(self.order)
        for file in pages:
            if isinstance(file, PageFile):
                file.unchanged = file.src_uri not in self.render
            elif file.src_uri in self.render and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)  # MkDocs renders a page whose output is missing
        if previous is not None:
            # pages that no longer exist; redirect pages, which post_build writes afresh
            current = set(self.dest.values())
            gone = [dest for src, dest in previous.dest.items() if src not in self.dest]
            for dest in gone + previous.redirects:
                if dest not in current:
                    self._remove_output(dest)

    def _remove_output(self, dest: str) -> None:
        root = Path(self.site_dir).resolve()
        path = (root / dest).resolve()
        if root not in path.parents or not path.is_file():
            return
        path.unlink()
        folder = path.parent
        while folder != root and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent

    def finish(self, redirects: list[str]) -> None:
        """After the pages and the redirect pages were written."""
        self.redirects = redirects

    def commit(self) -> None:
        """This build succeeded without problems: the next one starts from it."""
        self.states.keep(
            self.site_dir,
            BuildState(dict(self.fingerprints), dict(self.dest), list(self.redirects)),
        )

    def forget(self) -> None:
        """This build failed or had problems: the next one renders every page."""
        self.states.forget(self.site_dir)

    def summary(self) -> str:
        return f"增量生成：重新生成了 {len(self.render)} 个页面，其余 {len(self.order) - len(self.render)} 个页面未受这次修改影响，保持不变"
