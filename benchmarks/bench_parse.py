"""Speed of target extraction and of the whole parse on the bundled samples.

    python benchmarks/bench_parse.py [--copies 326]

1. values/second of nlp.targets on distinct values (cache cleared each round);
2. records/second end to end (read files → layouts → records → target columns) on the five
   samples copied N times (326 copies = 100,082 records), plus peak memory.
Results are printed and appended to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import record  # noqa: E402  (benchmarks/results.py, beside this script)

from indicators.parse import read_documents  # noqa: E402
from nlp import targets as nt  # noqa: E402


def distinct_values() -> list[tuple[str, str, int | None]]:
    out = {}
    for name in ("targets_labelled.tsv", "targets_heldout.tsv"):
        with open(ROOT / "tests" / "data" / name, encoding="utf-8") as fh:
            for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
                out[row["value_raw"]] = (row["value_raw"], row["name"], int(row["year"]))
    return list(out.values())


def bench_values(rounds: int = 30) -> tuple[float, int]:
    values = distinct_values()
    nt.Target.fromstring("预热")  # load vocabulary and cn2an once
    start = time.perf_counter()
    for _ in range(rounds):
        nt._parse_cached.cache_clear()
        for raw, name, year in values:
            nt.Target.fromstring(raw, name=name, year=year)
    elapsed = time.perf_counter() - start
    return len(values) * rounds / elapsed, len(values)


def bench_end_to_end(copies: int, jobs: int = 1) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    try:
        for i in range(copies):
            for src in sorted((ROOT / "data" / "samples").glob("*.txt")):
                shutil.copy(src, tmp / f"{i:04d}_{src.name}")
        nt._parse_cached.cache_clear()
        t0 = time.perf_counter()
        result = read_documents([tmp], progress=False, jobs=jobs)
        t1 = time.perf_counter()
        df = nt.annotate(result.to_frame())
        t2 = time.perf_counter()
        n = len(df)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"records": n, "files": copies * 5, "jobs": jobs, "parse_s": t1 - t0, "targets_s": t2 - t1,
            "records_per_s": n / (t2 - t0),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=326)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    vps, nvalues = bench_values()
    e2e = bench_end_to_end(args.copies, args.jobs)
    lines = [
        f"## {time.strftime('%Y-%m-%d')} — {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        f"- target extraction: {vps:,.0f} values/s on {nvalues} distinct values (uncached)",
        f"- end to end ({e2e['jobs']} processes): {e2e['records']:,} records from {e2e['files']:,} files in "
        f"{e2e['parse_s'] + e2e['targets_s']:.1f} s = {e2e['records_per_s']:,.0f} records/s "
        f"(parse {e2e['parse_s']:.1f} s, targets {e2e['targets_s']:.1f} s), peak RSS {e2e['peak_rss_mib']:,.0f} MiB",
    ]
    record(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
