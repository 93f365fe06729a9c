"""Stage: candidate records to the `articles` table (ids, dates, titles, de-duplication)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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
#: A prepared article: its `articles` row, the whole hash of its words (`digest`), the input it
#: came from and its line there, for de-duplication across inputs.
PREPARED = pa.schema([*ARTICLES, pa.field("digest", pa.string(), nullable=False),
                      pa.field("path", pa.string(), nullable=False),
                      pa.field("line", pa.int64())])  # fmt: skip


def prepare(records: Iterable[Record]) -> tuple[pa.Table, list[Notice]]:
    """Each record as a row of PREPARED, in input order, with a notice per unreadable date."""
    rows: list[dict] = []
    batches: list[pa.RecordBatch] = []
    notices: list[Notice] = []
    for record in records:
        tokens = words(record.text)
        digest = content_hash(tokens)
        published = parse_date(record.date) if record.date else None
        if record.date and published is None:
            notices.append(
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
                "origin": origin(record.path, record.line),
                "digest": digest,
                "path": record.path,
                "line": record.line,
            }
        )
        if len(rows) == BATCH:  # columnar as they come: Python rows of a big corpus do not fit
            batches.append(pa.RecordBatch.from_pylist(rows, schema=PREPARED))
            rows = []
    batches.append(pa.RecordBatch.from_pylist(rows, schema=PREPARED))
    return pa.Table.from_batches(batches), notices


def build_articles(prepared: list[pa.Table]) -> tuple[pa.Table, list[Rejection]]:
    """One row per distinct text, sorted by `article_id`, from the `prepare`d inputs in a
    deterministic order (sorted paths, then file order): the first occurrence of a text is kept,
    later ones are rejected as its duplicates."""
    table = pa.concat_tables(prepared).combine_chunks() if prepared else PREPARED.empty_table()
    numbered = table.select(["digest"]).append_column("row", pa.array(np.arange(table.num_rows)))
    first = numbered.group_by("digest", use_threads=False).aggregate([("row", "min")])
    first_row = pc.take(first["row_min"], pc.index_in(table["digest"], first["digest"]))
    duplicate = pc.not_equal(first_row, numbered["row"])
    later = table.filter(duplicate)
    originals = table["origin"].take(first_row.filter(duplicate))
    rejected = [
        Rejection(path, line, f"duplicate text of {original}")
        for path, line, original in zip(later["path"].to_pylist(), later["line"].to_pylist(),
                                        originals.to_pylist(), strict=True)
    ]  # fmt: skip
    articles = table.filter(pc.invert(duplicate)).select(ARTICLES.names)
    return articles.sort_by("article_id").combine_chunks(), rejected
