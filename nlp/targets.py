"""Structured targets from 指标值 text: comparator, number(s), unit, period, direction, deadline, grade.

One value class, :class:`Target`, built with :meth:`Target.fromstring`; the vocabulary
(comparators, units, periods, grades, placeholders) is ``data/vocab/targets.toml``.

>>> t = Target.fromstring("≥日均1万人次")
>>> (t.kind, t.op, t.value, t.unit, t.period, t.value_base, t.unit_base)
('quantitative', '>=', 1.0, '万人次', '日均', 10000.0, '人次')
>>> Target.fromstring("下降10%").op
'decrease_by'
>>> t = Target.fromstring("3-6人"); (t.op, t.value, t.value_max, t.unit)
('between', 3.0, 6.0, '人')
>>> t = Target.fromstring("十余次"); (t.op, t.value, t.unit)
('>', 10.0, '次')
>>> Target.fromstring("12月底前", year=2021).deadline
'2021-12-31'
>>> Target.fromstring("95", name="完成率(%)").unit
'%'
>>> t = Target.fromstring("6070", name="项目总投入(≥**万元)"); (t.unit, t.value_base)
('万元', 60700000.0)
>>> Target.fromstring("有所提升").grade
'improve'
>>> Target.fromstring("≥**%").kind
'missing'
>>> [p.value for p in Target.fromstring("541.65万元；48.21万元；").parts]
[541.65, 48.21]
"""
from __future__ import annotations

import calendar
import functools
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from indicators.text import simplified
from indicators.vocab import DATA_DIR

VOCAB_FILE = DATA_DIR / "vocab" / "targets.toml"

KINDS = ("quantitative", "deadline", "qualitative", "missing")
OPS = (">=", "<=", ">", "<", "=", "between", "decrease_by", "increase_by")
# span labels for the spaCy layer
COMPARATOR, NUMBER, UNIT, PERIOD, DIRECTION, DATE = "COMPARATOR", "NUMBER", "UNIT", "PERIOD", "DIRECTION", "DATE"

_GUID = re.compile(r"^[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}$")
_LATEX_MAP = {"\\geq": "≥", "\\ge": "≥", "\\geqslant": "≥", "\\leq": "≤", "\\le": "≤", "\\leqslant": "≤",
              "\\%": "%"}
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_NUM = re.compile(f"[{_CN_DIGITS}]+")
_PERCENT_WORDS = re.compile(f"百分之([{_CN_DIGITS}点]+|\\d+(?:\\.\\d+)?)")
_RANGE_SEP = "-~至到"
_SPLIT = re.compile(r"[；;]")
# "完成率(%)", and the template placeholder "成活率(≥**%)", "总投入(≥**万元)": the unit is what follows the stars
_NAME_UNIT = re.compile(r"[（(](?:[≥≤><=＞＜]\s*)?(?:[*＊xX×]+)?([^()（）*＊≥≤><=＞＜]{1,6})[)）]\s*$")   # (≥米) too
_DATE_PATTERNS = [
    # (regex, kind) — handled in _deadline()
    (re.compile(r"次年(\d{1,2})月底"), "next_month_end"),
    (re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"), "ymd"),
    (re.compile(r"((?:19|20)\d{2})年(\d{1,2})月底"), "ym_end"),
    (re.compile(r"((?:19|20)\d{2})年(?:底|末|12月底|年底|年末)"), "y_end"),   # 2025年年底前 as 2025年底前
    (re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?![\d日])"), "ym_end"),        # 2025年12月: by the month's end
    (re.compile(r"^((?:19|20)\d{2})年(?:全年|年内|内|度)?[\0。.]*$"), "y_end"),        # 2021年, 2021年全年: within the year
    (re.compile(r"(?<![\d年月.])(\d{1,2})月(?:前|以前|之前)"), "m_before"),      # 9月前: before the month begins
    (re.compile(r"(?<![\d月])(\d{1,2})月(\d{1,2})日前"), "md"),
    (re.compile(r"(?<![\d年])(\d{1,2})月底"), "m_end"),
    (re.compile(r"^年底|^年末|年内完成|^年内|当年完成"), "this_year_end"),
    (re.compile(r"上半年"), "h1"),
    (re.compile(r"下半年"), "h2"),
    (re.compile(r"第([一二三四1-4])季度"), "quarter"),
]


@dataclass
class Target:
    raw: str
    kind: str = "missing"
    op: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    value_base: float | None = None
    unit_base: str = ""
    period: str = ""
    deadline: str = ""
    grade: str = ""
    guess: str = ""            # a reading that is a guess ("ocr_ge": 292% read as ≥92%); the reviewer checks it
    parts: list["Target"] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label) in raw

    @classmethod
    def fromstring(cls, raw: str | None, name: str = "", year: int | None = None) -> "Target":
        """Parse one 指标值 (``name`` is the 三级指标, used for units like ``完成率(%)`` and copies)."""
        raw = raw or ""
        target = _parse_cached(raw, year)
        if name:
            target = _with_name(target, name, year)
        return target

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("spans")
        d["parts"] = [p.raw for p in self.parts] if len(self.parts) > 1 else []
        return d


