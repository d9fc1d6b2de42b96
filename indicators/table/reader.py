"""The general table reader: cell stream → headers → best-path rows → records.

:func:`read_stream` finds every header in the stream, reads the rows of each table up to the
next header, carries merged 一级/二级 cells down, takes the project from the header block in
front of the table, and says for every document what it found (records, or why none).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model import EmptySlot, Indicator
from ..text import has_cjk, simplified, unit_cell
from ..vocab import vocab
from .digits import digit_cuts, serial_cuts
from .header import SECOND, Template, base_role, find_templates, header_key, header_role
from .names import name_rows, names_only
from .project import project_name, title_project
from .rows import Cell, Row, aligned_lines, enumerated_name, name_like, split_rows, token_type
from .sanity import not_names
from .words import words
from .stream import COMPARATOR_CHARS, LINE_ENDS, NUMBER_PREFIX, Token

# an item's number, or the colon a level word left ("数量指标" ":开通业务月份", doc 162; "指标:项目总下达资金", doc 181),
# before a name
_LEVEL3_PREFIX = re.compile("^" + NUMBER_PREFIX + r"\s*|^\d{1,2}[、．.]\s*(?=\D)|^[（(]\d{1,2}[)）]\s*|^(?:指标|指標)?[:：]\s*")
_WS = re.compile(r"\s+")
_GOAL_ITEM = re.compile(r"^目标\d{1,2}[:：.．、]")


@dataclass
class TableRead:
    template: Template
    rows: list[Row]
    project: str
    indicators: list[Indicator] = field(default_factory=list)
    slots: list[EmptySlot] = field(default_factory=list)


def _squeeze(text: str) -> str:
    return _WS.sub("", text)


def _project_before(tokens: list[Token], start: int, stop: int) -> str:
    """The 项目名称 named in the header block in front of a table (tokens stop..start)."""
    for i in range(start - 1, max(stop, start - 120) - 1, -1):
        name = _labelled_project(tokens, i, start)
        if name:
            return name
    return ""


def _labelled_project(tokens: list[Token], i: int, end: int, inside: bool = False) -> str:
    """The project a 项目名称 label at token ``i`` names (in its own cell or the next ones before ``end``), or "";
    ``inside``: the label may stand inside the token (run together: ``…自评表专项资金名称县级储备粮负责人…``, doc 20)."""
    whole = simplified(_squeeze(tokens[i].text))   # (項目名稱: labels are found in simplified script, doc 128)
    for label in words().project_labels:
        at = whole.find(label) if inside else (0 if whole.startswith(label) else -1)
        if at < 0:
            continue
        cell = _squeeze("".join(t.text for t in tokens[i:_cell_end(tokens, i, end)]))   # ("项目名称:叶县" "2020年…")
        rest = project_name(cell[at + len(label):].lstrip(":："))
        if rest:
            return rest
        for k in range(i + 1, min(end, i + 3)):
            nxt = _squeeze(tokens[k].text).lstrip(":：")   # ("项目名称" ":农业…", cut by the lexer: doc 139)
            if nxt and not vocab().label_kind(simplified(nxt)) and header_role(nxt) is None:
                return project_name(nxt)
    return ""


@functools.lru_cache(maxsize=1)
def _label_mark() -> str:
    """A letter every 项目名称 label holds in both scripts (名), or "" where some label has none."""
    labels = words().project_labels
    return "名" if labels and all("名" in label for label in labels) else ""


def document_project(tokens: list[Token]) -> tuple[int, str]:
    """(source line, name) of the one project a document's 项目名称 labels name, or (0, "") where they name none
    or several: the project of records no table gave one (a 项目名称 line above a prose list, doc 145)."""
    named = {}
    mark = _label_mark()
    for i in range(len(tokens)):
        if mark and mark not in tokens[i].text:
            continue   # (every label holds this letter: the other tokens are not looked at label by label)
        name = _labelled_project(tokens, i, len(tokens), inside=True)
        if name:
            named.setdefault(name, tokens[i].line)
    if len(named) != 1:
        return 0, ""
    (name, line), = named.items()
    return line, name


def _header_columns(header: list[Token]) -> dict[int, str]:
    """The grid column of each header cell and the role its word names, where the source is a grid (HTML, sheets)
    whose header spreads over three columns or more; a column two header words name is left out (a table printed a
    cell per row has every cell in column 0: doc 130 as a web page).

    >>> from indicators.table.stream import Token
    >>> _header_columns([Token(w, 1, "sep", col=k) for k, w in enumerate(["三级指标", "指标值", "分值"])])
    {0: 'level3', 1: 'value', 2: 'weight'}
    >>> _header_columns([Token(w, k, "hard", col=0) for k, w in enumerate(["完成情况如下表:", "三级指标", "指标值"])])
    {}
    >>> _header_columns([Token("完成情况如下表:", 1, "hard", col=0)] + [Token(w, 2, "sep", col=k) for k, w in
    ...                  enumerate(["一级指标", "三级指标", "指标值", "分值"])])   # (column 0: the header row's word)
    {1: 'level3', 2: 'value', 3: 'weight', 0: 'level1'}
    >>> _header_columns([Token("年度目标", 1, "sep", col=3)] + [Token(w, 2, "sep", col=k) for k, w in
    ...                  enumerate(["一级指标", "二级指标", "三级指标", "二级指标"])])
    {0: 'level1', 1: 'level2', 2: 'level3', 3: 'level2'}
    """
    named = [(tok.col, header_role(tok.text), tok.line) for tok in header if tok.col >= 0]
    named = [(c, r, line) for c, r, line in named if r]
    cols = [c for c, _, _ in named]
    out = {c: r for c, r, _ in named if cols.count(c) == 1}
    # (a column a line above the header row names too, "年度目标" over "二级指标" (doc 391): the header row's word, where
    # that row names three columns or more on its own)
    lines = [line for _, _, line in named]
    main = max(set(lines), key=lambda line: (lines.count(line), line)) if lines else None   # (a tie: the lower line)
    mains = [c for c, _, line in named if line == main]
    if len(set(mains)) >= 3 and len(set(mains)) == len(mains):
        out.update({c: r for c, r, line in named if line == main and cols.count(c) > 1})
    return out if len(out) >= 3 else {}


def _value_from_weight_column(row: Row, tokens: list[Token], columns: dict[int, str], aligned: set[int]) -> Row:
    """A row whose value came from a 分值/权重 column of the grid while its own value cell is empty (doc 363: a
    target left blank, ``进境植物疫情检出率 | % | | 5``): the number is the row's weight, the target is missing.

    >>> from indicators.table.stream import Token
    >>> toks = [Token("检出率", 1, "sep", col=4), Token("%", 1, "sep", col=5), Token("5", 1, "sep", col=7)]
    >>> row = Row([Cell("level3", "检出率", 0, 0, 1), Cell("unit", "%", 1, 1, 1), Cell("value", "5", 2, 2, 1)])
    >>> fixed = _value_from_weight_column(row, toks, {4: "level3", 5: "unit", 6: "value", 7: "weight"}, {1})
    >>> fixed.get("value"), fixed.get("weight")
    ('', '5')
    """
    value_cols = [c for c, r in columns.items() if r == "value"]
    cell = next((c for c in row.cells if c.role == "value"), None)
    if cell is None or not value_cols or tokens[cell.first].line not in aligned:   # (aligned: rows.aligned_lines)
        return row
    cols = {tokens[k].col for k in range(cell.first, cell.last + 1)}
    here = cols.pop() if len(cols) == 1 else -1
    if here < 0 or columns.get(here) not in ("weight", "score"):
        return row
    used = {tokens[k].col for c in row.cells for k in range(c.first, c.last + 1)}
    if value_cols[0] in used or value_cols[0] > here:
        return row
    role = "weight" if not row.get("weight") else "other"
    return Row([Cell(role, c.text, c.first, c.last, c.line) if c is cell else c for c in row.cells], open=row.open)


def _titled_project(tokens: list[Token], start: int, stop: int, reach: int = 40) -> str:
    """The project the nearest title in front of a table's header names (``…专项经费绩效评价表``, table/project.py)."""
    lo = max(stop, start - reach)
    end = start
    for i in range(start - 1, lo - 1, -1):
        if tokens[i].gap == "glue" and i > lo:
            continue   # a piece the lexer cut out of a cell: the title is the whole cell
        name = title_project("".join(t.text for t in tokens[i:end]))
        if name:
            return name
        end = i
    if stop == 0 and lo > 0:   # the first table: the document's own title, at its top (doc 130: …项目自评结果)
        return _titled_project(tokens, min(lo, 12), 0)
    return ""


