"""How many of a topic's terms a paragraph's evidence for it rests on.

A paragraph's evidence for a topic is the sum, over its words, of the word's weight in the
paragraph times its weight in the topic (the row of the TF-IDF matrix times the topic's NMF
component). When one word gives nearly all of it, the topic rests on a word the two share
rather than on the paragraph's theme: a prison sentence in Russia under a topic of Pakistan's
death sentences for "приговор", a biathlon race under motor racing for "гонка".
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

#: A topic rests on one term of a paragraph when that term gives more than this share of the
#: paragraph's evidence for it: the paragraph's other terms of the topic together give less
#: than half as much as that one.
ONE_TERM_SHARE = 2 / 3


def strongest_term_share(x: sparse.csr_matrix, components: np.ndarray) -> np.ndarray:
    """Rows by topics: the share of each row's evidence for each topic that its single
    strongest term gives (1 where the row has no evidence for the topic)."""
    share = np.ones((x.shape[0], components.shape[0]), dtype=np.float32)
    rows = np.flatnonzero(np.diff(x.indptr) > 0)
    if len(rows) == 0:
        return share
    # Each stored word's evidence for every topic; its row's strongest, over its words.
    each = x.data[:, None] * components[:, x.indices].T
    strongest = np.maximum.reduceat(each, x.indptr[rows], axis=0)
    total = np.add.reduceat(each, x.indptr[rows], axis=0)
    share[rows] = np.divide(strongest, total, out=np.ones_like(total), where=total > 0)
    return share


def rests_on_one_term(x: sparse.csr_matrix, components: np.ndarray) -> np.ndarray:
    """Rows by topics: True where the row's evidence for the topic rests on one term (or on
    none)."""
    return strongest_term_share(x, components) > ONE_TERM_SHARE
