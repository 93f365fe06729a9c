"""A national body named without its country ('МИД', 'Минобороны', 'Генштаб') is the body of
the country written right after it ('МИД' + 'России': NER tags the country apart) or named by
the adjective right before it ('российского МИД', 'британского Минобороны'), and, elsewhere in
an article that writes it with one country only, of that country. An article that writes it
with two countries ('МИД России', 'МИД Украины') leaves its bare mentions bare.

A country after a name the corpus writes often and almost never with a country after it is not
its owner: the name names one body on its own ('вступление в НАТО Черногории', 'по вине НАТО
Франция была втянута', 'выхода из ЕС Великобритании'; `OneBodies`).

A name the corpus writes attached to three bodies or more ('Общественного совета при ФСИН', 'при
Минобороны России', 'при Ространснадзоре') names a kind of body, one at each: written with the
body it is attached to, it is named with it, as a national body is with its country, and one
article's bare 'Общественный совет' is the one it attaches (`_attached`). A name attached to one
body only ('Финансового университета при правительстве РФ') names that one body alone.

A bare name of a kind of body that several countries share ('МИД', 'Минобороны': `generic`) is,
in an article that writes it with two countries, the body of the country its paragraph named
last ('МИД России' ... 'МИД'), and in an article that writes it with none, the body of the
country the article is about (`article_countries`: most of its places are that country's).
Only where nothing decides is it a row of its article alone."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set
from functools import lru_cache
from itertools import pairwise

from pipeline.nlp.gazetteer import adjectives, country_name, key, places, read_tsv
from pipeline.nlp.models import CACHE_SIZE, lemma, morph
from pipeline.nlp.ner import Mention, country_of_genitive, is_country_genitive, split_country
from pipeline.nlp.not_names import noun_before
from pipeline.nlp.roles import role_lemmas
from pipeline.stages.entities.names import alias_groups, international
from pipeline.stages.entities.organisations import ORGANISATION

#: A name the corpus writes with a country right after it in fewer of its mentions than this
#: share names one body on its own ('НАТО', 'ООН', 'ЕС': a few in a thousand, where a national
#: body's is a hundredth or more: 'МИД', 'ФСБ', 'ФБР'), so a country after it is another word's.
_OWNED_SHARE = 0.005
#: Mentions a name needs before its share tells: on a few articles one slip is a large share.
_OWNED_MENTIONS = 100
#: What lies between a body and the mention of the body it is attached to: 'при' on the same
#: line, and at most one word in lower case ('при правительстве РФ', 'при ФСИН').
_AT = re.compile(r"[ \t]+при[ \t]+(?:([а-яё]+)[ \t]+)?")
#: Bodies a name must be attached to over the corpus to name a kind of body, one at each: one
#: body is often written two ways ('при Госдуме', 'при Государственной думе'; 'Научного совета
#: при Совбезе России', 'при Совете безопасности РФ'), which count as two.
_OWNERS = 3
#: A bare name the corpus writes with two owners or more (countries or international
#: organisations after it, each in `_GENERIC_ARTICLES` articles or more: one is a slip), none of
#: them in this share of the articles that write it with one, names a kind of body: 'МИД',
#: 'Минобороны', 'Демократическая партия'. Left bare in an article, it is that article's only.
_GENERIC_SHARE = 0.9
_GENERIC_ARTICLES = 2
#: An article is about one country when its places (countries, their capitals and cities) name
#: that country this many times or more, and this many times as often as any other: a bare
#: 'МИД' there is that country's. A smaller lead leaves it open ('Минэнерго' in an article on
#: OPEC that names the US and Russia).
_ABOUT_MENTIONS = 3
_ABOUT_LEAD = 2
#: The share of the articles that write a kind of body with an owner that an article's country
#: must have among them to own its bare mention: a Russian article on US politics leaves its
#: bare 'Демократическая партия' open (Russia's is a small party), as one on North Korea's
#: sanctions does its 'Минфин'.
_USUAL_OWNER = 0.1


class OneBodies:
    """Each organisation name's mentions over the corpus, and those a country genitive
    follows (`country_after`), to tell the names that name one body on their own; and the
    bodies each is attached to (`_attached`), to tell the names of a kind of body."""

    def __init__(self) -> None:
        self.mentions: Counter[str] = Counter()
        self.owned: Counter[str] = Counter()
        self.owners: dict[str, set[str]] = defaultdict(set)
        #: bare name key -> its owner (a country's code, an organisation's key) -> articles
        self.nations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, rows: Iterable[tuple[str, int, int, str, str, str]], text: Mapping) -> None:
        """Count the mentions `rows` ((article_id, start, stop, surface, type, name), in text
        order) of articles with their `text` by id: a name with a country in it ('Минобороны
        России') is its bare name's with a country."""
        for row, after in pairwise([*rows, None]):
            if row[4] != ORGANISATION:
                continue
            if qualified := split_country(row[5]):
                self.mentions[key(qualified[0])] += 1
                self.owned[key(qualified[0])] += 1
                self.nations[key(qualified[0])][qualified[1]].add(row[0])
                continue
            self.mentions[key(row[5])] += 1
            if after is not None and after[0] == row[0]:
                if country_after(text[row[0]], row[2], after[1], *after[3:5]):
                    self.owned[key(row[5])] += 1
                    owner = country_of_genitive(after[3]) or ""
                    self.nations[key(row[5])][owner].add(row[0])
                elif international_after(text[row[0]], row[2], after[1], *after[3:5]):
                    self.nations[key(row[5])][key(after[3])].add(row[0])
                if owner := _owner(text[row[0]], row[2], after[1:]):
                    self.owners[key(row[5])].add(owner)

    def kinds(self) -> frozenset[str]:
        """The keys of the names attached to `_OWNERS` bodies or more: a kind of body."""
        return frozenset(name for name, owners in self.owners.items() if len(owners) >= _OWNERS)

    def generic(self) -> dict[str, frozenset[str]]:
        """The keys of the bare names of a kind of body, one per owner (`_GENERIC_SHARE`), each
        with the owners the corpus writes it with often (`_USUAL_OWNER`)."""
        found = {}
        for name, owners in self.nations.items():
            counts = sorted((len(a) for a in owners.values()), reverse=True)
            stated = [n for n in counts if n >= _GENERIC_ARTICLES]
            if len(stated) >= 2 and counts[0] < _GENERIC_SHARE * sum(counts):
                found[name] = frozenset(
                    owner for owner, a in owners.items() if len(a) >= _USUAL_OWNER * sum(counts)
                )
        return found

    def names(self) -> frozenset[str]:
        """The keys of the names that name one body on their own (`_OWNED_SHARE`)."""
        return frozenset(
            name
            for name, n in self.mentions.items()
            if n >= _OWNED_MENTIONS and self.owned[name] < _OWNED_SHARE * n
        )


def country_after(text: str, stop: int, start: int, surface: str, kind: str) -> bool:
    """Whether the mention `surface` of type `kind` at text[start] is a country genitive right
    after a name that ends at `stop`."""
    return kind == "LOC" and not text[stop:start].strip() and is_country_genitive(surface)


def qualified_names(
    mentions: list[Mention],
    texts: Mapping[str, str],
    one_bodies: Set[str] = frozenset(),
    kinds: Set[str] = frozenset(),
    generic: Mapping[str, Set[str]] = {},  # noqa: B006 (read only)
) -> dict[int, str]:
    """The name with its country of each organisation mention (by index into `mentions`,
    which are in text order) that has one: 'МИД России' for 'МИД' before 'России', and for a
    bare 'МИД' elsewhere in that article; no country after a name of `one_bodies` (keys).
    Likewise a name of a kind of body (`kinds`: keys) with the body it is attached to
    (`_attached`): 'Общественный совет при ФСИН' for 'Общественного совета' before 'при ФСИН',
    and for a bare one in that article. A bare name of a kind of body (`generic`: keys) that its
    article writes with two countries or none is its paragraph's last one's or its article's
    country's (`_generic_owner`)."""
    found: dict[int, str] = {}
    # (article, bare name key) -> {name key: name} of the names it has with a country
    countries: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        if m.type != ORGANISATION:
            continue
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        text = texts[m.article_id]
        if (
            after is not None
            and after.article_id == m.article_id
            and key(m.name) not in one_bodies
            and country_after(text, m.stop, after.start, after.surface, after.type)
        ):
            found[i] = f"{m.name} {after.surface}"
        elif (
            after is not None
            and after.article_id == m.article_id
            and key(m.name) not in one_bodies
            and _international_after(text, m.stop, after)
        ):
            found[i] = f"{m.name} {after.surface}"  # 'Совет Безопасности' + 'ООН'
            countries[m.article_id, key(m.name)].setdefault(key(found[i]), found[i])
        elif genitive := _adjective_before(m, text):
            found[i] = f"{m.name} {genitive}"
        elif key(m.name) in kinds and (attached := _attached(m, after, text)):
            found[i] = f"{m.name} {attached}"
            countries[m.article_id, key(m.name)].setdefault(key(found[i]), found[i])
        name = found.get(i, m.name)
        if qualified := split_country(name):
            countries[m.article_id, key(qualified[0])].setdefault(key(name), name)
    bare = {m.article_id for m in mentions if m.type == ORGANISATION and key(m.name) in generic}
    about = article_countries([m for m in mentions if m.article_id in bare], texts)
    for i, m in enumerate(mentions):
        one = countries.get((m.article_id, key(m.name)), {})
        if m.type != ORGANISATION or i in found:
            continue
        if len(one) == 1:
            (found[i],) = one.values()
        elif key(m.name) in generic and (
            owned := _generic_owner(mentions, texts, i, found, about, one, generic[key(m.name)])
        ):
            found[i] = owned
    return found


def _generic_owner(
    mentions: list[Mention],
    texts: Mapping[str, str],
    i: int,
    found: Mapping[int, str],
    about: Mapping[str, str],
    written: Mapping[str, str],
    usual: Set[str],
) -> str | None:
    """The name with its country of the bare mention `mentions[i]` of a kind of body, which its
    article writes with the countries `written` (name key -> name): in an article that writes
    it with some, the one its paragraph wrote last ('МИД России' before 'МИД'); in one that
    writes it with none, the country the article is about (`about`) when it is one of the
    body's `usual` owners; but first the owner a place or a body right after it names
    (`_owner_after`)."""
    m = mentions[i]
    if (named := _owner_after(mentions, i, found, texts[m.article_id])) is not None:
        return named or None
    if written:
        for j in range(i - 1, -1, -1):
            if mentions[j].article_id != m.article_id or mentions[j].paragraph != m.paragraph:
                break
            if key(found.get(j, "")) in written:
                return found[j]
        return None
    if about.get(m.article_id) not in usual:
        return None
    genitive = country_genitive(about[m.article_id])
    return f"{m.name} {genitive}" if genitive else None


def _owner_after(
    mentions: list[Mention], i: int, found: Mapping[int, str], text: str
) -> str | None:
    """The name with its country of the bare mention `mentions[i]` of a kind of body when the
    mention right after it on its line (in its article's `text`) is a body with a country
    (`found`, or its own name): 'Генштаба ВС РФ' -> 'Генштаб России'; '' when it is a place,
    its owner, which no country names ('МВД Дагестана', 'МВД ДНР', 'Министерства обороны
    СССР', 'Генпрокуратура Берлина'); None when nothing names it there, nor a body whose
    country is not known yet ('Генштаба ВСУ')."""
    if i + 1 >= len(mentions) or mentions[i + 1].article_id != mentions[i].article_id:
        return None
    after = mentions[i + 1]
    if after.type not in ("LOC", ORGANISATION) or text[mentions[i].stop : after.start].strip(" "):
        return None
    if after.type == "LOC":
        return ""
    owner = split_country(found.get(i + 1, after.name))
    genitive = country_genitive(owner[1]) if owner else None
    return f"{mentions[i].name} {genitive}" if genitive else None


def article_countries(mentions: Iterable[Mention], texts: Mapping[str, str]) -> dict[str, str]:
    """The country each article of `mentions` (with its text in `texts`) is about, where its
    places and country adjectives say so: the country they name `_ABOUT_MENTIONS` times or more
    and `_ABOUT_LEAD` times as often as any other ('Лондон', 'Великобритании', 'британский')."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.type == "LOC" and (place := places().get(key(m.name))):
            counts[m.article_id][place.country] += 1
    about = {}
    for article_id in sorted({m.article_id for m in mentions}):
        found = counts[article_id]
        found.update(country for _a, _b, country in adjectives(texts[article_id]))
        (country, n), *rest = found.most_common(2) or [("", 0)]
        if n >= _ABOUT_MENTIONS and all(n >= _ABOUT_LEAD * m for _other, m in rest):
            about[article_id] = country
    return about


def _international_after(text: str, stop: int, after: Mention) -> bool:
    """Whether the mention `after` is an international organisation's abbreviation right after
    a name that ends at `stop`, which it owns as a country owns a national body: 'Совет
    Безопасности ООН', 'Генассамблея ООН', 'СММ ОБСЕ' (an alias group of `aliases.tsv` of
    type ORG and no country, written in capitals)."""
    return international_after(text, stop, after.start, after.surface, after.type)


def international_after(text: str, stop: int, start: int, surface: str, kind: str) -> bool:
    """`_international_after` for the mention `surface` of type `kind` at text[start]."""
    return kind == ORGANISATION and not text[stop:start].strip() and international(surface)


def _attached(m: Mention, after: Mention | None, text: str) -> str | None:
    """The words that attach the organisation `m` to the body mentioned next (`after`), as
    written ('при ФСИН', 'при правительстве РФ'; `_owner`), else None."""
    if after is None or after.article_id != m.article_id:
        return None
    found = _owner(text, m.stop, (after.start, after.stop, after.surface, after.type, after.name))
    return text[m.stop : after.stop].strip() if found else None


def _owner(text: str, stop: int, after: tuple[int, int, str, str, str]) -> str | None:
    """The key of the body that a name ending at `stop` is attached to by the mention `after`
    ((start, stop, surface, type, name)): 'при' and an organisation ('при ФСИН', 'при Белом
    доме'; `_without_country`), or an organisation or a country in the genitive after a noun
    of a body or a role ('при правительстве РФ', 'при президенте России', 'при департаменте
    ЖКХ': the noun's lemma, and the organisation's); else None. Not 'при поддержке ВКС', 'при
    участии Египта': help is no owner."""
    start, _stop, surface, kind, name = after
    gap = _AT.fullmatch(text, stop, start)
    if gap is None:
        return None
    noun = gap.group(1)
    if noun is None:
        return _without_country(name) if kind == ORGANISATION else None
    if not _owners_noun(noun):
        return None
    if kind == ORGANISATION:
        return f"{lemma(noun)} {_without_country(name)}"
    return lemma(noun) if country_of_genitive(surface) else None


def _without_country(name: str) -> str:
    """The key of an owner's name without the country after it, of one word or two, and with
    its first word's lemma: 'Правительство Российской Федерации', 'правительстве РФ' and
    'Минобороны России' are the government's and the ministry's ('правительство',
    'минобороны'), whichever country's, and of its alias group (aliases.tsv), so that one
    body written two ways counts once."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and country_of_genitive(" ".join(words[-n:])):
            words = words[:-n]
            break
    found = key(" ".join([lemma(words[0]), *words[1:]]))
    return alias_groups()[0].get(found, found)


def _owners_noun(word: str) -> bool:
    """Whether a word is a noun of a body or a role that owns a body attached to it:
    'правительстве', 'администрации', 'президенте'."""
    return noun_before(word) == "body" or lemma(word) in role_lemmas()


#: What a country's adjective before it makes that country's: a body's one Russian word
#: ('МИД', 'Минобороны', 'Генштаб', 'Конгресс') or a ministry; not a company or a museum.
_NATIONAL = re.compile(r"^(?:[А-ЯЁ][А-ЯЁа-яё-]*|Министерство [а-яё ]+)$")


def _adjective_before(m: Mention, text: str) -> str | None:
    """The genitive of the country whose adjective stands right before a national body's
    mention ('российского МИД' -> 'России'), else None; not the second half of a compound
    ('российско-американского')."""
    if not _NATIONAL.match(m.name):
        return None
    before = text[max(0, m.start - 40) : m.start]
    hits = adjectives(before)
    if not hits or before[hits[-1][1] :].strip() or before[: hits[-1][0]].endswith("-"):
        return None
    return country_genitive(hits[-1][2])


@lru_cache(maxsize=CACHE_SIZE)
def country_genitive(alpha3: str) -> str | None:
    """A country's one-word name in the genitive ('Россия' -> 'России'; 'США' as written), when
    it reads back as that country: a name with a country is keyed by its last word."""
    names = [country_name(alpha3)] + [n for code, n in read_tsv("countries.tsv") if code == alpha3]
    word = next((n for n in names if " " not in n), None)
    if word is None:
        return None
    form = None if word.isupper() else morph()(word.lower())[0].inflect({"Gen"})
    genitive = word if form is None else form.word.capitalize()
    return genitive if country_of_genitive(genitive) == alpha3 else None
