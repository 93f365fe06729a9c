"""The Network page's graph: communities, layout, the plotted tables and GEXF for Gephi."""

from __future__ import annotations

import networkx as nx
import pandas as pd

#: Seed of every randomised computation (graph layout and communities).
SEED = 7


def graph(nodes: pd.DataFrame, edges: pd.DataFrame, min_weight: int) -> nx.Graph:
    """The network with edges of at least `min_weight` and the nodes they join; each node has
    its `community` (Louvain, largest first, seeded: the same data gives the same colours) and
    its position `x`, `y` (a seeded spring layout)."""
    kept = edges[edges["weight"] >= min_weight]
    g = nx.Graph()
    for row in nodes[nodes["node"].isin(set(kept["source"]) | set(kept["target"]))].itertuples():
        g.add_node(row.node, kind=row.kind, label=row.name, articles=int(row.articles))
    for row in kept.itertuples():
        g.add_edge(row.source, row.target, weight=int(row.weight), articles=int(row.articles))
    if not g:
        return g
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    for number, members in enumerate(found):
        for node in members:
            g.nodes[node]["community"] = number
    for node, (x, y) in _layout(g).items():
        g.nodes[node]["x"], g.nodes[node]["y"] = round(x, 4), round(y, 4)
    return g


def _layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """The largest connected part spread over the unit square, the smaller parts in a row
    beneath it (a spring layout of the whole graph pushes them to the edges and squeezes the
    main part into a corner)."""
    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    found: dict[str, tuple[float, float]] = {}
    row = len(parts) - 1
    for number, part in enumerate(parts):
        sub = _ordered(g, part)
        spread = 2 / len(part) ** 0.5
        places = nx.spring_layout(sub, weight="weight", seed=SEED, k=spread, iterations=100)
        size, x0, y0 = (
            (1.0, 0.0, 0.0)
            if number == 0
            else (min(0.9 / row, 0.25), -1 + (number - 0.5) * 2 / row, -1.4)
        )
        for node, (x, y) in places.items():
            found[node] = (x0 + size * float(x), y0 + size * float(y))
    return found


def _ordered(g: nx.Graph, part: set[str]) -> nx.Graph:
    """The part of `g` with its nodes in sorted order: a subgraph view of a small part iterates
    the set it was given, whose order of strings changes with Python's hash seed, and the
    spring layout's seeded start follows node order."""
    sub = nx.Graph()
    sub.add_nodes_from(sorted(part))
    sub.add_edges_from(g.subgraph(part).edges(data=True))
    return sub


def graph_tables(g: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The plotted nodes (`node`, `kind`, `name`, `articles`, `community`, `degree`, `x`, `y`)
    and edges (`source`, `source_name`, `target`, `target_name`, `weight`, `articles`)."""
    nodes = pd.DataFrame(
        [
            (n, d["kind"], d["label"], d["articles"], d["community"], g.degree(n), d["x"], d["y"])
            for n, d in g.nodes(data=True)
        ],
        columns=["node", "kind", "name", "articles", "community", "degree", "x", "y"],
    ).sort_values(
        ["community", "articles", "node"], ascending=[True, False, True], ignore_index=True
    )
    names = dict(zip(nodes["node"], nodes["name"], strict=True))
    edges = pd.DataFrame(
        [(a, names[a], b, names[b], d["weight"], d["articles"]) for a, b, d in g.edges(data=True)],
        columns=["source", "source_name", "target", "target_name", "weight", "articles"],
    ).sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    return nodes, edges


def to_gexf(g: nx.Graph) -> bytes:
    """The graph as GEXF 1.2 for Gephi, with node labels, kinds, communities and weights."""
    return "\n".join(nx.generate_gexf(g)).encode("utf-8")


def community_table(nodes: pd.DataFrame, shown: int = 8) -> pd.DataFrame:
    """Per community of the plotted `nodes` (`graph_tables`): its nodes, the sum of their
    articles, and the names of its first `shown` (the most covered)."""
    found = nodes.groupby("community").agg(
        nodes=("node", "size"),
        articles=("articles", "sum"),
        members=("name", lambda names: " · ".join(names.head(shown))),
    )
    return found.reset_index()
