"""Format readers (issue #10): the samples rendered as PDF / XLSX / XLS / DOCX read to the records of the text
versions; number formats, merged cells, locations, broken files and content sniffing.

The rendered files are made by ``tools/make_formats.py`` from the parsed text samples; the expected records here
are always the text samples parsed in the test, never numbers copied into it."""
from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
from pathlib import Path

import pytest

from indicators.parse import collect_files, parse_file, read_documents
from indicators.readers.registry import reader_for, supported_suffixes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
FORMATS = ROOT / "tests" / "formats"
FIXTURES = ROOT / "tests" / "fixtures"


# folder under tests/formats → (file suffix, reader that must read it)
RENDERED = {"pdf": (".pdf", "pdf"), "xlsx": (".xlsx", "xlsx"), "xls": (".xls", "xls"), "docx": (".docx", "docx"),
            "xml2003": (".xls", "xml2003")}


def rendered(folder: str, sample: str) -> Path:
    return FORMATS / folder / f"{sample}{RENDERED[folder][0]}"


def key(r) -> tuple[str, ...]:
    """What must agree between formats; whitespace removed (the record convention: a PDF cell's wrapped line
    or a DOCX cell does not keep the spaces of a text rendering)."""
    return tuple(re.sub(r"\s+", "", x) for x in (r.project, r.level1, r.level2, r.level3, r.value_raw))


@pytest.fixture(scope="module")
def text_records() -> dict[str, list[tuple]]:
    return {p.stem: [key(r) for r in parse_file(p).indicators] for p in SAMPLES}


@pytest.mark.parametrize("fmt", list(RENDERED))
@pytest.mark.parametrize("sample", [p.stem for p in SAMPLES])
def test_rendered_sample_reads_to_the_text_records(fmt, sample, text_records):
    doc = parse_file(rendered(fmt, sample))
    assert doc.error is None, doc.error
    assert doc.file_reader == RENDERED[fmt][1]
    assert [key(r) for r in doc.indicators] == text_records[sample]


def test_all_307_sample_records_in_every_format(text_records):
    assert sum(len(v) for v in text_records.values()) == 307
    for fmt in RENDERED:
        result = read_documents([FORMATS / fmt])
        assert len(result) == 307, fmt
        assert not result.errors


# -- number formats: Excel serials and fractions never reach the output ---------------------------------
EXPECTED_SHOWN = {"培训人次": "280人次", "验收合格率": "95%", "资金执行率": "98.5%", "项目完成时间": "2021-12-31",
                  "资金拨付时间": "2021年6月30日", "受益人数": "1,437", "群众满意度": "≥90%"}


@pytest.mark.parametrize("name", ["number_formats.xlsx", "number_formats.xls"])
def test_cells_come_out_as_the_sheet_shows_them(name):
    doc = parse_file(FORMATS / "extra" / name)
    assert {r.level3: r.value_raw for r in doc.indicators} == EXPECTED_SHOWN
    assert {r.project for r in doc.indicators} == {"社区培训项目"}
    # merged 一级 (rows 4–8) and 二级 (rows 5–6) cells fill down
    assert [r.level1 for r in doc.indicators][:5] == ["产出指标"] * 5
    assert [r.level2 for r in doc.indicators][1:3] == ["质量指标", "质量指标"]


def _serial(day: dt.date) -> str:
    return str((day - dt.date(1899, 12, 30)).days)


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "xml2003"])
def test_no_excel_serial_or_fraction_in_any_row(fmt):
    serial = _serial(dt.date(2021, 2, 20))          # the 填报日期 cell of every generated sheet
    for path in sorted((FORMATS / fmt).glob(f"*{RENDERED[fmt][0]}")):
        result = reader_for(path).read(path)
        cells = [c for ln in result.lines for c in ln.cells]
        assert "2021-02-20" in cells
        assert not any(serial in c for c in cells), path
        assert not any(re.fullmatch(r"0\.\d+", c) for c in cells), path   # 0.95 for 95%
    for r in read_documents([FORMATS / fmt]):
        assert not re.fullmatch(r"4\d{4}(?:\.0)?", r.value_raw), r


