"""Entity mentions in sentences: natasha's NER batched across documents, each span cleaned
(brackets, lines, titles, routes, dictionary words tagged by mistake) and its name put into
the nominative."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.nlp import normalize
from pipeline.nlp.gazetteer import adjectives, key, places
from pipeline.nlp.government import GOVERNS, demanded_cases
from pipeline.nlp.institutions import head_only, may_be_genitive
from pipeline.nlp.models import CACHE_SIZE, lemma, morph, plain_hyphens, tag_sentences
from pipeline.nlp.roles import title_lemmas
from pipeline.runtime.choice import sole

_PIECES = re.compile(r"[^()\[\]\n]+")
#: Marks around a name, and the asterisk Russian media put after a banned organisation.
_TRIM = " \t,.:;!?«»\"“”„'‘’-–—/\\*"
_ROUTE = re.compile(r"^([А-ЯЁ][а-яё]+)\s?[-–—]\s?([А-ЯЁ][а-яё]+)$")
#: Grammemes that make a capitalised dictionary word a plausible name.
_NAMEISH = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}
_MAX_WORDS = 12
#: Letters an abbreviation in capitals has at most ('ОДКБ', 'ОБСЕ', 'ЮНЕСКО').
_MAX_ABBREVIATION = 6
#: Letters of a particle that may be a foreign name's article at most ('Ла', 'Ле').
_SHORT_PARTICLE = 3


@dataclass(slots=True)  # not frozen: a frozen one is slower to make, and corpora make millions
class Mention:
    article_id: str
    paragraph: int
    sentence: int
    start: int
    stop: int
    surface: str
    type: str
    name: str  # normalised nominative, before alias merging
    #: A person's grammatical gender as the sentence shows it ('masc', 'femn'), else None.
    gender: str | None = None
    #: A person's other nominative readings with scores, best first; the entity stage picks
    #: among them with corpus-wide evidence ('Асии Биби' -> 'Асия Биби', not 'Асий Биби').
    readings: tuple[tuple[float, str], ...] = ()


#: A number in figures inside a sentence and the word after it: 'со скоростью 6 |Махов'.
_NUMBER_BEFORE = re.compile(r"\w[^\d\n]*?(?<![\w.,:/-])(\d{1,3})\s+$")


def _counted(text: str, sentence_start: int, words: list[tuple[int, int, str]]) -> bool:
    """Whether a one-word person follows a number inside its sentence in the genitive plural
    of a common noun, which that number governs (0, 5-9, 11-14 at its end): a unit, not a
    person ('около 20 Махов'); not a list's number at a line's start ('7  Путин поздравил'),
    a year ('в 2018 Путин начал') or a name's ('G20 Путин')."""
    if len(words) != 1:
        return False
    found = _NUMBER_BEFORE.search(text, sentence_start, words[0][0])
    if not found or found.start() < sentence_start:
        return False
    number = int(found.group(1)[-2:])
    if not (number % 10 in (0, 5, 6, 7, 8, 9) or 11 <= number <= 14):
        return False
    return _plural_noun(words[0][2].lower())


@lru_cache(maxsize=CACHE_SIZE)
def _plural_noun(word: str) -> bool:
    """Whether the dictionary knows `word` as a common noun's genitive plural."""
    return any(
        p.is_known
        and p.tag.POS == "NOUN"
        and p.tag.number == "plur"
        and p.tag.case == "gent"
        and not _NAMEISH & p.tag.grammemes
        for p in morph()(word)
    )


@lru_cache(maxsize=CACHE_SIZE)
def known_common_word(word: str, *, nouns: bool = True) -> bool:
    """A dictionary word that is not a name: 'Еще', 'Перспектива', 'Госминистр', 'Вместо'.
    With `nouns=False`, common nouns do not count ('на Луне', 'в Конгрессе' name things)."""
    parses = morph()(word.lower())
    return bool(parses) and all(
        p.is_known and not (_NAMEISH & p.tag.grammemes) and (nouns or p.tag.POS != "NOUN")
        for p in parses
    )


@lru_cache(maxsize=CACHE_SIZE)
def _function_word(word: str) -> bool:
    """A preposition or conjunction in its likeliest reading ('Для', 'Однако', 'И'), which no
    organisation's or place's name opens."""
    parses = morph()(word.lower())
    return bool(parses) and parses[0].is_known and parses[0].tag.POS in ("PREP", "CONJ")


@lru_cache(maxsize=CACHE_SIZE)
def _adverb_or_particle(word: str) -> bool:
    """A dictionary word that is only an adverb or a particle ('Сегодня', 'Теперь', 'Также'),
    never a name ('Бойко', 'Мило') nor anything else; a short particle may be a foreign
    article ('Ла Лига')."""
    parses = morph()(word.lower())
    return (
        bool(parses)
        and all(p.is_known and p.tag.POS in ("ADVB", "PRCL") for p in parses)
        and (len(word) > _SHORT_PARTICLE or parses[0].tag.POS == "ADVB")
    )


def _adverb_before_name(text: str, sentence_start: int, words: list[tuple[int, int, str]]) -> bool:
    """Whether a span opens with an adverb or particle before a capitalised word at the start
    of a sentence, quoted speech included ('Сегодня Оттава планирует ...', '«Сегодня Первый
    канал получил письмо ...'): the sentence capitalised it, the name starts after it. Before a
    word in lower case ('Вместе вперёд') or as a whole title in quotation marks it may open a
    name."""
    before = text[sentence_start : words[0][0]].rstrip()
    return (
        _adverb_or_particle(words[0][2])
        and words[1][2][:1].isupper()
        and (not re.search(r"\w", before) or before.endswith((":", *OPENING)))
        and text[words[-1][1] : words[-1][1] + 1] not in tuple(_CLOSING)
    )


@lru_cache(maxsize=CACHE_SIZE)
def _function_only(word: str) -> bool:
    """A lower-case preposition or conjunction in its likeliest reading ('по', 'и', 'напротив'),
    which no name ends with; not one that is also a declining noun ('плюс': 'ОПЕК плюс')."""
    parses = morph()(word)
    return (
        word.islower()
        and _function_word(word)
        and not any(p.tag.POS == "NOUN" and not {"Abbr", "Fixd"} & p.tag.grammemes for p in parses)
    )


