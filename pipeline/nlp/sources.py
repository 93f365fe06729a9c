"""What the words of a quote's source say about who speaks, read by morphology (pymorphy2):
where it was said rather than who ('в интервью Стоуну', 'в беседе с RT'), and what kind of
speaker the rest describes: a pronoun ('он', 'она'), a relative pronoun ('который'), one person
by a noun ('эксперт', 'бывший глава Минфина'), or a group ('эксперты', 'сотрудники МОК').

The cue verb agrees with its subject, so its number and gender say the same: 'добавила' is one
woman, 'отметили' several people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.nlp.models import CACHE_SIZE, morph

#: Nouns of the occasion on which something was said: 'в интервью X', 'в беседе с X', 'в
#: эфире X', 'на пресс-конференции'. The words after them name the addressee or the medium.
OCCASIONS = frozenset(
    [
        "интервью",
        "беседа",
        "разговор",
        "эфир",
        "комментарий",
        "встреча",
        "общение",
        "программа",
        "передача",
        "колонка",
        "статья",
        "блог",
        "микроблог",
        "аккаунт",
        "страница",
        "брифинг",
        "пресс-конференция",
        "выступление",
        "обращение",
        "письмо",
        "эфир",
    ]
)
#: Nouns of a person who speaks for an organisation: the organisation is the speaker when the
#: source names no person ('представитель Госдепа', 'пресс-секретарь Кремля').
SPOKES = frozenset({"представитель", "пресс-секретарь", "спикер", "официальный"})
_PREPOSITIONS = frozenset({"в", "во", "на", "с", "со", "для"})
_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_PRONOUNS = {"он": "masc", "она": "femn"}
_RELATIVE = "который"
_PERSONS = {"я": "first", "вы": "second"}
_GENDERS = frozenset({"masc", "femn"})
_WORD = re.compile(r"\w+(?:-\w+)*")
#: Cases of words that can stand after an occasion noun as its complement ('интервью Стоуну',
#: 'беседе с журналистом', 'интервью изданию Politico 17 октября').
_COMPLEMENT_CASES = frozenset({"datv", "ablt", "gent", "loct"})


@dataclass(frozen=True)
class Reading:
    """What a source's words describe: `kind` is 'pronoun', 'first' ('я'), 'second' ('вы'),
    'relative', 'person' (one person
    by a noun: `head` is its lemma), 'spokes' (a person who speaks for an organisation),
    'group' (several people) or None (nothing of a person: a name, an organisation, a place);
    `gender` ('masc', 'femn') when the words say it; `thing`, the last noun that is not a
    person's ('ведомство' in 'представители ведомства'), which may stand for an organisation."""

    kind: str | None
    head: str | None = None
    gender: str | None = None
    thing: str | None = None  # the lemma of its last noun of a thing ('в министерстве')
    nominative: bool = True  # its head noun is in the nominative ('эксперт', not 'эксперта')


@lru_cache(maxsize=CACHE_SIZE)
def _parses(word: str) -> tuple:
    return tuple(morph()(word.lower()))


def _nominative_person(word: str) -> bool:
    """Whether `word` may be a common noun of a person in the nominative ('эксперт'; not
    'депутатам')."""
    parse = _animate_noun(word)
    return parse is not None and any(
        p.tag.case == "nomn" and p.normal_form == parse.normal_form for p in _parses(word)
    )


def _animate_noun(word: str):  # -> pymorphy2 Parse or None
    """The reading of `word` as a common noun of a person ('эксперт', 'глава'), if it has one."""
    for parse in _parses(word):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.animacy == "anim" and not _NAMES & set(tag.grammemes):
            return parse
    return None


def _modifier(word: str, following: list[str]) -> bool:
    """Whether `word` reads as an adjective or a participle right before a noun of a person
    ('главного врача', whose first reading is the noun 'главное')."""
    adjective = any(p.tag.POS in ("ADJF", "PRTF") for p in _parses(word))
    return adjective and bool(following) and _animate_noun(following[0]) is not None


def _substantive(word: str, following: list[str]):  # -> pymorphy2 Parse or None
    """A participle or an adjective used as a noun of a person, not before a noun it would
    agree with ('заведующий кафедрой', 'отдыхающий'; not 'заведующий отделом' read twice)."""
    parse = next((p for p in _parses(word) if "Subx" in p.tag and p.tag.POS == "PRTF"), None)
    if parse is None or (following and _noun(following[0]) and _agrees(parse, following[0])):
        return None
    return parse


def _head(parse) -> str:
    """The dictionary form of a noun of a person; a participle used as one in the masculine
    ('заведующий', not the verb 'заведовать')."""
    if parse.tag.POS == "NOUN":
        return parse.normal_form
    inflected = parse.inflect({"Masc", "Sing", "Nom"})
    return inflected.word if inflected else parse.word


def _agrees(parse, word: str) -> bool:
    """Whether a noun's first reading agrees in case with an adjective's reading."""
    noun = _noun(word)
    return noun is not None and noun.tag.case == parse.tag.case


