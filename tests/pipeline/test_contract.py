"""docs/data-contract.md, pipeline/schema.py and the written Parquet files agree."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from collections import Counter

import pyarrow.parquet as pq
from conftest import ROOT, read_table

from pipeline.runtime.parquet import GROUP_ROWS
from pipeline.schema import TABLES, in_article_order
from pipeline.stages import by_date as by_date_stage
from pipeline.stages.by_date import (
    BY_DATE,
    article_facets,
    article_texts,
    articles_by_date,
    by_date,
    entity_quotes,
    event_sentences,
    network_units,
)

DOC = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")


def documented_columns(table: str) -> list[tuple[str, str, bool]]:
    section = DOC.split(f"## {table}.parquet", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([\w<>]+) \| (yes|no) \|", section, re.M)
    return [(name, kind, null == "yes") for name, kind, null in rows]


def test_docs_describe_every_column_in_order() -> None:
    for name, schema in TABLES.items():
        declared = [(f.name, str(f.type), f.nullable) for f in schema]
        assert documented_columns(name) == [
            (
                column,
                {"date32[day]": "date", "list<item: string>": "list<string>"}.get(kind, kind),
                null,
            )
            for column, kind, null in declared
        ]


def test_written_files_match_the_schema(seed_build) -> None:
    for name, schema in TABLES.items():
        written = pq.read_schema(seed_build / f"{name}.parquet")
        assert written.equals(schema, check_metadata=False)
        assert all(f.metadata[b"description"] for f in written)


def test_a_speaker_is_an_entity_of_a_kind_that_speaks(seed_build) -> None:
    # quotes.speaker_entity_id: a person, an organisation, a place for its government or a
    # medium on its own account
    entities = pq.read_table(seed_build / "entities.parquet").to_pylist()
    types = {e["entity_id"]: e["type"] for e in entities}
    quotes = pq.read_table(seed_build / "quotes.parquet").to_pylist()
    speakers = {q["speaker_entity_id"] for q in quotes if q["speaker_entity_id"]}
    assert speakers and {types[s] for s in speakers} <= {"PER", "ORG", "LOC", "MEDIUM"}


def test_tables_read_by_date_are_laid_out_by_date(seed_build, tmp_path, monkeypatch) -> None:
    """Each event, quote, mention, country mention and article's entity carries its article's
    date and key and comes newest first (ties by key), in row groups whose dates do not
    overlap: a reader of a date range skips the others."""
    articles = pq.read_table(seed_build / "articles.parquet").to_pylist()
    published = {row["article_id"]: row["published"] for row in articles}
    article_keys = {row["article_id"]: row["article_key"] for row in articles}
    for name, key in BY_DATE.items():
        rows = pq.read_table(seed_build / f"{name}.parquet").to_pylist()
        assert rows and all(r["published"] == published[r["article_id"]] for r in rows)
        assert all(r["article_key"] == article_keys[r["article_id"]] for r in rows)
        keys = [c.strip() for c in key.split(",")]
        order = [
            (r["published"] is None, -_days(r["published"]), *(r[k] for k in keys)) for r in rows
        ]
        assert order == sorted(order)
        assert len(set(order)) == len(order)
    # The tables as their stage writes them (without the date, nor the events' topic, which
    # the layout adds from the paragraphs), laid out again in four rows a group instead of
    # 8,192, so that the seeds' rows fill several.
    for name in ("articles", "paragraphs"):
        shutil.copy(seed_build / f"{name}.parquet", tmp_path / f"{name}.parquet")
    for name, key in BY_DATE.items():
        columns = in_article_order(TABLES[name]).names
        table = pq.read_table(seed_build / f"{name}.parquet").select(columns)
        pq.write_table(
            table.sort_by([(k.strip(), "ascending") for k in key.split(",")]),
            tmp_path / f"{name}.parquet",
        )
        monkeypatch.setitem(GROUP_ROWS, name, 4)
    written = by_date(tmp_path)
    for name in BY_DATE:
        file = pq.ParquetFile(tmp_path / f"{name}.parquet")
        assert written[name]["rows"] == file.metadata.num_rows
        assert pq.read_table(tmp_path / f"{name}.parquet").equals(
            pq.read_table(seed_build / f"{name}.parquet")
        )
        _assert_groups_by_date(file)


def test_articles_are_laid_out_by_date(seed_build, tmp_path, monkeypatch) -> None:
    """Articles come newest first, undated last, ties by id, in row groups whose dates do not
    overlap, however they were written before (ingestion writes them by id, without keys);
    each article's key is its position in that order."""
    table = pq.read_table(seed_build / "articles.parquet")
    rows = table.to_pylist()
    order = [(r["published"] is None, -_days(r["published"]), r["article_id"]) for r in rows]
    assert order == sorted(order) and len({r["published"] for r in rows}) > 2
    assert [r["article_key"] for r in rows] == list(range(len(rows)))
    ingested = table.drop_columns(["article_key"]).sort_by("article_id")
    pq.write_table(ingested, tmp_path / "articles.parquet")
    monkeypatch.setitem(GROUP_ROWS, "articles", 2)  # the seeds' five articles in three groups
    written = articles_by_date(tmp_path)
    assert written["articles"]["rows"] == len(rows)
    assert pq.read_table(tmp_path / "articles.parquet").equals(table)
    _assert_groups_by_date(pq.ParquetFile(tmp_path / "articles.parquet"))


