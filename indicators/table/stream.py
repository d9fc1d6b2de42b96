"""Every text document as one stream of cells (tokens) with what the source shows between them.

The general table reader does not guess a layout first.  Whatever the document's form —
a pipe table, one cell per line, one cell per paragraph, space-separated lines, cells run
together — it becomes the same stream: tokens, each with the *gap* in front of it (an explicit
separator, a space, a line end, a blank line, a row end, or a cut the lexer made inside
run-together text).  How much each gap says about rows and cells is a weight in
``data/vocab/reader.toml``; the row splitter (:mod:`indicators.table.rows`) decides.

>>> [(t.text, t.gap) for t in cell_stream("数量指标 | 培训人次 | ≥280人次 |")]
[('数量指标', 'para'), ('培训人次', 'sep'), ('≥280人次', 'sep')]
>>> [(t.text, t.gap) for t in cell_stream("产出指标(50分) 数量指标 开展活动 ≥3次 3 10 10")][:3]
[('产出指标(50分)', 'para'), ('数量指标', 'space'), ('开展活动', 'space')]
>>> [t.text for t in cell_stream("数量指标培训人次≥280人次质量指标合格率100%")]
['数量指标', '培训人次', '≥280人次', '质量指标', '合格率', '100%']
>>> strip_glosses("項(xiàng)目指標(biāo)")
'項目指標'
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from ..text import simplified, strip_markup
from ..vocab import vocab
from .words import long_grades, words

GAPS = ("sep", "space", "glue", "cell", "para", "blanks", "line", "hard", "digit", "namecut")
LINE_ENDS = ("cell", "para", "blanks", "line")   # the gaps a line end makes (a "hard" row end aside)


@dataclass(frozen=True)
class Token:
    """One cell (or piece of run-together text) and the gap the source shows in front of it."""
    text: str
    line: int
    gap: str
    open: bool = False   # the source row ends after this token with cells it shows empty (lines_stream)
    col: int = -1        # the grid column of the cell it came from, where the source has a grid (lines_stream)
    sheet_start: bool = False   # the first cell of a workbook sheet after another sheet's (lines_stream): a table ends


# pinyin glosses inserted after characters by mirror sites, 項(xiàng): letters with a vowel, so that a unit note such as
# "(km)", "(kg)" stays
_GLOSS = re.compile(r"[(（](?=[^)）]{0,6}[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_PIPE_ONLY = re.compile(r"^[\s|｜]*$")
_SPACES = re.compile(r"[ \u3000\u00a0]+")
# page-chunk markers of document-sharing previews ("2、" at the start of a line)
_CHUNK_MARK = re.compile(r"^\d{1,2}、(?=\S)")


def strip_glosses(text: str) -> str:
    """A mirror's pinyin glosses removed.

    >>> strip_glosses("績(jī)效指標(biāo) 道路长度(km)")
    '績效指標 道路长度(km)'
    """
    if "(" not in text and "（" not in text:
        return text
    return _GLOSS.sub("", text)


def clean_text(text: str) -> str:
    """Remove what mirrors and converters add and no reader wants: glosses, image links, markup."""
    text = strip_glosses(text)
    if "![" in text:
        text = _IMAGE.sub("", text)
    return strip_markup(text.replace("\r\n", "\n").replace("\r", "\n"))


def cell_stream(text: str) -> list[Token]:
    """The tokens of a decoded text document (see module doc)."""
    tokens: list[Token] = []
    gap = "para"
    blank = 0
    lines = join_preview_pages(clean_text(text).split("\n"))
    lone_cells = not _rows_per_line(lines)
    for lineno, raw in enumerate(lines, start=1):
        if _PAGE_NUMBER.match(raw):
            continue   # "第 2 页，共 9 页" between two rows of a table a PDF printed over pages: no cell
        shown_empty = False
        if "|" in raw or "｜" in raw:
            pieces = [p.strip() for p in re.split(r"[|｜]", raw)]
            cells = [p for p in pieces if p]
            if not cells:
                if raw.count("|") + raw.count("｜") >= 2:
                    gap = "hard"
                continue
            inner = "sep"
            shown_empty = _shown_empty(raw, pieces)
        elif "\t" in raw:
            cells = [p.strip() for p in raw.split("\t") if p.strip()]
            inner = "sep"
        else:
            stripped = raw.strip()
            if raw == _JOINED:
                continue
            if not stripped:
                blank += 1
                continue
            if _border_line(lines, lineno):   # "cell" / "|" / "cell" / "|": each line is one bordered cell
                cells, inner = [stripped], "lone"
            else:
                cells = join_units(join_wrapped(join_brackets([c for c in _SPACES.split(stripped) if c])))
                if lone_cells and _wrapped_cell(cells):
                    cells = ["".join(cells)]   # "开展小型水利工程 建设(个)": one cell a space wrapped (one cell per line)
                # "lone": a line that is one cell, bordered by its ends (not where lines are rows run together)
                inner = "space" if len(cells) > 1 or not lone_cells else "lone"
        if gap != "hard" and blank:
            gap = "blanks" if blank >= 3 else "para"
        blank = 0
        _add_cells(tokens, cells, lineno, gap, inner)
        if shown_empty:
            tokens[-1] = dataclasses.replace(tokens[-1], open=True)
        gap = "line" if len(cells) > 1 or shown_empty else "cell"
    return join_split_headers(join_split_names(cut_repeated_heads(tokens)))


def _shown_empty(raw: str, pieces: list[str]) -> bool:
    """A pipe line that shows empty cells after its last cell, and before its first or a second cell (``| | | 名称 | |``,
    ``| 产出指标 | | 名称 | |``): a table row of its own whose unfilled value cells (and merged 一级/二级 cells) are printed
    empty (doc 101 as pipes); not a cell per line (``名称 |``, ``|   名称``).

    >>> _shown_empty("| | | 基本康复服务人数 | |", ["", "", "", "基本康复服务人数", "", ""]), _shown_empty("数量指标 |", ["数量指标", ""])
    (True, False)
    """
    inner = pieces[1 if raw.lstrip()[:1] in "|｜" else 0:len(pieces) - (1 if raw.rstrip()[-1:] in "|｜" else 0)]
    filled = [k for k, p in enumerate(inner) if p]
    return bool(filled) and (filled[0] > 0 or len(filled) > 1) and filled[-1] < len(inner) - 1


def _wrapped_cell(pieces: list[str]) -> bool:
    """Pieces of letters, no digit, that read as one name or text broken at spaces (in a document whose lines are
    cells, a space inside a line is the cell's own): none but the last ends like a name and none is a level or header
    word.

    >>> _wrapped_cell(["开展小型水利工程", "建设(个)"]), _wrapped_cell(["资金到位率", "按时到位"]), _wrapped_cell(["产出指标", "数量指标"])
    (True, False, False)
    >>> _wrapped_cell(["项目名称:", "全区涉法工作经费"])
    False
    """
    from .header import header_role
    if len(pieces) < 2 or any(re.search(r"[\d:：]", p) for p in pieces) or len(pieces[0]) < 4:
        return False   # (a digit, or a label's colon: "项目名称: 全区涉法工作经费" is a label and its value)
    v = vocab()
    if any(v.canonical_level1(p) or v.canonical_level2(p) or header_role(p) for p in pieces):
        return False
    return not any(words().name_end.search(simplified(p)) for p in pieces[:-1]) \
        and all(re.match(r"[\u4e00-\u9fff]", p) for p in pieces[1:])


# a page's number printed on a line of its own: 第2页 / 共16页, 第 2 页，共 9 页, 共9页 第2页, - 2 -
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?"
                          r"|共\s*\d{1,4}\s*页\s*[/，,、]?\s*第\s*\d{1,4}\s*页|[-—–]\s*\d{1,4}\s*[-—–])\s*$")


def _border_line(lines: list[str], lineno: int) -> bool:
    """The line after line ``lineno`` (1-based) is a lone ``|``: the page prints one cell per line between borders."""
    return lineno < len(lines) and lines[lineno].strip() in ("|", "｜")


def join_split_headers(tokens: list[Token], most: int = 5) -> list[Token]:
    """Header cells a preview printed letter by letter across its cell borders (``实际完成值`` ``分`` ``值得`` ``分``
    for 分值 | 得分): a run of two or more pieces of one or two letters that is no header cell itself but whose
    letters together are header cells is cut again into them.

    >>> [t.text for t in join_split_headers([Token("实际完成值", 1, "glue"), Token("分", 1, "glue"), Token("值得", 1, "space"),
    ...     Token("分", 1, "space"), Token("偏差原因分析及改进措施", 1, "glue")])]
    ['实际完成值', '分值', '得分', '偏差原因分析及改进措施']
    """
    from .header import header_role
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and j - i < most and len(tokens[j].text) <= 2 and header_role(tokens[j].text) is None:
            j += 1
        if j - i >= 2:
            text = "".join(t.text for t in tokens[i:j])
            cuts = header_pieces(simplified(text))
            if cuts:
                out.extend(Token(text[a:b], tokens[i].line, tokens[i].gap if not k else "glue")
                           for k, (a, b) in enumerate(zip(cuts, cuts[1:])))
                i = j
                continue
        out.append(tokens[i])
        i += 1
    return out


def join_preview_pages(lines: list[str]) -> list[str]:
    """A document-sharing preview prints its text in pages that start ``2、``, ``3、`` … wherever the page broke,
    inside a cell as often as not (``时效指标12月底之前完成10`` / ``2、0%100%10``): such a page goes on the line
    before it, its mark dropped; a blank line between them stays.

    >>> join_preview_pages(["1、" + "表" * 120 + "完成10", "2、0%100%10"])[0][-12:]
    '完成100%100%10'
    """
    out: list[str] = []
    expect, last = 2, -1   # the page number a joined page must carry; the line it joins
    for line in lines:
        m = _PAGE_MARK.match(line)
        if m and int(m.group(1)) == expect and last >= 0 and len(out[last]) >= 100 and "|" not in out[last]:
            out[last] += line[m.end():]
            out.append(_JOINED)   # (the line numbers of what follows stay those of the page)
            expect += 1
            continue
        if m and int(m.group(1)) == 1:
            expect = 2
        if line.strip():
            last = len(out)
        out.append(line)
    return out


_PAGE_MARK = re.compile(r"^(\d{1,2})、(?=\S)")
_JOINED = "\x00"   # the place of a page joined onto the line before it: no cell, no blank line


_OPEN = re.compile(r"[（(][^()（）]{0,8}$")
_CLOSE = re.compile(r"^[^()（）]{0,6}[)）]")


@functools.lru_cache(maxsize=1)
def _level_re() -> re.Pattern:
    v = vocab()
    names = sorted(v.cut_words(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in names))


def _rows_per_line(lines: list[str], at_least: int = 2) -> bool:
    """Lines that are whole rows run together: a level name and more text on one line without a cell border
    (``成本指标建设项目成本控制率100%``), twice or more; then a line is not one cell.

    >>> _rows_per_line(["数量指标培训人次≥280人次", "质量指标合格率100%"]), _rows_per_line(["数量指标", "培训人次", "≥280人次"])
    (True, False)

    So are three or more lines of a name, its weight and a compared target (``预算执行率10%=100``, doc 272).
    """
    found = numbered = 0
    for line in lines:
        if "|" in line or "｜" in line or "\t" in line:
            continue
        key = simplified(re.sub(r"\s+", "", line))
        m = _level_re().search(key)
        rest = key[:m.start()] + key[m.end():] if m else ""
        if m and len(rest) >= 4 and not _END_NOTE.fullmatch(rest):   # ("成本指标 (必填 硬性指标)": a level and its note)
            found += 1
            if found >= at_least:
                return True
        elif _NAME_THEN_NUMBERS.match(key):
            numbered += 1   # "预算执行率10%=100": a name, its weight and its target run together (doc 272)
            if numbered >= 3:
                return True
    return False


_NAME_THEN_NUMBERS = re.compile(r"^[\u4e00-\u9fff][^\d]{3,40}\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,3})?[=≥≤><]\d+(?:\.\d+)?%?$")


def cut_repeated_heads(tokens: list[Token], min_len: int = 4, min_runs: int = 2) -> list[Token]:
    """Run-together text glues a cell that every row repeats (``该指标值数据合理``, a 指标值说明) onto the next row's
    name. A text that stands as a whole token somewhere and also starts ``min_runs`` or more longer tokens is cut
    off them (a ``glue`` gap the row splitter may undo).

    >>> [t.text for t in cut_repeated_heads([Token(x, 1, "glue") for x in
    ...     ["该指标值数据合理保障退休职工人数", "=81人", "该指标值数据合理保障遗属人数", "=13人", "该指标值数据合理"]])]
    ['该指标值数据合理', '保障退休职工人数', '=81人', '该指标值数据合理', '保障遗属人数', '=13人', '该指标值数据合理']
    """
    whole = {t.text for t in tokens if t.gap == "glue" and len(t.text) >= min_len and not any(ch.isdigit() for ch in t.text)}
    if not whole:
        return tokens
    longest = max(len(w) for w in whole)

    def head_of(text: str, among) -> str | None:   # the longest of ``among`` that starts text, leaving 2 or more
        return next((text[:n] for n in range(min(longest, len(text) - 2), min_len - 1, -1) if text[:n] in among), None)

    starts: dict[str, int] = {}
    for t in tokens:
        w = head_of(t.text, whole) if t.gap == "glue" else None
        if w:
            starts[w] = starts.get(w, 0) + 1
    heads = {w for w, k in starts.items() if k >= min_runs}
    if not heads:
        return tokens
    out: list[Token] = []
    for t in tokens:
        w = head_of(t.text, heads) if t.gap == "glue" else None
        out.extend([Token(w, t.line, t.gap), Token(t.text[len(w):], t.line, "glue")] if w else [t])
    return out


def join_brackets(cells: list[str]) -> list[str]:
    """Glue a short bracket a space broke open: ``项目绩效实现情况(80`` ``分)投入目标`` is one piece.

    >>> join_brackets(["实现情况(80", "分)投入目标", "15%"])
    ['实现情况(80分)投入目标', '15%']
    """
    out: list[str] = []
    for c in cells:
        if out and _OPEN.search(out[-1]) and _CLOSE.match(c):
            out[-1] += c
        else:
            out.append(c)
    return out


def join_units(cells: list[str]) -> list[str]:
    """The pieces of a space-separated line that a space broke inside one value (text from a PDF or a preview):
    a number's unit run onto the next row's name goes back to the number (``2000`` ``次汇总突发事件季度报告次数``, doc 142;
    only where four or more letters follow it, never a date's or a time limit's word: ``3 天内``, ``10 个工作日``), a lone
    ``各/共/约…`` before a number is its first letter (``各 1 次``), and a date goes on in ``年底前`` after it (doc 155).

    >>> join_units(["各", "1", "次发生动态与短期预报报告次数", "2000", "次"])
    ['各1次', '发生动态与短期预报报告次数', '2000', '次']
    >>> join_units(["2021", "年底前"]), join_units(["5", "人员培训"]), join_units(["2023年", "年底前", "计划标准"])
    (['2021', '年底前'], ['5', '人员培训'], ['2023年年底前', '计划标准'])
    >>> join_units(["7", "岁以下儿童健康管理率", "≧85%"])   # an age a space broke off its name (doc 201)
    ['7岁以下儿童健康管理率', '≧85%']
    >>> join_units(["举办庆祝中国共产党成立95", "周年档案图片展"])   # an anniversary (doc 139)
    ['举办庆祝中国共产党成立95周年档案图片展']
    """
    out: list[str] = []
    for c in cells:
        if out and _DATE_END.search(out[-1]) and _DATE_GOES_ON.match(c):
            out[-1] += c   # "2023年" "年底前": one deadline a space broke (doc 155)
            continue
        if out and _AGE.fullmatch(out[-1]) and _AGE_NAME.match(c) and words().name_end.search(simplified(c)):
            out[-1] += c   # "7" "岁以下儿童健康管理率": an age a space broke off its name (doc 201)
            continue
        if out and _TEXT_NUMBER.search(out[-1]) and c.startswith(("周年", "周岁")):
            out[-1] += c   # "举办庆祝中国共产党成立95" "周年档案图片展": an anniversary a space broke (doc 139)
            continue
        if out and out[-1] in _LONE_PREFIXES and c[:1].isdigit() and (len(out) < 2 or not out[-2][-1:].isdigit()):
            out[-1] += c   # "各" "1": "各1次", a target a space broke after its first letter (doc 142)
            continue
        unit = _unit_start(c) if out and out[-1][-1:].isdigit() else ""
        if unit:
            out[-1] += unit
            out.append(c[len(unit):])
        else:
            out.append(c)
    return out


_LONE_PREFIXES = frozenset("各共约均每达计")
_AGE = re.compile(r"\d{1,2}(?:[-~～]\d{1,2})?")
_AGE_NAME = re.compile(r"(?:周岁|岁|月龄)")
_TEXT_NUMBER = re.compile(r"[\u4e00-\u9fff]\d{1,3}$")
_DATE_END = re.compile(r"\d{4}\s*年$|\d{1,2}\s*月$")
_DATE_GOES_ON = re.compile(r"^(?:年底|年末|月底|月末|底|末)?(?:前|之前|以前)?$")   # (cells are never empty)
_UNIT_GOES_ON = re.compile(r"^(?:内|前|以|之|左右|底|末|及|或|工作|[年月日天周时]|小时|分钟|/)")   # 3 天内, 10 个工作日, 95 %以上


def _unit_start(cell: str) -> str:
    """The unit a piece starts with, when it is a number's unit (see :func:`join_units`), else ``""``."""
    key = simplified(cell)
    unit = next((u for u in _units_by_length() if key.startswith(u)), "")
    rest = key[len(unit):]
    pair = key[len(unit) - 1:len(unit) + 1]   # the unit's last letter and the next: a word (支持, 家长) is no unit
    if not unit or unit in _TIME_UNITS or pair in words().unit_words or pair in words().dictionary_unit_words:
        return ""
    if len(rest) < 4 or not re.match(r"[\u4e00-\u9fff]", rest) or _UNIT_GOES_ON.match(rest):
        return ""   # (a unit alone, "90" "%", may be a unit column's cell: the row splitter decides)
    return cell[:len(unit)]


_TIME_UNITS = frozenset("年月日周天")   # (a date's or a time limit's: 2021 年底前, 3 天内 are not cut so)


@functools.lru_cache(maxsize=1)
def _units_by_length() -> tuple[str, ...]:
    """The target grammar's units, longest first."""
    from nlp.targets import target_vocab
    return tuple(sorted(target_vocab().units, key=len, reverse=True))


def join_wrapped(cells: list[str]) -> list[str]:
    """Glue space-separated pieces where a vocabulary word runs across the space: text wrapped inside
    its cell (``数量 指标5000吨``, ``年度指标 值``, ``产 出 指 标``), not a cell border.

    >>> join_wrapped(["产", "出", "指", "标数量", "指标5000吨", "库存数量真实率"])
    ['产出指标数量指标5000吨', '库存数量真实率']
    >>> join_wrapped(["数量指标", "培训人次", "≥280人次"])
    ['数量指标', '培训人次', '≥280人次']
    """
    if len(cells) < 2:
        return cells
    rx = _word_re()
    out = [cells[0]]
    i = 1
    while i < len(cells):
        left = simplified(out[-1][-12:])
        joint, bounds = left, []
        for k in range(i, min(len(cells), i + 4)):
            bounds.append(len(joint))
            joint += simplified(cells[k][:12])
        ends = [m.end() for m in rx.finditer(joint) if m.start() < len(left) < m.end()]
        if not ends or _opens_label(cells[i]):
            out.append(cells[i])
            i += 1
            continue
        take = sum(1 for b in bounds if b < max(ends))   # every piece the word reaches into
        out[-1] += "".join(cells[i:i + take])
        i += take
    return out


def _opens_label(cell: str) -> bool:
    """A cell that starts with a header block's label (``负责人及电话``): the space before it is a cell border, even
    where a longer label runs across it (``…精准帮扶项目 负责人及电话`` is a project, then 负责人; doc 127).

    >>> _opens_label("负责人及电话"), _opens_label("主管部门"), _opens_label("指标5000吨")
    (True, True, False)
    """
    return simplified(cell).startswith(words().project_ends)


def _add_cells(tokens: list[Token], cells: list[str], lineno: int, gap: str, inner: str,
               cols: list[int] | None = None, keep_whole: bool = False) -> None:
    """The tokens of one source line: ``gap`` before its first, ``inner`` between its cells, ``glue``
    between the pieces the lexer cut a cell into; each with its cell's grid column where ``cols`` gives them;
    ``keep_whole``: no cell is cut (a grid's cells, bordered by the source; ``51192221Y000000030263-在职人员公用经费``
    is one project cell, doc 384)."""
    first = True
    for at, cell in enumerate(cells):
        col = cols[at] if cols else -1
        whole = inner in ("sep", "lone") or (inner == "space" and cell.endswith("。") and len(cell) <= 60)
        pieces = [cell] if (whole and _whole_cell(cell)) or keep_whole else lex(cell)   # (a space-bordered sentence too)
        if inner == "lone" and len(pieces) == 1:
            pieces = _name_then_value(cell)
        for k, piece in enumerate(pieces):
            # (a grid's bordered cell holds one name: its explanation has a cell of its own, "全县实现三大主粮完全成本
            # 保险覆盖率" is not cut after 成本, doc 417)
            for m, part in enumerate([piece] if keep_whole else name_split(piece)):
                tokens.append(Token(part, lineno, "namecut" if m else (gap if first else ("glue" if k else inner)), col=col))
                first = False


def _name_then_value(cell: str) -> list[str]:
    """A line of its own that is a name run together with its target (``免疫规划知识培训次数2次以上``, doc 171): the two;
    else the line whole.

    >>> _name_then_value("免疫规划知识培训次数2次以上"), _name_then_value("森林火灾6小时内扑灭率")
    (['免疫规划知识培训次数', '2次以上'], ['森林火灾6小时内扑灭率'])
    >>> _name_then_value("免疫规划知识培训人次200人以上"), _name_then_value("开展宣传活动次数20次以")   # (a page cut off: 以)
    (['免疫规划知识培训人次', '200人以上'], ['开展宣传活动次数', '20次以'])
    """
    pieces = lex(cell)
    if len(pieces) == 2 and len(pieces[0]) >= 4 and (words().name_end.search(simplified(pieces[0])) or pieces[0].endswith("人次")) \
            and (pieces[1][:1].isdigit() or pieces[1][:1] in COMPARATOR_CHARS) and _value_re().fullmatch(simplified(pieces[1])):
        return pieces
    return [cell]


_CODE_START = re.compile(r"^\d{6,}\D")   # "820001-井研县马踏镇人民政府": a code and a name, two columns


def _whole_cell(cell: str) -> bool:
    """A cell of up to 30 characters the source bordered (``|`` or tab) that holds no level or header word and
    does not start with a code: one cell, whatever numbers it holds (``至少全年完成2次宣传``, ``已完成100%``,
    ``对学校2400平米体育场馆补贴5万元。``).

    >>> _whole_cell("已完成100%"), _whole_cell("数量指标培训人次≥280人次")
    (True, False)
    """
    key = simplified(cell)
    if (len(key) > 30 and not (len(key) <= 150 and key.endswith("。"))) or _CODE_START.match(key):
        return False   # (a bordered sentence of up to 150 characters, ending in 。, is one cell too)
    return all(key[m.start():m.end()] in words().remarks for m in _word_re().finditer(key))


_NAME_CUT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:率|人数|数量|标准|成本|次数|时间|情况)(?=[\u4e00-\u9fff]{4})")


