"""Text rules shared by every layer: ids, URLs, digits, character counts.

Each rule is written once here; the validator, the editors' tools and the output check
all ask these functions.
"""

from __future__ import annotations

import re
import unicodedata

# -- ids: a record's file name, its id and its address -------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)

# Names Windows refuses as file names (with any extension), and names that collide with the
# pages MkDocs writes for a folder: an id or tag like these cannot be a page address.
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
RESERVED_IDS = WINDOWS_DEVICE_NAMES | {"index"}


def id_shape_ok(text: str) -> bool:
    """Lower-case letters, digits and single hyphens inside."""
    return bool(ID_RE.match(text))


def reserved_id_reason(text: str) -> str | None:
    """Why an otherwise well-formed id cannot be used (Chinese), or None."""
    key = text.lower()
    if key == "index":
        return "“index”是网站为每个栏目首页保留的名字，不能用作编号"
    if key in WINDOWS_DEVICE_NAMES:
        return f"“{text}”是 Windows 保留的设备名，用作文件名会在 Windows 上出错"
    return None


def valid_id(text: str) -> bool:
    return id_shape_ok(text) and reserved_id_reason(text) is None


# Marks a value an editor still has to write (new records, new projects).
TODO_MARK = "【待填写】"


# -- links ---------------------------------------------------------------------------------

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_BAD_CHARS = re.compile(r"[\s\\<>\"'`\x00-\x1f\x7f]")


def url_problem(url: str) -> str | None:
    """None for an allowed link; otherwise why it is refused (Chinese)."""
    scheme = SCHEME_RE.match(url)
    if _URL_BAD_CHARS.search(url):
        return "链接中不能有空格、引号、尖括号或反斜杠"
    if scheme:
        if scheme.group(1).lower() not in URL_SCHEMES:
            return f"不允许“{scheme.group(1)}:”开头的链接"
        if scheme.group(1).lower() in ("http", "https") and not re.match(r"^https?://[^/?#]+", url, re.IGNORECASE):
            return "网址不完整，应写成 https://example.org/ 的形式"
        return None
    if url.startswith("//"):
        return "请写出完整网址，以 https:// 开头"
    if ".." in url.split("?")[0].split("/"):
        return "站内链接不能含有“..”"
    return None


def has_scheme(url: str) -> bool:
    return bool(SCHEME_RE.match(url))


# -- digits and counts -----------------------------------------------------------------------

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation (２０２２－０５) become ASCII; Chinese stays."""
    return "".join(unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)


def count_chars(text: str) -> int:
    """字数 as the national rules count it: every character except spaces and line breaks.

    A Chinese character counts 1 (not its 3 bytes in UTF-8), and so does each letter,
    digit and punctuation mark, so a text within the limit here is within it under any
    stricter count too.
    """
    return sum(1 for ch in text if not ch.isspace())
