"""Robustness to where a page is cut off: each labelled web page cut at half, 70 % and 85 % of its text, scored
on the lines wholly before the cut.

    python evaluation/evaluate_truncated.py [--set upto349] [--show]

Mirror sites and search previews keep the first part of a page, cut anywhere, often in the middle of a row; the
records of every complete line before the cut should not depend on where it falls. For each page (``.txt`` and
``.md`` files of the set) and each cut, the labels whose line is before the cut line are matched (by 三级 name, as
in ``evaluate_records.py``) against the records the cut page gives on those lines. The ``whole`` row scores the
records the whole page gives on the same lines, so that the drop from it is what the cut costs. ``--show`` lists
the cuts that lose the most labels the whole page reads.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import evaluate_records as er  # noqa: E402
from indicators.parse import parse_file  # noqa: E402

CUTS = (0.5, 0.7, 0.85)


def cut_text(text: str, share: float) -> tuple[str, int]:
    """The page's first ``share`` of characters and the number of the line the cut falls in.

    >>> cut_text("一\\n二二\\n三三三", 0.5)
    ('一\\n二二', 2)
    """
    head = text[:int(len(text) * share)]
    return head, head.count("\n") + 1


def before(items, line: int, key) -> list:
    return [x for x in items if key(x) < line]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="upto349", help="documents (as in evaluate_records.py; default: the web pages)")
    ap.add_argument("--show", action="store_true", help="the cuts that lose most against the whole page")
    a = ap.parse_args()
    docs = [d for d in er.documents(a.set) if d.suffix in (".txt", ".md") and er.load_labels(d)]
    cut_counts, whole_counts, losses = [0, 0, 0], [0, 0, 0], []
    with tempfile.TemporaryDirectory(prefix="jixiao-cut-") as tmp:
        for n, doc in enumerate(docs, 1):
            print(f"\r{n}/{len(docs)} {doc.name[:40]:40}", end="", file=sys.stderr, flush=True)
            text, labels = doc.read_text(encoding="utf-8"), er.load_labels(doc)
            whole = parse_file(doc).indicators
            for share in CUTS:
                head, line = cut_text(text, share)
                path = Path(tmp) / f"{share}" / doc.name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(head, encoding="utf-8")
                keep = before(labels, line, lambda lab: lab["line"])
                got = before(parse_file(path).indicators, line, lambda r: r.source_line)
                had = before(whole, line, lambda r: r.source_line)
                tp, wtp = len(er.match(keep, got)), len(er.match(keep, had))
                for counts, k, m in ((cut_counts, tp, got), (whole_counts, wtp, had)):
                    counts[0] += k
                    counts[1] += len(m)
                    counts[2] += len(keep)
                if wtp > tp:
                    losses.append((wtp - tp, doc.name, share))
    print(file=sys.stderr)
    print(f"{len(docs)} pages, {len(CUTS)} cuts each, {cut_counts[2]} labels before the cuts")
    for name, counts in (("cut", cut_counts), ("whole", whole_counts)):
        p, r, f = er.prf(*counts)
        print(f"{name:6} precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    print(f"cuts that lose labels the whole page reads: {len(losses)}, {sum(x[0] for x in losses)} labels")
    if a.show:
        for lost, name, share in sorted(losses, key=lambda x: (-x[0], x[1]))[:12]:
            print(f"  {lost:3} lost  {name[:60]}  cut at {share:.0%}")


if __name__ == "__main__":
    main()
