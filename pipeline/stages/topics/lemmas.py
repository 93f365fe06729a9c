"""Per-article stage: each paragraph's content lemmas (`lemmas`, cached per article), what the
topic stage counts."""

from __future__ import annotations

import pyarrow as pa

from pipeline.nlp.lemmas import paragraph_lemmas

#: The paragraph lemmas of each article (the per-article cache stores them): each content word's
#: lemma, its offsets in the article and whether it names a place or organisation.
LEMMAS = pa.schema(
    [
        ("article_id", pa.string()),
        ("paragraph", pa.int32()),
        ("lemma", pa.list_(pa.string())),
        ("start", pa.list_(pa.int32())),
        ("stop", pa.list_(pa.int32())),
        ("proper", pa.list_(pa.bool_())),
    ]
)


def find_lemmas(paragraphs: pa.Table) -> pa.Table:
    """The content lemmas of each paragraph (`article_id`, `paragraph`, `start`, `text`), with
    their offsets in the article."""
    columns: dict[str, list] = {name: [] for name in LEMMAS.names}
    for batch in paragraphs.select(["article_id", "paragraph", "start", "text"]).to_batches():
        for article_id, number, offset, text in zip(
            *(c.to_pylist() for c in batch.columns), strict=True
        ):
            found = [
                (lemma, offset + start, offset + stop, proper)
                for lemma, start, stop, proper in paragraph_lemmas(text)
            ]
            values = [
                article_id,
                number,
                *(map(list, zip(*found, strict=True)) if found else ([], [], [], [])),
            ]
            for name, value in zip(LEMMAS.names, values, strict=True):
                columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=LEMMAS)
