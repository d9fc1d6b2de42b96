"""PDF with a text layer, with pdfplumber: on every page the tables found from the ruling lines
(``find_tables``; a merged cell's spanned positions come back as ``None`` → empty cells), the text lines outside
them (titles, 项目名称 blocks) in reading order, and for a page with text but no ruled table, rows rebuilt from
word positions (cells in the header's columns, wrapped cells joined).  A table continued on the next page with its header repeated is read
as one table: the repeated header row is dropped.  Per page diagnostics: a page with no text layer ("scanned
page, no text layer"), characters pdfminer cannot map to Unicode (``(cid:…)``; such a page keeps pdfplumber's tables and lines,
their text read from their boxes by pypdfium2's text engine, and says so)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Location, Reader, ReaderError, ReadResult, join_wrapped
from .settings import settings

_CID = re.compile(r"\(cid:\d+\)")


class PdfReader(Reader):
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes, path) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, path) -> ReadResult:
        import pdfplumber
        result = ReadResult(reader=self.name, suffix=".pdf")
        try:
            pdf = pdfplumber.open(path)
        except Exception as exc:  # pdfminer's PDFSyntaxError, PSEOF on truncated files, password errors
            raise ReaderError(path, f"not a readable PDF ({_reason(exc)})") from None
        state = PageState()
        try:
            try:
                pages = pdf.pages
            except Exception as exc:
                raise ReaderError(path, f"not a readable PDF ({_reason(exc)})") from None
            for number, page in enumerate(pages, start=1):
                try:
                    read_page(page, number, result, state, path)
                except ReaderError:
                    raise
                except Exception as exc:
                    result.diagnostics.append(f"page {number}: unreadable ({_reason(exc)})")
        finally:
            pdf.close()
        if pages and all(d.endswith("no text layer") for d in result.diagnostics) \
                and len(result.diagnostics) == len(pages):
            result.diagnostics.insert(0, "no text layer on any page (a scanned document): OCR it first")
        return result


def _reason(exc: BaseException) -> str:
    """What went wrong, looking through pdfplumber's wrapper (``PdfminerException(PDFPasswordIncorrect())``)."""
    inner = [exc, *[a for a in exc.args if isinstance(a, BaseException)], exc.__cause__, exc.__context__]
    for e in inner:
        if e is not None and ("Password" in type(e).__name__ or "password" in str(e).lower()):
            return "password-protected PDF: save it without a password first"
    cause = next((a for a in exc.args if isinstance(a, BaseException)), None)
    if cause is not None:
        exc = cause
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class PageState:
    """What the previous page ended with, to join a table continued on the next page."""

    def __init__(self):
        self.last_header: str | None = None     # the last table header row's text, whitespace removed
        self.anchors: list[float] = []          # x of each column of the last header (pages without lines)
        self.ended_in_table = False


def _norm(cells) -> list[str]:
    return [re.sub(r"\s+", "", c or "") for c in cells]


def read_page(page, number: int, result: ReadResult, state: PageState, path) -> None:
    chars = page.chars
    if not chars:
        from . import ocr
        if page.images and ocr.available():
            items, note = ocr.read_scanned_page(page, number, path, state)
            result.diagnostics.append(note)
            add_items(items, result, state)
            return
        state.ended_in_table = False
        result.diagnostics.append(f"page {number}: " + ("scanned page, no text layer" if page.images
                                                       else "empty page, no text layer"))
        return
    cids = sum(1 for c in chars if c.get("text", "").startswith("(cid:"))
    pdfium = None
    if cids and cids / max(1, len(chars)) > settings()["pdf"]["cid_share"]:
        pdfium = PdfiumText(path, number, page.height)
        result.diagnostics.append(f"page {number}: {cids} characters without a Unicode mapping ((cid:…)) in "
                                  f"pdfminer; text read with pypdfium2 (cells and lines by their boxes)")
    try:
        items = page_items(page, number, state, pdfium)
    finally:
        if pdfium is not None:
            pdfium.close()
    add_items(items, result, state)


def add_items(items: list, result: ReadResult, state: PageState) -> None:
    """A page's rows and lines in reading order into ``result``; a header repeated at the top of a page that
    continues a table is dropped."""
    items.sort(key=lambda it: (round(it[0], 1), it[1]))
    top_item = next((i for i, it in enumerate(items) if len("".join(it[2])) > 12), None)  # not a page number
    for i, (_, _, cells, loc) in enumerate(items):
        joined = "".join(_norm(cells))
        if i == top_item and state.ended_in_table and joined == state.last_header:
            continue   # the header repeated on a continuation page: the table goes on
        if loc.table is not None and _is_header_row(cells):
            state.last_header = joined
        result.add(cells, loc)
    tail = [it for it in items if not (it[3].table is None and len("".join(it[2])) <= 12)]  # page numbers
    state.ended_in_table = bool(tail) and tail[-1][3].table is not None


