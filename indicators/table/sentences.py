"""Targets stated in running text: ``完结率100%，项目区内农户满意度达85%以上``.

Some documents give no table and no headed list, only sentences (self-evaluation reports, spun
mirror pages).  A clause (text between ``，；。``) states a target when a value by the target grammar
follows a name that reads as an indicator (it ends as indicator names end: 率, 数, 量, 度, 面积 …, or
it is written ``X指标为V``).  ``实际完成值为V`` after a target is its actual value, not a new
record.  Level headings (``2.质量指标。``) set the 一级/二级 of the clauses after them, as in
:mod:`indicators.table.prose`.  This reader runs only where every other reader found nothing.

>>> [(r.level3, r.value) for r in read_sentences("完结粮食栽培培育面积624.13亩，完结率100%，项目区内农户满意度达85%以上。")]
[('完结粮食栽培培育面积', '624.13亩'), ('完结率', '100%'), ('项目区内农户满意度', '85%以上')]
>>> [(r.level2, r.level3, r.value, r.actual) for r in read_sentences("3.时效指标。补助金每月中旬发放指标为100%实际完成值为99%；"
...                                                                    "成本控制率≤5%")]
[('时效指标', '补助金每月中旬发放', '100%', '99%'), ('时效指标', '成本控制率', '≤5%', '')]
>>> read_sentences("一般公共预算安排77300万元，涉及财政拨款资金300万元。")
[]
>>> [(r.level3, r.value) for r in read_sentences("(二)绩效目标:道路硬化≥0.565km;受益贫困人口满意度≥96%")]
[('道路硬化', '≥0.565km'), ('受益贫困人口满意度', '≥96%')]
"""
from __future__ import annotations

import functools
import re

from ..text import simplified
from ..vocab import vocab
from .prose import LEAD, NUMBERING, ProseRecord, graded_end, heading, levels_after, named_number
from .words import words
from .stream import _value_re, _word_re, clean_text

_CLAUSES = re.compile(r"[，,；;。|｜]")   # (a table cell is a clause of its own: doc 315)
_ENUM = NUMBERING   # "2.", "(一)", "三、" in front of a clause
# between a name and its value: the connecting verb is not part of either
_CONNECTOR = re.compile(r"(?:指标值?为|目标值?为|均为|为|(?:累计|力争)?达到|(?:累计|力争)?达|约|：|:)$")
_REACHED = re.compile(r"^(?:达到|达)")
_ACTUAL = re.compile(r"(?:实际完成值?|实际值|完成值)为?$")
_COMPARES = re.compile(r"^(?:≥|≤|>=|<=|≧|≦|＞|＜|不低于|不少于|不高于|不超过)")
# "(二)绩效目标:道路硬化": the label in front of a list of targets
_LABEL = re.compile(r"^.{0,8}?(?:绩效目标|績效目標|年度目标|目标)[:：]")
# "在产出指标方面,要求…≥300个" (a news text quoting a 绩效目标表, doc 143): the level the clauses after it are under
_ASPECT = re.compile(r"^(?:在|从)(?P<level>[\u4e00-\u9fff]{2,10}?(?:指标|目标))(?:方面|上)$")
MIN_RECORDS = 2   # one rate in a sentence is not a list of targets
_ITEM = re.compile(r"^(\d{1,2})[.．、](\d)?")


def _is_name(name: str, stated_as_target: bool) -> bool:
    if not 2 <= len(name) <= 40 or any(ch.isdigit() for ch in name[-2:]):
        return False
    return stated_as_target or bool(words().name_end.search(simplified(name)))   # 人口數 as 人口数


@functools.lru_cache(maxsize=1)
def _stated_re() -> re.Pattern:
    v = _value_re().pattern
    return re.compile(rf"(?P<name>.{{2,40}}?)(?:指标|目标)值?为(?P<value>{v})(?:(?:实际完成值?|实际值|完成值)为(?P<actual>{v}))?")


def _stated(clause: str) -> list[tuple[str, str, bool]]:
    """``X发放指标为100%实际完成值为100%``, repeated: the name is all text up to 指标为, digits and all."""
    out, pos = [], 0
    for m in _stated_re().finditer(clause):
        if m.start() != pos:
            return []
        out.append((m.group("name"), m.group("value"), False))
        if m.group("actual"):
            out.append(("", m.group("actual"), True))
        pos = m.end()
    return out if pos == len(clause) else []


