"""Turn located YAML values into clean Python values, field by field, collecting problems.

Cross-record checks (references, duplicates) live in :mod:`showcase.loader`; this module
only knows one file at a time.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import schema
from .images import check_image
from .problems import Problems
from .records import Image, PartialDate, Quantity
from .schema import Field
from .vocab import by_label
from .yamlsource import Mapping, Scalar, Sequence, Value

ID_RE = re.compile(schema.ID_PATTERN)
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
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")
_WITHHELD_RE = re.compile(r"^\*+$")
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "是", "否", "真", "假", "对", "错"}
_TAG_SPLIT = re.compile(r"[,，、;；]")
_MAX_TAGS = 30
_MAX_LIST = 200
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_URL_BAD_CHARS = re.compile(r"[\s\\<>\"'`\x00-\x1f\x7f]")


def url_problem(url: str) -> str | None:
    """None for an allowed link; otherwise why it is refused (Chinese)."""
    scheme = _SCHEME.match(url)
    if _URL_BAD_CHARS.search(url):
        return "链接中不能有空格、引号、尖括号或反斜杠"
    if scheme:
        if scheme.group(1).lower() not in _URL_SCHEMES:
            return f"不允许“{scheme.group(1)}:”开头的链接"
        if scheme.group(1).lower() in ("http", "https") and not re.match(r"^https?://[^/?#]+", url, re.IGNORECASE):
            return "网址不完整，应写成 https://example.org/ 的形式"
        return None
    if url.startswith("//"):
        return "请写出完整网址，以 https:// 开头"
    if ".." in url.split("?")[0].split("/"):
        return "站内链接不能含有“..”"
    return None


@dataclass
class Context:
    """What the validator needs to know about the project while checking one file."""

    root: Path  # project root
    data_dir: Path  # root / "data"
    rel: str  # the file being checked, for messages
    problems: Problems


def count_chars(text: str) -> int:
    """字数 as the national rules count it: every character except spaces and line breaks.

    A Chinese character counts 1 (not its 3 bytes in UTF-8), and so does each letter,
    digit and punctuation mark, so a text within the limit here is within it under any
    stricter count too.
    """
    return sum(1 for ch in text if not ch.isspace())


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation (２０２２－０５) become ASCII; Chinese stays."""
    return "".join(unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)


def _kind_name(value: Value) -> str:
    if isinstance(value, Mapping):
        return "一组字段（映射）"
    if isinstance(value, Sequence):
        return "列表"
    return "文字"


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