_NUMBERED_SENTENCE = re.compile(r"^\d{1,2}[.、．][\u4e00-\u9fff][^|]{2,60}。$")
# "五、评价结论及建议", "(二)存在的问题": a report's numbered section heading
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
_PART = re.compile(r"^第[一二三四五六七八九十]{1,3}部分")


def _framework_name_after(tokens: list[Token], i: int, end: int) -> bool:
    """The 绩效目标 at ``i`` is followed by a short quality word (``合理性``), or by a row label and one (``绩效指标``
    ``明确性``): the 二级 or the name of a 决策 framework row, not a goal block."""
    def short_name(k: int) -> bool:   # (callers check k < end)
        return len(tokens[k].text) <= 3 and name_like(tokens[k].text)
    return (i + 1 < end and tokens[i + 1].gap == "glue" and short_name(i + 1)) or \
        (i + 2 < end and token_type(tokens[i + 1].text) == "rowlabel" and short_name(i + 2))


def _table_end(tokens: list[Token], start: int, end: int) -> int:
    """Where a table's rows stop: a 总分/合计/说明 line or a signature line ends it."""
    v = vocab()
    for i in range(start, end):
        if tokens[i].sheet_start:
            return i   # a workbook's next sheet (the 封面 of the next 部门预算 after a 整体 table: doc 406)
        key = simplified(_squeeze(tokens[i].text))   # (a traditional page's 預算績效評價結果, 總分 end it too: doc 81)
        if words().table_end.match(key) and (token_type(key) == "text" or key.startswith("总分") or key in ("注:", "注：")):
            # (总分 and 注: alone type as short words)
            return i
        if any(w in key for w in words().signoff):
            return i   # "分管领导签字： 何继成 …": the form's signature line (doc 391)
        if _NUMBERED_SENTENCE.match(key) and tokens[i].col <= 0:
            # "2.部门绩效评价结果。": the report's next numbered paragraph (not a grid row's 评价标准 cell: doc 373)
            return i
        section = _SECTION.match(key)
        if section and words().table_end.match(key[section.end():]):
            return i   # "五、评价结论及建议" after a table (doc 290): the report goes on
        if _PART.match(key):
            return i   # "第三部分": the report's next part (the 单位预算情况说明 after the 绩效目标表 of doc 399)
        if i > start + 1 and key.startswith("序号") and len(key) <= 12:
            return i   # "序号 | 学校性质 | 培训机构 …": the header of the next (budget) table
        kind = v.label_kind(key) if i > start + 1 else None
        if kind and _word_goes_on(tokens, i, end):
            kind = None   # "年度目标" cut by the lexer from the 三级 cell "年度目标工作任务完成时间" (doc 406): no label
        if kind == "goal" and _framework_name_after(tokens, i, end):
            continue   # "绩效目标 | 绩效指标 明确性 | 明确": the 二级 of the 决策 framework (doc 124), not the goal block
        if i > start + 1 and (kind in ("project", "department", "goal", "stop")
                          or key.startswith(words().project_labels)):
            return i   # (right after the header, "项目年度绩效目标" is the first row's row label)
        if len(key) <= 60 and v.title_kind(key) and ("表" in key or "绩效目标" in key) and len(key) >= 6:
            return i
        if tokens[i].gap != "glue" and i + 1 < end and tokens[i + 1].gap == "glue" \
                and _title_cell(tokens, i, end):
            return i   # "南江县2025年县级部门…绩效目标申报表" cut by the lexer: the next table's title (doc 388)
    return end


