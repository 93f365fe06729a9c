"""What a source's words say, read word by word: a pronoun of the third person, an unnamed
source ('источник RT'), one of several ('один из'), another person ('другой'), a bare noun, a
document's noun, whose a thing is, what is left beside a medium.

The rules of `Article` ask these before they look at the article's people, so they take the
words alone and no state."""

from __future__ import annotations

import re

from pipeline.nlp.gazetteer import adjectives
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.sources import Reading, read
from pipeline.stages.speakers.words import (
    _FIELDS,
    _PAPERS,
    _WHEN,
    _animate,
    _medium_noun,
    _plural,
    _pos,
)

#: Nouns of a source the text leaves unnamed ('источник в МИД Турции', 'источник RT'): nobody,
#: neither the organisation in its phrase nor the person last named. ('Собеседник RT' is mostly
#: the expert just named: a description.)
_UNNAMED = frozenset({"источник"})

#: Parts of speech that name nobody beside a name: 'в Росстате', 'Росстат также'.
_FUNCTION_WORDS = frozenset({"PREP", "PRCL", "CONJ", "ADVB"})

#: Words of a description of another person than any named before: 'другой прохожий'.
_ANOTHER = frozenset({"другой", "второй", "иной"})

#: One of several: 'один из источников', 'одна из жительниц' (a group's member, unnamed).
_ONE_OF = re.compile(r"(?i)(?<!\w)(один|одна|одного|одной|одну|одним)\s+из\s")

_WORDS = re.compile(r"\w+(?:-\w+)*")

#: A country's adjective before 'сторона' in the singular: 'российская сторона', 'американской
#: стороны' (a state in talks or a dispute); or before 'власти', its state's authorities:
#: 'северокорейские власти', 'американских властей' (not the last of several: 'сирийские и
#: российские власти').
_SIDE = re.compile(
    r"(?i)(?<!\w)(?:([а-яё-]+ая)\s+сторона|([а-яё-]+ой)\s+сторон(?:ы|е|ой)|([а-яё-]+ую)\s+сторону"
    r"|(?<!\sи\s)(?<!,\s)(?:([а-яё-]+[иы]е)\s+власти|([а-яё-]+[иы]х)\s+власт(?:ей|ях)"
    r"|([а-яё-]+[иы]м)\s+властям|([а-яё-]+[иы]ми)\s+властями))(?!\w)"
)

#: Whom a source that is an outlet reporting on its own account may cite: 'ТАСС со ссылкой на
#: телеканал Al Arabiya'.
_CITING = re.compile(r"(?i)\bсо ссылкой на\b")

#: Possessive pronouns of the third person ('его заявление').
_POSSESSIVES = frozenset({"его", "её", "ее", "их"})

#: Pronouns of the third person singular, personal and possessive, and their gender.
_THIRD_PERSON = {"он": "masc", "она": "femn", "его": "masc", "её": "femn"}


def _opening(words: list[str]) -> bool:
    """Whether the words before a noun in its sentence open with 'один' or 'некий' (after 'ещё'
    or a conjunction), at most two adjectives after it: 'Один молодой человек', 'Ещё один
    собеседник'."""
    rest = [w for w in words if w not in ("ещё", "еще", "и", "а", "но")]
    return bool(rest) and len(rest) <= 3 and lemma(rest[0]) in _INDEFINITE


def _field(words: str) -> str | None:
    """The field of a state's department a source names by its noun (`_FIELDS`): 'foreign' for
    'внешнеполитическое ведомство Грузии', 'в дипведомстве', 'в заявлении дипломатического
    ведомства'; None after a noun of a person, whose the department is ('глава военного
    ведомства'), or for several ('в военных ведомствах')."""
    tokens = _WORDS.findall(words)
    for n, word in enumerate(tokens):
        if _animate(word):
            return None
        noun = lemma(word)
        if noun not in ("ведомство", "дипведомство") or _plural(word):
            continue
        if noun in _FIELDS:
            return _FIELDS[noun]
        adjectives = [lemma(w) for w in tokens[max(0, n - 2) : n] if _pos(w) == "ADJF"]
        return next((_FIELDS[a] for a in reversed(adjectives) if a in _FIELDS), None)
    return None


