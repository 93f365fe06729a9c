"""Widgets shared by every page: the loaded build, the sidebar, a chart with its downloads."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, data
from dashboard.filters import ENTITY_TYPES, PARAMS, Filters
from pipeline.schema import OPTIONAL

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


_KEYS = {
    name: f"f-{name}"
    for name in ("dates", "countries", "actors", "types", "topics", "sources", "text")
}
_APPLIED = "f-applied"
_PENDING = "f-pending"


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _load(wanted: Filters, bounds: tuple) -> None:
    """Put `wanted` into the widgets' state."""
    state = st.session_state
    if bounds[0] is not None:  # a link's dates outside this build's range are clamped to it
        low, high = bounds
        start = min(max(wanted.start or low, low), high)
        state[_KEYS["dates"]] = (start, min(max(wanted.end or high, start), high))
    for name in ("countries", "actors", "types", "topics", "sources"):
        state[_KEYS[name]] = list(getattr(wanted, name))
    state[_KEYS["text"]] = wanted.text


def _clear() -> None:
    for key in (*_KEYS.values(), _APPLIED):
        st.session_state.pop(key, None)
    for name in PARAMS.values():
        st.query_params.pop(name, None)


def filters(build: data.Build) -> Filters:
    """The global filters in the sidebar, read from and written to the URL.

    A link's filters fill the widgets. A page switch in the browser drops the query string;
    the widgets keep their state then, and the filters are written back to the new URL.
    """
    corpus = data.corpus_summary(build)
    bounds = (corpus["first"], corpus["last"])
    bounds = tuple(b.date() if hasattr(b, "date") else b for b in bounds)
    wanted = Filters.from_params(_params())
    applied = st.session_state.get(_APPLIED)
    if applied is None or (wanted != applied and wanted.active):
        _load(wanted, bounds)
    pending = st.session_state.pop(_PENDING, None)
    if pending:  # a click in a chart (`add_on_click`), applied before the widgets exist
        kind, value = pending
        st.session_state[_KEYS[kind]] = [*st.session_state.get(_KEYS[kind], []), value]
    options = data.filter_options(build)
    side = st.sidebar
    side.header("Filters")
    start = end = None
    if bounds[0] is not None:
        picked = side.date_input(
            "Published",
            min_value=bounds[0],
            max_value=bounds[1],
            key=_KEYS["dates"],
            format="YYYY-MM-DD",
        )
        picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
        start = picked[0] if picked and picked[0] != bounds[0] else None
        end = picked[1] if len(picked) > 1 and picked[1] != bounds[1] else None
    countries = options["countries"]
    named = dict(zip(countries["country"], countries["articles"], strict=True))
    chosen_countries = side.multiselect(
        "Countries",
        _with_chosen(list(named), _KEYS["countries"]),
        format_func=lambda c: f"{data.country_name(c)} ({named.get(c, 0):,})",
        key=_KEYS["countries"],
    )
    labels = actor_labels(build, st.session_state.get(_KEYS["actors"], []))
    chosen_actors = side.multiselect(
        "Actors",
        list(labels),
        format_func=labels.get,
        key=_KEYS["actors"],
        placeholder="Type a name or an alias",
    )
    chosen_types = side.multiselect(
        "Entity types", list(ENTITY_TYPES), format_func=ENTITY_TYPES.get, key=_KEYS["types"]
    )
    topics = dict(zip(options["topics"]["topic_id"], options["topics"]["label"], strict=True))
    chosen_topics = side.multiselect(
        "Topics",
        _with_chosen(list(topics), _KEYS["topics"]),
        format_func=lambda t: f"{t} · {topics.get(t, '?')}",
        key=_KEYS["topics"],
    )
    sources = options["sources"]["source"].tolist()
    chosen_sources = side.multiselect(
        "Sources", _with_chosen(sources, _KEYS["sources"]), key=_KEYS["sources"]
    )
    text = side.text_input(
        "Text contains",
        key=_KEYS["text"],
        placeholder="e.g. Средний коридор",
        help="Articles with every one of these words in their title or text, in any case; part "
        "of a word counts ('санкц' finds 'санкции'). The Search page finds exact phrases.",
    )
    chosen = Filters(
        start,
        end,
        tuple(chosen_countries),
        tuple(chosen_actors),
        tuple(chosen_types),
        tuple(int(t) for t in chosen_topics),
        tuple(chosen_sources),
        text.strip(),
    )
    side.button(
        "Clear filters",
        on_click=_clear,
        disabled=not chosen.active,
        icon=":material/filter_alt_off:",
    )
    st.session_state[_APPLIED] = chosen
    for name in PARAMS.values():
        st.query_params.pop(name, None)
    for name, values in chosen.to_params().items():
        st.query_params[name] = values
    return chosen


