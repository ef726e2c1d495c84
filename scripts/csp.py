"""The Content-Security-Policy a built site works under: 'self' plus the hashes of its inline scripts.

    .venv/bin/python scripts/csp.py site                     # prints the header value
    .venv/bin/python scripts/csp.py site --nginx             # prints: add_header Content-Security-Policy "…" always;
    .venv/bin/python scripts/csp.py site --nginx -o /etc/nginx/snippets/wenming-csp.conf
    .venv/bin/python scripts/csp.py site --nginx --keep-from old-csp.conf -o transition.conf

Material's base.html writes a few small inline <script> elements into every page (they differ
only with the page's depth and with site_url, and change when Material is upgraded); the share
block adds one more. Instead of allowing every inline script ('unsafe-inline'), the policy lists
the SHA-256 of each distinct inline script found in the built pages. It must therefore be
generated again after every build that may change them: a Material upgrade, a template change,
a new site_url, a renamed record (its redirect page). Inline <style> elements and style
attributes, if any, are hashed the same way. Things no hash can allow (event-handler attributes,
javascript: links, resources on other hosts) are reported and make the command fail.

--keep-from adds the hashes of a policy in use (a snippet or a bare value) for the minutes of a
switch-over: pages still being replaced by the upload keep working while the new ones arrive.

Only scripts the project wrote are hashed: every inline script must be one of the inline
scripts of the templates (this project's overrides/ and Material's own templates, with their
{{ … }} parts free). A script that is not — code injected through data or a page — makes the
command fail instead of being blessed by the policy.

Only the standard library is used, so it runs wherever the site is built (no dev install needed).
Messages are in Chinese: operators read them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Everything but the hashes. Why each source is needed:
#   img-src data:   Material's icons are data: SVGs in its stylesheet (CSS mask images)
#   connect-src     'self' only (site search loads its index as scripts: script-src 'self' is enough)
#   worker-src      'self' only (no part of the site starts a worker)
#   frame-ancestors the same as X-Frame-Options: SAMEORIGIN (only works as an HTTP header)
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("media-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
    ("frame-ancestors", ("'self'",)),
)

# <script type="…"> values a browser executes (anything else, e.g. application/json, is a data block).
_JS_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "application/x-javascript",
    "text/x-javascript",
}
# Elements and attributes that make the browser fetch something (checked for other hosts).
_FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_FETCHING_LINKS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload", "prefetch"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


def sha256_source(text: str) -> str:
    """CSP hash source of an inline script or style, as the browser computes it."""
    # The HTML parser turns CR LF and lone CR into LF before the text reaches the DOM.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(application/(?:ld\+)?json|text/template)""", re.IGNORECASE)


def _literal(text: str) -> str:
    words = [re.escape(word) for word in text.split()]
    return r"\s*" + r"\s*".join(words) + r"\s*" if words else r"\s*"


def template_pattern(body: str) -> re.Pattern[str]:
    """The scripts a template's inline script can become: its text, with every printed value
    {{ … }} free within a string, {% … %} and {# … #} free, and spacing free (Jinja trims it)."""
    pattern, position = "", 0
    for match in _JINJA.finditer(body):
        # a printed value ({{ … }}: a path, a name) cannot close a string or a call; a block
        # tag ({% … %}) may stand for any of the template's own text
        free = r"[^\"'`<>;(){}\\\n]*?" if match.group().startswith("{{") else ".*?"
        pattern += _literal(body[position : match.start()]) + free
        position = match.end()
    pattern += _literal(body[position:])
    return re.compile(pattern, re.DOTALL)


def default_template_folders() -> list[Path]:
    """This project's overrides/ and the templates of the installed Material theme."""
    folders = [Path(__file__).resolve().parent.parent / "overrides"]
    spec = importlib.util.find_spec("material")
    if spec is not None and spec.origin:
        folders.append(Path(spec.origin).parent / "templates")
    return [folder for folder in folders if folder.is_dir()]


class Templates:
    """The inline scripts the project's and Material's templates can write."""

    def __init__(self, folders: list[Path]) -> None:
        self.patterns: list[re.Pattern[str]] = []
        for folder in folders:
            for path in sorted(folder.rglob("*.html")):
                text = path.read_text(encoding="utf-8", errors="replace")
                for attrs, body in _TEMPLATE_SCRIPT.findall(text):
                    if re.search(r"\bsrc\s*=", attrs) or _DATA_TYPE.search(attrs):
                        continue
                    self.patterns.append(template_pattern(body.replace("\r\n", "\n")))

    def allows(self, script: str) -> bool:
        text = script.replace("\r\n", "\n").replace("\r", "\n")
        return any(pattern.fullmatch(text) for pattern in self.patterns)


