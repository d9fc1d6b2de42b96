"""Excel cell values shown the way the sheet shows them: a percentage format gives ``95%``, a date gives
``2021-12-31`` (``2021年12月31日`` for a 年/月/日 format); a number never comes out as a date serial or as
``0.95`` when the cell shows ``95%``.

>>> show(0.95, "0%"), show(0.985, "0.0%"), show(1, "0%")
('95%', '98.5%', '100%')
>>> import datetime; show(datetime.datetime(2021, 12, 31), "yyyy-mm-dd"), show(datetime.date(2021, 12, 31), 'yyyy"年"m"月"d"日"')
('2021-12-31', '2021年12月31日')
>>> show(12.0, "General"), show(1437, "#,##0"), show(3.5, "0.00"), show(280, '0"人次"'), show(0.1 + 0.2, "General")
('12', '1,437', '3.50', '280人次', '0.3')
>>> show(44561, "yyyy/m/d")
'2021-12-31'
"""
from __future__ import annotations

import datetime as dt
import re

_QUOTED = re.compile(r'"([^"]*)"|\\(.)')
_DATE_CODES = re.compile(r"(?<![A-Za-z])(?:y{2,4}|m{1,5}|d{1,4})(?![A-Za-z])", re.I)
_EPOCH = dt.datetime(1899, 12, 30)


def _section(fmt: str, value) -> str:
    parts = fmt.split(";")
    if isinstance(value, (int, float)) and value < 0 and len(parts) > 1:
        return parts[1]
    return parts[0]


def _literals(fmt: str) -> tuple[str, str, str]:
    """(prefix literal, core, suffix literal) of a number format like ``"约"0.0"万元"``."""
    pieces = []
    pos = 0
    core = ""
    for m in _QUOTED.finditer(fmt):
        core += fmt[pos:m.start()]
        pieces.append((len(core), m.group(1) if m.group(1) is not None else m.group(2)))
        pos = m.end()
    core += fmt[pos:]
    core = re.sub(r"\[[^\]]*\]|[_*].", "", core)  # colours, conditions, padding
    digits = [i for i, ch in enumerate(core) if ch in "0#?"]
    first = digits[0] if digits else len(core)
    prefix = "".join(t for at, t in pieces if at <= first)
    suffix = "".join(t for at, t in pieces if at > first)
    return prefix, core, suffix


def is_date_format(fmt: str) -> bool:
    core = _QUOTED.sub("", fmt or "")
    core = re.sub(r"\[[^\]]*\]", "", core)
    return bool(_DATE_CODES.search(core))


def show_date(value: dt.date | dt.datetime, fmt: str = "") -> str:
    core = _QUOTED.sub("", fmt or "")
    has_day = bool(re.search(r"d", core, re.I)) or not fmt
    has_time = isinstance(value, dt.datetime) and (value.hour or value.minute or value.second)
    if "年" in (fmt or ""):
        out = f"{value.year}年{value.month}月" + (f"{value.day}日" if has_day else "")
    else:
        out = value.strftime("%Y-%m-%d" if has_day else "%Y-%m")
    if has_time:
        out += value.strftime(" %H:%M")
    return out


def show_number(value: float, fmt: str) -> str:
    fmt = _section(fmt or "General", value)
    if fmt.lower() in ("general", "@", ""):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.15g}" if isinstance(value, float) else str(value)
    prefix, core, suffix = _literals(fmt)
    percent = "%" in core
    x = value * 100 if percent else value
    decimals = len(m.group(1)) if (m := re.search(r"\.([0#?]+)", core)) else 0
    text = f"{x:,.{decimals}f}" if "," in core else f"{x:.{decimals}f}"
    return prefix + text + ("%" if percent else "") + suffix


def show(value, fmt: str = "General") -> str:
    """The text a cell with this value and number format shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return show_date(value, fmt)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)):
        if is_date_format(fmt or "") and 0 < value < 2958466:
            return show_date(_EPOCH + dt.timedelta(days=float(value)), fmt)
        return show_number(value, fmt or "General")
    return str(value)
