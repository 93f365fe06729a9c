"""Stage: each article's speech (speech.find_speech, cached per article) + `mentions` +
`country_mentions` + `entities` to `quotes`: who said what, about whom.

The speaker is the entity the source names ('Президент Ильхам Алиев', a label 'Т. Лоренцсон'),
else the one person who holds the role it names in the article ('глава государства',
'Президент Азербайджана': roles as `entities.role` gives them, outside quotations), else, for
a pronoun ('он подчеркнул'), the one person of the nearest sentence before it that names any;
interview answers without a label are the interviewee's, named in the lead beside a verb of
speech. When no rule gives one entity, the speaker is null and the source's words are kept."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyarrow as pa

from pipeline.articles import Texts
from pipeline.gazetteer import key
from pipeline.nlp import lemma
from pipeline.roles import role_lemmas
from pipeline.schema import QUOTES
from pipeline.speech import CUE_VERBS, SPEECH

#: Role phrases that name a role by another word: 'глава государства' is the president.
ROLE_PHRASES = {
    "глава государства": "президент",
    "глава правительства": "премьер-министр",
    "премьер": "премьер-министр",
    "генсек": "секретарь",
    "госминистр": "министр",
    "госсекретарь": "госсекретарь",
}
_PRONOUNS = {"он", "она"}
_INTERVIEW = "интервью"


@dataclass(frozen=True)
class _Mention:
    start: int
    stop: int
    sentence: int
    entity_id: str
    type: str
    surface: str


@dataclass(frozen=True)
class Person:
    role: str | None  # the head of `entities.role`, as ROLE_PHRASES names it
    country: str | None


def _role_head(words: str) -> str | None:
    """The role a phrase names: a ROLE_PHRASES phrase, or its first role word's lemma."""
    lowered = key(words)
    for phrase, role in ROLE_PHRASES.items():
        if phrase in lowered:
            return role
    for word in lowered.split():
        found = lemma(word)
        if found in role_lemmas():
            return ROLE_PHRASES.get(found, found)
    return None


