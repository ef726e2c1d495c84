"""Profile one in-process build of a generated site with cProfile (issue 7: name the top costs).

    .venv/bin/python benchmarks/profile_build.py --records 1000 [--seed 1] [--work DIR] [--control]

Generates the site (or reuses --work), builds it once untimed (photo cache, imports), then
builds it again under cProfile. Prints and writes benchmarks/results/profile-<N>.txt:
own time grouped by package, the functions with the most own time, and the hooks' and
templates' cumulative times. With --control, profiles the control site instead.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from control import write_control
from generate import generate
from mkdocs.commands.build import build
from mkdocs.config import load_config

GROUPS = (
    ("hooks/showcase/", "our package (hooks/showcase)"),
    ("hooks/site.py", "our hook module"),
    ("jinja2", "Jinja2 (template rendering, ours and Material's)"),
    ("<template>", "compiled templates (overrides/ and Material)"),
    ("markdown/", "Python-Markdown"),
    ("pymdownx", "pymdown-extensions"),
    ("material/plugins/search", "Material search plugin"),
    ("material/", "Material (other)"),
    ("mkdocs/", "MkDocs core"),
    ("nh3", "nh3 sanitizer"),
    ("PIL/", "Pillow"),
    ("yaml", "PyYAML"),
    ("html/parser", "html.parser (search plugin parsing)"),
    ("pathlib", "pathlib"),
    ("posixpath", "os.path"),
    ("shutil", "shutil (copying theme files)"),
    ("re/", "re (compile)"),
    ("{built-in method io.open}", "file open"),
    ("{built-in method posix", "file system calls"),
    ("{method 'write'", "file writes"),
    ("{method 'read'", "file reads"),
    ("{method 'sub' of 're.Pattern'", "regex sub (C)"),
    ("{method 'findall' of 're.Pattern'", "regex findall (C)"),
    ("{method 'search' of 're.Pattern'", "regex search (C)"),
    ("{method 'match' of 're.Pattern'", "regex match (C)"),
)


def group_of(path: str, name: str) -> str:
    where = f"{path}:{name}" if path != "~" else name
    for needle, label in GROUPS:
        if needle in where:
            return label
    return "other: " + (Path(path).name if path != "~" else name[:40])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", help="folder for the generated site (default: temporary)")
    parser.add_argument("--control", action="store_true", help="profile the control site instead of ours")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", default=str(HERE / "results"))
    args = parser.parse_args(argv)

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="showcase-profile-"))
    site = work / f"site-{args.records}"
    generate(args.records, site, args.seed)
    target = site
    if args.control:
        target = work / f"control-{args.records}"
        write_control(site, target)
    out = work / "profile-out"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    def one_build() -> None:
        shutil.rmtree(out, ignore_errors=True)
        build(load_config(config_file=str(target / "mkdocs.yml"), site_dir=str(out)))

    start = time.perf_counter()
    one_build()  # warm-up: imports, photo cache
    warm = time.perf_counter() - start
    start = time.perf_counter()
    one_build()
    plain = time.perf_counter() - start
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    one_build()
    profiler.disable()
    profiled = time.perf_counter() - start

    stats = pstats.Stats(profiler)
    total = sum(v[2] for v in stats.stats.values())  # own time of everything
    groups: dict[str, float] = defaultdict(float)
    for (path, _line, name), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        groups[group_of(path, name)] += tt

    report = io.StringIO()
    kind = "control" if args.control else "ours"
    print(f"Profile of one in-process build ({kind}), N = {args.records:,}, seed {args.seed}", file=report)
    print(f"wall: warm-up {warm:.2f} s, unprofiled {plain:.2f} s, under cProfile {profiled:.2f} s "
          f"(own time total {total:.2f} s)\n", file=report)
    print("Own time by package:", file=report)
    for label, seconds in sorted(groups.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {label}", file=report)

    print("\nOur code, cumulative (includes what it calls):", file=report)
    ours = [
        (ct, nc, path, name)
        for (path, _line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items()
        if "hooks/showcase/" in path or path.endswith("hooks/site.py")
    ]
    for ct, nc, path, name in sorted(ours, reverse=True)[:20]:
        print(f"  {ct:7.2f} s  {nc:7d} calls  {Path(path).name}:{name}", file=report)

    print("\nTemplates, cumulative (render functions of compiled templates):", file=report)
    templates: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for (path, _line, name), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        if path.endswith(".html") and name == "root":
            templates[path][0] += ct
            templates[path][1] += nc
    for path, (ct, nc) in sorted(templates.items(), key=lambda kv: -kv[1][0])[:15]:
        print(f"  {ct:7.2f} s  {nc:7d} calls  {path}", file=report)

    print(f"\nTop {args.top} functions by own time:", file=report)
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats("tottime").print_stats(args.top)
    report.write(buffer.getvalue().split("\n", 6)[-1] if "ncalls" in buffer.getvalue() else buffer.getvalue())
    print(f"\nTop {args.top} functions by cumulative time:", file=report)
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats("cumulative").print_stats(args.top)
    report.write(buffer.getvalue().split("\n", 6)[-1] if "ncalls" in buffer.getvalue() else buffer.getvalue())

    text = report.getvalue()
    print(text)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"profile-{'control-' if args.control else ''}{args.records}.txt"
    (out_dir / name).write_text(text, encoding="utf-8")
    print(f"written: {out_dir / name}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
