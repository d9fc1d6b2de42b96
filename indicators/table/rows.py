"""Split a token stream into table rows by the cheapest path (dynamic programming).

Each token gets a type (一级 word, 二级 word, target value, bare number, comparator, unit,
short qualitative value, text).  A row is a left-to-right walk through the template's
columns; each cell is one token or a few glued tokens.  What a path pays:

* ``emit[role][type]`` for the cell put in a column of that role;
* ``skip[role]`` for every column a row leaves out (free for merged 一级/二级 cells);
* ``row.start`` for every row, the gap's ``new_row`` where a row starts and ``carry`` where a
  row goes on across a line end, ``merge`` for every gap glued inside a cell;
* ``row.outside`` for a token left out of every row (a page marker, a footnote).

The weights are ``data/vocab/reader.toml``.  The cheapest path over the whole table is found
exactly (Viterbi over token positions × template columns), so a missing merged cell shifts
nothing: the next cell simply lands in the column its type fits.

>>> from indicators.table.stream import cell_stream
>>> toks = cell_stream("产出指标 | 数量指标 | 培训人次 | ≥280人次 |\\n质量指标 | 合格率 | 100% |")
>>> [[(c.role, c.text) for c in r.cells] for r in split_rows(toks, ["level1", "level2", "level3", "value"])]
[[('level1', '产出指标'), ('level2', '数量指标'), ('level3', '培训人次'), ('value', '≥280人次')], [('level2', '质量指标'), ('level3', '合格率'), ('value', '100%')]]
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field

from ..text import simplified
from ..vocab import vocab
from .header import SECOND, base_role
from .stream import COMPARATOR_CHARS, LINE_ENDS, SCORING_RULE, Token, compared_target, note_units
from .words import WORDS_FILE, long_grades, words

WEIGHTS_FILE = WORDS_FILE   # one file, data/vocab/reader.toml: the weights and the [words] table
INF = float("inf")


@dataclass
class Weights:
    gap: dict[str, dict[str, float]]
    start: float
    outside: float
    max_cell: int
    skip: dict[str, float]
    emit: dict[str, dict[str, float]]
    default: float
    slot_end: float = 0.6
    merge_typed: float = 2.5
    max_weight: int = 30
    second_block: float = 0.5
    name_merge: float = 0.0
    open_end: float = 0.3
    outside_name: float = 0.0
    off_column: float = 0.0


@functools.lru_cache(maxsize=1)
def weights() -> Weights:
    with open(WEIGHTS_FILE, "rb") as fh:
        raw = tomllib.load(fh)
    emit = dict(raw["emit"])
    default = emit.pop("default")
    return Weights(gap=raw["gap"], start=raw["row"]["start"], outside=raw["row"]["outside"],
                   max_cell=raw["row"]["max_cell_tokens"], skip=raw["skip"], emit=emit, default=default,
                   slot_end=raw["row"]["slot_end"], merge_typed=raw["row"]["merge_typed"],
                   max_weight=raw["row"]["max_weight"], name_merge=raw["row"]["name_merge"],
                   second_block=raw["row"].get("second_block", 0.5), open_end=raw["row"]["open_end"],
                   outside_name=raw["row"]["outside_name"], off_column=raw["row"].get("off_column", 0.0))


# -- token types ----------------------------------------------------------------------------
_BORDERS = LINE_ENDS + ("space", "sep")   # a real border between two cells (no lexer cut, no hard row end)
_GOES_ON = ("，", ",", "、", "；", ";", "：", ":", "(", "（")   # a text ending so goes on in the next piece
_NUM = re.compile(r"^-?\d+(?:[.,]\d+)*$")


# comparator and direction words: a text starting with one is a target, not a name
_TARGET_WORDS = "不低于|不少于|不高于|不超过|大于|小于|低于|高于|提高|下降|增长|减少|降低|增加|达到"
# a name that carries a number inside ("森林火灾6小时内扑灭率") starts with words, not with a comparator,
# a number or a direction word ("提高率" aside, "提高5%" is a value and ends in no name ending anyway)
_NAME_START = re.compile(rf"^(?!{_TARGET_WORDS})[\u4e00-\u9fff]{{2}}")


@functools.lru_cache(maxsize=1)
def _aged_start() -> re.Pattern:
    """A name that opens with the age or type of the people it counts (7岁以下儿童…, 0-36个月儿童…, 2型糖尿病患者…):
    ``age_words`` of ``reader.toml``."""
    ages = "|".join(map(re.escape, words().age_words))
    return re.compile(rf"^\d{{1,3}}(?:[-—~～]\d{{1,3}})?(?:{ages})(?:及?以[上下]|以内)?[\u4e00-\u9fff]{{2}}")


def _compound_unit(key: str) -> bool:
    """``人/次``, ``元/人·年``: units joined by a slash; ``万亩``, ``万人``: a unit with its multiplier."""
    from nlp.targets import target_vocab
    units = target_vocab().units

    def multiplied(part: str) -> bool:
        return part[:1] in "万千亿" and part[1:] in units
    if "/" not in key:
        return multiplied(key)
    # (a part with its multiplier too: 万元 in 万元/人, doc 73)
    return len(key) <= 8 and all(p in units or multiplied(p) for p in re.split(r"[/·*]", key))


# a name ending in a count ("寨山石坪村新建水泥路1条", "饲料库120平米"): three or more letters before the number, none of them a
# comparator, direction or period word, and not a name with its rate glued on ("渔船补贴发放率100%")
_COUNTED_NAME = re.compile(r"^([\u4e00-\u9fff]{3,})(\d[^%‰]*)$")
_NOT_COUNT = re.compile(rf"{_TARGET_WORDS}|以上|以下|控制|每|日均|月均|年均|累计|全年|平均|约|共|达|超过|至少|完成")


def _counted_name(key: str) -> bool:
    m = _COUNTED_NAME.match(key)
    return bool(m) and not _NOT_COUNT.search(m.group(1)) and not words().name_end.search(m.group(1))


@functools.lru_cache(maxsize=262144)
def token_type(text: str) -> str:
    """The type of a cell text, one of the emit columns' keys.

    >>> [token_type(t) for t in ("产出指标(50分)", "数量指标", "满意度指标", "≥3次", "10", "达成预期指标", "开展结对交流活动", "是")]
    ['l1', 'l2', 'l1l2', 'value', 'num', 'remark', 'text', 'qual']
    """
    from nlp.targets import Target, target_vocab

    v = vocab()
    key = simplified(re.sub(r"\s+", "", text))
    if not key:
        return "empty"
    l1, l2 = v.canonical_level1(key), v.canonical_level2(key)
    if l1 and l2:
        return "l1l2"
    if l1:
        return "l1"
    if l2:
        return "l2"
    if v.label_kind(key) == "row_label" or key in ("绩效指标", "绩效目标"):
        return "rowlabel"
    if _NUM.match(key):
        whole = key.split(".")[0].lstrip("-")
        return "bignum" if len(whole) >= 4 or (whole.isascii() and whole.isdigit() and int(whole) > 100) else "num"   # 2100, 810: never a weight
    rw = words()
    if key in rw.comparators:
        return "op"
    if key in target_vocab().units or key in rw.units or _compound_unit(key):
        return "unit"
    if key in rw.directions:
        return "direction"
    if key in rw.remarks:
        return "remark"
    if key in rw.qualitative:
        return "qual"
    if len(key) <= 16 and key.endswith("指标") and len(key) >= 4:
        return "l2like"
    if len(key) > 30 or SCORING_RULE.search(key):
        return "text"   # (a scoring rule, "得10分,每减少1%扣1分", is text whatever targets it names: doc 77 run together)
    if (rw.name_end.search(UNIT_NOTE.sub("", key)) or key.startswith("是否")) and (not any(ch.isdigit() for ch in key)
                                                                or _NAME_START.match(key) or _aged_start().match(key)):
        # 按时发放率, 上年12月底编内人员数, 7岁以下儿童健康服务率, 2型糖尿病患者管理人数: an indicator name, whatever
        # words or numbers it holds
        return "text"
    if compared_target(key):
        return "value"   # "同比2022年销量显著提高": a target against last year, whatever year it names
    if _ENUM_NAME.match(key) or _COUNTED_NOUN.match(key):
        return "text"   # "1.预算投入资金", "(1)成立管理组织": an item's number, then words; "一个存储备份器": a thing
    t = Target.fromstring(key)
    if t.kind == "quantitative" and len(key) <= 14:
        return "text" if _counted_name(key) else "value"
    bare = _NOTE_TAIL.sub("", key)
    if bare != key and bare[:1].isdigit() and len(bare) <= 14 and Target.fromstring(bare).kind == "quantitative" \
            and not _counted_name(bare):
        return "value"   # "338户889人(其中:脱贫户21户46人)", "2台(含开沟机、播种机)": a target and its note (docs 260, 242)
    if t.kind == "deadline":
        if any(ch.isdigit() for ch in key) and len(key) <= 20:
            return "value"
        return "qual" if len(key) <= 6 else "text"
    if t.kind == "qualitative" and len(key) <= 6:
        return "qual"
    return "text"


# -- the path -------------------------------------------------------------------------------
@dataclass
class Cell:
    role: str
    text: str
    first: int      # token index
    last: int
    line: int


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)
    open: bool = False   # the source row ends after the row's last cell with cells it shows empty (Token.open)

    def get(self, role: str) -> str:
        return "".join(c.text for c in self.cells if c.role == role)

    @property
    def line(self) -> int:
        for c in self.cells:
            if c.role == "level3":
                return c.line
        return self.cells[0].line if self.cells else 0


def _typed_cost(tok: Token, w: Weights) -> float:
    typ = token_type(tok.text)
    if typ in ("l1", "l2", "l1l2", "l2like", "remark", "rowlabel") or tok.text in ("是", "否") \
            or (tok.gap == "glue" and tok.text in words().kinds):   # 定性 cut off a name run together (docs 65, 114)
        # a level name, a remark (已完成, 达成预期指标), a row label (绩效指标, repeated after a page break) or the 是/否
        # of a 是否核心指标 cell (cut off the next row's name after a number by the lexer: 22 | 否 | 基础信息完善) is never
        # part of another cell
        return w.merge_typed
    if typ in ("value", "num", "bignum", "direction", "op"):
        if tok.text[:1] in COMPARATOR_CHARS:
            return w.merge_typed   # "=116人", "≥95%": a target with its comparator is never part of a name
        return w.merge_typed if tok.gap != "glue" else w.merge_typed / 3
    if tok.gap == "glue" and len(tok.text) >= 4 and simplified(tok.text) in long_grades():
        # "…状况" "进一步改善" "集中饮用水…", "…便利程度" "有所提高" "关心、理解…": a grade the lexer cut out is a
        # target (docs 340, 170)
        return w.merge_typed * 2 / 3
    return 0.0


@functools.lru_cache(maxsize=65536)
def _ungraded(text: str) -> bool:
    """A short text the target grammar reads as qualitative without any grade word in it (绿化美化公路), and not
    one of the short qualitative targets of ``reader.toml``."""
    from nlp.targets import Target
    key = simplified(re.sub(r"\s+", "", text))
    return key not in words().qualitative and Target.fromstring(key).grade == "unclear"


@functools.lru_cache(maxsize=65536)
def name_like(text: str) -> bool:
    """A text that ends like an indicator name, a unit note in brackets aside (``办公用房面积(平方米)``)."""
    return len(text) <= 30 and token_type(text) == "text" and \
        bool(words().name_end.search(simplified(UNIT_NOTE.sub("", text))))


UNIT_NOTE = re.compile(r"[(（][^()（）]{1,6}[)）]$")


@functools.lru_cache(maxsize=1)
def _directed() -> re.Pattern:
    """A short text that opens with a change word of the target grammar (``[directions]`` of targets.toml)."""
    from nlp.targets import target_vocab
    changes = sorted({w for w, _ in target_vocab().directions}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(map(re.escape, changes)) + r")[\u4e00-\u9fff]{1,6}$")


_COUNTED_NOUN = re.compile(r"^[一两二三四五六七八九十][个项套台条名家所座件][\u4e00-\u9fff]{4}")
_ENUM_NAME = re.compile(r"^(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])[\u4e00-\u9fff]{2}(?![\u4e00-\u9fff]*\d)")
_ENUM_START = re.compile(r"^(?:指标|指標|目标|目標|任务|任務)\s*\d{1,2}\s*[:：.．、]")
_PERCENT = re.compile(r"^\d{1,2}(?:\.\d+)?%$")
_NOTE_TAIL = re.compile(r"[(（][^()（）]{2,30}[)）]$")   # a bracketed note at a cell's end


def enumerated_name(text: str) -> bool:
    """An item's number, then a whole indicator name: ``指标4.不合格产品处置率`` is a row even with its value cells
    empty (doc 104).

    >>> enumerated_name("指标4.不合格产品处置率"), enumerated_name("指标1.“两品一械”总体安全"), enumerated_name("不合格产品处置率")
    (True, False, False)
    """
    m = _ENUM_START.match(text)
    return bool(m) and name_like(text[m.end():].strip())


@functools.lru_cache(maxsize=1)
def _count_piece() -> re.Pattern:
    """A count with one of ``count_units`` of ``reader.toml`` (12期, 5场次)."""
    return re.compile(rf"^\d+(?:\.\d+)?(?:{'|'.join(map(re.escape, words().count_units))})$")


_SPAN_UNITS = frozenset(("小时", "分钟", "秒", "天", "日", "周", "月", "年", "个月", "工作日"))


@functools.lru_cache(maxsize=65536)
def _counted(text: str) -> bool:
    """A number with a unit that counts things (12期, 24人, 3万元, 120种), not a span of time (6小时 in
    森林火灾6小时内扑灭率)."""
    from nlp.targets import Target
    if _count_piece().match(text):
        return True
    t = Target.fromstring(simplified(text))
    return t.kind == "quantitative" and bool(t.unit) and t.unit not in _SPAN_UNITS and t.unit not in ("%", "‰", "分") \
        and text[:1].isdigit()


_DECIMAL = re.compile(r"^\d+\.\d+$")


_BOUND = re.compile(r"(?:以上|以下|以内)$")   # "60%以上": a share and its bound, a share still


def _inner_numbers(tokens: list[Token]) -> list[int]:
    """Lexer pieces that are a number inside a name, text on both sides within one source cell
    (``上年`` ``12月底`` ``编内人员数``, ``森林火灾`` ``6小时`` ``内扑灭率``): glued back at a lexer cut's cost."""
    out = []
    for k in range(1, len(tokens) - 1):
        if tokens[k].gap != "glue" or tokens[k + 1].gap != "glue":
            continue
        left = tokens[k - 1].text
        if tokens[k].text[:1] in COMPARATOR_CHARS or token_type(left) == "unit" or _BOUND.sub("", tokens[k].text)[-1:] in "%‰" \
                or _DECIMAL.match(tokens[k].text):   # ("每千人托位" "4.5" "应补尽补率": a decimal is a target, doc 92)
            continue   # "绿化美化公路" "米" "=3500": a unit and a target with its comparator end the row's name
        if token_type(tokens[k].text) not in ("value", "num") or token_type(left) not in ("text", "qual") \
                or words().name_end.search(simplified(UNIT_NOTE.sub("", left))):
            continue   # "…维护情况" + "2280次" + "大楼安检巡察次数": a whole cell, its value and the next name
            # (a name with its note too: "建设项目个数(含续建)" + "1" + "竣工验收合格率", doc 02)
        whole_cell = tokens[k - 1].gap != "glue" and (k + 2 >= len(tokens) or tokens[k + 2].gap != "glue")
        if _counted(tokens[k].text) and not whole_cell and not _bare_ending(tokens[k + 1].text):
            # run together, "内部刊物" "12期" "开展残疾人文化活动": a count with its unit is a target, not a number in a
            # name; (within one cell the source bordered it is: "用于…沙墙村" "8个" "村增加集体经济收入", doc 322)
            continue
        if token_type(tokens[k + 1].text) == "text" and (token_type(_join(tokens, k - 1, k + 2)) == "text"
                                                         or tokens[k + 1].text[:1] in ",，、"):
            out.append(k)   # (",项目开展率": a piece opening with a comma goes on the text before it)
    return out


