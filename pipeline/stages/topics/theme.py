"""How much of its topic a paragraph's words carry, and the paragraphs that carry least of it.

Most paragraphs that do not fit their topic are about a theme the model has no topic for
(history, chess, weather, welfare; docs/topics.md "Where the misfits come from"): read with
their article they take its topic, though their own words share little with that topic's
terms. Such a paragraph keeps the topic, without a score of its own, as a paragraph without
content words does, so a reader can leave it out (`topic_score IS NOT NULL`).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

#: The share of the paragraphs of each length (vocabulary words) with a topic of their own whose
#: words carry least of their topic; they are left without a score of their own.
LEAST_THEME = 0.025
#: Paragraphs with this many vocabulary words or more count as one length.
LENGTH_POOL = 40


def carried(x: sparse.csr_matrix, components: np.ndarray, topic: np.ndarray) -> np.ndarray:
    """Each row's cosine with its topic's term weights (`components`): how much of the topic its
    words carry; NaN for rows without a topic (`topic` -1)."""
    has = np.flatnonzero(topic >= 0)
    dot = np.asarray(x[has] @ components.T)[np.arange(len(has)), topic[has]]
    norms = np.sqrt(np.asarray(x[has].multiply(x[has]).sum(axis=1)).ravel())
    norms *= np.linalg.norm(components, axis=1)[topic[has]]
    out = np.full(len(topic), np.nan, dtype=np.float32)
    out[has] = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    return out


def lengths(x: sparse.csr_matrix) -> np.ndarray:
    """Each row's number of vocabulary words, pooled from `LENGTH_POOL` up."""
    return np.minimum(np.diff(x.indptr), LENGTH_POOL).astype(np.int16)


def least_theme(theme: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Which rows are among the `LEAST_THEME` share of their length (rows with a `theme`, not
    NaN) whose words carry least of their topic. A short paragraph's cosine runs lower and
    wider than a long one's, so rows are ranked against rows of their length; ties go by
    position, so the choice does not depend on the sort."""
    rows = np.flatnonzero(~np.isnan(theme))
    order = rows[np.lexsort((rows, theme[rows], length[rows]))]
    group = length[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    rank = np.arange(len(order)) - np.repeat(starts, sizes)
    least = np.zeros(len(theme), dtype=bool)
    least[order[rank < np.floor(LEAST_THEME * np.repeat(sizes, sizes))]] = True
    return least
