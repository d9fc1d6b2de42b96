"""End to end: the real Streamlit server and a real headless browser (Debian chromium via Playwright).

`make test` installs Debian's chromium (and CJK fonts) when they are missing; nothing is downloaded
at test time. Set JIXIAO_SKIP_E2E=1 to skip on a machine where that is impossible.
"""
import io
import os
import zipfile

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES
from tools.app_driver import (app_server, browser_page, chromium_path, goto_page, metric_texts, select_first_row,
                              wait_idle)

pytestmark = pytest.mark.skipif(os.environ.get("JIXIAO_SKIP_E2E") == "1", reason="JIXIAO_SKIP_E2E=1")


def test_upload_good_empty_and_broken_files_see_the_load_report_and_download(tmp_path):
    assert chromium_path(), "Debian chromium is missing: run `make test` (it installs it) or apt-get install chromium"
    archive = tmp_path / "more.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "html_rowspan.html", "sub/表格.html")
        z.writestr("../escape.txt", "x")
    with app_server() as url, browser_page() as page:
        page.goto(url)
        page.get_by_text("jixiao 绩效目标分析").wait_for()
        wait_idle(page)
        before = metric_texts(page, lambda texts: len(texts) == 4)
        assert "307" in before[2]
        page.get_by_test_id("stSidebar").get_by_text("上传文件", exact=True).click()
        page.locator("input[type=file]").set_input_files([str(FIXTURES / "markdown_pipe.md"),
                                                         str(FIXTURES / "no_table.txt"),
                                                         str(FIXTURES / "binary.txt"), str(archive)])
        wait_idle(page)
        page.get_by_text("个文件没有得到指标").wait_for()      # one line pointing to the load report
        metrics = metric_texts(page, lambda texts: len(texts) == 4 and texts != before)
        assert metrics[0].endswith("2"), metrics               # two documents gave records
        goto_page(page, "加载报告")
        page.get_by_text("5 个文件：2 个找到指标，1 个未找到指标，1 个无法读取，1 个已跳过").wait_for()
        table = page.get_by_test_id("stDataFrame").first
        table.wait_for()
        # the grid is a canvas; its copy for assistive technology lists the cells (filled after the canvas draws:
        # wait for it, a loaded machine drew it late)
        joined = ""
        for _ in range(60):
            joined = " ".join(page.locator("[data-testid=stDataFrame] [role=gridcell]").all_inner_texts())
            if "markdown_pipe.md" in joined:
                break
            page.wait_for_timeout(500)
        for name in ("markdown_pipe.md", "no_table.txt", "binary.txt", "more.zip/sub/表格.html",
                     "more.zip/../escape.txt"):
            assert name in joined, (name, joined[:500])
        assert "未找到绩效目标表" in joined and "不是可读取的PDF文件" in joined and "路径不安全" in joined
        assert "/tmp/" not in page.content()                   # never a server path
        goto_page(page, "下载")
        with page.expect_download() as dl:
            page.get_by_test_id("stDownloadButton").get_by_text("CSV (", exact=False).first.click()
        data = open(dl.value.path(), "rb").read()
        assert data.startswith(b"\xef\xbb\xbf") and "改造校舍面积".encode() in data
        goto_page(page, "项目总览")
        page.get_by_text("显示 2 / 2 个项目", exact=False).wait_for()
        assert page.get_by_text("得分构成").count() == 0
        select_first_row(page, 0)                              # a click on the worst project opens its card
        page.get_by_text("得分构成").wait_for()
        opened = page.locator("h3").filter(has_text=" · ").first.inner_text().strip()
        goto_page(page, "项目卡片")                           # the card page keeps the project chosen in the list
        page.get_by_text("得分构成").wait_for()
        expect(page.get_by_test_id("stSelectbox").locator("input").first).to_have_value(opened, timeout=60_000)
        with page.expect_download() as dl:
            page.get_by_text("项目审核报告", exact=False).first.click()
        import pandas as pd
        sheets = pd.read_excel(io.BytesIO(open(dl.value.path(), "rb").read()), sheet_name=None)
        assert list(sheets) == ["概要", "问题清单", "指标"]
        # switching the language keeps the uploads and the page
        page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
        wait_idle(page)
        page.get_by_text("How the score is made").wait_for()
        page.wait_for_url(lambda u: "lang=en" in u and "page=card" in u, timeout=60_000)   # the query follows the rerun
        # a reload (or the link sent to a colleague) opens the same view with the same uploads
        page.goto(page.url)
        page.get_by_text("How the score is made").wait_for()
        wait_idle(page)
        expect(page.get_by_test_id("stMain")).to_contain_text(opened, timeout=60_000)
