"""The Streamlit app driven with Streamlit's own testing API (issues #5, #11)."""
import re

import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURES, ROOT, SAMPLES

APP = str(ROOT / "app.py")
PAGES = ["overview", "projects", "explorer", "card", "compare", "families", "downloads", "load"]


@pytest.fixture
def at():
    return AppTest.from_file(APP, default_timeout=120).run()


def go(at, page):
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def texts(at) -> list[str]:
    """Every string a reviewer sees on the current page."""
    out = [at.title[0].value] if len(at.title) else []
    tag = re.compile(r"<[^>]+>")
    for kind in ("markdown", "caption", "subheader", "info", "warning", "error", "success"):
        out += [e.value for e in at.get(kind)]
    out += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    for w in list(at.selectbox) + list(at.multiselect) + list(at.radio):
        out.append(w.label)
        out += [str(o) for o in w.options]
    out += [t.label for t in at.text_input] + [b.label for b in at.button]
    out += [b.proto.label for b in at.get("download_button")] + [h.proto.body for h in at.get("html")]
    for df in at.dataframe:
        v = df.value
        out += [str(c) for c in v.columns]
        for c in v.columns:
            if v[c].dtype == object or str(v[c].dtype).startswith("str"):
                out += [str(x) for x in v[c].unique()]
    return [tag.sub("", t) for t in out]


def test_opens_on_the_samples_with_overview(at):
    assert not at.exception
    assert at.title[0].value == "jixiao 绩效目标分析"
    assert [m.value for m in at.metric] == ["5", "41", "307", "45%"]
    assert [m.label for m in at.metric][:3] == ["文档", "项目", "指标"]
    assert len(at.get("vega_lite_chart")) == 3  # kinds, grades, flags as charts


def test_explorer_filters_and_highlights(at):
    go(at, "explorer")
    assert "显示 307 / 307 条指标" in at.caption[0].value
    at.text_input(key="f_text").set_value("信访投诉率").run()
    assert "显示 10 / 307 条指标" in at.caption[0].value
    assert len(at.dataframe[0].value) == 10
    at.selectbox(key="f_boiler").set_value("no").run()
    assert "显示 0 / 307" in at.caption[0].value
    at.selectbox(key="f_boiler").set_value("all").run()
    at.text_input(key="f_text").set_value("").run()
    at.multiselect(key="f_kind").set_value(["missing"]).run()
    assert "显示 23 / 307" in at.caption[0].value
    assert set(at.dataframe[0].value["类型"]) == {"缺失"}
    at.multiselect(key="f_kind").set_value([]).run()
    at.selectbox(key="f_flag").set_value("unit_mismatch").run()
    shown = at.dataframe[0].value
    assert len(shown) == 6 and set(shown["问题标记"].str.contains("单位不符")) == {True}
    at.selectbox(key="f_flag").set_value("").run()
    at.text_input(key="f_text").set_value("公共主页访问量").run()
    html = [m.value for m in at.markdown if "<mark" in m.value]
    assert html and 'title="PERIOD">日均</mark>' in html[0] and 'title="COMPARATOR">≥</mark>' in html[0]
    assert "background:" in at.caption[-1].value     # the legend shows its colours


def test_value_breakdown_label_follows_the_filter(at):
    """The 查看指标值解析 dropdown never shows an earlier row's label over another row's breakdown."""
    go(at, "explorer")
    at.text_input(key="f_text").set_value("信访投诉率").run()
    first = at.selectbox(key="f_detail")
    assert first.format_func(first.value).startswith("信访投诉率")
    at.text_input(key="f_text").set_value("公共主页访问量").run()
    box = at.selectbox(key="f_detail")
    label = box.format_func(box.value)
    assert label.startswith("公共主页访问量")
    mark = next(m.value for m in at.markdown if "<mark" in m.value)
    assert label.split(" = ", 1)[1].startswith(re.sub(r"<[^>]+>", "", mark)[:3])


