"""The unit's search synonyms: ``data/search-synonyms.txt``.

One group of words per line, separated by spaces or 、 (``#`` starts a comment)::

    扶贫 脱贫 脱贫攻坚 帮扶
    抗疫 防疫 疫情防控 抗击疫情

A visitor who searches for one word of a group also finds the pages that use another (ranked
after the pages with the word itself). Without the file the product's default list of this
field (``default-synonyms.txt`` beside this module) is used; an empty file means no synonyms.
The search needs no dictionary: the former ``data/search-words.txt`` (words for jieba) is no
longer read, and a note says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.problems import Problems

SYNONYMS_FILE = "data/search-synonyms.txt"
FORMER_WORDS_FILE = "data/search-words.txt"
DEFAULT_SYNONYMS = Path(__file__).with_name("default-synonyms.txt")
MAX_GROUP = 12
MAX_WORD = 20

_SPLIT = re.compile(r"[\s、，,；;／/]+")
_WORD = re.compile(r"^[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]+$")


def read_synonyms(root: Path, problems: Problems, notes: list[str]) -> list[tuple[str, ...]]:
    """Synonym groups from the project's file; problems (file:line, in Chinese) for lines
    that cannot be a group."""
    if (root / FORMER_WORDS_FILE).is_file():
        notes.append(
            f"{FORMER_WORDS_FILE} 已不再使用：站内搜索不需要分词词典，可以删除这个文件；"
            f"意思相同的词请写在 {SYNONYMS_FILE}（见编辑指南“站内搜索和同义词”）"
        )
    path = root / SYNONYMS_FILE
    if not path.is_file():
        path = DEFAULT_SYNONYMS  # the field's default list (checked by the tests)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(SYNONYMS_FILE, 1, "", "文件不是 UTF-8 编码，请用记事本“另存为”时选择 UTF-8")
        return []
    groups: list[tuple[str, ...]] = []
    first_line: dict[str, int] = {}  # word → line of its group
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        words = [w for w in _SPLIT.split(content) if w]
        group: list[str] = []
        bad = False
        for word in words:
            if not _WORD.match(word):
                problems.add(SYNONYMS_FILE, number, "",
                             f"“{word[:MAX_WORD]}”：词中只能有汉字、字母和数字（不要加引号或其他标点），词与词之间用空格或顿号分开")
                bad = True
            elif len(word) < 2:
                problems.add(SYNONYMS_FILE, number, "", f"“{word}”只有一个字：太短的词会让搜索结果过多，请写两个字以上的词")
                bad = True
            elif len(word) > MAX_WORD:
                problems.add(SYNONYMS_FILE, number, "", f"“{word[:MAX_WORD]}…”太长：每个词最多 {MAX_WORD} 个字")
                bad = True
            elif word.lower() in (w.lower() for w in group):
                problems.add(SYNONYMS_FILE, number, "", f"“{word}”在这一行写了两次，请删去一个")
                bad = True
            elif word.lower() in first_line:
                problems.add(SYNONYMS_FILE, number, "",
                             f"“{word}”已写在第 {first_line[word.lower()]} 行：一个词只能属于一组，请把这两行合并成一行")
                bad = True
            else:
                group.append(word)
        if bad:
            continue
        if len(group) < 2:
            problems.add(SYNONYMS_FILE, number, "", f"这一行只有一个词“{group[0]}”：每行至少写两个意思相同的词，用空格分开")
            continue
        if len(group) > MAX_GROUP:
            problems.add(SYNONYMS_FILE, number, "", f"这一行有 {len(group)} 个词：每组最多 {MAX_GROUP} 个，请分成意思更接近的几组")
            continue
        for word in group:
            first_line[word.lower()] = number
        groups.append(tuple(group))
    return groups
