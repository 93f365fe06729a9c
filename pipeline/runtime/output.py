"""Tables written into a build's directory as their parts come, and each one's entry in the
manifest (its rows and the SHA-256 of its file)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from pipeline.runtime.parquet import TableWriter
from pipeline.schema import TABLES, in_article_order

Written = dict[str, dict]  # table name -> its manifest entry


def entry(rows: int, sha256: str) -> dict:
    """A written table's manifest entry."""
    return {"rows": rows, "sha256": sha256}


def writers(directory: Path, names: Iterable[str]) -> dict[str, TableWriter]:
    """A writer for each table of `names` (of the data contract), into `directory`; a table
    laid out by date later (stages.by_date) is written in article order, without `published`."""
    return {name: TableWriter(directory / f"{name}.parquet", _written(name)) for name in names}


def _written(name: str) -> pa.Schema:
    schema = TABLES[name]
    return in_article_order(schema) if "published" in schema.names else schema


def closed(writers: dict[str, TableWriter]) -> Written:
    """Close the `writers`; their tables' manifest entries."""
    return {name: entry(*writer.close()) for name, writer in writers.items()}
