"""The sentences of the shared news corpus as the pipeline sees them, for our own held-out
samples (quotes, dates): each article's text as ingestion makes it (normalised paragraphs under
the headline, `pipeline.ingest`), split into paragraphs and sentences by the pipeline's own
stages (`build_paragraphs`, `build_sentences`, razdel), with offsets into that text.

The corpus is not ours to redistribute: committed labels keep, per sentence, the article id
(the pipeline's `article_id`, a digest of the body's words), the sentence's offsets in the
article text and a digest of its text; the scripts cut the text again from the corpus. A
sentence belongs to the tune or the check half by a fixed hash of its text (`half`), so the
split never changes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from pipeline.ingest.articles import headed
from pipeline.ingest.text import content_hash, normalise, words
from pipeline.stages.paragraphs import build_paragraphs
from pipeline.stages.sentences import build_sentences

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/news_unified.jsonl.gz"
#: Articles split into sentences at a time (the stages work on Arrow tables).
BATCH = 2_000


class Sentence(NamedTuple):
    """A sentence: text[start:stop] of the article `article_id`."""

    article_id: str
    start: int
    stop: int
    text: str


def require(corpus: Path) -> Path:
    """`corpus`, or exit with a clear message when it is absent."""
    if not corpus.is_file():
        sys.exit(f"No corpus at {corpus}; pass --corpus PATH (../shared/corpora/...).")
    return corpus


def articles(corpus: Path) -> Iterator[tuple[str, str]]:
    """(article_id, text) of each distinct article of a JSONL corpus, as ingestion makes them:
    the id is the digest of the body's words, the text the headline over the body."""
    seen: set[str] = set()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            body = normalise(row.get("text") or "")
            if not body:
                continue
            article_id = content_hash(words(body))[:16]
            if article_id not in seen:
                seen.add(article_id)
                yield article_id, headed(row.get("title"), body)[1]


def split(texts: Iterable[tuple[str, str]]) -> Iterator[Sentence]:
    """The sentences of (article_id, text) pairs, by the pipeline's paragraph and sentence
    stages, in text order."""
    batch: list[tuple[str, str]] = []
    for item in texts:
        batch.append(item)
        if len(batch) == BATCH:
            yield from _split_batch(batch)
            batch = []
    if batch:
        yield from _split_batch(batch)


def _split_batch(batch: list[tuple[str, str]]) -> Iterator[Sentence]:
    table = pa.table(
        {"article_id": [a for a, _t in batch], "text": [t for _a, t in batch]},
    )
    found = build_sentences(build_paragraphs(table))
    texts = dict(batch)
    for article_id, start, stop in zip(
        *(found.column(c).to_pylist() for c in ("article_id", "start", "stop")), strict=True
    ):
        yield Sentence(article_id, start, stop, texts[article_id][start:stop])


def layout(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, stop) of the paragraphs and of the sentences of one article's text, as the
    pipeline's stages find them."""
    paragraphs = build_paragraphs(pa.table({"article_id": ["a"], "text": [text]}))
    sentences = build_sentences(paragraphs)
    return (
        list(zip(*(paragraphs.column(c).to_pylist() for c in ("start", "stop")), strict=True)),
        list(zip(*(sentences.column(c).to_pylist() for c in ("start", "stop")), strict=True)),
    )


@functools.cache
def corpus_texts(corpus: Path) -> dict[str, str]:
    """article_id -> text of every article of the corpus, read once per corpus and process
    (a scorer loads a dozen label files from the same corpus); callers must not change it."""
    return dict(articles(require(corpus)))


def digest(text: str) -> str:
    """A short digest of a sentence's text: labels carry it to detect a changed corpus."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def half(text: str) -> str:
    """'tune' or 'check': the first byte of the text's sha1 even or odd, fixed forever."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def word_count(text: str) -> int:
    """Words of a sentence as ingestion counts them (runs of letters or digits)."""
    return len(words(text))


def format_spans(spans: Iterable[tuple[int, int]]) -> str:
    """'3-10;15-20' for spans (3, 10), (15, 20); '' for none."""
    return ";".join(f"{a}-{b}" for a, b in sorted(spans))


def parse_spans(value: str) -> list[tuple[int, int]]:
    """The spans that `format_spans` wrote."""
    return [
        (int(a), int(b)) for a, b in (part.split("-") for part in value.split(";") if part.strip())
    ]
