"""New record files for editors: ids from Chinese titles, clean YAML, commented templates.

Used by ``showcase new`` (one commented file per record) and by :mod:`showcase.importer`
(one clean file per spreadsheet row). Everything an editor reads here — field labels,
help, choices — comes from :mod:`showcase.schema`, so new fields show up by themselves.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import schema, vocab
from .schema import Field, Kind
from .validate import ID_RE, parse_date

# Kinds that `showcase new` and `showcase import` create (figures are written by hand).
EDITABLE_KINDS: tuple[Kind, ...] = (schema.EVENT, schema.HONOR, schema.ENTREPRENEUR)


class ScaffoldError(Exception):
    """A refusal explained to the editor in Chinese (exit code 1, nothing written)."""


def kind_from_word(word: str, kinds: tuple[Kind, ...] = EDITABLE_KINDS) -> Kind | None:
    """``event``, ``events`` or ``活动`` (any case) → the kind; None if unknown."""
    key = word.strip().lower()
    for kind in kinds:
        if key in (kind.name, kind.folder, kind.label):
            return kind
    return None


# =====================================================================================
# Ids from Chinese titles and names (pinyin)
# =====================================================================================

MAX_SLUG_CHARS = 40  # the part after the year: long titles keep their first words
MAX_SLUG_WORDS = 5

_CJK_OR_ALNUM = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Two-character surnames, and surnames read differently from the everyday character.
_DOUBLE_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "闻人", "万俟",
)
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha",
    "翟": "zhai", "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "尉": "yu", "秘": "bi",
    "种": "chong", "牟": "mou", "员": "yun", "召": "shao", "繁": "po", "黑": "he", "长孙": "zhangsun",
    "尉迟": "yuchi", "万俟": "moqi", "重": "chong", "宁": "ning", "纪": "ji", "任": "ren", "华": "hua",
}


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # imported late: `showcase check` does not need it

    out = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars])
    return [re.sub(r"[^a-z]", "", s.lower().replace("ü", "v")) for s in out]


# Words common in this kind of site that pypinyin's phrase list (which holds only phrases
# with ambiguous readings) lacks; they keep ids like 2022-xinshengdai-qiyejia readable.
_DOMAIN_TEXT = """
    民营 企业 培训 党建 工程 商会 活动 会议 座谈 交流 服务 平台 政策 宣讲 调研 走访 教育 学习 红色 理想
    信念 文明 创建 单位 表彰 评选 优秀 先进 集体 个人 抗疫 疫情 防控 捐款 捐物 公益 慈善 帮扶 结对 乡村
    振兴 脱贫 攻坚 招商 引资 人才 科技 金融 法律 知识 产权 融资 商务 经济 发展 建设 工作 专题 主题 专项
    能力 提升 讲堂 论坛 大会 年会 年度 全国 全省 全市 示例 基地 中心 联盟 机制 制度 规范 改革 方案 通报
    表扬 荣誉 称号 先进 模范 扶贫 救灾 防汛 义诊 助学 捐赠 志愿 共建 联建 联谊 考察 对接 签约 项目 投资
    企业家 新生代 工商联 培训班 座谈会 推介会 交流会 研讨会 表彰会 党支部 党组织 志愿者 新时代 服务站
    服务队 示范区 博士团 委员会 执委会 文明单位 乡村振兴 脱贫攻坚 疫情防控 双招双引 理想信念 民营企业
    知识产权 党史学习 主题教育 专题会议 光彩事业 建设者
