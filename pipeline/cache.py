"""Per-article results kept between builds, so a rebuild analyses only new or changed articles.

An article's results (its sentences, raw entity mentions and calendar references) depend only
on its text and publication date, so they are stored under a key hashed from those two, in a
directory named after the pipeline version: the package version plus a digest of the
pipeline's code and data files. Any change to either starts an empty cache (older versions are
deleted). Corpus-wide stages (alias merging, countries, topics, events) always run afresh, so
a build from the cache gives the same tables as one without it; they reuse only results of
pure functions of exactly the same input.

Layout: `ROOT/<version>/<run>.<table>.parquet` for each table of a run, then
`<run>.keys.parquet`, written last: a run without its keys file is ignored (it was interrupted).
Corpus-wide stages keep the results of costly pure functions beside them (`Memo`, in
`ROOT/<version>/<name>/`): the fits that choose the number of topics, and each large input
file's prepared articles.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import pipeline

#: Runs kept before they are merged into one (each incremental build adds a run).
MAX_RUNS = 8
_KEY = "article_key"
_NOTE = b"obzor.note"


#: Libraries whose models or rules shape the per-article results.
_MODELS = ("natasha", "slovnet", "razdel", "pymorphy2", "pymorphy2-dicts-ru")


@cache
def pipeline_version() -> str:
    """'0.1.0+1a2b3c4d5e6f': the package version and a digest of the pipeline's files and of
    the versions of the libraries behind its models."""
    root = Path(pipeline.__file__).parent
    digest = hashlib.sha256(" ".join(f"{n}={version(n)}" for n in _MODELS).encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{pipeline.__version__}+{digest.hexdigest()[:12]}"


def version_directory(root: Path) -> Path:
    """Where the cache under `root` keeps what this pipeline version made."""
    return root / pipeline_version()


def memo(root: Path, name: str, keep: int = 8) -> Memo:
    """The memo `name` of the cache under `root` (for this pipeline version)."""
    return Memo(version_directory(root) / name, keep)


#: Articles whose texts are Python strings at a time while their keys are computed.
_BATCH = 2_000


def article_keys(articles: pa.Table) -> list[str]:
    """The cache key of each article: a hash of its exact text and its publication date."""
    return [
        hashlib.sha256(f"{published or ''}\0{text}".encode()).hexdigest()[:32]
        for batch in articles.select(["text", "published"]).to_batches(_BATCH)
        for text, published in zip(*(c.to_pylist() for c in batch.columns), strict=True)
    ]


class ArticleCache:
    """The cached tables of the articles of one build, under `root`."""

    def __init__(self, root: Path, articles: pa.Table, tables: tuple[str, ...]) -> None:
        self.directory = version_directory(root)
        self.tables = tables
        for stale in root.glob("*") if root.is_dir() else []:
            if stale.is_dir() and stale != self.directory:
                shutil.rmtree(stale, ignore_errors=True)
        self.directory.mkdir(parents=True, exist_ok=True)
        ids = articles.column("article_id").to_pylist()
        self._id_of = dict(zip(article_keys(articles), ids, strict=True))
        self._keys = pa.array(list(self._id_of), pa.string())  # with their ids, in step
        self._ids = pa.array(list(self._id_of.values()), pa.string())
        self._owned = self._owners()
        self.hits = {key for key in self._id_of if key in self._owned}

    def _owners(self) -> dict[str, str]:
        """The run that holds each cached key (the first, if two builds stored one)."""
        owner: dict[str, str] = {}
        for path in sorted(self.directory.glob("*.keys.parquet")):
            run = path.name.removesuffix(".keys.parquet")
            for key in pq.read_table(path).column(_KEY).to_pylist():
                owner.setdefault(key, run)
        return owner

    def _read(self, run: str, table: str, keys: set[str]) -> pa.Table:
        """The rows of `keys` in one run's `table` whose copy this run owns."""
        part = pq.read_table(self._path(run, table))
        own = pa.array(sorted(k for k in keys if self._owned.get(k) == run), pa.string())
        return part.filter(pc.is_in(part.column(_KEY), own))

    def _path(self, run: str, table: str) -> Path:
        return self.directory / f"{run}.{table}.parquet"

    def missing(self, articles: pa.Table) -> pa.Table:
        """The rows of `articles` whose results are not cached."""
        cached_ids = pa.array([self._id_of[key] for key in self.hits], pa.string())
        return articles.filter(pc.invert(pc.is_in(articles.column("article_id"), cached_ids)))

    def load(self, table: str, schema: pa.Schema) -> pa.Table:
        """The cached rows of `table` for this build's cached articles, with their article ids."""
        parts = []
        for run in sorted(set(self._owned.values())):
            part = self._read(run, table, self.hits)
            ids = self._ids.take(pc.index_in(part.column(_KEY), value_set=self._keys))
            parts.append(part.drop_columns([_KEY]).add_column(0, "article_id", ids))
        return pa.concat_tables(parts).select(schema.names).cast(schema) if parts else \
            schema.empty_table()  # fmt: skip

    def save(self, analysed: pa.Table, tables: dict[str, pa.Table]) -> None:
        """Store the results of the `analysed` articles; merge the runs when there are many."""
        if analysed.num_rows == 0:
            return
        key_of = {article_id: key for key, article_id in self._id_of.items()}
        keys = [key_of[a] for a in analysed.column("article_id").to_pylist()]
        keyed = {name: self._keyed(table, key_of) for name, table in tables.items()}
        self._write(uuid.uuid4().hex, keys, keyed)
        self._owned = self._owners()
        if len(set(self._owned.values())) > MAX_RUNS:
            self._compact()

    @staticmethod
    def _keyed(table: pa.Table, key_of: dict[str, str]) -> pa.Table:
        keys = pa.array([key_of[a] for a in table.column("article_id").to_pylist()], pa.string())
        return table.drop_columns(["article_id"]).add_column(0, _KEY, keys)

    def _write(self, run: str, keys: list[str], tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            partial = self.directory / f".{run}.{name}.partial"
            pq.write_table(table, partial, compression="zstd")
            partial.replace(self._path(run, name))
        partial = self.directory / f".{run}.keys.partial"
        pq.write_table(pa.table({_KEY: pa.array(keys, pa.string())}), partial)
        partial.replace(self._path(run, "keys"))  # the run is complete from here

    def _compact(self) -> None:
        """Merge every run into one."""
        runs, keys = sorted(set(self._owned.values())), set(self._owned)
        tables = {name: pa.concat_tables([self._read(run, name, keys) for run in runs])
                  for name in self.tables}  # fmt: skip
        self._write(uuid.uuid4().hex, sorted(keys), tables)
        old = [p for p in self.directory.glob("*.parquet") if p.name.split(".")[0] in runs]
        for path in sorted(old, key=lambda p: not p.name.endswith(".keys.parquet")):
            path.unlink()  # keys first: a run without its keys file is ignored
        self._owned = self._owners()


def _used(path: Path) -> None:
    """Mark `path` as just used (the file system's own clock ticks only every few ms)."""
    now = time.time_ns()
    os.utime(path, ns=(now, now))


class Memo:
    """Results of a costly pure function kept between builds, one file per key (a digest of
    the function's whole input): JSON values, or Arrow tables with a JSON note. The `keep`
    most recently used are kept. Under the pipeline version's directory, so a code change
    starts afresh as the article cache does."""

    def __init__(self, directory: Path, keep: int = 8) -> None:
        self.directory = directory
        self.keep = keep

    def _path(self, key: str, suffix: str) -> Path:
        return self.directory / f"{key}.{suffix}"

    def get(self, key: str) -> Any | None:
        """The stored value of `key`, or None."""
        path = self._path(key, "json")
        if not path.is_file():
            return None
        _used(path)
        return json.loads(path.read_text())

    def get_table(self, key: str) -> tuple[pa.Table, Any] | None:
        """The stored table of `key` and its note, or None."""
        path = self._path(key, "parquet")
        if not path.is_file():
            return None
        _used(path)
        table = pq.read_table(path)
        note = json.loads(table.schema.metadata[_NOTE])
        return table.replace_schema_metadata(None), note

    def put(self, key: str, value: Any) -> None:
        """Store `value` (JSON) under `key`, atomically; forget the least recently used."""
        self._store(key, "json", lambda path: path.write_text(json.dumps(value)))

    def put_table(self, key: str, table: pa.Table, note: Any) -> None:
        """Store `table` and a JSON `note` under `key`, atomically."""
        noted = table.replace_schema_metadata({_NOTE: json.dumps(note)})
        self._store(key, "parquet", lambda path: pq.write_table(noted, path, compression="zstd"))

    def _store(self, key: str, suffix: str, write: Callable[[Path], object]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.directory / f".{key}.{uuid.uuid4().hex}.partial"
        write(partial)
        partial.replace(path := self._path(key, suffix))
        _used(path)
        stored = [p for p in self.directory.iterdir() if not p.name.startswith(".")]
        for stale in sorted(stored, key=lambda p: p.stat().st_mtime_ns)[: -self.keep]:
            stale.unlink(missing_ok=True)
