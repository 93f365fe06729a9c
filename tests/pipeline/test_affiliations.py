"""Roles and countries of people and organisations from what small made-up corpora state
(pipeline.nlp.roles, pipeline.stages.entities.affiliations), and places that are not the
country they spell (pipeline.stages.countries)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.harness import entity_tables
from pipeline.nlp.gazetteer import adjectives
from pipeline.nlp.roles import Named, stated


def build(texts: list[str]) -> dict[str, pa.Table]:
    articles = pa.table({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    return entity_tables(articles)


def entities(texts: list[str]) -> dict[str, dict]:
    """The entities of a made-up corpus, by name."""
    return {e["name"]: e for e in build(texts)["entities"].to_pylist()}


def said(text: str, name: str, places: dict[str, str] | None = None) -> tuple:
    """roles.stated for `name` in `text`, where `places` are the names with a country (as the
    entity stage knows them) and every country adjective counts."""
    named = {start: Named(stop, "ADJ", country) for start, stop, country in adjectives(text)}
    for place, country in (places or {}).items():
        at = text.index(place)
        named[at] = Named(at + len(place), "LOC", country)
    start = text.index(name)
    return stated(text, 0, start, start + len(name), named, name)


@pytest.mark.parametrize(
    ("text", "name", "places", "expected"),
    [
        (
            "Об этом заявил президент Казахстана Касым-Жомарт Токаев.",
            "Касым-Жомарт Токаев",
            {"Казахстана": "KAZ"},
            ("президент", "KAZ"),
        ),
        (  # the sending country, not the place after 'в'
            "В церемонии участвовал посол Азербайджана в Казахстане Агалар Атамогланов.",
            "Агалар Атамогланов",
            {"Азербайджана": "AZE", "Казахстане": "KAZ"},
            ("посол", "AZE"),
        ),
        (  # a country after a preposition is what the expert knows, not where he is from
            "Ситуацию прокомментировал эксперт по Франции Иван Вершинин.",
            "Иван Вершинин",
            {"Франции": "FRA"},
            ("эксперт", None),
        ),
        (  # a country adjective before the role
            "С критикой выступил американский сенатор Джон Маккейн.",
            "Джон Маккейн",
            {},
            ("сенатор", "USA"),
        ),
        (  # adjectives of countries beyond the few big ones
            "И эта трансляция наверняка будет в топ-5 по итогам месяца», — заявил чешский "
            "журналист Лукаш Фофф.",
            "Лукаш Фофф",
            {},
            ("журналист", "CZE"),
        ),
        (
            "Против выступил и венгерский премьер Виктор Орбан, который, как и польское "
            "руководство, часто критикуется ЕС за «авторитарную политику».",
            "Виктор Орбан",
            {},
            ("премьер", "HUN"),
        ),
        (  # genitive complements belong to the role; the country ends it
            "Об этом сообщил пресс-секретарь президента России Дмитрий Песков.",
            "Дмитрий Песков",
            {"России": "RUS"},
            ("пресс-секретарь президента", "RUS"),
        ),
        (
            "Заявление сделал официальный представитель МИД Мария Захарова.",
            "Мария Захарова",
            {},
            ("официальный представитель МИД", None),
        ),
        (  # the role's case is not the name's: the president is someone else
            "На встрече с президентом США Путин обсудил Сирию.",
            "Путин",
            {"США": "USA"},
            (None, None),
        ),
        (  # the role word belongs to another part of the sentence
            "Нападки журналистов немецкого издания главный редактор телеканала Маргарита "
            "Симоньян назвала истерикой.",
            "Маргарита Симоньян",
            {},
            (None, None),
        ),
        (  # a verb between the role word and the name
            "Эксперт похвалил за уверенную игру Игорь Акинфеев.",
            "Игорь Акинфеев",
            {},
            (None, None),
        ),
        (  # plural roles name several people
            "Лидеры сборной Артём Дзюба и Александр Кокорин вышли на поле.",
            "Артём Дзюба",
            {},
            (None, None),
        ),
        (  # a role ending in a conjunction or a preposition does not reach the name
            "На вопросы ответили журналисты и Александр Селихов.",
            "Александр Селихов",
            {},
            (None, None),
        ),
        (
            "Новая встреча главы с Лионелем Месси состоится завтра.",
            "Лионелем Месси",
            {},
            (None, None),
        ),
        (  # a country in brackets after the name
            "В турнире участвовал Эльчин Гасымов (Словакия).",
            "Эльчин Гасымов",
            {"Словакия": "SVK"},
            (None, "SVK"),
        ),
        (  # 'из' says where the person comes from
            "В Москву приехал журналист из Германии Ханс Мюллер.",
            "Ханс Мюллер",
            {"Германии": "DEU"},
            ("журналист", "DEU"),
        ),
    ],
)
def test_stated_role_and_affiliation(
    text: str, name: str, places: dict[str, str], expected: tuple
) -> None:
    assert said(text, name, places) == expected


_KHACHANOV = (
    "Россиянин Карен Хачанов ещё в субботу, 3 июня, начал свой матч с американцем Джоном "
    "Изнером и успел выиграть один сет."
)


@pytest.mark.parametrize(
    ("text", "name", "normal", "country"),
    [
        (_KHACHANOV, "Карен Хачанов", "Карен Хачанов", "RUS"),
        (_KHACHANOV, "Джоном Изнером", "Джон Изнер", "USA"),  # in the name's case
        ("Он уступил французу Мартену Фуркаду.", "Мартену Фуркаду", "Мартен Фуркад", "FRA"),
        (  # a plural apposition may name several people
            "Позади остались американцы Мэтт Греверс и Райан Мёрфи.",
            "Мэтт Греверс",
            "Мэтт Греверс",
            None,
        ),
        (  # a first name that starts like a demonym ('франко-')
            "Он отправится в Германию на переговоры с немецким коллегой Франком Вальтером "
            "Штайнмайером.",
            "Вальтером Штайнмайером",
            "Вальтер Штайнмайер",
            None,
        ),
        (  # an adjective, not a demonym
            "История московского Теда Мосби не вдохновила зрителей.",
            "Теда Мосби",
            "Тед Мосби",
            None,
        ),
        (  # the demonym's case is not the name's: someone else
            "Победу над американцем Анастасия Павлюченкова отпраздновала в раздевалке.",
            "Анастасия Павлюченкова",
            "Анастасия Павлюченкова",
            None,
        ),
    ],
)
def test_a_demonym_before_a_name_states_the_country(
    text: str, name: str, normal: str, country: str | None
) -> None:
    named = {start: Named(stop, "ADJ", found) for start, stop, found in adjectives(text)}
    start = text.index(name)
    assert stated(text, 0, start, start + len(name), named, normal)[1] == country


def test_a_person_takes_the_country_its_articles_agree_on() -> None:
    found = entities(
        [
            "Президент Казахстана Касым-Жомарт Токаев прибыл в Баку.",
            "Касым-Жомарт Токаев, президент Казахстана, выступил с речью.",
            "Президент Казахстана Касым-Жомарт Токаев провёл переговоры.",
            "Как считает британский политолог Джеймс Николсон, переговоры затянутся.",
            "Джеймс Николсон не ответил на вопросы.",
            "Политолог Джеймс Николсон уехал в Лондон.",
        ]
    )
    assert found["Касым-Жомарт Токаев"]["country"] == "KAZ"
    assert found["Касым-Жомарт Токаев"]["role"] == "президент"
    # Stated once in the three articles that name him: not enough to be sure.
    assert found["Джеймс Николсон"]["country"] is None
    assert found["Джеймс Николсон"]["role"] == "политолог"


def test_statements_that_disagree_give_no_country() -> None:
    found = entities(
        [
            "В Вене выступил американский эксперт Роберт Стоун.",
            "Интервью дал американский эксперт Роберт Стоун.",
            "С докладом выступил американский эксперт Роберт Стоун.",
            "На вопросы ответил немецкий эксперт Роберт Стоун.",
            "С этим не согласен немецкий эксперт Роберт Стоун.",
        ]
    )
    assert found["Роберт Стоун"]["role"] == "эксперт"
    assert found["Роберт Стоун"]["country"] is None  # 3 of 5 is no clear majority


def test_a_reprinted_statement_counts_once() -> None:
    reprint = "Как сообщил французский аналитик Пьер Дюбуа, сделка сорвалась."
    found = entities([reprint, reprint + " Подробности позже.", "Пьер Дюбуа уехал в отпуск."])
    assert found["Пьер Дюбуа"]["country"] is None


def test_an_organisation_takes_the_country_stated_around_it() -> None:
    found = entities(
        [
            "Сотрудники ФСБ России задержали подозреваемого.",
            "Российская ФСБ сообщила о задержании.",
            "В ФСБ отказались от комментариев.",
            "Об этом сообщили в МИД России.",
            "Об этом сообщили в МИД Украины.",
            "Об этом сообщили в МИД Германии.",
            "В МИД ответили на вопросы журналистов.",
        ]
    )
    # 'Российская ФСБ' is 'ФСБ России', the one country the corpus writes it with.
    assert found["ФСБ России"]["type"] == "ORG" and found["ФСБ России"]["country"] == "RUS"
    assert "ФСБ" in found["ФСБ России"]["aliases"] and "ФСБ" not in found
    assert found["МИД"]["country"] is None  # several countries' ministries


def test_an_international_body_after_a_name_says_it_has_no_country() -> None:
    found = entities(
        [
            "Совет Безопасности ООН принял резолюцию.",
            "Совет Безопасности России обсудил ситуацию.",
            "Совет Безопасности России провёл совещание.",
            "Совет Безопасности России собрался снова.",
            "В Совете Безопасности ответили на вопросы.",
            "Вчера Генштаб России опроверг сообщения.",
            "Затем Генштаб России провёл учения.",
            "Сегодня Генштаб России ответил журналистам.",
            "В Генштабе отказались от комментариев.",
        ]
    )
    assert found["Генштаб"]["country"] == "RUS"
    assert found["Совет Безопасности"]["country"] is None  # 3 of 4 is not enough


def test_a_person_takes_the_country_of_the_organisation_in_the_role() -> None:
    found = entities(
        [
            "Американское ЦРУ опубликовало доклад.",
            "Доклад ЦРУ США вызвал споры.",
            "Об этом заявил директор ЦРУ Майк Помпео.",
            "Директор ЦРУ Майк Помпео выступил в конгрессе.",
        ]
    )
    assert found["ЦРУ"]["country"] == "USA"
    assert found["Майк Помпео"]["country"] == "USA"
    assert found["Майк Помпео"]["role"] == "директор ЦРУ"


def test_a_state_or_district_is_not_the_country_it_spells() -> None:
    tables = build(
        [
            "Вашингтон (округ Колумбия) принял закон. Колумбия ответила.",
            "Губернатор штата Джорджия Брайан Кемп подписал указ.",
            "Губернатор штата Джорджия Брайан Кемп выступил перед журналистами.",
            "Выборы прошли в штате Вашингтон.",
        ]
    )
    links = tables["country_mentions"].to_pylist()
    assert [r["surface"] for r in links if r["country"] == "COL"] == ["Колумбия"]
    assert not any(r["country"] == "GEO" for r in links)
    assert [r["article_id"] for r in links if r["country"] == "USA"] == ["a0"]
    people = {e["name"]: e for e in tables["entities"].to_pylist()}
    assert people["Брайан Кемп"]["country"] is None


def test_brussels_for_the_union_is_not_belgium() -> None:
    # Sentences of the news corpus: Brussels as the EU's decisions and talks, and as a place.
    tables = build(
        [
            "В декабре Брюссель принял решение не принимать Украину в ЕС.",
            "Британский Кабмин согласовал план переговоров с Брюсселем.",
            "Однако в ходе саммита ЕС, прошедшего в Брюсселе в конце апреля, премьер выступил.",
            "Рейсы из Брюсселя в болгарскую столицу отменены.",
        ]
    )
    links = tables["country_mentions"].to_pylist()
    assert [r["article_id"] for r in links if r["country"] == "BEL"] == ["a2", "a3"]


def test_geneva_for_the_talks_is_not_switzerland() -> None:
    # Sentences of the news corpus: Geneva as the talks on Syria held there, and as a place.
    tables = build(
        [
            "«Диалог в Сочи имеет условную привязку к Женеве и рассчитан на то, что там могут "
            "быть выработаны новые схемы, новые планы, которые могли бы поспособствовать "
            "женевскому процессу.",
            "«Сочинский переговорный процесс — это целый шаг вперёд, потому что женевский формат "
            "хотя себя и не изжил, но мы же понимаем, что два года тому назад Женева фактически "
            "провалилась.",
            "28 ноября в Женеве должен начаться восьмой раунд межсирийских переговоров.",
            "Событию предшествовал день лазания по вертикальным скалам массива Солез вблизи "
            "Женевы, куда мы отправились из-за непогоды в высокогорье.",
            "Помимо этого, воюющие в Сирии группировки стремятся подорвать переговорный "
            "процесс, который проводится в Астане и Женеве.",
        ]
    )
    links = tables["country_mentions"].to_pylist()
    assert [r["article_id"] for r in links if r["country"] == "CHE"] == ["a2", "a3", "a4"]


def test_a_part_of_the_world_in_a_name_is_no_country() -> None:
    """'Латинской Америки' (babel's name of a part of the world) is not 'Америка', the United
    States (sentences of the news corpus)."""
    tables = build(
        [
            "«Новый налог может стать причиной ухода многих нефтяных компаний из Венесуэлы», – "
            "полагает директор Центра экономических проблем Института Латинской Америки Вадим "
            "Теперман.",
            "По словам заместителя директора Института Латинской Америки РАН Бориса Мартынова, "
            "Оскар Перес и его соратники рассчитывали, что «если они и не начнут восстание, то "
            "всколыхнут, обозначат какие-то моменты».",
        ]
    )
    countries = {e["name"]: e["country"] for e in tables["entities"].to_pylist()}
    assert countries["Институт Латинской Америки"] != "USA"
    assert not any(r["country"] == "USA" for r in tables["country_mentions"].to_pylist())


def test_a_language_or_a_people_abroad_links_no_country() -> None:
    """Sentences of the news corpus: the language and the Armenian diaspora of Belgium link to
    nothing, the American side to the United States."""
    tables = build(
        [
            "Отметим, что это программы на украинском языке, их ведут украинские журналисты.",
            "Один из представителей армянской диаспоры Бельгии, задавая вопрос Пашиняну, "
            'выразил мнение, что влияние русского языка и культуры - "худшее, что может быть".',
            "Главным образом беспокойство американской стороны вызывает северокорейская "
            "ракетно-ядерная программа.",
        ]
    )
    links = tables["country_mentions"].to_pylist()
    assert [(r["surface"], r["country"]) for r in links if r["via"] == "adjective"] == [
        ("украинские", "UKR"),
        ("американской", "USA"),
        ("северокорейская", "PRK"),
    ]


@pytest.mark.parametrize(
    ("text", "organisation", "expected"),
    [
        (  # the role ends before the country the organisation's name ends with
            "Об этом заявил глава МИД России Сергей Лавров.",
            "МИД России",
            ("глава МИД", "ORG:мид россии"),
        ),
        (  # unless the country is the head of the name
            "Об этом заявил секретарь генсовета Единой России Андрей Турчак.",
            "Единой России",
            ("секретарь генсовета Единой России", "ORG:единая россия"),
        ),
    ],
)
def test_an_organisation_in_the_role(text: str, organisation: str, expected: tuple) -> None:
    at = text.index(organisation)
    named = {at: Named(at + len(organisation), "ORG", expected[1])}
    start = at + len(organisation) + 1
    assert stated(text, 0, start, len(text) - 1, named, text[start:-1]) == expected


def test_articles_that_share_a_statement_are_one_source() -> None:
    # A background paragraph copied from article to article, one of which also quotes the
    # phrase: three articles, two ways of saying it, one source; the site gets no country.
    copied = (
        "По мнению Клинтон, письмо директора ФБР Джеймса Коми 28 октября и российский"
        " WikiLeaks не вызвали сомнения у людей."
    )
    found = entities(
        [
            copied,
            "Клинтон рассказала о причинах поражения. " + copied,
            "Виноваты ФБР, «российский WikiLeaks» и Путин, считает Клинтон. " + copied,
            "Основатель WikiLeaks Джулиан Ассанж опроверг эти данные.",
        ]
    )
    assert found["WikiLeaks"]["country"] is None


def test_a_body_after_another_countrys_adjective_links_not_its_own_country() -> None:
    """The corpus's 'Тихоокеанский флот' is the American one; 'российскому Тихоокеанскому
    флоту' (the last, a sentence of the news corpus) is not, and links Russia by its
    adjective alone."""
    tables = build(
        [
            "Американский Тихоокеанский флот провёл учения у берегов Японии.",
            "Командующий американским Тихоокеанским флотом прибыл в Сеул.",
            "Американский Тихоокеанский флот получит новые эсминцы.",
            "Корабли американского Тихоокеанского флота вошли в порт.",
            "Этот флот противостоит военно-морским силам Китая, Северной Кореи и российскому "
            "Тихоокеанскому флоту.",
        ]
    )
    countries = {e["name"]: e["country"] for e in tables["entities"].to_pylist()}
    assert countries["Тихоокеанский флот"] == "USA"
    links = tables["country_mentions"].to_pylist()
    assert [(r["surface"], r["country"]) for r in links if r["article_id"] == "a4"] == [
        ("Китая", "CHN"),
        ("Северной Кореи", "PRK"),
        ("российскому", "RUS"),
    ]
