"""The file readers on real content laid out faithfully: every labelled document's indicators printed as the table
a budget system prints (一级指标 | 二级指标 | 三级指标 | 指标值, and 实际完成值 where the labels have one; one table per
project under its 项目名称 line; a 一级 or 二级 name shared by consecutive rows is one merged cell), in each file
format, read back by ``parse_file`` and scored against the same labels.

    python evaluation/evaluate_rendered.py [--only pdfplain] [--show] [--halves]

Forms: ``pdf`` (ruled, merged cells spanned, reportlab's built-in CID font), ``pdfplain`` (no ruling lines at all, a
merged cell's name printed once in the middle row of its span: read from word positions), ``docx`` (a Word table
with merged cells), ``xlsx`` (a sheet with merged ranges, the name in the range's first cell), ``html`` (``rowspan``),
and as text: ``pipes`` (pipe lines, a merged name once in the middle row of its span), ``celllines`` (one cell per line,
empty and merged cells absent) and ``runtogether`` (all cells with nothing between them); and as the prose of project
notices: ``headed`` (``一、产出指标`` / ``(一)数量指标`` heading lines, one indicator per line), ``notice`` (``数量指标:…;…;
质量指标:…。`` paragraphs) and ``list`` (``1.name:value`` items under a ``绩效目标:`` heading); a notice writes a number
right after its name and any other target after a comma.
Unlike ``evaluate_flattenings.py``, which re-flattens the pipe pages as they were published, every cell here stands
in its own column; the names and values are the pages' own (all labelled documents, not only the pipe pages).
A record matches a label by 三级 name as in ``evaluate_records.py``; *strict* also needs the value as written, and
*actual* is the 实际完成值 as written on the matched records whose label has one.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from itertools import groupby
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import evaluate_records as er  # noqa: E402
from indicators.parse import parse_file  # noqa: E402

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def tables(labels: list[dict]) -> list[tuple[str, list[list[str]]]]:
    """(project, rows) of each project's table: the header, then one row per label.

    >>> tables([{"project": "P", "level1": "产出指标", "level2": "数量指标", "level3": "培训人数", "value_raw": "≥200人"}])
    [('P', [['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '培训人数', '≥200人']])]
    """
    actual = any(lab.get("actual_raw") for lab in labels)
    out = []
    for project, group in groupby(labels, key=lambda lab: lab.get("project") or ""):
        rows = [HEADER + (["实际完成值"] if actual else [])]
        for lab in group:
            row = [lab.get("level1") or "", lab.get("level2") or "", lab["level3"], lab.get("value_raw") or ""]
            rows.append(row + ([lab.get("actual_raw") or ""] if actual else []))
        out.append((project, rows))
    return out


def spans(rows: list[list[str]]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each run of two or more body rows sharing a non-empty 一级 (column 0) or, under
    the same 一级, 二级 (column 1) name: the merged cells.

    >>> spans([HEADER, ["产出", "数量", "a", "1"], ["产出", "数量", "b", "2"], ["产出", "质量", "c", "3"]])
    [(0, 1, 3), (1, 1, 2)]
    """
    out = []
    for col in (0, 1):
        start = 1
        for i in range(2, len(rows) + 1):
            same = i < len(rows) and rows[i][col] and rows[i][:col + 1] == rows[start][:col + 1]
            if not same:
                if i - 1 > start:
                    out.append((col, start, i - 1))
                start = i
    return out


def _shown(rows: list[list[str]], middle: bool) -> list[list[str]]:
    """The rows with each merged name printed once: in its span's first row, or (``middle``) its middle row."""
    shown = [list(r) for r in rows]
    for col, a, b in spans(rows):
        keep = (a + b) // 2 if middle else a
        for i in range(a, b + 1):
            if i != keep:
                shown[i][col] = ""
    return shown


def write_pdf(doc_tables, path: Path, ruled: bool = True) -> None:
    from xml.sax.saxutils import escape
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from evaluate_flattenings import pdf_styles

    cell, para = pdf_styles(10, 14)
    story = []
    for project, rows in doc_tables:
        shown = _shown(rows, middle=not ruled)
        widths = [24, 28, 70, 34, 24][:len(rows[0])]
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        if ruled:
            style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            style += [("SPAN", (c, a), (c, b)) for c, a, b in spans(rows)]
        story += [Paragraph(escape(f"项目名称:{project}"), para), Spacer(1, 2 * mm),
                  Table([[Paragraph(escape(c), cell) for c in r] for r in shown], colWidths=[w * mm for w in widths],
                        style=TableStyle(style)), Spacer(1, 6 * mm)]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=15 * mm, bottomMargin=15 * mm).build(story)


def write_pdf_unruled(doc_tables, path: Path) -> None:
    write_pdf(doc_tables, path, ruled=False)


def write_docx(doc_tables, path: Path) -> None:
    import docx
    document = docx.Document()
    for project, rows in doc_tables:
        document.add_paragraph(f"项目名称:{project}")
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        shown = _shown(rows, middle=False)
        for i, row in enumerate(shown):
            for j, text in enumerate(row):
                if text:
                    grid.cell(i, j).text = text
        for col, a, b in spans(rows):
            grid.cell(a, col).merge(grid.cell(b, col))
    document.save(path)


def write_xlsx(doc_tables, path: Path) -> None:
    import openpyxl
    book = openpyxl.Workbook()
    sheet, top = book.active, 1
    for project, rows in doc_tables:
        sheet.cell(top, 1, "项目名称").data_type = "s"
        sheet.cell(top, 2, project).data_type = "s"
        for i, row in enumerate(_shown(rows, middle=False), start=top + 1):
            for j, text in enumerate(row, start=1):
                if text:
                    c = sheet.cell(i, j, text)
                    c.data_type = "s"   # "=230畝" is the text a cell shows, not a formula
        for col, a, b in spans(rows):
            sheet.merge_cells(start_row=top + 1 + a, end_row=top + 1 + b, start_column=col + 1, end_column=col + 1)
        top += len(rows) + 2
    book.save(path)


def write_html(doc_tables, path: Path) -> None:
    out = ["<html><body>"]
    for project, rows in doc_tables:
        first = {(a, col): b - a + 1 for col, a, b in spans(rows)}
        covered = {(i, col) for col, a, b in spans(rows) for i in range(a + 1, b + 1)}
        out += [f"<p>项目名称:{html.escape(project)}</p>", "<table border=1>"]
        for i, row in enumerate(rows):
            tds = "".join((f'<td rowspan="{first[(i, j)]}">' if (i, j) in first else "<td>") + html.escape(c) + "</td>"
                          for j, c in enumerate(row) if (i, j) not in covered)
            out.append(f"<tr>{tds}</tr>")
        out.append("</table>")
    path.write_text("\n".join(out + ["</body></html>"]), encoding="utf-8")


def _text(doc_tables, row_text) -> str:
    out = []
    for project, rows in doc_tables:
        out += [f"项目名称:{project}", row_text(rows[0])] + [row_text(r) for r in _shown(rows, middle=True)[1:]]
    return "\n".join(out)


def write_pipes(doc_tables, path: Path) -> None:
    """A web page's table flattened to pipe lines, a merged name printed once in the middle row of its span and its
    other cells empty (``| | | 名称 | 值 |``)."""
    path.write_text(_text(doc_tables, lambda r: "| " + " | ".join(r) + " |"), encoding="utf-8")


def write_cell_lines(doc_tables, path: Path) -> None:
    """One cell per line, empty cells and merged cells absent (a merged name once, in the middle row of its span)."""
    path.write_text(_text(doc_tables, lambda r: "\n".join(c for c in r if c)), encoding="utf-8")


def write_run_together(doc_tables, path: Path) -> None:
    """Every cell of a table run together with nothing between them, as a document-sharing preview prints it."""
    path.write_text(_text(doc_tables, lambda r: "".join(r)).replace("\n", ""), encoding="utf-8")


_NUMERALS = "一二三四五六七八九十"


def _said(name: str, value: str) -> str:
    """An indicator as a notice writes it: a number right after its name (``参训人员结业率≥100%``), other targets after a
    comma (``带动村集体及种植户增收致富,增加``, ``完成时限,2025年10月底前``), a name alone where the target is empty.

    >>> _said("参训人员结业率", "≥100%"), _said("完成时限", "2025年10月底前"), _said("农民综合素质", "持续提高")
    ('参训人员结业率≥100%', '完成时限,2025年10月底前', '农民综合素质,持续提高')
    """
    if not value:
        return name
    glued = (value[:1].isdigit() and not re.match(r"\d{4}年", value)) or value[:1] in "≥≤><=≧≦＞＜＝"
    return name + value if glued else f"{name},{value}"   # (a date after a comma: "完成时限,2025年10月底前")


def _prose(doc_tables, lead: str, body) -> str:
    out = []
    for project, rows in doc_tables:
        out += [f"项目名称:{project}", lead] + body([r for r in rows[1:]])
    return "\n".join(out)


def write_headed(doc_tables, path: Path) -> None:
    """A project notice's prose list (同心县 notices, doc 28): ``一、产出指标`` and ``(一)数量指标`` heading lines, then
    one indicator per line ending in ``;``."""
    def body(rows):
        out = []
        for k, (l1, g1) in enumerate(groupby(rows, key=lambda r: r[0])):
            out += [f"{_NUMERALS[k % 10]}、{l1}"] if l1 else []
            for j, (l2, g2) in enumerate(groupby(g1, key=lambda r: r[1])):
                out += [f"({_NUMERALS[j % 10]}){l2}"] if l2 else []
                out += [_said(r[2], r[3]) + ";" for r in g2]
        return out
    path.write_text(_prose(doc_tables, "现将绩效目标设定如下:", body), encoding="utf-8")


def write_notice(doc_tables, path: Path) -> None:
    """A project notice's paragraphs (同心县 下马关镇 notices, doc 67): an ``一、产出指标`` line, then one paragraph of
    ``数量指标:…;…;质量指标:…。`` with the indicators of each 二级 after its name and a colon."""
    def body(rows):
        out = []
        for k, (l1, g1) in enumerate(groupby(rows, key=lambda r: r[0])):
            out += [f"{_NUMERALS[k % 10]}、{l1}"] if l1 else []
            parts = [(f"{l2}:" if l2 else "") + ";".join(_said(r[2], r[3]) for r in g2)
                     for l2, g2 in groupby(g1, key=lambda r: r[1])]
            out.append(";".join(parts) + "。")
        return out
    path.write_text(_prose(doc_tables, "现将绩效目标设定如下:", body), encoding="utf-8")


def write_list(doc_tables, path: Path) -> None:
    """A numbered list under a ``绩效目标:`` heading (the national 基本公卫 indicators, doc 330): ``1.name:value``."""
    path.write_text(_prose(doc_tables, "绩效目标:", lambda rows: [
        f"{i}.{r[2]}:{r[3]}" if r[3] else f"{i}.{r[2]}" for i, r in enumerate(rows, 1)]), encoding="utf-8")


FORMS = {"pdf": (write_pdf, ".pdf"), "pdfplain": (write_pdf_unruled, ".pdf"), "docx": (write_docx, ".docx"),
         "xlsx": (write_xlsx, ".xlsx"), "html": (write_html, ".html"), "pipes": (write_pipes, ".txt"),
         "celllines": (write_cell_lines, ".txt"), "runtogether": (write_run_together, ".txt"),
         "headed": (write_headed, ".txt"), "notice": (write_notice, ".txt"), "list": (write_list, ".txt")}


PROSE = ("headed", "notice", "list")   # the forms that write no 实际完成值


def score(labels: list[dict], records: list) -> list[int]:
    """[matched, parsed, labelled, value as written, actuals labelled, actual as written]."""
    pairs = er.match(labels, records)
    strict = sum(er.norm(lab.get("value_raw")) == er.norm(rec.value_raw) for lab, rec in pairs)
    with_actual = [(lab, rec) for lab, rec in pairs if lab.get("actual_raw")]
    actual = sum(er.norm(lab["actual_raw"]) == er.norm(rec.actual_raw) for lab, rec in with_actual)
    return [len(pairs), len(records), len(labels), strict, len(with_actual), actual]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="one form")
    ap.add_argument("--show", action="store_true", help="the eight worst documents of each form")
    ap.add_argument("--halves", action="store_true",
                    help="F1 on the even- and the odd-numbered documents apart (tune on one, check on the other)")
    ap.add_argument("--set", choices=sorted(er.SETS), default="all",
                    help="the labelled documents to render (the README's tables: upto349, the 230 before 358)")
    a = ap.parse_args()
    docs = [d for d in er.documents(a.set) if er.load_labels(d)]
    totals: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-rendered-") as tmp:
        for doc in docs:
            labels = er.load_labels(doc)
            doc_tables = tables(labels)
            for name, (write, suffix) in FORMS.items():
                if a.only and name != a.only:
                    continue
                path = Path(tmp) / name / (doc.stem + suffix)
                path.parent.mkdir(parents=True, exist_ok=True)
                write(doc_tables, path)
                got = score(labels, parse_file(path).indicators)
                t = totals.setdefault(name, [[0] * 6, [], [0] * 6])
                t[0] = [x + y for x, y in zip(t[0], got)]
                t[1].append((round(er.prf(*got[:3])[2], 2), doc.name[:3].rstrip("_")))
                for k, n in enumerate(got[:3], start=er.half_at(doc)):
                    t[2][k] += n
    print(f"{len(docs)} labelled documents, {sum(len(er.load_labels(d)) for d in docs)} labels")
    for name, (tot, per, halves) in totals.items():
        p, r, f = er.prf(*tot[:3])
        strict = er.prf(tot[3], tot[1], tot[2])[2]
        actual = "no actual written" if name in PROSE else f"actual {tot[5] / tot[4] if tot[4] else 1:.3f} (of {tot[4]})"
        print(f"{name:11} precision {p:.3f} recall {r:.3f} F1 {f:.3f}  strict F1 {strict:.3f}  {actual}"
              + er.halves_and_worst(halves, per, a.halves, a.show))


if __name__ == "__main__":
    main()