def name_split(piece: str) -> list[str]:
    """A name run together with its explanation (``补贴覆盖率对符合条件的对象发放解困工资的覆盖率``): one candidate
    cut after the first name ending, offered to the row splitter as a ``namecut`` gap (glued back unless a
    description column takes the rest).

    >>> name_split("补贴覆盖率对符合条件的对象发放解困工资的覆盖率")
    ['补贴覆盖率', '对符合条件的对象发放解困工资的覆盖率']
    >>> name_split("资金到位率"), name_split("≥95%")
    (['资金到位率'], ['≥95%'])
    >>> name_split("成本控制按照资金测算控制各项成本。")
    ['成本控制', '按照资金测算控制各项成本。']
    >>> name_split("成本控制率不超预算水电气消耗下降率")   # a name, its target, the next name
    ['成本控制率', '不超预算', '水电气消耗下降率']
    """
    graded = _graded_tail(piece)
    if graded:
        return graded
    if len(piece) < 9 or any(ch.isdigit() for ch in piece) or piece.startswith("反映"):
        return [piece]   # (a 反映… explanation is not a name: it is not cut)
    key = simplified(piece)
    m = _NAME_CUT.search(key)
    if m and m.end() >= 3:
        rest = key[m.end():]
        lead = next((q for q in words().trailing_qual if rest.startswith(q) and len(rest) - len(q) >= 4
                     and words().name_end.search(rest)), None)
        if lead:   # "成本控制率不超预算水电气消耗下降率": a name, its target, the next name
            return [piece[:m.end()], piece[m.end():m.end() + len(lead)], piece[m.end() + len(lead):]]
        return [piece[:m.end()], piece[m.end():]]
    m = _sentence_opener().search(key) if key.endswith(("。", "；")) else None
    if m:   # "成本控制按照资金测算控制各项成本。": a short name, then a sentence target opening with a verb
        return [piece[:m.start()], piece[m.start():]]
    return [piece]


