"""Which person a name means: one person, one row.

A full name ('Мария Захарова', 'Владимир Владимирович Путин') is a person, keyed by the sound
of its first name and surname. A partial name ('Захарова', 'М. Захарова', 'Мария') joins the
full name that fits it in the same article; failing that, the full name the corpus uses for
that surname most of the time, when one clearly dominates and its gender agrees with the
gender the sentence shows ('Клинтон заявила' is Hillary, 'Клинтон заявил' Bill). A partial
name no full name fits is a person of its own, except a first name alone ('Александр'): that
is someone of its article only, not one person across the corpus.

Two spans glued by the NER ('Трампа Путин', 'России Путин') are not a full name: their first
word is a surname or a place the corpus knows, not a first name. A patronymic that is not the
usual one of a first name and surname marks another person ('Владимир Спиридонович Путин').
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from pipeline.nlp.gazetteer import key, places
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.ner import PARTICLE_WORDS, Mention
from pipeline.runtime.choice import sole

_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁ]|Дж)\.$")  # 'Дж.' stands for 'Джордж', 'Джон'...
_REGNAL = re.compile(r"^[IVX]+$")  # 'Пий XII', 'Николай II'
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична)$")
_PARTICLES = frozenset(PARTICLE_WORDS.split("|"))  # 'Ле' of 'Марин Ле Пен', 'фон', 'дер'
#: Share of a surname's full-name mentions the dominant full name needs for a bare surname to
#: join it without the article naming it, and how many mentions it needs at least, when the
#: corpus has several full names with that surname (the only one needs neither, but see
#: `_SEEN_AGAIN`).
DOMINANT, DOMINANT_MENTIONS = 0.8, 3
#: Full-name mentions from which the only person of a surname is the one its bare mentions
#: elsewhere mean.
_SEEN_AGAIN = 2
#: A word counts as a surname (so not a first name in front of one) when the corpus writes it
#: last in full names this many times more often than first.
_SURNAME_RATIO = 5
#: Surnames a word must open names of, as the corpus writes them, to count as a first name where
#: the dictionary does not know it.
_OPENED = 2
#: Joins a first name alone to its article in a person key: someone of that article only.
IN_ARTICLE = "@"

_SOUND = str.maketrans({"э": "е", "й": "и", "ь": None, "ъ": None})


@lru_cache(maxsize=CACHE_SIZE)
def sound(name: str) -> str:
    """Key under which transliteration variants of a person's name meet: 'Тереза Мей' and
    'Тереза Мэй', 'Азия Биби' and 'Асия Биби', 'Дэвид Девис' and 'Дэвид Дэвис'. З and с meet
    only inside a word: 'Захаров' and 'Сахаров' are two surnames. A regnal number is kept
    whole: 'Александр II' and 'Александр III' are two tsars."""
    return " ".join(w if _REGNAL.match(w) else _word_sound(w) for w in name.split())


@lru_cache(maxsize=CACHE_SIZE)
def _word_sound(word: str) -> str:
    heard = key(word).translate(_SOUND)
    return re.sub(r"(\w)\1+", r"\1", heard[:1] + heard[1:].replace("з", "с"))


def is_initial(token: str) -> bool:
    """'В.', 'Дж.': an initial of a first name or patronymic."""
    return bool(_INITIAL.match(token))


def token_key(token: str) -> str:
    """How a token of a person's name is matched: an initial as written, a word by its sound."""
    return token if _INITIAL.match(token) else sound(token)


def is_full(name: str) -> bool:
    """A first name and a surname, no initials."""
    tokens = name.split()
    return len(tokens) >= 2 and not any(_INITIAL.match(t) for t in tokens)


@lru_cache(maxsize=CACHE_SIZE)
def given_name_gender(word: str) -> str | None:
    """'masc' or 'femn' for a word the dictionary knows as a first name of one gender, in the
    nominative: a name is read nominative ('Илон' is no plural genitive of 'Илона')."""
    genders = {
        str(p.tag.gender)
        for p in morph()(word.lower())
        if "Name" in p.tag.grammemes and p.tag.case == "nomn" and p.tag.number == "sing"
    } & {"masc", "femn"}  # 'Саша' is either ('ms-f')
    return sole(genders)


