"""Namesakes: two people who share a full name ('Леонид Слуцкий', the football coach and the
deputy; 'Владимир Васильев', the Americanist and the head of Dagestan) are told apart by the
contexts of the articles that name them, and only on clear evidence.

A person's context in an article is what the article names (its other people, organisations,
places and media) and the words around the person's first mentions ('главный тренер',
'председатель комитета', 'научный сотрудник'), each weighted by how rare it is (idf), as one
vector. The articles of a person who has at least `2 * MIN_ARTICLES` are grouped by average
linkage on the cosine of their vectors into at most `CLUSTERS` groups, and two groups whose
summed vectors have a cosine of `ALIKE` or more merge, until none do. One person in many
contexts (a minister at football and at doping hearings, a mayor's hospitals and elections)
keeps something in common across them and ends as one group; two people share next to
nothing. When two or more groups remain that each hold at least `MIN_ARTICLES` articles and
`SHARE` of the person's, and whose articles share a context among themselves (`COHESIVE`: a
writer quoted in articles on anything falls in loose groups), each is a person of its own,
named after the entity most characteristic of its articles: 'Леонид Слуцкий (ЦСКА)' and
'Леонид Слуцкий (Госдума)'. The other groups join the one they are most alike. Every name of
the person in an article, bare surnames included, follows the article's group.

Large persons are grouped on a sample of `SAMPLE` articles (the lowest hashes); their other
articles join the group whose summed vector is nearest.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage

from pipeline.nlp.ner import Mention

#: Joins a person's group to its article while the articles' contexts are still to be compared.
IN = "\x1f"
#: Articles each of two namesakes needs, and the share of the person's articles.
MIN_ARTICLES, SHARE = 8, 0.1
#: Cosine of two groups' summed vectors from which they are one person. On the 11.5k-article
#: build every namesake pair found lies below 0.025 and the first person with two careers
#: (a football coach turned deputy of the Duma's sport committee) at 0.038.
ALIKE = 0.03
#: The mean cosine of two articles of a namesake at least: its articles share a context (a
#: partner, an employer, a region). A writer quoted in articles on anything falls in loose
#: groups (0.012 to 0.015 for 'Лев Толстой'), which are no evidence of a second person; the
#: namesakes found lie at 0.04 and above.
COHESIVE = 0.025
#: A group named in more than this share of the articles, or a word read around more than this
#: share of the people, tells nobody apart ('Россия', 'заявил'): it weighs nothing. A person
#: named in more than this share is what the corpus is about, and stays one.
COMMON = 0.1
#: Groups average linkage cuts a person's articles into before alike groups merge.
CLUSTERS = 6
#: Articles of one person grouped at most; the others join the nearest group.
SAMPLE = 120
#: Characters read on each side of a mention, words kept on each side, mentions read per
#: article, and letters kept of a word (its stem, whatever its case ending).
_WINDOW, _WORDS, _MENTIONS, _STEM = 80, 6, 2, 6
_WORD = re.compile(r"(?<![\w-])[а-яёА-ЯЁ][а-яё-]{3,}")
_OPENING = ' \t«"„“—–-'
_SENTENCE_END = re.compile(r"[.!?\n]")


def candidates(by_last: Mapping[str, Counter]) -> frozenset[str]:
    """The person keys with enough full-name mentions to be two people."""
    return frozenset(
        person
        for found in by_last.values()
        for person, count in found.items()
        if count >= 2 * MIN_ARTICLES
    )


def in_article(person: str, article_id: str) -> str:
    """A person's group in one article: 'PER:<key>' joined to the article."""
    return f"{person}{IN}{article_id}"