def _word_goes_on(tokens: list[Token], i: int, end: int) -> bool:
    """The lexer cut token i from a longer cell whose next character goes on with the same word (a Chinese character,
    not the colon or bracket after a label: ``年度目标`` | ``工作任务完成时间``)."""
    k = _cell_end(tokens, i, end)
    if k == i + 1 or tokens[i].gap == "glue":   # (only a cell's first token: a word inside a sentence is left as it was)
        return False
    rest = tokens[i + 1].text.lstrip()
    whole = simplified(_squeeze("".join(t.text for t in tokens[i:k])))
    # (a title cut there, "项目支出绩效目标" | "完成情况表", is the next table's: it ends this one)
    return has_cjk(rest[:1]) and "表" not in whole and not vocab().title_kind(whole)


def _cell_end(tokens: list[Token], i: int, end: int) -> int:
    """Past the last of the tokens i, i + 1, … (before ``end``) the lexer cut one cell into (glued on to i)."""
    k = i + 1
    while k < end and tokens[k].gap == "glue":
        k += 1
    return k


_TITLE_NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]$")


def _title_cell(tokens: list[Token], i: int, end: int) -> bool:
    """The cell the lexer cut into tokens i, i + 1, … (glued on) is a table's title."""
    key = simplified(_squeeze("".join(t.text for t in tokens[i:_cell_end(tokens, i, end)])))
    # (a note after the title's 表: "…项目支出绩效目标申报表(追加项目)", doc 391)
    return 6 <= len(key) <= 60 and bool(vocab().title_kind(key)) and _TITLE_NOTE.sub("", key).endswith("表")


def _good(row: Row) -> bool:
    """A row that reads as an indicator row: a name of the right shape and something in a value column,
    or an empty 一级/二级 slot."""
    roles = {c.role for c in row.cells}
    if not row.get("level3") and row.get("level3" + SECOND):   # only the second block has this row's indicator
        return _good(_second_block_row(row))
    if roles <= {"level1", "level2", "row_label", "level2" + SECOND}:
        return True
    name = row.get("level3")
    if name in not_names().slot_left and "level2" in roles:
        return True   # "经济效益 | 无": a 二级 its table says has no indicator, a slot filled in (docs 388, 391)
    if roles <= {"level1", "level2", "level3", "row_label"} and enumerated_name(name):
        return True   # "指标4.不合格产品处置率" with its target and actual cells left empty
    if row.open and roles <= {"level1", "level2", "level3", "row_label"} and 4 <= len(name) <= 40 \
            and token_type(name) in ("text", "qual") and not any(ch in name for ch in ",，、。;；"):
        # a name whose value cells the source shows empty (a target never filled in: doc 101 rendered); a sentence or a
        # list alone (忠烈祠、博物館,、大廟運轉經, a piece of a wrapped cell) does not make the table go on
        return True
    if not name and "level2" in roles:   # a two-level table: the 二级 name carries the value
        return any(row.get(r) for r in ("value", "actual"))
    if not name or len(name) > 80 or token_type(name) not in ("text", "qual", "value", "l2like", "l1", "l2", "l1l2"):
        return False   # (a 三级 name may repeat a level word: 服务对象满意度指标 | 服务对象满意度 | 100%)
    return any(row.get(r) for r in ("value", "actual", "weight", "score", "op", "unit"))


