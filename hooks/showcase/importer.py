"""Spreadsheet import: one YAML file per row, checked by the real loader before anything is written.

Office staff keep lists in Excel. ``showcase import 活动.xlsx --kind events`` reads the first
row as headers — the Chinese field labels from :mod:`showcase.schema` (标题、日期、地点…) or
the English field names — and turns every other non-empty row into ``data/<folder>/<id>.yml``.

How a row is checked: the current ``data/`` folder is copied to a temporary folder (photos
hard-linked where possible), the new files are written there, and
:func:`showcase.loader.load_project` runs on the copy — exactly the check a hand-written file
gets, cross-record references included. Each problem in a generated file is mapped back to
the sheet, row and column it came from (by the problem's field name). Nothing is written
to the real ``data/`` unless every row is valid; existing files are kept unless ``overwrite``.

Columns (generated from the schema, see :func:`columns`):

- one column per plain field, header = its label (``标题``) or name (``title``);
- nested fields flattened: ``获得者类型``/``recipient.type``, ``同意日期``/``consent.date``…;
- lists (``标签``, ``相关企业家``) as text separated by 、，,;；;
- one photo per row: ``照片`` (file name in ``data/photos/`` or a path relative to ``data/``)
  and ``照片说明`` (its alt text); more photos, captions and ``links`` are added in the YAML;
- ``编号`` (id), optional: when empty the id is derived from the title or name in pinyin;
- ``内部信息`` becomes ``private: {note: …}``; a ``序号`` column is ignored.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from . import scaffold, schema
from .loader import load_project
from .problems import DataError, Problem
from .scaffold import EDITABLE_KINDS, ProjectInfo, derive_id, existing_files, id_problem, unique_id
from .schema import Field, Kind
from .validate import ID_RE, normalize_digits, parse_date

ID_HEADER = "编号"
IGNORED_HEADERS = ("序号",)
HELP_SHEET = "说明"
MAX_ROWS = 5000
_LIST_SPLIT = re.compile(r"[、，,;；\n]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_TRUE = {"true", "是", "1", "y", "yes", "发布", "√"}
_FALSE = {"false", "否", "0", "n", "no", "不发布", "×"}
_GENERIC_HEADERS = {"title": ("标题",), "date": ("日期",)}
_SKIP_TYPES = (schema.LIST,)  # links: several sub-fields per item, edited in the YAML


class ImportFailure(Exception):
    """The file cannot be read at all (wrong format, not found…): one Chinese message."""


# =====================================================================================
# Columns, from the schema
# =====================================================================================


@dataclass(frozen=True)
class Column:
    path: str  # "title", "recipient.type", "photos.src", "private.note", "id"
    header: str  # the Chinese header in the templates
    aliases: tuple[str, ...]  # every header text accepted (before normalization)
    spec: Field | None  # the schema field of the value (None for id and private note)
    container: Field | None = None  # the OBJECT / IMAGE / IMAGE_LIST / PRIVATE it belongs to
    required: bool = False
    help: str = ""


def columns(kind: Kind) -> tuple[Column, ...]:
    """Every importable column of ``kind``, in template order (编号 first)."""
    title = kind.field(kind.title_field)
    out = [
        Column(
            "id",
            ID_HEADER,
            (ID_HEADER, "id"),
            None,
            help=f"记录编号，即文件名和网址（/{kind.folder}/编号/），只能用小写字母、数字和连字符。"
            f"可不填：不填时由{title.label if title else '标题'}的拼音自动生成",
        )
    ]
    for spec in kind.fields:
        t = spec.type
        if t in _SKIP_TYPES:
            continue
        if t == schema.PRIVATE:
            out.append(Column("private.note", spec.label, (spec.label, spec.name, "内部备注"), None, spec, help=spec.help))
        elif t in (schema.IMAGE, schema.IMAGE_LIST):
            header = "照片" if t == schema.IMAGE_LIST else spec.label
            alias_extra = ("证书图片",) if spec.name == "certificate" else ()
            out.append(
                Column(
                    f"{spec.name}.src",
                    header,
                    (header, spec.label, spec.name, f"{spec.name}.src", *alias_extra),
                    next(f for f in spec.fields if f.name == "src"),
                    spec,
                    help="一张图片：写 data/photos/ 中的文件名（如 zhang-san.jpg），或相对于 data/ 的路径；"
                    + ("更多照片请在生成的文件中添加" if t == schema.IMAGE_LIST else "有图片时须同时写说明"),
                )
            )
            out.append(
                Column(
                    f"{spec.name}.alt",
                    header + "说明",
                    (header + "说明", spec.label + "说明", f"{spec.name}.alt", *(a + "说明" for a in alias_extra)),
                    next(f for f in spec.fields if f.name == "alt"),
                    spec,
                    help="用一句话说明图片内容（替代文字，供读屏软件使用）；写了图片就必须写",
                )
            )
        elif t == schema.OBJECT:
            for sub in spec.fields:
                out.append(
                    Column(
                        f"{spec.name}.{sub.name}",
                        sub.label,
                        (sub.label, f"{spec.name}.{sub.name}"),
                        sub,
                        spec,
                        required=spec.required and sub.required,
                        help=sub.help,
                    )
                )
        else:
            generic = _GENERIC_HEADERS.get(spec.name, ())  # 标题 / 日期 also for honors
            aliases = tuple(dict.fromkeys((spec.label, spec.name, *generic)))
            out.append(Column(spec.name, spec.label, aliases, spec, required=spec.required, help=spec.help))
    return tuple(out)


def normalize_header(text: str) -> str:
    """``标题*``, ``标题（必填）``, `` Title `` → ``标题`` / ``title``."""
    text = "".join(unicodedata.normalize("NFKC", text).split())
    text = re.sub(r"\((必填|选填|可选|可不填)\)$", "", text).rstrip("*")
    return text.lower()


def header_table(kind: Kind) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in columns(kind):
        for alias in column.aliases:
            key = normalize_header(alias)
            if key in table and table[key] is not column:  # pragma: no cover - caught by a test
                raise AssertionError(f"header {alias!r} is ambiguous in {kind.name}")
            table[key] = column
    return table


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# =====================================================================================
# Reading .xlsx and .csv
# =====================================================================================


@dataclass
class Sheet:
    label: str  # "events.xlsx 工作表“活动”" or "events.csv"
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cell texts)
    note: str = ""  # e.g. the encoding that was detected


def _excel_text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime | _dt.date):
        # A date typed as 2022-05 is stored as 2022-05-01 with a month-only format: keep the precision.
        fmt = re.sub(r'"[^"]*"|\[[^\]]*\]', "", (number_format or "").lower())
        if "d" not in fmt and "m" in fmt and "y" in fmt:
            return f"{value.year:04d}-{value.month:02d}"
        if "d" not in fmt and "m" not in fmt and "y" in fmt:
            return f"{value.year:04d}"
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def read_xlsx(path: Path, kind: Kind) -> Sheet:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # openpyxl warns about Excel features it ignores
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportFailure(
            f"无法打开 {path.name}：它不是有效的 Excel 工作簿（.xlsx）或已损坏（{type(exc).__name__}）。"
            "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8”后再导入"
        ) from None
    try:
        names = workbook.sheetnames
        wanted = {kind.label, kind.folder, kind.name}
        chosen = next((n for n in names if n.strip() in wanted), None)
        if chosen is None:
            chosen = next((n for n in names if n.strip() != HELP_SHEET), None)
        if chosen is None:
            raise ImportFailure(f"{path.name} 中没有可导入的工作表（只有“{HELP_SHEET}”）")
        sheet = workbook[chosen]
        sheet.reset_dimensions()  # don't trust the size the writing program recorded: read every row
        rows: list[tuple[int, list[str]]] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            texts = [_excel_text(c.value, getattr(c, "number_format", None)) for c in cells]
            if any(texts):
                rows.append((number, texts))
                if len(rows) > MAX_ROWS + 1:
                    raise ImportFailure(f"{path.name} 超过 {MAX_ROWS} 行，请拆成几个文件分别导入")
    finally:
        workbook.close()
    others = [n for n in names if n != chosen and n.strip() != HELP_SHEET]
    note = f"（工作簿中的其他工作表 {'、'.join(others)} 未导入）" if others else ""
    return Sheet(f"{path.name} 工作表“{chosen}”", rows, note)


def decode_csv(raw: bytes) -> tuple[str, str]:
    """Text and a Chinese name of the encoding: UTF-8 (with or without BOM), GBK/GB18030 or UTF-16."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "带 BOM 的 UTF-8"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("gb18030"), "GBK"
    except UnicodeDecodeError:
        raise ImportFailure(
            "无法识别这个 CSV 文件的编码（不是 UTF-8，也不是 GBK）。请在 Excel 中“另存为”，"
            "文件类型选“CSV UTF-8（逗号分隔）”后再导入"
        ) from None