@dataclass
class Contexts:
    """What a chunk of articles says around people, as pairs of indices: each article and what
    it names (`named`: article, name; a person's group without its article), and each person
    in an article and the words around it (`around`: person, word); both sorted."""

    articles: list[str]
    names: list[str]
    named: np.ndarray
    people: list[str]  # person-in-article groups
    words: list[str]
    around: np.ndarray

    @classmethod
    def of(
        cls, named: Mapping[str, Iterable[str]], around: Mapping[str, Iterable[str]]
    ) -> Contexts:
        """Contexts from what each article names and the words around each person in one."""
        names = sorted({n for found in named.values() for n in found})
        words = sorted({w for found in around.values() for w in found})
        name_at = {n: i for i, n in enumerate(names)}
        word_at = {w: i for i, w in enumerate(words)}

        def pairs(found: Mapping[str, Iterable[str]], at: dict[str, int], size: int) -> np.ndarray:
            both = [(i, at[v]) for i, values in enumerate(found.values()) for v in values]
            array = np.array(both, dtype=np.int64).reshape(-1, 2)
            return _pairs(array[:, 0], array[:, 1], size)

        return cls(
            list(named),
            names,
            pairs(named, name_at, len(names)),
            list(around),
            words,
            pairs(around, word_at, len(words)),
        )


def contexts(
    mentions: Sequence[Mention],
    codes: Sequence[int],
    groups: Sequence[str],
    texts: Mapping[str, str],
) -> Contexts:
    """The contexts of `mentions` (whole articles), each in the group `groups[codes[i]]`; the
    words are read around the first mentions of each person in an article (`in_article`)."""
    articles: dict[str, int] = {}
    article_of = [articles.setdefault(m.article_id, len(articles)) for m in mentions]
    names: dict[str, int] = {}
    name_of = np.array(
        [names.setdefault(g.split(IN, 1)[0], len(names)) for g in groups], dtype=np.int64
    )
    named = _pairs(
        np.array(article_of, dtype=np.int64),
        name_of[np.asarray(codes, dtype=np.int64)],
        len(names),
    )
    people: dict[str, int] = {}
    words: dict[str, int] = {}
    around: list[tuple[int, int]] = []
    seen: Counter[int] = Counter()
    for m, code in zip(mentions, codes, strict=True):
        if IN in groups[code] and seen[code] < _MENTIONS:
            seen[code] += 1
            person = people.setdefault(groups[code], len(people))
            found = words_around(texts[m.article_id], m.start, m.stop)
            around += [(person, words.setdefault(w, len(words))) for w in sorted(found)]
    said = np.array(around, dtype=np.int64).reshape(-1, 2)
    return Contexts(
        list(articles),
        list(names),
        named,
        list(people),
        list(words),
        _pairs(said[:, 0], said[:, 1], len(words)),
    )


def _pairs(first: np.ndarray, second: np.ndarray, size: int) -> np.ndarray:
    """The distinct pairs of `first` and `second` (below `size`), sorted, as two columns."""
    keys = np.unique(first * max(1, size) + second) if len(first) else np.empty(0, np.int64)
    return np.column_stack([keys // max(1, size), keys % max(1, size)])


def words_around(text: str, start: int, stop: int) -> set[str]:
    """The stems of the words of text[start:stop]'s sentence next to it, up to `_WORDS` on
    each side, in lower case (a capitalised word only when it opens the sentence: names are
    counted as names): where the text says who the person is ('Главный тренер ЦСКА Леонид
    Слуцкий', 'Васильев, главный научный сотрудник Института США и Канады')."""
    begin = max(0, start - _WINDOW)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, begin, start)]
    opening = ends[-1] if ends else (0 if begin == 0 else -1)  # where the sentence starts
    before = [
        m.group().lower()
        for m in _WORD.finditer(text, ends[-1] if ends else begin, start)
        if m.group()[0].islower() or not text[opening : m.start()].strip(_OPENING)
    ]
    end = min(len(text), stop + _WINDOW)
    stop_at = _SENTENCE_END.search(text, stop, end)
    after = [
        m.group()
        for m in _WORD.finditer(text, stop, stop_at.start() if stop_at else end)
        if m.group()[0].islower()
    ]
    return {w[:_STEM] for w in before[-_WORDS:] + after[:_WORDS]}


