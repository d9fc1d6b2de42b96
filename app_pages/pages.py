"""The pages: each takes the loaded corpus, the UI labels and the language, and lays out library views."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import report, workbench
from indicators.export import frame_bytes
from indicators.quality import flag_codes

from . import state

EXPLORER_ROWS = 5000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME = {"csv": "text/csv", "xlsx": XLSX, "parquet": "application/octet-stream"}


def _show(df: pd.DataFrame, T: dict, lang: str, **kw):
    """A frame with its values and headers in the UI language."""
    view = workbench.display(df, T, lang)
    config = {T["columns"][c]: st.column_config.NumberColumn(format="percent")
              for c in ("share_quantified", "share_boilerplate") if c in df.columns}
    config.update({T["columns"][c]: st.column_config.TextColumn(width="large")
                   for c in ("reasons", "reason", "members") if c in df.columns})
    config.update({T["columns"][c]: st.column_config.NumberColumn(width="small", format="%d")
                   for c in ("source_line", "line") if c in df.columns})
    return st.dataframe(view, hide_index=True, width="stretch", column_config=config or None, placeholder="—",
                        **kw)


def _selected_row(event) -> int | None:
    try:
        rows = event.selection.rows
    except AttributeError:
        return None
    return rows[0] if rows else None


def bar(series: pd.Series, label: str, horizontal: bool = False):
    """Bar chart that keeps the series order; counts on a whole-number axis."""
    import altair as alt

    data = pd.DataFrame({"name": [str(i) for i in series.index], "n": series.values})
    count = alt.Axis(format="d", tickMinStep=1, title=label)
    name = alt.Axis(labelAngle=0, title=None, labelLimit=320)
    enc = ({"y": alt.Y("name:N", sort=None, axis=name), "x": alt.X("n:Q", axis=count)} if horizontal
           else {"x": alt.X("name:N", sort=None, axis=name), "y": alt.Y("n:Q", axis=count)})
    chart = alt.Chart(data).mark_bar().encode(**enc, tooltip=[alt.Tooltip("name:N", title=" "),
                                                              alt.Tooltip("n:Q", title=label)])
    return chart.properties(height=max(220, 30 * len(series)) if horizontal else 260)


# -- pages ---------------------------------------------------------------------------------------
def overview(c, T, lang) -> None:
    o = report.overview(c.ind, c.proj)
    cols = st.columns(4)
    cols[0].metric(T["documents"], o["documents"])
    cols[1].metric(T["projects"], o["projects"])
    cols[2].metric(T["indicators"], o["indicators"])
    cols[3].metric(T["boilerplate_share"], f"{o['boilerplate_share']:.0%}")
    left, right = st.columns(2)
    left.subheader(T["kinds"])
    left.altair_chart(bar(o["kinds"].rename(index=lambda k: workbench.kind_name(k, T)), T["indicators"]),
                      width="stretch")
    right.subheader(T["grades"])
    right.altair_chart(bar(o["grades"].rename(index=lambda g: workbench.grade_name(g, T)), T["projects"]),
                       width="stretch")
    st.subheader(T["flags"])
    flags = o["flags"].rename(index=lambda f: T["flag_names"].get(f, f))
    st.altair_chart(bar(flags, T["indicators"], horizontal=True), width="stretch")


def projects(c, T, lang) -> None:
    table = c.derived(("project_table",), lambda: workbench.project_table(c.ind, c.proj))
    cols = st.columns(3)
    state.valid("pl_grade", report.GRADE_ORDER)
    grades = cols[0].multiselect(T["filter_grade"], report.GRADE_ORDER, key="pl_grade", placeholder=T["choose"],
                                 format_func=lambda g: workbench.grade_name(g, T))
    issuer_opts = sorted({i for i in table["issuer"].fillna("") if i})
    state.valid("pl_issuer", issuer_opts)
    issuers = cols[1].multiselect(T["filter_issuer"], issuer_opts, key="pl_issuer", placeholder=T["choose"])
    year_opts = sorted({str(y) for y in table["year"].dropna()})
    state.valid("pl_year", year_opts)
    years = cols[2].multiselect(T["filter_year"], year_opts, key="pl_year", placeholder=T["choose"])
    shown = workbench.filter_projects(table, grades, issuers, years)
    st.caption(T["shown_projects"].format(n=len(shown), total=len(table)))
    event = _show(shown.drop(columns="id"), T, lang, on_select="rerun", selection_mode="single-row",
                  key="pl_table")
    row = _selected_row(event)
    if row is not None and row < len(shown):
        pid = shown.iloc[row]["id"]
        st.session_state["card_project"] = pid
        st.divider()
        render_card(c, pid, T, lang, prefix="pl")


def card(c, T, lang) -> None:
    ids, labels = c.derived(("card_labels",), lambda: (list(c.proj["id"]), dict(zip(c.proj["id"], (
        f"{f} · {p or '—'}" for f, p in zip(c.proj["source_file"].tolist(), c.proj["project"].tolist()))))))
    state.valid("card_project", ids)
    pid = st.selectbox(T["choose_project"], ids, key="card_project", format_func=labels.get)
    render_card(c, pid, T, lang, prefix="card")


def render_card(c, pid: str, T, lang, prefix: str) -> None:
    prow = c.proj[c.proj["id"] == pid].iloc[0]
    st.subheader(workbench.project_label(prow))
    parts = workbench.score_parts(prow)
    m = st.columns(4)
    m[0].metric(T["score"], f"{prow['score']:g}")
    m[1].metric(T["grade"], workbench.grade_name(prow["grade"], T))
    m[2].metric(T["indicators"], int(prow["indicators"]))
    m[3].metric(T["columns"]["structure_score"], parts["structure_score"])
    left, right = st.columns([3, 2])
    left.markdown(f"**{T['breakdown']}**")
    left.dataframe(workbench.card_breakdown(prow, T, lang), hide_index=True, width="stretch",
                   key=f"{prefix}_breakdown")
    left.caption(T["thresholds"].format(t=workbench.thresholds_text(T)))
    right.markdown(f"**{T['project_flags']}**")
    if parts["penalties"]:
        right.markdown("\n".join(f"- **{T['flag_names'].get(p['flag'], p['flag'])}** (−{p['penalty']}): {p[lang]}"
                                 for p in parts["penalties"]))
    else:
        right.success(T["no_flags"])
    st.markdown(f"**{T['three_level']}**")
    table = workbench.card_indicators(c.ind, prow, T, lang)
    event = _show(table, T, lang, on_select="rerun", selection_mode="single-row", key=f"{prefix}_rows")
    row = _selected_row(event)
    chosen = int(table.iloc[row]["source_line"]) if row is not None and row < len(table) else None
    st.markdown(f"**{T['source_lines']}**")
    if chosen is None:
        st.caption(T["source_pick"])
    path = c.paths.get(prow["source_file"], "")
    st.html(workbench.source_html(path, int(table["source_line"].min()), int(table["source_line"].max()), chosen))
    d = st.columns(2)
    one = c.proj[c.proj["id"] == pid]
    doc = c.proj[c.proj["source_file"] == prow["source_file"]]
    stem = prow["source_file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    d[0].download_button(T["download_review"], key=f"{prefix}_dl_review", mime=XLSX, on_click="ignore",
                         file_name=f"review-{stem}-{prow['project'][:40] or 'project'}.xlsx",
                         data=lambda: c.derived(("review", pid, lang),
                                                lambda: workbench.review_report(c.ind, one, T, lang)))
    d[1].download_button(T["download_review_doc"], key=f"{prefix}_dl_review_doc", mime=XLSX, on_click="ignore",
                         file_name=f"review-{stem}.xlsx",
                         data=lambda: c.derived(("review_doc", prow["source_file"], lang),
                                                lambda: workbench.review_report(c.ind, doc, T, lang)))


def explorer_filter(c) -> tuple:
    ss = st.session_state
    return (tuple(ss["f_doc"]), tuple(ss["f_project"]), tuple(ss["f_level1"]), tuple(ss["f_level2"]),
            tuple(ss["f_kind"]), ss["f_boiler"], ss["f_flag"], (ss["f_text"] or "").strip())


def explorer_rows(c) -> pd.DataFrame:
    """The indicators the explorer's filters keep (also what 下载 offers), cached per filter state."""
    f = explorer_filter(c)
    boiler = {"all": None, "yes": True, "no": False}.get(f[5])
    return c.derived(("filtered", f), lambda: report.filter_indicators(c.ind, *f[:5], boiler, f[6], f[7]))