def _unit_noted(text: str) -> bool:
    """A name closed by its unit in brackets (``强化社会公众的标准化意识(人)``, ``实现产值(%)``), not by another note
    (``年巡查(访)``).

    >>> _unit_noted("奖励制修订标准项目(项)"), _unit_noted("卫生监督协管各专业年巡查(访)")
    (True, False)
    """
    m = UNIT_NOTE.search(text)
    return bool(m) and len(text) > len(m.group(0)) + 1 and m.group(0)[1:-1] in note_units()


def _name_after_number(text: str, before: str) -> bool:
    """A cell that starts the next row's name after a number typed ``before``."""
    return (name_like(text) and before in ("value", "num")) or (_unit_noted(text) and before in ("value", "num", "bignum"))


def _glued_counts(tokens: list[Token]) -> list[int]:
    """Lexer pieces that are a count with its unit between two texts, all cut by the lexer (``网络宣传平台`` ``1个``
    ``内部刊物`` ``12期``): run together, the count is the first name's target, not a number inside one name."""
    out = []
    for k in range(1, len(tokens) - 1):
        if tokens[k].gap == "glue" and tokens[k + 1].gap == "glue" and tokens[k - 1].gap == "glue" \
                and _counted(tokens[k].text) \
                and not tokens[k + 1].text.startswith(_SCORING) and not _bare_ending(tokens[k + 1].text) \
                and token_type(tokens[k - 1].text) in ("text", "qual") and token_type(tokens[k + 1].text) in ("text", "qual"):
            out.append(k)   # (not "…次數" "1次以上" "計3分,…": a scoring rule's count, doc 117)
    return out


