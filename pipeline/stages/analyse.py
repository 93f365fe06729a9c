"""The per-article stages (`registry.PER_ARTICLE`) over a corpus. Articles go in chunks to the
engine's workers (local processes or a Dask cluster), with a bounded number of chunks in
flight; the tables come back in article order, identical for any engine and number of
workers, and go straight to the article cache (pipeline.runtime.cache), from which the
corpus-wide stages read them chunk by chunk."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from tqdm import tqdm

from pipeline.runtime.cache import ArticleCache
from pipeline.runtime.corpus import CHUNK_ARTICLES, Corpus
from pipeline.runtime.engine import SERIAL, Engine, detached
from pipeline.runtime.parquet import parts, rechunk
from pipeline.runtime.timer import Timer
from pipeline.runtime.version import pipeline_version
from pipeline.stages.furniture import blanked
from pipeline.stages.paragraphs import build_paragraphs, resliced
from pipeline.stages.registry import PER_ARTICLE

#: The per-article tables every build finds, whatever else it asks for.
ALWAYS = ("furniture", "sentences")
#: Articles per task: enough sentences to fill NER batches, few enough to balance the workers.
TASK_ARTICLES = 32
_ARTICLE_COLUMNS = ["article_id", "title", "title_stop", "text", "published"]


def analyse_chunk(articles: pa.Table, tables: Collection[str]) -> dict[str, pa.Table]:
    """The per-article `tables` of a few articles (a task on a worker, which also splits their
    paragraphs); `furniture` and `sentences` always."""
    found = {"articles": articles, "paragraphs": build_paragraphs(articles)}
    for name, stage in PER_ARTICLE.items():
        if name in tables or name in ALWAYS:
            found[name] = stage.find(*(found[read] for read in stage.reads))
        if name == "furniture":  # what follows reads the text without its furniture
            found["articles"] = blanked(articles, found["furniture"])
            found["paragraphs"] = resliced(found["paragraphs"], found["articles"])
    _freeze_models()
    return {name: found[name] for name in PER_ARTICLE if name in found}


def _freeze_models() -> None:
    """After a process's first task, which loaded the models and lexicons its stages read, keep
    what it holds out of the cycle collector's reach (`gc.freeze`): they live as long as the
    process, and each full collection would walk every object of them again, charged to
    whichever stage it lands in. What later tasks make is collected as before."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def _chunks(articles: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """The articles of `articles` (tables of them) TASK_ARTICLES at a time, each a table of its
    own (a pickled slice would carry its parent's buffers to the worker)."""
    columns = (
        part.select([c for c in _ARTICLE_COLUMNS if c in part.column_names]) for part in articles
    )
    return (detached(chunk) for chunk in rechunk(columns, TASK_ARTICLES))


def analyse(
    articles: Iterable[pa.Table],
    total: int,
    sink: Callable[[str, pa.Table], None],
    *,
    tables: Collection[str] = tuple(PER_ARTICLE),
    engine: Engine = SERIAL,
    progress: bool = False,
) -> None:
    """The per-article `tables` (`furniture` and `sentences` always) of the `total` articles
    in `articles` (tables of them, read as they are needed), each chunk's rows given to
    `sink(table, rows)` as the chunk is done, in article order."""
    names = [n for n in PER_ARTICLE if n in tables or n in ALWAYS]
    bar = tqdm(total=total, desc="analyse", unit=" docs", disable=not progress)
    with bar:
        if total <= TASK_ARTICLES:  # one task: not worth starting workers
            engine = SERIAL
        sizes: deque[int] = deque()  # of the chunks sent and not yet back

        def tasks() -> Iterator[tuple]:
            for chunk in _chunks(articles):
                sizes.append(chunk.num_rows)
                yield chunk, names

        for found in engine.imap(analyse_chunk, tasks()):
            for name in names:
                sink(name, found[name].cast(PER_ARTICLE[name].schema))
            bar.update(sizes.popleft())


def analysed(
    articles: Path,
    root: Path,
    *,
    tables: tuple[str, ...] = tuple(PER_ARTICLE),
    engine: Engine = SERIAL,
    progress: bool = False,
    timer: Timer | None = None,
    prune: bool = True,
) -> tuple[Corpus, dict]:
    """The corpus of the `articles` table (a Parquet file sorted by id) with the per-article
    `tables` of every article, in the article cache under `root`: `analyse` runs for the
    articles not there. Returns the corpus and an account of the cache for the manifest.
    `prune=False` leaves the cache's other versions (other code's results) in place."""
    timer = timer or Timer()
    tables = tuple(name for name in PER_ARTICLE if name in tables or name in ALWAYS)
    with timer.stage("cache"):
        keyed = parts(articles, CHUNK_ARTICLES, ["article_id", "text", "title", "published"])
        kept = {n: (PER_ARTICLE[n].schema, PER_ARTICLE[n].order) for n in tables}
        store = ArticleCache(root, keyed, kept, prune=prune)
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