@lru_cache(maxsize=CACHE_SIZE)
def first_name_only(word: str) -> bool:
    """A word the dictionary knows as a first name and never as a surname ('Кристина'; not
    'Ильина')."""
    parses = morph()(word.lower())
    return any("Name" in p.tag.grammemes and p.is_known for p in parses) and not any(
        "Surn" in p.tag.grammemes for p in parses
    )


@lru_cache(maxsize=CACHE_SIZE)
def _doubtful_first_name(word: str) -> bool:
    """Whether a word may not be a first name: a surname the dictionary does not know as a
    first name ('Белов'), a place or a dictionary word ('России', 'Администрация', 'О'). Short
    words are left alone: 'Си', 'Ли' are names."""
    parses = morph()(word.lower())
    known = [p for p in parses if p.is_known]  # not the analyser's guesses ('Синдзо')
    grammemes = set().union(*(p.tag.grammemes for p in known)) if known else set()
    if "Name" in grammemes or "Patr" in grammemes:
        return False
    if len(word) < 3:
        return word.lower() in _ONE_LETTER_PREPOSITIONS
    if {"Surn", "Geox"} & grammemes or any(key(p.normal_form) in places() for p in parses):
        return True  # 'Карлос', 'Морган' are first names too: a repeated name is kept
    return bool(known) and len(known) == len(parses)


_ONE_LETTER_PREPOSITIONS = {"о", "в", "с", "к", "у"}
#: Mentions that make a full name of one whose first word is a place or a dictionary word
#: ('Сидни Кросби', 'Азия Биби'): glued spans are rarer.
_REPEATED = 5
#: Similarity of two first names' keys from which they are one name spelt two ways ('кари',
#: 'кери'; 'паоло', 'поло'), not two names ('ван', 'хан').
_ALIKE = 0.75
_FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")


@lru_cache(maxsize=CACHE_SIZE)
def name_gender(name: str) -> str | None:
    """The gender a person's name shows: its first name's, else its Russian surname's."""
    tokens = name.split()
    first = tokens[0] if len(tokens) > 1 and not _INITIAL.match(tokens[0]) else ""
    if first and (gender := given_name_gender(first)):
        return gender
    last = tokens[-1].lower() if tokens else ""
    if _FEMININE_SURNAME.search(last):
        return "femn"
    if _MASCULINE_SURNAME.search(last):
        return "masc"
    return None


@dataclass
class People:
    """The corpus's full names: each one's person key, and the persons by surname (the sound
    of the last word) with their mentions."""

    person_of: dict[str, str] = field(default_factory=dict)  # full name -> person key
    by_last: dict[str, Counter] = field(default_factory=dict)  # surname -> person -> mentions
    gender: dict[str, str] = field(default_factory=dict)  # person key -> its gender, if known
    surnames: frozenset[str] = frozenset()  # words written as surnames, not first names
    first_names: frozenset[str] = frozenset()  # words written first more often than last
    openers: frozenset[str] = frozenset()  # first_names that open two surnames' names or more
    # Surnames with particles that full names write after a first name ('ле пен'), by sound,
    # and the ones each person's full names write ('марин пен' -> 'ле пен').
    particled: frozenset[str] = frozenset()
    particles: dict[str, frozenset[str]] = field(default_factory=dict)

    def with_particles(self, name: str) -> str | None:
        """The sound of a surname written with its particles and no first name ('Ле Пен',
        'де Мистура'), when the corpus writes it after a first name, else None ('Ван И' is a
        Chinese surname and given name; 'Бен Кардин' a first name and a surname)."""
        tokens = name.split()
        particles_only = len(tokens) > 1 and all(t.lower() in _PARTICLES for t in tokens[:-1])
        return sound(name) if particles_only and sound(name) in self.particled else None

    def subset(self, names: set[str]) -> People:
        """What resolving `names` needs: the entries of their surnames (for a worker)."""
        lasts = {token_key(n.split()[-1]) for n in names if n.split()}
        by_last = {last: self.by_last[last] for last in lasts if last in self.by_last}
        persons = {p for found in by_last.values() for p in found}
        particled = {sound(n) for n in names} & self.particled
        return People(
            {n: self.person_of[n] for n in names if n in self.person_of},
            by_last,
            {p: g for p, g in self.gender.items() if p in persons},
            frozenset(t for n in names for t in map(token_key, n.split()) if t in self.surnames),
            frozenset(t for n in names for t in map(token_key, n.split()) if t in self.first_names),
            frozenset(t for n in names for t in map(token_key, n.split()) if t in self.openers),
            particled,
            {p: found for p, found in self.particles.items() if p in persons},
        )


