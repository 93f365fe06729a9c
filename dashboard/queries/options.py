"""What the pickers offer: the sidebar's countries, actors, topics and sources, and the
labels of entities, including ones a link names that the pickers do not offer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.store import Build, query

#: Actors offered in the sidebar: the most written-about ones (a selected one is always kept).
ACTOR_OPTIONS = 3000


def filter_options(build: Build) -> dict[str, pd.DataFrame]:
    """What the sidebar's filters offer: countries, actors, topics and sources, each with
    its number of articles, most frequent first."""
    return {
        "countries": query(
            build,
            """
            SELECT key AS country, articles FROM totals WHERE kind = 'country'
            ORDER BY articles DESC, country
            """,
        ),
        "actors": query(
            build,
            """
            SELECT entity_id, name, type, aliases, n_articles AS articles
            FROM entities ORDER BY n_articles DESC, n_mentions DESC, entity_id LIMIT ?
            """,
            ACTOR_OPTIONS,
        ),
        "topics": query(build, "SELECT topic_id, label FROM topics ORDER BY topic_id"),
        "sources": query(
            build,
            "SELECT source, count(*) AS articles FROM articles GROUP BY source "
            "ORDER BY articles DESC, source",
        ),
    }


def entity_names(build: Build, entity_ids: list[str]) -> dict[str, str]:
    """Entity id -> 'name (TYPE)' for the given ids."""
    found = query(
        build,
        "SELECT entity_id, name, type FROM entities WHERE list_contains(?, entity_id)",
        entity_ids,
    )
    return {r.entity_id: f"{r.name} ({r.type})" for r in found.itertuples()}


def actor_labels(build: Build, chosen: list[str]) -> dict[str, str]:
    """Entity id -> 'name · type · every alias' for the entities a picker offers (the most
    written-about ones, so typing any alias finds them), plus `chosen` ones a link may name."""
    labels = _offered_actor_labels(build)
    extra = [a for a in chosen if a not in labels]
    return labels | (entity_names(build, extra) if extra else {})


@st.cache_resource(show_spinner=False, max_entries=4)
def _offered_actor_labels(build: Build) -> dict[str, str]:
    """`actor_labels` of the actors the picker offers, made once per build and shared by every
    session and run (every sidebar draws them); its callers never change it."""
    offered = filter_options(build)["actors"]
    return {
        r.entity_id: " · ".join([r.name, r.type, *(a for a in r.aliases if a != r.name)])
        for r in offered.itertuples()
    }
