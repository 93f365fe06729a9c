"""Stage: `sentences` to `events`, the calendar references in each sentence, resolved against
the article's publication date and linked to the entities and countries of their sentence."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pyarrow as pa
from tqdm import tqdm

from pipeline.articles import Texts
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


#: Calendar references per sentence, before linking (the per-article cache stores them).
DATES = pa.schema([
    ("article_id", pa.string()), ("sentence", pa.int32()), ("start", pa.int32()),
    ("stop", pa.int32()), ("date_text", pa.string()), ("date_start", pa.date32()),
    ("date_end", pa.date32()), ("granularity", pa.string()),
])  # fmt: skip


def _sentence_rows(sentences: pa.Table) -> zip:
    columns = ("article_id", "paragraph", "sentence", "start", "stop")
    return zip(*(sentences.column(c).to_pylist() for c in columns), strict=True)


def find_dates(articles: pa.Table, sentences: pa.Table, *, progress: bool = False) -> pa.Table:
    """Every calendar reference of every sentence, resolved against its article's publication
    date; offsets into `articles.text`."""
    texts = Texts(articles)
    published = dict(zip(*(articles.column(c).to_pylist() for c in ("article_id", "published")),
                         strict=True))  # fmt: skip
    columns: dict[str, list] = {name: [] for name in DATES.names}
    for article_id, _paragraph, number, start, stop in tqdm(
        _sentence_rows(sentences), total=sentences.num_rows, desc="dates", unit=" sentences",
        disable=not progress,
    ):  # fmt: skip
        for timex in find(texts[article_id][start:stop], published[article_id]):
            row = (article_id, number, start + timex.start, start + timex.stop, timex.text,
                   timex.date_start, timex.date_end, timex.granularity)  # fmt: skip
            for name, value in zip(DATES.names, row, strict=True):
                columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=DATES)


def build_events(
    articles: pa.Table,
    sentences: pa.Table,
    dates: pa.Table,
    mentions: pa.Table,
    country_mentions: pa.Table,
) -> pa.Table:
    """One row per calendar reference (`find_dates`) with its sentence, relation to the
    publication date and the sentence's entities and countries; sorted by article and position."""
    texts = Texts(articles)
    published = dict(zip(*(articles.column(c).to_pylist() for c in ("article_id", "published")),
                         strict=True))  # fmt: skip
    sentence_of = {(a, number): (paragraph, start, stop)
                   for a, paragraph, number, start, stop in _sentence_rows(sentences)}  # fmt: skip
    entities = _by_sentence(mentions, "entity_id")
    countries = _by_sentence(country_mentions, "country")
    columns: dict[str, list] = {name: [] for name in EVENTS.names}
    dates = dates.sort_by([("article_id", "ascending"), ("start", "ascending")])
    for row in dates.to_pylist():
        article_id, number = row["article_id"], row["sentence"]
        paragraph, start, stop = sentence_of[article_id, number]
        values = {
            "article_id": article_id,
            "paragraph": paragraph,
            "start": row["start"],
            "stop": row["stop"],
            "date_text": row["date_text"],
            "date_start": row["date_start"],
            "date_end": row["date_end"],
            "granularity": row["granularity"],
            "relation": relation(row["date_start"], row["date_end"], published[article_id]),
            "sentence": texts[article_id][start:stop],
            "sentence_start": start,
            "sentence_stop": stop,
            "entity_ids": entities.get((article_id, number), []),
            "countries": countries.get((article_id, number), []),
        }
        for name, value in values.items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=EVENTS)
