"""Boilerplate detection, copied tables and quality scores, driven by ``data/rubric.toml``.

Input: the records DataFrame with target columns (:func:`nlp.targets.annotate`) and the empty
slots. Output: the same records with ``family_id, family_label, boilerplate, boilerplate_score,
boilerplate_reason, copied_from, score, flags, reasons, reasons_en`` and one row per project
(``score``, ``grade`` 优/良/中/差, ``flags``, ``reasons``).
"""
from __future__ import annotations

import functools
import math
import re
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from nlp.families import indicator_families, normalize_name

RUBRIC_FILE = Path(__file__).resolve().parent.parent / "data" / "rubric.toml"
PROJECT_KEY = ["source_file", "table_id", "project"]
_GUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_PLACEHOLDER = re.compile(r"\*\*|XX|xx|××|……|\.\.\.")
_ROUND = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 50, 60, 80, 90, 95, 98, 99, 100, 1000, 10000}


@functools.lru_cache(maxsize=4)
def load_rubric(path: str | Path = RUBRIC_FILE) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


# -- boilerplate -------------------------------------------------------------------------------
def _project_ids(df: pd.DataFrame) -> pd.Series:
    return df.groupby(PROJECT_KEY, sort=False, dropna=False).ngroup()


def _value_key(v: str) -> str:
    return re.sub(r"\s+", "", v or "")


@functools.lru_cache(maxsize=500_000)
def _tokens(text: str) -> frozenset[str]:
    from nlp.tokenize import tokens
    return frozenset(t for t in tokens(text) if len(t) >= 2)


_PROJECT_STOP = {"项目", "经费", "费用", "工作", "业务", "专项", "管理", "服务", "保障", "医疗保障", "医保", "设备", "人员"}


def add_boilerplate(df: pd.DataFrame, rubric: dict | None = None) -> pd.DataFrame:
    """Families, boilerplate score and reason per record."""
    rubric = rubric or load_rubric()
    cfg = rubric["boilerplate"]
    out = df.copy()
    pid = _project_ids(out)
    names = out["level3"].fillna("").tolist()
    fam = indicator_families(names, threshold=cfg["family_threshold"])
    out["family_id"], out["family_label"] = fam.ids, fam.labels
    generic = cfg["generic_phrases"]

    norm = functools.lru_cache(maxsize=500_000)(normalize_name)
    name_key = [norm(n) for n in names]
    generic_of = functools.lru_cache(maxsize=500_000)(lambda k: any(g in k for g in generic))
    pair = list(zip(name_key, (_value_key(v) for v in out["value_raw"].fillna(""))))
    pair_projects: dict[tuple, set] = defaultdict(set)
    fam_projects: dict[int, set] = defaultdict(set)
    for p, f, k in zip(pair, fam.ids, pid):
        pair_projects[p].add(k)
        fam_projects[f].add(k)

    # tables whose value is the same in every row (at least 4 rows): vectorised, no per-group Python
    vk = out["value_raw"].fillna("").map(_value_key)
    stats = vk.groupby(pid).agg(["size", "nunique", "first"])
    filler_pids = set(stats.index[(stats["size"] >= 4) & (stats["nunique"] == 1) & (stats["first"] != "")])
    pids = pid.tolist()
    cols = {c: out[c].tolist() for c in ("kind", "grade", "value_raw", "project", "value", "value_base", "unit",
                                          "unit_base", "op", "parts", "project_amount_yuan")}
    Row = _RowView
    project_tokens: dict[str, set[str]] = {}
    scores, flags, reasons = [], [], []
    for i in range(len(out)):
        row = Row(cols, i)
        why = []
        n_pair = len(pair_projects[pair[i]]) - 1
        n_fam = len(fam_projects[fam.ids[i]]) - 1
        s_pair = min(1.0, n_pair / cfg["pair_projects_full"])
        s_fam = min(1.0, n_fam / cfg["family_projects_full"])
        s_gen = 1.0 if generic_of(name_key[i]) else 0.0
        if n_pair:
            why.append(f"same indicator and value in {n_pair} other project(s)")
        if n_fam and s_fam >= 0.5:
            why.append(f"family '{fam.labels[i]}' in {n_fam} other project(s)")
        if s_gen:
            why.append("template wording")
        s_val = 1.0 if _generic_value(row) else 0.0
        if s_val:
            why.append("generic value")
        filler = (row.kind == "missing" and (row.value_raw or "").strip()) or _GUID.search(name_key[i]) \
            or pids[i] in filler_pids  # an empty cell is a missing target, not filler
        s_fill = 1.0 if filler else 0.0
        if s_fill:
            why.append("no real target (empty, copy of the name, garbage or pasted value)")
        proj = row.project or ""
        if proj not in project_tokens:
            project_tokens[proj] = _tokens(proj) - _PROJECT_STOP
        satisfaction = "满意" in name_key[i]
        specific = not satisfaction and bool(_tokens(name_key[i]) & project_tokens[proj])
        if not specific and not satisfaction and row.kind == "quantitative" and row.value is not None \
                and not _isnan(row.value) and not (row.unit_base == "年" and row.value >= 1900):
            if row.unit_base == "元" and row.project_amount_yuan and not _isnan(row.project_amount_yuan):
                specific = abs(row.value_base - row.project_amount_yuan) <= 0.05 * row.project_amount_yuan
            elif row.unit not in ("%", "‰", "") and row.value not in _ROUND and n_pair == 0:
                specific = True
        if specific:
            why.append("names the project's own object or money")
        score = max(0.0, min(1.0, cfg["w_pair"] * s_pair + cfg["w_family"] * s_fam + cfg["w_generic"] * s_gen
                             + cfg["w_value"] * s_val + cfg["w_filler"] * s_fill - cfg["w_specific"] * specific))
        scores.append(round(score, 3))
        flags.append(score >= cfg["threshold"])
        reasons.append("; ".join(why))
    out["boilerplate"] = flags
    out["boilerplate_score"] = scores
    out["boilerplate_reason"] = reasons
    return out


