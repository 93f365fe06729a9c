"""Reported speech of the kinds issue 26 adds, on short real-looking news sentences: each test
names the class of construction and checks what is the content, the cue and the source."""

from __future__ import annotations

import pytest

from pipeline.nlp import speech
from pipeline.nlp.cues import aside_nouns, cue_forms, cue_nouns, cue_verbs
from pipeline.nlp.speech import Speech, find_speech, sentence


def found_in(text: str) -> list[Speech]:
    """The quotes `find_speech` finds in a one-sentence text, all of it one paragraph."""
    return find_speech(text, [(0, len(text))], [(0, len(text))])


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, source) of every quote of a one-sentence text."""
    return [
        (
            text[s.start : s.stop],
            text[s.cue_start : s.cue_stop],
            None if s.source_start is None else text[s.source_start : s.source_stop],
        )
        for s in found_in(text)
    ]


def test_the_lexicon_is_derived_and_has_every_form() -> None:
    # Verbs of the dictionary and of the former list that the corpus shows introducing speech.
    assert {"заявить", "отметить", "рассказывать", "утверждать", "говориться"} <= cue_verbs()
    assert {"слово", "мнение", "заявление", "сообщение"} <= cue_nouns()
    # Homonyms the corpus test keeps out: 'начать', 'вопрос', 'суд' are in the dictionary list.
    assert not {"начать", "называть"} & cue_verbs()
    assert not {"вопрос", "суд", "отношение"} & cue_nouns()
    # The perfective partner by по- of a cue verb is a candidate that passes the same test.
    assert {"поделиться", "пожаловаться", "посетовать"} <= cue_verbs()
    assert "поговорить" not in cue_verbs()  # 'поговорили о ...' rarely introduces a clause
    # Participles and gerunds come from pymorphy2 with the finite forms.
    assert {"заявивший", "отметив", "говорившего", "сообщается", "словам"} <= cue_forms()


def test_verbs_the_corpus_shows_after_a_quotation_are_cues() -> None:
    # The dictionary lacks them; the corpus shows them as '», — подытожил X' and in the frames.
    assert {"подытожить", "предположить", "вспоминать", "прогнозировать"} <= cue_verbs()
    # 'следует, что' stands there too, in too few of its uses; a relaying outlet's verb is not
    # its subject's speech; a reflexive of a new verb gets no partner ('заключается в том').
    assert not {"следовать", "цитировать", "приводить", "заключаться"} & cue_verbs()
    text = (
        "«По сути, текущая позиция Вашингтона по Сирии — это потакание террористам», — "
        "подытожил Лавров."
    )
    assert quotes(text) == [
        (
            "По сути, текущая позиция Вашингтона по Сирии — это потакание террористам",
            "подытожил",
            "Лавров",
        )
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "«Что бы мы решили, если бы русские начали вооружать Мексику? Это может привести к "
            "более масштабной войне», — задаётся вопросом эксперт, рассуждая на тему "
            "вооружения Украины Белым домом в эфире NBC.",
            "эксперт",
        ),
        (
            "«А приближение на одну позицию к вершине рейтинга еще ценнее», — делится директор "
            "по персоналу Росатома Татьяна Терентьева.",
            "директор по персоналу Росатома Татьяна Терентьева",
        ),
    ],
)
def test_a_reflexive_cue_of_its_own_has_a_subject(text: str, source: str) -> None:
    # 'задаваться', 'делиться' are no passives of a cue ('задавать', 'делить' are none)
    assert [q[2] for q in quotes(text)] == [source]


def test_a_passive_reflexive_cue_takes_the_document_after_it() -> None:
    text = "«Цены вырастут к концу года», — говорится в сообщении министерства."
    assert [q[2] for q in quotes(text)] == ["сообщении министерства"]


def test_a_first_name_after_a_light_verb_s_noun_starts_the_speaker() -> None:
    text = (
        "«Сегодня и Дамаск, и Москва, и Анкара имеют общие интересы — умерить аппетиты "
        "курдов», — подвёл итог Владимир Шаповалов."
    )
    assert [q[1:] for q in quotes(text)] == [("подвёл", "Владимир Шаповалов")]


def test_a_pointer_before_a_participle_and_its_noun_points_at_no_statement() -> None:
    # 'об этом захватывающем ... периоде' names what he told about (tune14 39)
    text = (
        "Молодой Верди щедрыми масляными красками поведал об этом захватывающем воображение "
        "периоде истории под стать кинополотнам Ридли Скотта или Джорджа Лукаса."
    )
    previous = "Опера рассказывает о крестовых походах и осаде Иерусалима."
    whole = previous + " " + text
    at = len(previous) + 1
    found = find_speech(whole, [(0, len(whole))], [(0, len(previous)), (at, len(whole))])
    assert not [s for s in found if s.cue_start >= at]


def test_gerund_takes_the_subject_before_it() -> None:
    text = (
        "Вучич сравнил ситуацию с Гималаями, отметив, что сербы будут «не первыми, кто "
        "поднялся на Эверест»."
    )
    assert quotes(text) == [
        ("сербы будут «не первыми, кто поднялся на Эверест»", "отметив", "Вучич")
    ]
    text = (
        "Об этом же заявил и мэр Лондона Садик Хан, отметив, что власти не собираются идти у "
        "террористов на поводу."
    )
    assert quotes(text) == [
        (
            "власти не собираются идти у террористов на поводу",
            "отметив",
            "мэр Лондона Садик Хан",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Как указывает немецкое информационное агентство n-tv, ей также приписывают "
            "участие в заговоре против Габриэля.",
            (
                "ей также приписывают участие в заговоре против Габриэля",
                "указывает",
                "немецкое информационное агентство n-tv",
            ),
        ),
        (
            "Как говорил Черчилль, демократия — наихудшая форма правления, если не считать "
            "всех остальных.",
            (
                "демократия — наихудшая форма правления, если не считать всех остальных",
                "говорил",
                "Черчилль",
            ),
        ),
    ],
)
def test_as_said_by(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В справке говорится, что органы МВД считают программу обузой для себя.",
            ("органы МВД считают программу обузой для себя", "говорится", "справке"),
        ),
        (
            "В заявлении Белого дома по итогам переговоров сообщалось, что Трамп подчеркнул "
            "своё желание улучшить отношения.",
            (
                "Трамп подчеркнул своё желание улучшить отношения",
                "сообщалось",
                "заявлении Белого дома",
            ),
        ),
        (
            "«Индийское безрассудство ошеломляет китайский народ», — говорится в редакционной "
            "статье.",
            (
                "Индийское безрассудство ошеломляет китайский народ",
                "говорится",
                "редакционной статье",
            ),
        ),
        (
            "Сообщается, что подозреваемый ранее был отчислен за неуспеваемость.",
            ("подозреваемый ранее был отчислен за неуспеваемость", "Сообщается", None),
        ),
        (
            "«Переговоры будут идти параллельно», – отметили в министерстве.",
            ("Переговоры будут идти параллельно", "отметили", "министерстве"),
        ),
    ],
)
def test_a_document_or_an_institution_speaks(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Елена Гришина рассказывает, что к этой работе будут привлекаться вышедшие на "
            "пенсию военные.",
            (
                "к этой работе будут привлекаться вышедшие на пенсию военные",
                "рассказывает",
                "Елена Гришина",
            ),
        ),
        (
            "Дмитриев утверждает, что сроки проекта не изменятся.",
            ("сроки проекта не изменятся", "утверждает", "Дмитриев"),
        ),
    ],
)
def test_present_tense_narrative_cues(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


def test_according_to_a_participle_or_a_possessive() -> None:
    text = "По словам говорившего, решение уже принято и пересматривать его никто не будет."
    assert quotes(text) == [
        ("решение уже принято и пересматривать его никто не будет", "По словам", "говорившего")
    ]
    text = "По его словам, стоять в очереди за билетами нет необходимости."
    assert quotes(text) == [
        ("стоять в очереди за билетами нет необходимости", "По его словам", "его")
    ]


def test_according_to_a_noun_with_its_adjective() -> None:
    # 'По независимой оценке X' (tune22): the adjective is in the cue, the genitive the source.
    text = (
        "По независимой оценке Южно-Африканского института расовых отношений, при том, что "
        "около 78% земель находится в частной собственности, точных данных о расовой "
        "принадлежности землевладельцев нет."
    )
    assert quotes(text) == [
        (
            text[text.index("при том") : -1],
            "По независимой оценке",
            "Южно-Африканского института расовых отношений",
        )
    ]
    text = "По его личному мнению, стоять в очереди за билетами нет необходимости."
    assert quotes(text) == [
        ("стоять в очереди за билетами нет необходимости", "По его личному мнению", "его")
    ]
    # Nobody named: no quote, as 'По оценке, ...'.
    assert quotes("По предварительной оценке, ущерб составил миллион рублей.") == []


def test_an_aside_keeps_what_goes_before_it_but_not_a_connective() -> None:
    text = (
        "Кроме того, особый интерес к повестке, по мнению парламентариев, в США начали "
        "проявлять накануне выборов."
    )
    ((content, cue, source),) = quotes(text)
    assert content.startswith("особый интерес к повестке")
    assert content.endswith("накануне выборов")
    assert (cue, source) == ("по мнению", "парламентариев")


@pytest.mark.parametrize(
    "text",
    [
        # tune13, n 34; tune4, n 74: the connective stands right before the aside's comma.
        "При этом, по оценке Леонкова, Северная Корея обладает необходимым вооружением, чтобы "
        "поразить цели в США.",
        "Кроме того, по мнению эксперта, внедрение на Украине евроколеи может ударить по "
        "национальным производителям подвижного состава.",
    ],
)
def test_a_connective_right_before_an_aside_is_not_said(text: str) -> None:
    ((content, _cue, _source),) = quotes(text)
    assert not content.startswith(("При этом", "Кроме того"))
    assert content.startswith(("Северная Корея", "внедрение на Украине"))


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Он, по словам эксперта, уедет из страны до конца года.", "Он"),
        # Corpus sentences: a pronoun of the clause, an adverb of time with its particle.
        ("И это, по мнению Лунца, недостойно президента.", "И это"),
        ("Над остальным, по словам мужчины, пришлось поработать хирургам.", "Над остальным"),
        ("Теперь же, по словам Конашенкова, всё встало на свои места.", "Теперь же"),
    ],
)
def test_a_word_of_the_clause_right_before_an_aside_is_said(text: str, opening: str) -> None:
    ((content, _cue, _source),) = quotes(text)
    assert content.startswith(opening + ", по ")


def test_a_subject_right_before_an_aside_is_said() -> None:
    text = "Он, по словам эксперта, уедет из страны до конца года."
    assert quotes(text) == [
        ("Он, по словам эксперта, уедет из страны до конца года", "по словам", "эксперта")
    ]


def test_the_content_as_tagged_leaves_out_the_aside_inside_it() -> None:
    # The convention splits what was said around a parenthetical cue and its source.
    text = (
        "Такие действия Таллина, отметил он, не соответствуют интересам России, самой "
        "Эстонии и европейского сотрудничества."
    )
    (found,) = found_in(text)
    assert [text[a:b] for a, b in found.content_spans(text)] == [
        "Такие действия Таллина",
        "не соответствуют интересам России, самой Эстонии и европейского сотрудничества",
    ]
    text = "По его словам, стоять в очереди за билетами нет необходимости."
    (found,) = found_in(text)
    assert [text[a:b] for a, b in found.content_spans(text)] == [
        "стоять в очереди за билетами нет необходимости"
    ]


def test_content_after_a_colon_without_quotation_marks() -> None:
    text = "Вице-премьер Шувалов недавно признал: у правительства нет реальных рычагов влияния."
    assert quotes(text) == [
        ("у правительства нет реальных рычагов влияния", "признал", "Вице-премьер Шувалов")
    ]


def test_an_inverted_cue_before_a_colon_reports_both_sides() -> None:
    text = (
        "Стоимость электричества здесь самая низкая в России, добавляет чиновник: «В сельской "
        "местности оно обходится ещё дешевле»."
    )
    assert sorted(quotes(text)) == [
        ("В сельской местности оно обходится ещё дешевле", "добавляет", "чиновник"),
        ("Стоимость электричества здесь самая низкая в России", "добавляет", "чиновник"),
    ]


def test_coordinated_cues_share_their_subject() -> None:
    text = (
        "Главный тренер АЕК Маноло Хименес заявил, что гордится своими футболистами, хотя и "
        "признал, что команда сыграла плохо."
    )
    source = "Главный тренер АЕК Маноло Хименес"
    assert quotes(text) == [
        ("гордится своими футболистами", "заявил", source),
        ("команда сыграла плохо", "признал", source),
    ]
    assert quotes("Государь улыбнулся и сказал: «Помню, помню».") == [
        ("Помню, помню", "сказал", "Государь")
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "«Это не повлияет на её рейтинг», — пояснил в интервью RT ведущий научный "
            "сотрудник Института Европы РАН Сергей Фёдоров.",
            "ведущий научный сотрудник Института Европы РАН Сергей Фёдоров",
        ),
        (
            "«Таким образом они надеются рассорить мусульман и христиан», — заявил RT Садик.",
            "Садик",
        ),
        (
            "Ведущий эксперт Центра актуальной политики Виктор Олевич в разговоре с RT "
            "подчеркнул, что обход санкций показывает зависимость США от России.",
            "Ведущий эксперт Центра актуальной политики Виктор Олевич",
        ),
        (
            "«Нужно соизмерять желания с реальностью», — отметил на презентации Влодзимеж "
            "Марчиняк, посол Польши в Москве.",
            "Влодзимеж Марчиняк, посол Польши в Москве",
        ),
        (
            "Графиня Уварова, многолетний председатель Московского археологического общества, "
            "говорила: «Археология — наука людей богатых».",
            "Графиня Уварова, многолетний председатель Московского археологического общества",
        ),
        # Several descriptions, each after its comma, end the sentence after the cue.
        (
            "«Ноги притягиваются в первую очередь», — отметил в беседе с RT астрофизик, доктор "
            "физико-математических наук, ведущий научный сотрудник ГАИШ МГУ Сергей Попов.",
            "астрофизик, доктор физико-математических наук, ведущий научный сотрудник ГАИШ МГУ "
            "Сергей Попов",
        ),
        (
            "Партия внесла в Госдуму законопроекты об ужесточении наказания за утечки "
            "персональных данных, сообщил секретарь Генсовета партии, первый заместитель "
            "председателя Совета федерации Андрей Турчак.",
            "секретарь Генсовета партии, первый заместитель председателя Совета федерации "
            "Андрей Турчак",
        ),
        # An adjective with its complement after the comma describes the noun, untagged.
        (
            "Предложения из послания оформятся в указы после выборов, говорит еще один "
            "источник, знакомый с ходом обсуждений.",
            "один источник",
        ),
        # A Cyrillic outlet told, and a date, between the cue and the speaker.
        (
            "Актер получил травмы во время драки с мужчиной, который залез через окно в "
            "квартиру, сообщил РИА Новости источник в правоохранительных органах.",
            "источник в правоохранительных органах",
        ),
        (
            "Как заявил 12 декабря министр иностранных дел Турции Мевлют Чавушоглу, Анкара не "
            "готова отказаться от статуса страны-гаранта.",
            "министр иностранных дел Турции Мевлют Чавушоглу",
        ),
        (
            "Как подчёркивал 4 декабря 2017 года веб-сайт государственного радио Ирана "
            "Parstoday, Салех «столкнулся с вымогательством со стороны Эр-Рияда».",
            "веб-сайт государственного радио Ирана Parstoday",
        ),
        # A citation between the subject and its verb, its object read as a nominative.
        (
            "Так, агентство Anadolu со ссылкой на местные власти сообщило, что по провинции "
            "Килис были выпущены три ракеты.",
            "агентство Anadolu",
        ),
        # The occasion ends the source after any word, not only after a name.
        (
            "«Это вопрос времени», — сказал сенатор в беседе с RT.",
            "сенатор",
        ),
        ("«Решение уже принято», — заявил он в ходе брифинга.", "он"),
        # A citation is not the source: 'со ссылкой на ...'.
        (
            "«Переговоры зашли в тупик», — пишет издание со ссылкой на источники в правительстве.",
            "издание",
        ),
        # A Latin-script outlet after the speaker's name.
        ("«Мы сыграем в атаку», — приводит слова Бериццо Marca.", "Бериццо"),
        # A Latin-script outlet after a name the dictionary reads as a common noun (tune12).
        (
            "Спрошу: «Андрей Михайлович, можно они будут носить бикини хотя бы во время моих "
            "боёв?» — заявил Дрозд BoxingScene.",
            "Дрозд",
        ),
        # A Cyrillic acronym of the outlet after the speaker's name (tune11, its quotation cut).
        (
            "«Мы договорились о новом развитии наших двусторонних отношений», — приводит слова "
            "Меркель РИА Новости.",
            "Меркель",
        ),
        # A quoted outlet told, after the speaker's name (tune17 33; the corpus's '«Чемпионату»').
        ("«Рад его возвращению», — заявил Илюмжинов «Газете.Ru».", "Илюмжинов"),
        (
            "«Мы готовы», — рассказал министр спорта Виталий Мутко «Р-Спорту».",
            "министр спорта Виталий Мутко",
        ),
        # A date between the subject and its cue is not the subject's (tune19 23).
        (
            "Минюст России в четверг 18 ноября сообщил, что направил уведомления девяти СМИ.",
            "Минюст России",
        ),
        (
            "Министр финансов Антон Силуанов 12 декабря заявил, что бюджет сбалансирован.",
            "Министр финансов Антон Силуанов",
        ),
        # A phrase with the reflexive 'свой' names where the subject spoke (tune20 15).
        (
            "Ранее президент США в своём Twitter заявил, что реформа будет принята.",
            "президент США",
        ),
        # So is the preposition that governs the date ('от 5 декабря' of a document's date).
        (
            "Постановление правительства от 5 декабря 2017 года гласит, что льготы сохранятся.",
            "Постановление правительства",
        ),
        # A document or site goes on to its body's quoted name (tune11 72), after or before
        # the cue ('говорится в заявлении «Нафтогаза»' and the like, 60 times in the corpus).
        (
            "«В пятницу будет тепло», — говорится на сайте погодного центра «Фобос».",
            "сайте погодного центра «Фобос»",
        ),
        (
            "В заявлении партии «Единая Россия» говорится, что выборы прошли честно.",
            "заявлении партии «Единая Россия»",
        ),
        ("В «Газпроме» сообщили, что цены вырастут.", "Газпроме"),
        # Not to a quoted name in the dative: the outlet told ('«Известиям»', '«Газете.Ru»').
        (
            "«Проверка продолжается», — сообщили в пресс-службе министерства «Известиям».",
            "пресс-службе министерства",
        ),
        (
            "Как рассказали в пресс-службе МВД «Газете.Ru», проверка продолжается.",
            "пресс-службе МВД",
        ),
        # A quoted name after an acronym, or before a person's name, is the speaker's body.
        (
            "«Мы готовы», — сказал тренер ФК «Спартак» Массимо Каррера.",
            "тренер ФК «Спартак» Массимо Каррера",
        ),
        # A Latin-script name before a person's name is where the speaker works.
        (
            "«Подобная связь появляется как раз в момент мощных сдвигов», — пояснил стратег по "
            "операциям на товарно-сырьевых рынках Сбербанк CIB Михаил Шейбе.",
            "стратег по операциям на товарно-сырьевых рынках Сбербанк CIB Михаил Шейбе",
        ),
        # A date after the name ends the source.
        ("«Давайте», — заявил Назарбаев 18 января в ходе пресс-конференции.", "Назарбаев"),
        # A Latin-script name after a genitive is the role's organisation, not an outlet.
        (
            "«Это важно», — сказал эксперт Фонда Heritage Джон Смит.",
            "эксперт Фонда Heritage Джон Смит",
        ),
        # The speaker of 'приводит слова X' is genitive: the outlet after him is not.
        (
            "«Нам нужно время», — приводит слова Вольфа пресс-служба команды.",
            "Вольфа",
        ),
        # A medium named where it was said, after a place in the role (tune22).
        (
            "«Мы победим», — написала канцелярия премьер-министра Британии в Twitter.",
            "канцелярия премьер-министра Британии",
        ),
        # ... but a place of the role that is no medium stays ('посол России в США').
        ("«Мы победим», — заявил посол России в США.", "посол России в США"),
    ],
)
def test_the_source_is_the_speaker_not_the_outlet_or_the_setting(text: str, source: str) -> None:
    ((_content, _cue, found),) = quotes(text)
    assert found == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Критики говорили, что в определении кандидатов должно участвовать население.",
            ("в определении кандидатов должно участвовать население", "говорили", "Критики"),
        ),
        (
            "О такой войне министр обороны Сергей Шойгу в интервью «МК» недавно сказал так: "
            "неизвестно, какой будет третья мировая война, но можно с уверенностью судить, что "
            "она будет последней.",
            (
                "неизвестно, какой будет третья мировая война, но можно с уверенностью судить, "
                "что она будет последней",
                "сказал",
                "министр обороны Сергей Шойгу",
            ),
        ),
    ],
)
def test_syntax_finds_what_word_order_misses(
    text: str, expected: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert quotes(text) == [expected]
    # Without the parse (every token a root) the word-order rules find nothing in the first;
    # in the second they step over the quoted outlet before the cue ('в интервью «МК»
    # недавно сказал') to the subject and find the same quote.
    monkeypatch.setattr(
        sentence, "parse_syntax", lambda sentences: [[(-1, "root")] * len(s) for s in sentences]
    )
    assert quotes(text) == ([expected] if "«МК»" in text else [])


def test_an_indirect_question_is_not_content() -> None:
    text = (
        "Президент Международного паралимпийского комитета Филип Крэйвен объяснил, почему "
        "организация оставила решение в силе."
    )
    assert quotes(text) == []


def test_an_outlet_that_quotes_someone_is_not_the_source() -> None:
    text = (
        "«Посещаемость могла бы быть и выше, но то, что мы видим, — это объективная цифра», — "
        "приводит ТАСС слова президента РФС Виталия Мутко."
    )
    assert quotes(text) == [
        (
            "Посещаемость могла бы быть и выше, но то, что мы видим, — это объективная цифра",
            "приводит ТАСС слова",
            "президента РФС Виталия Мутко",
        )
    ]


def test_as_said_with_a_citation_keeps_the_content() -> None:
    text = (
        "Как отмечает издание со ссылкой на источники, Япония получит право задействовать "
        "механизм коллективной безопасности."
    )
    assert quotes(text) == [
        (
            "Япония получит право задействовать механизм коллективной безопасности",
            "отмечает",
            "издание",
        )
    ]


def test_a_plural_cue_after_an_institution_read_first_as_a_genitive() -> None:
    text = "В полиции считают, что причиной аварии стала неисправность тормозов."
    assert quotes(text) == [("причиной аварии стала неисправность тормозов", "считают", "полиции")]


def test_a_perfective_cue_by_its_prefix() -> None:
    text = "«Мне трудно было играть», — поделилась теннисистка."
    assert quotes(text) == [("Мне трудно было играть", "поделилась", "теннисистка")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "По словам директора компании «Лига Ставок» Максима Афанасьева, интерес к матчу "
            "побил все рекорды.",
            "директора компании «Лига Ставок» Максима Афанасьева",
        ),
        (
            "«Посетителей стало больше», — сообщает пресс-служба «Заповедного Подлеморья».",
            "пресс-служба «Заповедного Подлеморья»",
        ),
        (
            "Главная газета КНДР «Нодон синмун» сообщила, что испытание прошло успешно.",
            "Главная газета КНДР «Нодон синмун»",
        ),
    ],
)
def test_a_quoted_name_inside_the_source(text: str, source: str) -> None:
    ((_content, _cue, found),) = quotes(text)
    assert found == source


def test_an_imperative_is_not_a_cue() -> None:
    assert quotes("Читайте также: министр иностранных дел ушёл в отставку.") == []


def test_a_cue_inside_an_unquoted_clause_does_not_hide_the_outer_quote() -> None:
    # The clause after 'подтверждает, что' runs on over 'заявил X' and holds its cue, and
    # 'заявил' reports the whole clause before it: the outer quote is the one kept.
    text = (
        "Высказывание Волкера подтверждает, что США не являются беспристрастным посредником, "
        "заявил RT председатель комитета Совета Федерации Константин Косачёв."
    )
    assert quotes(text) == [
        (
            "Высказывание Волкера подтверждает, что США не являются беспристрастным посредником",
            "заявил",
            "председатель комитета Совета Федерации Константин Косачёв",
        )
    ]


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, source) of every quote of a text of sentences that end with '. '."""
    sentences, start = [], 0
    for end in [i + 1 for i, c in enumerate(text) if c == "." and text[i + 1 : i + 2] in (" ", "")]:
        sentences.append((start, end))
        start = end + 1
    return [
        (
            text[s.start : s.stop],
            text[s.cue_start : s.cue_stop],
            None if s.source_start is None else text[s.source_start : s.source_stop],
        )
        for s in find_speech(text, [(0, len(text))], sentences)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "США поставят Саудовской Аравии комплексы THAAD. Об этом во вторник сообщил "
            "министр обороны США Джеймс Мэттис.",
            (
                "США поставят Саудовской Аравии комплексы THAAD",
                "сообщил",
                "министр обороны США Джеймс Мэттис",
            ),
        ),
        (
            "Столицу ожидают аномальные морозы. Об этом в разговоре с RT рассказал "
            "ведущий специалист центра погоды «Фобос» Евгений Тишковец.",
            (
                "Столицу ожидают аномальные морозы",
                "рассказал",
                "ведущий специалист центра погоды «Фобос» Евгений Тишковец",
            ),
        ),
        (
            "Россия погасила все долги бывшего СССР. Об этом говорится в ежегодном отчёте Минфина.",
            ("Россия погасила все долги бывшего СССР", "говорится", "ежегодном отчёте Минфина"),
        ),
        (
            "Россия погасила все долги бывшего СССР. Пресс-секретарь Кремля Дмитрий Песков "
            "сообщил об этом журналистам.",
            (
                "Россия погасила все долги бывшего СССР",
                "сообщил",
                "Пресс-секретарь Кремля Дмитрий Песков",
            ),
        ),
        # A surname the dictionary reads only as a first name's plural ('Аваков': of 'Авак')
        # is the subject in the nominative (tune12, its sentence before shortened).
        (
            "Сообщения о штурме стали поступать через несколько часов. По данным телеканала, "
            "Аваков заявил об этом на совещании премьер-министра Украины Владимира Гройсмана с "
            "представителями металлургической промышленности.",
            ("Сообщения о штурме стали поступать через несколько часов", "заявил", "Аваков"),
        ),
        (
            "Недавно Индия провела испытание такого оружия, о чём публично заявил премьер-министр "
            "Нарендра Моди.",
            (
                "Недавно Индия провела испытание такого оружия",
                "заявил",
                "премьер-министр Нарендра Моди",
            ),
        ),
    ],
)
def test_a_cue_that_points_at_what_went_before(text: str, expected: tuple) -> None:
    # 'Об этом заявил X': what X said is the sentence before; 'о чём': the clause before.
    assert found(text) == [expected]


