"""Country adjectives that name no country (pipeline.nlp.adjective_uses, country_terms.tsv), on
sentences of the news corpus: each expected reason was read in the sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp.adjective_uses import not_country
from pipeline.nlp.gazetteer import adjectives


def uses(text: str) -> list[tuple[str, str | None]]:
    """(word, why it names no country or None) of each country adjective or demonym."""
    return [
        (text[start:stop], not_country(text, start, stop, country))
        for start, stop, country in adjectives(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a language noun after the adjective
            "Все приказы и распоряжения командования «войск ООН» и нижестоящих штабов "
            "издавались на английском языке, что приводило к существенным задержкам при их "
            "переводе на национальные языки членов ооновской коалиции.",
            [("английском", "language")],
        ),
        (  # coordinated adjectives share the language noun, in the plural
            "Сочи-2014» на русском и английском языках.",
            [("английском", "language")],
        ),
        (  # languages without a noun, after 'с' and coordinated with the first
            "Многие знавшие его констатировали, что он отличался широкой начитанностью, "
            "выступал в печати как переводчик с латинского (сочинения Фомы Кемпийского, "
            "Августина Блаженного), английского (переводил работы Гладстона, Спенсера, "
            "Карлейля, Эмерсона), а также с французского, немецкого и чешского.",
            [
                ("английского", "language"),
                ("французского", "language"),
                ("немецкого", "language"),
                ("чешского", "language"),
            ],
        ),
        (  # a manner may be the country's: 'Помощь по-американски'
            "А я говорю по-английски со словарем.",
            [("английски", None)],
        ),
        (  # the noun is elided: the second adjective repeats the first one's
            "Участники диктанта смогут пройти тест как на русском языке, так и на английском, "
            "китайском, португальском, арабском или испанском.",
            [
                ("английском", "language"),
                ("китайском", "language"),
                ("португальском", "language"),
                ("испанском", "language"),
            ],
        ),
        (  # a dish named after a country
            "Судя по фотографии лота на сайте аукционного дома, на борту легендарного судна "
            'подавались консоме "Ренессанс", крем-суп из спаржи, лосось под голландским '
            "соусом, молодая рыба.",
            [("голландским", "term")],
        ),
        (
            "Весь её сезон напоминает американские горки — невзрачное начало, успехи на этапах "
            "Гран-при, а в финале новый провал.",
            [("американские", "term")],
        ),
        (  # a community of a people in another state
            "По словам Гайича, противоречия внутри самой албанской общины Косова служат "
            "питательной средой для радикализма.",
            [("албанской", "abroad")],
        ),
        (  # a people of a region of another state
            "Вопрос о депортации полудюжины малых народов и народностей (чеченцы, ингуши, "
            "балкарцы, немцы Поволжья) в период Великой Отечественной войны.",
            [("немцы", "abroad")],
        ),
        (  # the state after a demonym is the object of the noun before it
            "Саудовская Аравия является крупнейшим держателем американских ценных бумаг в "
            "результате сделки, заключённой с Вашингтоном в 1970-х годах, когда в ответ на "
            "поддержку американцами Израиля страны ОПЕК обложили санкциями поставки "
            "углеводородов на американский рынок.",
            [
                ("Саудовская", None),  # a name, which the stage reads as one
                ("американских", None),
                ("американцами", None),
                ("американский", None),
            ],
        ),
        (  # a name after a demonym is a person's, not a place
            "Вдохновляет ли вас пример итальянки Каролины Костнер, которая на протяжении долгих "
            "лет держится в элите фигурного катания?",
            [("итальянки", None)],
        ),
        (
            "Главным образом беспокойство американской стороны вызывает северокорейская "
            "ракетно-ядерная программа.",
            [("американской", None), ("северокорейская", None)],
        ),
    ],
)
def test_adjectives_that_name_no_country(text: str, expected: list) -> None:
    assert uses(text) == expected
