"""A person's one word that is a common word of its text is no person (`common_words`)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from pipeline.nlp.models import plain_hyphens
from pipeline.stages.entities.common_words import common_words, name_words


def _raw(text: str, surface: str) -> pa.Table:
    start = text.index(surface)
    return pa.table(
        {
            "article_id": ["a"],
            "start": pa.array([start], pa.int32()),
            "surface": [surface],
            "type": ["PER"],
        }
    )


def _common(text: str, surface: str, names: tuple[str, ...] = ()) -> bool:
    text = plain_hyphens(text)
    return common_words(_raw(text, surface), {"a": text}, name_words(names))[0].as_py()


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the article writes the word in lower case too
        (
            "Тем, кто хочет искусственным образом нарастить мышцы, кломифен помогает усилить "
            "эффект от употребления эритропоэтина. Первый допинг-тест не выявил в организме "
            "спортсменки никаких запрещённых препаратов. Кломифен был обнаружен только во "
            "второй раз.",
            "Кломифен",
        ),
        # a compound of common words opening a sentence
        (
            "Сами военные остались недовольны новым символом. Волк-оборотень никогда не "
            "использовался в качестве символа.",
            "Волк-оборотень",
        ),
        (
            "Первый мяч Икарди получился абсолютно логичным. Сине-чёрные весь первый тайм "
            "владели инициативой.",
            "Сине-чёрные",
        ),
    ],
)
def test_a_common_word_is_no_person(text: str, surface: str) -> None:
    assert _common(text, surface)


@pytest.mark.parametrize(
    ("text", "surface", "names"),
    [
        # a surname that is also a noun, inside its sentence after an abbreviation
        (
            "Канадцы обыграли поймавшего кураж ещё в полуфинале против США Прайса.",
            "Прайса",
            (),
        ),
        # opening a sentence, but a name the corpus writes in a full name
        ("Здесь пока есть пробел. У Коляды, наоборот, всё в порядке.", "Коляды", ()),
        (
            "UFC (чемпионом этой организации Мир стал в 2004 году) и Pride: чемпионы мира.",
            "Мир",
            ("Фрэнк Мир",),
        ),
        # a first name the dictionary knows, opening a sentence
        ("Любовь Соболь пришла в суд. Любовь заявила, что обжалует решение.", "Любовь", ()),
    ],
)
def test_a_name_stays_a_person(text: str, surface: str, names: tuple[str, ...]) -> None:
    assert not _common(text, surface, names)
