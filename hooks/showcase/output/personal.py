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
# Between two digits a reader skips up to four of these: spaces and line breaks, dashes,
# dots, parentheses, slashes, Markdown emphasis marks left in plain text. Not commas: 13,800,000
# is an amount. The boundary of a block element (a table cell, a paragraph) is not skipped.
_SEPARATORS = r"(?:[^\S\x00]|[\-.·•()\[\]/*_~])"
_BLOCK = "\x00"
_SEPARATOR_ONLY = re.compile(rf"(?:{_SEPARATORS})*")
_RUN = re.compile(rf"\+?[0-9](?:{_SEPARATORS}{{0,4}}[0-9])*(?:{_SEPARATORS}{{0,4}}[Xx])?")
_GROUP = re.compile(r"[0-9]+[Xx]?")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"1[3-9][0-9]{9}")

_INLINE_TAGS = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Attributes whose values are drawing or layout data, not anything a person reads.
_MACHINE_ATTRIBUTES = frozenset(
    ["d", "points", "viewbox", "transform", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "integrity", "sizes", "srcset", "class", "style", "version", "xmlns"]
)
_DIGIT = re.compile(r"\d")
_MIN_DIGITS = 11  # the shortest number looked for

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
    tags leave nothing, the others end a block), character references decoded, and every
    attribute value (alt, title, aria-label, content, href…) as a block of its own."""
    parts = _TAG.split(_COMMENT.sub("", markup))
    # parts: text, then per tag (slash, name, attributes), then text, and so on
    out: list[str] = [html.unescape(parts[0])]
    attributes: list[str] = []
    for index in range(1, len(parts), 4):
        name, rest, text = parts[index + 1], parts[index + 2], parts[index + 3]
        if rest and "=" in rest:
            attributes.extend(
                html.unescape(a or b)
                for key, a, b in _ATTRIBUTE.findall(rest)
                if key.lower() not in _MACHINE_ATTRIBUTES and (a or b)
            )
        out.append("" if name.lower() in _INLINE_TAGS else _BLOCK)
        out.append(html.unescape(text) if "&" in text else text)
    return "".join(out) + _BLOCK + _BLOCK.join(attributes)


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
    return _BLOCK.join(parts)


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


class NumberScan:
    """Scans the files of one site for personal numbers. A block of text (a table cell, a
    navigation entry…) repeats on every page; each distinct block that could hold a number
    is read once."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = tuple(a for a in allowed if a)
        self.known: dict[str, tuple[Found, ...]] = {}
        self.lines: set[str] = set()  # lines of HTML already read once that no number can run across
        self.open_lines: set[str] = set()  # digitless lines a number could run across (always read)

    def text(self, text: str) -> list[Found]:
        """Numbers in text already as a reader sees it (blocks separated by NUL)."""
        found: list[Found] = []
        for block in text.split(_BLOCK):
            if len(_DIGIT.findall(block)) < _MIN_DIGITS:
                continue
            hits = self.known.get(block)
            if hits is None:
                hits = tuple(find_numbers(block, self.allowed))
                self.known[block] = hits
            found.extend(hits)
        return list(dict.fromkeys(found))

    def file(self, name: str, text: str) -> list[Found]:
        """Numbers in a published file (HTML, SVG, XML, JSON or plain text)."""
        if name.lower().endswith((".html", ".htm")):
            text = self._unseen_lines(text)
        return self.text(reader_text(name, text))

    def _unseen_lines(self, markup: str) -> str:
        """The page without the lines every page repeats (header, navigation, footer), each
        replaced by a block boundary. Only a line a number cannot run across is dropped: one
        without digits that holds a block-level tag or a character no separator rule skips."""
        lines = markup.split("\n")
        for index, line in enumerate(lines):
            if line in self.lines:
                lines[index] = _BLOCK
            elif line in self.open_lines or _DIGIT.search(line) is not None:
                continue
            elif _breaks_runs(line):
                self.lines.add(line)
            else:
                self.open_lines.add(line)
        return "\n".join(lines)


def _breaks_runs(line: str) -> bool:
    """True when no run of digits and separators can continue through this (digitless) line."""
    if any(name.lower() not in _INLINE_TAGS for _, name, _ in _TAG.findall(line)):
        return True
    text = normalize(html.unescape(_TAG.sub("", line)))
    return _SEPARATOR_ONLY.fullmatch(text) is None
