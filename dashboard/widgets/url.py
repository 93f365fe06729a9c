"""Page state kept in the URL: choices and values a link reopens, the row a page shows in
detail, and links to other pages that keep the filters."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.filters import Filters

T = TypeVar("T")


def page_link(path: str, filters: Filters, **params: str) -> str:
    """A relative link to another page that keeps the filters: `actors?profile=...&country=...`."""
    return _link(path, urlencode(list(params.items())), _kept(filters))


def page_links(path: str, filters: Filters, name: str, values: Iterable[str]) -> list[str]:
    """`page_link(path, filters, name=value)` for each of `values`, the filters encoded once
    for all of them (a table links each of its rows)."""
    kept = _kept(filters)
    return [_link(path, urlencode({name: value}), kept) for value in values]


def _kept(filters: Filters) -> str:
    """The filters as a query string ('country=AZE&from=2025-01-01'), or ''."""
    return urlencode([(name, v) for name, values in filters.to_params().items() for v in values])


def _link(path: str, *queries: str) -> str:
    return f"{path}?{'&'.join(q for q in queries if q)}"


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


def query_value(name: str, default: T, widget: Callable[..., T], label: str, **kwargs: object) -> T:
    """A text input or slider whose value lives in the URL (`?name=value`; absent while it is
    `default`), so a link reopens it. A value in the URL that does not fit is ignored."""
    wanted = st.query_params.get(name)
    value = default
    if wanted is not None:
        with contextlib.suppress(ValueError):
            value = type(default)(wanted)
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is not None and high is not None and not low <= value <= high:
        value = default
    chosen = widget(label, value=value, key=f"q-{name}", **kwargs)
    if chosen == default:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = str(chosen)
    return chosen


def selected_id(name: str, picked: object, ids: pd.Series) -> str:
    """The id a page shows in detail, kept in the URL as `?name=`: the row just selected in a
    table (`picked`, what `st.dataframe(on_select=...)` returned), else the link's, else the
    first row's."""
    if picked.selection.rows:
        st.query_params[name] = ids.iloc[picked.selection.rows[0]]
    chosen = st.query_params.get(name) or ids.iloc[0]
    st.query_params[name] = chosen
    return chosen
