"""Ingestion of the five shipped seed articles, checked against the files themselves."""

from __future__ import annotations

import datetime as dt
import json
import re

import pyarrow as pa
from conftest import read_table, seed

from pipeline.stages.paragraphs import build_paragraphs


def test_five_articles_with_header_dates(seed_articles: dict) -> None:
    assert sorted(seed_articles) == ["000", "001", "002", "003", "004"]
    published = {k: (a["published"], a["date_source"]) for k, a in seed_articles.items()}
    assert published == {
        "000": (dt.date(2025, 12, 15), "header"),
        "001": (dt.date(2025, 12, 5), "header"),
        "002": (None, "missing"),  # the file has no date header and no dateline
        "003": (dt.date(2025, 12, 29), "header"),
        "004": (dt.date(2026, 1, 22), "header"),
    }


HEADLINE_001 = (
    "Госминистр: У Лондона и Баку амбициозные планы сотрудничества в сфере обороны - ИНТЕРВЬЮ"
)


def test_001_headline_opens_the_text_and_furniture_is_recorded(
    seed_build, seed_articles: dict
) -> None:
    article = seed_articles["001"]
    assert article["title"] == HEADLINE_001
    assert article["title_stop"] == len(HEADLINE_001)
    assert article["text"].startswith(
        HEADLINE_001 + "\n\nГосударственный министр по вопросам обороны Соединенного Королевства"
    )
    for furniture in ("WUF13", "Бюджетный пакет", "Внешняя политика", "05 декабря, 2025"):
        assert furniture not in article["text"]
    assert "date 2025" not in article["text"]
    # Every line kept out of the text is in the manifest, with its line in the file and why.
    trimmed = json.loads((seed_build / "manifest.json").read_text())["trimmed"]
    assert [(t["path"], t["line"], t["text"], t["reason"]) for t in trimmed] == [
        (str(seed("001")), 1, "Ильхам Алиев WUF13 Бюджетный пакет Неделя волонтёров", "navigation"),
        (str(seed("001")), 4, "Внешняя политика", "rubric"),
        (str(seed("001")), 5, "05 декабря, 2025", "dateline"),
    ]


def test_bodies_are_the_seed_texts_after_their_headers(seed_articles: dict) -> None:
    """The body (the text after the headline) of every seed is its text as it was before
    headlines were analysed: the files' lines from the first prose line on."""
    for number, article in seed_articles.items():
        body = article["text"][article["title_stop"] :].removeprefix("\n\n")
        lines = [line.strip() for line in seed(number).read_text().splitlines() if line.strip()]
        first = 4 if number == "001" else 0  # 001: navigation, headline, rubric, dateline
        assert body.split("\n\n")[1:] == [" ".join(line.split()) for line in lines[first + 1 :]]


def test_titles_without_headline_are_first_sentences(seed_articles: dict) -> None:
    assert seed_articles["000"]["title"] == (
        "Более 30 лет Азербайджан поддерживает и развивает партнерские отношения "
        "с Организацией Североатлантического договора (НАТО)."
    )
    assert seed_articles["004"]["title"] == (
        "Реализация Вашингтонских соглашений по линии азербайджано-американских отношений "
        "демонстрирует переход от декларативных договоренностей к конкретным практическим шагам."
    )


def test_paragraphs_are_the_non_empty_lines(seed_build, seed_articles: dict) -> None:
    paragraphs = read_table(seed_build, "paragraphs")
    for number, article in seed_articles.items():
        raw = seed(number).read_text(encoding="utf-8")
        lines = [line for line in raw.splitlines() if line.strip()]
        # 001 loses its navigation line, rubric and dateline; its headline is paragraph 0.
        expected = len(lines) - (3 if number == "001" else 0)
        mine = [p for p in paragraphs if p["article_id"] == article["article_id"]]
        assert len(mine) == expected, number
        assert [p["paragraph"] for p in mine] == list(range(expected))
        for p in mine:
            assert article["text"][p["start"] : p["stop"]] == p["text"]
            assert p["text"] == p["text"].strip() and "\n" not in p["text"]


