"""Browser tests: Debian's chromium driven by Playwright (no browser download).

The example site is built once into a temporary folder and served on 127.0.0.1.
Without chromium the tests are skipped locally, but fail in CI (CI=true), where
scripts/setup-dev.sh installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from deploykit import serve_like_nginx
from mkdocs.config import load_config
from sitebuild import build_site

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests: see scripts/setup-dev.sh)")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("example") / "site"
    build_site(REPO, out)
    return out


@pytest.fixture(scope="session")
def site_prefix() -> str:
    """The path of the project's site_url ("/" without one): the site is served under it, as
    it will be published (its 404 page refers to assets by that path)."""
    site_url = load_config(config_file=str(REPO / "mkdocs.yml")).site_url
    return "/" + urlsplit(site_url).path.strip("/") + "/" if site_url and urlsplit(site_url).path.strip("/") else "/"


@pytest.fixture(scope="session")
def base_url(example_site, site_prefix):
    if site_prefix == "/":
        server = serve(example_site)
    else:
        server = serve_like_nginx(example_site, "", prefix=site_prefix)
    yield f"http://127.0.0.1:{server.server_address[1]}{site_prefix}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    _require(CHROMIUM is not None, "chromium is not installed")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    _require(AXE.is_file(), "node_modules/axe-core is missing: run npm ci")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
