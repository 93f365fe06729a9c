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

from pipeline.dates import MAX_YEAR
from pipeline.nlp import morph

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

_FULL_MONTHS = (
    "январь января январе январю январем январём",
    "февраль февраля феврале февралю февралем февралём",
    "март марта марте марту мартом",
    "апрель апреля апреле апрелю апрелем",
    "май мая мае маю маем",
    "июнь июня июне июню июнем",
    "июль июля июле июлю июлем",
    "август августа августе августу августом",
    "сентябрь сентября сентябре сентябрю сентябрем сентябрём",
    "октябрь октября октябре октябрю октябрем октябрём",
    "ноябрь ноября ноябре ноябрю ноябрем ноябрём",
    "декабрь декабря декабре декабрю декабрем декабрём",
)
_SHORT_MONTHS = {
    "янв": 1,
    "фев": 2,
    "февр": 2,
    "мар": 3,
    "апр": 4,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "сент": 9,
    "окт": 10,
    "ноя": 11,
    "нояб": 11,
    "дек": 12,
}
_MONTHS = {form: n for n, forms in enumerate(_FULL_MONTHS, 1) for form in forms.split()}
_MONTHS |= _SHORT_MONTHS


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_B = r"(?<![\w-])"  # a word starts here
_E = r"(?![\w-])"  # a word ends here
MONTH = rf"(?P<{{g}}>{_alternation([w for f in _FULL_MONTHS for w in f.split()])})(?!\w)"
ANY_MONTH = (
    rf"(?P<{{g}}>{_alternation([w for f in _FULL_MONTHS for w in f.split()])}"
    rf"|(?:{_alternation(list(_SHORT_MONTHS))})\.?)(?!\w)"
)
#: Relative qualifiers of a masculine noun (год, месяц) -> offset from publication.
_REL_FORMS = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "прошедш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
    "грядущ": 1,
}
_REL_STEMS = _alternation(list(_REL_FORMS))
REL_M = rf"(?P<rel>(?:{_REL_STEMS})(?:ий|ый|его|ого|ем|ом|от|им|ым)){_E}"
REL_F = rf"(?P<rel>(?:{_REL_STEMS})(?:ая|ей|ую|ой|а|у)){_E}"
YEAR_NUM = r"(?P<y>1[0-9]{3}|20[0-9]{2})"
YEAR_WORD = r"(?:года|году|годом|годе|год|г\.|г(?![\w]))"
YEARS_WORD = r"(?:годах|годов|годами|годам|годы|гг\.?|г\.г\.)"
PARTIAL = r"-(?:го|м|й)"
DECADE_WORD = r"год(?:ы|ов|ах|ами)(?![\w-])"
#: "60-е годы XIX века": the century of a two-digit decade.
CENTURY = r"(?:\s+(?P<century>[ivx]{1,5}|\d{1,2})(?:-?го)?\s+(?:века|в\.))"
#: A year, written or relative: "2025 года", "2025-го", "этого года", a bare "года" after a part.
YREF = rf"(?:{YEAR_NUM}(?:{PARTIAL}{_E}|\s*{YEAR_WORD}{_E}|(?![-\d]))|{REL_M}\s+{YEAR_WORD}{_E})"
PREP = r"(?P<prep>(?:[вВ]о?|[сС]о?|[кК]о?|[нН]а|[дД]о|[пП]о|[зЗ]а|[пП]осле|[нН]ачиная\s+с)\s+)"
#: Stems of ordinal day numbers ('пятнадцатого', 'двадцать четвертое') -> their value.
_ORDINALS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв[её]рт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "двадцат": 20,
    "тридцат": 30,
}
ORDINAL = (
    rf"(?P<tens>двадцать|тридцать)?\s*(?P<ord>{'|'.join(_ORDINALS)})"
    r"(?:ое|ого|ье|ьего|ое|ий|ый|ьему|ому)"
)
DAY = r"(?:(?P<{g}>[0-3]?\d)(?:-?(?:го|ое|ого|е|й))?|(?P<{g}w>" + ORDINAL + "))"
_UNITS = r"(?:%|[а-яё]*(?:метр|тонн|рубл|долл|евро|человек|раз|штук|км|кг|тыс|млн|млрд|мест))"

