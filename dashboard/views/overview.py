"""Overview: corpus size, dates, articles per month, the article list."""

import streamlit as st

from dashboard import charts, data, ui

ARTICLE_LIMIT = 1000

build = ui.current_build()
stats = data.summary(build)
st.title("Overview")

undated = stats["articles"] - stats["dated"]
cols = st.columns([1, 1, 1.6, 1.6, 1.3])
cols[0].metric("Articles", f"{stats['articles']:,}")
cols[1].metric("Sources", f"{stats['sources']:,}")
cols[2].metric("First published", f"{stats['first']:%d %b %Y}" if stats["first"] else "—")
cols[3].metric("Last published", f"{stats['last']:%d %b %Y}" if stats["last"] else "—")
cols[4].metric("Undated articles", f"{undated:,}")

st.subheader("Articles per month")
monthly = data.articles_per_month(build)
if monthly.empty:
    st.info("No article has a publication date, so there is nothing to put on a timeline.")
else:
    figure = charts.articles_per_month(monthly)
    ui.chart_with_downloads(build, "articles_per_month", figure, monthly)
    if undated:
        st.caption(
            f"{undated:,} undated {'article is' if undated == 1 else 'articles are'} not on "
            "this chart; the list below includes them."
        )

st.subheader("Articles")
articles = data.article_list(build, ARTICLE_LIMIT)
if stats["articles"] > ARTICLE_LIMIT:
    st.caption(f"The {ARTICLE_LIMIT:,} newest of {stats['articles']:,} articles.")
st.dataframe(
    articles.dropna(axis="columns", how="all"),  # e.g. no URLs in plain-text corpora
    hide_index=True,
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
        "source": "Source",
        "words": st.column_config.NumberColumn("Words", format="%d"),
        "url": st.column_config.LinkColumn("URL"),
        "article_id": "ID",
    },
)
