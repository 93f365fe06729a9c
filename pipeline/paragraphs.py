"""Stage: `articles` to `paragraphs`, with character offsets into `articles.text`. A paragraph's
text is a slice of its article's, so a build splits each chunk of articles again when it needs
their paragraphs, instead of holding them."""

from __future__ import annotations

import pyarrow as pa

from pipeline.schema import PARAGRAPHS_BASE
from pipeline.text import PARAGRAPH_SEP

#: Articles split at a time: their texts as Python strings are a small part of the corpus.
BATCH = 2_000


def _split(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns: dict[str, list] = {name: [] for name in PARAGRAPHS_BASE.names}
    ids, texts = (batch.column(i).to_pylist() for i in range(2))
    for article_id, text in zip(ids, texts, strict=True):
        start = 0
        for number, paragraph in enumerate(text.split(PARAGRAPH_SEP)):
            stop = start + len(paragraph)
            columns["article_id"].append(article_id)
            columns["paragraph"].append(number)
            columns["start"].append(start)
            columns["stop"].append(stop)
            columns["text"].append(paragraph)
            start = stop + len(PARAGRAPH_SEP)
    return pa.RecordBatch.from_pydict(columns, schema=PARAGRAPHS_BASE)


def build_paragraphs(articles: pa.Table) -> pa.Table:
    batches = articles.select(["article_id", "text"]).to_batches(BATCH)
    return pa.Table.from_batches([_split(b) for b in batches], PARAGRAPHS_BASE).combine_chunks()
