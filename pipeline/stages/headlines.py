"""Rows in headlines: an article's headline is paragraph 0 of its text when it has one
(`articles.title_stop` > 0), so a row's paragraph says whether it lies there."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc


def mark_headlines(table: pa.Table, headlines: pa.Array) -> pa.Table:
    """`table` (with `article_id` and `paragraph`) with `in_headline`: True for its rows in
    paragraph 0 of the articles of `headlines` (the ids of the articles with a headline)."""
    in_headline = pc.and_(
        pc.equal(table["paragraph"], 0), pc.is_in(table["article_id"], value_set=headlines)
    )
    return table.append_column("in_headline", in_headline)
