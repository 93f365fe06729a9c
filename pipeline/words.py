"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case. The dashboard's text filter reads this index instead of every article's text."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from pipeline.schema import WORDS
from pipeline.sql import batches, query

#: A word: a run of letters and digits (RE2's Unicode classes, as the dashboard's filter uses).
WORD = r"[\pL\pN]+"


#: Each article's distinct words, as `words` rows.
_DISTINCT = """
    SELECT DISTINCT word, article_id
    FROM (
        SELECT article_id, unnest(regexp_extract_all(lower(title || ' ' || text), ?)) AS word
        FROM articles
    )
"""


def build_words(articles: pa.Table) -> Iterator[pa.RecordBatch]:
    """The `words` table (schema.WORDS) in batches: it is the largest table, written as it comes."""
    return batches(_DISTINCT + "ORDER BY word, article_id", params=[WORD],
                   articles=articles.select(["article_id", "title", "text"]))  # fmt: skip


def find_words(articles: pa.Table) -> pa.Table:
    """The `words` rows of a few articles, by article: what an incremental build keeps per
    article (pipeline.cache), so that it does not index every text again. A task on a worker:
    one thread."""
    return query(_DISTINCT + "ORDER BY article_id, word", WORDS, params=[WORD], threads=1,
                 articles=articles.select(["article_id", "title", "text"]))  # fmt: skip