def page_items(page, number: int, state: PageState, pdfium=None) -> list[tuple[float, int, list[str], Location]]:
    """(top, order, cells, location) of every table row and text line of the page.  With ``pdfium`` (a page
    whose characters pdfminer cannot map) each cell's and line's text is read from its box by pypdfium2."""
    tables = page.find_tables()
    items: list[tuple[float, int, list[str], Location]] = []
    for t_index, table in enumerate(tables, start=1):
        rows = table.extract() if pdfium is None else [[pdfium.text(b) if b else None for b in row.cells]
                                                       for row in table.rows]
        for r_index, (row, cells) in enumerate(zip(table.rows, rows), start=1):
            cells = [_clean(join_wrapped(c)) for c in cells]
            items.append((row.bbox[1], len(items), cells,
                          Location(page=number, table=t_index, row=r_index, cols=list(range(len(cells))))))
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    if tables or pdfium is not None:
        for line in outside.extract_text_lines(return_chars=False):
            text = line["text"] if pdfium is None else pdfium.text((line["x0"], line["top"], line["x1"], line["bottom"]))
            items.append((line["top"], len(items), [_clean(join_wrapped(text))], Location(page=number)))
    else:
        for top, cells in word_rows(page, state):
            items.append((top, len(items), cells, Location(page=number, cols=list(range(len(cells))))))
    return items


class PdfiumText:
    """Text inside a box of one page, by pypdfium2's own font decoding (boxes in pdfplumber's coordinates:
    origin top left)."""

    def __init__(self, path, number: int, height: float):
        import pypdfium2 as pdfium
        self.doc = pdfium.PdfDocument(str(path))
        self.page = self.doc[number - 1]
        self.textpage = self.page.get_textpage()
        self.height = height

    def text(self, box) -> str:
        x0, top, x1, bottom = box
        return self.textpage.get_text_bounded(left=x0, bottom=self.height - bottom, right=x1,
                                              top=self.height - top).replace("\r", "")

    def close(self) -> None:
        self.textpage.close()
        self.page.close()
        self.doc.close()


def _is_header_row(cells: list[str]) -> bool:
    from ..layouts.base import header_roles, is_header
    return is_header(header_roles([c for c in cells if c]))


def _clean(text: str | None) -> str:
    return _CID.sub("", text or "").strip()


@dataclass
class WordLine:
    top: float
    size: float                      # text height: the unit of every distance here
    cells: list[tuple[float, str]]   # (x0, text) of each cell, left to right
    chars: list[list[tuple[float, str]]] = None   # (x0, character) of each cell's characters


def word_lines(page) -> list[WordLine]:
    """A page's words grouped into lines by their top, cut into cells where the gap between two words is
    wider than two characters."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5, return_chars=True)
    groups: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if groups and abs(groups[-1][0]["top"] - w["top"]) <= 2:
            groups[-1].append(w)
        else:
            groups.append([w])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w["x0"])
        size = max(1.0, sum(w["bottom"] - w["top"] for w in group) / len(group))
        cells = [(group[0]["x0"], group[0]["text"])]
        chars = [[(c["x0"], c["text"]) for c in group[0].get("chars", [])]]
        for prev, w in zip(group, group[1:]):
            if w["x0"] - prev["x1"] > 2 * size:
                cells.append((w["x0"], w["text"]))
                chars.append([])
            else:
                space = " " if prev["text"][-1:].isascii() and w["text"][:1].isascii() else ""
                cells[-1] = (cells[-1][0], cells[-1][1] + space + w["text"])
            chars[-1].extend((c["x0"], c["text"]) for c in w.get("chars", []))
        lines.append(WordLine(group[0]["top"], size, [(x, _clean(t)) for x, t in cells], chars))
    return lines


def _columns(line: WordLine, anchors: list[float]) -> dict[int, str]:
    """The line's cells by the header column they start in."""
    def column(x: float) -> int:
        return max((j for j, a in enumerate(anchors) if a <= x + line.size / 2), default=0)

    out: dict[int, str] = {}
    for k, (x, text) in enumerate(line.cells):
        chars = line.chars[k] if line.chars else []
        cols = [column(cx) for cx, _ in chars]
        if not chars or len(set(cols)) == 1:
            out[column(x)] = out.get(column(x), "") + text
            continue
        for col, (_, ch) in zip(cols, chars):   # a cell running over a column start: cut it there
            out[col] = out.get(col, "") + ch
    return {c: _clean(t) for c, t in out.items()}


