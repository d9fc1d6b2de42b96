"""What every format reader gives: rows of cells, where each row came from, and what it noticed.

A reader is one small class: the suffixes it claims, :meth:`Reader.sniff` to recognise its files by their
first bytes (a ``.xls`` that is really HTML goes to the HTML reader), and :meth:`Reader.read` returning a
:class:`ReadResult`.  Rows are :class:`~indicators.model.Line` objects numbered 1, 2, 3 … in document order
(``lineno`` is the row's index, so the table readers and ``source_line`` work unchanged); the side table
``locations`` says where row *n* is in the file: page, sheet and cells, DOCX table and row.

>>> Location(sheet="Sheet1", row=12, cols=[0, 2]).cell_ref(1)
'Sheet1!C12'
>>> Location(page=2, table=1, row=5).label()
'page 2, table 1, row 5'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Line


class ReaderError(Exception):
    """A file its reader cannot read: the reason, and where in the file if known (``page 3``)."""

    def __init__(self, path: str | Path, reason: str, where: str = ""):
        self.path, self.reason, self.where = str(path), reason, where
        super().__init__(f"{path}{': ' + where if where else ''}: {reason}")


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Location:
    """Where one row is: ``line`` for text; ``page`` (+ ``table``/``row``) for PDF; ``sheet`` + ``row`` (the
    1-based sheet row) for workbooks; ``table`` + ``row`` for DOCX (``paragraph`` for text between tables).
    ``cols`` holds the source column (0-based) of each of the row's cells."""
    line: int | None = None
    page: int | None = None
    sheet: str = ""
    table: int | None = None
    row: int | None = None
    paragraph: int | None = None
    cols: list[int] = field(default_factory=list)

    def cell_ref(self, cell_index: int | None = None) -> str:
        """``Sheet1!C12`` for a workbook cell; ``table 2, row 5, cell 3`` for DOCX/PDF tables; ``""`` for text."""
        col = None
        if cell_index is not None and 0 <= cell_index < len(self.cols):
            col = self.cols[cell_index]
        if self.sheet:
            return f"{self.sheet}!{column_letter(col if col is not None else 0)}{self.row}"
        if self.table is not None and self.row is not None:
            return f"table {self.table}, row {self.row}" + (f", cell {col + 1}" if col is not None else "")
        return ""

    def label(self) -> str:
        """Short human description of the place (for diagnostics and source excerpts)."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.sheet:
            parts.append(f"sheet {self.sheet}, row {self.row}")
        elif self.table is not None:
            parts.append(f"table {self.table}, row {self.row}")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)


@dataclass
class ReadResult:
    """One file read: ``text`` (text formats: the decoded text, parsed as before) or ``lines`` (structured
    formats: rows of cells) with ``locations`` (lineno → Location) and ``diagnostics`` ("page 3: …")."""
    reader: str
    lines: list[Line] = field(default_factory=list)
    locations: dict[int, Location] = field(default_factory=dict)
    diagnostics: list[str] = field(default_factory=list)
    text: str | None = None
    encoding: str = ""
    suffix: str = ".txt"

    def add(self, cells: list[str], location: Location) -> None:
        """Append one row (trailing empty cells dropped but one, which says that the row's last columns are shown
        empty; rows without text skipped)."""
        cells = [c if c is not None else "" for c in cells]
        open_end = bool(cells) and not str(cells[-1]).strip()
        while cells and not str(cells[-1]).strip():
            cells.pop()
        if not any(str(c).strip() for c in cells):
            return
        cells += [""] if open_end else []
        lineno = len(self.lines) + 1
        self.lines.append(Line(cells=[str(c) for c in cells], lineno=lineno, section=location.sheet))
        self.locations[lineno] = location


class Reader:
    """Base of the format readers; a subclass sets ``name`` and ``suffixes`` and implements ``read``."""
    name: str = ""
    suffixes: tuple[str, ...] = ()

    def sniff(self, head: bytes, path: str | Path) -> bool:
        """True when the first bytes show the file is of this format (whatever its name says)."""
        return False

    def claims(self, path: str | Path) -> bool:
        return Path(path).suffix.lower() in self.suffixes

    def read(self, path: str | Path) -> ReadResult:
        raise NotImplementedError


def join_wrapped(text: str | None) -> str:
    """A cell's text with the line breaks of wrapping removed: nothing between CJK characters, a space
    between two Latin/digit characters.

    >>> join_wrapped("城乡居民医疗\\n保险覆盖率")
    '城乡居民医疗保险覆盖率'
    >>> join_wrapped("Service\\nlevel")
    'Service level'
    """
    if not text:
        return ""
    parts = [p.strip() for p in str(text).replace("\r", "\n").split("\n")]
    parts = [p for p in parts if p]
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if out[-1:].isascii() and out[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum():
            out += " " + p
        else:
            out += p
    return out
