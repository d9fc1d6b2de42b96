"""Render the five bundled samples (``data/samples/*.txt``) as PDF, XLSX, XLS and DOCX test files, plus the broken
files the readers must report, into ``tests/formats/``.  Run: ``.venv/bin/python -m tools.make_formats``.

The tables come from parsing the text samples with the current parser (their records, grouped into one table
per project), laid out the way published 绩效目标表 are: a title line, 项目名称/主管部门 label rows, the header
一级指标 | 二级指标 | 三级指标 | 指标值, and 一级/二级 cells merged over the rows they cover.

- PDF (reportlab, built-in CID font ``STSong-Light``): ruled tables, merged cells, tables running over a page
  break with the header row repeated on the next page.
- XLSX (openpyxl): one project per sheet, except the last two tables of a document, which share one sheet; merged
  cells; values like ``95%`` and ``80`` stored as numbers with a number format (``0.95`` shown as ``0%``), and a
  填报日期 row holding a date cell.
- XLS (xlwt, unmaintained but still writes BIFF8): the same sheets; and the same again as XML Spreadsheet 2003
  saved as ``.xls`` (``xml2003/``), as budget systems export it.
- DOCX (python-docx): paragraphs for titles and one table per project with gridSpan/vMerge merges.
- broken: a truncated PDF, a corrupt XLSX, an image-only PDF (a scan), a DOCX without tables, a password-protected
  XLSX (msoffcrypto-tool) and PDF (reportlab's standard encryption).
- extra: number formats, a PDF without ruling lines, a PDF with a scanned page appended, a PDF whose font has no
  way to Unicode for pdfminer (``(cid:…)``).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
OUT = ROOT / "tests" / "formats"
HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
FILLED_ON = dt.date(2021, 2, 20)
PASSWORD = "jixiao"    # of broken/password.xlsx and broken/password.pdf


@dataclass
class Table:
    title: str
    kind: str
    project: str
    issuer: str
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def label_rows(self) -> list[list[str]]:
        first = "部门名称" if self.kind == "department" else "项目名称"
        return [[first, self.project, "", ""], ["主管部门", self.issuer, "", ""]]

    def spans(self) -> list[tuple[int, int, int]]:
        """(column, first row, last row) of the merged 一级 and 二级 cells, rows counted in ``self.rows``."""
        out = []
        for col, key in ((0, lambda r: r[0]), (1, lambda r: (r[0], r[1]))):
            start = 0
            for i in range(1, len(self.rows) + 1):
                if i == len(self.rows) or key(self.rows[i]) != key(self.rows[start]):
                    if i - 1 > start:
                        out.append((col, start, i - 1))
                    start = i
        return out

    def shown(self) -> list[list[str]]:
        """The indicator rows as the merged table shows them: a merged cell's text in its first row only."""
        rows = [list(r) for r in self.rows]
        for col, a, b in self.spans():
            for i in range(a + 1, b + 1):
                rows[i][col] = ""
        return rows


@dataclass
class Document:
    stem: str
    issuer: str
    year: int | None
    tables: list[Table]


def sample_documents() -> list[Document]:
    """The samples' records grouped into tables (one per project, in document order)."""
    sys.path.insert(0, str(ROOT))
    from indicators.parse import parse_file
    docs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        parsed = parse_file(path, path.name)
        tables: dict[tuple, Table] = {}
        issuer, year = "", None
        for r in parsed.indicators:
            key = (r.table_id, r.project)
            if key not in tables:
                title = r.table_title or ("部门整体支出绩效目标表" if r.table_kind == "department" else "项目绩效目标表")
                if r.year and str(r.year) not in title:
                    title = f"{r.year}年{title}"
                tables[key] = Table(title=title, kind=r.table_kind, project=r.project, issuer=r.issuer)
            issuer, year = issuer or r.issuer, year or r.year
            tables[key].rows.append((r.level1_raw or r.level1, r.level2_raw or r.level2, r.level3, r.value_raw))
        docs.append(Document(stem=path.stem, issuer=issuer, year=year, tables=list(tables.values())))
    return docs


def heading(doc: Document) -> str:
    return f"{doc.issuer}{doc.year or ''}年部门预算项目绩效目标"


# -- numbers as Excel stores them --------------------------------------------------------------------------
_PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")
_NUMBER = re.compile(r"^\d+(?:\.(\d+))?$")


