"""Run the Streamlit app for real and drive it with Debian's chromium through Playwright.

Used by the end-to-end test (tests/test_e2e.py) and by ``make screenshots`` (docs/*.png).
No browser is downloaded: Playwright launches /usr/bin/chromium (Debian package ``chromium``).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(timeout: float = 90):
    """Start ``streamlit run app.py`` on a free port; yield its URL; stop it afterwards."""
    port = free_port()
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
            if proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + proc.stdout.read().decode(errors="replace"))
        else:
            raise TimeoutError("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000):
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if not exe:
        raise RuntimeError("chromium not found: install Debian's package 'chromium' (make test does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        page.set_default_timeout(60_000)
        try:
            yield page
        finally:
            browser.close()


def goto_page(page, label: str) -> None:
    """Click a page name in the sidebar radio and wait for the app to settle."""
    page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click()
    wait_idle(page)


def wait_idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                           " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=120_000)
    page.wait_for_timeout(800)


def metric_texts(page, ready, timeout: float = 120) -> list[str]:
    """The page's st.metric texts once `ready(texts)` holds (a loaded machine draws them after the
    warnings above them: a rerun shows its first elements before its last)."""
    texts: list[str] = []
    for _ in range(int(timeout * 2)):
        texts = page.get_by_test_id("stMetric").all_inner_texts()
        if ready(texts):
            return texts
        page.wait_for_timeout(500)
    raise AssertionError(f"the metrics never became ready: {texts}")


def select_first_row(page, table: int = 0) -> None:
    """Tick the first row of the page's n-th st.dataframe (its selection column) and wait."""
    grid = page.get_by_test_id("stDataFrame").nth(table)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 54)   # row 1 of the checkbox column (header is ~35 px)
    wait_idle(page)


def screenshots(out: Path = ROOT / "docs") -> list[Path]:
    out.mkdir(exist_ok=True)
    shots = []
    with app_server() as url, browser_page(height=1700) as page:
        page.goto(url)
        page.get_by_text("jixiao 绩效目标分析").wait_for()
        wait_idle(page)
        for name, label in (("overview", "概览"), ("projects", "项目总览"), ("explorer", "指标浏览"),
                            ("project-card", "项目卡片"), ("compare", "对比"), ("families", "套话族"),
                            ("downloads", "下载"), ("load-report", "加载报告")):
            goto_page(page, label)
            if name == "project-card":
                select_first_row(page, 1)   # the three-level table: highlights the row's source line
            path = out / f"screenshot-{name}.png"
            page.screenshot(path=str(path), full_page=True)
            shots.append(path)
    return shots


if __name__ == "__main__":
    for p in screenshots():
        print(p)