def _side(words: str) -> str | None:
    """The country (alpha-3) a source names as a side or as its authorities by its adjective
    ('российская сторона', 'в заявлении американской стороны', 'сирийские власти': Russia, the
    United States, Syria); None after a noun of a person, whose side it is ('представитель
    украинской стороны'), or for several sides."""
    for found in _SIDE.finditer(words):
        if any(map(_animate, _WORDS.findall(words[: found.start()]))):
            return None
        countries = adjectives(next(g for g in found.groups() if g))
        if len(countries) == 1:
            return countries[0][2]
    return None


def _impersonal_words(words: str) -> bool:
    """Whether a source names no person by a common noun ('в министерстве', not 'будущего главы
    разведывательного управления')."""
    return not any(map(_animate, _WORDS.findall(words)))


def _document_noun(words: str) -> str | None:
    """The first noun of a document or a statement among `words` ('письме' -> 'письмо')."""
    return next((n for w in _WORDS.findall(words) if (n := lemma(w)) in _PAPERS), None)


def _alone(words: str, head: str) -> bool:
    """Whether `head` is the only common noun of `words` (adjectives and names beside it)."""
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())[:1]
        if any(p.tag.POS == "NOUN" and p.normal_form != head for p in parses) and not any(
            {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes) for p in parses
        ):
            return False
    return True


def _unnamed(words: str) -> bool:
    """Whether a source's first noun is one of an unnamed source ('источник RT в Минэкономики',
    'высокопоставленный собеседник')."""
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            return parses[0].normal_form in _UNNAMED
    return False


def _another(words: str, head: str | None) -> bool:
    """Whether a description says it is another person than one before by a word before its
    noun `head` ('другой прохожий', 'по словам второго собеседника'; not 'Владелец второй
    крупнейшей организации')."""
    for word in _WORDS.findall(words.lower()):
        found = lemma(word)
        if found == head:
            return False
        if found in _ANOTHER:
            return True
    return False


def _bare_noun(words: str, head: str) -> bool:
    """Whether no noun follows a description's noun `head` ('местная жительница', 'соседка'; not
    'жительница Донбасса', 'свидетельница событий')."""
    tokens = [w.lower() for w in _WORDS.findall(words)]
    after = next((n for n, w in enumerate(tokens) if lemma(w) == head), len(tokens)) + 1
    return not any(_pos(w) == "NOUN" for w in tokens[after:])


def _possessed(words: str) -> bool:
    """Whether words say whose a thing is by a possessive ('его заявлении', 'в своём
    заявлении')."""
    return any(w.lower() in _POSSESSIVES or lemma(w) == "свой" for w in _WORDS.findall(words))


def _one_of(words: str) -> bool | None:
    """Whether a source is one of several ('один из источников', 'сотрудник одной из фирм'),
    and whether that 'один' is in the nominative; None when it is not one of several or the
    words are a place ('он в одной из последних публикаций')."""
    found = _ONE_OF.search(words)
    if found is None:
        return None
    before = _WORDS.findall(words[: found.start()])[-1:]
    if before and _pos(before[0]) == "PREP":
        return None
    return found.group(1).lower() in ("один", "одна")


def _personal(words: str) -> Reading | None:
    """A source that is one personal or possessive pronoun of the third person singular in any
    case ('по его словам', 'по её мнению', 'ему кажется'), read as the pronoun it stands for."""
    tokens = _WORDS.findall(words)
    if len(tokens) != 1:
        return None
    for parse in morph()(tokens[0].lower()):
        gender = _THIRD_PERSON.get(parse.normal_form)
        if gender and parse.tag.POS in ("NPRO", "ADJF") and "Anph" in parse.tag:
            return Reading("pronoun", parse.normal_form, gender)
    return None


def _trailing_person(words: str) -> Reading | None:
    """A source whose last word is 'я' or 'вы' after words its span took in from the phrase
    before the subject ('После Кубка [Карьяла вы] высказали обеспокоенность'), read as that
    pronoun; not after a comma (an address: 'Ксения, я')."""
    tokens = _WORDS.findall(words)
    last = tokens[-1].lower() if len(tokens) > 1 and "," not in words else None
    return read(last) if last in ("я", "вы") else None


