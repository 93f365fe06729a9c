"""All data access for the dashboard: the build's manifest and DuckDB queries over its Parquet.

Queries are parameterised; results are cached per build id, so a rebuild invalidates them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pyarrow as pa
import pycountry
import streamlit as st
from babel import Locale

from dashboard.filters import Filters
from pipeline import SCHEMA_VERSION
from pipeline.nlp import word_forms
from pipeline.schema import OPTIONAL, TABLES
from pipeline.store import MANIFEST

ENV_VAR = "OBZOR_DATA"
#: Seed of every randomised computation (graph layout and communities).
SEED = 7
DEFAULT_DIR = Path("data")


class DataError(RuntimeError):
    """The data directory cannot be used; `fix` is the command that repairs it."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


@dataclass(frozen=True)
class Build:
    """A loaded data directory. `build_id` keys every cache; `missing` are the optional tables
    it lacks (queries see them as empty)."""

    directory: str
    build_id: str
    missing: tuple[str, ...] = ()


def data_dir(argv: list[str] | None = None) -> Path:
    """`--data DIR` after `streamlit run app.py --`, else $OBZOR_DATA, else ./data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return args.data or Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def _rebuild_command(directory: Path, inputs: list[str] | None = None) -> str:
    return f"obzor build {' '.join(inputs or ['seeds'])} --out {directory}"


def rebuild_command(build: Build) -> str:
    """The command that rebuilds this data directory from the inputs it was built from."""
    inputs = manifest(build).get("options", {}).get("inputs")
    return _rebuild_command(Path(build.directory), inputs)


@st.cache_data(show_spinner=False)
def _read_manifest(path: str, mtime_ns: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def open_build(directory: Path) -> Build:
    """Check that `directory` holds a complete build this app can read."""
    path = directory / MANIFEST
    if not path.is_file():
        raise DataError(f"No data found in `{directory.resolve()}`.", _rebuild_command(directory))
    try:
        manifest = _read_manifest(str(path), path.stat().st_mtime_ns)
    except (OSError, ValueError) as exc:
        raise DataError(f"`{path}` is unreadable ({exc}).", _rebuild_command(directory)) from exc
    found = manifest.get("schema_version")
    if found != SCHEMA_VERSION:
        raise DataError(
            f"`{directory}` was built with data schema {found}; this app reads schema "
            f"{SCHEMA_VERSION}. Rebuild it with the installed pipeline.",
            _rebuild_command(directory),
        )
    missing = [name for name in TABLES if not (directory / f"{name}.parquet").is_file()]
    needed = [name for name in missing if name not in OPTIONAL]
    if needed:
        raise DataError(
            f"`{directory}` lacks {', '.join(m + '.parquet' for m in needed)}.",
            _rebuild_command(directory, manifest.get("options", {}).get("inputs")),
        )
    return Build(str(directory.resolve()), manifest["build_id"], tuple(missing))


def manifest(build: Build) -> dict:
    path = Path(build.directory) / MANIFEST
    return _read_manifest(str(path), path.stat().st_mtime_ns)


#: DuckDB's memory for query processing; the rest of the server's budget is Streamlit's.
MEMORY_LIMIT = "1GB"


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(directory: str, build_id: str) -> duckdb.DuckDBPyConnection:
    spill = Path(tempfile.gettempdir()) / "obzor-duckdb"  # not the working directory
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)})
    for name, schema in TABLES.items():
        path = Path(directory) / f"{name}.parquet"
        if path.is_file():
            quoted = str(path).replace("'", "''")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
        else:  # an optional table this build lacks: empty, with the contract's columns
            con.register("empty", schema.empty_table())
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty")
            con.unregister("empty")
    return con


@st.cache_resource(show_spinner=False, max_entries=64)
def _selection(directory: str, build_id: str, filters: Filters) -> pa.Table:
    """The ids of the articles the filters select, computed once per filter state (a text
    filter reads every article) and shared by every query of every page."""
    sql, params = filters.where()
    return _connection(directory, build_id).sql(sql, params=params).to_arrow_table()


def _cursor(directory: str, build_id: str, filters: Filters | None) -> duckdb.DuckDBPyConnection:
    """A cursor on the build; with `filters`, the selected article ids are its table `sel`."""
    cursor = _connection(directory, build_id).cursor()
    if filters is not None:
        cursor.register("sel", _selection(directory, build_id, filters))
    return cursor


@st.cache_data(show_spinner=False, max_entries=256)
def _query(
    directory: str, build_id: str, sql: str, params: tuple, filters: Filters | None = None
) -> pd.DataFrame:
    return _cursor(directory, build_id, filters).execute(sql, list(params)).df()


def query(build: Build, sql: str, *params: object) -> pd.DataFrame:
    """Run a parameterised query against the build's tables."""
    return _query(build.directory, build.build_id, sql, params)


def filtered(build: Build, filters: Filters, sql: str, *params: object) -> pd.DataFrame:
    """Run a parameterised query in which the table `sel` (`article_id`) holds the articles the
    filters select."""
    return _query(build.directory, build.build_id, sql, params, filters)


def summary(build: Build, filters: Filters) -> dict:
    """Articles, sources, dated articles, first and last publication date, words."""
    row = filtered(
        build,
        filters,
        """
        SELECT count(*) AS articles,
               count(DISTINCT source) AS sources,
               count(published) AS dated,
               min(published) AS first,
               max(published) AS last,
               coalesce(sum(n_words), 0) AS words
        FROM articles JOIN sel USING (article_id)
        """,
    ).iloc[0]
    return {k: (None if pd.isna(v) else v) for k, v in row.items()}


def corpus_summary(build: Build) -> dict:
    """`summary` of the whole build, whatever the filters."""
    return summary(build, Filters())


