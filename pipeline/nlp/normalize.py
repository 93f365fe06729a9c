"""Canonical nominative names for NER spans.

Persons: pick the case and gender that best explain all of a name's words together (dictionary
parses of first names and surnames, Russian surname paradigms, foreign-name endings), then put
each word into the nominative of that choice. Words that fit no paradigm are indeclinable and
stay as written ("Куюнджич", "Биби").

Organisations and places: only the leading adjectives and the head noun are inflected, as a
phrase ("Высшего межгосударственного совета" -> "Высший межгосударственный совет"); what follows
the head keeps its form ("Конференции по взаимодействию и мерам доверия в Азии" ->
"Конференция по взаимодействию и мерам доверия в Азии"). An abbreviation keeps its capitals and
loses a case ending ("МИДа" -> "МИД", "КамАЗа" -> "КамАЗ"). `other_readings` gives the other
nominatives a name may have, for the corpus to choose from ("Известия", "Амкар").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from pymorphy2.analyzer import Parse

from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.runtime.choice import sole

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_PROPER = {"Name", "Surn", "Patr"}
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-'’][A-Za-zА-Яа-яЁё0-9]+)*\.?|\S")

# Surname paradigms: ending -> [(case, gender, replacement ending)], longest ending first.
_SURNAME = {
    "ов": [("nomn", "masc", "ов"), ("gent", "femn", "ов"), ("accs", "femn", "ов")],
    "ова": [("gent", "masc", "ов"), ("accs", "masc", "ов"), ("nomn", "femn", "ова")],
    "ову": [("datv", "masc", "ов"), ("accs", "femn", "ова")],
    "овым": [("ablt", "masc", "ов")],
    "ове": [("loct", "masc", "ов")],
    "овой": [
        ("gent", "femn", "ова"),
        ("datv", "femn", "ова"),
        ("ablt", "femn", "ова"),
        ("loct", "femn", "ова"),
    ],
    "ин": [("nomn", "masc", "ин")],
    "ина": [("gent", "masc", "ин"), ("accs", "masc", "ин"), ("nomn", "femn", "ина")],
    "ину": [("datv", "masc", "ин"), ("accs", "femn", "ина")],
    "иным": [("ablt", "masc", "ин")],
    "ине": [("loct", "masc", "ин")],
    "иной": [
        ("gent", "femn", "ина"),
        ("datv", "femn", "ина"),
        ("ablt", "femn", "ина"),
        ("loct", "femn", "ина"),
    ],
}
# Adjectival surnames: Радваньская, Радваньской -> Радваньская; Зелинского -> Зелинский.
for _stem in ("ск", "цк"):
    _SURNAME |= {
        _stem + "ий": [("nomn", "masc", _stem + "ий")],
        _stem + "ого": [("gent", "masc", _stem + "ий"), ("accs", "masc", _stem + "ий")],
        _stem + "ому": [("datv", "masc", _stem + "ий")],
        _stem + "им": [("ablt", "masc", _stem + "ий")],
        _stem + "ом": [("loct", "masc", _stem + "ий")],
        _stem + "ая": [("nomn", "femn", _stem + "ая")],
        _stem + "ую": [("accs", "femn", _stem + "ая")],
        _stem + "ой": [(c, "femn", _stem + "ая") for c in ("gent", "datv", "ablt", "loct")],
    }
for _a, _b in (("ов", "ев"), ("ов", "ёв"), ("ин", "ын")):
    for _end, _forms in list(_SURNAME.items()):
        if _end.startswith(_a):
            _SURNAME[_b + _end[2:]] = [(c, g, _b + r[2:]) for c, g, r in _forms]

#: The score of a word left as written, in any case: a name that does not decline.
_AS_WRITTEN = 0.3
#: Endings of Russian surnames' stems, whose -а forms are women's: Захаров-а, Набиуллин-а.
SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")

# Foreign names: masculine consonant stems and feminine -а/-я stems.
CONSONANTS = "бвгджзклмнпрстфхцчшщ"
_HUSHING = "жцчшщ"
#: Endings of a man's surname that must decline: a consonant, й, ь.
_HARD_END = CONSONANTS + "йь"
#: Russian surnames that keep the form of a genitive plural in every case: 'Толстых',
#: 'Нагорных', 'Долгих' ('Михаила Толстых' is 'Михаил Толстых'); not 'Дитрих', nor the
#: plural of a '-ский', '-ов', '-ин' ('братьев Березуцких', 'Сергея Венгеровых').
_FROZEN_SURNAME = re.compile(r"(?:(?<![оеё]в)(?<![иы]н)ых|(?<![сц])[гкх]их)$")
VELAR_HUSHING = "гкхжчшщ"
_MASC_ENDINGS = {"а": ("gent", "accs"), "у": ("datv",), "ом": ("ablt",), "е": ("loct",)}
_SOFT_ENDINGS = {"я": ("gent", "accs"), "ю": ("datv",), "ем": ("ablt",), "е": ("loct",)}
_FEMN_ENDINGS = {
    "ы": ("gent",),
    "и": ("gent", "datv", "loct"),
    "е": ("datv", "loct"),
    "у": ("accs",),
    "ю": ("accs",),
    "ой": ("ablt",),
    "ей": ("ablt",),
}

Analysis = tuple[str, str, str, float]  # case, gender, nominative (lower case), weight


def _inflect(parse: Parse, grams: set[str]) -> Parse | None:
    """The form of `parse`'s lexeme with `grams` that shares most letters with the word itself
    ("высшего" -> "высший", not another superlative of "высокий")."""
    return _inflected(parse, frozenset(grams))


@lru_cache(maxsize=CACHE_SIZE)
def _inflected(parse: Parse, grams: frozenset[str]) -> Parse | None:
    forms = [f for f in parse.lexeme if grams <= f.tag.grammemes]
    if not forms:
        return Parse.inflect(parse, grams)  # OpenCorpora grammemes, not natasha's UD names
    return max(forms, key=lambda f: (_common_prefix(f.word, parse.word), -len(f.word)))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def words(text: str) -> list[str]:
    """Name words and punctuation; 'Б.Джонсон' gives 'Б.', 'Джонсон'."""
    return _WORD.findall(text)


#: What parts a name's capitals: a hyphen ('Аль-Каида') or an apostrophe ("О'Киф", "Д’Артаньян").
_PART_MARK = re.compile(r"([-'’])")


def restore_case(word: str, surface: str) -> str:
    """Give `word` the capitalisation of `surface` (per part between hyphens or apostrophes),
    and its е for ё."""
    if "ё" not in surface.lower():
        word = word.replace("ё", "е")
    if surface.isupper() and len(surface) > 1:
        return word.upper()
    parts, shapes = _PART_MARK.split(word), _PART_MARK.split(surface)
    if len(parts) != len(shapes):
        parts, shapes = word.split("-"), surface.split("-")
        if len(parts) != len(shapes):
            shapes = [surface] * len(parts)
        return "-".join(_capitalised(p, s) for p, s in zip(parts, shapes, strict=True))
    return "".join(_capitalised(p, s) for p, s in zip(parts, shapes, strict=True))


def _capitalised(part: str, shape: str) -> str:
    return part[:1].upper() + part[1:] if shape[:1].isupper() else part


#: The weight of an adjective the dictionary only guesses, in an oblique case and in the
#: nominative (the word as written: 'Гарбинье'): in an oblique case below a foreign name's
#: ending ('Сереной' is Серена's instrumental, not a 'Сереная').
_GUESSED_ADJECTIVE = (0.45, 0.5)
#: Parts of speech a name's word may decline as: a participle's paradigm is an adjectival
#: surname's ('Яну Непомнящему', 'Непомнящего' -> 'Непомнящий').
_NAME_POS = ("NOUN", "ADJF", "PRTF")
#: A man's oblique adjectival ending after a hushing consonant, an adjectival surname's rather
#: than a noun stem's ('Непомнящему' is no dative of 'Непомнящем'; 'Гриссому' may be 'Гриссом').
_ADJECTIVAL = re.compile(r"[жчшщ](?:его|ему|им)$")


def _dictionary(word: str) -> list[Analysis]:
    found = []
    # A name's dative or locative in -е first: of equal weights in a case, the first wins, and
    # 'Анне' is 'Анна' before the indeclinable 'Анне' the dictionary spells alike. Not a
    # genitive in -и: 'Гаджи', 'Натали' are rarely 'Гаджа', 'Наталя'.
    parses = morph()(word)
    # An indeclinable place spelt as a declined form of a person's name is another word
    # ('Вани' of 'Ваня' is the Georgian town 'Вани' too): it does not count (a declined place
    # may be a woman's name the dictionary lacks: 'Доминика').
    named = any(p.is_known and _PROPER & p.tag.grammemes and "Fixd" not in p.tag for p in parses)
    for parse in sorted(parses, key=lambda p: word[-1:] == "е" and "Fixd" in p.tag):
        tag = parse.tag
        if tag.POS not in _NAME_POS or tag.case not in CASES or tag.number == "plur":
            continue
        proper = bool(_PROPER & tag.grammemes)
        if tag.POS == "NOUN" and not proper and not parse.is_known:
            continue
        if named and not proper and {"Geox", "Fixd"} <= tag.grammemes:
            continue
        if tag.gender == "neut" and tag.POS != "NOUN" and tag.case != "nomn":
            continue  # no surname declines as a neuter ('Си Цзиньпином' is no 'Цзиньпиное')
        genders = (tag.gender,) if tag.gender else ("masc", "femn")  # ms-f: either
        if not proper and tag.gender == "femn" and parse.normal_form[-1:] in "ая":
            genders = ("femn", "masc")  # a man's name may be such a noun ('Олега Бузины')
        elif _womans_too(parse):
            genders = ("masc", "femn")  # a woman's too, declined alike ('Ване Кинг')
        # A name of either gender ('Саша', 'Женя': ms-f) has no form marked with one; an
        # indeclinable one ('Камю') is the word as written (`_paradigms`).
        either = "ms-f" in tag.grammemes
        if either and "Fixd" in tag:
            continue
        for gender in genders:
            form = _inflect(parse, {"nomn", "sing"} | (set() if either else {tag.gender or gender}))
            # A common noun used as a name ('Соната') beats a guessed paradigm, not a name.
            # A guessed adjective is no better than a guessed noun stem ('Тягнибоком' is not
            # 'Тягнибокий'): adjectival surnames are the -ский/-цкий paradigms of _SURNAME.
            weight = (1.0 if parse.is_known else 0.5) * (0.5 + parse.score) if proper else 0.65
            if not proper and tag.POS != "NOUN" and not parse.is_known:
                weight = 0.7 if _ADJECTIVAL.search(word) else _GUESSED_ADJECTIVE[tag.case == "nomn"]
            if gender == "femn" and _womans_too(parse):
                weight *= _WOMANS_TOO  # less likely than the dictionary's own gender
            if form:
                found.append((tag.case, gender, form.word, weight))
    return found


#: The weight of a man's first name in -а/-я read as a woman's, against his.
_WOMANS_TOO = 0.75


def _womans_too(parse: Parse) -> bool:
    """Whether a form of a man's first name in -а/-я that declines may be a woman's: 'Ваня',
    'Саша' decline alike for both (not the indeclinable 'Франсуа', 'Джошуа')."""
    tag = parse.tag
    return (
        tag.gender == "masc"
        and "Name" in tag.grammemes
        and "Fixd" not in tag
        and parse.normal_form[-1:] in "ая"
    )


@lru_cache(maxsize=CACHE_SIZE)
def _mans_name_only(word: str) -> bool:
    """Whether the dictionary knows `word` as a first name only as a man's in -а/-я that a
    woman's may share (`_womans_too`: 'Ване', 'Ильёй'; not the ms-f 'Саша')."""
    names = [p for p in morph()(word) if p.is_known and "Name" in p.tag.grammemes]
    return bool(names) and all(_womans_too(p) for p in names)


