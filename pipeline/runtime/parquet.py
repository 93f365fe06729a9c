"""Parquet files read and written in parts: deterministic files written as their rows come
(`TableWriter`), and files read back a part at a time, in article order (`parts`, `Cursor`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.runtime.files import file_sha256

#: Rows per Parquet row group: a writer holds up to that many rows, and a reader of the table
#: a whole row group's column chunk.
ROW_GROUP = 1 << 16
#: Fewer for the tables with long texts, whose row groups a reader would hold whole, and for
#: those laid out by date (stages.by_date), whose readers of a few dates skip the other groups.
GROUP_ROWS = {
    "articles": 1_000,
    "events": 1 << 13,
    "quotes": 1 << 13,
    "mentions": 1 << 14,
    "country_mentions": 1 << 14,
    "article_entities": 1 << 14,
    "event_sentences": 1 << 10,
    "entity_quotes": 1 << 13,
    "article_texts": 100,
    "network_units": 1 << 14,
    "article_facets": 1 << 14,
}
#: Columns written without statistics: texts no reader filters by, whose minimum and maximum
#: in each row group would make the footer of a table of small groups megabytes long.
NO_STATISTICS = {
    "event_sentences": ("sentence",),
    "entity_quotes": ("quote", "cue", "speaker_surface", "about_entity_ids", "about_countries"),
    "article_texts": ("title", "source", "text"),
}
#: Rows of a written table read at a time.
READ_ROWS = 1 << 16


def from_rows(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """A table of `schema` from Python tuples in its column order (none: an empty table)."""
    columns = list(zip(*rows, strict=True)) or [()] * len(schema)
    return pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
    )


def write_table(table: pa.Table, path: Path) -> str:
    """Write deterministic Parquet (no timestamps, fixed options); return the file's SHA-256."""
    return write_batches([table], table.schema, path)[1]


class TableWriter:
    """A table written as its parts come, never held whole, in row groups of the same number
    of rows whatever the parts' sizes (`group`; by default GROUP_ROWS for the table the file is
    named after, else ROW_GROUP), each group's columns contiguous: the same file however the
    parts were cut; statistics on every column but the table's `NO_STATISTICS`. `close`
    returns its rows and the file's SHA-256; `finish`, its rows."""

    def __init__(self, path: Path, schema: pa.Schema, group: int | None = None) -> None:
        self.path, self.schema, self.rows = path, schema, 0
        self.group = group or GROUP_ROWS.get(path.stem, ROW_GROUP)
        self._held = schema.empty_table()
        left_out = NO_STATISTICS.get(path.stem, ())
        statistics = [n for n in schema.names if n not in left_out] if left_out else True
        self._writer = pq.ParquetWriter(
            path, schema, compression="zstd", write_statistics=statistics
        )

    def write(self, part: pa.Table | pa.RecordBatch) -> None:
        if isinstance(part, pa.RecordBatch):
            part = pa.Table.from_batches([part])
        part = part.select(self.schema.names).cast(self.schema)
        self._held = pa.concat_tables([self._held, part])
        self.rows += part.num_rows
        while self._held.num_rows >= self.group:
            self._writer.write_table(
                self._held.slice(0, self.group).combine_chunks(), row_group_size=self.group
            )
            self._held = self._held.slice(self.group)

    def finish(self) -> int:
        if self._held.num_rows or self.rows == 0:
            self._writer.write_table(self._held.combine_chunks(), row_group_size=self.group)
        self._writer.close()
        return self.rows

    def close(self) -> tuple[int, str]:
        return self.finish(), file_sha256(self.path)


def write_batches(
    batches: Iterable[pa.RecordBatch | pa.Table], schema: pa.Schema, path: Path
) -> tuple[int, str]:
    """Write a table as its batches come (`TableWriter`); return its rows and SHA-256."""
    writer = TableWriter(path, schema)
    for batch in batches:
        writer.write(batch)
    return writer.close()


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
    while it is sliced would cost Arrow memory per cursor, and one reader over every group
    keeps some memory per group until it is done."""
    file = pq.ParquetFile(path)
    return rechunk(
        (
            pa.Table.from_batches([batch])
            for group in range(file.metadata.num_row_groups)
            for batch in file.iter_batches(rows, row_groups=[group], columns=columns)
        ),
        rows,
    )
