"""The workbench behind the app, without Streamlit: inputs (zip, folder, uploads), load with progress,
load report, project list, score parts, compare, review reports, labels."""
import io
import zipfile

import pandas as pd
import pytest

from conftest import FIXTURES, SAMPLES
from indicators import inputs, workbench
from indicators.quality import load_rubric, score_parts


@pytest.fixture(scope="module")
def corpus():
    files = inputs.from_folder(SAMPLES, prefix=False)
    return workbench.build_corpus(files, workbench.parse_files(files))


def _zip(members: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_members_are_extracted_safely_with_their_names(tmp_path):
    good = (FIXTURES / "markdown_pipe.md").read_bytes()
    data = _zip({"年报/项目/a.md": good, "../../evil.txt": b"x", "/abs.txt": b"y", "pic.png": b"\x89PNG",
                 "__MACOSX/._a.md": b"", "b.txt": "绩效".encode()})
    store = tmp_path / "store"
    got = {f.name: f for f in inputs.from_zip(data, "upload.zip", store)}
    assert set(got) == {"upload.zip/年报/项目/a.md", "upload.zip/../../evil.txt", "upload.zip//abs.txt",
                        "upload.zip/pic.png", "upload.zip/b.txt"}
    assert got["upload.zip/年报/项目/a.md"].path and not got["upload.zip/年报/项目/a.md"].skipped
    assert got["upload.zip/../../evil.txt"].skipped.startswith("unsafe path")
    assert got["upload.zip//abs.txt"].skipped.startswith("unsafe path")
    assert got["upload.zip/pic.png"].skipped.startswith("format not read")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(store in p.parents for p in written) and len(written) == 2   # nothing outside the store
    assert not (tmp_path / "evil.txt").exists()


def test_zip_with_gbk_member_names_and_a_broken_zip(tmp_path):
    gbk = "绩效目标.txt".encode("gbk")            # what Windows zip tools write: GBK bytes, no UTF-8 flag
    placeholder = b"x" * (len(gbk) - 4) + b".txt"
    data = _zip({placeholder.decode(): "一级指标".encode()}).replace(placeholder, gbk)
    got = inputs.from_zip(data, "w.zip", tmp_path)
    assert [f.name for f in got] == ["w.zip/绩效目标.txt"]
    bad = inputs.from_zip(b"not a zip", "bad.zip", tmp_path)
    assert bad[0].name == "bad.zip" and bad[0].skipped.startswith("not a readable zip")


def test_uploader_types_follow_the_parser(monkeypatch):
    assert set(inputs.accepted_suffixes()) == {s.lstrip(".") for s in inputs.SUPPORTED_SUFFIXES} | {"zip"}
    monkeypatch.setattr(inputs, "SUPPORTED_SUFFIXES", inputs.SUPPORTED_SUFFIXES | {".pdf"})
    assert "pdf" in inputs.accepted_suffixes()


def test_uploads_of_the_same_name_are_kept_apart(tmp_path):
    class Up:
        def __init__(self, name, data):
            self.name, self._d = name, data

        def getvalue(self):
            return self._d

    got = inputs.from_uploads([Up("a.txt", b"1"), Up("a.txt", b"2"), Up("a.txt", b"1")], tmp_path)
    assert [f.name for f in got] == ["a.txt", "a (2).txt"]
    assert inputs.corpus_key(got) == inputs.corpus_key(inputs.from_uploads([Up("a.txt", b"1"), Up("a.txt", b"2")],
                                                                          tmp_path / "other"))


def test_upload_sets_survive_a_reload_but_not_tampering(tmp_path):
    files = inputs.from_zip(_zip({"a.md": (FIXTURES / "markdown_pipe.md").read_bytes()}), "z.zip", tmp_path)
    token = inputs.save_set(files, tmp_path)
    assert inputs.load_set(token, tmp_path) == files
    assert inputs.load_set("../../etc/passwd", tmp_path) is None and inputs.load_set("0" * 20, tmp_path) is None
    outside = tmp_path.parent / "outside.txt"
    outside.write_text("x")
    (tmp_path / "sets" / f"{'1' * 20}.json").write_text(f'[["x", "{outside}", "", ""]]')
    assert inputs.load_set("1" * 20, tmp_path) is None


def test_parse_files_reports_progress_per_file_and_reuses_the_memo(tmp_path):
    files = inputs.from_folder(SAMPLES, prefix=False)[:3]
    seen, memo = [], {}
    docs = workbench.parse_files(files, on_progress=lambda i, n, name: seen.append((i, n, name)), memo=memo)
    assert [d.source_file for d in docs] == [f.name for f in files]
    assert [s[0] for s in seen] == [0, 1, 2, 3, 3] and {s[1] for s in seen} == {3}
    assert [s[2] for s in seen[1:4]] == [f.name for f in files]
    again = workbench.parse_files(files, memo=memo)
    assert all(a is b for a, b in zip(docs, again))   # nothing parsed twice


def test_load_report_lists_problems_first_with_reasons_in_chinese(tmp_path):
    (tmp_path / "notice.txt").write_text("关于下达资金的通知\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes((FIXTURES / "binary.txt").read_bytes())
    (tmp_path / "a.md").write_bytes((FIXTURES / "markdown_pipe.md").read_bytes())
    files = inputs.from_folder(tmp_path) + [inputs.InputFile(name="x.zip/../e.txt", skipped="unsafe path in the "
                                                                                             "archive (skipped)")]
    c = workbench.build_corpus(files, workbench.parse_files(files))
    view = workbench.load_report_view(c.loaded)
    assert list(view["status"]) == ["error", "skipped", "no records", "records"]
    assert workbench.load_summary(c.loaded) == {"files": 4, "ok": 1, "empty": 1, "errors": 1, "skipped": 1}
    zh = workbench.display(view, workbench.labels("zh"), "zh")
    assert list(zh.columns) == ["文件", "状态", "指标数", "表数", "读取方式", "行", "原因"]
    assert zh["原因"].tolist()[1:3] == ["压缩包内的路径不安全（已跳过）", workbench.reason_text(
        view["reason"][2], "zh")] and zh["原因"][2].startswith("未找到绩效目标表")
    assert zh["原因"][0].startswith("不是可读取的PDF文件")   # binary.txt: a truncated PDF named .txt
    assert not any(str(tmp_path) in str(v) for v in zh.to_numpy().ravel())


def test_project_table_is_worst_first_with_top_flags(corpus):
    t = workbench.project_table(corpus.ind, corpus.proj)
    assert len(t) == len(corpus.proj) == 41
    assert t["score"].is_monotonic_increasing
    assert list(t.columns) == ["id", "source_file", "issuer", "year", "project", "project_amount_yuan",
                               "indicators", "score", "grade", "top_flags"]
    assert all(isinstance(f, list) and len(f) <= 3 for f in t["top_flags"])
    only = workbench.filter_projects(t, grades=["差"])
    assert set(only["grade"]) == {"差"} and only["score"].is_monotonic_increasing
    year = str(t["year"].dropna().iloc[0])
    assert set(workbench.filter_projects(t, years=[year])["year"]) == {int(year)}


def test_score_parts_add_up_to_every_project_score(corpus):
    rubric = load_rubric()
    w = rubric["project"]["indicator_weight"]
    for _, prow in corpus.proj.iterrows():
        p = score_parts(prow)
        assert p["structure_score"] == prow["structure_score"]
        assert p["structure_score"] == max(0, 100 - sum(x["penalty"] for x in p["penalties"]))
        assert abs(p["indicator_part"] + p["structure_part"] - prow["score"]) < 0.011
        assert abs(p["indicator_part"] - w * p["indicator_mean"]) <= 0.05 * w + 0.05 + 0.011
        assert [x["flag"] for x in p["penalties"]] == list(prow["flags"])
        assert p["grade"] == prow["grade"]
    flagged = corpus.proj[corpus.proj["flags"].map(lambda fs: "low_quantified" in fs)].iloc[0]
    pen = next(x for x in score_parts(flagged)["penalties"] if x["flag"] == "low_quantified")
    assert pen["zh"].startswith("量化指标占比仅") and pen["arg"].endswith("%")


def test_compare_table_by_document(corpus):
    t = workbench.compare_table(corpus.ind, corpus.proj, "source_file")
    assert len(t) == 5 and t["projects"].sum() == 41 and t["indicators"].sum() == 307
    assert (t[["优", "良", "中", "差"]].sum(axis=1) == t["projects"]).all()
    assert t["share_quantified"].between(0, 1).all()
    two = workbench.compare_table(corpus.ind, corpus.proj, "source_file", groups=list(t["group"][:2]))
    assert list(two["group"]) == list(t["group"][:2])


def test_review_report_has_findings_and_is_byte_stable(corpus):
    T = workbench.labels("zh")
    one = corpus.proj[corpus.proj["flags"].map(len) > 0].head(1)
    a = workbench.review_report(corpus.ind, one, T, "zh")
    b = workbench.review_report(corpus.ind, one.copy(), T, "zh")
    assert a == b
    sheets = pd.read_excel(io.BytesIO(a), sheet_name=None)
    assert list(sheets) == ["概要", "问题清单", "指标"]
    findings = sheets["问题清单"]
    n_proj = len(one["flags"].iloc[0])
    n_ind = sum(len(fs) for fs in workbench.project_rows(corpus.ind, one.iloc[0])["flags"])
    assert len(findings) == n_proj + n_ind
    assert (findings["范围"] == "项目").sum() == n_proj and findings["原因"].str.len().gt(0).all()
    assert sheets["概要"]["得分"].iloc[0] == one["score"].iloc[0]
    en = pd.read_excel(io.BytesIO(workbench.review_report(corpus.ind, one, workbench.labels("en"), "en")),
                       sheet_name=None)
    assert list(en) == ["summary", "findings", "indicators"]


def test_display_names_every_code(corpus):
    T = workbench.labels("zh")
    view = workbench.display(corpus.ind[["kind", "boilerplate", "flags"]].head(50), T, "zh")
    assert set(view["类型"]) <= {"量化", "期限", "定性", "缺失"}
    codes = set(load_rubric()["flags"])
    assert not any(c in v for v in view["问题标记"] for c in codes)
    assert set(T["flag_names"]) == set(load_rubric()["flags"]) | set(load_rubric()["project_flags"])
    assert set(workbench.labels("en")["flag_names"]) == set(T["flag_names"])


def test_targets_column_matches_target_text(corpus):
    from indicators.report import target_text
    T = workbench.labels("zh")
    col = workbench.targets_column(corpus.ind, T)
    assert list(col) == [target_text(r) for _, r in corpus.ind.iterrows()]
    en = workbench.targets_column(corpus.ind, workbench.labels("en"))
    assert not en.str.contains("定性|期限|无有效目标").any()


def test_every_ui_string_exists_in_both_languages():
    zh, en = workbench.labels("zh"), workbench.labels("en")
    assert set(zh) - {"reasons"} == set(en)
    for table in ("columns", "flag_names", "grade_names"):
        assert set(zh[table]) == set(en[table])
    assert workbench.reason_text("table header found at line 12 but no rows fitted it", "zh") == \
        "第12行找到表头，但没有一行符合该表头"
    assert workbench.reason_text("something new from a PDF reader", "zh") == "something new from a PDF reader"


def test_format_readers_reasons_read_in_chinese():
    from indicators.workbench import reason_text
    got = reason_text("page 2: scanned page, no text layer, read by OCR (rapidocr, 40 text boxes, mean score 0.93, "
                      "1 ruled tables, check ≥/≤ and first characters); no 绩效 table found: x", "zh")
    assert got.startswith("第2页：扫描页") and "请核对≥/≤" in got and got.endswith("标题列出的指标")
    assert reason_text("password-protected (encrypted) workbook: save it without a password first", "zh") \
        .startswith("工作簿设有密码")
    assert not any(ch.isascii() and ch.isalpha() for ch in reason_text("sheet 表1: empty", "zh"))
