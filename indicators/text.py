"""Cell-text cleaning shared by every layout.

PDF and HTML extraction leave artifacts inside cells: spaces inside words
(``工作人员 流动性``), HTML tags (``<p>``, ``<input type="checkbox"/>``), LaTeX
(``$\\geq 95\\%$``) and markdown hard breaks.  These helpers remove them and leave
the words.  OCR glyphs such as ``》98%`` are *kept*: interpreting them is the
target extractor's job (``nlp.targets``), and the raw value must say what the
document said.

>>> clean_cell("工作人员 流动性")
'工作人员流动性'
>>> clean_cell("下降 10%")
'下降10%'
>>> clean_cell("清洁度 $\\\\geq 95\\\\%$")
'清洁度≥95%'
>>> clean_cell("<p>目标一：维护基金安全。</p> <p>目标二</p>")
'目标一：维护基金安全。目标二'
>>> clean_cell("LED 显示屏，Windows 10 系统")
'LED显示屏，Windows 10系统'
>>> norm_key("资金金额 (万元)")
'资金金额（万元）'
"""
from __future__ import annotations

import functools
import html
import re

# a tag opens with a letter, / or ! ("<=4758万元 … >=95%" are comparators, not a tag)
_TAG = re.compile(r"<[A-Za-z/!?][^<>]{0,300}>")
_LATEX_CMDS = [
    (re.compile(r"\\geq?\b|\\geqslant\b|\\ge\b"), "≥"),
    (re.compile(r"\\leq?\b|\\leqslant\b|\\le\b"), "≤"),
    (re.compile(r"\\times\b"), "×"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\text\{([^}]*)\}"), r"\1"),
    (re.compile(r"\\mathrm\{([^}]*)\}"), r"\1"),
    (re.compile(r"\^\{?2\}?"), "²"),
    (re.compile(r"\^\{?3\}?"), "³"),
]
_MATH = re.compile(r"\$([^$]{1,200})\$")
# Whitespace is kept only between two ASCII letters/digits ("Windows 10").
_SPACE_RUN = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9.]")

_FOLD = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})


def strip_markup(text: str) -> str:
    """Remove HTML tags/entities and LaTeX math wrappers, keeping the content."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "$" in text:
        text = _MATH.sub(lambda m: _delatex(m.group(1)), text)
    return text


def _delatex(expr: str) -> str:
    for pattern, repl in _LATEX_CMDS:
        expr = pattern.sub(repl, expr)
    return expr.replace("\\", "").replace("{", "").replace("}", "")


def squeeze_spaces(text: str) -> str:
    """Drop whitespace except between two ASCII word characters."""
    if not _SPACE_RUN.search(text):
        return text
    parts = _SPACE_RUN.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]) \
                and not (out[-1].isdigit() and part[0].isdigit()):
            out += " " + part
        else:
            out += part
    return out


@functools.lru_cache(maxsize=131072)
def clean_cell(text: str | None) -> str:
    """The cell's words without extraction artifacts (see module doc)."""
    if not text:
        return ""
    return squeeze_spaces(strip_markup(text)).strip()


@functools.lru_cache(maxsize=131072)
def norm_key(text: str) -> str:
    """A comparison key: cleaned, whitespace-free, brackets/colons folded to full width, traditional
    characters read as simplified (mirror sites republish tables in traditional script).

    >>> norm_key("二級指標")
    '二级指标'
    """
    return simplified(re.sub(r"\s+", "", clean_cell(text)).translate(_FOLD))


@functools.lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """OpenCC's traditional → simplified character table (its ``TSCharacters.txt``, first candidate)."""
    from pathlib import Path

    import opencc
    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0]
        if len(trad) == 1 and first and first != trad:
            table[ord(trad)] = first
    return table


def simplified(text: str) -> str:
    """Traditional characters read as simplified, character by character (OpenCC's table); for keys
    only, never for the text a record reports.

    >>> simplified("產出指標(50分)")
    '产出指标(50分)'
    """
    return text.translate(_t2s_table()) if text else text


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_UNIT_CODE_PREFIX = re.compile(r"^\d{1,4}-(?=[^\d\s-])")


def unit_cell(text: str | None) -> str:
    """A 度量单位 cell as a unit: the code a budget system puts in front of it dropped (``50-%``, ``262-人/次``: doc 408).

    >>> unit_cell("50-%"), unit_cell("262-人/次"), unit_cell("%"), unit_cell("2023-12")
    ('%', '人/次', '%', '2023-12')
    """
    text = (text or "").strip()
    return _UNIT_CODE_PREFIX.sub("", text)
