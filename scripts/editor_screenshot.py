"""The editing guide's picture of the form editor (guide/images/editor-form.png).

    .venv/bin/python scripts/editor_screenshot.py

Opens one of the example's events in the form editor (headless chromium, the example project
copied to a temporary folder) and saves a small palette PNG.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from browser.editorkit import editor_server, open_project
from showcase.tools.formeditor import EditorApp, ensure_git_folder

OUT = REPO / "guide" / "images" / "editor-form.png"
RECORD = "#/collections/events/entries/2022-xinhuo-peixun"


def main() -> int:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="editor-shot-")) / "project"
    for folder in ("data", "docs"):
        shutil.copytree(REPO / folder, work / folder)
    ensure_git_folder(work)
    with sync_playwright() as pw, editor_server(EditorApp(work, preview_url="http://127.0.0.1:8000/")) as base:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "chromium", args=["--no-sandbox"])
        page = browser.new_page(locale="zh-CN", viewport={"width": 1100, "height": 720})
        open_project(page, base, work)
        page.goto(base + RECORD)
        page.get_by_role("button", name="✓ 数据检查通过").wait_for()
        page.get_by_role("textbox", name="标题", exact=True).wait_for()
        page.wait_for_timeout(2000)  # the form's opening animation
        shot = page.screenshot()
        browser.close()
    image = Image.open(io.BytesIO(shot)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    image.save(OUT, optimize=True)
    print(f"{OUT.relative_to(REPO)}: {OUT.stat().st_size:,} bytes")
    shutil.rmtree(work.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
