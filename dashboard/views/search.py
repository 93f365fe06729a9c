"""Search: a keyword-in-context concordance of a word, any form of it, or an entity across the
selected articles, and how many articles use it each month."""

import streamlit as st

from dashboard import charts
from dashboard.queries import options, search
from dashboard.widgets import downloads, guards, sidebar, url

HIT_LIMIT = 2000
WIDTH = 8

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Search")
guards.stop_if_nothing_matches(build, filters)

left, middle, right = st.columns([1.2, 2, 1])
with left:
    mode = url.query_choice(
        "mode", list(search.SEARCH_MODES), "Search for", search.SEARCH_MODES.get, widget=st.radio
    )
with middle:
    if mode == "entity":
        wanted = st.query_params.get("entity")
        labels = options.actor_labels(build, [wanted] if wanted else [])
        term = url.query_choice(
            "entity", list(labels), "Entity (type any name or alias)", labels.get
        )
    else:
        term = url.query_value(
            "term", "", st.text_input, "Word or phrase", placeholder="e.g. санкция, Средний коридор"
        ).strip()
with right:
    width = url.query_value(
        "width", WIDTH, st.slider, "Words either side", min_value=2, max_value=30
    )
    order = url.query_choice(
        "order", list(search.SEARCH_ORDERS), "Sort by", search.SEARCH_ORDERS.get
    )

if mode != "entity":
    found = search.search_term(term, mode) if term else None
    if found is None:
        st.info(
            "Type a word or a phrase. *Any form of the words* finds every inflection "
            "('санкция' finds 'санкциями'); *Exact words* finds the words as typed."
        )
        st.stop()
    if mode == "lemma":
        looked_for = (f"every form of «{lemma}» ({len(forms)})" for lemma, forms in found.words)
        st.caption(f"Looking for {', then '.join(looked_for)}.")

with guards.in_time(stop=True):
    hits = search.sort_concordance(
        search.concordance(build, filters, mode, term, width, HIT_LIMIT), order
    )
    if hits.empty:
        st.info("No selected article uses it. Try *Any form of the words*, or change the filters.")
        st.stop()

capped = (
    f"the first {HIT_LIMIT:,} hits, newest articles first"
    if len(hits) == HIT_LIMIT
    else (f"{len(hits):,} hits in {hits['article_id'].nunique():,} articles")
)
st.subheader("In context")
st.caption(f"Showing {capped}. Click a column header to sort by it; *Read* opens the article.")
shown = hits.assign(read=url.page_links("reader", filters, "article", hits["article_id"]))
st.dataframe(
    shown,
    hide_index=True,
    key="concordance",
    column_order=["left", "match", "right", "title", "published", "read"],
    column_config={
        "left": st.column_config.TextColumn("Before", width="large", alignment="right"),
        "match": st.column_config.TextColumn("Match", width="small", alignment="center"),
        "right": st.column_config.TextColumn("After", width="large"),
        "title": st.column_config.TextColumn("Article", width="medium"),
        "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
        "read": st.column_config.LinkColumn("Open", display_text="Read"),
    },
)
downloads.table_downloads(build, filters, "concordance", hits)

st.subheader("Articles using it per month")
with guards.in_time():
    monthly = search.usage_per_month(build, filters, mode, term)
    if monthly["articles"].sum() == 0:
        st.info("None of the articles using it has a publication date.")
    else:
        figure = charts.per_month(monthly, "articles", "Articles")
        downloads.chart_with_downloads(build, filters, "usage_per_month", figure, monthly)
        st.caption("`share` in the download is of all selected dated articles of the month.")
