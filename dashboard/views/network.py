"""Network: which actors and countries are named together, in the same sentence or paragraph,
with communities coloured; edges as CSV and GEXF."""

import streamlit as st

from dashboard import charts, graph
from dashboard.queries import network
from dashboard.widgets import clicks, downloads, guards, sidebar, url

ACTORS, COUNTRIES = 40, 20

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Network")
guards.stop_if_nothing_matches(build, filters)

controls = st.columns([1.3, 1, 1, 1])
with controls[0]:
    unit = url.query_choice(
        "unit",
        list(network.NETWORK_UNITS),
        "Named together in the",
        network.NETWORK_UNITS.get,
        widget=st.radio,
    )
with controls[1]:
    n_actors = url.query_value("actors", ACTORS, st.slider, "Actors", min_value=0, max_value=150)
with controls[2]:
    n_countries = url.query_value(
        "countries", COUNTRIES, st.slider, "Countries", min_value=0, max_value=80
    )
nodes, edges = network.network(build, filters, unit, n_actors, n_countries)
heaviest = int(edges["weight"].max()) if len(edges) else 1
with controls[3]:
    min_weight = url.query_value(
        "min", 1, st.slider, f"Minimum shared {unit}s", min_value=1, max_value=max(heaviest, 2)
    )
if edges.empty:
    st.info(
        f"No two of these actors and countries are named in the same {unit}. Select more "
        "articles, more nodes, or paragraphs instead of sentences."
    )
    st.stop()
g = graph.graph(nodes, edges, min_weight)
if not g:
    st.info(f"No pair is named together in {min_weight} or more {unit}s; lower the minimum.")
    st.stop()
plotted, links = graph.graph_tables(g)
kinds = " and ".join(k for k, n in (("actors", n_actors), ("countries", n_countries)) if n)
st.caption(
    f"The {kinds} most covered in the selected articles, linked when named in the same {unit} "
    f"at least {min_weight} time{'s' if min_weight > 1 else ''}: {len(plotted):,} nodes, "
    f"{len(links):,} links, {plotted['community'].nunique():,} communities (colours). Circles are "
    "people and organisations, diamonds countries; size is articles. Click a node to filter on it."
)
figure = charts.network(plotted, links)
clicked = downloads.chart_with_downloads(
    build, filters, "network_edges", figure, links, selectable=True
)
row = clicks.clicked_row(clicked, plotted, trace=len(figure.data) - 1)
if row is not None:
    clicks.add_filter("countries" if row["kind"] == "country" else "actors", row["node"])
downloads.graph_downloads(g, plotted)

st.subheader("Communities")
st.dataframe(
    graph.community_table(plotted),
    hide_index=True,
    column_config={
        "community": st.column_config.NumberColumn("Community", format="%d"),
        "nodes": st.column_config.NumberColumn("Nodes", format="%d"),
        "articles": st.column_config.NumberColumn("Articles (sum)", format="%d"),
        "members": st.column_config.TextColumn("Most covered members", width="large"),
    },
)
