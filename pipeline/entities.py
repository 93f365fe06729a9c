"""Stage: raw mentions to `mentions` and `entities`: one row per real-world entity.

Organisations and places merge by normalised name, by the shipped alias groups
(`data/aliases.tsv`) and by 'Full Name (ABBR)' in the text. A person's partial name ('Алиев',
'Т. Лоренцсон', 'Тереза') joins a full name only when exactly one full name fits: first in the same
article, then in the corpus. Two people who share a surname therefore stay apart.

The stage learns what it can from the distinct names, then reads the mentions CHUNK articles at a
time, twice. Between the passes it keeps evidence per distinct name and a group code per mention:
its Python objects grow with the corpus's vocabulary of names, not with its mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.articles import Texts
from pipeline.gazetteer import adjectives, key, places, read_tsv
from pipeline.ner import Mention, mentions_from_table, surface_readings
from pipeline.nlp import CACHE_SIZE
from pipeline.normalize import words
from pipeline.roles import stated
from pipeline.schema import ARTICLE_ENTITIES, ENTITIES, MENTIONS

_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
_CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Score a reading gains for each changed word the corpus writes as a name, and loses for each
#: it never writes ('Асия Биби' read as the genitive of a rare 'Асий').
_ATTESTED, _UNATTESTED, _OFTEN = 1.0, -0.6, 3
#: Articles whose mentions are held as records at a time.
CHUNK = 2_000


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


class _UnionFind:
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


def _most_common(values: Iterable[str]) -> str | None:
    """The most frequent value; ties go to Cyrillic over Latin ('Саиф Мулук' over
    'Saif Mulook'), then to the shorter, then alphabetically."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], not _CYRILLIC.search(v), len(v.split()), v))


def _chunks(articles: pa.Table, *tables: pa.Table) -> Iterator[tuple[Texts, list[pa.Table]]]:
    """The articles in id order, CHUNK at a time: their texts and their rows of each of
    `tables` (which have an `article_id` column; those in id order are sliced, not copied)."""
    order = pc.sort_indices(articles["article_id"])
    ids = articles["article_id"].take(order)
    located = []
    for table in tables:
        position = pc.index_in(table["article_id"], value_set=ids).to_numpy(zero_copy_only=False)
        if len(position) and (np.diff(position) < 0).any():
            sorting = np.argsort(position, kind="stable")
            table, position = table.take(sorting), position[sorting]
        located.append((table, position))
    texts = articles.select(["article_id", "text"])
    for begin in range(0, len(ids), CHUNK):
        end = begin + CHUNK
        bounds = [np.searchsorted(position, [begin, end]) for _t, position in located]
        yield Texts(texts.take(order[begin:end])), [
            table.slice(low, high - low) for (table, _p), (low, high) in zip(located, bounds,
                                                                              strict=True)
        ]  # fmt: skip


