"""Countries: where the coverage looks, month by month, and which countries come together."""

import streamlit as st

from dashboard import charts
from dashboard.queries import countries
from dashboard.widgets import clicks, downloads, guards, sidebar

ALL_COUNTRIES = 300
MATRIX = 20

build = guards.current_build()
filters = sidebar.current_filters()
st.title("Countries")
guards.stop_if_nothing_matches(build, filters)

with guards.in_time():
    counts = countries.top_countries(build, filters, ALL_COUNTRIES)
    if counts.empty:
        st.info("No country is named in the selected articles.")
        st.stop()
    st.caption(
        "A country counts when an article names it, its capital or a city, calls something by its "
        "adjective ('азербайджанский') or names one of its organisations or officials. Click a "
        "country to filter on it."
    )

    st.subheader("Articles naming each country")
    clicked = downloads.chart_with_downloads(
        build, filters, "country_map", charts.world_map(counts), counts, selectable=True
    )
    clicks.add_on_click(clicked, counts, "country", "countries", trace=1)  # 0: the grey outline

st.subheader("Month by month")
with guards.in_time():
    months = countries.country_months(build, filters, MATRIX)
    if months.empty:
        st.info("None of the selected articles that name a country has a publication date.")
    else:
        figure = charts.heatmap(months, "month", "name", "articles", "Month of publication", "")
        downloads.chart_with_downloads(build, filters, "country_months", figure, months)
        st.caption(
            f"Dated articles naming each of the {months['country'].nunique()} most named "
            "countries, per month."
        )

st.subheader("Named together")
with guards.in_time():
    pairs = countries.country_pairs(build, filters, MATRIX)
    figure = charts.heatmap(pairs, "name_b", "name_a", "articles", "", "")
    downloads.chart_with_downloads(build, filters, "country_pairs", figure, pairs)
    st.caption("Articles naming both countries; the diagonal is the articles naming the country.")