_SEASONS = {"вес": (3, 5), "лет": (6, 8), "осе": (9, 11), "зим": (12, 2)}
SEASON = r"(?P<season>весн(?:а|ой|у|ы|е)|лет(?:о|ом|а|е)|осен(?:ь|ью|и)|зим(?:а|ой|у|ы|е))"
#: Parts of a year (first and last month) and of a month (first and last day; 31 = the end).
_YEAR_PARTS = {"начал": (1, 4), "середин": (5, 8), "кон": (9, 12), "перв": (1, 6), "втор": (7, 12)}
_DECADE_PARTS = {"начал": (0, 3), "середин": (3, 6), "кон": (7, 9), "перв": (0, 4), "втор": (5, 9)}
_MONTH_PARTS = {
    "начал": (1, 10),
    "середин": (11, 20),
    "кон": (21, 31),
    "перв": (1, 15),
    "втор": (16, 31),
}
_QUARTERS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
PART = (
    r"(?P<part>(?:начал[оаеу]|середин[аеуы]|кон(?:ец|ца|це|цу))"
    r"|(?:перв|втор)(?:ая|ой|ую)\s+половин[аеуы])"
)
QUARTER = (
    r"(?P<quarter>(?:перв|втор|трет|четв[её]рт)(?:ый|ого|ом|ий|ьего|ьем|ому|ьему))\s+квартал[аеу]?"
)
_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среда": 2,
    "среду": 2,
    "четверг": 3,
    "пятница": 4,
    "пятницу": 4,
    "суббота": 5,
    "субботу": 5,
    "воскресенье": 6,
}
_NUMBERS = {
    "один": 1,
    "одну": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
}
_DAYS_BACK = {"позавчера": -2, "вчера": -1, "завтра": 1, "послезавтра": 2}


def _m(group: str, pattern: str = MONTH) -> str:
    return pattern.replace("{g}", group)


