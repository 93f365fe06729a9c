"""Which names are one entity: the evidence alias merging keeps per distinct name. Shipped
alias groups, the reading of an ambiguous person's name the corpus supports, and Latin
originals of people's names (which person a name means is `people`; abbreviations are
`abbreviations`)."""

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import product

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.abbreviations import fits
from pipeline.nlp.gazetteer import key, places, read_tsv
from pipeline.nlp.media import MEDIUM, lexicon, medium_of
from pipeline.nlp.models import morph
from pipeline.nlp.ner import Mention, split_country
from pipeline.nlp.normalize import (
    CONSONANTS,
    SURNAME_STEMS,
    VELAR_HUSHING,
    person_candidates,
    words,
)
from pipeline.stages.entities.organisations import ORGANISATION, organisation_names
from pipeline.stages.entities.people import first_name_only, given_name_gender, name_gender
from pipeline.stages.mentions import reading_key, reading_parts, surface_readings

_CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Score a reading gains for each changed word the corpus writes as a name, and loses for each
#: it never writes ('Асия Биби' read as the genitive of a rare 'Асий').
_ATTESTED, _UNATTESTED, _OFTEN = 1.0, -0.6, 3
#: A word written this many times whose reading the corpus never writes, or writes far more
#: rarely, does not decline that way: 'Каролина Плишкова' is no genitive of a 'Каролин
#: Плишков', 'Диего Симеоне' (33 times) no locative of 'Симеон' (twice, another man).
_MANY = 10
#: A Russian surname's nominative, which its paradigm makes sure of even when the corpus only
#: writes an oblique case ('Стравинского'); not a first name's ('Каролин', 'Екатерин').
_PARADIGM = re.compile(r"(?:[оеё]в|[иы]н|[сц]к(?:ий|ая)|[оеё]ва|[иы]на)$")
#: A changed word the corpus writes this many times less often than the word as written
#: is another name, not a form of this one.
_RARER = 8
#: Score a reading that changes a name loses when the corpus writes the name as it stands
#: often, at least once as the subject of a verb (so in the nominative), and never writes the
#: reading whole: 'Юдзуру Ханю' is not 'Юдзур Хань' ('Хань' is another person's name),
#: 'Валентина Матвиенко' not 'Валентин Матвиенко'. A name never a subject keeps its reading
#: even if the corpus only writes it in one oblique case ('Кейлора Наваса').
_NEVER_WHOLE = -1.5
#: Score a reading of a full name gains when the corpus writes it whole as the subject of a
#: verb (so in the nominative): of two readings whose every word it writes, that name.
_WHOLE = 0.5
#: Score of the reading of a surname in the plural that the corpus writes in the singular:
#: above any reading that takes the plural for a singular case ('Миранчуки' for 'Миранчука').
_FAMILY = 3.0
#: Score of the nominative of an adjectival surname ('-ский', '-ская') read from an oblique
#: case only an adjective has: above readings that take the adjective's ending for a noun's.
_ADJECTIVAL = 3.0
#: How many times more often than a plural the corpus writes its singular as a surname.
_SINGULAR = 5
#: Score a lone word's reading gains when it is the form the corpus's longer names read that
#: word as ('Ханю' alone as in 'Юдзуру Ханю', 'Мартену' as in 'Мартену Фуркаду'),
#: given this many mentions of such names and this share of them reading it so.
_IN_FULL, _IN_FULL_MENTIONS, _IN_FULL_SHARE = 2.0, 5, 0.8
#: Score a reading loses when it gives a woman's first name a man's surname read from a
#: woman's: 'Майя Петрова' is no genitive of 'Майя Петров', 'Дарья Лунгина' none of 'Дарья
#: Лунгин' (a woman's first name kept as written would be 'Майи', 'Дарьи' in that case).
_WOMANS_FIRST_NAME = -1.5
#: How many times a name kept as written must be a verb's subject to show its words'
#: nominative: once may be a participle agreeing with another word.
_IN_FULL_SUBJECT = 2
#: Score a reading of a full name loses when the corpus never writes it, neither whole nor in a
#: case only it explains, and does so for a reading of the other gender: 'Евгения Тарасова' is
#: no genitive of a 'Евгений Тарасов' when the corpus writes 'Евгении Тарасовой' and never
#: 'Евгением Тарасовым'.
_UNCONFIRMED = -1.5
#: Score a reading loses when it takes a first name in -а beside a surname that does not
#: decline for the genitive of a man's name, where the corpus's sentences show that surname
#: as a woman's: 'Каролина Возняцки' ('заявила Возняцки') is no genitive of a 'Каролин'.
_WOMANS_INDECLINABLE = -3.0

#: Score a reading loses when it takes a last word in -а for the genitive of a man's name the
#: corpus never writes, where its sentences show that word as a man's subject: 'Тито Виланова
#: покинул', 'Дрогба забил' (`_mans_name_in_a`).
_MANS_NAME_IN_A = -1.5


#: A name -> the readings offered with it by each surface that offers it, with that surface's
#: mentions and the surface.
Offers = dict[str, list[tuple[frozenset[str], int, str]]]


@cache
def alias_groups() -> tuple[dict[str, str], dict[str, tuple[str, str, str | None]]]:
    """(name key -> canonical key, canonical key -> (canonical, type, country)): the groups of
    `aliases.tsv`, and the media of `media.tsv` as groups of type MEDIUM."""
    to_canonical: dict[str, str] = {}
    info: dict[str, tuple[str, str, str | None]] = {}
    for canonical, kind, country, *rest in read_tsv("aliases.tsv"):
        head = key(canonical)
        info[head] = (canonical, kind, country or None)
        for alias in [canonical, *(rest[0].split("|") if rest and rest[0] else [])]:
            to_canonical[key(alias)] = head
    media = lexicon()
    to_canonical.update(media.heads)
    info.update({head: (name, MEDIUM, country) for head, (name, country) in media.info.items()})
    return to_canonical, info


def canonical_key(name: str) -> str:
    """The key of the alias group or the medium (`medium_of`) a name belongs to; for a name
    that ends with a country or an international organisation (`international`), the rest
    with the owner's code or key ('Минобороны РФ' and 'Минобороны России' are one); else the
    name's own key."""
    own = key(name)
    return alias_groups()[0].get(own) or medium_of(name) or _with_owner(name) or own


def _with_owner(name: str) -> str | None:
    if found := split_country(name):
        return f"{key(found[0])}{OWNED}{found[1].lower()}"
    bare, _space, last = name.rpartition(" ")
    return f"{key(bare)}{OWNED}{canonical_key(last)}" if bare and international(last) else None


#: What parts the key of a name with its owner (`_with_owner`) from the owner's.
OWNED = " @"


def international(surface: str) -> bool:
    """Whether `surface` is an international organisation's abbreviation, which owns the
    bodies named before it as a country owns a national body ('ООН' of 'Совет Безопасности
    ООН', 'ОБСЕ'): an alias group of `aliases.tsv` of type ORG and no country, in capitals."""
    if not surface.isupper():
        return False
    to_canonical, info = alias_groups()
    group = info.get(to_canonical.get(key(surface), ""))
    return group is not None and group[1] == ORGANISATION and group[2] is None


