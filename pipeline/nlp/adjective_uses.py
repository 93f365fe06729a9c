"""Country adjectives and demonyms that name no country: a language or a manner ('на английском
языке', 'с чешского', 'на японский манер', 'по хорватскому сценарию'), a breed ('немецкая
овчарка'), a set expression named after a country ('голландский соус', 'американские горки'),
a people living in another state or named as a people ('сербы Боснии', 'венгерского
меньшинства, проживающего в Закарпатье', 'албанская диаспора', 'этнические венгры',
'представители других наций: евреи, армяне', 'британец кенийского происхождения'), a city's
office of another state ('лондонская дипмиссия'), talks or a group named after the city they
met in ('астанинский процесс'), a field of study ('кафедра американских исследований',
'говорить по-китайски') and the second half of a compound after a name ('бурят-монгольский').
The nouns and expressions are in `data/country_terms.tsv`. `adjective_before` reads the
country an adjective right before a name gives it ('британским Кабинетом министров')."""

from __future__ import annotations

import re
from functools import cache

from pipeline.nlp.gazetteer import adjectives, city_adjective, country_of_word, read_tsv
from pipeline.nlp.models import lemma, morph

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S")
#: How far on either side of an adjective its phrase is read, in characters.
_REACH = 80
#: Words joining coordinated adjectives: 'на английском и французском языках'.
_AND = {",", "и", "или"}
#: Prepositions before a language named by its adjective alone, with the cases they govern:
#: 'на английском', 'перевести на английский', 'с чешского'.
_LANGUAGE_CASES = {"на": {"loct", "accs"}, "с": {"gent"}, "со": {"gent"}}
#: Verbs of living: 'венгров, проживающих на Украине', 'которые там живут'.
_LIVE = {"жить", "проживать", "обитать", "населять"}
_SENTENCE = re.compile(r"[.!?…]\s|\n")
_PAIR = re.compile(r"\b([а-яё]+ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими))\s+([а-яё]+)")
_ASIDE = re.compile(r"\([^()]*\)")
_WHO = {"которые", "которых", "что"}
#: 'Этнический' right before a demonym: the people, wherever it lives ('этнические венгры').
_ETHNIC = re.compile(r"(?<![а-яё])этническ[а-яё]+\s+$", re.I)
#: A plural of a word for a people, then a colon or a dash opening a list of peoples
#: ('представители других наций: евреи, армяне, чехи').
_PEOPLES = re.compile(
    r"(?<![а-яё])(?:народов|наций|национальностей|народностей|этносов)\s*[:—–-]\s*", re.I
)
#: The items of a list of peoples up to the demonym: words joined by commas, 'и', 'а также'.
_LISTED = re.compile(r"(?:[а-яё-]+(?:\s[а-яё-]+)?(?:\s*,\s*(?:а\s+также\s+)?|\s+и\s+))*", re.I)
#: The second root of a compound word whose first is a country's stem, joined by 'о': a
#: language its speakers speak ('германоязычных кантонах', 'франкоговорящей', 'франкофонных')
#: or a stance towards the country ('германофильских салонах', 'германофобские'), of people
#: who need not be of it. The gazetteer matched the whole word by its stem.
_COMPOUND_ROOTS = re.compile(r"о(?:(язычн|говорящ|фон)|(фил|фоб))[а-яё]*", re.I)
#: Prepositions before a descent ('голландцы с турецкими корнями').
_WITH = {"с", "со"}
#: Nouns of words and names: their descent is a language ('слово греческого происхождения').
_WORDS = {"слово", "термин", "фамилия", "имя", "название", "выражение"}
#: Lemmas of words that govern a language named by its adjective alone: 'со знанием
#: английского', 'владеть английским', 'выучить китайский', 'перевод с чешского'.
_LANGUAGE_GOVERNORS = {
    "знание",
    "владение",
    "владеть",
    "выучить",
    "учить",
    "изучать",
    "изучить",
    "изучение",
    "перевод",
    "перевести",
    "переводить",
}
#: Lemmas of words of speech and writing that make an adverb in 'по-' right before or after
#: them a language: 'говорила по-английски', 'по-английски он не говорит', 'будет по-немецки'.
_SPEECH = {
    "говорить",
    "говорящий",
    "разговаривать",
    "сказать",
    "произносить",
    "произнести",
    "писать",
    "написать",
    "написанный",
    "прочитать",
    "читать",
    "кричать",
    "крикнуть",
    "крик",
    "знать",
    "понимать",
    "означать",
    "звучать",
    "называться",
    "быть",
    "петь",
    "спеть",
    "общаться",
}
#: Words an adverb in 'по-' and its word of speech may have between them: 'по-английски он не
#: говорит', 'говорит свободно по-английски'.
_SPEECH_REACH = 3
#: What ends a clause around an adverb in 'по-': a sentence's end, a comma, a colon, a dash or
#: a bracket ('демократия по-американски, которая означает').
_CLAUSE = re.compile(r"[.!?…\n,:;—–)(]")
_LETTERS = re.compile(r"[а-яё]+")
#: Parts of speech that end a noun phrase ('перейти на латышский к 2020 году': 'к' is also
#: read as the noun of the letter).
_FUNCTION_WORDS = {"PREP", "CONJ", "PRCL"}
#: The first half of a compound adjective, before its hyphen: a word whose last letter is no
#: linking vowel is a name or a people ('бурят-монгольской', 'Брест-Литовского'), not a
#: country's combining form ('российско-', 'англо-').
_NAME_HALF = re.compile(r"(?<![а-яё-])[а-яё]*[б-джзк-нп-тф-щ]-$", re.I)
#: Closing quotation marks: a city adjective quoted as a group's name ('«московской» группы').
_CLOSING = {"»", "”", '"'}


