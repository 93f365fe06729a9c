"""The data contract in code: every table's columns, types and meaning.

`docs/data-contract.md` documents the same columns; a test keeps the two in step.
"""

from __future__ import annotations

import pyarrow as pa

#: The manifest beside the tables (pipeline.manifest writes it).
MANIFEST = "manifest.json"
#: The years a date in the tables may fall in: outside them, a year is a typo or not a date.
MIN_YEAR, MAX_YEAR = 1800, 2100


def _schema(*fields: tuple[str, pa.DataType, bool, str]) -> pa.Schema:
    return pa.schema(
        [
            pa.field(name, kind, nullable=nullable, metadata={"description": doc})
            for name, kind, nullable, doc in fields
        ]
    )


_IN_HEADLINE = (
    "in_headline",
    pa.bool_(),
    False,
    "True in the article's headline: paragraph 0 of an article with `title_stop` > 0.",
)


def before_headlines(schema: pa.Schema) -> pa.Schema:
    """`schema` without `in_headline`: the table as its stage finds it, before the build
    marks the rows in headlines (stages.headlines)."""
    return schema.remove(schema.get_field_index("in_headline"))


_PUBLISHED = (
    "published",
    pa.date32(),
    True,
    "The article's `articles.published`; the table is sorted by it, newest first (undated"
    " last), so a reader of a date range or of the newest rows skips the other row groups.",
)


_ARTICLE_KEY = (
    "article_key",
    pa.int32(),
    False,
    "The article's `articles.article_key`: the dashboard joins a table to the selected articles"
    " on this whole number rather than on the id's string.",
)


def in_article_order(schema: pa.Schema) -> pa.Schema:
    """`schema` without `published` and `article_key` (and the events' `topic_id`): the table
    as its stage writes it, in article order, before the build lays it out by date
    (stages.by_date)."""
    for name in ("published", "topic_id", "article_key"):
        if name in schema.names:
            schema = schema.remove(schema.get_field_index(name))
    return schema


ARTICLES = _schema(
    ("article_id", pa.string(), False, "16 hex digits of the SHA-256 of the text's words."),
    ("source", pa.string(), False, "Input file name, or the row's `source` for tabular inputs."),
    ("title", pa.string(), False, "Headline line or field; else the first sentence."),
    (
        "title_stop",
        pa.int32(),
        False,
        "End of the headline in `text` (its paragraph 0); 0 when the title is the first sentence.",
    ),
    ("published", pa.date32(), True, "Publication date; null when unknown."),
    (
        "date_source",
        pa.string(),
        False,
        "Origin of `published`: header, field, text, inferred or missing.",
    ),
    ("url", pa.string(), True, "Original address, when the input gives one."),
    (
        "text",
        pa.string(),
        False,
        "The headline (when the article has one) and the body: paragraphs joined by a blank line.",
    ),
    ("n_chars", pa.int32(), False, "Characters in `text`."),
    ("n_words", pa.int32(), False, "Words (runs of letters or digits) in `text`."),
    ("external_id", pa.string(), True, "The row's `id` field for tabular inputs."),
    ("origin", pa.string(), False, "Input path, with `:line` for tabular inputs."),
)

#: The articles as the build writes them last, laid out by date (stages.by_date): ingestion's
#: columns (`ARTICLES`, which the per-article cache holds) and the article's key.
ARTICLES_BY_DATE = pa.schema(
    [
        *ARTICLES,
        pa.field(
            "article_key",
            pa.int32(),
            nullable=False,
            metadata={
                "description": "The article's position in this table, from 0: a whole number"
                " unique in the build (a replica numbers its copies past the original's), which"
                " every table laid out by date carries beside `article_id`."
            },
        ),
    ]
)

_PARAGRAPH_FIELDS = (
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "0-based position in the article."),
    ("start", pa.int32(), False, "Offset of the first character in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after the last character: `text[start:stop]`."),
    ("text", pa.string(), False, "The paragraph's text."),
)
#: Paragraphs as the paragraph stage writes them, before the topic stage adds its columns.
PARAGRAPHS_BASE = _schema(*_PARAGRAPH_FIELDS)
PARAGRAPHS = _schema(
    *_PARAGRAPH_FIELDS,
    ("topic_id", pa.int32(), True, "Its topic (`topics.topic_id`); null without content words."),
    (
        "topic_score",
        pa.float32(),
        True,
        (
            "Share of its topic in its NMF weights read with its article's (0-1); null when "
            "unassigned or inherited."
        ),
    ),
    _IN_HEADLINE,
)

