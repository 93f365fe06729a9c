"""Two people's names NER tags as one person's span: 'на встрече с Путиным Трамп
интересовался', 'с премьер-министром Японии Синдзо Абэ Трамп назвал', 'Для Трампа Порошенко и
Коболев интересны'. Such a span is split into two person mentions where both parts are names
the corpus writes often as people's, the first part ends in a surname and either it is a full
name of the corpus ending inside the span or it is in an oblique case and the second part is
not in its case (the second written as its nominative, or its last word in no case the first
part's last word can be in: 'Януковича Путину'). 'Дональда Трампа' is one person (a first name
before the surname), and so is 'Васильева Александра' (a second part of one word must be a
surname too: a word that ends the corpus's full names more often than it opens them). A
person's name glued to a listed medium's after it ('заявил Колобков Р-Спорту') is the person
and the medium.

The splits are found once over the corpus's person names (`glued_spans`), then each chunk's
raw mentions are split (`unglued_spans`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Set
from functools import lru_cache
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.normalize import person_candidates
from pipeline.stages.entities.people import given_name_gender, is_initial

#: Mentions a part's name needs in the corpus to count as a person's name (and more than as a
#: place or an organisation: 'Пхёнчхане Слуцкий'), and at most how
#: many the whole span may have (a name the corpus writes often is one person: 'Новак
#: Джокович').
_KNOWN, _WHOLE_AT_MOST = 5, 2
_WORD = re.compile(r"\S+")
#: Initials written together: 'В.К.'.
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.)+")
#: Letters a surname's forms share at least: its readings can only be names that open so.
_STEM = 3
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


class Split(NamedTuple):
    """Where a span splits (after `words` words) and the names of its two parts."""

    words: int
    first: str
    second: str


def glued_spans(counts: Mapping[tuple[str, str], int], surfaces: Mapping[str, str]) -> dict:
    """Surface -> Split for the person spans (`surfaces`: surface -> its name) that glue two
    names; `counts`: mentions by (type, name)."""
    known, places = Counter(), Counter()
    ends, opens = Counter(), Counter()  # how often a word ends and opens a longer name
    for (kind, name), count in counts.items():
        (known if kind == "PER" else places)[key(name)] += count
        if kind == "PER" and len(words := name.split()) > 1:
            ends[key(words[-1])] += count
            opens[key(words[0])] += count
    surname = frozenset(w for w, n in ends.items() if n > opens[w])
    people = {k: n for k, n in known.items() if n >= _KNOWN and n > places[k]}
    stems, found = {w[:_STEM] for w in surname}, {}
    for surface, name in surfaces.items():
        if known[key(name)] > _WHOLE_AT_MOST:
            continue
        if split := _split(surface, people, surname, stems) or _medium_after(surface):
            found[surface] = split
    return found


def _split(
    surface: str, people: Mapping[str, int], surnames: Set[str], stems: Set[str]
) -> Split | None:
    """The first split of `surface` into two names the corpus knows (`people`: mentions by
    key of a person's name) that the cases or a full name of the first part show, else None.
    The first part ends in a surname (one of `surnames`, keys of words that end the corpus's
    full names more often than they open them; `stems`, their first letters), so does a
    second part of one word."""
    words = surface.split()
    for at in range(1, len(words)):
        first, second = words[:at], words[at:]
        if key(first[-1])[:_STEM] not in stems or _opens_names(first[-1]):
            continue  # no surname of the corpus begins so: no reading can be one
        first_name, second_name = _known(" ".join(first), people), _known(" ".join(second), people)
        if not first_name or not second_name or key(first_name.split()[-1]) not in surnames:
            continue
        if len(second) == 1 and key(second_name) not in surnames:
            continue  # 'Трампа Иванку': a first name alone may be anyone's
        if len(first_name.split()) > 1:
            return Split(at, first_name, second_name)  # a full name ends inside the span
        if first_name != " ".join(first) and _other_case(first[-1], second, second_name):
            return Split(at, first_name, second_name)
    return None


def _medium_after(surface: str) -> Split | None:
    """The split of a person's span that ends in the name of a listed medium (`medium_of`),
    which a verb of speech before governs ('— заявил Колобков Р-Спорту', 'сообщил Павла
    Колобкова Р-Спорт'): the person and the medium, each by its first reading; None for any
    other span."""
    words = surface.split()
    for at in range(1, len(words)):
        if _opens_names(words[at - 1]):
            continue  # 'Майкл Блумберг', 'Рэнди Форбс': a first name's surname, not a medium
        tail = person_candidates(" ".join(words[at:]))
        medium = next((name for _s, name in tail if medium_of(name)), None)
        if medium:
            return Split(at, person_candidates(" ".join(words[:at]))[0][1], medium)
    return None


def _other_case(word: str, second: list[str], second_name: str) -> bool:
    """Whether the oblique `word` that ends a span's first part is in another case than its
    second part: that part written in the nominative (as its name), or in cases of a name
    that `word` never is in ('Трампа Путину')."""
    return second_name == " ".join(second) or not _cases(word) & _cases(second[-1])


def _opens_names(word: str) -> bool:
    """Whether `word` opens a person's name rather than ends one: an initial, a first name in
    the nominative or a patronymic ('Петром Алексеевичем Порошенко')."""
    if is_initial(word) or _INITIALS.fullmatch(word) or given_name_gender(word):
        return True  # a first name in the nominative: 'Коля Прохоркин' is one person
    return any("Patr" in p.tag.grammemes for p in morph()(word.lower()))


def _known(part: str, people: Mapping[str, int]) -> str | None:
    """The reading of `part` the corpus writes most as a person's name (`people`, keys), if
    any, else None."""
    best = max(person_candidates(part), key=lambda r: people.get(key(r[1]), 0))[1]
    return best if key(best) in people else None


@lru_cache(maxsize=CACHE_SIZE)
def _cases(word: str) -> frozenset[str]:
    """The cases the dictionary reads `word` in as a name (a surname or a first name), else as
    a noun; every case for a word it reads in none ('Абэ', an indeclinable name)."""
    parses = morph()(word.lower())
    names = [p for p in parses if {"Surn", "Name"} & p.tag.grammemes]
    found = {str(p.tag.case) for p in names or parses if p.tag.POS == "NOUN" and p.tag.case}
    return frozenset(found & _CASES) or _CASES


def unglued_spans(raw: pa.Table, splits: Mapping[str, Split]) -> pa.Table:
    """The raw mentions (RAW_MENTIONS) with each person's span in `splits` made two mentions,
    each named by its part's name; the second keeps the gender its sentence shows (the verb
    after a glued pair agrees with the name next to it)."""
    if not splits:
        return raw
    glued = pc.is_in(raw["surface"], pa.array(sorted(splits), raw["surface"].type))
    if not pc.any(pc.and_(glued, pc.equal(raw["type"], "PER"))).as_py():
        return raw
    rows, out = raw.to_pylist(), []
    # NER may have tagged a part on its own as well: such a part is not added twice.
    spans = {(r["article_id"], r["start"], r["stop"]) for r in rows}
    for row in rows:
        row["seq"] *= 2  # room for a second part right after a split one
        split = splits.get(row["surface"]) if row["type"] == "PER" else None
        parts = _parts(row, split) if split else [row]
        out += [
            p for p in parts if p is row or (p["article_id"], p["start"], p["stop"]) not in spans
        ]
    return pa.Table.from_pylist(out, schema=raw.schema)


def _parts(row: dict, split: Split) -> list[dict]:
    """The two raw mention rows of a glued person's span `row`."""
    spans = list(_WORD.finditer(row["surface"]))
    middle, second_at = spans[split.words - 1].end(), spans[split.words].start()
    start, surface = row["start"], row["surface"]
    first = {**row, "stop": start + middle, "surface": surface[:middle], "name": split.first}
    second = {**row, "start": start + second_at, "surface": surface[second_at:]}
    second |= {"name": split.second, "seq": row["seq"] + 1}
    first |= {"gender": None, "readings": []}
    second["readings"] = []
    return [first, second]