def short_forms(keys: Iterable[str]) -> list[tuple[str, str]]:
    """(short key, full key) of the names among `keys` to join: an owner's body named by one
    word ('Совбез ООН', 'СБ ООН', 'Минобороны России', 'Генассамблея ООН') and the one
    name of several words of that owner's bodies its letters fit ('Совет Безопасности ООН',
    'Министерство обороны России', 'Генеральная Ассамблея ООН'; `abbreviations.fits`). A
    word that fits two ('СБ Украины': 'Служба безопасности', 'Совет безопасности') joins
    neither."""
    owned: dict[str, set[str]] = defaultdict(set)  # owner -> its bodies' bare keys
    for found in keys:
        bare, sep, owner = found.rpartition(OWNED)
        if sep and bare:
            owned[owner].add(bare)
    pairs = []
    for owner, bodies in sorted(owned.items()):
        for short in sorted(b for b in bodies if " " not in b):
            fulls = [full for full in sorted(bodies) if " " in full and fits(full, short)]
            if len(fulls) == 1:
                pairs.append((f"{short}{OWNED}{owner}", f"{fulls[0]}{OWNED}{owner}"))
    return pairs


def country_abbreviations(counts: Mapping[tuple[str, str], int]) -> list[tuple[str, str]]:
    """Place names to join, from (type, name) -> mentions: a country's abbreviation ('КНР',
    'ФРГ', 'КНДР') and the name the corpus writes most for that country ('Китай', 'Германия',
    'Северная Корея'). A country's other names stay apart: 'Англия' is not 'Великобритания'."""
    abbreviations: dict[str, list[str]] = defaultdict(list)
    full: dict[str, Counter] = defaultdict(Counter)
    for (kind, name), n in sorted(counts.items()):
        place = places().get(key(name)) if kind == "LOC" else None
        if place is None or place.via != "name":
            continue
        if name.isupper():
            abbreviations[place.country].append(name)
        else:
            full[place.country][name] += n
    return [
        (abbreviation, most_common(full[code]))
        for code, found in sorted(abbreviations.items())
        if full[code]
        for abbreviation in found
    ]


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def most_common(counts: Mapping[str | None, int]) -> str | None:
    """The value with the largest count, empty values aside; ties go to Cyrillic over Latin
    ('Саиф Мулук' over 'Saif Mulook'), then to the shorter, then alphabetically."""
    if len(counts) == 1:  # most groups are written one way
        (value,) = counts
        return value or None
    found = {v: c for v, c in counts.items() if v}
    if not found:
        return None
    return min(found, key=lambda v: (-found[v], not _CYRILLIC.search(v), len(v.split()), v))


@dataclass
class Readings:
    """What the corpus's people's names say, from all their raw mentions: the name chosen for
    each `reading_key` with several readings, each name's mentions (after those choices) by
    (type, name), and the genders their sentences show, by person name."""

    chosen: dict[str, tuple[str, ...]]  # the chosen name first, then the other readings
    counts: Counter  # (type, name) -> mentions
    genders: dict[str, Counter]  # person name -> gender -> mentions that show it
    organisations: dict[str, str] = field(default_factory=dict)  # surface -> organisation_names
    #: A person's surface of several words -> its name (the first in sort order of its names)
    spans: dict[str, str] = field(default_factory=dict)


def _one_words(names: pa.ChunkedArray) -> Counter[str]:
    """How many of `names` are each name of one word (lower case)."""
    values, counts = pc.value_counts(names.combine_chunks()).flatten()
    found: Counter[str] = Counter()
    for name, count in zip(values.to_pylist(), counts.to_pylist(), strict=True):
        if len(words(name)) == 1:
            found[name.lower()] += count
    return found


def _words_before(raw: pa.Table) -> Counter[tuple[str, str]]:
    """(surface, word before) -> mentions, of the organisations of `raw` with a `before`."""
    found = raw.filter(
        pc.and_(pc.equal(raw["type"], ORGANISATION), pc.not_equal(raw["before"], ""))
    )
    pairs = found.group_by(["surface", "before"]).aggregate([("seq", "count")])
    columns = (pairs[c].to_pylist() for c in ("surface", "before", "seq_count"))
    return Counter({(s, w): n for s, w, n in zip(*columns, strict=True)})


def chosen_readings(raws: Iterable[pa.Table]) -> Readings:
    """The Readings of the mentions of `raws` (RAW_MENTIONS, in parts), with the names the
    corpus reads for organisations (`organisation_names`: 'Известия', not 'Известие'; with
    a `before` column, the word before each organisation's one-word mention, see
    `_raw_mentions` in merge.py).

    A reading is chosen by how the corpus writes names: first by the names that sentences
    show a gender for ('заявила Захарова' makes 'Захарова' a woman's name wherever the
    surface is ambiguous), then word by word: 'Асии Биби' reads 'Асия Биби' (not 'Асий
    Биби') when 'Асия' occurs and 'Асий' never does. It depends on the reading key alone."""
    written: Counter[str] = Counter()  # how often each surface of a person is written
    others: Counter[str] = Counter()  # mentions of each other name of one word
    readings: dict[str, tuple[tuple[float, str], ...]] = {}
    rows: Counter[tuple[str, str, str | None, str]] = Counter()
    before: Counter[tuple[str, str]] = Counter()  # organisations' (surface, word before)
    for raw in raws:
        if "before" in raw.column_names:
            before.update(_words_before(raw))
        people = raw.filter(pc.equal(raw["type"], "PER"))["surface"].combine_chunks()
        surfaces, counts = pc.value_counts(people).flatten()
        written.update(dict(zip(surfaces.to_pylist(), counts.to_pylist(), strict=True)))
        others.update(_one_words(raw.filter(pc.not_equal(raw["type"], "PER"))["name"]))
        for reading, found in surface_readings(raw).items():
            if len(found) > len(readings.get(reading, ())):
                readings[reading] = found  # the most readings, as within a part
        found = raw.group_by(["type", "surface", "gender", "name"]).aggregate([("seq", "count")])
        columns = ("type", "surface", "gender", "name", "seq_count")
        for kind, surface, gender, name, count in zip(
            *(found[c].to_pylist() for c in columns), strict=True
        ):
            rows[kind, surface, gender, name] += count
    seen: Counter[str] = Counter()  # how often each word is written in people's names
    ends, opens = Counter(), Counter()  # how often each word ends and opens a longer name
    for surface, count in written.items():
        found = [word.lower() for word in words(surface)]
        for word in found:
            seen[word] += count
        if len(found) > 1:
            ends[found[-1]] += count
            opens[found[0]] += count
    surnames = Counter({w: n for w, n in ends.items() if n > opens[w]})  # not 'Роман'
    # First the surfaces whose sentences show a gender, by the words the corpus writes; the
    # names so chosen then attest a reading of the same surface where no gender shows.
    shown: Counter[str] = Counter()
    subjects: Counter[str] = Counter()  # how often each surface is the subject of a verb
    kept: Counter[str] = Counter()  # how often each surface is read as it stands
    # The genders sentences show for the names each word (lower case) ends.
    last_genders: dict[str, Counter[str]] = defaultdict(Counter)
    for (kind, surface, gender, name), count in rows.items():
        if kind == "PER" and gender:
            subjects[surface] += count
            last_genders[surface.split()[-1].lower()][gender] += count
        if kind == "PER" and name == surface:
            kept[surface] += count
    parts = {reading: reading_parts(reading) for reading in readings}
    offers = _offers(rows, readings)
    nominatives = _kept_words(rows)
    best: dict[str, str] = {}
    readings = {
        reading: _fleeting_vowels(found, written)
        + _family(parts[reading][0], found, surnames, seen)
        + _adjectival(parts[reading][0], found)
        + _womans_adjectival(parts[reading][0], found)
        + _hyphenated_first_names(parts[reading][0], found, seen)
        + _combined(parts[reading][0], found, written, kept, subjects)
        for reading, found in readings.items()
    }
    for reading, (surface, gender) in parts.items():
        if gender:
            best[reading] = _best_reading(
                surface,
                readings[reading],
                seen,
                written,
                subjects,
                offers=offers,
                last_genders=last_genders,
                nominatives=nominatives,
                others=others,
                subject=True,
            )
    for (kind, surface, gender, name), count in rows.items():
        if kind == "PER" and gender:
            shown[best.get(reading_key(surface, gender), name)] += count
    for reading, (surface, gender) in parts.items():
        if not gender and len(readings[reading]) > 1:
            best[reading] = _best_reading(
                surface,
                readings[reading],
                seen,
                written,
                subjects,
                shown,
                offers=offers,
                last_genders=last_genders,
                nominatives=nominatives,
                others=others,
                subject=False,
            )
    # A lone word is read as the longer names that open or end with it are read.
    in_full = _forms_in_full(rows, best, subjects)
    for reading, (surface, gender) in parts.items():
        if surface.lower() in in_full and len(readings[reading]) > 1:
            best[reading] = _best_reading(
                surface,
                readings[reading],
                seen,
                written,
                subjects,
                None if gender else shown,
                in_full,
                offers=offers,
                last_genders=last_genders,
                nominatives=nominatives,
                others=others,
                subject=bool(gender),
            )
    best |= {
        reading: apposed
        for reading, (surface, gender) in parts.items()
        if (apposed := _without_apposition(surface, gender, written))
    }
    best |= _oblique_subjects(parts, readings, best, written)
    chosen = {
        reading: (name, *(n for _s, n in readings[reading] if n != name))
        for reading, name in best.items()
    }
    owned = _owners_names(rows, chosen, written)
    chosen |= {reading: (name, reading_parts(reading)[0]) for reading, name in owned.items()}
    written_names: Counter[tuple[str, str, str]] = Counter()
    for (kind, surface, _gender, name), count in rows.items():
        written_names[kind, surface, name] += count
    organisations = organisation_names(written_names, before)
    counts: Counter[tuple[str, str]] = Counter()
    genders: dict[str, Counter] = defaultdict(Counter)
    spans: dict[str, str] = {}
    for (kind, surface, gender, name), count in sorted(rows.items(), key=str):
        if kind == "PER":
            name = chosen.get(reading_key(surface, gender), (name,))[0]
            if " " in surface:
                spans.setdefault(surface, name)
            if gender and reading_key(surface, gender) not in owned:
                genders[name][gender] += count
        elif kind == ORGANISATION:
            name = organisations.get(surface, name)
        counts[kind, name] += count
    return Readings(chosen, counts, dict(genders), organisations, spans)


