"""Read grid rows (one cell per column) into indicator records.

Every layout module rewrites its region of a document into grid rows; this module
walks the rows of the whole document once, as a small state machine:

* a **title** line (``…项目绩效目标表``, ``部门整体支出绩效目标表``, ``…绩效自评表``) opens a
  table context: kind, title, year;
* **label rows** of the header block (项目名称, 主管部门, 资金金额, 年度目标 …) fill the
  context; a label alone on its line takes its value from the next line;
* a **header row** (一级指标 / 二级指标 / 三级指标 / 指标值 …) maps columns to roles;
* **indicator rows** become :class:`~indicators.model.Indicator` records: merged
  cells left blank are filled down, a row whose 一级/二级/三级 cells are all empty
  continues the previous record (a cell wrapped onto the next line), a 二级 with no
  三级 and no value is an :class:`~indicators.model.EmptySlot`, a row shifted one
  column left or right by the extraction is realigned on the 一级/二级 vocabulary.

Everything the machine recognises comes from the vocabulary (``data/vocab``), so
tables of issuers never seen before are read by their structure, not their quirks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import EmptySlot, Indicator, Line
from ..text import clean_cell, has_cjk, norm_key, unit_cell
from ..vocab import vocab
from .base import header_roles, is_header, is_title_text, single_content
from ..table.project import project_name

# 指标性质 cells that describe the indicator instead of comparing ("定性", "正向指标")
_OP_WORDS = re.compile(r"定性|定量|正向|反向|指标|类")
_CONTINUED = re.compile(r"（续[表\d]*）$|续表$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*\)?\s*年")
_YEAR_LINE = re.compile(r"^[（(]?\s*((?:19|20)\d{2})\s*[)）]?\s*年度?\s*[)）]?$")
_BUDGET_YEAR = re.compile(r"预算年度\s*[：:]\s*((?:19|20)\d{2})")
_UNIT_LINE = re.compile(r"(?:^|单位\s*[：:]|金额单位\s*[：:])\s*(万\s*元|万|元|亿\s*元)\s*$")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_LEVEL3_PREFIX = re.compile(r"^(?:指标|目标)\s*\d+\s*[：:．.、]\s*")
_CAPTION_NUMBER = re.compile(r"^\s*(?:[\d]+|[一二三四五六七八九十]+)\s*[、.．]\s*")
_CAPTION_SUFFIX = re.compile(r"(?:项目支出|项目)?(?:绩效目标(?:申报)?表|绩效目标|表)$")
_TABLE_NO = re.compile(r"^(?:表|公开)?\s*[\d\-—]+\s*表?$|^表\s*\w{1,6}$")
_ISSUER_SUFFIX = r"(?:局|厅|委员会|委|院|办公室|办|中心|部|署|处|所|站|馆|队|会|社|府|校)"
_ISSUER_LINE = re.compile(r"^(?:#+\s*)?(?:单位名称|部门名称|单位|部门)\s*[：:]\s*(\S+?" + _ISSUER_SUFFIX + r")(?:（[^）]*）)?(?:\s|$)")
_ISSUER_CODE = re.compile(r"^\d{3,}\s*(\S+?" + _ISSUER_SUFFIX + r")(?:（[^）]*）)?$")
_ISSUER_HEADING = re.compile(r"^#+\s*(\S+?" + _ISSUER_SUFFIX + r")$")
_ISSUER_LEAD = re.compile(r"^(\S{4,30}?" + _ISSUER_SUFFIX + r")\s*(?:19|20)\d{2}\s*年")
_MULTIPLIERS = {"元": 1.0, "万元": 1e4, "万": 1e4, "亿元": 1e8}

BLOCKS = ("长期", "年度")


@dataclass
class ColumnMap:
    """Which column holds which role, from a header row."""
    roles: dict[str, int]
    ncols: int
    value_cols: list[int]          # value column plus op/unit/unnamed columns glued into it
    header_line: int

    @classmethod
    def from_header(cls, cells: list[str], lineno: int) -> "ColumnMap":
        roles_by_col = header_roles(cells)
        roles: dict[str, int] = {}
        for i, role in enumerate(roles_by_col):
            if role and role not in roles:
                roles[role] = i
        value_cols: list[int] = []
        if "value" in roles:
            v = roles["value"]
            if "op" in roles and roles["op"] < v:
                value_cols.append(roles["op"])
            value_cols.append(v)
            j = v + 1
            # `≥ | 95 | %`: unnamed columns right after the value belong to it
            while j < len(cells) and (not cells[j].strip() or roles_by_col[j] == "unit"):
                value_cols.append(j)
                j += 1
            if "op" in roles and roles["op"] > v and roles["op"] not in value_cols:
                value_cols.insert(0, roles["op"])
            if "unit" in roles and roles["unit"] not in value_cols:
                value_cols.append(roles["unit"])
        return cls(roles=roles, ncols=len(cells), value_cols=value_cols, header_line=lineno)

    def col(self, role: str) -> int | None:
        return self.roles.get(role)


@dataclass
class TableContext:
    """What the title and header block said about the table being read."""
    table_id: int
    kind: str = "project"
    title: str = ""
    year: int | None = None
    project: str = ""
    project_from_label: bool = False
    department: str = ""
    goal: str = ""
    block: str = ""
    unit: float | None = None          # multiplier from 单位：万元 / label (万元)
    amounts: list[tuple[int, float]] = field(default_factory=list)  # (priority, yuan)
    caption: str = ""

    @property
    def amount_yuan(self) -> float | None:
        return min(self.amounts)[1] if self.amounts else None


@dataclass
class DocumentInfo:
    issuer: str = ""
    year: int | None = None
    unit: float = 1.0


def document_info(lines: list[Line]) -> DocumentInfo:
    """Issuer and year stated once for the whole document (cover, headings, 单位： lines)."""
    info = DocumentInfo()
    years: dict[int, int] = {}
    for line in lines:
        nonempty = line.nonempty
        if not nonempty:
            continue
        text = " ".join(c.strip() for _, c in nonempty)
        if not info.issuer:
            key = re.sub(r"\s+", " ", text.strip())
            for pattern in (_ISSUER_LINE, _ISSUER_CODE, _ISSUER_HEADING, _ISSUER_LEAD):
                m = pattern.match(key) or pattern.match(key.replace(" ", ""))
                if m and has_cjk(m.group(1)):
                    info.issuer = _clean_issuer(m.group(1))
                    break
        m = _BUDGET_YEAR.search(text)
        if m and info.year is None:
            info.year = int(m.group(1))
        for m in _YEAR.finditer(text):
            y = int(m.group(1))
            years[y] = years.get(y, 0) + 1
    if info.year is None and years:
        info.year = max(years, key=lambda y: (years[y], y))
    return info


def _clean_issuer(name: str) -> str:
    name = re.sub(r"^[\d\s#]+", "", name)
    return re.sub(r"（(?:汇总|本级|部门汇总)）$", "", name)


def _caption_project(caption: str) -> str:
    """'1、城乡医疗救助绩效目标表' -> '城乡医疗救助'; '10、人事代理经费表' -> '人事代理经费'."""
    name = _CAPTION_NUMBER.sub("", clean_cell(caption).lstrip("#").strip())
    return _CAPTION_SUFFIX.sub("", name).strip()


def _amount(text: str, unit: float | None) -> float | None:
    m = _NUMBER.search(text or "")
    if not m:
        return None
    value = float(m.group(0).replace(",", ""))
    rest = norm_key(text[m.end():])
    for word, mult in _MULTIPLIERS.items():
        if rest.startswith(word):
            return value * mult
    return value * (unit if unit is not None else 1.0)


class GridParser:
    """Walks grid rows of one document and collects records (see module doc)."""

    def __init__(self, source_file: str, info: DocumentInfo):
        self.source_file = source_file
        self.info = info
        self.v = vocab()
        self.indicators: list[Indicator] = []
        self.slots: list[EmptySlot] = []
        self.table_ids: set[int] = set()
        self._next_id = 0
        self.ctx = self._new_context()
        self.colmap: ColumnMap | None = None
        self.active = False
        self.pending: str | None = None
        self.doc_unit: float | None = None
        self.column_labels: tuple[int, int] | None = None   # (line, column) of a row of column labels' 项目名称
        self._reset_fill()

    # -- state ------------------------------------------------------------------------
    def _new_context(self, **kw) -> TableContext:
        self._next_id += 1
        return TableContext(table_id=self._next_id, **kw)

    def _reset_fill(self):
        self.cur_l1 = self.cur_l1_raw = self.cur_l2 = self.cur_l2_raw = ""
        self.cur_project = ""
        self.cur_amount: float | None = None
        self.cur_code = ""
        self.last: Indicator | None = None

    # -- driver -----------------------------------------------------------------------
    def feed(self, lines: list[Line]) -> None:
        section = None
        for line in lines:
            content = single_content(line)
            if content == "":
                continue
            here = line.section
            if section and here and here != section:   # (a line a layout rebuilt carries no sheet)
                self._end_table()   # a workbook's next sheet: no row of it continues the last sheet's table (doc 422)
            section = here
            if content is not None and not (self.active and len(line.cells) >= 3):
                self._single(content, line)
            else:
                self._multi(line)

    # -- single-cell lines: titles, captions, units, labels and their values ------------
    def _single(self, text: str, line: Line) -> None:
        cleaned = clean_cell(text).lstrip("#").strip()
        key = norm_key(cleaned)
        if self.pending and not self.v.label_kind(key) and not is_title_text(cleaned):
            self._assign_label(self.pending, cleaned)
            self.pending = None
            return
        if is_title_text(cleaned):
            if _CONTINUED.search(key) and self.colmap is not None:
                return  # "…绩效目标表（续）": the same table after a page break
            self._open_table(cleaned)
            return
        head, sep, tail = key.partition("：")
        head_kind = self.v.label_kind(head) if sep and tail else None
        if head_kind in ("project", "department", "goal"):
            self._assign_label(head_kind, clean_cell(text).split("：", 1)[-1].split(":", 1)[-1].strip())
            return
        if head_kind == "amount":  # "项目资金（万元）：年度资金总额 1500 其中：财政拨款 1500"
            unit = 1e4 if "万" in head or re.search(r"\d\s*万", tail) else self.ctx.unit
            a = _amount(tail, unit)
            if a is not None:
                self.ctx.amounts.append((50, a))
            return
        m = _UNIT_LINE.search(key)
        if m:
            self._set_unit(m.group(1))
            return
        m = _YEAR_LINE.match(key)
        if m:
            self.ctx.year = int(m.group(1))
            return
        kind = self.v.label_kind(key)
        if kind:
            self.active = False if kind != "row_label" else self.active
            if kind not in ("stop", "row_label"):
                self.pending = kind
            return
        # prose or a caption: the table (if any) has ended
        self.active = False
        if len(key) <= 40 and "：" not in key and not key.startswith("（") and not _TABLE_NO.match(key):
            if self.last is not None and self.last.table_id == self.ctx.table_id:
                # a caption after rows: the next table starts here even without a title ("9、劳务派遣人员经费")
                old = self.ctx
                self.ctx = self._new_context(kind=old.kind, title=cleaned, year=old.year, unit=old.unit)
                self._reset_fill()
            self.ctx.caption = cleaned

    def _end_table(self) -> None:
        """The table ends with no title after it (a workbook's next sheet, a 取数说明 note): nothing below continues
        its rows, its header's columns or its header block."""
        self._start(self._new_context(unit=self.ctx.unit))
        self.colmap = None

    def _open_table(self, title: str) -> None:
        kind = self.v.title_kind(norm_key(title)) or "project"
        m = _YEAR.search(title)
        self._start(self._new_context(kind=kind, title=title, year=int(m.group(1)) if m else None,
                                      unit=self.ctx.unit, caption=title))

    def _start(self, ctx: TableContext) -> None:
        self.ctx = ctx
        self.active = False
        self.pending = None
        self._reset_fill()

    def _set_unit(self, word: str) -> None:
        self.ctx.unit = _MULTIPLIERS.get(word.replace(" ", ""), 1.0)

    def _assign_label(self, kind: str, value: str) -> None:
        ctx = self.ctx
        if kind == "project":
            if ctx.project_from_label and (self.last is not None and self.last.table_id == ctx.table_id):
                # a second project block under the same title: a new table
                self.ctx = ctx = self._new_context(kind=ctx.kind, title=ctx.title, year=ctx.year,
                                                   unit=ctx.unit)
                self._reset_fill()
            ctx.project, ctx.project_from_label = value, True
        elif kind == "department":
            ctx.department = ctx.department or value
        elif kind == "goal":
            ctx.goal = ctx.goal or value
        elif kind == "amount":
            a = _amount(value, ctx.unit)
            if a is not None:
                ctx.amounts.append((99, a))

    # -- multi-cell rows: labels, headers, indicator rows --------------------------------
    def _multi(self, line: Line) -> None:
        cells = [clean_cell(c) for c in line.cells]
        nonempty = [(i, c) for i, c in enumerate(cells) if c]
        first_i, first = nonempty[0]
        roles = header_roles(cells)
        if is_header(roles):
            self._header(cells, line.lineno)
            return
        kind = self.v.label_kind(first)
        if kind == "project" and len(nonempty) >= 3 and sum(
                not project_name(norm_key(c)) for _, c in nonempty[1:3]) == 2:
            # "项目名称 | 主管部门 | 实施单位（盖章） | …" over a wide 自评表 (doc 394's Sheet10): column labels, a project per
            # row below them in the 项目名称 column
            self.column_labels = (line.lineno, first_i)
            return
        if len(nonempty) == 1 and (self.pending or is_title_text(first)):
            self._single(first, line)
            return
        if kind and kind != "row_label":
            self._label_row(kind, cells, first_i)
            return
        later = None if kind or self.active or not first.endswith(("：", ":")) else \
            next((i for i, c in nonempty[1:] if c.endswith(("：", ":")) and self.v.label_kind(c) == "project"), None)
        if later is not None:   # "项目编码： | 4403… | | 项目名称： | …" (doc 387): label: value pairs, the project's not first
            self._label_row("project", cells, later)
            return
        if self.colmap is None:
            return
        cells = self._realign(cells)
        if not self.active:
            c1, c2 = self.colmap.col("level1"), self.colmap.col("level2")
            hit = any(c is not None and c < len(cells) and cells[c]
                      and (self.v.canonical_level1(cells[c]) or self.v.canonical_level2(cells[c]))
                      for c in (c1, c2))
            if not hit:
                return
            self.active = True  # orphan rows of the current table (seed 004: header after the rows)
        self._row(cells, line.lineno)

    def _header(self, cells: list[str], lineno: int) -> None:
        self.colmap = ColumnMap.from_header(cells, lineno)
        labels, self.column_labels = self.column_labels, None
        if labels and lineno - labels[0] <= 2 and self.colmap.col("project") is None \
                and not (labels[1] < len(cells) and cells[labels[1]]):
            self.colmap.roles["project"] = labels[1]   # the 项目名称 a line above names the rows' project column
        self.active = True
        self.pending = None
        label = norm_key(cells[0]) if cells and cells[0] and header_roles([cells[0]])[0] is None else ""
        self.ctx.block = next((b for b in BLOCKS if b in label), "")
        self.cur_l1 = self.cur_l1_raw = self.cur_l2 = self.cur_l2_raw = ""

    def _label_row(self, kind: str, cells: list[str], first_i: int) -> None:
        self.active = False
        ctx = self.ctx
        rest = [c for c in cells[first_i + 1:] if c]
        # amounts: every amount label in the row takes the next number after it
        unit = ctx.unit
        if any("万元" in c or c in ("万", "（万元）") for c in cells):
            unit = 1e4
        elif any(re.search(r"（元）|单位：元", c) for c in cells):
            unit = 1.0
        priorities = self.v.labels["amount"]
        for i, c in enumerate(cells):
            k = norm_key(c)
            if self.v.label_kind(k) != "amount":
                continue
            prio = next((p for p, lab in enumerate(priorities) if k.startswith(lab)), 99)
            for nxt in cells[i + 1:]:
                if self.v.label_kind(nxt):
                    continue
                if nxt and _NUMBER.search(nxt):
                    ctx.amounts.append((prio, _amount(nxt, unit)))
                    break
        if kind in ("stop", "amount"):
            return
        # project / department / goal: the first cell after the label that is not a label itself,
        # else the next line ("总体目标 | 年度目标" then the text)
        values = [c for c in rest if not self.v.label_kind(c)]
        if values:
            self._assign_label(kind, values[0])
        else:
            self.pending = kind

    # -- indicator rows -------------------------------------------------------------------
    def _realign(self, cells: list[str]) -> list[str]:
        cm, v = self.colmap, self.v
        c1, c2, c3 = cm.col("level1"), cm.col("level2"), cm.col("level3")
        if c2 is None:
            return cells
        first = next((i for i, c in enumerate(cells) if c), None)
        if first is None:
            return cells
        text = cells[first]
        value_col = cm.col("value")
        if c1 is not None and first < c1 and v.canonical_level1(text):
            filled = [c for c in cells[first:] if c]
            if v.canonical_level2(text) and value_col is not None and len(filled) == value_col - c2 + 1 \
                    and not v.canonical_level2(filled[1]):
                # "成本指标 | 指标1:补助资金成本 | 3万元" under 产出指标: a 二级 cell, its name and value (doc 07 as HTML)
                return [""] * (c2 - first) + cells
            return [""] * (c1 - first) + cells
        if first < c2 and v.canonical_level2(text) and not v.canonical_level1(text):
            return [""] * (c2 - first) + cells
        if (c1 is not None and c3 is not None and value_col is not None and first == c1
                and v.canonical_level1(text) and v.canonical_level2(text)
                and c2 < len(cells) and cells[c2] and not v.canonical_level2(cells[c2])
                and c3 < len(cells) and cells[c3]
                and not (value_col < len(cells) and cells[value_col])):
            # "成本指标 | 会议室改造扩建资金 | 43.2万元": the 二级 cell was merged away
            return cells[:c2] + [text] + cells[c2:]
        return cells

    def _cell(self, cells: list[str], role: str) -> str:
        c = self.colmap.col(role)
        return cells[c] if c is not None and c < len(cells) else ""

    def _value(self, cells: list[str]) -> str:
        """The value cells joined; the 计量单位 cell only after a number (``定性 | 优 | %`` is 优, doc 375)."""
        op_col, unit_col = self.colmap.col("op"), self.colmap.col("unit")
        text = "".join(cells[c] for c in self.colmap.value_cols
                       if c < len(cells) and c != unit_col and not (c == op_col and _OP_WORDS.search(cells[c])))
        unit = unit_cell(cells[unit_col]) if unit_col in self.colmap.value_cols and unit_col < len(cells) else ""
        return text + unit if unit and text.rstrip()[-1:].isdigit() and not text.endswith(unit) else text

    def _row(self, cells: list[str], lineno: int) -> None:
        v, ctx = self.v, self.ctx
        l1_raw, l2_raw, l3 = (self._cell(cells, r) for r in ("level1", "level2", "level3"))
        value = self._value(cells)
        description = self._cell(cells, "description")
        actual = self._cell(cells, "actual")
        project_cell = self._cell(cells, "project")
        if not (l1_raw or l2_raw or l3):
            self._continue(project_cell, value, description, actual, cells)
            return
        if project_cell:
            if project_cell != self.cur_project:
                self.cur_l1 = self.cur_l1_raw = self.cur_l2 = self.cur_l2_raw = ""
            self.cur_project = project_cell
            self.cur_amount = _amount(self._cell(cells, "amount"), ctx.unit)
            self.cur_code = self._cell(cells, "project_code") or self.cur_code
        if l1_raw:
            l1 = v.canonical_level1(l1_raw) or norm_key(l1_raw)
            if l1 != self.cur_l1:
                self.cur_l2 = self.cur_l2_raw = ""
            self.cur_l1, self.cur_l1_raw = l1, l1_raw
        if l2_raw:
            self.cur_l2 = v.canonical_level2(l2_raw) or norm_key(l2_raw)
            self.cur_l2_raw = l2_raw
        level1, level2 = self.cur_l1, self.cur_l2
        if not level1 and level2:
            level1 = v.parent_of(level2) or ""
        l3 = _LEVEL3_PREFIX.sub("", l3).rstrip("；;，, ")
        if not l3 and not value:
            if l2_raw:
                self.slots.append(EmptySlot(
                    source_file=self.source_file, source_line=lineno, table_kind=ctx.kind,
                    table_title=ctx.title, project=self._project(), level1=level1, level2=level2,
                    level2_raw=l2_raw, table_id=ctx.table_id))
            return
        rec = Indicator(
            source_file=self.source_file, source_line=lineno, table_kind=ctx.kind,
            table_title=ctx.title, year=ctx.year or self.info.year, issuer=self.info.issuer,
            project=self._project(), project_amount_yuan=self._project_amount(), block=ctx.block,
            level1=level1, level2=level2, level3=l3, level1_raw=self.cur_l1_raw,
            level2_raw=self.cur_l2_raw, value_raw=value, actual_raw=actual, description=description,
            weight_raw=self._cell(cells, "weight"), score_raw=self._cell(cells, "score"),
            basis_raw=self._cell(cells, "basis"),
            project_code=self.cur_code, project_goal=ctx.goal, table_id=ctx.table_id)
        self.indicators.append(rec)
        self.table_ids.add(ctx.table_id)
        self.last = rec

    def _continue(self, project_cell, value, description, actual, cells) -> None:
        """A wrapped row: its cells continue the previous record's cells."""
        rec = self.last
        if rec is None or rec.table_id != self.ctx.table_id:
            return
        if project_cell and _ends_table(project_cell):
            self._end_table()   # "取数说明： 此表只取当年预算…" under the project column: the table's end, no project (doc 422)
            return
        if project_cell and self.colmap.col("project") is not None:
            old = rec.project
            new = old + project_cell
            for r in reversed(self.indicators):  # every row of the wrapped project so far
                if r.table_id != rec.table_id or r.project != old:
                    break
                r.project = new
            self.cur_project = new
        rec.value_raw += value
        rec.description += description
        rec.actual_raw += actual

    def _project(self) -> str:
        if self.colmap is not None and self.colmap.col("project") is not None and self.cur_project:
            return self.cur_project
        ctx = self.ctx
        if ctx.project:
            return ctx.project
        if ctx.kind == "department":
            return ctx.department or self.info.issuer
        if ctx.caption:
            return _caption_project(ctx.caption)
        return ""

    def _project_amount(self) -> float | None:
        if self.colmap is not None and self.colmap.col("project") is not None and self.cur_project:
            return self.cur_amount
        return self.ctx.amount_yuan if self.ctx.kind != "department" else None


def _ends_table(cell: str) -> bool:
    """A cell that opens with one of the reader's table-end words (``取数说明``, ``合计``, ``备注``)."""
    from ..table.words import words
    return bool(words().table_end.match(norm_key(cell)))


def parse_grid(lines: list[Line], source_file: str) -> GridParser:
    parser = GridParser(source_file, document_info(lines))
    parser.feed(lines)
    return parser
