"""Which nominative of an organisation's name the corpus writes. One article cannot tell the
plural title 'Известия' from the singular 'Известие', nor the club «Амкара» (genitive of
'Амкар') from a name in -а; the corpus can: it writes 'Известий' and 'Известиям', which only
'Известия' explains, and 'Амкар' on its own. So it can tell the noun a head with two lemmas is
('полка': 'полк', not 'полок'), the gender of an abbreviation ('Одесской ОГА'), and a possessive
before a name ('Austria’s AVL List GmbH'). A person's title tagged as an organisation
('Генсека') is none (`person_title`)."""

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Set
from functools import lru_cache

from pymorphy2.analyzer import Parse

from pipeline.nlp.gazetteer import key
from pipeline.nlp.government import GOVERNS, demanded_cases
from pipeline.nlp.media import listed_name
from pipeline.nlp.models import CACHE_SIZE, lemma, morph
from pipeline.nlp.normalize import indeclinable, other_readings, phrase, restore_case
from pipeline.nlp.roles import role_lemmas

ORGANISATION = "ORG"
#: Share of the mentions that support a reading that must support it and not the normaliser's
#: first reading: 'Нафтогаз Украины' stays, though a few write 'Нафтогаз Украина'.
_OWN_SHARE = 0.05
#: The dictionary's second cases, read as the cases adjectives show: 'в полку' (loc2) is the
#: 'Измайловском' (loct) one, 'чашка чаю' (gen2) a genitive.
_SECOND_CASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "loc1": "loct", "gen1": "gent"}
#: A word in capitals: an abbreviation, which does not decline ('ОГА', 'НПЗ').
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,6}")
#: Share of an abbreviation's mentions after adjectives of one gender that must show the same.
_GENDER_SHARE = 0.8
#: The dictionary's marks of a proper noun.
_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PROPER = _PERSONAL | {"Geox", "Orgn", "Trad"}
#: A leading English possessive before a name: 'Austria’s AVL List GmbH' is AVL List GmbH (of
#: Austria); a possessive alone is a brand's own ('Moody’s', 'McDonald's').
_POSSESSIVE = re.compile(r"^([A-Za-z][\w.&-]*)['’]s\s+(?=\S)")
#: Mentions an organisation's surface needs, with no other form of its name written, for the
#: corpus to read a name that does not decline ('Шальке', 29 mentions, never 'Шальку').
_UNDECLINED_MENTIONS = 3
#: The last letters of foreign names that do not decline: 'Шальке', 'Аккую', 'Кротоне'. A
#: nominative in -а or -я declines.
_FOREIGN_ENDS = frozenset("еиоуюэ")
#: Mentions of a one-word name after words that demand a case its declined forms cannot have
#: for the corpus to read it as a name that does not decline ('с «Леванте»', 'скромного
#: «Леванте»': no form of 'Леванта' is so written in these cases).
_UNDECLINED_CONTEXTS = 2
#: Share of the forms of a noun that show its number in the organisations' names that must be
#: plural for a name headed by its plural nominative to stay plural ('Силы коалиции').
_PLURAL_SHARE = 0.9
#: Cases a preposition demands at most to tell a declined name (`_declined`).
_TELLING_CASES = 2
#: A number joined to a name by a hyphen: 'Шальке-04'.
_NUMBERED = re.compile(r"-\d+$")
#: Distinct surfaces a reading the corpus never writes must explain (and more than the
#: normaliser's reading does) to be a name: 'Вуэльте', 'Вуэльту', 'Вуэльты' are Вуэльта's.
_PARADIGM_FORMS = 3
#: A name all in Cyrillic capitals, as headings write it: 'АРМИИ', 'ЛУКОЙЛА'.
_IN_CAPITALS = re.compile(r"[А-ЯЁ]+(?:[ -][А-ЯЁ]+)*")


