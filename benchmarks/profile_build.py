"""Where a build of a generated site spends its time (issue 7: name the top costs).

    .venv/bin/python benchmarks/profile_build.py --records 1000 [--seed 1] [--work DIR] [--control]

Generates the site (a previous generated site in --work is replaced), builds it once untimed
(photo cache, .pyc, OS caches), then in fresh processes, as an editor's ``mkdocs build`` runs:

1. phase timings without a profiler: each hook handler, the output check and MkDocs' page
   rendering are wrapped with timers (a fresh process, so nothing is cached from a
   previous build, e.g. ``markup.render_markdown``'s lru_cache);
2. the same build under cProfile: own time grouped by package, our functions and the
   templates by cumulative time, the top functions.

Prints the report and writes benchmarks/results/profile-<N>.txt (profile-control-<N>.txt
with --control) and the raw profile next to it (.prof, for snakeviz or pstats).
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import logging
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

GROUPS = (
    ("hooks/showcase/outputcheck.py", "our output check (hooks/showcase/outputcheck.py)"),
    ("hooks/showcase/", "our package, other modules (hooks/showcase)"),
    ("hooks/site.py", "our hook module"),
    ("overrides/", "our templates (overrides/, compiled)"),
    ("material/templates", "Material's templates (compiled)"),
    ("jinja2", "Jinja2 runtime"),
    ("markdown/", "Python-Markdown"),
    ("pymdownx", "pymdown-extensions"),
    ("material/plugins/search", "Material search plugin"),
    ("material/", "Material (other)"),
    ("mkdocs/", "MkDocs core"),
    ("nh3", "nh3 sanitizer"),
    ("PIL/", "Pillow"),
    ("yaml", "PyYAML"),
    ("html/parser", "html.parser (search plugin)"),
    ("_markupbase", "html.parser (search plugin)"),
    ("pathlib", "pathlib"),
    ("posixpath", "os.path"),
    ("shutil", "shutil"),
    ("posix.lstat", "lstat (os.path.realpath, Path.resolve)"),
    ("posix.mkdir", "mkdir"),
    ("posix.stat", "stat"),
    ("io.open", "open"),
    ("re.Pattern", "regular expressions (C)"),
)

# (object path, attribute, label): timers put around these in the phase run
PHASES = (
    ("showcase.mkdocs_glue:Showcase", "__init__", "on_config: load data, relations, page plan"),
    ("showcase.mkdocs_glue:Showcase", "add_files", "on_files: generated files, photos"),
    ("showcase.mkdocs_glue:Showcase", "page_markdown", "on_page_markdown"),
    ("showcase.mkdocs_glue:Showcase", "page_content", "on_page_content: search text of record pages"),
    ("showcase.mkdocs_glue:Showcase", "page_context", "on_page_context"),
    ("showcase.mkdocs_glue:Showcase", "post_build", "on_post_build: output check and publish"),
    ("showcase.mkdocs_glue", "check_site", "  of which the output check (check_site)"),
    ("showcase.markup", "render_markdown", "render_markdown (bodies, via page_content and templates)"),
    ("showcase.sharing", "qr_code", "QR codes (sharing.qr_code, called from templates)"),
    ("mkdocs.commands.build", "_populate_page", "MkDocs: read + render Markdown of every page"),
    ("mkdocs.commands.build", "_build_page", "MkDocs: render templates + write every page"),
    ("material.plugins.search.plugin:SearchPlugin", "on_page_context", "Material search: index each page"),
    ("material.plugins.search.plugin:SearchIndex", "_segment_chinese", "  of which jieba segmentation"),
    ("material.plugins.search.plugin:SearchPlugin", "on_post_build", "Material search: write index"),
)


def group_of(path: str, name: str) -> str:
    where = f"{path}:{name}"
    for needle, label in GROUPS:
        if needle in where:
            return label
    return "other: " + (Path(path).name if path != "~" else name[:40])


def _child_phases(config_file: str, out_dir: str, result_file: str) -> int:
    """Run in a fresh process: one build with timers around the phases."""
    import importlib

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    acc: dict[str, float] = defaultdict(float)
    acc_cpu: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for target, attr, label in PHASES:
        module_name, _, cls = target.partition(":")
        try:
            obj = importlib.import_module(module_name)
            obj = getattr(obj, cls) if cls else obj
            func = getattr(obj, attr)
        except (ImportError, AttributeError):
            continue  # the code changed: report what still exists

        def timed(*args, _f=func, _label=label, **kwargs):
            start, cpu_start = time.perf_counter(), time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                acc[_label] += time.perf_counter() - start
                acc_cpu[_label] += time.process_time() - cpu_start
                count[_label] += 1

        setattr(obj, attr, functools.wraps(func)(timed))
    gc_started: list[float] = []

    def gc_timer(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started.append(time.perf_counter())
        elif gc_started:
            label = f"Python garbage collector, generation {info['generation']} (inside the phases above)"
            acc[label] += time.perf_counter() - gc_started.pop()
            count[label] += 1

    gc.callbacks.append(gc_timer)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    start, cpu_start = time.perf_counter(), time.process_time()
    build(load_config(config_file=config_file, site_dir=out_dir))
    total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    Path(result_file).write_text(json.dumps({"total": total, "cpu": cpu, "phases": acc, "phases_cpu": acc_cpu, "calls": count}),
                                 encoding="utf-8")
    return 0


def cprofile_report(say, prof: Path, top: int) -> None:
    stats = pstats.Stats(str(prof))
    total = sum(v[2] for v in stats.stats.values())
    groups: dict[str, float] = defaultdict(float)
    for (path, _line, func), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        groups[group_of(path, func)] += tt
    say()
    say(f"Own time by package, under cProfile (own time total {total:.2f} s):")
    for label, seconds in sorted(groups.items(), key=lambda kv: -kv[1])[:22]:
        say(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {label}")
    say()
    say("Our code, cumulative under cProfile (includes what it calls):")
    ours = [
        (ct, nc, path, func)
        for (path, _line, func), (_cc, nc, _tt, ct, _callers) in stats.stats.items()
        if "hooks/showcase/" in path or path.endswith("hooks/site.py")
    ]
    for ct, nc, path, func in sorted(ours, reverse=True)[:18]:
        say(f"  {ct:7.2f} s  {nc:7d} calls  {Path(path).name}:{func}")
    say()
    say("Templates, cumulative under cProfile (generator calls; nested templates overlap):")
    templates: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for (path, _line, func), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        if path.endswith(".html") and func == "root":
            templates[path][0] += ct
            templates[path][1] += nc
    for path, (ct, _nc) in sorted(templates.items(), key=lambda kv: -kv[1][0])[:12]:
        short = path.split("site-packages/")[-1] if "site-packages/" in path else Path(path).relative_to(HERE.parent)
        say(f"  {ct:7.2f} s  {short}")
    for order in ("tottime", "cumulative"):
        say()
        say(f"Top {top} functions by {order}:")
        buffer = io.StringIO()
        pstats.Stats(str(prof), stream=buffer).sort_stats(order).print_stats(top)
        text = buffer.getvalue()
        text = text[text.find("   ncalls"):] if "   ncalls" in text else text
        say(text.replace(str(HERE.parent) + "/", "").replace(sys.prefix + "/lib/python3.11/site-packages/", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", help="folder for the generated site (default: temporary)")
    parser.add_argument("--control", action="store_true", help="profile the control site instead of ours")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-cprofile", action="store_true", help="phase timings only")
    parser.add_argument("--out", default=str(HERE / "results"))
    args = parser.parse_args(argv)

    from control import write_control
    from generate import generate

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    bin_dir = Path(sys.executable).parent
    mkdocs = str(bin_dir / "mkdocs")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="showcase-profile-"))
    site = work / f"site-{args.records}"
    generate(args.records, site, args.seed)
    target = site
    if args.control:
        target = work / f"control-{args.records}"
        write_control(site, target)
    config = str(target / "mkdocs.yml")
    out = work / "profile-out"
    kind = "control" if args.control else "ours"
    name = f"profile-{'control-' if args.control else ''}{args.records}"
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    def fresh() -> None:
        shutil.rmtree(out, ignore_errors=True)

    fresh()
    start = time.perf_counter()
    subprocess.run([mkdocs, "build", "-q", "-f", config, "-d", str(out)], check=True, env=env)
    warm = time.perf_counter() - start

    fresh()
    result_file = work / "phases.json"
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child-phases", config, str(out), str(result_file)],
                   check=True, env=env)
    phase_wall = time.perf_counter() - start
    phases = json.loads(result_file.read_text(encoding="utf-8"))

    profiled = None
    if not args.no_cprofile:
        fresh()
        prof = out_dir / f"{name}.prof"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), mkdocs, "build", "-q", "-f", config,
                        "-d", str(out)], check=True, env=env)
        profiled = time.perf_counter() - start

    report = io.StringIO()

    def say(line: str = "") -> None:
        print(line, file=report)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True, text=True,
                            check=False).stdout.strip()
    say(f"Profile of `mkdocs build` ({kind}), N = {args.records:,}, seed {args.seed}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}, commit {commit} (working tree as it was); load average "
        f"{os.getloadavg()[0]:.1f}")
    say(f"wall: warm-up build {warm:.2f} s; timed phases run {phase_wall:.2f} s (build {phases['total']:.2f} s "
        f"in-process, CPU {phases['cpu']:.2f} s)" + (f"; under cProfile {profiled:.2f} s" if profiled else ""))
    say()
    say("Phases, without profiler (fresh process; nested phases overlap): wall, share of wall, CPU, calls")
    for label, seconds in sorted(phases["phases"].items(), key=lambda kv: -kv[1]):
        cpu = phases.get("phases_cpu", {}).get(label, 0.0)
        say(f"  {seconds:7.2f} s  {100 * seconds / phases['total']:5.1f} %  CPU {cpu:7.2f} s  "
            f"{phases['calls'][label]:6d} calls  {label}")
    if profiled:
        cprofile_report(say, prof, args.top)

    text = report.getvalue()
    print(text)
    (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    print(f"written: {out_dir / (name + '.txt')}" + ("" if args.no_cprofile else f", {out_dir / (name + '.prof')}"))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child-phases":
        sys.exit(_child_phases(*sys.argv[2:]))
    sys.exit(main())
