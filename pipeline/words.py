"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case, found per article (the build sorts them from the article cache). The dashboard's
text filter reads this index instead of every article's text."""

from __future__ import annotations

import pyarrow as pa

from pipeline.schema import WORDS
from pipeline.sql import query

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


def find_words(articles: pa.Table) -> pa.Table:
    """The `words` rows of a few articles, by article: what an incremental build keeps per
    article (pipeline.cache), so that it does not index every text again. A task on a worker:
    one thread."""
    return query(_DISTINCT + "ORDER BY article_id, word", WORDS, params=[WORD], threads=1,
                 articles=articles.select(["article_id", "title", "text"]))  # fmt: skip
