"""What one token is, by pymorphy2's readings: its lemma, part of speech and case, whether it
is a cue verb, a stance adjective, an impersonal or plural cue, a name or a nominal word; and
the tokens of a sentence.

The lowest layer: every rule reads words through these cached readings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.nlp.cues import cue_forms, cue_verbs, stance_lemmas
from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import CACHE_SIZE, first_reading, morph
from pipeline.nlp.normalize import SURNAME_STEMS
from pipeline.nlp.speech.records import _Token

#: Words (an initial keeps its dot: 'Т.'), numbers and single marks.
_WORD = re.compile(r"[А-ЯЁA-Z]\.(?=\s?[А-ЯЁA-Z])|\w+(?:[-.]\w+)*|[^\w\s]", re.U)

_LETTERS = re.compile(r"\w+")
_NEW = tuple.__new__


def _tokens(text: str, start: int, stop: int) -> list[_Token]:
    # tuple.__new__ makes each token without the Python call of a NamedTuple's constructor
    tokens = [
        _NEW(_Token, (word, m.start(), m.end(), word[:1].isalnum()))
        for m in _WORD.finditer(text, start, stop)
        for word in (m.group(),)
    ]
    # Only a dot can be an abbreviation's: the others are not asked.
    return [t for k, t in enumerate(tokens) if t.text != "." or not _abbreviation_dot(tokens, k)]


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
        and known_abbreviation(word.text)
    )


@lru_cache(maxsize=CACHE_SIZE)
def known_abbreviation(word: str) -> bool:
    """Whether pymorphy2 reads a word as an abbreviation (`Abbr`: 'им', 'г', 'проф')."""
    return any("Abbr" in p.tag for p in morph()(word))


@lru_cache(maxsize=CACHE_SIZE)
def _parse(word: str):  # -> pymorphy2 Parse or None
    """pymorphy2's first reading of a word; None for a capitalised word the dictionary does not
    know (a foreign name: 'Маноло' is not a verb, 'Дершовиц' not a genitive)."""
    parse = first_reading(word.lower())
    if parse is None or (word[:1].isupper() and not parse.is_known):
        return None
    return parse


def _lemma(word: str) -> str:
    parse = _parse(word)
    return parse.normal_form if parse else word.lower()


@lru_cache(maxsize=CACHE_SIZE)
def _word_key(word: str) -> str:
    """`gazetteer.key` of one token, which holds no space: cached, as every token is looked up."""
    return word.lower().replace("ё", "е")


def _is_cue_verb(token: _Token) -> bool:
    """A form of a cue verb that can report: finite, a gerund or the neuter short passive
    participle ('было заявлено, что', 'как сказано в законопроекте'); not the imperative, nor
    an infinitive (what a verb of will or request governs: 'призвал подумать, что')."""
    return _is_cue_verb_form(token.text)


@lru_cache(maxsize=CACHE_SIZE)
def _is_cue_verb_form(word: str) -> bool:
    """`_is_cue_verb` of a token's text: cached, as the word-order shapes ask it of every token."""
    if _word_key(word) not in cue_forms():
        return False
    parse = _parse(word)
    return (
        parse is not None
        and (parse.tag.POS in ("VERB", "GRND") or _passive_neuter(parse))
        and "impr" not in parse.tag  # 'Читайте также:' reports nothing
        and key(parse.normal_form) in cue_verbs()
    )


def _passive_neuter(parse) -> bool:  # parse: a pymorphy2 Parse
    """The neuter singular short passive participle: 'заявлено', 'сказано', 'отмечено'."""
    return parse.tag.POS == "PRTS" and "pssv" in parse.tag and parse.tag.gender == "neut"


