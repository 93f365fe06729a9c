"""The batch job: inputs -> stages -> tables in an atomically replaced output directory."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import asdict, dataclass
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from itertools import groupby
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

import pipeline
from pipeline.analyse import PER_ARTICLE, analyse
from pipeline.articles import PREPARED, Notice, build_articles, prepare
from pipeline.cache import ArticleCache, Memo, memo, pipeline_version
from pipeline.corpus import CHUNK, Corpus, parts, release_memory
from pipeline.countries import build_country_mentions
from pipeline.engine import SERIAL, Engine, beside, detached
from pipeline.entities import build_article_entities, build_entities
from pipeline.events import build_events
from pipeline.paragraphs import build_paragraphs
from pipeline.quotes import build_quotes, people_of
from pipeline.readers import Record, Rejection, discover, file_sha256, read_file
from pipeline.schema import PARAGRAPHS, TABLES
from pipeline.store import (
    TableWriter,
    atomic_directory,
    write_batches,
    write_manifest,
    write_table,
)
from pipeline.topics import Assigned, Topics, build_topics
from pipeline.words import index_words

LIBRARIES = (
    "natasha",
    "pymorphy2",
    "razdel",
    "pyarrow",
    "charset-normalizer",
    "scikit-learn",
    "stop-words",
    "duckdb",
)


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


class Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        spent = time.perf_counter() - started
        self.seconds[name] = round(self.seconds.get(name, 0.0) + spent, 3)
        release_memory()


#: Input files at least this large keep their prepared articles in the cache (`--cache`); a
#: smaller one is read again as fast as its cache entry would be.
CACHED_INPUT_BYTES = 1 << 20


_NOTE = b"obzor.note"  # a prepared file's rejections and notices, in its metadata


def _prepared(paths: list[Path], max_bytes: int, bar: tqdm, target: Path) -> None:
    """Write the prepared articles (articles.prepare) of the input files `paths`, in order, to
    `target`, with each file's records, rejections and notices in its metadata (`_note`).
    Many small files share one: a file per article would cost more to write and read back
    than the article itself."""
    rejected: list[Rejection] = []
    notices: list[Notice] = []
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
        for batch in prepare(records(), notices):
            writer.write_batch(batch)
        note = {
            "records": records_of,
            "rejected": [asdict(r) for r in rejected],
            "notices": [asdict(n) for n in notices],
        }
        writer.add_key_value_metadata({_NOTE: json.dumps(note)})


def _note(prepared: Path) -> tuple[dict[str, int], list[Rejection], list[Notice]]:
    """Records per input file, rejections and notices of a `_prepared` file."""
    note = json.loads(pq.read_metadata(prepared).metadata[_NOTE])
    return (
        note["records"],
        [Rejection(**r) for r in note["rejected"]],
        [Notice(**n) for n in note["notices"]],
    )


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
    `directory/articles.parquet`, never held whole. With a `cache` (pipeline.cache), each large
    input file's prepared articles are kept, and read from there while the file is unchanged."""
    timer = timer or Timer()
    files, missing = discover(inputs)
    store = memo(cache, "inputs", keep=max(1, len(files))) if cache else None
    prepared: list[Path] = []
    rejected: list[Rejection] = []
    notices: list[Notice] = []
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
                records, file_rejected, file_notices = _note(found)
                prepared.append(found)
                rejected += file_rejected
                notices += file_notices
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
    notices = [n for n in notices if (n.path, n.line) not in dropped]

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
    return Ingested(target, table, rejected, notices, file_entries, reused)


def read_articles(inputs: list[Path], max_bytes: int = 5_000_000) -> pa.Table:
    """The `articles` table of `inputs`, whole: for a benchmark or an evaluation of one stage
    on a corpus that fits in memory."""
    with tempfile.TemporaryDirectory(prefix="obzor-articles-") as tmp:
        return pq.read_table(
            ingest(inputs, Path(tmp), max_bytes=max_bytes, progress=False).articles
        )


@contextmanager
def article_store(cache: Path | None, beside: Path) -> Iterator[Path]:
    """Where a build keeps its per-article results: the `cache` directory, or without one a
    temporary directory `beside` the output (on its disk), removed afterwards."""
    if cache is not None:
        yield cache
        return
    beside.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{beside.name}.articles-", dir=beside.parent) as tmp:
        yield Path(tmp)


