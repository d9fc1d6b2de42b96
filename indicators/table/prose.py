"""Indicators written as prose: headings naming the 一级/二级 level, then ``name value`` clauses.

Forms seen in real documents (tests/realdocs): ``(一)数量指标`` on its own line followed by
``培训人数≧200人;`` lines; ``【产出指标-数量指标】`` then ``指标1:机柜数量(≥77台)``; ``3.时效指标。
…发放指标为100%``; ``数量指标：种植葡萄≥17600株；质量指标：成活率≥85%`` inside a paragraph.

>>> [(r.level2, r.level3, r.value) for r in read_prose("（一）数量指标\\n培训人数≧200人;\\n（二）质量指标\\n合格率100%。")]
[('数量指标', '培训人数', '≧200人'), ('质量指标', '合格率', '100%')]
>>> [(r.level2, r.level3, r.value) for r in read_prose("【产出指标-数量指标】\\n指标1:机柜数量(≥77台)")]
[('数量指标', '机柜数量', '≥77台')]
>>> [(r.level2, r.level3, r.value) for r in read_prose("数量指标：种植葡萄≥17600株；质量指标：成活率≥85%")]
[('数量指标', '种植葡萄', '≥17600株'), ('质量指标', '成活率', '≥85%')]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text import simplified
from ..vocab import vocab
from .stream import NUMBER_PREFIX, clean_text, doubled
from .words import words

NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|\d{1,2}[)）]"
                        r"|第[一二三四五六七八九十]{1,3}[,，、:：])\s*")
_BRACKET = re.compile(r"^【([^】]{2,20})】")
_CLAUSE_SPLIT = re.compile(r"[；;。|｜]")   # (a pipe table's cell holding a list: "产出指标 | 开展…8次;编制…3个;…")
_ENUM = re.compile("^" + NUMBER_PREFIX + r"\s*")
_COMPARATOR = re.compile(r"(?:[≥≤≧≦><=＝]\s*)*(?:需|应|须|(?<!需)要|可)?(?:控制在|稳定在|≥|≤|≧|≦|>=|<=|＞|＜|>|<|=|＝|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|等于|低于|高于|至少达到|至少|达到|达)"
                         r"\s*(?=[\d*]|[\u4e00-\u9fff]{1,8}的\d)")
# (约111.45万亩 is approximate, not a part of the name: doc 280; 780元/生/年, a unit per two things: doc 26; 收割机1台, a name of three letters: doc 242; 大于等于10157.6平方米: doc 221; a doubled ≥≥98%: doc 231; 需控制在6.5次, 需达到80%: doc 243, but 需要 is a word: …学习的需要≥95%, doc 262; 不少于项目区的30%: doc 260)
_NAME_THEN_NUMBER = re.compile(r"^(?P<name>(?![在于从对向为])[^\d，,：:]{3}|[^\d，,：:]{4,40}?)(?P<value>(?:约|大约)?\d+(?:\.\d+)?\s*(?:%|‰|[^\d，,/]{1,2}(?:/[^\d，,/]{1,2}){1,2}|[^\d，,]{0,4})(?:达标|以上|以下|以内)?)$")
# ("80%以上的县区级妇幼健康机构婚检门诊达到规范化建设要求", doc 313)
# a name and the period it runs over: "服务周期2023.07-2024.01" (doc 58 as a notice), "项目实施时间2021年1月-12月"
_NAME_THEN_PERIOD = re.compile(r"^(?P<name>[^\d，,：:]{2,40}?)(?P<value>(?:19|20)\d{2}(?:年\d{1,2}月|[.]\d{1,2})(?:[.]\d{1,2}|\d{1,2}日)?"
                               r"\s*(?:[-~至—－～–]{1,2}|到)\s*(?:(?:19|20)\d{2}(?:年|[.]))?\d{1,2}(?:月|[.]\d{1,2})?(?:\d{1,2}日)?(?:底|末)?)$")
_SHARE_THEN_NAME = re.compile(r"^(?P<value>\d{1,3}(?:\.\d+)?\s*[%‰](?:以上|以下)?)的?(?P<name>[\u4e00-\u9fff][^\d，,：:]{5,40})$")
# a name's template placeholder, in brackets ("成活率(≥**%)") or not ("贫困人口数≥**人>=29人", doc 50 as a notice)
_PLACEHOLDER = re.compile(r"[（(][^()（）]*\*[^()（）]*[)）]|(?:>=|<=|[≥≤><＞＜＝=])\*{2,}(?:(?:%|[\u4e00-\u9fff]{1,3})(?=[≥≤><＞＜＝=\d])|(?=[≥≤><＞＜＝=]))")
_NUMBER_NOTE = re.compile(r"^(?P<name>[^\d，,：:]{4,40}?)(?P<value>(?:\d+(?:\.\d+)?[\u4e00-\u9fff%‰]{1,2})+"
                          r"[（(][^()（）]*\d[^()（）]*[)）])$")   # (338户889人(其中:脱贫户21户46人): doc 260)
# a number and a note on what it counts in brackets ("农用拖拉机2台(含开沟机、播种机)", doc 242): the target and its note
_COUNT_NOTE = re.compile(r"^(?P<name>(?:[^\d，,：:（(≥≤≧≦><=＞＜＝]|(?<=[A-Za-z\d])\d){3,40}?)(?P<value>\d+(?:\.\d+)?[\u4e00-\u9fff]{1,2}[（(][^()（）\d]{1,20}[)）])$")
_IN_BRACKETS = re.compile(r"^(?P<name>.{2,40}?)[（(](?P<value>[^()（）]*\d[^()（）]*)[)）]$")
_TRAILING_VALUE = re.compile(r"^(?P<name>.{2,40}?[率数量度额])(?:为|达到|达)?(?P<value>\d+(?:\.\d+)?\s*(?:%|‰|[万千]?[个人次户元吨亩公里天日件份台套项家所名篇场批株头只]{0,3}))$")


@dataclass
class ProseRecord:
    line: int
    level1: str
    level2: str
    level3: str
    value: str
    actual: str = ""
    weight: str = ""
    score: str = ""
    named: bool = False   # the clause names its fields (目标值…, 完成值…): a target even beside a table


_HEADING_WORDS = re.compile(r"^(?:设置?|共设)?\s*\d{1,2}\s*[条个项](?=[\u4e00-\u9fff]{2,8}指标)|^(?:该|本)?项目的?(?=[\u4e00-\u9fff]{2,8}指标)|(?<=指标)(?:完成情况(?:分析)?|方面)$")


_LEVEL_IS = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:目标|指标|目標|指標))(?:主要)?(?:为|是|有)(?=[\u4e00-\u9fffA-Za-z\d])")


# a 二级 name ending in 指标 run onto the indicator after it, with no mark between them
_GLUED_LEVEL = re.compile(r"^([\u4e00-\u9fff]{2,8}?指标)(?=[\u4e00-\u9fff]{4})")


# "服务对象满意度100%": a level's name that is also an indicator's, and its share, is a target (a heading's weight comes after
# 指标: "满意度指标30%", "效益指标(30%)")
_LEVEL_NAMED_SHARE = re.compile(r"^(?!.*指标[（(]?\d)[\u4e00-\u9fff]{2,10}\d+(?:\.\d+)?%$")


def heading(text: str) -> tuple[str | None, str | None, str]:
    """(一级, 二级, rest of the line) when the line starts with a level name, else (None, None, text).

    >>> heading("满意度指标30%")[:2], heading("服务对象满意度100%")[:2]
    (('满意度指标', '服务对象满意度指标'), (None, None))
    """
    v = vocab()
    body = NUMBERING.sub("", text)
    m = _BRACKET.match(body)
    if m:
        parts = re.split(r"[-—－~/]", m.group(1))
        l1 = next((v.canonical_level1(p) for p in parts if v.canonical_level1(p) and not v.canonical_level2(p)), None)
        l2 = next((v.canonical_level2(p) for p in parts if v.canonical_level2(p)), None)
        if l1 or l2:
            return l1, l2, body[m.end():]
    m = _LEVEL_IS.match(body)
    if m and (v.canonical_level1(m.group(1)) or v.canonical_level2(m.group(1))):
        # "产出目标为水泥路面22.53m³,…" (doc 251): the level, then the list it has
        n1, n2, _ = heading(m.group(1))
        return n1, n2, body[m.end():]
    head = re.split(r"[。：:，,；;]", body, maxsplit=1)
    word = _HEADING_WORDS.sub("", head[0].strip())   # "产出指标完成情况分析", "该项目的效益指标": the level itself
    rest = body[len(head[0]) + 1:] if len(head) > 1 else ""
    if len(word) <= 14 and not _LEVEL_NAMED_SHARE.match(word):
        l2 = v.canonical_level2(word)
        l1 = v.canonical_level1(word)
        if l2 or l1:
            if l1 and not l2 and rest:   # "效益指标:经济效益指标:…": the 二级 heading right after the 一级
                n1, n2, after = heading(rest)
                if n2 and not n1:
                    return l1, n2, after
            return (l1 if not l2 or l1 and not rest else None), l2, rest
    glued = _GLUED_LEVEL.match(body)
    if glued and v.canonical_level2(glued.group(1)):   # "数量指标邀请国际友人…数量≥3个" run together (doc 316)
        return None, v.canonical_level2(glued.group(1)), body[glued.end():]
    return None, None, text


def levels_after(h1: str | None, h2: str | None) -> tuple[str, str]:
    """The (一级, 二级) of the lines after a heading naming ``h1`` and/or ``h2``: a 二级 alone stands under its
    parent 一级."""
    if h2:
        return h1 or vocab().parent_of(h2) or "", h2
    return h1 or "", ""


def _clause(text: str) -> tuple[str, str] | None:
    """(name, value) of one clause, or None when it states no target.

    >>> _clause("完成时限,2025年10月底前"), _clause("学员种植技术水平,提高"), _clause("保驾护航(正面支撑)")
    (('完成时限', '2025年10月底前'), ('学员种植技术水平', '提高'), ('保驾护航', '正面支撑'))
    >>> _clause("救助资金发放及时率100%,按照相关规定,救助资金的发放及时")
    ('救助资金发放及时率', '100%')
    >>> _clause("指标1:为全市经济发展保驾护航(正面支撑)")
    ('为全市经济发展保驾护航', '正面支撑')
    >>> _clause("种植作物成活率(≥**%)>=85"), _clause("受益建档立卡贫困人口数≥**人>=29人")
    (('种植作物成活率(≥**%)', '>=85'), ('受益建档立卡贫困人口数≥**人', '>=29人'))
    >>> _clause("100%及时、足额发放在册低保、特困人员救助资金,达到应保尽保、应救尽救")
    ('及时、足额发放在册低保、特困人员救助资金', '100%')
    >>> _clause("专项补助使用落实期限,2019年1月-2019年12月")
    ('专项补助使用落实期限', '2019年1月-2019年12月')
    >>> _clause("满足教师和学生生活、学习的需要≥95%")
    ('满足教师和学生生活、学习的需要', '≥95%')
    >>> _clause("通过注射疫苗,可以有效降低疫苗针对传染病的发生40%")
    ('通过注射疫苗,可以有效降低疫苗针对传染病的发生', '40%')
    """
    text = _ENUM.sub("", text.strip())
    got = _clause_whole(text)
    parts = re.split("[，,]", text)
    if (got is None or re.search("[，,]", got[0])) and len(parts) > 1 and not words().name_end.search(simplified(parts[-2])):
        last = _clause_whole(parts[-1])
        numbered_before = re.search(r"\d", "".join(parts[:-1]))
        if last and re.search(r"\d", last[1]) and len(last[0]) >= 4 and (
                words().name_end.search(simplified(LEAD.sub("", last[0]))) or numbered_before):
            # "…校园文化建设深受好评,力争毕业生合格率达100%": the named number ends the sentence (but "…种植数量,黄金蜜
            # (葡萄)种植数量(≥**株)>=17600株" is one name, its first part ending like one: doc 67), when it ends like a
            # name or a number stands before it ("…3户脱贫户增收,…增设扶贫股1股(3户共9股)", doc 251); else the whole
            # clause is the name ("通过注射疫苗,可以有效降低…的发生40%", doc 36 as a notice)
            return last
        if last and re.search(r"\d", last[1]) and text.endswith(last[1]) and len(text) - len(last[1]) <= 60 \
                and not numbered_before:
            return text[:-len(last[1])].rstrip("，,：:为"), last[1]
    if got is None and len(parts) > 1:   # "确保天桥质量,已完成": a name, a comma, a short target (doc 226)
        head, _, tail = re.split("([，,])", text.strip(), maxsplit=1)
        got = _clause_whole(head)
        if got is None and 4 <= len(head) <= 40 and 1 <= len(tail) <= 12 and _short_target(tail):
            got = head, tail
        if got is None and _target(tail).kind == "deadline":   # (a date or a period after the comma: "专项补助使用
            got = _comma_target(text)                          # 落实期限,2019年1月-2019年12月", doc 46 as a notice)
    if got is None:
        m = _IN_WORDS.match(text.strip())
        if m and _short_target(m.group("value")):
            got = m.group("name"), m.group("value")
    return got or graded_end(text.strip()) or _quantity_after_count(text.strip())


# a name that holds its own counts or date, then the quantity it is to reach: "培智教学软件2套100%" (doc 134 as a notice),
# "饲料库120平米490元/平米" (doc 88)
_AFTER_COUNT = re.compile(r"^(?P<name>[^%‰]{4,60}?[\u4e00-\u9fff](?<![为是达到]))"
                          r"(?P<value>\d+(?:\.\d+)?(?:%|[^\d%‰]{1,6}))$")
_COUNT_IN_NAME = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.、年月日号])[\u4e00-\u9fffA-Za-z]")


def _quantity_after_count(text: str) -> tuple[str, str] | None:
    """(name, quantity) of a clause whose name holds a count (or, before a share, a date) and ends in the quantity to
    reach, where nothing else reads it.

    >>> _quantity_after_count("培智教学软件2套100%"), _quantity_after_count("2023年项目完工、投入使用100%")
    (('培智教学软件2套', '100%'), ('2023年项目完工、投入使用', '100%'))
    >>> _quantity_after_count("饲料库120平米490元/平米"), _quantity_after_count("寨山石坪村新建水泥路1条2km")
    (('饲料库120平米', '490元/平米'), ('寨山石坪村新建水泥路1条', '2km'))
    >>> _quantity_after_count("2025年4月26日"), _quantity_after_count("2、2024年长者食堂市级奖补15万元")
    (None, None)
    >>> _quantity_after_count("合格率100%"), _quantity_after_count("完成2套"), _quantity_after_count("发放率为98%覆盖率均为100%")
    (None, None, None)
    """
    m = _AFTER_COUNT.match(text)
    if not m:
        return None
    name, value = m.group("name"), m.group("value")
    if not re.search(r"\d", name) or len(re.findall(r"[\u4e00-\u9fff]", name)) < 2:
        return None
    if not value.endswith("%"):   # ("围墙300米300元/米", "新建水泥路1条2km": a count in the name, then a quantity with
        t = _target(value)        # its unit, whole; not a year, a date or an item number)
        if t.kind != "quantitative" or not t.unit or not _COUNT_IN_NAME.search(name) \
                or re.search("[,，]", name):   # (nor a sentence: "补贴数量,对学校2400平米体育场馆补贴5万元")
            return None
    return name, value


def graded_end(text: str) -> tuple[str, str] | None:
    """A clause that ends in a grade (``生态修复功能提高``, ``群众生活质量有所提升``): the name before it, of four to
    thirty letters without digits, and the grade.

    >>> graded_end("生态修复功能提高"), graded_end("提高"), graded_end("2023年产值提高")
    (('生态修复功能', '提高'), None, None)
    """
    grade = next((q for q in words().trailing_qual if text.endswith(q)), None)
    name = text[:-len(grade)].rstrip("，,：:为得到") if grade else ""
    if grade and name.endswith(("定性", "定量")):
        name, grade = name[:-2], name[-2:] + grade   # "维护单位日常运转定性有效": the kind word goes with the grade (doc 162)
    if 4 <= len(name) <= 30 and not re.search(r"\d", name):
        return name, grade
    return None


_NAME_IS = re.compile(r"^(?P<name>[^\d，,：:为是]{2,30})(?:为|是)(?P<value>(?:每|约|[≥≤><]|\d)[^，,为是]{0,60})$")
_IN_WORDS = re.compile(r"^(?P<name>.{4,40}?)[（(](?P<value>[^()（）\d]{1,8})[)）]$")


def _graded(text: str) -> bool:
    """A short text without numbers that grades something (满意, 按规定公开), not a person's name, a bare phrase or a
    definition (``指事业单位开展…取得的收入``)."""
    text = text.strip()
    return len(text) <= 12 and not re.search(r"\d", text) and not text.startswith("指") \
        and _target(text).grade not in ("", "unclear")


def _target(text: str):
    """The target grammar's reading of a text (``nlp.targets`` is imported here, not at the top: it imports the
    ``indicators`` package)."""
    from nlp.targets import Target
    return Target.fromstring(text.strip())


def _short_target(text: str) -> bool:
    return _target(text).kind in ("qualitative", "deadline", "quantitative")


def _clause_whole(text: str) -> tuple[str, str] | None:
    text = _ENUM.sub("", text.strip().strip("，,、"))
    if not text or len(text) > 60:
        return None
    m = _NUMBER_NOTE.match(text)
    if m:   # "…每人增设扶贫股1股(3户共9股)" (doc 251): the target and its note in brackets
        return m.group("name").strip(), m.group("value").strip()
    m = _COUNT_NOTE.match(text) or _IN_BRACKETS.match(text)
    if m:
        return m.group("name").strip(), m.group("value").strip()
    # a comparator inside the name's template placeholder ("成活率(≥**%)>=85") is not where the value starts
    holes = [h.span() for h in _PLACEHOLDER.finditer(text)]
    # (on the simplified letters, one for one: "…投資計劃完成率達到80%以上", doc 282)
    m = next((c for c in _COMPARATOR.finditer(simplified(text)) if not any(a <= c.start() < b for a, b in holes)), None)
    if m and 2 <= m.start() <= 40:
        name = text[:m.start()].rstrip("，,：:为")
        if name.endswith("均") and len(name) > 4:   # "慰问对象年龄均≥100岁": 均 goes with the target
            return name[:-1], "均" + text[m.start():]
        return name, text[m.start():]
    if "：" in text or ":" in text:
        name, _, value = re.split(r"([：:])", text, maxsplit=1)
        first = re.split("[，,]", value)[0]
        # (or a count in words first and a number after it: "开展工作督导: 一个季度开展工作督导一次,共4次", doc 312)
        counted = re.search("[一两二三四五六七八九十]", first) and re.search(r"\d", value) and not re.search("[：:]", value)
        if 2 <= len(name) <= 30 and value.strip() and (any(ch.isdigit() for ch in first) or _graded(value) or counted):
            # ("项目联系人:江健筠,联系电话:0591-…": no number before the comma and no grade, no target;
            # "(社会公众或服务对象满意度):满意" is one)
            return name.strip(), value.strip()
    m = _TRAILING_VALUE.match(text)
    if m:
        return m.group("name"), m.group("value")
    m = _NAME_IS.match(simplified(text))   # "资助标准为每生每年3000元、2000元、1000元3个档次": a name, 为, its target
    if m and words().name_end.search(m.group("name")) and re.search(r"\d", m.group("value")):
        return text[:m.end("name")], text[m.start("value"):]
    m = _NAME_THEN_NUMBER.match(text)   # "资助建档立卡贫困子女1966人", "资助标准100%达标"
    if m and _short_target(m.group("value")):
        return m.group("name"), m.group("value")
    m = _NAME_THEN_PERIOD.match(text)
    if m:
        return m.group("name"), m.group("value")
    m = _SHARE_THEN_NAME.match(text)   # "100%及时、足额发放在册低保…救助资金": the share first, then what it is of
    if m:
        return m.group("name"), m.group("value")
    return None


# a self-evaluation's sentence naming its fields: "项目完成及时率(%),目标值90,完成值100,分值8,得分8" (doc 154),
# "…到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前" (doc 70), "…人数年初任务数101974人,全年完成值103119人" (222)
_SAYS = r"\s*(?:为|是|:|：)?\s*"
_FIELDS = re.compile(rf"^(?P<name>[^,，;；]{{2,60}}?)[,，:：]?\s*(?:年度|年初)?(?:绩效)?(?:目标值|指标值|任务数|目标数|计划数)"
                     rf"{_SAYS}(?P<value>[^,，;；]+)"
                     rf"(?:[,，]\s*(?:全年|当年|年度)?(?:实际)?完成(?:值|情况){_SAYS}(?P<actual>[^,，;；]+))?"
                     rf"(?:[,，]\s*(?:分值|权重){_SAYS}(?P<weight>\d+(?:\.\d+)?)分?)?"
                     rf"(?:[,，]\s*得分{_SAYS}(?P<score>\d+(?:\.\d+)?)分?)?")


def fields_clause(text: str) -> ProseRecord | None:
    """A clause that names its target (目标值/指标值) and, in a self-evaluation, its actual, weight and score; the
    record's line and levels are the caller's.

    >>> r = fields_clause("1)项目完成及时率(%),目标值90,完成值100,分值8,得分8")
    >>> r.level3, r.value, r.actual, r.weight, r.score
    ('项目完成及时率(%)', '90', '100', '8', '8')
    >>> fields_clause("人才驿站补助资金到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前").value
    '2023年12月前'
    >>> fields_clause("绩效目标值按期完成") is None, fields_clause("本项目设置绩效目标11个") is None
    (True, True)
    """
    text = _ENUM.sub("", NUMBERING.sub("", text.strip()))
    m = _FIELDS.match(simplified(text))
    if not m or len(m.group("name").strip()) < 3 or m.group("name").strip().endswith(("的", "个", "绩效", "年度")):
        return None
    got = {k: text[m.start(k):m.end(k)].strip() if m.group(k) else "" for k in ("name", "value", "actual", "weight", "score")}
    if not _short_target(got["value"]) or re.search("扣|得分", got["value"]) or got["name"].startswith(("该指标", "該指標")):
        return None   # ("该指标主要考察…未达指标值酌情扣分": a scoring rule, not a target)
    return ProseRecord(0, "", "", re.sub(r"\s+", "", got["name"]), re.sub(r"\s+", "", got["value"]),
                       re.sub(r"\s+", "", got["actual"]), got["weight"], got["score"])


# what a news text puts before a quoted target ("在产出指标方面,要求A级旅游景区个数≥300个", doc 143)
LEAD = re.compile(r"^(?:(?:要求)?(?:到|至)\d{4}年(?:底|末)?|要求|力争|预定|预期|其中[,，:：]?|(?:具体)?目标(?:主要)?为)"
                  r"(?=[\u4e00-\u9fffA-Za-z]{4})")   # ("要求到2020年人民群众食品安全满意度…", doc 332)
_DONE_FIRST = re.compile(r"^\s*(?:已完成|已经|已)")
_DONE = re.compile(r"(?:实际)?完成$")
_ACTUAL_TAIL = re.compile(r"[,，]\s*(?:当年|全年|年度)?实际(?:[^,，:：\d]{0,14}?(?:为|是|达到|:|：)?\s*(?P<number>[≥≤><=]?\d[^,，:：]{0,16})"
                          r"|(?:完成|达到)(?:值|情况)?\s*(?:为|是|:|：)?\s*(?P<actual>[^,，:：]{1,20})|完?)$")


# a verdict after a comma: with its 已/未/基本/全部 (_DONE_TAIL) it is the actual where none is stated; with or without
# it (_REMARK_TAIL) it is left out where one is
_VERDICT_HOW = r"(?:已|未|基本|全部)"
_VERDICT = r"完成(?:指标|目标|任务)?"
_DONE_TAIL = re.compile(rf"[,，]\s*(?P<done>{_VERDICT_HOW}{_VERDICT})[。.]?$")
_REMARK_TAIL = re.compile(rf"[,，]\s*{_VERDICT_HOW}?{_VERDICT}[。.]?$")


def _actual_tail(piece: str) -> tuple[str, str]:
    """A clause and the actual a self-evaluation states after its comma (``慰问人数=9人,当年实际完成9人``, doc 152).

    >>> _actual_tail("慰问人数=9人,当年实际完成9人"), _actual_tail("慰问人数=9人")
    (('慰问人数=9人', '9人'), ('慰问人数=9人', ''))
    >>> _actual_tail("飞机飞行时长≥928小时,实际飞行时长909.93小时"), _actual_tail("完成率≥80%,实际完")
    (('飞机飞行时长≥928小时', '909.93小时'), ('完成率≥80%', ''))
    >>> _actual_tail("租机数量8架,实际租机7架,未完成指标")
    ('租机数量8架', '7架')
    >>> _actual_tail("完成道路建设491米,已完成"), _actual_tail("资金拨付,完成")
    (('完成道路建设491米', '已完成'), ('资金拨付,完成', ''))
    """
    remark = _REMARK_TAIL.search(piece)   # "租机数量8架,实际租机7架,未完成指标": the verdict after the actual (doc 243)
    m = _ACTUAL_TAIL.search(simplified(piece[:remark.start()] if remark else piece))
    if not m:
        done = _DONE_TAIL.search(piece)   # "完成道路建设491米,已完成" (a 完成情况 report, doc 226): the verdict is the actual
        return (piece[:done.start()], done.group("done")) if done else (piece, "")
    group = "number" if m.group("number") else "actual"   # (neither: "≥80%,实际完", an actual the page cut)
    return piece[:m.start()], re.sub(r"\s+", "", piece[m.start(group):m.end(group)]) if m.group(group) else ""


_ITEM = re.compile(r"(?=指标\s*\d{1,2}(?![\d%‰.]))|(?<=[,，、:：])(?=[（(]\d{1,2}[)）][\u4e00-\u9fff])"
                   r"|(?<=.)(?=[（(]\d{1,2}[)）][\u4e00-\u9fff]{2,4}(?:目标|指标|目標|指標)[:：])")


def _numbered_items(piece: str) -> list[str]:
    """A piece that lists two or more numbered items (``指标1…15%: 指标2…990元: 指标3…``, doc 173; ``…,(2)成本目标:…``
    after a comma, doc 70): one piece per item, the colon, comma or ellipsis after it dropped.

    >>> _numbered_items("指标1部门重点支出占比是15%: 指标2支付进度为100%: ……")
    ['指标1部门重点支出占比是15%', '指标2支付进度为100%']
    """
    starts = [m.start() for m in _ITEM.finditer(piece)]
    if len(starts) < 2:
        return [piece]
    bounds = ([0] if starts[0] > 0 else []) + starts + [len(piece)]   # (what stands before the first: a heading)
    items = [piece[a:b].strip().rstrip(":：…., ，").strip() for a, b in zip(bounds, bounds[1:])]
    return [x for x in items if x]


def _clauses(piece: str) -> list[tuple[str, str]]:
    """The (name, value) clauses of one piece; a value that runs on after a comma into another named target
    (``产值(≥**万元)≥80万元,促使…增加收入(≥**万元)≥80万元``) is two clauses.

    >>> _clauses("产业产值(≥**万元)≥80万元,促使脱贫户增加收入(≥**万元)≥80万元")
    [('产业产值(≥**万元)', '≥80万元'), ('促使脱贫户增加收入(≥**万元)', '≥80万元')]
    """
    parts = [p for p in re.split("[，,]", piece) if p.strip()]
    if len(parts) > 1:   # "发放率100%达标,到位率100%达标": every part a named number
        each = [_clause_whole(p) for p in parts]
        # (a name of two letters when a comparator starts its target: "厚度不低于20厘米", doc 270)
        named = [g for g in each if g and re.search(r"\d", g[1])
                 and (len(g[0]) >= 4 or (len(g[0]) >= 2 and _COMPARATOR.match(g[1])))]
        # (a short part without a number between two of them qualifies the target before it: "规格≥3cm,优质健康,
        # 检验检疫≥90%", doc 232)
        if len(named) == len(parts) or (len(named) >= 2 and each[0] in named and each[-1] in named and all(
                g in named or (len(p.strip()) <= 6 and not re.search(r"\d", p)) for g, p in zip(each, parts))):
            return [_squeezed(g) for g in named]
        # (named numbers between names and their grades: "…目标“四率”全面达标,年度松材线虫病除治8万多株,防控责任目标
        # 任务全面完成", doc 280)
        graded = [g if g in named else _named_grade(p) for g, p in zip(each, parts)]
        if named and all(graded):
            return [_squeezed(g) for g in graded]
        first = 1 if len(parts) > 3 and re.search(r"[:：]", parts[0]) and not re.search(r"\d", parts[0]) else 0
        # ("吳沖路:路面硬化,建設里程1.091公里,…寬度不低于3.5米,厚度不低于20厘米", doc 270: a label before the targets)
        rest = each[first:]
        lead = next((k for k, g in enumerate(rest) if g not in named), len(rest))
        if lead >= 3:   # "…年限不低于5年,…故障率低于5%,…合格率至少达到98%,资金在两年内…,以上目标根据…" (doc 250): the
            # named targets the clause opens with, the sentences after them no target
            return [_squeezed(g) for g in rest[:lead]]
    got = _clause(piece)
    if not got:
        return []
    name, value = _squeezed(got)
    head, comma, tail = re.split("([，,])", value, maxsplit=1) if re.search("[，,]", value) else (value, "", "")
    if comma:
        more = _clauses(tail)
        if more and re.search(r"\d", more[0][1]) and len(more[0][0]) >= 4:
            return [(name, head)] + more
        if not re.search(r"\d", tail) and re.search(r"\d", head) and _quantity(head):
            return [(name, head)]   # "学校绿化覆盖达70%,优化校园生态环境": the sentence after the number is no target
    return [(name, value)]


def _squeezed(pair: tuple[str, str]) -> tuple[str, str]:
    """A (name, value) pair without whitespace, a name written twice over once (doc 316), without the comma that
    parts it from its target (``慰问对象年龄,均≥100岁``).

    >>> _squeezed(("慰问对象年龄,", "均≥100岁"))
    ('慰问对象年龄', '均≥100岁')
    """
    name = re.sub(r"\s+", "", pair[0]).rstrip(",，")
    return name[:len(name) // 2] if doubled(name) else name, re.sub(r"\s+", "", pair[1])


def _quantity(text: str) -> bool:
    return _target(text).kind == "quantitative"


_WRAP_WIDTH = 20   # a line this long that ends mid-sentence was wrapped by the PDF's page width


def unwrap(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of the paragraphs of a PDF's text: a line of twenty or more letters that ends without a
    sentence or clause mark goes on in the next line, unless that one opens with an item number (doc 162:
    ``设 1条时效指标:资金支付及`` / ``时率=100%;设 1``) or a level word (``效益指标 指标1…``, doc 173); the paragraph
    keeps its first line's number.

    >>> unwrap(["设 1条时效指标:资金支付及时率=100%;设 1条满意", "度指标:职工满意度≥90%。", "(一)数量指标", "培训人数≧200人"])
    [(1, '设 1条时效指标:资金支付及时率=100%;设 1条满意度指标:职工满意度≥90%。'), (3, '(一)数量指标'), (4, '培训人数≧200人')]
    """
    out: list[tuple[int, str]] = []
    wrapped = False
    item = None   # the item number the paragraph opens with
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        # (nor a 绩效目标: field, after "实施单位、责任人:… 分管领导", doc 324; nor the next item, its text opening with a
        # digit: "1.…接种率:≥90%" / "2.7岁以下儿童健康服务率:≥90%", doc 330 as a list)
        if wrapped and line and not NUMBERING.match(line) and not any(heading(line.split()[0])[:2]) \
                and not _GOAL_LABEL.match(line) and not (item is not None and _item_body(line, item + 1) is not None):
            out[-1] = (out[-1][0], out[-1][1] + line)
        else:
            out.append((lineno, line))
            m = re.match(r"\s*(\d{1,2})[、.．]", line)
            item = int(m.group(1)) if m else None
        last = out[-1][1]
        wrapped = len(line) >= _WRAP_WIDTH and not re.search(r"[。；;：:！？!?|｜]$", last)
    return out