# -- merged cells -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", list(RENDERED))
def test_merged_cells_are_empty_after_their_first_row(fmt):
    """002's first table: 投入管理指标 / 预算和财务管理 merged over four rows; the text is in the first only."""
    path = rendered(fmt, "002_03b4c01fd59416ce")
    lines = reader_for(path).read(path).lines
    i = next(i for i, ln in enumerate(lines) if "预算执行率" in ln.cells)
    rows = [ln.cells for ln in lines[i:i + 4]]
    assert rows[0][:3] == ["投入管理指标", "预算和财务管理", "预算执行率"]
    assert [r[:2] for r in rows[1:]] == [["", ""]] * 3
    assert [r[2] for r in rows[1:]] == ["结转结余率", "“三公经费”控制率", "政府采购执行率"]


def test_docx_horizontal_span_gives_empty_cells_after_its_text():
    path = FORMATS / "docx" / "002_03b4c01fd59416ce.docx"
    lines = reader_for(path).read(path).lines
    label = next(ln for ln in lines if ln.cells[0] == "部门名称")
    # gridSpan 3: two empty cells, trimmed at the end to one (which says the row's last columns are empty)
    assert label.cells == ["部门名称", "安阳市医疗保障局", ""]
    assert sum(1 for ln in lines if ln.cells[:1] == ["一级指标"]) == 3


# -- locations --------------------------------------------------------------------------------------------
def _record(path, level3):
    return next(r for r in parse_file(path).indicators if r.level3 == level3)


def test_workbook_record_points_at_its_sheet_and_cell():
    # sheet 表1: title, 填报日期, 部门名称, 主管部门, header, then 预算执行率 in row 6, column C
    r = _record(FORMATS / "xlsx" / "002_03b4c01fd59416ce.xlsx", "预算执行率")
    assert (r.source_sheet, r.source_cell, r.source_page) == ("表1", "表1!C6", None)
    for folder in ("xls", "xml2003"):
        r = _record(rendered(folder, "002_03b4c01fd59416ce"), "预算执行率")
        assert (r.source_sheet, r.source_cell) == ("表1", "表1!C6")


def test_sheet_with_two_tables_locates_the_second_table():
    path = FORMATS / "xlsx" / "002_03b4c01fd59416ce.xlsx"
    doc = parse_file(path)
    last_sheet = {r.source_sheet for r in doc.indicators if r.project in ("基金监管专项检查", "第三方审核平台基础性服务")}
    assert last_sheet == {"表2"}                              # the document's last two tables share a sheet
    import openpyxl
    ws = openpyxl.load_workbook(path)["表2"]
    for r in doc.indicators:
        if r.source_sheet == "表2":
            cell = r.source_cell.split("!")[1]
            assert re.sub(r"\s+", "", str(ws[cell].value)) == r.level3    # the cell really holds the name


@functools.lru_cache(maxsize=16)
def _workbook(path: Path):
    if path.suffix == ".xlsx":
        import openpyxl
        return openpyxl.load_workbook(path)
    import xlrd
    return xlrd.open_workbook(str(path))


