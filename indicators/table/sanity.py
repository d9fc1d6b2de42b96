"""Records that cannot be indicators, whatever reader produced them.

A web page's footer (``扫一扫在手机打开当前页``), a sign-off line (``填表人: | 宋云花``,
``区扶贫办审核意见 | (盖章)``), a header cell read as a row (``序号``, ``2021年实际实现值 |
预期2022年实现值``) or a fragment (``—``, ``/人``) fills the name and value columns of a
row as well as an indicator does.  The words are in ``data/vocab/reader.toml`` (``[not_names]``).

>>> not_indicator("扫一扫在手机打开当前页", "")
'page furniture or sign-off'
>>> not_indicator("2021年实际实现值", "预期2022年实现值")
'header cells'
>>> not_indicator("—", "54周岁")
'fragment'
>>> not_indicator("其中:中央补助", "668.00"), not_indicator("计划生育转移支付资金合计(万元)", "1084.25")
('budget line', 'budget line')
>>> not_indicator("其中桃树种植面积", "1.5亩") is None
True
>>> not_indicator("反映学生每天用餐标准按标准发放得10分,每少", "1元"), not_indicator(",每减少", "1%")
('scoring rule', 'scoring rule')
>>> not_indicator("-定性", ""), not_indicator("分、预算资金执行率", "10分")
('fragment', 'fragment')
>>> not_indicator("2023年伙食补助预算90%得", "10分"), not_indicator("业务装备经费", "776001-扎赉特旗人民检察院")
('scoring rule', 'budget line')
>>> not_indicator("未達指標值酌情扣分", ""), not_indicator("總體目標", "按照…每生每年3300元")   # (docs 19, 75)
('scoring rule', 'header cells')
>>> not_indicator("(三)绩效自评与再评价差异农村最低生活保障专项资金项目自评分为", "97.40分")
'section heading'
>>> not_indicator("培训人数", "≥50人") is None, not_indicator("无", "无") is None, not_indicator("—", "5人")
(True, True, 'fragment')
>>> not_indicator("无", "") is None, not_indicator("无", "优") is None   # a 三级 cell saying the 二级 has none (388, 391, 394)
(True, True)
>>> not_indicator("数量指标", "三级指标及指标值"), not_indicator("满意度指标（三级指标及", "）106002-支付中心")
('header cells', 'header cells')
>>> not_indicator("结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)", "存在问题")
'page furniture or sign-off'
>>> not_indicator("情况。", "2.基于经济性和必要性等因素考虑,"), not_indicator("培训人数", "2.5万人次")
('prose', None)
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from ..text import simplified
from .header import SECTION
from .words import WORDS_FILE, words

_LETTER = re.compile(r"[\u3400-\u9fffA-Za-z]")
# "计划生育转移支付资金合计(万元) | 1084.25": a fund's amount in a 资金情况 block
_BUDGET = re.compile(r"资金.*[(（]万?元[)）]$")
# "按标准发放得10分,每少1元扣1分": a 评分标准 cell read as a row
_SCORING = re.compile(r"得\s*\d+(?:\.\d+)?\s*分|扣\s*\d+(?:\.\d+)?\s*分|每(?:少|减少|降低|超出|超过|增加|延迟)|酌情[扣减減]分|不得分$")
# "…90%得 | 10分": the tail of a scoring rule
_POINTS = re.compile(r"^\d+(?:\.\d+)?分$")
# "业务装备经费 | 776001-扎赉特旗人民检察院": a project row's unit code and name
# (and a 政府采购 table's 采购品目 code, "B08-咨询服务", "A02010104-台式计算机": doc 417)
_UNIT_CODE = re.compile(r"^(?:\d{3,}|[ABC]\d{2,})-[\u4e00-\u9fff]")
_ENUM_VALUE = re.compile(r"^(?:指标|目标)\d{1,2}(?:[:：]|$)")
# ",每减少", "-定性": the tail of a cell cut off its row
_LEADING_PUNCT = frozenset(",，、;；-—)）.。")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_LEVEL_HEADER = re.compile(r"[一二三]级指标")
_HEADER_WORDS = re.compile(r"[（(]?(?:[一二三]级指标|指标值|[及和、与])+[)）]?")
_SHORT_TARGET = re.compile(r"^[≥≤＞＜>=<≧≦＝]{0,2}\d+(?:\.\d+)?%$")   # "100%", "≥95%": a target, not a sentence's end
_PROJECT_CODE = re.compile(r"^(?:\d{6,}|\d{8}[A-Z]\d{6,})-")   # 51192323T000007589721-, 000013529161-: a project's code
_NOTE_ITEM = re.compile(r"^\d{1,2}[.、．][\u4e00-\u9fff]{2}[^\d]{8}")   # "2.基于经济性和必要性…": a numbered note


@dataclass(frozen=True)
class NotNames:
    contains: tuple[str, ...]
    starts: tuple[str, ...]
    exact: frozenset[str]
    min_letters: int
    max_sentence: int = 40
    value_contains: tuple[str, ...] = ()
    slot_left: frozenset[str] = frozenset()
    budget_heads: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def not_names() -> NotNames:
    with open(WORDS_FILE, "rb") as fh:
        raw = tomllib.load(fh)["not_names"]
    # (a form's signature words, 签字: of the reader's words, where they also end a table)
    return NotNames(contains=tuple(raw["contains"]) + words().signoff, starts=tuple(raw["starts"]), exact=frozenset(raw["exact"]),
                    min_letters=int(raw["min_letters"]), max_sentence=int(raw["max_sentence"]),
                    value_contains=tuple(raw["value_contains"]), slot_left=frozenset(raw.get("slot_left", ())),
                    budget_heads=frozenset(raw.get("budget_heads", ())))


_PART_OR_CAPTION = re.compile(r"^(?:第[一二三四五六七八九十\d]{1,3}部分|(?:部门|单位)?公开表\s*\d{1,2}|附表\s*\d{1,2})$")
_AMOUNTS = re.compile(r"^(?:\d{1,3}(?:,\d{3})*\.\d{2}){2,}$")   # two or more amounts with two decimals, glued


def not_indicator(level3: str, value: str) -> str | None:
    """Why a record with this 三级 name and value is not an indicator, or None when it may be one."""
    nn = not_names()
    name = simplified(re.sub(r"\s+", "", level3 or ""))   # (the words are simplified; a page may be traditional)
    value = simplified(value or "")
    bare = re.sub(r"\s+", "", value)
    if any(w in name for w in nn.contains) or any(w in value for w in nn.value_contains):
        return "page furniture or sign-off"
    if name.startswith(nn.starts) or (_BUDGET.search(name) and _BARE_NUMBER.match(value)):
        return "budget line"
    if _PROJECT_CODE.match(name) and _BARE_NUMBER.match(value.replace(",", "")):
        return "budget line"   # "000013529161-体育彩票公益金 | 240.00": a coded project's budget row (doc 407)
    if SECTION.match(name) or _PART_OR_CAPTION.match(name):
        return "section heading"   # (第三部分, 部门公开表7: a report's part and a table's caption, doc 386)
    if _SCORING.search(name) or (name.endswith("得") and _POINTS.match(value)):
        return "scoring rule"
    if _UNIT_CODE.match(value) or _AMOUNTS.match(bare):
        return "budget line"   # (40.0040.0040.00: a budget table's 年初预算数 | 调整后预算数 | 支付数 glued, doc 375)
    if _ENUM_VALUE.match(value) or name.startswith("【项目概况】"):
        return "prose"   # "…打击力度。 | 目标3:加强…": the next item of a goal list, not a target
    if _NOTE_ITEM.match(value):
        return "prose"   # "情况。 | 2.基于经济性和必要性等因素考虑,…": a form's numbered notes (备注), doc 262
    if name[:1] in _LEADING_PUNCT or re.match(r"^分[、，,)）]", name):   # "分、预算资金执行率": from "10分、…"
        return "fragment"
    if name.rstrip(":：") in nn.exact or (name in nn.budget_heads and (
            not bare or _BARE_NUMBER.match(bare.replace(",", "")) or bare in nn.budget_heads)):
        return "header cells"
    if name.endswith("值") and value.endswith("值"):
        return "header cells"
    if _LEVEL_HEADER.search(name) or _HEADER_WORDS.fullmatch(bare):
        return "header cells"   # "数量指标（三级指标及指标值）" read as a name and its target (doc 392): no real name holds a
        # level's header word, no real target is header words alone
    if len(name) > nn.max_sentence and "。" in name and not _SHORT_TARGET.match(bare):
        return "prose"   # (but a long 三级 with a target of its own, "经济社会发展指标：脱贫攻坚、…。 | 100%", doc 400, is one)
    if len(_LETTER.findall(name)) < nn.min_letters and not _copied_target(name, value) \
            and name not in nn.slot_left:
        return "fragment"
    if _two_ranges(name, bare):
        return "values without a name"   # "9-11个月 | 6-8个月": a row's two targets, its name lost (doc 271)
    return None


_RANGE = re.compile(r"^\d+(?:\.\d+)?[-~至—－～–]{1,2}\d+(?:\.\d+)?(?P<unit>[\u4e00-\u9fff%]{1,3})$")


def _two_ranges(name: str, value: str) -> bool:
    """A name and a value that are both ranges in one unit (``9-11个月`` and ``6-8个月``), not a name and its target.

    >>> _two_ranges("9-11个月", "6-8个月"), _two_ranges("3-6岁儿童入园率", "≥90%")
    (True, False)
    """
    a, b = _RANGE.match(name), _RANGE.match(value)
    return bool(a and b and a.group("unit") == b.group("unit"))


def _copied_target(name: str, value: str) -> bool:
    """A name cell that repeats its row's target (``2020年 | 2020年``, ``100万 | 100万``: a form filled with the
    target in every column) is a row to show and flag, not a fragment."""
    from nlp.targets import Target
    return bool(value) and re.sub(r"\s+", "", value) == name and Target.fromstring(name).kind in ("quantitative", "deadline")


def keep_indicators(records: list) -> list:
    """The records that may be indicators."""
    return [r for r in records if not_indicator(r.level3, r.value_raw) is None]
