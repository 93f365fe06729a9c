"""Stage: paragraphs (and person mentions) -> topics, each paragraph's topic, each article's mix.

Method (docs/topics.md): content lemmas per paragraph, TF-IDF, NMF. The number of topics K is
the candidate with the best mean NPMI coherence times stability across resampled fits; `k`
overrides it. A paragraph takes the topic with the largest share of its NMF weights; one without
weights of its own (no content word in the vocabulary) or that is boilerplate takes its
article's main topic, so only paragraphs of articles without any content stay unassigned.
"""

from __future__ import annotations

import hashlib
import math
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from pipeline.cache import Memo
from pipeline.engine import SERIAL, Engine
from pipeline.lemmas import find_lemmas
from pipeline.schema import ARTICLE_TOPICS, PARAGRAPHS, TOPICS

SEED = 0
#: Terms per topic kept in `topics.terms` and scored for coherence.
TOP_TERMS = 10
#: Lemmas in a label: at least 3, up to 5 to tell two topics apart.
LABEL_TERMS = (3, 5)
#: A paragraph found verbatim in this many articles is boilerplate ('Также по теме', credits):
#: it does not shape the topics and takes its article's main topic.
BOILERPLATE_ARTICLES = 3
#: Paragraphs with fewer content words than this do not shape the topics (they are assigned).
FIT_MIN_WORDS = 3
#: A lemma in more than max(MAX_DF, MAX_DF_SCALE / sqrt(n)) of the n fitting paragraphs is too
#: common to tell topics apart ('страна', and 'нато' in a corpus about NATO); at most 0.5.
MAX_DF, MAX_DF_SCALE = 0.05, 5.0
#: At most this many paragraphs fit the final model, and each candidate K in the selection.
FIT_MAX = 60_000
SELECT_MAX = 10_000
#: Resampled fits per candidate K for stability, each on this share of the selection sample.
RESAMPLES = 2
RESAMPLE_SHARE = 0.8
#: A selection sample worth fitting in worker processes (starting them costs about a second).
PARALLEL_ROWS = 3_000
#: Article topic weights below this are dropped (the rest renormalised to sum to 1).
MIN_ARTICLE_WEIGHT = 0.05
#: A lemma is an entity name when this share of its uses fall in ORG or LOC mentions.
ENTITY_SHARE = 0.5
NMF_ITER = 300
NMF_TOL = 1e-3


@dataclass(frozen=True)
class Candidate:
    """One candidate number of topics and why it was or was not chosen."""

    k: int
    coherence: float  # mean NPMI of the topics' top terms over all paragraphs
    stability: float  # mean Jaccard of matched top terms between resampled fits
    score: float  # coherence * stability


@dataclass
class Topics:
    paragraphs: pa.Table  # the input with `topic_id` and `topic_score`
    topics: pa.Table
    article_topics: pa.Table
    model: dict  # for the manifest: K, how it was chosen, vocabulary size, unassigned share


def candidate_ks(n_docs: int) -> list[int]:
    """Numbers of topics worth trying for `n_docs` fitting paragraphs: from about n^(1/3)
    (3 to 20, so a large corpus is not summed up in a handful of topics) up to about sqrt(n)
    (at most 50), seven or fewer spaced geometrically."""
    low = int(np.clip(round(n_docs ** (1 / 3)), 3, 20))
    high = int(np.clip(round(math.sqrt(n_docs)), low, 50))
    return sorted({int(round(k)) for k in np.geomspace(low, high, num=min(7, high - low + 1))})


def _nmf(x: sparse.csr_matrix, k: int) -> NMF:
    """NMF fit, deterministic (nndsvda start, fixed seed, one BLAS thread). A fit still moving
    after NMF_ITER rounds is used as it is: its top terms have long settled by then."""
    model = NMF(k, init="nndsvda", max_iter=NMF_ITER, tol=NMF_TOL, random_state=SEED)
    with warnings.catch_warnings(), threadpool_limits(1):
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x)
    return model


def _top(components: np.ndarray, n: int = TOP_TERMS) -> np.ndarray:
    """Term indices of each topic, strongest first (ties by index, so runs agree)."""
    return np.argsort(-components, axis=1, kind="stable")[:, :n]


