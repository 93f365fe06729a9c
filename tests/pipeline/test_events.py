"""Dates the text mentions: every example of the timeline issue, resolved by hand against the
seed's publication date (000: 2025-12-15, 001: 2025-12-05, 002: none, 003: 2025-12-29,
004: 2026-01-22), plus what must not be read as a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import read_table, seed

from pipeline.build import build
from pipeline.nlp.timex import GRANULARITIES, find

D = dt.date


@pytest.fixture(scope="module")
def events(seed_build: Path, seed_articles: dict) -> dict[str, list[dict]]:
    number = {a["article_id"]: k for k, a in seed_articles.items()}
    found: dict[str, list[dict]] = {k: [] for k in seed_articles}
    for row in read_table(seed_build, "events"):
        found[number[row["article_id"]]].append(row)
    return found


def resolved(events: list[dict], text: str) -> list[tuple]:
    rows = [
        (e["date_start"], e["date_end"], e["granularity"], e["relation"])
        for e in events
        if e["date_text"].endswith(text)
    ]
    assert rows, f"{text!r} not found among {[e['date_text'] for e in events]}"
    return rows


@pytest.mark.parametrize(
    ("number", "text", "start", "end", "granularity", "relation"),
    [
        # full and partial dates
        ("001", "4 декабря 2025 года", D(2025, 12, 4), D(2025, 12, 4), "day", "past"),
        ("000", "в марте 2024 года", D(2024, 3, 1), D(2024, 3, 31), "month", "past"),
        ("000", "в 1994 году", D(1994, 1, 1), D(1994, 12, 31), "year", "past"),
        ("002", "в 1994-м", D(1994, 1, 1), D(1994, 12, 31), "year", None),
        ("002", "в 2021-м", D(2021, 1, 1), D(2021, 12, 31), "year", None),
        # ranges
        ("004", "9–10 февраля", D(2026, 2, 9), D(2026, 2, 10), "days", "future"),
        ("003", "6-7 октября 2025 года", D(2025, 10, 6), D(2025, 10, 7), "days", "past"),
        ("003", "20-21 октября", D(2025, 10, 20), D(2025, 10, 21), "days", "past"),
        ("003", "январь-сентябрь 2025 года", D(2025, 1, 1), D(2025, 9, 30), "months", "past"),
        ("000", "На 2025-2026гг", D(2025, 1, 1), D(2026, 12, 31), "years", "same"),
        ("000", "В 2025-2026 годах", D(2025, 1, 1), D(2026, 12, 31), "years", "same"),
        ("002", "с 2023–2024 годов", D(2023, 1, 1), D(2024, 12, 31), "years", None),
        # seasons and parts
        ("002", "Летом 2025-го", D(2025, 6, 1), D(2025, 8, 31), "season", None),
        ("003", "Осенью текущего года", D(2025, 9, 1), D(2025, 11, 30), "season", "past"),
        ("003", "Осенью 2026 года", D(2026, 9, 1), D(2026, 11, 30), "season", "future"),
        ("000", "в начале ноября 2025 года", D(2025, 11, 1), D(2025, 11, 10), "days", "past"),
        ("003", "к концу 2026 года", D(2026, 9, 1), D(2026, 12, 31), "months", "future"),
        # relative to publication
        ("003", "В этом году", D(2025, 1, 1), D(2025, 12, 31), "year", "same"),
        ("003", "в текущем году", D(2025, 1, 1), D(2025, 12, 31), "year", "same"),
        ("003", "В прошлом году", D(2024, 1, 1), D(2024, 12, 31), "year", "past"),
        ("001", "в марте этого года", D(2025, 3, 1), D(2025, 3, 31), "month", "past"),
        ("004", "в декабре минувшего года", D(2025, 12, 1), D(2025, 12, 31), "month", "past"),
        ("004", "в августе прошлого года", D(2025, 8, 1), D(2025, 8, 31), "month", "past"),
        ("000", "в следующем году", D(2026, 1, 1), D(2026, 12, 31), "year", "future"),
        # a day or month without a year: the year nearest to publication that the tense allows
        ("004", "21 января", D(2026, 1, 21), D(2026, 1, 21), "day", "past"),
        ("004", "Начиная с октября", D(2025, 10, 1), D(2025, 10, 31), "month", "past"),
        ("000", "8 августа", D(2025, 8, 8), D(2025, 8, 8), "day", "past"),
        # "в мае побывал" (published 29 Dec): May 2026 is nearer, but the verb is past
        ("003", "в мае", D(2025, 5, 1), D(2025, 5, 31), "month", "past"),
    ],
)
def test_seed_dates_are_resolved(events, number, text, start, end, granularity, relation) -> None:
    assert (start, end, granularity, relation) in resolved(events[number], text)


@pytest.mark.parametrize(
    ("number", "phrase"),
    [
        ("000", "на ближайшие 3-5 лет"),
        ("000", "Более 30 лет"),
        ("003", "20-летие"),
        ("003", "189 документов"),
        ("003", "$1 млрд"),
        ("003", "4-х лет"),
        ("004", "2000 мегаватт"),
        ("004", "почти с 30 странами"),
    ],
)
def test_durations_counts_and_amounts_are_not_dates(events, seed_articles, number, phrase) -> None:
    text = seed_articles[number]["text"]
    at = text.index(phrase)
    overlapping = [
        e["date_text"] for e in events[number] if e["start"] < at + len(phrase) and at < e["stop"]
    ]
    assert overlapping == []


def test_offsets_point_at_the_expression_and_its_sentence(events, seed_articles) -> None:
    for number, rows in events.items():
        text = seed_articles[number]["text"]
        for e in rows:
            assert e["granularity"] in GRANULARITIES
            assert text[e["start"] : e["stop"]] == e["date_text"]
            assert text[e["sentence_start"] : e["sentence_stop"]] == e["sentence"]
            assert e["sentence_start"] <= e["start"] < e["stop"] <= e["sentence_stop"]


def test_events_carry_the_sentence_actors_and_countries(seed_build, events) -> None:
    names = {e["entity_id"]: e["name"] for e in read_table(seed_build, "entities")}
    (visit,) = [e for e in events["000"] if e["date_text"] == "в марте 2024 года"]
    assert "Баку посетил тогдашний генеральный секретарь НАТО Йенс Столтенберг" in visit["sentence"]
    assert {"Йенс Столтенберг", "НАТО", "Баку"} <= {names[i] for i in visit["entity_ids"]}
    assert "AZE" in visit["countries"]
    (mission,) = [e for e in events["004"] if e["date_text"] == "9–10 февраля"]
    assert {"AZE", "USA"} <= set(mission["countries"])


def test_events_carry_their_paragraphs_topic(seed_build, events) -> None:
    """The build stores each event's paragraph topic with it (the Timeline reads no
    paragraphs): the same as the paragraph's, null where the paragraph has none."""
    topic = {
        (p["article_id"], p["paragraph"]): p["topic_id"]
        for p in read_table(seed_build, "paragraphs")
    }
    rows = [e for found in events.values() for e in found]
    assert rows and all(e["topic_id"] == topic[e["article_id"], e["paragraph"]] for e in rows)
    (visit,) = [e for e in events["000"] if e["date_text"] == "в марте 2024 года"]
    assert visit["topic_id"] is not None


