"""Quotes on the seeds and on short texts: what was said, by whom, about whom."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from conftest import read_table

from pipeline.harness import entity_tables
from pipeline.nlp.speech import find_speech
from pipeline.stages.quotes import people_of, surnames_of
from pipeline.stages.situate import chunk_people


@pytest.fixture(scope="module")
def quotes(seed_build: Path, seed_articles: dict) -> dict[str, list[dict]]:
    """The seed build's quotes by seed number, each with its speaker's name."""
    names = {e["entity_id"]: e["name"] for e in read_table(seed_build, "entities")}
    number = {a["article_id"]: n for n, a in seed_articles.items()}
    found: dict[str, list[dict]] = {n: [] for n in seed_articles}
    for q in read_table(seed_build, "quotes"):
        found[number[q["article_id"]]].append({**q, "speaker": names.get(q["speaker_entity_id"])})
    return found


def quote_with(quotes: list[dict], words: str) -> dict:
    (found,) = [q for q in quotes if words in q["quote"]]
    return found


def test_quotes_are_slices_of_their_article(quotes: dict, seed_articles: dict) -> None:
    for number, found in quotes.items():
        text = seed_articles[number]["text"]
        for q in found:
            assert text[q["start"] : q["stop"]] == q["quote"]
            if q["speaker_start"] is not None:
                assert text[q["speaker_start"] : q["speaker_stop"]] == q["speaker_surface"]


def test_interview_labels_resolve_through_aliases(quotes: dict) -> None:
    found = quotes["000"]
    # "Т. Лоренцсон: Да, верно. Делегация постоянных представителей 15 стран ..."
    first = quote_with(found, "Да, верно.")
    assert (first["kind"], first["cue"], first["speaker"]) == (
        "interview",
        "Т. Лоренцсон",
        "Тобиас Лоренцсон",
    )
    assert first["quote"].startswith("Да, верно. Делегация")
    # "Э. Гасымов: Основная задача ..." and the paragraph after it, without a label.
    assert quote_with(found, "Основная задача контактных посольств")["speaker"] == "Эльчин Гасымов"
    assert quote_with(found, "В будущем мы надеемся")["speaker"] == "Эльчин Гасымов"
    assert quote_with(found, "Процесс отбора на эту должность")["speaker"] == "Тобиас Лоренцсон"
    assert {q["speaker"] for q in found} == {"Тобиас Лоренцсон", "Эльчин Гасымов"}


def test_questions_and_thanks_are_not_quotes(quotes: dict) -> None:
    for found in quotes.values():
        assert not any(q["quote"].rstrip().endswith("?") for q in found)
    texts = " ".join(q["quote"] for q in quotes["000"] + quotes["001"] + quotes["003"])
    assert "В чем заключалась основная цель их визита" not in texts
    assert "Как бы вы охарактеризовали текущий уровень" not in texts
    assert "Господин посол, как вы оцениваете" not in texts
    assert "Благодарю за интервью" not in texts


def test_answers_belong_to_the_interviewee_named_in_the_lead(quotes: dict) -> None:
    # 001: "В эксклюзивном интервью Report Лорд Коакер рассказал ..."; every answer is his.
    answers = quotes["001"]
    assert len(answers) >= 10
    assert {(q["kind"], q["speaker"]) for q in answers} == {("interview", "Вернон Коакер")}
    assert quote_with(answers, "Я также принял участие на выпускной церемонии")
    # 003: "..., рассказал посол Азербайджана в Казахстане Агалар Атамогланов."
    answers = quotes["003"]
    assert {q["speaker"] for q in answers} == {"Агалар Атамогланов"}
    assert quote_with(answers, "2025 год ознаменовался дальнейшим укреплением")


def test_statements_in_004_are_the_presidents(quotes: dict) -> None:
    found = quotes["004"]
    expected = [  # (words in the quote, kind, cue, the source as written)
        ("После того, как Президент Трамп и я подписали", "direct", "отметил", "глава государства"),
        (
            "сотрудничество с такой страной, как Азербайджан",
            "indirect",
            "подчеркнул",
            "Президент Ильхам Алиев",
        ),
        ("Для нас отношения с США тоже важны", "direct", "подчеркнул", "Президент Ильхам Алиев"),
        ("Связи между Азербайджаном и Америкой", "direct", "сказал", "Глава государства"),
        (
            "Да, мирное соглашение, которое было парафировано",
            "direct",
            "заявил",
            "Президент Азербайджана",
        ),
    ]
    # his own view in a sentence of the first quotation ('Поэтому мы считаем, что ...') is a
    # quote of its own besides
    (own,) = [q for q in found if q["quote"].startswith("вступление в новый этап")]
    assert (own["kind"], own["cue"], own["speaker_surface"]) == ("indirect", "считаем", "мы")
    found = [q for q in found if q is not own]
    assert len(found) == len(expected)
    for words, kind, cue, surface in expected:
        q = quote_with(found, words)
        assert (q["kind"], q["cue"], q["speaker_surface"], q["speaker"]) == (
            kind,
            cue,
            surface,
            "Ильхам Алиев",
        ), words
    # The first runs over four paragraphs, up to its closing mark, and names Trump and the USA.
    first = quote_with(found, "После того, как Президент Трамп")
    assert first["quote"].endswith("наши европейские партнеры также не останутся в стороне")
    assert first["quote"].count("\n\n") == 3
    assert "USA" in first["about_countries"] and "AZE" in first["about_countries"]


def test_reported_speech_in_002(quotes: dict, seed_build: Path) -> None:
    found = quotes["002"]
    zakharova = quote_with(found, "НАТО на Кавказе преследует дестабилизирующие цели")
    assert (zakharova["kind"], zakharova["cue"], zakharova["speaker"]) == (
        "indirect",
        "заявила",
        "Мария Захарова",
    )
    nato = {e["entity_id"] for e in read_table(seed_build, "entities") if e["name"] == "НАТО"}
    assert nato <= set(zakharova["about_entity_ids"])
    aliyev = quote_with(found, "Миссия превратилась в структуру")
    assert (aliyev["kind"], aliyev["speaker"]) == ("direct", "Ильхам Алиев")
    # "Политологи полагают, что ...": a source, but no one entity.
    experts = quote_with(found, "нынешний курс Баку во многом продиктован")
    assert (experts["speaker_surface"], experts["speaker"]) == ("Политологи", None)
    # "российские эксперты не считают, что ...": a denial is not their statement.
    assert not [q for q in found if "полностью откажется от связей" in q["quote"]]


def speakers(texts: list[str]) -> list[tuple[str, str | None]]:
    """(quote, speaker's name) of each quote of the texts, in order."""
    articles = pa.table({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    tables = entity_tables(articles)
    names = {e["entity_id"]: e["name"] for e in tables["entities"].to_pylist()}
    return [(q["quote"], names.get(q["speaker_entity_id"])) for q in tables["quotes"].to_pylist()]


def test_pronouns_resolve_only_when_one_person_precedes() -> None:
    found = speakers(
        [
            "Министр иностранных дел России Сергей Лавров прибыл в Анкару. Он подчеркнул, что "
            "переговоры будут трудными.",
            "Сергей Лавров встретился с Энтони Блинкеном в Женеве. Он подчеркнул, что позиции "
            "сторон расходятся.",
        ]
    )
    assert found == [
        ("переговоры будут трудными", "Сергей Лавров"),
        ("позиции сторон расходятся", None),  # two people before 'Он'
    ]


def test_a_role_resolves_when_one_person_holds_it() -> None:
    found = speakers(
        [
            "Президент России Владимир Путин встретился с министром Сергеем Лавровым. "
            "«Мы готовы к диалогу», - заявил глава государства.",
        ]
    )
    assert found == [("Мы готовы к диалогу", "Владимир Путин")]
    # A role, and no person named anywhere: nobody.
    assert speakers(["Посол заявил: переговоры продолжатся в Баку."]) == [
        ("переговоры продолжатся в Баку", None)
    ]


def test_a_pointer_to_a_quote_found_is_no_quote_of_its_own() -> None:
    # 'Об этом сообщил X' after a quote: the speech record names who reported it, without
    # content; the quotes table has the statement once.
    text = (
        "Президент Азербайджана Ильхам Алиев заявил, что переговоры с НАТО продолжатся. Об "
        "этом сообщает агентство «Тренд»."
    )
    pointer = text.index("сообщает")
    said = find_speech(text, [(0, len(text))], [(0, text.index(" Об")), (pointer - 8, len(text))])
    assert [(s.start == s.stop, text[s.cue_start : s.cue_stop]) for s in said] == [
        (False, "заявил"),
        (True, "сообщает"),
    ]
    assert speakers([text]) == [("переговоры с НАТО продолжатся", "Ильхам Алиев")]


def test_speech_spans_on_a_sentence() -> None:
    text = "Как отмечает эксперт Станислав Ткаченко, Турция остается на периферии НАТО."
    (speech,) = find_speech(text, [(0, len(text))], [(0, len(text))])
    assert text[speech.source_start : speech.source_stop] == "эксперт Станислав Ткаченко"
    assert text[speech.cue_start : speech.cue_stop] == "отмечает"
    assert text[speech.start : speech.stop] == "Турция остается на периферии НАТО"


def test_a_worker_gets_the_people_a_name_written_alone_stands_for() -> None:
    # An interview headlined with 'Оуэн' (the one person its text tags) and signed 'Майкл
    # Оуэн' under a photo, untagged: the speaker stage names the full name's person, so a
    # worker naming the chunk's quotes must know that person as one process does.
    entities = pa.table(
        {
            "entity_id": ["owen", "michael-owen", "putin"],
            "type": ["PER", "PER", "PER"],
            "role": [None, "футболист", "президент"],
            "country": [None, "GBR", "RUS"],
            "name": ["Оуэн", "Майкл Оуэн", "Владимир Путин"],
            "n_mentions": [9, 40, 900],
        }
    )
    people = people_of(entities)
    worker = chunk_people(people, surnames_of(entities), ["owen"])
    assert worker["michael-owen"].name == "Майкл Оуэн"
    assert set(worker) == {"owen", "michael-owen", "putin"}


def test_a_pointer_names_the_speaker_of_the_quote_it_points_to() -> None:
    # The quote before the pointer has no speaker of its own (a group) or a capital that stands
    # for its state: the pointer says who said it.
    found = speakers(
        [
            "Москва считает, что объекты ПРО в Европе угрожают безопасности России. Об этом "
            "заявил постпред России при НАТО Александр Грушко.",
            "Эксперты полагают, что цены на нефть вырастут. Об этом рассказал американский "
            "бизнесмен Пол Гончарофф.",
        ]
    )
    assert found == [
        ("объекты ПРО в Европе угрожают безопасности России", "Александр Грушко"),
        ("цены на нефть вырастут", "Пол Гончарофф"),
    ]


def test_a_pointer_that_answers_the_quote_names_nobody_for_it() -> None:
    # 'Эти слова опроверг X': X answers the words, he did not say them.
    found = speakers(
        [
            "Эксперты полагают, что Россия готовит провокацию. Эти слова опроверг "
            "пресс-секретарь президента России Дмитрий Песков."
        ]
    )
    assert found == [("Россия готовит провокацию", None)]


def test_a_pointer_to_a_medium_that_relays_names_nobody_for_the_quote() -> None:
    # The researchers said it; the newspaper only reported what they said.
    found = speakers(
        [
            "Трое немецких исследователей заявили, что обнаружили комплекс бункеров под "
            "Дрезденом. В одном из них может находиться Янтарная комната, считают они. Об этом "
            "сообщило издание The Daily Mail."
        ]
    )
    assert ("В одном из них может находиться Янтарная комната", None) in found
