"""Stated roles and affiliations of people: 'посол Азербайджана в Казахстане Агалар Атамогланов'
-> ('посол', AZE); 'Эльчин Гасымов (Словакия)' -> (None, SVK).

A role is the phrase that grammar ties to the name right after it: adjectives, a role word in
the singular and in the name's case, then the role word's complements up to the name: genitives
('министр иностранных дел'), names ('генсек НАТО') and at most one prepositional phrase ('глава
комитета по международным делам'). Anything else between the role word and the name (a verb, a
conjunction, a noun in another case) means the role word belongs elsewhere in the sentence
('журналисты и болельщики ... Роналду', 'эксперт похвалил ... Акинфеев'), and nothing is stated.

The affiliation is the first country among the role's adjectives ('американский сенатор') and
its genitives ('президент Казахстана', 'глава МИД России'), never the object of a preposition
('эксперт по Франции', 'посол Азербайджана в Казахстане' -> AZE), except after 'из' or 'от',
which say where the person comes from ('журналист из Германии').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.nlp.gazetteer import country_of_word, key, read_tsv
from pipeline.nlp.models import CACHE_SIZE, lemma, morph

_WINDOW_WORDS = 12
_STOP = re.compile(r"[,;:!?()\[\]\"—–]|\s-\s")
#: Words, with quotation marks around names ('тренер «Зенита»') left out.
_WORD = re.compile(r"[^\s«»„“”]+")
_AFTER = re.compile(r"\s*\(([^()]{2,40})\)")
_DEMONYM_BEFORE = re.compile(r"(?<![А-Яа-яЁё-])([А-Яа-яЁё]++) +$")
#: Qualifiers of time dropped from a role: 'тогдашний генеральный секретарь' -> 'генеральный ...'.
_TEMPORAL = {"тогдашний", "нынешний", "действующий", "новый", "новоизбранный", "временный"}
#: Prepositions whose country is the person's: 'журналист из Германии', 'депутат от Италии'.
_ORIGIN = frozenset({"из", "от"})
#: Institutions whose genitive country is what they study, not whom they serve: 'директор
#: Института США и Канады', 'руководитель Центра изучения стран Ближнего Востока'.
_TOPIC_HEADS = frozenset(
    {"институт", "центр", "кафедра", "факультет", "отдел", "сектор", "лаборатория", "изучение"}
    | {"исследование", "проблема", "страна"}
)
_CASES = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct"}
_ANY_CASE = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


class Named(NamedTuple):
    """A name or country adjective in an article, as `stated` reads it: where it stops, its
    kind (PER, ORG, LOC or ADJ) and the country it stands for (an alpha-3, or a reference the
    caller resolves), if any."""

    stop: int
    kind: str
    country: str | None = None


class _Token(NamedTuple):
    start: int
    stop: int
    text: str
    named: Named | None  # a name is one token, however many words it has


@cache
def role_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("roles.txt"))


@cache
def _role_forms() -> frozenset[str]:
    """Every form of every role lemma, lower case, also written with е for ё."""
    forms = {
        form.word
        for role in role_lemmas()
        for parse in morph()(role)
        if parse.normal_form == role
        for form in parse.lexeme
    }
    return frozenset(forms | {form.replace("ё", "е") for form in forms})


def _is_role(word: str) -> bool:
    """Whether `word` is a form of a role lemma. Only forms of one, and hyphenated words (whose
    lemma may come from their parts: 'премьера-министра'), are looked up: lemmatising every word
    before every name cost the entity stage seconds."""
    word = word.strip(".")
    return ("-" in word or word.lower() in _role_forms()) and lemma(word) in role_lemmas()


@cache
def title_lemmas() -> frozenset[str]:
    """Roles and honorifics: words that stand before a name but are not part of it."""
    return role_lemmas() | {row[0] for row in read_tsv("titles.txt")}


@lru_cache(maxsize=CACHE_SIZE)
def _parses(word: str) -> tuple[tuple[str | None, str | None, str | None], ...]:
    """(part of speech, case, number) of each reading of a word; pronouns that decline like
    adjectives ('её', 'этот') are APRO, not adjectives."""
    return tuple(
        ("APRO" if "Apro" in p.tag else p.tag.POS, _CASES.get(p.tag.case, p.tag.case), p.tag.number)
        for p in morph()(word.lower())
    )


def _singular_cases(word: str, parts: tuple[str, ...]) -> frozenset[str]:
    """The cases `word` can be in the singular as one of `parts` of speech (an indeclinable
    word has no number: any)."""
    return frozenset(
        case for pos, case, number in _parses(word) if pos in parts and case and number != "plur"
    )


@lru_cache(maxsize=CACHE_SIZE)
def _name_cases(name: str, normal: str | None) -> frozenset[str]:
    """The cases a person's name can be in: the nominative when it is written as its nominative
    `normal` (an indeclinable name in another case is missed: 'Синдзо Абэ'); otherwise any
    other case one of its words can be in the singular (a word the dictionary does not know in
    the singular could be in any)."""
    if normal is not None and key(name) == key(normal):
        return frozenset({"nomn"})
    cases: set[str] = set()
    for word in re.findall(r"[А-Яа-яЁё]{2,}", name):
        cases |= _singular_cases(word, ("NOUN",)) or _ANY_CASE
    found = frozenset(cases) or _ANY_CASE
    return found - {"nomn"} if normal is not None else found


def _is_adjective(word: str) -> bool:
    return any(pos in ("ADJF", "PRTF") for pos, _case, _number in _parses(word))


def _is_capitalised(token: _Token) -> bool:
    """A name (not a country adjective), or a capitalised word NER missed."""
    if token.named is not None:
        return token.named.kind != "ADJ"
    return token.text[:1].isupper()


def _tokens(text: str, begin: int, end: int, named: Mapping[int, Named]) -> list[_Token]:
    """The words of text[begin:end], each name (`named`) one token."""
    tokens: list[_Token] = []
    for m in _WORD.finditer(text, begin, end):
        if tokens and m.start() < tokens[-1].stop:
            continue  # inside the name before
        name = named.get(m.start())
        if name is not None and name.stop <= end:
            tokens.append(_Token(m.start(), name.stop, text[m.start() : name.stop], name))
        else:
            tokens.append(_Token(m.start(), m.end(), m.group(), None))
    return tokens


def _complements(tokens: list[_Token]) -> list[str] | None:
    """What each token between a role word and the name is to the role: 'genitive' (or a name),
    'preposition', or 'phrase' (the object of the preposition; 'origin' after 'из', 'от'); None when
    they are not all its complements: genitives and at most one prepositional phrase.

    A genitive after the phrase's object is taken as the role's: 'министр по вопросам обороны
    Соединенного Королевства' (it may be the object's: 'эксперт по вопросам безопасности США',
    which the corpus-wide vote has to outweigh)."""
    roles: list[str] = []
    after: str | None = None  # the preposition whose object is still to come
    phrases = 0
    for token in tokens:
        word = token.text.lower()
        parses = () if _is_capitalised(token) else _parses(word)
        if after is None and _is_preposition(token):
            phrases += 1
            if phrases > 1:  # 'заявление ... о причастности Москвы к отравлению ...'
                return None
            after = word
            roles.append("preposition")
        elif after is not None:  # adjectives up to the noun or name of the object
            roles.append("origin" if after in _ORIGIN else "phrase")
            if _is_capitalised(token) or any(pos == "NOUN" for pos, _c, _n in parses):
                after = None
            elif not (_is_adjective(word) or word.isdigit()):
                return None
        elif _is_capitalised(token) or any(
            pos in ("NOUN", "ADJF", "NUMR") and case == "gent" for pos, case, _n in parses
        ):
            roles.append("genitive")
        else:
            return None
    return roles if after is None else None


def _head_cases(word: str) -> frozenset[str]:
    return _singular_cases(word.strip("."), ("NOUN",))


def _role_text(tokens: list[_Token], parts: list[str]) -> str | None:
    """The role's words (`parts` says what each token is to it) up to its first country,
    without the prepositional phrase whose object names it ('эксперт по Франции' -> 'эксперт')
    and without the country an organisation's name ends with ('глава МИД России' -> 'глава
    МИД')."""
    words: list[str] = []
    phrase_at = 0  # where the prepositional phrase starts
    for token, part in zip(tokens, parts, strict=True):
        if part == "preposition":
            phrase_at = len(words)
        end = phrase_at if part in ("phrase", "origin") else len(words)
        if token.named is not None and token.named.kind in ("LOC", "ADJ"):
            return _role_phrase(words[:end])
        written = token.text.split()
        kept = _without_country(written) if _is_capitalised(token) else written
        if not kept:
            return _role_phrase(words[:end])
        words += kept
        if len(kept) < len(written):
            break
    return _role_phrase(words)


