"""The Streamlit app driven with Streamlit's own testing API (issue #5)."""
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def at():
    return AppTest.from_file(APP, default_timeout=120).run()


def go(at, page):
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def test_opens_on_the_samples_with_overview(at):
    assert not at.exception
    assert at.title[0].value == "jixiao 绩效目标分析"
    assert [m.value for m in at.metric] == ["5", "41", "307", "45%"]
    assert [m.label for m in at.metric][:3] == ["文档", "项目", "指标"]
    assert len(at.get("vega_lite_chart")) == 3  # kinds, grades, flags as charts


def test_explorer_filters_and_highlights(at):
    go(at, "指标浏览")
    assert "显示 307 / 307 条指标" in at.caption[0].value
    at.text_input(key="f_text").set_value("信访投诉率").run()
    assert "显示 10 / 307 条指标" in at.caption[0].value
    assert len(at.dataframe[0].value) == 10
    at.selectbox(key="f_boiler").set_value("否").run()
    assert "显示 0 / 307" in at.caption[0].value
    at.selectbox(key="f_boiler").set_value("全部").run()
    at.text_input(key="f_text").set_value("").run()
    at.multiselect(key="f_kind").set_value(["missing"]).run()
    assert "显示 23 / 307" in at.caption[0].value
    at.multiselect(key="f_kind").set_value([]).run()
    at.selectbox(key="f_flag").set_value("unit_mismatch").run()
    shown = at.dataframe[0].value
    assert len(shown) == 6 and set(shown["flags"].str.contains("unit_mismatch")) == {True}
    at.selectbox(key="f_flag").set_value("").run()
    at.text_input(key="f_text").set_value("公共主页访问量").run()
    html = [m.value for m in at.markdown if "<mark" in m.value]
    assert html and 'title="PERIOD">日均</mark>' in html[0] and 'title="COMPARATOR">≥</mark>' in html[0]


def test_project_card_shows_table_flags_and_source(at):
    go(at, "项目卡片")
    options = at.selectbox(key="card_project").options
    target = next(i for i, o in enumerate(options) if o.endswith("劳务派遣人员经费"))
    at.selectbox(key="card_project").set_value(target).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["评级"] == "差" and metrics["指标"] == "6"
    bullets = " ".join(m.value for m in at.markdown)
    assert "套话指标占比" in bullets
    table = at.dataframe[0].value
    assert list(table["level3"])[0] == "保障人数" and set(table["value_raw"]) == {"4人"}
    source = at.code[0].value
    assert "2274 |" in source and "保障人数" in source


def test_families_page_lists_families_and_copied_tables(at):
    go(at, "套话族")
    families = at.dataframe[0].value
    assert families.iloc[0]["family_label"] == "医保工作满意度" and families.iloc[0]["projects"] == 14
    copied = at.dataframe[1].value
    assert len(copied) == 7 and set(copied["copied_from"]) == {"城乡居民医疗保险专项业务费"}


def test_downloads_follow_the_explorer_filter(at):
    go(at, "指标浏览")
    at.text_input(key="f_text").set_value("满意").run()
    n = len(at.dataframe[0].value)
    go(at, "下载")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [f"CSV ({n})", f"XLSX ({n})", f"PARQUET ({n})", "CSV (41)", "XLSX (41)", "PARQUET (41)"]


def test_english_labels(at):
    at.sidebar.radio(key="lang").set_value("English").run()
    assert at.title[0].value == "jixiao performance-target review"
    assert [m.label for m in at.metric][:3] == ["Documents", "Projects", "Indicators"]
    at.sidebar.radio(key="page").set_value("Project card").run()
    assert not at.exception


def test_frame_bytes_formats():
    import io

    import pandas as pd

    from indicators.export import frame_bytes
    df = pd.DataFrame({"level3": ["信访投诉率"], "value_raw": ["下降10%"]})
    assert frame_bytes(df, "csv").startswith(b"\xef\xbb\xbflevel3,value_raw")
    assert pd.read_excel(io.BytesIO(frame_bytes(df, "xlsx")))["level3"][0] == "信访投诉率"
    assert pd.read_parquet(io.BytesIO(frame_bytes(df, "parquet")))["value_raw"][0] == "下降10%"


def test_load_report_names_a_file_with_no_records_and_its_reason(tmp_path, monkeypatch):
    import app as app_module
    (tmp_path / "notice.txt").write_text("关于下达资金的通知\n请按规定使用。\n", encoding="utf-8")
    good = ROOT / "tests" / "realdocs" / "docs"
    ind, proj, errors, loaded = app_module.load((str(next(good.glob("30_*"))), str(tmp_path / "notice.txt")))
    row = loaded[loaded["source_file"] == "notice.txt"].iloc[0]
    assert row["status"] == "no records" and "no 绩效 table found" in row["reason"]
    assert not any("/" in f for f in loaded["source_file"])   # file names, never server paths