def people_of(counts: Mapping[str, int], shown: Mapping[str, Counter]) -> People:
    """The People of the corpus's person names with their numbers of mentions and the
    genders their sentences show (a person's gender is the one shown most, else the one
    its names show)."""
    particled = People(particled=frozenset(filter(None, map(_particle_surname, counts))))
    counts = {n: c for n, c in counts.items() if not particled.with_particles(n)}
    first_words, last_words = Counter(), Counter()
    opened: dict[str, set[str]] = defaultdict(set)  # first word -> the surnames it opens
    for name, count in counts.items():
        if is_full(name):
            tokens = name.split()
            first_words[token_key(tokens[0])] += count
            last_words[token_key(tokens[-1])] += count
            opened[token_key(tokens[0])].add(token_key(tokens[-1]))
    surnames = frozenset(
        w for w, n in last_words.items() if n >= _SURNAME_RATIO * max(first_words[w], 1)
    )
    first_names = frozenset(w for w, n in first_words.items() if n > last_words[w])
    full = {n: c for n, c in counts.items() if _full_name(n, c, surnames, first_names)}
    # The usual patronymic of each first name and surname: another one is another person.
    patronymics: dict[str, Counter] = defaultdict(Counter)
    for name, count in full.items():
        if patronymic := _patronymic(name):
            patronymics[_first_last(name)][token_key(patronymic)] += count
    openers = frozenset(w for w in first_names if len(opened[w]) >= _OPENED)
    people = People(
        surnames=surnames,
        first_names=first_names,
        openers=openers,
        particled=particled.particled,
    )
    said: dict[str, Counter] = defaultdict(Counter)
    particles: dict[str, set[str]] = defaultdict(set)
    for name, count in sorted(full.items()):
        person = _first_last(name)
        patronymic = _patronymic(name)
        if patronymic and token_key(patronymic) != _usual(patronymics[person]):
            person = f"{person.split()[0]} {token_key(patronymic)} {person.split()[-1]}"
        people.person_of[name] = person
        people.by_last.setdefault(person.rsplit(" ", 1)[-1], Counter())[person] += count
        if surname := _particle_surname(name):
            particles[person].add(surname)
        said[person].update(shown.get(name, {}))
        if gender := name_gender(name):
            people.gender.setdefault(person, gender)
    for person, genders in said.items():
        if sum(genders.values()):
            people.gender[person] = _usual(genders)
    people.particles = {person: frozenset(found) for person, found in particles.items()}
    return people


def _particle_surname(name: str) -> str | None:
    """The sound of a full name's surname with the particles written before it, when there
    are any after its first name ('Марин Ле Пен' -> 'ле пен', 'Урсула фон дер Ляйен' -> 'фон
    дер ляиен'; not 'Бен Кардин', whose 'Бен' is the first name)."""
    tokens = name.split()
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in _PARTICLES:
        start -= 1
    return sound(" ".join(tokens[start:])) if 0 < start < len(tokens) - 1 else None


def _usual(found: Counter) -> str:
    return min(found, key=lambda p: (-found[p], p))


def _full_name(
    name: str, count: int, surnames: frozenset[str], first_names: frozenset[str]
) -> bool:
    """A first name and a surname: not two glued spans ('Трампа Путин', 'России Путин')."""
    if not is_full(name):
        return False
    tokens = name.split()
    if token_key(tokens[-1]) in first_names and (
        _doubtful_first_name(tokens[0]) or (len(tokens) > 2 and not _patronymic(name))
    ):
        return False  # 'Белов Александр', 'Патриарх Кирилл': no surname to key a person by
    if _oblique_place(tokens[0]):
        return False  # 'Руси Кирилл', in 'Патриарх Московский и всея Руси Кирилл'
    return token_key(tokens[0]) not in surnames and (
        count >= _REPEATED or not _doubtful_first_name(tokens[0])
    )


