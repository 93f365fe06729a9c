"""Network page: nodes (actors, countries) and their co-occurrence edges, which `graph.graph` lays
out."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.labels import country_name
from dashboard.store import Build, in_range, new_cursor, shared, time_limited

#: What makes two nodes of the Network page co-occur, as the URL keeps it.
NETWORK_UNITS = {"sentence": "Same sentence", "paragraph": "Same paragraph"}
#: Country links that count as the text naming a country (not a person's or an
#: organisation's own country, which would tie every actor to it).
_NAMED_VIA = ["name", "adjective", "capital", "city"]


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
    with time_limited(new_cursor(directory, build_id, filters)) as cursor:
        return _nodes_and_edges(cursor, filters, unit, actors, countries)


def _nodes_and_edges(
    cursor: duckdb.DuckDBPyConnection, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`_network`'s queries on `cursor`, whose `sel` holds the selected articles. Articles and
    entities are numbered in the query (the numbers never leave it): the units and the pairs
    are grouped and joined on whole numbers rather than on the ids' strings."""
    dates, bounds = in_range(filters, "published")
    cursor.execute(
        _KEPT.format(unit=unit, dates=dates),
        [filters.actor_types, *bounds, _NAMED_VIA, *bounds, actors, countries],
    )
    nodes = cursor.execute(
        """
        SELECT DISTINCT k.node, k.kind, coalesce(e.name, k.node) AS name, k.articles,
               k.node_units AS units
        FROM kept k LEFT JOIN entities e ON k.kind = 'actor' AND e.entity_id = k.node
        ORDER BY articles DESC, units DESC, node
        """
    ).df()
    edges = cursor.execute(
        """
        SELECT a.node AS source, b.node AS target, count(*) AS weight,
               count(DISTINCT a.article) AS articles
        FROM kept a JOIN kept b ON a.article = b.article AND a.unit = b.unit AND a.node < b.node
        GROUP BY ALL
        ORDER BY weight DESC, articles DESC, source, target
        """
    ).df()
    is_country = nodes["kind"] == "country"
    nodes["name"] = nodes["name"].where(~is_country, nodes["node"].map(country_name))
    return nodes, edges


#: The units (`{unit}`: sentences or paragraphs) of the selected articles naming each kept node:
#: the most covered actors of the given types (the first parameter) and the most named countries
#: (named via the links of the parameter after the dates), each with its articles and units; ties
#: go to the first id. The mentions are read in the row groups of the filters' dates (`{dates}`,
#: its parameters after the types and again after the links); the last two parameters are how
#: many actors and countries are kept. `article`: the article's number in `sel`.
_KEPT = """
    CREATE TEMP TABLE kept AS
    WITH arts AS (SELECT article_id, row_number() OVER () AS article FROM sel),
    ents AS (
        SELECT entity_id, row_number() OVER () AS entity
        FROM entities WHERE list_contains(?, type)
    ),
    actor_units AS (
        SELECT DISTINCT s.article, m.{unit} AS unit, n.entity
        FROM mentions m JOIN arts s USING (article_id) JOIN ents n USING (entity_id)
        WHERE {dates}
    ),
    country_units AS (
        SELECT DISTINCT s.article, c.{unit} AS unit, c.country
        FROM country_mentions c JOIN arts s USING (article_id)
        WHERE list_contains(?, c.via) AND {dates}
    ),
    top_actors AS (
        SELECT entity, n.entity_id AS node, count(DISTINCT article) AS articles,
               count(*) AS node_units
        FROM actor_units JOIN ents n USING (entity)
        GROUP BY entity, n.entity_id
        ORDER BY articles DESC, node_units DESC, node LIMIT ?
    ),
    top_countries AS (
        SELECT country AS node, count(DISTINCT article) AS articles, count(*) AS node_units
        FROM country_units GROUP BY country
        ORDER BY articles DESC, node_units DESC, node LIMIT ?
    )
    SELECT u.article, u.unit, 'actor' AS kind, t.node, t.articles, t.node_units
    FROM actor_units u JOIN top_actors t USING (entity)
    UNION ALL
    SELECT u.article, u.unit, 'country', t.node, t.articles, t.node_units
    FROM country_units u JOIN top_countries t ON t.node = u.country
"""
