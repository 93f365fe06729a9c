"""Actors: the most covered people and organisations (Overview, Actors) and one actor's profile:
mentions per month, who and which countries share its sentences, its articles."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.filters import Filters
from dashboard.labels import named
from dashboard.store import (
    Build,
    about_entity,
    arrow,
    new_cursor,
    query,
    selected,
    shared,
    time_limited,
)

#: The selected articles and mentions of each entity of the given types (the first parameter),
#: the articles' entities read in the row groups of the filters' dates (`{dates}`,
#: `Filters.in_range`).
_COUNTS = f"""
    SELECT x.entity_id, count(*) AS articles, sum(x.mentions)::BIGINT AS mentions
    FROM {selected("article_entities x")}
    WHERE list_contains(?, x.type) AND {{dates}}
    GROUP BY x.entity_id
"""

#: The counts of `_COUNTS` over every article: the entities' own (the build's).
_WHOLE = """
    WITH counts AS (
        SELECT entity_id, n_articles::BIGINT AS articles, n_mentions::BIGINT AS mentions
        FROM entities
        WHERE list_contains(?, type) AND n_articles > 0
    )
"""


def _counted(build: Build, filters: Filters, sql: str, limit: int) -> pd.DataFrame:
    """`sql` after the counts of the selected articles per entity of the filters' types (its
    table `counts`), limited to `limit` rows; over every article, the build's counts are read
    instead of every article's entities."""
    if filters.whole:
        return query(build, _WHOLE + sql, filters.actor_types, limit)
    return _ranked(build.directory, build.build_id, filters, sql, limit)


@shared(max_entries=64)
def _ranked(directory: str, build_id: str, filters: Filters, sql: str, limit: int) -> pd.DataFrame:
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("counts", entity_counts(directory, build_id, filters))
    with time_limited(cursor):
        return cursor.execute(sql, [limit]).df()


