"""Spreadsheet import: one YAML file per row, checked by the real loader before anything is written.

Office staff keep lists in Excel. ``showcase import 活动.xlsx --kind events`` reads the first
row as headers — the Chinese field labels of the record kind (标题、日期、地点…) or the
English field names, see :mod:`showcase.tools.columns` — and turns every other non-empty row
into ``data/<folder>/<id>.yml``; each cell is read by its field's type.

How a row is checked: the current ``data/`` folder is copied to a temporary folder (photos
hard-linked where possible), the new files are written there, and
:func:`showcase.load.load_project` runs on the copy — exactly the check a hand-written file
gets, cross-record references included. Each problem in a generated file is mapped back to
the sheet, row and column it came from (by the problem's field name). Nothing is written
to the real ``data/`` unless every row is valid; existing files are kept unless ``overwrite``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.problems import DataError, Problem
from ..load import load_project
from ..model import ENTREPRENEUR, Kind
from ..schema import (
    CellReading,
    ImageList,
)
from .columns import IGNORED_HEADERS, Column, columns, header_table, normalize_header
from .ids import derive_id, id_problem, unique_id
from .project import ProjectInfo, existing_files
from .scaffold import EDITABLE_KINDS
from .sheets import ImportFailure, Sheet, column_letter, read_sheet
from .yamlwrite import dump_record, write_all

# =====================================================================================
# Rows → record values
# =====================================================================================


@dataclass
class Row:
    number: int
    cells: dict[str, tuple[int, str]]  # column path → (column index, text), non-empty only
    values: dict[str, Any] = field(default_factory=dict)
    record_id: str = ""
    id_given: bool = False
    temp_id: str = ""  # the file name used in the temporary check
    replaces: Path | None = None


@dataclass(frozen=True)
class Located:
    """One problem, located in the spreadsheet."""

    row: int
    col: int  # -1: the whole row
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class ImportResult:
    ok: bool
    source: str  # the sheet label
    kind: Kind
    problems: list[str] = field(default_factory=list)
    written: list[tuple[int, Path, bool]] = field(default_factory=list)  # row, file, replaced an existing one
    planned: list[tuple[int, str, bool]] = field(default_factory=list)  # row, rel path, replaces (dry run too)
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    read_note: str = ""  # how the file was read (encoding, sheets left out)


class _Importer:
    def __init__(self, kind: Kind, root: Path, sheet: Sheet, overwrite: bool) -> None:
        self.kind = kind
        self.root = root
        self.sheet = sheet
        self.overwrite = overwrite
        self.info = ProjectInfo.read(root)
        self.header_row = 0
        self.headers: list[str] = []
        self.data_rows: list[tuple[int, list[str]]] = []
        self.by_index: dict[int, Column] = {}
        self.by_path: dict[str, int] = {}
        self.problems: list[Located] = []
        self.flagged: set[tuple[int, int]] = set()  # cells with an importer problem: skip the loader's

    # -- locations ----------------------------------------------------------------
    def where(self, row: int, col: int, label: str | None = None) -> str:
        place = f"{self.sheet.label} 第 {row} 行"
        if col >= 0:
            header = self.headers[col] if col < len(self.headers) and self.headers[col] else label or ""
            return f"{place} {column_letter(col)} 列" + (f"（{header}）" if header else "")
        return f"{place}（{label}）" if label else place

    def add(self, row: int, col: int, message: str, label: str | None = None) -> None:
        self.problems.append(Located(row, col, f"{self.where(row, col, label)}: {message}"))
        self.flagged.add((row, col))

    # -- header -------------------------------------------------------------------
    def read_header(self) -> bool:
        if not self.sheet.rows:
            self.problems.append(Located(0, -1, f"{self.sheet.label}: 表格是空的，第一行应是列名（如 标题、日期、类别）"))
            return False
        table = header_table(self.kind)
        # A title row above the header (“2023年活动统计表”) is common: the header is the first
        # of the first rows that has at least two known column names.
        start = 0
        for index, (_, texts) in enumerate(self.sheet.rows[:10]):
            if sum(1 for t in texts if t and normalize_header(t) in table) >= 2:
                start = index
                break
        self.header_row, self.headers = self.sheet.rows[start]
        self.data_rows = self.sheet.rows[start + 1 :]
        known = "、".join(dict.fromkeys(c.header for c in columns(self.kind)))
        ignored = {normalize_header(h) for h in IGNORED_HEADERS}
        for index, text in enumerate(self.headers):
            if not text:
                continue
            key = normalize_header(text)
            if key in ignored:
                continue
            column = table.get(key)
            if column is None:
                import difflib

                close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.5)
                guess = f"是否想写“{table[close[0]].header}”？" if close else ""
                self.add(
                    self.header_row, index,
                    f"不认识的列名“{text}”。{guess}可用的列名：{known}；不需要的列请删除（“序号”列会被忽略）",
                )
            elif column.path in self.by_path:
                first = self.by_path[column.path]
                self.add(self.header_row, index, f"与 {column_letter(first)} 列（{self.headers[first]}）重复，请删除其中一列")
            else:
                self.by_index[index] = column
                self.by_path[column.path] = index
        for column in columns(self.kind):
            if column.required and column.path not in self.by_path:
                self.problems.append(
                    Located(self.header_row, 10**6, f"{self.sheet.label} 第 {self.header_row} 行: 缺少必填的“{column.header}”列")
                )
        return not self.problems

    def cells_of(self, number: int, texts: list[str]) -> dict[str, tuple[int, str]]:
        cells: dict[str, tuple[int, str]] = {}
        for index, text in enumerate(texts):
            if not text:
                continue
            column = self.by_index.get(index)
            if column is not None:
                cells[column.path] = (index, text)
            elif index >= len(self.headers) or not self.headers[index]:
                self.add(number, index, "这一列没有列名，但有内容。请在第一行写上列名，或删除这一列的内容")
        return cells

    # -- values ---------------------------------------------------------------------
    def build(self, row: Row) -> None:
        kind = self.kind
        values: dict[str, Any] = {}
        for column in columns(kind):
            if column.path == "id" or column.path not in row.cells:
                continue
            index, text = row.cells[column.path]
            value = self.convert(column, text, row.number, index)
            if column.container is None:
                values[column.path] = value
                continue
            parent = column.container
            sub = column.path.split(".", 1)[1]
            if isinstance(parent.type, ImageList):
                values.setdefault(parent.name, [{}])[0][sub] = value
            else:
                values.setdefault(parent.name, {})[sub] = value
        row.values = values

    def convert(self, column: Column, text: str, number: int, index: int) -> object:
        """A cell's text as the value to write, read by the field's own type."""
        spec = column.spec
        if spec is None:  # private note
            return text
        env = CellReading(
            {name: ids for name, ids in self.info.people.items()},
            tuple(self.info.areas),
            lambda message: self.add(number, index, message),
        )
        container = column.container
        if column.path.endswith(".src") and container is not None:
            return container.type.from_cell(container, text, env)
        return spec.type.from_cell(spec, text, env)

    # -- ids ----------------------------------------------------------------------
    def assign_ids(self, rows: list[Row]) -> None:
        existing = existing_files(self.root / "data" / self.kind.folder)
        id_col = self.by_path.get("id", -1)
        title_col = self.by_path.get(self.kind.title_field, -1)
        taken: dict[str, int] = {}
        for row in rows:  # explicit ids first: they win over derived ones
            if "id" not in row.cells:
                continue
            text = row.cells["id"][1].strip()
            if text.lower().endswith((".yml", ".yaml")):
                text = text.rsplit(".", 1)[0]
            row.id_given = True
            if reason := id_problem(text):
                self.add(row.number, id_col, reason)
                continue
            if text.lower() in taken:
                self.add(row.number, id_col, f"编号“{text}”与第 {taken[text.lower()]} 行重复，每行的编号必须不同")
                continue
            taken[text.lower()] = row.number
            row.record_id = text
        for row in rows:
            if row.id_given:
                continue
            title = str(row.values.get(self.kind.title_field) or "")
            date = row.values.get("date") if self.kind is not ENTREPRENEUR else None
            base = derive_id(self.kind, title, str(date) if date else None) if title else f"{self.kind.name}-row-{row.number}"
            row.record_id = unique_id(base, set(taken))
            taken[row.record_id.lower()] = row.number
        for row in rows:
            if not row.record_id:
                continue
            old = existing.get(row.record_id.lower())
            if old is None:
                continue
            if self.overwrite:
                row.replaces = old
                continue
            rel = old.relative_to(self.root).as_posix()
            how = "在“编号”列写一个不同的编号" if row.id_given or id_col >= 0 else "加一列“编号”并写一个不同的编号"
            self.add(
                row.number, id_col if row.id_given else title_col,
                f"{rel} 已存在（编号“{row.record_id}”），不会覆盖。如果这一行是另一条新记录，请{how}；"
                "如果要用表格中的内容替换已有文件，请在命令后加 --overwrite",
                label=None if row.id_given else "编号",
            )
        for row in rows:
            valid = row.record_id and (row.replaces is not None or row.record_id.lower() not in existing)
            row.temp_id = row.record_id if valid else f"zz-import-row-{row.number}"

    # -- checking with the real loader ----------------------------------------------
    def check(self, rows: list[Row]) -> list[str]:
        """Validate all rows together with the existing data; return notes for the editor."""
        data = self.root / "data"
        base = self.root / ".cache"
        try:
            base.mkdir(exist_ok=True)
            tmp = tempfile.mkdtemp(prefix="import-", dir=base)
        except OSError:
            tmp = tempfile.mkdtemp(prefix="showcase-import-")
        try:
            temp_root = Path(tmp)
            _copy_data(data, temp_root / "data")
            by_rel: dict[str, Row] = {}
            for row in rows:
                if row.replaces is not None:
                    (temp_root / row.replaces.relative_to(self.root)).unlink(missing_ok=True)
            for row in rows:
                rel = f"data/{self.kind.folder}/{row.temp_id}.yml"
                target = temp_root / rel
                target.unlink(missing_ok=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(dump_record(self.kind.fields, row.values), encoding="utf-8", newline="\n")
                by_rel[rel] = row
            try:
                dataset = load_project(temp_root)
                notes = list(dataset.notes)
            except DataError as exc:
                notes = []
                for problem in exc.problems.sorted():
                    self.locate(problem, by_rel)
            return [self.note_text(n, by_rel) for n in notes]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def locate(self, problem: Problem, by_rel: dict[str, Row]) -> None:
        row = by_rel.get(problem.path)
        if row is None:
            self.problems.append(Located(10**9, -1, f"{problem}（已有文件）"))
            return
        index, label = self.column_of(problem.field)
        if (row.number, index) in self.flagged:
            return
        self.problems.append(Located(row.number, index, f"{self.where(row.number, index, label)}: {problem.message}"))

    def column_of(self, field_path: str) -> tuple[int, str | None]:
        """Column index for a problem's field path (-1 if none), and a label for the message."""
        key = re.sub(r"\[\d+\]", "", field_path)
        if not key:
            return -1, None
        if key in self.by_path:
            return self.by_path[key], None
        children = [i for path, i in self.by_path.items() if path.startswith(key + ".")]
        if children:
            return min(children), None
        return -1, _label_of(self.kind, key)

    def note_text(self, note: str, by_rel: dict[str, Row]) -> str:
        match = re.match(r"^(?P<rel>[^:]+?)(?::\d+)?: (?:(?P<field>[A-Za-z_.\[\]0-9]+): )?(?P<msg>.*)$", note)
        if match and match.group("rel") in by_rel:
            row = by_rel[match.group("rel")]
            index, label = self.column_of(match.group("field") or "")
            return f"{self.where(row.number, index, label)}: {match.group('msg')}"
        return note

    # -- the whole run ----------------------------------------------------------------
    def run(self, dry_run: bool) -> ImportResult:
        result = ImportResult(False, self.sheet.label, self.kind, read_note=self.sheet.note)
        if not (self.root / "data").is_dir():
            result.problems.append("找不到 data/ 文件夹：请在项目根目录（mkdocs.yml 所在的文件夹）运行命令，或用 --root 指定")
            return result
        if not self.read_header():
            result.problems = [p.text for p in sorted(self.problems, key=lambda p: (p.row, p.col))]
            return result
        rows = [Row(number, self.cells_of(number, texts)) for number, texts in self.data_rows]
        rows = [row for row in rows if row.cells]
        result.rows = len(rows)
        if not rows:
            result.problems.append(f"{self.sheet.label}: 除列名外没有任何数据行")
            return result
        for row in rows:
            self.build(row)
        self.assign_ids(rows)
        notes = self.check(rows)
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: (p.row, p.col, p.text))
            result.problems = list(dict.fromkeys(p.text for p in ordered))
            return result
        result.notes = notes
        folder = self.root / "data" / self.kind.folder
        result.planned = [
            (row.number, f"data/{self.kind.folder}/{row.record_id}.yml", row.replaces is not None) for row in rows
        ]
        if not dry_run:
            texts = {folder / f"{row.record_id}.yml": dump_record(self.kind.fields, row.values) for row in rows}
            try:
                write_all(texts)
            except OSError as exc:
                result.problems.append(
                    f"写入 data/{self.kind.folder}/ 时出错（{exc.strerror or exc}），没有写入任何文件。"
                    "请检查磁盘空间和文件夹权限后重新导入"
                )
                return result
            for row in rows:
                target = folder / f"{row.record_id}.yml"
                if row.replaces is not None and row.replaces.resolve() != target.resolve():
                    row.replaces.unlink(missing_ok=True)
                result.written.append((row.number, target, row.replaces is not None))
        result.ok = True
        return result


