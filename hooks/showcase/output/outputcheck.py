"""A last look at every output file before it is published.

One pass over the built site finds
- personal numbers that must not be published, read as a person reads them (see
  :mod:`showcase.output.personal`): resident ID numbers and mobile numbers in any disguise,
  except the unit's declared public contact numbers;
- internal links, anchors and image references that do not resolve;
- the form editor (``showcase edit``), which edits the project on this computer and must never
  be published: its page carries ``EDITOR_MARK``, its bundle has known file names.
External links are not fetched. Theme scripts and stylesheets are not scanned for numbers
(they come from the theme, not from data), but their references are checked; the search
index files (scripts holding data) are scanned.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .personal import NumberScan, find_numbers, valid_id_number
from .searchindex import is_index_file

__all__ = ["Finding", "check_site", "scan_numbers", "valid_id_number"]

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".txt", ".csv", ".md", ".yml", ".yaml", ".svg", ".webmanifest"}
_TAG_RE = re.compile(r"<[A-Za-z][^<>]*>")  # real tags: text has its < escaped as &lt;
_REF_RE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SRCSET_RE = re.compile(r"""\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ANCHOR_RE = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# The form editor's page (tools/editor/index.html) and the files of the CMS bundles.
EDITOR_MARK = '<meta name="generator" content="showcase-editor">'
EDITOR_FILES = frozenset({"sveltia-cms.js", "sveltia-cms.mjs", "decap-cms.js", "netlify-cms.js"})


@dataclass(frozen=True, order=True)
class Finding:
    page: str  # output path relative to the site folder
    kind: str  # "id-number", "mobile", "link", "anchor", "unsafe-link", "editor"
    detail: str  # masked number, or the reference that failed
    source: str = ""  # data or docs file the page came from, when known

    def message(self) -> str:
        src = f"（来源：{self.source}）" if self.source else ""
        if self.kind == "id-number":
            return f"{self.page}: 页面中出现了疑似身份证号 {self.detail}{src}。请从数据中删除，或移到 private: 下"
        if self.kind == "mobile":
            return (f"{self.page}: 页面中出现了疑似手机号 {self.detail}{src}。请删除或移到 private: 下；"
                    "如果这是单位公开的联系电话，请写进 site.yml 的 contact.phone")
        if self.kind == "anchor":
            return f"{self.page}: 链接“{self.detail}”指向的页面中没有这个锚点{src}"
        if self.kind == "unsafe-link":
            return f"{self.page}: 不安全的链接“{self.detail}”{src}"
        if self.kind == "editor":
            return (f"{self.page}: 这是表单编辑器的文件（{self.detail}），编辑器只在本机使用，不能发布。"
                    "请把它移出 docs/ 和 overrides/ 文件夹")
        return f"{self.page}: 链接或图片“{self.detail}”指向的文件不存在{src}"


def scan_numbers(text: str, allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(kind, masked number) for every personal number a reader sees in ``text`` (plain text)."""
    return [(found.kind, found.masked) for found in find_numbers(text, allowed)]


def _tags(text: str) -> str:
    return "\n".join(_TAG_RE.findall(text))


def _anchors(text: str) -> set[str]:
    return {a or b for a, b in _ANCHOR_RE.findall(_tags(text))}


def _refs(tags: str) -> Iterable[str]:
    for a, b in _REF_RE.findall(tags):
        yield html.unescape(a or b)
    for a, b in _SRCSET_RE.findall(tags):
        for candidate in html.unescape(a or b).split(","):
            url = candidate.strip().split(" ")[0]
            if url:
                yield url


def check_site(
    site_dir: Path,
    *,
    allowed_numbers: Iterable[str] = (),
    base_path: str = "/",
    sources: Mapping[str, str] | None = None,
    changed_since: float | None = None,
    extra_text: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Scan every output file once; return all findings, sorted.

    ``changed_since`` (a time stamp): scan only files written since then, as after an
    incremental rebuild; references still resolve against every file. ``extra_text``:
    output path → the part of that file to scan instead of the whole file (the new entries
    of a search index that an incremental rebuild rewrote).

    References are resolved as strings against the set of output files (MkDocs writes no
    symlinks), memoised per folder and reference, since the navigation repeats on every page.
    """
    root = site_dir.resolve()
    numbers = NumberScan(allowed_numbers)
    sources = sources or {}
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    files = {p.relative_to(root).as_posix() for p in paths}
    dirs = {""}
    for f in files:
        d = posixpath.dirname(f)
        while d not in dirs:
            dirs.add(d)
            d = posixpath.dirname(d)
    anchors: dict[str, set[str]] = {}

    def anchors_of(rel: str) -> set[str]:
        if rel not in anchors:
            anchors[rel] = _anchors((root / rel).read_text(encoding="utf-8", errors="replace"))
        return anchors[rel]

    memo: dict[tuple[str, str], tuple[str | None, str, bool]] = {}

    def resolve(page_dir: str, ref: str) -> tuple[str | None, str, bool]:
        """(target file relative to root or None for the page itself, fragment, outside the site)."""
        key = (page_dir, ref)
        if key not in memo:
            parts = urlsplit(ref)
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base) and path + "/" != base:
                    memo[key] = (None, parts.fragment, True)
                    return memo[key]
                joined = path[len(base):]
            elif path:
                joined = posixpath.join(page_dir, path)
            else:
                memo[key] = (None, parts.fragment, False)
                return memo[key]
            target = posixpath.normpath(joined) if joined else "."
            target = "" if target == "." else target
            if target == ".." or target.startswith("../"):
                memo[key] = ("..", parts.fragment, False)
            else:
                if path.endswith("/") or target in dirs:
                    target = posixpath.join(target, "index.html") if target else "index.html"
                memo[key] = (target, parts.fragment, False)
        return memo[key]

    findings: list[Finding] = [
        Finding(rel, "editor", posixpath.basename(rel), sources.get(rel, ""))
        for rel in files
        if posixpath.basename(rel).lower() in EDITOR_FILES
    ]
    for path in paths:
        suffix = path.suffix.lower()
        rel = path.relative_to(root).as_posix()
        if suffix not in TEXT_SUFFIXES and not is_index_file(rel):
            continue
        if changed_since is not None and path.stat().st_mtime < changed_since:
            continue
        source = sources.get(rel, "")
        if extra_text is not None and rel in extra_text:
            text = extra_text[rel]
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        for found in numbers.file(rel, text):
            findings.append(Finding(rel, found.kind, found.masked, source))
        if suffix not in (".html", ".htm"):
            continue
        if EDITOR_MARK in text:
            findings.append(Finding(rel, "editor", "网站内容编辑页面", source))
        tags = _tags(text)
        anchors[rel] = {a or b for a, b in _ANCHOR_RE.findall(tags)}
        page_dir = posixpath.dirname(rel)
        for ref in _refs(tags):
            ref = ref.strip()
            if ref.lower().startswith(("javascript:", "data:text", "vbscript:")):
                findings.append(Finding(rel, "unsafe-link", ref[:60], source))
                continue
            if not ref or ref.startswith("//") or _SCHEME_RE.match(ref):
                continue
            target, fragment, outside = resolve(page_dir, ref)
            if outside:
                continue
            target = rel if target is None else target
            if target not in files:
                findings.append(Finding(rel, "link", ref, source))
            elif fragment and target.endswith(".html") and unquote(fragment) not in anchors_of(target):
                findings.append(Finding(rel, "anchor", ref, source))
    return sorted(set(findings))
