"""Topics: sizes, share over time, and the paragraphs behind each topic."""

import pandas as pd
import streamlit as st

from dashboard import charts, store
from dashboard.queries import topics
from dashboard.widgets import downloads, guards, render, sidebar, url

PARAGRAPH_LIMIT = 8

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Topics")
if guards.explain_missing(build, "topics", "article_topics"):
    st.stop()
guards.stop_if_nothing_matches(build, filters)
model = store.manifest(build).get("topics", {})
with guards.in_time(stop=True):
    all_topics = topics.topic_list(build, filters)
    if all_topics.empty:
        st.info("This build has no topics: no paragraph has content words to find them in.")
        st.stop()

tried = ", ".join(str(c["k"]) for c in model.get("candidates", []))
how = f"chosen by the reach of their terms among K = {tried}" if tried else "set with `--topics`"
st.caption(
    f"{len(all_topics)} topics over paragraphs ({how}); mean NPMI coherence "
    f"{model.get('mean_coherence')}. Paragraphs without words of their own (credits, embeds, "
    f"boilerplate) count with their article's main topic; {model.get('unassigned_share', 0):.1%} "
    "are unassigned. Method: docs/topics.md."
)

st.subheader("Topic sizes")
downloads.chart_with_downloads(
    build, filters, "topic_sizes", charts.topic_sizes(all_topics), all_topics
)

st.subheader("Topic share over time")
with guards.in_time():
    over_time = topics.topics_over_time(build, filters)
    if over_time.empty:
        st.info("No article has a publication date, so topics cannot be put on a timeline.")
    else:
        downloads.chart_with_downloads(
            build,
            filters,
            "topic_share_over_time",
            charts.topic_share_over_time(over_time),
            over_time,
        )
        st.caption(
            "Each month's paragraphs with a topic sum to 100%, so a half month or a quiet "
            "month does not look like a drop; the CSV also has the raw counts. Undated articles "
            "are left out."
        )

st.subheader("Representative paragraphs")
labels = dict(zip(all_topics["topic_id"], all_topics["label"], strict=True))
topic_id = url.query_choice("show", list(labels), "Topic", lambda t: f"{t} · {labels[t]}")
chosen = all_topics.set_index("topic_id").loc[topic_id]
names = f" · Names most characteristic of it: {chosen.entities}" if chosen.entities else ""
st.caption(f"Top terms: {chosen.terms}{names}")
with guards.in_time():
    shown = topics.topic_paragraphs(build, filters, topic_id, PARAGRAPH_LIMIT)
    if shown.empty:
        st.info("No paragraph of this topic is in the articles the filters select.")
    for row in shown.itertuples():
        score = "inherited from its article" if pd.isna(row.score) else f"score {row.score:.2f}"
        lead = "Most representative · " if row.representative else ""
        when = render.published_on(row.published)
        cite = (
            f"{lead}{row.title} · {when} · {row.source} · paragraph {row.paragraph + 1} · {score}"
        )
        render.quoted_text(row.text, cite)
