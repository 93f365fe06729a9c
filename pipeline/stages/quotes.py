"""Stage: each article's speech (speech.find_speech, cached per article) + `mentions` +
`country_mentions` + `entities` to `quotes`: who said what, about whom.

DuckDB places each quote in its paragraph and finds the entities and countries inside it;
`speakers.Article` names the speaker from the source's words and the article's people; interview
answers without a label are the interviewee's, named in the lead beside a verb of speech. When
no rule gives one entity, the speaker is null and the source's words are kept."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import fields
from operator import attrgetter
from types import MappingProxyType

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.abbreviations import compound_parts, first_part, fits, same_name
from pipeline.nlp.media import MEDIUM
from pipeline.nlp.models import lemma
from pipeline.nlp.speech import Speech, find_speech
from pipeline.runtime.corpus import Texts, by_article
from pipeline.runtime.parquet import from_rows
from pipeline.runtime.sql import connect
from pipeline.schema import QUOTES, before_headlines, in_article_order
from pipeline.stages.entities.people import dominant, is_full
from pipeline.stages.speakers import (
    Article,
    Mention,
    Person,
    Previous,
    Said,
    abbreviation,
    head_noun,
    name_keys,
    role_head,
)
from pipeline.stages.speakers.patterns import _AND

#: No corpus-wide names (`surnames_of`): a chunk's articles only.
_NO_NAMES: Mapping[str, str] = MappingProxyType({})
#: No corpus-wide kinds of organisations (`kinds_of`): their names' own words only.
_NO_KINDS: Mapping[str, frozenset[str]] = MappingProxyType({})

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
        ("source_countries", pa.string()),
    ]
)
_MENTION_ROWS = pa.schema(
    [
        ("article_id", pa.string()),
        ("start", pa.int32()),
        ("stop", pa.int32()),
        ("sentence", pa.int32()),
        ("entity_id", pa.string()),
        ("type", pa.string()),
        ("surface", pa.string()),
        ("nominative", pa.bool_()),
        ("narrated", pa.bool_()),
        ("in_headline", pa.bool_()),
        ("normal", pa.string()),
    ]
)
_INTERVIEW = "интервью"


def people_of(entities: pa.Table, shown: Mapping[str, str] = _NO_NAMES) -> dict[str, Person]:
    """Role, country, name and the gender the corpus shows (`shown`, by `shown_genders`) of
    each person of `entities`."""
    columns = (entities[c].to_pylist() for c in ("entity_id", "type", "role", "country", "name"))
    return {
        entity_id: Person(
            role_head(role) if role else None,
            country,
            name,
            bool(role) and " " not in role,
            role or "",
            shown.get(entity_id),
        )
        for entity_id, kind, role, country, name in zip(*columns, strict=True)
        if kind == "PER"
    }


#: How many times the mentions showing a person's gender must outnumber those showing the other.
_SHOWN_SHARE = 5


def shown_genders(counts: Mapping[str, Counter]) -> dict[str, str]:
    """Each person's gender as the corpus's sentences show it, from `counts` (entity id ->
    gender -> mentions whose sentence shows it: the verb or adjective agreeing with the name,
    `ner.Mention.gender`, 'Пак Кын Хе заявила'): the gender of at least two mentions, when
    they outnumber the other's `_SHOWN_SHARE` times (a misread sentence aside)."""
    found = {}
    for entity_id, genders in sorted(counts.items()):
        (gender, n), *rest = genders.most_common(2) + [(None, 0)]
        if n >= 2 and n >= _SHOWN_SHARE * rest[0][1]:
            found[entity_id] = gender
    return found


def surnames_of(entities: pa.Table) -> dict[str, str]:
    """The person the corpus means by a surname, or a first name and a surname, written alone
    (`speakers.name_keys`): of the people with a full name that has it, the one that has most of
    the mentions, when one clearly does (`people.dominant`, the rule that joins a bare surname
    to a full name corpus-wide). Made once from the corpus's `entities`, so that every chunk
    reads a name the same way."""
    found: dict[str, Counter] = defaultdict(Counter)
    columns = (entities[c].to_pylist() for c in ("entity_id", "type", "name", "n_mentions"))
    for entity_id, kind, name, count in zip(*columns, strict=True):
        if kind == "PER" and is_full(name):
            for name_key in name_keys(name):
                found[name_key][entity_id] += count
    chosen = {name_key: dominant(counts) for name_key, counts in sorted(found.items())}
    return {name_key: entity_id for name_key, entity_id in chosen.items() if entity_id}


