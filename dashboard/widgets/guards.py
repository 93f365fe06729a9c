"""What a page shows instead of its content: no usable build, tables the build lacks, no article
selected, or a query past the time limit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard import store
from dashboard.filters import Filters


def current_build() -> store.Build:
    """The build in the configured data directory, or a clear message and a stopped script."""
    directory = store.data_dir()
    try:
        return store.open_build(directory)
    except store.DataError as exc:
        st.error(str(exc))
        st.markdown("Build the data, then reload this page:")
        st.code(exc.fix, language="bash")
        st.caption("In the project folder, `make run` builds `./data` from `seeds/` and serves it.")
        st.stop()


def explain_missing(build: store.Build, *tables: str) -> bool:
    """Whether the build lacks any of `tables`; if so, says which and the command that
    builds them."""
    missing = [t for t in tables if t in build.missing]
    if missing:
        stages = store.missing_stages(missing)
        st.warning(
            f"This data directory has no {_listed([f'`{t}.parquet`' for t in missing])}: it was "
            f"built without the {_listed(stages)} stage{'s' if len(stages) > 1 else ''}. "
            "Rebuild it with the installed pipeline to see this:",
            icon=":material/table_view:",
        )
        st.code(store.rebuild_command(build), language="bash")
    return bool(missing)


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


#: What a chart says in its place when its queries ran past the time limit.
TOO_SLOW = "This took too long: narrow the filters."


@contextmanager
def in_time(stop: bool = False) -> Iterator[None]:
    """A part of a page whose queries may run past the time limit (`store.time_limited`): if
    one does, the rest of the part is skipped, `TOO_SLOW` is shown in its place and the page
    goes on with its next part; with `stop`, the page stops there (what follows needs it)."""
    try:
        yield
    except store.TooSlow:
        st.warning(TOO_SLOW, icon=":material/hourglass_disabled:")
        if stop:
            st.stop()


def stop_if_nothing_matches(build: store.Build, filters: Filters) -> None:
    """A message and a stopped page when the filters select no article or when the selection
    takes too long. It counts the selection every query of the page joins
    (`store.selected_count`): no query of its own, where a summary of the selection cost each
    filter change a scan of its articles."""
    with in_time(stop=True):
        count = store.selected_count(build, filters)
    if count == 0:
        _nothing_matches()


def summary_or_stop(build: store.Build, filters: Filters) -> dict:
    """The selection's summary (`store.summary`), for the pages that show it; a message and a
    stopped page when it is empty or when the selection takes too long."""
    with in_time(stop=True):
        stats = store.summary(build, filters)
    if stats["articles"] == 0:
        _nothing_matches()
    return stats


def _nothing_matches() -> None:
    st.info(
        "No articles match the filters. Change or clear them in the sidebar.",
        icon=":material/filter_alt_off:",
    )
    st.stop()
