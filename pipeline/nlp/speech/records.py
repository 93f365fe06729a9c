"""The records of reported speech: a quote (`Speech`) and a token of a sentence (`_Token`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Speech:
    """One quote in a text: its `kind` (direct, indirect or interview), the content
    text[start:stop], the cue text[cue_start:cue_stop] and, when written beside it, the source
    text[source_start:source_stop]. A pointer to a statement a quote before holds ('Об этом
    заявил X') has no content: start == stop."""

    kind: str
    start: int
    stop: int
    cue_start: int
    cue_stop: int
    source_start: int | None = None
    source_stop: int | None = None

    def cue_spans(self) -> list[tuple[int, int]]:
        """The cue as the annotation convention tags it, a token having one tag: the cue less
        the source written in it ('По его словам': 'По', 'словам'; a speaker label, the cue
        and the source of an interview answer, is the source only)."""
        start, stop = self.source_start, self.source_stop
        if start is None or stop is None:
            return [(self.cue_start, self.cue_stop)]
        pieces = [
            (self.cue_start, min(self.cue_stop, start)),
            (max(self.cue_start, stop), self.cue_stop),
        ]
        return [(a, b) for a, b in pieces if a < b]

    def content_spans(self, text: str) -> list[tuple[int, int]]:
        """The content as the annotation convention tags it, a token having one tag: the
        content less the cue and source written inside it and the commas and dashes that set
        them off ('Такие действия, отметил он, не соответствуют ...': 'Такие действия', 'не
        соответствуют ...'), as an aside 'по словам X' or a parenthetical cue splits what was
        said in two; the content as it is when they stand outside it."""
        inside = [
            (a, b)
            for a, b in ((self.cue_start, self.cue_stop), (self.source_start, self.source_stop))
            if a is not None and b is not None and self.start <= a and b <= self.stop
        ]
        if not inside:
            return [(self.start, self.stop)]
        gap = (min(a for a, _ in inside), max(b for _, b in inside))
        pieces = [_stripped(text, self.start, gap[0]), _stripped(text, gap[1], self.stop)]
        return [(a, b) for a, b in pieces if a < b]


#: What sets an aside off inside what was said: spaces, commas, dashes.
_SETTING_OFF = " ,\u2014\u2013-\xa0"


def _stripped(text: str, start: int, stop: int) -> tuple[int, int]:
    """text[start:stop] without the spaces, commas and dashes at either end."""
    while start < stop and text[start] in _SETTING_OFF:
        start += 1
    while stop > start and text[stop - 1] in _SETTING_OFF:
        stop -= 1
    return start, stop


class _Token(NamedTuple):
    text: str
    start: int
    stop: int
    is_word: bool
