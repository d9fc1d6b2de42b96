"""Tables printed column by column: a ``三级指标`` cell followed by the indicator names, then a
``年度目标值`` cell followed by their targets in the same order (广东's 专项资金 绩效目标表 puts its
indicators in columns; a document preview flattens it into runs of names and runs of values).

>>> from .stream import cell_stream
>>> rows = transposed_rows(cell_stream("三级指标 新建高校(校区) 工程质量达标率(%)\\n开工率(%)\\n年度目标值\\n7 100% 100%"))
>>> [(r.get("level3"), r.get("value")) for r in rows]
[('新建高校(校区)', '7'), ('工程质量达标率(%)', '100%'), ('开工率(%)', '100%')]
"""
from __future__ import annotations

from .header import header_role
from .rows import Cell, Row, token_type
from .stream import Token

MIN_NAMES = 2
MAX_NAMES = 40
_NAME_TYPES = ("text", "qual")   # "开工率(%)" types as a short qualitative text
_VALUE_TYPES = ("value", "num", "bignum", "qual")


def _names_after(tokens: list[Token], i: int) -> list[int]:
    """Indices of the name cells right after the 三级 header cell at i (up to the next header cell)."""
    out: list[int] = []
    k = i + 1
    while k < len(tokens) and len(out) < MAX_NAMES:
        text = tokens[k].text
        if header_role(text) or token_type(text) not in _NAME_TYPES:
            break
        out.append(k)
        k += 1
    return out


def transposed_rows(tokens: list[Token]) -> list[Row]:
    """(三级, value) rows of every column-printed table in the stream; [] when there is none. The values
    must be as many as the names, each a target by type, right after a value header cell."""
    rows: list[Row] = []
    i = 0
    while i < len(tokens):
        if header_role(tokens[i].text) != "level3":
            i += 1
            continue
        names = _names_after(tokens, i)
        j = (names[-1] + 1) if names else i + 1
        if len(names) < MIN_NAMES or j >= len(tokens) or header_role(tokens[j].text) != "value":
            i += 1
            continue
        values = list(range(j + 1, min(j + 1 + len(names), len(tokens))))
        if len(values) < len(names) or any(token_type(tokens[k].text) not in _VALUE_TYPES for k in values):
            i += 1
            continue
        for n, v in zip(names, values):
            rows.append(Row([Cell("level3", tokens[n].text, n, n, tokens[n].line),
                             Cell("value", tokens[v].text, v, v, tokens[v].line)]))
        i = values[-1] + 1
    return rows
