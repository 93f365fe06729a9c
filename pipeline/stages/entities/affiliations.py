"""Countries of people and organisations from what the corpus states about them, kept only when
the statements agree.

A person's statements are the affiliations stated around its mentions (roles.stated:
'президент Казахстана X', 'американский сенатор X', 'X (Словакия)'). An organisation's are a
country genitive right after it ('ФСБ России', when NER leaves the country out of the name), a
country adjective right before it ('американский Пентагон'), a country ending one of its names
('Служба безопасности Украины' for 'СБУ') or opening it ('Российская академия наук'), and a name
of it with a country after it ('Минобороны России' for 'Минобороны'); an international
organisation after it ('Совет Безопасности ООН') states that it belongs to no country.

Each article counts once per country it states, and articles that state it in the same words (a
reprint, a quotation passed on) count once. An entity takes the country most of its articles
state when at least `MIN_ARTICLES` articles state it (or the only article that names the
entity does) and they are at least a share (`PERSON_SHARE`, `ORGANISATION_SHARE`) of the
articles that state anything: wrong statements ('эксперт по Франции', a role that belongs to
someone else) are rare and scattered, while a real affiliation repeats. When unsure the country
stays empty.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

import pyarrow as pa

from pipeline.nlp.gazetteer import (
    adjectives,
    after_subdivision,
    country_of_word,
    in_region,
    key,
)
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.ner import Mention
from pipeline.nlp.roles import Named
from pipeline.stages.entities.names import UnionFind

#: Articles that must state an entity's country (fewer when fewer articles name it).
MIN_ARTICLES = 2
#: The share of the articles stating any country for a person that must state the one chosen.
PERSON_SHARE = 2 / 3
#: The same for an organisation: generic names ('МИД', 'Минобороны') are stated with several
#: countries, and their country spreads to every mention, so the majority must be clearer.
ORGANISATION_SHARE = 0.8
#: A statement about an organisation known by another of its names: the key of that name.
BY_NAME = "KEY:"
#: Characters before a mention that make a statement's context.
_CONTEXT = 50
_SPACE = re.compile(r" +")
_WORD = re.compile(r"[А-ЯЁA-Z][А-Яа-яЁёA-Za-z-]*")
#: The word before a position (`++`, possessive: a search does not retry its shorter parts).
_WORD_BEFORE = re.compile(r"[А-Яа-яЁё-]++ +$")


class Statement(NamedTuple):
    """What an article says `about` an entity (its group, or `BY_NAME` + the key of one of its
    names): that it belongs to `value`, a country ('' for an international organisation) or an
    organisation's group, in the words `context`."""

    about: str
    article: str
    context: str
    value: str | None


def context(text: str, start: int, stop: int) -> str:
    """The words before text[start:stop] (where roles and countries are stated), the mention
    and the word after it: what a reprint repeats."""
    return " ".join(text[max(0, start - _CONTEXT) : stop + 10].split())


def named_of(
    mentions: list[Mention],
    group_of: list[str],
    entity: Mapping[str, dict],
    found_adjectives: pa.Table,
    texts: Mapping[str, str],
) -> dict[str, dict[int, Named]]:
    """Article -> start offset -> each name and country adjective there. A place stands for
    its country (none after 'штат', 'округ' ...: gazetteer.after_subdivision); an organisation
    for its group, whose country the corpus's statements decide."""
    found: dict[str, dict[int, Named]] = defaultdict(dict)
    stands_for = {}
    for group in set(group_of):
        kind = entity[group]["type"]
        stands_for[group] = (kind, {"LOC": entity[group]["country"], "ORG": group}.get(kind))
    new = tuple.__new__  # a NamedTuple's own constructor is slow for a name per mention
    for m, group in zip(mentions, group_of, strict=True):
        kind, country = stands_for[group]
        if kind == "LOC" and country and after_subdivision(texts[m.article_id], m.start):
            country = None
        found[m.article_id][m.start] = new(Named, (m.stop, kind, country))
    columns = ("article_id", "start", "stop", "country")
    for article_id, start, stop, country in zip(
        *(found_adjectives.column(c).to_pylist() for c in columns), strict=True
    ):
        found[article_id].setdefault(start, new(Named, (stop, "ADJ", country)))
    return found