def read_csv(path: Path) -> Sheet:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"无法读取 {path.name}（{exc.strerror or exc}）") from None
    text, encoding = decode_csv(raw)
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ";" if first.count(";") > first.count(",") else ","
    rows: list[tuple[int, list[str]]] = []
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            texts = [c.replace("\r\n", "\n").replace("\r", "\n").strip() for c in cells]
            if any(texts):
                rows.append((number, texts))
                if len(rows) > MAX_ROWS + 1:
                    raise ImportFailure(f"{path.name} 超过 {MAX_ROWS} 行，请拆成几个文件分别导入")
    except csv.Error as exc:
        raise ImportFailure(f"{path.name} 不是有效的 CSV 文件（{exc}）") from None
    return Sheet(path.name, rows, f"（{encoding} 编码）")


def read_sheet(path: Path, kind: Kind) -> Sheet:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFailure(f"找不到文件 {path}")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, kind)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path)
    if suffix in (".xls", ".et", ".ods", ".numbers"):
        raise ImportFailure(
            f"不支持 {suffix} 格式。请在 Excel 或 WPS 中打开 {path.name}，另存为“Excel 工作簿（*.xlsx）”"
            "或“CSV UTF-8（逗号分隔）”后再导入"
        )
    raise ImportFailure(f"{path.name}：只能导入 .xlsx 或 .csv 文件")


