"""The loaded build: its manifest, its DuckDB connection, and the articles the filters select.

Every query of every page goes through `query` or `filtered`: parameterised, cached per build id
(so a rebuild invalidates them), over the build's Parquet tables, on a cursor of its own and
under a time limit (`time_limited`). This module and `queries/search.py` are the only ones that
import from `pipeline`.
"""

from __future__ import annotations

import argparse
import functools
import heapq
import itertools
import json
import os
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from dashboard.filters import Filters
from pipeline import SCHEMA_VERSION
from pipeline.schema import MANIFEST, OPTIONAL, TABLES

ENV_VAR = "OBZOR_DATA"
DEFAULT_DIR = Path("data")
#: DuckDB's memory for query processing; the rest of the server's budget is Streamlit's.
MEMORY_LIMIT = "1GB"
#: How long one query (or the few queries of one chart) may run before it is interrupted, in
#: milliseconds, as Datasette's `sql_time_limit_ms`; $OBZOR_QUERY_TIME_LIMIT_MS overrides it.
TIME_LIMIT_MS = 10_000
TIME_LIMIT_VAR = "OBZOR_QUERY_TIME_LIMIT_MS"
#: After the limit, how often the cursor is interrupted again, in seconds: an interrupt that
#: lands between two queries of a chart is lost, so the next one gets its own.
_REINTERRUPT_S = 0.05


def shared(max_entries: int) -> Callable[[Callable], Callable]:
    """`st.cache_resource` for the frames of queries, bounded to `max_entries`: every session
    shares the cached frames (kept per argument values, the build id among them), and a hit
    hands back a copy of its frame (its arrays copied; the strings in them shared, immutable).
    `st.cache_data` unpickles a copy on every hit instead, several times slower; a copy keeps
    a caller that changes its frame from changing the cached one."""

    def wrap(func: Callable) -> Callable:
        cached = st.cache_resource(show_spinner=False, max_entries=max_entries)(func)

        @functools.wraps(func)
        def copied(*args, **kwargs):
            return _copy(cached(*args, **kwargs))

        copied.clear = cached.clear  # as `st.cache_data`'s functions have
        return copied

    return wrap


def _copy(value: object) -> object:
    """A copy of a frame, or of each frame of a tuple; anything else as it is."""
    if isinstance(value, pd.DataFrame):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_copy(item) for item in value)
    return value


class TooSlow(RuntimeError):
    """A query ran past the time limit (`time_limit_ms`) and was interrupted."""


class DataError(RuntimeError):
    """The data directory cannot be used; `fix` is the command that repairs it."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


@dataclass(frozen=True)
class Build:
    """A loaded data directory. `build_id` keys every cache; `missing` are the optional tables
    it lacks (queries see them as empty)."""

    directory: str
    build_id: str
    missing: tuple[str, ...] = ()


def data_dir(argv: list[str] | None = None) -> Path:
    """`--data DIR` after `streamlit run app.py --`, else $OBZOR_DATA, else ./data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return args.data or Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def _rebuild_command(directory: Path, inputs: list[str] | None = None) -> str:
    return f"obzor build {' '.join(inputs or ['seeds'])} --out {directory}"


def rebuild_command(build: Build) -> str:
    """The command that rebuilds this data directory from the inputs it was built from."""
    inputs = manifest(build).get("options", {}).get("inputs")
    return _rebuild_command(Path(build.directory), inputs)


def missing_stages(tables: list[str]) -> list[str]:
    """The pipeline stages that write the optional `tables`, sorted."""
    return sorted({OPTIONAL[t] for t in tables})


