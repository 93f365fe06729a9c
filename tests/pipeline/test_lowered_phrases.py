"""An organisation's span that is a common phrase capitalised only by its position is no name
(`lowered_phrases`): the corpus writes it in lower case inside sentences."""

from __future__ import annotations

import pyarrow as pa

from pipeline.stages.entities.lowered_phrases import (
    LoweredPhrases,
    candidate_phrases,
    lowered_phrases,
    phrase,
)

#: Sentences of the corpus that write 'британский суд' inside a sentence, in three articles.
_BRITISH_COURT_LOWER = (
    "В мае 2012 года он попросил там убежища после того, как британский суд принял решение "
    "экстрадировать его в Швецию.",
    "Павел Карпов подтвердил, что его заочно арестовал британский суд.",
    "Долг до Лондона доведёт: обяжет ли британский суд Украину вернуть России $3 млрд",
)
_BRITISH_COURT = (
    "Россия обратилась с иском в Высокий суд Лондона по взысканию долга.\n"
    "Британский суд обязал Украину выплатить России $3 млрд."
)
#: 'Государственная дума' is capitalised inside sentences, as a name is.
_DUMA = (
    "В декабре 2017 года Государственная дума в третьем чтении приняла закон.",
    "Верховная рада ратифицировала соглашение в январе 1998 года, а Государственная дума — в "
    "декабре того же года.",
    "На неправомерности свершившегося настаивал и Горбачёв, и Государственная дума в 1996 году.",
)


def _raw(text: str, surface: str) -> pa.Table:
    return pa.table(
        {
            "article_id": ["a"],
            "start": pa.array([text.index(surface)], pa.int32()),
            "surface": [surface],
            "type": ["ORG"],
        }
    )


def _counted(texts: tuple[str, ...], *surfaces: str) -> LoweredPhrases:
    phrases = LoweredPhrases(candidate_phrases(surfaces))
    phrases.add(texts)
    return phrases


def test_a_phrase_is_its_words_as_a_sentence_writes_them() -> None:
    assert phrase("Британский суд") == ("британский", "суд")
    assert phrase("Тренерский штаб") == ("тренерский", "штаб")


def test_a_capital_after_the_first_word_may_make_a_name() -> None:
    # 'армия обороны Израиля' is the IDF, however the corpus writes its first word
    assert phrase("Армия обороны Израиля") is None
    assert phrase("Совет Федерации") is None
    assert phrase("ООН") is None


def test_a_phrase_written_in_lower_case_inside_sentences_is_common() -> None:
    phrases = _counted((*_BRITISH_COURT_LOWER, _BRITISH_COURT), "Британский суд")
    assert phrases.lower[("британский", "суд")] == 3
    assert phrases.capital[("британский", "суд")] == 0  # the capital opens a sentence
    assert "Британский суд" in phrases.common()
    found = lowered_phrases(
        _raw(_BRITISH_COURT, "Британский суд"), {"a": _BRITISH_COURT}, phrases.common()
    )
    assert found.to_pylist() == [True]


def test_a_name_capitalised_inside_sentences_stays() -> None:
    lower = "Депутаты обсудили, как государственная дума работала в 1906 году."
    phrases = _counted((*_DUMA, lower), "Государственная дума")
    assert phrases.capital[("государственная", "дума")] == 3
    assert phrases.common() == frozenset()


def test_a_phrase_inside_a_sentence_keeps_its_capital() -> None:
    text = "Павел Карпов подтвердил, что его заочно арестовал Британский суд."
    common = frozenset({"Британский суд"})
    assert lowered_phrases(_raw(text, "Британский суд"), {"a": text}, common).to_pylist() == [False]


def test_words_apart_are_no_phrase() -> None:
    # a comma between the words: not the phrase
    phrases = _counted(("Это британский, суд же решил иначе.",), "Британский суд")
    assert phrases.lower[("британский", "суд")] == 0