_SCORING = ("计", "計", "得", "扣", "不计", "不計")


def _bare_ending(text: str) -> bool:
    """A name ending of three letters or fewer alone (完成率, 合格率): the end of the name the count stands in
    (``…年巡查(访)`` ``2次`` ``完成率``, doc 330), no name of its own."""
    return len(text) <= 3 and name_like(text)


def _join(tokens: list[Token], a: int, b: int) -> str:
    return "".join(t.text for t in tokens[a:b])


@functools.lru_cache(maxsize=1)
def _period_words() -> frozenset[str]:
    from nlp.targets import target_vocab
    return frozenset(word for word, _, _ in target_vocab().periods)


def glue_costs(tokens: list[Token], w: Weights) -> tuple[list[float], list[float]]:
    """What gluing each token into a cell costs beyond its gap's merge weight: ``typed[k]`` whenever token k is
    part of a glued cell, ``after[k]`` when it is glued onto token k - 1.

    >>> from indicators.table.stream import Token
    >>> typed, after = glue_costs([Token("经费支出合规性", 1, "line"), Token("严格执行相关制度规定", 1, "space")], weights())
    >>> after[1] == weights().name_merge
    True
    """
    n = len(tokens)
    # gluing a cell that is itself a value, a number or a level name onto its neighbour across a real
    # border costs more: "按时发放率 | 100%" are two cells, "5000吨" + "稻谷储备率" cut by the lexer may be one
    typed = [_typed_cost(t, w) for t in tokens]
    inner = set(_inner_numbers(tokens))
    for k in inner:
        typed[k] = 0.0
    for k in _glued_counts(tokens):
        typed[k] = w.merge_typed
    for k in range(n - 1):
        here, nxt = tokens[k].text, tokens[k + 1]
        if here.endswith("完成") and token_type(here) == "remark" and nxt.gap == "glue" \
                and token_type(nxt.text) in ("value", "num") and nxt.text[-1:] == "%":
            typed[k] = typed[k + 1] = 0.0   # "已完成" "100%" (已完成100%, cut by the lexer): one actual cell
        elif token_type(here) == "rowlabel" and nxt.gap == "glue" and len(nxt.text) <= 3 and name_like(nxt.text):
            typed[k] = 0.0   # "绩效指标" "明确性", "绩效目标" "合理性": one name of the 决策 framework (doc 124)
        elif nxt.gap == "glue" and nxt.text in _period_words() and token_type(here) == "value":
            typed[k] = typed[k + 1] = 0.0   # "2021年" "全年" (2021年全年, cut by the lexer): one target (doc 113)
        elif nxt.gap == "glue" and len(nxt.text) == 2 and here.endswith(nxt.text + "性"):
            typed[k + 1] = w.merge_typed   # "立项程序规范性" "规范": a name graded by its own adjective (doc 124)
        elif nxt.gap == "glue" and nxt.text in words().name_grades and here.endswith(words().graded_ends) \
                and k + 2 < n and tokens[k + 2].gap == "glue":
            typed[k + 1] = w.merge_typed   # "项目实施情况" "良好" "服务能力提升": a name, its grade, the next name (doc 110)
        elif here == nxt.text and (token_type(here) == "qual" or len(here) >= 3):
            # "合规性" "好" "好", "…面市" "资源采购期以当年为主" "资源采购期以当年为主": a target and its actual
            typed[k] = typed[k + 1] = w.merge_typed
    # a cell that ends like an indicator name ("经费支出合规性") is complete: gluing the next cell onto it
    # across a real border costs name_merge ("(%)", "(个)" after it are the name's own note)
    after = [0.0] * n
    for k in range(1, n):
        if tokens[k].gap in _BORDERS and tokens[k].text[:1] not in "(（" \
                and name_like(tokens[k - 1].text) and not name_like(tokens[k].text):
            # ("低温、低氧、低剂量" + "科学保粮率": a name wrapped at a space, its second half a name ending too; across a
            # line end as much as a value: "…危房改造户数" / "应改尽改" is a name and its target, doc 204)
            after[k] = w.merge_typed if tokens[k].gap in ("cell", "para") else w.name_merge
        elif k - 1 not in inner and _name_after_number(tokens[k].text, token_type(tokens[k - 1].text)):
            # ">=95%" + "项目完成率": a value, then the next row's name (or "424" + "强化…意识(人)": a name its unit's note
            # closes, whatever its ending, doc 154 run together)
            after[k] = w.name_merge
        elif tokens[k].gap == "glue" and _unit_noted(tokens[k - 1].text) and token_type(tokens[k].text) == "text" \
                and not tokens[k].text.startswith(("其中", "含")):
            after[k] = w.merge_typed   # "…参保人数(人)" "上一轮退耕还林补助面积(万亩)": run together, a name its unit's note
            # closes, then the next text (doc 11's 指标说明 after `…满意度(%)`; doc 136's empty template)
        elif tokens[k].gap in _BORDERS and name_like(tokens[k].text) and token_type(tokens[k - 1].text) in ("qual", "remark"):
            after[k] = w.name_merge   # "不超预算" / "水电气消耗下降率": a short target, then the next row's name (doc 54)
        elif tokens[k].gap in ("cell", "para") and len(tokens[k].text) >= 4 and name_like(tokens[k].text) \
                and len(tokens[k - 1].text) >= 6 and token_type(tokens[k - 1].text) == "text" \
                and not any(ch.isdigit() for ch in tokens[k - 1].text):
            # "吸纳本地群众就近就地就业" / "流转面积": a line of its own that is a whole name after a long text, the next
            # row's name (the row before it left its target empty, doc 260 one cell per line)
            after[k] = w.merge_typed
        if tokens[k].text == tokens[k - 1].text and tokens[k].gap != "glue" and len(tokens[k].text) >= 2:
            after[k] += w.name_merge   # "巩固拓展脱贫攻坚成果 | 巩固拓展脱贫攻坚成果": two cells (a name and its copy)
        if k + 1 < n and tokens[k].text == tokens[k + 1].text and len(tokens[k].text) >= 4 \
                and tokens[k + 1].gap != "glue":
            after[k] += w.name_merge   # "以最新资源面市 资源采购期以当年为主 资源采购期以当年为主": a target and its actual
        if tokens[k].gap in _BORDERS and len(tokens[k].text) >= 8 and tokens[k].text.endswith("。") \
                and not tokens[k - 1].text.endswith(_GOES_ON):
            after[k] += w.name_merge   # "…合订本、光盘" | "编印…每月3000本,…合订本及光盘。": a whole sentence is a cell (doc 139)
        if _ENUM_START.match(tokens[k].text):
            after[k] += w.merge_typed   # "指标5:药品…" starts a name of its own: never glued onto the cell before
        elif tokens[k].gap in _BORDERS and _directed().match(tokens[k].text):
            after[k] += w.name_merge   # "科普知識網絡競賽 | 提高普及率": a short text opening with 提高 is a target or a name of its own
    return typed, after


