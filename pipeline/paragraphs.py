"""Stage: `articles` to `paragraphs`, with character offsets into `articles.text`. A paragraph's
text is a slice of its article's, so a build can hold paragraphs without it and cut the texts
from the articles when it needs them (`texts`, `with_texts`)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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


def texts(paragraphs: pa.Table, articles: pa.Table) -> Iterator[tuple[slice, pa.Array]]:
    """(rows, their texts) for the rows of `paragraphs` (`article_id`, `start`, `stop`, in the
    order of `articles`), cut from `articles.text` BATCH articles at a time."""
    position = pc.index_in(paragraphs["article_id"], value_set=articles["article_id"])
    if position.null_count:
        raise ValueError("paragraphs of articles that are not given")
    position = position.to_numpy(zero_copy_only=False)
    if (np.diff(position) < 0).any():
        raise ValueError("paragraphs must follow the order of their articles")
    starts, stops = paragraphs["start"].to_numpy(), paragraphs["stop"].to_numpy()
    column = articles["text"]
    for begin in range(0, articles.num_rows, BATCH):
        low, high = (int(i) for i in np.searchsorted(position, [begin, begin + BATCH]))
        batch = column.slice(begin, BATCH).to_pylist()
        cut = [batch[p - begin][a:b] for p, a, b in zip(position[low:high].tolist(),
               starts[low:high].tolist(), stops[low:high].tolist(), strict=True)]  # fmt: skip
        yield slice(low, high), pa.array(cut, pa.string())


def with_texts(paragraphs: pa.Table, articles: pa.Table) -> Iterator[pa.RecordBatch]:
    """`paragraphs` without their `text` column as record batches with it, in its place."""
    at = PARAGRAPHS_BASE.get_field_index("text")
    for rows, found in texts(paragraphs, articles):
        part = paragraphs.slice(rows.start, rows.stop - rows.start)
        yield from part.add_column(at, PARAGRAPHS_BASE.field("text"), found).to_batches()
