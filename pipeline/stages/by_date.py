"""The tables the dashboard reads newest first or by date range, laid out by date: `events`,
`quotes`, `mentions`, `country_mentions` and `article_entities` sorted by their article's
publication date, newest first (undated articles last), then by their key, in small row groups
(`GROUP_ROWS`), with the date in the table; `articles` sorted the same way (`articles_by_date`).
A page that shows the newest rows of a selection, or the rows (or counts) of a date range, then
decompresses a few row groups instead of every one (the stages write them in article order,
where the rows of any date range sit in every row group). `events` also gets its paragraph's
`topic_id` here, once the paragraphs have their topics: the Timeline then groups by topic
without reading the paragraphs. The events' sentences are written once more, in a narrow table
laid out by the date each event names (`event_sentences`): the sentences a page opens (the
Timeline's oldest references, a clicked point) lie in a narrow span of those dates, however
far apart their articles' publication dates are. The quotes are written once more too, a row
per quote and entity that says it or that it names, laid out by entity (`entity_quotes`): an
actor's profile then reads the text of its quotes in its own row groups, not in every row group
of their dates, which hold every other entity's quotes of those days."""

from __future__ import annotations

from pathlib import Path

from pipeline.runtime.output import Written, entry
from pipeline.runtime.parquet import GROUP_ROWS, TableWriter
from pipeline.runtime.sql import batches
from pipeline.schema import TABLES

#: Table -> its key: the order of its rows within a date (unique, so the order is total).
BY_DATE = {
    "events": "article_id, start",
    "quotes": "article_id, start, stop, kind",
    "mentions": "article_id, start, stop, entity_id",
    "country_mentions": "article_id, start, stop, country",
    "article_entities": "article_id, entity_id",
}

#: The rows of a table (the first parameter) with their article's date (from the articles,
#: the second), in order; `{key}` is the table's `BY_DATE` key.
_DATED = """
    SELECT t.*, a.published
    FROM read_parquet(?) t
    JOIN (SELECT article_id, published FROM read_parquet(?)) a USING (article_id)
    ORDER BY a.published DESC NULLS LAST, {key}
"""

#: `_DATED` for the events (the first parameter), with their paragraph's topic (from the
#: paragraphs, the last parameter).
_EVENTS = """
    SELECT t.*, p.topic_id, a.published
    FROM read_parquet(?) t
    JOIN (SELECT article_id, published FROM read_parquet(?)) a USING (article_id)
    LEFT JOIN (SELECT article_id, paragraph, topic_id FROM read_parquet(?)) p
        USING (article_id, paragraph)
    ORDER BY a.published DESC NULLS LAST, {key}
"""

#: The events' sentences (from the events, the parameter) by the first day each names,
#: unresolved last, then by key.
_SENTENCES = """
    SELECT article_id, start, date_start, sentence FROM read_parquet(?)
    ORDER BY date_start NULLS LAST, article_id, start
"""

#: The quotes (the parameter) once per entity that says each or that each names (`list_distinct`
#: drops a missing speaker, and a speaker who names themself), by entity, newest first.
_ENTITY_QUOTES = """
    SELECT n.entity_id, q.*
    FROM read_parquet(?) q,
         unnest(list_distinct(list_append(q.about_entity_ids, q.speaker_entity_id))) n(entity_id)
    ORDER BY n.entity_id, q.published DESC NULLS LAST, q.article_id, q.start, q.stop, q.kind
"""

#: The articles (the parameter) newest first, undated last, then by id.
_ARTICLES = "SELECT * FROM read_parquet(?) ORDER BY published DESC NULLS LAST, article_id"


def by_date(directory: Path) -> Written:
    """Rewrite the tables of `BY_DATE` that `directory` holds laid out by date; their manifest
    entries."""
    articles = directory / "articles.parquet"
    written = {}
    for name, key in BY_DATE.items():
        path = directory / f"{name}.parquet"
        if path.is_file():
            sql, params = _DATED.format(key=key), [str(path), str(articles)]
            if name == "events":
                sql = _EVENTS.format(key=key)
                params.append(str(directory / "paragraphs.parquet"))
            written[name] = entry(*_rewritten(path, sql, params))
    return written


def event_sentences(directory: Path) -> Written:
    """Write `event_sentences` from the events in `directory`, when it holds them; its
    manifest entry."""
    return _written_from(directory, "events", "event_sentences", _SENTENCES)


def _written_from(directory: Path, source: str, name: str, sql: str) -> Written:
    """Write the table `name` in `directory` from the rows of `sql` over its table `source`
    (the parameter), when it holds that table; its manifest entry."""
    read = directory / f"{source}.parquet"
    if not read.is_file():
        return {}
    path = directory / f"{name}.parquet"
    writer = TableWriter(path, TABLES[name])
    for batch in batches(sql, [str(read)]):
        writer.write(batch)
    return {name: entry(*writer.close())}


def entity_quotes(directory: Path) -> Written:
    """Write `entity_quotes` from the quotes in `directory`, when it holds them; its manifest
    entry."""
    return _written_from(directory, "quotes", "entity_quotes", _ENTITY_QUOTES)


def articles_by_date(directory: Path) -> Written:
    """Rewrite `directory`'s articles newest first; its manifest entry. Last in a build: the
    corpus-wide stages read the articles in id order (runtime.corpus)."""
    path = directory / "articles.parquet"
    return {"articles": entry(*_rewritten(path, _ARTICLES, [str(path)]))}


def _rewritten(path: Path, sql: str, params: list[str]) -> tuple[int, str]:
    """Replace the table at `path` by the rows of `sql`, in its row groups."""
    scratch = path.with_name(f"{path.stem}.by-date.parquet")
    writer = TableWriter(scratch, TABLES[path.stem], GROUP_ROWS[path.stem])
    for batch in batches(sql, params):
        writer.write(batch)
    result = writer.close()
    scratch.replace(path)
    return result
