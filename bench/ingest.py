"""Benchmark: build the shared 11.5k-article corpus end to end and print the numbers.

Usage: python bench/ingest.py [--corpus PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.build import build

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/news_unified.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"Corpus not found: {args.corpus}. Pass --corpus PATH.", file=sys.stderr)
        return 2
    timings = []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.repeat):
            started = time.perf_counter()
            manifest = build([args.corpus], Path(scratch) / "data", progress=False)
            timings.append(time.perf_counter() - started)
    best = min(timings)
    articles = manifest["tables"]["articles"]["rows"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("corpus", str(args.corpus)),
        ("articles built", f"{articles:,}"),
        ("rejected (with reasons)", f"{len(manifest['rejected']):,}"),
        ("paragraphs", f"{manifest['tables']['paragraphs']['rows']:,}"),
        (f"build seconds (best of {args.repeat})", f"{best:.2f}"),
        ("build seconds (all runs)", ", ".join(f"{t:.2f}" for t in timings)),
        ("articles / second", f"{articles / best:,.0f}"),
        ("peak RSS (MB)", f"{peak_mb:,.0f}"),
        *((f"  stage {name} (s)", f"{sec:.2f}") for name, sec in manifest["seconds"].items()),
        ("target", "ingestion < 30 s"),
    ]
    width = max(len(k) for k, _ in rows)
    print("\n".join(f"{k:<{width}}  {v}" for k, v in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
