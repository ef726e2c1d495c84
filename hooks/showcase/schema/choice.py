"""A choice from one of the project's vocabularies (categories, levels, recipient types…)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from ..core.nodes import Node, Scalar, Sequence
from ..core.text import normalize_digits
from ..core.vocab import Vocabulary
from .base import JSON, Cleaning, Describing, Field, FieldType, Invalid


@dataclass(frozen=True)
class Choice(FieldType):
    """One term of a named vocabulary, written as its Chinese label (or its slug)."""

    vocabulary: str  # name in :class:`showcase.core.vocab.Vocabularies`
    as_label: bool = False  # the value is the label text instead of the term
    example_label: str | None = None

    def terms(self, vocabularies: Any) -> Vocabulary:
        vocabulary: Vocabulary = vocabularies[self.vocabulary]
        return vocabulary

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        vocabulary = self.terms(at.vocabularies)
        key = text.strip()
        term = vocabulary.get(key) or vocabulary.get(normalize_digits(key))
        if term is None:
            labels = list(vocabulary.labels)
            close = difflib.get_close_matches(key, labels, n=1, cutoff=0.3)
            guess = f"是否想写“{close[0]}”？" if close else ""
            return at.problem(line, path, f"“{key}”不是可选的{f.label}。{guess}可选：{'、'.join(labels)}")
        return term.label if self.as_label else term

    def json_schema(self, f: Field, env: Describing) -> JSON:
        terms = self.terms(env.vocabularies).terms
        return {"enum": [t.label for t in terms] + [t.slug for t in terms if t.slug != t.label]}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "选一个：" + "、".join(self.choices(f, env))

    def choices(self, f: Field, env: Describing) -> tuple[str, ...]:
        return self.terms(env.vocabularies).labels

    def cell_hint(self, f: Field, env: Describing) -> str:
        return "可选：" + "、".join(self.choices(f, env)) + "。"

    def example(self, f: Field, env: Describing) -> Any:
        labels = self.choices(f, env)
        if self.example_label in labels:
            return self.example_label
        return labels[0] if labels else ""

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # The Chinese label is written, as editors write it by hand; a file holding a term's
        # slug keeps it until someone picks another term.
        options = [{"label": term.label, "value": term.label} for term in self.terms(env.vocabularies).terms]
        return {"widget": "select", "options": options}

@dataclass(frozen=True)
class ChoiceList(Choice):
    """Several terms of a vocabulary, written as a list ``[甲, 乙]``."""

    list_like = True

    def empty(self) -> Any:
        return ()

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if isinstance(node, Scalar):
            items: list[tuple[str, int]] = [(node.text, node.line)]
        elif isinstance(node, Sequence) and all(isinstance(item, Scalar) for item in node.items):
            items = [(item.text, item.line) for item in node.items if isinstance(item, Scalar) and not item.null]
        else:
            return self.wrong_shape(f, node, path, at, "列表，例如 [甲, 乙]")
        out = []
        for index, (text, line) in enumerate(items, start=1):
            term = self.clean_text(f, text, line, f"{path}[{index}]", at)
            if isinstance(term, Invalid):
                return term
            out.append(term)
        return tuple(out)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "array", "items": super().json_schema(f, env), "uniqueItems": True}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "列表，从这些中选：" + "、".join(self.choices(f, env))

    def example(self, f: Field, env: Describing) -> Any:
        return [super().example(f, env)]

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        return {**super().cms_widget(f, env), "multiple": True}
