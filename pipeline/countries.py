"""Stage: `mentions` + `entities` + article texts to `country_mentions`: every place, adjective,
organisation and person that links a stretch of text to a country, with its paragraph and
sentence."""

from __future__ import annotations

from bisect import bisect_right

import pyarrow as pa

from pipeline.articles import Texts
from pipeline.gazetteer import adjectives, key, places
from pipeline.schema import COUNTRY_MENTIONS

_VIA_TYPE = {"ORG": "organisation", "PER": "actor"}

#: Country adjectives and demonyms of each article (the per-article cache stores them).
ADJECTIVES = pa.schema([
    ("article_id", pa.string()), ("start", pa.int32()), ("stop", pa.int32()),
    ("surface", pa.string()), ("country", pa.string()),
])  # fmt: skip


def find_adjectives(articles: pa.Table) -> pa.Table:
    """Every country adjective or demonym ('азербайджанский', 'британцы') in `articles.text`."""
    rows = [
        (article_id, start, stop, text[start:stop], country)
        for article_id, text in Texts(articles).items()
        for start, stop, country in adjectives(text)
    ]
    columns = list(zip(*rows, strict=True)) or [()] * len(ADJECTIVES)
    return pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, ADJECTIVES, strict=True)],
        schema=ADJECTIVES,
    )


def build_country_mentions(
    found_adjectives: pa.Table, sentences: pa.Table, mentions: pa.Table, entities: pa.Table
) -> pa.Table:
    """Mentions of entities with a country, and the adjectives (`find_adjectives`) outside
    every name."""
    info = {
        e["entity_id"]: e
        for e in entities.select(["entity_id", "name", "type", "country"]).to_pylist()
    }
    rows = []
    covered: dict[str, list[tuple[int, int]]] = {}
    kept = ("article_id", "paragraph", "sentence", "start", "stop", "surface")
    for m in mentions.select([*kept, "entity_id"]).to_pylist():
        e = info[m["entity_id"]]
        covered.setdefault(m["article_id"], []).append((m["start"], m["stop"]))
        if not e["country"]:
            continue
        place = places().get(key(e["name"]))
        via = _VIA_TYPE.get(e["type"]) or (place.via if place else "name")
        rows.append({**{k: m[k] for k in kept}, "country": e["country"], "via": via})
    where = _sentence_index(sentences)
    for hit in found_adjectives.to_pylist():
        article_id, start, stop = hit["article_id"], hit["start"], hit["stop"]
        if any(a < stop and start < b for a, b in covered.get(article_id, ())):
            continue  # inside a name: 'Азербайджанская Республика' counts once, as a name
        starts, numbers = where[article_id]
        paragraph, sentence = numbers[bisect_right(starts, start) - 1]
        rows.append({**hit, "paragraph": paragraph, "sentence": sentence, "via": "adjective"})
    rows.sort(key=lambda r: (r["article_id"], r["start"], r["stop"], r["country"]))
    return pa.Table.from_pylist(rows, schema=COUNTRY_MENTIONS)


def _sentence_index(sentences: pa.Table) -> dict[str, tuple[list[int], list[tuple[int, int]]]]:
    """Per article: its sentences' start offsets and their (paragraph, sentence) numbers."""
    index: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
    columns = ("article_id", "paragraph", "sentence", "start")
    for article_id, paragraph, sentence, start in zip(
        *(sentences.column(c).to_pylist() for c in columns), strict=True
    ):
        starts, numbers = index.setdefault(article_id, ([], []))
        starts.append(start)
        numbers.append((paragraph, sentence))
    return index
