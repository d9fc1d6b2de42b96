"""Tables and views the app (and anyone in a notebook) shows: overview counts, families, project cards.

Plain functions over the DataFrames of :func:`indicators.quality.analyze`; no Streamlit here.
"""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import pandas as pd

from .quality import flag_codes

GRADE_WORDS = {"improve": "提升类", "maintain": "保持类", "achieve": "完成类", "graded": "分级", "unclear": "不明确"}
KIND_ORDER = ["quantitative", "deadline", "qualitative", "missing"]
GRADE_ORDER = ["优", "良", "中", "差"]
SPAN_COLORS = {"COMPARATOR": "#f4a261", "NUMBER": "#8ecae6", "UNIT": "#90be6d", "PERIOD": "#cdb4db",
               "DIRECTION": "#ffb703", "DATE": "#e9c46a"}


def overview(ind: pd.DataFrame, proj: pd.DataFrame) -> dict:
    """Headline numbers and the series behind the overview charts."""
    flags = Counter(f for fs in ind["flags"] for f in flag_codes(fs))
    return {
        "documents": int(ind["source_file"].nunique()),
        "projects": int(len(proj)),
        "indicators": int(len(ind)),
        "kinds": ind["kind"].value_counts().reindex(KIND_ORDER, fill_value=0),
        "grades": proj["grade"].value_counts().reindex(GRADE_ORDER, fill_value=0) if len(proj) else
        pd.Series(0, index=GRADE_ORDER),
        "flags": pd.Series(dict(flags.most_common(15)), dtype=int),
        "boilerplate_share": float(ind["boilerplate"].mean()) if len(ind) else 0.0,
    }


def filter_indicators(ind: pd.DataFrame, documents=(), projects=(), level1=(), level2=(), kinds=(),
                      boilerplate: bool | None = None, flag: str = "", text: str = "") -> pd.DataFrame:
    """The explorer's filters; empty selections mean 'all'."""
    mask = pd.Series(True, index=ind.index)
    for col, chosen in (("source_file", documents), ("project", projects), ("level1", level1),
                        ("level2", level2), ("kind", kinds)):
        if chosen:
            mask &= ind[col].isin(list(chosen))
    if boilerplate is not None:
        mask &= ind["boilerplate"] == boilerplate
    if flag:
        mask &= ind["flags"].map(lambda fs: flag in flag_codes(fs))
    if text:
        hay = ind["level3"].fillna("") + " " + ind["value_raw"].fillna("") + " " + ind["project"].fillna("")
        mask &= hay.str.contains(text, case=False, regex=False)
    return ind[mask]


def target_text(row) -> str:
    """'≥ 95 %（日均）' — the extracted target in words a reviewer reads next to the raw value."""
    if row["kind"] == "quantitative":
        op = {">=": "≥", "<=": "≤", "=": "=", "between": "", "decrease_by": "下降", "increase_by": "提升"}.get(
            row["op"], row["op"])
        num = lambda x: "" if pd.isna(x) else f"{x:g}"  # noqa: E731
        core = f"{num(row['value'])}–{num(row['value_max'])}" if row["op"] == "between" else num(row["value"])
        period = f"（{row['period']}）" if row["period"] else ""
        return f"{op} {core} {row['unit']}{period}".strip()
    if row["kind"] == "deadline":
        return f"期限 {row['deadline']}" if row["deadline"] else "期限"
    if row["kind"] == "qualitative":
        return f"定性：{GRADE_WORDS.get(row['grade'], row['grade'])}"
    return "无有效目标"


def highlight_html(value: str, name: str = "", year=None) -> str:
    """The raw value with comparator / number / unit / period / direction / date marked in colour."""
    from nlp.targets import Target

    year = None if year is None or pd.isna(year) else int(year)
    t = Target.fromstring(value or "", name=name or "", year=year)
    out, pos = [], 0
    for start, end, label in sorted(t.spans):
        if start < pos:
            continue
        out.append(html.escape(value[pos:start]))
        out.append(f'<mark style="background:{SPAN_COLORS[label]};padding:0 2px;border-radius:3px" '
                   f'title="{label}">{html.escape(value[start:end])}</mark>')
        pos = end
    out.append(html.escape(value[pos:]))
    return "".join(out)


def families_table(ind: pd.DataFrame, top: int = 50) -> pd.DataFrame:
    """Largest families: records, projects, documents, boilerplate share, members."""
    g = ind.groupby(["family_id", "family_label"], sort=False)
    table = g.agg(records=("level3", "size"), projects=("project", "nunique"),
                  documents=("source_file", "nunique"), boilerplate=("boilerplate", "mean"),
                  members=("level3", lambda s: "、".join(sorted(set(s))[:8])))
    return table.reset_index().sort_values(["records", "projects"], ascending=False).head(top)


def copied_tables(proj: pd.DataFrame) -> pd.DataFrame:
    return proj[proj["copied_from"] != ""][["source_file", "project", "copied_from", "score", "grade"]]


def source_lines(path: str | Path) -> list[str]:
    """The source document as display lines, numbered as the records' ``source_line``: the text's lines, or for a
    PDF, workbook or DOCX its rows, cells joined by `` | `` with where each row is (``page 2, table 1, row 5`` /
    ``sheet 表1, row 12``). Raises for a file that is gone or unreadable."""
    from .ingest import decode
    from .readers.registry import reader_for
    reader = reader_for(path)
    if reader.name not in ("text", "html"):
        result = reader.read(path)
        out = []
        for n, line in enumerate(result.lines, start=1):
            loc = result.locations.get(n)
            where = f"  [{loc.label()}]" if loc is not None and loc.label() else ""
            out.append(" | ".join(c for c in line.cells if c) + where)
        return out
    text, _ = decode(Path(path).read_bytes(), str(path))
    return text.splitlines()


def source_excerpt(path: str | Path, first: int, last: int, context: int = 3) -> str:
    """Lines first-context .. last+context of the source document, numbered, for the project card (see
    :func:`source_lines`)."""
    try:
        lines = source_lines(path)
    except Exception as exc:  # the file may be gone (uploaded in another session)
        return f"({exc})"
    lo, hi = max(1, first - context), min(len(lines), last + context)
    return "\n".join(f"{n:>5} | {lines[n - 1]}" for n in range(lo, hi + 1))