class _Cleaner:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def problem(self, line: int, field: str, message: str) -> None:
        self.ctx.problems.add(self.ctx.rel, line, field, message)

    # -- mappings -----------------------------------------------------------------
    def mapping(
        self, fields: tuple[Field, ...], value: Mapping, prefix: str, lines: dict[str, int]
    ) -> dict[str, object] | None:
        """Clean every known field; report unknown, missing and invalid ones."""
        known = {f.name: f for f in fields}
        result: dict[str, object] = {}
        empty: set[str] = set()
        ok = True
        for key, key_line, item in value.items:
            path = f"{prefix}{key}"
            lines[path] = key_line
            spec = known.get(key)
            if spec is None:
                self.problem(key_line, path, self.unknown_field_message(key, fields))
                ok = False
            elif isinstance(item, Scalar) and item.null:
                empty.add(key)  # an empty field counts as absent
            else:
                cleaned = self.value(spec, item, path, lines)
                if cleaned is _INVALID:
                    ok = False
                else:
                    result[key] = cleaned
        for spec in fields:
            path = f"{prefix}{spec.name}"
            if not spec.required or spec.name in result:
                continue
            if spec.name in empty:
                self.problem(lines[path], path, f"必填字段“{spec.name}”（{spec.label}）不能为空")
                ok = False
            elif path not in lines:
                hint = f"：{spec.help}" if spec.help else ""
                self.problem(value.line, path, f"缺少必填字段“{spec.name}”（{spec.label}）{hint}")
                ok = False
        return result if ok else None

    def unknown_field_message(self, key: str, fields: tuple[Field, ...]) -> str:
        names = [f.name for f in fields]
        by_chinese = {f.label: f.name for f in fields}
        guess = by_chinese.get(key) or next(iter(difflib.get_close_matches(key.lower(), names, n=1, cutoff=0.6)), None)
        if guess:
            label = next(f.label for f in fields if f.name == guess)
            return f"未知字段“{key}”，是否想写“{guess}”（{label}）？"
        listing = "、".join(names)
        return f"未知字段“{key}”。可用的字段有：{listing}"

    # -- single values ------------------------------------------------------------
    def value(self, spec: Field, item: Value, path: str, lines: dict[str, int]) -> object:
        t = spec.type
        if t == schema.PRIVATE:
            if not isinstance(item, Mapping):
                self.problem(item.line, path, "private 应写成若干“名称: 内容”的字段")
                return _INVALID
            return None  # dropped here: private values never leave the loader
        if t == schema.OBJECT:
            if not isinstance(item, Mapping):
                return self.wrong_type(spec, item, path, "几个缩进的子字段")
            result = self.mapping(spec.fields, item, f"{path}.", lines)
            return _INVALID if result is None else result
        if t == schema.IMAGE:
            return self.image(spec, item, path, lines)
        if t in (schema.LIST, schema.IMAGE_LIST):
            if not isinstance(item, Sequence):
                return self.wrong_type(spec, item, path, "列表，每项以“- ”开头")
            if len(item.items) > _MAX_LIST:
                self.problem(item.line, path, f"列表过长（{len(item.items)} 项），最多 {_MAX_LIST} 项")
                return _INVALID
            out = []
            for index, element in enumerate(item.items):
                sub = f"{path}[{index + 1}]"
                if t == schema.IMAGE_LIST:
                    cleaned = self.image(spec, element, sub, lines)
                elif isinstance(element, Mapping):
                    cleaned = self.mapping(spec.fields, element, f"{sub}.", lines)
                else:
                    cleaned = self.wrong_type(spec, element, sub, "几个缩进的子字段")
                out.append(cleaned)
            if any(c is _INVALID or c is None for c in out):
                return _INVALID
            return tuple(out)
        if t in (schema.TAGS, schema.REF_LIST):
            return self.word_list(spec, item, path, lines)
        if not isinstance(item, Scalar):
            return self.wrong_type(spec, item, path, "一项文字")
        return self.scalar(spec, item, path)

    def wrong_type(self, spec: Field, item: Value, path: str, expected: str) -> object:
        self.problem(item.line, path, f"“{spec.label}”应写成{expected}，这里写成了{_kind_name(item)}")
        return _INVALID

    def scalar(self, spec: Field, item: Scalar, path: str) -> object:
        t = spec.type
        text = item.text
        line = item.line
        if t in (schema.TEXT, schema.LONGTEXT, schema.MARKDOWN, schema.URL):
            if t == schema.TEXT:
                text = " ".join(text.split())
            else:
                text = text.strip()
            if spec.max_length and len(text) > spec.max_length:
                self.problem(line, path, f"“{spec.label}”过长（{len(text)} 字），最多 {spec.max_length} 字，请精简")
                return _INVALID
            if spec.max_chars and (counted := count_chars(text)) > spec.max_chars:
                self.problem(
                    line, path,
                    f"“{spec.label}”过长（{counted} 字），最多 {spec.max_chars} 字（汉字、字母、数字和标点各算 1 字，"
                    "空格和换行不计），请精简",
                )
                return _INVALID
            if t == schema.URL and (reason := url_problem(text)):
                self.problem(line, path, f"{reason}。链接只能以 http://、https://、mailto:、tel: 开头，或是站内路径（例如 events/2022-xinhuo-peixun/）")
                return _INVALID
            return text or None
        if t == schema.DATE:
            parsed = parse_date(text)
            if isinstance(parsed, str):
                self.problem(
                    line, path, f"“{text}”不是有效日期（{parsed}），请写成 2022-05-01 的形式；只知道月份或年份时写 2022-05 或 2022"
                )
                return _INVALID
            return parsed
        if t in (schema.INT, schema.NUMBER, schema.QUANTITY):
            raw = normalize_digits(text.strip()).replace(",", "").replace(" ", "")
            if t == schema.QUANTITY and _WITHHELD_RE.match(raw):
                return Quantity(None, withheld=True)
            if not _NUMBER_RE.match(raw) or (t == schema.INT and "." in raw):
                what = "整数" if t == schema.INT else "数字"
                extra = "；未公开的数字写 \"**\"（要加引号）" if t == schema.QUANTITY else ""
                self.problem(line, path, f"“{text}”不是{what}，请只写阿拉伯数字，单位写在 unit 字段中{extra}")
                return _INVALID
            number: int | float = float(raw) if "." in raw else int(raw)
            return Quantity(number) if t == schema.QUANTITY else number
        if t == schema.BOOL:
            lowered = text.strip().lower()
            if lowered in ("true", "false"):
                return lowered == "true"
            hint = "（YAML 对 yes/no/on/off 的理解因软件而异）" if lowered in _BOOL_WORDS else ""
            self.problem(line, path, f"“{spec.label}”只能写 true 或 false，这里写成了“{text}”{hint}")
            return _INVALID
        if t == schema.CHOICE:
            table = by_label(spec.choices)
            key = text.strip()
            term = table.get(key) or table.get(normalize_digits(key))
            if term is None:
                labels = [c.label for c in spec.choices]
                close = difflib.get_close_matches(key, labels, n=1, cutoff=0.3)
                guess = f"是否想写“{close[0]}”？" if close else ""
                self.problem(line, path, f"“{key}”不是可选的{spec.label}。{guess}可选：{'、'.join(labels)}")
                return _INVALID
            return term
        if t == schema.REF:
            return self.ref_id(spec, text, line, path)
        if t == schema.SOURCE:
            folder, _, ref_id = text.strip().partition("/")
            ref_id = ref_id.strip("/")
            if folder not in schema.KINDS_BY_FOLDER or not ID_RE.match(ref_id):
                self.problem(line, path, f"“{text}”不是有效的来源，请写成 events/记录编号、honors/记录编号 或 entrepreneurs/记录编号")
                return _INVALID
            return f"{folder}/{ref_id}"
        raise AssertionError(f"unhandled field type {t}")  # pragma: no cover

    def ref_id(self, spec: Field, text: str, line: int, path: str) -> object:
        ref = text.strip()
        if not ID_RE.match(ref):
            self.problem(line, path, f"“{ref}”不是有效的编号：编号只能由小写字母、数字和连字符组成（即对应文件名，不含 .yml）")
            return _INVALID
        return ref

    def word_list(self, spec: Field, item: Value, path: str, lines: dict[str, int]) -> object:
        if isinstance(item, Scalar):
            words = [w.strip() for w in _TAG_SPLIT.split(item.text)]
            elements = [(w, item.line) for w in words if w]
        elif isinstance(item, Sequence):
            elements = []
            for element in item.items:
                if not isinstance(element, Scalar):
                    self.problem(element.line, path, f"“{spec.label}”的每一项应是一个词，不能再嵌套")
                    return _INVALID
                if not element.null:
                    elements.append((" ".join(element.text.split()), element.line))
        else:
            return self.wrong_type(spec, item, path, "列表，例如 [甲, 乙]")
        limit = _MAX_TAGS if spec.type == schema.TAGS else _MAX_LIST
        if len(elements) > limit:
            self.problem(item.line, path, f"“{spec.label}”过多（{len(elements)} 个），最多 {limit} 个")
            return _INVALID
        out: list[str] = []
        ok = True
        for word, line in elements:
            if spec.type == schema.TAGS:
                if spec.max_length and len(word) > spec.max_length:
                    self.problem(line, path, f"标签“{word[:20]}…”过长，每个标签最多 {spec.max_length} 字")
                    ok = False
                    continue
            else:
                if self.ref_id(spec, word, line, path) is _INVALID:
                    ok = False
                    continue
            if word not in out:
                out.append(word)
                lines[f"{path}[{len(out)}]"] = line  # so a bad reference points at its own line
        return tuple(out) if ok else _INVALID

    def image(self, spec: Field, item: Value, path: str, lines: dict[str, int]) -> object:
        if isinstance(item, Scalar):
            self.problem(
                item.line,
                path,
                f"图片要写成两个子字段：src: {item.text.strip()} 和 alt: 图片内容的文字说明（供读屏软件使用）",
            )
            return _INVALID
        if not isinstance(item, Mapping):
            return self.wrong_type(spec, item, path, "src 和 alt 两个子字段")
        fields = spec.fields
        cleaned = self.mapping(fields, item, f"{path}.", lines)
        if cleaned is None:
            return _INVALID
        src = str(cleaned["src"])
        src_line = lines.get(f"{path}.src", item.line)
        resolved = self.image_path(src, src_line, f"{path}.src")
        if resolved is None:
            return _INVALID
        return Image(resolved, str(cleaned["alt"]), cleaned.get("caption"))

    def image_path(self, src: str, line: int, path: str) -> str | None:
        """Check that an image path stays inside data/ and names an existing image file."""
        src = src.replace("\\", "/").strip()
        if src.startswith("/") or re.match(r"^[A-Za-z]:", src) or "://" in src:
            self.problem(line, path, f"图片路径“{src}”必须是相对于 data/ 的路径，例如 photos/zhang-san.jpg")
            return None
        parts = [p for p in src.split("/") if p not in ("", ".")]
        if ".." in parts:
            self.problem(line, path, f"图片路径“{src}”不能含有“..”，图片必须放在 data/ 文件夹内")
            return None
        clean = "/".join(parts)
        if not clean.lower().endswith(schema.IMAGE_SUFFIXES):
            self.problem(line, path, f"“{src}”不是支持的图片格式，请使用 {'、'.join(schema.IMAGE_SUFFIXES)}")
            return None
        target = self.ctx.data_dir / clean
        try:
            real = target.resolve(strict=True)
        except (OSError, RuntimeError):
            self.problem(line, path, f"找不到图片文件 data/{clean}，请检查文件名（包括大小写和扩展名）")
            return None
        data_real = self.ctx.data_dir.resolve()
        if real.is_relative_to(data_real) and not real.is_file():
            self.problem(line, path, f"data/{clean} 不是图片文件（可能是文件夹），请写出图片的完整文件名")
            return None
        if not real.is_relative_to(data_real):
            self.problem(line, path, f"图片 data/{clean} 指向 data/ 文件夹以外的位置（例如快捷方式或符号链接），请把图片本身复制进来")
            return None
        reason = check_image(real)
        if reason:
            self.problem(line, path, f"data/{clean}：{reason}。请用看图软件打开确认，或重新导出为 JPG")
            return None
        return clean


class _Invalid:
    def __repr__(self) -> str:  # pragma: no cover
        return "<invalid>"


_INVALID = _Invalid()


def clean_fields(
    fields: tuple[Field, ...], value: Value | None, ctx: Context, lines: dict[str, int]
) -> dict[str, object] | None:
    """Validate a whole file's top-level mapping against ``fields``; None if it has problems."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        ctx.problems.add(ctx.rel, value.line, "", "文件内容应是若干“字段名: 值”，请参照同类文件的写法")
        return None
    return _Cleaner(ctx).mapping(fields, value, "", lines)
