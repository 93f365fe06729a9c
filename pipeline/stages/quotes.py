"""Stage: each article's speech (speech.find_speech, cached per article) + `mentions` +
`country_mentions` + `entities` to `quotes`: who said what, about whom.

The speaker is the entity the source names ('Президент Ильхам Алиев', a label 'Т. Лоренцсон'),
else the one person who holds the role it names in the article ('глава государства',
'Президент Азербайджана': roles as `entities.role` gives them, outside quotations), else, for
a pronoun ('он подчеркнул'), the one person of the nearest sentence before it that names any;
interview answers without a label are the interviewee's, named in the lead beside a verb of
speech. A medium is never the speaker: in 'он в беседе с RT' or 'RT эксперт' the rules read
the words beside it. When no rule gives one entity, the speaker is null and the source's words
are kept."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import astuple, dataclass

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import lemma
from pipeline.nlp.roles import role_lemmas
from pipeline.nlp.speech import cue_forms, find_speech, words_of
from pipeline.runtime.corpus import Texts, by_article
from pipeline.runtime.parquet import from_rows
from pipeline.runtime.sql import connect
from pipeline.schema import QUOTES, before_headlines

#: Role phrases that name a role by another word: 'глава государства' is the president.
ROLE_PHRASES = {
    "глава государства": "президент",
    "глава правительства": "премьер-министр",
    "премьер": "премьер-министр",
    "генсек": "секретарь",
    "госминистр": "министр",
}
_PRONOUNS = {"он", "она"}
#: What ties a source's words to the medium beside them: 'он| в беседе с| RT', 'эксперт| в
#: интервью| RT'.
_TO_MEDIUM = re.compile(r"(?:^|\s)(?:в|во|с|со|для|по)(?:\s.*)?$", re.S)
#: What `_SITUATED` gives.
_FOUND = pa.schema(
    [
        ("article_id", pa.string()),
        ("paragraph", pa.int32()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("kind", pa.string()),
        ("cue_start", pa.int32()),
        ("cue_stop", pa.int32()),
        ("speaker_start", pa.int32()),
        ("speaker_stop", pa.int32()),
        ("about_entity_ids", pa.list_(pa.string())),
        ("about_countries", pa.list_(pa.string())),
        ("named", pa.int64()),
        ("named_id", pa.string()),
        ("source_countries", pa.string()),
        ("medium_start", pa.int32()),
        ("medium_stop", pa.int32()),
    ]
)
_NARRATED_ROWS = pa.schema(
    [
        ("article_id", pa.string()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("sentence", pa.int32()),
        ("entity_id", pa.string()),
    ]
)
_INTERVIEW = "интервью"


@dataclass(frozen=True)
class _Mention:
    start: int
    stop: int
    sentence: int
    entity_id: str


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


@dataclass(frozen=True)
class _Article:
    """What naming a speaker by a role, a pronoun or the lead needs of one article: its text
    and the people it mentions outside its quotations (`narrated`), in order."""

    text: str
    narrated: list[_Mention]
    people: Mapping[str, Person]

    def named_by(self, start: int, role: str | None, countries: list[str]) -> str | None:
        """The person a source at `start` stands for, if one fits: the holder of `role` (the
        role its words name, with `countries` named in them), else a pronoun's antecedent."""
        return self._antecedent(start) if role is None else self._holder(role, countries)

    def _holder(self, role: str, countries: list[str]) -> str | None:
        """The one person mentioned outside quotations whose role is `role` (and whose country
        is the one named with it, if any)."""
        found = {
            m.entity_id
            for m in self.narrated
            if (person := self.people.get(m.entity_id))
            and person.role == role
            and (not countries or person.country in countries)
        }
        return found.pop() if len(found) == 1 else None

    def _antecedent(self, before: int) -> str | None:
        """The one person of the nearest sentence before `before` that names people outside
        quotations."""
        earlier = [m for m in self.narrated if m.stop <= before]
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
            words = words_of(self.text[start:stop])
            if _INTERVIEW in words or not cue_forms().isdisjoint(words):
                for m in self.narrated:
                    if start <= m.start and m.stop <= stop:
                        found.setdefault(m.entity_id, m)
        return next(iter(found.values())) if len(found) == 1 else None


def people_of(entities: pa.Table) -> dict[str, Person]:
    """Role and country of each person of `entities`."""
    columns = (entities[c].to_pylist() for c in ("entity_id", "type", "role", "country"))
    return {
        entity_id: Person(_role_head(role) if role else None, country)
        for entity_id, kind, role, country in zip(*columns, strict=True)
        if kind == "PER"
    }


