"""Input formats, encodings and publication-date spellings."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SHARED, read_table, seed

from pipeline.build import build
from pipeline.ingest.dates import parse_date
from pipeline.ingest.inputs import ingest
from pipeline.ingest.txtformat import parse_txt

KAZ = seed("003").read_text(encoding="utf-8")  # only «», – and ASCII punctuation besides Cyrillic


def only_article(directory) -> dict:
    (article,) = read_table(directory, "articles")
    return article


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r"])
def test_encodings_give_the_same_article(tmp_path, seed_articles, encoding) -> None:
    text = KAZ
    if encoding == "koi8-r":  # koi8-r has no « » –; the rest of the article must survive exactly
        text = text.replace("«", '"').replace("»", '"').replace("–", "-")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    build([path], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["published"] == dt.date(2025, 12, 29)
    assert "Средний коридор" in article["text"]
    if encoding != "koi8-r":
        assert article["article_id"] == seed_articles["003"]["article_id"]
        assert article["text"] == seed_articles["003"]["text"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-12-15", dt.date(2025, 12, 15)),
        ("15.12.2025", dt.date(2025, 12, 15)),
        ("05 декабря, 2025", dt.date(2025, 12, 5)),
        ("5 мая 2024 года", dt.date(2024, 5, 5)),
        ("1 сент. 2023", dt.date(2023, 9, 1)),
        ("2023-11-30T10:26", dt.date(2023, 11, 30)),
        ("2023-11-30T23:59:59+03:00", dt.date(2023, 11, 30)),
        ("2023-11-30 10:26:00", dt.date(2023, 11, 30)),
        ("31.02.2025", None),  # no such day
        ("15 мартобря 2025", None),
        ("2025", None),
        ("вчера", None),
    ],
)
def test_parse_date(written, expected) -> None:
    assert parse_date(written) == expected


def test_jsonl_gz_fields(tmp_path) -> None:
    rows = [
        {
            "id": "ria:1",
            "source": "ria",
            "url": "https://ria.ru/1",
            "date": "2023-11-30T10:26",
            "title": "Баку и Астана",
            "text": KAZ,
        },
        {"id": 2, "text": "Без даты и заголовка. Второе предложение."},
    ]
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(
        gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode())
    )
    build([path], tmp_path / "out", progress=False)
    by_id = {a["external_id"]: a for a in read_table(tmp_path / "out", "articles")}
    first, second = by_id["ria:1"], by_id["2"]
    assert (first["source"], first["url"], first["title"]) == (
        "ria",
        "https://ria.ru/1",
        "Баку и Астана",
    )
    assert (first["published"], first["date_source"]) == (dt.date(2023, 11, 30), "field")
    assert first["origin"] == f"{path}:1"
    assert (second["source"], second["title"]) == ("feed.jsonl.gz", "Без даты и заголовка.")
    assert (second["published"], second["date_source"]) == (None, "missing")


def test_excel_style_csv_in_cp1251_with_semicolons(tmp_path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Title", "Date", "Text"])
    writer.writerow(["Казахстан; транзит", "29.12.2025", KAZ])  # multi-line quoted field
    path = tmp_path / "export.csv"
    path.write_bytes(buffer.getvalue().encode("cp1251"))
    build([path], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["title"] == "Казахстан; транзит"
    assert article["published"] == dt.date(2025, 12, 29)
    assert article["origin"] == f"{path}:{2 + KAZ.count(chr(10))}"  # the row's last line
    assert "Средний коридор" in article["text"]


def test_headerless_txt_takes_first_line_as_title(tmp_path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Баку и Лондон подписали меморандум\n\n" + BODY_TEXT, encoding="utf-8")
    build([path], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["title"] == "Баку и Лондон подписали меморандум"
    assert article["text"] == "Баку и Лондон подписали меморандум\n\n" + BODY_TEXT
    assert article["title_stop"] == len("Баку и Лондон подписали меморандум")
    assert article["date_source"] == "missing"


BODY_TEXT = (
    "Стороны обсудили сотрудничество в сфере обороны и подготовку военнослужащих. "
    "Следующая встреча пройдет в Лондоне."
)


def test_shared_corpus_ingests_completely(tmp_path: Path) -> None:
    corpus = SHARED / "corpora" / "news_unified.jsonl.gz"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not present (it is shared material, not part of the repo)")
    ingested = ingest([corpus], tmp_path, progress=False)
    articles = pq.read_table(ingested.articles)
    assert articles["article_id"].to_pylist() == sorted(articles["article_id"].to_pylist())
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        lines = sum(1 for line in fh if line.strip())
    assert lines == 11_503
    assert articles.num_rows + len(ingested.rejected) == lines  # every line counted
    assert all(r.reason.startswith("duplicate text of") for r in ingested.rejected)
    assert ingested.notices == []
    # Each kept article carries its own row's date: ISO dates and 'YYYY-MM-DDTHH:MM' stamps.
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        dates = {n: json.loads(line)["date"] for n, line in enumerate(fh, start=1)}
    for article in articles.to_pylist():
        written = dates[int(article["origin"].rsplit(":", 1)[1])]
        expected = dt.date.fromisoformat(written[:10]) if written else None
        assert article["published"] == expected, article["origin"]


def test_byline_then_headline_keeps_the_headline_and_records_the_byline(tmp_path) -> None:
    path = tmp_path / "column.txt"
    path.write_text("Олег Давыдов\n\nЛёд тронулся\n\n" + BODY_TEXT, encoding="utf-8")
    manifest = build([path], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["title"] == "Лёд тронулся"
    assert article["text"] == "Лёд тронулся\n\n" + BODY_TEXT
    assert manifest["trimmed"] == [
        {"path": str(path), "line": 1, "text": "Олег Давыдов", "reason": "byline"}
    ]


def test_a_lead_without_a_full_stop_stays_after_its_headline(tmp_path) -> None:
    path = tmp_path / "lead.txt"
    lead = "Министры обороны двух стран договорились о совместных учениях весной"
    path.write_text(f"Баку и Лондон сближаются\n\n{lead}\n\n{BODY_TEXT}", encoding="utf-8")
    manifest = build([path], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["title"] == "Баку и Лондон сближаются"
    assert article["text"] == f"Баку и Лондон сближаются\n\n{lead}\n\n{BODY_TEXT}"
    assert manifest["trimmed"] == []


def test_short_lines_only_lose_nothing(tmp_path) -> None:
    poem = "Мороз и солнце\nДень чудесный\nЕщё ты дремлешь\nДруг прелестный"
    (tmp_path / "poem.txt").write_text(poem, encoding="utf-8")
    manifest = build([tmp_path / "poem.txt"], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["text"] == poem.replace("\n", "\n\n")
    assert article["title_stop"] == 0
    assert manifest["trimmed"] == []


def test_a_jsonl_title_is_analysed_as_the_headline(tmp_path) -> None:
    title = "Ильхам Алиев принял посла Великобритании"
    row = {"title": title, "text": BODY_TEXT, "date": "2025-12-05"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    build([tmp_path / "feed.jsonl"], tmp_path / "out", progress=False)
    article = only_article(tmp_path / "out")
    assert article["text"] == f"{title}\n\n{BODY_TEXT}"
    assert article["title_stop"] == len(title)
    in_title = [m for m in read_table(tmp_path / "out", "mentions") if m["in_headline"]]
    assert {(m["surface"], m["stop"] <= len(title)) for m in in_title} == {
        ("Ильхам Алиев", True),
        ("Великобритании", True),
    }
    countries = read_table(tmp_path / "out", "country_mentions")
    assert ("GBR", True) in {(c["country"], c["in_headline"]) for c in countries}


@pytest.mark.parametrize("headline", ["Космос", "Corus Chess Tournament 2006", "Олег Давыдов"])
def test_a_header_of_one_line_is_the_headline_whatever_it_looks_like(headline) -> None:
    """Headings of factRuEval files: alone before the body, a word or a Latin title is the
    headline, not a byline or a menu."""
    article = parse_txt(f"{headline}\n\n{BODY_TEXT}")
    assert (article.title, article.text, article.trimmed) == (headline, BODY_TEXT, ())


def test_an_undated_article_is_dated_by_its_own_dateline(tmp_path) -> None:
    rows = [
        {"text": "ВАШИНГТОН, 3 марта 2017 г. - ТАСС. " + BODY_TEXT},
        {"text": "МОСКВА, 15 ноя - РИА Новости. " + BODY_TEXT + " Без года."},  # no year: no date
        {"text": "ВАШИНГТОН, 3 марта 2017 г. - ТАСС. Другой текст.", "date": "2017-03-04"},
    ]
    feed = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    (tmp_path / "feed.jsonl").write_text(feed, encoding="utf-8")
    build([tmp_path / "feed.jsonl"], tmp_path / "out", progress=False)
    dated = [(a["published"], a["date_source"]) for a in read_table(tmp_path / "out", "articles")]
    assert sorted(dated, key=str) == sorted(
        [
            (dt.date(2017, 3, 3), "inferred"),
            (None, "missing"),
            (dt.date(2017, 3, 4), "field"),  # a date of its own wins
        ],
        key=str,
    )
