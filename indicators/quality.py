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
from collections import defaultdict
from pathlib import Path

import pandas as pd

from nlp.families import indicator_families, normalize_name
from nlp.tokenize import tokens

from .vocab import DATA_DIR

RUBRIC_FILE = DATA_DIR / "rubric.toml"
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


def pasted_rows(value_keys: pd.Series, pid):
    """Per row: is it in a table (at least 4 rows) whose every row has the same non-empty value?"""
    import numpy as np

    stats = value_keys.groupby(pid).agg(["size", "nunique", "first"])
    pasted = stats.index[(stats["size"] >= 4) & (stats["nunique"] == 1) & (stats["first"] != "")]
    return np.isin(pid, pasted)


def _value_key(v: str) -> str:
    return re.sub(r"\s+", "", v or "")


@functools.lru_cache(maxsize=500_000)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in tokens(text) if len(t) >= 2)


_PROJECT_STOP = {"项目", "经费", "费用", "工作", "业务", "专项", "管理", "服务", "保障", "医疗保障", "医保", "设备", "人员"}


def add_boilerplate(df: pd.DataFrame, rubric: dict | None = None) -> pd.DataFrame:
    """Families, boilerplate score and reason per record (column-wise: a million records in seconds)."""
    import numpy as np

    rubric = rubric or load_rubric()
    cfg = rubric["boilerplate"]
    out = df.copy()
    pid = _project_ids(out).to_numpy()
    names = out["level3"].fillna("").tolist()
    fam = indicator_families(names, threshold=cfg["family_threshold"])
    out["family_id"], out["family_label"] = fam.ids, fam.labels
    generic = cfg["generic_phrases"]

    # per distinct name: normalised key, template wording, GUID, satisfaction
    distinct = pd.unique(pd.Series(names, dtype=object))
    key_of = {n: normalize_name(n) for n in distinct}
    name_key = pd.Series([key_of[n] for n in names], index=out.index, dtype=object)
    keys = pd.unique(name_key)
    generic_of = {k: any(g in k for g in generic) for k in keys}
    guid_of = {k: bool(_GUID.search(k)) for k in keys}
    vk = out["value_raw"].fillna("").map(_value_key)
    tmp = pd.DataFrame({"n": name_key.values, "v": vk.values, "p": pid, "f": fam.ids})
    n_pair = (tmp.groupby(["n", "v"], sort=False)["p"].transform("nunique") - 1).to_numpy()
    n_fam = (tmp.groupby("f", sort=False)["p"].transform("nunique") - 1).to_numpy()
    s_pair = np.minimum(1.0, n_pair / cfg["pair_projects_full"])
    s_fam = np.minimum(1.0, n_fam / cfg["family_projects_full"])
    s_gen = name_key.map(generic_of).to_numpy(dtype=bool)

    kind = out["kind"].fillna("")
    value = pd.to_numeric(out["value"], errors="coerce")
    unit = out["unit"].fillna("")
    unit_base = out["unit_base"].fillna("")
    parts = out["parts"].fillna("") if "parts" in out else pd.Series("", index=out.index)
    s_val = ((kind == "qualitative") & out["grade"].isin(["improve", "maintain", "achieve", "unclear"])) | (
        (kind == "quantitative") & (unit == "%") & out["op"].isin(["=", ">=", ">"]) & (parts == "")
        & value.between(80, 100) & (value % 1 == 0))
    s_val = s_val.to_numpy(dtype=bool)
    s_fill = (((kind == "missing") & (out["value_raw"].fillna("").str.strip() != "")).to_numpy()
              | name_key.map(guid_of).to_numpy(dtype=bool) | pasted_rows(vk, pid))

    # specificity: words shared with the project name, the project's own money, a non-round count
    satisfaction = name_key.str.contains("满意", regex=False).to_numpy()
    projects = out["project"].fillna("")
    name_list, project_list = name_key.tolist(), projects.tolist()   # plain lists: fast to iterate
    pairs = pd.unique(pd.Series(list(zip(name_list, project_list)), dtype=object))
    proj_tokens = {p: _tokens(p) - _PROJECT_STOP for p in pd.unique(projects)}
    shares = {pr: bool(_tokens(pr[0]) & proj_tokens[pr[1]]) for pr in pairs}
    by_words = np.array([shares[pr] for pr in zip(name_list, project_list)], dtype=bool) & ~satisfaction
    amount = pd.to_numeric(out["project_amount_yuan"], errors="coerce")
    value_base = pd.to_numeric(out["value_base"], errors="coerce")
    quant = ((kind == "quantitative") & value.notna() & ~((unit_base == "年") & (value >= 1900))).to_numpy() \
        & ~satisfaction & ~by_words
    has_money = ((unit_base == "元") & (amount > 0)).to_numpy()
    by_money = quant & has_money & ((value_base - amount).abs() <= 0.05 * amount).to_numpy()
    by_count = quant & ~has_money & ~unit.isin(["%", "‰", ""]).to_numpy() & ~value.isin(_ROUND).to_numpy() \
        & (n_pair == 0)
    specific = by_words | by_money | by_count

    score = np.clip(cfg["w_pair"] * s_pair + cfg["w_family"] * s_fam + cfg["w_generic"] * s_gen
                    + cfg["w_value"] * s_val + cfg["w_filler"] * s_fill - cfg["w_specific"] * specific, 0.0, 1.0)
    out["boilerplate"] = score >= cfg["threshold"]
    out["boilerplate_score"] = np.round(score, 3)
    labels = fam.labels
    reasons = []
    for i in range(len(out)):
        why = []
        if n_pair[i]:
            why.append(f"same indicator and value in {n_pair[i]} other project(s)")
        if n_fam[i] and s_fam[i] >= 0.5:
            why.append(f"family '{labels[i]}' in {n_fam[i]} other project(s)")
        if s_gen[i]:
            why.append("template wording")
        if s_val[i]:
            why.append("generic value")
        if s_fill[i]:
            why.append("no real target (copy of the name, garbage or pasted value)")
        if specific[i]:
            why.append("names the project's own object or money")
        reasons.append("; ".join(why))
    out["boilerplate_reason"] = reasons
    return out


