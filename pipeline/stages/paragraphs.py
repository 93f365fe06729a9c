"""Stage: `articles` to `paragraphs`, with character offsets into `articles.text`. A paragraph's
text is a slice of its article's, so a build splits each chunk of articles again when it needs
their paragraphs, instead of holding them."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.ingest.text import PARAGRAPH_SEP
from pipeline.schema import PARAGRAPHS_BASE


def build_paragraphs(articles: pa.Table) -> pa.Table:
    """Each article's paragraphs (its text split at PARAGRAPH_SEP, as `str.split` does), in
    order, with their offsets in characters. Arrow splits the texts; nothing is copied into
    Python strings, which would cost the build time on every pass over the corpus."""
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
    return pa.table(
        {
            "article_id": ids.take(pc.list_parent_indices(pieces)),
            "paragraph": np.arange(len(text)) - first,
            "start": start,
            "stop": stop,
            "text": text,
        }
    ).cast(PARAGRAPHS_BASE)
