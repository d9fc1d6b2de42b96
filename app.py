"""jixiao Streamlit app (placeholder until issue #5): upload or pick documents, see their indicators."""
import tempfile
from pathlib import Path

import streamlit as st

from indicators import read_documents

st.set_page_config(page_title="jixiao 绩效目标分析", layout="wide")
st.title("jixiao 绩效目标分析")

uploads = st.file_uploader("上传绩效目标表文件 (.txt .md .html .csv)", accept_multiple_files=True)
if uploads:
    tmp = Path(tempfile.mkdtemp())
    paths = []
    for up in uploads:
        p = tmp / up.name
        p.write_bytes(up.getvalue())
        paths.append(p)
    result = read_documents(paths, progress=False)
else:
    result = read_documents([Path(__file__).parent / "data" / "samples"], progress=False)
    st.caption("未上传文件：显示自带样本 (data/samples)")

st.write(result.summary())
for err in result.errors:
    st.error(str(err))
st.dataframe(result.to_frame(), use_container_width=True)