def kinds_of(entities: pa.Table) -> dict[str, frozenset[str]]:
    """What kind of body each organisation is, by the corpus's full names for it: the lemma of
    the first noun of each name of several words among its aliases ('министерство' for 'МИД
    России', also written 'Министерство иностранных дел России'). An organisation whose name
    opens with an abbreviation is also of the kind of the full names that abbreviation stands
    for elsewhere in the corpus, if they are of one kind (`abbreviations.fits`: 'МИД
    Великобритании' is a ministry as 'МИД России' is; 'ВС' is a court or armed forces), so 'в
    министерстве' may refer back to it (`speakers.Article.kinds`).
    Made once from the corpus's `entities`, so that every chunk reads a name the same way."""
    columns = (entities[c].to_pylist() for c in ("entity_id", "type", "name", "aliases"))
    names = {
        entity_id: sorted({name, *(aliases or [])})
        for entity_id, kind, name, aliases in zip(*columns, strict=True)
        if kind == "ORG"
    }
    heads = {name: head_noun(name) for written in names.values() for name in written}
    shorts = {name: abbreviation(name) for name in heads}
    spelled: dict[str, set[str]] = defaultdict(set)  # abbreviation -> kinds of its full names
    for written in names.values():
        for short in {shorts[name] for name in written} - {None}:
            spelled[short] |= {heads[n] for n in written if heads[n] and fits(n, short)}
    # an abbreviation of bodies of several kinds tells none ('ВС': 'Верховный суд', 'Вооружённые
    # силы')
    one_kind = {short: kinds for short, kinds in spelled.items() if len(kinds) == 1}
    shortened = _shortened(names, heads)
    found = {
        entity_id: {heads[name] for name in written}
        | {kind for name in written for kind in one_kind.get(shorts[name], ())}
        | shortened.get(entity_id, set())
        for entity_id, written in sorted(names.items())
    }
    return {
        entity_id: frozenset(kinds - {None}) for entity_id, kinds in found.items() if kinds - {None}
    }


def _shortened(
    names: Mapping[str, list[str]], heads: Mapping[str, str | None]
) -> dict[str, set[str]]:
    """The kind of each organisation whose name opens with a compound word ('Минобороны
    России'), by the full names of the corpus that are one name with it
    (`abbreviations.same_name`: 'Министерство обороны России') and whose first noun its first
    part shortens ('мин' of 'министерство'). `heads`: each name's `head_noun`."""
    fulls: dict[str, set[str]] = defaultdict(set)  # first part -> full names it may shorten
    for written in names.values():
        for name in written:
            head = heads[name]
            part = head and next((p for p in compound_parts() if head.startswith(p)), None)
            if part:
                fulls[part].add(name)
    found: dict[str, set[str]] = defaultdict(set)
    for entity_id, written in names.items():
        for name in written:
            part = first_part(name.split()[0])
            for full in sorted(fulls.get(part, ())) if part else ():
                if same_name(name, full):
                    found[entity_id].add(heads[full])
    return found


