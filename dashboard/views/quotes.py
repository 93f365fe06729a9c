"""Quotes: who said what, about whom, in the selected articles."""

import streamlit as st

from dashboard import charts, labels
from dashboard.queries import options, quotes
from dashboard.widgets import clicks, downloads, guards, render, sidebar, url

QUOTE_LIMIT = 1000
SPEAKERS = 300
TOP = 15

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Quotes")
if guards.explain_missing(build, "quotes"):
    st.stop()
guards.stop_if_nothing_matches(build, filters)
counts = quotes.quote_counts(build, filters)
if counts["quotes"] == 0:
    st.info("No quote was found in the selected articles.")
    st.stop()
st.caption(
    f"{counts['quotes']:,} quotes in {counts['articles']:,} articles; {counts['attributed']:,} "
    "with a named speaker. Direct speech («...», - заявил X), indirect speech (X отметил, что "
    "...; по словам X, ...) and interview answers; questions are left out. A speaker written "
    "as a role ('глава государства') or a pronoun is named when one person in the article fits."
)

speakers = quotes.quote_speakers(build, filters, SPEAKERS)
countries = [""] + options.filter_options(build)["countries"]["country"].tolist()


def country_label(code: str) -> str:
    return labels.country_name(code) if code else "Any country"


top, middle = st.columns(3), st.columns(3)
with top[0]:
    chosen = st.query_params.get("speaker")
    speaker_names = dict(zip(speakers["entity_id"], speakers["name"], strict=True))
    if chosen and chosen not in speaker_names:
        speaker_names |= options.entity_names(build, [chosen])
    speaker = url.query_choice(
        "speaker", ["", *speaker_names], "Said by", lambda e: speaker_names.get(e, "Anyone")
    )
with top[1]:
    speaker_country = url.query_choice(
        "speaker_country", countries, "Speaker's country", country_label
    )
with top[2]:
    kind = url.query_choice("kind", list(quotes.QUOTE_KINDS), "Kind", quotes.QUOTE_KINDS.get)
with middle[0]:
    wanted = st.query_params.get("about")
    about_labels = {"": "Anyone or anything"} | options.actor_labels(
        build, [wanted] if wanted else []
    )
    about = url.query_choice(
        "about", list(about_labels), "About (type any name or alias)", about_labels.get
    )
with middle[1]:
    about_country = url.query_choice("about_country", countries, "About the country", country_label)
with middle[2]:
    text = url.query_value(
        "words", "", st.text_input, "Words in the quote", placeholder="e.g. санкции, НАТО"
    ).strip()

query = quotes.QuoteQuery(
    speaker or None, speaker_country or None, about or None, about_country or None, kind, text
)
found = quotes.quotes(build, filters, query, QUOTE_LIMIT)
if found.empty:
    st.info("No quote matches. Loosen the choices above or the filters in the sidebar.")
    st.stop()

st.subheader("Most quoted")
ranked = quotes.most_quoted(found, TOP)
if ranked.empty:
    st.info("None of these quotes has a named speaker.")
else:
    clicked = downloads.chart_with_downloads(
        build,
        filters,
        "most_quoted",
        charts.ranked(ranked["speaker"], ranked["quotes"], "quotes"),
        ranked,
        selectable=True,
    )
    row = clicks.clicked_row(clicked, ranked)
    if row is not None:
        st.query_params["speaker"] = row["speaker_entity_id"]
        st.rerun()
    if len(found) == QUOTE_LIMIT:
        st.caption(f"Counted over the {QUOTE_LIMIT:,} newest quotes shown below.")

shown = render.quote_count(found)
st.subheader("Quotes")
st.caption(f"{shown.capitalize()} quotes, newest articles first. *Read* opens the article.")
render.quote_table(build, filters, "quotes", found)
