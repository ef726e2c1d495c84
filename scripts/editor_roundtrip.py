"""Round trip through the form editor: open every record of a project, edit it, save it, and
compare the files by meaning. Slow (seconds per record): run it on demand, not in the tests.

    .venv/bin/python scripts/editor_roundtrip.py [PROJECT]      # default: this repository's data

Each record (and data/site.yml) is opened in the form, "。" is appended to its title (so the
editor has something to save), and it is saved. Afterwards both versions of every file are read
with YAML's BaseLoader (every value as the text our loader sees, so quoting does not count) and
compared: values that changed other than by the "。", keys dropped, keys added (the form writes
a field's default, e.g. ``published: true``, which is counted separately). Finally the loader
reads the saved project. The copy is left in a temporary folder for ``git diff``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from browser.editorkit import READ_OPFS, editor_server, open_project, write_back
from showcase.core.problems import DataError
from showcase.load import load_project
from showcase.model import DATA_KINDS
from showcase.tools.formeditor import EditorApp, ensure_git_folder

MARK = "。"


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) if path.is_file() else None


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return value.rstrip("\n")
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def compare(before: Any, after: Any, path: str, changes: list[str], added: Counter[str]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in before.keys() | after.keys():
            where = f"{path}.{key}" if path else key
            if key not in after:
                changes.append(f"dropped {where}: {before[key]!r}")
            elif key not in before:
                added[f"{key}: {after[key] or '{}'}"] += 1
            else:
                compare(before[key], after[key], where, changes, added)
    elif _norm(before) != _norm(after) and not (isinstance(after, str) and after == f"{before}{MARK}"):
        changes.append(f"changed {path}: {before!r} → {after!r}")


def main(argv: list[str]) -> int:
    source = Path(argv[1]).resolve() if len(argv) > 1 else REPO
    work = Path(tempfile.mkdtemp(prefix="editor-roundtrip-")) / "project"
    shutil.copytree(source / "data", work / "data")
    shutil.copytree(source / "docs", work / "docs")
    ensure_git_folder(work)
    targets = [
        (kind.folder, path.stem, kind.field(kind.title_field).label)  # type: ignore[union-attr]
        for kind in DATA_KINDS
        for path in sorted((work / "data" / kind.folder).glob("*.yml"))
    ]
    targets.append(("settings", "site", "单位全称"))

    from playwright.sync_api import sync_playwright

    results: dict[str, str] = {}
    started = time.monotonic()
    with sync_playwright() as pw, editor_server(EditorApp(work)) as base:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "chromium", args=["--no-sandbox"])
        page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 950})
        open_project(page, base, work)
        for collection, slug, label in targets:
            key = f"{collection}/{slug}"
            page.goto(f"{base}#/collections/{collection}/entries/{slug}")
            box = page.get_by_role("textbox", name=label, exact=True).first
            try:
                box.wait_for(timeout=15000)
            except Exception:  # noqa: BLE001 - reported below
                results[key] = "did not open"
                continue
            box.fill(box.input_value() + MARK)
            page.get_by_role("button", name="保存", exact=True).click()
            try:
                page.wait_for_selector("text=/已保存|已创建|已更新/", timeout=10000)
                if collection != "settings":  # (site.yml's form has no list to return to)
                    page.get_by_role("button", name="创建新条目").wait_for()  # back on the list
                results[key] = "saved"
            except Exception:  # noqa: BLE001 - the form refused: say why
                errors = page.locator("[role=alert]").all_inner_texts()
                results[key] = "refused: " + " | ".join(e.strip() for e in errors if e.strip())[:300]
                page.reload()  # leave the refused form
            print(key, results[key], flush=True)
        write_back(page.evaluate(READ_OPFS), work)
        browser.close()
    seconds = time.monotonic() - started

    changes: dict[str, list[str]] = {}
    added: Counter[str] = Counter()
    for path in sorted((work / "data").rglob("*.yml")):
        rel = path.relative_to(work)
        found: list[str] = []
        compare(_read(source / rel), _read(path), "", found, added)
        if found:
            changes[rel.as_posix()] = found
    try:
        load_project(work)
        check = "passes"
    except DataError as exc:
        check = f"fails:\n{exc}"
    print(f"\n{len(targets)} records in {seconds:.0f} s ({seconds / len(targets):.1f} s each)")
    print(Counter(v.split(":")[0] for v in results.values()))
    for key, outcome in results.items():
        if outcome != "saved":
            print(f"  {key}: {outcome}")
    print(f"files with a change in meaning: {len(changes)}")
    for rel, found in changes.items():
        print(f"  {rel}:", *found, sep="\n    ")
    print(f"keys the form added: {dict(added)}")
    diff = subprocess.run(["git", "diff", "--no-index", "--shortstat", str(source / "data"), str(work / "data")],
                          capture_output=True, text=True, check=False).stdout.strip()
    print(f"text diff: {diff}")
    print(f"showcase check on the saved files: {check}")
    print(f"saved copy: {work}")
    return 0 if not changes and check == "passes" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
