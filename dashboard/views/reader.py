"""Reader: the selected articles, and one article with its people, organisations, places and
dates highlighted."""

import streamlit as st

from dashboard.queries import articles
from dashboard.widgets import guards, render, sidebar, url

LIST_LIMIT = 1000

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Reader")
stats = guards.summary_or_stop(build, filters)

listed = articles.article_list(build, filters, LIST_LIMIT)
shown = f"the {LIST_LIMIT:,} newest of " if stats["articles"] > LIST_LIMIT else ""
st.caption(f"Showing {shown}{stats['articles']:,} articles; select one to read it.")
picked = render.article_table(
    build,
    filters,
    "article_list",
    listed,
    on_select="rerun",
    selection_mode="single-row",
    key="reader-list",
    height=260,
)
article_id = url.selected_id("article", picked, listed["article_id"])
article = articles.article(build, article_id)
if article is None:
    st.warning("The article in this link is not in this build.")
    st.stop()

if not article["title_stop"]:  # an article with a headline shows it, highlighted, in its text
    st.subheader(article["title"])
st.caption(render.byline(article, "%d %B %Y"))
topics = articles.article_topics(build, article_id)
if not topics.empty:
    st.markdown(
        " ".join(
            f":blue-badge[{t.topic_id} · {t.label} · {t.weight:.0%}]" for t in topics.itertuples()
        )
    )
marks = articles.article_marks(build, article_id, article["text"], filters.words)
people = marks.loc[marks["kind"].isin(["PER", "ORG", "MEDIUM"]), "entity_id"].dropna().unique()
links = {e: url.page_link("actors", filters, profile=e) for e in people}
render.legend(with_query=bool(filters.words))
render.highlighted_text(article["text"], marks, links, article["title_stop"])
st.caption(
    "Hover a highlight for the canonical name or the resolved dates; people, organisations "
    "and media link to their profile."
)
