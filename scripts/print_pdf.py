"""Print the self-inspection report and the dossier to A4 PDF with Debian's chromium.

    .venv/bin/python scripts/print_pdf.py                      # → artifacts/report.pdf, artifacts/dossier.pdf
    .venv/bin/python scripts/print_pdf.py --site-url https://example.org/wenming/

Builds the project (this repository, or --root) into a temporary folder, serves it on
127.0.0.1 and prints /report/ and /dossier/ the way a browser's "Save as PDF" does, with
the print stylesheet (overrides/assets/stylesheets/print.css). --site-url builds as if the
site were published there, so the QR codes and short addresses on paper are the public ones.
Needs the development install (scripts/setup-dev.sh): Playwright, pypdf and chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = {"report": "report/", "dossier": "dossier/"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def build(root: Path, out: Path, site_url: str | None) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    options = {"site_url": site_url} if site_url else {}
    config = load_config(config_file=os.fspath(root / "mkdocs.yml"), site_dir=os.fspath(out), **options)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_pages(base_url: str, out_dir: Path, browser) -> dict[str, Path]:
    """Print every page in PAGES from ``base_url`` into ``out_dir``; return name → PDF path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    context = browser.new_context(locale="zh-CN")
    try:
        for name, url in PAGES.items():
            page = context.new_page()
            page.goto(base_url + url, wait_until="networkidle")
            page.emulate_media(media="print")
            path = out_dir / f"{name}.pdf"
            page.pdf(path=os.fspath(path), format="A4", print_background=True, prefer_css_page_size=True)
            written[name] = path
            page.close()
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="把自查报告和申报材料打印为 A4 PDF")
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
        build(Path(args.root).resolve(), site, args.site_url)
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
