"""Speed of the Streamlit app on 1,000 documents (the five samples copied 200 times into a temp folder),
driven in-process with Streamlit's AppTest (the same script run the server does, without a browser).

    python benchmarks/bench_app.py [--copies 200] [--no-record] [--profile]

Measures, from a cold process:
1. first page: choosing the folder as the data source until the overview is drawn (parse every file with
   the progress bar, score, draw);
2. every page change after that (each page drawn once, then overview again);
3. downloads: building the bytes each download button serves when clicked (CSV / XLSX / Parquet of all
   indicators and of all projects, and the review report of every project) — the buttons' data is built
   on click, so this is the time between the click and the file;
   plus opening the 下载 page itself.
Results are printed and appended to benchmarks/RESULTS.md (``--no-record``: print only).
``--profile`` prints the top functions of the first load.
"""
from __future__ import annotations

import argparse
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402  (benchmarks/results.py, beside this script)

PAGES = ["projects", "explorer", "card", "compare", "families", "downloads", "load", "overview"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()

    os.environ["JIXIAO_FOLDER_INPUT"] = "1"
    from streamlit.testing.v1 import AppTest

    tmp = Path(tempfile.mkdtemp(prefix="jixiao-bench-app-"))
    folder = tmp / "docs"
    folder.mkdir()
    try:
        samples = sorted((ROOT / "data" / "samples").glob("*.txt"))
        for i in range(args.copies):
            for src in samples:
                shutil.copy(src, folder / f"{i:04d}_{src.name}")
        n_files = args.copies * len(samples)

        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.run()                                   # opens on the bundled samples (5 files)
        at.sidebar.radio(key="source").set_value("folder").run()
        at.sidebar.text_input(key="folder_path").set_value(str(folder))
        prof = None
        if args.profile:
            import cProfile
            prof = cProfile.Profile()
            prof.enable()
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        if prof:
            prof.disable()
        assert not at.exception, at.exception
        metrics = [m.value for m in at.metric]
        assert metrics[0] == str(n_files), metrics

        changes = {}
        for page in PAGES:
            t0 = time.perf_counter()
            at.sidebar.radio(key="page").set_value(page).run()
            changes[page] = time.perf_counter() - t0
            assert not at.exception, (page, at.exception)
        t0 = time.perf_counter()
        at.sidebar.radio(key="page").set_value("projects").run()
        again = time.perf_counter() - t0

        from app_pages import _store
        from indicators import workbench
        from indicators.export import frame_bytes
        corpus = next(reversed(_store()["corpora"].values()))
        T = workbench.labels("zh")
        builds = {}
        for name, df in (("indicators", corpus.ind), ("projects", corpus.proj)):
            for fmt in ("csv", "xlsx", "parquet"):
                t0 = time.perf_counter()
                frame_bytes(df, fmt)
                builds[f"{name}.{fmt}"] = time.perf_counter() - t0
        one = corpus.proj.head(1)
        t0 = time.perf_counter()
        workbench.review_report(corpus.ind, one, T, "zh")
        builds["review (one project)"] = time.perf_counter() - t0
        doc = corpus.proj[corpus.proj["source_file"] == one["source_file"].iloc[0]]
        t0 = time.perf_counter()
        workbench.review_report(corpus.ind, doc, T, "zh")
        builds["review (one document)"] = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    lines = [f"## {time.strftime('%Y-%m-%d')} — app (AppTest), {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}",
             f"- {n_files:,} documents, {len(corpus.ind):,} indicators, {len(corpus.proj):,} projects "
             f"(samples copied {args.copies} times, read from a folder)",
             f"- first page (parse with progress, score, draw the overview): {first:.1f} s",
             "- page change: " + ", ".join(f"{p} {t:.2f} s" for p, t in changes.items())
             + f"; projects again {again:.2f} s",
             "- download, built on click: " + ", ".join(f"{k} {t:.2f} s" for k, t in builds.items()),
             f"- peak RSS {peak:,.0f} MiB"]
    if args.no_record:
        print("\n".join(lines))
    else:
        record(lines)
    if prof:
        import pstats
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()
