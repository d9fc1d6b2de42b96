"""The words the table reader types cells by, cuts run-together text at and ends tables at: the ``[words]``
table of ``data/vocab/reader.toml``, read once.  Its own module so that the lexer (``stream``) and the row
splitter (``rows``) both import it at the top.

>>> words().name_end.search("按时发放率") is not None, "反映" in words().openers
(True, True)
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from ..vocab import DATA_DIR

WORDS_FILE = DATA_DIR / "vocab" / "reader.toml"
UNIT_WORDS_FILE = DATA_DIR / "vocab" / "unit_words.txt"   # written by tools/make_unit_words.py from jieba's dictionary


@dataclass(frozen=True)
class ReaderWords:
    comparators: frozenset[str]
    units: frozenset[str]
    qualitative: frozenset[str]
    name_end: re.Pattern
    project_labels: tuple[str, ...]
    table_end: re.Pattern
    signoff: tuple[str, ...] = ()   # 签字: a form's signature line (ends a table, reader._table_end; sanity)
    cut_words: tuple[str, ...] = ()
    project_ends: tuple[str, ...] = ()   # the header block's labels after a project's name (reader.project_name)
    remarks: frozenset[str] = frozenset()
    unit_words: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    no_comparator: frozenset[str] = frozenset()   # 无, /: a comparator cell that holds none (reader._records)
    openers: frozenset[str] = frozenset()
    trailing_qual: tuple[str, ...] = ()
    kinds: frozenset[str] = frozenset()
    kind_then: tuple[str, ...] = ()
    grade_scales: tuple[tuple[str, ...], ...] = ()
    kind_not_after: tuple[str, ...] = ()
    sentence_openers: tuple[str, ...] = ()
    dictionary_unit_words: frozenset[str] = frozenset()   # 支持, 家长, 单项: jieba's words that open with a unit letter
    value_units: frozenset[str] = frozenset()             # what a run-together value may end in besides the grammar's
    count_units: tuple[str, ...] = ()   # a count's units: 12期 between two texts is a target (rows._inner_numbers)
    age_words: tuple[str, ...] = ()     # 岁, 型: a name opening with the age or type it counts (rows.token_type)
    name_grades: tuple[str, ...] = ()   # 良好, 合格: a grade run in after a 情况/水平/性 name (stream._graded_name_re)
    graded_ends: tuple[str, ...] = ()   # 情况, 水平, 性: the name endings such a grade follows


@functools.lru_cache(maxsize=1)
def words() -> ReaderWords:
    """The ``[words]`` table of ``data/vocab/reader.toml``."""
    with open(WORDS_FILE, "rb") as fh:
        raw = tomllib.load(fh)["words"]

    def alternatives(ws):
        return "|".join(re.escape(x) for x in sorted(ws, key=len, reverse=True))
    return ReaderWords(comparators=frozenset(raw["comparators"]), units=frozenset(raw["units"]),
                       qualitative=frozenset(raw["qualitative"]),
                       name_end=re.compile(f"(?:{alternatives(raw['name_endings'])})$"),
                       project_labels=tuple(raw["project_labels"]), project_ends=tuple(raw.get("project_ends", ())),
                       table_end=re.compile(f"^(?:{alternatives(raw['table_end'])})"),
                       signoff=tuple(raw.get("signoff", ())),
                       cut_words=tuple(raw.get("cut_words", ())), remarks=frozenset(raw.get("remarks", ())),
                       unit_words=frozenset(raw.get("unit_words", ())),
                       directions=frozenset(raw.get("directions", ())),
                       no_comparator=frozenset(raw.get("no_comparator", ())),
                       openers=frozenset(raw.get("openers", ())),
                       trailing_qual=tuple(sorted(set(raw.get("trailing_qual", ())) | _adverb_grades(raw), key=len,
                                                  reverse=True)),
                       kinds=frozenset(raw.get("kinds", ())),
                       kind_then=tuple(raw.get("kind_then", ())), kind_not_after=tuple(raw.get("kind_not_after", ())),
                       grade_scales=tuple(tuple(g) for g in raw.get("grade_scales", ())),
                       sentence_openers=tuple(raw.get("sentence_openers", ())),
                       dictionary_unit_words=_dictionary_unit_words(),
                       value_units=frozenset(raw.get("value_units", ())),
                       count_units=tuple(sorted(raw.get("count_units", ()), key=len, reverse=True)),
                       age_words=tuple(sorted(raw.get("age_words", ()), key=len, reverse=True)),
                       name_grades=tuple(raw.get("name_grades", ())), graded_ends=tuple(raw.get("graded_ends", ())))


@functools.lru_cache(maxsize=1)
def long_grades() -> tuple[str, ...]:
    """The trailing grades of four or more letters (不断提高, 进一步改善), longest first: cut out between two names in
    run-together text (stream._inner_grades) and glued back at a value's cost (rows._typed_cost)."""
    return tuple(q for q in words().trailing_qual if len(q) >= 4)


def _adverb_grades(raw: dict) -> set[str]:
    """Every ``grade_adverbs`` word before every ``grade_verbs`` word (明显增强, 进一步完善)."""
    return {a + v for a in raw.get("grade_adverbs", ()) for v in raw.get("grade_verbs", ())}


def _dictionary_unit_words() -> frozenset[str]:
    lines = UNIT_WORDS_FILE.read_text(encoding="utf-8").splitlines() if UNIT_WORDS_FILE.exists() else []
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
