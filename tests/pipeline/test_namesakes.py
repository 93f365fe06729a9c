"""Namesakes: one full name, two people, told apart by the contexts of their articles; one
person in varied contexts stays one row (pipeline.stages.entities.namesakes)."""

from __future__ import annotations

from itertools import cycle, islice

import pyarrow as pa
import pytest

from pipeline.harness import entity_tables
from pipeline.stages.entities.namesakes import (
    IN,
    MIN_ARTICLES,
    Contexts,
    Gathered,
    in_article,
    told_apart,
    words_around,
)


def _take(values: list[str], n: int, step: int = 1) -> list[str]:
    """`n` values of a list, in turn, starting `step` apart: varied, and deterministic."""
    return list(islice(cycle(values[::step] + values[1::step] if step > 1 else values), n))


def _coach(n: int) -> list[str]:
    """Articles about the football coach Леонид Слуцкий."""
    rivals = ["«Зенитом»", "«Спартаком»", "«Локомотивом»", "«Рубином»", "«Краснодаром»"]
    players = ["Игорь Акинфеев", "Алан Дзагоев", "Сергей Игнашевич", "Василий Березуцкий"]
    openings = [
        "Главный тренер ЦСКА Леонид Слуцкий остался доволен игрой команды в матче с {rival}.",
        "Наставник армейцев Леонид Слуцкий объяснил поражение в матче с {rival} усталостью.",
        "Леонид Слуцкий назвал ничью с {rival} справедливым итогом.",
        "Тренер Леонид Слуцкий рассказал о подготовке к матчу с {rival}.",
    ]
    return [
        f"{opening.format(rival=rival)} По словам Слуцкого, {player} провёл один из лучших "
        f"матчей сезона. Болельщики поддерживали команду до последней минуты."
        for opening, rival, player in zip(
            _take(openings, n), _take(rivals, n), _take(players, n, 2), strict=True
        )
    ]


def _deputy(n: int) -> list[str]:
    """Articles about the deputy Леонид Слуцкий."""
    topics = [
        "санкции Вашингтона против российских компаний",
        "резолюцию ПАСЕ о правах человека",
        "ракетные испытания в Пхеньяне",
        "доклад ОБСЕ о выборах",
        "решение Совета Европы о взносах",
    ]
    colleagues = ["Вячеслав Володин", "Константин Косачев", "Пётр Толстой", "Сергей Лавров"]
    openings = [
        "Председатель комитета Госдумы по международным делам Леонид Слуцкий назвал {topic} "
        "провокацией.",
        "Глава думского комитета по международным делам Леонид Слуцкий прокомментировал {topic}.",
        "Депутат от ЛДПР Леонид Слуцкий раскритиковал {topic}.",
        "Леонид Слуцкий, возглавляющий комитет Госдумы по международным делам, осудил {topic}.",
    ]
    return [
        f"{opening.format(topic=topic)} Слуцкий добавил, что парламентарии обсудят это с "
        f"коллегами. Ранее ту же позицию высказал {colleague}."
        for opening, topic, colleague in zip(
            _take(openings, n), _take(topics, n), _take(colleagues, n, 2), strict=True
        )
    ]


def _minister(n: int) -> list[str]:
    """Articles about one man, Виталий Мутко, at football and at doping hearings: contexts
    that differ, and that his roles and some articles join ('глава РФС, вице-премьер ...
    WADA')."""
    football = [
        "Вице-премьер Виталий Мутко осмотрел стадион в {city} перед чемпионатом мира.",
        "Глава РФС Виталий Мутко поддержал Станислава Черчесова после матча в {city}.",
        "Виталий Мутко пообещал болельщикам в {city}, что сборная готова к чемпионату мира.",
    ]
    doping = [
        "Вице-премьер Виталий Мутко назвал доклад WADA предвзятым, выступая в {city}.",
        "Глава РФС Виталий Мутко ответил в {city} на обвинения Григория Родченкова.",
        "Спортсмены не виноваты в решении МОК, заявил в {city} Виталий Мутко.",
    ]
    both = [
        "Глава РФС, вице-премьер Виталий Мутко заявил в {city}, что доклад WADA не помешает "
        "чемпионату мира."
    ]
    cities = ["Самаре", "Сочи", "Казани", "Саранске", "Калининграде", "Ростове"]
    texts = _take([*football, *doping, *both], n)
    return [text.format(city=city) for text, city in zip(texts, _take(cities, n, 2), strict=True)]


def _background(n: int) -> list[str]:
    """Articles about other people and places, so that the names above are rare."""
    people = [
        "Министр финансов Антон Силуанов",
        "Глава Минэнерго Александр Новак",
        "Мэр Москвы Сергей Собянин",
        "Президент Франции Эмманюэль Макрон",
        "Канцлер Германии Ангела Меркель",
        "Губернатор Петербурга Александр Беглов",
        "Председатель ЦБ Эльвира Набиуллина",
    ]
    subjects = [
        "о росте доходов бюджета",
        "о ценах на нефть",
        "о ремонте дорог",
        "о переговорах в Брюсселе",
        "о строительстве моста через Неву",
        "о ключевой ставке",
        "о погоде в выходные",
        "о новой программе кредитов",
    ]
    places = ["в Москве", "в Берлине", "в Париже", "в Казани", "в Новосибирске"]
    return [
        f"{person} {place} рассказал журналистам {subject}."
        for person, subject, place in zip(
            _take(people, n), _take(subjects, n), _take(places, n), strict=True
        )
    ]


