"""Time expressions of issue 26, on sentences of the shared corpus (publication dates are the
articles' own where they have one). Expected values were worked out from the text and a
calendar: weekdays of 2018-03 are Monday 12, 19 and 26 March; 2018-04-03 is a Tuesday."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.nlp.timex import find, root_gates

D = dt.date


def dates(sentence: str, published: dt.date | None) -> list[tuple]:
    return [(t.text, t.date_start, t.date_end, t.granularity) for t in find(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a qualified weekday with its date is one expression
        (
            "Так, спикер Рады Андрей Парубий заявил, что в ближайший четверг, 5 апреля, парламент "
            "вынесет на голосование постановление о недопустимости строительства газопровода "
            "Северный поток-2.",
            D(2018, 4, 3),
            [("в ближайший четверг, 5 апреля", D(2018, 4, 5), D(2018, 4, 5), "day")],
        ),
        # "в это воскресенье" with a past verb, published on a Monday: the day before
        (
            "Этот эмигрант, регулярно организующий разного рода акции – например, в это "
            "воскресенье он пикетировал посольство РФ, опасается и за свою судьбу.",
            D(2018, 3, 19),
            [("в это воскресенье", D(2018, 3, 18), D(2018, 3, 18), "day")],
        ),
        # a short participle is a past predicate: the Wednesday before a Tuesday
        (
            "Бывший член Совета Федерации Вячеслав Дерев в среду задержан правоохранительными "
            "органами и этапирован в Москву.",
            D(2018, 3, 13),
            [("в среду", D(2018, 3, 7), D(2018, 3, 7), "day")],
        ),
        # no word reads first as a verb ("прибыли" is first "profits"): the nearest Monday
        (
            "Также в понедельник для расследования «дела Скрипаля» в Британию прибыли "
            "представители ОЗХО.",
            D(2018, 3, 20),
            [("в понедельник", D(2018, 3, 19), D(2018, 3, 19), "day")],
        ),
        # "намерены" may read as a short adjective: no past state, the nearest Sunday
        (
            "В воскресенье намерены заблокировать посольство РФ в Киеве и консульства.",
            D(2018, 3, 16),
            [("В воскресенье", D(2018, 3, 18), D(2018, 3, 18), "day")],
        ),
        # "Начало" is a noun here: without a verb, the nearest weekend to a Thursday
        (
            "Начало заездов в субботу в 8:30, в воскресенье – в 9:30.",
            D(2015, 6, 4),
            [
                ("в субботу", D(2015, 6, 6), D(2015, 6, 6), "day"),
                ("в воскресенье", D(2015, 6, 7), D(2015, 6, 7), "day"),
            ],
        ),
        # a weekday without a preposition; past, published on a Monday
        (
            "Воскресенье получилось для россиян не таким удачным, и команда осталась вовсе без "
            "наград, зато в понедельник вновь заявили о себе спортсменки.",
            D(2018, 2, 19),
            [
                ("Воскресенье", D(2018, 2, 18), D(2018, 2, 18), "day"),
                ("в понедельник", D(2018, 2, 19), D(2018, 2, 19), "day"),
            ],
        ),
        # the future verb points to December 2021 (the article's date is the collection's,
        # 2021-02-01), but 14 December is a Monday in 2020
        (
            "Согласно законам США, в понедельник, 14 декабря, состоится заседание Коллегии "
            "выборщиков, на которой будет официально избран новый президент страны.",
            D(2021, 2, 1),
            [("в понедельник, 14 декабря", D(2020, 12, 14), D(2020, 12, 14), "day")],
        ),
        # a line without a verb takes the nearest year
        (
            "24 февраля, в субботу, в книжном магазине «Библио-Глобус» (Мясницкая, 6/3, стр. 1, м.",
            D(2018, 3, 22),
            [("24 февраля, в субботу", D(2018, 2, 24), D(2018, 2, 24), "day")],
        ),
        # a short participle names a state: what it ends is after publication
        (
            "Регистрация на консультацию открыта до 19 декабря на сайте РЭЦ.",
            D(2023, 11, 30),
            [("до 19 декабря", D(2023, 12, 19), D(2023, 12, 19), "day")],
        ),
        # a full participle's tense is its own event's: the rally is after publication
        (
            "Внеочередное переизбрание президента и парламента – главные требования митинга в "
            "центре Киева 18 февраля, анонсированного Михаилом Саакашвили в начале месяца.",
            D(2018, 2, 13),
            [
                ("18 февраля", D(2018, 2, 18), D(2018, 2, 18), "day"),
                ("в начале месяца", D(2018, 2, 1), D(2018, 2, 10), "days"),
            ],
        ),
    ],
)
def test_weekdays_resolve_against_publication(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Не только душа и тело, но и среда обитания с ее отдельными предметами входят в наше "
            "«я».",
            "среда",
        ),
        (
            '«"В этом году "Черная пятница" послужила активатором фишинговой схемы.',
            "пятница",
        ),
        ("Но все стало гораздо серьезнее, когда началась арабская весна.", "весна"),
        (
            "Дошли до деревянной крепкой пристани, летом здесь купаются, а сейчас пристань "
            "обледенелая.",
            "летом",
        ),
        (
            "Алина рассказала, что несколько лет назад могла уйти из фигурного катания.",
            "лет назад",
        ),
        ("Y-хромосома возникла 300 млн лет назад, в ее составе тогда было 1438 генов.", "назад"),
        (
            "«Полицейские выписали ему протокол по статье 5.12 КоАП – за незаконную агитацию.",
            "5.12",
        ),
        (
            "По состоянию на 14.04 мск курс фунта стерлингов к доллару поднимался до 1,3327 "
            "доллара.",
            "14.04",
        ),
        ("Очко для нас сегодня — нормальный результат.", "сегодня"),
        (
            "И сегодня наша страна, имеющая колоссальные компетенции по изготовлению изотопов и "
            "многое другое, получила мощный рывок.",
            "сегодня",
        ),
        (
            "Уже через неделю пришел ответ с резолюцией управляющего делами СНК: «Согласно "
            "Конституции Советской республики никто не имеет права запрещать колокольный звон».",
            "через неделю",
        ),
        (
            "День голосования выборщиков тоже всегда известен заранее — это понедельник, "
            "следующий за второй средой декабря.",
            "это понедельник",
        ),
        # a qualitative adjective that agrees with the season: winters in general
        (
            "Холодные зимы заставят Европу сделать ставку на ядерную энергетику в своем "
            "зеленом переходе.",
            "зимы",
        ),
        ("В 1601–1603 годах стояли холодные зимы, когда замерзало даже Черное море.", "зимы"),
    ],
)
def test_names_habits_vague_spans_and_numbers_are_not_dates(sentence, phrase) -> None:
    """A weekday or season that names something else or no time in particular, a vague or
    geological span, a number of a code or a clock time, 'сегодня' (mostly 'nowadays'), "через N"
    in a past clause, "это" that is no qualifier."""
    at = sentence.index(phrase)
    found = find(sentence, D(2018, 3, 20))
    assert [t.text for t in found if t.start < at + len(phrase) and at < t.stop] == []


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Весной я приму решение по поводу своего будущего.",
            D(2017, 12, 20),
            [("Весной", D(2018, 3, 1), D(2018, 5, 31), "season")],
        ),
        (
            "Кроме того, «Лига Севера» весной проведёт референдум по вопросу автономии Ломбардии "
            "и Венето.",
            D(2017, 1, 15),
            [("весной", D(2017, 3, 1), D(2017, 5, 31), "season")],
        ),
        (
            "Предпоследняя гонка пройдет в Бразилии на трассе в Сан-Паулу через две недели.",
            D(2015, 11, 2),
            [("через две недели", D(2015, 11, 16), D(2015, 11, 16), "day")],
        ),
        (
            "Заветный паспорт, позволявший поехать на соревнования, француз получил всего три "
            "месяца назад.",
            D(2018, 2, 20),
            [("три месяца назад", D(2017, 11, 20), D(2017, 11, 20), "day")],
        ),
        # N years ago is the month, as Duckling reads it
        (
            "Напротив, год назад в городе решили, что ради себя и ради своих любимых продолжат "
            "жить.",
            D(2018, 3, 20),
            [("год назад", D(2017, 3, 1), D(2017, 3, 31), "month")],
        ),
        # "через год" in a past story counts from 1931, not from publication
        (
            "В 1931 году Салазкин подал в отставку, а через год, в возрасте 70 лет, скончался.",
            D(2018, 3, 20),
            [("В 1931 году", D(1931, 1, 1), D(1931, 12, 31), "year")],
        ),
        (
            "На прошлогоднем Каннском фестивале он был удостоен призов за лучший сценарий.",
            D(2018, 3, 14),
            [("прошлогоднем", D(2017, 1, 1), D(2017, 12, 31), "year")],
        ),
    ],
)
def test_seasons_and_spans_relative_to_publication(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "этой зимой" in November with a future verb: the coming winter
        (
            "Поезд Деда Мороза посетит этой зимой более 80 российских городов и проедет более "
            "32 тысяч километров.",
            D(2023, 11, 7),
            [("этой зимой", D(2023, 12, 1), D(2024, 2, 29), "season")],
        ),
        (
            "В Москве нынешней зимой будут работать более 190 катков с искусственным льдом.",
            D(2017, 11, 10),
            [("нынешней зимой", D(2017, 12, 1), D(2018, 2, 28), "season")],
        ),
        # the reporting verb is past, the season's own clause has no finite verb: the nearest
        (
            "Фелли сообщил, что этим летом команда из 60 человек из Оргкомитета «Сочи-2014» "
            "должна отправиться в Пхёнчхан.",
            D(2014, 2, 21),
            [
                ("этим летом", D(2014, 6, 1), D(2014, 8, 31), "season"),
                ("2014", D(2014, 1, 1), D(2014, 12, 31), "year"),
            ],
        ),
        # a pronoun before the season is no adjective of quality: still a date
        (
            "Бог даст, в это лето довершу свою работу.",
            D(2015, 5, 21),
            [("лето", D(2015, 6, 1), D(2015, 8, 31), "season")],
        ),
    ],
)
def test_this_season_is_the_nearest_its_clause_allows(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "В марте 2014 года 529 «братьев» были приговорены к смертной казни, в апреле того "
            "же года к высшей мере приговорили еще 683 членов и сторонников группировки.",
            D(2018, 3, 21),
            [
                ("В марте 2014 года", D(2014, 3, 1), D(2014, 3, 31), "month"),
                ("в апреле", D(2014, 4, 1), D(2014, 4, 30), "month"),
            ],
        ),
        (
            "Официальная же презентация проекта состоялась в 1995 году – с апреля по май того "
            "года опытный «Предейтор» участвовал в летных испытаниях.",
            D(2018, 3, 16),
            [
                ("в 1995 году", D(1995, 1, 1), D(1995, 12, 31), "year"),
                ("с апреля по май", D(1995, 4, 1), D(1995, 5, 31), "months"),
            ],
        ),
        # the year is an earlier sentence's: unresolved, not publication's
        (
            "В ноябре того же года группировка присягнула на верность ИГ.",
            D(2018, 3, 21),
            [("В ноябре", None, None, "unresolved")],
        ),
        (
            "Окончательное решение он, судя по всему, принял осенью того же года.",
            D(2018, 2, 21),
            [("осенью", None, None, "unresolved")],
        ),
    ],
)
def test_that_same_year_is_the_year_named_before(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "08.05 с 10:00 до 18:00 забастовка служащих государственного авиадиспетчера ENAV.",
            D(2018, 5, 8),
            [("08.05", D(2018, 5, 8), D(2018, 5, 8), "day")],
        ),
        (
            "«#Бельгия#Италия#Испания#Португалия — 25-26.07 забастовка членов экипажа "
            "авиакомпании „Ryanair“; задержки и отмена рейсов», — отмечается в сообщении.",
            D(2018, 7, 26),
            [("25-26.07", D(2018, 7, 25), D(2018, 7, 26), "days")],
        ),
        (
            "Проверка пройдет с 14.10. по 15.10.2018 в офисе компании.",
            D(2018, 9, 1),
            [("с 14.10. по 15.10.2018", D(2018, 10, 14), D(2018, 10, 15), "days")],
        ),
    ],
)
def test_numeric_days_without_a_year(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Внешний долг РФ по состоянию на 1 октября составил 329,5 миллиарда долларов, "
            "снизившись с начала года на 54,1 миллиарда долларов, или на 14,1%, сообщает ЦБ РФ.",
            D(2023, 10, 12),
            [
                ("на 1 октября", D(2023, 10, 1), D(2023, 10, 1), "day"),
                ("с начала года", D(2023, 1, 1), D(2023, 10, 12), "days"),
            ],
        ),
        (
            "Как отметил министр, комиссия начнёт свою работу до конца нынешнего года.",
            D(2017, 10, 5),
            [("до конца нынешнего года", D(2017, 10, 5), D(2017, 12, 31), "days")],
        ),
        # the year written with the later date; 19 December falls before 6 January
        (
            "Выборщики формально проголосуют за кандидатов в президенты 19 декабря, а конгресс "
            "утвердит результаты голосования 6 января 2017 года.",
            D(2021, 2, 1),
            [
                ("19 декабря", D(2016, 12, 19), D(2016, 12, 19), "day"),
                ("6 января 2017 года", D(2017, 1, 6), D(2017, 1, 6), "day"),
            ],
        ),
        (
            "С 8 января до 20 апреля 1942 года проходила Ржевско-Вяземская операция",
            None,
            [
                ("С 8 января", D(1942, 1, 8), D(1942, 1, 8), "day"),
                ("до 20 апреля 1942 года", D(1942, 4, 20), D(1942, 4, 20), "day"),
            ],
        ),
        # a bound ("до сентября 2021 года") lends its year only to the date it closes
        (
            "Ранее в сентябре компания-разработчик чат-бота OpenAI сообщила, что ChatGPT теперь "
            "может искать информацию в интернете без ограничений по дате публикации, ранее "
            "нейросеть искала лишь данные, появившиеся в сети до сентября 2021 года.",
            D(2023, 11, 3),
            [
                ("в сентябре", D(2023, 9, 1), D(2023, 9, 30), "month"),
                ("до сентября 2021 года", D(2021, 9, 1), D(2021, 9, 30), "month"),
            ],
        ),
        # the speech and what it announces are two times: no year is lent across tenses
        (
            "В начале октября Байрактар заявил, что выработка электричества на первом блоке "
            'строящейся "Росатомом" АЭС "Аккую" может начаться 29 октября 2024 года.',
            D(2023, 10, 11),
            [
                ("В начале октября", D(2023, 10, 1), D(2023, 10, 10), "days"),
                ("29 октября 2024 года", D(2024, 10, 29), D(2024, 10, 29), "day"),
            ],
        ),
        (
            "Примечательно, что новое ухудшение экономической динамики происходило на фоне "
            "практически постоянного роста нефтяных цен в третьем-четвертом кварталах 2017 года.",
            D(2018, 1, 16),
            [
                (
                    "в третьем-четвертом кварталах 2017 года",
                    D(2017, 7, 1),
                    D(2017, 12, 31),
                    "months",
                )
            ],
        ),
        # "с.г." is the publication year, though April is after a March publication
        (
            "Ким Чен Ын предложил провести в апреле с.г. первый с 2007 года межкорейский саммит "
            "глав государств (третий по счету с 2000 года).",
            D(2018, 3, 16),
            [
                ("в апреле с.г.", D(2018, 4, 1), D(2018, 4, 30), "month"),
                ("с 2007 года", D(2007, 1, 1), D(2007, 12, 31), "year"),
                ("с 2000 года", D(2000, 1, 1), D(2000, 12, 31), "year"),
            ],
        ),
        (
            '"По итогам восьми месяцев объем отгруженной промышленной продукции превысил 566 '
            "миллиардов рублей.",
            D(2023, 10, 16),
            [("По итогам восьми месяцев", D(2023, 1, 1), D(2023, 8, 31), "months")],
        ),
        (
            "«За первое полугодие 2017 года пресечена деятельность 30 кадровых сотрудников "
            "иностранных разведок», — добавил Путин.",
            None,
            [("За первое полугодие 2017 года", D(2017, 1, 1), D(2017, 6, 30), "months")],
        ),
        (
            "В конце 60-х годов прошлого века была реализована идея экспедиционно-вахтового "
            "метода.",
            D(2015, 10, 13),
            [("В конце 60-х годов прошлого века", D(1967, 1, 1), D(1969, 12, 31), "years")],
        ),
        (
            "О своей повести «Сотников» Василь Быков (1924–2003) писал.",
            None,
            [("1924–2003", D(1924, 1, 1), D(2003, 12, 31), "years")],
        ),
    ],
)
def test_periods_and_years_the_sentence_implies(sentence, published, expected) -> None:
    assert dates(sentence, published) == expected


#: An article's text, a sentence a line: a heading that ends in an ordinal, a month name at
#: the start of the next line, a date with an abbreviated month, a sentence without a date.
_ARTICLE = (
    "Итоги второго\n"
    "Январь выдался в Москве холодным.\n"
    "А 5 фев. 2018 года выпал снег.\n"
    "Синоптики просят водителей быть осторожнее."
)
_SPANS = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", _ARTICLE)]


def test_root_gates_are_those_each_sentence_opens_alone() -> None:
    # the abbreviated-month gate (a space, then "янв", "фев", ...) matches "\nЯнв" across the
    # first line's end: the second sentence alone has no space before its month, so only its
    # month-name gate opens; the last sentence opens none and is left out
    assert root_gates(_ARTICLE, _SPANS) == {1: {"month"}, 2: {"digit", "day", "year"}}


def test_find_with_the_article_gates_finds_what_it_finds_alone() -> None:
    published = D(2018, 2, 7)
    opened = root_gates(_ARTICLE, _SPANS)
    found = []
    for n, (start, stop) in enumerate(_SPANS):
        alone = find(_ARTICLE[start:stop], published)
        assert find(_ARTICLE[start:stop], published, opened.get(n, set())) == alone
        found += [t.text for t in alone]
    assert found == ["Январь", "5 фев. 2018 года"]