def actor_labels(build: data.Build, chosen: list[str]) -> dict[str, str]:
    """Entity id -> 'name · type · every alias' for the entities a picker offers (the most
    written-about ones, so typing any alias finds them), plus `chosen` ones a link may name."""
    offered = data.filter_options(build)["actors"]
    labels = {
        r.entity_id: " · ".join([r.name, r.type, *(a for a in r.aliases if a != r.name)])
        for r in offered.itertuples()
    }
    extra = [a for a in chosen if a not in labels]
    return labels | (data.entity_names(build, extra) if extra else {})


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
    build: data.Build,
    filters: Filters,
    name: str,
    frame: pd.DataFrame,
    figure: Callable[[pd.DataFrame], go.Figure],
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


def queue_filter(kind: str, value: object) -> None:
    """Add `value` to the `kind` filter at the start of the next run, before the sidebar's
    widgets exist (a widget's state cannot change once it is drawn). Also a button callback."""
    st.session_state[_PENDING] = (kind, value)


def current_filters() -> Filters:
    """The filters the sidebar applied in this run (app.py renders it before the page)."""
    return st.session_state.get(_APPLIED) or Filters()


def explain_missing(build: data.Build, *tables: str) -> bool:
    """Whether the build lacks any of `tables`; if so, says which and the command that
    builds them."""
    missing = [t for t in tables if t in build.missing]
    if missing:
        stages = sorted({OPTIONAL[t] for t in missing})
        st.warning(
            f"This data directory has no {_listed([f'`{t}.parquet`' for t in missing])}: it was "
            f"built without the {_listed(stages)} stage{'s' if len(stages) > 1 else ''}. "
            "Rebuild it with the installed pipeline to see this:",
            icon=":material/table_view:",
        )
        st.code(data.rebuild_command(build), language="bash")
    return bool(missing)


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def stop_if_nothing_matches(build: data.Build, filters: Filters) -> dict:
    """The selection's summary; a message and a stopped page when it is empty."""
    stats = data.summary(build, filters)
    if stats["articles"] == 0:
        st.info(
            "No articles match the filters. Change or clear them in the sidebar.",
            icon=":material/filter_alt_off:",
        )
        st.stop()
    return stats


def _with_chosen(options: list, key: str) -> list:
    """`options` plus anything already chosen that they lack (a link may name it)."""
    return options + [v for v in st.session_state.get(key, []) if v not in options]