def npmi(binary: sparse.csc_matrix, top: np.ndarray) -> np.ndarray:
    """Mean normalised PMI of each topic's term pairs, from co-occurrence in paragraphs."""
    n = binary.shape[0]
    scores = []
    for terms in top:
        sub = binary[:, terms]
        together = (sub.T @ sub).toarray() / n
        alone = np.diag(together)
        pairs = []
        for i in range(len(terms)):
            for j in range(i + 1, len(terms)):
                p = together[i, j]
                pairs.append(-1.0 if p == 0 else math.log(p / (alone[i] * alone[j])) / -math.log(p))
        scores.append(float(np.mean(pairs)) if pairs else 0.0)
    return np.array(scores)


def _agreement(a: np.ndarray, b: np.ndarray) -> float:
    """Mean Jaccard of top-term sets after matching the topics of two fits one to one."""
    jaccard = np.array([[len(set(x) & set(y)) / len(set(x) | set(y)) for y in b] for x in a])
    rows, cols = linear_sum_assignment(-jaccard)
    return float(jaccard[rows, cols].mean())


def _fit_top(task: tuple[sparse.csr_matrix, int]) -> np.ndarray:
    """Top terms of a K-topic fit on `x`."""
    x, k = task
    return _top(_nmf(x, k).components_)


def _document_frequency(x: sparse.csr_matrix) -> np.ndarray:
    """Rows with a value in each column."""
    return np.bincount(x.indices, minlength=x.shape[1])


def _frequent_columns(x: sparse.csr_matrix, min_df: int) -> np.ndarray:
    """Columns with a value in at least `min_df` rows: fits on a sample skip the rest."""
    return np.flatnonzero(_document_frequency(x) >= min_df)


def choose_k(
    counts: sparse.csr_matrix,
    binary: sparse.csc_matrix,
    ks: list[int],
    *,
    engine: Engine = SERIAL,
    progress: bool = False,
    memo: Memo | None = None,
) -> list[Candidate]:
    """Score each K on `counts`, a sample of paragraphs (rows) by lemma (columns) taken as a
    corpus of its own: its own vocabulary and TF-IDF weights, so the scores depend on the
    sampled paragraphs alone. Coherence (over `binary`, every paragraph, same columns) of a fit
    on the sample, times the stability of its top terms when refitted on resamples. `memo`
    keeps the fits' top terms between builds under a digest of the sample."""
    n = counts.shape[0]
    columns = np.intersect1d(_vocabulary(counts, np.arange(n)),
                             _frequent_columns(counts, 3 if n > 1000 else 1))  # fmt: skip
    x = TfidfTransformer(sublinear_tf=True).fit_transform(counts[:, columns]).astype(np.float32)
    rng = np.random.default_rng(SEED)
    resamples = [
        np.sort(rng.choice(n, int(n * RESAMPLE_SHARE), replace=False)) for _ in range(RESAMPLES)
    ]
    key = _fits_key(x)
    stored: dict[str, list] = (memo.get(key) if memo else None) or {}
    # One task per fit (K on the sample, K on each resample): the workers stay evenly busy.
    todo = [k for k in ks if str(k) not in stored]
    tasks = [(x[rows], k) for k in todo for rows in [slice(None), *resamples]]
    bar = {"desc": "topics: choosing K", "unit": " fits", "total": len(tasks),
           "disable": not progress}  # fmt: skip
    if engine.parallel and n >= PARALLEL_ROWS and tasks:
        with engine.pool() as pool:
            tops = list(tqdm(pool.map(_fit_top, tasks), **bar))
    else:
        tops = list(tqdm(map(_fit_top, tasks), **bar))
    per_k = len(resamples) + 1
    for k, fits in zip(todo, zip(*[iter(tops)] * per_k, strict=True), strict=True):
        stored[str(k)] = [top.tolist() for top in fits]
    if memo and todo:
        memo.put(key, stored)
    found = []
    for k in ks:
        top, *refits = (np.array(fit) for fit in stored[str(k)])
        coherence = float(npmi(binary, columns[top]).mean())
        stability = float(np.mean([_agreement(top, other) for other in refits]))
        found.append(Candidate(k, round(coherence, 4), round(stability, 4),
                               round(coherence * stability, 4)))  # fmt: skip
    return found


def _fits_key(x: sparse.csr_matrix) -> str:
    """A digest of a selection sample and of the settings of its fits."""
    digest = hashlib.sha256(repr((x.shape, NMF_ITER, NMF_TOL, SEED, RESAMPLES, RESAMPLE_SHARE,
                                  TOP_TERMS)).encode())  # fmt: skip
    for array in (x.indptr, x.indices, x.data):
        digest.update(np.ascontiguousarray(array).tobytes())
    return "choose-k-" + digest.hexdigest()[:32]