class _RowView:
    """Attribute access to row i of column lists (much faster than DataFrame.itertuples on arrow strings)."""
    __slots__ = ("_cols", "_i")

    def __init__(self, cols: dict, i: int):
        self._cols, self._i = cols, i

    def __getattr__(self, name):
        try:
            return self._cols[name][self._i]
        except KeyError:
            raise AttributeError(name) from None


def _isnan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


# -- copied tables -----------------------------------------------------------------------------
def copied_tables(df: pd.DataFrame, rubric: dict | None = None) -> dict[tuple, str]:
    """Project key -> the earlier project whose (indicator, value) rows it repeats, identically or but one row.

    Linear time: every project's row set is hashed whole and with each row left out in turn; two
    projects whose sets are equal, or differ by one row (added, dropped or changed), share a hash.
    Candidates are then checked against the rubric's overlap share. The same project name in another
    document (a later year, a re-publication) is not a copy.
    """
    cfg = (rubric or load_rubric())["boilerplate"]
    rows: dict[tuple, set] = defaultdict(set)
    for key, name, value in zip(zip(*(df[c].tolist() for c in PROJECT_KEY)), df["level3"].fillna("").tolist(),
                                 df["value_raw"].fillna("").tolist()):
        rows[key].add((normalize_name(name), _value_key(value)))
    order = list(rows)
    seen: dict[frozenset, list[int]] = defaultdict(list)
    copied: dict[tuple, str] = {}
    for j, key in enumerate(order):
        a = frozenset(rows[key])
        if len(a) < cfg["copied_min_rows"]:
            continue
        sigs = [a] + ([a - {r} for r in a] if len(a) <= 40 else [])
        match = None
        for sig in sigs:
            for i in seen.get(sig, ()):
                b = rows[order[i]]
                if order[i][2] != key[2] and len(a & b) / min(len(a), len(b)) >= cfg["copied_overlap"]:
                    match = i if match is None else min(match, i)
                    break
        if match is not None:
            copied[key] = copied.get(order[match], order[match][2])  # point at the first of the group
        for sig in sigs:
            if len(seen[sig]) < 64:
                seen[sig].append(j)
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
    elif row.kind == "missing" or re.sub(r"\s+", "", value) == re.sub(r"\s+", "", name):
        flags.append("value_is_name")   # (also a name cell that repeats its target: 2020年 | 2020年)
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
    guess = getattr(row, "guess", "") or ""
    if guess in ("ocr_ge", "excel_serial"):
        flags.append({"ocr_ge": "ocr_guess", "excel_serial": "excel_date"}[guess])
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


