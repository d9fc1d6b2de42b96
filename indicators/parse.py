"""The one entry point: files in, records out.

>>> from indicators.parse import read_documents
>>> result = read_documents(["data/samples"])          # doctest: +SKIP
>>> result.summary()["records"]                         # doctest: +SKIP
307

A file that cannot be read is reported (:class:`~indicators.model.ParseError`,
with its name, the reason and where known the line or page) and the other files are
still parsed.

Each file is read by the reader of its format (:mod:`indicators.readers`): text
formats give decoded text (:func:`parse_text`), PDF / workbooks / DOCX give rows of
cells (:func:`parse_rows`) with a location per row, copied onto the records
(``source_page``, ``source_sheet``, ``source_cell``).
"""
from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import Iterable

from .ingest import _HTML_TABLE, IngestError, text_to_lines
from .layouts.fixed import FixedWidthLayout
from .layouts.grid import parse_grid
from .layouts.runon import RunOnLayout
from .layouts.vertical import VerticalLayout
from .model import IndicatorList, Line, ParsedDocument, ParseError

LAYOUTS = (VerticalLayout(), FixedWidthLayout(), RunOnLayout())


def parse_lines(lines: list[Line], source_file: str) -> ParsedDocument:
    """Records of one document already split into rows, by the strict grid reader alone."""
    for layout in LAYOUTS:
        lines = layout.reflow(lines)
    from .table.sanity import keep_indicators
    grid = parse_grid(lines, source_file)
    return ParsedDocument(source_file=source_file, indicators=keep_indicators(grid.indicators), slots=grid.slots,
                          tables=len(grid.table_ids), reader="grid")


def parse_text(text: str, source_file: str = "<text>", suffix: str = ".txt") -> ParsedDocument:
    """Records of one decoded document: the strict grid reader and the general stream reader both
    read it; the one whose records fit better is kept (see :func:`choose`)."""
    lines = text_to_lines(text, suffix)
    return _both_readers(lines, source_file, lambda: parse_stream(text, lines, source_file, suffix))


def _both_readers(lines: list[Line], source_file: str, general) -> ParsedDocument:
    """The strict grid reader on the rows; unless it read whole tables, also ``general()`` (the stream reader),
    and :func:`choose` between them."""
    grid = parse_lines(lines, source_file)
    if _fit(grid) >= 20 and _well_formed(grid) >= 0.95 and not any(
            not r.value_raw and _header_leftover(r) for r in grid.indicators):
        # (a header row's cells read as a record: a table the grid reader did not know, doc 420; the stream reader
        # may know it)
        return _with_level_columns(grid, lines, source_file)   # (the stream reader would not be chosen)
    stream = general()
    doc = choose(grid, stream)
    if not doc.indicators:
        doc.diagnostic = stream.diagnostic   # the stream reader always says why it found none
    return _with_level_columns(doc, lines, source_file)


def _with_level_columns(doc: ParsedDocument, lines: list[Line], source_file: str) -> ParsedDocument:
    """``doc`` and the records of a table whose 二级 levels are columns on the lines its readers did not take (doc
    389: a 部门整体 table beside the 项目 table the readers read), and those of a sheet whose 一级 levels head pairs of
    三级 | 指标值 columns, in place of what the readers made of its lines (doc 419)."""
    more = level2_column_indicators(lines, source_file, {r.source_line for r in doc.indicators})
    if more:
        doc.indicators = list(doc.indicators) + more
        doc.diagnostic = ""
    pairs = level1_pair_indicators(lines, source_file)
    if pairs:
        first, last = min(r.source_line for r in pairs), max(r.source_line for r in pairs)
        doc.indicators = [r for r in doc.indicators if not first - 2 <= r.source_line <= last] + pairs
        doc.diagnostic = ""
    return doc


def level1_pair_indicators(lines: list[Line], source_file: str) -> list:
    """The records of a sheet whose 一级 levels head 三级 | 指标值 column pairs
    (:func:`indicators.table.levelcols.level1_pair_records`)."""
    from .layouts.grid import document_info
    from .table.levelcols import level1_pair_records
    found = level1_pair_records(lines)
    return _level_records(found, source_file, document_info(lines)) if found else []


