"""Benchmark: the dashboard over a data directory (the 100k replicated build in `make bench`).

Usage: python bench/dashboard.py --data DIR [--changes 20]

1. Filter changes, per page: the real app in Streamlit's AppTest, one session per page; each
   sample changes the sidebar's filters (a new date range every time, with a country, an actor,
   a topic, a text query or an entity type in turn) and times the run until the page's script
   finishes. Every sample's filters are new, so its queries miss the cache, as a researcher's
   next click does. Prints p50 and p95 per page.
2. The served app in Debian's chromium: time from opening the Overview to its charts drawn
   (first load, cold server), then every page in turn; the server's peak resident memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

from dashboard.probe import CHROMIUM, CHROMIUM_FLAGS, IDLE, serve

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
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


def time_filter_changes(directory: Path, samples: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["OBZOR_DATA"] = str(directory)
    states = filter_changes(directory, samples * len(PAGES))
    found: dict[str, list[float]] = {}
    for number, (name, _, query) in enumerate(PAGES):
        app = AppTest.from_file(str(APP), default_timeout=120)
        if query:
            app.query_params["term"] = query.split("=", 1)[1]
        app.run().switch_page(f"views/{name}.py").run()  # the session's first run: not timed
        assert not app.exception, [e.message for e in app.exception]
        times = []
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
            f"p95 {_quantile(times, 0.95) * 1000:6.0f} ms",
            flush=True,
        )
    return found


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def served(directory: Path) -> dict:
    """First load and every page in the browser; the server's resident memory."""
    from playwright.sync_api import sync_playwright

    with serve(directory, timeout=120) as (url, server):
        result = {"idle_rss_mb": _rss_mb(server.pid, "VmRSS"), "pages": {}}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name, path, query in PAGES:
                started = time.perf_counter()
                tab.goto(f"{url}/{path}{query}")
                tab.get_by_role("heading", level=1).first.wait_for(timeout=120_000)
                tab.wait_for_function(IDLE, timeout=120_000, polling=50)
                result["pages"][name] = time.perf_counter() - started
            browser.close()
        result["peak_rss_mb"] = _rss_mb(server.pid, "VmHWM")
        result["rss_mb"] = _rss_mb(server.pid, "VmRSS")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="an obzor build directory")
    parser.add_argument("--changes", type=int, default=20, help="filter changes per page")
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
    times = time_filter_changes(args.data, args.changes)
    print("Served app in chromium (cold server):")
    browser = served(args.data)
    print()
    print("| page | filter change p50 (ms) | p95 (ms) | opened in browser (s) |")
    print("|---|---|---|---|")
    for name, _, _ in PAGES:
        values = times[name]
        print(
            f"| {name} | {statistics.median(values) * 1000:.0f} | "
            f"{_quantile(values, 0.95) * 1000:.0f} | {browser['pages'][name]:.2f} |"
        )
    worst = max(_quantile(v, 0.95) for v in times.values()) * 1000
    print()
    first = browser["pages"]["overview"]
    print(f"First page load (Overview, cold server, charts drawn): {first:.2f} s (target <= 3 s)")
    print(f"Worst page p95 after a filter change: {worst:.0f} ms (target <= 300 ms)")
    print(
        f"Server memory: {browser['idle_rss_mb']:.0f} MB idle, {browser['rss_mb']:.0f} MB after "
        f"every page, peak {browser['peak_rss_mb']:.0f} MB (target <= 1536 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
