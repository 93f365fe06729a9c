"""Benchmark: the entity stages (sentences, NER, normalisation, merging, countries) against
bare natasha (one `Doc` per article: segment, morph, syntax, NER, normalize), on articles of
the shared corpus. Each system runs in its own process; peak memory is sampled over that
process and its workers together.

Usage: python bench/entities.py [--corpus PATH] [--sample N] [--full [--save DIR]] [--workers N]

--save DIR keeps the whole-corpus paragraphs, mentions and country mentions for
bench/topics.py and bench/events.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rss = (
            next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            / 1024
        )
        children = [
            int(c)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for c in (task / "children").read_text().split()
        ]
    except (OSError, StopIteration):
        return 0.0
    return rss + sum(_tree_rss_mb(child) for child in children)


class PeakMemory(threading.Thread):
    """Samples the resident memory of this process tree (workers included) every 50 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))

    def __enter__(self) -> PeakMemory:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.join()


def run(system: str, path: Path, workers: int, save: Path | None = None) -> dict:
    """One system over the articles in `path`; timing excludes reading the file."""
    articles = pq.read_table(path)
    texts = articles.column("text").to_pylist()
    if system == "natasha":
        sys.path.insert(0, str(HERE))
        from baseline import natasha_spans

        natasha_spans("Прогрев моделей.")
        with PeakMemory() as memory:
            started = time.perf_counter()
            found = sum(len(natasha_spans(text)) for text in texts)
        seconds = time.perf_counter() - started
    else:
        from pipeline.harness import entity_tables
        from pipeline.runtime.engine import Engine
        from pipeline.stages.paragraphs import build_paragraphs

        paragraphs = build_paragraphs(articles)  # for --save
        with PeakMemory() as memory:
            started = time.perf_counter()
            tables = entity_tables(articles, engine=Engine(workers), progress=True)
            found = tables["mentions"].num_rows
        seconds = time.perf_counter() - started
        if save:
            save.mkdir(parents=True, exist_ok=True)
            pq.write_table(paragraphs, save / "paragraphs.parquet")
            for name in ("mentions", "country_mentions"):
                pq.write_table(tables[name], save / f"{name}.parquet")
    return {
        "seconds": seconds,
        "articles": len(texts),
        "chars": sum(map(len, texts)),
        "mentions": found,
        "rss_mb": memory.peak_mb,
    }


def _measure(system: str, path: Path, workers: int, save: Path | None = None) -> dict:
    command = [sys.executable, __file__, "--run", system, "--input", str(path)]
    command += ["--save", str(save)] if save else []
    out = subprocess.run(
        [*command, "--workers", str(workers)], check=True, stdout=subprocess.PIPE, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _row(label: str, r: dict) -> str:
    return (
        f"{label:<34} {r['articles']:>8,} {r['chars'] / r['seconds']:>10,.0f} "
        f"{r['articles'] / r['seconds']:>7.1f} {r['seconds']:>8.1f} {r['mentions']:>9,} "
        f"{r['rss_mb']:>8,.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=300, help="articles both systems run on")
    parser.add_argument("--full", action="store_true", help="also run ours on the whole corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--save", type=Path, help="keep whole-corpus tables for later benches")
    parser.add_argument("--run", choices=("ours", "natasha"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(args.run, args.input, args.workers, args.save)))
        return 0
    if not args.corpus.is_file():
        print(f"Corpus not found: {args.corpus}. Pass --corpus PATH.", file=sys.stderr)
        return 2
    from pipeline.harness import read_articles

    articles = read_articles([args.corpus]).select(["article_id", "text"])
    # A fixed, spread-out sample: every k-th article, so all sources are represented.
    step = max(1, articles.num_rows // args.sample)
    sample = articles.take(pa.array(range(0, articles.num_rows, step))[: args.sample])
    with tempfile.TemporaryDirectory() as tmp:
        pq.write_table(sample, Path(tmp) / "sample.parquet")
        results = [
            ("bare natasha (1 process)", _measure("natasha", Path(tmp) / "sample.parquet", 1)),
            (
                f"ours ({args.workers} workers)",
                _measure("ours", Path(tmp) / "sample.parquet", args.workers),
            ),
        ]
        if args.full:
            pq.write_table(articles, Path(tmp) / "all.parquet")
            results.append(
                (
                    f"ours, whole corpus ({args.workers} workers)",
                    _measure("ours", Path(tmp) / "all.parquet", args.workers, args.save),
                )
            )
    print(
        f"\ncorpus: {args.corpus} ({articles.num_rows:,} articles after ingestion); "
        f"sample: every {step}th article; {os.cpu_count()} cores"
    )
    print(
        f"{'system':<34} {'articles':>8} {'chars/s':>10} {'art/s':>7} {'seconds':>8} "
        f"{'mentions':>9} {'peak RSS MB':>8}"
    )
    for label, r in results:
        print(_row(label, r))
    natasha, ours = results[0][1], results[1][1]
    speedup = (ours["articles"] / ours["seconds"]) / (natasha["articles"] / natasha["seconds"])
    print(
        f"\nspeed-up over bare natasha on the sample: {speedup:.2f}x (target >= 2.5x); "
        "peak RSS (the process and its workers together) target < 2,000 MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
