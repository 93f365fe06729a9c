"""Abbreviations and the full names they stand for: whether an abbreviation's letters fit a name,
and whether two full names of one abbreviation are one name written two ways.

**Letters.** An abbreviation fits a full name when its letters are, in order, what the name's
words give (words split at spaces and hyphens, `data/abbreviations.tsv` lists the special ones):

- a word gives the first letter or the first few letters ('Международное агентство по атомной
  энергии' -> 'МАГАТЭ');
- a compound word may also give the first letters of its parts after a listed first part
  ('Евразийский банк развития' -> 'ЕАБР', 'Внешэкономбанк' -> 'ВЭБ');
- a function word ('и', 'по', 'о', 'of') and a country's name ('Совет национальной
  безопасности и обороны Украины' -> 'СНБО') may give nothing; an abbreviation inside the name
  gives itself ('Вооружённые силы РФ' -> 'ВС РФ');
- the letters come from at least two words or parts;
- of abbreviations listed together ('Исламское государство (ИГ, ИГИЛ)') one must fit.

So 'Федерация бокса России' fits 'ФБР' as well as 'Федеральное бюро расследований' does: letters
tell a wrong pair ('Западная Вирджиния (США)') from a real one, not one meaning from another.

A Latin abbreviation of a Cyrillic name is a translation ('Всемирное антидопинговое агентство
(WADA)'), whose letters cannot be checked: it fits when it has as many letters as the name has
words besides function words, give or take one ('Министерство обороны США (DARPA)' does not).

**One name.** Two full names are one name written two ways when their words, function words and
countries aside, have the same dictionary forms in any order, allowing one slip of the pen per
word and a compound's first part for the word it shortens ('нацбезопасность', 'национальная
безопасность'), and they name no two different countries: 'Агентство США по международному
развитию' and 'Агентство по международному развитию США'; 'Организация украинских националистов' and
'Организации украинских националистов'; 'Совет национальной безопасности и обороны' and the same
with 'Украины'. Not 'Верховный суд' and 'Вооружённые силы', nor 'Республика Корея' and
'Республика Косово'.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline.nlp.gazetteer import adjectives, country_of_word, key, read_tsv
from pipeline.nlp.models import CACHE_SIZE, lemma, morph

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LATIN = re.compile("[A-Za-z]")
#: Letters a translated abbreviation may have more or fewer than its name has words.
_SPARE = 1
#: Letters a compound word's part must keep after a first part ('евро|союз', not 'евро|па').
_PART_LETTERS = 3
#: Letters a word needs before a slip of the pen is told from another word.
_SLIP_LETTERS = 5


@cache
def _listed() -> tuple[frozenset[str], tuple[str, ...]]:
    """(function words, first parts of compound words, longest first)."""
    rows = read_tsv("abbreviations.tsv")
    function = frozenset(word for word, kind in rows if kind == "function")
    parts = sorted((word for word, kind in rows if kind == "compound"), key=len, reverse=True)
    return function, tuple(parts)


def _letters(text: str) -> str:
    """An abbreviation's letters and digits, lower case: 'ВС РФ' -> 'всрф'."""
    return "".join(ch for ch in key(text) if ch.isalnum())


def _parts(word: str) -> list[str]:
    """A word split after the listed first parts of compounds: 'внешэкономбанк' -> ['внеш',
    'эконом', 'банк']."""
    _function, firsts = _listed()
    parts, at = [], 0
    while first := next(
        (f for f in firsts if word.startswith(f, at) and len(word) - at - len(f) >= _PART_LETTERS),
        None,
    ):
        parts.append(first)
        at += len(first)
    return [*parts, word[at:]]


def _compound(word: str) -> list[str]:
    """A compound word as its listed first parts and a dictionary word: 'нацбезопасности' ->
    ['нац', 'безопасности']; any other word alone ('национальной')."""
    _function, firsts = _listed()
    for first in firsts:
        rest = word[len(first) :]
        if word.startswith(first) and len(rest) >= _PART_LETTERS:
            if morph().word_is_known(rest):
                return [first, rest]
            if len(parts := _compound(rest)) > 1:
                return [first, *parts]
    return [word]


