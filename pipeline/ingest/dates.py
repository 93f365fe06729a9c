"""Publication dates as written in feeds and datelines: ISO, dd.mm.yyyy, '05 декабря, 2025'."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.schema import MAX_YEAR, MIN_YEAR

#: Nominative, genitive and abbreviated month names.
_MONTH_FORMS = (
    "январь января янв",
    "февраль февраля фев февр",
    "март марта мар",
    "апрель апреля апр",
    "май мая",
    "июнь июня июн",
    "июль июля июл",
    "август августа авг",
    "сентябрь сентября сен сент",
    "октябрь октября окт",
    "ноябрь ноября ноя нояб",
    "декабрь декабря дек",
)
_MONTHS = {form: n for n, forms in enumerate(_MONTH_FORMS, start=1) for form in forms.split()}

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_DOTTED = re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?:,?\s+\d{1,2}:\d{2})?")
_WORDS = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<mon>[а-яё]{3,8})\.?,?\s+(?P<y>\d{4})(?:\s*(?:г\.|года?))?"
    r"(?:,?\s+\d{1,2}:\d{2})?",
    re.IGNORECASE,
)


def month_number(word: str) -> int | None:
    """1..12 for a Russian month name in nominative, genitive or abbreviated form."""
    return _MONTHS.get(word.lower().rstrip("."))


def parse_date(value: str) -> dt.date | None:
    """Return the calendar date that `value` spells, or None.

    The whole string must be the date: '2025-12-15', '2023-11-30T10:26', '15.12.2025',
    '05 декабря, 2025', '5 дек. 2025 г.'. A timestamp keeps the date as written, whatever the
    time zone.
    """
    value = value.strip()
    for pattern in (_ISO, _DOTTED, _WORDS):
        match = pattern.fullmatch(value)
        if not match:
            continue
        parts = match.groupdict()
        month = month_number(parts["mon"]) if "mon" in parts else int(parts["m"])
        if month is None:
            return None
        year = int(parts["y"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        try:
            return dt.date(year, month, int(parts["d"]))
        except ValueError:
            return None
    return None
