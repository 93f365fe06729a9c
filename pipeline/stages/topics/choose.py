"""The number of topics: candidates K fitted on a sample of whole articles, scored by their
reach (how many of a topic's paragraphs contain one of its terms); the smallest K whose reach
is close to the best is chosen. Fits kept in a memo between builds."""

from __future__ import annotations

import hashlib
import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from pipeline.runtime.engine import SERIAL, Engine
from pipeline.runtime.memo import Memo

SEED = 0
#: Candidate numbers of topics tried: each costs one fit.
CANDIDATES = 5
#: Terms per topic kept in `topics.terms`, scored for coherence and reach.
TOP_TERMS = 10
#: The smallest K whose reach is at most this far below the best candidate's is chosen: past
#: it more topics split themes into single stories without reading better. Set on the fits'
#: own reach (which rises more steeply than the final models') against judged sheets
#: (docs/topics.md, step 4).
REACH_TOLERANCE = 0.02
#: A topic with fewer of the sample's paragraphs has no reach of its own (too few to share).
REACH_MIN_PARAGRAPHS = 20
#: A selection sample worth fitting in worker processes (starting them takes time).
PARALLEL_ROWS = 3_000
NMF_ITER = 300
NMF_TOL = 1e-3
#: Rounds of the fits that score a candidate K: their top terms settle well before NMF_ITER.
CANDIDATE_ITER = 100
#: A lemma in more than max(MAX_DF, MAX_DF_SCALE / sqrt(n)) of the n fitting paragraphs is too
#: common to tell topics apart ('страна', and 'нато' in a corpus about NATO); at most 0.5.
MAX_DF, MAX_DF_SCALE = 0.05, 5.0


@dataclass(frozen=True)
class Candidate:
    """One candidate number of topics and why it was or was not chosen."""

    k: int
    coherence: float  # mean NPMI of the topics' top terms over all paragraphs
    reach: float  # mean share of a topic's sample paragraphs containing one of its top terms


def candidate_ks(n_docs: int) -> list[int]:
    """Numbers of topics worth trying for `n_docs` fitting paragraphs: from about n^(1/3)
    (3 to 20, so a large corpus is not summed up in a handful of topics) up to about sqrt(n)
    (at most 50), `CANDIDATES` or fewer spaced geometrically."""
    low = int(np.clip(round(n_docs ** (1 / 3)), 3, 20))
    high = int(np.clip(round(math.sqrt(n_docs)), low, 50))
    return sorted(
        {int(round(k)) for k in np.geomspace(low, high, num=min(CANDIDATES, high - low + 1))}
    )


def fit_nmf(x: sparse.csr_matrix, k: int, rounds: int = NMF_ITER) -> NMF:
    """NMF fit, deterministic (nndsvda start, fixed seed, one BLAS thread). A fit still moving
    after `rounds` rounds is used as it is: its top terms have long settled by then."""
    model = NMF(k, init="nndsvda", max_iter=rounds, tol=NMF_TOL, random_state=SEED)
    with warnings.catch_warnings(), threadpool_limits(1):
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x)
    return model


def top_terms(components: np.ndarray, n: int = TOP_TERMS) -> np.ndarray:
    """Term indices of each topic, strongest first (ties by index, so runs agree)."""
    return np.argsort(-components, axis=1, kind="stable")[:, :n]


def npmi(together: np.ndarray, n: int) -> float:
    """Mean normalised PMI of a topic's term pairs, from `together`: in how many of the `n`
    paragraphs each pair of its terms occurs (each term alone on the diagonal)."""
    together = together / n
    alone = np.diag(together)
    pairs = []
    for i in range(len(together)):
        for j in range(i + 1, len(together)):
            p = together[i, j]
            pairs.append(-1.0 if p == 0 else math.log(p / (alone[i] * alone[j])) / -math.log(p))
    return float(np.mean(pairs)) if pairs else 0.0