SENTENCES = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("sentence", pa.int32(), False, "0-based position in the article."),
    ("start", pa.int32(), False, "Offset of the first character in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after the last character."),
    _IN_HEADLINE,
)

MENTIONS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("sentence", pa.int32(), False, "The sentence (`sentences.sentence`)."),
    ("start", pa.int32(), False, "Offset of the first character in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after the last character."),
    ("surface", pa.string(), False, "The text as written: `articles.text[start:stop]`."),
    ("normal", pa.string(), False, "This mention in the nominative, before alias merging."),
    ("type", pa.string(), False, "PER, ORG, LOC or MEDIUM (the entity's type)."),
    ("entity_id", pa.string(), False, "The entity (`entities.entity_id`)."),
    _IN_HEADLINE,
    _PUBLISHED,
    _ARTICLE_KEY,
)

ENTITIES = _schema(
    (
        "entity_id",
        pa.string(),
        False,
        "Stable id: a hash of the type and canonical name (and the article, for a first name"
        " alone that names someone of that article only).",
    ),
    ("name", pa.string(), False, "Canonical name in the nominative."),
    ("type", pa.string(), False, "PER, ORG, LOC or MEDIUM."),
    ("aliases", pa.list_(pa.string()), False, "Distinct normalised forms merged into it."),
    ("country", pa.string(), True, "ISO 3166-1 alpha-3 of its country or affiliation."),
    ("role", pa.string(), True, "Most often stated role, e.g. 'президент', 'посол'."),
    ("n_mentions", pa.int32(), False, "Mentions in the corpus."),
    ("n_articles", pa.int32(), False, "Articles that mention it."),
)

ARTICLE_ENTITIES = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("entity_id", pa.string(), False, "An entity it mentions (`entities.entity_id`)."),
    ("type", pa.string(), False, "The entity's type: PER, ORG, LOC or MEDIUM."),
    ("mentions", pa.int32(), False, "Its mentions in the article."),
    _PUBLISHED,
    _ARTICLE_KEY,
)

WORDS = _schema(
    ("word", pa.string(), False, "A word (letters and digits) in lower case."),
    ("article_id", pa.string(), False, "An article whose title or text has it."),
)

VOCABULARY = _schema(
    ("word", pa.string(), False, "A distinct word of `words`."),
    ("articles", pa.int64(), False, "Articles whose title or text has it."),
)

COUNTRY_MENTIONS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("sentence", pa.int32(), False, "The sentence (`sentences.sentence`)."),
    ("start", pa.int32(), False, "Offset of the first character in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after the last character."),
    ("surface", pa.string(), False, "The text as written."),
    ("country", pa.string(), False, "ISO 3166-1 alpha-3."),
    ("via", pa.string(), False, "name, adjective, capital, city, organisation or actor."),
    _IN_HEADLINE,
    _PUBLISHED,
    _ARTICLE_KEY,
)

TOPICS = _schema(
    ("topic_id", pa.int32(), False, "0 = the largest topic, then by size."),
    ("label", pa.string(), False, "3-4 of its top lemmas joined by ' · ', then 2 entities."),
    ("terms", pa.list_(pa.string()), False, "Its 10 strongest lemmas, strongest first."),
    ("entities", pa.list_(pa.string()), False, "Names most characteristic of its paragraphs."),
    ("size", pa.int32(), False, "Paragraphs assigned to it."),
    ("share", pa.float32(), False, "`size` over all assigned paragraphs."),
    ("coherence", pa.float32(), False, "Mean NPMI of its top terms' pairs (-1 to 1)."),
    ("representative_article_id", pa.string(), False, "The article of its most typical paragraph."),
    ("representative_paragraph", pa.int32(), False, "That paragraph (`paragraphs.paragraph`)."),
)

ARTICLE_TOPICS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("topic_id", pa.int32(), False, "The topic (`topics.topic_id`)."),
    ("weight", pa.float32(), False, "Share of the article's content words; sums to 1 per article."),
)

