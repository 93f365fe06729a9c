"""Per-article stage: sentences to raw entity mentions (`raw_mentions`, cached per article),
and the conversions between that table and the Mention records alias merging reads."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.institutions import refer_back
from pipeline.nlp.models import plain_hyphens
from pipeline.nlp.ner import Mention, find_mentions
from pipeline.nlp.not_names import not_a_name

#: Raw mentions as a table (the per-article cache stores them): `seq` keeps their order.
RAW_MENTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("seq", pa.int32()),
        ("paragraph", pa.int32()),
        ("sentence", pa.int32()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("surface", pa.string()),
        ("type", pa.string()),
        ("name", pa.string()),
        ("gender", pa.string()),
        ("readings", pa.list_(pa.struct([("score", pa.float64()), ("name", pa.string())]))),
    ]
)


def mentions_table(mentions: list[Mention]) -> pa.Table:
    """Raw mentions (in article order) as a RAW_MENTIONS table."""
    seq, previous, number = [], None, 0
    for m in mentions:
        number = number + 1 if m.article_id == previous else 0
        previous = m.article_id
        seq.append(number)
    columns = {
        name: [getattr(m, name) for m in mentions]
        for name in RAW_MENTIONS.names
        if name not in ("seq", "readings")
    }
    columns["seq"] = seq
    columns["readings"] = [[{"score": s, "name": n} for s, n in m.readings] for m in mentions]
    return pa.Table.from_pydict(columns, schema=RAW_MENTIONS)


def _shared(column: pa.ChunkedArray) -> list:
    """The column's values as Python objects, one object per distinct value (a corpus repeats
    its ids, types and names over hundreds of thousands of mentions)."""
    encoded = column.combine_chunks().dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    return [distinct[i] for i in encoded.indices.to_numpy(zero_copy_only=False)]


def reading_key(surface: str, gender: str | None) -> str:
    """What a person's readings depend on: the surface and the gender its sentence shows."""
    return f"{gender or ''}|{surface}"


def reading_parts(reading: str) -> tuple[str, str | None]:
    """The surface and shown gender of a `reading_key`."""
    gender, _bar, surface = reading.partition("|")
    return surface, gender or None


def reading_keys(table: pa.Table) -> pa.Array:
    """`reading_key` of each row of a RAW_MENTIONS table."""
    genders = pc.fill_null(table["gender"], "")
    return pc.binary_join_element_wise(genders, table["surface"], "|").combine_chunks()


def mentions_from_table(table: pa.Table, chosen: Mapping[str, tuple[str, ...]]) -> list[Mention]:
    """The Mention records of a RAW_MENTIONS table, sorted by article and position; a person
    whose `reading_key` is in `chosen` takes the name chosen there, and keeps the other
    readings (with no score) for the choice one article can still make."""
    table = table.sort_by([("article_id", "ascending"), ("seq", "ascending")])
    strings = {
        name: _shared(table.column(name)) for name in ("article_id", "surface", "type", "name")
    }
    strings["gender"] = [g or None for g in _shared(pc.fill_null(table.column("gender"), ""))]
    numbers = [
        table.column(name).to_numpy().tolist()
        for name in ("paragraph", "sentence", "start", "stop")
    ]
    rows = zip(strings["surface"], strings["gender"], strings["type"], strings["name"], strict=True)
    found = [chosen.get(reading_key(s, g), (n,)) if k == "PER" else (n,) for s, g, k, n in rows]
    return [
        Mention(
            article_id,
            paragraph,
            sentence,
            start,
            stop,
            surface,
            kind,
            names[0],
            gender,
            tuple((0.0, other) for other in names[1:]),
        )
        for article_id, paragraph, sentence, start, stop, surface, kind, names, gender in zip(
            strings["article_id"],
            *numbers,
            strings["surface"],
            strings["type"],
            found,
            strings["gender"],
            strict=True,
        )
    ]


def surface_readings(table: pa.Table) -> dict[str, tuple[tuple[float, str], ...]]:
    """`reading_key` -> its readings, for the keys with any: the first row's of those with
    the most readings. A name that is a sentence of its own has only its nominative readings
    ('Тимофея Мозгова' under a photo); elsewhere the same surface has them all."""
    with_readings = table.filter(pc.greater(pc.list_value_length(table["readings"]), 0))
    keys = reading_keys(with_readings)
    codes = pc.index_in(keys, value_set=pc.unique(keys)).to_numpy()
    most = -pc.list_value_length(with_readings["readings"]).to_numpy()
    order = np.lexsort((np.arange(len(codes)), most, codes))
    _distinct, first = np.unique(codes[order], return_index=True)
    first = pa.array(np.sort(order[first]))
    return {
        key: tuple((r["score"], r["name"]) for r in found)
        for key, found in zip(
            keys.take(first).to_pylist(),
            with_readings["readings"].take(first).to_pylist(),
            strict=True,
        )
    }


def extract_mentions(articles: pa.Table, sentences: pa.Table) -> pa.Table:
    """Raw mentions (RAW_MENTIONS) of `articles` (`article_id`, `text`), in article order: NER
    over all their `sentences` at once (batched across articles), then cleaned and normalised.
    pipeline.stages.analyse runs it over chunks of a corpus."""
    by_article: dict[str, list[tuple[int, int, int, int]]] = {}
    columns = ("article_id", "paragraph", "sentence", "start", "stop")
    for article_id, *sentence in zip(
        *(sentences.column(c).to_pylist() for c in columns), strict=True
    ):
        by_article.setdefault(article_id, []).append(tuple(sentence))
    ids, texts = articles.column("article_id").to_pylist(), articles.column("text").to_pylist()
    found = find_mentions([(a, t, by_article.get(a, [])) for a, t in zip(ids, texts, strict=True)])
    text_of = dict(zip(ids, texts, strict=True))
    plain = {article_id: plain_hyphens(text) for article_id, text in text_of.items()}
    named = [m for m in found if not not_a_name(plain[m.article_id], m.start, m.stop, m.type)]
    return mentions_table(_institutions_named(named, text_of))


def _institutions_named(mentions: list[Mention], text_of: Mapping[str, str]) -> list[Mention]:
    """The mentions with each organisation named by an institution's head alone given the full
    name its article gave before ('Комитет' -> 'Антимонопольный комитет Украины'), or dropped
    when it names no one (`nlp.institutions.refer_back`)."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type == "ORG":
            by_article.setdefault(m.article_id, []).append(m)
    dropped = set()
    for article_id, found in by_article.items():
        text = text_of[article_id]
        spans = [(m.start, m.stop, m.surface, m.name) for m in found]
        for m, name in zip(found, refer_back(text, spans), strict=True):
            if name is None:
                dropped.add(id(m))
            else:
                m.name = name
    return [m for m in mentions if id(m) not in dropped]