def parse_stream(text: str, lines: list[Line], source_file: str, suffix: str = ".txt") -> ParsedDocument:
    """The general reader: one cell stream, headers as column templates, best-path rows."""
    from .table.stream import cell_stream, lines_stream

    html = suffix.lower() in (".html", ".htm") or bool(_HTML_TABLE.search(text[:200000]))
    structured = html or suffix.lower() in (".csv", ".tsv")
    tokens = lines_stream(lines, hard_rows=html) if structured else cell_stream(text)
    # (a web page's text for the prose readers: its rows as pipe lines, so that a tag is a cell border, not a space
    # the prose reader squeezes away: "<td>效益指标</td><td>文物保护宣传覆盖人次≥20万人次;…", doc 145 as HTML)
    return read_tokens(tokens, lines, pipe_text(lines) if html else text, source_file)


def pipe_text(lines: list[Line]) -> str:
    """Rows of cells as text, one pipe line per row.

    >>> pipe_text([Line(["效益指标", "文物保护宣传覆盖人次≥20万人次"], 3), Line(["资金拨付对象", "", "市文化和旅游局"], 4)])
    '效益指标 | 文物保护宣传覆盖人次≥20万人次\\n资金拨付对象 | 市文化和旅游局'
    """
    return "\n".join(" | ".join(c.strip() for c in line.cells if c and c.strip()) for line in lines)


def read_tokens(tokens, lines: list[Line], text: str, source_file: str) -> ParsedDocument:
    """The general reader over a token stream; the prose reader when it finds no table rows."""
    from .layouts.grid import document_info
    from .table.reader import read_stream, read_transposed

    info = document_info(lines)
    tables = read_stream(tokens, source_file, year=info.year, issuer=info.issuer)
    tables = _rows_before_header(tokens, tables, source_file, info) + tables
    doc = ParsedDocument(source_file=source_file, reader="stream", tables=sum(bool(t.indicators) for t in tables))
    _add_tables(doc, tables)
    if not doc.indicators:
        doc.indicators = prose_records(text, source_file, info)
        doc.reader = "prose" if doc.indicators else doc.reader
    elif _STATES_FIELDS.search(text):   # a report's text may state targets its table leaves out (…目标值是10万元, doc 70)
        doc.indicators.extend(stated_beside(doc.indicators, prose_records(text, source_file, info, named_only=True)))
    if not tables:   # no header anywhere: a page that starts mid-table (kept over a prose reading of fewer rows)
        headerless = read_stream(tokens, source_file, year=info.year, issuer=info.issuer, headerless=True)
        rows = [r for t in headerless for r in t.indicators]
        distinct = len({(r.level3, r.value_raw) for r in doc.indicators})   # (a page that repeats its cells: doc 115)
        if rows and len(rows) >= distinct and not _better_prose(doc.indicators, rows):
            doc.indicators = []
            _add_tables(doc, headerless)
            doc.reader, doc.tables = "headerless", 1
    if not doc.indicators:   # names in one run, their targets in the next: a table printed column by column
        transposed = read_transposed(tokens, source_file, year=info.year, issuer=info.issuer)
        if transposed:
            _add_tables(doc, transposed)
            doc.reader, doc.tables = "transposed", 1
    levelled = level_column_indicators(lines, source_file, info)
    if levelled and plausible(levelled) > plausible(doc.indicators):   # a project list with a column per 一级
        doc.indicators, doc.slots, doc.reader, doc.tables = levelled, [], "level columns", 1
    if not doc.indicators and not tables:   # targets in running text, the last resort
        doc.indicators = prose_records(text, source_file, info, sentences=True)
        doc.reader = "sentences" if doc.indicators else doc.reader
    if doc.indicators:
        _named_project(doc.indicators, tokens, text)
        return doc
    if tables and all(t.template.framework for t in tables):
        doc.diagnostic = (f"only a scoring framework (评分标准, no target column) at line {tables[0].template.line}: "
                          "no targets")
    elif tables:
        doc.diagnostic = f"table header found at line {tables[0].template.line} but no rows fitted it"
    else:
        doc.diagnostic = ("no 绩效 table found: no header naming 一级/二级/三级指标 and 指标值 columns, "
                          "and no prose list of indicators under 一级/二级 headings")
    return doc


