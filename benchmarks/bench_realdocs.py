"""Parse speed on the labelled real documents (and on the samples), for pairing two commits.

    python benchmarks/bench_realdocs.py [--copies 5] [--samples] [--tree PATH]

Parses every document of ``tests/realdocs/docs`` (``--samples``: the five samples, 40 times) ``--copies`` times
in one process and prints the wall time. ``--tree`` runs the parser of another checkout (for instance a
``git worktree add /tmp/old COMMIT``) on this checkout's documents, so two commits can be timed in turn on the
same files; the README's paired ratios are medians of such runs taken alternately.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--samples", action="store_true", help="the five samples, 40 times each (200 files)")
    ap.add_argument("--tree", default=str(ROOT), help="the checkout whose parser runs (default: this one)")
    a = ap.parse_args()
    sys.path.insert(0, a.tree)
    from indicators.parse import read_documents

    if a.samples:
        files = sorted((ROOT / "data" / "samples").iterdir()) * 40
    else:
        files = sorted((ROOT / "tests" / "realdocs" / "docs").iterdir()) * a.copies
    t0 = time.perf_counter()
    records = sum(1 for _ in read_documents(files, progress=False))
    wall = time.perf_counter() - t0
    print(f"{len(files)} files, {records} records in {wall:.2f} s ({len(files) / wall:.0f} files/s), parser {a.tree}")


if __name__ == "__main__":
    main()
