"""Reported speech in a text, before anyone is named: the spans of what was said (the
content), of the verb or label that reports it (the cue) and of who said it (the source).

Three shapes, found by rules over words and their morphology (pymorphy2):
- interviews: answers after a speaker label ('Т. Лоренцсон: ...') or, in a question-and-answer
  interview, every '- ' paragraph that is not a question, with the paragraphs that follow it
  up to the journalist's narration of others' words;
- direct speech: '«...», - заявил X', 'X заявил: «...»';
- indirect speech: 'X отметил, что ...', 'X уверен, что ...', 'по словам X, ...', 'как
  отмечает X, ...', 'X заявил: ...', '..., говорит X', '..., говорится в X'; 'Об этом заявил
  X' reports the sentence before it.
Questions and denials ('не считают, что') are not quotes, nor is a quote inside another, but
for the speaker's own view in a sentence of its own ('«... Я думаю, что ...»', — сказал X')."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.nlp.cues import cue_forms, cue_nouns, cue_verbs, stance_lemmas
from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import STRONG_WORDS, WEAK_WORDS, medium_of
from pipeline.nlp.models import CACHE_SIZE, morph, parse_syntax
from pipeline.nlp.normalize import SURNAME_STEMS
from pipeline.nlp.sources import OCCASIONS

#: The longest sentence (in tokens) given to the syntax parser: its cost grows with the square
#: of a sentence's length, and a longer 'sentence' is mostly a list or a table.
SYNTAX_TOKENS = 60
#: Words (an initial keeps its dot: 'Т.'), numbers and single marks.
_WORD = re.compile(r"[А-ЯЁA-Z]\.(?=\s?[А-ЯЁA-Z])|\w+(?:[-.]\w+)*|[^\w\s]", re.U)
_DASH = r"[-–—]"
_LABEL = re.compile(
    r"(?:[А-ЯЁA-Z]\.\s?){1,2}\s?[А-ЯЁA-Z][\w-]+|[А-ЯЁA-Z][\w-]+(?:\s[А-ЯЁA-Z][\w-]+){0,2}"
)
_ANSWER_LABEL = re.compile(rf"({_LABEL.pattern}):\s+(?=\S)")
#: A speaker label alone in its paragraph, the answer in the paragraphs after it.
_LABEL_LINE = re.compile(rf"\s*({_LABEL.pattern}):\s*$")
_DASH_START = re.compile(rf"{_DASH}\s+(?=\S)")
_THANKS = re.compile(r"(?i)(благодар|спасибо)\w*\b[^.!?]{0,40}(интервью|беседу)")
_LETTERS = re.compile(r"\w+")
_TRAILING = " \t\n.,;:!?…"


@dataclass(frozen=True)
class Speech:
    """One quote in a text: its `kind` (direct, indirect or interview), the content
    text[start:stop], the cue text[cue_start:cue_stop] and, when written beside it, the source
    text[source_start:source_stop]."""

    kind: str
    start: int
    stop: int
    cue_start: int
    cue_stop: int
    source_start: int | None = None
    source_stop: int | None = None


class _Token(NamedTuple):
    text: str
    start: int
    stop: int
    is_word: bool


def _tokens(text: str, start: int, stop: int) -> list[_Token]:
    tokens = [
        _Token(word, m.start(), m.end(), word[:1].isalnum())
        for m in _WORD.finditer(text, start, stop)
        for word in (m.group(),)
    ]
    return [t for k, t in enumerate(tokens) if not _abbreviation_dot(tokens, k)]


def _abbreviation_dot(tokens: Sequence[_Token], k: int) -> bool:
    """Whether tokens[k] is the dot of an abbreviation inside a name ('Киностудии им. М.
    Горького', 'мэр г. Москвы'): right after a lower-case word, not after a number ('в 1990
    г.'), that pymorphy2 reads as an abbreviation, and before a capitalised word. The sentence
    splitter did not end the sentence there, so the dot ends no phrase."""
    if not (0 < k < len(tokens) - 1 and tokens[k].text == "."):
        return False
    word, after = tokens[k - 1], tokens[k + 1]
    return (
        word.stop == tokens[k].start
        and word.text.isalpha()
        and word.text.islower()
        and after.text[:1].isupper()
        and not (k > 1 and tokens[k - 2].text.isdigit())
        and _abbreviation(word.text)
    )


@lru_cache(maxsize=CACHE_SIZE)
def _abbreviation(word: str) -> bool:
    return any("Abbr" in p.tag for p in morph()(word))


@lru_cache(maxsize=CACHE_SIZE)
def _parse(word: str):  # -> pymorphy2 Parse or None
    """pymorphy2's first reading of a word; None for a capitalised word the dictionary does not
    know (a foreign name: 'Маноло' is not a verb, 'Дершовиц' not a genitive)."""
    parses = morph()(word.lower())
    if not parses or (word[:1].isupper() and not parses[0].is_known):
        return None
    return parses[0]


def _lemma(word: str) -> str:
    parse = _parse(word)
    return parse.normal_form if parse else word.lower()


@lru_cache(maxsize=CACHE_SIZE)
def _word_key(word: str) -> str:
    """`gazetteer.key` of one token, which holds no space: cached, as every token is looked up."""
    return word.lower().replace("ё", "е")


def _is_cue_verb(token: _Token) -> bool:
    if _word_key(token.text) not in cue_forms():
        return False
    parse = _parse(token.text)
    return (
        parse is not None
        and parse.tag.POS in ("VERB", "GRND")
        and "impr" not in parse.tag  # 'Читайте также:' reports nothing
        and key(parse.normal_form) in cue_verbs()
    )


def _is_stance(tokens: Sequence[_Token], i: int) -> bool:
    """A short adjective of a held view before its clause: 'уверен, что', 'убеждены в том,
    что' (the mark after it is checked: 'уверен в победе' reports nothing)."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in (",", "в"):
        return False
    parses = morph()(tokens[i].text.lower()) if _word_key(tokens[i].text) in cue_forms() else []
    if not any(
        p.tag.POS in ("ADJS", "PRTS") and key(p.normal_form) in stance_lemmas() for p in parses
    ):
        return False
    after = [t.text.lower() for t in tokens[i + 1 : i + 5]]
    return after[:2] == [",", "что"] or after == ["в", "том", ",", "что"]


def _is_impersonal(token: _Token) -> bool:
    """A cue with no subject of its own: a reflexive verb in the third person or the neuter
    past ('говорится', 'сообщалось', 'отмечается')."""
    parse = _parse(token.text)
    return (
        parse is not None
        and parse.normal_form.endswith(("ся", "сь"))
        and parse.tag.POS == "VERB"
        and ("3per" in parse.tag or "neut" in parse.tag)
        and parse.tag.number != "plur"
    )


def _is_plural_cue(token: _Token) -> bool:
    """A cue in the plural ('заявили', 'сообщают'): with no subject, an institution speaks ('в
    Кремле заявили')."""
    parse = _parse(token.text)
    return (
        parse is not None
        and parse.tag.POS == "VERB"
        and parse.tag.number == "plur"
        and not parse.normal_form.endswith(("ся", "сь"))  # 'отмечаются в Москве': a passive
    )


def _pos(token: _Token) -> str | None:
    parse = _parse(token.text)
    return parse.tag.POS if parse else None


def _case(token: _Token) -> str | None:
    parse = _parse(token.text)
    return parse.tag.case if parse else None


def _nominal(token: _Token) -> bool:
    """A word that can be part of a speaker's name or description."""
    if not token.is_word:
        return False
    if token.text[:1].isupper():
        return True
    return _pos(token) in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR", None)


def _head_case(token: _Token) -> bool:
    """Nominative, or a capitalised word pymorphy does not know (a foreign name, a Latin word),
    not a capitalised preposition or conjunction ('Об этом')."""
    parse = _parse(token.text)
    if parse is None:
        return token.text[:1].isupper()
    unknown = parse.tag.case is None and parse.tag.POS is None
    return parse.tag.case == "nomn" or (
        token.text[:1].isupper() and (unknown or _nominative_name(token.text))
    )


@lru_cache(maxsize=CACHE_SIZE)
def _nominative_name(word: str) -> bool:
    """Whether a surname or first name has a nominative reading, whatever its first reading
    ('Лихачева' is first read as the genitive of 'Лихачев')."""
    return any(
        p.tag.case == "nomn" and {"Surn", "Name"} & set(p.tag.grammemes)
        for p in morph()(word.lower())
    )


def _skip_adverbs(tokens: Sequence[_Token], i: int) -> int:
    """The first token at or left of `i` that is not an adverb, particle or conjunction."""
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) in ("ADVB", "PRCL", "CONJ", "PRED"):
        i -= 1
    return i


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

    last = i
    named = _quoted_name(tokens, i, forward=False)
    # 'газета КНДР «Нодон синмун» сообщила': the name's noun is the head; not after a word
    # that cannot be nominative ('в эфире телеканала «112 Украина» заявил').
    if named and tokens[named - 1].is_word and _nominative(tokens[named - 1]):
        i = named - 1
    head = None
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) not in _PREDICATES:
        after_preposition = i > 0 and _pos(tokens[i - 1]) == "PREP"  # 'в разговоре с RT'
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
    return _described_before(tokens, first), last


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
    noun = next((k for k in range(opens, comma) if _pos(tokens[k]) == "NOUN"), None)
    if noun is None or not _is_apposition(tokens, opens, comma) or not _animate(tokens[noun]):
        return first
    return opens


#: Words that may open a clause before its subject: 'Ранее', 'Позднее', 'Также', 'А'.
_LEADING = frozenset({"ADVB", "COMP", "PRCL", "CONJ"})


@lru_cache(maxsize=CACHE_SIZE)
def _leading(word: str) -> bool:
    """A word with a reading of an adverb, a comparative, a particle or a conjunction, whatever
    its first reading ('Позднее' is first read as an adjective)."""
    return any(p.tag.POS in _LEADING for p in morph()(word.lower()))


