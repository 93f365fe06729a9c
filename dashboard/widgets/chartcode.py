"""Plotly's code in the browser, loaded while the page's script still runs.

Streamlit loads the code of a kind of element (its "chunk") when the first such element arrives:
Plotly's is the largest of its front end (about 4.6 MB of JavaScript, 1-2 s to load and run
on a busy machine), so a new tab fetched and ran it only after the page's queries, and drew
its first chart after both. Importing the same chunk from the page's first element, before any
query, lets the browser do that work while the server runs the script: the charts then draw
from the module already in memory. Nothing is fetched from elsewhere than the app itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

#: Streamlit's front-end chunks, named with a hash of their content.
CHUNKS = Path(st.__file__).parent / "static" / "static" / "js"


@cache
def plotly_chunk() -> str | None:
    """The file name of Streamlit's Plotly chart chunk; None if this Streamlit has not exactly
    one (then nothing is loaded early, and charts load their code as before)."""
    found = sorted(p.name for p in CHUNKS.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else None


def load_plotly() -> None:
    """Have the browser import Streamlit's Plotly chunk now, from the URL Streamlit's own
    bundle imports it by (beside its main script), so both share one module."""
    chunk = plotly_chunk()
    if chunk is None:
        return
    st.sidebar.html(
        "<script>{const main = document.querySelector('script[src*=\"/static/js/index.\"]');"
        f"if (main) import(new URL('{chunk}', main.src).href).catch(() => {{}});}}</script>",
        unsafe_allow_javascript=True,
    )
