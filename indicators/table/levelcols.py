"""Project lists whose 一级 levels are columns: a 项目库 / 项目实施情况表 with one row per project and, under a
``绩效目标`` group, a column per 一级 (``产出指标 | 效益指标 | 满意度指标``), each cell a comma list of targets
(霍山 下符桥镇 扶贫项目, doc 242: ``…,农用拖拉机2台(含开沟机、播种机),收割机1台,… | 受益户数≥200户,受益脱贫户数≥15户 |
脱贫人口满意度≥90%``).

The header's level cells give the columns' order; in each project row the level columns are the run of cells that
reads best as target lists (a row's cells shift where its header spans two lines).  An item of a list is its name
and the target after it; an item without a number (``…设备采购项目``) states no target.

>>> from indicators.model import Line
>>> lines = [Line(["序号", "项目名称", "资金规模", "产出 指标", "效益 指标", "满意度 指标"], 1),
...          Line(["1", "修路项目", "30", "硬化道路1.2公里,新建路灯10盏", "受益户数≥200户", "群众满意度≥90%"], 2)]
>>> [(r.level1, r.project, r.level3, r.value) for r in level_column_records(lines)]   # doctest: +NORMALIZE_WHITESPACE
[('产出指标', '修路项目', '硬化道路', '1.2公里'), ('产出指标', '修路项目', '新建路灯', '10盏'),
 ('效益指标', '修路项目', '受益户数', '≥200户'), ('满意度指标', '修路项目', '群众满意度', '≥90%')]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Line
from ..text import simplified
from ..vocab import vocab

MAX_HEADER_LINES = 6   # the level cells of one header, over this many lines at most
_ITEM_SPLIT = re.compile(r"[，,;；。]")
_COMPARATOR = r"(?:≥|≤|≧|≦|>=|<=|＞|＜|>|<|=|＝|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|达到|达)"
_CN_DIGITS = "一两二三四五六七八九十"


@dataclass
class LevelRecord:
    line: int
    level1: str
    project: str
    level3: str
    value: str
    level2: str = ""


def _cells(line: Line) -> list[str]:
    """The non-empty cells of a line; a line the ingest left whole is split at its pipes (``cell | cell |``), else at
    its spaces (a PDF's or a preview's text)."""
    cells = line.cells
    if len(cells) == 1 and re.search("[|｜]", cells[0]):
        cells = re.split("[|｜]", cells[0])
    elif len(cells) == 1:
        cells = cells[0].split()
    return [c.strip() for c in cells if c and c.strip()]


@functools.lru_cache(maxsize=65536)
def _level1(cell: str) -> str:
    """The 一级 a header cell names (``产出 指标``, ``满意度指标``), else ""."""
    if len(cell) > 12:
        return ""
    key = simplified(re.sub(r"\s+", "", cell or ""))   # (traditional script too: 產出指標)
    v = vocab()
    c1 = v.canonical_level1(key)
    return c1 if c1 and (c1 == "满意度指标" or not v.canonical_level2(key)) and len(key) <= 8 else ""


def header_levels(lines: list[Line]) -> tuple[list[str], int] | None:
    """The 一级 names the header gives as columns, in order, and the index of the header's last line; None when no
    two distinct 一级 cells stand as header cells within a few lines (and not as the first cells of data rows)."""
    cells = [_cells(line) for line in lines]
    levels = [[_level1(c) for c in cs] for cs in cells]
    for i in range(len(lines)):
        if not any(levels[i]):
            continue
        found: list[str] = []
        last = i
        for k in range(i, min(i + MAX_HEADER_LINES, len(lines))):
            if any(levels[k]) and any(not lv and re.search(r"\d", c) for lv, c in zip(levels[k], cells[k])):
                break   # a data row with a level cell in it: an ordinary indicator table
            for lv in levels[k]:
                if lv and lv not in found:
                    found.append(lv)
                    last = k
        if len(found) >= 2:
            return found, last
    return None


@functools.lru_cache(maxsize=1)
def _target_start() -> re.Pattern:
    """Where an item's target starts: a comparator before a number, a number and a unit of the target grammar (not
    a model number: T40), a Chinese numeral and a unit."""
    from nlp.targets import target_vocab
    units = "|".join(re.escape(u) for u in target_vocab().units)
    return re.compile(rf"{_COMPARATOR}\s*\d|(?<![A-Za-z\d.])\d+(?:\.\d+)?\s*(?:万|千)?(?:{units})"
                      rf"|[{_CN_DIGITS}]+(?:{units})")


def split_item(item: str) -> tuple[str, str] | None:
    """(name, target) of one list item, or None when it has no target.

    >>> split_item("农用拖拉机2台(含开沟机、播种机)"), split_item("农用T40无人机1台(含电池)等其他机械设备")
    (('农用拖拉机', '2台(含开沟机、播种机)'), ('农用T40无人机', '1台(含电池)'))
    >>> split_item("自走式高速插秧机一台"), split_item("受益户数≥200户"), split_item("设备设备采购项目")
    (('自走式高速插秧机', '一台'), ('受益户数', '≥200户'), None)
    """
    text = item.strip()
    m = _target_start().search(simplified(text))   # (found on the simplified letters, cut in the text as written)
    if not m or m.start() < 2:
        return None
    value = re.sub(r"等[^()（）]*$", "", text[m.start():]).strip()
    return text[:m.start()].strip(), value


def _targets(cell: str) -> list[tuple[str, str]]:
    return [got for got in map(split_item, _ITEM_SPLIT.split(cell or "")) if got]


def _offset(cells: list[str], levels: list[str]) -> int | None:
    """Where the level columns start in one project row: the run of cells that reads best as target lists (a
    satisfaction column holding 满意), None when fewer than all but one of them hold a target."""
    k = len(levels)
    best, at = 0.0, None
    for j in range(1, len(cells) - k + 1):
        fit = sum(bool(_targets(cells[j + i])) for i in range(k))
        fit += sum(0.5 for i, lv in enumerate(levels) if lv == "满意度指标" and "满意" in simplified(cells[j + i]))
        if fit > best:
            best, at = fit, j
    return at if best >= k - 1 + 0.5 * ("满意度指标" in levels) else None


def _project(cells: list[str], before: int) -> str:
    """The project's name: the first cell before the level columns with four or more letters and no digit only."""
    return next((c.strip() for c in cells[:before] if len(re.sub(r"[\d\s.]", "", c or "")) >= 4), "")