# -- vocabulary ----------------------------------------------------------------------------
@dataclass
class TargetVocab:
    glyphs: list[tuple[str, str]]
    prefix: list[tuple[str, str]]          # (word, op), longest first
    suffix: list[tuple[str, str]]
    directions: list[tuple[str, str]]
    approx_more: list[str]
    total_words: tuple[str, ...]           # 共, 约: a later number after one is the amount (_total)
    multipliers: list[tuple[str, float]]
    units: list[str]
    name_units: set[str]
    per_units: list[str]                   # what may follow a unit's slash only: 元/生 (per student)
    after_slash: list[str]                 # units, then per_units: what a compound unit's slash may be followed by
    periods: list[tuple[str, str, bool]]   # (word, period, start-only)
    deadline_words: list[str]
    whole_year: frozenset[str]             # 全年, 年内: a time row's value for the table's year (_calendar_year)
    duration: re.Pattern
    grades: list[tuple[str, list[str]]]
    missing_exact: set[str]
    missing_contains: list[str]
    idioms: tuple[str, ...] = ()           # 一次性, 一站式: a Chinese 一 and a unit that count nothing


@functools.lru_cache(maxsize=1)
def target_vocab(path: Path = VOCAB_FILE) -> TargetVocab:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)

    def by_len(pairs):
        return sorted(pairs, key=lambda p: -len(p[0]))

    periods = []
    for word, period in raw["periods"].items():
        periods.append((word.lstrip("^"), period, word.startswith("^")))
    dl = raw["deadline"]
    duration = re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(map(re.escape, sorted(dl["duration_units"], key=len, reverse=True)))
                          + r")(?:以?)(?:" + "|".join(map(re.escape, dl["duration_after"])) + ")")
    units = sorted(raw["units"]["list"], key=len, reverse=True)
    per_units = sorted(raw["units"].get("per_units", []), key=len, reverse=True)
    return TargetVocab(
        glyphs=by_len(raw["glyphs"].items()),
        prefix=by_len([(w, op) for op, ws in raw["comparators"]["prefix"].items() for w in ws]),
        suffix=by_len([(w, op) for op, ws in raw["comparators"]["suffix"].items() for w in ws]),
        directions=by_len([(w, op) for op, ws in raw["directions"].items() for w in ws]),
        approx_more=raw["approx"]["more"],
        total_words=tuple(raw["approx"].get("total", ())),
        multipliers=by_len([(k, float(v)) for k, v in raw["multipliers"].items()]),
        units=units,
        name_units=set(raw["units"]["name_units"]),
        per_units=per_units,
        after_slash=units + per_units,
        periods=by_len(periods),
        deadline_words=dl["words"],
        whole_year=frozenset(dl.get("whole_year", ())),
        duration=duration,
        grades=[(g, raw["grades"][g]) for g in ("graded", "improve", "maintain", "achieve")],
        missing_exact={w.lower() for w in raw["missing"]["exact"]},
        missing_contains=raw["missing"]["contains"],
        idioms=tuple(raw["units"].get("idioms", ())),
    )


# -- normalisation with an index map back to the raw text ----------------------------------------
def normalize(raw: str) -> tuple[str, list[int]]:
    r"""Fold glyphs and widths, drop whitespace and markup; ``idx[i]`` is the raw position of char i.

    >>> normalize("》 98 ％")[0]
    '≥98%'
    >>> normalize("2759.9 m^2")[0]
    '2759.9平方米'
    >>> normalize("清洁度 $\\geq 95\\%$")[0]
    '清洁度≥95%'
    """
    special, glyphs = _special_pattern()
    text: list[str] = []
    idx: list[int] = []
    pos = 0
    for m in special.finditer(raw):
        _copy(raw, pos, m.start(), text, idx)
        token = m.group()
        if token in glyphs:
            rep = glyphs[token]
        elif token.startswith("&"):
            rep = _ENTITIES.get(token, "")
        elif token.startswith("\\"):
            rep = _LATEX_MAP.get(token, "")
        else:  # whitespace, tags, $ { } and LaTeX wrappers vanish
            rep = ""
        for c in rep:
            text.append(c)
            idx.append(m.start())
        pos = m.end()
    _copy(raw, pos, len(raw), text, idx)
    out = simplified("".join(text))   # 萬元 is 万元: a character table, the length stays
    # width folding may have produced new multi-char comparators (NFKC "＞＝" -> ">=")
    for src, dst in ((">=", "≥"), ("<=", "≤"), ("≥=", "≥"), ("m2", "平方米")):
        while src in out:
            k = out.index(src)
            if src == "m2" and (k + 2 < len(out) and out[k + 2].isdigit()):
                break
            out = out[:k] + dst + out[k + len(src):]
            idx = idx[:k] + [idx[k]] * len(dst) + idx[k + len(src):]
    return out, idx


