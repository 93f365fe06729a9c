"""Spans NER tags as organisations or people that name neither, and names whose normal form
needs the whole phrase: real-looking news sentences, each read to check what it names."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.nlp.ner import clean_span
from pipeline.nlp.normalize import phrase
from pipeline.nlp.not_names import not_a_name
from pipeline.stages.entities.things import Introduced, _acts
from pipeline.stages.mentions import extract_mentions


def names_in(text: str, column: str = "type") -> dict[str, str]:
    """{surface: type (or another column)} of the raw mentions of a one-sentence article."""
    articles = pa.table({"article_id": ["a"], "text": [text]})
    sentences = pa.table(
        {"article_id": ["a"], "paragraph": [0], "sentence": [0], "start": [0], "stop": [len(text)]}
    )
    found = extract_mentions(articles, sentences)
    return dict(zip(found["surface"].to_pylist(), found[column].to_pylist(), strict=True))


def judged(text: str, surface: str, kind: str = "ORG") -> bool:
    start = text.index(surface)
    return not_a_name(text, start, start + len(surface), kind)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Об этом сообщают местные СМИ со ссылкой на полицию.", "СМИ"),
        ("Обвиняемого перевели в СИЗО до окончания следствия.", "СИЗО"),
        ("Власти внесли ещё пять НКО–иноагентов в реестр.", "НКО–иноагентов"),
        ("Сведения о компании внесены в ЕГРЮЛ/ЕГРИП в мае.", "ЕГРЮЛ/ЕГРИП"),
        ("Выпускники сдали ЕГЭ по математике без происшествий.", "ЕГЭ"),
        (
            "Советник президента по вопросам развития Интернета Герман Клименко заявил, что "
            "технически Россия готова к отключению от мирового Интернета.",
            "Интернета",
        ),
        (
            "Поединок был заявлен под эгидой Bellator, второй по популярности организации ММА "
            "после UFC.",
            "ММА",
        ),
        # A contest, with its year or without.
        (
            "Это очень хорошо — без невероятных исландских фанатов ЧМ-2018 был бы неполноценным.",
            "ЧМ-2018",
        ),
        (
            "«Россию могут отстранить от ОИ-2018»: экс-глава ВФЛА о второй части доклада Макларена",
            "ОИ-2018",
        ),
        (
            "А это пятая медаль этой Паралимпиады, и моя статистика полетела в тартарары», — "
            "сказала Миленина РИА Новости.",
            "Паралимпиады",
        ),
        (
            "Фуркад ответил на заявления США и Чехии о бойкоте этапа КМ по биатлону в России",
            "КМ",  # Кубок мира
        ),
        ("МСБ сможет получать микрозаймы онлайн", "МСБ"),  # малый и средний бизнес
        # A compound whose head after the hyphen is a noun of a thing.
        ("Детям и пенсионерам из группы риска КОВИД-вакцина противопоказана", "КОВИД-вакцина"),
        # A Latin name headed by an English noun of an index, its last word.
        (
            "Одновременно индекс Шанхайской фондовой биржи SSE Composite потерял 0,55% и "
            "опустился до 3271 пункта, а гонконгский Hang Seng Index просел на 1,03%.",
            "SSE Composite",
        ),
        (
            "Одновременно индекс Шанхайской фондовой биржи SSE Composite потерял 0,55% и "
            "опустился до 3271 пункта, а гонконгский Hang Seng Index просел на 1,03%.",
            "Hang Seng Index",
        ),
    ],
)
def test_a_common_noun_alone_is_no_name(text: str, surface: str) -> None:
    assert judged(text, surface)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Курская АЭС остановила второй энергоблок.", "Курская АЭС"),
        ("Авария произошла на АЭС «Фукусима-1» в 2011 году.", "АЭС «Фукусима-1»"),
        ("Матч покажет телеканал ТВ-3 в прямом эфире.", "ТВ-3"),
        ("МИД России выступил с заявлением.", "МИД России"),
        # A noun of bodies after a hyphen heads an organisation's name.
        ("Клиенты Альфа-банка могут оплатить покупку смартфоном.", "Альфа-банка"),
        (
            "В «Геликон-опере», под классическую музыку, привиться может любой желающий.",
            "Геликон-опере",
        ),
        ("Индекс Nasdaq вырос на 1%, а Dow Jones остался на месте.", "Nasdaq"),
    ],
)
def test_a_name_that_contains_a_common_noun_stays(text: str, surface: str) -> None:
    assert not judged(text, surface)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("В августе ракетный эсминец «Джон Маккейн» столкнулся с танкером.", "Джон Маккейн", "PER"),
        ("Фрегат «Адмирал Григорович» вошёл в Средиземное море.", "Адмирал Григорович", "ORG"),
        ("Роман «Чапаев» вышел в 1923 году.", "Чапаев", "ORG"),
        ("Писатель стал лауреатом премии «Золотая тайга».", "Золотая тайга", "ORG"),
        ("Учения «Запад-2017» прошли в Белоруссии.", "Запад-2017", "ORG"),
        ("Россия зарегистрировала вакцину «Спутник V» первой в мире.", "Спутник V", "ORG"),
    ],
)
def test_a_title_after_what_it_is_is_no_name(text: str, surface: str, kind: str) -> None:
    assert judged(text, surface, kind)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Волна ливня накрыла стадион «Спартак», но всё равно посмотреть на драматичный "
            "поединок за бронзовые медали между Португалией и Мексикой пришли 42 569 зрителей.",
            "Спартак",
        ),
        # Through an indeclinable noun: the station, not the club.
        (
            "Уже за час до начала соревнований у станции метро «Динамо» проходили девушки с "
            "огромными букетами.",
            "Динамо",
        ),
        # A checkpoint's name, after 'КПП' or after 'пункт пропуска' (the genitive before it).
        (
            "Украинская сторона не отправила за российскими офицерами автобусы для пересечения "
            "КПП «Майорск», расположенного на линии разграничения конфликтующих сторон.",
            "Майорск",
        ),
        ("«Толпа прорвала пункт пропуска «Шегини». Началась драка», — написал он.", "Шегини"),
        (
            "Группа единомышленников на контрольно-пропускном пункте «Шегини» буквально "
            "продавила оцепление.",
            "Шегини",
        ),
    ],
)
def test_a_title_after_the_noun_of_a_place_is_no_organisation(text: str, surface: str) -> None:
    assert judged(text, surface)


def test_hyphen_variants_read_as_hyphens() -> None:
    # U+2011 (non-breaking hyphen) as some sources write it.
    text = (
        "Она подтвердила, что ей было известно, что союзники США финансируют в Сирии "
        "группировки, связанные с «Аль\u2011Каидой»* и ИГ."
    )
    assert names_in(text, "name")["Аль\u2011Каидой"] == "Аль-Каида"
    text = (
        "Всем арендаторам он сразу же повысил арендные ставки в три раза, а исключением стала "
        "компания ТНК\u2011ВР."
    )
    assert names_in(text, "name")["ТНК\u2011ВР"] == "ТНК-ВР"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Благодаря самолётам «Ильюшина» армия обладает транспортной авиацией.", "Ильюшина"),
        ("Журналист рассказал в эфире программы «Вести» о поездке.", "Вести"),
        ("Сообщение появилось в газете «Коммерсантъ».", "Коммерсантъ"),
        ("Представитель компании «Газпром» подтвердил сделку.", "Газпром"),
    ],
)
def test_an_owner_a_medium_or_an_organisation_stays(text: str, surface: str) -> None:
    assert not judged(text, surface)


def test_documents_and_wars_are_no_organisations() -> None:
    assert judged("Страны подписали Парижское соглашение по климату.", "Парижское соглашение")
    assert judged("Его дед прошёл всю Вторую мировую войну.", "Вторую мировую войну")
    assert not judged("Заявление сделала Общественная палата.", "Общественная палата")


def test_a_peace_named_after_a_place_is_a_treaty() -> None:
    """'мир' after an adjective of a place is a peace treaty; after other adjectives the world
    or an organisation (sentences of the news corpus)."""
    assert judged(
        "Сталин мог бы отдать, решив повторить трюк Брестского мира, когда Ленин сказал, что "
        "идем на компромисс.",
        "Брестского мира",
    )
    assert not judged(
        "«Сегодня мы открываем мемориал памяти тех, кто ценой своей жизни сохранил Русский мир.",
        "Русский мир",
    )


def test_the_build_drops_them_and_keeps_the_rest() -> None:
    found = names_in("По данным СМИ, фрегат «Адмирал Эссен» вышел из Севастополя, сообщил МИД.")
    assert "СМИ" not in found and "Адмирал Эссен" not in found
    assert found.get("МИД") == "ORG"


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Главного управления разведки", "Главное управление разведки"),
        ("Главного оперативного управления", "Главное оперативное управление"),
        ("Малого театра", "Малый театр"),
        ("Формулы-1", "Формула-1"),
        ("Евровидения-2017", "Евровидение-2017"),
        ("Ту-160", "Ту-160"),
        ("Главное в жизни", "Главное в жизни"),
        # NER tags the second of 'Большого и Мариинского театров': the head is shared.
        ("Мариинского театров", "Мариинский театр"),
        ("Вооружённых сил", "Вооружённые силы"),  # plural in every number: stays plural
    ],
)
def test_organisation_phrases_in_the_nominative(surface: str, name: str) -> None:
    assert phrase(surface) == name


def test_a_quotation_mark_opened_in_a_name_closes_its_normal_form() -> None:
    found = names_in("Аналитик ИК «Велес Капитал» Иван Иванов ожидает роста рубля.", "name")
    assert found["ИК «Велес Капитал"] == "ИК «Велес Капитал»"


def test_the_asterisk_after_a_banned_organisation_is_no_part_of_it() -> None:
    text = "Боевики «Исламского государства»* (запрещено в РФ) атаковали город."
    assert names_in(text, "name")["Исламского государства"] == "Исламское государство"


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        # The corpus's NER tagged these sentence openings as organisations.
        ("Для обороны нашей страны это уже не имеет никакого значения.", "Для обороны", None),
        ("Однако Госдума отклонила законопроект.", "Однако Госдума", "Госдума"),
        # Quoted, a name may open with a preposition; inside a sentence, 'Аль' is no conjunction.
        ("Выступило движение «За права человека».", "За права человека", "За права человека"),
        ("Матч прошёл в городе Аль Аин.", "Аль Аин", "Аль Аин"),
    ],
)
def test_no_name_opens_with_a_preposition(text: str, span: str, kept: str | None) -> None:
    start = text.index(span)
    found = [text[a:b] for a, b, _kind in clean_span(text, start, start + len(span), "ORG")]
    assert found == ([kept] if kept else [])


def _introduced(texts: list[tuple[str, str, str]]) -> Introduced:
    """The evidence of an organisation's mention in each text: (text, surface, normal form)."""
    found = Introduced()
    for i, (text, surface, name) in enumerate(texts):
        found.add([(f"a{i}", text.index(surface), surface, name)], {f"a{i}": text})
    return found


