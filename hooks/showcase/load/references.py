"""Links between records: every reference checked against what the project really has.

A reference may point to
- a published record: kept;
- an unpublished record: dropped from the public pages, with a note for editors;
- a record whose file exists but has problems of its own: reported as such (the real
  problem is listed at that file), never as “not found”;
- nothing: reported with the closest valid id as a suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.problems import Problems
from ..model import KINDS_BY_NAME, Site
from ..schema import AREA

_INDEX = re.compile(r"\[\d+\]$")


@dataclass
class Known:
    """The ids of one kind, by state."""

    published: set[str] = field(default_factory=set)
    unpublished: dict[str, str] = field(default_factory=dict)  # id → file
    broken: dict[str, str] = field(default_factory=dict)  # id → file: exists, but has problems


@dataclass
class Resolver:
    """Resolves the references of one record file (``rel``, ``lines``) for the loader."""

    known: Mapping[str, Known]  # kind name → ids
    site: Site | None
    broken_areas: frozenset[str]  # area ids site.yml declares with a problem
    problems: Problems
    notes: list[str]
    rel: str = ""
    lines: Mapping[str, int] = field(default_factory=dict)

    def at(self, rel: str, lines: Mapping[str, int]) -> Resolver:
        self.rel, self.lines = rel, lines
        return self

    def _where(self, path: str) -> tuple[int, str]:
        name = _INDEX.sub("", path)
        return self.lines.get(path, self.lines.get(name, 1)), name

    def reference(self, target: str, ref: str, path: str) -> str | None:
        line, name = self._where(path)
        if target == AREA:
            return self._area(ref, line, name)
        kind = KINDS_BY_NAME[target]
        known = self.known.get(target, Known())
        if ref in known.published:
            return ref
        if ref in known.unpublished:
            self.notes.append(f"{self.rel}:{line}: {name}: 引用的 {kind.folder}/{ref} 未发布，公开页面中已省略此链接")
            return None
        if ref in known.broken:
            self.problems.add(
                self.rel, line, name, f"引用的记录 {known.broken[ref]} 本身有错误（见该文件的问题），请先改正那个文件"
            )
            return None
        close = difflib.get_close_matches(ref, sorted(known.published | set(known.unpublished)), n=1, cutoff=0.6)
        hint = f"是否想写“{close[0]}”？" if close else f"请检查 data/{kind.folder}/ 中的文件名"
        self.problems.add(self.rel, line, name, f"找不到编号为“{ref}”的记录（data/{kind.folder}/{ref}.yml）。{hint}")
        return None

    def _area(self, ref: str, line: int, name: str) -> str | None:
        if self.site is None or self.site.area(ref) is not None and ref not in self.broken_areas:
            return ref
        if ref in self.broken_areas:
            self.problems.add(self.rel, line, name, f"工作板块“{ref}”在 data/site.yml 中写得有误（见该文件的问题），请先改正")
            return None
        valid = [a.id for a in self.site.areas if a.id not in self.broken_areas]
        self.problems.add(self.rel, line, name, f"“{ref}”不是 site.yml 中的工作板块编号。可选：{'、'.join(valid)}")
        return None
