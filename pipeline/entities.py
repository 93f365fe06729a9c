"""Stage: raw mentions to `mentions` and `entities`: one row per real-world entity.

Organisations and places merge by normalised name, by the shipped alias groups
(`data/aliases.tsv`) and by 'Full Name (ABBR)' in the text. A person's partial name ('Алиев',
'Т. Лоренцсон', 'Тереза') joins a full name only when exactly one full name fits: first in the same
article, then in the corpus. Two people who share a surname therefore stay apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.articles import Texts
from pipeline.gazetteer import adjectives, key, places, read_tsv
from pipeline.ner import Mention
from pipeline.normalize import words
from pipeline.roles import stated
from pipeline.schema import ARTICLE_ENTITIES, ENTITIES, MENTIONS

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


def _most_common(values: Iterable[str]) -> str | None:
    """The most frequent value; ties go to Cyrillic over Latin ('Саиф Мулук' over
    'Saif Mulook'), then to the shorter, then alphabetically."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], not _CYRILLIC.search(v), len(v.split()), v))


def _name_groups(mentions: list[Mention], texts: Mapping[str, str]) -> _UnionFind:
    """Union-find over organisation/place name keys."""
    to_canonical, _info = alias_groups()
    groups = _UnionFind()
    named = [m for m in mentions if m.type != "PER"]
    for m in named:
        k = key(m.name)
        groups.union(k, to_canonical.get(k, k))
    for a, b in zip(named, named[1:], strict=False):  # 'Full Name (ABBR)'
        text = texts[a.article_id]
        if (
            a.article_id == b.article_id
            and a.type == b.type
            and len(a.name.split()) > 1
            and text[a.stop : b.start].strip() == "("
            and text[b.stop : b.stop + 1] == ")"
            and b.surface.isupper() != a.surface.isupper()
        ):
            groups.union(key(a.name), key(b.name))
    return groups


def _attested_readings(mentions: list[Mention]) -> list[Mention]:
    """Each person mention takes the reading best supported by how the corpus writes names:
    'Асии Биби' -> 'Асия Биби' (not 'Асий Биби') when 'Асия' occurs and 'Асий' never does."""
    seen = Counter(w.lower() for m in mentions if m.type == "PER" for w in words(m.surface))
    return [replace(m, name=_best_reading(m, seen)) if len(m.readings) > 1 else m for m in mentions]