def _outlet(words: str) -> bool:
    """Whether what is left of a source beside its medium describes only the outlet: nothing,
    its adjectives and a noun of a medium ('китайское англоязычное издание [The Global Times]'),
    and whom it cites ('[ТАСС] со ссылкой на телеканал Al Arabiya')."""
    own = [morph()(w.lower())[:1] for w in _WORDS.findall(_CITING.split(words, maxsplit=1)[0])]
    if not all(own):
        return False
    # a phrase of time in an oblique case the source's span began inside: 'В конце [прошлой
    # недели немецкое издание] Bild сообщило', when the outlet's noun is in the nominative
    named = next((i for i, (p,) in enumerate(own) if p.tag.case == "nomn"), 0)
    if named and not any(_medium_noun(p) and p.tag.case == "nomn" for (p,) in own[named:]):
        return False
    if any(p.word[:1].isupper() or p.tag.POS == "CONJ" for (p,) in own[:named]):
        return False  # another source before it: 'Минобороны РФ и агентство ИНТЕРФАКС-АВН'
    return all(p.tag.POS == "ADJF" or _medium_noun(p) for (p,) in own[named:])


def _circumstance(words: str) -> bool:
    """Whether the words after an outlet's name in its source only say when or how it reported
    ('16 марта', 'на прошлой неделе', 'ещё в 2003 году', 'в свою очередь', 'также', 'в своём
    исследовании'): numbers, prepositions, adverbs, particles, adjectives and pronouns, nouns of
    time (`_WHEN`), and a noun after 'свой' (the outlet's own paper); not a noun of anyone else
    ('CNN 6 декабря представитель спецслужбы', 'RT эксперты', 'RT в аэропорту')."""
    own = False
    for word in _WORDS.findall(words):
        if word.isdigit():
            continue
        parses = morph()(word.lower())[:1]
        if not parses:
            return False
        (p,) = parses
        if p.tag.POS == "NOUN" and not (p.normal_form in _WHEN or own):
            return False
        if p.tag.POS not in ("NOUN", "PREP", "ADVB", "PRCL", "ADJF", "NUMR"):
            return False
        own = p.normal_form == "свой"
    return True


def _bare(words: str) -> bool:
    """Whether a source's words have no adjective or participle: its noun is not qualified
    ('компании', 'в прокуратуре'; not 'немецкого парламента')."""
    return not any(_pos(word) in ("ADJF", "PRTF") for word in _WORDS.findall(words))


#: Nouns of a state's government that a country's name after them owns: 'правительство
#: Великобритании', 'кабмин РФ', 'власти США'.
_GOVERNMENTS = frozenset({"правительство", "кабмин", "власть"})


def _government_words(words: str) -> bool:
    """Whether `words`, a country's name left out, are a noun of its government and function
    words ('правительство', 'в кабмине', 'власти ... также'); 'власть' in the plural only, as
    the authorities ('власти', 'властей'), not the power ('власть')."""
    nouns = [w for w in _WORDS.findall(words) if not _function_words(w)]
    if len(nouns) != 1:
        return False
    return any(
        p.normal_form in _GOVERNMENTS and (p.normal_form != "власть" or p.tag.number == "plur")
        for p in morph()(nouns[0].lower())
    )


def _function_words(words: str) -> bool:
    """Whether `words` are only prepositions, particles, conjunctions and adverbs; after a
    particle, a word that may be read as an adverb is one ('Россия не раз заявляла')."""
    after = None
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())
        if not parses:
            return False
        adverb = after == "PRCL" and any(p.tag.POS == "ADVB" for p in parses)
        if parses[0].tag.POS not in _FUNCTION_WORDS and not adverb:
            return False
        after = parses[0].tag.POS
    return True


#: Words of one person of several or of any, whom the text does not name: 'одна из жительниц',
#: 'некий мужчина'.
_INDEFINITE = frozenset({"один", "некий", "какой-то"})


def _opening_words(words: str) -> bool:
    """Whether `words` may open a sentence before its phrase of place: at most two words and
    no mark ('Ранее', 'Тем временем')."""
    return len(_WORDS.findall(words)) <= 2 and not re.search(r"[^\w\s]", words)
