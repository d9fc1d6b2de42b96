"""Fixed-width columns: text laid out with spaces, as ``pdftotext -layout`` writes tables.

::

    一级指标      二级指标        三级指标                  指标值
    产出指标      数量指标        新建健身路径              ≥ 30 个
                                  更新健身器材              200 件
    满意度指标    服务对象满意    群众满意度                ≥ 90%
                  度指标

The header's column start positions (in display width: a CJK character is two columns) cut
every following line into cells; a chunk of text belongs to the column whose start is at or just
before it. A line with nothing in the 三级指标 and 指标值 columns continues the row above it (a
cell wrapped onto the next line: ``服务对象满意`` + ``度指标``) unless it is itself a 一级/二级 name
(an empty slot). So does a line with a 三级指标 but no value: in this layout a wrapped name is far
more common than an indicator without a value.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Line
from ..vocab import vocab
from .base import Layout, header_roles, is_header, is_title_text

_CHUNK = re.compile(r"\S+(?: \S+)*")   # text runs separated by two or more spaces
_TOLERANCE = 2


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def chunks(line: str) -> list[tuple[int, str]]:
    """(display column, text) of each run separated by 2+ spaces.

    >>> chunks("产出指标    数量指标  ≥ 30 个")
    [(0, '产出指标'), (12, '数量指标'), (22, '≥ 30 个')]
    """
    line = line.replace("\u3000", "  ").rstrip()
    out = []
    for m in _CHUNK.finditer(line):
        out.append((display_width(line[:m.start()]), m.group()))
    return out


class FixedWidthLayout(Layout):
    name = "fixed"

    def take(self, lines: list[Line], start: int, out: list[Line]) -> int:
        header = self._header(lines[start])
        if header is None:
            return 0
        starts, names = header
        out.append(Line(cells=names, lineno=lines[start].lineno))
        return self._rows(lines, start + 1, starts, names, out) - start

    @staticmethod
    def _header(line: Line) -> tuple[list[int], list[str]] | None:
        if len(line.cells) != 1 or "  " not in line.cells[0]:
            return None
        parts = chunks(line.cells[0])
        if len(parts) < 3:
            return None
        names = [t for _, t in parts]
        roles = header_roles(names)
        if None in roles or not is_header(roles):
            return None
        return [c for c, _ in parts], names

    def _rows(self, lines: list[Line], i: int, starts: list[int], names: list[str], out: list[Line]) -> int:
        roles = header_roles(names)
        content_cols = {k for k, r in enumerate(roles) if r in ("level3", "value")}
        level_cols = {k for k, r in enumerate(roles) if r in ("level1", "level2")}
        v = vocab()
        blank_run = 0
        current: Line | None = None
        while i < len(lines):
            line = lines[i]
            if len(line.cells) != 1:
                break
            text = line.cells[0]
            if not text.strip():
                blank_run += 1
                if blank_run >= 2:
                    break
                i += 1
                continue
            blank_run = 0
            parts = chunks(text)
            if is_title_text(text.strip()) or (len(parts) == 1 and parts[0][0] == 0
                                                and ("：" in parts[0][1] or len(parts[0][1]) > 24)):
                break
            cells = [""] * len(starts)
            for col, chunk in parts:
                k = max((n for n, s in enumerate(starts) if s <= col + _TOLERANCE), default=0)
                cells[k] = (cells[k] + " " + chunk).strip() if cells[k] else chunk
            filled = {k for k, c in enumerate(cells) if c}
            # a new row names its 三级指标 *and* its value (or a 一级/二级 of the vocabulary);
            # anything less is a cell wrapped onto the next line
            wrapped = current is not None and not content_cols <= filled and not any(
                v.canonical_level1(cells[k]) or v.canonical_level2(cells[k]) for k in filled & level_cols)
            if wrapped:
                current.cells = [a + b for a, b in zip(current.cells, cells)]
            else:
                current = Line(cells=cells, lineno=line.lineno)
                out.append(current)
            i += 1
        return i
