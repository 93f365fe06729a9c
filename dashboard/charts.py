"""Plotly figures for the dashboard: each takes the exact frame that its CSV download holds."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.colors
import plotly.graph_objects as go

#: Modebar: PNG export named after the chart, no Plotly logo, no CDN-backed features. Maps
#: take their base layers from the app (dashboard/static/world_110m.json, an empty stub: the
#: country outlines are dashboard/static/world.geojson), never from cdn.plot.ly.
BASE_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "topojsonURL": "app/static/",
}
ACCENT = "#1f5fa8"
#: One colour per topic id, 24 before they repeat.
PALETTE = plotly.colors.qualitative.Dark24


def config(name: str) -> dict:
    return {**BASE_CONFIG, "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2}}


def _layout(
    x_title: str, y_title: str, xaxis: dict | None = None, yaxis: dict | None = None, **more: object
) -> dict:
    """The layout the charts share, with the axes' `xaxis` and `yaxis` settings and `more` on
    top: nested dicts, handed to `go.Figure` at once. Each `update_layout` or `update_xaxes`
    call after it, and each 'xaxis_title' spelling, costs Plotly more than the chart's data."""
    return {
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "height": 320,
        "xaxis": {"title": {"text": x_title}, **(xaxis or {})},
        "yaxis": {"title": {"text": y_title}, **(yaxis or {})},
        "bargap": 0.15,
        "hovermode": "x",
        **more,
    }


def _months(count: int) -> dict:
    """A month axis: dates, or categories when `count` months are too few for a date axis."""
    return {"type": "category" if count <= 3 else "date", "tickformat": "%b %Y"}


def per_month(frame: pd.DataFrame, column: str = "articles", title: str = "Articles") -> go.Figure:
    """Bars of `column` per `month` ('2025-12')."""
    return go.Figure(
        go.Bar(
            x=frame["month"],
            y=frame[column],
            marker_color=ACCENT,
            hovertemplate=f"%{{x}}: %{{y:,}} {title.lower()}<extra></extra>",
        ),
        layout=_layout("Month of publication", title, xaxis=_months(len(frame))),
    )


#: The ranked bars' tick labels: the width of one character at Plotly's 12 px (Source Sans
#: measured 4.4-6.6 px a character, 6 on the Cyrillic names; the widest kept), and the longest
#: label shown whole on a chart as wide as the page, and on one in one of two columns (so that
#: its bars keep about half its width). Longer ones end in '…' on the axis, whole on hover.
CHAR_WIDTH = 6.6
LABEL_CHARS = 80
COLUMN_LABEL_CHARS = 40


def label_room(labels: pd.Series, most: int) -> tuple[list[str], int]:
    """The labels as the axis shows them (at most `most` characters), and the left margin that
    holds the longest: set on the server, so that the browser does not measure every label's
    text to fit the margins."""
    shown = [
        text if len(text) <= most else text[: most - 1].rstrip() + "…"
        for text in labels.astype(str)
    ]
    longest = max((len(text) for text in shown), default=0)
    return shown, round(longest * CHAR_WIDTH) + 20


def ranked(
    labels: pd.Series,
    values: pd.Series,
    unit: str,
    hover: pd.Series | None = None,
    label_chars: int = LABEL_CHARS,
) -> go.Figure:
    """Horizontal bars, largest on top; `hover` adds a line under each bar's label. The
    margins are fixed (no `automargin`), from the labels' lengths up to `label_chars`."""
    shown, left = label_room(labels, label_chars)
    return go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=ACCENT,
            customdata=hover if hover is not None else [""] * len(labels),
            hovertemplate=f"%{{y}}<br>%{{x:,}} {unit}<br>%{{customdata}}<extra></extra>",
        ),
        layout=_layout(
            unit.capitalize(),
            "",
            xaxis={"automargin": False},
            yaxis={
                "autorange": "reversed",
                "type": "category",
                "automargin": False,
                "tickvals": list(labels),
                "ticktext": shown,
            },
            margin={"l": left, "r": 10, "t": 10, "b": 50},
            height=ranked_height(len(labels)),
            hovermode="closest",
            clickmode="event+select",
        ),
    )


def ranked_height(bars: int) -> int:
    """The height in pixels of a chart of `bars` ranked bars."""
    return max(240, 28 * bars + 60)


