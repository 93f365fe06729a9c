"""Benchmark: the speech (quotes) and dates stages against the NER stage on the same sample of
corpus articles, as shares of their per-article time (issue 26: speech and dates together under
10% of the per-article NLP time). Models are loaded and warmed before timing.

Prints, for a seeded sample of articles: each stage's seconds and milliseconds per article, the
share of speech + dates in the time of the three (NER mentions, speech, dates), and how many
sentences the speech stage gave the syntax parser and its time.

Usage: python bench/speech_speed.py [--corpus PATH] [--articles 500] [--seed 26]
Run it with PYTHONPATH pointing at another checkout to time that checkout's stages.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"
WARM_UP = 5


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def count_syntax() -> dict[str, float]:
    """Wrap the speech stage's syntax parser to count its sentences and time (when it has one)."""
    import pipeline.nlp.speech as speech

    tally = {"sentences": 0, "seconds": 0.0}
    parse = getattr(speech, "parse_syntax", None)
    if parse is None:
        return tally

    def counted(sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
        started = time.perf_counter()
        found = parse(sentences)
        tally["seconds"] += time.perf_counter() - started
        tally["sentences"] += len(sentences)
        return found

    speech.parse_syntax = counted
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"Corpus not found: {args.corpus}. Pass --corpus PATH.", file=sys.stderr)
        return 2

    from pipeline.harness import read_articles
    from pipeline.stages.events import find_dates
    from pipeline.stages.mentions import extract_mentions
    from pipeline.stages.paragraphs import build_paragraphs
    from pipeline.stages.quotes import find_speech_table
    from pipeline.stages.sentences import build_sentences

    every = read_articles([args.corpus])
    picked = sorted(random.Random(args.seed).sample(range(every.num_rows), args.articles))
    warm, articles = every.take(picked[:WARM_UP]), every.take(picked[WARM_UP:])
    stages = {
        "NER mentions": lambda a, p, s: extract_mentions(a, s),
        "speech": find_speech_table,
        "dates": lambda a, p, s: find_dates(a, s),
    }
    for table in (warm, articles):
        paragraphs = build_paragraphs(table)
        sentences = build_sentences(paragraphs)
        if table is warm:
            for run in stages.values():
                run(table, paragraphs, sentences)
            syntax = count_syntax()
    seconds = {
        name: timed(lambda r=run: r(articles, paragraphs, sentences))
        for name, run in stages.items()
    }
    n = articles.num_rows
    print(f"{n} articles, {sentences.num_rows:,} sentences (seed {args.seed})\n")
    print("| stage | seconds | ms per article |")
    print("|---|---|---|")
    for name, value in seconds.items():
        print(f"| {name} | {value:.2f} | {1000 * value / n:.1f} |")
    share = (seconds["speech"] + seconds["dates"]) / sum(seconds.values())
    print(f"\nspeech + dates: {share:.1%} of the three stages' time")
    print(
        f"syntax parser: {syntax['sentences']:,} sentences, {syntax['seconds']:.2f} s "
        f"({syntax['seconds'] / max(seconds['speech'], 1e-9):.0%} of the speech stage)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