# =====================================================================================
# Rows → record values
# =====================================================================================


@dataclass
class Row:
    number: int
    cells: dict[str, tuple[int, str]]  # column path → (column index, text), non-empty only
    values: dict = field(default_factory=dict)
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
        values: dict = {}
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
            if parent.type == schema.IMAGE_LIST:
                values.setdefault(parent.name, [{}])[0][sub] = value
            else:
                values.setdefault(parent.name, {})[sub] = value
        row.values = values

    def convert(self, column: Column, text: str, number: int, index: int) -> object:
        spec = column.spec
        if spec is None:  # private note
            return text
        t = spec.type
        if column.path.endswith(".src") and column.container is not None:
            src = text.replace("\\", "/").strip()
            src = re.sub(r"^(\./)?data/", "", src)
            return src if "/" in src else f"photos/{src}"
        if t == schema.DATE:
            parsed = parse_date(text)
            return text if isinstance(parsed, str) else parsed.iso
        if t in (schema.QUANTITY, schema.INT, schema.NUMBER):
            raw = normalize_digits(text).replace(",", "").replace(" ", "")
            return raw if re.fullmatch(r"\d+(\.\d+)?|\*+", raw) else text
        if t == schema.BOOL:
            lowered = text.strip().lower()
            return True if lowered in _TRUE else False if lowered in _FALSE else text
        if t in (schema.TAGS, schema.REF_LIST):
            words = [" ".join(w.split()) for w in _LIST_SPLIT.split(text)]
            words = [w for w in words if w]
            if t == schema.REF_LIST and spec.ref == "entrepreneur":
                words = [self.person_id(w, number, index) for w in words]
            return words
        if t == schema.REF and spec.ref == "entrepreneur":
            return self.person_id(text, number, index)
        if t == schema.REF and spec.ref == "area":
            return self.area_id(text, number, index)
        return text

    def person_id(self, text: str, number: int, index: int) -> str:
        """An entrepreneur's id, or their name when it is unique among the existing records."""
        if ID_RE.match(text) or not _CJK.search(text):
            return text
        ids = self.info.people.get(" ".join(text.split()), [])
        if len(ids) == 1:
            return ids[0]
        if ids:
            self.add(number, index, f"有 {len(ids)} 位企业家叫“{text}”（{'、'.join(ids)}），请写企业家编号以区分")
        else:
            self.add(
                number, index,
                f"找不到姓名为“{text}”的企业家。请写企业家编号（data/entrepreneurs/ 中的文件名，不含 .yml），"
                "或先导入或新建这位企业家",
            )
        return text

    def area_id(self, text: str, number: int, index: int) -> str:
        """A work area's id, also accepting its title from site.yml."""
        ids = {aid for aid, _ in self.info.areas}
        if text in ids:
            return text
        by_title = {title: aid for aid, title in self.info.areas}
        if text in by_title:
            return by_title[text]
        if _CJK.search(text):
            listing = "、".join(f"{aid}（{title}）" for aid, title in self.info.areas)
            self.add(number, index, f"“{text}”不是工作板块。请写板块编号或 site.yml 中的板块标题：{listing}")
        return text

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
            date = row.values.get("date") if self.kind is not schema.ENTREPRENEUR else None
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
                target.write_text(scaffold.dump_record(self.kind, row.values), encoding="utf-8", newline="\n")
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
            for row in rows:
                target = folder / f"{row.record_id}.yml"
                scaffold.write_text(target, scaffold.dump_record(self.kind, row.values))
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