def _pieces(line: str) -> list[str]:
    """The clauses of one paragraph: ``数量指标：…；质量指标：…`` (a paragraph with several headed lists), cells of a
    pipe row, level words a space sets apart, numbered items."""
    pieces = [p for p in _CLAUSE_SPLIT.split(line) if p.strip()] if _CLAUSE_SPLIT.search(line) else [line]
    return [q for p in pieces for r in _level_words_apart(p) for q in _numbered_items(r)]


_LEVEL_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff…])((?:产出|效益|满意度|成本)指标)"
                           r"(?=[\u4e00-\u9fff]{4}|指标\s*\d{1,2}(?![\d%‰.]))")


_LEVEL_COLON = re.compile(r"^[\u4e00-\u9fff]{2,10}?指标[:：]")
# inside a list under a level heading, a 二级 of the issuer's own naming and a colon ("计划管理指标:…", "预算(或投资规模)控制
# 指标:…", doc 96 and 180 as notices): the 二级 of what follows it, kept as written
_OWN_LEVEL = re.compile(r"^\s*([\u4e00-\u9fff][\u4e00-\u9fff、()（）]{1,13}指标)\s*[:：]\s*(?=\S)")


def _level_words_apart(piece: str) -> list[str]:
    """A piece cut before and after each level word a space sets apart (a row of a table flattened with spaces,
    ``部门整体支出 年度绩效指标 产出指标 指标1…``, doc 173): the level word heads what follows it.

    >>> _level_words_apart("部门整体支出 年度绩效指标 产出指标 指标1比例是15%: 指标2进度为100%:")
    ['部门整体支出 年度绩效指标', '产出指标', '指标1比例是15%: 指标2进度为100%:']
    """
    v = vocab()
    inside = _LEVEL_INSIDE.search(piece)
    if inside and inside.start() > 0 and (v.canonical_level1(inside.group(1)) or v.canonical_level2(inside.group(1))):
        # "…年度绩效总目标产出指标开展文物安全巡查频次8次" (doc 145 run together): the level word run onto the text
        return [p for p in (piece[:inside.start()], inside.group(1)) if p.strip()] + \
            _level_words_apart(piece[inside.end():])
    words_ = re.split(r"(\s+)", piece.strip())
    cuts = [k for k in range(0, len(words_), 2) if 0 < k < len(words_) - 1
            and (v.canonical_level1(words_[k]) or v.canonical_level2(words_[k]))]
    headed = next((k for k in range(2, len(words_), 2) if _LEVEL_COLON.match(words_[k])
                   and any(heading(words_[k])[:2])), None)
    if not cuts and headed:   # "… 任福强 12.7万/棚 效益指标:预计每年可创造经济收益18万元" (doc 322): a level and its list
        return ["".join(words_[:headed - 1]), "".join(words_[headed:])]
    if not cuts:
        return [piece]
    out, start = [], 0
    for k in cuts:
        out += ["".join(words_[start:k - 1]), words_[k]]
        start = k + 2
    out.append("".join(words_[start:]))
    return [p for p in out if p.strip()]