def test_a_rally_the_corpus_introduces_is_a_thing_everywhere() -> None:
    # 'ралли «Дакар»' in two articles; 'пресс-служба «Дакара»' is its owner's, not a body's.
    found = _introduced(
        [
            ("Себастьен Лёб в 2016 году поедет в ралли «Дакар», но на «Пежо».", "Пежо", "Пежо"),
            (
                "Кроме того, он подчеркнул, что ни разу в жизни не слышал, чтобы на ралли «Дакар» "
                "хоть кто-нибудь принимал допинг.",
                "Дакар",
                "Дакар",
            ),
            (
                "Мы продолжим бороться с Касале», — приводит слова Карякина пресс-служба «Дакара».",
                "Дакара",
                "Дакар",
            ),
        ]
    )
    assert found.things(set()) == {"Дакар", "Дакара"}


def test_a_name_a_team_bears_stays() -> None:
    found = _introduced(
        [
            (
                "Также вклад в укрепление обороноспособности страны должен внести гиперзвуковой "
                "комплекс «Авангард».",
                "Авангард",
                "Авангард",
            ),
            (
                "Если мы говорим о комплексе «Авангард», то его должна догонять противоракета со "
                "скоростью свыше 30 чисел Маха.",
                "Авангард",
                "Авангард",
            ),
            (
                "После этого москвичи отказались продолжать борьбу в Кубке России, уступив "
                "курскому «Авангарду», и дважды довольствовались нулевой ничьей в матчах РФПЛ.",
                "Авангарду",
                "Авангард",
            ),
        ]
    )
    # A club that plays football is an organisation, whatever else bears its name.
    assert not found.things(set())


