"""Actors: people and organisations ranked by coverage, and one actor's profile."""

import streamlit as st

from dashboard import charts, labels
from dashboard.filters import ENTITY_TYPE, ENTITY_TYPES
from dashboard.queries import actors, quotes
from dashboard.widgets import clicks, downloads, guards, render, sidebar, url

TABLE_LIMIT = 500
RELATED = 15
ARTICLE_LIMIT = 200
QUOTE_LIMIT = 200


#: The actor table's columns; the ids stay on the server (the selection is a row number).
TABLE_COLUMNS = {
    "name": st.column_config.TextColumn("Name", width="medium"),
    "type": "Type",
    "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
    "articles": st.column_config.NumberColumn("Articles", format="%d"),
    "country": "Country",
    "role": "Role",
    "aliases": st.column_config.TextColumn("Aliases", width="large"),
    "entity_id": None,
}

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Actors")
guards.stop_if_nothing_matches(build, filters)

with guards.in_time(stop=True):
    table = actors.actor_table(build, filters, TABLE_LIMIT)
    if table.empty:
        st.info("No person or organisation is named in these articles.")
        st.stop()
    kinds = " and ".join(ENTITY_TYPES[t].lower() for t in filters.actor_types)
    st.caption(
        f"The {len(table):,} {kinds} most written about in the selected articles (articles that "
        "mention them, then mentions). Every inflection and alias is merged into one row; select a "
        "row for the profile."
    )
    picked = st.dataframe(
        render.visible(table, TABLE_COLUMNS),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="actor-table",
        column_config=TABLE_COLUMNS,
    )
    downloads.table_downloads(build, filters, "actors", table)
    profile_id = url.selected_id("profile", picked, table["entity_id"])
actor = actors.entity(build, profile_id)
if actor is None:
    st.warning("The actor in this link is not in this build.")
    st.stop()

st.header(actor["name"])
facts = [ENTITY_TYPE[actor["type"]]]
if isinstance(actor["role"], str):
    facts.append(actor["role"])
if isinstance(actor["country"], str):
    facts.append(labels.country_name(actor["country"]))
st.caption(" · ".join(facts) + f" · also written as: {'; '.join(actor['aliases'])}")
in_filters = profile_id in filters.actors
st.button(
    "Filtering on this actor" if in_filters else "Add to filters",
    on_click=sidebar.queue_filter,
    args=("actors", profile_id),
    disabled=in_filters,
    icon=":material/filter_alt:",
)

with guards.in_time():
    monthly = actors.mentions_per_month(build, filters, profile_id)
    st.subheader("Mentions over time")
    if monthly.empty:
        st.info("No dated article among the selected ones mentions this actor.")
    else:
        figure = charts.per_month(monthly, "mentions", "Mentions")
        downloads.chart_with_downloads(
            build, filters, f"mentions_over_time_{profile_id}", figure, monthly
        )

left, right = st.columns(2)
with left:
    st.subheader("Named in the same sentences")
    with guards.in_time():
        people = actors.co_mentioned(build, filters, profile_id, RELATED)
        if people.empty:
            st.info("No other person or organisation shares a sentence with this actor.")
        else:
            names = people["name"] + " (" + people["type"] + ")"
            figure = charts.ranked(
                names, people["sentences"], "sentences", label_chars=charts.COLUMN_LABEL_CHARS
            )
            clicked = downloads.chart_with_downloads(
                build, filters, f"co_mentioned_{profile_id}", figure, people, selectable=True
            )
            row = clicks.clicked_row(clicked, people)
            if row is not None:
                st.query_params["profile"] = row["entity_id"]
                st.rerun()
with right:
    st.subheader("Countries in the same sentences")
    with guards.in_time():
        clicks.filtering_chart(
            build,
            filters,
            f"co_countries_{profile_id}",
            actors.co_countries(build, filters, profile_id, RELATED),
            lambda frame: charts.ranked(
                frame["name"],
                frame["sentences"],
                "sentences",
                label_chars=charts.COLUMN_LABEL_CHARS,
            ),
            "country",
            "countries",
            "No country is named in a sentence with this actor.",
        )

if "quotes" not in build.missing:
    with guards.in_time():
        said_by, said_about = quotes.quote_sets(
            build,
            filters,
            [quotes.QuoteQuery(speaker=profile_id), quotes.QuoteQuery(about=profile_id)],
            QUOTE_LIMIT,
        )
        by_count, about_count = render.quote_count(said_by), render.quote_count(said_about)
        st.subheader("Quotes")
        st.caption(
            f"{by_count} said by {actor['name']}, {about_count} that name them. "
            f"[All quotes by them]({url.page_link('quotes', filters, speaker=profile_id)}) · "
            f"[All quotes about them]({url.page_link('quotes', filters, about=profile_id)})"
        )
        by_tab, about_tab = st.tabs([f"Said by ({by_count})", f"Said about ({about_count})"])
        with by_tab:
            if said_by.empty:
                st.info("No quote in the selected articles is attributed to this actor.")
            else:
                render.quote_table(build, filters, f"quotes_by_{profile_id}", said_by)
        with about_tab:
            if said_about.empty:
                st.info("No quote in the selected articles names this actor.")
            else:
                render.quote_table(build, filters, f"quotes_about_{profile_id}", said_about)

st.subheader("Articles")
with guards.in_time():
    articles = actors.entity_articles(build, filters, profile_id, ARTICLE_LIMIT)
    st.dataframe(
        render.shown_articles(articles),
        hide_index=True,
        column_config=render.ARTICLE_COLUMNS,
    )