def excel_value(text: str) -> tuple[object, str]:
    """(value, number format) a spreadsheet would store for a cell showing ``text``: 95% → (0.95, '0%')."""
    m = _PERCENT.match(text)
    if m:
        decimals = len(m.group(2) or "")
        return round(float(m.group(1)) / 100, decimals + 2), "0" + ("." + "0" * decimals if decimals else "") + "%"
    m = _NUMBER.match(text)
    if m:
        decimals = len(m.group(1) or "")
        return (float(text) if decimals else int(text)), ("0." + "0" * decimals if decimals else "General")
    return text, "General"


# -- XLSX ------------------------------------------------------------------------------------------------
def sheet_groups(doc: Document) -> list[list[Table]]:
    """One table per sheet; the last two tables of a document share a sheet (a sheet with two tables)."""
    groups = [[t] for t in doc.tables]
    if len(groups) >= 3:
        groups[-2:] = [groups[-2] + groups[-1]]
    return groups


def write_xlsx(doc: Document, path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n, group in enumerate(sheet_groups(doc), start=1):
        ws = wb.create_sheet(f"表{n}")
        r = 1
        for table in group:
            ws.cell(r, 1, table.title)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            r += 1
            ws.cell(r, 1, "填报日期")
            c = ws.cell(r, 2, FILLED_ON)
            c.number_format = "yyyy-mm-dd"
            r += 1
            for label in table.label_rows():
                ws.cell(r, 1, label[0])
                ws.cell(r, 2, label[1])
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
                r += 1
            for j, h in enumerate(HEADER, start=1):
                ws.cell(r, j, h).border = box
            r += 1
            first = r
            for row in table.shown():
                for j, text in enumerate(row, start=1):
                    value, fmt = excel_value(text) if j == 4 else (text or None, "General")
                    cell = ws.cell(r, j, value)
                    cell.number_format = fmt
                    cell.border = box
                    cell.alignment = Alignment(vertical="center", wrap_text=True)
                r += 1
            for col, a, b in table.spans():
                ws.merge_cells(start_row=first + a, start_column=col + 1, end_row=first + b, end_column=col + 1)
            r += 1   # a blank row between two tables on a sheet
        for letter, width in zip("ABCD", (14, 16, 40, 16)):
            ws.column_dimensions[letter].width = width
    wb.save(path)


# -- XLS -------------------------------------------------------------------------------------------------
def write_xls(doc: Document, path: Path) -> None:
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}

    def style(fmt: str):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; "
                                      "align: vert centre, wrap on", num_format_str=fmt)
        return styles[fmt]

    for n, group in enumerate(sheet_groups(doc), start=1):
        ws = wb.add_sheet(f"表{n}")
        r = 0
        for table in group:
            ws.write_merge(r, r, 0, 3, table.title)
            r += 1
            ws.write(r, 0, "填报日期")
            ws.write(r, 1, dt.datetime.combine(FILLED_ON, dt.time()), style("yyyy-mm-dd"))
            r += 1
            for label in table.label_rows():
                ws.write(r, 0, label[0])
                ws.write_merge(r, r, 1, 3, label[1])
                r += 1
            for j, h in enumerate(HEADER):
                ws.write(r, j, h, style("General"))
            r += 1
            first = r
            spans = {(col, a): b for col, a, b in table.spans()}
            covered = {(col, i) for col, a, b in table.spans() for i in range(a + 1, b + 1)}
            for i, row in enumerate(table.shown()):
                for j, text in enumerate(row):
                    if (j, i) in covered:
                        continue
                    value, fmt = excel_value(text) if j == 3 else (text, "General")
                    if (j, i) in spans:
                        ws.write_merge(first + i, first + spans[(j, i)], j, j, value, style(fmt))
                    else:
                        ws.write(first + i, j, value, style(fmt))
            r = first + len(table.rows) + 1
        for j, width in enumerate((14, 16, 40, 16)):
            ws.col(j).width = 256 * width
    wb.save(str(path))