@functools.lru_cache(maxsize=1)
def _sentence_opener() -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words().sentence_openers, key=len, reverse=True))
    return re.compile(rf"(?<=^[\u4e00-\u9fff]{{4}})(?:{alts})" if alts else r"(?!x)x")


@functools.lru_cache(maxsize=1)
def _grades() -> tuple[str, ...]:
    from nlp.targets import target_vocab
    graded = dict(target_vocab().grades)["graded"]
    return tuple(sorted((w for w in graded if not w.isascii()), key=len, reverse=True))


def _graded_tail(piece: str) -> list[str] | None:
    """A name run together with its graded target (``经费支出合规性较高``, ``项目完成及时性程度较高``) or a 是否 question
    with its answer: the name and the grade (with its ``程度``), offered as a ``namecut``; None when the piece does not
    end so.

    >>> _graded_tail("经费支出合规性较高"), _graded_tail("项目完成及时性程度较高"), _graded_tail("的改善程度程度较高")
    (['经费支出合规性', '较高'], ['项目完成及时性', '程度较高'], ['的改善程度', '程度较高'])
    >>> _graded_tail("项目实施是否产生经济价值否")
    ['项目实施是否产生经济价值', '否']
    >>> _graded_tail("服务对象满意度"), _graded_tail("较高"), _graded_tail("工程质量优良率"), _graded_tail("资金使用是否")
    (None, None, None, None)
    """
    if len(piece) < 6 or len(piece) > 24 or any(ch.isdigit() for ch in piece):
        return None
    key = simplified(piece)
    if key[-1] in "是否" and "是否" in key[:-2]:
        return [piece[:-1], piece[-1:]]   # "项目实施是否产生经济价值否": a 是否 question and its answer (doc 30)
    grade = next((g for g in _grades() if key.endswith(g)), None)
    if not grade:
        return None
    cut = len(key) - len(grade)
    if key[:cut].endswith("程度") and cut >= 6:
        cut -= 2   # 程度较高: the grade of a degree, the name before it
    head = key[:cut]
    if len(head) < 4 or not words().name_end.search(head):
        return None
    return [piece[:cut], piece[cut:]]


