"""Timeline: what the articles say happened when, beside when they were published."""

import streamlit as st

from dashboard import charts, store
from dashboard.queries import articles, timeline
from dashboard.widgets import clicks, downloads, guards, render, sidebar, url

HISTORY_ROWS = 200

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Timeline")
if guards.explain_missing(build, "events", "event_sentences"):
    st.stop()
guards.stop_if_nothing_matches(build, filters)
with guards.in_time(stop=True):
    counts = timeline.event_counts(build, filters)
    if counts["events"] == 0:
        st.info("No article in this build mentions a date.")
        st.stop()
unresolved = counts["events"] - counts["resolved"]
st.caption(
    f"{counts['events']:,} dates mentioned in {counts['articles']:,} articles. Each sits at the "
    "middle of the time it names ('в марте 2024 года': 16 March 2024); hover for the date as "
    "written, click a point to read its sentence and article. "
    + (
        f"{unresolved:,} relative dates in undated articles cannot be placed and are left out. "
        if unresolved
        else ""
    )
    + "What counts as a date: docs/events.md."
)

left, right = st.columns(2)
with left:
    axis = url.query_choice(
        "axis", list(timeline.AXES), "Time axis", timeline.AXES.get, st.radio, horizontal=True
    )
with right:
    group_by = url.query_choice(
        "by",
        list(timeline.GROUPS),
        "Rows and colours",
        timeline.GROUPS.get,
        st.radio,
        horizontal=True,
    )

with guards.in_time(stop=True):
    points = timeline.timeline(build, filters, axis, group_by)
recent, history = points[~points["history"]], points[points["history"]]
stats = store.corpus_summary(build)
first = stats["first"]

st.subheader("Events")
if counts["resolved"] > timeline.TIMELINE_POINTS:
    st.caption(
        f"{counts['resolved']:,} dates are resolved; a fixed sample of "
        f"{timeline.TIMELINE_POINTS:,} of them is drawn, and the lag and history charts count the "
        "same sample. Narrow the filters to see every one."
    )
if recent.empty:
    st.info("No event falls on this axis: the articles with dates in them are undated.")
else:
    # The rows and markers, made once for the figure and for mapping a click back to its point.
    groups = charts.timeline_groups(recent, timeline.NO_GROUP[group_by])
    markers = charts.timeline_markers(recent, groups)
    selected = downloads.chart_with_downloads(
        build,
        filters,
        f"timeline_{axis}_{group_by}",
        charts.timeline_drawn(
            markers,
            groups,
            timeline.AXES[axis],
            (first, stats["last"]),
            by_topic=group_by == "topic",
        ),
        # The CSV's sentences are read when it is downloaded, not on every run of the page.
        lambda: timeline.with_sentences(build, recent.reset_index(drop=True)),
        selectable=True,
    )
    row = clicks.clicked_row(selected, markers)
    if row is not None:
        st.query_params["article"], st.query_params["at"] = row["article_id"], str(row["start"])
    note = (
        "Points of undated articles are not on the publication axis. "
        if axis == "published"
        else ""
    )
    st.caption(note + (f"Dates before {first.year} are under History below." if first else ""))

st.subheader("Coverage lag")
lags = timeline.lag_counts(points)
if lags["events"].sum() == 0:
    st.info("No article has a publication date to measure the lag from.")
else:
    downloads.chart_with_downloads(build, filters, "coverage_lag", charts.lag(lags), lags)
    st.caption(
        "Days from the last day an event names to its article's publication. 'Announced ahead' "
        "are plans and schedules; 'while ongoing', a period that includes the publication date "
        "('в этом году')."
    )

if not history.empty:
    st.subheader("History")
    st.caption(f"References to the time before the corpus's first publication year ({first.year}).")
    by_decade = timeline.decade_counts(history)
    downloads.chart_with_downloads(
        build, filters, "history_by_decade", charts.decades(by_decade), by_decade
    )
    st.dataframe(
        timeline.history_table(build, history, HISTORY_ROWS),
        hide_index=True,
        column_config={
            "date_text": "Date as written",
            "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "title": "Article",
        },
    )

article_id = st.query_params.get("article")
chosen = articles.article(build, article_id) if article_id else None
if chosen:
    st.subheader("Article")
    at = int(st.query_params.get("at", -1))
    mentioned = points[(points["article_id"] == article_id) & (points["start"] == at)]
    st.markdown(f"**{chosen['title']}**")
    st.caption(render.byline(chosen))
    if not mentioned.empty:
        event = mentioned.iloc[0]
        render.quoted_text(
            timeline.sentences(build, mentioned.head(1)).iloc[0],
            f"{event['date_text']} → {event['date_start']:%Y-%m-%d} – {event['date_end']:%Y-%m-%d} "
            f"({event['granularity']})",
        )
    with st.expander("Full text", expanded=mentioned.empty):
        render.quoted_text(chosen["text"])
