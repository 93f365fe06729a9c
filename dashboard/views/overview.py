"""Overview: corpus size, dates, articles per month, top countries, actors and topics, the
article list."""

import streamlit as st

from dashboard import charts, echarts
from dashboard.queries import actors, articles, countries, topics
from dashboard.queries.overview import ARTICLE_LIMIT, TOP
from dashboard.widgets import clicks, downloads, guards, render, sidebar

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Overview")
stats = guards.summary_or_stop(build, filters)

undated = stats["articles"] - stats["dated"]
cols = st.columns([1, 1, 1.6, 1.6, 1.3])
cols[0].metric("Articles", f"{stats['articles']:,}")
cols[1].metric("Sources", f"{stats['sources']:,}")
cols[2].metric("First published", f"{stats['first']:%d %b %Y}" if stats["first"] else "—")
cols[3].metric("Last published", f"{stats['last']:%d %b %Y}" if stats["last"] else "—")
cols[4].metric("Undated articles", f"{undated:,}")

st.subheader("Articles per month")
with guards.in_time():
    monthly = articles.articles_per_month(build, filters)
    if monthly.empty:
        st.info("No article has a publication date, so there is nothing to put on a timeline.")
    else:
        figure = echarts.per_month(monthly)
        downloads.chart_with_downloads(build, filters, "articles_per_month", figure, monthly)
        if undated:
            st.caption(
                f"{undated:,} undated {'article is' if undated == 1 else 'articles are'} not on "
                "this chart; the list below includes them."
            )

left, right = st.columns(2)
with left:
    st.subheader("Top countries")
    with guards.in_time():
        clicks.filtering_chart(
            build,
            filters,
            "top_countries",
            countries.top_countries(build, filters, TOP),
            lambda frame: echarts.ranked(charts.country_ranking(frame)),
            "country",
            "countries",
            "No country is named in these articles.",
        )
with right:
    st.subheader("Top actors")
    with guards.in_time():
        clicks.filtering_chart(
            build,
            filters,
            "top_actors",
            actors.top_actors(build, filters, TOP),
            lambda frame: echarts.ranked(charts.actor_ranking(frame)),
            "entity_id",
            "actors",
            "No person or organisation is named in these articles.",
        )
st.caption("Articles that name each; click a bar to filter on it.")

st.subheader("Top topics")
with guards.in_time():
    if not guards.explain_missing(build, "topics"):
        top_topics = topics.topic_list(build, filters).head(TOP)
        clicks.filtering_chart(
            build,
            filters,
            "top_topics",
            top_topics[top_topics["paragraphs"] > 0],
            lambda frame: echarts.ranked(charts.topic_ranking(frame)),
            "topic_id",
            "topics",
            "These articles have no topic.",
        )

st.subheader("Articles")
# The list is made, sent and drawn only once opened (a data frame costs a new tab's first view
# about 0.2 s of the browser's CPU); its state is in the URL (`?articles=true`), so a link can
# open it.
listing = st.expander(
    "The articles, newest first: sort, search, read and download them",
    key="articles",
    bind="query-params",
    icon=":material/list:",
)
if listing.open:
    with listing, guards.in_time():
        listed = articles.article_list(build, filters, ARTICLE_LIMIT)
        if stats["articles"] > ARTICLE_LIMIT:
            st.caption(f"The {ARTICLE_LIMIT:,} newest of {stats['articles']:,} articles.")
        render.article_table(build, filters, "article_list", listed, links=True)
