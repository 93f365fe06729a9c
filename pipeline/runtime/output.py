"""Tables written into a build's directory as their parts come, and each one's entry in the
manifest (its rows and the SHA-256 of its file)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.runtime.parquet import TableWriter
from pipeline.schema import TABLES

Written = dict[str, dict]  # table name -> its manifest entry


def entry(rows: int, sha256: str) -> dict:
    """A written table's manifest entry."""
    return {"rows": rows, "sha256": sha256}


def writers(directory: Path, names: Iterable[str]) -> dict[str, TableWriter]:
    """A writer for each table of `names` (of the data contract), into `directory`."""
    return {name: TableWriter(directory / f"{name}.parquet", TABLES[name]) for name in names}


def closed(writers: dict[str, TableWriter]) -> Written:
    """Close the `writers`; their tables' manifest entries."""
    return {name: entry(*writer.close()) for name, writer in writers.items()}
