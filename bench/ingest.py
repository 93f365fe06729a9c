"""Benchmark: ingest the shared 11.5k-article corpus (read, clean, de-duplicate, paragraphs).

Usage: python bench/ingest.py [--corpus PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.ingest.inputs import ingest
from pipeline.runtime.timer import Timer

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
    for _ in range(args.repeat):
        timer = Timer()
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            ingested = ingest([args.corpus], Path(tmp), progress=False, timer=timer)
        timings.append(time.perf_counter() - started)
    best = min(timings)
    articles = ingested.table["rows"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("corpus", str(args.corpus)),
        ("articles built", f"{articles:,}"),
        ("rejected (with reasons)", f"{len(ingested.rejected):,}"),
        (f"ingest seconds (best of {args.repeat})", f"{best:.2f}"),
        ("ingest seconds (all runs)", ", ".join(f"{t:.2f}" for t in timings)),
        ("articles / second", f"{articles / best:,.0f}"),
        ("peak RSS (MB)", f"{peak_mb:,.0f}"),
        *((f"  stage {name} (s)", f"{sec:.2f}") for name, sec in timer.seconds.items()),
        ("target", "ingestion < 30 s"),
    ]
    width = max(len(k) for k, _ in rows)
    print("\n".join(f"{k:<{width}}  {v}" for k, v in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