def test_article_texts_hold_each_article_as_articles_lays_it_out(
    seed_build, tmp_path, monkeypatch
) -> None:
    """`article_texts` holds every article's id, date, title, source and text as `articles`
    has them, in the same order (newest first, undated last), in row groups whose dates do not
    overlap, with no statistics on the texts."""
    columns = ["article_id", "published", "title", "source", "text"]
    articles = pq.read_table(seed_build / "articles.parquet", columns=columns)
    texts = pq.read_table(seed_build / "article_texts.parquet")
    assert texts.equals(articles) and texts.num_rows == 5
    # Seed 000's text in its row, with its headline.
    seed_000 = [r for r in texts.to_pylist() if "Лоренцсон" in r["text"]]
    assert len(seed_000) == 1 and seed_000[0]["text"].startswith(seed_000[0]["title"])
    # Written again from the articles, two rows a group: the same table, in three groups.
    shutil.copy(seed_build / "articles.parquet", tmp_path / "articles.parquet")
    monkeypatch.setitem(GROUP_ROWS, "article_texts", 2)
    written = article_texts(tmp_path)
    assert written["article_texts"]["rows"] == 5
    file = pq.ParquetFile(tmp_path / "article_texts.parquet")
    assert file.read().equals(texts) and file.metadata.num_row_groups == 3
    _assert_groups_by_date(file)
    for name in ("title", "source", "text"):
        column = file.schema_arrow.get_field_index(name)
        assert not file.metadata.row_group(0).column(column).is_stats_set


def test_event_sentences_hold_each_event_by_the_date_it_names(
    seed_build, tmp_path, monkeypatch
) -> None:
    """`event_sentences` holds every event's sentence as `events` has it (where the Timeline
    read it before schema 15), sorted by the first day the event names, unresolved last, then
    by key, in row groups whose days do not overlap, with no statistics on the text."""
    columns = ["article_id", "start", "date_start", "sentence"]
    events = pq.read_table(seed_build / "events.parquet", columns=columns).to_pylist()
    rows = pq.read_table(seed_build / "event_sentences.parquet").to_pylist()
    assert len(rows) == len(events) and sorted(rows, key=_key) == sorted(events, key=_key)
    order = [
        (r["date_start"] is None, _days(r["date_start"]), r["article_id"], r["start"]) for r in rows
    ]
    assert order == sorted(order)
    # Seed 000: the visit "в марте 2024 года", in its sentence.
    (visit,) = [r for r in rows if r["date_start"] == dt.date(2024, 3, 1)]
    assert "Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг" in visit["sentence"]
    # Written again from the events, four rows a group: the same table.
    shutil.copy(seed_build / "events.parquet", tmp_path / "events.parquet")
    monkeypatch.setitem(GROUP_ROWS, "event_sentences", 4)
    written = event_sentences(tmp_path)
    assert written["event_sentences"]["rows"] == len(rows)
    file = pq.ParquetFile(tmp_path / "event_sentences.parquet")
    assert file.read().equals(pq.read_table(seed_build / "event_sentences.parquet"))
    _assert_groups_by_date(file, "date_start", newest_first=False)
    text = file.schema_arrow.get_field_index("sentence")
    assert not file.metadata.row_group(0).column(text).is_stats_set