#: Each quote of SPEECH with its paragraph and the entities and countries inside it (`_FOUND`),
#: and each pointer without content ('Об этом заявил X' after a quote found, `start == stop`):
#: it says who said the quote before it and is no quote of its own (`build_quotes` drops it).
_SITUATED = """
WITH q AS (
    SELECT row_number() OVER (ORDER BY article_id, start, stop, kind) AS i, * FROM speech
    WHERE start <= stop
),
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
)
SELECT q.article_id, coalesce(s.paragraph, 0) AS paragraph, q.start, q.stop, q.kind,
       q.cue_start, q.cue_stop, q.source_start AS speaker_start, q.source_stop AS speaker_stop,
       coalesce(x.entity_ids, []) AS about_entity_ids, coalesce(p.countries, []) AS about_countries,
       coalesce(b.countries, '') AS source_countries
FROM q
ASOF LEFT JOIN sentences s ON q.article_id = s.article_id AND q.start >= s.start
LEFT JOIN inside x USING (i) LEFT JOIN places p USING (i) LEFT JOIN said_by b USING (i)
ORDER BY q.i
"""
#: The mentions of the articles with speech, each marked whether it is written in the
#: nominative (as its normal form) and whether it lies outside the content of direct and
#: indirect quotes, or is the source of the quote whose span holds it ('При этом, по мнению Ле
#: Пен, её оппонент ...': an aside says what goes before it too). The content of an indirect
#: quote that a sentence after it points to ('Петтит назвал запрет ... . Об этом он заявил')
#: is narration too.
_MENTIONS = """
WITH told AS (
    SELECT q.* FROM speech q
    WHERE q.kind = 'direct' OR q.kind = 'indirect' AND NOT EXISTS (
        SELECT 1 FROM sentences s
        WHERE s.article_id = q.article_id AND s.start >= q.stop AND s.start <= q.cue_start
    )
)
SELECT m.article_id, m.start, m.stop, m.sentence, m.entity_id, m.type, m.surface,
       lower(m.surface) = lower(m.normal) AS nominative,
       NOT EXISTS (
           SELECT 1 FROM told q
           WHERE q.article_id = m.article_id AND q.start <= m.start AND m.stop <= q.stop
             AND NOT (q.source_start <= m.start AND m.stop <= q.source_stop)
       ) AS narrated, m.in_headline, m.normal
FROM mentions m
WHERE m.article_id IN (SELECT article_id FROM speech)
ORDER BY m.article_id, m.start, m.stop, m.entity_id
"""