EVENTS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("start", pa.int32(), False, "Offset of the date expression in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after it: `text[start:stop]` is `date_text`."),
    ("date_text", pa.string(), False, "The expression as written, e.g. 'в марте этого года'."),
    ("date_start", pa.date32(), True, "First day it refers to; null when unresolved."),
    ("date_end", pa.date32(), True, "Last day it refers to (inclusive); null when unresolved."),
    (
        "granularity",
        pa.string(),
        False,
        "day, days, month, months, season, year, years, decade or unresolved.",
    ),
    (
        "relation",
        pa.string(),
        True,
        "past, same or future relative to `articles.published`; null without either date.",
    ),
    ("sentence", pa.string(), False, "The sentence that contains it."),
    (
        "sentence_start",
        pa.int32(),
        False,
        "Offset of the sentence in `articles.text` (`sentences.start`).",
    ),
    ("sentence_stop", pa.int32(), False, "Offset after the sentence."),
    ("entity_ids", pa.list_(pa.string()), False, "Entities mentioned in the sentence, sorted."),
    ("countries", pa.list_(pa.string()), False, "Countries named in the sentence (alpha-3)."),
    _IN_HEADLINE,
    (
        "topic_id",
        pa.int32(),
        True,
        "Its paragraph's topic (`paragraphs.topic_id`): the Timeline groups by it without"
        " reading the paragraphs.",
    ),
    _PUBLISHED,
    _ARTICLE_KEY,
)

EVENT_SENTENCES = _schema(
    ("article_id", pa.string(), False, "The event's article (`events.article_id`)."),
    ("start", pa.int32(), False, "The event's `events.start`."),
    (
        "date_start",
        pa.date32(),
        True,
        "The event's `events.date_start`; the table is sorted by it (unresolved last), so a"
        " reader of a span of event dates skips the other row groups.",
    ),
    ("sentence", pa.string(), False, "The event's `events.sentence`."),
)

QUOTES = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph where the quote starts."),
    ("start", pa.int32(), False, "Offset of what was said in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after it: `text[start:stop]` is `quote`."),
    ("quote", pa.string(), False, "What was said, as written, without its quotation marks."),
    (
        "kind",
        pa.string(),
        False,
        "direct («...»), indirect ('заявил, что ...', 'по словам X, ...') or interview (answers).",
    ),
    (
        "cue",
        pa.string(),
        False,
        "The verb, phrase or speaker label that reports it, as written; "
        "'интервью' for an answer in a question-and-answer interview.",
    ),
    (
        "speaker_entity_id",
        pa.string(),
        True,
        "Who said it (`entities.entity_id`): a person, an organisation, a country or capital for"
        " its government, or a medium on its own account; null when the text does not say"
        " unambiguously.",
    ),
    (
        "speaker_surface",
        pa.string(),
        True,
        "The source as written ('глава государства', 'Т. Лоренцсон'); null when not written.",
    ),
    ("speaker_start", pa.int32(), True, "Offset of `speaker_surface` in `articles.text`."),
    ("speaker_stop", pa.int32(), True, "Offset after it."),
    ("about_entity_ids", pa.list_(pa.string()), False, "Entities mentioned in the quote, sorted."),
    (
        "about_countries",
        pa.list_(pa.string()),
        False,
        "Countries named in the quote (alpha-3), sorted.",
    ),
    _IN_HEADLINE,
    _PUBLISHED,
    _ARTICLE_KEY,
)

#: The quotes once more, a row per quote and entity that says it or that it names, laid out by
#: entity (stages.by_date): an actor's profile reads its quotes in its own few row groups.
ENTITY_QUOTES = pa.schema(
    [
        pa.field(
            "entity_id",
            pa.string(),
            nullable=False,
            metadata={
                "description": "An entity that says the quote (`speaker_entity_id`) or that it"
                " names (`about_entity_ids`); the table is sorted by it, then newest first, so a"
                " reader of one entity's quotes skips the other entities' row groups."
            },
        ),
        *QUOTES,
    ]
)

#: The articles' texts once more, in a narrow table of small row groups laid out as `articles`
#: (stages.by_date): a reader of a few scattered articles' texts (the Search page's
#: concordance) decompresses about 100 texts for each, not 1,000.
ARTICLE_TEXTS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    (
        "published",
        pa.date32(),
        True,
        "The article's `articles.published`; the table is sorted by it, newest first (undated"
        " last), then by `article_id`, so a reader of a few dates skips the other row groups.",
    ),
    ("title", pa.string(), False, "The article's `articles.title`."),
    ("source", pa.string(), False, "The article's `articles.source`."),
    ("text", pa.string(), False, "The article's `articles.text`."),
)