def level_column_records(lines: list[Line]) -> list[LevelRecord]:
    """Every target of a project list whose 一级 levels are columns (see the module doc); [] when there is none."""
    found = header_levels(lines)
    if not found:
        return []
    levels, last = found
    out: list[LevelRecord] = []
    for line in lines[last + 1:]:
        cells = _cells(line)
        if len(cells) < len(levels) + 2 or any(_level1(c) for c in cells):
            continue
        j = _offset(cells, levels)
        if j is None:
            continue
        project = _project(cells, j)
        for i, lv in enumerate(levels):
            for name, value in _targets(cells[j + i]):
                out.append(LevelRecord(line.lineno, lv, project, name, value))
    return out


# a 部门整体 table with one row per task and a column per 二级, each cell one indicator and its target
# (巴州区财政局, doc 389: ``数量指标（三级指标及指标值）`` | ``质量指标（三级指标及指标值）`` …)
_LEVEL2_NOTE = re.compile(r"[（(][^()（）]*三级指标[^()（）]*[)）]?$")


@functools.lru_cache(maxsize=1)
def _directed() -> tuple[re.Pattern, re.Pattern]:
    """A change word (``[directions]`` of targets.toml: 增长, 下降 …) or a "more than" word (超过) ending a name, and one
    right before a number inside the cell: the target starts there ("…在2020年实际完成数基础上增长3%")."""
    from nlp.targets import target_vocab
    tv = target_vocab()
    more = [w for w, op in tv.prefix if op == ">" and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    words = "(?:" + "|".join(re.escape(w) for w in sorted({w for w, _ in tv.directions} | set(more), key=len, reverse=True)) + ")"
    return re.compile(words + "$"), re.compile(words + r"\d")
# a number and a short unit ending the cell ("完成评审项目金额15亿"): its target
_TRAILING_COUNT = re.compile(r"^(?P<name>\D{2,}?)(?P<value>\d+(?:\.\d+)?[\u4e00-\u9fff%]{0,2})$")


@functools.lru_cache(maxsize=65536)
def _level2_column(cell: str) -> str:
    """The canonical 二级 a header cell of that form names (``数量指标（三级指标及指标值）`` → 数量指标; a 一级 word as
    written: ``满意度指标``), else ""."""
    key = simplified(re.sub(r"\s+", "", cell or ""))
    if not _LEVEL2_NOTE.search(key):
        return ""
    head = _LEVEL2_NOTE.sub("", key)
    v = vocab()
    return v.canonical_level2(head) or v.canonical_level2(head + "指标") or (head if v.canonical_level1(head) else "")


def level2_cell(text: str) -> tuple[str, str]:
    """(name, target) of one cell of a 二级 column: a name and the target after it (a direction word before the number
    goes with the target), a name and the grade it ends in, or the whole cell with no target.

    >>> level2_cell("组织绩效评价≥1次"), level2_cell("收入在上年基础上增长3%"), level2_cell("财政资金使用效率不断提高")
    (('组织绩效评价', '≥1次'), ('收入在上年基础上', '增长3%'), ('财政资金使用效率', '不断提高'))
    >>> level2_cell("符合财政部相关规定"), level2_cell("服务对象满意超过90%"), level2_cell("完成评审项目金额15亿")
    (('符合财政部相关规定', ''), ('服务对象满意', '超过90%'), ('完成评审项目金额', '15亿'))
    """
    from .prose import graded_end
    text = re.sub(r"\s+", "", text)
    sentences = bool(re.search(r"[。；;]", text))   # (several statements: no one target)
    directed = _directed()[1].search(text)
    if directed and directed.start() >= 2 and not sentences:
        return text[:directed.start()], text[directed.start():]
    got = split_item(text) if not sentences else None
    trailing = _TRAILING_COUNT.match(text)
    if not got and trailing:
        return trailing.group("name"), trailing.group("value")
    if got:
        name, value = got
        moved = _directed()[0].search(name)
        if moved and len(name) - len(moved.group()) >= 2:
            name, value = name[:moved.start()], moved.group() + value
        return name, value
    return graded_end(text) or (text, "")


def level2_column_records(lines: list[Line]) -> list[LevelRecord]:
    """Every cell of a table whose 二级 levels are columns (see above): one record per non-empty cell, its 一级 the
    二级's parent; [] when no header line has three such columns."""
    v = vocab()
    headers = ((h, {c: lv for c, cell in enumerate(line.cells) if (lv := _level2_column(cell))})
               for h, line in enumerate(lines))
    h, cols = next(((h, cols) for h, cols in headers if len(cols) >= 3), (-1, {}))
    if h < 0:
        return []
    out: list[LevelRecord] = []
    for line in lines[h + 1:]:
        cells = line.cells
        filled = [c for c in cols if c < len(cells) and cells[c] and cells[c].strip()]
        if not filled:
            if out:
                break   # the table's end
            continue
        first = next((c for c in cells if c and c.strip()), "")
        if re.sub(r"\s+", "", first).startswith(("总计", "合计")):
            continue
        for c in filled:
            name, value = level2_cell(cells[c])
            out.append(LevelRecord(line.lineno, v.parent_of(cols[c]) or "", "", name, value, level2=cols[c]))
    return out


# a 项目 sheet with, under each 一级 of the header, a 三级指标 | 指标值 pair of columns and no 二级 (平昌县财政局 2020,
# doc 419: ``产出指标 | | 效益指标 | | 满意度指标 |`` over ``三级指标 | 指标值 | 三级指标 | 指标值 | 三级指标 | 指标值``)
def _pair_columns(upper: list[str], lower: list[str]) -> dict[int, str]:
    """The name column of each 一级 pair: a cell of ``upper`` naming a 一级 over a 三级 header cell of ``lower`` with a
    value header cell right of it."""
    from .header import header_role
    out = {}
    for c, cell in enumerate(upper):
        lv = _level1(cell) if cell and cell.strip() else ""
        if lv and c + 1 < len(lower) and header_role(lower[c].strip()) == "level3" \
                and header_role(lower[c + 1].strip()) == "value":
            out[c] = lv
    return out


def _named(cells: list[str]) -> int:
    """How often a line's cells write 指标 (a cheap look for a header line)."""
    return "|".join(cells).count("指标") if len(cells) >= 3 else 0


def level1_pair_records(lines: list[Line]) -> list[LevelRecord]:
    """Every name and target of a sheet whose 一级 levels head pairs of 三级指标 | 指标值 columns (see above), the
    project the first cell of the row that names it, carried down the rows whose first cell is empty; [] when no
    header has two such pairs.

    >>> rows = [["单位名称(项目名称)", "年度目标", "产出指标", "", "效益指标", ""],
    ...         ["", "", "三级指标", "指标值", "三级指标", "指标值"],
    ...         ["  财政局", "", "", "", "", ""],
    ...         ["    绩效评价", "确保…", "办公费", "20000", "增加就业率", "达5%"],
    ...         ["    ", "", "差旅费", "250000", "", ""]]
    >>> [(r.line, r.level1, r.project, r.level3, r.value)
    ...  for r in level1_pair_records([Line(c, k + 1) for k, c in enumerate(rows)])]   # doctest: +NORMALIZE_WHITESPACE
    [(4, '产出指标', '绩效评价', '办公费', '20000'), (4, '效益指标', '绩效评价', '增加就业率', '达5%'),
     (5, '产出指标', '绩效评价', '差旅费', '250000')]
    """
    named = [_named(line.cells) for line in lines]
    for h in range(len(lines) - 1):
        if named[h] < 2 or named[h + 1] < 4:
            continue   # (a cheap look first: two 一级 cells over four header cells, every one naming 指标)
        cols = _pair_columns(lines[h].cells, lines[h + 1].cells)
        if len(cols) >= 2:
            break
    else:
        return []
    out: list[LevelRecord] = []
    project = ""
    for line in lines[h + 2:]:
        cells = line.cells
        if line.section != lines[h].section:
            break   # (the next sheet)
        first = (cells[0] if cells else "").strip()
        pairs = [(c, lv) for c, lv in cols.items() if c < len(cells) and cells[c].strip()]
        if first and not re.fullmatch(r"[\d\s.,]*", first):
            project = re.sub(r"\s+", "", first)
        for c, lv in pairs:
            value = cells[c + 1].strip() if c + 1 < len(cells) else ""
            out.append(LevelRecord(line.lineno, lv, project, re.sub(r"\s+", "", cells[c]), value))
    return out
