"""Search page: a typed phrase as search terms, the articles using it, the concordance and its
usage per month. With `store.py`, the only module that imports from `pipeline`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from dashboard.filters import Filters
from dashboard.store import Build, arrow, new_cursor, selected, shared, time_limited
from pipeline.nlp.models import word_forms

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
    """The ids and keys of the articles that use `term` (see `concordance`), whatever the
    filters: from the entity's articles, or the words index, checked against the text for a
    phrase. Computed once for the concordance and the usage per month, which match them to a
    selection on the keys."""
    if mode == "entity":
        sql = "SELECT article_id, article_key FROM article_entities WHERE entity_id = ?"
        params: list = [term]
    else:
        found = search_term(term, mode)
        if found is None:
            return pa.table(
                {"article_id": pa.array([], pa.string()), "article_key": pa.array([], pa.int32())}
            )
        sql, params = _candidates(found)
    with time_limited(new_cursor(directory, build_id, None)) as cursor:
        return arrow(cursor, sql, params)


def _candidates(found: Term) -> tuple[str, list]:
    """SQL of the ids and keys of the articles that use `found`, in order of their ids, and its
    parameters (the words index holds the ids alone: the keys are the articles')."""
    each = "SELECT DISTINCT article_id FROM words WHERE word IN (SELECT unnest(?))"
    candidates = " INTERSECT ".join([each] * len(found.index))
    params: list = list(found.index)
    checked = ""
    if not found.exact:
        checked = " AND regexp_matches(lower(text), ?)"
        params.append(found.re2)
    return (
        f"SELECT article_id, article_key FROM articles WHERE article_id IN ({candidates})"
        f"{checked} ORDER BY article_id",
        params,
    )


def usage_per_month(build: Build, filters: Filters, mode: str, term: str) -> pd.DataFrame:
    """Per month: selected dated articles that use `term` (see `concordance`), all selected
    dated articles, and the share; every month between the first and last one is listed."""
    return _usage(build.directory, build.build_id, filters, mode, term)


@shared(max_entries=32)
def _usage(directory: str, build_id: str, filters: Filters, mode: str, term: str) -> pd.DataFrame:
    cursor = new_cursor(directory, build_id, filters)
    cursor.register("hits", _using(directory, build_id, mode, term))
    with time_limited(cursor):
        return cursor.execute(
            f"""
        WITH dated AS (
            SELECT date_trunc('month', a.published)::DATE AS month,
                   a.article_key IN (SELECT article_key FROM hits) AS uses
            FROM {selected("articles a")}
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


@shared(max_entries=32)
def _concordance(
    directory: str, build_id: str, filters: Filters, mode: str, term: str, width: int, limit: int
) -> pd.DataFrame:
    cursor = new_cursor(directory, build_id, filters)
    if mode == "entity":
        with time_limited(cursor):
            hits = _entity_hits(cursor, filters, term, width, limit)
            return pd.DataFrame(hits, columns=_HIT_COLUMNS)
    found = search_term(term, mode)
    if found is None:
        return pd.DataFrame(columns=_HIT_COLUMNS)
    pattern = re.compile(found.python, re.IGNORECASE)
    cursor.register("hits", _using(directory, build_id, mode, term))
    matched = _matched(directory, build_id, mode, term, width)
    with time_limited(cursor):
        hits = _text_hits(cursor, pattern, width, limit, matched)
        return pd.DataFrame(hits, columns=_HIT_COLUMNS)


def _entity_hits(
    cursor: duckdb.DuckDBPyConnection, filters: Filters, entity_id: str, width: int, limit: int
) -> list[tuple]:
    """Concordance rows of up to `limit` mentions of the entity in the selected articles
    (`sel`, of `filters`), newest article first; the mentions are read in the row groups of
    the filters' dates."""
    dates, params = filters.in_range("m.published")
    sql = f"""
        SELECT m.article_id, m.start, m.stop, a.published
        FROM {selected("mentions m")} JOIN articles a USING (article_key)
        WHERE m.entity_id = ? AND {dates}
        ORDER BY a.published DESC NULLS LAST, m.article_id, m.start
        LIMIT ?
    """
    hits = arrow(cursor, sql, [entity_id, *params, limit])
    texts = _articles(cursor, hits)
    rows = []
    for article_id, start, stop, published in zip(*hits.to_pydict().values(), strict=True):
        title, source, text = texts[article_id]
        rows.append(_row(text, start, stop, width, title, published, source, article_id))
    return rows


#: Articles a word concordance reads first (newest first), twice as many each time after.
_FIRST_TEXTS = 128


def _text_hits(
    cursor: duckdb.DuckDBPyConnection,
    pattern: re.Pattern,
    width: int,
    limit: int,
    matched: dict[str, tuple],
) -> list[tuple]:
    """Concordance rows of up to `limit` matches of `pattern` in the selected articles (`sel`)
    that use the term (`hits`), newest article first: the articles' order from their dates,
    then their matches a batch at a time, newest first, until `limit` matches are found. The
    matches of an article are read from `matched` (`_matched`), else from its text, and kept
    there."""
    ordered = arrow(
        cursor,
        f"""
        SELECT h.article_id, a.published
        FROM {selected("articles a")} JOIN hits h USING (article_key)
        ORDER BY a.published DESC NULLS LAST, h.article_id
        """,
    )
    rows: list[tuple] = []
    done, size = 0, _FIRST_TEXTS
    while len(rows) < limit and done < ordered.num_rows:
        batch = ordered.slice(done, size)
        _read_matches(cursor, batch, pattern, width, matched)
        for article_id, published in zip(*batch.to_pydict().values(), strict=True):
            title, source, matches = matched[article_id]
            for left, match, right, start, stop in matches:
                rows.append((left, match, right, title, published, source, article_id, start, stop))
        done, size = done + batch.num_rows, size * 2
    return rows[:limit]


@st.cache_resource(show_spinner=False, max_entries=4)
def _matched(directory: str, build_id: str, mode: str, term: str, width: int) -> dict[str, tuple]:
    """Title, source and matches (`_matches`) of the articles using a term that concordances
    have read so far, by id, whatever their filters: a filter change reads mostly the newest
    articles using it, as the last one did, and reads the texts of the others alone. Filled
    by `_text_hits`; its entries never change once written."""
    return {}


def _read_matches(
    cursor: duckdb.DuckDBPyConnection,
    wanted: pa.Table,
    pattern: re.Pattern,
    width: int,
    matched: dict[str, tuple],
) -> None:
    """Add to `matched` the `wanted` articles (`article_id`, `published`) it lacks, from
    their texts."""
    lacking = [i for i in wanted["article_id"].to_pylist() if i not in matched]
    if lacking:
        missing = wanted.filter(pc.is_in(wanted["article_id"], pa.array(lacking, pa.string())))
        for article_id, (title, source, text) in _articles(cursor, missing).items():
            matched[article_id] = (title, source, _matches(pattern, text, width))


def _matches(pattern: re.Pattern, text: str, width: int) -> list[tuple]:
    """Each match of `pattern` in `text`: its `_context` and where it is."""
    return [
        (*_context(text, hit.start(), hit.end(), width), hit.start(), hit.end())
        for hit in pattern.finditer(text)
    ]


def _articles(cursor: duckdb.DuckDBPyConnection, wanted: pa.Table) -> dict[str, tuple]:
    """Title, source and text of the `wanted` articles (`article_id`, `published`), by id,
    from `article_texts` (laid out by date in row groups of 100): the wanted dates, as a list
    pushed into the Parquet scan, select the row groups of those dates alone, so that articles
    years apart read their own groups and not every group between them. An article without a
    date in `wanted` (undated, or dated from its dateline with inferred dates left out) is read
    at the date the table has for it."""
    ids = wanted["article_id"]
    dates = set(wanted["published"].drop_null().to_pylist())
    if wanted["published"].null_count:
        dates |= _stored_dates(cursor, ids.filter(pc.is_null(wanted["published"])))
    read = "SELECT article_id, title, source, text FROM article_texts WHERE {} AND " + _IN_IDS
    sql = read.format("published IN (SELECT unnest(?))")
    params = [sorted(d for d in dates if d is not None), ids.to_pylist()]
    if None in dates:  # the undated articles, last in the table
        sql += " UNION ALL " + read.format("published IS NULL")
        params.append(ids.to_pylist())
    cursor.execute(sql, params)
    return {row[0]: row[1:] for row in cursor.fetchall()}


#: The rows of the articles whose ids are the parameter.
_IN_IDS = "article_id IN (SELECT unnest(?))"


def _stored_dates(cursor: duckdb.DuckDBPyConnection, ids: pa.ChunkedArray) -> set:
    """The dates `article_texts` has for the articles `ids` (None for an undated one): their
    ids and dates alone are read, not their texts."""
    cursor.execute(
        f"SELECT DISTINCT published FROM article_texts WHERE {_IN_IDS}",
        [ids.to_pylist()],
    )
    return {row[0] for row in cursor.fetchall()}


def _row(text: str, start: int, stop: int, width: int, *article: object) -> tuple:
    """A concordance row (`_HIT_COLUMNS`): the context of `text[start:stop]`, its `article`
    (title, published, source, article_id), and where the hit is."""
    return (*_context(text, start, stop, width), *article, start, stop)


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
