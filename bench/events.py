"""Benchmark: the events stage (date expressions) on the whole shared corpus. Prints its time,
peak memory and what it found: events per granularity and relation, and how many are resolved.

Usage: python bench/events.py [--corpus PATH] [--data DIR] [--sample N]

--sample N runs on N articles drawn with a fixed seed instead of the whole corpus. The share of
the per-article time that the date and speech stages take is bench/speech_speed.py's.

--data DIR adds `mentions.parquet` and `country_mentions.parquet` from DIR (what
`bench/entities.py --full --save DIR` kept), so events are linked as in a real build; without
them the linking tables are empty.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--data", type=Path, help="directory with mentions, country_mentions")
    parser.add_argument("--sample", type=int, help="only N articles, drawn with a fixed seed")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"Corpus not found: {args.corpus}. Pass --corpus PATH.", file=sys.stderr)
        return 2

    sys.path.insert(0, str(HERE))
    from entities import PeakMemory

    from pipeline.harness import read_articles
    from pipeline.schema import COUNTRY_MENTIONS, MENTIONS
    from pipeline.stages.events import build_events, find_dates
    from pipeline.stages.paragraphs import build_paragraphs
    from pipeline.stages.sentences import build_sentences

    articles = read_articles([args.corpus])
    if args.sample:
        drawn = random.Random(20260026).sample(range(articles.num_rows), args.sample)
        articles = articles.take(sorted(drawn))
    sentences = build_sentences(build_paragraphs(articles))
    linked = {}
    for name, schema in (("mentions", MENTIONS), ("country_mentions", COUNTRY_MENTIONS)):
        path = (args.data or Path("/nonexistent")) / f"{name}.parquet"
        linked[name] = pq.read_table(path) if path.is_file() else schema.empty_table()

    with PeakMemory() as memory:
        started = time.perf_counter()
        dates = find_dates(articles, sentences, progress=True)
        events = build_events(
            articles, sentences, dates, linked["mentions"], linked["country_mentions"]
        )
        seconds = time.perf_counter() - started
    rows = events.to_pylist()
    chars = sum(map(len, articles.column("text").to_pylist()))
    print(
        f"\nevents over {articles.num_rows:,} articles, {sentences.num_rows:,} sentences "
        f"({chars:,} characters); linking tables: "
        f"{', '.join(f'{k} {v.num_rows:,}' for k, v in linked.items())}"
    )
    print(
        f"events stage: {seconds:.1f} s ({chars / seconds:,.0f} chars/s), "
        f"peak RSS {memory.peak_mb:,.0f} MB"
    )
    dated = sum(r["date_start"] is not None for r in rows)
    with_articles = len({r["article_id"] for r in rows})
    print(
        f"{len(rows):,} events in {with_articles:,} articles; {dated / max(len(rows), 1):.1%} "
        f"resolved to dates"
    )
    for column in ("granularity", "relation"):
        counts = Counter(r[column] for r in rows)
        print(f"{column}: " + ", ".join(f"{k} {v:,}" for k, v in counts.most_common()))
    linked_share = sum(bool(r["entity_ids"]) for r in rows) / max(len(rows), 1)
    print(f"events with an entity in their sentence: {linked_share:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
