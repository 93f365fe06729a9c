"""Stage: `mentions` + `entities` + article texts to `country_mentions`: every place, adjective,
organisation and person that links a stretch of text to a country."""

from __future__ import annotations

import pyarrow as pa

from pipeline.gazetteer import adjectives, key, places
from pipeline.schema import COUNTRY_MENTIONS

_VIA_TYPE = {"ORG": "organisation", "PER": "actor"}


def build_country_mentions(articles: pa.Table, mentions: pa.Table, entities: pa.Table) -> pa.Table:
    info = {
        e["entity_id"]: e
        for e in entities.select(["entity_id", "name", "type", "country"]).to_pylist()
    }
    rows = []
    covered: dict[str, list[tuple[int, int]]] = {}
    for m in mentions.select(["article_id", "start", "stop", "surface", "entity_id"]).to_pylist():
        e = info[m["entity_id"]]
        covered.setdefault(m["article_id"], []).append((m["start"], m["stop"]))
        if not e["country"]:
            continue
        place = places().get(key(e["name"]))
        via = _VIA_TYPE.get(e["type"]) or (place.via if place else "name")
        rows.append({**{k: m[k] for k in ("article_id", "start", "stop", "surface")},
                     "country": e["country"], "via": via})  # fmt: skip
    for article_id, text in zip(
        *(articles.column(c).to_pylist() for c in ("article_id", "text")), strict=True
    ):
        spans = covered.get(article_id, [])
        for start, stop, country in adjectives(text):
            if any(a < stop and start < b for a, b in spans):
                continue  # inside a name: 'Азербайджанская Республика' counts once, as a name
            surface = text[start:stop]
            rows.append({"article_id": article_id, "start": start, "stop": stop,
                         "surface": surface, "country": country, "via": "adjective"})  # fmt: skip
    rows.sort(key=lambda r: (r["article_id"], r["start"], r["stop"], r["country"]))
    return pa.Table.from_pylist(rows, schema=COUNTRY_MENTIONS)