def level_named(tokens: list[Token]) -> set[int]:
    """Tokens that name a 二级 level right after the same level's own cell on the same line: ``服务对象满意度指标 |
    服务对象满意度`` is the 二级 cell and a 三级 named after it (doc 23), not the level printed twice.

    >>> from indicators.table.stream import Token
    >>> sorted(level_named([Token(t, 1, "space") for t in ("服务对象满意度指标", "服务对象满意度", "≥95%")]))
    [1]
    >>> sorted(level_named([Token(t, 1, "space") for t in ("满意度指标", "服务对象满意度指标", "数量指标", "数量指标")]))
    []
    """
    v = vocab()
    out = set()
    for k in range(1, len(tokens)):
        before, here = tokens[k - 1].text, tokens[k].text
        if tokens[k].gap in ("space", "sep") and before.endswith("指标") \
                and not here.endswith("指标") and token_type(before) == token_type(here) == "l2" \
                and v.canonical_level2(before) == v.canonical_level2(here):
            out.add(k)
    return out


# the target columns a grid's header places: a cell standing under one of them is that column's (off_column)
_PLACED = frozenset({"op", "value", "unit", "actual", "weight", "score"})


def _column_costs(tokens: list[Token], roles: list[str], columns: dict[int, str] | None, w: Weights,
                  aligned: set[int] | None = None) -> list[list[float]]:
    """Per token, the extra cost of emitting it into each template column: where the source is a grid and its header
    names the token's column one of the target columns the template has, any other target column costs ``off_column``
    (doc 373: ``资金使用合规性 | 无 | 合规 | 无 | 10`` under 指标性质 | 指标值 | 计量单位 | 指标权重). Empty where none applies.
    ``aligned``: :func:`aligned_lines` of the tokens, where the caller has it already."""
    if not columns or not w.off_column:
        return []
    aligned = aligned_lines(tokens, columns) if aligned is None else aligned
    levelled, blocks = level_lines(tokens, columns), _blocks(columns)
    pinned = target_pinned(tokens, roles, columns, aligned)
    named_level3 = "level3" in columns.values()
    named_lines = {t.line for t in tokens if t.line in aligned and columns.get(t.col) == "level3"}
    out: list[list[float]] = []
    for t, pin in zip(tokens, pinned):
        named = columns.get(t.col) if t.col >= 0 and t.line in aligned else None
        if t.line in levelled and blocks.get(t.col) in roles:
            # a row of level cells alone, each under its own header column (doc 391: 效益指标 | 经济效益 | … | 经济效益,
            # the 三级 cells of both blocks empty): the second block's 二级 stays there, it is no 三级
            out.append([w.off_column if r != blocks[t.col] else 0.0 for r in roles])
        elif pin:
            # (and where the header names no 三级 column, or the row has its own cell under 三级, a statement under 指标值
            # is no 三级 either: docs 410, 406)
            no_name = not named_level3 or t.line in named_lines
            out.append([w.off_column if (base_role(r) in _PLACED or (r == "level3" and no_name))
                        and base_role(r) != named else 0.0 for r in roles])
        elif named == "project" and "project" in roles:
            # a cell under 项目名称 where the row's 单位名称 cell is empty (平昌县民政局, doc 430): the project, not the
            # 单位名称 column's ``other``
            out.append([w.off_column if r in ("other", "row_label", "description") else 0.0 for r in roles])
        elif named == "level3" and token_type(t.text) in ("l2like", "l2"):
            # "经费预算不超指标" under the 三级 header (doc 388): a name ending in 指标 there is the row's 三级, not a 二级
            out.append([w.off_column if base_role(r) in ("level1", "level2") else 0.0 for r in roles])
        else:
            out.append([])
    return out