class _RowView:
    """Attribute access to row i of column lists (much faster than DataFrame.itertuples on arrow strings)."""
    __slots__ = ("_cols", "_i")

    def __init__(self, cols: dict, i: int):
        self._cols, self._i = cols, i

    def __getattr__(self, name):
        return self._cols[name][self._i]


def _generic_value(row) -> bool:
    """A value that could sit under any project: a round high rate, or a non-graded slogan."""
    if row.kind == "qualitative":
        return row.grade in ("improve", "maintain", "achieve", "unclear")
    if row.kind == "quantitative" and row.unit == "%" and row.op in ("=", ">=", ">") and not row.parts:
        return row.value is not None and 80 <= row.value <= 100 and float(row.value).is_integer()
    return False


def _isnan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


# -- copied tables -----------------------------------------------------------------------------
def copied_tables(df: pd.DataFrame, rubric: dict | None = None) -> dict[tuple, str]:
    """Project key -> the earlier project whose (indicator, value) rows it (nearly) repeats."""
    cfg = (rubric or load_rubric())["boilerplate"]
    rows: dict[tuple, set] = {}
    order: list[tuple] = []
    for key, g in df.groupby(PROJECT_KEY, sort=False, dropna=False):
        rows[key] = {(normalize_name(a), _value_key(b)) for a, b in zip(g["level3"], g["value_raw"])}
        order.append(key)
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(order):
        for r in rows[key]:
            index[r].append(i)
    copied: dict[tuple, str] = {}
    for j, key in enumerate(order):
        a = rows[key]
        if len(a) < cfg["copied_min_rows"]:
            continue
        shared = Counter(i for r in a for i in index[r] if i < j)
        for i, n in sorted(shared.items()):
            b = rows[order[i]]
            if len(b) >= cfg["copied_min_rows"] and n / min(len(a), len(b)) >= cfg["copied_overlap"] \
                    and order[i][2] != key[2]:
                copied[key] = copied.get(order[i], order[i][2])  # point at the first of the group
                break
    return copied


# -- indicator flags ---------------------------------------------------------------------------
def _unit_kind(unit_base: str, units: dict) -> str:
    if unit_base in units["satisfaction"]:
        return "rate"
    if unit_base in units["money"]:
        return "money"
    if unit_base in units["time"]:
        return "time"
    if unit_base in units["staff"]:
        return "staff"
    return "count" if unit_base else ""