_PLACEHOLDER = re.compile(r"^(?:(?:指标|目标)\s*\d*\s*[：:]?)?[…．.。·]{2,}$|^…$|^(?:指标|目标)\s*\d{1,2}\s*[：:]?$")


_LEVEL_SCORE = re.compile(r"^[（(]\s*\d+(?:\.\d+)?(?:\s*[-~—－]\s*\d+(?:\.\d+)?)?\s*分?\s*[)）]\s*分?$")


def join_split_names(tokens: list[Token]) -> list[Token]:
    """Glue 一级/二级 names split over cells (``经济效益`` / ``指标``, ``产`` ``出`` ``指`` ``标``), and a level's score
    printed in a cell of its own after it (``产出指标`` / ``(40-50)分``), and drop template placeholders (``……``,
    ``指标2：……``) that stand for empty cells.

    >>> [t.text for t in join_split_names([Token("经济效益", 1, "cell"), Token("指标", 2, "cell"), Token("……", 3, "cell")])]
    ['经济效益指标']
    >>> [t.text for t in join_split_names([Token("产出指标", 1, "para"), Token("(40-50)分", 2, "para")])]
    ['产出指标(40-50)分']
    """
    v = vocab()
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if _PLACEHOLDER.match(tok.text):
            i += 1
            continue
        if out and _LEVEL_SCORE.match(tok.text) and (v.canonical_level1(out[-1].text) or v.canonical_level2(out[-1].text)):
            out[-1] = Token(out[-1].text + tok.text, out[-1].line, out[-1].gap)   # "产出指标" / "(40-50)分" (doc 205)
            i += 1
            continue
        best = 0
        if len(tok.text) <= 8:
            text = tok.text
            for k in range(1, 7):
                if i + k >= n or tokens[i + k].gap == "hard" or len(tokens[i + k].text) > 10 \
                        or any(ch.isdigit() for ch in tokens[i + k].text):
                    break   # "质量指标" + "100%" is a name and its value, not a name with a score
                text += tokens[i + k].text
                if v.canonical_level1(text) or v.canonical_level2(text):
                    best = k
        if best:
            text = "".join(t.text for t in tokens[i:i + best + 1])
            out.append(Token(text, tok.line, tok.gap))
            i += best + 1
        else:
            out.append(tok)
            i += 1
    return out


# -- the lexer for run-together text ------------------------------------------------------
# the characters that open a target's comparator (》《: OCR'd ≥ ≤; ═, a box-drawing line, for =); one set for every test of "starts with a comparator"
COMPARATOR_CHARS = "≥≤><=≧≦＞＜＝﹦═》《"
_COMPARATOR = (rf"(?:>=|<=|=>|=<|[{COMPARATOR_CHARS}]{{1,2}}|±|不低于|不少于|不高于|不超过|不大于|不小于|大于等于|小于等于|大于|小于|低于|高于"
               r"|(?:需|应|须|可)?(?:控制在|稳定在|至少达到|至少|达到)|(?:需|应|须|可)达|(?<![送到抵下传通直转表])达(?=\d)"
               r"|(?<![大小])等于|(?<!显著)(?<!明显)(?<!有所)(?<!稳步)(?<!逐步)(?<!持续)"
               r"(?:提升|提高|增长|增加|下降|降低|减少|超上年)(?=\d+(?:\.\d+)?%))")
# ("租车达标率等于100%", "…素质提升10%", "…管理率超上年2%", "…受害率需控制在1‰以内", "…满意度可达90%": the target's,
# as the prose reader's comparators; "显著提升" is a grade, "提升10" no share, "资金下达100%" no 达 of a target)
_DATE = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}\s*年\s*年?(?:底|末)|\d{4}\s*年|\d{1,2}\s*月底|(?:19|20)\d{2}\.\d{1,2}(?:\.\d{1,2})?(?![\d万千亿]))"
         r"(?:之前|以前|底前|底|末|前|完成|内)?")


@functools.lru_cache(maxsize=1)
def _value_re() -> re.Pattern:
    from nlp.targets import target_vocab
    units = sorted(set(target_vocab().units) | words().value_units, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(u) for u in units) + ")"
    number = r"\d+(?:[.,，]\d+)*"
    # a compound unit keeps what follows its slash: 475元/亩, 3000元/平方米, 530元/人·月; a second unit in brackets
    # stays too: 10万件(册)
    # (17元/人.每天: doc 77; 6.5次/10万公顷: doc 243)
    per = r"(?:[/／](?:\d+[万千]?)?(?:平方米|立方米|平米|公顷|[\u4e00-\u9fff](?:[·*.]每?[\u4e00-\u9fff])?)){0,2}"   # 1130元/月/人
    # households and people counted together stay one target, with a note of who is among them: 552户1186人,
    # 338户889人(其中:脱贫户21户46人) (docs 144, 260)
    people = r"(?:(?<=户)\d+人(?:[（(]其中[^()（）]{1,24}[)）])?)?"
    # a bound against a share of something: 不少于项目区的30% (doc 260; the target grammar reads it so)
    against = r"(?:(?<=不少于|不低于|不超过|不高于)[\u4e00-\u9fff]{1,6}的)?"
    # a rate per thing in front of its number: 每亩300, 每人500元 (doc 82)
    each = r"(?:每(?:亩|人|户|生|株|头|只|平方米|平米|公里|千米)(?=\d))?"
    quantity = rf"(?:各|(?<![人户亩年月日生])均)?{each}(?:{_COMPARATOR}{against})?\s*{number}\s*(?:[万千亿](?={unit}))?(?:{unit}{per}(?:[（(]{unit}[)）])?)?{people}(?:以上|以下|以内|及以上|左右|以$)?"
    return re.compile(rf"(?:{_DATE}|{quantity})(?:[-~至—－～–]{{1,2}}(?:{_DATE}|{number}\s*(?:{unit})?))?")


@functools.lru_cache(maxsize=1)
def _word_re() -> re.Pattern:
    """一级/二级 names, header words and block labels that run-together text is cut at."""
    v = vocab()
    rw = words()
    found = v.cut_words()
    found |= {w for w in v.headers if len(w) >= 4}
    found |= {w for w in rw.qualitative if len(w) >= 4} | set(rw.remarks) | set(rw.cut_words)
    found |= {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "全年实际值", "未完成原因"}
    for keys in v.labels.values():
        found |= {w for w in keys if len(w) >= 4}
    alts = "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
    # the 指标性质 words only right before a number ("控制率%定量指标100%"; "定量指标计分原则" is a note), or 定性 after
    # a name or a weight ("不利影响定性减少", "促进社会和谐20定性保障收入": docs 208, 65 run together)
    alts += r"|(?:定量|定性)(?:指标)?(?=[\d≥≤=<>＝])|(?<=[率额数量度性间响\d%])定性(?:指标)?(?=[\u4e00-\u9fff])"
    # (and before a target's first word after any name, "以合理的市场价出租定性保障", doc 160; not the 定性 of 稳定性)
    if rw.kind_then:
        alts += (f"|(?<![{''.join(map(re.escape, rw.kind_not_after))}])定性(?:指标)?"
                 f"(?={'|'.join(map(re.escape, rw.kind_then))})")
    # a 指标方向 cell run onto the name, before the comparator: "租车次数(次)正向大于等于11次88"
    alts += r"|(?:正向|反向)(?:指标)?(?=大于|小于|等于|不低于|不高于|不少于|不超过|[≥≤=＝><\d])"
    alts += r"|总分(?=\d)"   # "…40总分100": the table's total line run onto its last row (the table ends there)
    # a whole-only level name (预算管理, 资金管理) right after a target's end, a name after it: the level printed between
    # two rows run together ("…80.21%预算管理预算调整次数…", the 检验检疫 评价表 run together), never inside a name
    whole = "|".join(re.escape(w) for w in sorted(v.after_target, key=len, reverse=True))
    if whole:
        alts += rf"|(?<=[\d%％]|(?<!是)[是否])(?:{whole})(?!指标|目标|情况|制度|评价|考核|结果|工作)(?=[\u4e00-\u9fff]{{4}})"   # (预算绩效评价结果: a heading, doc 81)
    # "(50分)", "(必填硬性指标)", "(选填)" after a level name stay with it
    score = r"(?:[（(]\s*(?:\d+(?:\.\d+)?\s*分?|分|%|必填[^()（）]{0,6}|选填[^()（）]{0,6}|长期|年度|或[^()（）]{1,20}|[^()（）]{1,20}指标)\s*[)）])?"
    return re.compile(f"(?:{alts}){score}")


