"""Who said a quote, on short news texts: each kind of source the speaker rules read
(pipeline/stages/speakers.py)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.harness import entity_tables
from pipeline.nlp.sources import agreement, occasions, read


def speakers(texts: list[str], titles: list[str] | None = None) -> list[tuple[str, str | None]]:
    """(quote, speaker's name) of each quote of the texts, in order; a title opens its text
    as its headline."""
    titles = titles or [""] * len(texts)
    bodies = [f"{t}\n\n{x}" if t else x for t, x in zip(titles, texts, strict=True)]
    articles = pa.table(
        {
            "article_id": [f"a{i:02}" for i in range(len(texts))],
            "text": bodies,
            "title": [t or None for t in titles],
            "title_stop": pa.array([len(t) for t in titles], pa.int32()),
        }
    )
    tables = entity_tables(articles)
    names = {e["entity_id"]: e["name"] for e in tables["entities"].to_pylist()}
    return [(q["quote"], names.get(q["speaker_entity_id"])) for q in tables["quotes"].to_pylist()]


def said(found: list[tuple[str, str | None]], words: str) -> str | None:
    (speaker,) = [name for quote, name in found if words in quote]
    return speaker


def test_where_it_was_said_is_not_who_said_it() -> None:
    found = speakers(
        [
            "Президент России Владимир Путин дал интервью американскому режиссёру Оливеру "
            "Стоуну. «Сноуден не предатель», — рассказал Путин в интервью Стоуну.",
            "Официальный представитель МИД России Мария Захарова прокомментировала доклад. "
            "«Доклад получился поверхностным», — подчеркнула она в разговоре с RT.",
        ]
    )
    assert said(found, "Сноуден не предатель") == "Владимир Путин"
    assert said(found, "Доклад получился поверхностным") == "Мария Захарова"


def test_a_description_is_the_person_named_before() -> None:
    found = speakers(
        [
            "Решение правительства прокомментировал RT директор центра конъюнктурных "
            "исследований Георгий Остапкович. Экономист считает, что власти не повышали МРОТ "
            "раньше по причине дефицита бюджета.",
            "Между тем вице-премьер РФ Виталий Мутко заметил, что далеко не все могут "
            "выигрывать так уверенно. По словам вице-премьера, российские пловцы начали "
            "реализовывать накопленный потенциал.",
        ]
    )
    assert said(found, "власти не повышали МРОТ") == "Георгий Остапкович"
    assert said(found, "пловцы начали реализовывать") == "Виталий Мутко"


def test_the_organisation_of_a_role_is_not_the_speaker() -> None:
    found = speakers(
        [
            "Ранее с призывом к США сохранить соглашение выступил министр иностранных дел "
            "Великобритании Борис Джонсон. «Сделка устранила ядерную угрозу», — отметил глава "
            "британского МИД.",
            "Член Коллегии Евразийской экономической комиссии Сергей Сидорский заявил, что "
            "переговоры о торговле продолжатся в марте.",
        ]
    )
    assert said(found, "Сделка устранила ядерную угрозу") == "Борис Джонсон"
    assert said(found, "переговоры о торговле продолжатся") == "Сергей Сидорский"


def test_a_name_in_apposition_after_the_source() -> None:
    found = speakers(
        [
            "«Сталин вошёл в российскую историю как символ величия», — отметил в беседе с RT "
            "доктор исторических наук, политолог Дмитрий Журавлёв."
        ]
    )
    assert found == [("Сталин вошёл в российскую историю как символ величия", "Дмитрий Журавлёв")]


def test_a_bare_surname_is_the_person_of_the_article() -> None:
    found = speakers(
        [
            "Политолог Владимир Брутер считает ситуацию в Приднестровье тупиковой. «Выхода "
            "из этого положения пока не видно», — сказал Брутер."
        ]
    )
    assert said(found, "Выхода из этого положения") == "Владимир Брутер"


def test_groups_name_nobody() -> None:
    found = speakers(
        [
            "В начале февраля сенаторы Том Карпер и Клэр Маккэскилл направили запрос в "
            "Пентагон. Кроме того, сенаторы отметили, что все публикации президента должны "
            "быть сохранены.",
        ]
    )
    assert said(found, "все публикации президента") is None


def test_a_pronoun_takes_the_person_of_its_gender() -> None:
    found = speakers(
        [
            "Канцлер Германии Ангела Меркель встретилась с президентом Франции Эммануэлем "
            "Макроном в Париже. Она заявила, что Европа должна оставаться единой.",
        ]
    )
    assert found == [("Европа должна оставаться единой", "Ангела Меркель")]


def test_a_relative_pronoun_is_the_person_before_it() -> None:
    found = speakers(
        [
            "Агентство Bloomberg цитирует министра финансов Японии Таро Асо, который заверяет, "
            "что инспекция призвана убедиться в безопасности клиентов."
        ]
    )
    assert found == [("инспекция призвана убедиться в безопасности клиентов", "Таро Асо")]


def test_an_agency_referred_back_to() -> None:
    found = speakers(
        [
            "Служба безопасности Украины распространила официальное заявление о кибератаке. "
            "«К атакам причастны те же хакерские группировки», — сообщает ведомство."
        ]
    )
    assert found == [
        ("К атакам причастны те же хакерские группировки", "Служба безопасности Украины")
    ]


INTERVIEW = [
    "— Как оцените первую половину сезона?",
    "— Сезон получается мокрым. Обе гонки прошли под дождём.",
    "— Чего ждёте от следующего этапа?",
    "— Будем готовиться к трассе в Сочи и постараемся подняться на подиум.",
]


def test_the_headline_names_the_interviewee() -> None:
    found = speakers(
        ["\n\n".join(INTERVIEW)],
        ["«Культуре вождения нужно учиться с детства»: гонщик Борис Шульмейстер о гонках"],
    )
    assert {name for _, name in found} == {"Борис Шульмейстер"}
    assert len(found) == 2


def test_each_section_of_an_interview_is_its_heading_s_person() -> None:
    text = "\n\n".join(
        [
            "Алан Дзагоев: «У нас забивает не только Вернблум»",
            "— Как настроение перед матчем?",
            "— Настроение боевое, мы готовы к игре с любым соперником.",
            "— Что скажете о форме команды?",
            "— Команда набирает ход, каждый игрок добавляет.",
            "Игорь Акинфеев: «Успешным будет тот результат, который позволит выйти из группы»",
            "— Какой результат будете считать успешным?",
            "— Естественно, тот, который позволит нам выйти из группы.",
        ]
    )
    found = speakers([text], ["«Полная самоотдача поможет»: футболисты ЦСКА о матче с МЮ"])
    assert said(found, "Настроение боевое") == "Алан Дзагоев"
    assert said(found, "Команда набирает ход") == "Алан Дзагоев"
    assert said(found, "позволит нам выйти из группы") == "Игорь Акинфеев"


@pytest.mark.parametrize(
    ("source", "kind", "head"),
    [
        ("эксперт", "person", "эксперт"),
        ("Бывший глава Минфина", "person", "глава"),
        ("эксперты", "group", "эксперт"),
        ("один из собеседников", "group", None),
        ("он себе", "pronoun", "он"),
        ("которая", "relative", "который"),
        ("представители ведомства", "spokes", "представитель"),
        ("источник в администрации", None, None),
    ],
)
def test_reading_a_source(source: str, kind: str | None, head: str | None) -> None:
    reading = read(source)
    assert (reading.kind, reading.head) == (kind, head)


def test_occasions_and_agreement() -> None:
    text = "Путин в интервью Стоуну"
    assert [text[a:b] for a, b in occasions(text, 0, len(text))] == ["в интервью Стоуну"]
    text = "в беседе с RT доктор исторических наук"
    assert [text[a:b] for a, b in occasions(text, 0, len(text))] == ["в беседе с RT"]
    assert agreement("добавила") == ("sing", "femn")
    assert agreement("считают") == ("plur", None)


def test_a_pronoun_with_words_around_it() -> None:
    found = speakers(
        [
            "Госсекретарь штата Джорджия Брэд Раффенспергер одобрил проверку бюллетеней. Но "
            "сам он полагает, что пересчёт не изменит итогов выборов."
        ]
    )
    assert found == [("пересчёт не изменит итогов выборов", "Брэд Раффенспергер")]


def test_an_organisation_called_by_the_noun_before_its_name() -> None:
    found = speakers(
        [
            "В среду началась забастовка пилотов авиакомпании Ryanair. «Рейсы отменены из-за "
            "необычайных событий, выплата компенсаций не предусмотрена», — пояснили в "
            "авиакомпании."
        ]
    )
    assert [name for _, name in found] == ["Ryanair"]


def test_a_source_that_only_says_where_is_the_person_before_it() -> None:
    found = speakers(
        [
            "Гендиректор Центра политической информации Алексей Мухин в интервью RT заявил, что "
            "речь должна идти о поиске компромисса между Киевом и Донбассом."
        ]
    )
    assert found == [
        ("речь должна идти о поиске компромисса между Киевом и Донбассом", "Алексей Мухин")
    ]


def test_the_surname_after_the_headline_s_quotation() -> None:
    body = "\n\n".join(["Борис Шульмейстер выступает в серии Mitjet третий сезон.", *INTERVIEW])
    found = speakers([body], ["«Сезон получается мокрым»: Шульмейстер о гонках и погоде"])
    assert {name for _, name in found} == {"Борис Шульмейстер"}
    # Two people in the headline: neither owns every answer.
    found = speakers([body], ["«Сезон получается мокрым»: Шульмейстер и Петров о гонках"])
    assert {name for _, name in found} == {None}


def test_an_outlet_on_its_own_account_is_the_speaker() -> None:
    found = speakers(
        [
            "На начало года «халифат» оказался в критическом положении. По оценкам CNN, "
            "доходы террористов от продажи нефти рухнули с $2 млрд до $260 млн.",
            "Арабская коалиция отрицает причастность ко взрывам на траурной церемонии, "
            "сообщает ТАСС со ссылкой на телеканал Al Arabiya.",
            "Газета привела комментарий Белого дома. Впрочем, один из собеседников The "
            "Washington Post отметил, что досмотр не всегда может обнаружить аппаратуру.",
            "В Киеве прошли задержания, сообщают украинские СМИ.",
        ]
    )
    assert said(found, "доходы террористов") == "CNN"
    assert said(found, "Арабская коалиция отрицает") == "ТАСС"
    assert said(found, "досмотр не всегда") is None
    assert said(found, "прошли задержания") is None


def test_a_name_after_a_truncated_source() -> None:
    found = speakers(
        [
            "«Вакцина переносится достаточно легко. Серьезных побочных эффектов не "
            "зафиксировано», – рассказала заведующая поликлиникой №2 Светлана Андреева.",
            "«Украинское машиностроение сократилось до производства подшипников», — написал "
            "в своей колонке для Forbes глава Украинского аналитического центра Александр "
            "Охрименко.",
            "По его словам, Ангела Меркель стала негласным лидером западной элиты.",
            "«Смело выходите на мирную акцию», — говорилось в написанной от руки записке "
            "Саакашвили.",
        ]
    )
    assert said(found, "Вакцина переносится") == "Светлана Андреева"
    assert said(found, "машиностроение сократилось") == "Александр Охрименко"
    assert said(found, "стала негласным лидером") is None
    assert said(found, "Смело выходите") is None


def test_a_possessive_pronoun_is_the_person_before_it() -> None:
    found = speakers(
        [
            "Зампред Общественной наблюдательной комиссии Москвы Ева Меркачёва полагает, что "
            "необходимо снижать число женщин в колониях. По её словам, заключать в тюрьму "
            "следует только особо опасных преступниц.",
            "Председатель Госдумы Вячеслав Володин заявил, что к законопроекту предложат "
            "поправку. Он также сообщил, что поправками предусмотрят запрет телефонов на "
            "уроках. По его словам, Госдума может рассмотреть инициативу в начале декабря.",
        ]
    )
    assert said(found, "следует только особо опасных") == "Ева Меркачёва"
    assert said(found, "Госдума может рассмотреть") == "Вячеслав Володин"


def test_who_spoke_before_outranks_whom_they_spoke_of() -> None:
    found = speakers(
        [
            "«Нет ничего плохого в том, чтобы конгресс провёл расследование», — подчеркнул "
            "Роджер Стоун в эфире RT. Бывший советник Трампа отметил, что он бы предпочёл "
            "специальную комиссию. «Нужно, чтобы они рассказали, что им известно», — сказал он.",
            "«Пенс курирует Венесуэлу», — считает декан факультета Александр Чичин. Он "
            "напомнил о конфликте вокруг Тиллерсона. По мнению эксперта, новый подход "
            "администрации Трампа к Латинской Америке обречён.",
        ]
    )
    assert said(found, "Нужно, чтобы они рассказали") == "Роджер Стоун"
    assert said(found, "новый подход") == "Александр Чичин"


def test_an_unnamed_source_is_nobody() -> None:
    found = speakers(
        [
            "Министерство иностранных дел Турции пока не комментирует встречу. Источник в МИД "
            "Турции сообщил, что переговоры продолжатся в марте.",
        ]
    )
    assert said(found, "переговоры продолжатся") is None


def test_an_outlet_described_by_its_adjectives() -> None:
    found = speakers(
        [
            "Пекин готов к переговорам с Вашингтоном, сообщает китайское англоязычное издание "
            "The Global Times.",
        ]
    )
    assert said(found, "Пекин готов к переговорам") == "The Global Times"


def test_a_compound_of_the_noun_a_person_was_introduced_with() -> None:
    found = speakers(
        [
            "Главный редактор RT Маргарита Симоньян дала интервью. Ведущая Лесли Шталь "
            "заявила, что разведка считает вмешательство доказанным. «Через пять лет вы "
            "узнаете, что ничего этого не было», — отметила Симоньян. Однако американская "
            "телеведущая напомнила, что Facebook тоже заявлял о вмешательстве.",
        ]
    )
    assert said(found, "Facebook тоже заявлял") == "Лесли Шталь"


def test_a_leader_of_a_country_is_its_president() -> None:
    found = speakers(
        [
            "Президент России Владимир Путин встретился с журналистами. Лидер «Правого "
            "сектора» Дмитрий Ярош не приехал. На вопрос о санкциях российский лидер "
            "ответил, что они вредят всем.",
        ]
    )
    assert said(found, "они вредят всем") == "Владимир Путин"