def _abbreviations(mentions: list[Mention], texts: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """Name keys of 'Full Name (ABBR)': an organisation or place and its abbreviation."""
    named = [m for m in mentions if m.type != "PER"]
    for a, b in zip(named, named[1:], strict=False):
        text = texts[a.article_id]
        if (
            a.article_id == b.article_id
            and a.type == b.type
            and len(a.name.split()) > 1
            and text[a.stop : b.start].strip() == "("
            and text[b.stop : b.stop + 1] == ")"
            and b.surface.isupper() != a.surface.isupper()
        ):
            yield key(a.name), key(b.name)


def _written_words(raw: pa.Table) -> Counter[str]:
    """How often each word (lowercased) is written in people's names in `raw` (RAW_MENTIONS)."""
    people = raw.filter(pc.equal(raw["type"], "PER"))["surface"].combine_chunks()
    seen: Counter[str] = Counter()
    surfaces, counts = pc.value_counts(people).flatten()
    for surface, count in zip(surfaces.to_pylist(), counts.to_pylist(), strict=True):
        for word in words(surface):
            seen[word.lower()] += count
    return seen


class _Readings:
    """Each person mention takes the reading best supported by how the corpus writes names
    (`seen`: `_written_words` of the corpus): 'Асии Биби' -> 'Асия Биби' (not 'Асий Биби') when
    'Асия' occurs and 'Асий' never does. The choice depends on the surface alone: made once."""

    def __init__(self, seen: Counter[str]) -> None:
        self.seen = seen
        self._chosen: dict[str, str] = {}

    def mentions(self, raw: pa.Table) -> list[Mention]:
        """The Mention records of `raw`, each with its chosen name."""
        return mentions_from_table(raw, self._choose)

    def names(self, raw: pa.Table) -> set[tuple[str, str]]:
        """The distinct (type, chosen name) of the mentions of `raw`."""
        readings = surface_readings(raw)
        distinct = raw.group_by(["type", "surface", "name"]).aggregate([])
        return {
            (kind, self._choose(surface, readings[surface])
             if kind == "PER" and len(readings.get(surface, ())) > 1 else name)
            for kind, surface, name in zip(*(distinct[c].to_pylist() for c in
                                             ("type", "surface", "name")), strict=True)
        }  # fmt: skip

    def _choose(self, surface: str, readings: tuple[tuple[float, str], ...]) -> str:
        if surface not in self._chosen:
            self._chosen[surface] = _best_reading(surface, readings, self.seen)
        return self._chosen[surface]


def _best_reading(surface: str, readings: tuple[tuple[float, str], ...], seen: Counter[str]) -> str:
    written = [w.lower() for w in words(surface)]
    # Per reading, the positions it changes and the word it puts there.
    changes = [
        (score, name, [(i, w) for i, (w, was) in enumerate(zip(ws, written, strict=False))
                       if w != was])
        for score, name in readings
        for ws in [[w.lower() for w in words(name)]]
    ]  # fmt: skip
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


def _is_full(name: str) -> bool:
    """A first name and a surname, no initials."""
    tokens = name.split()
    return len(tokens) >= 2 and not any(_INITIAL.match(t) for t in tokens)


_SOUND = str.maketrans({"э": "е", "й": "и", "з": "с", "ь": None, "ъ": None})


@lru_cache(maxsize=CACHE_SIZE)
def sound(name: str) -> str:
    """Key under which transliteration variants of a person's name meet: 'Тереза Мей' and
    'Тереза Мэй', 'Азия Биби' and 'Асия Биби', 'Дэвид Девис' and 'Дэвид Дэвис'."""
    return re.sub(r"(\w)\1+", r"\1", key(name).translate(_SOUND))


def _full_person(name: str) -> str | None:
    """The sound of 'first last' of a full name ('Ильхам Гейдар оглы Алиев': 'ильхам алиев')."""
    if not _is_full(name):
        return None
    tokens = name.split()
    return f"{sound(tokens[0])} {sound(tokens[-1])}"


def _person_keys(mentions: list[Mention], by_last: Mapping[str, set[str]]) -> dict[int, str]:
    """Mention index -> person key (the sound of 'first last' of the full name it resolves to,
    or of its own name) for the people of `mentions`, whole articles; `by_last` holds the full
    names (`_full_names`) of the corpus by surname."""
    in_article: dict[str, set[str]] = defaultdict(set)
    resolved = {i: person for i, m in enumerate(mentions)
                if m.type == "PER" and (person := _full_person(m.name))}  # fmt: skip
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
        tokens = [sound(t) if not _INITIAL.match(t) else t for t in m.name.split()]
        here = [p for p in in_article[m.article_id] if fits(p, tokens)]
        if not here and len(tokens) == 1:  # a first name alone: 'Тереза'
            here = [p for p in in_article[m.article_id] if p.split(" ", 1)[0] == tokens[0]]
        anywhere = [p for p in by_last.get(tokens[-1], ()) if fits(p, tokens)] if not here else []
        match = here if here else anywhere
        resolved[i] = match[0] if len(match) == 1 else " ".join(tokens)
    return dict(sorted(resolved.items()))


def _latin_originals(
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


def entity_id(kind: str, name: str) -> str:
    return f"{kind.lower()}-{hashlib.sha1(f'{kind}:{name}'.encode()).hexdigest()[:10]}"


@dataclass
class _Group:
    """What the corpus writes for one group of mentions: names and types with their counts,
    and the group's first mention (the first group of an entity id gives the entity's row)."""

    first: int
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    def absorb(self, other: _Group) -> None:
        self.first = min(self.first, other.first)
        self.names.update(other.names)
        self.types.update(other.types)


@dataclass
class _Linker:
    """The corpus-wide evidence that puts mentions in groups, per distinct name: the chosen
    readings, the union of organisation and place names, full names by surname and the Latin
    originals of names."""

    readings: _Readings
    names: _UnionFind = field(default_factory=_UnionFind)
    by_last: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    latin: dict[str, str] = field(default_factory=dict)

    def learn_names(self, names: Iterable[tuple[str, str]]) -> None:
        """Learn from the corpus's distinct (type, name): the shipped aliases of organisations
        and places, and people's full names."""
        to_canonical, _info = alias_groups()
        for kind, name in names:
            if kind != "PER":
                k = key(name)
                self.names.union(k, to_canonical.get(k, k))
            elif person := _full_person(name):
                self.by_last[person.rsplit(" ", 1)[-1]].add(person)

    def groups(self, mentions: list[Mention], texts: Mapping[str, str]) -> list[str]:
        """Each mention's group before the corpus's evidence is complete ('PER:<person key>',
        'NAME:<name key>'; `final` maps it), learning the evidence found in `texts`: Latin
        originals of people's names, abbreviations of organisations and places."""
        persons = _person_keys(mentions, self.by_last)
        for original, person in _latin_originals(mentions, texts, persons):
            self.latin.setdefault(original, person)
        for full, short in _abbreviations(mentions, texts):
            self.names.union(full, short)
        return [f"PER:{persons[i]}" if m.type == "PER" else f"NAME:{key(m.name)}"
                for i, m in enumerate(mentions)]  # fmt: skip

    def final(self, group: str) -> str:
        """The group once Latin originals join the person they follow and names their
        aliases and abbreviations."""
        kind, name = group.split(":", 1)
        if kind == "PER":
            return f"PER:{self.latin.get(name, name)}"
        return f"NAME:{self.names.find(name)}"


def _entities(groups: dict[str, _Group], names: _UnionFind) -> dict[str, dict]:
    """Group -> name, type and (for places and organisations) country, in the order in which
    the groups first appear."""
    _to_canonical, info = alias_groups()
    alias_of_root = {names.find(head): head for head in info if head in names.parent}
    entity: dict[str, dict] = {}
    for group, found in sorted(groups.items(), key=lambda item: item[1].first):
        kind, root = group.split(":", 1)
        alias = info.get(alias_of_root.get(root, "")) if kind == "NAME" else None
        if alias:
            name, kind, country = alias
        else:
            full = Counter({n: c for n, c in found.names.items() if _is_full(n)}) \
                if kind == "PER" else Counter()  # fmt: skip
            name = _most_common(full.elements()) or _most_common(found.names.elements())
            kind = _most_common(found.types.elements())
            country = _country_of_name(name, kind)
        entity[group] = {"name": name, "type": kind, "country": country, "role": None}
    return entity


def _stated(
    mentions: list[Mention],
    group_of: list[str],
    entity: dict[str, dict],
    texts: Mapping[str, str],
    sentences: pa.Table,
    found_adjectives: pa.Table,
) -> Iterator[tuple[str, str | None, str | None]]:
    """(group, role, country) stated around each mention of a person (roles.stated)."""
    sentence_start = _sentence_starts(mentions, sentences)
    countries_at = _countries_at(mentions, group_of, entity, found_adjectives)
    previous: Mention | None = None
    for m, group, start in zip(mentions, group_of, sentence_start.tolist(), strict=True):
        if entity[group]["type"] == "PER":
            if previous and (previous.article_id, previous.sentence) == (m.article_id, m.sentence):
                start = max(start, previous.stop)  # a role never reaches past another person
            previous = m
            yield group, *stated(texts[m.article_id], start, m.start, m.stop,
                                 countries_at[m.article_id])  # fmt: skip


def _mention_rows(
    mentions: list[Mention], group_of: list[str], entity: dict[str, dict], ids: dict[str, str]
) -> pa.Table:
    """The `mentions` table of `mentions` (whole articles), sorted."""
    fields = ("article_id", "paragraph", "sentence", "start", "stop", "surface")
    columns = {name: [getattr(m, name) for m in mentions] for name in fields}
    columns["normal"] = [m.name for m in mentions]
    columns["type"] = [entity[g]["type"] for g in group_of]
    columns["entity_id"] = [ids[g] for g in group_of]
    return pa.Table.from_pydict(columns, schema=MENTIONS).sort_by(
        [(c, "ascending") for c in ("article_id", "start", "stop", "entity_id")]
    )  # a stable sort


def build_entities(
    raw: pa.Table, articles: pa.Table, sentences: pa.Table, found_adjectives: pa.Table
) -> tuple[pa.Table, pa.Table]:
    """(`mentions`, `entities`) tables from the raw mentions (ner.RAW_MENTIONS) of the whole
    corpus, its articles, sentences and country adjectives (countries.find_adjectives)."""

    def chunks() -> Iterator[tuple[list[Mention], Texts, list[pa.Table]]]:
        for texts, (part, *rest) in _chunks(articles, raw, sentences, found_adjectives):
            yield linker.readings.mentions(part), texts, rest

    # 1: how the corpus writes people's names, which chooses among a name's readings; then,
    # from the distinct names, the aliases that join and people's full names.
    linker = _Linker(_Readings(_written_words(raw)))
    linker.learn_names(linker.readings.names(raw))
    # 2: each mention's group (kept as a code per mention); the names and types it is written
    # with; the Latin originals and abbreviations in the texts.
    codes: dict[str, int] = {}
    groups: list[_Group] = []
    coded: list[np.ndarray] = []  # per chunk
    seq = 0
    for mentions, texts, _rest in chunks():
        chunk_codes = np.empty(len(mentions), dtype=np.int32)
        for i, (m, group) in enumerate(zip(mentions, linker.groups(mentions, texts), strict=True)):
            if group not in codes:
                codes[group] = len(groups)
                groups.append(_Group(seq + i))
            chunk_codes[i] = code = codes[group]
            groups[code].names[m.name] += 1
            groups[code].types[m.type] += 1
        seq += len(mentions)
        coded.append(chunk_codes)
    final = [linker.final(group) for group in codes]  # by code
    joined: dict[str, _Group] = {}
    for group, found in zip(final, groups, strict=True):
        joined.setdefault(group, _Group(found.first)).absorb(found)
    entity = _entities(joined, linker.names)
    ids = {g: entity_id(e["type"], e["name"]) for g, e in entity.items()}
    del codes, groups
    # 3: people's stated roles and countries; the mention rows.
    said: dict[str, tuple[Counter, Counter]] = defaultdict(lambda: (Counter(), Counter()))
    articles_of: Counter[str] = Counter()
    parts = []
    for (mentions, texts, (chunk_sentences, chunk_adjectives)), chunk_codes in zip(
        chunks(), coded, strict=True
    ):
        group_of = [final[c] for c in chunk_codes.tolist()]
        for group, role, country in _stated(mentions, group_of, entity, texts, chunk_sentences,
                                            chunk_adjectives):  # fmt: skip
            said[group][0][role] += 1
            said[group][1][country] += 1
        articles_of.update(i for _a, i in {(m.article_id, ids[g]) for m, g in
                                           zip(mentions, group_of, strict=True)})  # fmt: skip
        parts.append(_mention_rows(mentions, group_of, entity, ids))
    for group, (roles, countries) in said.items():
        entity[group]["role"] = _most_common(roles.elements())
        entity[group]["country"] = _most_common(countries.elements())
    mention_table = pa.concat_tables(parts).combine_chunks() if parts else MENTIONS.empty_table()
    return mention_table, _entity_table(entity, ids, joined, articles_of)


def _entity_table(
    entity: dict[str, dict], ids: dict[str, str], groups: dict[str, _Group],
    articles_of: Counter[str],
) -> pa.Table:  # fmt: skip
    """One row per entity id; groups that share one give it the first group's fields."""
    by_id: dict[str, dict] = {}
    for group, fields in entity.items():  # in order of first appearance
        row = by_id.setdefault(ids[group], {**fields, "entity_id": ids[group], "aliases": set(),
                                            "n_mentions": 0})  # fmt: skip
        row["aliases"].update(groups[group].names)
        row["n_mentions"] += groups[group].names.total()
    rows = [{**row, "aliases": sorted(row["aliases"]), "n_articles": articles_of[entity_id]}
            for entity_id, row in sorted(by_id.items())]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=ENTITIES)


def _sentence_starts(mentions: list[Mention], sentences: pa.Table) -> np.ndarray:
    """The start offset of each mention's sentence (a lookup in sorted keys, not a dict with an
    entry per sentence)."""
    ids = sentences["article_id"].combine_chunks().dictionary_encode()
    keys = ids.indices.to_numpy().astype(np.int64) << 32 | sentences["sentence"].to_numpy()
    order = np.argsort(keys, kind="stable")
    articles = pc.index_in(pa.array([m.article_id for m in mentions], pa.string()),
                           value_set=ids.dictionary)  # fmt: skip
    wanted = articles.to_numpy(zero_copy_only=False).astype(np.int64) << 32 | np.array(
        [m.sentence for m in mentions], dtype=np.int64
    )
    return sentences["start"].to_numpy()[order][np.searchsorted(keys[order], wanted)]


def _country_of_name(name: str, kind: str) -> str | None:
    """A place's own country; an organisation's from a country named inside its name."""
    place = places().get(key(name))
    if kind == "LOC":
        return place.country if place else None
    if kind == "ORG":
        from pipeline.nlp import morph

        for word in re.findall(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[A-ZА-ЯЁ]{2,}", name):
            for candidate in {word.lower(), *(p.normal_form for p in morph()(word.lower()))}:
                found = places().get(key(candidate))
                if found and found.via == "name":
                    return found.country
        hits = adjectives(name)
        return hits[0][2] if hits else None
    return None


def _countries_at(
    mentions: list[Mention],
    group_of: list[str],
    entity: dict[str, dict],
    found_adjectives: pa.Table,
) -> dict[str, dict[int, str]]:
    """Article -> start offset -> country, for places, organisations and adjectives."""
    found: dict[str, dict[int, str]] = defaultdict(dict)
    for m, group in zip(mentions, group_of, strict=True):
        e = entity[group]
        if e["type"] != "PER" and e["country"]:
            found[m.article_id][m.start] = e["country"]
    for article_id, start, country in zip(
        *(found_adjectives.column(c).to_pylist() for c in ("article_id", "start", "country")),
        strict=True,
    ):
        found[article_id].setdefault(start, country)
    return found


def build_article_entities(mentions: pa.Table) -> pa.Table:
    """`mentions` to one row per article and entity with its number of mentions: what counts
    of articles per entity read, instead of a distinct count over every mention."""
    counts = mentions.group_by(["article_id", "entity_id", "type"]).aggregate([("start", "count")])
    table = pa.table(
        {
            "article_id": counts["article_id"],
            "entity_id": counts["entity_id"],
            "type": counts["type"],
            "mentions": counts["start_count"].cast(pa.int32()),
        },
        schema=ARTICLE_ENTITIES,
    )
    return table.sort_by([("article_id", "ascending"), ("entity_id", "ascending")])
