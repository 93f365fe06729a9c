"""The tables the dashboard reads newest first or by date range, laid out by date: `events`,
`quotes`, `mentions`, `country_mentions` and `article_entities` sorted by their article's
publication date, newest first (undated articles last), then by their key, in small row groups
(`GROUP_ROWS`), with the date and the article's key (`article_key`, its position in the
articles by date: the dashboard joins on it rather than on the id's string) in the table;
`articles` sorted the same way, with their keys (`articles_by_date`).
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
of their dates, which hold every other entity's quotes of those days. The sentences naming
each actor or country are written once per sentence and node (`network_units`), the actors' by
entity: the Network page reads its candidate actors' and the countries' units there, with no
DISTINCT over every mention. Last, the articles' texts
are written once more with their ids, dates, titles and sources alone, laid out as `articles` in
row groups of 100 (`article_texts`): a reader of a few scattered articles' texts decompresses
about 100 texts for each instead of 1,000, and the readers of the articles' other columns keep
the large groups, whose footer is short; and each article's actors, countries and topics once
more, a row per article and value, by value (`article_facets`): the dashboard's selection of the
articles of a country, an actor or a topic reads that value's rows alone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from pipeline.runtime.output import Written, entry
from pipeline.runtime.parquet import GROUP_ROWS, TableWriter, write_batches
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

#: The order of the articles by date, newest first, undated last, then by id: their order in
#: `articles` and the source of their keys.
_ORDER = "published DESC NULLS LAST, article_id"

#: An article's key: its position in `_ORDER`, from 0.
_KEY = f"(row_number() OVER (ORDER BY {_ORDER}) - 1)::INTEGER AS article_key"

#: Each article's date and key (`_KEY`, from the articles, the parameter). The articles'
#: dates do not change after `by_date`, so the keys the tables get here are those
#: `articles_by_date` writes.
_KEYED = f"""
    SELECT *, {_KEY}
    FROM (SELECT article_id, published FROM read_parquet(?))
"""

#: The rows of a table (the first parameter) with their article's date and key (`_KEYED`, from
#: the articles, the second), in order; `{key}` is the table's `BY_DATE` key.
_DATED = f"""
    SELECT t.*, a.published, a.article_key
    FROM read_parquet(?) t
    JOIN ({_KEYED}) a USING (article_id)
    ORDER BY a.published DESC NULLS LAST, {{key}}
"""

#: `_DATED` for the events (the first parameter), with their paragraph's topic (from the
#: paragraphs, the last parameter).
_EVENTS = f"""
    SELECT t.*, p.topic_id, a.published, a.article_key
    FROM read_parquet(?) t
    JOIN ({_KEYED}) a USING (article_id)
    LEFT JOIN (SELECT article_id, paragraph, topic_id FROM read_parquet(?)) p
        USING (article_id, paragraph)
    ORDER BY a.published DESC NULLS LAST, {{key}}
"""

#: The events' sentences (from the events, the parameter) by the first day each names,
#: unresolved last, then by key.
_SENTENCES = """
    SELECT article_id, start, date_start, sentence FROM read_parquet(?)
    ORDER BY date_start NULLS LAST, article_id, start
"""

#: The entities of the quotes (the parameter), each with its rows in `entity_quotes`: the
#: speaker and every entity a quote names (`list_distinct` drops a missing speaker, and a
#: speaker who names themself), in order.
_NAMED = """
    SELECT n.entity_id, count(*) AS n_rows
    FROM read_parquet(?) q,
         unnest(list_distinct(list_append(q.about_entity_ids, q.speaker_entity_id))) n(entity_id)
    GROUP BY n.entity_id
    ORDER BY n.entity_id
"""

#: The quotes (the first parameter) once per entity of `_NAMED` from the second parameter to the
#: third, by entity, newest first.
_ENTITY_QUOTES = """
    SELECT n.entity_id, q.*
    FROM read_parquet(?) q,
         unnest(list_distinct(list_append(q.about_entity_ids, q.speaker_entity_id))) n(entity_id)
    WHERE n.entity_id BETWEEN ? AND ?
    ORDER BY n.entity_id, q.published DESC NULLS LAST, q.article_id, q.start, q.stop, q.kind
"""

#: Rows of `entity_quotes` sorted at a time: the entities are taken in ranges of about this many
#: rows (or one entity with more), each sorted on its own, so that sorting the quotes of a large
#: build, their text included, stays within the stages' working memory (sorted at once, those
#: of 110,000 articles ran out of it).
ENTITY_ROWS = 1 << 17

#: The articles (the parameter) newest first, undated last, then by id, each with its key
#: (`_KEY`, as `_KEYED` numbers them).
_ARTICLES = f"""
    SELECT *, {_KEY}
    FROM read_parquet(?)
    ORDER BY {_ORDER}
