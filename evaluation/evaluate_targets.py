"""Accuracy of nlp.targets on the hand-labelled values (tests/data/targets_labelled.tsv).

    python evaluation/evaluate_targets.py [--show-errors]

A value counts as exactly right when kind, op, value and unit all match (the issue's criterion);
value_max, period, deadline and grade are reported separately.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "tests" / "data" / "targets_labelled.tsv"
HELDOUT = ROOT / "tests" / "data" / "targets_heldout.tsv"

from nlp.targets import Target  # noqa: E402

CORE = ("kind", "op", "value", "unit")
EXTRA = ("value_max", "period", "deadline", "grade")


def load_labels(path: Path = LABELS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _num(s):
    return None if s in ("", None) else float(s)


def compare(row: dict) -> dict[str, tuple]:
    """Field -> (expected, got) for every field that differs."""
    t = Target.fromstring(row["value_raw"], name=row["name"], year=int(row["year"]) if row["year"] else None)
    expected = {"kind": row["kind"], "op": row["op"], "value": _num(row["value"]), "unit": row["unit"],
                "value_max": _num(row["value_max"]), "period": row["period"], "deadline": row["deadline"],
                "grade": row["grade"]}
    got = {k: getattr(t, k) for k in expected}
    return {k: (expected[k], got[k]) for k in expected if expected[k] != got[k]}


def evaluate(rows: list[dict]) -> dict:
    core_ok = 0
    field_ok = {f: 0 for f in CORE + EXTRA}
    errors = []
    for row in rows:
        diff = compare(row)
        if not any(f in diff for f in CORE):
            core_ok += 1
        for f in field_ok:
            field_ok[f] += f not in diff
        if diff:
            errors.append((row["value_raw"], row["name"], diff))
    n = len(rows)
    return {"n": n, "exact": core_ok / n, "fields": {f: c / n for f, c in field_ok.items()}, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--labels", default=str(LABELS), help="labelled TSV (default: the tuning set)")
    args = ap.parse_args()
    res = evaluate(load_labels(Path(args.labels)))
    print(f"{args.labels}: {res['n']} labelled values; exactly right (kind, op, value, unit): {res['exact']:.1%}")
    print("per field: " + ", ".join(f"{k} {v:.1%}" for k, v in res["fields"].items()))
    if args.show_errors:
        for raw, name, diff in res["errors"]:
            print(f"  {raw!r} ({name}): " + "; ".join(f"{k} expected {e!r} got {g!r}" for k, (e, g) in diff.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
