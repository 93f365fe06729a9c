"""The vocabulary and regular expressions of Russian time expressions: month names and their
forms, relative words ('прошлый', 'этот'), ordinals, seasons, parts of a period, weekdays, and
the patterns `timex.find` matches, each behind a cheap gate so that a sentence without a digit
or a month name costs almost nothing."""

from __future__ import annotations

import re

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
MONTHS = {form: n for n, forms in enumerate(_FULL_MONTHS, 1) for form in forms.split()}
#: The months' names in the nominative ('январь' ... 'декабрь').
MONTH_NAMES = tuple(forms.split()[0] for forms in _FULL_MONTHS)
MONTHS |= _SHORT_MONTHS


def alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_B = r"(?<![\w-])"  # a word starts here
_E = r"(?![\w-])"  # a word ends here
MONTH = rf"(?P<{{g}}>{alternation([w for f in _FULL_MONTHS for w in f.split()])})(?!\w)"
ANY_MONTH = (
    rf"(?P<{{g}}>{alternation([w for f in _FULL_MONTHS for w in f.split()])}"
    rf"|(?:{alternation(list(_SHORT_MONTHS))})\.?)(?!\w)"
)
#: Relative qualifiers of a masculine noun (год, месяц) -> offset from publication.
REL_FORMS = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "прошедш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "уходящ": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
    "грядущ": 1,
}
_REL_STEMS = alternation(list(REL_FORMS))
REL_M = rf"(?P<rel>(?:{_REL_STEMS})(?:ий|ый|его|ого|ем|ом|от|им|ым)){_E}"
REL_F = rf"(?P<rel>(?:{_REL_STEMS})(?:ая|ей|ую|ой|а|у)){_E}"
YEAR_NUM = r"(?P<y>1[0-9]{3}|20[0-9]{2})"
YEAR_WORD = r"(?:года|году|годом|годе|год|г\.|г(?![\w]))"
YEARS_WORD = r"(?:годах|годов|годами|годам|годы|гг\.?|г\.г\.)"
PARTIAL = r"-(?:го|м|й)"
DECADE_WORD = r"год(?:ы|ов|ах|ами)(?![\w-])"
#: "60-е годы XIX века": the century of a two-digit decade.
#: "60-е годы XIX века", "60-х годов прошлого века": the century of a two-digit decade,
#: written or relative to publication.
CENTURY = (
    r"(?:\s+(?:(?P<century>[ivx]{1,5}|\d{1,2})(?:-?го)?"
    r"|(?P<crel>(?:позапрошл|прошл|минувш|эт|нынешн|текущ)(?:ого|его)))\s+(?:века|в\.))"
)
#: A year, written or relative: "2025 года", "2025-го", "этого года", a bare "года" after a part.
#: "с.г." (сего года) and "т.г." (текущего года): the publication year.
CURRENT_YEAR = r"(?P<cur>[ст]\.\s?г\.)"
YREF = (
    rf"(?:{YEAR_NUM}(?:{PARTIAL}{_E}|\s*{YEAR_WORD}{_E}|(?![-\d]))|{REL_M}\s+{YEAR_WORD}{_E}"
    rf"|{CURRENT_YEAR})"
)
PREP = r"(?P<prep>(?:[вВ]о?|[сС]о?|[кК]о?|[нН]а|[дД]о|[пП]о|[зЗ]а|[пП]осле|[нН]ачиная\s+с)\s+)"
#: Stems of ordinal day numbers ('пятнадцатого', 'двадцать четвертое') -> their value.
ORDINALS = {
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
    rf"(?P<tens>двадцать|тридцать)?\s*(?P<ord>{'|'.join(ORDINALS)})"
    r"(?:ое|ого|ье|ьего|ое|ий|ый|ьему|ому)"
)
DAY = r"(?:(?P<{g}>[0-3]?\d)(?:-?(?:го|ое|ого|е|й))?|(?P<{g}w>" + ORDINAL + "))"
_UNITS = r"(?:%|[а-яё]*(?:метр|тонн|рубл|долл|евро|человек|раз|штук|км|кг|тыс|млн|млрд|мест))"

