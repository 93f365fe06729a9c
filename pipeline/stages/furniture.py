"""Per-article stage: page furniture (nlp.furniture) as `furniture` rows, and the text the other
per-article stages read, with furniture blanked out: the same offsets, nothing of it analysed."""

from __future__ import annotations

import pyarrow as pa

from pipeline.nlp.furniture import find_furniture
from pipeline.runtime.corpus import by_article
from pipeline.runtime.parquet import from_rows
from pipeline.schema import FURNITURE, before_headlines

#: Furniture as this stage finds it (the article cache keeps it so).
FOUND = before_headlines(FURNITURE)


def find_furniture_table(articles: pa.Table, paragraphs: pa.Table) -> pa.Table:
    """The furniture of `articles` (with `title_stop`), in their `paragraphs`: FOUND rows in
    article offsets, by article and position."""
    paragraphs_of = by_article(paragraphs, ["start", "text"])
    heads = dict(zip(*(articles[c].to_pylist() for c in ("article_id", "title_stop")), strict=True))
    rows = []
    for article_id, found in paragraphs_of.items():
        starts, texts = zip(*found, strict=True)
        body = 1 if heads.get(article_id) else 0
        for paragraph, start, stop, kind in find_furniture(list(texts), body):
            offset = starts[paragraph]
            rows.append((article_id, paragraph, offset + start, offset + stop, kind))
    return from_rows(rows, FOUND)


def blanked(articles: pa.Table, furniture: pa.Table) -> pa.Table:
    """`articles` with the characters of their `furniture` replaced by spaces (paragraph
    separators stay): what the other per-article stages read."""
    if furniture.num_rows == 0:
        return articles
    spans = by_article(furniture, ["start", "stop"])
    texts = []
    for article_id, text in zip(
        articles["article_id"].to_pylist(), articles["text"].to_pylist(), strict=True
    ):
        for start, stop in spans.get(article_id, ()):
            text = text[:start] + " " * (stop - start) + text[stop:]
        texts.append(text)
    index = articles.schema.get_field_index("text")
    return articles.set_column(index, "text", pa.array(texts, pa.string()))
