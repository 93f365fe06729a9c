"""The Overview's charts as ECharts options (`st.echarts_chart`), not Plotly figures.

A new tab's first view is the Overview, and its browser's main work was Plotly's code: Streamlit's
Plotly chunk is 4.7 MB of JavaScript to parse and run (registering every trace type) before the
first chart is plotted. Streamlit's ECharts chunk is 1.2 MB. The Overview draws bars only (per
month, and three rankings that filter on a click), which ECharts draws as they were; every other
page keeps its Plotly figures (`dashboard.charts`). Each option takes the exact rows its CSV
download holds, as the figures do.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from dashboard.charts import ACCENT, Ranking, label_room, ranked_height

#: Chart height in pixels, as `charts._layout`'s.
HEIGHT = 320
#: What every option shares: no animation (the bars are drawn at once, as Plotly's were).
_BASE = {"animation": False}
#: The plot's margins: ECharts 6 widens them to hold the axes' labels and titles, measuring the
#: labels' text on its canvas (cheap, where Plotly measured each in the page's SVG).
_GRID = {"left": 10, "right": 10, "top": 10, "bottom": 10}


def _axis_title(text: str, gap: int) -> dict:
    """An axis title centred along its axis, `gap` pixels from it."""
    return {"name": text, "nameLocation": "middle", "nameGap": gap}


def _aria(title: str, names: list[str], values: list[int]) -> dict:
    """The chart's description for screen readers (its `aria-label`), written here: each bar's
    name and value, in the chart's order."""
    bars = "; ".join(f"{name} {value:,}" for name, value in zip(names, values, strict=True))
    return {"enabled": True, "label": {"description": f"{title}: {bars}."}}


def _month_label(month: str) -> str:
    """'2025-12' as 'Dec 2025', as the Plotly charts' month axis writes it."""
    return pd.Timestamp(f"{month}-01").strftime("%b %Y")


def per_month(frame: pd.DataFrame, column: str = "articles", title: str = "Articles") -> dict:
    """Bars of `column` per `month` ('2025-12'): a bar per month, months without any at zero
    (the query fills them), so a category axis keeps the time scale."""
    months = [_month_label(m) for m in frame["month"]]
    values = frame[column].astype(int).tolist()
    return {
        **_BASE,
        "aria": _aria(f"{title} per month", months, values),
        "grid": _GRID,
        "xAxis": {
            "type": "category",
            "data": months,
            **_axis_title("Month of publication", 30),
        },
        "yAxis": {"type": "value", "minInterval": 1, **_axis_title(title, 55)},
        "series": [
            {
                "type": "bar",
                "name": title,
                "data": values,
                "itemStyle": {"color": ACCENT},
                "barCategoryGap": "15%",
            }
        ],
        "tooltip": {"trigger": "axis", "valueFormatter": f"%,d {title.lower()}"},
    }


def _bar_tooltip(label: str, value: int, unit: str, hover: str) -> str:
    """A ranked bar's hover: its whole label, its value and its `hover` line (HTML)."""
    lines = [f"<b>{escape(label)}</b>", f"{value:,} {unit}"] + ([escape(hover)] if hover else [])
    return "<br/>".join(lines)


def ranked(ranking: Ranking) -> dict:
    """Horizontal bars, largest on top, the labels cut as `charts.ranked` cuts them (whole on
    hover); a click selects one bar (`selected_rows`)."""
    shown, _ = label_room(ranking.labels, ranking.label_chars)
    values = ranking.values.astype(int).tolist()
    labels = ranking.labels.astype(str).tolist()
    rows = zip(labels, values, ranking.hover.fillna(""), strict=True)
    return {
        **_BASE,
        "aria": _aria(ranking.unit.capitalize(), labels, values),
        "grid": _GRID,
        "xAxis": {"type": "value", "minInterval": 1, **_axis_title(ranking.unit.capitalize(), 30)},
        "yAxis": {
            "type": "category",
            "inverse": True,
            "data": shown,
            "axisTick": {"show": False},
        },
        "series": [
            {
                "type": "bar",
                "data": [
                    {
                        "value": value,
                        "tooltip": {"formatter": _bar_tooltip(label, value, ranking.unit, hover)},
                    }
                    for label, value, hover in rows
                ],
                "itemStyle": {"color": ACCENT},
                "selectedMode": "single",
                "barCategoryGap": "15%",
            }
        ],
        "tooltip": {"trigger": "item"},
    }


def height(option: dict) -> int:
    """The chart's height in pixels: a ranking's grows with its bars."""
    axis = option["yAxis"]
    return ranked_height(len(axis["data"])) if axis["type"] == "category" else HEIGHT


def selected_rows(state: object) -> list[int]:
    """The rows (bars) selected in an `st.echarts_chart` state, in the first series."""
    if not state:
        return []
    groups = state.selection.selected
    return [i for g in groups if g.get("series_index", 0) == 0 for i in g["data_indices"]]