def test_a_ground_sentences_about_sport_name_is_no_team() -> None:
    # 'стадион «Лужники»' in two articles: a ground, though every sentence is about football.
    found = _introduced(
        [
            (
                "Матч открытия чемпионата мира состоится в Москве на стадионе «Лужники» 14 июня, "
                "финал турнира пройдет там же 15 июля.",
                "Лужники",
                "Лужники",
            ),
            (
                "Товарищеский матч между сборными России и Аргентины прошёл на московском "
                "стадионе «Лужники» 11 ноября 2017 года.",
                "Лужники",
                "Лужники",
            ),
            (
                "Особые требования предъявлялись к футбольному полю, газон на котором в "
                "«Лужниках» много лет вызывал нарекания.",
                "Лужниках",
                "Лужники",
            ),
        ]
    )
    assert found.things(set()) == {"Лужники", "Лужниках"}


SHIPS = [
    (
        "Среди них большой десантный корабль «Константин Ольшанский», корабль управления "
        "«Славутич», подводная лодка проекта 641 «Запорожье», противолодочные корветы "
        "«Тернополь» и «Луцк».",
        "Тернополь",
        "Тернополь",
    ),
    (
        "Экс-командующий ВМСУ Игорь Тенюх заявил, что на момент присоединения Крыма к России "
        "«условно боеспособными» были только четыре корабля: фрегат «Гетман Сагайдачный», "
        "корвет «Тернополь», корабль управления «Славутич» и десантный корабль «Константин "
        "Ольшанский».",
        "Тернополь",
        "Тернополь",
    ),
]


def test_a_ship_named_after_a_city_is_a_thing_where_always_quoted() -> None:
    # The corpus tags 'Тернополь' as a place; its organisation mentions, all in quotation
    # marks, are the corvette's.
    assert _introduced(SHIPS).things({"тернополь"}) == {"Тернополь"}


def test_a_city_written_unquoted_as_an_organisation_stays() -> None:
    # 'Москва ответит' is the government, whatever the cruiser «Москва» is.
    found = _introduced(
        [
            (
                "На базе Хмеймим был развернут зенитно-ракетный комплекс С-400, 25 ноября на "
                "рейде вблизи Латакии встал ракетный крейсер «Москва» и корабли поддержки.",
                "Москва",
                "Москва",
            ),
            (
                "С этой целью крейсер «Москва», оснащенный системой ПВО «Форт», аналогичной "
                "С-300, займет район в прибрежной части Латакии.",
                "Москва",
                "Москва",
            ),
            (
                "О том, что на шаги Киева Москва ответит аналогичными мерами, предупреждал и "
                "глава МИД России Сергей Лавров.",
                "Москва",
                "Москва",
            ),
        ]
    )
    assert found.things({"москва"}) == set()