def test_a_pointer_needs_a_statement_before_it() -> None:
    # A question asks, a demonstrative before its noun names a topic.
    assert found("Такая практика существует давно. Что вы думаете об этом?") == []
    assert found("Видео сняли в открытом космосе. Об этом ролике написали многие издания.") == []
    # A quote before says it already: the pointer is a record of who reported it, no content.
    assert found("«Мы готовы к диалогу», — сказал он. Об этом он заявил в Женеве.") == [
        ("Мы готовы к диалогу", "сказал", "он"),
        ("", "заявил", "он"),
    ]
    # 'о том, ...' goes on with what was said: it points at nothing before
    text = (
        "Перед презентацией второй части доклада RT пообщался с бывшим президентом "
        "Всероссийской федерации лёгкой атлетики (ВФЛА) Валентином Балахничёвым. Экс-глава "
        "организации рассказал о том, чего стоит ждать после "
        "обнародования новых фактов от Макларена."
    )
    assert not [q for q in found(text) if q[0].startswith("Перед презентацией")]


def test_a_statement_named_by_a_demonstrative_is_the_sentence_before() -> None:
    # tune5, n 82, with the sentence before it: 'Такое заявление сделали X' (the parse gives
    # the noun's verb and its subject).
    text = (
        "Соединённые Штаты ввели новый пакет экономических санкций в отношении Северной Кореи, "
        "направленный прежде всего против судоходных и торговых компаний, которые работают с "
        "Пхеньяном. Такое заявление сделали президент США Дональд Трамп и министр финансов "
        "Стивен Мнучин."
    )
    assert found(text) == [
        (
            text[: text.index(" Такое") - 1],
            "заявление сделали",
            "президент США Дональд Трамп и министр финансов Стивен Мнучин",
        )
    ]
    # The noun as the subject (tune, n 80): what followed the statement, nobody makes it.
    text = (
        "Россия погасила все долги бывшего СССР. Это заявление последовало за распространённой "
        "среди журналистов взломанной электронной перепиской, которая якобы принадлежит Аль "
        "Отайбе."
    )
    assert found(text) == []