def _animate(token: _Token) -> bool:
    """A noun of a person in the nominative ('заместитель', 'глава'), by pymorphy2."""
    return any(
        p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.case == "nomn"
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
        while first < head and (_case(tokens[first]) == "gent" or tokens[first].text == "и"):
            first += 1  # a phrase starts with its head, not a genitive: 'Росстата издание'
        while first < head and _addressee_name(tokens, first):
            first += 1  # 'В интервью американскому каналу| CNBC глава правительства'
    return first


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
    noun phrase ('по труду и занятости', 'образования и науки'), not two subjects or clauses,
    nor a setting ('в кожанке и пенсне')."""
    if not (0 < conj < len(tokens) - 1 and tokens[conj].text == "и"):
        return False
    left, right = tokens[conj - 1], tokens[conj + 1]
    if not (left.is_word and right.is_word and left.text.islower() and right.text.islower()):
        return False
    if _fixed(left) or _fixed(right) or "loct" in _oblique_cases(left.text):
        return False  # an indeclinable word has every case; a locative, a setting
    return bool(_oblique_cases(left.text) & _oblique_cases(right.text) & {"gent", "datv"})


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
    apposed = _head_case(tokens[opening + 1]) and _head_case_or_genitive(tokens[noun])
    return opening if apposed else None


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
    comes before it ('комитета| по бюджету и налогам'): at most four words back."""
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
    'издание| со ссылкой на источники'), and before a Latin-script outlet after a name
    ('Бериццо| Marca'). With `genitive` (the speaker of 'приводит слова X'), before the first
    word that cannot be genitive ('Вольфа| пресс-служба «Мерседеса»')."""
    i = first = _skip_setting(tokens, start)
    while i < len(tokens):
        closing = _quoted_name(tokens, i, forward=True) if i > first else None
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
        if i > first and _aside(tokens, i):
            break
        if name_ends and tokens[i].text.isascii() and not tokens[i - 1].text.isascii():
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
        elif not token.is_word or token.text[:1].isupper():
            return i  # a capitalised word after the cue names someone ('сказал Браво')
        elif _pos(token) in ("ADVB", "PRCL") or _case(token) == "datv":
            i += 1
        elif _pos(token) == "PREP":
            i += 2  # the preposition and its object, whatever its case ('с RT')
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
    without its preposition or quotation marks; with `named`, only one that names an
    institution (a capitalised word) or a statement (a cue noun: 'в заявлении'), not 'в ходе'."""
    if i + 2 >= len(tokens) or tokens[i].text.lower() not in ("в", "во", "на"):
        return None
    first = i + 2 if tokens[i + 1].text in _QUOTES else i + 1
    head = tokens[first]
    if not head.text[:1].isalpha() or not (head.text[:1].isupper() or _can_be(head, "loct")):
        return None
    if _lemma(head.text) == "который":
        return None  # 'заключение, в котором сообщается': the antecedent, not the pronoun
    last = first
    while last < len(tokens) and tokens[last].is_word:
        if _pos(tokens[last]) in ("PREP", "VERB", "GRND", "INFN", "CONJ", "PRCL"):
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


def _can_be(token: _Token, case: str) -> bool:
    """Whether any reading of a word is in `case`."""
    return any(p.tag.case == case for p in morph()(token.text.lower()))


def _can_be_participle(token: _Token) -> bool:
    """Whether any reading of a word is a participle or a gerund: one that opens a clause
    ('прошедшего в начале июня' is first read as a noun)."""
    return any(p.tag.POS in ("PRTF", "GRND") for p in morph()(token.text.lower()))


def _place_before(tokens: Sequence[_Token], cue: int, named: bool) -> tuple[int, int] | None:
    """The document or institution of a locative phrase before the cue, within its clause ('в
    заявлении Белого дома по итогам переговоров сообщалось'): the nearest 'в' to the left."""
    for i in range(cue - 1, max(-1, cue - 10), -1):
        if not tokens[i].is_word:
            return None
        if tokens[i].text.lower() in ("в", "во", "на"):
            found = _place_after(tokens, i, named)
            return found and (found[0], min(found[1], cue - 1))
    return None


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


def _span(tokens: Sequence[_Token], first: int, last: int) -> tuple[int, int]:
    return tokens[first].start, tokens[last].stop