# "指标2：", "目标1" in front of an indicator name (the reader and the prose reader strip it)
NUMBER_PREFIX = r"(?:指标|指標|目标|目標|任务|任務)\s*\d{1,2}(?!\d)\s*[：:．.、]?"   # (指标5000吨: a name's count, not an item number)
_ENUM = re.compile(NUMBER_PREFIX + r"(?![\d%‰.])|[（(]\d{1,2}[)）]|(?<![\d.])\d{1,2}[、．.](?=[\u4e00-\u9fff])")


def lex(cell: str) -> list[str]:
    """Cut one cell at vocabulary words and target values; a short plain cell stays whole.

    >>> lex("≥3次")
    ['≥3次']
    >>> lex("产出指标(40分)数量指标免费发放原原种")
    ['产出指标(40分)', '数量指标', '免费发放原原种']
    >>> lex("率100%100%库存数量真实率100%")
    ['率', '100%', '100%', '库存数量真实率', '100%']
    >>> lex("產出指標產出數量滅火設備配備率100%1000件達成預期指標")   # traditional script: cut as simplified
    ['產出指標', '產出數量', '滅火設備配備率', '100%', '1000件', '達成預期指標']
    >>> lex("创建食用菌生产基地创建食用菌生产基地")
    ['创建食用菌生产基地', '创建食用菌生产基地']
    """
    from .header import header_role

    cell = _CHUNK_MARK.sub("", cell)
    if len(cell) <= 6:
        return [cell] if cell else []
    key = simplified(cell)   # cuts are found on the simplified text (same length) and made in the original
    if len(cell) <= 16 and header_role(cell) and not _word_re().match(key) and not _ENDS_IN_NUMBER.search(cell) \
            and not _level_inside(key):
        return [cell]   # a header cell ("全年实际完成值") is one cell, whatever words it holds ("指标值产出指标" is two)
    ordered = sorted(_cut_points(cell, key))
    pieces = [cell[a:b].strip() for a, b in zip(ordered, ordered[1:])]
    out = _header_splits(_star_splits(pieces))
    if len(out) > 1 and out[-1] == "等":
        out = out[:-2] + [out[-2] + "等"]   # "服务对象满意度指标等": the level word's own 等, not the next name's
    if len(out) == 1 and doubled(cell):   # "创建食用菌生产基地创建食用菌生产基地": a name and its 指标解释 (doc 240)
        half = len(cell) // 2
        return [cell[:half], cell[half:]]
    if len(out) > 1:
        for step in _PIECE_PASSES:
            out = step(out)
    return out


def doubled(cell: str) -> bool:
    """A text of four or more letters written twice over, with no digit (a name and its explanation run together).

    >>> doubled("创建食用菌生产基地创建食用菌生产基地"), doubled("常常"), doubled("100%100%")
    (True, False, False)
    """
    half = len(cell) // 2
    return len(cell) % 2 == 0 and half >= 4 and cell[:half] == cell[half:] and not re.search(r"\d", cell)


def _level_inside(key: str) -> bool:
    """A 一级/二级 name that starts inside the text, not at its start: the header's last word run onto the first row
    (``指标值产出指标``, doc 142).

    >>> _level_inside("指标值产出指标"), _level_inside("全年实际完成值"), _level_inside("产出指标")
    (True, False, False)
    """
    v = vocab()
    return any(m.start() > 0 and (v.canonical_level1(m.group(0)) or v.canonical_level2(m.group(0)))
               for m in _word_re().finditer(key))


def _zeros(pieces: list[str]) -> list[str]:
    """``00`` after a name: no number is written with a leading zero, so it is a target 0 and an actual 0.

    >>> _zeros(["库存粮食明显变质比例", "00", "时效指标"])
    ['库存粮食明显变质比例', '0', '0', '时效指标']
    """
    out: list[str] = []
    for p in pieces:
        out.extend(["0", "0"] if p == "00" else [p])
    return out


# a target stated against an earlier year ("同比2022年销量显著提高", "较上年增长10%"): one piece from the comparison word
# to the grade or the number it ends in, after a name of two or more letters
_COMPARED_BODY = (r"(?:同比|环比|较上年|比上年|较去年)(?:\d{4}年)?[\u4e00-\u9fff]{0,6}?"
                  r"(?:显著|明显|稳步|有所|持续|逐步)?(?:提高|提升|增长|增加|下降|降低|减少|削减)")
_COMPARED = re.compile(r"(?<=[\u4e00-\u9fff]{2})" + _COMPARED_BODY)
_COMPARED_WHOLE = re.compile(_COMPARED_BODY)


def compared_target(key: str) -> bool:
    """A whole target stated against an earlier year.

    >>> compared_target("同比2022年销量显著提高"), compared_target("较上年增长"), compared_target("同比2022年")
    (True, True, False)
    """
    return bool(_COMPARED_WHOLE.fullmatch(key))


_YEAR_OPENS = re.compile(r"^(?:19|20)\d{2}年(?![底末前内以全度上下中初起至到])(?=[\u4e00-\u9fff]{4})")


def _cut_points(cell: str, key: str) -> set[int]:
    """Where one cell is cut: around vocabulary words and target values, after a sentence end; never inside an
    enumeration prefix or a short bracketed note, nor after 、 (``key`` is the cell in simplified script).

    >>> sorted(_cut_points("数量指标培训人次≥280人次", "数量指标培训人次≥280人次"))
    [0, 4, 8, 14]
    """
    cuts: set[int] = {0, len(cell)}
    # short bracketed notes inside a name ("预算执行进度(7月)", "(定量指标)") are not cut
    brackets = [(m.start(), m.end()) for m in re.finditer(r"[（(][^()（）]{1,12}[)）]", cell)]
    inside = [-1] * len(cell)   # the bracket each position stands strictly inside (brackets do not overlap)
    for k, (pa, pb) in enumerate(brackets):
        inside[pa + 1:pb - 1] = [k] * (pb - pa - 2)
    spans = [(m.start(), m.end()) for m in _word_re().finditer(key)
             if not (inside[m.start()] >= 0 and inside[m.start()] == inside[m.end() - 1])]
    for a, b in spans:
        cuts.add(a)
        if key[a:b] not in words().openers:
            cuts.add(b)   # "反映…" opens an explanation: cut before it, not after
    # "指标2：" and "(1)" prefixes stay with the name after them: no cut inside or after them
    protected = [(m.start(), m.end()) for m in _ENUM.finditer(cell)]
    compared = [(m.start(), m.end()) for m in _COMPARED.finditer(key)]
    cuts |= _value_cuts(cell, key, spans + protected + brackets + compared, frozenset(b for _, b in compared))
    cuts |= {a for a, _ in compared}   # "…彩票销售量" | "同比2022年销量显著提高": a target against last year
    cuts |= _inner_grades(key, compared)
    for m in _SENTENCE_END.finditer(cell):   # "按照资金测算控制各项成本。时效指标…": a sentence ends its cell
        cuts.add(m.end())
    cuts |= _unit_note_ends(key, brackets)
    cuts |= _yes_no_cuts(key)
    starts = {a for a, _ in spans}
    opening = _YEAR_OPENS.match(key)
    if opening and opening.end() not in starts:
        cuts.discard(opening.end())   # "2023年项目完工、投入使用" (doc 262): a year opens the name, it is no target
    for pa, pb in protected:
        cuts -= set(range(pa + 1, pb + 1 if pb not in starts else pb))
        cuts.add(pa)   # (kept after it where a level word follows: "指标2:" "质量指标(5分)", an empty slot's label)
    cuts -= _inside_rules(key)   # "…得10分,每减少1%扣1分": a 评分标准 cell, whatever numbers it holds
    return {c for c in cuts if c == 0 or cell[c - 1] != "、"} | {len(cell)}   # "社会、经济、生态效益指标"