def _trim_function_words(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's or place's span without the prepositions and conjunctions NER left
    at its end: 'Российской ассоциации содействия ООН по' (the 'по' phrase is another noun's),
    'Центра изучения стран Ближнего и'."""
    while len(words) > 1 and _function_only(words[-1][2]):
        words = words[:-1]
    return words


@lru_cache(maxsize=CACHE_SIZE)
def _is_given_name(word: str) -> bool:
    return any("Name" in p.tag.grammemes and p.is_known for p in morph()(word.lower()))


def _strip_leading(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop titles and glued words before a person's name: 'Лорд Вернон Коакер', 'Вместо Дэвис',
    'Панджаба Салман Тасир'."""
    while len(words) > 1 and not _east_asian_surname(words):
        word = words[0][2]
        geox_only = len(words) > 2 and all("Geox" in p.tag.grammemes for p in morph()(word.lower()))
        if known_common_word(word) or _former_or_deputy(word) or geox_only:
            words = words[1:]
        else:
            break
    return words


#: Prefixes of a former or deputy office: 'экс-помощник', 'вице-спикер'.
_OFFICE_PREFIX = re.compile(r"^(?:экс|вице)-", re.IGNORECASE)


def _former_or_deputy(word: str) -> bool:
    """A common word after the prefix of a former or deputy office, which the dictionary does
    not list whole: a role before a name in a headline ('Экс-помощник Обамы', 'Экс-промоутер
    Марчелло Лотти'), no part of it."""
    rest = _OFFICE_PREFIX.sub("", word)
    return rest != word and known_common_word(rest)


def _east_asian_surname(words: list[tuple[int, int, str]]) -> bool:
    """Whether a name's first word is the surname of an East Asian name of three one-syllable
    words, which the dictionary may know as a common or function word ('Пак Кын Хе', 'Ко Ён
    Сук', 'У Юн Гын', 'Сон Хе Рим'): the two words after it are a given name of one syllable
    each (the last may be declined, `_syllables`), neither a first name the dictionary knows
    ('Кын', 'Ён', 'Рим'; not 'Сэр Джон Смит', 'Дэн Браун'), and it is no title."""
    if len(words) != 3 or not words[0][2][:1].isupper():
        return False
    first, given = words[0][2], [w for _a, _b, w in words[1:]]
    return (
        _syllables(first)
        and _syllables(" ".join(given), declined=True)
        and lemma(first.lower()) not in title_lemmas()
        and not any(_first_name(w) for w in given)
    )


def _first_name(word: str) -> bool:
    """Whether the dictionary knows `word` as one person's first name in the nominative ('Джон';
    not 'Юн', a plural genitive, nor 'Рим', a rare vocative)."""
    return any(
        "Name" in p.tag.grammemes and p.tag.number == "sing" and p.tag.case == "nomn"
        for p in morph()(word.lower())
    )


_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.?$")
_LETTERS = re.compile(r"\w")


def _could_be_person(words: list[tuple[int, int, str]]) -> bool:
    """A person's name has a word that is not an initial ('М. С' alone is a cut name) and no
    digits ('Олимпиады-1980', 'Евровидение-2017' are events; 'Пий XII' keeps Roman ones)."""
    return not any(any(ch.isdigit() for ch in w) for _a, _b, w in words) and not all(
        _INITIAL.match(w) for _a, _b, w in words
    )


def clean_span(
    text: str, start: int, stop: int, kind: str, sentence_start: int = 0
) -> list[tuple[int, int, str]]:
    """Split and trim one NER span of `text`; [] when it is noise. A lone capitalised common
    noun is noise only where the capital may come from the sentence start ('Перспектива')."""
    spans = []
    for piece in _PIECES.finditer(text, start, stop):
        words = [
            (piece.start() + m.start(), piece.start() + m.end(), m.group())
            for m in re.finditer(r"\S+", piece.group())
        ]
        words = [
            (a + len(w) - len(w.lstrip(_TRIM)), b - len(w) + len(w.rstrip(_TRIM)), w.strip(_TRIM))
            for a, b, w in words
        ]
        words = [w for w in words if w[2] and any(ch.isalpha() for ch in w[2])]
        if not words or len(words) > _MAX_WORDS:
            continue
        # A preposition opening a sentence is capitalised by its place: 'Для обороны' names
        # nothing; a name in quotation marks may start so ('движение «За права человека»').
        while (
            kind != "PER"
            and len(words) > 1
            and (
                (
                    _function_word(words[0][2])
                    and not re.search(r"[\w«„“\"]", text[sentence_start : words[0][0]])
                )
                or _adverb_before_name(text, sentence_start, words)
            )
        ):
            words = words[1:]
        if kind != "PER":
            words = _trim_function_words(_cut_at_verb(text, words))
        if kind == "ORG":
            words = _cut_glued(words)
        piece_kind = kind
        if kind != "PER" and len(words) >= 2 and _is_given_name(words[0][2]):
            piece_kind = "PER"  # 'ЕС (Марианой Куюнджич': a person in apposition
        if piece_kind == "PER":
            words = _strip_leading(words)
            if not _could_be_person(words) or _counted(text, sentence_start, words):
                continue
        first = words[0][2]
        if not first[0].isupper() and not first[0].isdigit():
            continue
        opens_sentence = not re.search(r"\w", text[sentence_start : words[0][0]])
        # A word in capitals may be an abbreviation ('МИД'); a long one that the dictionary
        # knows only as a common word is a label ('ИНТЕРВЬЮ'), wherever it stands.
        shouted = first.isupper() and len(first) > _MAX_ABBREVIATION
        if (
            len(words) == 1
            and (shouted or not first.isupper())
            and known_common_word(first, nouns=opens_sentence or shouted)
        ):
            continue
        begin, end = words[0][0], words[-1][1]
        route = _ROUTE.match(text[begin:end]) if piece_kind == "LOC" else None
        if route and all(key(normalize.phrase(part)) in places() for part in route.groups()):
            spans.append((begin + route.start(1), begin + route.end(1), "LOC"))
            spans.append((begin + route.start(2), begin + route.end(2), "LOC"))
            continue
        spans.append((begin, end, piece_kind))
    return spans


#: The share of a word's readings that are verbs above which it is taken for a verb.
_VERB_SHARE = 0.98


@lru_cache(maxsize=CACHE_SIZE)
def _verb(word: str) -> bool:
    """A lower-case word that is a verb in all but rare readings ('присоединились', 'ведут',
    not the genitive of 'ведута'), not one often a noun too ('стали', 'пойму')."""
    return _mostly(word, ("VERB", "INFN"))


@lru_cache(maxsize=CACHE_SIZE)
def _short_form(word: str) -> bool:
    """A lower-case word that is a short adjective or participle in all but rare readings
    ('недостижима', 'представлены', 'должны'), a predicate no name contains: not 'прав',
    most often the genitive plural of 'право'."""
    return _mostly(word, ("ADJS", "PRTS"))


def _mostly(word: str, parts: tuple[str, ...]) -> bool:
    """Whether a lower-case word's known readings are of the parts of speech `parts` by a
    share of at least `_VERB_SHARE` of their scores."""
    parses = [p for p in morph()(word) if p.is_known]
    share = sum(p.score for p in parses if p.tag.POS in parts)
    return word.islower() and bool(parses) and share >= _VERB_SHARE


def _cut_at_verb(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's span ends before a verb or a short adjective or participle NER glued
    to it: 'Центра примирения ведут', 'Организации Брюссельского договора присоединились ФРГ',
    'членов Комиссии недостижима', 'в Совете представлены организации народов Севера'. A title
    in quotation marks may have one ('«Москва строит»', 'программы «Пусть говорят»')."""
    if after_opening(text, words[0][0]):
        return words
    for i, (start, _stop, word) in enumerate(words[1:], 1):
        if any(ch in OPENING for ch in text[words[0][0] : start]):
            return words
        if _verb(word) or _short_form(word):
            return words[:i]
    return words


_DESCRIPTOR = re.compile(r"[A-Za-z]+-[а-яё]+")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=CACHE_SIZE)
def _oblique_noun(word: str) -> bool:
    """A dictionary noun in no nominative reading ('Союза', 'университета', 'штата')."""
    parses = morph()(word.lower())
    return bool(parses) and all(
        p.is_known and p.tag.POS == "NOUN" and p.tag.case != "nomn" for p in parses
    )


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_in_every_reading(word: str) -> bool:
    """Whether the dictionary knows every reading of `word` and each is a nominative (of any
    number or part of speech; `_nominative_only` asks more: a singular noun or adjective)."""
    parses = morph()(word.lower())
    return bool(parses) and all(p.is_known and p.tag.case == "nomn" for p in parses)


def _opens_phrase(word: str) -> bool:
    """A word that opens a new nominative phrase, not a name in apposition: a person's noun in
    lower case, singular ('дьякон', 'славист'; not 'культурологи', which may be a misspelt
    genitive), or an adjective ('Европейская'); 'Университета Сорбонна' stays."""
    first = morph()(word.lower())[0].tag
    if word.islower():
        return first.POS == "NOUN" and {"anim", "sing"} <= first.grammemes
    return first.POS == "ADJF"


def _cut_glued(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's span without what NER glued to it. Before a name in Latin letters, a
    compound common noun names its kind ('IT-компании Lucky Labs', 'PR-агентство Portland
    Communications'): the name is what follows. After a noun in an oblique case, a phrase
    whose every word can only be a nominative is the subject of the sentence, not part of the
    name, when it opens in lower case or with an adjective: 'институтов ЕС и Союза Европейская
    комиссия играет', 'Хайфского университета дьякон'; a capitalised noun is the name in
    apposition ('Университета Сорбонна', 'Университета штата Айова')."""
    if len(words) > 1 and _DESCRIPTOR.fullmatch(words[0][2]) and _LATIN.search(words[1][2]):
        return words[1:]
    for i in range(1, len(words)):
        if (
            _oblique_noun(words[i - 1][2])
            and _opens_phrase(words[i][2])
            and all(_nominative_in_every_reading(w) for _a, _b, w in words[i:])
        ):
            # A phrase in lower case is a common noun ('дьякон'); else it is the name.
            return words[:i] if words[i][2].islower() else words[i:]
    return words


_PAIRS = (("«", "»"), ("„", "“"), ("“", "”"))


def _closing_quote(text: str, start: int, stop: int) -> str:
    """The quotation mark that closes right after a name one opened inside it ('ИК «Велес
    Капитал|»'), which its normal form needs and its span leaves out (as gold corpora do)."""
    span, after = text[start:stop], text[stop : stop + 1]
    for opening, closing in _PAIRS:
        if span.count(opening) > span.count(closing) and after == closing:
            return after
    return after if span.count('"') % 2 and after == '"' else ""


def _extend_first_name(text: str, sentence_start: int, start: int, stop: int) -> int:
    """'Соната Коултер' where NER took only the surname: a capitalised word right before a
    one-word name, not at the start of the sentence (nor after the dash or quotation mark that
    opens it: '— Арбитр Еськов'), is its first name, unless it is a place after a preposition
    ('в Брюсселе Джонсон'); also before a particle ('Мартин дель Потро'), and before the given
    name of syllables of an East Asian name ('Сон Ён Му', `_syllables`)."""
    # A name of several words is whole, but for an East Asian name's given name ('Ён Му').
    several = " " in text[start:stop] and not text[start].islower()
    if several and not _syllables(text[start:stop], declined=True):
        return start
    before = re.search(r"([А-ЯЁ][а-яё]*)\s$", text[max(sentence_start, start - 40) : start])
    if not before or (several and not _syllables(before.group(1))):
        return start
    if len(before.group(1)) == 1 and not _syllable_surname(before.group(1), text[start:stop]):
        return start  # an initial without its dot, or a preposition opening a headline
    begin = start - len(before.group())
    if not re.search(r"\w", text[sentence_start:begin]) or not text[begin - 1].isspace():
        return start
    word = before.group(1).lower()
    parses = morph()(word)
    if (
        lemma(word) in title_lemmas()
        or not _may_agree(word, text[start:stop].split()[0].lower())
        or (
            any(p.tag.POS in ("PREP", "CONJ", "ADVB", "PRCL") for p in parses)
            and not _syllable_surname(before.group(1), text[start:stop])
        )
        or (
            any(key(p.normal_form) in places() for p in parses)
            and _after_preposition(text, sentence_start, begin)
        )
    ):
        return start
    return begin


_VOWELS = re.compile("[аеёиоуыэюя]", re.IGNORECASE)


#: A case ending a Russian text puts on an East Asian given name's last syllable ('Хону').
_SYLLABLE_CASE = re.compile(r"(?<=[^аеёиоуыэюя])(?:ом|ем|ой|а|у|е|ы|и|я|ю)$")


def _syllables(name: str, *, declined: bool = False) -> bool:
    """Whether a name is one or two words of one syllable each: an East Asian name that NER cut
    after its surname ('Сон' + 'Ён Му', 'Хван' + 'Дэ Хону'), whose surname is such a word too.
    The last word of a `declined` given name may carry a case ending ('Хону'); the surname
    before it stands in its own case, the name's ('Хван'; not 'Трампа Тай Кобб')."""
    words = name.split()
    if words and declined and len(_VOWELS.findall(words[-1])) == 2:
        words[-1] = _SYLLABLE_CASE.sub("", words[-1])
    return len(words) <= 2 and all(len(_VOWELS.findall(w)) == 1 for w in words)


def _syllable_surname(word: str, name: str) -> bool:
    """Whether a capitalised function word inside a sentence, one syllable long, is the surname
    of the East Asian name after it ('коллега из Китая У Хайтао', 'Ли Кэцян'): the name is one
    word the dictionary does not know whose syllables open with consonants ('Хай-тао'), as
    Chinese ones do."""
    return (
        len(_VOWELS.findall(word)) == 1
        and " " not in name
        and _OPEN_SYLLABLES.fullmatch(name) is not None
        and not any(p.is_known for p in morph()(name.lower()))
    )


#: A word of one or two syllables each opened by a consonant (Palladius' transcription of
#: Chinese: 'Хайтао', 'Цзиньпин', 'Кэцян').
_OPEN_SYLLABLES = re.compile(
    r"(?:[бвгджзйклмнпрстфхцчшщ]+[аеёиоуыэюя]+[йнь]?(?:н|г)?){1,2}", re.IGNORECASE
)


@lru_cache(maxsize=CACHE_SIZE)
def _may_agree(first: str, name: str) -> bool:
    """Whether a dictionary word can stand in the case of the name after it, as its first name
    would: not in 'Башаром Асадом Путин' ('Асадом' is only instrumental, 'Путин' never) nor in
    'в преддверии Игр Крушельницкий'. A word the dictionary does not know may be in any case."""
    first_parses = morph()(first)
    if not all(p.is_known for p in first_parses):
        return True
    cases = {p.tag.case for p in first_parses if p.tag.case}
    name_cases = {p.tag.case for p in morph()(name) if p.tag.case}
    return not cases or not name_cases or bool(cases & name_cases)


#: Particles of Romance, Germanic and Arabic surnames: 'дель Потро', 'фон дер Ляйен', 'Ле Пен';
#: 'аль-Асад' is one word and needs none.
PARTICLE_WORDS = "дель|де|ди|да|дос|душ|ду|дю|фон|дер|ван|ле|ла|аль|эль|бен|бин|ибн"
_PARTICLE = re.compile(rf"(?<![\w-])((?:(?:{PARTICLE_WORDS})\s)+)$", re.IGNORECASE)
_TRAILING_INITIALS = re.compile(r"\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?")


def _extend_particle(text: str, sentence_start: int, start: int) -> int:
    """'Хуан Мартин дель Потро' where NER took only 'Потро': the particles before a name are
    part of it; the first names before them are taken by `_extend_first_name`."""
    found = _PARTICLE.search(text, max(sentence_start, start - 20), start)
    return start - len(found.group(1)) if found else start


def _extend_initials(text: str, stop: int, sentence_stop: int) -> int:
    """'Симоньян М. С.': initials after a surname belong to the name, dots included."""
    if re.search(r"(?:^|[\s.])[А-ЯЁ]$", text[stop - 2 : stop]) and text[stop : stop + 1] == ".":
        return stop + 1  # 'Петров П.П.'
    found = _TRAILING_INITIALS.match(text, stop, sentence_stop)
    return found.end() if found else stop


#: The rest of a word NER cut from a name: digits, capitals, or letters with a Latin one among
#: them ('RT|360', 'RT|Д', 'Faceb|оok' with a Cyrillic 'о'); a lower-case Cyrillic rest is a
#: case ending or another word ('Nautilus Pompilius|а').
_GLUED_REST = re.compile(
    r"[0-9]+|[A-ZА-ЯЁ]+(?![a-zа-яё])|[A-Za-zА-Яа-яЁё]*[A-Za-z][A-Za-zА-Яа-яЁё]*"
)
#: A number after a name, before the quotation mark that closes it ('«Россия 24»', 'АЭС
#: «Фукусима 1»', '«Студия 1+1»').
_QUOTED_NUMBER = re.compile(r"\s\d{1,4}(?:\+\d{1,4})?(?=[»“”\"])")
#: A number after a name in Latin letters, not one that counts, dates or measures: 'S&P 500',
#: 'CAC 40', 'UFC Fight Night 122', not 'Pfizer 9 ноября', 'Showtime 12—15', '2,5%', nor a
#: year ('прогнозы Bloomberg 2017').
_LATIN_NUMBER = re.compile(r"\s(?!(?:19|20)\d\d\b)\d{1,4}(?![\d%:/+-]|[.,]\d)(?!\s*[-–—]\s*\d)")

#: A version after a name in Latin letters, a digit or two, a dot and one digit: 'Guccifer 2.0',
#: 'WanaCrypt0r 2.0', 'Android 4.4'; not a decimal of more places ('Power Index 0.5664') nor a
#: share ('2.5%').
_VERSION = re.compile(r"\s\d{1,2}\.\d(?![\d%]|[.,]\d)")


def _extend_version(text: str, start: int, stop: int, sentence_stop: int) -> tuple[int, str]:
    """The end of a name in Latin letters with the version NER left after it, of any type, and
    that version (' 2.0'; '' where none follows): a hacker's nickname ('Guccifer 2.0', which
    NER reads as a person's name, not the 'Guccifer' before him), a virus, a system. A
    person's name is read without it and takes it as written."""
    version = _VERSION.match(text, stop, sentence_stop)
    if not version or not re.search(r"[A-Za-z][A-Za-z0-9]*$", text[start:stop]):
        return stop, ""
    return version.end(), version.group()


def _extend_rest(text: str, start: int, stop: int, sentence_stop: int) -> int:
    """The end of an organisation's name NER cut before it ends: the rest of its last word
    (`_GLUED_REST`), or a number that its quotation marks enclose or that follows a name in
    Latin letters, unless a word the number may count or date comes next ('Nord Stream 2
    не', not 'Ryanair 28 сентября')."""
    if stop < sentence_stop and text[stop - 1].isalnum() and text[stop].isalnum():
        glued = _GLUED_REST.match(text, stop, sentence_stop)
        return glued.end() if glued else stop
    quoted_number = _QUOTED_NUMBER.match(text, stop, sentence_stop)
    if quoted_number and any(ch in OPENING for ch in text[max(0, start - 1) : stop]):
        return quoted_number.end()
    number = _LATIN_NUMBER.match(text, stop, sentence_stop)
    if not number or not re.search(r"[A-Za-z]\S*$", text[start:stop]):
        return stop
    following = re.match(r"\s*([А-Яа-яЁёA-Za-z]+)", text[number.end() : sentence_stop])
    counted = following and any(
        p.tag.POS in ("NOUN", "NUMR", "ADJF") for p in morph()(following.group(1).lower())
    )
    return stop if counted else number.end()


def _after_preposition(text: str, sentence_start: int, at: int) -> bool:
    """Whether the word before `at` is a preposition: 'в Брюсселе Джонсон' is a place, then
    a surname ('Азию Биби', 'Маттео Ренци' are first names that the gazetteer or the
    dictionary also knows as places)."""
    before = re.search(r"(\S+)\s+$", text[max(sentence_start, at - 20) : at])
    return bool(before) and preposition(before.group(1).lower())


@lru_cache(maxsize=CACHE_SIZE)
def preposition(word: str) -> bool:
    """Whether some reading of `word` is a preposition."""
    return any(p.tag.POS == "PREP" for p in morph()(word))


OPENING, _CLOSING = '«„“"', '»“”"'


def after_opening(text: str, start: int) -> bool:
    """Whether a quotation mark opens right before `start`: «|Барселоны»."""
    return start > 0 and text[start - 1] in OPENING


def quoted(text: str, start: int, stop: int) -> bool:
    """Whether `text[start:stop]` is written in quotation marks: «Барселоны»."""
    return after_opening(text, start) and stop < len(text) and text[stop] in _CLOSING


@lru_cache(maxsize=CACHE_SIZE)
def normal_name(surface: str, kind: str) -> str:
    """The nominative name of an organisation or place; a one-word place the dictionary only
    guesses ('Габале') takes the lemma that the gazetteer knows ('Габала')."""
    name = normalize.phrase(surface)
    if kind == "LOC" and " " not in surface and key(name) not in places():
        for parse in morph()(surface.lower()):
            if key(parse.normal_form) in places():
                return normalize.restore_case(parse.normal_form, surface)
    return name


Task = tuple[str, str, list[tuple[int, int, int, int]]]  # article_id, text, sentences


def find_mentions(tasks: list[Task]) -> list[Mention]:
    """The cleaned, normalised mentions of each task's sentences (offsets into its text), in
    order: NER over all the tasks' sentences at once, batched across articles. Words are read
    with plain hyphens (`plain_hyphens`); surfaces stay as written."""
    plain = {aid: plain_hyphens(text) for aid, text, _ss in tasks}
    sentences = [(aid, written, s) for aid, written, ss in tasks for s in ss]
    tagged = tag_sentences([plain[aid][s[2] : s[3]] for aid, _written, s in sentences])
    found = []
    for (article_id, written, (paragraph, number, s_start, s_stop)), spans in zip(
        sentences, tagged, strict=True
    ):
        text = plain[article_id]
        cleaned = [
            part
            for start, stop, kind in spans
            for c in clean_span(text, s_start + start, s_start + stop, kind, s_start)
            for part in split_abbreviation(text, *c)
        ]
        for a, b, k in _join_country(text, _listed_places(text, cleaned)):
            if k == "PER":
                a = _extend_first_name(text, s_start, _extend_particle(text, s_start, a), b)
                b = _extend_initials(text, b, s_stop)
            else:
                b = _extend_rest(text, a, b, s_stop)
            b, version = _extend_version(text, a, b, s_stop)
            surface, plain_surface = written[a:b], text[a:b]
            readings, gender = (
                _person_readings(text, s_start, s_stop, a, b - len(version))
                if k == "PER"
                else ((), None)
            )
            readings = tuple((score, name + version) for score, name in readings)
            name = (
                readings[0][1]
                if readings
                else normal_name(plain_surface + _closing_quote(text, a, b), k)
            )
            if k == "PER" and quoted(text, a, b):  # named after a person: отряд «Лиза Алерт»
                k, readings, gender = "ORG", (), None
            found.append(
                Mention(article_id, paragraph, number, a, b, surface, k, name, gender, readings)
            )
    return found


#: How much of the best reading's score a reading of the gender a verb shows needs: below it
#: the name is no subject of that verb ('администрация Дональда Трампа заявила').
_PLAUSIBLE = 0.6


def _person_readings(
    text: str, sentence_start: int, sentence_stop: int, start: int, stop: int
) -> tuple[tuple[tuple[float, str], ...], str | None]:
    """A person's readings, and the gender its sentence shows if a reading fits it. A name that
    is its sentence alone (a byline, a caption, a signature) or heads a list item is in the
    nominative; one after a sentence's opening verb is its subject ('Отличился Сантала')."""
    surface = text[start:stop]
    locative = _locative_governed(text, sentence_start, stop)
    cases, noun_gender = _governing_word(text, sentence_start, start, stop)
    readings = normalize.person_candidates(surface, locative=locative, cases=cases)
    item = _list_item(text, sentence_start, sentence_stop, start, stop)
    if item or not _LETTERS.search(text[sentence_start:start] + text[stop:sentence_stop]):
        nominative = normalize.person_candidates(surface, subject=True, ungoverned=item)
        if nominative[0][0] >= _PLAUSIBLE * readings[0][0]:
            readings = nominative
    gender = shown_gender(text, sentence_start, start, stop, sentence_stop)
    gender = gender or _present_subject_gender(text, sentence_start, start, stop)
    if gender is None and noun_gender:
        # 'японца Нобухару Мацусито': the demonym's gender picks the readings, but shows no
        # gender as a verb's subject does (a shown gender makes the name a nominative).
        return normalize.person_candidates(surface, noun_gender, cases=cases), None
    if gender:
        ungoverned = _OPENING_REFLEXIVE.match(text, sentence_start, start) is not None
        of_gender = normalize.person_candidates(
            surface, gender, subject=True, locative=locative, ungoverned=ungoverned, cases=cases
        )
        # A woman's noun before it: 'певица Джамала купила' (not 'сторонник Виктора
        # Медведчука заявил', where a man's noun governs the genitive it agrees with).
        if of_gender[0][0] >= _PLAUSIBLE * readings[0][0] or (
            gender == "femn" and _apposition_gender(text, sentence_start, start) == gender
        ):
            return of_gender, gender
    return readings, None


def _governing_word(
    text: str, sentence_start: int, start: int, stop: int
) -> tuple[frozenset[str] | None, str | None]:
    """The cases the word right before a name allows it, and the gender it gives it: a
    preposition governs its case ('к Жильберте' is a dative); an adjective agrees with it
    (`_agreeing_adjective`); a demonym in the singular
    (`gazetteer.adjectives`) is an apposition of the name's case and gender ('японца
    Нобухару Мацусито', 'с британцем Джейми Марреем'), which a relational noun is not ('жена
    Путина'). (None, None) for any other word."""
    before = _WORD_BEFORE.search(text[sentence_start:start])
    if not before:
        return None, None
    word = before.group(2)
    opening = before.start(2) == 0
    if not (word.islower() or (opening and word[1:].islower())):
        return None, None  # 'У Хайтао' mid-sentence is a surname
    word = word.lower()
    if word in GOVERNS:
        return GOVERNS[word], None
    cases, gender = _demonym(word)
    return (cases, gender) if cases else _agreeing_adjective(word, text[start:stop])


@lru_cache(maxsize=CACHE_SIZE)
def _agreeing_adjective(word: str, name: str) -> tuple[frozenset[str] | None, None]:
    """The cases of a full adjective in the singular of a person's gender that agrees with the
    name after it ('сумасшедшая Мика': a nominative, not a man's genitive), else None. It
    agrees only where every word of the name may stand in one of its cases (not 'близкий
    Вареньке', 'подопечная Алексея Мишина', where it governs the name). Not a plural one
    ('подопечные Карреры'), a neuter one ('нужное Трампу'), nor a pronoun ('которому')."""
    parses = morph()(word)
    if (
        not demanded_cases(word)
        or any(p.tag.number != "sing" or "Apro" in p.tag for p in parses)
        or not {str(p.tag.gender) for p in parses} & {"masc", "femn"}
    ):
        return None, None
    cases = frozenset(str(p.tag.case) for p in parses if p.tag.gender != "neut")
    words = re.findall(r"\w+", name.lower())
    if not all(any(p.tag.case in cases for p in morph()(w)) for w in words):
        return None, None
    return cases, None


@lru_cache(maxsize=CACHE_SIZE)
def _demonym(word: str) -> tuple[frozenset[str] | None, str | None]:
    """The cases and gender (if one) of a demonym in the singular ('японца': genitive or
    accusative, masculine), else (None, None). A woman's in -ка whose man's in -ец is listed
    is one too ('словенка': 'словенец')."""
    if not _person_noun(word):
        return None, None
    parses = [p for p in morph()(word) if p.is_known]
    lemmas = {p.normal_form for p in parses}
    lemmas |= {f"{w[:-2]}ец" for w in lemmas if w.endswith("ка")}
    if not any(_whole_demonym(w) for w in lemmas):
        return None, None
    genders = {str(p.tag.gender) for p in parses}
    gender = sole(genders)
    return frozenset(str(p.tag.case) for p in parses), gender


def _whole_demonym(word: str) -> bool:
    found = adjectives(word)
    return bool(found) and found[0][:2] == (0, len(word))


#: The prepositions that govern the locative (a closed class of Russian grammar).
_LOCATIVE_PREPOSITION = re.compile(r"(?<![\w-])(?:в|во|на|о|об|обо|при)(?![\w-])", re.IGNORECASE)


def _locative_governed(text: str, sentence_start: int, stop: int) -> bool:
    """Whether a preposition that governs the locative stands in the sentence before the end of
    the name at `stop`: only then may the name be in the locative ('о Путине', 'о брате —
    Антоне Шипулине', a span 'О Шекспире'; not 'Андрей Рублёв провёл образцовый матч против
    британца Аляжа Бедене')."""
    return bool(_LOCATIVE_PREPOSITION.search(text, sentence_start, stop))


#: A list item that a name heads, followed by a number: '(Берра, 9'; Гриффитс, 49')',
#: '(Качарава, 5 — Тадич, 45)': the scorers of a match, results.
_ITEM_BEFORE = re.compile(r"(?:^|[(;—–])\s*$")
_ITEM_AFTER = re.compile(r"\s*,\s*\d")


def _list_item(text: str, sentence_start: int, sentence_stop: int, start: int, stop: int) -> bool:
    """Whether the name at text[start:stop] heads a list item of its own before a number (a
    scorer and the minute, an athlete and the result), where no word governs it."""
    before, after = text[sentence_start:start], text[stop:sentence_stop]
    return bool(_ITEM_BEFORE.search(before) and _ITEM_AFTER.match(after))


#: Words that may open a clause before its subject: conjunctions, particles, adverbs.
_CLAUSE_OPENERS = frozenset({"CONJ", "PRCL", "ADVB"})


def _present_subject_gender(text: str, sentence_start: int, start: int, stop: int) -> str | None:
    """The gender of a lone first name that opens its clause as the subject of a verb in the
    present or future singular, which shows no gender itself: the name is in the nominative,
    and the dictionary's nominative of it has one gender ('К тому же Симона сохраняет ещё и
    шансы': a woman, not the genitive of 'Симон'). A noun or a preposition before the name
    may govern it ('отец Евгения работает', 'у Евгения есть'), so the name opens the sentence
    or follows a punctuation mark, a conjunction, a particle or an adverb."""
    surface = text[start:stop]
    after = _NEXT_WORDS.match(text, stop, stop + 40)
    if " " in surface or "-" in surface or after is None:
        return None
    first, second = after.groups()
    verb = second if first in _BETWEEN and second else first
    if not _present_singular(verb) or not _opens_clause(text, sentence_start, start):
        return None
    return _first_name_gender(surface.lower())


@lru_cache(maxsize=CACHE_SIZE)
def _present_singular(word: str) -> bool:
    """Whether `word` is first read as a verb in the third person singular, present or future
    ('сохраняет', 'заявит')."""
    parses = morph()(word)
    tag = parses[0].tag if parses else None
    return bool(tag) and tag.POS == "VERB" and tag.person == "3per" and tag.number == "sing"


def _opens_clause(text: str, sentence_start: int, start: int) -> bool:
    """Whether nothing before `start` in its sentence may govern a name there: the sentence
    opens, or a mark of punctuation, a conjunction, a particle or an adverb stands before."""
    before = text[sentence_start:start].rstrip()
    if not before or before[-1] in ',;:—–-(«"':
        return True
    word = re.search(r"([А-Яа-яЁё]+)$", before)
    parses = morph()(word.group(1).lower()) if word else []
    return bool(parses) and all(p.tag.POS in _CLAUSE_OPENERS for p in parses)


@lru_cache(maxsize=CACHE_SIZE)
def _first_name_gender(word: str) -> str | None:
    """The gender of the first name the dictionary reads `word` (lower case) as in the
    nominative, if one ('симона' a woman's, 'никита' a man's; not 'саша')."""
    genders = {
        str(p.tag.gender)
        for p in morph()(word)
        if p.is_known and "Name" in p.tag.grammemes and p.tag.case == "nomn"
    }
    return sole(genders & {"masc", "femn"})


#: Words that may stand between a subject and its verb: 'Захарова также заявила'.
_BETWEEN = {"также", "тоже", "уже", "ранее", "вновь", "еще", "ещё", "не", "лично", "впервые"}
_NEXT_WORDS = re.compile(r"\s+([а-яё]+)(?:\s+([а-яё]+))?")
_INVERTED = re.compile(r"[,—–]\s*([а-яё]+)\s+$")
_OPENING_REFLEXIVE = re.compile(r"\s*([А-ЯЁа-яё]+(?:ся|сь))\s+$")


@lru_cache(maxsize=CACHE_SIZE)
def _agreement(word: str) -> str | None:
    """The gender a past-tense verb or short participle or adjective in the singular shows
    ('заявила' -> 'femn', 'уверен' -> 'masc'); None for any other word."""
    parses = morph()(word)
    genders = {
        str(p.tag.gender)  # a pymorphy grammeme does not pickle
        for p in parses
        if p.tag.POS in ("VERB", "PRTS", "ADJS") and p.tag.number == "sing"
    }
    if not parses or parses[0].tag.POS not in ("VERB", "PRTS", "ADJS") or len(genders) != 1:
        return None
    gender = genders.pop()
    return gender if gender in ("masc", "femn") else None  # 'правительство заявило'


def shown_gender(
    text: str, sentence_start: int, start: int, stop: int, sentence_stop: int | None = None
) -> str | None:
    """The gender of the person named at text[start:stop] as the verb it governs shows it:
    'Захарова заявила', 'Клинтон также отметила', or after a quote, '..., — заявила
    Захарова', also where the name ends the sentence after its titles ('— пояснила «НГ»
    профессор кафедры ... Евгения Обичкина.'). A name after a preposition is not the subject
    ('у Захарова была'), nor one after a thing it belongs to ('Рота Григорьянца собралась',
    'компания Илона Маска заявила')."""
    after = _NEXT_WORDS.match(text, stop, stop + 40)
    if (
        after
        and not _after_preposition(text, sentence_start, start)
        and not _owned(text, sentence_start, start)
        and not _apposition_after_preposition(text, sentence_start, start, stop)
    ):
        first, second = after.groups()
        gender = _agreement(first)
        if gender is None and first in _BETWEEN and second:
            gender = _agreement(second)
        elif gender and second and _nominative_only(second) == gender:
            gender = None  # 'в карьере Каперника наступила пауза': the verb is the noun's
        if (
            gender
            and _owner_through_genitives(text, sentence_start, start) == gender
            and not _nominative_first_name(text[start:stop])
        ):
            gender = None  # 'история фермера Васильева получила огласку': the verb is the noun's
        if gender:
            return gender
    before = _INVERTED.search(text, max(sentence_start, start - 40), start)
    if before is None and sentence_stop is not None:
        distant = _distant_verb(text, sentence_start, start, stop, sentence_stop)
        if distant:
            return distant
    if before is None:
        # A reflexive verb opening the sentence, which takes no object in the accusative:
        # 'Отличился Сантала.', 'Вызывался Давиде'.
        before = _OPENING_REFLEXIVE.match(text, sentence_start, start)
    return _agreement(before.group(1).lower()) if before else None


#: A verb after the dash that ends a quote, then the words up to a name: '», — пояснила «НГ»
#: профессор ... '.
_SPEECH_BEFORE = re.compile(r"(?:^|[,.!?…»\"])\s*[—–]\s*([а-яё]+)\s+([^,—–()]{1,150})$")
_TAIL = re.compile(r"[\s.!?…»\"“”]*")


def _distant_verb(
    text: str, sentence_start: int, start: int, stop: int, sentence_stop: int
) -> str | None:
    """The gender of a verb after the dash that ends a quote, where a name ends the sentence
    ('— пояснила «НГ» профессор кафедры МГИМО Евгения Обичкина.'; not 'Месси, разыграл
    бывшего голкипера «Реала» Икера Касильяса.'): the name is its subject where no word
    between is a verb, a pronoun, a first name or a noun in the nominative of the verb's
    gender (the subject then: '— рассказала мать Ивана Петрова'); a title of the other gender
    ('профессор') is an apposition."""
    if not _TAIL.fullmatch(text, stop, sentence_stop) or not _may_be_subject(text[start:stop]):
        return None
    found = _SPEECH_BEFORE.search(text[sentence_start:start])
    if found is None:
        return None
    verb = found.group(1)
    gender = _agreement(verb)
    if gender is None or morph()(verb)[0].tag.POS != "VERB":
        return None
    between = [w.strip('«»"“”.') for w in found.group(2).split()]
    if any(w and _blocks_subject(w, gender) for w in between):
        return None
    return gender


def _may_be_subject(name: str) -> bool:
    """Whether a name's first word can be a nominative: one that cannot ('со ссылкой на ...
    Татьяну Петрову') is no verb's subject."""
    first = name.split()[0].lower()
    return any("nomn" in p.tag for p in morph()(first))


#: A noun's nominative singular, which may be a verb's subject.
_SUBJECT_NOUN = frozenset({"NOUN", "nomn", "sing"})


@lru_cache(maxsize=CACHE_SIZE)
def _blocks_subject(word: str, gender: str) -> bool:
    """Whether a word between a verb and a name may be the verb's subject or another clause's
    verb (`_distant_verb`)."""
    if not word[:1].isalpha():
        return False
    parses = morph()(word.lower())
    if word[0].isupper():
        return any(p.is_known and "Name" in p.tag.grammemes for p in parses)
    return _verb(word) or any(
        p.tag.POS == "NPRO"
        or (p.tag.grammemes >= _SUBJECT_NOUN and {gender, "ms-f"} & p.tag.grammemes)
        for p in parses
        if p.is_known
    )


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_only(word: str) -> str | None:
    """The gender of a common noun, or of an adjective that opens one, that can only be a
    nominative singular ('пауза', 'серьезная', not 'закон', which may be an object), else
    None: 'и Анне Уорнер понадобилась серьезная медицинская помощь'."""
    parses = [p for p in morph()(word) if p.is_known]
    if (
        parses
        and all(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "nomn" for p in parses)
        and all(p.tag.number == "sing" and not _NAMEISH & p.tag.grammemes for p in parses)
    ):
        genders = {str(p.tag.gender) for p in parses}
        return sole(genders)
    return None


#: A word right before a name, and what stands before that word in its sentence.
_WORD_BEFORE = re.compile(r"(?:^|(\S+)\s+)([А-Яа-яЁё]+)\s+$")


def _apposition_gender(text: str, sentence_start: int, start: int) -> str | None:
    """The gender of a person's noun in the nominative right before a name ('певица
    Джамала купила'), which with the verb's agreement makes the name the subject even
    where a man's oblique case is the likelier reading ('Джамала' as 'Джамал')."""
    before = _WORD_BEFORE.search(text[sentence_start:start])
    if not before or not before.group(2).islower():
        return None
    parses = [p for p in morph()(before.group(2)) if p.is_known]
    genders = {p.tag.gender for p in parses}
    if (
        parses
        and len(genders) == 1
        and all(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in parses)
        and all(p.tag.case == "nomn" and p.tag.number == "sing" for p in parses)
    ):
        return genders.pop()
    return None


def _apposition_after_preposition(text: str, sentence_start: int, start: int, stop: int) -> bool:
    """Whether the name at text[start:stop] follows a person's noun after a preposition, in a
    case they may share: 'в паре с британцем Джейми Марреем выиграла' (the verb agrees with
    someone else); not 'по связям с соотечественниками Константин Затулин призвал'. A
    thing's noun there may end a phrase of time or place ('С понедельника Захарова
    заявила')."""
    before = _WORD_BEFORE.search(text[sentence_start:start])
    return bool(
        before
        and before.group(1)
        and before.group(2).islower()
        and preposition(before.group(1).lower().strip(',;:«»"()'))
        and _person_noun(before.group(2).lower())
        and _may_agree(before.group(2).lower(), text[start:stop].split()[-1].lower())
    )


@lru_cache(maxsize=CACHE_SIZE)
def _person_noun(word: str) -> bool:
    """Whether the dictionary knows `word` only as an animate common noun in the singular
    ('британцем', 'министра')."""
    parses = [p for p in morph()(word) if p.is_known]
    return bool(parses) and all(
        p.tag.POS == "NOUN"
        and p.tag.animacy == "anim"
        and p.tag.number == "sing"
        and not _NAMEISH & p.tag.grammemes
        for p in parses
    )


def _owned(text: str, sentence_start: int, start: int) -> bool:
    """Whether the name at `start` follows a thing that owns it, in the nominative, which its
    verb then agrees with: 'Рота Григорьянца', 'компания Илона Маска', or a title in quotation
    marks that opens the sentence ('«Утопия» Мора подвела черту'). Only a noun whose
    nominative is no accusative counts ('рубеж Александр преодолел' is an object), and not
    after a preposition; a person's noun is an apposition ('врач Иванова заявила')."""
    title = _OPENING_TITLE.fullmatch(text, sentence_start, start)
    if title:
        return _thing_in_nominative(title.group(1).lower())
    before = _WORD_BEFORE.search(text[sentence_start:start])
    if not before or (before.start(2) > 0 and not before.group(2).islower()):
        return False
    governed = before.group(1) and preposition(before.group(1).lower().strip(',;:«»"()'))
    return not governed and _thing_in_nominative(before.group(2).lower())


#: A word in lower-case letters only, no punctuation: one word of a phrase.
_LOWER_WORD = re.compile(r"[а-яё]+")


def _owner_through_genitives(text: str, sentence_start: int, start: int) -> str | None:
    """The gender of a thing in the nominative that owns the name at `start` through words in
    the genitive between them ('история фермера Васильева', 'Публикация доклада Гарсии',
    'ошибка штаба Булье'), which a verb after the name may agree with instead; None where no
    such thing stands there, or after a preposition. A verb of another gender is the name's
    ('живая легенда российского киноведения Наум Клейман размышлял')."""
    words = text[sentence_start:start].split()
    at = len(words) - 1
    while at > 0 and _genitive_word(words[at]):
        at -= 1
    if at == len(words) - 1 or at < 0 or not _LOWER_WORD.fullmatch(words[at].lower()):
        return None
    if at > 0 and (words[at][0].isupper() or preposition(words[at - 1].lower().strip(',;:«»"()'))):
        return None
    return _thing_gender(words[at].lower())


def _nominative_first_name(name: str) -> bool:
    """Whether a name of several words opens with a word the dictionary likeliest reads as a
    first name in the nominative: the subject, in apposition to the noun before it ('бывшая
    первая ракетка мира Виктория Азаренко стала мамой'), not that noun's genitive ('карьера
    выпускника университета Омида Зобери')."""
    first, *rest = name.split()
    likeliest = morph()(first.lower())[0].tag
    return bool(rest) and "Name" in likeliest and likeliest.case == "nomn"


@lru_cache(maxsize=CACHE_SIZE)
def _genitive_word(word: str) -> bool:
    """Whether `word`, in lower case, is likeliest a noun, adjective or participle and may be in
    the genitive, and cannot be a thing in the nominative ('фермера', 'бельгийского')."""
    if not _LOWER_WORD.fullmatch(word):
        return False
    parses = [p for p in morph()(word) if p.is_known]
    if not parses or parses[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return False
    genitive = any(p.tag.case in ("gent", "gen2") for p in parses)
    return genitive and not _thing_in_nominative(word)


@lru_cache(maxsize=CACHE_SIZE)
def _thing_gender(word: str) -> str | None:
    """The gender of `word` as a thing in the nominative (`_thing_in_nominative`), else None."""
    if not _thing_in_nominative(word):
        return None
    parses = [p for p in morph()(word) if p.is_known and p.tag.case == "nomn"]
    return sole({str(p.tag.gender) for p in parses})


#: A title in quotation marks that opens a sentence, up to a name after it: its first word,
#: the head of a title ('«Утопия» ', '«Красная площадь» ').
_OPENING_TITLE = re.compile(r"\s*[«„“\"]([А-ЯЁа-яё]+)[^«»„“”\"]*[»“”\"]\s+")


@lru_cache(maxsize=CACHE_SIZE)
def _thing_in_nominative(word: str) -> bool:
    parses = [p for p in morph()(word) if p.is_known]
    return (
        bool(parses)
        and all(p.tag.POS == "NOUN" and p.tag.animacy == "inan" for p in parses)
        and any(p.tag.case == "nomn" and p.tag.number == "sing" for p in parses)
        and not any(p.tag.case == "accs" for p in parses)
        and not any(_NAMEISH & p.tag.grammemes for p in parses)
    )


#: An abbreviation in capitals after a comma that ends a span: 'ИГ, |ИГИЛ', 'World Food
#: Programme, |WFP'.
_LISTED_ABBREVIATION = re.compile(r"(\S.*?)\s*,\s*([A-ZА-ЯЁ][A-ZА-ЯЁ0-9]+)")
#: Legal forms, which end a company's name after a comma ('BGR Government Affairs, LLC').
_LEGAL_FORMS = frozenset({"LLC", "INC", "LTD", "PLC", "AG", "SA", "GMBH", "LLP", "CO"})


def split_abbreviation(text: str, start: int, stop: int, kind: str) -> list[tuple[int, int, str]]:
    """Two names NER glued at a comma, a name and its abbreviation: '«Исламское государство»
    (ИГ, ИГИЛ)' names 'ИГ' and 'ИГИЛ'; 'World Food Programme, WFP' both. A person's name,
    a legal form and any other comma stay ('Вперед, Италия')."""
    found = _LISTED_ABBREVIATION.fullmatch(text, start, stop)
    if kind == "PER" or not found or found[2] in _LEGAL_FORMS:
        return [(start, stop, kind)]
    return [(start, found.end(1), kind), (found.start(2), stop, kind)]


#: What joins the names of a list: a comma, "и" or both.
_LIST_GAP = re.compile(r"\s*(?:,|и|,\s*и)\s+")
_IN_PLACES = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.IGNORECASE)


def _listed_places(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's one word in a list of two or more places after 'в' or 'на', in the
    locative like them, is a place: 'водохранилища на Чулыме, Кети, Васюгане, Тыме, Вахе'
    (rivers NER took for people). A person after such a preposition would be a place's
    locative only in nonsense ('в России, Иране и Асаде')."""
    found = list(spans)
    runs: list[list[int]] = []
    for i in range(len(found)):
        if i and _LIST_GAP.fullmatch(text[found[i - 1][1] : found[i][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        places = sum(found[i][2] == "LOC" for i in run)
        if places < 2 or not _IN_PLACES.search(
            text[max(0, found[run[0]][0] - 4) : found[run[0]][0]]
        ):
            continue
        for i in run:
            a, b, kind = found[i]
            if kind == "PER" and " " not in text[a:b] and _locative(text[a:b]):
                found[i] = (a, b, "LOC")
    return found


@lru_cache(maxsize=CACHE_SIZE)
def _locative(word: str) -> bool:
    """Whether some reading of `word` is a singular locative ('Васюгане', 'Кети')."""
    return any(
        p.tag.case in ("loct", "loc2") and p.tag.number != "plur" for p in morph()(word.lower())
    )


def _join_country(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation followed by a country in the genitive is one name: 'Министерство
    торговли' + 'США' -> 'Министерство торговли США' (abbreviations such as 'МИД' are left);
    so is an institution's head and the name in the genitive that completes it: 'Совету' +
    'НАТО', 'Исследовательской службы' + 'Конгресса'."""
    joined: list[tuple[int, int, str]] = []
    for a, b, k in spans:
        if joined and joined[-1][2] == "ORG" and not text[joined[-1][1] : a].strip():
            start, stop, _kind = joined[-1]
            country = k == "LOC" and is_country_genitive(text[a:b])
            if (country and not text[start:stop].isupper()) or _completes(
                text, start, stop, a, b, k
            ):
                joined[-1] = (start, b, "ORG")
                continue
        joined.append((a, b, k))
    return joined


def _completes(text: str, start: int, stop: int, a: int, b: int, kind: str) -> bool:
    """Whether the name at text[a:b] is the genitive that completes the institution's head at
    text[start:stop]: 'Президиуме' + 'РАН', 'Всемирная служба' + 'Би-би-си'."""
    first = text[a:b].split()[0]
    return (
        kind in ("ORG", "LOC")
        and first[:1].isupper()
        and head_only(text[start:stop]) is not None
        and may_be_genitive(first)
    )


def split_country(name: str) -> tuple[str, str] | None:
    """(the rest, the country) of a name that ends with a country in the genitive ('МИД
    России' -> ('МИД', 'RUS')), else None."""
    bare, _space, last = name.rpartition(" ")
    country = country_of_genitive(last) if bare else None
    return (bare, country) if country else None


def is_country_genitive(surface: str) -> bool:
    """Whether `surface` names a country in the genitive ('России', 'США', 'Украины')."""
    return country_of_genitive(surface) is not None


@lru_cache(maxsize=CACHE_SIZE)
def country_of_genitive(surface: str) -> str | None:
    """The country (alpha-3) that `surface` names in the genitive, else None."""
    place = places().get(key(normal_name(surface, "LOC")))
    if place is None or place.via != "name":
        return None
    genitive = surface.isupper() or any(p.tag.case == "gent" for p in morph()(surface.lower()))
    return place.country if genitive else None