def organisation_names(
    written: Mapping[tuple[str, str, str], int],
    before: Mapping[tuple[str, str], int] | None = None,
) -> dict[str, str]:
    """surface -> name, for the organisations' surfaces whose name the corpus reads otherwise
    than their mentions do. `written` counts the mentions by (type, surface, name), `before`
    the organisations' one-word mentions by (surface, the lower-case word right before it).

    An organisation's mention supports each reading of its surface (`_readings`, the
    normaliser's first), another mention its name. A surface takes the reading most
    mentions support when enough of them (`_OWN_SHARE`) do not support its first reading:
    'Известия' (not 'Известие'), which alone explains 'Известий' and 'Известиям'; 'Амкар' for
    «Амкара», as the corpus writes it. Otherwise it keeps the first."""
    readings: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    seen: set[str] = set()  # the names as the corpus writes them
    supports: dict[str, list[tuple[frozenset, int]]] = defaultdict(list)
    forms: dict[str, set[str]] = defaultdict(set)  # the surfaces each reading explains
    in_names = _words_written(written)
    in_small_letters = _small_words(written)
    numbers = _noun_numbers(written)
    genders = _abbreviation_genders(written)
    mentions: Counter[str] = Counter()
    for (kind, surface, name), count in written.items():
        seen.add(key(surface))
        if kind == ORGANISATION and not refers_back(surface, name):
            mentions[surface] += count
            read = _agreeing(surface, _head_read(surface, name, in_names), genders)
            found = readings.setdefault(surface, _readings(surface, read))
            names[surface] = name
        else:
            found = (name,)
        keys = frozenset(key(r) for r in found)
        for reading in keys:
            supports[reading].append((keys, count))
            forms[reading].add(surface)
    votes = Counter({reading: sum(c for _k, c in found) for reading, found in supports.items()})
    contexts: dict[str, Counter[str]] = defaultdict(Counter)
    for (surface, word), count in (before or {}).items():
        contexts[surface][word] += count
    renamed = {}
    for surface, found in readings.items():
        first = found[0]
        written_so = [
            r for r in found if r == first or key(r) in seen or _paradigm(forms, r, first)
        ]
        best = max(written_so, key=lambda reading: votes[key(reading)])  # the first of equals
        if votes[key(best)] > votes[key(first)]:
            own = sum(c for keys, c in supports[key(best)] if key(first) not in keys)
            best = best if own >= _OWN_SHARE * votes[key(best)] else first
        as_written = " ".join(surface.split())
        tied = as_written in found and votes[key(as_written)] == votes[key(first)]
        if best == first and tied and _plural_head(surface, first, numbers):
            best = as_written
        if best == first and mentions[surface] >= _UNDECLINED_MENTIONS and as_written in found:
            undeclined = _undeclined(surface, first, in_names, contexts.get(surface, {}))
            best = as_written if undeclined else best
        if best == first == as_written and (declined := _declined(surface, found, contexts)):
            best = declined
        if best != names[surface]:
            renamed[surface] = best
    for surface in readings:
        if surface not in renamed and (small := _in_small_letters(surface, in_small_letters)):
            read = renamed.get(small, names.get(small) or phrase(small))
            renamed.update({surface: read.upper()} if read != small else {})
    return renamed


def _small_words(written: Mapping[tuple[str, str, str], int]) -> frozenset[str]:
    """The words the corpus writes in organisations' names in small letters after a capital:
    'Армии' of 'Армии США', not 'ОПЕК'."""
    return frozenset(
        word
        for kind, surface, _name in written
        if kind == ORGANISATION
        for word in re.findall(r"[А-ЯЁ][а-яё]+", surface)
    )


