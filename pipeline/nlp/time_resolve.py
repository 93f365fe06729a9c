"""Resolution of one matched time expression to an inclusive range of days.

`resolve(kind, groups, published, when)` turns the named groups of a pattern of
`time_patterns.PATTERNS` into (first day, last day, granularity). Written years are used as they
stand; a day or month without a year takes the year that puts it nearest to publication among
those the sentence's tense allows (`when`); references relative to publication ("вчера", "на
прошлой неделе", "три месяца назад", "в прошлый вторник") are counted from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.time_patterns import (
    DAYS_BACK,
    DECADE_PARTS,
    MONTH_PARTS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    QUARTERS,
    REL_FORMS,
    SEASONS,
    UNIT_SINGULAR,
    WEEKDAYS,
    YEAR_PARTS,
)
from pipeline.runtime.choice import sole

Span = tuple[dt.date, dt.date]
#: The sentence's tense, computed only when a resolution needs it (see `tense`).
When = Callable[[], str | None]
#: Kinds whose year, when not written, is chosen by `_nearest`; a year written later in the
#: sentence may be lent to them (`timex`).
YEARLESS = frozenset(
    {
        "day",
        "day_range",
        "day_month_range",
        "month_range",
        "month_part",
        "month",
        "bare_month",
        "lone_month",
        "numeric_range",
        "numeric_dm",
    }
)
#: Groups that carry a year: written, relative ("прошлого года"), bare ("года") or current
#: ("с.г.").
YEAR_GROUPS = ("y", "rel", "bare", "cur")


class Unresolved(Exception):
    """The reference is relative and the article has no publication date."""


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
    """The tense of every finite verb of the sentence when they agree ('past', 'pres' or
    'futr'), '' when it has none, None when they differ. A word counts when its first reading
    is a verb. In a sentence without one, a short passive participle that cannot read as a
    short adjective ("задержан", not "открыта" or "намерены") makes it 'perf': a state
    resulting from a past event. A full participle tells nothing: its tense is its own event's
    ("митинга 18 февраля, анонсированного в начале месяца")."""
    verbs, states = set(), set()
    for word in re.findall(r"[а-яё]+", sentence.lower()):
        found = _word_tense(word)
        if found is not None:
            (verbs if found[0] else states).add(found[1])
    if not verbs:
        return "perf" if states == {"past"} else ""
    return sole(verbs)


@lru_cache(maxsize=CACHE_SIZE)
def _word_tense(word: str) -> tuple[bool, str] | None:
    """What a lower-case word tells `tense`: (True, its tense) for a finite verb, (False, its
    tense) for a short passive participle that cannot read as a short adjective, else None.
    Cached, as pymorphy2 works each tag's part of speech and tense out anew when asked."""
    parses = morph()(word)
    tag = parses[0].tag
    if tag.POS == "VERB" and tag.tense:
        return True, str(tag.tense)
    if tag.POS == "PRTS" and tag.tense and all(p.tag.POS != "ADJS" for p in parses):
        return False, str(tag.tense)
    return None


def _nearest(spans: list[Span], published: dt.date, when: str | None) -> Span:
    """The span nearest to `published` among those the sentence's tense allows (all of them
    when it allows none, as in a sentence without a verb: a dateline, a list, a caption)."""
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


def _month_index(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) `months` months after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _shift_month(published: dt.date, months: int) -> Span:
    return _month_span(*_month_index(published, months))


