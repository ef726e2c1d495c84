"""PROPOSAL, not used by the build: ``check_site`` with the same findings at a fraction of the cost.

The output check (hooks/showcase/outputcheck.py) is the largest cost our hooks add to a build
(about 2 s of CPU per 1,000 records, ~35–45 % of the hooks' extra time; see BENCHMARKS.md).
Two things make it slow, both linear in the output but with a large constant:

1. Every internal reference of every page is resolved on the file system: ``Path.resolve()``
   (``os.path.realpath``: one ``lstat`` per path component), ``is_file()``, ``is_dir()`` —
   ~35 references per page, ~30,000 resolutions at 1,000 records, most of them the same
   navigation and asset links resolved again on every page.
   Here: the one ``rglob`` the check already does gives the set of output files; references are
   resolved with string operations (``posixpath.normpath``) and memoised per (folder, reference).
   MkDocs writes no symlinks into the output, so nothing is lost by not following them.
2. The personal-number regular expressions start with look-behinds, which disable the regex
   engine's literal-prefix search, and they run over every byte of every page (27 MB at 1,000
   records: the same theme chrome on every page, and the 8+ MB search index).
   Here: the mobile pattern without look-behind (it then starts with a literal ``1`` and is
   ~15× faster), boundaries checked in Python on the few matches; and each distinct line of
   output is scanned once (a line seen on an earlier page is not scanned again, but a number on
   it is still reported for every page that has that line: no number can span a line).

Measured on the 1,000-record site (862 pages): current 1.9–3.6 s, this version 0.45–1.2 s
(the machine was shared; same ratio in every run), identical findings.

Run ``python benchmarks/proposals/outputcheck_fast.py SITE_OUTPUT_DIR`` to compare the two
on a built site, and on a small site with planted problems.
"""

from __future__ import annotations

import posixpath
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))

from showcase import outputcheck as oc
from showcase.outputcheck import (
    _ANCHOR_RE,
    _SCHEME_RE,
    TEXT_SUFFIXES,
    Finding,
    _anchors,
    _mask,
    _refs,
    _tags,
    digits_only,
    valid_id_number,
)

_MOBILE = re.compile(r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}")  # literal first character: fast search
_ID = re.compile(r"\d{17}[0-9Xx]")


def _bounded(text: str, start: int, end: int) -> bool:
    """Same as the look-arounds (?<![0-9A-Za-z]) … (?![0-9A-Za-z])."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def scan_numbers(text: str, allowed: set[str]) -> list[tuple[str, str]]:
    found = []
    for match in _ID.finditer(text):
        if _bounded(text, match.start(), match.end()):
            number = match.group(0)
            if valid_id_number(number) and number not in allowed:
                found.append(("id-number", _mask(number)))
    for match in _MOBILE.finditer(text):
        if _bounded(text, match.start(), match.end()):
            number = digits_only(match.group(0))
            if number not in allowed:
                found.append(("mobile", _mask(number)))
    return found


class _Lines:
    """Scan each distinct line once; remember the lines that hold numbers."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        self.seen: set[str] = set()
        self.bad: dict[str, list[tuple[str, str]]] = {}

    def scan(self, text: str) -> list[tuple[str, str]]:
        novel, found = [], []
        for line in text.split("\n"):
            if line in self.seen:
                found.extend(self.bad.get(line, ()))
            else:
                self.seen.add(line)
                novel.append(line)
        if novel and scan_numbers("\n".join(novel), self.allowed):  # rare: find the lines
            for line in novel:
                hits = scan_numbers(line, self.allowed)
                if hits:
                    self.bad[line] = hits
                    found.extend(hits)
        return found


def check_site(
    site_dir: Path,
    *,
    allowed_numbers: Iterable[str] = (),
    base_path: str = "/",
    sources: Mapping[str, str] | None = None,
) -> list[Finding]:
    root = site_dir.resolve()
    allowed = {digits_only(n) for n in allowed_numbers if n}
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

    lines = _Lines(allowed)
    findings: list[Finding] = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES:
            continue
        rel = path.relative_to(root).as_posix()
        source = sources.get(rel, "")
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, number in lines.scan(text):
            findings.append(Finding(rel, kind, number, source))
        if suffix not in (".html", ".htm"):
            continue
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


def _planted(root: Path) -> None:
    """A small output folder with one of each problem, some repeated on several pages."""
    page = (
        '<html><body id="top"><nav><a href="../">home</a> <a href="../b/">b</a> '
        '<a href="/assets/x.css">css</a></nav>\n<p>call 138 1234 5678 now</p>\n{extra}\n</body></html>'
    )
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "x.css").write_text("body{}", encoding="utf-8")
    (root / "index.html").write_text('<a href="a/">a</a><a href="a/#nope">x</a><a href="a/#top">ok</a>', "utf-8")
    for name, extra in (
        ("a", '<a href="../missing/">m</a> <a href="../../outside.html">o</a> ID 11010519491231002X'),
        ("b", '<a href="javascript:alert(1)">j</a> <img src="../assets/none.png" srcset="../assets/x.css 1x">'),
        ("c", 'tel 13912345678 <a href="../a/index.html#top">ok</a> <a href="#top">self</a>'),
    ):
        (root / name).mkdir()
        (root / name / "index.html").write_text(page.format(extra=extra), encoding="utf-8")
    (root / "search.json").write_text('{"t": "15912345678"}', encoding="utf-8")


def compare(site: Path) -> bool:
    start = time.perf_counter()
    old = oc.check_site(site)
    t_old = time.perf_counter() - start
    start = time.perf_counter()
    new = check_site(site)
    t_new = time.perf_counter() - start
    same = old == new
    print(f"{site}: current {t_old:.2f} s, proposal {t_new:.2f} s; {len(old)} findings; identical: {same}")
    if not same:
        print("  only current:", sorted(set(old) - set(new))[:10])
        print("  only proposal:", sorted(set(new) - set(old))[:10])
    return same


if __name__ == "__main__":
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        _planted(Path(tmp))
        ok &= compare(Path(tmp))
    for arg in sys.argv[1:]:
        ok &= compare(Path(arg))
    sys.exit(0 if ok else 1)
