"""Families of similar indicator names (三级指标), with scikit-learn.

Method (chosen for scale, see README "Boilerplate"):

1. normalise names (whitespace, brackets, ``指标N：`` prefixes, trailing units such as ``(%)``) and
   keep each **distinct** name once with its count: real batches repeat names enormously, so a
   million records shrink to a few ten thousand strings;
2. vectorise the distinct names with TF-IDF over character 2–3-grams and jieba tokens (hstack,
   L2-normalised; terms in over 5% of the names dropped), so 信访投诉率 / 信访投诉率(%) / 信访件投诉率
   are close;
3. build the sparse graph of each name's ``top_k`` nearest names with cosine similarity
   ≥ ``threshold``, in row chunks (memory ~ n·top_k, not n²);
4. DBSCAN on that precomputed sparse distance graph, counts as ``sample_weight``: a name repeated at
   least ``min_count`` times, or with enough near neighbours, is a core point; chains only run
   through core points, so one odd name does not glue two families together.
   Names in no family form a family of their own (noise is labelled by its own id).

A family is named by its most frequent member (ties: the shorter name).

>>> fam = indicator_families(["服务对象满意度", "服务对象 满意度", "服务对象满意度(%)", "监控摄像头维护数量"])
>>> fam.labels[:3] == ["服务对象满意度"] * 3, fam.labels[3]
(True, '监控摄像头维护数量')
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .tokenize import tokens

_PREFIX = re.compile(r"^(?:指标|目标)\s*\d+\s*[：:．.、]\s*")
_UNIT_SUFFIX = re.compile(r"[（(](?:%|％|人次|人|天|个|元|万元|次|件|份|家|分钟|小时|秒)[)）]$")
_SPACE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Comparison form of an indicator name.

    >>> normalize_name("指标1：信访投诉 率（%）")
    '信访投诉率'
    """
    name = _SPACE.sub("", name or "")
    name = _PREFIX.sub("", name)
    name = name.replace("(", "（").replace(")", "）")
    name = _UNIT_SUFFIX.sub("", name)
    return name.strip("；;，,。.")


@dataclass
class Families:
    ids: list[int]          # family id per input name
    labels: list[str]       # family label per input name
    sizes: dict[int, int]   # family id -> number of input names in it
    label_of: dict[int, str]


def _jieba_analyzer(text: str) -> list[str]:
    return tokens(text)


def indicator_families(names, threshold: float = 0.6, min_count: int = 2, chunk: int = 2000,
                       top_k: int = 20) -> Families:
    """Cluster indicator names into families (see module doc)."""
    from scipy import sparse
    from sklearn.cluster import DBSCAN
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    norm = [normalize_name(n) for n in names]
    counts = Counter(norm)
    distinct = sorted(counts, key=lambda s: (-counts[s], len(s), s))
    index = {s: i for i, s in enumerate(distinct)}
    n = len(distinct)
    if n == 0:
        return Families([], [], {}, {})
    weights = np.array([counts[s] for s in distinct], dtype=float)

    nonempty = [s if s else "∅" for s in distinct]
    # Character 2-3-grams and jieba words. N-grams found in more than max_df of the names
    # ("率", "指标") carry no family information and would make the similarity product dense.
    max_df = 1.0 if n < 200 else 0.05
    char = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True, max_df=max_df, dtype=np.float32)
    words = TfidfVectorizer(analyzer=_jieba_analyzer, sublinear_tf=True, max_df=max_df, dtype=np.float32)
    blocks = []
    for vec in (char, words):
        try:
            blocks.append(vec.fit_transform(nonempty))
        except ValueError:  # every term pruned (tiny or uniform input)
            continue
    X = normalize(sparse.hstack(blocks).tocsr()) if blocks else sparse.identity(n, format="csr", dtype=np.float32)

    # sparse k-nearest-neighbour radius graph, chunk by chunk: memory ~ n * top_k, not n^2
    rows, cols, vals = [], [], []
    XT = X.T.tocsc()
    for start in range(0, n, chunk):
        sims = (X[start:start + chunk] @ XT).tocsr()
        sims.data[sims.data < threshold] = 0
        sims.eliminate_zeros()
        for i in range(sims.shape[0]):
            a, b = sims.indptr[i], sims.indptr[i + 1]
            if a == b:
                continue
            data, idx = sims.data[a:b], sims.indices[a:b]
            if b - a > top_k:
                keep = np.argpartition(-data, top_k)[:top_k]
                data, idx = data[keep], idx[keep]
            rows.append(np.full(len(idx), start + i))
            cols.append(idx)
            vals.append(np.maximum(0.0, 1.0 - data))
    r = np.concatenate(rows) if rows else np.array([], dtype=int)
    c = np.concatenate(cols) if cols else np.array([], dtype=int)
    d = np.concatenate(vals) if vals else np.array([], dtype=np.float32)
    # symmetric, and a stored zero distance must stay an edge: shift distances by a tiny epsilon
    one_way = sparse.csr_matrix((d + 1e-9, (r, c)), shape=(n, n))
    graph = one_way.maximum(one_way.T).tocsr()  # kNN is not symmetric: an edge either way counts
    eps = 1.0 - threshold + 1e-6
    db = DBSCAN(eps=eps, min_samples=min_count, metric="precomputed")
    raw_labels = db.fit_predict(graph, sample_weight=weights)

    # noise points are families of their own
    next_id = raw_labels.max() + 1 if len(raw_labels) else 0
    fam = raw_labels.copy()
    for i in np.where(fam < 0)[0]:
        fam[i] = next_id
        next_id += 1
    # label = most frequent member (distinct is sorted by count, then length)
    label_of: dict[int, str] = {}
    for i, f in enumerate(fam):
        label_of.setdefault(int(f), distinct[i])
    # renumber families by total size, biggest first, for stable readable ids
    size = Counter()
    for i, f in enumerate(fam):
        size[int(f)] += int(weights[i])
    order = {f: k for k, (f, _) in enumerate(sorted(size.items(), key=lambda kv: (-kv[1], label_of[kv[0]])))}
    ids = [order[int(fam[index[s]])] for s in norm]
    label_by_new = {order[f]: lab for f, lab in label_of.items()}
    return Families(ids=ids, labels=[label_by_new[i] for i in ids],
                    sizes={order[f]: s for f, s in size.items()}, label_of=label_by_new)
