"""Results of costly pure functions kept between builds beside the article cache: the fits that
choose the number of topics, and each large input file's prepared articles."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.runtime.version import version_directory


def memo(root: Path, name: str, keep: int = 8) -> Memo:
    """The memo `name` of the cache under `root` (for this pipeline version)."""
    return Memo(version_directory(root) / name, keep)


def _used(path: Path) -> None:
    """Mark `path` as just used (the file system's own clock ticks only every few ms)."""
    now = time.time_ns()
    os.utime(path, ns=(now, now))


class Memo:
    """Results of a costly pure function kept between builds, one file per key (a digest of
    the function's whole input): JSON values, or files the caller writes. The `keep` most
    recently used are kept. Under the pipeline version's directory, so a code change starts
    afresh as the article cache does."""

    def __init__(self, directory: Path, keep: int = 8) -> None:
        self.directory = directory
        self.keep = keep
        self.hits = 0  # values found by `get` and `get_file`

    def get(self, key: str) -> Any | None:
        """The stored value of `key`, or None."""
        path = self.get_file(key, "json")
        return None if path is None else json.loads(path.read_text())

    def get_file(self, key: str, suffix: str) -> Path | None:
        """The stored file of `key`, or None."""
        path = self.directory / f"{key}.{suffix}"
        if not path.is_file():
            return None
        _used(path)
        self.hits += 1
        return path

    def put(self, key: str, value: Any) -> None:
        """Store `value` (JSON) under `key`, atomically; forget the least recently used."""
        self.put_file(key, "json", lambda path: path.write_text(json.dumps(value)))

    def put_file(self, key: str, suffix: str, write: Callable[[Path], object]) -> Path:
        """Store the file that `write(path)` writes under `key`, atomically; forget the least
        recently used. Returns where it is."""
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.directory / f".{key}.{uuid.uuid4().hex}.partial"
        write(partial)
        partial.replace(path := self.directory / f"{key}.{suffix}")
        _used(path)
        stored = [p for p in self.directory.iterdir() if not p.name.startswith(".")]
        for stale in sorted(stored, key=lambda p: p.stat().st_mtime_ns)[: -self.keep]:
            stale.unlink(missing_ok=True)
        return path
