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
#: Rows per Parquet row group (pyarrow's default for a whole table).
ROW_GROUP = 1 << 20


def write_table(table: pa.Table, path: Path) -> str:
    """Write deterministic Parquet (no timestamps, fixed options); return the file's SHA-256."""
    pq.write_table(table, path, compression="zstd", write_statistics=True)
    return file_sha256(path)


def write_batches(
    batches: Iterable[pa.RecordBatch], schema: pa.Schema, path: Path
) -> tuple[int, str]:
    """Write a table as its batches come, never held whole, in row groups of ROW_GROUP rows
    whatever the batches' sizes; return its rows and the file's SHA-256."""
    rows, held = 0, pa.Table.from_batches([], schema)
    with pq.ParquetWriter(path, schema, compression="zstd", write_statistics=True) as writer:
        for batch in batches:
            held = pa.concat_tables([held, pa.Table.from_batches([batch]).cast(schema)])
            rows += batch.num_rows
            while held.num_rows >= ROW_GROUP:
                writer.write_table(held.slice(0, ROW_GROUP))
                held = held.slice(ROW_GROUP)
        if held.num_rows or rows == 0:
            writer.write_table(held)
    return rows, file_sha256(path)


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