def indicator_flags(row, rubric: dict, pasted: bool) -> list[str]:
    units = rubric["units"]
    flags: list[str] = []
    level1, level2 = row.level1 or "", row.level2 or ""
    name, value = row.level3 or "", (row.value_raw or "").strip()
    if not value:
        return ["missing_value"]
    if _GUID.search(value) or _GUID.search(name) or "单位申报" in value:
        flags.append("garbage_value")
    elif _PLACEHOLDER.search(value) or value.startswith(("指标1", "目标1")):
        flags.append("placeholder")
    elif row.kind == "missing":
        flags.append("value_is_name")
    if pasted:
        flags.append("pasted_value")
    if (getattr(row, "basis_raw", "") or "").strip() in units["empty_basis"]:
        flags.append("no_basis")
    kind = row.kind
    ukind = _unit_kind(row.unit_base or "", units)
    satisfaction = "满意" in name or level2 == "服务对象满意度指标"
    if kind == "qualitative":
        if level2 in ("数量指标", "质量指标", "成本指标") or level1 == "成本指标":
            flags.append("not_quantified")
        elif row.grade == "unclear":
            flags.append("vague_qualitative")
    if kind == "quantitative":
        if row.op == "=" and not (row.parts or ""):
            flags.append("no_comparator")
        if not row.unit:
            flags.append("no_unit")
        if satisfaction and ukind and ukind != "rate":
            flags.append("unit_mismatch")
        elif level2 == "时效指标" and ukind in ("money", "staff"):
            flags.append("unit_mismatch")
        elif (level2 == "成本指标" or level1 == "成本指标") and ukind in ("staff", "time"):
            flags.append("unit_mismatch")
        if level1 == "产出指标" and level2 in ("数量指标", "质量指标") and ukind == "money":
            flags.append("input_as_output")
        if row.value == 100 and row.unit == "%" and row.op in ("=", ">=") and not satisfaction \
                and any(t in name for t in units["trivial_names"]):
            flags.append("trivial_100")
    if (level2 == "成本指标" or level1 == "成本指标") and (name.endswith("率") or ukind == "rate" or "精准" in name):
        flags.append("misfiled")
    elif "满意" in name and level2 and level2 != "服务对象满意度指标" and level1 != "满意度指标":
        flags.append("misfiled")
    if row.boilerplate:
        flags.append("boilerplate")
    return list(dict.fromkeys(flags))


def score_indicators(df: pd.DataFrame, rubric: dict | None = None) -> pd.DataFrame:
    rubric = rubric or load_rubric()
    out = df.copy()
    # the same value pasted into every row of a table (at least 4 rows)
    pasted_keys = set()
    for key, g in out.groupby(PROJECT_KEY, sort=False, dropna=False):
        vals = g["value_raw"].fillna("").map(_value_key)
        if len(g) >= 4 and vals.nunique() == 1 and vals.iloc[0]:
            pasted_keys.add(key)
    keys = list(zip(*(out[c] for c in PROJECT_KEY)))
    scores, flags, zh, en = [], [], [], []
    specs = rubric["flags"]
    for row, key in zip(out.itertuples(index=False), keys):
        f = indicator_flags(row, rubric, key in pasted_keys)
        scores.append(max(0, 100 - sum(specs[c]["penalty"] for c in f)))
        flags.append(";".join(f))
        zh.append("；".join(specs[c]["zh"] for c in f))
        en.append("; ".join(specs[c]["en"] for c in f))
    out["score"], out["flags"], out["reasons"], out["reasons_en"] = scores, flags, zh, en
    return out


# -- projects ----------------------------------------------------------------------------------
def grade_of(score: float, rubric: dict) -> str:
    for grade, bound in sorted(rubric["grades"].items(), key=lambda kv: -kv[1]):
        if score >= bound:
            return grade
    return "差"


