"""Find an indicator table's header in a token stream and turn it into a column template.

Headers are recognised by keyword, not by exact words at fixed places: ``年度指标值``,
``当年预期实现值``, ``指标值及单位`` are all the value; ``实际完成值``, ``全年实际值`` the
actual; ``计算符号`` the comparator; annotations such as ``(长期)``, ``(50分)`` are dropped;
a header cell split over two tokens (``一级`` / ``指标``) is glued back.

>>> header_role("年度指标值")
'value'
>>> header_role("二级指标(长期)")
'level2'
>>> header_role("未完成原因及拟采取的改进措施")
'reason'
>>> header_role("当年预期实现值"), header_role("2021年实际实现值")
('value', 'actual')
>>> header_role("评(扣)分标准")
'description'
>>> header_role("开展县域结对交流活动") is None
True
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text import simplified
from ..vocab import vocab
from .stream import Token
from .words import words

_ANNOTATION = re.compile(r"[（(][^()（）]{0,12}[)）]")

# (role, test) in order: the first that matches wins.  Each test is a regex on the cell text
# with whitespace and annotations removed.
_RULES: list[tuple[str, re.Pattern]] = [(role, re.compile(rx)) for role, rx in [
    ("other", r"^金额单位|^指标值类型$"),   # "金额单位:元": a note; 指标值类型 (定量/定性): not the value
    ("reason", r"原因|改进措施|整改"),
    ("description", r"评.?扣?.?分标准|评分规则|指标解释|指标说明|指标值说明|描述|备注|指标值设定依据|评价内容|计算方法|评价标准|^绩效标准$|^说明$"),
    ("basis", r"确定依据|指标来源|支撑材料"),
    ("score", r"^(?:自评|单项指标|指标)?得分$|^折算得分$|^评分$|^实际得分$|^自评分$"),
    ("weight", r"^(?:指标|参考)?分值$|权重|^标准分值?$"),
    ("op", r"^计算符号$|^符号$|^比较符号?$|^指标性质$|^运算符号$|^指标方向$"),
    ("unit", r"^(?:计量|度量|指标)?单位$"),
    ("adjusted", r"^调整(?:后)?(?:指标|目标)值$|^全年[(（]?调整[)）]?(?:指标|目标)值$"),   # 年初指标值 | 调整指标值: mostly left empty
    ("value", r"预期.{0,6}(?:实现值|值|目标)$|^预期"),   # 当年预期实现值, 预期2022年实现值: the target
    ("actual", r"实际|完成值|完成情况|实现值$|^实施进度$|^完成进度$|^(?:项目)?完成指标值$"),   # 实施进度: 已完成100%
    # (预算设定指标值 | 项目完成指标值: the target and what was done, doc 81)
    ("level1", r"^一级(?:指标)?(?:名称)?$"),
    ("level2", r"^二级(?:指标)?(?:名称)?$"),
    ("level3", r"^三级(?:指标)?(?:名称)?$|^(?:绩效)?指标名称$|^指标内容$|^具体指标$|^三级指标内容$|^目标名称$|^绩效内容$"),
    ("value", r"指标值|目标值|预期值|计划值|^年度目标$|标准值|^目标$|^数值$|年度数值|^指标值及单位$|^全年绩效目标$"),
    ("row_label", r"^(?:年度|长期|中长期|项目)?绩效指标$|^评价指标$|^绩效指标分类$|^指标类型$"),
    ("project", r"^项目名称$|^项目$|^专项名称$"),
    ("code", r"编码$|代码$|^项目编号$"),
    ("amount", r"^合计$|金额|资金总额|^年度资金$|预算数|^财政拨款$|^绩效金额$"),
    ("other", r"^序号$|^单位名称$|^公共预算$|^政府性基金$|^其他资金$|^累计完成率$|^目标完成率$|^指标完成率$|^完成率$"
              r"|^得分系数$"),   # 重庆 部门整体绩效自评表: 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标
    ("flag", r"^是否核心指标$|^是否重点指标$|^是否核心$"),   # a 是/否 column at the row's end
]]

_GARBLED_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,8}值$")

HEADER_ROLES = ("project", "code", "amount", "row_label", "level1", "level2", "level3", "value", "actual", "weight", "score", "op", "unit",
                "description", "reason", "basis", "other", "region", "adjusted", "flag")


SECOND = "_b"   # the roles of a second block printed beside the first (中期 | 年度): level2_b, level3_b, value_b


def base_role(role: str) -> str:
    """The role a second block's column stands for: ``value_b`` → ``value``."""
    return role[:-len(SECOND)] if role.endswith(SECOND) else role