def analysed(
    articles: Path,
    root: Path,
    *,
    tables: tuple[str, ...] = tuple(PER_ARTICLE),
    engine: Engine = SERIAL,
    progress: bool = False,
    timer: Timer | None = None,
) -> tuple[Corpus, dict]:
    """The corpus of the `articles` table (a Parquet file sorted by id) with the per-article
    `tables` of every article, in the article cache under `root`: `analyse` runs for the
    articles not there. Returns the corpus and an account of the cache for the manifest."""
    timer = timer or Timer()
    with timer.stage("cache"):
        keyed = parts(articles, CHUNK, ["article_id", "text", "title", "published"])
        store = ArticleCache(root, keyed, {n: PER_ARTICLE[n] for n in tables})
        corpus = Corpus(articles, store)
        new = store.missing()
    with timer.stage("analyse"), store.saving(new) as save:
        chunks = (part.filter(pc.is_in(part["article_id"], new)) for part in corpus.articles())
        analyse(chunks, len(new), save, tables=tables, engine=engine, progress=progress)
    account = {
        "path": str(root),
        "pipeline_version": pipeline_version(),
        "reused_articles": len(corpus) - len(new),
        "analysed_articles": len(new),
        "stages": list(tables),
    }
    return corpus, account


Written = dict[str, dict]  # table name -> its rows and the SHA-256 of its file


def _writers(directory: Path, names: Iterable[str]) -> dict[str, TableWriter]:
    return {name: TableWriter(directory / f"{name}.parquet", TABLES[name]) for name in names}


def _entry(rows: int, sha256: str) -> dict:
    """A written table's manifest entry."""
    return {"rows": rows, "sha256": sha256}


def _closed(writers: dict[str, TableWriter]) -> Written:
    return {name: _entry(*writer.close()) for name, writer in writers.items()}


def link(
    corpus: Corpus, directory: Path, *, engine: Engine = SERIAL, timer: Timer | None = None
) -> tuple[pa.Table, Written]:
    """The entity stage over the corpus (raw mentions, sentences, adjectives): the `entities`
    table, and `mentions` and `article_entities` written into `directory` as they come."""
    timer = timer or Timer()
    writers = _writers(directory, ["mentions", "article_entities"])

    def write(mentions: pa.Table) -> None:
        writers["mentions"].write(mentions)
        writers["article_entities"].write(build_article_entities(mentions))

    with timer.stage("entities"):
        entities = build_entities(corpus, write, engine=engine)
        return entities, _closed(writers)


def situate(
    corpus: Corpus,
    directory: Path,
    entities: pa.Table,
    *,
    engine: Engine = SERIAL,
    timer: Timer | None = None,
) -> Written:
    """`sentences`, `country_mentions` and (when the corpus has their per-article tables)
    `events` and `quotes`, chunk by chunk, written into `directory`, where `link` wrote the
    mentions. Quotes are named on `engine`'s workers while the next chunks' countries and
    events are found here."""
    timer = timer or Timer()
    optional = [name for name in ("dates", "speech") if name in corpus.store.tables]
    writers = _writers(
        directory, ["sentences", "country_mentions", *(_SITUATED[name] for name in optional)]
    )
    chunks = corpus.chunks(
        ["sentences", "adjectives", *optional], files={"mentions": directory / "mentions.parquet"}
    )
    people = people_of(entities)
    if corpus.chunked <= 1:  # one task: not worth starting workers
        engine = SERIAL

    def quotes_to_name() -> Iterator[tuple]:
        """Per chunk: its countries and events, written; then what naming its quotes needs
        (for a worker, only what the chunk holds)."""
        for chunk in chunks:
            with timer.stage("countries"):
                country_mentions = build_country_mentions(
                    chunk["adjectives"], chunk["sentences"], chunk["mentions"], entities
                )
            with timer.stage("events"):
                if "dates" in chunk:
                    writers["events"].write(
                        build_events(
                            chunk["articles"],
                            chunk["sentences"],
                            chunk["dates"],
                            chunk["mentions"],
                            country_mentions,
                        )
                    )
            with timer.stage("write"):
                writers["sentences"].write(chunk["sentences"])
                writers["country_mentions"].write(country_mentions)
            if "speech" not in chunk:
                continue
            tables = (
                chunk["articles"].select(["article_id", "text"]),
                chunk["sentences"],
                chunk["speech"],
                chunk["mentions"],
                country_mentions,
            )
            if not engine.parallel:
                yield *tables, people
                continue
            named = pc.unique(chunk["mentions"]["entity_id"]).to_pylist()
            yield *map(detached, tables), {e: people[e] for e in named if e in people}

    # The quotes stage's seconds include the countries and events found meanwhile.
    with timer.stage("quotes") if "speech" in optional else nullcontext():
        for quotes in engine.imap(build_quotes, quotes_to_name()):
            writers["quotes"].write(quotes)
    with timer.stage("write"):
        return _closed(writers)