def piece_records(piece: str) -> list[ProseRecord]:
    """The records one clause states, its line and levels left to the caller: a clause naming its fields
    (:func:`fields_clause`), else (name, value) clauses with the actual stated after a comma.

    >>> [(r.level3, r.value, r.actual) for r in piece_records("慰问人数=9人,当年实际完成9人")]
    [('慰问人数', '=9人', '9人')]
    >>> [(r.level3, r.value, r.actual) for r in piece_records("慰问对象满意度完成90%")]
    [('慰问对象满意度', '', '90%')]
    >>> piece_records("已完成购买电脑横机114台")
    []
    >>> [(r.level3, r.value, r.actual) for r in piece_records("确保天桥质量,已完成")]
    [('确保天桥质量', '', '已完成')]
    """
    piece, actual = _actual_tail(piece)
    fields = fields_clause(piece)
    if fields:
        fields.actual = fields.actual or actual
        fields.named = True
        return [fields]
    if _DONE_FIRST.match(piece):
        return []   # "已完成购买电脑横机114台": what was done, not a target (doc 144)
    got = [(LEAD.sub("", name), value) for name, value in _clauses(piece) if _target(value).unit != "分"]
    # (a value in 分 is a scoring rule's, "逾期扣1分" (doc 66); no labelled target of any page is in 分)
    if not got and actual and _BARE_ITEM.fullmatch(piece.strip()):
        return [ProseRecord(0, "", "", LEAD.sub("", piece.strip()), "", actual)]   # "确保天桥质量,已完成" (doc 226)
    out = []
    for name, value in got:
        done = _DONE.search(name)
        if done and not actual and words().name_end.search(name[:done.start()]):
            out.append(ProseRecord(0, "", "", name[:done.start()], "", value))   # "慰问对象满意度完成90%": done, no target
        else:
            out.append(ProseRecord(0, "", "", name, value, actual if len(got) == 1 else ""))
    return out


