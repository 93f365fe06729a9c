"""The furniture evaluation's sample: 200 paragraphs drawn uniformly (seeded) from every
paragraph of a corpus, each with its article's title and neighbouring paragraphs.

The corpus is not ours to redistribute, so only the labels are committed
(`bench/labels/furniture_<sample>.tsv`: the paragraph's key, a digest of its text, its label); this
script draws the same sample again from the corpus, and `bench/eval_ingest.py` joins the labels
to it. `--write FILE` writes the sample as JSON lines for labelling by hand.

Usage: python bench/furniture_sample.py [--corpus ../shared/corpora/news_unified.jsonl.gz]
       [--write sample.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.text import paragraphs_of

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/news_unified.jsonl.gz"
#: The sample the rules were tuned on, and a held-out one they were scored on afterwards.
SEEDS = {"tuning": 20261203, "held-out": 20261204}
SIZE = 200


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def articles(corpus: Path) -> Iterator[tuple[int, dict, list[str]]]:
    """(line, row, paragraphs) of every row of the corpus with a text."""
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            row = json.loads(line)
            if paragraphs := paragraphs_of(row.get("text") or ""):
                yield number, row, paragraphs


def sample(corpus: Path, name: str = "tuning", size: int = SIZE) -> list[dict]:
    """`size` paragraphs drawn uniformly from all of the corpus's with the seed of the sample
    `name` (SEEDS), in corpus order."""
    every = [(n, i) for n, _row, ps in articles(corpus) for i in range(len(ps))]
    chosen = set(random.Random(SEEDS[name]).sample(every, size))
    drawn = []
    for number, row, paragraphs in articles(corpus):
        for index, text in enumerate(paragraphs):
            if (number, index) in chosen:
                drawn.append(
                    {
                        "key": f"{number}:{index}",
                        "digest": digest(text),
                        "source": row.get("source"),
                        "title": row.get("title"),
                        "before": paragraphs[max(0, index - 2) : index],
                        "paragraph": text,
                        "after": paragraphs[index + 1 : index + 3],
                        "article": paragraphs,
                        "index": index,
                    }
                )
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", choices=list(SEEDS), default="tuning")
    parser.add_argument("--write", type=Path, help="write the sample as JSON lines")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"No corpus at {args.corpus}; pass --corpus PATH.", file=sys.stderr)
        return 2
    drawn = sample(args.corpus, args.sample)
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for item in drawn:
                shown = {k: v for k, v in item.items() if k not in ("article", "index")}
                out.write(json.dumps(shown, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} paragraphs drawn ({args.sample}, seed {SEEDS[args.sample]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
