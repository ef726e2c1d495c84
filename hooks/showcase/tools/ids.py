"""Ids for new records from Chinese titles and names: words by jieba, pinyin by pypinyin.

An id is the record's file name and its address, so it is made readable
(``2022-xinhuo-peixun``), short (the first few words of a long title) and valid on every
system; the editor may always give one of their own.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from ..core.text import CJK_RE, id_shape_ok, reserved_id_reason
from ..model import ENTREPRENEUR, Kind
from ..schema import parse_date

MAX_SLUG_CHARS = 40  # the part after the year: long titles keep their first words
MAX_SLUG_WORDS = 5

_CJK_OR_ALNUM = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+")
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


class _Segmenter:
    """A jieba tokenizer of our own: ids must not depend on anything else in this process
    having changed jieba's global dictionary."""

    tokenizer: Any = None

    @classmethod
    def cut(cls, text: str) -> list[str]:
        if cls.tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            cls.tokenizer = jieba.Tokenizer()
        words: list[str] = cls.tokenizer.lcut(text)
        return words


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # imported late: `showcase check` does not need it

    out = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars])  # type: ignore[arg-type,return-value]
    return [re.sub(r"[^a-z]", "", s.lower().replace("ü", "v")) for s in out]


def _segment(run: str) -> list[str]:
    """jieba's words of a run of Chinese; a lone character joins the word before it (建设者, 博士团, 另一)."""
    words: list[str] = []
    for word in _Segmenter.cut(run):
        if len(word) == 1 and words:
            words[-1] += word
        else:
            words.append(word)
    return words


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    words: list[str] = []
    for match in _CJK_OR_ALNUM.finditer(text):
        chunk = match.group()
        if CJK_RE.match(chunk):
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
    """``新生代企业家“薪火”培训`` → ``xinshengdai-qiyejia-xinhuo-peixun``; '' when nothing is left."""
    slug = _truncate(_words(text))
    return slug if slug and reserved_id_reason(slug) is None else (f"{slug}-1" if slug else "")


def person_slug(name: str) -> str:
    """``张示国`` → ``zhang-shiguo``: surname, hyphen, given name (as in the example data)."""
    clean = "".join(unicodedata.normalize("NFKC", name).split()).replace("·", "").replace("•", "")
    if not (2 <= len(clean) <= 4) or not all(CJK_RE.match(ch) for ch in clean):
        return slugify(name)
    split = 2 if clean[:2] in _DOUBLE_SURNAMES and len(clean) > 2 else 1
    surname = clean[:split]
    syllables = _syllables(clean)
    family = _SURNAME_READINGS.get(surname) or "".join(syllables[:split])
    return "-".join(p for p in (family, "".join(syllables[split:])) if p) or slugify(clean[split:])


_YEAR_IN_TITLE = re.compile(r"^\s*((?:19|20)\d{2})\s*年度?")


def title_year(title: str) -> int | None:
    """The year a title starts with (``2023年度全省…`` → 2023), if any."""
    match = _YEAR_IN_TITLE.match(unicodedata.normalize("NFKC", title))
    return int(match.group(1)) if match else None


def _year(date_text: str | None) -> int | None:
    if not date_text:
        return None
    parsed = parse_date(str(date_text))
    return None if isinstance(parsed, str) else parsed.year


def derive_id(kind: Kind, title: str, date_text: str | None = None) -> str:
    """A valid id for a new record: ``2022-xinhuo-peixun`` (events, honors) or ``zhang-san``.

    Events and honors start with the year of their date, as in the example data (or the year
    the title starts with when no date is given); an empty result (a title without letters)
    becomes the kind's name, e.g. ``2022-event``.
    """
    if kind is ENTREPRENEUR:
        return person_slug(title) or kind.name
    year = _year(date_text)
    if year is None:
        year = title_year(title)
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
    if CJK_RE.search(text):
        return slugify(re.sub(r"^\s*(\d{4})\s*年度?", r"\1 ", unicodedata.normalize("NFKC", text)))
    lowered = unicodedata.normalize("NFKC", text).lower()
    lowered = re.sub(r"[^a-z0-9]+", "-", lowered)
    return lowered.strip("-")


def id_problem(record_id: str) -> str | None:
    """None for a valid id; otherwise why not, with a suggestion (Chinese)."""
    if id_shape_ok(record_id):
        reason = reserved_id_reason(record_id)
        return f"编号“{record_id}”无效：{reason}，请换一个编号" if reason else None
    suggestion = suggest_id(record_id)
    hint = f"，例如 {suggestion}" if suggestion and id_shape_ok(suggestion) else "，例如 2022-xinhuo-peixun"
    return (
        f"编号“{record_id}”无效：编号就是文件名和网址，只能用小写字母、数字和连字符（-），"
        f"不能有空格和汉字，也不能以连字符开头或结尾{hint}"
    )