class Ranking(NamedTuple):
    """What a ranked bar chart shows, whichever library draws it (`ranked` here, or
    `dashboard.echarts.ranked`): a bar per row, largest on top."""

    labels: pd.Series
    values: pd.Series
    unit: str
    hover: pd.Series
    label_chars: int = LABEL_CHARS


def topic_ranking(frame: pd.DataFrame) -> Ranking:
    """Topics by paragraphs, labelled with the topic's label."""
    names = [f"{i} · {label}" for i, label in zip(frame["topic_id"], frame["label"], strict=True)]
    hover = [
        f"{share:.1%} of paragraphs, in {n:,} articles"
        for share, n in zip(frame["share"], frame["articles"], strict=True)
    ]
    return Ranking(pd.Series(names), frame["paragraphs"], "paragraphs", pd.Series(hover))


def country_ranking(frame: pd.DataFrame) -> Ranking:
    """Countries by articles, with their mentions on hover."""
    hover = [f"{n:,} mentions" for n in frame["mentions"]]
    return Ranking(
        frame["name"], frame["articles"], "articles", pd.Series(hover), COLUMN_LABEL_CHARS
    )


def actor_ranking(frame: pd.DataFrame) -> Ranking:
    """Actors by articles, labelled with their type; mentions, country and role on hover."""
    labels = [f"{name} ({kind})" for name, kind in zip(frame["name"], frame["type"], strict=True)]
    rows = zip(frame["mentions"], frame["country"], frame["role"], strict=True)
    hover = [
        " · ".join(p for p in (f"{m:,} mentions", c, r) if isinstance(p, str)) for m, c, r in rows
    ]
    return Ranking(
        pd.Series(labels), frame["articles"], "articles", pd.Series(hover), COLUMN_LABEL_CHARS
    )


def topic_sizes(frame: pd.DataFrame) -> go.Figure:
    """Topics by paragraphs, labelled with the topic's label."""
    return ranked(*topic_ranking(frame))


def top_media(frame: pd.DataFrame) -> go.Figure:
    """Media by the articles citing them, with mentions and country on hover."""
    rows = zip(frame["mentions"], frame["country_name"], strict=True)
    hover = [" · ".join(p for p in (f"{m:,} mentions", c) if isinstance(p, str)) for m, c in rows]
    return ranked(frame["name"], frame["articles"], "articles", pd.Series(hover))


def topic_share_over_time(frame: pd.DataFrame) -> go.Figure:
    """Stacked areas: each topic's share of the month's paragraphs (months sum to 100%). Each
    column is taken out of the frame once, as an array, and sliced per topic: a trace of pandas
    slices cost Plotly several times more to build and to serialise than its few points."""
    months = frame["month"].to_numpy(object)
    shares = frame["share"].to_numpy(np.float64)
    counts = frame[["paragraphs", "month_paragraphs"]].to_numpy(np.int64)
    traces = [
        go.Scatter(
            x=months[rows],
            y=shares[rows],
            name=f"{topic_id} · {label}",
            stackgroup="share",
            mode="lines",
            line={"width": 0.5, "color": PALETTE[topic_id % len(PALETTE)]},
            customdata=counts[rows],
            hovertemplate=f"{topic_id} · {label}: %{{y:.1%}} "
            "(%{customdata[0]:,} of %{customdata[1]:,})<extra></extra>",
            _validate=False,
        )
        for (topic_id, label), rows in frame.groupby(
            ["topic_id", "label"], sort=True
        ).indices.items()
    ]
    layout = _layout(
        "Month of publication",
        "Share of the month's paragraphs",
        xaxis=_months(frame["month"].nunique()),
        yaxis={"tickformat": ".0%", "range": [0, 1]},
        height=420,
        legend={"font": {"size": 11}},
    )
    return go.Figure(traces, layout=layout, _validate=False)


def _days(dates: pd.Series) -> np.ndarray:
    """Dates (datetimes at midnight) as '2024-03-16', 'NaT' when missing; by numpy at once,
    where pandas formats them one by one."""
    return np.datetime_as_string(dates.to_numpy("datetime64[D]"), unit="D").astype(object)


