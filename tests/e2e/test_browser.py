"""End to end: `streamlit run` on a free port, driven by Playwright in Debian's chromium.

Set OBZOR_REQUIRE_BROWSER=1 (CI does) to make a missing browser a failure instead of a skip.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from conftest import ROOT, read_table

from dashboard.filters import Filters
from dashboard.probe import CHROMIUM, CHROMIUM_FLAGS, IDLE, serve
from pipeline.build import build

#: A CSV is written when its button is clicked, in a run of the page's script: on a loaded
#: machine that run alone may take longer than Playwright's default 30 s.
DOWNLOAD_TIMEOUT = 90_000

NONE = Filters()  # no filters: the whole build

pytestmark = pytest.mark.browser


def _unavailable(reason: str) -> None:
    if os.environ.get("OBZOR_REQUIRE_BROWSER"):
        pytest.fail(f"{reason} and OBZOR_REQUIRE_BROWSER is set (apt-get install -y chromium)")
    pytest.skip(reason)


@contextmanager
def _serve(directory: Path) -> Iterator[str]:
    """The real app over `directory`; a test failure with its output when it does not start."""
    try:
        with serve(directory) as (url, _):
            yield url
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def server(seed_build: Path) -> Iterator[str]:
    with _serve(seed_build) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"no chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="module")
def page(browser, server: str):
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT)
    tab = context.new_page()
    tab.requests, tab.errors, tab.failed = [], [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("response", lambda r: tab.failed.append(r.url) if r.status >= 400 else None)
    yield tab
    context.close()


#: The Overview's charts (ECharts, drawn on a canvas).
_ECHARTS = '[data-testid="stEChartsChart"]'


def test_overview_chart_and_csv_download(page, server: str) -> None:
    page.goto(server)
    chart = page.locator(_ECHARTS).first
    chart.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)  # every chart's button is there
    # Two months with articles in the seeds: December 2025 (3) and January 2026 (1); the
    # chart's description for screen readers says so.
    assert chart.get_attribute("aria-label") == "Articles per month: Dec 2025 3; Jan 2026 1."
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        page.get_by_role("button", name="Download data (CSV)").first.click()
    download = info.value
    assert download.suggested_filename == "articles_per_month.csv"
    assert Path(download.path()).read_bytes() == b"month,articles\n2025-12,3\n2026-01,1\n"


def test_overview_lists_its_articles_after_one_click(page, server: str, seed_build: Path) -> None:
    """The Overview's first view sends no table: its article list opens from an expander (the
    URL keeps it open), with the selection's articles and their CSV and provenance."""
    from dashboard.export import to_csv
    from dashboard.queries.articles import article_list
    from dashboard.store import open_build

    page.goto(f"{server}/?from=2025-12-10")
    page.get_by_role("heading", level=1, name="Overview").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    assert page.get_by_test_id("stDataFrame").count() == 0
    assert page.evaluate(_CHUNK_LOADS) == [0, 0, 1]  # nor the data frame's code, nor Plotly's
    page.get_by_text("The articles, newest first").click()
    page.get_by_test_id("stDataFrame").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    assert page.evaluate(_CHUNK_LOADS) == [0, 1, 1]
    assert parse_qs(urlparse(page.url).query) == {"from": ["2025-12-10"], "articles": ["true"]}
    listed = page.get_by_test_id("stExpander")
    filters = Filters(start=dt.date(2025, 12, 10))
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        listed.get_by_role("button", name="Download data (CSV)").click()
    assert info.value.suggested_filename == "article_list.csv"
    got = Path(info.value.path()).read_bytes()
    assert got == to_csv(article_list(open_build(seed_build), filters, 1000))
    assert got.count(b"\n") == 4  # the header and seeds 004, 003 and 000
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        listed.get_by_role("button", name="Provenance (JSON)").click()
    provenance = json.loads(Path(info.value.path()).read_text())
    assert provenance["filters"] == {"start": "2025-12-10"}
    assert provenance["chart"] == "article_list"


#: Each chart of the page that is drawn (a Plotly chart with a trace, an ECharts chart with its
#: canvas), of all its charts; elements still waiting for their component's code; the app's
#: script state.
_DRAWN = """() => {
    const plotly = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    const echarts = [...document.querySelectorAll('[data-testid="stEChartsChart"]')];
    const drawn = plotly.filter(c => c.querySelector('.main-svg g.trace')).length
        + echarts.filter(c => c.querySelector('canvas')).length;
    return [drawn, plotly.length + echarts.length,
        document.querySelectorAll('[data-testid="stSkeleton"]').length,
        document.querySelector('[data-testid="stApp"]').dataset.testScriptState];
}"""


