"""What the search index costs a build, and what it costs a build that renders little.

    .venv/bin/python benchmarks/search_rebuild.py --records 1000 [--work DIR] [--seed 1]

On a generated site (benchmarks/generate.py), in one process, the way ``mkdocs serve --dirty``
builds (a session kept between builds, each build a fresh configuration):

1. a first build (every page rendered; the index made from nothing, no .cache/search);
2. a second build with nothing changed (no page rendered; the index is already in the output);
3. a build after one event's title changed (the pages showing it rendered; the index made again,
   the features of every other page from .cache/search/features.json);
4. a build after the synonym list changed (no page rendered; the index made again from the cache).

For each: wall and CPU seconds of the whole build and of the search index alone (the time the
build waits for it in ``on_post_build``), pages rendered, index files written, features computed.
The forked worker is off here (SHOWCASE_SEARCH_WORKER=0), so the index's whole cost is on the
build's own clock.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "hooks"))

from generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", help="folder for the generated site (default: a temporary folder)")
    args = parser.parse_args(argv)
    os.environ["SHOWCASE_SEARCH_WORKER"] = "0"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="search-rebuild-"))
    site = work / f"site-{args.records}"
    generate(args.records, site, args.seed)
    shutil.rmtree(site / ".cache" / "search", ignore_errors=True)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from showcase.mkdocs import search

    spent = {"wall": 0.0, "cpu": 0.0}
    original = search.SiteSearch.finish

    def timed_finish(self):  # type: ignore[no-untyped-def]
        w, c = time.perf_counter(), time.process_time()
        try:
            return original(self)
        finally:
            spent["wall"] += time.perf_counter() - w
            spent["cpu"] += time.process_time() - c

    search.SiteSearch.finish = timed_finish  # type: ignore[method-assign]
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    out = site / "served"
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    session = config.plugins["hooks/site.py"]._session

    def one(name: str) -> dict:
        spent["wall"] = spent["cpu"] = 0.0
        config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))
        before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} if out.exists() else {}
        w, c = time.perf_counter(), time.process_time()
        build(config, dirty=True)
        wall, cpu = time.perf_counter() - w, time.process_time() - c
        rendered = sum(1 for p in out.rglob("*.html") if before.get(p) != p.stat().st_mtime_ns)
        stats = session.build.search.stats if session.build is not None else {}
        row = {"build": name, "wall": round(wall, 3), "cpu": round(cpu, 3), "search_wall": round(spent["wall"], 3),
               "search_cpu": round(spent["cpu"], 3), "pages_written": rendered, **stats}
        print(json.dumps(row, ensure_ascii=False), flush=True)
        time.sleep(0.05)
        return row

    rows = [one("first (everything, no search cache)"), one("second, nothing changed")]
    event = sorted((site / "data" / "events").glob("*.yml"))[1]
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('title: "', 'title: "改过的', 1), encoding="utf-8")
    rows.append(one("one event's title changed"))
    (site / "data" / "search-synonyms.txt").write_text("薪火 薪火工程 火种\n", encoding="utf-8")
    rows.append(one("synonym list changed"))
    print("\n| build | wall s | CPU s | of which search index, wall / CPU s | HTML files written | index files written | features computed |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['build']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['search_wall']:.2f} / {r['search_cpu']:.2f} "
              f"| {r['pages_written']} | {r.get('files', '?')} | {r.get('computed', '?')} |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