def test_coming_out_with_a_statement_names_who_made_it() -> None:
    # tune8, n 36: 'С таким заявлением выступил X', the light verb with 'с' and the noun.
    before = (
        "Жители Молдавии должны выступить за расширение президентских полномочий и досрочные "
        "выборы в парламент."
    )
    text = f"{before} С таким заявлением выступил глава страны Игорь Додон."
    assert found(text) == [(before[:-1], "заявлением выступил", "глава страны Игорь Додон")]
    # With 'с', another verb names who agreed with it, not who made it.
    assert found(f"{before} С этим заявлением согласился глава страны Игорь Додон.") == []
    # An appeal asks for something: what it asks is left untagged (tune3, n 93).
    assert found(f"{before} С таким обращением выступила группа американских сенаторов.") == []


def test_a_noun_of_statement_after_the_source_cites() -> None:
    # tune5, n 36: 'со слов делегатов' says whom the outlets had it from, not who they are.
    text = (
        "Как отмечали иностранные СМИ со слов делегатов, ОПЕК+ потребовалось дополнительное "
        "время, чтобы влиятельные члены альянса договорились с некоторыми африканскими странами "
        "о снижении их целевых показателей добычи."
    )
    ((_content, cue, source),) = quotes(text)
    assert (cue, source) == ("отмечали", "иностранные СМИ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Министр спорта России Павел Колобков уверен, что до столь крутых мер дело не дойдёт.",
            (
                "до столь крутых мер дело не дойдёт",
                "уверен",
                "Министр спорта России Павел Колобков",
            ),
        ),
        (
            "Некоторые эксперты уверены, что причина поездки кроется в недовольстве Германии.",
            ("причина поездки кроется в недовольстве Германии", "уверены", "Некоторые эксперты"),
        ),
        (
            "Британский премьер уверена, что этот план отвечает интересам Северной Ирландии.",
            ("этот план отвечает интересам Северной Ирландии", "уверена", "Британский премьер"),
        ),
        (
            "Он убеждён в том, что передача корабля закрыла бы вопрос с долгами.",
            ("передача корабля закрыла бы вопрос с долгами", "убеждён", "Он"),
        ),
    ],
)
def test_a_short_adjective_of_a_held_view_is_a_cue(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tune18, n 74: the held view after the clause it reports, its subject after it.
        (
            "Если бы Украина не находилась под внешним управлением США, подобных заявлений от "
            "американской стороны не последовало бы, уверен руководитель Центра "
            "российско-американских отношений Института США и Канады РАН Павел Подлесный.",
            (
                "Если бы Украина не находилась под внешним управлением США, подобных заявлений "
                "от американской стороны не последовало бы",
                "уверен",
                "руководитель Центра российско-американских отношений Института США и Канады "
                "РАН Павел Подлесный",
            ),
        ),
        # Corpus sentences (rt:russia_today_0:524, rt:russia_today_6:149): after a
        # quotation and its dash.
        (
            "«В данном случае родственные связи не имеют какого-либо отрицательного эффекта», — "
            "уверен политолог.",
            (
                "В данном случае родственные связи не имеют какого-либо отрицательного эффекта",
                "уверен",
                "политолог",
            ),
        ),
        (
            "«Новый этап развития будет сравним с приходом в повседневную жизнь интернета», — "
            "уверен программист.",
            (
                "Новый этап развития будет сравним с приходом в повседневную жизнь интернета",
                "уверен",
                "программист",
            ),
        ),
    ],
)
def test_a_held_view_after_what_it_reports(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


def test_a_held_view_needs_its_clause_and_no_negation() -> None:
    assert quotes("Тренер уверен в победе своей команды.") == []
    assert quotes("Тренер не уверен, что команда выйдет в финал.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "В 2015 году директор «Укроборонпрома» Роман Романов заявил, что заказ будет выполнен.",
            "директор «Укроборонпрома» Роман Романов",
        ),
        (
            "Заместитель председателя совета директоров «Спартака» Наиль Измайлов заявил, что "
            "никто не ведёт закулисную борьбу.",
            "Заместитель председателя совета директоров «Спартака» Наиль Измайлов",
        ),
        # A quoted name after a preposition's object is where it was said, not the speaker's.
        (
            "В интервью «Известиям» глава МИД Сергей Лавров заявил, что переговоры продолжатся.",
            "глава МИД Сергей Лавров",
        ),
    ],
)
def test_a_quoted_organisation_inside_the_role_before_a_name(text: str, source: str) -> None:
    assert [q[2] for q in quotes(text)] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В 2016 году прирост ВВП Филиппин составил 6,8%, говорится в отчёте Министерства "
            "статистики страны.",
            (
                "В 2016 году прирост ВВП Филиппин составил 6,8%",
                "говорится",
                "отчёте Министерства статистики страны",
            ),
        ),
        (
            "МАГАТЭ этого категорически не подтверждает, как заявил министр иностранных дел РФ "
            "Сергей Лавров.",
            (
                "МАГАТЭ этого категорически не подтверждает",
                "заявил",
                "министр иностранных дел РФ Сергей Лавров",
            ),
        ),
    ],
)
def test_a_cue_and_its_source_after_the_content_end_the_sentence(
    text: str, expected: tuple
) -> None:
    # '..., говорится в X.' and '..., как заявил X.': what goes before the comma is said.
    assert quotes(text) == [expected]


