"""A last look at every output file before it is published.

One pass over the built site finds
- personal numbers that must not be published: Chinese resident ID numbers (18 digits
  with a valid check digit) and mobile numbers (1[3-9] + 9 digits), except the unit's
  declared public contact numbers;
- internal links, anchors and image references that do not resolve.
External links are not fetched. Theme scripts and stylesheets are not scanned for numbers
(they come from the theme, not from data), but their references are checked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".txt", ".csv", ".md", ".yml", ".yaml", ".svg", ".webmanifest"}
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?![0-9A-Za-z])")
_TAG_RE = re.compile(r"<[A-Za-z][^<>]*>")  # real tags: text has its < escaped as &lt;
_REF_RE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SRCSET_RE = re.compile(r"""\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ANCHOR_RE = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True, order=True)
class Finding:
    page: str  # output path relative to the site folder
    kind: str  # "id-number", "mobile", "link", "anchor", "unsafe-link"
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
        return f"{self.page}: 链接或图片“{self.detail}”指向的文件不存在{src}"


def valid_id_number(number: str) -> bool:
    """True when an 18-character number has a valid GB 11643 check digit."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)


def _mask(number: str) -> str:
    plain = digits_only(number) if not number[-1:].isalpha() else number
    return plain[:3] + "*" * (len(plain) - 7) + plain[-4:]


def scan_numbers(text: str, allowed: set[str]) -> list[tuple[str, str]]:
    """Return (kind, masked number) for personal numbers in ``text``."""
    found = []
    for match in _ID_RE.finditer(text):
        number = match.group(1)
        if valid_id_number(number) and number not in allowed:
            found.append(("id-number", _mask(number)))
    for match in _MOBILE_RE.finditer(text):
        number = digits_only(match.group(1))
        if number not in allowed:
            found.append(("mobile", _mask(number)))
    return found


class _Site:
    def __init__(self, root: Path, base_path: str) -> None:
        self.root = root
        self.base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        self.anchors: dict[Path, set[str]] = {}

    def target(self, page: Path, ref: str) -> tuple[Path | None, str]:
        """The file a reference points to (None if outside the site), and its fragment."""
        parts = urlsplit(ref)
        path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(self.base_path) and path + "/" != self.base_path:
                return None, parts.fragment
            target = self.root / path[len(self.base_path):]
        elif path:
            target = page.parent / path
        else:
            target = page
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target, parts.fragment

    def anchors_of(self, path: Path) -> set[str]:
        if path not in self.anchors:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self.anchors[path] = _anchors(text)
        return self.anchors[path]


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
) -> list[Finding]:
    """Scan every output file once; return all findings, sorted."""
    root = site_dir.resolve()
    allowed = {digits_only(n) for n in allowed_numbers if n}
    sources = sources or {}
    site = _Site(root, base_path)
    findings: list[Finding] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES:
            continue
        rel = path.relative_to(root).as_posix()
        source = sources.get(rel, "")
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, number in scan_numbers(text, allowed):
            findings.append(Finding(rel, kind, number, source))
        if suffix not in (".html", ".htm"):
            continue
        tags = _tags(text)
        site.anchors[path] = {a or b for a, b in _ANCHOR_RE.findall(tags)}
        for ref in _refs(tags):
            ref = ref.strip()
            lowered = ref.lower()
            if lowered.startswith(("javascript:", "data:text", "vbscript:")):
                findings.append(Finding(rel, "unsafe-link", ref[:60], source))
                continue
            if not ref or ref.startswith("//") or _SCHEME_RE.match(ref):
                continue
            target, fragment = site.target(path, ref)
            if target is None:
                continue
            try:
                target = target.resolve()
            except OSError:
                target = None
            if target is None or not target.is_relative_to(root) or not target.is_file():
                findings.append(Finding(rel, "link", ref, source))
            elif fragment and target.suffix == ".html" and unquote(fragment) not in site.anchors_of(target):
                findings.append(Finding(rel, "anchor", ref, source))
    return sorted(set(findings))
