"""Quotation marks and spans: where a quotation opens and closes (guillemets nest, straight
quotes by their neighbours), a span trimmed of spaces and marks, the words of a span, and
whether it asks a question."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.speech.records import _Token
from pipeline.nlp.speech.words import _LETTERS

_DASH = r"[-–—]"
#: The tokens `_DASH` matches whole: a set, as the shapes ask it of many tokens.
_DASHES = frozenset("-–—")

_TRAILING = " \t\n.,;:!?…"


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