def _in_small_letters(surface: str, in_small_letters: Set[str]) -> str | None:
    """A name written all in capitals, as headings write it ('АРМИИ', 'ЛУКОЙЛА'), in small
    letters after each capital ('Армии', 'Лукойла'), to be read as the corpus reads that:
    when it writes each of its words so in organisations' names (`in_small_letters`); else the
    capitals are an abbreviation's, which does not decline ('ОПЕК' is no genitive of 'опека',
    'ПАСЕ')."""
    if not _IN_CAPITALS.fullmatch(surface):
        return None
    small = re.sub(r"[А-ЯЁ]+", lambda m: m.group().capitalize(), surface)
    words = re.findall(r"[А-ЯЁ][а-яё]+", small)
    return small if all(w in in_small_letters for w in words) else None


def _paradigm(forms: Mapping[str, set[str]], reading: str, first: str) -> bool:
    """Whether a reading the corpus never writes is a name all the same, for the forms it
    writes: the one lexeme that explains three surfaces or more, more than the normaliser's
    reading does. 'Вуэльте', 'Вуэльту' and 'Вуэльты' are the dative, accusative and genitive of
    a 'Вуэльта' (the dictionary's guess, 'Вуэльт', explains two), 'Бастией', 'Бастии', 'Бастию'
    of a 'Бастия', 'РЖД Арене', 'РЖД Арену', 'РЖД Арены' of a 'РЖД Арена'."""
    shown = len(forms[key(reading)])
    return shown >= _PARADIGM_FORMS and shown > len(forms[key(first)])


def _undeclined(
    surface: str, name: str, in_names: Mapping[str, int], before: Mapping[str, int]
) -> bool:
    """Whether the one word the normaliser declined in an organisation's `name` is a foreign
    name that does not decline: written with a vowel at its end, it is read in an oblique case
    other than the genitive ('Шальке' as the dative or locative of a 'Шалька', 'Аккую' as an
    accusative, 'Удинезе' as a locative; not 'Триколором', whose ending only a declined word
    has), and no name of the corpus writes another form of the word's
    lexeme, the nominative or another case, or the surface alone is written after words that
    demand cases none of its readings has (`before`: the words right before its mentions). A
    name that declines shows its forms ('Центром' beside 'Центр', 'Центра'); its genitive, in
    which most names stand after a noun, shows nothing ('Росбанка' written alone is
    Росбанк's). 'Леванте' is no 'Леванта' where 'с «Леванте»' and 'у «Леванте»' are written,
    though 'Ирака и Леванта' writes the genitive of the Levant. A name with a word in lower
    case is a Russian phrase, whose head declines ('Палате общин'). A genitive counts before
    a word written as it does not decline, which a genitive's name would decline too
    ('Таблиги Джамаат' is no genitive of a 'Таблига Джамаат': that were 'Таблиги
    Джамаата')."""
    if any(w[:1].islower() for w in surface.split()):
        return False
    changed = [(w, r) for w, r in zip(surface.split(), name.split(), strict=False) if w != r]
    if len(changed) != 1 or len(surface.split()) != len(name.split()):
        return False
    word, nominative = (_plain(_NUMBERED.sub("", w)) for w in changed[0])
    prefix, _hyphen, part = word.rpartition("-")
    prefix += _hyphen
    if part[-1:] not in _FOREIGN_ENDS:
        return False
    parses = [
        p for p in morph()(part) if p.tag.case and _nominative_is(p, nominative[len(prefix) :])
    ]
    genitive = any(_SECOND_CASES.get(p.tag.case, p.tag.case) == "gent" for p in parses)
    if not parses or (genitive and not _before_undeclined(surface, changed[0][0])):
        return False
    forms = {prefix + _plain(f.word) for p in parses for f in p.lexeme} - {word}
    return not any(in_names[form] for form in forms) or (
        _written_in_other_cases(prefix + part, before) >= _UNDECLINED_CONTEXTS
    )