"""
_DOMAIN_WORDS = frozenset(_DOMAIN_TEXT.split())
_MAX_WORD = 4


def _lexicon() -> frozenset[str]:
    global _LEXICON
    if _LEXICON is None:
        from pypinyin.constants import PHRASES_DICT

        _LEXICON = frozenset(w for w in PHRASES_DICT if 2 <= len(w) <= _MAX_WORD) | _DOMAIN_WORDS
    return _LEXICON


_LEXICON: frozenset[str] | None = None


def _segment(run: str) -> list[str]:
    """Reverse maximum matching against the lexicon; unknown characters are paired up."""
    lexicon = _lexicon()
    pieces: list[str] = []
    end = len(run)
    while end > 0:
        for size in range(min(_MAX_WORD, end), 1, -1):
            if run[end - size : end] in lexicon:
                pieces.append(run[end - size : end])
                end -= size
                break
        else:
            pieces.append(run[end - 1])
            end -= 1
    pieces.reverse()
    words: list[str] = []
    singles = ""
    for piece in [*pieces, ""]:
        if len(piece) == 1:
            singles += piece
            continue
        if len(singles) == 1 and words:  # a lone character after a word is mostly a suffix: 建设者, 服务站
            words[-1] += singles
            singles = ""
        while singles:  # pairs; an odd last character joins the pair before it
            take = 3 if len(singles) == 3 else 2
            words.append(singles[:take])
            singles = singles[take:]
        if piece:
            words.append(piece)
    return words


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    words: list[str] = []
    for match in _CJK_OR_ALNUM.finditer(text):
        chunk = match.group()
        if _CJK.match(chunk):
            syllables = _syllables(chunk)  # the whole chunk at once: readings depend on context
            start = 0
            for word in _segment(chunk):
                words.append("".join(syllables[start : start + len(word)]))
                start += len(word)
        else:
            words.append(chunk.lower())
    return [w for w in words if w]


def _truncate(words: list[str]) -> str:
    kept: list[str] = []
    for word in words:
        candidate = "-".join([*kept, word])
        if kept and (len(candidate) > MAX_SLUG_CHARS or len(kept) >= MAX_SLUG_WORDS):
            break
        kept.append(word)
    return "-".join(kept)[:MAX_SLUG_CHARS].strip("-")


def slugify(text: str) -> str:
    """``新生代企业家“薪火”培训`` → ``xinsheng-daiqi-yejia-xinhuo-peixun``; '' when nothing is left."""
    return _truncate(_words(text))


def person_slug(name: str) -> str:
    """``张示国`` → ``zhang-shiguo``: surname, hyphen, given name (as in the example data)."""
    clean = "".join(unicodedata.normalize("NFKC", name).split()).replace("·", "").replace("•", "")
    if not (2 <= len(clean) <= 4) or not all(_CJK.match(ch) for ch in clean):
        return slugify(name)
    split = 2 if clean[:2] in _DOUBLE_SURNAMES and len(clean) > 2 else 1
    surname, given = clean[:split], clean[split:]
    syllables = _syllables(clean)
    family = _SURNAME_READINGS.get(surname) or "".join(syllables[:split])
    return "-".join(p for p in (family, "".join(syllables[split:])) if p) or slugify(given)


def _year(date_text: str | None) -> int | None:
    if not date_text:
        return None
    parsed = parse_date(str(date_text))
    return None if isinstance(parsed, str) else parsed.year


def derive_id(kind: Kind, title: str, date_text: str | None = None) -> str:
    """A valid id for a new record: ``2022-xinhuo-peixun`` (events, honors) or ``zhang-san``.

    Events and honors start with the year of their date, as in the example data; an empty
    result (a title without letters) becomes the kind's name, e.g. ``2022-event``.
    """
    if kind is schema.ENTREPRENEUR:
        return person_slug(title) or kind.name
    year = _year(date_text)
    text = title
    if year is not None:  # 2022年度… with date 2022: don't say the year twice
        text = re.sub(rf"^\s*{year}\s*年度?", "", unicodedata.normalize("NFKC", title))
    slug = slugify(text) or kind.name
    return f"{year}-{slug}" if year is not None else slug


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3``…, whichever is not in ``taken`` (lower case)."""
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def suggest_id(text: str) -> str:
    """A valid id close to what the editor wrote (lower case, hyphens, pinyin for Chinese)."""
    if _CJK.search(text):
        return slugify(re.sub(r"^\s*(\d{4})\s*年度?", r"\1 ", unicodedata.normalize("NFKC", text)))
    lowered = unicodedata.normalize("NFKC", text).lower()
    lowered = re.sub(r"[^a-z0-9]+", "-", lowered)
    return lowered.strip("-")


def id_problem(record_id: str) -> str | None:
    """None for a valid id; otherwise why not, with a suggestion (Chinese)."""
    if ID_RE.match(record_id):
        return None
    suggestion = suggest_id(record_id)
    hint = f"，例如 {suggestion}" if suggestion and ID_RE.match(suggestion) else "，例如 2022-xinhuo-peixun"
    return (
        f"编号“{record_id}”无效：编号就是文件名和网址，只能用小写字母、数字和连字符（-），"
        f"不能有空格和汉字，也不能以连字符开头或结尾{hint}"
    )


