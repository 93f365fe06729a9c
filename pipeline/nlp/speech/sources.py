"""Who said it, by word order: the subject before a cue verb and the source after it, a
description or a name widened to its noun phrase, phrases of the occasion or of a citation
('в интервью RT', 'со ссылкой на') left out, and the document or institution of a locative
phrase ('в ведомстве подчеркнули')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.nlp.cues import cue_nouns
from pipeline.nlp.government import GOVERNS
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.normalize import SURNAME_STEMS
from pipeline.nlp.sources import OCCASIONS
from pipeline.nlp.speech.records import _Token
from pipeline.nlp.speech.words import (
    _case,
    _head_case,
    _lemma,
    _nominal,
    _nominative_name,
    _parse,
    _pos,
    _skip_adverbs,
)
from pipeline.nlp.time_patterns import MONTHS, WEEKDAYS

#: What ends the search for a subject to the left of its cue: another predicate (a verb, a
#: short adjective or participle: 'Мы полностью готовы к ... и считаем') or a conjunction.
_PREDICATES = frozenset({"VERB", "GRND", "INFN", "CONJ", "ADJS", "PRTS"})


def _source_before(tokens: Sequence[_Token], cue: int) -> tuple[int, int] | None:
    """The (first, last) token of the subject before the cue verb `tokens[cue]`: the nearest
    nominative word to its left (adverbs and time words skipped), widened over the words of its
    noun phrase ('министр труда Максим Топилин', 'Эксперты в Киеве')."""
    i = _skip_adverbs(tokens, cue - 1)
    if i > 0 and tokens[i].text == ",":  # ', выступая перед делегацией в Баку, заявил'
        opens = next((j for j in range(i - 1, -1, -1) if tokens[j].text == ","), None)
        if opens is not None and _is_apposition(tokens, opens + 1, i):
            named = _source_before(tokens, opens)
            return named and (named[0], i - 1)  # 'Графиня Уварова, председатель ..., говорила'
        if opens is not None and opens + 1 < i and _is_aside_clause(tokens, opens + 1, i):
            i = _skip_adverbs(tokens, opens - 1)
        elif opens is not None and i == cue - 1 and _relative(tokens, opens + 1):
            i = _skip_adverbs(tokens, opens - 1)  # 'Один из мальчиков, который ..., рассказал'

    last = i
    named = _quoted_name(tokens, i, forward=False)
    # 'газета КНДР «Нодон синмун» сообщила': the name's noun is the head; not after a word
    # that cannot be nominative ('в эфире телеканала «112 Украина» заявил').
    if named and tokens[named - 1].is_word and _nominative(tokens[named - 1]):
        i = named - 1
    head = None
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) not in _PREDICATES:
        after_preposition = i > 0 and _pos(tokens[i - 1]) == "PREP"  # 'в разговоре с RT'
        after_preposition |= i > 1 and _reflexive_phrase(tokens, i - 2)  # 'в своём Twitter'
        if _nominal(tokens[i]) and _head_case(tokens[i]) and not after_preposition:
            aside = _aside_holding(tokens, i)
            if aside is None:
                head = i
                break
            i = last = aside - 1  # 'Кашин в интервью RT', 'агентство со ссылкой на PipeChina'
            continue
        i -= 1
    if head is None:
        return None
    # A phrase of the occasion or citation between the subject and its verb is not the
    # subject's, whatever its object's case ('агентство| со ссылкой на местные власти'), nor
    # is a date ('Минюст России| в четверг 18 ноября сообщил').
    last = next(
        (k - 1 for k in range(head + 1, last + 1) if _setting_at(tokens, k)),
        last,
    )
    if _lemma(tokens[head].text) == _RELATIVE and (before := _antecedent(tokens, head)):
        return before  # 'пилоты компании, которые сообщили'
    first = _widened(tokens, head)
    if _is_person_name(tokens[head]):  # a name ends its phrase: 'Джон Аллен| не без иронии'
        after = next((k for k in range(head + 1, last + 1) if _pos(tokens[k]) == "PREP"), None)
        last = after - 1 if after is not None else last
        while last > head and tokens[last].text[:1].islower():
            last -= 1
    while (
        last > head
        and not tokens[last].text[:1].isupper()
        and (_case(tokens[last]) in ("ablt", "datv") or _pos(tokens[last]) == "ADVB")
    ):
        last -= 1  # 'Президент Путин осенью заявил', 'Быстрицкая тогда мне сказала'
    return _joined_subjects(tokens, cue, (_described_before(tokens, first), last))


def _joined_subjects(
    tokens: Sequence[_Token], cue: int, source: tuple[int, int]
) -> tuple[int, int]:
    """The subject of a plural cue joined to the conjuncts before it by 'и' and commas ('Дэвид
    Голдфин и министр ВВС Хезер Уилсон считают', 'Латвия, Литва и Польша объявляли'): the verb's
    number says the subject found after 'и' is not the whole of it. Each conjunct before is a
    nominative noun phrase that ends right before the 'и' or comma; `source` when none is."""
    parse = _parse(tokens[cue].text) if tokens[cue].is_word else None
    if parse is None or parse.tag.POS != "VERB" or parse.tag.number != "plur":
        return source
    first, joined = source[0], False
    while first > 1 and tokens[first - 1].text.lower() in ("и", ","):
        mark = tokens[first - 1].text.lower()
        before = first - 2
        word = tokens[before]
        if not (word.is_word and _nominal(word) and _nominative(word)):
            break
        conjunct = _source_before(tokens, first - 1)
        if conjunct is None or conjunct[1] != before:
            break
        if mark == "," and not joined:
            break  # 'Иванов, глава ..., и ...': a comma joins only before an 'и'
        first, joined = _nominative_start(tokens, *conjunct), True
    return (first, source[1]) if joined else source


def _nominative_start(tokens: Sequence[_Token], first: int, last: int) -> int:
    """Where a conjunct starts: its first nominative noun or name, past a setting the subject's
    widening took in ('В начале июня 2017 года| Голдфин и Уилсон')."""
    while first < last and not (_nominal(tokens[first]) and _nominative(tokens[first])):
        first += 1
    return first


def _described_before(tokens: Sequence[_Token], first: int) -> int:
    """Where a subject starts when a description of a person opens its clause and a comma
    sets it off before the subject ('Ранее| заместитель главы комитета Госдумы ..., депутат
    ... Руслан Бальбек заявил'): a noun phrase in the nominative headed by an animate noun,
    with no verb, after nothing but adverbs, comparatives, particles and conjunctions; else
    `first`."""
    comma = first - 1
    if comma < 1 or tokens[comma].text != ",":
        return first
    opens = 0
    while opens < comma and tokens[opens].is_word and _leading(tokens[opens].text):
        opens += 1
    # One description or several, each set off by its comma: 'Профессор МГУ, доктор
    # политических наук, член ... Андрей Манойло считает'.
    commas = [opens - 1, *(k for k in range(opens, comma) if tokens[k].text == ","), comma]
    if not all(_described(tokens, a + 1, b) for a, b in zip(commas, commas[1:], strict=False)):
        return first
    return opens


def _described(tokens: Sequence[_Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] describes a person: a noun phrase in apposition headed by an
    animate noun."""
    noun = next((k for k in range(first, stop) if _pos(tokens[k]) == "NOUN"), None)
    return noun is not None and _is_apposition(tokens, first, stop) and _animate(tokens[noun])


#: Words that may open a clause before its subject: 'Ранее', 'Позднее', 'Также', 'А'.
_LEADING = frozenset({"ADVB", "COMP", "PRCL", "CONJ"})


@lru_cache(maxsize=CACHE_SIZE)
def _leading(word: str) -> bool:
    """A word with a reading of an adverb, a comparative, a particle or a conjunction, whatever
    its first reading ('Позднее' is first read as an adjective)."""
    return any(p.tag.POS in _LEADING for p in morph()(word.lower()))


def _animate(token: _Token, case: str = "nomn") -> bool:
    """A noun of a person in `case`, the nominative by default ('заместитель', 'глава'), by
    pymorphy2."""
    return any(
        p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.case == case
        for p in morph()(token.text.lower())
    )


def _aside_holding(tokens: Sequence[_Token], i: int) -> int | None:
    """The preposition of a phrase of the occasion or of a citation that holds the word at `i`
    ('в интервью RT', 'со ссылкой на осведомлённые источники'): at most eight words before it,
    with no mark between but quotation marks. A citation holds whatever it cites (its object is
    an accusative, which may read as a nominative); an occasion only a word whose case cannot be
    read (Latin script, indeclinable): a nominative after it is the subject ('В беседе с ТАСС
    Поляков подчеркнул')."""
    unreadable = tokens[i].text.isascii() or _fixed(tokens[i])
    for p in range(i - 1, max(-1, i - 9), -1):
        if not (tokens[p].is_word or tokens[p].text in _QUOTES):
            return None
        if (noun := _aside_noun(tokens, p)) is not None:
            return p if unreadable or noun == "ссылка" else None
    return None


def _aside_before(tokens: Sequence[_Token], verb: int) -> bool:
    """Whether an aside clause between commas stands right before the verb at `verb` (', со
    своей стороны, говорит'), its subject before it."""
    if verb < 2 or tokens[verb - 1].text != ",":
        return False
    opens = next((j for j in range(verb - 2, -1, -1) if tokens[j].text == ","), None)
    if opens is None or opens + 1 >= verb - 1:
        return False
    return _is_aside_clause(tokens, opens + 1, verb - 1)


def _is_aside_clause(tokens: Sequence[_Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop], between commas before a verb, stands between it and its
    subject: a participial or gerund clause (', прошедшего в начале июня,', ', выступая перед
    делегацией,') or a short parenthesis (', со своей стороны,', ', в свою очередь,',
    ', однако,')."""
    if _can_be_participle(tokens[first]):
        return True
    words = tokens[first:stop]
    if not all(t.is_word for t in words) or len(words) > 4:
        return False
    if _pos(words[0]) == "PREP":
        return True
    return len(words) == 1 and _pos(words[0]) in ("ADVB", "CONJ", "PRCL")


def _relative(tokens: Sequence[_Token], first: int) -> bool:
    """Whether a relative clause opens at `first` ('который пережил ...', 'в которой ...'):
    right before a verb, it describes the verb's subject before it ('Один из мальчиков,
    который пережил ..., рассказал'); not before a conjunction ('раскритиковал протекционизм,
    к которому ..., а также заверил')."""
    at = first + 1 if _pos(tokens[first]) == "PREP" and first + 1 < len(tokens) else first
    return _lemma(tokens[at].text) == _RELATIVE


#: The relative pronoun.
_RELATIVE = "который"


def _antecedent(tokens: Sequence[_Token], relative: int) -> tuple[int, int] | None:
    """The noun phrase that a relative pronoun, the subject of a cue, refers back to: the words
    right before its comma, from the nearest noun that agrees with it in number (and gender,
    in the singular), widened over its phrase ('пилоты компании|, которые сообщили'; 'депутат|,
    который заявил'), as the guide tags the antecedent. None when no such noun is within four
    words, or a predicate comes first, or the phrase does not start with a nominative (the
    speaker stage reads 'председателя ... Фрайлинга, который' by the pronoun), or its head
    noun does not agree ('высказывание президента ... Олланда, который'): the pronoun is then
    the source as it is read."""
    if relative < 2 or tokens[relative - 1].text != ",":
        return None
    pronoun = _parse(tokens[relative].text)
    last = relative - 2
    for k in range(last, max(-1, last - 4), -1):
        word = tokens[k]
        if not word.is_word or _pos(word) in _PREDICATES or _pos(word) == "PREP":
            return None
        if _pos(word) == "NOUN" and _agrees(word, pronoun):
            first = _widened(tokens, k)
            heads = [j for j in range(first, k + 1) if _pos(tokens[j]) == "NOUN"]
            if not (_head_case(tokens[first]) and _agrees(tokens[heads[0]], pronoun)):
                return None  # the phrase's head is another's: 'высказывание ... Олланда'
            return first, last
    return None


def _agrees(noun: _Token, pronoun) -> bool:  # pronoun: a pymorphy2 Parse or None
    """Whether a reading of `noun` has the pronoun's number and, in the singular, its gender."""
    if pronoun is None or pronoun.tag.number is None:
        return False
    number, gender = pronoun.tag.number, pronoun.tag.gender
    return any(
        p.tag.POS == "NOUN"
        and p.tag.number == number
        and (number == "plur" or "ms-f" in p.tag or p.tag.gender == gender)
        for p in morph()(noun.text.lower())
    )


def _quoted_name(tokens: Sequence[_Token], i: int, forward: bool) -> int | None:
    """Where the short quoted name whose mark is at `i` ends ('«Лига Ставок»', '"Портал"'):
    the index of its other mark, with one to four words between; else None."""
    if i < 0 or i >= len(tokens) or tokens[i].text not in _QUOTES:
        return None
    step = 1 if forward else -1
    j = i + step
    while 0 <= j < len(tokens) and abs(j - i) <= 5 and tokens[j].is_word:
        j += step
    inside = abs(j - i) - 1
    if 0 <= j < len(tokens) and tokens[j].text in _QUOTES and 1 <= inside <= 4:
        return j
    return None


def _widened(tokens: Sequence[_Token], head: int) -> int:
    """The first token of the noun phrase whose head is tokens[head]: the nominative and
    genitive words before it ('Официальный представитель МИД России Мария Захарова'), across a
    prepositional phrase that follows a noun ('Член комитета ГД по бюджету и налогам X')."""
    first = head
    while first > 0:
        before = tokens[first - 1]
        if (opening := _quoted_owner(tokens, first - 1)) is not None:
            first = opening  # 'директор «Укроборонпрома» Роман Романов'
            continue
        if (opening := _latin_owner(tokens, first - 1)) is not None:
            first = opening  # 'коалиции Stop the War Крис Найнхэм'
            continue
        if _coordinated(tokens, first - 1):
            first -= 2  # 'службы по труду и занятости'
            continue
        if _name_part(tokens, first - 1) and _is_person_name(tokens[first]):
            first -= 1  # a name's particle, whatever it reads as: 'Марин Ле Пен'
            continue
        if not before.is_word or _pos(before) in ("VERB", "GRND", "INFN", "CONJ", "ADVB"):
            break
        if _pos(before) == "PREP" or not (
            _nominal(before) and (_head_case(before) or _can_be(before, "gent") or _fixed(before))
        ):
            crossed = _phrase_start(tokens, first)
            if crossed is None:
                break
            first = crossed
            continue
        first -= 1
    start = None
    while first != start:
        start = first
        first = _past_object(tokens, first, head)
        while first < head and (_genitive_first(tokens, first) or tokens[first].text == "и"):
            first += 1  # a phrase starts with its head, not a genitive: 'Росстата издание'
        while first < head and _addressee_name(tokens, first):
            first += 1  # 'В интервью американскому каналу| CNBC глава правительства'
    return first


def _genitive_first(tokens: Sequence[_Token], i: int) -> bool:
    """Whether tokens[i] is read first as a genitive and is no first name before a surname
    that cannot be genitive ('Ив Маттон', 'Марта Троя-Мартинез': 'Ив' and 'Марта' are first
    read as the genitives of 'ива' and 'март'; not 'Петра Порошенко', 'Яна Лантратова', where
    the name's first reading is a genitive name or the surname can be one)."""
    if _case(tokens[i]) != "gent":
        return False
    word, parse = tokens[i], _parse(tokens[i].text)
    named = parse is not None and {"Name", "Surn", "Patr"} & set(parse.tag.grammemes)
    return not (
        word.text[:1].isupper()
        and not named
        and _nominative_name(word.text)
        and i + 1 < len(tokens)
        and _is_person_name(tokens[i + 1])
        and not _can_be(tokens[i + 1], "gent")
    )


def _addressee_name(tokens: Sequence[_Token], i: int) -> bool:
    """Whether tokens[i] is a capitalised name whose case cannot be read (Latin script,
    indeclinable) right after the noun of an addressee or an occasion, which can be neither
    nominative nor genitive: that noun's name ('каналу CNBC', 'агентству Reuters', 'журналу
    Elle', 'в эфире RT'), not the start of the subject after it. Not after a noun of time or
    place that the subject follows ('В сентябре Financial Times сообщала')."""
    k = i - 1
    while k >= 0 and tokens[k].text.isascii() and tokens[k].is_word:
        k -= 1  # 'изданию The| Times'
    if k < 0 or not (tokens[i].is_word and tokens[i].text[:1].isupper()):
        return False
    if not (tokens[i].text.isascii() or _fixed(tokens[i])):
        return False
    noun = tokens[k]
    return (
        noun.is_word
        and _pos(noun) == "NOUN"
        and not _can_be(noun, "nomn")
        and not _can_be(noun, "gent")
        and (_can_be(noun, "datv") or _can_be(noun, "ablt") or _lemma(noun.text) in OCCASIONS)
    )


def _past_object(tokens: Sequence[_Token], first: int, head: int) -> int:
    """Where a subject's phrase starts when its first words are a preposition's object ('со
    ссылкой на| данные Росстата| издание', 'после встречи Кима| с южнокорейской делегацией|
    главная партийная газета'): past the preposition, its adjectives, its noun and the
    genitives after it and the names whose case cannot be read ('в интервью ТАСС', 'в интервью
    The New York Times'), when words up to the head are left; else `first`."""
    i = first + 1 if _pos(tokens[first]) == "PREP" else first
    if i == first and (first == 0 or _pos(tokens[first - 1]) != "PREP"):
        return first
    while i < head and _pos(tokens[i]) in ("ADJF", "PRTF", "NUMR"):
        i += 1
    if i < head and (
        _oblique_cases(tokens[i].text) or _fixed(tokens[i]) or not _parse(tokens[i].text)
    ):
        i += 1  # the noun, not a nominative: 'после случившегося| президент лиги'
    while i < head and (
        _genitive_after(tokens[i]) or tokens[i].text.isascii() or _fixed(tokens[i])
    ):
        i += 1
    return i if i <= head else first


def _genitive_after(token: _Token) -> bool:
    """A word that can be a genitive after a noun; a capitalised one only when it cannot be
    nominative (a name: 'гонки| Том Чилтон', not 'данные Росстата')."""
    if token.text[:1].isupper() and _nominative(token):
        return False
    return _can_be(token, "gent")


def _name_part(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a capitalised word inside a sentence can be part of the name after it ('Ле' of
    'Марин Ле Пен', 'Ён' of 'Ли Ён Хо'): not an adverb or conjunction, not in an oblique
    case ('с Толстым Горький')."""
    word = tokens[i]
    return (
        i > 0
        and word.text[:1].isupper()
        and _pos(word) not in ("ADVB", "CONJ", "PREP")
        and _case(word) not in ("datv", "ablt", "loct")
    )


def _coordinated(tokens: Sequence[_Token], conj: int) -> bool:
    """Whether 'и' at `conj` joins two lower-case words of one genitive or dative case inside a
    noun phrase ('по труду и занятости', 'образования и науки', 'по обороне и безопасности'),
    not two subjects or clauses, nor a setting ('в кожанке и пенсне')."""
    if not (0 < conj < len(tokens) - 1 and tokens[conj].text == "и"):
        return False
    left, right = tokens[conj - 1], tokens[conj + 1]
    if not (left.is_word and right.is_word and left.text.islower() and right.text.islower()):
        return False
    if _fixed(left) or _fixed(right):
        return False  # an indeclinable word has every case
    shared = _oblique_cases(left.text) & _oblique_cases(right.text)
    governs = _governed(tokens, conj - 1)
    if governs is not None:  # the cases the phrase's preposition allows: 'по' a dative
        shared &= governs
    elif "loct" in _oblique_cases(left.text):
        return False  # a locative without its preposition in sight: a setting
    return bool(shared & {"gent", "datv"})


def _governed(tokens: Sequence[_Token], noun: int) -> frozenset[str] | None:
    """The cases the preposition right before a noun (adjectives between) can govern
    (`GOVERNS`: 'по' a dative, 'в' an accusative or locative), or None when no preposition of
    that class opens its phrase."""
    i = noun - 1
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) in ("ADJF", "PRTF", "NUMR"):
        i -= 1
    return GOVERNS.get(tokens[i].text.lower()) if i >= 0 else None


@lru_cache(maxsize=CACHE_SIZE)
def _oblique_cases(word: str) -> frozenset[str]:
    """The cases other than the nominative that a noun or adjective can be in."""
    return frozenset(
        p.tag.case
        for p in morph()(word.lower())
        if p.tag.POS in ("NOUN", "ADJF") and p.tag.case not in (None, "nomn")
    )


def _quoted_owner(tokens: Sequence[_Token], close: int) -> int | None:
    """The short quoted name in the genitive, or in apposition, that closes at `close` inside a
    noun phrase ('глава «Роснефти»', 'совета директоров «Спартака»', 'партии «Национальный
    фронт»'): the index of its opening mark, when a noun that is no preposition's object goes
    before it ('в интервью «Известиям»' is a setting)."""
    opening = _quoted_name(tokens, close, forward=False)
    if opening is None or opening < 1:
        return None
    noun = opening - 1
    if not (tokens[noun].is_word and _pos(tokens[noun]) == "NOUN") or _in_phrase(tokens, noun):
        return None
    if _can_be(tokens[opening + 1], "gent"):
        return opening  # an owner: 'глава «Роснефти»'
    # A name in apposition to a noun of the phrase: 'партии «Национальный фронт»', not to an
    # addressee ('изданию «Обозреватель»').
    apposed = _nominative(tokens[opening + 1]) and _head_case_or_genitive(tokens[noun])
    return opening if apposed else None


def _latin_owner(tokens: Sequence[_Token], last: int) -> int | None:
    """Where a Latin-script name of several words with a lower-case one among them ('Stop the
    War') that ends at `last` inside a noun phrase starts, in apposition to the noun before it
    ('коалиции| Stop the War'), when that noun can be nominative or genitive and is no
    preposition's object; else None. A name of capitalised words only is read word by word."""
    first = last
    while first >= 0 and tokens[first].is_word and tokens[first].text.isascii():
        first -= 1
    first += 1
    run = tokens[first : last + 1]
    if first < 1 or len(run) < 2 or not any(t.text[:1].islower() for t in run):
        return None
    noun = tokens[first - 1]
    if not (noun.is_word and _pos(noun) == "NOUN") or _in_phrase(tokens, first - 1):
        return None
    return first if _head_case_or_genitive(noun) else None


def _head_case_or_genitive(token: _Token) -> bool:
    return _can_be(token, "gent") or _can_be(token, "nomn")


def _fixed(token: _Token) -> bool:
    """An indeclinable word ('МИД', 'интервью'): its first reading's case means nothing."""
    parse = _parse(token.text)
    return parse is not None and "Fixd" in parse.tag


def _in_phrase(tokens: Sequence[_Token], noun: int) -> bool:
    """Whether a noun is the object of a preposition before it, adjectives between ('на первой
    пресс-конференции')."""
    i = noun - 1
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) in ("ADJF", "PRTF", "NUMR"):
        i -= 1
    return i >= 0 and _pos(tokens[i]) == "PREP"


def _phrase_start(tokens: Sequence[_Token], first: int) -> int | None:
    """Where a prepositional phrase that ends right before tokens[first] starts, when a noun
    comes before it ('комитета| по бюджету и налогам'), or a chain of them after a noun
    ('делегации| на переговорах по ВТО'): at most four words back each."""
    for k in range(first - 1, max(0, first - 5), -1):
        token = tokens[k]
        if not token.is_word or _pos(token) in ("VERB", "GRND", "INFN", "ADVB", "PRCL"):
            return None
        if _pos(token) == "PREP" and k > 0:
            noun = tokens[k - 1]
            if (
                noun.is_word
                and _pos(noun) == "NOUN"
                and (_can_be(noun, "nomn") or _can_be(noun, "gent"))
                and not _in_phrase(tokens, k - 1)
            ):
                return k
            if noun.is_word and _pos(noun) == "NOUN" and _in_phrase(tokens, k - 1):
                return _phrase_start(tokens, k)  # 'на переговорах| по ВТО'
            return None
    return None


def _is_apposition(tokens: Sequence[_Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] is a noun phrase in apposition: words only, none a verb,
    participle or conjunction, the first a nominative noun or adjective."""
    words = tokens[first:stop]
    return (
        bool(words)
        and all(
            t.is_word and _pos(t) not in ("VERB", "GRND", "INFN", "PRTF", "CONJ") for t in words
        )
        and _nominal(words[0])
        and _head_case(words[0])
    )


def _source_after(
    tokens: Sequence[_Token], start: int, genitive: bool = False
) -> tuple[int, int] | None:
    """The (first, last) token of the source that follows a cue ('- отметил глава
    государства', 'по словам министра X,'): the words up to the next punctuation, after what
    `_skip_setting` skips, and before a phrase of where it was said that follows a person's
    name ('Алан Дершовиц| в эфире канала CNN'; 'посол РФ в США' keeps its phrase), before a
    phrase of the occasion or of whom it cites that follows any word ('сенатор| в беседе с RT',
    'издание| со ссылкой на источники'), and before a Latin-script or quoted outlet after a
    name ('Бериццо| Marca', 'Илюмжинов| «Газете.Ru»'). With `genitive` (the speaker of
    'приводит слова X'), before the first word that cannot be genitive ('Вольфа| пресс-служба
    «Мерседеса»')."""
    i = first = _skip_setting(tokens, start)
    while i < len(tokens):
        closing = _quoted_name(tokens, i, forward=True) if i > first else None
        if closing is not None and _quoted_outlet_told(tokens, i, closing):
            break
        if closing is not None:  # 'компании «Лига Ставок» Максима', 'театр-студия "Портал"'
            i = closing + 1
            continue
        if not tokens[i].is_word or (
            _pos(tokens[i]) in ("VERB", "GRND") and not tokens[i].text[:1].isupper()
        ):
            break
        name_ends = _is_person_name(tokens[i - 1]) if i > first else False
        if name_ends and (_pos(tokens[i]) == "PREP" or _adjunct(tokens[i])):
            break  # 'Шумер| газете The New York Times', 'Маса| летом 2016 года'
        if i > first and (_aside(tokens, i) or _answering(tokens, i) or _on_medium(tokens, i)):
            break
        if name_ends and tokens[i].text.isascii() and not tokens[i - 1].text.isascii():
            break  # 'Бериццо| Marca', 'Назарбаев| 18 января'
        if i > first and _outlet_after_name(tokens, i):
            break
        if (
            genitive
            and i > first
            and not (_can_be(tokens[i], "gent") or _parse(tokens[i].text) is None)
        ):
            break
        i += 1
    if i < len(tokens) and _pos(tokens[i]) in ("VERB", "GRND") and _pos(tokens[i - 1]) == "CONJ":
        i -= 1  # 'подчеркнул он| и добавил', 'сказал швейцар| и пошёл': the next verb's 'и'
    return (first, i - 1) if i > first else None


def _outlet_after_name(tokens: Sequence[_Token], i: int) -> bool:
    """Whether tokens[i] names the outlet that relays the speaker named right before it, not a
    word of the speaker's phrase: a Latin-script name after a capitalised Cyrillic word that
    can be nominative and is no acronym, a name the dictionary reads as a common noun ('Дрозд|
    BoxingScene'); a Cyrillic acronym after a name the dictionary knows ('Меркель| РИА
    Новости', 'Ибрагимов| ТАСС'). Not when a person's name follows, the run then naming where
    the speaker works ('Сбербанк CIB Михаил Шейбе', 'имени Франклина Рузвельта МГУ Юрий
    Рогулев'), nor after a genitive ('эксперт Фонда Heritage')."""
    word, before = tokens[i], tokens[i - 1]
    if not (word.is_word and before.is_word and word.text[:1].isupper()):
        return False
    if before.text.isascii() or before.text.isupper():
        return False
    if word.text.isascii():
        named = before.text[:1].isupper() and _can_be(before, "nomn")
    else:
        named = len(word.text) > 1 and word.text.isupper() and _known_name(before)
    after = i + 1
    while after < len(tokens) and tokens[after].is_word and tokens[after].text.isascii():
        after += 1
    return named and not (after < len(tokens) and _is_person_name(tokens[after]))


def _quoted_outlet_told(tokens: Sequence[_Token], i: int, closing: int) -> bool:
    """Whether the quoted name from `i` to `closing` is the outlet the speaker named right
    before it told ('сказал Мутко| «Чемпионату»', 'заявил Илюмжинов| «Газете.Ru»'), not the
    body the phrase goes on to name: not after an acronym ('ПАО «Газпром»', 'ФК «Спартак»'),
    nor when a person's name follows it ('ФК «Спартак» Массимо Каррера')."""
    before = tokens[i - 1]
    if before.text.isupper() or not _is_person_name(before):
        return False
    after = closing + 1
    return not (after < len(tokens) and tokens[after].is_word and _is_person_name(tokens[after]))


def _known_name(token: _Token) -> bool:
    """A first name, surname or patronymic the dictionary knows ('Меркель'), not any unknown
    capitalised word ('по утверждению Чешкского| ТВ', a misspelt adjective)."""
    parse = _parse(token.text)
    return parse is not None and bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))


#: Nouns of a phrase that follows a speaker without naming them: the occasion ('в беседе с RT',
#: 'на заседании Совбеза', 'в ходе форума', 'в рамках саммита') and the citation ('со ссылкой
#: на источники').
_ASIDES = OCCASIONS | {
    "ссылка",
    "ход",
    "рамка",
    "заседание",
    "совещание",
    "форум",
    "саммит",
    "конференция",
    "съезд",
    "презентация",
}


def _aside(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a preposition at `i` opens a phrase of the occasion or of a citation: its next
    word, or the one after an adjective or a noun ('в ходе брифинга'), is one of `_ASIDES` or
    a noun of statement ('со слов делегатов', 'в своём заявлении')."""
    return _aside_noun(tokens, i) is not None


def _on_medium(tokens: Sequence[_Token], i: int) -> bool:
    """Whether 'в X' or 'на X' at `i` names the medium where it was said, X one word a medium
    of data/media.tsv that ends the phrase ('канцелярия премьер-министра| в Twitter'): where,
    not who."""
    return (
        i + 1 < len(tokens)
        and tokens[i].text.lower() in ("в", "на")
        and tokens[i + 1].is_word
        and (i + 2 == len(tokens) or not tokens[i + 2].is_word)
        and medium_of(tokens[i + 1].text) is not None
    )


def _answering(tokens: Sequence[_Token], i: int) -> bool:
    """Whether 'на вопрос' at `i` names the question answered ('— отвечает он| на вопрос RT о
    ...', 'ответил Карр| на вопрос, что ...'): the occasion of an answer, not the speaker's.
    Not 'по вопросам' ('министр по вопросам развития' is a title)."""
    return (
        i + 1 < len(tokens)
        and tokens[i].text.lower() == "на"
        and _lemma(tokens[i + 1].text) == "вопрос"
    )


def _aside_noun(tokens: Sequence[_Token], i: int) -> str | None:
    """The lemma of the noun of `_ASIDES` in the phrase that a preposition at `i` opens."""
    if _pos(tokens[i]) != "PREP":
        return None
    for j in range(i + 1, min(i + 3, len(tokens))):
        if not tokens[j].is_word:
            return None
        if (lemma := _lemma(tokens[j].text)) in _ASIDES or lemma in cue_nouns():
            return lemma  # a noun of statement cites: 'иностранные СМИ| со слов делегатов'
        if _pos(tokens[j]) not in ("ADJF", "NOUN"):
            return None
    return None


def _skip_setting(tokens: Sequence[_Token], i: int) -> int:
    """The first token at or after `i` that is not an adverb, a particle, the addressee (a
    dative: 'сказал ему', a quoted outlet: 'пояснил «НГ»') or a phrase of where it was said
    ('в беседе с RT', 'на презентации'): a preposition, its object and the words after it that
    cannot be nominative."""
    while i < len(tokens):
        token = tokens[i]
        if token.text in _QUOTES:
            closing = next(
                (j for j in range(i + 1, min(i + 6, len(tokens))) if tokens[j].text in _QUOTES),
                None,
            )
            if closing is None:
                return i
            i = closing + 1
        elif _outlet_before_speaker(tokens, i):
            i += 1  # 'заявил RT Садик', 'рассказал RT доцент кафедры'
        elif _acronym(token) and (speaker := _speaker_after_object(tokens, i)) is not None:
            i = speaker  # the addressee: 'сообщил РИА Новости| источник', 'заявил ТАСС| глава'
        elif (date := _date_words(tokens, i)) > 0:
            i += date  # when it was said: 'заявил 12 декабря| министр', '4 декабря 2017 года|'
        elif not token.is_word or token.text[:1].isupper():
            return i  # a capitalised word after the cue names someone ('сказал Браво')
        elif _pos(token) in ("ADVB", "PRCL") or _case(token) == "datv":
            i += 1
        elif _pos(token) == "PREP":
            i += 2  # the preposition and its object, whatever its case ('с RT')
            if (
                i <= len(tokens) and tokens[i - 1].text in _QUOTES
            ):  # a quoted object: 'в разговоре с «Коммерсантом»'
                closing = next(
                    (j for j in range(i, min(i + 5, len(tokens))) if tokens[j].text in _QUOTES),
                    None,
                )
                if closing is None:
                    return i
                i = closing + 1
            while i < len(tokens) and tokens[i].is_word and _pos(tokens[i]) not in ("PREP", "CONJ"):
                if not (_nominative(tokens[i]) or _surname_shaped(tokens[i])):
                    i += 1
                elif (speaker := _speaker_after_object(tokens, i)) is not None:
                    i = speaker  # 'в интервью РИА Новости| посол', 'в ходе заседания| премьер'
                else:
                    break
        else:
            return i
    return i


def _date_words(tokens: Sequence[_Token], i: int) -> int:
    """How many tokens at `i` write a date: a day's number and its month's name ('12
    декабря'), and the year after them ('2017 года'); 0 when no date stands there."""
    if not (tokens[i].text.isdigit() and i + 1 < len(tokens)):
        return 0
    if tokens[i + 1].text.lower() not in MONTHS:
        return 0
    if not (i + 3 < len(tokens) and tokens[i + 2].text.isdigit()):
        return 2
    year = tokens[i + 3].text.lower()
    dot = year == "г" and i + 4 < len(tokens) and tokens[i + 4].text == "."
    return 4 + dot if year in ("года", "г") else 2


def _date_at(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a date starts at `i`: a day and its month ('18 ноября'), or 'в' before a month
    or a weekday ('в апреле 2004 года', 'в четверг')."""
    if _date_words(tokens, i) > 0:
        return True
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    return tokens[i].text.lower() in ("в", "во") and (after in MONTHS or after in WEEKDAYS)


def _setting_at(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a phrase at `i` says where, when or by what the subject spoke, not who: an
    occasion or a citation (`_aside`), a date (`_dated_at`), or a preposition before the
    reflexive 'свой', which refers back to the subject and so stands outside its phrase
    ('президент США| в своём Twitter заявил', '| на своей странице')."""
    return _aside(tokens, i) or _dated_at(tokens, i) or _reflexive_phrase(tokens, i)


def _reflexive_phrase(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a preposition at `i` comes before the reflexive 'свой' ('в своём Twitter')."""
    return (
        i + 1 < len(tokens) and _pos(tokens[i]) == "PREP" and _lemma(tokens[i + 1].text) == "свой"
    )


def _dated_at(tokens: Sequence[_Token], i: int) -> bool:
    """Whether a date starts at `i` (`_date_at`), or at the word after a preposition at `i`
    that it governs ('письмо Минфина| от 18 ноября', '| с 1 января')."""
    if _date_at(tokens, i):
        return True
    return i + 1 < len(tokens) and _pos(tokens[i]) == "PREP" and _date_words(tokens, i + 1) > 0


def _acronym(token: _Token) -> bool:
    """A Cyrillic acronym ('ТАСС', 'РИА'): after a cue and before a lower-case role, the outlet
    told, not the speaker."""
    return len(token.text) > 1 and token.text.isupper() and not token.text.isascii()


def _speaker_after_object(tokens: Sequence[_Token], i: int) -> int | None:
    """Where a lower-case nominative noun phrase (a role: 'посол', 'премьер-министр') starts
    after the words at `i` that complete a preposition's object: a run of capitalised words (an
    outlet: 'РИА Новости') or one word that can be a genitive ('заседания'); else None."""
    j = i
    while j < len(tokens) and tokens[j].is_word and tokens[j].text[:1].isupper():
        j += 1
    if j == i and _can_be(tokens[i], "gent"):
        j = i + 1
    if j == i or j >= len(tokens):
        return None
    role = tokens[j]
    lower_nominal = role.is_word and role.text[:1].islower() and _pos(role) in ("NOUN", "ADJF")
    return j if lower_nominal and _case(role) == "nomn" else None


def _adjunct(token: _Token) -> bool:
    """A lower-case word that cannot continue a name's phrase: an adverb, or a noun in the
    dative, instrumental or locative ('газете', 'летом'); a genitive can ('отделения X')."""
    if token.text[:1].isupper():
        return False
    return _pos(token) == "ADVB" or _case(token) in ("datv", "ablt", "loct")


def _outlet_before_speaker(tokens: Sequence[_Token], i: int) -> bool:
    """A Latin-script name (an outlet, the addressee: 'RT', 'The Guardian') followed by a
    Cyrillic word, not a citation (the outlet speaks: 'сообщает Oddschecker| со ссылкой на
    Betfair')."""
    j = i
    while j < len(tokens) and tokens[j].text.isascii() and tokens[j].text[:1].isalpha():
        j += 1
    return (
        j > i
        and j < len(tokens)
        and tokens[j].is_word
        and not tokens[j].text.isascii()
        and _aside_noun(tokens, j) != "ссылка"
    )


def _object(token: _Token) -> bool:
    """A lower-case noun or adjective that cannot be nominative: an object ('ситуацию')."""
    return (
        token.text[:1].islower()
        and _pos(token) in ("NOUN", "ADJF", "NPRO")
        and not _nominative(token)
        and _case(token) != "datv"
    )


def _surname_shaped(token: _Token) -> bool:
    """A capitalised Cyrillic word with a Russian surname's ending: after the addressee, the
    speaker ('в беседе с RT Куртов'), not a genitive the object goes on with."""
    return (
        token.text[:1].isupper()
        and not token.text[:1].isascii()
        and token.text.endswith(SURNAME_STEMS)  # which 'Волков', 'Куртов' share with genitives
    )


def _nominative(token: _Token) -> bool:
    """Whether a word can be nominative (in any reading), or is a name the dictionary lacks."""
    if _parse(token.text) is None:
        return True
    return any(p.tag.case == "nomn" for p in morph()(token.text.lower()))


def _is_person_name(token: _Token) -> bool:
    """A first name, surname or patronymic, or a Cyrillic capitalised word the dictionary does
    not know (a foreign name: 'Дершовиц')."""
    parse = _parse(token.text)
    if parse is None:
        return token.text[:1].isupper() and not token.text[:1].isascii()
    return bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))


def _place_after(tokens: Sequence[_Token], i: int, named: bool) -> tuple[int, int] | None:
    """The (first, last) token of the document or institution in a locative phrase that starts
    at `i` ('в заявлении МИД', 'в редакционной статье', 'на сайте ведомства', 'в «Газпроме»'),
    without its preposition or quotation marks, with a quoted name it goes on to ('в заявлении
    компании «Газпром»'); with `named`, only one that names an institution (a capitalised word)
    or a statement (a cue noun: 'в заявлении'), not 'в ходе'."""
    if i + 2 >= len(tokens) or tokens[i].text.lower() not in ("в", "во", "на"):
        return None
    first = i + 2 if tokens[i + 1].text in _QUOTES else i + 1
    head = tokens[first]
    if not head.text[:1].isalpha() or not (head.text[:1].isupper() or _can_be(head, "loct")):
        return None
    if _lemma(head.text) == _RELATIVE:
        return None  # 'заключение, в котором сообщается': the antecedent, not the pronoun
    last = first
    while last < len(tokens) and (tokens[last].is_word or last > first):
        closing = _quoted_name(tokens, last, forward=True) if last > first else None
        if closing is not None and _told_name(tokens[last + 1 : closing]):
            break  # the outlet told: 'сообщили в пресс-службе министерства| «Известиям»'
        if closing is not None:  # the body's name: 'на сайте погодного центра «Фобос»'
            last = closing + 1
            continue
        if not tokens[last].is_word:
            break
        if _joined_place(tokens, last):
            last += 1
            continue
        if _pos(tokens[last]) in ("VERB", "GRND", "INFN", "CONJ", "PRCL") or (
            _pos(tokens[last]) == "PREP" and not _attached(tokens, last)
        ):
            break
        last += 1
    last -= 1
    if last < first:
        return None
    if named and not (
        any(t.text[:1].isupper() for t in tokens[first : last + 1])
        or _lemma(head.text) in cue_nouns()
    ):
        return None
    return first, last


_CYRILLIC = re.compile(r"[а-яё]+", re.IGNORECASE)


def _told_name(words: Sequence[_Token]) -> bool:
    """Whether a quoted name after a place is whom it was told, not the body's own name: its
    last Cyrillic word can be neither nominative nor genitive, so it names no body in
    apposition or of the place ('«Известиям»', '«Российской газете»', '«Газете.Ru»'; not
    '«Газпром»', '«Нафтогаза»')."""
    found = [w for t in words for w in _CYRILLIC.findall(t.text)]
    if not found:
        return False
    cases = {p.tag.case for p in morph()(found[-1].lower())}
    return bool(cases) and cases.isdisjoint({"nomn", "gent"})


def _past_told_name(tokens: Sequence[_Token], i: int) -> int:
    """The token after a quoted name told that opens at `i` (`_told_name`), else `i`."""
    closing = _quoted_name(tokens, i, forward=True)
    if closing is not None and _told_name(tokens[i + 1 : closing]):
        return closing + 1
    return i


def _joined_place(tokens: Sequence[_Token], conj: int) -> bool:
    """Whether 'и' at `conj` joins a second place or institution to a locative phrase, in its
    case ('в Европе и Южном полушарии'): the words after it a noun, or adjectives and a noun,
    that can be locative; not a person's name or noun ('В начале июня Голдфин и Уилсон
    говорили': the subjects)."""
    if tokens[conj].text != "и":
        return False
    k = conj + 1
    while k < len(tokens) and tokens[k].is_word and _pos(tokens[k]) in ("ADJF", "PRTF"):
        if not _can_be(tokens[k], "loct"):
            return False
        k += 1
    word = tokens[k] if k < len(tokens) else None
    return (
        word is not None
        and word.is_word
        and _pos(word) == "NOUN"
        and _can_be(word, "loct")
        and not _is_person_name(word)
        and not any("anim" in p.tag for p in morph()(word.text.lower()))
    )


def _attached(tokens: Sequence[_Token], prep: int) -> bool:
    """Whether the preposition at `prep` goes on the document of a locative phrase rather than
    ending it: 'к' of what a document is attached to ('в пояснительной записке| к
    законопроекту'), followed by a word of its object. Not 'на' of where a statement stands
    ('в сообщении на сайте компании «Метинвест»'): the speaker stage reads the owner of a
    statement from the words of the bare noun."""
    return tokens[prep].text.lower() == "к" and prep + 1 < len(tokens) and tokens[prep + 1].is_word


def _can_be(token: _Token, case: str) -> bool:
    """Whether any reading of a word is in `case`."""
    return any(p.tag.case == case for p in morph()(token.text.lower()))


def _can_be_participle(token: _Token) -> bool:
    """Whether any reading of a word is a participle or a gerund: one that opens a clause
    ('прошедшего в начале июня' is first read as a noun)."""
    return any(p.tag.POS in ("PRTF", "GRND") for p in morph()(token.text.lower()))


def _place_before(tokens: Sequence[_Token], cue: int, named: bool) -> tuple[int, int] | None:
    """The document or institution of a locative phrase before the cue, within its clause ('в
    заявлении Белого дома по итогам переговоров сообщалось'): the nearest 'в' to the left, past
    a quoted name ('В заявлении партии «Единая Россия» говорится')."""
    i = cue - 1
    while i > max(-1, cue - 10):
        opening = _quoted_name(tokens, i, forward=False)
        if opening is not None:  # 'В заявлении партии «Единая Россия» говорится'
            i = opening - 1
            continue
        if not tokens[i].is_word:
            return None
        if tokens[i].text.lower() in ("в", "во", "на"):
            found = _place_after(tokens, i, named)
            return found and (found[0], min(found[1], cue - 1))
        i -= 1
    return None


#: The pronominal adverbs of place, which refer back to a place or body named before ('посольство
#: ... получило данные, там заявили, что').
_PLACE_ADVERBS = frozenset({"там", "здесь", "тут"})


def _place_adverb(tokens: Sequence[_Token], cue: int) -> tuple[int, int] | None:
    """'там заявили': a pronominal adverb of place right before a plural cue without a subject,
    the place or body it refers back to (the speaker stage reads whom it names)."""
    if cue < 1 or tokens[cue - 1].text.lower() not in _PLACE_ADVERBS:
        return None
    return cue - 1, cue - 1


def _adjacent_place(tokens: Sequence[_Token], cue: int) -> tuple[int, int] | None:
    """'в ведомстве подчеркнули': a locative noun right before the cue, the nearest
    institution; not one with a genitive after it ('в ходе встречи'), nor a second locative
    ('в году')."""
    if cue < 2 or tokens[cue - 2].text.lower() not in ("в", "во"):
        return None
    noun = tokens[cue - 1]
    parse = _parse(noun.text)
    if parse is None or parse.tag.POS != "NOUN" or not _can_be(noun, "loct"):
        return None  # any reading: 'в полиции' is first read as a genitive
    return cue - 1, cue - 1


#: Quotation marks, opening or closing.
_QUOTES = frozenset('«»„“”"')