def explorer(c, T, lang) -> None:
    ind = c.ind
    cols = st.columns(3)
    doc_opts = sorted(ind["source_file"].unique())
    state.valid("f_doc", doc_opts)
    docs = cols[0].multiselect(T["filter_doc"], doc_opts, key="f_doc", placeholder=T["choose"])
    scope = ind[ind["source_file"].isin(docs)] if docs else ind
    proj_opts = sorted(scope["project"].unique())
    state.valid("f_project", proj_opts)
    cols[1].multiselect(T["filter_project"], proj_opts, key="f_project", placeholder=T["choose"])
    l1 = sorted(ind["level1"].unique())
    state.valid("f_level1", l1)
    cols[2].multiselect(T["filter_level1"], l1, key="f_level1", placeholder=T["choose"])
    cols = st.columns(4)
    l2 = sorted(ind["level2"].unique())
    state.valid("f_level2", l2)
    cols[0].multiselect(T["filter_level2"], l2, key="f_level2", placeholder=T["choose"])
    cols[1].multiselect(T["filter_kind"], report.KIND_ORDER, key="f_kind", placeholder=T["choose"],
                        format_func=lambda k: workbench.kind_name(k, T))
    state.valid("f_boiler", ["all", "yes", "no"])
    cols[2].selectbox(T["filter_boiler"], ["all", "yes", "no"], key="f_boiler", format_func=lambda k: T[k])
    flag_opts = [""] + sorted({f for fs in ind["flags"] for f in flag_codes(fs)})
    state.valid("f_flag", flag_opts)
    cols[3].selectbox(T["filter_flag"], flag_opts, key="f_flag",
                      format_func=lambda f: T["flag_names"].get(f, f) if f else T["all"])
    st.text_input(T["search"], key="f_text")
    shown = explorer_rows(c)
    st.caption(T["shown"].format(n=len(shown), total=len(ind)))
    targets = c.derived(("targets", lang), lambda: workbench.targets_column(ind, T))
    if len(shown) > EXPLORER_ROWS:   # the browser gets a table it can scroll; 下载 has every row
        st.caption(T["shown_capped"].format(n=EXPLORER_ROWS))
        shown = shown.head(EXPLORER_ROWS)
    view = shown[["project", "level1", "level2", "level3", "value_raw"]].copy()
    view["target"] = targets.loc[shown.index]
    view = pd.concat([view, shown[["kind", "boilerplate", "score", "flags"]]], axis=1)
    event = _show(view, T, lang, on_select="rerun", selection_mode="single-row", key="ex_table")
    if not len(shown):
        return
    ss = st.session_state
    options = list(shown.index[:500])
    row = _selected_row(event)
    picked = shown.index[row] if row is not None and row < len(shown) else None
    if picked is not None and picked != ss.get("_ex_picked"):
        ss["_ex_picked"] = picked      # a new click in the table chooses the breakdown
        ss["f_detail"] = picked
    if picked is not None and picked not in options:
        options.append(picked)
    if ss.get("f_detail") not in options:
        ss["f_detail"] = options[0]
    st.caption(T["pick_row"])
    rid = st.selectbox(T["detail"], options, key="f_detail",
                       format_func=lambda i: f"{ind.at[i, 'level3']} = {ind.at[i, 'value_raw']}")
    r = ind.loc[rid]
    st.markdown(report.highlight_html(r["value_raw"], r["level3"], r["year"]), unsafe_allow_html=True)
    st.caption(f"{targets.loc[rid]} · {legend(T)}", unsafe_allow_html=True)