# -- XML Spreadsheet 2003 (SpreadsheetML, saved as .xls) ------------------------------------------------------
def write_xml2003(doc: Document, path: Path) -> None:
    """The workbook as Excel's XML Spreadsheet 2003, the ``.xls`` that budget systems export from templates:
    merges as ss:MergeAcross / ss:MergeDown, cells after a covered column placed with ss:Index (as Excel writes
    them), numbers and the date with number formats in styles."""
    from xml.sax.saxutils import escape
    formats = {"General": "sG", "yyyy-mm-dd": "sD"}
    styles, sheets = [], []

    def style(fmt: str) -> str:
        if fmt not in formats:
            formats[fmt] = f"s{len(formats)}"
        return formats[fmt]

    def cell(index: int, value, fmt="General", across=0, down=0) -> str:
        attrs = f' ss:Index="{index}" ss:StyleID="{style(fmt)}"'
        attrs += f' ss:MergeAcross="{across}"' if across else ""
        attrs += f' ss:MergeDown="{down}"' if down else ""
        if value in ("", None):
            return f"<Cell{attrs}/>"
        if isinstance(value, dt.date):
            kind, text = "DateTime", f"{value.isoformat()}T00:00:00.000"
        elif isinstance(value, (int, float)):
            kind, text = "Number", repr(value)
        else:
            kind, text = "String", escape(str(value))
        return f'<Cell{attrs}><Data ss:Type="{kind}">{text}</Data></Cell>'

    for n, group in enumerate(sheet_groups(doc), start=1):
        rows = []
        for table in group:
            rows.append("<Row>" + cell(1, table.title, across=3) + "</Row>")
            rows.append("<Row>" + cell(1, "填报日期") + cell(2, FILLED_ON, "yyyy-mm-dd") + "</Row>")
            rows += ["<Row>" + cell(1, a) + cell(2, b, across=2) + "</Row>" for a, b, _, _ in table.label_rows()]
            rows.append("<Row>" + "".join(cell(j, h) for j, h in enumerate(HEADER, start=1)) + "</Row>")
            spans = {(col, a): b - a for col, a, b in table.spans()}
            covered = {(col, i) for col, a, b in table.spans() for i in range(a + 1, b + 1)}
            for i, row in enumerate(table.rows):
                out = []
                for j, text in enumerate(row):
                    if (j, i) in covered:
                        continue
                    value, fmt = excel_value(text) if j == 3 else (text, "General")
                    out.append(cell(j + 1, value, fmt, down=spans.get((j, i), 0)))
                rows.append("<Row>" + "".join(out) + "</Row>")
            rows.append("<Row/>")
        sheets.append(f'<Worksheet ss:Name="表{n}"><Table>' + "\n".join(rows) + "</Table></Worksheet>")
    for fmt, sid in formats.items():
        styles.append(f'<Style ss:ID="{sid}"><NumberFormat ss:Format="{escape(fmt, {chr(34): "&quot;"})}"/></Style>')
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
                    "<Styles>" + "".join(styles) + "</Styles>\n" + "\n".join(sheets) + "\n</Workbook>\n",
                    encoding="utf-8")


# -- DOCX ------------------------------------------------------------------------------------------------
def write_docx(doc: Document, path: Path) -> None:
    import docx
    d = docx.Document()
    d.add_paragraph(heading(doc))
    for table in doc.tables:
        d.add_paragraph(table.title)
        d.add_paragraph("单位：万元")
        labels = table.label_rows()
        shown = table.shown()
        t = d.add_table(rows=len(labels) + 1 + len(shown), cols=4)
        t.style = "Table Grid"
        for i, label in enumerate(labels):
            t.cell(i, 1).merge(t.cell(i, 3))
            t.cell(i, 0).text = label[0]
            t.cell(i, 1).text = label[1]
        for j, h in enumerate(HEADER):
            t.cell(len(labels), j).text = h
        first = len(labels) + 1
        for col, a, b in table.spans():
            t.cell(first + a, col).merge(t.cell(first + b, col))
        for i, row in enumerate(shown):
            for j, text in enumerate(row):
                if text:
                    t.cell(first + i, j).text = text
    d.save(str(path))