def _declined(
    surface: str, readings: tuple[str, ...], contexts: Mapping[str, Counter[str]]
) -> str | None:
    """The nominative of a one-word name that the normaliser kept as written but the corpus
    writes declined: a shorter reading (the word without its case ending) of which the surface
    is an oblique form that a preposition right before a mention demands ('из «Барыса»': the
    genitive of 'Барыс', as 'из' would have it). A name that may not decline, one that ends as
    foreign names do ('у «Леванте»', 'в «Порту»'), is `_undeclined`'s, and a preposition
    that demands three cases tells nothing (`_telling`); a longer reading is a plural
    ('Брюинзы' of 'Брюинз') or another lexeme, which a preposition shows nothing of."""
    word = _plain(surface)
    if " " in surface or surface not in contexts or word[-1:] in _FOREIGN_ENDS:
        return None  # 'в «Порту»' is not the locative of a 'Порт'
    for reading in readings[1:]:
        nominative = _plain(reading)
        if len(nominative) >= len(word):
            continue
        cases = {
            _SECOND_CASES.get(p.tag.case, p.tag.case)
            for p in morph()(word)
            if p.tag.case and _nominative_is(p, nominative)
        } - {"nomn"}
        if any(cases & _telling(w) for w in contexts[surface]):
            return reading
    return None


def _telling(preposition: str) -> frozenset[str]:
    """The cases a preposition demands, if it demands at most `_TELLING_CASES` of them: 'с' (a
    genitive, an accusative or an instrumental) and 'по' follow a name that does not decline
    too often to tell ('с «Бней-Йегуда»')."""
    cases = GOVERNS.get(preposition, frozenset())
    return cases if len(cases) <= _TELLING_CASES else frozenset()


def _before_undeclined(surface: str, word: str) -> bool:
    """Whether `word` of an organisation's `surface` stands right before its last word, a
    capitalised word written as it does not decline (`indeclinable`: 'Джамаат')."""
    words = surface.split()
    last = words[-1]
    return (
        len(words) > 1 and words[-2] == word and last[1:].islower() and indeclinable(last.lower())
    )


def _noun_numbers(written: Mapping[tuple[str, str, str], int]) -> dict[str, Counter[str]]:
    """For each noun (its lemma), the organisations' mentions that open with it, the head, in a
    form only the plural has ('Сил специальных операций', 'Силами самообороны') or only the
    singular ('Силу Сибири'), by number. A noun after the head is another's complement
    ('Центр анализа стратегий')."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for (kind, surface, _name), count in written.items():
        if kind != ORGANISATION or not surface.split():
            continue
        for lemma_, numbers in _noun_forms(_plain(surface.split()[0])).items():
            if len(numbers) == 1:
                found[lemma_][next(iter(numbers))] += count
    return found


@lru_cache(maxsize=CACHE_SIZE)
def _noun_forms(word: str) -> dict[str, frozenset[str]]:
    """The numbers each noun `word` may be a form of has it in: {'сила': {'sing', 'plur'}}
    for 'силы'."""
    found: dict[str, set[str]] = defaultdict(set)
    for parse in morph()(word):
        if parse.tag.POS == "NOUN" and parse.tag.number:
            found[_plain(parse.normal_form)].add(parse.tag.number)
    return {lemma_: frozenset(numbers) for lemma_, numbers in found.items()}


def _plural_head(surface: str, name: str, numbers: Mapping[str, Counter[str]]) -> bool:
    """Whether the one word that the normaliser put in the singular in an organisation's `name`
    is a plural nominative that the corpus's organisations write in the plural
    (`_PLURAL_SHARE` of the forms that show a number): 'Силы коалиции', not 'Сила коалиции',
    where 'Сил', 'Силами' are written and 'Силу' rarely. Its own mentions have outvoted it when
    they show the singular ('Силу Сибири')."""
    changed = [(w, r) for w, r in zip(surface.split(), name.split(), strict=False) if w != r]
    if len(changed) != 1 or len(surface.split()) != len(name.split()):
        return False
    word, nominative = (_plain(w) for w in changed[0])
    counts = numbers.get(nominative, Counter())
    shown = counts["plur"] + counts["sing"]
    plural_nominative = any(
        p.tag.POS == "NOUN" and {"nomn", "plur"} <= p.tag.grammemes
        for p in morph()(word)
        if _plain(p.normal_form) == nominative
    )
    return plural_nominative and shown > 0 and counts["plur"] >= _PLURAL_SHARE * shown


def _written_in_other_cases(word: str, before: Mapping[str, int]) -> int:
    """How many mentions of `word` stand after a word (`before`: word -> mentions) that demands
    cases none of its readings has, of any lexeme ('с' a genitive, an accusative or an
    instrumental of 'Леванте', read as a dative or a locative; 'по Брекзиту' may be the
    dative of a 'Брекзит')."""
    cases = {_SECOND_CASES.get(p.tag.case, p.tag.case) for p in morph()(word) if p.tag.case}
    return sum(
        count
        for preceding, count in before.items()
        if (demanded := demanded_cases(preceding)) and not demanded & cases
    )


def _nominative_is(parse: Parse, nominative: str) -> bool:
    """Whether a nominative of `parse`'s lexeme is `nominative` (lower case)."""
    return any("nomn" in f.tag and _plain(f.word) == nominative for f in parse.lexeme)


