"""Command line: ``python -m indicators parse PATH... --out FILE [--format csv|jsonl|parquet|xlsx]``."""
from __future__ import annotations

import argparse
import sys

from .export import FORMATS


def _add_io(p: argparse.ArgumentParser, default_out: str) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--out", default=default_out, help=f"output file (default {default_out})")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from --out suffix, else csv)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--errors", help="also write the files that failed or gave no records, with reasons, to this CSV")
    p.add_argument("--jobs", type=int, default=1, help="parse in this many processes (default 1; 0 = all cores)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indicators",
                                     description="jixiao: read 绩效目标表 from budget disclosures.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse documents into one record per indicator")
    _add_io(p, "indicators.csv")
    p.add_argument("--slots", help="also write the empty 二级 slots to this file")
    p = sub.add_parser("score", help="parse, extract targets, find boilerplate and score indicators and projects")
    _add_io(p, "indicators.csv")
    p.add_argument("--projects", default="projects.csv", help="project scores file (default projects.csv)")
    p.add_argument("--rubric", help="rubric TOML (default data/rubric.toml)")
    return parser


def print_summary(summary: dict, errors, stream=sys.stderr, empty=()) -> None:
    labels = {"documents": "documents", "tables": "tables", "projects": "projects",
              "records": "records", "empty_slots": "empty slots", "files_with_errors": "files with errors",
              "files_without_records": "files without records"}
    print("  ".join(f"{labels.get(k, k)}: {v}" for k, v in summary.items()), file=stream)
    for err in errors:
        print(f"error: {err}", file=stream)
    for doc in empty:
        print(f"{doc}", file=stream)


def print_score_summary(indicators, projects, stream=sys.stderr, top: int = 8) -> None:
    """Grade distribution, most common flags, largest boilerplate families."""
    from collections import Counter
    if projects is None or len(projects) == 0:
        print("no indicators found", file=stream)
        return
    grades = projects["grade"].value_counts()
    print("grades: " + "  ".join(f"{g} {int(grades.get(g, 0))}" for g in ("优", "良", "中", "差")), file=stream)
    from .quality import flag_codes
    flags = Counter(f for fs in indicators["flags"] for f in flag_codes(fs))
    pflags = Counter(f for fs in projects["flags"] for f in flag_codes(fs))
    print("indicator flags: " + ", ".join(f"{f} {n}" for f, n in flags.most_common(top)), file=stream)
    print("project flags: " + ", ".join(f"{f} {n}" for f, n in pflags.most_common(top)), file=stream)
    b = indicators[indicators["boilerplate"]]
    fam = b.groupby("family_label").agg(records=("family_label", "size"),
                                         projects=("project", "nunique")).sort_values("records", ascending=False)
    print(f"boilerplate: {len(b)} of {len(indicators)} indicators; largest families: " + ", ".join(
        f"{lab} ({r.records} in {r.projects} projects)" for lab, r in fam.head(top).iterrows()), file=stream)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .parse import read_documents

    import os
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    result = read_documents(args.paths, progress=False if args.no_progress else None, jobs=jobs)
    if args.command == "parse":
        from nlp.targets import annotate
        from .export import write_frame
        out = write_frame(annotate(result.to_frame()), args.out, args.format)
        if args.slots:
            from .export import write_frame
            write_frame(result.slots_frame(), args.slots)
        print(f"wrote {len(result)} records to {out}", file=sys.stderr)
    if args.command == "score":
        from .export import write_frame
        from .quality import analyze, load_rubric
        rubric = load_rubric(args.rubric) if args.rubric else load_rubric()
        indicators, projects = analyze(result, rubric)
        out = write_frame(indicators, args.out, args.format)
        pout = write_frame(projects, args.projects, args.format if args.format else None)
        print(f"wrote {len(indicators)} indicators to {out} and {len(projects)} projects to {pout}", file=sys.stderr)
        print_score_summary(indicators, projects)
    if args.errors:
        import pandas as pd
        from .export import write_frame
        write_frame(pd.DataFrame([e.__dict__ for e in result.errors + result.empty_documents],
                                 columns=["source_file", "line", "reason"]), args.errors)
    print_summary(result.summary(), result.errors, empty=result.empty_documents)
    if result.documents and len(result.errors) == len(result.documents):
        return 2
    return 0
