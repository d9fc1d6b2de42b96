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

import math
import re

from .stream import COMPARATOR_CHARS, Token
from .words import words

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
    if after and len(text) == 2 and text[0] == text[1] and _weightlike(text[0], max_weight):
        return [text[0], text[1]]   # 22: a weight of 2 and its full score
    if after and _RUN.match(text) and len(text) >= 3:
        half = len(text) // 2
        if len(text) % 2 == 0 and text[:half] == text[half:] and _weightlike(text[:half], max_weight):
            return [text[:half], text[half:]]       # 1010: a weight and its full score
        for k in (2, 1):
            head, tail = text[:-k], text[-k:]
            if _weightlike(tail, max_weight):
                return [head, tail]
    return [text]


_NUMBER_PIECE = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
_LONG_RUN = re.compile(r"^\d[\d.]{4,15}$")
_DATE = re.compile(r"^(?:19|20)\d\d\.\d{1,2}(?:\.\d{1,2})?$")   # 2023.12: a deadline, not numbers
# the columns a run of glued numbers fills, in the template's order (a self-evaluation's 指标值 | 分值 | 完成值 | 得分)
_NUMERIC = ("value", "weight", "actual", "score")


def numeric_columns(roles: list[str]) -> list[str]:
    """The number columns after the 三级 column, in order, past unit/comparator/description columns."""
    after = roles[roles.index("level3") + 1:] if "level3" in roles else roles
    out: list[str] = []
    for r in after:
        if r in _NUMERIC:
            out.append(r)
        elif r not in ("op", "unit", "description", "other", "adjusted", "basis"):
            break
    return out


def _plausible(pieces: list[str], columns: list[str], max_weight: int) -> float | None:
    """How well numbers fill the columns (higher is better), None when they cannot: a weight is a whole
    number from 1 to max_weight, a score from 0 to its weight; an equal weight and score, and a target and
    actual of one size, are likelier."""
    got = dict(zip(columns, pieces))
    w, sc = got.get("weight"), got.get("score")
    if w is not None and not _weightlike(w, max_weight):
        return None
    if sc is not None and (float(sc) > (float(w) if w is not None else max_weight)):
        return None
    score = 0.0
    if w is not None and sc is not None and float(w) == float(sc):
        score += 1.0
    v, a = got.get("value"), got.get("actual")
    if v is not None and a is not None:   # a target and its actual are of one size (90 and 100, not 9010 and 0)
        fv, fa = float(v), float(a)
        if fv > 0 and fa > 0:
            score += 0.5 * max(0.0, 1.0 - abs(math.log10(fv / fa)) / 2)
        score += 0.5 if v == a else 0.0
    return score


def segment_run(text: str, columns: list[str], max_weight: int = 30) -> list[str] | None:
    """A run of glued numbers cut into one number per column (``901010010`` under 指标值 | 分值 | 完成值 | 得分
    is 90 | 10 | 100 | 10); None when no cut fits every column, or two cuts fit equally well.

    >>> segment_run("901010010", ["value", "weight", "actual", "score"])
    ['90', '10', '100', '10']
    >>> segment_run("0.4100.110", ["value", "weight", "actual", "score"])
    ['0.4', '10', '0.1', '10']
    >>> segment_run("10000000", ["value", "weight", "actual", "score"]) is None   # no weight of 1 to 30 fits
    True
    """
    k = len(columns)
    best: tuple[float, list[str]] | None = None
    tie = False

    def walk(at: int, pieces: list[str]) -> None:
        nonlocal best, tie
        if len(pieces) == k:
            if at == len(text):
                fit = _plausible(pieces, columns, max_weight)
                if fit is not None:
                    if best is None or fit > best[0]:
                        best, tie = (fit, list(pieces)), False
                    elif fit == best[0]:
                        tie = True
            return
        for end in range(at + 1, len(text) + 1):
            if _NUMBER_PIECE.match(text[at:end]):
                walk(end, pieces + [text[at:end]])

    walk(0, [])
    return best[1] if best is not None and not tie else None


def _repeated(tokens: list[Token], k: int) -> bool:
    """The same text right before or after: a target and its actual value ("283只 283只"), whole cells."""
    text = tokens[k].text
    return (k > 0 and tokens[k - 1].text == text) or (k + 1 < len(tokens) and tokens[k + 1].text == text)


_WEIGHT_UNIT = re.compile(r"^([1-9]\d?)([%‰]|[\u4e00-\u9fff]{1,3})$")


