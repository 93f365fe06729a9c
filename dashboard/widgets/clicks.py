"""Clicks in charts: the row behind a clicked point, and a click that adds a filter."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.filters import Filters
from dashboard.store import Build
from dashboard.widgets.downloads import chart_with_downloads
from dashboard.widgets.sidebar import current_filters, queue_filter


def clicked_row(points: list[dict], frame: pd.DataFrame, trace: int = 0) -> pd.Series | None:
    """The row of `frame` behind the first point clicked in trace number `trace`, if any."""
    points = [p for p in points if p.get("curve_number", 0) == trace]
    if not points:
        return None
    return frame.iloc[points[0].get("point_index", points[0].get("point_number"))]


def add_filter(kind: str, value: object) -> None:
    """Add `value` to the `kind` filter ('countries', 'actors', 'topics') and rerun; a value
    already filtered on is left alone."""
    value = int(value) if kind == "topics" else value
    if value not in getattr(current_filters(), kind):
        queue_filter(kind, value)
        st.rerun()


def add_on_click(
    points: list[dict], frame: pd.DataFrame, column: str, kind: str, trace: int = 0
) -> None:
    """Add the `column` value of the row clicked in trace number `trace` to the `kind` filter."""
    row = clicked_row(points, frame, trace)
    if row is not None:
        add_filter(kind, row[column])


def filtering_chart(
    build: Build,
    filters: Filters,
    name: str,
    frame: pd.DataFrame,
    figure: Callable[[pd.DataFrame], go.Figure | dict],
    column: str,
    kind: str,
    empty: str,
) -> None:
    """`figure(frame)` with its downloads, a click adding the bar's `column` value to the
    `kind` filter; the message `empty` instead when `frame` has no rows."""
    if frame.empty:
        st.info(empty)
        return
    clicked = chart_with_downloads(build, filters, name, figure(frame), frame, selectable=True)
    add_on_click(clicked, frame, column, kind)
