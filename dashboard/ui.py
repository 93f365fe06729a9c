"""Widgets shared by every page: the loaded build, the sidebar, a chart with its downloads."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, data

T = TypeVar("T")
_CITE_STYLE = "font-size: 0.85rem; color: #5f6368; margin: 0.8rem 0 0.2rem"
_QUOTE_STYLE = (
    f"margin: 0; padding: 0.2rem 0 0.2rem 0.9rem; border-left: 3px solid {charts.ACCENT}; "
    "white-space: pre-wrap; line-height: 1.5"
)


def current_build() -> data.Build:
    """The build in the configured data directory, or a clear message and a stopped script."""
    directory = data.data_dir()
    try:
        return data.open_build(directory)
    except data.DataError as exc:
        st.error(str(exc))
        st.markdown("Build the data, then reload this page:")
        st.code(exc.fix, language="bash")
        st.caption("In the project folder, `make run` builds `./data` from `seeds/` and serves it.")
        st.stop()


def sidebar(build: data.Build) -> None:
    info = data.manifest(build)
    rows = info["tables"]["articles"]["rows"]
    st.sidebar.caption(
        f"**Data:** `{build.directory}`  \n"
        f"build `{build.build_id}` · {rows:,} articles · built {info['created_at'][:16]}Z"
    )


def chart_with_downloads(
    build: data.Build,
    name: str,
    figure: go.Figure,
    frame: pd.DataFrame,
    *,
    selectable: bool = False,
) -> list[dict]:
    """Render `figure`, then 'Download data (CSV)' with exactly `frame` and its provenance.
    With `selectable`, a click selects points; their Plotly records are returned."""
    state = st.plotly_chart(
        figure,
        config=charts.config(name),
        key=f"chart-{name}",
        on_select="rerun" if selectable else "ignore",
        selection_mode="points",
    )
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        "Download data (CSV)",
        data.to_csv(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv-{name}",
        icon=":material/download:",
    )
    right.download_button(
        "Provenance (JSON)",
        data.provenance(build, name),
        file_name=f"{name}.provenance.json",
        mime="application/json",
        key=f"prov-{name}",
        type="tertiary",
    )
    return list(state.selection.points) if selectable and state else []


def quoted_text(text: str, cite: str = "") -> None:
    """Article text shown as written, under an optional `cite` line: both escaped, so markup
    and markdown in them stay text."""
    caption = f'<div style="{_CITE_STYLE}">{html.escape(cite)}</div>' if cite else ""
    st.html(f'{caption}<blockquote style="{_QUOTE_STYLE}">{html.escape(text)}</blockquote>')


def query_choice(
    name: str,
    options: list[T],
    label: str,
    format_func: Callable[[T], str] = str,
    widget: Callable[..., T] = st.selectbox,
    **kwargs: object,
) -> T:
    """A choice whose value lives in the URL (`?name=value`), so a link reopens it; `widget`
    is `st.selectbox` or `st.radio`."""
    values = [str(o) for o in options]
    wanted = st.query_params.get(name)
    index = values.index(wanted) if wanted in values else 0
    choice = widget(label, options, index=index, format_func=format_func, key=f"q-{name}", **kwargs)
    st.query_params[name] = str(choice)
    return choice