def flag_codes(value) -> list[str]:
    """The flag codes of a record or project: ``flags`` is a list (older exports wrote ``a;b``, still read).

    >>> flag_codes(["no_unit", "boilerplate"]), flag_codes("no_unit;boilerplate"), flag_codes(None)
    (['no_unit', 'boilerplate'], ['no_unit', 'boilerplate'], [])
    """
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [c for c in value.split(";") if c]
    return [str(c) for c in value if c]


def score_indicators(df: pd.DataFrame, rubric: dict | None = None) -> pd.DataFrame:
    rubric = rubric or load_rubric()
    out = df.copy()
    pasted = pasted_rows(out["value_raw"].fillna("").map(_value_key), _project_ids(out).to_numpy())
    cols = {c: out[c].tolist() for c in out.columns if c.isidentifier()}
    scores, flags, zh, en = [], [], [], []
    specs = rubric["flags"]
    for i in range(len(out)):
        f = indicator_flags(_RowView(cols, i), rubric, bool(pasted[i]))
        scores.append(max(0, 100 - sum(specs[c]["penalty"] for c in f)))
        flags.append(list(f))
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
    """One row per project: score, grade and flags. One pass over plain lists (fast for 100k+ records)."""
    rubric = rubric or load_rubric()
    cfg, pf = rubric["project"], rubric["project_flags"]
    copied = copied if copied is not None else copied_tables(df, rubric)
    slot_l2: dict[tuple, list[str]] = defaultdict(list)
    if slots is not None and len(slots):
        for key in zip(*(slots[c].tolist() for c in ("source_file", "table_id", "project", "level2"))):
            slot_l2[key[:3]].append(key[3])
    projects_in_doc: dict[str, set] = defaultdict(set)
    for f, pname in zip(df["source_file"].tolist(), df["project"].tolist()):
        projects_in_doc[f].add(pname)

    # per-project aggregates in one pass
    keys = list(zip(*(df[c].tolist() for c in PROJECT_KEY)))
    money = ((df["unit_base"] == "元") | ((df["unit_base"] == "") & df["unit"].isin(["万", "亿", "千"])))
    is_cost = (((df["level2"] == "成本指标") | (df["level1"] == "成本指标")) & (df["kind"] == "quantitative")
               & money & df["op"].isin(["=", "<=", "<"])).tolist()
    agg: dict[tuple, dict] = {}
    for i, (key, l1, l2, kind, boiler, score, vb) in enumerate(zip(
            keys, *(df[c].tolist() for c in ("level1", "level2", "kind", "boilerplate", "score", "value_base")))):
        a = agg.get(key)
        if a is None:
            a = agg[key] = {"first": i, "l1": set(), "l2": set(), "n": 0, "quant": 0, "boiler": 0, "score": 0.0,
                            "cost": []}
        a["l1"].add(l1)
        a["l2"].add(l2)
        a["n"] += 1
        a["quant"] += kind == "quantitative"
        a["boiler"] += bool(boiler)
        a["score"] += score
        if is_cost[i]:
            a["cost"].append(float(vb))
    first_cols = {c: df[c].tolist() for c in ("table_kind", "issuer", "year", "project_amount_yuan", "project_goal")}
    cost_levels = {"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
    rows = []
    for key, a in agg.items():
        f0 = a["first"]
        sl = slot_l2.get(key, [])
        flags: list[tuple[str, str]] = []
        for need in cfg["required_level2"]:
            if need not in a["l2"]:
                flags.append(("missing_dimension", need))
        for need in cfg["required_level1"]:
            if need not in a["l1"]:
                flags.append(("missing_dimension", need))
        present = a["l1"] | a["l2"]
        if "成本指标" in sl and not (cost_levels & present):
            flags.append(("missing_dimension", "成本指标"))
        if sl:
            flags.append(("empty_slots", "、".join(dict.fromkeys(sl))))
        if a["n"] < cfg["min_indicators"]:
            flags.append(("too_few_indicators", str(cfg["min_indicators"])))
        quantified = a["quant"] / a["n"]
        if quantified < cfg["min_quantified_share"]:
            flags.append(("low_quantified", f"{quantified:.0%}"))
        bshare = a["boiler"] / a["n"]
        if bshare > cfg["max_boilerplate_share"]:
            flags.append(("high_boilerplate", f"{bshare:.0%}"))
        if key in copied:
            flags.append(("copied_table", copied[key]))
        goal = first_cols["project_goal"][f0] or ""
        named = [p for p in projects_in_doc.get(key[0], ()) if p and p != key[2] and len(p) >= 4
                 and p in goal and p not in key[2]]
        if named:
            flags.append(("goal_names_other_project", sorted(named)[0]))
        amount = first_cols["project_amount_yuan"][f0]
        cost_msg = _cost_check(a["cost"], amount, cfg["cost_tolerance"])
        if cost_msg:
            flags.append(("cost_inconsistent", cost_msg))
        structure = max(0, 100 - sum(pf[c]["penalty"] for c, _ in flags))
        mean_ind = a["score"] / a["n"]
        score = round(cfg["indicator_weight"] * mean_ind + (1 - cfg["indicator_weight"]) * structure, 1)
        rows.append({
            "source_file": key[0], "table_id": key[1], "project": key[2], "table_kind": first_cols["table_kind"][f0],
            "issuer": first_cols["issuer"][f0], "year": first_cols["year"][f0], "project_amount_yuan": amount,
            "indicators": a["n"], "empty_slots": len(sl),
            "share_quantified": round(quantified, 3), "share_boilerplate": round(bshare, 3),
            "copied_from": copied.get(key, ""), "indicator_score_mean": round(mean_ind, 1),
            "structure_score": structure, "score": score, "grade": grade_of(score, rubric),
            "flags": [c for c, _ in flags],
            "flag_args": "\t".join(x for _, x in flags),
            "reasons": "；".join(pf[c]["zh"].format(x=x) for c, x in flags),
            "reasons_en": "; ".join(pf[c]["en"].format(x=x) for c, x in flags),
        })
    return pd.DataFrame(rows)


def score_parts(prow, rubric: dict | None = None) -> dict:
    """How a project's score is made, from its row of :func:`score_projects`: the indicator mean and its
    weight, the structure score as 100 minus each project flag's penalty, the total and the grade with the
    rubric's thresholds. ``total`` is the row's ``score`` (= indicator_part + structure_part up to the
    rounding of the shown mean); the app's project card shows these parts.
    """
    rubric = rubric or load_rubric()
    cfg, pf = rubric["project"], rubric["project_flags"]
    codes = flag_codes(prow["flags"])
    args = str(prow.get("flag_args", "") or "").split("\t") if codes else []
    args += [""] * (len(codes) - len(args))
    penalties = [{"flag": c, "arg": x, "penalty": pf[c]["penalty"], "zh": pf[c]["zh"].format(x=x),
                  "en": pf[c]["en"].format(x=x)} for c, x in zip(codes, args)]
    raw = 100 - sum(p["penalty"] for p in penalties)
    structure = max(0, raw)
    w = cfg["indicator_weight"]
    mean_ind = float(prow["indicator_score_mean"])
    total = float(prow["score"])   # computed from the unrounded mean: the indicator part is what is left
    return {
        "indicator_mean": mean_ind, "indicator_weight": w,
        "indicator_part": round(total - (1 - w) * structure, 2),
        "structure_score": structure, "structure_floor": raw < 0, "structure_weight": round(1 - w, 3),
        "structure_part": round((1 - w) * structure, 2), "penalties": penalties, "total": total,
        "grade": prow["grade"],
        "thresholds": sorted(rubric["grades"].items(), key=lambda kv: -kv[1]),
    }


def _cost_check(values: list[float], amount, tolerance: float) -> str:
    """Cost targets (in yuan) against the project amount."""
    if not values or amount is None or _isnan(amount) or not amount:
        return ""
    limit = amount * (1 + tolerance)
    if max(values) > limit:
        return f"成本指标{max(values) / 1e4:g}万元超过项目金额{amount / 1e4:g}万元"
    # items that add up (no single row is already the total) must not exceed the amount either
    if max(values) < 0.9 * amount and sum(values) > limit:
        return f"成本合计{sum(values) / 1e4:g}万元，项目金额{amount / 1e4:g}万元"
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
    keys = list(zip(*(df[c].tolist() for c in PROJECT_KEY)))
    df["copied_from"] = [copied.get(k, "") for k in keys]
    df = score_indicators(df, rubric)
    projects = score_projects(df, result.slots_frame(), rubric, copied)
    return df, projects
