"""Reader: the selected articles, and one article with its people, organisations, places and
dates highlighted."""

import pandas as pd
import streamlit as st

from dashboard import data, ui

LIST_LIMIT = 1000

build = ui.current_build()
filters = ui.current_filters()
st.title("Reader")
stats = ui.stop_if_nothing_matches(build, filters)

articles = data.article_list(build, filters, LIST_LIMIT)
shown = f"the {LIST_LIMIT:,} newest of " if stats["articles"] > LIST_LIMIT else ""
st.caption(f"Showing {shown}{stats['articles']:,} articles; select one to read it.")
picked = st.dataframe(
    ui.shown_articles(articles),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="reader-list",
    height=260,
    column_config=ui.ARTICLE_COLUMNS,
)
ui.table_downloads(build, filters, "article_list", articles)
article_id = ui.selected_id("article", picked, articles["article_id"])
article = data.article(build, article_id)
if article is None:
    st.warning("The article in this link is not in this build.")
    st.stop()

st.subheader(article["title"])
when = "undated" if pd.isna(article["published"]) else f"{article['published']:%d %B %Y}"
st.caption(f"{when} · {article['source']}" + (f" · {article['url']}" if article["url"] else ""))
topics = data.article_topics(build, article_id)
if not topics.empty:
    st.markdown(
        " ".join(
            f":blue-badge[{t.topic_id} · {t.label} · {t.weight:.0%}]" for t in topics.itertuples()
        )
    )
marks = data.article_marks(build, article_id, article["text"], filters.words)
people = marks.loc[marks["kind"].isin(["PER", "ORG"]), "entity_id"].dropna().unique()
links = {e: ui.page_link("actors", filters, profile=e) for e in people}
ui.legend(with_query=bool(filters.words))
ui.highlighted_text(article["text"], marks, links)
st.caption(
    "Hover a highlight for the canonical name or the resolved dates; people and "
    "organisations link to their profile."
)