class Gathered:
    """The contexts of the corpus as numbers, chunk by chunk (`add`): each named group and
    each word a column, how many articles name each group and how many contexts hold each
    word, and the columns of each article that names a person who may be two and of each such
    person's words. Memory grows with those articles, not with the mentions."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}  # named group -> its column
        self.words: dict[str, int] = {}  # word -> its column among words
        self.name_df = np.zeros(0, dtype=np.int64)
        self.word_df = np.zeros(0, dtype=np.int64)
        self.articles = 0
        self.named: dict[str, np.ndarray] = {}  # article -> the columns of what it names
        self.around: dict[str, np.ndarray] = {}  # person-in-article group -> word columns

    def add(self, found: Contexts) -> None:
        self.articles += len(found.articles)
        wanted = {group.split(IN, 1)[1] for group in found.people}
        named, self.name_df = _columns(found.named, found.names, self.names, self.name_df)
        for i, columns in _by_first(named, len(found.articles)):
            if found.articles[i] in wanted:
                self.named[found.articles[i]] = columns
        around, self.word_df = _columns(found.around, found.words, self.words, self.word_df)
        self.around.update(dict.fromkeys(found.people, _EMPTY))  # some have no words around
        for i, columns in _by_first(around, len(found.people)):
            self.around[found.people[i]] = columns


def _columns(
    pairs: np.ndarray, values: list[str], column: dict[str, int], df: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """`pairs` with their second index turned into the column of its value (new values
    numbered on), and `df` counting each pair once more."""
    columns = np.array([column.setdefault(v, len(column)) for v in values], dtype=np.int64)
    turned = np.column_stack([pairs[:, 0], columns[pairs[:, 1]]]) if len(pairs) else pairs
    counts = np.bincount(turned[:, 1], minlength=len(column)) if len(pairs) else 0
    return turned, np.pad(df, (0, len(column) - len(df))) + counts


def _by_first(pairs: np.ndarray, size: int) -> Iterator[tuple[int, np.ndarray]]:
    """Each first index below `size` that has pairs, with the second indices of its pairs."""
    bounds = np.searchsorted(pairs[:, 0], np.arange(size + 1)) if len(pairs) else np.zeros(0)
    for i in range(len(bounds) - 1):
        if bounds[i + 1] > bounds[i]:
            yield i, pairs[bounds[i] : bounds[i + 1], 1]


def told_apart(found: Gathered) -> dict[str, str]:
    """Each person-in-article group of a person that is two or more people -> the group (by
    name) most characteristic of its namesake's articles, which names it."""
    features = _Features(found)
    by_person: dict[str, list[str]] = defaultdict(list)
    for group in found.around:
        person, article = group.split(IN, 1)
        by_person[person].append(article)
    apart: dict[str, str] = {}
    most = COMMON * found.articles  # a person the corpus is about is not split
    for person, articles in sorted(by_person.items()):
        if 2 * MIN_ARTICLES <= len(articles) <= most:
            apart.update(_namesakes(person, sorted(articles), features))
    return apart


class _Features:
    """Columns weighted by how rare they are (idf: named groups among articles, words among the
    contexts of people); what more than `COMMON` share weighs nothing."""

    def __init__(self, found: Gathered) -> None:
        names = np.log(max(1, found.articles) / np.maximum(found.name_df, 1))
        words = np.log(max(1, len(found.around)) / np.maximum(found.word_df, 1))
        self.idf = np.concatenate([names, words])
        self.idf[self.idf < np.log(1 / COMMON)] = 0
        self.found = found
        self.name_of = list(found.names)  # column -> named group

    def named(self, person: str, article: str) -> np.ndarray:
        """The columns of what `article` names, but `person`."""
        columns = self.found.named.get(article, _EMPTY)
        return columns[columns != self.found.names.get(person, -1)]

    def vectors(self, person: str, articles: list[str]) -> sp.csr_matrix:
        """One row per article: the groups it names (but `person`) and the words around the
        person, weighted by their idf, of unit length."""
        shift = len(self.found.names)
        rows = [
            np.concatenate(
                [
                    self.named(person, article),
                    self.found.around.get(in_article(person, article), _EMPTY) + shift,
                ]
            )
            for article in articles
        ]
        lengths = np.array([len(r) for r in rows])
        columns = np.concatenate(rows) if rows else _EMPTY
        # Only the person's columns, numbered afresh: the vectors of one person are compared.
        used, local = np.unique(columns, return_inverse=True)
        matrix = sp.csr_matrix(
            (self.idf[columns], local, np.concatenate([[0], np.cumsum(lengths)])),
            shape=(len(articles), max(1, len(used))),
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(1)).ravel())
        norms[norms == 0] = 1
        return sp.csr_matrix(sp.diags(1 / norms) @ matrix)


