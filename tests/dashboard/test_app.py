"""The real Streamlit app, driven by AppTest over real builds."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections import Counter
from pathlib import Path

import duckdb
import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
import streamlit as st
from conftest import ROOT, SEEDS, read_table
from streamlit.testing.v1 import AppTest

from dashboard import charts, echarts, store
from dashboard.charts import (
    CHAR_WIDTH,
    COLUMN_LABEL_CHARS,
    Ranking,
    ranked,
    ranked_height,
    timeline_drawn,
    timeline_groups,
    timeline_markers,
)
from dashboard.export import provenance, to_csv
from dashboard.filters import Filters
from dashboard.graph import graph, graph_tables, to_gexf
from dashboard.labels import country_name
from dashboard.queries import overview, search
from dashboard.queries import quotes as quote_queries
from dashboard.queries import timeline as timeline_queries
from dashboard.queries.actors import (
    actor_table,
    co_countries,
    co_mentioned,
    entity_articles,
    mentions_per_month,
    top_actors,
)
from dashboard.queries.articles import article_list, articles_per_month
from dashboard.queries.countries import country_months, country_pairs, top_countries
from dashboard.queries.network import network
from dashboard.queries.options import actor_labels, filter_options
from dashboard.queries.quotes import QuoteQuery, _conditions, _one_entity, quote_sets, quotes
from dashboard.queries.search import concordance, sort_concordance, usage_per_month
from dashboard.queries.sources import top_media
from dashboard.queries.timeline import (
    LAGS,
    event_counts,
    history_table,
    lag_counts,
    sentences,
    timeline,
    with_sentences,
)
from dashboard.queries.topics import topic_list, topic_paragraphs, topics_over_time
from dashboard.store import (
    ENV_VAR,
    at_rows,
    corpus_summary,
    in_dates,
    open_build,
    query,
    summary,
)
from dashboard.widgets import sidebar
from dashboard.widgets.clicks import clicked_row
from pipeline import SCHEMA_VERSION
from pipeline.build import build
from pipeline.stages.by_date import entity_quotes

NONE = Filters()  # no filters: the whole build

APP = str(ROOT / "dashboard" / "main.py")  # the script each session runs; app.py serves it


#: Quotes the seeds give Ильхам Алиев: 002 "Президент Ильхам Алиев ... заявил: ..." and
#: "Президент Алиев прямо заявил: «...»"; 004 five statements of "глава государства" /
#: "Президент Азербайджана", and his own view inside one of them ("Поэтому мы считаем, что
#: вступление в новый этап ...").
ALIYEV_QUOTES = 8


def timeline_chart(frame: pd.DataFrame, x_title: str, last: str) -> go.Figure:
    """The Timeline's figure as its page composes it: the rows, their markers, the chart."""
    groups = timeline_groups(frame, last)
    return timeline_drawn(timeline_markers(frame, groups), groups, x_title)


def run_app(monkeypatch, directory, page: str | None = None) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(directory))
    app = AppTest.from_file(APP, default_timeout=60).run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


@pytest.fixture(scope="module")
def build_with_rejection(tmp_path_factory) -> object:
    root = tmp_path_factory.mktemp("with-rejection")
    (root / "empty.txt").write_bytes(b"")
    build([SEEDS, root / "empty.txt"], root / "data", cache=root / "cache", progress=False)
    return root / "data"


def test_overview(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build)
    assert [t.value for t in app.title] == ["Overview"]
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {
        "Articles": "5",
        "Sources": "5",
        "First published": "05 Dec 2025",  # seed 001
        "Last published": "22 Jan 2026",  # seed 004
        "Undated articles": "1",
    }
    # Articles per month, top countries, top actors, top topics: ECharts, so that a new tab's
    # first view does not load Plotly's code.
    assert not app.get("plotly_chart")
    months, countries, actors, topics = [json.loads(c.proto.spec) for c in app.get("echarts_chart")]
    # Seeds 001, 000 and 003 were published in December 2025, 004 in January 2026; 002 has no
    # date.
    assert months["xAxis"]["data"] == ["Dec 2025", "Jan 2026"]
    assert months["series"][0]["data"] == [3, 1]
    # Azerbaijan is named in every seed; Ильхам Алиев's bar tells his type on the axis.
    assert countries["yAxis"]["data"][0] == "Azerbaijan"
    assert countries["series"][0]["data"][0]["value"] == 5
    assert "Ильхам Алиев (PER)" in actors["yAxis"]["data"]
    assert len(topics["yAxis"]["data"]) == len(topics["series"][0]["data"]) > 0
    assert [b.label for b in app.get("download_button")] == [
        "Download data (CSV)",
        "Provenance (JSON)",
    ] * 4
    assert str(seed_build.resolve()) in app.sidebar.caption[0].value
    # The article list is behind one click: an expander, its content not sent until opened.
    assert [e.label for e in app.get("expander")] == [
        "The articles, newest first: sort, search, read and download them"
    ]
    assert not app.dataframe


def test_the_overviews_article_list_once_opened(monkeypatch, seed_build) -> None:
    """Opened (its state in the URL, as a click on it leaves it), the Overview's list shows the
    selection's articles newest first, each linked to the Reader with the filters, with its CSV
    and provenance."""
    app = _open(monkeypatch, seed_build, "views/overview.py", {"articles": ["true"], **FROM_10})
    table = app.dataframe[0].value
    # Seeds 004 (2026-01-22), 003 (2025-12-29) and 000 (2025-12-15); not 001 (2025-12-05), nor
    # the undated 002.
    assert table["published"].tolist() == ["2026-01-22", "2025-12-29", "2025-12-15"]
    assert table["title"].iloc[0] == (
        "Реализация Вашингтонских соглашений по линии азербайджано-американских отношений "
        "демонстрирует переход от декларативных договоренностей к конкретным практическим шагам."
    )
    first = table["article_id"].iloc[0]
    assert table["read"].iloc[0] == f"reader?article={first}&from=2025-12-10"
    csv, provenance = app.get("download_button")[-2:]
    assert (csv.label, provenance.label) == ("Download data (CSV)", "Provenance (JSON)")
    assert csv.proto.id.endswith("-csv-article_list")
    assert provenance.proto.id.endswith("-prov-article_list")


#: Articles published from 10 December 2025 on.
FROM_10 = {"from": ["2025-12-10"]}


def test_the_server_runs_the_sidebars_queries_before_any_session(monkeypatch, seed_build) -> None:
    """`sidebar.prepare`, which app.py runs as the server starts: afterwards the sidebar of
    any session finds its options, the actors' labels and the build's date range cached."""
    st.cache_resource.clear()
    build = open_build(seed_build)
    sidebar.prepare(build)

    def no_query(*args: object, **kwargs: object) -> None:
        raise AssertionError("a query ran")

    monkeypatch.setattr(store, "new_cursor", no_query)
    assert filter_options(build)["sources"]["articles"].sum() == 5
    assert "Ильхам Алиев" in " ".join(actor_labels(build, []).values())
    assert corpus_summary(build)["articles"] == 5


def test_the_server_runs_the_overviews_queries_before_any_session(monkeypatch, seed_build) -> None:
    """`overview.prepare` beside `sidebar.prepare` as the server starts: a session's first view,
    the Overview without filters, then draws every chart and its list with no query run."""
    st.cache_resource.clear()
    build = open_build(seed_build)
    sidebar.prepare(build)
    overview.prepare(build)

    def no_query(*args: object, **kwargs: object) -> None:
        raise AssertionError("a query ran")

    monkeypatch.setattr(store, "new_cursor", no_query)
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["articles"] = "true"  # the article list opened
    app.run()
    assert [t.value for t in app.title] == ["Overview"]
    assert {m.label: m.value for m in app.metric}["Articles"] == "5"
    assert len(app.dataframe[-1].value) == 5  # the article list


_LOOKUPS = """
import inspect, sys, threading
import dashboard.app as app
if sys.argv[1] == "warm":
    app.warm_streamlit()
looked = []
real = inspect.getabsfile
inspect.getabsfile = lambda *a, **k: looked.append(a) or real(*a, **k)
thread = threading.Thread(target=inspect.stack)  # as a session's script thread would
thread.start()
thread.join()
print(len(looked), "streamlit.emojis" in sys.modules, "networkx" in sys.modules)
"""


def test_the_server_does_streamlits_first_run_work_before_any_session() -> None:
    """`app.warm_streamlit` as the server starts: Streamlit's check of the first element of a
    process (`inspect.stack`) then finds each frame's module in `inspect`'s cache rather than
    through every loaded module's file; the emoji catalogue and networkx come with app.py."""

    def lookups(mode: str) -> list[str]:
        run = [sys.executable, "-c", _LOOKUPS, mode]
        return subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True).stdout

    cold, emojis, networkx = lookups("cold").split()
    warm = lookups("warm").split()
    assert int(cold) > 1000  # a path per loaded module
    assert int(warm[0]) < 50  # a path per frame
    assert emojis == networkx == "True"


def test_about_lists_rejections(monkeypatch, build_with_rejection) -> None:
    app = run_app(monkeypatch, build_with_rejection, "views/about.py")
    assert [t.value for t in app.title] == ["About the data"]
    assert app.caption[0].value.startswith(
        "Built with the local engine, 1 worker(s); 0 articles read from the cache, 5 analysed; "
        "pipeline version 0.1.0+"
    )
    assert {m.label: m.value for m in app.metric}["Rejected inputs"] == "1"
    rejected = app.dataframe[0].value
    assert rejected["reason"].tolist() == ["empty file"]
    assert rejected["path"].iloc[0].endswith("empty.txt")
    # Seed 001's header lines before its body are listed with the reason each was kept out.
    trimmed = app.dataframe[1].value
    assert trimmed["reason"].tolist() == ["navigation", "rubric", "dateline"]
    assert trimmed["text"].tolist()[2] == "05 декабря, 2025"
    # The raw manifest opens one level deep: the whole tree is drawn even in a closed expander.
    (raw,) = app.json
    assert raw.proto.max_expand_depth == 1
    assert json.loads(raw.value)["rejected"][0]["reason"] == "empty file"


def test_the_server_neither_watches_sources_nor_collects_after_each_run() -> None:
    """The app's Streamlit settings: no polling of the source files and no full garbage
    collection after every run of a page, both a large part of the server's CPU per view; the
    browser's copies of unchanged elements used down to a kilobyte."""
    import tomllib

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert settings["server"]["fileWatcherType"] == "none"
    assert settings["runner"]["postScriptGC"] is False
    # An unchanged element of a kilobyte or more goes to the browser as a reference to the copy
    # it holds (Streamlit's own floor, 10 KB, left the sidebar's pickers to be sent every view).
    assert settings["global"]["minCachedMessageSize"] <= 1000


def test_actor_labels_are_shared_and_callers_get_their_own(seed_build) -> None:
    """The picker's labels name each actor with its type and aliases; a caller changing its
    dict leaves the next caller's alone, and an actor a link names is labelled too."""
    from dashboard.queries.options import actor_labels

    built = open_build(seed_build)
    labels = actor_labels(built, [])
    aliyev = next(e for e, label in labels.items() if label.startswith("Ильхам Алиев · PER"))
    labels.clear()
    assert actor_labels(built, [])[aliyev].startswith("Ильхам Алиев · PER")
    assert actor_labels(built, ["no-such-actor"]).keys() == actor_labels(built, []).keys()