def _is_stance(tokens: Sequence[_Token], i: int) -> bool:
    """A short adjective of a held view before its clause: 'уверен, что', 'убеждены в том,
    что' (the mark after it is checked: 'уверен в победе' reports nothing)."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in (",", "в"):
        return False
    if not _is_stance_word(tokens[i]):
        return False
    after = [t.text.lower() for t in tokens[i + 1 : i + 5]]
    return after[:2] == [",", "что"] or after == ["в", "том", ",", "что"]


def _is_stance_word(token: _Token) -> bool:
    """A short adjective or participle of a held view: 'уверен', 'убеждены'."""
    parses = morph()(token.text.lower()) if _word_key(token.text) in cue_forms() else []
    return any(
        p.tag.POS in ("ADJS", "PRTS") and key(p.normal_form) in stance_lemmas() for p in parses
    )


def _is_impersonal(token: _Token) -> bool:
    """A cue with no subject of its own: the passive reflexive of a cue verb in the third
    person or the neuter past ('говорится', 'сообщалось', 'отмечается'), or the neuter short
    passive participle ('заявлено', 'сказано в законопроекте')."""
    parse = _parse(token.text)
    return parse is not None and (
        _passive_neuter(parse)
        or (
            _passive_reflexive(parse.normal_form)
            and parse.tag.POS == "VERB"
            and ("3per" in parse.tag or "neut" in parse.tag)
            and parse.tag.number != "plur"
        )
    )


def _passive_reflexive(lemma: str) -> bool:
    """A reflexive verb read as a passive ('говориться', 'сообщаться'): not a reflexive cue of
    its own, whose verb without '-ся' is no cue, and whose subject speaks ('», — жалуется X',
    'делится X', 'задаётся вопросом X': 'жаловать', 'делить', 'задавать' are no cues)."""
    lemma = key(lemma)
    if not lemma.endswith(("ся", "сь")):
        return False
    return lemma not in cue_verbs() or lemma[:-2] in cue_verbs()


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


def _is_indefinite(token: _Token) -> bool:
    """A plural cue in the third person present or in the past ('Говорят, что', 'Мне сказали,
    что'): with no subject, Russian's indefinite-personal sentence, which reports speech without
    naming who said it (the guide's "Говорят, что ..." with no source is a quote); unlike a
    first person without its pronoun ('Считаем, что'), a hedge, or a future ('скажут: ...'),
    speech supposed, not reported."""
    parse = _parse(token.text)
    return (
        _is_plural_cue(token)
        and parse.tag.person in (None, "3per")
        and parse.tag.tense in ("pres", "past")
    )


def _pos(token: _Token) -> str | None:
    return _word_pos(token.text)


@lru_cache(maxsize=CACHE_SIZE)
def _word_pos(word: str) -> str | None:
    """`_pos` of a token's text: cached, as pymorphy2 works a tag's part of speech out anew
    each time it is asked, and the rules ask it of the same words again and again."""
    parse = _parse(word)
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


def _indeclinable(parse) -> bool:  # parse: a pymorphy2 Parse
    """A noun that has one form for every case ('врио', 'радио')."""
    return parse.tag.POS == "NOUN" and "Fixd" in parse.tag


def _head_case(token: _Token) -> bool:
    """Nominative, or a capitalised word pymorphy does not know (a foreign name, a Latin word),
    not a capitalised preposition or conjunction ('Об этом'); an indeclinable noun is in every
    case, whichever it is read in first ('врио губернатора')."""
    parse = _parse(token.text)
    if parse is None:
        return token.text[:1].isupper()
    unknown = parse.tag.case is None and parse.tag.POS is None
    return (
        parse.tag.case == "nomn"
        or _indeclinable(parse)
        or (
            token.text[:1].isupper()
            and (unknown or _nominative_name(token.text) or _surname_as_plural(token.text))
        )
    )


@lru_cache(maxsize=CACHE_SIZE)
def _surname_as_plural(word: str) -> bool:
    """Whether a word with a Russian surname's ending is read only as an oblique plural of a
    first name ('Аваков': the genitive of 'Авак'): a surname the dictionary lacks, which can
    be nominative ('Аваков заявил об этом')."""
    parses = morph()(word.lower())
    return word.endswith(SURNAME_STEMS) and all(
        "Name" in p.tag and p.tag.number == "plur" and p.tag.case != "nomn" for p in parses
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


def words_of(text: str) -> list[str]:
    """The words of `text` as `cue_forms` writes them: lower case, е for ё (the words of
    `gazetteer.key(text)`, whose hyphens and spaces fall between words: not made, as the speech
    stage asks this of every sentence)."""
    return _LETTERS.findall(text.lower().replace("ё", "е"))
