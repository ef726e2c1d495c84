"""What Material's search plugin needs from us: our words kept whole, record keywords boosted."""

from __future__ import annotations

import logging

from markupsafe import Markup

from ..model import Record


def teach_jieba(words: list[str]) -> None:
    """Make jieba (which Material's search uses for Chinese) keep each word whole."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is pinned in requirements.txt
        return
    jieba.setLogLevel(logging.WARNING)
    for word in words:
        jieba.add_word(word, freq=jieba.suggest_freq(word, tune=False) + 1)


def search_tags(record: Record) -> list[Markup]:
    """Material's search boosts page "tags" far above text: the fields a person searches by
    (name, company, industry, category, level, awarding body…), escaped for Material's templates."""
    return [Markup.escape(word) for word in record.search_keywords()]