#: The table `situate` writes from each optional per-article table.
_SITUATED = {"dates": "events", "speech": "quotes"}


def entity_tables(
    articles: pa.Table,
    *,
    engine: Engine = SERIAL,
    progress: bool = False,
    timer: Timer | None = None,
) -> dict[str, pa.Table]:
    """The entity stages over `articles` (`article_id`, `text`): `sentences`, `mentions`,
    `entities`, `article_entities`, `country_mentions` and `quotes`."""
    articles = articles.sort_by("article_id")  # the order a corpus is read in
    for name, kind in (("title", pa.string()), ("published", pa.date32())):  # cache keys read them
        if name not in articles.column_names:
            articles = articles.append_column(name, pa.nulls(articles.num_rows, kind))
    with tempfile.TemporaryDirectory(prefix="obzor-entities-") as tmp:
        write_table(articles, Path(tmp) / "articles.parquet")
        corpus, _account = analysed(
            Path(tmp) / "articles.parquet",
            Path(tmp) / "cache",
            tables=("sentences", "raw_mentions", "adjectives", "speech"),
            engine=engine,
            progress=progress,
            timer=timer,
        )
        entities, written = link(corpus, Path(tmp), engine=engine, timer=timer)
        written |= situate(corpus, Path(tmp), entities, engine=engine, timer=timer)
        return {
            "entities": entities,
            **{name: pq.read_table(Path(tmp) / f"{name}.parquet") for name in written},
        }


def _topics(
    corpus: Corpus, *, k: int | None, engine: Engine, progress: bool, memo: Memo | None
) -> Topics:
    """The topic stage over the corpus: its paragraphs, their content lemmas and the raw
    mentions' spans, chunk by chunk."""
    parts = (
        (build_paragraphs(chunk["articles"]), chunk["raw_mentions"], chunk["lemmas"])
        for chunk in corpus.chunks(["raw_mentions", "lemmas"])
    )
    return build_topics(parts, k=k, engine=engine, progress=progress, memo=memo)


def _paragraphs(corpus: Corpus, topics: Assigned) -> Iterator[pa.Table]:
    """The `paragraphs` table chunk by chunk: each chunk's paragraphs, split again, with their
    topic columns (the topic stage read the same chunks, so its parts follow them)."""
    for chunk, assigned in zip(
        corpus.articles(["article_id", "text"]), topics.parts(), strict=True
    ):
        found = build_paragraphs(chunk)
        if found.num_rows != assigned.num_rows:
            raise RuntimeError("the topic stage's parts do not follow the corpus's chunks")
        yield found.append_column("topic_id", assigned["topic_id"]).append_column(
            "topic_score", assigned["topic_score"]
        )