def refers_back(surface: str, name: str) -> bool:
    """Whether an organisation's mention took the full name its article gave before, which its
    surface does not read as ('Комитет' for 'Антимонопольный комитет Украины',
    `nlp.institutions`): that name is the article's, not the surface's."""
    return len(name.split()) > len(surface.split())


def _readings(surface: str, name: str) -> tuple[str, ...]:
    """The readings of an organisation's surface: its mentions' `name` (the normaliser's,
    `phrase`) and its `other_readings`; or the name of a medium as media.tsv spells it, when
    it lists the surface or that name ('Ведомости', 'ВКонтакте', 'Первый канал')."""
    listed = listed_name(surface, name)
    if listed:
        return (listed,)
    owned = _POSSESSIVE.sub("", name) if _POSSESSIVE.match(name) else ""
    return tuple(dict.fromkeys(r for r in (name, *other_readings(surface), owned) if r))


def _words_written(written: Mapping[tuple[str, str, str], int]) -> Counter[str]:
    """How often the corpus writes each word (lower case) in a name's surface, of any type:
    the nominatives a name's head noun may have are told apart by the one it writes."""
    found: Counter[str] = Counter()
    for (_kind, surface, _name), count in written.items():
        for word in _plain(surface).split():
            found[word] += count
    return found


def _head_read(surface: str, name: str, in_names: Mapping[str, int]) -> str:
    """`name` with its leading adjectives and head noun read again when the head's form is
    several nouns' in the adjectives' case, number and gender (`_head_readings`): as the noun
    whose nominative the corpus's names write most ('Бессмертного полка' is 'Бессмертный
    полк', not 'полок', whose 'полка' is alike); the name's own reading on a tie. Only readings
    in the case and number of the name's own count ('Её Величества' is no plural). A head in
    a second case that the normaliser left as written ('Измайловском полку') takes its only
    reading. The words after the head stay as the name writes them."""
    found = _head_readings(surface)
    words = name.split()
    if not found or len(words) != len(surface.split()):
        return name
    head = len(found[0][1])
    opening = _plain(" ".join(words[:head]))
    own = next((r for r in found if _plain(" ".join(r[1])) == opening), None)
    if own is None and len(found) > 1:
        return name  # the normaliser's reading is none of them: no evidence to choose by
    if own is not None:
        found = [r for r in found if r[2][:2] == own[2][:2]]
    ranked = sorted(found, key=lambda r: (-in_names[_plain(r[1][-1])], r is not own, r[0]))
    return " ".join([ranked[0][0], *words[head:]])


