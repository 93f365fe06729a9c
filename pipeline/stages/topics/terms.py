"""A topic's terms read off the paragraphs it holds (issue 27).

The NMF's strongest terms name the articles a topic was fitted on; the paragraphs assigned to
it (read with their article, step 6 of docs/topics.md) can be broader, so a label from those
terms tells a reader less than the topic holds ("вмешательство · хакер" over US politics at
large). Here a topic's terms are the vocabulary lemmas most of its paragraphs share and few
others have: ranked by n·ln(lift), n being the topic's paragraphs (with a score of their own)
that hold the lemma and lift how much likelier it is there than in any such paragraph (the rank
`names.py` gives entities), times the lemma's weight as a word of many senses (phrasing.py).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from pipeline.stages.topics.choose import TOP_TERMS


class Held:
    """In how many of each topic's paragraphs each vocabulary lemma occurs, added up part by
    part (`count`), and each topic's terms from those counts (`top`)."""

    def __init__(self, topics: int, terms: int) -> None:
        self.counts = np.zeros((topics, terms), dtype=np.float64)
        self.sizes = np.zeros(topics, dtype=np.float64)

    def count(self, topic: np.ndarray, present: sparse.csr_matrix) -> None:
        """Add the rows of `present` (paragraphs by vocabulary lemmas) whose `topic` is >= 0."""
        rows = np.flatnonzero(topic >= 0)
        member = sparse.csr_matrix(
            (np.ones(len(rows)), (topic[rows], np.arange(len(rows)))),
            shape=(len(self.sizes), len(rows)),
        )
        self.counts += (member @ (present[rows] > 0).astype(np.float64)).toarray()
        self.sizes += np.bincount(topic[rows], minlength=len(self.sizes))

    def top(self, weights: np.ndarray, n: int = TOP_TERMS) -> np.ndarray:
        """Each topic's `n` lemmas (column indices) by n·ln(lift) times their `weights`,
        strongest first (ties by index, so runs agree)."""
        overall = self.counts.sum(axis=0) / max(self.sizes.sum(), 1.0)
        share = self.counts / np.maximum(self.sizes, 1.0)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            lift = np.where(self.counts > 0, share / overall, 1.0)
        score = self.counts * np.log(np.maximum(lift, 1.0)) * weights
        return np.argsort(-score, axis=1, kind="stable")[:, :n]
