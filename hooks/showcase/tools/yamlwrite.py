"""Record files written by the tools: clean YAML through ruamel.yaml, fields in schema order.

Each field type says how its value is written (:meth:`FieldType.to_yaml`): dates and
``"**"`` in double quotes, multi-line text as a literal block, numbers as typed. Any other
text is left plain only when every YAML reader (YAML 1.1 included, which reads ``yes`` as a
boolean) reads it back as the same text; otherwise it is double-quoted.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..schema import Block, Field, Quoted, Verbatim, field_named

_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`~ \t")
_ESCAPE_ALWAYS = {"\x85", "\u2028", "\u2029", "\ufeff"}  # YAML line breaks / BOM: never raw
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1's idea of what a plain scalar means


def _printable(ch: str) -> bool:
    return ch not in _ESCAPE_ALWAYS and bool(_PRINTABLE.match(ch))


def plain_ok(text: str, flow: bool = False) -> bool:
    """True when ``text`` can be written unquoted and every YAML reader reads it back as this text."""
    if not text or text != text.strip() or text[0] in _PLAIN_BAD_START:
        return False
    if not all(_printable(ch) for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in text for ch in ",[]{}:#?&*!|>'\"%@`"):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == "tag:yaml.org,2002:str"


def block_ok(text: str) -> bool:
    """Multi-line text that reads back the same from a literal block."""
    return "\n" in text and all(ch in "\n\t" or _printable(ch) for ch in text) and text == text.strip()


def _scalar(value: Any, flow: bool) -> Any:
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Verbatim):
        return float(value) if "." in value else int(value)
    if isinstance(value, Block):
        if block_ok(value):
            return LiteralScalarString(str(value) + "\n")  # `|`: the clip style editors see in the examples
        value = str(value)
    text = str(value)
    if isinstance(value, Quoted) or not plain_ok(text, flow):
        return DoubleQuotedScalarString(text)
    return text


def node(f: Field | None, value: Any, flow: bool = False) -> Any:
    """``value`` (text, number, bool, list or dict) as ruamel.yaml should write it."""
    fields = f.fields if f is not None else ()
    if isinstance(value, dict):
        return mapping(fields, value)
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], dict):
            seq = CommentedSeq(mapping(fields, item) for item in value)
            seq.fa.set_block_style()
            return seq
        seq = CommentedSeq(node(None, item if f is None else f.type.to_yaml(f, item), flow=True) for item in value)
        seq.fa.set_flow_style()
        return seq
    if f is not None:
        value = f.type.to_yaml(f, value)
    return _scalar(value, flow)


def mapping(fields: tuple[Field, ...], values: dict[str, Any]) -> CommentedMap:
    """A mapping with its keys in schema order (unknown keys last, as given)."""
    names = [f.name for f in fields]
    order = [n for n in names if n in values] + [k for k in values if k not in names]
    out = CommentedMap()
    for key in order:
        out[key] = node(field_named(fields, key), values[key])
    return out


def _writer() -> YAML:
    writer = YAML()
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 100_000  # never fold long lines
    writer.allow_unicode = True
    return writer


def dump(data: Any) -> str:
    stream = io.StringIO()
    _writer().dump(data, stream)
    return stream.getvalue()


def dump_record(fields: tuple[Field, ...], values: dict[str, Any]) -> str:
    """Clean YAML for one record (no comments), fields in schema order."""
    if not values:
        return ""
    return dump(mapping(fields, values))


def field_lines(f: Field | None, key: str, value: Any, pad: str = "") -> list[str]:
    """The YAML lines of ``key: value``, indented by ``pad``."""
    text = dump(CommentedMap([(key, node(f, value))]))
    return [f"{pad}{line}" if line else "" for line in text.rstrip("\n").split("\n")]


def quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``text``."""
    return field_lines(None, "k", Quoted(text))[0][3:]


def scalar(text: str, *, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    return text if plain_ok(text, flow) else quoted(text)


def write_all(texts: dict[Path, str]) -> None:
    """Write several files all or nothing: every text goes to a temporary file first (where a
    full disk shows), and only when all are written do they replace their targets."""
    partials: dict[Path, Path] = {}
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.tmp")
            partials[path] = partial
            with open(partial, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except BaseException:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
        raise
    for path, partial in partials.items():
        os.replace(partial, path)


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 with LF line ends through a temporary file, so a crash leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