def articles_per_month(build: Build, filters: Filters) -> pd.DataFrame:
    """Dated articles per calendar month, months without articles included as zero."""
    return filtered(
        build,
        filters,
        """
        WITH counts AS (
            SELECT date_trunc('month', published)::DATE AS month, count(*) AS articles
            FROM articles JOIN sel USING (article_id)
            WHERE published IS NOT NULL GROUP BY 1
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM counts
        )
        SELECT strftime(months.month, '%Y-%m') AS month,
               coalesce(counts.articles, 0)::BIGINT AS articles
        FROM months LEFT JOIN counts USING (month)
        ORDER BY month
        """,
    )


def article_list(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Newest articles first; undated last."""
    return filtered(
        build,
        filters,
        """
        SELECT title, published, source, n_words AS words, url, article_id
        FROM articles JOIN sel USING (article_id)
        ORDER BY published DESC NULLS LAST, article_id
        LIMIT ?
        """,
        limit,
    )


def topic_list(build: Build, filters: Filters) -> pd.DataFrame:
    """Every topic with its paragraphs and articles among the selected articles, largest
    first; `share` is of the selection's paragraphs with a topic."""
    return filtered(
        build,
        filters,
        """
        WITH counts AS (
            SELECT topic_id, count(*) AS paragraphs, count(DISTINCT article_id) AS articles
            FROM paragraphs JOIN sel USING (article_id)
            WHERE topic_id IS NOT NULL
            GROUP BY topic_id
        )
        SELECT t.topic_id, t.label, coalesce(c.paragraphs, 0)::BIGINT AS paragraphs,
               round(coalesce(c.paragraphs, 0) / greatest(sum(c.paragraphs) OVER (), 1), 4)
                   AS share,
               coalesce(c.articles, 0)::BIGINT AS articles, round(t.coherence, 4) AS coherence,
               array_to_string(t.terms, ', ') AS terms
        FROM topics t LEFT JOIN counts c USING (topic_id)
        ORDER BY paragraphs DESC, t.topic_id
        """,
    )


def topics_over_time(build: Build, filters: Filters) -> pd.DataFrame:
    """Per month and topic: paragraphs of dated articles, the month's paragraphs with a topic,
    and the topic's share of them (null in a month without any), so a half month or a quiet
    month does not look like a drop. Every month between the first and last is listed."""
    return filtered(
        build,
        filters,
        """
        WITH dated AS (
            SELECT date_trunc('month', a.published)::DATE AS month, p.topic_id
            FROM paragraphs p JOIN articles a USING (article_id) JOIN sel USING (article_id)
            WHERE a.published IS NOT NULL AND p.topic_id IS NOT NULL
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM dated
        ),
        counts AS (SELECT month, topic_id, count(*) AS n FROM dated GROUP BY ALL),
        totals AS (SELECT month, count(*) AS total FROM dated GROUP BY ALL)
        SELECT strftime(m.month, '%Y-%m') AS month, t.topic_id, t.label,
               coalesce(c.n, 0)::BIGINT AS paragraphs,
               coalesce(s.total, 0)::BIGINT AS month_paragraphs,
               round(coalesce(c.n, 0) / s.total, 4) AS share
        FROM months m CROSS JOIN topics t
        LEFT JOIN counts c ON c.month = m.month AND c.topic_id = t.topic_id
        LEFT JOIN totals s ON s.month = m.month
        ORDER BY m.month, t.topic_id
        """,
    )


def topic_paragraphs(build: Build, filters: Filters, topic_id: int, limit: int) -> pd.DataFrame:
    """A topic's paragraphs in the selected articles, its representative first, then by how
    clearly they belong."""
    return filtered(
        build,
        filters,
        """
        WITH keys AS (
            SELECT p.article_id, p.paragraph, p.topic_score AS score, p.stop - p.start AS size,
                   (p.article_id = t.representative_article_id
                    AND p.paragraph = t.representative_paragraph) AS representative
            FROM paragraphs p JOIN sel USING (article_id) JOIN topics t USING (topic_id)
            WHERE p.topic_id = ?
            ORDER BY representative DESC, score DESC NULLS LAST, size DESC, p.article_id,
                     p.paragraph
            LIMIT ?
        )
        SELECT a.title, a.published, a.source, k.paragraph, k.score, p.text, k.article_id,
               k.representative
        FROM keys k
        JOIN paragraphs p USING (article_id, paragraph)
        JOIN articles a USING (article_id)
        ORDER BY k.representative DESC, k.score DESC NULLS LAST, k.size DESC, k.article_id,
                 k.paragraph
        """,
        topic_id,
        limit,
    )


#: Actors offered in the sidebar: the most written-about ones (a selected one is always kept).
ACTOR_OPTIONS = 3000


def filter_options(build: Build) -> dict[str, pd.DataFrame]:
    """What the sidebar's filters offer: countries, actors, topics and sources, each with
    its number of articles, most frequent first."""
    return {
        "countries": query(
            build,
            """
            SELECT country, count(DISTINCT article_id) AS articles
            FROM country_mentions GROUP BY country ORDER BY articles DESC, country
            """,
        ),
        "actors": query(
            build,
            """
            SELECT entity_id, name, type, aliases, n_articles AS articles
            FROM entities ORDER BY n_articles DESC, n_mentions DESC, entity_id LIMIT ?
            """,
            ACTOR_OPTIONS,
        ),
        "topics": query(build, "SELECT topic_id, label FROM topics ORDER BY topic_id"),
        "sources": query(
            build,
            "SELECT source, count(*) AS articles FROM articles GROUP BY source "
            "ORDER BY articles DESC, source",
        ),
    }


def entity_names(build: Build, entity_ids: list[str]) -> dict[str, str]:
    """Entity id -> 'name (TYPE)' for the given ids."""
    found = query(
        build,
        "SELECT entity_id, name, type FROM entities WHERE list_contains(?, entity_id)",
        entity_ids,
    )
    return {r.entity_id: f"{r.name} ({r.type})" for r in found.itertuples()}


def top_countries(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Countries by the selected articles that name them, with their mentions."""
    frame = filtered(
        build,
        filters,
        """
        SELECT c.country, count(DISTINCT c.article_id) AS articles, count(*) AS mentions
        FROM country_mentions c JOIN sel USING (article_id)
        GROUP BY c.country
        ORDER BY articles DESC, mentions DESC, c.country
        LIMIT ?
        """,
        limit,
    )
    return _named(frame, "country", "name")


def top_actors(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Entities of the filters' types (default: people and organisations) by the selected
    articles that mention them, with mentions, country and role."""
    return filtered(
        build,
        filters,
        """
        WITH counts AS (
            SELECT x.entity_id, count(*) AS articles, sum(x.mentions)::BIGINT AS mentions
            FROM article_entities x JOIN sel USING (article_id)
            WHERE list_contains(?, x.type)
            GROUP BY x.entity_id
        )
        SELECT c.entity_id, e.name, e.type, c.articles, c.mentions, e.country, e.role
        FROM counts c JOIN entities e USING (entity_id)
        ORDER BY c.articles DESC, c.mentions DESC, e.name, c.entity_id
        LIMIT ?
        """,
        filters.actor_types,
        limit,
    )


def country_months(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """For the `limit` most named countries: selected dated articles naming them per month,
    every month between the first and last included."""
    return filtered(
        build,
        filters,
        """
        WITH named AS (
            SELECT DISTINCT c.country, c.article_id,
                   date_trunc('month', a.published)::DATE AS month
            FROM country_mentions c JOIN sel USING (article_id) JOIN articles a USING (article_id)
            WHERE a.published IS NOT NULL
        ),
        top AS (
            SELECT country, count(*) AS total FROM named GROUP BY country
            ORDER BY total DESC, country LIMIT ?
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM named
        ),
        counts AS (SELECT country, month, count(*) AS articles FROM named GROUP BY ALL)
        SELECT t.country, strftime(m.month, '%Y-%m') AS month,
               coalesce(c.articles, 0)::BIGINT AS articles
        FROM top t CROSS JOIN months m
        LEFT JOIN counts c ON c.country = t.country AND c.month = m.month
        ORDER BY t.total DESC, t.country, m.month
        """,
        limit,
    ).pipe(_named, "country", "name")


def country_pairs(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """For the `limit` most named countries: selected articles naming both of each pair (the
    diagonal: naming the country), in both orders so the matrix is symmetric."""
    return (
        filtered(
            build,
            filters,
            """
        WITH named AS (
            SELECT DISTINCT country, article_id FROM country_mentions JOIN sel USING (article_id)
        ),
        top AS (
            SELECT country, count(*) AS total FROM named GROUP BY country
            ORDER BY total DESC, country LIMIT ?
        ),
        kept AS (SELECT n.* FROM named n JOIN top USING (country)),
        pairs AS (
            SELECT a.country AS country_a, b.country AS country_b, count(*) AS articles
            FROM kept a JOIN kept b USING (article_id)
            GROUP BY ALL
        )
        SELECT ta.country AS country_a, tb.country AS country_b,
               coalesce(p.articles, 0)::BIGINT AS articles
        FROM top ta CROSS JOIN top tb
        LEFT JOIN pairs p ON p.country_a = ta.country AND p.country_b = tb.country
        ORDER BY ta.total DESC, ta.country, tb.total DESC, tb.country
        """,
            limit,
        )
        .pipe(_named, "country_a", "name_a")
        .pipe(_named, "country_b", "name_b")
    )


def actor_table(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """Entities of the filters' types (default: people and organisations) ranked by the
    selected articles that mention them, with every alias."""
    return filtered(
        build,
        filters,
        """
        WITH counts AS (
            SELECT x.entity_id, count(*) AS articles, sum(x.mentions)::BIGINT AS mentions
            FROM article_entities x JOIN sel USING (article_id)
            WHERE list_contains(?, x.type)
            GROUP BY x.entity_id
        )
        SELECT e.name, e.type, c.mentions, c.articles, e.country, e.role,
               array_to_string(e.aliases, '; ') AS aliases, e.entity_id
        FROM counts c JOIN entities e USING (entity_id)
        ORDER BY c.articles DESC, c.mentions DESC, e.name, e.entity_id
        LIMIT ?
        """,
        filters.actor_types,
        limit,
    )


def entity(build: Build, entity_id: str) -> dict | None:
    """One entity's row, or None."""
    found = query(build, "SELECT * FROM entities WHERE entity_id = ?", entity_id)
    return None if found.empty else found.iloc[0].to_dict()


def mentions_per_month(build: Build, filters: Filters, entity_id: str) -> pd.DataFrame:
    """An entity's mentions and articles per month in the selected dated articles, months
    without any included as zero."""
    return filtered(
        build,
        filters,
        """
        WITH counts AS (
            SELECT date_trunc('month', a.published)::DATE AS month, count(*) AS mentions,
                   count(DISTINCT m.article_id) AS articles
            FROM mentions m JOIN sel USING (article_id) JOIN articles a USING (article_id)
            WHERE m.entity_id = ? AND a.published IS NOT NULL
            GROUP BY 1
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM counts
        )
        SELECT strftime(months.month, '%Y-%m') AS month,
               coalesce(counts.mentions, 0)::BIGINT AS mentions,
               coalesce(counts.articles, 0)::BIGINT AS articles
        FROM months LEFT JOIN counts USING (month)
        ORDER BY month
        """,
        entity_id,
    )


def co_mentioned(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """People and organisations named in the same sentences as the entity: sentences
    shared, most first."""
    return filtered(
        build,
        filters,
        """
        WITH own_articles AS (
            SELECT article_id FROM article_entities JOIN sel USING (article_id)
            WHERE entity_id = ?
        ),
        own AS (
            SELECT DISTINCT article_id, sentence FROM mentions JOIN own_articles USING (article_id)
            WHERE entity_id = ?
        ),
        pairs AS (
            SELECT DISTINCT m.entity_id, m.article_id, m.sentence
            FROM mentions m JOIN own USING (article_id, sentence)
            WHERE m.entity_id <> ? AND m.type IN ('PER', 'ORG')
        )
        SELECT e.entity_id, e.name, e.type, count(*) AS sentences,
               count(DISTINCT p.article_id) AS articles
        FROM pairs p JOIN entities e USING (entity_id)
        GROUP BY ALL
        ORDER BY sentences DESC, articles DESC, e.name
        LIMIT ?
        """,
        entity_id,
        entity_id,
        entity_id,
        limit,
    )


def co_countries(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """Countries named in the same sentences as the entity: sentences shared, most first."""
    frame = filtered(
        build,
        filters,
        """
        WITH own AS (
            SELECT DISTINCT article_id, sentence FROM mentions JOIN sel USING (article_id)
            WHERE entity_id = ?
        )
        SELECT c.country, count(DISTINCT (o.article_id, o.sentence)) AS sentences,
               count(DISTINCT o.article_id) AS articles
        FROM own o JOIN country_mentions c USING (article_id, sentence)
        GROUP BY c.country
        ORDER BY sentences DESC, articles DESC, c.country
        LIMIT ?
        """,
        entity_id,
        limit,
    )
    return _named(frame, "country", "name")


def entity_articles(build: Build, filters: Filters, entity_id: str, limit: int) -> pd.DataFrame:
    """The selected articles that mention the entity, most mentions first."""
    return filtered(
        build,
        filters,
        """
        SELECT a.title, a.published, a.source, count(*) AS mentions, a.article_id
        FROM mentions m JOIN sel USING (article_id) JOIN articles a USING (article_id)
        WHERE m.entity_id = ?
        GROUP BY ALL
        ORDER BY mentions DESC, a.published DESC NULLS LAST, a.article_id
        LIMIT ?
        """,
        entity_id,
        limit,
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
    return filtered(
        build,
        filters,
        """
        WITH found AS (
            SELECT q.*, n.name AS speaker_name, n.country AS speaker_country
            FROM quotes q JOIN sel USING (article_id)
            LEFT JOIN entities n ON n.entity_id = q.speaker_entity_id
            WHERE (?::VARCHAR IS NULL OR q.speaker_entity_id = ?)
              AND (?::VARCHAR IS NULL OR n.country = ?)
              AND (?::VARCHAR IS NULL OR list_contains(q.about_entity_ids, ?))
              AND (?::VARCHAR IS NULL OR list_contains(q.about_countries, ?))
              AND (? = 'any' OR q.kind = ?)
              AND (? = '' OR contains(lower(q.quote), lower(?)))
        ),
        picked AS (
            SELECT f.*, count(*) OVER () AS total FROM found f
            JOIN articles a USING (article_id)
            ORDER BY a.published DESC NULLS LAST, f.article_id, f.start
            LIMIT ?
        ),
        about AS (
            SELECT x.article_id, x.start, string_agg(n.name, '; ' ORDER BY n.name) AS about
            FROM (SELECT article_id, start, unnest(about_entity_ids) AS entity_id FROM picked) x
            JOIN entities n USING (entity_id)
            GROUP BY ALL
        )
        SELECT a.published,
               coalesce(p.speaker_name, p.speaker_surface, '(not named)') AS speaker,
               p.speaker_surface AS as_written, p.speaker_country, p.quote, p.kind, p.cue,
               coalesce(x.about, '') AS about, array_to_string(p.about_countries, '; ')
               AS countries, a.title, a.source, p.article_id, p.paragraph, p.start, p.stop,
               p.speaker_entity_id, p.total
        FROM picked p
        JOIN articles a USING (article_id)
        LEFT JOIN about x ON x.article_id = p.article_id AND x.start = p.start
        ORDER BY a.published DESC NULLS LAST, p.article_id, p.start
        """,
        *(
            value
            for value in (
                wanted.speaker,
                wanted.speaker_country,
                wanted.about,
                wanted.about_country,
                wanted.kind,
                wanted.text.strip(),
            )
            for _twice in range(2)
        ),
        limit,
    )


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


def quote_speakers(build: Build, filters: Filters, limit: int) -> pd.DataFrame:
    """The people and organisations quoted most in the selected articles: quotes, articles,
    country, role."""
    return filtered(
        build,
        filters,
        """
        SELECT n.entity_id, n.name, n.type, n.country, n.role, count(*) AS quotes,
               count(DISTINCT q.article_id) AS articles
        FROM quotes q JOIN sel USING (article_id) JOIN entities n
          ON n.entity_id = q.speaker_entity_id
        GROUP BY ALL
        ORDER BY quotes DESC, articles DESC, n.entity_id
        LIMIT ?
        """,
        limit,
    )


def quote_counts(build: Build, filters: Filters) -> dict:
    """Quotes in the selected articles, how many have a named speaker, and in how many
    articles."""
    return _counted(build, filters, "quotes", "attributed", "speaker_entity_id")


def _named(frame: pd.DataFrame, code: str, name: str) -> pd.DataFrame:
    """`frame` with the English name of its `code` column's countries right after it."""
    frame = frame.copy()
    frame.insert(frame.columns.get_loc(code) + 1, name, frame[code].map(country_name))
    return frame


def country_name(alpha3: str) -> str:
    """English short name of an ISO alpha-3 code ('AZE' -> 'Azerbaijan'), else the code."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return Locale("en").territories.get(country.alpha_2, country.name) if country else alpha3


#: Events the Timeline draws at most: beyond this, a fixed pseudo-random sample of them.
TIMELINE_POINTS = 5_000


def events(build: Build, filters: Filters, limit: int = TIMELINE_POINTS) -> pd.DataFrame:
    """The events of the selected articles resolved to dates (at most `limit`: a sample fixed
    by a hash of each event's position, so the same selection gives the same points), with
    its article, topic, countries and named actors (people and organisations in its sentence);
    the lag is days from the event's last day to the article's publication (negative:
    announced ahead)."""
    return filtered(
        build,
        filters,
        """
        WITH picked AS (
            SELECT e.* FROM events e JOIN sel USING (article_id)
            WHERE e.date_start IS NOT NULL
            ORDER BY hash(e.article_id, e.start), e.article_id, e.start
            LIMIT ?
        ),
        actors AS (
            SELECT x.article_id, x.start, string_agg(n.name, '; ' ORDER BY n.name) AS actors
            FROM (SELECT article_id, start, unnest(entity_ids) AS entity_id FROM picked) x
            JOIN entities n USING (entity_id)
            WHERE n.type IN ('PER', 'ORG')
            GROUP BY ALL
        )
        SELECT e.date_start, e.date_end, e.date_text, e.granularity, e.relation,
               a.published, (a.published - e.date_end) AS lag_days,
               e.countries, coalesce(x.actors, '') AS actors,
               p.topic_id, t.label AS topic,
               a.title, a.source, e.sentence, e.article_id, e.start, e.stop
        FROM picked e
        JOIN articles a USING (article_id)
        LEFT JOIN actors x ON x.article_id = e.article_id AND x.start = e.start
        LEFT JOIN paragraphs p ON p.article_id = e.article_id AND p.paragraph = e.paragraph
        LEFT JOIN topics t ON t.topic_id = p.topic_id
        ORDER BY e.date_start, e.article_id, e.start
        """,
        limit,
    )


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


def _lag(days: float, relation: str | None) -> str:
    if relation == "future":
        return LAGS[0]
    if relation == "same":
        return LAGS[1]
    limits = ((7, LAGS[2]), (31, LAGS[3]), (366, LAGS[4]))
    return next((name for limit, name in limits if days <= limit), LAGS[5])


def timeline(build: Build, filters: Filters, axis: str, group_by: str) -> pd.DataFrame:
    """The Timeline chart's points: one per event and group (an event naming two countries is
    on both rows), at the middle of its date range or at its article's publication date, with
    its coverage lag; `history` marks dates before the corpus's first publication year."""
    return _timeline(build.directory, build.build_id, filters, axis, group_by)


@st.cache_data(show_spinner=False, max_entries=16)
def _timeline(
    directory: str, build_id: str, filters: Filters, axis: str, group_by: str
) -> pd.DataFrame:
    build = Build(directory, build_id)
    frame = events(build, filters).copy()
    if axis == "published":
        frame = frame[frame["published"].notna()]
        frame["x"] = pd.to_datetime(frame["published"])
    else:
        start, end = pd.to_datetime(frame["date_start"]), pd.to_datetime(frame["date_end"])
        frame["x"] = (start + (end - start) / 2).dt.floor("D")
    frame["named"] = frame["countries"]
    frame["countries"] = frame["countries"].map("; ".join)
    if group_by == "country":
        frame = frame.explode("named", ignore_index=True)
        frame["group"] = frame["named"].map(country_name, na_action="ignore")
    else:
        frame["group"] = frame["topic_id"].astype("Int64").astype(str) + " · " + frame["topic"]
    frame["group"] = frame["group"].fillna(NO_GROUP[group_by])
    frame["lag"] = [
        None if pd.isna(p) else _lag(d, r)
        for p, d, r in zip(frame["published"], frame["lag_days"], frame["relation"], strict=True)
    ]
    first = corpus_summary(build)["first"]
    frame["history"] = (
        pd.to_datetime(frame["date_end"]) < pd.Timestamp(first.year, 1, 1) if first else False
    )
    columns = [
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
        "actors",
        "topic_id",
        "topic",
        "title",
        "source",
        "sentence",
        "article_id",
        "start",
        "stop",
    ]
    return frame[columns].sort_values(["x", "group", "article_id", "start"], ignore_index=True)


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
    return _counted(build, filters, "events", "resolved", "date_start")


def _counted(build: Build, filters: Filters, table: str, known: str, column: str) -> dict:
    """The selected articles' rows of `table` (under the table's name), those with `column`
    set (under `known`), and their articles."""
    row = filtered(
        build,
        filters,
        f"""
        SELECT count(*) AS {table}, count({column}) AS {known},
               count(DISTINCT article_id) AS articles
        FROM {table} JOIN sel USING (article_id)
        """,
    ).iloc[0]
    return {k: int(v) for k, v in row.items()}


def article(build: Build, article_id: str) -> dict | None:
    """One article's title, date, source, url and text, or None."""
    found = query(
        build,
        "SELECT article_id, title, published, source, url, text FROM articles WHERE article_id = ?",
        article_id,
    )
    return None if found.empty else found.iloc[0].to_dict()


def article_marks(
    build: Build, article_id: str, text: str, find: list[str] | None = None
) -> pd.DataFrame:
    """What the Reader highlights in an article's `text`: its entity mentions (kind PER, ORG or
    LOC, with the entity and its canonical name), its dates (kind DATE, with the resolved range
    as the label) and every case-insensitive occurrence of the words in `find` (kind QUERY),
    by position."""
    marks = query(
        build,
        """
        SELECT m.start, m.stop, m.type AS kind, m.entity_id, e.name AS label
        FROM mentions m JOIN entities e USING (entity_id)
        WHERE m.article_id = ?
        UNION ALL
        SELECT start, stop, 'DATE', NULL,
               coalesce(strftime(date_start, '%Y-%m-%d') || ' – ' || strftime(date_end, '%Y-%m-%d'),
                        'unresolved: the article has no publication date')
        FROM events WHERE article_id = ?
        ORDER BY start, stop DESC
        """,
        article_id,
        article_id,
    )
    if not find:
        return marks
    pattern = "|".join(re.escape(w) for w in sorted(find, key=len, reverse=True))
    found = [
        (m.start(), m.end(), "QUERY", None, "text filter")
        for m in re.finditer(pattern, text, re.IGNORECASE)
    ]
    marks = pd.concat([marks, pd.DataFrame(found, columns=marks.columns)], ignore_index=True)
    return marks.sort_values(["start", "stop"], ascending=[True, False], ignore_index=True)


def article_topics(build: Build, article_id: str) -> pd.DataFrame:
    """An article's topics with their weights, strongest first."""
    return query(
        build,
        """
        SELECT t.topic_id, t.label, a.weight
        FROM article_topics a JOIN topics t USING (topic_id)
        WHERE a.article_id = ?
        ORDER BY a.weight DESC, t.topic_id
        """,
        article_id,
    )


#: What makes two nodes of the Network page co-occur, as the URL keeps it.
NETWORK_UNITS = {"sentence": "Same sentence", "paragraph": "Same paragraph"}
#: Country links that count as the text naming a country (not a person's or an
#: organisation's own country, which would tie every actor to it).
_NAMED_VIA = ["name", "adjective", "capital", "city"]


def network(
    build: Build, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Co-occurrence of the `actors` most covered entities of the filters' types (default:
    people and organisations) and the `countries` most named countries in the selected
    articles. Nodes: `node` (entity id or alpha-3), `kind`, `name`, `articles`, `units` (the
    sentences or paragraphs naming it). Edges: every pair sharing a `unit` ('sentence' or
    'paragraph'), with `weight` (units shared) and `articles`."""
    return _network(build.directory, build.build_id, filters, unit, actors, countries)


@st.cache_data(show_spinner=False, max_entries=32)
def _network(
    directory: str, build_id: str, filters: Filters, unit: str, actors: int, countries: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if unit not in NETWORK_UNITS:  # a column name in the SQL below: never user text
        raise ValueError(f"unit must be one of {list(NETWORK_UNITS)}")
    cursor = _cursor(directory, build_id, filters)
    cursor.execute(
        f"""
        CREATE TEMP TABLE kept AS
        WITH units AS (
            SELECT DISTINCT m.article_id, m.{unit} AS unit, 'actor' AS kind, m.entity_id AS node
            FROM mentions m JOIN sel USING (article_id) JOIN entities e USING (entity_id)
            WHERE list_contains(?, e.type)
            UNION ALL
            SELECT DISTINCT c.article_id, c.{unit}, 'country', c.country
            FROM country_mentions c JOIN sel USING (article_id)
            WHERE list_contains(?, c.via)
        ),
        counted AS (
            SELECT kind, node, count(DISTINCT article_id) AS articles, count(*) AS units,
                   row_number() OVER (PARTITION BY kind ORDER BY count(DISTINCT article_id) DESC,
                                      count(*) DESC, node) AS rank
            FROM units GROUP BY kind, node
        )
        SELECT u.*, c.articles, c.units AS node_units
        FROM units u JOIN counted c USING (kind, node)
        WHERE (c.kind = 'actor' AND c.rank <= ?) OR (c.kind = 'country' AND c.rank <= ?)
        """,
        [filters.actor_types, _NAMED_VIA, actors, countries],
    )
    nodes = cursor.execute(
        """
        SELECT DISTINCT k.node, k.kind, coalesce(e.name, k.node) AS name, k.articles,
               k.node_units AS units
        FROM kept k LEFT JOIN entities e ON k.kind = 'actor' AND e.entity_id = k.node
        ORDER BY articles DESC, units DESC, node
        """
    ).df()
    edges = cursor.execute(
        """
        SELECT a.node AS source, b.node AS target, count(*) AS weight,
               count(DISTINCT a.article_id) AS articles
        FROM kept a JOIN kept b ON a.article_id = b.article_id AND a.unit = b.unit
                                AND a.node < b.node
        GROUP BY ALL
        ORDER BY weight DESC, articles DESC, source, target
        """
    ).df()
    is_country = nodes["kind"] == "country"
    nodes["name"] = nodes["name"].where(~is_country, nodes["node"].map(country_name))
    return nodes, edges


def graph(nodes: pd.DataFrame, edges: pd.DataFrame, min_weight: int) -> nx.Graph:
    """The network with edges of at least `min_weight` and the nodes they join; each node has
    its `community` (Louvain, largest first, seeded: the same data gives the same colours) and
    its position `x`, `y` (a seeded spring layout)."""
    kept = edges[edges["weight"] >= min_weight]
    g = nx.Graph()
    for row in nodes[nodes["node"].isin(set(kept["source"]) | set(kept["target"]))].itertuples():
        g.add_node(row.node, kind=row.kind, label=row.name, articles=int(row.articles))
    for row in kept.itertuples():
        g.add_edge(row.source, row.target, weight=int(row.weight), articles=int(row.articles))
    if not g:
        return g
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    for number, members in enumerate(found):
        for node in members:
            g.nodes[node]["community"] = number
    for node, (x, y) in _layout(g).items():
        g.nodes[node]["x"], g.nodes[node]["y"] = round(x, 4), round(y, 4)
    return g


def _layout(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """The largest connected part spread over the unit square, the smaller parts in a row
    beneath it (a spring layout of the whole graph pushes them to the edges and squeezes the
    main part into a corner)."""
    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    found: dict[str, tuple[float, float]] = {}
    row = len(parts) - 1
    for number, part in enumerate(parts):
        sub = g.subgraph(part)
        spread = 2 / len(part) ** 0.5
        places = nx.spring_layout(sub, weight="weight", seed=SEED, k=spread, iterations=100)
        size, x0, y0 = (
            (1.0, 0.0, 0.0)
            if number == 0
            else (min(0.9 / row, 0.25), -1 + (number - 0.5) * 2 / row, -1.4)
        )
        for node, (x, y) in places.items():
            found[node] = (x0 + size * float(x), y0 + size * float(y))
    return found


def graph_tables(g: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The plotted nodes (`node`, `kind`, `name`, `articles`, `community`, `degree`, `x`, `y`)
    and edges (`source`, `source_name`, `target`, `target_name`, `weight`, `articles`)."""
    nodes = pd.DataFrame(
        [
            (n, d["kind"], d["label"], d["articles"], d["community"], g.degree(n), d["x"], d["y"])
            for n, d in g.nodes(data=True)
        ],
        columns=["node", "kind", "name", "articles", "community", "degree", "x", "y"],
    ).sort_values(
        ["community", "articles", "node"], ascending=[True, False, True], ignore_index=True
    )
    names = dict(zip(nodes["node"], nodes["name"], strict=True))
    edges = pd.DataFrame(
        [(a, names[a], b, names[b], d["weight"], d["articles"]) for a, b, d in g.edges(data=True)],
        columns=["source", "source_name", "target", "target_name", "weight", "articles"],
    ).sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    return nodes, edges


def to_gexf(g: nx.Graph) -> bytes:
    """The graph as GEXF 1.2 for Gephi, with node labels, kinds, communities and weights."""
    return "\n".join(nx.generate_gexf(g)).encode("utf-8")


#: Search modes of the Search page, as the URL keeps them.
SEARCH_MODES = {"lemma": "Any form of the words", "word": "Exact words", "entity": "Entity"}
#: Orders of a concordance: article order, or alphabetical by the words nearest the hit.
SEARCH_ORDERS = {
    "article": "Newest article first",
    "left": "Word before",
    "match": "Match",
    "right": "Word after",
}
#: Characters a context window reads per word it wants (long words are rare).
_CHARS_PER_WORD = 40


@dataclass(frozen=True)
class Term:
    """What the Search page looks for: each word of a phrase as a set of forms (the word
    itself, or every form of its lemma), as a Python and as a DuckDB (RE2) regular expression.
    Both match whole words only, 'е' and 'ё' alike, case-insensitively. `index` is, per word,
    what the `words` table must hold for an article to be a candidate."""

    words: tuple[tuple[str, frozenset[str]], ...]  # (lemma or word, its forms)
    python: str
    re2: str
    index: tuple[tuple[str, ...], ...]

    @property
    def exact(self) -> bool:
        """Whether the index alone decides which articles use it: one word, no hyphens."""
        return len(self.words) == 1 and all(re.fullmatch(r"[^\W_]+", f) for f in self.words[0][1])


@lru_cache(maxsize=256)
def search_term(text: str, mode: str) -> Term | None:
    """The `Term` of a typed phrase in mode 'word' or 'lemma'; None without a word in it."""
    words = re.findall(r"\w+(?:-\w+)*", text.lower())
    if not words:
        return None
    found = tuple(word_forms(w) if mode == "lemma" else (w, frozenset({w})) for w in words)

    def alternation(forms: frozenset[str]) -> str:
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        return (
            "(?:"
            + "|".join(
                "".join("[её]" if c in "её" else re.escape(c) for c in form) for form in ordered
            )
            + ")"
        )

    def indexed(forms: frozenset[str]) -> tuple[str, ...]:
        """The first word of each form (a hyphenated form's article has it too), with and
        without 'ё'."""
        heads = {re.findall(r"[^\W_]+", form)[0] for form in forms}
        return tuple(sorted(heads | {h.replace("ё", "е") for h in heads}))

    body = r"\s+".join(alternation(forms) for _, forms in found)
    return Term(
        words=found,
        python=rf"(?<!\w)(?:{body})(?!\w)",
        re2=rf"(?:^|[^\pL\pN_])(?:{body})(?:$|[^\pL\pN_])",
        index=tuple(indexed(forms) for _, forms in found),
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _using(directory: str, build_id: str, mode: str, term: str) -> pa.Table:
    """The ids of the articles that use `term` (see `concordance`), whatever the filters: from
    the entity's articles, or the words index, checked against the text for a phrase. Computed
    once for the concordance and the usage per month."""
    cursor = _connection(directory, build_id).cursor()
    if mode == "entity":
        sql = "SELECT article_id FROM article_entities WHERE entity_id = ?"
        return cursor.sql(sql, params=[term]).to_arrow_table()
    found = search_term(term, mode)
    if found is None:
        return pa.table({"article_id": pa.array([], pa.string())})
    each = "SELECT DISTINCT article_id FROM words WHERE word IN (SELECT unnest(?))"
    candidates = " INTERSECT ".join([each] * len(found.index))
    params: list = list(found.index)
    if not found.exact:
        candidates = (
            f"SELECT article_id FROM articles WHERE article_id IN ({candidates}) "
            "AND regexp_matches(lower(text), ?)"
        )
        params.append(found.re2)
    return cursor.sql(f"{candidates} ORDER BY article_id", params=params).to_arrow_table()


def usage_per_month(build: Build, filters: Filters, mode: str, term: str) -> pd.DataFrame:
    """Per month: selected dated articles that use `term` (see `concordance`), all selected
    dated articles, and the share; every month between the first and last one is listed."""
    return _usage(build.directory, build.build_id, filters, mode, term)


@st.cache_data(show_spinner=False, max_entries=32)
def _usage(directory: str, build_id: str, filters: Filters, mode: str, term: str) -> pd.DataFrame:
    cursor = _cursor(directory, build_id, filters)
    cursor.register("hits", _using(directory, build_id, mode, term))
    return cursor.execute(
        """
        WITH dated AS (
            SELECT date_trunc('month', a.published)::DATE AS month,
                   a.article_id IN (SELECT article_id FROM hits) AS uses
            FROM articles a JOIN sel USING (article_id)
            WHERE a.published IS NOT NULL
        ),
        months AS (
            SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH))::DATE
                   AS month
            FROM dated
        ),
        counts AS (
            SELECT month, count(*) FILTER (WHERE uses) AS articles, count(*) AS all_articles
            FROM dated GROUP BY month
        )
        SELECT strftime(m.month, '%Y-%m') AS month, coalesce(c.articles, 0)::BIGINT AS articles,
               coalesce(c.all_articles, 0)::BIGINT AS all_articles,
               round(coalesce(c.articles / c.all_articles, 0), 4) AS share
        FROM months m LEFT JOIN counts c USING (month)
        ORDER BY m.month
        """
    ).df()


def concordance(
    build: Build, filters: Filters, mode: str, term: str, width: int, limit: int
) -> pd.DataFrame:
    """Keyword in context: up to `limit` hits of `term` in the selected articles, newest
    article first, each with `width` words either side. `mode` is 'word' or 'lemma' (`term` is
    typed text) or 'entity' (`term` is an entity id: every mention, in any inflection)."""
    return _concordance(build.directory, build.build_id, filters, mode, term, width, limit)


_HIT_COLUMNS = [
    "left",
    "match",
    "right",
    "title",
    "published",
    "source",
    "article_id",
    "start",
    "stop",
]


@st.cache_data(show_spinner=False, max_entries=32)
def _concordance(
    directory: str, build_id: str, filters: Filters, mode: str, term: str, width: int, limit: int
) -> pd.DataFrame:
    cursor = _cursor(directory, build_id, filters)
    rows = []
    if mode == "entity":
        sql = """
            SELECT m.article_id, m.start, m.stop
            FROM mentions m JOIN sel USING (article_id) JOIN articles a USING (article_id)
            WHERE m.entity_id = ?
            ORDER BY a.published DESC NULLS LAST, m.article_id, m.start
            LIMIT ?
        """
        hits = cursor.execute(sql, [term, limit]).fetchall()
        ids = sorted({hit[0] for hit in hits})
        cursor.execute(
            "SELECT article_id, title, published, source, text FROM articles "
            "WHERE list_contains(?, article_id)",
            [ids],
        )
        texts = {row[0]: row for row in cursor.fetchall()}
        for article_id, start, stop in hits:
            _, title, published, source, text = texts[article_id]
            rows.append(
                (
                    *_context(text, start, stop, width),
                    title,
                    published,
                    source,
                    article_id,
                    start,
                    stop,
                )
            )
        return pd.DataFrame(rows, columns=_HIT_COLUMNS)
    found = search_term(term, mode)
    if found is None:
        return pd.DataFrame(columns=_HIT_COLUMNS)
    pattern = re.compile(found.python, re.IGNORECASE)
    cursor.register("hits", _using(directory, build_id, mode, term))
    cursor.execute(
        """
        SELECT a.article_id, a.title, a.published, a.source, a.text
        FROM articles a JOIN sel USING (article_id) JOIN hits USING (article_id)
        ORDER BY a.published DESC NULLS LAST, a.article_id
        """
    )
    while len(rows) < limit and (batch := cursor.fetchmany(256)):
        for article_id, title, published, source, text in batch:
            for hit in pattern.finditer(text):
                rows.append(
                    (
                        *_context(text, hit.start(), hit.end(), width),
                        title,
                        published,
                        source,
                        article_id,
                        hit.start(),
                        hit.end(),
                    )
                )
    return pd.DataFrame(rows[:limit], columns=_HIT_COLUMNS)


def _context(text: str, start: int, stop: int, width: int) -> tuple[str, str, str]:
    """`width` words before `text[start:stop]`, the hit, and `width` words after, on one line."""
    reach = width * _CHARS_PER_WORD
    left = text[max(0, start - reach) : start].split()[-width:]
    right = text[stop : stop + reach].split()[:width]
    return " ".join(left), " ".join(text[start:stop].split()), " ".join(right)


def sort_concordance(hits: pd.DataFrame, order: str) -> pd.DataFrame:
    """`hits` in one of `SEARCH_ORDERS`: 'left' sorts by the word before the hit, then the one
    before that, as a printed concordance does; ties keep article order."""
    if order == "article" or hits.empty:
        return hits
    if order == "left":
        keys = hits["left"].map(lambda s: " ".join(reversed(s.lower().split())))
    else:
        keys = hits[order].str.lower()
    return hits.iloc[keys.argsort(kind="stable")].reset_index(drop=True)


def to_csv(frame: pd.DataFrame) -> bytes:
    """The exact rows of a chart as UTF-8 CSV (no index, no BOM)."""
    return frame.to_csv(index=False).encode("utf-8")


def provenance(build: Build, chart: str, filters: Filters) -> bytes:
    """What a downloaded CSV was computed from: build, pipeline version, filters, time."""
    info = manifest(build)
    record = {
        "chart": chart,
        "filters": filters.describe(),
        "data_directory": build.directory,
        "build_id": build.build_id,
        "built_at": info.get("created_at"),
        "pipeline_version": info.get("project", {}).get("version"),
        "schema_version": info.get("schema_version"),
        "exported_at": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds"),
    }
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