SEASONS = {"вес": (3, 5), "лет": (6, 8), "осе": (9, 11), "зим": (12, 2)}
SEASON = r"(?P<season>весн(?:а|ой|у|ы|е)|лет(?:о|ом|а|е)|осен(?:ь|ью|и)|зим(?:а|ой|у|ы|е))"
#: Parts of a year (first and last month) and of a month (first and last day; 31 = the end).
YEAR_PARTS = {"начал": (1, 4), "середин": (5, 8), "кон": (9, 12), "перв": (1, 6), "втор": (7, 12)}
DECADE_PARTS = {"начал": (0, 3), "середин": (3, 6), "кон": (7, 9), "перв": (0, 4), "втор": (5, 9)}
MONTH_PARTS = {
    "начал": (1, 10),
    "середин": (11, 20),
    "кон": (21, 31),
    "перв": (1, 15),
    "втор": (16, 31),
}
QUARTERS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
PART = (
    r"(?P<part>(?:начал[оаеу]|середин[аеуы]|кон(?:ец|ца|це|цу))"
    r"|(?:перв|втор)(?:ая|ой|ую)\s+половин[аеуы]"
    r"|(?:перв|втор)(?:ое|ого|ом|ому)\s+полугоди[еяюи])"
)
_QUARTER_NUMBER = (
    r"(?:(?:перв|втор|трет|четв[её]рт)(?:ый|ого|ом|ий|ьего|ьем|ому|ьему|ые|ых|ым|ыми|ьи|ьих|ьим)"
    r"|(?:iv|i{1,3})(?![\w-]))"
)
#: One quarter or a run of them: "третьем-четвертом кварталах", "I и II кварталы".
QUARTER = (
    rf"(?P<quarter>{_QUARTER_NUMBER})(?:\s*(?:[-–—]|и|или)\s*(?P<quarter2>{_QUARTER_NUMBER}))?"
    r"\s+квартал(?:ах|ами|ам|ов|ы|[аеу])?"
)
#: The weekdays' names in the nominative, Monday first.
WEEKDAY_NAMES = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
#: A weekday's name in the nominative or the accusative ('в среду') -> its number, Monday 0.
WEEKDAYS = {name: n for n, name in enumerate(WEEKDAY_NAMES)} | {
    "среду": 2,
    "пятницу": 4,
    "субботу": 5,
}
#: Cardinal numbers in the cases a count of units takes ("два года", "двух месяцев",
#: "двадцать пять лет") -> their value.
NUMBERS = {
    form: value
    for forms, value in (
        ("один одну одного одной", 1),
        ("два две двух", 2),
        ("три трех трёх", 3),
        ("четыре четырех четырёх", 4),
        ("пять пяти", 5),
        ("шесть шести", 6),
        ("семь семи", 7),
        ("восемь восьми", 8),
        ("девять девяти", 9),
        ("десять десяти", 10),
        ("одиннадцать одиннадцати", 11),
        ("двенадцать двенадцати", 12),
        ("тринадцать тринадцати", 13),
        ("четырнадцать четырнадцати", 14),
        ("пятнадцать пятнадцати", 15),
        ("шестнадцать шестнадцати", 16),
        ("семнадцать семнадцати", 17),
        ("восемнадцать восемнадцати", 18),
        ("девятнадцать девятнадцати", 19),
        ("двадцать двадцати", 20),
        ("тридцать тридцати", 30),
        ("сорок сорока", 40),
        ("пятьдесят пятидесяти", 50),
        ("шестьдесят шестидесяти", 60),
        ("семьдесят семидесяти", 70),
        ("восемьдесят восьмидесяти", 80),
        ("девяносто девяноста", 90),
        ("сто ста", 100),
    )
    for form in forms.split()
}
_NUMBER_WORD = alternation(list(NUMBERS))
#: A count: digits, or one or two number words ("двадцать пять").
COUNT = rf"(?<![\d.,])(?P<n>\d{{1,4}}|(?:{_NUMBER_WORD})(?:\s+(?:{_NUMBER_WORD}))?){_E}"
#: Units of "N units ago" / "in N units"; those in `UNIT_SINGULAR` may stand without a count.
UNITS = r"(?P<unit>года|год|лет|месяцев|месяца|месяц|недель|недели|неделю|дней|дня|день)"
UNIT_SINGULAR = ("год", "месяц", "неделю", "день")
#: "сегодня" is left out: in this press it reads "nowadays" about as often as "today", whatever
#: the tense ("И сегодня наша страна…", "актуален и сегодня").
DAYS_BACK = {
    "позавчера": -2,
    "вчера": -1,
    "завтра": 1,
    "послезавтра": 2,
    "послепослезавтра": 3,
}


