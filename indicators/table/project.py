"""The project a table's records belong to: the name a 项目名称 cell holds (:func:`project_name`), and, for a table
whose header block has no 项目名称 cell, the project its title names (:func:`title_project`): what stands before the
title's ending (``project_tails`` in ``[titles]`` of ``data/vocab/taxonomy.toml``), without the title's number, a
department written in front of it and the word 支出.

>>> title_project("东莞市公安局_公务用车购置项目支出绩效目标批复表")
'公务用车购置'
>>> title_project("其他外事费专项经费绩效评价表"), title_project("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标")
('其他外事费专项经费', '湖北省残疾人事业宣传文化工作经费')
>>> title_project("2021年度项目支出绩效自评表"), title_project("部门整体支出绩效目标表"), title_project("中长期绩效目标")
('', '', '')
>>> title_project("湘潭市工伤保险服务中心2023年项目支出绩效目标表"), title_project("2021年度本专科生奖助学金项目自评结果")
('', '本专科生奖助学金')
>>> title_project("表彰先进集体项目绩效目标表"), title_project("附表3、农村公路养护项目绩效目标表")
('表彰先进集体', '农村公路养护')
>>> title_project("单位公开表 6单位预算项目支出绩效目标表")   # (a 单位预算's table number, then no project: doc 399)
''

"""
from __future__ import annotations

import functools
import re

from ..text import clean_cell, norm_key, simplified
from ..vocab import vocab
from .words import words

# "表1:", "附表3、", "2、", "(一)": a title's number in front of the project
_LEAD = re.compile(r"^(?:(?:部门|单位)?(?:公开)?附?表\s*[\d一二三四五六七八九十]+\s*[:：、.．]?|附?表\s*[:：]|\d{1,2}\s*[、.．]|"
                   r"[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*")
_YEAR_ONLY = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?$")
# "湘潭市工伤保险服务中心2023年": a department's tables of a year, no project's; "2021年度本专科生奖助学金": the report's year
_YEAR_END = re.compile(r"(?:19|20)\d{2}\s*年度?$")
_YEAR_LEAD = re.compile(r"^(?:19|20)\d{2}\s*年度")
# sentence marks: a title is a phrase, a sentence that ends in 绩效目标 is no title
_SENTENCE = re.compile(r"[。，,;；！!？?]")
_MAX = 40
_NOT_FIRST = frozenset("和及与、)）")
_AMOUNT_HEAD = re.compile(r"金额|[(（]万?元[)）]")


@functools.lru_cache(maxsize=1)
def _tails() -> tuple[str, ...]:
    return tuple(sorted((norm_key(t) for t in vocab().titles.get("project_tails", ())), key=len, reverse=True))


@functools.lru_cache(maxsize=4096)
def title_project(text: str) -> str:
    """The project ``text`` (a table's title) names, or "" where it is no project's title (see module doc)."""
    raw = _LEAD.sub("", re.sub(r"\s+", "", clean_cell(text or "")))
    key = norm_key(raw)
    v = vocab()
    if len(key) != len(raw) or len(raw) > _MAX + 12 or _SENTENCE.search(raw) or v.title_kind(raw) == "department" \
            or v.label_kind(raw):
        return ""   # (中长期绩效目标, 年度绩效目标: the header block's labels, not a title)
    tail = next((t for t in _tails() if key.endswith(t)), None)
    if tail is None:
        return ""
    name = raw[:len(raw) - len(tail)]
    name = name.rsplit("_", 1)[-1]   # "东莞市公安局_公务用车购置": the department, then the project
    name = _YEAR_LEAD.sub("", re.sub(r"(?:项目)?支出$", "", name))
    if _YEAR_END.search(name):
        return ""
    if _YEAR_ONLY.match(name) or len(name) < 2 or len(name) > _MAX or norm_key(name) in _not_projects():
        return ""
    return name


@functools.lru_cache(maxsize=1)
def _not_projects() -> frozenset[str]:
    return frozenset(norm_key(t) for t in vocab().titles.get("not_projects", ()))


def project_name(text: str) -> str:
    """The name a 项目名称 cell (or the rest of its run-together line) holds: up to the next label of the header block,
    "" where it is itself one of the block's column words (doc 72: ``项目名称 | 项目单位 | 项目类别``).

    >>> project_name("碟令薯樽轴示施项目实施单位/"), project_name("再就业援助对象岗位补贴财政补差资金专项属性延续专项√")
    ('碟令薯樽轴示施项目', '再就业援助对象岗位补贴财政补差资金')
    >>> project_name("项目单位"), project_name("单位代码单位(专项)名称资金总额实施期"), project_name("市管绿地养护")
    ('', '', '市管绿地养护')
    >>> project_name("和金额)2017"), project_name("分配金额(万元)1省卫生健康委"), project_name("项目主管单")
    ('', '', '')
    >>> project_name("科學普及經費項目實施單位鄂州市科協"), project_name("吴冲路项目和枫树路项目,项目总投资157万元")
    ('科學普及經費項目', '吴冲路项目和枫树路项目')
    """
    key = simplified(text)   # (實施單位: the labels are found in simplified script, the name kept as written)
    ends = [k for k in (key.find(w) for w in words().project_ends) if k >= 0]
    stop = _SENTENCE.search(key)   # (项目名称吴冲路项目和…,项目总投资157万元: a sentence goes on after it, doc 270)
    cut = min(ends + ([stop.start()] if stop else []), default=len(text))
    name = text[:cut].rstrip("/／、,，;；。")
    if len(name) < 2 or "名称" in key[:cut] or name[:1] in _NOT_FIRST or _AMOUNT_HEAD.search(key[:cut]):
        return ""   # ("…子项目名称和金额)", doc 151; "项目名称 | 分配金额(万元)", doc 210: a column's words, not a project)
    return name


