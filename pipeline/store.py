"""Writing a build: Parquet tables and the manifest into a directory that appears atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.readers import file_sha256

MANIFEST = "manifest.json"
#: Rows per Parquet row group: a writer holds up to that many rows, and a reader of the table
#: a whole row group's column chunk.
ROW_GROUP = 1 << 16
#: Fewer for the tables with long texts (one group of 100k articles' texts: 390 MB to read).
GROUP_ROWS = {"articles": 1_000}


def write_table(table: pa.Table, path: Path) -> str:
    """Write deterministic Parquet (no timestamps, fixed options); return the file's SHA-256."""
    return write_batches([table], table.schema, path)[1]


class TableWriter:
    """A table written as its parts come, never held whole, in row groups of the same number
    of rows whatever the parts' sizes (`group`; by default GROUP_ROWS for the table the file is
    named after, else ROW_GROUP), each group's columns contiguous: the same file however the
    parts were cut. `close` returns its rows and the file's SHA-256; `finish`, its rows."""

    def __init__(self, path: Path, schema: pa.Schema, group: int | None = None) -> None:
        self.path, self.schema, self.rows = path, schema, 0
        self.group = group or GROUP_ROWS.get(path.stem, ROW_GROUP)
        self._held = schema.empty_table()
        self._writer = pq.ParquetWriter(path, schema, compression="zstd", write_statistics=True)

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


def write_manifest(manifest: dict, directory: Path) -> None:
    """Write manifest.json by rename, so a reader never sees half of it."""
    text = json.dumps(manifest, ensure_ascii=False, indent=2, default=str)
    partial = directory / f".{MANIFEST}.partial"
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, directory / MANIFEST)


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield a scratch directory beside `target`; on success it replaces `target`.

    If the body raises, the scratch directory is removed and `target` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    scratch.chmod(0o755)
    try:
        yield scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, previous / target.name)
    os.replace(scratch, target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