def test_a_rebuilt_manifest_is_read_again(tmp_path, seed_build) -> None:
    """The manifest is read once per version of the file: a build written over it is seen."""
    import os

    directory = tmp_path / "build"
    shutil.copytree(seed_build, directory)
    assert (
        open_build(directory).build_id
        == json.loads((directory / "manifest.json").read_text())["build_id"]
    )
    manifest = json.loads((directory / "manifest.json").read_text())
    (directory / "manifest.json").write_text(json.dumps({**manifest, "build_id": "rebuilt"}))
    later = os.stat(directory / "manifest.json").st_mtime_ns + 1_000_000
    os.utime(directory / "manifest.json", ns=(later, later))
    assert open_build(directory).build_id == "rebuilt"


def test_missing_data_directory_says_how_to_fix(monkeypatch, tmp_path) -> None:
    app = run_app(monkeypatch, tmp_path / "nothing")
    assert app.error[0].value == f"No data found in `{(tmp_path / 'nothing').resolve()}`."
    assert app.code[0].value == f"obzor build seeds --out {tmp_path / 'nothing'}"
    assert not app.get("plotly_chart")


def test_incompatible_data_directory_says_how_to_fix(monkeypatch, tmp_path, seed_build) -> None:
    old = tmp_path / "old"
    old.mkdir()
    manifest = json.loads((seed_build / "manifest.json").read_text())
    (old / "manifest.json").write_text(json.dumps({**manifest, "schema_version": 0}))
    app = run_app(monkeypatch, old)
    expected = f"built with data schema 0; this app reads schema {SCHEMA_VERSION}"
    assert expected in app.error[0].value
    assert app.code[0].value == f"obzor build seeds --out {old}"


def test_articles_per_month_csv(seed_build) -> None:
    built = open_build(seed_build)
    frame = articles_per_month(built, NONE)
    # Seeds: 000 2025-12-15, 001 2025-12-05, 003 2025-12-29, 004 2026-01-22; 002 is undated.
    assert to_csv(frame) == b"month,articles\n2025-12,3\n2026-01,1\n"
    record = json.loads(provenance(built, "articles_per_month", NONE))
    assert record["build_id"] == built.build_id
    assert record["chart"] == "articles_per_month"


def test_a_caller_changing_its_frame_leaves_the_cached_one_alone(seed_build) -> None:
    built = open_build(seed_build)
    first = articles_per_month(built, NONE)
    first.loc[0, "articles"] = 99
    first["month"] = "changed"
    again = articles_per_month(built, NONE)
    # Seeds: three articles of December 2025 and one of January 2026, as in the CSV above.
    assert again.to_dict("list") == {"month": ["2025-12", "2026-01"], "articles": [3, 1]}
    assert again is not articles_per_month(built, NONE)


