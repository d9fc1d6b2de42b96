"""jieba with the domain user dictionary (``data/vocab/jieba_userdict.txt``): the tokenizer wherever words are needed.

>>> tokens("信访投诉 率下降10%")[:2]
['信访投诉率', '下降']
"""
from __future__ import annotations

import functools
import logging
import re

from indicators.vocab import DATA_DIR

USER_DICT = DATA_DIR / "vocab" / "jieba_userdict.txt"


@functools.lru_cache(maxsize=1)
def jieba_ready():
    """The global jieba, quiet, with the user dictionary loaded (spaCy's jieba segmenter uses it too)."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(USER_DICT))
    return jieba


def tokens(text: str) -> list[str]:
    """Words of text; PDF line-wrap spaces removed first (they change jieba's output)."""
    return list(_tokens(re.sub(r"\s+", "", text or "")))


@functools.lru_cache(maxsize=500_000)
def _tokens(text: str) -> tuple[str, ...]:
    """Cached: indicator names repeat, and families and boilerplate both segment them."""
    return tuple(t for t in jieba_ready().lcut(text) if t.strip())
