"""Shared base of the layout modules.

Every layout turns one way of writing a table into plain grid rows
(:class:`~indicators.model.Line` with one cell per column), which the grid
parser (:mod:`indicators.layouts.grid`) then reads into records.  A layout's
``reflow`` gets all lines of a document and returns them with the regions it
recognises rewritten; lines it does not recognise pass through unchanged.
"""
from __future__ import annotations

from ..model import Line
from ..text import norm_key
from ..vocab import vocab

HEADER_LEVEL_ROLES = {"level1", "level2"}
HEADER_CONTENT_ROLES = {"level3", "value"}


class Layout:
    """A layout rewrites the regions it recognises; everything else passes through unchanged."""
    name = "base"

    def reflow(self, lines: list[Line]) -> list[Line]:
        out: list[Line] = []
        i = 0
        while i < len(lines):
            consumed = self.take(lines, i, out)
            if consumed:
                i += consumed
            else:
                out.append(lines[i])
                i += 1
        return out

    def take(self, lines: list[Line], start: int, out: list[Line]) -> int:  # pragma: no cover - interface
        """Rewrite the region starting at ``start`` into ``out``; the number of lines consumed, 0 if none."""
        raise NotImplementedError


def single_content(line: Line) -> str | None:
    """The one non-empty cell of a line, '' for an empty line, None for a multi-cell row."""
    nonempty = line.nonempty
    if len(nonempty) > 1:
        return None
    return nonempty[0][1].strip() if nonempty else ""


def is_blank(line: Line) -> bool:
    """Truly empty (no tab either): in vertical layouts a lone tab is an empty *cell*."""
    return len(line.cells) <= 1 and not line.text.strip()


def header_roles(cells: list[str]) -> list[str | None]:
    v = vocab()
    return [v.header_role(c) if c.strip() else None for c in cells]


def is_header(roles: list[str | None]) -> bool:
    """Enough known headers to be an indicator table's header row."""
    found = {r for r in roles if r}
    return bool(found & HEADER_LEVEL_ROLES) and bool(found & HEADER_CONTENT_ROLES) and len(found) >= 3


def is_title_text(text: str) -> bool:
    key = norm_key(text)
    return 4 <= len(key) <= 80 and "。" not in key and vocab().title_kind(key) is not None
