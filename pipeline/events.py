"""Stage: `sentences` to `events`, the calendar references in each sentence, resolved against
the article's publication date and linked to the entities and countries of their sentence."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pyarrow as pa
from tqdm import tqdm

from pipeline.schema import EVENTS
from pipeline.timex import find


def relation(start: dt.date | None, end: dt.date | None, published: dt.date | None) -> str | None:
    """'past', 'same' or 'future': where a date range lies relative to publication."""
    if published is None or start is None:
        return None
    if end < published:
        return "past"
    return "future" if start > published else "same"


def _by_sentence(table: pa.Table, column: str) -> dict[tuple[str, int], list[str]]:
    """The distinct values of `column` in each (article, sentence) of `table`, sorted."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for article_id, sentence, value in zip(
        *(table.column(c).to_pylist() for c in ("article_id", "sentence", column)),
        strict=True,
    ):
        found[article_id, sentence].add(value)
    return {key: sorted(values) for key, values in found.items()}


def build_events(
    articles: pa.Table,
    sentences: pa.Table,
    mentions: pa.Table,
    country_mentions: pa.Table,
    *,
    progress: bool = False,
) -> pa.Table:
    """One row per calendar reference, sorted by article and position."""
    texts = dict(zip(*(articles.column(c).to_pylist() for c in ("article_id", "text")),
                     strict=True))  # fmt: skip
    published = dict(zip(*(articles.column(c).to_pylist() for c in ("article_id", "published")),
                         strict=True))  # fmt: skip
    entities = _by_sentence(mentions, "entity_id")
    countries = _by_sentence(country_mentions, "country")
    columns: dict[str, list] = {name: [] for name in EVENTS.names}
    rows = zip(
        *(
            sentences.column(c).to_pylist()
            for c in ("article_id", "paragraph", "sentence", "start", "stop")
        ),
        strict=True,
    )
    for article_id, paragraph, number, start, stop in tqdm(
        rows, total=sentences.num_rows, desc="events", unit=" sentences", disable=not progress
    ):
        text = texts[article_id][start:stop]
        when = published[article_id]
        found = find(text, when)
        if not found:
            continue
        for timex in found:
            values = {
                "article_id": article_id,
                "paragraph": paragraph,
                "start": start + timex.start,
                "stop": start + timex.stop,
                "date_text": timex.text,
                "date_start": timex.date_start,
                "date_end": timex.date_end,
                "granularity": timex.granularity,
                "relation": relation(timex.date_start, timex.date_end, when),
                "sentence": text,
                "sentence_start": start,
                "sentence_stop": stop,
                "entity_ids": entities.get((article_id, number), []),
                "countries": countries.get((article_id, number), []),
            }
            for name, value in values.items():
                columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=EVENTS)
