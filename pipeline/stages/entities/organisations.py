"""Which nominative of an organisation's name the corpus writes. One article cannot tell the
plural title 'Известия' from the singular 'Известие', nor the club «Амкара» (genitive of
'Амкар') from a name in -а; the corpus can: it writes 'Известий' and 'Известиям', which only
'Известия' explains, and 'Амкар' on its own."""

from collections import Counter, defaultdict
from collections.abc import Mapping

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import listed_name
from pipeline.nlp.normalize import other_readings

ORGANISATION = "ORG"
#: Share of the mentions that support a reading that must support it and not the normaliser's
#: first reading: 'Нафтогаз Украины' stays, though a few write 'Нафтогаз Украина'.
_OWN_SHARE = 0.05


def organisation_names(written: Mapping[tuple[str, str, str], int]) -> dict[str, str]:
    """surface -> name, for the organisations' surfaces whose name the corpus reads otherwise
    than their mentions do. `written` counts the mentions by (type, surface, name).

    An organisation's mention supports each reading of its surface (`_readings`, the
    normaliser's first), another mention its name. A surface takes the reading most
    mentions support when enough of them (`_OWN_SHARE`) do not support its first reading:
    'Известия' (not 'Известие'), which alone explains 'Известий' and 'Известиям'; 'Амкар' for
    «Амкара», as the corpus writes it. Otherwise it keeps the first."""
    readings: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    seen: set[str] = set()  # the names as the corpus writes them
    supports: dict[str, list[tuple[frozenset, int]]] = defaultdict(list)
    for (kind, surface, name), count in written.items():
        seen.add(key(surface))
        if kind == ORGANISATION and not refers_back(surface, name):
            found = readings.setdefault(surface, _readings(surface, name))
            names[surface] = name
        else:
            found = (name,)
        keys = frozenset(key(r) for r in found)
        for reading in keys:
            supports[reading].append((keys, count))
    votes = Counter({reading: sum(c for _k, c in found) for reading, found in supports.items()})
    renamed = {}
    for surface, found in readings.items():
        first = found[0]
        written_so = [r for r in found if r == first or key(r) in seen]
        best = max(written_so, key=lambda reading: votes[key(reading)])  # the first of equals
        if votes[key(best)] > votes[key(first)]:
            own = sum(c for keys, c in supports[key(best)] if key(first) not in keys)
            best = best if own >= _OWN_SHARE * votes[key(best)] else first
        if best != names[surface]:
            renamed[surface] = best
    return renamed


def refers_back(surface: str, name: str) -> bool:
    """Whether an organisation's mention took the full name its article gave before, which its
    surface does not read as ('Комитет' for 'Антимонопольный комитет Украины',
    `nlp.institutions`): that name is the article's, not the surface's."""
    return len(name.split()) > len(surface.split())


def _readings(surface: str, name: str) -> tuple[str, ...]:
    """The readings of an organisation's surface: its mentions' `name` (the normaliser's,
    `phrase`) and its `other_readings`; or the name of a medium as media.tsv spells it, when
    it lists the surface or that name ('Ведомости', 'ВКонтакте', 'Первый канал')."""
    listed = listed_name(surface, name)
    return (listed,) if listed else (name, *other_readings(surface))