def _section_heading(line: str) -> bool:
    """A numbered heading of a report's section that is no level and states no target (``三、项目实施情况``,
    ``(二)项目预算``; doc 232's contents list a 满意度指标 heading right before its first section).

    >>> _section_heading("三、项目实施情况"), _section_heading("(1)数量指标:"), _section_heading("1.培训人数≥200人")
    (True, False, False)
    """
    m = NUMBERING.match(line)
    body = line[m.end():].strip() if m else ""
    return bool(body) and len(body) <= 15 and not re.search(r"\d|指标|指標|目标|[:：]$", body) \
        and not any(heading(body)[:2])


# ("绩效目标;特色民俗12间、…", doc 320: a semicolon for the colon)
_GOAL_LABEL = re.compile(r"(?:^|(?<=[。；;，,\s.．、]))(?:年度)?(?:项目)?绩效(?:目标|指标)\s*(?:是|为)?\s*(?:[:：]|[;；](?=\S))\s*")


def _grade_suffix(text: str) -> tuple[str, str] | None:
    """A name of four or more letters and the grade of two to four it ends in (``基层党组织凝聚力有所增强``).

    >>> _grade_suffix("基层党组织凝聚力有所增强"), _grade_suffix("扶持村集体经济试点"), _grade_suffix("设备安装验收合格率")
    (('基层党组织凝聚力', '有所增强'), None, None)
    """
    if re.search(r"\d", text) or words().name_end.search(simplified(text)):
        return None   # ("…验收合格率": a name, its end no grade "收合格率")
    return next(((text[:-size], text[-size:]) for size in (4, 3, 2)
                 if len(text) - size >= 4 and _graded(text[-size:])), None)


