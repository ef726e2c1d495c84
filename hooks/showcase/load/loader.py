"""Load a project's ``data/`` folder: every file read, validated and cross-checked.

``load_project`` either returns a complete :class:`~showcase.model.Dataset` of published
records or raises :class:`~showcase.core.problems.DataError` carrying every problem found,
sorted by file and line. Unpublished records and ``private:`` values are dropped here,
before anything else sees them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.nodes import Mapping, Node
from ..core.problems import DataError, Problems
from ..core.text import id_shape_ok, reserved_id_reason
from ..core.values import Origin, frozen_lines
from ..core.vocab import Vocabularies
from ..model import (
    CRITERION,
    DATA_KINDS,
    RECORD_KINDS,
    SITE_FILE,
    Criterion,
    Dataset,
    Kind,
    Narrative,
    Problem,
    Record,
    Site,
)
from ..schema import Cleaning, clean_mapping, fields_of, resolve_fields
from . import yamlfile
from .criteria import check_former_ids, check_levels
from .documents import check_documents
from .narratives import read_narratives
from .references import Known, Resolver
from .synonyms import read_synonyms


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # pragma: no cover - only for paths given from elsewhere
        return path.as_posix()


def record_files(folder: Path) -> Iterator[Path]:
    """Every YAML file under ``folder``, in path order (as the loader and the tools see them)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in (".yml", ".yaml") and path.is_file():
            yield path


def file_id_problem(path: Path) -> str | None:
    """Why a file's name cannot be a record's id (Chinese), or None."""
    stem = path.stem
    if id_shape_ok(stem):
        reason = reserved_id_reason(stem)
        return f"文件名“{path.name}”不能用作网址编号：{reason}，请换一个名字" if reason else None
    lowered = stem.lower().replace("_", "-").replace(" ", "-")
    if id_shape_ok(lowered) and reserved_id_reason(lowered) is None:
        fix = f"请改名为 {lowered}{path.suffix}"
    else:
        fix = "请用小写字母、数字和连字符命名，例如 zhang-san.yml 或 2022-xinhuo-peixun.yml（拼音即可）"
    return f"文件名“{path.name}”不能用作网址编号：{fix}"


def _published_form(record: Record) -> Record:
    """The record without the fields that are read but never published (consent, private)."""
    dropped = {f.name: f.absent() for f in fields_of(type(record)) if not f.kept}
    return dataclasses.replace(record, **dropped) if dropped else record


@dataclass
class KindFiles:
    """One kind's files after reading: valid records by state, and the ids of broken files."""

    published: dict[str, Record] = field(default_factory=dict)
    unpublished: dict[str, str] = field(default_factory=dict)  # id → file (published: false, or no consent)
    withheld: set[str] = field(default_factory=set)  # ids not published for want of consent
    broken: dict[str, str] = field(default_factory=dict)  # id → file with problems

    def known(self) -> Known:
        return Known(set(self.published), dict(self.unpublished), dict(self.broken))