@functools.lru_cache(maxsize=8)
def _read_manifest(path: str, mtime_ns: int) -> dict:
    """The manifest at `path` as of `mtime_ns`, one dict shared by every session and run: its
    readers never change it. Every run reads it several times (the build, the sidebar, each
    download's provenance), and `st.cache_data` would unpickle a copy each time."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def open_build(directory: Path) -> Build:
    """Check that `directory` holds a complete build this app can read."""
    path = directory / MANIFEST
    if not path.is_file():
        raise DataError(f"No data found in `{directory.resolve()}`.", _rebuild_command(directory))
    try:
        manifest = _read_manifest(str(path), path.stat().st_mtime_ns)
    except (OSError, ValueError) as exc:
        raise DataError(f"`{path}` is unreadable ({exc}).", _rebuild_command(directory)) from exc
    found = manifest.get("schema_version")
    if found != SCHEMA_VERSION:
        raise DataError(
            f"`{directory}` was built with data schema {found}; this app reads schema "
            f"{SCHEMA_VERSION}. Rebuild it with the installed pipeline.",
            _rebuild_command(directory),
        )
    missing = [name for name in TABLES if not (directory / f"{name}.parquet").is_file()]
    needed = [name for name in missing if name not in OPTIONAL]
    if needed:
        raise DataError(
            f"`{directory}` lacks {', '.join(m + '.parquet' for m in needed)}.",
            _rebuild_command(directory, manifest.get("options", {}).get("inputs")),
        )
    return Build(str(directory.resolve()), manifest["build_id"], tuple(missing))


def manifest(build: Build) -> dict:
    path = Path(build.directory) / MANIFEST
    return _read_manifest(str(path), path.stat().st_mtime_ns)


#: The tables of names and labels that queries join to what they count (a row per entity, per
#: topic, per build-wide total), and the indexed words a typed word is looked for in (a row per
#: word: every text filter scans them, `_holding`): held in the connection's memory, so that a
#: query does not read and decompress them from Parquet again (a few megabytes at most: their
#: rows grow with the names and words of the corpus, not with its articles).
IN_MEMORY = ("entities", "topics", "totals", "vocabulary")


@st.cache_resource(show_spinner=False, max_entries=4)
def connection(directory: str, build_id: str) -> duckdb.DuckDBPyConnection:
    """The build's tables as DuckDB views (`IN_MEMORY`: tables): one connection per build,
    shared through cursors. Queries never run on it: each session's script runs in a thread of
    its own, and DuckDB refuses a call on a connection busy with another (`new_cursor`)."""
    spill = Path(tempfile.gettempdir()) / "obzor-duckdb"  # not the working directory
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)})
    for name, schema in TABLES.items():
        path = Path(directory) / f"{name}.parquet"
        if path.is_file():
            quoted = str(path).replace("'", "''")
            kind = "TABLE" if name in IN_MEMORY else "VIEW"
            con.execute(f"CREATE {kind} {name} AS SELECT * FROM read_parquet('{quoted}')")
        else:  # an optional table this build lacks: empty, with the contract's columns
            con.register("empty", schema.empty_table())
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty")
            con.unregister("empty")
    return con


def time_limit_ms() -> int:
    """The time limit of a query: $OBZOR_QUERY_TIME_LIMIT_MS when it is a whole number of
    milliseconds, else `TIME_LIMIT_MS`."""
    value = os.environ.get(TIME_LIMIT_VAR, "").strip()
    return int(value) if value.isdigit() else TIME_LIMIT_MS


@contextmanager
def time_limited(cursor: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """`cursor` for a block of queries that may run `time_limit_ms` in all: past it, the
    watchdog thread interrupts the cursor (again and again until the block ends) and the block
    raises `TooSlow` instead of holding the session."""
    block = _WATCHDOG.watch(cursor, time_limit_ms() / 1000)
    try:
        yield cursor
    except duckdb.InterruptException as exc:
        raise TooSlow(f"a query ran past {time_limit_ms():,} ms and was interrupted") from exc
    finally:
        block.cursor = None  # done: nothing to interrupt, and the cursor is not kept alive


@dataclass
class _Block:
    """A block of queries under a time limit: its cursor (None once it is done) and when it is
    due to be interrupted."""

    cursor: duckdb.DuckDBPyConnection | None
    due: float


class _Watchdog:
    """One daemon thread that interrupts the cursors of blocks past their time limit. A timer
    thread per block, started and stopped around each of a page's queries, cost the server more
    CPU than most of the queries themselves. A finished block costs nothing: it leaves the
    queue when it comes due."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._queue: list[tuple[float, int, _Block]] = []  # a heap, soonest due first
        self._count = itertools.count()  # ties in `due` never compare two blocks
        self._thread: threading.Thread | None = None

    def watch(self, cursor: duckdb.DuckDBPyConnection, seconds: float) -> _Block:
        """Interrupt `cursor` after `seconds` unless its block is done by then."""
        block = _Block(cursor, time.monotonic() + seconds)
        with self._wake:
            sooner = not self._queue or block.due < self._queue[0][0]
            heapq.heappush(self._queue, (block.due, next(self._count), block))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="obzor-watchdog")
                self._thread.daemon = True
                self._thread.start()
            elif sooner:  # the thread sleeps until a later block; as blocks come, rarely
                self._wake.notify()
        return block

    def _run(self) -> None:
        while True:
            with self._wake:
                block = self._next_due()
                if block is None:
                    continue
                # Due again soon: an interrupt that lands between two queries of a block is
                # lost, so the next one gets its own.
                heapq.heappush(
                    self._queue, (time.monotonic() + _REINTERRUPT_S, next(self._count), block)
                )
            cursor = block.cursor
            if cursor is not None:
                cursor.interrupt()

    def _next_due(self) -> _Block | None:
        """Under the lock: the first block that is due and not done, after a wait for it (None
        when the wait ended first); done blocks leave the queue."""
        while self._queue and self._queue[0][2].cursor is None:
            heapq.heappop(self._queue)
        if not self._queue:
            self._wake.wait()
            return None
        due, _, block = self._queue[0]
        if due > time.monotonic():
            self._wake.wait(due - time.monotonic())
            return None
        heapq.heappop(self._queue)
        return block