@st.cache_resource(show_spinner=False, max_entries=64)
def entity_counts(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """`_COUNTS` of a filter state (`entity_id`, `articles`, `mentions`), counted once and
    shared by the rankings of its entities (the Overview's top actors, the Actors page's
    table, the Network's actors): each would read every selected article's entities."""
    dates, bounds = filters.in_range("x.published")
    with time_limited(new_cursor(directory, build_id, filters)) as cursor:
        sql = _COUNTS.format(dates=dates)
        return arrow(cursor, sql, [filters.actor_types, *bounds])


def top_actors(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Entities of the filters' types (default: people and organisations) by the selected
    articles that mention them, with mentions, country and role."""
    return _counted(
        build,
        filters,
        """
        SELECT c.entity_id, e.name, e.type, c.articles, c.mentions, e.country, e.role
        FROM counts c JOIN entities e USING (entity_id)
        ORDER BY c.articles DESC, c.mentions DESC, e.name, c.entity_id
        LIMIT ?
        """,
        limit,
    )


def actor_table(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Entities of the filters' types (default: people and organisations) ranked by the
    selected articles that mention them, with every alias."""
    return _counted(
        build,
        filters,
        """
        SELECT e.name, e.type, c.mentions, c.articles, e.country, e.role,
               array_to_string(e.aliases, '; ') AS aliases, e.entity_id
        FROM counts c JOIN entities e USING (entity_id)
        ORDER BY c.articles DESC, c.mentions DESC, e.name, e.entity_id
        LIMIT ?
        """,
        limit,
    )


def entity(build: Build, entity_id: str) -> dict | None:
    """One entity's row, or None."""
    found = query(build, "SELECT * FROM entities WHERE entity_id = ?", entity_id)
    return None if found.empty else found.iloc[0].to_dict()


def mentions_per_month(build: Build, filters: Filters, entity_id: str) -> pd.DataFrame:
    """An entity's mentions and articles per month in the selected dated articles, months
    without any included as zero. Dated by the mentions' own `published` (their article's
    stored date), without reading the articles, unless the cursor's articles undate some
    (`Filters.inferred` off)."""
    source, date = (
        ("own m", "m.published")
        if filters.inferred
        else ("own m JOIN articles a USING (article_key)", "a.published")
    )
    return about_entity(
        build,
        filters,
        entity_id,
        f"""
        WITH counts AS (
            SELECT date_trunc('month', {date})::DATE AS month, count(*) AS mentions,
                   count(DISTINCT m.article_key) AS articles
            FROM {source}
            WHERE {date} IS NOT NULL
            GROUP BY 1
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM counts
        )
        SELECT strftime(months.month, '%Y-%m') AS month,
               coalesce(counts.mentions, 0)::BIGINT AS mentions,
               coalesce(counts.articles, 0)::BIGINT AS articles
        FROM months LEFT JOIN counts USING (month)
        ORDER BY month
        """,
    )


#: The other people and organisations named in the same sentences as the entity (`?`) in every
#: article (`own` of every article): a row per entity, article (by its key) and sentence. The
#: mentions are narrowed to the entity's articles first, a filter DuckDB applies while it scans
#: them.
_CO_MENTIONED = """
    WITH sentences AS (SELECT DISTINCT article_key, sentence FROM own)
    SELECT DISTINCT m.entity_id, m.article_key, m.sentence
    FROM mentions m JOIN sentences USING (article_key, sentence)
    WHERE m.entity_id <> ? AND m.type IN ('PER', 'ORG')
      AND m.article_key IN (SELECT article_key FROM own)
"""

#: The countries named in the same sentences as the entity in every article: a row per
#: country, article (by its key) and sentence.
_CO_COUNTRIES = """
    WITH sentences AS (SELECT DISTINCT article_key, sentence FROM own)
    SELECT DISTINCT c.country, o.article_key, o.sentence
    FROM sentences o JOIN country_mentions c USING (article_key, sentence)
"""


@st.cache_resource(show_spinner=False, max_entries=16)
def _around(
    directory: str, build_id: str, entity_id: str, headlines: bool, sql: str, params: tuple
) -> pa.Table:
    """What `sql` (with `params`) finds around an entity's mentions (`_CO_MENTIONED`,
    `_CO_COUNTRIES`) in every article (their headlines alone with `headlines`), found once per
    entity and shared by every filter state: a filter change then narrows the rows to its
    selection instead of reading every mention of the entity's articles again."""
    cursor = new_cursor(directory, build_id, Filters(headlines=headlines), entity_id)
    with time_limited(cursor):
        return arrow(cursor, sql, list(params))


@shared(max_entries=64)
def _ranked_around(
    directory: str,
    build_id: str,
    filters: Filters,
    entity_id: str,
    around: tuple[str, tuple],
    sql: str,
    limit: int,
) -> pd.DataFrame:
    """`sql` over the rows that `around` (a query of `_around` and its parameters) finds
    around the entity (its table `around`) in the selected articles, limited to `limit` rows."""
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("around", _around(directory, build_id, entity_id, filters.headlines, *around))
    with time_limited(cursor):
        return cursor.execute(sql, [limit]).df()


def co_mentioned(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """People and organisations named in the same sentences as the entity: sentences
    shared, most first."""
    return _ranked_around(
        build.directory,
        build.build_id,
        filters,
        entity_id,
        (_CO_MENTIONED, (entity_id,)),
        """
        SELECT e.entity_id, e.name, e.type, count(*) AS sentences,
               count(DISTINCT p.article_key) AS articles
        FROM around p SEMI JOIN sel USING (article_key) JOIN entities e USING (entity_id)
        GROUP BY ALL
        ORDER BY sentences DESC, articles DESC, e.name
        LIMIT ?
        """,
        limit,
    )


def co_countries(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """Countries named in the same sentences as the entity: sentences shared, most first."""
    frame = _ranked_around(
        build.directory,
        build.build_id,
        filters,
        entity_id,
        (_CO_COUNTRIES, ()),
        """
        SELECT c.country, count(*) AS sentences, count(DISTINCT c.article_key) AS articles
        FROM around c SEMI JOIN sel USING (article_key)
        GROUP BY c.country
        ORDER BY sentences DESC, articles DESC, c.country
        LIMIT ?
        """,
        limit,
    )
    return named(frame, "country", "name")


def entity_articles(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """The selected articles that mention the entity, most mentions first. The articles are read
    in the row groups of the filters' dates alone (`Filters.in_range`)."""
    dates, bounds = filters.in_range("published")
    return about_entity(
        build,
        filters,
        entity_id,
        f"""
        SELECT a.title, a.published, a.source, count(*) AS mentions, a.article_id
        FROM own m JOIN (SELECT * FROM articles WHERE {dates}) a USING (article_key)
        GROUP BY ALL
        ORDER BY mentions DESC, a.published DESC NULLS LAST, a.article_id
        LIMIT ?
        """,
        *bounds,
        limit,
    )