def test_a_gerund_after_an_inverted_cue_takes_the_subject_after_the_verb() -> None:
    # '— сказал он в интервью BBC, подчеркнув': the subject follows its verb, the setting
    # between them and the comma; 'Мы' inside the quotation is not the gerund's subject.
    text = (
        "«Мы не будем вмешиваться», — сказал он в интервью BBC, подчеркнув, что решение за народом."
    )
    assert quotes(text) == [
        ("Мы не будем вмешиваться", "сказал", "он"),
        ("решение за народом", "подчеркнув", "он"),
    ]
    text = (
        "Об этом заявил министр финансов Антон Силуанов в интервью газете «Ведомости», "
        "отметив, что бюджет будет исполнен."
    )
    assert quotes(text) == [("бюджет будет исполнен", "отметив", "министр финансов Антон Силуанов")]


def source_of(text: str, cue: str) -> str | None:
    """The source of the one quote of a sentence whose cue is `cue`."""
    (source,) = [source for _content, said, source in quotes(text) if said == cue]
    return source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # A parenthesis between the subject and its verb.
        (
            "Генерал-майор ВС США в отставке Пол Валлели, со своей стороны, указал на то, что "
            "открытые границы между странами Евросоюза способствуют развитию терроризма.",
            "указал",
            "Генерал-майор ВС США в отставке Пол Валлели",
        ),
        (
            "Лидер партии «Национальный фронт» Марин Ле Пен, со своей стороны, заявила: она не "
            "хочет, чтобы «жители Франции привыкали к исламистскому терроризму».",
            "заявила",
            "Лидер партии «Национальный фронт» Марин Ле Пен",
        ),
        # A participial clause whose participle pymorphy2 first reads as a noun.
        (
            "Глава Федеральной службы по труду и занятости Всеволод Вуколов в ходе "
            "международного экономического форума в Санкт-Петербурге, прошедшего в начале июня, "
            "заявил, что российские предприятия больше всего нуждаются в специалистах инженерной "
            "отрасли.",
            "заявил",
            "Глава Федеральной службы по труду и занятости Всеволод Вуколов",
        ),
    ],
)
def test_a_clause_between_the_subject_and_its_verb(text: str, cue: str, source: str) -> None:
    assert source_of(text, cue) == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Министр иностранных дел и внешнеэкономических связей Венгрии Петер Сийярто заявил, "
            "что глава российского МИД Сергей Лавров на встрече в Скопье заверил его, что все "
            "поставки газа и нефти из России в Венгрии осуществляются согласно расписанию и так "
            "и останется впредь.",
            "Министр иностранных дел и внешнеэкономических связей Венгрии Петер Сийярто",
        ),
        (
            "Президент Центра системного анализа и прогнозирования Ростислав Ищенко уверен, что "
            "современные украинские предприятия сегодня не в состоянии выпускать новую технику и "
            "уже давно вынуждены ремонтировать советское наследство.",
            "Президент Центра системного анализа и прогнозирования Ростислав Ищенко",
        ),
        # A name in quotation marks in apposition to a noun of the role.
        (
            "Главный редактор журнала «Арсенал отечества» Виктор Мураховский считает, что ПАК ДА "
            "станет достойной заменой созданных в СССР бомбардировщиков и от этого проекта никто "
            "не отказывался.",
            "Главный редактор журнала «Арсенал отечества» Виктор Мураховский",
        ),
    ],
)
def test_a_role_with_coordinated_or_quoted_names_before_the_person(text: str, source: str) -> None:
    (found,) = quotes(text)
    assert found[2] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # The occasion between the subject and the cue names the addressee, not the speaker.
        (
            "Профессор Академии военных наук Вадим Козюлин в интервью RT отметил, что "
            "распространение ядерного оружия — большая угроза для всего человечества.",
            "отметил",
            "Профессор Академии военных наук Вадим Козюлин",
        ),
        # What a citation cites is not the subject, whatever case it reads as.
        (
            "Однако газета The New York Times со ссылкой на осведомлённые источники утверждает, "
            "что эти цифры существенно занижены.",
            "утверждает",
            "газета The New York Times",
        ),
        (
            "В декабре прошлого года агентство Синьхуа со ссылкой на ответственную за проект "
            "компанию PipeChina сообщало, что Китай довел на своей территории продолжение газовой "
            'магистрали "Сила Сибири" для поставок российского газа до Шанхая, расположенного на '
            "восточном побережье страны.",
            "сообщало",
            "агентство Синьхуа",
        ),
        # The object of a preposition before the subject is not part of it.
        (
            "Со ссылкой на данные Росстата издание рассказывает, что в 2017 году в брак вступили "
            "почти на 64 тысячи пар больше, чем в 2016-м.",
            "рассказывает",
            "издание",
        ),
        (
            "В интервью The New York Times наследный принц Мухаммед бен Сальман рассказал, что в "
            "последние 30 лет ежегодно примерно 10% государственных расходов Саудовской Аравии "
            "уходило «на съедение коррупции».",
            "рассказал",
            "наследный принц Мухаммед бен Сальман",
        ),
        (
            "Через пару дней после случившегося президент профессиональной футбольной лиги "
            "Испании Хавьер Тебас заявил, что Примера может подать в суд из-за отказа «Райо "
            "Вальекано» от футболиста.",
            "заявил",
            "президент профессиональной футбольной лиги Испании Хавьер Тебас",
        ),
    ],
)
def test_an_occasion_or_a_citation_before_the_cue_is_not_the_source(
    text: str, cue: str, source: str
) -> None:
    assert source_of(text, cue) == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # An outlet in Latin script that cites someone is the source.
        (
            "Американское командование готовит планы усиления своего военного контингента в "
            "Афганистане ещё на 1000 человек, сообщает The Washington Post со ссылкой на "
            "источники в оборонном ведомстве.",
            "сообщает",
            "The Washington Post",
        ),
        (
            "Практика общения администрации с представителями бизнес-кругов была и при Обаме, "
            "но, как пишет The Washington Post со ссылкой на источники, предприниматели "
            "отзывались о таких встречах следующим образом: «Никакого действия, одни "
            "разговоры».",
            "пишет",
            "The Washington Post",
        ),
        # The outlet or the genitive that completes the occasion is not the source.
        (
            "Рост ввозных пошлин может стать причиной сокращения в России рынка вина из "
            "недружественных стран на четверть в следующем году, заявил в интервью РИА Новости "
            'президент группы компаний "Абрау-Дюрсо" Павел Титов.',
            "заявил",
            'президент группы компаний "Абрау-Дюрсо" Павел Титов',
        ),
        (
            "Страны договорились о сотрудничестве в «свободном, открытом, процветающем и "
            "инклюзивном Индо-Тихоокеанском регионе», заявил по итогам встречи представитель "
            "правительства Индии.",
            "заявил",
            "представитель правительства Индии",
        ),
        (
            "«Главное впечатление, которое я получил, – желание власти как можно быстрее начать "
            "работу с вновь выбранным президентом и президиумом», – подчеркнул сразу после "
            "своего избрания академик Александр Сергеев.",
            "подчеркнул",
            "академик Александр Сергеев",
        ),
        # A surname after the addressee that the dictionary reads as a genitive plural.
        (
            "«Такого, пожалуй, не было в истории отечественных Вооружённых сил, чья деятельность "
            "была всегда закрытой», — отметил в беседе с RT Пухов.",
            "отметил",
            "Пухов",
        ),
    ],
)
def test_the_setting_after_the_cue_is_not_the_source(text: str, cue: str, source: str) -> None:
    assert source_of(text, cue) == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "«Кушнер представит на рассмотрение свой отчёт, и после его рассмотрения Трамп "
            "решит, есть ли вообще шанс на переговоры или лучше отказаться от урегулирования», — "
            "цитирует The Jerusalem Post представителя палестинских властей.",
            "представителя палестинских властей",
        ),
        (
            "«Особая ирония есть в том, что статья о фейковых новостях построена на лжи и "
            "необоснованных утверждениях», — процитировало издание директора Службы внешних "
            "связей RT Анну Белкину.",
            "директора Службы внешних связей RT Анну Белкину",
        ),
        (
            "«Любые санкционные ограничения мешают развитию тех видов деятельности, которые "
            "могли бы развиваться при совместном участии российских и европейских партнёров», — "
            "цитирует ТАСС Максима Орешкина.",
            "Максима Орешкина",
        ),
        (
            "«После выборов все обещания будут забыты, никуда не денется лишь сухой остаток — "
            "интересы международного финансового капитала, представителем которого является "
            "Макрон», — цитирует РИА Новости Клинцевича.",
            "Клинцевича",
        ),
        (
            "«Он отлично выступал, его старания очень подкупают, и, думаю, на мировом первенстве "
            "он будет выглядеть не хуже, чем нынешние лидеры», — цитирует Васильева газета "
            "«Известия».",
            "Васильева",
        ),
        (
            "«Больше всего я горжусь тем, что справился с нервами. Это была моя главная победа», "
            "— цитирует Нёйса Олимпийский канал.",
            "Нёйса",
        ),
    ],
)
def test_a_verb_of_quoting_names_whom_it_quotes_not_the_outlet(text: str, source: str) -> None:
    (found,) = quotes(text)
    assert found[1] in ("цитирует", "процитировало")
    assert found[2] == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«С дороги не свернём»: КНДР заявила о продолжении ядерной программы, несмотря на "
            "санкции",
            [("С дороги не свернём", "заявила", "КНДР")],
        ),
        (
            "«Этого в наших планах не было»: в Пентагоне признали неспособность ПРО США "
            "противостоять новейшему российскому оружию",
            [("Этого в наших планах не было", "признали", "Пентагоне")],
        ),
        (
            "«Бой не будет лёгкой прогулкой»: чемпион мира по боксу Гассиев рассказал о "
            "подготовке к поединку с Влодарчиком",
            [("Бой не будет лёгкой прогулкой", "рассказал", "чемпион мира по боксу Гассиев")],
        ),
        # A question about what was said, not its report.
        (
            "«Чемпионская гонка в самом разгаре»: что говорили после победы «Спартака» над "
            "«Рубином» в РФПЛ",
            [],
        ),
    ],
)
def test_a_headline_quotation_reported_after_its_colon(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"Как будет вам угодно, ваше превосходительство", - с поклоном сказал швейцар и '
            "пошел за ключами.",
            "швейцар",
        ),
        (
            "«Президент не пойдёт на это», — подчеркнул он и добавил, что Порошенко попытается "
            "извлечь выгоду из сложившейся ситуации.",
            "он",
        ),
    ],
)
def test_the_next_verbs_conjunction_ends_the_source(text: str, source: str) -> None:
    assert quotes(text)[0][2] == source


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def _answers(text: str) -> list[tuple[str, str]]:
    """(source, first words of the answer) of each interview answer in `text`."""
    return [
        (text[s.source_start : s.source_stop], text[s.start : s.stop][:20])
        for s in speech.interviews(text, _paragraphs(text))
    ]