def target_pinned(tokens: list[Token], roles: list[str], columns: dict[int, str], aligned: set[int]) -> list[bool]:
    """Per token: a grid's cell on a line under the header's columns (``aligned``), in a column the header names as one
    of the template's target columns (指标值, 度量单位, 权重 …)."""
    have = {base_role(r) for r in roles}
    return [t.col >= 0 and t.line in aligned and columns.get(t.col) in _PLACED and columns.get(t.col) in have
            for t in tokens]


_LEVEL_TYPES = {"level1": ("l1", "l1l2"), "level2": ("l2", "l1l2", "l2like")}


def _blocks(columns: dict[int, str]) -> dict[int, str]:
    """The header's columns with the second block's roles named so (the second 二级 column is ``level2_b``).

    >>> _blocks({1: "level1", 2: "level2", 4: "level3", 9: "level2", 12: "level3"})
    {1: 'level1', 2: 'level2', 4: 'level3', 9: 'level2_b', 12: 'level3_b'}
    """
    seen: set[str] = set()
    out = {}
    for col in sorted(columns):
        role = columns[col]
        out[col] = role + SECOND if role in seen else role
        seen.add(role)
    return out


def level_lines(tokens: list[Token], columns: dict[int, str]) -> set[int]:
    """The source lines of two or more level cells alone, each in a header column of its level (一级 under 一级, 二级
    under 二级): a grid's row whose 三级 cells are empty, its cells where the header puts them.

    >>> from indicators.table.stream import Token
    >>> cols = {0: "level1", 1: "level2", 2: "level3", 3: "level2"}
    >>> toks = [Token("效益指标", 1, "sep", col=0), Token("经济效益", 1, "sep", col=1), Token("经济效益", 1, "sep", col=3),
    ...         Token("质量指标", 2, "sep", col=0), Token("合格率", 2, "sep", col=1)]
    >>> sorted(level_lines(toks, cols))
    [1]
    """
    by_line: dict[int, list[Token]] = {}
    for t in tokens:
        by_line.setdefault(t.line, []).append(t)
    return {line for line, cells in by_line.items() if len(cells) >= 2 and all(
        t.col >= 0 and token_type(t.text) in _LEVEL_TYPES.get(columns.get(t.col, ""), ()) for t in cells)}


