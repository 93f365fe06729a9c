"""Quotes inside other quotes: a quote whose cue lies in another's content is part of it,
unless it is the speaker's own view in a sentence of its own, has a plain shape of its own,
and is not supposed ('если ...')."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from pipeline.nlp.models import morph
from pipeline.nlp.speech.marks import _DASH
from pipeline.nlp.speech.records import Speech, _Token
from pipeline.nlp.speech.shapes import _CONDITIONS
from pipeline.nlp.speech.words import _LETTERS, _pos


def _part_of(text: str, quote: Speech, other: Speech, starts: Sequence[int]) -> bool:
    """Whether `quote` is part of `other` rather than a quote of its own: its cue is in the
    other's content, in the sentence of the other's cue ('«Мы за бедных!» — напомнил эксперт',
    'X подтверждает, что ..., заявил Y'), or another shape the speaker tells of (`_own_view`,
    `_plain`). The speaker's own statement or view in another sentence of a quotation or an
    interview answer ('— ... Я думаю, что ...', '«... Мы считаем, что ...», — сказал X') is a
    quote of its own, as the annotation convention (ADAQ's) tags it: a sentence has the quotes
    whose cues it holds."""
    if not _contains_cue(other, quote) or _outer(quote, other):
        return False
    sentence = bisect_right(starts, quote.cue_start)
    if not _own_view(text, quote) or not _plain(
        text, starts[sentence - 1] if sentence else 0, quote
    ):
        return True
    return other.kind != "interview" and sentence == bisect_right(starts, other.cue_start)


#: The pronouns of the first person in the nominative: the subject of one's own statement.
_SPEAKER_PRONOUNS = frozenset({"я", "мы"})


def _own_view(text: str, quote: Speech) -> bool:
    """Whether a quote inside another's words is the speaker's own statement or view, its
    source a first-person pronoun ('Я думаю, что ...', 'Мы считаем, что ...'): a third-person
    one there is mostly a story the speaker tells, loosely worded ('факты говорят сами за
    себя: ...', 'разрыв говорит о том, что ...')."""
    if quote.source_start is None:
        return False
    return text[quote.source_start : quote.source_stop].lower() in _SPEAKER_PRONOUNS


#: Between a clause and the cue after it, inside someone's words: a dash ('..., — добавил он').
_DASH_BEFORE_CUE = re.compile(rf"^[»\"]?\s*,?\s*{_DASH}\s*$")


def _plain(text: str, sentence_start: int, quote: Speech) -> bool:
    """Whether a quote inside another's words has a plain shape of its own, held within its
    sentence: not supposed speech (`_hypothetical`), not a gerund ('честно говоря'), not
    content from a sentence before ('Полагаю, что они думали об этом'), and a clause before
    its cue only across a dash ('..., — добавил он'; not '..., о чём я говорю')."""
    if quote.start < sentence_start or _hypothetical(text, sentence_start, quote):
        return False
    if _pos(_Token(text[quote.cue_start : quote.cue_stop], 0, 0, True)) == "GRND":
        return False
    return quote.stop > quote.cue_start or bool(
        _DASH_BEFORE_CUE.match(text[quote.stop : quote.cue_start])
    )


def _hypothetical(text: str, sentence_start: int, quote: Speech) -> bool:
    """Whether a quote inside another's words is supposed speech, not reported: its cue in the
    future ('я напомню, что', 'они скажут: «...»') or in a condition ('если лидеры думают,
    что ...'), within the clause before the cue."""
    verbs = [p for p in morph()(text[quote.cue_start : quote.cue_stop].lower()) if p.tag.tense]
    if verbs and all(p.tag.tense == "futr" for p in verbs):  # 'считаем' is read as 'счесть' too
        return True
    clause = re.split(r"[,;:«»\"—–]", text[sentence_start : quote.cue_start])[-1]
    return not _CONDITIONS.isdisjoint(w.lower() for w in _LETTERS.findall(clause))


def _contains_cue(outer: Speech, inner: Speech) -> bool:
    return outer.start <= inner.cue_start and inner.cue_stop <= outer.stop


def _outer(quote: Speech, other: Speech) -> bool:
    """Whether `quote`, whose cue is in the content of `other`, is still the outer one: it
    holds the other's cue too and starts first ('X подтверждает, что ..., заявил Y': the
    clause after 'подтверждает' runs on over 'заявил Y', which reports all before it)."""
    return _contains_cue(quote, other) and quote.start < other.start
