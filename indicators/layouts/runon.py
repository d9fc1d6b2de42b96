"""Cells run together: no separator at all, single spaces, or a whole table on one line.

Seen when a PDF or spreadsheet is dumped to plain text without tabs:
``产出指标数量指标培训人次500人次`` or ``一级指标 二级指标 三级指标 指标值 产出指标 数量指标 …``
(an XLS dump on one line).  The fixed vocabulary of 一级/二级 names and the shape of
a target value are enough to cut such text back into cells.
"""
from __future__ import annotations

import re

from ..model import Line
from ..text import clean_cell, norm_key
from ..vocab import vocab
from .base import Layout, header_roles, is_header, single_content

# Where a target value starts inside run-together text: a comparator, a number, or a
# direction/limit word followed by a number.
_VALUE_START = re.compile(
    r"(?:[≥≤><=＝≧≦》《]|不低于|不少于|不超过|不高于|不大于|不小于|大于|小于|至少|达到|下降|提升|提高|减少|增加|降低|缩短)"
    r"\s*[\d一二三四五六七八九十两百千万]"
    r"|(?<![\d.])\d+(?:\.\d+)?\s*(?:%|％|个|人|次|家|件|份|元|万|天|日|月|年|小时|分钟|条|台|套|项|场|所|平方米|亩|公里|户|名|篇|期|批)"
)


def _segment(text: str, keys: dict[str, str]) -> list[str] | None:
    """Greedy longest-match segmentation of ``text`` into vocabulary keys."""
    out, i = [], 0
    longest = max(map(len, keys)) if keys else 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i:i + size] in keys:
                out.append(text[i:i + size])
                i += size
                break
        else:
            return None
    return out


def split_header(text: str) -> list[str] | None:
    """Header cells from a run-together header line, or None.

    >>> split_header("一级指标二级指标三级指标指标值")
    ['一级指标', '二级指标', '三级指标', '指标值']
    >>> split_header("一级指标 二级指标 三级指标 指标值 备注")
    ['一级指标', '二级指标', '三级指标', '指标值', '备注']
    """
    tokens = text.split()
    v = vocab()
    if len(tokens) >= 3 and all(v.header_role(t) for t in tokens):
        cells = tokens
    else:
        cells = _segment(norm_key(text), v.headers)
    if cells and len(cells) >= 3 and is_header(header_roles(cells)):
        return cells
    return None


def _peel(text: str, table: dict[str, str]) -> tuple[str, str]:
    """Longest vocabulary prefix of text (cleaned) and the rest."""
    best = ""
    for size in range(min(14, len(text)), 1, -1):
        if text[:size] in table:
            best = text[:size]
            break
    return best, text[len(best):].lstrip()


def split_row(text: str, ncols: int) -> list[str]:
    """Cut one run-together indicator row into [一级, 二级, 三级, 指标值, ...].

    >>> split_row("产出指标数量指标培训人次500人次", 4)
    ['产出指标', '数量指标', '培训人次', '500人次']
    >>> split_row("质量指标 验收合格率 ≥95%", 4)
    ['', '质量指标', '验收合格率', '≥95%']
    >>> split_row("服务对象满意度 ≥90% 问卷调查", 5)
    ['', '', '服务对象满意度', '≥90%', '问卷调查']
    """
    v = vocab()
    raw = " ".join(text.split())
    l1, rest = _peel(raw, v.level1)
    l2, rest = _peel(rest, v.level2)
    if l1 and not l2 and v.canonical_level1(l1) == "满意度指标" and rest.startswith("服务对象"):
        l2, rest = _peel(rest, v.level2)
    tokens = rest.split(" ")
    tail_cols = max(ncols - 2, 2)
    if len(tokens) >= 2:
        if len(tokens) > tail_cols:  # extra spaces inside the name: glue the front
            tokens = ["".join(tokens[:len(tokens) - tail_cols + 1])] + tokens[len(tokens) - tail_cols + 1:]
        tail = tokens
    else:
        m = None
        for m in _VALUE_START.finditer(rest):
            if m.start() > 0:
                break
        if m and m.start() > 0:
            tail = [rest[:m.start()], rest[m.start():]]
        else:
            tail = [rest]
    if l2 and tail and _VALUE_START.match(tail[0]):
        # "服务对象满意度 ≥90%": the name is the 三级指标 itself, the 二级 was left blank
        tail, l2 = [l2, *tail], ""
    cells = [l1, l2] + [clean_cell(t) for t in tail]
    return (cells + [""] * ncols)[:max(ncols, len(cells))]


class RunOnLayout(Layout):
    name = "runon"

    def take(self, lines: list[Line], start: int, out: list[Line]) -> int:
        line = lines[start]
        content = single_content(line)
        if content is None and len(line.nonempty) > 6:
            rows = self._one_line_table([c for _, c in line.nonempty], line.lineno)
            if rows:
                out.extend(rows)
                return 1
        header = split_header(content) if content and len(line.nonempty) == 1 else None
        if header is None:
            tokens = content.split() if content else []
            rows = self._one_line_table(tokens, line.lineno) if len(tokens) > 6 else None
            if rows:
                out.extend(rows)
                return 1
            return 0
        out.append(Line(cells=header, lineno=line.lineno))
        i = start + 1
        v = vocab()
        while i < len(lines):
            row = lines[i]
            text = single_content(row)
            if text is None:
                break
            if text == "":
                i += 1
                continue
            starts_with_vocab = any(norm_key(text).startswith(k) for k in (*v.level1, *v.level2) if len(k) >= 3)
            if not starts_with_vocab and not _VALUE_START.search(text):
                break
            out.append(Line(cells=split_row(text, len(header)), lineno=row.lineno))
            i += 1
        return i - start

    @staticmethod
    def _one_line_table(tokens: list[str], lineno: int) -> list[Line] | None:
        """A whole table on one line: header tokens then data tokens."""
        v = vocab()
        n = 0
        while n < len(tokens) and v.header_role(tokens[n]):
            n += 1
        header = tokens[:n]
        if n < 3 or not is_header(header_roles(header)) or len(tokens) <= n:
            return None
        roles = header_roles(header)
        rows: list[list[str]] = []
        current: list[str] = []
        l1_col = roles.index("level1") if "level1" in roles else None
        l2_col = roles.index("level2") if "level2" in roles else None
        for tok in tokens[n:]:
            is_l1 = v.canonical_level1(tok) is not None and l1_col is not None
            is_l2 = v.canonical_level2(tok) is not None and l2_col is not None
            filled = len(current)
            if is_l1 and (filled == 0 or filled > (l1_col or 0)) and not (filled == l2_col and is_l2):
                if current:
                    rows.append(current)
                current = [""] * l1_col + [tok]
            elif is_l2 and filled != l2_col and (filled == 0 or filled > l2_col):
                if current:
                    rows.append(current)
                current = [""] * l2_col + [tok]
            else:
                if not current and l2_col is not None:
                    current = [""] * (l2_col + 1)
                current.append(tok)
        if current:
            rows.append(current)
        out = [Line(cells=header, lineno=lineno)]
        for cells in rows:
            if len(cells) > n:  # extra tokens: spaces inside the 三级指标 name
                l3 = roles.index("level3") if "level3" in roles else n - 2
                extra = len(cells) - n
                cells = cells[:l3] + ["".join(cells[l3:l3 + extra + 1])] + cells[l3 + extra + 1:]
            out.append(Line(cells=cells + [""] * (n - len(cells)), lineno=lineno))
        return out