def _shift_day(day: dt.date, months: int) -> dt.date:
    """The same day `months` months away (the month's last day where it is shorter)."""
    year, month = _month_index(day, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
    if published is None:
        return None
    if groups.get("rel"):
        return published.year + _rel(groups["rel"])
    if groups.get("bare") or groups.get("cur"):
        return published.year
    return None


def _two_digit(value: str) -> int:
    year = int(value)
    return year if len(value) == 4 else (2000 + year if year < 30 else 1900 + year)


def count(groups: dict) -> int | None:
    """The count of a 'N units' phrase: digits or number words ("двадцать пять")."""
    value = groups.get("n")
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return sum(NUMBERS[word] for word in value.lower().split())


def resolve(kind: str, g: dict, published: dt.date | None, when: When):
    """(date_start, date_end, granularity) for one match; raises ValueError when the match is
    no calendar reference and `Unresolved` when it needs a publication date it lacks."""
    _check_relative(kind, g, when)
    has_year = any(g.get(name) for name in YEAR_GROUPS)
    year = _year(g, published)
    if has_year and year is None:
        raise Unresolved
    if kind == "year_part" and year is None:  # "в третьем квартале": of the publication year
        if published is None:
            raise Unresolved
        year = published.year

    def anchored(make: Callable[[int], Span]) -> Span:
        if year is not None:
            return make(year)
        if published is None:
            raise Unresolved
        return _nearest(_around(make, published), published, when())

    month = MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    if kind == "day_range":
        d1, d2 = int(g["d1"]), int(g["d2"])
        if d2 <= d1:
            raise ValueError("a range must run forward")
        return (*anchored(lambda y: (dt.date(y, month, d1), dt.date(y, month, d2))), "days")
    if kind == "numeric_range":
        return (*anchored(_numeric_range(g, year)), "days")
    if kind in ("numeric", "iso"):
        day = dt.date(_two_digit(g["y"]), int(g["m"]), int(g["d"]))
        return day, day, "day"
    if kind == "numeric_dm":
        d, m = int(g["d"]), int(g["m"])
        return (*anchored(lambda y: (dt.date(y, m, d),) * 2), "day")
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
        span = anchored(lambda y: _month_part(y, month, g["part"]))
        return _from_start_or_to_end(g, span, published, "days")
    if kind in ("month", "bare_month", "lone_month"):
        return (*anchored(lambda y: _month_span(y, month)), "month")
    if kind == "year_part":
        first, last = _year_part(g)
        return _from_start_or_to_end(g, _months(year, first, last), published, "months")
    if kind in ("season", "bare_season"):
        return (*anchored(lambda y: _season(y, g["season"].lower())), "season")
    if kind == "season_rel":
        if published is None:
            raise Unresolved
        return (*_season_rel(g["season"].lower(), _rel(g["rel"]), published, when), "season")
    if kind == "year_alone" and not g.get("y2"):
        return (*_years(year, year), "year")
    if kind in ("year_range", "year_range_bare", "year_alone"):
        first, last = int(g["y"]), int(g["y2"])
        if last < 100:
            last += first // 100 * 100
        if not first < last <= first + 100:
            raise ValueError("not a range of years")
        return (*_years(first, last), "years")
    if kind == "decade_part":
        first, last = DECADE_PARTS[_part_stem(g["part"])]
        decade = _decade(g, published)
        return (*_years(decade + first, decade + last), "years")
    if kind == "decade":
        first = _decade(g, published)
        return (*_years(first, first + 9), "decade")
    if kind in ("year", "bare_year", "rel_year"):
        return (*_years(year, year), "year")
    if kind == "first_periods":
        return _first_periods(g, year, published)
    if published is None:
        raise Unresolved
    return _relative(kind, g, published, when)


def _check_relative(kind: str, g: dict, when: When) -> None:
    """Raise ValueError for a span from publication that names no date, with or without a
    publication date: a plural unit with no count ("несколько лет назад", "300 млн лет назад")
    is vague. ("через неделю" in a past-tense clause is left out by `timex`.)"""
    if kind in ("ago", "ahead") and count(g) is None and g["unit"].lower() not in UNIT_SINGULAR:
        raise ValueError("a vague span")


def _numeric_range(g: dict, year: int | None) -> Callable[[int], Span]:
    """'14.10. - 15.10.', '14. - 15.10', '28.09-03.10.2018': the first end may omit its month
    and the year belongs to the last end."""
    d1, d2, last = int(g["d1"]), int(g["d2"]), int(g["m"])
    first = int(g["m1"]) if g.get("m1") else last
    if (first, d1) >= (last, d2) and first <= last:
        raise ValueError("a range must run forward")
    if g.get("y"):
        year = _two_digit(g["y"])
    back = 1 if first > last else 0

    def make(y: int) -> Span:
        return dt.date(y - back, first, d1), dt.date(y, last, d2)

    return (lambda _: make(year)) if year is not None else make


def _month_part(year: int, month: int, part: str) -> Span:
    lo, hi = MONTH_PARTS[_part_stem(part)]
    end = calendar.monthrange(year, month)[1]
    return dt.date(year, month, lo), dt.date(year, month, min(hi, end))


def _year_part(g: dict) -> tuple[int, int]:
    """First and last month of a part of a year or of a run of quarters."""
    if not g.get("quarter"):
        return YEAR_PARTS[_part_stem(g["part"])]
    first = _quarter(g["quarter"])
    last = _quarter(g["quarter2"]) if g.get("quarter2") else first
    if last < first:
        raise ValueError("quarters must run forward")
    return 3 * first - 2, 3 * last


def _quarter(word: str) -> int:
    lower = word.lower().replace("ё", "е")
    return QUARTERS[lower] if lower in QUARTERS else QUARTERS[lower[:4]]


def _from_start_or_to_end(g: dict, span: Span, published: dt.date | None, grain: str):
    """'с начала года' runs from the period's first day to publication; 'до конца мая' from
    publication to the period's last day, when the period has begun or is still to end."""
    prep = " ".join((g.get("prep") or "").lower().split())
    part = (g.get("part") or "").lower()
    if published is None:
        return *span, grain
    if part.startswith("начал") and prep in ("с", "со", "начиная с") and span[0] <= published:
        return span[0], published, "days"
    if part.startswith("кон") and prep == "до" and span[1] >= published:
        return published, span[1], "days"
    return *span, grain


def _first_periods(g: dict, year: int | None, published: dt.date | None):
    """'по итогам восьми месяцев', 'за девять месяцев 2017 года': January to the end of the
    N-th month or quarter; without a year, the last such period over by publication."""
    months = count(g) * (3 if g["per"].lower().startswith("квартал") else 1)
    if not 1 <= months <= 11:
        raise ValueError("not a part of a year")
    prep = g["prep"].split()[0].lower()
    if year is None:
        if prep != "по" and not g.get("first"):
            raise ValueError("'за N месяцев' alone is a duration")
        if published is None:
            raise Unresolved
        year = published.year if _month_span(published.year, months)[1] < published else None
        year = year or published.year - 1
    return dt.date(year, 1, 1), _month_span(year, months)[1], "months"


def _decade(g: dict, published: dt.date | None) -> int:
    """The first year of a decade: "1990-х"; "90-х" of the century written or relative to
    publication ("60-х годов XIX века", "прошлого века"), else of the 1900s ("00-х": 2000s)."""
    value = g["dec"]
    if len(value) == 4:
        return int(value)
    if g.get("century"):
        return (_century(g["century"]) - 1) * 100 + int(value)
    if g.get("crel"):
        if published is None:
            raise Unresolved
        return (published.year // 100 + _rel(g["crel"])) * 100 + int(value)
    return 2000 if value == "00" else 1900 + int(value)


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


def _season_rel(name: str, offset: int, published: dt.date, when: When) -> Span:
    """'прошлым летом' is the last summer over before publication, 'следующим летом' the first
    to start after it; 'этим летом' the one nearest publication that the tense allows ('этой
    зимой посетит' in November is the coming winter, 'этой весной прошли' in September the
    spring just gone)."""
    if offset == 0:
        return _nearest(_around(lambda y: _season(y, name), published), published, when())
    current = _season(published.year, name)
    if published.month == 12 and name.startswith("зим"):
        current = _season(published.year + 1, name)
    if offset < 0:
        return current if current[1] < published else _season(current[1].year - 1, name)
    return current if current[0] > published else _season(current[1].year + 1, name)


def _relative(kind: str, g: dict, published: dt.date, when: When):
    if kind == "rel_month":
        return (*_shift_month(published, _rel(g["rel"])), "month")
    if kind == "rel_month_part":
        year, month = _month_index(published, _rel(g["rel"]) if g.get("rel") else 0)
        return _from_start_or_to_end(g, _month_part(year, month, g["part"]), published, "days")
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
    if kind == "rel_year_adj":  # "прошлогодний", "позапрошлогодний"
        year = published.year - (2 if g["rel"].lower().startswith("поза") else 1)
        return (*_years(year, year), "year")
    if kind in ("ago", "ahead"):
        return _units_away(g, -1 if kind == "ago" else 1, published)
    return (*_weekday(g, published, when), "day")


def _units_away(g: dict, sign: int, published: dt.date):
    """'три месяца назад', 'через неделю': the day that many units from publication (the
    month, for years, as Duckling reads "два года назад"). What is no date was left out by
    `_check_relative`."""
    n = sign * (count(g) or 1)
    unit = g["unit"].lower()
    if unit.startswith(("год", "лет")):
        return (*_shift_month(published, 12 * n), "month")
    if unit.startswith("месяц"):
        day = _shift_day(published, n)
    else:
        day = published + dt.timedelta(days=n * (7 if unit.startswith("недел") else 1))
    return day, day, "day"


def _weekday(g: dict, published: dt.date, when: When) -> Span:
    """The day a weekday names: the next or last one when qualified ('в следующую среду', 'в
    прошлый вторник', 'в ближайший четверг'), else ('в понедельник', 'в эту пятницу') the
    nearest the tense allows."""
    this_week = published + dt.timedelta(days=WEEKDAYS[g["wd"].lower()] - published.weekday())
    days = [this_week + dt.timedelta(weeks=k) for k in (-1, 0, 1)]
    qualifier = (g.get("next") or "").lower()
    if qualifier.startswith("след"):
        day = min(d for d in days if d > published)
    elif qualifier.startswith(("прошл", "минувш", "прошедш")):
        day = max(d for d in days if d < published)
    elif qualifier.startswith("ближайш"):
        day = min(d for d in days if d >= published)
    else:  # bare or "этот": the one nearest publication, before or after by the tense
        day, _ = _nearest([(d, d) for d in days], published, when())
    return day, day
