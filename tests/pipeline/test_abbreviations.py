"""Abbreviations and homonyms: 'Full Name (ABBR)' joins an abbreviation to its name only when the
letters fit and the corpus gives the abbreviation one meaning; an organisation named after a place
(«Вашингтон», the hockey club) is not the place."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.harness import entity_tables
from pipeline.nlp.abbreviations import fits, same_name
from pipeline.runtime import corpus
from pipeline.stages.entities.merge import _named_after_places
from pipeline.stages.entities.names import UnionFind


def tables(texts: list[str], order: list[int] | None = None) -> dict[str, pa.Table]:
    order = list(range(len(texts))) if order is None else order
    return entity_tables(
        pa.table({"article_id": [f"a{i}" for i in order], "text": [texts[i] for i in order]})
    )


def entity_of(found: dict[str, pa.Table], article_id: str, surface: str) -> dict:
    """The entity of the mention `surface` in an article (all its mentions there are one)."""
    entities = {e["entity_id"]: e for e in found["entities"].to_pylist()}
    (entity_id,) = {
        m["entity_id"]
        for m in found["mentions"].to_pylist()
        if (m["article_id"], m["surface"]) == (article_id, surface)
    }
    return entities[entity_id]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Организация Договора о коллективной безопасности", "ОДКБ"),  # 'о' skipped
        ("Федеральное бюро расследований", "ФБР"),
        ("Совет национальной безопасности и обороны", "СНБО"),
        ("Совет национальной безопасности и обороны Украины", "СНБО"),  # the country skipped
        ("Вооружённые силы Украины", "ВСУ"),
        ("Совет Федерации", "СФ"),  # fits as well as 'Северный флот' does
        ("Северный флот", "СФ"),
        ("Международное агентство по атомной энергии", "МАГАТЭ"),  # first letters of words
        ("Евразийский банк развития", "ЕАБР"),  # a compound's second part
        ("Совет нацбезопасности и обороны", "СНБО"),
        ("Внешэкономбанк", "ВЭБ"),
        ("Воздушно-космические силы", "ВКС"),
        ("Исламское государство", "ИГ, ИГИЛ"),  # one of the listed fits
        ("Всемирное антидопинговое агентство", "WADA"),  # a translation: as many letters as words
        ("Chicago Board Options Exchange", "CBOE"),
    ],
)
def test_letters_fit(full: str, short: str) -> None:
    assert fits(full, short)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Западная Вирджиния", "США"),  # a state and its country
        ("Совет национальной безопасности", "СНБО"),  # no 'обороны'
        ("Совет Европы", "ПАСЕ"),  # the Council, not its Assembly
        ("Фонд изучения США имени Франклина Рузвельта", "МГУ"),  # the fund and its university
        ("Министерство обороны США", "DARPA"),  # an agency of the ministry
        ("Сирия", "СИ"),  # one word gives one prefix, not an abbreviation
    ],
)
def test_letters_do_not_fit(full: str, short: str) -> None:
    assert not fits(full, short)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Совет национальной безопасности и обороны", "Совет нацбезопасности и обороны", True),
        (
            "Совет национальной безопасности и обороны",
            "Совет национальной безопасности и обороны Украины",
            True,
        ),
        ("Организация украинских националистов", "Организации украинских националистов", True),
        (
            "Агентство США по международному развитию",
            "Агентство по международному развитию США",
            True,
        ),
        ("Военно-водушные силы", "Военно-воздушные силы", True),  # a slip of the pen
        ("Верховный суд", "Вооружённые силы", False),
        ("Федерация бокса России", "Федерация бобслея России", False),
        ("Республика Корея", "Республика Косово", False),
        ("Совет национальной безопасности", "Совет национальной безопасности и обороны", False),
    ],
)
def test_one_name_written_two_ways(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_an_abbreviation_with_one_meaning_joins_it_everywhere() -> None:
    found = tables(
        [
            "Совет национальной безопасности и обороны Украины (СНБО) собрался на заседание.",
            "Секретарь Совета национальной безопасности и обороны (СНБО) заявил о санкциях.",
            "Решение СНБО вступило в силу.",
            "Секретарь Совета национальной безопасности (СНБО) Украины заявил о санкциях.",
        ]
    )
    snbo = entity_of(found, "a2", "СНБО")
    assert entity_of(found, "a0", "Совет национальной безопасности и обороны Украины") == snbo
    assert entity_of(found, "a1", "Совета национальной безопасности и обороны") == snbo
    # 'Совет национальной безопасности' does not fit 'СНБО': another country's council.
    assert entity_of(found, "a3", "Совета национальной безопасности") != snbo


def test_letters_that_do_not_fit_do_not_join() -> None:
    found = tables(["Губернатор штата Западная Вирджиния (США) Джим Джастис заявил о поддержке."])
    usa = entity_of(found, "a0", "США")
    assert entity_of(found, "a0", "Западная Вирджиния") != usa
    assert usa["aliases"] == ["США"] and usa["country"] == "USA"


AMBIGUOUS = [
    "Совет Федерации (СФ) одобрил закон о бюджете.",
    "Северный флот (СФ) провёл учения в Баренцевом море.",
    "В СФ обсудили поправки к закону.",
    "Федеральное бюро расследований (ФБР) начало проверку. Директор ФБР дал показания.",
    "Президент Федерации бокса России (ФБР) Умар Кремлёв заявил, что ФБР поддержит спортсменов.",
    "Представители ФБР отказались от комментариев.",
]


def test_an_ambiguous_abbreviation_is_its_article_s_full_name() -> None:
    found = tables(AMBIGUOUS)
    council, fleet, alone = (entity_of(found, a, "СФ") for a in ("a0", "a1", "a2"))
    assert council == entity_of(found, "a0", "Совет Федерации")
    assert fleet == entity_of(found, "a1", "Северный флот")
    assert len({e["entity_id"] for e in (council, fleet, alone)}) == 3
    assert (council["name"], fleet["name"], alone["name"]) == (
        "Совет Федерации",
        "Северный флот",
        "СФ",
    )
    assert alone["aliases"] == ["СФ"]
    fbi, boxing = entity_of(found, "a3", "ФБР"), entity_of(found, "a4", "ФБР")
    assert fbi["name"] == "Федеральное бюро расследований" and fbi["n_articles"] == 1
    assert boxing["name"] == "Федерация бокса России" and boxing["n_articles"] == 1
    assert entity_of(found, "a5", "ФБР")["aliases"] == ["ФБР"]


#: Sentences of the corpus (one article each): 'СКР' is the Investigative Committee and the
#: skaters' union; the first two spell it out in brackets, the last two write the name out
#: elsewhere in the article.
TWO_BODIES = [
    "Об этом сообщила представитель Следственного комитета России (СКР) Светлана Петренко.",
    "Президент Союза конькобежцев России (СКР) Алексей Кравцов сообщил, что МОК отклонил заявки.",
    "24 июня сотрудники СКР и ФСБ задержали чиновника в ресторане. 25 июня 2016 года "
    "Следственный комитет России предъявил Никите Белых обвинение в получении взятки.",
    "В Союзе конькобежцев России с сожалением признали, что оба спортсмена могли бы побороться "
    "за медали. «Неприглашение сильнейших спортсменов понижает уровень соревнований», — "
    "приводит ТАСС слова президента СКР Алексея Кравцова.",
]


def test_an_ambiguous_abbreviation_is_the_name_its_article_writes_out() -> None:
    """NER tags the bracketed 'СКР' of the first sentence as a place: the letters still join it
    to its organisation's name; an article that writes one of the corpus's expansions out
    without brackets means that one."""
    found = tables(TWO_BODIES)
    committee = entity_of(found, "a0", "Следственного комитета России")
    union = entity_of(found, "a1", "Союза конькобежцев России")
    assert committee != union
    assert entity_of(found, "a0", "СКР") == committee
    assert entity_of(found, "a1", "СКР") == union
    assert entity_of(found, "a2", "СКР") == committee
    assert entity_of(found, "a3", "СКР") == union


def test_ambiguity_does_not_depend_on_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = tables(AMBIGUOUS)
    monkeypatch.setattr(corpus, "CHUNK_ARTICLES", 1)
    chunked = tables(AMBIGUOUS, order=list(reversed(range(len(AMBIGUOUS)))))
    assert chunked["mentions"].equals(whole["mentions"])
    assert chunked["entities"].equals(whole["entities"])


def test_a_club_is_not_its_city() -> None:
    found = tables(
        [
            "Капитан «Вашингтона» Александр Овечкин забросил шайбу в ворота «Питтсбурга».",
            "Вашингтон ввёл новые санкции против России.",
            "Переговоры делегаций прошли в Вашингтоне в пятницу.",
            "Нападающий Краснодара Фёдор Смолов забил гол в ворота Зенита в матче чемпионата.",
            "В Краснодаре открылся новый парк, сообщил мэр Краснодара.",
            "Сборная России сыграет в Краснодаре с командой Нигерии.",
        ]
    )
    club, city = entity_of(found, "a0", "Вашингтона"), entity_of(found, "a2", "Вашингтоне")
    assert (club["name"], club["type"], club["country"]) == ("Вашингтон", "ORG", None)
    assert (city["name"], city["type"], city["country"]) == ("Вашингтон", "LOC", "USA")
    assert club["entity_id"] != city["entity_id"]
    countries = {(c["article_id"], c["surface"]) for c in found["country_mentions"].to_pylist()}
    assert ("a2", "Вашингтоне") in countries and ("a0", "Вашингтона") not in countries
    team = entity_of(found, "a3", "Краснодара")  # tagged as an organisation, about football
    assert (team["name"], team["type"]) == ("Краснодар", "ORG")
    for article in ("a4", "a5"):  # the city, in a sentence about sport too
        assert entity_of(found, article, "Краснодаре")["type"] == "LOC"
    assert entity_of(found, "a4", "Краснодаре")["entity_id"] != team["entity_id"]


def test_a_name_mostly_of_an_organisation_stays_one() -> None:
    # 'Спартак' is tagged as a place once and as a club elsewhere; 'Краснодар' is mostly the city.
    final_of = ["NAME:спартак", "ORG:спартак", "NAME:краснодар", "ORG:краснодар"]
    final_of += ["NAME:динамо", "ORG:динамо"]  # a place once: the tagger's slip
    type_counts = {(0, "ORG"): 40, (0, "LOC"): 3, (1, "ORG"): 300, (2, "LOC"): 90, (2, "ORG"): 5}
    type_counts |= {(3, "ORG"): 400, (4, "LOC"): 1, (5, "ORG"): 170}
    _named_after_places(final_of, type_counts, UnionFind())
    assert final_of[1] == "NAME:спартак"
    assert final_of[3] == "ORG:краснодар"
    assert final_of[5] == "NAME:динамо"