@functools.lru_cache(maxsize=1)
def _report_headings() -> tuple[re.Pattern, ...]:
    """The ways a heading names its project, tried in this order; the last, a report of a year."""
    tails = "|".join(sorted(map(re.escape, vocab().titles.get("report_tails", ())), key=len, reverse=True))
    name = r"[^，,。;；:：“”\"「」《》【】|]{2,40}?项目"
    return (re.compile(r"(?:绩效自评报告|绩效评价报告|自评报告)[（(](?P<name>[^()（）]{4,30})[)）]$"),
            re.compile(rf"^(?:标题[:：])?(?:关于)?[“\"「《]?(?P<name>{name})[”\"」》]?(?:{tails})"),   # (a heading opens so)
            # (委托…对“2022年农村最低生活保障专项资金项目”进行绩效评价; 为您整理的《老年人日间照料中心项目绩效自评报告》)
            re.compile(rf"[“\"「《](?P<name>{name})(?:{tails})?[^”\"」》]{{0,4}}[”\"」》]"),
            # a report of a year: 优抚对象生活补助经费转移支付2023年度绩效自评报告, 2021年妇女儿童健康…民生工程绩效自评报告
            re.compile(r"^(?:[（(][^()（）]{1,8}[)）])?(?P<before>[^，,。;；:：]{0,40}?)(?:转移支付)?(?:19|20)\d{2}年度?"
                       r"(?P<name>[^，,。;；:：]{0,40}?)(?:项目)?(?:支出)?(?:绩效自评报告|绩效评价报告)"))


# a unit in front of its project in a report's heading: a place, then an office, hospital, centre …
_UNIT_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,10}?[省市州县区盟][\u4e00-\u9fff]{2,14}?(?:中心|医院|局|委员会|协会|学校|学院|"
                         r"办公室|馆|站|所)")
# a heading's "项目" after a year, a level of government or a kind of spending names no one project
_GENERIC = re.compile(r"(?:年|年度|支出|转移支付|预算|本级|市级|县级|区级)项目$")


def report_project(line: str) -> str:
    """The project a report's or a notice's heading names: the name in brackets after 绩效自评报告, a name ending in
    项目 before a report's ending (``report_tails`` in ``[titles]``), or a quoted project; without a leading year
    (2020年度). A numbered line is a section's heading, not the document's.

    >>> report_project("2020年度国家食品药品安全专项整治项目绩效评价报告")
    '国家食品药品安全专项整治项目'
    >>> report_project("标题: 关于下马关镇设施农业黄金蜜(葡萄)种植项目绩效目标设定的公示")
    '下马关镇设施农业黄金蜜(葡萄)种植项目'
    >>> report_project("2024年度市级预算项目绩效自评报告(标准化工作专项补助经费)")
    '标准化工作专项补助经费'
    >>> report_project("关于“2018生物实验教学中心建设项目”"), report_project("一、项目基本情况")
    ('2018生物实验教学中心建设项目', '')
    >>> report_project("黄山市公安局2025年项目绩效目标和指标"), report_project("(二)财政专项扶贫资金项目绩效目标")
    ('', '')
    >>> report_project("优抚对象生活补助经费转移支付2023年度绩效自评报告")
    '优抚对象生活补助经费'
    >>> report_project("鄂州市疾病预防控制中心城镇供水卫生监督监测2019年度绩效自评报告")
    '城镇供水卫生监督监测'
    >>> report_project("2021年妇女儿童健康水平提升民生工程绩效自评报告"), report_project("海口市档案局2016年度项目支出绩效评价报告")
    ('妇女儿童健康水平提升民生工程', '')
    """
    raw = re.sub(r"[\s|｜]+", "", clean_cell(line or ""))
    key = simplified(raw)
    if _LEAD.match(key):
        return ""
    for k, rx in enumerate(_report_headings()):
        m = rx.search(key)
        if m:
            name = _heading_name(raw, m, of_a_year=k == len(_report_headings()) - 1)
            return "" if len(name) < 4 or norm_key(name) in _not_projects() or _GENERIC.search(simplified(name)) \
                else name
    return ""


def _heading_name(raw: str, m: re.Match, of_a_year: bool) -> str:
    """The name a heading's match gives, without a leading year; in a report of a year, the name after the year or
    else the one before it, without the unit in front of it ("" where the unit is all: a unit's report)."""
    group = "name" if m.group("name") or not of_a_year else "before"
    name = _YEAR_LEAD.sub("", raw[m.start(group):m.end(group)])
    if not of_a_year:
        return name
    unit = _UNIT_FIRST.match(simplified(name))   # "鄂州市疾病预防控制中心城镇供水卫生监督监测": the unit, then the project
    if unit and unit.end() == len(name):
        return ""   # "海口市档案局2016年度项目支出绩效评价报告": a unit's report on all its projects
    return name[unit.end():] if unit and len(name) - unit.end() >= 4 else name
