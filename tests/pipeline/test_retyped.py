"""One-word person names the corpus tags as places or organisations far more often."""

from __future__ import annotations

import pyarrow as pa

from pipeline.nlp.gazetteer import key, places
from pipeline.stages.entities.common_words import name_words
from pipeline.stages.entities.people import people_of
from pipeline.stages.entities.retyped import retyped, state_country, with_types

#: Mentions by (type, name), as the 11.5k corpus counts them.
COUNTS = {
    ("PER", "Киркук"): 3,  # 'контроль над Киркуком'
    ("LOC", "Киркук"): 68,
    ("PER", "Челси"): 8,
    ("ORG", "Челси"): 157,
    ("PER", "София"): 9,  # a first name as well as a city: 'София Ротару'
    ("PER", "София Ротару"): 12,
    ("LOC", "София"): 40,
    ("PER", "Вашингтон"): 2,  # a surname of a full name the corpus writes
    ("PER", "Джордж Вашингтон"): 5,
    ("LOC", "Вашингтон"): 3768,
    ("PER", "Милан"): 2,  # not three times as often
    ("ORG", "Милан"): 5,
}


def test_a_place_or_a_club_tagged_as_a_person_takes_the_corpus_type() -> None:
    names = {name: n for (kind, name), n in COUNTS.items() if kind == "PER"}
    people = people_of(names, {})
    assert retyped(COUNTS, name_words(names), people.first_names) == {
        "киркук": "LOC",
        "челси": "ORG",
    }


def test_only_one_word_person_mentions_change_type() -> None:
    raw = pa.table(
        {
            "article_id": ["a"] * 4,
            "start": [0] * 4,
            "type": ["PER", "PER", "LOC", "PER"],
            "name": ["Киркук", "Джордж Вашингтон", "Киркук", "София"],
            "surface": ["Киркуком", "Джорджа Вашингтона", "Киркуке", "София"],
        }
    )
    found = with_types(raw, {"киркук": "LOC"}, {"a": ""}, {})
    assert found["type"].to_pylist() == ["LOC", "PER", "LOC", "PER"]


def test_an_organisation_the_corpus_writes_as_a_person_is_one_where_unquoted() -> None:
    # 'Исполнитель главной роли Константин Хабенский признавался, что его в Троцком не
    # привлекает ровным счётом ничего' (the part); 'За работу над «Троцким» удостоились
    # номинации' (the film); the corpus tags 'Троцкий' as a person 95 times, 3 as an organisation.
    # 'сессия АН СССР' is the Academy's, whatever people the corpus names 'Ан'.
    counts = {("PER", "Троцкий"): 95, ("ORG", "Троцкий"): 3, ("ORG", "АН"): 3, ("PER", "Ан"): 35}
    types = retyped(counts, frozenset(), frozenset())
    assert types == {"троцкий": "PER", "ан": "PER"}
    texts = {
        "a": "Константин Хабенский признавался, что его в Троцком не привлекает ровным счётом "
        "ничего.",
        "b": "За работу над «Троцким» удостоились номинации «лучшая работа художника».",
        "c": "1936 – (по 18 марта) в Москве проходит сессия АН СССР.",
    }
    raw = pa.table(
        {
            "article_id": ["a", "b", "c"],
            "start": [
                texts["a"].index("Троцком"),
                texts["b"].index("Троцким"),
                texts["c"].index("АН"),
            ],
            "type": ["ORG", "ORG", "ORG"],
            "name": ["Троцкий", "Троцкий", "АН"],
            "surface": ["Троцком", "Троцким", "АН"],
        }
    )
    assert with_types(raw, types, texts, {})["type"].to_pylist() == ["PER", "ORG", "ORG"]


def test_a_first_name_the_dictionary_only_guesses_stays_no_person() -> None:
    # 'больше половины Фленсбург провел под управлением датской короны': a town, which the
    # dictionary guesses a man's name for its ending.
    counts = {("PER", "Фленсбург"): 2, ("LOC", "Фленсбург"): 7}
    assert retyped(counts, frozenset(), frozenset()) == {"фленсбург": "LOC"}


def test_a_compound_abbreviation_of_a_body_is_an_organisation() -> None:
    # 'Затем Нацразведка должна представить соответствующим комитетам конгресса доклад',
    # 'представители ... С14, Нацкорпуса, «Правого сектора»': 'нац' (национальный) before a
    # noun; the corpus tags them as people about as often as as organisations.
    counts = {("PER", "Нацразведка"): 6, ("ORG", "Нацразведка"): 5, ("PER", "Нацкорпус"): 1}
    assert retyped(counts, frozenset(), frozenset()) == {
        "нацразведка": "ORG",
        "нацкорпус": "ORG",
    }


