"""Personal numbers as a reader sees them: ID card numbers and mobile numbers in any disguise.

An editor pastes a number the way people write it: with the Chinese input method's
full-width digits, ``+86`` or ``0086`` in front, in groups (``138 1234 5678``,
``370602 19900101 123X``), with dots, dashes of every width, parentheses, ideographic or
zero-width spaces, soft hyphens, split by a line break or by Markdown emphasis. A reader
still reads the number, so the check must too:

1. :func:`reader_text` turns what is published into what a person reads: HTML loses its
   tags (inline ones without a trace, block ones as a line break) and keeps its attribute
   values (alt, title, aria-label…), character references are decoded, JSON is decoded;
2. :func:`normalize` folds the text (NFKC: full-width → ASCII), removes invisible characters
   and maps every dash to ``-``;
3. :func:`find_numbers` reads runs of digits joined by short runs of separators, and checks
   every span of consecutive digit groups: 11 digits ``1[3-9]…`` (after an optional
   86 / 0086 prefix) is a mobile number; 18 characters with a valid GB 11643 check digit and
   birth date, or 15 digits with a valid birth date, is an ID number.

Numbers the unit declares public (its contact phone) are allowed. This module knows
nothing of MkDocs.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
             "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
             "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"),
    None,
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\u30fc\uff70"), "-")
# Between two digits a reader skips up to three of these: spaces and line breaks, dashes,
# dots, parentheses, slashes, Markdown emphasis marks left in plain text. Not commas: 13,800,000
# is an amount. The boundary of a block element (a table cell, a paragraph) is not skipped.
_SEPARATORS = r"[^\S\x00]|[\-.·•()\[\]/*_~]"
_BLOCK = "\x00"
_RUN = re.compile(rf"\+?[0-9](?:{_SEPARATORS}{{0,3}}[0-9])*(?:{_SEPARATORS}{{0,3}}[Xx])?")
_GROUP = re.compile(r"[0-9]+[Xx]?")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"1[3-9][0-9]{9}")

_INLINE_TAGS = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s>=/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTRIBUTE = re.compile(r"""([^\s>=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Attributes whose values are machine data, not text for a reader (checked as links elsewhere).
_MACHINE_ATTRIBUTES = frozenset({"class", "id", "style", "d", "viewbox", "points", "transform", "width", "height",
                                 "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "fill", "stroke",
                                 "stroke-width", "integrity", "sizes", "srcset", "src", "rel", "type", "media",
                                 "loading", "decoding", "tabindex", "for", "lang", "dir", "role", "data-md-component",
                                 "xmlns", "version", "shape-rendering", "preserveaspectratio", "charset"})


@dataclass(frozen=True)
class Found:
    kind: str  # "id-number" or "mobile"
    masked: str  # the number with its middle digits hidden, for messages


def normalize(text: str) -> str:
    """Fold what looks the same to a reader: full-width forms, invisible characters, dashes."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_DASHES)


def digits_only(text: str) -> str:
    return re.sub(r"[^0-9]", "", normalize(text))


def valid_birth_date(yyyymmdd: str) -> bool:
    try:
        day = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return datetime.date(1900, 1, 1) <= day <= datetime.date(2100, 1, 1)


def valid_id_number(number: str) -> bool:
    """An 18-character resident ID number with a valid GB 11643 check digit and birth date,
    or a 15-digit first-generation one with a valid birth date."""
    if len(number) == 18 and number[:17].isdigit():
        total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=False))
        return _ID_CHECK[total % 11] == number[17].upper() and valid_birth_date(number[6:14])
    if len(number) == 15 and number.isdigit():
        return number[0] in "12345678" and valid_birth_date("19" + number[6:12])
    return False


def mask(number: str) -> str:
    return number[:3] + "*" * max(0, len(number) - 7) + number[-4:]


def _spans(groups: list[str]) -> Iterator[str]:
    """Every concatenation of consecutive digit groups that could be one number."""
    for start in range(len(groups)):
        joined = ""
        for end in range(start, len(groups)):
            joined += groups[end]
            if len(joined) > 20:
                break
            yield joined


def _classify(number: str) -> str | None:
    if number[-1:] in "Xx":
        return "id-number" if valid_id_number(number) else None
    if len(number) in (15, 18) and valid_id_number(number):
        return "id-number"
    for prefix in ("", "86", "0086"):
        if number.startswith(prefix) and len(number) == 11 + len(prefix) and _MOBILE.fullmatch(number[len(prefix):]):
            return "mobile"
    return None


def find_numbers(text: str, allowed: Iterable[str] = ()) -> list[Found]:
    """Personal numbers in ``text`` (already what a reader sees), except the ``allowed`` ones."""
    permitted = {digits_only(a) for a in allowed if a}
    permitted |= {p[2:] for p in permitted if p.startswith("86")} | {p[4:] for p in permitted if p.startswith("0086")}
    found: list[Found] = []
    text = normalize(text)
    for run in _RUN.finditer(text):
        groups = _GROUP.findall(run.group())
        if sum(len(g) for g in groups) < 11:
            continue
        for number in _spans(groups):
            kind = _classify(number)
            if kind is None:
                continue
            plain = number.upper()
            bare = plain[-11:] if kind == "mobile" else plain
            if bare in permitted or plain in permitted:
                continue
            found.append(Found(kind, mask(bare)))
    return list(dict.fromkeys(found))


def html_text(markup: str) -> str:
    """What a reader of an HTML page (or fragment) sees and hears: text without tags (inline
    tags leave nothing, others a line break), character references decoded, and the values of
    text attributes (alt, title, aria-label, content…) each on a line of its own."""
    markup = _COMMENT.sub("", markup)
    attributes: list[str] = []

    def tag(match: re.Match[str]) -> str:
        for name, a, b, c in _ATTRIBUTE.findall(match.group(3) or ""):
            value = a or b or c
            if value and name.lower() not in _MACHINE_ATTRIBUTES:
                attributes.append(html.unescape(value))
        return "" if match.group(2).lower() in _INLINE_TAGS else _BLOCK

    text = html.unescape(_TAG.sub(tag, markup))
    return text + _BLOCK + _BLOCK.join(attributes)


def json_text(data: str) -> str:
    """Every string in a JSON document, decoded, as a reader of each would see it."""
    try:
        value = json.loads(data)
    except ValueError:
        return data
    parts: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            parts.append(html_text(item) if "<" in item or "&" in item else item)
        elif isinstance(item, dict):
            for key, child in item.items():
                parts.append(str(key))
                walk(child)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif item is not None:
            parts.append(str(item))

    walk(value)
    return "\n".join(parts)


def reader_text(name: str, text: str) -> str:
    """The text a reader gets from a published file, by its type. A file of the search index
    (a script ``__sx(name, data)``, see :mod:`showcase.output.searchindex`) is read as its
    JSON data."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in ("html", "htm", "svg", "xml"):
        return html_text(text)
    if suffix in ("json", "webmanifest"):
        return json_text(text)
    if suffix == "js" and text.startswith("__sx("):
        start, end = text.find(",") + 1, text.rstrip().rfind(")")
        return json_text(text[start:end]) if 0 < start <= end else text
    return text