# =====================================================================================
# Template spreadsheets
# =====================================================================================

TEMPLATE_NAMES = {"event": "活动", "honor": "荣誉", "entrepreneur": "企业家"}

_COLUMN_EXAMPLES = {
    "id": "2022-xinhuo-peixun",
    "title": "新生代企业家薪火培训班",
    "date": "2022-05-01",
    "end_date": "2022-05-03",
    "location": "示例市会展中心",
    "summary": "一两句话概括，显示在列表和卡片上。",
    "body": "正文，可分段（单元格内按 Alt+Enter 换行）",
    "sessions": "3",
    "participants": "120 或 **（未公开）",
    "entrepreneurs": "zhang-san、li-si（编号或姓名）",
    "tags": "培训、党建",
    "photos.src": "2022-xinhuo-peixun-1.jpg",
    "photos.alt": "企业家们在培训班上听讲",
    "published": "是 / 否",
    "private.note": "内部备注，不会公开",
    "name": "张三",
    "company": "示例科技有限公司",
    "position": "董事长",
    "industry": "新能源",
    "region": "示例市芝罘区",
    "photo.src": "zhang-san.jpg",
    "photo.alt": "张三在企业车间",
    "biography": "人物简介，可分段",
    "quote": "企业家的一段话。",
    "consent.date": "2022-06-01",
    "consent.scope": "同意公开姓名、照片、企业信息和事迹",
    "consent.withdrawn": "（撤回同意时填写）",
    "level": "市级",
    "awarding_body": "示例市人民政府",
    "document_number": "示政字〔2022〕1号",
    "recipient.type": "企业",
    "recipient.name": "示例科技有限公司",
    "recipient.entrepreneur": "zhang-san",
    "count": "**",
    "certificate.src": "2022-rongyu-zhengshu.jpg",
    "certificate.alt": "荣誉证书",
    "area": "zhengzhi-jianhui 或 坚持政治建会",
}


def column_note(column: Column) -> str:
    """The Chinese help for one template column (cell comment and 说明 sheet)."""
    parts = ["必填。" if column.required else "选填。"]
    if column.help:
        parts.append(column.help.rstrip("。") + "。")
    spec = column.spec
    if spec is not None and spec.type == schema.CHOICE:
        parts.append("可选：" + "、".join(t.label for t in spec.choices) + "。")
    if spec is not None and spec.type == schema.DATE and "2022" not in column.help:
        parts.append("写成 2022-05-01；只知道月份写 2022-05，只知道年份写 2022。")
    if spec is not None and spec.type in (schema.TAGS, schema.REF_LIST):
        parts.append("多个用顿号“、”或逗号隔开。")
    if spec is not None and spec.type == schema.BOOL:
        parts.append("写“是”或“否”，不填为默认值。")
    return "".join(parts)


def template_headers(kind: Kind) -> list[str]:
    return [c.header for c in columns(kind)]