def _whole_articles(rows: np.ndarray, articles: np.ndarray, limit: int) -> np.ndarray:
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


def _sample(rows: np.ndarray, limit: int) -> np.ndarray:
    if len(rows) <= limit:
        return rows
    return np.sort(np.random.default_rng(SEED).choice(rows, limit, replace=False))


@dataclass
class Tokens:
    """The content words of every paragraph, flat: each one's paragraph row, its lemma (a code
    into `lemmas`, sorted), whether it lies in a person's name, in the name of a place or
    organisation, and whether it is a proper name itself; and a digest of each paragraph's
    text (equal texts, equal digests)."""

    row: np.ndarray
    code: np.ndarray
    lemmas: list[str]
    person: np.ndarray
    named: np.ndarray
    proper: np.ndarray
    digest: np.ndarray


def tokenise(parts: Iterable[tuple[pa.Table, pa.Table, pa.Table | None]]) -> Tokens:
    """The content words of paragraphs, given in parts of whole articles: (paragraphs with
    their `text`, their articles' `mentions` (raw or linked: `article_id`, `start`, `stop`,
    `type`), their `lemmas` (lemmas.find_lemmas, one row per paragraph in the same order; found
    here when None)). Words inside the mentions' spans are marked. What the topic stage reads:
    each part can go once it is tokenised."""
    rows: list[np.ndarray] = []
    codes: list[np.ndarray] = []  # each into its own dictionary, until the vocabulary is known
    dictionaries: list[pa.Array] = []
    marks: dict[str, list[np.ndarray]] = {"person": [], "named": [], "proper": []}
    digests: list[np.ndarray] = []
    offset = 0  # paragraphs of the parts before
    for paragraphs, mentions, lemmas in parts:
        digests.append(_text_digests(paragraphs["text"].chunks))
        if lemmas is None:
            lemmas = find_lemmas(paragraphs)
        if lemmas.num_rows != paragraphs.num_rows or pc.all(
            pc.and_(pc.equal(lemmas["article_id"], paragraphs["article_id"]),
                    pc.equal(lemmas["paragraph"], paragraphs["paragraph"]))
        ).as_py() is False:  # fmt: skip
            raise ValueError("the lemmas table does not follow the paragraphs table row for row")
        lengths = pc.list_value_length(lemmas["lemma"]).to_numpy(zero_copy_only=False)
        row = np.repeat(np.arange(lemmas.num_rows, dtype=np.int32), lengths)
        # Offsets become keys that order the part: article number << 32 | offset.
        ids = paragraphs["article_id"].combine_chunks().dictionary_encode()
        article_of = ids.indices.to_numpy(zero_copy_only=False)
        people, places = (
            _Spans(mentions, types, ids.dictionary) for types in (["PER"], ["ORG", "LOC"])
        )
        flat = {name: pc.list_flatten(lemmas[name]).combine_chunks()
                for name in ("lemma", "start", "stop", "proper")}  # fmt: skip
        article = article_of[row].astype(np.int64) << 32
        start = article | flat["start"].to_numpy().astype(np.int64)
        stop = article | flat["stop"].to_numpy().astype(np.int64)
        marks["person"].append(people.overlap(start, stop))
        marks["named"].append(places.overlap(start, stop))
        marks["proper"].append(flat["proper"].to_numpy(zero_copy_only=False))
        words = pc.dictionary_encode(flat["lemma"])
        codes.append(words.indices.to_numpy())
        dictionaries.append(words.dictionary)
        rows.append(row + offset)
        offset += paragraphs.num_rows
    distinct = pc.unique(pa.chunked_array(dictionaries, type=pa.string()))
    vocabulary = distinct.take(pc.sort_indices(distinct))
    code = np.concatenate(
        [pc.index_in(d, value_set=vocabulary).to_numpy()[c] for d, c in zip(dictionaries, codes,
                                                                            strict=True)]
        or [np.empty(0, dtype=np.int32)]
    ).astype(np.int32)  # fmt: skip

    def joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
        return np.concatenate(arrays).astype(dtype) if arrays else np.empty(0, dtype=dtype)

    return Tokens(joined(rows, np.int32), code, vocabulary.to_pylist(),
                  *(joined(marks[m], bool) for m in ("person", "named", "proper")),
                  joined(digests, np.uint64))  # fmt: skip


