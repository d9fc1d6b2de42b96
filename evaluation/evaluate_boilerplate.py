"""Precision and recall of the boilerplate label on the hand-labelled seed records.

    python evaluation/evaluate_boilerplate.py [--show-errors]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "tests" / "data" / "boilerplate_labelled.tsv"


def load_labels() -> dict[tuple[str, int], int]:
    with open(LABELS, encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {(r["seed"], int(r["source_line"])): int(r["boilerplate"]) for r in rows}


def evaluate(indicators) -> dict:
    labels = load_labels()
    got = {(Path(f).name[:3], int(line)): bool(b)
           for f, line, b in zip(indicators["source_file"], indicators["source_line"], indicators["boilerplate"])}
    tp = sum(1 for k, y in labels.items() if y and got.get(k))
    fp = sum(1 for k, y in labels.items() if not y and got.get(k))
    fn = sum(1 for k, y in labels.items() if y and not got.get(k))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    errors = [(k, y) for k, y in labels.items() if bool(y) != bool(got.get(k))]
    return {"n": len(labels), "precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn,
            "errors": errors}


def main() -> int:
    from indicators.parse import read_documents
    from indicators.quality import analyze

    ap = argparse.ArgumentParser()
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    indicators, _ = analyze(read_documents([ROOT / "data" / "samples"], progress=False))
    res = evaluate(indicators)
    print(f"{res['n']} labelled records: precision {res['precision']:.1%}, recall {res['recall']:.1%} "
          f"(tp {res['tp']}, fp {res['fp']}, fn {res['fn']})")
    if args.show_errors:
        idx = {(Path(f).name[:3], int(l)): i for i, (f, l) in
               enumerate(zip(indicators["source_file"], indicators["source_line"]))}
        for k, y in res["errors"]:
            r = indicators.iloc[idx[k]]
            print(f"  {k} labelled {'boilerplate' if y else 'specific'}: {r.project} / {r.level3} = {r.value_raw} "
                  f"(score {r.boilerplate_score}: {r.boilerplate_reason})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
