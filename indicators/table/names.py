"""A table that lists its indicators but lost every value (a PDF or DOC preview that printed the name
column and dropped the 指标值 column): the header names no value column and no cell after it reads as a
target. The row splitter would glue the names into "values"; here each name is a row of its own.

A name ends where a cell ends like an indicator name (人数, 达标率, 满意度); a cell that does not (``…项目补助``
before ``基地个数``) is the first half of a name wrapped at a space; 一级/二级 cells set the levels of the names
after them, as merged cells do.

>>> from indicators.table.stream import Token
>>> toks = [Token(t, 1, "space") for t in ("基本康复服务人数", "产出指标", "数量指标", "品牌基地项目补助", "基地个数",
...                                      "受助对象收入")]
>>> [[(c.role, c.text) for c in r.cells] for r in name_rows(toks)]
[[('level1', '产出指标'), ('level2', '数量指标'), ('level3', '基本康复服务人数')], [('level1', '产出指标'), ('level2', '数量指标'), ('level3', '品牌基地项目补助基地个数')], [('level3', '受助对象收入')]]
>>> names_only([Token(t, 1, "space") for t in ("基本康复服务人数", "资助特校学生数", "补贴特校数", "≥95%", "100%")])
False
>>> names_only([Token(t, 1, "cell") for t in ("质量指标", "建设符合验收要求", "时效指标", "按期完成投资", "经济效益指标",
...                                          "对经济发展的促进作用")])
True
"""
from __future__ import annotations

from ..text import simplified
from .header import header_role
from .rows import UNIT_NOTE, Cell, Row, token_type
from .words import words
from .stream import LINE_ENDS, Token

# what a cell of a value column reads as; a names-only table has (almost) none of them
_VALUE_TYPES = ("value", "num", "bignum", "qual", "op", "unit", "remark", "pct")
_LEVEL_TYPES = {"l1": ("level1",), "l2": ("level2",), "l1l2": ("level1", "level2")}


def _name_end(text: str) -> bool:
    """Ends like an indicator name, a unit note in brackets aside (``补助面积(万亩)``), in either script as
    :func:`rows.name_like` reads it (``補助面積(萬畝)``)."""
    return bool(words().name_end.search(simplified(UNIT_NOTE.sub("", text))))


def names_only(tokens: list[Token], strict: bool = False) -> bool:
    """Three or more cells that end like indicator names, or three or more texts each right after a 一级/二级 cell,
    and at most one other cell that reads as a target; ``strict`` (a header that names a value column, its cells left
    empty: doc 136): no target at all and every other text a name, or every cell a level or a text right after one."""
    types = [token_type(t.text) for t in tokens]
    names = sum(1 for t, typ in zip(tokens, types) if typ == "text" and _name_end(t.text))
    values = sum(typ in _VALUE_TYPES and header_role(t.text) is None for t, typ in zip(tokens, types))
    # or three or more texts each right after a 一级/二级 cell, one name per level whatever its ending (doc 34 one cell
    # per line: 时效指标 | 按期完成投资 | 经济效益指标 | 对经济发展的促进作用 …; a name led so may read as a short target)
    led = {k + 1 for k, (before, typ) in enumerate(zip(types, types[1:]))
           if before in _LEVEL_TYPES and typ in ("text", "qual")}
    if strict:
        texts = sum(1 for typ in types if typ == "text")
        others = {k for k, typ in enumerate(types) if typ not in _LEVEL_TYPES}
        return (names >= 3 and values == 0 and texts == names) or (len(led) >= 3 and others <= led)
    loose = sum(typ in _VALUE_TYPES and header_role(t.text) is None and k not in led
                for k, (t, typ) in enumerate(zip(tokens, types)))
    return (names >= 3 and values <= 1) or (len(led) >= 3 and loose <= 1)


def name_rows(tokens: list[Token]) -> list[Row]:
    """One row per name; level cells open a row of their own levels (see the module doc)."""
    rows: list[Row] = []
    levels: list[Cell] = []
    pending: list[int] = []

    def flush() -> None:
        nonlocal levels
        if pending:
            text = "".join(tokens[k].text for k in pending)
            rows.append(Row(levels + [Cell("level3", text, pending[0], pending[-1], tokens[pending[0]].line)]))
            levels = []
        pending.clear()

    for k, tok in enumerate(tokens):
        typ = token_type(tok.text)
        header = header_role(tok.text) is not None and not _name_end(tok.text)   # 指标值 at the table's end
        if typ in _LEVEL_TYPES or typ == "rowlabel" or header:
            flush()
            levels = [c for c in levels if c.role not in _LEVEL_TYPES.get(typ, ())]
            levels += [Cell(role, tok.text, k, k, tok.line) for role in _LEVEL_TYPES.get(typ, ())]
            continue
        if pending and (tok.gap in LINE_ENDS or tok.gap in ("space", "hard", "sep")) and \
                _name_end("".join(tokens[j].text for j in pending)):
            flush()
        pending.append(k)
    flush()
    return _levels_back(rows)


def _levels_back(rows: list[Row]) -> list[Row]:
    """Names printed before the table's first 一级/二级 cells stand under them (a merged cell is printed
    in the middle of its span)."""
    first = next((k for k, r in enumerate(rows) if len(r.cells) > 1), None)
    if not first:
        return rows
    levels = [c for c in rows[first].cells if c.role != "level3"]
    return [Row(levels + r.cells) for r in rows[:first]] + rows[first:]