_ENTITIES = {"&gt;": ">", "&lt;": "<", "&amp;": "&", "&nbsp;": "", "&ge;": "≥", "&le;": "≤"}


@functools.lru_cache(maxsize=1)
def _special_pattern() -> tuple[re.Pattern, dict[str, str]]:
    glyphs = dict(target_vocab().glyphs)
    alternatives = [r"<[^>]{0,200}>", r"&(?:gt|lt|amp|nbsp|ge|le);",
                    r"\\(?:geqslant|geq|ge|leqslant|leq|le|%|text|mathrm)", r"[${}]", r"\s+"]
    alternatives += [re.escape(g) for g, _ in sorted(glyphs.items(), key=lambda kv: -len(kv[0]))]
    return re.compile("|".join(alternatives)), glyphs


def _copy(raw: str, a: int, b: int, text: list[str], idx: list[int]) -> None:
    for i in range(a, b):
        ch = raw[i]
        if ord(ch) < 128 or "\u4e00" <= ch <= "\u9fff":
            text.append(ch)
            idx.append(i)
            continue
        for c in unicodedata.normalize("NFKC", ch):
            text.append(c)
            idx.append(i)


# -- parsing ---------------------------------------------------------------------------------
@functools.lru_cache(maxsize=200_000)
def _parse_cached(raw: str, year: int | None) -> Target:
    return _parse(raw, year)


def _parse(raw: str, year: int | None) -> Target:
    text, idx = normalize(raw)
    pieces = [(m.start(), m.end()) for m in _iter_parts(text)]
    if len(pieces) > 1:
        parts = [_parse_part(raw, text[a:b], idx[a:b], year) for a, b in pieces]
        first = parts[0]
        spans = [s for p in parts for s in p.spans]
        return Target(**{**first.__dict__, "raw": raw, "parts": parts, "spans": spans})
    t = _parse_part(raw, text, idx, year)
    return t


def _iter_parts(text: str):
    """Pieces of a multi-value cell ("≥95%；≥90%", "5000本、100万张"); one piece if not."""
    pieces = [p for p in re.finditer(r"[^；;]+", text)]
    if len(pieces) > 1:
        return pieces
    # "4套电脑和4台打印机", "5000本、100万张": split only when every piece has its own number
    alt = [p for p in re.finditer(r"[^、和及]+", text)]
    if len(alt) > 1 and all(_ARABIC.search(p.group()) for p in alt):
        return alt
    return [re.match(r".*", text, re.S)] if text else []


def _parse_part(raw: str, text: str, idx: list[int], year: int | None) -> Target:
    v = target_vocab()
    t = Target(raw=raw)
    spans: list[tuple[int, int, str]] = []

    def mark(a: int, b: int, label: str):
        if a < b and b <= len(idx):
            spans.append((idx[a], idx[b - 1] + 1, label))

    text_stripped = text.strip("。.，,；;")
    if _is_missing(text_stripped, v):
        t.kind = "missing"
        return t

    # periods (removed from the working text so that 一季度 is not read as a number)
    work = list(text)
    for word, period, start_only in v.periods:
        pos = text.find(word) if not start_only else (0 if text.startswith(word) else -1)
        if pos >= 0 and word.startswith("/") and _per_unit_at(text, pos + len(word), v):
            continue   # "1130元/月/人": the month sits inside a compound unit (元 per month per person)
        if pos >= 0 and not t.period:
            if word == "年度" and re.search(r"\d年度", text):
                continue
            t.period = period
            mark(pos, pos + len(word), PERIOD)
            for k in range(pos, pos + len(word)):
                work[k] = "\0"
    masked = "".join(work)

    # deadlines: dates first, then time limits ("10个工作日内"), then deadline words without numbers
    span = _date_range(masked, year)
    if span is not None:
        (start, end), (a, b) = span
        t.kind, t.deadline, t.period = "deadline", end, f"{start}~{end}" if start and end else ""
        mark(a, b, DATE)
        t.spans = spans
        return t
    iso = _deadline(masked, year)
    m_dur = v.duration.search(masked)
    if iso is not None or (iso is None and _has_date(masked)):
        t.kind, t.deadline = "deadline", iso or ""
        m = next((p.search(masked) for p, _ in _DATE_PATTERNS if p.search(masked)), None)
        if m:
            mark(m.start(), m.end(), DATE)
        t.spans = spans
        return t
    if m_dur and not re.search(r"以内", masked[m_dur.start():m_dur.end() + 1]):
        t.kind = "deadline"
        mark(m_dur.start(), m_dur.end(), DATE)
        if not t.period:
            t.value, t.unit = float(m_dur.group(1)), m_dur.group(2)
            t.value_base, t.unit_base = t.value, t.unit
        t.spans = spans
        return t

    if _quantity(masked, t, mark, v):
        t.kind = "quantitative"
        t.spans = spans
        return t
    if any(w in text for w in v.deadline_words):
        t.kind = "deadline"
        t.spans = spans
        return t
    if _unit_only(text_stripped, v):
        t.kind = "missing"   # "公里", "万亩": the unit of an unfilled template, no target
        t.spans = spans
        return t
    t.kind = "qualitative"
    t.grade = _grade(text_stripped, v)
    t.spans = spans
    return t