# a scoring rule (评(扣)分标准) run onto its row: "得10分,每减少1%扣1分", "得10分,一般得6分,差得0分" (doc 77 run
# together), "计3分,少于6次不计分" (doc 117); its percentages and points are the rule's, not targets or weights
_RULE = r"[得计]\d+(?:\.\d+)?分(?:[，,;；]?[^。|]{0,24}?(?:[得扣计]\d+(?:\.\d+)?分|不[计得]分))+"
SCORING_RULE = re.compile(_RULE)
# the condition the rule's points are for, right before them: "…次数6次以上计3分", "…率90%计3分" (doc 117)
_RULE_CONDITION = re.compile(r"(?:不?(?:大于|小于|等于|高于|低于|少于|多于|或)+|[≥≤<>＜＞=])?\d+(?:\.\d+)?[%‰]?"
                             r"[\u4e00-\u9fff]{0,2}?(?:以上|以下|以内|及以上)?$")


def _inside_rules(key: str) -> set[int]:
    """The positions inside each scoring rule of ``key``, the condition right before its points included: no cut there.

    >>> sorted(_inside_rules("排查次数6次以上计3分,少于6次不计分3"))[:3], len("排查次数")
    ([5, 6, 7], 4)
    """
    inside: set[int] = set()
    for m in SCORING_RULE.finditer(key):
        lead = max(0, m.start() - 16)
        condition = _RULE_CONDITION.search(key[lead:m.start()])
        start = lead + condition.start() if condition and condition.group() else m.start()
        inside |= set(range(start + 1, m.end()))
    return inside


def _yes_no_cuts(key: str) -> set[int]:
    """Around a 是/否 target run onto the next 是否 question (``…项目推广和外拓是是否保证了…``, the 检验检疫 评价表 run
    together): the question, its answer, the next question.

    >>> sorted(_yes_no_cuts("是否促进地方经济项目推广和外拓是是否保证了检验检疫业务的顺利开展是"))
    [15, 16]
    >>> sorted(_yes_no_cuts("是否有违反外事纪律事件发生否是否提高执法能力")), sorted(_yes_no_cuts("是否是否"))
    ([13, 14], [])
    """
    out: set[int] = set()
    for m in _YES_NO_NEXT.finditer(key):
        p = m.start()
        if p >= 5 and key[p - 2:p] != "是否":
            out |= {p - 1, p}
    return out


_YES_NO_NEXT = re.compile(r"(?<=[是否])(?=是否)")


def _unit_note_ends(key: str, brackets: list[tuple[int, int]]) -> set[int]:
    """After a name its unit's note closes, where a text of four letters or more follows: run together, the next
    row's name (``…参保人数(人)上一轮退耕还林补助面积(万亩)…``, a template left empty; doc 136 run together).

    >>> sorted(_unit_note_ends("保险参保人数(人)上一轮退耕还林补助面积(万亩)", [(6, 9), (21, 25)]))
    [9]
    >>> sorted(_unit_note_ends("预算执行进度(7月)完成情况良好", [(6, 10)]))
    []
    """
    units = note_units()
    return {b for a, b in brackets if key[a + 1:b - 1] in units and _CJK_BEFORE.search(key[:a])
            and _CJK_AFTER.match(key[b:])}


@functools.lru_cache(maxsize=1)
def note_units() -> frozenset[str]:
    """The units a name's bracketed note may give (the target grammar's units and its name units: ``(人)``, ``(万美元)``)."""
    from nlp.targets import target_vocab
    return frozenset(target_vocab().units) | frozenset(target_vocab().name_units)


_CJK_BEFORE = re.compile(r"[\u4e00-\u9fff]{4}$")
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff]{4}")


@functools.lru_cache(maxsize=1)
def _inner_grade_re() -> re.Pattern:
    """A grade of four or more letters (不断提高, 进一步改善: ``trailing_qual``) between two texts of four or more."""
    # (not the grade a 是否 name asks about: "公眾知曉度是否明顯提高", doc 09)
    return re.compile(rf"(?<=[\u4e00-\u9fff]{{4}})(?<!是否)(?:{'|'.join(map(re.escape, long_grades()))})(?=[\u4e00-\u9fff]{{2}}[\u4e00-\u9fff、]{{2}})")


def _inner_grades(key: str, compared: list[tuple[int, int]]) -> set[int]:
    """Cuts around a grade run in between a name and the next (``…覆盖率较上年提高居民规范化…``, ``…状况进一步改善集中
    饮用水源地…``: docs 330, 340 run together), and after a name ending's doubled short grade (``管理制度健全性高高资金
    使用合规性好好``: a target and its actual, doc 98).

    >>> sorted(_inner_grades("城乡居民公共卫生差距不断缩小居民健康素养水平不断提高", []))
    [10, 14]
    >>> sorted(_inner_grades("管理制度健全性高高资金使用合规性好好", []))
    [7, 8, 9]
    >>> sorted(_inner_grades("立项程序规范性规范立项依据充分性充分", []))
    [7, 9, 16, 18]
    """
    cuts: set[int] = set()
    for _a, b in compared:
        if b + 4 <= len(key) and re.match(r"[\u4e00-\u9fff]{4}", key[b:]) \
                and not key[b:].startswith(words().trailing_qual):
            cuts.add(b)   # (not before its actual, the grade again: "同比2022年销量显著提高显著提高", doc 153)
    for m in _inner_grade_re().finditer(key):
        cuts |= {m.start(), m.end()}
    for m in _DOUBLED_GRADE.finditer(key):
        if m.group(1) in words().qualitative:
            cuts |= {m.start(), m.start() + len(m.group(1)), m.end()}
    for m in _graded_name_re().finditer(key):   # "项目实施情况良好服务能力提升…" (doc 110): a name ending, its grade, the next name
        cuts |= {m.start(1), m.end(1)}
    for m in _DOUBLED_WORD_GRADE.finditer(key):
        if _a_grade(m.group(1)) and not any(pa <= m.start() < pb for pa, pb in compared):
            # "特殊教育资源扩大扩大": a grade of two or more letters as target and actual (doc 134; not the end of a
            # comparison with last year, "同比2022年销量显著提高显著提高", doc 153)
            cuts |= {m.start(), m.start() + len(m.group(1)), m.end()}
    for m in _ADJECTIVE_GRADE.finditer(key):
        cuts |= {m.start(2), m.end(2)}   # (and its actual, the adjective again: "合规性合规合规")
        if key[m.end(2):m.end(2) + 2] == m.group(1):
            cuts.add(m.end(2) + 2)
    return cuts


# a name "…X性" graded by its adjective X ("立项程序规范性规范立项依据充分性充分…": a 决策 table run together, doc 124)
_ADJECTIVE_GRADE = re.compile(r"([\u4e00-\u9fff]{2})性(\1)(?=[\u4e00-\u9fff]{2}|$)")


# a name ending, then a short grade written twice (a target and its actual), then the next name
_DOUBLED_GRADE = re.compile(r"(?<=[率度性])([\u4e00-\u9fff]{1,2})\1(?=[\u4e00-\u9fff]{3})")


@functools.lru_cache(maxsize=1)
def _graded_name_re() -> re.Pattern:
    """A name ending of ``graded_ends``, a grade of ``name_grades`` (reader.toml), then four letters that open no name
    ending of their own."""
    ends, grades = (("|".join(map(re.escape, ws))) for ws in (words().graded_ends, words().name_grades))
    return re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{ends})({grades})(?![率度性数量])(?=[\u4e00-\u9fff]{{4}})")


# after a name of three or more letters, a grade of two to four written twice, then the next name or the end
_DOUBLED_WORD_GRADE = re.compile(r"(?<=[\u4e00-\u9fff]{3})([\u4e00-\u9fff]{2,4})\1(?=[\u4e00-\u9fff]{3}|$)")


def _a_grade(word: str) -> bool:
    """A word the target grammar reads as a grade (扩大, 保障, 明显改善), not a bare phrase."""
    from nlp.targets import Target
    return Target.fromstring(word).grade not in ("", "unclear")


def _covered(n: int, spans: list[tuple[int, int]]) -> list[bool]:
    """For each position 0..n-1, whether some span [a, b) holds it (linear in n and the spans: a long cell has
    thousands of word and value spans).

    >>> _covered(6, [(1, 3), (2, 4)])
    [False, True, True, True, False, False]
    """
    depth = [0] * (n + 1)
    for a, b in spans:
        if a < b:
            depth[max(a, 0)] += 1
            depth[min(b, n)] -= 1
    out, level = [], 0
    for k in range(n):
        level += depth[k]
        out.append(level > 0)
    return out