def test_entity_quotes_hold_each_quote_under_its_speaker_and_what_it_names(
    seed_build, tmp_path, monkeypatch
) -> None:
    """`entity_quotes` holds every quote of `quotes`, whole, once under its speaker and once
    under each other entity it names, sorted by entity, then newest first (undated last), then
    by key, with no statistics on the text."""
    quotes = pq.read_table(seed_build / "quotes.parquet").to_pylist()
    rows = pq.read_table(seed_build / "entity_quotes.parquet").to_pylist()
    expected = [
        {"entity_id": entity, **quote}
        for quote in quotes
        for entity in {quote["speaker_entity_id"], *quote["about_entity_ids"]} - {None}
    ]
    order = [
        (r["entity_id"], r["published"] is None, -_days(r["published"]), _key(r), r["stop"])
        for r in rows
    ]
    assert order == sorted(order) and len(rows) == len(expected)
    assert sorted(rows, key=_entity_key) == sorted(expected, key=_entity_key)
    # Seed 001: Ильхам Алиев on the United States, under both of them.
    entities = {e["name"]: e["entity_id"] for e in read_table(seed_build, "entities")}
    said = "Для нас отношения с США тоже важны"
    under = {r["entity_id"] for r in rows if r["quote"].startswith(said)}
    assert under == {entities["Ильхам Алиев"], entities["США"]}
    # Written again from the quotes, four rows a group, the entities sorted about ten rows at a
    # time: the same table.
    shutil.copy(seed_build / "quotes.parquet", tmp_path / "quotes.parquet")
    monkeypatch.setitem(GROUP_ROWS, "entity_quotes", 4)
    monkeypatch.setattr(by_date_stage, "ENTITY_ROWS", 10)
    written = entity_quotes(tmp_path)
    assert written["entity_quotes"]["rows"] == len(rows)
    file = pq.ParquetFile(tmp_path / "entity_quotes.parquet")
    assert file.read().equals(pq.read_table(seed_build / "entity_quotes.parquet"))
    assert file.metadata.num_row_groups > 1
    text = file.schema_arrow.get_field_index("quote")
    assert not file.metadata.row_group(0).column(text).is_stats_set


def _entity_key(row: dict) -> tuple:
    return row["entity_id"], row["article_id"], row["start"], row["stop"], row["kind"]


def _key(row: dict) -> tuple:
    return row["article_id"], row["start"]


def _assert_groups_by_date(
    file: pq.ParquetFile, name: str = "published", newest_first: bool = True
) -> None:
    """The file's row groups hold dates (of column `name`) that do not overlap, newest first
    (or oldest first)."""
    column = file.schema_arrow.get_field_index(name)
    ranges = [
        (s.min, s.max)
        for g in range(file.metadata.num_row_groups)
        if (s := file.metadata.row_group(g).column(column).statistics).has_min_max
    ]
    if newest_first:
        ranges.reverse()
    assert len(ranges) > 1
    assert all(earlier[1] <= later[0] for earlier, later in itertools.pairwise(ranges))


def _days(date) -> int:
    return 0 if date is None else date.toordinal()