def _cut_name_row(row: Row) -> bool:
    """A row of a name that ends like one and nothing after it (the page was cut there)."""
    roles = {c.role for c in row.cells}
    return "level3" in roles and roles <= {"level1", "level2", "level3", "row_label"} and name_like(row.get("level3"))


def _region_values(row: Row, first: str) -> str:
    """What a 区域 table's other towns add to the first town's target: their cells as written (``≤100% | 100%``, doc 42;
    ``>=95% | >=95% …``, doc 90), but nothing when every town has the same bare number, which written together would read
    as one number (``1 | 1 | … | 1`` is 1, not 1111111: doc 202)."""
    others = [_squeeze(c.text) for c in row.cells if c.role == "region"]
    return "" if first.isdigit() and all(o == first for o in others) else "".join(others)


def _comparator_before_value(row: Row) -> str:
    """A bare comparator in the column right before the value's, one the header did not name as a comparator column
    (``指标值类型 | 目标值``: ``≤ | 9.9``, ``定性 | 保障``; doc 160): the target's comparator."""
    for before, cell in zip(row.cells, row.cells[1:]):
        if cell.role == "value" and before.role == "other" and before.last + 1 == cell.first \
                and token_type(before.text) == "op":
            return _squeeze(before.text)
    return ""


def _page_end_rows(span: list[Token], every: list[Row], rows: list[Row]) -> list[Row]:
    """The rows of a table the page's end cut: the row of a name with nothing after it that the table's end left out
    (doc 137), or a name the rows left out after the last row (:func:`_cut_last_name`); ``every`` is every row the
    splitter found, ``rows`` the ones kept, ``span`` the tokens they index."""
    if not rows or not every:
        return rows
    if every[-1] is not rows[-1]:
        return rows + [every[-1]] if _cut_name_row(every[-1]) else rows   # its value ""
    return rows[:-1] + _cut_last_name(span, rows[-1])


def _closed_last_name(every: list[Row], rows: list[Row]) -> list[Row]:
    """A table its end closes (the next project's 项目名称, a 合计 line, a title) may end in a row of a name alone, its
    target left empty where empty cells are not printed (one cell per line): the row is kept when it ends like a name
    and comes right after the last row kept (``every``: each row the splitter found, ``rows``: the ones kept).

    >>> a = Row([Cell("level3", "工作完成及时率", 0, 0, 1), Cell("value", "≥100%", 1, 1, 2)])
    >>> b = Row([Cell("level3", "水电气消耗下降率", 2, 2, 3)])
    >>> [r.get("level3") for r in _closed_last_name([a, b], [a])]
    ['工作完成及时率', '水电气消耗下降率']
    >>> [r.get("level3") for r in _closed_last_name([a, Row([Cell("level3", "二、项目绩效目标", 2, 2, 3)])], [a])]
    ['工作完成及时率']
    """
    if len(every) >= 2 and rows and every[-2] is rows[-1] and _cut_name_row(every[-1]):
        return rows + [every[-1]]
    return rows


def _cut_last_name(span: list[Token], last: Row) -> list[Row]:
    """The table's last row and the page's last token when that is a name the rows left out: on a line of its own
    (``资金到位率 |``, doc 156) a row of its own, after the level cells of the last row (doc 109) that row's name; the
    row the cut left, its value empty (``span``: the tokens the rows index).

    >>> from indicators.table.stream import Token
    >>> span = [Token("时效指标", 1, "line"), Token("工作完成及时率", 1, "sep"), Token("≥100%", 1, "sep"), Token("资金到位率", 2, "line")]
    >>> last = Row([Cell("level2", "时效指标", 0, 0, 1), Cell("level3", "工作完成及时率", 1, 1, 1), Cell("value", "≥100%", 2, 2, 1)])
    >>> [[c.text for c in r.cells] for r in _cut_last_name(span, last)]
    [['时效指标', '工作完成及时率', '≥100%'], ['资金到位率']]
    """
    tok = span[-1] if span else None
    if tok is None or last.cells[-1].last >= len(span) - 1 or not name_like(tok.text):
        return [last]
    cell = Cell("level3", tok.text, len(span) - 1, len(span) - 1, tok.line)
    if tok.gap in ("sep", "space") and {c.role for c in last.cells} <= {"level1", "level2", "row_label"} \
            and last.cells[-1].last == len(span) - 2:
        return [Row(last.cells + [cell])]   # "可持续影响指标 | 实现建设总目标控制程度": the slot's own name (doc 109)
    return [last, Row([cell])] if (tok.gap in LINE_ENDS or tok.gap == "hard") else [last]


_SECTION_HEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff]{4}")


_TARGET_CELLS = frozenset({"op", "value", "unit", "weight", "score", "actual", "other"})


