"""The site's own search in a build (the index is :mod:`showcase.output.searchindex`).

- Material's search plugin is switched off (with a warning when mkdocs.yml still lists it):
  its index is the whole site in one file that every visitor downloads on the first page.
- Hand-written pages hand over their rendered Markdown (before data is embedded in it).
- Once every page has been read (``on_env``), the index is made from the data and those
  texts (:mod:`showcase.output.searchdocs`), on Linux by a forked process while MkDocs
  renders the pages, and checked with the rest of the output. Features of unchanged pages come from
  ``.cache/search/features.json``; the texts of hand-written pages are kept in
  ``.cache/search/pages.json``, so a build that renders only some pages (``--dirty``) still
  writes the complete index. When nothing the index is made of changed and the output
  already holds it, nothing is written.
"""

from __future__ import annotations

import html
import json
import logging
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..derive.dossier import Dossier
from ..model import Dataset
from ..output.pages import PageSpec
from ..output.searchdocs import SKIPPED_KINDS, PublishedPage, site_docs
from ..output.searchindex import INDEX_DIR, FeatureCache, build_index, is_index_file, write_atomic
from .incremental import config_texts

log = logging.getLogger("mkdocs.plugins.showcase")

_EMBED_TOKEN = re.compile(r"SCEMBED\d+X")
_TAGS = re.compile(r"<[^>]*>")
PAGES_FORMAT = 1


def disable_theme_search(config: MkDocsConfig) -> None:
    """Switch off Material's search plugin (MkDocs adds it when mkdocs.yml has no ``plugins``)."""
    for plugin in config.plugins.values():
        if not type(plugin).__module__.startswith("material.plugins.search"):
            continue
        settings: Any = getattr(plugin, "config", None)
        if settings is None or not settings.enabled:
            continue
        settings.enabled = False
        listed = any(re.search(r"(?m)^plugins\s*:", text) for text in config_texts(config))
        fix = "请删除 plugins 下的 search 一行" if listed else "请在 mkdocs.yml 中写上 plugins: []（不写时 MkDocs 会自动加上 search）"
        log.warning(
            "mkdocs.yml：Material 的搜索插件 search 已停用：本网站使用自己的分块搜索索引，"
            f"访客不必先下载整个网站的索引。{fix}"
        )


def _can_fork() -> bool:
    """A forked worker is safe only where fork is the norm and no other thread is running."""
    if os.environ.get("SHOWCASE_SEARCH_WORKER", "1") == "0":
        return False
    return sys.platform.startswith("linux") and threading.active_count() == 1


def source_stamp(file: File) -> str:
    """What a hand-written page's text depends on besides the data: its file."""
    if not file.abs_src_path or not os.path.isfile(file.abs_src_path):
        return ""
    stat = os.stat(file.abs_src_path)
    return f"{stat.st_mtime_ns}:{stat.st_size}"


def _plain_title(title: object) -> str:
    return html.unescape(_TAGS.sub("", str(title))).strip() if title else ""


