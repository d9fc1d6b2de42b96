"""How many of the five samples' 307 expected records the general (stream) reader reads alone.

    python evaluation/stream_on_samples.py

The samples are served by the grid reader (``indicators/parse.py: choose``); this measures how far the stream
reader is from replacing it: a record counts when its (一级, 二级, 三级, value_raw) is one the stream reader
read from the same sample (``tests/expected/seed_NNN.tsv``).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indicators.ingest import read_text, text_to_lines  # noqa: E402
from indicators.parse import parse_stream  # noqa: E402


def stream_on_samples() -> tuple[int, int]:
    """(records read exactly by the stream reader alone, expected records)."""
    ok = total = 0
    for k, path in enumerate(sorted((ROOT / "data" / "samples").iterdir())):
        text, _ = read_text(path)
        doc = parse_stream(text, text_to_lines(text, path.suffix), path.name, path.suffix)
        got = {(r.level1, r.level2, r.level3, r.value_raw) for r in doc.indicators}
        with open(ROOT / "tests" / "expected" / f"seed_{k:03d}.tsv", encoding="utf-8") as fh:
            expected = list(csv.DictReader(fh, delimiter="\t"))
        total += len(expected)
        ok += sum((e["level1"], e["level2"], e["level3"], e["value_raw"]) in got for e in expected)
    return ok, total


if __name__ == "__main__":
    ok, total = stream_on_samples()
    print(f"stream reader alone: {ok} of {total} sample records exactly")