def _without_country(words: list[str]) -> list[str]:
    """A name without the country it ends with ('МИД России' -> 'МИД'), unless the country is
    the head of an adjective before it ('Единой России')."""
    while words and country_of_word(words[-1].lower()):
        if len(words) > 1 and _is_adjective(words[-2]):
            break
        words = words[:-1]
    return words


def _role_phrase(words: list[str]) -> str | None:
    """The role of `words` cut where they end: not after an adjective, preposition or
    conjunction whose noun was the country cut off ('лидер нацистской [Германии]' -> 'лидер',
    'директор Института США и [Канады]' -> 'директор Института США')."""
    while len(words) > 1 and _dangles(words[-1]):
        words = words[:-1]
    return _role_words(tuple(words)) if words else None


def _dangles(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0][0] in ("ADJF", "PRTF", "PREP", "CONJ")


def _is_preposition(token: _Token) -> bool:
    return token.named is None and any(pos == "PREP" for pos, _c, _n in _parses(token.text))


@lru_cache(maxsize=CACHE_SIZE)
def _role_words(words: tuple[str, ...]) -> str:
    """The role's leading adjectives and head noun in the nominative, the rest as written:
    'заместителем помощника госсекретаря' -> 'заместитель помощника госсекретаря'."""
    from pipeline.nlp.normalize import phrase

    head = next((i for i, w in enumerate(words) if not _is_adjective(w)), len(words) - 1)
    lead = phrase(" ".join(words[: head + 1])).lower().split()
    return " ".join(lead + list(words[head + 1 :]))


