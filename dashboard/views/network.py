"""Network: which actors and countries are named together, in the same sentence or paragraph,
with communities coloured; edges as CSV and GEXF."""

import streamlit as st

from dashboard import charts, data, ui

ACTORS, COUNTRIES = 40, 20

build = ui.current_build()
filters = ui.current_filters()
st.title("Network")
ui.stop_if_nothing_matches(build, filters)

controls = st.columns([1.3, 1, 1, 1])
with controls[0]:
    unit = ui.query_choice(
        "unit",
        list(data.NETWORK_UNITS),
        "Named together in the",
        data.NETWORK_UNITS.get,
        widget=st.radio,
    )
with controls[1]:
    n_actors = ui.query_value("actors", ACTORS, st.slider, "Actors", min_value=0, max_value=150)
with controls[2]:
    n_countries = ui.query_value(
        "countries", COUNTRIES, st.slider, "Countries", min_value=0, max_value=80
    )
nodes, edges = data.network(build, filters, unit, n_actors, n_countries)
heaviest = int(edges["weight"].max()) if len(edges) else 1
with controls[3]:
    min_weight = ui.query_value(
        "min", 1, st.slider, f"Minimum shared {unit}s", min_value=1, max_value=max(heaviest, 2)
    )
if edges.empty:
    st.info(
        f"No two of these actors and countries are named in the same {unit}. Select more "
        "articles, more nodes, or paragraphs instead of sentences."
    )
    st.stop()
g = data.graph(nodes, edges, min_weight)
if not g:
    st.info(f"No pair is named together in {min_weight} or more {unit}s; lower the minimum.")
    st.stop()
plotted, links = data.graph_tables(g)
kinds = " and ".join(k for k, n in (("actors", n_actors), ("countries", n_countries)) if n)
st.caption(
    f"The {kinds} most covered in the selected articles, linked when named in the same {unit} "
    f"at least {min_weight} time{'s' if min_weight > 1 else ''}: {len(plotted):,} nodes, "
    f"{len(links):,} links, {plotted['community'].nunique():,} communities (colours). Circles are "
    "people and organisations, diamonds countries; size is articles. Click a node to filter on it."
)
figure = charts.network(plotted, links)
clicked = ui.chart_with_downloads(build, filters, "network_edges", figure, links, selectable=True)
row = ui.clicked_row(clicked, plotted, trace=len(figure.data) - 1)
if row is not None:
    ui.add_filter("countries" if row["kind"] == "country" else "actors", row["node"])
with st.container(horizontal=True):
    st.download_button(
        "Network (GEXF)",
        data.to_gexf(g),
        file_name="network.gexf",
        mime="application/xml",
        icon=":material/hub:",
        key="gexf",
    )
    st.download_button(
        "Nodes (CSV)",
        data.to_csv(plotted),
        file_name="network_nodes.csv",
        mime="text/csv",
        icon=":material/download:",
        key="nodes-csv",
    )

st.subheader("Communities")
members = plotted.groupby("community").agg(
    nodes=("node", "size"),
    articles=("articles", "sum"),
    members=("name", lambda names: " · ".join(names.head(8))),
)
st.dataframe(
    members.reset_index(),
    hide_index=True,
    column_config={
        "community": st.column_config.NumberColumn("Community", format="%d"),
        "nodes": st.column_config.NumberColumn("Nodes", format="%d"),
        "articles": st.column_config.NumberColumn("Articles (sum)", format="%d"),
        "members": st.column_config.TextColumn("Most covered members", width="large"),
    },
)
