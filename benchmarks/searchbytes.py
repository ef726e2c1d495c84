"""What a visitor downloads for site search: before the search box is used, and for a first search.

    .venv/bin/python benchmarks/searchbytes.py SITE_DIR [--query 2019 薪火工程 --query 荣誉 …]

Serves the built site the way deploy/nginx.conf does (gzip level 6 for text types of 1,024
bytes or more), opens the home page in Chromium (Debian's, through Playwright), waits until
the network is idle, then uses the search box as a visitor does — "/" and the query typed —
and waits for the results. Counted: the response bodies (as sent, gzip where the server
compresses; HTTP headers not included) of every request after the box is used, and of the
search-related requests before it. A fresh browser context per query (nothing cached).
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import statistics
import sys
import threading
import urllib.parse
from functools import lru_cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
GZIP_TYPES = {"text/html", "text/css", "text/plain", "text/xml", "application/xml", "application/javascript",
              "text/javascript", "application/json", "application/manifest+json", "image/svg+xml"}
mimetypes.add_type("application/javascript", ".js")


@lru_cache(maxsize=8192)
def _gzip(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class CountingServer:
    """A static server that compresses like the project's nginx and logs the bytes it sends."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.log: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                full = server.root / path.lstrip("/")
                if full.is_dir():
                    full = full / "index.html"
                if not full.is_file():
                    self.send_error(404)
                    return
                ctype = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
                raw = full.stat().st_size
                packed = "gzip" in self.headers.get("Accept-Encoding", "") and ctype in GZIP_TYPES and raw >= 1024
                body = _gzip(str(full), full.stat().st_mtime) if packed else full.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                if packed:
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                self.wfile.write(body)
                with server.lock:
                    server.log.append((path, len(body)))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            out, self.log = self.log, []
        return out

    def stop(self) -> None:
        self.httpd.shutdown()


def measure(site: Path, queries: list[str]) -> dict:
    """Bytes before the search box is used and for a first search of each query."""
    from playwright.sync_api import sync_playwright

    server = CountingServer(site)
    out: dict = {"queries": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in queries:
                context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
                page = context.new_page()
                page.goto(server.url, wait_until="networkidle")
                page.wait_for_timeout(300)
                before = server.take()
                page.locator("input.md-search__input").click()
                page.wait_for_function("window.showcaseSearch !== undefined")
                page.locator("input.md-search__input").fill(query)
                page.wait_for_function(
                    "q => document.querySelector('[data-sx-list]').getAttribute('data-sx-query') === q", arg=query
                )
                page.wait_for_load_state("networkidle")
                after = server.take()
                results = page.locator("[data-sx-list] a.md-search-result__link").count()
                context.close()
                out["queries"].append({
                    "q": query,
                    "bytes": sum(n for _, n in after),
                    "requests": len(after),
                    "files": [p for p, _ in after],
                    "results_shown": results,
                })
                out["page_load_search_bytes"] = sum(n for p, n in before if "search" in p)
                out["page_load_search_files"] = sorted(p for p, _ in before if "search" in p)
            browser.close()
    finally:
        server.stop()
    sizes = [q["bytes"] for q in out["queries"]]
    out["median"], out["max"] = statistics.median(sizes), max(sizes)
    return out


def typical_queries(site_src: Path) -> list[str]:
    """Queries a visitor types on a generated site (benchmarks/generate.py's vocabulary): a
    person of the site, a year and a programme, topics, a synonym, a typo, section names."""
    names = []
    for path in sorted((site_src / "data" / "entrepreneurs").glob("*.yml"))[:40]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("name:"):
                names.append(line.split(":", 1)[1].strip().strip('"'))
    person = next((n for n in names if len(n) == 3), names[0] if names else "王示明")
    return [person, "2019 薪火工程", "乡村振兴", "2020 抗疫", "光彩公益", "商会改革", "荣誉", "企业家风采",
            "自查报告", "薪伙工程"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="a built site folder (site/ of a generated site)")
    parser.add_argument("--query", action="append", help="a query (repeatable); default: typical queries")
    args = parser.parse_args(argv)
    site = Path(args.site)
    queries = args.query or typical_queries(site.parent)
    result = measure(site, queries)
    for q in result["queries"]:
        print(f"{q['q']:<12} {q['bytes'] / 1000:7.1f} kB gzip in {q['requests']} requests, {q['results_shown']} results shown")
    print(f"median {result['median'] / 1000:.1f} kB, max {result['max'] / 1000:.1f} kB; before the search box is used: "
          f"{result['page_load_search_bytes']} B {result['page_load_search_files']}")
    if os.environ.get("JSON"):
        json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
