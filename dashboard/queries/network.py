"""Network page: nodes (actors, countries) and their co-occurrence edges, which `graph.graph` lays
out."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.labels import country_name
from dashboard.store import Build, new_cursor, shared, time_limited

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
    """`_network`'s queries on `cursor`, whose `sel` holds the selected articles."""
    cursor.execute(
        f"""
        CREATE TEMP TABLE kept AS
        WITH units AS (
            SELECT DISTINCT m.article_id, m.{unit} AS unit, 'actor' AS kind, m.entity_id AS node
            FROM mentions m JOIN sel USING (article_id) JOIN entities e USING (entity_id)
            WHERE list_contains(?, e.type)
            UNION ALL
            SELECT DISTINCT c.article_id, c.{unit}, 'country', c.country
            FROM country_mentions c JOIN sel USING (article_id)
            WHERE list_contains(?, c.via)
        ),
        counted AS (
            SELECT kind, node, count(DISTINCT article_id) AS articles, count(*) AS units,
                   row_number() OVER (PARTITION BY kind ORDER BY count(DISTINCT article_id) DESC,
                                      count(*) DESC, node) AS rank
            FROM units GROUP BY kind, node
        )
        SELECT u.*, c.articles, c.units AS node_units
        FROM units u JOIN counted c USING (kind, node)
        WHERE (c.kind = 'actor' AND c.rank <= ?) OR (c.kind = 'country' AND c.rank <= ?)
        """,
        [filters.actor_types, _NAMED_VIA, actors, countries],
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
               count(DISTINCT a.article_id) AS articles
        FROM kept a JOIN kept b ON a.article_id = b.article_id AND a.unit = b.unit
                                AND a.node < b.node
        GROUP BY ALL
        ORDER BY weight DESC, articles DESC, source, target
        """
    ).df()
    is_country = nodes["kind"] == "country"
    nodes["name"] = nodes["name"].where(~is_country, nodes["node"].map(country_name))
    return nodes, edges
