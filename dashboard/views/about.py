"""About the data: the build manifest, inputs, rejected inputs with reasons, lines kept out of
the texts, versions."""

import pandas as pd
import streamlit as st

from dashboard import store
from dashboard.widgets import guards

METRICS_PER_ROW = 5

build = guards.current_build()
info = store.manifest(build)
st.title("About the data")
st.markdown(
    f"Build `{info['build_id']}` of `{build.directory}`, created {info['created_at']} "
    f"by obzor {info['project']['version']} on Python {info['python']}."
)
options = info["options"]
built_with = f"{options.get('engine', 'local')} engine, {options['workers']} worker(s)"
if cached := info.get("cache"):
    built_with += (
        f"; {cached['reused_articles']:,} articles read from the cache, "
        f"{cached['analysed_articles']:,} analysed"
    )
st.caption(f"Built with the {built_with}; pipeline version {info.get('pipeline_version', '-')}.")

counts = {
    name.replace("_", " ").capitalize(): table["rows"] for name, table in info["tables"].items()
}
counts["Rejected inputs"] = len(info["rejected"])
items = list(counts.items())
for start in range(0, len(items), METRICS_PER_ROW):
    row = items[start : start + METRICS_PER_ROW]
    for col, (label, value) in zip(st.columns(METRICS_PER_ROW)[: len(row)], row, strict=True):
        col.metric(label, f"{value:,}")

guards.explain_missing(build, *build.missing)

st.subheader("Rejected inputs")
if info["rejected"]:
    st.dataframe(
        pd.DataFrame(info["rejected"]),
        hide_index=True,
        column_config={
            "path": "File",
            "line": "Line",
            "reason": st.column_config.TextColumn("Reason", width="large"),
        },
    )
else:
    st.success("Every input became an article.")

st.subheader("Lines kept out of the texts")
if trimmed := info.get("trimmed"):
    st.caption(
        "Lines of .txt inputs before the body that are site furniture, not the article: "
        "navigation, bylines, rubrics and datelines (a dateline dates its article)."
    )
    st.dataframe(
        pd.DataFrame(trimmed),
        hide_index=True,
        column_config={
            "path": "File",
            "line": "Line",
            "text": st.column_config.TextColumn("Text", width="large"),
            "reason": "Reason",
        },
    )
else:
    st.success("No line of any input was kept out of its article's text.")

if info["warnings"]:
    st.subheader("Warnings")
    st.dataframe(pd.DataFrame(info["warnings"]), hide_index=True)

st.subheader("Inputs")
st.dataframe(
    pd.DataFrame(info["inputs"]),
    hide_index=True,
    column_order=["path", "status", "articles", "rejected", "bytes", "sha256"],
)

left, right = st.columns(2)
left.subheader("Seconds per stage")
left.dataframe(pd.DataFrame(info["seconds"].items(), columns=["stage", "seconds"]), hide_index=True)
right.subheader("Versions")
right.dataframe(
    pd.DataFrame(
        [("python", info["python"]), *info["libraries"].items()], columns=["package", "version"]
    ),
    hide_index=True,
)
with st.expander("Raw manifest.json"):
    # Its first level open: the whole tree is thousands of elements (rows per rejected input
    # and per line kept out), drawn on every view of the page even while the expander is closed.
    st.json(info, expanded=1)