#: Each quote of SPEECH with its paragraph, the entities and countries inside it and the
#: people and organisations its source names (`_FOUND`).
_SITUATED = """
WITH q AS (SELECT row_number() OVER (ORDER BY article_id, start, stop, kind) AS i, * FROM speech),
inside AS (
    SELECT q.i, list_sort(list(DISTINCT m.entity_id)) AS entity_ids
    FROM q JOIN mentions m
      ON m.article_id = q.article_id AND m.start >= q.start AND m.stop <= q.stop
    GROUP BY q.i
), places AS (
    SELECT q.i, list_sort(list(DISTINCT c.country)) AS countries
    FROM q JOIN country_mentions c
      ON c.article_id = q.article_id AND c.start >= q.start AND c.stop <= q.stop
    GROUP BY q.i
), said_by AS (
    SELECT q.i, string_agg(DISTINCT c.country, ' ' ORDER BY c.country) AS countries
    FROM q JOIN country_mentions c
      ON c.article_id = q.article_id AND c.start >= q.source_start AND c.stop <= q.source_stop
    GROUP BY q.i
), named AS (  -- the one person, else the one organisation, the source names; its medium
    SELECT q.i, CASE WHEN count(DISTINCT m.entity_id) FILTER (m.type = 'PER') > 0
                     THEN count(DISTINCT m.entity_id) FILTER (m.type = 'PER')
                     ELSE count(DISTINCT m.entity_id) FILTER (m.type = 'ORG') END AS named,
           coalesce(min(m.entity_id) FILTER (m.type = 'PER'),
                    min(m.entity_id) FILTER (m.type = 'ORG')) AS entity_id,
           min(m.start) FILTER (m.type = 'MEDIUM') AS medium_start,
           arg_min(m.stop, m.start) FILTER (m.type = 'MEDIUM') AS medium_stop
    FROM q JOIN mentions m
      ON m.article_id = q.article_id AND m.start < q.source_stop AND q.source_start < m.stop
    GROUP BY q.i
)
SELECT q.article_id, coalesce(s.paragraph, 0) AS paragraph, q.start, q.stop, q.kind,
       q.cue_start, q.cue_stop, q.source_start AS speaker_start, q.source_stop AS speaker_stop,
       coalesce(x.entity_ids, []) AS about_entity_ids, coalesce(p.countries, []) AS about_countries,
       coalesce(n.named, 0) AS named, n.entity_id AS named_id,
       coalesce(b.countries, '') AS source_countries, n.medium_start, n.medium_stop
FROM q
ASOF LEFT JOIN sentences s ON q.article_id = s.article_id AND q.start >= s.start
LEFT JOIN inside x USING (i) LEFT JOIN places p USING (i) LEFT JOIN named n USING (i)
LEFT JOIN said_by b USING (i)
ORDER BY q.i
"""
#: The people mentioned outside the content of direct and indirect quotes, by article.
_NARRATED = """
SELECT m.article_id, m.start, m.stop, m.sentence, m.entity_id
FROM mentions m
WHERE m.type = 'PER' AND NOT EXISTS (
    SELECT 1 FROM speech q
    WHERE q.article_id = m.article_id AND q.kind <> 'interview' AND q.start <= m.start
      AND m.stop <= q.stop
)
ORDER BY m.article_id, m.start, m.stop, m.entity_id
"""


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
    `people` is `people_of(entities)`. DuckDB matches the spans; Python names the speaker, and
    reads an article's mentions only for a source that is a role or a pronoun, or for the lead
    of a '- ' interview."""
    con = connect(
        1,
        speech=speech,
        sentences=sentences.select(["article_id", "paragraph", "start"]),
        mentions=mentions.select(["article_id", "start", "stop", "sentence", "entity_id", "type"]),
        country_mentions=country_mentions.select(["article_id", "start", "stop", "country"]),
    )
    try:
        found = con.sql(_SITUATED).to_arrow_table().cast(_FOUND)
        narrated = con.sql(_NARRATED).to_arrow_table().cast(_NARRATED_ROWS)
    finally:
        con.close()
    texts = Texts(articles)
    context = _Context(texts, narrated, sentences, found, people)
    named: dict[str, list] = {name: [] for name in _FILLED}
    columns = (
        "article_id",
        "start",
        "stop",
        "kind",
        "cue_start",
        "cue_stop",
        "speaker_start",
        "speaker_stop",
        "named",
        "named_id",
        "source_countries",
        "medium_start",
        "medium_stop",
    )
    for (
        article_id,
        start,
        stop,
        kind,
        cue_start,
        cue_stop,
        *source,
        n,
        named_id,
        countries,
        medium_start,
        medium_stop,
    ) in zip(*(found[c].to_pylist() for c in columns), strict=True):
        text = texts[article_id]
        source = tuple(source)
        words = None if source[0] is None else text[source[0] : source[1]]
        medium = (medium_start, medium_stop)
        said = _beside_medium(text, source, medium) if words and medium_start is not None else words
        cue = text[cue_start:cue_stop]
        if kind == "interview" and source[0] is None:  # a '- ' answer: the lead says who
            lead = context.interviewee(article_id)
            speaker, cue = (lead.entity_id if lead else None), _INTERVIEW
            if lead:
                source, words = (lead.start, lead.stop), text[lead.start : lead.stop]
        elif n:  # the source names people or organisations: one of them, or nobody sure
            speaker = named_id if n == 1 else None
        elif said and ((role := _role_head(said)) or key(said) in _PRONOUNS):
            speaker = context.article(article_id).named_by(source[0], role, countries.split())
        else:
            speaker = None
        values = (text[start:stop], cue, speaker, words, *source)
        for name, value in zip(_FILLED, values, strict=True):
            named[name].append(value)
    for name, values in named.items():
        column = pa.array(values, QUOTES.field(name).type)
        at = found.schema.get_field_index(name)
        found = found.set_column(at, name, column) if at >= 0 else found.append_column(name, column)
    found_schema = before_headlines(QUOTES)
    return found.select(found_schema.names).cast(found_schema)


def _beside_medium(text: str, source: tuple[int, int], medium: tuple[int, int]) -> str:
    """The words of a source that names a medium, without it: those before it ('он в беседе с
    RT' -> 'он'; 'эксперт в интервью RT' -> 'эксперт'), else those after it ('RT эксперт' ->
    'эксперт'), without the words that tie them to it."""
    before = _TO_MEDIUM.sub("", text[source[0] : medium[0]]).strip()
    return before or _TO_MEDIUM.sub("", text[medium[1] : source[1]]).strip()


#: The columns `build_quotes` fills in Python, in the order it makes them.
_FILLED = ("quote", "cue", "speaker_entity_id", "speaker_surface", "speaker_start", "speaker_stop")


class _Context:
    """The articles of a chunk as `_Article`s, made when a quote needs one."""

    def __init__(
        self,
        texts: Texts,
        narrated: pa.Table,
        sentences: pa.Table,
        quotes: pa.Table,
        people: Mapping[str, Person],
    ) -> None:
        self._texts = texts
        self._tables = {"narrated": narrated, "sentences": sentences, "quotes": quotes}
        self._rows: dict[str, dict[str, tuple[int, int]]] = {}
        self._lists: dict[tuple[str, str], list] = {}
        self._people = people
        self._made: dict[str, _Article] = {}
        self._leads: dict[str, _Mention | None] = {}

    def _of(self, name: str, article_id: str, columns: list[str]) -> list[tuple]:
        """The `columns` of an article's rows in the table `name` (the table's columns become
        Python lists once, when a first article needs them)."""
        if name not in self._rows:
            self._rows[name] = _runs(self._tables[name]["article_id"])
        start, stop = self._rows[name].get(article_id, (0, 0))
        lists = [self._column(name, c) for c in columns]
        return list(zip(*(values[start:stop] for values in lists), strict=True))

    def _column(self, name: str, column: str) -> list:
        if (name, column) not in self._lists:
            self._lists[name, column] = self._tables[name][column].to_pylist()
        return self._lists[name, column]

    def article(self, article_id: str) -> _Article:
        if article_id not in self._made:
            mentions = self._of("narrated", article_id, ["start", "stop", "sentence", "entity_id"])
            self._made[article_id] = _Article(
                self._texts[article_id], [_Mention(*m) for m in mentions], self._people
            )
        return self._made[article_id]

    def interviewee(self, article_id: str) -> _Mention | None:
        """The interviewee the lead names, before the article's first '- ' answer."""
        if article_id not in self._leads:
            answers = [
                start
                for kind, start, source in self._of(
                    "quotes", article_id, ["kind", "start", "speaker_start"]
                )
                if kind == "interview" and source is None
            ]
            spans = self._of("sentences", article_id, ["start", "stop"])
            self._leads[article_id] = self.article(article_id).interviewee(min(answers), spans)
        return self._leads[article_id]


