"""The own date sample's pure parts (bench/sample_dates.py, bench/eval_dates_own.py) on small
synthetic text: the split, the shorthand values, the sheet to label-file round trip and the
matching of found expressions to gold ones."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import eval_dates_own  # noqa: E402
import sample_dates  # noqa: E402

from pipeline.nlp.timex import Timex  # noqa: E402


def test_half_is_fixed_by_text_and_splits_both_ways():
    texts = [f"Предложение номер {i} от 5 мая." for i in range(40)]
    halves = [sample_dates.half(t) for t in texts]
    assert halves == [sample_dates.half(t) for t in texts]
    assert {"tune", "check"} == set(halves)


def test_candidates_need_a_calendar_word_and_few_words():
    assert sample_dates.is_candidate("Встреча прошла в среду.")
    assert sample_dates.is_candidate("Осенью начнется сезон.")
    assert sample_dates.is_candidate("Было 5 человек.")
    assert not sample_dates.is_candidate("Майор пришел средь бела дня.")
    assert not sample_dates.is_candidate(" ".join(["слово"] * 80) + " 2017")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-05", ("2017-04-05", "2017-04-05", "day")),
        ("2016-02", ("2016-02-01", "2016-02-29", "month")),
        ("2017-Q4", ("2017-10-01", "2017-12-31", "quarter")),
        ("2017", ("2017-01-01", "2017-12-31", "year")),
        ("week:2018-03-15", ("2018-03-12", "2018-03-18", "week")),
        ("2017-winter", ("2016-12-01", "2017-02-28", "season")),
        ("1930..1939", ("1930-01-01", "1939-12-31", "year")),
        ("2023-01..2023-08", ("2023-01-01", "2023-08-31", "month")),
    ],
)
def test_shorthand_values(value, expected):
    label = sample_dates.parse_value(value)
    assert (label["first"], label["last"], label["grain"]) == expected


def test_out_of_scope_and_bad_values():
    assert sample_dates.parse_value(" out: duration") == {"out": "duration"}
    with pytest.raises(ValueError):
        sample_dates.parse_value("2018..2017")
    with pytest.raises(ValueError):
        sample_dates.parse_value("весной")


def test_locate_takes_the_nth_occurrence():
    sentence = "В 2015 году и снова в 2015 году."
    assert sample_dates.locate(sentence, "2015 году") == (2, 11)
    assert sample_dates.locate(sentence, "2015 году #2") == (22, 31)
    with pytest.raises(ValueError):
        sample_dates.locate(sentence, "2016 году")


def test_sheet_to_labels_round_trip(tmp_path):
    first = sample_dates.Sentence(
        "a1", 10, 47, "Форум прошел в среду, два года назад.", dt.date(2018, 3, 15)
    )
    second = sample_dates.Sentence("b2", 0, 15, "Без дат, 5 мест", dt.date(2019, 1, 1))
    sheet = tmp_path / "sheet.txt"
    sample_dates.write_sheet([first, second], sheet)
    judged = sheet.read_text(encoding="utf-8").replace(
        first.text + "\n",
        first.text + "\n> в среду | 2018-03-14\n> два года назад | 2016-03\n",
    )
    sheet.write_text(judged, encoding="utf-8")
    rows = sample_dates.read_sheet(sheet)
    assert [r["text"] for r in rows] == [first.text, second.text]
    assert rows[0]["dates"][0] == {
        "span": [first.text.index("в среду"), first.text.index(",")],
        "first": "2018-03-14",
        "last": "2018-03-14",
        "grain": "day",
    }
    labels = tmp_path / "labels.tsv"
    sample_dates.write_labels(rows, labels)
    back = sample_dates.read_labels(labels)
    assert "Форум" not in labels.read_text(encoding="utf-8")
    assert [(r["article_id"], r["start"], r["stop"]) for r in back] == [
        ("a1", 10, 47),
        ("b2", 0, 15),
    ]
    assert back[0]["digest"] == sample_dates.digest(first.text)
    assert back[0]["published"] == dt.date(2018, 3, 15)
    assert back[0]["dates"] == rows[0]["dates"]
    assert back[1]["dates"] == []


def _timex(start: int, stop: int, first: str | None, last: str | None) -> Timex:
    to_date = dt.date.fromisoformat
    return Timex(start, stop, "", first and to_date(first), last and to_date(last), "day")


def test_judge_matches_by_overlap_and_first_day_and_last_day():
    labels = [
        {"span": [0, 10], "first": "2018-03-14", "last": "2018-03-14", "grain": "day"},
        {"span": [20, 30], "first": "2017-01-01", "last": "2017-12-31", "grain": "year"},
        {"span": [40, 50], "first": "2016-01-01", "last": "2016-12-31", "grain": "year"},
        {"span": [60, 70], "out": "duration"},
    ]
    found = [
        _timex(2, 8, "2018-03-14", "2018-03-14"),
        _timex(25, 35, "2017-01-01", "2017-06-30"),
        _timex(62, 66, "2016-01-01", "2016-12-31"),
        _timex(80, 85, "2019-01-01", "2019-01-01"),
    ]
    verdicts = [
        (v, item if isinstance(item, dict) else item.start)
        for v, item in eval_dates_own.judge(labels, found)
    ]
    assert verdicts == [
        ("right", labels[0]),
        ("wrong", labels[1]),
        ("missed", labels[2]),
        ("dated_out", labels[3]),
        ("spurious", 62),
        ("spurious", 80),
    ]