#: Qualifiers of a weekday: which week it falls in ("в прошлый вторник", "в эту пятницу",
#: "в след. среду").
WEEKDAY_QUALIFIER = (
    r"(?P<next>(?:следующ|прошл|минувш|прошедш|ближайш)(?:ий|ую|ее|ое|ая|ей)|эт(?:от|у|о)"
    r"|след\.?)"
)
#: The first N months or quarters of a year: "по итогам восьми месяцев", "за 9 месяцев 2017
#: года", "за первые три квартала".
FIRST_PERIODS = (
    r"(?P<prep>(?:[пП]о\s+итогам|[зЗ]а|[вВ]\s+течение)\s+)(?P<first>перв(?:ые|ых)\s+)?"
    rf"(?P<n>\d{{1,2}}|{_NUMBER_WORD})\s+(?P<per>месяц(?:ев|а)|квартал(?:ов|а))"
)


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
            rf"{_OPT_PREP}(?<![\d.,])(?P<d1>[0-3]?\d)(?:\.(?P<m1>[01]?\d))?\.?"
            r"(?:\s*[-–—/]\s*|\s+по\s+)(?P<d2>[0-3]?\d)\."
            r"(?P<m>[01]?\d)(?:\.(?P<y>\d{4}|\d{2}))?\.?(?![\d,]|\.\d)",
        ),
        ("numeric", rf"{_B}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{{4}}|\d{{2}})(?![\d.,]\d)"),
        # day.month without a year where it is plainly a date (`timex` checks the context)
        (
            "numeric_dm",
            rf"{_B}(?<![\d.,+])(?P<d>[0-3]?\d)\.(?P<m>0[1-9]|1[0-2])(?P<dot>\.)?(?![\d¹²³]|[.,]\d)",
        ),
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
        ("lone_month", rf"{_B}(?P<mon>{alternation([f.split()[0] for f in _FULL_MONTHS])}){_E}"),
        ("year_part", rf"{_OPT_PREP}(?:{PART}|{QUARTER})\s+(?:{YREF}|(?P<bare>года|год){_E})"),
        ("year_part", rf"{_OPT_PREP}{QUARTER}{_E}"),
        ("first_periods", rf"{_B}{FIRST_PERIODS}(?:\s+{YREF})?{_E}"),
        ("rel_month_part", rf"{_OPT_PREP}{PART}\s+(?:{REL_M}\s+)?месяц[аеу]?{_E}"),
        ("season", rf"{_OPT_PREP}{SEASON}\s+{YREF}"),
        (
            "season_rel",
            rf"{_OPT_PREP}(?P<rel>(?:{_REL_STEMS})(?:им|ым|ей|ой)){_E}\s+"
            r"(?P<season>весной|летом|осенью|зимой)",
        ),
        ("bare_season", rf"{_OPT_PREP}{SEASON}{_E}"),
        (
            "year_range",
            rf"{_OPT_PREP}(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\s*(?:[-–—]|\s+по\s+)\s*"
            rf"(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}|\d{{2}})(?:-?(?:х|е|м))?\s*{YEARS_WORD}{_E}",
        ),
        (
            "year_range",
            rf"{_B}(?P<prep>[сС]\s+)(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\s+по\s+"
            rf"(?P<y2>1[0-9]{{3}}|20[0-9]{{2}})(?:\s*(?:{YEAR_WORD}|{YEARS_WORD}))?{_E}",
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
        (
            "decade_part",
            rf"{_OPT_PREP}{PART}\s+(?P<dec>[1-9]0|00)-(?:х|ых){_E}\s*{DECADE_WORD}{CENTURY}?",
        ),
        ("decade", rf"{_OPT_PREP}(?P<dec>[1-9]0|00)-(?:е|х|ые|ых){_E}\s*{DECADE_WORD}{CENTURY}?"),
        ("decade", rf"{_B}{PREP}(?P<dec>[1-9]0|00)-(?:е|х|ые|ых){_E}"),
        ("decade", rf"{_B}(?P<dec>[1-9]0|00)-(?:х|ых)(?=\s*(?:[.,;:!?)»]|$))"),
        ("year", rf"{_OPT_PREP}{YEAR_NUM}(?:{PARTIAL}|\s*(?:{YEAR_WORD}|{YEARS_WORD})){_E}"),
        ("bare_year", rf"{_B}(?P<prep>[вВ]\s+){YEAR_NUM}(?![\d\w%-])(?!\s*{_UNITS}{_E})"),
        # A year standing for itself (the expression is the group `x`): alone in brackets, a
        # range of life years or a birth year ("(1946)", "(1887–1941)", "(р. 1946)"); the year
        # of a book's imprint ("М.: ОГИ, 2017."); the year in an event's name ("ПМЭФ-2022").
        (
            "year_alone",
            rf"\((?:(?:р|род|г)\.\s*)?(?P<x>{YEAR_NUM}(?:\s*[-–—]\s*(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}))?)"
            rf"\)(?!\s*{_UNITS}{_E})",
        ),
        ("year_alone", rf"{_B}[а-яё]{{1,3}}\.:\s*[^:;()]{{1,80}}?,\s*(?P<x>{YEAR_NUM})(?![\d\w])"),
        ("year_alone", rf"{_B}(?P<name>[а-яёa-z]{{2,}})-(?P<x>{YEAR_NUM})(?![\d\w-])"),
        ("rel_year", rf"{_OPT_PREP}{REL_M}\s+{YEAR_WORD}{_E}"),
        ("rel_month", rf"{_OPT_PREP}{REL_M}\s+месяц[еау]?{_E}"),
        ("rel_quarter", rf"{_OPT_PREP}{REL_M}\s+квартал[еау]?{_E}"),
        ("rel_week", rf"{_OPT_PREP}{REL_F}\s+недел[еияю]{_E}"),
        ("rel_year_adj", rf"{_B}(?P<rel>(?:поза)?прошлогодн)[а-яё]*"),
        ("rel_day", rf"{_B}(?P<word>{alternation(list(DAYS_BACK))}){_E}"),
        ("ago", rf"{_B}(?:{COUNT}\s*)?{UNITS}\s+(?:тому\s+)?назад{_E}"),
        ("ahead", rf"{_B}[чЧ]ерез\s+(?:{COUNT}\s*)?{UNITS}{_E}(?!\s+после{_E})"),
        (
            "weekday",
            rf"{_B}(?P<prep>[вВ]о?\s+)?(?:{WEEKDAY_QUALIFIER}\s+)?"
            rf"(?P<wd>{alternation(list(WEEKDAYS))}){_E}",
        ),
    )
]
#: The stems of a month's names.
MONTH_STEMS = (
    *("январ", "феврал", "март", "апрел", "май", "мая", "мае", "маю", "июн", "июл", "август"),
    *("сентябр", "октябр", "ноябр", "декабр"),
)
MONTH_WORD = "|".join(MONTH_STEMS)
#: Gates that are plain words: a sentence opens one where one of its words stands in it
#: (`timex.root_gates` finds them in a whole text with `str.find`, many times faster than an
#: alternation). "летм" keeps what the class of "лет[оаем]" took.
WORD_GATES = {
    "month": MONTH_STEMS,
    "part": ("начал", "середин", "конец", "конц", "половин", "полугоди", "квартал"),
    "season": ("весн", "лето", "лета", "лете", "летм", "осен", "зим"),
    "year": ("год",),
    "month_rel": ("месяц",),
    "quarter": ("квартал",),
    "week": ("недел",),
    "day_rel": ("вчера", "завтра"),
    "rel_year_adj": ("прошлогодн",),
    "ago": ("назад",),
    "ahead": ("через",),
    "weekday": (
        *("понедельник", "вторник", "среда", "среду", "четверг", "пятниц", "суббот"),
        "воскресень",
    ),
}
#: Words a pattern cannot match without: a pattern runs only on sentences its gate opens.
GATES = {
    name: re.compile(gate)
    for name, gate in {
        "digit": r"\d+",
        "dotted": r"\d\.\d",
        "iso": r"\d{4}-\d\d-\d",
        "year4": r"(?<!\d)(?:1\d|20)\d\d(?!\d)",
        "day": rf"\s(?:{alternation(list(_SHORT_MONTHS))})",
        "decade2": r"\d0-?[еыхм]",
        **{name: "|".join(words) for name, words in WORD_GATES.items()},
    }.items()
}
#: Gates that also open where one of these does: a day reads a month name or an abbreviated
#: month after a space ("5 фев.", "1-го янв."); "first_periods" has no words of its own ("за
#: первые 9 месяцев", "по итогам трех кварталов").
ALSO_OPENS = {"day": ("month",), "first_periods": ("month_rel", "quarter")}
#: Gates whose every match holds another's: closed, without a search, where that one is.
NEEDS = {"dotted": "digit", "iso": "digit", "year4": "digit", "decade2": "digit"}
GATE_OF = {
    "day_range": "month",
    "day_month_range": "month",
    "numeric_range": "dotted",
    "numeric": "dotted",
    "iso": "iso",
    "year_range": "year4",
    "year_range_bare": "year4",
    "decade_part": "decade2",
    "decade": "decade2",
    "year": "year4",
    "bare_year": "year4",
    "year_alone": "year4",
    "day": "day",
    "month_range": "month",
    "month_part": "month",
    "month": "month",
    "bare_month": "month",
    "lone_month": "month",
    "year_part": "part",
    "season": "season",
    "season_rel": "season",
    "rel_year": "year",
    "rel_month": "month_rel",
    "rel_quarter": "quarter",
    "rel_week": "week",
    "rel_day": "day_rel",
    "rel_year_adj": "rel_year_adj",
    "ago": "ago",
    "ahead": "ahead",
    "first_periods": "first_periods",
    "rel_month_part": "month_rel",
    "numeric_dm": "dotted",
    "bare_season": "season",
    "weekday": "weekday",
}


