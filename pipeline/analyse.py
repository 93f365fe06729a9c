"""Stage: the per-article NLP, whose results depend on each article alone: `sentences` (razdel),
raw entity mentions (`raw_mentions`, slovnet NER cleaned and normalised), calendar references
(`dates`), country adjectives (`adjectives`), paragraphs' content lemmas (`lemmas`) and each
article's distinct words (`words`). Articles go in chunks to the engine's workers (local
processes or a Dask cluster), with a bounded number of chunks in flight; the tables come back
in article order, identical for any engine and number of workers, and go straight to the
article cache (pipeline.cache), from which the corpus-wide stages read them chunk by chunk."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterator

import pyarrow as pa
import pyarrow.compute as pc
from tqdm import tqdm

from pipeline.countries import ADJECTIVES, find_adjectives
from pipeline.engine import SERIAL, Engine, detached
from pipeline.events import DATES, find_dates
from pipeline.lemmas import LEMMAS, find_lemmas
from pipeline.ner import RAW_MENTIONS, extract_mentions
from pipeline.schema import SENTENCES, WORDS
from pipeline.sentences import build_sentences
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
}
_ARTICLE_COLUMNS = ["article_id", "title", "text", "published"]
_PARAGRAPH_COLUMNS = ["article_id", "paragraph", "start", "text"]


#: How each table after `sentences` is found from (articles, paragraphs, sentences).
_FIND = {
    "raw_mentions": lambda articles, _paragraphs, sentences: extract_mentions(articles, sentences),
    "dates": lambda articles, _paragraphs, sentences: find_dates(articles, sentences),
    "adjectives": lambda articles, _paragraphs, _sentences: find_adjectives(articles),
    "lemmas": lambda _articles, paragraphs, _sentences: find_lemmas(paragraphs),
    "words": lambda articles, _paragraphs, _sentences: find_words(articles),
}


def analyse_chunk(
    articles: pa.Table, paragraphs: pa.Table, tables: Collection[str]
) -> dict[str, pa.Table]:
    """The per-article `tables` of a few articles (a task on a worker)."""
    sentences = build_sentences(paragraphs)
    found = {name: _FIND[name](articles, paragraphs, sentences)
             for name in _FIND if name in tables}  # fmt: skip
    return {"sentences": sentences, **found}


def _chunks(articles: pa.Table, paragraphs: pa.Table) -> Iterator[tuple[pa.Table, pa.Table]]:
    """CHUNK articles at a time with their paragraphs (which follow the articles' order)."""
    values, counts = pc.value_counts(paragraphs.column("article_id")).flatten()
    per_article = dict(zip(values.to_pylist(), counts.to_pylist(), strict=True))
    articles = articles.select([c for c in _ARTICLE_COLUMNS if c in articles.column_names])
    paragraphs = paragraphs.select(_PARAGRAPH_COLUMNS)
    offset = 0
    for start in range(0, articles.num_rows, CHUNK):
        part = articles.slice(start, CHUNK)
        size = sum(per_article.get(a, 0) for a in part.column("article_id").to_pylist())
        yield detached(part), detached(paragraphs.slice(offset, size))
        offset += size


def analyse(
    articles: pa.Table,
    paragraphs: pa.Table,
    sink: Callable[[str, pa.Table], None],
    *,
    tables: Collection[str] = tuple(PER_ARTICLE),
    engine: Engine = SERIAL,
    progress: bool = False,
) -> None:
    """The per-article `tables` (`sentences` always) of every article, each chunk's rows given
    to `sink(table, rows)` as the chunk is done, in article order."""
    names = [n for n in PER_ARTICLE if n in tables or n == "sentences"]
    bar = tqdm(total=articles.num_rows, desc="analyse", unit=" docs", disable=not progress)
    with bar:
        if articles.num_rows <= CHUNK:  # one task: not worth starting workers
            engine = SERIAL
        sizes: deque[int] = deque()  # of the chunks sent and not yet back

        def tasks() -> Iterator[tuple]:
            for chunk, chunk_paragraphs in _chunks(articles, paragraphs):
                sizes.append(chunk.num_rows)
                yield chunk, chunk_paragraphs, names

        for found in engine.imap(analyse_chunk, tasks()):
            for name in names:
                sink(name, found[name].cast(PER_ARTICLE[name][0]))
            bar.update(sizes.popleft())
