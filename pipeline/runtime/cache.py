"""Per-article results kept between builds, so a rebuild analyses only new or changed articles.

An article's results (its sentences, raw entity mentions, calendar references, words...) depend
only on its text, title and publication date, so they are stored under a key hashed from those, in a
directory named after the pipeline version: the package version plus a digest of the
pipeline's code and data files. Any change to either starts an empty cache (older versions are
deleted, except those a running build holds: two builds with different code can share a
cache). Corpus-wide stages (alias merging, countries, topics, events) always run afresh, so
a build from the cache gives the same tables as one without it; they reuse only results of
pure functions of exactly the same input.

Every build keeps its per-article results in such a cache (without `--cache`, in a temporary
one): the corpus-wide stages read them back from it chunk by chunk (pipeline.runtime.corpus).

Layout: `ROOT/<version>/<run>.<table>.parquet` for each table of a run, its rows keyed and in
the order of their article ids, then `<run>.keys.parquet` (keys and ids), written last: a run
without its keys file is ignored (it was interrupted).
Corpus-wide stages keep the results of costly pure functions beside them (`Memo`, in
`ROOT/<version>/<name>/`): the fits that choose the number of topics, and each large input
file's prepared articles.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.runtime.parquet import Cursor, TableWriter, bounds, parts
from pipeline.runtime.version import version_directory

#: Runs kept before they are merged into one (each incremental build adds a run).
MAX_RUNS = 8
#: Articles merged at a time when runs are compacted.
COMPACT_ARTICLES = 2_000
_KEY = "article_key"
#: The file a running build locks in its version's directory.
_IN_USE = ".in-use"
#: Rows of a run read at a time (the part read last waits in its cursor), and the most in a
#: row group: a reader keeps state for its whole row group.
_READ_ROWS = 8_192


#: Articles whose texts are Python strings at a time while their keys are computed.
_BATCH = 2_000


def _hold(directory: Path) -> IO[str]:
    """A shared lock on a version's directory for as long as the returned file is open: while
    a build reads and writes its results, a build with other code must not delete them."""
    handle = (directory / _IN_USE).open("a")
    fcntl.flock(handle, fcntl.LOCK_SH)
    return handle


def _in_use(directory: Path) -> bool:
    """Whether a running build holds `directory` (`_hold`)."""
    try:
        with (directory / _IN_USE).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    return False


def article_keys(articles: pa.Table) -> list[str]:
    """The cache key of each article: a hash of its exact text, title and publication date."""
    return [
        hashlib.sha256(f"{published or ''}\0{title}\0{text}".encode()).hexdigest()[:32]
        for batch in articles.select(["text", "title", "published"]).to_batches(_BATCH)
        for text, title, published in zip(*(c.to_pylist() for c in batch.columns), strict=True)
    ]


class ArticleCache:
    """The cached tables (`tables`: name -> (schema, order within an article)) of the articles
    of one build, under `root`. Each run holds its articles in the order of their ids, so a
    build reads every table back as one stream in that order, a chunk of articles at a time
    (`chunks`), whichever runs hold them."""

    def __init__(
        self,
        root: Path,
        articles: Iterable[pa.Table],
        tables: Mapping[str, tuple[pa.Schema, str]],
        *,
        prune: bool = True,
    ) -> None:
        self.directory = version_directory(root)
        self.tables = dict(tables)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._in_use = _hold(self.directory)
        if prune:  # a build keeps one version; a benchmark (`prune=False`) removes nothing
            for stale in root.glob("*"):
                if stale.is_dir() and stale != self.directory and not _in_use(stale):
                    shutil.rmtree(stale, ignore_errors=True)
        # The build's articles' keys and ids, in the order of the ids; Arrow arrays, not
        # dicts, a tenth of the memory.
        keys: list[pa.Array] = []
        ids: list[pa.Array] = []
        for part in articles:
            keys.append(pa.array(article_keys(part), pa.string()))
            ids += part["article_id"].chunks
        self._keys = pa.chunked_array(keys, pa.string()).combine_chunks()
        self._ids = pa.chunked_array(ids, pa.string()).combine_chunks()
        self._load_runs()

    def __getstate__(self) -> dict:
        """Without the lock: the build that opened the cache holds it, not its workers."""
        return {name: value for name, value in self.__dict__.items() if name != "_in_use"}

    def _load_runs(self) -> None:
        """Read the runs' keys, and which of the build's keys are cached."""
        self._runs = {
            path.name.removesuffix(".keys.parquet"): pq.read_table(path, columns=[_KEY])[_KEY]
            for path in sorted(self.directory.glob("*.keys.parquet"))
        }
        self._cached = pc.is_in(
            self._keys,
            value_set=pa.chunked_array(self._runs.values(), pa.string()).combine_chunks(),
        )

    def _owned(self, keys: pa.Array) -> dict[str, pa.Array]:
        """The cached `keys` by the run that holds each (the first, if two builds stored one)."""
        found = {}
        for run, stored in self._runs.items():
            here = pc.is_in(keys, value_set=stored)
            if pc.any(here).as_py():
                found[run] = keys.filter(here)
                keys = keys.filter(pc.invert(here))
        return found

    def _read(self, run: str, table: str, keys: pa.Array) -> Iterator[pa.Table]:
        """The rows of `keys` (which this run owns) in one run's `table`, a part at a time (a
        run written chunk by chunk has a small row group per chunk: filtering each against
        every key would cost chunks x corpus). A run whose every key is wanted is read as it
        is: no filtered copy of each part."""
        whole = len(keys) == len(self._runs[run])
        for part in parts(self._path(run, table), _READ_ROWS):
            yield part if whole else part.filter(pc.is_in(part.column(_KEY), keys))

    def _run_schema(self, table: str) -> pa.Schema:
        return pa.schema([pa.field(_KEY, pa.string()), *self.tables[table][0]])

    def _merged(self, table: str, keys: pa.Array, ends: Iterable[str]) -> Iterator[pa.Table]:
        """The rows of `keys` (cached ones) in `table` (with their keys), from the runs that
        own them, in article order: one table per article id in `ends` (ascending), of the
        articles up to it. A run's rows are in that order already (`saving` sorts them): only
        the rows of a chunk that several runs share are sorted again (sorting every
        chunk made reading the cache markedly slower)."""
        schema = self._run_schema(table)
        cursors = [
            Cursor(self._read(run, table, own), schema) for run, own in self._owned(keys).items()
        ]
        for last in ends:
            found = [rows for cursor in cursors if (rows := cursor.upto(last)).num_rows]
            yield (
                found[0]
                if len(found) == 1
                else self._sorted(table, pa.concat_tables(found or [schema.empty_table()]))
            )

    def _sorted(self, table: str, rows: pa.Table) -> pa.Table:
        """`rows` of `table` in the order of a run: by article, key, then order within an
        article (a stable sort)."""
        return rows.sort_by(
            [("article_id", "ascending"), (_KEY, "ascending"), (self.tables[table][1], "ascending")]
        )

    def _path(self, run: str, table: str) -> Path:
        return self.directory / f"{run}.{table}.parquet"

    def missing(self) -> pa.Array:
        """The ids of the build's articles whose results are not cached, sorted."""
        return self._ids.filter(pc.invert(self._cached))

    def chunks(self, names: Iterable[str], ends: list[str]) -> Iterator[dict[str, pa.Table]]:
        """The build's rows of each table of `names`, a chunk of articles at a time in the
        order of their ids, each chunk up to an id of `ends` (corpus.bounds): what a
        corpus-wide stage reads, never the whole corpus. Call once the build's new articles
        are saved."""
        streams = {name: self._merged(name, self._keys, ends) for name in names}
        for _end in ends:
            yield {name: next(stream).drop_columns([_KEY]) for name, stream in streams.items()}

    @contextmanager
    def saving(self, analysed: pa.Array) -> Iterator[Callable[[str, pa.Table], None]]:
        """A new run for the results of the articles of the ids `analysed` (sorted):
        yields `add(table, rows)`, which appends rows as they are made, article by article.
        The run counts once the block ends without an error (its keys file is written last);
        then the runs are merged if there are many."""
        run = uuid.uuid4().hex
        writers: dict[str, TableWriter] = {}
        keys = self._keys.filter(pc.is_in(self._ids, value_set=analysed))  # in the same order

        def add(table: str, rows: pa.Table) -> None:
            if table not in writers:
                writers[table] = self._writer(run, table)
            writers[table].write(
                self._sorted(
                    table,
                    rows.add_column(
                        0, _KEY, keys.take(pc.index_in(rows["article_id"], value_set=analysed))
                    ),
                )
            )

        try:
            yield add
        except BaseException:
            for table in writers:
                self._partial(run, table).unlink(missing_ok=True)
            raise
        finally:
            for writer in writers.values():
                writer.finish()
        if len(analysed) == 0:
            return
        for table in writers:
            self._partial(run, table).replace(self._path(run, table))
        self._complete(run, pa.table({_KEY: keys, "article_id": analysed}))
        if sum(len(keys) > 0 for keys in self._runs.values()) > MAX_RUNS:
            self._compact()

    def _partial(self, run: str, table: str) -> Path:
        return self.directory / f".{run}.{table}.partial"

    def _writer(self, run: str, table: str) -> TableWriter:
        """A run's `table`, written to its partial file in row groups of _READ_ROWS rows
        (a group per analysed chunk of 32 articles made reading a full build's cache slower)."""
        return TableWriter(self._partial(run, table), self._run_schema(table), _READ_ROWS)

    def _complete(self, run: str, keys: pa.Table) -> None:
        """Write the run's keys (with their article ids): the run is complete from here."""
        partial = self._partial(run, "keys")
        pq.write_table(
            keys.cast(pa.schema([(_KEY, pa.string()), ("article_id", pa.string())])), partial
        )
        partial.replace(self._path(run, "keys"))
        self._load_runs()

    def _compact(self) -> None:
        """Merge every run into one, in article order, COMPACT_ARTICLES at a time."""
        runs = list(self._runs)
        keys = pa.concat_tables([pq.read_table(self._path(run, "keys")) for run in runs])
        keys = keys.group_by(_KEY).aggregate([("article_id", "min")])  # a key has one id
        keys = keys.rename_columns([_KEY, "article_id"]).sort_by(
            [("article_id", "ascending"), (_KEY, "ascending")]
        )
        ends = bounds(pc.unique(keys["article_id"]).to_pylist(), COMPACT_ARTICLES)
        merged = uuid.uuid4().hex
        for table in self.tables:
            writer = self._writer(merged, table)
            for part in self._merged(table, keys[_KEY].combine_chunks(), ends):
                writer.write(part)
            writer.finish()
            self._partial(merged, table).replace(self._path(merged, table))
        self._complete(merged, keys)
        old = [p for p in self.directory.glob("*.parquet") if p.name.split(".")[0] in runs]
        for path in sorted(old, key=lambda p: not p.name.endswith(".keys.parquet")):
            path.unlink()  # keys first: a run without its keys file is ignored
        self._load_runs()


@contextmanager
def article_store(cache: Path | None, beside: Path) -> Iterator[Path]:
    """Where a build keeps its per-article results: the `cache` directory, or without one a
    temporary directory `beside` the output (on its disk), removed afterwards."""
    if cache is not None:
        yield cache
        return
    beside.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{beside.name}.articles-", dir=beside.parent) as tmp:
        yield Path(tmp)
