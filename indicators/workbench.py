"""The reviewer's workbench behind the app: load with progress, load report, project list, score parts,
comparison, review reports and the labels of every visible value in Chinese or English.

Plain functions over :class:`indicators.inputs.InputFile` lists and the frames of
:func:`indicators.quality.analyze`; no Streamlit here (the app in ``app_pages/`` lays these out).
"""
from __future__ import annotations

import functools
import html
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .inputs import InputFile, corpus_key
from .model import IndicatorList, ParsedDocument, ParseError
from .quality import PROJECT_KEY, analyze, flag_codes, load_rubric, score_parts
from .report import GRADE_ORDER, target_text
from .vocab import DATA_DIR

UI_FILE = DATA_DIR / "ui.toml"
LANGS = ("zh", "en")


@functools.lru_cache(maxsize=2)
def ui(path: str | Path = UI_FILE) -> dict:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


def labels(lang: str) -> dict:
    return ui()[lang if lang in LANGS else "zh"]


# -- labels of values ----------------------------------------------------------------------------
def flag_names(codes, T: dict, sep: str = "、") -> str:
    return sep.join(T["flag_names"].get(c, c) for c in flag_codes(codes))


def reason_text(reason: str, lang: str) -> str:
    """A parser / input reason (English in the library) in the UI language."""
    if not reason or lang != "zh":
        return reason or ""
    if "; " in reason:   # several diagnostics of one file (a reader's pages, then the parser)
        return "；".join(reason_text(part, lang) for part in reason.split("; "))
    for rule in labels("zh").get("reasons", []):
        if re.match(rule["pattern"], reason):
            return re.sub(rule["pattern"], rule["text"], reason)
    return reason


def grade_name(grade: str, T: dict) -> str:
    return T["grade_names"].get(grade, grade)


def kind_name(kind: str, T: dict) -> str:
    return T.get(f"kind_{kind}", kind)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def display(df: pd.DataFrame, T: dict, lang: str) -> pd.DataFrame:
    """The frame as a reviewer reads it: value codes named (kind, grade, flags, status, reader, yes/no,
    reasons) and column headers from ``ui.toml``."""
    out = df.copy()
    names = {
        "kind": lambda k: kind_name(k, T), "grade": lambda g: grade_name(g, T),
        "flags": lambda f: flag_names(f, T), "top_flags": lambda f: flag_names(f, T),
        "status": lambda s: T.get("status_" + str(s).replace(" ", "_"), s),
        "reader": lambda s: T.get("reader_" + str(s or ""), s),
        "boilerplate": lambda b: T["yes"] if bool(b) else T["no"],
        "reason": lambda r: reason_text(r or "", lang)}
    for col in out.columns:
        if col in names:
            values = out[col].astype(object)
            keys = values.map(lambda v: tuple(v) if isinstance(v, (list, tuple)) else (None if _missing(v) else v))
            table = {k: names[col](list(k) if isinstance(k, tuple) else k) for k in pd.unique(keys)}
            out[col] = keys.map(table).astype(object)   # flags are lists: named once per distinct list
    return out.rename(columns={c: T["columns"].get(c, c) for c in out.columns})


# -- loading -------------------------------------------------------------------------------------
def _parse_one(item: tuple[str, str]) -> ParsedDocument:
    from .parse import parse_file
    path, name = item
    return parse_file(path, name)


def parse_files(files: list[InputFile], jobs: int = 1,
                on_progress: Callable[[int, int, str], None] | None = None,
                memo: dict | None = None) -> list[ParsedDocument]:
    """Parse every input one at a time (``jobs`` > 1: in that many processes, results in order), calling
    ``on_progress(done, total, name)`` after each file. ``memo`` maps (digest, name) to an earlier
    result, so adding one file to a loaded set parses only that file."""
    memo = memo if memo is not None else {}
    todo = [f for f in files if not f.skipped and (f.digest, f.name) not in memo]
    total, done = len(files), 0
    skipped = {f.name: ParsedDocument(source_file=f.name, error=ParseError(f.name, None, f.skipped))
               for f in files if f.skipped}
    if on_progress:
        on_progress(0, total, "")
    items = [(f.path, f.name) for f in todo]
    if jobs > 1 and len(todo) >= 8 * jobs:
        import threading
        from concurrent.futures import ProcessPoolExecutor
        # while the workers parse, this process only waits: load what scoring needs (jieba, scikit-learn)
        threading.Thread(target=warm, daemon=True).start()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for f, doc in zip(todo, pool.map(_parse_one, items, chunksize=4)):
                memo[(f.digest, f.name)] = doc
                done += 1
                if on_progress:
                    on_progress(done + total - len(todo), total, f.name)
    else:
        for f, item in zip(todo, items):
            memo[(f.digest, f.name)] = _parse_one(item)
            done += 1
            if on_progress:
                on_progress(done + total - len(todo), total, f.name)
    if on_progress:
        on_progress(total, total, "")
    return [skipped[f.name] if f.skipped else memo[(f.digest, f.name)] for f in files]


