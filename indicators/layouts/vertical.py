"""One cell per line, or one cell per blank-line-separated paragraph.

Two shapes seen in real extractions:

* **line cells** (seed 003): every cell on its own line, a row's cells on
  consecutive lines, rows separated by a blank line; a line holding only a tab is
  an *empty* cell (merged "same as above" cells).
* **paragraph cells** (seed 002 整体绩效目标表): every cell is a paragraph and
  one cell may itself be split over lines (``投入  \\n管理  \\n指标``).

Both are recognised by their header (一级指标 / 二级指标 / 三级指标 / 指标值 … one
per line or paragraph) and rewritten as grid rows of that many columns.
"""
from __future__ import annotations

import functools
import itertools

from ..model import Line
from ..text import clean_cell, norm_key
from ..vocab import vocab
from .base import Layout, header_roles, is_blank, is_header, is_title_text, single_content


def _header_prefix(text: str) -> bool:
    """Could this line be the start of a header cell split over lines ("一级  " + "指标")?"""
    key = norm_key(text)
    return bool(key) and len(key) <= 12 and key in _header_prefixes()


@functools.lru_cache(maxsize=1)
def _header_prefixes() -> frozenset[str]:
    return frozenset(h[:i] for h in vocab().headers for i in range(1, len(h) + 1))


# A cell split over more lines than this is not a cell: the text is not one cell per paragraph.  Without
# the bound a document with no blank lines made every candidate header scan the rest of the file.
MAX_PARAGRAPH_LINES = 40


class VerticalLayout(Layout):
    name = "vertical"

    def take(self, lines: list[Line], start: int, out: list[Line]) -> int:
        return self._line_cells(lines, start, out) or self._paragraph_cells(lines, start, out)

    # -- one cell per line ------------------------------------------------------------
    def _line_cells(self, lines: list[Line], start: int, out: list[Line]) -> int:
        header: list[str] = []
        j = start
        while j < len(lines):
            content = single_content(lines[j])
            if not content or header_roles([content])[0] is None:
                break
            header.append(content)
            j += 1
        if len(header) < 3 or not is_header(header_roles(header)):
            return 0
        tabbed = len(lines[start].cells) > 1
        out.append(Line(cells=header, lineno=lines[start].lineno))
        n = len(header)
        rows_end = j
        while j < len(lines):
            while j < len(lines) and is_blank(lines[j]):
                j += 1
            group: list[Line] = []
            while j < len(lines) and not is_blank(lines[j]):
                group.append(lines[j])
                j += 1
            if not group or not self._row_like(group, tabbed, n):
                break
            out.append(Line(cells=[single_content(g) or "" for g in group], lineno=group[0].lineno))
            rows_end = j
        return rows_end - start

    @staticmethod
    def _row_like(group: list[Line], tabbed: bool, n: int) -> bool:
        if len(group) > n + 1 or len(group) < 2:
            return False
        for line in group:
            if single_content(line) is None or (len(line.cells) > 1) != tabbed:
                return False
        return not any(is_title_text(single_content(g) or "") for g in group)

    # -- one cell per paragraph ---------------------------------------------------------
    def _paragraph_cells(self, lines: list[Line], start: int, out: list[Line]) -> int:
        first = single_content(lines[start])
        if not first or not _header_prefix(first):
            return 0
        paragraphs = self._paragraphs(lines, start)  # lazy: most candidates fail on the header
        header: list[tuple[str, int, int]] = []
        pending = None
        for para in paragraphs:
            text = para[0]
            if text is None or header_roles([text])[0] is None:
                pending = para
                break
            header.append(para)
        if len(header) < 3 or not is_header(header_roles([h[0] for h in header])):
            return 0
        n = len(header)
        out.append(Line(cells=[h[0] for h in header], lineno=header[0][1]))
        consumed_to = header[-1][2]
        row: list[tuple[str, int]] = []
        v = vocab()

        def flush():
            if row:
                out.append(Line(cells=[c for c, _ in row] + [""] * (n - len(row)), lineno=row[0][1]))
                row.clear()

        rest = ([pending] if pending else [])
        for text, lineno, end in itertools.chain(rest, paragraphs):
            if text is None or text.startswith("#") or is_title_text(text):
                break
            if header_roles([text])[0] is not None and len(row) == 0 and text == header[0][0]:
                break  # a new table of the same shape: let the next pass take it
            if len(row) >= 2 and v.canonical_level1(text) and not v.canonical_level2(text):
                flush()
            row.append((text, lineno))
            consumed_to = end
            if len(row) == n:
                flush()
        flush()
        return consumed_to - start

    @staticmethod
    def _paragraphs(lines: list[Line], start: int):
        """Yield (text, first lineno, index after its last line); text None for a multi-cell row (then stop)."""
        j = start
        count = 0
        while j < len(lines) and count < 4000:
            count += 1
            while j < len(lines) and is_blank(lines[j]):
                j += 1
            if j >= len(lines):
                break
            first = j
            parts: list[str] = []
            multi = False
            while j < len(lines) and not is_blank(lines[j]):
                content = single_content(lines[j])
                if content is None or j - first >= MAX_PARAGRAPH_LINES:
                    multi = True   # a grid row, or no blank lines at all: not one-cell-per-paragraph text
                    break
                parts.append(content or "")
                j += 1
            if multi:
                yield None, lines[first].lineno, first
                return
            yield clean_cell("".join(p.strip() for p in parts)), lines[first].lineno, j
