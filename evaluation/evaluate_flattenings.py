"""Robustness to how a page was flattened: the labelled real documents printed as pipe tables, re-flattened
the ways other mirrors and converters print the same table, and scored against the same labels.

    python evaluation/evaluate_flattenings.py [--only runtogether] [--show] [--halves]

Documents: every labelled page with a pipe table (20 or more ``|``); the ``published`` row is the same pages as
they are, so that the drop from it is what the flattening costs. Flattenings of each pipe line
(other lines are kept): ``published`` (the page as it is, for comparison), ``tabs`` (cells joined by tabs), ``spaces`` (by one space), ``cellperline`` (one cell per
line), ``blankpara`` (one cell per blank-line paragraph), ``runtogether`` (all cells and lines joined with
nothing between them, as document-sharing previews print a table), ``html`` (the web page: each pipe line a
``<tr>``, read as ``.html``), ``trad`` (the page in traditional script, as mirror sites serve it; names are matched
in simplified script), ``wrapped`` (one cell per line, long cells of letters broken by a space every 8 letters),
``pagebreaks`` (the page as published with a page number line after every 25 table lines); and the same pages written as files, ``xlsx`` (each pipe line a row), ``docx``
(each run of pipe lines a table) and ``pdf`` (each run of pipe lines a ruled table, printed by reportlab), read by
those formats' readers. Records match labels by 三级 name as in
``evaluate_records.py``.
"""
from __future__ import annotations

import argparse
import functools
import html
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import evaluate_records as er  # noqa: E402
from indicators.parse import parse_file  # noqa: E402
from indicators.table.stream import strip_glosses  # noqa: E402
from indicators.text import simplified  # noqa: E402

_PIPE = re.compile(r"[|｜]")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _PIPE.split(line) if c.strip()]


def flattenings(text: str) -> dict[str, str]:
    """The page's text in each flattening (see module doc).

    >>> f = flattenings("标题\\n| 数量指标 | 培训人数 | ≥200人 |")
    >>> f["tabs"], f["runtogether"]   # (f["published"] is the page as it is)
    ('标题\\n数量指标\\t培训人数\\t≥200人', '标题数量指标培训人数≥200人')
    """
    lines = text.split("\n")

    def each(join: str) -> str:
        return "\n".join(join.join(_cells(ln)) if _PIPE.search(ln) else ln for ln in lines)
    return {"published": text, "tabs": each("\t"), "spaces": each(" "), "cellperline": each("\n"), "blankpara": each("\n\n"),
            "runtogether": "".join("".join(_cells(ln)) if _PIPE.search(ln) else ln for ln in lines),
            "html": as_html(lines), "trad": traditional(text),
            "wrapped": "\n".join("\n".join(map(_wrap, _cells(ln))) if _PIPE.search(ln) else ln for ln in lines),
            "pagebreaks": "\n".join(_page_breaks(lines))}


def _page_breaks(lines: list[str], every: int = 25) -> list[str]:
    """The page's lines with a page number (``第 2 页，共 9 页``) after every ``every`` pipe lines, as a PDF printed over
    pages gives it between two rows of a table.

    >>> _page_breaks(["标题", "| a |", "| b |", "| c |"], every=2)
    ['标题', '| a |', '| b |', '第 2 页，共 9 页', '| c |']
    """
    out, rows = [], 0
    for ln in lines:
        out.append(ln)
        if _PIPE.search(ln):
            rows += 1
            if rows % every == 0:
                out.append(f"第 {rows // every + 1} 页，共 9 页")
    return out


def _wrap(cell: str, width: int = 8) -> str:
    """A cell of letters longer than ``width`` broken by a space every ``width`` letters, as a narrow column wraps it and
    a converter turns the wrap into a space; a cell with a digit (a target) is left whole.

    >>> _wrap("开展小型水利工程建设(个)"), _wrap("≥1290.3平方米冷库仓储建设")
    ('开展小型水利工程 建设(个)', '≥1290.3平方米冷库仓储建设')
    """
    if len(cell) <= width or any(ch.isdigit() for ch in cell):
        return cell
    return " ".join(cell[k:k + width] for k in range(0, len(cell), width))


def traditional(text: str) -> str:
    """The page in traditional script, as mirror sites serve simplified pages (OpenCC s2t)."""
    return _s2t().convert(text)


@functools.lru_cache(maxsize=1)
def _s2t():
    """One OpenCC converter for every page (building one loads its dictionaries)."""
    import opencc
    return opencc.OpenCC("s2t")


def as_html(lines: list[str]) -> str:
    """The page as the web page it was flattened from: each pipe line a ``<tr>`` of ``<td>`` cells, other lines
    paragraphs (read as ``.html``).

    >>> as_html(["标题", "| 数量指标 | ≥200人 |"]).split("\\n")
    ['<html><body>', '<p>标题</p>', '<table>', '<tr><td>数量指标</td><td>≥200人</td></tr>', '</table>', '</body></html>']
    """
    out, in_table = ["<html><body>"], False
    for ln in lines:
        if bool(_PIPE.search(ln)) != in_table:
            out.append("<table>" if not in_table else "</table>")
            in_table = not in_table
        if in_table:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(ln)) + "</tr>")
        else:
            out.append(f"<p>{html.escape(ln)}</p>")
    return "\n".join(out + (["</table>"] if in_table else []) + ["</body></html>"])


def write_xlsx(lines: list[str], path: Path) -> None:
    """The page as a workbook: each pipe line a row of cells from column A, other lines one cell."""
    import openpyxl
    book = openpyxl.Workbook()
    for row, ln in enumerate(lines, start=1):
        for col, text in enumerate(_cells(ln) if _PIPE.search(ln) else ([ln] if ln.strip() else []), start=1):
            cell = book.active.cell(row, col, text)
            cell.data_type = "s"   # "=230畝" is the text a cell shows, not a formula
    book.save(path)