def _noun(word: str):  # -> pymorphy2 Parse or None
    """`word`'s first reading, when it is a common noun."""
    parses = _parses(word)
    if parses and parses[0].tag.POS == "NOUN" and not _NAMES & set(parses[0].tag.grammemes):
        return parses[0]
    return None


def occasions(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of text[start:stop] that say where or to whom something was said: a
    preposition, an occasion noun and its complement ('в интервью Стоуну', 'в беседе с RT')."""
    words = list(_WORD.finditer(text, start, stop))
    found = []
    i = 0
    while i < len(words):
        word = words[i].group().lower()
        noun = next(
            (
                j
                for j in range(i + 1, min(i + 3, len(words)))
                if any(p.normal_form in OCCASIONS for p in _parses(words[j].group()))
            ),
            None,
        )
        if word not in _PREPOSITIONS or noun is None:
            i += 1
            continue
        j = noun + 1
        while j < len(words) and _complement(words[j].group()):
            j += 1
        found.append((words[i].start(), words[j - 1].end()))
        i = j
    return found


def _complement(word: str) -> bool:
    """A word that goes on an occasion's complement: a preposition 'с' or 'для', a number, a
    Latin name, or a word that cannot be the nominative subject."""
    if word.lower() in ("с", "со", "для") or word.isdigit() or word.isascii():
        return True
    parses = _parses(word)
    return bool(parses) and all(
        p.tag.case in _COMPLEMENT_CASES or p.tag.POS in ("PREP", "ADJF") and p.tag.case != "nomn"
        for p in parses
    )


def read(words: str) -> Reading:
    """What the words of a source (without its occasions and media) describe."""
    tokens = _WORD.findall(words)
    lowered = [t.lower() for t in tokens]
    pronoun = next((w for w in lowered[:2] if w in _PRONOUNS), None)
    # 'он', 'также он', 'он в 2019 году', 'он депутатам парламента' (whom he told); not a
    # noun of a person beside it in the nominative, which heads the source
    if pronoun and not any(_nominative_person(t) for t in tokens):
        return Reading("pronoun", pronoun, _PRONOUNS[pronoun])
    if len(tokens) <= 2 and lowered and lowered[0] in _PERSONS:
        return Reading(_PERSONS[lowered[0]])  # 'я', 'вы', 'я лично'
    if lowered and _parses(lowered[0]) and _parses(lowered[0])[0].normal_form == _RELATIVE:
        return Reading("relative", _RELATIVE)
    things = [_noun(t).normal_form for t in tokens if _noun(t) and not _animate_noun(t)]
    thing = things[-1] if things else None  # 'пресс-служба ведомства' -> 'ведомство'
    for i, token in enumerate(tokens):
        if token[:1].isupper() and i > 0:
            return Reading(None)  # a name before any noun of a person: 'Сам Порошенко'
        if _modifier(token, tokens[i + 1 : i + 2]):
            continue  # 'главного врача', 'Военный эксперт': an adjective before the noun
        parse = _animate_noun(token) or _substantive(token, tokens[i + 1 : i + 2])
        if parse is None:
            noun = _noun(token)
            if noun and noun.tag.number == "plur" and noun.tag.case == "nomn":
                return Reading("group")  # 'некоторые страны', 'источники'
            if noun:
                return Reading(None, thing=thing)  # a thing heads it: 'источник в администрации'
            continue
        if i > 0 and lowered[i - 1] == "из":
            return Reading("group")  # 'один из собеседников'
        head = _head(parse)
        if head in SPOKES:
            return Reading("spokes", head, thing=thing, nominative=parse.tag.case == "nomn")
        if parse.tag.number == "plur":
            return Reading("group", head)
        return Reading("person", head, nominative=parse.tag.case == "nomn")
    return Reading(None)


def agreement(cue: str) -> tuple[str | None, str | None]:
    """The number ('sing', 'plur') and gender ('masc', 'femn') a cue verb agrees in, when its
    form says ('добавила' -> ('sing', 'femn'), 'считают' -> ('plur', None))."""
    for parse in _parses(cue):
        if parse.tag.POS == "VERB":
            gender = parse.tag.gender if parse.tag.gender in ("masc", "femn") else None
            return parse.tag.number, gender
    return None, None


@lru_cache(maxsize=CACHE_SIZE)
def gender_of(name: str) -> str | None:
    """A person's gender by their name: the gender of its first name, patronymic or surname
    ('Наталья Ерёмина' -> 'femn'), when the morphology knows one. A name is written in the
    nominative singular, so only such readings count ('Мартен' is not the genitive plural of a
    woman's name 'Мартена')."""
    for word in name.split():
        for parse in _parses(word):
            tag = parse.tag
            named = {"Name", "Surn", "Patr"} & set(tag.grammemes)
            if named and tag.case == "nomn" and tag.number == "sing" and tag.gender in _GENDERS:
                return tag.gender
    return None