def test_a_title_tagged_as_an_organisation_is_dropped_but_a_team_or_a_magazine_stays() -> None:
    found = _introduced(
        [
            (
                "Об этом сообщил официальный представитель Генсека ООН Стефан Дюжаррик.",
                "Генсека",
                "Генсек",
            ),
            (
                "Этим же рейсом летела девушка защитника дальневосточного хоккейного клуба "
                "«Адмирал» Сергея Ильина Дарья Толмасова.",
                "Адмирал",
                "Адмирал",
            ),
            (
                "Сергей Толстов в колонке для «Корреспондента» отметил, что сейчас есть ряд "
                "причин, по которым Запад обратил внимание на Крым.",
                "Корреспондента",
                "Корреспондент",
            ),
            (
                "Председатель полярной комиссии Русского географического общества Виктор "
                "Боярский поддерживает точку зрения Рогозина.",
                "Председатель полярной комиссии",
                "Председатель полярной комиссии",
            ),
        ]
    )
    assert found.titles() == {"Генсека", "Председатель полярной комиссии"}


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        # An adverb opening a sentence, quoted speech included, is no part of the name after it.
        (
            "Сегодня Оттава планирует потратить 7 млрд. долл. на строительство и обслуживание "
            "восьми арктических патрульных кораблей.",
            "Сегодня Оттава",
            "Оттава",
        ),
        (
            "«Сегодня Первый канал получил письмо Европейского вещательного союза, сообщающее, "
            "что ЕВС не смог урегулировать вопрос об участии Юлии Самойловой в конкурсе.",
            "Сегодня Первый канал",
            "Первый канал",
        ),
        # A preposition NER left at the end belongs to the words after it, another noun's.
        (
            "Председатель комиссии международного права Российской ассоциации содействия ООН по "
            "экономическим, социальным и культурным правам, профессор РУДН и МГИМО Аслан "
            "Абашидзе пояснил, что Юлия едет не на Украину.",
            "Российской ассоциации содействия ООН по",
            "Российской ассоциации содействия ООН",
        ),
    ],
)
def test_an_adverb_before_or_a_preposition_after_a_name_is_cut(
    text: str, span: str, kept: str
) -> None:
    start = text.index(span)
    found = [text[a:b] for a, b, _kind in clean_span(text, start, start + len(span), "ORG")]
    assert found == [kept]


def test_two_coordinated_nouns_of_a_name_both_take_the_nominative() -> None:
    # «Все перешли в оппозицию «Праву и справедливости», абсолютно все, ...»: the Polish party.
    assert phrase("Праву и справедливости") == "Право и справедливость"
    # A genitive after the head stays as written, coordinated or not.
    assert phrase("Партии справедливости и развития") == "Партия справедливости и развития"


def test_a_stock_index_the_corpus_introduces_is_a_thing_but_an_exchange_stays() -> None:
    found = _introduced(
        [
            (
                "Немецкий индекс DAX опустился на 2,06% — до 12 426 пунктов, французский CAC 40 "
                "снизился на 2,17%.",
                "DAX",
                "DAX",
            ),
            (
                "Немецкий индекс DAX упал на 2,15% — до 11 928 пунктов, французский CAC 40 "
                "снизился.",
                "DAX",
                "DAX",
            ),
            # 'Мосбиржи' is the exchange's genitive, its owner, though the dictionary does not
            # know the word.
            ("Так, индекс Мосбиржи опустился до отметки 2 239 пунктов.", "Мосбиржи", "Мосбиржи"),
            (
                "Так, во вторую половину торгового дня индекс Мосбиржи опустился на 1,56% до "
                "отметки 2 192 пункта.",
                "Мосбиржи",
                "Мосбиржи",
            ),
        ]
    )
    assert found.things(set()) == {"DAX"}


def test_a_foreign_name_that_does_not_decline_may_be_a_things_nominative() -> None:
    # 'Кассини' is unknown to the dictionary, which guesses a case for it; in -и after 'н' it
    # does not decline, so after 'аппарата' and 'станция' it is the craft's name.
    found = _introduced(
        [
            (
                "Автоматическая межпланетная станция «Кассини» начала последний этап изучения "
                "Сатурна.",
                "Кассини",
                "Кассини",
            ),
            (
                "— Всего два дня назад начался последний этап работы аппарата «Кассини».",
                "Кассини",
                "Кассини",
            ),
        ]
    )
    assert found.things(set()) == {"Кассини"}


def test_a_title_in_a_list_after_a_plural_noun_of_works_is_no_name() -> None:
    """Every title of a list after a plural noun of works is a work, not only the first; after
    a noun of an organisation the titles are organisations."""
    text = (
        'Артистка также принимала участие в кино, снявшись в картинах "Бумбараш", "Уходя — '
        'уходи", "Прогулка, достойная мужчин" и "Невозвращенец".'
    )
    assert judged(text, "Невозвращенец")
    assert judged(text, "Прогулка, достойная мужчин")
    text = (
        "После кибератаки сайты компаний «Роснефть» и «Башнефть» на некоторое время стали "
        "недоступны."
    )
    assert not judged(text, "Башнефть")


