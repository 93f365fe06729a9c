"""Helpers over character spans of the text: the one entity of a list of mentions, whether a
mention lies in spans, the text without spans, the phrases 'в ...' of a source and where a
source ends before a conjunction; and whether a place stands for its government."""

from __future__ import annotations

import re

from pipeline.nlp.gazetteer import key, places
from pipeline.stages.speakers.records import Mention


def _government(m: Mention) -> bool:
    """Whether a place's mention names a country or a capital (`gazetteer.places`), which may
    stand for its government."""
    place = places().get(key(m.normal))
    return place is not None and place.via in ("name", "capital")


def _country(m: Mention) -> bool:
    """Whether a place's mention names a country by its name (not a capital: 'власти Москвы'
    are the city's)."""
    place = places().get(key(m.normal))
    return place is not None and place.via == "name"


def _one(mentions: list[Mention]) -> Mention | None:
    """The first of `mentions` when they are all of one entity."""
    return mentions[0] if len({m.entity_id for m in mentions}) == 1 else None


def _within(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= mention.start and mention.stop <= b for a, b in spans)


def _without(text: str, start: int, stop: int, spans: list[tuple[int, int]]) -> str:
    """text[start:stop] without the `spans` in it."""
    out, at = [], start
    for a, b in sorted(spans):
        if a >= at:
            out.append(text[at:a])
            at = max(at, b)
    out.append(text[at:stop])
    return " ".join(" ".join(out).split())


#: A conjunction that ends a source: the next verb's ('подчеркнул он и добавил').
_LAST_CONJUNCTION = re.compile(r"(?i)\s+(?:и|а|но|или)\s*$")

#: A phrase of place: 'в' and the words after it, up to a mark, the next 'в' or its end.
_IN = re.compile(r"(?i)(?<!\w)во?\s")

#: A mark of a clause, where a phrase of place ends.
_PHRASE_END = re.compile(r"[,.;:!?()\n]|(?<!\w)[-–—]")


def _phrases(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The phrases 'в ...' of text[start:stop] that run to the next 'в', a mark of a clause or
    `stop`, in order ('В АО «Электронный паспорт»', 'во вторник', 'в Минэкономразвития')."""
    found = []
    for at in _IN.finditer(text, start, stop):
        end = _IN.search(text, at.end(), stop)
        mark = _PHRASE_END.search(text, at.end(), stop)
        hi = min(x.start() for x in (end, mark) if x) if end or mark else stop
        hi = len(text[:hi].rstrip())
        if hi > at.end():
            found.append((at.start(), hi))
    return found


def _before_conjunction(text: str, start: int, stop: int) -> int:
    """Where a source ends without a conjunction at its end. The speech rules stop a source
    before the next verb's 'и' ('подчеркнул он| и добавил') but keep one a comma follows
    ('Трамп и, сделав паузу, добавил', 'наш известный и, к сожалению, рано погибший актёр'),
    which would otherwise reach a description's antecedent search."""
    found = _LAST_CONJUNCTION.search(text, start, stop)
    return found.start() if found else stop
