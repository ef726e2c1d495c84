"""Command line for editors: ``python -m showcase check`` validates data without building.

Also: ``edit`` (the form editor and the preview), ``import`` (spreadsheet → record files),
``new`` (a commented record file),
``template-sheets`` (the import templates) and ``guide-fields`` (the guide's field tables).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..core.problems import DataError, Problems
from ..derive.embeds import check_narratives
from ..derive.leftovers import nav_sources, sample_leftovers, todo_leftovers, unreachable_pages
from ..derive.relations import build_relations
from ..derive.summary import summary_lines
from ..load import load_project
from ..load.narratives import markdown_pages
from ..model import RECORD_KINDS, Dataset
from .jsonschema import write_schemas
from .project import ProjectInfo

if TYPE_CHECKING:  # pragma: no cover
    from .importer import ImportResult


def _utf8_console() -> None:
    # Windows consoles default to a legacy code page; Chinese messages must still print.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):  # pragma: no cover
            pass


def _nav_of(root: Path) -> object:
    """mkdocs.yml's nav (its own YAML tags such as !ENV are ignored); None when there is none."""

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Lenient)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return config.get("nav") if isinstance(config, dict) else None


def leftovers(root: Path, data: Dataset) -> list[str]:
    """What the build warns about: unreachable narratives, the example's words in a real site."""
    pages = markdown_pages(data.root, data.root / "docs")
    docs = [path.removeprefix("docs/") for path, _, _ in pages]
    nav = _nav_of(root)
    sections = {f"{kind.folder}/index.md" for kind in RECORD_KINDS} | {"dossier.md", "report.md"}
    reachable = nav_sources(nav) if nav is not None else sections
    return unreachable_pages(data, docs, reachable) + todo_leftovers(data, pages) + sample_leftovers(data, pages)


def check(root: Path) -> int:
    """Validate ``root/data`` and the narratives in docs/ as a build does (embeds included) and
    print every problem, or the summary; return the exit code. Writes nothing."""
    try:
        data = load_project(root)
    except DataError as exc:
        print("数据检查未通过：", file=sys.stderr)
        print(exc.problems.report(), file=sys.stderr)
        return 1
    problems, notes = Problems(), list[str]()
    check_narratives(data, build_relations(data), markdown_pages(data.root, data.root / "docs"), problems, notes)
    if problems:
        print("数据检查未通过：", file=sys.stderr)
        print(problems.report(), file=sys.stderr)
        return 1
    print("数据检查通过。")
    for line in leftovers(root, data):
        print(f"提醒：{line}")
    for line in [*summary_lines(data), *sorted(set(notes))]:
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
    _add_editor_commands(commands)
    offline = commands.add_parser(
        "offline",
        help="生成离线版：一个 zip 文件，解压后双击 index.html 即可浏览和搜索，无需网络和服务器",
    )
    offline.add_argument("--out", default="dist/offline.zip", help="zip 文件的位置，默认为 dist/offline.zip")
    offline.add_argument("--root", default=".", help="项目根目录，默认为当前目录")
    args = parser.parse_args(argv)
    if args.command == "offline":
        return _cmd_offline(args)
    if args.command == "check":
        return check(Path(args.root))
    if args.command == "schemas":
        env = ProjectInfo.read(Path(args.root)).describing()  # the unit's own lists
        for path in write_schemas(Path(args.root) / "schemas", env):
            print(f"已写入 {path}")
        return 0
    if args.command in _EDITOR_COMMANDS:
        return _EDITOR_COMMANDS[args.command](args)
    return 2  # pragma: no cover


