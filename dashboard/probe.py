"""What a browser driving the app waits for (the end-to-end tests and the benchmark)."""

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
