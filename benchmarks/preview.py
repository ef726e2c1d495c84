"""How long after saving a data file does `mkdocs serve` serve the changed page? (issue 7)

    .venv/bin/python benchmarks/preview.py                 # the example site and a 1,000-record site
    .venv/bin/python benchmarks/preview.py --records 1000 --reps 3 --no-example --modes dirty

For each site and each command (``mkdocs serve``, which rebuilds everything on every save, and
``mkdocs serve --dirty``, which re-renders only the pages the change touches; see
hooks/showcase/rebuild.py) (copies in a temporary folder: the project's data/ and docs/ are never touched):
start ``mkdocs serve`` on 127.0.0.1 (a free port, livereload on, as editors run it), wait for the
first build, then repeatedly change one event's title in its YAML file and poll the event's page
over HTTP until the new title is served. Reports seconds from saving the file to the changed page
(median and all runs), plus MkDocs' own "Documentation built in" times from the serve log.
All loops are bounded; the server is stopped by its process id.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import MARKER, generate, mkdocs_yml

START_TIMEOUT = 900.0  # first build of the largest site
CHANGE_TIMEOUT = 180.0
POLL = 0.05


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def example_site(work: Path) -> Path:
    """A copy of the project's example data and narratives with a config that INHERITs mkdocs.yml."""
    site = work / "example"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    shutil.copytree(REPO / "data", site / "data")
    shutil.copytree(REPO / "docs", site / "docs")
    (site / MARKER).write_text("example copy\n", encoding="utf-8")
    config = mkdocs_yml(site, 0).replace("site_name: 基准测试站点（0 条记录）\n", "")
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    return site


def pick_event(site: Path) -> tuple[Path, str]:
    files = sorted((site / "data" / "events").glob("*.yml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        if "published: false" not in text and re.search(r"(?m)^title:", text):
            return path, path.stem
    raise SystemExit(f"no event in {site}")


def set_title(path: Path, original: str, marker: str) -> None:
    lines = original.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title:"):
            lines[i] = f'title: "预览测试{marker}"'
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def measure(site: Path, label: str, reps: int, log_dir: Path, dirty: bool = False) -> dict:
    port = free_port()
    mode = "dirty" if dirty else "full"
    log_path = log_dir / f"serve-{label}-{mode}.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    event_file, event_id = pick_event(site)
    original = event_file.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/events/{event_id}/"
    runs: list[float] = []
    with open(log_path, "w", encoding="utf-8") as log:
        started = time.perf_counter()
        server = subprocess.Popen(
            [mkdocs, "serve", "-f", str(site / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        try:
            deadline = time.perf_counter() + START_TIMEOUT
            while fetch(url) is None:
                if server.poll() is not None or time.perf_counter() > deadline:
                    raise SystemExit(f"mkdocs serve did not start; see {log_path}")
                time.sleep(0.2)
            first = time.perf_counter() - started
            print(f"  {label}, mkdocs serve{' --dirty' if dirty else ''}: serving after {first:.1f} s; changing data/events/{event_id}.yml", flush=True)
            time.sleep(1.5)  # let the watcher settle
            for rep in range(reps):
                marker = f"{label}{rep}{int(time.time()) % 100000}"
                saved = time.perf_counter()
                set_title(event_file, original, marker)
                deadline = saved + CHANGE_TIMEOUT
                while True:
                    page = fetch(url)
                    if page is not None and f"预览测试{marker}" in page:
                        break
                    if server.poll() is not None or time.perf_counter() > deadline:
                        raise SystemExit(f"changed page not served within {CHANGE_TIMEOUT:.0f} s; see {log_path}")
                    time.sleep(POLL)
                runs.append(time.perf_counter() - saved)
                print(f"    run {rep + 1}/{reps}: {runs[-1]:.2f} s", flush=True)
                time.sleep(1.5)
        finally:
            event_file.write_text(original, encoding="utf-8")
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=20)
    built = [float(x) for x in re.findall(r"Documentation built in ([0-9.]+) seconds", log_path.read_text(encoding="utf-8"))]
    return {
        "site": label,
        "mode": mode,
        "first_build_and_start_s": round(first, 2),
        "reload_s": {"runs": [round(r, 2) for r in runs], "median": round(statistics.median(runs), 2)},
        "serve_rebuild_s": built[1:],  # MkDocs' own build times of the rebuilds
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="*", default=[1000], help="generated site sizes (default 1000)")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-example", action="store_true", help="skip the example site")
    parser.add_argument("--modes", nargs="*", choices=["full", "dirty"], default=["full", "dirty"],
                        help="mkdocs serve (every save rebuilds everything) and/or mkdocs serve --dirty")
    parser.add_argument("--out", default=str(HERE / "results"))
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="showcase-preview-"))
    results = []
    try:
        sites = [] if args.no_example else [(example_site(work), "example")]
        for n in args.records:
            site = work / f"site-{n}"
            generate(n, site, args.seed)
            sites.append((site, f"{n}"))
        for site, label in sites:
            for mode in args.modes:
                results.append(measure(site, label, args.reps, work, dirty=mode == "dirty"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("| site | command | first build + start, s | reload after saving a data file, s (median; runs) | serve's rebuild times, s |")
    print("|---|---|---:|---:|---|")
    for r in results:
        runs = ", ".join(f"{x:.2f}" for x in r["reload_s"]["runs"])
        rebuilds = ", ".join(f"{x:.2f}" for x in r["serve_rebuild_s"])
        name = "example (data/)" if r["site"] == "example" else f"{int(r['site']):,} records"
        command = "`mkdocs serve --dirty`" if r["mode"] == "dirty" else "`mkdocs serve`"
        print(f"| {name} | {command} | {r['first_build_and_start_s']:.1f} | **{r['reload_s']['median']:.2f}** ({runs}) | {rebuilds} |")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "preview.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {out / 'preview.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