def test_a_sites_section_in_a_headlines_credit_is_no_name() -> None:
    """'Новости' between the headline and the site's address is the site's section; the site
    itself stays."""
    text = (
        'Дональд Трамп назначил владельца "Флориды" секретарём армии США - Новости - '
        "Allhockey.ru\n\nИзбранный президент США Дональд Трамп"
    )
    assert judged(text, "Новости")
    assert not judged(text, "Allhockey.ru")


def test_a_title_after_a_verb_of_watching_or_reading_is_a_work() -> None:
    """A film to watch and a book one did not read are works; a match watched names its teams,
    and a band one listens to is a band."""
    text = (
        "Напоследок Гомельский рекомендовал всем любителям баскетбола посмотреть «Движение вверх»."
    )
    assert judged(text, "Движение вверх")
    assert judged("Есенин признавался, что не читал «Капитала».", "Капитала")
    text = (
        "«В Питере — ныть», румынское чучело и пожелания Овечкину: как смотрели «Спартак» — «Зенит»"
    )
    assert not judged(text, "Спартак")
    text = "В Германии много коренных немцев, которые слушают «Ленинград»."
    assert not judged(text, "Ленинград")


def test_a_hyphenated_plural_noun_of_things_governs_its_list_of_titles() -> None:
    """'ракет-носителей' is a plural of 'ракета': the titles listed after it are rockets."""
    text = (
        "«Семёрка» являлась технологическим фундаментом для появления ракет-носителей «Восток», "
        "«Восход», «Молния» и «Союз»."
    )
    assert judged(text, "Восход")
    assert judged(text, "Союз")


def test_an_abbreviation_of_a_plural_common_noun_phrase_is_no_name() -> None:
    """Precinct commissions and microfinance organisations are classes of bodies; an institute
    or a force spelled out in capitals is one body."""
    text = (
        "В Волгоградской области члены участковых избирательных комиссий (УИК) начали "
        "повторный обход домов и квартир избирателей."
    )
    assert judged(text, "УИК")
    text = (
        "законопроект об увеличении предельного размера микрозаймов, выдаваемых "
        "предпринимателям микрофинансовыми организациями (МФО) и микрокредитными компаниями"
    )
    assert judged(text, "МФО")
    text = (
        "Как сообщают в Институте комплексных стратегических исследований (ИКСИ), "
        "промышленность РФ устаревает"
    )
    assert not judged(text, "ИКСИ")
    text = (
        "для истребительного прикрытия действий союзных международной коалиции Сирийских "
        "демократических сил (СДС)."
    )
    assert not judged(text, "СДС")


def test_a_span_opening_with_a_persons_position_is_a_role_not_a_body() -> None:
    """A job title before the body and the person is no organisation; after a preposition the
    same word is the office one works in, and a misspelt adjective agreeing with its noun
    ('Американкой медицинской') opens a body's name."""
    text = (
        "Завсектором региональных проблем и конфликтов ИМЭМО имени Примакова РАН Константин "
        "Воронов объяснил НСН"
    )
    assert judged(text, "Завсектором региональных проблем и конфликтов")
    text = (
        "а с другой — президент США, Главнокомандующий армией и флотом Дональд Трамп заявил о "
        "полной победе над террористами"
    )
    assert judged(text, "Главнокомандующий армией")
    text = (
        "Но после его поражения на очередных выборах в июне 1996 года Путин перешёл на работу "
        "в Управделами президента на должность заместителя руководителя ведомства."
    )
    assert not judged(text, "Управделами президента")
    text = (
        "И даже призывы Американкой медицинской ассоциации запретить телерекламу таких "
        "лекарств ни к чему не привели."
    )
    assert not judged(text, "Американкой медицинской ассоциации")
    text = (
        "действующий депутат от правящей партии «Слуга народа» Александр Дубинский — главный "
        "проводник интересов олигарха Коломойского."
    )
    assert not judged(text, "Слуга народа")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Дизель-электрическая подводная лодка ВМС Аргентины «Сан-Хуан» перестала выходить "
            "на связь 15 ноября.",
            "Сан-Хуан",
        ),
        (
            "На выставке также был показан фильм Константина Хабенского «Собибор», где он "
            "играет роль Печерского.",
            "Собибор",
        ),
        (
            "Почему Балашов спокойно разглядывал картину Василия Сурикова «Боярыня Морозова»?",
            "Боярыня Морозова",
        ),
        (
            "«Факты говорят о том, что фрегат ВМС США «USS Taylor» вошел в Черное море 5 февраля».",
            "USS Taylor",
        ),
    ],
)
def test_a_title_after_its_noun_and_names_in_capitals_is_no_name(text: str, surface: str) -> None:
    """The maker, the owner or the navy may stand in the genitive between a noun of a thing
    and its title."""
    assert judged(text, surface)


def test_names_between_a_noun_of_an_organisation_and_a_title_keep_it() -> None:
    """A noun of a flotilla or a company before the names is no thing's: the title may be an
    organisation's (made-up sentences on the corpus's pattern)."""
    assert not judged("В состав флота России «Адмирал Эссен» не вошёл.", "Адмирал Эссен")
    assert not judged("Сделку закрыла компания Олега Дерипаски «Русал».", "Русал")