_OPT_PREP = f"{_B}{PREP}?"
#: (kind, pattern), longest readings first; `find` keeps the leftmost-longest non-overlapping.
PATTERNS: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "day_range",
            rf"{_OPT_PREP}(?P<d1>[0-3]?\d)(?:-?(?:го|е))?(?:\s*[-–—]\s*|\s+по\s+)"
            rf"(?P<d2>[0-3]?\d)(?:-?(?:го|е))?\s+{_m('mon')}(?:,?\s+{YREF})?",
        ),
        (
            "numeric_range",
            rf"{_OPT_PREP}(?P<d1>[0-3]?\d)\.?\s*[-–—/]\s*(?P<d2>[0-3]?\d)\."
            r"(?P<m>[01]?\d)\.?(?P<y>\d{4}|\d{2})?(?![\d.,])",
        ),
        ("numeric", rf"{_B}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{{4}}|\d{{2}})(?![\d.,]\d)"),
        ("iso", rf"{_B}(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_E}"),
        ("day", rf"{_OPT_PREP}{DAY.replace('{g}', 'd')}\s+{_m('mon', ANY_MONTH)}(?:,?\s+{YREF})?"),
        (
            "day_month_range",
            rf"{_OPT_PREP}(?P<d1>[0-3]?\d)\s+{_m('mon')}(?:\s*[-–—]\s*|\s+по\s+)"
            rf"(?P<d2>[0-3]?\d)\s+{_m('mon2')}(?:,?\s+{YREF})?",
        ),
        (
            "month_range",
            rf"{_OPT_PREP}{_m('mon')}(?:\s*[-–—]\s*|\s+по\s+){_m('mon2')}"
            rf"(?:\s+{YREF})?",
        ),
        ("month_part", rf"{_OPT_PREP}{PART}\s+{_m('mon')}(?:\s+{YREF})?"),
        ("month", rf"{_OPT_PREP}{_m('mon')}\s+{YREF}"),
        ("bare_month", rf"{_B}{PREP}{_m('mon')}"),
        ("year_part", rf"{_OPT_PREP}(?:{PART}|{QUARTER})\s+(?:{YREF}|(?P<bare>года|год){_E})"),
        ("year_part", rf"{_OPT_PREP}{QUARTER}{_E}"),
        ("season", rf"{_OPT_PREP}{SEASON}\s+{YREF}"),
        (
            "season_rel",
            rf"{_OPT_PREP}(?P<rel>(?:{_REL_STEMS})(?:им|ым|ей|ой)){_E}\s+"
            r"(?P<season>весной|летом|осенью|зимой)",
        ),
        (
            "year_range",
            rf"{_OPT_PREP}(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\s*(?:[-–—]|\s+по\s+)\s*"
            rf"(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}|\d{{2}})(?:-?(?:х|е|м))?\s*{YEARS_WORD}{_E}",
        ),
        (
            "year_range_bare",
            rf"{_B}(?P<prep>[вВсСнН]а?\s+)(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\s*"
            rf"[-–—]\s*(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}){_E}",
        ),
        (
            "decade_part",
            rf"{_OPT_PREP}{PART}\s+(?P<dec>1[0-9]{{2}}0|20[0-9]0)-?(?:х|ых){_E}"
            rf"(?:\s*{DECADE_WORD})?",
        ),
        (
            "decade",
            rf"{_OPT_PREP}(?P<dec>1[0-9]{{2}}0|20[0-9]0)-?(?:е|х|ые|ых|ми){_E}"
            rf"(?:\s*{DECADE_WORD})?",
        ),
        # "90-е" alone is also "30-е, 40-е места": it needs "годы", a preposition, or the
        # genitive "90-х" at a clause's end.
        ("decade", rf"{_OPT_PREP}(?P<dec>[1-9]0|00)-(?:е|х|ые|ых){_E}\s*{DECADE_WORD}{CENTURY}?"),
        ("decade", rf"{_B}{PREP}(?P<dec>[1-9]0|00)-(?:е|х|ые|ых){_E}"),
        ("decade", rf"{_B}(?P<dec>[1-9]0|00)-(?:х|ых)(?=\s*(?:[.,;:!?)»]|$))"),
        ("year", rf"{_OPT_PREP}{YEAR_NUM}(?:{PARTIAL}|\s*(?:{YEAR_WORD}|{YEARS_WORD})){_E}"),
        ("bare_year", rf"{_B}(?P<prep>[вВ]\s+){YEAR_NUM}(?![\d\w%-])(?!\s*{_UNITS}{_E})"),
        ("rel_year", rf"{_OPT_PREP}{REL_M}\s+{YEAR_WORD}{_E}"),
        ("rel_month", rf"{_OPT_PREP}{REL_M}\s+месяц[еау]?{_E}"),
        ("rel_quarter", rf"{_OPT_PREP}{REL_M}\s+квартал[еау]?{_E}"),
        ("rel_week", rf"{_OPT_PREP}{REL_F}\s+недел[еияю]{_E}"),
        ("rel_day", rf"{_B}(?P<word>позавчера|вчера|послезавтра|завтра){_E}"),
        (
            "ago",
            rf"{_B}(?P<n>\d{{1,2}}|{_alternation(list(_NUMBERS))})?\s*"
            r"(?P<unit>год|года|лет|месяц|месяца|месяцев|неделю|недели|недель|день|дня|дней)"
            rf"\s+(?:тому\s+)?назад{_E}",
        ),
        (
            "weekday",
            rf"{_B}(?P<prep>[вВ]о?\s+)?(?:(?P<next>следующ|прошл|минувш)(?:ий|ую|ее|ое|ая|ей)\s+)?"
            rf"(?P<wd>{_alternation(list(_WEEKDAYS))}){_E}",
        ),
    )
]
#: A month name's stem.
MONTH_WORD = "январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр"
#: Words a pattern cannot match without: a pattern runs only on sentences its gate opens.
_GATES = {
    name: re.compile(gate)
    for name, gate in {
        "digit": r"\d",
        "dotted": r"\d\.\d",
        "iso": r"\d{4}-\d\d-\d",
        "year4": r"(?<!\d)(?:1\d|20)\d\d(?!\d)",
        "month": MONTH_WORD,
        "day": rf"\d|{MONTH_WORD}|(?:го|ое|ье)\s+(?:{_alternation(list(_SHORT_MONTHS))})",
        "decade2": r"\d0-?[еых]",
        "part": r"начал|середин|кон(?:ец|ц)|половин|квартал",
        "season": r"весн|лет[оаем]|осен|зим",
        "year": "год",
        "month_rel": "месяц",
        "quarter": "квартал",
        "week": "недел",
        "day_rel": "вчера|завтра",
        "ago": "назад",
        "weekday": "понедельник|вторник|сред[ау]|четверг|пятниц|суббот|воскресень",
    }.items()
}
_GATE_OF = {
    "day_range": "month",
    "day_month_range": "month",
    "numeric_range": "dotted",
    "numeric": "dotted",
    "iso": "iso",
    "year_range": "year4",
    "year_range_bare": "year4",
    "decade_part": "year4",
    "year": "year4",
    "bare_year": "year4",
    "day": "day",
    "month_range": "month",
    "month_part": "month",
    "month": "month",
    "bare_month": "month",
    "year_part": "part",
    "season": "season",
    "season_rel": "season",
    "rel_year": "year",
    "rel_month": "month_rel",
    "rel_quarter": "quarter",
    "rel_week": "week",
    "rel_day": "day_rel",
    "ago": "ago",
    "weekday": "weekday",
}


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
    first, last = _SEASONS[name[:3]]
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
        for stem, v in sorted(_REL_FORMS.items(), key=lambda kv: -len(kv[0]))
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

    month = _MONTHS.get((g.get("mon") or "").lower().rstrip("."))
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
        d1, d2, last = int(g["d1"]), int(g["d2"]), _MONTHS[g["mon2"].lower()]
        back = 1 if last < month else 0  # "28 декабря - 3 января 2025": December of 2024
        return (*anchored(lambda y: (dt.date(y - back, month, d1), dt.date(y, last, d2))), "days")
    if kind == "month_range":
        last = _MONTHS[g["mon2"].lower()]
        if last == month:
            raise ValueError("a range of one month")
        return (*anchored(lambda y: _months(y, month, last)), "months")
    if kind == "month_part":
        lo, hi = _MONTH_PARTS[_part_stem(g["part"])]

        def part(y: int) -> Span:
            end = calendar.monthrange(y, month)[1]
            return dt.date(y, month, lo), dt.date(y, month, min(hi, end))

        return (*anchored(part), "days")
    if kind in ("month", "bare_month"):
        return (*anchored(lambda y: _month_span(y, month)), "month")
    if kind == "year_part":
        if g.get("quarter"):
            q = _QUARTERS[g["quarter"].lower()[:4].replace("ё", "е")]
            first, last = 3 * q - 2, 3 * q
        else:
            first, last = _YEAR_PARTS[_part_stem(g["part"])]
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
        first, last = _DECADE_PARTS[_part_stem(g["part"])]
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
    value = next(v for o, v in _ORDINALS.items() if re.fullmatch(o, stem))
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
    return next(stem for stem in _YEAR_PARTS if lower.startswith(stem))


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
        day = published + dt.timedelta(days=_DAYS_BACK[g["word"].lower()])
        return day, day, "day"
    if kind == "ago":
        n = int(g["n"]) if (g["n"] or "").isdigit() else _NUMBERS.get((g["n"] or "").lower(), 1)
        unit = g["unit"].lower()
        if unit.startswith(("год", "лет")):
            return (*_years(published.year - n, published.year - n), "year")
        if unit.startswith("месяц"):
            return (*_shift_month(published, -n), "month")
        day = published - dt.timedelta(days=n * (7 if unit.startswith("недел") else 1))
        return day, day, "day"
    # a weekday: the next or last one when qualified, else the nearest the tense allows
    this_week = published + dt.timedelta(days=_WEEKDAYS[g["wd"].lower()] - published.weekday())
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


_WEEKDAY_TEXT = re.compile(rf"(?:[вВ]о?\s+)?(?:{_alternation(list(_WEEKDAYS))})", re.IGNORECASE)


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
        gate = _GATE_OF.get(kind, "digit")
        if gate not in gates:
            gates[gate] = _GATES[gate].search(lower) is not None
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
