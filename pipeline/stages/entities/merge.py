"""Stage: raw mentions to `mentions` and `entities`: one row per real-world entity.

Organisations and places merge by normalised name, by the shipped alias groups
(`data/aliases.tsv`) and by 'Full Name (ABBR)' in the text, when the letters fit and the corpus
gives the abbreviation one meaning (`abbreviations`); an organisation named after a place
(«Барселона») is not the place (`clubs`). A person's partial name ('Алиев',
'Т. Лоренцсон', 'Тереза') joins a full name only when exactly one full name fits: first in the same
article, then in the corpus. Two people who share a surname therefore stay apart, and two who
share a full name are told apart by the contexts of their articles (`namesakes`). Media
(`data/media.tsv`, and a name the text puts after a media word: 'издание «Обозреватель»') are
entities of type MEDIUM, whatever type NER gave their mentions. An organisation's name the corpus
introduces as a thing ('самолёт МС-21', 'ралли «Дакар»') is no entity (`things`); glued
hashtags and common noun phrases opening a sentence are none either, and an organisation NER cut
before words of its name takes them (`spans`). A person's span that glues two people's names
('Путиным Трамп') is two mentions (`glued`).

The stage learns what it can from the distinct names, then reads the mentions a chunk of
articles at a time (runtime.corpus), twice. Between the passes it keeps evidence per distinct
name, and a group code per mention in a temporary file: its memory grows with the corpus's
vocabulary of names, not with its mentions. A person who may be two has a group per article
until the contexts of the articles are compared (`namesakes.Gathered` keeps them as numbers):
that grows with those people's articles. The second pass also gathers what the texts state
about the countries of people and organisations (affiliations.py): one small record per
statement, far fewer than the mentions.
"""

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import country_of_name, key, places
from pipeline.nlp.government import word_before
from pipeline.nlp.media import MEDIUM, cited, medium_of, written_name
from pipeline.nlp.ner import Mention
from pipeline.nlp.normalize import one_script
from pipeline.nlp.roles import Named, stated
from pipeline.runtime.corpus import Corpus, Texts
from pipeline.runtime.engine import SERIAL, Engine, detached
from pipeline.runtime.memory import collection_paused
from pipeline.runtime.spill import Spilled
from pipeline.schema import ARTICLE_ENTITIES, ENTITIES, MENTIONS, before_headlines, in_article_order
from pipeline.stages.entities.abbreviations import abbreviations, merged, sense, written_out
from pipeline.stages.entities.affiliations import (
    BY_NAME,
    ORGANISATION_SHARE,
    PERSON_SHARE,
    Statement,
    by_article,
    confident,
    context,
    named_of,
    organisation_statements,
)
from pipeline.stages.entities.clubs import named_after_places, written_places
from pipeline.stages.entities.common_words import (
    Lowered,
    compound_nouns,
    name_words,
    unknown_words,
    without_common_words,
)
from pipeline.stages.entities.glued import Split, glued_spans, unglued_spans
from pipeline.stages.entities.names import (
    UnionFind,
    alias_groups,
    canonical_key,
    chosen_readings,
    country_abbreviations,
    latin_originals,
    most_common,
    short_forms,
)
from pipeline.stages.entities.namesakes import (
    IN,
    Contexts,
    Gathered,
    candidates,
    contexts,
    in_article,
    told_apart,
)
from pipeline.stages.entities.naming import as_named, unglued
from pipeline.stages.entities.organisations import ORGANISATION, refers_back
from pipeline.stages.entities.people import (
    IN_ARTICLE,
    People,
    agree_in_article,
    article_scope,
    people_of,
    person_keys,
    written_in_full,
)
from pipeline.stages.entities.qualified import OneBodies, qualified_names
from pipeline.stages.entities.retyped import retyped, state_country, with_types
from pipeline.stages.entities.spans import Written, respanned
from pipeline.stages.entities.things import Introduced
from pipeline.stages.mentions import mentions_from_table, reading_keys

#: Mentions tagged as a place that make a name the gazetteer does not know a place apart from an
#: organisation named after it: one is as likely the tagger's slip ('Динамо').
_PLACE_MENTIONS = 2


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
    abbreviations: list[tuple[str, str]]  # (name key, abbreviation key), distinct
    national: list[tuple[str, str]]  # (bare name key, its key with a country), distinct
    contexts: Contexts  # around the people who may be namesakes (namesakes.contexts)


