"""Stage: `articles` to `words`: every distinct word of each article's title and text, in
lower case, found per article (`find_words`) and sorted by word over the corpus
(`index_words`). The dashboard's text filter reads this index instead of every article's
text, and finds the words that hold a typed word in its `vocabulary` (`index_vocabulary`)
instead of in every row of the index."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.runtime.parquet import write_batches
from pipeline.runtime.sql import batches, query
from pipeline.schema import VOCABULARY, WORDS

if TYPE_CHECKING:
    from pipeline.runtime.corpus import Corpus

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
    article (runtime.cache), so that it does not index every text again. A task on a worker:
    one thread."""
    return query(
        _DISTINCT + "ORDER BY article_id, word",
        WORDS,
        params=[WORD],
        threads=1,
        articles=articles.select(["article_id", "title", "text"]),
    )


def index_words(corpus: Corpus, path: Path) -> tuple[int, str]:
    """Write the `words` index of the `corpus` to `path`, sorted by word: each chunk's words
    (found per article, in its cache) go to a file beside `path`, which DuckDB sorts, spilling
    to disk (a sort stays within its working memory; a DISTINCT over the cache's files did
    not). Returns its rows and SHA-256 (runtime.parquet.write_batches)."""
    with tempfile.TemporaryDirectory(prefix=".words-", dir=path.parent) as tmp:
        by_article = Path(tmp) / "by-article.parquet"
        write_batches((chunk["words"] for chunk in corpus.chunks(["words"])), WORDS, by_article)
        return write_batches(
            batches(
                "SELECT word, article_id FROM read_parquet(?) ORDER BY word, article_id",
                params=[str(by_article)],
            ),
            WORDS,
            path,
        )


#: The distinct words of `words` (the parameter), with their articles, sorted by word.
_VOCABULARY = """
    SELECT word, count(*) AS articles FROM read_parquet(?) GROUP BY word ORDER BY word
"""


def index_vocabulary(words: Path, path: Path) -> tuple[int, str]:
    """Write the `vocabulary` of the `words` index at `words` to `path`: a few hundred thousand
    rows, scanned for the words that hold a typed word, whose rows the text filter then reads
    in the index's row groups of those words alone. Returns its rows and SHA-256."""
    return write_batches(batches(_VOCABULARY, params=[str(words)]), VOCABULARY, path)
