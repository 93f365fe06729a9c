"""Entry point: `streamlit run dashboard/app.py -- --data DIR`.

The app's server. Every session runs `main.py` (the sidebar, then the page shown). Before the
server answers, it does once what the first view of a page would otherwise wait for: this
module's imports bring in the pages' libraries (pandas, Arrow, DuckDB, Plotly, networkx; half
a second or more), `sidebar.prepare` runs the sidebar's queries, which no filter changes, and
`overview.prepare` the queries of the Overview without filters (every session's first view), and
`topics.prepare` the topics' counts per article, into the caches every session of the build
shares; `warm_streamlit` does Streamlit's own work of a process's first script run.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from logging import getLogger

import streamlit as st
import streamlit.emojis  # noqa: F401  (see `warm_streamlit`)

# The pages' figures, tables and the Network page's graph (networkx), loaded with the server.
from dashboard import charts, echarts, graph, store  # noqa: F401
from dashboard.queries import overview, topics
from dashboard.widgets import clicks, downloads, render, sidebar  # noqa: F401

_LOG = getLogger(__name__)


def warm_streamlit() -> None:
    """What Streamlit does on the first script run of a process, done before any session runs
    one. Its catalogue of emoji, which `st.set_page_config` checks the page icon against, is
    loaded with this module's imports (the catalogue's module compiles its regular expressions).
    Its first element of the process checks for an interactive shell by `inspect.stack`, which
    finds the module of each frame through every loaded module's real path (some 1,600 of them):
    one call here fills `inspect`'s cache of those paths, so that check reads the cache."""
    inspect.stack(0)


@asynccontextmanager
async def _prepared(_app: st.App) -> AsyncIterator[None]:
    try:
        build = store.open_build(store.data_dir())
        sidebar.prepare(build)
        overview.prepare(build)
        topics.prepare(build)
    except store.DataError:
        pass  # no usable build: the pages say what is wrong and how to build it
    except Exception:  # the server starts all the same: the first view shows what went wrong
        _LOG.warning("Queries not run before the first page view:", exc_info=True)
    warm_streamlit()
    yield


app = st.App("main.py", lifespan=_prepared)