def unit_cuts(tokens: list[Token], roles: list[str]) -> list[Token]:
    """Under a 计量单位 column, a unit run onto the end of a name right before the row's numbers
    (``国家级公益林管护面积万亩`` ``2810810``) is cut off, joined by a ``glue`` gap the row splitter may undo.

    >>> [t.text for t in unit_cuts([Token("森林火灾受害率%", 1, "glue"), Token("0.910010", 1, "glue"),
    ...     Token("国家级公益林管护面积万亩", 1, "glue"), Token("810810", 1, "glue")], ["level3", "unit", "value"])]
    ['森林火灾受害率', '%', '0.910010', '国家级公益林管护面积', '万亩', '810810']
    """
    if "unit" not in roles:
        return tokens
    from nlp.targets import target_vocab
    units = target_vocab().units
    comparators = words().comparators   # also 定量指标: the 指标性质 cell between the unit and the numbers
    weight_then_unit = "weight" in roles and roles[roles.index("weight") + 1:][:1] == ["unit"]
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        text, nxt = tok.text, (tokens[k + 1] if k + 1 < len(tokens) else None)
        weighed = _WEIGHT_UNIT.match(text) if weight_then_unit and tok.gap == "glue" else None
        if weighed and weighed.group(2) in units and nxt is not None and \
                (nxt.text[:1] in COMPARATOR_CHARS or nxt.text[:1].isdigit()):
            # 指标权重 | 计量单位 | 指标性质 | 指标值 run together: "预算执行率10%=100" is 10 | % | = | 100 (doc 272)
            out += [Token(weighed.group(1), tok.line, tok.gap), Token(weighed.group(2), tok.line, "glue")]
            continue
        unit = None
        numbers_next = nxt is not None and (nxt.text[:1].isdigit() or nxt.text in comparators
                                            or (nxt.text[:1] in COMPARATOR_CHARS and nxt.text[1:2].isdigit()))
        if numbers_next and nxt.gap == "glue" and not text[-1:].isdigit():
            unit = next((text[-n:] for n in (3, 2, 1) if len(text) > n + 2 and text[-n:] in units), None)
            if unit and len(text) > len(unit) + 3 and text[-len(unit) - 1] in "万千亿":
                unit = text[-len(unit) - 1:]   # 万亩, 千人次
        if unit and not text[:-len(unit)][-1:].isdigit():
            out += [Token(text[:-len(unit)], tok.line, tok.gap), Token(unit, tok.line, "glue")]
        else:
            out.append(tok)
    return out


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def target_and_actual(text: str, most: float = 0.5) -> list[str] | None:
    """A run of digits that is a target and its actual glued together (``1200014084``: 12000 and 14084, doc 230):
    the one cut whose two numbers are of one size (within a factor of ``10**most``), else None (``2100``, a year).

    >>> target_and_actual("1200014084"), target_and_actual("3069"), target_and_actual("2100"), target_and_actual("2019")
    (['12000', '14084'], ['30', '69'], None, None)
    >>> target_and_actual("1" + "9" * 30)   # (fuzzing: a long run made the ratio underflow to 0)
    
    """
    if not _RUN.match(text) or not 4 <= len(text) <= 24 or _YEAR.match(text):
        return None   # (two numbers of up to 12 digits each; a longer run is no target and actual)
    fits = sorted((abs(math.log10(int(text[:k])) - math.log10(int(text[k:]))), k) for k in range(1, len(text))
                  if text[k] != "0" and int(text[k:]) > 0)
    if not fits or fits[0][0] >= most or (len(fits) > 1 and fits[1][0] < most):
        return None
    k = fits[0][1]
    return [text[:k], text[k:]]


def equal_halves(text: str) -> list[str] | None:
    """A decimal target and the same actual glued together (``22.822.8``, ``76.4476.44``: doc 120 run together): the
    two halves, else None.

    >>> equal_halves("22.822.8"), equal_halves("29.629.6"), equal_halves("22.8"), equal_halves("1.51.6")
    (['22.8', '22.8'], ['29.6', '29.6'], None, None)
    """
    got = _halves(text)
    return got if got and "." in got[0] and _NUMBER_PIECE.match(got[0]) else None