def _value_cuts(cell: str, key: str, inner: list[tuple[int, int]], compared_ends: frozenset[int] = frozenset()) -> set[int]:
    """Both ends of every target value in the cell with a digit in it, outside the spans in ``inner``; a value right
    after a comparison with an earlier year (an end in ``compared_ends``) is cut after only: the comparison opens it."""
    cuts: set[int] = set()
    covered = _covered(len(cell), inner)
    for m in _value_re().finditer(key):
        if m.end() > m.start() and any(ch.isdigit() for ch in m.group(0)):
            a, b = m.start(), m.end()
            if key[b - 1:b + 1] in words().unit_words:
                b -= 1   # "2.8项目绩效": the 项 of 项目 is not a unit
            if covered[a] and key[a:a + 2] in _directions() and not covered[a + 2]:
                a += 2   # "较上年减少" "2%": the direction word is the comparison's, the share alone the value
            if a in compared_ends and not key[b:b + 1].isdigit():
                cuts.add(b)   # "…排放量较上年削减3%": the target is "较上年削减3%" (doc 340; but "…较上年减少82%2%8", a
                continue      # weight, a share and its actual after it: the comparison is the name's, doc 04)
            note = _END_NOTE.search(key, a, b)
            last = note.start() - 1 if note and note.start() > a else b - 1   # (">=98%(百分比)": its unit's note, doc 23)
            if covered[a] or covered[last]:   # a or b inside a span: pa <= a < pb or pa < b <= pb
                continue
            if a and key[a - 1] in "/／" and re.match(r"(?:19|20)\d{2}年", key[a:]):
                continue  # "实际收到伙食补助金额/2023年伙食补助预算": a formula's denominator, not a target (doc 77)
            if b < len(cell) and cell[b] in "：:、．" and not m.group(0)[-1:] in "%‰":
                continue  # "2：" / "1、": an enumeration, not a value
            if a >= 2 and key[a - 1] == "达" and key[a - 2] in _RATE_ENDS and (a < 3 or key[a - 3] not in "为达"):
                cuts.update((a - 1, b))   # "…读者满意率达90%…" run together: a rate's name, then its target (doc 292)
                continue
            if a >= 3 and key[a - 2:a] == "达到" and key[a - 3] in _RATE_ENDS + "值":
                cuts.update((a - 2, b))   # "…综合利用率达到55%以上…", "…新增产值达到2亿元": the same with 达到 (docs 340, 324)
                continue
            if a >= 2 and key[a - 1] in "为达" and key[a - 2] not in "为达":
                continue  # "完成时间为2022年12月30日", "满意率达95%": the target states itself, one cell
            if _opens_name(key, a, b):
                continue  # "0-6岁儿童健康管理数", "指标23:0-36月龄中医药规范管理数": a name that starts with its ages
            cuts.update((a, b))
    for m in _WEIGHT_THEN_DATE.finditer(key):   # "52021年12月完成": a weight 5 glued onto a date
        date = _value_re().match(key, m.start(1))
        if date and not covered[m.start()]:
            cuts.update((m.start(), m.start(1), date.end()))
            cuts -= set(range(m.start(1) + 1, date.end()))
    return cuts


_RATE_ENDS = "率度"   # a rate's or a degree's name ends so


@functools.lru_cache(maxsize=1)
def _directions() -> frozenset[str]:
    """The change words of the target grammar (``[directions]`` of targets.toml: 提升, 下降 …)."""
    from nlp.targets import target_vocab
    return frozenset(w for w, _ in target_vocab().directions)


def _opens_name(key: str, a: int, b: int) -> bool:
    """An age or a range at the start of a cell (or right after its 指标N: label) with only letters after it up to a
    name ending: the start of the name, not a value.

    >>> _opens_name("0-6岁儿童健康管理数", 0, 3), _opens_name("培训人次280人次", 4, 10), _opens_name("2.8财务制度健全性", 0, 3)
    (True, False, False)
    """
    if a and not _ENUM.fullmatch(key[:a]):
        return False
    rest = key[b:]
    if not re.search(r"\d[-—~～]\d", key[a:b]) and not rest.startswith(("岁", "月龄", "周岁")):
        return False   # an age range opens a name (0-6岁儿童); "2.8财务制度健全性" is a weight and the next name
    letters = re.match(r"[\u4e00-\u9fff]{3,20}(?![\u4e00-\u9fff])", rest)
    return bool(letters) and bool(words().name_end.search(letters.group(0)))


_WEIGHT_THEN_DATE = re.compile(r"(?<!\d)\d{1,2}((?:19|20)\d{2}年\d{1,2}月)")


def _star_splits(pieces: list[str]) -> list[str]:
    """``指标值类型*指标值``: a template's * marks where a required header cell starts."""
    from .header import header_role
    out: list[str] = []
    for p in pieces:
        parts = [x for x in p.split("*") if x]
        header = "*" in p and len(_HEADERISH.findall(p)) >= 2 and all(header_role(x) for x in parts)
        out.extend(parts if header else [p])
    return out


def _header_splits(pieces: list[str]) -> list[str]:
    """``指标值完成值权重得分`` left between two cuts: a header run together, cut into its cells; a header's last
    cell 说明 run onto the first row is cut off it."""
    from .header import header_role
    out: list[str] = []
    for p in pieces:
        heads = header_pieces(simplified(p)) if len(p) >= 4 else []   # (分值得分: two header cells of two letters)
        if not heads and out and p[:2] in _SHORT_HEADS and len(p) > 4 and header_role(out[-1]):
            heads = [0, 2, len(p)]   # "…指标得分(分)" "说明天然林…": the header's last cell, then the first row
        elif not heads and out and len(p) >= 7 and header_role(out[-1]):
            # "三级指标" "指标值全国助残日活动次数": the header's last cell run onto the first row's name (doc 84)
            head = next((len(w) for w in _heads_by_length() if p.startswith(w) and len(p) - len(w) >= 4), 0)
            heads = [0, head, len(p)] if head and not header_role(p[head:]) else []
        out.extend([p[a:b] for a, b in zip(heads, heads[1:])] if heads else [p] if p else [])
    return out


