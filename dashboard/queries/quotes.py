"""Quotes: who said what about whom (Quotes page, an actor's profile)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.filters import Filters
from dashboard.store import (
    Build,
    arrow,
    at_rows,
    new_cursor,
    selected,
    shared,
    time_limited,
)

#: Kinds of quote, as the Quotes page offers them.
QUOTE_KINDS = {
    "any": "Any kind",
    "direct": "Direct («...»)",
    "indirect": "Indirect (said that)",
    "interview": "Interview answers",
}


@dataclass(frozen=True)
class QuoteQuery:
    """What the Quotes page (or an actor's profile) asks for: quotes said by `speaker` (an
    entity id), by anyone from `speaker_country`, about the entity `about` or the country
    `about_country`, of `kind`, containing `text` (any case)."""

    speaker: str | None = None
    speaker_country: str | None = None
    about: str | None = None
    about_country: str | None = None
    kind: str = "any"
    text: str = ""


def quotes(build: Build, filters: Filters, wanted: QuoteQuery, limit: int) -> pd.DataFrame:
    """The quotes of the selected articles that `wanted` asks for, newest articles first (at
    most `limit`; `total` counts them all): speaker (canonical name, else the words of the
    text), what was said, the entities and countries it names, and its article."""
    return quote_sets(build, filters, [wanted], limit)[0]


#: One row of the `wanted` table of `quote_sets`: a set's number and what it asks for.
_WANTED_ROW = "(?, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::VARCHAR)"


def quote_sets(
    build: Build, filters: Filters, wanted: list[QuoteQuery], limit: int
) -> list[pd.DataFrame]:
    """`quotes` for each of `wanted`, in one reading of the quotes' text (an actor's profile
    asks for the quotes said by them and about them)."""
    found = _quote_sets(build.directory, build.build_id, filters, tuple(wanted), limit)
    return [
        found[found["number"] == number].drop(columns="number").reset_index(drop=True)
        for number in range(len(wanted))
    ]


#: The quotes `wanted` asks for, each set's newest `limit` (`{newest}`: `_NEWEST`): keys and
#: narrow columns only, so no other quote's text is decompressed (`{conditions}`: `_conditions`),
#: in the row groups of the filters' dates alone (`{dates}`: `Filters.in_range`). The speakers'
#: names are joined to the picked quotes only (`{named}`, `{late}`: `_speakers`).
_PICKED = """
    WITH wanted (number, speaker, speaker_country, about, about_country, kind, words) AS (
        VALUES {rows}
    ),
    found AS (
        SELECT q.article_id, q.start, q.stop, q.kind, q.published AS stored,
               q.speaker_entity_id, w.number {named}
        FROM {source}
        {early}
        JOIN wanted w ON {conditions}
        WHERE {dates}
    ),
    counted AS (SELECT number, count(*) AS total FROM found GROUP BY number),
    newest AS ({newest})
    SELECT p.article_id, p.start, p.stop, p.kind, p.stored, {late}, p.number, c.total
    FROM newest p
    JOIN counted c USING (number)
    LEFT JOIN entities n ON n.entity_id = p.speaker_entity_id
"""

#: A set's (`{number}`) newest found quotes, up to `?`: in the order of their stored date unless
#: the cursor's articles undate some (`{dated}`, `{date}`). A top-N per set, not a window over
#: every found quote, which would sort them all.
_NEWEST = """
    (SELECT f.* FROM found f {dated}
     WHERE f.number = {number}
     ORDER BY {date} DESC NULLS LAST, f.article_id, f.start
     LIMIT ?)