@cache
def _terms() -> tuple[dict[str, str], frozenset[tuple[str, str]]]:
    """Nouns of a kind (language, manner, breed, community), and the set expressions as
    (adjective, noun) lemmas."""
    nouns: dict[str, str] = {}
    expressions: set[tuple[str, str]] = set()
    for words, kind in read_tsv("country_terms.tsv"):
        if kind == "term":
            adjective, noun = words.split()
            expressions.add((lemma(adjective), lemma(noun)))
        else:
            nouns[words] = kind
    return nouns, frozenset(expressions)


def not_country(text: str, start: int, stop: int, country: str) -> str | None:
    """Why the country adjective or demonym text[start:stop] (of `country`) names no country:
    'language', 'manner', 'breed', 'term', 'field' (of study), 'abroad' (a people living in
    another state),
    'stance' (a compound of a stance towards it: 'германофильских'), 'venue' (a city's
    adjective naming talks or a group after where they met: 'астанинский процесс') or
    'compound' (the second half of an adjective whose first half is a name or a people:
    'бурят-монгольский'); None when it names its country. Half of a compound of two countries
    ('российско-турецких') names it."""
    if text[stop : stop + 1] == "-":
        return None
    if text[max(0, start - 3) : start].lower() == "по-":
        # 'Протесты по-американски' may well be about the country; 'говорить по-китайски' not
        return "language" if _spoken(text, start, stop) else None
    if _ETHNIC.search(text, max(0, start - 30), start):
        return "abroad"
    compound = _COMPOUND_ROOTS.search(text, start + 3, stop)  # 'герман' + 'о' + 'язычных'
    if compound is not None and compound.end() == stop:
        return "language" if compound.group(1) else "stance"
    word = text[start:stop].lower()
    adjective = [p for p in morph()(word) if p.tag.POS == "ADJF"]
    if adjective and _NAME_HALF.search(text, max(0, start - 30), start):
        return "compound"
    if not adjective:
        people = any(p.tag.POS == "NOUN" and "plur" in p.tag for p in morph()(word))
        elsewhere = people and _lives_elsewhere(text, stop, country, False)
        return "abroad" if elsewhere or (people and _listed_people(text, start)) else None
    nouns, expressions = _terms()
    quoted = _quoted(text, start, stop)
    head = _head(text, stop, adjective, quoted)
    if head is None:
        elided = _elided(text, start)  # 'на русском языке, так и на английском'
        if elided is not None:
            return "language" if nouns.get(elided) == "language" else None
        alone = _language_alone(text, start, adjective) or _governed(text, start, adjective)
        return "language" if alone else None
    noun, end = head
    kind = nouns.get(noun)
    if kind == "minority" and _qualifies(text, stop, end, nouns):
        return "abroad"
    if kind == "group":  # a group named after a city only in quotation marks
        kind = "venue" if quoted else None
    if kind == "venue":
        return "venue" if city_adjective(word) else None
    if kind in ("community", "minority"):
        return "abroad" if _lives_elsewhere(text, end, country, True) else None
    if kind == "origin":
        return _descent(text, start)
    if kind == "discipline":
        return "field"
    if kind == "study":  # 'кафедры американских исследований', not 'российские исследования'
        opening = _opening(text, start, adjective, {"gent"})
        return "field" if opening and nouns.get(lemma(opening)) == "unit" else None
    if kind == "office":
        return "office" if city_adjective(word) else None
    if kind == "pattern":
        return "manner" if _opening(text, start, adjective, {"datv"}) == "по" else None
    if kind is None and (adjective[0].normal_form, noun) in expressions:
        return "term"
    return None if kind in ("qualifier", "unit") else kind


