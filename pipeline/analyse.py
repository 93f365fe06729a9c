"""Stage: the per-article NLP, whose results depend on each article alone: `sentences` (razdel),
raw entity mentions (`raw_mentions`, slovnet NER cleaned and normalised), calendar references
(`dates`), country adjectives (`adjectives`), paragraphs' content lemmas (`lemmas`), each
article's distinct words (`words`) and reported speech (`speech`). Articles go in chunks to the
engine's workers (local processes or a Dask cluster), with a bounded number of chunks in
flight; the tables come back in article order, identical for any engine and number of workers,
and go straight to the article cache (pipeline.cache), from which the corpus-wide stages read
them chunk by chunk."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator

import pyarrow as pa
from tqdm import tqdm

from pipeline.corpus import rechunk
from pipeline.countries import ADJECTIVES, find_adjectives
from pipeline.engine import SERIAL, Engine, detached
from pipeline.events import DATES, find_dates
from pipeline.lemmas import LEMMAS, find_lemmas
from pipeline.ner import RAW_MENTIONS, extract_mentions
from pipeline.paragraphs import build_paragraphs
from pipeline.schema import SENTENCES, WORDS
from pipeline.sentences import build_sentences
from pipeline.speech import SPEECH, find_speech_table
from pipeline.words import find_words

#: Articles per task: enough sentences to fill NER batches, few enough to balance the workers.
CHUNK = 32
#: The per-article tables, each with its schema and its order within an article.
PER_ARTICLE = {
    "sentences": (SENTENCES, "sentence"),
    "raw_mentions": (RAW_MENTIONS, "seq"),
    "dates": (DATES, "start"),
    "adjectives": (ADJECTIVES, "start"),
    "lemmas": (LEMMAS, "paragraph"),
    "words": (WORDS, "word"),
    "speech": (SPEECH, "start"),
}
_ARTICLE_COLUMNS = ["article_id", "title", "text", "published"]


#: How each table after `sentences` is found from (articles, paragraphs, sentences).
_FIND = {
    "raw_mentions": lambda articles, _paragraphs, sentences: extract_mentions(articles, sentences),
    "dates": lambda articles, _paragraphs, sentences: find_dates(articles, sentences),
    "adjectives": lambda articles, _paragraphs, _sentences: find_adjectives(articles),
    "lemmas": lambda _articles, paragraphs, _sentences: find_lemmas(paragraphs),
    "words": lambda articles, _paragraphs, _sentences: find_words(articles),
    "speech": find_speech_table,
}


def analyse_chunk(articles: pa.Table, tables: Collection[str]) -> dict[str, pa.Table]:
    """The per-article `tables` of a few articles (a task on a worker, which also splits their
    paragraphs)."""
    paragraphs = build_paragraphs(articles)
    sentences = build_sentences(paragraphs)
    found = {name: _FIND[name](articles, paragraphs, sentences) for name in _FIND if name in tables}
    return {"sentences": sentences, **found}


def _chunks(articles: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """The articles of `articles` (tables of them) CHUNK at a time, each a table of its own
    (a pickled slice would carry its parent's buffers to the worker)."""
    columns = (
        part.select([c for c in _ARTICLE_COLUMNS if c in part.column_names]) for part in articles
    )
    return (detached(chunk) for chunk in rechunk(columns, CHUNK))


def analyse(
    articles: Iterable[pa.Table],
    total: int,
    sink: Callable[[str, pa.Table], None],
    *,
    tables: Collection[str] = tuple(PER_ARTICLE),
    engine: Engine = SERIAL,
    progress: bool = False,
) -> None:
    """The per-article `tables` (`sentences` always) of the `total` articles in `articles`
    (tables of them, read as they are needed), each chunk's rows given to `sink(table, rows)`
    as the chunk is done, in article order."""
    names = [n for n in PER_ARTICLE if n in tables or n == "sentences"]
    bar = tqdm(total=total, desc="analyse", unit=" docs", disable=not progress)
    with bar:
        if total <= CHUNK:  # one task: not worth starting workers
            engine = SERIAL
        sizes: deque[int] = deque()  # of the chunks sent and not yet back

        def tasks() -> Iterator[tuple]:
            for chunk in _chunks(articles):
                sizes.append(chunk.num_rows)
                yield chunk, names

        for found in engine.imap(analyse_chunk, tasks()):
            for name in names:
                sink(name, found[name].cast(PER_ARTICLE[name][0]))
            bar.update(sizes.popleft())