class _Spans:
    """The spans of the `mentions` of some `types`, as offset keys (`ids`: the article ids in
    the order that numbers them in the keys), to tell which tokens they overlap."""

    def __init__(self, mentions: pa.Table, types: list[str], ids: pa.Array) -> None:
        chosen = mentions.filter(pc.is_in(mentions["type"], pa.array(types)))
        article = pc.index_in(chosen["article_id"], value_set=ids).to_numpy(zero_copy_only=False)
        article = article.astype(np.int64) << 32
        begin = article | chosen["start"].to_numpy().astype(np.int64)
        order = np.argsort(begin, kind="stable")
        self.begin = begin[order]
        stop = article | chosen["stop"].to_numpy().astype(np.int64)
        self.reach = np.maximum.accumulate(stop[order]) if len(order) else stop

    def overlap(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """True for the tokens (offset keys `start`, `stop`) that overlap one of the spans."""
        if len(self.begin) == 0:
            return np.zeros(len(start), dtype=bool)
        before = np.searchsorted(self.begin, stop, side="left") - 1
        return (before >= 0) & (self.reach[np.maximum(before, 0)] > start)


def _counts(tokens: Tokens, paragraphs: int) -> sparse.csr_matrix:
    """How often each lemma occurs outside person names in each paragraph."""
    kept = ~tokens.person
    matrix = sparse.csr_matrix(
        (np.ones(int(kept.sum()), dtype=np.float32), (tokens.row[kept], tokens.code[kept])),
        shape=(paragraphs, len(tokens.lemmas)),
    )
    matrix.sum_duplicates()
    return matrix


def _entity_lemmas(tokens: Tokens, counts: sparse.csr_matrix, vocabulary: np.ndarray) -> set[str]:
    """Lemmas of the `vocabulary` (columns of `counts`) used mostly inside names of places and
    organisations, and those a dictionary or capitals mark as proper names."""
    inside = np.bincount(tokens.code[tokens.named], minlength=len(tokens.lemmas))[vocabulary]
    total = np.asarray(counts.sum(axis=0)).ravel()
    proper = np.unique(tokens.code[tokens.proper])
    codes = set(vocabulary[inside >= ENTITY_SHARE * total].tolist()) | set(proper.tolist())
    return {tokens.lemmas[c] for c in codes}


def _labels(terms: list[list[str]], named: set[str]) -> list[str]:
    """3-5 lemmas per topic. A place or organisation name leads a label only when it is the
    topic's strongest term; near-repeats ('военный', 'военно-морской') are skipped; labels
    grow until they differ from every earlier one."""
    labels: list[str] = []
    for words in terms:
        picked: list[str] = []
        for i, word in enumerate(words):
            if (word in named and i > 0) or any(word[:5] == p[:5] for p in picked):
                continue
            picked.append(word)
        low, high = LABEL_TERMS
        size = low
        while size < high and " · ".join(picked[:size]) in labels:
            size += 1
        labels.append(" · ".join(picked[:size]))
    return labels


def _text_digests(texts: Iterable[pa.Array]) -> np.ndarray:
    """A 64-bit digest of each text (of arrays of them, in order): equal texts, equal digests."""
    found = [
        int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())
        for array in texts
        for batch in (array.slice(i, 10_000) for i in range(0, len(array), 10_000))
        for text in batch.to_pylist()
    ]
    return np.array(found, dtype=np.uint64)


