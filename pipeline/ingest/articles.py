"""Stage: candidate records to the `articles` table (ids, dates, titles, de-duplication)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.ingest.dates import parse_date
from pipeline.ingest.readers import Record, Rejection
from pipeline.ingest.text import PARAGRAPH_SEP, content_hash, first_sentence, words
from pipeline.nlp.furniture import dateline
from pipeline.runtime.parquet import TableWriter, parts
from pipeline.schema import ARTICLES


@dataclass(frozen=True)
class Notice:
    path: str
    line: int | None
    message: str


@dataclass(frozen=True)
class TrimmedLine:
    """A line of an input kept out of its article's text, with the reason (the manifest's
    `trimmed`)."""

    path: str
    line: int
    text: str
    reason: str


@dataclass
class Notes:
    """What ingestion says of its inputs besides their articles: unreadable dates (`notices`)
    and the lines kept out of a text (`trimmed`)."""

    notices: list[Notice] = field(default_factory=list)
    trimmed: list[TrimmedLine] = field(default_factory=list)


def origin(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"


#: Articles converted to Arrow at a time.
BATCH = 2_000
#: A prepared article: its `articles` row, the whole hash of its words (`digest`), the input it
#: came from and its line there, for de-duplication across inputs.
PREPARED = pa.schema(
    [
        *ARTICLES,
        pa.field("digest", pa.string(), nullable=False),
        pa.field("path", pa.string(), nullable=False),
        pa.field("line", pa.int64()),
    ]
)


def dateline_date(body: str) -> dt.date | None:
    """The date of the agency dateline opening `body`, when it has a year: how an undated
    article is dated ('ВАШИНГТОН, 3 марта 2017 г. - ТАСС.'); None otherwise."""
    opening = dateline(body.split(PARAGRAPH_SEP, 1)[0])
    return parse_date(opening["date"]) if opening else None


def headed(title: str | None, body: str) -> tuple[str, str, int]:
    """An article's title, text and `title_stop`: its own headline (`title`, on one line)
    becomes the text's first paragraph, unless the body already starts with it; without one,
    the title is the body's first sentence and `title_stop` is 0."""
    headline = " ".join(title.split()) if title else ""
    if not headline:
        return first_sentence(body), body, 0
    if body == headline or body.startswith(headline + PARAGRAPH_SEP):
        return headline, body, len(headline)
    return headline, headline + PARAGRAPH_SEP + body, len(headline)


def prepare(records: Iterable[Record], notes: Notes) -> Iterator[pa.RecordBatch]:
    """Each record as a row of PREPARED, in input order, BATCH rows at a time; a notice per
    unreadable date and each record's trimmed lines go to `notes`. The id and duplicate
    digest are of the body's words: a headline does not make a text another article."""
    rows: list[dict] = []
    for record in records:
        tokens = words(record.text)
        digest = content_hash(tokens)
        published = parse_date(record.date) if record.date else None
        date_source = record.date_source if published else "missing"
        if published is None and (inferred := dateline_date(record.text)):
            published, date_source = inferred, "inferred"
        if record.date and published is None:
            notes.notices.append(
                Notice(record.path, record.line, f"unrecognised date {record.date!r}; left empty")
            )
        notes.trimmed += [
            TrimmedLine(record.path, t.line, t.text, t.reason) for t in record.trimmed
        ]
        title, text, title_stop = headed(record.title, record.text)
        rows.append(
            {
                "article_id": digest[:16],
                "source": record.source,
                "title": title,
                "title_stop": title_stop,
                "published": published,
                "date_source": date_source,
                "url": record.url,
                "text": text,
                "n_chars": len(text),
                "n_words": len(words(text)),
                "external_id": record.external_id,
                "origin": origin(record.path, record.line),
                "digest": digest,
                "path": record.path,
                "line": record.line,
            }
        )
        if len(rows) == BATCH:  # columnar as they come: Python rows of a big corpus do not fit
            yield pa.RecordBatch.from_pylist(rows, schema=PREPARED)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=PREPARED)


