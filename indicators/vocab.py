"""The domain vocabulary, loaded once from ``data/vocab/taxonomy.toml``.

>>> V = vocab()
>>> V.canonical_level1("产出目标")
'产出指标'
>>> V.canonical_level1("产出指标(50分)")
'产出指标'
>>> V.canonical_level2("1.数量指标（20分）")
'数量指标'
>>> V.canonical_level1("成本指标(0-20)分"), V.canonical_level1("产出指标 (40-50)分")
('成本指标', '产出指标')
>>> V.canonical_level2("社会效益")
'社会效益指标'
>>> V.canonical_level2("服务对象满意 指标")
'服务对象满意度指标'
>>> V.parent_of("质量指标")
'产出指标'
>>> V.header_role("三级指标 值")
'value'
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .text import norm_key

def _data_dir() -> Path:
    """The one place the data files are read from: a checkout's ``data/`` beside the code, else the installed wheel's
    copy of it (the package ``jixiao_data``, see pyproject.toml)."""
    here = Path(__file__).resolve().parent.parent / "data"
    if (here / "vocab").is_dir():
        return here
    import importlib.util
    spec = importlib.util.find_spec("jixiao_data")
    return Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else here


DATA_DIR = _data_dir()
TAXONOMY_FILE = DATA_DIR / "vocab" / "taxonomy.toml"

# "产出指标(50分)", "效益指标（30%）", "产出指标50分", "成本指标(0-20)分", "产出指标（40-50分）"
_SCORE_SUFFIX = re.compile(r"（?\d+(?:\.\d+)?(?:[-－~]\d+(?:\.\d+)?)?(?:分|%)?）?(?:分|%)$|（\d+(?:\.\d+)?(?:分|%)）$")
# "数量指标（必填硬性指标）", "（选填）": how a template marks its rows, not part of the name; so are the
# other names a template offers for the level: "数量指标（或建筑规模指标）", "时效指标（工期指标、形象进度指标）"
_NOTE_SUFFIX = re.compile(r"（(?:必填|选填)[^（）]{0,6}）$|（或[^（）]{1,20}）$|（[^（）]{1,20}指标）$")
# "一、产出指标", "1.数量指标", "（一）效益指标"
_NUMBER_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|（[一二三四五六七八九十\d]+）)")


@dataclass
class Vocabulary:
    level1: dict[str, str] = field(default_factory=dict)        # variant key -> canonical
    level2: dict[str, str] = field(default_factory=dict)        # variant key -> canonical
    parents: dict[str, str] = field(default_factory=dict)       # canonical level2 -> level1
    headers: dict[str, str] = field(default_factory=dict)       # header key -> role
    labels: dict[str, list[str]] = field(default_factory=dict)  # label kind -> keys
    titles: dict[str, list[str]] = field(default_factory=dict)  # table kind -> keys
    whole_only: frozenset[str] = frozenset()   # level names read only as whole cells, never cut out of text
    after_target: frozenset[str] = frozenset()   # whole-only names cut out of run-together text after a target

    def cut_words(self) -> set[str]:
        """The 一级/二级 names of four or more letters that run-together text is cut at."""
        return {w for w in list(self.level1) + list(self.level2) if len(w) >= 4 and w not in self.whole_only}

    @staticmethod
    def _strip_score(key: str) -> str:
        if key.endswith("指标等"):
            key = key[:-1]   # "服务对象满意度指标等": the level and whatever else it may hold
        if key and key[-1] in "分%）":
            key = _NOTE_SUFFIX.sub("", _SCORE_SUFFIX.sub("", key))
        return _NUMBER_PREFIX.sub("", key) if key and key[0] in "一二三四五六七八九十（0123456789" else key

    def _level_key(self, text: str) -> str:
        """The key a level is looked up by; a whole-only name (资金管理, 财务管理) numbered as an item ("2.财务管理",
        doc 06) names an indicator, not the level, and gets no key."""
        key = norm_key(text)
        bare = self._strip_score(key)
        return "" if bare in self.whole_only and _NUMBER_PREFIX.match(key) else bare

    def canonical_level1(self, text: str) -> str | None:
        return self.level1.get(self._level_key(text))

    def canonical_level2(self, text: str) -> str | None:
        return self.level2.get(self._level_key(text))

    def parent_of(self, level2: str) -> str | None:
        return self.parents.get(level2)

    def header_role(self, text: str) -> str | None:
        return self.headers.get(norm_key(text))

    def label_kind(self, text: str) -> str | None:
        """Which header-block label a cell is ('project', 'amount', ...), if any."""
        memo = self.__dict__.setdefault("_label_memo", {})
        if text not in memo:
            if len(memo) > 200_000:
                memo.clear()
            memo[text] = self._label_kind(text)
        return memo[text]

    def _label_kind(self, text: str) -> str | None:
        key = norm_key(text)
        if not key or len(key) > 24:
            return None
        for kind, keys in self.labels.items():
            for label in keys:
                if key == label or (key.startswith(label) and len(key) <= len(label) + 8
                                    and key[len(label)] in "（：("):
                    return kind
        return None

    def title_kind(self, text: str) -> str | None:
        key = norm_key(text)
        for kind in ("self_eval", "department", "project"):
            if any(t in key for t in self.titles[kind]):
                return kind
        return None


@functools.lru_cache(maxsize=1)
def vocab(path: Path = TAXONOMY_FILE) -> Vocabulary:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    v = Vocabulary()
    for canonical, variants in raw["level1"].items():
        for variant in [canonical, *variants]:
            v.level1.setdefault(norm_key(variant), canonical)
    for canonical, spec in raw["level2"].items():
        v.parents[canonical] = spec["parent"]
        for variant in [canonical, *spec["variants"]]:
            v.level2.setdefault(norm_key(variant), canonical)
    for role, keys in raw["headers"].items():
        for key in keys:
            v.headers.setdefault(norm_key(key), role)
    v.labels = {kind: [norm_key(k) for k in keys] for kind, keys in raw["labels"].items()}
    v.titles = {kind: [norm_key(k) for k in keys] for kind, keys in raw["titles"].items()}
    v.whole_only = frozenset(norm_key(k) for k in raw.get("lexer", {}).get("whole_only", ()))
    v.after_target = frozenset(norm_key(k) for k in raw.get("lexer", {}).get("after_target", ()))
    return v