def _cmd_offline(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import Abort, PluginError

    from ..mkdocs.offline import build_offline

    root = Path(args.root)
    out = Path(args.out) if Path(args.out).is_absolute() else root / args.out
    try:
        path = build_offline(root, out)
    except (Abort, PluginError) as exc:
        print(f"离线版没有生成：{exc}", file=sys.stderr)
        return 1
    print(f"已生成离线版 {path}（{path.stat().st_size / 1_000_000:.1f} MB）：解压后打开其中的 offline-site/index.html")
    return 0


# -- editors' commands: import, new, template-sheets, guide-fields ------------------------


def _add_editor_commands(commands: Any) -> None:
    imp = commands.add_parser(
        "import",
        help="把 Excel（.xlsx）或 CSV 表格导入为数据文件：每行一个文件，全部检查通过才写入",
        description="表格第一行写列名（标题、日期、类别……），其余每行成为 data/<类型>/<编号>.yml。"
        "所有行都检查通过才会写入；已有的文件不会被覆盖，除非加 --overwrite。",
    )
    imp.add_argument("file", help="要导入的 .xlsx 或 .csv 文件")
    imp.add_argument(
        "--kind",
        help="记录类型：events（活动）、honors（荣誉）或 entrepreneurs（企业家）；不写时按文件名判断",
    )
    imp.add_argument("--overwrite", action="store_true", help="编号已存在时用表格内容替换已有文件")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入任何文件")
    imp.add_argument("--root", default=".", help="项目根目录（mkdocs.yml 所在的文件夹），默认为当前目录")

    new = commands.add_parser(
        "new",
        help="新建一条活动、荣誉或企业家记录：生成带中文说明的文件",
        description="例如：showcase new event --title \"2023年企业家能力提升培训班\"；"
        "showcase new entrepreneur --name \"张三\"。不写 --id 时由标题或姓名的拼音生成编号。",
    )
    new.add_argument("kind", help="event（活动）、honor（荣誉）或 entrepreneur（企业家）")
    new.add_argument("--title", "--name", dest="title", help="标题（活动、荣誉）或姓名（企业家）")
    new.add_argument("--id", dest="record_id", help="编号（即文件名和网址），例如 2022-xinhuo-peixun；不写则自动生成")
    new.add_argument("--date", help="日期，例如 2022-05-01；不写则填今天的日期（活动、荣誉）")
    new.add_argument("--root", default=".", help="项目根目录，默认为当前目录")

    init = commands.add_parser(
        "init",
        help="为本单位新建一个项目文件夹：产品文件加上全新的 data/、docs/ 和 mkdocs.yml（不含示例项目的内容）",
        description="例如：showcase init ../我的项目 --name \"某县工商业联合会\" --short-name \"某县工商联\" "
        "--region \"某省某市某县\" --title \"市级文明单位\" --year 2024 --area 党建引领 --area 服务企业",
    )
    init.add_argument("folder", help="新项目的文件夹（不存在或为空）")
    init.add_argument("--name", help="单位全称")
    init.add_argument("--short-name", help="单位简称，用于网站名称")
    init.add_argument("--region", help="所在地区")
    init.add_argument("--title", help="申报称号，例如 市级文明单位")
    init.add_argument("--year", type=int, help="申报年度，例如 2024")
    init.add_argument("--area", action="append", help="一个工作板块的标题（可写多次，按自查报告的顺序）")

    tpl = commands.add_parser("template-sheets", help="重新生成 import-templates/ 中的导入模板（.xlsx 和 .csv）")
    tpl.add_argument("--out", default=None, help="输出文件夹，默认为 <项目根目录>/import-templates")
    tpl.add_argument("--root", default=".", help="项目根目录，默认为当前目录")

    edit = commands.add_parser(
        "edit",
        help="打开表单编辑器（在 Edge 或 Chrome 中填写表单编辑记录）并启动网站预览",
        description="在本机 127.0.0.1 上提供表单编辑器，同时运行 mkdocs serve --dirty 预览网站，并打开浏览器。"
        "编辑器直接读写项目文件夹中的 data/；关闭窗口或按 Ctrl+C 停止。",
    )
    edit.add_argument("--root", default=".", help="项目根目录，默认为当前目录")
    edit.add_argument("--port", type=int, default=8765, help="编辑器的端口，默认 8765（被占用时用下一个空闲端口）")
    edit.add_argument("--preview-port", type=int, default=8000, help="预览的端口，默认 8000")
    edit.add_argument("--no-preview", action="store_true", help="不启动网站预览")
    edit.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    edit.add_argument(
        "--export", metavar="文件夹",
        help="团队编辑：按 editor.yml 把编辑器写成静态文件，放到单位内部的网站服务器上（见编辑指南）",
    )

    guide = commands.add_parser("guide-fields", help="输出编辑指南中的字段表（由 schema.py 生成）")
    guide.add_argument("--write", action="store_true", help="直接更新 guide/编辑指南.md 中的字段表")
    guide.add_argument("--root", default=".", help="项目根目录，默认为当前目录")


def _cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_file
    from .scaffold import kind_from_word
    from .sheets import ImportFailure

    kind = None
    if args.kind:
        kind = kind_from_word(args.kind)
        if kind is None:
            print(f"不认识的记录类型“{args.kind}”：请写 events（活动）、honors（荣誉）或 entrepreneurs（企业家）", file=sys.stderr)
            return 2
    try:
        result = import_file(args.file, kind, Path(args.root), overwrite=args.overwrite, dry_run=args.dry_run)
    except ImportFailure as exc:
        print(f"导入未完成：{exc}", file=sys.stderr)
        return 1
    out, err = format_result(result, Path(args.root), dry_run=args.dry_run)
    for line in out:
        print(line)
    for line in err:
        print(line, file=sys.stderr)
    return 0 if result.ok else 1


def _cmd_new(args: argparse.Namespace) -> int:
    from ..model import ENTREPRENEUR
    from .scaffold import ScaffoldError, create_record, kind_from_word

    kind = kind_from_word(args.kind)
    if kind is None:
        print(f"不认识的记录类型“{args.kind}”：请写 event（活动）、honor（荣誉）或 entrepreneur（企业家）", file=sys.stderr)
        return 2
    if not args.title:
        option = "--name 姓名" if kind is ENTREPRENEUR else "--title 标题"
        print(f"请用 {option} 写出新{kind.label}的{'姓名' if kind is ENTREPRENEUR else '标题'}", file=sys.stderr)
        return 2
    try:
        created = create_record(Path(args.root), kind, args.title, args.record_id, args.date)
    except ScaffoldError as exc:
        print(f"没有新建文件：{exc}", file=sys.stderr)
        return 1
    rel = created.path.relative_to(Path(args.root).resolve()) if created.path.is_absolute() else created.path
    print(f"已新建 {Path(rel).as_posix()}（网址 {created.url}）")
    print("请用 VS Code 或记事本打开它：每个字段上方有中文说明，标有【示例值】的内容请改为实际内容。")
    if created.placeholders:
        print(f"必须填写：{'、'.join(created.placeholders)}（文件中标有【待填写】）。")
    if created.unpublished:
        print("这条记录暂不发布（published: false），填写完成后按文件中的说明删除这一行。")
    print("改完后运行 showcase check 检查，或运行 mkdocs serve --dirty 预览。")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from .init import InitError, Unit, init_project

    unit = Unit()
    for option, attribute in (("name", "name"), ("short_name", "short_name"), ("region", "region"), ("title", "title")):
        value = getattr(args, option)
        if value and value.strip():
            setattr(unit, attribute, " ".join(value.split()))
    if args.year:
        unit.year = args.year
    if args.area:
        unit.areas = [" ".join(a.split()) for a in args.area if a.strip()]
    target = Path(args.folder)
    try:
        written = init_project(target, unit)
    except InitError as exc:
        print(f"没有新建项目：{exc}", file=sys.stderr)
        return 1
    print(f"已新建项目 {target}，本单位的文件：")
    for path in written:
        print(f"  {path.relative_to(target).as_posix()}")
    print("下一步：进入这个文件夹，按 README.md 的两条命令安装并预览；运行 showcase check 查看还要填写的内容。")
    return 0


def _cmd_template_sheets(args: argparse.Namespace) -> int:
    from .templatesheets import write_templates

    out = Path(args.out) if args.out else Path(args.root) / "import-templates"
    for path in write_templates(out, ProjectInfo.read(Path(args.root)).describing()):
        print(f"已写入 {path.as_posix()}")
    return 0


def _cmd_edit(args: argparse.Namespace) -> int:
    from .formeditor import EditorSettingsError, export_editor, read_backend, run

    root = Path(args.root)
    if args.export:
        try:
            written = export_editor(root, Path(args.export), read_backend(root))
        except EditorSettingsError as exc:
            print(f"没有导出：{exc}", file=sys.stderr)
            return 1
        size = sum(p.stat().st_size for p in written)
        print(f"已把表单编辑器写入 {Path(args.export).as_posix()}（{len(written)} 个文件，{size / 1_000_000:.1f} MB）")
        return 0
    return run(root, port=args.port, preview=not args.no_preview, preview_port=args.preview_port, browser=not args.no_browser)


def _cmd_guide_fields(args: argparse.Namespace) -> int:
    from .fieldguide import GUIDE_PATH, all_tables, update_guide

    if not args.write:
        print(all_tables(ProjectInfo.read(Path(args.root)).describing()))
        return 0
    path = Path(args.root) / GUIDE_PATH
    text = path.read_text(encoding="utf-8")
    updated = update_guide(text, ProjectInfo.read(Path(args.root)).describing())
    if updated != text:
        path.write_text(updated, encoding="utf-8", newline="\n")
        print(f"已更新 {path.as_posix()} 中的字段表")
    else:
        print(f"{path.as_posix()} 中的字段表已是最新")
    return 0


_EDITOR_COMMANDS = {
    "import": _cmd_import,
    "new": _cmd_new,
    "template-sheets": _cmd_template_sheets,
    "init": _cmd_init,
    "guide-fields": _cmd_guide_fields,
    "edit": _cmd_edit,
}




def format_result(result: ImportResult, root: Path, dry_run: bool = False) -> tuple[list[str], list[str]]:
    """(stdout lines, stderr lines) for the command line."""
    if not result.ok:
        err = [f"导入未完成：{result.source}{result.read_note}中发现 {len(result.problems)} 个问题，没有写入任何文件。请修改后重新导入。"]
        err.extend(result.problems)
        return [], err
    out = [f"{result.source}{result.read_note}：{result.rows} 行{result.kind.label}记录全部检查通过。"]
    entries = result.planned
    if dry_run:
        out.append("只做了检查（--dry-run），没有写入文件。导入后将写入：")
    else:
        replaced = sum(1 for _, _, r in entries if r)
        out.append(f"已写入 {len(entries)} 个文件" + (f"（其中替换已有文件 {replaced} 个）" if replaced else "") + "：")
    for number, rel, replaces in entries:
        out.append(f"  第 {number} 行 → {rel}" + ("（替换）" if replaces else ""))
    if result.notes:
        out.append("提示：")
        out.extend(f"  {n}" for n in result.notes)
    if not dry_run:
        out.append("下一步：运行 mkdocs serve --dirty 预览网站，或运行 showcase check 检查全部数据。")
    return out, []


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
