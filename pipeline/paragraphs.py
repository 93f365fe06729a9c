"""Stage: `articles` to `paragraphs`, with character offsets into `articles.text`."""

from __future__ import annotations

import pyarrow as pa

from pipeline.schema import PARAGRAPHS_BASE
from pipeline.text import PARAGRAPH_SEP


def build_paragraphs(articles: pa.Table) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in PARAGRAPHS_BASE.names}
    ids = articles.column("article_id").to_pylist()
    texts = articles.column("text").to_pylist()
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
    return pa.Table.from_pydict(columns, schema=PARAGRAPHS_BASE)
