"""The batch job: inputs -> stages -> tables in an atomically replaced output directory."""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from tqdm import tqdm

import pipeline
from pipeline.articles import build_articles
from pipeline.paragraphs import build_paragraphs
from pipeline.readers import Record, Rejection, discover, file_sha256, read_file
from pipeline.store import atomic_directory, write_manifest, write_table

LIBRARIES = ("natasha", "razdel", "pyarrow", "charset-normalizer", "scikit-learn", "duckdb")


class NoArticles(RuntimeError):
    """Every input was rejected; nothing was written."""

    def __init__(self, manifest: dict) -> None:
        super().__init__("no articles were built")
        self.manifest = manifest


def _versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


class _Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.seconds[name] = round(time.perf_counter() - started, 3)


def _ingest(
    files: list[Path], max_bytes: int, progress: bool
) -> tuple[list[Record], list[Rejection], list[dict]]:
    records: list[Record] = []
    rejected: list[Rejection] = []
    inputs = []
    with tqdm(desc="ingest", unit=" docs", disable=not progress) as bar:
        for number, path in enumerate(files, start=1):
            bar.set_postfix_str(f"file {number}/{len(files)}: {path.name}", refresh=False)
            before_records, before_rejected = len(records), len(rejected)
            for item in read_file(path, max_bytes):
                (records if isinstance(item, Record) else rejected).append(item)
                bar.update()
            inputs.append(
                {
                    "path": str(path),
                    "sha256": file_sha256(path),
                    "bytes": path.stat().st_size,
                    "records": len(records) - before_records,
                    "rejected": len(rejected) - before_rejected,
                }
            )
    return records, rejected, inputs


def _status(entry: dict) -> str:
    if entry["articles"] == 0:
        return "rejected"
    return "partial" if entry["rejected"] else "ok"


def build(
    inputs: list[Path], out: Path, *, max_bytes: int = 5_000_000, progress: bool = True
) -> dict:
    """Build the tables for `inputs` into `out`; return the manifest.

    Raises NoArticles (with the manifest of what was rejected) when nothing is usable; `out`
    is then left untouched.
    """
    timer = _Timer()
    created_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with timer.stage("ingest"):
        files, missing = discover(inputs)
        records, rejected, file_entries = _ingest(files, max_bytes, progress)
        rejected = missing + rejected
    with timer.stage("articles"):
        articles, duplicates, notices = build_articles(
            tqdm(records, desc="articles", unit=" docs", disable=not progress)
        )
        rejected += duplicates
    with timer.stage("paragraphs"):
        paragraphs = build_paragraphs(articles)

    duplicate_count = Counter(r.path for r in duplicates)
    for entry in file_entries:
        entry["articles"] = entry["records"] - duplicate_count[entry["path"]]
        entry["rejected"] += duplicate_count[entry["path"]]
        entry["status"] = _status(entry)
        del entry["records"]
    file_entries += [
        {"path": r.path, "sha256": None, "bytes": None, "articles": 0, "rejected": 1,
         "status": "rejected"} for r in missing
    ]  # fmt: skip
    manifest = {
        "schema_version": pipeline.SCHEMA_VERSION,
        "build_id": None,
        "created_at": created_at,
        "project": {"name": "obzor", "version": pipeline.__version__},
        "python": platform.python_version(),
        "libraries": _versions(),
        "options": {"inputs": [str(p) for p in inputs], "max_bytes": max_bytes},
        "inputs": sorted(file_entries, key=lambda e: e["path"]),
        "rejected": [asdict(r) for r in sorted(rejected, key=lambda r: (r.path, r.line or 0))],
        "warnings": [asdict(n) for n in notices],
        "tables": {},
        "seconds": timer.seconds,
    }
    if articles.num_rows == 0:
        raise NoArticles(manifest)

    with timer.stage("write"), atomic_directory(out) as scratch:
        digest = hashlib.sha256()
        for name, table in (("articles", articles), ("paragraphs", paragraphs)):
            sha = write_table(table, scratch / f"{name}.parquet")
            manifest["tables"][name] = {"rows": table.num_rows, "sha256": sha}
            digest.update(f"{name}:{sha}".encode())
        manifest["build_id"] = digest.hexdigest()[:12]
        write_manifest(manifest, scratch)
    manifest["seconds"] = timer.seconds
    write_manifest(manifest, out)  # adds the write stage's time; same content otherwise
    return manifest
