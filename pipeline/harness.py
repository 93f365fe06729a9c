"""Stages run on a corpus held in memory, for evaluations (`make eval`), benchmarks and tests
of one stage: the same code as a build, without its output directory."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.ingest.inputs import ingest
from pipeline.runtime.engine import SERIAL, Engine
from pipeline.runtime.parquet import write_table
from pipeline.runtime.timer import Timer
from pipeline.stages.analyse import analysed
from pipeline.stages.entities.link import link
from pipeline.stages.situate import situate


def read_articles(inputs: list[Path], max_bytes: int = 5_000_000) -> pa.Table:
    """The `articles` table of `inputs`, whole: for a benchmark or an evaluation of one stage
    on a corpus that fits in memory."""
    with tempfile.TemporaryDirectory(prefix="obzor-articles-") as tmp:
        return pq.read_table(
            ingest(inputs, Path(tmp), max_bytes=max_bytes, progress=False).articles
        )


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
    n = articles.num_rows
    defaults = {  # what a build's articles have and a bare table may lack
        "title": pa.nulls(n, pa.string()),
        "published": pa.nulls(n, pa.date32()),
        "title_stop": pa.repeat(pa.scalar(0, pa.int32()), n),
    }
    for name, column in defaults.items():
        if name not in articles.column_names:
            articles = articles.append_column(name, column)
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
