"""jixiao Streamlit app: explore parsed, scored 绩效目标 indicators.  Run: ``streamlit run app.py``.

A thin shell: parsing and scoring are ``indicators.quality.analyze``; tables and views are
``indicators.report``; this file only lays them out. Heavy work is cached with ``st.cache_data``.
"""
from __future__ import annotations

import hashlib
import tempfile
import tomllib
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import read_documents, report
from indicators.export import frame_bytes
from indicators.ingest import SUPPORTED_SUFFIXES
from indicators.quality import analyze

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "data" / "samples"
UI = tomllib.loads((ROOT / "data" / "ui.toml").read_text(encoding="utf-8"))
UPLOAD_DIR = Path(tempfile.gettempdir()) / "jixiao-uploads"
UPLOAD_TYPES = sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)   # every format a reader claims


@st.cache_data(show_spinner="解析中 / parsing …", max_entries=8)
def load(paths: tuple[str, ...]):
    result = read_documents(list(paths), progress=False, jobs=2 if len(paths) > 50 else 1)
    ind, proj = analyze(result)
    errors = [str(e).replace(e.source_file, Path(e.source_file).name, 1) for e in result.errors]
    loaded = result.load_report()
    loaded["source_file"] = [Path(f).name for f in loaded["source_file"]]  # never a server path
    return ind, proj, errors, loaded


def save_uploads(files) -> tuple[str, ...]:
    """Uploaded files to disk (content-addressed, so the cache key is stable across reruns)."""
    paths = []
    for f in files:
        data = f.getvalue()
        folder = UPLOAD_DIR / hashlib.sha1(data).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(f.name).name
        if not path.exists():
            path.write_bytes(data)
        paths.append(str(path))
    return tuple(sorted(paths))


def main() -> None:
    st.set_page_config(page_title="jixiao 绩效目标分析", layout="wide")
    lang = st.sidebar.radio("语言 / Language", ["中文", "English"], horizontal=True, key="lang")
    T = UI["zh" if lang == "中文" else "en"]
    st.title(T["title"])

    source = st.sidebar.radio(T["source"], [T["samples"], T["upload"]], key="source")
    if source == T["samples"]:
        paths = tuple(sorted(str(p) for p in SAMPLES.glob("*") if p.is_file()))
    else:
        files = st.sidebar.file_uploader(T["upload"], accept_multiple_files=True, help=T["upload_help"],
                                         type=UPLOAD_TYPES, key="files")
        if not files:
            st.info(T["no_upload"])
            return
        paths = save_uploads(files)
    ind, proj, errors, loaded = load(paths)
    for err in errors:
        st.error(f"{T['read_error']}: {err}")
    empty = loaded[loaded["status"] == "no records"]
    for row in empty.itertuples():
        st.warning(f"{T['no_records']}: {row.source_file} — {row.reason}")

    pages = [T["overview"], T["explorer"], T["card"], T["families"], T["downloads"]]
    page = st.sidebar.radio(T["page"], pages, key="page")
    if ind.empty:
        st.warning(T["none"])
    else:
        {pages[0]: page_overview, pages[1]: page_explorer, pages[2]: page_card, pages[3]: page_families,
         pages[4]: page_downloads}[page](ind, proj, T)
    # every file: records found, or why none (after the page, so a page's own tables come first)
    with st.expander(T["load_report"], expanded=ind.empty or not empty.empty or bool(errors)):
        st.dataframe(loaded.rename(columns=T["load_columns"]), hide_index=True, use_container_width=True)