def _is_missing(text: str, v: TargetVocab) -> bool:
    if not text or text.lower() in v.missing_exact or _GUID.match(text):
        return True
    if any(w in text for w in v.missing_contains):
        return True
    return bool(re.fullmatch(r"[\W_]+", text)) or text.startswith("指标1") or text.startswith("目标1")


_YMD = r"(?:19|20)\d{2}\s*(?:[.\-/年]\s*\d{1,2}\s*(?:[.\-/月]\s*\d{1,2}\s*日?|月)?|年)?"
_MD = r"\d{1,2}\s*(?:[.\-/月]\s*\d{1,2}\s*日?|月)?"
_RANGE = re.compile(rf"(?P<a>{_YMD})\s*(?:-{{1,2}}|~|～|至|到|—{{1,2}}|－)\s*(?P<b>{_YMD}|{_MD})(?:之前|以前|前|完成)?")
_MONTHS = re.compile(r"(?P<a>\d{1,2})\s*月?\s*(?:-{1,2}|~|～|至|到|—{1,2})\s*(?P<b>\d{1,2})\s*月(?:份)?")


def _date_parts(text: str, default_year: int | None) -> tuple[int | None, int | None, int | None]:
    nums = [int(n) for n in re.findall(r"\d+", text)]
    if nums and nums[0] >= 1900:
        y, rest = nums[0], nums[1:]
    else:
        y, rest = default_year, nums
    return y, (rest[0] if rest else None), (rest[1] if len(rest) > 1 else None)


def _iso(y: int | None, m: int | None, d: int | None, end: bool) -> str:
    if y is None:
        return ""
    if m is None:
        return f"{y:04d}-12-31" if end else f"{y:04d}-01-01"
    if d is None:
        return _month_end(y, m) if end else f"{y:04d}-{m:02d}-01"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:   # (monthrange raises for a month that is not one)
        raise ValueError(d)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _date_range(text: str, year: int | None) -> tuple[tuple[str, str], tuple[int, int]] | None:
    """A span of dates is a period with an end, not two numbers.

    >>> _date_range("2023.07-2024.01", None)[0]
    ('2023-07-01', '2024-01-31')
    >>> _date_range("2020年1月--2020年11月", None)[0], _date_range("2021.1.1-12.31", None)[0]
    (('2020-01-01', '2020-11-30'), ('2021-01-01', '2021-12-31'))
    >>> _date_range("1-12月", 2021)[0], _date_range("3-6人", 2021)
    (('2021-01-01', '2021-12-31'), None)
    """
    body = text.strip("\0 。.，,；;")
    for rx in (_RANGE, _MONTHS):
        m = rx.fullmatch(body)
        if not m:
            continue
        ya, ma, da = _date_parts(m.group("a"), year)
        if rx is _MONTHS:
            ma, da = int(m.group("a")), None
            yb, mb, db = ya, int(m.group("b")), None
        else:
            yb, mb, db = _date_parts(m.group("b"), ya)
        try:
            start, end = _iso(ya, ma, da, False), _iso(yb, mb, db, True)
        except ValueError:
            return None
        if start and end and start > end:
            return None
        off = text.find(body)
        return (start, end), (off, off + len(body))
    return None


def _has_date(text: str) -> bool:
    return any(p.search(text) for p, _ in _DATE_PATTERNS)


def _unit_only(text: str, v: TargetVocab) -> bool:
    """A value that is only a unit (``公里``, ``万亩``, ``%``).

    >>> _unit_only("万亩", target_vocab()), _unit_only("优", target_vocab())
    (True, False)
    """
    bare = text.strip("（）() ")
    if bare[:1] in ("万", "千", "亿") and len(bare) > 1:
        bare = bare[1:]
    return bool(bare) and (bare in v.units or bare in v.name_units)


def _deadline(text: str, year: int | None) -> str | None:
    """ISO date of a deadline when the value and the table year determine one."""
    for pattern, kind in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        try:
            if kind == "ymd":
                return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            if kind == "ym_end":
                return _month_end(int(m.group(1)), int(m.group(2)))
            if kind == "y_end":
                return f"{int(m.group(1)):04d}-12-31"
            if year is None:
                return ""
            if kind == "next_month_end":
                return _month_end(year + 1, int(m.group(1)))
            if kind == "md":
                return f"{year:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
            if kind == "m_end":
                return _month_end(year, int(m.group(1)))
            if kind == "m_before":
                mth = int(m.group(1))
                return _month_end(year, mth - 1) if mth > 1 else f"{year - 1:04d}-12-31"
            if kind in ("this_year_end", "h2"):
                return f"{year:04d}-12-31"
            if kind == "h1":
                return f"{year:04d}-06-30"
            if kind == "quarter":
                q = "一二三四".find(m.group(1)) + 1 if m.group(1) in "一二三四" else int(m.group(1))
                return _month_end(year, q * 3)
        except ValueError:
            return ""
    return None


