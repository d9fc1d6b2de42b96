"""End to end: the real Streamlit server and a real headless browser (Debian chromium via Playwright).

`make test` installs Debian's chromium (and CJK fonts) when they are missing; nothing is downloaded
at test time. Set JIXIAO_SKIP_E2E=1 to skip on a machine where that is impossible.
"""
import os

import pytest

from conftest import FIXTURES
from tools.app_driver import app_server, browser_page, chromium_path, goto_page, wait_idle

pytestmark = pytest.mark.skipif(os.environ.get("JIXIAO_SKIP_E2E") == "1", reason="JIXIAO_SKIP_E2E=1")


def test_upload_a_document_and_see_its_projects():
    assert chromium_path(), "Debian chromium is missing: run `make test` (it installs it) or apt-get install chromium"
    with app_server() as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("jixiao 绩效目标分析").wait_for()
        wait_idle(page)
        page.get_by_test_id("stMetricValue").first.wait_for()
        assert "307" in page.get_by_test_id("stMetric").all_inner_texts()[2]
        page.get_by_test_id("stSidebar").get_by_text("上传文件", exact=True).click()
        page.locator("input[type=file]").set_input_files([str(FIXTURES / "markdown_pipe.md"),
                                                         str(FIXTURES / "binary.txt")])
        wait_idle(page)
        page.get_by_text("无法读取").first.wait_for()          # the bad file is reported ...
        metrics = page.get_by_test_id("stMetric").all_inner_texts()
        assert metrics[1].endswith("1") and metrics[2].endswith("6")  # ... and the good one loaded
        goto_page(page, "项目卡片")
        page.get_by_test_id("stCode").get_by_text("改造校舍面积").wait_for()   # its source lines
        chosen = page.get_by_test_id("stSelectbox").locator("input").input_value()
        assert chosen == "markdown_pipe.md · 义务教育薄弱环节改善"
        assert "可持续影响指标" in page.get_by_test_id("stMarkdownContainer").all_inner_texts().__str__()