def _abbreviation_genders(written: Mapping[tuple[str, str, str], int]) -> dict[str, str]:
    """abbreviation -> the gender the corpus's organisations' surfaces give it where the
    adjectives before it show one gender in every reading ('Одесской ОГА', 'Херсонская ОГА',
    'Мозырский НПЗ'; not 'Одесского НПЗ', masculine or neuter): of its mentions so written, a
    `_GENDER_SHARE` at least."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for (kind, surface, _name), count in written.items():
        words = surface.split()
        if kind != ORGANISATION or len(words) < 2 or not _ABBREVIATION.fullmatch(words[-1]):
            continue
        shown = {_shown_gender(w) for w in words[:-1]}
        if len(shown) == 1 and None not in shown:
            found[words[-1]][shown.pop()] += count
    return {
        short: gender
        for short, counts in found.items()
        for gender, n in counts.most_common(1)
        if n >= _GENDER_SHARE * counts.total()
    }


@lru_cache(maxsize=CACHE_SIZE)
def _shown_gender(word: str) -> str | None:
    """The gender of an adjective every reading of which is a singular of that one gender:
    'Одесской', 'Херсонская', 'Мозырский'; not 'Одесского' nor 'Донской' (also a feminine
    genitive)."""
    parses = [p for p in morph()(word.lower()) if p.tag.POS in ("ADJF", "PRTF")]
    genders = {p.tag.gender for p in parses}
    if not parses or len(genders) != 1 or any(p.tag.number != "sing" for p in parses):
        return None
    return genders.pop()


def _agreeing(surface: str, name: str, genders: Mapping[str, str]) -> str:
    """`name` with the adjectives before an abbreviation in the gender the corpus gives the
    abbreviation (`_abbreviation_genders`), when the written adjectives may be of it: an
    abbreviation does not decline, so the normaliser guesses its gender ('Одесской ОГА' is
    'Одесская ОГА', as 'Херсонская ОГА' is written; not 'Одесское ОГА')."""
    words, own = surface.split(), name.split()
    gender = genders.get(words[-1]) if len(words) > 1 else None
    if gender is None or len(own) != len(words) or not all(map(_adjective, words[:-1])):
        return name
    shared = frozenset.intersection(*(_grammar(w, ("ADJF", "PRTF")) for w in words[:-1]))
    grammar = next((g for g in sorted(shared) if g[1:] == ("sing", gender)), None)
    if grammar is None:
        return name
    read = []
    for word in words[:-1]:
        form = _form(word, grammar, {"nomn", "sing", gender})
        if form is None:
            return name
        read.append(restore_case(form, word))
    return " ".join([*read, *own[len(read) :]])


def _form(word: str, grammar: tuple[str, str, str | None], grams: set[str]) -> str | None:
    """The form with `grams` of `word`'s adjective reading in `grammar`, lower case."""
    parse = next(
        p
        for p in morph()(word.lower())
        if p.tag.POS in ("ADJF", "PRTF")
        and (_SECOND_CASES.get(p.tag.case, p.tag.case), p.tag.number, _gender(p)) == grammar
    )
    form = Parse.inflect(parse, grams)
    return None if form is None else form.word


def _plain(text: str) -> str:
    return text.lower().replace("ё", "е")


def _head_readings(surface: str) -> list[tuple[str, list[str], tuple]]:
    """The readings of the adjectives and head noun that open an organisation's surface: (the
    words as written, their lower-case nominatives, the grammar they agree in), one per noun
    the head's form may be in a case, number and gender every adjective shows; none unless
    there are two or more, or the head is in a second case ('полку')."""
    tokens = surface.split()
    head = next((i for i, t in enumerate(tokens) if not _adjective(t)), None)
    if not head or not tokens[head].isalpha():
        return []
    shared = frozenset.intersection(*(_grammar(t, ("ADJF", "PRTF")) for t in tokens[:head]))
    found: dict[str, tuple[str, list[str], tuple]] = {}
    second = False
    for grammar, parse, written_case in _head_nouns(tokens[head].lower(), tokens[head].islower()):
        if grammar not in shared:
            continue
        second |= written_case != grammar[0]
        words = _nominatives(tokens[: head + 1], parse, grammar)
        if words is not None:
            opening = " ".join(restore_case(w, t) for w, t in zip(words, tokens, strict=False))
            found.setdefault(words[-1], (opening, words, grammar))
    if len(found) < 2 and not (found and second):
        return []
    return sorted(found.values())


