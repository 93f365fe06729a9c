"""Two people's names NER tags as one person's span, split into two mentions."""

from __future__ import annotations

import pyarrow as pa

from pipeline.stages.entities.glued import Split, _medium_after, glued_spans, unglued_spans
from pipeline.stages.mentions import RAW_MENTIONS

#: Mentions by (type, name), as the 11.5k corpus counts them (rounded).
COUNTS = {
    ("PER", "Путин"): 2500,
    ("PER", "Владимир Путин"): 2400,
    ("PER", "Трамп"): 7800,
    ("PER", "Дональд Трамп"): 3000,
    ("PER", "Порошенко"): 1300,
    ("PER", "Пётр Порошенко"): 800,
    ("PER", "Синдзо Абэ"): 60,
    ("PER", "Абэ"): 90,
    ("PER", "Лавров"): 390,
    ("PER", "Сергей Лавров"): 460,
    ("PER", "Дональд"): 31,
    ("PER", "Васильев"): 160,
    ("PER", "Александра Васильева"): 6,
    ("PER", "Пхёнчхан"): 6,  # NER's error: a place far more often
    ("LOC", "Пхёнчхан"): 400,
    ("PER", "Слуцкий"): 290,
    ("PER", "Леонид Слуцкий"): 50,
}


def test_two_names_in_one_span_are_found_by_case_or_a_full_name() -> None:
    surfaces = {
        # 'на встрече с Путиным Трамп интересовался тем, ...'
        "Путиным Трамп": "Путиным Трамп",
        # 'пресс-конференции с премьер-министром Японии Синдзо Абэ Трамп назвал ...'
        "Синдзо Абэ Трамп": "Синдзо Абэ Трамп",
        # '«Для Трампа Порошенко и Коболев интересны тем, ...'
        "Трампа Порошенко": "Трампа Порошенко",
        # one person each: a first name and a surname, a surname and a first name in one case
        "Дональда Трампа": "Дональд Трамп",
        "Васильева Александра": "Васильев Александр",
        # a place NER took for a person: 'в Пхёнчхане Слуцкий'
        "Пхёнчхане Слуцкий": "Пхёнчхане Слуцкий",
    }
    assert glued_spans(COUNTS, surfaces) == {
        "Путиным Трамп": Split(1, "Путин", "Трамп"),
        "Синдзо Абэ Трамп": Split(2, "Синдзо Абэ", "Трамп"),
        "Трампа Порошенко": Split(1, "Трамп", "Порошенко"),
    }


def test_a_glued_span_becomes_two_mentions() -> None:
    text = "на встрече с Путиным Трамп интересовался тем"
    start = text.index("Путиным")
    row = {
        "article_id": "a",
        "seq": 3,
        "paragraph": 0,
        "sentence": 1,
        "start": start,
        "stop": start + len("Путиным Трамп"),
        "surface": "Путиным Трамп",
        "type": "PER",
        "name": "Путиным Трамп",
        "gender": "masc",
        "readings": [{"score": 1.0, "name": "Путиным Трамп"}],
    }
    raw = pa.Table.from_pylist([row], schema=RAW_MENTIONS)
    found = unglued_spans(raw, {"Путиным Трамп": Split(1, "Путин", "Трамп")}).to_pylist()
    assert [(r["surface"], text[r["start"] : r["stop"]], r["name"]) for r in found] == [
        ("Путиным", "Путиным", "Путин"),
        ("Трамп", "Трамп", "Трамп"),
    ]
    assert [(r["seq"], r["gender"]) for r in found] == [(6, None), (7, "masc")]


def test_a_part_ner_also_tagged_alone_is_not_added_twice() -> None:
    # 'вскоре после совещания и отъезда Трампа Тиллерсон назвал его идиотом': NER tagged both
    # 'Трампа' and 'Трампа Тиллерсон'.
    text = "вскоре после совещания и отъезда Трампа Тиллерсон назвал его идиотом"
    start = text.index("Трампа")
    common = {"article_id": "a", "paragraph": 0, "sentence": 0, "type": "PER", "gender": None}
    rows = [
        {**common, "seq": 0, "start": start, "stop": start + 6, "surface": "Трампа"},
        {**common, "seq": 1, "start": start, "stop": start + 16, "surface": "Трампа Тиллерсон"},
    ]
    for row in rows:
        row |= {"name": row["surface"], "readings": []}
    raw = pa.Table.from_pylist(rows, schema=RAW_MENTIONS)
    found = unglued_spans(raw, {"Трампа Тиллерсон": Split(1, "Трамп", "Тиллерсон")})
    assert [(r["surface"], r["name"]) for r in found.to_pylist()] == [
        ("Трампа", "Трампа"),
        ("Тиллерсон", "Тиллерсон"),
    ]


def test_a_medium_glued_after_a_persons_name_is_the_medium() -> None:
    # '— заявил Колобков Р-Спорту': NER took the outlet, in the dative, for the surname.
    split = _medium_after("Колобков Р-Спорту")
    assert split is not None and (split.words, split.first, split.second) == (
        1,
        "Колобков",
        "Р-Спорт",
    )
    assert _medium_after("Павла Колобкова") is None


def test_a_surname_that_names_a_medium_after_a_first_name_stays() -> None:
    # 'Майкл Блумберг' is the man, not a first name glued to the agency Bloomberg.
    assert _medium_after("Майкл Блумберг") is None
