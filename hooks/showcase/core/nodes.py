"""The parsed form of a YAML file: every value with its line, scalars with their raw text.

The reader (:mod:`showcase.load.yamlfile`) produces these; the field types
(:mod:`showcase.schema`) turn them into clean values. Keeping the raw text lets the schema,
not YAML 1.1, decide whether ``no`` is a word or a boolean and ``2022-05`` a date.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scalar:
    text: str
    line: int
    plain: bool  # unquoted in the file: YAML would have guessed its type
    null: bool = False


@dataclass(frozen=True, slots=True)
class Mapping:
    items: tuple[tuple[str, int, Node], ...]  # key, key line, value
    line: int

    def get(self, key: str) -> Node | None:
        for k, _, v in self.items:
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    line: int


Node = Scalar | Mapping | Sequence


def describe(node: Node) -> str:
    """What an editor wrote, in Chinese: for “应写成…，这里写成了…” messages."""
    if isinstance(node, Mapping):
        return "一组字段（映射）"
    if isinstance(node, Sequence):
        return "列表"
    return "文字"
