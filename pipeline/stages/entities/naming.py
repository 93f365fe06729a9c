"""A person's mention as its entity names it: the words NER glued before the name left out
('Асадом Путин' of Владимир Путин is 'Путин'), and a word the normaliser left in an oblique case
in the person's nominative ('Барака Обама' of Барак Обама is 'Барак Обама'). Other spellings
stay as written ('Пётр Порошенко')."""

from __future__ import annotations

from functools import lru_cache, partial

from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.stages.entities.people import (
    first_stem,
    given_name_gender,
    is_initial,
    place_or_body,
    sound,
)


def unglued(name: str, person: str) -> str:
    """A name of `person` (its entity's name) without the words glued in front of it
    ('Асадом Путин' of 'Владимир Путин' is 'Путин'; 'Кеннеди Линдон Джонсон' of 'Линдон
    Джонсон' is 'Линдон Джонсон'): the leading words that are not the person's, not an
    initial, and are words the dictionary knows but not as a first name in the nominative
    ('Грэм Фуллер' keeps 'Грэм' and 'Кейн Веласкес' 'Кейн', whoever they were joined to).
    Before the surname of a person known by it alone, or before a first name alone, only
    places and bodies are glued ('России Медведев', 'Руси Кирилл')."""
    words, own = name.split(), person.split(" (", 1)[0].split()
    if len(words) < 2 or not own:
        return name
    same_last = sound(words[-1]) == sound(own[-1])
    if same_last and len(own) > 1:
        glued = partial(_glued_word, stems={first_stem(w) for w in own[:-1]})
    elif same_last or first_stem(words[-1]) == first_stem(own[0]):
        glued = place_or_body
    else:
        return name
    start = 0
    while start < len(words) - 1 and glued(words[start]):
        start += 1
    return " ".join(words[start:])


def as_named(name: str, person: str) -> str:
    """A mention's name as its person (its entity's name) writes it: without the words glued
    before it (`unglued`), and each word that is an oblique case of the person's word in that
    word's nominative ('Барака Обама' of 'Барак Обама' is 'Барак Обама'; 'Габриэле
    Пападакис' of 'Габриэла Пападакис' is hers); other spellings stay as written ('Пётр')."""
    own = person.split(" (", 1)[0].split()
    words = unglued(name, person).split()
    if len(own) < 2:
        return " ".join(words)
    return " ".join(next((o for o in own if _declined(w, o)), w) for w in words)


_OBLIQUE = {"": ("а", "у", "ом", "е"), "а": ("ы", "и", "е", "у", "ой"), "я": ("и", "е", "ю", "ей")}
_OBLIQUE |= {"й": ("я", "ю", "ем", "е"), "ь": ("я", "ю", "ем", "е")}


def _declined(word: str, nominative: str) -> bool:
    """Whether `word` is an oblique case of the name `nominative` ('Барака' of 'Барак',
    'Ангеле' of 'Ангела', 'Мацея' of 'Мацей'), not a first name in the nominative itself."""
    end = nominative[-1:] if nominative[-1:] in _OBLIQUE else ""
    stem = nominative[: len(nominative) - len(end)]
    if word == nominative or not word.startswith(stem) or word[len(stem) :] not in _OBLIQUE[end]:
        return False
    if _nominative_first_name(word):
        return False  # 'Каролина' is no genitive of 'Каролин'
    # a genitive in -а/-я, or a form of a name in -ь, only of a first name the dictionary
    # knows ('Барака', 'Игоря'; not 'Махатма' of 'Махатм', 'Жене' of 'Жень')
    guessed = word.endswith(("а", "я")) or nominative.endswith("ь")
    return not guessed or _nominative_first_name(nominative)


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_first_name(word: str) -> bool:
    """Whether the dictionary knows `word` as a declining first name in the nominative."""
    return any(
        {"Name", "nomn"} <= p.tag.grammemes and "Fixd" not in p.tag.grammemes
        for p in morph()(word.lower())
    )


def _glued_word(word: str, stems: set[str]) -> bool:
    if first_stem(word) in stems or is_initial(word) or given_name_gender(word):
        return False
    return any(p.is_known for p in morph()(word.lower()))