class _Loader:
    def __init__(self, root: Path, docs_dir: Path | None, cache: yamlfile.ParseCache | None) -> None:
        self.root = root
        self.data_dir = root / "data"
        self.docs_dir = docs_dir if docs_dir is not None else root / "docs"
        self.cache = cache
        self.problems = Problems()
        self.notes: list[str] = []
        self.vocabularies = Vocabularies.defaults()

    def cleaning(self, rel: str) -> Cleaning:
        return Cleaning(self.root, self.data_dir, rel, self.problems, self.vocabularies)

    def read_mapping(self, path: Path, rel: str) -> Mapping | None:
        node: Node | None = yamlfile.read(path, rel, self.problems, self.cache)
        if node is None:
            return None
        if not isinstance(node, Mapping):
            self.problems.add(rel, node.line, "", "文件内容应是若干“字段名: 值”，请参照同类文件的写法")
            return None
        return node

    def report(self, rel: str, lines: Any, problem: Problem, fallback: int = 1) -> None:
        self.problems.add(rel, lines.get(problem.line_field, fallback), problem.field, problem.message)

    # -- site.yml -------------------------------------------------------------------------
    def load_site(self) -> tuple[Site | None, frozenset[str]]:
        """The site settings (None when site.yml has problems) and the area ids it got wrong."""
        path = self.data_dir / SITE_FILE
        rel = _rel(path, self.root)
        if not path.is_file():
            self.problems.add(rel, 1, "", "缺少站点设置文件 data/site.yml，请从示例项目复制一份并修改")
            return None, frozenset()
        node = self.read_mapping(path, rel)
        if node is None:
            return None, frozenset()
        at = self.cleaning(rel)
        values = clean_mapping(fields_of(Site), node, "", at)
        if values is None:
            return None, frozenset()
        site = Site(**values)
        broken = set()
        for problem in site.problems():
            self.report(rel, at.lines, problem)
            if problem.field.startswith("areas["):
                broken.add(site.areas[int(problem.field[6:].split("]")[0]) - 1].id)
        if not any(p.field.startswith("vocabularies.") for p in site.problems()):
            self.vocabularies = site.vocabularies_with(self.vocabularies)
        return site, frozenset(broken)

    # -- record folders --------------------------------------------------------------------
    def load_kind(self, kind: Kind) -> KindFiles:
        found = KindFiles()
        first_file: dict[str, str] = {}
        real_data = self.data_dir.resolve()  # once: every record is checked against it
        for path in record_files(self.data_dir / kind.folder):
            rel = _rel(path, self.root)
            record_id: str | None = path.stem
            if reason := file_id_problem(path):
                self.problems.add(rel, 1, "", reason)
                record_id = None
            key = path.stem.lower()
            duplicate = key in first_file
            if duplicate:
                self.problems.add(
                    rel, 1, "",
                    f"编号“{path.stem}”与 {first_file[key]} 重复（不区分大小写）。每条记录的文件名必须唯一，请改名其中一个",
                )
            else:
                first_file[key] = rel
            if not path.resolve().is_relative_to(real_data):
                self.problems.add(rel, 1, "", "这个文件是指向 data/ 文件夹以外的快捷方式或符号链接，请把文件本身复制进来")
                continue
            record = self.read_record(kind, path, rel, record_id)
            if duplicate:
                continue
            if record is None:
                if record_id is not None:
                    found.broken[record_id] = rel
                continue
            if getattr(record, "published", True) is False:
                found.unpublished[record.id] = rel
                continue
            withheld = record.unpublish()
            if withheld is not None:
                if withheld.problem is not None:
                    self.report(rel, record.origin.lines if record.origin else {}, withheld.problem)
                if withheld.note is not None:
                    self.notes.append(f"{rel}: {withheld.note}")
                found.unpublished[record.id] = rel
                found.withheld.add(record.id)
                continue
            found.published[record.id] = _published_form(record)
        return found

    def read_record(self, kind: Kind, path: Path, rel: str, record_id: str | None) -> Record | None:
        node = self.read_mapping(path, rel)
        if node is None:
            return None
        at = self.cleaning(rel)
        values = clean_mapping(kind.fields, node, "", at)
        if values is None or record_id is None:
            return None
        record: Record = kind.record(id=record_id, origin=Origin(rel, frozen_lines(at.lines)), **values)
        return record

    def stray_files(self) -> None:
        """YAML files outside the known folders would be silently ignored: report them."""
        known = {kind.folder for kind in DATA_KINDS}
        for path in sorted(self.data_dir.rglob("*")):
            if path.suffix.lower() not in (".yml", ".yaml") or not path.is_file():
                continue
            parts = path.relative_to(self.data_dir).parts
            if len(parts) == 1 and parts[0] == SITE_FILE:
                continue
            if len(parts) > 1 and parts[0] in known:
                continue
            folders = "、".join(f"data/{k}/" for k in sorted(known))
            self.problems.add(
                _rel(path, self.root), 1, "", f"这个文件不在任何记录文件夹中，不会被使用。记录文件应放在 {folders} 之一中"
            )

    # -- linking ---------------------------------------------------------------------------
    def link(self, records: dict[str, Record], resolver: Resolver) -> dict[str, Record]:
        """Each record with its own problems reported and its references resolved."""
        out: dict[str, Record] = {}
        for record_id, record in sorted(records.items()):
            origin = record.origin
            rel, lines = (origin.path, origin.lines) if origin else ("data", {})
            for problem in record.problems():
                self.report(rel, lines, problem)
            out[record_id] = resolve_fields(record, "", resolver.at(rel, lines))
        return out

    def check_tags(self, records: list[Record]) -> None:
        """Tags that differ only in letter case would share one page on Windows and macOS
        (their file systems ignore case): one spelling per tag."""
        spellings: dict[str, dict[str, list[Record]]] = {}
        for record in records:
            for tag in getattr(record, "tags", ()):
                spellings.setdefault(tag.lower(), {}).setdefault(tag, []).append(record)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            listing = "、".join(f"“{t}”" for t in sorted(variants))
            for tag, holders in variants.items():
                for record in holders:
                    origin = record.origin
                    if origin is None:
                        continue
                    index = list(getattr(record, "tags", ())).index(tag) + 1
                    line = origin.lines.get(f"tags[{index}]", origin.line("tags"))
                    self.problems.add(
                        origin.path, line, "tags",
                        f"标签 {listing} 只差大小写，会被当成同一个标签页面：请统一成一种写法",
                    )

    def narratives(self, resolver: Resolver) -> dict[str, Narrative]:
        """Narratives by docs path, with their citations resolved (unknown ids reported)."""
        out: dict[str, Narrative] = {}
        for citation in read_narratives(self.root, self.docs_dir, self.problems):
            narrative = citation.narrative
            resolver.at(citation.rel, citation.lines)
            cited = tuple(
                ref
                for index, ref in enumerate(narrative.criteria, start=1)
                if resolver.reference(CRITERION.name, ref, f"criteria[{index}]")
            )
            if cited:
                out[narrative.src] = Narrative(narrative.src, narrative.title, cited, narrative.origin)
        return out

    def run(self) -> Dataset:
        if not self.data_dir.is_dir():
            self.problems.add("data", 1, "", "找不到 data/ 文件夹：请在项目根目录（mkdocs.yml 所在的文件夹）运行命令")
            raise DataError(self.problems)
        site, broken_areas = self.load_site()
        files = {kind.name: self.load_kind(kind) for kind in DATA_KINDS}
        self.stray_files()
        synonyms = read_synonyms(self.root, self.problems, self.notes)
        resolver = Resolver(
            {name: kind_files.known() for name, kind_files in files.items()},
            site, broken_areas, self.problems, self.notes,
        )
        linked = {kind.name: self.link(files[kind.name].published, resolver) for kind in DATA_KINDS}
        criteria = check_levels({k: v for k, v in linked[CRITERION.name].items() if isinstance(v, Criterion)}, self.problems)
        for kind in RECORD_KINDS:
            if kind.field("former_ids") is not None:
                check_former_ids(files[kind.name].published, files[kind.name].unpublished, self.problems)
        self.check_tags([r for kind in RECORD_KINDS for r in linked[kind.name].values()])
        narratives = self.narratives(resolver)
        check_documents((r for records in linked.values() for r in records.values()), self.problems)
        if self.problems or site is None:
            raise DataError(self.problems)
        unpublished = {
            kind.folder: tuple(sorted(files[kind.name].unpublished)) for kind in RECORD_KINDS if files[kind.name].unpublished
        }
        by_kind = {name: MappingProxyType(records) for name, records in linked.items()}
        return Dataset(
            root=self.root,
            site=site,
            entrepreneurs=by_kind["entrepreneur"],  # type: ignore[arg-type]
            events=by_kind["event"],  # type: ignore[arg-type]
            honors=by_kind["honor"],  # type: ignore[arg-type]
            figures=by_kind["figure"],  # type: ignore[arg-type]
            unpublished=MappingProxyType(unpublished),
            withheld=MappingProxyType({
                kind.folder: tuple(sorted(files[kind.name].withheld)) for kind in RECORD_KINDS if files[kind.name].withheld
            }),
            notes=tuple(sorted(set(self.notes))),
            criteria=MappingProxyType(criteria),
            narratives=MappingProxyType(narratives),
            synonyms=tuple(synonyms),
            vocabularies=self.vocabularies,
        )


def load_project(
    root: Path | str, docs_dir: Path | str | None = None, *, cache: yamlfile.ParseCache | None = None
) -> Dataset:
    """Load and validate ``root/data`` and the criteria cited in ``docs/``; raise DataError listing every problem."""
    return _Loader(
        Path(root).resolve(), Path(docs_dir).resolve() if docs_dir is not None else None, cache
    ).run()