def existing_files(folder: Path) -> dict[str, Path]:
    """Lower-case id → file for every record file under ``folder`` (as the loader sees them)."""
    found: dict[str, Path] = {}
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".yml", ".yaml") and path.is_file():
                found.setdefault(path.stem.lower(), path)
    return found


# =====================================================================================
# Clean YAML
# =====================================================================================

_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`~ \t")
_ESCAPE_ALWAYS = {"\x85", "\u2028", "\u2029", "\ufeff"}  # YAML line breaks / BOM: never raw
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _printable(ch: str) -> bool:
    return ch not in _ESCAPE_ALWAYS and bool(_PRINTABLE.match(ch))


def quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``text``."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _printable(ch):
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_BAD_START:
        return False
    if not all(_printable(ch) for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in text for ch in ",[]{}:#?&*!|>'\"%@`"):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def scalar(text: str, *, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    return text if _plain_ok(text, flow) else quoted(text)


def _block_ok(text: str) -> bool:
    return "\n" in text and all(ch == "\n" or ch == "\t" or _printable(ch) for ch in text) and text == text.strip()


def _text_lines(spec: Field | None, key: str, value: str, pad: str) -> list[str]:
    t = spec.type if spec else schema.TEXT
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if t in (schema.MARKDOWN, schema.LONGTEXT):
        value = "\n".join(line.rstrip() for line in value.strip().split("\n"))
        if _block_ok(value):
            return [f"{pad}{key}: |"] + [f"{pad}  {line}" if line else "" for line in value.split("\n")]
    if t == schema.DATE:
        return [f"{pad}{key}: {quoted(value)}"]
    if t in (schema.QUANTITY, schema.INT, schema.NUMBER):
        return [f"{pad}{key}: {value if _NUMBER.match(value) else quoted(value)}"]
    return [f"{pad}{key}: {scalar(value)}"]


def field_lines(spec: Field | None, key: str, value: object, pad: str = "") -> list[str]:
    """YAML lines for ``key: value``; ``value`` is text, a bool, a number, a list or a dict."""
    sub_fields = spec.fields if spec else ()
    if isinstance(value, dict):
        return [f"{pad}{key}:"] + mapping_lines(sub_fields, value, pad + "  ")
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], dict):
        out = [f"{pad}{key}:"]
        for item in value:
            inner = mapping_lines(sub_fields, item, pad + "    ")
            inner[0] = f"{pad}  - " + inner[0][len(pad) + 4 :]
            out.extend(inner)
        return out
    if isinstance(value, (list, tuple)):
        return [f"{pad}{key}: [" + ", ".join(scalar(str(v), flow=True) for v in value) + "]"]
    if isinstance(value, bool):
        return [f"{pad}{key}: {'true' if value else 'false'}"]
    if isinstance(value, (int, float)):
        return [f"{pad}{key}: {value}"]
    return _text_lines(spec, key, str(value), pad)


def mapping_lines(fields: tuple[Field, ...], values: dict, pad: str = "") -> list[str]:
    """Lines for a mapping, keys in schema order (unknown keys last, as given)."""
    order = [f.name for f in fields if f.name in values] + [k for k in values if k not in {f.name for f in fields}]
    specs = {f.name: f for f in fields}
    lines: list[str] = []
    for key in order:
        lines.extend(field_lines(specs.get(key), key, values[key], pad))
    return lines


def dump_record(kind: Kind, values: dict) -> str:
    """Clean YAML for one record (no comments), fields in schema order."""
    return "\n".join(mapping_lines(kind.fields, values)) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 with LF line ends through a temporary file, so a crash leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


# =====================================================================================
# What the project already has (read leniently: a broken file must not stop a command)
# =====================================================================================


