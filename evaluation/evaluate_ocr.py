"""OCR accuracy and speed on synthetic scans of the five samples.

    python evaluation/evaluate_ocr.py [--dpi 100] [--quality 60]

Each generated sample PDF (tests/formats/pdf/, text layer) is turned into a scan (every page a greyscale JPEG at
--dpi, no text layer; tools/make_formats.write_scanned_copy) in a temporary folder and parsed; its records are
compared with the text version's (project, level1, level2, level3, value_raw, whitespace removed), in order.
Synthetic scans are clean (no skew, stains, stamps or handwriting): real scans read worse; this is the upper end.
Prints one line per document and the totals, with pages/s of the OCR'd parse.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indicators.parse import parse_file  # noqa: E402
from tools.make_formats import write_scanned_copy  # noqa: E402


def key(r) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", x) for x in (r.project, r.level1, r.level2, r.level3, r.value_raw))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dpi", type=int, default=100, help="resolution of the synthetic scan (default 100)")
    ap.add_argument("--quality", type=int, default=60, help="JPEG quality of the scan (default 60)")
    args = ap.parse_args(argv)
    import pdfplumber
    total = same = found = pages = 0
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted((ROOT / "tests" / "formats" / "pdf").glob("*.pdf")):
            scan = Path(tmp) / pdf.name
            write_scanned_copy(pdf, scan, dpi=args.dpi, quality=args.quality)
            with pdfplumber.open(scan) as p:
                n = len(p.pages)
            want = [key(r) for r in parse_file(ROOT / "data" / "samples" / f"{pdf.stem}.txt").indicators]
            t0 = time.perf_counter()
            got = [key(r) for r in parse_file(scan).indicators]
            seconds += time.perf_counter() - t0
            exact = sum(1 for w in want if w in got)
            total, same, found, pages = total + len(want), same + exact, found + len(got), pages + n
            print(f"{pdf.stem}: {n} pages, {exact} of {len(want)} records exact, {len(got)} records read")
    print(f"total ({args.dpi} dpi, JPEG quality {args.quality}): {same} of {total} records exact "
          f"({same / total:.1%}), {found} read; {pages} pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s")


if __name__ == "__main__":
    main()
