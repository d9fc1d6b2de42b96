"""Speed of the format readers on the generated test files (tests/formats/, made by tools/make_formats.py).

    python benchmarks/bench_readers.py [--rounds 5]

For each format: the reader alone (file → rows: pages/s for PDF, rows/s for workbooks and DOCX) and the whole
parse (file → records: records/s), best of N rounds.  Results are printed and appended to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import record  # noqa: E402  (benchmarks/results.py, beside this script)

from indicators.parse import parse_file  # noqa: E402
from indicators.readers.registry import reader_for  # noqa: E402

FORMATS = ROOT / "tests" / "formats"


def pdf_pages(paths) -> int:
    import pdfplumber
    total = 0
    for p in paths:
        with pdfplumber.open(p) as pdf:
            total += len(pdf.pages)
    return total


def best_time(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


FOLDERS = {"pdf": ".pdf", "xlsx": ".xlsx", "xls": ".xls", "xml2003": ".xls", "docx": ".docx"}


def bench_format(fmt: str, rounds: int) -> str:
    paths = sorted((FORMATS / fmt).glob(f"*{FOLDERS[fmt]}"))
    if not paths:
        return f"- {fmt}: no files (run tools/make_formats.py)"
    readers = [reader_for(p) for p in paths]
    results = [r.read(p) for r, p in zip(readers, paths)]   # warm-up (imports, fonts)
    rows = sum(len(res.lines) for res in results)
    read_s = best_time(lambda: [r.read(p) for r, p in zip(readers, paths)], rounds)
    records = sum(len(parse_file(p).indicators) for p in paths)
    parse_s = best_time(lambda: [parse_file(p) for p in paths], rounds)
    size = sum(p.stat().st_size for p in paths) // 1024
    if fmt == "pdf":
        pages = pdf_pages(paths)
        unit = f"{pages} pages ({rows} rows): {pages / read_s:,.1f} pages/s"
    else:
        unit = f"{rows} rows: {rows / read_s:,.0f} rows/s"
    return (f"- {fmt}: {len(paths)} files, {size} KB, {unit} read; whole parse {records} records in {parse_s:.2f} s "
            f"= {records / parse_s:,.0f} records/s ({parse_s / len(paths) * 1000:.0f} ms a file)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="best of this many rounds (default 5)")
    args = ap.parse_args(argv)
    head = (f"## {time.strftime('%Y-%m-%d')} — format readers, {platform.machine()}, "
            f"Python {platform.python_version()}, best of {args.rounds}")
    lines = [head] + [bench_format(fmt, args.rounds) for fmt in FOLDERS]
    record(lines)


if __name__ == "__main__":
    main()
