"""Paragraphs that do not shape the topics: boilerplate repeated verbatim across articles, and
paragraphs with too few content words."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from pipeline.runtime.sql import query

#: A paragraph found verbatim in this many articles is boilerplate ('Также по теме', credits):
#: it does not shape the topics and takes its article's main topic.
BOILERPLATE_ARTICLES = 3
#: Paragraphs with fewer content words than this do not shape the topics (they are assigned).
FIT_MIN_WORDS = 3


_DIGESTS = pa.schema([("digest", pa.uint64())])


def text_digests(texts: pa.ChunkedArray) -> np.ndarray:
    """A 64-bit digest of each text, in order: equal texts, equal digests (DuckDB's hash,
    without a Python string per text)."""
    hashed = query(
        "SELECT hash(text) AS digest FROM paragraphs",
        _DIGESTS,
        threads=1,
        paragraphs=pa.table({"text": texts}),
    )
    return hashed["digest"].to_numpy()


def run_starts(values: np.ndarray) -> np.ndarray:
    """True where a sorted array's value differs from the one before it (and at the first)."""
    found = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=found[1:])
    return found


def _boilerplate(digests: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """True for paragraphs whose exact text appears in BOILERPLATE_ARTICLES or more articles
    (`articles`: each paragraph's, in order). One stable sort by text keeps each text's
    articles in order: a few bytes per paragraph, where unique pairs over a stacked copy
    took many times that."""
    order = np.argsort(digests, kind="stable")
    new_text = run_starts(digests[order])
    new_article = new_text | run_starts(articles[order])
    group = np.cumsum(new_text, dtype=np.int32) - 1  # the text's number, in sorted order
    spread = np.bincount(group, weights=new_article)  # distinct articles per text
    found = np.empty(len(order), dtype=bool)
    found[order] = spread[group] >= BOILERPLATE_ARTICLES
    return found


def _repeated(values: np.ndarray) -> np.ndarray:
    """The values that occur more than once, sorted."""
    ordered = np.sort(values)
    return np.unique(ordered[1:][ordered[1:] == ordered[:-1]])


def _members(values: np.ndarray, ordered: np.ndarray, step: int = 1 << 20) -> np.ndarray:
    """True where a value is one of the sorted `ordered`, `step` values at a time."""
    found = np.zeros(len(values), dtype=bool)
    if len(ordered):
        for start in range(0, len(values), step):
            part = values[start : start + step]
            at = np.minimum(np.searchsorted(ordered, part), len(ordered) - 1)
            found[start : start + step] = ordered[at] == part
    return found


def shaping_rows(
    digests: np.ndarray, articles: np.ndarray, words: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(boilerplate, fitting): True for boilerplate paragraphs (`_boilerplate`), and the rows
    that shape the topics: not boilerplate, enough content words, each text once (its first
    such row). Only texts written more than once are sorted with their rows (a small share of the
    paragraphs): a sort of every row would cost memory per paragraph."""
    again = np.flatnonzero(_members(digests, _repeated(digests)))
    boilerplate = np.zeros(len(digests), dtype=bool)
    boilerplate[again] = _boilerplate(digests[again], articles[again])
    candidates = ~boilerplate & (words >= FIT_MIN_WORDS)
    twice = again[candidates[again]]  # candidates whose text is written again
    _texts, first = np.unique(digests[twice], return_index=True)
    candidates[twice] = False
    candidates[twice[first]] = True
    return boilerplate, np.flatnonzero(candidates)
