"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case. The dashboard's text filter reads this index instead of every article's text."""

from __future__ import annotations

import pyarrow as pa

from pipeline.schema import WORDS
from pipeline.sql import query

#: A word: a run of letters and digits (RE2's Unicode classes, as the dashboard's filter uses).
WORD = r"[\pL\pN]+"


def build_words(articles: pa.Table) -> pa.Table:
    return query(
        """
        SELECT DISTINCT word, article_id
        FROM (
            SELECT article_id, unnest(regexp_extract_all(lower(title || ' ' || text), ?)) AS word
            FROM articles
        )
        ORDER BY word, article_id
        """,
        WORDS,
        params=[WORD],
        articles=articles.select(["article_id", "title", "text"]),
    )