@dataclass
class ProjectInfo:
    unit_name: str | None = None
    areas: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    people: dict[str, list[str]] = field(default_factory=dict)  # name → ids
    ids: dict[str, list[str]] = field(default_factory=dict)  # folder → existing ids, sorted

    @classmethod
    def read(cls, root: Path) -> ProjectInfo:
        info = cls()
        data = root / "data"
        site = _safe_yaml(data / "site.yml")
        if isinstance(site, dict):
            unit = site.get("unit")
            if isinstance(unit, dict) and isinstance(unit.get("name"), str):
                info.unit_name = unit["name"]
            for area in site.get("areas") or ():
                if isinstance(area, dict) and area.get("id") is not None:
                    info.areas.append((str(area["id"]), str(area.get("title") or "")))
        for kind in getattr(schema, "DATA_KINDS", schema.RECORD_KINDS):
            found = existing_files(data / kind.folder)
            info.ids[kind.folder] = sorted(path.stem for key, path in found.items() if ID_RE.match(path.stem))
        for path in existing_files(data / schema.ENTREPRENEUR.folder).values():
            person = _safe_yaml(path)
            if isinstance(person, dict) and isinstance(person.get("name"), str):
                info.people.setdefault(" ".join(person["name"].split()), []).append(path.stem)
        return info


def _safe_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


# =====================================================================================
# Commented templates (`showcase new`)
# =====================================================================================

TODO = "【待填写】"
SAMPLE = "【示例值】"

# Example values shown (commented out) for optional fields; unknown fields get one by type.
_EXAMPLES: dict[str, object] = {
    "end_date": "2022-05-03",
    "location": "示例市会展中心",
    "summary": "一两句话概括，显示在列表和卡片上。",
    # One line only: a commented-out blank line inside a block would end the block when uncommented.
    "body": "第一段文字，可以使用 **加粗** 和 [链接](https://example.org/)。\n要分段时空一行，每行开头保留两个空格。",
    "biography": "第一段文字，可以使用 **加粗** 和 [链接](https://example.org/)。\n要分段时空一行，每行开头保留两个空格。",
    "sessions": "3",
    "participants": "**",
    "count": "**",
    "tags": ["培训", "党建"],
    "published": False,
    "private": {"note": "内部备注，不会出现在网站上"},
    "company": "示例科技有限公司",
    "position": "董事长",
    "industry": "新能源",
    "region": "示例市芝罘区",
    "quote": "企业家的一段话。",
    "document_number": "示政字〔2022〕1号",
    "awarding_body": "示例市人民政府",
    "level": "市级",
    "links": [{"title": "新闻报道", "url": "https://example.org/news/1"}],
    "consent": {"date": "2022-06-01", "scope": "同意公开姓名、照片、企业信息和事迹"},
}


# Fields that are only written in a particular situation (withdrawing consent, after a
# rename): their example is shown as “例如：…” help, never as a line to uncomment.
_SITUATIONAL = {"withdrawn", "former_ids"}
_SITUATIONAL_EXAMPLES: dict[str, object] = {"former_ids": ["2022-yuan-bianhao"], "withdrawn": "2023-06-01"}


class _NoExample:
    """An example that would not validate in this project (e.g. no record to refer to yet)."""

    def __init__(self, value: object) -> None:
        self.value = value


def _ref_folder(spec: Field) -> str | None:
    kinds = {k.name: k.folder for k in getattr(schema, "DATA_KINDS", schema.RECORD_KINDS)}
    return kinds.get(spec.ref or "")


def _example(spec: Field, record_id: str, info: ProjectInfo) -> object:
    """A value that validates in this project, or a _NoExample to show as help only."""
    if spec.name in _SITUATIONAL:
        return _NoExample(_SITUATIONAL_EXAMPLES.get(spec.name) or _generic_example(spec, record_id, info))
    t = spec.type
    folder = _ref_folder(spec)
    if t in (schema.REF, schema.REF_LIST) and folder is not None:
        ids = [i for i in info.ids.get(folder, []) if i != record_id]
        fallback = _EXAMPLES.get(spec.name) or (["zhang-san", "li-si"] if spec.ref == "entrepreneur" else None)
        if spec.ref == "entrepreneur" and not info.ids:  # no project to look at: the documented names
            return fallback
        if not ids:
            return _NoExample(fallback or (["bianhao"] if t == schema.REF_LIST else "bianhao"))
        return ids[:2] if t == schema.REF_LIST else ids[0]
    if spec.name in _EXAMPLES:
        return _EXAMPLES[spec.name]
    return _generic_example(spec, record_id, info)