def test_a_list_of_titles_in_brackets_after_its_plural_noun_is_no_name() -> None:
    text = (
        "«Анна Каренина», «Бал-маскарад», «Богема», возобновление двух спектаклей («Дочь "
        "фараона» и «Коппелия»), гастроли театра в Китае."
    )
    assert judged(text, "Коппелия")
    text = (
        "В 2017 году Россия совершила 11 неудачных пусков ракет-носителей («Союз», «Протон», "
        "«Рокот», «Зенит»)."
    )
    assert judged(text, "Зенит")


def test_a_list_of_titles_set_off_by_a_dash_after_a_counted_noun_is_no_name() -> None:
    """A dash or a colon may stand between a noun of things and its titles, and a numeral of
    two to four counts the noun in the singular genitive: every title of the list is a ship.
    After a noun of an organisation the titles stay (a made-up sentence on that pattern)."""
    text = (
        "Сейчас строятся три фрегата — «Адмирал Касатонов», «Адмирал Головко» и «Адмирал Исаков»."
    )
    assert judged(text, "Адмирал Касатонов")
    assert judged(text, "Адмирал Головко")
    text = (
        "Сегодня на маршруте Балтийск — Усть-Луга курсируют два парома («Балтийск» и «Амбал»), "
        "линия была открыта в 2006 году."
    )
    assert judged(text, "Амбал")
    assert not judged("В финал вышли два клуба — «Спартак» и «Зенит».", "Зенит")


def test_a_title_a_noun_of_things_after_it_says_is_one_is_no_name() -> None:
    """'«Зевгму» – первую книгу': the noun after the dash, in the title's case, says it is a
    book. A noun of a thing that opens its own title is no apposition (a made-up sentence)."""
    text = "Я делал «Зевгму» – первую книгу о «нестандартных» формах русской поэзии за четыре века."
    assert judged(text, "Зевгму")
    assert not judged("Участвуют «Газпром», газопровод «Сила Сибири» и банки.", "Газпром")
    # A title a noun of an organisation introduces stays: the comma ends the clause.
    text = (
        'Как отмечают в издательстве "Альпина нон-фикшн", книга — для широкого круга '
        "читателей, интересующихся проблемами психологии."
    )
    assert not judged(text, "Альпина нон-фикшн")


def test_a_title_after_a_model_code_is_a_thing_corpus_wide() -> None:
    """'самолёт Ан-225 «Мрия»' in two articles: «Мрия» is the aircraft elsewhere too."""
    found = _introduced(
        [
            (
                "Госконцерн передал китайской компании право собственности на самый большой в "
                "мире грузовой самолёт Ан-225 «Мрия». По информации СМИ, Китай и Украина должны "
                "заплатить.",
                "Мрия",
                "Мрия",
            ),
            (
                "Одна из основных целей проекта — воссоздание на китайской базе сверхтяжёлого "
                "транспортного самолёта Ан-225 «Мрия» (укр. «мечта»).",
                "Мрия",
                "Мрия",
            ),
        ]
    )
    assert found.things(set()) == {"Мрия"}


def test_a_forum_named_after_the_army_leaves_the_army_a_body() -> None:
    """'армия' is a military formation, a noun of an organisation: the forum «Армия» does not
    make the US Army's 'Армии' a thing."""
    found = _introduced(
        [
            (
                "Международный военно-технический форум «Армия» проводится третий год подряд.",
                "Армия",
                "Армия",
            ),
            (
                "Директор ЦАСТ констатировал, что ежегодный форум «Армия» демонстрирует провал "
                "политики санкций.",
                "Армия",
                "Армия",
            ),
            (
                "Общая сумма бюджетной заявки Армии (СВ) США составляет 182 млрд долларов.",
                "Армии",
                "Армия",
            ),
        ]
    )
    assert found.things(set()) == frozenset()


_BRUSOV = (
    "У нас\n\n«РАЗНЫЕ ГОЛОСА» В ДОМЕ БРЮСОВА\n\nВ Музее Серебряного века состоялась "
    "презентация литературной серии."
)


@pytest.mark.parametrize(
    ("text", "surface", "dropped"),
    [
        # Section headings of articles in the corpus, in capitals on lines of their own.
        (
            "а в домах слышался бой Кремлевских курантов.\n\nВОЕННАЯ ИМПРОВИЗАЦИЯ\n\nВ конце "
            "концов к традиционной немецкой канонаде быстро привыкаешь.",
            "ВОЕННАЯ ИМПРОВИЗАЦИЯ",
            True,
        ),
        (
            "и стал собираться к отъезду.\n\nВ ДЕЛО ВСТУПАЕТ ЦРУ\n\nВ следующие выходные "
            "крокодил, как всегда, располагался на излюбленном месте.",
            "ДЕЛО ВСТУПАЕТ",
            True,
        ),
        # A heading that names a person's house keeps the name the dictionary knows.
        (_BRUSOV, "ДОМЕ БРЮСОВА", False),
        # Capitals in running text are a name written so, not a heading.
        (
            "– В этом году компании PONY EXPRESS исполнилось 25 лет.",
            "PONY EXPRESS",
            False,
        ),
    ],
)
def test_a_heading_in_capitals_is_no_name(text: str, surface: str, dropped: bool) -> None:
    assert judged(text, surface) is dropped


