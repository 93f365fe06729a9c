"""The script every session runs (`app.py` serves it): the sidebar, then the page shown."""

import streamlit as st

from dashboard.widgets import chartcode, guards, sidebar

#: The chunks loaded early by the pages whose first view needs fewer than Plotly's and the data
#: frame's: the Overview draws ECharts bars and no table (its article list opens on a click);
#: Countries and Topics draw Plotly charts and no table.
FIRST_VIEW = {
    "": (chartcode.ECHARTS,),
    "countries": (chartcode.PLOTLY,),
    "topics": (chartcode.PLOTLY,),
}

st.set_page_config(page_title="Obzor · Russian news analysis", page_icon="📰", layout="wide")
build = guards.current_build()
page = st.navigation(
    [
        st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("views/actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
        st.Page(
            "views/sources.py", title="Sources", icon=":material/newspaper:", url_path="sources"
        ),
        st.Page(
            "views/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"
        ),
        st.Page(
            "views/countries.py", title="Countries", icon=":material/public:", url_path="countries"
        ),
        st.Page("views/network.py", title="Network", icon=":material/hub:", url_path="network"),
        st.Page("views/topics.py", title="Topics", icon=":material/category:", url_path="topics"),
        st.Page(
            "views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
        ),
        st.Page("views/search.py", title="Search", icon=":material/search:", url_path="search"),
        st.Page("views/reader.py", title="Reader", icon=":material/article:", url_path="reader"),
        st.Page("views/about.py", title="About the data", icon=":material/info:", url_path="about"),
    ]
)
# The sidebar's first element: the browser loads the code of the page's charts and tables while
# the script runs.
chartcode.load_early(FIRST_VIEW.get(page.url_path, chartcode.EARLY))
sidebar.build_info(build)
with guards.in_time(stop=True):  # the sidebar's options are queries too
    sidebar.filters(build)
with guards.in_time():  # a part of the page that does not catch a slow query itself
    page.run()
