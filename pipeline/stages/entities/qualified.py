"""A national body named without its country ('МИД', 'Минобороны', 'Генштаб') is the body of
the country written right after it ('МИД' + 'России': NER tags the country apart), and,
elsewhere in an article that writes it with one country only, of that country. An article that
writes it with two countries ('МИД России', 'МИД Украины') leaves its bare mentions bare."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from pipeline.nlp.gazetteer import key
from pipeline.nlp.ner import Mention, is_country_genitive, split_country
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
        name = found.get(i, m.name)
        if qualified := split_country(name):
            countries[m.article_id, key(qualified[0])].setdefault(key(name), name)
    for i, m in enumerate(mentions):
        one = countries.get((m.article_id, key(m.name)), {})
        if m.type == ORGANISATION and i not in found and len(one) == 1:
            (found[i],) = one.values()
    return found
