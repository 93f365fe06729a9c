"""Which names are one entity: the evidence alias merging keeps per distinct name. Shipped
alias groups, the reading of an ambiguous person's name the
corpus supports, transliteration keys, and the full names a partial name can resolve to."""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.models import CACHE_SIZE
from pipeline.nlp.ner import Mention
from pipeline.nlp.normalize import words
from pipeline.stages.mentions import surface_readings

_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
_CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Score a reading gains for each changed word the corpus writes as a name, and loses for each
#: it never writes ('Асия Биби' read as the genitive of a rare 'Асий').
_ATTESTED, _UNATTESTED, _OFTEN = 1.0, -0.6, 3


@cache
def alias_groups() -> tuple[dict[str, str], dict[str, tuple[str, str, str | None]]]:
    """(name key -> canonical key, canonical key -> (canonical, type, country))."""
    to_canonical: dict[str, str] = {}
    info: dict[str, tuple[str, str, str | None]] = {}
    for canonical, kind, country, *rest in read_tsv("aliases.tsv"):
        head = key(canonical)
        info[head] = (canonical, kind, country or None)
        for alias in [canonical, *(rest[0].split("|") if rest and rest[0] else [])]:
            to_canonical[key(alias)] = head
    return to_canonical, info


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


def chosen_readings(raws: Iterable[pa.Table]) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """The name chosen for each surface of a person with several readings, and the distinct
    (type, name) of the mentions of `raws` (RAW_MENTIONS, in parts) with those choices.

    A reading is chosen by how the corpus writes names: 'Асии Биби' reads 'Асия Биби' (not
    'Асий Биби') when 'Асия' occurs and 'Асий' never does. It depends on the surface alone."""
    written: Counter[str] = Counter()  # how often each surface of a person is written
    readings: dict[str, tuple[tuple[float, str], ...]] = {}
    distinct: set[tuple[str, str, str]] = set()
    for raw in raws:
        people = raw.filter(pc.equal(raw["type"], "PER"))["surface"].combine_chunks()
        surfaces, counts = pc.value_counts(people).flatten()
        written.update(dict(zip(surfaces.to_pylist(), counts.to_pylist(), strict=True)))
        for surface, found in surface_readings(raw).items():
            readings.setdefault(surface, found)
        found = raw.group_by(["type", "surface", "name"]).aggregate([])
        distinct.update(
            zip(*(found[c].to_pylist() for c in ("type", "surface", "name")), strict=True)
        )
    seen: Counter[str] = Counter()  # how often each word is written in people's names
    for surface, count in written.items():
        for word in words(surface):
            seen[word.lower()] += count
    chosen = {
        surface: _best_reading(surface, found, seen)
        for surface, found in readings.items()
        if len(found) > 1
    }
    names = {
        (kind, chosen.get(surface, name) if kind == "PER" else name)
        for kind, surface, name in distinct
    }
    return chosen, names


def _best_reading(surface: str, readings: tuple[tuple[float, str], ...], seen: Counter[str]) -> str:
    written = [w.lower() for w in words(surface)]
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
    # Positions where some reading offers a form the corpus writes.
    offered = {i for _s, _n, changed in changes for i, w in changed if seen[w]}

    def score(change: tuple[float, str, list[tuple[int, str]]]) -> float:
        total, _name, changed = change
        for i, word in changed:
            if seen[word]:
                total += _ATTESTED
            elif i in offered or seen[written[i]] >= _OFTEN:
                total += _UNATTESTED  # the corpus never writes this nominative
        return total

    return max(changes, key=score)[1]  # first of equals wins


def is_full(name: str) -> bool:
    """A first name and a surname, no initials."""
    tokens = name.split()
    return len(tokens) >= 2 and not any(_INITIAL.match(t) for t in tokens)


_SOUND = str.maketrans({"э": "е", "й": "и", "з": "с", "ь": None, "ъ": None})


@lru_cache(maxsize=CACHE_SIZE)
def sound(name: str) -> str:
    """Key under which transliteration variants of a person's name meet: 'Тереза Мей' and
    'Тереза Мэй', 'Азия Биби' and 'Асия Биби', 'Дэвид Девис' and 'Дэвид Дэвис'."""
    return re.sub(r"(\w)\1+", r"\1", key(name).translate(_SOUND))


def full_person(name: str) -> str | None:
    """The sound of 'first last' of a full name ('Ильхам Гейдар оглы Алиев': 'ильхам алиев')."""
    if not is_full(name):
        return None
    tokens = name.split()
    return f"{sound(tokens[0])} {sound(tokens[-1])}"


def _token_key(token: str) -> str:
    """How a token of a person's name is matched: an initial as written, a word by its sound."""
    return token if _INITIAL.match(token) else sound(token)


def surnames_of(
    raw: pa.Table, chosen: Mapping[str, str], by_last: Mapping[str, set[str]]
) -> dict[str, set[str]]:
    """The entries of `by_last` that the people of `raw` (with the readings `chosen` for its
    surfaces) can resolve to: what a task needs of them, not the corpus's every surname."""
    people = raw.filter(pc.equal(raw["type"], "PER"))["name"]
    names = set(pc.unique(people).to_pylist()) | set(chosen.values())
    return {
        last: by_last[last]
        for name in names
        if (last := _token_key(name.rsplit(" ", 1)[-1])) in by_last
    }


def person_keys(mentions: list[Mention], by_last: Mapping[str, set[str]]) -> dict[int, str]:
    """Mention index -> person key (the sound of 'first last' of the full name it resolves to,
    or of its own name) for the people of `mentions`, whole articles; `by_last` holds the full
    names (`_full_names`) of the corpus by surname."""
    in_article: dict[str, set[str]] = defaultdict(set)
    resolved = {
        i: person
        for i, m in enumerate(mentions)
        if m.type == "PER" and (person := full_person(m.name))
    }
    for i, person in resolved.items():
        in_article[mentions[i].article_id].add(person)

    def fits(person: str, tokens: list[str]) -> bool:
        first, last = person.split(" ", 1)[0], person.rsplit(" ", 1)[-1]
        if len(tokens) == 1:
            return tokens[0] == last
        initials = [t for t in tokens if _INITIAL.match(t)]
        return tokens[-1] == last and all(first.startswith(sound(t[0])) for t in initials)

    for i, m in enumerate(mentions):
        if m.type != "PER" or i in resolved:
            continue
        tokens = [_token_key(t) for t in m.name.split()]
        here = [p for p in in_article[m.article_id] if fits(p, tokens)]
        if not here and len(tokens) == 1:  # a first name alone: 'Тереза'
            here = [p for p in in_article[m.article_id] if p.split(" ", 1)[0] == tokens[0]]
        anywhere = [p for p in by_last.get(tokens[-1], ()) if fits(p, tokens)] if not here else []
        match = here if here else anywhere
        resolved[i] = match[0] if len(match) == 1 else " ".join(tokens)
    return dict(sorted(resolved.items()))


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