def _rows_before_header(tokens, tables, source_file: str, info) -> list:
    """The rows of a table the page starts in the middle of, before a later table's header (doc 114: the first
    table's header is on an earlier page, the second table's comes after its rows), read without a header."""
    from .table.reader import read_stream
    from .table.rows import token_type
    start = tables[0].template.start if tables else 0
    types = [token_type(t.text) for t in tokens[:start]]
    levels = [i for i, t in enumerate(types) if t in ("l1", "l2", "l1l2")]
    pairs = sum(1 for a, b in zip(types, types[1:]) if a in ("l1", "l1l2") and b in ("l2", "l1l2"))
    if pairs < 1 or len(levels) < 3 or any("。" in t.text for t in tokens[levels[0]:levels[-1]]):
        # a table's rows have level cells, a 一级 | 二级 pair among them; a project's summary names 经济效益: in
        # sentences (doc 205)
        return []
    lead = read_stream(tokens[:start], source_file, year=info.year, issuer=info.issuer, headerless=True)
    return [t for t in lead if t.indicators]


def _add_tables(doc: ParsedDocument, tables) -> None:
    from .table.sanity import keep_indicators
    for t in tables:
        doc.indicators.extend(keep_indicators(t.indicators))
        doc.slots.extend(t.slots)


def parse_rows(lines: list[Line], source_file: str = "<rows>") -> ParsedDocument:
    """Records of a document its format reader gave as rows of cells (PDF tables, sheets, DOCX tables): the
    two readers HTML goes through, the strict grid reader on the rows and the general reader on their
    token stream (every row end a real one), and :func:`choose` between them."""
    from .table.stream import lines_stream

    return _both_readers(lines, source_file,
                         lambda: read_tokens(lines_stream(lines, hard_rows=True), lines, pipe_text(lines), source_file))


_STATES_FIELDS = re.compile(r"[目指][标標]值\s*[为是為:：]")


def stated_beside(table: list, stated: list) -> list:
    """The records of clauses that name their fields (目标值…, 完成值…) whose indicator the table does not have."""
    from .text import simplified
    have = {simplified(r.level3) for r in table}

    def new(name: str) -> bool:   # (neither a name of the table nor a part of one, nor holding one)
        return name not in have and not any(name in other or other in name for other in have if other)
    return [r for r in stated if new(simplified(r.level3))]


def _named_project(records: list, tokens, text: str = "") -> None:
    """Records no table gave a project take the one project the document's 项目名称 labels name, when they come after
    that label (a prose list under a ``项目名称 | 全市文物保护专项经费`` line, doc 145), or else the project a heading in
    the document's first lines names (``…专项整治项目绩效评价报告``, doc 332); a department's records do not."""
    from .table.reader import document_project
    if all(r.project or r.table_kind == "department" for r in records):
        return
    line, name = document_project(tokens)
    if not name:
        line, name = _heading_project(text)
    if not name:
        return
    for r in records:
        if not r.project and r.table_kind != "department" and r.source_line >= line:
            r.project = name


def _heading_project(text: str, first: int = 12) -> tuple[int, str]:
    """(line, project) of the first of a document's first lines that is a report's or a notice's heading naming a
    project (:func:`indicators.table.project.report_project`), or (0, "")."""
    from .table.project import report_project
    for lineno, line in enumerate(text.split("\n")[:first], start=1):
        name = report_project(line)
        if name:
            return lineno, name
    return 0, ""


