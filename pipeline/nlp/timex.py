"""Time expressions in Russian text, resolved to inclusive date ranges.

`find(sentence, published)` returns every calendar reference in a sentence: full and partial
dates ("4 декабря 2025 года", "в 1994-м"), ranges ("9–10 февраля", "январь-сентябрь 2025
года", "с 2023–2024 годов"), seasons and parts ("летом 2025-го", "к концу 2026 года"), and
references relative to the publication date ("в марте этого года", "на прошлой неделе").
Durations, ages, amounts and clock times are not calendar references and are not returned.

A day or month written without a year takes the year that puts it nearest to publication,
among those the sentence's tense allows ("в мае побывал" is the May before). Without a
publication date such a reference keeps null dates and granularity `unresolved`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.nlp.models import morph
from pipeline.nlp.time_patterns import (
    DAYS_BACK,
    DECADE_PARTS,
    GATE_OF,
    GATES,
    MONTH_PARTS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PATTERNS,
    QUARTERS,
    REL_FORMS,
    SEASONS,
    WEEKDAYS,
    YEAR_PARTS,
    alternation,
)
from pipeline.schema import MAX_YEAR

#: The earliest year an event may name (history is welcome; publication dates start at 1800).
EARLIEST = 1000
GRANULARITIES = (
    "day",
    "days",
    "month",
    "months",
    "season",
    "year",
    "years",
    "decade",
    "unresolved",
)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    stop: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str


Span = tuple[dt.date, dt.date]


def _month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> Span:
    """Months `first`..`last` of `year`; a `last` before `first` runs into the next year."""
    end_year = year + 1 if last < first else year
    return _month_span(year, first)[0], _month_span(end_year, last)[1]


def _years(first: int, last: int) -> Span:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _season(year: int, name: str) -> Span:
    """Winter of 2025 is December 2024 to February 2025."""
    first, last = SEASONS[name[:3]]
    return _months(year - 1 if first > last else year, first, last)


def tense(sentence: str) -> str | None:
    """'past' or 'futr' when every finite verb of the sentence has that tense, else None."""
    found = set()
    for word in re.findall(r"[а-яё]+", sentence.lower()):
        tag = morph()(word)[0].tag
        if tag.POS == "VERB" and tag.tense:
            found.add(tag.tense)
    return found.pop() if len(found) == 1 and found <= {"past", "futr"} else None


def _nearest(spans: list[Span], published: dt.date, when: str | None) -> Span:
    """The span nearest to `published` among those the sentence's tense allows (all of them
    when it allows none)."""
    allowed = [
        s
        for s in spans
        if (when != "past" or s[0] <= published) and (when != "futr" or s[1] >= published)
    ] or spans

    def distance(span: Span) -> int:
        start, end = span
        if start <= published <= end:
            return 0
        return min(abs((start - published).days), abs((end - published).days))

    return min(allowed, key=distance)


def _around(make: Callable[[int], Span], published: dt.date) -> list[Span]:
    """`make` of last, this and next year; a year where it does not exist (29 February) is
    left out."""
    spans = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            spans.append(make(year))
        except ValueError:
            continue
    return spans


def _shift_month(published: dt.date, months: int) -> Span:
    index = published.year * 12 + published.month - 1 + months
    return _month_span(index // 12, index % 12 + 1)


def _rel(word: str) -> int:
    lower = word.lower()
    return next(
        v
        for stem, v in sorted(REL_FORMS.items(), key=lambda kv: -len(kv[0]))
        if lower.startswith(stem)
    )


def _year(groups: dict[str, str | None], published: dt.date | None) -> int | None:
    """The year a YREF names: written, relative to publication, or None when absent or
    unresolvable (the caller then treats the year as missing or unresolved)."""
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("rel"):
        return None if published is None else published.year + _rel(groups["rel"])
    if groups.get("bare"):
        return None if published is None else published.year
    return None


def _two_digit(value: str) -> int:
    year = int(value)
    return year if len(value) == 4 else (2000 + year if year < 30 else 1900 + year)


class _Unresolved(Exception):
    """The reference is relative and the article has no publication date."""


def _resolve(kind: str, g: dict, published: dt.date | None, when: Callable[[], str | None]):
    """(date_start, date_end, granularity) for one match; raises ValueError if impossible."""
    if kind == "weekday" and not (g.get("prep") or g.get("next")):
        raise ValueError("a bare weekday name is not a reference")
    has_year = bool(g.get("y") or g.get("rel") or g.get("bare"))
    year = _year(g, published)
    if has_year and year is None:
        raise _Unresolved
    if kind == "year_part" and year is None:  # "в третьем квартале": of the publication year
        if published is None:
            raise _Unresolved
        year = published.year

    def anchored(make: Callable[[int], Span]) -> Span:
        if year is not None:
            return make(year)
        if published is None:
            raise _Unresolved
        return _nearest(_around(make, published), published, when())

    month = MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    if kind == "day_range":
        d1, d2 = int(g["d1"]), int(g["d2"])
        if d2 <= d1:
            raise ValueError("a range must run forward")
        return (*anchored(lambda y: (dt.date(y, month, d1), dt.date(y, month, d2))), "days")
    if kind == "numeric_range":
        d1, d2, m = int(g["d1"]), int(g["d2"]), int(g["m"])
        if d2 <= d1:
            raise ValueError("a range must run forward")
        year = _two_digit(g["y"]) if g.get("y") else None
        return (*anchored(lambda y: (dt.date(y, m, d1), dt.date(y, m, d2))), "days")
    if kind in ("numeric", "iso"):
        day = dt.date(_two_digit(g["y"]), int(g["m"]), int(g["d"]))
        return day, day, "day"
    if kind == "day":
        d = int(g["d"]) if g.get("d") else _ordinal(g)
        return (*anchored(lambda y: (dt.date(y, month, d),) * 2), "day")
    if kind == "day_month_range":
        d1, d2, last = int(g["d1"]), int(g["d2"]), MONTHS[g["mon2"].lower()]
        back = 1 if last < month else 0  # "28 декабря - 3 января 2025": December of 2024
        return (*anchored(lambda y: (dt.date(y - back, month, d1), dt.date(y, last, d2))), "days")
    if kind == "month_range":
        last = MONTHS[g["mon2"].lower()]
        if last == month:
            raise ValueError("a range of one month")
        return (*anchored(lambda y: _months(y, month, last)), "months")
    if kind == "month_part":
        lo, hi = MONTH_PARTS[_part_stem(g["part"])]

        def part(y: int) -> Span:
            end = calendar.monthrange(y, month)[1]
            return dt.date(y, month, lo), dt.date(y, month, min(hi, end))

        return (*anchored(part), "days")
    if kind in ("month", "bare_month"):
        return (*anchored(lambda y: _month_span(y, month)), "month")
    if kind == "year_part":
        if g.get("quarter"):
            q = QUARTERS[g["quarter"].lower()[:4].replace("ё", "е")]
            first, last = 3 * q - 2, 3 * q
        else:
            first, last = YEAR_PARTS[_part_stem(g["part"])]
        return (*anchored(lambda y: _months(y, first, last)), "months")
    if kind == "season":
        return (*anchored(lambda y: _season(y, g["season"].lower())), "season")
    if kind == "season_rel":
        if published is None:
            raise _Unresolved
        return (*_season_rel(g["season"].lower(), _rel(g["rel"]), published), "season")
    if kind in ("year_range", "year_range_bare"):
        first, last = int(g["y"]), int(g["y2"])
        if last < 100:
            last += first // 100 * 100
        if not first < last <= first + 100:
            raise ValueError("not a range of years")
        return (*_years(first, last), "years")
    if kind == "decade_part":
        first, last = DECADE_PARTS[_part_stem(g["part"])]
        return (*_years(int(g["dec"]) + first, int(g["dec"]) + last), "years")
    if kind == "decade":
        value = g["dec"]
        first = int(value) if len(value) == 4 else (2000 if value == "00" else 1900 + int(value))
        if g.get("century"):
            first = (_century(g["century"]) - 1) * 100 + int(value)
        return (*_years(first, first + 9), "decade")
    if kind in ("year", "bare_year", "rel_year"):
        return (*_years(year, year), "year")
    if published is None:
        raise _Unresolved
    return _relative(kind, g, published, when)


def _ordinal(g: dict) -> int:
    """'двадцать четвертого' -> 24."""
    stem = g["ord"].lower()
    value = next(v for o, v in ORDINALS.items() if re.fullmatch(o, stem))
    tens = (g.get("tens") or "").lower()
    return value + (20 if tens == "двадцать" else 30 if tens == "тридцать" else 0)


def _century(value: str) -> int:
    """'XIX' or '19' -> 19."""
    if value.isdigit():
        return int(value)
    digits = [{"i": 1, "v": 5, "x": 10}[c] for c in value.lower()]
    return sum(-d if d < after else d for d, after in zip(digits, [*digits[1:], 0], strict=True))


def _part_stem(part: str) -> str:
    lower = part.lower()
    return next(stem for stem in YEAR_PARTS if lower.startswith(stem))


def _season_rel(name: str, offset: int, published: dt.date) -> Span:
    """'этим летом' is this year's summer; 'прошлым летом' the last one over before
    publication; 'следующим летом' the first one to start after it."""
    current = _season(published.year, name)
    if published.month == 12 and name.startswith("зим"):
        current = _season(published.year + 1, name)
    if offset < 0:
        return current if current[1] < published else _season(current[1].year - 1, name)
    if offset > 0:
        return current if current[0] > published else _season(current[1].year + 1, name)
    return current


def _relative(kind: str, g: dict, published: dt.date, when: Callable[[], str | None]):
    if kind == "rel_month":
        return (*_shift_month(published, _rel(g["rel"])), "month")
    if kind == "rel_quarter":
        first = published.replace(month=(published.month - 1) // 3 * 3 + 1)
        start = _shift_month(first, 3 * _rel(g["rel"]))[0]
        return start, _shift_month(start, 2)[1], "months"
    if kind == "rel_week":
        monday = published - dt.timedelta(days=published.weekday(), weeks=-_rel(g["rel"]))
        return monday, monday + dt.timedelta(days=6), "days"
    if kind == "rel_day":
        day = published + dt.timedelta(days=DAYS_BACK[g["word"].lower()])
        return day, day, "day"
    if kind == "ago":
        n = int(g["n"]) if (g["n"] or "").isdigit() else NUMBERS.get((g["n"] or "").lower(), 1)
        unit = g["unit"].lower()
        if unit.startswith(("год", "лет")):
            return (*_years(published.year - n, published.year - n), "year")
        if unit.startswith("месяц"):
            return (*_shift_month(published, -n), "month")
        day = published - dt.timedelta(days=n * (7 if unit.startswith("недел") else 1))
        return day, day, "day"
    # a weekday: the next or last one when qualified, else the nearest the tense allows
    this_week = published + dt.timedelta(days=WEEKDAYS[g["wd"].lower()] - published.weekday())
    days = [this_week + dt.timedelta(weeks=k) for k in (-1, 0, 1)]
    if g.get("next"):
        ahead = g["next"].lower() == "следующ"
        day = (
            min(d for d in days if d > published)
            if ahead
            else max(d for d in days if d < published)
        )
    else:
        day, _ = _nearest([(d, d) for d in days], published, when())
    return day, day, "day"


_DASH = re.compile(r"\s*[-–—]\s*")
#: Days or months further apart than this are two references, not one range.
_MAX_GAP = dt.timedelta(days=366)
_RANGES = {
    "day": "days",
    "days": "days",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}


_WEEKDAY_TEXT = re.compile(rf"(?:[вВ]о?\s+)?(?:{alternation(list(WEEKDAYS))})", re.IGNORECASE)


def _joined(sentence: str, last: Timex, timex: Timex) -> Timex | None:
    """One reference for two adjacent ones, or None when they are two."""
    between = sentence[last.stop : timex.start]
    if re.fullmatch(r",\s*", between):  # "в среду, 29 апреля 2020 года", "25 июля, в четверг"
        weekday, date = (last, timex) if _WEEKDAY_TEXT.fullmatch(last.text) else (timex, last)
        if _WEEKDAY_TEXT.fullmatch(weekday.text) and date.granularity in ("day", "unresolved"):
            return Timex(
                last.start,
                timex.stop,
                sentence[last.start : timex.stop],
                date.date_start,
                date.date_end,
                date.granularity,
            )
        return None
    if last.date_start is None or timex.date_start is None:
        return None
    if not (
        _DASH.fullmatch(between)
        or between.isspace()
        and last.text.lower().startswith(("с ", "со "))
        and timex.text.lower().startswith("по ")
    ):
        return None
    grain = _RANGES.get(last.granularity)
    if grain is None or grain != _RANGES.get(timex.granularity):
        return None
    gap = timex.date_start - last.date_end
    if gap.days <= 0 or grain != "years" and gap >= _MAX_GAP:
        return None
    return Timex(
        last.start,
        timex.stop,
        sentence[last.start : timex.stop],
        last.date_start,
        timex.date_end,
        grain,
    )


def _join_ranges(sentence: str, found: list[Timex]) -> list[Timex]:
    """Adjacent references that name one time become one: a range ('8 авг - 12 авг',
    'с марта по май') or a weekday with its date ('в среду, 29 апреля')."""
    joined: list[Timex] = []
    for timex in found:
        merged = _joined(sentence, joined[-1], timex) if joined else None
        if merged is None:
            joined.append(timex)
        else:
            joined[-1] = merged
    return joined


def find(sentence: str, published: dt.date | None) -> list[Timex]:
    """Every calendar reference in `sentence`, left to right, resolved against `published`."""
    lower = sentence.lower()
    if len(lower) != len(sentence):  # 'İ' lower-cases to two characters: keep offsets aligned
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
    gates: dict[str, bool] = {}
    candidates = []
    for order, (kind, pattern) in enumerate(PATTERNS):
        gate = GATE_OF.get(kind, "digit")
        if gate not in gates:
            gates[gate] = GATES[gate].search(lower) is not None
        if gates[gate]:
            candidates += [(m.start(), -m.end(), order, kind, m) for m in pattern.finditer(lower)]
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[:3])
    cached: list[str | None] = []

    def when() -> str | None:
        if not cached:
            cached.append(tense(sentence))
        return cached[0]

    found: list[Timex] = []
    taken = 0
    for start, neg_end, _, kind, match in candidates:
        if start < taken:
            continue
        try:
            date_start, date_end, grain = _resolve(kind, match.groupdict(), published, when)
        except _Unresolved:
            date_start = date_end = None
            grain = "unresolved"
        except (ValueError, KeyError, StopIteration):
            continue
        if date_start is not None and not (
            date_start.year >= EARLIEST and date_end.year <= MAX_YEAR
        ):
            continue
        text = sentence[start:-neg_end].rstrip(" ,")
        found.append(Timex(start, start + len(text), text, date_start, date_end, grain))
        taken = -neg_end
    return _join_ranges(sentence, found)