def _until_misfit(rows: list[Row], max_gap: int = 6, tokens: list[Token] | None = None) -> list[Row]:
    """The rows up to where the template stops fitting: a long run of tokens outside every row or of
    rows that do not read as indicators ends the table (a budget table or prose after it)."""
    kept: list[Row] = []
    last_good = -1
    prev_last = None
    bad_run = 0
    named = False   # a good row with a 三级 name seen: before it a longer run is allowed (a table may open
    # with rows that do not read as indicators, 成本指标 rows named 0 over 0.00%, and go on with good ones)
    for row in rows:
        first = row.cells[0].first
        if kept and _SECTION_HEADING.match(row.get("level3")):
            break   # "(二)項目財務管理狀況本項目累計安排資金…": a report's next section after its table (doc 70)
        if prev_last is not None:
            bad_run += first - prev_last - 1
        prev_last = row.cells[-1].last
        limit = max_gap if named else 4 * max_gap
        if _good(row):
            if bad_run >= limit and kept:
                break
            bad_run = 0
            kept.append(row)
            last_good = len(kept)
            named = named or bool(row.get("level3"))
        else:
            # (a row of short marks alone, "5 | ②", is a sub-row of merged cells: it counts once, doc 27; a row of short
            # target cells alone under a name merged over it, "是/否 | 是 | 5", goes on with the table as a good row does:
            # doc 355's second question in one name cell)
            short = all(len(_squeeze(c.text)) <= 2 for c in row.cells)
            targets = tokens is not None and tokens[first].col >= 0 and len(row.cells) <= 4 \
                and {c.role for c in row.cells} <= _TARGET_CELLS and bool(row.get("value")) \
                and all(len(_squeeze(c.text)) <= 4 for c in row.cells)   # (a grid's row: its cells' columns known)
            bad_run = 0 if targets else bad_run + (1 if short else row.cells[-1].last - first + 1)
            if bad_run >= limit and kept:
                break
            kept.append(row)
    return kept[:last_good] if last_good >= 0 else []


def _two_level(rows: list[Row]) -> bool:
    """Most rows give a 二级 name and, where the 三级 name should be, a value (``数量指标 | 375万平方米``)."""
    # (an empty slot, a 二级 cell with nothing after it, says nothing either way: doc 205's 社会成本指标 rows)
    with_l2 = [r for r in rows if r.get("level2") and any(r.get(k) for k in ("level3", "value", "actual"))]
    odd = [r for r in with_l2 if not r.get("level3") or r.get("level3") in words().qualitative
           or (token_type(r.get("level3")) in ("value", "num", "bignum") and r.get("level3") != "0")]
    return len(with_l2) >= 3 and len(odd) >= 0.6 * len(with_l2)


def _serial_first(tokens: list[Token], tpl: Template) -> bool:
    """The template's first column is a 序号 column."""
    return tpl.roles[:1] == ["other"] and header_key(tokens[tpl.start].text) == "序号"


def read_stream(tokens: list[Token], source_file: str, year: int | None = None, issuer: str = "",
                title: str = "", headerless: bool = False) -> list[TableRead]:
    """Every indicator table of one document's token stream; with ``headerless``, a stream without any
    header is read with the usual columns from its first 一级/二级 cell (see :func:`_headerless`)."""
    templates = find_templates(tokens) if not headerless else _headerless(tokens)
    out: list[TableRead] = []
    prev_end = 0
    for k, tpl in enumerate(templates):
        nxt = templates[k + 1].start if k + 1 < len(templates) else len(tokens)
        end = _table_end(tokens, tpl.end, nxt)
        span = tokens[tpl.end:end]
        cut = span   # the tokens the rows' cells index
        columns = {} if headerless else _header_columns(tokens[tpl.start:tpl.end])
        aligned = None   # rows.aligned_lines(cut, columns), found once per table
        if tpl.framework:
            rows = []   # a scoring framework's rows score the project, they state no targets
        elif names_only(span, strict=tpl.value_given):   # the names of a table whose values were lost or left empty
            rows = name_rows(span)
        else:
            # (no digit cuts under a headerless template's guessed columns: 22.5 is no weight 2 and actual 2.5)
            cut = digit_cuts(span, tpl.roles) if not (headerless and tpl.roles in (HEADERLESS_ACTUAL_ROLES,
                                                                                    HEADERLESS_SCORED_ROLES)) else span
            if not headerless and _serial_first(tokens, tpl):
                cut = serial_cuts(cut)   # "…1个6内部刊物12期": run together, each row opens with its 序号
            aligned = aligned_lines(cut, columns) if columns else set()
            every = split_rows(cut, tpl.roles, columns=columns, aligned=aligned)
            rows = _until_misfit(every, tokens=cut)
            if end == len(tokens):   # the table runs to the page's end, which may have cut its last row
                rows = _page_end_rows(cut, every, rows)
            else:
                rows = _closed_last_name(every, rows)
            if not headerless and len(every) >= 8 and len(rows) < len(every) / 2:
                rows = _scattered_header_rows(tokens, tpl, span, len(rows)) or rows
        if columns:
            aligned = aligned_lines(cut, columns) if aligned is None else aligned
            rows = [_value_from_weight_column(row, cut, columns, aligned) for row in rows]
        if _two_level(rows):   # the 指标名称 column holds 二级 names: read again without a 三级 column
            roles = [r for r in tpl.roles if r != "level3"]
            rows = _until_misfit(split_rows(digit_cuts(span, roles), roles))
        project = _project_before(tokens, tpl.end, prev_end) or _titled_project(tokens, tpl.start, prev_end) \
            or (out[-1].project if out else "")   # (a header printed again on the next page: the same project)
        table = TableRead(template=tpl, rows=rows, project=project)
        _records(table, source_file, year, issuer, title, table_id=k + 1)
        _second_block_records(table, source_file, year, issuer, title, table_id=k + 1)
        legacy_cost(table.indicators)
        out.append(table)
        prev_end = end
    return out


