"""Score quote extraction on our own held-out sample (bench/labels/quotes_sample.tsv), the tune
and check halves apart, with the measures of bench/eval_quotes.py computed by its functions.

The sentences are cut again from the corpus (bench/sample_quotes.py; the labels hold offsets
and digests only). By default the rules run as a build runs them, on the whole article with its
paragraphs and sentences (a quotation may open a sentence or more before its cue), and the
quotes whose cue is in the sentence are scored; `--context sentence` runs them on the sentence
alone, as a one-sentence, one-paragraph text, as the ADAQ sentences are run. A sentence's tokens are
razdel's, and a token's gold tag is that of the annotated span (content, source or cue) it
overlaps, else None. Rules are tuned on the tune half only; the check half is what we report.

The tuning batches (bench/sample_quotes.py's `BATCHES` after the first; the files
bench/labels/quotes_sample_tuneN.tsv, halves `tuneN`) are scored as tables of their own when
their files are there.

Usage: python bench/eval_quotes_own.py [--labels bench/labels/quotes_sample.tsv]
       [--tuneN bench/labels/quotes_sample_tuneN.tsv]   (one for each tuning batch)
       [--corpus ../shared/corpora/news_unified.jsonl.gz] [--context article|sentence]
       [--halves tune,tune2,...]   (while tuning: leaves the check half unscored)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from razdel import tokenize

from pipeline.nlp.speech import Speech, find_speech

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import DEFAULT_CORPUS, corpus_texts, layout, require  # noqa: E402
from eval_quotes import TAGS, count_sentence, new_counts, print_scores  # noqa: E402
from sample_quotes import DEFAULT_LABELS, TUNE_LABELS, load  # noqa: E402

#: Token F1 per half at the start of issue 26 (main 0559e85, rules run on the article).
BEFORE = {
    "tune": {"content": 0.784, "source": 0.748, "cue": 0.780},
    "check": {"content": 0.775, "source": 0.585, "cue": 0.728},
}
HALVES = ("tune", *TUNE_LABELS, "check")


def gold_tokens(
    text: str, spans: dict[str, list[tuple[int, int]]]
) -> tuple[list[tuple[int, int] | None], list[str]]:
    """razdel's tokens of a sentence (their spans) and the gold tag of each: the first of TAGS
    with an annotated span that the token overlaps, else 'None' (as ADAQ writes it)."""
    places: list[tuple[int, int] | None] = []
    golds = []
    for token in tokenize(text):
        places.append((token.start, token.stop))
        golds.append(
            next(
                (
                    tag
                    for tag in TAGS
                    if any(a < token.stop and token.start < b for a, b in spans[tag])
                ),
                "None",
            )
        )
    return places, golds


def cued_in(found: list[Speech], start: int, stop: int) -> list[Speech]:
    """The quotes whose cue is in the sentence text[start:stop]: a sentence inside a quotation
    whose cue is in another sentence has no quote of its own (the annotation convention, as in
    ADAQ), though the quote's content goes on through it; nor has a '— ' answer (`_dashed`)."""
    return [s for s in found if start <= s.cue_start and s.cue_stop <= stop and not _dashed(s)]


def _dashed(speech: Speech) -> bool:
    """An interview answer after a '— ' (its cue the dash, no source): the convention leaves
    such an answer without a cue untagged, as ADAQ does."""
    return speech.kind == "interview" and speech.source_start is None


def score_half(
    rows: list[dict], articles: dict[str, str] | None, before: dict[str, float] | None = None
) -> None:
    """Print the scores of `rows`, the rules run on their articles (`articles`) or, when None,
    on each sentence alone."""
    counts, detected = new_counts()
    speech: dict[str, list[Speech]] = {}
    tokens = 0
    for row in rows:
        places, golds = gold_tokens(row["text"], row)
        tokens += len(golds)
        if articles is None:
            count_sentence(row["text"], places, golds, counts, detected)
            continue
        article, start = articles[row["article_id"]], int(row["start"])
        if row["article_id"] not in speech:
            speech[row["article_id"]] = find_speech(article, *layout(article))
        found = cued_in(speech[row["article_id"]], start, int(row["stop"]))
        shifted = [(a + start, b + start) for a, b in places]
        count_sentence(article, shifted, golds, counts, detected, found)
    with_speech = sum(bool(row["content"]) for row in rows)
    print(f"{len(rows)} sentences ({with_speech} with speech), {tokens:,} tokens\n")
    print_scores(counts, detected, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    for name, path in TUNE_LABELS.items():
        parser.add_argument(f"--{name}", type=Path, default=path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--context", choices=("article", "sentence"), default="article")
    parser.add_argument("--halves", default=",".join(HALVES), help="comma-separated halves")
    args = parser.parse_args()
    halves = [h for h in HALVES if h in args.halves.split(",")]
    rows = load(args.labels, require(args.corpus))
    for name in TUNE_LABELS:
        if (batch := getattr(args, name)).exists():
            rows += load(batch, args.corpus)
    articles = corpus_texts(args.corpus) if args.context == "article" else None
    for half in (h for h in halves if any(row["half"] == h for row in rows)):
        print(f"\nOwn quotes sample, {half} half (rules run on the {args.context}): ", end="")
        before = BEFORE.get(half) if articles is not None else None
        score_half([row for row in rows if row["half"] == half], articles, before)


if __name__ == "__main__":
    main()