def _by_gate() -> dict[str, list[tuple[int, str, re.Pattern]]]:
    """The patterns behind each gate, as (place in PATTERNS, kind, pattern)."""
    gated: dict[str, list[tuple[int, str, re.Pattern]]] = {}
    for order, (kind, pattern) in enumerate(PATTERNS):
        gated.setdefault(GATE_OF.get(kind, "digit"), []).append((order, kind, pattern))
    return gated


#: The patterns behind each gate (a kind without a gate in GATE_OF reads a digit).
GATED = _by_gate()


#: The gates that need no other (not in NEEDS) and have words of their own.
ROOTS = {name: pattern for name, pattern in GATES.items() if name not in NEEDS}


def open_gates(lower: str, roots: set[str] | None = None) -> dict[str, bool]:
    """Which gates a lower-cased sentence opens; `roots`, when given, are the ROOTS it opens
    (found on its whole text by `timex.root_gates`), so that only the gates that need another
    are searched. A gate whose needed gate is closed is not searched."""
    if roots is None:
        roots = {name for name, gate in ROOTS.items() if gate.search(lower)}
    opened = {name: name in roots for name in ROOTS}
    for name, need in NEEDS.items():
        opened[name] = opened[need] and GATES[name].search(lower) is not None
    for name, others in ALSO_OPENS.items():
        opened[name] = opened.get(name, False) or any(opened[other] for other in others)
    return opened
