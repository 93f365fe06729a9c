"""Network page: nodes (actors, countries) and their co-occurrence edges, which `graph.graph` lays
out."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.labels import country_name
from dashboard.queries.actors import entity_counts
from dashboard.store import Build, new_cursor, selected, shared, time_limited

#: What makes two nodes of the Network page co-occur, as the URL keeps it.
NETWORK_UNITS = {"sentence": "Same sentence", "paragraph": "Same paragraph"}
#: Of the rows of `network_units` (a row per sentence and node), those of each unit's first
#: sentence naming the node: a row per unit and node, with no DISTINCT.
_FIRST_IN = {"sentence": "", "paragraph": "AND u.paragraph_first"}


def network(
    build: Build, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Co-occurrence of the `actors` most covered entities of the filters' types (default:
    people and organisations) and the `countries` most named countries in the selected
    articles. Nodes: `node` (entity id or alpha-3), `kind`, `name`, `articles`, `units` (the
    sentences or paragraphs naming it). Edges: every pair sharing a `unit` ('sentence' or
    'paragraph'), with `weight` (units shared) and `articles`."""
    return _network(build.directory, build.build_id, filters, unit, actors, countries)


@shared(max_entries=32)
def _network(
    directory: str, build_id: str, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if unit not in NETWORK_UNITS:  # a column name in the SQL below: never user text
        raise ValueError(f"unit must be one of {list(NETWORK_UNITS)}")
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("counts", entity_counts(directory, build_id, filters))
    with time_limited(cursor):
        return _nodes_and_edges(cursor, filters, unit, actors, countries)


def _nodes_and_edges(
    cursor: duckdb.DuckDBPyConnection, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`_network`'s queries on `cursor`, whose `sel` holds the selected articles and `counts`
    the selected articles of each entity of the filters' types (`entity_counts`). Articles and
    kept nodes are numbered in the query (the numbers never leave it): the units and the pairs
    are grouped and joined on whole numbers rather than on the ids' strings."""
    dates, bounds = filters.in_range("published")
    cursor.execute(
        _KEPT.format(unit=unit, first=_FIRST_IN[unit], dates=dates),
        [actors, *bounds, *bounds, actors, countries],
    )
    nodes = cursor.execute(
        """
        SELECT k.number, k.node, k.kind, coalesce(e.name, k.node) AS name, k.articles,
               k.node_units AS units
        FROM kept k
        LEFT JOIN entities e ON k.kind = 'actor' AND e.entity_id = k.node
        WHERE k.article IS NULL
        ORDER BY articles DESC, units DESC, node
        """
    ).df()
    # Nodes are numbered in the order of their ids: pairs are found and ordered on the numbers.
    edges = cursor.execute(
        """
        SELECT a.number AS source, b.number AS target, count(*) AS weight,
               count(DISTINCT a.article) AS articles
        FROM kept a JOIN kept b
            ON a.article = b.article AND a.unit = b.unit AND a.number < b.number
        GROUP BY ALL
        ORDER BY weight DESC, articles DESC, source, target
        """
    ).df()
    ids = dict(zip(nodes.pop("number"), nodes["node"], strict=True))
    edges[["source", "target"]] = edges[["source", "target"]].apply(lambda n: n.map(ids))
    is_country = nodes["kind"] == "country"
    nodes["name"] = nodes["name"].where(~is_country, nodes["node"].map(country_name))
    return nodes, edges


#: The units (`{unit}`: sentences or paragraphs) of the selected articles naming each kept node:
#: the most covered actors of the given types and the most named countries, each with its
#: articles and units; ties go to the first id. The units are read from `network_units` (a row
#: per sentence and node, laid out by date; `{first}` keeps a row per paragraph and node), in
#: the row groups of the filters' dates (`{dates}`). The actors are ranked before their units are
#: read: `counts` gives each actor's selected articles (`entity_counts`, shared with the Actors
#: page and the Overview), only the candidates, those with at least as many articles as the
#: last kept actor, have their units read, and a kept actor's articles are its count there (the
#: articles of its units, not counted again from them). Parameters: how many actors are kept,
#: the dates, the dates, how many actors and how many countries are kept.
#: `article`: the article's key (`article_key`); `number`: the node's in the order of the ids. A row
#: per unit naming a kept node has its `article`, `unit` and `number` alone, and a row per kept
#: node (`article` null) its facts: the nodes are read from those few rows, not from every unit's
#: copy of its node's, and the units' rows are narrow.
_KEPT = f"""
    CREATE TEMP TABLE kept AS
    WITH candidates AS (
        SELECT entity_id FROM counts
        WHERE articles >= (
            SELECT min(articles) FROM (SELECT articles FROM counts ORDER BY articles DESC LIMIT ?)
        )
    ),
    actor_units AS (
        SELECT u.article_key AS article, u.{{unit}} AS unit, u.node AS entity_id
        FROM {selected("network_units u")}
        WHERE u.kind = 'actor' AND u.node IN (SELECT entity_id FROM candidates) AND {{dates}}
            {{first}}
    ),
    country_units AS (
        SELECT u.article_key AS article, u.{{unit}} AS unit, u.node AS country
        FROM {selected("network_units u")}
        WHERE u.kind = 'country' AND {{dates}} {{first}}
    ),
    top_actors AS (
        SELECT u.entity_id AS node, c.articles, count(*) AS node_units
        FROM actor_units u JOIN counts c USING (entity_id) GROUP BY u.entity_id, c.articles
        ORDER BY articles DESC, node_units DESC, node LIMIT ?
    ),
    top_countries AS (
        SELECT country AS node, count(DISTINCT article) AS articles, count(*) AS node_units
        FROM country_units GROUP BY country
        ORDER BY articles DESC, node_units DESC, node LIMIT ?
    ),
    picked AS (
        SELECT *, row_number() OVER (ORDER BY node) AS number
        FROM (
            SELECT 'actor' AS kind, * FROM top_actors
            UNION ALL
            SELECT 'country', * FROM top_countries
        )
    )
    SELECT u.article, u.unit, t.number, NULL AS kind, NULL AS node, NULL AS articles,
           NULL AS node_units
    FROM actor_units u JOIN picked t ON t.kind = 'actor' AND t.node = u.entity_id
    UNION ALL
    SELECT u.article, u.unit, t.number, NULL, NULL, NULL, NULL
    FROM country_units u JOIN picked t ON t.kind = 'country' AND t.node = u.country
    UNION ALL
    SELECT NULL, NULL, number, kind, node, articles, node_units FROM picked
"""