def _oblique_subjects(
    parts: Mapping[str, tuple[str, str | None]],
    readings: Mapping[str, tuple[tuple[float, str], ...]],
    best: Mapping[str, str],
    written: Counter[str],
) -> dict[str, str]:
    """The names of surfaces that a verb's gender kept as written, as if they were the verb's
    subject, though they are an oblique case: 'Гол Пьера-Эмерика Обамейянга помог', 'Выход
    Лоренсо Мельгарехо и Марио Пашалича добавил' (the verb agrees with the noun that owns the
    name). Such a surface takes the name its mentions with no gender shown read, where that
    name has as many words and a surname of no other gender ('Захарова' is not the 'Захаров'
    of other sentences), the corpus writes it as a person's whole surface ('Марио Пашалич'),
    and a word of the surface is no nominative of that gender in the dictionary ('Коля' is
    one: 'Коля сказал' stays, though 'Коля' is also Kohl's genitive)."""
    found = {}
    for reading, (surface, gender) in parts.items():
        if not gender or best.get(reading, surface) != surface:
            continue
        plain = reading_key(surface, None)
        name = best.get(plain) or next(iter(readings.get(plain, ())), (0.0, surface))[1]
        if (
            name != surface
            and len(name.split()) == len(surface.split())
            and written[name]
            and _surname_gender(name) in (None, gender)
            and not _nominative_of(surface, gender)
        ):
            found[reading] = name
    return found


def _nominative_of(surface: str, gender: str) -> bool:
    """Whether the dictionary knows every word of `surface` as a nominative singular that a
    name of `gender` may be ('Коля', 'Мария'; not 'Макроном', 'Пашалича', which it does not
    know, nor 'Евгения' for a man)."""
    return all(
        any(
            p.is_known
            and p.tag.case == "nomn"
            and p.tag.number != "plur"
            and (p.tag.gender in (gender, None) or "Ms-f" in p.tag.grammemes)
            for p in morph()(word.lower())
        )
        for word in words(surface)
    )


#: How many times more often the corpus writes a name as a person's whole surface than
#: sentences show a woman's reading of one of its oblique cases, for that showing to be a
#: verb agreeing with a noun that owns the name ('речь Путина ознаменовала': 'Путин' 1,412
#: times, 'Путина' shown feminine 7), not a woman's name (docs/entities.md).
_OWNER_RATIO = 20


def _owners_names(
    rows: Mapping[tuple[str, str, str | None, str], int],
    chosen: Mapping[str, tuple[str, ...]],
    written: Counter[str],
) -> dict[str, str]:
    """The feminine reading keys whose surface, kept as written, is a woman's name only by a
    verb that agrees with another word ('вероятность победы Байдена была', 'политика Ангелы
    Меркель спровоцировала') -> the name the same surface reads where no gender shows
    ('Байден', 'Ангела Меркель'), when the corpus writes that name `_OWNER_RATIO` times as
    often as sentences show the surface as written; not where it may name another woman
    (`_another_woman`)."""
    mentions: Counter[tuple[str, str | None]] = Counter()
    names: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    for (kind, surface, gender, name), count in rows.items():
        if kind == "PER":
            mentions[surface, gender] += count
            names[surface, gender][chosen.get(reading_key(surface, gender), (name,))[0]] += count
    read = {key: most_common(found) for key, found in names.items()}
    women = {n.split()[-1] for n in read.values() if n and " " in n and _one_gender(n) == "femn"}
    found = {}
    for (surface, gender), count in mentions.items():
        other = read.get((surface, None))
        if (
            gender == "femn"
            and read[surface, gender] == surface
            and other not in (None, surface)
            and written[other] >= _OWNER_RATIO * count
            and not _another_woman(surface, other, women)
        ):
            found[reading_key(surface, gender)] = other
    return found


def _another_woman(surface: str, other: str, women: set[str]) -> bool:
    """Whether `surface`, kept as written, may name a woman the name `other` is not: `other`
    a man's name and the surname one the corpus gives a woman with her first name ('Ольга
    Зайцева'); not where `other` is a woman's too ('Ангелы Меркель')."""
    return name_gender(other) != "femn" and surface.split()[-1] in women


#: Mentions a name needs in the corpus, written alone as a person's in the nominative, to be
#: the person a common noun glued to it by a hyphen stands beside ('Трампа-кандидата' is Трамп).
_APPOSED = 3
#: Nouns of kinship that after a hyphen tell a generation, as 'младший' does ('Дюма-сын'), or
#: make a figure's name ('Родина-мать'): part of the name, not an apposition.
_KIN = frozenset({"сын", "дочь", "отец", "мать"})
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Fixd"})