def _cell_value(path: Path, sheet: str, ref: str):
    """A workbook cell's stored value, read with openpyxl / xlrd directly (not through the reader under test)."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    row, col = int(m.group(2)), sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(m.group(1))))
    if path.suffix == ".xlsx":
        return _workbook(path)[sheet].cell(row, col).value
    return _workbook(path).sheet_by_name(sheet).cell_value(row - 1, col - 1)


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_every_workbook_record_points_at_the_cell_holding_its_name(fmt):
    for path in sorted((FORMATS / fmt).glob(f"*.{fmt}")):
        for r in parse_file(path).indicators:
            sheet, ref = r.source_cell.split("!")
            assert sheet == r.source_sheet
            assert re.sub(r"\s+", "", str(_cell_value(path, sheet, ref))) == r.level3, (path.name, r.source_cell)


def test_docx_record_points_at_table_and_row():
    r = _record(FORMATS / "docx" / "002_03b4c01fd59416ce.docx", "预算执行率")
    assert r.source_cell == "table 1, row 4, cell 3" and r.source_page is None and r.source_sheet == ""


def test_pdf_records_carry_their_page_and_a_table_runs_over_a_page_break():
    path = FORMATS / "pdf" / "004_5b66e89a0461132a.pdf"
    doc = parse_file(path)
    assert all(r.source_page for r in doc.indicators)
    pages = {}
    for r in doc.indicators:
        pages.setdefault(r.project, set()).add(r.source_page)
    split = [p for p, s in pages.items() if len(s) > 1]
    assert split, "the generated PDF has a table broken over two pages"
    # the continued table's header row (repeated on the next page) is not read as a row of its own
    result = reader_for(path).read(path)
    headers = sum(1 for ln in result.lines if "".join(ln.cells).replace(" ", "") == "一级指标二级指标三级指标指标值")
    tables = len({(r.table_id, r.project) for r in doc.indicators})
    assert headers == tables
    assert _record(path, "打击欺诈骗取医保基金行为,保障基金安全").source_page == 3


def test_text_records_have_no_page_sheet_or_cell():
    doc = parse_file(SAMPLES[0])
    assert {(r.source_page, r.source_sheet, r.source_cell) for r in doc.indicators} == {(None, "", "")}


def test_csv_columns_keep_their_order_and_add_the_locations():
    from indicators.model import CSV_COLUMNS
    df = read_documents([FORMATS / "xlsx" / "002_03b4c01fd59416ce.xlsx"]).to_frame()
    assert list(df.columns[:17])[-1] == "description"
    assert list(df.columns[17:20]) == ["source_page", "source_sheet", "source_cell"] == CSV_COLUMNS[17:20]
    assert df["source_cell"].str.match(r"^表\d+!C\d+$").all()


def test_source_excerpt_shows_rows_and_where_they_are():
    from indicators import report
    path = FORMATS / "xlsx" / "002_03b4c01fd59416ce.xlsx"
    r = _record(path, "预算执行率")
    text = report.source_excerpt(str(path), r.source_line, r.source_line, context=0)
    assert "预算执行率" in text and "sheet 表1, row 6" in text
    text = report.source_excerpt(str(FORMATS / "pdf" / "004_5b66e89a0461132a.pdf"), 3, 3, context=0)
    assert "page 1" in text


# -- broken files -----------------------------------------------------------------------------------------
def test_each_broken_file_says_what_is_wrong_and_the_others_still_parse(text_records):
    good = FORMATS / "docx" / "003_08710cc348d5ea60.docx"
    result = read_documents([FORMATS / "broken", good])
    by_name = {Path(d.source_file).name: d for d in result.documents}
    assert set(by_name) == {"truncated.pdf", "corrupt.xlsx", "scanned.pdf", "no_tables.docx", "password.xlsx",
                            "password.pdf", good.name}
    assert "password-protected" in by_name["password.xlsx"].error.reason       # a real encrypted workbook
    assert "password-protected PDF" in by_name["password.pdf"].error.reason
    assert "not a readable PDF" in str(by_name["truncated.pdf"].error)
    assert str(by_name["truncated.pdf"].error).startswith(str(FORMATS / "broken" / "truncated.pdf"))
    assert "not a readable XLSX workbook" in by_name["corrupt.xlsx"].error.reason
    scanned = by_name["scanned.pdf"]
    assert scanned.error is None and not scanned.indicators
    assert "page 1: scanned page, no text layer" in scanned.reason
    assert scanned.notes[0].startswith("page 1: scanned page, no text layer")
    no_tables = by_name["no_tables.docx"]
    assert no_tables.error is None and "no table in the document" in no_tables.reason
    assert [key(r) for r in by_name[good.name].indicators] == text_records[good.stem]
    report = result.load_report().set_index("source_file")
    assert report.loc[str(FORMATS / "broken" / "corrupt.xlsx"), "status"] == "error"
    assert report.loc[str(FORMATS / "broken" / "scanned.pdf"), "status"] == "no records"


def test_garbage_with_a_workbook_or_docx_name_is_an_error(tmp_path):
    for name in ("junk.xlsx", "junk.xls", "junk.docx", "junk.pdf"):
        (tmp_path / name).write_bytes(b"\x00\x01not an office file\x00" * 20)
    result = read_documents([tmp_path])
    assert len(result.errors) == 4
    assert all(e.reason for e in result.errors)


def test_a_scanned_page_in_a_readable_pdf_is_noted_and_the_rest_read(text_records):
    doc = parse_file(FORMATS / "extra" / "002_scan_appended.pdf")
    assert [key(r) for r in doc.indicators] == text_records["002_03b4c01fd59416ce"]
    pages = max(r.source_page for r in doc.indicators) + 1
    assert len(doc.notes) == 1 and doc.notes[0].startswith(f"page {pages}: scanned page, no text layer")
    report = read_documents([FORMATS / "extra" / "002_scan_appended.pdf"]).load_report()
    assert report["reason"].iloc[0] == doc.notes[0] and report["status"].iloc[0] == "records"


def test_a_pdf_whose_font_pdfminer_cannot_map_is_read_through_pypdfium2(text_records):
    path = FORMATS / "extra" / "002_no_unicode_map.pdf"
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        assert "(cid:" in pdf.pages[0].extract_text()          # the pitfall is really there
    result = reader_for(path).read(path)
    assert not any("(cid:" in c for ln in result.lines for c in ln.cells)
    assert result.diagnostics and all("(cid:…)" in d and "pypdfium2" in d for d in result.diagnostics)
    assert [key(r) for r in parse_file(path).indicators] == text_records["002_03b4c01fd59416ce"]


def test_a_scanned_pdf_is_read_by_ocr(text_records):
    """A synthetic scan (every page of the sample 002 PDF as a 100 dpi JPEG, no text layer): the ruling lines
    found in the image give pdfplumber's cells, OCR gives their text."""
    from indicators.readers import ocr
    if not ocr.available():
        pytest.skip("rapidocr/onnxruntime not installed or OCR switched off in data/readers.toml")
    path = FORMATS / "extra" / "002_scanned.pdf"
    doc = parse_file(path)
    assert len(doc.notes) == 2 and all("read by OCR (rapidocr" in n for n in doc.notes)
    assert [key(r) for r in doc.indicators] == text_records["002_03b4c01fd59416ce"]
    assert {r.source_page for r in doc.indicators} == {1, 2}


