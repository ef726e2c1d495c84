"""What every field type does, and how a record's fields are declared.

A record kind is a frozen dataclass whose attributes are declared with :func:`spec`::

    title: str = spec("标题", Text(max_length=100), required=True)

so one line gives the attribute, its Chinese label and help, and its :class:`FieldType`.
The field type owns everything that depends on the type: cleaning a value read from YAML,
its JSON Schema, the guide's "how to write it", an example value, how it is written back to
YAML and how a spreadsheet cell becomes a value. Adding a type is adding one class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from ..core.nodes import Node, Scalar, describe
from ..core.problems import Problems
from ..core.vocab import Vocabularies

JSON = dict[str, Any]


class Quoted(str):
    """Text the YAML writer puts in double quotes (dates, "**", words YAML would retype)."""

    __slots__ = ()


class Verbatim(str):
    """Text the YAML writer emits as it is (a number exactly as the editor typed it)."""

    __slots__ = ()


class Block(str):
    """Text the YAML writer emits as a literal block (``|``), for multi-line fields."""

    __slots__ = ()


@dataclass(frozen=True)
class HelpOnly:
    """An example value shown only as help (``# 例如：…``), never as a line to uncomment:
    a field written only in a particular situation, or one that would not validate yet."""

    value: Any


class Invalid:
    """The result of cleaning a value that has a problem (already reported)."""

    _instance: ClassVar[Invalid | None] = None

    def __new__(cls) -> Invalid:  # noqa: PYI034 - one shared instance
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:  # pragma: no cover
        return "<invalid>"


INVALID = Invalid()


@dataclass
class Cleaning:
    """What a field type needs to know while it cleans one file."""

    root: Path  # project root
    data_dir: Path  # root / "data"
    rel: str  # the file being checked, for messages
    problems: Problems
    vocabularies: Vocabularies = field(default_factory=Vocabularies.defaults)
    lines: dict[str, int] = field(default_factory=dict)  # field path → line, filled while cleaning

    def problem(self, line: int, path: str, message: str) -> Invalid:
        self.problems.add(self.rel, line, path, message)
        return INVALID


@dataclass(frozen=True)
class Describing:
    """What JSON Schemas, guide tables and examples need to know about the project."""

    vocabularies: Vocabularies = field(default_factory=Vocabularies.defaults)
    kinds: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # kind name → (folder, label)
    areas: tuple[tuple[str, str], ...] = ()  # (id, title) from site.yml
    ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folder → existing ids
    record_id: str = ""  # the record an example is written for
    pickers: Mapping[str, Picker] = field(default_factory=dict)  # reference target → how a form picks it


@dataclass(frozen=True)
class Picker:
    """How the form editor picks a record a reference points to.

    ``collection``: the form's collection holding the targets; ``shown``: the fields a choice
    shows and is searched by (the first is the title). For targets listed inside one file
    (the work areas in site.yml): ``file`` names the file's entry, ``within`` the list field
    and ``value`` the item field that is written into the reference.
    """

    collection: str
    shown: tuple[str, ...]
    file: str | None = None
    within: str | None = None
    value: str | None = None


class Resolver(Protocol):
    """Looks up references while the loader links records (see :mod:`showcase.load.references`)."""

    def reference(self, target: str, ref: str, path: str) -> str | None:
        """The id if it may be linked; None (and a note or a problem) otherwise."""


@dataclass(frozen=True)
class Field:
    """One field of a record or of a nested structure."""

    name: str
    type: FieldType
    label: str
    help: str = ""
    required: bool = False
    default: Any = None  # shown in the JSON Schema and used when the field is absent
    situational: bool = False  # written only in a particular situation: its example is help only
    kept: bool = True  # False: read and checked, then dropped before anything is published
    form_help: str | None = None  # help in the form editor, where ``help`` speaks of YAML syntax

    def absent(self) -> Any:
        """The value of the field when it is not written (or not kept)."""
        return self.default if self.default is not None else self.type.empty()

    @property
    def fields(self) -> tuple[Field, ...]:
        """Sub-fields of a nested structure (empty for simple values)."""
        return self.type.fields


class FieldType:
    """Base class of the field types; see the module docstring."""

    list_like: ClassVar[bool] = False  # written as a YAML list
    wide: ClassVar[bool] = False  # several lines: a wide spreadsheet column
    cell_as_text: ClassVar[bool] = False  # spreadsheet cells formatted as text (Excel must not retype them)

    @property
    def fields(self) -> tuple[Field, ...]:
        """Sub-fields of a nested structure (empty for simple values)."""
        return ()

    # -- reading ------------------------------------------------------------------------
    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        """The value for ``node``, or INVALID after reporting why not."""
        if not isinstance(node, Scalar):
            return self.wrong_shape(f, node, path, at, "一项文字")
        return self.clean_text(f, node.text, node.line, path, at)

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        raise NotImplementedError

    def wrong_shape(self, f: Field, node: Node, path: str, at: Cleaning, expected: str) -> Invalid:
        return at.problem(node.line, path, f"“{f.label}”应写成{expected}，这里写成了{describe(node)}")

    def empty(self) -> Any:
        """The value of an absent field."""
        return None

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        """The value with its references checked (unpublished targets dropped)."""
        return value

    # -- describing ----------------------------------------------------------------------
    def json_schema(self, f: Field, env: Describing) -> JSON:
        raise NotImplementedError

    def how_to_write(self, f: Field, env: Describing) -> str:
        """How to write a value, in Chinese Markdown (the guide's field tables)."""
        raise NotImplementedError

    def choices(self, f: Field, env: Describing) -> tuple[str, ...]:
        """The labels of a closed list an editor picks from (empty for other types)."""
        return ()

    def cell_choices(self, f: Field, env: Describing) -> tuple[str, ...]:
        """What a spreadsheet cell offers in its drop-down list."""
        return self.choices(f, env)

    def example(self, f: Field, env: Describing) -> Any:
        """A plain value (text, number, bool, list, dict) that validates in this project."""
        raise NotImplementedError

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        """The form editor's input for this type: ``widget`` and its options (see :mod:`.cms`)."""
        raise NotImplementedError

    # -- writing -------------------------------------------------------------------------
    def to_yaml(self, f: Field, value: Any) -> Any:
        """A plain value as the YAML writer should emit it (see :mod:`showcase.tools.yamlwrite`)."""
        return value

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        """A spreadsheet cell's text as the plain value to write into YAML."""
        return text

    def cell_hint(self, f: Field, env: Describing) -> str:
        """How to fill a spreadsheet cell, beyond the field's help (Chinese, or '')."""
        return ""


@dataclass
class CellReading:
    """What reading a spreadsheet cell needs: the project, and where to report a problem."""

    people: Mapping[str, list[str]]  # entrepreneur name → ids
    areas: tuple[tuple[str, str], ...]  # (id, title)
    report: Callable[[str], None]  # a problem in this cell (Chinese)


def limit_text(f: Field, max_length: int | None) -> str:
    return f"，最多 {max_length} 字" if max_length else ""


_SPEC_KEY = "showcase.field"


def spec(
    label: str,
    type: FieldType,
    help: str = "",
    *,
    required: bool = False,
    default: Any = None,
    default_factory: Callable[[], Any] | None = None,
    situational: bool = False,
    kept: bool = True,
    form_help: str | None = None,
) -> Any:
    """Declare a dataclass attribute as a schema field (its name is the attribute's).

    ``kept=False``: the value is read and checked (consent, private notes) but the published
    record holds the field's absent value instead. ``form_help``: the help the form editor shows
    when ``help`` explains the YAML way of writing the value."""
    meta = {_SPEC_KEY: Field("", type, label, help, required, default, situational, kept, form_help)}
    if required:
        return dataclasses.field(metadata=meta)
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    if default is not None:
        return dataclasses.field(default=default, metadata=meta)
    empty = type.empty()
    if isinstance(empty, (list, dict, set)):  # pragma: no cover - field types return immutable empties
        raise TypeError("mutable empty value")
    return dataclasses.field(default=empty, metadata=meta)


_FIELDS: dict[type, tuple[Field, ...]] = {}


def fields_of(cls: type) -> tuple[Field, ...]:
    """The schema fields of a dataclass declared with :func:`spec`, in declaration order."""
    found = _FIELDS.get(cls)
    if found is None:
        found = tuple(
            dataclasses.replace(item.metadata[_SPEC_KEY], name=item.name)
            for item in dataclasses.fields(cls)
            if _SPEC_KEY in item.metadata
        )
        _FIELDS[cls] = found
    return found


def field_named(fields: tuple[Field, ...], name: str) -> Field | None:
    return next((f for f in fields if f.name == name), None)