def _without_apposition(surface: str, gender: str | None, written: Counter[str]) -> str | None:
    """The name of a person's `surface` whose last word a hyphen glues to a common noun of a
    person, written in lower case ('Трампа-кандидата' -> 'Трамп', 'Ярош-миротворец' ->
    'Ярош'): the noun is an apposition, the person the name before it, read in the noun's
    case, where the corpus (`written`: person surfaces) writes that name alone. A title fused
    with a name stays ('Осман-паша': 'паша' is a name too; 'Далай-лама': 'Далай' is no
    person's name of the corpus), and so does a first name alone ('Иван-дурак', a figure).
    None where there is no such noun."""
    head, hyphen, tail = surface.rpartition("-")
    if not hyphen or not head or not tail.isalpha() or not tail.islower():
        return None
    cases = _person_noun_cases(tail)
    if not cases or (" " not in head and first_name_only(head)):
        return None
    # the name as written only where the noun may be a nominative ('Глушакова-спасителя' is
    # no woman's nominative)
    found = [
        n for _s, n in person_candidates(head, gender, cases=cases) if n != head or "nomn" in cases
    ]
    return next((n for n in found if written[n] >= _APPOSED), None)


@cache
def _person_noun_cases(word: str) -> frozenset[str]:
    """The cases of `word` where the dictionary knows it as an animate common noun (a person's
    role or kind: 'кандидата', 'миротворец'), and never as a name, a place, a noun of kinship
    or another part of speech; else none. A thing's noun spelt alike does not stop it, for it
    names no person a name stands beside ('политика' is a policy too: 'Трампа-политика' is
    the genitive of 'политик')."""
    parses = [p for p in morph()(word) if p.is_known]
    if any(
        p.tag.POS != "NOUN" or _PROPER_TAGS & p.tag.grammemes or p.normal_form in _KIN
        for p in parses
    ):
        return frozenset()
    return frozenset(p.tag.case for p in parses if "anim" in p.tag.grammemes)


