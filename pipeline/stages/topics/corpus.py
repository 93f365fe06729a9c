"""The topic stage over a build's corpus: topics from each chunk's paragraphs, content lemmas
and raw mentions; then the `paragraphs` table with each paragraph's topic."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.runtime.corpus import Corpus
from pipeline.runtime.engine import Engine
from pipeline.runtime.memo import Memo
from pipeline.stages.headlines import mark_headlines
from pipeline.stages.paragraphs import build_paragraphs
from pipeline.stages.topics.model import Assigned, Topics, build_topics


def find_topics(
    corpus: Corpus, *, k: int | None, engine: Engine, progress: bool, memo: Memo | None
) -> Topics:
    """The topic stage over the corpus: its paragraphs, their content lemmas and the raw
    mentions' spans, chunk by chunk."""
    parts = (
        (
            _with_furniture(build_paragraphs(chunk["articles"]), chunk["furniture"]),
            chunk["raw_mentions"],
            chunk["lemmas"],
        )
        for chunk in corpus.chunks(["raw_mentions", "lemmas", "furniture"])
    )
    return build_topics(parts, k=k, engine=engine, progress=progress, memo=memo)


def _spans(table: pa.Table) -> pa.Array:
    """Each row's 'article_id:start:stop'."""
    start, stop = (pc.cast(table[c], pa.string()) for c in ("start", "stop"))
    return pc.binary_join_element_wise(table["article_id"], start, stop, ":")


def _with_furniture(paragraphs: pa.Table, furniture: pa.Table) -> pa.Table:
    """`paragraphs` with `furniture`: whether a furniture span covers the whole paragraph."""
    whole = pc.is_in(_spans(paragraphs), value_set=_spans(furniture))
    return paragraphs.append_column("furniture", whole)


def paragraphs_with_topics(corpus: Corpus, topics: Assigned) -> Iterator[pa.Table]:
    """The `paragraphs` table chunk by chunk: each chunk's paragraphs, split again, with their
    topic columns (the topic stage read the same chunks, so its parts follow them)."""
    for chunk, assigned in zip(
        corpus.articles(["article_id", "text"]), topics.parts(), strict=True
    ):
        found = build_paragraphs(chunk)
        if found.num_rows != assigned.num_rows:
            raise RuntimeError("the topic stage's parts do not follow the corpus's chunks")
        found = found.append_column("topic_id", assigned["topic_id"])
        found = found.append_column("topic_score", assigned["topic_score"])
        yield mark_headlines(found, corpus.headlines)
