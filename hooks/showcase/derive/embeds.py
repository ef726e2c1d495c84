"""Data inside narratives: a small syntax editors write in docs/*.md.

Inline (anywhere in a sentence)::

    [[figure:peixun-qiyejia-renshu]]      a figure with its unit and as-of date, or “未公开”
    [[event:2022-xinhuo-peixun]]          a link to a record, with its current title
    [[honor:…]]  [[entrepreneur:…]]

Block (alone on its own line)::

    [[events category=教育培训 year=2022 tag=薪火工程 area=… limit=5]]
    [[honors level=国家级 recipient=商会 tag=… area=… limit=5]]
    [[entrepreneurs tag=新生代企业家 ids=wang-shiming,li-shihua limit=4]]
    [[figures area=zhengzhi-jianhui ids=…]]

Embeds are replaced by placeholder tokens before Markdown runs and by HTML after, so
Markdown cannot mangle them. Code spans and fenced code are left alone; ``\\[[`` writes a
literal ``[[``. Every mistake is a problem with the Markdown file and line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..core.problems import Problems
from ..core.vocab import Term, Vocabulary
from ..model import Dataset, Entrepreneur, Figure
from .relations import Relations

_EMBED = re.compile(r"(?<!\\)\[\[([^\[\]\n]*)\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_TOKEN = "SCEMBED{}X"
TOKEN_RE = re.compile(r"SCEMBED(\d+)X")

INLINE_KINDS = {"figure": "figures", "event": "events", "honor": "honors", "entrepreneur": "entrepreneurs"}
BLOCK_FILTERS = {
    "events": {"category", "year", "tag", "area", "limit"},
    "honors": {"level", "recipient", "tag", "area", "limit"},
    "entrepreneurs": {"tag", "ids", "limit"},
    "figures": {"area", "ids"},
}
_SYNTAX_HELP = (
    "写法：[[figure:编号]]、[[event:编号]]、[[honor:编号]]、[[entrepreneur:编号]]，"
    "或单独一行的 [[events category=… year=… tag=… area=… limit=…]]、[[honors level=… recipient=…]]、"
    "[[entrepreneurs tag=… ids=…]]、[[figures area=…]]"
)


@dataclass
class Embed:
    token: str
    kind: str  # "figure", "event", …, or "events", "honors", "entrepreneurs", "figures"
    block: bool
    line: int
    source: str  # what the editor wrote, for messages
    ref: str | None = None  # inline: the id
    filters: dict[str, str] = field(default_factory=dict)
    records: tuple[Any, ...] = ()  # resolved when valid


def _protect_code(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_SPAN.finditer(line)]


def extract(markdown: str, path: str, first_line: int, problems: Problems, start: int = 0) -> tuple[str, list[Embed]]:
    """Replace embeds by tokens; return the new Markdown and the embeds found (unresolved)."""
    embeds: list[Embed] = []
    out_lines = []
    in_fence = False
    for offset, line in enumerate(markdown.split("\n")):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
            out_lines.append(line)
            continue
        if in_fence or "[[" not in line:
            out_lines.append(line)
            continue
        code = _protect_code(line)
        whole = line.strip()

        def replace(
            match: re.Match[str], code: list[tuple[int, int]] = code, whole: str = whole, number: int = number
        ) -> str:
            if any(a <= match.start() < b for a, b in code):
                return match.group(0)
            token = _TOKEN.format(start + len(embeds))
            block = match.group(0) == whole
            embed = _parse(match.group(1), token, block, number, path, problems)
            if embed is None:
                return match.group(0)
            embeds.append(embed)
            return token

        new = _EMBED.sub(replace, line)
        out_lines.append(new.replace("\\[[", "[["))
    return "\n".join(out_lines), embeds


def _parse(body: str, token: str, block: bool, line: int, path: str, problems: Problems) -> Embed | None:
    text = body.strip()
    source = f"[[{body}]]"
    head, _, rest = text.partition(" ")
    if ":" in head and not rest:
        kind, _, ref = head.partition(":")
        kind = kind.strip().lower()
        if kind not in INLINE_KINDS:
            close = difflib.get_close_matches(kind, list(INLINE_KINDS), n=1)
            hint = f"是否想写“{close[0]}”？" if close else ""
            problems.add(path, line, "", f"嵌入“{source}”：不认识“{kind}”。{hint}{_SYNTAX_HELP}")
            return None
        return Embed(token, kind, False, line, source, ref=ref.strip())
    kind = head.lower()
    if kind not in BLOCK_FILTERS:
        close = difflib.get_close_matches(kind, list(BLOCK_FILTERS) + list(INLINE_KINDS), n=1)
        hint = f"是否想写“{close[0]}”？" if close else ""
        problems.add(path, line, "", f"嵌入“{source}”的写法不对。{hint}{_SYNTAX_HELP}")
        return None
    if not block:
        problems.add(path, line, "", f"列表嵌入“{source}”必须单独占一行（前后不能有其他文字）")
        return None
    filters: dict[str, str] = {}
    for part in rest.split():
        name, eq, value = part.partition("=")
        if not eq or not value:
            problems.add(path, line, "", f"嵌入“{source}”：“{part}”应写成 名称=值，例如 year=2022")
            return None
        if name not in BLOCK_FILTERS[kind]:
            allowed = "、".join(sorted(BLOCK_FILTERS[kind]))
            problems.add(path, line, "", f"嵌入“{source}”：{kind} 不支持筛选条件“{name}”，可用：{allowed}")
            return None
        filters[name] = value
    return Embed(token, kind, True, line, source, filters=filters)


def resolve(embeds: list[Embed], data: Dataset, rel: Relations, path: str, problems: Problems, notes: list[str]) -> None:
    """Check ids and filter values; fill ``records`` for the valid ones."""
    for embed in embeds:
        if not embed.block:
            folder = INLINE_KINDS[embed.kind]
            record = data.by_folder(folder).get(embed.ref or "")
            if record is not None:
                embed.records = (record,)
            elif embed.ref in data.unpublished.get(folder, ()):
                notes.append(f"{path}:{embed.line}: 嵌入的 {folder}/{embed.ref} 未发布，页面中已省略")
            else:
                close = difflib.get_close_matches(embed.ref or "", list(data.by_folder(folder)), n=1, cutoff=0.6)
                hint = f"是否想写“{close[0]}”？" if close else f"请检查 data/{folder}/ 中的文件名"
                problems.add(path, embed.line, "", f"嵌入“{embed.source}”：找不到编号为“{embed.ref}”的记录。{hint}")
            continue
        selected = _select(embed, data, rel, path, problems, notes)
        if selected is not None:
            embed.records = selected


def _int(embed: Embed, name: str, path: str, problems: Problems) -> int | None:
    value = embed.filters.get(name)
    if value is None:
        return None
    if not value.isdigit():
        problems.add(path, embed.line, "", f"嵌入“{embed.source}”：{name} 应是数字，这里是“{value}”")
        raise ValueError
    return int(value)


def _term(embed: Embed, name: str, terms: Vocabulary, path: str, problems: Problems) -> Term | None:
    value = embed.filters.get(name)
    if value is None:
        return None
    term = terms.get(value)
    if term is None:
        labels = "、".join(t.label for t in terms)
        problems.add(path, embed.line, "", f"嵌入“{embed.source}”：“{value}”不是可选的 {name}。可选：{labels}")
        raise ValueError
    return term


def _area(embed: Embed, data: Dataset, path: str, problems: Problems) -> str | None:
    value = embed.filters.get("area")
    if value is not None and data.site.area(value) is None:
        ids = "、".join(a.id for a in data.site.areas)
        problems.add(path, embed.line, "", f"嵌入“{embed.source}”：“{value}”不是工作板块编号。可选：{ids}")
        raise ValueError
    return value


def _ids(embed: Embed) -> list[str]:
    return [i.strip() for i in re.split(r"[,，、]", embed.filters["ids"]) if i.strip()]


def _events(embed: Embed, data: Dataset, rel: Relations, path: str, problems: Problems) -> list[Any]:
    area = _area(embed, data, path, problems)
    tag = embed.filters.get("tag")
    category = _term(embed, "category", data.vocabularies.event_categories, path, problems)
    year = _int(embed, "year", path, problems)
    return [
        e for e in rel.events
        if (category is None or e.category == category)
        and (year is None or e.date.year == year)
        and (tag is None or tag in e.tags)
        and (area is None or e.area == area)
    ]


def _honors(embed: Embed, data: Dataset, rel: Relations, path: str, problems: Problems) -> list[Any]:
    area = _area(embed, data, path, problems)
    tag = embed.filters.get("tag")
    level = _term(embed, "level", data.vocabularies.honor_levels, path, problems)
    recipient = _term(embed, "recipient", data.vocabularies.recipient_types, path, problems)
    return [
        h for h in rel.honors
        if (level is None or h.level == level)
        and (recipient is None or h.recipient.type == recipient)
        and (tag is None or tag in h.tags)
        and (area is None or h.area == area)
    ]


def _entrepreneurs(
    embed: Embed, data: Dataset, rel: Relations, path: str, problems: Problems, notes: list[str]
) -> list[Any]:
    people: list[Entrepreneur] = list(rel.entrepreneurs)
    if "ids" in embed.filters:
        people = []
        for person_id in _ids(embed):
            person = data.entrepreneurs.get(person_id)
            if person is not None:
                people.append(person)
            elif person_id in data.unpublished.get("entrepreneurs", ()):
                notes.append(f"{path}:{embed.line}: 嵌入的 entrepreneurs/{person_id} 未发布，页面中已省略")
            else:
                problems.add(path, embed.line, "", f"嵌入“{embed.source}”：找不到编号为“{person_id}”的企业家")
                raise ValueError
    tag = embed.filters.get("tag")
    return [p for p in people if tag is None or tag in p.tags]


def _figures(embed: Embed, data: Dataset, path: str, problems: Problems) -> list[Any]:
    area = _area(embed, data, path, problems)
    figures: list[Figure] = [f for f in data.figures.values() if area is None or f.area == area]
    if "ids" in embed.filters:
        wanted = _ids(embed)
        missing = [i for i in wanted if i not in data.figures and i not in data.unpublished.get("figures", ())]
        if missing:
            problems.add(path, embed.line, "", f"嵌入“{embed.source}”：找不到编号为“{missing[0]}”的数据")
            raise ValueError
        figures = [data.figures[i] for i in wanted if i in data.figures]
    return figures


def _select(
    embed: Embed, data: Dataset, rel: Relations, path: str, problems: Problems, notes: list[str]
) -> tuple[Any, ...] | None:
    try:
        limit = _int(embed, "limit", path, problems)
        if embed.kind == "events":
            records = _events(embed, data, rel, path, problems)
        elif embed.kind == "honors":
            records = _honors(embed, data, rel, path, problems)
        elif embed.kind == "entrepreneurs":
            records = _entrepreneurs(embed, data, rel, path, problems, notes)
        else:
            records = _figures(embed, data, path, problems)
    except ValueError:
        return None
    return tuple(records[:limit] if limit else records)


def check_narratives(
    data: Dataset, rel: Relations, pages: list[tuple[str, str, int]], problems: Problems, notes: list[str]
) -> None:
    """Every embed in the narratives checked, as the build checks them (``showcase check``)."""
    count = 0
    for path, markdown, first_line in pages:
        _, found = extract(markdown, path, first_line, problems, start=count)
        count += len(found)
        resolve(found, data, rel, path, problems, notes)