@lru_cache(maxsize=CACHE_SIZE)
def _oblique_place(word: str) -> bool:
    """A place name in an oblique case ('России', 'Руси'): never a first name."""
    parses = [p for p in morph()(word.lower()) if p.is_known]
    places_ = [p for p in parses if "Geox" in p.tag.grammemes]
    return (
        bool(places_) and len(places_) == len(parses) and all(p.tag.case != "nomn" for p in places_)
    )


def _first_last(name: str) -> str:
    """A full name's person key: its first name's stem and its surname's sound, and the
    middle syllable of an East Asian name."""
    tokens = name.split()
    if _syllabic(tokens):
        return " ".join(map(sound, tokens))
    return f"{first_stem(tokens[0])} {sound(tokens[-1])}"


#: The longest syllable of an East Asian name as Russian writes it ('Чхоль', 'Чжон'), and of
#: its surname ('Ким', 'Чхве'): 'Марин Ле Пен', 'Хурам Шазад Батт' open with a longer name.
_SYLLABLE, _SURNAME_SYLLABLE = 5, 4


def _syllabic(tokens: list[str]) -> bool:
    """A name of three syllables ('Ким Чен Нам'; not 'Жан Поль Сартр', 'Лула да Силва',
    'Иоанн Павел II'): its middle is part of the given name, no middle name, and one syllable
    tells two people apart ('Ким Ён Нам')."""
    return (
        len(tokens) == 3
        and len(tokens[0]) <= _SURNAME_SYLLABLE
        and all(len(t) <= _SYLLABLE and t.isalpha() and t[:1].isupper() for t in tokens)
        and not _REGNAL.match(tokens[2])
        and not _patronymic(" ".join(tokens))
        and not dictionary_first_name(tokens[1])
    )


_CASE_ENDINGS = re.compile(r"(?:ой|ей|ою|ею|ом|ем|а|я|ы|и|у|ю|е|й|ь)$")


@lru_cache(maxsize=CACHE_SIZE)
def first_stem(word: str) -> str:
    """A first name's sound without its case ending, so that a case form the normaliser left
    ('Серены Уильямс', 'Сереной Уильямс') is the person of 'Серена Уильямс'."""
    heard = sound(word)
    stem = _CASE_ENDINGS.sub("", heard)
    return stem if len(stem) >= 3 else heard


def _patronymic(name: str) -> str | None:
    tokens = name.split()
    middle = tokens[1] if len(tokens) == 3 else ""
    return middle if _PATRONYMIC.search(middle.lower()) else None


def _fits(person: str, tokens: list[str]) -> bool:
    """Whether a partial name's tokens (`token_key`s) fit a person key."""
    first, last = person.split(" ", 1)[0], person.rsplit(" ", 1)[-1]
    if len(tokens) == 1:
        return tokens[0] == last
    initials = [t for t in tokens if _INITIAL.match(t)]
    return tokens[-1] == last and all(first.startswith(sound(t[:-1])) for t in initials)


def _agrees(person: str, gender: str | None, people: People) -> bool:
    return gender is None or people.gender.get(person) in (None, gender)


def dominant(found: Mapping[str, int]) -> str | None:
    """The person that has most of the mentions, if one clearly does."""
    if not found:
        return None
    best = _usual(Counter(found))
    if len(found) == 1:
        return best
    total = sum(found.values())
    return best if found[best] >= DOMINANT_MENTIONS and found[best] >= DOMINANT * total else None


def article_scope(person: str) -> str | None:
    """The article a person key is scoped to (a first name alone), else None."""
    _name, scoped, article_id = person.partition(IN_ARTICLE)
    return article_id if scoped else None


