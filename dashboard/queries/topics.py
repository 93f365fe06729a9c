"""Topics page: topic sizes, each topic's share of every month, a topic's paragraphs."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.filters import Filters
from dashboard.store import Build, filtered, new_cursor, query, shared, time_limited

#: The selected articles' paragraphs with a topic, per topic and month of publication (null
#: for undated articles), and their articles: each article is in one month, so its topic's
#: articles are the sum over months.
_MONTHLY = """
    SELECT p.topic_id, date_trunc('month', a.published)::DATE AS month, count(*) AS paragraphs,
           count(DISTINCT p.article_id) AS articles
    FROM paragraphs p JOIN sel USING (article_id) JOIN articles a USING (article_id)
    WHERE p.topic_id IS NOT NULL
    GROUP BY ALL
"""

#: Per topic, the selected articles' paragraphs and articles (from `monthly`: `_MONTHLY`).
_COUNTS = """
    WITH counts AS (
        SELECT topic_id, sum(paragraphs)::BIGINT AS paragraphs, sum(articles)::BIGINT AS articles
        FROM monthly
        GROUP BY topic_id
    )
"""

#: The counts of `_COUNTS` over every article: the build's own.
_WHOLE = """
    WITH counts AS (
        SELECT key::INTEGER AS topic_id, n_rows AS paragraphs, articles
        FROM totals WHERE kind = 'topic'
    )
"""

#: Every topic with its counts (`counts`), largest first.
_LISTED = """
        SELECT t.topic_id, t.label, coalesce(c.paragraphs, 0)::BIGINT AS paragraphs,
               round(coalesce(c.paragraphs, 0) / greatest(sum(c.paragraphs) OVER (), 1), 4)
                   AS share,
               coalesce(c.articles, 0)::BIGINT AS articles, round(t.coherence, 4) AS coherence,
               array_to_string(t.terms, ', ') AS terms,
               array_to_string(t.entities, ', ') AS entities
        FROM topics t LEFT JOIN counts c USING (topic_id)
        ORDER BY paragraphs DESC, t.topic_id
"""


@st.cache_resource(show_spinner=False, max_entries=64)
def _monthly(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """`_MONTHLY` of a filter state, counted once and shared by the topic list and the topics
    over time: each would read every selected paragraph's topic."""
    with time_limited(new_cursor(directory, build_id, filters)) as cursor:
        return cursor.sql(_MONTHLY).to_arrow_table()


@shared(max_entries=64)
def _from_monthly(directory: str, build_id: str, filters: Filters, sql: str) -> pd.DataFrame:
    """`sql` over the filter state's counts per topic and month (its table `monthly`)."""
    cursor = new_cursor(directory, build_id, None)
    cursor.register("monthly", _monthly(directory, build_id, filters))
    with time_limited(cursor):
        return cursor.execute(sql).df()


def topic_list(build: Build, filters: Filters) -> pd.DataFrame:
    """Every topic with its paragraphs and articles among the selected articles, largest
    first; `share` is of the selection's paragraphs with a topic."""
    if filters.whole:  # every article: the counts the build wrote, not a scan of paragraphs
        return query(build, _WHOLE + _LISTED)
    return _from_monthly(build.directory, build.build_id, filters, _COUNTS + _LISTED)


#: Per month and topic, the paragraphs of dated articles (from `monthly`) and the month's
#: paragraphs with a topic, every month between the first and last listed.
_OVER_TIME = """
    WITH dated AS (SELECT * FROM monthly WHERE month IS NOT NULL),
    months AS (
        SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE AS month
        FROM dated
    ),
    totals AS (SELECT month, sum(paragraphs) AS total FROM dated GROUP BY ALL)
    SELECT strftime(m.month, '%Y-%m') AS month, t.topic_id, t.label,
           coalesce(c.paragraphs, 0)::BIGINT AS paragraphs,
           coalesce(s.total, 0)::BIGINT AS month_paragraphs,
           round(coalesce(c.paragraphs, 0) / s.total, 4) AS share
    FROM months m CROSS JOIN topics t
    LEFT JOIN dated c ON c.month = m.month AND c.topic_id = t.topic_id
    LEFT JOIN totals s ON s.month = m.month
    ORDER BY m.month, t.topic_id
"""


def topics_over_time(build: Build, filters: Filters) -> pd.DataFrame:
    """Per month and topic: paragraphs of dated articles, the month's paragraphs with a topic,
    and the topic's share of them (null in a month without any), so a half month or a quiet
    month does not look like a drop. Every month between the first and last is listed."""
    return _from_monthly(build.directory, build.build_id, filters, _OVER_TIME)


def topic_paragraphs(build: Build, filters: Filters, topic_id: int, limit: int) -> pd.DataFrame:
    """A topic's paragraphs in the selected articles, its representative first, then by how
    clearly they belong."""
    return filtered(
        build,
        filters,
        """
        WITH keys AS (
            SELECT p.article_id, p.paragraph, p.topic_score AS score, p.stop - p.start AS size,
                   (p.article_id = t.representative_article_id
                    AND p.paragraph = t.representative_paragraph) AS representative
            FROM paragraphs p JOIN sel USING (article_id) JOIN topics t USING (topic_id)
            WHERE p.topic_id = ?
            ORDER BY representative DESC, score DESC NULLS LAST, size DESC, p.article_id,
                     p.paragraph
            LIMIT ?
        ),
        -- only the picked articles' paragraphs are read: the filter on ids is pushed into
        -- the scan, which skips the row groups of other articles (a join would read them all)
        texts AS (
            SELECT article_id, paragraph, text FROM paragraphs
            WHERE article_id IN (SELECT article_id FROM keys)
        )
        SELECT a.title, a.published, a.source, k.paragraph, k.score, p.text, k.article_id,
               k.representative
        FROM keys k
        JOIN texts p USING (article_id, paragraph)
        JOIN articles a USING (article_id)
        ORDER BY k.representative DESC, k.score DESC NULLS LAST, k.size DESC, k.article_id,
                 k.paragraph
        """,
        topic_id,
        limit,
    )