def test_the_app_accepts_and_loads_every_format():
    from indicators.inputs import accepted_suffixes
    from indicators.parse import read_documents
    from indicators.quality import analyze
    assert {"pdf", "xlsx", "xls", "docx", "txt", "html", "csv"} <= set(accepted_suffixes())
    paths = [str(FORMATS / fmt / f"003_08710cc348d5ea60.{fmt}") for fmt in ("pdf", "xlsx", "xls", "docx")]
    result = read_documents(paths + [str(FORMATS / "broken" / "truncated.pdf")])
    ind, _ = analyze(result)
    errors = [str(e) for e in result.errors]
    want = len(parse_file(SAMPLES[3]).indicators)
    assert ind.groupby("source_file").size().tolist() == [want] * 4
    assert len(errors) == 1 and "truncated.pdf" in errors[0]
    assert ind.loc[ind["source_file"].str.endswith(".xlsx"), "source_cell"].str.contains("!").all()


def test_encrypted_office_file_is_reported_as_password_protected(tmp_path):
    # the start of an OLE2 container holding an EncryptedPackage stream, as Office writes a password-protected XLSX
    data = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    (tmp_path / "secret.xlsx").write_bytes(data)
    doc = parse_file(tmp_path / "secret.xlsx")
    assert doc.error and "password-protected" in doc.error.reason


# -- registry ---------------------------------------------------------------------------------------------
def test_an_xls_that_is_really_html_goes_to_the_html_reader(tmp_path):
    fake = tmp_path / "export.xls"
    shutil.copy(FIXTURES / "html_rowspan.html", fake)
    assert reader_for(fake).name == "html"
    want = [key(r) for r in parse_file(FIXTURES / "html_rowspan.html").indicators]
    assert want and [key(r) for r in parse_file(fake).indicators] == want


def test_spreadsheetml_is_not_taken_for_html_and_a_broken_one_is_an_error(tmp_path):
    path = rendered("xml2003", "002_03b4c01fd59416ce")
    assert reader_for(path).name == "xml2003"                # its <Table> would fit the HTML sniffer
    broken = tmp_path / "cut.xls"
    broken.write_bytes(path.read_bytes()[:3000])
    doc = parse_file(broken)
    assert doc.error and "XML Spreadsheet 2003" in doc.error.reason


