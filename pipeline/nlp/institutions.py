"""Institutions named by their head noun: 'Совет', 'Комиссия', 'Азиатский банк'. A name built
on such a head needs what follows it ('Совет НАТО', 'Азиатский банк инфраструктурных
инвестиций'); NER often stops at the head. The head then joins the name in the genitive that
NER tagged apart ('Президиуме' + 'РАН'), or refers back to the full name the article gave, as
a bare surname does to a full name ('Антимонопольный комитет Украины' ... 'Комитет'); a bare
head that does neither names no one. The heads are in `data/institutions.txt`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.models import CACHE_SIZE, morph

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?")
_OPENING = '«„“"'


@cache
def _heads() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("institutions.txt"))


@lru_cache(maxsize=CACHE_SIZE)
def head_noun(word: str) -> str | None:
    """The institution noun (its lemma) that `word` is a form of, else None."""
    for parse in morph()(word.lower()):
        if parse.tag.POS == "NOUN" and parse.normal_form.replace("ё", "е") in _heads():
            return parse.normal_form
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _adjective(word: str) -> bool:
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def head_only(surface: str) -> str | None:
    """The institution noun of a name that is nothing but that noun and the adjectives before
    it ('Комиссии', 'Европейский суд', 'Исследовательской службы'), else None."""
    words = surface.split()
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return None
    if not all(_adjective(w) for w in words[:-1]):
        return None
    return head_noun(words[-1])


@lru_cache(maxsize=CACHE_SIZE)
def may_be_genitive(word: str) -> bool:
    """Whether a name's first word may be a genitive that completes an institution's name: an
    abbreviation ('НАТО', 'РАН'), a word the dictionary reads so ('Конгресса', 'Роспотребнадзора')
    or one it does not know, which does not decline ('Би-би-си', 'Колорадо'); a Latin name only
    in capitals ('NASA')."""
    if word.isupper():
        return True
    if not re.match(r"[А-ЯЁа-яё]", word):
        return False  # 'Международного валютного фонда Extended Fund Facility': another name
    parses = morph()(word.lower())
    return not all(p.is_known for p in parses) or any(p.tag.case == "gent" for p in parses)


def refer_back(text: str, spans: Sequence[tuple[int, int, str, str]]) -> list[str | None]:
    """For the organisation spans (start, stop, surface, name) of an article's `text` in order,
    the name each takes: its own; the full name the article gave before for a head alone
    ('Комитет' after 'Антимонопольный комитет Украины', 'Европейский суд' after 'Европейский
    суд по правам человека'), the nearest when there are several; None for a bare head with no
    such name ('члены Совета', 'имущества, отчуждённого Советами'). A title in quotation marks
    stays, after an opening one (группа армий «Центр», «Бюро 121»)."""
    names: list[str | None] = []
    for i, (start, _stop, surface, name) in enumerate(spans):
        head = head_only(surface)
        if head is None or (start > 0 and text[start - 1] in _OPENING):
            names.append(name)
            continue
        named = [(a, b, s, n) for (a, b, s, _n), n in zip(spans[:i], names, strict=True) if n]
        full = _earlier_full_name(named, name, head)
        if full:
            names.append(full)
        else:
            names.append(name if " " in surface else None)
    return names


def _earlier_full_name(
    earlier: Sequence[tuple[int, int, str, str]], name: str, head: str
) -> str | None:
    """The nearest earlier name that completes `name`: for a bare head one that has it
    ('Комитет' -> 'Антимонопольный комитет Украины'); else one that starts with its words and
    goes on in lower case ('Европейский суд' -> 'Европейский суд по правам человека'). A name
    that only lacks its place is whole ('Верховный суд' of 'Верховный суд Пакистана'). A bare
    head may take a name of adjectives and that head ('Комиссии' -> 'Европейская комиссия'),
    as the earlier mention itself was named."""
    words = key(name).split()
    for _start, _stop, surface, other in reversed(earlier):
        other_words = key(other).split()
        if len(other_words) <= len(words) or (head_only(surface) and len(words) > 1):
            continue
        if len(words) == 1:
            if any(head_noun(w) == head for w in other.split()):
                return other
        elif other_words[: len(words)] == words and other.split()[len(words)].islower():
            return other
    return None
