"""Input files to the `articles` table, with an account of every input: files are read
(readers), their records prepared (articles.prepare) into Parquet files, then sorted and
de-duplicated (articles.build_articles). A large input's prepared articles are kept in the
cache's `inputs` memo while the file is unchanged."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import partial
from itertools import groupby
from pathlib import Path

import pyarrow.parquet as pq
from tqdm import tqdm

from pipeline.ingest.articles import PREPARED, Notes, Notice, TrimmedLine, build_articles, prepare
from pipeline.ingest.readers import Record, Rejection, discover, read_file
from pipeline.runtime.files import file_sha256
from pipeline.runtime.memo import Memo, memo
from pipeline.runtime.timer import Timer

#: Input files at least this large keep their prepared articles in the cache (`--cache`); a
#: smaller one is read again as fast as its cache entry would be.
CACHED_INPUT_BYTES = 1 << 20


_NOTE = b"obzor.note"  # a prepared file's rejections, notices and trimmed lines


def _prepared(paths: list[Path], max_bytes: int, bar: tqdm, target: Path) -> None:
    """Write the prepared articles (articles.prepare) of the input files `paths`, in order, to
    `target`, with each file's records, rejections, notices and trimmed lines in its metadata
    (`_note`).
    Many small files share one: a file per article would cost more to write and read back
    than the article itself."""
    rejected: list[Rejection] = []
    notes = Notes()
    records_of: Counter[str] = Counter()

    def records() -> Iterator[Record]:
        for path in paths:
            bar.set_postfix_str(path.name, refresh=False)
            records_of[str(path)] += 0
            for item in read_file(path, max_bytes):
                bar.update()
                if isinstance(item, Record):
                    records_of[str(path)] += 1
                    yield item
                else:
                    rejected.append(item)

    with pq.ParquetWriter(target, PREPARED, compression="zstd") as writer:
        for batch in prepare(records(), notes):
            writer.write_batch(batch)
        note = {
            "records": records_of,
            "rejected": [asdict(r) for r in rejected],
            "notices": [asdict(n) for n in notes.notices],
            "trimmed": [asdict(t) for t in notes.trimmed],
        }
        writer.add_key_value_metadata({_NOTE: json.dumps(note)})


def _note(prepared: Path) -> tuple[dict[str, int], list[Rejection], Notes]:
    """Records per input file, rejections, notices and trimmed lines of a `_prepared` file."""
    note = json.loads(pq.read_metadata(prepared).metadata[_NOTE])
    notes = Notes(
        [Notice(**n) for n in note["notices"]], [TrimmedLine(**t) for t in note["trimmed"]]
    )
    return note["records"], [Rejection(**r) for r in note["rejected"]], notes


def _input(path: Path, sha256: str, max_bytes: int, inputs: Memo, bar: tqdm) -> tuple[Path, bool]:
    """The file of `_prepared` articles of one large input `path`: from `inputs` when it holds
    this file (same path, content and limit), else made there; and whether it was there."""
    key = hashlib.sha256(f"{path}\0{sha256}\0{max_bytes}".encode()).hexdigest()[:32]
    if found := inputs.get_file(key, "parquet"):
        records, rejected, _notices = _note(found)
        bar.update(sum(records.values()) + len(rejected))
        return found, True
    return inputs.put_file(key, "parquet", partial(_prepared, [path], max_bytes, bar)), False


def _status(entry: dict) -> str:
    if entry["articles"] == 0:
        return "rejected"
    return "partial" if entry["rejected"] else "ok"


@dataclass
class Ingested:
    """The ingestion stage's output: the `articles` table on disk and the account of every
    input."""

    articles: Path  # sorted by article id
    table: dict  # its rows and SHA-256
    rejected: list[Rejection]
    notices: list[Notice]
    trimmed: list[TrimmedLine]  # lines of the inputs kept out of the texts
    inputs: list[dict]  # one entry per input file for the manifest
    reused_inputs: list[str]  # the files whose prepared articles came from the cache


def ingest(
    inputs: list[Path],
    directory: Path,
    *,
    max_bytes: int = 5_000_000,
    cache: Path | None = None,
    progress: bool = True,
    timer: Timer | None = None,
) -> Ingested:
    """Read, clean and de-duplicate `inputs` into the `articles` table, written to
    `directory/articles.parquet`, never held whole. With a `cache` (runtime.cache), each large
    input file's prepared articles are kept, and read from there while the file is unchanged."""
    timer = timer or Timer()
    files, missing = discover(inputs)
    store = memo(cache, "inputs", keep=max(1, len(files))) if cache else None
    prepared: list[Path] = []
    rejected: list[Rejection] = []
    notes = Notes()
    file_entries: list[dict] = []
    reused: list[str] = []
    target = directory / "articles.parquet"
    with (
        timer.stage("ingest"),
        tqdm(desc="ingest", unit=" docs", disable=not progress) as bar,
        tempfile.TemporaryDirectory(prefix=".prepared-", dir=directory) as work,
    ):
        shas = {path: file_sha256(path) for path in files}
        # Consecutive files the cache does not keep share one prepared file; the order of the
        # files, which decides which of two equal texts is kept, is the order of `prepared`.
        for kept, group in groupby(
            files, key=lambda p: store is not None and p.stat().st_size >= CACHED_INPUT_BYTES
        ):
            for paths in [[path] for path in group] if kept else [list(group)]:
                if kept:
                    found, from_cache = _input(paths[0], shas[paths[0]], max_bytes, store, bar)
                    reused += [str(paths[0])] if from_cache else []
                else:
                    found = Path(work) / f"{len(prepared)}.parquet"
                    _prepared(paths, max_bytes, bar, found)
                records, file_rejected, file_notes = _note(found)
                prepared.append(found)
                rejected += file_rejected
                notes.notices += file_notes.notices
                notes.trimmed += file_notes.trimmed
                refused = Counter(r.path for r in file_rejected)
                file_entries += [
                    {
                        "path": str(path),
                        "sha256": shas[path],
                        "bytes": path.stat().st_size,
                        "records": records[str(path)],
                        "rejected": refused[str(path)],
                    }
                    for path in paths
                ]
        table, duplicates = build_articles(prepared, target, Path(work))
    rejected = missing + rejected + duplicates
    dropped = {(r.path, r.line) for r in duplicates}
    notices = [n for n in notes.notices if (n.path, n.line) not in dropped]
    trimmed = [t for t in notes.trimmed if (t.path, None) not in dropped]

    duplicate_count = Counter(r.path for r in duplicates)
    for entry in file_entries:
        entry["articles"] = entry["records"] - duplicate_count[entry["path"]]
        entry["rejected"] += duplicate_count[entry["path"]]
        entry["status"] = _status(entry)
        del entry["records"]
    file_entries += [
        {
            "path": r.path,
            "sha256": None,
            "bytes": None,
            "articles": 0,
            "rejected": 1,
            "status": "rejected",
        }
        for r in missing
    ]
    return Ingested(target, table, rejected, notices, trimmed, file_entries, reused)
