"""Places and adjectives to countries: babel's Russian country names (via pycountry codes) plus
the shipped tables in `pipeline/nlp/data/`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import pycountry
from babel import Locale

from pipeline.nlp.models import CACHE_SIZE, lemma, morph, plain_hyphens

DATA = files("pipeline.nlp") / "data"


def key(name: str) -> str:
    """Lookup key for a name: lower case, ё as е, single spaces, hyphen variants as '-'."""
    return " ".join(plain_hyphens(name).lower().replace("ё", "е").split())


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a shipped data file, without comments and blank lines."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True)
class Place:
    country: str  # alpha-3
    via: str  # name | capital | city


@cache
def places() -> dict[str, Place]:
    """Nominative place name key -> its country."""
    found: dict[str, Place] = {}
    for alpha2, name in Locale("ru").territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2.isalpha() else None
        if country is not None:
            found[key(name)] = Place(country.alpha_3, "name")
    for alpha3, name in read_tsv("countries.tsv"):
        found[key(name)] = Place(alpha3, "name")
    for name, alpha3, kind in read_tsv("cities.tsv"):
        found.setdefault(key(name), Place(alpha3, kind))
    return found


@cache
def _adjective_rows() -> tuple[tuple[str, str, bool], ...]:
    """(stem, alpha3, whether the stem is a city's) of each row of adjectives.tsv, read once for
    the pattern of every flag and the city stems."""
    rows = read_tsv("adjectives.tsv")
    return tuple((stem, alpha3, city == ["city"]) for stem, alpha3, *city in rows)


@cache
def _adjective_pattern(flags: int = 0) -> tuple[re.Pattern[str], dict[str, str]]:
    stems = {stem: alpha3 for stem, alpha3, _city in _adjective_rows()}
    alternation = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    return re.compile(rf"(?<![а-яё])({alternation})[а-яё]*", flags), stems


def adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, alpha3) for every country adjective or demonym in `text`."""
    lower = text.lower()
    # Matching the lower-cased text is faster than a case-insensitive pattern; the rare
    # text whose length changes when lower-cased ('İ') takes the slow path.
    same = len(lower) == len(text)
    pattern, stems = _adjective_pattern(0 if same else re.IGNORECASE)
    return [
        (m.start(), m.end(), stems[m.group(1).lower().replace("ё", "е")])
        for m in pattern.finditer(lower if same else text)
    ]


@cache
def _city_stems() -> tuple[str, ...]:
    return tuple(stem for stem, _alpha3, city in _adjective_rows() if city)


def city_adjective(word: str) -> bool:
    """Whether a country adjective is a city's ('лондонской', 'московское'), not its country's:
    an office named by it may be another state's ('лондонская дипмиссия' of Russia)."""
    return key(word).startswith(_city_stems())


#: A word for a part of a country: the place named right after it is that part, not the country
#: or capital it spells ('штат Джорджия', 'округ Колумбия', 'штат Вашингтон').
_SUBDIVISION = re.compile(
    r"(?<![а-яё])(?:штат(?:а|е|у|ом|ы|ах|ам|ами)?|округ(?:а|е|у|ом|и|ов|ах|ам|ами)?"
    r"|провинци(?:я|и|ю|ей|й|ях|ям|ями)|област(?:ь|и|ью|ей|ях|ям|ями)"
    r"|графств(?:о|а|е|у|ом)?)[\s(]*$",
    re.IGNORECASE,
)


def after_subdivision(text: str, start: int) -> bool:
    """Whether the place at text[start:] follows a word for a part of a country ('штата
    Джорджия', '(округ Колумбия)'), so is that part."""
    return bool(_SUBDIVISION.search(text, max(0, start - 20), start))


def country_name(alpha3: str) -> str:
    """Russian name of a country code, for display."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return Locale("ru").territories.get(country.alpha_2, alpha3) if country else alpha3


def country_of_name(name: str, kind: str) -> str | None:
    """A place's own country; an organisation's from a country named inside its name."""
    place = places().get(key(name))
    if kind == "LOC":
        return place.country if place else None
    if kind == "ORG":
        words = re.findall(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[A-ZА-ЯЁ]{2,}", name)
        for before, word in zip(["", *words], words, strict=False):
            if (country := country_of_word(word.lower())) and not in_region(before, word):
                return country
        hits = adjectives(name)
        return hits[0][2] if hits else None
    return None


@cache
def _regions() -> frozenset[tuple[str, ...]]:
    """Lemmas of the words of babel's Russian names of parts of the world ('Латинская
    Америка', 'Южная Америка', 'Восточная Европа')."""
    return frozenset(
        tuple(lemma(w) for w in name.split())
        for code, name in Locale("ru").territories.items()
        if code.isdigit()
    )


def in_region(before: str, word: str) -> bool:
    """Whether `word`, a country's name ('Америки'), makes with the word before it the name of
    a part of the world ('Латинской Америки'), which is no country."""
    return bool(before) and (lemma(before), lemma(word)) in _regions()


@lru_cache(maxsize=CACHE_SIZE)
def country_of_word(word: str) -> str | None:
    """The country a word of an organisation's name names, as written or in a normal form
    ('России' -> RUS); organisations' names repeat their words."""
    for candidate in {word, *(p.normal_form for p in morph()(word))}:
        found = places().get(key(candidate))
        if found and found.via == "name":
            return found.country
    return None