def header_key(text: str) -> str:
    return simplified(_ANNOTATION.sub("", re.sub(r"\s+", "", text)))


# "三、目标完成情况", "(三)绩效自评…": a report's section heading (also not a record: table/sanity.py)
SECTION = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]|^[一二三四五六七八九十]{1,3}[、.．]")


@functools.lru_cache(maxsize=65536)
def header_role(text: str) -> str | None:
    key = header_key(text)
    if not key or len(key) > 16 or SECTION.match(key):
        return None   # "三、目标完成情况": a section heading, not a column
    for role, rx in _RULES:
        if rx.search(key):
            return role
    return _anagrams().get("".join(sorted(key))) if 4 <= len(key) <= 8 else None


@functools.lru_cache(maxsize=1)
def _anagrams() -> dict[str, str]:
    """The vocabulary's header words of four to eight letters by their sorted letters: OCR of a narrow header cell
    printed in two lines reads its letters out of order (``考值参分`` for 参考分值, ``标指值年度`` for 年度指标值).

    >>> header_role("考值参分"), header_role("参考分值"), header_role("值分")
    ('weight', 'weight', None)
    """
    out: dict[str, str] = {}
    for word, role in vocab().headers.items():
        key = header_key(word)
        if 4 <= len(key) <= 8:
            out.setdefault("".join(sorted(key)), role)
    return out


@dataclass
class Template:
    """The columns of one table in order, and where its header stood in the stream."""
    roles: list[str]
    start: int            # index of the first header token
    end: int              # index after the last header token
    line: int
    value_given: bool = True   # the header names a value or actual column (else the template added one)
    framework: bool = False    # the header of a scoring framework (评分标准, no value): its rows are no targets

    @property
    def self_eval(self) -> bool:
        return "actual" in self.roles or "score" in self.roles


def _complete(roles: list[str]) -> list[str]:
    """Dedupe roles and add the 一级/二级/三级 columns a header left out. A value column in front of the
    level columns when another follows them is the project's 年度目标 (a goal text), not the target."""
    levels = [k for k, r in enumerate(roles) if r in ("level1", "level2", "level3")]
    if levels and roles.count("value") > 1 and "value" in roles[levels[-1]:]:
        roles = [("description" if r == "value" and k < levels[0] else r) for k, r in enumerate(roles)]
    if levels and roles.count("actual") > 1 and "actual" in roles[levels[-1]:]:
        # "年度绩效指标完成情况" over the levels, 实际完成值 after them: the caption's 完成情况 is no column (doc 163);
        # a last column the header may have lost (分值 of doc 33) takes its place at the end
        roles = [r for k, r in enumerate(roles) if not (r == "actual" and k < levels[0])]
        if roles[-1] == "actual":
            roles = roles + ["other"]
    for k in range(len(roles) - 1):
        if roles[k] == roles[k + 1] == "op":
            # 指标性质 | 指标方向: one holds 正向/反向, the next the comparator (大于等于): the comparator is the later one
            roles = roles[:k] + ["other"] + roles[k + 1:]
    roles = _second_block(_level_weights(roles))
    out: list[str] = []
    for r in roles:
        if r.endswith(SECOND):
            out.append(r)
            continue
        if r == "level3" and out[-1:] == ["level3"]:
            r = "description"   # 三级指标 | 指标内容 side by side: the second name column explains the first
        elif r in out and r not in ("other", "description", "amount", "region"):
            r = "other"
        elif r == "row_label" and "level3" in out:
            r = "other"   # 目标名称 | 目标值 | 评价指标 | 标准值: a second name column, not a row label
        out.append(r)
    if "level3" not in out:   # right after 二级 (before a 绩效标准 description), else before the value
        at = out.index("level2") + 1 if "level2" in out else (out.index("value") if "value" in out else len(out))
        out.insert(at, "level3")
    at = out.index("level3")
    if "level2" not in out:
        out.insert(at, "level2")
    if "level1" not in out:
        out.insert(out.index("level2"), "level1")
    if "value" not in out and "actual" in out:
        out.insert(out.index("actual"), "value")
    elif "value" not in out:   # after the 指标解释 column(s) that follow the name, where the header has them
        at = out.index("level3") + 1
        while at < len(out) and out[at] in ("description", "basis"):
            at += 1
        out.insert(at, "value")
    return out


