"""HTML (and ``.xls``/``.doc`` files that are really HTML, as some finance bureaus' exports are): tables with
rowspan/colspan expanded to blank cells, block text as single-cell lines.  The decoded text goes to the
parser as before (``parse_text`` with suffix ``.html``), so HTML reads exactly as it did."""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Line
from .base import Reader, ReadResult

_HTML_HEAD = re.compile(rb"<\s*(?:!doctype\s+html|html|table|meta|head|body)[\s>]", re.I)


class HtmlReader(Reader):
    name = "html"
    suffixes = (".html", ".htm")

    def sniff(self, head: bytes, path) -> bool:
        sample = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 HTML
            sample = sample.replace(b"\x00", b"")[2:]
        return bool(_HTML_HEAD.search(sample[:1024]))

    def read(self, path) -> ReadResult:
        from ..ingest import read_text
        text, encoding = read_text(path)
        suffix = Path(path).suffix.lower()
        # a text file holding HTML keeps its suffix (it reads as it always did); an .xls/.doc export is HTML
        keep = suffix in self.suffixes or suffix in (".txt", ".md", ".markdown", ".csv", ".tsv")
        return ReadResult(reader=self.name, text=text, encoding=encoding, suffix=suffix if keep else ".html")


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "li", "title", "br"}


def html_to_lines(text: str) -> list[Line]:
    """Rows of HTML tables (rowspan/colspan expanded to blank cells) and block text.

    One walk over the tree: an unclosed tag nests the rest of the page under it, and a search from every element
    (its parents, its descendants) would then be quadratic in the page.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")  # html.parser keeps source line numbers
    lines: list[Line] = []
    for el, in_table, holds_block in _elements(soup):
        if el.name == "table":
            lines.extend(_table_rows(el))
        elif el.name in _BLOCK_TAGS and not in_table and not holds_block:
            content = el.get_text(" ", strip=True)
            if content:
                lines.append(Line(cells=[content], lineno=el.sourceline or 0))
    lines.sort(key=lambda ln: ln.lineno)
    return lines


def _elements(soup):
    """Every tag under ``soup`` with (tag, inside a table, holds a block or table tag below it), in one
    iterative walk (children after their parent, the flags from a second pass bottom-up)."""
    order: list = []
    inside: dict[int, bool] = {}
    stack = [(child, False) for child in reversed(soup.contents)]
    while stack:
        el, in_table = stack.pop()
        if getattr(el, "name", None) is None:
            continue
        order.append(el)
        inside[id(el)] = in_table
        below = in_table or el.name == "table"
        stack.extend((child, below) for child in reversed(el.contents))
    holds: dict[int, bool] = {}
    for el in reversed(order):   # children come after their parent in ``order``
        holds.setdefault(id(el), False)
        parent = el.parent
        if parent is not None and (el.name in _BLOCK_TAGS or el.name == "table" or holds[id(el)]):
            holds[id(parent)] = True
    return [(el, inside[id(el)], holds[id(el)]) for el in order]


def _table_rows(table) -> list[Line]:
    rows: list[Line] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def fill_spans(cells: list[str]) -> None:
        while pending.get(len(cells), 0) > 0:
            pending[len(cells)] -= 1
            cells.append("")

    for lineno, row_cells in _own_rows(table):
        cells: list[str] = []
        for td in row_cells:
            fill_spans(cells)
            content = _own_text(td)
            colspan = _span(td.get("colspan"))
            rowspan = _span(td.get("rowspan"))
            for k in range(colspan):
                if rowspan > 1:
                    pending[len(cells)] = rowspan - 1
                cells.append(content if k == 0 else "")
        fill_spans(cells)
        rows.append(Line(cells=cells, lineno=lineno))
    return rows


def _span(value, most: int = 200) -> int:
    """A ``colspan``/``rowspan`` attribute as browsers read it: its leading digits, 1 when there are none, at most
    ``most`` (``"2 "``, ``"3px"`` and a mangled ``"rowspan=r…"`` do not stop the page).

    >>> _span("3"), _span(" 2px"), _span("rowspan=r"), _span(None), _span("0"), _span("99999")
    (3, 2, 1, 1, 1, 200)
    """
    m = re.match(r"\s*(\d+)", str(value or ""))
    return min(max(int(m.group(1)), 1), most) if m else 1


_NESTED = {"table", "tr", "td", "th"}


_SECTIONS = {"table", "tbody", "thead", "tfoot"}


def _own_rows(table) -> list[tuple[int, list]]:
    """The rows of this table in document order as (source line, cells), not those of a table nested in it (they
    are read as that table's): the ``tr`` rows whose nearest table is this one, and cells a page left outside any
    ``tr`` (a ``<tr>`` missing before them: doc 360), read as one row as browsers do.

    >>> from bs4 import BeautifulSoup
    >>> t = BeautifulSoup("<table><tr><td>a</td></tr><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>",
    ...                   "html.parser").table
    >>> [[td.get_text() for td in cells] for _, cells in _own_rows(t)]
    [['a'], ['b', 'c'], ['d']]
    """
    rows: list[tuple[int, list]] = []
    stray: list = []   # cells standing right in the table (or its tbody) since the last row
    stack = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name in ("td", "th") and node.parent is not None and node.parent.name in _SECTIONS:
            if not stray:
                rows.append((node.sourceline or 0, stray))
            stray.append(node)
        elif name:
            stray = [] if name == "tr" else stray
        if name == "tr":
            rows.append((node.sourceline or 0, node.find_all(["td", "th"], recursive=False)))
        if name and name != "table":   # (a row inside a row or a cell, through unclosed tags, is this table's too)
            stack.extend(reversed(node.contents))
    return rows


def _own_text(cell) -> str:
    """A cell's text as ``get_text(" ", strip=True)`` gives it, without what stands in a table, row or cell nested
    inside it: an unclosed ``<td>`` makes the parser nest the rest of the page in it, and every row's cell would
    then repeat it (quadratic in the page; found by fuzzing). Those nested rows are read as rows of their own.

    >>> from bs4 import BeautifulSoup
    >>> td = BeautifulSoup("<table><tr><td>a <b>b</b><table><tr><td>c</td></tr></table></td></tr></table>",
    ...                    "html.parser").td
    >>> _own_text(td)
    'a b'
    """
    from bs4 import CData, NavigableString
    parts: list[str] = []
    stack = list(reversed(cell.contents))
    while stack:
        node = stack.pop()
        if type(node) in (NavigableString, CData):
            text = node.strip()
            if text:
                parts.append(text)
        elif getattr(node, "name", None) and node.name not in _NESTED:
            stack.extend(reversed(node.contents))
    return " ".join(parts)
