"""The phrasing of news, left out of the topics' vocabulary: how a text reports ('заявить',
'мнение', 'представитель', 'вопрос'), not what it is about.

Two sources. The verbs and nouns of saying and thinking of the speech cue lexicon
(`pipeline/nlp/data/speech_cues.tsv`, derived from Wiktionary) and the reporting frames of
`data/phrasing.txt` ('официальный представитель', 'глава ведомства', 'по мнению эксперта'); and
the corpus itself: a frequent word whose paragraphs, read without it, are about anything. A
first NMF fit on the selection sample gives each paragraph its topic weights; a word's context is
the mean topic mix of its paragraphs transformed with the word taken out, and a word whose
context is spread evenly over the topics (normalised entropy at least `SPREAD`) is phrasing.
A word that names a theme has paragraphs about that theme whatever it is ('матч': football;
'санкция': sanctions), even when it anchors a topic of its own, which a topic-word entropy would
miss ('эксперт' heads a topic of its own, yet its paragraphs are about everything).

Between the two, words of many senses ('мир': peace, the world and the World Cup; 'отношение',
'политика') have contexts spread over many topics but not all: they keep a part of their weight,
the less the more spread their context, so that one of them alone does not carry a paragraph
into a topic and does not anchor a topic of everything.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import sparse

from pipeline.nlp.cues import cue_nouns, cue_verbs
from pipeline.nlp.gazetteer import read_tsv
from pipeline.stages.topics.choose import document_frequency, fit_nmf

#: A word's context entropy (0: one topic, 1: all alike) from which it is phrasing.
SPREAD = 0.95
#: The context entropy up to which a frequent word keeps its full weight; above it the weight
#: falls linearly, to nothing at `SPREAD`: a word of many senses ('мир', 'отношение') says less
#: of what its paragraph is about than a word of one theme ('матч').
FULL = 0.85
#: Words read for phrasing: those in at least this share of the sample's paragraphs.
FREQUENT = 0.005
#: Paragraphs read per word: enough for a mean topic mix.
READ = 200
#: The least paragraphs for the corpus's own evidence to count.
LEAST_PARAGRAPHS = 2000


@cache
def documented() -> frozenset[str]:
    """The lexicon's verbs and nouns of speech and the reporting frames' words."""
    return cue_verbs() | cue_nouns() | frozenset(row[0] for row in read_tsv("phrasing.txt"))


def theme_weights(
    x: sparse.csr_matrix, documents: sparse.csr_matrix, lemmas: list[str], topics: int
) -> np.ndarray:
    """How much each column of `x` (TF-IDF rows of the selection sample's paragraphs over the
    vocabulary `lemmas`) tells of a theme: 0 for phrasing (documented, or in a sample of
    `LEAST_PARAGRAPHS` or more a frequent word whose context is spread evenly over a first
    fit's `topics` topics), 1 for a word of one theme or one too rare to read, and for a
    frequent word in between a weight falling with the spread of its context from `FULL` to
    `SPREAD`. The first fit is as fine as the model may be: a word's senses part only over
    topics as fine as the model's ('проект' of a pipeline, a forum, a budget, a school),
    while a coarser fit lumps them into one topic, where the word looks like a word of one
    theme and anchors a topic of its senses. It is fitted as the model is, on `documents`
    (the same sample's articles, or its paragraphs in a corpus fitted on paragraphs; same
    columns): a few hundred articles fit 50 topics in a fraction of the time ten thousand
    paragraphs take."""
    known = documented()
    weights = np.ones(x.shape[1])
    weights[[i for i, lemma in enumerate(lemmas) if lemma in known]] = 0.0
    if x.shape[0] < LEAST_PARAGRAPHS:
        return weights
    # As in the fits that choose K, a word in fewer than two of the documents is left out:
    # such words cost the fit time, not topics, and a word read for its context is in many.
    keep = np.flatnonzero((weights > 0) & (document_frequency(documents) >= 2))
    kept = x[:, keep].tocsr()
    model = fit_nmf(
        documents[:, keep].astype(x.dtype).tocsr(), min(topics, len(keep), documents.shape[0])
    )
    by_column = kept.tocsc()
    frequent = np.flatnonzero(np.diff(by_column.indptr) >= FREQUENT * x.shape[0])
    spread = _spread(kept, by_column, frequent, model)
    weights[keep[frequent]] = np.clip((SPREAD - spread) / max(SPREAD - FULL, 1e-9), 0.0, 1.0)
    return weights


def _spread(
    x: sparse.csr_matrix, by_column: sparse.csc_matrix, columns: np.ndarray, model
) -> np.ndarray:
    """For each of `columns`, the normalised entropy of the mean topic mix of the paragraphs
    of `x` with it (the first `READ` of them: the sample is in random order; `by_column` is `x`
    by columns, to find them), read without it; one transform for all of them."""
    blocks, owners = [], []
    for i, column in enumerate(columns):
        rows = by_column.indices[by_column.indptr[column] : by_column.indptr[column + 1]][:READ]
        block = x[rows]
        block.data[block.indices == column] = 0
        blocks.append(block)
        owners.append(np.full(len(rows), i))
    if not blocks:
        return np.zeros(0)
    weights = model.transform(sparse.vstack(blocks).tocsr())
    owner = np.concatenate(owners)
    total = weights.sum(axis=1)
    mixes = np.zeros((len(columns), weights.shape[1]))
    np.add.at(mixes, owner[total > 0], weights[total > 0] / total[total > 0, None])
    mixes /= np.maximum(mixes.sum(axis=1, keepdims=True), 1e-12)
    logs = np.log(np.where(mixes > 0, mixes, 1.0))
    return -(mixes * logs).sum(axis=1) / np.log(model.n_components)