def _named_grade(part: str) -> tuple[str, str] | None:
    """A name and the grade it ends in, by the trailing grade words or a short grade of two to four letters."""
    return graded_end(part.strip()) or _grade_suffix(part.strip())


_FIRST_ITEM = re.compile(r"\s*(?:1[.、．]|[（(]1[)）])(?!\d)")
_ITEM_START = re.compile(r"(?:^|(?<=[。；;]))\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])(?!\d)")


def _numbered_goals(field: str) -> list[ProseRecord]:
    """The named numbers of a goal field written as numbered sentences (``1.项目受益灌溉面积2950亩,覆盖农户338户889人
    (其中:…)。2.吸纳本地群众就近就地就业。3.通过项目实施,…``, a 项目公示, doc 260): each comma part of an item that is a
    name and its number is a record; the sentences around them are none.

    >>> [(r.level3, r.value) for r in _numbered_goals("1.受益灌溉面积2950亩,覆盖农户338户。2.吸纳群众就业。")]
    [('受益灌溉面积', '2950亩'), ('覆盖农户', '338户'), ('吸纳群众就业', '')]
    """
    out = []
    for item in _ITEM_START.split(field):
        found = False
        for part in re.split(r"[，,；;。]", item):
            got = _clause_whole(part)
            if got and re.search(r"\d", got[1]) and len(got[0]) >= 2:
                out.append(ProseRecord(0, "", "", *_squeezed(got)))
                found = True
        bare = item.strip().rstrip("。;；")
        if not found and _BARE_ITEM.fullmatch(bare) and not re.search(r"\d", bare) and not any(heading(bare)[:2]):
            out.append(ProseRecord(0, "", "", bare, ""))   # "2.吸纳本地群众就近就地就业。": a goal named without a target
    return out