def _label_of(kind: Kind, path: str) -> str | None:
    fields = kind.fields
    spec = None
    for part in path.split("."):
        spec = next((f for f in fields if f.name == part), None)
        if spec is None:
            return None
        fields = spec.fields
    return spec.label if spec else None


def _copy_data(source: Path, target: Path) -> None:
    """Copy data/: YAML files are copied, everything else (photos) hard-linked when possible."""

    def link_or_copy(src: str, dst: str) -> object:
        if not src.lower().endswith((".yml", ".yaml")):
            try:
                os.link(src, dst)
                return dst
            except OSError:
                pass
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy, symlinks=True)


def guess_kind(path: Path) -> Kind | None:
    stem = path.stem.lower()
    hits = [k for k in EDITABLE_KINDS if k.label in stem or k.folder in stem or k.name in stem]
    # "entrepreneurs" contains no other kind's name; "企业家" no other label: one hit or none
    return hits[0] if len(hits) == 1 else None


def import_file(
    path: Path | str, kind: Kind | None = None, root: Path | str = ".", overwrite: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import one spreadsheet; see the module docstring. Raises ImportFailure if unreadable."""
    path = Path(path)
    if kind is None:
        kind = guess_kind(path)
        if kind is None:
            raise ImportFailure(
                "请用 --kind 指定记录类型：events（活动）、honors（荣誉）或 entrepreneurs（企业家）"
            )
    sheet = read_sheet(path, kind)
    return _Importer(kind, Path(root).resolve(), sheet, overwrite).run(dry_run)


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
