"""``showcase new``: a commented file for one new record, valid as it is written.

Every field is explained above its line (label, help, choices — from the record kind's
declaration); required fields are filled with the title and sample values, optional ones are
shown as commented-out examples the editor can switch on by deleting ``# ``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.text import TODO_MARK
from ..model import ENTREPRENEUR, EVENT, HONOR, Kind
from ..schema import Describing, Field, HelpOnly, ImageType, Object, ObjectList, parse_date
from .ids import derive_id, id_problem, title_year, unique_id
from .project import ProjectInfo, existing_files
from .yamlwrite import field_lines, write_text

# Kinds that `showcase new` and `showcase import` create (figures are written by hand).
EDITABLE_KINDS: tuple[Kind, ...] = (EVENT, HONOR, ENTREPRENEUR)

TODO = TODO_MARK
SAMPLE = "【示例值】"


class ScaffoldError(Exception):
    """A refusal explained to the editor in Chinese (exit code 1, nothing written)."""


def kind_from_word(word: str, kinds: tuple[Kind, ...] = EDITABLE_KINDS) -> Kind | None:
    """``event``, ``events`` or ``活动`` (any case) → the kind; None if unknown."""
    key = word.strip().lower()
    for kind in kinds:
        if key in (kind.name, kind.folder, kind.label):
            return kind
    return None


def field_comment(f: Field, env: Describing) -> list[str]:
    """Chinese help for one field: label, required, help, choices."""
    head = f"{f.label}（必填）" if f.required else f.label
    lines = [f"{head}：{f.help}" if f.help else head]
    choices = f.type.choices(f, env)
    if choices:
        lines.append("可选：" + "、".join(choices))
    if f.name == "area" and env.areas:
        lines.append("可选：" + "、".join(f"{aid}（{title}）" for aid, title in env.areas))
    return lines


def _example(f: Field, env: Describing) -> Any:
    example = f.type.example(f, env)
    return HelpOnly(example) if f.situational and not isinstance(example, HelpOnly) else example


def _nested(f: Field) -> bool:
    return isinstance(f.type, (Object, ObjectList, ImageType))


def _commented(lines: list[str], pad: str, prefix: str = "") -> list[str]:
    return [f"{pad}# {prefix}{line[len(pad):]}".rstrip() for line in lines]


def template_lines(
    fields: tuple[Field, ...], filled: dict[str, Any], notes: dict[str, str], env: Describing, pad: str, prefix: str
) -> list[str]:
    """Fields in declaration order: help comments, then the value or a commented-out example."""
    out: list[str] = []
    for f in fields:
        path = prefix + f.name
        if out and not pad:
            out.append("")
        out.extend(f"{pad}# {line}" for line in field_comment(f, env))
        if path in notes:
            out.append(f"{pad}# {notes[path]}")
        example = _example(f, env)
        if f.name in filled and isinstance(f.type, Object) and not isinstance(f.type, ObjectList):
            out.append(f"{pad}{f.name}:")
            out.extend(template_lines(f.fields, filled[f.name], notes, env, pad + "  ", path + "."))
        elif f.name in filled:
            out.extend(field_lines(f, f.name, filled[f.name], pad))
        elif pad or isinstance(example, HelpOnly):  # help only (e.g. recipient.entrepreneur, former_ids)
            shown = example.value if isinstance(example, HelpOnly) else example
            out.extend(_commented(field_lines(f, f.name, shown, pad), pad, "例如："))
        elif _nested(f):
            out.extend(_commented([f"{pad}{f.name}:", *_commented_children(f, example, env, pad)], pad))
        else:
            out.extend(_commented(field_lines(f, f.name, example, pad), pad))
    return out


def _commented_children(f: Field, example: Any, env: Describing, pad: str) -> list[str]:
    """Nested example lines with each sub-field's help as an (indented) comment."""
    items = example if isinstance(example, list) else [example]
    out: list[str] = []
    for item in items:
        inner: list[str] = []
        for sub in f.fields:
            inner.extend(f"{pad}    # {line}" for line in field_comment(sub, Describing()))
            value = HelpOnly(item[sub.name]) if sub.situational and sub.name in item else (
                item[sub.name] if sub.name in item else _example(sub, Describing())
            )
            if isinstance(value, HelpOnly):  # still a comment when the block is uncommented
                lines = field_lines(sub, sub.name, value.value, pad + "    ")
                inner.extend(f"{pad}    # 例如：{line.strip()}" for line in lines)
            else:
                inner.extend(field_lines(sub, sub.name, value, pad + "    "))
        if isinstance(example, list):
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = f"{pad}  - " + inner[first][len(pad) + 4 :]
            inner[:first] = [f"{pad}  " + line.lstrip() for line in inner[:first]]  # help above “- ”
            out.extend(inner)
        else:
            out.extend(line[2:] if line.startswith(pad + "  ") else line for line in inner)
    return out


