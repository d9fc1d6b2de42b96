"""Scale of the boilerplate step: indicator families and boilerplate scores on a million records.

    python benchmarks/bench_families.py [--records 1000000] [--distinct 100000]

Synthetic but realistic: the distinct indicator names of the five samples, perturbed the way real
tables vary them (PDF spaces, unit suffixes, 指标N： prefixes, a project or place word in front,
a character dropped or doubled), drawn with Zipf-like frequencies so that a few template names
dominate, as in real batches. Prints time and peak memory and appends to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import record  # noqa: E402  (benchmarks/results.py, beside this script)

from indicators.parse import read_documents  # noqa: E402

PLACES = ["全市", "全区", "全县", "本级", "乡镇", "社区", "城区", "农村", "街道", "市直", "县级", "定点"]
SUFFIXES = ["（%）", "(%)", "（人次）", "（个）", "率", "数", "情况", ""]


def synthetic(n_records: int, n_distinct: int, seed: int = 7):
    rng = random.Random(seed)
    base_df = read_documents([ROOT / "data" / "samples"], progress=False).to_frame()
    base = sorted(set(base_df["level3"]) - {""})
    values = list(base_df["value_raw"])
    variants = set(base)
    while len(variants) < n_distinct:
        s = rng.choice(base)
        op = rng.random()
        if op < 0.25:
            s = rng.choice(PLACES) + s
        elif op < 0.45:
            s = s + rng.choice(SUFFIXES)
        elif op < 0.6 and len(s) > 3:
            k = rng.randrange(len(s))
            s = s[:k] + s[k + 1:]
        elif op < 0.75:
            k = rng.randrange(len(s))
            s = s[:k] + " " + s[k:]
        elif op < 0.85:
            s = f"指标{rng.randint(1, 9)}：" + s
        else:
            s = rng.choice(PLACES) + s + rng.choice(SUFFIXES) + str(rng.randint(1, 999))
        variants.add(s)
    variants = sorted(variants)
    rng.shuffle(variants)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(variants))]
    names = rng.choices(variants, weights=weights, k=n_records)
    vals = rng.choices(values, k=n_records)
    return names, vals


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=100_000)
    ap.add_argument("--full", action="store_true",
                    help="time the whole boilerplate step (families + scores + reasons) instead of families alone")
    args = ap.parse_args()
    import pandas as pd

    from indicators.quality import add_boilerplate, load_rubric
    from nlp.families import indicator_families

    names, vals = synthetic(args.records, args.distinct)
    lines = [f"## {time.strftime('%Y-%m-%d')} — families, {platform.machine()}, {os.cpu_count()} cores"]
    if not args.full:  # each step timed cold, in its own run (tokenisation is cached across steps)
        t0 = time.perf_counter()
        fam = indicator_families(names, threshold=load_rubric()["boilerplate"]["family_threshold"])
        t1 = time.perf_counter()
        lines.append(f"- indicator_families: {args.records:,} records, {len(set(names)):,} distinct names -> "
                     f"{len(fam.sizes):,} families in {t1 - t0:.1f} s")
    else:
        n = args.records
        df = pd.DataFrame({"source_file": [f"doc{i // 700}.txt" for i in range(n)],
                           "table_id": [i // 7 for i in range(n)], "project": [f"项目{i // 7}" for i in range(n)],
                           "level3": names, "value_raw": vals, "kind": "qualitative", "grade": "unclear",
                           "value": None, "unit": "", "unit_base": "", "value_base": None, "op": "", "parts": "",
                           "project_amount_yuan": None})
        t2 = time.perf_counter()
        add_boilerplate(df)
        t3 = time.perf_counter()
        lines.append(f"- add_boilerplate (families + scores + reasons) on {n:,} records, "
                     f"{len(set(names)):,} distinct names: {t3 - t2:.1f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"- peak RSS {rss:,.0f} MiB")
    record(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
