"""Load a project's ``data/`` folder: every file read, validated and cross-checked.

``load_project`` either returns a complete :class:`Dataset` of published records or
raises :class:`DataError` carrying every problem found, sorted by file and line.
Unpublished records and ``private:`` values are dropped here, before anything else sees them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import criteria as criteria_rules
from . import schema, yamlsource
from .narratives import read_citations
from .problems import DataError, Problems
from .records import (
    Application,
    Area,
    Contact,
    Criterion,
    Entrepreneur,
    Event,
    Figure,
    Filing,
    Honor,
    Link,
    Narrative,
    Origin,
    PartialDate,
    Recipient,
    Site,
    Unit,
    frozen_lines,
)
from .searchwords import read_words
from .validate import ID_RE, Context, clean_fields
from .vocab import RECIPIENT_TYPES

SITE_FILE = "site.yml"
_RECORD_CLASSES = {"entrepreneur": Entrepreneur, "event": Event, "honor": Honor, "figure": Figure}
_ENTREPRENEUR_TYPE = next(t for t in RECIPIENT_TYPES if t.label == "企业家")


@dataclass(frozen=True)
class Dataset:
    """Published records of one project, keyed by id in id order."""

    root: Path
    site: Site
    entrepreneurs: Mapping[str, Entrepreneur]
    events: Mapping[str, Event]
    honors: Mapping[str, Honor]
    figures: Mapping[str, Figure]
    unpublished: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # folder → ids
    criteria: Mapping[str, Criterion] = field(default_factory=dict)  # data/criteria/, by id
    narratives: Mapping[str, Narrative] = field(default_factory=dict)  # docs path → criteria it cites
    notes: tuple[str, ...] = ()  # build-summary lines for editors
    search_words: tuple[str, ...] = ()  # data/search-words.txt: words search must keep whole

    def by_folder(self, folder: str) -> Mapping[str, object]:
        return {
            "entrepreneurs": self.entrepreneurs,
            "events": self.events,
            "honors": self.honors,
            "figures": self.figures,
        }[folder]

    def resolve(self, ref: str) -> object | None:
        """Return the published record for ``"events/<id>"`` and the like."""
        folder, _, ref_id = ref.partition("/")
        try:
            return self.by_folder(folder).get(ref_id)
        except KeyError:
            return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # pragma: no cover - only for paths given from elsewhere
        return path.as_posix()


def _record_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in (".yml", ".yaml") and path.is_file():
            yield path


def _check_id(path: Path, rel: str, problems: Problems) -> str | None:
    stem = path.stem
    if ID_RE.match(stem):
        return stem
    lowered = stem.lower().replace("_", "-").replace(" ", "-")
    if ID_RE.match(lowered):
        fix = f"请改名为 {lowered}{path.suffix}"
    else:
        fix = "请用小写字母、数字和连字符命名，例如 zhang-san.yml 或 2022-xinhuo-peixun.yml（拼音即可）"
    problems.add(rel, 1, "", f"文件名“{path.name}”不能用作网址编号：{fix}")
    return None


class _Loader:
    def __init__(self, root: Path, docs_dir: Path | None = None) -> None:
        self.root = root
        self.data_dir = root / "data"
        self.docs_dir = docs_dir if docs_dir is not None else root / "docs"
        self.problems = Problems()
        self.notes: list[str] = []

    def context(self, rel: str) -> Context:
        return Context(self.root, self.data_dir, rel, self.problems)

    # -- site.yml -------------------------------------------------------------
    def load_site(self) -> tuple[Site | None, dict[str, int]]:
        path = self.data_dir / SITE_FILE
        rel = _rel(path, self.root)
        lines: dict[str, int] = {}
        if not path.is_file():
            self.problems.add(rel, 1, "", "缺少站点设置文件 data/site.yml，请从示例项目复制一份并修改")
            return None, lines
        value = yamlsource.read(path, rel, self.problems)
        cleaned = clean_fields(schema.SITE_FIELDS, value, self.context(rel), lines)
        if cleaned is None:
            return None, lines
        areas = []
        seen: set[str] = set()
        for index, area in enumerate(cleaned["areas"]):
            line = lines.get(f"areas[{index + 1}].id", 1)
            if not ID_RE.match(area["id"]):
                self.problems.add(rel, line, f"areas[{index + 1}].id", f"板块编号“{area['id']}”只能由小写字母、数字和连字符组成")
            elif area["id"] in seen:
                self.problems.add(rel, line, f"areas[{index + 1}].id", f"板块编号“{area['id']}”重复")
            seen.add(area["id"])
            areas.append(Area(area["id"], area["title"], area.get("summary")))
        site = Site(
            unit=Unit(**cleaned["unit"]),
            application=Application(**cleaned["application"]),
            contact=Contact(**cleaned.get("contact", {})),
            filing=Filing(**cleaned.get("filing", {})),
            sample=bool(cleaned.get("sample", False)),
            areas=tuple(areas),
            assessment=criteria_rules.assessment_of(cleaned.get("assessment")),
        )
        return site, lines

    # -- record folders -----------------------------------------------------------
    def load_kind(self, kind: schema.Kind) -> tuple[dict[str, dict], dict[str, str]]:
        """Return published cleaned values by id (with lines) and unpublished ids → file."""
        published: dict[str, dict] = {}
        unpublished: dict[str, str] = {}
        first_file: dict[str, str] = {}
        for path in _record_files(self.data_dir / kind.folder):
            rel = _rel(path, self.root)
            record_id = _check_id(path, rel, self.problems)
            key = path.stem.lower()
            duplicate = key in first_file
            if duplicate:
                self.problems.add(
                    rel,
                    1,
                    "",
                    f"编号“{path.stem}”与 {first_file[key]} 重复（不区分大小写）。每条记录的文件名必须唯一，请改名其中一个",
                )
            else:
                first_file[key] = rel
            if not path.resolve().is_relative_to(self.data_dir.resolve()):
                self.problems.add(
                    rel, 1, "", "这个文件是指向 data/ 文件夹以外的快捷方式或符号链接，请把文件本身复制进来"
                )
                continue
            value = yamlsource.read(path, rel, self.problems)
            lines: dict[str, int] = {}
            cleaned = clean_fields(kind.fields, value, self.context(rel), lines)
            if cleaned is None or record_id is None or duplicate:
                continue
            if cleaned.get("published", True) is False:
                unpublished[record_id] = rel
                continue
            if kind is schema.ENTREPRENEUR and not self.has_consent(cleaned, lines, rel, value):
                unpublished[record_id] = rel
                continue
            published[record_id] = {"values": cleaned, "lines": lines, "rel": rel}
        return published, unpublished

    def has_consent(self, cleaned: dict, lines: dict[str, int], rel: str, value) -> bool:
        """A living person's profile is published only with their recorded, unwithdrawn consent."""
        consent = cleaned.get("consent")
        if consent is None:
            self.problems.add(
                rel,
                lines.get("consent", getattr(value, "line", 1)),
                "consent",
                "发布企业家资料须有本人同意：请填写 consent 的 date（同意日期）和 scope（同意公开的范围）；"
                "尚未取得同意的，请写 published: false",
            )
            return False
        if consent.get("withdrawn") is not None:
            self.notes.append(f"{rel}: 本人已于 {consent['withdrawn'].chinese} 撤回同意，资料未发布")
            return False
        return True

    def stray_files(self) -> None:
        """YAML files outside the known folders would be silently ignored: report them."""
        known = {kind.folder for kind in schema.DATA_KINDS}
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
                _rel(path, self.root),
                1,
                "",
                f"这个文件不在任何记录文件夹中，不会被使用。记录文件应放在 {folders} 之一中",
            )

    # -- references -----------------------------------------------------------
    def resolve_ref(
        self,
        ref: str,
        folder: str,
        published: Mapping[str, dict],
        unpublished: Mapping[str, str],
        rel: str,
        line: int,
        field_name: str,
    ) -> str | None:
        """Return the id if it is published; note it if unpublished; report it if unknown."""
        if ref in published:
            return ref
        if ref in unpublished:
            self.notes.append(f"{rel}:{line}: {field_name}: 引用的 {folder}/{ref} 未发布，公开页面中已省略此链接")
            return None
        close = difflib.get_close_matches(ref, list(published) + list(unpublished), n=1, cutoff=0.6)
        hint = f"是否想写“{close[0]}”？" if close else f"请检查 data/{folder}/ 中的文件名"
        self.problems.add(rel, line, field_name, f"找不到编号为“{ref}”的记录（data/{folder}/{ref}.yml）。{hint}")
        return None

    def check_area(self, site: Site | None, values: dict, lines: dict, rel: str) -> None:
        area = values.get("area")
        if site is None or area is None or site.area(area) is not None:
            return
        ids = "、".join(a.id for a in site.areas)
        self.problems.add(rel, lines.get("area", 1), "area", f"“{area}”不是 site.yml 中的工作板块编号。可选：{ids}")

    def run(self) -> Dataset:
        if not self.data_dir.is_dir():
            self.problems.add("data", 1, "", "找不到 data/ 文件夹：请在项目根目录（mkdocs.yml 所在的文件夹）运行命令")
            raise DataError(self.problems)
        site, _ = self.load_site()
        loaded = {kind.name: self.load_kind(kind) for kind in schema.RECORD_KINDS}
        criteria_found, _ = self.load_kind(schema.CRITERION)
        criteria = criteria_rules.build_criteria(self, criteria_found)
        criteria_rules.check_former_ids(self, loaded)
        self.stray_files()
        search_words = read_words(self.root, self.problems)
        people, people_off = loaded["entrepreneur"]

        records: dict[str, dict[str, object]] = {}
        for kind in schema.RECORD_KINDS:
            published, _ = loaded[kind.name]
            out: dict[str, object] = {}
            for record_id, item in sorted(published.items()):
                values = dict(item["values"])
                values.pop("published", None)
                values.pop("private", None)
                values.pop("consent", None)  # kept on file, not published
                if "links" in values:
                    values["links"] = tuple(Link(item["title"], item["url"]) for item in values["links"])
                lines, rel = item["lines"], item["rel"]
                self.check_area(site, values, lines, rel)
                if "criteria" in values:
                    values["criteria"] = criteria_rules.resolve_citations(self, values["criteria"], lines, rel, criteria_found)
                if kind.name == "event":
                    values["entrepreneurs"] = tuple(
                        ref
                        for index, ref in enumerate(values.get("entrepreneurs", ()), start=1)
                        if self.resolve_ref(
                            ref, "entrepreneurs", people, people_off, rel,
                            lines.get(f"entrepreneurs[{index}]", lines.get("entrepreneurs", 1)), "entrepreneurs",
                        )
                    )
                    end = values.get("end_date")
                    if end is not None and _ends_before(end, values["date"]):
                        self.problems.add(
                            rel, lines.get("end_date", 1), "end_date",
                            f"结束日期 {end.iso} 早于开始日期 {values['date'].iso}，请检查",
                        )
                elif kind.name == "honor":
                    values["recipient"] = self.recipient(values["recipient"], people, people_off, lines, rel)
                if kind.name == "figure" and values.get("approx") is not None:
                    values["approx"] = values["approx"].label  # “余”“近”… printed as is
                if kind.name == "figure" and values.get("source"):
                    folder, _, ref = values["source"].partition("/")
                    target_kind = schema.KINDS_BY_FOLDER[folder].name
                    ok = self.resolve_ref(ref, folder, loaded[target_kind][0], loaded[target_kind][1], rel, lines.get("source", 1), "source")
                    values["source"] = values["source"] if ok else None
                out[record_id] = _RECORD_CLASSES[kind.name](id=record_id, origin=Origin(rel, frozen_lines(lines)), **values)
            records[kind.folder] = out

        narratives = criteria_rules.narratives_of(
            self, read_citations(self.root, self.docs_dir, self.problems), criteria_found
        )
        if self.problems or site is None:
            raise DataError(self.problems)
        unpublished = {
            kind.folder: tuple(sorted(loaded[kind.name][1])) for kind in schema.RECORD_KINDS if loaded[kind.name][1]
        }
        return Dataset(
            root=self.root,
            site=site,
            entrepreneurs=MappingProxyType(records["entrepreneurs"]),
            events=MappingProxyType(records["events"]),
            honors=MappingProxyType(records["honors"]),
            figures=MappingProxyType(records["figures"]),
            unpublished=MappingProxyType(unpublished),
            notes=tuple(sorted(set(self.notes))),
            criteria=MappingProxyType(criteria),
            narratives=MappingProxyType(narratives),
            search_words=tuple(search_words),
        )

    def recipient(self, values: dict, people: Mapping, people_off: Mapping, lines: dict, rel: str) -> Recipient:
        kind = values["type"]
        name = values.get("name")
        person = values.get("entrepreneur")
        if kind == _ENTREPRENEUR_TYPE:
            if person is None and name is None:
                self.problems.add(
                    rel, lines.get("recipient.type", 1), "recipient.entrepreneur",
                    "获得者类型为“企业家”时，请写 entrepreneur: 企业家编号（或 name: 姓名，若本站未收录此人）",
                )
            if person is not None:
                person = self.resolve_ref(person, "entrepreneurs", people, people_off, rel, lines.get("recipient.entrepreneur", 1), "recipient.entrepreneur")
        else:
            if person is not None:
                self.problems.add(
                    rel, lines.get("recipient.entrepreneur", 1), "recipient.entrepreneur",
                    f"只有获得者类型为“企业家”时才能写 entrepreneur；类型“{kind.label}”请写 name: 名称",
                )
                person = None
            if name is None:
                self.problems.add(
                    rel, lines.get("recipient.type", 1), "recipient.name",
                    f"请写获得者名称 name（类型为“{kind.label}”）",
                )
        return Recipient(kind, name, person)


def _ends_before(end: PartialDate, start: PartialDate) -> bool:
    """True when ``end`` is certainly earlier than ``start``, at the coarser precision of the two."""
    def parts(d: PartialDate, n: int) -> tuple[int, ...]:
        return (d.year, d.month, d.day)[:n]

    precision = min(1 + bool(end.month) + bool(end.day), 1 + bool(start.month) + bool(start.day))
    return parts(end, precision) < parts(start, precision)


def load_project(root: Path | str, docs_dir: Path | str | None = None) -> Dataset:
    """Load and validate ``root/data`` and the criteria cited in ``docs/``; raise :class:`DataError` listing every problem."""
    return _Loader(Path(root).resolve(), Path(docs_dir).resolve() if docs_dir is not None else None).run()