def _month_end(y: int, mth: int) -> str:
    if not 1 <= mth <= 12:
        raise ValueError(mth)
    return f"{y:04d}-{mth:02d}-{calendar.monthrange(y, mth)[1]:02d}"


def _cn_number(span: str) -> float | None:
    import cn2an
    try:
        return float(cn2an.cn2an(span, "smart"))
    except (ValueError, KeyError, IndexError, OverflowError):   # (a run of 300 一 is no number a float holds: fuzzing)
        return None


def _find_number(text: str, v: TargetVocab):
    """First number in text: (start, end, value, is_chinese). Chinese numerals only before a unit/余/多/end."""
    m = _PERCENT_WORDS.search(text)
    if m:
        val = _cn_number(m.group(1)) if not m.group(1)[0].isdigit() else float(m.group(1))
        if val is not None:
            return m.start(), m.end(), val, "percent"
    numbers = [m for m in _ARABIC.finditer(text)
               # "较2022年增长5%": the baseline year is not the target (but "不低于5年" is five years: doc 250)
               if not (text[m.end():m.end() + 1] == "年" and text[max(0, m.start() - 1):m.start()] in ("较", "比", "于")
                       and re.fullmatch(r"(?:19|20)\d\d", m.group()))]
    if numbers:
        m = _total(text, numbers)
        return m.start(), m.end(), float(m.group().replace(",", "")), "arabic"
    for m in _CN_NUM.finditer(text):
        span = m.group()
        rest = text[m.end():]
        if span in ("万", "千", "亿", "百", "十万") or span.startswith(("万", "千", "亿", "百")):
            continue
        if not (rest == "" or rest[0] in "余多" or any(rest.startswith(u) for u in v.units)):
            continue
        if any(text.startswith(w, m.start()) for w in v.idioms):
            continue   # 一次性通过验收 is no count of one (doc 181)
        val = _cn_number(span)
        if val is not None:
            return m.start(), m.end(), val, "chinese"
    return None


def _total(text: str, numbers: list) -> re.Match:
    """The number a sentence of several counts sets as its amount: the first, unless a later one is the total or the
    estimate the sentence leads to (``14个村(居），共60户``, ``14个村（居）320户农户住房阴阳沟整治，约16公里``: doc 401).

    >>> Target.fromstring("14个村(居），共60户").value, Target.fromstring("约16公里").value
    (60.0, 16.0)
    """
    first = numbers[0]
    total = target_vocab().total_words
    if text[:first.start()].endswith(total):
        return first
    # (a total inside brackets explains the first number: "1股(3户共9股)", doc 251)
    return next((m for m in numbers[1:] if text[:m.start()].endswith(total) and not _in_brackets(text, m.start())),
                first)


def _in_brackets(text: str, i: int) -> bool:
    before = text[:i]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _quantity(text: str, t: Target, mark, v: TargetVocab) -> bool:
    found = _find_number(text, v)
    if not found:
        return False
    a, b, value, how = found
    t.value, t.op = value, "="
    mark(a, b, NUMBER)
    if how == "percent":
        t.unit, t.unit_base, t.value_base = "%", "%", value
        return True
    before = text[:a].replace("\0", "")
    # direction words (下降10%) and comparators (≥, 不低于) written before the number
    for word, op in v.directions:
        k = text.rfind(word, 0, a)
        if k >= 0:
            t.op = op
            mark(k, k + len(word), DIRECTION)
            # "缩短至5个工作日", "下降到3%": a bound, not a change
            after = text[k + len(word):a]
            if after.startswith(("至", "到")):
                t.op = "<=" if op == "decrease_by" else ">="
            break
    if t.op == "=":
        for word, op in v.prefix:
            k = text.rfind(word, 0, a)
            if k < 0:
                continue
            gap = text[k + len(word):a].replace("\0", "")
            # (or the target opens with it and a share of something follows: "不少于项目区的30%")
            if not re.search(r"[\u4e00-\u9fff]{3,}", gap) or (
                    not text[:k].strip("\0") and gap.endswith("的") and len(gap) <= 8):
                t.op = op
                mark(k, k + len(word), COMPARATOR)
                break
    del before
    pos = b
    # range: 3-6人, 10至20家, 80%-90%
    unit_first = _unit_at(text, pos, v)
    after_unit = pos + len(unit_first[0]) if unit_first[0] == "%" else pos
    if after_unit < len(text) and text[after_unit] in _RANGE_SEP and how == "arabic":
        m2 = _ARABIC.match(text, after_unit + 1)
        if m2:
            t.op, t.value_max = "between", float(m2.group().replace(",", ""))
            mark(m2.start(), m2.end(), NUMBER)
            pos = m2.end()
    # 余/多 after the number: more than
    if pos < len(text) and text[pos] in v.approx_more:
        if t.op == "=":
            t.op = ">"
        pos += 1
    unit, mult, upos = _unit_at(text, pos, v)
    if unit:
        mark(pos, upos, UNIT)
        pos = upos
        if pos < len(text) and text[pos] in v.approx_more and t.op == "=":
            t.op = ">"
            pos += 1
    t.unit = unit
    base_unit = unit[len(mult[0]):] if mult else unit
    t.unit_base = base_unit
    factor = mult[1] if mult else 1.0
    t.value_base = value * factor
    if how == "chinese" and mult:  # 一千二百万 already folded by cn2an
        t.value_base = value
    # comparators written after the unit: 90%以上, 5个工作日以内
    rest = text[pos:]
    for word, op in v.suffix:
        k = rest.find(word)
        if k >= 0 and k <= 2 and t.op in ("=", ">="):
            t.op = op
            mark(pos + k, pos + k + len(word), COMPARATOR)
            break
    return True


