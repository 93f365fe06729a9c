"""Entry point: `streamlit run dashboard/app.py -- --data DIR`.

The app's server. Every session runs `main.py` (the sidebar, then the page shown). Before the
server answers, it does once what the first view of a page would otherwise wait for: this
module's imports bring in the pages' libraries (pandas, Arrow, DuckDB; half a second or more),
`sidebar.prepare` runs the sidebar's queries, which no filter changes, and `overview.prepare`
the queries of the Overview without filters (every session's first view), and `topics.prepare`
the topics' counts per article, into the caches every session of the build shares.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from logging import getLogger

import streamlit as st

from dashboard import store
from dashboard.queries import overview, topics
from dashboard.widgets import sidebar

_LOG = getLogger(__name__)


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
    yield


app = st.App("main.py", lifespan=_prepared)