def _mans_surname_cases(
    surname: str,
    first: dict[tuple[str, str], tuple[float, str]],
    last: dict[tuple[str, str], tuple[float, str]],
) -> None:
    """Drop from a man's first name's readings (`first`) a woman's case where the `surname`
    declines as a man's ('Ильёй Иванюком' is Илья Иванюк; 'Ване Кинг' may be a woman)."""
    for case, sex in list(first):
        if sex == "femn" and last.get((case, "masc"), (0.0, surname))[1] != surname:
            del first[(case, sex)]


def _paradigms(word: str) -> list[Analysis]:
    # Any word may be indeclinable ('Биби', 'Куюнджич' for a woman); a consonant stem as written
    # is likeliest a masculine nominative ('Хэнкок'), an -а/-я word a feminine one ('Асия').
    found: list[Analysis] = [
        (case, g, word, _AS_WRITTEN) for case in CASES for g in ("masc", "femn")
    ]
    if _fixed_name(word):
        return found  # no case ending to guess: 'Камю' is no 'Кама', 'Гёте' no 'Гёт'
    if word[-1:] in CONSONANTS:
        found.append(("nomn", "masc", word, 0.45))
    elif word[-1:] in "ая" and len(word) > 2:
        found.append(("nomn", "femn", word, 0.45))
        found.append(("nomn", "masc", word, 0.4))  # 'Обама', 'Никита'
    for end, forms in _SURNAME.items():
        if word.endswith(end) and len(word) > len(end) + 1:
            found += [(c, g, word[: -len(end)] + r, 0.9) for c, g, r in forms]
    for end, cases in _MASC_ENDINGS.items():
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 2 and stem[-1] in CONSONANTS:
            found += [(c, "masc", stem, 0.6) for c in cases]
    for end, cases in _SOFT_ENDINGS.items():  # Скрипаля, Скрипалем -> Скрипаль
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) > 2 and stem[-1] in CONSONANTS:
            hard = end == "ем" and stem[-1] in _HUSHING  # Курцем -> Курц
            found += [(c, "masc", stem if hard else stem + "ь", 0.55) for c in cases]
        elif word.endswith(end) and len(stem) > 2 and stem[-1] in "аеоу":
            found += [(c, "masc", stem + "й", 0.55) for c in cases]  # Мацея -> Мацей
        elif word.endswith(end) and len(stem) > 3 and stem[-1] == "и" and _unknown(word):
            # Гиоргия -> Гиоргий, as Георгия -> Георгий: below a woman's name in -ия, for
            # the corpus to choose; not a word the dictionary knows ('Чехословакию').
            found += [(c, "masc", stem + "й", 0.4) for c in cases if end != "е"]
    for end, cases in _FEMN_ENDINGS.items():
        stem = word[: -len(end)]
        if not word.endswith(end) or len(stem) <= 2:
            continue
        if end == "е" and stem[-1] in "иьй":
            # The dictionary knows the Russian names in -ия, -ья, -йя ('Наталье'); a word in
            # -ие, -ье, -йе it does not know is an indeclinable name ('Гебреселассие',
            # 'Шарпентье', 'Н’Дойе').
            continue
        # Асии -> Асия; a stem in -й takes -я too ('Майю', 'Монтойю', 'Майей' -> 'Майя',
        # 'Монтойя'), but not in -йи, which ends indeclinable names ('Батшуайи', 'Десайи').
        soft = stem[-1] in "иь" or (stem[-1] == "й" and end in ("ю", "ей"))
        if end == "и" and not soft:
            # -и after a consonant is a genitive only after г, к, х and hushing consonants
            # ('Римши'); otherwise the word is indeclinable ('Бхатти', 'Сальвини').
            if stem[-1] not in VELAR_HUSHING:
                continue
            cases = ("gent",)
        if end == "ы" and stem[-1] in VELAR_HUSHING:
            continue
        ending = "я" if soft and end in ("и", "ю", "ей") else "а"
        found += [(c, "femn", stem + ending, 0.5) for c in cases]
        # Men's names in -а/-я decline the same way ('Барака Обамы', 'Никиты'), if less often;
        # not the Russian women's surnames ('Захаровой' is no man's), and not in -е, which ends
        # too many indeclinable men's names ('Мишелю Барнье').
        if not stem.endswith(SURNAME_STEMS) and end != "е":
            found += [(c, "masc", stem + ending, 0.45) for c in cases]
    return found


