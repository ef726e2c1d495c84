"""Read one YAML file into a tree of located values (:mod:`showcase.core.nodes`), with Chinese errors.

We compose PyYAML nodes ourselves instead of constructing Python objects, so that
- every value keeps its line number,
- scalars keep their raw text: the schema, not YAML 1.1, decides whether ``no`` is a
  word or a boolean and whether ``2022-05`` is a date,
- duplicate keys, aliases bombs, huge files and non-UTF-8 bytes become messages.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..core.nodes import Mapping, Node, Scalar, Sequence
from ..core.problems import Problems

try:  # the C composer is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000

_NULL_WORDS = {"", "~", "null", "Null", "NULL"}
_INVISIBLE_BREAKS = str.maketrans({"\u2028": " ", "\u2029": " ", "\u0085": " "})


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
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        problems.add(rel, _line_of(text, text.index("\x00")), "", "文件中含有空字符（\\0），它可能不是文本文件，请检查")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Word and web pages paste U+2028/U+2029/U+0085, which YAML counts as line breaks but
    # editors do not show: make them spaces so line numbers match what the editor sees.
    if "\u2028" in text or "\u2029" in text or "\x85" in text:  # rare: translate() is slow
        text = text.translate(_INVISIBLE_BREAKS)
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_STAR_VALUE = re.compile(r"(?::|^\s*-)\s+[*&]")
_TWO_COLONS = re.compile(r":\s.*:\s|:\s.*:$")
_CONTEXTS_AT_START = ("while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow")


def _yaml_message(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """Line and Chinese message for a YAML error, pointing where the editor must look."""
    lines = text.split("\n")
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    problem_mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):  # carries a position (bytes or characters), no line
        bad = _CONTROL.search(text)
        line = _line_of(text, bad.start()) if bad else 1
        return line, "YAML 格式错误：文件中含有不可见的控制字符，请删除后重新保存"
    if context_mark is not None and context.startswith(_CONTEXTS_AT_START):
        mark = context_mark  # where the key, quote or bracket began
    else:
        mark = problem_mark or context_mark
    line = min(mark.line + 1, max(1, len(lines))) if mark is not None else 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if context.startswith(("while scanning an alias", "while scanning an anchor")) \
            or "undefined alias" in problem or _STAR_VALUE.search(source):
        hint = "“*”和“&”在 YAML 中有特殊含义。报告中隐去的数字请写成带引号的 \"**\"；其他以 * 开头的文字也要加引号"
    elif "\t" in source[: len(source) - len(source.lstrip())] or "found character '\\t'" in str(exc):
        hint = "不能用 Tab 键缩进，请改用空格（每级两个空格）"
    elif context.startswith("while scanning a quoted scalar"):
        hint = "这一行的引号没有闭合：开头的引号要有对应的结尾引号"
    elif context.startswith("while parsing a flow"):
        hint = "这一行的方括号或花括号没有闭合，例如 [甲, 乙] 要以 ] 结尾"
    elif "could not find expected ':'" in problem:
        hint = "这一行缺少“字段名: 值”中的冒号（冒号后要有空格），或者它的引号没有闭合"
    elif "mapping values are not allowed" in problem or _TWO_COLONS.search(source):
        hint = "这一行出现了多余的“: ”：如果内容本身含有冒号，请给整段内容加引号；也请检查缩进"
    elif "did not find expected key" in problem or "expected <block end>" in problem:
        hint = "缩进不一致：同一层级的字段要左对齐，请检查这一行的空格数"
    elif "did not find expected '-' indicator" in problem:
        hint = "列表项要以“- ”开头并与上一项对齐"
    elif "cannot start any token" in problem:
        column = problem_mark.column if problem_mark is not None else -1
        char = source[column] if 0 <= column < len(source) else ""
        hint = (f"YAML 中不能用“{char}”开头写一项内容：请给整项内容加引号，例如 \"{char}…\""
                if char.strip() else "这一行有不能直接写的字符：请给整项内容加引号")
    elif "unknown escape character" in problem:
        hint = "双引号中的反斜杠（\\）有特殊含义：请改用单引号，或写成两个反斜杠"
    elif "exceeded max depth" in problem or "depth" in problem:
        hint = "嵌套层级过深，请检查缩进"
    else:
        hint = "请检查这一行及上一行的缩进、冒号和引号（可对照同类的其他文件）"
    return line, f"YAML 格式错误：{hint}"


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_NODES


def _convert(node: yaml.Node, rel: str, problems: Problems, budget: _Budget, depth: int, path: str = "") -> Node | None:
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
        items: list[Node] = []
        for index, child in enumerate(node.value):
            value = _convert(child, rel, problems, budget, depth + 1, f"{path}[{index + 1}]")
            if value is not None:
                items.append(value)
        return Sequence(tuple(items), line)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        pairs: list[tuple[str, int, Node]] = []
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(rel, key_line, "", "字段名必须是简单的文字")
                continue
            key = key_node.value
            if key == "<<":
                problems.add(rel, key_line, "", "不支持 YAML 合并键“<<”，请把字段直接写出来")
                continue
            field = f"{path}.{key}" if path else key
            if key in seen:
                problems.add(rel, key_line, field, f"字段重复出现（第 {seen[key]} 行已写过），请删除其中一个")
                continue
            seen[key] = key_line
            value = _convert(value_node, rel, problems, budget, depth + 1, field)
            if value is not None:
                pairs.append((key, key_line, value))
        return Mapping(tuple(pairs), line)
    return None  # pragma: no cover - PyYAML has no other node kinds


def parse(text: str, rel: str, problems: Problems) -> Node | None:
    """Parse YAML text into located values; on error add a problem and return None."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        line, message = _yaml_message(exc, text)
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


def read(path: Path, rel: str, problems: Problems, cache: ParseCache | None = None) -> Node | None:
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
    return parse_cached(text, rel, problems, cache)


class ParseCache:
    """Parsed files kept between loads in one process (``mkdocs serve`` loads the data again
    on every save): a file whose text did not change is not parsed again. Values are
    immutable; only clean parses are kept. One-shot builds and checks use none, where keeping
    every parsed file alive only costs memory and garbage collection."""

    LIMIT = 100_000

    def __init__(self) -> None:
        self.parsed: dict[tuple[str, str], Node] = {}

    def get(self, rel: str, text: str) -> Node | None:
        return self.parsed.get((rel, text))

    def put(self, rel: str, text: str, value: Node) -> None:
        if len(self.parsed) >= self.LIMIT:
            self.parsed.clear()
        self.parsed[(rel, text)] = value


def parse_cached(text: str, rel: str, problems: Problems, cache: ParseCache | None) -> Node | None:
    if cache is None:
        return parse(text, rel, problems)
    found = cache.get(rel, text)
    if found is not None:
        return found
    before = len(problems)
    value = parse(text, rel, problems)
    if value is not None and len(problems) == before:
        cache.put(rel, text, value)
    return value
