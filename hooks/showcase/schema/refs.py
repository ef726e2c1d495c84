"""References to other records (one, a list, or "events/<id>") and lists of tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.nodes import Node, Scalar, Sequence
from ..core.text import CJK_RE, ID_PATTERN, id_shape_ok
from .base import INVALID, JSON, CellReading, Cleaning, Describing, Field, FieldType, HelpOnly, Resolver
from .cms import pattern

AREA = "area"  # the work areas listed in site.yml
_SPLIT = re.compile(r"[,，、;；]")
_CELL_SPLIT = re.compile(r"[、，,;；\n]")
MAX_LIST = 200


def _id_or_problem(f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
    ref = text.strip()
    if not id_shape_ok(ref):
        return at.problem(line, path, f"“{ref}”不是有效的编号：编号只能由小写字母、数字和连字符组成（即对应文件名，不含 .yml）")
    return ref


def _ids_for_example(target: str | None, env: Describing) -> list[str]:
    if target is None or target not in env.kinds:
        return []
    folder = env.kinds[target][0]
    return [i for i in env.ids.get(folder, ()) if i != env.record_id]


def _target_text(target: str | None, env: Describing) -> str:
    if target == AREA:
        return "工作板块编号（见 `data/site.yml` 的 `areas`）"
    if target is not None and target in env.kinds:
        folder, label = env.kinds[target]
        return f"{label}编号（`data/{folder}/` 中的文件名，不含 `.yml`）"
    return "编号"


ID_FORM_MESSAGE = "编号只能由小写字母、数字和连字符组成（即对应文件名，不含 .yml），例如 2022-xinhuo-peixun"


def relation(target: str | None, env: Describing, *, multiple: bool) -> JSON | None:
    """A picker over the records (or site.yml's work areas) a reference may name; None when the
    target cannot be picked (ids that are not looked up, or a project described without pickers)."""
    picker = env.pickers.get(target) if target is not None else None
    if picker is None:
        return None
    out: JSON = {"widget": "relation", "collection": picker.collection}
    if picker.file is not None:  # items of a list inside one file: site.yml's areas
        out["file"] = picker.file
        out["value_field"] = f"{picker.within}.*.{picker.value}"
        shown = [f"{picker.within}.*.{name}" for name in picker.shown]
        out["display_fields"] = shown[:1]
        out["search_fields"] = shown
    else:
        out["value_field"] = "{{slug}}"  # the file name is the id
        first, *rest = picker.shown
        label = "{{" + first + "}}" + ("（" + "，".join("{{" + name + "}}" for name in rest) + "）" if rest else "")
        out["display_fields"] = [label]
        out["search_fields"] = list(picker.shown)
    if multiple:
        out["multiple"] = True
    return out


def person_id(text: str, env: CellReading) -> str:
    """An entrepreneur's id, or their name when it is unique among the existing records."""
    if id_shape_ok(text) or not CJK_RE.search(text):
        return text
    ids = env.people.get(" ".join(text.split()), [])
    if len(ids) == 1:
        return ids[0]
    if ids:
        env.report(f"有 {len(ids)} 位企业家叫“{text}”（{'、'.join(ids)}），请写企业家编号以区分")
    else:
        env.report(
            f"找不到姓名为“{text}”的企业家。请写企业家编号（data/entrepreneurs/ 中的文件名，不含 .yml），"
            "或先导入或新建这位企业家"
        )
    return text


def area_id(text: str, env: CellReading) -> str:
    """A work area's id, also accepting its title from site.yml."""
    if text in {aid for aid, _ in env.areas}:
        return text
    by_title = {title: aid for aid, title in env.areas}
    if text in by_title:
        return by_title[text]
    if CJK_RE.search(text):
        listing = "、".join(f"{aid}（{title}）" for aid, title in env.areas)
        env.report(f"“{text}”不是工作板块。请写板块编号或 site.yml 中的板块标题：{listing}")
    return text


@dataclass(frozen=True)
class Ref(FieldType):
    """The id of another record (``target``: a record kind's name, or ``area``)."""

    target: str | None = None

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        return _id_or_problem(f, text, line, path, at)

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        if value is None or self.target is None:
            return value
        return resolver.reference(self.target, value, path)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "string", "pattern": ID_PATTERN}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return _target_text(self.target, env)

    def example(self, f: Field, env: Describing) -> Any:
        if self.target == AREA:
            return env.areas[0][0] if env.areas else HelpOnly("bankuai-bianhao")
        ids = _ids_for_example(self.target, env)
        if ids:
            return ids[0]
        if self.target == "entrepreneur" and not env.ids:
            return "zhang-san"
        return HelpOnly("bianhao")

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        if self.target == "entrepreneur":
            return person_id(text, env)
        if self.target == AREA:
            return area_id(text, env)
        return text

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        if self.target == AREA and env.areas:
            # site.yml's own order (a picker over the file would sort the titles)
            return {"widget": "select", "options": [{"label": title, "value": aid} for aid, title in env.areas]}
        picked = relation(self.target, env, multiple=False)
        if picked is not None:
            return picked
        return {"widget": "string", "use_emoji_autocomplete": False, **pattern(ID_PATTERN, ID_FORM_MESSAGE)}