def _inner(text: str, start: int, stop: int) -> tuple[int, int]:
    """The words of a quotation text[start:stop], its own final mark kept ('Это победа!')."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def _trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """`start`-`stop` without surrounding spaces, a leading comma and trailing punctuation."""
    while start < stop and (text[start].isspace() or text[start] == ","):
        start += 1
    while stop > start and text[stop - 1] in _TRAILING:
        stop -= 1
    return start, stop


#: Quotation marks, opening or closing.
_QUOTES = frozenset('«»„“”"')
#: The marks that may end a source's name: its closing quotation mark or bracket.
_CLOSING = _QUOTES | {")"}
#: Closing quotation mark -> the marks that open it.
_OPENERS = {"»": "«", '"': '"', "“": "„", "”": "“„"}


def _partner(text: str, at: int, forward: bool, limit: int = 20_000) -> int | None:
    """Where the quotation mark at `at` is closed (`forward`) or opened: guillemets nest, and
    so do straight quotes (one after a space and before a letter opens: 'работа "Без
    названия" представляет'); curly quotes pair with the nearest that can. At most `limit`
    characters away, across sentences and paragraphs."""
    mark = text[at]
    if mark in '«»"':
        depth = 0
        # Only quotation marks open or close: step over them, not over every character.
        found = [
            m.start() for m in _GUILLEMET_OR_STRAIGHT.finditer(text, *_window(at, limit, forward))
        ]
        for i in found if forward else reversed(found):
            opens, closes = _opens(text, i), _closes(text, i)
            if (opens if forward else closes) and not (closes if forward else opens):
                depth += 1
            elif closes if forward else opens:
                if depth == 0:
                    return i
                depth -= 1
        return None
    if forward:
        marks = [c for c, openers in _OPENERS.items() if mark in openers and c not in '»"']
        found = [i for c in marks if (i := text.find(c, at + 1, at + limit)) >= 0]
        return min(found, default=None)
    found = [i for c in _OPENERS.get(mark, "") if (i := text.rfind(c, max(0, at - limit), at)) >= 0]
    return max(found, default=None)


_GUILLEMET_OR_STRAIGHT = re.compile('[«»"]')


def _window(at: int, limit: int, forward: bool) -> tuple[int, int]:
    return (at + 1, at + limit) if forward else (max(0, at - limit + 1), at)


def _opens(text: str, i: int) -> bool:
    """Whether text[i] opens a quotation: '«', or '"' after a space (or at the start) and before
    a word."""
    if text[i] == "«":
        return True
    return (
        text[i] == '"' and (i == 0 or not text[i - 1].isalnum()) and text[i + 1 : i + 2].isalnum()
    )


def _closes(text: str, i: int) -> bool:
    """Whether text[i] closes a quotation: '»', or '"' after a word or a mark and not before a
    word."""
    if text[i] == "»":
        return True
    return (
        text[i] == '"' and i > 0 and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum()
    )


def _words(text: str, start: int, stop: int) -> int:
    """Words with a letter in text[start:stop]."""
    return sum(1 for word in _LETTERS.findall(text, start, stop) if not word.isdigit())


def _is_question(text: str, start: int, stop: int) -> bool:
    return text[start:stop].rstrip().endswith("?")


def interviews(
    text: str, paragraphs: Sequence[tuple[int, int]], reported: Sequence[Speech] = ()
) -> Iterator[Speech]:
    """Interview answers, one Speech per paragraph: after a speaker label (the label is the
    cue and the source), or in a question-and-answer interview (two or more '- ' paragraphs
    that are questions) in the '- ' paragraph that answers a question (cue: the dash; the
    source is named in the lead). An answer goes on over the paragraphs that follow it until
    a question, another label, another '- ' paragraph or the journalist's narration of others'
    words (`_narration`: '«...», — отметил Лунёв', `reported` holds them)."""
    labels = [_label(text, start, stop) for start, stop in paragraphs]
    dashes = [_DASH_START.match(text, start, stop) for start, stop in paragraphs]
    questions = [
        bool(d) and _is_question(text, *p) for d, p in zip(dashes, paragraphs, strict=True)
    ]
    labelled = sum(1 for m in labels if m) >= 2
    dashed = sum(questions) >= 2
    current: tuple[int, int, int | None, int | None] | None = None  # cue and source spans
    asked = below_label = False
    for (start, stop), label, dash, question in zip(
        paragraphs, labels, dashes, questions, strict=True
    ):
        if labelled and label:
            current = (label.start(1), label.end(1), label.start(1), label.end(1))
            start = label.end()
        elif dashed and dash:
            current = (
                (dash.start(), dash.start() + 1, None, None) if asked and not question else None
            )
            asked = question
            start = dash.end()
        elif not below_label and (
            _is_question(text, start, stop) or _THANKS.search(text, start, stop)
        ):
            current = None
        elif current is not None and not below_label and _narration(text, start, stop, reported):
            current = None  # the journalist's text between answers: the answer has ended
        # a label on its own line: the paragraph below is its own, a question too
        below_label = bool(labelled and label) and start >= stop
        if current is None or not (label or dash or _prose(text, start, stop)):
            continue
        content = _trimmed(text, start, stop)
        if _words(text, *content) >= 2:  # not a bare handle or tag: '#Vesnina'
            yield Speech("interview", *content, *current)


#: Pronouns of the third person, in any case.
_THIRD_PERSON = frozenset({"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им"})
#: First-person words: an answer's; the journalist's narration between answers has none.
_FIRST_PERSON = frozenset(
    {"я", "мы", "меня", "мне", "мной", "нас", "нам", "нами", "мой", "моя", "моё", "мое", "мои"}
    | {"моего", "моей", "моих", "моим", "наш", "наша", "наше", "наши", "нашего", "нашей"}
    | {"наших", "нашим"}
)


#: The share of a paragraph's words outside the quotes it reports, at most, for it to be the
#: journalist's narration of them rather than an answer that quotes someone.
_NARRATED_REST = 0.4


def _narration(text: str, start: int, stop: int, reported: Sequence[Speech]) -> bool:
    """Whether a paragraph after an answer is the journalist's narration of others' words: most
    of it is quotes with their source, their cues in it ('«...», — отметил Лунёв', 'Ерохин
    отметил, что ...'; not one clause of a long answer: 'На самом деле, Александр Легков и
    Евгений Белов заявляют, что ...'; not by a pronoun: `_pronoun`), and outside those quotes
    no first-person word (an answer that quotes someone says 'я', 'мы' or 'наш' around it)."""
    own = [
        s
        for s in reported
        if start <= s.cue_start < stop
        and s.source_start is not None
        and start <= s.source_start
        and not _pronoun(text[s.source_start : s.source_stop])
    ]
    spans = [
        (min(s.start, s.cue_start, s.source_start), max(s.stop, s.cue_stop, s.source_stop))
        for s in own
    ]
    outside = [(start, stop)]
    for a, b in spans:
        outside = [
            part
            for lo, hi in outside
            for part in ((lo, max(lo, min(hi, a))), (min(hi, max(lo, b)), hi))
            if part[0] < part[1]
        ]
    rest = sum(_words(text, lo, hi) for lo, hi in outside)
    if not own or rest > _words(text, start, stop) * _NARRATED_REST:
        return False
    words = {w.lower() for lo, hi in outside for w in _LETTERS.findall(text, lo, hi)}
    return not words & _FIRST_PERSON


def _pronoun(source: str) -> bool:
    """Whether a source is only pronouns: 'мы' is the answerer, 'он' may be whom the answer
    speaks of ('Юрий Гагарин летал всего 108 минут, но он написал: «...»')."""
    words = [w.lower() for w in _LETTERS.findall(source)]
    return bool(words) and all(w in _FIRST_PERSON | _THIRD_PERSON for w in words)


#: A paragraph this short without a final mark is a heading or a caption ('Денис Мацуев',
#: 'Отставка неизбежна'), not the answer going on.
_CAPTION_WORDS = 5
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_ALPHA = re.compile(r"[^\W\d_]")


def _prose(text: str, start: int, stop: int) -> bool:
    """Whether a paragraph after an answer is Russian prose that may go on with it: not a
    heading or caption ('Также по теме', a photo credit), not a player's or page's code left
    in the text ('jwplayer.key=...')."""
    letters = len(_ALPHA.findall(text, start, stop))
    if not letters or len(_CYRILLIC.findall(text, start, stop)) < letters / 2:
        return False
    paragraph = text[start:stop].strip()
    return (
        _words(text, start, stop) >= _CAPTION_WORDS
        or paragraph[:1].islower()  # a sentence the source broke over two paragraphs
        or bool(re.search(r"[.!?…»\"]$", paragraph))
    )


def _label(text: str, start: int, stop: int) -> re.Match | None:
    """The speaker label that opens a paragraph ('Т. Лоренцсон: ...') or is the whole of it
    ('Томислав Николич:', 'Вадеева:' with the answer below), if it names a person. A surname
    alone counts only on a line of its own: before text it is mostly a headline's source
    ('Лавров: мы свои санкции с ЕС не снимем')."""
    found = _ANSWER_LABEL.match(text, start, stop)
    if found:
        return found if _looks_like_name(found.group(1)) else None
    found = _LABEL_LINE.match(text, start, stop)
    if found and (_looks_like_name(found.group(1)) or _surname(found.group(1))):
        return found
    return None


def _looks_like_name(label: str) -> bool:
    """A speaker label names a person: initials and a surname ('Т. Лоренцсон'), or two or
    three capitalised words each a name or a noun ('Тобиас Лоренцсон', not 'Внешняя политика')."""
    words = label.replace(".", ". ").split()
    if any(len(w) == 2 and w.endswith(".") for w in words):
        return True
    return len(words) >= 2 and all(_name_like(w) for w in words)


def _surname(word: str) -> bool:
    """A surname in the nominative ('Вадеева', 'Котов'; not 'Эксперт' or 'Цитата')."""
    return " " not in word and any(
        {"Surn", "nomn"} <= p.tag.grammemes for p in morph()(word.lower())
    )


def _name_like(word: str) -> bool:
    parse = _parse(word)
    return (
        parse is None
        or bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))
        or (parse.tag.POS == "NOUN" and "Geox" not in parse.tag)
    )


def reported(text: str, sentences: Sequence[tuple[int, int]]) -> list[Speech]:
    """Direct and indirect speech in each sentence (a quotation may run over the sentences
    and paragraphs before its cue)."""
    forms = _scanned_forms()
    unread: list[list[_Token]] = []  # sentences with a cue form where word order finds nothing
    sourceless: list[list[_Token]] = []  # sentences where it finds a cue but not its subject
    named: list[tuple[list[_Token], int, tuple[int, int]]] = []  # 'Такое заявление сделал X'
    said: list[Speech] = []
    previous = None
    joined = -1  # the last sentence read already with the cue line before it
    for n, (start, stop) in enumerate(sentences):
        if n <= joined:
            continue
        if cut := _that_after_break(text, sentences, n, forms, said):
            said += cut  # 'МИД России' | 'заявил' | ', что ...': the lines read as one
        elif not forms.isdisjoint(words_of(text[start:stop])):
            tokens = _tokens(text, start, stop)
            found = list(_in_sentence(text, tokens, start, stop))
            across = _across_break(text, sentences, n, forms, found)
            if across is not None:
                tokens, found, joined = across
                start, stop = tokens[0].start, sentences[joined][1]
            if not any(start <= s.cue_start < stop for s in found):
                found += _pointed(text, tokens, start, previous, said)
            said += found
            cued = any(start <= s.cue_start < stop for s in found)
            if not cued and _worth_parsing(tokens):
                unread.append(tokens)
            elif not cued and previous and (noun := _statement_noun(tokens)) is not None:
                named.append((tokens, noun, previous))
            elif any(_subject_missing(tokens, s) is not None for s in found):
                sourceless.append(tokens)
        previous = (start, stop)
    if not unread and not sourceless and not named:
        return said
    batch = unread + sourceless + [tokens for tokens, _noun, _previous in named]
    parses = parse_syntax([[t.text for t in tokens] for tokens in batch])
    named_at = len(unread) + len(sourceless)
    for tokens, heads in zip(sourceless, parses[len(unread) : named_at], strict=True):
        said = [_with_parsed_subject(tokens, heads, s) for s in said]
    for tokens, heads in zip(unread, parses, strict=False):
        said += _by_syntax(text, tokens, heads)
    for (tokens, noun, previous), heads in zip(named, parses[named_at:], strict=True):
        said += _named_statement(text, tokens, noun, heads, previous, said)
    return said


#: The end of a line cut inside a sentence: a closing quotation mark and its comma or dash
#: ('«...», —'), the cue on the next line.
_CUT_QUOTATION = re.compile(rf"[»\"“”]\s*(,\s*{_DASH}?|{_DASH})\s*$")
#: How many words from the end of its line a cue may stand when the source opens the next one
#: ('говорится в сообщении' | 'МИД').
_CUE_AT_END = 3


def _across_break(
    text: str,
    sentences: Sequence[tuple[int, int]],
    n: int,
    forms: frozenset[str],
    found: list[Speech],
) -> tuple[list[_Token], list[Speech], int] | None:
    """A sentence cut by a line break after its cue, the source opening the next line
    ('..., — говорится в сообщении' | 'МИД России ...', '..., пишет' | 'The Washington Post.'):
    the tokens and quotes of the two lines read as one sentence (from the closing quotation
    mark of the line before when the cue opens its own line: '«...», —' | 'заявил' | 'Кирби'),
    when that reads the source on the next line and the cue line had none of its own; with the
    index of the last line read."""
    start, stop = sentences[n]
    if n + 1 == len(sentences) or not _cut_after_cue(text, start, stop, forms):
        return None
    following = sentences[n + 1]
    if "\n" not in text[stop : following[0]] or not _opens_with_name(text, following[0]):
        return None
    if any(start <= s.cue_start < stop and s.source_start is not None for s in found):
        return None
    if not _POSSESSIVES.isdisjoint(words_of(text[start:stop])[-_CUE_AT_END:]):
        return None  # '— приводит его слова' | 'The Wall Street Journal': the outlet quoting
    head = _cut_quotation(text, sentences, n)
    last = _last_cut_line(text, sentences, n + 1)
    end = sentences[last][1]
    tokens = _tokens(text, head, end)
    joined = list(_in_sentence(text, tokens, head, end))
    if not any(_read_across(text, s, (start, stop), following[0]) for s in joined):
        return None
    return tokens, joined, last


#: A line that opens with the clause of what was said: its cue and subject were cut off on the
#: lines before it (a link's text taken out).
_THAT_OPENS = re.compile(r",\s*что\b")


def _that_after_break(
    text: str,
    sentences: Sequence[tuple[int, int]],
    n: int,
    forms: frozenset[str],
    said: Sequence[Speech],
) -> list[Speech]:
    """The quotes of a sentence cut by line breaks before its ', что' ('Ранее президент
    Украины Пётр Порошенко' | 'заявил' | ', что ...'): the lines before that do not end their
    sentence (at most _CUT_LINES) read with it as one sentence, when a cue stands on them and
    no quote was found there; the quotes whose cue is on those lines."""
    start, stop = sentences[n]
    if n == 0 or not _THAT_OPENS.match(text, start):
        return []
    head = n
    while head > 0 and n - head < _CUT_LINES and _cut_line_before(text, sentences, head):
        head -= 1
    first = sentences[head][0]
    if head == n or forms.isdisjoint(words_of(text[first:start])):
        return []
    if any(first <= s.cue_start < start for s in said):
        return []
    tokens = _tokens(text, first, stop)
    return [s for s in _in_sentence(text, tokens, first, stop) if s.cue_start < start <= s.start]


def _cut_line_before(text: str, sentences: Sequence[tuple[int, int]], n: int) -> bool:
    """Whether the sentence before sentences[n] ends its line without closing its sentence."""
    before = text[sentences[n - 1][0] : sentences[n - 1][1]].rstrip()
    between = text[sentences[n - 1][1] : sentences[n][0]]
    return bool(before) and before[-1] not in '.!?…:;»"' and "\n" in between


def _cut_quotation(text: str, sentences: Sequence[tuple[int, int]], n: int) -> int:
    """Where the cue line's reading starts: at the closing mark of a quotation that ends the
    line before ('«...», —' | 'заявил' | 'Кирби'), else at the line itself."""
    start = sentences[n][0]
    if n == 0 or "\n" not in text[sentences[n - 1][1] : start]:
        return start
    cut = _CUT_QUOTATION.search(text, sentences[n - 1][0], sentences[n - 1][1])
    return cut.start() if cut else start


#: How many lines after the source's a sentence cut by line breaks may run on.
_CUT_LINES = 2


def _last_cut_line(text: str, sentences: Sequence[tuple[int, int]], n: int) -> int:
    """The last sentence of a line that goes on over the next lines: each of them ends without
    closing its sentence and the next opens in lower case ('цитирует' | 'Nasdaq' | 'главного
    исполнительного директора ...')."""
    last = n
    while last + 1 < len(sentences) and last - n < _CUT_LINES:
        line, (after, _stop) = (
            text[sentences[last][0] : sentences[last][1]].rstrip(),
            sentences[last + 1],
        )
        if not line or line[-1] in ".!?…" or not text[after : after + 1].islower():
            break
        last += 1
    return last


#: The fewest words of a quotation read across a line break: fewer are a name or a word in
#: quotation marks inside it ('«Град», —' | 'цитирует'), its own opening mark lost.
_ACROSS_WORDS = 3


def _read_across(text: str, quote: Speech, line: tuple[int, int], following: int) -> bool:
    """Whether a quote has its cue on the cut line and its source on the next one."""
    return (
        line[0] <= quote.cue_start < line[1]
        and (quote.source_start or -1) >= following
        and _words(text, quote.start, quote.stop) >= _ACROSS_WORDS
    )


def _cut_after_cue(text: str, start: int, stop: int, forms: frozenset[str]) -> bool:
    """Whether a line ends without closing its sentence, a cue among its last words."""
    line = text[start:stop].rstrip()
    if not line or line[-1] in '.!?…:;»"':
        return False
    return not forms.isdisjoint(words_of(line)[-_CUE_AT_END:])


#: The grammemes of a word that may open a source's name: a person's, an organisation's, an
#: abbreviation ('МИД').
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Orgn", "Abbr"})


def _opens_with_name(text: str, at: int) -> bool:
    """Whether the line at `at` opens with a name: a capitalised Latin word ('The Nation',
    'CNN'), a Cyrillic one the dictionary reads as a name or does not know ('Кирби'), or an
    abbreviation ('ТАСС')."""
    match = _WORD.match(text, at)
    word = match.group() if match else ""
    if not word[:1].isupper():
        return False
    parse = _parse(word)
    if word[:1].isascii() or parse is None or (len(word) > 1 and word.isupper()):
        return True
    return not _NAME_GRAMMEMES.isdisjoint(parse.tag.grammemes)


def _subject_missing(tokens: list[_Token], quote: Speech) -> int | None:
    """The index of the quote's cue in `tokens` when it is a finite, personal cue verb whose
    subject word order did not find ('X, член партии «...», заявила:', 'Другой политик —
    депутат X — заявил:'); else None. Only sentences short enough to parse."""
    if quote.source_start is not None or len(tokens) > SYNTAX_TOKENS:
        return None
    cue = next((i for i, t in enumerate(tokens) if t.start == quote.cue_start), None)
    if cue is None or _pos(tokens[cue]) != "VERB" or _is_impersonal(tokens[cue]):
        return None
    return cue


def _with_parsed_subject(
    tokens: list[_Token], heads: list[tuple[int, str]], quote: Speech
) -> Speech:
    """The quote with the source that the parse gives its cue verb (its nsubj and the words
    under it, up to a clause inside them), when word order found none: before the cue, or
    after it when the quotation stands before the cue ('», — отметил, в свою очередь, X')."""
    cue = _subject_missing(tokens, quote)
    if cue is None:
        return quote
    children = _children(heads)
    subject = next((i for i, rel in children.get(cue, []) if rel == "nsubj"), None)
    if subject is None or not _named_subject(tokens[subject]):
        return quote
    if subject > cue and quote.stop > tokens[cue].start:
        return quote  # the subject follows the cue only after a quotation: '», — сказал X'
    first, last = _subtree(children, subject)
    end = cue if subject < cue else len(tokens)
    last = min(last, next((k for k in range(subject, end) if _opens_clause(tokens, k)), end) - 1)
    if subject > cue:  # after the cue, not an aside that follows it: '— сказал, в частности, X'
        aside = tokens[cue + 1].text == ","
        ends = next((k for k in range(cue + 2, subject) if tokens[k].text == ","), None)
        first = max(first, ends + 1 if aside and ends is not None else cue + 1)
    opened = next((k for k in range(subject, last + 1) if tokens[k].text == "("), None)
    if opened is not None and not any(t.text == ")" for t in tokens[opened : last + 1]):
        last = opened - 1  # 'Мамонт Дальский (Дмитрий Дюжев) убеждает': not half the brackets
    while last > subject and not (tokens[last].is_word or tokens[last].text in _CLOSING):
        last -= 1  # the comma before the verb, not a name's closing quotation mark or bracket
    if first > subject or last < subject or first <= cue <= last:
        return quote
    if subject > cue and medium_of(" ".join(t.text for t in tokens[first : last + 1])):
        return quote  # an outlet that cites: '— цитирует «Р-Спорт» X'
    return replace(quote, source_start=tokens[first].start, source_stop=tokens[last].stop)


def _named_subject(token: _Token) -> bool:
    """A subject that can be a source: a nominative noun phrase's head or a capitalised name
    (the dictionary reads some foreign names in other cases: 'Марион'), not 'который' nor a
    pronoun ('Что обычно пишут', 'Все твердят')."""
    parse = _parse(token.text)
    pronoun = parse is not None and (
        parse.tag.POS in ("NPRO", "CONJ", "PRCL") or "Apro" in parse.tag or "Ques" in parse.tag
    )
    return (
        _nominal(token)
        and (token.text[:1].isupper() or _nominative(token))
        and not pronoun
        and _lemma(token.text) != "который"
    )


def _opens_clause(tokens: list[_Token], k: int) -> bool:
    """A comma that opens a relative clause or a participial or gerund phrase inside a
    subject's subtree ('Екатерина, которая ...,'): the source ends before it."""
    if tokens[k].text != "," or k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    return _lemma(after.text) in ("который", "чей") or _pos(after) in ("PRTF", "GRND", "VERB")


def _children(heads: list[tuple[int, str]]) -> dict[int, list[tuple[int, str]]]:
    children: dict[int, list[tuple[int, str]]] = {}
    for i, (head, rel) in enumerate(heads):
        children.setdefault(head, []).append((i, rel))
    return children


#: The locative pronouns that point at what was said before: 'об этом', 'о том', 'о чём'.
_POINTERS = frozenset({"этом", "том", "чем", "чём"})


def _pointer(tokens: list[_Token], i: int) -> bool:
    """'об этом', not 'об этом ролике' (a demonstrative before its noun) nor 'о том, что ...'."""
    if not (
        0 <= i < len(tokens) - 1
        and tokens[i].text.lower() in ("о", "об", "обо")
        and tokens[i + 1].text.lower() in _POINTERS
    ):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if after is not None and after.text == "," and tokens[i + 1].text.lower() == "том":
        return False  # 'рассказал о том, чего стоит ждать': the clause after is what was said
    return after is None or not (
        after.text[:1].islower() and _pos(after) in ("NOUN", "ADJF") and _case(after) == "loct"
    )


def _pointer_at(tokens: list[_Token], cue: int) -> int | None:
    """Where the pointer of a cue starts: right after it ('сообщил об этом'), or before it in
    its clause, at the sentence's start after adverbs and conjunctions ('Ранее об этом во
    вторник заявил') or after a comma ('..., о чём заявил')."""
    if _pointer(tokens, cue + 1):
        return cue + 1
    for j in range(cue - 2, max(-1, cue - 12), -1):
        if _pointer(tokens, j):
            opening = all(t.is_word and _pos(t) in ("ADVB", "CONJ", "PRCL") for t in tokens[:j])
            return j if opening or tokens[j - 1].text == "," else None
        if _pos(tokens[j]) in ("VERB", "GRND", "INFN"):
            return None
    return None


def _pointed(
    text: str,
    tokens: list[_Token],
    start: int,
    previous: tuple[int, int] | None,
    said: list[Speech],
) -> list[Speech]:
    """'Об этом заявил X.', 'X сообщил об этом журналистам', '..., о чём заявил X': a cue whose
    object points at what was said before it. The content is the sentence before (no quote
    found in it), or, for 'о чём' after a comma, the clause before the comma."""
    if not any(t.text.lower() in _POINTERS for t in tokens):
        return []
    if _is_question(text, start, tokens[-1].stop):
        return []  # 'Что вы думаете об этом?'
    for cue, token in enumerate(tokens):
        if _pos(token) != "VERB" or not _is_cue_verb(token):
            continue
        at = _pointer_at(tokens, cue)
        if at is None or tokens[cue - 1].text.lower() == "не":
            continue
        if at < cue and tokens[at - 1].text == ",":
            if tokens[at + 1].text.lower() not in ("чем", "чём"):
                continue
            content = _trimmed(text, start, tokens[at - 1].start)
        elif previous is None or any(s.start < previous[1] and previous[0] < s.stop for s in said):
            continue
        else:
            content = _trimmed(text, *previous)
        if _words(text, *content) < 3 or _is_question(text, content[0], content[1] + 1):
            continue
        source = _with_apposition(tokens, _source_following(tokens, cue)) if at < cue else None
        if source and not (_is_impersonal(token) or _head_case(tokens[source[0]])):
            source = None  # not a subject: 'сообщил об этом в своём Twitter'
        source = source or _subject(tokens, cue, cue)
        if source is None and not _is_impersonal(token):
            continue
        source_span = _span(tokens, *source) if source else (None, None)
        return [Speech("indirect", *content, token.start, token.stop, *source_span)]
    return []


#: The determiners that point a noun back at what was said before ('Такое заявление', 'Это
#: мнение', 'Данное сообщение'); not 'подобный', 'аналогичный' (a like statement, another's).
_DEMONSTRATIVES = frozenset({"такой", "этот", "данный"})


def _statement_noun(tokens: list[_Token]) -> int | None:
    """Where a noun of statement stands that opens the sentence after a demonstrative, past
    adverbs and conjunctions ('Такое заявление сделал X', 'Ранее это мнение высказал X'): the
    sentence says who made the statement of the sentence before. Only sentences short enough
    to parse."""
    if len(tokens) > SYNTAX_TOKENS:
        return None
    i = 0
    while i < len(tokens) - 1 and tokens[i].is_word and _pos(tokens[i]) in ("ADVB", "CONJ"):
        i += 1
    readings = {p.normal_form for p in morph()(tokens[i].text.lower())}
    if i + 1 >= len(tokens) or readings.isdisjoint(_DEMONSTRATIVES):
        return None  # any reading: 'это' is first a particle
    noun = tokens[i + 1]
    return i + 1 if _lemma(noun.text) in cue_nouns() and _can_be(noun, "accs") else None


def _named_statement(
    text: str,
    tokens: list[_Token],
    noun: int,
    heads: list[tuple[int, str]],
    previous: tuple[int, int],
    said: list[Speech],
) -> list[Speech]:
    """'Такое заявление сделал X', 'Такое мнение в беседе с RT высказал X': the parse makes the
    noun of statement the object (obj) of a verb, not negated, whose subject (nsubj) is the
    source (`noun`: where `_statement_noun` found the noun); the content is the sentence
    before, when no quote was found in it. The cue is the verb, with the noun when it stands
    right before a verb that is no cue ('заявление сделали'; 'Такое заявление глава
    правительства сделала' keeps the verb)."""
    verb, relation = heads[noun]
    if relation != "obj" or verb <= noun or _pos(tokens[verb]) != "VERB":
        return []
    if tokens[verb - 1].text.lower() == "не" or _is_question(
        text, tokens[0].start, tokens[-1].stop
    ):
        return []
    children = _children(heads)
    subject = next((i for i, rel in children.get(verb, []) if rel == "nsubj"), None)
    if subject is None or not (_nominal(tokens[subject]) and _nominative(tokens[subject])):
        return []
    first, last = _subtree(children, subject)
    while first < subject and not tokens[first].is_word:
        first += 1  # the comma of an adverbial before it: 'сделал в четверг, 31 августа, X'
    cut = (k for k in range(subject + 1, last + 1) if tokens[k].text == "," or _aside(tokens, k))
    last = next(cut, last + 1) - 1  # not its aside: 'X в ходе прошедшего в Киеве форума'
    if first <= verb <= last or _lemma(tokens[subject].text) == "который":
        return []
    content = _trimmed(text, *previous)
    if any(s.start < previous[1] and previous[0] < s.stop for s in said):
        return []
    if _words(text, *content) < 3 or _is_question(text, content[0], content[1] + 1):
        return []
    cue = noun if verb == noun + 1 and not _is_cue_verb(tokens[verb]) else verb
    return [
        Speech(
            "indirect", *content, tokens[cue].start, tokens[verb].stop, *_span(tokens, first, last)
        )
    ]


def _worth_parsing(tokens: list[_Token]) -> bool:
    """Whether a sentence may hold speech that only its parse can read: at most SYNTAX_TOKENS
    long, with a finite cue verb that a clause mark follows (', что' or ':')."""
    if len(tokens) > SYNTAX_TOKENS:
        return False
    cues = [i for i, t in enumerate(tokens) if _is_cue_verb(t) and _pos(t) == "VERB"]
    return bool(cues) and any(
        tokens[k].text == ":" or (tokens[k].text == "," and tokens[k + 1].text.lower() == "что")
        for k in range(cues[0] + 1, len(tokens) - 1)
    )


def _by_syntax(text: str, tokens: list[_Token], heads: list[tuple[int, str]]) -> Iterator[Speech]:
    """Reported speech that word-order rules cannot reach, by natasha's syntax parse: a cue
    verb (not negated nor supposed) with a subject (nsubj: the source) and a clause after it
    (ccomp or parataxis: the content), 'Государь улыбнулся и сказал: «...»'."""
    children = _children(heads)
    for cue, token in enumerate(tokens):
        if _pos(token) != "VERB" or not _is_cue_verb(token):
            continue
        if cue > 0 and tokens[cue - 1].text.lower() == "не" or _supposed(tokens, cue):
            continue
        below = children.get(cue, [])
        subject = next((i for i, rel in below if rel == "nsubj"), None)
        clause = next((i for i, rel in below if rel in ("ccomp", "parataxis") and i > cue), None)
        if subject is None or clause is None or _lemma(tokens[subject].text) == "который":
            continue
        source = _subtree(children, subject)
        content = _subtree(children, clause)
        if source[1] >= cue or content[0] <= cue:
            continue
        if not (_nominal(tokens[subject]) and _nominative(tokens[subject])):
            continue  # 'нас уверяли': not a subject
        mark = next(
            (k for k in range(cue + 1, clause + 1) if tokens[k].text.lower() in (":", "что")),
            None,
        )
        if mark is None:
            continue  # no clause of what was said after the cue
        first = mark + 1  # from the clause mark, whatever the parse attached elsewhere
        while first < len(tokens) - 1 and not tokens[first].is_word:
            first += 1
        if _interrogative(tokens[first]):
            continue  # 'объяснил, почему ...': what about, not what was said
        comma = next((k for k in range(subject, source[1] + 1) if tokens[k].text == ","), None)
        if comma is not None and comma > source[0]:
            source = (source[0], comma - 1)  # not its relative clause: 'Екатерина, которая ...,'

        span = _trimmed(text, tokens[first].start, tokens[-1].stop)  # to the sentence's end
        span = (span[0], _quotation_ends(text, *span))
        span = (span[0], span[1] - (text[span[1] - 1 : span[1]] in _QUOTES))
        if _words(text, *span) >= 3 and not _is_question(text, *span):
            yield Speech("indirect", *span, token.start, token.stop, *_span(tokens, *source))


def _interrogative(token: _Token) -> bool:
    """A question word ('почему', 'зачем') that opens an indirect question."""
    parse = _parse(token.text)
    return parse is not None and "Ques" in parse.tag


def _subtree(children: dict[int, list[tuple[int, str]]], top: int) -> tuple[int, int]:
    """The first and last token of the subtree under `top` (a parse may have a cycle)."""
    seen = {top}
    stack = [top]
    while stack:
        for i, _rel in children.get(stack.pop(), []):
            if i not in seen:
                seen.add(i)
                stack.append(i)
    return min(seen), max(seen)


def words_of(text: str) -> list[str]:
    """The words of `text` as `cue_forms` writes them: lower case, е for ё."""
    return _LETTERS.findall(key(text))


def _in_sentence(text: str, tokens: list[_Token], start: int, stop: int) -> Iterator[Speech]:
    for i, token in enumerate(tokens):
        if token.text in _OPENERS and i + 1 < len(tokens):
            found = _quote_then_cue(text, tokens, i) or _titled_quote(text, tokens, i)
            if found:
                yield found
        elif _is_cue_verb(token) or _is_stance(tokens, i):
            found = list(_cue_then_content(text, tokens, i, stop))
            if not found or (found[0].source_start or 0) > token.start:
                found += _inverted(text, tokens, i, start)  # '..., считает X: «...»' too
            yield from found
        elif token.text.lower() == "по" and (noun := _cue_noun(tokens, i)):
            found = _according_to(text, tokens, i, noun, start, stop)
            if found:
                yield found
        elif found := _statement_that(text, tokens, i, stop):
            yield found


def _quote_then_cue(text: str, tokens: list[_Token], close: int) -> Speech | None:
    """'«...», - заявил X', '«...», заявил X', '«...» - с поклоном сказал X' (the quotation
    may open sentences or paragraphs before); without a dash, only with a source after the
    cue."""
    j = close + 1
    comma = j < len(tokens) and tokens[j].text == ","
    j += comma
    dash = j < len(tokens) and bool(re.fullmatch(_DASH, tokens[j].text))
    if not (dash or comma):
        return None
    j += dash
    while j < len(tokens) and _pos(tokens[j]) in ("ADVB", "PRCL"):
        j += 1
    if dash and j + 2 < len(tokens) and _pos(tokens[j]) == "PREP":
        j += 2  # 'с поклоном сказал'
    if j >= len(tokens):
        return None
    cue_stop, source = tokens[j].stop, None
    if _is_cue_verb(tokens[j]):
        source = _with_apposition(tokens, _source_following(tokens, j))
    elif dash and (words := _quoted_words(tokens, j)):  # '— приводит ТАСС слова X'
        cue_stop, source = tokens[words].stop, _source_after(tokens, words + 1, genitive=True)
    elif dash and _lemma(tokens[j].text) in _QUOTING:  # '— цитирует ТАСС представителя X'
        source = _quoted_speaker(tokens, _past_quoting_outlet(tokens, j + 1))
    else:
        return None
    opening = _partner(text, tokens[close].start, forward=False)
    if opening is None or (source is None and not dash):
        return None
    content = _inner(text, opening + 1, tokens[close].start)
    return Speech(
        "direct",
        *content,
        tokens[j].start,
        cue_stop,
        *(_span(tokens, *source) if source else (None, None)),
    )


#: Words that make the clause after a headline's colon a question about what was said ('что
#: говорили после победы', 'о чём говорит проект', 'почему Трамп заявил'), not its report.
_ASKING = frozenset({"что", "чем", "чём", "почему", "как", "зачем", "кто", "какой", "какие"})


def _titled_quote(text: str, tokens: list[_Token], close: int) -> Speech | None:
    """A headline's quotation and its report after a colon: '«Детский лепет»: в России
    ответили на заявления ...', '«С дороги не свернём»: КНДР заявила о ...'. The quotation
    opens the sentence and is a phrase, not a name ('«Спартак»: клуб сообщил' is not
    speech); the colon is followed, within six words, by a finite cue verb with its subject
    and no clause of its own (', что' or ':' after it is `_cue_then_content`'s)."""
    if not (close + 2 < len(tokens) and tokens[close + 1].text == ":"):
        return None
    opening = _partner(text, tokens[close].start, forward=False)
    if opening is None or opening != tokens[0].start:
        return None
    quoted = [t for t in tokens[1:close] if t.is_word]
    if len(quoted) < 2 or not any(t.text[:1].islower() for t in quoted[1:]):
        return None
    for j in range(close + 2, min(close + 8, len(tokens))):
        word = tokens[j]
        if not word.is_word or word.text.lower() in _ASKING:
            return None
        if _is_cue_verb(word) and _pos(word) == "VERB":
            break
    else:
        return None
    if tokens[j - 1].text.lower() == "не" or any(
        t.text in (":", "что") for t in tokens[j + 1 : j + 3]
    ):
        return None
    source = _subject(tokens, j, j + 1)
    if source is None or source[0] <= close:
        return None
    content = _inner(text, opening + 1, tokens[close].start)
    return Speech("direct", *content, word.start, word.stop, *_span(tokens, *source))


#: Verbs of quoting whose object, not their subject, said the quotation: '— цитирует The
#: Jerusalem Post представителя палестинских властей'.
_QUOTING = frozenset({"цитировать", "процитировать"})


@cache
def _scanned_forms() -> frozenset[str]:
    """The words that make a sentence worth reading word by word: the cue forms and every form
    of the verbs of quoting."""
    quoting = {
        key(form.word)
        for lemma in _QUOTING
        for parse in morph()(lemma)
        if parse.normal_form == lemma
        for form in parse.lexeme
    }
    return cue_forms() | quoting


#: The nouns that open an outlet's name ('агентство SANA', 'издание The Hill').
_MEDIA_WORDS = STRONG_WORDS | WEAK_WORDS


def _past_quoting_outlet(tokens: list[_Token], i: int) -> int:
    """Where the quoted speaker starts after a verb of quoting, past the outlet that quotes
    them when it comes first: a Latin-script name ('The Jerusalem Post'), capitalised words
    before a lower-case word ('РИА Новости| заявление') or a noun before another word
    ('издание| директора ...'). The speaker may come first: 'цитирует Хиршу Delfi.lv'."""
    if i >= len(tokens):
        return i
    if outlet := _medium_at(tokens, i):
        return outlet
    j = i
    while j < len(tokens) and tokens[j].is_word and tokens[j].text[:1].isupper():
        j += 1
    if j > i:
        if j == len(tokens) or not tokens[j].is_word:
            return i
        outlet = all(t.text.isascii() for t in tokens[i:j]) or (
            tokens[j].text[:1].islower() and not _before_media_word(tokens, j)
        )  # the outlet after the speaker: 'цитирует Асада агентство SANA'
        return j if outlet else i
    if _pos(tokens[i]) == "NOUN" and _can_be(tokens[i], "nomn") and i + 1 < len(tokens):
        return i + 1 if tokens[i + 1].is_word else i
    return i


def _medium_at(tokens: list[_Token], i: int) -> int | None:
    """Where the name of a medium that media.tsv lists ('РИА Новости', 'ТАСС', '«Р-Спорт»',
    'агентство «Анадолу»') ends when one starts at `i`: the index after it; else None."""
    for j in range(min(len(tokens), i + 5), i, -1):
        if tokens[j - 1].is_word or tokens[j - 1].text in _QUOTES:
            name = " ".join(t.text for t in tokens[i:j])
            if tokens[i].is_word and medium_of(name):
                return j
    return None


def _quoted_speaker(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """The (first, last) token of whom a verb of quoting quotes, from `i`: an accusative noun
    phrase ('представителя палестинских властей', 'заявление'), its words after the first noun
    genitives or names, up to a quotation mark or a medium's name that ends the clause
    ('Конашенкова| РИА Новости', 'Зозулю| «PRO-Спорт-Украина»', 'главу турецкого МИД|
    Reuters'; 'директора Службы внешних связей RT Анну Белкину' goes on)."""
    j, noun = i, False
    while j < len(tokens) and tokens[j].is_word:
        word = tokens[j]
        outlet = _medium_at(tokens, j) if j > i else None
        if outlet and (outlet == len(tokens) or not tokens[outlet].is_word):
            break
        if j > i and _is_person_name(tokens[j - 1]) and word.text.isascii():
            break  # 'Тебаса| AS'
        if noun and (_pos(word) == "PREP" or not _speaker_word(word)):
            break  # 'лидера| агентство «Рёнхап»', 'источник| в руководстве'
        if noun and _pos(word) == "ADJF" and _before_media_word(tokens, j + 1):
            break  # 'Нёйса| Олимпийский канал'
        noun = noun or _pos(word) == "NOUN" or _parse(word.text) is None
        j += 1
    return (i, j - 1) if j > i else None


def _before_media_word(tokens: list[_Token], i: int) -> bool:
    """Whether the word at `i` opens an outlet's name ('канал', 'агентство')."""
    return i < len(tokens) and _lemma(tokens[i].text) in _MEDIA_WORDS


def _speaker_word(word: _Token) -> bool:
    """A word that can go on a quoted speaker's phrase after its first noun: a genitive, an
    unknown word or a name in the accusative ('директора ... Анну Белкину')."""
    if _parse(word.text) is None or _can_be(word, "gent"):
        return True
    return word.text[:1].isupper() and _can_be(word, "accs")


def _quoted_words(tokens: list[_Token], verb: int) -> int | None:
    """'приводит [издание] слова X', 'цитирует слова X': a verb, then within two words a cue
    noun in the accusative whose genitive after it names who said the quotation; the noun."""
    if _pos(tokens[verb]) != "VERB":
        return None
    for k in range(verb + 1, min(verb + 4, len(tokens) - 1)):
        if not tokens[k].is_word:
            return None
        if _lemma(tokens[k].text) in cue_nouns() and _can_be(tokens[k], "accs"):
            return (
                k if _can_be(tokens[k + 1], "gent") or _parse(tokens[k + 1].text) is None else None
            )
    return None


def _cue_then_content(text: str, tokens: list[_Token], cue: int, stop: int) -> Iterator[Speech]:
    """'X заявил, что ...', 'X заявил: «...»', 'X заявил: ...', 'как отмечает X, ...'; a
    negated cue ('не считают, что') or a supposed one ('Если она считает, что') reports
    nothing."""
    if cue > 0 and tokens[cue - 1].text.lower() == "не" or _supposed(tokens, cue):
        return
    said = tokens[cue]
    if _is_as(tokens, cue):  # 'как отмечает X, ...'
        source = _source_following(tokens, cue)
        end = source[1] + 1 if source else len(tokens)
        if end < len(tokens) and _aside(tokens, end):  # 'как отмечает издание со ссылкой на X,'
            end = next((k for k in range(end, len(tokens)) if not tokens[k].is_word), end)
        if source and end < len(tokens) and tokens[end].text == ",":
            content = _trimmed(text, tokens[end].stop, stop)
            content = (content[0], _quotation_ends(text, *content))
            if content[1] > content[0]:
                yield Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))
        elif source and _ends_sentence(tokens, end) and cue > 2 and tokens[cue - 2].text == ",":
            content = _trimmed(
                text, tokens[0].start, tokens[cue - 2].start
            )  # '..., как сообщает X.'
            if _words(text, *content) >= 4 and not _is_question(text, *content):
                yield Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))
        return
    after = cue + 1
    while (
        after < len(tokens)
        and (tokens[after].is_word or tokens[after].text in _OPENERS)
        and tokens[after].text.lower() != "что"
    ):
        after += 1  # 'заявил вечером в среду, что', 'заявил "РИА Новости", что'
        if after - cue > 6:
            return
    if after + 1 >= len(tokens):
        return
    mark, follows = tokens[after], tokens[after + 1]
    source = _subject(tokens, cue, after)
    inverted = _inverted_position(tokens, cue) and mark.text == ":" and _pos(said) == "VERB"
    behind = _source_after(tokens, cue + 1) if inverted else None
    if behind and behind[1] + 1 == after and _head_case(tokens[behind[0]]):
        source = behind  # '..., считает военный юрист X: «...»'
    source_span = _span(tokens, *source) if source else (None, None)
    if mark.text == ":" and follows.text in '«„“"':
        yield from _quoted(text, follows.start, said, source_span)
        return
    if mark.text == ":":
        content = _trimmed(text, follows.start, stop)
    elif mark.text == "," and follows.text.lower() == "что":
        content = _trimmed(text, follows.stop, stop)
    else:
        return
    if source is None and not _is_impersonal(said):
        return  # no one named: 'Думаю, что ...' is a hedge, not a quote
    content = (content[0], min(_quotation_ends(text, *content), _next_cue(tokens, cue, content)))
    colon = text.find(": «", content[0], content[1])
    if colon >= 0:  # '..., что ...: «...»' - the quotation that follows is said too
        yield from _quoted(text, colon + 2, said, source_span)
        content = _trimmed(text, content[0], colon)
    if content[1] > content[0] and not _is_question(text, *content):
        yield Speech("indirect", *content, said.start, said.stop, *source_span)


#: Conjunctions of a condition: a cue in the clause they open is supposed, not reported.
_CONDITIONS = frozenset({"если", "ежели"})


def _supposed(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue stands in a clause of condition, with words only between 'если' and it
    ('если эксперты считают, что ...', 'Если Вашингтон заявит, что ...')."""
    k = cue - 1
    while k >= 0 and tokens[k].is_word:
        if tokens[k].text.lower() in _CONDITIONS:
            return True
        k -= 1
    return False


def _subject(tokens: list[_Token], cue: int, mark: int) -> tuple[int, int] | None:
    """Who says what the cue at `cue` introduces (its clause mark at `mark`): the subject
    before it; for an impersonal cue the document or place beside it ('в заявлении
    говорится', 'говорится в сообщении X'), or nobody ('Сообщается, что'); for a plural cue
    without a subject, the institution ('в Кремле заявили'); for a gerund, the subject of the
    verb it depends on ('X опубликовал пост, отметив, что ...')."""
    said = tokens[cue]
    if _pos(said) == "GRND":
        return _gerund_subject(tokens, cue)
    found = _source_before(tokens, cue)
    impersonal = _is_impersonal(said)
    if impersonal or _is_plural_cue(said):
        place = _place_before(tokens, cue, named=not impersonal) or _adjacent_place(tokens, cue)
        if place and (found is None or place[0] <= found[0] <= place[1]):
            return place  # 'в заявлении МИД говорится': not 'МИД'
        if found is None and mark > cue + 1:
            return _place_after(tokens, _skip_addressee(tokens, cue + 1), named=False)
    if found is None and _coordinate(tokens, cue):
        found = _gerund_subject(tokens, cue)
    return found


def _with_apposition(
    tokens: list[_Token], source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The source with the apposition after it that ends the sentence ('Влодзимеж Марчиняк,
    посол Польши в Москве'): a comma, then a lower-case nominative noun phrase to the end."""
    if source is None or source[1] + 2 >= len(tokens) or tokens[source[1] + 1].text != ",":
        return source
    first = source[1] + 2
    head = tokens[first]
    if not (head.is_word and head.text[:1].islower() and _head_case(head) and _nominal(head)):
        return source
    last = first
    while last + 1 < len(tokens) and tokens[last + 1].is_word:
        if _pos(tokens[last + 1]) in ("VERB", "GRND", "INFN", "PRTF", "CONJ"):
            return source
        last += 1
    ends = last + 1 == len(tokens) or tokens[last + 1].text in (".", "!", "?", "…")
    return (source[0], last) if ends else source


def _gerund_subject(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """The subject of the nearest finite verb before a gerund cue, or before a cue that is a
    verb's coordinate ('X улыбнулся и сказал', 'X заявил, что ..., хотя и признал'), that has
    one."""
    for i in range(cue - 1, 0, -1):
        if _pos(tokens[i]) == "VERB" and not _is_impersonal(tokens[i]):
            if _inverted_position(tokens, i):  # '«...», — сказал он в интервью, подчеркнув'
                found = _subject_after(tokens, i, cue)
            else:
                found = _source_before(tokens, i) or _subject_after(tokens, i, cue)
            if found:
                return found
    return None


def _subject_after(tokens: list[_Token], verb: int, cue: int) -> tuple[int, int] | None:
    """The subject that follows its verb and ends at the comma before the cue ('Об этом заявил
    и мэр Лондона Садик Хан, отметив')."""
    i = verb + 1
    if i < len(tokens) and tokens[i].text.lower() == "и":
        i += 1
    found = _source_after(tokens, i)
    if found is None:
        return None
    comma = found[1] + 1
    if _pos(tokens[comma]) == "PREP":  # 'сказал он| в интервью газете «Ведомости», отметив'
        while comma < cue and (tokens[comma].is_word or tokens[comma].text in _QUOTES):
            comma += 1
    if tokens[comma].text == "," and comma + 1 == cue:
        return found if _head_case(tokens[found[0]]) else None
    return None


def _next_cue(tokens: list[_Token], cue: int, content: tuple[int, int]) -> int:
    """Where a clause after the cue ends before a coordinated cue of the same subject ('заявил,
    что ..., хотя и признал, что ...'): at the comma before it, else the clause's end."""
    for k in range(cue + 2, len(tokens)):
        if tokens[k].start >= content[1]:
            break
        if _is_cue_verb(tokens[k]) and _coordinate(tokens, k):
            comma = k - 1
            while comma > cue and tokens[comma].text != ",":
                comma -= 1
            if comma > cue and tokens[comma].start > content[0]:
                return tokens[comma].start
    return content[1]


def _coordinate(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue follows a coordinating conjunction ('и сказал', 'хотя и признал') with
    only particles between: it shares the subject of the verb before."""
    i = cue - 1
    while i >= 0 and tokens[i].is_word and _pos(tokens[i]) == "PRCL":
        i -= 1
    return i > 0 and tokens[i].is_word and _pos(tokens[i]) == "CONJ"


def _source_following(tokens: list[_Token], cue: int) -> tuple[int, int] | None:
    """The source after a cue ('как отмечает издание', '— говорится в заявлении X', 'как
    заявили «Деньгам» в министерстве'): the document or institution of an impersonal or plural
    cue, else the words `_source_after` gives."""
    said, i = tokens[cue], _skip_addressee(tokens, cue + 1)
    if _is_impersonal(said):
        return _place_after(tokens, i, named=False)
    if _is_plural_cue(said) and (place := _place_after(tokens, i, named=False)):
        return place
    i = cue + 1
    while i < len(tokens) and tokens[i].is_word and _object(tokens[i]):
        i += 1  # 'прокомментировал ситуацию Мартынов', 'объясняет свою позицию Маккол'
    return _source_after(tokens, i)


def _skip_addressee(tokens: list[_Token], i: int) -> int:
    """Past adverbs, a dative addressee and a quoted outlet after a cue ('заявили «Деньгам»')."""
    while i < len(tokens):
        if tokens[i].text in _QUOTES and i + 2 < len(tokens) and tokens[i + 2].text in _QUOTES:
            i += 3
        elif tokens[i].is_word and (
            _pos(tokens[i]) in ("ADVB", "PRCL") or _case(tokens[i]) == "datv"
        ):
            i += 1
        else:
            break
    return i


def _quotation_ends(text: str, start: int, stop: int) -> int:
    """`stop`, or the closing quotation mark in text[start:stop] that was opened before `start`:
    a clause inside a quotation ends with it ('«Я считаю, что X», — сказал он')."""
    for i in range(start, stop):
        if text[i] in _OPENERS and _closes(text, i) and not _opens(text, i):
            opening = _partner(text, i, forward=False, limit=i - start + 2)
            if opening is None or opening < start:
                return _trimmed(text, start, i)[1]
    return stop


def _quoted(
    text: str, opening: int, cue: _Token, source: tuple[int | None, int | None]
) -> Iterator[Speech]:
    """The quotation opened at `opening`, reported by `cue`, said by `source`."""
    closing = _partner(text, opening, forward=True)
    if closing is not None:
        content = _inner(text, opening + 1, closing)
        if content[1] > content[0]:
            yield Speech("direct", *content, cue.start, cue.stop, *source)


def _inverted(text: str, tokens: list[_Token], cue: int, start: int) -> list[Speech]:
    """'..., говорит один источник' (no quotation marks): what goes before the comma, said by
    the source that follows the verb."""
    comma = cue - 2 if cue > 1 and re.fullmatch(_DASH, tokens[cue - 1].text) else cue - 1
    if comma < 1 or tokens[comma].text != "," or _is_as(tokens, cue):
        return []
    if tokens[comma - 1].text in _OPENERS or _pos(tokens[cue]) != "VERB":
        return []  # a quotation (`_quote_then_cue` has it) or 'отметив' (the subject's verb)
    if tokens[0].text.lower() in ("о", "об", "про"):
        return []  # 'О развитии ..., рассказал посол': what about, not what was said
    if _is_impersonal(tokens[cue]):  # '..., говорится в сообщении Белого дома.'
        source = _source_following(tokens, cue)
        if source is None or not _ends_sentence(tokens, source[1] + 1):
            return []
    else:
        source = _source_after(tokens, cue + 1)
        if source is None or not _head_case(tokens[source[0]]) or not _nominal(tokens[source[0]]):
            return []
    content = _trimmed(text, start, tokens[comma].start)
    if _words(text, *content) < 4 or _is_question(text, *content):
        return []  # 'Более того, отметил он, ...': a parenthesis, not what was said
    said = tokens[cue]
    return [Speech("indirect", *content, said.start, said.stop, *_span(tokens, *source))]


def _ends_sentence(tokens: list[_Token], i: int) -> bool:
    """Whether only the sentence's final marks (or nothing) are left from `i` on."""
    return all(t.text in ".!?…" for t in tokens[i:])


def _inverted_position(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue follows a comma or a dash (its subject, if any, comes after it)."""
    return cue > 0 and (
        tokens[cue - 1].text == "," or bool(re.fullmatch(_DASH, tokens[cue - 1].text))
    )


#: The words that open the clause of a statement's noun: 'заявление X о том, что ...'.
_ABOUT_THAT = ("о", "том", ",", "что")
#: At most this many words name whose statement it is, between the noun and 'о том, что'.
_OWNER_WORDS = 5


def _statement_that(text: str, tokens: list[_Token], cue: int, stop: int) -> Speech | None:
    """A noun of statement with its speaker in the genitive and what was said in a clause 'о
    том, что' ('заявление госсекретаря Рекса Тиллерсона о том, что ...', 'слова Асада о том,
    что ...'): the noun is the cue, the genitive phrase the source. Not 'по словам' (an aside)
    nor a noun without its speaker ('заявления о том, что': whose is not said)."""
    said = tokens[cue]
    if not said.is_word or _word_key(said.text) not in cue_forms():
        return None
    if _pos(said) != "NOUN" or _lemma(said.text) not in cue_nouns():
        return None
    if cue > 0 and tokens[cue - 1].text.lower() == "по":
        return None
    about = next(
        (
            k
            for k in range(cue + 2, min(cue + 2 + _OWNER_WORDS, len(tokens)))
            if tuple(t.text.lower() for t in tokens[k : k + 4]) == _ABOUT_THAT
        ),
        None,
    )
    if about is None or not _genitive_owner(tokens, cue + 1, about):
        return None
    content = _trimmed(text, tokens[about + 3].stop, stop)
    if not any(_pos(t) == "VERB" for t in tokens[:cue]):
        # The noun opens the sentence before its verb: the clause ends at the next comma
        # ('Вопреки заявлениям Минобороны о том, что он ..., аль-Джулани участвовал').
        comma = next((t for t in tokens[about + 4 :] if t.text == ","), None)
        content = _trimmed(text, content[0], comma.start) if comma else content
    content = (content[0], _quotation_ends(text, *content))
    if content[1] <= content[0] or _is_question(text, *content):
        return None
    return Speech("indirect", *content, said.start, said.stop, *_span(tokens, cue + 1, about - 1))


def _genitive_owner(tokens: list[_Token], first: int, stop: int) -> bool:
    """Whether tokens[first:stop] is a noun phrase in the genitive, whose statement it is: words
    and quotation marks only, its head a noun or name that can be genitive ('Пентагона',
    'американского политолога Збигнева Бжезинского', 'МИД'), none a verb or preposition."""
    words = [t for t in tokens[first:stop] if t.text not in _QUOTES]
    if not words or not all(t.is_word for t in words):
        return False
    if any(_pos(t) in ("VERB", "INFN", "GRND", "PREP", "CONJ", "PRCL", "ADVB") for t in words):
        return False
    head = (
        words[0]
        if _pos(words[0]) not in ("ADJF", "PRTF")
        else next((t for t in words if _pos(t) not in ("ADJF", "PRTF")), None)
    )
    return (
        head is not None
        and (_can_be(head, "gent") or head.text.isascii() or _fixed(head))
        and _nominal(head)
    )


def _is_as(tokens: list[_Token], cue: int) -> bool:
    """The cue follows 'как' ('как отмечает', 'как заявил вчера')."""
    return cue > 0 and tokens[cue - 1].text.lower() == "как"


#: Possessive pronouns of the third person: 'по его словам'.
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


def _cue_noun(tokens: list[_Token], at: int) -> int | None:
    """The cue noun of 'по словам', 'по мнению', 'по его словам' that starts at `at`."""
    i = at + 1
    if i < len(tokens) and tokens[i].text.lower() in _POSSESSIVES:
        i += 1
    if i < len(tokens) and _case(tokens[i]) == "datv" and _lemma(tokens[i].text) in cue_nouns():
        return i
    return None


def _according_to(
    text: str, tokens: list[_Token], at: int, noun: int, start: int, stop: int
) -> Speech | None:
    """'по словам X, ...', 'по его мнению, ...': the source up to the comma (or the possessive);
    the content is the rest of the sentence, from where `_aside_opens` says when the phrase is
    mid-sentence (or, when the phrase comes last, what goes before it)."""
    source = (noun - 1, noun - 1) if noun > at + 1 else _source_after(tokens, noun + 1)
    if source is None:
        return None
    end = max(source[1], noun) + 1
    cue = (tokens[at].start, tokens[noun].stop)
    if end < len(tokens) and tokens[end].text == ",":
        content = _trimmed(text, tokens[end].stop, stop)
        opens = _aside_opens(tokens, at)
        if opens is not None:  # mid-sentence: what goes before is said too
            content = (tokens[opens].start, content[1])
    else:
        content = _trimmed(text, start, tokens[at].start)
    if content[1] <= content[0]:
        return None
    return Speech("indirect", *content, *cue, *_span(tokens, *source))


def _aside_opens(tokens: list[_Token], at: int) -> int | None:
    """Where what was said starts before a parenthetical cue at `at` (', по словам X,'): after
    a leading connective ('Кроме того,', 'Впрочем,') and after the last ', но|а|то|и' before the
    cue; None when nothing is left, or only a relative pronoun ('которые, по словам X, ...')."""
    comma = at - 1
    if comma < 1 or tokens[comma].text != ",":
        return None
    first = 0
    lead = next((k for k in range(comma) if tokens[k].text == ","), None)
    if lead is not None and 0 < lead <= 3 and all(_connective(t) for t in tokens[:lead]):
        first = lead + 1
    last = first
    for k in range(first, comma - 1):
        if tokens[k].text == "," and _pos(tokens[k + 1]) == "CONJ":
            first = k + 2
        if tokens[k].text == ",":
            last = k + 1
    if first >= comma:
        return None
    if comma - last == 1 and (
        _lemma(tokens[last].text) == "который" or _pos(tokens[last]) in ("CONJ", "PRCL")
    ):
        return None  # 'которые, по словам X, ...': the relative clause is not said
    return first


def _connective(token: _Token) -> bool:
    """A word of a discourse connective ('Кроме того', 'Впрочем', 'Тем не менее')."""
    parse = _parse(token.text)
    return parse is not None and (
        parse.tag.POS in ("CONJ", "PRCL", "ADVB", "PREP") or "Apro" in parse.tag
    )


def find_speech(
    text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> list[Speech]:
    """Every quote of a text, by position: interview answers, direct and indirect speech. A
    quote whose cue is inside another's content is part of that one, unless it is the
    speaker's own view in a sentence of its own (`_part_of`); a quotation found from both ends
    counts once."""
    said = list(reported(text, sentences))
    found = {(s.start, s.stop): s for s in said}
    found |= {(s.start, s.stop): s for s in interviews(text, paragraphs, said)}
    quotes = sorted(found.values(), key=lambda s: (s.start, -s.stop))
    starts = [start for start, _stop in sentences]
    return [
        s for s in quotes if not any(_part_of(text, s, o, starts) for o in quotes if o is not s)
    ]


def _part_of(text: str, quote: Speech, other: Speech, starts: Sequence[int]) -> bool:
    """Whether `quote` is part of `other` rather than a quote of its own: its cue is in the
    other's content, in the sentence of the other's cue ('«Мы за бедных!» — напомнил эксперт',
    'X подтверждает, что ..., заявил Y'), or another shape the speaker tells of (`_own_view`,
    `_plain`). The speaker's own statement or view in another sentence of a quotation or an
    interview answer ('— ... Я думаю, что ...', '«... Мы считаем, что ...», — сказал X') is a
    quote of its own, as the annotation convention (ADAQ's) tags it: a sentence has the quotes
    whose cues it holds."""
    if not _contains_cue(other, quote) or _outer(quote, other):
        return False
    sentence = bisect_right(starts, quote.cue_start)
    if not _own_view(text, quote) or not _plain(
        text, starts[sentence - 1] if sentence else 0, quote
    ):
        return True
    return other.kind != "interview" and sentence == bisect_right(starts, other.cue_start)


#: The pronouns of the first person in the nominative: the subject of one's own statement.
_SPEAKER_PRONOUNS = frozenset({"я", "мы"})


def _own_view(text: str, quote: Speech) -> bool:
    """Whether a quote inside another's words is the speaker's own statement or view, its
    source a first-person pronoun ('Я думаю, что ...', 'Мы считаем, что ...'): a third-person
    one there is mostly a story the speaker tells, loosely worded ('факты говорят сами за
    себя: ...', 'разрыв говорит о том, что ...')."""
    if quote.source_start is None:
        return False
    return text[quote.source_start : quote.source_stop].lower() in _SPEAKER_PRONOUNS


#: Between a clause and the cue after it, inside someone's words: a dash ('..., — добавил он').
_DASH_BEFORE_CUE = re.compile(rf"^[»\"]?\s*,?\s*{_DASH}\s*$")


def _plain(text: str, sentence_start: int, quote: Speech) -> bool:
    """Whether a quote inside another's words has a plain shape of its own, held within its
    sentence: not supposed speech (`_hypothetical`), not a gerund ('честно говоря'), not
    content from a sentence before ('Полагаю, что они думали об этом'), and a clause before
    its cue only across a dash ('..., — добавил он'; not '..., о чём я говорю')."""
    if quote.start < sentence_start or _hypothetical(text, sentence_start, quote):
        return False
    if _pos(_Token(text[quote.cue_start : quote.cue_stop], 0, 0, True)) == "GRND":
        return False
    return quote.stop > quote.cue_start or bool(
        _DASH_BEFORE_CUE.match(text[quote.stop : quote.cue_start])
    )


#: The words that open a condition: speech under one is supposed, not reported.
_CONDITIONS = frozenset({"если", "ежели"})


def _hypothetical(text: str, sentence_start: int, quote: Speech) -> bool:
    """Whether a quote inside another's words is supposed speech, not reported: its cue in the
    future ('я напомню, что', 'они скажут: «...»') or in a condition ('если лидеры думают,
    что ...'), within the clause before the cue."""
    verbs = [p for p in morph()(text[quote.cue_start : quote.cue_stop].lower()) if p.tag.tense]
    if verbs and all(p.tag.tense == "futr" for p in verbs):  # 'считаем' is read as 'счесть' too
        return True
    clause = re.split(r"[,;:«»\"—–]", text[sentence_start : quote.cue_start])[-1]
    return not _CONDITIONS.isdisjoint(w.lower() for w in _LETTERS.findall(clause))


def _contains_cue(outer: Speech, inner: Speech) -> bool:
    return outer.start <= inner.cue_start and inner.cue_stop <= outer.stop


def _outer(quote: Speech, other: Speech) -> bool:
    """Whether `quote`, whose cue is in the content of `other`, is still the outer one: it
    holds the other's cue too and starts first ('X подтверждает, что ..., заявил Y': the
    clause after 'подтверждает' runs on over 'заявил Y', which reports all before it)."""
    return _contains_cue(quote, other) and quote.start < other.start