def write_docx(lines: list[str], path: Path) -> None:
    """The page as a Word document: each run of pipe lines one table (as wide as its widest row), other lines
    paragraphs."""
    import docx
    document, block = docx.Document(), []

    def table() -> None:
        if block:
            grid = document.add_table(rows=len(block), cols=max(map(len, block)))
            for i, row in enumerate(block):
                for j, cell in enumerate(row):
                    grid.cell(i, j).text = cell
            block.clear()
    for ln in lines:
        if _PIPE.search(ln):
            block.append(_cells(ln))
        else:
            table()
            document.add_paragraph(ln)
    table()
    document.save(path)


def pdf_styles(para_size: float, para_leading: float):
    """reportlab's paragraph styles for a table cell (8 pt) and a text line (``para_size``), in its built-in CID font
    STSong-Light (registered here)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return (ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK"),
            ParagraphStyle("para", fontName="STSong-Light", fontSize=para_size, leading=para_leading, wordWrap="CJK"))


def write_pdf(lines: list[str], path: Path, ruled: bool = True) -> None:
    """The page as a PDF printed from the table (reportlab, its built-in CID font): each run of pipe lines one table
    with the cells in order from the first column (a short row padded with empty cells at its end; cells padded 1.5
    pt), columns as wide as their longest cell allows on an A4 page (long cells wrap over lines in their box), other
    lines paragraphs. ``ruled=False`` draws no lines (read from word positions); it is not one of the flattenings: a
    pipe line does not say which columns its merged cells were in, so a short row's cells would not stand under their
    headers (``evaluate_rendered.py`` prints the labelled tables unruled with every cell in its column)."""
    from xml.sax.saxutils import escape
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell, para = pdf_styles(9, 13)
    story, block = [], []

    def table() -> None:
        if block:
            width = max(map(len, block))
            rows = [row + [""] * (width - len(row)) for row in block]
            longest = [min(max(len(r[j]) for r in rows), 24) + 4 for j in range(width)]
            widths = [180 * mm * n / sum(longest) for n in longest]
            style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                     ("RIGHTPADDING", (0, 0), (-1, -1), 1.5)]
            style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
            story.append(Table([[Paragraph(escape(c), cell) for c in r] for r in rows], colWidths=widths,
                               style=TableStyle(style)))
            block.clear()
    for ln in lines:
        if _PIPE.search(ln):
            block.extend([_cells(ln)] if _cells(ln) else [])   # ("|||": no cell to draw)
        else:
            table()
            if ln.strip():
                story.append(Paragraph(escape(ln), para))
    table()
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=15 * mm, bottomMargin=15 * mm).build(story)


FILES = {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf}   # the same pages written as files, read by those formats' readers


def _scripts(labels: list[dict], records: list) -> tuple[list[dict], list]:
    """Labels and records with their names in simplified script, to be matched whatever script each is in."""
    from types import SimpleNamespace
    return ([dict(lab, level3=simplified(lab["level3"])) for lab in labels],
            [SimpleNamespace(level3=simplified(r.level3), value_raw=r.value_raw) for r in records])


def pipe_documents() -> list[Path]:
    """The labelled pages printed as pipe tables (chosen by their text alone, so that two commits are measured
    on the same pages)."""
    return [doc for doc in er.documents("all") if doc.suffix in (".txt", ".md")   # (not the workbooks 370-385)
            and doc.read_text(encoding="utf-8").count("|") >= 20 and er.load_labels(doc)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="one flattening")
    ap.add_argument("--show", action="store_true", help="the eight worst documents of each flattening")
    ap.add_argument("--halves", action="store_true",
                    help="F1 on the even- and the odd-numbered documents apart (tune on one, check on the other)")
    a = ap.parse_args()
    docs = pipe_documents()
    totals: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-flat-") as tmp:
        for doc in docs:
            labels = er.load_labels(doc)
            text = doc.read_text(encoding="utf-8")
            for name, flat in list(flattenings(text).items()) + list(FILES.items()):
                if a.only and name != a.only:
                    continue
                suffix = {"html": ".html", "xlsx": ".xlsx", "docx": ".docx", "pdf": ".pdf"}.get(name)
                path = Path(tmp) / name / (doc.stem + suffix if suffix else doc.name)
                path.parent.mkdir(parents=True, exist_ok=True)
                if name in FILES:   # (a file has no web mirror's pinyin glosses: "經(jīng)費")
                    flat(strip_glosses(text).split("\n"), path)
                else:
                    path.write_text(flat, encoding="utf-8")
                records = parse_file(path).indicators
                tp = len(er.match(*_scripts(labels, records) if name == "trad" else (labels, records)))
                t = totals.setdefault(name, [0, 0, 0, [], [0] * 6])
                t[0] += tp
                t[1] += len(records)
                t[2] += len(labels)
                t[3].append((round(er.prf(tp, len(records), len(labels))[2], 2), doc.name[:3].rstrip("_")))
                for k, n in enumerate((tp, len(records), len(labels)), start=er.half_at(doc)):
                    t[4][k] += n
    print(f"{len(docs)} pipe-table documents, {sum(len(er.load_labels(d)) for d in docs)} labels")
    for name, (tp, pred, gold, per, halves) in totals.items():
        p, r, f = er.prf(tp, pred, gold)
        print(f"{name:12} precision {p:.3f} recall {r:.3f} F1 {f:.3f}" + er.halves_and_worst(halves, per, a.halves, a.show))


if __name__ == "__main__":
    main()
