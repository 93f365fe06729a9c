"""The code of charts and tables in the browser, loaded while the page's script still runs.

Streamlit loads the code of a kind of element (its "chunk") when the first such element arrives.
Plotly's is the largest of its front end (about 4.6 MB of JavaScript, 1-2 s to load and run
on a busy machine), so a new tab fetched and ran it only after the page's queries, and drew
its first chart after both; the data frame's (0.5 MB, and 1 MB of Arrow code it imports) came
last, with the article list. Importing the same chunks from the script's first element (before
the sidebar and the page's queries; hidden, so it takes no room) lets the browser do that work
while the server runs the script: charts and tables then draw from modules already in memory.
Nothing is fetched from elsewhere than the app.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

#: Streamlit's front-end chunks, named with a hash of their content.
CHUNKS = Path(st.__file__).parent / "static" / "static" / "js"
#: The chunks of Plotly's charts, of ECharts' charts (the Overview's) and of data frames.
PLOTLY, ECHARTS, DATAFRAME = "PlotlyChart", "EChartsChart", "DataFrame"
#: The chunks loaded early: Plotly's charts and data frames, which nearly every page shows. A
#: page whose first view draws no table, or no Plotly chart, loads fewer (`main.FIRST_VIEW`):
#: code its first view does not run would cost a new tab's browser CPU for nothing.
EARLY = (PLOTLY, DATAFRAME)


#: The element that holds the imports: hidden, so that it takes no room (not even the gap
#: between elements) wherever it stands.
_HIDDEN = '[data-testid="stElementContainer"]:has(script[data-early-chunks])'


@cache
def early_chunks(kinds: tuple[str, ...] = EARLY) -> tuple[str, ...]:
    """The file names of the chunks of `kinds` in this Streamlit; a kind it has not exactly one
    chunk of is left out (its elements then load their code as before)."""
    found = [sorted(p.name for p in CHUNKS.glob(f"{kind}.*.js")) for kind in kinds]
    return tuple(names[0] for names in found if len(names) == 1)


def load_early(kinds: tuple[str, ...] = EARLY) -> None:
    """Have the browser import the chunks of `kinds` now, from the URLs Streamlit's own bundle
    imports them by (beside its main script), so that both share one module each."""
    imports = "".join(
        f"import(new URL('{name}', main.src).href).catch(() => {{}});"
        for name in early_chunks(kinds)
    )
    if imports:
        st.sidebar.html(
            f"<style>{_HIDDEN}{{display: none}}</style>"
            "<script data-early-chunks>"
            "{const main = document.querySelector('script[src*=\"/static/js/index.\"]');"
            f"if (main) {{{imports}}}}}</script>",
            unsafe_allow_javascript=True,
        )