@dataclass(frozen=True)
class WordList(FieldType):
    """A list of short words, written ``[甲, 乙]``, as a YAML list, or as ``甲、乙``."""

    max_items: int = field(default=MAX_LIST, kw_only=True)
    list_like = True

    def empty(self) -> Any:
        return ()

    def clean(self, f: Field, node: Node, path: str, at: Cleaning) -> Any:
        if isinstance(node, Scalar):
            words = [w.strip() for w in _SPLIT.split(node.text)]
            elements = [(w, node.line) for w in words if w]
        elif isinstance(node, Sequence):
            elements = []
            for element in node.items:
                if not isinstance(element, Scalar):
                    return at.problem(element.line, path, f"“{f.label}”的每一项应是一个词，不能再嵌套")
                if not element.null:  # "甲、乙" as one item means two words, as it does on one line
                    words = [" ".join(w.split()) for w in _SPLIT.split(element.text)]
                    elements.extend((w, element.line) for w in words if w)
        else:
            return self.wrong_shape(f, node, path, at, "列表，例如 [甲, 乙]")
        if len(elements) > self.max_items:
            return at.problem(node.line, path, f"“{f.label}”过多（{len(elements)} 个），最多 {self.max_items} 个")
        out: list[str] = []
        ok = True
        for word, line in elements:
            checked = self.word(f, word, line, path, at)
            if checked is None:
                ok = False
                continue
            if checked not in out:
                out.append(checked)
                at.lines[f"{path}[{len(out)}]"] = line  # so a bad reference points at its own line
        return tuple(out) if ok else INVALID

    def word(self, f: Field, word: str, line: int, path: str, at: Cleaning) -> str | None:
        return word

    def cell_hint(self, f: Field, env: Describing) -> str:
        return "多个用顿号“、”或逗号隔开。"

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        # One text box per word, holding plain values: the form keeps a one-line value ("甲、乙")
        # as one item (a list with a sub-field would drop it), and that item still reads as two
        # words. Each word's rules are the loader's to check.
        return {"widget": "list", "max": self.max_items}

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        words = [" ".join(w.split()) for w in _CELL_SPLIT.split(text)]
        return [w for w in words if w]


