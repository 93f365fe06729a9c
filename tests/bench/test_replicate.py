"""bench/replicate.py over the seed build: the copies are laid out as the pipeline lays out a
build of their size (row groups of its sizes), so the dashboard benchmark reads what a real
build of that size would make it read."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyarrow.parquet as pq

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import replicate  # noqa: E402

from pipeline.runtime.parquet import GROUP_ROWS  # noqa: E402
from pipeline.stages.by_date import article_facets, entity_quotes, network_units  # noqa: E402


def test_copies_keep_the_pipeline_row_groups(seed_build: Path, tmp_path: Path, monkeypatch) -> None:
    # Four articles a group instead of 1,000, so that the seeds' copies fill several.
    monkeypatch.setitem(GROUP_ROWS, "articles", 4)
    out = tmp_path / "copies"
    manifest = replicate.replicate(seed_build, out, 20)
    articles = pq.ParquetFile(out / "articles.parquet").metadata
    assert manifest["tables"]["articles"]["rows"] == articles.num_rows == 20
    assert [articles.row_group(g).num_rows for g in range(articles.num_row_groups)] == [4] * 5
    quotes = pq.ParquetFile(out / "quotes.parquet").metadata
    assert quotes.num_rows == 4 * pq.ParquetFile(seed_build / "quotes.parquet").metadata.num_rows
    assert quotes.num_row_groups == 1 and quotes.num_rows <= GROUP_ROWS["quotes"]
    # Copies shifted back in time come after the newer ones, as a build lays out by date.
    for name in ("quotes", "events", "mentions", "country_mentions"):
        dates = pq.read_table(out / f"{name}.parquet", columns=["published"])["published"]
        dated = [d for d in dates.to_pylist() if d is not None]
        assert dated == sorted(dated, reverse=True) and len(set(d.year for d in dated)) >= 4
    # Each copy of an article has a key of its own, and every table's rows carry their copy's.
    keyed = pq.read_table(out / "articles.parquet", columns=["article_id", "article_key"])
    keys = dict(zip(*keyed.to_pydict().values(), strict=True))
    assert sorted(keys.values()) == list(range(20))
    keyed_tables = ("quotes", "entity_quotes", "events", "mentions", "country_mentions")
    for name in (*keyed_tables, "article_entities", "network_units"):
        rows = pq.read_table(out / f"{name}.parquet", columns=["article_id", "article_key"])
        assert all(keys[a] == k for a, k in zip(*rows.to_pydict().values(), strict=True))
    # The events' sentences by the days they name, which the copies shift back too.
    days = pq.read_table(out / "event_sentences.parquet", columns=["date_start"])["date_start"]
    named = [d for d in days.to_pylist() if d is not None]
    assert len(days) == 4 * pq.ParquetFile(seed_build / "events.parquet").metadata.num_rows
    assert named == sorted(named) and len(set(d.year for d in named)) >= 4
    # The tables the build writes from others (quotes by entity, the Network's units, the
    # articles' facets): the copies' equal what the build's stage writes from the copies.
    rewritten = tmp_path / "rewritten"
    rewritten.mkdir()
    derived = (
        (entity_quotes, "entity_quotes", ("quotes",)),
        (network_units, "network_units", ("mentions", "country_mentions")),
        (article_facets, "article_facets", ("article_topics", "articles")),
    )
    for stage, name, inputs in derived:
        for source in inputs:
            shutil.copy(out / f"{source}.parquet", rewritten / f"{source}.parquet")
        stage(rewritten)
        copied = pq.read_table(out / f"{name}.parquet")
        assert copied.equals(pq.read_table(rewritten / f"{name}.parquet")), name
        seeds = pq.ParquetFile(seed_build / f"{name}.parquet").metadata.num_rows
        assert copied.num_rows == 4 * seeds, name
    # The articles' texts copied as the articles are: the same ids, dates and texts, in order.
    columns = ["article_id", "published", "title", "source", "text"]
    texts = pq.read_table(out / "article_texts.parquet")
    assert texts.equals(pq.read_table(out / "articles.parquet", columns=columns))
    # Each word of the vocabulary is in every copy of its articles.
    vocabulary = {
        r["word"]: r["articles"] for r in pq.read_table(out / "vocabulary.parquet").to_pylist()
    }
    source = pq.read_table(seed_build / "vocabulary.parquet").to_pylist()
    assert vocabulary == {r["word"]: 4 * r["articles"] for r in source}