def test_a_page_is_drawn_only_once_its_charts_are(browser, server: str) -> None:
    """`IDLE`, the benchmark's "drawn": in a new browser context Streamlit may still load a
    chart's code after the page's script has finished, showing skeletons meanwhile; the
    Overview is drawn once its four charts (ECharts) have their canvas, and the next page,
    opened from the sidebar, once its two Plotly charts have their traces (Plotly's code is
    loaded only then)."""
    tab = browser.new_context(viewport=VIEWPORT).new_page()
    try:
        tab.goto(server)
        tab.get_by_role("heading", level=1, name="Overview").wait_for(timeout=30_000)
        tab.wait_for_function(IDLE, timeout=60_000, polling=50)
        assert tab.evaluate(_DRAWN) == [4, 4, 0, "notRunning"]
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Topics").click()
        tab.get_by_role("heading", level=1, name="Topics").wait_for(timeout=30_000)
        tab.wait_for_function(IDLE, timeout=60_000, polling=50)
        assert tab.evaluate(_DRAWN) == [2, 2, 0, "notRunning"]
    finally:
        tab.context.close()


#: How many times this tab requested Streamlit's chunk of Plotly charts, of data frames and of
#: ECharts charts.
_CHUNK_LOADS = """() => ['PlotlyChart.', 'DataFrame.', 'EChartsChart.'].map(kind => performance
    .getEntriesByType('resource')
    .filter(r => new URL(r.name).pathname.split('/').pop().startsWith(kind))
    .filter(r => r.name.endsWith('.js')).length)"""


#: How the element that imports those chunks is displayed.
_IMPORTS_SHOWN = """() => getComputedStyle(document.querySelector('script[data-early-chunks]')
    .closest('[data-testid="stElementContainer"]')).display"""


def test_chart_code_loads_once_from_the_first_page(browser, server: str) -> None:
    """The first page a tab opens imports Plotly's code even when it has no chart (About),
    from the same URL the charts import it by, and the data frame's: the Topics page opened
    next draws its two charts from that module, with no second request of either; the
    Overview's ECharts code is requested once, when its charts arrive."""
    tab = browser.new_context(viewport=VIEWPORT).new_page()
    try:
        tab.goto(f"{server}/about")
        tab.get_by_role("heading", level=1, name="About the data").wait_for(timeout=30_000)
        tab.wait_for_function(f"() => ({_CHUNK_LOADS})()[0] > 0", timeout=60_000, polling=50)
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Topics").click()
        tab.get_by_role("heading", level=1, name="Topics").wait_for(timeout=30_000)
        tab.wait_for_function(IDLE, timeout=60_000, polling=50)
        assert tab.evaluate(_DRAWN) == [2, 2, 0, "notRunning"]
        assert tab.evaluate(_CHUNK_LOADS) == [1, 1, 0]
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Overview").click()
        tab.get_by_role("heading", level=1, name="Overview").wait_for(timeout=30_000)
        tab.wait_for_function(IDLE, timeout=60_000, polling=50)
        assert tab.evaluate(_DRAWN) == [4, 4, 0, "notRunning"]
        assert tab.evaluate(_CHUNK_LOADS) == [1, 1, 1]
        assert tab.evaluate(_IMPORTS_SHOWN) == "none"  # the importing element takes no room
    finally:
        tab.context.close()