class Cooccurrence:
    """In how many paragraphs each pair of some lemma `terms` occurs, added up chunk by chunk
    (`add` each chunk's counts), for the coherence (`npmi`) of topics over those terms."""

    def __init__(self, terms: np.ndarray) -> None:
        self.terms = np.unique(terms)
        self.counts = np.zeros((len(self.terms), len(self.terms)), dtype=np.float32)
        self.n = 0

    def add(self, counts: sparse.csr_matrix) -> None:
        sub = (counts[:, self.terms] > 0).astype(np.float32)
        self.counts += (sub.T @ sub).toarray()
        self.n += counts.shape[0]

    def coherence(self, top: np.ndarray) -> np.ndarray:
        """The npmi of each topic (row of `top`: its terms)."""
        at = np.searchsorted(self.terms, top)
        return np.array([npmi(self.counts[np.ix_(row, row)], self.n) for row in at])


def reach(paragraphs: sparse.csr_matrix, topic: np.ndarray, top: np.ndarray) -> float:
    """Mean over topics (with `REACH_MIN_PARAGRAPHS` or more) of the share of their paragraphs
    (rows of `paragraphs`, `topic` each one's topic, -1 for none) with one of their `top`
    terms (columns)."""
    shares = []
    for t, terms in enumerate(top):
        rows = np.flatnonzero(topic == t)
        if len(rows) >= REACH_MIN_PARAGRAPHS:
            shares.append(float((paragraphs[rows][:, terms].getnnz(axis=1) > 0).mean()))
    return float(np.mean(shares)) if shares else 0.0


def _fit_reach(task: tuple[sparse.csr_matrix, sparse.csr_matrix, int]) -> tuple[list, float]:
    """Top terms and reach of a K-topic fit on the documents `x`, read over the paragraphs
    `p` (rows weighted as `x`'s): each paragraph takes its strongest topic."""
    x, p, k = task
    model = fit_nmf(x, k, CANDIDATE_ITER)
    top = top_terms(model.components_)
    with threadpool_limits(1):
        weights = model.transform(p)
    topic = np.where(weights.sum(axis=1) > 0, weights.argmax(axis=1), -1)
    return top.tolist(), round(reach(p, topic, top), 4)


def document_frequency(x: sparse.csr_matrix) -> np.ndarray:
    """Rows with a value in each column."""
    return np.bincount(x.indices, minlength=x.shape[1])


def frequent_columns(x: sparse.csr_matrix, min_df: int) -> np.ndarray:
    """Columns with a value in at least `min_df` rows: fits on a sample skip the rest."""
    return np.flatnonzero(document_frequency(x) >= min_df)


def choose_k(
    counts: sparse.csr_matrix,
    paragraphs: sparse.csr_matrix,
    ks: list[int],
    cooccurrence: Callable[[np.ndarray], Cooccurrence],
    *,
    weights: np.ndarray | None = None,
    engine: Engine = SERIAL,
    progress: bool = False,
    memo: Memo | None = None,
) -> list[Candidate]:
    """Score each K on `counts`, a sample of documents (rows) by lemma (columns) taken as a
    corpus of its own: its own vocabulary and TF-IDF weights, so the scores depend on the
    sampled documents alone. A fit on the sample is read over the sample's `paragraphs` (same
    columns) for its reach; its coherence is counted over every paragraph
    (`cooccurrence(terms)`). `memo` keeps each fit's top terms and reach between builds under
    a digest of the sample. `weights` (by column) scale the TF-IDF weights, as the final
    model's are."""
    n = counts.shape[0]
    columns = np.intersect1d(
        vocabulary_columns(document_frequency(counts), n),
        frequent_columns(counts, 3 if n > 1000 else 1),
    )
    tfidf = TfidfTransformer(sublinear_tf=True).fit(counts[:, columns])
    x, p = (_weighted(tfidf, m[:, columns], weights, columns) for m in (counts, paragraphs))
    key = _fits_key(x, p)
    stored: dict[str, list] = (memo.get(key) if memo else None) or {}
    todo = [k for k in ks if str(k) not in stored]
    bar = {
        "desc": "topics: choosing K",
        "unit": " fits",
        "total": len(todo),
        "disable": not progress,
    }
    tasks = [(x, p, k) for k in todo]
    if engine.parallel and n >= PARALLEL_ROWS and tasks:
        with engine.pool() as pool:
            fits = list(tqdm(pool.map(_fit_reach, tasks), **bar))
    else:
        fits = list(tqdm(map(_fit_reach, tasks), **bar))
    stored.update({str(k): list(fit) for k, fit in zip(todo, fits, strict=True)})
    if memo and todo:
        memo.put(key, stored)
    tops = {k: np.array(stored[str(k)][0]) for k in ks}
    together = cooccurrence(np.concatenate([columns[top].ravel() for top in tops.values()]))
    return [
        Candidate(
            k, round(float(together.coherence(columns[tops[k]]).mean()), 4), stored[str(k)][1]
        )
        for k in ks
    ]


