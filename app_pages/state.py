"""What survives a rerun: widget values kept in ``st.session_state`` across page, language and data-source
changes, the filters mirrored in the URL query string, and "reset filters".

Streamlit forgets the value of a widget that is not drawn in a run; assigning every kept key to itself
at the top of the run keeps it. Option values are language-independent ids (labels come from
``format_func``), so a language switch keeps every choice.
"""
from __future__ import annotations

import streamlit as st

# key -> default; lists are multiselects
DEFAULTS: dict[str, object] = {
    "lang": "zh", "source": "samples", "page": "overview", "folder_path": "", "upload_set": "",
    "f_doc": [], "f_project": [], "f_level1": [], "f_level2": [], "f_kind": [], "f_boiler": "all",
    "f_flag": "", "f_text": "",
    "pl_grade": [], "pl_issuer": [], "pl_year": [],
    "cmp_by": "source_file", "cmp_groups": [],
    "card_project": None,
}
FILTERS = [k for k in DEFAULTS if k.startswith(("f_", "pl_", "cmp_groups"))]
IN_URL = ["lang", "source", "page", *FILTERS, "cmp_by", "card_project", "upload_set", "folder_path"]


def keep() -> None:
    """Call first in every run: defaults, the URL's values on a session's first run, and keep them all."""
    ss = st.session_state
    if "_from_url" not in ss:
        ss["_from_url"] = True
        qp = st.query_params
        for k in IN_URL:
            if k in qp:
                ss[k] = qp.get_all(k) if isinstance(DEFAULTS[k], list) else qp[k]
    for k, v in DEFAULTS.items():
        if k not in ss:
            ss[k] = list(v) if isinstance(v, list) else v
        else:
            ss[k] = ss[k]   # keep the value of a widget that is not drawn in this run


def valid(key: str, options) -> None:
    """Drop kept values that the current data does not offer (another data set, a stale URL)."""
    ss = st.session_state
    opts = set(options)
    if isinstance(DEFAULTS[key], list):
        ss[key] = [v for v in ss.get(key, []) if v in opts]
    elif ss.get(key) not in opts:
        d = DEFAULTS[key]
        ss[key] = d if d in opts else (list(options)[0] if len(options) else None)


def reset_filters() -> None:
    """on_click of the reset button (runs before the widgets are drawn)."""
    for k in FILTERS:
        v = DEFAULTS[k]
        st.session_state[k] = list(v) if isinstance(v, list) else v


def to_url() -> None:
    """Mirror the kept values in the query string (defaults left out), so the view can be shared."""
    ss = st.session_state
    want: dict[str, object] = {}
    for k in IN_URL:
        v = ss.get(k)
        if v is None or v == DEFAULTS[k] or v == [] or v == "":
            continue
        want[k] = [str(x) for x in v] if isinstance(v, list) else str(v)
    current = {k: (st.query_params.get_all(k) if isinstance(want.get(k), list) else st.query_params.get(k))
               for k in st.query_params}
    if current != want:
        st.query_params.from_dict(want)
