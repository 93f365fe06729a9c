"""Stage: raw mentions to `mentions` and `entities`: one row per real-world entity.

Organisations and places merge by normalised name, by the shipped alias groups
(`data/aliases.tsv`) and by 'Full Name (ABBR)' in the text. A person's partial name ('Алиев',
'Т. Лоренцсон', 'Тереза') joins a full name only when exactly one full name fits: first in the same
article, then in the corpus. Two people who share a surname therefore stay apart.

The stage learns what it can from the distinct names, then reads the mentions a chunk of
articles at a time (pipeline.corpus), twice. Between the passes it keeps evidence per distinct
name, and a group code per mention in a temporary file: its memory grows with the corpus's
vocabulary of names, not with its mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.articles import Texts
from pipeline.corpus import Corpus
from pipeline.engine import SERIAL, Engine, detached
from pipeline.gazetteer import adjectives, key, places, read_tsv
from pipeline.ner import Mention, mentions_from_table, surface_readings
from pipeline.nlp import CACHE_SIZE, morph
from pipeline.normalize import words
from pipeline.roles import stated
from pipeline.schema import ARTICLE_ENTITIES, ENTITIES, MENTIONS
from pipeline.spill import Spilled

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


def _most_common(counts: Mapping[str | None, int]) -> str | None:
    """The value with the largest count, empty values aside; ties go to Cyrillic over Latin
    ('Саиф Мулук' over 'Saif Mulook'), then to the shorter, then alphabetically."""
    if len(counts) == 1:  # most groups are written one way
        (value,) = counts
        return value or None
    found = {v: c for v, c in counts.items() if v}
    if not found:
        return None
    return min(found, key=lambda v: (-found[v], not _CYRILLIC.search(v), len(v.split()), v))


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


def _readings(raws: Iterable[pa.Table]) -> tuple[dict[str, str], set[tuple[str, str]]]:
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


def _token_key(token: str) -> str:
    """How a token of a person's name is matched: an initial as written, a word by its sound."""
    return token if _INITIAL.match(token) else sound(token)