@dataclass
class Scan:
    """What the pages of a built site need from the policy."""

    pages: int = 0
    scripts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # text → pages
    styles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # <style> text → pages
    style_attrs: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # style="…" → pages
    redirect_pages: set[str] = field(default_factory=set)  # pages with <meta http-equiv="refresh">
    problems: list[str] = field(default_factory=list)  # things no hash can allow

    def script_hashes(self) -> list[str]:
        return sorted({sha256_source(text) for text in self.scripts})

    def style_hashes(self) -> list[str]:
        return sorted({sha256_source(text) for text in [*self.styles, *self.style_attrs]})


class _PageParser(HTMLParser):
    def __init__(self, page: str, scan: Scan) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.scan = scan
        self._inline: str | None = None  # "script" or "style" while inside an inline one
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._problem(f"<{tag} {name}=…> 是内联事件属性，CSP 不允许（请改为在外部脚本中绑定事件）")
            elif name == "style":
                self.scan.style_attrs[value].append(self.page)
            if name in _URL_ATTRS and value.strip().lower().startswith("javascript:"):
                self._problem(f"<{tag} {name}=\"javascript:…\"> 在 CSP 下不能运行")
        self._check_hosts(tag, values)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.scan.redirect_pages.add(self.page)
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in _JS_TYPES:
            self._begin("script")
        elif tag == "style":
            self._begin("style")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._inline == tag:  # <script/> in foreign content: empty
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._inline is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._inline is not None and tag == self._inline:
            text = "".join(self._text)
            target = self.scan.scripts if tag == "script" else self.scan.styles
            target[text].append(self.page)
            self._inline = None

    def _begin(self, kind: str) -> None:
        self._inline = kind
        self._text = []

    def _problem(self, message: str) -> None:
        self.scan.problems.append(f"{self.page}: {message}")

    def _check_hosts(self, tag: str, values: dict[str, str]) -> None:
        attrs = _FETCHING.get(tag, ())
        if tag == "link" and _FETCHING_LINKS & set(values.get("rel", "").lower().split()):
            attrs = ("href",)
        for attr in attrs:
            raw = values.get(attr)
            if not raw:
                continue
            urls = [c.strip().split(" ")[0] for c in raw.split(",")] if attr == "srcset" else [raw.strip()]
            for url in urls:
                parts = urlsplit(url)
                if parts.netloc or (parts.scheme and parts.scheme not in ("data",)):
                    self._problem(f"<{tag} {attr}=\"{url}\"> 引用了其他网站的资源，CSP（'self'）不允许；请把文件放进网站")
                elif parts.scheme == "data" and tag not in ("img", "source", "image", "use"):
                    self._problem(f"<{tag} {attr}=\"data:…\"> 在 CSP 下不能加载")


def scan_site(site_dir: Path, templates: Templates | None = None) -> Scan:
    """Read every HTML page under ``site_dir``; with ``templates``, an inline script none of
    them can write is a problem (it was not written by the project)."""
    scan = Scan()
    for path in sorted(site_dir.rglob("*.htm*")):
        if path.suffix.lower() not in (".html", ".htm") or not path.is_file():
            continue
        page = path.relative_to(site_dir).as_posix()
        parser = _PageParser(page, scan)
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        scan.pages += 1
    if templates is not None:
        for text, pages in sorted(scan.scripts.items(), key=lambda item: item[1][0]):
            if not templates.allows(text):
                snippet = " ".join(text.split())[:80]
                scan.problems.append(
                    f"{pages[0]}（共 {len(pages)} 页）: 这段内联脚本不是本项目或 Material 的模板写出的，"
                    f"可能是被注入的代码，不能放行：{snippet}"
                )
    return scan


_HASH = re.compile(r"'sha(?:256|384|512)-[A-Za-z0-9+/]+=*'")


def kept_sources(text: str) -> dict[str, list[str]]:
    """Hash sources (and 'unsafe-hashes') of script-src and style-src in an existing policy or snippet."""
    kept: dict[str, list[str]] = {"script-src": [], "style-src": []}
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        match = re.search(r'Content-Security-Policy\s+"([^"]*)"', line)
        value = match[1] if match else line
        for directive in value.split(";"):
            words = directive.split()
            if words and words[0] in kept:
                kept[words[0]] += [w for w in words[1:] if _HASH.fullmatch(w) or w == "'unsafe-hashes'"]
    return kept


def policy(scan: Scan, keep: dict[str, list[str]] | None = None) -> str:
    """The header value: DIRECTIVES with the scanned hashes added to script-src and style-src."""
    keep = keep or {}
    parts = []
    for name, sources in DIRECTIVES:
        sources = list(sources)
        extra = keep.get(name, [])
        if name == "script-src":
            sources += sorted(set(scan.script_hashes()) | {w for w in extra if w != "'unsafe-hashes'"})
        elif name == "style-src":
            if scan.style_attrs or "'unsafe-hashes'" in extra:
                sources.append("'unsafe-hashes'")  # hashes then also cover style="…" attributes
            sources += sorted(set(scan.style_hashes()) | {w for w in extra if w != "'unsafe-hashes'"})
        parts.append(" ".join([name, *sources]))
    return "; ".join(parts)