def _spoken(text: str, start: int, stop: int) -> bool:
    """Whether an adverb in 'по-' (its country word at text[start:stop]) names a language:
    a word of speech or writing (`_SPEECH`) among the few words of its clause before or after
    it ('говорящими по-китайски', 'по-английски он не говорит', 'как будет по-немецки'); not a
    manner ('Демократия по-американски', 'уйти по-английски', 'демократия по-американски,
    которая означает')."""
    opened = list(_CLAUSE.finditer(text, max(0, start - 3 - 2 * _REACH), start - 3))
    before = text[opened[-1].end() if opened else max(0, start - 3 - 2 * _REACH) : start - 3]
    closed = _CLAUSE.search(text, stop, stop + 2 * _REACH)
    after = text[stop : closed.start() if closed else stop + 2 * _REACH]
    if (end := after.find("»")) >= 0 and "«" not in after[:end]:
        after = after[:end]  # a quotation closing around it, not one opened after it
    words = [
        *_LETTERS.findall(before.lower())[-_SPEECH_REACH:],
        *_LETTERS.findall(after.lower())[:_SPEECH_REACH],
    ]
    return any(lemma(word) in _SPEECH for word in words)


def adjective_before(text: str, start: int) -> str | None:
    """The country of the adjective right before text[start] on its line ('британским
    Кабинетом министров' -> GBR), else None: not a demonym ('китайцам Минфин'), not the
    second half of a compound ('российско-американского')."""
    before = text[max(0, start - _REACH // 2) : start]
    hits = adjectives(before)
    if not hits or before[hits[-1][1] :].strip(" ") or before[: hits[-1][0]].endswith("-"):
        return None
    word = before[hits[-1][0] : hits[-1][1]].lower()
    return hits[-1][2] if any(p.tag.POS == "ADJF" for p in morph()(word)) else None


def _after(text: str, stop: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, stop, min(len(text), stop + _REACH)))


def _head(text: str, stop: int, adjective: list, quoted: bool) -> tuple[str, int] | None:
    """The lemma and end of the noun the adjective goes with: right after it, after other
    adjectives ('японская классическая поэзия') or after coordinated ones ('на английском,
    французском языках'), or after the quotation mark closing a `quoted` one ('«московской»
    группы'); a plural noun may go with singular adjectives ('на русском и английском
    языках')."""
    cases = {p.tag.case for p in adjective}
    numbers = {p.tag.number for p in adjective}
    tokens = _after(text, stop)
    for i, token in enumerate(tokens):
        word = token.group().lower()
        if i == 0 and quoted and word in _CLOSING:
            continue
        if word in _AND:  # a conjunction, not the noun 'и'
            following = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
            if not any(p.tag.POS == "ADJF" and p.tag.case in cases for p in morph()(following)):
                return None
            continue
        parses = morph()(word)
        if parses[0].tag.POS in _FUNCTION_WORDS and not token.group().isupper():  # not 'ПО'
            return None
        for p in parses:
            agrees = p.tag.case in cases and (p.tag.number in numbers or p.tag.number == "plur")
            if p.tag.POS == "NOUN" and agrees:
                return p.normal_form, token.end()
        if not any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case in cases for p in parses):
            return None
    return None


def _elided(text: str, start: int) -> str | None:
    """The noun of the last adjective in -ск- and its noun before `start` in the sentence, which
    an adjective without a noun may repeat: 'сменил польский чемпионат на азербайджанский'."""
    sentence = _SENTENCE.split(text[max(0, start - 2 * _REACH) : start])[-1]
    pairs = [pair for pair in _PAIR.findall(sentence.lower()) if pair[1] not in _AND]
    if not pairs:
        return None
    nouns = [p for p in morph()(pairs[-1][1]) if p.tag.POS == "NOUN"]
    return nouns[0].normal_form if nouns else None


def _language_alone(text: str, start: int, adjective: list) -> bool:
    """Whether an adjective with no noun names a language: singular, masculine or neuter like
    'язык', after 'на' or 'с' in the case they govern there ('с французского, немецкого и
    чешского')."""
    cases = {
        p.tag.case for p in adjective if p.tag.number == "sing" and p.tag.gender in ("masc", "neut")
    }
    word = _opening(text, start, adjective, cases)
    return word in _LANGUAGE_CASES and bool(cases & _LANGUAGE_CASES[word])


def _qualifies(text: str, stop: int, end: int, nouns: dict[str, str]) -> bool:
    """Whether an adjective ending at `stop` qualifies the noun ending at `end` directly or
    through qualifiers only ('албанского национального меньшинства'; not 'американской
    еврейской диаспоре')."""
    between = _WORD.findall(text[stop:end])[:-1]
    return all(nouns.get(lemma(word.lower())) == "qualifier" for word in between)


