"""Reading spreadsheets: .xlsx (openpyxl) and .csv in the encodings Excel and WPS write."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..model import Kind

HELP_SHEET = "说明"
MAX_ROWS = 5000


class ImportFailure(Exception):
    """The file cannot be read at all (wrong format, not found…): one Chinese message."""


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
