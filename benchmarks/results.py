"""Shared by the benchmark scripts: print result lines and append them to benchmarks/RESULTS.md."""
from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def record(lines: list[str]) -> None:
    print("\n".join(lines))
    with open(RESULTS, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n\n")
