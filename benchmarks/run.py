"""Benchmark our build against bare MkDocs + Material on synthetic sites (issue 7).

    .venv/bin/python benchmarks/run.py                  # N = 100 and 1,000, 3 repetitions
    .venv/bin/python benchmarks/run.py --full           # also N = 10,000
    .venv/bin/python benchmarks/run.py --records 100 1000 --reps 5 --update-doc

For every N, in one run:
  (a) ``mkdocs build`` of the generated site (our hooks and templates),
  (b) ``mkdocs build`` of the control: the same page contents as plain Markdown, the same
      navigation, the same theme configuration, bare MkDocs + Material (benchmarks/control.py),
  (c) ``showcase check`` (validation alone, the editors' command),
each a fresh subprocess, alternating (ours, control, check; then control, ours, check; …),
after one untimed warm-up of each (fills the photo cache and the OS file cache). Also:
  (d) peak memory (maximum resident set size, from /usr/bin/time -v, else getrusage),
  (e) search index size raw and gzip (level 6, as web servers send it: ours is many small files,
      summed file by file; the control's is Material's one search_index.json) and the HTML size
      of record pages;
  (g) what a visitor downloads for search (benchmarks/searchbytes.py): nothing of it before the
      search box is used, and the bytes of a first search for ten typical queries, in Chromium;
  (f) with --zensical: Zensical building a copy of the control (stretch goal of issue 7), from
      a clean cache and again with its cache (nothing changed), in the same alternation.
      Install it for the benchmark only: benchmarks/install-zensical.sh.
Our clean build starts without site/ and without .cache/search (the search index's own cache);
the photo and QR code caches in .cache/ are kept, as the warm-up fills them (as before).
  (h) ``mkdocs build --dirty`` of ours run again right after a build, nothing changed.
Prints a table, the ratios ours / control and the growth exponent of time against N
(log-log slope between the largest two N); writes benchmarks/results/latest.json and
latest.md, and with --update-doc the results section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from control import write_control
from generate import generate
from searchbytes import measure as measure_search_bytes
from searchbytes import typical_queries

BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
SHOWCASE = str(BIN / "showcase")
TIME = "/usr/bin/time"
RESULTS = HERE / "results"
DOC = REPO / "BENCHMARKS.md"
DOC_START, DOC_END = "<!-- results:start -->", "<!-- results:end -->"
RECORD_FOLDERS = ("entrepreneurs", "events", "honors")

# Targets of issue 7
MAX_RATIO = 1.10
MAX_GROWTH_10X = 10.5
MAX_CHECK_1K, MAX_CHECK_10K = 1.0, 10.0
MAX_RSS_10K_MB = 1.5 * 1024
MAX_INDEX_GZ_PER_RECORD = 1500
MAX_RECORD_PAGE = 40_000
# Targets of issue 18
MAX_FIRST_SEARCH_10K = 150_000  # bytes (gzip) transferred for a first search
MAX_SECOND_BUILD_1K = 2.0  # seconds, a second build with nothing changed


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["NO_MKDOCS_2_WARNING"] = "1"
    e.setdefault("PYTHONHASHSEED", "0")
    return e


def run_measured(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run ``cmd`` once; return wall and CPU seconds and peak RSS (MB) of the child; raise on failure."""
    use_time = os.access(TIME, os.X_OK)
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        time_file = tf.name
    full = [TIME, "-v", "-o", time_file, *cmd] if use_time else cmd
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.run(full, check=False, cwd=cwd, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before  # user + system time of the child (and /usr/bin/time)
    rss_kb = None
    if use_time:
        text = Path(time_file).read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if "Maximum resident set size" in line:
                rss_kb = int(line.rsplit(":", 1)[1])
    Path(time_file).unlink(missing_ok=True)
    if rss_kb is None:
        # RUSAGE_CHILDREN keeps the maximum over all children so far: exact only when it grew.
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rss_kb = after if after > before else None
    if proc.returncode != 0:
        output = proc.stdout.decode("utf-8", errors="replace")
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{output[-4000:]}")
    return {"wall": wall, "cpu": cpu, "rss_mb": rss_kb / 1024 if rss_kb else None}


def build_cmd(site: Path) -> list[str]:
    return [MKDOCS, "build", "-f", str(site / "mkdocs.yml")]


def fresh_output(site: Path) -> None:
    shutil.rmtree(site / "site", ignore_errors=True)


def clean_build(site: Path) -> None:
    """No output and no search cache: a build of ours from nothing (photos and QR codes stay cached)."""
    fresh_output(site)
    shutil.rmtree(site / ".cache" / "search", ignore_errors=True)


def summary(values: list[float]) -> dict:
    med = statistics.median(values)
    return {
        "runs": [round(v, 3) for v in values],
        "median": round(med, 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "spread_pct": round(100 * (max(values) - min(values)) / med, 1) if med else 0.0,
    }


def page_sizes(site_out: Path) -> dict:
    pages = sorted(site_out.rglob("*.html"))
    record_pages = [
        p for p in pages
        if p.name == "index.html" and len(p.relative_to(site_out).parts) == 3
        and p.relative_to(site_out).parts[0] in RECORD_FOLDERS
    ]
    sizes = [p.stat().st_size for p in record_pages]
    material = site_out / "search" / "search_index.json"  # Material's index (the control, Zensical)
    files = [material] if material.is_file() else sorted((site_out / "search").rglob("*.js"))
    blobs = [p.read_bytes() for p in files if p.is_file()]
    total = sum(p.stat().st_size for p in site_out.rglob("*") if p.is_file())
    return {
        "html_pages": len(pages),
        "record_pages": len(record_pages),
        "record_page_median": int(statistics.median(sizes)) if sizes else 0,
        "record_page_max": max(sizes) if sizes else 0,
        "index_raw": sum(map(len, blobs)),
        "index_gzip": sum(len(gzip.compress(b, compresslevel=6, mtime=0)) for b in blobs),
        "index_files": len(blobs),
        "site_bytes": total,
    }


def zensical_copy(ctrl: Path, target: Path) -> None:
    """The control's pages and configuration, in a folder of their own (Zensical keeps a cache)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ctrl, target, ignore=shutil.ignore_patterns("site", ".cache"))


def measure(n: int, work: Path, reps: int, seed: int, zensical: str | None = None) -> dict:
    site, ctrl = work / f"site-{n}", work / f"control-{n}"
    t0 = time.perf_counter()
    plan = generate(n, site, seed)
    pages = write_control(site, ctrl)
    prep = time.perf_counter() - t0
    print(f"\nN = {n}: generated {site} and {ctrl} ({pages} control pages) in {prep:.1f} s", flush=True)

    steps = {
        "ours": (lambda: clean_build(site), build_cmd(site)),
        "control": (lambda: fresh_output(ctrl), build_cmd(ctrl)),
        "check": (lambda: None, [SHOWCASE, "check", "--root", str(site)]),
        "ours_again": (lambda: None, [*build_cmd(site), "--dirty"]),  # right after "ours": nothing changed
    }
    if zensical:
        zdir = work / f"zensical-{n}"
        zensical_copy(ctrl, zdir)
        zcmd = [zensical, "build", "-f", str(zdir / "mkdocs.yml")]
        # "-c" clears Zensical's cache: a build from nothing; then the same build with its cache
        steps["zensical"] = (lambda: fresh_output(zdir), [*zcmd[:2], "-c", *zcmd[2:]])
        steps["zensical_cached"] = (lambda: None, zcmd)
    warm = {}
    for name, (prepare, cmd) in steps.items():  # untimed warm-up: photo cache, OS caches, .pyc (ours_again after ours)
        prepare()
        warm[name] = round(run_measured(cmd)["wall"], 3)
    print(f"  warm-up (first run, photos processed): ours {warm['ours']:.2f} s, control {warm['control']:.2f} s, "
          f"check {warm['check']:.2f} s", flush=True)

    runs: dict[str, list[dict]] = {name: [] for name in steps}
    load_before = os.getloadavg()[0]
    for rep in range(reps):
        order = ["ours", "ours_again", "control", "check"] if rep % 2 == 0 else ["control", "ours", "ours_again", "check"]
        if zensical:  # the cached build right after the clean one (its cache is then complete)
            order = order[:1] + ["zensical", "zensical_cached"] + order[1:] if rep % 2 == 0 else [*order, "zensical", "zensical_cached"]
        for name in order:
            prepare, cmd = steps[name]
            prepare()
            runs[name].append(run_measured(cmd))
        line = ", ".join(f"{name} {runs[name][-1]['wall']:.2f} s (CPU {runs[name][-1]['cpu']:.2f} s)" for name in order)
        print(f"  rep {rep + 1}/{reps}: {line}; load {os.getloadavg()[0]:.1f}", flush=True)

    result = {"records": n, "counts": plan.counts, "warmup": warm,
              "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
    for name in steps:
        rss = [r["rss_mb"] for r in runs[name] if r["rss_mb"] is not None]
        result[name] = {
            "wall": summary([r["wall"] for r in runs[name]]),
            "cpu": summary([r["cpu"] for r in runs[name]]),
            "peak_rss_mb": round(max(rss), 1) if rss else None,
        }
    result["sizes_ours"] = page_sizes(site / "site")
    result["sizes_control"] = page_sizes(ctrl / "site")
    result["ratio"] = {t: round(result["ours"][t]["median"] / result["control"][t]["median"], 3) for t in ("wall", "cpu")}
    if zensical:
        result["sizes_zensical"] = page_sizes(work / f"zensical-{n}" / "site")
        result["ratio_zensical"] = {
            t: round(result["ours"][t]["median"] / result["zensical"][t]["median"], 3) for t in ("wall", "cpu")
        }
    gz = result["sizes_ours"]["index_gzip"]
    result["index_gzip_per_record"] = round(gz / n)
    print("  search: what a visitor downloads (Chromium) …", flush=True)
    result["search_bytes"] = measure_search_bytes(site / "site", typical_queries(site))
    return result


def slope(a: dict, b: dict, key: str, clock: str) -> float:
    return math.log(b[key][clock]["median"] / a[key][clock]["median"]) / math.log(b["records"] / a["records"])


def evaluate(results: list[dict]) -> dict:
    by_n = {r["records"]: r for r in results}
    ns = sorted(by_n)
    growth = {}
    if len(ns) >= 2:
        a, b = by_n[ns[-2]], by_n[ns[-1]]
        growth = {"between": [a["records"], b["records"]]}
        for clock in ("cpu", "wall"):
            growth[clock] = {
                "exponent_ours": round(slope(a, b, "ours", clock), 3),
                "exponent_control": round(slope(a, b, "control", clock), 3),
                "exponent_check": round(slope(a, b, "check", clock), 3),
                "time_ratio_ours": round(b["ours"][clock]["median"] / a["ours"][clock]["median"], 2),
                "time_ratio_control": round(b["control"][clock]["median"] / a["control"][clock]["median"], 2),
            }
    targets = []

    def target(name: str, value, limit, ok: bool, note: str = "") -> None:
        targets.append({"target": name, "value": value, "limit": limit, "met": ok, "note": note})

    for clock in ("cpu", "wall"):
        if 1000 in by_n and 10000 in by_n:
            r = by_n[10000]["ours"][clock]["median"] / by_n[1000]["ours"][clock]["median"]
            target(f"build time(10,000) / time(1,000), {clock}", round(r, 2), MAX_GROWTH_10X, r <= MAX_GROWTH_10X,
                   f"control: {growth[clock]['time_ratio_control']}")
        elif growth:
            expo = growth[clock]["exponent_ours"]
            target(f"build growth exponent {growth['between'][0]:,}→{growth['between'][1]:,}, {clock} "
                   "(10,000 not run; ≤ 1.02 is what time(10N)/time(N) ≤ 10.5 means; start-up costs flatten small N)",
                   expo, 1.02, expo <= math.log10(MAX_GROWTH_10X))
    for n in ns:
        if n >= 1000:
            for clock in ("cpu", "wall"):
                ratio = by_n[n]["ratio"][clock]
                target(f"build ours / control at {n:,}, {clock} time", ratio, MAX_RATIO, ratio <= MAX_RATIO)
    for n, limit in ((1000, MAX_CHECK_1K), (10000, MAX_CHECK_10K)):
        if n in by_n:
            v = by_n[n]["check"]["wall"]["median"]
            target(f"validation (showcase check) at {n:,}, wall s", v, limit, v <= limit,
                   f"CPU {by_n[n]['check']['cpu']['median']} s")
    if 10000 in by_n:
        rss = by_n[10000]["ours"]["peak_rss_mb"]
        target("peak memory at 10,000, MB", rss, MAX_RSS_10K_MB, rss is not None and rss <= MAX_RSS_10K_MB)
    for n in ns:
        if n >= 1000 and "zensical" in by_n[n]:
            for clock in ("wall", "cpu"):
                ours, z = by_n[n]["ours"][clock]["median"], by_n[n]["zensical"][clock]["median"]
                target(f"clean build of ours at {n:,} ≤ Zensical building the control from a clean cache, {clock} s",
                       round(ours, 2), round(z, 2), ours <= z,
                       f"Zensical with its cache, nothing changed: {by_n[n]['zensical_cached'][clock]['median']} s")
    if 1000 in by_n and "ours_again" in by_n[1000]:
        v = by_n[1000]["ours_again"]["wall"]["median"]
        target("second build with nothing changed at 1,000 (mkdocs build --dirty), wall s", v, MAX_SECOND_BUILD_1K,
               v <= MAX_SECOND_BUILD_1K, f"CPU {by_n[1000]['ours_again']['cpu']['median']} s")
    for n in ns:
        sb = by_n[n].get("search_bytes")
        if sb and n >= 1000:
            target(f"first search at {n:,}, gzip bytes transferred (max of {len(sb['queries'])} typical queries; "
                   f"median {sb['median']:,.0f})", sb["max"], MAX_FIRST_SEARCH_10K, sb["max"] <= MAX_FIRST_SEARCH_10K,
                   f"before the search box is used: {sb['page_load_search_bytes']:,} B")
    for n in ns:
        per = by_n[n]["index_gzip_per_record"]
        target(f"search index gzip per record at {n:,}, bytes", per, MAX_INDEX_GZ_PER_RECORD,
               per <= MAX_INDEX_GZ_PER_RECORD)
    for n in ns:
        med = by_n[n]["sizes_ours"]["record_page_median"]
        target(f"median record page at {n:,}, bytes", med, MAX_RECORD_PAGE, med <= MAX_RECORD_PAGE)
    if len(ns) >= 2:
        small, big = by_n[ns[0]]["sizes_ours"]["record_page_median"], by_n[ns[-1]]["sizes_ours"]["record_page_median"]
        grow = big / small
        target(f"record page size growth {ns[0]:,}→{ns[-1]:,} (does not grow with N)", round(grow, 3), 1.05,
               grow <= 1.05)
    return {"growth": growth, "targets": targets}


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    def version(mod: str) -> str:
        try:
            return package_version(mod)
        except PackageNotFoundError:  # pragma: no cover
            return "?"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=False, cwd=REPO, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "hooks", "overrides", "mkdocs.yml"], check=False, cwd=REPO,
                           capture_output=True, text=True)
    return {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "markdown": version("markdown"),
        "commit": commit.stdout.strip() + (" (hooks/overrides modified)" if dirty.stdout.strip() else ""),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }


def kb(n: int) -> str:
    return f"{n / 1000:.1f} kB"


def markdown_report(data: dict) -> str:
    meta, results, ev = data["meta"], data["results"], data["evaluation"]
    lines = [
        (
            f"Run {meta['date']} on {meta['versions']['machine']}; Python {meta['versions']['python']}, "
            f"MkDocs {meta['versions']['mkdocs']}, Material {meta['versions']['mkdocs-material']}; "
            f"commit {meta['versions']['commit']}; seed {meta['seed']}, {meta['reps']} repetitions "
            f"(medians; spread = (max − min) / median); total {meta['total_seconds']:.0f} s."
        ),
        "",
        (
            "Times: median CPU time (user + system) and, below it, median wall time of `mkdocs build` / "
            "`showcase check` in a fresh process; ± is the spread. CPU time is the steadier measure when the "
            "machine is shared; the load average during each N is listed below the table."
        ),
        "",
        (
            "| N records | pages (ours / control) | ours build, s | control build, s | ours / control | "
            "check, s | peak RSS ours / control / check, MB | search index raw / gzip | gzip per record | "
            "median record page ours / control |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def cell(r: dict, name: str) -> str:
        c, w = r[name]["cpu"], r[name]["wall"]
        return (f"{c['median']:.2f} (±{c['spread_pct']:.0f} %)<br>wall {w['median']:.2f} "
                f"(±{w['spread_pct']:.0f} %)")

    for r in results:
        so, sc = r["sizes_ours"], r["sizes_control"]
        lines.append(
            f"| {r['records']:,} | {so['html_pages']:,} / {sc['html_pages']:,} "
            f"| {cell(r, 'ours')} | {cell(r, 'control')} "
            f"| **{r['ratio']['cpu']:.2f}**<br>wall {r['ratio']['wall']:.2f} "
            f"| {cell(r, 'check')} "
            f"| {r['ours']['peak_rss_mb']:.0f} / {r['control']['peak_rss_mb']:.0f} / {r['check']['peak_rss_mb']:.0f} "
            f"| {so['index_raw'] / 1e6:.2f} MB / {so['index_gzip'] / 1e6:.3f} MB "
            f"| {r['index_gzip_per_record']:,} B "
            f"| {kb(so['record_page_median'])} / {kb(sc['record_page_median'])} |"
        )
    lines.append("")
    lines.append("Control search index (raw / gzip): " + "; ".join(
        f"N = {r['records']:,}: {r['sizes_control']['index_raw'] / 1e6:.2f} MB / {r['sizes_control']['index_gzip'] / 1e6:.3f} MB"
        for r in results) + ".")
    lines.append("Load average (1 min) before / after the timed runs: " + "; ".join(
        f"N = {r['records']:,}: {r['load_average'][0]} / {r['load_average'][1]}" for r in results) + ".")
    lines.append("Warm-up (first) runs, wall, photos processed on ours: " + "; ".join(
        f"N = {r['records']:,}: ours {r['warmup']['ours']:.2f} s, control {r['warmup']['control']:.2f} s"
        for r in results) + ".")
    zensical = [r for r in results if "zensical" in r]
    if zensical:
        lines.append("")
        lines.append(
            f"Zensical {meta.get('zensical', '?')} building a copy of the control (same pages, navigation and theme "
            "settings; its own theme and search), in the same alternation: " + "; ".join(
                f"N = {r['records']:,}: from a clean cache {cell(r, 'zensical').replace('<br>', ', ')}; "
                f"with its cache and nothing changed {cell(r, 'zensical_cached').replace('<br>', ', ')}; "
                f"ours / Zensical clean **{r['ratio_zensical']['wall']:.2f}** wall, {r['ratio_zensical']['cpu']:.2f} CPU; "
                f"{r['sizes_zensical']['html_pages']:,} pages, median record page {kb(r['sizes_zensical']['record_page_median'])}"
                for r in zensical) + ".")
    searched = [r for r in results if r.get("search_bytes")]
    if searched:
        lines.append("")
        lines.append(
            "Site search (ours): what a visitor downloads, gzip as sent (benchmarks/searchbytes.py, Chromium, a fresh "
            "context per query): " + "; ".join(
                f"N = {r['records']:,}: before the search box is used {r['search_bytes']['page_load_search_bytes']:,} B "
                f"(the starter script only); a first search median {r['search_bytes']['median'] / 1000:.1f} kB, max "
                f"{r['search_bytes']['max'] / 1000:.1f} kB ({', '.join(q['q'] for q in r['search_bytes']['queries'])}); "
                f"the whole index {r['sizes_ours']['index_files']:,} files, {r['sizes_ours']['index_gzip'] / 1e6:.2f} MB gzip"
                for r in searched) + ". Material's search (the control) downloads its whole index on the first page "
            "view: " + "; ".join(f"N = {r['records']:,}: {r['sizes_control']['index_gzip'] / 1e6:.2f} MB gzip" for r in searched)
            + ".")
    again = [r for r in results if "ours_again" in r]
    if again:
        lines.append("")
        lines.append("Second build of ours with nothing changed (`mkdocs build --dirty` right after a build): " + "; ".join(
            f"N = {r['records']:,}: {cell(r, 'ours_again').replace('<br>', ', ')}" for r in again) + ".")
    g = ev["growth"]
    if g:
        lines.append("")
        for clock in ("cpu", "wall"):
            c = g[clock]
            lines.append(
                f"Growth exponent of {clock} time between N = {g['between'][0]:,} and {g['between'][1]:,} "
                f"(log-log slope): ours **{c['exponent_ours']}**, control {c['exponent_control']}, "
                f"check {c['exponent_check']}; time ratio ours {c['time_ratio_ours']}×, "
                f"control {c['time_ratio_control']}× for {g['between'][1] // g['between'][0]}× the records."
            )
            lines.append("")
    lines += ["", "| target (issues 7 and 18) | measured | limit | met |", "|---|---:|---:|:---:|"]
    for t in ev["targets"]:
        note = f" ({t['note']})" if t["note"] else ""
        lines.append(f"| {t['target']}{note} | {t['value']} | {t['limit']} | {'yes' if t['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def update_doc(report: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    if DOC_START not in text or DOC_END not in text:
        raise SystemExit(f"{DOC} lacks the {DOC_START} / {DOC_END} markers")
    head, rest = text.split(DOC_START, 1)
    _, tail = rest.split(DOC_END, 1)
    DOC.write_text(f"{head}{DOC_START}\n{report}{DOC_END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build benchmarks: our hooks against bare MkDocs + Material.")
    parser.add_argument("--records", type=int, nargs="+", default=[100, 1000], help="sizes N (default 100 1000)")
    parser.add_argument("--full", action="store_true", help="also N = 10,000")
    parser.add_argument("--reps", type=int, default=3, help="timed repetitions per measurement (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", help="folder for the generated sites (default: a temporary folder, removed)")
    parser.add_argument("--out", default=str(RESULTS), help="results folder (default benchmarks/results)")
    parser.add_argument("--update-doc", action="store_true", help="also write the results into BENCHMARKS.md")
    parser.add_argument("--zensical", nargs="?", const=str(HERE / ".zensical-venv" / "bin" / "zensical"),
                        help="also time Zensical building the control (default: the one benchmarks/install-zensical.sh installs)")
    args = parser.parse_args(argv)

    sizes = sorted(set(args.records + ([10000] if args.full else [])))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="showcase-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        if args.zensical and not os.access(args.zensical, os.X_OK):
            raise SystemExit(f"Zensical not found at {args.zensical}: run benchmarks/install-zensical.sh")
        results = [measure(n, work, args.reps, args.seed, args.zensical) for n in sizes]
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    data = {
        "meta": {
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "versions": versions(),
            "seed": args.seed,
            "reps": args.reps,
            "total_seconds": round(time.perf_counter() - started, 1),
            "command": "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        },
        "results": results,
    }
    if args.zensical:
        version = subprocess.run([args.zensical, "--version"], check=False, capture_output=True, text=True)
        data["meta"]["zensical"] = version.stdout.strip().split()[-1] if version.stdout.strip() else "?"
    data["evaluation"] = evaluate(results)
    report = markdown_report(data)
    print("\n" + report)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "latest.md").write_text("# Latest benchmark results\n\n" + report, encoding="utf-8")
    print(f"written: {out / 'latest.json'}, {out / 'latest.md'}")
    if args.update_doc:
        update_doc(report)
        print(f"updated: {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
