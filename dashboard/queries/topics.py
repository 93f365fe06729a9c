"""Topics page: topic sizes, each topic's share of every month, a topic's paragraphs."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.filters import Filters
from dashboard.store import Build, arrow, at_rows, new_cursor, query, shared, time_limited

#: Every article's paragraphs with a topic, per article and topic (a row per article and topic
#: instead of one per paragraph: an article has one or two topics), with the article's date as
#: stored (`published`, inferred dates among them), joined to the counted rows (joined to every
#: paragraph, the server kept some 200 MB more at 110k).
_PER_ARTICLE = """
    SELECT p.article_id, p.topic_id, p.paragraphs, a.published
    FROM (
        SELECT article_id, topic_id, count(*) AS paragraphs
        FROM paragraphs
        WHERE topic_id IS NOT NULL
        GROUP BY ALL
    ) p
    JOIN articles a USING (article_id)
    ORDER BY p.article_id, p.topic_id
"""

#: The selected articles' paragraphs with a topic (`per_article`: `_PER_ARTICLE`), per topic and
#: month of publication (null for undated articles), and their articles: each article is in one
#: month, so its topic's articles are the sum over months. `{dated}`: where the dates come from,
#: the stored ones (`p`), or the cursor's `articles` (`a`) when it leaves inferred dates out.
_MONTHLY = """
    SELECT p.topic_id, date_trunc('month', {dated}.published)::DATE AS month,
           sum(p.paragraphs)::BIGINT AS paragraphs, count(*) AS articles
    FROM per_article p JOIN sel USING (article_id) {join}
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


@st.cache_resource(show_spinner=False, max_entries=4)
def _per_article(directory: str, build_id: str) -> pa.Table:
    """`_PER_ARTICLE`, read once per build and shared by every filter state: a filter change
    then counts a row per selected article and topic, not every selected paragraph."""
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        return arrow(cursor, _PER_ARTICLE)


def prepare(build: Build) -> None:
    """Read what every filter state's topic counts start from (`_per_article`), so that the
    first filter change of the server's life does not wait for it."""
    _per_article(build.directory, build.build_id)


@st.cache_resource(show_spinner=False, max_entries=64)
def _monthly(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """`_MONTHLY` of a filter state, counted once and shared by the topic list and the topics
    over time."""
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("per_article", _per_article(directory, build_id))
    dated, join = ("p", "") if filters.inferred else ("a", "JOIN articles a USING (article_id)")
    with time_limited(cursor):
        return arrow(cursor, _MONTHLY.format(dated=dated, join=join))


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


#: A topic's paragraphs in every article (`?`): their keys, score and size, and their article's
#: date as stored (`stored`), without their text.
_TOPIC_KEYS = """
    SELECT p.article_id, p.paragraph, p.topic_score AS score, p.stop - p.start AS size,
           (p.article_id = t.representative_article_id
            AND p.paragraph = t.representative_paragraph) AS representative,
           a.published AS stored
    FROM paragraphs p JOIN topics t USING (topic_id) JOIN articles a USING (article_id)
    WHERE p.topic_id = ?
"""


@st.cache_resource(show_spinner=False, max_entries=8)
def _topic_keys(directory: str, build_id: str, topic_id: int) -> pa.Table:
    """`_TOPIC_KEYS` of a topic, read once per topic and shared by every filter state: a filter
    change then ranks the topic's paragraphs in its selection instead of scanning every
    paragraph for the topic's (`paragraphs` is laid out by article)."""
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        return arrow(cursor, _TOPIC_KEYS, [topic_id])


#: The selected articles' paragraphs among a topic's (`keys_all`: `_TOPIC_KEYS`), its
#: representative first, then by how clearly they belong, up to `?`.
_PICKED = """
    SELECT k.* FROM keys_all k JOIN sel USING (article_id)
    ORDER BY representative DESC, score DESC NULLS LAST, size DESC, article_id, paragraph
    LIMIT ?
"""

#: The picked paragraphs (`picked`: `_PICKED`) with their text and article, in their order: the
#: articles read at their rows (`{articles}`), and only the picked articles' paragraphs (the
#: filter on ids is pushed into the scan, which skips the row groups of other articles; a join
#: would read them all).
_SHOWN = """
    WITH texts AS (
        SELECT article_id, paragraph, text FROM paragraphs
        WHERE article_id IN (SELECT article_id FROM picked)
    )
    SELECT a.title, a.published, a.source, k.paragraph, k.score, p.text, k.article_id,
           k.representative
    FROM picked k
    JOIN texts p USING (article_id, paragraph)
    JOIN {articles} a USING (article_id)
    ORDER BY k.representative DESC, k.score DESC NULLS LAST, k.size DESC, k.article_id,
             k.paragraph
"""


def topic_paragraphs(build: Build, filters: Filters, topic_id: int, limit: int) -> pd.DataFrame:
    """A topic's paragraphs in the selected articles, its representative first, then by how
    clearly they belong."""
    return _topic_paragraphs(build.directory, build.build_id, filters, topic_id, limit)


@shared(max_entries=64)
def _topic_paragraphs(
    directory: str, build_id: str, filters: Filters, topic_id: int, limit: int
) -> pd.DataFrame:
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("keys_all", _topic_keys(directory, build_id, topic_id))
    with time_limited(cursor):
        picked = arrow(cursor, _PICKED, [limit])
        cursor.register("picked", picked)
        # Without inferred dates the cursor's `articles` is not found by the stored dates.
        stored, ids = picked["stored"], picked["article_id"]
        articles, params = (
            at_rows("articles", stored, ids) if filters.inferred else ("articles", [])
        )
        return cursor.execute(_SHOWN.format(articles=articles), params).df()
