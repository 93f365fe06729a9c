"""'Full Name (ABBR)' in the texts, and which abbreviations join their full name over the whole
corpus.

A pair counts when the abbreviation's letters fit the name (`nlp.abbreviations.fits`), in either
order: 'Совет Федерации (СФ)', 'ОДКБ (Организация Договора о коллективной безопасности)'. An
abbreviation the corpus expands to one name joins it everywhere. One it expands to two or more
different names ('Верховный суд (ВС)', 'Вооружённые силы (ВС)') joins none of them over the
corpus: in an article that expands it, it is that article's full name (`merge._find_groups`);
elsewhere it is its own entity. Names in one alias group (`data/aliases.tsv`), or written two ways
(`nlp.abbreviations.same_name`), are one name; an abbreviation in an alias group means that group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Set

from pipeline.nlp.abbreviations import fits, same_name
from pipeline.nlp.gazetteer import key
from pipeline.nlp.ner import Mention
from pipeline.stages.entities.names import alias_groups


def abbreviations(
    mentions: list[Mention], texts: Mapping[str, str]
) -> Iterator[tuple[str, str, str, str]]:
    """(article, name key, abbreviation key, the name's type) of each organisation or place
    followed by its abbreviation in brackets, or the other way round, whose letters fit, in
    text order; of abbreviations listed together ('ИГ, ИГИЛ'), the list and each one that
    fits. The two may be tagged as different types: NER often takes a bare abbreviation for a
    place ('Следственного комитета России (СКР)', the 'СКР' a place), and the letters decide;
    the name's type is the pair's."""
    named = [m for m in mentions if m.type != "PER"]
    for a, b in zip(named, named[1:], strict=False):
        text = texts[a.article_id]
        if (
            a.article_id == b.article_id
            and text[a.stop : b.start].strip() == "("
            and text[b.stop : b.stop + 1] == ")"
            and b.surface.isupper() != a.surface.isupper()
        ):
            full, short = (a, b) if b.surface.isupper() else (b, a)
            listed = short.name.split(",") if "," in short.name else []
            for one in [short.name, *listed]:
                if key(one) and fits(full.name, one):
                    yield a.article_id, key(full.name), key(one), full.type


def written_out(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """(article, abbreviation key) -> the key of the first name of two words or more, not a
    person's, whose letters fit the abbreviation, where an article writes it out elsewhere than
    in brackets ('Союз конькобежцев России ... СКР'): the article's evidence of which meaning
    an abbreviation of several has (`sense`)."""
    named = [m for m in mentions if m.type != "PER"]
    fulls: dict[str, list[str]] = defaultdict(list)
    for m in named:
        if " " in m.name and not m.name.isupper():
            fulls[m.article_id].append(m.name)
    found: dict[tuple[str, str], str] = {}
    for m in named:
        at = (m.article_id, key(m.name))
        if at in found or not m.name.isupper() or " " in m.name:
            continue
        if full := next((f for f in fulls[m.article_id] if fits(f, m.name)), None):
            found[at] = key(full)
    return found


def sense(
    short: str,
    full: str,
    expansions: Mapping[str, Iterable[str]],
    root: Callable[[str], str],
    joined: Set[str],
) -> str:
    """The name key an abbreviation `short` means in an article that writes out `full`
    (`written_out`): that name where the corpus expands the abbreviation to it somewhere
    (`expansions`; by its group, `root`: name key -> group) and the abbreviation's group joins
    no other name (`joined`: the groups of two names or more); else the abbreviation, and the
    name it joins ('САР' stays the country 'Сирия'). It decides between the meanings of an
    abbreviation of several."""
    meanings = {root(name) for name in expansions.get(short, ())}
    return full if root(short) not in joined and root(full) in meanings else short


def _meanings(short: str, fulls: Iterable[str]) -> int:
    """How many different names the full names (keys) of the abbreviation `short` are."""
    to_canonical, _info = alias_groups()
    members: dict[str, list[str]] = defaultdict(list)
    for name, head in to_canonical.items():
        members[head].append(name)
    found: list[tuple[str | None, list[str]]] = []  # (alias group, names) of each meaning
    if own := to_canonical.get(short):
        found.append((own, members[own]))
    for full in fulls:
        head = to_canonical.get(full)
        for group, names in found:
            if (head and head == group) or (
                not (head and group) and any(same_name(full, name) for name in names)
            ):
                names.append(full)
                break
        else:
            found.append((head, [*members[head]] if head else [full]))
    return len(found)


def merged(expansions: Mapping[str, Iterable[str]]) -> Iterator[tuple[str, str]]:
    """(name key, abbreviation key) to merge over the corpus, from each abbreviation's full
    names (keys) in the corpus: those of the abbreviations with one meaning, in sorted order."""
    for short in sorted(expansions):
        fulls = sorted(expansions[short])
        if _meanings(short, fulls) == 1:
            for full in fulls:
                yield full, short
