"""Content words of paragraphs as lemmas: what the topic stage counts.

A content word is a Cyrillic noun, adjective, verb or participle of three or more letters, in
its dictionary form ('коридора' -> 'коридор'), that is not a stopword (the `stop-words`
package's Russian list plus `data/stopwords.txt`, the words of news reporting such as 'заявить')
and not part of a person's name (natasha's PER spans, pymorphy's first names, surnames and
patronymics). An abbreviation in capitals ('МОК', 'ОДКБ') is its own lemma, in lower case, and
not read as a word ('мок' is also a form of 'мокнуть'). Latin words are left out: in Russian
news they are embeds, credits and URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np
from scipy import sparse
from stop_words import get_stop_words

from pipeline.engine import SERIAL, Engine
from pipeline.gazetteer import read_tsv
from pipeline.nlp import morph

_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,5}")
#: OpenCorporas parts of speech that carry a paragraph's theme.
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
#: Grammemes of proper names of places and organisations ('москва', 'нато').
_PROPER = frozenset({"Geox", "Orgn"})
_MIN_LETTERS = 3
#: New words worth starting worker processes for (a process loads pymorphy in about 0.3 s).
PARALLEL_WORDS = 50_000
#: Word codes collected in a Python list before they move to numpy.
_CODES_AT_ONCE = 1 << 20


@cache
def stopwords() -> frozenset[str]:
    words = {w.replace("ё", "е") for w in get_stop_words("russian")}
    return frozenset(words | {row[0] for row in read_tsv("stopwords.txt")})


def analyse(word: str) -> tuple[str | None, bool]:
    """The content lemma of a lower-case word (or None), and whether it names a place or
    organisation."""
    if len(word) < _MIN_LETTERS:
        return None, False
    parse = morph()(word)[0]
    tag = parse.tag
    if tag.POS not in CONTENT_POS or _PERSON & tag.grammemes:
        return None, False
    normal = parse.normal_form.replace("ё", "е")
    if normal in stopwords():
        return None, False
    return normal, bool(_PROPER & tag.grammemes)


def _analyse_all(words: list[str]) -> list[tuple[str | None, bool]]:
    return [analyse(word) for word in words]


class Lemmatiser:
    """Content lemmas of texts, each distinct word analysed once per corpus, new words spread
    over the engine's workers when there are many."""

    def __init__(self, engine: Engine = SERIAL) -> None:
        self.engine = engine
        self._known: dict[str, str | None] = {}  # word as written -> lemma
        self._lower: dict[str, str | None] = {}  # word in lower case -> lemma
        self.proper: set[str] = set()  # lemmas of places, organisations and abbreviations

    def _analyse(self, words: list[str]) -> None:
        if self.engine.parallel and len(words) >= PARALLEL_WORDS:
            size = -(-len(words) // (4 * self.engine.workers))
            chunks = [words[i : i + size] for i in range(0, len(words), size)]
            with self.engine.pool() as pool:
                found = [item for part in pool.map(_analyse_all, chunks) for item in part]
        else:
            found = _analyse_all(words)
        for word, (lemma, proper) in zip(words, found, strict=True):
            self._lower[word] = lemma
            if proper:
                self.proper.add(lemma)

    def _learn(self, words: set[str]) -> None:
        abbreviations = {w for w in words if _ABBREVIATION.fullmatch(w)}
        self._analyse(sorted({w.lower() for w in words - abbreviations}.difference(self._lower)))
        for word in words:
            if word in abbreviations:
                lemma = word.lower().replace("ё", "е")
                self._known[word] = None if lemma in stopwords() else lemma
                self.proper.add(lemma)
            else:
                self._known[word] = self._lower[word.lower()]

    def counts(self, texts: Iterable[str]) -> tuple[sparse.csr_matrix, list[str]]:
        """How often each content lemma occurs in each text (texts x lemmas, lemmas sorted).
        Texts are read once, as they come, into codes of distinct words: a corpus's tokens are
        never all held as strings."""
        index: dict[str, int] = {}  # word as written -> code, in order of first use
        parts: list[np.ndarray] = []
        pending: list[int] = []
        sizes: list[int] = []
        for text in texts:
            tokens = _WORD.findall(text)
            sizes.append(len(tokens))
            pending += [index.setdefault(token, len(index)) for token in tokens]
            if len(pending) >= _CODES_AT_ONCE:
                parts.append(np.array(pending, dtype=np.int64))
                pending = []
        codes = np.concatenate([*parts, np.array(pending, dtype=np.int64)])
        lengths = np.array(sizes, dtype=np.int64)
        words = list(index)
        self._learn(set(words).difference(self._known))
        lemmas = sorted({lemma for word in words if (lemma := self._known[word])})
        number = {lemma: i for i, lemma in enumerate(lemmas)}
        of_word = np.array([number.get(self._known[w], -1) for w in words] + [-1], dtype=np.int64)
        columns = of_word[codes]  # an empty corpus has codes == [], hence the padding above
        rows = np.repeat(np.arange(len(lengths)), lengths)
        kept = columns >= 0
        matrix = sparse.csr_matrix(
            (np.ones(int(kept.sum()), dtype=np.float32), (rows[kept], columns[kept])),
            shape=(len(lengths), len(lemmas)),
        )
        matrix.sum_duplicates()
        return matrix, lemmas


def masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the character spans blanked out (offsets stay valid)."""
    for start, stop in spans:
        text = text[:start] + " " * (stop - start) + text[stop:]
    return text