_PER_TIME = "年月日天周季"
_PERIOD_THEN_UNIT = re.compile(rf"/([{_PER_TIME}])/")
_PER_COUNT = re.compile(r"/(?:10|100|1000)?[万千百]?(?=[\u4e00-\u9fff])")   # /10万公顷, /万人: per a count


def _per_unit_at(text: str, i: int, v: "TargetVocab") -> bool:
    """A slash and a "per" noun at i (``/人`` in ``1130元/月/人``)."""
    return text[i:i + 1] == "/" and any(text.startswith(u, i + 1) for u in v.per_units)


def _unit_at(text: str, pos: int, v: TargetVocab) -> tuple[str, tuple[str, float] | None, int]:
    """Unit starting at pos, with an optional multiplier prefix (万人次) and a compound (/人)."""
    mult = None
    p = pos
    for word, factor in v.multipliers:
        if text.startswith(word, p):
            mult = (word, factor)
            p += len(word)
            break
    unit = ""
    for u in v.units:
        if text.startswith(u, p):
            unit = u
            p += len(u)
            break
    if unit and p < len(text) and text[p] == "/":
        per = v.after_slash
        for u in per:
            if text.startswith(u, p + 1) and not any(text.startswith(w, p) for w, _, _ in v.periods):
                unit += "/" + u
                p += 1 + len(u)
                break
        else:   # "1130元/月/人": a period between two units is part of one compound unit, not the value's period
            m = _PERIOD_THEN_UNIT.match(text, p)
            u = next((u for u in per if text.startswith(u, m.end())), None) if m else None
            rate = _PER_COUNT.match(text, p)
            if u:
                unit += text[p:m.end()] + u
                p = m.end() + len(u)
            elif rate and any(text.startswith(u, rate.end()) for u in per):
                # "6.5次/10万公顷", "15/10万人": a rate per a count of something (doc 243)
                u = next(u for u in per if text.startswith(u, rate.end()))
                unit += text[p:rate.end()] + u
                p = rate.end() + len(u)
        if "/" in unit and p + 1 < len(text) and text[p] in "·*、." and text[p + 1] in _PER_TIME:
            unit += text[p:p + 2]   # "530元/人·月", "400元/人、天": per person and month
            p += 2
    if mult and not unit:
        return mult[0], mult, p
    if mult:
        return mult[0] + unit, mult, p
    return unit, None, p


def _grade(text: str, v: TargetVocab) -> str:
    bare = re.sub(r"[“”\"'‘’「」]|以上$|及以上$", "", text)
    for grade, words in v.grades:
        if grade == "graded":
            if bare in words:
                return grade
        elif any(w in text for w in words):
            return grade
    return "unclear"


def _chars(s: str) -> set[str]:
    return {c for c in s if "\u4e00" <= c <= "\u9fff" or c.isalnum()}


_RATE_NAME = re.compile(r"率|度|满意|比例|占比")


def _ocr_comparator(target: Target, name_key: str) -> Target | None:
    """OCR reads ``≥`` as ``2``: a rate of ``292%`` is ``≥92%``. Returned as a flagged guess, never silently.

    >>> t = Target.fromstring("292%", name="设备更新验收合格率"); (t.op, t.value, t.guess)
    ('>=', 92.0, 'ocr_ge')
    >>> Target.fromstring("292%", name="营业收入增长").value
    292.0
    """
    if not (target.kind == "quantitative" and target.unit == "%" and target.op == "=" and not target.parts
            and target.value is not None and 200 < target.value <= 300 and _RATE_NAME.search(name_key)):
        return None
    digits = re.sub(r"\D", "", target.raw.split(".")[0])
    if not digits.startswith("2") or len(digits) != 3:
        return None
    t = Target(**{**target.__dict__})
    t.op, t.value, t.guess = ">=", target.value - 200, "ocr_ge"
    t.value_base = t.value
    return t