def test_content_decides_over_the_suffix(tmp_path):
    for fmt, wrong in (("xlsx", "xls"), ("docx", "xlsx"), ("pdf", "txt")):
        src = FORMATS / fmt / f"002_03b4c01fd59416ce.{fmt}"
        dst = tmp_path / f"renamed.{wrong}"
        shutil.copy(src, dst)
        assert reader_for(dst).name == fmt
        assert len(parse_file(dst).indicators) == len(parse_file(src).indicators)


def test_suffixes_come_from_the_registry():
    from indicators.ingest import SUPPORTED_SUFFIXES
    assert SUPPORTED_SUFFIXES == supported_suffixes()
    assert {".pdf", ".xlsx", ".xls", ".docx", ".txt", ".html", ".csv"} <= SUPPORTED_SUFFIXES
    found = {p.suffix for p, _ in collect_files([FORMATS])}   # SpreadsheetML is found as .xls
    assert found == {".pdf", ".xlsx", ".xls", ".docx", ".md"}   # .md: SOURCES.md


def test_pdf_without_ruling_lines_is_read_from_word_positions(text_records):
    """No lines and no merged cells: rows rebuilt from word positions, cells put in the header's columns
    (a long 二级 name running into the 三级 column is cut at the column start), a cell wrapped over lines
    joined back into its row."""
    path = FORMATS / "extra" / "002_no_lines.pdf"
    lines = reader_for(path).read(path).lines
    wrapped = next(ln for ln in lines if any(c.startswith("对县（市、区）") for c in ln.cells))
    assert wrapped.cells == ["产出指标", "数量指标",
                             "对县（市、区）定点医疗机构、定点零售药店、经办机构、商业保险公司、参保人群等开展飞行检查", ">=10家"]
    assert ["满意度指标", "服务对象满意度指标", "定点医疗机构对医保服务满意度", ">=90%"] in [ln.cells for ln in lines]
    assert [key(r) for r in parse_file(path).indicators] == text_records["002_03b4c01fd59416ce"]


def test_a_workbook_whose_stored_dimension_is_wrong_is_still_read_whole(tmp_path, text_records):
    """Some writers store <dimension ref="A1"/>; openpyxl's read-only mode would then read one cell a sheet."""
    import zipfile
    src = FORMATS / "xlsx" / "002_03b4c01fd59416ce.xlsx"
    dst = tmp_path / "dimension.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            zout.writestr(info, data)
    assert b'ref="A1"/>' in zipfile.ZipFile(dst).read("xl/worksheets/sheet1.xml")
    doc = parse_file(dst)
    assert [key(r) for r in doc.indicators] == text_records["002_03b4c01fd59416ce"]
    assert _record(dst, "预算执行率").source_cell == "表1!C6"


def test_docx_nested_table_rows_follow_the_row_holding_them(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("2021年项目支出绩效目标表")
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "项目名称"
    outer.cell(0, 1).text = "社区培训项目"
    holder = outer.cell(1, 0).merge(outer.cell(1, 1))
    holder.text = "绩效指标"
    inner = holder.add_table(rows=3, cols=4)
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        inner.cell(0, j).text = h
    for j, t in enumerate(["产出指标", "数量指标", "培训人次", "≥280人次"]):
        inner.cell(1, j).text = t
    inner.cell(1, 0).merge(inner.cell(2, 0))
    for j, t in enumerate(["", "质量指标", "培训合格率", "≥95%"]):
        if t:
            inner.cell(2, j).text = t
    path = tmp_path / "nested.docx"
    d.save(str(path))
    result = reader_for(path).read(path)
    assert [ln.cells for ln in result.lines] == [
        ["2021年项目支出绩效目标表"], ["项目名称", "社区培训项目"], ["绩效指标", ""],   # (its span's last column)
        ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥280人次"],
        ["", "质量指标", "培训合格率", "≥95%"]]
    assert [result.locations[n].table for n in (2, 4, 6)] == [1, 2, 2]
    recs = parse_file(path).indicators
    assert [(r.project, r.level1, r.level2, r.level3, r.value_raw) for r in recs] == [
        ("社区培训项目", "产出指标", "数量指标", "培训人次", "≥280人次"),
        ("社区培训项目", "产出指标", "质量指标", "培训合格率", "≥95%")]


def test_cli_parses_a_folder_mixing_every_format(tmp_path):
    import subprocess
    import sys
    import pandas as pd
    for src in (SAMPLES[1], FORMATS / "pdf" / "002_03b4c01fd59416ce.pdf", FORMATS / "xls" / "003_08710cc348d5ea60.xls",
                FORMATS / "docx" / "004_5b66e89a0461132a.docx", FORMATS / "xlsx" / "000_9408e0b0a87a77bd.xlsx",
                FORMATS / "broken" / "corrupt.xlsx"):
        shutil.copy(src, tmp_path / src.name)
    out = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-m", "indicators", "parse", str(tmp_path), "--out", str(out),
                           "--no-progress"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "files with errors: 1" in proc.stderr and "corrupt.xlsx" in proc.stderr
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) == 307
    by_suffix = df.groupby(df["source_file"].str.rsplit(".", n=1).str[1])
    assert by_suffix["source_page"].apply(lambda s: s.notna().all()).to_dict() == {
        "docx": False, "pdf": True, "txt": False, "xls": False, "xlsx": False}
    assert df.loc[df["source_file"].str.endswith(".xls"), "source_cell"].str.match(r"^表\d+!C\d+$").all()