def score_projects(df: pd.DataFrame, slots: pd.DataFrame | None, rubric: dict | None = None,
                   copied: dict | None = None) -> pd.DataFrame:
    rubric = rubric or load_rubric()
    cfg, pf = rubric["project"], rubric["project_flags"]
    copied = copied if copied is not None else copied_tables(df, rubric)
    slot_groups = {}
    if slots is not None and len(slots):
        slot_groups = {k: g for k, g in slots.groupby(["source_file", "table_id", "project"], sort=False)}
    projects_in_doc = df.groupby("source_file")["project"].apply(lambda s: set(s)).to_dict()
    rows = []
    for key, g in df.groupby(PROJECT_KEY, sort=False, dropna=False):
        first = g.iloc[0]
        sl = slot_groups.get(key)
        flags: list[tuple[str, str]] = []
        present2 = set(g["level2"]) | set()
        present1 = set(g["level1"])
        for need in cfg["required_level2"]:
            if need not in present2:
                flags.append(("missing_dimension", need))
        for need in cfg["required_level1"]:
            if need not in present1:
                flags.append(("missing_dimension", need))
        has_cost_template = "成本指标" in present2 or "成本指标" in present1 or (
            sl is not None and "成本指标" in set(sl["level2"]))
        if has_cost_template and not ({"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"} & (present2 | present1)):
            flags.append(("missing_dimension", "成本指标"))
        if sl is not None and len(sl):
            flags.append(("empty_slots", "、".join(dict.fromkeys(sl["level2"]))))
        if len(g) < cfg["min_indicators"]:
            flags.append(("too_few_indicators", str(cfg["min_indicators"])))
        quantified = (g["kind"] == "quantitative").mean()
        if quantified < cfg["min_quantified_share"]:
            flags.append(("low_quantified", f"{quantified:.0%}"))
        bshare = g["boilerplate"].mean()
        if bshare > cfg["max_boilerplate_share"]:
            flags.append(("high_boilerplate", f"{bshare:.0%}"))
        if key in copied:
            flags.append(("copied_table", copied[key]))
        goal = first.get("project_goal", "") or ""
        others = [p for p in projects_in_doc.get(key[0], ()) if p and p != key[2] and len(p) >= 4]
        named = [p for p in others if p in goal and p not in key[2]]
        if named:
            flags.append(("goal_names_other_project", named[0]))
        cost_msg = _cost_check(g, first.project_amount_yuan, cfg["cost_tolerance"])
        if cost_msg:
            flags.append(("cost_inconsistent", cost_msg))
        structure = max(0, 100 - sum(pf[c]["penalty"] for c, _ in flags))
        mean_ind = float(g["score"].mean())
        score = round(cfg["indicator_weight"] * mean_ind + (1 - cfg["indicator_weight"]) * structure, 1)
        rows.append({
            "source_file": key[0], "table_id": key[1], "project": key[2], "table_kind": first.table_kind,
            "issuer": first.issuer, "year": first.year, "project_amount_yuan": first.project_amount_yuan,
            "indicators": len(g), "empty_slots": 0 if sl is None else len(sl),
            "share_quantified": round(float(quantified), 3), "share_boilerplate": round(float(bshare), 3),
            "copied_from": copied.get(key, ""), "indicator_score_mean": round(mean_ind, 1),
            "structure_score": structure, "score": score, "grade": grade_of(score, rubric),
            "flags": ";".join(c for c, _ in flags),
            "reasons": "；".join(pf[c]["zh"].format(x=x) for c, x in flags),
            "reasons_en": "; ".join(pf[c]["en"].format(x=x) for c, x in flags),
        })
    return pd.DataFrame(rows)


def _cost_check(g: pd.DataFrame, amount, tolerance: float) -> str:
    if amount is None or _isnan(amount) or not amount:
        return ""
    # under 成本指标 a bare "30万" is money too
    money = (g["unit_base"] == "元") | ((g["unit_base"] == "") & g["unit"].isin(["万", "亿", "千"]))
    cost = g[((g["level2"] == "成本指标") | (g["level1"] == "成本指标")) & (g["kind"] == "quantitative")
             & money & g["op"].isin(["=", "<=", "<"])]
    if cost.empty:
        return ""
    values = cost["value_base"].astype(float)
    limit = amount * (1 + tolerance)
    if values.max() > limit:
        return f"成本指标{values.max() / 1e4:g}万元超过项目金额{amount / 1e4:g}万元"
    # items that add up (no single row is already the total) must not exceed the amount either
    if values.max() < 0.9 * amount and values.sum() > limit:
        return f"成本合计{values.sum() / 1e4:g}万元，项目金额{amount / 1e4:g}万元"
    return ""


# -- the whole chain -----------------------------------------------------------------------------
def analyze(result, rubric: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """IndicatorList -> (indicators with targets, boilerplate and scores; projects)."""
    from nlp.targets import annotate

    rubric = rubric or load_rubric()
    df = annotate(result.to_frame())
    if df.empty:
        return df, pd.DataFrame()
    df = add_boilerplate(df, rubric)
    copied = copied_tables(df, rubric)
    keys = list(zip(*(df[c] for c in PROJECT_KEY)))
    df["copied_from"] = [copied.get(k, "") for k in keys]
    df = score_indicators(df, rubric)
    projects = score_projects(df, result.slots_frame(), rubric, copied)
    return df, projects
