"""A build's corpus read back a chunk of articles at a time: the articles, the rows of their
per-article tables (from the article cache) and of tables the build has written, all in the
order of the articles' ids. The corpus-wide stages read it so, never holding every article's
rows at once."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.runtime.memory import release_memory
from pipeline.runtime.parquet import Cursor, bounds, parts

if TYPE_CHECKING:
    from pipeline.runtime.cache import ArticleCache

#: Articles per chunk of the corpus-wide stages. Alias merging and topics run side by side
#: and their chunks' working memory adds up, so a chunk is kept small (docs/benchmarks.md).
CHUNK_ARTICLES = 500


class Corpus:
    """A build's `articles` table (a Parquet file sorted by id) and the per-article tables of
    the `store` that holds them all, read CHUNK_ARTICLES articles at a time."""

    def __init__(self, articles: Path, store: ArticleCache) -> None:
        self.path = articles
        self.store = store
        heads = pq.read_table(articles, columns=["article_id", "title_stop"])
        self.ids = heads["article_id"]
        #: The ids of the articles whose text begins with a headline.
        self.headlines = self.ids.filter(pc.greater(heads["title_stop"], 0)).combine_chunks()

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def chunked(self) -> int:
        """How many chunks `chunks` yields."""
        return -(-len(self) // CHUNK_ARTICLES)

    def articles(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        """The articles (or some of their `columns`), CHUNK_ARTICLES at a time."""
        return parts(self.path, CHUNK_ARTICLES, columns)

    def chunks(
        self,
        names: Collection[str] = (),
        files: Mapping[str, Path] | None = None,
        columns: list[str] | None = None,
    ) -> Iterator[dict[str, pa.Table]]:
        """Per chunk: its `articles` (or only their `columns`: a pass that reads the texts need not
        decode the rest) and its rows of the cached tables `names` and of the written tables
        `files` (name -> Parquet file sorted by `article_id`)."""
        ends = bounds(self.ids.to_pylist(), CHUNK_ARTICLES)
        cached = self.store.chunks(names, ends)
        written = {
            name: Cursor(parts(path), pq.read_schema(path)) for name, path in (files or {}).items()
        }
        for chunk_articles, end in zip(self.articles(columns), ends, strict=True):
            yield {
                "articles": chunk_articles,
                **next(cached),
                **{name: cursor.upto(end) for name, cursor in written.items()},
            }
            release_memory()  # what the chunk's stage freed


def by_article(table: pa.Table, columns: list[str]) -> dict[str, list[tuple]]:
    """The `columns` of each row of `table`, as tuples, by its `article_id`, in row order."""
    found: dict[str, list[tuple]] = {}
    values = (table[c].to_pylist() for c in ["article_id", *columns])
    for article_id, *row in zip(*values, strict=True):
        found.setdefault(article_id, []).append(tuple(row))
    return found


class Texts(Mapping[str, str]):
    """Article texts by id, taken from the `articles` table when asked (the last one kept, as
    stages read article by article): a stage never holds every text as a Python string."""

    def __init__(self, articles: pa.Table) -> None:
        self._column = articles.column("text")
        self._row = {a: i for i, a in enumerate(articles.column("article_id").to_pylist())}
        self._last: tuple[str | None, str] = (None, "")

    def __getitem__(self, article_id: str) -> str:
        if self._last[0] != article_id:
            self._last = (article_id, self._column[self._row[article_id]].as_py())
        return self._last[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)
