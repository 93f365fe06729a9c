"""The per-article stages: what each finds, from what, and how its rows are kept. A stage
added here (with its schema) is analysed on the workers and kept in the article cache; the
corpus-wide stages read its table chunk by chunk (`Corpus.chunks`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from pipeline.schema import WORDS
from pipeline.stages.countries import ADJECTIVES, find_adjectives
from pipeline.stages.events import DATES, find_dates
from pipeline.stages.furniture import FOUND as FURNITURE
from pipeline.stages.furniture import find_furniture_table
from pipeline.stages.mentions import RAW_MENTIONS, extract_mentions
from pipeline.stages.quotes import SPEECH, find_speech_table
from pipeline.stages.sentences import FOUND as SENTENCES
from pipeline.stages.sentences import build_sentences
from pipeline.stages.topics.lemmas import LEMMAS, find_lemmas
from pipeline.stages.words import find_words


@dataclass(frozen=True)
class PerArticle:
    """A table found article by article: its `schema`, the column that orders an article's
    rows (`order`), and `find`, called with the chunk's tables named in `reads` (`articles`,
    `paragraphs`, or a stage listed before it)."""

    schema: pa.Schema
    order: str
    find: Callable[..., pa.Table]
    reads: tuple[str, ...]


#: In the order they run: `furniture` first, then `sentences`, which the others read. The
#: stages after `furniture` read the text with its furniture blanked out (analyse_chunk).
PER_ARTICLE = {
    "furniture": PerArticle(FURNITURE, "start", find_furniture_table, ("articles", "paragraphs")),
    "sentences": PerArticle(SENTENCES, "sentence", build_sentences, ("paragraphs",)),
    "raw_mentions": PerArticle(RAW_MENTIONS, "seq", extract_mentions, ("articles", "sentences")),
    "dates": PerArticle(DATES, "start", find_dates, ("articles", "sentences")),
    "adjectives": PerArticle(ADJECTIVES, "start", find_adjectives, ("articles",)),
    "lemmas": PerArticle(LEMMAS, "paragraph", find_lemmas, ("paragraphs",)),
    "words": PerArticle(WORDS, "word", find_words, ("articles",)),
    "speech": PerArticle(
        SPEECH, "start", find_speech_table, ("articles", "paragraphs", "sentences")
    ),
}