def _quoted(text: str, start: int, stop: int) -> bool:
    """Whether the adjective text[start:stop] stands alone in quotation marks."""
    return text[max(0, start - 1) : start] in ("«", "“", '"') and text[stop : stop + 1] in _CLOSING


def _governed(text: str, start: int, adjective: list) -> bool:
    """Whether an adjective with no noun names a language: singular, masculine or neuter like
    'язык', right after a word that governs a language (`_LANGUAGE_GOVERNORS`: 'со знанием
    английского', 'владеть английским')."""
    if not any(p.tag.number == "sing" and p.tag.gender in ("masc", "neut") for p in adjective):
        return False
    before = _WORD.findall(text[max(0, start - _REACH // 2) : start])
    return bool(before) and lemma(before[-1].lower()) in _LANGUAGE_GOVERNORS


def _opening(text: str, start: int, adjective: list, cases: set[str]) -> str | None:
    """The word (lower case) before the adjective in one of `cases`, or before the first of
    the adjectives coordinated with it ('по тунисскому, ливийскому или египетскому сценарию'),
    asides in brackets left out ('с латинского (сочинения ...), английского'); None when the
    adjective is in none of `cases`."""
    if not cases & {p.tag.case for p in adjective}:
        return None
    plain = _ASIDE.sub(" ", text[max(0, start - 2 * _REACH) : start])
    before = _WORD.findall(plain)[::-1]
    for i in range(0, len(before), 2):
        word = before[i].lower()
        if word not in _AND or i + 1 >= len(before):
            return word
        if not any(p.tag.POS == "ADJF" and p.tag.case in cases for p in morph()(before[i + 1])):
            return word
    return None


def _listed_people(text: str, start: int) -> bool:
    """Whether a demonym is an item of a list of peoples in its sentence ('погибли воины —
    представители многих народов: русские, румыны, финны'): they are named as peoples, not
    as states' citizens."""
    sentence = _SENTENCE.split(text[max(0, start - 2 * _REACH) : start])[-1]
    opened = list(_PEOPLES.finditer(sentence))
    return bool(opened) and _LISTED.fullmatch(sentence, opened[-1].end()) is not None


def _descent(text: str, start: int) -> str | None:
    """Whose descent ('кенийского происхождения', 'с турецкими корнями') is named: 'abroad' for
    a person's, 'language' for a word's ('слово греческого происхождения', 'фамилия польского
    происхождения'), None for a thing's ('сырьё украинского происхождения', 'реклама, которая
    якобы имела российское происхождение'). The owner is the first word before it in its
    clause whose likeliest reading is a noun (after 'с', words of other kinds and a place in
    the genitive: 'гражданин Канады казахстанского происхождения'); a person's noun has an
    animate reading ('британца', 'физику')."""
    before = _WORD.findall(text[max(0, start - _REACH // 2) : start])[::-1]
    for token in before[:4]:
        word = token.lower()
        if not word[0].isalpha():
            return None
        if word in _WITH:
            continue
        parses = morph()(word)
        likeliest = parses[0]  # 'якобы' is also read as a name, last
        if likeliest.tag.POS != "NOUN" or {"Geox", "gent"} <= likeliest.tag.grammemes:
            continue
        if likeliest.normal_form in _WORDS:
            return "language"
        return "abroad" if any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses) else None
    return None


def _lives_elsewhere(text: str, stop: int, country: str, community: bool) -> bool:
    """Whether a people named up to `stop` is placed in another state: a region in the
    genitive right after it ('сербы Боснии', 'палестинцами Газы'; a state there may be the
    object of a noun before: 'поддержку американцами Израиля'); after a noun of a community
    also a state other than its own ('армянской диаспоры Бельгии') or a verb of living
    ('меньшинства, проживающего в Закарпатье', 'общинам, которые проживают ...')."""
    tokens = [t.group() for t in _after(text, stop)][:6]
    if not tokens:
        return False
    first = tokens[0]
    readings = morph()(first.lower())
    named = any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings)  # 'Каролины'
    place = "Geox" in readings[0].tag and readings[0].tag.case == "gent"
    if first[0].isupper() and place and not named:
        state = country_of_word(first.lower())
        return state is None or (community and state != country)
    if not community:
        return False
    words = [t.lower() for t in tokens[1 if first == "," else 0 :]]
    if words and lemma(words[0]) in _LIVE:
        return True
    return bool(words) and words[0] in _WHO and any(lemma(w) in _LIVE for w in words[1:4])
