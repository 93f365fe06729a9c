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

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pipeline.nlp.models import morph
from pipeline.nlp.time_patterns import (
    GATED,
    ROOTS,
    WEEKDAY_QUALIFIER,
    WEEKDAYS,
    WORD_GATES,
    alternation,
    open_gates,
)
from pipeline.nlp.time_resolve import (
    YEAR_GROUPS,
    YEARLESS,
    Unresolved,
    When,
    resolve,
    tense,
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


_WEEKDAY_TEXT = re.compile(
    rf"(?:[вВ]о?\s+)?(?:{WEEKDAY_QUALIFIER}\s+)?(?:{alternation(list(WEEKDAYS))})", re.IGNORECASE
)


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


#: What may stand right before a lone day.month ("15.02") when it is a clock time ("в 8.10",
#: "на 17.04 мск"), an article of a code ("статья 5.12", "п. 13.11") or a signed score
#: ("+2.11").
_NOT_DATE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:в|во|на|около|примерно|ст|стать[яиюей]|статьям?и?|п|пункт[аеу]?|ч|част[ьи]"
    r"|гл|глав[аеуы])\.?\s*|[№+\-−–]\s*)$",
    re.IGNORECASE,
)
#: What may follow it when it is a time, a measure or a number of a code: a time zone or
#: word, a unit, a currency, an abbreviation in capitals ("КоАП"), another number.
_NOT_DATE_AFTER = re.compile(
    r"^\s*(?:%|мск|gmt|utc|сек|мин|час|утра|вечера|ночи|дня(?![\w])|с\.|м(?![\w])|m(?![\w])"
    r"|км|кг|балл|[а-яё]*(?:рубл|долл|евро|процент)|[A-ZА-ЯЁ][a-zа-яё]?[A-ZА-ЯЁ]|\d)",
)


def _named(sentence: str, start: int) -> bool:
    """A calendar word that names something else or no time in particular: after an adjective
    ("арабская весна", "Черная пятница", "бабье лето", "каждое лето", "всю зиму"), in quotation
    marks, or capitalised inside a sentence (a title, a TV channel)."""
    before = sentence[:start]
    if before.rstrip().endswith(("«", '"', "„", "“")):
        return True
    if sentence[start].isupper() and before.strip() and not re.search(r"[.!?…:—–-]\s*$", before):
        return True
    word = re.search(r"([А-Яа-яЁё]+)\s*$", before)
    if word is None:
        return False
    parses = morph()(word.group(1).lower())
    named = re.match(r"[А-Яа-яЁё]+", sentence[start:])
    return parses[0].tag.POS in ("ADJF", "PRTF") or (
        named is not None and _agreeing_adjective(parses, named.group().lower())
    )


def _agreeing_adjective(parses: list, noun: str) -> bool:
    """Whether a word whose likelier reading is another part of speech can be a qualitative
    adjective in agreement with the calendar noun after it: "Холодные зимы" (also a noun,
    'холодное'). Not a pronoun or a relative word, which make a date ("в это лето", "всё
    лето", "всего прошлого лета"), nor a noun that is also an adjective ("выходные лета")."""
    return any(
        a.tag.POS in ("ADJF", "PRTF")
        and "Qual" in a.tag
        and n.tag.POS == "NOUN"
        and a.tag.case == n.tag.case
        and a.tag.number == n.tag.number
        and (n.tag.number == "plur" or a.tag.gender == n.tag.gender)
        for a in parses
        for n in morph()(noun)
    )


def _clause(sentence: str, match: re.Match) -> str:
    """The stretch of `sentence` around `match` between punctuation marks."""
    starts = [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, match.start())]
    stop = _CLAUSE_MARK.search(sentence, match.end())
    return sentence[starts[-1] if starts else 0 : stop.start() if stop else len(sentence)]


_CLAUSE_MARK = re.compile(r"[,;:()«»\"]|\s[—–-]\s")


#: "этот" qualifies a weekday only in agreement: "этот вторник", "эту пятницу", "это
#: воскресенье".
_THIS_WEEKDAY = {
    "этот": ("понедельник", "вторник", "четверг"),
    "эту": ("среду", "пятницу", "субботу"),
    "это": ("воскресенье",),
}


