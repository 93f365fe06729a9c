"""Reported speech that word order cannot reach, by natasha's syntax parse: the subject of a
cue verb that has none before it, 'Об этом заявил X' pointing to the sentence before, 'Такое
заявление сделал X'. Only sentences short enough (`SYNTAX_TOKENS`) and holding a cue are
parsed, as the parse costs most."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from pipeline.nlp.cues import cue_nouns
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import morph
from pipeline.nlp.speech.marks import _is_question, _span, _trimmed, _words
from pipeline.nlp.speech.records import Speech, _Token
from pipeline.nlp.speech.shapes import (
    _quotation_ends,
    _source_following,
    _subject,
    _supposed,
    _with_apposition,
)
from pipeline.nlp.speech.sources import _QUOTES, _aside, _can_be, _nominative
from pipeline.nlp.speech.words import (
    _case,
    _head_case,
    _is_cue_verb,
    _is_impersonal,
    _lemma,
    _nominal,
    _parse,
    _pos,
)

#: The longest sentence (in tokens) given to the syntax parser: its cost grows with the square
#: of a sentence's length, and a longer 'sentence' is mostly a list or a table.
SYNTAX_TOKENS = 60

#: The marks that may end a source's name: its closing quotation mark or bracket.
_CLOSING = _QUOTES | {")"}


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
    """'об этом', not 'об этом ролике' nor 'об этом захватывающем ... периоде' (a demonstrative
    before its noun, or before the adjective or participle of its noun) nor 'о том, что ...'."""
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
        after.text[:1].islower()
        and _pos(after) in ("NOUN", "ADJF", "PRTF")
        and _case(after) == "loct"
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


def _holds(text: str, said: Speech, sentence: tuple[int, int]) -> bool:
    """Whether a quote's content overlaps the sentence and names its source or has a verb for
    its cue: a noun of statement's without a source ('Поступают также сообщения, что ...')
    leaves the sentence to a pointer after it that names who said it ('Об этом ранее заявил
    X'), whose quote then holds it."""
    if not (said.start < sentence[1] and sentence[0] < said.stop):
        return False
    cue = text[said.cue_start : said.cue_stop]
    return said.source_start is not None or " " in cue or _lemma(cue) not in cue_nouns()


def _not_a_statement(text: str, content: tuple[int, int]) -> bool:
    """Whether what a pointer points at is too short or a question to be what was said."""
    return _words(text, *content) < 3 or _is_question(text, content[0], content[1] + 1)


def _pointed(
    text: str,
    tokens: list[_Token],
    start: int,
    previous: tuple[int, int] | None,
    said: list[Speech],
) -> list[Speech]:
    """'Об этом заявил X.', 'X сообщил об этом журналистам', '..., о чём заявил X': a cue whose
    object points at what was said before it. The content is the sentence before (no quote
    found in it), or, for 'о чём' after a comma, the clause before the comma. When a quote
    found in the sentence before says it already, the pointer is a record of its own without
    content (empty at its cue): who reported it, not said twice."""
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
        elif previous is None:
            continue
        elif any(_holds(text, s, previous) for s in said):
            content = (token.start, token.start)  # its statement is a quote found already
        else:
            content = _trimmed(text, *previous)
        if content[0] < content[1] and _not_a_statement(text, content):
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
    along = _along_with(tokens, i)
    if along:
        i += 1  # the noun's demonstrative after 'с': 'С таким заявлением выступил'
    readings = {p.normal_form for p in morph()(tokens[i].text.lower())}
    if i + 1 >= len(tokens) or readings.isdisjoint(_DEMONSTRATIVES):
        return None  # any reading: 'это' is first a particle
    noun = tokens[i + 1]
    case = "ablt" if along else "accs"
    return i + 1 if _lemma(noun.text) in cue_nouns() and _can_be(noun, case) else None


#: The light verb of 'выступить с заявлением': with 'с', the noun's verb must be one of these
#: ('С этим заявлением согласился X' names who agreed, not who made it).
_COMING_OUT = frozenset({"выступить", "выступать"})


#: Nouns of a request: 'выступить с обращением' asks for something, which the convention
#: leaves untagged as it does an infinitive after 'призвать' (tune3 93).
_REQUESTS = frozenset({"обращение", "призыв", "просьба", "требование", "предложение", "инициатива"})


def _along_with(tokens: list[_Token], i: int) -> bool:
    """Whether tokens[i] is the 'с' of 'С таким заявлением выступил X'."""
    return tokens[i].text.lower() in ("с", "со")


def _made_by(tokens: list[_Token], noun: int, verb: int, relation: str) -> bool:
    """Whether the verb makes the statement its noun names: its object ('Такое заявление
    сделал'), or, after 'с', the oblique of a light verb ('С таким заявлением выступил')."""
    if noun >= 2 and _along_with(tokens, noun - 2):
        coming_out = relation == "obl" and _lemma(tokens[verb].text) in _COMING_OUT
        return coming_out and _lemma(tokens[noun].text) not in _REQUESTS
    return relation == "obj"


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
    before, when no quote was found in it, else none (as `_pointed`). The cue is the verb, with
    the noun when it stands
    right before a verb that is no cue ('заявление сделали'; 'Такое заявление глава
    правительства сделала' keeps the verb)."""
    verb, relation = heads[noun]
    if verb <= noun or _pos(tokens[verb]) != "VERB" or not _made_by(tokens, noun, verb, relation):
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
        content = (tokens[verb].start, tokens[verb].start)  # a quote found already says it
    elif _not_a_statement(text, content):
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
