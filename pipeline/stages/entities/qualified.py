"""A national body named without its country ('МИД', 'Минобороны', 'Генштаб') is the body of
the country written right after it ('МИД' + 'России': NER tags the country apart) or named by
the adjective right before it ('российского МИД', 'британского Минобороны'), and, elsewhere in
an article that writes it with one country only, of that country. An article that writes it
with two countries ('МИД России', 'МИД Украины') leaves its bare mentions bare."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from pipeline.nlp.gazetteer import adjectives, country_name, key, read_tsv
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.ner import Mention, country_of_genitive, is_country_genitive, split_country
from pipeline.stages.entities.organisations import ORGANISATION


def qualified_names(mentions: list[Mention], texts: Mapping[str, str]) -> dict[int, str]:
    """The name with its country of each organisation mention (by index into `mentions`,
    which are in text order) that has one: 'МИД России' for 'МИД' before 'России', and for a
    bare 'МИД' elsewhere in that article."""
    found: dict[int, str] = {}
    # (article, bare name key) -> {name key: name} of the names it has with a country
    countries: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        if m.type != ORGANISATION:
            continue
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            after is not None
            and after.article_id == m.article_id
            and after.type == "LOC"
            and not texts[m.article_id][m.stop : after.start].strip()
            and is_country_genitive(after.surface)
        ):
            found[i] = f"{m.name} {after.surface}"
        elif genitive := _adjective_before(m, texts[m.article_id]):
            found[i] = f"{m.name} {genitive}"
        name = found.get(i, m.name)
        if qualified := split_country(name):
            countries[m.article_id, key(qualified[0])].setdefault(key(name), name)
    for i, m in enumerate(mentions):
        one = countries.get((m.article_id, key(m.name)), {})
        if m.type == ORGANISATION and i not in found and len(one) == 1:
            (found[i],) = one.values()
    return found


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
