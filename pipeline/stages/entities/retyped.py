"""One-word names NER tags as a person in a few places and the corpus tags as a place or an
organisation far more often: 'контроль над Киркуком' tagged PER where the corpus writes the
city as a place 68 times, 'Пхёнчхан', 'Челси'. Their person mentions take the corpus's type;
so do a company's compound names ('с Новикомбанком', 'М.: Центрполиграф, 2018'), which are
organisations. An organisation's one word the corpus tags as a person far more often is a
person where no quotation mark opens it ('его в Троцком не привлекает').
A first name ('София', 'Каролина', 'Питер') and a surname of the corpus's full names stay
people whatever else the word names. An organisation's name headed by a noun of a place or a
venue ('в Колонном зале', 'на «Открытие Арене»') is a place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pyarrow as pa

from pipeline.nlp.gazetteer import adjectives, city_adjective, country_of_word, key
from pipeline.nlp.institutions import head_noun
from pipeline.nlp.ner import after_opening
from pipeline.nlp.normalize import phrase
from pipeline.nlp.not_names import heads_a_place, heads_a_state
from pipeline.stages.entities.common_words import compound_noun
from pipeline.stages.entities.people import dictionary_first_name, token_key

#: How many times more often, and at least how often, the corpus must tag a word otherwise.
_MORE, _AT_LEAST = 3, 5
_OTHER_TYPES = ("LOC", "ORG")
#: A one-word name compounded with a word that says it is a company or a body ('Новикомбанк',
#: 'Центрполиграф', 'Госкомвоенпром', 'Сахатранснефтегаз'), written from general knowledge of
#: Russian company names: an organisation whatever NER tagged it.
_COMPANY = re.compile(r"[а-яё]{3,}(?:банк|пром|инвест|газ|энерго|полиграф)")


def retyped(
    counts: Mapping[tuple[str, str], int], in_names: frozenset[str], first_names: frozenset[str]
) -> dict[str, str]:
    """Name key -> type, for the one-word person names (`counts`: mentions by type and name)
    that the corpus tags as a place or an organisation `_MORE` times as often (and at least
    `_AT_LEAST` times), or that are a company's compound name (`_COMPANY`); not a first name
    (the dictionary's, or the corpus's `first_names`, `people.token_key`s), nor a word of a
    longer person name (`in_names`, keys). And 'PER' for the one-word organisation names, not a
    first name, that the corpus tags as a person so much more often ('Троцкий', 'Макларен')."""
    by_key: dict[str, Counter] = {}
    for (kind, name), count in counts.items():
        by_key.setdefault(key(name), Counter())[kind] += count
    found = {}
    for kind, name in counts:
        name_key = key(name)
        if kind not in ("PER", "ORG") or " " in name:
            continue
        if token_key(name) in first_names or dictionary_first_name(name, singular=False):
            continue
        if kind == "ORG":
            if _far_more(by_key[name_key], "PER", by_key[name_key]["ORG"]):
                found[name_key] = "PER"
            continue
        if name_key in in_names:
            continue
        if _COMPANY.fullmatch(name.lower()) or compound_noun(name) == "ORG":
            found[name_key] = "ORG"
            continue
        types = by_key[name_key]
        other = max(_OTHER_TYPES, key=lambda t: (types[t], t))
        if _far_more(types, other, types["PER"]):
            found[name_key] = other
    return found


def _far_more(types: Counter, kind: str, than: int) -> bool:
    """Whether the corpus tags a name (`types`: its mentions by type) as `kind` `_MORE` times as
    often as `than` mentions, and `_AT_LEAST` times."""
    return types[kind] >= _AT_LEAST and types[kind] >= _MORE * than


def with_types(
    raw: pa.Table,
    types: Mapping[str, str],
    texts: Mapping[str, str],
    renamed: Mapping[str, str],
) -> pa.Table:
    """The raw mentions (RAW_MENTIONS) of articles with `texts` (by article_id), with the
    person mentions of a name in `types` (by key of its name) given that type, and those that
    name a body (`_body`) made organisations named by the nominative of their phrase ('Левой
    партии' -> 'Левая партия'); the organisation mentions of a name `types` makes a person's
    people, unless in quotation marks, a title named after the person ('в Троцком', but the
    film «Троцкий»); and the organisation mentions of a name headed by a noun of a place
    places (`not_names.heads_a_place`: 'Колонного зала', 'Открытие Арены'), and so do those of
    a state's name (`_state`: 'Третьего рейха'), named as the corpus reads the organisation's
    surface (`renamed`: 'Сочи Автодроме' -> 'Сочи Автодром')."""
    kinds = raw["type"].to_pylist()
    names = raw["name"].to_pylist()
    surfaces = raw["surface"].to_pylist()
    at = zip(raw["article_id"].to_pylist(), raw["start"].to_pylist(), strict=True)
    new_kinds, new_names = [], []
    for kind, name, surface, (article, start) in zip(kinds, names, surfaces, at, strict=True):
        if kind == "PER" and _body(surface):
            kind, name = "ORG", phrase(surface)
        elif kind == "PER" and " " not in name:
            kind = types.get(key(name), kind)
        elif kind == "ORG" and types.get(key(name)) == "PER" and not name.isupper():
            # Not a name in capitals, an abbreviation ('АН' of 'АН СССР', 'ПЕН'), whatever
            # people the corpus names 'Ан'.
            kind = "ORG" if after_opening(texts[article], start) else "PER"
        elif kind == "ORG" and (heads_a_place(name) or _state(name, texts[article], start)):
            kind, name = "LOC", renamed.get(surface, name)
        new_kinds.append(kind)
        new_names.append(name)
    if new_kinds == kinds and new_names == names:
        return raw
    raw = raw.set_column(
        raw.schema.get_field_index("type"), "type", pa.array(new_kinds, pa.string())
    )
    return raw.set_column(
        raw.schema.get_field_index("name"), "name", pa.array(new_names, pa.string())
    )


def _state(name: str, text: str, start: int) -> bool:
    """Whether an organisation's mention at text[start:] names a state by its head noun
    ('Третьим рейхом', 'Украинской народной республики'): no quotation mark opens it, which
    makes it a body's title ('движение «Молодая республика»')."""
    return heads_a_state(name) and not after_opening(text, start)


def _body(surface: str) -> bool:
    """Whether a person's span names a body: a word of it in lower case is the head noun of an
    institution ('Левой партии', 'фракция Левой партии' tagged as a person), which no
    particle of a name is ('аль', 'бен', 'фон', 'оглы')."""
    return any(word.islower() and head_noun(word) for word in surface.split()[1:])


def state_country(names: Mapping[str, int]) -> str | None:
    """The country that the most written of a place's `names` (name -> mentions) holding one
    holds as a state's name (`_state_country`): an abbreviation's group takes its full name's
    ('УНР' beside 'Украинская народная республика')."""
    ordered = sorted(names, key=lambda name: (-names[name], name))
    return next((country for name in ordered if (country := _state_country(name))), None)


def _state_country(name: str) -> str | None:
    """The country a state's name holds (`not_names.heads_a_state`) where the gazetteer does
    not list the name: a country named in it ('Республика Польша', 'Турецкая Республика
    Северного Кипра' -> CYP) or a country's adjective that opens it ('Чешская Республика',
    'Российская империя', 'Украинская народная республика'). Not an adjective after the noun,
    which names a people's state inside another ('Республика Сербская' is in Bosnia,
    'Республика Сербская Краина' was in Croatia), nor a city's adjective ('Казанское
    ханство'); none where the name holds none ('Третий рейх', 'Османская империя')."""
    if not heads_a_state(name):
        return None
    words = name.split()
    named = [country_of_word(w.lower()) for w in words[1:] if w[:1].isupper()]
    if any(named):
        return next(c for c in named if c)
    hits = adjectives(name)
    if hits and hits[0][0] == 0 and not city_adjective(words[0]):
        return hits[0][2]
    return None