#: Articles sorted in memory at a time when the `articles` table is written; a larger corpus
#: is first split by the leading hex digits of the ids (an external bucket sort).
SORT_ROWS = 10_000


def build_articles(prepared: list[Path], target: Path, work: Path) -> tuple[dict, list[Rejection]]:
    """The `articles` table, one row per distinct text sorted by `article_id`, written to
    `target` (its rows and SHA-256 returned) from the files of `prepare`d inputs (Parquet of
    PREPARED) in a deterministic order (sorted paths, then file order): the first occurrence of
    a text is kept, later ones are rejected as its duplicates. Only the columns that tell
    duplicates apart are held whole; the rows are sorted SORT_ROWS or so at a time, in files
    under `work`."""
    columns = ["digest", "path", "line", "origin"]
    narrow = [pq.read_table(path, columns=columns) for path in prepared]
    table = (
        pa.concat_tables(narrow).combine_chunks()
        if narrow
        else pa.schema([PREPARED.field(name) for name in columns]).empty_table()
    )
    numbered = table.select(["digest"]).append_column("row", pa.array(np.arange(table.num_rows)))
    first = numbered.group_by("digest", use_threads=False).aggregate([("row", "min")])
    first_row = pc.take(first["row_min"], pc.index_in(table["digest"], first["digest"]))
    duplicate = pc.not_equal(first_row, numbered["row"])
    later = table.filter(duplicate)
    originals = table["origin"].take(first_row.filter(duplicate))
    rejected = [
        Rejection(path, line, f"duplicate text of {original}")
        for path, line, original in zip(
            later["path"].to_pylist(), later["line"].to_pylist(), originals.to_pylist(), strict=True
        )
    ]
    kept = pc.invert(duplicate).to_numpy(zero_copy_only=False)
    ends = np.cumsum([len(part) for part in narrow])
    masks = np.split(kept, ends[:-1]) if narrow else []
    rows = _kept_rows(prepared, masks)
    digits = 0
    while int(kept.sum()) > SORT_ROWS * 16**digits:
        digits += 1
    writer = TableWriter(target, ARTICLES)
    for bucket in _buckets(rows, digits, work) if digits else [_whole(rows)]:
        writer.write(bucket.sort_by("article_id"))
    found, sha256 = writer.close()
    return {"rows": found, "sha256": sha256}, rejected


def _whole(rows: Iterable[pa.Table]) -> pa.Table:
    tables = list(rows)
    return pa.concat_tables(tables) if tables else ARTICLES.empty_table()


def _kept_rows(prepared: list[Path], masks: list[np.ndarray]) -> Iterator[pa.Table]:
    """The `articles` rows of the prepared files whose `masks` are true, BATCH at a time."""
    for path, mask in zip(prepared, masks, strict=True):
        offset = 0
        for part in parts(path, BATCH, ARTICLES.names):
            yield part.filter(pa.array(mask[offset : offset + part.num_rows]))
            offset += part.num_rows


def _buckets(rows: Iterable[pa.Table], digits: int, work: Path) -> Iterator[pa.Table]:
    """`rows` split by the first `digits` hex digits of their ids into files under `work`,
    then read back bucket by bucket in the order of those digits (uncompressed: they are read
    once, and compressing them cost more time than it saved)."""
    names = [f"{n:0{digits}x}" for n in range(16**digits)]
    writers = {
        name: pq.ParquetWriter(work / f"bucket-{name}.parquet", ARTICLES, compression="none")
        for name in names
    }
    try:
        for part in rows:
            prefix = pc.utf8_slice_codeunits(part["article_id"], 0, digits)
            for name in pc.unique(prefix).to_pylist():
                writers[name].write_table(part.filter(pc.equal(prefix, name)).cast(ARTICLES))
    finally:
        for writer in writers.values():
            writer.close()
    for name in names:
        path = work / f"bucket-{name}.parquet"
        yield pq.read_table(path)
        path.unlink()