def chart_with_downloads(
    build: data.Build,
    filters: Filters,
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
    table_downloads(build, filters, name, frame)
    return list(state.selection.points) if selectable and state else []


def table_downloads(build: data.Build, filters: Filters, name: str, frame: pd.DataFrame) -> None:
    """'Download data (CSV)' with exactly `frame`, and its provenance beside it."""
    with st.container(horizontal=True):
        st.download_button(
            "Download data (CSV)",
            data.to_csv(frame),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv-{name}",
            icon=":material/download:",
        )
        st.download_button(
            "Provenance (JSON)",
            data.provenance(build, name, filters),
            file_name=f"{name}.provenance.json",
            mime="application/json",
            key=f"prov-{name}",
            type="tertiary",
        )


def quote_count(quotes: pd.DataFrame) -> str:
    """How many quotes `quotes` (`data.quotes`) shows: '12', or 'the 200 newest of 340'."""
    total = int(quotes["total"].iloc[0]) if len(quotes) else 0
    return f"the {len(quotes):,} newest of {total:,}" if total > len(quotes) else f"{total:,}"


def quote_table(build: data.Build, filters: Filters, name: str, quotes: pd.DataFrame) -> None:
    """Quotes (`data.quotes`) as a table with a link to each one's article, and its downloads
    (without the link column and the running total)."""
    shown = quotes.assign(
        published=_dates(quotes["published"]),
        read=[page_link("reader", filters, article=a) for a in quotes["article_id"]],
    )
    st.dataframe(
        shown,
        hide_index=True,
        key=f"table-{name}",
        column_order=[
            "published",
            "speaker",
            "quote",
            "kind",
            "cue",
            "about",
            "countries",
            "title",
            "read",
        ],
        column_config={
            "published": "Published",
            "speaker": st.column_config.TextColumn("Speaker", width="small"),
            "quote": st.column_config.TextColumn("Quote", width="large"),
            "kind": "Kind",
            "cue": "Cue",
            "about": st.column_config.TextColumn("Names in it", width="medium"),
            "countries": "Countries in it",
            "title": st.column_config.TextColumn("Article", width="medium"),
            "read": st.column_config.LinkColumn("Open", display_text="Read"),
        },
    )
    table_downloads(build, filters, name, quotes.drop(columns=["total"]))


def quoted_text(text: str, cite: str = "") -> None:
    """Article text shown as written, under an optional `cite` line: both escaped, so markup
    and markdown in them stay text."""
    caption = f'<div style="{_CITE_STYLE}">{html.escape(cite)}</div>' if cite else ""
    st.html(f'{caption}<blockquote style="{_QUOTE_STYLE}">{html.escape(text)}</blockquote>')


#: Highlight colours of the Reader, by kind of span.
MARKS = {
    "PER": ("#fde2c4", "person"),
    "ORG": ("#d7e8fb", "organisation"),
    "LOC": ("#d9f2dc", "place"),
    "DATE": ("#efe0fa", "date"),
    "QUERY": ("#fff59d", "text filter"),
}
_MARK_STYLE = "background: {}; border-radius: 3px; padding: 0 2px"


def legend(with_query: bool) -> None:
    """The Reader's highlight colours (the text filter's only when there is one)."""
    chips = " ".join(
        f'<span style="{_MARK_STYLE.format(colour)}">{html.escape(name)}</span>'
        for kind, (colour, name) in MARKS.items()
        if with_query or kind != "QUERY"
    )
    st.html(f'<div style="font-size: 0.85rem">{chips}</div>')


def highlighted_text(text: str, marks: pd.DataFrame, links: dict[str, str]) -> None:
    """`text` with `marks` (start, stop, kind, entity_id, label) highlighted; a mark whose
    entity has a link in `links` links there. Every piece of text is escaped, so markup in an
    article stays text; a mark overlapping an earlier one is skipped."""
    pieces, at = [], 0
    for mark in marks.itertuples():
        if mark.start < at:
            continue
        colour = MARKS[mark.kind][0]
        inner = html.escape(text[mark.start : mark.stop])
        title = html.escape(str(mark.label or ""), quote=True)
        href = links.get(mark.entity_id) if isinstance(mark.entity_id, str) else None
        if href:
            inner = (
                f'<a href="{html.escape(href, quote=True)}" target="_self" '
                f'style="color: inherit">{inner}</a>'
            )
        pieces.append(html.escape(text[at : mark.start]))
        pieces.append(f'<mark title="{title}" style="{_MARK_STYLE.format(colour)}">{inner}</mark>')
        at = mark.stop
    pieces.append(html.escape(text[at:]))
    st.html(f'<div style="white-space: pre-wrap; line-height: 1.65">{"".join(pieces)}</div>')


def page_link(path: str, filters: Filters, **params: str) -> str:
    """A relative link to another page that keeps the filters: `actors?profile=...&country=...`."""
    query = [(name, value) for name, values in filters.to_params().items() for value in values]
    return f"{path}?{urlencode([*params.items(), *query])}"


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


#: How a list of articles is shown, on every page that has one.
ARTICLE_COLUMNS = {
    "title": st.column_config.TextColumn("Title", width="large"),
    "published": st.column_config.TextColumn("Published"),
    "source": "Source",
    "words": st.column_config.NumberColumn("Words", format="%d"),
    "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
    "url": st.column_config.LinkColumn("URL"),
    "article_id": "ID",
}


def shown_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """A list of articles as a table shows it: dates as 2025-12-05 or 'undated' (they still
    sort), without columns that are empty throughout (no URLs in plain-text corpora)."""
    return articles.assign(published=_dates(articles["published"])).dropna(
        axis="columns", how="all"
    )


def _dates(published: pd.Series) -> pd.Series:
    """Publication dates as 2025-12-05, or 'undated'."""
    return pd.to_datetime(published).dt.strftime("%Y-%m-%d").fillna("undated")


def selected_id(name: str, picked: object, ids: pd.Series) -> str:
    """The id a page shows in detail, kept in the URL as `?name=`: the row just selected in a
    table (`picked`, what `st.dataframe(on_select=...)` returned), else the link's, else the
    first row's."""
    if picked.selection.rows:
        st.query_params[name] = ids.iloc[picked.selection.rows[0]]
    chosen = st.query_params.get(name) or ids.iloc[0]
    st.query_params[name] = chosen
    return chosen