@lru_cache(maxsize=CACHE_SIZE)
def _fixed_name(word: str) -> bool:
    """Whether the dictionary knows `word` only as a name that does not decline, of either
    gender ('Камю', 'Гёте', 'Шойгу': 'ms-f,Fixd'), so in any case as written."""
    known = [p for p in morph()(word) if p.is_known]
    return bool(known) and all(
        {"Fixd", "ms-f"} <= p.tag.grammemes and _PROPER & p.tag.grammemes for p in known
    )


def _unknown(word: str) -> bool:
    return not any(p.is_known for p in morph()(word))


def _surname_cases(
    tokens: list[str], options: list[dict[tuple[str, str], tuple[float, str]]]
) -> set[tuple[str, str]] | None:
    """The (case, gender) readings a name's last word (initials aside) allows: not a man's
    oblique case left as written when it ends in a consonant, since a man's such surname
    declines ('Пападакиса'), unless it is a frozen Russian one ('Толстых'): 'Габриэла Пападакис'
    is no genitive of a 'Габриэл Пападакис'. Only the last word: the first words of 'Ким Чен
    Ына' stay as written. None: no such word."""
    for token, best in zip(reversed(tokens), reversed(options), strict=True):
        if best:
            lower = token.lower()
            return {
                (case, sex)
                for (case, sex), (_weight, form) in best.items()
                if case == "nomn"
                or sex != "masc"
                or form != lower
                or lower[-1:] not in _HARD_END
                or _FROZEN_SURNAME.search(lower)
            }
    return None


#: Endings of a first name's accusative or dative ('Марию', 'Анну', 'Ольгу'), which no first
#: name the dictionary knows ends its nominative with; a genitive in -а, -я may be a woman's
#: nominative it lacks ('Ивана Трамп', 'Павла').
_OBLIQUE_FIRST_NAME_ENDS = ("у", "ю")


@lru_cache(maxsize=CACHE_SIZE)
def _oblique_first_name(part: str) -> bool:
    """Whether the dictionary knows `part` (lower case), ending in -у or -ю, as a woman's first
    name, only in an oblique case and as no nominative of a name: 'марию', 'анну' (not
    'ким'). Not a man's dative ('Петру', 'Эду', 'Владимиру'), which is a foreign man's
    nominative as well ('Петру Влах', 'Эду Гаспар') and beside an indeclinable surname makes
    no reading of the surname's case ('Владимиру Урин')."""
    if not part.endswith(_OBLIQUE_FIRST_NAME_ENDS):
        return False
    known = [p for p in morph()(part) if p.is_known and _PROPER & p.tag.grammemes]
    return any("Name" in p.tag.grammemes for p in known) and all(
        p.tag.case != "nomn" and p.tag.gender == "femn" for p in known
    )


def _declined_first_name_cases(
    tokens: tuple[str, ...], options: Options
) -> set[tuple[str, str]] | None:
    """The (case, gender) readings that decline each word before the last that opens with a
    first name in an oblique case only (`_oblique_first_name`): every part of a name stands in
    one case, so 'Марию-Хосе Мартинес Санчес', 'Марию Мартинес' are no nominatives with a man's
    surname beside a first name kept as written, but the accusative of 'Мария-Хосе Мартинес
    Санчес'. None: no such word."""
    found: set[tuple[str, str]] | None = None
    for token, best in zip(tokens[:-1], options[:-1], strict=True):
        first = token.lower().split("-")[0]
        if not best or not _oblique_first_name(first):
            continue
        keys = {k for k, (_w, form) in best.items() if form.split("-")[0] != first}
        found = keys if found is None else found & keys
    return found


#: A word after a surname that tells a generation: 'Трамп-младший', 'Буша-старшего'.
_GENERATION = re.compile(r"(?:младш|старш)[а-яё]+")


