"""Helpers for build tests: build a project in-process and inspect the output folder."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import posixpath
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(root: Path, out: Path) -> BuiltSite:
    """Build ``root/mkdocs.yml`` into ``out`` the way MkDocs' own tests do."""
    cfg = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    # MkDocs leaves its logger at a level set by the CLI; keep test output quiet.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(cfg)
    return BuiltSite(out, urlsplit(cfg.site_url or "/").path)


class BuiltSite:
    """The output folder of one build, with parsed-page caching."""

    def __init__(self, out: Path, base_path: str = "/") -> None:
        self.out = Path(out)
        self.base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"  # site_url's path
        self._soups: dict[str, BeautifulSoup] = {}

    # -- files --------------------------------------------------------------------
    def path(self, url: str) -> Path:
        """Output file for a site-relative URL: "events/x/" → events/x/index.html."""
        url = url.lstrip("/")
        if url == "" or url.endswith("/"):
            url += "index.html"
        return self.out / url

    def exists(self, url: str) -> bool:
        return self.path(url).is_file()

    def html_files(self) -> list[Path]:
        return sorted(self.out.rglob("*.html"))

    def all_files(self) -> list[Path]:
        return sorted(p for p in self.out.rglob("*") if p.is_file())

    def text_of(self, path: Path) -> str:
        """Decoded contents of an output file (``.gz`` files decompressed)."""
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        return data.decode("utf-8", errors="replace")

    # -- pages --------------------------------------------------------------------
    def soup(self, url: str) -> BeautifulSoup:
        path = self.path(url)
        key = str(path)
        if key not in self._soups:
            self._soups[key] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._soups[key]

    def soup_of(self, path: Path) -> BeautifulSoup:
        return self.soup(path.relative_to(self.out).as_posix())

    def content(self, url: str):
        """The page's main article (Material puts page content in article.md-content__inner)."""
        soup = self.soup(url)
        article = soup.select_one("article.md-content__inner") or soup.select_one("article")
        assert article is not None, f"no <article> in {url}"
        return article

    def page_urls(self) -> list[str]:
        return [p.relative_to(self.out).as_posix() for p in self.html_files()]

    # -- the search index (hooks/showcase/output/searchindex.py) ------------------------
    @cached_property
    def search_files(self) -> dict[str, object]:
        """Every file of the search index: output path → its data (the files are ``__sx(name, data)``)."""
        found = {}
        for path in sorted((self.out / "search").rglob("*.js")):
            text = path.read_text(encoding="utf-8")
            assert text.startswith("__sx("), path
            start, end = text.index(",") + 1, text.rstrip().rindex(")")
            found[path.relative_to(self.out).as_posix()] = json.loads(text[start:end])
        return found

    @cached_property
    def search_docs(self) -> list[dict]:
        """The results the index can give, in page order: url, title, section, summary."""
        manifest = self.search_files["search/m.js"]
        rows = []
        for chunk in range(0, manifest["n"], manifest["k"]):
            rows += self.search_files[f"search/d/{chunk // manifest['k']:x}.js"]
        assert len(rows) == manifest["n"]
        return [dict(zip(("url", "title", "section", "summary"), row, strict=True)) for row in rows]

    def search_postings(self, feature: str) -> dict[int, int]:
        """Result number → weight, for one feature of the index (as the browser decodes it)."""
        import zlib

        manifest = self.search_files["search/m.js"]
        shard = self.search_files[f"search/s/{zlib.crc32(feature.encode()) % manifest['shards']:x}.js"]
        entry = shard.get(feature)
        if isinstance(entry, str):
            entry = self.search_files[f"search/h/{entry}.js"]
        if entry is None:
            return {}
        deltas, weights = entry[0], (entry[1] if len(entry) > 1 else [1] * len(entry[0]))
        out, doc = {}, 0
        for delta, weight in zip(deltas, weights, strict=True):
            doc += delta
            out[doc] = weight
        return out

    def search_urls(self, feature: str) -> set[str]:
        docs = self.search_docs
        return {docs[d]["url"] for d in self.search_postings(feature)}

    # -- links --------------------------------------------------------------------
    def links_from(self, url: str, within=None) -> list[str]:
        """Site-relative targets of every relative <a href> in a page (or an element of it)."""
        node = within if within is not None else self.soup(url)
        base = self.path(url).relative_to(self.out).as_posix()
        found = []
        for a in node.find_all("a", href=True):
            target = resolve_relative(base, a["href"])
            if target is not None:
                found.append(target)
        return found

    def anchors_to(self, url: str, target: str, within=None) -> list:
        """The <a> elements of a page (or part of it) that link to ``target``."""
        node = within if within is not None else self.soup(url)
        base = self.path(url).relative_to(self.out).as_posix()
        want = self.path(target).relative_to(self.out).as_posix()
        found = []
        for a in node.find_all("a", href=True):
            resolved = resolve_relative(base, a["href"])
            if resolved is not None and self.path(resolved).relative_to(self.out).as_posix() == want:
                found.append(a)
        return found

    def links_to(self, url: str, target: str, within=None) -> bool:
        """Whether the page (or an element of it) links to ``target`` (a site-relative URL)."""
        return bool(self.anchors_to(url, target, within))

    def resolves(self, target: str) -> bool:
        """Whether a site-relative URL names an output file (a folder URL → its index.html)."""
        path = self.out / target if target else self.out
        if target == "" or target.endswith("/"):
            return (path / "index.html").is_file()
        return path.is_file() or (path / "index.html").is_file()

    def broken_links(self) -> list[str]:
        """Every relative a[href], link[href], img/script/source[src] and srcset entry that names no output file."""
        broken = []
        for path in self.html_files():
            base = path.relative_to(self.out).as_posix()
            soup = self.soup_of(path)
            refs = [(t.name, t.get("href")) for t in soup.find_all(["a", "link"], href=True)]
            refs += [(t.name, t.get("src")) for t in soup.find_all(["img", "script", "source"], src=True)]
            for tag in soup.find_all(["img", "source"], srcset=True):
                for candidate in tag["srcset"].split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        refs.append((tag.name + " srcset", url))
            for tag, ref in refs:
                target = resolve_relative(base, ref, self.base_path)
                if target is None:
                    continue
                if not self.resolves(target):
                    broken.append(f"{base}: <{tag}> {ref} → {target}")
        return broken


def resolve_relative(base: str, ref: str, base_path: str = "/") -> str | None:
    """Resolve a reference found in output file ``base``; None for external ones. An absolute
    path is read below ``base_path`` (the path of site_url: a site published under a sub-path)."""
    if ref is None:
        return None
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("//"):
        return None
    path = unquote(parts.path)
    if path == "":
        return None  # "#fragment" or "?query": same page
    if path.startswith("/"):
        joined = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
        if path.endswith("/") and not joined.endswith("/"):
            joined += "/"
    if joined == ".":
        joined = ""
    return joined


def snapshot(out: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under ``out`` → (mtime_ns, size, sha256) for comparison."""
    result: dict[str, tuple[int, int, str]] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        stat = path.stat()
        if path.is_dir():
            result[rel + "/"] = (stat.st_mtime_ns, 0, "")
        else:
            result[rel] = (stat.st_mtime_ns, stat.st_size, hashlib.sha256(path.read_bytes()).hexdigest())
    return result
