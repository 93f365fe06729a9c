"""A build's corpus read back a chunk of articles at a time: the articles, the rows of their
per-article tables (from the article cache) and of tables the build has written, all in the
order of the articles' ids. The corpus-wide stages read it so, never holding every article's
rows at once."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

if TYPE_CHECKING:
    from pipeline.cache import ArticleCache

try:
    _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _LIBC.malloc_trim  # glibc only  # noqa: B018
except (OSError, AttributeError):
    _LIBC = None

#: Articles per chunk of the corpus-wide stages. Alias merging and topics run side by side,
#: and their chunks' working memory adds up: at 110k articles the build peaked there at 1,280
#: MB with chunks of 1,000 and at 1,045 MB with 500 (at 11.5k, 968-984 and 843-877 MB).
CHUNK = 500
#: Rows of a written table read at a time.
READ_ROWS = 1 << 16


#: mallopt parameters (glibc's malloc.h).
_M_MMAP_THRESHOLD, _M_ARENA_MAX = -3, -8


def settle_allocator() -> None:
    """Keep glibc from holding on to freed memory in a long build: blocks of 1 MB or more are
    mapped and unmapped on their own (glibc otherwise raises that threshold to the largest
    block freed, up to 32 MB, and serves such blocks from a heap that fragments), and threads
    share two heaps. With chunks of 500 articles, the build's peak from the cache at 110k
    articles fell from 1,112 to 1,036-1,064 MB, and at 11.5k from 926-944 to 900-911 MB."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_MMAP_THRESHOLD, 1 << 20)
        _LIBC.mallopt(_M_ARENA_MAX, 2)


def release_memory() -> None:
    """Give the memory freed since back to the OS: glibc's heap and Arrow's pool keep it
    otherwise, and resident memory only grows (at 11.5k articles, releasing after every chunk
    lowered the build's peak from 1,151 to 1,031-1,066 MB, in the same time)."""
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def bounds(ids: list[str], size: int) -> list[str]:
    """The last of each `size` of the sorted `ids`: where chunks of that many articles end."""
    ids = sorted(ids)
    return [ids[min(begin + size, len(ids)) - 1] for begin in range(0, len(ids), size)]


class Cursor:
    """A stream of tables of `schema` sorted by `article_id`, taken up to an article at a
    time."""

    def __init__(self, parts: Iterator[pa.Table], schema: pa.Schema) -> None:
        self._parts = parts
        self._schema = schema
        self._head: pa.Table | None = None

    def upto(self, last: str) -> pa.Table:
        """The next rows whose `article_id` is `last` or before it."""
        taken = self._taken(last)
        return pa.concat_tables(taken).cast(self._schema) if taken else self._schema.empty_table()

    def _taken(self, last: str) -> list[pa.Table]:
        taken = []
        while True:
            if self._head is None or self._head.num_rows == 0:
                self._head = next(self._parts, None)
                if self._head is None:
                    return taken
                continue
            ids = self._head["article_id"]
            if ids[-1].as_py() <= last:
                taken.append(self._head)
                self._head = None
                continue
            count = pc.sum(pc.less_equal(ids, last)).as_py() or 0
            taken.append(self._head.slice(0, count))
            self._head = self._head.slice(count)
            return taken


def rechunk(tables: Iterable[pa.Table], rows: int) -> Iterator[pa.Table]:
    """The rows of `tables`, in order, `rows` at a time (the last part fewer)."""
    held: pa.Table | None = None
    for table in tables:
        held = table if held is None else pa.concat_tables([held, table])
        while held.num_rows >= rows:
            yield held.slice(0, rows)
            held = held.slice(rows)
    if held is not None and held.num_rows:
        yield held


def parts(
    path: Path, rows: int = READ_ROWS, columns: list[str] | None = None
) -> Iterator[pa.Table]:
    """A Parquet file (or some of its `columns`) `rows` rows at a time (the last part fewer).
    Each row group is decoded `rows` at a time by a reader of its own: a whole group held
    while it is sliced cost 36 MB of Arrow memory per cursor for the cache's lemmas (2,000
    articles a group), and one reader over every group keeps some memory per group until it
    is done (215 MB over the 743 groups of 100k articles' words)."""
    file = pq.ParquetFile(path)
    return rechunk(
        (
            pa.Table.from_batches([batch])
            for group in range(file.metadata.num_row_groups)
            for batch in file.iter_batches(rows, row_groups=[group], columns=columns)
        ),
        rows,
    )


class Corpus:
    """A build's `articles` table (a Parquet file sorted by id) and the per-article tables of
    the `store` that holds them all, read CHUNK articles at a time."""

    def __init__(self, articles: Path, store: ArticleCache) -> None:
        self.path = articles
        self.store = store
        self.ids = pq.read_table(articles, columns=["article_id"])["article_id"]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def chunked(self) -> int:
        """How many chunks `chunks` yields."""
        return -(-len(self) // CHUNK)

    def articles(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        """The articles (or some of their `columns`), CHUNK at a time."""
        return parts(self.path, CHUNK, columns)

    def chunks(
        self, names: Collection[str] = (), files: Mapping[str, Path] | None = None
    ) -> Iterator[dict[str, pa.Table]]:
        """Per chunk: its `articles` and its rows of the cached tables `names` and of the
        written tables `files` (name -> Parquet file sorted by `article_id`)."""
        ends = bounds(self.ids.to_pylist(), CHUNK)
        cached = self.store.chunks(names, ends)
        written = {
            name: Cursor(parts(path), pq.read_schema(path)) for name, path in (files or {}).items()
        }
        for chunk_articles, end in zip(self.articles(), ends, strict=True):
            yield {
                "articles": chunk_articles,
                **next(cached),
                **{name: cursor.upto(end) for name, cursor in written.items()},
            }
            release_memory()  # what the chunk's stage freed