def test_months_without_articles_are_zero(tmp_path) -> None:
    rows = [
        {"text": f"Статья номер {n}. Баку и Анкара.", "date": d}
        for n, d in enumerate(["2024-01-10", "2024-04-02", "2024-04-20"])
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    build([path], tmp_path / "out", progress=False)
    frame = articles_per_month(open_build(tmp_path / "out"), NONE)
    assert frame.to_dict("list") == {
        "month": ["2024-01", "2024-02", "2024-03", "2024-04"],
        "articles": [1, 0, 0, 2],
    }


def test_topics_page(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/topics.py")
    assert [t.value for t in app.title] == ["Topics"]
    assert len(app.get("plotly_chart")) == 2  # sizes, share over time
    assert [b.label for b in app.get("download_button")] == [
        "Download data (CSV)",
        "Provenance (JSON)",
    ] * 2
    topics = topic_list(open_build(seed_build), NONE)
    choice = app.selectbox[0]
    expected = [f"{t} · {label}" for t, label in zip(topics.topic_id, topics.label, strict=True)]
    assert choice.options == expected
    assert app.query_params["show"] == "0"
    # The representative paragraph comes first, under its article's title.
    first = app.main.get("html")[0].proto.body
    assert first.index("Most representative") < first.index("<blockquote")

    # A shared link with ?show=N opens that topic.
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params["show"] = "2"
    linked.run().switch_page("views/topics.py").run()
    assert linked.selectbox[0].value == 2


def test_topic_counts_and_paragraphs_are_those_of_the_selected_paragraphs(seed_build) -> None:
    """The topic list's counts and a topic's shown paragraphs, read from what is kept per
    build and per topic, are those of the selected articles' paragraphs, counted and ranked
    here from `paragraphs` itself, in filter states that narrow the articles in every way."""
    built = open_build(seed_build)
    paragraphs = pd.DataFrame(read_table(seed_build, "paragraphs")).dropna(subset=["topic_id"])
    representative = {
        t["topic_id"]: (t["representative_article_id"], t["representative_paragraph"])
        for t in read_table(seed_build, "topics")
    }
    for n in range(5):
        filters = _varied_filters(n)
        chosen = store._selection(built.directory, built.build_id, filters)["article_id"]
        selected = paragraphs[paragraphs["article_id"].isin(chosen.to_pylist())]
        listed = topic_list(built, filters).set_index("topic_id")
        counts = selected.groupby("topic_id").agg(
            paragraphs=("paragraph", "size"), articles=("article_id", "nunique")
        )
        for topic_id, row in listed.iterrows():
            expected = counts.loc[topic_id] if topic_id in counts.index else (0, 0)
            assert (row["paragraphs"], row["articles"]) == tuple(expected), (n, topic_id)
        for topic_id, rows in selected.groupby("topic_id"):
            ranked = rows.assign(
                representative=[
                    (a, p) == representative[topic_id]
                    for a, p in zip(rows["article_id"], rows["paragraph"], strict=True)
                ],
                size=rows["stop"] - rows["start"],
            ).sort_values(
                ["representative", "topic_score", "size", "article_id", "paragraph"],
                ascending=[False, False, False, True, True],
                na_position="last",
            )
            shown = topic_paragraphs(built, filters, int(topic_id), 3)
            keys = ["article_id", "paragraph"]
            expected = ranked[keys].head(3).values.tolist()
            assert shown[keys].values.tolist() == expected, (n, topic_id)


def test_topic_shares_over_time_sum_to_one_per_month(seed_build) -> None:
    built = open_build(seed_build)
    frame = topics_over_time(built, NONE)
    assert list(frame.columns) == [
        "month",
        "topic_id",
        "label",
        "paragraphs",
        "month_paragraphs",
        "share",
    ]
    # Dated seeds: 000, 001, 003 in December 2025, 004 in January 2026; 002 is undated.
    articles = {a["article_id"]: a["published"] for a in read_table(seed_build, "articles")}
    expected = Counter(
        f"{articles[p['article_id']]:%Y-%m}"
        for p in read_table(seed_build, "paragraphs")
        if articles[p["article_id"]] is not None
    )
    assert set(expected) == {"2025-12", "2026-01"}
    for month, rows in frame.groupby("month"):
        assert rows["paragraphs"].sum() == expected[month]
        assert (rows["month_paragraphs"] == expected[month]).all()
        assert rows["share"].sum() == pytest.approx(1, abs=1e-3)
    # The chart: a trace per topic, with that topic's months, shares and counts in order.
    figure = charts.topic_share_over_time(frame)
    topics = frame.groupby(["topic_id", "label"], sort=True)
    assert [t.name for t in figure.data] == [f"{t} · {label}" for t, label in topics.groups]
    for trace, (_, rows) in zip(figure.data, topics, strict=True):
        assert list(trace.x) == rows["month"].tolist()
        assert list(trace.y) == rows["share"].tolist()
        assert trace.customdata.tolist() == rows[["paragraphs", "month_paragraphs"]].values.tolist()


def test_paragraph_text_is_shown_escaped(monkeypatch, tmp_path) -> None:
    hostile = "<script>alert('x')</script> <b>жирный</b> нефть цена добыча"
    rows = [
        {"text": f"Цены на нефть растут, добыча падает.\n\n{hostile}", "date": "2024-01-10"},
        {"text": "Добыча нефти и цены на нефть обсуждались на встрече.", "date": "2024-02-01"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    build([path], tmp_path / "out", topics=1, progress=False)  # every paragraph on one page
    app = run_app(monkeypatch, tmp_path / "out", "views/topics.py")
    bodies = "".join(h.proto.body for h in app.main.get("html"))  # the sidebar's is the app's
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;жирный&lt;/b&gt;" in bodies
    assert "<script>" not in bodies and "<b>" not in bodies


def test_timeline_page(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/timeline.py")
    assert [t.value for t in app.title] == ["Timeline"]
    assert [s.value for s in app.subheader] == ["Events", "Coverage lag", "History"]
    assert len(app.get("plotly_chart")) == 3
    events = read_table(seed_build, "events")
    assert app.caption[0].value.startswith(f"{len(events)} dates mentioned in 5 articles.")
    assert [r.value for r in app.radio] == ["event", "country"]
    app.radio[0].set_value("published").run()
    app.radio[1].set_value("topic").run()
    assert not app.exception
    assert dict(app.query_params) == {"axis": "published", "by": "topic"}


def test_timeline_link_opens_the_article_at_its_date(monkeypatch, seed_build) -> None:
    """What a click on a point does: ?article=ID&at=OFFSET shows the sentence, then the text."""
    (visit,) = [
        e for e in read_table(seed_build, "events") if e["date_text"] == "в марте 2024 года"
    ]
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["article"], app.query_params["at"] = visit["article_id"], str(visit["start"])
    app.run().switch_page("views/timeline.py").run()
    assert not app.exception
    assert app.subheader[-1].value == "Article"
    quoted = app.main.get("html")[0].proto.body
    assert "в марте 2024 года → 2024-03-01 – 2024-03-31 (month)" in quoted
    assert "Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг" in quoted


def test_timeline_points_follow_the_events_table(seed_build) -> None:
    built = open_build(seed_build)
    events = [e for e in read_table(seed_build, "events") if e["date_start"] is not None]
    by_country = timeline(built, NONE, "event", "country")
    # An event is on one row per country it names, or on the "no country" row.
    assert len(by_country) == sum(max(len(e["countries"]), 1) for e in events)
    mission = by_country[by_country["date_text"] == "9–10 февраля"]  # seed 004: AZE, USA
    assert set(mission["group"]) == {"Azerbaijan", "United States"}
    assert set(mission["x"].dt.date) == {dt.date(2026, 2, 9)}  # the middle of 9-10 February
    by_topic = timeline(built, NONE, "event", "topic")
    assert len(by_topic) == len(events)
    # Each point is in its paragraph's topic, labelled as the Topics page labels it.
    topic = {
        (p["article_id"], p["paragraph"]): p["topic_id"]
        for p in read_table(seed_build, "paragraphs")
    }
    label = {t["topic_id"]: t["label"] for t in read_table(seed_build, "topics")}
    paragraph = {(e["article_id"], e["start"]): e["paragraph"] for e in events}
    for point in by_topic.itertuples():
        found = topic[point.article_id, paragraph[point.article_id, point.start]]
        assert point.group == (f"{found} · {label[found]}" if found is not None else "No topic")

    # History: before 2025, the year of the first publication (seed 001, 5 December 2025).
    history = set(by_country.loc[by_country["history"], "date_text"])
    assert history == {e["date_text"] for e in events if e["date_end"] < dt.date(2025, 1, 1)}
    assert {"в 1994-м", "в марте 2024 года", "В прошлом году"} <= history

    lag = by_country.drop_duplicates(["article_id", "start"]).set_index("date_text")["lag"]
    assert lag["9–10 февраля"] == "announced ahead"  # published 22 January 2026
    assert lag["в декабре минувшего года"] == "within a month"  # ends 31 December 2025
    assert lag["4 декабря 2025 года"] == "within a week"  # published 5 December 2025
    undated = by_country["published"].isna()
    assert undated.any() and by_country.loc[undated, "lag"].isna().all()
    dated = {a["article_id"] for a in read_table(seed_build, "articles") if a["published"]}
    counts = lag_counts(by_country)
    assert list(counts["lag"]) == list(LAGS)
    assert counts["events"].sum() == sum(e["article_id"] in dated for e in events)


def test_timeline_counts_follow_the_events_table(seed_build) -> None:
    """The page's counts (all events, those resolved to dates, their articles) are the events
    table's, under a date range too, and zero with no point when no article is selected."""
    built = open_build(seed_build)
    events = read_table(seed_build, "events")

    def expected(rows: list[dict]) -> dict:
        resolved = sum(e["date_start"] is not None for e in rows)
        return {
            "events": len(rows),
            "resolved": resolved,
            "articles": len({e["article_id"] for e in rows}),
        }

    assert event_counts(built, NONE) == expected(events)
    since = dt.date(2026, 1, 1)
    recent = [e for e in events if e["published"] is not None and e["published"] >= since]
    assert 0 < len(recent) < len(events)
    assert event_counts(built, Filters(start=since)) == expected(recent)
    none = Filters(start=dt.date(1990, 1, 1), end=dt.date(1990, 1, 2))
    assert event_counts(built, none) == {"events": 0, "resolved": 0, "articles": 0}
    assert timeline(built, none, "event", "country").empty


def test_timeline_sample_is_the_lowest_hashes_whatever_the_cut(monkeypatch, seed_build) -> None:
    """Past `limit` resolved events, the Timeline's sample is the `limit` events lowest by the
    hash of (article id, start), as the events table gives them: the same with the cut of the
    scan to the lowest hashes (`_below`) as without it, and when the cut lets too few through
    (the scan made again without it)."""
    built = open_build(seed_build)
    resolved = event_counts(built, NONE)["resolved"]
    limit = 7
    assert timeline_queries._MARGIN * limit < resolved  # the cut applies
    lowest = duckdb.sql(
        f"""
        SELECT article_id, start FROM read_parquet('{seed_build / "events.parquet"}')
        WHERE date_start IS NOT NULL
        ORDER BY hash(article_id, start), article_id, start LIMIT {limit}
        """
    ).fetchall()

    def sample() -> set[tuple]:
        st.cache_resource.clear()
        picked = timeline_queries.events(built, NONE, limit)
        return set(zip(picked["article_id"], picked["start"], strict=True))

    assert sample() == set(lowest)
    # A margin too small for `limit` events to pass: the scan is made again, uncut.
    monkeypatch.setattr(timeline_queries, "_MARGIN", 0.01)
    assert timeline_queries._below(limit, resolved)[1]
    assert sample() == set(lowest)


def test_timeline_rows_per_country_carry_their_own_event(seed_build) -> None:
    built = open_build(seed_build)
    events = {
        (e["article_id"], e["start"]): e
        for e in read_table(seed_build, "events")
        if e["date_start"] is not None
    }
    points = timeline(built, NONE, "event", "country")
    groups: dict[tuple, list[str]] = {}
    for point in points.itertuples():
        event = events[point.article_id, point.start]
        assert (point.date_text, point.countries) == (
            event["date_text"],
            "; ".join(event["countries"]),
        )
        groups.setdefault((point.article_id, point.start), []).append(point.group)
    # Seed 004's mission '9–10 февраля' names AZE and USA: a row each, on its own data.
    assert set(events) == set(groups)
    for key, event in events.items():
        names = [country_name(c) for c in event["countries"]] or ["No country named"]
        assert sorted(groups[key]) == sorted(names)


def test_timeline_sentences_are_read_only_for_what_is_opened(monkeypatch, seed_build) -> None:
    """The points carry no sentence nor actors; the CSV (with the people and organisations
    in them), the History table and a clicked point each read their own events' sentences when
    they are opened (the History table and a click from `event_sentences`: the same as the
    events table's)."""
    built = open_build(seed_build)
    events = {
        (e["article_id"], e["start"]): e["sentence"] for e in read_table(seed_build, "events")
    }
    reads = []
    counted = timeline_queries.time_limited

    def counting(cursor):
        callers = {f.name for f in traceback.extract_stack()}
        reads.append(next((n for n in ("sentences", "with_sentences") if n in callers), None))
        return counted(cursor)

    monkeypatch.setattr(timeline_queries, "time_limited", counting)
    for cached in ("_timeline", "_events", "_sentences", "_described"):
        getattr(timeline_queries, cached).clear()
    points = timeline(built, NONE, "event", "country")
    assert {"sentence", "actors"}.isdisjoint(points.columns) and reads == [None]
    full = with_sentences(built, points)
    assert len(full) == len(points) and full["sentence"].notna().all()
    assert list(full["sentence"]) == [
        events[k] for k in zip(points["article_id"], points["start"], strict=True)
    ]
    # Seed 000: "в марте 2024 года" is in the sentence about Stoltenberg's visit to Baku.
    (visit,) = full[full["date_text"] == "в марте 2024 года"]["sentence"].unique()
    assert "Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг" in visit
    (named,) = full[full["date_text"] == "в марте 2024 года"]["actors"].unique()
    assert {"НАТО", "Йенс Столтенберг"} <= set(named.split("; "))
    history = history_table(built, points[points["history"]], 200)
    assert list(history.columns) == ["date_text", "date_start", "date_end", "sentence", "title"]
    assert history["date_start"].is_monotonic_increasing
    assert visit in set(history["sentence"])
    (clicked,) = with_sentences(built, points.tail(1)).itertuples()
    assert clicked.sentence == events[(clicked.article_id, clicked.start)]
    (sentence,) = sentences(built, points.tail(1))
    assert sentence == clicked.sentence
    # One read of the events for the points (the other group-by shares it), one of sentences
    # for each of the CSV, the History table, the CSV's last row and the clicked point; the
    # History table's again (a rerun of the page) is shared.
    timeline(built, NONE, "event", "topic")
    assert history.equals(history_table(built, points[points["history"]], 200))
    assert reads == [None, "with_sentences", "sentences", "with_sentences", "sentences"]
    figure = timeline_chart(points, "Date", "No country named")
    assert visit not in figure.to_json() and "Баку посетил" not in figure.to_json()


def test_timeline_page_reads_the_sentences_of_its_history_table_alone(
    monkeypatch, seed_build
) -> None:
    """A run of the Timeline page reads the sentences of the History table's events, not those
    of every point: the CSV's are read when it is downloaded."""
    opened = []
    reading = timeline_queries.sentences

    def recording(build, points):
        opened.append(points[["article_id", "start"]].drop_duplicates().shape[0])
        return reading(build, points)

    monkeypatch.setattr(timeline_queries, "sentences", recording)
    app = run_app(monkeypatch, seed_build, "views/timeline.py")
    points = timeline(open_build(seed_build), NONE, "event", "country")
    in_history = points[points["history"]].drop_duplicates(["article_id", "start"])
    assert 0 < len(in_history) < len(points.drop_duplicates(["article_id", "start"]))
    assert opened == [len(in_history)]
    assert len(app.dataframe[0].value) == len(in_history)


def test_timeline_chart_draws_its_rows_in_one_trace(seed_build) -> None:
    """Every marker in one trace, rows top down in `timeline_groups` order, each marker with
    its row's colour and its row's name on hover; a click on marker k leads back to row k of
    the markers, in the row its tick names."""
    points = timeline(open_build(seed_build), NONE, "event", "country")
    groups = timeline_groups(points, "No country named")
    assert groups[-1] == "No country named"
    figure = timeline_chart(points, "Date", "No country named")
    (trace,) = figure.data
    markers = timeline_markers(points, groups)
    assert len(trace.x) == len(markers)
    assert trace.hovertemplate.endswith("<extra>%{customdata[5]}</extra>")
    ticks = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    assert [ticks[y] for y in trace.y] == list(trace.customdata[:, 5]) == list(markers["group"])
    # Rows drawn top down: the markers' rows never go back up.
    assert list(trace.y) == sorted(trace.y, reverse=True)
    # A row's markers share its colour; rows of a different rank differ.
    colour = dict(zip(trace.customdata[:, 5], trace.marker.color, strict=True))
    assert [colour[g] for g in trace.customdata[:, 5]] == list(trace.marker.color)
    assert colour[groups[0]] != colour[groups[1]]
    # Seed 004: the mission of "9–10 февраля" names Azerbaijan and the United States.
    k = next(
        k for k, d in enumerate(trace.customdata) if d[0] == "9–10 февраля" and d[5] == "Azerbaijan"
    )
    assert list(trace.customdata[k][:3]) == ["9–10 февраля", "2026-02-09", "2026-02-10"]
    # The hover names the article's source; its title is read when the point is clicked.
    row = clicked_row([{"curve_number": 0, "point_index": k}], markers)
    assert trace.customdata[k][3] == row["source"]
    assert not {t for t in points["title"] if t in figure.to_json()}
    assert (row["group"], row["date_text"], row["x"]) == (
        "Azerbaijan",
        "9–10 февраля",
        pd.Timestamp(2026, 2, 9),
    )
    assert clicked_row([], markers) is None
    # SVG at any count of markers (WebGL drew them several times slower without a GPU).
    days = [points.assign(x=points["x"] + pd.Timedelta(days=7 * d)) for d in range(150)]
    many = pd.concat(days, ignore_index=True)
    assert len(timeline_markers(many, groups)) > 5000
    assert {t.type for t in timeline_chart(many, "Date", "No country named").data} == {"scatter"}


def test_timeline_margins_hold_the_rows_names(seed_build) -> None:
    """The chart's left margin is set from its rows' names, not measured in the browser
    (`automargin` off): wide enough for the longest at the app's font."""
    points = timeline(open_build(seed_build), NONE, "event", "country")
    figure = timeline_chart(points, "Date", "No country named")
    assert figure.layout.yaxis.automargin is False and figure.layout.xaxis.automargin is False
    longest = max(len(g) for g in timeline_groups(points, "No country named"))
    assert figure.layout.margin.l >= longest * CHAR_WIDTH


def test_timeline_points_of_a_day_and_row_are_one_marker(seed_build) -> None:
    """Points at the same day of the same row overlap exactly: one marker draws them, as
    opaque as they were stacked, its hover counting the others; the rows keep their order by
    points, and the CSV keeps every point."""
    points = timeline(open_build(seed_build), NONE, "published", "country")
    groups = timeline_groups(points, "No country named")
    markers = timeline_markers(points, groups)
    assert len(markers) < len(points) and markers["stacked"].sum() == len(points)
    (trace,) = timeline_chart(points, "Publication date", "No country named").data
    # Seed 004, published 22 January 2026: "9–10 февраля" and four more dates of Azerbaijan.
    k = next(
        k
        for k, (x, d) in enumerate(zip(trace.x, trace.customdata, strict=True))
        if x == "2026-01-22" and d[5] == "Azerbaijan"
    )
    first = markers.iloc[k]
    here = points[(points["group"] == "Azerbaijan") & (points["x"] == pd.Timestamp(2026, 1, 22))]
    assert first["stacked"] == len(here) > 1
    assert (first["article_id"], first["start"]) == tuple(here.iloc[0][["article_id", "start"]])
    assert trace.customdata[k][0] == here.iloc[0]["date_text"]
    assert trace.customdata[k][4] == f"<br>and {len(here) - 1} more here"
    assert trace.marker.opacity[k] == pytest.approx(1 - 0.3 ** len(here), abs=0.01)
    # A point alone at its day and row: the opacity of one, no other points on hover.
    k = list(markers["stacked"]).index(1)
    assert trace.customdata[k][4] == "" and trace.marker.opacity[k] == pytest.approx(0.7)


def test_top_countries_and_actors_count_articles(seed_build) -> None:
    built = open_build(seed_build)
    countries = top_countries(built, NONE, 5)
    named = {}
    for m in read_table(seed_build, "country_mentions"):
        named.setdefault(m["country"], set()).add(m["article_id"])
    assert countries["country"].iloc[0] == "AZE" and countries["articles"].iloc[0] == 5
    assert countries["name"].iloc[0] == "Azerbaijan"
    for row in countries.itertuples():
        assert row.articles == len(named[row.country])

    entities = {e["entity_id"]: e for e in read_table(seed_build, "entities")}
    articles = {}
    for m in read_table(seed_build, "mentions"):
        if entities[m["entity_id"]]["type"] in ("PER", "ORG"):
            articles.setdefault(m["entity_id"], set()).add(m["article_id"])
    actors = top_actors(built, NONE, 10)
    assert set(actors["type"]) <= {"PER", "ORG"}
    assert actors["articles"].iloc[0] == max(len(a) for a in articles.values())
    for row in actors.itertuples():
        assert row.articles == len(articles[row.entity_id])
    people = top_actors(built, Filters(types=("PER",)), 10)
    assert set(people["type"]) == {"PER"}
    assert "Ильхам Алиев" in set(people["name"])


def test_ranked_bars_hold_their_labels_in_fixed_margins() -> None:
    """A ranked bar chart's margins come from its labels' lengths, not from Plotly measuring
    them in the browser (`automargin` off): the left one holds the labels as chromium draws
    them at the app's font (measured on the Overview of the corpus build: the topic label
    406 px, the actor 222 px, plus the axis' 8 px). A label longer than the chart's room ends
    in '…' on the axis; the bar keeps the whole name for hover and clicks. Names and the
    topic label are the corpus build's (/work/b48/final2)."""
    topic = "13 · отставка · министр · иностранный — Европейский союз, Великобритания"
    wide = ranked(
        pd.Series([topic, "0 · украинский · минский — Украина, Киев"]),
        pd.Series([5, 3]),
        "paragraphs",
    )
    assert (wide.layout.xaxis.automargin, wide.layout.yaxis.automargin) == (False, False)
    assert wide.layout.margin.l >= 406 + 8 and list(wide.layout.yaxis.ticktext)[0] == topic
    names = [
        "Государственный департамент США (ORG)",
        "Государственный департамент по правоохранительной деятельности и борьбе с "
        "международным незаконным оборотом наркотиков (ORG)",
    ]
    column = ranked(
        pd.Series(names), pd.Series([9, 1]), "sentences", label_chars=COLUMN_LABEL_CHARS
    )
    assert column.layout.margin.l >= 222 + 8
    assert list(column.layout.yaxis.ticktext) == [
        names[0],
        "Государственный департамент по правоохр…",
    ]
    assert list(column.data[0].y) == list(column.layout.yaxis.tickvals) == names


def test_the_overviews_rankings_cut_labels_as_the_plotly_ones_and_hover_them_whole() -> None:
    """The Overview's ranked bars (ECharts) cut a label as `charts.ranked` does, largest on
    top; its hover gives the whole label (as text, not markup), the value and the row's line."""
    names = [
        "Государственный департамент США (ORG)",
        "Государственный департамент по правоохранительной деятельности и борьбе с "
        "международным незаконным оборотом наркотиков (ORG)",
        "Johnson & Johnson (ORG)",
    ]
    option = echarts.ranked(
        Ranking(
            pd.Series(names),
            pd.Series([1234, 9, 1]),
            "articles",
            pd.Series(["1,500 mentions · United States", "12 mentions", None]),
            COLUMN_LABEL_CHARS,
        )
    )
    assert option["yAxis"] == {
        "type": "category",
        "inverse": True,  # the first row on top
        "data": [names[0], "Государственный департамент по правоохр…", names[2]],
        "axisTick": {"show": False},
    }
    bars = option["series"][0]["data"]
    assert [b["value"] for b in bars] == [1234, 9, 1]
    assert [b["tooltip"]["formatter"] for b in bars] == [
        f"<b>{names[0]}</b><br/>1,234 articles<br/>1,500 mentions · United States",
        f"<b>{names[1]}</b><br/>9 articles<br/>12 mentions",
        "<b>Johnson &amp; Johnson (ORG)</b><br/>1 articles",
    ]
    assert echarts.height(option) == ranked_height(3)


def test_rankings_of_a_filter_state_count_its_articles(seed_build) -> None:
    """Under a filter, the top actors and the actor table rank the entities by the selected
    articles that mention them, from the same counts."""
    built = open_build(seed_build)
    entities = {e["entity_id"]: e for e in read_table(seed_build, "entities")}
    # Seeds: only 003 names Kazakhstan ("Азербайджан и Казахстан отметили 20-летие ...").
    kazakhstan = Filters(countries=("KAZ",))
    selected = {
        m["article_id"] for m in read_table(seed_build, "country_mentions") if m["country"] == "KAZ"
    }
    assert len(selected) == 1
    articles: dict[str, set] = {}
    for m in read_table(seed_build, "mentions"):
        if m["article_id"] in selected and entities[m["entity_id"]]["type"] in ("PER", "ORG"):
            articles.setdefault(m["entity_id"], set()).add(m["article_id"])
    top, table = top_actors(built, kazakhstan, 3), actor_table(built, kazakhstan, 500)
    assert set(table["entity_id"]) == set(articles)
    for frame in (top, table):
        for row in frame.itertuples():
            assert row.articles == len(articles[row.entity_id])
    assert list(top["entity_id"]) == list(table["entity_id"].head(3))


def test_actor_counts_of_a_date_range(seed_build) -> None:
    """The actors' counts of a date range read the articles' entities of those dates alone
    (laid out by date): each actor's articles and mentions among the articles published then,
    with both bounds and with one."""
    built = open_build(seed_build)
    articles = read_table(seed_build, "articles")
    types = {e["entity_id"]: e["type"] for e in read_table(seed_build, "entities")}
    days = sorted(a["published"] for a in articles if a["published"])
    for start, end in ((days[1], days[-2]), (days[1], None)):
        chosen = {
            a["article_id"]
            for a in articles
            if a["published"] and start <= a["published"] and (end is None or a["published"] <= end)
        }
        assert 0 < len(chosen) < len(articles)
        found: dict[str, list] = {}
        for m in read_table(seed_build, "mentions"):
            if m["article_id"] in chosen and types[m["entity_id"]] in ("PER", "ORG"):
                counts = found.setdefault(m["entity_id"], [set(), 0])
                counts[0].add(m["article_id"])
                counts[1] += 1
        table = actor_table(built, Filters(start=start, end=end), 500)
        assert {r.entity_id: (r.articles, r.mentions) for r in table.itertuples()} == {
            entity: (len(ids), n) for entity, (ids, n) in found.items()
        }


def test_unfiltered_counts_are_the_builds_own(seed_build, seed_articles) -> None:
    """Without filters, the top countries, actors and topics and the country picker read the
    build's counts (`totals`, `entities`) instead of scanning: the same frames as counting a
    selection of every article."""
    built = open_build(seed_build)
    sources = tuple(sorted({a["source"] for a in seed_articles.values()}))
    assert NONE.whole and Filters(types=("PER",), inferred=False).whole
    assert not Filters(headlines=True).whole and not Filters(sources=sources).whole
    for types in ((), ("PER",), ("LOC", "MEDIUM")):
        whole, every = Filters(types=types), Filters(types=types, sources=sources)
        for counts in (top_actors, actor_table):
            pd.testing.assert_frame_equal(counts(built, whole, 50), counts(built, every, 50))
    every = Filters(sources=sources)
    pd.testing.assert_frame_equal(top_countries(built, NONE, 50), top_countries(built, every, 50))
    pd.testing.assert_frame_equal(topic_list(built, NONE), topic_list(built, every))
    for inferred in (True, False):  # the summary, the months and the list of the Overview
        whole, every = Filters(inferred=inferred), Filters(sources=sources, inferred=inferred)
        assert summary(built, whole) == summary(built, every)
        pd.testing.assert_frame_equal(
            articles_per_month(built, whole), articles_per_month(built, every)
        )
        pd.testing.assert_frame_equal(article_list(built, whole, 3), article_list(built, every, 3))
    every = Filters(sources=sources)
    offered = filter_options(built)["countries"]
    counted = top_countries(built, every, 50)
    assert dict(zip(offered["country"], offered["articles"], strict=True)) == dict(
        zip(counted["country"], counted["articles"], strict=True)
    )
    assert list(offered["articles"]) == sorted(offered["articles"], reverse=True)


def test_date_ranges_are_parameters_of_the_query(seed_build, seed_articles) -> None:
    """`in_dates` writes no date into the SQL: the range's ends are parameters, and undated
    rows are kept when the dates include a null."""
    built = open_build(seed_build)
    dated = sorted(a["published"] for a in seed_articles.values() if a["published"])
    low, high = dated[0], dated[-2]
    dates = pa.chunked_array([[high, None, low]], type=pa.date32())
    sql, params = in_dates("published", dates)
    assert str(low.year) not in sql and params == [low, high]
    found = query(built, f"SELECT count(*) AS n FROM articles WHERE {sql}", *params)["n"][0]
    undated = sum(1 for a in seed_articles.values() if a["published"] is None)
    assert found == sum(1 for d in dated if low <= d <= high) + undated < len(seed_articles)
    sql, params = in_dates("published", dates.filter(pa.array([True, False, True])))
    assert "NULL" not in sql and params == [low, high]
    assert in_dates("published", pa.chunked_array([[None]], type=pa.date32())) == (
        "(false OR published IS NULL)",
        [],
    )
    assert in_dates("published", pa.chunked_array([], type=pa.date32())) == ("false", [])
    # `at_rows` keeps the dates themselves, not the days between them, and of the undated rows
    # those of the given articles alone.
    first = next(a["article_id"] for a in seed_articles.values() if a["published"] == low)
    undated_ids = [a["article_id"] for a in seed_articles.values() if a["published"] is None]
    ids = pa.chunked_array([[first, undated_ids[0], first]])
    sql, params = at_rows("articles", dates, ids)
    assert str(low.year) not in sql and sorted(params[:2]) == [low, high]
    assert params[2:] == [undated_ids[0]]
    found = query(built, f"SELECT published, article_id FROM {sql} a", *params)
    assert len(found) == sum(1 for d in dated if d in (low, high)) + 1
    assert found.loc[found["published"].isna(), "article_id"].tolist() == [undated_ids[0]]
    assert at_rows("articles", dates[:0], ids[:0]) == ("(SELECT * FROM articles WHERE false)", [])


def test_actors_page_and_profile(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/actors.py")
    assert [t.value for t in app.title] == ["Actors"]
    table = app.dataframe[0].value
    assert set(table["type"]) <= {"PER", "ORG"}
    # The first row is the most written-about actor; its profile opens by default. The table
    # sends what it shows: the ids stay on the server, and its CSV has them.
    assert list(table.columns) == ["name", "type", "mentions", "articles", "country", "role"] + [
        "aliases"
    ]
    ranked = actor_table(open_build(seed_build), NONE, 500)
    assert table["name"].tolist() == ranked["name"].tolist()
    assert app.query_params["profile"] == ranked["entity_id"].iloc[0]
    assert app.header[0].value == table["name"].iloc[0]
    assert [s.value for s in app.subheader] == [
        "Mentions over time",
        "Named in the same sentences",
        "Countries in the same sentences",
        "Quotes",
        "Articles",
    ]
    # A link opens a profile: Tokayev is named only in seed 003, in Kazakhstan's sentences.
    (tokayev,) = [
        e for e in read_table(seed_build, "entities") if e["name"] == "Касым-Жомарт Токаев"
    ]
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params["profile"] = tokayev["entity_id"]
    linked.run().switch_page("views/actors.py").run()
    assert not linked.exception
    assert linked.header[0].value == "Касым-Жомарт Токаев"
    articles = linked.dataframe[-1].value
    assert len(articles) == 1 and articles["mentions"].iloc[0] == tokayev["n_mentions"]
    countries = co_countries(open_build(seed_build), NONE, tokayev["entity_id"], 5)
    assert "KAZ" in set(countries["country"])


def test_profile_charts_count_the_actor_mentions_in_the_selection(seed_build) -> None:
    """The profile's charts share one reading of the actor's mentions in the selected
    articles: each counts what the mentions table holds, and the headline filter narrows
    them all to headlines."""
    built = open_build(seed_build)
    (aliyev,) = [
        e["entity_id"] for e in read_table(seed_build, "entities") if e["name"] == "Ильхам Алиев"
    ]
    mentions = [m for m in read_table(seed_build, "mentions") if m["entity_id"] == aliyev]
    dated = {a["article_id"] for a in read_table(seed_build, "articles") if a["published"]}
    published = {a["article_id"]: a["published"] for a in read_table(seed_build, "articles")}
    day = max(published[m["article_id"]] for m in mentions if published[m["article_id"]])
    # The actor's mentions are read once for every filter state, then narrowed to each
    # selection: the day of its latest article keeps that article's alone.
    latest = [m for m in mentions if published[m["article_id"]] == day]
    assert 0 < len(latest) < len(mentions)
    for filters, kept in (
        (NONE, mentions),
        (Filters(headlines=True), [m for m in mentions if m["in_headline"]]),
        (Filters(start=day, end=day), latest),
        # One bound alone: the articles are read in the row groups of the dates after it.
        (Filters(start=day), latest),
    ):
        per_article = Counter(m["article_id"] for m in kept)
        listed = entity_articles(built, filters, aliyev, 200)
        assert dict(zip(listed["article_id"], listed["mentions"], strict=True)) == per_article
        monthly = mentions_per_month(built, filters, aliyev)
        assert monthly["mentions"].sum() == sum(m["article_id"] in dated for m in kept)
        sentences = {(m["article_id"], m["sentence"]) for m in kept}
        others = {
            (m["entity_id"], m["article_id"], m["sentence"])
            for m in read_table(seed_build, "mentions")
            if (m["article_id"], m["sentence"]) in sentences
            and m["entity_id"] != aliyev
            and m["type"] in ("PER", "ORG")
            and (m["in_headline"] or not filters.headlines)
        }
        people = co_mentioned(built, filters, aliyev, 100)
        assert people["sentences"].sum() == len(others)
        named = {
            (c["country"], c["article_id"], c["sentence"])
            for c in read_table(seed_build, "country_mentions")
            if (c["article_id"], c["sentence"]) in sentences
            and (c["in_headline"] or not filters.headlines)
        }
        countries = co_countries(built, filters, aliyev, 100)
        assert countries["sentences"].sum() == len(named)


def test_media_are_not_actors_unless_asked(monkeypatch, seed_build) -> None:
    """The seeds cite Report.az ("в эксклюзивном интервью Report", 000 and 001); "между СМИ"
    (003) is a common noun, no medium: the Actors page leaves Report.az out; ?type=MEDIUM
    ranks it there too."""
    media = {e["name"] for e in read_table(seed_build, "entities") if e["type"] == "MEDIUM"}
    assert media == {"Report.az"}
    app = run_app(monkeypatch, seed_build, "views/actors.py")
    assert not set(app.dataframe[0].value["name"]) & media
    assert "Media" in app.multiselect(key="f-types").options
    asked = _open(monkeypatch, seed_build, "views/actors.py", {"type": ["MEDIUM"]})
    assert asked.multiselect(key="f-types").value == ["MEDIUM"]
    shown = asked.dataframe[0].value
    assert set(shown["name"]) == media and set(shown["type"]) == {"MEDIUM"}
    assert asked.caption[0].value.startswith("The 1 media most written about")


def test_sources_page_ranks_the_media_the_articles_cite(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/sources.py")
    assert [t.value for t in app.title] == ["Sources"]
    assert [s.value for s in app.subheader] == ["Articles citing each", "All cited media"]
    assert len(app.get("plotly_chart")) == 1
    assert [b.label for b in app.get("download_button")] == [
        "Download data (CSV)",
        "Provenance (JSON)",
    ] * 2
    table = app.dataframe[0].value
    assert list(table.columns) == ["name", "country_name", "articles", "mentions"]  # no ids
    shown = table.fillna({"country_name": "—"})
    assert shown.to_dict("records") == [
        {"name": "Report.az", "country_name": "Azerbaijan", "articles": 2, "mentions": 2},
    ]
    # Counted from the mentions, and under the filters: up to 10 December 2025 only 001 (5
    # December) is selected, and it cites Report once.
    entities = {e["entity_id"]: e for e in read_table(seed_build, "entities")}
    cited: dict[str, set] = {}
    for m in read_table(seed_build, "mentions"):
        if entities[m["entity_id"]]["type"] == "MEDIUM":
            cited.setdefault(entities[m["entity_id"]]["name"], set()).add(m["article_id"])
    assert dict(zip(table["name"], table["articles"], strict=True)) == {
        name: len(ids) for name, ids in cited.items()
    }
    december = top_media(open_build(seed_build), Filters(end=dt.date(2025, 12, 10)), 10)
    assert december["name"].tolist() == ["Report.az"] and december["articles"].tolist() == [1]


def test_quotes_page(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/quotes.py")
    assert [s.value for s in app.subheader] == ["Most quoted", "Quotes"]
    shown = app.dataframe[-1].value
    assert len(shown) == len(read_table(seed_build, "quotes"))
    # Only the columns the table shows are sent; the CSV has the rest.
    assert list(shown.columns) == [
        "published",
        "speaker",
        "quote",
        "kind",
        "cue",
        "about",
        "countries",
        "title",
        "read",
    ]
    # Every answer of 003 is the ambassador's: he is quoted most.
    ranked = quotes(open_build(seed_build), NONE, QuoteQuery(), 1000)
    assert ranked["speaker"].value_counts().index[0] == "Агалар Атамогланов"


def test_quotes_page_choices_live_in_the_url(monkeypatch, seed_build) -> None:
    (aliyev,) = [
        e["entity_id"] for e in read_table(seed_build, "entities") if e["name"] == "Ильхам Алиев"
    ]
    app = _open(monkeypatch, seed_build, "views/quotes.py", {"speaker": [aliyev]})
    shown = app.dataframe[-1].value
    assert len(shown) == ALIYEV_QUOTES and set(shown["speaker"]) == {"Ильхам Алиев"}
    # Four of them are direct and name the USA (004); the one about the EU mission does not.
    app = _open(
        monkeypatch,
        seed_build,
        "views/quotes.py",
        {"speaker": [aliyev], "kind": ["direct"], "about_country": ["USA"]},
    )
    shown = app.dataframe[-1].value
    assert len(shown) == 4 and not shown["quote"].str.contains("Миссия превратилась").any()
    app = _open(monkeypatch, seed_build, "views/quotes.py", {"words": ["ТРАМП"]})
    assert app.text_input(key="q-words").value == "ТРАМП"
    assert all("трамп" in q.lower() for q in app.dataframe[-1].value["quote"])


def test_actor_profile_splits_quotes_by_and_about(monkeypatch, seed_build) -> None:
    (aliyev,) = [
        e["entity_id"] for e in read_table(seed_build, "entities") if e["name"] == "Ильхам Алиев"
    ]
    app = _open(monkeypatch, seed_build, "views/actors.py", {"profile": [aliyev]})
    about = [q for q in read_table(seed_build, "quotes") if aliyev in q["about_entity_ids"]]
    tabs = [f"Said by ({ALIYEV_QUOTES})", f"Said about ({len(about)})"]
    assert [t.label for t in app.tabs] == tabs
    # The ambassador of 001 speaks of him: "В рамках моего визита в Азербайджан я встретился с
    # президентом Ильхамом Алиевым."
    assert any(q["quote"].startswith("В рамках моего визита в Азербайджан") for q in about)


def test_a_place_as_the_speaker_shows_on_the_quotes_page_and_profile(
    monkeypatch, seed_build, tmp_path
) -> None:
    # A country or a capital named alone speaks for its government ("Россия заявляла"): the
    # speaker is a LOC entity. The seeds have none, so one quote without a speaker gets one.
    placed = tmp_path / "placed"
    shutil.copytree(seed_build, placed)
    (country,) = [
        e["entity_id"]
        for e in read_table(seed_build, "entities")
        if e["type"] == "LOC" and e["name"] == "Азербайджан"
    ]
    table = pq.read_table(placed / "quotes.parquet")
    speakers = table["speaker_entity_id"].to_pylist()
    unnamed = speakers.index(None)
    speakers[unnamed] = country
    at = table.schema.get_field_index("speaker_entity_id")
    column = pa.array(speakers, table.schema.field(at).type)
    pq.write_table(table.set_column(at, table.schema.field(at), column), placed / "quotes.parquet")
    entity_quotes(placed)  # the quotes by entity, written from them as a build does
    app = _open(monkeypatch, placed, "views/quotes.py", {"speaker": [country]})
    shown = app.dataframe[-1].value
    assert len(shown) == 1 and shown["speaker"].tolist() == ["Азербайджан"]
    app = _open(monkeypatch, placed, "views/actors.py", {"profile": [country]})
    assert app.tabs[0].label == "Said by (1)"


def test_quotes_csv_is_what_the_table_shows(seed_build) -> None:
    built = open_build(seed_build)
    found = quotes(built, NONE, QuoteQuery(kind="interview"), 1000)
    rows = list(csv.DictReader(io.StringIO(to_csv(found.drop(columns=["total"])).decode())))
    assert len(rows) == len(found) and {r["kind"] for r in rows} == {"interview"}
    assert {
        "speaker",
        "as_written",
        "quote",
        "cue",
        "about",
        "countries",
        "article_id",
        "start",
        "stop",
    } <= set(rows[0])


def test_quote_sets_are_each_query_on_its_own(seed_build) -> None:
    """An actor's profile reads the quotes said by them and about them at once: each set is
    what `quotes` finds for its query alone, with its own limit and total."""
    built = open_build(seed_build)
    (aliyev,) = [
        e["entity_id"] for e in read_table(seed_build, "entities") if e["name"] == "Ильхам Алиев"
    ]
    wanted = [
        QuoteQuery(speaker=aliyev),
        QuoteQuery(about=aliyev),
        QuoteQuery(kind="direct", text="азербайджан"),
    ]
    for limit in (3, 1000):
        found = quote_sets(built, NONE, wanted, limit)
        for one, got in zip(wanted, found, strict=True):
            alone = quotes(built, NONE, one, limit)
            assert to_csv(got) == to_csv(alone) and 0 < len(got) <= limit
    by, about, direct = quote_sets(built, NONE, wanted, 3)
    assert by["total"].iloc[0] == ALIYEV_QUOTES and (by["speaker_entity_id"] == aliyev).all()
    assert all("азербайджан" in q.lower() for q in direct["quote"])
    # The sets of one actor's profile are picked from that actor's quotes, read once for every
    # filter state: a narrower selection keeps the quotes of its articles alone.
    assert _one_entity(tuple(wanted[:2])) == aliyev and _one_entity(tuple(wanted)) is None
    dated = [q for q in read_table(seed_build, "quotes") if q["speaker_entity_id"] == aliyev]
    day = max(q["published"] for q in dated if q["published"])
    by, _ = quote_sets(built, Filters(start=day, end=day), wanted[:2], 1000)
    assert 0 < len(by) == sum(q["published"] == day for q in dated) < len(dated)
    # Their text is read from them too, the undated ones' as well as the dated.
    by, about = quote_sets(built, NONE, wanted[:2], 1000)
    stored = {(q["article_id"], q["start"]): q for q in read_table(seed_build, "quotes")}
    assert len(by) == len(dated) and by["published"].isna().any() and len(about) > 0
    for row in pd.concat([by, about]).itertuples():
        assert (row.quote, row.cue) == (
            stored[row.article_id, row.start]["quote"],
            stored[row.article_id, row.start]["cue"],
        )
    # A column no set filters on is not read: without words, not the quotes' text.
    assert "q.quote" not in _conditions(tuple(wanted[:2]))
    assert "q.quote" in _conditions(tuple(wanted)) and "about_countries" not in _conditions(
        tuple(wanted)
    )


def test_an_actors_quotes_from_its_own_rows_are_those_of_every_quote(
    seed_build, monkeypatch
) -> None:
    """An actor's profile picks and reads its quotes from the actor's rows of
    `entity_quotes`: the same sets as picked and read from `quotes` (as before schema 16), in
    any filter state, undated quotes and speakers included."""
    built = open_build(seed_build)
    ids = {e["name"]: e["entity_id"] for e in read_table(seed_build, "entities")}
    dated = [q["published"] for q in read_table(seed_build, "quotes") if q["published"]]
    states = [
        NONE,
        Filters(start=min(dated), end=max(dated)),
        Filters(countries=("AZE",)),
        Filters(inferred=False),
        Filters(headlines=True),
    ]

    def sets(filters: Filters, wanted: list[QuoteQuery], limit: int) -> list[str]:
        quote_queries._quote_sets.clear()
        return [to_csv(found) for found in quote_sets(built, filters, wanted, limit)]

    for name in ("Ильхам Алиев", "НАТО", "США"):
        wanted = [QuoteQuery(speaker=ids[name]), QuoteQuery(about=ids[name])]
        for filters in states:
            for limit in (2, 1000):
                own = sets(filters, wanted, limit)
                with monkeypatch.context() as patched:
                    patched.setattr(quote_queries, "_one_entity", lambda wanted: None)
                    assert sets(filters, wanted, limit) == own, (name, filters, limit)
    (said,) = quote_sets(built, NONE, [QuoteQuery(speaker=ids["Ильхам Алиев"])], 1000)
    assert len(said) == ALIYEV_QUOTES and said["published"].isna().any()


def test_quotes_name_their_speakers_whichever_set_asks(seed_build) -> None:
    """The speakers' names and countries are joined to the picked quotes, or to every quote
    when a set asks for the speaker's country: both give each quote its speaker's entity."""
    built = open_build(seed_build)
    entities = {e["entity_id"]: e for e in read_table(seed_build, "entities")}
    every = quotes(built, NONE, QuoteQuery(), 1000)
    # Each quote's article, read in the row groups of the quotes' dates.
    titles = {a["article_id"]: a["title"] for a in read_table(seed_build, "articles")}
    assert every["title"].tolist() == every["article_id"].map(titles).tolist()
    named = every.dropna(subset=["speaker_entity_id"])
    assert len(named) > 10
    for row in named.itertuples():
        speaker = entities[row.speaker_entity_id]
        country = None if pd.isna(row.speaker_country) else row.speaker_country
        assert (row.speaker, country) == (speaker["name"], speaker["country"])
    azerbaijani = quotes(built, NONE, QuoteQuery(speaker_country="AZE"), 1000)
    assert len(azerbaijani) > 0
    pd.testing.assert_frame_equal(
        azerbaijani.drop(columns="total"),
        every[every["speaker_country"] == "AZE"].drop(columns="total").reset_index(drop=True),
    )
    # Without the dateline dates, the quotes are still newest first by the articles' dates.
    undated = quotes(built, Filters(inferred=False), QuoteQuery(), 1000)
    published = undated["published"].dropna().tolist()
    assert published == sorted(published, reverse=True) and len(undated) == len(every)


def test_countries_page(monkeypatch, seed_build) -> None:
    app = run_app(monkeypatch, seed_build, "views/countries.py")
    assert [s.value for s in app.subheader] == [
        "Articles naming each country",
        "Month by month",
        "Named together",
    ]
    assert len(app.get("plotly_chart")) == 3
    built = open_build(seed_build)
    pairs = country_pairs(built, NONE, 20)
    named = {}
    for m in read_table(seed_build, "country_mentions"):
        named.setdefault(m["country"], set()).add(m["article_id"])
    for row in pairs.itertuples():  # symmetric, and the diagonal is the country's articles
        assert row.articles == len(named[row.country_a] & named[row.country_b])
    months = country_months(built, NONE, 20)
    dated = {a["article_id"]: a["published"] for a in read_table(seed_build, "articles")}
    december = {a for a in named["AZE"] if dated[a] and dated[a].month == 12}
    (aze,) = months[(months["country"] == "AZE") & (months["month"] == "2025-12")]["articles"]
    assert aze == len(december) == 3  # seeds 000, 001, 003


def open_reader(monkeypatch, seed_build, number: str, **params: str) -> tuple[dict, AppTest]:
    """The seed article `number` ('004') and the Reader opened on it with URL `params`."""
    article = next(
        a for a in read_table(seed_build, "articles") if Path(a["origin"]).name.startswith(number)
    )
    monkeypatch.setenv(ENV_VAR, str(seed_build))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["article"] = article["article_id"]
    for name, value in params.items():
        app.query_params[name] = value
    app.run().switch_page("views/reader.py").run()
    assert not app.exception
    return article, app


def test_reader_highlights_entities_dates_and_the_text_filter(monkeypatch, seed_build) -> None:
    seed_004, app = open_reader(monkeypatch, seed_build, "004", q="бизнес-миссию")
    assert app.subheader[0].value == seed_004["title"]
    body = app.main.get("html")[-1].proto.body
    # "9–10 февраля" is a date resolved against 22 January 2026; the USA Chamber of Commerce
    # is an organisation linking to its profile with the filter kept; the text filter is marked.
    assert '<mark title="2026-02-09 – 2026-02-10" style="background: #efe0fa' in body
    assert ">9–10 февраля</mark>" in body
    assert 'href="actors?profile=' in body and "&amp;q=" in body
    query_mark = 'style="background: #fff59d; border-radius: 3px; padding: 0 2px">'
    assert f"{query_mark}бизнес</mark>-<mark" in body and f"{query_mark}миссию</mark>" in body
    # Nothing is lost: the page shows the whole text once the markup is taken out.
    plain = re.sub(r"<[^>]+>", "", body)
    assert html.unescape(plain) == seed_004["text"]


def test_reader_shows_a_headline_once_with_its_entities(monkeypatch, seed_build) -> None:
    seed_001, app = open_reader(monkeypatch, seed_build, "001")
    assert not app.subheader  # the headline is the text's first paragraph, shown as a heading
    body = app.main.get("html")[-1].proto.body
    heading = body.split('<div style="white-space: pre-wrap', 1)[0]
    assert heading.startswith('<div style="font-size: 1.35rem; font-weight: 600">Госминистр: У ')
    assert ">Лондона</mark>" in heading and ">Баку</mark>" in heading
    # The headline and the body together are the whole text, each shown once.
    plain = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert plain == seed_001["text"].replace("\n\n", "", 1)


PAGES = {
    "views/overview.py": "Overview",
    "views/actors.py": "Actors",
    "views/sources.py": "Sources",
    "views/quotes.py": "Quotes",
    "views/countries.py": "Countries",
    "views/network.py": "Network",
    "views/topics.py": "Topics",
    "views/timeline.py": "Timeline",
    "views/search.py": "Search",
    "views/reader.py": "Reader",
    "views/about.py": "About the data",
}
#: Seeds 000, 001 and 003 name Azerbaijan and were published in December 2025.
SOME = {"country": ["AZE"], "from": ["2025-12-01"], "to": ["2025-12-31"], "term": ["НАТО"]}
NOTHING = {"q": ["ни одна статья не содержит этого"], "term": ["НАТО"]}


def _open(monkeypatch, directory, page: str, params: dict[str, list[str]]) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(directory))
    app = AppTest.from_file(APP, default_timeout=60)
    for name, values in params.items():
        app.query_params[name] = values
    app.run().switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    assert [t.value for t in app.title] == [PAGES[page]]
    return app


@pytest.mark.parametrize("page", PAGES)
def test_every_page_with_and_without_filters(monkeypatch, seed_build, page) -> None:
    whole = _open(monkeypatch, seed_build, page, {"term": ["НАТО"]})
    some = _open(monkeypatch, seed_build, page, SOME)
    assert some.multiselect(key="f-countries").value == ["AZE"]
    if page != "views/about.py":  # About describes the build, not a selection
        assert _charts(whole) or whole.dataframe
        assert _charts(some) or some.dataframe
        none = _open(monkeypatch, seed_build, page, NOTHING)
        assert [i.value for i in none.info] == [
            "No articles match the filters. Change or clear them in the sidebar."
        ]
        assert not _charts(none)


def _charts(app: AppTest) -> list:
    """The page's charts, Plotly's and ECharts' (the Overview's)."""
    return [*app.get("plotly_chart"), *app.get("echarts_chart")]


def test_pages_explain_missing_optional_tables(monkeypatch, seed_build, tmp_path) -> None:
    partial = tmp_path / "partial"
    shutil.copytree(seed_build, partial)
    for name in ("topics", "article_topics", "events", "quotes"):
        (partial / f"{name}.parquet").unlink()
    for page in PAGES:
        app = _open(monkeypatch, partial, page, {})
        warned = " ".join(w.value for w in app.warning)
        if page == "views/timeline.py":
            assert "has no `events.parquet`: it was built without the events stage" in warned
        elif page == "views/quotes.py":
            assert "has no `quotes.parquet`: it was built without the quotes stage" in warned
        elif page in ("views/topics.py", "views/overview.py"):
            assert "`topics.parquet`" in warned and "topics stage" in warned
        elif page == "views/about.py":  # the build's description lists everything it lacks
            assert (
                "no `topics.parquet`, `article_topics.parquet`, `events.parquet` and "
                "`quotes.parquet`"
            ) in warned
            assert "without the events, quotes and topics stages" in warned
        else:
            assert not warned
        if warned:
            assert app.code[0].value == f"obzor build {SEEDS} --out {partial.resolve()}"


def _seed_text(seed_build, number: str) -> dict:
    return next(
        a for a in read_table(seed_build, "articles") if Path(a["origin"]).name[:3] == number
    )


def test_search_finds_every_form_of_a_lemma(seed_build) -> None:
    built = open_build(seed_build)
    hits = concordance(built, NONE, "lemma", "визитами", 5, 1000)  # a form not in the seeds
    texts = [a["text"] for a in read_table(seed_build, "articles")]
    # Hand-written forms of the noun: a different route to the same hits.
    forms = re.compile(r"(?<!\w)визит(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)", re.IGNORECASE)
    expected = sum(len(forms.findall(t)) for t in texts)
    assert len(hits) == expected == 26
    assert set(hits["match"].str.lower()) == {
        "визит",
        "визита",
        "визитам",
        "визитов",
        "визитом",
        "визиты",
    }
    exact = concordance(built, NONE, "word", "визит", 5, 1000)
    assert set(exact["match"].str.lower()) == {"визит"} and len(exact) == 3


def test_search_reads_the_newest_articles_first_until_the_limit(seed_build, monkeypatch) -> None:
    """A word concordance reads the texts a few articles at a time, newest first, and stops
    once it has its hits: the same hits, in the same order, as reading every text."""
    built = open_build(seed_build)
    every = concordance(built, NONE, "lemma", "визитами", 5, 1000)
    published = every["published"].dropna().tolist()
    assert published == sorted(published, reverse=True) and len(set(published)) > 1
    monkeypatch.setattr(search, "_FIRST_TEXTS", 1)  # one article, then two, then four
    search._concordance.clear(), search._matched.clear()
    for limit in (1, 10, 26):
        pd.testing.assert_frame_equal(
            concordance(built, NONE, "lemma", "визитами", 5, limit), every.head(limit)
        )


def test_search_reads_the_texts_a_filter_change_has_not_read(seed_build, monkeypatch) -> None:
    """The matches of an article read for one filter state serve the next: a filter change
    reads the texts of the articles no concordance of the term has read yet, and finds what
    reading every text finds."""
    built = open_build(seed_build)
    search._concordance.clear(), search._matched.clear()
    every = concordance(built, NONE, "lemma", "визитами", 5, 1000)
    using = set(every["article_id"])
    newest = every["published"].max()
    read: list[str] = []
    articles = search._articles

    def reading(cursor, wanted):
        read.extend(wanted["article_id"].to_pylist())
        return articles(cursor, wanted)

    monkeypatch.setattr(search, "_articles", reading)
    search._concordance.clear(), search._matched.clear()
    older = concordance(
        built, Filters(end=newest - dt.timedelta(days=1)), "lemma", "визитами", 5, 1000
    )
    first = set(read)
    assert first == set(older["article_id"]) and 0 < len(first) < len(using)
    read.clear()
    again = concordance(built, NONE, "lemma", "визитами", 5, 1000)
    assert set(read) == using - first and len(read) == len(set(read))
    pd.testing.assert_frame_equal(again, every)


def test_search_reads_texts_at_their_dates_or_found_by_id(seed_build) -> None:
    """The concordance reads its articles' titles, sources and texts from `article_texts` in
    the row groups of the wanted dates; an article wanted without a date (seed 002 has none;
    seed 001's date is left out as the inferred-dates switch leaves a dateline's out) is read
    at the date the table has for it."""
    built = open_build(seed_build)
    articles = read_table(seed_build, "articles")
    kept = {a["article_id"]: (a["title"], a["source"], a["text"]) for a in articles}
    undated = _seed_text(seed_build, "002")["article_id"]
    hidden = _seed_text(seed_build, "001")["article_id"]
    assert {a["article_id"]: a["published"] for a in articles}[undated] is None
    wanted = pa.table(
        {
            "article_id": [a["article_id"] for a in articles],
            "published": [None if a["article_id"] == hidden else a["published"] for a in articles],
        }
    )
    cursor = store.new_cursor(built.directory, built.build_id, None)
    assert search._articles(cursor, wanted) == kept
    # Two of them: those two alone, the dated one at its date.
    two = wanted.filter(pc.is_in(wanted["article_id"], pa.array([undated, hidden])))
    assert search._articles(cursor, two) == {i: kept[i] for i in (undated, hidden)}
    newest = wanted.slice(0, 1)
    assert search._articles(cursor, newest) == {
        articles[0]["article_id"]: kept[articles[0]["article_id"]]
    }


def test_search_context_and_order(seed_build) -> None:
    built = open_build(seed_build)
    hits = concordance(built, NONE, "word", "Лоренцсон", 3, 1000)
    seed_000 = _seed_text(seed_build, "000")
    # The interview labels its answers "Т. Лоренцсон:"; the lead names him once in full.
    assert len(hits) == seed_000["text"].count("Лоренцсон") == 6
    assert set(hits["article_id"]) == {seed_000["article_id"]}
    for hit in hits.itertuples():
        assert seed_000["text"][hit.start : hit.stop] == "Лоренцсон"
    assert hits["left"].iloc[0] == "(Словакия) и Тобиас"  # three words either side
    assert hits["right"].iloc[0] == "(Швеция) - в"
    by_left = sort_concordance(hits, "left")
    assert by_left["left"].iloc[-1].endswith("Тобиас")  # 'тобиас' after every 'т.'


def test_search_by_entity_finds_inflected_mentions(seed_build) -> None:
    built = open_build(seed_build)
    (aliyev,) = [e for e in read_table(seed_build, "entities") if e["name"] == "Ильхам Алиев"]
    hits = concordance(built, NONE, "entity", aliyev["entity_id"], 4, 1000)
    mentions = [
        m for m in read_table(seed_build, "mentions") if m["entity_id"] == aliyev["entity_id"]
    ]
    assert len(hits) == len(mentions)
    assert {"Ильхам Алиев", "Ильхамом Алиевым"} <= set(hits["match"])
    # Of the articles published from 10 December 2025 (seeds 000, 003 and 004), the mentions
    # in those alone, read in the row groups of their dates.
    published = {a["article_id"]: a["published"] for a in read_table(seed_build, "articles")}
    since = dt.date(2025, 12, 10)
    later = [m for m in mentions if (published[m["article_id"]] or dt.date.min) >= since]
    hits = concordance(built, Filters(start=since), "entity", aliyev["entity_id"], 4, 1000)
    assert 0 < len(hits) == len(later) < len(mentions)
    assert set(hits["article_id"]) == {m["article_id"] for m in later}


def test_search_page_keeps_its_state_in_the_url(monkeypatch, seed_build) -> None:
    app = _open(
        monkeypatch,
        seed_build,
        "views/search.py",
        {"term": ["Лоренцсон"], "mode": ["word"], "width": ["4"]},
    )
    assert len(app.dataframe[0].value) == 6
    assert app.slider(key="q-width").value == 4
    app.radio(key="q-mode").set_value("lemma").run()
    app.text_input(key="q-term").set_value("министерство").run()
    assert dict(app.query_params) == {
        "mode": "lemma",
        "term": "министерство",
        "width": "4",
        "order": "article",
    }
    assert app.caption[0].value.startswith("Looking for every form of «министерство»")


def test_network_links_what_sentences_name_together(seed_build) -> None:
    built = open_build(seed_build)
    nodes, edges = network(built, NONE, "sentence", 150, 80)
    names = dict(zip(nodes["node"], nodes["name"], strict=True))
    pairs = {frozenset((names[a], names[b])): (w, n) for a, b, w, n in edges.itertuples(False)}
    # Seed 003: "В 2024 году количество граждан Казахстана, посетивших Азербайджан ..." and
    # "... Казахстан выразил намерение закупить в Азербайджане ..." among others.
    weight, articles = pairs[frozenset(("Kazakhstan", "Azerbaijan"))]
    assert weight >= 2 and articles == 1
    # Seed 000: "... Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг ..."
    assert frozenset(("НАТО", "Йенс Столтенберг")) in pairs
    g = graph(nodes, edges, 2)
    assert min(w for _, _, w in g.edges(data="weight")) >= 2
    plotted, links = graph_tables(g)
    assert set(plotted["node"]) == set(g.nodes) and len(links) == g.number_of_edges()
    back = nx.read_gexf(io.BytesIO(to_gexf(g)))
    assert back.number_of_edges() == len(links)
    # The same data gives the same layout and communities.
    again = graph_tables(graph(nodes, edges, 2))[0]
    pd.testing.assert_frame_equal(plotted, again)


def test_network_layout_does_not_depend_on_the_hash_seed(seed_build, tmp_path) -> None:
    """Two processes with different string hashing draw the seeds' network the same: every
    node's position and community, and the links (a small part's node order once followed a
    set's iteration order, and the seeded layout moved with it)."""
    nodes, edges = network(open_build(seed_build), NONE, "sentence", 150, 80)
    nodes.to_parquet(tmp_path / "nodes.parquet")
    edges.to_parquet(tmp_path / "edges.parquet")
    script = (
        "import sys, pandas as pd; from dashboard.graph import graph, graph_tables; "
        "d = sys.argv[1]; g = graph(pd.read_parquet(d + '/nodes.parquet'), "
        "pd.read_parquet(d + '/edges.parquet'), 1); "
        "a, b = graph_tables(g); print(a.to_csv(index=False) + b.to_csv(index=False))"
    )
    drawn = {
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(drawn) == 1 and drawn.pop().count("\n") > 10


def test_network_figure_draws_each_link_between_its_nodes(seed_build) -> None:
    """Every link of the seeds' network is a segment of an edge trace from its source's
    position to its target's, segments apart (a gap between them), and the nodes' trace last;
    positions in single precision, well under a pixel from the layout's on a 620-pixel chart."""
    from dashboard.charts import network as network_chart

    nodes, edges = network(open_build(seed_build), NONE, "sentence", 150, 80)
    plotted, links = graph_tables(graph(nodes, edges, 1))
    figure = network_chart(plotted, links)
    px, py = (plotted[c].to_numpy(np.float32) for c in ("x", "y"))
    at = dict(zip(plotted["node"], zip(px.tolist(), py.tolist(), strict=True), strict=True))
    drawn = []
    for trace in figure.data[:-1]:
        xs, ys = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
        assert len(xs) % 3 == 0 and np.isnan(xs[2::3]).all() and np.isnan(ys[2::3]).all()
        drawn += [
            ((a, b), (c, d))
            for a, b, c, d in zip(xs[::3], ys[::3], xs[1::3], ys[1::3], strict=True)
        ]
    wanted = [(at[s], at[t]) for s, t in zip(links["source"], links["target"], strict=True)]
    assert sorted(drawn) == sorted(wanted)
    assert all(t.x.dtype == t.y.dtype == np.float32 for t in figure.data)
    assert list(figure.data[-1].x) == px.tolist() and list(figure.data[-1].y) == py.tolist()
    span = max(np.ptp(plotted["x"]), np.ptp(plotted["y"]))
    off = max(np.abs(px - plotted["x"]).max(), np.abs(py - plotted["y"]).max())
    assert off / span * 620 < 1e-3


@pytest.mark.parametrize(
    "dates, headlines",
    [
        ((None, None), False),
        ((dt.date(2025, 12, 10), dt.date(2025, 12, 31)), False),
        ((None, None), True),
    ],
)
def test_network_keeps_the_most_covered_nodes_and_counts_shared_units(
    seed_build, dates, headlines
) -> None:
    """The few most covered actors (people here) and countries, ranked by articles, then units,
    then id, and each pair's shared paragraphs and articles, as the seed build's tables give
    them; of every article, and of those published in the second half of December (seeds 000
    and 003), whose mentions and articles' entities the page reads in the row groups of those
    dates; and of the headlines alone. The actors are ranked on their articles before their
    units are read, so ties of articles at the last kept actor are broken by units here too;
    an actor's articles are those the Actors page gives it under the same filters."""
    built = open_build(seed_build)
    start, end = dates
    types = {e["entity_id"]: e["type"] for e in read_table(seed_build, "entities")}
    chosen = {
        a["article_id"]
        for a in read_table(seed_build, "articles")
        if start is None or (a["published"] is not None and start <= a["published"] <= end)
    }
    units = {}
    for m in read_table(seed_build, "mentions"):
        if headlines and not m["in_headline"]:
            continue
        if types[m["entity_id"]] == "PER" and m["article_id"] in chosen:
            units.setdefault(("actor", m["entity_id"]), set()).add(
                (m["article_id"], m["paragraph"])
            )
    for c in read_table(seed_build, "country_mentions"):
        if headlines and not c["in_headline"]:
            continue
        if c["via"] in ("name", "adjective", "capital", "city") and c["article_id"] in chosen:
            units.setdefault(("country", c["country"]), set()).add(
                (c["article_id"], c["paragraph"])
            )

    def top(kind: str, n: int) -> list[tuple]:
        ranked = sorted(
            (-len({a for a, _ in u}), -len(u), node) for (k, node), u in units.items() if k == kind
        )
        return [(node, kind, -articles, -count) for articles, count, node in ranked[:n]]

    kept = top("actor", 6) + top("country", 4)
    filters = Filters(start=start, end=end, types=("PER",), headlines=headlines)
    nodes, edges = network(built, filters, "paragraph", 6, 4)
    got = nodes[["node", "kind", "articles", "units"]].itertuples(index=False, name=None)
    assert sorted(got, key=lambda n: (-n[2], -n[3], n[0])) == sorted(
        kept, key=lambda n: (-n[2], -n[3], n[0])
    )
    ranked = top_actors(built, filters, 1000).set_index("entity_id")["articles"]
    for node, kind, articles, _ in kept:
        assert kind == "country" or ranked[node] == articles
    expected = {}
    for i, (a, ka, *_) in enumerate(kept):
        for b, kb, *_ in kept[i + 1 :]:
            shared_units = units[(ka, a)] & units[(kb, b)]
            if shared_units:
                pair = tuple(sorted((a, b)))
                expected[pair] = (len(shared_units), len({art for art, _ in shared_units}))
    assert {(s, t): (w, n) for s, t, w, n in edges.itertuples(False)} == expected
    assert len(expected) >= (1 if headlines else 5 if start is None else 2)


def test_search_phrases_and_usage_per_month(seed_build, seed_articles) -> None:
    built = open_build(seed_build)
    # Seed 003 (29 Dec 2025) writes "Средний коридор" twice and the phrase in other cases 5
    # times; seed 004 has "коридор" alone, not after "средний".
    exact = concordance(built, NONE, "word", "Средний коридор", 3, 100)
    assert exact["match"].tolist() == ["Средний коридор"] * 2
    inflected = concordance(built, NONE, "lemma", "средний коридор", 3, 100)
    assert len(inflected) == 7 and set(inflected["article_id"]) == {
        seed_articles["003"]["article_id"]
    }
    monthly = usage_per_month(built, NONE, "lemma", "средний коридор")
    # Dated seeds: three in December 2025 (000, 001, 003), one in January 2026 (004).
    assert monthly.to_dict("list") == {
        "month": ["2025-12", "2026-01"],
        "articles": [1, 0],
        "all_articles": [3, 1],
        "share": [round(1 / 3, 4), 0.0],
    }
    word = usage_per_month(built, NONE, "lemma", "коридор")  # 003 and 004
    assert word["articles"].tolist() == [1, 1]


def _varied_filters(n: int) -> Filters:
    """The `n`-th of many filter states over the seeds, none equal to another, so that every
    query misses the caches: a start date of its own, with a country, a text word, the
    headline switch or dateline dates off in turn."""
    start = dt.date(2025, 11, 1) + dt.timedelta(days=n)
    kinds = [
        {"countries": ("AZE",)},
        {"text": "Баку"},
        {"headlines": True},
        {"inferred": False},
        {},
    ]
    return Filters(start=start, **kinds[n % len(kinds)])


#: The query functions of several pages, each called with a build and filters.
_PAGE_QUERIES = [
    lambda b, f: articles_per_month(b, f),
    lambda b, f: top_countries(b, f, 15),
    lambda b, f: country_months(b, f, 20),
    lambda b, f: country_pairs(b, f, 20),
    lambda b, f: top_actors(b, f, 15),
    lambda b, f: topic_list(b, f),
    lambda b, f: topics_over_time(b, f),
    lambda b, f: network(b, f, "sentence", 40, 20),
    lambda b, f: timeline(b, f, "event", "country"),
    lambda b, f: quotes(b, f, QuoteQuery(), 200),
    lambda b, f: concordance(b, f, "lemma", "НАТО", 8, 100),
    lambda b, f: usage_per_month(b, f, "lemma", "НАТО"),
]


def test_concurrent_sessions_query_without_errors(seed_build) -> None:
    """Sessions run their page's queries in threads of their own at once: every query of every
    page, with filters of each thread's own, round after round, runs without an exception and
    gives what the same query gives alone."""
    from concurrent.futures import ThreadPoolExecutor

    built = open_build(seed_build)
    threads, rounds = 6, 12

    def session(number: int) -> list[tuple[int, pd.DataFrame]]:
        found = []
        for turn in range(rounds):
            n = number * rounds + turn
            result = _PAGE_QUERIES[n % len(_PAGE_QUERIES)](built, _varied_filters(n))
            found.append((n, result))
        return found

    with ThreadPoolExecutor(threads) as pool:
        results = [r for rs in pool.map(session, range(threads)) for r in rs]
    assert len(results) == threads * rounds
    # The same queries alone, one at a time, after the caches are emptied.
    import streamlit as st

    st.cache_data.clear(), st.cache_resource.clear()
    for n, result in results:
        alone = _PAGE_QUERIES[n % len(_PAGE_QUERIES)](built, _varied_filters(n))
        if isinstance(result, tuple):
            for got, want in zip(result, alone, strict=True):
                pd.testing.assert_frame_equal(got, want)
        else:
            pd.testing.assert_frame_equal(result, alone)


#: A query that runs for minutes: a sum over 10^12 numbers.
_ENDLESS = "SELECT sum(i % 7) AS total FROM range(1000000000000) AS t(i)"


def test_a_query_past_the_time_limit_says_so_and_the_page_goes_on(monkeypatch, seed_build) -> None:
    """On the Countries page, the query of the countries named together runs for minutes; at
    the limit it is interrupted, its chart says so, and the map and the months still draw."""
    import time

    import dashboard.queries.countries as country_queries
    from dashboard import store
    from dashboard.widgets.guards import TOO_SLOW

    def endless_pairs(build, filters, sql, *params):
        """The real `store.filtered`, with the pairs' SQL swapped for an endless one."""
        if "pairs AS" in sql:
            sql, params = _ENDLESS, ()
        return store.filtered(build, filters, sql, *params)

    monkeypatch.setattr(country_queries, "filtered", endless_pairs)
    monkeypatch.setenv(store.TIME_LIMIT_VAR, "1500")
    started = time.monotonic()
    app = _open(monkeypatch, seed_build, "views/countries.py", {})
    assert time.monotonic() - started < 30
    assert [w.value for w in app.warning] == [TOO_SLOW]
    # The map and the month-by-month heatmap; the pairs' chart is not drawn.
    charts = app.get("plotly_chart")
    assert len(charts) == 2
    assert [s.value for s in app.subheader] == [
        "Articles naming each country",
        "Month by month",
        "Named together",
    ]
    assert not [c for c in app.caption if "diagonal" in c.value]


def test_only_the_blocks_past_the_time_limit_are_interrupted(monkeypatch, seed_build) -> None:
    """Blocks of queries in threads at once, under one watchdog: an endless block is
    interrupted at its limit, and one that started later with a shorter limit at its own,
    before the first; the quick blocks beside them, each a query of its own, finish
    untouched."""
    import threading
    import time

    from dashboard import store

    built = open_build(seed_build)
    monkeypatch.setenv(store.TIME_LIMIT_VAR, "800")
    found: dict[str, object] = {}
    watched = {name: threading.Event() for name in ("slow", "quick")}

    def endless(name: str) -> None:
        started = time.monotonic()
        try:
            with store.time_limited(store.new_cursor(built.directory, built.build_id, None)) as c:
                watched[name].set()  # the block has read its limit
                c.execute(_ENDLESS).fetchall()
        except store.TooSlow:
            found[name] = time.monotonic() - started

    slow = threading.Thread(target=endless, args=("slow",))
    slow.start()
    watched["slow"].wait()
    time.sleep(0.2)
    monkeypatch.setenv(store.TIME_LIMIT_VAR, "200")
    quick = threading.Thread(target=endless, args=("quick",))
    quick.start()
    watched["quick"].wait()
    # the quick blocks get a limit no loaded machine reaches: only the endless ones may stop
    monkeypatch.setenv(store.TIME_LIMIT_VAR, "60000")
    sql = "SELECT count(*) + ? AS n FROM articles"  # a query of its own each time: no cache
    counts = [query(built, sql, i)["n"].iloc[0] - i for i in range(50)]
    quick.join(), slow.join()
    assert set(counts) == {len(read_table(seed_build, "articles"))}
    assert 0.2 <= found["quick"] < found["slow"]
    assert 0.8 <= found["slow"] < 5


def _sidebar_losing_widget_state(directory: str) -> None:
    """The sidebar's filters; on a run with `drop` set, the country and inferred-dates widgets'
    state is gone first, as Streamlit dropped it under load when a page was switched while a
    run still went on."""
    from pathlib import Path

    import streamlit as st

    from dashboard.store import open_build
    from dashboard.widgets import sidebar

    if st.session_state.get("drop"):
        for key in ("f-countries", "f-inferred"):
            st.session_state.pop(key, None)
    sidebar.filters(open_build(Path(directory)))


def test_filters_survive_dropped_widget_state(seed_build) -> None:
    """The filters this session applied come back, not the widgets' defaults (no country,
    inferred dates off)."""
    app = AppTest.from_function(
        _sidebar_losing_widget_state, args=(str(seed_build),), default_timeout=60
    )
    app.query_params["country"] = ["AZE"]
    app.run()
    app.query_params.clear()  # a page switch drops the query string
    app.session_state["drop"] = True
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.multiselect(key="f-countries").value == ["AZE"]
    assert app.toggle(key="f-inferred").value is True
    assert app.query_params["country"] == "AZE" and "inferred" not in app.query_params
    # A page switch that brings the toggle's default value instead of its state.
    app.session_state["drop"] = False
    app.query_params.clear()
    app.toggle(key="f-inferred").set_value(False).run()
    assert app.toggle(key="f-inferred").value is True
    assert app.multiselect(key="f-countries").value == ["AZE"]
    # Without a page switch the toggle does turn off.
    app.toggle(key="f-inferred").set_value(False).run()
    assert app.toggle(key="f-inferred").value is False
    assert app.query_params["inferred"] == "0"
