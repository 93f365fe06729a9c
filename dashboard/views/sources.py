"""Sources: the news agencies, outlets, channels and platforms the selected articles cite."""

import streamlit as st

from dashboard import charts
from dashboard.queries import sources
from dashboard.widgets import clicks, downloads, guards, render, sidebar

TABLE_LIMIT = 500
TOP = 20

#: The media table's columns; the ids and country codes stay on the server.
MEDIA_COLUMNS = {
    "name": st.column_config.TextColumn("Name", width="medium"),
    "country": None,
    "country_name": "Country",
    "articles": st.column_config.NumberColumn("Articles", format="%d"),
    "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
    "entity_id": None,
}

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Sources")
guards.stop_if_nothing_matches(build, filters)

media = sources.top_media(build, filters, TABLE_LIMIT)
if media.empty:
    st.info("No news agency, outlet, channel or platform is cited in the selected articles.")
    st.stop()
st.caption(
    'The media the selected articles cite ("агентство Reuters", "в беседе с RT", "написал '
    'в Twitter", "СМИ"), by the articles that mention each, then mentions. Media are sources, '
    "not actors: the Actors page leaves them out. Not the sidebar's *Sources*, which are where "
    "the articles come from."
)

st.subheader("Articles citing each")
clicks.filtering_chart(
    build,
    filters,
    "top_sources",
    media.head(TOP),
    charts.top_media,
    "entity_id",
    "actors",
    "No medium is cited in the selected articles.",
)
st.caption(f"The {min(TOP, len(media))} most cited; click a bar to filter on its articles.")

st.subheader("All cited media")
st.dataframe(render.visible(media, MEDIA_COLUMNS), hide_index=True, column_config=MEDIA_COLUMNS)
downloads.table_downloads(build, filters, "sources", media)
