"""Stage: candidate records to the `articles` table (ids, dates, titles, de-duplication)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyarrow as pa

from pipeline.dates import parse_date
from pipeline.readers import Record, Rejection
from pipeline.schema import ARTICLES
from pipeline.text import content_hash, first_sentence, words


@dataclass(frozen=True)
class Notice:
    path: str
    line: int | None
    message: str


class Texts(Mapping[str, str]):
    """Article texts by id, taken from the `articles` table when asked (the last one kept, as
    stages read article by article): a stage never holds every text as a Python string."""

    def __init__(self, articles: pa.Table) -> None:
        self._column = articles.column("text")
        self._row = {a: i for i, a in enumerate(articles.column("article_id").to_pylist())}
        self._last: tuple[str | None, str] = (None, "")

    def __getitem__(self, article_id: str) -> str:
        if self._last[0] != article_id:
            self._last = (article_id, self._column[self._row[article_id]].as_py())
        return self._last[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)


def origin(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"


#: Articles converted to Arrow at a time.
BATCH = 2_000


def build_articles(
    records: Iterable[Record],
) -> tuple[pa.Table, list[Rejection], list[Notice]]:
    """One row per distinct text, sorted by `article_id`; later duplicates are rejected.

    Records must arrive in a deterministic order (sorted paths, then file order): the first
    occurrence of a text is the one kept.
    """
    seen: dict[str, str] = {}
    rows: list[dict] = []
    batches: list[pa.RecordBatch] = []
    rejected: list[Rejection] = []
    warnings: list[Notice] = []
    for record in records:
        tokens = words(record.text)
        digest = content_hash(tokens)
        where = origin(record.path, record.line)
        if digest in seen:
            reason = f"duplicate text of {seen[digest]}"
            rejected.append(Rejection(record.path, record.line, reason))
            continue
        seen[digest] = where
        published = parse_date(record.date) if record.date else None
        if record.date and published is None:
            warnings.append(
                Notice(record.path, record.line, f"unrecognised date {record.date!r}; left empty")
            )
        rows.append(
            {
                "article_id": digest[:16],
                "source": record.source,
                "title": record.title or first_sentence(record.text),
                "published": published,
                "date_source": record.date_source if published else "missing",
                "url": record.url,
                "text": record.text,
                "n_chars": len(record.text),
                "n_words": len(tokens),
                "external_id": record.external_id,
                "origin": where,
            }
        )
        if len(rows) == BATCH:  # columnar as they come: Python rows of a big corpus do not fit
            batches.append(pa.RecordBatch.from_pylist(rows, schema=ARTICLES))
            rows = []
    batches.append(pa.RecordBatch.from_pylist(rows, schema=ARTICLES))
    table = pa.Table.from_batches(batches).sort_by("article_id").combine_chunks()
    return table, rejected, warnings