_LEVEL_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,6}指标(?=[\u4e00-\u9fff\"“(（]{4})")


def _level_heads(pieces: list[str]) -> list[str]:
    """A 二级 name the vocabulary does not know (``计划管理指标``, ``资金管理指标``), run onto the next name right after a
    target (``≥90%``, ``≤20工作日``: doc 96 run together): cut off that name.

    >>> _level_heads(["≥90%", "计划管理指标投资计划分解(转发)用时", "≤20工作日"])
    ['≥90%', '计划管理指标', '投资计划分解(转发)用时', '≤20工作日']
    >>> _level_heads(["项目名称", "质量指标达标率"])
    ['项目名称', '质量指标达标率']
    """
    from .rows import token_type
    out: list[str] = []
    for p in pieces:
        m = _LEVEL_HEAD.match(p)
        if m and out and (_ENDS_IN_NUMBER.search(out[-1]) or token_type(out[-1]) == "value") \
                and not vocab().canonical_level2(m.group()):
            out += [m.group(), p[m.end():]]
        else:
            out.append(p)
    return out


def _aged_names(pieces: list[str]) -> list[str]:
    """A bare number cut off the name it opens (``142万人`` ``2`` ``型糖尿病患者管理人数``, doc 330 run together) glued
    back when the two read as a name that opens with the age or type it counts.

    >>> _aged_names(["142万人", "2", "型糖尿病患者管理人数", "63万人"])
    ['142万人', '2型糖尿病患者管理人数', '63万人']
    >>> _aged_names(["≥90%", "2", "项"])
    ['≥90%', '2', '项']
    """
    from .rows import _aged_start, token_type
    out: list[str] = []
    for p in pieces:
        if out and re.fullmatch(r"\d{1,3}(?:-\d{1,3})?", out[-1]) and _aged_start().match(out[-1] + p) \
                and token_type(out[-1] + p) == "text":
            out[-1] += p
        else:
            out.append(p)
    return out


_AGE_VALUE = re.compile(r"\d{1,3}(?:周岁|岁)")


def _age_conditions(pieces: list[str]) -> list[str]:
    """An age a name is conditioned on (``年满`` ``18周岁`` ``后就学水平情况``, doc 12 run together) glued back into the
    name: after 年满 or 未满 the age is no target.

    >>> _age_conditions(["孤儿身份、年满", "18周岁", "后就学水平情况", "有所提升"])
    ['孤儿身份、年满18周岁后就学水平情况', '有所提升']
    >>> _age_conditions(["慰问对象年龄", "100周岁", "慰问人数"])
    ['慰问对象年龄', '100周岁', '慰问人数']
    """
    out: list[str] = []
    k = 0
    while k < len(pieces):
        p = pieces[k]
        if out and out[-1].endswith(("年满", "未满", "已满")) and _AGE_VALUE.fullmatch(p):
            out[-1] += p
            if k + 1 < len(pieces) and "\u4e00" <= pieces[k + 1][:1] <= "\u9fff":
                out[-1] += pieces[k + 1]
                k += 1
        else:
            out.append(p)
        k += 1
    return out


def _yes_no_first(pieces: list[str]) -> list[str]:
    """A row's last cell 是 / 否 (是否核心指标) run onto the next row's name, right after a number:
    ``22`` ``否基础信息完善`` → ``22`` ``否`` ``基础信息完善``.

    >>> _yes_no_first(["100%", "22", "否“三公经费变动率"])
    ['100%', '22', '否', '“三公经费变动率']
    >>> _yes_no_first(["100%", "是否按时完成"])
    ['100%', '是否按时完成']
    """
    out: list[str] = []
    for p in pieces:
        if out and out[-1][-1:] in "0123456789%" and p[:1] in "是否" and p[1:2] not in ("否", "") and len(p) >= 4:
            out += [p[:1], p[1:]]
        else:
            out.append(p)
    return out


def _trailing_qual(pieces: list[str]) -> list[str]:
    """Pieces of run-together text with a qualitative target cut off their end (``…文化传承影响长远`` →
    ``…文化传承影响`` ``长远``); the name before it keeps at least four characters.

    >>> _trailing_qual(["社会成本指标", "对当地文物保护、文化传承影响长远", "生态环境成本指标"])
    ['社会成本指标', '对当地文物保护、文化传承影响', '长远', '生态环境成本指标']
    >>> _trailing_qual(["社会效益指标", "救助对象生活水平=提高"])
    ['社会效益指标', '救助对象生活水平', '=提高']

    A short grade written twice at the end is a self-evaluation's target and actual (``资金使用合规性好好``):

    >>> _trailing_qual(["资金使用合规性好好", "100%"])
    ['资金使用合规性', '好', '好', '100%']
    """
    quals = words().trailing_qual
    out: list[str] = []
    for p in pieces:
        key = simplified(p)
        twice = _written_twice(p, words().qualitative)
        if twice and compared_target(simplified(p[:-len(twice)])):   # "同比2022年销量显著提高" "显著提高": its actual
            out.extend([p[:-len(twice)], twice])
            continue
        if twice:
            out.extend(([p[:-2 * len(twice)]] if len(p) > 2 * len(twice) else []) + [twice, twice])
            continue
        q = next((q for q in quals if key.endswith(q) and len(key) - len(q) >= 4), None)
        if q and key[-len(q) - 1] in COMPARATOR_CHARS:
            q = key[-len(q) - 1:]   # "救助对象生活水平=提高": the comparator goes with the target
        out.extend([p[:-len(q)], p[-len(q):]] if q else [p])
    return out


# what lex does to a cell's pieces once it is cut, in this order
_PIECE_PASSES = (_trailing_qual, _yes_no_first, _zeros, _aged_names, _age_conditions, _level_heads)


def _written_twice(piece: str, grades: frozenset[str]) -> str:
    """The text a piece ends with twice over: a target and its actual (``…经济负担有效减轻有效减轻``, ``合规性好好``);
    one or two letters only from the short qualitative words (not 项目项目), else 3 to 12 letters without digits.
    What stands before them is nothing or a name of at least four letters (three before a short grade: 质量等合格合格).

    >>> _written_twice("减轻参训人员经济负担有效减轻有效减轻", frozenset()), _written_twice("高高", frozenset(["高"]))
    ('有效减轻', '高')
    >>> _written_twice("常常", frozenset()), _written_twice("100%100%", frozenset()), _written_twice("经费项目项目", frozenset())
    ('', '', '')
    """
    for size in range(min(12, len(piece) // 2), 0, -1):
        tail = piece[-size:]
        rest = len(piece) - 2 * size
        if (rest == 0 or rest >= 4 or (rest >= 3 and tail in grades)) and piece[-2 * size:-size] == tail \
                and not any(ch.isdigit() for ch in tail) and (size >= 3 or tail in grades) and tail[:1] not in "(（":
            return tail
    return ""


_SENTENCE_END = re.compile(r"[。；;](?=[\u4e00-\u9fff])")
_SHORT_HEADS = ("说明", "备注")   # two-character header cells, cut off the row run onto them
_ENDS_IN_NUMBER = re.compile(r"\d(?:\s*[%‰])?$")
_HEADERISH = re.compile(r"指标|值|分|名称|单位|内容|说明|备注|原因|依据|性质|符号|方向")


@functools.lru_cache(maxsize=1)
def _known_headers() -> frozenset[str]:
    return frozenset(vocab().headers) | frozenset(words().cut_words)


@functools.lru_cache(maxsize=1)
def _heads_by_length() -> tuple[str, ...]:
    """The header words of three letters or more, longest first."""
    return tuple(sorted((w for w in _known_headers() if len(w) >= 3), key=len, reverse=True))


_END_NOTE = re.compile(r"[（(][^()（）]{1,12}[)）]$")


def header_pieces(key: str) -> list[int]:
    """Cut points of a cell that is a whole header run together (``目标值分值备注``): every piece a
    header cell by :func:`~indicators.table.header.header_role`, as few pieces as can be; [] if none.

    >>> k = "评价指标评价内容指标名称指标说明目标值分值备注"
    >>> [k[a:b] for a, b in zip(header_pieces(k), header_pieces(k)[1:])]
    ['评价指标', '评价内容', '指标名称', '指标说明', '目标值', '分值', '备注']
    >>> header_pieces("资金支出率达到目标值")
    []
    >>> header_pieces("考值参分指标值(八)")   # an OCR'd 参考分值, then 指标值 with its note
    [0, 4, 10]
    """
    from .header import header_role

    n = len(key)
    if n > 80 or len(_HEADERISH.findall(key)) < 2 or any(ch.isdigit() for ch in key):
        return []
    known = _known_headers()

    @functools.lru_cache(maxsize=None)
    def tight(piece: str) -> bool:
        """A header cell that is not itself two header cells ("评价指标评价内容") nor one and a piece."""
        if piece in known:
            return True
        note = _END_NOTE.search(piece)
        if note and note.start() >= 2:
            return tight(piece[:note.start()])   # "指标值(八)": a header cell with its note (A), (B), (50分)
        if not header_role(piece) or header_role(piece[:-1]) or header_role(piece[1:]):
            return False   # "评价内容指": a header cell and a character of the next
        return not any(header_role(piece[:c]) and header_role(piece[c:]) for c in range(2, len(piece) - 1))

    best: list[tuple[int, int] | None] = [None] * (n + 1)   # (pieces, previous cut)
    best[0] = (0, -1)
    for b in range(2, n + 1):
        for a in range(max(0, b - 16), b - 1):
            if best[a] is not None and (best[b] is None or best[a][0] + 1 < best[b][0]) and tight(key[a:b]):
                best[b] = (best[a][0] + 1, a)
    if best[n] is None or best[n][0] < 2:
        return []
    cuts = [n]
    while cuts[-1] > 0:
        cuts.append(best[cuts[-1]][1])
    return cuts[::-1]


def lines_stream(lines, hard_rows: bool = False) -> list[Token]:
    """Tokens of rows already split into cells (HTML tables, CSV): every row end is a real one."""
    tokens: list[Token] = []
    gap = "para"
    section = None
    for line in lines:
        cols = [k for k, c in enumerate(line.cells) if c and c.strip()]
        cells = [clean_text(line.cells[k]).strip() for k in cols]
        if not cells or (len(cells) == 1 and _PAGE_NUMBER.match(cells[0])):
            continue   # (a PDF page's or a sheet's own page number row is no cell either)
        first = len(tokens)
        # (a sheet's or web table's row of four cells or more: each cell is one, its borders are the source's)
        _add_cells(tokens, cells, line.lineno, gap, "sep", cols=cols, keep_whole=hard_rows and len(cells) >= 4)
        here = line.section
        if section and here and here != section and first < len(tokens):
            tokens[first] = dataclasses.replace(tokens[first], sheet_start=True)   # (the next sheet: doc 406)
        section = here
        # (a row of one cell ends softly, as a wrapped cell or a title line; one cell after empty cells is a table row
        # of its own: a name whose 一级/二级 are merged above it and whose value cells are empty, doc 99 as a sheet)
        row = len(cells) > 1 or (hard_rows and not (line.cells[0] or "").strip())
        if row and hard_rows and not (line.cells[-1] or "").strip():
            tokens[-1] = dataclasses.replace(tokens[-1], open=True)
        gap = ("hard" if hard_rows else "line") if row else "cell"
    return join_split_names(tokens)