def test_paragraphs_split_as_str_split_with_character_offsets() -> None:
    texts = ["Баку — столица.\n\nАнкара", "", "Москва\n\n\nКиев\n\n"]
    found = build_paragraphs(pa.table({"article_id": ["a", "b", "c"], "text": texts}))
    rows = [
        (r["article_id"], r["paragraph"], r["start"], r["stop"], r["text"])
        for r in found.to_pylist()
    ]
    assert rows == [
        ("a", 0, 0, 15, "Баку — столица."),
        ("a", 1, 17, 23, "Анкара"),
        ("b", 0, 0, 0, ""),
        ("c", 0, 0, 6, "Москва"),
        ("c", 1, 8, 13, "\nКиев"),  # the third newline starts the next paragraph
        ("c", 2, 15, 15, ""),
    ]
    for article_id, _number, start, stop, text in rows:
        assert texts["abc".index(article_id)][start:stop] == text


def test_interview_markup_survives(seed_articles: dict) -> None:
    text = seed_articles["000"]["text"]
    assert re.search(r"^Т\. Лоренцсон: Да, верно\.", text, re.M)
    assert re.search(r"^- Как бы вы охарактеризовали", seed_articles["001"]["text"], re.M)


def test_counts(seed_articles: dict) -> None:
    for article in seed_articles.values():
        assert article["n_chars"] == len(article["text"])
        assert article["n_words"] == len(re.findall(r"\w+", article["text"]))
        assert re.fullmatch(r"[0-9a-f]{16}", article["article_id"])
        assert article["source"] == seed(article["origin"].split("/")[-1][:3]).name


def test_a_one_paragraph_story_is_read_in_parts_of_whole_sentences(seed_articles) -> None:
    """Seed 003's longest paragraph alone, as a wire story of one paragraph, becomes paragraphs
    of whole sentences; in seed 003 itself, among other long paragraphs, it stays whole."""
    text = max(seed_articles["003"]["text"].split("\n\n"), key=len)
    assert len(text) > 2_000
    alone = build_paragraphs(pa.table({"article_id": ["a"], "text": [text]})).to_pylist()
    assert len(alone) > 2 and [p["paragraph"] for p in alone] == list(range(len(alone)))
    assert all(text[p["start"] : p["stop"]] == p["text"] for p in alone)
    assert all(p["text"][-1] in ".»)" for p in alone)  # each part ends a sentence
    assert " ".join(p["text"] for p in alone) == text
    whole = build_paragraphs(
        pa.table({"article_id": ["b"], "text": [seed_articles["003"]["text"]]})
    )
    assert text in whole["text"].to_pylist()


def test_a_short_last_part_joins_the_part_before_without_overlap() -> None:
    """A story whose last sentence is too short for a part of its own: it joins the part
    before, and no two parts share a character (each mention is found once)."""
    sentence = (
        "Министр иностранных дел и внешнеэкономических связей Венгрии Петер Сийярто провел "
        "переговоры с главой МИД России "
        "Сергеем Лавровым в Москве, где стороны обсудили поставки газа и нефти, работу "
        "газопровода «Турецкий поток», строительство АЭС «Пакш-2» и торговлю ({})."
    )
    story = " ".join(sentence.format(i) for i in range(6)) + " Об этом сообщает РИА Новости."
    text = "Сийярто и Лавров обсудили газ\n\n" + story
    parts = build_paragraphs(pa.table({"article_id": ["a"], "text": [text]})).to_pylist()[1:]
    assert len(parts) > 2
    assert all(a["stop"] < b["start"] for a, b in zip(parts, parts[1:], strict=False))
    assert parts[-1]["text"].endswith("Об этом сообщает РИА Новости.")
    assert " ".join(p["text"] for p in parts) == story
