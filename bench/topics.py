"""Benchmark: the topic stage on the whole shared corpus. Prints its time and peak memory, the
chosen K with every candidate's scores, mean NPMI coherence and the topic list.

Usage: python bench/topics.py [--data DIR [--cache CACHE] | --corpus PATH] [--workers N]

--data DIR reads `paragraphs.parquet` and `mentions.parquet` from DIR (a build, or what
`bench/entities.py --full --save DIR` kept), so person names are masked as in a real build.
With --cache CACHE too (the build's article cache), the stage runs as `obzor build` runs it:
over DIR's articles read back with their cached lemmas, raw mentions and page furniture (the
articles the cache lacks for this code's version are analysed first, and counted; the results
of other code versions in the cache are left alone). Without --data the corpus is ingested and
no names are masked.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="directory with paragraphs and mentions")
    parser.add_argument("--cache", type=Path, help="the build's article cache (with --data)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from entities import PeakMemory

    from pipeline.runtime.engine import Engine
    from pipeline.schema import MENTIONS, PARAGRAPHS_BASE
    from pipeline.stages.topics.model import build_topics

    if args.data and args.cache:
        found, seconds, memory, missing = as_built(args.data, args.cache, Engine(args.workers))
        if missing:
            print(f"{missing:,} articles were not in the cache for this code: analysed first")
        where = f"the articles of {args.data} as built (cache {args.cache})"
        _report(found, where, seconds, memory, args.workers)
        return 0
    if args.data:
        paragraphs = pq.read_table(args.data / "paragraphs.parquet", columns=PARAGRAPHS_BASE.names)
        mentions = pq.read_table(args.data / "mentions.parquet")
        where = f"{args.data} (person names masked)"
    elif args.corpus.is_file():
        from pipeline.harness import read_articles
        from pipeline.stages.paragraphs import build_paragraphs

        paragraphs = build_paragraphs(read_articles([args.corpus]))
        mentions = MENTIONS.empty_table()
        where = f"{args.corpus} (no mentions: person names not masked)"
    else:
        print(
            f"Corpus not found: {args.corpus}. Pass --corpus PATH or --data DIR.", file=sys.stderr
        )
        return 2

    with PeakMemory() as memory:
        started = time.perf_counter()
        found = build_topics(
            [(paragraphs, mentions, None)], engine=Engine(args.workers), progress=True
        )
        seconds = time.perf_counter() - started
    _report(found, f"{paragraphs.num_rows:,} paragraphs of {where}", seconds, memory, args.workers)
    return 0


def as_built(data: Path, cache: Path, engine) -> tuple:
    """The topic stage over the build in `data` as the build runs it (`find_topics` over its
    corpus, the per-article tables from `cache`), timed apart from reading the corpus back;
    returns what it found, its seconds and peak memory, and how many articles the cache lacked
    (analysed first)."""
    import tempfile

    from entities import PeakMemory

    from pipeline.stages.analyse import analysed
    from pipeline.stages.topics.corpus import find_topics

    with tempfile.TemporaryDirectory(prefix="obzor-bench-topics-") as tmp:
        articles = Path(tmp) / "articles.parquet"  # sorted by id, as the build's scratch copy
        pq.write_table(pq.read_table(data / "articles.parquet").sort_by("article_id"), articles)
        corpus, account = analysed(articles, cache, engine=engine, prune=False)
        with PeakMemory() as memory:
            started = time.perf_counter()
            found = find_topics(corpus, k=None, engine=engine, progress=True, memo=None)
            seconds = time.perf_counter() - started
    return found, seconds, memory, account["analysed_articles"]


def _report(found, where: str, seconds: float, memory, workers: int) -> None:
    """Print the stage's time and memory, the choice of K and the topic list."""
    model = found.model
    print(f"\ntopics over {where}; {workers} workers")
    print(f"topic stage: {seconds:.1f} s (target < 60 s), peak RSS {memory.peak_mb:,.0f} MB")
    print(
        f"chosen K = {model['k']} by {model['chosen_by']}; mean NPMI {model['mean_coherence']}; "
        f"vocabulary {model['vocabulary']:,} lemmas; {model['fitting_paragraphs']:,} paragraphs "
        f"shaped the model, {model['boilerplate_paragraphs']:,} boilerplate"
    )
    print(
        f"paragraphs with a topic of their own {model['own_topic_share']:.1%}, "
        f"unassigned {model['unassigned_share']:.2%} (target <= 5%)"
    )
    print(f"\n{'K':>4} {'coherence':>10} {'reach':>8}")
    for c in model["candidates"]:
        mark = "  <- chosen" if c["k"] == model["k"] else ""
        print(f"{c['k']:>4} {c['coherence']:>10.4f} {c['reach']:>8.4f}{mark}")
    print(f"\n{'id':>3} {'paragraphs':>10} {'share':>6} {'NPMI':>6}  label")
    for t in found.topics.to_pylist():
        print(
            f"{t['topic_id']:>3} {t['size']:>10,} {t['share']:>6.1%} {t['coherence']:>6.3f}  "
            f"{t['label']}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