def goal_list(line: str) -> list[ProseRecord]:
    """The records of a ``绩效目标:`` field that lists its targets without levels (``绩效目标:坚果提质增效基地面积≥4300亩,
    高优科技试验示范基地1个,…,群众满意度≥90%。``, a project notice, doc 241; ``…。绩效目标是:…`` inside a paragraph,
    doc 252): three or more targets, one per comma up to the sentence's end, each a named number or a name and its
    grade, one at least a number; [] for a goal written as sentences.

    >>> [(r.level3, r.value) for r in goal_list("绩效目标:新建基地面积≥4300亩,防灾减灾设施5套,群众满意度≥90%。")]
    [('新建基地面积', '≥4300亩'), ('防灾减灾设施', '5套'), ('群众满意度', '≥90%')]
    >>> goal_list("绩效目标:通过项目实施,改造农村危房200户,群众满意度达到95%以上。")
    []
    >>> [(r.level3, r.value) for r in goal_list("…予以补助。绩效目标是:村集体经济收入明显增加,农民满意度≥90%,干部满意度≥90%。请…")]
    [('村集体经济收入', '明显增加'), ('农民满意度', '≥90%'), ('干部满意度', '≥90%')]
    """
    m = _GOAL_LABEL.search(line)
    if not m:
        return []
    if _FIRST_ITEM.match(line[m.end():]):
        return _numbered_goals(line[m.end():])
    listed = re.split(r"[。]", line[m.end():], maxsplit=1)[0]   # (the field ends with its sentence: doc 252)
    parts = [p for p in re.split(r"[，,;；]", listed.strip().rstrip("。.")) if p.strip()]
    got = [_clause_whole(p) or _named_grade(p) for p in parts]
    if len(parts) < 3 or not all(g and len(g[0]) >= 2 for g in got) or not any(re.search(r"\d", g[1]) for g in got):
        return []
    return [ProseRecord(0, "", "", *_squeezed(g)) for g in got]


# "主要绩效目标包括…", "年度目標是,…", "主要绩效目标是…" (news and reports, docs 281, 282, 292): a goal said in a sentence
# "年度目标任务,一是…;二是…" (a 民生工程 self-evaluation, doc 313)
_GOAL_SAID = re.compile(r"(?:(?:^|(?<=[。；;，,\s.．、]))(?:主要)?|年度)(?:项目)?(?:绩效|績效)?(?:目标|目標)"
                        r"(?:(?:主要)?(?:包括|是|为|為)[:：，,]?|任务[:：，,])")
_ITEM_IS = re.compile(r"^[一二三四五六七八九十]是")   # "一是", "二是": the items of a goal said in a sentence
# "四、绩效目标" on its own line: the paragraph after it is the goal (doc 280)
_GOAL_HEADING = re.compile(r"^(?:年度)?(?:项目)?(?:绩效|績效)(?:目标|目標)\s*[:：]?$")   # (after its item number)
# "…读者满意率达90%二、项目实施基本情况": the report's next section run on after the goal
_NEXT_SECTION = re.compile(r"(?<![\d一二三四五六七八九十])[二三四五六七八九十]、")


# a count inside the phrase it counts: "引导25493名群众调整种植结构" (doc 326), "带动40户发展服务旅游业" (doc 320); not a place
# or time it happens in ("在全县12个乡镇")
_COUNT_INSIDE = re.compile(r"^(?P<head>(?![在于从对向为])[\u4e00-\u9fff]{2,20}?)(?P<value>\d+(?:\.\d+)?"
                           r"(?:万|千)?(?:人次|人|户|名|个|家|所|座|间|条|项|次|场|亩|头|只|台|套|吨))"
                           r"(?P<tail>[\u4e00-\u9fff][\u4e00-\u9fff，,、]{1,30})$")


# a count of the places a target is met in, in front of it: "(在全县12个乡镇,)31个村…"
_PLACE_COUNT = re.compile(r"^(?:在|于)?(?:全县|全市|全区|全省)?\d+个(?:乡镇|村|社区|县|县区|街道|镇|乡)(?=[\u4e00-\u9fff]{4})")


def named_number(part: str) -> tuple[str, str] | None:
    """A name and its number in one part of a sentence, or None; a count inside the phrase it counts gives the phrase
    without it.

    >>> named_number("建成美丽移民村2个等"), named_number("引导25493名群众调整种植结构"), named_number("拓宽增收渠道")
    (('建成美丽移民村', '2个'), ('引导群众调整种植结构', '25493名'), None)
    >>> named_number("31个村种植构树饲草918亩")   # (doc 326: the villages it is done in go before the target)
    ('种植构树饲草', '918亩')
    """
    text = _ITEM_IS.sub("", re.sub(r"等$", "", part.strip()))   # ("…,建成美丽移民村2个等。")
    scope = _PLACE_COUNT.match(text)
    if scope and re.search(r"\d", text[scope.end():]):
        text = text[scope.end():]   # "31个村种植构树饲草918亩" (doc 326): where it is done, then the target
    got = _clause_whole(text)
    if got and re.search(r"\d", got[1]) and len(got[0]) >= 2:
        return got
    m = _COUNT_INSIDE.match(re.sub(r"\s+", "", text))
    return (m.group("head") + m.group("tail"), m.group("value")) if m else None