"""

#: The columns of `article_texts` from the articles (the parameter) once laid out by date, in
#: their order (DuckDB keeps a file's order): no second sort of every text.
_TEXTS = "SELECT article_id, published, title, source, text FROM read_parquet(?)"


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
    events = directory / "events.parquet"
    if not events.is_file():
        return {}
    return _derived(directory, "event_sentences", batches(_SENTENCES, [str(events)]))


def entity_quotes(directory: Path) -> Written:
    """Write `entity_quotes` from the quotes in `directory`, when it holds them; its manifest
    entry."""
    quotes = directory / "quotes.parquet"
    if not quotes.is_file():
        return {}
    rows = (
        batch
        for first, last in _ranges(batches(_NAMED, [str(quotes)]))
        for batch in batches(_ENTITY_QUOTES, [str(quotes), first, last])
    )
    return _derived(directory, "entity_quotes", rows)


def _ranges(named: Iterable[pa.RecordBatch]) -> Iterator[tuple[str, str]]:
    """The first and last entity of each range of `named` (`_NAMED`'s rows, in order) holding
    about `ENTITY_ROWS` rows."""
    first, rows, last = None, 0, None
    for batch in named:
        for entity, count in zip(*batch.to_pydict().values(), strict=True):
            first, rows, last = first or entity, rows + count, entity
            if rows >= ENTITY_ROWS:
                yield first, last
                first, rows = None, 0
    if first is not None:
        yield first, last


def articles_by_date(directory: Path) -> Written:
    """Rewrite `directory`'s articles newest first; its manifest entry. Last in a build: the
    corpus-wide stages read the articles in id order (runtime.corpus)."""
    path = directory / "articles.parquet"
    return {"articles": entry(*_rewritten(path, _ARTICLES, [str(path)]))}


def article_texts(directory: Path) -> Written:
    """Write `article_texts` from `directory`'s articles; its manifest entry."""
    texts = batches(_TEXTS, [str(directory / "articles.parquet")])
    return _derived(directory, "article_texts", texts)


#: Country links that count as the text naming a country in `network_units` (not a person's or
#: an organisation's own country, which would tie every actor to it).
NAMED_VIA = ("name", "adjective", "capital", "city")

#: The rows of `network_units` from the mentions (the first parameter) and the country mentions
#: (the second) laid out by date, the links of `NAMED_VIA` (the third): a row per sentence and
#: node. The actors' rows come first, by entity and then newest first: the Network page reads the
#: units of its few candidate actors, which then lie in their own row groups. The countries' rows
#: follow, newest first: the page ranks every country named in the date range, so it reads them
#: all there.
_UNITS = """
    WITH units AS (
        SELECT article_id, paragraph, sentence, 'actor' AS kind, entity_id AS node, in_headline,
               published, article_key
        FROM read_parquet(?) WHERE entity_id IS NOT NULL
        UNION  -- distinct rows
        SELECT article_id, paragraph, sentence, 'country', country, in_headline, published,
               article_key
        FROM read_parquet(?) WHERE list_contains(?, via)
    )
    SELECT article_id, paragraph, sentence, kind, node,
           sentence = min(sentence) OVER (PARTITION BY article_id, paragraph, kind, node)
           AS paragraph_first,
           in_headline, published, article_key
    FROM units
    ORDER BY kind, CASE WHEN kind = 'actor' THEN node END, published DESC NULLS LAST, article_id,
             sentence, node
"""


def network_units(directory: Path) -> Written:
    """Write `network_units` from `directory`'s mentions and country mentions, once laid out by
    date; its manifest entry."""
    tables = [str(directory / f"{name}.parquet") for name in ("mentions", "country_mentions")]
    return _derived(directory, "network_units", batches(_UNITS, [*tables, list(NAMED_VIA)]))


#: The rows of `article_facets`: each article's actors (from the mentions, the first parameter),
#: countries (from the country mentions, the second) and topics (from the article topics, the
#: third, with their dates and keys from the articles once laid out by date, the last), a row per
#: article and value, by facet and value, then newest first. The dashboard selects the articles
#: of a country, an actor or a topic there: it reads that value's row groups, not every mention
#: of the date range.
_FACETS = """
    SELECT 'actor' AS facet, entity_id AS value, bool_or(in_headline) AS in_headline,
           published, article_key
    FROM read_parquet(?) GROUP BY article_key, entity_id, published
    UNION ALL
    SELECT 'country', country, bool_or(in_headline), published, article_key
    FROM read_parquet(?) GROUP BY article_key, country, published
    UNION ALL
    SELECT 'topic', t.topic_id::VARCHAR, false, a.published, a.article_key
    FROM (SELECT DISTINCT article_id, topic_id FROM read_parquet(?)) t
    JOIN (SELECT article_id, published, article_key FROM read_parquet(?)) a USING (article_id)
    ORDER BY facet, value, published DESC NULLS LAST, article_key
"""


def article_facets(directory: Path) -> Written:
    """Write `article_facets` from `directory`'s mentions, country mentions and articles, once
    laid out by date, and its article topics; its manifest entry."""
    names = ("mentions", "country_mentions", "article_topics", "articles")
    tables = [str(directory / f"{name}.parquet") for name in names]
    return _derived(directory, "article_facets", batches(_FACETS, tables))


def _derived(directory: Path, name: str, rows: Iterable[pa.RecordBatch]) -> Written:
    """Write the table `name` of `directory` from `rows` as they come; its manifest entry."""
    path = directory / f"{name}.parquet"
    return {name: entry(*write_batches(rows, TABLES[name], path))}


def _rewritten(path: Path, sql: str, params: list[str]) -> tuple[int, str]:
    """Replace the table at `path` by the rows of `sql`, in its row groups."""
    scratch = path.with_name(f"{path.stem}.by-date.parquet")
    writer = TableWriter(scratch, TABLES[path.stem], GROUP_ROWS[path.stem])
    for batch in batches(sql, params):
        writer.write(batch)
    result = writer.close()
    scratch.replace(path)
    return result