def _generic_example(spec: Field, record_id: str, info: ProjectInfo) -> object:
    t = spec.type
    if spec.name == "area" or spec.ref == "area":
        return info.areas[0][0] if info.areas else "zhengzhi-jianhui"
    if t == schema.IMAGE:
        suffix = "" if spec.name == "photo" else f"-{spec.name}"
        return {"src": f"photos/{record_id}{suffix}.jpg", "alt": "用一句话说明图片内容", "caption": "显示在图片下方的说明"}
    if t == schema.IMAGE_LIST:
        return [{"src": f"photos/{record_id}-1.jpg", "alt": "用一句话说明照片内容", "caption": "显示在照片下方的说明"}]
    if t == schema.DATE:
        return "2022-05-01"
    if t in (schema.QUANTITY, schema.INT, schema.NUMBER):
        return "10"
    if t == schema.BOOL:
        return spec.default if isinstance(spec.default, bool) else False
    if t == schema.CHOICE:
        return spec.choices[0].label
    if t == schema.REF:
        return "zhang-san"
    if t == schema.REF_LIST:
        return ["zhang-san"]
    if t == schema.TAGS:
        return ["标签"]
    if t == schema.URL:
        return "https://example.org/"
    if t == schema.SOURCE:
        return "events/2022-xinhuo-peixun"
    if t == schema.OBJECT:
        return {sub.name: _example(sub, record_id, info) for sub in spec.fields}
    if t == schema.LIST:
        return [{sub.name: _example(sub, record_id, info) for sub in spec.fields}]
    if t == schema.REF_LIST:
        return ["bianhao"]
    if t == schema.PRIVATE:
        return {"note": "内部备注"}
    return spec.label


def field_comment(spec: Field, info: ProjectInfo | None = None) -> list[str]:
    """Chinese help for one field: label, required, help, choices."""
    head = f"{spec.label}（必填）" if spec.required else spec.label
    lines = [f"{head}：{spec.help}" if spec.help else head]
    if spec.type == schema.CHOICE:
        lines.append("可选：" + "、".join(term.label for term in spec.choices))
    if spec.ref == "area" and info and info.areas:
        lines.append("可选：" + "、".join(f"{aid}（{title}）" for aid, title in info.areas))
    return lines


def _template_lines(
    fields: tuple[Field, ...], filled: dict, notes: dict[str, str], record_id: str, info: ProjectInfo, pad: str, prefix: str
) -> list[str]:
    """Fields in schema order: help comments, then the value or a commented-out example."""
    out: list[str] = []
    for spec in fields:
        path = prefix + spec.name
        if out and not pad:
            out.append("")
        out.extend(f"{pad}# {line}" for line in field_comment(spec, info))
        if path in notes:
            out.append(f"{pad}# {notes[path]}")
        if spec.name in filled and spec.type == schema.OBJECT:
            out.append(f"{pad}{spec.name}:")
            out.extend(_template_lines(spec.fields, filled[spec.name], notes, record_id, info, pad + "  ", path + "."))
        elif spec.name in filled:
            out.extend(field_lines(spec, spec.name, filled[spec.name], pad))
        elif pad:  # an optional sub-field of a filled object (recipient.entrepreneur): help only
            shown = _example(spec, record_id, info)
            shown = shown.value if isinstance(shown, _NoExample) else shown
            out.extend(f"{pad}# 例如：{line[len(pad):]}" for line in field_lines(spec, spec.name, shown, pad))
        else:
            example = _example(spec, record_id, info)
            if isinstance(example, _NoExample):
                out.extend(f"{pad}# 例如：{line[len(pad):]}" for line in field_lines(spec, spec.name, example.value, pad))
                continue
            if spec.type in (schema.OBJECT, schema.IMAGE, schema.LIST, schema.IMAGE_LIST):
                lines = [f"{pad}{spec.name}:"] + _commented_children(spec, example, pad)
            else:
                lines = field_lines(spec, spec.name, example, pad)
            out.extend(f"{pad}# {line[len(pad):]}".rstrip() for line in lines)
    return out


