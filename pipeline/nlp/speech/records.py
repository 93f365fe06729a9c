"""The records of reported speech: a quote (`Speech`) and a token of a sentence (`_Token`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


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


class _Token(NamedTuple):
    text: str
    start: int
    stop: int
    is_word: bool
