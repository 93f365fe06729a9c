"""Normal forms of organisations and media: abbreviations keep their capitals, names that do not
decline stay, the corpus chooses between the nominatives one article cannot tell apart
('Известия' or 'Известие', 'Амкар' or 'Амкара'), and media take the name media.tsv spells."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.harness import entity_tables
from pipeline.nlp.ner import split_abbreviation
from pipeline.nlp.normalize import other_readings, phrase
from pipeline.stages.entities.organisations import organisation_names


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("МИДа России", "МИД России"),  # an abbreviation loses its case ending
        ("ЦИКом", "ЦИК"),
        ("КамАЗа", "КамАЗ"),
        ("РАНХиГС", "РАНХиГС"),  # and keeps its capitals
        ("СПбГУ", "СПбГУ"),
        ("ВКонтакте", "ВКонтакте"),
        ("РБК-Украины", "РБК-Украина"),
        ("МегаФона", "МегаФон"),
        ("Тоттенхэм", "Тоттенхэм"),  # no ending: not the genitive plural of 'Тоттенхэма'
        ("Эр-Рияд", "Эр-Рияд"),
        ("Кассини", "Кассини"),  # -и after н does not decline
        ("Марибором", "Марибор"),  # but a case ending does
        ("Белоруснефти", "Белоруснефть"),  # and so does a compound's known last word
        ("Высшего межгосударственного совета", "Высший межгосударственный совет"),
        ("Адмирала Горшкова", "Адмирал Горшков"),  # a ship: a name after a title agrees
        ("Мавзолея Ленина", "Мавзолей Ленина"),  # a genitive after a thing stays
    ],
)
def test_phrase_keeps_abbreviations_and_foreign_names(surface: str, name: str) -> None:
    assert phrase(surface) == name


def test_other_readings_offer_what_one_article_cannot_tell() -> None:
    assert "Известия" in other_readings("Известия")  # phrase reads 'Известие'
    assert "Вести" in other_readings("Вести")
    assert "Амкар" in other_readings("Амкара")  # phrase keeps 'Амкара', a name in -а
    assert "Казань Арена" in other_readings("Казань Арене")
    assert "Джабхат ан-Нусра" in other_readings("Джабхат ан-Нусры")
    assert other_readings("ГАЗа") == ()  # the abbreviation 'ГАЗ', not the city 'Газа'


def test_the_corpus_chooses_the_nominative_it_writes() -> None:
    written = {
        # (type, surface, the article's normal form): mentions
        ("ORG", "Известия", "Известие"): 30,
        ("ORG", "Известий", "Известия"): 8,
        ("ORG", "Известиям", "Известия"): 5,
        ("ORG", "Амкара", "Амкара"): 60,
        ("ORG", "Амкаром", "Амкаром"): 30,
        ("ORG", "Амкар", "Амкар"): 70,
        ("ORG", "Казань Арене", "Казань Арене"): 6,
        ("ORG", "Казань Арена", "Казань Арена"): 11,
        ("ORG", "Нафтогаза Украины", "Нафтогаз Украины"): 18,
        ("ORG", "Нафтогаз Украины", "Нафтогаз Украины"): 24,
        ("ORG", "Нафтогаз Украина", "Нафтогаз Украина"): 1,  # a slip of the pen
        ("ORG", "Министерства энергетики Сербии", "Министерство энергетики Сербии"): 1,
        ("LOC", "Ростов", "Ростов"): 13,
        ("ORG", "Ростова", "Ростова"): 138,  # 'Ростова' is also a woman's surname
        ("ORG", "Ростов", "Ростов"): 165,
    }
    renamed = organisation_names(written)
    assert renamed["Известия"] == "Известия"  # only the plural explains 'Известий'
    assert renamed["Амкара"] == renamed["Амкаром"] == "Амкар"
    assert renamed["Казань Арене"] == "Казань Арена"
    assert renamed["Ростова"] == "Ростов"
    # Nothing to change: the normaliser's reading stands when the corpus does not outvote it.
    for kept in ("Нафтогаза Украины", "Нафтогаз Украины", "Министерства энергетики Сербии"):
        assert kept not in renamed, kept
    assert "Казань Арена" not in renamed  # not the genitive plural of 'Арена'


@pytest.mark.parametrize(
    ("span", "parts"),
    [
        ("ИГ, ИГИЛ", ["ИГ", "ИГИЛ"]),
        ("World Food Programme, WFP", ["World Food Programme", "WFP"]),
        ("Вперед, Италия", ["Вперед, Италия"]),
        ("BGR Government Affairs, LLC", ["BGR Government Affairs, LLC"]),
    ],
)
def test_a_name_and_an_abbreviation_glued_at_a_comma_are_two(span: str, parts: list) -> None:
    assert [span[a:b] for a, b, _k in split_abbreviation(span, 0, len(span), "ORG")] == parts


@pytest.fixture(scope="module")
def normals() -> dict[tuple[str, str], set[str]]:
    """(article, surface) -> the normal forms of a made-up corpus's mentions."""
    texts = [
        "Полузащитник «Амкара» Иван Петров забил гол. Пермский «Амкар» выиграл у «Спартака».",
        "Главный тренер «Амкара» Гаджи Гаджиев покинул клуб после поражения «Амкара» в Сочи.",
        "Как пишет газета «Ведомости», сделка сорвалась. По данным «Ведомостей», компания "
        "потеряла деньги.",
        "Об этом пишут «Известия». По информации «Известий», министр подал в отставку.",
        "Ранее «Вести» сообщили о взрыве. Корреспондент «Вестей» побывал на месте.",
        "«Исламское государство» (ИГ, ИГИЛ) — террористическая организация, запрещенная в России.",
        "Мэр Москвы Сергей Собянин сказал в эфире «России 1», что вакцинация продолжится.",
        "Боевики «Джабхат ан-Нусры» обстреляли город. «Джабхат ан-Нусра» запрещена в России.",
        "Представитель МИДа России заявил об этом в интервью, а эксперт РАНХиГС не согласился.",
        "Министерства энергетики Сербии и Венгрии подписали соглашение.",
    ]
    articles = pa.table({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    found: dict[tuple[str, str], set[str]] = {}
    for m in entity_tables(articles)["mentions"].to_pylist():
        found.setdefault((m["article_id"], m["surface"]), set()).add(m["normal"])
    return found


@pytest.mark.parametrize(
    ("article", "surface", "normal"),
    [
        ("a0", "Амкара", "Амкар"),  # the corpus writes 'Амкар'
        ("a1", "Амкара", "Амкар"),
        ("a2", "Ведомости", "Ведомости"),  # a plural title, as media.tsv spells it
        ("a2", "Ведомостей", "Ведомости"),
        ("a3", "Известия", "Известия"),
        ("a4", "Вести", "Вести"),
        ("a4", "Вестей", "Вести"),
        ("a5", "ИГ", "ИГ"),  # two names, not 'ИГ, ИГИЛ'
        ("a5", "ИГИЛ", "ИГИЛ"),
        ("a6", "России", "Россия 1"),  # the channel, with the number NER left out
        ("a7", "Джабхат ан-Нусры", "Джабхат ан-Нусра"),
        ("a8", "МИДа России", "МИД России"),
        ("a8", "РАНХиГС", "РАНХиГС"),
        ("a9", "Министерства энергетики Сербии", "Министерство энергетики Сербии"),
    ],
)
def test_mentions_are_named_in_the_nominative(
    normals: dict, article: str, surface: str, normal: str
) -> None:
    assert normals[article, surface] == {normal}