@lru_cache(maxsize=CACHE_SIZE)
def _generation(word: str, case: str, sex: str) -> str | None:
    """The nominative of `word` ('младшего') for a surname read in `case` and `sex`, if
    `word` can stand in that case: 'младшего' fits a genitive man, not a nominative one."""
    for parse in morph()(word):
        tag = parse.tag
        if tag.POS == "ADJF" and (tag.case, tag.number) == (case, "sing") and tag.gender == sex:
            inflected = _inflect(parse, {"nomn", "sing", sex})
            return inflected.word if inflected else None
    return None


Options = tuple[dict[tuple[str, str], tuple[float, str]], ...]


@lru_cache(maxsize=CACHE_SIZE)
def _known_forms(part: str) -> dict[tuple[str, str], str]:
    """(case, gender) -> nominative of a word the dictionary knows as a first name, surname or
    patronymic ('пьера' -> 'пьер'), or that a Russian surname's paradigm declines
    ('римского' -> 'римский'): the readings sure enough to decline a hyphenated name's first
    parts by."""
    found = {
        (c, g): part[: -len(end)] + r
        for end, forms in _SURNAME.items()
        if part.endswith(end) and len(part) > len(end) + 1
        for c, g, r in forms
    }
    for parse in morph()(part):
        tag = parse.tag
        if not (parse.is_known and _PROPER & tag.grammemes) or tag.case not in CASES:
            continue
        if tag.number == "plur":  # 'Марии' is no plural of a 'Мария'
            continue
        for gender in (tag.gender,) if tag.gender in ("masc", "femn") else ("masc", "femn"):
            form = _inflect(parse, {"nomn", "sing", gender})
            if form:
                found.setdefault((tag.case, gender), form.word)
    return found


def _decline_parts(
    token: str, best: dict[tuple[str, str], tuple[float, str]], *, surname: bool = False
) -> dict[tuple[str, str], tuple[float, str]]:
    """`best` readings of a hyphenated `token` (lower case) with each first part that a
    reading keeps as written declined in that reading's case and gender, where the dictionary
    or a surname's paradigm is sure of it: every part of a double name declines ('Пьера-Эмерика'
    -> 'Пьер-Эмерик', 'Марии-Терезы' -> 'Мария-Тереза', 'Римского-Корсакова' -> 'Римский-
    Корсаков'); a part no such reading knows stays ('Жан-Клода' -> 'Жан-Клод'). A `surname`
    after a first name also loses from its first parts a man's case ending that the reading
    takes off its last part ('Рамоса-Виньоласа' -> 'Рамос-Виньолас')."""
    parts = token.split("-")
    found = {}
    for key, (weight, form) in best.items():
        forms = form.split("-")
        if len(forms) == len(parts):
            ending = _mans_ending(parts[-1], forms[-1]) if surname else None
            forms[:-1] = [
                _known_forms(part).get(key) or _without(part, ending) if was == part else was
                for part, was in zip(parts[:-1], forms[:-1], strict=True)
            ]
        found[key] = (weight, "-".join(forms))
    return found


def _mans_ending(written: str, read: str) -> str | None:
    """The case ending a reading takes off a man's name in a consonant ('виньоласа' read
    'виньолас': 'а'), else None."""
    ending = written[len(read) :]
    if written.startswith(read) and read[-1:] in CONSONANTS and ending in _MASC_ENDINGS:
        return ending
    return None


def _without(part: str, ending: str | None) -> str:
    """A double surname's first part without the man's case `ending` of its last part, where
    the rest ends in a consonant as well ('рамоса' -> 'рамос'); else as written."""
    stem = part[: -len(ending)] if ending and part.endswith(ending) else ""
    return stem if len(stem) >= 3 and stem[-1] in CONSONANTS else part


@lru_cache(maxsize=CACHE_SIZE)
def _patronymic_gender(word: str) -> str | None:
    """The gender of `word` (lower case) where the dictionary knows it only as a patronymic of
    that gender ('тимофеевна', 'ильиничны' a woman's; 'ивановича' a man's), else None."""
    known = [p for p in morph()(word) if p.is_known]
    genders = {p.tag.gender for p in known}
    if known and all("Patr" in p.tag.grammemes for p in known) and len(genders) == 1:
        return str(genders.pop())
    return None


def _middle_patronymic_cases(
    tokens: tuple[str, ...], options: Options
) -> set[tuple[str, str]] | None:
    """The (case, gender) readings of a name of three words or more whose middle words include
    a patronymic of one gender only: a patronymic tells its bearer's sex, and every word of a
    name is of that sex ('Марина Тимофеевна Семенова' is no man's 'Марин Тимофеевн Семенов').
    None: no such word."""
    genders = {_patronymic_gender(token.lower()) for token in tokens[1:-1]} - {None}
    if len(tokens) < 3 or len(genders) != 1:
        return None
    gender = genders.pop()
    return {key for best in options for key in best if key[1] == gender}


def _name_readings(text: str) -> tuple[tuple[str, ...], Options, dict[tuple[str, str], float]]:
    """A person's name's tokens, each token's best (weight, nominative) per (case, gender), and
    each (case, gender) reading's total over the tokens that allow it. Not cached: its callers
    cache their results."""
    tokens = tuple(w for w in words(text) if any(ch.isalpha() for ch in w))
    options: list[dict[tuple[str, str], tuple[float, str]]] = []
    for token in tokens:
        best: dict[tuple[str, str], tuple[float, str]] = {}
        if not _INITIAL.match(token):
            lower, _hyphen, generation = token.lower().rpartition("-")
            if not _GENERATION.match(generation):  # 'Трампа-младшего': 'Трампа' + 'младшего'
                lower, generation = token.lower(), ""
            for case, sex, form, weight in _dictionary(lower) + _paradigms(lower):
                if generation:
                    tail = _generation(generation, case, sex)
                    if tail is None:
                        continue
                    form = f"{form}-{tail}"
                if weight > best.get((case, sex), (0.0, ""))[0]:
                    best[(case, sex)] = (weight, form)
            if not generation and "-" in lower:
                best = _decline_parts(lower, best, surname=len(options) == len(tokens) - 1 > 0)
        options.append(best)
    if len(tokens) > 1 and _mans_name_only(tokens[0].lower()):
        _mans_surname_cases(tokens[-1].lower(), options[0], options[-1])
    allowed = _surname_cases(list(tokens), options)
    for narrowed in (
        _declined_first_name_cases(tokens, options),
        _middle_patronymic_cases(tokens, options),
    ):
        if narrowed is not None and (allowed is None or allowed & narrowed):
            allowed = narrowed if allowed is None else allowed & narrowed
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for best in options:
        for key, (weight, _form) in best.items():
            if allowed is None or key in allowed:
                totals[key] += weight
    return tokens, tuple(options), dict(totals)


