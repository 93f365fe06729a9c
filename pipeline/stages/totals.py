"""Counts over the whole build that the dashboard's first view would otherwise scan for: per
country, the articles that name it and its mentions; per topic, its articles and paragraphs.
The unfiltered Overview, the Topics page and the sidebar's country picker read these few rows
instead of every country mention and paragraph (millions of rows in a large build)."""

from __future__ import annotations

from pathlib import Path

from pipeline.runtime.output import Written, entry
from pipeline.runtime.parquet import write_batches
from pipeline.runtime.sql import batches
from pipeline.schema import TOTALS

#: One row per country (from `country_mentions`, the first parameter) and per topic (from
#: `paragraphs`, the second), in a total order so that the file is the same on every build.
_TOTALS = """
    SELECT 'country' AS kind, country AS key, count(DISTINCT article_id) AS articles,
           count(*) AS n_rows
    FROM read_parquet(?) GROUP BY country
    UNION ALL
    SELECT 'topic', topic_id::VARCHAR, count(DISTINCT article_id), count(*)
    FROM read_parquet(?) WHERE topic_id IS NOT NULL GROUP BY topic_id
    ORDER BY kind, key
"""


def totals(directory: Path) -> Written:
    """Write `totals` from the country mentions and paragraphs in `directory`; its manifest
    entry."""
    params = [str(directory / "country_mentions.parquet"), str(directory / "paragraphs.parquet")]
    rows = write_batches(batches(_TOTALS, params), TOTALS, directory / "totals.parquet")
    return {"totals": entry(*rows)}