def compound_parts() -> tuple[str, ...]:
    """The listed first parts of compound words ('мин', 'ген', 'гос'), longest first."""
    return _listed()[1]


def first_part(word: str) -> str | None:
    """The listed first part a compound word opens with ('мин' of 'Минобороны'), if it is one."""
    parts = _compound(key(word))
    return parts[0] if len(parts) > 1 else None


def _country(word: str) -> str | None:
    """The country a lower-case word names as a noun ('украины') or an adjective
    ('американское')."""
    if found := country_of_word(word):
        return found
    hits = adjectives(word)
    return hits[0][2] if hits and hits[0][:2] == (0, len(word)) else None


@lru_cache(maxsize=CACHE_SIZE)
def fits(full: str, short: str) -> bool:
    """Whether the abbreviation `short` fits the full name `full` (module docstring)."""
    if "," in short:
        return any(fits(full, one) for one in short.split(","))
    letters = _letters(short)
    words = _WORD.findall(full)
    function, _firsts = _listed()
    if len(letters) < 2 or not words:
        return False
    if _LATIN.search(short) and not _LATIN.search(full):
        content = [w for w in words if key(w) not in function]
        return len(content) >= 2 and abs(len(letters) - len(content)) <= _SPARE
    kinds = [
        (
            key(w),
            "function" if key(w) in function else "caps" if len(w) > 1 and w.isupper() else "word",
            key(w) in function or _country(key(w)) is not None,
        )
        for w in words
    ]

    @cache
    def rest(i: int, at: int, sources: int) -> bool:
        """Whether words i.. give letters at.., `sources` words or parts having given some."""
        if i == len(kinds):
            return at == len(letters) and sources >= 2
        word, kind, skippable = kinds[i]
        if skippable and rest(i + 1, at, sources):
            return True
        if kind == "function":
            return letters.startswith(word[0], at) and rest(i + 1, at + 1, sources + 1)
        whole = kind == "caps" and letters.startswith(word, at)
        if whole and rest(i + 1, at + len(word), sources + 1):
            return True
        return within(i, tuple(_parts(word)), 0, at, sources)

    @cache
    def within(i: int, parts: tuple[str, ...], p: int, at: int, sources: int) -> bool:
        """Parts p.. of word i give a prefix each (the first part must), then words i+1.. the
        rest."""
        if p == len(parts):
            return rest(i + 1, at, sources)
        if p > 0 and within(i, parts, p + 1, at, sources):
            return True
        part, k = parts[p], 0
        while k < len(part) and at + k < len(letters) and letters[at + k] == part[k]:
            k += 1
            if within(i, parts, p + 1, at + k, sources + 1):
                return True
        return False

    return rest(0, 0, 0)


@lru_cache(maxsize=CACHE_SIZE)
def _form(full: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The dictionary forms of a full name's words, sorted, function words and countries aside,
    and the countries it names."""
    function, _firsts = _listed()
    forms, countries = [], set()
    for word in _WORD.findall(key(full)):
        if word in function:
            continue
        if country := _country(word):
            countries.add(country)
        else:
            *firsts, last = _compound(word)
            forms += [f"{first}-" for first in firsts]
            forms.append(lemma(last).replace("ё", "е"))
    return tuple(sorted(forms)), frozenset(countries)


def _alike(a: str, b: str) -> bool:
    """Whether two words of full names are one: a compound's first part ('нац-') and a word it
    begins, or words that differ by at most one letter added, dropped or changed."""
    if a == b:
        return True
    if a.endswith("-") or b.endswith("-"):
        return b.startswith(a[:-1]) if a.endswith("-") else a.startswith(b[:-1])
    if min(len(a), len(b)) < _SLIP_LETTERS or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def same_name(a: str, b: str) -> bool:
    """Whether two full names are one name written two ways (module docstring)."""
    (forms_a, countries_a), (forms_b, countries_b) = _form(a), _form(b)
    if countries_a and countries_b and countries_a != countries_b:
        return False
    if len(forms_a) != len(forms_b):
        return False
    left = list(forms_b)
    for word in forms_a:
        match = next((w for w in left if _alike(word, w)), None)
        if match is None:
            return False
        left.remove(match)
    return True
