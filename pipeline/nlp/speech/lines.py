"""Sentences cut by line breaks: a cue at the end of a line whose source opens the next one,
and ', что' after a break; the lines are read as one so the shapes find the quote."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.speech.marks import _DASH, _words
from pipeline.nlp.speech.records import Speech, _Token
from pipeline.nlp.speech.shapes import _POSSESSIVES, _in_sentence
from pipeline.nlp.speech.words import _WORD, _parse, _tokens, words_of

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