def _plausible(kind: str, match: re.Match, sentence: str) -> bool:
    """Whether a match that could also be something else is a calendar reference here."""
    groups = match.groupdict()
    start = match.start()
    if kind == "ahead":  # "Уже через неделю пришел ответ": counted from the story's own time
        return (tense(_clause(sentence, match)) or tense(sentence)) not in ("past", "perf")
    this = _THIS_WEEKDAY.get(groups.get("next") or "")
    if kind == "weekday" and this is not None and groups["wd"] not in this:
        return False  # "это понедельник" is "it is a Monday", not "this Monday"
    if kind == "weekday" and not (groups.get("prep") or groups.get("next")):
        # "среда" is also a common noun ("среда обитания"): alone it is no weekday
        return not groups["wd"].startswith("сред") and not _named(sentence, start)
    if kind == "bare_season" and tense(_clause(sentence, match)) == "pres":
        return False  # "летом здесь купаются": every summer, not one
    if kind in ("bare_season", "lone_month"):
        return groups.get("prep") is not None or not _named(sentence, start)
    if kind == "year_alone" and groups.get("name"):  # a name in capitals: "ПМЭФ-2022"
        return sentence[start].isupper()
    if kind == "numeric_dm":
        return not (
            _NOT_DATE_BEFORE.search(sentence[:start])
            or _NOT_DATE_AFTER.match(sentence[match.end() :])
        )
    return True


@dataclass(slots=True)
class _Found:
    timex: Timex
    kind: str
    groups: dict
    match: re.Match


def _lend_years(sentence: str, found: list[_Found], published: dt.date | None) -> None:
    """A day or month without a year takes the year written with a later day or month of the
    same sentence ("19 декабря, а ... 6 января 2017 года": 2016-12-19): that year, or the one
    before when the date would otherwise fall after the later one. The year is lent when the
    publication gives none or puts the date more than a year from the later one, only to dates
    before the first written year (after it, which year they share is not plain), and only
    when their clauses agree in tense ("В начале октября Байрактар заявил, что … начнется в …
    2024 года" names two times)."""
    for k, item in enumerate(found):
        if any(_lends(f) for f in found[:k]):  # a year written earlier frames what follows
            return
        if item.kind not in YEARLESS or any(item.groups.get(n) for n in YEAR_GROUPS):
            continue
        lender = next((f for f in found[k + 1 :] if _lends(f)), None)
        if lender is not None and _BOUND.match(lender.timex.text):
            between = sentence[item.timex.stop : lender.timex.start]
            lender = lender if re.fullmatch(r"\s*(?:[-–—]\s*)?", between) else None
        if lender is None or not _may_lend(sentence, item, lender):
            continue
        year = int(lender.groups["y"])
        for candidate in (year, year - 1):
            try:
                start, end, grain = resolve(
                    item.kind, item.groups | {"y": str(candidate)}, published, lambda: None
                )
            except (ValueError, KeyError, StopIteration):
                continue
            if start <= lender.timex.date_start:
                old = item.timex
                item.timex = Timex(old.start, old.stop, old.text, start, end, grain)
                break


#: A date that bounds a span: it lends its year only to the date that opens the span ("с 8
#: января до 20 апреля 1942 года"), not to one elsewhere ("Ранее в сентябре … до сентября 2021
#: года").
_BOUND = re.compile(r"(?:до|по|к|ко|после|начиная\s+с)\s", re.IGNORECASE)


def _may_lend(sentence: str, item: _Found, lender: _Found) -> bool:
    """Whether `lender`'s year is the year of `item`: without a publication date, when their
    clauses do not differ in tense; with one, only when the publication puts `item` more than a
    year from `lender` and the two share a clause or clauses of one tense ("19 декабря, а
    конгресс утвердит … 6 января 2017 года"), not a date of another event ("на 13 февраля …
    вызван … по делу, связанному с убийствами на майдане в феврале 2014 года")."""
    clauses = [_clause(sentence, x.match) for x in (item, lender)]
    tenses = [tense(c) for c in clauses]
    if item.timex.date_start is None:
        return len(set(tenses) - {"", None}) <= 1
    if abs(item.timex.date_start - lender.timex.date_start) <= _MAX_GAP:
        return False
    return (
        clauses[0] == clauses[1]
        or tenses[0] == tenses[1]
        and tenses[0]
        in (
            "past",
            "pres",
            "futr",
        )
    )