#: The sentences naming each actor or country, a row per sentence and node, laid out by entity
#: and date (stages.by_date): the Network page reads the units of its candidate actors and of the
#: countries in a date range from one narrow table, with no DISTINCT over the mentions.
NETWORK_UNITS = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("sentence", pa.int32(), False, "The sentence (`sentences.sentence`)."),
    (
        "kind",
        pa.string(),
        False,
        "actor (an entity of `mentions`) or country (a `country_mentions` row naming the country"
        " by name, adjective, capital or city).",
    ),
    ("node", pa.string(), False, "The entity (`entities.entity_id`) or the country (alpha-3)."),
    (
        "paragraph_first",
        pa.bool_(),
        False,
        "True in the first sentence of the paragraph naming the node: its rows are the distinct"
        " (article, paragraph, kind, node).",
    ),
    _IN_HEADLINE,
    (
        "published",
        pa.date32(),
        True,
        "The article's `articles.published`. The table is sorted by `kind` (actors first), the"
        " actors' rows by `node`, then every row by it, newest first (undated last), then by"
        " `article_id`, `sentence`, `node`.",
    ),
    _ARTICLE_KEY,
)

ARTICLE_FACETS = _schema(
    (
        "facet",
        pa.string(),
        False,
        "What the article has: actor (an entity of `mentions`), country (of `country_mentions`)"
        " or topic (of `article_topics`).",
    ),
    (
        "value",
        pa.string(),
        False,
        "The entity (`entities.entity_id`), the country (alpha-3) or the topic"
        " (`topics.topic_id`, in decimal digits).",
    ),
    (
        "in_headline",
        pa.bool_(),
        False,
        "True when some mention of the actor or country lies in the article's headline; false"
        " for a topic.",
    ),
    (
        "published",
        pa.date32(),
        True,
        "The article's `articles.published`. The table is sorted by `facet`, `value`, then by"
        " it, newest first (undated last), then by `article_key`.",
    ),
    _ARTICLE_KEY,
)

FURNITURE = _schema(
    ("article_id", pa.string(), False, "The article (`articles.article_id`)."),
    ("paragraph", pa.int32(), False, "The paragraph (`paragraphs.paragraph`)."),
    ("start", pa.int32(), False, "Offset of the first character in `articles.text`."),
    ("stop", pa.int32(), False, "Offset after the last character."),
    ("kind", pa.string(), False, "What it is: dateline, code, banner, link, credit, caption, ..."),
    _IN_HEADLINE,
)

TOTALS = _schema(
    ("kind", pa.string(), False, "What is counted: country or topic."),
    ("key", pa.string(), False, "The country (alpha-3) or the topic (`topics.topic_id`, as text)."),
    (
        "articles",
        pa.int64(),
        False,
        "Articles that name the country, or with a paragraph in the topic.",
    ),
    ("n_rows", pa.int64(), False, "The country's mentions, or the topic's paragraphs."),
)

#: Table name -> schema; the dashboard needs all but the `OPTIONAL` ones.
TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES_BY_DATE,
    "paragraphs": PARAGRAPHS,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "article_entities": ARTICLE_ENTITIES,
    "country_mentions": COUNTRY_MENTIONS,
    "topics": TOPICS,
    "article_topics": ARTICLE_TOPICS,
    "events": EVENTS,
    "event_sentences": EVENT_SENTENCES,
    "quotes": QUOTES,
    "entity_quotes": ENTITY_QUOTES,
    "furniture": FURNITURE,
    "words": WORDS,
    "vocabulary": VOCABULARY,
    "totals": TOTALS,
    "article_texts": ARTICLE_TEXTS,
    "network_units": NETWORK_UNITS,
    "article_facets": ARTICLE_FACETS,
}

DATE_SOURCES = ("header", "field", "text", "inferred", "missing")

#: Tables a page can do without: table -> the pipeline stage that writes it. A data directory
#: from an older or partial build may lack them; the pages that need them say so.
OPTIONAL = {
    "topics": "topics",
    "article_topics": "topics",
    "events": "events",
    "event_sentences": "events",
    "quotes": "quotes",
    "entity_quotes": "quotes",
    "furniture": "furniture",
}
