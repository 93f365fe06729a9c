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


def typed_actor(build: Build, typed: str) -> tuple[pd.DataFrame, bool]:
    """The entities a typed value is taken to mean, the chosen one first, and whether as a name.
    It names some (`actors_typed`'s `named`); the articles write it for some (`written`).
    Those it names decide, the most written-about first, unless the articles write it more often
    for one it does not name than for any it names (a form the build misread as a name of its
    own, "Путина", is written mostly for Владимир Путин): then those it is written for do, the
    most often written so first."""
    found = actors_typed(build, typed)
    named, others = found[found["named"]], found[~found["named"]]
    if not named.empty and (others.empty or others["written"].max() <= named["written"].max()):
        return _ranked(named, "articles", "n_mentions"), True
    return _ranked(found[found["written"] > 0], "written", "articles"), False


def _ranked(found: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """`found` by the `columns`, the greatest first, then by entity id."""
    order = [*columns, "entity_id"]
    return found.sort_values(order, ascending=[False] * len(columns) + [True], ignore_index=True)


def actors_typed(build: Build, typed: str) -> pd.DataFrame:
    """The entities (`entity_id`, `name`, `type`, `articles`, `n_mentions`, `written`, `named`)
    whose name or one of whose aliases `typed` is (`named`) or whose mentions the articles
    write as `typed` (`mentions.surface`; `written`: how many), in any case, ё read as е and
    runs of spaces as one. Of the mentions only the surface and the entity are read, and a
    surface is folded only when its length in bytes is the typed value's: folding keeps the
    length of Cyrillic and Latin letters, and costs more than the read."""
    return query(
        build,
        """
        WITH written AS (
            SELECT entity_id, count(*) AS written FROM mentions
            WHERE strlen(surface) = strlen($1) AND replace(lower(surface), 'ё', 'е') = $1
            GROUP BY entity_id
        ), typed AS (
            SELECT entity_id, name, type, n_articles AS articles, n_mentions,
                coalesce(written, 0) AS written,
                list_contains(
                    list_transform(
                        list_append(aliases, name), lambda a: replace(lower(a), 'ё', 'е')
                    ),
                    $1
                ) AS named
            FROM entities LEFT JOIN written USING (entity_id)
        )
        SELECT * FROM typed WHERE written > 0 OR named ORDER BY entity_id
        """,
        _folded(typed),
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