def test_a_label_on_a_line_of_its_own_owns_the_paragraphs_below() -> None:
    # RT's interview with Tomislav Nikolić: the interviewer's label opens her paragraph, his
    # stands alone above his answers
    text = (
        "Софико Шеварднадзе: Хочу вас приветствовать здесь. Кто бы мог признать такое "
        "террористическое государство?\n\nТомислав Николич:\n\nЧто бы Россия ни сделала, можно "
        "заранее сказать, кто и как будет реагировать.\n\nЛично я думаю, что российская "
        "операция помогла преломить ход глобальной войны.\n\nСофико Шеварднадзе:\n\nВозможен "
        "ли косовский сценарий в Сирии?"
    )
    assert _answers(text) == [
        ("Софико Шеварднадзе", "Хочу вас приветствов"),
        ("Томислав Николич", "Что бы Россия ни сде"),
        ("Томислав Николич", "Лично я думаю, что р"),
        ("Софико Шеварднадзе", "Возможен ли косовски"),
    ]


def test_a_surname_alone_on_its_line_is_a_label() -> None:
    text = (
        "— Насколько вы довольны тем, как сложился московский этап серии?\n\nКотов:\n\nДля "
        "меня заезд вышел неоднозначным. Стартовал с не очень хорошей позиции.\n\nПрядкина:"
        "\n\nЯ своей гонкой тоже не очень довольна.\n\nЭксперт:\n\nТак бывает."
    )
    assert [source for source, _ in _answers(text)] == ["Котов", "Прядкина", "Прядкина"]


def test_an_answer_does_not_go_on_into_captions_links_or_code() -> None:
    text = (
        "Т. Лоренцсон: Мы готовились к этому матчу весь сезон.\n\nТакже по теме\n\n"
        'jwplayer.key="kESrsgULvYO7r2MfUelqj3vs+2i8JdQBqjGNmA=="\n\nРИА Новости\n\n'
        "и команда это показала.\n\nИ. Петров: Согласен, так и было."
    )
    assert _answers(text) == [
        ("Т. Лоренцсон", "Мы готовились к этом"),
        ("Т. Лоренцсон", "и команда это показа"),
        ("И. Петров", "Согласен, так и было"),
    ]


def test_a_first_person_view_inside_a_quotation_is_a_quote_of_its_own() -> None:
    # A corpus quotation whose cue follows it: its first sentence reports the speaker's own
    # view ('Я думаю, что ...'), tagged as a quote, as the annotation convention does.
    text = (
        "«Я думаю, что рано или поздно за австралийцами последуют другие участники коалиции. "
        "Особенно речь о не принадлежащих к этому региону странах», — утверждает Киреев."
    )
    quotes = found(text)
    assert (
        "рано или поздно за австралийцами последуют другие участники коалиции",
        "думаю",
        "Я",
    ) in quotes
    assert any(cue == "утверждает" and source == "Киреев" for _c, cue, source in quotes)


