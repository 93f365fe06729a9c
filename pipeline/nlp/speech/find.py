"""`find_speech`: every quote of a text, by position: interview answers, then direct and
indirect speech, less the quotes that are part of another."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.speech.answers import interviews
from pipeline.nlp.speech.nesting import _part_of
from pipeline.nlp.speech.records import Speech
from pipeline.nlp.speech.sentence import reported


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