def test_a_surname_of_a_full_name_stays_a_person_whatever_its_prefix() -> None:
    # 'Миннити' reads as 'мин' + 'нити', but the corpus writes 'Марко Миннити'
    counts = {("PER", "Миннити"): 1, ("PER", "Марко Миннити"): 4}
    names = {"Миннити": 1, "Марко Миннити": 4}
    assert retyped(counts, name_words(names), frozenset()) == {}


def test_an_organisation_headed_by_a_noun_of_a_place_is_a_place() -> None:
    # 'церемонии, которая прошла в Колонном зале Дома Союзов'; 'над «Сент-Якоб Парком» полил
    # дождь'; 'приём должен был состояться на площадке парламента Terrace Pavilion'; and
    # organisations: 'Большого театра', 'Станции скорой и неотложной медицинской помощи' (a
    # station also heads an institution's name), 'Белый дом' (the government).
    raw = pa.table(
        {
            "article_id": ["a"] * 6,
            "start": [0] * 6,
            "type": ["ORG"] * 6,
            "name": [
                "Колонный зал",
                "Сент-Якоб Парком",
                "Terrace Pavilion",
                "Большой театр",
                "Станция скорой и неотложной медицинской помощи",
                "Белый дом",
            ],
            "surface": [
                "Колонном зале",
                "Сент-Якоб Парком",
                "Terrace Pavilion",
                "Большого театра",
                "Станции скорой и неотложной медицинской помощи",
                "Белый дом",
            ],
        }
    )
    # The place takes the name the corpus reads for the organisation's surface.
    found = with_types(raw, {}, {"a": ""}, {"Сент-Якоб Парком": "Сент-Якоб Парк"})
    assert found["type"].to_pylist() == ["LOC"] * 3 + ["ORG"] * 3
    assert found["name"].to_pylist()[:3] == ["Колонный зал", "Сент-Якоб Парк", "Terrace Pavilion"]


def test_an_organisation_headed_by_a_noun_of_a_state_is_a_place_unless_quoted() -> None:
    # 'переброска войск на восточные рубежи Третьего рейха'; 'провозглашения в 1917 году Украинской
    # народной республики (УНР)'; but a movement's title in quotation marks ('у нас есть
    # молодёжное движение «Молодая республика»') and a movement's own name for itself
    # ('пока «Исламский халифат» не исчезнет', 'руководством Исламского Эмирата').
    texts = {
        "a": "В сентябре 1940 года началась скрытая переброска войск на восточные рубежи Третьего "
        "рейха.",
        "b": "Отсчет же следует вести с момента провозглашения в 1917 году Украинской народной "
        "республики (УНР).",
        "c": "«У нас есть молодёжное движение «Молодая республика».",
        "d": "Формально руководством Исламского Эмирата считается «Шура Кветты».",
    }
    surfaces = ["Третьего рейха", "Украинской народной республики", "Молодая республика"]
    surfaces.append("Исламского Эмирата")
    raw = pa.table(
        {
            "article_id": list(texts),
            "start": [text.index(s) for text, s in zip(texts.values(), surfaces, strict=True)],
            "type": ["ORG"] * 4,
            "name": [
                "Третий рейх",
                "Украинская народная республика",
                "Молодая республика",
                "Исламский Эмират",
            ],
            "surface": surfaces,
        }
    )
    found = with_types(raw, {}, texts, {})
    assert found["type"].to_pylist() == ["LOC", "LOC", "ORG", "ORG"]


def test_a_state_the_gazetteer_lacks_takes_the_country_its_name_holds() -> None:
    # Names of states the 11.5k corpus writes as places: 'границы Российской империи',
    # 'Чешская Республика', 'Правительство Республики Польша', 'в Турецкой Республике Северного
    # Кипра'; an abbreviation's group takes its full name's ('провозглашения в 1917 году
    # Украинской народной республики (УНР)').
    assert state_country({"Российская империя": 116}) == "RUS"
    assert state_country({"Чешская Республика": 12}) == "CZE"
    assert state_country({"Республика Польша": 11}) == "POL"
    assert state_country({"Турецкая Республика Северного Кипра": 2}) == "CYP"
    assert state_country({"УНР": 30, "Украинская народная республика": 16}) == "UKR"


def test_a_state_whose_name_holds_no_country_of_its_own_has_none() -> None:
    # 'председатель правительства Республики Сербской' (a part of Bosnia, named after the
    # Serbs), 'восточные рубежи Третьего рейха', 'московского царства' (a city's adjective),
    # and a place that is no state.
    assert state_country({"Республика Сербская": 25}) is None
    assert state_country({"Третий рейх": 42}) is None
    assert state_country({"Московское царство": 1}) is None
    assert state_country({"Красная площадь": 3}) is None


def test_the_republic_of_china_is_taiwan() -> None:
    # 'Китай продолжает считать Китайскую республику (другое название Тайваня) своей
    # территорией': the gazetteer lists the state's name, so its opening adjective is not read.
    assert places()[key("Китайская республика")].country == "TWN"