def test_a_name_in_a_heading_in_capitals_stays() -> None:
    """The dictionary reads "ВЛАДИМИРА" and "ПУТИНА" as a first name and a surname, so the
    heading's span is kept whatever NER tags it."""
    text = (
        "и Шри-Ланки.\n\nЗАЯВЛЕНИЕ ВЛАДИМИРА ПУТИНА\n\nВо время совещания с главами "
        "силовых ведомств в Кремле президент РФ Владимир Путин сделал важное сообщение."
    )
    assert not judged(text, "ВЛАДИМИРА ПУТИНА")


#: Lines of two articles of the corpus: a heading between paragraphs, and an organisation's
#: name that a broken layout left on a line of its own.
_HEADING = (
    "протестуя против Ирана как гаранта перемирия.\n\nРоссийская инициатива\n\n"
    'jwplayer.key="kESrsgULvYO7r2MfUelqj3vs";'
)
_BROKEN_LAYOUT = (
    "Общественники из журналистской организации\n\n«Комитет по защите свободы печати»\n\n"
    "осудили «угрозу президента о физическом насилии в отношении журналистов»."
)


def test_a_name_the_corpus_only_writes_as_a_heading_is_no_organisation() -> None:
    found = _introduced(
        [
            (_HEADING, "Российская инициатива", "Российская инициатива"),
            (
                _BROKEN_LAYOUT,
                "Комитет по защите свободы печати",
                "Комитет по защите свободы печати",
            ),
        ]
    )
    # A noun of a body keeps a name on a line of its own an organisation's.
    assert found.headings_only() == {"Российская инициатива"}


def test_a_name_of_a_sentence_broken_across_lines_is_no_heading() -> None:
    text = (
        "все они связаны в Twitter вымышленной газетой «\n\nРусский телеграф\n\n» (Russian "
        "Telegraph, RT)."
    )
    assert not _introduced([(text, "Русский телеграф", "Русский телеграф")]).headings_only()


def test_a_heading_the_corpus_also_writes_in_running_text_stays() -> None:
    found = _introduced(
        [
            (
                "Председатель президиума «Гражданской инициативы» Андрей Нечаев.\n\n"
                "Гражданская инициатива\n\nПартия готова выдвинуть кандидата.",
                "Гражданская инициатива",
                "Гражданская инициатива",
            ),
            (
                "На четвёртом месте оказалась Ксения Собчак, идущая на выборы от партии "
                "«Гражданская инициатива».",
                "Гражданская инициатива",
                "Гражданская инициатива",
            ),
        ]
    )
    assert not found.headings_only()


#: Sentences of the corpus: the space station in a craft's phrase in two articles, and where
#: a ship brought a module; the central bank's rate, and the bank that speaks.
_ON_BOARD = (
    "В ноябре 2016 года RT первым в мире «отправил» зрителей в космос, показав уникальные "
    "кадры Земли, снятые в панорамном формате на борту МКС."
)
_DELIVERED = "Модуль BEAM в апреле 2016 года был доставлен на МКС кораблём SpaceX."
_RATE = "Официальный курс Центробанка России на 14 февраля составил 57,77 рубля за доллар."
_BANK_SPEAKS = (
    "В преддверии совета директоров Центробанк сообщил о «неделе тишины» и не комментировал "
    "«управляемое ослабление рубля»."
)


def test_a_name_the_corpus_never_makes_act_and_puts_on_board_is_a_thing() -> None:
    found = _introduced(
        [(_ON_BOARD, "МКС", "МКС"), (_ON_BOARD, "МКС", "МКС"), (_DELIVERED, "МКС", "МКС")]
    )
    assert found.arguments_only(set()) == {"МКС"}


def test_a_thing_argument_of_a_body_that_acts_elsewhere_stays() -> None:
    # 'курс Центробанка' is the bank's rate, but the corpus makes the bank speak.
    found = _introduced(
        [
            (_RATE, "Центробанка", "Центробанк"),
            (_RATE, "Центробанка", "Центробанк"),
            (_BANK_SPEAKS, "Центробанк", "Центробанк"),
        ]
    )
    assert found.argument["центробанк"] == 2
    assert not found.arguments_only(set())


def test_a_body_acts_through_its_people_and_its_verbs_of_speech() -> None:
    text = "В Пентагоне заявили, что целью атаки было уничтожение пещерных укреплений боевиков."
    assert _acts(text, 2, 11)
    text = "Между тем представитель Пентагона призвал Россию и Сирию сконцентрироваться."
    assert _acts(text, text.index("Пентагона"), text.index("Пентагона") + 9)
    # The verb after a name another word governs is that sentence's subject's (Новак's).
    text = "Новак в рамках РЭН сообщал, что Россия и Иран обсуждают поставки российского газа."
    assert not _acts(text, text.index("РЭН"), text.index("РЭН") + 3)