def chosen_k(candidates: list[Candidate]) -> int:
    """The smallest candidate K whose reach is within `REACH_TOLERANCE` of the best."""
    best = max(c.reach for c in candidates)
    return min(c.k for c in candidates if c.reach >= best - REACH_TOLERANCE)


def _weighted(
    tfidf: TfidfTransformer,
    counts: sparse.csr_matrix,
    weights: np.ndarray | None,
    columns: np.ndarray,
) -> sparse.csr_matrix:
    """TF-IDF rows of `counts`, their columns scaled by `weights` and rows normalised."""
    x = tfidf.transform(counts).astype(np.float32)
    if weights is not None:
        x = normalize(x @ sparse.diags(weights[columns].astype(np.float32))).astype(np.float32)
    return x


def _fits_key(x: sparse.csr_matrix, p: sparse.csr_matrix) -> str:
    """A digest of a selection sample (documents `x`, paragraphs `p`) and of the settings of
    its fits."""
    digest = hashlib.sha256(
        repr(
            (x.shape, p.shape, CANDIDATE_ITER, NMF_TOL, SEED, TOP_TERMS, REACH_MIN_PARAGRAPHS)
        ).encode()
    )
    for array in (x.indptr, x.indices, x.data, p.indptr, p.indices, p.data):
        digest.update(np.ascontiguousarray(array).tobytes())
    return "choose-k-reach-" + digest.hexdigest()[:32]


def whole_articles(rows: np.ndarray, articles: np.ndarray, limit: int) -> np.ndarray:
    """Up to `limit` of `rows` (at least one article's), whole articles taken in the order of
    their ids. Ids are content hashes: a random order that a new article does not reshuffle,
    so the sample changes only when an article enters it."""
    if len(rows) <= limit:
        return rows
    order = np.argsort(articles[rows], kind="stable")
    ids = articles[rows][order]
    ends = np.append(np.flatnonzero(ids[1:] != ids[:-1]) + 1, len(ids))
    cut = ends[ends <= limit][-1] if ends[0] <= limit else ends[0]
    return np.sort(rows[order[:cut]])


def sample(rows: np.ndarray, limit: int) -> np.ndarray:
    if len(rows) <= limit:
        return rows
    return np.sort(np.random.default_rng(SEED).choice(rows, limit, replace=False))


def vocabulary_columns(df: np.ndarray, n: int) -> np.ndarray:
    """Lemma columns that can tell topics apart, from their document frequencies `df` over
    the `n` fitting paragraphs: in 2+ of them (1+ in tiny corpora) and in no more than the
    MAX_DF share."""
    max_df = min(0.5, max(MAX_DF, MAX_DF_SCALE / math.sqrt(n)))
    return np.flatnonzero((df >= (2 if n > 20 else 1)) & (df <= max_df * n))