def _reading(tokens: tuple[str, ...], options: Options, key: tuple[str, str]) -> str:
    return " ".join(
        restore_case(best[key][1], token) if key in best else token
        for token, best in zip(tokens, options, strict=True)
    )


def _reading_cases(tokens: tuple[str, ...], options: Options, key: tuple[str, str]) -> set[str]:
    """The cases the reading `key` gives may stand in: each word's form may come from other
    cases too, and a word kept as written from any ('Романа Бюрки' read 'Роман Бюрки' is a
    genitive as well as an accusative); a man's genitive is his accusative too, unless his
    name ends in -а or -я ('на Туркменбаши' is no 'Туркменбаша')."""
    found = set(CASES)
    for token, best in zip(tokens, options, strict=True):
        form = best[key][1] if key in best else token.lower()
        if form != token.lower():
            cases = {case for (case, _g), (_w, other) in best.items() if other == form}
            if key[1] == "masc" and "gent" in cases and form[-1:] not in "ая":
                cases.add("accs")  # a man's accusative is his genitive ('на Павла'; not -а)
            found &= cases
    return found


def reading_grammar(text: str) -> dict[str, set[tuple[str, str]]]:
    """Each nominative reading of a person's name -> the (case, gender) pairs that give it."""
    tokens, options, totals = _name_readings(text)
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key in totals:
        found[_reading(tokens, options, key)].add(key)
    return dict(found)


@lru_cache(maxsize=CACHE_SIZE)
def person_candidates(
    text: str,
    gender: str | None = None,
    limit: int = 4,
    *,
    subject: bool = False,
    locative: bool = True,
    ungoverned: bool = False,
    cases: frozenset[str] | None = None,
) -> tuple[tuple[float, str], ...]:
    """Nominative readings of a person's name, best first, with their scores ('Ильхамом Алиевым'
    -> 'Ильхам Алиев' first; 'Асии Биби' -> 'Асий Биби' 1.33, 'Асия Биби' 0.8, ...); initials
    and indeclinable words stay. The name as written is among them (a foreign name that does
    not decline), unless a first name in an oblique case only shows that it declines ('Марию
    Мартинес': `_declined_first_name_cases`). With a `gender` that the text shows ('masc',
    'femn'), only the readings of that gender, when there are any: 'заявила Захарова' is not
    'Захаров'. A `subject` of a verb is in the nominative: 'Саква заявил' is not the genitive
    of 'Сакв'. Without a preposition that governs the `locative` before it, a name is in no
    locative: 'против британца Аляжа Бедене' is not the locative of an 'Аляжа Беден'. A
    subject that is `ungoverned`, with no word before it that may govern it, is a man's name
    in -а as well ('Отличился Сантала'; not 'сторонник Медведчука заявил'). A word right
    before the name that governs it or agrees with it allows only its `cases` ('к Жильберте'
    is a dative, 'японца Нобухару Мацусито' no dative)."""
    tokens, options, totals = _name_readings(text)
    if not totals:
        return ((0.0, " ".join(tokens)),)
    if not locative and any(k[0] != "loct" for k in totals):
        totals = {k: v for k, v in totals.items() if k[0] != "loct"}
    if cases:
        allowed = {k: v for k, v in totals.items() if _reading_cases(tokens, options, k) & cases}
        totals = allowed or totals
    if gender and any(k[1] == gender for k in totals):
        totals = {k: v for k, v in totals.items() if k[1] == gender}
    # A subject's nominative, unless only leaving every word as written makes one: then the
    # name is not the verb's subject ('адвокат Азии Биби заявил'); a word that barely declines
    # counts as written too, unless nothing before the name may govern it (`ungoverned`).
    as_written = _AS_WRITTEN * len(tokens) + (0.0 if ungoverned else 0.1)
    nominative = {k: v for k, v in totals.items() if k[0] == "nomn" and v > as_written}
    if subject and nominative:
        totals = nominative
    # Highest total; ties go to the nominative (no change), then masculine, for stability.
    ranked = sorted(totals, key=lambda k: (-round(totals[k], 6), k[0] != "nomn", k[1] != "masc"))
    found: dict[str, float] = {}
    for key in ranked:
        found.setdefault(_reading(tokens, options, key), round(totals[key], 6))
    best_first = sorted(((s, n) for n, s in found.items()), key=lambda x: -x[0])
    written = " ".join(tokens)
    kept = best_first[:limit]
    if written in found and all(n != written for _s, n in kept):
        kept[-1] = (found[written], written)
    return tuple(kept)


@lru_cache(maxsize=CACHE_SIZE)
def _head_forms(word: str) -> tuple[str | None, dict[tuple[str, str], list]]:
    """The likeliest part of speech of `word`, and its adjective or noun parses by
    (case, number)."""
    parses = morph()(word)
    forms: dict[tuple[str, str], list] = defaultdict(list)
    for parse in parses:
        tag = parse.tag
        if tag.POS in ("ADJF", "PRTF", "NOUN") and tag.case in CASES:
            forms[(tag.case, tag.number or "sing")].append(parse)
    return (parses[0].tag.POS if parses else None), dict(forms)


#: An abbreviation with a Russian case ending: 'МИДа', 'ЦИКом', 'КамАЗа', 'РАНХиГСе'.
_CASE_ENDING = re.compile(r"([A-ZА-ЯЁ][\w-]*[A-ZА-ЯЁ]{2})(?:а|у|ом|е|ы|ов|ам|ами|ах)")
#: A word in capitals, or that ends in two capitals: 'МИД', 'СПбГУ', 'УрФУ', 'КамАЗ'.
_ABBREVIATION = re.compile(r"^[^a-zа-яё]+$|[A-ZА-ЯЁ]\w*[A-ZА-ЯЁ]$")
#: Case endings of nouns that end in a consonant or -и: 'Марибором', 'Братьями'.
_CASE_FORM = re.compile(r"(?:[оеё]м|[иы]м|[аяиы]х|[оеё]в|[ая]ми)$")
#: Letters of the shortest word that ends a compound name: 'Белоруснефти'.
_COMPOUND_PART = 5


def keep_capitals(word: str, surface: str) -> str:
    """`word` with the capitals its `surface` has where the two are spelt alike: 'Ранхигс' of
    'РАНХиГС', 'Рбк-Украина' of 'РБК-Украины', 'Вконтакте' of 'ВКонтакте'."""
    letters = list(word)
    for i, (a, b) in enumerate(zip(word, surface, strict=False)):
        if a.lower() != b.lower():
            break
        if b.isupper():
            letters[i] = a.upper()
    return "".join(letters)


#: Cyrillic letters and the Latin ones they look like, which typists and scanners swap inside
#: a word: 'СNN' (a Cyrillic С), 'Holtec Internatiоnal' (a Cyrillic о), 'WhatsАpp'.
_CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХаеорсух"
_LATIN_LOOKALIKES = "ABEKMHOPCTXaeopcyx"
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
#: A run of letters of either alphabet: a word, or a part of one between hyphens or dots.
_LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]+")