def prose_records(text: str, source_file: str, info, sentences: bool = False, named_only: bool = False) -> list:
    """Indicators of a document that states them in prose (no table): headed lists
    (:mod:`indicators.table.prose`), or with ``sentences`` running text (:mod:`indicators.table.sentences`)."""
    from .table.prose import read_prose
    from .table.reader import legacy_cost
    from .table.sanity import keep_indicators
    from .table.sentences import read_sentences
    from .text import simplified
    simple = simplified(text)   # the prose readers' words are simplified: a traditional text is read as simplified,
    read = read_sentences if sentences else read_prose   # its records given back as written
    found = read(simple)
    if simple != text:
        as_written(found, text, simple)
    return legacy_cost(keep_indicators([_text_record(source_file, info, r.line, r.level1, r.level2, r.level3, r.value,
                                                     actual=r.actual, weight=r.weight, score=r.score)
            for r in found if r.named or not named_only]))


def as_written(records: list, text: str, simple: str) -> None:
    """Give the fields of records read from ``simple`` (``text`` in simplified letters, letter for letter) as
    ``text`` writes them: each is found on its line or the few after it (whitespace aside) and taken from the same
    place of ``text``; a field not found stays as read.

    >>> from types import SimpleNamespace as R
    >>> r = R(line=2, level3="全市婚检率", value="稳定在85%左右", actual="")
    >>> as_written([r], "一、目標\\n全市婚檢率 穩定在85%左右", "一、目标\\n全市婚检率 稳定在85%左右")
    >>> r.level3, r.value
    ('全市婚檢率', '穩定在85%左右')
    """
    from .table.stream import clean_text
    written = [re.sub(r"\s+", "", ln) for ln in clean_text(text).split("\n")]
    read = [re.sub(r"\s+", "", ln) for ln in clean_text(simple).split("\n")]
    if len(written) != len(read):
        return
    for r in records:
        around = range(max(r.line - 1, 0), min(r.line + 3, len(read)))
        for name in ("level3", "value", "actual"):
            got = getattr(r, name, "")
            key = re.sub(r"\s+", "", got or "")
            at = next(((k, read[k].find(key)) for k in around if key and key in read[k]), None)
            if at and len(written[at[0]]) == len(read[at[0]]):
                setattr(r, name, written[at[0]][at[1]:at[1] + len(key)])
            elif key:   # a name rebuilt around a count ("涉及6140人次困難學生" → 涉及困难学生): its letters in order
                hit = next(((k, p) for k in around if (p := _in_order(key, read[k]))), None)
                if hit and len(written[hit[0]]) == len(read[hit[0]]):
                    setattr(r, name, "".join(written[hit[0]][i] for i in hit[1]))


def _in_order(key: str, line: str) -> list[int] | None:
    """The positions of ``key``'s letters in ``line``, in order and as close together as the first fit gives, or None.

    >>> _in_order("涉及困难学生", "涉及6140人次困难学生。"), _in_order("困难学生涉及", "涉及6140人次困难学生")
    ([0, 1, 8, 9, 10, 11], None)
    """
    out, at = [], 0
    for ch in key:
        at = line.find(ch, at)
        if at < 0:
            return None
        out.append(at)
        at += 1
    return out


def level_column_indicators(lines: list[Line], source_file: str, info) -> list:
    """The records of a project list whose 一级 levels are columns (:mod:`indicators.table.levelcols`)."""
    from .table.levelcols import level_column_records
    return _level_records(level_column_records(lines), source_file, info)


def _level_records(found: list, source_file: str, info) -> list:
    """The indicators of :mod:`indicators.table.levelcols`'s records that may be indicators."""
    from .table.sanity import keep_indicators
    return keep_indicators([_text_record(source_file, info, r.line, r.level1, r.level2, r.level3, r.value,
                                         project=r.project) for r in found])


def level2_column_indicators(lines: list[Line], source_file: str, taken: set[int]) -> list:
    """The records of a 部门整体 table whose 二级 levels are columns (:func:`indicators.table.levelcols.level2_column_records`)
    on the lines no other reading took."""
    from .layouts.grid import document_info
    from .table.levelcols import level2_column_records
    found = [r for r in level2_column_records(lines) if r.line not in taken]
    if not found:
        return []
    out = _level_records(found, source_file, document_info(lines))
    for r in out:
        r.table_kind = "department"
    return out