def _best_reading(mention: Mention, seen: Counter[str]) -> str:
    written = [w.lower() for w in words(mention.surface)]
    # Per reading, the positions it changes and the word it puts there.
    changes = [
        (score, name, [(i, w) for i, (w, was) in enumerate(zip(ws, written, strict=False))
                       if w != was])
        for score, name in mention.readings
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


def sound(name: str) -> str:
    """Key under which transliteration variants of a person's name meet: 'Тереза Мей' and
    'Тереза Мэй', 'Азия Биби' and 'Асия Биби', 'Дэвид Девис' and 'Дэвид Дэвис'."""
    return re.sub(r"(\w)\1+", r"\1", key(name).translate(_SOUND))


def _person_keys(mentions: list[Mention], texts: Mapping[str, str]) -> dict[int, str]:
    """Mention index -> person key (the sound of 'first last' of the full name it resolves to,
    or of its own name)."""
    by_last: dict[str, set[str]] = defaultdict(set)  # surname -> 'first last' of full names
    in_article: dict[str, set[str]] = defaultdict(set)
    parts: dict[int, list[str]] = {}
    for i, m in enumerate(mentions):
        if m.type != "PER":
            continue
        tokens = [sound(t) if not _INITIAL.match(t) else t for t in m.name.split()]
        parts[i] = tokens
        if _is_full(m.name):
            person = f"{tokens[0]} {tokens[-1]}"
            by_last[tokens[-1]].add(person)
            in_article[m.article_id].add(person)

    def fits(person: str, tokens: list[str]) -> bool:
        first, last = person.split(" ", 1)[0], person.rsplit(" ", 1)[-1]
        if len(tokens) == 1:
            return tokens[0] == last
        initials = [t for t in tokens if _INITIAL.match(t)]
        return tokens[-1] == last and all(first.startswith(sound(t[0])) for t in initials)

    resolved: dict[int, str] = {}
    shared: dict[str, str] = {}  # one string object per person, not one per mention
    for i, tokens in parts.items():
        article = mentions[i].article_id
        if _is_full(mentions[i].name):
            resolved[i] = shared.setdefault(person := f"{tokens[0]} {tokens[-1]}", person)
            continue
        here = [p for p in in_article[article] if fits(p, tokens)]
        if not here and len(tokens) == 1:  # a first name alone: 'Тереза'
            here = [p for p in in_article[article] if p.split(" ", 1)[0] == tokens[0]]
        anywhere = [p for p in by_last.get(tokens[-1], ()) if fits(p, tokens)] if not here else []
        match = here if here else anywhere
        person = match[0] if len(match) == 1 else " ".join(tokens)
        resolved[i] = shared.setdefault(person, person)
    return _link_originals(mentions, texts, resolved)


def _link_originals(
    mentions: list[Mention], texts: Mapping[str, str], resolved: dict[int, str]
) -> dict[int, str]:
    """'Саиф Мулук (Saif Mulook)': the Latin original joins the person it follows, here and
    wherever else the corpus writes it."""
    latin: dict[str, str] = {}
    for (i, a), (j, b) in zip(resolved.items(), list(resolved.items())[1:], strict=False):
        first, second = mentions[i], mentions[j]
        text = texts[first.article_id]
        if (
            first.article_id == second.article_id
            and text[first.stop : second.start].strip() == "("
            and text[second.stop : second.stop + 1] == ")"
            and re.search("[A-Za-z]", second.surface)
            and not re.search("[A-Za-z]", first.surface)
        ):
            latin.setdefault(b, a)
    return {i: latin.get(person, person) for i, person in resolved.items()}


def entity_id(kind: str, name: str) -> str:
    return f"{kind.lower()}-{hashlib.sha1(f'{kind}:{name}'.encode()).hexdigest()[:10]}"


def build_entities(
    mentions: list[Mention], articles: pa.Table, sentences: pa.Table, found_adjectives: pa.Table
) -> tuple[pa.Table, pa.Table]:
    """(`mentions`, `entities`) tables from the raw mentions of the whole corpus, its sentences
    and its country adjectives (countries.find_adjectives)."""
    texts = Texts(articles)
    sentence_start = _sentence_starts(mentions, sentences)
    _to_canonical, info = alias_groups()
    mentions = _attested_readings(mentions)
    names = _name_groups(mentions, texts)
    persons = _person_keys(mentions, texts)
    shared: dict[str, str] = {}  # one string object per group, not one per mention
    group_of = [
        shared.setdefault(group, group)
        for i, m in enumerate(mentions)
        for group in [f"PER:{persons[i]}" if m.type == "PER" else f"NAME:{names.find(key(m.name))}"]
    ]
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(group_of):
        members[group].append(i)
    alias_of_root = {names.find(head): head for head in info if head in names.parent}

    # Name, type and (for places and organisations) country of every group.
    entity: dict[str, dict] = {}
    for group, indexes in members.items():
        ms = [mentions[i] for i in indexes]
        kind, root = group.split(":", 1)
        alias = info.get(alias_of_root.get(root, "")) if kind == "NAME" else None
        if alias:
            name, kind, country = alias
        else:
            full = [m.name for m in ms if _is_full(m.name)] if ms[0].type == "PER" else []
            name = _most_common(full) or _most_common(m.name for m in ms)
            kind = _most_common(m.type for m in ms)
            country = _country_of_name(name, kind)
        entity[group] = {"name": name, "type": kind, "country": country, "role": None}

    # People: roles and countries stated around their mentions.
    countries_at = _countries_at(mentions, group_of, entity, found_adjectives)
    stated_by: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    previous: Mention | None = None
    for m, group, start in zip(mentions, group_of, sentence_start.tolist(), strict=True):
        if entity[group]["type"] == "PER":
            if previous and (previous.article_id, previous.sentence) == (m.article_id, m.sentence):
                start = max(start, previous.stop)  # a role never reaches past another person
            previous = m
            stated_by[group].append(
                stated(texts[m.article_id], start, m.start, m.stop, countries_at[m.article_id])
            )
    for group, found in stated_by.items():
        entity[group]["role"] = _most_common(r for r, _c in found)
        entity[group]["country"] = _most_common(c for _r, c in found)

    ids = {g: entity_id(e["type"], e["name"]) for g, e in entity.items()}
    fields = ("article_id", "paragraph", "sentence", "start", "stop", "surface")
    columns = {name: [getattr(m, name) for m in mentions] for name in fields}
    columns["normal"] = [m.name for m in mentions]
    columns["type"] = [entity[g]["type"] for g in group_of]
    columns["entity_id"] = [ids[g] for g in group_of]
    mention_table = pa.Table.from_pydict(columns, schema=MENTIONS).sort_by(
        [(c, "ascending") for c in ("article_id", "start", "stop", "entity_id")]
    )  # a stable sort
    del columns
    by_id: dict[str, dict] = {}
    for group, indexes in members.items():
        empty = {"entity_id": ids[group], "aliases": set(), "n_mentions": 0, "articles": set()}
        row = by_id.setdefault(ids[group], {**entity[group], **empty})
        row["aliases"].update(mentions[i].name for i in indexes)
        row["n_mentions"] += len(indexes)
        row["articles"].update(mentions[i].article_id for i in indexes)
    table = [
        {**{k: v for k, v in row.items() if k != "articles"}, "aliases": sorted(row["aliases"]),
         "n_articles": len(row["articles"])}
        for _id, row in sorted(by_id.items())
    ]  # fmt: skip
    return mention_table, pa.Table.from_pylist(table, schema=ENTITIES)


def _sentence_starts(mentions: list[Mention], sentences: pa.Table) -> np.ndarray:
    """The start offset of each mention's sentence (a lookup in sorted keys, not a dict with an
    entry per sentence of the corpus)."""
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