def person_keys(
    mentions: list[Mention], people: People, texts: Mapping[str, str] | None = None
) -> dict[int, str]:
    """Mention index -> person key for the people of `mentions` (whole articles, with their
    `texts`): the key of the full name it resolves to, else of its own name, and for a first
    name alone, of its name in its article."""
    resolved = {
        i: people.person_of[m.name]
        for i, m in enumerate(mentions)
        if m.type == "PER" and m.name in people.person_of
    }
    firsts = _first_words(mentions)
    resolved |= _named_in_full(mentions, resolved, firsts, people, texts or {})
    in_article: dict[str, Counter] = defaultdict(Counter)
    for i, person in resolved.items():
        in_article[mentions[i].article_id][person] += 1
    for i, m in enumerate(mentions):
        if m.type != "PER" or i in resolved:
            continue
        if surname := people.with_particles(m.name):
            resolved[i] = _particled_person(m, surname, in_article[m.article_id], people)
            continue
        tokens = [token_key(t) for t in m.name.split()]
        if is_full(m.name):
            if tokens[-1] in people.first_names and not _glued_place(m):
                resolved[i] = " ".join(tokens)  # 'Белов Александр': a person of its own
                continue
            written = texts[m.article_id] if texts else ""
            if own := _own_person(m, firsts[m.article_id].get(tokens[-1], set()), people, written):
                resolved[i] = own
                continue
            tokens = tokens[-1:]  # glued spans: the last word is the person
        gender = m.gender or name_gender(m.name)
        here = in_article[m.article_id]
        match = [p for p in here if _fits(p, tokens) and _agrees(p, gender, people)]
        if not match and len(tokens) == 1:  # a first name alone: 'Тереза'
            match = [p for p in here if p.split(" ", 1)[0] == first_stem(tokens[0])]
        if len(match) > 1:
            best = dominant({p: here[p] for p in match})
            match = [best] if best else []
        # A first name alone; 'Джонсон' is a first name too, but the corpus writes it last.
        alone = len(tokens) == 1 and (
            tokens[0] in people.first_names
            or (tokens[0] not in people.by_last and first_name_only(m.name.split()[-1]))
        )
        if not match and not alone:
            found = people.by_last.get(tokens[-1], {})
            fitting = {p: c for p, c in found.items() if _fits(p, tokens) and _ends(p, tokens)}
            if len(tokens) == 1:
                fitting = _written_again(fitting)
            best = dominant(fitting)
            match = [best] if best and _agrees(best, gender, people) else []
            if not match:  # a gender the text shows tells two people apart
                best = dominant({p: c for p, c in fitting.items() if _agrees(p, gender, people)})
                match = [best] if best and gender else []
        if match:
            resolved[i] = match[0]
        elif alone:
            resolved[i] = f"{tokens[0]}{IN_ARTICLE}{m.article_id}"
        else:
            resolved[i] = " ".join(tokens)
    return dict(sorted(resolved.items()))


def _written_again(fitting: dict[str, int]) -> dict[str, int]:
    """The persons a bare surname may join across the corpus: a sole full name the corpus
    writes once is no evidence of whom another article means by the surname ('Яровой' of
    'закон Яровой' is not the only 'Сергей Яровой', 'Рыбака' not 'Александр Рыбак'), so it
    needs `_SEEN_AGAIN` full-name mentions."""
    if len(fitting) == 1 and sum(fitting.values()) < _SEEN_AGAIN:
        return {}
    return fitting


def _particled_person(m: Mention, surname: str, here: Mapping[str, int], people: People) -> str:
    """The person key of a surname written with its particles ('Ле Пен', 'де Мистура'): a
    surname alone, which joins the person of the article, else of the corpus, whose full
    names write it with these particles ('Марин Ле Пен'; not Шон Пенн), as a bare surname
    joins ('Ле Пен заявил' is Жан-Мари Ле Пен); else its own key."""
    gender = m.gender or name_gender(m.name)
    found = people.by_last.get(surname.rsplit(" ", 1)[-1], {})
    fitting = {p: c for p, c in found.items() if surname in people.particles.get(p, ())}
    agreeing = {p: c for p, c in fitting.items() if _agrees(p, gender, people)}
    if best := dominant({p: n for p, n in here.items() if p in agreeing}):
        return best
    best = dominant(fitting)
    if best and _agrees(best, gender, people):
        return best
    best = dominant(agreeing)
    return best if best and gender else surname