"""


def _picked(wanted: tuple[QuoteQuery, ...], filters: Filters) -> str:
    """`_PICKED` for `wanted`: the speaker's entity joined to every quote only when a set asks
    for the speaker's country, else to the picked ones; the articles joined only when the
    filters undate some of them (`Filters.inferred` off), else the quotes' own date orders.
    When every set asks for one entity's quotes (`_one_entity`), they are picked from that
    entity's (the cursor's `own_quotes`), not from every quote."""
    early = any(_asks(one, "speaker_country") for one in wanted)
    return _PICKED.format(
        source=selected("own_quotes q" if _one_entity(wanted) else "quotes q"),
        rows=", ".join([_WANTED_ROW] * len(wanted)),
        conditions=_conditions(wanted),
        named=", n.name AS speaker_name, n.country AS speaker_country" if early else "",
        early="LEFT JOIN entities n ON n.entity_id = q.speaker_entity_id" if early else "",
        late=(
            "p.speaker_name, p.speaker_country"
            if early
            else "n.name AS speaker_name, n.country AS speaker_country"
        ),
        newest=" UNION ALL ".join(
            _NEWEST.format(
                number=number,
                dated="" if filters.inferred else "JOIN articles a USING (article_id)",
                date="f.stored" if filters.inferred else "a.published",
            )
            for number in range(len(wanted))
        ),
        dates=filters.in_range("q.published")[0],
    )


#: What a set of `wanted` may ask for: the `QuoteQuery` field, and the join's condition.
_CONDITIONS = (
    ("speaker", "(w.speaker IS NULL OR q.speaker_entity_id = w.speaker)"),
    ("speaker_country", "(w.speaker_country IS NULL OR n.country = w.speaker_country)"),
    ("about", "(w.about IS NULL OR list_contains(q.about_entity_ids, w.about))"),
    (
        "about_country",
        "(w.about_country IS NULL OR list_contains(q.about_countries, w.about_country))",
    ),
    ("kind", "(w.kind = 'any' OR q.kind = w.kind)"),
    ("text", "(w.words = '' OR contains(lower(q.quote), lower(w.words)))"),
)


def _conditions(wanted: tuple[QuoteQuery, ...]) -> str:
    """The join's conditions that some set of `wanted` asks for: a column no set filters on
    is not read (the quotes' text, their lists of entities), as a condition would read it for
    every quote even where it holds."""
    asked = [sql for field, sql in _CONDITIONS if any(_asks(one, field) for one in wanted)]
    return " AND ".join(asked) or "true"


def _one_entity(wanted: tuple[QuoteQuery, ...]) -> str | None:
    """The entity every set of `wanted` asks for, as its speaker or one it names (an actor's
    profile), when none asks for words (the narrow `_ENTITY_QUOTES` lack the text); else None."""
    entities = {one.speaker if _asks(one, "speaker") else one.about for one in wanted}
    if len(entities) != 1 or any(_asks(one, "text") for one in wanted):
        return None
    return next(iter(entities))


#: The quotes said by an entity or naming it (`?`), with the narrow columns that `_PICKED`
#: picks from and filters on: the build's `entity_quotes` of the entity, laid out by entity, so
#: only its row groups are read.
_ENTITY_QUOTES = """
    SELECT article_id, article_key, start, stop, kind, published, speaker_entity_id,
           about_entity_ids, about_countries
    FROM entity_quotes
    WHERE entity_id = ?
"""


@st.cache_resource(show_spinner=False, max_entries=16)
def _entity_quotes(directory: str, build_id: str, entity_id: str) -> pa.Table:
    """`_ENTITY_QUOTES` of an entity in every article, read once per entity and shared by
    every filter state: picking its quotes from all quotes would read every selected quote's
    list of entities again after each filter change."""
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        return arrow(cursor, _ENTITY_QUOTES, [entity_id])


def _asks(one: QuoteQuery, field: str) -> bool:
    """Whether `one` filters on `field` (a kind other than 'any', some words, an id)."""
    return (getattr(one, field) or "").strip() not in ("", "any")


#: The picked quotes (`picked`) with their text and what they name, read only in the row groups
#: of their dates and, of the undated, of their articles (`{quotes}`: `at_rows`; of one entity's
#: quotes, in that entity's row groups of `entity_quotes`), and their
#: articles' titles, read in the row groups of the same articles when the cursor's articles
#: keep their stored dates (`{articles}`, else every article).
_SHOWN = """
    WITH shown AS (
        SELECT q.*, p.speaker_name, p.speaker_country, p.number, p.total
        FROM picked p JOIN {quotes} q USING (article_id, start, stop, kind)
    ),
    about AS (
        SELECT x.article_id, x.start, string_agg(n.name, '; ' ORDER BY n.name) AS about
        FROM (
            SELECT article_id, start, unnest(about_entity_ids) AS entity_id
            FROM (SELECT DISTINCT article_id, start, about_entity_ids FROM shown)
        ) x
        JOIN entities n USING (entity_id)
        GROUP BY ALL
    )
    SELECT a.published,
           coalesce(p.speaker_name, p.speaker_surface, '(not named)') AS speaker,
           p.speaker_surface AS as_written, p.speaker_country, p.quote, p.kind, p.cue,
           coalesce(x.about, '') AS about, array_to_string(p.about_countries, '; ')
           AS countries, a.title, a.source, p.article_id, p.paragraph, p.start, p.stop,
           p.speaker_entity_id, p.total, p.number
    FROM shown p
    JOIN {articles} a USING (article_id)
    LEFT JOIN about x ON x.article_id = p.article_id AND x.start = p.start
    ORDER BY p.number, a.published DESC NULLS LAST, p.article_id, p.start
"""


@shared(max_entries=64)
def _quote_sets(
    directory: str, build_id: str, filters: Filters, wanted: tuple[QuoteQuery, ...], limit: int
) -> pd.DataFrame:
    """The rows of `quote_sets`, with their set's `number`: the newest quotes picked from the
    narrow columns, then only theirs read whole."""
    params = [
        value
        for number, one in enumerate(wanted)
        for value in (
            number,
            one.speaker,
            one.speaker_country,
            one.about,
            one.about_country,
            one.kind,
            one.text.strip(),
        )
    ]
    cursor = new_cursor(directory, build_id, filters)
    entity_id = _one_entity(wanted)
    if entity_id is not None:
        cursor.register("own_quotes", _entity_quotes(directory, build_id, entity_id))
    with time_limited(cursor):
        bounds = filters.in_range("q.published")[1]
        sql = _picked(wanted, filters)
        limits = [limit] * len(wanted)
        picked = arrow(cursor, sql, [*params, *bounds, *limits])
        cursor.register("picked", picked)
        stored, ids = picked["stored"], picked["article_id"]
        if entity_id is None:
            shown, params = at_rows("quotes", stored, ids)
        else:
            shown, params = at_rows("entity_quotes", stored, ids, ("entity_id = ?", [entity_id]))
        articles, more = at_rows("articles", stored, ids) if filters.inferred else ("articles", [])
        # `{quotes}` comes before `{articles}` in the SQL, so do their parameters.
        return cursor.execute(_SHOWN.format(quotes=shown, articles=articles), params + more).df()


def most_quoted(quotes: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The named speakers of `quotes` (`quotes`) by their quotes there, then articles."""
    return (
        quotes.dropna(subset=["speaker_entity_id"])
        .groupby(["speaker_entity_id", "speaker"], as_index=False)
        .agg(quotes=("quote", "size"), articles=("article_id", "nunique"))
        .sort_values(["quotes", "articles", "speaker"], ascending=[False, False, True])
        .head(limit)
        .reset_index(drop=True)
    )


#: The selected articles' quotes per speaker (null: none named) and in all (`whole`): quotes
#: and their articles, read in the row groups of the filters' dates alone (`{dates}`:
#: `Filters.in_range`).
_BY_SPEAKER = f"""
    SELECT q.speaker_entity_id, grouping(q.speaker_entity_id) = 1 AS whole, count(*) AS quotes,
           count(DISTINCT q.article_id) AS articles
    FROM {selected("quotes q")}
    WHERE {{dates}}
    GROUP BY GROUPING SETS ((q.speaker_entity_id), ())
"""


@st.cache_resource(show_spinner=False, max_entries=64)
def _by_speaker(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """`_BY_SPEAKER` of a filter state, counted once and shared by the page's counts and its
    speakers: each would read every selected quote's speaker and article."""
    dates, bounds = filters.in_range("q.published")
    with time_limited(new_cursor(directory, build_id, filters)) as cursor:
        return arrow(cursor, _BY_SPEAKER.format(dates=dates), bounds)


def quote_speakers(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """The people and organisations quoted most in the selected articles: quotes, articles,
    country, role (`_by_speaker`)."""
    return _speakers(build.directory, build.build_id, filters, limit)


@shared(max_entries=64)
def _speakers(directory: str, build_id: str, filters: Filters, limit: int) -> pd.DataFrame:
    cursor = new_cursor(directory, build_id, None)
    cursor.register("speakers", _by_speaker(directory, build_id, filters))
    with time_limited(cursor):
        return cursor.execute(
            """
            SELECT n.entity_id, n.name, n.type, n.country, n.role, s.quotes, s.articles
            FROM speakers s JOIN entities n ON n.entity_id = s.speaker_entity_id
            WHERE NOT s.whole
            ORDER BY s.quotes DESC, s.articles DESC, n.entity_id
            LIMIT ?
            """,
            [limit],
        ).df()


def quote_counts(build: Build, filters: Filters) -> dict:
    """Quotes in the selected articles, how many have a named speaker, and in how many
    articles (`_by_speaker`)."""
    counts = _by_speaker(build.directory, build.build_id, filters).to_pylist()
    whole = next((row for row in counts if row["whole"]), {"quotes": 0, "articles": 0})
    unnamed = sum(
        row["quotes"] for row in counts if not row["whole"] and row["speaker_entity_id"] is None
    )
    return {
        "quotes": whole["quotes"],
        "attributed": whole["quotes"] - unnamed,
        "articles": whole["articles"],
    }
