"""Benchmark: the speech (quotes) and dates stages against the per-article NLP time on the same
sample of corpus articles (issue 26: speech and dates together under 10% of the per-article NLP
time). Models are loaded and warmed before timing; everything runs on one BLAS thread, as each
of the build's workers does (with a thread per core on a busy machine, NER ran several times
slower: docs/benchmarks.md).

Prints, for a seeded sample of articles:
- the three stages (NER mentions, speech, dates) each run once over the whole sample: seconds,
  milliseconds per article, and the share of speech + dates in the time of the three;
- the build's per-article analyse stage (`analyse_chunk`: furniture, sentences, NER, dates,
  country adjectives, lemmas, words, speech) on chunks of TASK_ARTICLES articles, as a build's
  worker runs it: each stage's time, the whole stage's, and the share of speech + dates in it;
- how many sentences the speech stage gave the syntax parser and its time.

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

import pyarrow as pa
from threadpoolctl import threadpool_limits

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"
WARM_UP = 5


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def count_syntax() -> dict[str, float]:
    """Wrap the speech stage's syntax parser to count its sentences and time (when it has one)."""
    import pipeline.nlp.speech.sentence as speech  # the module that calls the parser

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


def timed_registry(seconds: dict[str, float]) -> dict:
    """The per-article stages of the registry, each adding its time to `seconds[name]`."""
    from dataclasses import replace

    from pipeline.stages.registry import PER_ARTICLE

    def clocked(name: str, find: Callable[..., object]) -> Callable[..., object]:
        def run(*tables: object) -> object:
            started = time.perf_counter()
            found = find(*tables)
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
            return found

        return run

    return {name: replace(s, find=clocked(name, s.find)) for name, s in PER_ARTICLE.items()}


def time_analyse(warm: pa.Table, articles: pa.Table) -> dict[str, float]:
    """Seconds of each per-article stage and of the whole analyse stage ("analyse"), over
    `articles` in chunks of TASK_ARTICLES, as a build's worker analyses them."""
    import pipeline.stages.analyse as analyse

    seconds: dict[str, float] = {}
    analyse.PER_ARTICLE = timed_registry(seconds)
    analyse.analyse_chunk(warm, analyse.PER_ARTICLE)
    seconds.clear()
    for offset in range(0, articles.num_rows, analyse.TASK_ARTICLES):
        chunk = articles.slice(offset, analyse.TASK_ARTICLES)
        spent = timed(lambda c=chunk: analyse.analyse_chunk(c, analyse.PER_ARTICLE))
        seconds["analyse"] = seconds.get("analyse", 0.0) + spent
    return seconds


def print_table(seconds: dict[str, float], n: int) -> None:
    print("| stage | seconds | ms per article |")
    print("|---|---|---|")
    for name, value in seconds.items():
        print(f"| {name} | {value:.2f} | {1000 * value / n:.1f} |")


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
    from pipeline.stages.analyse import TASK_ARTICLES
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
    with threadpool_limits(1):
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
        parsed = dict(syntax)
        whole = time_analyse(warm, articles)
    n = articles.num_rows
    print(f"{n} articles, {sentences.num_rows:,} sentences (seed {args.seed}), one BLAS thread\n")
    print("The three stages, each over the whole sample:\n")
    print_table(seconds, n)
    share = (seconds["speech"] + seconds["dates"]) / sum(seconds.values())
    print(f"\nspeech + dates: {share:.1%} of the three stages' time")
    print(
        f"syntax parser: {parsed['sentences']:,} sentences, {parsed['seconds']:.2f} s "
        f"({parsed['seconds'] / max(seconds['speech'], 1e-9):.0%} of the speech stage)\n"
    )
    print(f"The build's per-article analyse stage, {TASK_ARTICLES} articles a task:\n")
    print_table(whole, n)
    share = (whole["speech"] + whole["dates"]) / whole["analyse"]
    print(f"\nspeech + dates: {share:.1%} of the per-article analyse stage's time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