def _named_parts(sentence: str) -> list[tuple[str, str]]:
    """The targets of one sentence of a said goal: each comma part (or 、 part, where two or more are) that is a name
    and its number; with the names and their grades between them when every part is one or the other.

    >>> _named_parts("建设美丽家园项目60个、产业扶持项目10个,就业创业能力培训1643人次")
    [('建设美丽家园项目', '60个'), ('产业扶持项目', '10个'), ('就业创业能力培训', '1643人次')]
    >>> _named_parts("及时对采购文献进行分类加工,满足读者阅读10000人次")
    [('满足读者阅读', '10000人次')]
    """
    parts = []
    for part in (p for p in re.split("[，,]", sentence) if p.strip()):
        pieces = part.split("、")
        named = [p for p in pieces if named_number(p)]
        # ("特色民俗12间、升级改造特色民俗8间、升级改造农家乐3户、为群众提供健身休闲步道", doc 320)
        parts.extend(named if len(named) >= 2 else [part])
    each = [named_number(p) for p in parts]
    graded = [g or _named_grade(p) for g, p in zip(each, parts)]
    got = [_squeezed(g) for g in (graded if all(graded) else each) if g] if any(each) else []
    return [pair for g in got for pair in _two_targets(g)]


# a name that holds a whole named number before the next target's name: "户均年增3万元增加村集体收入" + "大于9万元" (doc 320)
_TARGET_INSIDE = re.compile(r"^(?P<first>[\u4e00-\u9fff]{2,20}?)(?P<number>\d+(?:\.\d+)?[万千]?(?:元|人次|人|户|个|亩|吨|家|%))"
                            r"(?P<second>[\u4e00-\u9fff]{4,30})$")


def _two_targets(pair: tuple[str, str]) -> list[tuple[str, str]]:
    """A (name, value) pair whose name is a named number and the next target's name run together, as two pairs.

    >>> _two_targets(("户均年增3万元增加村集体收入", "大于9万元"))
    [('户均年增', '3万元'), ('增加村集体收入', '大于9万元')]
    """
    m = _TARGET_INSIDE.match(pair[0])
    return [(m.group("first"), m.group("number")), (m.group("second"), pair[1])] if m else [pair]


def said_goals(field: str) -> list[ProseRecord]:
    """The records of a goal said in running text (``主要绩效目标包括后期扶持受益移民人口143676人,建设移民美丽家园建设项目
    60个、产业扶持项目10个,…等。``, news, doc 281), up to the next section of the report.

    >>> [(r.level3, r.value) for r in said_goals("采购图书1000册,订阅报刊120种。及时分类加工,读者满意率达90%二、项目实施")]
    [('采购图书', '1000册'), ('订阅报刊', '120种'), ('读者满意率', '达90%')]
    """
    field = _NEXT_SECTION.split(field, maxsplit=1)[0]
    out = []
    for sentence in re.split("[。；;]", field):
        h1, h2, rest = heading(sentence)   # "满意度指标:贫困家庭学生满意度100%" (doc 327): its level, then its targets
        l1, l2 = levels_after(h1, h2) if h1 or h2 else ("", "")
        said = rest if h1 or h2 else sentence
        whole = _comma_target(said)   # ("…排放量,较上年削减3%": the target after the comma, not a name in it)
        pairs = [whole] if whole and not re.search(r"\d", whole[0]) else _named_parts(said) or [whole]
        out += [ProseRecord(0, l1, l2, *pair) for pair in pairs if pair]
    return out


def _comma_target(text: str) -> tuple[str, str] | None:
    """A name, a comma and its target: a grade of up to four letters (``管理制度健全性,高``, ``带动…致富,增加``) or a
    number the target grammar reads (``增加村集体收入,大于9万元``, ``完成时限,2025年10月底前``).

    >>> _comma_target("管理制度健全性,高"), _comma_target("通过项目实施,改善人居环境")
    (('管理制度健全性', '高'), None)
    >>> _comma_target("化学需氧量、二氧化硫排放量,较上年削减3%"), _comma_target("采购图书1000册,订阅报刊120种")
    (('化学需氧量、二氧化硫排放量', '较上年削减3%'), None)
    >>> _comma_target("立项依据充分性,充分"), _comma_target("城镇集中供热率,达到40%")   # (达到 is op =)
    (('立项依据充分性', '充分'), ('城镇集中供热率', '达到40%'))
    >>> _comma_target("流转面积,不少于项目区的30%")
    ('流转面积', '不少于项目区的30%')
    """
    m = _COMMA_TARGET.fullmatch(text.strip().rstrip("。;；"))
    if not m:
        return None
    name, value = m.group(1), m.group(2)
    t = _target(value)
    opens = any(start == 0 and what == "COMPARATOR" for start, _, what in t.spans)   # ("…供热率,达到40%": op =;
    # "流转面积,不少于项目区的30%": a share of something after the comparator)
    if (len(value) <= 4 and _graded(value)) or value in words().trailing_qual or value in words().qualitative \
            or name.endswith(value + "性") or (
            re.search(r"\d", value) and (
            t.kind == "deadline" or (t.kind == "quantitative" and (t.op != "=" or value[:1].isdigit() or opens)
                                     and (opens or len(re.split(r"\d", value, maxsplit=1)[0]) <= 5)))):
        # (not "采购图书1000册,订阅报刊120种": two named numbers; nor "…承包大棚,每棚每年收入可达2万元以上": a name
        # before the number, doc 321)
        return name, value
    return None


def _goal_sentences(line: str) -> list[ProseRecord]:
    """A ``绩效目标:`` field written as sentences (``绩效目标:产权归村集体所有,…,预计带动脱贫劳动力务工100人以上,每人每年
    务工收入可达2万元以上;…``, project notices, docs 321, 324, 326, 327): its named numbers, as a goal said in a sentence.

    >>> [(r.level3, r.value) for r in _goal_sentences("6、项目绩效目标:种植构树饲草918亩,每亩补助资金1000元,拓宽增收渠道。")]
    [('种植构树饲草', '918亩'), ('每亩补助资金', '1000元')]
    """
    return _said_after(_GOAL_LABEL, line)


def _said_after(label: re.Pattern, line: str) -> list[ProseRecord]:
    """The said goal after the first ``label`` in a line (none without one)."""
    m = label.search(line)
    return said_goals(line[m.end():]) if m else []


def _item_body(line: str, number: int) -> str | None:
    """The text of item ``number`` of a numbered list (``3.…``, ``3、…``, ``(3)…``), or None: the number expected
    tells ``1.5000吨稻谷…`` (item 1) from a decimal and ``2.7岁以下儿童…`` (item 2) from 2.7 (docs 20, 330 as a list)."""
    m = re.match(rf"^\s*(?:{number}[、.．]|[（(]{number}[)）])\s*", line)
    return line[m.end():] if m and line[m.end():].strip() else None


_COLON_ITEM = re.compile(r"^(?P<name>[^:：;；。]{2,60}?)\s*[:：]\s*(?P<value>[^:：;；。]{1,60}?)[;；。.]?$")