def aligned_lines(tokens: list[Token], columns: dict[int, str]) -> set[int]:
    """The source lines whose cells stand under the header's columns: a name in the header's 三级 column. A page
    that printed a merged cell once and left it out of the other rows shifts those rows left (doc 19 as a web page:
    ``質量指標 | 業務工作支出到位率 | 定量 | 100`` under 一级 | 二级 | 三级 | 类型); their columns say nothing.

    >>> from indicators.table.stream import Token
    >>> cols = {0: "level1", 1: "level2", 2: "level3", 3: "value"}
    >>> toks = [Token("产出指标", 1, "sep", col=0), Token("数量指标", 1, "sep", col=1), Token("培训人数", 1, "sep", col=2),
    ...         Token("质量指标", 2, "sep", col=0), Token("合格率", 2, "sep", col=1), Token("100%", 2, "sep", col=2)]
    >>> sorted(aligned_lines(toks, cols))
    [1]
    >>> two = {1: "level1", 2: "level2", 4: "value"}   # (no 三级 column: doc 410)
    >>> sorted(aligned_lines([Token("产出指标", 5, "hard", col=1), Token("数量指标", 5, "sep", col=2),
    ...                       Token("确保机关正常运转", 5, "sep", col=4)], two))
    [5]
    """
    name_cols = {c for c, r in columns.items() if r == "level3"}
    l2_cols = {c for c, r in columns.items() if r == "level2"}
    # (lines with their 二级 cell under the 二级 header: complete rows, not shifted ones)
    levelled = {t.line for t in tokens if t.col in l2_cols and token_type(t.text) in ("l2", "l1l2", "l2like")}
    if not name_cols and l2_cols:
        # a two-level header (一级指标 | 二级指标 | 指标值, no 三级 column: doc 410): a statement under 指标值 on a
        # complete row
        value_cols = {c for c, r in columns.items() if r == "value"}
        return {t.line for t in tokens if t.col in value_cols and t.line in levelled and t.text.strip()}
    # (a 二级 name in the 三级 column is the row's 三级 on a complete row: "成本指标 | 经济成本 | 全县公安工作预计…万元",
    # doc 406)
    return {t.line for t in tokens if t.col in name_cols and (token_type(t.text) in ("text", "qual", "l2like") or (
        t.line in levelled and token_type(t.text) == "l2"))}


