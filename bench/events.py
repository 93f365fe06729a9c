"""Benchmark: the events stage (date expressions) on the whole shared corpus. Prints its time,
peak memory and what it found: events per granularity and relation, and how many are resolved.

Usage: python bench/events.py [--corpus PATH] [--data DIR] [--sample N [--stages]]

--sample N runs on N articles drawn with a fixed seed instead of the whole corpus; --stages then
also times every per-article stage on them, as a build's workers run them, and prints the share
of the per-article time that the date and speech stages take.

--data DIR adds `mentions.parquet` and `country_mentions.parquet` from DIR (what
`bench/entities.py --full --save DIR` kept), so events are linked as in a real build; without
them the linking tables are empty.
"""

from __future__ import annotations

import argparse
import dataclasses
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
    parser.add_argument("--stages", action="store_true", help="time every per-article stage")
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
    if args.stages:
        print_stage_times(articles)
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


def print_stage_times(articles) -> None:
    """Every per-article stage timed over `articles` in a build's task chunks (after one chunk
    that loads the models), and the date and speech stages' share of the total."""
    from pipeline.runtime.parquet import rechunk
    from pipeline.stages import analyse

    seconds: Counter = Counter()

    def timed(name, find):
        def run(*tables):
            started = time.perf_counter()
            found = find(*tables)
            seconds[name] += time.perf_counter() - started
            return found

        return run

    stages = dict(analyse.PER_ARTICLE)
    chunks = list(rechunk([articles], analyse.TASK_ARTICLES))
    analyse.analyse_chunk(chunks[0], stages)  # loads the models
    analyse.PER_ARTICLE = {
        name: dataclasses.replace(stage, find=timed(name, stage.find))
        for name, stage in stages.items()
    }
    try:
        for chunk in chunks:
            analyse.analyse_chunk(chunk, stages)
    finally:
        analyse.PER_ARTICLE = stages
    total = sum(seconds.values())
    print(f"per-article stages over {articles.num_rows:,} articles: {total:.1f} s")
    for name, value in seconds.most_common():
        print(f"  {name}: {value:.2f} s ({value / total:.1%})")
    share = (seconds["dates"] + seconds["speech"]) / total
    print(f"dates and speech together: {share:.1%} of the per-article time")


if __name__ == "__main__":
    raise SystemExit(main())
