"""Write a DataFrame as CSV (UTF-8 with BOM, opens cleanly in Excel), JSON lines, Parquet or XLSX."""
from __future__ import annotations

from pathlib import Path

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
# Excel would run a cell starting with these as a formula (CSV injection)
_FORMULA_START = ("=", "+", "-", "@")


def guess_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"json": "jsonl", "xls": "xlsx", "pq": "parquet"}.get(suffix, suffix if suffix in FORMATS else "csv")


def flat(df):
    """The frame with its list cells (``flags``, ``top_flags``) written as ``a;b``, for formats whose cells hold text
    only (CSV, XLSX); JSON lines and Parquet keep the lists.

    >>> import pandas as pd
    >>> flat(pd.DataFrame({"flags": [["no_unit", "boilerplate"], []]}))["flags"].tolist()
    ['no_unit;boilerplate', '']
    """
    out = df
    for col in df.columns:
        if df[col].dtype == object and df[col].map(lambda v: isinstance(v, (list, tuple))).any():
            if out is df:
                out = df.copy()
            out[col] = df[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def _excel_safe(df):
    """Quote text cells Excel would evaluate as formulas (e.g. '=90%' or '-5%'); decided once per
    distinct value, so a 60,000-row frame takes milliseconds. List cells are written as ``a;b`` first."""
    import pandas as pd

    out = flat(df).copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype).startswith("str"):
            values = out[col]
            uniq = pd.unique(values.dropna())
            risky = {v: "'" + v for v in uniq if isinstance(v, str) and v.startswith(_FORMULA_START)
                     and v != "=" and not _is_number(v)}
            if risky:
                out[col] = values.map(lambda v, r=risky: r.get(v, v) if isinstance(v, str) else v)
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def write_frame(df, path: str | Path, fmt: str | None = None) -> Path:
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        _excel_safe(df).to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        df.to_parquet(path, index=False)
    else:
        _excel_safe(df).to_excel(path, index=False, engine="openpyxl")
    return path


def frame_bytes(df, fmt: str) -> bytes:
    """The bytes write_frame would write, for downloads (csv with BOM, xlsx, parquet, jsonl)."""
    import io
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt == "csv":
        return _excel_safe(df).to_csv(index=False).encode("utf-8-sig")
    buf = io.BytesIO()
    if fmt == "jsonl":
        return df.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8")
    if fmt == "parquet":
        df.to_parquet(buf, index=False)
    else:
        return xlsx_bytes({"Sheet1": flat(df)})
    return buf.getvalue()


def xlsx_bytes(sheets: dict) -> bytes:
    """An XLSX workbook of several sheets (name -> DataFrame), byte-identical for the same data
    (:mod:`indicators.xlsx`: fixed times, text as shared strings, so nothing is run as a formula)."""
    from .xlsx import write_xlsx
    return write_xlsx({name: flat(df) for name, df in sheets.items()})
