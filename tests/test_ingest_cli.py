"""Decoding, unreadable files, and the command line end to end."""
import subprocess
import sys

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT, SAMPLES, sample
from indicators.ingest import IngestError, decode, text_to_lines
from indicators.parse import read_documents


@pytest.mark.parametrize("name,encoding", [("gb18030.txt", "gb18030"), ("utf16.txt", "utf-16")])
def test_encodings_are_detected(name, encoding):
    result = read_documents([FIXTURES / name])
    doc = result.documents[0]
    assert doc.encoding == encoding
    assert doc.indicators[0].level3 == "宣传册印制" and doc.indicators[0].value_raw == "≥5000份"


def test_utf8_bom_and_bomless_utf16():
    assert decode("\ufeff一级指标".encode("utf-8")) == ("一级指标", "utf-8-sig")
    assert decode("三级指标指标值".encode("utf-16-be"))[0] == "三级指标指标值"


def test_binary_file_is_an_error_with_name_and_line():
    with pytest.raises(IngestError) as exc:
        decode((FIXTURES / "binary.txt").read_bytes(), "binary.txt")
    assert exc.value.line == 3 and "binary" in exc.value.reason
    assert str(exc.value).startswith("binary.txt:3:")


def test_bad_file_does_not_lose_other_documents(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\xfa" * 3 + b"\x81\x30\x00\x00\x9f" * 50)
    result = read_documents([bad, sample("003"), tmp_path / "missing.txt"])
    assert len(result) == 66
    errors = {e.source_file.split("/")[-1]: e for e in result.errors}
    assert set(errors) == {"broken.txt", "missing.txt"}
    assert "cannot read file" in errors["missing.txt"].reason


def test_document_without_table_gives_no_records_and_no_error():
    result = read_documents([FIXTURES / "no_table.txt"])
    assert len(result) == 0 and result.errors == []


def test_pipe_separator_rows_are_dropped():
    lines = text_to_lines("| 一级指标 | 二级指标 |\n|---|:---:|\n| 产出指标 | 数量指标 |")
    assert [ln.cells for ln in lines] == [[" 一级指标 ", " 二级指标 "], [" 产出指标 ", " 数量指标 "]]
    assert [ln.lineno for ln in lines] == [1, 3]


def test_cli_parse_writes_excel_friendly_csv_and_summary(tmp_path):
    out = tmp_path / "out.csv"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 10)
    proc = subprocess.run([sys.executable, "-m", "indicators", "parse", str(SAMPLES), str(bad),
                           "--out", str(out), "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "documents: 6" in proc.stderr and "records: 307" in proc.stderr
    assert "files with errors: 1" in proc.stderr and "bad.txt:1: binary file" in proc.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) == 307
    assert list(df.columns[:17]) == ["source_file", "source_line", "table_kind", "table_title", "year",
                                     "issuer", "project", "project_amount_yuan", "block", "level1",
                                     "level2", "level3", "level1_raw", "level2_raw", "value_raw",
                                     "actual_raw", "description"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "xlsx"])
def test_other_formats_round_trip(tmp_path, fmt):
    result = read_documents([sample("001")])
    path = result.export(tmp_path / f"x.{fmt}")
    df = {"jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet,
          "xlsx": pd.read_excel}[fmt](path)
    assert len(df) == 52
    assert df["level3"].iloc[0] == "业务完成量"


def test_csv_guards_against_formula_injection(tmp_path):
    from indicators.export import write_frame
    path = write_frame(pd.DataFrame({"value_raw": ["=1+1", "-5%", "-3", "90%"]}), tmp_path / "f.csv")
    assert pd.read_csv(path, encoding="utf-8-sig")["value_raw"].tolist() == ["'=1+1", "'-5%", "-3", "90%"]


def test_parallel_parse_gives_the_same_records(tmp_path):
    import shutil
    for i in range(3):
        for src in SAMPLES.glob("*.txt"):
            shutil.copy(src, tmp_path / f"{i}_{src.name}")
    one = read_documents([tmp_path], progress=False, jobs=1)
    two = read_documents([tmp_path], progress=False, jobs=2)
    assert len(one) == len(two) == 3 * 307
    assert [r.as_dict() for r in one] == [r.as_dict() for r in two]


def test_the_wheel_carries_every_package_and_every_data_file():
    """An installed wheel must carry the readers and the data files (vocabularies, weights, rubric): every package
    directory is listed in pyproject.toml, and data/ ships as the package ``jixiao_data`` whose patterns cover every
    file in it; ``indicators.vocab`` reads that copy when there is no checkout's data/ beside the code."""
    import fnmatch
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    setup = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(root).parts) for top in ("indicators", "nlp", "tools")
             for p in (root / top).rglob("__init__.py")}
    assert found <= set(setup["packages"]), found - set(setup["packages"])
    assert setup["package-dir"]["jixiao_data"] == "data" and "jixiao_data" in setup["packages"]
    patterns = setup["package-data"]["jixiao_data"]
    files = [p.relative_to(root / "data").as_posix() for p in (root / "data").rglob("*") if p.is_file()]
    missed = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert files and not missed, missed
