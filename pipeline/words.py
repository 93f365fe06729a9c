"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case. The dashboard's text filter reads this index instead of every article's text."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.schema import WORDS

#: A word: a run of letters and digits (RE2's Unicode classes, as the dashboard's filter uses).
WORD = r"[\pL\pN]+"


#: DuckDB's working memory for the index; beyond it, it spills to the system's temp folder.
MEMORY_LIMIT = "256MB"


def build_words(articles: pa.Table) -> pa.Table:
    spill = Path(tempfile.gettempdir()) / "obzor-duckdb"
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)})
    con.execute("SET enable_progress_bar = false")
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