#: A Timeline marker, but for its group's colour and its opacity.
_POINT = {"size": 9, "line": {"width": 0.5, "color": "white"}}
#: The Timeline's hover: the date as written, its range, its article's source and the row;
#: not the article's title nor its sentence (a click shows both under the chart): thousands of
#: titles made most of the page's bytes.
_TIMELINE_HOVER = (
    "<b>%{customdata[0]}</b> (%{customdata[1]} – %{customdata[2]})<br>"
    "%{customdata[3]} · click for the article%{customdata[4]}<extra>%{customdata[5]}</extra>"
)


def _more_here(stacked: pd.Series) -> np.ndarray:
    """The hover's line on the other points under a marker of `stacked` points ('' for one)."""
    more = stacked.to_numpy() - 1
    lines = np.array([f"<br>and {n} more here" for n in range(more.max(initial=0) + 1)])
    lines[0] = ""
    return lines[more].astype(object)


def timeline_groups(frame: pd.DataFrame, last: str) -> list[str]:
    """The Timeline's rows (`group`), top down: most points first, the `last` group (no
    country, no topic) at the bottom."""
    order = frame["group"].value_counts().index.tolist()
    return [g for g in order if g != last] + [g for g in order if g == last]


#: The opacity of one Timeline marker; a marker of n points is as opaque as n of them stacked.
_OPACITY = 0.7


