"""Speed of the Streamlit app on 1,000 documents (the five samples copied 200 times into a temp folder),
driven in-process with Streamlit's AppTest (the same script run the server does, without a browser).

    python benchmarks/bench_app.py [--copies 200] [--no-record] [--profile] [--browser]

Measures, from a cold process:
1. first page: choosing the folder as the data source until the overview is drawn (parse every file with
   the progress bar, score, draw);
2. every page change after that (each page drawn once, then overview again);
3. downloads: building the bytes each download button serves when clicked (CSV / XLSX / Parquet of all
   indicators and of all projects, and the review report of every project) — the buttons' data is built
   on click, so this is the time between the click and the file;
   plus opening the 下载 page itself.
Results are printed and appended to benchmarks/RESULTS.md (``--no-record``: print only).
``--profile`` prints the top functions of the first load. ``--browser`` also measures the same in the
real server with Debian chromium (tools/app_driver.py): from opening the URL (folder in the query string)
until the overview's metrics are drawn and the app is idle, each page change until the page's own text
shows and the app is idle, and each download from the click until the browser has the file.
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

def _cpu() -> float:
    """CPU seconds of this process and its finished children (the parse workers)."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


PAGES = ["projects", "explorer", "card", "compare", "families", "downloads", "load", "overview"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--browser", action="store_true")
    args = ap.parse_args()

    os.environ["JIXIAO_FOLDER_INPUT"] = "1"
    load_before = os.getloadavg()[0]
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
        t0, cpu0 = time.perf_counter(), _cpu()
        at.run()
        first, first_cpu = time.perf_counter() - t0, _cpu() - cpu0
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
        browser = bench_browser(folder, n_files) if args.browser else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    lines = [f"## {time.strftime('%Y-%m-%d')} — app (AppTest), {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, load average before the run {load_before:.2f} "
             f"(the machine is shared)",
             f"- {n_files:,} documents, {len(corpus.ind):,} indicators, {len(corpus.proj):,} projects "
             f"(samples copied {args.copies} times, read from a folder)",
             f"- first page (parse with progress, score, draw the overview): {first:.1f} s "
             f"(CPU {first_cpu:.1f} s in this process and its parse workers)",
             "- page change: " + ", ".join(f"{p} {t:.2f} s" for p, t in changes.items())
             + f"; projects again {again:.2f} s",
             "- download, built on click: " + ", ".join(f"{k} {t:.2f} s" for k, t in builds.items()),
             f"- peak RSS {peak:,.0f} MiB (AppTest process)"]
    if browser:
        lines.append(f"- real server + chromium: first page {browser['first']:.1f} s; page change "
                     + ", ".join(f"{p} {t:.2f} s" for p, t in browser["pages"].items())
                     + "; download (click to file) " + ", ".join(f"{k} {t:.2f} s"
                                                                 for k, t in browser["downloads"].items()))
    if args.no_record:
        print("\n".join(lines))
    else:
        record(lines)
    if prof:
        import pstats
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)


MARKERS = {"项目总览": "个项目（默认最差的在前", "指标浏览": "条指标", "项目卡片": "得分构成", "对比": "各组评级分布",
           "套话族": "最大的套话族", "下载": "文件在点击时生成", "加载报告": "个文件：", "概览": "指标值类型"}


def _idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=300_000,
                           polling=50)


def bench_browser(folder: Path, n_files: int) -> dict:
    import urllib.parse

    from tools.app_driver import app_server, browser_page
    out = {"pages": {}, "downloads": {}}
    with app_server() as url, browser_page() as page:
        page.set_default_timeout(300_000)
        q = urllib.parse.urlencode({"source": "folder", "folder_path": str(folder)})
        t0 = time.perf_counter()
        page.goto(f"{url}/?{q}")
        page.get_by_test_id("stMetricValue").first.wait_for()
        page.get_by_text(f"{n_files:,}", exact=True).or_(page.get_by_text(str(n_files), exact=True)).first.wait_for()
        _idle(page)
        out["first"] = time.perf_counter() - t0
        for label, marker in MARKERS.items():
            t0 = time.perf_counter()
            page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click()
            page.get_by_text(marker, exact=False).first.wait_for()
            _idle(page)
            out["pages"][label] = time.perf_counter() - t0
        page.get_by_test_id("stSidebar").get_by_text("下载", exact=True).click()
        page.get_by_text(MARKERS["下载"]).first.wait_for()
        _idle(page)
        buttons = page.get_by_test_id("stDownloadButton")
        for i, name in enumerate(["indicators.csv", "indicators.xlsx", "indicators.parquet"]):
            t0 = time.perf_counter()
            with page.expect_download(timeout=300_000) as dl:
                buttons.nth(i).locator("button").click()
            dl.value.path()
            out["downloads"][name] = time.perf_counter() - t0
    return out


if __name__ == "__main__":
    main()