# the order a 绩效目标表 / 自评表 gives its columns in, whatever order its header words came out in
CANONICAL_ORDER = ("row_label", "project", "level1", "level2", "level3", "description", "op", "value", "unit",
                   "actual", "weight", "score", "reason")


def _scattered_header_rows(tokens: list[Token], tpl: Template, span: list[Token], fitted: int) -> list[Row]:
    """A sheet flattened cell by cell prints its header words apart and out of order (``一级 指标 … 年度 实际 指标值
    完成值 … 二级指标 三级指标 … 分值 得分``, doc 121): when the rows do not fit a template that puts a number column
    before the name, the header words around it, in the usual column order, are tried instead; their rows are
    kept when more than twice as many read as indicators as the ``fitted`` rows of the template."""
    at = tpl.roles.index("level3") if "level3" in tpl.roles else 0
    if not set(tpl.roles[:at]) & {"value", "actual", "weight", "score"}:
        return []   # a header whose number columns follow the name is read as it is printed (权重 before 实际 too)
    window = tokens[max(0, tpl.start - 20):tpl.end + 40]
    found = {header_role(t.text) for t in window} | set(tpl.roles)
    roles = [r for r in CANONICAL_ORDER if r in found]
    if not {"level3", "value"} <= set(roles) or roles == tpl.roles:
        return []
    rows = _until_misfit(split_rows(digit_cuts(span, roles), roles))
    return rows if len(rows) > 2 * fitted else []


def read_transposed(tokens: list[Token], source_file: str, year: int | None = None, issuer: str = "") -> list[TableRead]:
    """A table printed column by column (:mod:`indicators.table.transposed`), as one table."""
    from .transposed import transposed_rows
    rows = transposed_rows(tokens)
    if not rows:
        return []
    first = rows[0].cells[0].first
    tpl = Template(roles=["level1", "level2", "level3", "value"], start=first, end=first, line=rows[0].line)
    table = TableRead(template=tpl, rows=rows, project=_project_before(tokens, first, 0))
    _records(table, source_file, year, issuer, "", table_id=1)
    return [table]


HEADERLESS_ROLES = ["level1", "level2", "level3", "value", "weight"]
# a target followed by another (≥90% | 98%, 有所提升 | 养老服务提升): a self-evaluation's actual column
HEADERLESS_ACTUAL_ROLES = ["level1", "level2", "level3", "value", "actual", "weight"]
# (a self-evaluation page with its 分值 and 得分 after the actual: doc 211)
HEADERLESS_SCORED_ROLES = ["level1", "level2", "level3", "value", "actual", "weight", "score"]
# comparator, number and unit in cells of their own ("率 | = | 100 | % | 100 | 5"): a self-evaluation's columns
HEADERLESS_SPLIT_ROLES = ["level1", "level2", "level3", "op", "value", "unit", "actual", "weight", "score"]


def _headerless(tokens: list[Token]) -> list[Template]:
    """A table whose header is not in the document (a page that starts mid-table): read from its first
    一级/二级 cell with the usual columns, when the stream has level cells and values to fill them."""
    types = [token_type(t.text) for t in tokens]
    levels = [i for i, t in enumerate(types) if t in ("l1", "l2", "l1l2")]
    rest = types[levels[0]:] if levels else []
    pairs = sum(1 for a, b in zip(types, types[1:]) if a in ("l1", "l1l2") and b in ("l2", "l1l2"))
    if len(levels) < 2 or (rest.count("value") < 2 and min(rest.count("op"), rest.count("num")) < 2 and pairs < 3):
        return []   # (three or more 一级 | 二级 pairs: a table's rows, whatever their targets read as)
    i = levels[0]
    if pairs < 3 and sum("。" in t.text for t in tokens[i:levels[-1] + 8]) >= 3:
        return []   # sentences among the level cells: prose that names levels and values, not a table
        # (prose after the table's last level cell, the page's notes, is no reason to drop it)
    roles = HEADERLESS_SPLIT_ROLES if types[i:].count("op") >= 2 else \
        (HEADERLESS_SCORED_ROLES if _two_numbers_after(types[i:]) else HEADERLESS_ACTUAL_ROLES) \
        if _targets_twice(types[i:]) else HEADERLESS_ROLES
    if i <= 8 and any(t in ("value", "op") for t in types[:i]):
        i = 0   # the page starts in the middle of a row group: its first rows carry no level cell
    return [Template(roles=list(roles), start=i, end=i, line=tokens[i].line)]


def _two_numbers_after(types: list[str]) -> bool:
    """A target and its actual followed by two bare numbers (分值 and 得分).

    >>> _two_numbers_after(["text", "value", "value", "num", "num", "text", "value", "qual", "num", "num"])
    True
    """
    quads = zip(types, types[1:], types[2:], types[3:])
    return sum(a == "value" and b in ("value", "qual", "remark") and c == d == "num" for a, b, c, d in quads) >= 1