class SiteSearch:
    """One build's search: the texts of hand-written pages, then the index."""

    def __init__(self, root: Path, data: Dataset, dossier: Callable[[], Dossier]) -> None:
        self.cache_dir = root / ".cache" / "search"
        self.data = data
        self.dossier = dossier
        self.captured: dict[str, dict[str, str]] = {}  # src_uri → {title, html, source}
        self._stored: dict[str, dict[str, str]] | None = None
        self.stats: dict[str, int] = {}
        self.site_dir: Path | None = None
        self.pages: list[PublishedPage] = []
        self.worker: BaseProcess | None = None
        self.receive: Connection | None = None

    # -- hand-written pages -------------------------------------------------------------
    def capture(self, file: File, html_text: str, title: object) -> None:
        """A hand-written page was rendered: keep its text (without embedded data)."""
        self.captured[file.src_uri] = {
            "title": _plain_title(title),
            "html": _EMBED_TOKEN.sub(" ", html_text),
            "source": source_stamp(file),
        }

    def stored(self) -> dict[str, dict[str, str]]:
        if self._stored is None:
            self._stored = {}
            try:
                data = json.loads((self.cache_dir / "pages.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get("format") == PAGES_FORMAT and isinstance(data.get("pages"), dict):
                self._stored = {k: v for k, v in data["pages"].items() if isinstance(v, dict)}
        return self._stored

    def has_text(self, file: File) -> bool:
        """A page not rendered in this build still has its text indexed (for --dirty)."""
        entry = self.captured.get(file.src_uri) or self.stored().get(file.src_uri)
        return entry is not None and entry.get("source") == source_stamp(file)

    def _text(self, file: File) -> dict[str, str] | None:
        entry = self.captured.get(file.src_uri)
        if entry is None:
            entry = self.stored().get(file.src_uri)
            if entry is None or entry.get("source") != source_stamp(file):
                return None
        return entry

    # -- the index -----------------------------------------------------------------------
    def published_pages(self, files: Files, by_src: Mapping[str, PageSpec]) -> list[PublishedPage]:
        pages = []
        for file in files.documentation_pages():
            spec = by_src.get(file.src_uri)
            if spec is not None and spec.kind in SKIPPED_KINDS:
                continue
            page = file.page
            title = _plain_title(page.title) if page is not None and page.markdown is not None else ""
            if spec is not None and spec.generated:
                pages.append(PublishedPage(file.src_uri, file.url, title or spec.title, spec))
                continue
            text = self._text(file)
            if text is None:
                log.warning(f"搜索索引：{file.src_uri} 的文字未能收录（这一页在本次生成中没有重新生成），下次完整生成时会补上")
                continue
            pages.append(PublishedPage(file.src_uri, file.url, title or text.get("title") or (spec.title if spec else ""),
                                       spec, text.get("html", "")))
        return pages

    def start(self, site_dir: Path, files: Files, by_src: Mapping[str, PageSpec]) -> None:
        """Every page has been read (``on_env``): the index can be made while MkDocs renders
        the pages. On Linux, in a process with no other thread (``mkdocs build``), it is made
        by a forked process on the other core; elsewhere when :meth:`finish` asks for it."""
        self.site_dir = site_dir
        self.pages = self.published_pages(files, by_src)
        if not _can_fork():
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self.worker = context.Process(target=self._work, args=(send,), name="showcase-search", daemon=True)
        self.worker.start()
        send.close()
        self.receive = receive

    def _work(self, send: Connection) -> None:  # pragma: no cover - runs in the forked process
        try:
            send.send(("ok", self._make()))
        except Exception as error:  # noqa: BLE001 - any failure: the parent makes the index itself
            send.send(("error", f"{type(error).__name__}: {error}"))
        finally:
            send.close()

    def finish(self) -> list[str]:
        """The index is in the output (made now, or by the worker): return what was written."""
        if self.worker is not None and self.receive is not None:
            worker, receive = self.worker, self.receive
            self.worker = self.receive = None
            try:
                status, result = receive.recv()
            except EOFError:
                status, result = "error", f"the worker ended with code {worker.exitcode}"
            worker.join()
            receive.close()
            if status == "ok":
                written, self.stats = result
                self._stored = None  # the worker saved the texts
                return list(written)
            log.debug(f"search index worker failed ({result}); making the index in this process")
        written, self.stats = self._make()
        return written

    def cancel(self) -> None:
        """The build stopped: stop the worker, if any."""
        if self.worker is not None:
            self.worker.kill()
            self.worker.join()
            self.worker = None
        if self.receive is not None:
            self.receive.close()
            self.receive = None

    def _make(self) -> tuple[list[str], dict[str, int]]:
        """Write the index into the output (unless it is there already); save the caches."""
        assert self.site_dir is not None, "start() has not run"
        site_dir, pages = self.site_dir, self.pages
        docs = site_docs(self.data, pages, self.dossier)
        cache = FeatureCache(self.cache_dir / "features.json")
        manifest = site_dir / INDEX_DIR / "m.js"

        def previous() -> str | None:
            try:
                return manifest.read_text(encoding="utf-8")
            except OSError:
                return None

        _, index = build_index(docs, self.data.synonyms, cache, previous)
        written: list[str] = []
        if index is not None:
            folder = site_dir / INDEX_DIR
            if folder.is_dir():  # files of an earlier index that this one does not have
                for path in sorted(folder.rglob("*.js")):
                    rel = path.relative_to(site_dir).as_posix()
                    if is_index_file(rel) and rel not in index:
                        path.unlink()
            for rel, text in index.items():
                path = site_dir / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written.append(rel)
        cache.save()
        self._save_pages(pages)
        return written, {"docs": len(docs), "computed": cache.computed, "files": len(written)}

    def _save_pages(self, pages: list[PublishedPage]) -> None:
        texts = {}
        for page in pages:
            entry = self.captured.get(page.src_uri) or self.stored().get(page.src_uri)
            if page.html is not None and entry is not None:
                texts[page.src_uri] = entry
        if texts != self.stored():
            write_atomic(self.cache_dir / "pages.json",
                         json.dumps({"format": PAGES_FORMAT, "pages": texts}, ensure_ascii=False, sort_keys=True))
            self._stored = texts
