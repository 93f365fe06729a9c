"""Countries: the most named ones, per month, and pairs named together (Overview, Countries).
The selected articles' country mentions are read in the row groups of the filters' dates
(`Filters.in_range`)."""

from __future__ import annotations

import pandas as pd

from dashboard.filters import Filters
from dashboard.labels import named
from dashboard.store import Build, filtered, query, selected

#: Every country by the articles that name it, with its mentions: the build's own counts.
_WHOLE = """
    SELECT key AS country, articles, n_rows AS mentions FROM totals WHERE kind = 'country'
    ORDER BY articles DESC, mentions DESC, country
    LIMIT ?
"""


def top_countries(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Countries by the selected articles that name them, with their mentions."""
    if filters.whole:  # every article: the counts the build wrote, not a scan of every mention
        return named(query(build, _WHOLE, limit), "country", "name")
    dates, params = filters.in_range("c.published")
    frame = filtered(
        build,
        filters,
        f"""
        SELECT c.country, count(DISTINCT c.article_id) AS articles, count(*) AS mentions
        FROM {selected("country_mentions c")}
        WHERE {dates}
        GROUP BY c.country
        ORDER BY articles DESC, mentions DESC, c.country
        LIMIT ?
        """,
        *params,
        limit,
    )
    return named(frame, "country", "name")


def country_months(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """For the `limit` most named countries: selected dated articles naming them per month,
    every month between the first and last included."""
    dates, params = filters.in_range("c.published")
    return filtered(
        build,
        filters,
        f"""
        WITH named AS (
            SELECT DISTINCT c.country, c.article_id,
                   date_trunc('month', a.published)::DATE AS month
            FROM {selected("country_mentions c")}
            JOIN articles a USING (article_key)
            WHERE a.published IS NOT NULL AND {dates}
        ),
        top AS (
            SELECT country, count(*) AS total FROM named GROUP BY country
            ORDER BY total DESC, country LIMIT ?
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM named
        ),
        counts AS (SELECT country, month, count(*) AS articles FROM named GROUP BY ALL)
        SELECT t.country, strftime(m.month, '%Y-%m') AS month,
               coalesce(c.articles, 0)::BIGINT AS articles
        FROM top t CROSS JOIN months m
        LEFT JOIN counts c ON c.country = t.country AND c.month = m.month
        ORDER BY t.total DESC, t.country, m.month
        """,
        *params,
        limit,
    ).pipe(named, "country", "name")


def country_pairs(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """For the `limit` most named countries: selected articles naming both of each pair (the
    diagonal: naming the country), in both orders so the matrix is symmetric."""
    dates, params = filters.in_range("published")
    return (
        filtered(
            build,
            filters,
            f"""
        WITH named AS (
            SELECT DISTINCT country, article_key
            FROM {selected("country_mentions")}
            WHERE {dates}
        ),
        top AS (
            SELECT country, count(*) AS total FROM named GROUP BY country
            ORDER BY total DESC, country LIMIT ?
        ),
        kept AS (SELECT n.* FROM named n JOIN top USING (country)),
        pairs AS (
            SELECT a.country AS country_a, b.country AS country_b, count(*) AS articles
            FROM kept a JOIN kept b USING (article_key)
            GROUP BY ALL
        )
        SELECT ta.country AS country_a, tb.country AS country_b,
               coalesce(p.articles, 0)::BIGINT AS articles
        FROM top ta CROSS JOIN top tb
        LEFT JOIN pairs p ON p.country_a = ta.country AND p.country_b = tb.country
        ORDER BY ta.total DESC, ta.country, tb.total DESC, tb.country
        """,
            *params,
            limit,
        )
        .pipe(named, "country_a", "name_a")
        .pipe(named, "country_b", "name_b")
    )