def test_a_body_that_also_holds_an_event_stays_by_its_decisions() -> None:
    # The corpus meets 'на полях Генассамблеи', 'в рамках Генассамблеи' as at an event, and
    # writes the Assembly's decision and its committee: a body's.
    found = _introduced(
        [
            (
                "венесуэльский лидер намерен встретиться с президентом США на полях "
                "Генассамблеи ООН, которая пройдёт в Нью-Йорке в сентябре 2017 года.",
                "Генассамблеи",
                "Генассамблея",
            ),
            (
                "Александр Грушко прокомментировал объявление президента США Дональда Трампа "
                "по «Северному потоку — 2», сделанное в рамках Генассамблеи ООН.",
                "Генассамблеи",
                "Генассамблея",
            ),
            (
                "В России раскритиковали решение Генассамблеи ООН, которая приняла украинский "
                "проект резолюции по Крыму.",
                "Генассамблеи",
                "Генассамблея",
            ),
        ]
    )
    assert found.argument["генассамблея"] == 2
    assert found.agent["генассамблея"] == 1
    assert not found.arguments_only(set())


def test_a_code_one_article_introduces_after_a_noun_of_a_thing_is_a_thing() -> None:
    # A model's or a unit's code needs one article: 'корабль БДК-67' is the landing ship.
    found = _introduced(
        [
            (
                "Однако в 1998 году единственный раз нашу страну в этих манёврах представляли "
                "сторожевой корабль Черноморского флота «Ладный», большой десантный корабль "
                "БДК-67 (ныне — «Ямал») и взвод морских пехотинцев.",
                "БДК-67",
                "БДК-67",
            )
        ]
    )
    assert found.things(set()) == {"БДК-67"}


def test_a_name_of_words_one_article_introduces_after_a_noun_of_a_thing_stays() -> None:
    # One article's 'ралли «Дакар»' is that article's usage; a name of words needs two.
    found = _introduced(
        [("Себастьен Лёб в 2016 году поедет в ралли «Дакар», но на «Пежо».", "Дакар", "Дакар")]
    )
    assert found.things(set()) == frozenset()


def test_an_edition_by_its_year_is_a_thing_but_its_organising_committee_stays() -> None:
    # No noun of a thing before 'МАКС-2017': its year makes it the show's edition.
    found = _introduced(
        [
            (
                "Холдинг «Вертолёты России» ранее сообщил, что представит посетителям и "
                "участникам авиасалона МАКС-2017 опытный образец экспериментального беспилотного "
                "конвертоплана VRT30.",
                "МАКС-2017",
                "МАКС-2017",
            ),
            (
                "Оргкомитет «Сочи-2014» прогнозировал, что за время Олимпиады будет приготовлено "
                "и съедено около 7,5 тыс.",
                "Оргкомитет «Сочи-2014",
                "Оргкомитет «Сочи-2014»",
            ),
        ]
    )
    assert found.things(set()) == {"МАКС-2017"}


def test_a_team_named_with_a_year_stays() -> None:
    found = _introduced(
        [
            (
                "Что можно успеть за 8 секунд до конца матча? Набрать 153 минуты штрафа – массовая "
                "драка в матче «СКА-1946» - «Красная Армия».",
                "СКА-1946",
                "СКА-1946",
            )
        ]
    )
    assert found.things(set()) == frozenset()


def test_a_ship_by_its_navys_prefix_is_a_thing() -> None:
    found = _introduced(
        [
            (
                "Эсминцы USS Ross и USS Porter выпустили более 50 ракет «Томагавк».",
                "USS Porter",
                "USS Porter",
            )
        ]
    )
    assert found.things(set()) == {"USS Porter"}


def test_a_code_before_a_common_noun_it_heads_names_a_thing() -> None:
    # 'топливо' and 'адресами' head their compounds: a kind of fuel, a kind of address.
    found = _introduced(
        [
            (
                "В числе резидентов — компании «Красносельскстройматериалы», выпускающей "
                "RDF-топливо, и Брестского электролампового завода.",
                "RDF-топливо",
                "RDF-топливо",
            ),
            (
                "Атаки велись с IP-адресами из нескольких стран.",
                "IP-адресами",
                "IP-адресами",
            ),
        ]
    )
    assert found.things(set()) == {"RDF-топливо", "IP-адресами"}


def test_a_compound_of_a_body_a_medium_or_a_quoted_name_stays() -> None:
    # 'клуб' is a noun of a body; 'Telegram' a medium whose channel is a source; a company's
    # name in quotation marks; 'авиа' does not decline, no common noun heads 'ВИМ-авиа'.
    found = _introduced(
        [
            ("Об этом заявили в ПЕН-клубе.", "ПЕН-клубе", "ПЕН-клуб"),
            ("Он написал в своём Telegram-канале.", "Telegram-канале", "Telegram-канал"),
            ("Компания «ТАСКО-экспорт» выиграла тендер.", "ТАСКО-экспорт", "ТАСКО-экспорт"),
            ("Рейсы ВИМ-авиа задерживаются.", "ВИМ-авиа", "ВИМ-авиа"),
        ]
    )
    assert found.things(set()) == frozenset()
