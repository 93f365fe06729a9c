"""The entity stage over a build's corpus: the `entities` table, with `mentions` and
`article_entities` written as alias merging makes them."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipeline.runtime.corpus import Corpus
from pipeline.runtime.engine import SERIAL, Engine
from pipeline.runtime.output import Written, closed, writers
from pipeline.runtime.timer import Timer
from pipeline.stages.entities.merge import build_article_entities, build_entities
from pipeline.stages.headlines import mark_headlines


def link(
    corpus: Corpus, directory: Path, *, engine: Engine = SERIAL, timer: Timer | None = None
) -> tuple[pa.Table, Written]:
    """The entity stage over the corpus (raw mentions, sentences, adjectives): the `entities`
    table, and `mentions` and `article_entities` written into `directory` as they come."""
    timer = timer or Timer()
    output = writers(directory, ["mentions", "article_entities"])

    def write(mentions: pa.Table) -> None:
        output["mentions"].write(mark_headlines(mentions, corpus.headlines))
        output["article_entities"].write(build_article_entities(mentions))

    with timer.stage("entities"):
        entities = build_entities(corpus, write, engine=engine)
        return entities, closed(output)