def _rows(texts: list[str]) -> dict[str, dict]:
    articles = pa.table({"article_id": [f"a{i:03d}" for i in range(len(texts))], "text": texts})
    entities = entity_tables(articles)["entities"].to_pylist()
    return {e["name"]: e for e in entities if e["type"] == "PER"}


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    # Neither is what the corpus is about (named in more than a tenth of its articles).
    return _rows([*_coach(9), *_deputy(9), *_minister(22), *_background(190)])


def test_two_namesakes_get_two_rows(rows: dict[str, dict]) -> None:
    slutsky = {name: e for name, e in rows.items() if "Слуцкий" in name}
    assert len(slutsky) == 2, sorted(slutsky)
    assert sorted(e["n_articles"] for e in slutsky.values()) == [9, 9]
    names = sorted(slutsky)
    # Each is named after what characterises its articles: readable and distinct.
    assert all(name.startswith("Леонид Слуцкий (") for name in names)
    deputy = next(e for e in slutsky.values() if e["role"])
    assert "комитет" in deputy["role"]
    assert "Слуцкий" in deputy["aliases"]  # the bare surnames follow their article


def test_one_person_in_varied_contexts_stays_one_row(rows: dict[str, dict]) -> None:
    mutko = [e for name, e in rows.items() if "Мутко" in name]
    assert [e["name"] for e in mutko] == ["Виталий Мутко"]
    assert mutko[0]["n_articles"] == 22


def test_words_around_say_who_the_person_is() -> None:
    text = "По мнению главного научного сотрудника Института США и Канады Владимира Васильева, "
    text += "санкции не помогут."
    start = text.index("Владимира")
    words = words_around(text, start, start + len("Владимира Васильева"))
    # Stems of the lower-case words next to the name; names and short words are left out.
    assert words == {"мнению", "главно", "научно", "сотруд", "санкци", "помогу"}
    text = "Матч закончился. Тренер Леонид Слуцкий доволен. Депутаты молчат."
    start = text.index("Леонид")
    # Only the sentence's words: not those of the sentences before and after it.
    assert words_around(text, start, start + len("Леонид Слуцкий")) == {"тренер", "доволе"}


def _contexts(groups: dict[str, list[tuple[set[str], set[str]]]], filler: int) -> Gathered:
    """Contexts of people (key -> per article: what it names, words around the person) among
    `filler` articles that name other things, gathered in two chunks."""
    named: dict[str, set[str]] = {}
    around: dict[str, set[str]] = {}
    for person, articles in groups.items():
        for i, (names, words) in enumerate(articles):
            article = f"{person}-{i}"
            named[article] = {person, *names}
            around[in_article(person, article)] = words
    for i in range(filler):
        common = {"NAME:роман"} if i < filler // 15 else set()
        named[f"filler-{i}"] = {f"NAME:x{i}", f"NAME:y{i % 7}", *common}
        around[in_article(f"PER:z{i % 5}", f"filler-{i}")] = {f"w{i}"}
    gathered = Gathered()
    articles = sorted(named)
    for part in (set(articles[::2]), set(articles[1::2])):
        gathered.add(
            Contexts.of(
                {a: found for a, found in named.items() if a in part},
                {g: w for g, w in around.items() if g.split(IN, 1)[1] in part},
            )
        )
    return gathered


def test_contexts_with_nothing_in_common_are_two_people() -> None:
    n = MIN_ARTICLES + 2
    coach = [({"NAME:цска", f"NAME:club{i % 3}"}, {"тренер", f"t{i % 4}"}) for i in range(n)]
    deputy = [({"NAME:госдума", f"NAME:topic{i % 3}"}, {"депута", f"d{i % 4}"}) for i in range(n)]
    apart = told_apart(_contexts({"PER:a": coach + deputy}, filler=400))
    assert len(apart) == 2 * n
    assert sorted(set(apart.values())) == ["NAME:госдума", "NAME:цска"]


def test_a_small_group_is_not_a_namesake() -> None:
    n = 3 * MIN_ARTICLES
    many = [({"NAME:цска", f"NAME:club{i % 3}"}, {"тренер"}) for i in range(n)]
    few = [({"NAME:госдума"}, {"депута"}) for _ in range(MIN_ARTICLES - 1)]
    assert told_apart(_contexts({"PER:a": many + few}, filler=400)) == {}


def test_shared_context_keeps_one_person() -> None:
    n = MIN_ARTICLES + 2
    football = [({"NAME:рфс", "NAME:фифа", f"NAME:f{i % 3}"}, {"вице-п"}) for i in range(n)]
    doping = [({"NAME:wada", "NAME:рфс", f"NAME:d{i % 3}"}, {"вице-п"}) for i in range(n)]
    assert told_apart(_contexts({"PER:a": football + doping}, filler=400)) == {}


def test_loose_groups_are_not_namesakes() -> None:
    # Articles that share nothing among themselves (a writer quoted on anything) are no
    # evidence of a second person, however unlike each other.
    n = MIN_ARTICLES + 2
    # Each loose article names much of its own, and one thing many articles name.
    loose = [
        ({"NAME:роман", *(f"NAME:own{i}-{k}" for k in range(10))}, {f"u{i}"}) for i in range(n)
    ]
    tight = [({"NAME:цска", f"NAME:club{i % 3}"}, {"тренер"}) for i in range(n)]
    assert told_apart(_contexts({"PER:a": loose + tight}, filler=400)) == {}
