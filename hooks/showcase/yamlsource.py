"""Read one YAML file into a tree of located values, with Chinese errors.

We compose PyYAML nodes ourselves instead of constructing Python objects, so that
- every value keeps its line number,
- scalars keep their raw text: the schema, not YAML 1.1, decides whether ``no`` is a
  word or a boolean and whether ``2022-05`` is a date,
- duplicate keys, aliases bombs, huge files and non-UTF-8 bytes become messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import yaml

from .problems import Problems

try:  # the C composer is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000


@dataclass(frozen=True, slots=True)
class Scalar:
    text: str
    line: int
    plain: bool  # unquoted in the file: YAML would have guessed its type
    null: bool = False


@dataclass(frozen=True, slots=True)
class Mapping:
    items: tuple[tuple[str, int, "Value"], ...]  # key, key line, value
    line: int

    def get(self, key: str) -> Value | None:
        for k, _, v in self.items:
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple["Value", ...]
    line: int


Value = Union[Scalar, Mapping, Sequence]

_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def decode(raw: bytes, rel: str, problems: Problems) -> str | None:
    """Decode file bytes as UTF-8 (a BOM is accepted); explain GBK and other encodings."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        try:
            raw.decode("gb18030")
            guess = "看起来是 GBK（ANSI）编码，常见于 Windows 记事本或 Excel 的默认保存方式"
        except UnicodeDecodeError:
            guess = "无法识别其编码"
        problems.add(
            rel,
            line,
            "",
            f"文件不是 UTF-8 编码（{guess}）。请用记事本或 VS Code 打开，"
            "选择“另存为”，编码选 UTF-8 后保存",
        )
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        problems.add(rel, _line_of(text, text.index("\x00")), "", "文件中含有空字符（\\0），它可能不是文本文件，请检查")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HINTS = (
    (re.compile(r"found undefined alias|expected alphabetic or numeric character, but found '\*'|found character '\*'"),
     "“*”在 YAML 中有特殊含义。报告中隐去的数字请写成带引号的 \"**\"；其他以 * 开头的文字也要加引号"),
    (re.compile(r"found character '\\t'"), "不能用 Tab 键缩进，请改用空格（每级两个空格）"),
    (re.compile(r"mapping values are not allowed here"),
     "这一行的冒号位置不对：字段名后的冒号要紧跟一个空格；如果内容本身含有“: ”，请给整段内容加引号；也请检查缩进"),
    (re.compile(r"could not find expected ':'"), "这一行缺少“字段名: 值”中的冒号，或者上一行的引号没有闭合"),
    (re.compile(r"found unexpected end of stream|found unexpected end"), "引号或括号没有闭合，请检查这一行及以上几行"),
    (re.compile(r"expected <block end>, but found"), "缩进不一致：同一层级的字段要左对齐，请检查这一行的空格数"),
    (re.compile(r"did not find expected key"), "缩进不一致或缺少冒号：同一层级的字段要左对齐"),
    (re.compile(r"did not find expected '-' indicator"), "列表项要以“- ”开头并与上一项对齐"),
    (re.compile(r"found unknown escape character"), "双引号中的反斜杠（\\）有特殊含义：请改用单引号，或写成两个反斜杠"),
    (re.compile(r"special characters are not allowed|unacceptable character"), "文件中含有不可见的控制字符，请删除后重新保存"),
    (re.compile(r"found a tab character"), "不能用 Tab 键，请改用空格"),
)


def _yaml_message(exc: yaml.YAMLError) -> tuple[int, str]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''} {exc}"
    for pattern, hint in _HINTS:
        if pattern.search(problem):
            return line, f"YAML 格式错误：{hint}"
    return line, "YAML 格式错误：请检查这一行的缩进、冒号和引号（可对照同类的其他文件）"


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_NODES


def _convert(node: yaml.Node, rel: str, problems: Problems, budget: _Budget, depth: int) -> Value | None:
    budget.left -= 1
    if budget.left < 0 or depth > 20:
        return None
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        plain = node.style is None or node.style == ""
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
                            "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp") \
                and node.tag != "!":
            problems.add(rel, line, "", f"不支持 YAML 标签“{node.tag}”，请删除它")
        null = plain and node.value in _NULL_WORDS
        return Scalar(node.value, line, plain, null)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for child in node.value:
            value = _convert(child, rel, problems, budget, depth + 1)
            if value is not None:
                items.append(value)
        return Sequence(tuple(items), line)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        items = []
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(rel, key_line, "", "字段名必须是简单的文字")
                continue
            key = key_node.value
            if key == "<<":
                problems.add(rel, key_line, "", "不支持 YAML 合并键“<<”，请把字段直接写出来")
                continue
            if key in seen:
                problems.add(rel, key_line, key, f"字段重复出现（第 {seen[key]} 行已写过），请删除其中一个")
                continue
            seen[key] = key_line
            value = _convert(value_node, rel, problems, budget, depth + 1)
            if value is not None:
                items.append((key, key_line, value))
        return Mapping(tuple(items), line)
    return None  # pragma: no cover - PyYAML has no other node kinds


def parse(text: str, rel: str, problems: Problems) -> Value | None:
    """Parse YAML text into located values; on error add a problem and return None."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        line, message = _yaml_message(exc)
        problems.add(rel, line, "", message)
        return None
    except (RecursionError, MemoryError):
        problems.add(rel, 1, "", "文件结构嵌套过深，无法读取")
        return None
    if len(nodes) > 1:
        second = nodes[1].start_mark.line + 1 if nodes[1] is not None else 1
        problems.add(rel, second, "", "一个文件只能写一条记录：请删除“---”分隔线及其后的内容，或拆成两个文件")
        return None
    if not nodes or nodes[0] is None:
        problems.add(rel, 1, "", "文件是空的，请参照同类文件填写内容")
        return None
    budget = _Budget()
    value = _convert(nodes[0], rel, problems, budget, 0)
    if budget.left < 0:
        problems.add(rel, 1, "", "文件内容过多或使用了大量 YAML 引用（& 和 *），请拆分或删除引用")
        return None
    return value


def read(path: Path, rel: str, problems: Problems) -> Value | None:
    """Read, decode and parse one file; every failure becomes a problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(
                rel,
                1,
                "",
                f"文件过大（{size / 1_000_000:.1f} MB），单个记录文件不能超过 1 MB。"
                "长篇文字请精简；大量记录请拆成多个文件",
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(rel, 1, "", f"无法读取文件（{exc.strerror or exc}）")
        return None
    text = decode(raw, rel, problems)
    if text is None:
        return None
    return parse(text, rel, problems)