def test_vocabulary_lists_each_indexed_word_with_its_articles(seed_build) -> None:
    """`vocabulary` is the distinct words of the `words` index, sorted, each with the articles
    that have it."""
    articles = Counter(w["word"] for w in pq.read_table(seed_build / "words.parquet").to_pylist())
    rows = pq.read_table(seed_build / "vocabulary.parquet").to_pylist()
    assert [(r["word"], r["articles"]) for r in rows] == sorted(articles.items())
    assert articles["казахстан"] >= 1 and max(articles.values()) > 1


def test_totals_count_each_country_and_topic_of_the_whole_build(seed_build) -> None:
    """`totals` holds, per country, the articles that name it and its mentions, and per topic
    its articles and paragraphs: what the dashboard's unfiltered views would count."""
    expected = {}
    for table, kind, column in (
        ("country_mentions", "country", "country"),
        ("paragraphs", "topic", "topic_id"),
    ):
        for row in pq.read_table(seed_build / f"{table}.parquet").to_pylist():
            if row[column] is not None:
                articles, rows = expected.setdefault((kind, str(row[column])), (set(), [0]))
                articles.add(row["article_id"])
                rows[0] += 1
    totals = pq.read_table(seed_build / "totals.parquet").to_pylist()
    assert {(t["kind"], t["key"]): (t["articles"], t["n_rows"]) for t in totals} == {
        key: (len(articles), rows[0]) for key, (articles, rows) in expected.items()
    }
    assert [(t["kind"], t["key"]) for t in totals] == sorted(expected)
    # Azerbaijan is named in all five seed articles.
    assert ("country", "AZE") in expected and len(expected[("country", "AZE")][0]) == 5
    assert {kind for kind, _ in expected} == {"country", "topic"}


def _units(seed_build) -> list[dict]:
    """The rows `network_units` should hold, from the seed build's mentions and country mentions
    read in Python: a row per sentence and node, the countries named by name, adjective,
    capital or city, each with its article's key (`articles.article_key`)."""
    keys = {a["article_id"]: a["article_key"] for a in read_table(seed_build, "articles")}
    found = {}
    for m in read_table(seed_build, "mentions"):
        found[(m["article_id"], m["sentence"], "actor", m["entity_id"])] = m
    for c in read_table(seed_build, "country_mentions"):
        if c["via"] in ("name", "adjective", "capital", "city"):
            found[(c["article_id"], c["sentence"], "country", c["country"])] = c
    first = {}
    for (article, sentence, kind, node), row in found.items():
        unit = (article, row["paragraph"], kind, node)
        first[unit] = min(first.get(unit, sentence), sentence)
    return [
        {
            "article_id": article,
            "paragraph": row["paragraph"],
            "sentence": sentence,
            "kind": kind,
            "node": node,
            "paragraph_first": first[(article, row["paragraph"], kind, node)] == sentence,
            "in_headline": row["in_headline"],
            "published": row["published"],
            "article_key": keys[article],
        }
        for (article, sentence, kind, node), row in found.items()
    ]