def _pick_card(at, suffix="劳务派遣人员经费"):
    """Choose the project card by its id (the selectbox's values are ids, its options their labels)."""
    box = at.selectbox(key="card_project")
    ids = list(box.format_func.__self__)      # format_func is the id -> label dict's .get
    box.set_value(next(i for i in ids if i.endswith("#" + suffix))).run()
    return at.selectbox(key="card_project").value


def test_project_card_shows_table_flags_breakdown_and_source(at):
    go(at, "card")
    _pick_card(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["评级"] == "差" and metrics["指标"] == "6"
    bullets = " ".join(m.value for m in at.markdown)
    assert "套话指标占比" in bullets
    breakdown, table = at.dataframe[0].value, at.dataframe[1].value
    points = list(breakdown["分值"])
    # indicator part + structure part = the project score; structure = 100 minus every penalty
    assert breakdown["项目"].iloc[0].startswith("指标平均分") and breakdown["项目"].iloc[-1] == "项目得分"
    assert abs(points[0] + points[-2] - points[-1]) < 0.011
    assert float(metrics["得分"]) == points[-1]
    penalties = [p for p in points[2:-2]]
    assert penalties and all(p < 0 for p in penalties)
    assert max(0, 100 + sum(penalties)) == int(metrics["结构分"])
    assert any("优 ≥ 90" in c.value for c in at.caption)      # the grade thresholds from the rubric
    assert list(table["三级指标"])[0] == "保障人数" and set(table["指标值"]) == {"4人"}
    assert table["问题说明"].str.len().gt(0).any()             # each flag's reason beside its row
    source = at.get("html")[0].proto.body
    assert "2274 |" in source and "保障人数" in source and "<mark" not in source
    at.session_state["card_rows"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    source = at.get("html")[0].proto.body
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", source).group(1)
    assert marked.strip().startswith(f'{table["行号"].iloc[0]} |') and source.count("<mark") == 1


def test_project_list_is_worst_first_and_a_row_opens_the_card(at):
    go(at, "projects")
    table = at.dataframe[0].value
    assert len(table) == 41 and list(table.columns)[:4] == ["文档", "发布单位", "年度", "项目"]
    scores = list(table["得分"])
    assert scores == sorted(scores) and scores[0] < scores[-1]
    assert "整表复制" in table["主要问题"].iloc[0]
    at.multiselect(key="pl_grade").set_value(["优"]).run()
    good = at.dataframe[0].value
    assert 0 < len(good) < 41 and set(good["评级"]) == {"优"}
    at.multiselect(key="pl_grade").set_value([]).run()
    at.session_state["pl_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["得分"]) == scores[0]
    assert at.subheader[0].value.endswith(table["项目"].iloc[0])
    assert at.session_state["card_project"].endswith(table["项目"].iloc[0])


def test_families_page_lists_families_and_copied_tables(at):
    go(at, "families")
    families = at.dataframe[0].value
    assert families.iloc[0]["套话族"] == "医保工作满意度" and families.iloc[0]["项目数"] == 14
    copied = at.dataframe[1].value
    assert len(copied) == 7 and set(copied["复制自"]) == {"城乡居民医疗保险专项业务费"}
    at.session_state["fam_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    members = at.dataframe[1].value
    assert len(members) == families.iloc[0]["指标数"]


def test_compare_documents_side_by_side(at):
    go(at, "compare")
    table = at.dataframe[0].value
    assert len(table) == 5 and {"量化占比", "套话占比", "优", "差", "主要问题"} <= set(table.columns)
    assert table["项目数"].sum() == 41
    assert table[["优", "良", "中", "差"]].sum(axis=1).tolist() == table["项目数"].tolist()
    at.radio(key="cmp_by").set_value("year").run()
    assert set(at.dataframe[0].value["年度"]) <= {"2019", "2020", "2021", "2022", "2023", "2024", "2025", "（未知）"}
    at.session_state["cmp_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert len(at.dataframe) == 2 and len(at.dataframe[1].value) == at.dataframe[0].value["项目数"].iloc[0]


def test_downloads_follow_the_explorer_filter(at):
    go(at, "explorer")
    at.text_input(key="f_text").set_value("满意").run()
    n = len(at.dataframe[0].value)
    go(at, "downloads")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [f"CSV ({n})", f"XLSX ({n})", f"PARQUET ({n})", "CSV (41)", "XLSX (41)", "PARQUET (41)",
                      "XLSX (41)"]


def test_state_survives_language_page_and_source_changes(at):
    go(at, "explorer")
    at.text_input(key="f_text").set_value("满意").run()
    at.multiselect(key="f_kind").set_value(["quantitative"]).run()
    caption = at.caption[0].value
    go(at, "card")
    target = _pick_card(at)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "jixiao performance-target review"
    assert at.sidebar.radio(key="page").value == "card"
    assert at.selectbox(key="card_project").value == target
    at.sidebar.radio(key="source").set_value("upload").run()
    at.sidebar.radio(key="source").set_value("samples").run()
    go(at, "explorer")
    assert at.text_input(key="f_text").value == "满意"
    assert at.multiselect(key="f_kind").value == ["quantitative"]
    n = caption.split(" ")[1]
    assert at.caption[0].value.startswith(f"{n} of 307")
    assert at.query_params["f_text"] in ("满意", ["满意"]) and at.query_params["lang"] in ("en", ["en"])
    assert at.query_params["page"] in ("explorer", ["explorer"])
    at.sidebar.button(key="reset").click().run()
    assert at.text_input(key="f_text").value == "" and at.multiselect(key="f_kind").value == []
    assert at.caption[0].value.startswith("307 of 307")


def test_filters_come_from_the_url():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["page"] = "explorer"
    at.query_params["f_text"] = "信访投诉率"
    at.run()
    assert not at.exception
    assert "显示 10 / 307 条指标" in at.caption[0].value


def test_english_labels(at):
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "jixiao performance-target review"
    assert [m.label for m in at.metric][:3] == ["Documents", "Projects", "Indicators"]
    go(at, "projects")
    table = at.dataframe[0].value
    assert {"document", "issuer", "year", "project", "score", "grade", "top flags"} <= set(table.columns)
    assert set(table["grade"]) <= {"excellent (优)", "good (良)", "fair (中)", "poor (差)"}
    go(at, "card")
    assert not at.exception
    table = at.dataframe[1].value
    assert not table["read as"].str.contains("定性|期限|无有效目标|类").any()


def _codes() -> set[str]:
    from indicators import workbench
    from indicators.quality import load_rubric
    from indicators.report import KIND_ORDER
    r = load_rubric()
    cols = set(workbench.labels("zh")["columns"]) | {"value_raw", "level1", "level2", "level3", "source_file",
                                                     "family_label", "top_flags", "reasons_en", "table_id"}
    return set(r["flags"]) | set(r["project_flags"]) | set(KIND_ORDER) | cols | {"records", "error", "grid",
                                                                                   "stream", "prose", "skipped"}


def test_chinese_ui_shows_no_english_codes(at, tmp_path, monkeypatch):
    """Walk every page in Chinese (with a table row chosen where a page has one): no flag code, kind value
    or internal column name is visible."""
    codes = _codes()
    seen: dict[str, set] = {}
    for page in PAGES:
        go(at, page)
        if page in ("projects", "compare", "families"):
            key = {"projects": "pl_table", "compare": "cmp_table", "families": "fam_table"}[page]
            at.session_state[key] = {"selection": {"rows": [0], "columns": []}}
            at.run()
        if page == "card":
            at.session_state["card_rows"] = {"selection": {"rows": [0], "columns": []}}
            at.run()
        words = {w for t in texts(at) for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", t)}
        seen[page] = words & codes
    assert seen == {p: set() for p in PAGES}
    assert "Choose options" not in " ".join(str(m.proto.placeholder) for m in at.multiselect)


def test_load_report_names_a_file_with_no_records_and_its_reason(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notice.txt").write_text("关于下达资金的通知\n请按规定使用。\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes((FIXTURES / "binary.txt").read_bytes())
    (folder / "good.md").write_bytes((FIXTURES / "markdown_pipe.md").read_bytes())
    monkeypatch.setenv("JIXIAO_FOLDER_INPUT", "1")
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="source").set_value("folder").run()
    at.sidebar.text_input(key="folder_path").set_value(str(folder)).run()
    assert not at.exception
    assert any("2 个文件没有得到指标" in w.value for w in at.warning)
    go(at, "load")
    report = at.dataframe[0].value.set_index("文件")
    assert list(report.index) == ["docs/broken.txt", "docs/notice.txt", "docs/good.md"]   # problems first
    assert report.loc["docs/notice.txt", "状态"] == "未找到指标"
    assert report.loc["docs/notice.txt", "原因"].startswith("未找到绩效目标表")
    assert report.loc["docs/broken.txt", "状态"] == "无法读取"
    assert "不是可读取的PDF文件" in report.loc["docs/broken.txt", "原因"]   # a truncated PDF named .txt
    assert report.loc["docs/good.md", "指标数"] == 6
    assert not any(str(tmp_path) in t for t in texts(at))        # file names, never server paths
    assert "3 个文件：1 个找到指标，1 个未找到指标，1 个无法读取" in at.caption[0].value


def test_folder_input_is_offered_only_locally(monkeypatch):
    monkeypatch.setenv("JIXIAO_FOLDER_INPUT", "0")
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert at.sidebar.radio(key="source").options == ["自带样本", "上传文件"]


def test_uploads_are_kept_when_the_uploader_is_not_drawn(at, tmp_path):
    from indicators import inputs

    class Up:
        def __init__(self, p):
            self.name, self._b = p.name, p.read_bytes()

        def getvalue(self):
            return self._b

    kept = inputs.from_uploads([Up(FIXTURES / "markdown_pipe.md"), Up(SAMPLES / sorted(
        p.name for p in SAMPLES.iterdir())[0])], tmp_path)
    at.session_state["uploads"] = kept
    at.sidebar.radio(key="source").set_value("upload").run()
    assert [m.value for m in at.metric][0] == "2"
    at.sidebar.radio(key="lang").set_value("en").run()
    at.sidebar.radio(key="source").set_value("samples").run()
    at.sidebar.radio(key="source").set_value("upload").run()
    assert [m.value for m in at.metric][0] == "2"
    assert "2 uploaded files" in " ".join(c.value for c in at.sidebar.caption)


def test_frame_bytes_formats():
    import io

    import pandas as pd

    from indicators.export import frame_bytes
    df = pd.DataFrame({"level3": ["信访投诉率"], "value_raw": ["下降10%"]})
    assert frame_bytes(df, "csv").startswith(b"\xef\xbb\xbflevel3,value_raw")
    assert pd.read_excel(io.BytesIO(frame_bytes(df, "xlsx")))["level3"][0] == "信访投诉率"
    assert pd.read_parquet(io.BytesIO(frame_bytes(df, "parquet")))["value_raw"][0] == "下降10%"


def test_explorer_table_is_capped_but_the_count_and_downloads_are_not(at, monkeypatch):
    import app_pages.pages as pages
    monkeypatch.setattr(pages, "EXPLORER_ROWS", 100)
    go(at, "explorer")
    assert "显示 307 / 307 条指标" in at.caption[0].value
    assert "前 100 条" in at.caption[1].value and len(at.dataframe[0].value) == 100
    go(at, "downloads")
    assert at.get("download_button")[0].proto.label == "CSV (307)"