def _lends(item: _Found) -> bool:
    """A day or month with its year written in digits, not after "с" ("впервые с апреля 2015
    года" names an earlier time, not the sentence's year)."""
    return (
        item.kind in YEARLESS
        and bool(item.groups.get("y"))
        and item.timex.date_start is not None
        and item.timex.granularity in ("day", "days", "month", "months")
        and not item.timex.text.lower().startswith(("с ", "со "))
    )


def _agree_weekdays(sentence: str, found: list[_Found], published: dt.date | None) -> None:
    """A yearless day beside its weekday ("в понедельник, 26 июня") takes the year, of the one
    it has and those around it, in which it falls on that weekday."""
    for weekday, item in zip(found, found[1:], strict=False):
        if weekday.kind != "weekday":
            weekday, item = item, weekday
        if (
            weekday.kind != "weekday"
            or item.kind != "day"
            or item.timex.date_start is None
            or any(item.groups.get(n) for n in YEAR_GROUPS)
            or not re.fullmatch(r",\s*", sentence[_gap(weekday, item)])
        ):
            continue
        wanted = WEEKDAYS[weekday.groups["wd"].lower()]
        year = item.timex.date_start.year
        for candidate in (year, year - 1, year + 1):
            try:
                start, end, grain = resolve(
                    item.kind, item.groups | {"y": str(candidate)}, published, lambda: None
                )
            except (ValueError, KeyError, StopIteration):
                continue
            if start.weekday() == wanted:
                old = item.timex
                item.timex = Timex(old.start, old.stop, old.text, start, end, grain)
                break


def _gap(a: _Found, b: _Found) -> slice:
    """The text between two found expressions, in either order."""
    first, second = sorted((a.timex, b.timex), key=lambda t: t.start)
    return slice(first.stop, second.start)


def _tense_at(sentence: str, match: re.Match, sentence_tense: When) -> When:
    """The tense that bounds one expression: the sentence's, or where a short participle is
    its only predicate ('perf'), the past for the time of its event ("в среду задержан", "в
    начале марта переброшены") and none for the state's end or target ("открыта до 17
    ноября", "назначен на 5 июля", "16–19 февраля запланирована") or for an expression in
    another clause ("Срок исполнения - 1 ноября, ответственными назначены")."""

    def when() -> str | None:
        found = sentence_tense()
        if found != "perf":
            return found
        prep = match.group("prep") if "prep" in match.re.groupindex else None
        if (prep or "").strip().lower() not in ("в", "во"):
            return ""
        return "past" if tense(_clause(sentence, match)) == "perf" else ""

    return when


def _clause_tense(sentence: str, match: re.Match) -> When:
    """The tense of the expression's own clause: 'этим летом' is a past or a coming summer by
    its own verb, not by the verb that reports it ("сообщил, что этим летом команда должна
    отправиться"); with no finite verb there, the season nearest publication."""
    return lambda: tense(_clause(sentence, match))


def _bounds(match: re.Match) -> tuple[int, int]:
    """(start, -stop) of the expression: the group `x` where a pattern marks one inside its
    context, else the whole match."""
    start, stop = match.span("x") if match.re.groupindex.get("x") else match.span()
    return start, -stop


def _lowered(text: str) -> str:
    """`text` in lower case, character for character ('İ', which lower-cases to two
    characters, is kept as it is, so that offsets stay aligned)."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def _matches(lower: str, gate: str) -> Iterator[tuple[int, int]]:
    """(start, stop) of the matches of a root gate in `lower`: every place of each of its words
    for a gate of words, else its expression's matches."""
    words = WORD_GATES.get(gate)
    if words is None:
        yield from (match.span() for match in ROOTS[gate].finditer(lower))
        return
    for word in words:
        at = lower.find(word)
        while at >= 0:
            yield at, at + len(word)
            at = lower.find(word, at + 1)