# -- PDF -------------------------------------------------------------------------------------------------
def write_pdf(doc: Document, path: Path, ruled: bool = True, encrypt=None, scanned_page: bool = False,
              repeat_header: bool = True) -> None:
    """``ruled=False``: no lines at all and no merged cells (一级/二级 repeated on every row), as PDFs printed
    from some budget systems are: read from word positions."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table as RLTable, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    title = ParagraphStyle("title", fontName="STSong-Light", fontSize=12, leading=18, alignment=1)
    story = [Paragraph(heading(doc), title), Spacer(1, 4 * mm)]
    for table in doc.tables:
        labels = table.label_rows()
        body = table.shown() if ruled else [list(r) for r in table.rows]
        data = [[Paragraph(c, cell) for c in row] for row in labels + [HEADER] + body]
        first = len(labels) + 1
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        if ruled:
            style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            style += [("SPAN", (1, i), (3, i)) for i in range(len(labels))]
            style += [("SPAN", (col, first + a), (col, first + b)) for col, a, b in table.spans()]
        t = RLTable(data, colWidths=[28 * mm, 34 * mm, 80 * mm, 32 * mm], repeatRows=(len(labels),) if repeat_header else 0,
                    style=TableStyle(style))
        story += [Paragraph(table.title, title), t, Spacer(1, 6 * mm)]
    if scanned_page:   # a last page that is only a picture, as when a scan is appended to a disclosure
        story += [PageBreak(), Image(io.BytesIO(scan_png()), width=150 * mm, height=100 * mm)]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=15 * mm, bottomMargin=15 * mm,
                      title=doc.stem, encrypt=encrypt).build(story)


# -- broken files ----------------------------------------------------------------------------------------
def write_broken(out: Path) -> None:
    """Files each reader must report (and not lose the other files of a run over)."""
    good_pdf = (out / "pdf" / "000_9408e0b0a87a77bd.pdf").read_bytes()
    (out / "broken" / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    good_xlsx = (out / "xlsx" / "000_9408e0b0a87a77bd.xlsx").read_bytes()
    (out / "broken" / "corrupt.xlsx").write_bytes(good_xlsx[: len(good_xlsx) // 2])
    write_scanned_pdf(out / "broken" / "scanned.pdf")
    import docx
    d = docx.Document()
    d.add_paragraph("关于2021年部门预算绩效目标的说明")
    d.add_paragraph("本部门2021年项目绩效目标已按要求编制，详见附件（未随本文发布）。")
    d.save(str(out / "broken" / "no_tables.docx"))
    fixed_zip(out / "broken" / "no_tables.docx")
    import msoffcrypto.format.ooxml
    with open(out / "xlsx" / "002_03b4c01fd59416ce.xlsx", "rb") as src, open(out / "broken" / "password.xlsx", "wb") as dst:
        msoffcrypto.format.ooxml.OOXMLFile(src).encrypt(PASSWORD, dst)


def scan_png() -> bytes:
    """A picture of a ruled table with smudges for text: what a scanned page holds."""
    from PIL import Image, ImageDraw
    img = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(img)
    for y in range(20, 381, 40):
        draw.line((20, y, 580, y), fill=0, width=2)
    for x in (20, 140, 260, 460, 580):
        draw.line((x, 20, x, 380), fill=0, width=2)
    for y in range(30, 370, 40):
        draw.rectangle((280, y + 10, 420, y + 18), fill=90)   # smudges where text would be
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def write_scanned_pdf(path: Path) -> None:
    """A page that is only an image of a ruled table (no text layer), as a scanned disclosure is."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(scan_png())), 40, 400, width=500, height=333)
    c.showPage()
    c.save()


# -- number formats: dates and percentages as Excel stores them -------------------------------------------------
DATE_ROWS = [  # (一级, 二级, 三级, value, number format) — value as stored; the test knows what it must show
    ("产出指标", "数量指标", "培训人次", 280, '0"人次"'),
    ("产出指标", "质量指标", "验收合格率", 0.95, "0%"),
    ("产出指标", "质量指标", "资金执行率", 0.985, "0.0%"),
    ("产出指标", "时效指标", "项目完成时间", dt.datetime(2021, 12, 31), "yyyy-mm-dd"),
    ("产出指标", "时效指标", "资金拨付时间", dt.datetime(2021, 6, 30), 'yyyy"年"m"月"d"日"'),
    ("效益指标", "社会效益指标", "受益人数", 1437, "#,##0"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "General"),
]
DATE_SHOWN = ["280人次", "95%", "98.5%", "2021-12-31", "2021年6月30日", "1,437", "≥90%"]