def _text_record(source_file: str, info, line: int, level1: str, level2: str, level3: str, value: str,
                 project: str = "", actual: str = "", weight: str = "", score: str = ""):
    """One record of a reader that gives fields, not table rows (prose, project lists): a project table's record with
    the document's year and issuer."""
    from .model import Indicator
    return Indicator(source_file=source_file, source_line=line, table_kind="project", table_title="", year=info.year,
                     issuer=info.issuer, project=project, project_amount_yuan=None, block="", level1=level1,
                     level2=level2, level3=level3, level1_raw=level1, level2_raw=level2, value_raw=value,
                     actual_raw=actual, weight_raw=weight, score_raw=score, table_id=1)


def plausible(records) -> int:
    """How many records read as an indicator and its target: a name with no sentence, clause or colon mark in it, and a
    value the target grammar reads as a number, a date or a grade (or one of the reader's qualitative words: ``是``,
    ``有效``).  What decides between a headerless reading of prose and the prose reader (doc 144).

    >>> from types import SimpleNamespace as R
    >>> plausible([R(level3="村集体收入", value_raw="60.3万元"), R(level3="完成情况", value_raw="分析"),
    ...            R(level3="购买电脑横机114台,村集体收入实现", value_raw="10%")])
    1
    """
    from nlp.targets import Target

    from .table.words import words   # (the package's own import after the library's)
    out = 0
    for r in records:
        if not r.level3 or len(r.level3) > 40 or any(ch in r.level3 for ch in "。；;,，:："):
            continue
        t = Target.fromstring(r.value_raw or "")
        if t.kind in ("quantitative", "deadline") or (t.kind == "qualitative" and t.grade != "unclear") \
                or (r.value_raw or "") in words().qualitative:   # (是, 否, 有效: the reader's qualitative values)
            out += 1
    return out


def _better_prose(prose, rows) -> bool:
    """Prose records that read as targets more often than the headerless rows do, none of them read again right after
    itself (a page that repeats its cells gives each record two or three times in a row: doc 115).

    The same name and target again after other records is a list, not a copy: two roads built to one width and
    thickness, "吴冲路:建设里程1.091公里,宽度不低于3.5米,厚度不低于20厘米;枫树路:建设里程0.875公里,宽度不低于3.5米,…"
    (doc 270 cut short).
    """
    # (the same name and target under two 二级 headings is two indicators: "为民众办好事,办实事100%", doc 15 as a notice)
    pairs = [(r.level2, r.level3, r.value_raw) for r in prose]
    return all(a != b for a, b in zip(pairs, pairs[1:])) and plausible(prose) > plausible(rows)


def _fit(doc: ParsedDocument) -> int:
    """Records with a name and a target or an actual; a name that is a level's (``产出指标 | 劳务报酬占中央投资比例``:
    each cell one column to the right of its own) is a shifted row, not a fitted one (doc 96 cut short)."""
    return sum(1 for r in doc.indicators if r.level3 and (r.value_raw or r.actual_raw) and not _level_name(r.level3))


@functools.lru_cache(maxsize=4096)
def _level_name(text: str) -> bool:
    from .vocab import vocab
    v = vocab()
    return bool(v.canonical_level1(text) or v.canonical_level2(text))


def _well_formed(doc: ParsedDocument) -> float:
    """Share of records with a known 二级 name (any 二级 in a department table) and a value: the grid reader is
    exact when this is high."""
    from .vocab import vocab
    v = vocab()
    if not doc.indicators:
        return 0.0
    # department tables (部门整体) name their own 二级 dimensions (预算和财务管理): any 二级 counts there; a
    # 一级 that is a number or a sentence ("26970.7平方米", "显著促进了…。") is a row shifted into the wrong columns
    return sum(1 for r in doc.indicators if r.value_raw and (v.canonical_level2(r.level2) or (
        r.table_kind == "department" and r.level2)) and not _shifted_level1(r.level1)) / len(doc.indicators)


def _levelled(doc: ParsedDocument) -> float:
    """Share of records with a name and a known 二级 name, its 一级 not shifted: rows in their columns, value or none."""
    from .vocab import vocab
    v = vocab()
    return sum(1 for r in doc.indicators if r.level3 and v.canonical_level2(r.level2) and not _shifted_level1(r.level1)
               ) / max(1, len(doc.indicators))