def test_docx_table_inside_a_content_control_is_read(tmp_path):
    """Word forms wrap tables (and cells) in content controls (w:sdt); python-docx's own table list skips them."""
    import copy

    import docx
    from docx.oxml.ns import qn
    from lxml import etree
    src = docx.Document(str(FORMATS / "docx" / "002_03b4c01fd59416ce.docx"))
    body = src.element.body
    tables = body.findall(qn("w:tbl"))
    for tbl in tables:
        sdt = etree.SubElement(body, qn("w:sdt"))
        tbl.addprevious(sdt)
        content = etree.SubElement(sdt, qn("w:sdtContent"))
        content.append(copy.deepcopy(tbl))
        body.remove(tbl)
    path = tmp_path / "sdt.docx"
    src.save(str(path))
    assert not docx.Document(str(path)).tables                    # hidden from python-docx's table list
    want = [key(r) for r in parse_file(FORMATS / "docx" / "002_03b4c01fd59416ce.docx").indicators]
    assert [key(r) for r in parse_file(path).indicators] == want


def test_pdf_table_over_a_page_break_without_the_header_repeated(text_records):
    doc = parse_file(FORMATS / "extra" / "004_header_not_repeated.pdf")
    assert [key(r) for r in doc.indicators] == text_records["004_5b66e89a0461132a"]
    pages = {}
    for r in doc.indicators:
        pages.setdefault(r.project, set()).add(r.source_page)
    assert any(len(s) > 1 for s in pages.values())


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_the_project_card_source_panel_shows_a_binary_file_s_row_marked(fmt):
    """The card's source panel for a PDF / workbook / DOCX: the record's row with its cells and place, marked."""
    from indicators.workbench import source_html
    path = FORMATS / fmt / f"003_08710cc348d5ea60.{fmt}"
    rec = parse_file(path).indicators[5]
    panel = source_html(str(path), rec.source_line, rec.source_line, highlight=rec.source_line)
    marked = re.search(r'<mark id="hl"[^>]*>(.*?)</mark>', panel).group(1)
    assert re.sub(r"\s+", "", rec.level3) in re.sub(r"\s+", "", marked)
    assert ("page" in marked) if fmt == "pdf" else ("!" in marked or "sheet" in marked or "table" in marked)


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "pdf", "pdfplain", "pipes"])
def test_a_table_whose_value_cells_are_empty_gives_every_named_row(tmp_path, fmt):
    """Real documents 99 and 101 (a 学生资助 self-evaluation and a 残联 目标表 whose 指标值 were never filled in), their
    labelled indicators printed as the budget system's table (evaluation/evaluate_rendered.py; ``pdfplain``: no
    ruling lines, a merged cell's name in the middle row of its span; ``pipes``: the web page's pipe lines,
    ``| | | 名称 | |``): every name is a record with an empty value; the next row's name is never taken for the value (``国家励志奖学金人数 |
    国家助学金人数应征入伍人数``), and a name that ends in 标准 is not cut there (``补助标准 | 执行达标率``)."""
    import json
    import sys
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import FORMS, tables
    for prefix in ("99_", "101_"):
        path = next((ROOT / "tests" / "realdocs" / "labels").glob(prefix + "*.jsonl"))
        labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        write, suffix = FORMS[fmt]
        out = tmp_path / (prefix + suffix)
        write(tables(labels), out)
        got = [(r.level3, r.value_raw) for r in parse_file(out).indicators]
        assert got == [(lab["level3"], lab["value_raw"]) for lab in labels]


