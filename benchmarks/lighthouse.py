"""Lighthouse (mobile) scores of the example site, served on 127.0.0.1 like a real server.

    python benchmarks/lighthouse.py            # builds the example, serves it, prints the table

Needs Debian's chromium (scripts/setup-dev.sh) and Lighthouse 12.2.3 from npm, which this
script installs into benchmarks/lighthouse/node_modules on first use (npm ci).
The server gzips text and sends long cache headers for hashed assets, as the nginx
configuration in the deployment guide does; without that, transfer sizes would be
those of an unrealistic server.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LH_DIR = REPO / "benchmarks" / "lighthouse"
RESULTS = REPO / "benchmarks" / "results"
PAGES = {  # one page of each kind
    "首页": "",
    "企业家列表": "entrepreneurs/",
    "企业家": "entrepreneurs/wang-shiming/",
    "活动列表": "events/",
    "活动": "events/2022-xinhuo-peixun/",
    "活动类别": "categories/jiaoyu-peixun/",
    "荣誉墙": "honors/",
    "荣誉": "honors/2021-quanguo-tuopin-gongjian-xianjin-jiti/",
    "主要数据": "figures/",
    "工作板块": "areas/zhengzhi-jianhui/",
    "展望": "outlook/",
    "标签": "tags/",
    "申报材料": "dossier/",
    "自查报告": "report/",
    "404": "404.html",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and cache headers, like a production web server."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not ctype.startswith(TEXT_TYPES):
            return super().send_head()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        hashed = "/assets/" in self.path and any(c.isdigit() for c in self.path)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache")
        self.end_headers()
        import io
        return io.BytesIO(body)


def _lighthouse_bin() -> Path:
    binary = LH_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LH_DIR, check=True)
    return binary


def run(site: Path) -> list[dict]:
    chrome = shutil.which("chromium")
    if not chrome:
        sys.exit("chromium is not installed: run scripts/setup-dev.sh")
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        for name, url in PAGES.items():
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "report.json"
                subprocess.run(
                    [str(_lighthouse_bin()), base + url, "--output=json", f"--output-path={report}", "--quiet",
                     f"--chrome-flags={CHROME_FLAGS}"],
                    check=True, env={**os.environ, "CHROME_PATH": chrome},
                )
                data = json.loads(report.read_text(encoding="utf-8"))
            audits = data["audits"]
            failing = sorted(
                a["id"] for a in audits.values()
                if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
            )
            rows.append({
                "page": name,
                "url": "/" + url,
                **{k: round(data["categories"][k]["score"] * 100) for k in ("performance", "accessibility", "best-practices", "seo")},
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
                "failing_audits": failing,
            })
    finally:
        server.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build the example)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=REPO, check=True, env=env)
        rows = run(site)
    header = f"{'页面':<6} {'性能':>4} {'无障碍':>4} {'最佳实践':>4} {'SEO':>4} {'LCP ms':>7} {'CLS':>6} {'TBT ms':>6} {'传输 KB':>7}"
    print(header)
    for r in rows:
        print(f"{r['page']:<6} {r['performance']:>4} {r['accessibility']:>4} {r['best-practices']:>4} {r['seo']:>4} "
              f"{r['lcp_ms']:>7} {r['cls']:>6} {r['tbt_ms']:>6} {r['transfer_kb']:>7}  {' '.join(r['failing_audits'])}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
