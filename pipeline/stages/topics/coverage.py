"""How far each topic's terms reach into the paragraphs it holds, for its label.

A topic's terms are ranked by their NMF weight, and the strongest can be the narrowest: a
topic of death sentences and prisons led by the one trial that anchors it ("пакистан ·
христианка · богохульство"), one of every race led by motor racing ("гонка · пилот ·
трасса"). The label is read as what the topic holds, so its terms are chosen by how many of
the topic's paragraphs they name together (greedy set cover over the topic's terms), not by
weight alone.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from scipy import sparse


class TermCoverage:
    """Per topic, how many of its paragraphs hold each combination of its terms (a bit per
    term, in the order of the topic's `terms`), counted part by part."""

    def __init__(self, terms: np.ndarray) -> None:
        self.terms = terms  # topics x terms: lemma codes (columns of the counts)
        self.found: list[Counter] = [Counter() for _ in range(len(terms))]
        self._bits = 1 << np.arange(terms.shape[1], dtype=np.int64)

    def count(self, counts: sparse.csr_matrix, topic: np.ndarray) -> None:
        """Add a part's paragraphs (`counts`, a row each) with their own `topic` (-1: none)."""
        for t in np.unique(topic[topic >= 0]):
            held = counts[np.flatnonzero(topic == t)][:, self.terms[t]]
            masks = (held > 0).astype(np.int64) @ self._bits
            self.found[t].update(dict(zip(*np.unique(masks, return_counts=True), strict=True)))

    def order(self, topic: int, eligible: list[int]) -> list[int]:
        """The `eligible` term positions of a topic, greedily: each next the one that names
        most of the paragraphs no term before it names (ties: the stronger term first)."""
        left = dict(self.found[topic])
        picked: list[int] = []
        rest = list(eligible)
        while rest:
            gains = [sum(n for m, n in left.items() if m >> i & 1) for i in rest]
            best = rest[int(np.argmax(gains))]  # argmax takes the first: the stronger term
            picked.append(best)
            rest.remove(best)
            left = {m: n for m, n in left.items() if not m >> best & 1}
        return picked