_WATCHDOG = _Watchdog()


#: DuckDB's warning on `to_arrow_table` of a cursor's executed statement (`arrow`): the copy it
#: warns of costs less than the second binding of `.sql(...)` it would have us use instead.
_ARROW_COPY = "Arrow output on a DB-API result makes an extra copy"
warnings.filterwarnings("ignore", message=_ARROW_COPY, category=UserWarning)


def arrow(cursor: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pa.Table:
    """The rows of the query `sql` (with `params`) as an Arrow table, the query bound once:
    `cursor.sql(...)` binds it to describe a relation, then again to run it (the tables' Parquet
    footers read and the plan made twice; measured in docs/benchmarks.md, d64), where `execute`
    binds it once."""
    return cursor.execute(sql, params or []).to_arrow_table()


@st.cache_resource(show_spinner=False, max_entries=64)
def _selection(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """The ids and keys of the articles the filters select, computed once per filter state (a
    text filter reads every article) and shared by every query of every page."""
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        sql, params = filters.where(_holding(cursor, filters.words))
        return arrow(cursor, sql, params)


def selected_count(build: Build, filters: Filters) -> int:
    """How many articles the filters select: the rows of the selection (`_selection`), shared
    by every query of every page, so counted without a query of its own. The same as
    `summary(...)["articles"]`: the selection applies the date range as `summary` does."""
    return _selection(build.directory, build.build_id, filters).num_rows


#: Most indexed words a typed word is looked up by: a typed word held by more (a letter or
#: two) is looked for in every row of the index instead, a scan that costs less than a list
#: that long.
LISTED_WORDS = 500


def _holding(cursor: duckdb.DuckDBPyConnection, words: list[str]) -> dict[str, list[str]]:
    """Of each typed word of the text filter (`words`), the indexed words that hold it, from
    the build's `vocabulary`, when there are at most `LISTED_WORDS` of them."""
    holding = {}
    for word in words:
        found = cursor.execute(
            "SELECT word FROM vocabulary WHERE contains(word, ?) ORDER BY word LIMIT ?",
            [word, LISTED_WORDS + 1],
        ).fetchall()
        if len(found) <= LISTED_WORDS:
            holding[word] = [w for (w,) in found]
    return holding


#: With the headline filter, a cursor's mentions are those in headlines (its own views shadow
#: the build's; `{db}` is the build's database).
_IN_HEADLINES = (
    "CREATE TEMP VIEW mentions AS SELECT * FROM {db}.main.mentions WHERE in_headline",
    "CREATE TEMP VIEW country_mentions AS "
    "SELECT * FROM {db}.main.country_mentions WHERE in_headline",
    "CREATE TEMP VIEW network_units AS SELECT * FROM {db}.main.network_units WHERE in_headline",
    "CREATE TEMP VIEW article_entities AS "
    "SELECT article_id, entity_id, type, count(*)::INT AS mentions, published, article_key "
    "FROM mentions GROUP BY ALL",
)


#: Without inferred dates, a cursor's articles dated from their dateline are undated.
_UNINFERRED = (
    "CREATE TEMP VIEW articles AS SELECT * REPLACE ("
    "CASE WHEN date_source = 'inferred' THEN NULL ELSE published END AS published) "
    "FROM {db}.main.articles",
)


#: An entity's mentions (`?`) in every article, and with the headline filter in headlines alone;
#: with their article's stored date, so that counts by month need not read the articles, and its
#: key, so that they are narrowed to a selection and joined on whole numbers.
_ENTITY_MENTIONS = (
    "SELECT article_id, sentence, published, article_key FROM mentions WHERE entity_id = ?"
)
_IN_HEADLINE = " AND in_headline"


@st.cache_resource(show_spinner=False, max_entries=16)
def _entity_mentions(directory: str, build_id: str, entity_id: str, headlines: bool) -> pa.Table:
    """An entity's mentions in every article (in headlines alone with `headlines`), read once
    per entity and shared by every filter state: a filter change then narrows them to its
    selection instead of scanning every mention again."""
    sql = _ENTITY_MENTIONS + (_IN_HEADLINE if headlines else "")
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        return arrow(cursor, sql, [entity_id])


@st.cache_resource(show_spinner=False, max_entries=64)
def _mentions_of(directory: str, build_id: str, filters: Filters, entity_id: str) -> pa.Table:
    """The mentions of an entity in the selected articles (`article_id`, `sentence`,
    `published`, `article_key`, a row per mention), shared by the charts of its profile: the
    entity's mentions (`_entity_mentions`) in the filters' selection, matched on the keys."""
    mentions = _entity_mentions(directory, build_id, entity_id, filters.headlines)
    if filters.whole:
        return mentions
    selected = _selection(directory, build_id, filters)["article_key"]
    return mentions.filter(pc.is_in(mentions["article_key"], value_set=selected))


def new_cursor(
    directory: str, build_id: str, filters: Filters | None, entity_id: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A cursor on the build, for one query or the few of one chart: a connection of its own to
    the build's database, so that sessions query at once. With `filters`, the selected article
    ids are its table `sel`, with the headline filter its mentions are those in headlines, and
    without inferred dates its articles dated from their dateline are undated; with `entity_id`
    too, that entity's mentions in them are its table `own` (`_mentions_of`)."""
    cursor = connection(directory, build_id).cursor()
    if filters is not None:
        cursor.register("sel", _selection(directory, build_id, filters))
    views = [
        *(_IN_HEADLINES if filters is not None and filters.headlines else ()),
        *(_UNINFERRED if filters is not None and not filters.inferred else ()),
    ]
    if views:
        database = cursor.sql("SELECT current_database()").fetchall()[0][0]
        for sql in views:
            cursor.execute(sql.format(db=database))
    if filters is not None and entity_id is not None:
        cursor.register("own", _mentions_of(directory, build_id, filters, entity_id))
    return cursor


@shared(max_entries=256)
def _query(
    directory: str,
    build_id: str,
    sql: str,
    params: tuple,
    filters: Filters | None = None,
    entity_id: str | None = None,
) -> pd.DataFrame:
    with time_limited(new_cursor(directory, build_id, filters, entity_id)) as cursor:
        return cursor.execute(sql, list(params)).df()


def query(build: Build, sql: str, *params: object) -> pd.DataFrame:
    """Run a parameterised query against the build's tables."""
    return _query(build.directory, build.build_id, sql, params)


def filtered(build: Build, filters: Filters, sql: str, *params: object) -> pd.DataFrame:
    """Run a parameterised query in which the table `sel` (`article_id`, `article_key`) holds the
    articles the filters select."""
    return _query(build.directory, build.build_id, sql, params, filters)


def about_entity(
    build: Build, filters: Filters, entity_id: str, sql: str, *params: object
) -> pd.DataFrame:
    """Run a parameterised query in which the table `sel` holds the articles the filters select
    and the table `own` (`article_id`, `sentence`, `published`, `article_key`) the entity's
    mentions in them."""
    return _query(build.directory, build.build_id, sql, params, filters, entity_id)


def in_dates(column: str, dates: pa.ChunkedArray) -> tuple[str, list]:
    """A filter of `column` to the range of `dates` (and nulls, when among them), and its
    parameters (the range's first and last date): DuckDB binds them before it plans, so it
    pushes the filter into the Parquet scan and, of a table laid out by date (`articles`,
    `events`, `quotes`), reads only the row groups of those dates. False without any date."""
    if len(dates) == 0:
        return "false", []
    low, high = pc.min_max(dates).values()
    ranged, params = "false", []
    if low.is_valid:
        ranged, params = f"{column} BETWEEN ? AND ?", [low.as_py(), high.as_py()]
    return _or_null(column, ranged, dates), params


def at_rows(
    table: str,
    dates: pa.ChunkedArray,
    ids: pa.ChunkedArray,
    where: tuple[str, list] = ("true", []),
) -> tuple[str, list]:
    """A subquery of the rows of `table` (laid out by date: newest first, undated last in order
    of their article) at the distinct values of `dates` and, for the undated ones among them,
    at their articles (`ids`; `dates` and `ids`: a row each), and its parameters. Each part
    is a scan of its own, so a table laid out by date is read only in the row groups
    of those dates (not of every date between the first and the last: a few picked rows whose
    dates lie years apart) and, of its undated rows, only in those of these articles: a filter
    `published IS NULL` would read every undated row group, and DuckDB pushes neither half of
    an OR of the two into the scan. `where` (a condition and its parameters) narrows both
    parts: of a table laid out by a key first (`entity_quotes`), the key's row groups."""
    days = pc.unique(dates).drop_null().to_pylist()
    condition, values = where
    parts, params = [], []
    if days:
        listed = ", ".join(["?"] * len(days))
        parts.append(f"SELECT * FROM {table} WHERE {condition} AND published IN ({listed})")
        params.extend([*values, *days])
    undated = pc.unique(ids.filter(pc.is_null(dates))).to_pylist()
    if undated:
        listed = ", ".join(["?"] * len(undated))
        parts.append(
            f"SELECT * FROM {table} WHERE {condition} AND published IS NULL "
            f"AND article_id IN ({listed})"
        )
        params.extend([*values, *undated])
    return f"({' UNION ALL '.join(parts or [f'SELECT * FROM {table} WHERE false'])})", params


def _or_null(column: str, ranged: str, dates: pa.ChunkedArray) -> str:
    """`ranged`, or `column` null too when `dates` hold a null (an undated row)."""
    return f"({ranged} OR {column} IS NULL)" if dates.null_count else ranged


def selected(table: str) -> str:
    """The FROM clause of `table`'s rows of the selected articles (`sel`): matched on the
    articles' whole-number keys (`article_key`, in `articles`, the tables laid out by date and
    `network_units`), cheaper to read, hash and compare than the ids' 16-character strings. Every
    page's queries of those tables match the selection through this one clause."""
    return f"{table} SEMI JOIN sel USING (article_key)"


def selected_articles(filters: Filters) -> str:
    """The FROM clause of the selected articles: with every article selected
    (`Filters.whole`), the cursor's `articles` alone, without a join on the selection."""
    return "articles" if filters.whole else selected("articles")


def counted(build: Build, filters: Filters, table: str, known: str, column: str) -> dict:
    """The selected articles' rows of `table` (laid out by date, with `published`; under the
    table's name), those with `column` set (under `known`), and their articles."""
    dates, params = filters.in_range("published")
    row = filtered(
        build,
        filters,
        f"""
        SELECT count(*) AS {table}, count({column}) AS {known},
               count(DISTINCT article_key) AS articles
        FROM {selected(table)}
        WHERE {dates}
        """,
        *params,
    ).iloc[0]
    return {k: int(v) for k, v in row.items()}


def summary(build: Build, filters: Filters) -> dict:
    """Articles, sources, dated articles, first and last publication date, words; read in the
    row groups of the filters' dates alone (`Filters.in_range`: `articles` is laid out by date)."""
    dates, params = filters.in_range("published")
    row = filtered(
        build,
        filters,
        f"""
        SELECT count(*) AS articles,
               count(DISTINCT source) AS sources,
               count(published) AS dated,
               min(published) AS first,
               max(published) AS last,
               coalesce(sum(n_words), 0) AS words
        FROM {selected_articles(filters)}
        WHERE {dates}
        """,
        *params,
    ).iloc[0]
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


def corpus_summary(build: Build) -> dict:
    """`summary` of the whole build, whatever the filters."""
    return summary(build, Filters())
