"""The project's search dictionary: domain words jieba must keep whole.

``data/search-words.txt`` holds one word per line (``#`` starts a comment). Without it,
jieba cuts 薪火工程 into 薪火/工程 and 双招双引 into 双招/双引, and a search for the
whole word ranks unrelated pages first (see tests/browser/test_search.py).
"""

from __future__ import annotations

from pathlib import Path

from ..core.problems import Problems

WORDS_FILE = "data/search-words.txt"


def read_words(root: Path, problems: Problems) -> list[str]:
    """Words from the project's dictionary; problems for lines that cannot be words."""
    path = root / WORDS_FILE
    if not path.is_file():
        return []
    words = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(WORDS_FILE, 1, "", "文件不是 UTF-8 编码，请用记事本“另存为”时选择 UTF-8")
        return []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if len(word) > 20 or any(ch.isspace() for ch in word):
            problems.add(WORDS_FILE, number, "", f"“{word[:20]}”不是一个词：每行只写一个词，不含空格，最多 20 个字")
            continue
        words.append(word)
    return words