def _adjective(token: str) -> bool:
    """Whether `token` reads first as an adjective that declines (not 'Её', 'его')."""
    parses = morph()(token.lower()) if token.isalpha() else []
    return (
        bool(parses)
        and parses[0].tag.POS in ("ADJF", "PRTF")
        and not {"Apro", "Fixd"} & parses[0].tag.grammemes
    )


@lru_cache(maxsize=CACHE_SIZE)
def _grammar(token: str, parts: tuple[str, ...]) -> frozenset[tuple[str, str, str | None]]:
    """(case, number, gender; no gender in the plural) of the readings of `token` as `parts`
    of speech."""
    return frozenset(
        (_SECOND_CASES.get(p.tag.case, p.tag.case), p.tag.number, _gender(p))
        for p in morph()(token.lower())
        if p.tag.POS in parts and p.tag.case
    )


def _gender(parse: Parse) -> str | None:
    return parse.tag.gender if parse.tag.number == "sing" else None


@lru_cache(maxsize=CACHE_SIZE)
def _head_nouns(word: str, common: bool) -> list[tuple[tuple[str, str, str | None], Parse, str]]:
    """The dictionary's noun readings of `word`: (case, number, gender), parse, written case;
    of a word in lower case, a common noun's only (the 'порту' of 'морском порту' is no Porto).
    """
    return [
        ((_SECOND_CASES.get(p.tag.case, p.tag.case), p.tag.number, _gender(p)), p, p.tag.case)
        for p in morph()(word)
        if p.tag.POS == "NOUN"
        and p.tag.case
        and p.tag.number
        and p.is_known
        and not (common and _PROPER & p.tag.grammemes)
    ]


def _nominatives(
    tokens: list[str], head: Parse, grammar: tuple[str, str, str | None]
) -> list[str] | None:
    """The lower-case nominatives of the adjectives `tokens[:-1]` and the `head` noun in its
    number and gender, or None when a word has no such form."""
    _case, number, gender = grammar
    grams = {"nomn", number} | ({gender} if gender else set())
    out = [_form(token, grammar, grams) for token in tokens[:-1]]
    form = Parse.inflect(head, {"nomn", number})
    return None if form is None or None in out else [*out, form.word]


def person_title(surface: str) -> bool:
    """Whether an organisation's surface is a person's title (`nlp.roles`' list) alone or with
    the genitives it governs ('Генсека', 'Председатель полярной комиссии', 'Министры обороны
    Армении'): it names a person, not an organisation. A title with a name of another case or a
    person's name stays: the agency 'Эксперт РА', the company 'Лидер медицина', the ship
    'Адмирал Макаров'; so does an abbreviation ('МЭР' is no 'мэр')."""
    words = surface.split()
    return (
        bool(words)
        and words[0].isalpha()
        and not words[0].isupper()
        and lemma(words[0]) in role_lemmas()
        and all(_genitive(w) for w in words[1:])
    )


@lru_cache(maxsize=CACHE_SIZE)
def _genitive(word: str) -> bool:
    """Whether the dictionary knows `word` as a common word's genitive or a place's (not an
    abbreviation, 'РА', nor a person's name, 'Макарова')."""
    return not word.isupper() and any(
        p.is_known and p.tag.case in ("gent", "gen2") and not _PERSONAL & p.tag.grammemes
        for p in morph()(word.lower())
    )
