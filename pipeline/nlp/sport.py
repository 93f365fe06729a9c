"""Where a place's name stands for an organisation named after it: in quotation marks
(«Барселона», "Урал", гостиница «Украина»: `ner.quoted`) or, tagged as an organisation, in a
sentence about team sport ('нападающий Краснодара'), unless a preposition of place comes before
it ('сыграть в Пхёнчхане'). The words that make a sentence about sport are in
`data/sport.txt`."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.nlp.gazetteer import read_tsv
from pipeline.nlp.models import CACHE_SIZE, morph

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_START = 3
_PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?:в|во|на|из|под|около|возле|близ)\s+$", re.IGNORECASE)


@cache
def _sport_words() -> tuple[frozenset[str], frozenset[str]]:
    """The sport words and their first letters (a word whose first letters no sport word has is
    not read: dictionary forms keep a word's first letters)."""
    words = frozenset(row[0].replace("ё", "е") for row in read_tsv("sport.txt"))
    return words, frozenset(word[:_START] for word in words)


def after_preposition(text: str, start: int) -> bool:
    """Whether a preposition of place comes right before `text[start:]`: 'в Пхёнчхане'."""
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 12) : start]))


@lru_cache(maxsize=CACHE_SIZE)
def _sporting(word: str) -> bool:
    words, starts = _sport_words()
    return word.replace("ё", "е")[:_START] in starts and any(
        p.normal_form.replace("ё", "е") in words for p in morph()(word)
    )


def about_sport(sentence: str) -> bool:
    """Whether a sentence has a word of team sport (`data/sport.txt`) in any of its readings."""
    return any(_sporting(m.group().lower()) for m in _WORD.finditer(sentence))