def write_templates(folder: Path) -> list[Path]:
    """Write 活动/荣誉/企业家 .xlsx and .csv templates into ``folder``; return the paths."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    fixed_time = _dt.datetime(2024, 1, 1)
    for kind in EDITABLE_KINDS:
        name = TEMPLATE_NAMES[kind.name]
        cols = columns(kind)
        workbook = Workbook()
        workbook.properties.creator = "showcase template-sheets"
        workbook.properties.created = fixed_time
        workbook.properties.modified = fixed_time
        sheet = workbook.active
        sheet.title = kind.label
        required_fill = PatternFill("solid", fgColor="FCE4D6")
        other_fill = PatternFill("solid", fgColor="DDEBF7")
        for index, column in enumerate(cols, start=1):
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = required_fill if column.required else other_fill
            cell.alignment = Alignment(horizontal="center")
            comment = Comment(column_note(column), "showcase")
            comment.width, comment.height = 320, 160
            cell.comment = comment
            letter = column_letter(index - 1)
            spec = column.spec
            wide = spec is not None and spec.type in (schema.MARKDOWN, schema.LONGTEXT)
            sheet.column_dimensions[letter].width = 40 if wide else max(12, min(30, len(column.header) * 2 + 6))
            # Text format, so that Excel keeps 2022-05 and ids as typed instead of turning them into dates.
            if column.path == "id" or (spec is not None and spec.type in (schema.DATE, schema.QUANTITY)):
                for row in range(2, 502):
                    sheet.cell(row=row, column=index).number_format = "@"
            choices = None
            if spec is not None and spec.type == schema.CHOICE:
                choices = [t.label for t in spec.choices]
            elif spec is not None and spec.type == schema.BOOL:
                choices = ["是", "否"]
            if choices:
                validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                validation.errorStyle = "warning"
                validation.errorTitle = "不在可选值中"
                validation.error = "可选：" + "、".join(choices)
                validation.add(f"{letter}2:{letter}1000")
                sheet.add_data_validation(validation)
        sheet.freeze_panes = "B2"
        help_sheet = workbook.create_sheet(HELP_SHEET)
        intro = [
            f"{kind.label}导入模板：在“{kind.label}”工作表中每行填写一条{kind.label}记录，第一行的列名不要改动。",
            "导入命令：showcase import 本文件 --kind " + kind.folder + "（Windows：.venv\\Scripts\\showcase import …）。",
            "橙色列名为必填；把鼠标移到列名上可看到填写说明。不需要的列可以删除，“序号”列会被忽略。",
            "“编号”可不填：不填时由" + (cols[1].header if len(cols) > 1 else "标题") + "的拼音自动生成。编号就是网址，发布后不要再改。",
            "所有行都检查通过后才会写入文件；有问题时会按“第几行、哪一列”列出，改好后重新导入即可。",
            "详细说明见 guide/编辑指南.md。",
        ]
        for row, text in enumerate(intro, start=1):
            help_sheet.cell(row=row, column=1, value=text)
        top = len(intro) + 2
        for index, head in enumerate(("列名", "必填", "填写说明", "示例"), start=1):
            cell = help_sheet.cell(row=top, column=index, value=head)
            cell.font = Font(bold=True)
        for offset, column in enumerate(cols, start=1):
            help_sheet.cell(row=top + offset, column=1, value=column.header)
            help_sheet.cell(row=top + offset, column=2, value="必填" if column.required else "")
            help_sheet.cell(row=top + offset, column=3, value=column_note(column)[3:] or "—")
            help_sheet.cell(row=top + offset, column=4, value=_COLUMN_EXAMPLES.get(column.path, ""))
        help_sheet.column_dimensions["A"].width = 16
        help_sheet.column_dimensions["B"].width = 6
        help_sheet.column_dimensions["C"].width = 80
        help_sheet.column_dimensions["D"].width = 36
        xlsx = folder / f"{name}.xlsx"
        workbook.save(xlsx)
        written.append(xlsx)
        csv_path = folder / f"{name}.csv"
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel then reads UTF-8
            csv.writer(fh).writerow(template_headers(kind))
        written.append(csv_path)
    return written


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


__all__ = [
    "Column", "ImportFailure", "ImportResult", "columns", "import_file",
    "normalize_header", "read_sheet", "write_templates",
]