def test_network_units_hold_each_sentence_naming_a_node_once(seed_build, tmp_path) -> None:
    """`network_units` holds a row per sentence and actor or country named there (a country by
    name, adjective, capital or city, not as an actor's own), its paragraph's first such
    sentence marked, sorted by kind, the actors by entity, then newest first."""
    rows = pq.read_table(seed_build / "network_units.parquet").to_pylist()
    expected = _units(seed_build)
    order = lambda r: (r["article_id"], r["sentence"], r["kind"], r["node"])  # noqa: E731
    assert sorted(rows, key=order) == sorted(expected, key=order)
    layout = [
        (r["kind"], r["node"] if r["kind"] == "actor" else "", -_days(r["published"]), *order(r))
        for r in rows
    ]
    assert layout == sorted(layout) and {"actor", "country"} == {r["kind"] for r in rows}
    # Fewer rows than the mentions: a node named twice in a sentence is one unit.
    mentions = pq.ParquetFile(seed_build / "mentions.parquet").metadata.num_rows
    assert sum(r["kind"] == "actor" for r in rows) < mentions
    # Seed 000: "... Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг ...":
    # NATO, Stoltenberg and Azerbaijan (by its capital) in one sentence.
    names = {e["entity_id"]: e["name"] for e in read_table(seed_build, "entities")}
    (visit,) = [
        s
        for s in read_table(seed_build, "sentences")
        for a in read_table(seed_build, "articles")
        if s["article_id"] == a["article_id"]
        and "секретарь НАТО Йенс Столтенберг" in a["text"][s["start"] : s["stop"]]
    ]
    named = {
        names.get(r["node"], r["node"])
        for r in rows
        if (r["article_id"], r["sentence"]) == (visit["article_id"], visit["sentence"])
    }
    assert {"НАТО", "Йенс Столтенберг", "AZE"} <= named
    # Written again from the mentions and country mentions: the same table.
    for name in ("mentions", "country_mentions"):
        shutil.copy(seed_build / f"{name}.parquet", tmp_path / f"{name}.parquet")
    assert network_units(tmp_path)["network_units"]["rows"] == len(rows)
    assert pq.read_table(tmp_path / "network_units.parquet").to_pylist() == rows


def test_article_facets_hold_each_articles_actors_countries_and_topics(
    seed_build, tmp_path
) -> None:
    """`article_facets` holds a row per article and entity it mentions, country it names and
    topic it has, marked when a mention of the entity or country lies in the headline, sorted
    by facet, value, then newest first: what the dashboard selects the articles of a country,
    an actor or a topic from."""
    rows = pq.read_table(seed_build / "article_facets.parquet").to_pylist()
    articles = {a["article_id"]: a for a in read_table(seed_build, "articles")}
    expected: dict[tuple, bool] = {}
    for facet, table, column in (
        ("actor", "mentions", "entity_id"),
        ("country", "country_mentions", "country"),
    ):
        for m in read_table(seed_build, table):
            key = (facet, m[column], m["article_id"])
            expected[key] = expected.get(key, False) or m["in_headline"]
    for t in read_table(seed_build, "article_topics"):
        expected[("topic", str(t["topic_id"]), t["article_id"])] = False
    assert sorted(rows, key=lambda r: (r["facet"], r["value"], r["article_key"])) == sorted(
        (
            {
                "facet": facet,
                "value": value,
                "in_headline": in_headline,
                "published": articles[article]["published"],
                "article_key": articles[article]["article_key"],
            }
            for (facet, value, article), in_headline in expected.items()
        ),
        key=lambda r: (r["facet"], r["value"], r["article_key"]),
    )
    layout = [
        (r["facet"], r["value"], r["published"] is None, -_days(r["published"])) for r in rows
    ]
    assert layout == sorted(layout)
    assert {r["facet"] for r in rows} == {"actor", "country", "topic"}
    # One row per article and entity, as `article_entities`; Azerbaijan in all five seeds, in
    # the headline of some.
    actors = {(r["value"], r["article_key"]) for r in rows if r["facet"] == "actor"}
    keys = {a: row["article_key"] for a, row in articles.items()}
    entities = read_table(seed_build, "article_entities")
    assert actors == {(e["entity_id"], keys[e["article_id"]]) for e in entities}
    azerbaijan = [r for r in rows if (r["facet"], r["value"]) == ("country", "AZE")]
    assert len(azerbaijan) == 5 and any(r["in_headline"] for r in azerbaijan)
    # Written again from the tables it is made from: the same table.
    for name in ("mentions", "country_mentions", "article_topics", "articles"):
        shutil.copy(seed_build / f"{name}.parquet", tmp_path / f"{name}.parquet")
    assert article_facets(tmp_path)["article_facets"]["rows"] == len(rows)
    assert pq.read_table(tmp_path / "article_facets.parquet").to_pylist() == rows