def root_gates(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, set[str]]:
    """The ROOTS gates each sentence of `text` opens (`spans`: its sentences' (start, stop),
    in order), for the sentences that open any: one scan of the whole text per gate instead of
    one per sentence. No root gate looks around its match, so a match inside a sentence opens
    the gate there; a sentence that only a match across its bounds overlaps is searched on its
    own."""
    lower = _lowered(text)
    starts = [start for start, _ in spans]
    opened: dict[int, set[str]] = {}
    for name, gate in ROOTS.items():
        across: set[int] = set()
        for at, end in _matches(lower, name):
            first = max(bisect_right(starts, at) - 1, 0)
            for n in range(first, bisect_right(starts, end - 1)):
                start, stop = spans[n]
                if start <= at and end <= stop:
                    opened.setdefault(n, set()).add(name)
                elif start < end and at < stop:
                    across.add(n)
        for n in across:
            start, stop = spans[n]
            if name not in opened.get(n, ()) and gate.search(lower, start, stop):
                opened.setdefault(n, set()).add(name)
    return opened


#: A year that refers back to one named before: "осенью того же года", "в мае того года".
_YEAR_BEFORE = re.compile(r"\s+(?:того(?:\s+же|\s+самого)?|этого\s+же)\s+года(?![\w-])")


def _year_named_before(lower: str, match: re.Match, groups: dict) -> bool:
    """Whether an expression without a year of its own takes a year named before it: an
    earlier one in the sentence, else one of an earlier sentence, which one sentence does not
    know (it stays unresolved rather than take publication's)."""
    has_year = any(groups.get(name) for name in YEAR_GROUPS)
    return not has_year and _YEAR_BEFORE.match(lower, match.end()) is not None


def _year_before(found: list[_Found]) -> str | None:
    """The year of the last expression so far in the sentence that writes one year ('в мае
    2015 года, а в июле того же года')."""
    for item in reversed(found):
        timex = item.timex
        if any(item.groups.get(name) for name in YEAR_GROUPS) and timex.date_start is not None:
            if timex.date_start.year == timex.date_end.year:
                return str(timex.date_start.year)
            return None
    return None


def find(sentence: str, published: dt.date | None, roots: set[str] | None = None) -> list[Timex]:
    """Every calendar reference in `sentence`, left to right, resolved against `published`;
    `roots`, when given, are the root gates the sentence opens (`root_gates`)."""
    lower = _lowered(sentence)
    opened = open_gates(lower, roots)
    candidates = [
        (*_bounds(m), order, kind, m)
        for gate, patterns in GATED.items()
        if opened[gate]
        for order, kind, pattern in patterns
        for m in pattern.finditer(lower)
    ]
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[:3])
    cached: list[str | None] = []

    def sentence_tense() -> str | None:
        if not cached:
            cached.append(tense(sentence))
        return cached[0]

    found: list[_Found] = []
    taken = 0
    for start, neg_end, _, kind, match in candidates:
        if start < taken or not _plausible(kind, match, sentence):
            continue
        groups = match.groupdict()
        when = (
            _clause_tense(sentence, match)
            if kind == "season_rel"
            else _tense_at(sentence, match, sentence_tense)
        )
        try:
            if _year_named_before(lower, match, groups):
                groups = {**groups, "y": _year_before(found)}  # None: no year in the sentence
                if groups["y"] is None:
                    raise Unresolved
            date_start, date_end, grain = resolve(kind, groups, published, when)
        except Unresolved:
            date_start = date_end = None
            grain = "unresolved"
        except (ValueError, KeyError, StopIteration):
            continue
        if date_start is not None and not (
            date_start.year >= EARLIEST and date_end.year <= MAX_YEAR
        ):
            continue
        text = sentence[start:-neg_end].rstrip(" ,")
        timex = Timex(start, start + len(text), text, date_start, date_end, grain)
        found.append(_Found(timex, kind, groups, match))
        taken = -neg_end
    _lend_years(sentence, found, published)
    _agree_weekdays(sentence, found, published)
    return _join_ranges(sentence, [f.timex for f in found])
