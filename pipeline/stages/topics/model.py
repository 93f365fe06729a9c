"""Stage: paragraphs (and person mentions) -> topics, each paragraph's topic, each article's mix.

Method (docs/topics.md): content lemmas per paragraph, TF-IDF, NMF. The number of topics K is
the smallest candidate whose reach (paragraphs containing one of their topic's terms) is close
to the best candidate's (`chosen_k`); `k` overrides it. A paragraph takes, among its
article's topics, the one with the largest share of its NMF weights read with its article's
(`_with_article`); one without weights of its own (no content word in the vocabulary) or that
is boilerplate takes its article's main topic, so only paragraphs of articles without any
content, and paragraphs that are page furniture as a whole (captions, credits, embeds), stay
unassigned. Within the budget of paragraphs without a score (`WITHOUT_SCORE_MAX`), those their
article carries into a topic their own words give least keep it without a score.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from threadpoolctl import threadpool_limits

from pipeline.runtime.engine import SERIAL, Engine
from pipeline.runtime.memo import Memo
from pipeline.runtime.spill import Spilled
from pipeline.schema import ARTICLE_TOPICS, PARAGRAPHS, TOPICS
from pipeline.stages.topics.boilerplate import run_starts, shaping_rows
from pipeline.stages.topics.choose import (
    Cooccurrence,
    candidate_ks,
    choose_k,
    chosen_k,
    document_frequency,
    fit_nmf,
    frequent_columns,
    sample,
    top_terms,
    vocabulary_columns,
    whole_articles,
)
from pipeline.stages.topics.coverage import TermCoverage
from pipeline.stages.topics.phrasing import theme_weights
from pipeline.stages.topics.tokens import count_matrix, tokenise

#: Lemmas in a label: at least 3, up to 4 to tell two topics apart.
LABEL_TERMS = (3, 4)
#: At most this many documents (articles, or paragraphs of a small corpus) fit the final
#: model; the documents of up to SELECT_MAX paragraphs (whole articles) score each candidate K.
FIT_MAX = 30_000
SELECT_MAX = 10_000
#: Topics are fitted on articles from this many articles with shaping paragraphs up (four
#: documents or more for each of the at most 50 topics tried); a smaller corpus is fitted on
#: its paragraphs.
ARTICLE_FIT_MIN = 200
#: Article topic weights below this are dropped (the rest renormalised to sum to 1).
MIN_ARTICLE_WEIGHT = 0.05
#: How strongly a paragraph's article pulls it toward the article's topics: its topic mix plus
#: this times the mean mix of its article's paragraphs (0: each paragraph alone).
ARTICLE_PULL = 1.0
#: A paragraph takes one of its article's topics: a topic with less than this share of the mean
#: mix of its article's paragraphs is not a candidate (unless no topic has that share).
ARTICLE_GATE = 0.1
#: Each part's paragraph weights are solved to this tolerance (within this many rounds): the
#: weights then do not depend on which paragraphs a part holds, as the chunks of a build vary.
WEIGHTS_TOL, WEIGHTS_ITER = 1e-6, 1000
#: A lemma is an entity name when this share of its uses fall in ORG, LOC or MEDIUM mentions.
ENTITY_SHARE = 0.5
#: Paragraphs without a score of their own are kept to at most this share of the assigned ones
#: (issue 27's budget is 10%): the room left goes to the paragraphs their article holds in a
#: topic their own words give least (`_held_weakest`).
WITHOUT_SCORE_MAX = 0.095


@dataclass
class Assigned:
    """Each paragraph's topic (before renumbering; -1 for none) and share of its topic (NaN
    without a topic of its own), in the input's order, on disk part by part until read. The
    paragraphs numbered in `unscored` (in the input's order) keep their topic without a
    score of their own."""

    topic: Spilled
    share: Spilled
    renumber: np.ndarray  # topic -> topic id; its last entry (index -1) is -1
    unscored: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def parts(self) -> Iterator[pa.Table]:
        """`topic_id` and `topic_score` of each part's paragraphs (ASSIGNED), part by part."""
        offset = 0
        for found, share in zip(self.topic, self.share, strict=True):
            topic = self.renumber[found]
            share[_local(self.unscored, offset, len(share))] = np.nan
            offset += len(share)
            yield pa.table(
                [
                    pa.array(topic, mask=topic < 0, type=pa.int32()),
                    pa.array(np.round(share, 4), mask=np.isnan(share), type=pa.float32()),
                ],
                schema=ASSIGNED,
            )

    def table(self) -> pa.Table:
        """Every paragraph's `topic_id` and `topic_score` (ASSIGNED), as one table."""
        return pa.concat_tables([ASSIGNED.empty_table(), *self.parts()])


@dataclass
class Topics:
    assigned: Assigned  # per paragraph, in the input's order
    topics: pa.Table
    article_topics: pa.Table
    model: dict  # for the manifest: K, how it was chosen, vocabulary size, unassigned share


def _entity_lemmas(counted: _Counted, total: np.ndarray, vocabulary: np.ndarray) -> set[str]:
    """Lemmas of the `vocabulary` (with their `total` counts) used mostly inside names of
    places and organisations, and those a dictionary or capitals mark as proper names."""
    inside = counted.named[vocabulary]
    codes = set(vocabulary[inside >= ENTITY_SHARE * total].tolist()) | set(
        np.flatnonzero(counted.proper).tolist()
    )
    return {counted.lemmas[c] for c in codes}


def _fragments(counted: _Counted, total: np.ndarray, vocabulary: np.ndarray) -> set[str]:
    """Lemmas of the `vocabulary` (with their `total` counts outside names of several words)
    used mostly inside such names: 'штат' of 'Соединённые Штаты' is a fragment of a name, not a
    theme."""
    inside = counted.parts[vocabulary]
    return {counted.lemmas[c] for c in vocabulary[inside >= ENTITY_SHARE * (total + inside)]}


def _labels(
    terms: list[list[str]],
    named: set[str],
    fragments: set[str],
    order: Callable[[int, list[int]], list[int]] | None = None,
) -> list[str]:
    """3-4 lemmas per topic. A place or organisation name is a label term only when it is the
    topic's strongest term; fragments of names and near-repeats ('военный', 'военно-морской')
    are skipped; the terms left are taken in the `order` given for the topic's number and
    their positions (by default as ranked), those of no other topic's terms first ('команда'
    of four sports topics does not tell one from another); labels grow until they differ from
    every earlier one."""
    labels: list[str] = []
    topics_of = Counter(word for words in terms for word in set(words))
    for topic, words in enumerate(terms):
        eligible: list[int] = []
        for i, word in enumerate(words):
            if (
                (word in named and i > 0)
                or word in fragments
                or any(word[:5] == words[e][:5] for e in eligible)
            ):
                continue
            eligible.append(i)
        own = [i for i in eligible if topics_of[words[i]] == 1]
        shared = [i for i in eligible if topics_of[words[i]] > 1]
        ordered = (order(topic, own) + order(topic, shared)) if order else own + shared
        picked = [words[i] for i in ordered]
        low, high = LABEL_TERMS
        size = low
        while size < high and " · ".join(picked[:size]) in labels:
            size += 1
        labels.append(" · ".join(picked[:size]))
    return labels


def _filled(x: sparse.csr_matrix, weights: np.ndarray, components: np.ndarray) -> np.ndarray:
    """The rows' topic weights, where a row with vocabulary words but all-zero NMF weights (its
    words are minor in every topic) takes the loadings of its words on each topic instead."""
    weights = weights.copy()
    empty = weights.sum(axis=1) == 0
    fallback = np.flatnonzero(empty & (np.diff(x.indptr) > 0))
    if len(fallback):
        weights[fallback] = np.asarray(x[fallback] @ components.T)
    return weights


def _with_article(
    weights: np.ndarray, own: np.ndarray, articles: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's topic (-1 without one), share and hold read with its article: its topic mix
    (weights as shares) plus `ARTICLE_PULL` times the mean mix of its article's rows with a
    topic of their own (`own`), the largest among the topics that hold at least `ARTICLE_GATE`
    of that mean (all topics when none does).

    A paragraph is read in its article: one whose only topic word has another sense there
    ("Мы провели хорошую игру" in a football report, "войско" in a biathlete's interview) or a
    line without a theme of its own takes its article's theme rather than the topic of that
    one word; a paragraph with a clear theme of its own keeps it. A topic the article hardly
    touches is not a candidate: a long football interview's line on a missed penalty, whose
    "игра" leans toward the Olympics, takes the interview's topic; a theme the article gives a
    tenth of itself to is kept.
    The hold is the row's own share of its topic when the article took it there, away from
    its own strongest topic (NaN when the topic is its own strongest, or it has none).
    Rows without a topic of their own keep none; `articles` must hold whole articles."""
    total = weights.sum(axis=1, keepdims=True)
    mix = np.divide(weights, total, out=np.zeros_like(weights), where=own[:, None] & (total > 0))
    _codes, at, members = _membership(articles, own.astype(np.float64))
    counts = np.asarray(members.sum(axis=1)).ravel()
    mean = ((members @ mix) / np.maximum(counts, 1)[:, None])[at]
    read = mix + ARTICLE_PULL * mean
    gated = np.where(mean >= ARTICLE_GATE, read, 0.0)
    best = np.where(gated.max(axis=1) > 0, gated.argmax(axis=1), read.argmax(axis=1))
    topic = np.where(own, best, -1)
    chosen = read[np.arange(len(at)), best]
    share = np.divide(chosen, read.sum(axis=1), out=np.zeros(len(at)), where=own)
    mine = mix[np.arange(len(at)), best]
    held = np.where(own & (mine < mix.max(axis=1)), mine, np.nan)
    return topic, share.astype(weights.dtype), held.astype(weights.dtype)


def _inherit(own: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Each row's article's main topic: the most common among its rows with a topic of their
    own (ties: the lower topic number), -1 for articles without one."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for t, a in zip(own, articles, strict=True):
        if t >= 0:
            counts[a][int(t)] += 1
    main = {a: min(c, key=lambda t: (-c[t], t)) for a, c in counts.items()}
    return np.array([main.get(a, -1) for a in articles], dtype=np.int64)


class _Representatives:
    """Each topic's representative paragraph: its row with the largest weight on it among
    those that shaped the model (or all its rows, when none did) at least as long in content
    words as their median (the heaviest rows alone are often two-word subheadings). Found part
    by part, in two passes: `count` the word counts of each topic's rows, then `offer` the
    rows; `found` holds the winners."""

    def __init__(self, topics: int) -> None:
        self.topics = topics
        self._counts: dict[int, int] | None = defaultdict(int)  # (topic, shaping, words) -> rows
        self._median = np.zeros(topics)
        self._shaped = np.zeros(topics, dtype=bool)  # some of its rows shaped the model
        self._best = np.full(topics, -np.inf)
        self.found: dict[int, tuple] = {}  # topic -> what `offer` was given with its winner

    @staticmethod
    def _key(topic: np.ndarray, shaping: np.ndarray, words: np.ndarray) -> np.ndarray:
        return (topic.astype(np.int64) * 2 + shaping) << 32 | words.astype(np.int64)

    def count(self, topic: np.ndarray, shaping: np.ndarray, words: np.ndarray) -> None:
        has = topic >= 0
        keys, counts = np.unique(
            self._key(topic[has], shaping[has], words[has]), return_counts=True
        )
        for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
            self._counts[key] += count

    def _medians(self) -> None:
        rows: dict[tuple[int, bool], list[tuple[int, int]]] = defaultdict(list)
        for key, count in sorted(self._counts.items()):  # by topic, shaping, then words
            rows[key >> 33, bool(key >> 32 & 1)].append((key & 0xFFFFFFFF, count))
        for topic in range(self.topics):
            self._shaped[topic] = (topic, True) in rows
            found = rows[topic, True] if self._shaped[topic] else rows.get((topic, False), [])
            if not found:
                continue
            words, counts = np.array(found).T
            ends = np.cumsum(counts)
            middle = [(ends[-1] - 1) // 2, ends[-1] // 2]  # as np.median takes them
            self._median[topic] = words[np.searchsorted(ends, middle, side="right")].mean()
        self._counts = None

    def offer(
        self,
        topic: np.ndarray,
        shaping: np.ndarray,
        words: np.ndarray,
        weight: np.ndarray,
        *about: np.ndarray,
    ) -> None:
        """The rows of a part, with what to keep of a winner (`about`: arrays by row); every
        part is counted before the first is offered."""
        if self._counts is not None:
            self._medians()
        has = np.maximum(topic, 0)
        rows = np.flatnonzero(
            (topic >= 0) & (shaping | ~self._shaped[has]) & (words >= self._median[has])
        )
        order = np.lexsort((rows, -weight[rows], topic[rows]))
        firsts = order[run_starts(topic[rows][order])]
        for row in rows[firsts].tolist():
            t = int(topic[row])
            if weight[row] > self._best[t]:  # an earlier part wins a tie
                self._best[t] = weight[row]
                self.found[t] = tuple(a[row] for a in about)


def _article_topics(
    articles: np.ndarray, topic: np.ndarray, words: np.ndarray, ids: pa.Array
) -> pa.Table:
    """Each article's topics weighted by content words, small weights dropped, sums to 1
    (`articles`: each paragraph's article, numbered in the order of their `ids`)."""
    counted = (topic >= 0) & (words > 0)
    topics = int(topic.max(initial=0)) + 1
    pair = articles[counted].astype(np.int64) * topics + topic[counted]
    pairs, at = np.unique(pair, return_inverse=True)  # by article, then topic
    mix = np.bincount(at, weights=words[counted].astype(np.float64))  # exact: sums of integers
    article, topic_of = np.divmod(pairs, topics)
    group = np.cumsum(run_starts(article)) - 1  # the article's number among these
    kept = mix / np.bincount(group, weights=mix)[group] >= MIN_ARTICLE_WEIGHT
    weight = mix[kept] / np.bincount(group[kept], weights=mix[kept])[group[kept]]
    return pa.Table.from_pydict(
        {
            "article_id": ids.take(pa.array(article[kept])),
            "topic_id": topic_of[kept],
            "weight": [round(w, 4) for w in weight.tolist()],  # as Python rounds, not numpy
        },
        schema=ARTICLE_TOPICS,
    )


#: The columns of `Topics.assigned`.
ASSIGNED = pa.schema([PARAGRAPHS.field("topic_id"), PARAGRAPHS.field("topic_score")])
Part = tuple[pa.Table, pa.Table, pa.Table | None]  # paragraphs, mentions, lemmas: see tokenise


@dataclass
class _Counted:
    """A corpus tokenised part by part: on disk, per paragraph its article (numbered in the
    order of the parts), content words outside people's names, text digest and number in the
    article, and per part its lemma counts (`counts`); per lemma (sorted) its uses inside names
    of places and organisations and whether it is a proper name."""

    lemmas: list[str]
    article: Spilled
    words: Spilled
    digest: Spilled
    paragraph: Spilled
    furniture: Spilled  # whether a paragraph is page furniture as a whole
    named: np.ndarray
    parts: np.ndarray  # uses inside names of several words (not counted as the lemma)
    proper: np.ndarray
    article_ids: list[str]
    sizes: list[int]  # paragraphs per part
    files: list[Path]
    rank: np.ndarray  # lemma code in order of first sight -> sorted code

    def slices(self) -> Iterator[slice]:
        """The paragraphs of each part, in order."""
        start = 0
        for size in self.sizes:
            yield slice(start, start + size)
            start += size

    def counts(self) -> Iterator[tuple[int, sparse.csr_matrix]]:
        """(first paragraph, lemma counts of its paragraphs) of each part, in order."""
        for path, here in zip(self.files, self.slices(), strict=True):
            found = sparse.load_npz(path)
            matrix = sparse.csr_matrix(
                (found.data, self.rank[found.indices], found.indptr),
                shape=(here.stop - here.start, len(self.lemmas)),
            )
            matrix.sort_indices()
            yield here.start, matrix


def _count(parts: Iterable[Part], directory: Path) -> _Counted:
    """Tokenise the `parts` one at a time (`tokenise`), their lemma counts written under
    `directory`."""
    code_of: dict[str, int] = {}  # in order of first sight
    inside = np.zeros(0, dtype=np.int64)  # uses inside names of places and organisations
    in_long = np.zeros(0, dtype=np.int64)  # uses inside names of several words
    proper: set[int] = set()
    article, words, paragraph = Spilled(np.int32), Spilled(np.int32), Spilled(np.int32)
    digest, furniture = Spilled(np.uint64), Spilled(np.bool_)
    article_ids: list[str] = []
    sizes: list[int] = []
    files: list[Path] = []
    for number, part in enumerate(parts):
        paragraphs = part[0]
        tokens = tokenise([part])
        codes = np.array(
            [code_of.setdefault(lemma, len(code_of)) for lemma in tokens.lemmas], dtype=np.int32
        )
        counts = count_matrix(tokens, paragraphs.num_rows)
        counts = sparse.csr_matrix(
            (counts.data, codes[counts.indices], counts.indptr),
            shape=(paragraphs.num_rows, len(code_of)),
        )
        files.append(directory / f"{number}.npz")
        sparse.save_npz(files[-1], counts, compressed=False)
        inside = _add_counts(inside, codes[tokens.code[tokens.named]], len(code_of))
        in_long = _add_counts(in_long, codes[tokens.code[tokens.part]], len(code_of))
        proper.update(codes[tokens.code[tokens.proper]].tolist())
        ids = paragraphs["article_id"].combine_chunks().dictionary_encode()
        article.append(ids.indices.to_numpy(zero_copy_only=False) + len(article_ids))
        article_ids += ids.dictionary.to_pylist()
        digest.append(tokens.digest)
        paragraph.append(paragraphs["paragraph"].to_numpy())
        furniture.append(
            paragraphs["furniture"].to_numpy(zero_copy_only=False)
            if "furniture" in paragraphs.column_names
            else np.zeros(paragraphs.num_rows, dtype=bool)
        )
        words.append(np.asarray(counts.sum(axis=1)).ravel())
        sizes.append(paragraphs.num_rows)
    first_sight = pa.array(list(code_of), pa.string())
    order = pc.sort_indices(first_sight).to_numpy()
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    inside = _add_counts(inside, np.zeros(0, dtype=np.int64), len(code_of))
    in_long = _add_counts(in_long, np.zeros(0, dtype=np.int64), len(code_of))
    is_proper = np.zeros(len(code_of), dtype=bool)
    is_proper[list(proper)] = True
    return _Counted(
        first_sight.take(pa.array(order)).to_pylist(),
        article,
        words,
        digest,
        paragraph,
        furniture,
        inside[order],
        in_long[order],
        is_proper[order],
        article_ids,
        sizes,
        files,
        rank,
    )


def _add_counts(counts: np.ndarray, codes: np.ndarray, size: int) -> np.ndarray:
    """`counts` per code, grown to `size` codes, plus one for each of `codes`."""
    found = np.bincount(codes, minlength=size).astype(np.int64)
    found[: len(counts)] += counts
    return found


def _tfidf(df: np.ndarray, n: int) -> TfidfTransformer:
    """The TF-IDF weights `TfidfTransformer(sublinear_tf=True).fit` learns from `n` rows whose
    columns have the document frequencies `df`, without those rows."""
    transformer = TfidfTransformer(sublinear_tf=True).fit(
        sparse.csr_matrix((1, len(df)), dtype=np.float32)
    )
    idf = np.full_like(df, n + 1, dtype=np.float32)
    idf /= df.astype(np.float32) + 1.0
    np.log(idf, out=idf)
    transformer.idf_ = idf + np.float32(1.0)
    return transformer


def _no_topics(counted: _Counted, fitting: int) -> Topics:
    """The result for a corpus without a single word to find topics in."""
    topic, share = Spilled(np.int32), Spilled(np.float32)
    for size in counted.sizes:
        topic.append(np.full(size, -1))
        share.append(np.full(size, np.nan))
    return Topics(
        Assigned(topic, share, np.full(1, -1, dtype=np.int32)),
        TOPICS.empty_table(),
        ARTICLE_TOPICS.empty_table(),
        {
            "k": 0,
            "chosen_by": "no content words",
            "candidates": [],
            "vocabulary": 0,
            "fitting_paragraphs": fitting,
            "boilerplate_paragraphs": 0,
            "own_topic_share": 0.0,
            "unassigned_share": 1.0,
            "mean_coherence": None,
        },
    )


def build_topics(
    parts: Iterable[Part],
    *,
    k: int | None = None,
    engine: Engine = SERIAL,
    progress: bool = False,
    memo: Memo | None = None,
) -> Topics:
    """Topics of the paragraphs of `parts` (whole articles, in the order of their ids), from
    their content words (`tokenise`): person names left out, names of places and
    organisations kept out of labels unless they lead. The parts are tokenised one at a time
    and their counts read back from disk for each pass, so the stage holds a few numbers per
    paragraph and the samples it fits. `memo` keeps the fits that choose K between builds
    (`choose_k`)."""
    with tempfile.TemporaryDirectory(prefix="obzor-topics-") as tmp:
        return _build_topics(
            _count(parts, Path(tmp)), k=k, engine=engine, progress=progress, memo=memo
        )


def _build_topics(
    counted: _Counted, *, k: int | None, engine: Engine, progress: bool, memo: Memo | None
) -> Topics:
    words, articles = counted.words.joined(), counted.article.joined()
    n = len(words)
    boilerplate, fitting = shaping_rows(counted.digest.joined(), articles, words)
    if len(fitting) == 0:  # a handful of short texts: let every paragraph with a word count
        fitting = np.flatnonzero(words > 0)
    select = whole_articles(fitting, articles, SELECT_MAX)
    # The documents the topics are fitted on: whole articles (each one's shaping paragraphs as
    # one document; a theme is what co-occurs over an article, so a word's senses part by the
    # article's other words), or, in a corpus of few articles, the paragraphs themselves.
    # Paragraphs are read against the topics either way (pass 2).
    by_article = len(np.unique(articles[fitting])) >= ARTICLE_FIT_MIN
    groups = articles if by_article else np.arange(n)
    select_groups = np.unique(groups[select])
    fit_groups = sample(np.unique(groups[fitting]), FIT_MAX)
    wanted = np.union1d(select_groups, fit_groups)
    del words, articles  # read again part by part

    # Pass 1: document frequencies over the fitting paragraphs, total counts, the samples.
    df = np.zeros(len(counted.lemmas), dtype=np.int64)
    total = np.zeros(len(counted.lemmas), dtype=np.float64)
    selected, summed = [], []
    for offset, counts in counted.counts():
        local = _local(fitting, offset, counts.shape[0])
        df += document_frequency(counts[local])
        total += np.asarray(counts.sum(axis=0)).ravel()
        selected.append(counts[_local(select, offset, counts.shape[0])])
        part_groups = groups[offset : offset + counts.shape[0]]
        local = local[np.isin(part_groups[local], wanted)]
        summed.append(_group_sums(counts[local], part_groups[local]))
    del groups
    vocabulary = (
        vocabulary_columns(df, len(fitting)) if len(fitting) else np.array([], dtype=np.int64)
    )
    if len(vocabulary) == 0:
        return _no_topics(counted, len(fitting))
    selection = sparse.vstack(selected).tocsr()
    del selected
    documents = _stack_groups(summed, n if not by_article else len(counted.article_ids))
    # Words' contexts (the sample's paragraphs) are read against a first fit of as many topics
    # as the model may have, fitted as the model is: on the sample's documents.
    weighed = _tfidf(df[vocabulary], len(fitting))
    theme = theme_weights(
        weighed.transform(selection[:, vocabulary]),
        weighed.transform(documents[select_groups][:, vocabulary]),
        [counted.lemmas[i] for i in vocabulary],
        max(candidate_ks(len(fitting))),
    )
    del weighed
    phrasing = vocabulary[theme == 0]
    vocabulary, theme = vocabulary[theme > 0], theme[theme > 0]
    # The sample's paragraphs, read against each candidate's fit for its reach.
    sample_paragraphs, selection = selection, documents[select_groups]
    fitted = documents[fit_groups]
    del summed, documents
    themes = sparse.diags(np.isin(np.arange(len(df)), phrasing, invert=True) * 1.0)
    selection, sample_paragraphs = selection @ themes, sample_paragraphs @ themes
    lemma_weights = np.ones(len(df))
    lemma_weights[vocabulary] = theme

    def cooccurrence(terms: np.ndarray) -> Cooccurrence:
        together = Cooccurrence(terms)
        for _offset, counts in counted.counts():
            together.add(counts)
        return together

    most = min(len(fit_groups), len(vocabulary))
    ks = [min(k, most)] if k else [c for c in candidate_ks(len(fitting)) if c <= most] or [most]
    candidates = (
        choose_k(
            selection,
            sample_paragraphs,
            ks,
            cooccurrence,
            weights=lemma_weights,
            engine=engine,
            progress=progress,
            memo=memo,
        )
        if len(ks) > 1
        else []
    )
    chosen = chosen_k(candidates) if candidates else ks[0]
    del selection, sample_paragraphs

    transformer = _tfidf(df[vocabulary], len(fitting))
    # Words of many senses weigh less (phrasing.py), in the final fit as in choosing K.
    transformer.idf_ = transformer.idf_ * theme.astype(np.float32)
    fit = transformer.transform(fitted[:, vocabulary]).astype(np.float32)
    del fitted
    columns = frequent_columns(fit, 2 if fit.shape[0] > 1000 else 1)
    model = fit_nmf(fit[:, columns], chosen).set_params(tol=WEIGHTS_TOL, max_iter=WEIGHTS_ITER)
    components = np.zeros((chosen, len(vocabulary)), dtype=np.float32)
    components[:, columns] = model.components_
    top = top_terms(components)

    # Pass 2: each paragraph's own topic, its article's main topic, the topics' coherence;
    # kept on disk part by part.
    topic_of, share_of, weight_of = Spilled(np.int32), Spilled(np.float32), Spilled(np.float32)
    held_of = Spilled(np.float32)
    sizes = np.zeros(chosen, dtype=np.int64)
    own = 0  # paragraphs with a topic of their own
    without = 0  # paragraphs with a topic, not of their own (without a score)
    representatives = _Representatives(chosen)
    together = Cooccurrence(vocabulary[top].ravel())
    coverage = TermCoverage(vocabulary[top])
    for (offset, counts), articles, words, furniture in zip(
        counted.counts(), counted.article, counted.words, counted.furniture, strict=True
    ):
        together.add(counts)
        x = transformer.transform(counts[:, vocabulary]).astype(np.float32)
        with threadpool_limits(1):
            weights = _filled(x, model.transform(x[:, columns]), components)
        # A paragraph has a topic of its own when it has some weight and is not boilerplate.
        scored = (weights.sum(axis=1) > 0) & ~boilerplate[offset : offset + len(weights)]
        found, share, held = _with_article(weights, scored, articles)
        coverage.count(counts, found)
        share[found < 0] = np.nan
        topic = np.where(found >= 0, found, _inherit(found, articles))
        topic[furniture] = -1  # a caption or a credit is not a paragraph of the article
        held[furniture] = np.nan
        weight = np.where(topic >= 0, weights[np.arange(len(found)), np.maximum(topic, 0)], -1.0)
        sizes += np.bincount(topic[topic >= 0], minlength=chosen)
        own += int((found >= 0).sum())
        without += int(((topic >= 0) & (found < 0)).sum())
        representatives.count(topic, _shaping(fitting, offset, len(found)), words)
        topic_of.append(topic)
        share_of.append(share)
        weight_of.append(weight)
        held_of.append(held)
    coherence_of = together.coherence(vocabulary[top])
    assigned = int(sizes.sum())
    room = int(WITHOUT_SCORE_MAX * assigned) - without
    unscored = _held_weakest(held_of.joined(), share_of.joined(), room)

    # Topic ids by size, largest first; a topic no paragraph took is dropped.
    order = [t for t in np.argsort(-sizes, kind="stable") if sizes[t] > 0]
    renumber = np.full(chosen + 1, -1, dtype=np.int32)  # index -1 (unassigned) stays -1
    renumber[order] = np.arange(len(order))

    # Each article's topics, and each topic's representative paragraph.
    ids = pa.array(counted.article_ids, pa.string())
    by_article = []
    for here, topic, weight, words, articles, paragraph in zip(
        counted.slices(),
        topic_of,
        weight_of,
        counted.words,
        counted.article,
        counted.paragraph,
        strict=True,
    ):
        by_article.append(_article_topics(articles, renumber[topic], words, ids))
        representatives.offer(
            topic, _shaping(fitting, here.start, len(topic)), words, weight, articles, paragraph
        )
    representative = [representatives.found[t] for t in order]

    names = np.array(counted.lemmas)[vocabulary]
    terms = [[str(names[i]) for i in row] for row in top[order]]
    labels = _labels(
        terms,
        _entity_lemmas(counted, total[vocabulary], vocabulary),
        _fragments(counted, total[vocabulary], vocabulary),
        lambda topic, eligible: coverage.order(order[topic], eligible),
    )
    coherence = coherence_of[order]
    topics = pa.Table.from_pydict(
        {
            "topic_id": list(range(len(order))),
            "label": labels,
            "terms": terms,
            "entities": [[] for _ in order],  # found once the mentions are linked (names.py)
            "size": [int(sizes[t]) for t in order],
            "share": [round(int(sizes[t]) / assigned, 4) for t in order],
            "coherence": [round(float(c), 4) for c in coherence],
            "representative_article_id": [counted.article_ids[a] for a, _p in representative],
            "representative_paragraph": [int(p) for _a, p in representative],
        },
        schema=TOPICS,
    )
    info = {
        "k": len(order),
        "chosen_by": "--topics" if k else "reach",
        "candidates": [asdict(c) for c in candidates],
        "vocabulary": len(vocabulary),
        "phrasing": sorted(counted.lemmas[i] for i in phrasing),
        "many_senses": {
            counted.lemmas[i]: round(float(w), 2)
            for i, w in zip(vocabulary.tolist(), theme.tolist(), strict=True)
            if w < 1
        },
        "fitting_paragraphs": len(fitting),
        "boilerplate_paragraphs": int(boilerplate.sum()),
        "own_topic_share": round((own - len(unscored)) / n, 4),
        "held_by_article_share": round(len(unscored) / n, 4),
        "unassigned_share": round(1 - assigned / n, 4),
        "mean_coherence": round(float(coherence.mean()), 4) if len(coherence) else None,
    }
    return Topics(
        Assigned(topic_of, share_of, renumber, unscored),
        topics,
        pa.concat_tables(by_article),
        info,
    )


def _held_weakest(held: np.ndarray, share: np.ndarray, room: int) -> np.ndarray:
    """The rows (sorted) that keep their topic without a score of their own: of the rows their
    article holds in a topic (`held`, their own share of it, not NaN), the lowest `held` (then
    the lowest `share`, then the first), up to `room` of them (what the budget without a
    score, `WITHOUT_SCORE_MAX`, leaves).

    A paragraph its article carries into a topic its own words hardly give is a line of no
    theme, or of a theme no topic holds (history in a catch-all of human interest), or one
    that shares a word with its topic. Without a score it still counts where its article is,
    and a reader who filters on `topic_score` sees the paragraphs that say what a topic is."""
    rows = np.flatnonzero(~np.isnan(held))
    room = min(room, len(rows))
    if room <= 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((rows, share[rows], held[rows]))
    return np.sort(rows[order[:room]])


def _group_sums(
    counts: sparse.csr_matrix, groups: np.ndarray
) -> tuple[np.ndarray, sparse.csr_matrix]:
    """The groups (articles) of the rows of `counts` and each one's summed counts: an
    article's words as one document."""
    codes, _at, members = _membership(groups, np.ones(len(groups)))
    return codes, (members @ counts).tocsr()


def _membership(
    groups: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix]:
    """The distinct `groups`, each row's number among them, and a matrix of a row per group
    and a column per row holding the row's weight: multiplied by the rows' values, their
    weighted sum per group."""
    codes, at = np.unique(groups, return_inverse=True)
    members = sparse.csr_matrix((weights, (at, np.arange(len(at)))), shape=(len(codes), len(at)))
    return codes, at, members


def _stack_groups(
    found: list[tuple[np.ndarray, sparse.csr_matrix]], groups: int
) -> sparse.csr_matrix:
    """One row per group (by number, `groups` of them) from each part's `_group_sums`; a
    group without shaping paragraphs has an empty row. A group lies in one part (the parts
    hold whole articles)."""
    codes = np.concatenate([c for c, _m in found])
    summed = sparse.vstack([m for _c, m in found]).tocsr()
    rows = np.zeros(groups, dtype=np.int64)
    rows[codes] = np.arange(len(codes)) + 1
    padded = sparse.vstack([sparse.csr_matrix((1, summed.shape[1])), summed]).tocsr()
    return padded[rows]


def _local(rows: np.ndarray, offset: int, size: int) -> np.ndarray:
    """The sorted `rows` that fall in a part (`size` rows from `offset`), numbered in it."""
    return rows[slice(*np.searchsorted(rows, [offset, offset + size]))] - offset


def _shaping(fitting: np.ndarray, offset: int, size: int) -> np.ndarray:
    """True for the rows of a part (`size` rows from `offset`) among the sorted `fitting`."""
    found = np.zeros(size, dtype=bool)
    found[_local(fitting, offset, size)] = True
    return found
