"""DuckDB for the corpus-wide relational stages: a connection with bounded working memory that
spills to the system's temp folder, so a join or sort over millions of rows stays small."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

#: DuckDB's working memory; beyond it, it spills to disk.
MEMORY_LIMIT = "256MB"


@cache
def _database() -> tuple[duckdb.DuckDBPyConnection, int]:
    """The process's DuckDB database and its default number of threads. The stages that query
    chunk after chunk share one (through cursors, each with its own registered tables):
    opening a database per query would cost time on every chunk."""
    spill = Path(tempfile.gettempdir()) / "obzor-duckdb"
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)})
    return con, int(con.execute("SELECT current_setting('threads')").fetchone()[0])


def connect(threads: int | None = None, **tables: pa.Table) -> duckdb.DuckDBPyConnection:
    """A connection with `tables` registered under their names, using `threads` threads (one
    per core when None; 1 in a task on a worker, which has one core to itself)."""
    database, cores = _database()
    con = database.cursor()
    con.execute(f"SET threads = {int(threads or cores)}")
    con.execute("SET enable_progress_bar = false")
    for name, table in tables.items():
        con.register(name, table)
    return con


def batches(
    sql: str, params: list | None = None, size: int = 1 << 20, **tables: pa.Table
) -> Iterator[pa.RecordBatch]:
    """The result of `sql` over `tables`, `size` rows at a time, never held whole."""
    con = connect(**tables)
    try:
        yield from con.sql(sql, params=params).to_arrow_reader(size)
    finally:
        con.close()


def query(
    sql: str,
    schema: pa.Schema,
    params: list | dict | None = None,
    threads: int | None = None,
    **tables: pa.Table,
) -> pa.Table:
    """The result of `sql` over `tables` as a table of `schema` (`threads`: see `connect`)."""
    con = connect(threads, **tables)
    try:
        return con.sql(sql, params=params).to_arrow_table().cast(schema)
    finally:
        con.close()