@functools.lru_cache(maxsize=4096)
def _shifted_level1(level1: str) -> bool:
    """A 一级 cell that is a number, a sentence, or a 一级 name glued to another cell (正向指标产出指标)."""
    from .table.stream import COMPARATOR_CHARS
    from .vocab import vocab
    if not level1:
        return False
    if level1[:1].isdigit() or level1[:1] in COMPARATOR_CHARS or len(level1) > 20:
        return True
    return not vocab().canonical_level1(level1) and any(w in level1 for w in _level1_names())


@functools.lru_cache(maxsize=1)
def _level1_names() -> frozenset[str]:
    """The canonical 一级 names of four or more characters (the taxonomy's values, collected once, not per record)."""
    from .vocab import vocab
    return frozenset(w for w in vocab().level1.values() if len(w) >= 4)


def _covers(a: ParsedDocument, b: ParsedDocument) -> bool:
    """Every (三级, value) record of ``b`` is one of ``a``'s, but one in fifty; a record of ``b`` without a value is
    covered by ``a``'s record of its name with one (a column ``b``'s reader did not see: doc 407's
    ``指标值（包含数字及文字描述）``), and a header row's cells read as a record without a value need no cover.

    >>> from types import SimpleNamespace as R
    >>> a = ParsedDocument(source_file="a", indicators=[R(level3="满意度", value_raw="≥95%", actual_raw="")])
    >>> b = ParsedDocument(source_file="b", indicators=[R(level3="满意度", value_raw="", actual_raw=""),
    ...                                                 R(level3="质量指标", value_raw="", actual_raw="")])
    >>> _covers(a, b), _covers(b, a)
    (True, False)
    """
    keys = {(r.level3, r.value_raw) for r in a.indicators}
    valued = {r.level3 for r in a.indicators if r.value_raw}
    missing = sum(1 for r in b.indicators if (r.level3, r.value_raw) not in keys
                  and not (not r.value_raw and (r.level3 in valued or _header_leftover(r))))
    # (one in fifty may be a row the other reader rightly left out: a procurement table's header read as a record by
    # the grid reader, doc 416)
    return missing <= len(b.indicators) // 50


def _header_leftover(r) -> bool:
    """A record with no value or actual whose name is a level's or holds header words (``质量指标 | ``, ``绩效指标值
    绩效度量单位 | ``: the cells of a header row the grid reader did not know, doc 420): no row to cover."""
    from .table.header import header_role
    return not r.actual_raw and (_level_name(r.level3) or bool(header_role(r.level3)))


def choose(grid: ParsedDocument, general: ParsedDocument) -> ParsedDocument:
    """The strict grid reader's records where it read the document's tables whole (nearly every record
    well formed, not far fewer than the stream reader found); otherwise the reader that found more."""
    g, s = _fit(grid), _fit(general)
    n, m = len(grid.indicators), len(general.indicators)
    if n > m and (_covers(grid, general) or n >= 2 * m) and _levelled(grid) >= 0.9:
        # the grid reader read every row the stream reader did (or twice as many), and rows whose value cells are
        # empty (docs 99, 101 as web pages: a table whose targets were never filled in)
        return grid
    if s > g and _well_formed(general) >= _well_formed(grid) - 0.02 and _covers(general, grid):
        return general   # the stream reader read every row the grid reader did, and more (a project's first row)
    if g >= 3 and g >= 0.4 * s and _well_formed(grid) >= 0.85:
        return grid
    return general if s * (0.5 + _well_formed(general)) >= g * (0.5 + _well_formed(grid)) else grid


