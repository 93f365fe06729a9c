"""Charts and tables with their downloads: the exact rows as CSV and their provenance, and the
Network page's graph files."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, echarts
from dashboard.export import provenance, to_csv
from dashboard.filters import Filters
from dashboard.store import Build

if TYPE_CHECKING:  # networkx is imported by the Network page alone: not on the first view
    import networkx as nx


def chart_with_downloads(
    build: Build,
    filters: Filters,
    name: str,
    figure: go.Figure | dict,
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    *,
    selectable: bool = False,
) -> list[dict]:
    """Render `figure` (a Plotly figure, or an ECharts option from `dashboard.echarts`), then
    'Download data (CSV)' with exactly `frame` (or what it returns, when the button is clicked)
    and its provenance. With `selectable`, a click selects points; their Plotly records are
    returned (for an ECharts bar, its `point_index` alone)."""
    on_select = "rerun" if selectable else "ignore"
    if isinstance(figure, dict):
        state = st.echarts_chart(
            figure, key=f"chart-{name}", height=echarts.height(figure), on_select=on_select
        )
        points = [{"point_index": i} for i in echarts.selected_rows(state)] if selectable else []
    else:
        state = st.plotly_chart(
            figure,
            config=charts.config(name),
            key=f"chart-{name}",
            on_select=on_select,
            selection_mode="points",
        )
        points = list(state.selection.points) if selectable and state else []
    table_downloads(build, filters, name, frame)
    return points


def table_downloads(
    build: Build, filters: Filters, name: str, frame: pd.DataFrame | Callable[[], pd.DataFrame]
) -> None:
    """'Download data (CSV)' with exactly `frame`, and its provenance beside it. The CSV is
    written when the button is clicked, not on every run of the page; a callable `frame` is
    called then too (rows costly to read, as the Timeline's sentences). A click does not rerun
    the page: a rerun would redraw every chart for nothing, and could replace the other
    button's file while the browser is fetching it."""
    with st.container(horizontal=True):
        st.download_button(
            "Download data (CSV)",
            lambda: to_csv(frame() if callable(frame) else frame),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv-{name}",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            "Provenance (JSON)",
            provenance(build, name, filters),
            file_name=f"{name}.provenance.json",
            mime="application/json",
            key=f"prov-{name}",
            on_click="ignore",
            type="tertiary",
        )


def graph_downloads(g: nx.Graph, nodes: pd.DataFrame) -> None:
    """The network as GEXF for Gephi, and its plotted `nodes` as CSV, both written when their
    button is clicked."""
    from dashboard.graph import to_gexf

    with st.container(horizontal=True):
        st.download_button(
            "Network (GEXF)",
            lambda: to_gexf(g),
            file_name="network.gexf",
            mime="application/xml",
            icon=":material/hub:",
            key="gexf",
            on_click="ignore",
        )
        st.download_button(
            "Nodes (CSV)",
            lambda: to_csv(nodes),
            file_name="network_nodes.csv",
            mime="text/csv",
            icon=":material/download:",
            key="nodes-csv",
            on_click="ignore",
        )