def _read_mentions(
    raw: pa.Table,
    chosen: Mapping[str, tuple[str, ...]],
    renamed: Mapping[str, str],
    letters: dict[int, tuple[str, str]] | None = None,
) -> list[Mention]:
    """The mentions of `raw` as both passes read them: with the readings `chosen` over the
    corpus, one reading per surname in each article, and the organisations' names the corpus
    reads (`renamed`, by surface: organisation_names), in one alphabet (`one_script`); the
    names as written and in one alphabet of those it changes go to `letters` (by index)."""
    mentions = mentions_from_table(raw, chosen)
    for i, m in enumerate(mentions):
        if m.type == ORGANISATION and m.surface in renamed and not refers_back(m.surface, m.name):
            m.name = renamed[m.surface]
        if m.type in (ORGANISATION, MEDIUM) and (one := one_script(m.name)) != m.name:
            if letters is not None:
                letters[i] = (m.name, one)
            m.name = one  # 'СNN' with a Cyrillic С is CNN
    return agree_in_article(mentions)


def _person_names(raw: pa.Table, chosen: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The names of the people of `raw` (with the readings `chosen` for its surfaces)."""
    people = raw.filter(pc.equal(raw["type"], "PER"))["name"]
    return set(pc.unique(people).to_pylist()) | {n for found in chosen.values() for n in found}


@collection_paused()
def _find_groups(
    raw: pa.Table,
    texts: pa.Table,
    sentences: pa.Table,
    chosen: Mapping[str, tuple[str, ...]],
    renamed: Mapping[str, str],
    people: People,
    places_written: Set[str],
    namesakes: Set[str],
    one_bodies: Set[str],
    kinds: Set[str],
    generic: Mapping[str, Set[str]],
) -> _Found:
    """The groups of the mentions in `raw` (whole articles with their `texts` and `sentences`):
    'PER:<person key>' (`person_keys` against the corpus's `people`), joined to the article for
    a person who may be two (`namesakes`: keys in `namesakes`); 'MEDIUM:<name key>' for
    a name the text calls a medium (`media.cited`; a person's name that is a listed medium,
    'Интерфакс' tagged PER, is a name); 'ORG:<name key>' for an organisation named after a
    place (`clubs`, with the names the corpus tags as places `places_written`);
    'ABBR:<abbreviation key>\t<name key>' for an abbreviation in an article that expands it,
    the first time; 'NEAR:<abbreviation key>\t<name key>' for one in an article that writes
    out a name it fits elsewhere (`written_out`); 'NAME:<name key><IN><article>' for a bare
    name of a kind of body (`generic`: keys) its article gives no owner; else 'NAME:<name
    key>'. A task on a worker."""
    mentions, article_texts = _read_mentions(raw, chosen, renamed), Texts(texts)
    persons = person_keys(mentions, people, article_texts)
    media = cited(mentions, article_texts)
    pairs = list(abbreviations(mentions, article_texts))
    expanded: dict[tuple[str, str], str] = {}
    full_type: dict[tuple[str, str], str] = {}  # an abbreviation takes its name's type
    for article_id, full, short, kind in pairs:
        expanded.setdefault((article_id, short), full)
        full_type.setdefault((article_id, short), kind)
    near = written_out(mentions)
    clubs = named_after_places(mentions, article_texts, sentences, places_written)
    national = qualified_names(mentions, article_texts, one_bodies, kinds, generic)
    index: dict[str, int] = {}
    first: list[int] = []
    codes = np.empty(len(mentions), dtype=np.int32)
    names: Counter[tuple[int, str]] = Counter()
    types: Counter[tuple[int, str]] = Counter()
    for i, m in enumerate(mentions):
        spelled = _spelled_out(expanded, m)  # 'БНР' spelled out: no medium, no country
        written = m.name if spelled else national.get(i, m.name)  # 'МИД' + 'России'
        name = canonical_key(written) if i in national and not spelled else key(written)
        if i in media:
            group = f"MEDIUM:{key(media[i])}"
        elif m.type == "PER" and not medium_of(m.name):
            group = f"PER:{persons[i]}"
            if article_scope(persons[i]):  # a first name alone: 'Руси Кирилл' is 'Кирилл'
                m.name = unglued(m.name, m.name.split()[-1])
            if persons[i] in namesakes:
                group = in_article(group, m.article_id)
        elif i in clubs:
            group = f"ORG:{name}"
        elif full := spelled or expanded.get((m.article_id, name)):
            group = f"ABBR:{name}\t{full}"
            m.type = full_type.get((m.article_id, name), m.type)
        elif full := near.get((m.article_id, name)):
            group = f"NEAR:{name}\t{full}"
        elif i not in national and name in generic:  # 'МИД': whose, its article does not say
            group = f"NAME:{name}{IN}{m.article_id}"
        else:
            group = f"NAME:{name}"
        if group not in index:
            index[group] = len(first)
            first.append(i)
        codes[i] = code = index[group]
        if i in media or medium_of(m.name):  # a medium's aliases as its mentions are named
            m.name = written_name(m, article_texts[m.article_id])
        names[code, written if i in national and not spelled else m.name] += 1
        types[code, m.type] += 1
    groups = list(index)
    return _Found(
        groups,
        codes,
        first,
        dict(names),
        dict(types),
        list(latin_originals(mentions, article_texts, persons)),
        list(dict.fromkeys((full, short) for _article, full, short, _kind in pairs)),
        list(dict.fromkeys((key(mentions[i].name), canonical_key(n)) for i, n in national.items())),
        contexts(mentions, codes.tolist(), groups, article_texts),
    )


def _spelled_out(expanded: Mapping[tuple[str, str], str], m: Mention) -> str | None:
    """The full name an article spells a listed medium's name out as ('Белорусской народной
    республики (БНР)'), whatever country a national body's rule gave the mention: there, the
    name is not the medium ('БНР', Bulgaria's radio)."""
    return expanded.get((m.article_id, key(m.name))) if medium_of(m.name) else None


@dataclass
class _Said:
    """A chunk's mention rows and what they say about their entities (`_describe`)."""

    mentions: pa.Table
    roles: dict[str, Counter]  # group -> stated roles of its people
    affiliations: list[Statement]  # the countries or organisations stated for people
    organisations: list[Statement]  # the countries stated for organisations


@collection_paused()
def _describe(
    raw: pa.Table,
    texts: pa.Table,
    sentences: pa.Table,
    found_adjectives: pa.Table,
    chosen: Mapping[str, tuple[str, ...]],
    renamed: Mapping[str, str],
    group_of: list[str],
    entity: dict[str, dict],
) -> _Said:
    """The mention rows of `raw` (whole articles, with their texts, sentences and adjectives),
    each mention in its final group (`group_of`) of `entity` (name, type, country and id of
    each group there), with the roles and countries stated around the people and the
    organisations; a medium's mentions are named as media.tsv spells what the text writes
    (`media.written_name`), and an organisation's keeps the text's letters, which its row reads
    in one alphabet ('Сatholic Нerald' with a Cyrillic С and Н, of the row Catholic Herald).
    A task on a worker."""
    letters: dict[int, tuple[str, str]] = {}
    mentions, article_texts = _read_mentions(raw, chosen, renamed, letters), Texts(texts)
    named = named_of(mentions, group_of, entity, found_adjectives, article_texts)
    roles: dict[str, Counter] = defaultdict(Counter)
    affiliations: list[Statement] = []
    for group, m, role, country in _stated(
        mentions, group_of, entity, article_texts, sentences, named
    ):
        roles[group][role] += 1
        if country:
            said = context(article_texts[m.article_id], m.start, m.stop)
            affiliations.append(Statement(group, m.article_id, said, country))
    organisations = list(organisation_statements(mentions, group_of, entity, article_texts, named))
    ids = {g: entity[g]["entity_id"] for g in set(group_of)}
    for i, (m, group) in enumerate(zip(mentions, group_of, strict=True)):
        if entity[group]["type"] == MEDIUM:
            m.name = written_name(m, article_texts[m.article_id])
        elif entity[group]["type"] == "PER":
            m.name = as_named(m.name, entity[group]["name"])
        elif i in letters and m.name == letters[i][1]:
            m.name = letters[i][0]
    return _Said(
        _mention_rows(mentions, group_of, entity, ids), dict(roles), affiliations, organisations
    )


def _named_after_places(
    final_of: list[str], type_counts: Mapping[tuple[int, str], int], names: UnionFind
) -> None:
    """Join each organisation named after a place ('ORG:<name key>' in `final_of`, by code)
    to the group of its name unless the name's other mentions are mostly tagged as a place (more
    than once, if the gazetteer does not know it): else the organisation is what the name means
    ('Спартак')."""
    types: dict[str, Counter] = defaultdict(Counter)
    for (code, kind), count in type_counts.items():
        types[final_of[code]][kind] += count
    for code, group in enumerate(final_of):
        if group.startswith("ORG:"):
            name = group.split(":", 1)[1]
            place = f"NAME:{names.find(name)}"
            found = types.get(place)
            stray = found and found["LOC"] < _PLACE_MENTIONS and name not in places()
            if found and (most_common(found) != "LOC" or stray):
                final_of[code] = place


def _written_names(
    wanted: Set[str],
    index: Mapping[str, int],
    name_counts: Mapping[tuple[int, str], int],
    people: People,
) -> dict[str, str]:
    """The name most often written for each group in `wanted` (a person's group in any of its
    articles counts for it; a person's full names first), by the group codes of `index`; '#k'
    names itself."""
    if not wanted:
        return {}
    codes = {code: group.split(IN, 1)[0] for group, code in index.items()}
    written: dict[str, Counter] = defaultdict(Counter)
    for (code, name), count in name_counts.items():
        if codes[code] in wanted:
            written[codes[code]][name] += count
    called = {}
    for group in wanted:
        found = written.get(group, {})
        full = {n: c for n, c in found.items() if n in people.person_of}
        called[group] = most_common(full) or most_common(found) or group
    return called


def _entities(
    first: Mapping[str, int],
    names: Mapping[str, Mapping[str, int]],
    types: Mapping[str, Mapping[str, int]],
    joined: UnionFind,
    people: People,
    ambiguous: Set[str],
    spelled: Mapping[str, str],
) -> dict[str, dict]:
    """Group -> name, type and (for places, organisations and media) country, from the names
    and types written for it (a person's name is its most common full name), in the order of
    the groups' `first` mentions. A medium the text names without a listed alias takes its
    country from its name, as an organisation does. An abbreviation with several meanings
    (keys in `ambiguous`) names a group only if nothing else does: the group it joins in an
    article is not the abbreviation's own entity. An owner's short name (a key of `spelled`,
    `names.short_forms`: 'Совбез ООН') names its group only if the group's full name (its
    value: 'Совет Безопасности ООН') is never written (`spelled_in_full`)."""
    _to_canonical, info = alias_groups()
    alias_of_root = {joined.find(head): head for head in info if head in joined.parent}
    entity: dict[str, dict] = {}
    for group in sorted(first, key=first.__getitem__):
        kind, root = group.split(":", 1)
        alias = info.get(alias_of_root.get(root, "")) if kind == "NAME" else None
        if alias:
            name, kind, country = alias
        elif kind == MEDIUM:
            name = most_common(names[group])
            country = country_of_name(name, "ORG")
        else:
            full = {n: c for n, c in names[group].items() if n in people.person_of}
            full = (full or written_in_full(names[group], root)) if kind == "PER" else {}
            plain = {n: c for n, c in names[group].items() if key(n) not in ambiguous}
            name = (
                most_common(full)
                or most_common(spelled_in_full(plain, spelled))
                or most_common(plain)
                or most_common(names[group])
            )
            kind = "ORG" if kind == "ORG" else most_common(types[group])
            country = country_of_name(name, kind)
            if kind == "LOC" and country is None:  # a state the gazetteer lacks
                country = state_country(names[group])
        entity[group] = {"name": name, "type": kind, "country": country, "role": None}
    return entity


def spelled_in_full(names: Mapping[str, int], spelled: Mapping[str, str]) -> dict[str, int]:
    """A group's `names` (name -> mentions) with an owner's short name whose full name the
    group also writes (`spelled`: short key -> full key, by `canonical_key`) counted as that
    full name: 'Совбез ООН', 'ВКС России' count as 'Совет Безопасности ООН', 'Воздушно-
    космические силы России', the name a reader expects of a row, however often the short
    one is written, and a bare 'ВКС' the group also writes does not name it instead. The count
    goes to the full name's most written spelling ('Министерство обороны России' over '... РФ')."""
    spellings: dict[str, dict[str, int]] = {}  # a key's spellings: 'России', 'РФ'
    for name, count in names.items():
        spellings.setdefault(canonical_key(name), {})[name] = count
    written = {key: most_common(found) for key, found in spellings.items()}
    counted: dict[str, int] = {}
    for name, count in names.items():
        name = written.get(spelled.get(canonical_key(name), ""), name)
        counted[name] = counted.get(name, 0) + count
    return counted


def _stated(
    mentions: list[Mention],
    group_of: list[str],
    entity: dict[str, dict],
    texts: Mapping[str, str],
    sentences: pa.Table,
    named: Mapping[str, Mapping[int, Named]],
) -> Iterator[tuple[str, Mention, str | None, str | None]]:
    """(group, mention, role, affiliation) stated around each mention of a person
    (roles.stated); an affiliation is a country or an organisation's group."""
    sentence_start = _sentence_starts(mentions, sentences)
    previous: Mention | None = None
    for m, group, start in zip(mentions, group_of, sentence_start.tolist(), strict=True):
        if entity[group]["type"] == "PER":
            if previous and (previous.article_id, previous.sentence) == (m.article_id, m.sentence):
                start = max(start, previous.stop)  # a role never reaches past another person
            previous = m
            yield (
                group,
                m,
                *stated(texts[m.article_id], start, m.start, m.stop, named[m.article_id], m.name),
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
    return pa.Table.from_pydict(
        columns, schema=before_headlines(in_article_order(MENTIONS))
    ).sort_by(
        [(c, "ascending") for c in ("article_id", "start", "stop", "entity_id")]
    )  # a stable sort


@collection_paused()
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
    readings = chosen_readings(_raw_mentions(corpus, {}))
    # Spans that glue two people's names are two mentions: the names read again without them.
    splits = glued_spans(readings.counts, readings.spans)
    if splits:
        readings = chosen_readings(_raw_mentions(corpus, splits))
    chosen, renamed = readings.chosen, readings.organisations
    names = UnionFind()
    for kind, name in readings.counts:
        if kind != "PER" or medium_of(name):
            names.union(key(name), canonical_key(name))
    for abbreviation, name in country_abbreviations(readings.counts):
        names.union(canonical_key(abbreviation), canonical_key(name))
    people = people_of(
        {
            name: n
            for (kind, name), n in readings.counts.items()
            if kind == "PER" and not medium_of(name)
        },
        readings.genders,
    )
    places_written = {key(name) for kind, name in readings.counts if kind == "LOC"}
    written_names = [name for kind, name in readings.counts if kind == "PER"]
    types = retyped(readings.counts, name_words(written_names), people.first_names)
    may_be_two = candidates(people.by_last)
    unknown = unknown_words(chain(written_names, *readings.chosen.values()))
    compounds = compound_nouns(written_names, types.keys())
    del readings
    things, spelled_out, means_kinds, written, lowered, one_bodies, kinds, generic = _things(
        corpus, places_written, splits, Lowered(unknown)
    )

    lowered |= compounds
    # A common word glued before a name is no word of it ('Шорт-трекист Семён Елистратов').
    in_names = name_words(written_names, lowered)

    def chunks(*tables: str) -> Iterator[tuple]:
        """Each chunk's raw mentions, texts, rows of `tables`, chosen readings and renamed
        organisations; for a worker, only what the chunk holds (a pickled slice carries its
        parent's buffers)."""
        for chunk in corpus.chunks(["raw_mentions", *tables], columns=["article_id", "text"]):
            texts = chunk["articles"]
            part = unglued_spans(chunk["raw_mentions"], splits)
            part = respanned(part, Texts(texts), written)
            part = _without_things(part, things, spelled_out, means_kinds)
            part = without_common_words(part, Texts(texts), in_names, lowered)
            part = with_types(part, types, Texts(texts), renamed)
            rest = [chunk[name] for name in tables]
            if not engine.parallel:
                yield part, texts, *rest, chosen, renamed
                continue
            keys = pc.unique(reading_keys(part)).to_pylist()
            surfaces = pc.unique(part["surface"]).to_pylist()
            yield (
                detached(part),
                detached(texts),
                *map(detached, rest),
                {k: chosen[k] for k in keys if k in chosen},
                {s: renamed[s] for s in surfaces if s in renamed},
            )

    def grouped() -> Iterator[tuple]:
        """Pass 1's tasks: each chunk with the full names its people can resolve to and the
        place names its organisations can be."""
        for part, texts, chunk_sentences, found, organisations in chunks("sentences"):
            yield (
                part,
                texts,
                chunk_sentences,
                found,
                organisations,
                people.subset(_person_names(part, found)) if engine.parallel else people,
                written_places(part, organisations, places_written)
                if engine.parallel
                else places_written,
                may_be_two,
                one_bodies,
                kinds,
                generic,
            )

    # Each mention's group, kept as a code per mention; each group's names and types; the
    # Latin originals of people's names and the abbreviations of organisations in the texts.
    index: dict[str, int] = {}
    first: list[int] = []  # by code
    name_counts: dict[tuple[int, str], int] = {}
    type_counts: dict[tuple[int, str], int] = {}
    coded = Spilled(np.int32)  # each mention's group code, per chunk
    latin: dict[str, str] = {}
    expansions: dict[str, set[str]] = defaultdict(set)  # abbreviation key -> name keys
    countries: dict[str, set[str]] = defaultdict(set)  # bare name key -> keys with a country
    around = Gathered()  # around the people who may be namesakes
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
            expansions[short].add(full)
        for bare, qualified in chunk.national:
            countries[bare].add(qualified)
        around.add(chunk.contexts)
    single = set()
    for full, short in merged(expansions):
        names.union(full, short)
        single.add(short)
    ambiguous = expansions.keys() - single
    for bare, qualified in sorted(countries.items()):
        if len(qualified) == 1:  # one country's body: 'ФСБ' is 'ФСБ России' everywhere
            names.union(bare, *qualified)
    spelled: dict[str, str] = {}  # an owner's short name's key -> its full name's key
    for short, full in short_forms(chain(names.parent, (g.partition(":")[2] for g in index))):
        names.union(full, short)  # 'Совбез ООН' is 'Совет Безопасности ООН'
        spelled[short] = full
    joined = {names.find(k) for k, parent in list(names.parent.items()) if parent != k}
    # Namesakes: a person's articles in groups of distinct contexts, each named after what
    # characterises it.
    apart = told_apart(around)
    del around
    called = _written_names(set(apart.values()), index, name_counts, people)

    def final(group: str) -> str:
        """The group once a person who is two has the namesake of its article, Latin
        originals join the person they follow, names their aliases and abbreviations (in an
        article that expands it, an abbreviation is its full name), and a name the text calls
        a medium the listed medium, if any."""
        kind, name = group.split(":", 1)
        if kind == "PER":
            person = name.split(IN, 1)[0]
            person = latin.get(person, person)
            namesake = apart.get(group)
            return f"PER:{person}{IN}{called[namesake]}" if namesake else f"PER:{person}"
        if kind == MEDIUM and (head := medium_of(name, cited=True)):
            return f"NAME:{names.find(head)}"
        if kind == "ABBR":
            _short, full = name.split("\t", 1)
            return f"NAME:{names.find(full)}"
        if kind == "NEAR":
            short, full = name.split("\t", 1)
            return f"NAME:{names.find(sense(short, full, expansions, names.find, joined))}"
        if kind == "ORG" or IN in name:  # a club; a kind of body in its article
            return group
        return f"{kind}:{names.find(name)}"

    final_of = [final(group) for group in index]  # by code
    _named_after_places(final_of, type_counts, names)
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
    entity = _entities(joined_first, joined_names, joined_types, names, people, ambiguous, spelled)
    for group, e in entity.items():
        if e["type"] == "PER" and IN in group:  # a namesake: 'Леонид Слуцкий (ЦСКА)'
            e["name"] = f"{e['name']} ({group.split(IN, 1)[1]})"
        # A first name alone, or a bare kind of body ('МИД'), is someone of its article: the
        # article joins its id.
        kind, _colon, person = group.partition(":")
        scope = article_scope(person) if kind == "PER" else person.partition(IN)[2] or None
        e["entity_id"] = entity_id(
            e["type"], f"{e['name']}{IN_ARTICLE}{scope}" if scope else e["name"]
        )

    # The mention rows; people's stated roles and countries.
    def described() -> Iterator[tuple]:
        for (part, texts, chunk_sentences, chunk_adjectives, found, organisations), codes in zip(
            chunks("sentences", "adjectives"), coded, strict=True
        ):
            group_of = [final_of[c] for c in codes.tolist()]
            known = {g: entity[g] for g in set(group_of)} if engine.parallel else entity
            yield (
                part,
                texts,
                chunk_sentences,
                chunk_adjectives,
                found,
                organisations,
                group_of,
                known,
            )

    roles: dict[str, Counter] = defaultdict(Counter)
    affiliations: list[Statement] = []
    organisations: list[Statement] = []
    articles_of: Counter[str] = Counter()  # chunks hold whole articles: their counts add up
    for said in engine.imap(_describe, described()):
        for group, found in said.roles.items():
            roles[group].update(found)
        affiliations += said.affiliations
        organisations += said.organisations
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
    for group, found in roles.items():
        entity[group]["role"] = most_common(found)
    _countries_from_statements(entity, names, affiliations, organisations, articles_of)
    return _entity_table(entity, joined_names, articles_of)


def _raw_mentions(corpus: Corpus, splits: Mapping[str, Split]) -> Iterator[pa.Table]:
    """Each chunk's raw mentions, the glued people's spans `splits` split, with the lower-case
    word right before each organisation's one-word mention (`before`; '' for the others): the
    cases it demands tell a name that does not decline ('с «Леванте»')."""
    for chunk in corpus.chunks(["raw_mentions"], columns=["article_id", "text"]):
        raw, texts = unglued_spans(chunk["raw_mentions"], splits), Texts(chunk["articles"])
        columns = (raw[c].to_pylist() for c in ("article_id", "start", "surface", "type"))
        before = [
            word_before(texts[article], start)
            if kind == ORGANISATION and " " not in surface
            else ""
            for article, start, surface, kind in zip(*columns, strict=True)
        ]
        yield raw.append_column("before", pa.array(before, pa.string()))


def _things(
    corpus: Corpus, places_written: Set[str], splits: Mapping[str, Split], lowered: Lowered
) -> tuple[
    frozenset[str],
    frozenset[tuple[str, str]],
    frozenset[tuple[str, int]],
    Written,
    frozenset[str],
    frozenset[str],
    frozenset[str],
    dict[str, frozenset[str]],
]:
    """The organisations' surfaces whose names the corpus introduces as things ('самолёт
    МС-21', 'ралли «Дакар»'; `things.Introduced`), that are a person's title ('Генсека';
    `Introduced.titles`) or a heading's phrase (`Introduced.headings_only`), from its raw
    mentions and texts; the abbreviations that an article spells out as a common noun phrase or
    cites as a law, with the article (`Introduced.spelled_out`, `Introduced.cited_as_laws`); the
    mentions of an abbreviation of a common noun after a noun of means ('средства ПВО';
    `Introduced.means_kinds`); and how the corpus writes its names (`spans.Written`), the glued
    people's spans `splits` split; which of the words `lowered` counts it writes in lower case
    far more often than with a capital; and the keys of the organisations' names that name one
    body on their own, which the corpus almost never writes a country after, and of those it
    writes attached to three bodies or more, a kind of body, and of the bare names it writes with
    several owners, none of them most of the time (`qualified.OneBodies`)."""
    introduced, written, one_bodies = Introduced(), Written(), OneBodies()
    for chunk in corpus.chunks(["raw_mentions"], columns=["article_id", "text"]):
        raw, articles = unglued_spans(chunk["raw_mentions"], splits), chunk["articles"]
        found = raw.filter(pc.equal(raw["type"], ORGANISATION))
        columns = ("article_id", "start", "surface", "name")
        texts = dict(zip(*(articles[c].to_pylist() for c in ("article_id", "text")), strict=True))
        introduced.add(zip(*(found[c].to_pylist() for c in columns), strict=True), texts)
        every = {c: raw[c].to_pylist() for c in (*columns, "stop", "type")}  # read once for both
        written.add(zip(*(every[c] for c in (*columns, "type")), strict=True), texts)
        lowered.add(texts.values())
        rows = (every[c] for c in ("article_id", "start", "stop", "surface", "type", "name"))
        one_bodies.add(zip(*rows, strict=True), texts)
    things = (
        introduced.things(places_written)
        | introduced.titles()
        | introduced.headings_only()
        | introduced.arguments_only(places_written)
    )
    return (
        things,
        introduced.spelled_out() | introduced.cited_as_laws(),
        introduced.means_kinds(),
        written,
        lowered.common(),
        one_bodies.names(),
        one_bodies.kinds(),
        one_bodies.generic(),
    )


def _without_things(
    raw: pa.Table,
    things: frozenset[str],
    spelled_out: frozenset[tuple[str, str]],
    means_kinds: frozenset[tuple[str, int]],
) -> pa.Table:
    """The raw mentions but the organisations' that name `things`, those of an
    abbreviation in an article that spells it out as a common noun phrase or cites it as a law
    (`spelled_out`: 'ядерного оружия (ЯО)', 'статье 120 СК РФ') and those at (article_id,
    start) in `means_kinds` ('средства ПВО'): a thing is no entity."""
    thing = pc.is_in(raw["surface"], pa.array(sorted(things), raw["surface"].type))
    if spelled_out:
        pairs = zip(raw["article_id"].to_pylist(), raw["surface"].to_pylist(), strict=True)
        common = pa.array([(a, key(s)) in spelled_out for a, s in pairs])
        thing = pc.or_(thing, common)
    if means_kinds:
        at = zip(raw["article_id"].to_pylist(), raw["start"].to_pylist(), strict=True)
        thing = pc.or_(thing, pa.array([mention in means_kinds for mention in at]))
    return raw.filter(pc.invert(pc.and_(pc.equal(raw["type"], ORGANISATION), thing)))


def _countries_from_statements(
    entity: dict[str, dict],
    names: UnionFind,
    affiliations: list[Statement],
    organisations: list[Statement],
    articles_of: Mapping[str, int],
) -> None:
    """Organisations without a country in their name, then people, take the country their
    statements agree on (affiliations.confident); a person's statement of an organisation
    counts for the organisation's country."""

    def group_of(target: str) -> str | None:
        if not target.startswith(BY_NAME):
            return target
        name = target[len(BY_NAME) :]
        return f"NAME:{names.find(name)}" if name in names.parent else None

    stated_for = by_article(
        s._replace(about=group)
        for s in organisations
        if (group := group_of(s.about)) in entity and entity[group]["type"] == "ORG"
    )
    for group, counts in stated_for.items():
        e = entity[group]
        e["country"] = e["country"] or confident(
            counts, articles_of[e["entity_id"]], ORGANISATION_SHARE
        )
    people = by_article(
        s._replace(value=entity[s.value]["country"]) if s.value in entity else s
        for s in affiliations
    )
    for group, e in entity.items():
        if e["type"] == "PER":
            e["country"] = confident(
                people.get(group, Counter()), articles_of[e["entity_id"]], PERSON_SHARE
            )


def _entity_table(
    entity: dict[str, dict], names: Mapping[str, Mapping[str, int]], articles_of: Mapping[str, int]
) -> pa.Table:
    """One row per entity id; groups that share one give it the first group's fields."""
    by_id: dict[str, dict] = {}
    for group, fields in entity.items():  # in order of first appearance
        row = by_id.setdefault(fields["entity_id"], {**fields, "aliases": set(), "n_mentions": 0})
        person = fields["name"] if fields["type"] == "PER" else None
        row["aliases"].update(as_named(n, person) if person else n for n in names[group])
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
        schema=in_article_order(ARTICLE_ENTITIES),
    )
    return table.sort_by([("article_id", "ascending"), ("entity_id", "ascending")])