def split_rows(tokens: list[Token], roles: list[str], w: Weights | None = None,
               columns: dict[int, str] | None = None, aligned: set[int] | None = None) -> list[Row]:
    """The cheapest division of ``tokens`` into rows of the template ``roles`` (see module doc); ``columns``: the
    grid's header columns and the roles they name, where the source is a grid (:func:`_column_costs`)."""
    w = w or weights()
    if columns and aligned is None:
        aligned = aligned_lines(tokens, columns)   # (found once, for the column costs and the pinned cells)
    placed = _column_costs(tokens, roles, columns, w, aligned)
    n, C = len(tokens), len(roles)
    if not n:
        return []
    skip = [w.skip.get(base_role(r), 0.3) for r in roles]
    # prefix[c] = cost of skipping columns 0..c-1; between(a, b) = skipping a+1..b-1
    prefix = [0.0]
    for s in skip:
        prefix.append(prefix[-1] + s)
    # (a second block's 二级 cell too: "数量指标" with its 三级 and value cells empty ends the row)
    slot_cols = {i for i, r in enumerate(roles) if base_role(r) in ("level1", "level2", "row_label")}
    has_l3 = "level3" in roles

    # a row the source ends (a hard row end: one <tr>) in the first block leaves the second block out for nothing:
    # such a row may give only the first block's cells (doc 40 as HTML)
    second_rest = [sum(s for s, r in zip(skip[c + 1:], roles[c + 1:]) if r.endswith(SECOND)) for c in range(C)]

    def row_end(c: int, hard: bool = False, open_end: bool = False) -> float:
        # an empty-slot row (only 一级/二级 cells) ends cheaply; others pay for the columns they leave out
        if c in slot_cols and has_l3:
            return w.slot_end
        rest = prefix[C] - prefix[c + 1]
        if open_end:   # the source shows the columns after the row's last cell empty (a value never filled in)
            rest = min(rest, w.open_end)
        return rest - second_rest[c] if hard and second_rest[c] and not roles[c].endswith(SECOND) else rest

    gaps = [w.gap.get(t.gap, w.gap["cell"]) for t in tokens]
    typed, after_name = glue_costs(tokens, w)
    # the pieces of one glued number cell (digit gaps) glue back at the digit gap's cost alone
    group = list(range(n))
    for k in range(1, n):
        if tokens[k].gap == "digit":
            group[k] = group[k - 1]
    emit_tables = [w.emit.get(base_role(r), {}) for r in roles]
    # leaving a token out of every row; "指标4.不合格产品处置率" with its value cells empty is still a row
    outside = [w.outside + (w.merge_typed if _ENUM_START.match(t.text) else
                            w.outside_name if t.gap in ("cell", "para") and name_like(t.text) else 0.0) for t in tokens]
    if placed:   # a grid's cell its header puts in a target column is that column's, not a token to leave out (a 定性
        # written as the 年度 block's 指标值, doc 391; 元/村年 in doc 385's 度量单位)
        pinned = target_pinned(tokens, roles, columns, aligned)
        outside = [o + (w.off_column if pin else 0.0) for o, pin in zip(outside, pinned)]
    # a second block's cells stand on the row's own line: its columns cost a little more than the first's,
    # so the next line's cells start a row of their own rather than filling them
    extra = [w.second_block if r.endswith(SECOND) else 0.0 for r in roles]
    named = level_named(tokens)

    def emits(a: int, b: int) -> list[float]:
        text = _join(tokens, a, b)
        typ = "text" if b == a + 1 and a in named else token_type(text)
        if typ == "value" and b - a >= 2 and (name_like(tokens[a].text) or name_like(tokens[b - 1].text)):
            # "经费发放率" + "98%" or "98%" + "覆盖率" glued into one cell: a name and its target, or a target and the
            # next row's name, not one value
            out = [tab.get("value", w.default) if base_role(r) == "level3" else tab.get("name", tab.get("text", w.default))
                   for r, tab in zip(roles, emit_tables)]
        elif typ == "value" and _PERCENT.match(text):   # "20%": a target, or a weight written as a share
            out = [tab.get("pct", tab.get("value", w.default)) for tab in emit_tables]
        elif typ == "text" and _ENUM_START.match(text):
            # "指标4.不合格产品处置率": an item's number, then its name: a 三级 name, never another column's text
            out = [tab.get("enum", w.default) for tab in emit_tables]
        elif typ == "text" and name_like(text):
            # "经费支出合规性": reads as an indicator name; a reason column at a row's end does not take it
            out = [tab.get("name", tab.get("text", w.default)) for tab in emit_tables]
        elif typ == "qual" and len(text) >= 5 and _ungraded(text):
            # "绿化美化公路": a short text that grades nothing (not 有所提升, 是, 良好): as likely a name as a target
            out = [tab.get("word", tab.get("qual", w.default)) for tab in emit_tables]
        else:
            out = [tab.get(typ, w.default) for tab in emit_tables]
        out = [o + x for o, x in zip(out, extra)] if any(extra) else out
        return [o + x for o, x in zip(out, placed[a])] if placed and placed[a] else out

    # dp[i][c]: best cost with tokens[:i] consumed and the last cell in column c; dp_out[i]: last token outside
    dp = [[INF] * C for _ in range(n + 1)]
    back: list[list[tuple | None]] = [[None] * C for _ in range(n + 1)]
    dp_out = [INF] * (n + 1)
    back_out: list[tuple | None] = [None] * (n + 1)
    dp_out[0] = 0.0
    for i in range(n):
        # the best way to have closed a row (or be outside) before token i
        closed, closed_from = dp_out[i], ("out",)
        hard = tokens[i].gap == "hard"
        open_before = i > 0 and tokens[i - 1].open
        for c in range(C):
            if dp[i][c] < INF:
                cost = dp[i][c] + row_end(c, hard, open_before)
                if cost < closed:
                    closed, closed_from = cost, ("row", c)
        gap = gaps[i]
        # token i outside any row
        cost = closed + outside[i]
        if cost < dp_out[i + 1]:
            dp_out[i + 1], back_out[i + 1] = cost, closed_from
        # same-row continuation into column c: the best dp[i][c'] (c' < c) plus the skips between,
        # kept as dp[i][c'] - prefix[c'+1] so that adding prefix[c] gives the cost; one pass per token
        cont_at: list[tuple[float, int]] = []
        best_prev, best_prev_c = INF, -1
        for c in range(C):
            if c > 0 and dp[i][c - 1] < INF and dp[i][c - 1] - prefix[c] < best_prev:
                best_prev, best_prev_c = dp[i][c - 1] - prefix[c], c - 1
            cont_at.append((best_prev, best_prev_c))
        carry = gap["carry"]
        start_cost = closed + gap["new_row"] + w.start
        for length in range(1, w.max_cell + 1):
            j = i + length
            if j > n:
                break
            merge = sum(gaps[k]["merge"] + after_name[k] for k in range(i + 1, j))
            if j - i > 1 and group[i] != group[j - 1]:
                # every value, number or level name glued into a cell across the cut pays merge_typed
                merge += sum(typed[k] for k in range(i, j))
            if merge >= 50:
                break
            em = emits(i, j)
            for c in range(C):
                e = em[c]
                if e >= INF:
                    continue
                best_prev, best_prev_c = cont_at[c]
                cont = best_prev + prefix[c] + carry if best_prev_c >= 0 else INF
                new = start_cost + prefix[c]
                if cont <= new:
                    total, origin = cont, ("cont", best_prev_c)
                else:
                    total, origin = new, ("new", closed_from)
                total += e + merge
                if total < dp[j][c]:
                    dp[j][c] = total
                    back[j][c] = (i,) + origin
    # end: close the last row
    best, state = dp_out[n], ("out", None)
    for c in range(C):
        end = row_end(c, False, tokens[n - 1].open)
        if dp[n][c] + end < best:
            best, state = dp[n][c] + end, ("row", c)
    return _trace(tokens, roles, back, back_out, state, n)


def _trace(tokens, roles, back, back_out, state, n) -> list[Row]:
    def row(cells: list[Cell]) -> Row:
        return Row(list(reversed(cells)), open=tokens[cells[0].last].open)
    rows: list[Row] = []
    current: list[Cell] = []
    j = n
    kind, c = state
    while j > 0:
        if kind == "out":
            prev = back_out[j]
            if current:
                rows.append(row(current))
                current = []
            j -= 1
            kind, c = (prev[0], prev[1] if len(prev) > 1 else None)
            continue
        i, how, src = back[j][c]
        current.append(Cell(roles[c], _join(tokens, i, j), i, j - 1, tokens[i].line))
        if how == "cont":
            kind, c = "row", src
        else:
            rows.append(row(current))
            current = []
            kind, c = (src[0], src[1] if len(src) > 1 else None)
        j = i
    if current:
        rows.append(row(current))
    rows.reverse()
    return rows