def bar(series: pd.Series, label: str, horizontal: bool = False):
    """Bar chart that keeps the series order (st.bar_chart would sort the categories)."""
    import altair as alt

    data = pd.DataFrame({"name": [str(i) for i in series.index], label: series.values})
    x = alt.X("name:N", sort=None, title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y(f"{label}:Q", title=label)
    chart = alt.Chart(data).mark_bar().encode(
        **({"y": alt.Y("name:N", sort=None, title=None), "x": alt.X(f"{label}:Q", title=label)} if horizontal
           else {"x": x, "y": y}), tooltip=["name", label])
    return chart.properties(height=max(220, 30 * len(series)) if horizontal else 260)


def page_overview(ind, proj, T) -> None:
    o = report.overview(ind, proj)
    cols = st.columns(4)
    cols[0].metric(T["documents"], o["documents"])
    cols[1].metric(T["projects"], o["projects"])
    cols[2].metric(T["indicators"], o["indicators"])
    cols[3].metric(T["boilerplate_share"], f"{o['boilerplate_share']:.0%}")
    left, right = st.columns(2)
    left.subheader(T["kinds"])
    kinds = o["kinds"].rename(index={k: T.get(f"kind_{k}", k) for k in o["kinds"].index})
    left.altair_chart(bar(kinds, T["indicators"]), width="stretch")
    right.subheader(T["grades"])
    right.altair_chart(bar(o["grades"], T["projects"]), width="stretch")
    st.subheader(T["flags"])
    st.altair_chart(bar(o["flags"], T["indicators"], horizontal=True), width="stretch")


def page_explorer(ind, proj, T) -> None:
    c = st.columns(3)
    docs = c[0].multiselect(T["filter_doc"], sorted(ind["source_file"].unique()), key="f_doc")
    scope = ind[ind["source_file"].isin(docs)] if docs else ind
    projects = c[1].multiselect(T["filter_project"], sorted(scope["project"].unique()), key="f_project")
    level1 = c[2].multiselect(T["filter_level1"], sorted(ind["level1"].unique()), key="f_level1")
    c = st.columns(4)
    level2 = c[0].multiselect(T["filter_level2"], sorted(ind["level2"].unique()), key="f_level2")
    kinds = c[1].multiselect(T["filter_kind"], report.KIND_ORDER, key="f_kind")
    boiler = c[2].selectbox(T["filter_boiler"], [T["all"], T["yes"], T["no"]], key="f_boiler")
    all_flags = sorted({f for fs in ind["flags"] for f in fs.split(";") if f})
    flag = c[3].selectbox(T["filter_flag"], [""] + all_flags, key="f_flag")
    text = st.text_input(T["search"], key="f_text")
    shown = report.filter_indicators(ind, docs, projects, level1, level2, kinds,
                                     None if boiler == T["all"] else boiler == T["yes"], flag, text.strip())
    st.session_state["filtered"] = shown
    st.caption(T["shown"].format(n=len(shown), total=len(ind)))
    view = shown[["project", "level1", "level2", "level3", "value_raw"]].copy()
    view["target"] = [report.target_text(r) for _, r in shown.iterrows()]
    view = pd.concat([view, shown[["kind", "boilerplate", "score", "flags"]]], axis=1)
    st.dataframe(view, width="stretch", hide_index=True)
    if len(shown):
        options = list(range(min(len(shown), 500)))
        pick = st.selectbox(T["detail"], options, key="f_detail",
                            format_func=lambda i: f"{shown.iloc[i]['level3']} = {shown.iloc[i]['value_raw']}")
        row = shown.iloc[pick]
        st.markdown(report.highlight_html(row["value_raw"], row["level3"], row["year"]), unsafe_allow_html=True)
        st.caption(f"{report.target_text(row)} · {T['legend']}")


def page_card(ind, proj, T) -> None:
    keys = [report.project_key(r) for _, r in proj.iterrows()]
    i = st.selectbox(T["choose_project"], range(len(keys)), format_func=lambda k: keys[k], key="card_project")
    prow = proj.iloc[i]
    c = st.columns(3)
    c[0].metric(T["score"], prow["score"])
    c[1].metric(T["grade"], prow["grade"])
    c[2].metric(T["indicators"], int(prow["indicators"]))
    st.subheader(T["project_flags"])
    reasons = prow["reasons"] if T is UI["zh"] else prow["reasons_en"]
    if reasons:
        for r in reasons.split("；" if T is UI["zh"] else "; "):
            st.markdown(f"- {r}")
    else:
        st.success(T["no_flags"])
    table = report.project_indicators(ind, prow)
    left, right = st.columns([3, 2])
    left.subheader(T["three_level"])
    left.dataframe(table, width="stretch", hide_index=True)
    right.subheader(T["source_lines"])
    right.code(report.source_excerpt(prow["source_file"], int(table["source_line"].min()),
                                     int(table["source_line"].max())), language=None)


def page_families(ind, proj, T) -> None:
    st.subheader(T["largest_families"])
    st.dataframe(report.families_table(ind), width="stretch", hide_index=True)
    st.subheader(T["copied"])
    copied = report.copied_tables(proj)
    if copied.empty:
        st.write(T["none"])
    else:
        st.dataframe(copied, width="stretch", hide_index=True)


def page_downloads(ind, proj, T) -> None:
    shown = st.session_state.get("filtered", ind)
    for label, df, stem in ((T["download_ind"], shown, "indicators"), (T["download_proj"], proj, "projects")):
        st.subheader(label)
        cols = st.columns(3)
        for col, (fmt, mime) in zip(cols, (("csv", "text/csv"),
                                           ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                           ("parquet", "application/octet-stream"))):
            col.download_button(f"{fmt.upper()} ({len(df)})", frame_bytes(df, fmt), file_name=f"{stem}.{fmt}",
                                mime=mime, key=f"dl_{stem}_{fmt}")


main()