_NOUN_END = re.compile(r"(?:率|度|数|量|性|情况|程度|时间|标准|金额|面积|规模)$")
_TIME_NAME = re.compile(r"时间|日期|时限|期限|截止|完成时|节点")


def _excel_serial(target: Target, name_key: str) -> Target | None:
    """A time row whose value is a number between 36526 and 55153 is an Excel date serial that lost its format.

    >>> t = Target.fromstring("=44,561", name="项目完成时间"); (t.kind, t.deadline, t.guess)
    ('deadline', '2021-12-31', 'excel_serial')
    >>> Target.fromstring("44561", name="服务人次").value
    44561.0
    """
    if not (target.kind == "quantitative" and target.op == "=" and not target.unit and not target.parts
            and target.value is not None and float(target.value).is_integer() and 36526 <= target.value <= 55153
            and _TIME_NAME.search(name_key)):
        return None
    import datetime
    day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(target.value))
    return Target(raw=target.raw, kind="deadline", deadline=day.isoformat(), guess="excel_serial",
                  spans=target.spans)


_DOTTED_MONTH = re.compile(r"^((?:19|20)\d{2})[.．/](\d{1,2})$")


def _dotted_month(target: Target, name_key: str) -> Target | None:
    """``2023.12`` in a time row (项目竣工时间) is the month, a deadline at its end, not the number 2023.12.

    >>> t = Target.fromstring("2023.12", name="项目竣工时间"); (t.kind, t.deadline)
    ('deadline', '2023-12-31')
    """
    m = _DOTTED_MONTH.match(target.raw.strip())
    if not (m and target.kind == "quantitative" and _TIME_NAME.search(name_key) and 1 <= int(m.group(2)) <= 12):
        return None
    return Target(raw=target.raw, kind="deadline", deadline=_month_end(int(m.group(1)), int(m.group(2))),
                  spans=target.spans)


_BARE_MONTH = re.compile(r"^[=＝]?\s*(\d{1,2})\s*月份?$")


def _calendar_month(target: Target, name_key: str, year: int | None) -> Target | None:
    """A bare month without 个 in a time row (``完成时间 | 12月``, doc 153) is the month of the table's year, a deadline
    at its end; ``6个月`` is a duration and stays a quantity, and so does a month count outside a time row.

    >>> t = Target.fromstring("12月", name="完成时间", year=2023); (t.kind, t.deadline)
    ('deadline', '2023-12-31')
    >>> Target.fromstring("6个月", name="完成时间").kind, Target.fromstring("12月", name="培训时长").kind
    ('quantitative', 'quantitative')
    """
    m = _BARE_MONTH.match(target.raw.strip())
    if not (m and target.kind == "quantitative" and target.unit == "月" and _TIME_NAME.search(name_key)
            and 1 <= int(m.group(1)) <= 12):
        return None
    return Target(raw=target.raw, kind="deadline", deadline=_month_end(year, int(m.group(1))) if year else "",
                  spans=target.spans)


_BARE_YEAR = re.compile(r"^[=＝]\s*((?:19|20)\d{2})\s*年$")


def _calendar_year(target: Target, name_key: str, year: int | None) -> Target | None:
    """A time row's ``＝2025年`` (a 指标性质 ``＝`` joined to the year, docs 393 and 404) is the year, a deadline at its
    end, as a bare ``2025年`` is, and ``全年`` there is the table's year (doc 403); 2025 years is no target.

    >>> t = Target.fromstring("＝2025年", name="完成时间"); (t.kind, t.deadline)
    ('deadline', '2025-12-31')
    >>> t = Target.fromstring("全年", name="征收完成时间", year=2025); (t.kind, t.deadline)
    ('deadline', '2025-12-31')
    >>> Target.fromstring("全年", name="群众满意度").kind, Target.fromstring("=2025年", name="使用年限").kind
    ('qualitative', 'quantitative')
    """
    if not _TIME_NAME.search(name_key):
        return None
    raw = target.raw.strip()
    m = _BARE_YEAR.match(raw)
    if m and target.kind == "quantitative":
        return Target(raw=target.raw, kind="deadline", deadline=f"{m.group(1)}-12-31", spans=target.spans)
    if raw in target_vocab().whole_year and target.kind == "qualitative":
        return Target(raw=target.raw, kind="deadline", deadline=f"{year:04d}-12-31" if year else "",
                      period=target.period, spans=target.spans)
    return None


_LIMIT_NAME = re.compile(r"时间|时限|期限|周期|用时|工期|及时|按时|完成时")
_LIMIT_UNITS = frozenset(("工作日", "个工作日", "个月", "月", "天", "日", "年"))