@dataclass(frozen=True)
class Tags(WordList):
    """Short labels that link records with the same tag."""

    max_items: int = field(default=30, kw_only=True)
    max_length: int | None = None
    example_words: tuple[str, ...] = ("标签",)

    def word(self, f: Field, word: str, line: int, path: str, at: Cleaning) -> str | None:
        if self.max_length and len(word) > self.max_length:
            at.problem(line, path, f"标签“{word[:20]}…”过长，每个标签最多 {self.max_length} 字")
            return None
        return word

    def json_schema(self, f: Field, env: Describing) -> JSON:
        item: JSON = {"type": "string", "maxLength": self.max_length} if self.max_length else {"type": "string"}
        return {"anyOf": [{"type": "array", "items": item, "maxItems": self.max_items}, {"type": "string"}]}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "标签列表，例如 `[党建, 培训]`" + (f"，每个最多 {self.max_length} 字" if self.max_length else "")

    def example(self, f: Field, env: Describing) -> Any:
        return list(self.example_words)



@dataclass(frozen=True)
class RefList(WordList):
    """Ids of other records (``target``: a record kind's name; None for ids not looked up)."""

    target: str | None = None
    example_ids: tuple[str, ...] = ()

    def word(self, f: Field, word: str, line: int, path: str, at: Cleaning) -> str | None:
        checked = _id_or_problem(f, word, line, path, at)
        return checked if isinstance(checked, str) else None

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        if self.target is None:
            return value
        kept = []
        for index, ref in enumerate(value, start=1):
            found = resolver.reference(self.target, ref, f"{path}[{index}]")
            if found is not None:
                kept.append(found)
        return tuple(kept)

    def json_schema(self, f: Field, env: Describing) -> JSON:
        return {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}, "uniqueItems": True}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "编号列表，例如 `[zhang-san, li-si]`"

    def example(self, f: Field, env: Describing) -> Any:
        if self.example_ids:
            return list(self.example_ids)
        ids = _ids_for_example(self.target, env)
        if ids:
            return ids[:2]
        if self.target == "entrepreneur" and not env.ids:
            return ["zhang-san", "li-si"]
        return HelpOnly(["bianhao"])

    def from_cell(self, f: Field, text: str, env: CellReading) -> Any:
        words = super().from_cell(f, text, env)
        if self.target == "entrepreneur":
            return [person_id(w, env) for w in words]
        return words

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        picked = relation(self.target, env, multiple=True)
        return picked if picked is not None else super().cms_widget(f, env)


@dataclass(frozen=True)
class Source(FieldType):
    """Where a figure comes from: ``events/<id>`` and the like (``targets``: folder → kind name)."""

    targets: tuple[tuple[str, str], ...] = ()
    example_text: str = "events/2022-xinhuo-peixun"

    def clean_text(self, f: Field, text: str, line: int, path: str, at: Cleaning) -> Any:
        folder, _, ref_id = text.strip().partition("/")
        ref_id = ref_id.strip("/")
        if folder not in dict(self.targets) or not id_shape_ok(ref_id):
            return at.problem(line, path, f"“{text}”不是有效的来源，请写成 events/记录编号、honors/记录编号 或 entrepreneurs/记录编号")
        return f"{folder}/{ref_id}"

    def resolve(self, f: Field, value: Any, path: str, resolver: Resolver) -> Any:
        if value is None:
            return value
        folder, _, ref = value.partition("/")
        return value if resolver.reference(dict(self.targets)[folder], ref, path) else None

    def json_schema(self, f: Field, env: Describing) -> JSON:
        folders = "|".join(folder for folder, _ in self.targets)
        return {"type": "string", "pattern": rf"^({folders})/[a-z0-9]+(-[a-z0-9]+)*$"}

    def how_to_write(self, f: Field, env: Describing) -> str:
        return "`events/编号`、`honors/编号` 或 `entrepreneurs/编号`"

    def example(self, f: Field, env: Describing) -> Any:
        return self.example_text

    def cms_widget(self, f: Field, env: Describing) -> JSON:
        folders = "|".join(folder for folder, _ in self.targets)
        message = "写成 " + "、".join(f"{folder}/记录编号" for folder, _ in self.targets) + "，例如 " + self.example_text
        return {
            "widget": "string",
            "use_emoji_autocomplete": False,
            **pattern(rf"^(?:{folders})/[a-z0-9]+(?:-[a-z0-9]+)*$", message),
        }