def legend(T) -> str:
    return T["legend"] + " " + " ".join(
        f'<mark style="background:{color};padding:0 2px;border-radius:3px">{T["span_" + label]}</mark>'
        for label, color in report.SPAN_COLORS.items())


def compare(c, T, lang) -> None:
    by = st.radio(T["compare_by"], list(workbench.COMPARE_BY), key="cmp_by", horizontal=True,
                  format_func=lambda b: T["by_" + b])
    opts = workbench.compare_groups(c.proj, by, T["unknown"])
    state.valid("cmp_groups", opts)
    groups = st.multiselect(T["compare_pick"], opts, key="cmp_groups", placeholder=T["choose"])
    table = c.derived(("compare", by, tuple(groups)),
                      lambda: workbench.compare_table(c.ind, c.proj, by, groups, T["unknown"]))
    view = table.rename(columns={g: workbench.grade_name(g, T) for g in report.GRADE_ORDER})
    view = view.rename(columns={"group": T["by_" + by]})
    event = _show(view, T, lang, on_select="rerun", selection_mode="single-row", key="cmp_table")
    st.subheader(T["compare_chart"])
    if len(table) > 40:   # a readable chart: the 40 groups with the lowest mean score
        st.caption(T["compare_chart_worst"].format(n=40, total=len(table)))
    st.altair_chart(grade_chart(table.sort_values("mean_score", kind="stable").head(40) if len(table) > 40
                                else table, T), width="stretch")
    st.caption(T["compare_bar_pick"])
    row = _selected_row(event)
    if row is not None and row < len(table):
        g = table.iloc[row]["group"]
        st.subheader(T["compare_members"].format(name=g))
        pt = c.derived(("project_table",), lambda: workbench.project_table(c.ind, c.proj))
        key = workbench.group_key(pt[by], by, T["unknown"])
        _show(pt[key == g].drop(columns="id"), T, lang)