def _commented_children(spec: Field, example: object, pad: str) -> list[str]:
    """Nested example lines with each sub-field's help as an (indented) comment."""
    items = example if isinstance(example, list) else [example]
    out: list[str] = []
    for item in items:
        inner: list[str] = []
        for sub in spec.fields:
            inner.extend(f"{pad}    # {line}" for line in field_comment(sub))
            value = item[sub.name] if sub.name in item else _example(sub, "", ProjectInfo())
            if not isinstance(value, _NoExample):
                inner.extend(field_lines(sub, sub.name, value, pad + "    "))
            else:  # help only, still a comment when the block is uncommented (e.g. consent.withdrawn)
                lines = field_lines(sub, sub.name, value.value, pad + "    ")
                inner.extend(f"{pad}    # 例如：{line.strip()}" for line in lines)
        if isinstance(example, list):
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = f"{pad}  - " + inner[first][len(pad) + 4 :]
            inner[:first] = [f"{pad}  " + line.lstrip() for line in inner[:first]]  # help above “- ”
            out.extend(inner)
        else:
            out.extend(line[2:] if line.startswith(pad + "  ") else line for line in inner)
    return out


def _sample_values(kind: Kind, title: str, date: str, info: ProjectInfo) -> tuple[dict, dict[str, str]]:
    """Values for the required fields of a new record, and a note on each sample/placeholder."""
    today = "今天的日期" if date == _dt.date.today().isoformat() else "给定的日期"
    values: dict = {kind.title_field: title}
    notes: dict[str, str] = {}
    if kind is schema.EVENT:
        values["date"] = date
        notes["date"] = f"{SAMPLE}已填{today}，请改为活动的实际日期"
        values["category"] = vocab.EVENT_CATEGORIES[0].label
        notes["category"] = f"{SAMPLE}请改为实际类别（可选值见上）"
    elif kind is schema.HONOR:
        values["level"] = "市级"
        notes["level"] = f"{SAMPLE}请改为实际级别"
        values["awarding_body"] = f"{TODO}授予单位"
        values["date"] = date
        notes["date"] = f"{SAMPLE}已填{today}，请改为授予日期"
        values["recipient"] = {"type": "本单位", "name": info.unit_name or f"{TODO}获得者名称"}
        notes["recipient"] = f"{SAMPLE}已填本单位，获得者是商会、企业或企业家时请修改"
    elif kind is schema.ENTREPRENEUR:
        values["company"] = f"{TODO}企业全称"
        values["summary"] = f"{TODO}一句话简介"
    if kind is schema.ENTREPRENEUR:
        values["published"] = False
        notes["published"] = "新建的企业家资料先不发布：取得本人同意并填写上面的 consent 后，删除这一行才会发布"
    elif any(isinstance(v, str) and v.startswith(TODO) for v in _flat(values)):
        values["published"] = False
        notes["published"] = f"填好所有“{TODO}”内容后，删除这一行才会发布"
    return values, notes


def _flat(values: object):
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
    body = _template_lines(kind.fields, values, notes, record_id, info, "", "")
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
        raise ScaffoldError(f"请用 --{'name' if kind is schema.ENTREPRENEUR else 'title'} 写出{kind.label}的{_title_label(kind)}")
    data = root / "data"
    if not data.is_dir():
        raise ScaffoldError("找不到 data/ 文件夹：请在项目根目录（mkdocs.yml 所在的文件夹）运行命令，或用 --root 指定")
    if date is None:
        date = _dt.date.today().isoformat()
    else:
        parsed = parse_date(date)
        if isinstance(parsed, str):
            raise ScaffoldError(f"日期“{date}”无效（{parsed}），请写成 2022-05-01、2022-05 或 2022")
        date = parsed.iso
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
    info = ProjectInfo.read(root)
    text = commented_template(kind, record_id, title, date, info)
    path = folder / f"{record_id}.yml"
    write_text(path, text)
    values, _ = _sample_values(kind, title, date, info)
    placeholders = tuple(
        spec.label for spec in kind.fields if any(isinstance(v, str) and v.startswith(TODO) for v in _flat(values.get(spec.name)))
    )
    return Created(path, record_id, f"/{kind.folder}/{record_id}/", placeholders, values.get("published") is False)


def _title_label(kind: Kind) -> str:
    spec = kind.field(kind.title_field)
    return spec.label if spec else "标题"
