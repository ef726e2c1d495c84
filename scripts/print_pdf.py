"""Print the self-inspection report and the dossier to A4 PDF with Debian's chromium.

    .venv/bin/python scripts/print_pdf.py --site-url https://example.org/wenming/   # → artifacts/report.pdf, artifacts/dossier.pdf
    .venv/bin/python scripts/print_pdf.py                                            # without QR codes and addresses (warns)

Builds the project (this repository, or --root) into a temporary folder, serves it on
127.0.0.1 and prints /report/ and /dossier/ the way a browser's "Save as PDF" does, with
the print stylesheet (overrides/assets/stylesheets/print.css): a cover, a contents page,
the body numbered from “— 1 —”, and a dated sign-off. Browsers cannot number a contents
page themselves (no CSS target-counter), so each document is printed twice: the first
print tells on which page every contents entry starts, the second carries those numbers.
--site-url builds as if the site were published there, so the QR codes and short addresses
on paper are the public ones; without it (and without site_url in mkdocs.yml) there are
none, because a bare site path opens nothing when typed or scanned.
Needs the development install (scripts/setup-dev.sh): Playwright, pypdf and chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGES = {"report": "report/", "dossier": "dossier/"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
NO_SITE_URL = (
    "注意：未设置网站地址（mkdocs.yml 的 site_url，或本命令的 --site-url），打印稿不含二维码和网址"
    "（只含站内路径的网址扫码或输入后打不开）。正式打印前请设置，例如 --site-url https://example.org/wenming/"
)
_MARKER = "SCPM{}Q"
_MARKER_RE = re.compile(r"SCPM(\d+)Q")
_PAGE_NUMBER_RE = re.compile(r"—\s*(\d+)\s*—")  # the page number in the bottom margin (print.css)

# Marks the page each contents entry starts on: tiny white text placed out of the flow, so
# the first print is laid out exactly like the second.
_MARK_JS = """
() => {
  const targets = [...document.querySelectorAll('[data-sc-page-for]')]
    .map(el => document.getElementById(el.getAttribute('data-sc-page-for')));
  targets.forEach((target, n) => {
    if (!target) { return; }
    const mark = document.createElement('span');
    mark.className = 'sc-page-marker';
    mark.textContent = 'SCPM' + n + 'Q';
    mark.style.cssText = 'position:absolute;font-size:2px;line-height:1;color:#fff;white-space:nowrap';
    target.prepend(mark);
  });
  return targets.length;
}
"""
_FILL_JS = """
(numbers) => {
  document.querySelectorAll('.sc-page-marker').forEach(el => el.remove());
  document.querySelectorAll('[data-sc-page-for]').forEach((el, n) => {
    el.textContent = numbers[n] == null ? '' : String(numbers[n]);
  });
}
"""


def build(root: Path, out: Path, site_url: str | None) -> str | None:
    """Build the project into ``out``; return the site_url it was built with."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the build's own summary is not needed here
    options = {"site_url": site_url} if site_url else {}
    config = load_config(config_file=os.fspath(root / "mkdocs.yml"), site_dir=os.fspath(out), **options)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return config.site_url or None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def marker_pages(pdf: bytes) -> dict[int, int]:
    """Marker number → the number printed at the foot of the first page it appears on."""
    from pypdf import PdfReader

    found: dict[int, int] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = page.extract_text() or ""
        number = _PAGE_NUMBER_RE.search(text)
        if number is None:
            continue  # cover and contents: not numbered
        for match in _MARKER_RE.finditer(text):
            found.setdefault(int(match.group(1)), int(number.group(1)))
    return found


def print_document(page: Any, url: str) -> bytes:
    """Print one page to A4 PDF, with the contents page numbered (two passes)."""
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    options = {"format": "A4", "print_background": True, "prefer_css_page_size": True}
    count = page.evaluate(_MARK_JS)
    if not count:
        return bytes(page.pdf(**options))
    where = marker_pages(page.pdf(**options))
    page.evaluate(_FILL_JS, [where.get(n) for n in range(count)])
    return bytes(page.pdf(**options))


def print_pages(base_url: str, out_dir: Path, browser: Any) -> dict[str, Path]:
    """Print every page in PAGES from ``base_url`` into ``out_dir``; return name → PDF path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    context = browser.new_context(locale="zh-CN")
    try:
        for name, url in PAGES.items():
            page = context.new_page()
            path = out_dir / f"{name}.pdf"
            path.write_bytes(print_document(page, base_url + url))
            written[name] = path
            page.close()
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="把自查报告和申报材料打印为 A4 PDF（封面、目录页码、落款）")
    parser.add_argument("--root", default=os.fspath(REPO), help="项目根目录（mkdocs.yml 所在的文件夹）")
    parser.add_argument("--out", default=os.fspath(REPO / "artifacts"), help="PDF 输出文件夹，默认 artifacts/")
    parser.add_argument("--site-url", help="按此网址生成（二维码和纸面网址使用它），例如 https://example.org/wenming/")
    args = parser.parse_args(argv)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("找不到 chromium：请先运行 bash scripts/setup-dev.sh", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="print-") as tmp:
        site = Path(tmp) / "site"
        used_url = build(Path(args.root).resolve(), site, args.site_url)
        if not used_url:
            print(NO_SITE_URL, file=sys.stderr)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=os.fspath(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                try:
                    written = print_pages(f"http://127.0.0.1:{server.server_address[1]}/", Path(args.out), browser)
                finally:
                    browser.close()
        finally:
            server.shutdown()
    for path in written.values():
        pages = len(PdfReader(os.fspath(path)).pages)
        print(f"已写入 {path}（{pages} 页，{path.stat().st_size // 1024} KB）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