def _targets_twice(types: list[str]) -> bool:
    """Targets followed by another target more often than by a bare number (a weight): an actual column."""
    after = [b for a, b in zip(types, types[1:]) if a in ("value", "qual")]
    return sum(b in ("value", "qual") for b in after) > max(1, sum(b in ("num", "bignum") for b in after))


def _kind_off(value: str) -> str:
    """A value with the 指标性质 word in front (``定性减少``: the kind cell run onto the target, doc 208 run together)
    is the target alone.

    >>> _kind_off("定性减少"), _kind_off("定性"), _kind_off("≥95%")
    ('减少', '定性', '≥95%')
    """
    kind = max((k for k in words().kinds if value.startswith(k)), key=len, default="")
    return value[len(kind):] if kind and len(value) > len(kind) else value


def _level1_above(l1: str, l2: str) -> str:
    """The 一级 a 二级 row stands under: its template parent when the carried 一级 cannot hold it (a merged
    一级 cell printed below its first rows). Kept: 成本指标 over its 经济/社会/生态环境成本指标, and 一级
    names of their own (部门整体 templates: 投入管理指标 …) that no 二级 has as parent. A 二级 of its own with no
    满意 in it does not stand under 满意度指标, whose only 二级 is satisfaction."""
    v = vocab()
    parent = v.parent_of(l2)
    if not parent and l1 == "满意度指标" and "满意" not in l2:
        return ""   # "计划管理指标" after the 满意度 rows: a group of its own (债券 management indicators), no 满意度
    if not parent or not l1 or parent == l1 or v.canonical_level1(l1) == parent:
        return l1
    if l1 == "成本指标" and l2.endswith("成本指标"):
        return l1
    if l1 in v.level1.values() and l1 not in v.parents.values():
        return l1
    return parent


_COST_2021 = ("经济成本指标", "社会成本指标", "生态环境成本指标")


def legacy_cost(records: list[Indicator]) -> list[Indicator]:
    """成本指标 with no 二级 below it in a table without the 2021 cost dimensions (经济/社会/生态环境成本指标) is the
    legacy 二级 under 产出指标, as a reviewer reads it (labelling rules; 2021 templates make it a first level)."""
    if any(r.level2 in _COST_2021 for r in records):
        return records
    for r in records:
        if r.level1 == "成本指标" and r.level2 in ("", "成本指标"):
            r.level1, r.level2 = "产出指标", "成本指标"
    return records


def _second_block_row(row: Row) -> Row:
    """A row's second-block cells under their first-block roles, with the 一级 cell the two blocks share."""
    return Row([Cell(base_role(c.role), c.text, c.first, c.last, c.line) for c in row.cells
                if c.role.endswith(SECOND) or c.role == "level1"])


def _second_block_records(table: TableRead, source_file: str, year, issuer, title, table_id: int) -> None:
    """The records of a second block printed beside the first (``level2_b`` … columns): its rows read as a
    table of their own, under the first block's 一级 cells, after the first block's records."""
    if not any(r.endswith(SECOND) for r in table.template.roles):
        return
    rows = [r for r in map(_second_block_row, table.rows) if r.cells and {c.role for c in r.cells} != {"level1"}]
    second = TableRead(template=table.template, rows=rows, project=table.project)
    _records(second, source_file, year, issuer, title, table_id)
    # a second block that repeats the first (年度 = 中期, cell for cell) adds no target, nor does its last row when the
    # page cut it inside the copied value (``…等需求 | 解``, doc 203)
    seen = {(r.level2, r.level3, r.value_raw) for r in table.indicators}
    last = second.indicators[-1] if second.indicators else None
    cut = last is not None and last.value_raw and any(
        (f.level2, f.level3) == (last.level2, last.level3) and f.value_raw.startswith(last.value_raw) for f in table.indicators)
    table.indicators.extend(r for r in second.indicators
                            if (r.level2, r.level3, r.value_raw) not in seen and not (cut and r is last))


def _first_level1(rows: list[Row]) -> tuple[str, str]:
    """The 一级 of the rows before a table's first level cell, when that cell is a 一级: a merged 一级 cell is
    printed in the middle of its span (``资金使用合规性 …`` rows, then ``投入目标(28分)``, doc 39). When that cell is a 二级,
    the 一级 above it (``可持续影响指标`` first: 效益指标, doc 129); which 二级 the earlier rows had is not known."""
    v = vocab()
    for k, row in enumerate(rows):
        r1, r2 = _not_header(row.get("level1")), _not_header(row.get("level2"))
        if r1 or r2:
            if k == 0 or not any(r.get("level3") for r in rows[:k]):
                return "", ""
            if not r1:   # a 二级 first: the earlier rows share its 一级, not (as far as is known) its 二级
                parent = v.parent_of(v.canonical_level2(r2) or "")
                if parent == "满意度指标" and not all("满意" in r.get("level3") for r in rows[:k] if r.get("level3")):
                    return "", ""   # the satisfaction block holds satisfaction only: rows before it are not in it (272)
                return (parent, "") if parent else ("", "")
            return v.canonical_level1(r1) or _squeeze(r1), r1
    return "", ""


