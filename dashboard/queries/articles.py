"""Articles: the selection's articles per month and its list (Overview, Reader), and one
article with its topics and what the Reader highlights in it (Reader, Timeline)."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.filters import Filters
from dashboard.store import Build, filtered, query, selected_articles


def articles_per_month(build: Build, filters: Filters) -> pd.DataFrame:
    """Dated articles per calendar month, months without articles included as zero."""
    return filtered(
        build,
        filters,
        f"""
        WITH counts AS (
            SELECT date_trunc('month', published)::DATE AS month, count(*) AS articles
            FROM {selected_articles(filters)}
            WHERE published IS NOT NULL GROUP BY 1
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM counts
        )
        SELECT strftime(months.month, '%Y-%m') AS month,
               coalesce(counts.articles, 0)::BIGINT AS articles
        FROM months LEFT JOIN counts USING (month)
        ORDER BY month
        """,
    )


def article_list(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Newest articles first; undated last."""
    return filtered(
        build,
        filters,
        f"""
        SELECT title, published, source, n_words AS words, url, article_id
        FROM {selected_articles(filters)}
        ORDER BY published DESC NULLS LAST, article_id
        LIMIT ?
        """,
        limit,
    )


def article(build: Build, article_id: str) -> dict | None:
    """One article's title, date, source, url and text, or None."""
    found = query(
        build,
        "SELECT article_id, title, title_stop, published, source, url, text FROM articles "
        "WHERE article_id = ?",
        article_id,
    )
    return None if found.empty else found.iloc[0].to_dict()


def article_marks(
    build: Build, article_id: str, text: str, find: list[str] | None = None
) -> pd.DataFrame:
    """What the Reader highlights in an article's `text`: its entity mentions (kind PER, ORG or
    LOC, with the entity and its canonical name), its dates (kind DATE, with the resolved range
    as the label), its page furniture (kind FURNITURE, labelled with what it is) and every
    case-insensitive occurrence of the words in `find` (kind QUERY), by position."""
    marks = query(
        build,
        """
        SELECT m.start, m.stop, m.type AS kind, m.entity_id, e.name AS label
        FROM mentions m JOIN entities e USING (entity_id)
        WHERE m.article_id = ?
        UNION ALL
        SELECT start, stop, 'DATE', NULL,
               coalesce(strftime(date_start, '%Y-%m-%d') || ' – ' || strftime(date_end, '%Y-%m-%d'),
                        'unresolved: the article has no publication date')
        FROM events WHERE article_id = ?
        UNION ALL
        SELECT start, stop, 'FURNITURE', NULL, kind || ': not analysed'
        FROM furniture WHERE article_id = ?
        ORDER BY start, stop DESC
        """,
        article_id,
        article_id,
        article_id,
    )
    if not find:
        return marks
    pattern = "|".join(re.escape(w) for w in sorted(find, key=len, reverse=True))
    found = [
        (m.start(), m.end(), "QUERY", None, "text filter")
        for m in re.finditer(pattern, text, re.IGNORECASE)
    ]
    marks = pd.concat([marks, pd.DataFrame(found, columns=marks.columns)], ignore_index=True)
    return marks.sort_values(["start", "stop"], ascending=[True, False], ignore_index=True)


def article_topics(build: Build, article_id: str) -> pd.DataFrame:
    """An article's topics with their weights, strongest first."""
    return query(
        build,
        """
        SELECT t.topic_id, t.label, a.weight
        FROM article_topics a JOIN topics t USING (topic_id)
        WHERE a.article_id = ?
        ORDER BY a.weight DESC, t.topic_id
        """,
        article_id,
    )
