"""Stage: `articles` to `paragraphs`, with character offsets into `articles.text`. A paragraph's
text is a slice of its article's, so a build splits each chunk of articles again when it needs
their paragraphs, instead of holding them.

A paragraph is a line of the text, with one exception: a wire story written as one long
paragraph (every other paragraph of the article, such as its headline, is short) is split at
sentence boundaries into parts of a few sentences, so that a topic or a count by paragraph
sees it as a reader would."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from razdel import sentenize

from pipeline.ingest.text import PARAGRAPH_SEP
from pipeline.runtime.parquet import from_rows
from pipeline.schema import PARAGRAPHS_BASE

#: A paragraph this long that is its article's only long one is a one-paragraph story.
STORY_CHARS = 1_500
#: Other paragraphs of such an article are shorter than this (a headline, a dateline).
SHORT_CHARS = 300
#: A part of a split story ends at the first sentence end after this many characters; a last
#: part shorter than LEFTOVER_CHARS joins the part before it.
PART_CHARS = 500
LEFTOVER_CHARS = 200


def _parts(text: str) -> list[tuple[int, int]]:
    """(start, stop) of the parts of a long paragraph: runs of whole sentences."""
    parts: list[list[int]] = []
    for sentence in sentenize(text):
        if parts and parts[-1][1] - parts[-1][0] < PART_CHARS:
            parts[-1][1] = sentence.stop
        else:
            parts.append([sentence.start, sentence.stop])
    if len(parts) > 1 and parts[-1][1] - parts[-1][0] < LEFTOVER_CHARS:
        last = parts.pop()  # popped first: `parts[-2][1] = parts.pop()[1]` pops, then indexes
        parts[-1][1] = last[1]
    return [(a, b) for a, b in parts]


def _split_stories(paragraphs: pa.Table) -> pa.Table:
    """`paragraphs` with each one-paragraph story's long paragraph split into parts and the
    article's paragraphs numbered again. Only the stories' paragraphs become Python strings."""
    length = pc.utf8_length(paragraphs["text"])
    ids = paragraphs["article_id"]
    longs = pc.value_counts(ids.filter(pc.greater_equal(length, SHORT_CHARS)))
    single = longs.field("values").filter(pc.equal(longs.field("counts"), 1))
    story = pc.and_(pc.greater_equal(length, STORY_CHARS), pc.is_in(ids, value_set=single))
    if not pc.any(story).as_py():
        return paragraphs
    rows = []
    for row in paragraphs.filter(story).to_pylist():
        for a, b in _parts(row["text"]):
            rows.append(
                (row["article_id"], 0, row["start"] + a, row["start"] + b, row["text"][a:b])
            )
    parts = from_rows(rows, PARAGRAPHS_BASE)
    joined = pa.concat_tables([paragraphs.filter(pc.invert(story)), parts])
    order = pc.index_in(joined["article_id"], value_set=pc.unique(ids))  # the articles' order
    joined = joined.append_column("order", order).sort_by(
        [("order", "ascending"), ("start", "ascending")]
    )
    first = np.unique(joined["order"].to_numpy(), return_index=True)[1]
    counts = np.diff(np.append(first, joined.num_rows))
    number = np.arange(joined.num_rows) - np.repeat(first, counts)
    joined = joined.drop_columns(["order"])
    return joined.set_column(1, "paragraph", pa.array(number, pa.int32()))


def build_paragraphs(articles: pa.Table) -> pa.Table:
    """Each article's paragraphs (its text split at PARAGRAPH_SEP, as `str.split` does, and a
    one-paragraph story's paragraph in parts), in order, with their offsets in characters.
    Arrow splits the texts; only a one-paragraph story is copied into Python strings."""
    ids = articles["article_id"].combine_chunks()
    pieces = pc.split_pattern(articles["text"].combine_chunks(), PARAGRAPH_SEP)
    text = pieces.flatten()
    count = pc.list_value_length(pieces).to_numpy(zero_copy_only=False).astype(np.int64)
    first = np.repeat(np.cumsum(count) - count, count)  # each row's article's first row
    step = pc.utf8_length(text).to_numpy(zero_copy_only=False).astype(np.int64)
    step += len(PARAGRAPH_SEP)
    start = np.cumsum(step) - step  # as if the corpus were one text
    start -= start[first]
    stop = start + step - len(PARAGRAPH_SEP)
    found = pa.table(
        {
            "article_id": ids.take(pc.list_parent_indices(pieces)),
            "paragraph": np.arange(len(text)) - first,
            "start": start,
            "stop": stop,
            "text": text,
        }
    ).cast(PARAGRAPHS_BASE)
    return _split_stories(found)


def resliced(paragraphs: pa.Table, articles: pa.Table) -> pa.Table:
    """`paragraphs` (of the same articles) with their texts cut again from `articles.text`
    at the same offsets: the paragraphs of a text whose characters were replaced one for one."""
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(), strict=True))
    sliced = [
        texts[a][start:stop]
        for a, start, stop in zip(
            *(paragraphs[c].to_pylist() for c in ("article_id", "start", "stop")), strict=True
        )
    ]
    index = paragraphs.schema.get_field_index("text")
    return paragraphs.set_column(index, "text", pa.array(sliced, pa.string()))
