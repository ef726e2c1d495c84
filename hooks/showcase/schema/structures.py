"""Nested structures: an object of sub-fields, a list of such objects, private notes.

A structure is a frozen dataclass declared with :func:`showcase.schema.base.spec`, like a
record; cleaning a mapping gives an instance of it.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core.nodes import Mapping, Node, Scalar, Sequence
from .base import INVALID, JSON, Cleaning, Describing, Field, FieldType, Invalid, Resolver, fields_of
from .cms import cms_fields

MAX_LIST = 200


def unknown_field_message(key: str, fields: tuple[Field, ...]) -> str:
    names = [f.name for f in fields]
    by_chinese = {f.label: f.name for f in fields}
    guess = by_chinese.get(key) or next(iter(difflib.get_close_matches(key.lower(), names, n=1, cutoff=0.6)), None)
    if guess:
        label = next(f.label for f in fields if f.name == guess)
        return f"未知字段“{key}”，是否想写“{guess}”（{label}）？"
    return f"未知字段“{key}”。可用的字段有：{'、'.join(names)}"


def clean_mapping(fields: tuple[Field, ...], node: Mapping, prefix: str, at: Cleaning) -> dict[str, Any] | None:
    """Clean every known field; report unknown, missing and invalid ones. None if any problem."""
    known = {f.name: f for f in fields}
    result: dict[str, Any] = {}
    empty: set[str] = set()
    ok = True
    for key, key_line, item in node.items:
        path = f"{prefix}{key}"
        at.lines[path] = key_line
        f = known.get(key)
        if f is None:
            at.problem(key_line, path, unknown_field_message(key, fields))
            ok = False
        elif isinstance(item, Scalar) and item.null:
            empty.add(key)  # an empty field counts as absent
        else:
            cleaned = f.type.clean(f, item, path, at)
            if isinstance(cleaned, Invalid):
                ok = False
            else:
                result[key] = cleaned
    for f in fields:
        path = f"{prefix}{f.name}"
        if not f.required or f.name in result:
            continue
        if f.name in empty:
            at.problem(at.lines[path], path, f"必填字段“{f.name}”（{f.label}）不能为空")
            ok = False
        elif path not in at.lines:
            hint = f"：{f.help}" if f.help else ""
            at.problem(node.line, path, f"缺少必填字段“{f.name}”（{f.label}）{hint}")
            ok = False
    return result if ok else None


def resolve_fields(instance: Any, prefix: str, resolver: Resolver) -> Any:
    """``instance`` (a dataclass declared with spec) with every reference in it resolved."""
    changes = {}
    for f in fields_of(type(instance)):
        value = getattr(instance, f.name)
        if value is None:
            continue
        resolved = f.type.resolve(f, value, f"{prefix}{f.name}", resolver)
        if resolved is not value and resolved != value:
            changes[f.name] = resolved
    return dataclasses.replace(instance, **changes) if changes else instance


@dataclass(frozen=True)
class Object(FieldType):
    """Several indented sub-fields, cleaned into an instance of ``structure``."""

    structure: type
    default_factory: Callable[[], Any] | None = None

    @property
    def fields(self) -> tuple[Field, ...]:
        return fields_of(self.structure)

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if not isinstance(node, Mapping):
            return self.wrong_shape(f, node, path, at, "几个缩进的子字段")
        values = clean_mapping(self.fields, node, f"{path}.", at)
        if values is None:
            return INVALID
        return self.make(f, values, node, path, at)

    def make(self, f: Field, values: dict[str, Any], node: Mapping, path: str, at: Cleaning) -> Any:
        return self.structure(**values)

    def empty(self) -> Any:
        return None

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        return resolve_fields(value, f"{path}.", resolver)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return object_schema(self.fields, env)

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "几个缩进的子字段（见下面几行）"

    def example(self, f: Field, env: Describing) -> Any:
        return {sub.name: sub.type.example(sub, env) for sub in self.fields}

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {"widget": "object", "collapsed": False, "fields": self.cms_subfields(env)}

    def cms_subfields(self, env: Describing) -> list[JSON]:
        return cms_fields(self.fields, env)


def object_schema(fields: tuple[Field, ...], env: Describing) -> JSON:
    from .jsonschema import field_schema  # the one place that adds titles and descriptions

    return {
        "type": "object",
        "properties": {f.name: field_schema(f, env) for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


@dataclass(frozen=True)
class ObjectList(Object):
    """A list of structures, each item starting with ``- ``."""

    list_like = True
    item_type: FieldType | None = None  # how each item is cleaned (default: as an Object)

    def item(self) -> FieldType:
        return self.item_type or Object(self.structure)

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if not isinstance(node, Sequence):
            return self.wrong_shape(f, node, path, at, "列表，每项以“- ”开头")
        if len(node.items) > MAX_LIST:
            return at.problem(node.line, path, f"列表过长（{len(node.items)} 项），最多 {MAX_LIST} 项")
        item_type = self.item()
        out = [item_type.clean(f, element, f"{path}[{index + 1}]", at) for index, element in enumerate(node.items)]
        if any(isinstance(c, Invalid) or c is None for c in out):
            return INVALID
        return tuple(out)

    def empty(self) -> Any:
        return ()

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        return tuple(resolve_fields(item, f"{path}[{n}].", resolver) for n, item in enumerate(value, start=1))

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "array", "items": object_schema(self.fields, env)}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "列表：每项以 `- ` 开头，写下面的子字段"

    def example(self, f: Field, env: Describing) -> Any:
        return [{sub.name: sub.type.example(sub, env) for sub in self.fields}]

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        names = [sub.name for sub in self.fields]
        first = next((name for name in ("title", "name", "label") if name in names), names[0])  # what a row shows
        item = self.item()
        return {
            "widget": "list",
            "fields": item.cms_subfields(env) if isinstance(item, Object) else self.cms_subfields(env),
            "summary": "{{fields." + first + "}}",
            "collapsed": "auto",
            "max": MAX_LIST,
        }


@dataclass(frozen=True)
class Private(FieldType):
    """Any mapping of notes; never leaves the loader."""

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if not isinstance(node, Mapping):
            return at.problem(node.line, path, "private 应写成若干“名称: 内容”的字段")
        return None  # dropped here: private values never leave the loader

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "object"}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "任意“名称: 内容”，只供内部使用"

    def example(self, f: Field, env: Describing) -> Any:
        return {"note": "内部备注，不会出现在网站上"}

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {"widget": "keyvalue", "required": False, "key_label": "名称", "value_label": "内容"}

    def from_cell(self, f: Field, text: str, env: Any) -> Any:
        return {"note": text}
