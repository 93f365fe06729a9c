"""Stage: `mentions` + `entities` + article texts to `country_mentions`: every place, adjective,
organisation and person that links a stretch of text to a country, with its paragraph and
sentence. A country or capital named right after a word for a part of a country ('штат
Джорджия', 'округ Колумбия', 'штат Вашингтон') is that part, and links to nothing; so does a
capital that stands for the union seated there rather than its country ('требования
Брюсселя', 'Брюссель принял решение': the EU), and a city that stands for the talks held there
('провал Женевы', 'Астана и Женева': the talks on Syria), unless it is a place ('в Брюсселе',
'в Женеве')."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.adjective_uses import adjective_before, not_country
from pipeline.nlp.gazetteer import adjectives, after_subdivision, key, places
from pipeline.nlp.media import MEDIUM
from pipeline.runtime.corpus import Texts
from pipeline.runtime.parquet import from_rows
from pipeline.runtime.sql import query
from pipeline.schema import COUNTRY_MENTIONS, before_headlines, in_article_order

_VIA_TYPE = {"ORG": "organisation", "PER": "actor"}
#: Cities the news name a union or talks by, for what is seated or held there: Brussels for
#: the EU (and NATO), whose decisions, demands and talks are "Брюсселя", not Belgium's; Geneva
#: for the UN's talks there ("провал Женевы", "площадки Астаны и Женевы"), not Switzerland's.
_SEATS = frozenset({"брюссель", "женева"})
#: A preposition of place right before a name, or before a name coordinated with it: the city
#: is a place there ('в Брюсселе', 'из Брюсселя', 'через Брюссель', 'в Астане и Женеве'), in
#: its country.
_AT_A_PLACE = re.compile(
    r"(?<![\w-])(?i:в|во|из|до|через|под|около|близ|вблизи|возле|вокруг)\s+"
    r"(?:[А-ЯЁ][\w-]*\s*(?:,|и)\s+)?$",
)

#: Country adjectives and demonyms of each article (the per-article cache stores them).
ADJECTIVES = pa.schema(
    [
        ("article_id", pa.string()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("surface", pa.string()),
        ("country", pa.string()),
    ]
)


def find_adjectives(articles: pa.Table) -> pa.Table:
    """Every country adjective or demonym ('азербайджанский', 'британцы') in `articles.text`."""
    rows = [
        (article_id, start, stop, text[start:stop], country)
        for article_id, text in Texts(articles).items()
        for start, stop, country in adjectives(text)
    ]
    return from_rows(rows, ADJECTIVES)


def build_country_mentions(
    found_adjectives: pa.Table,
    sentences: pa.Table,
    mentions: pa.Table,
    entities: pa.Table,
    articles: pa.Table,
) -> pa.Table:
    """Mentions of entities with a country, and the adjectives (`find_adjectives`) outside
    every name, each with its paragraph and sentence; `articles` gives the texts. A medium
    links its text to no country (RT is Russian, but 'в беседе с RT' is not about Russia), nor
    does an adjective that names a language, a breed, a dish or a people abroad
    (`adjective_uses.not_country`: 'на английском языке', 'сербы Боснии')."""
    linked = entities.filter(
        pc.and_(pc.is_valid(entities["country"]), pc.not_equal(entities["type"], MEDIUM))
    )
    via = pa.array(
        [
            _VIA_TYPE.get(kind) or (place.via if (place := places().get(key(name))) else "name")
            for kind, name in zip(
                linked["type"].to_pylist(), linked["name"].to_pylist(), strict=True
            )
        ],
        pa.string(),
    )
    spelled = {  # places that spell a country or a capital
        entity_id
        for entity_id, how in zip(linked["entity_id"].to_pylist(), via.to_pylist(), strict=True)
        if how in ("name", "capital")
    }
    seats = {
        entity_id
        for entity_id, name, how in zip(
            linked["entity_id"].to_pylist(),
            linked["name"].to_pylist(),
            via.to_pylist(),
            strict=True,
        )
        if how in ("capital", "city") and key(name) in _SEATS
    }
    named = mentions.select(
        ["article_id", "paragraph", "sentence", "start", "stop", "surface", "entity_id"]
    )
    texts = Texts(articles)
    return query(
        """
        SELECT m.article_id, m.paragraph, m.sentence, m.start, m.stop, m.surface, e.country, e.via
        FROM linking m JOIN linked e USING (entity_id)
        UNION ALL
        SELECT a.article_id, s.paragraph, s.sentence, a.start, a.stop, a.surface, a.country,
               'adjective'
        FROM adjectives a
        ASOF JOIN sentences s ON a.article_id = s.article_id AND a.start >= s.start
        WHERE NOT EXISTS (  -- inside a name: 'Азербайджанская Республика' counts once, as a name
            SELECT 1 FROM mentions m
            WHERE m.article_id = a.article_id AND m.start < a.stop AND a.start < m.stop
        )
        ORDER BY article_id, start, stop, country, via, surface
        """,
        before_headlines(in_article_order(COUNTRY_MENTIONS)),
        linking=_without_other_owners(
            _without_subdivisions(named, spelled, seats, texts), _owners(linked, via), texts
        ),
        mentions=named,
        linked=linked.select(["entity_id", "country"]).append_column("via", via),
        adjectives=_naming_countries(found_adjectives, texts),
        sentences=sentences.select(["article_id", "paragraph", "sentence", "start"]),
    )


def _naming_countries(found: pa.Table, texts: Texts) -> pa.Table:
    """The adjectives of `found` that name their country: not a language, a manner, a breed, a
    set expression or a people living in another state."""
    keep = [
        not_country(texts[article_id], start, stop, country) is None
        for article_id, start, stop, country in zip(
            *(found[c].to_pylist() for c in ("article_id", "start", "stop", "country")),
            strict=True,
        )
    ]
    return found.filter(pa.array(keep, pa.bool_()))


def _without_subdivisions(
    mentions: pa.Table, spelled: set[str], seats: set[str], texts: Texts
) -> pa.Table:
    """`mentions` without those of `spelled` places right after a word for a part of a
    country ('штат Джорджия'), nor those of `seats` that stand for their union (`_for_union`)."""
    keep = [
        (entity_id not in spelled or not after_subdivision(texts[article_id], start))
        and (entity_id not in seats or not _for_union(texts[article_id], start))
        for article_id, start, entity_id in zip(
            *(mentions[c].to_pylist() for c in ("article_id", "start", "entity_id")), strict=True
        )
    ]
    return mentions.filter(pa.array(keep, pa.bool_()))


def _owners(linked: pa.Table, via: pa.Array) -> dict[str, str]:
    """The country of each organisation among the `linked` entities (their `via`)."""
    return {
        entity_id: country
        for entity_id, country, how in zip(
            linked["entity_id"].to_pylist(),
            linked["country"].to_pylist(),
            via.to_pylist(),
            strict=True,
        )
        if how == "organisation"
    }


def _without_other_owners(mentions: pa.Table, owners: dict[str, str], texts: Texts) -> pa.Table:
    """`mentions` without those of the organisations of `owners` (entity -> country) right
    after another country's adjective: 'британским Кабинетом министров' is not the Ukrainian
    cabinet the corpus's bare 'Кабинет министров' mostly is, 'российскому Тихоокеанскому
    флоту' not the American one (the adjective links its own country)."""
    keep = [
        entity_id not in owners
        or adjective_before(texts[article_id], start) in (None, owners[entity_id])
        for article_id, start, entity_id in zip(
            *(mentions[c].to_pylist() for c in ("article_id", "start", "entity_id")), strict=True
        )
    ]
    return mentions.filter(pa.array(keep, pa.bool_()))


def _for_union(text: str, start: int) -> bool:
    """Whether a union's seat at text[start:] stands for the union: no preposition of place
    before it ('позиция Брюсселя', 'переговоры с Брюсселем', 'Брюссель настаивает'; not 'в
    Брюсселе', 'из Брюсселя', 'в Астане и Женеве')."""
    return not _AT_A_PLACE.search(text, max(0, start - 40), start)