def warm() -> None:
    """Import and initialise the scoring steps once (1.5 s cold: jieba's dictionary, scikit-learn)."""
    try:
        from nlp.families import indicator_families
        indicator_families(["医保工作满意度", "信访投诉率"], threshold=0.6)
    except Exception:  # only a head start; scoring will raise properly if something is wrong
        pass


@dataclass
class Corpus:
    """Everything a page shows, computed once per set of inputs (names + contents)."""
    key: tuple
    ind: pd.DataFrame
    proj: pd.DataFrame
    loaded: pd.DataFrame
    paths: dict[str, str]
    cache: dict = field(default_factory=dict)   # per-filter download bytes and other derived views

    def derived(self, key, build: Callable):
        """``build()`` once per key (downloads, tables): a page change reuses it."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]


def build_corpus(files: list[InputFile], docs: list[ParsedDocument]) -> Corpus:
    result = IndicatorList(docs)
    ind, proj = analyze(result)
    if len(proj):
        proj = proj.copy()
        proj.insert(0, "id", project_ids(proj))
    loaded = result.load_report()
    paths = {f.path: f.name for f in files if f.path}
    loaded["reason"] = [_no_paths(r, paths) for r in loaded["reason"]]
    skipped = {f.name for f in files if f.skipped}
    loaded.loc[loaded["source_file"].isin(skipped), "status"] = "skipped"
    return Corpus(key=corpus_key(files), ind=ind, proj=proj, loaded=loaded,
                  paths={f.name: f.path for f in files if f.path})


def _no_paths(reason: str, paths: dict[str, str]) -> str:
    """A reason that mentions where a file was saved names the file instead (never a server path)."""
    if reason and "/" in reason:
        for path, name in paths.items():
            if path in reason:
                reason = reason.replace(path, name)
        reason = re.sub(r"(?:(?<=^)|(?<=[\s'\"(:]))(/[^\s/'\"]+)+/([^\s/'\"]+)", r"\2", reason)
    return reason


def load_summary(loaded: pd.DataFrame) -> dict:
    s = loaded["status"].value_counts()
    return {"files": int(len(loaded)), "ok": int(s.get("records", 0)), "empty": int(s.get("no records", 0)),
            "errors": int(s.get("error", 0)), "skipped": int(s.get("skipped", 0))}


def load_report_view(loaded: pd.DataFrame) -> pd.DataFrame:
    """Problems first (unreadable, skipped, no records), then the files with records; name order within."""
    order = {"error": 0, "skipped": 1, "no records": 2, "records": 3}
    out = loaded.assign(_o=loaded["status"].map(order)).sort_values(["_o", "source_file"], kind="stable")
    out = out.drop(columns="_o").rename(columns={"source_file": "file"})
    out["line"] = out["line"].astype("Int64")
    return out[["file", "status", "records", "tables", "reader", "line", "reason"]].reset_index(drop=True)


# -- project list and card -----------------------------------------------------------------------
def project_ids(proj: pd.DataFrame) -> list[str]:
    return [f"{f}#{t}#{p}" for f, t, p in zip(*(proj[c].tolist() for c in PROJECT_KEY))]


def project_label(prow) -> str:
    return f"{prow['source_file']} · {prow['project'] or '—'}"


def top_flags(ind: pd.DataFrame, proj: pd.DataFrame, n: int = 3) -> list[str]:
    """Per project: its worst flags, project flags and indicator flags weighed by penalty × count."""
    rubric = load_rubric()
    pf, fl = rubric["project_flags"], rubric["flags"]
    weight: dict[tuple, Counter] = {}
    for key, flags in zip(zip(*(ind[c].tolist() for c in PROJECT_KEY)), ind["flags"].tolist()):
        codes = flag_codes(flags)
        if codes:
            c = weight.setdefault(key, Counter())
            for f in codes:
                c[f] += fl[f]["penalty"]
    out = []
    for key, flags in zip(zip(*(proj[c].tolist() for c in PROJECT_KEY)), proj["flags"].tolist()):
        c = Counter(weight.get(key, Counter()))
        for f in flag_codes(flags):
            c[f] += pf[f]["penalty"] * 3   # a structural flag outweighs one indicator's
        out.append([f for f, _ in c.most_common(n)])
    return out


def project_table(ind: pd.DataFrame, proj: pd.DataFrame) -> pd.DataFrame:
    """Every project, worst first (lowest score, then most flags): document, issuer, year, project, amount,
    indicators, score, grade, top flags (``id`` keeps the row's project id for the card)."""
    if proj.empty:
        return pd.DataFrame(columns=["id", "source_file", "issuer", "year", "project", "project_amount_yuan",
                                     "indicators", "score", "grade", "top_flags"])
    t = proj[["id", "source_file", "issuer", "year", "project", "project_amount_yuan", "indicators", "score",
              "grade"]].copy()
    t["top_flags"] = top_flags(ind, proj)
    t["year"] = pd.to_numeric(t["year"], errors="coerce").astype("Int64")
    n_flags = t["top_flags"].map(len)
    return (t.assign(_n=-n_flags).sort_values(["score", "_n", "source_file", "project"], kind="stable")
            .drop(columns="_n").reset_index(drop=True))


def filter_projects(table: pd.DataFrame, grades=(), issuers=(), years=()) -> pd.DataFrame:
    """The project list's filters (empty = all); keeps the worst-first order."""
    mask = pd.Series(True, index=table.index)
    if grades:
        mask &= table["grade"].isin(list(grades))
    if issuers:
        mask &= table["issuer"].isin(list(issuers))
    if years:
        mask &= table["year"].isin([int(y) for y in years])
    return table[mask].reset_index(drop=True)


def card_breakdown(prow, T: dict, lang: str) -> pd.DataFrame:
    """The score as its parts, one row each: indicator part, structure part (100 minus each penalty), total."""
    p = score_parts(prow)
    rows = [{"item": T["part_indicators"].format(mean=p["indicator_mean"], w=p["indicator_weight"]),
             "points": p["indicator_part"]},
            {"item": T["structure_base"], "points": 100.0}]
    for pen in p["penalties"]:
        rows.append({"item": f"  − {T['flag_names'].get(pen['flag'], pen['flag'])}: {pen[lang]}",
                     "points": -float(pen["penalty"])})
    rows.append({"item": T["part_structure"].format(s=p["structure_score"], w=p["structure_weight"])
                 + (T["structure_floor"] if p["structure_floor"] else ""), "points": p["structure_part"]})
    rows.append({"item": T["part_total"], "points": p["total"]})
    return pd.DataFrame(rows).rename(columns={"item": T["item"], "points": T["points"]})


def thresholds_text(T: dict) -> str:
    grades = sorted(load_rubric()["grades"].items(), key=lambda kv: -kv[1])
    return "，".join(f"{grade_name(g, T)} ≥ {b}" for g, b in grades)


def card_indicators(ind: pd.DataFrame, prow, T: dict, lang: str) -> pd.DataFrame:
    """A project's indicators as the three-level table, each flag's reason beside its row."""
    rows = project_rows(ind, prow)
    table = pd.DataFrame({
        "source_line": rows["source_line"].to_numpy(), "level1": rows["level1"].to_numpy(),
        "level2": rows["level2"].to_numpy(), "level3": rows["level3"].to_numpy(),
        "value_raw": rows["value_raw"].to_numpy(),
        "target": [target_label(r, T) for _, r in rows.iterrows()],
        "kind": rows["kind"].to_numpy(), "score": rows["score"].to_numpy(), "flags": rows["flags"].to_numpy(),
        "reasons": rows["reasons" if lang == "zh" else "reasons_en"].to_numpy()})
    same1 = table["level1"].eq(table["level1"].shift())
    same2 = table["level2"].eq(table["level2"].shift()) & same1
    table.loc[same1, "level1"] = ""
    table.loc[same2, "level2"] = ""
    return table


def project_rows(ind: pd.DataFrame, prow) -> pd.DataFrame:
    return ind[(ind["source_file"] == prow["source_file"]) & (ind["table_id"] == prow["table_id"])
               & (ind["project"] == prow["project"])]


_TARGET_EN = {"期限": "deadline", "定性：": "qualitative: ", "无有效目标": "no usable target", "下降": "down by",
              "提升": "up by", "提升类": "improve", "保持类": "maintain", "完成类": "achieve", "分级": "graded",
              "不明确": "unclear", "（": " (", "）": ")"}


def target_label(row, T: dict) -> str:
    """:func:`indicators.report.target_text` in the UI language."""
    text = target_text(row)
    if T is labels("en") or T.get("yes") == "Yes":
        for zh, en in sorted(_TARGET_EN.items(), key=lambda kv: -len(kv[0])):   # 提升类 before 提升
            text = text.replace(zh, en)
    return text


_TARGET_COLS = ["kind", "op", "value", "value_max", "unit", "period", "deadline", "grade"]


def targets_column(ind: pd.DataFrame, T: dict) -> pd.Series:
    """:func:`target_label` of every record, computed once per distinct target (fast on 100k records)."""
    if ind.empty:
        return pd.Series([], dtype=object, index=ind.index)
    cols = [c for c in _TARGET_COLS if c in ind.columns]
    keys = pd.MultiIndex.from_frame(ind[cols].astype("string").fillna("\x00"))
    codes, uniques = pd.factorize(keys)
    first = pd.Series(range(len(ind)))[~pd.Series(codes).duplicated()].to_numpy()
    texts = {codes[i]: target_label(ind.iloc[i], T) for i in first}
    return pd.Series([texts[k] for k in codes], index=ind.index, dtype=object)


def group_key(s: pd.Series, by: str, unknown: str = "?") -> pd.Series:
    """The compare page's group of each row (years as whole numbers, blanks as ``unknown``)."""
    if by == "year":
        return pd.to_numeric(s, errors="coerce").astype("Int64").astype("string").fillna(unknown)
    return s.astype("string").fillna(unknown).replace("", unknown)


def source_html(path: str, first: int, last: int, highlight: int | None = None, context: int = 3) -> str:
    """The numbered source lines first-context .. last+context as HTML, the chosen line marked."""
    from .report import source_lines
    try:
        lines = source_lines(path)   # text lines, or a PDF's / workbook's / DOCX's rows with their place
    except Exception as exc:  # the file may be gone (uploaded in another session)
        return f"<pre>({html.escape(type(exc).__name__)})</pre>"
    lo, hi = max(1, first - context), min(len(lines), last + context)
    out = []
    for n in range(lo, hi + 1):
        body = f"{n:>5} | {html.escape(lines[n - 1])}"
        if n == highlight:
            body = f'<mark id="hl" style="background:#ffe066;display:inline-block;min-width:100%">{body}</mark>'
        out.append(body)
    return ('<pre style="max-height:640px;overflow:auto;white-space:pre;font-size:0.85em;'
            'line-height:1.45;padding:0.6em;border:1px solid #ddd;border-radius:4px">' + "\n".join(out) + "</pre>")


# -- compare -------------------------------------------------------------------------------------
COMPARE_BY = ("source_file", "issuer", "year")


def compare_table(ind: pd.DataFrame, proj: pd.DataFrame, by: str, groups=(), unknown: str = "?") -> pd.DataFrame:
    """Groups (documents, issuers or years) side by side: projects, indicators, share quantified, share
    boilerplate, mean score, the grade distribution and the most common flags."""
    gi, gp = group_key(ind[by], by, unknown), group_key(proj[by], by, unknown)
    wanted = sorted(set(gp)) if not groups else [g for g in sorted(set(gp)) if g in set(groups)]
    ig = pd.DataFrame({"g": gi.to_numpy(), "q": (ind["kind"] == "quantitative").to_numpy(),
                       "b": ind["boilerplate"].astype(bool).to_numpy()}).groupby("g")
    n_ind, quant, boiler = ig.size(), ig["q"].mean(), ig["b"].mean()
    pg = pd.DataFrame({"g": gp.to_numpy(), "s": proj["score"].to_numpy(), "grade": proj["grade"].to_numpy()})
    n_proj, mean_score = pg.groupby("g").size(), pg.groupby("g")["s"].mean()
    grades = pd.crosstab(pg["g"], pg["grade"]).reindex(columns=GRADE_ORDER, fill_value=0)
    flags: dict[str, Counter] = {g: Counter() for g in wanted}
    for frame, keys in ((ind, gi), (proj, gp)):
        for g, fs in zip(keys.tolist(), frame["flags"].tolist()):
            c = flags.get(g)
            if c is not None:
                c.update(flag_codes(fs))
    rows = []
    for g in wanted:
        row = {"group": g, "projects": int(n_proj.get(g, 0)), "indicators": int(n_ind.get(g, 0)),
               "share_quantified": round(float(quant.get(g, 0.0)), 3),
               "share_boilerplate": round(float(boiler.get(g, 0.0)), 3),
               "mean_score": round(float(mean_score[g]), 1) if g in mean_score.index else None}
        for grade in GRADE_ORDER:
            row[grade] = int(grades.at[g, grade]) if g in grades.index else 0
        row["top_flags"] = [f for f, _ in flags[g].most_common(3)]
        rows.append(row)
    return pd.DataFrame(rows, columns=["group", "projects", "indicators", "share_quantified", "share_boilerplate",
                                       "mean_score", *GRADE_ORDER, "top_flags"])


def compare_groups(proj: pd.DataFrame, by: str, unknown: str = "?") -> list[str]:
    if proj.empty:
        return []
    return sorted(set(group_key(proj[by], by, unknown)))


# -- review report -------------------------------------------------------------------------------
def findings(ind: pd.DataFrame, projects: pd.DataFrame, T: dict, lang: str) -> pd.DataFrame:
    """One row per finding of the given projects: the project's own flags (with their penalties on the
    structure score), then every flagged indicator with its source line."""
    rubric = load_rubric()
    rows = []
    for _, prow in projects.iterrows():
        for pen in score_parts(prow, rubric)["penalties"]:
            rows.append({"source_file": prow["source_file"], "project": prow["project"],
                         "scope": T["scope_project"], "source_line": None, "level3": "", "value_raw": "",
                         "flag": T["flag_names"].get(pen["flag"], pen["flag"]), "reason": pen[lang],
                         "penalty": pen["penalty"]})
        for _, r in project_rows(ind, prow).iterrows():
            for f in flag_codes(r["flags"]):
                spec = rubric["flags"][f]
                rows.append({"source_file": r["source_file"], "project": r["project"],
                             "scope": T["scope_indicator"], "source_line": int(r["source_line"]),
                             "level3": r["level3"], "value_raw": r["value_raw"],
                             "flag": T["flag_names"].get(f, f), "reason": spec[lang], "penalty": spec["penalty"]})
    out = pd.DataFrame(rows, columns=["source_file", "project", "scope", "source_line", "level3", "value_raw",
                                      "flag", "reason", "penalty"])
    out["source_line"] = out["source_line"].astype("Int64")
    return out


def review_report(ind: pd.DataFrame, projects: pd.DataFrame, T: dict, lang: str) -> bytes:
    """XLSX a reviewer can send on: a summary sheet (per project: score, its parts, grade, thresholds),
    the findings sheet, and the indicators with their flags. Byte-identical for the same data."""
    from .export import xlsx_bytes
    C = T["columns"]
    summary = []
    for _, prow in projects.iterrows():
        p = score_parts(prow)
        summary.append({C["source_file"]: prow["source_file"], C["issuer"]: prow["issuer"],
                        C["year"]: prow["year"], C["project"]: prow["project"],
                        C["project_amount_yuan"]: prow["project_amount_yuan"], C["indicators"]: prow["indicators"],
                        C["indicator_score_mean"]: p["indicator_mean"], C["structure_score"]: p["structure_score"],
                        C["score"]: p["total"], C["grade"]: grade_name(p["grade"], T),
                        C["flags"]: flag_names(prow["flags"], T),
                        C["reasons"]: prow["reasons" if lang == "zh" else "reasons_en"]})
    summary_df = pd.DataFrame(summary)
    note = pd.DataFrame({C["source_file"]: ["", T["thresholds"].format(t=thresholds_text(T)), T["generated_by"]]})
    summary_df = pd.concat([summary_df, note], ignore_index=True)
    fnd = display(findings(ind, projects, T, lang), T, lang)
    rows = pd.concat([project_rows(ind, prow) for _, prow in projects.iterrows()]) if len(projects) else ind.head(0)
    indicators = pd.DataFrame({
        "source_file": rows["source_file"], "project": rows["project"], "source_line": rows["source_line"],
        "level1": rows["level1"], "level2": rows["level2"], "level3": rows["level3"],
        "value_raw": rows["value_raw"], "target": [target_label(r, T) for _, r in rows.iterrows()],
        "kind": rows["kind"], "boilerplate": rows["boilerplate"], "score": rows["score"], "flags": rows["flags"],
        "reasons": rows["reasons" if lang == "zh" else "reasons_en"]})
    return xlsx_bytes({T["sheet_summary"]: summary_df, T["sheet_findings"]: fnd,
                       T["sheet_indicators"]: display(indicators, T, lang)})

