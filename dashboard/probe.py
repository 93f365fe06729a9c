"""Serving the app and driving it from a browser: shared by the end-to-end tests and the
benchmark."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: Headless chromium that does not reach for Google's hosts on this closed network.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: JavaScript for Playwright's `wait_for_function`: true once the page is drawn, for 300 ms in
#: a row. Drawn: the page's script has finished (the app's `data-test-script-state`; the
#: "running" indicator shows only after half a second and fades out for 0.2 s, so it is no
#: measure), no element of the previous run is still on screen (`data-stale`), no element waits
#: for its component's code (Streamlit loads charts, tables and pickers on first use and shows a
#: skeleton until then), every Plotly chart the page shows has been plotted (its SVG made,
#: no redraw under way, a trace drawn when it has a visible one), and every ECharts chart has
#: taken its option (no longer `aria-busy`) onto its canvas. The benchmark (first load,
#: each page, the load test) and the browser tests call a page drawn alike.
IDLE = """() => {
    const plotted = (chart) => {
        const plot = chart.querySelector('.js-plotly-plot');
        const layout = plot && plot._fullLayout;
        if (!layout || layout._replotting || !plot.querySelector('.main-svg')) return false;
        const shows = (plot._fullData || []).some(t => t.visible === true);
        return !shows || plot.querySelector('g.trace, g.hm') !== null;
    };
    const app = document.querySelector('[data-testid="stApp"]');
    const busy = !app || app.dataset.testScriptState !== 'notRunning'
        || document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')
        || [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .some(c => !plotted(c))
        || [...document.querySelectorAll('[data-testid="stEChartsChart"]')]
            .some(c => c.getAttribute('aria-busy') === 'true' || !c.querySelector('canvas'));
    if (busy) { window.__idleSince = null; return false; }
    window.__idleSince = window.__idleSince || performance.now();
    return performance.now() - window.__idleSince > 300;
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(directory: Path, timeout: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:
    """The real app over `directory` on a free local port: its URL and server process, stopped
    afterwards. RuntimeError with the server's output when it does not answer in `timeout` s."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--",
            "--data",
            str(directory),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"streamlit did not start:\n{process.stdout.read()}") from None
            time.sleep(0.3)
    try:
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a server still busy with sessions' queries
            process.kill()
            process.wait()