def _level_weights(roles: list[str]) -> list[str]:
    """Weight columns between the level columns when another follows the 三级 column (一级指标 | 权重 | 二级指标 |
    分值 | 三级指标 | 计量单位 | 目标值 | 分值, docs 27, 358-362): the early ones weigh the 一级/二级 sections, the
    record's own weight is the later one.

    >>> _level_weights(["level1", "weight", "level2", "weight", "level3", "unit", "value", "weight"])
    ['level1', 'other', 'level2', 'other', 'level3', 'unit', 'value', 'weight']
    >>> _level_weights(["level1", "level2", "weight", "level3", "value"])
    ['level1', 'level2', 'weight', 'level3', 'value']
    """
    if "level3" not in roles or "weight" not in roles[roles.index("level3"):]:
        return roles
    at = roles.index("level3")
    return [("other" if r == "weight" and k < at else r) for k, r in enumerate(roles)]


def _second_block(roles: list[str]) -> list[str]:
    """A header that repeats its 二级 | 三级 | 指标值 columns after the value (中期目标 beside 年度目标):
    the repeat is a second block of its own (``level2_b``, ``level3_b``, ``value_b``), read as records too.

    >>> _second_block(["row_label", "level1", "level2", "level3", "value", "level2", "level3", "value"])
    ['row_label', 'level1', 'level2', 'level3', 'value', 'level2_b', 'level3_b', 'value_b']
    """
    if "value" not in roles:
        return roles
    at = roles.index("value") + 1
    rest = roles[at:]
    group = [r for r in roles[:at] if r in ("level2", "level3", "value")]
    if len(group) == 3 and rest[:3] == group:
        return roles[:at] + [r + SECOND for r in group] + rest[3:]
    return roles


_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")


