"""Benchmark: end-to-end `obzor build` runs, each in its own process, with the peak resident
memory of the driver and of each worker sampled every 100 ms from /proc.

1. The whole shared corpus, `--workers 2`, with an empty cache: seconds, articles/s, memory.
2. Incremental: the same corpus plus one added article (seed 000), from the cache of (1).
3. The whole corpus without the cache: `--workers 1`, and `--engine dask` (a LocalCluster of 2
   workers), both against (1). (1) also writes the cache, about 1 s of its time.
4. With --copies K: the corpus replicated K times with distinct texts (in copy k every line ends
   with ' (копия k)', so each article and paragraph is new to the pipeline), built with
   `--workers 2`, and the dashboard opened on it in chromium.

Usage: python bench/build.py [--corpus PATH] [--copies K] [--work DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared/corpora/news_unified.jsonl.gz"


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    try:
        children = [
            int(c)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for c in (task / "children").read_text().split()
        ]
    except OSError:
        return []
    return children + [d for child in children for d in _descendants(child)]


class ProcessPeaks(threading.Thread):
    """Peak RSS of a process (the driver) and of each of its descendants (the workers)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peaks, self.tree_peak = pid, {}, 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            sizes = {pid: _rss_mb(pid) for pid in [self.pid, *_descendants(self.pid)]}
            for pid, size in sizes.items():
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), size)
            self.tree_peak = max(self.tree_peak, sum(sizes.values()))

    @property
    def driver_mb(self) -> float:
        return self.peaks.get(self.pid, 0.0)

    @property
    def worker_mb(self) -> float:
        return max((mb for pid, mb in self.peaks.items() if pid != self.pid), default=0.0)


def run_build(inputs: list[Path], out: Path, *options: str) -> dict:
    """One `obzor build` in its own process: its manifest, wall time and memory peaks."""
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "build",
        *map(str, inputs),
        "--out",
        str(out),
        "--quiet",
        *options,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    with_peaks = ProcessPeaks(process.pid)
    with_peaks.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    with_peaks.done.set()
    with_peaks.join()
    if process.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(command)}):\n{errors[-3000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    articles = manifest["tables"]["articles"]["rows"]
    return {
        "seconds": seconds,
        "articles": articles,
        "per_second": articles / seconds,
        "driver_mb": with_peaks.driver_mb,
        "worker_mb": with_peaks.worker_mb,
        "tree_mb": with_peaks.tree_peak,
        "manifest": manifest,
    }


def replicate_corpus(corpus: Path, out: Path, copies: int) -> Path:
    """`copies` copies of every article; in copy k > 0 every line ends with ' (копия k)', so its
    paragraphs are new texts too (a paragraph repeated in 3+ articles would be boilerplate to the
    topic stage, which would then have nothing to fit)."""
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as target:
        for k in range(copies):
            with gzip.open(corpus, "rt", encoding="utf-8") as source:
                for line in source:
                    row = json.loads(line)
                    if k:
                        row["id"] = f"{row.get('id')}#copy{k}"
                        row["text"] = "\n".join(
                            f"{line} (копия {k})" if line.strip() else line
                            for line in row["text"].split("\n")
                        )
                    target.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def _row(name: str, result: dict) -> str:
    return (
        f"| {name} | {result['articles']:,} | {result['seconds']:.1f} | "
        f"{result['per_second']:.1f} | {result['driver_mb']:,.0f} | "
        f"{result['worker_mb']:,.0f} | {result['tree_mb']:,.0f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=0, help="also build K copies (0: skip)")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench/builds")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"Corpus not found: {args.corpus}. Pass --corpus PATH.", file=sys.stderr)
        return 2
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    cache = args.work / "cache"
    results: list[tuple[str, dict]] = []

    def measure(name: str, inputs: list[Path], out: str, *options: str) -> dict:
        print(f"{name} ...", flush=True)
        results.append((name, run_build(inputs, args.work / out, *options)))
        print(_row(*results[-1]), flush=True)
        return results[-1][1]

    full = measure(
        "whole corpus, 2 workers, empty cache",
        [args.corpus],
        "full",
        "--workers",
        "2",
        "--cache",
        str(cache),
    )
    seed = next((ROOT / "seeds").glob("000_*.txt"))
    added = measure(
        "whole corpus + 1 article, from the cache",
        [args.corpus, seed],
        "added",
        "--workers",
        "2",
        "--cache",
        str(cache),
    )
    one = measure("whole corpus, 1 worker", [args.corpus], "one", "--workers", "1", "--no-cache")
    on_dask = measure(
        "whole corpus, Dask LocalCluster of 2",
        [args.corpus],
        "dask",
        "--engine",
        "dask",
        "--workers",
        "2",
        "--no-cache",
    )
    big = None
    if args.copies > 1:
        copies = replicate_corpus(args.corpus, args.work / "copies.jsonl.gz", args.copies)
        big = measure(
            f"corpus x {args.copies} (distinct texts), 2 workers",
            [copies],
            "big",
            "--workers",
            "2",
            "--no-cache",
        )

    print(
        "\n| build | articles | seconds | articles/s | driver peak MB | worker peak MB | "
        "all processes peak MB |\n|---|---|---|---|---|---|---|"
    )
    for name, result in results:
        print(_row(name, result))
    reused = added["manifest"]["cache"]
    print(
        f"\nIncremental rebuild: {added['seconds']:.1f} s = "
        f"{added['seconds'] / full['seconds']:.1%} of the full build (target <= 10%); "
        f"{reused['reused_articles']:,} articles reused, {reused['analysed_articles']:,} "
        f"analysed; stage seconds: {added['manifest']['seconds']}"
    )
    print(f"Scaling 1 -> 2 workers: {one['seconds'] / full['seconds']:.2f}x (target >= 1.7x)")
    print(
        f"Dask / local with 2 workers: {on_dask['seconds'] / full['seconds']:.2f} "
        "(target: within 15%, 0.85-1.15)"
    )
    peaks = [r["driver_mb"] for _, r in results] + [r["worker_mb"] for _, r in results]
    print(f"Largest peak of one process: {max(peaks):,.0f} MB (target < 2,000 MB)")
    if big is not None:
        ratio = max(big["driver_mb"], big["worker_mb"]) / max(full["driver_mb"], full["worker_mb"])
        print(
            f"Peak of one process, {big['articles']:,} vs {full['articles']:,} articles: "
            f"{ratio:.2f}x (target: within 20%)"
        )
        sys.path.insert(0, str(HERE))
        from app_speed import served

        opened = served(args.work / "big")
        print(
            f"Dashboard on the {big['articles']:,}-article build: Overview drawn in "
            f"{opened['pages']['overview']:.2f} s, every page opened, server peak "
            f"{opened['peak_rss_mb']:,.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
