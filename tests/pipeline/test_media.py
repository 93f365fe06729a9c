"""Media as sources, not actors: news agencies, outlets, channels and platforms become MEDIUM
entities with their canonical names, give no country to the text, and never speak a quote."""

from __future__ import annotations

import pyarrow as pa
import pycountry
import pytest

from pipeline.harness import entity_tables
from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.media import lexicon, medium_of


def analyse(texts: list[str]) -> dict[str, pa.Table]:
    articles = pa.table({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    return entity_tables(articles)


def typed(tables: dict[str, pa.Table]) -> dict[tuple[str, str], dict]:
    """Entities by (type, name)."""
    return {(e["type"], e["name"]): e for e in tables["entities"].to_pylist()}


@pytest.fixture(scope="module")
def cited() -> dict[str, pa.Table]:
    return analyse(
        [
            "Как сообщило агентство Reuters, компания «Газпром» увеличила поставки газа в Европу.",
            "Политолог Иван Петров в беседе с RT отметил, что санкции не помогут. Министерство "
            "иностранных дел России выразило протест.",
            "Президент США Дональд Трамп написал в Twitter, что переговоры с Китаем продолжатся.",
            "По данным Рейтер, переговоры в Женеве завершились. Об этом же сообщила Би-би-си, а "
            "также BBC News.",
        ]
    )


def test_media_are_entities_of_their_own_type(cited: dict) -> None:
    found = typed(cited)
    for name, country in (("Reuters", "GBR"), ("RT", "RUS"), ("Twitter", None)):
        assert found["MEDIUM", name]["country"] == country
    # Real organisations and people stay what they are.
    assert ("ORG", "Газпром") in found and ("ORG", "МИД России") in found
    assert ("PER", "Иван Петров") in found and ("PER", "Дональд Трамп") in found
    assert not {name for kind, name in found if kind != "MEDIUM"} & {"Reuters", "RT", "Twitter"}
    # The mentions and the per-article counts carry the type.
    types = {m["surface"]: m["type"] for m in cited["mentions"].to_pylist()}
    assert types["Reuters"] == types["RT"] == types["Twitter"] == "MEDIUM"
    rt = found["MEDIUM", "RT"]["entity_id"]
    assert {(r["entity_id"], r["type"]) for r in cited["article_entities"].to_pylist()} >= {
        (rt, "MEDIUM")
    }
    assert rt.startswith("medium-")


def test_spellings_of_a_medium_are_one_entity(cited: dict) -> None:
    found = typed(cited)
    assert set(found["MEDIUM", "Reuters"]["aliases"]) == {"Reuters", "Рейтер"}
    assert found["MEDIUM", "Reuters"]["n_articles"] == 2
    assert set(found["MEDIUM", "BBC"]["aliases"]) == {"Би-би-си", "BBC News"}


def test_media_give_no_country_to_the_text(cited: dict) -> None:
    links = {(c["surface"], c["via"]) for c in cited["country_mentions"].to_pylist()}
    assert ("Министерство иностранных дел России", "organisation") in links  # an organisation
    assert not {s for s, _via in links} & {"Reuters", "RT", "Рейтер", "Би-би-си", "BBC News"}


def test_an_ambiguous_name_is_a_medium_only_after_a_media_word() -> None:
    tables = analyse(
        [
            "В субботу партия «Свобода» провела митинг во Львове. Лидер «Свободы» Олег Тягнибок "
            "выступил перед сторонниками.",
            "Об этом рассказал корреспондент радио «Свобода» Андрей Смирнов. Ранее радио "
            "«Свобода» сообщало о задержаниях.",
        ]
    )
    by_article = {(m["article_id"], m["type"]) for m in tables["mentions"].to_pylist()}
    assert ("a0", "ORG") in by_article and ("a0", "MEDIUM") not in by_article  # the party
    found = typed(tables)
    assert found["MEDIUM", "Радио Свобода"]["n_mentions"] == 2
    assert found["ORG", "Свобода"]["n_mentions"] == 2


def test_a_channel_is_not_its_country() -> None:
    """NER cuts the channel's number off and the span takes it back inside the quotation marks;
    a weak media word before a bare name and a date after it do not make a channel of the
    country."""
    tables = analyse(
        [
            "Об этом заявил министр в эфире телеканала «Россия 24». Посол Японии направил ноту по "
            "дипломатическим каналам России. Реформа началась в России 1 января 2019 года."
        ]
    )
    names = {e["entity_id"]: (e["type"], e["name"]) for e in tables["entities"].to_pylist()}
    found = [(m["surface"], names[m["entity_id"]]) for m in tables["mentions"].to_pylist()]
    assert [f for f in found if f[0] in ("Россия 24", "России")] == [
        ("Россия 24", ("MEDIUM", "Россия-24")),
        ("России", ("LOC", "Россия")),
        ("России", ("LOC", "Россия")),
    ]
    assert {c["country"] for c in tables["country_mentions"].to_pylist()} == {"JPN", "RUS"}


def test_a_cyrillic_lookalike_is_the_medium_its_article_names() -> None:
    """'ВВС' in Cyrillic capitals looks like the BBC's 'BBC': it is the medium in an article
    that names the BBC, and the air forces elsewhere or with an owner after it (corpus
    sentences)."""
    tables = analyse(
        [
            "А если посмотрите BBC, то заметите, что ВВС представляет британское видение мира.",
            "Самолёт принадлежал 15-й отдельной авиаэскадрилье ВВС Балтфлота. Командование ВВС "
            "подтвердило гибель экипажа.",
            "По данным Би-би-си, в результате авианалёта ВВС Саудовской Аравии в Сане погибли "
            "более 150 человек.",
        ]
    )
    names = {e["entity_id"]: (e["type"], e["name"]) for e in tables["entities"].to_pylist()}
    found = {
        (m["article_id"], m["surface"]): names[m["entity_id"]]
        for m in tables["mentions"].to_pylist()
        if m["surface"] == "ВВС"
    }
    assert found["a0", "ВВС"] == ("MEDIUM", "BBC")
    assert found["a1", "ВВС"][0] == "ORG"
    assert found["a2", "ВВС"][0] != "MEDIUM"


def test_a_titled_name_after_a_media_word_is_a_medium_in_its_article() -> None:
    tables = analyse(
        [
            "Как сообщает украинское издание «Обозреватель», Верховная рада приняла закон.",
            "В программе «Обозреватель» Международного олимпийского комитета участвуют студенты.",
        ]
    )
    found = typed(tables)
    assert found["MEDIUM", "Обозреватель"]["n_articles"] == 1
    assert found["ORG", "Обозреватель"]["n_articles"] == 1  # the Olympic programme


def test_a_medium_speaks_only_on_its_own_account() -> None:
    tables = analyse(
        [
            "«Мы не допустим эскалации», — сказал министр обороны Сергей Шойгу. «Ответ будет "
            "адекватным», — добавил он в беседе с RT.",
            "«Переговоры зашли в тупик», — пишет Reuters.",
        ]
    )
    names = {e["entity_id"]: e["name"] for e in tables["entities"].to_pylist()}
    said = {q["quote"]: q for q in tables["quotes"].to_pylist()}
    answer = said["Ответ будет адекватным"]
    assert answer["speaker_surface"] == "он"  # the occasion 'в беседе с RT' is not the source
    assert names[answer["speaker_entity_id"]] == "Сергей Шойгу"  # 'он', not RT
    wire = said["Переговоры зашли в тупик"]
    assert wire["speaker_surface"] == "Reuters"  # the outlet reporting on its own account
    assert names[wire["speaker_entity_id"]] == "Reuters"


@pytest.mark.parametrize(
    ("name", "medium"),
    [
        ("Агентство Рейтер", "Reuters"),
        ("ИА REGNUM", "REGNUM"),
        ("Радио «Свобода", "Радио Свобода"),
        ("Telegram-канале", "Telegram"),
        ("Газете.Ru", "Газета.Ru"),
        ("ИТАР-ТАСС", "ТАСС"),
        ("Нью-Йорк таймс", "The New York Times"),
        ("Телеканал Звезда", "Звезда"),  # ambiguous, but the name itself says what it is
    ],
)
def test_names_forgive_how_ner_wrote_them(name: str, medium: str) -> None:
    assert lexicon().info[medium_of(name)][0] == medium


def test_ambiguous_names_need_the_text_to_say_so() -> None:
    assert medium_of("Звезда") is None and medium_of("Фонтанка") is None
    assert lexicon().info[medium_of("Звезда", cited=True)][0] == "Звезда"
    assert medium_of("Агентство национальной безопасности") is None


def test_media_table_is_consistent() -> None:
    """Each name names one medium, and countries are alpha-3; a name of an alias group is a
    medium only when ambiguous ('телеканал «Россия»', not the country)."""
    seen: dict[str, str] = {}
    for row in read_tsv("media.tsv"):
        assert len(row) in (3, 4), row
        canonical, country, aliases, *ambiguous = row
        assert not country or pycountry.countries.get(alpha_3=country), row
        names = [canonical, *aliases.split("|"), *"|".join(ambiguous).split("|")]
        for name in {key(n) for n in names if n}:
            assert seen.setdefault(name, canonical) == canonical, (name, seen[name], canonical)
    grouped = {
        key(n)
        for canonical, _kind, _country, *rest in read_tsv("aliases.tsv")
        for n in [canonical, *(rest[0].split("|") if rest else [])]
    }
    assert not grouped & set(lexicon().heads)
    assert grouped & set(lexicon().ambiguous) == {"россия"}
    assert len(lexicon().info) >= 300


def test_a_title_after_a_word_that_names_media_stays_in_the_nominative() -> None:
    tables = analyse(
        [
            "Главный редактор журнала «Проблемы национальной стратегии» Российского института "
            "стратегических исследований Аждар Куртов надеется, что ситуация изменится.",
            "И только через 20 лет дополненное издание «Парнаса» вышло в Москве.",
        ]
    )
    names = {m["surface"]: m["normal"] for m in tables["mentions"].to_pylist()}
    # The quoted title is in apposition to 'журнала' and keeps its case, here a plural.
    assert names["Проблемы национальной стратегии"] == "Проблемы национальной стратегии"
    assert names.get("Парнаса", "Парнас") == "Парнас"  # a genitive title declines