def _forms_in_full(
    rows: Mapping[tuple[str, str, str | None, str], int],
    best: Mapping[str, str],
    subjects: Counter[str],
) -> dict[str, str]:
    """Word (lower case) -> the word the chosen readings of the corpus's person names of two or
    more words put in its place when it opens or ends them, where most of their mentions agree:
    'мартену' -> 'мартен' ('Мартену Фуркаду' -> 'Мартен Фуркад'), 'ханю' -> 'ханю' ('Юдзуру
    Ханю' stays as written). A reading that declines a word shows its case by
    the words beside it; one that keeps the name as written counts only for a name the corpus
    writes as a verb's subject, so in the nominative ('Сереной Уильямс', kept where no
    reading fits, counts for nothing)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for (kind, surface, gender, name), count in rows.items():
        written = [w.lower() for w in words(surface)]
        read = [w.lower() for w in words(best.get(reading_key(surface, gender), name))]
        if kind != "PER" or len(written) < 2 or len(read) != len(written):
            continue
        kept = read == written and subjects[surface] >= _IN_FULL_SUBJECT
        for i in (0, -1):
            if kept or read[i] != written[i]:
                votes[written[i]][read[i]] += count
    found = {}
    for word, counts in votes.items():
        (form, count), total = counts.most_common(1)[0], counts.total()
        if total >= _IN_FULL_MENTIONS and count >= _IN_FULL_SHARE * total:
            found[word] = form
    return found


_FLEETING = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])([кц])$")


def _fleeting_vowels(
    readings: tuple[tuple[float, str], ...], written: Counter[str]
) -> tuple[tuple[float, str], ...]:
    """`readings` and, where the corpus writes it whole, each reading's surname with the
    fleeting vowel its oblique forms drop: 'Олега Знарка' reads 'Олег Знарк', which the corpus
    never writes, and 'Олег Знарок', which it does ('Кравца' -> 'Кравец')."""
    extra = []
    for score, name in readings:
        for vowel in "ое":
            variant = _FLEETING.sub(vowel + r"\1", name)
            if variant != name and written[variant] and all(n != variant for _s, n in readings):
                extra.append((score, variant))
    return readings + tuple(extra)


#: A surname's plural endings -> the endings of its singular that may precede them: the
#: nominative ('Миранчуки', 'Степановы', 'Скрипали'), then the oblique cases ('Миранчуков',
#: 'Степановых', 'Скрипалей', 'Дукурсам'). Not '-ым', which ends a man's instrumental too.
_PLURAL_ENDINGS = {
    "ы": ("",),
    "и": ("", "ь"),
    "ов": ("",),
    "ей": ("ь",),
    "ых": ("",),
    "ыми": ("",),
    "ам": ("",),
    "ами": ("",),
    "ям": ("ь",),
    "ями": ("ь",),
}


def _singular(word: str, surnames: Counter[str], seen: Counter[str]) -> str | None:
    """The surname whose plural `word` is ('Миранчуки' -> 'Миранчук', 'Степановых' ->
    'Степанов', 'Скрипалей' -> 'Скрипаль'), if the corpus writes it as a surname (`surnames`:
    lower case, how often last in a longer name) far more often than `word`, or writes it and
    its nominative plural in names (`seen`: 'Скрипаль' and 'Скрипали'). 'Морозов' is no
    plural of 'Мороз', nor 'Керри' of 'Керр'."""
    if _given_name(word):
        return None  # 'Коли', 'Колей' are Коля's
    often = _SINGULAR * max(surnames[word.lower()], 1)
    for plural, endings in _PLURAL_ENDINGS.items():
        stem = word[: -len(plural)]
        if not word.endswith(plural) or len(stem) < 3 or stem[-1] not in CONSONANTS:
            continue
        if plural in ("ых", "ыми") and not stem.endswith(SURNAME_STEMS):
            continue  # an adjective's ending, unless the stem is a Russian surname's
        if plural == "и" and stem[-1] not in VELAR_HUSHING:
            endings = ("ь",)  # 'Скрипали', not 'Аббаси'
        for ending in endings:
            singular = (stem + ending).lower()
            family = _nominative_plural(singular)
            if surnames[singular] >= often or (
                plural != "ов"  # a Russian surname's own ending: 'Николов', 'Миланов'
                and seen[singular]
                and seen[family]
                and family != word.lower()
            ):
                return stem + ending
    return None


@cache
def _given_name(word: str) -> bool:
    """Whether the dictionary knows `word` as a form of a first name ('Коли', 'Нади')."""
    return any("Name" in p.tag.grammemes and p.is_known for p in morph()(word.lower()))


@cache
def _oblique_first_name(name: str) -> bool:
    """Whether a name of several words opens with one the dictionary knows as a man's first
    name in the genitive, dative, accusative or instrumental and as no first name in the
    nominative ('Андрея Звягинцева', 'Майку Салливану'; not 'Рината', also a woman's, nor
    'Даниэле', an Italian nominative as well as a locative)."""
    first, *rest = name.lower().split()
    parses = [p for p in morph()(first) if p.is_known and "Name" in p.tag.grammemes]
    return (
        bool(rest)
        and not any(p.tag.case == "nomn" for p in parses)
        and any(
            p.tag.gender == "masc" and p.tag.case in ("gent", "datv", "accs", "ablt")
            for p in parses
        )
    )


def _nominative_plural(singular: str) -> str:
    if singular.endswith("ь"):
        return singular[:-1] + "и"
    return singular + ("и" if singular[-1] in VELAR_HUSHING else "ы")


def _family(
    surface: str,
    readings: tuple[tuple[float, str], ...],
    surnames: Counter[str],
    seen: Counter[str],
) -> tuple[tuple[float, str], ...]:
    """The reading of a name whose surname is in the plural, where the corpus writes that
    surname in the singular: a family alone is named in the nominative plural ('братья
    Миранчуки', 'отравление Скрипалей' -> 'Скрипали'); one of the family named with a first
    name has the singular ('Томас и Мартинс Дукурсы' -> 'Мартинс Дукурс', 'Виталия
    Степановых' -> 'Виталий Степанов', 'Юлии' -> 'Юлия Степанова')."""
    tokens = surface.split()
    singular = _singular(tokens[-1], surnames, seen) if tokens else None
    if singular is None:
        return ()
    if len(tokens) == 1:
        return ((_FAMILY, _nominative_plural(singular)),)
    # The first name is in the plural's case: nominative with a nominative plural ('Мартинс
    # Дукурсы'), oblique with an oblique one ('Виталия Степановых'; 'Андрей Савиных' and
    # 'Ярослав Кузьминов' are one man's surnames).
    first = readings[0][1].split()[:-1] if readings else tokens[:-1]
    if (first == tokens[:-1]) != tokens[-1].lower().endswith(("ы", "и")):
        return ()
    feminine = singular.endswith(SURNAME_STEMS) and name_gender(" ".join(first)) == "femn"
    return ((_FAMILY, " ".join([*first, singular + ("а" if feminine else "")])),)


#: The oblique endings of an adjectival surname in '-ск-'/'-цк-' that no nominative shares ->
#: the nominative ending of that gender and number: 'Качиньского' -> 'Качиньский',
#: 'Ратушинскую' -> 'Ратушинская', 'Березуцкими' -> 'Березуцкие'. Not '-ской', which is a
#: woman's oblique case and a man's nominative alike ('Ратушинской', 'Трубецкой'), nor '-ских',
#: which ends indeclinable surnames as well ('Игорь Ананских', 'Настя Каменских').
_ADJECTIVAL_ENDINGS = {
    "ого": "ий",
    "ому": "ий",
    "ом": "ий",
    "ую": "ая",
    "ою": "ая",
    "ими": "ие",
}
#: The whole last word: 'А.Попогребского', an initial glued to the surname, is left alone.
_ADJECTIVAL_SURNAME = re.compile(
    r"^[А-ЯЁа-яё-]*[А-ЯЁа-яё]{3}[сц]к("
    + "|".join(sorted(_ADJECTIVAL_ENDINGS, key=len)[::-1])
    + ")$"
)


def _adjectival(
    surface: str, readings: tuple[tuple[float, str], ...]
) -> tuple[tuple[float, str], ...]:
    """The reading of a name whose last word is an adjectival surname in an oblique case, with
    that surname in its nominative, where the readings offered keep the case or take it for a
    noun's ('Ратушинскую' read 'Ратушинскуй', 'Леха Качиньского' kept as written); the other
    words are as the first reading has them ('Лех Качиньский')."""
    tokens = surface.split()
    found = _ADJECTIVAL_SURNAME.search(tokens[-1]) if tokens else None
    if found is None:
        return ()
    last = tokens[-1][: found.start(1)] + _ADJECTIVAL_ENDINGS[found.group(1)]
    first = readings[0][1].split()[:-1] if readings else tokens[:-1]  # 'И.К.' read 'И. К.'
    return ((_ADJECTIVAL, " ".join([*first, last])),)


#: The nominative of a woman's adjectival surname, which no other case nor gender shares.
_WOMANS_ADJECTIVAL = re.compile(r"^[А-ЯЁа-яё-]*[А-ЯЁа-яё]{3}[сц]кая$")


def _womans_adjectival(
    surface: str, readings: tuple[tuple[float, str], ...]
) -> tuple[tuple[float, str], ...]:
    """The reading of a name whose last word is a woman's adjectival surname in the nominative
    ('Левицкая') that keeps that word, and so the name, as written: the name is a woman's in
    the nominative, however the readings offered take the first name ('Александра Левицкая',
    not 'Александр Левицкай')."""
    tokens = surface.split()
    if not tokens or not _WOMANS_ADJECTIVAL.search(tokens[-1]):
        return ()
    kept = [name for _s, name in readings if name.split()[-1:] == tokens[-1:]]
    return ((_ADJECTIVAL, kept[0] if kept else surface),)


def _hyphenated_first_names(
    surface: str, readings: tuple[tuple[float, str], ...], seen: Counter[str]
) -> tuple[tuple[float, str], ...]:
    """Readings of a name of several words whose hyphenated first name a reading declines in
    its last part only ('Франка-Вальтера Штайнмайера' read 'Франка-Вальтер Штайнмайер'), with
    the other parts that carry the same case ending declined alike ('Франк-Вальтер'), where
    the corpus's people's names write the first name so."""
    tokens = surface.split()
    found = []
    for score, name in readings:
        read = name.split()
        if len(read) != len(tokens) or len(tokens) < 2:
            continue
        declined = [_declined_parts(w, r) for w, r in zip(tokens[:-1], read[:-1], strict=True)]
        if any(d != r and seen[d.lower()] for d, r in zip(declined, read, strict=False)):
            # each first name as the corpus writes it, else as the reading has it
            first = [d if seen[d.lower()] else r for d, r in zip(declined, read, strict=False)]
            found.append((score, " ".join([*first, read[-1]])))
    return tuple(found)


def _declined_parts(written: str, read: str) -> str:
    """`read`, a hyphenated word's reading, with each part before the last that it keeps as
    `written` and that ends in the case ending the reading takes off the last part given the
    last part's nominative ending instead: 'Франком-Вальтером' read 'Франком-Вальтер' ->
    'Франк-Вальтер'."""
    parts, forms = written.split("-"), read.split("-")
    if len(parts) < 2 or len(parts) != len(forms):
        return read
    size = len(os.path.commonprefix([parts[-1], forms[-1]]))
    ending, nominative = parts[-1][size:], forms[-1][size:]
    if not ending:
        return read
    forms[:-1] = [
        part[: -len(ending)] + nominative
        if form == part and part.endswith(ending) and len(part) > len(ending) + 2
        else form
        for part, form in zip(parts[:-1], forms[:-1], strict=True)
    ]
    return "-".join(forms)


def _combined(
    surface: str,
    readings: tuple[tuple[float, str], ...],
    whole: Counter[str],
    kept: Counter[str],
    subjects: Counter[str],
) -> tuple[tuple[float, str], ...]:
    """The names that take each word from one of the `readings` of a full `surface`, none of
    which the corpus writes (the surface as written aside), where it writes that name as a
    verb's subject (so in the nominative) or often where its mentions read it as it stands
    (`kept`): 'Бараку Обаме' reads 'Барак Обаме' and 'Бараку Обама', the corpus writes 'Барак
    Обама'; 'Поля Погба' reads 'Поль Погб' and 'Поля Погба', it writes 'Поль Погба'. Each
    scores as the lowest of the readings it takes words from."""
    split = [(score, name.split()) for score, name in readings]
    size = len(split[0][1]) if split else 0
    if size < 2 or any(len(tokens) != size for _s, tokens in split):
        return ()
    # Each position's words, with the best score of a reading that puts it there.
    options: list[dict[str, float]] = [{} for _ in range(size)]
    for score, tokens in split:
        for option, word in zip(options, tokens, strict=True):
            option[word] = max(option.get(word, score), score)
    offered = {name for _s, name in readings}
    if any(whole[name] for name in offered - {surface}):
        return ()  # the corpus writes a reading offered: 'Агнешка Радваньская', 'Дэн Сяопин'
    found = []
    for chosen in product(*(sorted(option) for option in options)):
        name = " ".join(chosen)
        if name not in offered and (subjects[name] or kept[name] >= _OFTEN):
            found.append((min(o[w] for o, w in zip(options, chosen, strict=True)), name))
    return tuple(found)


def _best_reading(
    surface: str,
    readings: tuple[tuple[float, str], ...],
    seen: Counter[str],
    whole: Counter[str],
    subjects: Counter[str],
    shown: Counter[str] | None = None,
    in_full: Mapping[str, str] | None = None,
    *,
    offers: Offers,
    last_genders: Mapping[str, Counter[str]],
    nominatives: Counter[str],
    others: Counter[str],
    subject: bool = False,
) -> str:
    written = [w.lower() for w in words(surface)]
    # The form longer names give a lone word (`_forms_in_full`).
    full_form = in_full.get(written[0]) if in_full and len(written) == 1 else None
    # Per reading, the positions it changes and the word it puts there.
    changes = [
        (
            score,
            name,
            [(i, w) for i, (w, was) in enumerate(zip(ws, written, strict=False)) if w != was],
        )
        for score, name in readings
        for ws in [[w.lower() for w in words(name)]]
    ]

    def attested(i: int, word: str) -> bool:
        # Written as a name, and not much rarer than the word as written: 'Полин' (2 times)
        # is another name than 'Полина' (80), 'Юлий' (14) than 'Юлия' (400); or written in
        # the instrumental only a man's name of that nominative makes ('Омраном': 'Омран').
        if _hers_or_his(written[i], word, seen) and not (
            nominatives[word] or last_genders.get(word, Counter())["masc"]
        ):
            return False
        if _plural_of(word, written[i]) and not nominatives[word]:
            return False  # 'Серёж'; not 'Киран', a nominative in 'Киран Триппьер'
        if (many or written[i].endswith(_OWN_NOMINATIVE)) and _never_nominative(
            written[i], word, nominatives, subjects
        ):
            return False  # 'Рича' of 'Сета Рича' attests no 'Гай Рича' for 'Гай Ричи'
        return (seen[word] > 0 and seen[word] * _RARER >= seen[written[i]]) or any(
            seen[form] for form in _instrumentals(word) if form != written[i]
        )

    def surname(i: int, word: str) -> bool:
        return i == len(written) - 1 and bool(_PARADIGM.search(word))

    def guessed(i: int, word: str, changed: list[tuple[int, str]]) -> bool:
        # A word of a full name read as the oblique case of a nominative neither the corpus's
        # names nor the dictionary know, beside a word kept as written: 'Хайме Исаги' is no
        # 'Хайм' nor 'Исага' (`_invented`); a word in '-у' only where a verb shows the
        # mention's gender (`subject`: 'Гол Теэму Пукки позволил', no 'Теэм').
        kept = len(changed) < len(written)
        ends = _VOWEL_ENDS + ("у",) if subject else _VOWEL_ENDS
        return many and kept and not seen[word] and _invented(written[i], word, ends)

    def made_up(i: int, word: str) -> bool:
        # The nominative of a place or organisation of one word named often, read as a form
        # that names far more rarely are: 'Америка Феррера' is no genitive of an 'Америк
        # Феррер' (places are 'Америка' 330 times; 'обеих Америк' is a plural).
        many = others[written[i]]
        return many >= _MANY and (others[word] + seen[word]) * _RARER < many

    rivals = {name for _s, name in readings}
    # only a full name's readings are confirmed by other cases (a one-word surface's are words)
    many = len(written) > 1
    confirmed = {name: many and _confirmed(offers, name, rivals, surface) for name in rivals}
    # The one reading other cases of the full name confirm (not the name written as it
    # stands, which may be another spelling: 'Каролин Возняцки') decides its words: another
    # person's name that writes a rival's word attests nothing ('Ив Монтан' does not make
    # 'Джо Монтану' a dative of 'Джо Монтан' when the corpus writes 'Джо Монтаны').
    sure = [n for n in rivals if many and _confirmed(offers, n, rivals, surface, itself=False)]
    decided = [w.lower() for w in words(sure[0])] if len(sure) == 1 else []

    def unconfirmed(name: str) -> bool:
        # A full name with a Russian surname of one gender the corpus never writes, while it
        # confirms a reading of the other whose first name is of that gender too: 'Евгений
        # Тарасов' never, 'Евгения Тарасова' in 'Евгении Тарасовой'. (This reading's own first
        # name cannot tell: 'Кристин' may be a woman's too.)
        gender = _surname_gender(name)
        return (
            many
            and gender is not None
            and not whole[name]
            and not confirmed[name]
            and any(confirmed[n] and _one_gender(n) not in (None, gender) for n in rivals)
        )

    womans = {
        name
        for _s, name, changed in changes
        if _womans_name_cut(written, name, changed, seen, last_genders)
    }
    # Positions where some reading offers a form the corpus writes.
    offered = {i for _s, _n, changed in changes for i, w in changed if attested(i, w)}

    def score(change: tuple[float, str, list[tuple[int, str]]]) -> float:
        total, name, changed = change
        if changed and whole[surface] >= _OFTEN and subjects[surface] and not whole[name]:
            total += _NEVER_WHOLE
        if full_form and name.lower() == full_form:
            total += _IN_FULL
        if changed and _mans_surname_for_a_woman(written, name, changed):
            total += _WOMANS_FIRST_NAME
        if changed and unconfirmed(name):
            total += _UNCONFIRMED
        if name in womans:
            total += _WOMANS_INDECLINABLE
        if changed and _mans_name_in_a(written, changed, seen, last_genders, nominatives):
            total += _MANS_NAME_IN_A
        if changed and subjects[name] and " " in name:
            total += _WHOLE  # 'Юлию Иванову': 'Юлия Иванова' is a subject, 'Юлий Иванов' never
        if " " in name and confirmed[name] and not any(confirmed[n] for n in rivals - {name}):
            total += _ATTESTED  # other cases say which reading: 'Каролиной Плишковой'
        # Words read as a man's whatever the other words say ('Кристина' -> 'Кристин'), unless
        # another shows a man's declension ('Кристина Храфнсона').
        mans = [j for j, word in changed if _mans_declension(written[j], word)]
        for i, word in changed:
            own = (
                _declines_as_written(written[i], word, seen)
                or (i == 0 and many and _womans_consonant_name(written[i], word, seen))
            ) and not set(mans) - {i}
            other = len(decided) == len(written) and decided[i] != word
            if (attested(i, word) and not own and not other) or (whole[name] and " " in name):
                total += _ATTESTED
            elif _feminine_genitive(written[i], word) and (
                seen[written[i]] > 1 or _adjectival_stem(written[i])
            ):
                total += _NEVER_WHOLE  # 'Бюрки', written again, is no genitive of 'Бюрка'
                # that the corpus never writes, nor 'Буковски' of a 'Буковска'
            elif (seen[written[i]] >= _MANY or made_up(i, word)) and not surname(i, word):
                total += _NEVER_WHOLE  # written often, not so: 'Каролина' is no 'Каролин's
            elif i in offered or seen[written[i]] >= _OFTEN or guessed(i, word, changed):
                total += _UNATTESTED  # the corpus never writes this nominative
        return total

    # Sentences that show a gender choose between readings of two genders ('Захарова'); not
    # for a name that keeps a man's first name in an oblique case, which is no verb's subject
    # ('Андрея Звягинцева', 'Майка Салливана': another word agrees with the verb).
    two_genders = len({name_gender(name) for _s, name, _c in changes}) > 1
    evidence = (
        {n: 0 if _oblique_first_name(n) or n in womans else shown[n] for n in rivals}
        if shown
        else {}
    )
    if two_genders and any(evidence.values()):
        return max(changes, key=lambda change: evidence[change[1]])[1]  # first of equals wins
    return max(changes, key=score)[1]


def _womans_name_cut(
    written: list[str],
    name: str,
    changed: list[tuple[int, str]],
    seen: Counter[str],
    last_genders: Mapping[str, Counter[str]],
) -> bool:
    """Whether a reading `name` of two words `written` (lower case) takes the first, a name in
    -а, for the genitive of a man's name in a consonant ('каролина' -> 'каролин') beside a last
    word in a vowel that does not decline ('-и', '-о', '-е'), kept as written or taken for a
    genitive in -и ('Брзезински' for 'Брзезинска'), that sentences show as a woman's more often
    than as a man's ('заявила Возняцки'): then the first name is a woman's too. Not
    where the corpus's names write the man's instrumental more often than the woman's ('Петра
    Бойко' is Пётр's genitive: 'Петром'), whoever else bears the surname."""
    genders = last_genders.get(written[-1], Counter())
    cut = dict(changed).get(0)
    if len(written) != 2 or cut is None or cut != written[0][:-1] or written[0][-1] != "а":
        return False
    mans = sum(seen[man + "ом"] for man in {cut, cut.replace("е", "ё")})
    return (
        _CONSONANT_END.search(cut) is not None
        and mans <= seen[cut + "ой"] + seen[cut + "ою"]
        and written[-1][-1:] in _INDECLINABLE
        and (dict(changed).get(1) is None or _feminine_genitive(written[-1], dict(changed)[1]))
        and genders["femn"] > genders["masc"]
    )


def _mans_name_in_a(
    written: list[str],
    changed: list[tuple[int, str]],
    seen: Counter[str],
    last_genders: Mapping[str, Counter[str]],
    nominatives: Counter[str],
) -> bool:
    """Whether a reading changes only the last word of the words `written` (lower case), a
    word in -а, and that to the word without it ('виланова' -> 'виланов', 'дрогба' ->
    'дрогб'), a man's genitive, where the corpus's names write neither that nominative nor its
    instrumental ('Вилановым', 'Дрогбом'), and the verbs of their sentences show names ending
    in the word as a man's more often than as a woman's ('Тито Виланова покинул свой пост'):
    such a man's name in -а is his nominative. A first name declined beside it shows the
    case ('Петра Лапина' is Пётр Лапин's genitive). A lone word may be a genitive after a
    noun the verb agrees with ('губернатор Нью-Хэмпшира заявил', 'приключения Фандорина'),
    so it counts only where the corpus's full names keep it as their nominative
    (`_kept_words`: 'Джанлуиджи Доннарумма') and its cut is no Russian surname's."""
    last = len(written) - 1
    word, cut = written[last], dict(changed).get(last)
    genders = last_genders.get(word, Counter())
    return (
        cut is not None
        and word.endswith("а")
        and cut == word[:-1]
        and (last > 0 or (nominatives[word] > 0 and not _PARADIGM.search(cut)))
        and all(i == last for i, _word in changed)
        and genders["masc"] > genders["femn"]
        and not any(seen[cut + end] for end in ("", "ом", "ым"))
    )


def _surname_gender(name: str) -> str | None:
    """The gender of a name's last word as a Russian surname ('Тарасова' a woman's)."""
    return name_gender(name.split()[-1]) if name else None


def _one_gender(name: str) -> str | None:
    """The gender of a name whose first name (in the nominative) and Russian surname show the
    same ('Евгения Тарасова'; not 'Владика Марина', the genitive of a man's name)."""
    gender = _surname_gender(name)
    return gender if gender and given_name_gender(name.split()[0]) == gender else None


def _offers(
    rows: Mapping[tuple[str, str, str | None, str], int],
    readings: Mapping[str, tuple[tuple[float, str], ...]],
) -> Offers:
    """What each person surface's readings offer, by reading name (`_confirmed`)."""
    mentions: Counter[str] = Counter()
    for (kind, surface, gender, _name), count in rows.items():
        if kind == "PER":
            mentions[reading_key(surface, gender)] += count
    found: Offers = defaultdict(list)
    for reading, offered in readings.items():
        names = frozenset(name for _score, name in offered)
        for name in names:
            found[name].append((names, mentions[reading], reading_parts(reading)[0]))
    return found


def _confirmed(
    offers: Offers, name: str, rivals: set[str], surface: str, *, itself: bool = True
) -> int:
    """Mentions of other surfaces that offer `name` and none of its `rivals`: the cases that
    confirm a name's paradigm ('Каролиной Плишковой' reads 'Каролина Плишкова', never
    'Каролин Плишков', so 'Каролина Плишкова' as written is no genitive of a man's name).
    Without the name written as it stands unless `itself`."""
    others, skip = rivals - {name}, {surface} if itself else {surface, name}
    return sum(
        n for names, n, other in offers.get(name, ()) if other not in skip and not names & others
    )


#: The last letters of a name that does not decline ('Возняцки', 'Аппендино', 'Мбаппе').
_INDECLINABLE = frozenset("иоеуюэ")
#: Endings of a foreign name that does not decline, which Russian oblique cases share ('-у'
#: and '-а' not: as often a man's dative or genitive, 'Асьеру', 'Дешама', or a woman's
#: accusative, 'Кончетту', as such a name, 'Теэму', 'Дрогба').
_VOWEL_ENDS = ("е", "и", "о")
_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")
_WOMANS_SURNAME = tuple(stem + "а" for stem in SURNAME_STEMS)  # 'Петрова', 'Лунгина'


def _mans_surname_for_a_woman(
    written: list[str], name: str, changed: list[tuple[int, str]]
) -> bool:
    """Whether a reading `name` of the words `written` (lower case) keeps a first name the
    dictionary knows as a woman's and reads the last word, a woman's Russian surname
    ('Петрова'), as a man's ('Петров')."""
    tokens = name.split()
    last = len(written) - 1
    return (
        last > 0
        and len(tokens) == len(written)
        and any(i == last for i, _word in changed)
        and all(i != 0 for i, _word in changed)
        and written[last].endswith(_WOMANS_SURNAME)
        and given_name_gender(tokens[0]) == "femn"
    )


def _instrumentals(word: str) -> tuple[str, ...]:
    """The instrumental a man's name of this nominative in a hard consonant takes, which no
    other nominative shares: 'омран' -> 'омраном'. Not where a fleeting vowel may have gone
    ('Знарком' is 'Знарок'), nor for soft stems, whose '-ем' many nominatives end in."""
    if _CONSONANT_END.search(word) and not _FLEETING.search(word):
        return (word + "ом",)
    return ()


#: Consonants after which a name in -а takes -ей in the instrumental ('Сашей', 'Серёжей').
_HUSHING = set("жшчщц")


def _declines_as_written(written: str, word: str, seen: Counter[str]) -> bool:
    """Whether a reading takes a first name in -а (lower case) for the genitive of a man's name
    in a consonant (`word`: 'кристина' -> 'кристин') whose instrumental the corpus's names
    never write ('Кристином'), while they write the instrumental of the name in -а at least
    `_OFTEN` times ('Кристиной'): the word is that name, whatever other person bears the
    shorter one ('Кристин Лагард'). A man's name shows itself by its instrumental ('Петром',
    'Валентином'), so 'Петра', 'Валентина Распутина' keep the man's reading. Not a word the
    dictionary knows as a surname ('Ильина'), whose gender other evidence decides."""
    stem = written[:-1]
    if not written.endswith("а") or word.replace("ё", "е") != stem.replace("ё", "е"):
        return False
    surname = bool(_PARADIGM.search(written))
    if surname and not first_name_only(written):
        return False
    soft = stem[-1:] in _HUSHING  # 'Сашей'; 'Сашем' would be a man's
    own = seen[stem + "ой"] + seen[stem + "ою"] + (seen[stem + "ей"] if soft else 0)
    mans = {word, word.replace("ё", "е")}  # 'Петром' for 'Пётр'
    ends = ("ом", "ем", "ым") if surname else ("ем",) if soft else ("ом",)
    return own >= _OFTEN and not any(seen[man + end] for man in mans for end in ends)


#: The ending of a word that a full name keeps as its nominative ('Карл Линней') and a reading
#: takes for a case of another name (the instrumental of a 'Линна'), also where it stands alone.
_OWN_NOMINATIVE = ("ей",)


def _never_nominative(
    written: str, word: str, nominatives: Counter[str], subjects: Counter[str]
) -> bool:
    """Whether a reading puts for a word (lower case) the corpus's full names read as a
    nominative (`_kept_words`) one they never read so, nor write alone as a verb's subject,
    only as another name's oblique case: 'Ричи', a nominative in 'Гай Ричи', is no genitive of
    'Рича', written only in 'Сета Рича' (read 'Сет Рич'); a foreign name that does not decline
    is written so in every case. 'Горецка стал' makes 'Леона Горецки' Леон Горецка's. So is a
    word in -ей such names keep: 'Линней' of 'Карл Линней' is no instrumental of a 'Линна'."""
    return (
        written.endswith(_VOWEL_ENDS + _OWN_NOMINATIVE)
        and nominatives[written] > 0
        and not nominatives[word]
        and not subjects[word.capitalize()]
    )


def _womans_consonant_name(written: str, word: str, seen: Counter[str]) -> bool:
    """Whether a reading takes a first name in -а (lower case) for the genitive of a name in a
    consonant (`word`) the dictionary knows only as a woman's, which does not decline: 'Карина
    Джанова' is no genitive of a 'Карин Джанов' ('Карин' is a woman's name, as 'Карин
    Кнайсль'), unless the corpus's names write the man's instrumental ('Карином')."""
    return (
        written == word + "а"
        and _CONSONANT_END.search(word) is not None
        and given_name_gender(word) == "femn"
        and not seen[word + "ом"]
    )


def _kept_words(rows: Mapping[tuple[str, str, str | None, str], int]) -> Counter[str]:
    """How often each word (lower case) of a person's surface of several words stays as
    written in the first reading of its mention, so is read as a nominative beside the others
    ('Че Гевара', not the 'Юозаса' of 'Юозаса Амбразявичюса', read 'Юозас Амбразявичюс'). A
    word alone says nothing of its case ('Фирташа')."""
    found: Counter[str] = Counter()
    for (kind, surface, _gender, name), count in rows.items():
        written, read = words(surface.lower()), words(name.lower())
        if kind == "PER" and len(written) == len(read) > 1:
            found.update({w: count for w, r in zip(written, read, strict=True) if w == r})
    return found


@cache
def _invented(written: str, word: str, ends: tuple[str, ...] = _VOWEL_ENDS) -> bool:
    """Whether a reading takes a word in '-е', '-и' or '-о' (lower case) for an oblique case
    of a `word` the dictionary does not know at all, only guesses from its ending ('фрауке'
    -> 'фраука', 'паскуале' -> 'паскуал'): a foreign name that does not decline is written so
    in every case. A Russian name that declines is the dictionary's ('петре' -> 'пётр'); a
    name in '-ия', '-ья' is read as such names decline ('кимии' -> 'кимия')."""
    return (
        written[-1:] in ends
        and not word.endswith("я")
        and not any(p.is_known for p in morph()(word))
    )


def _hers_or_his(written: str, word: str, seen: Counter[str]) -> bool:
    """Whether a reading takes a word in -у after a consonant (lower case) for the accusative
    of a woman's name in -а ('юозасу' -> 'юозаса') that neither the dictionary nor a Russian
    surname's paradigm makes a woman's, and whose instrumental ('-ой', '-ою') the corpus's
    names never write: written as such, the word is as well a man's genitive ('Юозаса
    Амбразявичюса'), and attests no woman's name ('Юозасу Крикштапонису' is Юозас's dative)
    unless its mentions read it as a nominative (`_kept_words`: 'Че Гевару' is 'Че Гевара')."""
    stem = word[:-1]
    return (
        written == stem + "у"
        and word.endswith("а")
        and bool(_CONSONANT_END.search(stem))
        and not _PARADIGM.search(word)
        and given_name_gender(word) != "femn"
        and not (seen[stem + "ой"] or seen[stem + "ою"])
    )


@cache
def _plural_of(word: str, written: str) -> bool:
    """Whether the dictionary knows `word` only as a plural of the name `written` is a form
    of: 'Серёж' (a genitive plural, and the vocative 'Серёж, ну...') is no man's name whose
    genitive 'Серёжа' would be, unless the corpus's longer names keep it as a nominative
    ('Киран Триппьер': the dictionary knows 'Киран' as a plural of 'Кирана')."""
    own = {p.normal_form for p in morph()(written) if p.is_known and "Name" in p.tag.grammemes}
    parses = [p for p in morph()(word) if p.is_known]
    return bool(own and parses) and all(
        p.tag.number == "plur" and p.normal_form in own for p in parses
    )


def _mans_declension(written: str, word: str) -> bool:
    """Whether a reading takes a word (lower case) for an oblique case of a name in a consonant
    that is no Russian surname ('храфнсона' -> 'храфнсон', 'максимовиче' -> 'максимович'):
    only a man's such name declines."""
    return (
        bool(_CONSONANT_END.search(word))
        and not _PARADIGM.search(word)
        and written in (word + end for end in ("а", "у", "е", "ом"))
    )


def _feminine_genitive(written: str, word: str) -> bool:
    """Whether a reading takes a word in a consonant and -и for the genitive of a nominative
    in -а or -я ('Бюрки' -> 'Бюрка'), which an indeclinable foreign name in -и looks like just
    as well (not 'Лурии' -> 'Лурия', the usual genitive of a name in -ия)."""
    return (
        bool(_CONSONANT_END.search(written[:-1]))
        and written.endswith("и")
        and word[-1:] in ("а", "я")
        and word[:-1] == written[:-1]
    )


@cache
def _adjectival_stem(word: str) -> bool:
    """Whether a word (lower case) in -ски, -цки is the stem of an adjective in -ский, -цкий,
    as the dictionary's guess of an adverb of it tells ('буковски', 'брзезински', like
    'дружески'): such a name written without the adjective's ending does not decline, and a
    Slavic one that declines does so as an adjective ('Радваньской'), so its -и is a genitive
    of a name in -ска, -цка only where the corpus writes that name ('Леона Горецки' of 'Леон
    Горецка'). 'Дерипаски', of no adjective, is not such a word."""
    return word.endswith(("ски", "цки")) and any(p.tag.POS == "ADVB" for p in morph()(word))


def latin_originals(
    mentions: list[Mention], texts: Mapping[str, str], persons: dict[int, str]
) -> Iterator[tuple[str, str]]:
    """(Latin original, person) for 'Саиф Мулук (Saif Mulook)': the original is the person it
    follows, here and wherever else the corpus writes it."""
    for (i, a), (j, b) in zip(persons.items(), list(persons.items())[1:], strict=False):
        first, second = mentions[i], mentions[j]
        text = texts[first.article_id]
        if (
            first.article_id == second.article_id
            and text[first.stop : second.start].strip() == "("
            and text[second.stop : second.stop + 1] == ")"
            and re.search("[A-Za-z]", second.surface)
            and not re.search("[A-Za-z]", first.surface)
        ):
            yield b, a