def write_number_formats(out: Path) -> None:
    """``number_formats.xlsx`` / ``.xls``: one project whose 指标值 cells are numbers and dates with formats."""
    import openpyxl
    import xlwt
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标"
    ws.append(["2021年项目支出绩效目标表"])
    ws.append(["项目名称", "社区培训项目"])
    ws.append(HEADER)
    for row in DATE_ROWS:
        ws.append(list(row[:4]))
        ws.cell(ws.max_row, 4).number_format = row[4]
    ws.merge_cells(start_row=4, start_column=1, end_row=8, end_column=1)
    ws.merge_cells(start_row=5, start_column=2, end_row=6, end_column=2)
    wb.save(out / "number_formats.xlsx")
    fixed_zip(out / "number_formats.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    sh = book.add_sheet("绩效目标")
    sh.write(0, 0, "2021年项目支出绩效目标表")
    sh.write(1, 0, "项目名称")
    sh.write(1, 1, "社区培训项目")
    for j, h in enumerate(HEADER):
        sh.write(2, j, h)
    for i, (l1, l2, l3, value, fmt) in enumerate(DATE_ROWS, start=3):
        if i == 3:
            sh.write_merge(3, 7, 0, 0, l1)
        elif i > 7:
            sh.write(i, 0, l1)
        if i == 4:
            sh.write_merge(4, 5, 1, 1, l2)
        elif i not in (5,):
            sh.write(i, 1, l2)
        sh.write(i, 2, l3)
        sh.write(i, 3, value, xlwt.easyxf(num_format_str=fmt))
    book.save(str(out / "number_formats.xls"))


def write_scanned_copy(src: Path, dst: Path, dpi: int = 100, quality: int = 60) -> None:
    """Every page of a PDF as a greyscale JPEG only (no text layer): a synthetic scan, cleaner than a real one
    (no skew, stains or stamps)."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    pdf = pdfium.PdfDocument(str(src))
    c = None
    try:
        for page in pdf:
            w, h = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            buf = io.BytesIO()
            image.save(buf, format="JPEG", quality=quality)
            c = c or canvas.Canvas(str(dst), pagesize=(w, h))
            c.setPageSize((w, h))
            c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=w, height=h)
            c.showPage()
            page.close()
    finally:
        pdf.close()
    c.save()


def write_no_unicode_map(src: Path, dst: Path) -> None:
    """The PDF of sample 002 with its CID font's encoding renamed to Identity-H and an unknown character
    collection: pdfminer (under pdfplumber) then has no way to Unicode and gives ``(cid:…)`` for every Chinese
    character, the pitfall of real Chinese PDFs whose fonts lack a ToUnicode map.  The names are padded to the
    same length, so the cross-reference offsets stay valid."""
    data = src.read_bytes()
    assert b"/UniGB-UCS2-H" in data and b"(GB1)" in data
    dst.write_bytes(data.replace(b"/UniGB-UCS2-H", b"/Identity-H  ").replace(b"(GB1)", b"(XX1)"))


def fixed_zip(path: Path) -> None:
    """Rewrite an XLSX/DOCX with fixed entry times and document dates, so that running the generator again
    gives the same bytes (no churn in git)."""
    import zipfile
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info.filename)) for info in zf.infolist()]
    stamp = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = stamp.sub(rb"\g<1>2021-02-20T00:00:00Z\g<2>", data)
            zf.writestr(zipfile.ZipInfo(name, date_time=(2021, 2, 20, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


WRITERS = {"pdf": write_pdf, "xlsx": write_xlsx, "xls": write_xls, "docx": write_docx}


def main(out: Path = OUT) -> list[Path]:
    from reportlab import rl_config
    rl_config.invariant = 1          # no creation date or random id in the PDFs: the same bytes every run
    written = []
    docs = sample_documents()
    for fmt, write in WRITERS.items():
        (out / fmt).mkdir(parents=True, exist_ok=True)
        for doc in docs:
            path = out / fmt / f"{doc.stem}.{fmt}"
            write(doc, path)
            if fmt in ("xlsx", "docx"):
                fixed_zip(path)
            written.append(path)
    (out / "broken").mkdir(parents=True, exist_ok=True)
    write_broken(out)
    written += sorted((out / "broken").iterdir())
    (out / "extra").mkdir(parents=True, exist_ok=True)
    write_number_formats(out / "extra")
    from reportlab.lib.pdfencrypt import StandardEncryption
    for doc in docs:
        if doc.stem.startswith("002_"):
            write_pdf(doc, out / "extra" / "002_no_lines.pdf", ruled=False)
            write_pdf(doc, out / "extra" / "002_scan_appended.pdf", scanned_page=True)
            write_pdf(doc, out / "broken" / "password.pdf", encrypt=StandardEncryption(PASSWORD, canPrint=1))
        if doc.stem.startswith("004_"):   # tables over page breaks, the header not repeated
            write_pdf(doc, out / "extra" / "004_header_not_repeated.pdf", repeat_header=False)
    write_no_unicode_map(out / "pdf" / "002_03b4c01fd59416ce.pdf", out / "extra" / "002_no_unicode_map.pdf")
    write_scanned_copy(out / "pdf" / "002_03b4c01fd59416ce.pdf", out / "extra" / "002_scanned.pdf")
    (out / "xml2003").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        write_xml2003(doc, out / "xml2003" / f"{doc.stem}.xls")
        written.append(out / "xml2003" / f"{doc.stem}.xls")
    written += sorted((out / "extra").iterdir())
    for p in written:
        print(f"{p.relative_to(ROOT)}\t{p.stat().st_size // 1024} KB")
    return written


if __name__ == "__main__":
    main()
