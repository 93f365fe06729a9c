"""Benchmark: the dashboard over an existing build (`make bench-app DATA=DIR`; the 100k
replicated build in `make bench`), without rebuilding it.

Usage: python bench/app_speed.py --data DIR [--changes 20] [--sessions 8] [--views 8]

1. Filter changes, per page: the real app in Streamlit's AppTest, one session per page; each
   sample changes the sidebar's filters (a new date range every time, with a country, an actor,
   a topic, a text query or an entity type in turn) and times the run until the page's script
   finishes. Every sample's filters are new, so its queries miss the cache, as a researcher's
   next click does. Prints p50 and p95 per page.
2. The served app in Debian's chromium: time from opening the Overview to it drawn (first
   load, cold server), then every page in turn; the server's peak resident memory and CPU.
   "Drawn" is `dashboard.probe.IDLE` here and in the load test: the page's script finished, no
   stale element or skeleton left, every Plotly chart plotted with its traces, every ECharts
   chart (the Overview's) on its canvas.
3. Load: several researchers at once on a fresh server. One chromium, a context per session,
   each opened on a page of its own with filters of its own (`filter_changes`), then clicking
   through the pages in the sidebar round-robin, a bounded number of views each, all sessions
   at once. Per page, then for the sessions' first views (a new context each) and for their
   clicks apart: p50 and p95 from the click to the page drawn; the views that showed an
   exception, that ran past the time limit, or whose URL lost or changed the session's filters;
   the server's CPU seconds (every thread; less noisy than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

from dashboard.filters import PARAMS
from dashboard.probe import CHROMIUM, CHROMIUM_FLAGS, IDLE, serve
from dashboard.widgets.guards import TOO_SLOW

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "main.py"  # the script each session runs; app.py serves it
#: Page file, URL path and the query string it is opened with.
PAGES = [
    ("overview", "", ""),
    ("actors", "actors", ""),
    ("countries", "countries", ""),
    ("network", "network", ""),
    ("topics", "topics", ""),
    ("timeline", "timeline", ""),
    ("quotes", "quotes", ""),
    ("search", "search", "?term=санкции"),
    ("reader", "reader", ""),
    ("about", "about", ""),
]

#: The load test's pages in the order sessions click through them: sidebar link and heading
#: (the same text), URL path.
LOAD_PAGES = [
    ("Overview", ""),
    ("Actors", "actors"),
    ("Sources", "sources"),
    ("Quotes", "quotes"),
    ("Countries", "countries"),
    ("Network", "network"),
    ("Topics", "topics"),
    ("Timeline", "timeline"),
    ("Search", "search"),
    ("Reader", "reader"),
    ("About the data", "about"),
]
#: How long `IDLE` waits, in seconds, to call a page drawn: not part of a page view's time,
#: the first load's or a page's opening.
IDLE_QUIET = 0.3
VIEW_TIMEOUT_MS = 180_000
#: How a page is opened by its URL: `goto` returns once the navigation is committed and the
#: wait for the heading and `IDLE` decides when it is drawn, within `VIEW_TIMEOUT_MS`. Its own
#: default waits for the `load` event for at most 30 s, which 8 new contexts at once on a busy
#: machine passed: each opening counted as an error, and the URL it left as the session's filters.
OPEN = {"wait_until": "commit", "timeout": VIEW_TIMEOUT_MS}


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def filter_changes(directory: Path, samples: int) -> list[dict]:
    """`samples` filter states, each with its own date range, cycling through the other kinds."""
    import duckdb

    con = duckdb.connect()
    table = lambda name: f"read_parquet('{directory / name}.parquet')"  # noqa: E731
    first, last = con.execute(
        f"SELECT min(published), max(published) FROM {table('articles')}"
    ).fetchone()
    countries = [
        r[0]
        for r in con.execute(
            f"SELECT country FROM {table('country_mentions')} GROUP BY 1 ORDER BY count(*) DESC "
            "LIMIT 10"
        ).fetchall()
    ]
    actors = [
        r[0]
        for r in con.execute(
            f"SELECT entity_id FROM {table('entities')} WHERE type = 'PER' "
            "ORDER BY n_articles DESC LIMIT 10"
        ).fetchall()
    ]
    topics = [r[0] for r in con.execute(f"SELECT topic_id FROM {table('topics')}").fetchall()]
    span = (last - first).days
    states = []
    for n in range(samples):
        start = first + dt.timedelta(days=(n * 37) % max(span // 2, 1))
        state = {
            "dates": (start, last - dt.timedelta(days=n)),
            "countries": [],
            "actors": [],
            "topics": [],
            "text": "",
            "types": [],
        }
        kind = n % 5
        if kind == 0:
            state["countries"] = [countries[n % len(countries)]]
        elif kind == 1 and actors:
            state["actors"] = [actors[n % len(actors)]]
        elif kind == 2 and topics:
            state["topics"] = [topics[n % len(topics)]]
        elif kind == 3:
            state["text"] = ["Москва", "Китай", "нефть", "выборы", "Байден"][n // 5 % 5]
        else:
            state["types"] = ["PER"]
        states.append(state)
    return states


def time_filter_changes(
    directory: Path, samples: int, pages: list[str] | None = None
) -> dict[str, list[float]]:
    """The seconds of each filter change of each page (of `pages` alone, if given: each with
    the filter states it has in a whole run). Prints p50, p95 and the process's CPU seconds
    (DuckDB's threads included) over the page's changes, less noisy than wall time on a shared
    machine."""
    from streamlit.testing.v1 import AppTest

    os.environ["OBZOR_DATA"] = str(directory)
    states = filter_changes(directory, samples * len(PAGES))
    found: dict[str, list[float]] = {}
    for number, (name, _, query) in enumerate(PAGES):
        if pages and name not in pages:
            continue
        app = AppTest.from_file(str(APP), default_timeout=120)
        if query:
            app.query_params["term"] = query.split("=", 1)[1]
        app.run().switch_page(f"views/{name}.py").run()  # the session's first run: not timed
        assert not app.exception, [e.message for e in app.exception]
        times, cpu = [], time.process_time()
        for state in states[number * samples : (number + 1) * samples]:
            app.date_input(key="f-dates").set_value(state["dates"])
            app.multiselect(key="f-countries").set_value(state["countries"])
            app.multiselect(key="f-actors").set_value(state["actors"])
            app.multiselect(key="f-topics").set_value(state["topics"])
            app.multiselect(key="f-types").set_value(state["types"])
            app.text_input(key="f-text").set_value(state["text"])
            started = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - started)
            assert not app.exception, [e.message for e in app.exception]
        found[name] = times
        print(
            f"  {name:<10} p50 {statistics.median(times) * 1000:6.0f} ms   "
            f"p95 {_quantile(times, 0.95) * 1000:6.0f} ms   CPU {time.process_time() - cpu:5.1f} s",
            flush=True,
        )
    return found


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system, every thread) of process `pid` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def served(directory: Path, pages: list[str] | None = None) -> dict:
    """First load and every page (of `pages`, if given) in the browser; the server's resident
    memory and its CPU seconds from its start."""
    from playwright.sync_api import sync_playwright

    with serve(directory, timeout=120) as (url, server):
        result = {"idle_rss_mb": _rss_mb(server.pid, "VmRSS"), "pages": {}}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name, path, query in PAGES:
                if pages and name not in pages:
                    continue
                started = time.perf_counter()
                tab.goto(f"{url}/{path}{query}", **OPEN)
                tab.get_by_role("heading", level=1).first.wait_for(timeout=120_000)
                tab.wait_for_function(IDLE, timeout=120_000, polling=50)
                result["pages"][name] = time.perf_counter() - started - IDLE_QUIET
            browser.close()
        result["peak_rss_mb"] = _rss_mb(server.pid, "VmHWM")
        result["rss_mb"] = _rss_mb(server.pid, "VmRSS")
        result["server_cpu_s"] = _cpu_s(server.pid)
    return result


def _link_params(state: dict) -> dict[str, list[str]]:
    """A filter state of `filter_changes` as the URL parameters of a link."""
    start, end = state["dates"]
    params = {
        "from": [start.isoformat()],
        "to": [end.isoformat()],
        "country": state["countries"],
        "actor": state["actors"],
        "topic": [str(t) for t in state["topics"]],
        "type": state["types"],
        "q": [state["text"]] if state["text"] else [],
    }
    return {k: v for k, v in params.items() if v}


def _filters_in(url: str) -> dict[str, list[str]]:
    """The global filters' parameters of a page's URL."""
    return {k: v for k, v in parse_qs(urlparse(url).query).items() if k in PARAMS.values()}


async def _view(tab, open_page, heading: str) -> dict:
    """One page view: `open_page()`, then wait for the page's heading and for it to be drawn.
    Its seconds, and whether it showed an exception or the time limit's message."""
    await tab.evaluate("window.__idleSince = null")  # `IDLE`'s mark of the previous view
    started = time.perf_counter()
    try:
        await open_page()
        await tab.get_by_role("heading", level=1, name=heading, exact=True).first.wait_for(
            timeout=VIEW_TIMEOUT_MS
        )
        await tab.wait_for_function(IDLE, timeout=VIEW_TIMEOUT_MS, polling=50)
    except Exception as exc:  # a view that never finished counts as an error
        return {"seconds": time.perf_counter() - started, "error": repr(exc)[:200]}
    seconds = time.perf_counter() - started - IDLE_QUIET
    text = await tab.inner_text("body")
    shown = tab.get_by_test_id("stException")
    error = (await shown.first.inner_text())[:300] if await shown.count() else None
    if error is None and "Traceback" in text:
        error = "a traceback on the page"
    return {"seconds": seconds, "error": error, "too_slow": TOO_SLOW in text}


async def _session(browser, url: str, number: int, state: dict, views: int) -> list[dict]:
    """A researcher: opens page `number` with the filters of `state`, then clicks through the
    next pages in the sidebar; every view with its page and whether the URL kept the filters."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = await context.new_page()
    found, sent = [], _link_params(state)
    for step in range(views):
        heading, path = LOAD_PAGES[(number + step) % len(LOAD_PAGES)]
        if step == 0:
            link = f"{url}/{path}?{urlencode(sent, doseq=True)}"
            opened = await _view(tab, lambda link=link: tab.goto(link, **OPEN), heading)
            # The link's filters as the app writes them back (a date at the build's bound is
            # no filter): every other one must be there.
            own = _filters_in(tab.url)
            if any(own.get(k) != v for k, v in sent.items() if k not in ("from", "to")):
                own = None
        else:
            await _show_every_page(tab)
            link = tab.get_by_test_id("stSidebarNav").get_by_role("link", name=heading, exact=True)
            opened = await _view(
                tab, lambda link=link: link.click(timeout=VIEW_TIMEOUT_MS), heading
            )
        shown = _filters_in(tab.url)
        opened |= {
            "page": heading,
            "session": number,
            "opening": step == 0,
            "own_filters": shown == own,
            "url": shown,
        }
        found.append(opened)
    await context.close()
    return found


async def _show_every_page(tab) -> None:
    """Unfold the sidebar's list of pages when it hides some behind 'View N more'."""
    more = tab.get_by_test_id("stSidebarNavViewButton")
    if await more.count() and "more" in await more.inner_text():
        await more.click()


async def _load(url: str, states: list[dict], views: int) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        sessions = [_session(browser, url, n, s, views) for n, s in enumerate(states)]
        found = [v for views in await asyncio.gather(*sessions) for v in views]
        await browser.close()
    return found


def load_test(directory: Path, sessions: int, views: int) -> dict:
    """`sessions` researchers at once on a fresh server, `views` page views each."""
    states = filter_changes(directory, sessions)
    with serve(directory, timeout=120) as (url, server):
        started, cpu = time.perf_counter(), _cpu_s(server.pid)
        found = asyncio.run(_load(url, states, views))
        seconds = time.perf_counter() - started
        peak = _rss_mb(server.pid, "VmHWM")
        cpu = _cpu_s(server.pid) - cpu
    return {"views": found, "seconds": seconds, "peak_rss_mb": peak, "server_cpu_s": cpu}


def _load_table(result: dict, sessions: int) -> None:
    """The load test's views per page: count, p50, p95, errors; then all views together."""
    views = result["views"]
    print("| page | views | p50 (s) | p95 (s) | errors | too slow |")
    print("|---|---|---|---|---|---|")
    for heading, _ in LOAD_PAGES:
        mine = [v for v in views if v["page"] == heading]
        if mine:
            print(f"| {heading} | {_view_stats(mine)} |")
    print(f"| all | {_view_stats(views)} |")
    # A session's first view loads Streamlit's front end in a new context, all 8 at once: one
    # view in 8, so the p95 of all views is theirs. Shown apart from the clicks that follow.
    print(f"| of them, sessions' openings | {_view_stats([v for v in views if v['opening']])} |")
    print(f"| of them, clicks | {_view_stats([v for v in views if not v['opening']])} |")
    foreign = sum(not v["own_filters"] for v in views)
    print()
    print(
        f"{sessions} sessions at once, {len(views)} page views in {result['seconds']:.0f} s; "
        f"views with an error: {sum(bool(v['error']) for v in views)}; whose URL lost or "
        f"changed the session's filters: {foreign}; server peak {result['peak_rss_mb']:.0f} MB"
    )
    cpu = result["server_cpu_s"]
    print(f"Server CPU over the load test: {cpu:.1f} s ({cpu / len(views):.2f} s a view)")
    for v in views:
        if v["error"]:
            print(f"  error: session {v['session']}, {v['page']}: {v['error']}")
        elif not v["own_filters"]:
            print(f"  filters: session {v['session']}, {v['page']}: {v['url']}")


def _view_stats(views: list[dict]) -> str:
    seconds = [v["seconds"] for v in views]
    p95 = _quantile(seconds, 0.95) if len(seconds) > 1 else seconds[0]
    return (
        f"{len(views)} | {statistics.median(seconds):.2f} | {p95:.2f} | "
        f"{sum(bool(v['error']) for v in views)} | {sum(bool(v.get('too_slow')) for v in views)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="an obzor build directory")
    parser.add_argument("--changes", type=int, default=20, help="filter changes per page")
    parser.add_argument("--sessions", type=int, default=8, help="load test: sessions at once")
    parser.add_argument("--views", type=int, default=8, help="load test: page views each")
    parser.add_argument(
        "--pages", help="comma-separated pages to time (default: all), e.g. actors,network"
    )
    args = parser.parse_args()
    manifest_path = args.data / "manifest.json"
    if not manifest_path.is_file():
        print(f"No build in {args.data}; see bench/replicate.py.", file=sys.stderr)
        return 2
    manifest = json.loads(manifest_path.read_text())
    rows = manifest["tables"]["articles"]["rows"]
    note = manifest.get("replicated", {}).get("note", "a real build, not replicated")
    print(f"Dashboard over {args.data}: {rows:,} articles ({note}).")
    if not Path(CHROMIUM).exists():
        print(f"No browser at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr)
        return 2
    print(f"Filter change to script finished ({args.changes} changes per page, AppTest):")
    pages = args.pages.split(",") if args.pages else None
    times = time_filter_changes(args.data, args.changes, pages)
    print("Served app in chromium (cold server):")
    browser = served(args.data, pages)
    print()
    print("| page | filter change p50 (ms) | p95 (ms) | opened in browser (s) |")
    print("|---|---|---|---|")
    for name in times:
        values = times[name]
        print(
            f"| {name} | {statistics.median(values) * 1000:.0f} | "
            f"{_quantile(values, 0.95) * 1000:.0f} | {browser['pages'][name]:.2f} |"
        )
    worst = max(_quantile(v, 0.95) for v in times.values()) * 1000
    print()
    first = browser["pages"].get("overview")
    if first is not None:
        print(
            f"First page load (Overview, cold server, charts drawn): {first:.2f} s (target <= 2 s)"
        )
    print(f"Worst page p95 after a filter change: {worst:.0f} ms (target <= 300 ms)")
    print(
        f"Server memory: {browser['idle_rss_mb']:.0f} MB idle, {browser['rss_mb']:.0f} MB after "
        f"every page, peak {browser['peak_rss_mb']:.0f} MB (target <= 1536 MB); server CPU "
        f"{browser['server_cpu_s']:.1f} s from its start to after every page"
    )
    if args.sessions:
        print()
        print(f"Load test: {args.sessions} sessions, {args.views} page views each (chromium):")
        _load_table(load_test(args.data, args.sessions, args.views), args.sessions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