def _script(letter: str) -> str:
    return "latin" if "a" <= letter.lower() <= "z" else "cyrillic"


def _one_script_word(word: str, majority: str | None) -> str:
    """`word` in one alphabet when one alphabet's letters in it are all look-alikes of the
    other's: in the other's, if that one has a letter with no look-alike ('СNN' -> 'CNN': N;
    'PПК' -> 'РПК': П), else in the name's `majority` alphabet ('Сo' of 'Anhui Land Group')."""
    scripts = {_script(ch) for ch in word}
    if len(scripts) < 2:
        return word
    alike = {"latin": _LATIN_LOOKALIKES, "cyrillic": _CYRILLIC_LOOKALIKES}
    own = {s for s in scripts if any(_script(ch) == s and ch not in alike[s] for ch in word)}
    target = next(iter(own)) if len(own) == 1 else majority if not own else None
    if target is None:
        return word  # letters of both alphabets with no look-alike: 'RTД', written so
    return word.translate(_TO_LATIN if target == "latin" else _TO_CYRILLIC)


def one_script(name: str) -> str:
    """`name` with the look-alike letters of the other alphabet inside its words put in the
    word's own ('СNN' -> 'CNN', 'Berliner Morgenрost' -> 'Berliner Morgenpost', 'Тwitter' ->
    'Twitter'); a word of both alphabets' own letters stays ('RTД', 'НГ-EL': parts apart)."""
    counts = {"latin": 0, "cyrillic": 0}
    for ch in "".join(_LETTERS.findall(name)):
        counts[_script(ch)] += 1
    majority = max(counts, key=counts.get) if counts["latin"] != counts["cyrillic"] else None
    return _LETTERS.sub(lambda m: _one_script_word(m.group(), majority), name)


def indeclinable(word: str) -> bool:
    """A word (its last part after a hyphen) the dictionary does not know, written as it does
    not decline: with no ending ('Бильд', 'Эр-Рияд', not genitive plurals of 'Бильда',
    'Эр-Рияда'), or in -и after a consonant that takes -ы ('Имеди', 'Катимерини'; 'Мосбиржи'
    declines), unless it ends with a longer word in another case ('Белоруснефти')."""
    part = word.rpartition("-")[2]
    if _CASE_FORM.search(part) or any(p.is_known for p in morph()(part)):
        return False
    if part[-1:] in CONSONANTS:
        return True
    if len(part) < 3 or part[-1] != "и" or part[-2] not in CONSONANTS or part[-2] in VELAR_HUSHING:
        return False
    return not any(
        p.is_known and p.tag.case in CASES and p.tag.case != "nomn"
        for n in range(_COMPOUND_PART, len(part) - 1)
        for p in morph()(part[-n:])
    )


#: A number joined to a name by a hyphen: 'Формулы-1', 'Евровидения-2017'.
_NUMBERED = re.compile(r"(?<=\w)-\d+$")


def _numbered_noun(token: str) -> str:
    """A token without the number joined to it when the rest is a noun the dictionary knows
    ('Формулы-1' -> 'Формулы'); else the token ('Ту-160', 'Пакш-2')."""
    base = _NUMBERED.sub("", token)
    if base == token:
        return token
    parses = morph()(base.lower())
    return base if parses and parses[0].is_known and parses[0].tag.POS == "NOUN" else token


def _modifies(forms: dict[tuple[str, str], list], rest: list[str]) -> bool:
    """Whether a word the dictionary reads first as a noun is an adjective of the words after
    it: 'Главного управления', 'Малого театра', 'Главного оперативного управления' ('главное',
    'малое' are also nouns), 'Семипалатинском полигоне'. Before a genitive, which may be the
    noun's own, a dictionary's common noun with as many adjective readings as noun ones is an
    adjective only in a form it shares with one: 'Парком эмансипации' is the park, not a
    locative of a rare 'паркий'."""
    adjective = {k for k, parses in forms.items() if any(p.tag.POS == "ADJF" for p in parses)}
    if not adjective or not rest:
        return False
    pos, following = _head_forms(rest[0].lower())
    shared = adjective & set(following)
    if pos not in ("ADJF", "PRTF", "NOUN") or not shared:
        return False
    readings = [p for parses in forms.values() for p in parses]
    nouns = [p for p in readings if p.tag.POS == "NOUN"]
    common = all(p.is_known and not {"Geox", *_PROPER} & p.tag.grammemes for p in nouns)
    likelier = 2 * len(nouns) < len(readings)  # 'Синей книги': four adjectives, one 'синь'
    also_noun = any(p.tag.POS == "NOUN" for k in shared for p in forms[k])
    genitive = any(case == "gent" for case, _n in following)
    return also_noun or likelier or not common or not genitive


@lru_cache(maxsize=CACHE_SIZE)
def phrase(text: str) -> str:
    """Organisation or place: leading adjectives and head noun to the nominative; the rest of
    the text stays as written."""
    text = " ".join(text.split())
    matches = list(_WORD.finditer(text))
    tokens = [m.group() for m in matches]
    if tokens and (abbreviation := _CASE_ENDING.fullmatch(tokens[0])):
        return abbreviation[1] + text[matches[0].end() :]
    if not tokens or _ABBREVIATION.search(tokens[0]) or not re.match(r"[А-Яа-яЁё]", tokens[0]):
        return text
    if indeclinable(tokens[0].lower()):
        return text
    bases = [_numbered_noun(token) for token in tokens]  # 'Формулы-1': 'Формулы'
    at, run = _run(bases)  # the positions and parses of the adjectives, then the head noun
    if not run:
        return text
    coordinated = _coordinated_adjectives(bases, at)
    shared = set.intersection(*(set(f) for f in run))
    if not shared and 0 < coordinated < len(run):
        shared = _shared_plural(run, coordinated)  # 'Русской и Сербской православных церквей'
    if not shared and len(run) > 1:
        run = _shared_head(run)  # 'Мариинского театров' of 'Большого и Мариинского театров'
        shared = set.intersection(*(set(f) for f in run))
    if not shared:
        return text
    # Names of organisations and places are singular unless only a plural fits ("сил"). Ties
    # go to the first in sorted order: a set's order changes with each process's hash seed.
    case, number = max(
        sorted(shared),
        key=lambda k: (
            k[1] == "sing",
            k[0] == "nomn",
            sum(p.score for f in run for p in f.get(k, ())),
        ),
    )
    head = next((p for p in run[-1][(case, number)] if p.tag.POS == "NOUN"), None)
    gender = _gender(head) if head is not None else _adjectives_gender(run, (case, number))
    out = list(tokens[: at[-1] + 1])
    for index, (position, forms) in enumerate(zip(at, run, strict=True)):
        wanted = "NOUN" if index == len(run) - 1 else "ADJF"
        # an adjective joined by 'и' before a plural head that two names share is singular
        grammar = (case, number) if (case, number) in forms else (case, "sing")
        parse = max(forms[grammar], key=lambda p: (wanted == p.tag.POS) + p.score)
        grams = {"nomn", grammar[1]} | (parse.tag.grammemes & {"Supr", "Qual", "COMP"})
        if parse.tag.POS != "NOUN" and grammar[1] == "sing" and gender:
            grams.add(gender)
        inflected = _inflect(parse, grams)
        token = bases[position]
        word = keep_capitals(restore_case(inflected.word, token), token) if inflected else token
        out[position] = word + tokens[position][len(token) :]
    titled = head is not None and head.is_known and "anim" in head.tag.grammemes
    if titled and number == "sing" and len(tokens) == at[-1] + 2:
        out.append(_apposition(tokens[-1], case, number, gender))
    elif case != "nomn":
        out += _coordinated(tokens[at[-1] + 1 :], case)
    for match, word in reversed(list(zip(matches, out, strict=False))):
        text = text[: match.start()] + word + text[match.end() :]
    return text


