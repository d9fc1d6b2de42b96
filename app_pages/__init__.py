"""The Streamlit pages of jixiao (entry: top-level ``app.py``)."""
from __future__ import annotations

import os
import tempfile
import time
from collections import OrderedDict
from pathlib import Path

import streamlit as st

from indicators import inputs, workbench

from . import pages, state

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
UPLOAD_DIR = Path(tempfile.gettempdir()) / "jixiao-uploads"
PAGES = ["overview", "projects", "explorer", "card", "compare", "families", "downloads", "load"]
PAGE_LABEL = {"overview": "overview", "projects": "project_list", "explorer": "explorer", "card": "card",
              "compare": "compare", "families": "families", "downloads": "downloads", "load": "load_report"}
KEEP_CORPORA = 3


@st.cache_resource
def _store() -> dict:
    """Analysed corpora by content key (in process: a page change reuses the frames without copying or
    unpickling them) and every parsed document by (digest, name)."""
    return {"corpora": OrderedDict(), "memo": {}}


def load(files: list[inputs.InputFile], T: dict) -> workbench.Corpus:
    """The corpus of these inputs: from the store when the same names and contents were loaded before,
    else parsed file by file with a progress bar, then scored."""
    store = _store()
    key = inputs.corpus_key(files)
    corpora = store["corpora"]
    if key in corpora:
        corpora.move_to_end(key)
        return corpora[key]
    bar = st.progress(0.0, text=T["parsing"].format(i=0, n=len(files), name=""))
    last = [0.0]

    def progress(i, n, name):
        now = time.monotonic()
        if now - last[0] > 0.15 or i == n:
            last[0] = now
            bar.progress(0.9 * i / max(n, 1), text=T["parsing"].format(i=i, n=n, name=name))

    if len(store["memo"]) > 20_000:
        store["memo"].clear()
    docs = workbench.parse_files(files, jobs=2 if len(files) > 50 else 1, on_progress=progress,
                                 memo=store["memo"])
    bar.progress(0.92, text=T["scoring"].format(n=len(files), records=sum(len(d.indicators) for d in docs)))
    corpus = workbench.build_corpus(files, docs)
    corpora[key] = corpus
    while len(corpora) > KEEP_CORPORA:
        corpora.popitem(last=False)
    bar.empty()
    return corpus


def folder_allowed() -> bool:
    """A folder path only when the app runs on the reviewer's own machine (or JIXIAO_FOLDER_INPUT=1)."""
    flag = os.environ.get("JIXIAO_FOLDER_INPUT", "auto")
    if flag in ("0", "1"):
        return flag == "1"
    try:
        host = (st.context.headers.get("Host") or "").rsplit(":", 1)[0]
    except Exception:
        host = ""
    return host in ("", "localhost", "127.0.0.1", "[::1]")


def _uploads_changed() -> None:
    files = inputs.from_uploads(st.session_state.get("files") or [], UPLOAD_DIR)
    st.session_state["uploads"] = files
    st.session_state["upload_set"] = inputs.save_set(files, UPLOAD_DIR) if files else ""


def _clear_uploads() -> None:
    st.session_state["uploads"] = []
    st.session_state["upload_set"] = ""


def choose_inputs(T: dict) -> list[inputs.InputFile] | None:
    ss = st.session_state
    sources = ["samples", "upload"] + (["folder"] if folder_allowed() else [])
    state.valid("source", sources)
    src = st.sidebar.radio(T["source"], sources, key="source", format_func=lambda s: T[s])
    if src == "samples":
        return inputs.from_folder(SAMPLES, prefix=False)
    if src == "folder":
        path = st.sidebar.text_input(T["folder"], key="folder_path", help=T["folder_help"]).strip()
        if not path:
            st.info(T["folder_help"])
            return None
        try:
            files = inputs.from_folder(path)
        except NotADirectoryError:
            st.error(T["folder_missing"].format(path=path))
            return None
        if not files:
            st.warning(T["folder_empty"].format(path=path))
            return None
        return files
    types = inputs.accepted_suffixes()
    st.sidebar.file_uploader(T["upload"], accept_multiple_files=True, type=types, key="files",
                             help=T["upload_help"].format(types=" ".join("." + t for t in types)),
                             on_change=_uploads_changed)
    kept = ss.get("uploads") or []
    if not kept and ss.get("upload_set"):       # a reload, or a shared link: the uploads saved under the token
        kept = ss["uploads"] = inputs.load_set(ss["upload_set"], UPLOAD_DIR) or []
    if not kept:
        st.info(T["no_upload"])
        return None
    st.sidebar.caption(T["kept_uploads"].format(n=len(kept)))
    st.sidebar.button(T["clear_uploads"], on_click=_clear_uploads, key="clear_uploads")
    return kept


def main() -> None:
    st.set_page_config(page_title="jixiao 绩效目标分析", layout="wide")
    state.keep()
    state.valid("lang", workbench.LANGS)
    lang = st.sidebar.radio("语言 / Language", list(workbench.LANGS), key="lang", horizontal=True,
                            format_func=lambda k: {"zh": "中文", "en": "English"}[k])
    T = workbench.labels(lang)
    st.title(T["title"])
    files = choose_inputs(T)
    state.valid("page", PAGES)
    page = st.sidebar.radio(T["page"], PAGES, key="page", format_func=lambda p: T[PAGE_LABEL[p]])
    st.sidebar.button(T["reset_filters"], on_click=state.reset_filters, key="reset")
    if files is None:
        state.to_url()
        return
    corpus = load(files, T)
    s = workbench.load_summary(corpus.loaded)
    problems = s["empty"] + s["errors"] + s["skipped"]
    if corpus.ind.empty:
        page = "load"
    elif problems and page != "load":
        st.warning(T["load_problems"].format(n=problems))
    pages.PAGES[page](corpus, T, lang)
    state.to_url()
