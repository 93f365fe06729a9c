"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case. The dashboard's text filter reads this index instead of every article's text."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipeline.schema import WORDS

#: A word: a run of letters and digits (RE2's Unicode classes, as the dashboard's filter uses).
WORD = r"[\pL\pN]+"


def build_words(articles: pa.Table) -> pa.Table:
    con = duckdb.connect()
    con.register("articles", articles.select(["article_id", "title", "text"]))
    found = con.sql(
        """
        SELECT DISTINCT word, article_id
        FROM (
            SELECT article_id, unnest(regexp_extract_all(lower(title || ' ' || text), ?)) AS word
            FROM articles
        )
        ORDER BY word, article_id
        """,
        params=[WORD],
    ).to_arrow_table()
    return found.cast(WORDS)