def _short_halves(text: str) -> list[str] | None:
    """A short run of digits whose halves are equal (``11``, ``44``, ``2020``): a target and the same actual.

    >>> _short_halves("11"), _short_halves("2020"), _short_halves("12"), _short_halves("100")
    (['1', '1'], ['20', '20'], None, None)
    """
    got = _halves(text)
    return got if got and len(text) in (2, 4) and _RUN.match(text) else None


def _halves(text: str) -> list[str] | None:
    """The two halves of a text written twice over, else None."""
    half = len(text) // 2
    return [text[:half], text[half:]] if len(text) % 2 == 0 and text[:half] == text[half:] else None


def _targets_met(glued: list[list[str] | None], least: int = 3) -> bool:
    """Three or more glued number cells of the table are a target and the same actual (``230230``, ``22.822.8``; each
    cell's pieces by :func:`target_and_actual` or :func:`equal_halves`, or None): a table whose rows met their targets,
    where a short run with equal halves is read so too (doc 120 run together)."""
    return sum(bool(got) and got[0] == got[1] for got in glued) >= least


def _value_then_actual(roles: list[str]) -> bool:
    """The number columns are a target and its actual, nothing else (年度指标值 | 全年完成值)."""
    return numeric_columns(roles)[:2] == ["value", "actual"] and not set(roles) & set(_NUMBERS)


def digit_cuts(tokens: list[Token], roles: list[str], max_weight: int | None = None) -> list[Token]:
    """The table's tokens with glued number cells offered as pieces (see module doc); ``max_weight`` defaults to
    ``[row] max_weight`` of ``data/vocab/reader.toml``."""
    from .rows import weights
    max_weight = weights().max_weight if max_weight is None else max_weight
    tokens = unit_cuts(tokens, roles)
    before, after = _neighbours(roles)
    pair = _value_then_actual(roles)
    if not (before or after or pair):
        return tokens
    columns = numeric_columns(roles)
    # each glued number cell as a target and its actual (text run together: the actual glued onto its target)
    glued = [target_and_actual(t.text) or equal_halves(t.text) if pair and t.gap == "glue" and t.text[:1].isdigit()
             else None for t in tokens]
    alike = pair and _targets_met(glued)
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if not tok.text[:1].isdigit() or tok.gap in _REAL_BORDERS or _repeated(tokens, k):
            out.append(tok)
            continue
        pieces = None
        if pair and tok.gap == "glue" and not (k + 1 < len(tokens) and tokens[k + 1].text[:1].isdigit()):
            pieces = glued[k]
            if not pieces and alike:
                pieces = _short_halves(tok.text)   # "11", "2020" where the table's other rows met their targets
        if len(columns) >= 3 and _LONG_RUN.match(tok.text) and not _DATE.match(tok.text):   # 901010010: a whole row's numbers glued
            pieces = segment_run(tok.text, columns, max_weight)
        pieces = pieces or cut_options(tok.text, before, after, max_weight)
        out.append(Token(pieces[0], tok.line, tok.gap))
        out.extend(Token(p, tok.line, "digit") for p in pieces[1:])
    return out


def serial_cuts(tokens: list[Token]) -> list[Token]:
    """Under a 序号 column, run-together text: each row opens with the next serial number. A lexer piece that is the
    next number, before a name, starts a row (its gap becomes a line end); one that ends in it before a name
    (``13`` after row 2's name: its target 1, then row 3, doc 84 run together) is cut so.

    >>> [(t.text, t.gap) for t in serial_cuts([Token("1", 1, "glue"), Token("刊物数量", 1, "glue"), Token("1个", 1, "glue"),
    ...     Token("2", 1, "glue"), Token("开展活动", 1, "glue"), Token("13", 1, "glue"), Token("参与人数", 1, "glue")])]
    [('1', 'line'), ('刊物数量', 'glue'), ('1个', 'glue'), ('2', 'line'), ('开展活动', 'glue'), ('1', 'glue'), ('3', 'line'), ('参与人数', 'glue')]
    """
    out: list[Token] = []
    expected = 1
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
        named = bool(re.match(r"[\u4e00-\u9fff]", nxt))
        mark = str(expected)
        if tok.gap == "glue" and named and tok.text == mark:
            out.append(Token(tok.text, tok.line, "line"))
            expected += 1
        elif tok.gap == "glue" and named and _RUN.match(tok.text) and tok.text.endswith(mark) and len(tok.text) > len(mark):
            out += [Token(tok.text[:-len(mark)], tok.line, tok.gap), Token(mark, tok.line, "line")]
            expected += 1
        else:
            out.append(tok)
    return out