def grade_chart(table: pd.DataFrame, T):
    import altair as alt

    long = table.melt(id_vars="group", value_vars=report.GRADE_ORDER, var_name="grade", value_name="n")
    long["grade"] = long["grade"].map(lambda g: workbench.grade_name(g, T))
    order = [workbench.grade_name(g, T) for g in report.GRADE_ORDER]
    return alt.Chart(long).mark_bar().encode(
        y=alt.Y("group:N", sort=None, title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        x=alt.X("n:Q", title=T["projects"], axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color("grade:N", sort=order, scale=alt.Scale(domain=order, range=["#2a9d8f", "#8ab17d",
                                                                                 "#e9c46a", "#e76f51"]),
                        title=T["grade"]),
        order=alt.Order("grade_order:Q"),
        tooltip=[alt.Tooltip("group:N", title=" "), alt.Tooltip("grade:N", title=T["grade"]),
                 alt.Tooltip("n:Q", title=T["projects"])],
    ).transform_calculate(grade_order=f"indexof({order!r}, datum.grade)").properties(
        height=max(200, 40 * len(table)))


def families(c, T, lang) -> None:
    st.subheader(T["largest_families"])
    fam = c.derived(("families",), lambda: report.families_table(c.ind))
    event = _show(fam.drop(columns="family_id"), T, lang, on_select="rerun", selection_mode="single-row",
                  key="fam_table")
    st.caption(T["family_pick"])
    row = _selected_row(event)
    if row is not None and row < len(fam):
        f = fam.iloc[row]
        st.markdown(f"**{T['family_members'].format(name=f['family_label'])}**")
        members = c.ind[c.ind["family_id"] == f["family_id"]]
        _show(members[["source_file", "project", "level3", "value_raw", "boilerplate", "flags"]], T, lang,
              key="fam_members")
    st.subheader(T["copied"])
    copied = report.copied_tables(c.proj)
    if copied.empty:
        st.write(T["none"])
    else:
        _show(copied, T, lang)


def downloads(c, T, lang) -> None:
    st.caption(T["download_note"])
    shown = explorer_rows(c)
    fkey = explorer_filter(c)
    for label, df, stem, key in ((T["download_ind"], shown, "indicators", fkey), (T["download_proj"], c.proj,
                                                                                   "projects", ())):
        st.subheader(label)
        cols = st.columns(3)
        for col, fmt in zip(cols, ("csv", "xlsx", "parquet")):
            col.download_button(f"{fmt.upper()} ({len(df)})", file_name=f"{stem}.{fmt}", mime=MIME[fmt],
                                key=f"dl_{stem}_{fmt}", on_click="ignore",
                                data=lambda df=df, fmt=fmt, k=(stem, key, fmt): c.derived(
                                    ("download",) + k, lambda: frame_bytes(df, fmt)))
    ss = st.session_state
    pt = c.derived(("project_table",), lambda: workbench.project_table(c.ind, c.proj))
    chosen = workbench.filter_projects(pt, ss["pl_grade"], ss["pl_issuer"], ss["pl_year"])
    st.subheader(T["download_review_list"])
    sel = c.proj[c.proj["id"].isin(chosen["id"])]
    rkey = ("review_list", tuple(ss["pl_grade"]), tuple(ss["pl_issuer"]), tuple(ss["pl_year"]), lang)
    st.download_button(f"XLSX ({len(sel)})", file_name="review.xlsx", mime=XLSX, key="dl_review_list",
                       on_click="ignore",
                       data=lambda: c.derived(rkey, lambda: workbench.review_report(c.ind, sel, T, lang)))


def load_report(c, T, lang) -> None:
    st.subheader(T["load_report"])
    st.caption(T["load_summary"].format(**workbench.load_summary(c.loaded)))
    if c.ind.empty:
        st.warning(T["none"])
    _show(workbench.load_report_view(c.loaded), T, lang, key="load_table")


PAGES = {"overview": overview, "projects": projects, "explorer": explorer, "card": card, "compare": compare,
         "families": families, "downloads": downloads, "load": load_report}