def _run(bases: list[str]) -> tuple[list[int], list[dict]]:
    """The positions and (case, number) parses of a name's leading adjectives and its head
    noun. Adjectives joined by 'и' share the head ('Иммиграционной и таможенной полиции',
    'Русской и Сербской православных церквей'): an 'и' between an adjective and a word the
    dictionary reads first as one continues the run."""
    at: list[int] = []
    run: list[dict] = []
    for index, token in enumerate(bases):
        if token == "и" and run and _adjective(bases[index + 1 : index + 2]):
            continue  # an 'и' between two adjectives
        pos, forms = _head_forms(token.lower())
        if not forms:
            break
        at.append(index)
        run.append(forms)
        if pos not in ("ADJF", "PRTF") and not _modifies(forms, bases[index + 1 :]):
            break  # the head noun ends the run
    return at, run


def _shared_plural(run: list[dict], coordinated: int) -> set[tuple[str, str]]:
    """The plural (case, number) of a head shared by the names of adjectives joined by 'и',
    each in the singular: the cases the words after them share in the plural, that each of
    them has."""
    after = set.intersection(*(set(f) for f in run[coordinated:]))
    cases = [{c for c, _n in forms} for forms in run[:coordinated]]
    return {(c, n) for c, n in after if n == "plur" and all(c in found for found in cases)}


def _adjective(following: list[str]) -> bool:
    """Whether the dictionary reads the one word of `following` first as an adjective."""
    return bool(following) and _head_forms(following[0].lower())[0] in ("ADJF", "PRTF")


def _coordinated_adjectives(bases: list[str], at: list[int]) -> int:
    """How many of a run's words are adjectives joined by 'и' (up to the last after it); 0
    where none is."""
    joined = [i for i, position in enumerate(at) if position > 0 and bases[position - 1] == "и"]
    return joined[-1] + 1 if joined else 0


def _gender(head: Parse) -> str | None:
    """The gender of a head noun, a plural's in the singular ('театров': masculine)."""
    if head.tag.number != "plur":
        return head.tag.gender
    single = _inflect(head, {"nomn", "sing"})
    return single.tag.gender if single is not None else None


def _adjectives_gender(run: list[dict], grammar: tuple[str, str]) -> str | None:
    """The one gender of a run of adjectives with no head noun (a span cut before it): the
    gender every word has in `grammar` ('Всероссийской сельскохозяйственной' is feminine), or
    where several fit, the one the first word's nearest nominative shows, for all of them
    ('Новгородского областного' -> 'Новгородское областное', not '... областной')."""
    if grammar[1] != "sing":
        return None
    genders = [{p.tag.gender for p in forms.get(grammar, ())} - {None} for forms in run]
    shared = set.intersection(*genders) if genders else set()
    if (one := sole(shared)) is not None:
        return one
    first = _inflect(max(run[0][grammar], key=lambda p: p.score), {"nomn", "sing"})
    return first.tag.gender if first is not None and first.tag.gender in shared else None


def _coordinated(rest: list[str], case: str) -> list[str]:
    """The words after a head noun in an oblique case when they are 'и' and one noun in that
    case, which end the name: a name of two coordinated nouns, each in the nominative ('Праву
    и справедливости' -> 'Право и справедливость', 'Закона и порядка' -> 'Закон и порядок');
    else none, the rest staying as written ('Партии справедливости и развития')."""
    if len(rest) != 2 or rest[0] != "и" or not rest[1][1:].islower():
        return []
    pos, forms = _head_forms(rest[1].lower())
    parse = next((p for (c, _n), found in sorted(forms.items()) if c == case for p in found), None)
    if pos != "NOUN" or parse is None or parse.tag.POS != "NOUN":
        return []
    inflected = _inflect(parse, {"nomn", parse.tag.number or "sing"})
    return ["и", restore_case(inflected.word, rest[1])] if inflected is not None else []


def _shared_head(run: list[dict]) -> list[dict]:
    """The run with its plural head read in the singular, for adjectives in the singular: a
    head shared by two names ('Большого и Мариинского театров') is plural for both."""
    head = {
        (case, "sing"): [p for p in parses if p.tag.POS == "NOUN"]
        for (case, number), parses in run[-1].items()
        if number == "plur"
    }
    return run[:-1] + [{k: v for k, v in head.items() if v}]


def _apposition(token: str, case: str, number: str, gender: str | None) -> str:
    """A name after a person's title, in the title's case, to the nominative: the ship
    «Адмирала Горшкова» is 'Адмирал Горшков', the 'Академик Ломоносов'."""
    for parse in morph()(token.lower()) if token[:1].isupper() else ():
        tag = parse.tag
        if _PROPER & tag.grammemes and (tag.case, tag.number) == (case, number):
            inflected = _inflect(parse, {"nomn", number} | ({gender} if gender else set()))
            return restore_case(inflected.word, token) if inflected else token
    return token