class _Article:
    """One article's text, mentions, places with a country and quotations, for attribution."""

    def __init__(
        self,
        text: str,
        mentions: list[_Mention],
        countries: list[tuple[int, int, str]],
        quoted: list[tuple[int, int]],
        people: Mapping[str, Person],
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.countries = countries
        self.quoted = quoted
        self.people = people

    def within(self, start: int, stop: int) -> list[_Mention]:
        return [m for m in self.mentions if start <= m.start and m.stop <= stop]

    def overlapping(self, start: int, stop: int) -> list[_Mention]:
        return [m for m in self.mentions if m.start < stop and start < m.stop]

    def countries_within(self, start: int, stop: int) -> list[str]:
        return sorted({c for s, e, c in self.countries if start <= s and e <= stop})

    def outside_quotes(self, m: _Mention) -> bool:
        return not any(s <= m.start and m.stop <= e for s, e in self.quoted)

    def speaker(self, start: int, stop: int) -> str | None:
        """The entity that the source text[start:stop] names."""
        named = self.overlapping(start, stop)
        for kind in ("PER", "ORG"):
            found = {m.entity_id for m in named if m.type == kind}
            if found:
                return found.pop() if len(found) == 1 else None
        words = self.text[start:stop]
        if key(words) in _PRONOUNS:
            return self._antecedent(start)
        role = _role_head(words)
        return self._holder(role, self.countries_within(start, stop)) if role else None

    def _holder(self, role: str, countries: list[str]) -> str | None:
        """The one person mentioned outside quotations whose role is `role` (and whose country
        is the one named with it, if any)."""
        found = {
            m.entity_id for m in self.mentions
            if m.type == "PER" and self.outside_quotes(m)
            and (person := self.people.get(m.entity_id)) and person.role == role
            and (not countries or person.country in countries)
        }  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def _antecedent(self, before: int) -> str | None:
        """The one person of the nearest sentence before `before` that names people outside
        quotations."""
        earlier = [m for m in self.mentions
                   if m.type == "PER" and m.stop <= before and self.outside_quotes(m)]  # fmt: skip
        if not earlier:
            return None
        last = earlier[-1].sentence
        found = {m.entity_id for m in earlier if m.sentence == last}
        return found.pop() if len(found) == 1 else None

    def interviewee(self, lead_stop: int, sentences: list[tuple[int, int]]) -> _Mention | None:
        """The person named beside a verb of speech or the word 'интервью' in the lead (the
        text before `lead_stop`), if there is one such person."""
        found: dict[str, _Mention] = {}
        for start, stop in sentences:
            if start >= lead_stop:
                break
            words = self.text[start:stop].lower().split()
            if _INTERVIEW in " ".join(words) or any(lemma(w.strip(".,:;")) in CUE_VERBS
                                                    for w in words):  # fmt: skip
                for m in self.within(start, stop):
                    if m.type == "PER":
                        found.setdefault(m.entity_id, m)
        return next(iter(found.values())) if len(found) == 1 else None


def _by_article(table: pa.Table, columns: Iterable[str]) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {}
    for article_id, *values in zip(*(table[c].to_pylist() for c in ("article_id", *columns)),
                                   strict=True):  # fmt: skip
        rows.setdefault(article_id, []).append(tuple(values))
    return rows


def people_of(entities: pa.Table) -> dict[str, Person]:
    """Role and country of each person of `entities`."""
    columns = (entities[c].to_pylist() for c in ("entity_id", "type", "role", "country"))
    return {entity_id: Person(_role_head(role) if role else None, country)
            for entity_id, kind, role, country in zip(*columns, strict=True)
            if kind == "PER"}  # fmt: skip


def build_quotes(
    articles: pa.Table,
    sentences: pa.Table,
    speech: pa.Table,
    mentions: pa.Table,
    country_mentions: pa.Table,
    people: Mapping[str, Person],
) -> pa.Table:
    """One row per quote of `speech` (SPEECH rows of whole articles), with its speaker, the
    entities and countries it mentions and its paragraph; sorted by article and position.
    `people` is `people_of(entities)`."""
    texts = Texts(articles)
    found = _by_article(speech, SPEECH.names[1:])
    in_sentences = _by_article(sentences, ("start", "stop", "paragraph"))
    named = _by_article(mentions, ("start", "stop", "sentence", "entity_id", "type", "surface"))
    placed = _by_article(country_mentions, ("start", "stop", "country"))
    rows: list[dict] = []
    for article_id in sorted(found):
        quotes = found[article_id]
        spans = [(start, stop) for start, stop, _p in in_sentences.get(article_id, [])]
        paragraph_at = [p for _s, _e, p in in_sentences.get(article_id, [])]
        article = _Article(
            texts[article_id],
            [_Mention(*m) for m in named.get(article_id, [])],
            placed.get(article_id, []),
            [(q[1], q[2]) for q in quotes if q[0] != "interview"],
            people,
        )
        first_answer = min((q[1] for q in quotes if q[0] == "interview" and q[5] is None),
                           default=None)  # fmt: skip
        lead = article.interviewee(first_answer, spans) if first_answer is not None else None
        for kind, start, stop, cue_start, cue_stop, source_start, source_stop in quotes:
            if kind == "interview" and source_start is None:  # a '- ' answer
                speaker = lead.entity_id if lead else None
                source = (lead.start, lead.stop) if lead else (None, None)
                cue = _INTERVIEW
            else:
                speaker = article.speaker(source_start, source_stop) \
                    if source_start is not None else None  # fmt: skip
                source = (source_start, source_stop)
                cue = article.text[cue_start:cue_stop]
            inside = article.within(start, stop)
            rows.append({
                "article_id": article_id,
                "paragraph": paragraph_at[max(0, bisect_right(spans, (start, 1 << 31)) - 1)]
                if spans else 0,
                "start": start, "stop": stop, "quote": article.text[start:stop],
                "kind": kind, "cue": cue, "speaker_entity_id": speaker,
                "speaker_surface": article.text[source[0]:source[1]]
                if source[0] is not None else None,
                "speaker_start": source[0], "speaker_stop": source[1],
                "about_entity_ids": sorted({m.entity_id for m in inside}),
                "about_countries": article.countries_within(start, stop),
            })  # fmt: skip
    return pa.Table.from_pylist(rows, schema=QUOTES)
