"""Numbers, quantities that may be withheld, true/false, and dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from ..core.text import normalize_digits
from ..core.values import PartialDate, Quantity
from .base import JSON, CellReading, Cleaning, Describing, Field, FieldType, Quoted, Verbatim
from .cms import pattern as form_pattern

_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")
_WITHHELD_RE = re.compile(r"^\*+$")
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "是", "否", "真", "假", "对", "错"}
_TRUE_CELLS = {"true", "是", "1", "y", "yes", "发布", "√"}
_FALSE_CELLS = {"false", "否", "0", "n", "no", "不发布", "×"}
WITHHELD = "**"
# What the form editor accepts (JavaScript syntax): the canonical spellings of what the loader reads.
QUANTITY_FORM_PATTERN = r"^(?:\d+(?:\.\d+)?|\*+)$"
DATE_FORM_PATTERN = r"^(?:19\d\d|20\d\d|2100)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"


def _number_text(text: str) -> str:
    return normalize_digits(text.strip()).replace(",", "").replace(" ", "")


@dataclass(frozen=True)
class Int(FieldType):
    """A whole number ≥ 0."""

    example_value: str = "10"
    what: str = "整数"

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        raw = _number_text(text)
        number = self.parse(raw)
        if number is None:
            return at.problem(line, path, f"“{text}”不是{self.what}，请只写阿拉伯数字，单位写在 unit 字段中{self.hint()}")
        return self.wrap(number)

    def parse(self, raw: str) -> int | float | None:
        if not _NUMBER_RE.match(raw) or "." in raw:
            return None
        return int(raw)

    def hint(self) -> str:
        return ""

    def wrap(self, number: float) -> Any:
        return number

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "integer", "minimum": 0}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "整数"

    def example(self, f: Field, env: Describing) -> Any:
        return self.example_value

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {"widget": "number", "value_type": "int", "min": 0, "step": 1}

    def to_yaml(self, f: Field, value: Any) -> Any:
        text = str(value)
        return Verbatim(text) if _NUMBER_RE.match(text) else Quoted(text)

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        raw = _number_text(text)
        return raw if re.fullmatch(r"\d+(\.\d+)?|\*+", raw) else text


@dataclass(frozen=True)
class Number(Int):
    """A number ≥ 0, may have decimals."""

    what: str = "数字"

    def parse(self, raw: str) -> int | float | None:
        if not _NUMBER_RE.match(raw):
            return None
        return float(raw) if "." in raw else int(raw)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "number", "minimum": 0}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "数字"

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {"widget": "number", "value_type": "float", "min": 0, "step": 0.01}


@dataclass(frozen=True)
class QuantityType(Number):
    """A number, or "**" when the report withholds it."""

    cell_as_text = True

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        if _WITHHELD_RE.match(_number_text(text)):
            return Quantity(None, withheld=True)
        return super().clean_text(f, text, line, path, at)

    def hint(self) -> str:
        return "；未公开的数字写 \"**\"（要加引号）"

    def wrap(self, number: float) -> Any:
        return Quantity(number)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^(\*+|[0-9０-９,.]+)$"}]}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return '数字；未公开的写 `"**"`（带引号）'

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # One text box: a number, or ** for a number the report withholds (the form needs no quotes).
        return {
            "widget": "string",
            "use_emoji_autocomplete": False,
            **form_pattern(QUANTITY_FORM_PATTERN, "只写阿拉伯数字（单位写在“单位”里）；报告中隐去的数字写 **"),
        }


@dataclass(frozen=True)
class Bool(FieldType):
    """true / false (never yes/no, which YAML readers disagree on)."""

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        lowered = text.strip().lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        hint = "（YAML 对 yes/no/on/off 的理解因软件而异）" if lowered in _BOOL_WORDS else ""
        return at.problem(line, path, f"“{f.label}”只能写 true 或 false，这里写成了“{text}”{hint}")

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "boolean"}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "`true` 或 `false`"

    def cell_choices(self, f: Field, env: Describing) -> tuple[str, ...]:
        return ("是", "否")

    def cell_hint(self, f: Field, env: Describing) -> str:
        return "写“是”或“否”，不填为默认值。"

    def example(self, f: Field, env: Describing) -> Any:
        return f.default if isinstance(f.default, bool) else False

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # A switch always has a value: never "required"; its default is the field's.
        return {"widget": "boolean", "required": False, "default": f.default is True}

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        lowered = text.strip().lower()
        return True if lowered in _TRUE_CELLS else False if lowered in _FALSE_CELLS else text


# -- dates ---------------------------------------------------------------------------------

_DATE_RES = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月$"),
    re.compile(r"^(\d{4})年?$"),
)
_DATE_PATTERN = r"^\s*[0-9０-９]{4}([-/.－年][0-9０-９]{1,2}月?([-/.－][0-9０-９]{1,2}日?|[0-9０-９]{1,2}日)?)?年?\s*$"


def parse_date(text: str) -> PartialDate | str:
    """Return a PartialDate, or a Chinese reason the text is not a date."""
    normalized = normalize_digits(text.strip()).replace(" ", "")
    for pattern in _DATE_RES:
        match = pattern.match(normalized)
        if not match:
            continue
        parts = [int(g) for g in match.groups()]
        year, month, day = (parts + [0, 0])[:3]
        if not 1900 <= year <= 2100:
            return "年份不在 1900—2100 之间"
        if len(parts) >= 2 and not 1 <= month <= 12:
            return f"没有 {month} 月"
        if len(parts) == 3 and not 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year} 年 {month} 月没有 {day} 日"
        return PartialDate(year, month, day)
    return "格式无法识别"


@dataclass(frozen=True)
class Date(FieldType):
    """2022-05-01, 2022-05 or 2022 (also 2022年5月1日)."""

    cell_as_text = True

    example_value: str = "2022-05-01"

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        parsed = parse_date(text)
        if isinstance(parsed, str):
            return at.problem(
                line, path, f"“{text}”不是有效日期（{parsed}），请写成 2022-05-01 的形式；只知道月份或年份时写 2022-05 或 2022"
            )
        return parsed

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"anyOf": [{"type": "string", "pattern": _DATE_PATTERN}, {"type": "integer", "minimum": 1900, "maximum": 2100}]}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return '日期：`"2022-05-01"`、`"2022-05"` 或 `"2022"`'

    def example(self, f: Field, env: Describing) -> Any:
        return self.example_value

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # A text box, not a date picker: the pickers cannot hold a month or a year alone.
        return {
            "widget": "string",
            "use_emoji_autocomplete": False,
            **form_pattern(DATE_FORM_PATTERN, "请写成 2022-05-01 的形式；只知道月份写 2022-05，只知道年份写 2022"),
        }

    def to_yaml(self, f: Field, value: Any) -> Any:
        return Quoted(str(value))

    def cell_hint(self, f: Field, env: Describing) -> str:
        return "" if "2022" in f.help else "写成 2022-05-01；只知道月份写 2022-05，只知道年份写 2022。"

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        parsed = parse_date(text)
        return text if isinstance(parsed, str) else parsed.iso
