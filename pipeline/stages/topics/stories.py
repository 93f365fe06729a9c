"""Topics the article fit gives to one story, merged into the broad topic nearest them.

At K = 40 some topics are one story rather than a theme (a trial, a strike, a ballet's ticket
sales): the fit gives the story's few articles a topic of their own, and its terms then hold the
story's everyday words ("женщина", "билет", "рейс"), which bring in any paragraph of another
story that has no stronger topic. A topic is a story when the fit's weight on it sits in few
articles: its **spread** (the effective number of fitted articles carrying it, exp of the
entropy of its weight over them) is below `STORY_SPREAD` times the median spread of the
topics. Each such topic is merged into the topic that shares most of its articles with it
(the cosine of the two topics' weights over the fitted articles), among the topics that are
not stories: its paragraphs' weight on it counts for that topic, whose terms and label stay.
"""

from __future__ import annotations

import numpy as np

#: A topic whose spread over the fitted articles is below this share of the median topic's is
#: one story.
STORY_SPREAD = 0.5


def spread(article_weights: np.ndarray) -> np.ndarray:
    """Per topic (column), the effective number of articles (rows) carrying its weight: exp of
    the entropy of the column as shares; 0 for a topic without weight."""
    total = article_weights.sum(axis=0)
    shares = np.divide(article_weights, total, out=np.zeros_like(article_weights), where=total > 0)
    logs = np.log(shares, out=np.zeros_like(shares), where=shares > 0)
    return np.where(total > 0, np.exp(-(shares * logs).sum(axis=0)), 0.0)


def story_topics(article_weights: np.ndarray) -> np.ndarray:
    """The topics (sorted indices) whose spread is below `STORY_SPREAD` times the median's;
    none when fewer than three topics (a story needs broad topics to merge into)."""
    found = spread(article_weights)
    if len(found) < 3:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(found < STORY_SPREAD * np.median(found))


def merge_targets(article_weights: np.ndarray, stories: np.ndarray) -> np.ndarray:
    """Each topic's topic after the merge: itself, or for a story the topic not a story whose
    weights over the fitted articles are nearest its own (cosine; ties: the lower index)."""
    targets = np.arange(article_weights.shape[1])
    broad = np.setdiff1d(targets, stories)
    if len(stories) == 0 or len(broad) == 0:
        return targets
    norms = np.linalg.norm(article_weights, axis=0)
    unit = np.divide(article_weights, norms, out=np.zeros_like(article_weights), where=norms > 0)
    near = unit[:, stories].T @ unit[:, broad]
    targets[stories] = broad[np.argmax(near, axis=1)]
    return targets


def merging(targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The topics kept (sorted) and the matrix (topics × kept) that sums each topic's weights
    into its target's column: weights @ matrix are the merged weights."""
    kept = np.unique(targets)
    matrix = np.zeros((len(targets), len(kept)), dtype=np.float32)
    matrix[np.arange(len(targets)), np.searchsorted(kept, targets)] = 1.0
    return kept, matrix