def timeline_markers(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """The Timeline's markers: the first point (in the frame's order) of each day and row, with
    `stacked`, the number of points there; row by row in `order` (`timeline_groups`), each
    row's in the frame's order, as the chart draws them: its marker number k is row k. Points
    of one day and row overlap exactly, so one marker draws them all, as dark as they were
    stacked; a click on it opens its first point, the others are in the CSV."""
    stacked = frame.groupby(["x", "group"], sort=False)["x"].transform("size")
    markers = frame.assign(stacked=stacked).drop_duplicates(["x", "group"])
    rank = markers["group"].map({group: i for i, group in enumerate(order)}).to_numpy()
    return markers.iloc[np.argsort(rank, kind="stable")]


def timeline_drawn(
    frame: pd.DataFrame,
    order: list[str],
    x_title: str,
    published: tuple | None = None,
    by_topic: bool = False,
) -> go.Figure:
    """The Timeline's chart of its markers (`frame`, from `timeline_markers`) and rows (`order`,
    from `timeline_groups`), which the page also needs to map a click back to its point: made
    once there for both. A marker per day and row at (`x`, `group`), a colour per group, the
    date and the number of points there on hover; the `published` (first, last) period shaded.
    One trace of every marker, each with its row's colour and name: Plotly styles and lays out
    every trace apart, and a trace per row (a hundred of them at 110k articles) cost the
    browser more than the markers."""
    # A topic keeps its colour from the Topics page; other groups are coloured by rank.
    ids = frame.drop_duplicates("group").set_index("group")["topic_id"].dropna()
    fixed = ids if by_topic else ids.iloc[:0]
    # Each point's day and hover data (its row's name last), made once over the frame. Built
    # from arrays of known types, so Plotly need not check every point's hover text one by one
    # (that took longer than the query of thousands of points).
    days = _days(frame["x"])
    hover = np.column_stack(
        [
            frame["date_text"].to_numpy(object),
            _days(frame["date_start"]),
            _days(frame["date_end"]),
            frame["source"].fillna("").to_numpy(object),
            _more_here(frame["stacked"]),
            frame["group"].to_numpy(object),
        ]
    )
    opacity = (1 - (1 - _OPACITY) ** frame["stacked"].to_numpy()).round(2).astype(np.float32)
    colours = np.array(
        [PALETTE[int(fixed.get(group, i)) % len(PALETTE)] for i, group in enumerate(order)],
        dtype=object,
    )
    row = frame["group"].map({group: i for i, group in enumerate(order)}).to_numpy()
    fig = go.Figure(
        # SVG, not WebGL, at any count: without a GPU, a browser took several times longer to
        # draw the same markers with WebGL.
        go.Scatter(
            x=days,
            # Rows at 0 .. n-1 from the bottom, named by ticks: a number per point rather than
            # its group's name.
            y=(len(order) - 1 - row).astype(np.int16),
            customdata=hover,
            marker={**_POINT, "color": colours[row], "opacity": opacity},
            mode="markers",
            hovertemplate=_TIMELINE_HOVER,
            _validate=False,
        ),
        _validate=False,
    )
    fig._validate = fig.layout._validate = True  # the layout set below is checked as usual
    shown, left = label_room(pd.Series(order[::-1], dtype=object), LABEL_CHARS)
    fig.update_layout(
        _layout(
            x_title,
            "",
            # Fixed margins, from the rows' names: Plotly's `automargin` measured every tick
            # label in the browser and drew the chart again to fit them.
            xaxis={"automargin": False},
            yaxis={
                "automargin": False,
                "tickmode": "array",
                "tickvals": list(range(len(order))),
                "ticktext": shown,
                "range": [-0.5, len(order) - 0.5],
                "zeroline": False,
                "showgrid": False,
            },
            margin={"l": left, "r": 10, "t": 10, "b": 50},
            height=max(260, 34 * len(order) + 90),
            hovermode="closest",
            clickmode="event+select",
            showlegend=False,
            **_published_band(published),
        )
    )
    return fig


def _published_band(published: tuple | None) -> dict:
    """The layout's shape and note shading the `published` (first, last) period, none without a
    first date: what `add_vrect` would add, given with the layout (`add_vrect` placed them in
    about a fifth of the Timeline figure's build time)."""
    if not published or published[0] is None:
        return {}
    first, last = published[0], published[1] + pd.Timedelta(days=1)
    spanning = {"xref": "x", "yref": "y domain"}
    shape = {"type": "rect", "x0": first, "x1": last, "y0": 0, "y1": 1, **spanning}
    note = {"x": first, "y": 1, "xanchor": "left", "yanchor": "top", **spanning}
    return {
        "shapes": [
            {**shape, "fillcolor": ACCENT, "opacity": 0.08, "line": {"width": 0}, "layer": "below"}
        ],
        "annotations": [
            {
                **note,
                "text": "published",
                "showarrow": False,
                "font": {"size": 11, "color": "#5f6368"},
            }
        ],
    }


def lag(frame: pd.DataFrame) -> go.Figure:
    """Events per coverage-lag bucket, in bucket order."""
    return go.Figure(
        go.Bar(
            x=frame["lag"],
            y=frame["events"],
            marker_color=ACCENT,
            hovertemplate="%{x}: %{y:,} events<extra></extra>",
        ),
        layout=_layout(
            "Event's last day to the article's publication", "Events", xaxis={"type": "category"}
        ),
    )


def decades(frame: pd.DataFrame) -> go.Figure:
    """References to the past per decade."""
    return go.Figure(
        go.Bar(
            x=frame["decade"],
            y=frame["events"],
            marker_color="#7a6f5f",
            hovertemplate="%{x}: %{y:,} events<extra></extra>",
        ),
        layout=_layout("Decade referred to", "Events", xaxis={"type": "category"}),
    )


#: The shipped country outlines (dashboard/static/README.md), as the browser fetches them from
#: the app's static folder (relative, as `topojsonURL`).
WORLD_URL = "app/static/world.geojson"


@cache
def _world() -> dict:
    """Natural Earth 1:110m country outlines shipped with the app (dashboard/static/README.md)."""
    return json.loads((Path(__file__).parent / "static" / "world.geojson").read_text("utf-8"))


#: Light to dark blue, starting visibly above the grey of countries without articles.
MAP_SCALE = [[0, "#c6dbef"], [0.5, "#4a90c8"], [1, "#08306b"]]


def world_map(frame: pd.DataFrame) -> go.Figure:
    """Countries shaded by `articles` over the grey outline of every country, all from the
    shipped geometry (`WORLD_URL`, fetched by the browser once): no base map is fetched."""
    everywhere = [f["id"] for f in _world()["features"]]
    return go.Figure(
        [
            go.Choropleth(
                geojson=WORLD_URL,
                featureidkey="id",
                locations=everywhere,
                z=[0] * len(everywhere),
                colorscale=[[0, "#eceff3"], [1, "#eceff3"]],
                showscale=False,
                hoverinfo="skip",
                marker_line_width=0.4,
                marker_line_color="white",
            ),
            go.Choropleth(
                geojson=WORLD_URL,
                featureidkey="id",
                locations=frame["country"],
                z=frame["articles"],
                text=frame["name"],
                colorscale=MAP_SCALE,
                zmin=1,
                marker_line_width=0.4,
                marker_line_color="white",
                colorbar={"title": {"text": "Articles"}, "thickness": 12},
                hovertemplate="%{text}: %{z:,} articles<extra></extra>",
            ),
        ],
        layout={
            "geo": {
                "visible": False,
                "projection": {"type": "natural earth"},
                "showframe": False,
                "lataxis": {"range": [-58, 85]},
            },
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "height": 440,
            "clickmode": "event+select",
        },
    )


def heatmap(frame: pd.DataFrame, x: str, y: str, z: str, x_title: str, y_title: str) -> go.Figure:
    """A matrix of `z` over `x` and `y`, rows in the order they first appear."""
    table = frame.pivot(index=y, columns=x, values=z)
    rows = list(dict.fromkeys(frame[y]))
    table = table.loc[rows, list(dict.fromkeys(frame[x]))]
    return go.Figure(
        go.Heatmap(
            z=table.values,
            x=list(table.columns),
            y=list(table.index),
            colorscale="Blues",
            colorbar={"thickness": 12},
            hovertemplate=f"%{{y}} · %{{x}}: %{{z:,}} {z}<extra></extra>",
        ),
        layout=_layout(
            x_title,
            y_title,
            xaxis={"type": "category"},
            yaxis={"autorange": "reversed", "type": "category"},
            height=max(300, 24 * len(rows) + 120),
            hovermode="closest",
        ),
    )


#: Marker of each kind of network node.
NODE_SYMBOLS = {"actor": "circle", "country": "diamond"}
#: Nodes whose name is written beside them, most covered first (the rest on hover).
NODE_LABELS = 15
_EDGE_COLOUR = "rgba(90, 100, 110, 0.35)"


#: The network's coordinates in single precision: a ten-thousandth of a pixel off on the chart,
#: where no number shows them, and half the bytes of double (most of the figure's JSON).
_PLACE = np.float32


def _edge_classes(weights: pd.Series, classes: int = 4) -> pd.Series:
    """0 (lightest) to `classes` - 1 (heaviest) by rank, for line widths."""
    if len(weights) < classes:
        return pd.Series(0, index=weights.index)
    return pd.qcut(weights.rank(method="first"), classes, labels=False)


def network(nodes: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    """Edges as grey lines, thicker for heavier ones, then the nodes in one trace, the last:
    sized by articles, coloured by community, diamonds for countries."""
    position = dict(zip(nodes["node"], zip(nodes["x"], nodes["y"], strict=True), strict=True))
    traces = [
        _edge_lines(rows, position, width)
        for width, rows in edges.groupby(_edge_classes(edges["weight"]))
    ]
    labelled = set(nodes.nlargest(NODE_LABELS, "articles")["node"])
    text = nodes["name"].where(nodes["node"].isin(labelled), "")
    size = 8 + 26 * (nodes["articles"] / max(nodes["articles"].max(), 1)) ** 0.5
    hover = nodes[["name", "kind", "articles", "community", "degree"]]
    traces.append(
        go.Scatter(
            x=nodes["x"].to_numpy(_PLACE),
            y=nodes["y"].to_numpy(_PLACE),
            mode="markers+text",
            text=text,
            textposition="top center",
            textfont={"size": 11},
            marker={
                "size": size,
                "color": [PALETTE[c % len(PALETTE)] for c in nodes["community"]],
                "symbol": nodes["kind"].map(NODE_SYMBOLS),
                "line": {"width": 1, "color": "white"},
            },
            customdata=hover.values.tolist(),
            hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]:,} "
            "articles · community %{customdata[3]} · %{customdata[4]} links<extra></extra>",
        )
    )
    layout = {
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "height": 620,
        "hovermode": "closest",
        "clickmode": "event+select",
        "plot_bgcolor": "white",
        "showlegend": False,
    }
    return go.Figure(traces, layout=layout)


def _edge_lines(edges: pd.DataFrame, position: dict, width: int) -> go.Scatter:
    """The `edges` of one width class as one trace of line segments, source to target, each
    ended by a gap (NaN, drawn as none). Arrays rather than lists of points, which Plotly
    checks one point at a time."""
    ends = [
        np.array([position[n] for n in edges[end]]).reshape(-1, 2) for end in ("source", "target")
    ]
    gaps = np.full(len(edges), np.nan)
    xs, ys = (
        np.column_stack([ends[0][:, i], ends[1][:, i], gaps]).ravel().astype(_PLACE) for i in (0, 1)
    )
    line = {"width": 0.6 + 1.2 * width, "color": _EDGE_COLOUR}
    return go.Scatter(x=xs, y=ys, mode="lines", line=line, hoverinfo="skip")
