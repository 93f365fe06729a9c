"""Timeline: the events of the selected articles as points on a time axis, their coverage lag,
and references to the past."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.filters import Filters
from dashboard.labels import country_name
from dashboard.store import (
    Build,
    arrow,
    at_rows,
    corpus_summary,
    counted,
    in_dates,
    new_cursor,
    selected,
    shared,
    time_limited,
)

#: Events the Timeline draws at most: beyond this, a fixed pseudo-random sample of them.
TIMELINE_POINTS = 5_000


def events(build: Build, filters: Filters, limit: int = TIMELINE_POINTS) -> pd.DataFrame:
    """The events of the selected articles resolved to dates (at most `limit`: a sample fixed
    by a hash of each event's position, so the same selection gives the same points), with
    its article, topic and countries; the lag is days from the event's last day to the
    article's publication (negative: announced ahead). The sample is picked as the events are
    read, without their sentences and entities (read by `sentences` and `with_sentences` for
    the events opened), then its articles are read in the row groups of their dates.
    Shared by every axis and group-by of the filter state."""
    resolved = event_counts(build, filters)["resolved"]
    return _events(build.directory, build.build_id, filters, limit, resolved)


#: The share of the events `_PICKED` orders, over the share it keeps (`_below`): enough that
#: fewer than `limit` events pass the cut only by a chance too small to matter (10,000 expected
#: for 5,000 kept, a standard deviation of 100); should it happen, the scan is made without it.
_MARGIN = 2


def _below(limit: int, resolved: int) -> tuple[str, list]:
    """A cut of the events to those whose hash (`_PICKED`'s order) lies in its lowest
    `_MARGIN * limit / resolved` share, and its parameter: the hash is uniform over 64 bits, so
    about `_MARGIN * limit` of the `resolved` events pass. The `limit` lowest of those are the
    `limit` lowest of all, so the sample is the same, but the top-N orders a fraction of the
    events (measured in docs/benchmarks.md, d62). No cut when the sample is most of them."""
    if _MARGIN * limit >= resolved:
        return "true", []
    return "hash(e.article_id, e.start) < ?::UBIGINT", [2**64 * _MARGIN * limit // resolved]


@shared(max_entries=16)
def _events(
    directory: str, build_id: str, filters: Filters, limit: int, resolved: int
) -> pd.DataFrame:
    with time_limited(new_cursor(directory, build_id, filters)) as cursor:
        dates, params = filters.in_range("e.published")
        # With the cut, else (too few passed it, by a rare chance) without.
        for below, cut in (_below(limit, resolved), ("true", [])):
            picked = arrow(cursor, _PICKED.format(dates=dates, below=below), [*params, *cut, limit])
            if not cut or picked.num_rows >= limit:
                break
        cursor.register("picked", picked)
        # Without inferred dates an article's `published` may differ from the one its events
        # are stored under: its row groups are then found by a scan.
        articles, params = (
            in_dates("published", picked["stored"]) if filters.inferred else ("true", [])
        )
        return cursor.execute(_SHOWN.format(articles=articles), params).df()


#: The sample of `events`: the selected events resolved to dates but their sentences and
#: entities (read by `sentences` and `with_sentences` for the events opened), read in the row
#: groups of the filters' dates (`{dates}`) in one scan, the sample picked as it is read, of the
#: events whose hash passes the cut `{below}` (`_below`); each event's topic is the one the
#: build stored with it (no paragraphs read).
_PICKED = f"""
    SELECT e.date_start, e.date_end, e.date_text, e.granularity, e.relation, e.countries,
           e.topic_id, e.article_id, e.article_key, e.start, e.stop, e.published AS stored
    FROM {selected("events e")}
    WHERE e.date_start IS NOT NULL AND {{dates}} AND {{below}}
    ORDER BY hash(e.article_id, e.start), e.article_id, e.start
    LIMIT ?
"""

#: The sampled events (`picked`) with their articles (joined on their keys), read in the row
#: groups of the events' dates (`{articles}`), and their topics' labels.
_SHOWN = """
    SELECT e.date_start, e.date_end, e.date_text, e.granularity, e.relation,
           a.published, (a.published - e.date_end) AS lag_days,
           e.countries, e.topic_id, t.label AS topic,
           a.title, a.source, e.article_id, e.start, e.stop, e.stored
    FROM picked e
    JOIN (SELECT article_key, published, title, source FROM articles WHERE {articles}) a
        USING (article_key)
    LEFT JOIN topics t ON t.topic_id = e.topic_id
    ORDER BY e.date_start, e.article_id, e.start
"""


#: Past this many distinct dates, the sentences are looked for over the range of the dates
#: (`in_dates`) rather than at each date (an `IN` list or `at_rows`, a parameter a date).
_AT_DATES = 256


def sentences(build: Build, points: pd.DataFrame) -> pd.Series:
    """The sentence of each event of `points` (by `article_id` and `start`), aligned with its
    rows: read only for these events, when they are opened (a clicked point, the History
    table), not with the points; shared, so a rerun of the page (another axis, a click) does
    not read the History table's again."""
    wanted = _wanted(points, "date_start")
    read = _sentences(build.directory, build.build_id, _key(wanted), wanted)
    return pd.Series(_aligned(points, read)["sentence"].array, index=points.index)


def _wanted(points: pd.DataFrame, dated: str) -> tuple[tuple, ...]:
    """Each event of `points` once, as (article id, start, its date in the column `dated`), the
    date as a `datetime.date` (None for an undated article's), so that the tuple's `repr` is
    its digest's text (`_key`)."""
    keys = points[["article_id", "start", dated]].drop_duplicates(["article_id", "start"])
    dates = [d.date() if pd.notna(d) else None for d in pd.to_datetime(keys[dated])]
    return tuple(zip(keys["article_id"], keys["start"].astype(int), dates, strict=True))


def _key(wanted: tuple[tuple, ...]) -> str:
    """A digest of the events `wanted`, the cache's key in their stead: a cached function
    leaves an argument named with a leading underscore out of its key, and Streamlit hashes
    a tuple item by item (8 ms for 200 events, 160 ms for the CSV's 5,000)."""
    return hashlib.blake2b(repr(wanted).encode(), digest_size=16).hexdigest()


def _aligned(points: pd.DataFrame, read: pd.DataFrame) -> pd.DataFrame:
    """What was `read` for each event of `points`, in the order of its rows."""
    return points[["article_id", "start"]].merge(read, on=["article_id", "start"], how="left")


@shared(max_entries=16)
def _sentences(directory: str, build_id: str, key: str, _wanted: tuple[tuple, ...]) -> pd.DataFrame:
    """The sentences of the events `_wanted` (article id, start, the first day it names; `key`:
    their digest, `_key`), read from `event_sentences`, laid out by that day, in the row groups
    of those days alone: at each day for a few days, else over their range. (The Timeline's
    points are the events resolved to dates.)"""
    keys = pa.Table.from_pylist(
        [{"article_id": a, "start": s, "date_start": d} for a, s, d in _wanted],
        schema=pa.schema(
            [("article_id", pa.string()), ("start", pa.int32()), ("date_start", pa.date32())]
        ),
    )
    days = pc.unique(keys["date_start"]).drop_null().to_pylist()
    if 0 < len(days) <= _AT_DATES:
        where, params = f"date_start IN ({', '.join(['?'] * len(days))})", days
    else:
        where, params = in_dates("date_start", keys["date_start"])
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        cursor.register("wanted", keys)
        return cursor.execute(_SENTENCES.format(where=where), params).df()


#: The sentences of the events `wanted`, read only in the row groups of the days they name
#: (`{where}`).
_SENTENCES = """
    SELECT e.article_id, e.start, e.sentence
    FROM wanted JOIN (SELECT * FROM event_sentences WHERE {where}) e USING (article_id, start)
"""


def with_sentences(build: Build, points: pd.DataFrame) -> pd.DataFrame:
    """`points` with each event's sentence and the people and organisations named in it (their
    names joined by '; ', '' for none), in the columns of the Timeline's CSV: read when it is
    downloaded, from `events` in the row groups of the points' stored dates (the CSV's points
    name days across history, but their articles lie in the filters' dates)."""
    wanted = _wanted(points, "stored")
    read = _described(build.directory, build.build_id, _key(wanted), wanted)
    found = _aligned(points, read)
    described = {c: found[c].array for c in ("sentence", "actors")}
    return points.assign(**described)[CSV_COLUMNS]


@shared(max_entries=4)
def _described(directory: str, build_id: str, key: str, _wanted: tuple[tuple, ...]) -> pd.DataFrame:
    """The sentences and actors of the events `_wanted` (article id, start, stored date; `key`:
    their digest, `_key`), read only in the row groups of their stored dates: at each date for
    a few dates, else over their range."""
    keys = pa.Table.from_pylist(
        [{"article_id": a, "start": s, "stored": d} for a, s, d in _wanted],
        schema=pa.schema(
            [("article_id", pa.string()), ("start", pa.int32()), ("stored", pa.date32())]
        ),
    )
    if pc.count_distinct(keys["stored"]).as_py() <= _AT_DATES:
        events, params = at_rows("events", keys["stored"], keys["article_id"])
    else:
        dates, params = in_dates("published", keys["stored"])
        events = f"(SELECT * FROM events WHERE {dates})"
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        cursor.register("wanted", keys)
        return cursor.execute(_DESCRIBED.format(events=events), params).df()


#: The sentences of the events `wanted` and the people and organisations named in them, read
#: only in the row groups of their dates (`{events}`: the events at those dates, and of the
#: undated, of their articles).
_DESCRIBED = """
    WITH e AS (
        SELECT e.article_id, e.start, e.sentence, e.entity_ids
        FROM wanted JOIN {events} e USING (article_id, start)
    ),
    named AS (
        SELECT x.article_id, x.start, string_agg(n.name, '; ' ORDER BY n.name) AS actors
        FROM (SELECT article_id, start, unnest(entity_ids) AS entity_id FROM e) x
        JOIN entities n USING (entity_id)
        WHERE n.type IN ('PER', 'ORG')
        GROUP BY ALL
    )
    SELECT e.article_id, e.start, e.sentence, coalesce(x.actors, '') AS actors
    FROM e LEFT JOIN named x USING (article_id, start)
"""


#: Time axes of the Timeline page and group-bys, as shown and as the URL keeps them.
AXES = {"event": "Date mentioned in the text", "published": "Publication date"}
GROUPS = {"country": "Country", "topic": "Topic"}
NO_GROUP = {"country": "No country named", "topic": "No topic"}
LAGS = (
    "announced ahead",
    "while ongoing",
    "within a week",
    "within a month",
    "within a year",
    "over a year later",
)


def _lags(frame: pd.DataFrame) -> pd.Series:
    """Each point's coverage-lag bucket (`LAGS`): ahead for a plan, ongoing for a period that
    includes the publication date, else by the days after its last day; None for a point of an
    undated article. By numpy over the columns, not point by point."""
    days = frame["lag_days"].to_numpy(float, na_value=np.nan)
    relation = frame["relation"]
    buckets = np.select(
        [relation.eq("future"), relation.eq("same"), days <= 7, days <= 31, days <= 366],
        LAGS[:5],
        LAGS[5],
    ).astype(object)
    return pd.Series(buckets, index=frame.index).where(frame["published"].notna(), None)


def timeline(build: Build, filters: Filters, axis: str, group_by: str) -> pd.DataFrame:
    """The Timeline chart's points: one per event and group (an event naming two countries is
    on both rows), at the middle of its date range or at its article's publication date, with
    its coverage lag; `history` marks dates before the corpus's first publication year."""
    return _timeline(build.directory, build.build_id, filters, axis, group_by)


#: A Timeline point's columns (`stored`: the date its event is stored under).
POINT_COLUMNS = [
    "x",
    "group",
    "date_text",
    "date_start",
    "date_end",
    "granularity",
    "relation",
    "published",
    "lag_days",
    "lag",
    "history",
    "countries",
    "topic_id",
    "topic",
    "title",
    "source",
    "article_id",
    "start",
    "stop",
    "stored",
]

#: The columns of the Timeline's CSV: a point's but its stored date, with the actors named in
#: its sentence after its countries, and the sentence itself before its keys.
_COUNTRIES, _SOURCE = POINT_COLUMNS.index("countries") + 1, POINT_COLUMNS.index("source") + 1
CSV_COLUMNS = [
    *POINT_COLUMNS[:_COUNTRIES],
    "actors",
    *POINT_COLUMNS[_COUNTRIES:_SOURCE],
    "sentence",
    "article_id",
    "start",
    "stop",
]


@shared(max_entries=16)
def _timeline(
    directory: str, build_id: str, filters: Filters, axis: str, group_by: str
) -> pd.DataFrame:
    build = Build(directory, build_id)
    frame = _grouped(_placed(events(build, filters), axis), group_by)
    frame["lag"] = _lags(frame)
    first = corpus_summary(build)["first"]
    frame["history"] = (
        pd.to_datetime(frame["date_end"]) < pd.Timestamp(first.year, 1, 1) if first else False
    )
    return frame[POINT_COLUMNS].sort_values(
        ["x", "group", "article_id", "start"], ignore_index=True
    )


def _placed(frame: pd.DataFrame, axis: str) -> pd.DataFrame:
    """`frame` with each event's `x` on the `axis`: its article's publication date (events of
    undated articles left out), or the middle of its date range."""
    if axis == "published":
        frame = frame[frame["published"].notna()]
        frame["x"] = pd.to_datetime(frame["published"])
    else:
        start, end = pd.to_datetime(frame["date_start"]), pd.to_datetime(frame["date_end"])
        frame["x"] = (start + (end - start) / 2).dt.floor("D")
    return frame


def _grouped(frame: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """`frame` with each event's row `group`: each country it names (one row per country), or
    its paragraph's topic; `countries` as text."""
    frame["named"] = frame["countries"]
    frame["countries"] = frame["countries"].map("; ".join)
    if group_by == "country":
        frame = _exploded(frame, "named")
        frame["group"] = frame["named"].map(country_name, na_action="ignore")
    else:
        frame["group"] = frame["topic_id"].astype("Int64").astype(str) + " · " + frame["topic"]
    frame["group"] = frame["group"].fillna(NO_GROUP[group_by])
    return frame


def _exploded(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """`frame.explode(column, ignore_index=True)` of a column of lists of strings: a row per
    item of each row's list (a missing value for an empty or missing list), rows in order. By
    one take of the rows, several times faster than pandas' explode, which joins every column
    back on the exploded one."""
    lists = [items if items is not None and len(items) else [None] for items in frame[column]]
    rows = np.repeat(np.arange(len(frame)), [len(items) for items in lists])
    exploded = frame.take(rows).reset_index(drop=True)
    exploded[column] = pd.Series([item for items in lists for item in items], dtype="str")
    return exploded


def lag_counts(points: pd.DataFrame) -> pd.DataFrame:
    """Distinct events of dated articles per coverage-lag bucket, in bucket order."""
    distinct = points.drop_duplicates(["article_id", "start"]).dropna(subset=["lag"])
    counts = distinct["lag"].value_counts().reindex(list(LAGS), fill_value=0)
    return counts.rename_axis("lag").reset_index(name="events")


def decade_counts(points: pd.DataFrame) -> pd.DataFrame:
    """Distinct events per decade of their first day."""
    distinct = points.drop_duplicates(["article_id", "start"])
    decades = pd.to_datetime(distinct["date_start"]).dt.year // 10 * 10
    counts = decades.value_counts().sort_index()
    return pd.DataFrame({"decade": [f"{d}s" for d in counts.index], "events": counts.values})


def event_counts(build: Build, filters: Filters) -> dict:
    """Events of the selected articles: in all, resolved to dates, and their articles."""
    return counted(build, filters, "events", "resolved", "date_start")


def history_table(build: Build, history: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The first `limit` distinct references to the past (`history`, Timeline points), oldest
    first, with their sentences, as the History table shows them."""
    oldest = history.drop_duplicates(["article_id", "start"]).sort_values("date_start").head(limit)
    oldest["sentence"] = sentences(build, oldest)
    return oldest[["date_text", "date_start", "date_end", "sentence", "title"]]