def test_undated_article_stays_undated(seed_articles) -> None:
    assert seed_articles["002"]["published"] is None
    assert seed_articles["002"]["date_source"] == "missing"


def test_dateline_format_is_read() -> None:
    """Seed 001's dateline is taken out of the article text as its publication date; the same
    words inside a sentence are an event."""
    (line,) = [
        s
        for s in seed("001").read_text(encoding="utf-8").splitlines()
        if s.strip() == "05 декабря, 2025"
    ]
    (dateline,) = find(line, None)
    assert (dateline.date_start, dateline.granularity) == (D(2025, 12, 5), "day")


# Wednesday 17 December 2025: the week before ran from Monday 8 to Sunday 14 December.
PUBLISHED = D(2025, 12, 17)


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end", "granularity"),
    [
        ("Об этом вчера заявил министр.", "вчера", D(2025, 12, 16), D(2025, 12, 16), "day"),
        (
            "Делегация прибыла на прошлой неделе.",
            "на прошлой неделе",
            D(2025, 12, 8),
            D(2025, 12, 14),
            "days",
        ),
        (
            "Товарооборот вырос в первой половине года.",
            "в первой половине года",
            D(2025, 1, 1),
            D(2025, 6, 30),
            "months",
        ),
        (
            "В минувшем году стороны подписали договор.",
            "В минувшем году",
            D(2024, 1, 1),
            D(2024, 12, 31),
            "year",
        ),
        (
            "Новый завод построят в следующем году.",
            "в следующем году",
            D(2026, 1, 1),
            D(2026, 12, 31),
            "year",
        ),
        (
            "В 1980-е годы страна изменилась.",
            "В 1980-е годы",
            D(1980, 1, 1),
            D(1989, 12, 31),
            "decade",
        ),
        # a day and month alone take the nearest year: 10 January is next January here
        ("Переговоры пройдут 10 января.", "10 января", D(2026, 1, 10), D(2026, 1, 10), "day"),
    ],
)
def test_relative_dates_resolve_against_publication(sentence, text, start, end, granularity):
    found = [(t.text, t.date_start, t.date_end, t.granularity) for t in find(sentence, PUBLISHED)]
    assert found == [(text, start, end, granularity)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "С марта по октябрь 2016 года судно было на ремонте.",
            [("С марта по октябрь 2016 года", D(2016, 3, 1), D(2016, 10, 31), "months")],
        ),
        (
            "Он умер в воскресенье, 11 июня 2017 года.",
            [("в воскресенье, 11 июня 2017 года", D(2017, 6, 11), D(2017, 6, 11), "day")],
        ),
        (
            "Война Судного дня (6—24 октября 1973 года).",
            [("6—24 октября 1973 года", D(1973, 10, 6), D(1973, 10, 24), "days")],
        ),
        (
            "Суда поставлены в 1997 и 1996 годах.",
            [
                ("в 1997", D(1997, 1, 1), D(1997, 12, 31), "year"),
                ("1996 годах", D(1996, 1, 1), D(1996, 12, 31), "year"),
            ],
        ),
        (
            "В 60-е годы XIX века США и Россия сблизились.",
            [("В 60-е годы XIX века", D(1860, 1, 1), D(1869, 12, 31), "decade")],
        ),
        (
            "Повторить сценарий приватизации 90-х, когда активы ушли.",
            [("90-х", D(1990, 1, 1), D(1999, 12, 31), "decade")],
        ),
        (
            "Решение краевого суда от 26.10.2017.",
            [("26.10.2017", D(2017, 10, 26), D(2017, 10, 26), "day")],
        ),
    ],
)
def test_absolute_dates_resolve_without_publication(sentence, expected) -> None:
    found = [(t.text, t.date_start, t.date_end, t.granularity) for t in find(sentence, None)]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Встреча началась в 15:00 и закончилась к 18.30.",
        "Биатлонистки занимают 30-е, 40-е, даже 60-е места.",
        "Соглашение рассчитано на 10 лет, ему исполнилось 20 лет.",
        "Ей 45 лет, а компании — 120-летие.",
        "Потери составили 2000 человек, в 1500 км от границы.",
        "Он занял 20-е место, набрав 2014 очков.",
    ],
)
def test_clock_times_durations_ages_and_amounts_are_not_dates(sentence) -> None:
    assert find(sentence, PUBLISHED) == []


def test_relative_dates_without_publication_are_unresolved(tmp_path) -> None:
    """Never guessed: null dates and `unresolved`; an absolute date still resolves."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "undated.txt").write_text(
        "В марте этого года министр посетил Баку. Переговоры прошли вчера. "
        "Договор подписали 9 февраля 2024 года.",
        encoding="utf-8",
    )
    build([source], tmp_path / "out", progress=False)
    rows = {e["date_text"]: e for e in read_table(tmp_path / "out", "events")}
    for text in ("В марте этого года", "вчера"):
        assert (
            rows[text]["date_start"],
            rows[text]["date_end"],
            rows[text]["granularity"],
            rows[text]["relation"],
        ) == (None, None, "unresolved", None)
    assert rows["9 февраля 2024 года"]["date_start"] == D(2024, 2, 9)
    assert rows["9 февраля 2024 года"]["relation"] is None