def _runs(ids: pa.ChunkedArray) -> dict[str, tuple[int, int]]:
    """Article id -> (its first row, the row after its last) in a column sorted by id."""
    if len(ids) == 0:
        return {}
    encoded = pc.run_end_encode(ids.combine_chunks())
    ends = encoded.run_ends.to_pylist()
    return dict(
        zip(encoded.values.to_pylist(), zip([0, *ends[:-1]], ends, strict=True), strict=True)
    )


#: The speech of each article, before anyone is named (the per-article cache stores it).
SPEECH = pa.schema(
    [
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("cue_start", pa.int32()),
        ("cue_stop", pa.int32()),
        ("source_start", pa.int32()),
        ("source_stop", pa.int32()),
    ]
)


def find_speech_table(articles: pa.Table, paragraphs: pa.Table, sentences: pa.Table) -> pa.Table:
    """`find_speech` over every article of `articles`, with their `paragraphs` and
    `sentences`: the SPEECH rows, by article and position."""
    in_paragraphs, in_sentences = (
        by_article(t, ["start", "stop"]) for t in (paragraphs, sentences)
    )
    rows = [
        (article_id, *astuple(found))
        for article_id, text in Texts(articles).items()
        for found in find_speech(
            text, in_paragraphs.get(article_id, []), in_sentences.get(article_id, [])
        )
    ]
    return from_rows(rows, SPEECH)