def parse_file(path: str | Path, name: str | None = None) -> ParsedDocument:
    """Parse one file with the reader of its format; never raises for bad input: the error is on the document."""
    from .readers.base import ReaderError
    from .readers.registry import reader_for

    name = name or str(path)
    reader = reader_for(path)
    try:
        result = reader.read(path)
    except IngestError as exc:
        return ParsedDocument(source_file=name, file_reader=reader.name, error=ParseError(name, exc.line, exc.reason))
    except ReaderError as exc:
        reason = f"{exc.where}: {exc.reason}" if exc.where else exc.reason
        return ParsedDocument(source_file=name, file_reader=reader.name, error=ParseError(name, None, reason))
    except Exception as exc:  # a reader bug must not lose the other documents
        return ParsedDocument(source_file=name, file_reader=reader.name,
                              error=ParseError(name, None, f"{reader.name} reader failed: {type(exc).__name__}: {exc}"))
    try:
        if result.text is not None:
            doc = parse_text(result.text, name, result.suffix)
        else:
            doc = parse_rows(result.lines, name)
            locate(doc, result)
    except Exception as exc:  # a parser bug must not lose the other documents
        return ParsedDocument(source_file=name, encoding=result.encoding, file_reader=reader.name, notes=result.diagnostics,
                              error=ParseError(name, None, f"parser failed: {type(exc).__name__}: {exc}"))
    doc.encoding = result.encoding
    doc.file_reader = reader.name
    doc.notes = list(result.diagnostics)
    if not doc.indicators and result.diagnostics:
        parser_said = [doc.diagnostic] if doc.diagnostic and (result.text is not None or result.lines) else []
        doc.diagnostic = "; ".join(result.diagnostics + parser_said)
    return doc


def locate(doc: ParsedDocument, result) -> None:
    """Copy each record's row location (page, sheet, cell) from the reader's side table onto the record; the
    cell is the one holding the record's 三级指标 name."""
    by_line = {ln.lineno: ln for ln in result.lines}
    for r in doc.indicators:
        loc = result.locations.get(r.source_line)
        if loc is None:
            continue
        r.source_page, r.source_sheet = loc.page, loc.sheet
        line = by_line.get(r.source_line)
        index = _name_cell(r, line.cells) if line is not None else None
        r.source_cell = loc.cell_ref(index)


def _name_cell(r, cells: list[str]) -> int | None:
    """Index of the cell holding the record's 三级指标 name: the exact match after any 一级/二级 cells of the
    same text (``服务对象满意度指标`` as both 二级 and 三级), else the first cell containing it, else the first
    non-empty cell."""
    import re
    norm = lambda t: re.sub(r"\s+", "", t or "")  # noqa: E731
    key = norm(r.level3)
    cells = [norm(c) for c in cells]
    exact = [i for i, c in enumerate(cells) if key and c == key]
    skip = (norm(r.level1_raw) == key) + (norm(r.level2_raw) == key)
    if exact:
        return exact[skip] if len(exact) > skip else exact[-1]
    return next((i for i, c in enumerate(cells) if key and c and key in c),
                next((i for i, c in enumerate(cells) if c), None))


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to parse, folders expanded recursively (every suffix a reader claims); (path, name shown in records)."""
    from .readers.registry import supported_suffixes
    suffixes = supported_suffixes()
    found: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in suffixes:
                    found.append((f, str(f)))
        else:
            found.append((p, str(p)))
    return found


def _parse_pair(pair: tuple[Path, str]) -> ParsedDocument:
    return parse_file(*pair)


def read_documents(paths: Iterable[str | Path], progress: bool | None = None,
                   jobs: int = 1) -> IndicatorList:
    """Parse every file (folders recursively) into one :class:`IndicatorList`.

    ``jobs`` > 1 parses in that many processes (worth it from a few hundred files on).
    """
    files = collect_files(paths)
    if progress is None:
        progress = len(files) > 1 and sys.stderr.isatty()
    if jobs > 1 and len(files) >= 4 * jobs:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            docs = pool.map(_parse_pair, files, chunksize=max(1, min(32, len(files) // (8 * jobs))))
            return IndicatorList(_progress(docs, len(files), progress))
    return IndicatorList(_progress((parse_file(p, n) for p, n in files), len(files), progress))


def _progress(docs, total: int, show: bool):
    if not show:
        return docs
    from tqdm import tqdm
    return tqdm(docs, total=total, desc="parsing", unit="file", file=sys.stderr)