def _sample_values(kind: Kind, title: str, date: str, info: ProjectInfo) -> tuple[dict[str, Any], dict[str, str]]:
    """Values for the required fields of a new record, and a note on each sample/placeholder."""
    today = "今天的日期" if date == _dt.date.today().isoformat() else "给定的日期"
    values: dict[str, Any] = {kind.title_field: title}
    notes: dict[str, str] = {}
    env = info.describing()
    if kind is EVENT:
        values["date"] = date
        notes["date"] = f"{SAMPLE}已填{today}，请改为活动的实际日期"
        category = EVENT.field("category")
        assert category is not None
        values["category"] = category.type.example(category, env)
        notes["category"] = f"{SAMPLE}请改为实际类别（可选值见上）"
    elif kind is HONOR:
        level = HONOR.field("level")
        assert level is not None
        values["level"] = level.type.example(level, env)
        notes["level"] = f"{SAMPLE}请改为实际级别"
        values["awarding_body"] = f"{TODO}授予单位"
        values["date"] = date
        notes["date"] = f"{SAMPLE}已填{today}，请改为授予日期"
        values["recipient"] = {"type": "本单位", "name": info.unit_name or f"{TODO}获得者名称"}
        notes["recipient"] = f"{SAMPLE}已填本单位，获得者是商会、企业或企业家时请修改"
    elif kind is ENTREPRENEUR:
        values["company"] = f"{TODO}企业全称"
        values["summary"] = f"{TODO}一句话简介"
    if kind is ENTREPRENEUR:
        values["published"] = False
        notes["published"] = "新建的企业家资料先不发布：取得本人同意并填写上面的 consent 后，删除这一行才会发布"
    elif any(isinstance(v, str) and v.startswith(TODO) for v in _flat(values)):
        values["published"] = False
        notes["published"] = f"填好所有“{TODO}”内容后，删除这一行才会发布"
    return values, notes


def _flat(values: Any) -> Any:
    if isinstance(values, dict):
        for v in values.values():
            yield from _flat(v)
    else:
        yield values


def commented_template(kind: Kind, record_id: str, title: str, date: str, info: ProjectInfo) -> str:
    """The full text of a new record file: every field explained, required ones filled."""
    values, notes = _sample_values(kind, title, date, info)
    header = [
        f"# {kind.label}：data/{kind.folder}/{record_id}.yml → 网址 /{kind.folder}/{record_id}/",
        "# 文件名就是这条记录的编号和网址，网址发出后请不要再改文件名。",
        "# 以“#”开头的行是说明，不会生效。要填写某个可选字段，删除它行首的“# ”（注意保留缩进）。",
        f"# 标有{SAMPLE}或{TODO}的内容请改为实际内容。改完后运行 showcase check 检查；",
        "# 各字段的详细说明见 guide/编辑指南.md。",
        "",
    ]
    body = template_lines(kind.fields, values, notes, info.describing(record_id), "", "")
    return "\n".join(header + body) + "\n"


@dataclass(frozen=True)
class Created:
    path: Path
    record_id: str
    url: str
    placeholders: tuple[str, ...]  # field labels still to fill
    unpublished: bool


def create_record(
    root: Path, kind: Kind, title: str, record_id: str | None = None, date: str | None = None
) -> Created:
    """Write ``data/<folder>/<id>.yml`` from the commented template; raise ScaffoldError on refusal."""
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError(f"请用 --{'name' if kind is ENTREPRENEUR else 'title'} 写出{kind.label}的{_title_label(kind)}")
    data = root / "data"
    if not data.is_dir():
        raise ScaffoldError("找不到 data/ 文件夹：请在项目根目录（mkdocs.yml 所在的文件夹）运行命令，或用 --root 指定")
    if date is None:
        year = title_year(title) if kind is not ENTREPRENEUR else None
        date = str(year) if year is not None else _dt.date.today().isoformat()
    else:
        parsed = parse_date(date)
        if isinstance(parsed, str):
            raise ScaffoldError(f"日期“{date}”无效（{parsed}），请写成 2022-05-01、2022-05 或 2022")
        date = parsed.iso
    info = ProjectInfo.read(root)
    if record_id is None:
        record_id = derive_id(kind, title, date)
    else:
        record_id = record_id.strip()
        if record_id.lower().endswith((".yml", ".yaml")):
            record_id = record_id.rsplit(".", 1)[0]
        if reason := id_problem(record_id):
            raise ScaffoldError(reason)
    folder = data / kind.folder
    existing = existing_files(folder).get(record_id.lower())
    if existing is not None:
        rel = existing.relative_to(root).as_posix()
        raise ScaffoldError(
            f"编号“{record_id}”已被 {rel} 使用（编号不区分大小写）。"
            f"要修改那条记录请直接编辑该文件；要新建另一条记录，请用 --id 指定一个不同的编号，"
            f"例如 {unique_id(record_id, set(existing_files(folder)))}"
        )
    text = commented_template(kind, record_id, title, date, info)
    path = folder / f"{record_id}.yml"
    try:
        write_text(path, text)
    except OSError as exc:
        raise ScaffoldError(f"无法写入 {path.relative_to(root).as_posix()}（{exc.strerror or exc}）") from None
    values, _ = _sample_values(kind, title, date, info)
    placeholders = tuple(
        f.label for f in kind.fields if any(isinstance(v, str) and v.startswith(TODO) for v in _flat(values.get(f.name)))
    )
    return Created(path, record_id, f"/{kind.folder}/{record_id}/", placeholders, values.get("published") is False)


def _title_label(kind: Kind) -> str:
    f = kind.field(kind.title_field)
    return f.label if f else "标题"
