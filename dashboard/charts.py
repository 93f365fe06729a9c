"""Plotly figures for the dashboard: each takes the exact frame that its CSV download holds."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

#: Modebar: PNG export named after the chart, no Plotly logo, no CDN-backed features.
BASE_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
ACCENT = "#1f5fa8"


def config(name: str) -> dict:
    return {**BASE_CONFIG, "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2}}


def _layout(fig: go.Figure, x_title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=320,
        xaxis_title=x_title,
        yaxis_title=y_title,
        bargap=0.15,
        hovermode="x",
    )
    return fig


def articles_per_month(frame: pd.DataFrame) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=frame["month"],
            y=frame["articles"],
            marker_color=ACCENT,
            hovertemplate="%{x}: %{y:,} articles<extra></extra>",
        )
    )
    fig.update_xaxes(type="category" if len(frame) <= 3 else "date", tickformat="%b %Y")
    return _layout(fig, "Month of publication", "Articles")