def build_quotes(
    articles: pa.Table,
    sentences: pa.Table,
    speech: pa.Table,
    mentions: pa.Table,
    country_mentions: pa.Table,
    people: Mapping[str, Person],
    surnames: Mapping[str, str] = _NO_NAMES,
    kinds: Mapping[str, frozenset[str]] = _NO_KINDS,
) -> pa.Table:
    """One row per quote of `speech` (SPEECH rows of whole articles), with its speaker, the
    entities and countries it mentions and its paragraph; sorted by article and position.
    `people` is `people_of(entities)`, `surnames` `surnames_of(entities)` and `kinds`
    `kinds_of(entities)` of the whole corpus.
    DuckDB matches the spans; `speakers.Article` names the speaker, and the lead names the
    interviewee of a '- ' interview."""
    con = connect(
        1,
        speech=speech,
        sentences=sentences.select(["article_id", "paragraph", "start"]),
        mentions=_with_headlines(mentions).select(
            [
                "article_id",
                "start",
                "stop",
                "sentence",
                "entity_id",
                "type",
                "surface",
                "normal",
                "in_headline",
            ]
        ),
        country_mentions=country_mentions.select(["article_id", "start", "stop", "country"]),
    )
    try:
        found = con.sql(_SITUATED).to_arrow_table().cast(_FOUND)
        in_articles = con.sql(_MENTIONS).to_arrow_table().cast(_MENTION_ROWS)
    finally:
        con.close()
    texts = Texts(articles)
    context = _Context(texts, in_articles, sentences, found, people, surnames, kinds)
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
        "source_countries",
    )
    previous: dict[str, Previous] = {}  # article -> its last speaker named, where, by what
    spoken: dict[str, list[tuple[int, int, str]]] = {}  # article -> quotes with a speaker
    quoted: dict[str, list[tuple[int, int, int]]] = {}  # article -> its quotes' rows and spans
    for row, (article_id, start, stop, kind, cue_start, cue_stop, *source, countries) in enumerate(
        zip(*(found[c].to_pylist() for c in columns), strict=True)
    ):
        text = texts[article_id]
        cue = text[cue_start:cue_stop]
        source = None if source[0] is None else tuple(source)
        if kind == "interview" and source is None:  # a '- ' answer: the lead says who
            lead = context.interviewee(article_id, start)
            whole = context.article(article_id).whole
            speaker, cue = (whole(lead.entity_id) if lead else None), _INTERVIEW
            source = (lead.start, lead.stop) if lead else None
        else:
            said = Said(
                cue,
                cue_stop,
                source,
                tuple(countries.split()),
                previous.get(article_id),
                start,
                stop,
            )
            speaker, elsewhere = context.article(article_id).speaker(said)
            source = elsewhere or source
        words = None if source is None else text[source[0] : source[1]]
        if start == stop:  # a pointer: its speaker is the speaker of the quote it points to
            article = context.article(article_id)
            pointed = _pointed(quoted.get(article_id, []), named, article, cue_start, cue)
            if pointed is not None and speaker and _one_teller(article, speaker, words):
                at, said_start, said_stop = pointed
                for name, value in zip(_FILLED[2:], (speaker, words, *source), strict=True):
                    named[name][at] = value
                spoken.setdefault(article_id, []).append((said_start, said_stop, speaker))
                if article.refers_back(speaker):
                    previous[article_id] = (speaker, cue_stop, source)
            speaker = None  # the pointer itself is dropped below
        elif speaker is None and words and words.lower() in _FIRST_PERSON:
            speaker = _enclosing(spoken.get(article_id, []), start, stop) or context.article(
                article_id
            ).signed(start)
        if speaker:
            spoken.setdefault(article_id, []).append((start, stop, speaker))
        if speaker and context.article(article_id).refers_back(speaker):
            previous[article_id] = (speaker, max(stop, cue_stop), source)
        values = (text[start:stop], cue, speaker, words, *(source or (None, None)))
        for name, value in zip(_FILLED, values, strict=True):
            named[name].append(value)
        if start < stop:
            quoted.setdefault(article_id, []).append((row, start, stop))
    for name, values in named.items():
        column = pa.array(values, QUOTES.field(name).type)
        at = found.schema.get_field_index(name)
        found = found.set_column(at, name, column) if at >= 0 else found.append_column(name, column)
    found = found.filter(pc.less(found["start"], found["stop"]))
    found_schema = before_headlines(in_article_order(QUOTES))
    return found.select(found_schema.names).cast(found_schema)


#: Verbs of a pointer that answers the quote before it rather than says it ('Эти слова опроверг
#: Песков', 'Это утверждение поддержал ...'): its speaker is someone else's.
_ANSWERING = frozenset(
    {"опровергнуть", "поддержать", "сопровождать", "оспорить", "отвергнуть", "раскритиковать"}
)


def _pointed(
    quoted: list[tuple[int, int, int]],
    named: Mapping[str, list],
    article: Article,
    cue_start: int,
    cue: str,
) -> tuple[int, int, int] | None:
    """The quote a pointer without content at `cue_start` points to ('«...» ... . Об этом
    заявил X'), as its row and span, when its speaker is still to be named: the last quote of
    `quoted` (row, start, stop; rows of `named`) before the pointer, ending in the sentence
    right before the pointer's, whose speaker is nobody or a place that stands for its state
    ('Москва полагает, что ... . Об этом заявил Сергей Лавров': the text names who said it).
    None when the pointer's verb answers the quote rather than says it (`_ANSWERING`)."""
    if any(lemma(word) in _ANSWERING for word in cue.split()):
        return None
    at = article._sentence_at(cue_start)
    last = next((q for q in reversed(quoted) if q[2] <= cue_start), None)
    if at is None or last is None or article._sentence_at(last[2] - 1) != at - 1:
        return None
    speaker, words = (named[name][last[0]] for name in ("speaker_entity_id", "speaker_surface"))
    if words and words.lower() in _FIRST_PERSON:  # 'Я думаю, ...': the quotation's speaker
        return None
    return last if speaker is None or not article.refers_back(speaker) else None


