"""What the pickers offer: the sidebar's countries, actors, topics and sources, and the
labels of entities, including ones a link names that the pickers do not offer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.store import Build, query

#: Actors a page's own picker offers (the Quotes page's "About", the Search page's entity): the
#: most written-about ones, found by typing any of their aliases (a selected one is always kept).
ACTOR_OPTIONS = 3000


def filter_options(build: Build) -> dict[str, pd.DataFrame]:
    """What the sidebar's filters offer: countries, topics and sources, countries and sources
    with their number of articles, most frequent first."""
    return {
        "countries": query(
            build,
            """
            SELECT key AS country, articles FROM totals WHERE kind = 'country'
            ORDER BY articles DESC, country
            """,
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


def actor_labels(build: Build, chosen: list[str], offered: int = ACTOR_OPTIONS) -> dict[str, str]:
    """Entity id -> 'name · type · every alias' for the `offered` most written-about entities
    (so typing any alias finds them), plus `chosen` ones a link may name."""
    labels = _offered_actor_labels(build, offered)
    extra = [a for a in chosen if a not in labels]
    return labels | (entity_names(build, extra) if extra else {})


def actors_named(build: Build, name: str) -> pd.DataFrame:
    """The entities (`entity_id`, `name`, `type`, `articles`) whose name or one of whose
    aliases is `name`, in any case, ё read as е and runs of spaces as one; the most
    written-about first."""
    return query(
        build,
        """
        SELECT entity_id, name, type, n_articles AS articles FROM entities
        WHERE list_contains(
            list_transform(list_append(aliases, name), lambda a: replace(lower(a), 'ё', 'е')), ?
        )
        ORDER BY n_articles DESC, n_mentions DESC, entity_id
        """,
        _folded(name),
    )


def actors_written(build: Build, form: str) -> pd.DataFrame:
    """The entities (`entity_id`, `name`, `type`, `articles`, `written`) of the mentions the
    articles wrote as `form` (`mentions.surface`, in any case, ё read as е), with how many
    they wrote so; the most written so first. Only the mentions' surfaces and entities are read,
    and a surface is folded only when its length in bytes is the form's: folding Cyrillic and
    Latin letters keeps their length, and it costs more than the read."""
    return query(
        build,
        """
        SELECT entity_id, name, type, n_articles AS articles, written FROM (
            SELECT entity_id, count(*) AS written FROM mentions
            WHERE strlen(surface) = strlen($1) AND replace(lower(surface), 'ё', 'е') = $1
            GROUP BY entity_id
        ) JOIN entities USING (entity_id)
        ORDER BY written DESC, n_articles DESC, entity_id
        """,
        _folded(form),
    )


def _folded(name: str) -> str:
    """`name` as the pickers compare names: in lower case, ё as е, runs of spaces as one."""
    return " ".join(name.lower().replace("ё", "е").split())


@st.cache_resource(show_spinner=False, max_entries=8)
def _offered_actor_labels(build: Build, offered: int) -> dict[str, str]:
    """`actor_labels` of the `offered` most written-about actors, made once per build and
    number and shared by every session and run (every sidebar draws them); its callers never
    change it."""
    actors = query(
        build,
        """
        SELECT entity_id, name, type, aliases FROM entities
        ORDER BY n_articles DESC, n_mentions DESC, entity_id LIMIT ?
        """,
        offered,
    )
    return {
        r.entity_id: " · ".join([r.name, r.type, *(a for a in r.aliases if a != r.name)])
        for r in actors.itertuples()
    }
