"""Command line for editors: ``python -m showcase check`` validates data without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .jsonschema import write_schemas
from .loader import load_project
from .problems import DataError
from .summary import summary_lines


def _utf8_console() -> None:
    # Windows consoles default to a legacy code page; Chinese messages must still print.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):  # pragma: no cover
            pass


def check(root: Path) -> int:
    """Validate ``root/data`` and print every problem, or the summary; return the exit code."""
    try:
        data = load_project(root)
    except DataError as exc:
        print("数据检查未通过：", file=sys.stderr)
        print(exc.problems.report(), file=sys.stderr)
        return 1
    print("数据检查通过。")
    for line in summary_lines(data):
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
    parser = argparse.ArgumentParser(prog="python -m showcase", description="文明单位展示网站的编辑工具")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="检查 data/ 中的所有数据文件，不生成网站")
    check_cmd.add_argument("--root", default=".", help="项目根目录（mkdocs.yml 所在的文件夹），默认为当前目录")
    schemas_cmd = commands.add_parser("schemas", help="重新生成 schemas/ 中供编辑器使用的 JSON Schema 文件")
    schemas_cmd.add_argument("--root", default=".", help="项目根目录，默认为当前目录")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(Path(args.root))
    if args.command == "schemas":
        for path in write_schemas(Path(args.root) / "schemas"):
            print(f"已写入 {path}")
        return 0
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