def nginx_line(value: str) -> str:
    if '"' in value or "$" in value or "\\" in value:  # cannot happen with base64 hashes
        raise ValueError("CSP value cannot be written as an nginx string")
    return f'add_header Content-Security-Policy "{value}" always;'


_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


def _shape(text: str) -> str:
    """A script with its string literals blanked: scripts that differ only in strings share a shape."""
    return _STRING.sub('""', text)


def report(scan: Scan) -> list[str]:
    """Chinese notes for the operator (printed to stderr)."""
    lines = [
        (
            f"已检查 {scan.pages} 个页面：内联脚本 {sum(len(p) for p in scan.scripts.values())} 处，"
            f"不同的 {len(scan.scripts)} 段（每段一个 sha256）；"
            f"内联样式 {len(scan.styles)} 段，style 属性 {len(scan.style_attrs)} 种。"
        )
    ]
    for text, pages in sorted(scan.scripts.items(), key=lambda item: (-len(item[1]), item[1][0])):
        snippet = " ".join(text.split())[:60]
        lines.append(f"  {sha256_source(text)}  {len(pages):4d} 页，如 {pages[0]}：{snippet}")
    # Scripts that differ from page to page make the header grow with the site.
    depths = {page.count("/") for pages in scan.scripts.values() for page in pages}
    shapes: dict[str, set[str]] = defaultdict(set)
    for text in scan.scripts:
        shapes[_shape(text)].add(text)
    redirect_only = [t for t, pages in scan.scripts.items() if set(pages) <= scan.redirect_pages]
    if len(redirect_only) > 1:
        lines.append(
            f"注意：转址页（改名记录的旧网址）各有一段不同的内联脚本（{len(redirect_only)} 段），每段都要一个 hash，"
            "CSP 会随改名记录增多而变长。建议把 overrides/showcase/redirect.html 中的脚本改成内容固定的写法，"
            "例如 <script data-to=\"…\">location.replace(document.currentScript.dataset.to + location.hash);</script>。"
        )
    for variants in shapes.values():
        if len(variants) > len(depths) + 1 and not set(variants) <= set(redirect_only):
            sample = " ".join(next(iter(variants)).split())[:60]
            lines.append(f"注意：有一段内联脚本随页面而变（{len(variants)} 种）：{sample}…；请让模板改用固定内容的脚本。")
    if scan.style_attrs:
        lines.append("注意：页面中有 style 属性，CSP 用 'unsafe-hashes' 和它们的 hash 放行；最好改为 CSS 类。")
    return lines


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="生成网站能正常运行的 Content-Security-Policy（内联脚本的 sha256 由已生成的网站算出）"
    )
    parser.add_argument("site", type=Path, help="已生成的网站文件夹，例如 site")
    parser.add_argument("--nginx", action="store_true", help="输出 nginx 的 add_header 行（供 include）")
    parser.add_argument("-o", "--output", type=Path, help="写入这个文件（先写临时文件再替换），而不是输出到屏幕")
    parser.add_argument("-q", "--quiet", action="store_true", help="不在 stderr 列出各段脚本")
    parser.add_argument(
        "--templates",
        type=Path,
        action="append",
        metavar="DIR",
        help="允许的内联脚本来自这些模板文件夹（可写多次）；默认为本项目的 overrides/ 和 Material 的模板",
    )
    parser.add_argument(
        "--keep-from",
        type=Path,
        metavar="FILE",
        help="同时保留这个文件（正在使用的 CSP 片段）中的 hash：换版期间新旧页面都能运行；文件不存在时忽略",
    )
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    if not (args.site / "index.html").is_file():
        print(f"{args.site}：不是已生成的网站文件夹（没有 index.html）。请先运行 mkdocs build。", file=sys.stderr)
        return 2
    folders = args.templates or default_template_folders()
    if not folders:
        print("找不到模板文件夹（overrides/ 或 Material 的模板），请用 --templates 指定。", file=sys.stderr)
        return 2
    scan = scan_site(args.site, Templates(folders))
    if scan.problems:
        print("网站中有 CSP 无法放行的内容，未生成 CSP：", file=sys.stderr)
        for problem in scan.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if not args.quiet:
        for line in report(scan):
            print(line, file=sys.stderr)
    keep = None
    if args.keep_from and args.keep_from.is_file():
        keep = kept_sources(args.keep_from.read_text(encoding="utf-8"))
        if not args.quiet:
            print(f"另外保留 {args.keep_from} 中的 {len(keep['script-src']) + len(keep['style-src'])} 个 hash（换版用）。", file=sys.stderr)
    value = policy(scan, keep)
    text = (nginx_line(value) if args.nginx else value) + "\n"
    if args.nginx:
        text = (
            "# 由 scripts/csp.py 根据已生成的网站自动生成，请勿手改；每次生成网站后重新生成。\n"
            f"# Generated by scripts/csp.py from {scan.pages} pages.\n" + text
        )
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