@pytest.mark.parametrize(
    "text",
    [
        # a third person's words in someone's quotation are loosely worded, not reported
        "«Сначала он говорил, что Британия должна остаться в ЕС. Так что факты говорят сами "
        "за себя: он не выдерживает единой позиции по какому-либо вопросу», — заявил RT Гарри.",
        # supposed speech: a condition (tune2 sample) and the future
        "«Мы это обсуждали. Если лидеры ЕС думают, что можно шантажировать деньгами, то у "
        "Евросоюза печальные перспективы», — подчеркнула она.",
        "«Мы это обсуждали. Я напомню, что некрополь Фив существовал более тысячи лет», — "
        "сказал он.",
    ],
)
def test_other_speech_inside_a_quotation_stays_part_of_it(text: str) -> None:
    assert [cue for _c, cue, _s in found(text)] in (["заявил"], ["подчеркнула"], ["сказал"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an adverbial phrase and a gerund phrase between the subject and its verb
            "Однажды замечательный театральный критик Наталья Крымова, придирчиво читая мой "
            "текст, сказала: «Запомните на всю жизнь, многоточие – знак беспомощности».",
            (
                "Запомните на всю жизнь, многоточие – знак беспомощности",
                "сказала",
                "замечательный театральный критик Наталья Крымова",
            ),
        ),
        (  # an apposition with a quoted name in it
            "Прозаик Леонид Подольский, главный редактор альманаха «Золотое руно», сказал: «Это "
            "был самый замечательный, самый благожелательный, добрый и отзывчивый человек. И "
            "очень эрудированный».",
            (
                "Это был самый замечательный, самый благожелательный, добрый и отзывчивый "
                "человек. И очень эрудированный",
                "сказал",
                "Прозаик Леонид Подольский, главный редактор альманаха «Золотое руно»",
            ),
        ),
        (  # an apposition between dashes
            "Другой политик — депутат Верховной рады Игорь Мосийчук — заявил: «Сегодня в Анкаре "
            "прозвучал выстрел, который может изменить историю человечества. Это может стать "
            "Сараево-2».",
            (
                "Сегодня в Анкаре прозвучал выстрел, который может изменить историю человечества. "
                "Это может стать Сараево-2",
                "заявил",
                "Другой политик — депутат Верховной рады Игорь Мосийчук",
            ),
        ),
        (  # after the cue, past an aside that follows it
            "«За прошлый год мы достигли большего прогресса в Европейской оборонной политике, "
            "чем в течение последних 20 лет», — отметил, в свою очередь, председатель "
            "еврокомиссии Жан-Клод Юнкер.",
            (
                "За прошлый год мы достигли большего прогресса в Европейской оборонной политике, "
                "чем в течение последних 20 лет",
                "отметил",
                "председатель еврокомиссии Жан-Клод Юнкер",
            ),
        ),
    ],
)
def test_syntax_finds_the_subject_word_order_misses(
    text: str, expected: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert quotes(text) == [expected]
    # Without the parse (every token a root) the same quote is found, with no source.
    monkeypatch.setattr(
        sentence, "parse_syntax", lambda sentences: [[(-1, "root")] * len(s) for s in sentences]
    )
    assert quotes(text) == [(*expected[:2], None)]


def test_a_pronoun_subject_is_not_read_from_the_parse() -> None:
    text = "— Что обычно пишут: «Уступи ворота Реброву»? — Нет, обычно это слова поддержки."
    assert quotes(text) == [("Уступи ворота Реброву", "пишут", None)]


def lines_quotes(text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, source) of every quote of a text whose lines are its sentences, as the
    sentence splitter cuts a text at its line breaks."""
    spans, at = [], 0
    for line in text.split("\n"):
        if line:
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return [
        (
            text[s.start : s.stop],
            text[s.cue_start : s.cue_stop],
            None if s.source_start is None else text[s.source_start : s.source_stop],
        )
        for s in find_speech(text, spans, spans)
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (  # the cue alone on its line, the quotation's closing mark on the line before
            "«У меня серьёзные вопросы к господину Соросу. Его фонды и структуры финансируют в "
            "Румынии около 90 организаций, которые занимаются сомнительной политической "
            "деятельностью и организуют протесты», —\n\nзаявил\n\nДрагнеа.\n\nС такими же "
            "заявлениями выступали политики",
            "заявил",
            "Драгнеа",
        ),
        (
            "«Не думаю, что во всей истории человечества когда либо были вооружённые силы столь "
            "же действенные, умные, сильные и обеспеченные, как ВС США сейчас», —\n\nзаявил\n\n"
            "Кирби на брифинге Госдепа.",
            "заявил",
            "Кирби",
        ),
        (
            "Затем он «ввёл в заблуждение высокопоставленных представителей администрации по "
            "поводу характера его коммуникаций с послом России в США»,\n\nпишет\n\nThe "
            "Washington Post.",
            "пишет",
            "The Washington Post",
        ),
        (  # the cue at the end of the quotation's line
            "«RT открыто говорил об «администрации Трампа» до того, как республиканец набрал 270 "
            "голосов избирателей», — утверждает\n\nThe Daily Beast\n\nВпрочем, телезрители RT "
            "America в Калифорнии, Оклахоме, Пенсильвании",
            "утверждает",
            "The Daily Beast",
        ),
    ],
)
def test_a_source_cut_by_a_line_break_is_read_on_the_next_line(
    text: str, cue: str, source: str
) -> None:
    assert (cue, source) in [(found[1], found[2]) for found in lines_quotes(text)]


@pytest.mark.parametrize(
    ("text", "not_source"),
    [
        (  # the next line opens a sentence of its own, not with a name
            "«Цивилизованный мир не должен мириться с продолжающимся применением режимом Асада "
            "химического оружия», —\n\nговорится в заявлении\n\nРанее российские и сирийские "
            "представители предупреждали о готовящихся террористами провокациях.",
            "Ранее",
        ),
        (  # the cue line names the speaker: the outlet on the next line only quotes them
            "«Каждый президент вне зависимости от партии должен извлекать пользу из опыта и "
            "советов Государственного департамента по подобным вопросам», — приводит его слова"
            "\n\nThe Wall Street Journal\n\nКитай обеспокоен",
            "The",
        ),
    ],
)
def test_the_next_line_is_no_source_unless_it_opens_with_one(text: str, not_source: str) -> None:
    assert not any((found[2] or "").startswith(not_source) for found in lines_quotes(text))


def test_the_name_of_an_addressee_is_not_the_start_of_the_source() -> None:
    # 'каналу CNBC': the channel's name belongs to the occasion, not to the subject (tune4, n 125).
    text = (
        "В интервью американскому каналу CNBC глава правительства отметил, что этот газопровод "
        "является еще одним примером того, как к государствам относятся по-разному в похожих "
        "ситуациях."
    )
    ((_content, cue, source),) = quotes(text)
    assert (cue, source) == ("отметил", "глава правительства")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tune2 10, tune10 30, tune16 7: the guide's "Говорят, что" with no source.
        (
            "Говорят, что можно вырасти, получить более высокие должности, зарплаты.",
            ("можно вырасти, получить более высокие должности, зарплаты", "Говорят", None),
        ),
        # tune15 86: 'Мне' is the addressee, not the source.
        (
            "Мне говорили, что моим лучшим результатом может стать 10-е место.",
            ("моим лучшим результатом может стать 10-е место", "говорили", None),
        ),
    ],
)
def test_an_indefinite_personal_cue_reports_with_no_source(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Считаем, что это правильное решение.",  # a first person without its pronoun: a hedge
        "Потом скажут, что никто ничего не знал.",  # a future: supposed
        "Не говорят, что это правильное решение.",  # negated
        # A body before the cue that the rules do not read as a place: not a quote that hides
        # its source (1,000-article sample of q81).
        "Сразу после публикации вердикта CAS в МОК заявили, что не согласны с ним.",
        # A counted subject before the cue, a subject after it: not an indefinite cue.
        "Около 63% опрошенных посчитали, что Макрон в своих высказываниях был более убедителен.",
        "Это косвенно подтверждают и продавцы гастрономов: после каждого обесценивания "
        "белорусского рубля продажи спиртного действительно падают.",
        # A plural word before the cue that can be its subject: not an indefinite cue.
        "Спикеры команды (Алонсо, Баттон, Булье) выражали всегда оптимизм, что, мягко "
        "сказать, не соответствовало реальности.",
    ],
)
def test_a_subjectless_cue_that_is_no_indefinite_one_reports_nothing(text: str) -> None:
    assert quotes(text) == []


def test_a_cue_in_a_clause_of_condition_reports_nothing() -> None:
    # tune4, n 64: what she would think, not what she said.
    text = "«Если она считает, что ей что-то мешает и отрезает, то пусть делает так."
    assert quotes(text) == []
    # An aside inside the condition still reports what follows it.
    text = (
        "Если, как утверждают его непримиримые критики, цель Владимира Путина заключается в "
        "том, чтобы удерживать власть до бесконечности и при этом ничего существенно не менять, "
        "то лидеры «Единой России» могут спать спокойно."
    )
    assert [(cue, source) for _content, cue, source in quotes(text)] == [
        ("утверждают", "его непримиримые критики")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # tune4, n 36
            "Пресс-служба посольства России в США распространила заявление, в котором российская "
            "дипмиссия ответила на субботнее заявление госсекретаря Рекса Тиллерсона о том, что "
            "принятие очередного санкционного пакета конгрессом США говорит о желании Вашингтона "
            "наладить отношения с Россией.",
            (
                "принятие очередного санкционного пакета конгрессом США говорит о желании "
                "Вашингтона наладить отношения с Россией",
                "заявление",
                "госсекретаря Рекса Тиллерсона",
            ),
        ),
        (  # the noun before the sentence's verb: the clause ends at the next comma
            "Вопреки заявлениям Минобороны РФ о том, что он потерял руку и впал в кому, "
            "аль-Джулани до сей поры участвовал в общих собраниях группировки.",
            ("он потерял руку и впал в кому", "заявлениям", "Минобороны РФ"),
        ),
    ],
)
def test_a_noun_of_statement_with_its_speaker_and_clause(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # tune7, n 16: reports whose source is not said
            "Небольшое снижение цен на металл было вызвано сообщениями о том, что главный "
            "советник президента США Дональда Трампа Стивен Бэннон покинул свой пост.",
            (
                "главный советник президента США Дональда Трампа Стивен Бэннон покинул свой пост",
                "сообщениями",
                None,
            ),
        ),
        (  # tune6, n 20: ', что' right after the noun
            "Пока же в обществе преобладает, с одной стороны, утверждение, что в стране, согласно "
            "Конституции РФ, никакая идеология не может устанавливаться в качестве "
            "государственной или обязательной.",
            (
                "в стране, согласно Конституции РФ, никакая идеология не может устанавливаться в "
                "качестве государственной или обязательной",
                "утверждение",
                None,
            ),
        ),
        (  # whose statement the sentence does not say: the quote has no source
            "Получив такой мандат, Абэ твердо поддержал президента США Дональда Трампа в его "
            "воинственной риторике в адрес Северной Кореи, в том числе заявление о том, что в "
            "отношении этой страны у США «все опции на столе».",
            ("в отношении этой страны у США «все опции на столе»", "заявление", None),
        ),
    ],
)
def test_a_noun_of_statement_without_its_speaker_has_no_source(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


def test_a_noun_of_statement_after_its_cue_verb_is_not_the_cue() -> None:
    # The verb is the cue and its subject the source ('высказал мнение, что').
    text = (
        "Ведущий научный сотрудник научно-исследовательской лаборатории космических "
        "исследований РАН Натан Эйсмонт в беседе с RT высказал мнение, что сегодня исследования "
        "в космосе с участием животных более интересные."
    )
    assert [cue for _content, cue, _source in quotes(text)] == ["высказал"]


def test_an_abbreviation_inside_the_source_does_not_end_it() -> None:
    # tune6, n 18: the dot of 'им.' (an abbreviation to pymorphy2) ends no phrase.
    text = (
        "По словам генерального продюсера продюсерского центра Киностудии им. М. Горького Лики "
        "Бланк, Охлобыстин сделает образ отца главного героя ярким и ироничным."
    )
    ((content, cue, source),) = quotes(text)
    assert (cue, source) == (
        "По словам",
        "генерального продюсера продюсерского центра Киностудии им. М. Горького Лики Бланк",
    )
    assert content == "Охлобыстин сделает образ отца главного героя ярким и ироничным"


def test_a_description_that_opens_the_clause_is_the_subjects() -> None:
    # tune6, n 2: a role phrase, a comma, then the apposition with the name.
    text = (
        "Ранее заместитель главы комитета Госдумы по делам национальностей, депутат от "
        "Крымского региона Руслан Бальбек заявил, что сторонники меджлиса продолжают вести "
        "подрывную деятельность на полуострове, а их действия напрямую координирует Киев."
    )
    ((_content, cue, source),) = quotes(text)
    assert cue == "заявил"
    assert source == (
        "заместитель главы комитета Госдумы по делам национальностей, депутат от Крымского "
        "региона Руслан Бальбек"
    )


def test_a_clause_cut_from_its_cue_by_line_breaks() -> None:
    # tune6, n 42: a link's text taken out leaves the subject and cue on lines of their own
    # and ', что ...' on the next.
    text = (
        "В преддверии переговоров\n\nМоравецкий в интервью Die Welt заявил\n\n, что «Северный "
        "поток — 2» является «ненужным, вредным (проектом. —\n\nRT\n\n), который разделяет "
        "западную общественность»."
    )
    paragraphs = _paragraphs(text)
    ((cue, source),) = [
        (text[s.cue_start : s.cue_stop], text[s.source_start : s.source_stop])
        for s in find_speech(text, paragraphs, paragraphs)
    ]
    assert (cue, source) == ("заявил", "Моравецкий")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # tune5, n 8: the subject of a verb that holds the view
            "Кроме того, эксперты сходятся во мнении, что шаг Вашингтона навстречу Анкаре "
            "подстегнула недавняя встреча в Сочи, в которой приняли участие президенты России, "
            "Ирана и Турции.",
            (
                "шаг Вашингтона навстречу Анкаре подстегнула недавняя встреча в Сочи, в которой "
                "приняли участие президенты России, Ирана и Турции",
                "сходятся во мнении",
                "эксперты",
            ),
        ),
        (  # a corpus sentence: 'придерживаться мнения'
            "Большинство болельщиков придерживаются мнения, что россиянка если и сумеет пройти "
            "далеко по турнирной сетке, то за трофей уж точно не поборется.",
            (
                "россиянка если и сумеет пройти далеко по турнирной сетке, то за трофей уж точно "
                "не поборется",
                "придерживаются мнения",
                "Большинство болельщиков",
            ),
        ),
    ],
)
def test_the_subject_of_a_verb_that_holds_a_statement_is_its_source(
    text: str, expected: tuple
) -> None:
    assert quotes(text) == [expected]


def test_the_subject_of_a_verb_that_answers_a_statement_is_not_its_source() -> None:
    # A corpus sentence: the reports denied are not the denier's ('опровергнуть' answers).
    text = (
        "Минобороны России опровергло сообщения о том, что украинские силовики захватили "
        "якобы российского военнослужащего в Луганской области."
    )
    assert [source for _content, _cue, source in quotes(text)] == [None]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A document with what it is attached to ('к законопроекту'), after the content.
        (
            "Статистика по этим странам — от 88 до 45 единиц гражданского огнестрельного оружия "
            "на 100 человек, говорится в пояснительной записке к законопроекту.",
            "пояснительной записке к законопроекту",
        ),
        # A quoted name in apposition whose first reading is no nominative ('Безопасность').
        (
            "Генеральный директор международного консультативно-аналитического агентства "
            "«Безопасность полётов» Сергей Мельниченко полагает, что российской промышленности "
            "под силу выпускать более ста самолётов в год в заявленный Рогозиным срок.",
            "Генеральный директор международного консультативно-аналитического агентства "
            "«Безопасность полётов» Сергей Мельниченко",
        ),
        # Several descriptions, each set off by its comma, open the clause.
        (
            "Профессор МГУ, доктор политических наук, член Научного совета при Совете "
            "безопасности РФ Андрей Манойло считает, что гуманитарное разминирование — это всего "
            "лишь ширма, под которой военизированные проамериканские НКО, отобранные Госдепом, "
            "смогут осуществлять разведку.",
            "Профессор МГУ, доктор политических наук, член Научного совета при Совете "
            "безопасности РФ Андрей Манойло",
        ),
        # A relative clause between the subject and its cue.
        (
            "Один из мальчиков, который пережил захват города террористами, рассказал RT, что "
            "видел, как «солдат сирийской армии загоняли в клетки и опускали их в воду».",
            "Один из мальчиков",
        ),
        # A coordinated cue after a verb whose subject stands before an aside.
        (
            "Тегеран, со своей стороны, говорит о необходимости сохранить целостность Ирака и "
            "считает, что Вашингтон использует движение курдов за независимость в своих целях.",
            "Тегеран",
        ),
        # A first name read first as a common noun's genitive ('Ив': 'ива').
        (
            "Ив Маттон отказался комментировать эти сообщения, отметив, что команда готовится к "
            "следующему сезону.",
            "Ив Маттон",
        ),
    ],
)
def test_the_whole_subject_or_document(text: str, source: str) -> None:
    assert [s for _content, _cue, s in quotes(text)] == [source]


def test_a_relative_clause_before_a_conjunction_is_not_the_subjects() -> None:
    text = (
        "Выступая на экономическом форуме в Давосе в январе 2017 года, Си Цзиньпин раскритиковал "
        "протекционизм в экономике, к которому планирует прибегнуть Трамп, а также заверил "
        "собравшихся в том, что Пекин не намерен девальвировать национальную валюту ради "
        "повышения конкурентоспособности."
    )
    assert [s for _content, _cue, s in quotes(text)] == ["Си Цзиньпин"]


def test_an_aside_is_needed_to_look_past_a_verb_after_a_comma() -> None:
    # The verb before the cue follows a comma that closes no aside: its subject is not read
    # from the clause before ('ICO, токены' is a list, not a subject).
    text = (
        "Предположим, фермер хочет привлечь заёмные средства, выпускает так называемые ICO, "
        "токены, привлекает деньги с рынка, обменивает их потом, вкладывает в своё производство и "
        "говорит, что с теми, кто вложил в него криптоденьги, он рассчитается либо товаром, либо "
        "криптовалютными знаками."
    )
    assert [s for _content, _cue, s in quotes(text)] == ["фермер"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Three words before a comma and a dash are what was said ('Крайне вероятный вариант').
        (
            "Крайне вероятный вариант, — считает Виктор Надеин-Раевский.",
            ("считает", "Виктор Надеин-Раевский"),
        ),
        # An object that reads as a nominative too stands between the cue and the speaker.
        (
            "«Есть два уровня такой пропаганды, медийной войны, — объяснил RT мотивы западных "
            "медиа специалист Центра геополитических экспертиз Леонид Савин.",
            ("объяснил", "специалист Центра геополитических экспертиз Леонид Савин"),
        ),
    ],
)
def test_what_stands_between_the_cue_and_the_speaker(text: str, expected: tuple) -> None:
    assert [(cue, source) for _content, cue, source in quotes(text)] == [expected[-2:]]


def test_the_speaker_after_an_object_keeps_its_adjectives() -> None:
    text = (
        "«Twitter сам вышел к нам с этим предложением: не хотим ли мы под выборы сделать такую "
        "рекламу?» — прокомментировала данные главный редактор RT Маргарита Симоньян."
    )
    assert [s for _content, _cue, s in quotes(text)] == ["главный редактор RT Маргарита Симоньян"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A parenthetical cue after a short opening phrase: the opening is said too, as with
        # 'по словам X' (one span, the cue inside it), but not linking words.
        (
            "Такие действия Таллина, отметил он, не соответствуют интересам России, самой "
            "Эстонии и европейского сотрудничества.",
            (
                "Такие действия Таллина, отметил он, не соответствуют интересам России, самой "
                "Эстонии и европейского сотрудничества",
                "отметил",
                "он",
            ),
        ),
        (
            "При этом, добавляет эксперт, для того, чтобы решить проблему транспортировки "
            "населения, часто необязательно сохранять нерентабельный маршрут.",
            (
                "для того, чтобы решить проблему транспортировки населения, часто необязательно "
                "сохранять нерентабельный маршрут",
                "добавляет",
                "эксперт",
            ),
        ),
    ],
)
def test_a_parenthetical_cue_after_an_opening_phrase(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The neuter short passive participle of a cue verb: no subject, a document speaks.
        (
            "Ранее было сказано о том, что состав аэроэксперсса был выделен для свободного на "
            "линии до аэропорта.",
            (
                "состав аэроэксперсса был выделен для свободного на линии до аэропорта",
                "сказано",
                None,
            ),
        ),
        (
            "Этот штаб, как сказано в законопроекте, «является органом оперативного управления».",
            ("«является органом оперативного управления»", "сказано", "законопроекте"),
        ),
    ],
)
def test_a_neuter_passive_participle_is_an_impersonal_cue(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


def test_an_infinitive_is_no_cue() -> None:
    # What a verb of will or request governs is not reported (corpus sentences).
    assert (
        quotes(
            "Президент РФ призвал подумать о том, что уникальные характеристики Ту-160 могут "
            "лечь в основу проекта гражданского самолёта."
        )
        == []
    )
    assert quotes("Кто же рискнет сказать, что выборы в России нечестные?") == []
    # A participle after 'чем' does not end the clause as a coordinated cue would.
    text = (
        "В свою очередь, председатель Счетной палаты Сергей Степашин высказал мнение, что "
        "Олимпийские игры могут обойтись российским налогоплательщикам в 24 млрд. долл. – вдвое "
        "дороже, чем указано в первоначальной смете."
    )
    assert quotes(text)[0][0].endswith("чем указано в первоначальной смете")


def test_a_document_noun_is_no_aside() -> None:
    # The corpus shows 'сообщение' mostly as the document that speaks ('в сообщении
    # говорится'): 'по сообщению X' attributes information, as 'по данным X' does.
    assert "сообщение" in cue_nouns() and "сообщение" not in aside_nouns()
    assert {"слово", "мнение", "оценка"} <= aside_nouns()
    text = (
        "По сообщению агентства Reuters, снижение ценных бумаг составило от 1,8% до 3,2%, что "
        "и подтолкнуло индекс IBEX 35 вниз."
    )
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Role words with a genitive chain and a 'по' + dative complement whose nouns are joined
        # by 'и' (tune9): the whole phrase, not only the name.
        (
            "14 ноября глава комитета Совета Федерации РФ по обороне и безопасности Виктор "
            "Озеров рассказал, что Иран испытывает большой интерес к танкам Т-90, артиллерийским "
            "системам, самолётам и вертолётам.",
            "глава комитета Совета Федерации РФ по обороне и безопасности Виктор Озеров",
        ),
        # A Latin-script name with a lower-case word inside the role (tune9).
        (
            "Активист британской коалиции Stop the War Крис Найнхэм считает, что западные СМИ "
            "не желают освещать инциденты, неудобные для правительства США.",
            "Активист британской коалиции Stop the War Крис Найнхэм",
        ),
        # Two places joined by 'и' (tune9).
        (
            "Позже о неприятных последствиях сообщили в Европе и Южном полушарии: в некоторых "
            "городах были полностью нарушены подводные телеграфные кабели.",
            "Европе и Южном полушарии",
        ),
        # An apposition after the name, a parenthesis after it (tune).
        (
            "«Думаю, что цифровизация скорее может стать дополнительным аргументом в пользу "
            "повышения пенсионного возраста», – поясняет «НГ» Татьяна Омельчук, старший научный "
            "сотрудник Научно-исследовательского финансового института (учрежден Минфином).",
            "Татьяна Омельчук, старший научный сотрудник Научно-исследовательского финансового "
            "института",
        ),
        # A description in the genitive after a 'по мнению' name, set off by commas (tune9).
        (
            "По мнению Гвинет Тодд, экс-советника бывшего президента США Билла Клинтона, ударами "
            "по Сирии Трамп хотел отвлечь внимание от внутренних проблем.",
            "Гвинет Тодд, экс-советника бывшего президента США Билла Клинтона",
        ),
        # ... and one that ends with prepositional phrases of where (tune22).
        (
            "По мнению Станислава Позднякова, главы российской делегации на Олимпиаде в "
            "Пхёнчхане, атлетам удалось доказать, что спорт и политика не связаны друг с другом.",
            "Станислава Позднякова, главы российской делегации на Олимпиаде в Пхёнчхане",
        ),
        # An indeclinable role word heads the subject of an inverted cue (tune22).
        (
            "Два из них уже открылись после капремонта, остальные планируется открыть до конца "
            "декабря, сообщила врио министра культуры Дагестана Зарема Бутаева.",
            "врио министра культуры Дагестана Зарема Бутаева",
        ),
        (
            "Театры уже открылись после капремонта, сообщил врио губернатора Игорь Петров.",
            "врио губернатора Игорь Петров",
        ),
        # The subject after its verb, up to the colon before the quotation (tune9).
        (
            "23 февраля в интервью «СБ — Беларусь сегодня» на эту тему высказался министр "
            "обороны республики Андрей Равков: «Нагнетаемая в последнее время отдельными "
            "«экспертами» истерия по поводу якобы возможной оккупации Беларуси российскими "
            "войсками — не более чем попытка неких маргинальных структур получить политические "
            "дивиденды».",
            "министр обороны республики Андрей Равков",
        ),
        # A relative pronoun's antecedent, the nearest noun of its number, widened (tune11).
        (
            "До этого забастовку объявили также пилоты компании, которые сообщили, что "
            "недовольны условиями распределения по базам, начисления бонусов и представления "
            "отпусков.",
            "пилоты компании",
        ),
        # The head of the phrase before the comma is not the pronoun's antecedent: left as is.
        (
            "Таким образом польский премьер прокомментировала высказывание президента Франции "
            "Франсуа Олланда, который заявил, что члены ЕС распоряжаются средствами союза.",
            "который",
        ),
    ],
)
def test_the_source_is_the_whole_noun_phrase(text: str, source: str) -> None:
    assert [s for _content, _cue, s in quotes(text)] == [source]


def test_subjects_joined_by_and_are_no_second_place() -> None:
    # A corpus sentence (rt:russia_today_1:351): 'Уилсон' is a person, no place joined to
    # 'в начале июня'; the plural verb takes both names joined by 'и'.
    text = (
        "В начале июня 2017 года Голдфин и Уилсон также говорили о том, что космос становится "
        "ареной боевых действий."
    )
    assert [s for _content, _cue, s in quotes(text)] == ["Голдфин и Уилсон"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # tune3, n 187: two subjects, each a role and a name, joined by 'и'.
        (
            "Начальник штаба ВВС США Дэвид Голдфин и министр ВВС Хезер Уилсон считают, что "
            "космос превращается в пространство для проведения военных операций.",
            "Начальник штаба ВВС США Дэвид Голдфин и министр ВВС Хезер Уилсон",
        ),
        # A clause joined by ', и' is no second subject.
        (
            "Санкции против России продлены, и эксперты считают, что они сохранятся надолго.",
            "эксперты",
        ),
        # A genitive before 'и' belongs to the phrase before: no conjunct of the subject.
        (
            "Президент Франции и канцлер Германии Ангела Меркель заявили, что не согласны.",
            "канцлер Германии Ангела Меркель",
        ),
    ],
)
def test_a_plural_cue_takes_the_subjects_joined_before_it(text: str, source: str) -> None:
    assert [s for _content, _cue, s in quotes(text)] == [source]


def test_a_noun_a_relative_clause_describes_is_no_apposition() -> None:
    # A corpus sentence (rt:russia_today_5:586): 'критика' is the criticism the clause
    # describes, not a critic apposed to 'политолога'.
    text = (
        "По мнению политолога, критика, с которой в последнее время столкнулся RT, обусловлена "
        "лишь тем, что телеканал имеет собственную позицию, не совпадающую со взглядами "
        "других мировых СМИ."
    )
    assert [s for _content, _cue, s in quotes(text)] == ["политолога"]


def test_a_seed_of_speech_needs_frames_not_their_share() -> None:
    # 'высказаться' mostly names a topic ('высказался за ...'), but it is a seed of the
    # dictionary lexicon: its frames make it a cue; a homonym the glosses brought in is not one.
    assert {"высказаться", "высказываться"} <= cue_verbs()
    text = (
        "«Когда России не нравятся факты, она пытается увести дискуссию в сторону», — "
        "высказалась Хейли."
    )
    assert quotes(text) == [
        (
            "Когда России не нравятся факты, она пытается увести дискуссию в сторону",
            "высказалась",
            "Хейли",
        )
    ]


def test_an_outlet_in_quotation_marks_before_the_words_it_relays() -> None:
    text = (
        "«Зайти, зачистку провести, пройтись по городу, потом в ресторане посидеть на берегу "
        "реки…» — приводит «Апостроф» слова Яроша."
    )
    ((content, cue, source),) = quotes(text)
    assert content.startswith("Зайти, зачистку провести") and content.endswith("берегу реки…")
    assert (cue, source) == ("приводит «Апостроф» слова", "Яроша")


def test_an_adverb_of_place_speaks_for_the_body_it_refers_to() -> None:
    text = (
        "RT сделал запрос в пресс-службу «Севильи», чтобы прояснить возникшую ситуацию, и там "
        "сообщили, что пока не определились, как поступать с российскими болельщиками."
    )
    assert quotes(text) == [
        (
            "пока не определились, как поступать с российскими болельщиками",
            "сообщили",
            "там",
        )
    ]
    # Without the adverb a coordinated cue keeps the subject of the verb before it.
    text = (
        "Мы направили им ноту протеста и указали, что у Израиля есть разведывательное окно в "
        "Азербайджане."
    )
    assert [source for _content, _cue, source in quotes(text)] == ["Мы"]


def test_verbs_of_asking_and_answering_are_cues() -> None:
    # The frame of questions (bench/cue_lexicon.py): 'спросить' stands after '?» —' and
    # before ', почему', 'отвечать' after a line of dialogue's '? —'; 'спрашивать' stands
    # there too rarely to pass.
    assert {"спросить", "отвечать"} <= cue_verbs()
    assert quotes("«Почему вы следуете за мной?» – устало спросил Муссолини.") == [
        ("Почему вы следуете за мной?", "спросил", "Муссолини")
    ]
    text = "«Того, о чем мы пишем, не существует», – отвечает ему приятель Бродский."
    assert quotes(text) == [
        ("Того, о чем мы пишем, не существует", "отвечает", "приятель Бродский")
    ]


def test_the_question_answered_is_not_the_source_nor_the_answer() -> None:
    # 'на вопрос ...' after the answer's speaker ends the source.
    text = "«Очень понравилось, — отвечает он на вопрос RT о своих впечатлениях от картины."
    assert [q[1:] for q in quotes(text)] == [("отвечает", "он")]
    # The clause after 'отвечая на вопрос о том, что' is the question's, not an answer.
    text = (
        "«Это ключевой вопрос», — сказал Столтенберг, отвечая на вопрос о том, что "
        "предпринимает альянс."
    )
    assert quotes(text) == [("Это ключевой вопрос", "сказал", "Столтенберг")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adverbs between 'как' and its cue
        (
            "Причем, как ранее поясняли украинские чиновники, речь идет о поставках газа.",
            ("речь идет о поставках газа", "поясняли", "украинские чиновники"),
        ),
        # the speaker between 'как' and its cue, a setting after it
        (
            "Как он говорил в начале марта, «мы категорически против».",
            ("«мы категорически против»", "говорил", "он"),
        ),
        # a quoted object of the occasion between the cue and the speaker
        (
            "Однако, как отметил в разговоре с «Коммерсантом» представитель агентства Argus Media "
            "Вячеслав Мищенко, это далеко не первый случай.",
            (
                "это далеко не первый случай",
                "отметил",
                "представитель агентства Argus Media Вячеслав Мищенко",
            ),
        ),
        (
            "К тому же, как отметил генерал-полковник Федор Ладыгин, эта структура этим не "
            "занималась.",
            ("эта структура этим не занималась", "отметил", "генерал-полковник Федор Ладыгин"),
        ),
    ],
)
def test_an_aside_with_as_before_its_cue(text: str, expected: tuple) -> None:
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Так, как он сказал, и было.",  # a comparison
        "После того, как министр заявил об этом, рынок упал.",  # a clause of time
        "Как мы уже сообщали, рынок упал.",  # the writer's own back-reference
    ],
)
def test_as_that_compares_or_refers_back_reports_nothing(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A comma, a conjunction and a verb in the cue's tense, number and gender: a second
        # predicate of the speaker, not of the clause said.
        (
            "После публикации Тарантино заявил, что шокирован признаниями актрис, и попросил "
            "журналистов дать ему несколько дней.",
            "шокирован признаниями актрис",
        ),
        (
            "Экс-комментатор отметил, что команда способна дать бой чемпиону, отказался "
            "признавать защитника топовым, а также призвал не хвалить раньше времени форварда.",
            "команда способна дать бой чемпиону",
        ),
        # A verb that does not agree with the cue is the clause's own.
        (
            "Министр заявил, что компания выплатила долги, и получила новый кредит.",
            "компания выплатила долги, и получила новый кредит",
        ),
        # A clause opened inside the clause said ('если', 'когда') keeps its comma.
        (
            "Он сказал, что если бы знал об этом, не поехал бы туда вообще.",
            "если бы знал об этом, не поехал бы туда вообще",
        ),
    ],
)
def test_the_clause_said_ends_before_another_predicate_of_the_speaker(
    text: str, content: str
) -> None:
    assert [q[0] for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # One '»' closes both the quotation and a quoted name or phrase at its end.
        (
            "«Этот негатив в турецкой политике стал причиной столь скромного результата "
            "«Астаны-5», — сказал Джаафари.",
            "Этот негатив в турецкой политике стал причиной столь скромного результата «Астаны-5",
        ),
        (
            "«Это наша обязанность перед поколениями, которые основатели Организации "
            "стремились «навсегда избавить от ужасов войны», — процитировал российский "
            "представитель Устав ООН.",
            "Это наша обязанность перед поколениями, которые основатели Организации "
            "стремились «навсегда избавить от ужасов войны",
        ),
        # Without an unmatched '«' before it, the quotation is the one the '»' closes.
        (
            "Лидер партии назвал новый закон «шагом назад», — сообщил его помощник.",
            "шагом назад",
        ),
    ],
)
def test_one_closing_mark_closes_a_quotation_and_a_name_inside_it(text: str, content: str) -> None:
    assert [q[0] for q in quotes(text)] == [content]


def test_a_role_runs_over_a_chain_of_prepositional_phrases() -> None:
    # 'делегации на переговорах по ВТО': the second phrase hangs on the first one's noun.
    text = (
        "Руководитель российской делегации на переговорах по ВТО Максим Медведков в апреле "
        "2004 года заявил, что вступление могло состояться в 1997 году."
    )
    assert quotes(text) == [
        (
            "вступление могло состояться в 1997 году",
            "заявил",
            "Руководитель российской делегации на переговорах по ВТО Максим Медведков",
        )
    ]


def test_a_gerund_cue_after_a_comma_ends_the_clause_before_it() -> None:
    # '..., отметив, что ...': the gerund's subject is the sentence's; its clause is a quote.
    text = "Министр заявил, что переговоры продолжатся, отметив, что стороны близки к соглашению."
    assert quotes(text) == [
        ("переговоры продолжатся", "заявил", "Министр"),
        ("стороны близки к соглашению", "отметив", "Министр"),
    ]