def _roles_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The header role starting at token i, gluing up to three tokens; (role, tokens used)."""
    text = ""
    for k in range(3):
        if i + k >= len(tokens) or _BARE_NUMBER.fullmatch(tokens[i + k].text):
            break   # a bare number is no part of a header word ("其他" "0.00" "三、目标完成情况", doc 23)
        if k and tokens[i + k].gap in ("hard",):
            break
        text += tokens[i + k].text
        role = header_role(text)
        if role and (k == 0 or header_role(tokens[i + k].text) is None or len(tokens[i + k].text) <= 2):
            # "一级" + "指标": glued; "一级指标" + "二级指标": two cells
            if k == 0:
                return role, 1
            return role, k + 1
    return None, 1


# a place a 区域 table's value column is for: a town, county or street, and a village or community in it as one place
# (西坪镇尧山村, doc 202)
_REGION = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道办事处|街道办|街道|区|县|市|镇|乡|旗)(?:[\u4e00-\u9fff]{1,4}?(?:村|社区))?"
                     r"|[\u4e00-\u9fff]{1,6}?(?:村|社区)")


def _region_count(text: str) -> int:
    """Place names a header cell is made of, after a leading header word: ``笏石街道办埭头镇`` → 2,
    ``区域目标值新罗区永定区上杭县`` → 3; 0 when it is anything else."""
    key = header_key(text)
    for cut in range(min(6, len(key) - 2), 1, -1):
        if header_role(key[:cut]) == "value":   # "区域目标值" over the towns' columns
            key = key[cut:]
            break
    if not key or vocab().label_kind(key) or vocab().canonical_level1(key) or vocab().canonical_level2(key):
        return 0
    found = _REGION.findall(key)
    return len(found) if "".join(found) == key else 0


def _regions_at(tokens: list[Token], j: int) -> tuple[int, int]:
    """(place names, tokens) standing right after a header: two or more are the value columns of a 区域 table
    (笏石街道办 | 埭头镇, 新罗区 | 永定区 …), run together or not.

    >>> _regions_at([Token("新罗区", 1, "glue"), Token("永定区", 1, "glue"), Token("产出指标", 1, "glue")], 0)
    (2, 2)
    >>> _regions_at([Token("笏石街道办埭头镇", 1, "glue"), Token("成本指标", 1, "glue")], 0)
    (2, 1)
    """
    k, count = j, 0
    while k < len(tokens):
        here = _region_count(tokens[k].text)
        if not here:
            break
        count += here
        k += 1
    return (count, k - j) if count >= 2 else (0, 0)


def _two_tier(span: list[Token], roles: list[str]) -> list[str]:
    """A header printed on two lines whose second line finishes cells of the first (``年度 | 实际`` over ``指标值 |
    完成值``: 年度指标值 and 实际完成值, doc 126): the second line's value/actual cells take the places of the first
    line's one- or two-letter fragments, in order, instead of being columns after the last one.

    >>> toks = [Token(t, 1, "space") for t in ("一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分")]
    >>> toks += [Token("指标值", 2, "line"), Token("完成值", 2, "space")]
    >>> _two_tier(toks, ["level1", "level2", "level3", "actual", "weight", "score", "value", "actual"])
    ['level1', 'level2', 'level3', 'value', 'actual', 'weight', 'score']
    """
    lines = sorted({t.line for t in span})
    if len(lines) < 2:
        return roles
    second = [t for t in span if t.line == lines[-1]]
    first = [t for t in span if t.line == lines[-2]]
    if not 1 <= len(second) <= 3 or len(second) >= len(first):
        return roles
    late = [header_role(t.text) for t in second]
    fragments = [k for k, t in enumerate(first) if len(header_key(t.text)) <= 2
                 and header_role(t.text) in (None, "value", "actual")]
    if any(r not in ("value", "actual") for r in late) or len(fragments) != len(second):
        return roles
    merged = [header_role(t.text) for t in first]
    for k, r in zip(fragments, late):
        merged[k] = r
    if any(r is None for r in merged):
        return roles
    earlier = [r for r in (header_role(t.text) for t in span if t.line < lines[-2]) if r]
    return earlier + merged


def _sub_columns(span: list[Token], roles: list[str]) -> list[str]:
    """A header whose second line splits cells of the first (河北's 自评表: ``预期指标值`` over ``符号 | 单位(文字描述)``,
    ``自评得分`` over ``单项指标得分 | 权重占比``, doc 23): the target is three columns, comparator, number and unit, and
    the score cell the second line's score and weight columns (its weight, not the first line's ``指标分值``).

    >>> toks = [Token(t, 1, "space") for t in ("三级指标", "指标分值", "预期指标值", "实际完成值", "自评得分")]
    >>> toks += [Token("符号", 2, "line"), Token("单位", 2, "space"), Token("单项指标得分", 2, "space"),
    ...          Token("权重占比", 2, "space")]
    >>> _sub_columns(toks, ["level3", "weight", "value", "actual", "score", "op", "unit", "score", "weight"])
    ['level3', 'description', 'op', 'value', 'unit', 'actual', 'score', 'weight']
    """
    lines = sorted({t.line for t in span})
    if len(lines) < 2:
        return roles
    second = [header_role(t.text) for t in span if t.line == lines[-1]]
    first = roles[:len(roles) - len(second)]
    if second[:2] != ["op", "unit"] or None in second or first.count("value") != 1 or "op" in first:
        return roles
    at = first.index("value")
    out = first[:at] + ["op", "value", "unit"] + first[at + 1:]
    rest = second[2:]
    if rest:
        if out.count("score") != 1 or out.index("score") < at:
            return roles
        at = out.index("score")
        out = out[:at] + rest + out[at + 1:]
        if "weight" in rest:
            out = ["description" if r == "weight" and k < at else r for k, r in enumerate(out)]
    return out


def _grade_scale(tokens: list[Token], j: int) -> int:
    """How many cells from token j are a grading scale's column heads (``优 | 良 | 中 | 差``, doc 310; the scales are
    ``reader.toml [words] grade_scales``), else 0.

    >>> _grade_scale([Token(t, 1, "cell") for t in ("優", "良", "中", "差", "產出指標")], 0)
    4
    """
    for scale in words().grade_scales:
        keys = tuple(simplified(header_key(t.text)) for t in tokens[j:j + len(scale)])
        if keys == scale:
            return len(scale)
    return 0


_AFTER_TARGET = ("actual", "weight", "score", "reason")


def _tiers_in_one_row(roles: list[str]) -> list[str]:
    """A two-tier header printed as one row: ``绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因`` over ``一级指标 |
    二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`` (the second tier finishes 绩效指标 and 年度指标值, doc 79): the second
    tier's columns first, then the first tier's actual, weight, score and reason columns.

    >>> _tiers_in_one_row(["row_label", "value", "actual", "weight", "score", "reason",
    ...                    "level1", "level2", "level3", "op", "value", "unit"])
    ['level1', 'level2', 'level3', 'op', 'value', 'unit', 'actual', 'weight', 'score', 'reason']
    >>> _tiers_in_one_row(["row_label", "level1", "level2", "level3", "value", "actual"])
    ['row_label', 'level1', 'level2', 'level3', 'value', 'actual']
    """
    levels = [k for k, r in enumerate(roles) if r in ("level1", "level2", "level3")]
    if not levels or roles[:1] != ["row_label"] or roles[levels[0]:levels[0] + 3] != ["level1", "level2", "level3"]:
        return roles
    first, second = roles[1:levels[0]], roles[levels[0]:]
    if "actual" not in first or "value" not in second or any(r in _AFTER_TARGET for r in second):
        return roles
    return second + [r for r in first if r in _AFTER_TARGET]


_SCORING = re.compile(r"评分(?:标准|办法|细则|要点|方法)|评分依据|扣分标准")


def _scoring_framework(cells, roles: list[str]) -> bool:
    """A header naming no value or actual column but a 评分标准 (how each row is scored): the framework an evaluation
    scores a project by, its rows are no targets.

    >>> from .stream import Token
    >>> _scoring_framework([Token(t, 1, "cell") for t in ("三级指标", "指标分值", "评分标准")], ["level3", "weight", "basis"])
    True
    """
    return not {"value", "actual"} & set(roles) and any(_SCORING.search(header_key(c.text)) for c in cells)


def find_templates(tokens: list[Token]) -> list[Template]:
    """Every header in the stream: a run of at least three header cells naming a 三级 or value column
    and a 二级 or 一级 column (or a value and an actual column)."""
    v = vocab()
    found: list[Template] = []
    i = 0
    n = len(tokens)
    while i < n:
        role, used = _roles_at(tokens, i)
        # 序号 | 三级指标 | 年度指标值; 单位名称 | 项目名称 | … (docs 64, 384: the unit's own column before the project's)
        lead = role == "other" and (header_key(tokens[i].text) == "序号" or (
            i + 1 < n and header_key(tokens[i].text) == "单位名称" and header_role(tokens[i + 1].text) == "project"))
        if role is None or (role == "other" and not lead) or v.canonical_level1(tokens[i].text) \
                or v.canonical_level2(tokens[i].text):
            i += 1
            continue
        roles: list[str] = []
        j = i
        strays = 0
        while j < n:
            r, u = _roles_at(tokens, j)
            if r is None and header_key(tokens[j].text) == "指标" and j + 1 < n and \
                    header_role(tokens[j + 1].text) in ("weight", "unit", "op", "value"):
                r, u = "level3", 1   # "指标 | 指标权重 | 计量单位 | …": the bare word names the 三级 column
            if r is None and roles and roles[-1] == "level3" and header_key(tokens[j].text) == "绩效目标":
                r, u = "value", 1   # "指标名称 | 绩效目标 | 绩效标准": right after the name, the target's column (doc 139)
            elif r is None and roles[-2:] == ["row_label", "row_label"] and header_key(tokens[j].text) == "绩效目标":
                # "指标类型 | 绩效指标 | 绩效目标 | 绩效标准" (doc 310): the second label names the indicators
                roles[-1] = "level3"
                r, u = "value", 1
            if r is None and roles and "value" in roles and j + 1 < n and header_role(tokens[j + 1].text) \
                    and _GARBLED_VALUE.match(header_key(tokens[j].text)):
                # "年成值全完值" (an OCR'd 全年完成值) between 调整指标值 and 得分系数: a value column of the header
                r, u = ("actual" if "actual" not in roles else "other"), 1
            if r is None:
                # a lone weight ("100") or stray mark between header cells is tolerated once
                stray = tokens[j].text
                if strays == 0 and j + 1 < n and header_role(tokens[j + 1].text) and (
                        len(stray) <= 4 or (stray[0] in "(（" and stray[-1] in ")）")):
                    strays += 1
                    j += 1
                    continue
                break
            if r in ("project", "code") and {"level3", "value"} & set(roles):
                break   # a 项目 cell after the indicator columns starts the data, not a column
            if r == "row_label" and "row_label" in roles and {"level3", "value"} <= set(roles):
                break   # "绩效指标" again after the value column: the first row's label, not a column
            roles.append(r)
            j += u
        grades = _grade_scale(tokens, j)
        if grades and roles:   # 绩效标准 over 优 | 良 | 中 | 差: a column per grade, the first the standard's own
            roles += ["other"] * (grades - (roles[-1] == "description"))
            j += grades
        roles = _sub_columns(tokens[i:j], _two_tier(tokens[i:j], roles))
        regions, used = _regions_at(tokens, j) if roles else (0, 0)
        if regions:   # 区域绩效目标表: one value column per town or county after the header's own cells
            roles += (["region"] * regions) if "value" in roles else (["value"] + ["region"] * (regions - 1))
            j += used
        levels = [k for k, r in enumerate(roles) if r in ("level1", "level2", "level3")]
        if levels and all(r in ("value", "actual", "weight", "score") for r in roles[:levels[0]]):
            roles = roles[levels[0]:]   # "绩效目标完成情况" in front of 一级指标: a caption, not columns
        elif "row_label" in roles[:levels[0] if levels else 0] and \
                all(r in ("value", "actual", "weight", "score") for r in roles[:roles.index("row_label")]):
            roles = roles[roles.index("row_label"):]   # "年度目标" ending the goal line before 绩效指标 | 一级指标
        roles = _tiers_in_one_row(roles)
        names = set(roles)
        goal_caption = names <= {"value", "actual"} and v.label_kind(header_key(tokens[i].text)) == "goal"
        ok = (len(roles) >= 3 and ({"level3", "value"} & names) and ({"level1", "level2"} & names)) \
            or (len(roles) >= 3 and {"value", "actual"} <= names and not goal_caption) \
            or (len(roles) >= 3 and {"level3", "value"} <= names) \
            or (len(roles) >= 3 and {"project", "value"} <= names)   # 项目 | 指标值 | 绩效金额: an outline
        # ("年度目标完成情况 | 预期目标 | 实际完成目标": the goal block's caption over the goal and what was done, doc 395)
        if ok:
            # (指标分值 | 指标解释说明 | 评分标准 and no value: an evaluator's framework, no targets: doc 313)
            found.append(Template(roles=_complete(roles), start=i, end=j, line=tokens[i].line,
                                  value_given=bool({"value", "actual"} & set(roles)),
                                  framework=_scoring_framework(tokens[i:j], roles)))
            i = j
        else:
            i += 1
    return found
