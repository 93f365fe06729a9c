"""Organisation spans that are common phrases capitalised only by their position: 'Британский
суд обязал Украину ...', 'Тренерский штаб ...' open a sentence, where any word has a capital.
The corpus tells them from names by how it writes them inside sentences, where a name keeps its
capital and a common phrase has none: it writes 'британский суд' and never 'Британский суд'
there. 'Государственная дума' and 'Совет Федерации' are capitalised inside sentences and stay.

Only phrases whose later words are all in lower case are read: a capitalised word after the
first is a name that may make the whole one ('армия обороны Израиля', 'палата представителей
США'), however the corpus writes its first word."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.stages.entities.common_words import opens_sentence

ORGANISATION = "ORG"
#: A capitalised Cyrillic word that is no abbreviation ('Британский', not 'ООН'), and a word in
#: lower case: the words of the phrases read.
_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+(?:-[а-яё]+)*")
_LOWER = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
#: A word of a text, as the phrases are looked for.
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
#: Articles that write a phrase in lower case it needs at least, and how many times as many as
#: capitalise it inside a sentence: a name may be written in lower case by some ('конгресс'),
#: a common phrase is seldom capitalised inside a sentence.
_MIN_LOWER = 3
_LOWER_SHARE = 20


def phrase(surface: str) -> tuple[str, ...] | None:
    """The words of an organisation's `surface` as a sentence writes them when it is a common
    phrase, the first in lower case ('Британский суд' -> ('британский', 'суд')); None unless
    the first word is capitalised and the others are in lower case."""
    words = surface.split()
    if not words or not _CAPITALISED.fullmatch(words[0]):
        return None
    if not all(_LOWER.fullmatch(w) for w in words[1:]):
        return None
    return (words[0].lower(), *words[1:])


@dataclass
class LoweredPhrases:
    """In how many articles the corpus writes each of some phrases (`phrases`, from
    `phrase`) in lower case, and with its first word capitalised inside a sentence."""

    phrases: frozenset[tuple[str, ...]]
    lower: Counter[tuple[str, ...]] = field(default_factory=Counter)
    capital: Counter[tuple[str, ...]] = field(default_factory=Counter)
    #: The phrases by their first word.
    _by_first: dict[str, list[tuple[str, ...]]] = field(init=False)

    def __post_init__(self) -> None:
        self._by_first = {}
        for words in sorted(self.phrases):
            self._by_first.setdefault(words[0], []).append(words)

    def add(self, texts: Iterable[str]) -> None:
        """Count the articles of `texts` that write the phrases in lower case or capitalised
        inside a sentence."""
        for text in texts:
            lower, capital = set(), set()
            found = list(_WORD.finditer(text))
            for at, word in enumerate(found):
                for words in self._by_first.get(word.group().lower(), ()):
                    if not _written(text, found, at, words):
                        continue
                    if word.group()[0].islower():
                        lower.add(words)
                    elif not opens_sentence(text, word.start()):
                        capital.add(words)
            self.lower.update(lower)
            self.capital.update(capital)

    def common(self) -> frozenset[str]:
        """The phrases, as a sentence's start writes them ('Британский суд'), that the corpus
        writes in lower case in at least `_MIN_LOWER` articles and `_LOWER_SHARE` times as many
        as capitalise them inside a sentence."""
        return frozenset(
            " ".join((words[0][0].upper() + words[0][1:], *words[1:]))
            for words, n in self.lower.items()
            if n >= _MIN_LOWER and n >= _LOWER_SHARE * self.capital[words]
        )


def _written(text: str, found: list[re.Match], at: int, words: tuple[str, ...]) -> bool:
    """Whether the words of `text` from the `at`th of `found` are `words` (the first in either
    case), one space or line apart."""
    if at + len(words) > len(found):
        return False
    for i, expected in enumerate(words[1:], start=at + 1):
        if found[i].group() != expected or text[found[i - 1].end() : found[i].start()].strip():
            return False
    return True


def candidate_phrases(surfaces: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The phrases (`phrase`) of organisations' `surfaces`."""
    return frozenset(found for surface in surfaces if (found := phrase(surface)))


def lowered_phrases(raw: pa.Table, texts: Mapping[str, str], common: frozenset[str]) -> pa.Array:
    """Per raw mention (RAW_MENTIONS), whether it is an organisation whose surface is one of
    the `common` phrases (`LoweredPhrases.common`) where its capital comes from its position:
    opening a sentence, a line or a quotation."""
    columns = ("article_id", "start", "surface", "type")
    rows = zip(*(raw[c].to_pylist() for c in columns), strict=True)
    return pa.array(
        [
            kind == ORGANISATION and surface in common and opens_sentence(texts[article], start)
            for article, start, surface, kind in rows
        ],
        pa.bool_(),
    )


def without_lowered_phrases(
    raw: pa.Table, texts: Mapping[str, str], common: frozenset[str]
) -> pa.Table:
    """The raw mentions but the common phrases capitalised by position (`lowered_phrases`)."""
    if not common:
        return raw
    return raw.filter(pc.invert(lowered_phrases(raw, texts, common)))