def _one_teller(article: Article, speaker: str, words: str | None) -> bool:
    """Whether a pointer's speaker may be the one who said the quote it points to: not a
    medium, which relays what others said ('..., считают они. Об этом сообщило издание The
    Daily Mail'), nor one of several its source names ('Соединённые Штаты и Анкара')."""
    medium = any(m.entity_id == speaker and m.type == MEDIUM for m in article.mentions)
    return bool(words) and not medium and not _AND.search(f" {words}")  # 'и Анкара' too


#: The sources that are the speaker's own 'я' or 'мы'.
_FIRST_PERSON = frozenset({"я", "мы"})


def _enclosing(spoken: list[tuple[int, int, str]], start: int, stop: int) -> str | None:
    """The speaker of the innermost quote of `spoken` (start, stop, speaker) whose span holds
    start..stop: a view in the first person inside someone's quotation or answer is theirs
    ('«... Я думаю, что рано или поздно ...», — утверждает Киреев')."""
    holding = [(s, e, who) for s, e, who in spoken if s <= start and stop <= e]
    return max(holding, key=lambda held: (held[0], -held[1]))[2] if holding else None


#: The columns `build_quotes` fills in Python, in the order it makes them.
_FILLED = ("quote", "cue", "speaker_entity_id", "speaker_surface", "speaker_start", "speaker_stop")


class _Context:
    """The articles of a chunk as `speakers.Article`s, made when a quote needs one."""

    def __init__(
        self,
        texts: Texts,
        mentions: pa.Table,
        sentences: pa.Table,
        quotes: pa.Table,
        people: Mapping[str, Person],
        surnames: Mapping[str, str],
        kinds: Mapping[str, frozenset[str]],
    ) -> None:
        self._texts = texts
        self._tables = {"mentions": mentions, "sentences": sentences, "quotes": quotes}
        self._rows: dict[str, dict[str, tuple[int, int]]] = {}
        self._lists: dict[tuple[str, str], list] = {}
        self._people = people
        self._surnames = surnames
        self._kinds = kinds
        self._made: dict[str, Article] = {}

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

    def article(self, article_id: str) -> Article:
        if article_id not in self._made:
            columns = ["start", "stop", "sentence", "entity_id", "type", "surface", "nominative"]
            columns += ["narrated", "in_headline", "normal"]
            mentions = [Mention(*m) for m in self._of("mentions", article_id, columns)]
            spans = self._of("sentences", article_id, ["start", "stop", "paragraph"])
            answers = [
                (start, stop)
                for kind, start, stop, source in self._of(
                    "quotes", article_id, ["kind", "start", "stop", "speaker_start"]
                )
                if kind == "interview" and source is None
            ]
            text = self._texts[article_id]
            article = Article(
                text, mentions, self._people, spans, answers, self._surnames, self._kinds
            )
            self._made = {article_id: article}
        return self._made[article_id]

    def interviewee(self, article_id: str, at: int) -> Mention | None:
        """The interviewee of the '- ' answer at `at`."""
        return self.article(article_id).interviewee(at)


def _with_headlines(mentions: pa.Table) -> pa.Table:
    """`mentions` with `in_headline` (all False when the table has none)."""
    if "in_headline" in mentions.column_names:
        return mentions
    return mentions.append_column("in_headline", pa.repeat(False, len(mentions)))


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


#: A Speech's fields in order (`dataclasses.astuple` deep-copies each, slow over a corpus).
_SPEECH_FIELDS = attrgetter(*(f.name for f in fields(Speech)))


def find_speech_table(articles: pa.Table, paragraphs: pa.Table, sentences: pa.Table) -> pa.Table:
    """`find_speech` over every article of `articles`, with their `paragraphs` and
    `sentences`: the SPEECH rows, by article and position."""
    in_paragraphs, in_sentences = (
        by_article(t, ["start", "stop"]) for t in (paragraphs, sentences)
    )
    rows = [
        (article_id, *_SPEECH_FIELDS(found))
        for article_id, text in Texts(articles).items()
        for found in find_speech(
            text, in_paragraphs.get(article_id, []), in_sentences.get(article_id, [])
        )
    ]
    return from_rows(rows, SPEECH)
