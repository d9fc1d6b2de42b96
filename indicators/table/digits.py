"""Candidate cuts inside digit runs, offered to the row splitter as choices.

Text exported from PDFs and document-sharing previews glues neighbouring number cells together:
``8550万粒`` is a weight ``8`` and a target ``550万粒``; ``210010`` a target ``2100`` and a weight
``10``; ``1010`` a weight and a score.  Whether a digit run is one number or two depends on the
table's columns, so the cut is not made here: a token is split into pieces joined by the gap
``digit``, which the row splitter may glue back (its ``merge`` weight in ``data/vocab/reader.toml``
is negative: keeping a cut must buy a better row).  Cuts are offered only where the template has a
weight or score column next to a value column, never in a cell the source separated by `|`, a tab
or a row end, and only where the split-off piece reads as a weight
(a whole number of 1 to ``max_weight``, 30 in ``data/vocab/reader.toml``, without a leading zero).

>>> from indicators.table.stream import Token
>>> [t.text for t in digit_cuts([Token("8550万粒", 1, "glue")], ["level3", "weight", "value", "actual"])]
['8', '550万粒']
>>> [t.text for t in digit_cuts([Token("210010", 1, "glue")], ["level3", "value", "weight"])]
['2100', '10']
>>> [t.text for t in digit_cuts([Token("1010", 1, "glue")], ["level3", "value", "weight", "score"])]
['10', '10']
>>> [t.text for t in digit_cuts([Token("2100", 1, "glue")], ["level3", "value", "actual"])]
['2100']
"""
from __future__ import annotations

import re

from .stream import Token

_VALUE_REST = re.compile(r"^[1-9]\d*(?:\.\d+)?\s*(?:%|‰|[^\d\s.%‰]{1,4})?$")
_RUN = re.compile(r"^[1-9]\d*$")
_NUMBERS = ("weight", "score")
# a cell the source separated explicitly (| or tab, a row end) is one cell: "180只" in a pipe table
_REAL_BORDERS = ("sep", "hard")
_VALUES = ("value", "actual")


def _neighbours(roles: list[str]) -> tuple[bool, bool]:
    """(a weight/score column stands right before a value column, one stands right after one),
    reading past description/other columns."""
    core = [r for r in roles if r not in ("description", "other", "reason", "basis", "op", "unit")]
    before = any(a in _NUMBERS and b in _VALUES for a, b in zip(core, core[1:]))
    after = any(a in _VALUES + _NUMBERS and b in _NUMBERS for a, b in zip(core, core[1:]))
    return before, after


def _weightlike(text: str, max_weight: int) -> bool:
    """A plain ASCII number from 1 to ``max_weight`` ("②" is a digit to str.isdigit, not a weight).

    >>> _weightlike("8", 30), _weightlike("②", 30), _weightlike("08", 30)
    (True, False, False)
    """
    return text.isascii() and text.isdigit() and text[0] != "0" and 1 <= int(text) <= max_weight


def cut_options(text: str, before: bool, after: bool, max_weight: int = 30) -> list[str]:
    """The pieces one token is offered as (a single piece when no cut fits).

    >>> cut_options("880%", True, False)
    ['8', '80%']
    >>> cut_options("102370人", True, False)
    ['10', '2370人']
    >>> cut_options("95%", False, True)     # a value with a unit is not a run of digits
    ['95%']
    >>> cut_options("2050", False, True)    # no weight-like tail without a leading zero: 20|50 (50 > 30)
    ['2050']
    """
    if before:
        heads = [k for k in (1, 2) if _weightlike(text[:k], max_weight) and _VALUE_REST.match(text[k:])]
        if heads:   # both "1|550万粒" and "15|50万粒" offered: the row splitter picks
            cuts = [0] + heads + [len(text)]
            return [text[a:b] for a, b in zip(cuts, cuts[1:])]
    if after and _RUN.match(text) and len(text) >= 3:
        half = len(text) // 2
        if len(text) % 2 == 0 and text[:half] == text[half:] and _weightlike(text[:half], max_weight):
            return [text[:half], text[half:]]       # 1010: a weight and its full score
        for k in (2, 1):
            head, tail = text[:-k], text[-k:]
            if _weightlike(tail, max_weight):
                return [head, tail]
    return [text]


def _repeated(tokens: list[Token], k: int) -> bool:
    """The same text right before or after: a target and its actual value ("283只 283只"), whole cells."""
    text = tokens[k].text
    return (k > 0 and tokens[k - 1].text == text) or (k + 1 < len(tokens) and tokens[k + 1].text == text)


def digit_cuts(tokens: list[Token], roles: list[str], max_weight: int | None = None) -> list[Token]:
    """The table's tokens with glued number cells offered as pieces (see module doc); ``max_weight`` defaults to
    ``[row] max_weight`` of ``data/vocab/reader.toml``."""
    from .rows import weights
    max_weight = weights().max_weight if max_weight is None else max_weight
    before, after = _neighbours(roles)
    if not (before or after):
        return tokens
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if not tok.text[:1].isdigit() or tok.gap in _REAL_BORDERS or _repeated(tokens, k):
            out.append(tok)
            continue
        pieces = cut_options(tok.text, before, after, max_weight)
        out.append(Token(pieces[0], tok.line, tok.gap))
        out.extend(Token(p, tok.line, "digit") for p in pieces[1:])
    return out