def _time_limit(target: Target, name_key: str) -> Target:
    """A time row's upper bound on how long something takes (``检测及时率 | ≤7工作日``, ``用时 | ≤20工作日``: docs 94, 96) is a
    time limit, a deadline kind keeping its number and unit (../shared/labeling.md: "15个工作日完成"); a lower bound
    (``使用年限 | ≥20年``), hours or minutes (``维护及时性 | <24小时``) and a bare duration (``办结时间 | 7天``, read as a
    quantity by the target labels of tests/data) stay quantities.

    >>> t = Target.fromstring("≤7工作日", name="检测及时率"); (t.kind, t.value, t.unit)
    ('deadline', 7.0, '工作日')
    >>> Target.fromstring("≥20年", name="工程设计使用年限").kind, Target.fromstring("7天", name="办结时间").kind
    ('quantitative', 'quantitative')
    """
    if target.kind == "quantitative" and target.op in ("<=", "<") and target.unit in _LIMIT_UNITS \
            and not target.parts and _LIMIT_NAME.search(name_key):
        t = Target(**{**target.__dict__})
        t.kind = "deadline"
        return t
    return target


def _with_name(target: Target, name: str, year: int | None = None) -> Target:
    """Context from the indicator name: unit in brackets, value that only repeats the name."""
    value_key = re.sub(r"\s+", "", target.raw).strip("。.；;，,")
    name_key = simplified(re.sub(r"\s+", "", name))
    if target.kind in ("qualitative", "deadline") and value_key and not re.search(r"\d", value_key):
        vc, nc = _chars(value_key), _chars(name_key)
        copied = (len(value_key) >= 3 and value_key in name_key) or (len(name_key) >= 3 and name_key in value_key)
        whole = value_key == name_key or (len(vc) >= 5 and vc <= nc) or (len(nc) >= 5 and nc <= vc)
        # a part of the name that says how it should go restates the aim, it is a target ("创业能力提升" for
        # 科技特派员创业能力提升, "农民增收" for 带动农民增收, "合规" for 资金使用合规性): only a repeat that is
        # itself a measure's name ("满意度", "发放时间达标率") is none
        clauses = re.split(r"[，,；;、]", name_key)
        # (a grade word inside the measure's name does not make it a target: 发放时间达标率)
        measure = bool(_NOUN_END.search(value_key))
        if value_key == name_key or value_key in clauses or ((copied or whole) and measure):
            return Target(raw=target.raw, kind="missing")
    guess = (_ocr_comparator(target, name_key) or _excel_serial(target, name_key)
             or _dotted_month(target, name_key) or _calendar_month(target, name_key, year)
             or _calendar_year(target, name_key, year))
    if guess is not None:
        return guess
    if target.kind == "quantitative" and not target.unit:
        m = _NAME_UNIT.search(name_key)
        if m and m.group(1) in target_vocab().name_units:
            unit = m.group(1)
            t = Target(**{**target.__dict__})
            t.unit = unit
            mult = next(((w, f) for w, f in target_vocab().multipliers if unit.startswith(w)), None)
            t.unit_base = unit[len(mult[0]):] if mult else unit
            t.value_base = (t.value or 0) * (mult[1] if mult else 1.0)
            return _time_limit(t, name_key)
    return _time_limit(target, name_key)


# -- tables ----------------------------------------------------------------------------------
TARGET_COLUMNS = ["kind", "op", "value", "value_max", "unit", "value_base", "unit_base", "period", "deadline",
                  "grade", "guess", "parts"]


_OP_TEXT = {"=": "", ">=": "≥", "<=": "≤", "between": "", "decrease_by": "下降", "increase_by": "提升"}


def _part_text(t: Target) -> str:
    if t.kind != "quantitative":
        return t.kind
    num = lambda x: ("%g" % x) if x is not None else ""  # noqa: E731
    core = f"{num(t.value)}-{num(t.value_max)}" if t.op == "between" else num(t.value)
    return f"{_OP_TEXT.get(t.op, t.op)}{core}{t.unit}" + (f"({t.period})" if t.period else "")


def target_row(t: Target) -> dict:
    row = {c: getattr(t, c) for c in TARGET_COLUMNS if c != "parts"}
    row["parts"] = "；".join(_part_text(p) for p in t.parts) if len(t.parts) > 1 else ""
    return row


def annotate(df):
    """Add the target columns to a records DataFrame (value_raw, level3, year); each distinct value parsed once."""
    import pandas as pd

    key_cols = ["value_raw", "level3", "year"]
    keys = df[key_cols].drop_duplicates()
    rows = []
    for value, name, year in keys.itertuples(index=False, name=None):
        y = None if pd.isna(year) else int(year)
        rows.append(target_row(Target.fromstring(value or "", name=name or "", year=y)))
    table = pd.concat([keys.reset_index(drop=True), pd.DataFrame(rows, columns=TARGET_COLUMNS)], axis=1)
    out = df.drop(columns=[c for c in TARGET_COLUMNS if c in df.columns])
    merged = out.merge(table, on=key_cols, how="left", sort=False)
    merged.index = df.index
    pos = list(out.columns).index("description") + 1 if "description" in out.columns else len(out.columns)
    order = list(out.columns[:pos]) + TARGET_COLUMNS + list(out.columns[pos:])
    return merged[order]