def _inside_name(clause: str, m: re.Match, later: list[re.Match]) -> bool:
    """A number the name holds, a target after it: ``7岁以下儿童健康服务率≥90%``, ``…年巡查(访)2次完成率≥90%`` (doc 330): no
    comparator, letters right after it and another number later in the clause. A share is a target with the next name
    after it (``经费发放率为98%覆盖率及资金到位率均为100%``, doc 18)."""
    return bool(later) and m.end() < len(clause) and "\u4e00" <= clause[m.end()] <= "\u9fff" \
        and not _COMPARES.match(m.group(0).strip()) and not m.group(0).rstrip().endswith(("%", "‰"))


def _item(line: str, last: int) -> tuple[str, int | None]:
    """A line without its item number, and that number (None on an unnumbered line): ``2.7岁以下儿童健康服务率≥90%``
    after item 1 is item 2 and ``7岁以下…`` (doc 330); a number that does not follow the last one is a decimal.

    >>> _item("2.7岁以下儿童健康服务率≥90%", 1), _item("2.7万元补助", 0)
    (('7岁以下儿童健康服务率≥90%', 2), ('2.7万元补助', 2))
    """
    m = _ITEM.match(line)
    if not m:
        return line, None
    number = int(m.group(1))
    return (line[m.end(1) + 1:] if number == last + 1 and m.group(2) else line), number


_QUOTED = re.compile(r"“([^“”]{3,40})”")
# "确保化学需氧量(COD)、二氧化硫排放量较上年削减3%" (doc 340): the sentence's verb opens no name
_OPENER = re.compile(r"^(?:确保|保证)(?=\S{6})")
_CHANGE = re.compile(r"(?:较上年|比上年|同比)(?:削减|下降|减少|降低|提高|增长|增加|提升)$")


def _clause_records(clause: str) -> list[tuple[str, str, bool]]:
    """(name, value, is_actual) for every value in one clause; where the clause quotes its targets (``…设定“年度解答援助
    热线2000次”“办理认罪认罚案件1200件”等明确指标``, news, doc 333), the quoted named numbers."""
    quoted = [got for got in map(named_number, _QUOTED.findall(clause)) if got]
    if quoted:
        return [(name, value, False) for name, value in quoted]
    if "为" in clause:
        got = _stated(clause)
        if got:
            return got
    out: list[tuple[str, str, bool]] = []
    pos = 0
    found = [m for m in _value_re().finditer(clause) if any(ch.isdigit() for ch in m.group(0))]
    for k, m in enumerate(found):
        if m.start() < pos or _inside_name(clause, m, found[k + 1:]):
            continue
        before = clause[pos:m.start()].lstrip(")）").rstrip("（(")   # "率(≥100%)": value in brackets
        value = m.group(0).strip()
        reach = _REACHED.match(value)
        if reach:   # "农贸市场整治面累计达到98%" (doc 332): 达到 joins the name to its number, as 为 does (可达, 需达到 stay)
            before, value = before + reach.group(0), value[reach.end():]
        change = _CHANGE.search(before)
        if change:   # "…二氧化硫排放量较上年削减3%" (doc 340): the change is the target, its baseline with it
            before, value = before[:change.start()], change.group(0) + value
        actual = bool(_ACTUAL.search(before))
        # "X指标为V", and "道路硬化≥0.565km": a comparator right after the name states a target too
        stated = bool(re.search(r"(?:指标|目标)值?为$", before)) or bool(_COMPARES.match(value))
        name = _LABEL.sub("", _CONNECTOR.sub("", _ACTUAL.sub("", before)).strip())
        name = re.sub(r"(?:指标|目标)值?$", "", name) if stated else name
        pos = m.end()
        shared = [n for n in re.split("[及和、]", name) if n] if before.endswith("均为") else [name]
        if actual and out:
            out.append(("", value, True))
        elif len(shared) > 1 and all(_is_name(n, False) for n in shared):
            out.extend((n, value, False) for n in shared)    # "覆盖率及资金到位率均为100%"
        elif _is_name(name, stated):
            out.append((name, value, False))
    return out


def _level_first(clause: str) -> str:
    """``成本指标国家规定标准发放…`` → ``成本指标。国家规定标准发放…``: a level name run into its clause."""
    m = _word_re().match(simplified(clause))
    if m and m.end() < len(clause) and (vocab().canonical_level2(m.group()) or vocab().canonical_level1(m.group())):
        return clause[:m.end()] + "。" + clause[m.end():]
    return clause


# "…年度整体支出绩效目标" alone on its line: the paragraph after it states the goal
_GOAL_LINE = re.compile(r"(?:绩效目标|績效目標)[^\d]{0,30}$")
# a count before the thing counted, within a goal paragraph: "开展3轮常规巡察", "完成对8个县直单位、7个群团组织…的"
_COUNTED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?(?:批次|场次|人次|个|轮|场|次|家|所|项|座|条|名|户|期|批|件))"
                      r"([\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,11}?)(?=的|[、，,。；;]|$)")