def _named_in_full(
    mentions: list[Mention],
    resolved: Mapping[int, str],
    firsts: Mapping[str, Mapping[str, set[str]]],
    people: People,
    texts: Mapping[str, str],
) -> dict[int, str]:
    """Mention index -> person key of the full names no full name of the corpus's explains
    (`People.person_of` leaves out a name whose first word the corpus also writes as a
    surname, 'Хусейн Багчи', or the dictionary as a common word, 'Роб Мэннинг') that still
    read as a first name and a surname in their article (`_in_full`), which also writes the
    surname alone, as written there ('Багчи', not a 'Байден' beside a 'Джо Байдена' the
    normaliser left in the genitive): such a person is someone of their own, and the article's
    bare surnames join them as they join any full name."""
    found = {}
    for i, m in enumerate(mentions):
        if m.type != "PER" or i in resolved or not is_full(m.name):
            continue
        last = token_key(m.name.split()[-1])
        written = firsts[m.article_id].get(last, set())
        if "" not in written or last in people.first_names:
            continue  # the article writes the surname alone: 'Багчи' ('Багчи', not 'Байден')
        text = texts.get(m.article_id, "")
        if _own_person(m, written, people, text):
            continue  # 'Дакота Джонсон': another rule's name
        if _in_full(m, people, text):
            found[i] = _first_last(m.name)
    return found


def _in_full(m: Mention, people: People, text: str) -> bool:
    """Whether a name of two words, or three with a patronymic between, is a first name and a
    surname, not a word glued before a surname: its first word is a first name, by the
    dictionary ('Хусейн') or by the corpus, which writes it first in the names of two surnames
    or more and more often first than last, where the dictionary does not know it (not
    'Закон Джонс', 'Штатов Севостьянов', 'Кавказ Нахимов'); and the article
    neither writes it in lower case nor opens a sentence with it as a common noun."""
    words = m.name.split()
    if len(words) == 3 and not _patronymic(m.name):
        return False
    first = words[0]
    if len(words) > 3 or _PATRONYMIC.search(words[-1].lower()) or _PATRONYMIC.search(first):
        return False
    if place_or_body(first) or _no_first_name(first) or _no_first_name(m.surface.split()[0]):
        return False
    if re.search(rf"(?<!\w){re.escape(first.lower())}(?!\w)", text):
        return False
    if dictionary_first_name(first):
        return True
    opening = not text[: m.start].rstrip(' \t«"—-').endswith(_WITHIN_SENTENCE)
    return (
        token_key(first) in people.openers
        and token_key(first) not in people.surnames
        and not _no_given_name(first)
        and not (opening and _dictionary_noun(first))
    )


@lru_cache(maxsize=CACHE_SIZE)
def dictionary_first_name(word: str, *, singular: bool = True) -> bool:
    """A word the dictionary knows as a first name in the nominative ('Хусейн'), singular
    unless told otherwise; not its guesses ('Фленсбург', a town, read as a man's name for its
    ending)."""
    return any(
        "Name" in p.tag.grammemes
        and p.tag.case == "nomn"
        and (p.tag.number == "sing" or not singular)
        for p in morph()(word.lower())
        if p.is_known
    )


@lru_cache(maxsize=CACHE_SIZE)
def _no_given_name(word: str) -> bool:
    """A word the dictionary knows as anything but a first name: a place, a body, a surname,
    a common word in any case ('Азия', 'Загитовой', 'Новости', 'Закон'; 'Штатов' of
    'Соединённых Штатов', 'Игр' of 'Олимпийских игр', glued before a surname)."""
    return any(p.is_known for p in morph()(word.lower()))


def written_in_full(names: Mapping[str, int], person: str) -> dict[str, int]:
    """The full names among a person's `names` (with their counts) whose first name and
    surname make the person key `person` (`_named_in_full`'s people: 'Хусейн Багчи', not the
    bare 'Багчи' written more often)."""
    return {n: c for n, c in names.items() if is_full(n) and _first_last(n) == person}


def _glued_place(m: Mention) -> bool:
    """Whether a name opens with a place or a body NER glued to a first name ('Руси Кирилл',
    'Лозанне Мария'), as normalised: a first name that is also a place is in the nominative
    ('Клайда Скотта' is 'Клайд Скотт')."""
    return place_or_body(m.name.split()[0])