def _surnames_of(
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


def _person_keys(mentions: list[Mention], by_last: Mapping[str, set[str]]) -> dict[int, str]:
    """Mention index -> person key (the sound of 'first last' of the full name it resolves to,
    or of its own name) for the people of `mentions`, whole articles; `by_last` holds the full
    names (`_full_names`) of the corpus by surname."""
    in_article: dict[str, set[str]] = defaultdict(set)
    resolved = {
        i: person
        for i, m in enumerate(mentions)
        if m.type == "PER" and (person := _full_person(m.name))
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
class _Found:
    """What a chunk of articles says about its mentions' groups (`_find_groups`): each
    mention's group as a code into `groups` (before the corpus's evidence joins groups), each
    group's first mention, the names and types written for each group (by code), and the
    evidence that joins groups."""

    groups: list[str]
    codes: np.ndarray
    first: list[int]
    names: dict[tuple[int, str], int]
    types: dict[tuple[int, str], int]
    latin: list[tuple[str, str]]  # (Latin original, the person it follows), in order
    abbreviations: list[tuple[str, str]]  # (name key, abbreviation key)


def _find_groups(
    raw: pa.Table, texts: pa.Table, chosen: Mapping[str, str], by_last: Mapping[str, set[str]]
) -> _Found:
    """The groups of the mentions in `raw` (whole articles with their `texts`): 'PER:<person
    key>' (`_person_keys` against the corpus's full names `by_last`) or 'NAME:<name key>'. A
    task on a worker."""
    mentions, article_texts = mentions_from_table(raw, chosen), Texts(texts)
    persons = _person_keys(mentions, by_last)
    index: dict[str, int] = {}
    first: list[int] = []
    codes = np.empty(len(mentions), dtype=np.int32)
    names: Counter[tuple[int, str]] = Counter()
    types: Counter[tuple[int, str]] = Counter()
    for i, m in enumerate(mentions):
        group = f"PER:{persons[i]}" if m.type == "PER" else f"NAME:{key(m.name)}"
        if group not in index:
            index[group] = len(first)
            first.append(i)
        codes[i] = code = index[group]
        names[code, m.name] += 1
        types[code, m.type] += 1
    return _Found(
        list(index),
        codes,
        first,
        dict(names),
        dict(types),
        list(_latin_originals(mentions, article_texts, persons)),
        list(_abbreviations(mentions, article_texts)),
    )


@dataclass
class _Said:
    """A chunk's mention rows and what they say about their entities (`_describe`)."""

    mentions: pa.Table
    roles: dict[str, Counter]  # group -> stated roles of its people
    countries: dict[str, Counter]  # group -> stated countries of its people


def _describe(
    raw: pa.Table,
    texts: pa.Table,
    sentences: pa.Table,
    found_adjectives: pa.Table,
    chosen: Mapping[str, str],
    group_of: list[str],
    entity: dict[str, dict],
) -> _Said:
    """The mention rows of `raw` (whole articles, with their texts, sentences and adjectives),
    each mention in its final group (`group_of`) of `entity` (name, type, country and id of
    each group there), with the roles and countries stated around the people. A task on a
    worker."""
    mentions = mentions_from_table(raw, chosen)
    roles: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    for group, role, country in _stated(
        mentions, group_of, entity, Texts(texts), sentences, found_adjectives
    ):
        roles[group][role] += 1
        countries[group][country] += 1
    ids = {g: e["entity_id"] for g, e in entity.items()}
    return _Said(_mention_rows(mentions, group_of, entity, ids), dict(roles), dict(countries))


def _entities(
    first: Mapping[str, int],
    names: Mapping[str, Mapping[str, int]],
    types: Mapping[str, Mapping[str, int]],
    joined: _UnionFind,
) -> dict[str, dict]:
    """Group -> name, type and (for places and organisations) country, from the names and
    types written for it, in the order of the groups' `first` mentions."""
    _to_canonical, info = alias_groups()
    alias_of_root = {joined.find(head): head for head in info if head in joined.parent}
    entity: dict[str, dict] = {}
    for group in sorted(first, key=first.__getitem__):
        kind, root = group.split(":", 1)
        alias = info.get(alias_of_root.get(root, "")) if kind == "NAME" else None
        if alias:
            name, kind, country = alias
        else:
            full = {n: c for n, c in names[group].items() if _is_full(n)} if kind == "PER" else {}
            name = _most_common(full) or _most_common(names[group])
            kind = _most_common(types[group])
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
            yield (
                group,
                *stated(texts[m.article_id], start, m.start, m.stop, countries_at[m.article_id]),
            )


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
    corpus: Corpus, sink: Callable[[pa.Table], None], *, engine: Engine = SERIAL
) -> pa.Table:
    """The `entities` table of the `corpus` from its raw mentions (ner.RAW_MENTIONS), texts,
    sentences and country adjectives (countries.find_adjectives), read chunk by chunk; each
    chunk's `mentions` rows go to `sink`, in article order. The passes over the chunks run on
    `engine`'s workers."""
    if corpus.chunked <= 1:  # one task: not worth starting workers
        engine = SERIAL
    # How the corpus writes people's names chooses among a name's readings; the distinct names
    # give the aliases that join and people's full names.
    chosen, distinct = _readings(chunk["raw_mentions"] for chunk in corpus.chunks(["raw_mentions"]))
    to_canonical, _info = alias_groups()
    names, by_last = _UnionFind(), defaultdict(set)
    for kind, name in distinct:
        if kind != "PER":
            names.union(k := key(name), to_canonical.get(k, k))
        elif person := _full_person(name):
            by_last[person.rsplit(" ", 1)[-1]].add(person)
    by_last = dict(by_last)

    def chunks(*tables: str) -> Iterator[tuple]:
        """Each chunk's raw mentions, texts, rows of `tables` and chosen readings; for a
        worker, only what the chunk holds (a pickled slice carries its parent's buffers)."""
        for chunk in corpus.chunks(["raw_mentions", *tables]):
            part, texts = chunk["raw_mentions"], chunk["articles"].select(["article_id", "text"])
            rest = [chunk[name] for name in tables]
            if not engine.parallel:
                yield part, texts, *rest, chosen
                continue
            surfaces = pc.unique(part["surface"]).to_pylist()
            yield (
                detached(part),
                detached(texts),
                *map(detached, rest),
                {s: chosen[s] for s in surfaces if s in chosen},
            )

    def grouped() -> Iterator[tuple]:
        """Pass 1's tasks: each chunk with the full names its people can resolve to."""
        for part, texts, found in chunks():
            yield (
                part,
                texts,
                found,
                _surnames_of(part, found, by_last) if engine.parallel else by_last,
            )

    # Each mention's group, kept as a code per mention; each group's names and types; the
    # Latin originals of people's names and the abbreviations of organisations in the texts.
    index: dict[str, int] = {}
    first: list[int] = []  # by code
    name_counts: dict[tuple[int, str], int] = {}
    type_counts: dict[tuple[int, str], int] = {}
    coded = Spilled(np.int32)  # each mention's group code, per chunk
    latin: dict[str, str] = {}
    seq = 0
    for chunk in engine.imap(_find_groups, grouped()):
        renumber = []
        for group, at in zip(chunk.groups, chunk.first, strict=True):
            if group not in index:
                index[group] = len(first)
                first.append(seq + at)
            renumber.append(index[group])
        for counts, found in ((name_counts, chunk.names), (type_counts, chunk.types)):
            for (code, value), count in found.items():
                counts[renumber[code], value] = counts.get((renumber[code], value), 0) + count
        coded.append(np.array(renumber, dtype=np.int32)[chunk.codes])
        seq += len(chunk.codes)
        for original, person in chunk.latin:
            latin.setdefault(original, person)
        for full, short in chunk.abbreviations:
            names.union(full, short)

    def final(group: str) -> str:
        """The group once Latin originals join the person they follow and names their aliases
        and abbreviations."""
        kind, name = group.split(":", 1)
        return f"PER:{latin.get(name, name)}" if kind == "PER" else f"NAME:{names.find(name)}"

    final_of = [final(group) for group in index]  # by code
    del index
    joined_first: dict[str, int] = {}
    for group, at in zip(final_of, first, strict=True):
        joined_first[group] = min(joined_first.get(group, at), at)
    joined_names: dict[str, dict[str, int]] = defaultdict(dict)
    joined_types: dict[str, dict[str, int]] = defaultdict(dict)
    for counts, joined in ((name_counts, joined_names), (type_counts, joined_types)):
        for (code, value), count in counts.items():
            found = joined[final_of[code]]
            found[value] = found.get(value, 0) + count
    del first, name_counts, type_counts
    entity = _entities(joined_first, joined_names, joined_types, names)
    for e in entity.values():
        e["entity_id"] = entity_id(e["type"], e["name"])

    # The mention rows; people's stated roles and countries.
    def described() -> Iterator[tuple]:
        for (part, texts, chunk_sentences, chunk_adjectives, found), codes in zip(
            chunks("sentences", "adjectives"), coded, strict=True
        ):
            group_of = [final_of[c] for c in codes.tolist()]
            known = {g: entity[g] for g in set(group_of)} if engine.parallel else entity
            yield part, texts, chunk_sentences, chunk_adjectives, found, group_of, known

    roles: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    articles_of: Counter[str] = Counter()  # chunks hold whole articles: their counts add up
    for said in engine.imap(_describe, described()):
        for group, found in said.roles.items():
            roles[group].update(found)
        for group, found in said.countries.items():
            countries[group].update(found)
        spread = said.mentions.group_by("entity_id").aggregate([("article_id", "count_distinct")])
        articles_of.update(
            dict(
                zip(
                    spread["entity_id"].to_pylist(),
                    spread["article_id_count_distinct"].to_pylist(),
                    strict=True,
                )
            )
        )
        sink(said.mentions)
    for group in roles.keys() | countries.keys():
        entity[group]["role"] = _most_common(roles[group])
        entity[group]["country"] = _most_common(countries[group])
    return _entity_table(entity, joined_names, articles_of)


def _entity_table(
    entity: dict[str, dict], names: Mapping[str, Mapping[str, int]], articles_of: Mapping[str, int]
) -> pa.Table:
    """One row per entity id; groups that share one give it the first group's fields."""
    by_id: dict[str, dict] = {}
    for group, fields in entity.items():  # in order of first appearance
        row = by_id.setdefault(fields["entity_id"], {**fields, "aliases": set(), "n_mentions": 0})
        row["aliases"].update(names[group])
        row["n_mentions"] += sum(names[group].values())
    rows = [
        {**row, "aliases": sorted(row["aliases"]), "n_articles": articles_of[entity_id]}
        for entity_id, row in sorted(by_id.items())
    ]
    return pa.Table.from_pylist(rows, schema=ENTITIES)


def _sentence_starts(mentions: list[Mention], sentences: pa.Table) -> np.ndarray:
    """The start offset of each mention's sentence (a lookup in sorted keys, not a dict with an
    entry per sentence)."""
    ids = sentences["article_id"].combine_chunks().dictionary_encode()
    keys = ids.indices.to_numpy().astype(np.int64) << 32 | sentences["sentence"].to_numpy()
    order = np.argsort(keys, kind="stable")
    articles = pc.index_in(
        pa.array([m.article_id for m in mentions], pa.string()), value_set=ids.dictionary
    )
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
        for word in re.findall(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[A-ZА-ЯЁ]{2,}", name):
            if country := _country_of_word(word.lower()):
                return country
        hits = adjectives(name)
        return hits[0][2] if hits else None
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _country_of_word(word: str) -> str | None:
    """The country a word of an organisation's name names, as written or in a normal form
    ('России' -> RUS); organisations' names repeat their words."""
    for candidate in {word, *(p.normal_form for p in morph()(word))}:
        found = places().get(key(candidate))
        if found and found.via == "name":
            return found.country
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
