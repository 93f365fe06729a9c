"""Corpus-wide check: a date that an unusual share of a source's articles carry, such as the day
a collection was gathered rather than the days its articles were published. Reported as a
manifest warning with the evidence the texts give; no date is changed."""

from __future__ import annotations

from pathlib import Path

from pipeline.runtime.sql import connect

#: A source is judged with at least this many dated articles over at least this many dates.
MIN_ARTICLES, MIN_DATES = 100, 10
#: A date is suspect when it holds this share of the source's dated articles and this many
#: times the source's median articles per date.
MIN_SHARE, MIN_RATIO = 0.2, 10

_SHARED = """
    WITH dated AS (
        SELECT source, published, article_id FROM read_parquet(?) WHERE published IS NOT NULL
    ),
    per_date AS (SELECT source, published, count(*) AS n FROM dated GROUP BY ALL),
    per_source AS (
        SELECT source, sum(n) AS total, count(*) AS dates, median(n) AS usual
        FROM per_date GROUP BY source
    ),
    latest AS (  -- each article's latest date the text gives with its year
        SELECT article_id, max(date_end) AS latest FROM read_parquet(?)
        WHERE regexp_matches(date_text, '\\d{4}') AND date_end IS NOT NULL GROUP BY article_id
    )
    SELECT d.source, d.published, d.n, s.total, s.dates, d.n / s.usual AS ratio,
           count(l.latest) AS with_year,
           median(date_diff('day', l.latest, d.published)) AS median_gap
    FROM per_date d JOIN per_source s USING (source)
    JOIN dated a ON a.source = d.source AND a.published = d.published
    LEFT JOIN latest l USING (article_id)
    WHERE s.total >= ? AND s.dates >= ? AND d.n >= ? * s.total AND d.n >= ? * s.usual
    GROUP BY ALL
    ORDER BY d.source, d.published
"""


def shared_dates(articles: Path, events: Path) -> list[dict]:
    """Manifest warnings (path: the source) for the dates an unusual share of a source's
    articles carry."""
    con = connect()
    try:
        params = [str(articles), str(events), MIN_ARTICLES, MIN_DATES, MIN_SHARE, MIN_RATIO]
        found = con.execute(_SHARED, params).fetchall()
    finally:
        con.close()
    return [_warning(*row) for row in found]


def _warning(source, published, n, total, dates, ratio, with_year, gap) -> dict:
    evidence = (
        f"; in the {with_year:,} of them that give a date with its year, the latest is a median "
        f"{gap:,.0f} days before it"
        if with_year
        else ""
    )
    return {
        "path": source,
        "line": None,
        "message": (
            f"{n:,} of the {total:,} dated articles of this source ({n / total:.0%}) share the "
            f"date {published.isoformat()}, {ratio:,.0f} times its usual number per date over "
            f"{dates:,} dates: it may be when they were collected, not published{evidence}. "
            "The dates are kept as given."
        ),
    }
