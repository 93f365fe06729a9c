"""Stated roles and affiliations of people: 'посол Азербайджана в Казахстане Агалар Атамогланов'
-> ('посол', AZE); 'Эльчин Гасымов (Словакия)' -> (None, SVK)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.nlp.gazetteer import read_tsv
from pipeline.nlp.models import lemma, morph

_WINDOW_WORDS = 12
_STOP = re.compile(r"[,;:!?()\[\]«»\"—–]|\s-\s")
_AFTER = re.compile(r"\s*\(([^()]{2,40})\)")
#: Qualifiers of time dropped from a role: 'тогдашний генеральный секретарь' -> 'генеральный ...'.
_TEMPORAL = {"тогдашний", "нынешний", "действующий", "новый", "новоизбранный", "временный"}


@cache
def role_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("roles.txt"))


@cache
def _role_forms() -> frozenset[str]:
    """Every form of every role lemma, lower case, also written with е for ё."""
    forms = {
        form.word
        for role in role_lemmas()
        for parse in morph()(role)
        if parse.normal_form == role
        for form in parse.lexeme
    }
    return frozenset(forms | {form.replace("ё", "е") for form in forms})


def _is_role(word: str) -> bool:
    """Whether `word` is a form of a role lemma. Only forms of one, and hyphenated words (whose
    lemma may come from their parts: 'премьера-министра'), are looked up: lemmatising every word
    before every name cost the entity stage seconds."""
    word = word.strip(".")
    return ("-" in word or word.lower() in _role_forms()) and lemma(word) in role_lemmas()


@cache
def title_lemmas() -> frozenset[str]:
    """Roles and honorifics: words that stand before a name but are not part of it."""
    return role_lemmas() | {row[0] for row in read_tsv("titles.txt")}


def _role_words(words: list[str]) -> list[str]:
    """The role's leading adjectives and head noun in the nominative, the rest as written:
    'заместителем помощника госсекретаря' -> 'заместитель помощника госсекретаря'."""
    from pipeline.nlp.normalize import phrase

    head = next((i for i, w in enumerate(words) if not _is_adjective(w)), len(words) - 1)
    lead = phrase(" ".join(words[: head + 1])).lower().split()
    return lead + words[head + 1 :]


def _is_adjective(word: str) -> bool:
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF") and word[:1].islower()


def stated(
    text: str,
    sentence_start: int,
    start: int,
    stop: int,
    countries_at: dict[int, str],
) -> tuple[str | None, str | None]:
    """(role, alpha3) stated for the person mentioned at text[start:stop].

    `countries_at` maps the start offset of each place, adjective or organisation with a country
    in this article to that country. The role is the phrase from the leftmost role word before the
    name up to the first country; the country is the first one after the role word, or one in
    parentheses right after the name.
    """
    before = text[sentence_start:start]
    cut = max((m.end() for m in _STOP.finditer(before)), default=0)
    window = list(re.finditer(r"\S+", before[cut:]))[-_WINDOW_WORDS:]
    offset = sentence_start + cut
    role_at = next((i for i, w in enumerate(window) if _is_role(w.group())), None)
    role = country = None
    while role_at and (
        _is_adjective(window[role_at - 1].group())
        or (
            role_at > 1
            and window[role_at - 1].group() == "и"
            and _is_adjective(window[role_at - 2].group())
        )
    ):
        role_at -= 1  # 'генеральный секретарь', 'чрезвычайный и полномочный посол'
    while role_at is not None and lemma(window[role_at].group()) in _TEMPORAL:
        role_at += 1
    if role_at is not None:
        words = []
        for w in window[role_at:]:
            at = offset + w.start()
            if at in countries_at:
                country = country or countries_at[at]
                break
            if w.group()[:1].isupper() and words:
                break
            words.append(w.group())
        if words:
            role = " ".join(_role_words(words))
        for w in window[role_at:]:
            country = country or countries_at.get(offset + w.start())
    after = _AFTER.match(text, stop)
    if after and country is None:
        country = countries_at.get(after.start(1))
    return role, country
