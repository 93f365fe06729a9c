"""Stage: `paragraphs` to `sentences` (razdel), offsets into `articles.text`."""

from __future__ import annotations

import pyarrow as pa
from razdel import sentenize

from pipeline.schema import SENTENCES, before_headlines

#: Sentences as this stage finds them (the article cache keeps them so).
FOUND = before_headlines(SENTENCES)


def build_sentences(paragraphs: pa.Table) -> pa.Table:
    columns: dict[str, list] = {name: [] for name in FOUND.names}
    article = None
    for article_id, paragraph, start, text in zip(
        *(paragraphs.column(c).to_pylist() for c in ("article_id", "paragraph", "start", "text")),
        strict=True,
    ):
        if article_id != article:
            article, number = article_id, 0
        for sentence in sentenize(text):
            columns["article_id"].append(article_id)
            columns["paragraph"].append(paragraph)
            columns["sentence"].append(number)
            columns["start"].append(start + sentence.start)
            columns["stop"].append(start + sentence.stop)
            number += 1
    return pa.Table.from_pydict(columns, schema=FOUND)