def counted_items(paragraph: str) -> list[tuple[str, str]]:
    """(thing, count) for every count written before what it counts in a goal paragraph (doc 323).

    >>> counted_items("2023年县委共开展3轮常规巡察,完成对8个县直单位、93个村(社区)的常规巡察。")
    [('常规巡察', '3轮'), ('县直单位', '8个'), ('村(社区)', '93个')]
    """
    return [(m.group(2), m.group(1)) for m in _COUNTED.finditer(paragraph)]


_FIRST_ITEM = re.compile(r"1[.．、](?=[\u4e00-\u9fff(（])")
_ITEM_REACH = 300   # an item of a list is shorter than this: the next number is looked for no further


def run_items(line: str) -> list[str]:
    """A numbered list run together on one line (``…≥90%2.7岁以下儿童健康服务率≥90%3.0-6岁…``, doc 330 run together) cut
    before each item number, 1, 2, 3 … in turn; an item number followed by a letter is preferred to a decimal's
    (``≥2.5公里2.桥梁``). Fewer than three items found: the line as it is.

    >>> run_items("2023-09-221.接种率≥90%2.7岁以下儿童健康服务率≥90%3.孕产妇系统服务率≥90%")
    ['2023-09-22', '1.接种率≥90%', '2.7岁以下儿童健康服务率≥90%', '3.孕产妇系统服务率≥90%']
    >>> run_items("1.道路硬化≥2.5公里2.桥梁3座")
    ['1.道路硬化≥2.5公里2.桥梁3座']
    """
    first = _FIRST_ITEM.search(line)
    if not first:
        return [line]
    starts, pos, number = [first.start()], first.end(), 2
    while True:
        found = list(re.finditer(rf"(?<!\d){number}[.．、]", line[pos:pos + _ITEM_REACH]))
        if not found:
            break
        worded = [m for m in found if not line[pos + m.end():pos + m.end() + 1].isdigit()]
        m = (worded or found)[0]
        starts.append(pos + m.start())
        pos, number = pos + m.end(), number + 1
    if len(starts) < 3:
        return [line]
    pieces = [line[:starts[0]]] + [line[a:b] for a, b in zip(starts, starts[1:] + [len(line)])]
    return [p for p in pieces if p]


def _lines(text: str):
    """(line number, line without whitespace) of the document's non-empty lines, a numbered list run together on one
    line given as its items (each with the line's number)."""
    for lineno, raw in enumerate(clean_text(text).split("\n"), start=1):
        line = re.sub(r"\s+", "", raw)
        for piece in (run_items(line) if line else []):
            yield lineno, piece


def read_sentences(text: str) -> list[ProseRecord]:
    """Targets of the running text of one document (see module doc)."""
    out: list[ProseRecord] = []
    l1 = l2 = ""
    item = 0   # the item number of the last numbered line
    goal = False   # the line before was a 绩效目标 heading
    for lineno, line in _lines(text):
        after_goal, goal = goal, bool(_GOAL_LINE.search(line)) and len(line) <= 80
        if after_goal and not any(_clause_records(c) for c in _CLAUSES.split(line)):
            # a goal paragraph of counts before what they count, no indicator named (doc 323)
            out.extend(ProseRecord(lineno, l1, l2, name, value) for name, value in counted_items(line))
            continue
        line, numbered = _item(line, item)
        item = numbered if numbered is not None else item
        for clause in _CLAUSES.split(line):
            clause = _ASPECT.sub(r"\g<level>", clause)   # "在产出指标方面": a heading
            h1, h2, rest = heading(_level_first(_ENUM.sub("", clause)))
            if h1 or h2:
                l1, l2 = levels_after(h1, h2)
                clause = rest
            bare = _ENUM.sub("", clause)
            got = _clause_records(bare)
            graded = graded_end(bare) if numbered is not None and not got else None
            if graded and words().name_end.search(simplified(graded[0])):
                got = [(graded[0], graded[1], False)]   # "24.居民健康素养水平不断提高": a numbered item and its grade (doc 330)
            before = len(out)
            for name, value, actual in got:
                if not actual:
                    out.append(ProseRecord(lineno, l1, l2, _OPENER.sub("", LEAD.sub("", name)), value))
                elif len(out) > before and not out[-1].actual:
                    out[-1].actual = value   # "…发放指标为100%实际完成值为100%": the actual of the target before it
    return out if len(out) >= MIN_RECORDS else []