def test_page_loads_nothing_from_outside(page, server: str) -> None:
    page.goto(server)
    page.locator(f"{_ECHARTS} canvas").first.wait_for(timeout=30_000)
    hosts = {urlparse(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts


def test_about_page_in_browser(page, server: str) -> None:
    page.goto(f"{server}/about")
    page.get_by_role("heading", name="About the data").wait_for(timeout=30_000)
    page.get_by_text("Every input became an article.").wait_for(timeout=30_000)


def test_topics_page_link_and_csv(page, server: str, seed_build: Path) -> None:
    from dashboard.export import to_csv
    from dashboard.queries.topics import topic_list
    from dashboard.store import open_build

    page.goto(f"{server}/topics?show=1")
    page.get_by_role("heading", name="Topics").wait_for(timeout=30_000)
    page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first.wait_for(timeout=30_000)
    topics = topic_list(open_build(seed_build), NONE)
    # The topic in the link is the one shown.
    chosen = page.get_by_role("combobox", name="Topic", exact=True)
    assert chosen.input_value() == f"1 · {topics.label[1]}"
    assert "show=1" in page.url
    page.wait_for_function(IDLE, timeout=30_000, polling=50)  # every chart's button is there
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        page.get_by_role("button", name="Download data (CSV)").first.click()
    download = info.value
    assert download.suggested_filename == "topic_sizes.csv"
    assert Path(download.path()).read_bytes() == to_csv(topics)


def test_timeline_click_opens_article_and_csv(page, server: str, seed_build: Path) -> None:
    from dashboard.charts import timeline_groups, timeline_markers
    from dashboard.export import to_csv
    from dashboard.queries.timeline import timeline, with_sentences
    from dashboard.store import open_build

    page.goto(f"{server}/timeline")
    page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
    chart = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    points = chart.locator("g.trace.scatter path.point")
    points.first.wait_for(timeout=30_000)
    built = open_build(seed_build)
    recent = timeline(built, NONE, "event", "country")
    recent = with_sentences(built, recent[~recent["history"]].reset_index(drop=True))
    groups = timeline_groups(recent, "No country named")
    markers = timeline_markers(recent, groups)  # a marker per day and row, row by row
    assert points.count() == len(markers)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)  # every chart's button is there
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        page.get_by_role("button", name="Download data (CSV)").first.click()
    download = info.value
    assert download.suggested_filename == "timeline_event_country.csv"
    assert Path(download.path()).read_bytes() == to_csv(recent)

    # Rows drawn top down: the last point drawn is the bottom row's latest.
    points.last.click(force=True)
    page.get_by_role("heading", name="Article").wait_for(timeout=30_000)
    last = markers[markers["group"] == groups[-1]].iloc[-1]
    assert f"article={last.article_id}" in page.url and f"at={last.start}" in page.url
    page.get_by_text(last.sentence[:60]).first.wait_for(timeout=10_000)


def test_filters_live_in_the_url_and_follow_page_switches(
    page, server: str, seed_build: Path
) -> None:
    kazakh = {
        m["article_id"] for m in read_table(seed_build, "country_mentions") if m["country"] == "KAZ"
    }
    from playwright.sync_api import expect

    page.goto(f"{server}/?country=KAZ")
    page.get_by_role("heading", name="Overview").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    # Read once the app is idle, and again until it holds: under load a read right after the
    # heading once caught another metric's value ("29 Dec 2025") mid-render.
    count = page.get_by_test_id("stMetricValue").first
    expect(count).to_have_text(str(len(kazakh)), timeout=10_000)
    page.get_by_role("link", name="Timeline").click()
    page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('country=KAZ')", timeout=10_000)
    assert "/timeline" in page.url


def test_click_on_a_bar_adds_a_filter(page, server: str) -> None:
    page.goto(server)
    page.get_by_role("heading", name="Top countries").wait_for(timeout=30_000)
    chart = page.locator(_ECHARTS).nth(1)
    chart.locator("canvas").first.wait_for(timeout=30_000)
    # A click while the page still renders can land on a chart that is then replaced (1 run
    # in 8 lost it): click once the app is idle.
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    # The top bar (Azerbaijan, in every seed: the longest) at the chart's middle: the bars'
    # rows are 28 px high from 10 px down.
    box = chart.bounding_box()
    chart.click(position={"x": box["width"] / 2, "y": 22})
    page.wait_for_function("() => window.location.search.includes('country=AZE')", timeout=10_000)


#: For each chart of horizontal bars: whether its axes measure their labels (`automargin`),
#: and how many pixels its widest tick label reaches left of the chart's SVG (0: none).
_BAR_LABELS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter(p => (p._fullData || []).some(t => t.type === 'bar' && t.orientation === 'h'))
    .map(p => {
        const left = p.querySelector('.main-svg').getBoundingClientRect().left;
        const cut = [...p.querySelectorAll('.ytick text')]
            .map(t => left - t.getBoundingClientRect().left);
        return [p._fullLayout.xaxis.automargin, p._fullLayout.yaxis.automargin,
            Math.max(0, ...cut)];
    })"""


def test_ranked_bars_fit_their_labels_unmeasured(page, server: str) -> None:
    """Plotly's ranked bar charts (here the Topics page's topic sizes) take their margins from
    the server, not from measuring their labels in the browser, and every label still shows
    whole: none begins left of its chart."""
    page.goto(f"{server}/topics")
    page.get_by_role("heading", name="Topics").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000, polling=50)
    assert page.evaluate(_BAR_LABELS) == [[False, False, 0]]


#: Every page, with the query string it is opened with.
PAGES = {
    "": "",
    "actors": "",
    "sources": "",
    "quotes": "",
    "countries": "",
    "network": "",
    "topics": "",
    "timeline": "",
    "search": "?term=НАТО",
    "reader": "",
    "about": "",
}
ARTIFACTS = ROOT / "tests" / "artifacts"


def _probe(url: str) -> bool:
    """Streamlit's own health and config probes relative to a deep link (/actors/_stcore/...)
    answer 404 before it finds its root: not an error of the app."""
    return "/_stcore/" in urlparse(url).path


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_cleanly(page, server: str, path: str) -> None:
    """No Python exception, no browser error, nothing fetched from outside; a screenshot."""
    page.requests.clear(), page.errors.clear(), page.failed.clear()
    page.goto(f"{server}/{path}{PAGES[path]}")
    page.get_by_test_id("stSidebar").wait_for(timeout=30_000)
    page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
    charts = page.locator(f'[data-testid="stPlotlyChart"] .js-plotly-plot, {_ECHARTS} canvas')
    if path not in ("about", "reader"):
        charts.first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert page.get_by_test_id("stException").count() == 0
    hosts = {urlparse(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts
    failed = [u for u in page.failed if not _probe(u)]
    assert failed == []
    loads = [e for e in page.errors if e.startswith("Failed to load resource")]
    assert len(loads) <= len(page.failed) and not [e for e in page.errors if e not in loads]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{path or 'overview'}.png"), full_page=True)


def test_country_map_draws_the_outlines_the_app_serves(page, server: str) -> None:
    """The map's country outlines are a file of the app (`charts.WORLD_URL`), fetched by the
    browser rather than sent with every run: it is requested from the app and answered, and
    the map draws a shape per country (176 outlines, the shaded ones again on top)."""
    page.requests.clear(), page.failed.clear()
    page.goto(f"{server}/countries")
    shapes = page.locator('[data-testid="stPlotlyChart"] .choroplethlocation')
    shapes.nth(175).wait_for(state="attached", timeout=30_000)
    assert shapes.count() > 176
    fetched = [u for u in page.requests if u.endswith("/app/static/world.geojson")]
    assert fetched and not [u for u in page.failed if u in fetched]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "hostile.txt").write_text(
        " date 2025-12-01 Посол заявил: <script>window.__xss = 1</script> "
        '<img src=x onerror="window.__xss = 2"> <b>жирный</b> и НАТО в Баку.',
        encoding="utf-8",
    )
    build([root / "in"], root / "data", progress=False)
    with _serve(root / "data") as url:
        yield url


def test_article_markup_is_shown_as_text_and_never_runs(page, hostile_server: str) -> None:
    page.goto(f"{hostile_server}/reader")
    page.get_by_role("heading", name="Reader").wait_for(timeout=30_000)
    text = page.get_by_text("<script>window.__xss = 1</script>", exact=False).first
    text.wait_for(timeout=30_000)
    assert page.get_by_text('<img src=x onerror="window.__xss = 2">', exact=False).count() >= 1
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("b", has_text="жирный").count() == 0


def _expected_csv(page_path: str, built, filters: Filters) -> tuple[str, bytes]:
    """The first CSV each page offers, computed without the app, and its file name."""
    from dashboard.export import to_csv
    from dashboard.graph import graph, graph_tables
    from dashboard.queries.actors import actor_table
    from dashboard.queries.articles import article_list, articles_per_month
    from dashboard.queries.countries import top_countries
    from dashboard.queries.network import network
    from dashboard.queries.quotes import QuoteQuery, most_quoted, quotes
    from dashboard.queries.search import concordance
    from dashboard.queries.sources import top_media
    from dashboard.queries.timeline import timeline, with_sentences
    from dashboard.queries.topics import topic_list

    if page_path == "":
        return "articles_per_month", to_csv(articles_per_month(built, filters))
    if page_path == "actors":
        return "actors", to_csv(actor_table(built, filters, 500))
    if page_path == "sources":
        return "top_sources", to_csv(top_media(built, filters, 500).head(20))
    if page_path == "quotes":
        found = quotes(built, filters, QuoteQuery(), 1000)
        return "most_quoted", to_csv(most_quoted(found, 15))
    if page_path == "countries":
        return "country_map", to_csv(top_countries(built, filters, 300))
    if page_path == "network":
        g = graph(*network(built, filters, "sentence", 40, 20), 1)
        return "network_edges", to_csv(graph_tables(g)[1])
    if page_path == "topics":
        return "topic_sizes", to_csv(topic_list(built, filters))
    if page_path == "timeline":
        points = timeline(built, filters, "event", "country")
        recent = points[~points["history"]].reset_index(drop=True)
        return "timeline_event_country", to_csv(with_sentences(built, recent))
    if page_path == "search":
        hits = concordance(built, filters, "lemma", "НАТО", 8, 2000)
        return "concordance", to_csv(hits)
    return "article_list", to_csv(article_list(built, filters, 1000))


@pytest.mark.parametrize("path", [p for p in PAGES if p != "about"])
def test_every_page_downloads_its_data_under_a_filter(
    page, server: str, seed_build: Path, path: str
) -> None:
    """The first 'Download data (CSV)' of each page, with a country filter in the link, holds
    exactly what the data layer computes for that filter; the provenance names the filter."""
    from dashboard.store import open_build

    query = PAGES[path] + ("&" if PAGES[path] else "?") + "country=AZE&from=2025-12-10"
    page.goto(f"{server}/{path}{query}")
    button = page.get_by_role("button", name="Download data (CSV)").first
    button.wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    filters = Filters(start=dt.date(2025, 12, 10), countries=("AZE",))
    name, expected = _expected_csv(path, open_build(seed_build), filters)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        button.click()
    assert info.value.suggested_filename == f"{name}.csv"
    got = Path(info.value.path()).read_bytes()
    assert got == expected and got.count(b"\n") >= 2, got[:300]
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        page.get_by_role("button", name="Provenance (JSON)").first.click()
    provenance = json.loads(Path(info.value.path()).read_text())
    assert provenance["filters"] == {"start": "2025-12-10", "countries": ["AZE"]}
    assert provenance["chart"] == name


def test_the_url_round_trips_every_filter(page, server: str) -> None:
    """A link with every kind of filter fills the sidebar and comes back unchanged."""
    from playwright.sync_api import expect

    sent = {
        "from": ["2025-12-06"],
        "to": ["2026-01-20"],
        "country": ["AZE", "KAZ"],
        "type": ["PER"],
        "q": ["Баку"],
    }
    page.goto(f"{server}/actors?{urlencode(sent, doseq=True)}")
    page.get_by_role("heading", name="Actors").wait_for(timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000, polling=50)
    back = parse_qs(urlparse(page.url).query)
    assert {k: back.get(k) for k in sent} == sent
    # The sidebar's text box takes the link's value in a rerun that can follow the first idle
    # moment (1 run in 8 read it empty): wait for it, up to 10 s.
    text_box = page.get_by_test_id("stSidebar").get_by_test_id("stTextInputRootElement")
    expect(text_box.locator("input").first).to_have_value("Баку", timeout=10_000)
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function("() => !window.location.search.includes('country=')", timeout=10_000)


#: The filters of each of several researchers' sessions, as their links carry them.
SESSIONS = [
    {"country": ["AZE"]},
    {"country": ["KAZ"], "from": ["2025-12-06"]},
    {"from": ["2025-12-10"], "to": ["2026-01-20"]},
    {"q": ["Баку"]},
    {"type": ["PER"], "headline": ["1"]},
]


def _filters_in(url: str) -> dict[str, list[str]]:
    """The global filters' parameters of a page's URL."""
    from dashboard.filters import PARAMS

    return {k: v for k, v in parse_qs(urlparse(url).query).items() if k in PARAMS.values()}


def test_several_sessions_at_once_keep_their_own_filters(browser, server: str) -> None:
    """Sessions in contexts of their own open pages at the same moment, each with its own
    filters: no page shows an exception, and each keeps the filters it set."""
    tabs = [browser.new_context(viewport=VIEWPORT).new_page() for _ in SESSIONS]
    paths = [p for p in PAGES if p not in ("about", "reader")]
    try:
        for turn in range(3):
            for number, (tab, sent) in enumerate(zip(tabs, SESSIONS, strict=True)):
                path = paths[(number + turn * 2) % len(paths)]
                query = urlencode(sent, doseq=True) + ("&term=НАТО" if path == "search" else "")
                tab.goto(f"{server}/{path}?{query}", wait_until="commit")  # all run at once
            for tab, sent in zip(tabs, SESSIONS, strict=True):
                tab.get_by_role("heading", level=1).first.wait_for(timeout=60_000)
                tab.wait_for_function(IDLE, timeout=60_000, polling=50)
                assert tab.get_by_test_id("stException").count() == 0, tab.url
                assert "Traceback" not in tab.content(), tab.url
                assert _filters_in(tab.url) == sent
    finally:
        for tab in tabs:
            tab.context.close()