def word_rows(page, state: "PageState | None" = None, lines: "list[WordLine] | None" = None
              ) -> list[tuple[float, list[str]]]:
    """Rows of a page without ruling lines (``lines``: its text lines, by default from its words).  After a
    header row (一级指标 | 二级指标 | … found by its words) the cells are put in the header's columns, and a cell
    wrapped over several lines is joined back (:func:`join_wrapped_rows`)."""
    state = state or PageState()
    rows: list[dict] = []   # {"top", "size", "cols": {col: text} or None before a header, "own", "plain"}
    for line in (word_lines(page) if lines is None else lines):
        texts = [t for _, t in line.cells]
        cols = None
        if _is_header_row(texts):
            state.anchors = [x for x, _ in line.cells]
        elif state.anchors:
            cols = _columns(line, state.anchors)
        rows.append({"top": line.top, "size": line.size, "cols": cols, "own": set(cols or ()), "plain": texts})
    return [(row.get("top_first", row["top"]), _row_cells(row, len(state.anchors)))
            for row in join_wrapped_rows(join_close_lines(rows), len(state.anchors))]


def join_close_lines(rows: list[dict]) -> list[dict]:
    """Lines of one table row: under a header, a line at most ``pdf.row_pitch`` (``readers.toml``) text heights below
    the line above goes on the row above, column by column, where the table's rows stand farther apart than that (a
    fifth of the gaps between lines or more are wider): cells wrapped over lines in several columns at once (a long
    name and a long target side by side, vertically centred in their row; doc 172 printed unruled). Lines evenly
    spaced (single-line rows, a sheet printed at its default row height, whose rows may stand closer) are left as
    they are."""
    body = [k for k, r in enumerate(rows) if r["cols"] is not None]
    limit = settings()["pdf"]["row_pitch"]
    gaps = [(rows[k]["top"] - rows[j]["top"], rows[j]["size"]) for j, k in zip(body, body[1:]) if k == j + 1]
    wide = [g for g, size in gaps if g > limit * size]
    if len(wide) < max(2, len(gaps) / 5):
        return rows
    merged: list[dict] = []
    for row in rows:
        prev = merged[-1] if merged else None
        gap = row["top"] - prev["last_top"] if prev is not None and "last_top" in prev else None
        if row["cols"] is not None and gap is not None and gap <= limit * row["size"]:
            for c, t in row["cols"].items():
                prev["cols"][c] = prev["cols"].get(c, "") + t
            prev["own"] |= set(row["cols"])
            prev["last_top"] = row["top"]
            continue
        row = dict(row, last_top=row["top"]) if row["cols"] is not None else row
        merged.append(row)
    return merged


def _fits(fragment: dict, row: dict | None) -> bool:
    """A fragment line belongs to ``row``: within one text height, and only in columns the row's own line
    leaves empty."""
    return (row is not None and row["cols"] is not None
            and abs(row["top"] - fragment["top"]) <= 1.05 * fragment["size"]
            and not (set(fragment["cols"]) & row["own"]))


def join_wrapped_rows(rows: list[dict], ncols: int) -> list[dict]:
    """A line with cells in fewer than all columns, all of them empty in its nearest neighbouring row, is part
    of that row: above it, its text goes first; below it, after (a wrapped cell is centred on its row)."""
    merged: list[dict] = []
    for i, row in enumerate(rows):
        if row["cols"] is not None and len(row["cols"]) < ncols:
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            prev = merged[-1] if merged else None
            below, above = _fits(row, nxt), _fits(row, prev)
            if below and (not above or nxt["top"] - row["top"] <= row["top"] - prev["top"]):
                for c, t in row["cols"].items():
                    nxt["cols"][c] = t + nxt["cols"].get(c, "")
                nxt.setdefault("top_first", row["top"])
                continue
            if above:
                for c, t in row["cols"].items():
                    prev["cols"][c] = prev["cols"].get(c, "") + t
                continue
        merged.append(row)
    return merged


def _row_cells(row: dict, ncols: int = 0) -> list[str]:
    """A single-cell line (a title, a 项目名称 block) stays one cell; a table row has one cell per header column (the
    columns it leaves blank are empty cells), a row with one cell past the first column too (a 三级 name whose value
    cells are empty, its 一级/二级 merged: doc 101)."""
    if row["cols"] is None:
        return row["plain"]
    if len(row["plain"]) == 1 and len(row["cols"]) == 1 and 0 in row["cols"]:
        return ["".join(row["cols"].values())]
    return [row["cols"].get(j, "") for j in range(max(max(row["cols"]) + 1, ncols))]
