"""Sources: the media the selected articles cite (entities of type MEDIUM), by the articles
citing each (Sources page)."""

from __future__ import annotations

import pandas as pd

from dashboard.filters import Filters
from dashboard.labels import country_name
from dashboard.store import Build, filtered, selected


def top_media(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Media by the selected articles that mention them, then mentions: name, country (code and
    name; none for platforms and "СМИ"), articles, mentions. The filters' entity types do not
    apply: these are always media."""
    frame = filtered(
        build,
        filters,
        f"""
        SELECT e.name, e.country, count(*) AS articles, sum(x.mentions)::BIGINT AS mentions,
               e.entity_id
        FROM {selected("article_entities x")} JOIN entities e USING (entity_id)
        WHERE x.type = 'MEDIUM'
        GROUP BY ALL
        ORDER BY articles DESC, mentions DESC, e.name, e.entity_id
        LIMIT ?
        """,
        limit,
    )
    frame.insert(
        2,
        "country_name",
        [country_name(c) if isinstance(c, str) else None for c in frame["country"]],
    )
    return frame
