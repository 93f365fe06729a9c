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

#: JavaScript for Playwright's `wait_for_function`: true once the page's script has finished
#: and every Plotly chart is drawn (no "running" indicator, no chart without its SVG) for
#: 300 ms in a row.
IDLE = """() => {
    const busy = document.querySelector('[data-testid="stStatusWidget"]')
        || [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .some(c => !c.querySelector('.main-svg'));
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