def organisation_statements(
    mentions: list[Mention],
    group_of: list[str],
    entity: Mapping[str, dict],
    texts: Mapping[str, str],
    named: Mapping[str, Mapping[int, Named]],
) -> Iterator[Statement]:
    """The countries stated around or inside each mention of an organisation."""
    organisations = {group for group in set(group_of) if entity[group]["type"] == "ORG"}
    for m, group in zip(mentions, group_of, strict=True):
        if group not in organisations:
            continue
        text = texts[m.article_id]
        found = [(about or group, country) for about, country in _in_name(m.name)]
        after = _SPACE.match(text, m.stop)
        if after and (word := _WORD.match(text, after.end())):
            country = _owner(word.group())
            if country == "" or (country and not _is_subject(text, word.group(), word.end())):
                found.append((group, country))
        before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        adjective = named[m.article_id].get(before.start()) if before else None
        if adjective and adjective.kind == "ADJ" and adjective.country:
            found.append((group, adjective.country))
        if found:
            said = context(text, m.start, m.stop)
            for about, country in found:
                yield Statement(about, m.article_id, said, country)


@lru_cache(maxsize=CACHE_SIZE)
def _in_name(name: str) -> tuple[tuple[str | None, str], ...]:
    """(about, country) that an organisation's name states: its last word for the name before
    it (`BY_NAME`: 'Минобороны России', 'Совет Безопасности ООН') and, when a country, for the
    organisation itself (None: 'Служба безопасности Украины' for 'СБУ'), as does its first word
    ('Российская академия наук' for 'РАН')."""
    found: list[tuple[str | None, str]] = []
    *base, last = name.split() or [""]
    region = bool(base) and in_region(base[-1], last)  # 'Институт Латинской Америки'
    if base and not region and (country := _owner(last)) is not None:
        found.append((BY_NAME + key(" ".join(base)), country))
        if country:
            found.append((None, country))
    hits = adjectives(name)
    if hits and hits[0][0] == 0:
        found.append((None, hits[0][2]))
    return tuple(found)


@lru_cache(maxsize=CACHE_SIZE)
def _owner(word: str) -> str | None:
    """What a genitive after an organisation says it belongs to: a country ('России', 'США',
    'РФ' -> its code), an international organisation ('ООН', 'ЕС' -> ''), or nothing (None)."""
    country = country_of_word(word.lower())
    if country:
        parses = morph()(word.lower())
        genitive = word.isupper() or any(p.tag.case in ("gent", "gen2") for p in parses)
        return country if genitive else None
    return "" if len(word) > 1 and word.isupper() and word.isalpha() else None


def _is_subject(text: str, word: str, stop: int) -> bool:
    """Whether `word`, ending at `stop`, is the subject of the verb after it rather than a
    genitive: it may be in the nominative, in the verb's number ('против ИГ США сражаются'; not
    'ФСБ России задержали', 'доклад ЦРУ США вызвал споры')."""
    after = re.match(r" +([а-яё]+)", text[stop : stop + 40])
    verb = [p for p in morph()(after.group(1))[:1] if p.tag.POS == "VERB"] if after else []
    return bool(verb) and any(
        p.tag.case == "nomn" and p.tag.number in (None, verb[0].tag.number)
        for p in morph()(word.lower())
    )


def confident(counts: Counter, articles: int, share: float) -> str | None:
    """The country stated in most articles (`counts`: articles per country), if enough of them
    agree (see the module's docstring); `articles` name the entity."""
    found = {country: n for country, n in counts.items() if country}
    if not found:
        return None
    country = min(found, key=lambda c: (-found[c], c))
    support = found[country]
    if support >= min(MIN_ARTICLES, articles) and support >= share * sum(counts.values()):
        return country
    return None


def by_article(statements: Iterable[Statement]) -> dict[str, Counter]:
    """Subject -> value -> the sources stating it: an article stating one country twice
    ('глава МИД России', 'министр ... России') counts once, and so do articles that share a
    statement in the same words with one another (a reprint, a background paragraph copied
    from article to article), whatever else each of them states."""
    said: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for about, article, words, value in statements:
        if value is not None:
            said[about, value].append((article, words))
    counts: dict[str, Counter] = defaultdict(Counter)
    for (about, value), pairs in said.items():
        counts[about][value] = _sources(pairs)
    return dict(counts)


def _sources(pairs: list[tuple[str, str]]) -> int:
    """How many groups of articles the (article, words) pairs make when articles that state
    something in the same words are one group."""
    groups = UnionFind()
    for article, words in pairs:
        groups.union(article, "\0" + words)  # '\0': no article id
    return len({groups.find(article) for article, _words in pairs})