_EMPTY = np.empty(0, dtype=np.int64)


def _namesakes(person: str, articles: list[str], features: _Features) -> dict[str, str]:
    """Person-in-article group -> the characteristic group of its namesake, when `person`'s
    `articles` hold two or more people; else nothing."""
    sample = _sample(articles)
    vectors = features.vectors(person, [articles[i] for i in sample])
    similar = (vectors @ vectors.T).toarray()
    groups = _groups(similar)
    least = max(MIN_ARTICLES, SHARE * len(sample))
    big = [g for g in groups if len(g) >= least and _cohesion(similar, g) >= COHESIVE]
    if len(big) < 2:
        return {}
    # Every article joins the namesake whose summed vector is nearest (by cosine).
    every = features.vectors(person, articles)
    products = (every @ every[sample].T).toarray()
    sums = np.column_stack([products[:, g].sum(1) for g in big])
    lengths = np.sqrt([similar[np.ix_(g, g)].sum() for g in big])
    nearest = (sums / np.maximum(lengths, 1e-12)).argmax(1)
    members = [np.flatnonzero(nearest == k) for k in range(len(big))]
    names = _characteristic(person, articles, members, features)
    return {
        in_article(person, articles[i]): names[k]
        for k, found_in in enumerate(members)
        for i in found_in.tolist()
    }


def _cohesion(similar: np.ndarray, rows: list[int]) -> float:
    """The mean cosine of two different articles among `rows`."""
    within = similar[np.ix_(rows, rows)]
    return float((within.sum() - np.trace(within)) / (len(rows) * (len(rows) - 1)))


def _sample(articles: list[str]) -> list[int]:
    """The rows of the articles grouped: all, or the `SAMPLE` of lowest hash."""
    if len(articles) <= SAMPLE:
        return list(range(len(articles)))
    order = sorted(range(len(articles)), key=lambda i: hashlib.sha1(articles[i].encode()).digest())
    return sorted(order[:SAMPLE])


def _groups(similar: np.ndarray) -> list[list[int]]:
    """Rows of the cosine matrix `similar` in groups: average linkage on cosine distance cut
    into `CLUSTERS`, then groups whose summed vectors are `ALIKE` merged, most alike first (the
    products of summed vectors are sums of the rows' products)."""
    n = similar.shape[0]
    distance = np.clip(1 - similar, 0, None)[np.triu_indices(n, 1)]
    labels = fcluster(linkage(distance, "average"), CLUSTERS, "maxclust")
    groups = [np.flatnonzero(labels == label).tolist() for label in np.unique(labels)]
    member = np.zeros((len(groups), n))
    for k, g in enumerate(groups):
        member[k, g] = 1
    gram = member @ similar @ member.T
    while len(groups) > 1:
        length = np.sqrt(np.maximum(np.diag(gram), 1e-12))
        cosines = gram / np.outer(length, length)
        np.fill_diagonal(cosines, -1)
        i, j = sorted(np.unravel_index(int(cosines.argmax()), cosines.shape))
        if cosines[i, j] < ALIKE:
            break
        groups[i] += groups.pop(j)
        gram[i] += gram[j]
        gram[:, i] += gram[:, j]
        gram = np.delete(np.delete(gram, j, 0), j, 1)
    return groups


def _characteristic(
    person: str, articles: list[str], members: list[np.ndarray], features: _Features
) -> list[str]:
    """For each namesake (its rows in `members`), the group its articles name most often
    compared with the other namesakes' articles, weighted by rarity (never a medium); '#k'
    when its articles name nothing."""
    shares = []
    for rows in members:
        counts = Counter(
            column
            for i in rows.tolist()
            for column in features.named(person, articles[i]).tolist()
            if not features.name_of[column].startswith("MEDIUM:")
        )
        shares.append({column: count / len(rows) for column, count in counts.items()})
    names = []
    for k, share in enumerate(shares):
        others = [s for j, s in enumerate(shares) if j != k]

        def score(column: int, share=share, others=others) -> tuple[float, str]:
            rest = max((s.get(column, 0.0) for s in others), default=0.0)
            return ((share[column] - rest) * features.idf[column], features.name_of[column])

        names.append(features.name_of[max(share, key=score)] if share else f"#{k + 1}")
    return names
