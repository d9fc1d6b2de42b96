"""DOCX with python-docx, in document order: paragraphs (titles, 单位/项目名称 blocks) as single-cell rows and
table rows as rows of cells.  Merges are read from the cell XML: a ``gridSpan`` cell gives its text once and
empty cells for the columns it spans; a ``vMerge`` continuation cell is empty (like a merged 一级/二级 cell in
HTML).  A nested table's rows follow the row holding it.  Rows are located as table + row (1-based)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .base import Location, Reader, ReaderError, ReadResult
from .xlsx import ZIP_MAGIC, zip_names

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxReader(Reader):
    name = "docx"
    suffixes = (".docx",)

    def sniff(self, head: bytes, path) -> bool:
        return head.startswith(ZIP_MAGIC) and "word/document.xml" in zip_names(path)

    def read(self, path) -> ReadResult:
        import docx
        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise ReaderError(path, f"not a readable DOCX file (corrupt or truncated: {exc})") from None
        except Exception as exc:
            raise ReaderError(path, f"not a readable DOCX file ({type(exc).__name__}: {exc})") from None
        result = ReadResult(reader=self.name, suffix=Path(path).suffix.lower())
        state = {"tables": 0, "paragraphs": 0}
        for child in _blocks(document.element.body):
            if child.tag == _W + "p":
                _paragraph(child, result, state)
            else:
                _table(child, result, state)
        if not state["tables"]:
            result.diagnostics.append("no table in the document (only paragraphs)")
        return result


def _blocks(parent):
    """Paragraphs and tables in document order, looking inside content controls (``w:sdt``) and custom XML
    wrappers, which Word forms put around tables and fields."""
    for child in parent.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag == _W + "customXml":
            yield from _blocks(child)


def _text(el) -> str:
    """The text of a paragraph or of a cell's own paragraphs (not of tables nested in it)."""
    parts = []
    for p in el.iterchildren(_W + "p"):
        parts.append("".join(t.text or "" for t in p.iter(_W + "t")))
    return "\n".join(parts) if el.tag != _W + "p" else "".join(t.text or "" for t in el.iter(_W + "t"))


def _rows(tbl):
    for child in tbl.iterchildren():
        if child.tag == _W + "tr":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):   # rows wrapped in a content control
            inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr):
    for child in tr.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if inner is not None:
                yield from _cells(inner)


def _paragraph(p, result: ReadResult, state: dict) -> None:
    state["paragraphs"] += 1
    text = _text(p).strip()
    if text:
        result.add([text], Location(paragraph=state["paragraphs"]))


def _table(tbl, result: ReadResult, state: dict) -> None:
    from .base import join_wrapped
    state["tables"] += 1
    number = state["tables"]
    for r, tr in enumerate(_rows(tbl), start=1):
        cells: list[str] = []
        nested = []
        pr = tr.find(_W + "trPr")
        before = pr.find(_W + "gridBefore") if pr is not None else None
        if before is not None:
            cells.extend([""] * int(before.get(_W + "val", "0") or 0))
        for tc in _cells(tr):
            tcpr = tc.find(_W + "tcPr")
            span, continued = 1, False
            if tcpr is not None:
                gs = tcpr.find(_W + "gridSpan")
                if gs is not None:
                    span = max(1, int(gs.get(_W + "val", "1") or 1))
                vm = tcpr.find(_W + "vMerge")
                continued = vm is not None and vm.get(_W + "val", "continue") != "restart"
            cells.append("" if continued else join_wrapped(_text(tc)))
            cells.extend([""] * (span - 1))
            nested.extend(tc.iterchildren(_W + "tbl"))
        result.add(cells, Location(table=number, row=r, cols=list(range(len(cells)))))
        for inner in nested:
            _table(inner, result, state)