def _not_header(cell: str) -> str:
    """A level cell, or "" where it is a header word printed among the rows (``二级指标`` of a flattened sheet)."""
    return "" if cell and header_role(cell) in ("level1", "level2", "level3") else cell


def _records(table: TableRead, source_file: str, year, issuer, title, table_id: int) -> None:
    v = vocab()
    kind = "self_eval" if table.template.self_eval else "project"
    l1, l1_raw = _first_level1(table.rows)
    l2 = l2_raw = ""
    project = table.project
    for row in table.rows:
        if row.get("project"):
            project = _squeeze(row.get("project"))
            l1 = l1_raw = l2 = l2_raw = ""
        r1, r2 = (_not_header(row.get("level1")), _not_header(row.get("level2")))
        if r1 and not r2 and l1 and v.canonical_level2(r1) and v.parent_of(v.canonical_level2(r1)) == l1:
            r1, r2 = "", r1   # "成本指标" under 产出指标: the 二级 of the legacy hierarchy, not a new 一级
        if r1:
            c1 = v.canonical_level1(r1) or _squeeze(r1)
            if c1 != l1:
                l2 = l2_raw = ""
            l1, l1_raw = c1, r1
        if r2:
            l2 = v.canonical_level2(r2) or _squeeze(r2)
            l2_raw = r2
            l1 = _level1_above(l1, l2)
        level1 = l1 or (v.parent_of(l2) or "")
        name = _squeeze(row.get("level3"))
        if _GOAL_ITEM.match(name):
            continue   # "目标1:配合完成抽检148个批次": an item of the project's goal list, not an indicator
        level3 = _LEVEL3_PREFIX.sub("", name).rstrip("；;，,")
        op = _squeeze(row.get("op")) or _comparator_before_value(row)
        # 定性 is the kind and 正向指标 the direction (a 指标方向 column read as the comparator's), not a comparator
        rw = words()
        value = _squeeze(("" if op in rw.kinds or op in rw.directions or op in rw.no_comparator else op) + row.get("value"))
        value = _kind_off(value)
        value += _region_values(row, value)   # a 区域 table's other towns' values follow the first, as written
        if value and all(ch in COMPARATOR_CHARS for ch in value):
            value = ""   # "<" and the page's end: the target was cut after its comparator (doc 181)
        unit = unit_cell(_squeeze(row.get("unit")))
        if unit and value and value[-1].isdigit() and unit not in ("是/否", "是否") and not value.endswith(unit):
            # (a 计量单位 cell that repeats the number, "= 44,561 44,561", is an export's copy: doc 73)
            value += unit   # a bare number takes the 计量单位 cell; "28.8萬元" or "应保尽保" keep their own
        if not level3 and r2 and value and not row.get("level3"):
            level3 = _squeeze(r2)   # a two-level table: the 二级 name is the indicator and carries the value
        elif not level3 and r1 and not r2 and value and row.get("value") and not row.get("level3"):
            level3 = _squeeze(r1)   # "满意度 | 90%": a level word alone with a target is the indicator
        if not level3:
            if r2 and not value:
                table.slots.append(EmptySlot(source_file=source_file, source_line=row.line, table_kind=kind,
                                             table_title=title, project=project, level1=level1,
                                             level2=l2, level2_raw=r2, table_id=table_id))
            continue
        table.indicators.append(Indicator(
            source_file=source_file, source_line=row.line, table_kind=kind, table_title=title,
            year=year, issuer=issuer, project=project, project_amount_yuan=None, block="",
            level1=level1, level2=l2, level3=level3, level1_raw=l1_raw, level2_raw=l2_raw,
            value_raw=value, actual_raw=_squeeze(row.get("actual")), description=row.get("description"),
            weight_raw=_squeeze(row.get("weight")), score_raw=_squeeze(row.get("score")),
            basis_raw=row.get("basis"), table_id=table_id))
    if table.template.self_eval:
        table.indicators[:] = merge_name_copies(table.indicators)


def merge_name_copies(records: list[Indicator]) -> list[Indicator]:
    """A self-evaluation that prints the name again before the actual (``建设…子站 | 11个 | 建设…子站 | 0``, one cell per
    paragraph, doc 209) reads as two rows of one name: the second row's value is the first's actual.

    >>> from types import SimpleNamespace as R
    >>> got = merge_name_copies([R(level3="监测子站", level2="数量指标", value_raw="11个", actual_raw="", weight_raw="", score_raw=""),
    ...                          R(level3="监测子站", level2="数量指标", value_raw="0", actual_raw="", weight_raw="", score_raw="")])
    >>> [(r.value_raw, r.actual_raw) for r in got]
    [('11个', '0')]
    """
    out: list = []
    for r in records:
        prev = out[-1] if out else None
        if prev is not None and r.level3 == prev.level3 and r.level2 == prev.level2 and prev.value_raw \
                and r.value_raw and not prev.actual_raw and not r.actual_raw and not (prev.weight_raw or prev.score_raw):
            prev.actual_raw = r.value_raw
            prev.weight_raw, prev.score_raw = r.weight_raw, r.score_raw
            continue
        out.append(r)
    return out