def test_unruled_pdf_rows_whose_cells_wrap_side_by_side_are_joined(tmp_path):
    """Real document 172 (a school's 部门整体 targets, long sentences in both the 三级 and the 指标值 column) printed
    without ruling lines (evaluation/evaluate_rendered.py, pdfplain): the lines of a row stand closer than its rows,
    and each wrapped cell is joined back whole; a table of single-line rows set tighter than that (a sheet printed at
    its default row height) keeps every line a row of its own."""
    import json
    import sys
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import write_pdf_unruled, tables
    path = next((ROOT / "tests" / "realdocs" / "labels").glob("172_*.jsonl"))
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    write_pdf_unruled(tables(labels), tmp_path / "172.pdf")
    got = [(r.level3, r.value_raw) for r in parse_file(tmp_path / "172.pdf").indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in labels]

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    tight = tmp_path / "tight.pdf"
    c = canvas.Canvas(str(tight), pagesize=A4)
    c.setFont("STSong-Light", 10)
    rows = [["一级指标", "二级指标", "三级指标", "指标值"]] + [["产出指标", "数量指标", f"培训班{k}期数", f"≥{k}期"] for k in range(1, 13)]
    y = 780
    for k, row in enumerate(rows):   # 12 pt apart (1.2 text heights), two wider gaps
        for x, text in zip((60, 160, 260, 420), row):
            c.drawString(x, y, text)
        y -= 20 if k in (4, 8) else 12
    c.save()
    got = [(r.level3, r.value_raw) for r in parse_file(tight).indicators]
    assert got == [(f"培训班{k}期数", f"≥{k}期") for k in range(1, 13)]


def test_a_sheet_row_that_stops_short_shows_its_last_columns_empty(tmp_path):
    """Real document 65 (a 镇 project list whose 效益 rows have no target) as a workbook that stores no cell for an
    empty target (evaluation/evaluate_rendered.py, xlsx): the row still ends with empty cells, so the name alone is a
    record, not dropped nor joined to the next row."""
    import json
    import sys
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_xlsx
    path = next((ROOT / "tests" / "realdocs" / "labels").glob("65_*.jsonl"))
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    write_xlsx(tables(labels), tmp_path / "65.xlsx")
    lines = reader_for(tmp_path / "65.xlsx").read(tmp_path / "65.xlsx").lines
    assert ["", "", "促进社会和谐", ""] in [ln.cells for ln in lines]
    got = [(r.level3, r.value_raw) for r in parse_file(tmp_path / "65.xlsx").indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in labels]


def test_a_name_alone_under_merged_cells_is_a_record_and_a_lone_first_cell_is_not(tmp_path):
    """Real document 57 (黄石 library): its line 22 is a 三级 name alone (``促进黄石文化经济发展,丰富市民文化活动``, no
    target), under the 一级 and 二级 cells merged above it. Written as a Word table with those cells in their columns,
    the name is a record with an empty value; a text alone in a row's first column (a heading row) is not a record."""
    import docx
    document = docx.Document()
    rows = [["一级指标", "二级指标", "三级指标", "指标值"],
            ["效益指标", "社会效益指标", "使读者更方便快捷查找检阅", "独有数据资源查询"],
            ["", "", "促进黄石文化经济发展,丰富市民文化活动", ""],
            ["二、满意度", "", "", ""],
            ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%"]]
    grid = document.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            grid.cell(i, j).text = text
    document.save(tmp_path / "57.docx")
    got = [(r.level3, r.value_raw) for r in parse_file(tmp_path / "57.docx").indicators]
    assert got == [("使读者更方便快捷查找检阅", "独有数据资源查询"), ("促进黄石文化经济发展,丰富市民文化活动", ""),
                   ("读者满意度", "≥90%")]