def build(
    inputs: list[Path],
    out: Path,
    *,
    max_bytes: int = 5_000_000,
    engine: Engine = SERIAL,
    topics: int | None = None,
    cache: Path | None = None,
    progress: bool = True,
) -> dict:
    """Build the tables for `inputs` into `out`; return the manifest.

    `engine` runs the parallel parts (pipeline.engine.start); `topics` fixes the number of
    topics instead of choosing it; `cache` is a directory that keeps per-article results
    between builds (pipeline.cache), so that only new or changed articles are analysed.

    Every stage reads the corpus chunk by chunk from disk (pipeline.corpus) and writes its
    tables as they come: the build holds per-corpus state only where a stage needs the whole
    corpus at once (names for alias merging, the topic model).

    Raises NoArticles (with the manifest of what was rejected) when nothing is usable; `out`
    is then left untouched.
    """
    timer = Timer()
    created_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    manifest = {
        "schema_version": pipeline.SCHEMA_VERSION,
        "build_id": None,
        "created_at": created_at,
        "project": {"name": "obzor", "version": pipeline.__version__},
        "pipeline_version": pipeline_version(),
        "python": platform.python_version(),
        "libraries": _versions(),
        "options": {
            "inputs": [str(p) for p in inputs],
            "max_bytes": max_bytes,
            "engine": engine.name,
            "workers": engine.workers,
            "topics": topics,
            "cache": str(cache) if cache else None,
        },
        "inputs": [],
        "rejected": [],
        "warnings": [],
        "tables": {},
        "seconds": timer.seconds,
    }
    with atomic_directory(out) as scratch, article_store(cache, out) as root, ExitStack() as later:
        ingested = ingest(
            inputs, scratch, max_bytes=max_bytes, cache=cache, progress=progress, timer=timer
        )
        manifest["inputs"] = sorted(ingested.inputs, key=lambda e: e["path"])
        manifest["rejected"] = [
            asdict(r) for r in sorted(ingested.rejected, key=lambda r: (r.path, r.line or 0))
        ]
        manifest["warnings"] = [asdict(n) for n in ingested.notices]
        if ingested.table["rows"] == 0:
            raise NoArticles(manifest)
        manifest["tables"]["articles"] = ingested.table

        def emit(**tables: pa.Table) -> None:
            """Write finished tables now: the build holds only what later stages read."""
            with timer.stage("write"):
                for name, table in tables.items():
                    sha = write_table(table, scratch / f"{name}.parquet")
                    manifest["tables"][name] = _entry(table.num_rows, sha)

        def emit_batches(name: str, batches: Iterator[pa.Table], schema: pa.Schema) -> None:
            """Write a table as its parts are made, in the row groups `emit` would write."""
            manifest["tables"][name] = _entry(
                *write_batches(batches, schema, scratch / f"{name}.parquet")
            )

        corpus, account = analysed(
            ingested.articles, root, engine=engine, progress=progress, timer=timer
        )
        if cache is not None:
            manifest["cache"] = {**account, "reused_inputs": ingested.reused_inputs}
        # The words index needs only the cache: it is sorted from now on in a process of its
        # own, on the cores the other stages leave idle.
        words = later.enter_context(
            beside(index_words, corpus, scratch / "words.parquet", idle=engine.parallel)
        )
        fits = memo(cache, "topics") if cache else None  # the fits that choose K

        def find_topics() -> Topics:
            with timer.stage("topics"):
                return _topics(corpus, k=topics, engine=engine, progress=progress, memo=fits)

        # Topics need only the raw mentions' spans: they run beside the entity stages, their
        # fits on the workers while the entity stages take the build process's core.
        with ThreadPoolExecutor(1, thread_name_prefix="topics") as thread:
            topics_found = thread.submit(find_topics)
            entities, written = link(corpus, scratch, engine=engine, timer=timer)
            emit(entities=entities)
            found = topics_found.result()
        manifest["tables"].update(written)
        manifest["topics"] = found.model
        if fits is not None:
            manifest["cache"]["reused_topic_fits"] = fits.hits > 0
        with timer.stage("write"):
            emit_batches("paragraphs", _paragraphs(corpus, found.assigned), PARAGRAPHS)
        emit(topics=found.topics, article_topics=found.article_topics)
        del found
        manifest["tables"].update(situate(corpus, scratch, entities, engine=engine, timer=timer))
        del entities
        with timer.stage("words"):
            manifest["tables"]["words"] = _entry(*words())

        manifest["tables"] = {name: manifest["tables"][name] for name in TABLES}
        digest = hashlib.sha256()
        for name, entry in manifest["tables"].items():
            digest.update(f"{name}:{entry['sha256']}".encode())
        manifest["build_id"] = digest.hexdigest()[:12]
        write_manifest(manifest, scratch)
    written = timer.seconds.pop("write")  # spread over the build; listed last
    manifest["seconds"] = {**timer.seconds, "write": written}
    write_manifest(manifest, out)  # adds the write stage's time; same content otherwise
    return manifest