@lru_cache(maxsize=CACHE_SIZE)
def other_readings(text: str) -> tuple[str, ...]:
    """The nominatives an organisation's name may have besides `phrase`'s: its last word in
    the nominative, for a name that ends with its head ('Казань Арене' -> 'Казань Арена',
    'Джабхат ан-Нусры' -> 'Джабхат ан-Нусра', 'Амкара' -> 'Амкар', 'Реал Мадрида' -> 'Реал
    Мадрид'), its word before a site's domain in the nominative ('Газете.Ru' -> 'Газета.Ru';
    'Грани.Ру' is a plural the corpus writes so), and the name as written, which is also the
    plural of a title that `phrase` reads as a singular ('Известия', not 'Известие';
    'Вести'). Which one is right is for the corpus to say
    (pipeline.stages.entities.organisations). An abbreviation has none ('ГАЗа' is 'ГАЗ', not
    'Газа')."""
    text = " ".join(text.split())
    tokens = words(text)
    if not tokens or _CASE_ENDING.fullmatch(tokens[0]):
        return ()
    found = []
    named = [m for m in _WORD.finditer(text) if any(ch.isalpha() for ch in m.group())]
    if named:
        word = named[-1]
        head, _hyphen, tail = word.group().rpartition("-")
        prefix = text[: word.start()] + (head + "-" if head else "")
        found += [prefix + form + text[word.end() :] for form in _nominatives(tail)]
    if dotted := _DOTTED.fullmatch(text):
        # a site's name whose word before its domain declines: 'Газете.Ru' -> 'Газета.Ru'
        found += [form + dotted[2] for form in _nominatives(dotted[1])]
    if len(named) > 1 and "-" not in (word := named[0]).group() and _named_after(named[1:]):
        # a head noun whose case is another noun's nominative: 'Банка России' -> 'Банк России'
        found += [form + text[word.end() :] for form in _nominatives(word.group())]
    found += _agreeing_nominatives(text)
    found.append(text)
    return tuple(dict.fromkeys(found))


#: A word joined by a dot to the domain of a site's address: 'Газете.Ru', 'Ленты.ру', 'Стране.ua'.
_DOTTED = re.compile(r"([А-ЯЁ][а-яё]+)(\.(?:[A-Za-z]{2,4}|[А-ЯЁа-яё][а-яё]{1,2}))")
#: A name of two or three capitalised Cyrillic words, nothing else: 'Црвены Звезды'.
_AGREEING_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+){1,2}")


def _agreeing_nominatives(text: str) -> list[str]:
    """The name with every word in the nominative, where all its words may be singulars of one
    oblique case and gender: a foreign name that declines as an adjective and its noun do
    ('Црвены Звезды', 'Црвеной Звездой' -> 'Црвена Звезда'), or two nouns in apposition
    ('Атлетико Мадрида' -> 'Атлетико Мадрид'). `phrase` reads the first word the dictionary
    does not know as the head noun and leaves the second as written. A name that two words
    of one case could make is not always one: 'Лиги Европы' is no 'Лига Европа'; the corpus
    says which (it must write the reading as a name)."""
    if not _AGREEING_NAME.fullmatch(text):
        return []
    readings = [_singular_nominatives(word.lower()) for word in text.split()]
    shared = set.intersection(*(set(r) for r in readings))
    return [
        " ".join(restore_case(r[grammar], w) for r, w in zip(readings, text.split(), strict=True))
        for grammar in sorted(shared)
    ]


@lru_cache(maxsize=CACHE_SIZE)
def _singular_nominatives(word: str) -> dict[tuple[str, str], str]:
    """(oblique case, gender) -> the nominative singular of `word` read as a noun or
    adjective of them, the dictionary's guesses included ('црвены': genitive, feminine ->
    'црвена')."""
    found: dict[tuple[str, str], str] = {}
    for parse in morph()(word):
        tag = parse.tag
        if tag.POS not in _NAME_POS or tag.number != "sing" or tag.case not in CASES[1:]:
            continue
        if tag.gender and (tag.case, tag.gender) not in found:
            agreeing = {tag.gender} if tag.POS != "NOUN" else set()  # an adjective's gender
            form = _inflect(parse, {"nomn", "sing"} | agreeing)
            if form is not None:
                found[(tag.case, tag.gender)] = form.word
    return found


def _named_after(rest: list[re.Match]) -> bool:
    """Whether words after a head noun name someone or something (a capital letter): 'Банка
    России', not 'Дома культуры', which the corpus writes as a plural too."""
    return any(m.group()[:1].isupper() for m in rest)


@lru_cache(maxsize=CACHE_SIZE)
def _nominatives(word: str) -> tuple[str, ...]:
    """Nominatives of which `word` may be another case: of the dictionary's nouns, or for a
    word it does not know, of the endings of foreign names ('Амкара' -> 'Амкар', 'Нусры' ->
    'Нусра'); as `word` is written."""
    if not word[:1].isalpha() or any(ch.isupper() for ch in word[1:]):  # 'МИД', 'КамАЗа'
        return ()
    lower = word.lower()
    parses = morph()(lower)
    forms = []
    for parse in parses:
        tag = parse.tag
        if tag.POS != "NOUN" or tag.case not in CASES or tag.case == "nomn":
            continue
        if tag.number != "plur" and not _PROPER & tag.grammemes:
            forms.append(parse.normal_form)  # a common noun's lemma is its nominative
            continue
        grams = {"nomn", tag.number or "sing"} | ({tag.gender} if tag.gender else set())
        inflected = _inflect(parse, grams)  # 'Кузнецова' -> 'Кузнецов', not 'Кузнецова'
        forms += [inflected.word] if inflected else []
    # The endings of foreign names, also for a word the dictionary knows only in an oblique
    # case ('Алросу' is its 'Алрос' and may be the 'Алроса' the corpus writes; not the plural
    # 'Бастионы'); the corpus chooses.
    if not any(p.is_known and p.tag.case == "nomn" for p in parses):
        forms += [form for case, _g, form, _w in _paradigms(lower) if case != "nomn"]
    return tuple(
        keep_capitals(restore_case(f, word), word)
        for f in dict.fromkeys(forms)
        if f != lower and len(f) > 2
    )


#: The least weight of a word's reading that declines it by a known pattern or dictionary
#: (not left as written, nor a guessed nominative).
_DECLINED = 0.5


def reading_of(text: str, case: str, gender: str) -> str | None:
    """The nominative reading of a person's name in `case` and `gender`, when each word that
    declines has a form of them ('Илону Маску', 'datv', 'masc' -> 'Илон Маск'); a word that
    does not decline stays as written. None when a declining word has no such form ('Ирину
    Услугину' is no man's accusative). bench/morph_names.py reads a tagger's case and gender
    of a name through it."""
    tokens, options, totals = _name_readings(text)
    key = (case, gender)
    if key not in totals:
        return None
    for best in options:
        declined = {k for k, (weight, _form) in best.items() if weight >= _DECLINED}
        if declined and key not in declined:
            return None
    return _reading(tokens, options, key)


@lru_cache(maxsize=CACHE_SIZE)
def may_be_nominative(word: str) -> bool:
    """Whether a word may be a nominative: a form the dictionary reads so, or one it does not
    know (a Latin or foreign name)."""
    if not re.match("[А-Яа-яЁё]", word):
        return True
    parses = morph()(word.lower())
    return not all(p.is_known for p in parses) or any(p.tag.case in (None, "nomn") for p in parses)
