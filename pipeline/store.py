"""Writing a build: Parquet tables and the manifest into a directory that appears atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

MANIFEST = "manifest.json"


def write_table(table: pa.Table, path: Path) -> str:
    """Write deterministic Parquet (no timestamps, fixed options); return the file's SHA-256."""
    pq.write_table(table, path, compression="zstd", write_statistics=True)
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