def _first_words(mentions: list[Mention]) -> dict[str, dict[str, set[str]]]:
    """Article -> surname key -> the first words (keys) its people's names have there, ''
    for a surname written alone."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in mentions:
        if m.type == "PER" and (words := m.name.split()):
            first = token_key(words[0]) if len(words) > 1 else ""
            found[m.article_id][token_key(words[-1])].add(first)
    return found


def _ends(person: str, tokens: list[str]) -> bool:
    """Whether a surname alone may stand for `person` across the corpus: not a syllable of
    one or two letters that ends a name beginning with a short surname ('Инь' is not 'Мун
    Чжэ Ин'; 'Ан' is 'Виктор Ан')."""
    return len(tokens) > 1 or len(tokens[0]) > 2 or len(person.split(" ", 1)[0]) > 3


def _own_person(m: Mention, firsts: set[str], people: People, text: str) -> str | None:
    """The person key of a name that is no full name of the corpus's, when it names someone
    of its own rather than a glued span: its last two words when they are a full name the
    corpus knows ('Кеннеди Линдон Джонсон'), or its first name and surname when the article
    (`text`) writes that surname with no other first word, its first word may be a first
    name there, and the corpus's dominant person of that surname has another first name,
    not another spelling of it ('Дакота Джонсон', written seldom, is not 'Борис Джонсон';
    'Поло Мальдини' is 'Паоло Мальдини')."""
    words = m.name.split()
    if len(words) == 3 and not _patronymic(m.name) and not _PATRONYMIC.search(words[-1]):
        tail = _first_last(" ".join(words[1:]))
        return tail if tail in people.by_last.get(tail.rsplit(" ", 1)[-1], {}) else None
    if len(words) != 2 or firsts != {token_key(words[0])} or _glued(m, people, text):
        return None
    own = _first_last(m.name)
    best = dominant(people.by_last.get(own.rsplit(" ", 1)[-1], {}))
    return own if best and not _alike(best.split(" ", 1)[0], own.split(" ", 1)[0]) else None


def _glued(m: Mention, people: People, text: str) -> bool:
    """Whether the first word of a two-word name is another word glued to it: a surname, a
    word the dictionary reads only as what no first name is (as normalised or as written:
    'Европы Порошенко'), a word the article writes in lower case, or a common noun opening
    a sentence ('Заявления Кэмерона ...')."""
    first = m.name.split()[0]
    if token_key(first) in people.surnames or _no_first_name(first):
        return True
    if _no_first_name(m.surface.split()[0]):
        return True
    if re.search(rf"(?<!\w){re.escape(first.lower())}(?!\w)", text):
        return True
    opening = not text[: m.start].rstrip(' \t«"—-').endswith(_WITHIN_SENTENCE)
    return opening and _dictionary_noun(first)


#: A character before a word that keeps it inside its sentence: a word after anything else
#: opens a sentence, a line or a text, and may be capitalised for that alone.
_WITHIN_SENTENCE = tuple("абвгдеёжзийклмнопрстуфхцчшщъыьэюя,;:)0123456789")


@lru_cache(maxsize=CACHE_SIZE)
def _no_first_name(word: str) -> bool:
    """A word the dictionary reads only as what no first name is: an oblique place
    ('России'), a country ('Россия', 'Венесуэла'), an organisation ('Пентагон',
    'Минэнерго'), a family ('Юсуповых'), a finite verb ('Спит'), a full adjective
    ('Большая') or a function word ('Про')."""
    place = places().get(key(word))
    if _oblique_place(word) or (place is not None and place.via == "name"):
        return True
    known = [p for p in morph()(word.lower()) if p.is_known]
    return bool(known) and all(
        {"Orgn", "Abbr"} & p.tag.grammemes
        or ("Surn" in p.tag.grammemes and p.tag.number == "plur")
        or p.tag.POS in _NOT_NAMES
        or (p.tag.POS == "VERB" and p.tag.mood == "indc")
        for p in known
    )


@lru_cache(maxsize=CACHE_SIZE)
def place_or_body(word: str) -> bool:
    """A word that names a place or an organisation and never a person: a place in an oblique
    case ('России', 'Руси', 'Лозанне'), a country ('Россия'), an organisation ('Пентагона').
    Not an indeclinable word, which may be a first name too ('Мали', 'Узи'), nor an
    instrumental, which a name may look like ('Арлем')."""
    known = [p for p in morph()(word.lower()) if p.is_known]
    if not known or any("Fixd" in p.tag.grammemes or p.tag.case == "ablt" for p in known):
        return False
    if all("Orgn" in p.tag.grammemes for p in known):
        return True
    if all("Geox" in p.tag.grammemes and p.tag.case != "nomn" for p in known):
        return True
    place = places().get(key(word))
    return place is not None and place.via == "name"


_NOT_NAMES = {"ADJF", "PREP", "CONJ", "PRCL", "INTJ", "NPRO", "ADVB", "PRTF", "PRTS", "GRND"}


@lru_cache(maxsize=CACHE_SIZE)
def _dictionary_noun(word: str) -> bool:
    """A word the dictionary knows as a common noun only ('Заявления', 'Мавзолей')."""
    known = [p for p in morph()(word.lower()) if p.is_known]
    return bool(known) and all(
        p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in known
    )


def _alike(first: str, other: str) -> bool:
    """Whether two first names' keys are one name written two ways ('кари', 'кери')."""
    return SequenceMatcher(None, first, other).ratio() >= _ALIKE


def agree_in_article(mentions: list[Mention]) -> list[Mention]:
    """One reading per surname in an article: a person takes the other reading of its name
    whose surname the article's other mentions write more often than the chosen one's
    ('Медведева', read 'Медведев' corpus-wide, is 'Медведева' beside 'Медведевой'), and a
    first name as written where the article writes no surname it was read as ('Коля').
    `mentions` hold whole articles; the other readings are the mentions' `readings`."""
    for _article_id, article in groupby(mentions, key=attrgetter("article_id")):
        _agree(list(article))
    return mentions


def _agree(article: list[Mention]) -> None:
    # A full name is read well enough alone: it has no other readings to choose from.
    people = [(m, _other_lasts(m)) for m in article if m.type == "PER"]
    # What the article writes: a full name, or a surname that reads one way ('Медведевой');
    # not one whose readings differ ('Писарева' may be Евгений Писарев's genitive).
    lasts = Counter(token_key(m.name.split()[-1]) for m, others in people if not others)
    for m, others in people:
        own = token_key(m.name.split()[-1])
        best = max(others, key=lambda last: (lasts[last], last), default=None)
        if best and lasts[best] > lasts[own]:
            m.name = others[best]
    _first_names_as_written([m for m, _others in people])


def _first_names_as_written(people: list[Mention]) -> None:
    """A first name in -я that the corpus reads as a surname in -ь (`_read_as_surname`) is
    the first name as written where no other mention of its article writes that surname: a
    boy's 'Коля' in an article that names no Гельмут Коль."""
    written = Counter(token_key(m.name.split()[-1]) for m in people if not _read_as_surname(m))
    for m in people:
        if _read_as_surname(m) and not written[token_key(m.name)]:
            m.name = m.surface


def _read_as_surname(m: Mention) -> bool:
    """Whether a first name in -я is read as a surname in -ь ('Коля' as 'Коль', 'Надя' as
    'Надь'): a Russian first name, mostly a short one ('Коля', 'Костя', 'Сеня'), has the form
    of such a surname's genitive, though surnames in -ь are rare (Гельмут Коль, Имре Надь);
    not where the word in -ь is a first name the dictionary knows ('Поля' of Поль)."""
    surface = m.surface
    if not surface.endswith("я") or m.name != surface[:-1] + "ь":
        return False
    # A first name in -ь is its genitive's reading: 'Поля' of a French Поль.
    return _first_name_as_written(surface) and not _first_name_as_written(m.name)


@lru_cache(maxsize=CACHE_SIZE)
def _first_name_as_written(word: str) -> bool:
    """A word the dictionary knows as a first name in the nominative singular and never as a
    surname ('Коля', 'Надя'; not 'Ильина')."""
    known = [p for p in morph()(word.lower()) if p.is_known]
    return any({"Name", "nomn", "sing"} <= p.tag.grammemes for p in known) and not any(
        "Surn" in p.tag.grammemes for p in known
    )


def _other_lasts(m: Mention) -> dict[str, str]:
    """A one-word person mention's other readings by the key of their last word, where it is
    not the chosen name's; none for a full name."""
    if " " in m.name:
        return {}
    own = token_key(m.name.split()[-1])
    others: dict[str, str] = {}
    for _s, name in m.readings:
        last = token_key(name.split()[-1])
        if last != own:
            others.setdefault(last, name)
    return others
