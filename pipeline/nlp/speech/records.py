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


class _Token(NamedTuple):
    text: str
    start: int
    stop: int
    is_word: bool
