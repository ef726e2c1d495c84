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

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..derive.leftovers import nav_sources
from ..output.publish import make_writable

__all__ = ["BuildState", "BuildStates", "DiskStates", "IncrementalBuild", "PageFile", "nav_sources"]

log = logging.getLogger("mkdocs.plugins.showcase")

_DIRTY_WARNING = "A 'dirty' build is being performed"
_STALE_FILES = "The directory contains stale files"


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


STATE_VERSION = 2  # 2: no search entries (the site's own search keeps its texts)


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


def _signature(site_dir: str) -> list[list[object]]:
    """Size and time of the files every build writes: tells whether an output folder is still
    what the remembered build left there."""
    found: list[list[object]] = []
    for name in ("index.html", "404.html", "sitemap.xml"):
        try:
            stat = os.stat(os.path.join(site_dir, name))
        except OSError:
            continue
        found.append([name, stat.st_size, stat.st_mtime_ns])
    return found


class DiskStates(BuildStates):
    """The last successful build of each published output folder, kept under ``.cache/``
    between runs, so ``mkdocs build --dirty`` can start from what ``site/`` holds. Written only
    after a build was checked and swapped in, so it always describes the published output
    (unless someone edits that output by hand)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def _file(self, site_dir: str) -> Path:
        digest = hashlib.sha1(_key(site_dir).encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{digest}.json"

    def get(self, site_dir: str) -> BuildState | None:
        try:
            data = json.loads(self._file(site_dir).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION or data.get("site_dir") != _key(site_dir):
            return None
        if data.get("signature") != _signature(site_dir):
            return None  # the output is not what that build wrote (cleaned, rebuilt elsewhere, edited)
        return BuildState(data["fingerprints"], data["dest"], data["redirects"])

    def keep(self, site_dir: str, state: BuildState) -> None:
        path = self._file(site_dir)
        data = {"version": STATE_VERSION, "site_dir": _key(site_dir), "signature": _signature(site_dir), **asdict(state)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".part")
            partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            self.forget(site_dir)  # no state is safe: the next --dirty build is a full one

    def forget(self, site_dir: str) -> None:
        try:
            self._file(site_dir).unlink()
        except OSError:
            pass

    def __contains__(self, site_dir: str) -> bool:
        return self.get(site_dir) is not None


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; ours is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith((_DIRTY_WARNING, _STALE_FILES))


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


class IncrementalBuild:
    """One dirty build: decides what to render and finishes the output."""

    def __init__(
        self, config: MkDocsConfig, states: BuildStates, *, key: str | None = None,
        previous: BuildState | None = None, in_place: bool = True,
    ) -> None:
        """``key``: the output folder the state belongs to (the published folder when this
        build writes into a staging copy); ``previous``: the state to start from (None: render
        everything); ``in_place``: the build changes the output folder itself (serve)."""
        self.site_dir = config.site_dir
        self.key = key or config.site_dir
        self.states = states
        self.previous = previous
        self.in_place = in_place
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
        for file in files:
            if not file.is_documentation_page() and file.is_modified() and file.abs_dest_path:
                make_writable(Path(file.abs_dest_path))  # never write into a file shared with site/
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
            self.key,
            BuildState(dict(self.fingerprints), dict(self.dest), list(self.redirects)),
        )

    def forget(self) -> None:
        """This build failed or had problems: when it changed the output in place, the next
        one renders every page (a staged build left the published output and its state alone)."""
        if self.in_place:
            self.states.forget(self.key)

    def summary(self) -> str:
        return f"增量生成：重新生成了 {len(self.render)} 个页面，其余 {len(self.order) - len(self.render)} 个页面未受这次修改影响，保持不变"