def _adjectives_before(tokens: list[_Token], head: int, cases: frozenset[str], first: int) -> int:
    """Where the adjectives that agree with the role word at `head` start: 'генеральный
    секретарь', 'чрезвычайный и полномочный посол'. A capitalised adjective only opens the
    sentence (at offset `first`)."""
    start = head
    while start > 0:
        step = 2 if tokens[start - 1].text == "и" and 1 < start < head else 1
        before = tokens[start - step]
        if not (
            (before.named is None or before.named.kind == "ADJ")
            and (before.start == first or not before.text[:1].isupper())
            and _singular_cases(before.text, ("ADJF", "PRTF")) & cases
        ):
            break
        start -= step
    return start


def stated(
    text: str,
    sentence_start: int,
    start: int,
    stop: int,
    named: Mapping[int, Named],
    normal: str | None = None,
) -> tuple[str | None, str | None]:
    """(role, affiliation) stated for the person mentioned at text[start:stop], from the text
    between `sentence_start` and the name, and a country in brackets right after it.

    `named` maps the start offset of each name and country adjective of the article to what it
    is; the affiliation is the `country` of one of them. `normal` is the name's nominative, which
    tells its case.
    """
    role = country = None
    before = text[sentence_start:start]
    cut = max((m.end() for m in _STOP.finditer(before)), default=0)
    if any(_is_role(w) for w in _WORD.findall(before, cut)[-_WINDOW_WORDS:]):  # most have none
        tokens = _tokens(text, sentence_start + cut, start, named)
        opening = tokens[0].start if tokens and cut == 0 else -1  # the sentence's first word
        role, country = _role_before(
            tokens[-_WINDOW_WORDS:], _name_cases(text[start:stop], normal), opening
        )
    if country is None:
        cases = _name_cases(text[start:stop], normal)
        country = _demonym_before(text, sentence_start, start, named, cases)
    after = _AFTER.match(text, stop)
    if after and country is None:
        inside = named.get(after.start(1))
        if inside is not None and inside.stop == after.end(1) and inside.kind == "LOC":
            country = inside.country
    return role, country


def _demonym_before(
    text: str, sentence_start: int, start: int, named: Mapping[int, Named], cases: frozenset[str]
) -> str | None:
    """The country of a demonym in apposition right before the name, in one of its `cases`
    ('норвежец Йоханнес Бё', 'россиянке Евгении Медведевой'): a noun in the singular ('украинцы
    Порошенко не верят' names no one), in lower case unless it opens the sentence (not a first
    name: 'Франком Вальтером Штайнмайером'), never an adjective ('московского Теда Мосби')."""
    before = _DEMONYM_BEFORE.search(text, max(sentence_start, start - 30), start)
    found = named.get(before.start()) if before else None
    if found is None or found.kind != "ADJ" or found.stop != before.end(1):
        return None
    word = before.group(1)
    if word[0].isupper() and text[sentence_start : before.start()].strip():
        return None
    if _is_adjective(word) or not _singular_cases(word, ("NOUN",)) & cases:
        return None
    return found.country


def _studies(before: _Token, token: _Token) -> bool:
    """Whether the country of `token` is what an institution studies: 'Института США' as one
    name or as an institution and a country."""
    return lemma(before.text) in _TOPIC_HEADS or lemma(token.text.split()[0]) in _TOPIC_HEADS


def _role_before(
    tokens: list[_Token], name_cases: frozenset[str], opening: int
) -> tuple[str | None, str | None]:
    """(role, affiliation) of the leftmost role word among `tokens` whose words up to the name
    are its complements and whose case is one of the name's (`opening`: where the sentence's
    first word starts)."""
    for head, token in enumerate(tokens):
        if token.named is not None or not _is_role(token.text):
            continue
        complements = _complements(tokens[head + 1 :])
        cases = _head_cases(token.text) & name_cases
        if complements is None or not cases:
            continue
        first = _adjectives_before(tokens, head, cases, opening)
        while first < head and lemma(tokens[first].text) in _TEMPORAL:
            first += 1
        adjectives = tokens[first:head]
        countries = [t.named.country for t in adjectives if t.named and t.named.country]
        after = tokens[head:]
        countries += [
            t.named.country
            for before, t, part in zip(after[:-1], after[1:], complements, strict=True)
            if t.named
            and t.named.country
            and part in ("genitive", "origin")
            and not _studies(before, t)
        ]
        own = [t for t in adjectives if not (t.named and t.named.country)]
        role = _role_text(own + tokens[head:], ["adjective"] * len(own) + ["head", *complements])
        return role, countries[0] if countries else None
    return None, None
