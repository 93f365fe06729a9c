"""A date an unusual share of a source's articles carry is reported, with the texts' evidence."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.stages.shared_dates import shared_dates

D = dt.date


def write(tmp_path, dates: list[dt.date], mentioned: dict[int, dt.date]):
    """An articles table of one source with these publication dates, and events giving, for
    some articles, a date with its year."""
    ids = [f"a{i:03d}" for i in range(len(dates))]
    articles = pa.table({"article_id": ids, "source": ["feed"] * len(ids), "published": dates})
    events = pa.table(
        {
            "article_id": [ids[i] for i in mentioned],
            "date_text": [f"{d.day} {d.month}.{d.year}" for d in mentioned.values()],
            "date_end": list(mentioned.values()),
        }
    )
    pq.write_table(articles, tmp_path / "articles.parquet")
    pq.write_table(events, tmp_path / "events.parquet")
    return tmp_path / "articles.parquet", tmp_path / "events.parquet"


def test_a_collection_date_is_reported_with_what_the_texts_say(tmp_path) -> None:
    spread = [D(2019, 1, 1) + dt.timedelta(days=3 * i) for i in range(40)]  # 40 dates, 1 each
    collected = [D(2021, 2, 1)] * 80
    mentioned = {40 + i: D(2019, 3, 1) for i in range(10)}  # ten of them say March 2019
    (warning,) = shared_dates(*write(tmp_path, spread + collected, mentioned))
    assert warning["path"] == "feed" and warning["line"] is None
    assert warning["message"].startswith(
        "80 of the 120 dated articles of this source (67%) share the date 2021-02-01"
    )
    assert (
        "in the 10 of them that give a date with its year, the latest is a median 703 days"
        in (warning["message"])
    )  # 2019-03-01 to 2021-02-01


def test_a_busy_day_of_a_daily_source_is_not_reported(tmp_path) -> None:
    days = [D(2023, 10, 1) + dt.timedelta(days=i % 30) for i in range(300)]
    busy = [D(2023, 10, 15)] * 40  # 51 of 340 on one day: 15%, under the 20% share
    assert shared_dates(*write(tmp_path, days + busy, {})) == []
