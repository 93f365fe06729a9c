"""Broad news themes the free topics leave out, added as topics of their own (issue 27, kind (b)
of the misfits: a theme without a topic, such as history or the media).

`pipeline/nlp/data/news_themes.tsv` lists the top-level IPTC Media Topics with common Russian
news words written from each theme's name. After K is chosen, a theme none of the chosen
candidate's topics names (no topic holds `COVERED` of its words among its ten terms) is added
to the K free topics of the final fit: it does not take a slot from a split of a large theme.
It starts from its words, and a pseudo-document of its words weighing as much as an average
topic's documents (`SUPPORT`) keeps it near them without confining it (a penalised, not a
fixed, support): the fit may give it the words that come with its own.
"""

from __future__ import annotations

import warnings
from functools import cache

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.decomposition._nmf import _initialize_nmf
from sklearn.exceptions import ConvergenceWarning
from threadpoolctl import threadpool_limits

from pipeline.nlp.gazetteer import read_tsv
from pipeline.stages.topics.choose import NMF_ITER, NMF_TOL, SEED

#: A theme is named by a topic holding at least this many of its words among its ten terms.
COVERED = 2
#: A theme with fewer of its words in the fitted vocabulary is left out (too little to start).
LEAST_WORDS = 3
#: A theme's pseudo-document weighs (in squared norm) this share of an average topic's
#: documents: how far the fit may move the theme's topic away from its words.
SUPPORT = 0.5


@cache
def news_themes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each theme's name and words."""
    return tuple((name, tuple(words.split())) for name, words in read_tsv("news_themes.tsv"))


def uncovered(terms: list[set[str]], vocabulary: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The themes (name, words in `vocabulary`) that no topic's `terms` names, in the list's
    order; a theme with fewer than `LEAST_WORDS` words in the vocabulary is left out."""
    found = []
    for name, words in news_themes():
        known = tuple(w for w in words if w in vocabulary)
        if len(known) < LEAST_WORDS:
            continue
        if all(len(top & set(known)) < COVERED for top in terms):
            found.append((name, known))
    return found


def theme_rows(themes: list[tuple[str, tuple[str, ...]]], columns: list[str]) -> np.ndarray:
    """One row per theme over the fit's `columns` (lemmas): its words alike, unit length."""
    at = {w: i for i, w in enumerate(columns)}
    rows = np.zeros((len(themes), len(columns)), dtype=np.float32)
    for r, (_name, words) in enumerate(themes):
        rows[r, [at[w] for w in words if w in at]] = 1.0
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def fit_with_themes(x: sparse.csr_matrix, k: int, rows: np.ndarray) -> NMF:
    """NMF of `x` with `k` free topics (nndsvda start, as `fit_nmf`) and one more per theme
    row, started from the row and supported by it as a pseudo-document of weight
    `SUPPORT` times an average topic's share of the documents. Deterministic."""
    topics = k + len(rows)
    weight = np.sqrt(SUPPORT * x.shape[0] / topics)
    augmented = sparse.vstack([x, sparse.csr_matrix(rows * weight)]).tocsr().astype(np.float32)
    with threadpool_limits(1):
        # The free topics start from the documents alone: started over the pseudo-documents
        # too, they would start as copies of the themes and die out.
        w, h = _initialize_nmf(x.astype(np.float32), k, init="nndsvda", random_state=SEED)
        w = np.vstack([w, np.zeros((len(rows), k), dtype=w.dtype)])
        scale = np.linalg.norm(h, axis=1).mean() if k else 1.0
        start = rows * scale
        loads = np.maximum(np.asarray(augmented @ start.T), 0) / (scale**2)
        model = NMF(topics, init="custom", max_iter=NMF_ITER, tol=NMF_TOL, random_state=SEED)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(
                augmented,
                W=np.hstack([w, loads]).astype(np.float32),
                H=np.vstack([h, start]).astype(np.float32),
            )
    return model
