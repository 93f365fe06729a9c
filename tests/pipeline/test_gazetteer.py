"""Country adjectives and demonyms (pipeline.nlp.gazetteer.adjectives, adjectives.tsv) on
sentences of the news corpus."""

from __future__ import annotations

import pytest

from pipeline.nlp.gazetteer import adjectives


def linked(text: str) -> list[tuple[str, str]]:
    """(word, country) of each adjective or demonym found in `text`."""
    return [(text[start:stop], country) for start, stop, country in adjectives(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # masculine demonyms before a name
            "А борьбу за победу поведут, вероятно, главные фавориты — француз Мартен Фуркад и "
            "норвежец Йоханнес Бё.",
            [("француз", "FRA"), ("норвежец", "NOR")],
        ),
        (  # a feminine demonym
            "Победу же неожиданно одержала норвежка Рагниль Хага.",
            [("норвежка", "NOR")],
        ),
        (  # plural demonyms in oblique cases
            "После неожиданного поражения от словаков подопечные Олега Знарка  собрались и "
            "разгромили словенцев  — 8:2.",
            [("словаков", "SVK"), ("словенцев", "SVN")],
        ),
        (  # the first half of a two-part adjective
            "Франко-ливанский бизнесмен рассказал, что в 2006—2007 году передавал чемоданы с "
            "наличностью самому Саркози и его соратнику Клоду Геану (с 2007 по 2011 годы — "
            "генеральный секретарь администрации президента).",
            [("Франко", "FRA"), ("ливанский", "LBN")],
        ),
        (  # Ivano-Frankivsk is in Ukraine, not France
            "Как уточнили в штабе Движения новых сил, до визита в суд Саакашвили успел посетить "
            "Винницу, Черновцы, Херсон и Ивано-Франковск.",
            [("Франковск", "UKR")],
        ),
    ],
)
def test_adjectives_and_demonyms_link_to_their_country(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert linked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # surnames that start like a demonym: Литовкин (литовка), Немцов (немцы)
            "По мнению Литовкина, сперва надо решить более значимые проблемы и подготовить "
            "необходимую инфраструктуру для создания и функционирования авианосных групп.",
            [],
        ),
        (
            "Виктор всегда очень критически относился к власти, но после Крыма, войны в Украине "
            "и убийства Бориса Немцова понял, что не может оставаться в стороне.",
            [],
        ),
        (  # Шведова (шведы)
            "А в 2010-м Елена в паре с завершившей карьеру Верой Звонарёвой в финале лондонского "
            "турнира проиграла Ване Кинг и Ярославе Шведовой — 6:7, 2:6.",
            [("лондонского", "GBR")],
        ),
        (  # a country's name is no demonym ('таджики', 'узбеки' start them)
            "Например, уроженцы Таджикистана и Узбекистана реже всего используют русский язык на "
            "работе – 54% и 53% соответственно.",
            [],
        ),
        (  # Brest-Litovsk is not in Lithuania
            "Переговоры о мире в Брест-Литовске шли тяжело, вязко.",
            [],
        ),
        (  # 'колумбийский' is as often Columbia University in New York as Colombia
            "Иоахим Франк родился в 1940 году в баварском городке Зигель и на момент присуждения "
            "премии является сотрудником Колумбийского университета в Нью-Йорке.",
            [],
        ),
        (  # 'испанка' is as often the 1918 flu (or a chess opening) as a Spanish woman
            "Военный госпиталь во время эпидемии «испанки», лагерь Фанстон в американском штате "
            "Канзас, конец 1918 — начало 1919 года.",
            [("американском", "USA")],
        ),
    ],
)
def test_words_that_only_start_like_a_demonym_link_to_nothing(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert linked(text) == expected


def test_korean_alone_is_neither_korea() -> None:
    text = "Напряжённость на Корейском полуострове растёт, южнокорейские военные начали учения."
    assert [country for _start, _stop, country in adjectives(text)] == ["KOR"]