def _boilerplate(digests: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """True for paragraphs whose exact text appears in BOILERPLATE_ARTICLES or more articles."""
    pairs = np.unique(np.stack([digests, articles.astype(np.uint64)], axis=1), axis=0)
    texts, spread = np.unique(pairs[:, 0], return_counts=True)
    return np.isin(digests, texts[spread >= BOILERPLATE_ARTICLES])


def _fitting_rows(digests: np.ndarray, words: np.ndarray, boilerplate: np.ndarray) -> np.ndarray:
    """Rows that shape the topics: not boilerplate, enough content words, each text once (its
    first such row)."""
    candidates = np.flatnonzero(~boilerplate & (words >= FIT_MIN_WORDS))
    _texts, first = np.unique(digests[candidates], return_index=True)
    return np.sort(candidates[first]).astype(np.int64)


def _vocabulary(counts: sparse.csr_matrix, fitting: np.ndarray) -> np.ndarray:
    """Lemma columns that can tell topics apart: in 2+ fitting paragraphs (1+ in tiny
    corpora) and in no more than the MAX_DF share of them."""
    n = len(fitting)
    df = _document_frequency(counts[fitting])
    max_df = min(0.5, max(MAX_DF, MAX_DF_SCALE / math.sqrt(n)))
    return np.flatnonzero((df >= (2 if n > 20 else 1)) & (df <= max_df * n))


def _assign(x: sparse.csr_matrix, weights: np.ndarray, components: np.ndarray) -> tuple:
    """Each row's topic (argmax of its weights; -1 without any) and that topic's share.

    A row with vocabulary words but all-zero NMF weights (its words are minor in every topic)
    takes the topic its words load on most."""
    weights = weights.copy()
    empty = weights.sum(axis=1) == 0
    fallback = np.flatnonzero(empty & (np.diff(x.indptr) > 0))
    if len(fallback):
        weights[fallback] = np.asarray(x[fallback] @ components.T)
    total = weights.sum(axis=1)
    topic = np.where(total > 0, weights.argmax(axis=1), -1)
    share = np.divide(weights.max(axis=1), total, out=np.zeros_like(total), where=total > 0)
    return topic, share, weights


def _inherit(own: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Each row's article's main topic: the most common among its rows with a topic of their
    own (ties: the lower topic number), -1 for articles without one."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for t, a in zip(own, articles, strict=True):
        if t >= 0:
            counts[a][int(t)] += 1
    main = {a: min(c, key=lambda t: (-c[t], t)) for a, c in counts.items()}
    return np.array([main.get(a, -1) for a in articles], dtype=np.int64)


def _representative(
    members: np.ndarray, shaping: np.ndarray, weight: np.ndarray, words: np.ndarray
) -> int:
    """The topic's row with the largest weight on it among those that shaped the model (or
    all its rows, when none did) at least as long in content words as their median: the
    heaviest rows alone are often two-word subheadings."""
    rows = members & shaping if (members & shaping).any() else members
    rows = rows & (words >= np.median(words[rows]))
    return int(np.where(rows, weight, -1.0).argmax())


def _article_topics(articles: np.ndarray, topic: np.ndarray, words: np.ndarray) -> pa.Table:
    """Each article's topics weighted by content words, small weights dropped, sums to 1."""
    mix: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for a, t, n in zip(articles, topic, words, strict=True):
        if t >= 0 and n > 0:
            mix[a][int(t)] += float(n)
    rows: dict[str, list] = {"article_id": [], "topic_id": [], "weight": []}
    for article in sorted(mix):
        total = sum(mix[article].values())
        kept = {t: w for t, w in mix[article].items() if w / total >= MIN_ARTICLE_WEIGHT}
        kept_total = sum(kept.values())
        for t in sorted(kept):
            rows["article_id"].append(article)
            rows["topic_id"].append(t)
            rows["weight"].append(round(kept[t] / kept_total, 4))
    return pa.Table.from_pydict(rows, schema=ARTICLE_TOPICS)


def _no_topics(paragraphs: pa.Table, fitting: int) -> Topics:
    """The result for a corpus without a single word to find topics in."""
    none = pa.nulls(paragraphs.num_rows)
    return Topics(
        paragraphs.append_column(PARAGRAPHS.field("topic_id"), none.cast(pa.int32()))
        .append_column(PARAGRAPHS.field("topic_score"), none.cast(pa.float32())),
        TOPICS.empty_table(),
        ARTICLE_TOPICS.empty_table(),
        {"k": 0, "chosen_by": "no content words", "candidates": [], "vocabulary": 0,
         "fitting_paragraphs": fitting, "boilerplate_paragraphs": 0, "own_topic_share": 0.0,
         "unassigned_share": 1.0, "mean_coherence": None},
    )  # fmt: skip


def build_topics(
    paragraphs: pa.Table,
    tokens: Tokens,
    *,
    k: int | None = None,
    engine: Engine = SERIAL,
    progress: bool = False,
    memo: Memo | None = None,
) -> Topics:
    """Topics of `paragraphs` from their content words (`tokenise`): person names left out,
    names of places and organisations kept out of labels unless they lead. `memo` keeps the
    fits that choose K between builds (`choose_k`)."""
    counts = _counts(tokens, paragraphs.num_rows)
    words = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
    articles = np.array(paragraphs["article_id"].to_pylist(), dtype=object)
    digests = tokens.digest
    article_codes = paragraphs["article_id"].combine_chunks().dictionary_encode().indices
    boilerplate = _boilerplate(digests, article_codes.to_numpy(zero_copy_only=False))
    fitting = _fitting_rows(digests, words, boilerplate)
    if len(fitting) == 0:  # a handful of short texts: let every paragraph with a word count
        fitting = np.flatnonzero(words > 0)
    vocabulary = _vocabulary(counts, fitting) if len(fitting) else np.array([], dtype=np.int64)
    if len(vocabulary) == 0:
        return _no_topics(paragraphs, len(fitting))
    binary = (counts > 0).astype(np.float32).tocsc()  # every lemma, for coherence

    most = min(len(fitting), len(vocabulary))
    ks = [min(k, most)] if k else [c for c in candidate_ks(len(fitting)) if c <= most] or [most]
    candidates = (
        choose_k(counts[_whole_articles(fitting, articles, SELECT_MAX)], binary, ks,
                 engine=engine, progress=progress, memo=memo)
        if len(ks) > 1 else []
    )  # fmt: skip
    chosen = max(candidates, key=lambda c: (c.score, -c.k)).k if candidates else ks[0]

    counts = counts[:, vocabulary]
    x = TfidfTransformer(sublinear_tf=True).fit(counts[fitting]).transform(counts)
    x = x.astype(np.float32)
    fit = x[_sample(fitting, FIT_MAX)]
    columns = _frequent_columns(fit, 2 if fit.shape[0] > 1000 else 1)
    model = _nmf(fit[:, columns], chosen)
    components = np.zeros((chosen, x.shape[1]), dtype=np.float32)
    components[:, columns] = model.components_
    with threadpool_limits(1):
        own, share, weights = _assign(x, model.transform(x[:, columns]), components)
    own[boilerplate] = -1
    inherited = _inherit(own, articles)
    topic = np.where(own >= 0, own, inherited)

    # Topic ids by size, largest first; a topic no paragraph took is dropped.
    sizes = np.bincount(topic[topic >= 0], minlength=chosen)
    order = [t for t in np.argsort(-sizes, kind="stable") if sizes[t] > 0]
    renumber = np.full(chosen + 1, -1)  # index -1 (unassigned) stays -1
    renumber[order] = np.arange(len(order))
    topic = renumber[topic]

    names = np.array(tokens.lemmas)[vocabulary]
    top = _top(components[order])
    terms = [[str(names[i]) for i in row] for row in top]
    labels = _labels(terms, _entity_lemmas(tokens, counts, vocabulary))
    coherence = npmi(binary, vocabulary[top])
    assigned = int((topic >= 0).sum())
    shaping = np.zeros(paragraphs.num_rows, dtype=bool)
    shaping[fitting] = True
    numbers = paragraphs["paragraph"].to_numpy()
    representative = [_representative(topic == new, shaping, weights[:, old], words)
                      for new, old in enumerate(order)]  # fmt: skip
    topics = pa.Table.from_pydict(
        {
            "topic_id": list(range(len(order))),
            "label": labels,
            "terms": terms,
            "size": [int(sizes[t]) for t in order],
            "share": [round(int(sizes[t]) / assigned, 4) for t in order],
            "coherence": [round(float(c), 4) for c in coherence],
            "representative_article_id": [str(articles[i]) for i in representative],
            "representative_paragraph": numbers[representative].tolist(),
        },
        schema=TOPICS,
    )
    scores = np.round(share, 4)
    paragraph_topics = paragraphs.append_column(
        PARAGRAPHS.field("topic_id"), pa.array(topic, mask=topic < 0, type=pa.int32())
    ).append_column(
        PARAGRAPHS.field("topic_score"), pa.array(scores, mask=own < 0, type=pa.float32())
    )
    info = {
        "k": len(order),
        "chosen_by": "--topics" if k else "coherence × stability",
        "candidates": [asdict(c) for c in candidates],
        "vocabulary": len(vocabulary),
        "fitting_paragraphs": len(fitting),
        "boilerplate_paragraphs": int(boilerplate.sum()),
        "own_topic_share": round(float((own >= 0).mean()), 4),
        "unassigned_share": round(1 - assigned / paragraphs.num_rows, 4),
        "mean_coherence": round(float(coherence.mean()), 4) if len(coherence) else None,
    }
    return Topics(paragraph_topics, topics, _article_topics(articles, topic, words), info)
