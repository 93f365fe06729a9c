"""Organisations named after places: a club is not its city.

A mention of a place's name (the gazetteer's, or one the corpus tags as a place somewhere) stands
for an organisation named after the place when it is written in quotation marks («Барселона»,
"Урал"), or when it is tagged as an organisation in a sentence about team sport ('нападающий
Краснодара', but not 'в Пхёнчхане'; `nlp.sport`). Such mentions are one organisation per name,
apart from the place: their own entity (type ORG), which does not link to the place's country.
Elsewhere the name is the place. When the name's other mentions are mostly not tagged as a
place, or only once ('Спартак', which the tagger calls a place three times among thousands), the
organisation is what the name means, and the two are one (`merge.build_entities`).
"""

from __future__ import annotations

from collections.abc import Mapping, Set

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import key, places
from pipeline.nlp.ner import Mention, quoted
from pipeline.nlp.sport import about_sport, after_preposition


def written_places(raw: pa.Table, renamed: Mapping[str, str], places_written: Set[str]) -> set[str]:
    """The entries of `places_written` (keys of names the corpus tags as a place) that the
    organisations of `raw` (RAW_MENTIONS) can be, named as NER normalised them or as the
    corpus reads their surfaces (`renamed`: 'Сент-Луиса' is 'Сент-Луис'): what a task needs
    of them. A task given fewer would find fewer clubs than one given them all."""
    organisations = raw.filter(pc.not_equal(raw["type"], "PER"))["name"]
    distinct = set(pc.unique(organisations).to_pylist()) | set(renamed.values())
    return {k for name in distinct if (k := key(name)) in places_written}


def named_after_places(
    mentions: list[Mention],
    texts: Mapping[str, str],
    sentences: pa.Table,
    places_written: Set[str],
) -> set[int]:
    """Indices of the `mentions` (whole articles) that name an organisation after a place."""
    gazetteer = places()
    found: set[int] = set()
    unquoted: dict[int, tuple[str, int]] = {}  # organisations, by their sentence
    for i, m in enumerate(mentions):
        if m.type == "PER" or ((k := key(m.name)) not in places_written and k not in gazetteer):
            continue
        text = texts[m.article_id]
        if quoted(text, m.start, m.stop):
            found.add(i)
        elif m.type == "ORG" and not after_preposition(text, m.start):
            unquoted[i] = (m.article_id, m.sentence)
    if not unquoted:
        return found
    articles = pa.array(sorted({article_id for article_id, _sentence in unquoted.values()}))
    rows = sentences.filter(pc.is_in(sentences["article_id"], value_set=articles))
    spans = {
        (article_id, sentence): (start, stop)
        for article_id, sentence, start, stop in zip(
            *(rows.column(c).to_pylist() for c in ("article_id", "sentence", "start", "stop")),
            strict=True,
        )
    }
    for i, at in unquoted.items():
        if at in spans and about_sport(texts[at[0]][slice(*spans[at])]):
            found.add(i)
    return found