def goal_item(item: str) -> list[ProseRecord]:
    """The records of one item of the list under a ``绩效目标`` heading (its number taken off, or a line of a list
    without numbers): ``name:value`` (``读者满意率:达90%``), else what a said goal states (named numbers, a name, a
    comma and its target), else a short name alone.

    >>> [(r.level3, r.value) for r in goal_item("读者满意率:达90%")], [(r.level3, r.value) for r in goal_item("订阅报刊120种")]
    ([('读者满意率', '达90%')], [('订阅报刊', '120种')])
    >>> [(r.level3, r.value) for r in goal_item("确保天桥质量")], goal_item("通过项目实施,改善人居环境")
    ([('确保天桥质量', '')], [])
    >>> [(r.level3, r.value) for r in goal_item("覆盖农户338户889人(其中:脱贫户21户46人)")]
    [('覆盖农户', '338户889人(其中:脱贫户21户46人)')]
    >>> [(r.level3, r.value) for r in goal_item("服务对象满意度指标:≥95%")], goal_item("数量指标:培训")
    ([('服务对象满意度指标', '≥95%')], [])
    """
    m = _COLON_ITEM.match(item.strip())
    # (not a colon inside a bracket's note: "覆盖农户338户889人(其中:脱贫户21户46人)", doc 260 as a list; a level's name
    # only with a bare target after it: "服务对象满意度指标:≥95%" is the indicator, "数量指标:培训200人次" a heading)
    if m and not _unclosed(m.group("name")) and (not any(heading(m.group("name"))[:2])
                                                 or _BARE_TARGET.match(m.group("value").strip())):
        return [ProseRecord(0, "", "", m.group("name").strip(), m.group("value").strip())]
    got = said_goals(item)   # (and "带动…增收致富,增加", "增加村集体收入,大于9万元": a name, a comma, its target)
    bare = item.strip().rstrip("。;；")
    if not got and _BARE_ITEM.fullmatch(bare) and not any(heading(bare)[:2]):
        return [ProseRecord(0, "", "", bare, "")]   # "2.确保天桥质量": an indicator named without its target
    return got


_BARE_TARGET = re.compile(r"^(?:[≥≤><=＝≧≦＞＜]|\d)[\d.,%‰≥≤><=＝≧≦＞＜]*[\u4e00-\u9fff%‰]{0,3}$")   # ≥95%, 100%, 20人


def _unclosed(text: str) -> bool:
    """A bracket opened and not closed in ``text``.

    >>> _unclosed("覆盖农户338户889人(其中"), _unclosed("成活率(≥**%)")
    (True, False)
    """
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


_COMMA_TARGET = re.compile(r"([\u4e00-\u9fff][^，,；;。:：]{1,39})[,，]([^，,；;。:：]{1,16})")
_BARE_ITEM = re.compile(r"[\u4e00-\u9fff][^，,；;。:：]{1,29}")
# "现将绩效目标设定如下:", "具体绩效指标如下：": the lines after it are the list (a project notice, doc 28)
_GOAL_INTRO = re.compile(r"(?:绩效|績效)(?:目标|指标|目標|指標)[^。；;]{0,12}如下\s*[:：]$")


def _unnumbered_item(line: str) -> list[ProseRecord] | None:
    """The records of a line of a list without item numbers under a goal heading (one short clause, ended by ``;`` or
    ``。`` or by nothing, that is no level or section heading and states a record: ``特色民俗12间;``,
    ``带动…致富,增加;``), or None for a line that is no such item."""
    body = line.strip()
    if not (2 <= len(body) <= 80) or re.search(r"[;；。]", body.rstrip(";；。")) or any(heading(body)[:2]) \
            or _section_heading(body):
        return None
    got = goal_item(body)
    # (a clause ended by ";" goes on with the list even where it states no record; a bare name is no item where
    # nothing ends it: "黄山市公安局", doc 14)
    return got if body.endswith((";", "；")) or any(r.value for r in got) else None


def read_prose(text: str) -> list[ProseRecord]:
    """Records of the prose indicator lists of a document (see module doc)."""
    out: list[ProseRecord] = []
    l1 = l2 = ""
    goal_next = False   # the line before was a 绩效目标 heading
    goal_items = 0      # the lines since that heading are its list: the next item's number, or -1 for a list without numbers
    for lineno, line in unwrap(clean_text(text).split("\n")):
        if not line:
            continue
        item = _item_body(line, goal_items) if goal_items > 0 else None
        listed = goal_item(item) if item is not None else _unnumbered_item(line) if goal_items in (1, -1) else None
        goal_items = 0 if listed is None else goal_items + 1 if item is not None else -1
        if listed is not None:
            for r in listed:
                r.line = lineno
                out.append(r)
            continue
        pieces = _pieces(line)
        if re.search("[|｜]", line) and pieces and not any(heading(pieces[0])[:2]):
            l1 = l2 = ""   # a table row led by another label (资金拨付对象 | …) ends the list of the rows before
        if _section_heading(line):
            l1 = l2 = ""   # "三、项目实施情况", "(二)项目预算": a new section of the report, no more indicators
            continue
        listed = goal_list(line) or _goal_sentences(line) or (said_goals(line) if goal_next else _said_after(_GOAL_SAID, line))
        goal_next = bool(_GOAL_HEADING.match(NUMBERING.sub("", line)) or _GOAL_INTRO.search(line))
        goal_items = 1 if goal_next else 0
        if goal_next:
            continue
        if listed:
            l1 = l2 = ""
            for r in listed:
                r.line = lineno
                out.append(r)
            continue
        listed = len(pieces) > 1 and not any(p.lstrip().startswith((",", "，")) for p in pieces)
        for piece in pieces:
            h1, h2, rest = heading(piece)
            if h1 or h2:
                l1, l2 = levels_after(h1, h2)
                piece = rest
            elif (l1 or l2) and (own := _OWN_LEVEL.match(piece)):
                l2, piece = own.group(1), piece[own.end():]
            if piece.strip() and (l1 or l2):   # (a name alone after its level's colon: "…满意度指标:慰问对象满意度。")
                got = piece_records(piece) or _bare_name(piece, line, listed or bool(h1 or h2))
                for r in got:
                    r.line, r.level1, r.level2 = lineno, l1 or "", l2
                    out.append(r)
    return out


_BARE_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、（）()“”]{3,29}")
_NONE_TARGET = re.compile(r"([\u4e00-\u9fff]{2,20}?)(无[\u4e00-\u9fff]{2,12})")   # a name, then the 无… it is to have


def _grade_alone(text: str) -> bool:
    """A grade with nothing after its grade word (``明显提高``, ``按规定公开``), not a name that holds one (``按时完成建设``,
    ``提升周边居民满意度``, ``水电气消耗下降率``).

    >>> _grade_alone("明显提高"), _grade_alone("按时完成建设"), _grade_alone("水电气消耗下降率"), _grade_alone("全覆盖")
    (True, False, False, True)
    """
    if not _graded(text) or words().name_end.search(simplified(text)):
        return False
    return text.endswith(_grade_words())


@functools.lru_cache(maxsize=1)
def _grade_words() -> tuple[str, ...]:
    """Every grade word of the target grammar and every trailing grade of the reader."""
    from nlp.targets import target_vocab   # (at the call, as in _target)
    return tuple(w for _, ws in target_vocab().grades for w in ws) + words().trailing_qual


def _bare_name(piece: str, line: str, listed: bool = False) -> list[ProseRecord]:
    """A list's line under a level heading that is one indicator's name alone and a ``;`` (``确保天桥质量;``, no target
    stated), or such a name between the ``;`` of a paragraph's list (``listed``: ``数量指标:…≥5人;水电气消耗下降率;…``): a
    record with an empty value, as the table it was printed from has it."""
    name, line = piece.strip(), line.strip()
    alone = line[-1:] in ";；" and line[:-1] == name   # (a list's line ends in ";": a table's cell on a line does not)
    # (between two marks, not the unended tail of a page cut off mid-sentence: "社会效益指标。体现党和政", doc 18)
    listed = listed and re.search(r"(?:^|[;；。:：])\s*" + re.escape(name) + r"\s*[;；。]", line) is not None
    if not (alone or listed) or not _BARE_NAME.fullmatch(name) or _grade_alone(name):
        return []
    m = _NONE_TARGET.fullmatch(name)
    if m:   # "资金使用无重大违规违纪问题;" (doc 232): a name, then the 无… it is to have
        return [ProseRecord(0, "", "", m.group(1), m.group(2))]
    return [ProseRecord(0, "", "", name, "")]

