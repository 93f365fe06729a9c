"""Stage: `sentences` to `events`, the calendar references in each sentence, resolved against
the article's publication date and linked to the entities and countries of their sentence."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

import pyarrow as pa
from tqdm import tqdm

from pipeline.nlp.timex import find, root_gates
from pipeline.runtime.corpus import Texts
from pipeline.runtime.sql import query
from pipeline.schema import EVENTS, before_headlines, in_article_order

#: Events as this stage finds them, before the build marks those in headlines.
FOUND = before_headlines(in_article_order(EVENTS))

#: Calendar references per sentence, before linking (the per-article cache stores them).
DATES = pa.schema(
    [
        ("article_id", pa.string()),
        ("sentence", pa.int32()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("date_text", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("granularity", pa.string()),
    ]
)


def _articles_sentences(sentences: pa.Table) -> groupby:
    """(article id, its sentences as (number, start, stop)) for each run of one article's
    rows."""
    columns = ("article_id", "sentence", "start", "stop")
    rows = zip(*(sentences.column(c).to_pylist() for c in columns), strict=True)
    return groupby(rows, key=itemgetter(0))


def find_dates(articles: pa.Table, sentences: pa.Table, *, progress: bool = False) -> pa.Table:
    """Every calendar reference of every sentence, resolved against its article's publication
    date; offsets into `articles.text`. Only the sentences a reference may stand in
    (`timex.root_gates`) are read."""
    texts = Texts(articles)
    published = dict(
        zip(*(articles.column(c).to_pylist() for c in ("article_id", "published")), strict=True)
    )
    columns: dict[str, list] = {name: [] for name in DATES.names}
    bar = tqdm(total=sentences.num_rows, desc="dates", unit=" sentences", disable=not progress)
    with bar:
        for article_id, rows in _articles_sentences(sentences):
            rows = [row[1:] for row in rows]
            text = texts[article_id]
            opened = root_gates(text, [(start, stop) for _, start, stop in rows])
            for n, roots in sorted(opened.items()):
                number, start, stop = rows[n]
                for timex in find(text[start:stop], published[article_id], roots):
                    row = (
                        article_id,
                        number,
                        start + timex.start,
                        start + timex.stop,
                        timex.text,
                        timex.date_start,
                        timex.date_end,
                        timex.granularity,
                    )
                    for name, value in zip(DATES.names, row, strict=True):
                        columns[name].append(value)
            bar.update(len(rows))
    return pa.Table.from_pydict(columns, schema=DATES)


def build_events(
    articles: pa.Table,
    sentences: pa.Table,
    dates: pa.Table,
    mentions: pa.Table,
    country_mentions: pa.Table,
) -> pa.Table:
    """One row per calendar reference (`find_dates`) with its sentence, relation to the
    publication date and the sentence's entities and countries; sorted by article and position."""
    events = query(
        """
        WITH dated AS (SELECT DISTINCT article_id, sentence FROM dates),
        entities AS (
            SELECT article_id, sentence, list_sort(list(DISTINCT entity_id)) AS entity_ids
            FROM mentions SEMI JOIN dated USING (article_id, sentence)
            GROUP BY article_id, sentence
        ), countries AS (
            SELECT article_id, sentence, list_sort(list(DISTINCT country)) AS countries
            FROM country_mentions SEMI JOIN dated USING (article_id, sentence)
            GROUP BY article_id, sentence
        )
        SELECT d.article_id, s.paragraph, d.start, d.stop, d.date_text, d.date_start,
               d.date_end, d.granularity,
               CASE WHEN a.published IS NULL OR d.date_start IS NULL THEN NULL
                    WHEN d.date_end < a.published THEN 'past'
                    WHEN d.date_start > a.published THEN 'future'
                    ELSE 'same' END AS relation,
               '' AS sentence, s.start AS sentence_start, s.stop AS sentence_stop,
               coalesce(e.entity_ids, []) AS entity_ids, coalesce(c.countries, []) AS countries
        FROM dates d
        JOIN sentences s USING (article_id, sentence)
        JOIN articles a USING (article_id)
        LEFT JOIN entities e USING (article_id, sentence)
        LEFT JOIN countries c USING (article_id, sentence)
        -- Ties broken by every column that can differ: the same tables on every run.
        ORDER BY d.article_id, d.start, d.stop, d.date_text, s.paragraph, s.start, d.date_start,
                 d.date_end, d.granularity
        """,
        FOUND,
        articles=articles.select(["article_id", "published"]),
        sentences=sentences.select(["article_id", "paragraph", "sentence", "start", "stop"]),
        dates=dates,
        mentions=mentions.select(["article_id", "sentence", "entity_id"]),
        country_mentions=country_mentions.select(["article_id", "sentence", "country"]),
    )
    # Sentence texts are cut here: a join that carried every article's text would not fit in
    # DuckDB's working memory on a large corpus.
    texts = Texts(articles)
    sentence = pa.array(
        [
            texts[a][start:stop]
            for a, start, stop in zip(
                *(events[c].to_pylist() for c in ("article_id", "sentence_start", "sentence_stop")),
                strict=True,
            )
        ],
        pa.string(),
    )
    return events.set_column(FOUND.get_field_index("sentence"), FOUND.field("sentence"), sentence)
