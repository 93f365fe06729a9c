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
from functools import cache, lru_cache

from stop_words import get_stop_words

from pipeline.nlp.gazetteer import read_tsv
from pipeline.nlp.models import first_reading

_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,5}")
#: OpenCorporas parts of speech that carry a paragraph's theme.
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
#: Grammemes of proper names of places and organisations ('москва', 'нато').
_PROPER = frozenset({"Geox", "Orgn"})
_MIN_LETTERS = 3


@cache
def stopwords() -> frozenset[str]:
    words = {w.replace("ё", "е") for w in get_stop_words("russian")}
    return frozenset(words | {row[0] for row in read_tsv("stopwords.txt")})


def analyse(word: str) -> tuple[str | None, bool]:
    """The content lemma of a lower-case word (or None), and whether it names a place or
    organisation."""
    if len(word) < _MIN_LETTERS:
        return None, False
    parse = first_reading(word)
    tag = parse.tag
    if tag.POS not in CONTENT_POS or _PERSON & tag.grammemes:
        return None, False
    normal = parse.normal_form.replace("ё", "е")
    if normal in stopwords():
        return None, False
    return normal, bool(_PROPER & tag.grammemes)


@lru_cache(maxsize=1 << 18)
def content(word: str) -> tuple[str | None, bool]:
    """`analyse` of a word as written: an abbreviation in capitals is its own lemma."""
    if _ABBREVIATION.fullmatch(word):
        lemma = word.lower().replace("ё", "е")
        return (None if lemma in stopwords() else lemma), True
    return analyse(word.lower())


def paragraph_lemmas(text: str) -> list[tuple[str, int, int, bool]]:
    """Each content word of `text` as (lemma, start, stop, whether it names a place or
    organisation), in order."""
    return [
        (lemma, m.start(), m.end(), proper)
        for m in _WORD.finditer(text)
        for lemma, proper in [content(m.group())]
        if lemma
    ]
