"""The batch job: inputs -> stages -> tables in an atomically replaced output directory.

The order of the stages, each reading the corpus chunk by chunk from disk and writing its
tables as they come:
1. ingest: files -> the `articles` table (pipeline.ingest);
2. per-article stages on the engine's workers, kept in the article cache (stages.analyse);
3. the `words` index, sorted in a process of its own from the cache, and its `vocabulary`
   (stages.words);
4. alias merging -> `entities`, `mentions`, `article_entities` (stages.entities), with the
   topic model fitted beside it (stages.topics);
5. `paragraphs` with their topics, `topics`, `article_topics`;
6. `sentences`, `country_mentions`, `furniture`, `events`, `quotes`, chunk by chunk
   (stages.situate); `events`, `quotes`, `mentions`, `country_mentions` and
   `article_entities` then laid out by date, the events' sentences written by the date each
   names, the quotes by the entities that say them or that they name, and the sentences naming
   each actor or country once, `network_units` (stages.by_date);
   then a check of the dates sources share (stages.shared_dates), and the counts of the whole
   build the dashboard's first view reads (stages.totals);
7. once the words index is written, `articles` laid out by date too, their texts written
   once more in small row groups, `article_texts`, and each article's actors, countries and
   topics once, by value, `article_facets` (stages.by_date).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa

from pipeline.ingest.inputs import Ingested, ingest
from pipeline.manifest import Manifest, NoArticles
from pipeline.runtime.cache import article_store
from pipeline.runtime.engine import SERIAL, Engine, beside
from pipeline.runtime.files import atomic_directory
from pipeline.runtime.memo import memo
from pipeline.runtime.output import entry
from pipeline.runtime.parquet import write_batches, write_table
from pipeline.runtime.timer import Timer
from pipeline.schema import PARAGRAPHS
from pipeline.stages.analyse import analysed
from pipeline.stages.by_date import (
    article_facets,
    article_texts,
    articles_by_date,
    by_date,
    entity_quotes,
    event_sentences,
    network_units,
)
from pipeline.stages.entities.link import link
from pipeline.stages.shared_dates import shared_dates
from pipeline.stages.situate import situate
from pipeline.stages.topics.corpus import find_topics, paragraphs_with_topics
from pipeline.stages.topics.model import Topics
from pipeline.stages.topics.names import name_topics
from pipeline.stages.totals import totals
from pipeline.stages.words import index_vocabulary, index_words

__all__ = ["NoArticles", "build"]


def _account(manifest: Manifest, ingested: Ingested) -> None:
    """Record every input, rejection, notice and trimmed line of the ingest stage."""
    manifest.inputs = sorted(ingested.inputs, key=lambda e: e["path"])
    rejected = sorted(ingested.rejected, key=lambda r: (r.path, r.line or 0))
    manifest.rejected = [asdict(r) for r in rejected]
    manifest.warnings = [asdict(n) for n in ingested.notices]
    manifest.trimmed = [asdict(t) for t in ingested.trimmed]


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

    `engine` runs the parallel parts (runtime.engine.start); `topics` fixes the number of
    topics instead of choosing it; `cache` is a directory that keeps per-article results
    between builds (runtime.cache), so that only new or changed articles are analysed.
    Raises NoArticles (with the manifest of what was rejected) when nothing is usable; `out`
    is then left untouched.
    """
    timer = Timer()
    options = {"inputs": [str(p) for p in inputs], "max_bytes": max_bytes}
    options |= {"engine": engine.name, "workers": engine.workers, "topics": topics}
    options |= {"cache": str(cache) if cache else None}
    manifest = Manifest(options=options, seconds=timer.seconds)
    with atomic_directory(out) as scratch, article_store(cache, out) as root, ExitStack() as later:

        def write(name: str, table: pa.Table) -> None:
            with timer.stage("write"):
                manifest.tables[name] = entry(
                    table.num_rows, write_table(table, scratch / f"{name}.parquet")
                )

        ingested = ingest(
            inputs, scratch, max_bytes=max_bytes, cache=cache, progress=progress, timer=timer
        )
        _account(manifest, ingested)
        if ingested.table["rows"] == 0:
            raise NoArticles(manifest.as_dict())
        manifest.tables["articles"] = ingested.table

        corpus, account = analysed(
            ingested.articles, root, engine=engine, progress=progress, timer=timer
        )
        if cache is not None:
            manifest.cache = {**account, "reused_inputs": ingested.reused_inputs}
        # The words index needs only the cache: it is sorted from now on in a process of its
        # own, on the cores the other stages leave idle.
        words = later.enter_context(
            beside(index_words, corpus, scratch / "words.parquet", idle=engine.parallel)
        )
        fits = memo(cache, "topics") if cache else None  # the fits that choose K

        def topic_model() -> Topics:
            with timer.stage("topics"):
                return find_topics(corpus, k=topics, engine=engine, progress=progress, memo=fits)

        # Topics need only the raw mentions' spans: they run beside the entity stages, their
        # fits on the workers while the entity stages take the build process's core.
        with ThreadPoolExecutor(1, thread_name_prefix="topics") as thread:
            found_topics = thread.submit(topic_model)
            entities, written = link(corpus, scratch, engine=engine, timer=timer)
            write("entities", entities)
            found = found_topics.result()
        manifest.tables |= written
        manifest.topics = found.model
        if fits is not None:
            manifest.cache["reused_topic_fits"] = fits.hits > 0
        with timer.stage("write"):
            paragraphs = paragraphs_with_topics(corpus, found.assigned)
            manifest.tables["paragraphs"] = entry(
                *write_batches(paragraphs, PARAGRAPHS, scratch / "paragraphs.parquet")
            )
        # Named once the paragraphs have their topics and the mentions their entities.
        write(
            "topics",
            name_topics(
                found.topics, scratch / "paragraphs.parquet", scratch / "mentions.parquet", entities
            ),
        )
        write("article_topics", found.article_topics)
        del found
        manifest.tables |= situate(corpus, scratch, entities, engine=engine, timer=timer)
        del entities
        with timer.stage("write"):
            manifest.tables |= by_date(scratch)
            manifest.tables |= event_sentences(scratch)
            manifest.tables |= entity_quotes(scratch)
            manifest.tables |= network_units(scratch)
            manifest.tables |= totals(scratch)
        manifest.warnings += shared_dates(scratch / "articles.parquet", scratch / "events.parquet")
        with timer.stage("words"):
            manifest.tables["words"] = entry(*words())
            manifest.tables["vocabulary"] = entry(
                *index_vocabulary(scratch / "words.parquet", scratch / "vocabulary.parquet")
            )
        with timer.stage("write"):  # once the words index has read the articles in id order
            manifest.tables |= articles_by_date(scratch)
            manifest.tables |= article_texts(scratch)
            manifest.tables |= article_facets(scratch)
        manifest.seal()
        manifest.write(scratch)
    written_seconds = timer.seconds.pop("write")  # spread over the build; listed last
    manifest.seconds = {**timer.seconds, "write": written_seconds}
    manifest.write(out)  # adds the write stage's time; same content otherwise
    return manifest.as_dict()
