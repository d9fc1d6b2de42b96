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
    """Rows of HTML tables (rowspan/colspan expanded to blank cells) and block text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")  # html.parser keeps source line numbers
    lines: list[Line] = []
    for el in soup.find_all(True):
        name = el.name
        if name == "table":
            lines.extend(_table_rows(el))
        elif name in _BLOCK_TAGS and el.find_parent("table") is None \
                and el.find(list(_BLOCK_TAGS | {"table"})) is None:
            content = el.get_text(" ", strip=True)
            if content:
                lines.append(Line(cells=[content], lineno=el.sourceline or 0))
    lines.sort(key=lambda ln: ln.lineno)
    return lines


def _table_rows(table) -> list[Line]:
    rows: list[Line] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def fill_spans(cells: list[str]) -> None:
        while pending.get(len(cells), 0) > 0:
            pending[len(cells)] -= 1
            cells.append("")

    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells: list[str] = []
        for td in tr.find_all(["td", "th"], recursive=False):
            fill_spans(cells)
            content = td.get_text(" ", strip=True)
            colspan = int(td.get("colspan", 1) or 1)
            rowspan = int(td.get("rowspan", 1) or 1)
            for k in range(colspan):
                if rowspan > 1:
                    pending[len(cells)] = rowspan - 1
                cells.append(content if k == 0 else "")
        fill_spans(cells)
        rows.append(Line(cells=cells, lineno=tr.sourceline or 0))
    return rows
