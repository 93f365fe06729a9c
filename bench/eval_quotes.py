"""Evaluate quote extraction against ADAQ's Russian sentences (`eval/quotes/adaq_ru_*_half.tsv`).

Each sentence goes through the pipeline's rules (pipeline.nlp.speech.find_speech) as a one-sentence,
one-paragraph text. Gold tokens carry a tag: source (who speaks), cue (the verb or phrase that
reports), content (what was said) or None. A token counts as found content (source, cue) when it
overlaps a content (source, cue) span the rules give; content spans are first widened to ADAQ's
convention, which tags the quotation marks and a leading 'что' as content (`as_tagged`). Scores are
token-level precision, recall and F1 per tag, over every token of every sentence; a sentence-level
line says how many of the sentences with gold content the rules find any quote in, and how many
sentences without gold content they find one in anyway.

Usage: python bench/eval_quotes.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.nlp.speech import Speech, find_speech

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
TAGS = ("content", "source", "cue")
QUOTE_MARKS = '«»„“”"'


def read(directory: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(sentence, [(token, gold tag)]) of each ADAQ sentence, in file order."""
    with (directory / "adaq_ru_sentences_half.tsv").open(encoding="utf-8", newline="") as f:
        sentences = {
            row["sentence_id"]: row["sentences"] for row in csv.DictReader(f, delimiter="\t")
        }
    tokens: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    with (directory / "adaq_ru_tokens_half.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tokens[row["sentence_num"]].append(
                (int(row["index_of_token_sent"]), row["text"], row["tags"])
            )
    return [
        (text, [(t, tag) for _i, t, tag in sorted(tokens[sid])]) for sid, text in sentences.items()
    ]


def token_spans(text: str, tokens: list[str]) -> list[tuple[int, int] | None]:
    """Where each token is in `text`, searching on from the previous one (None if not found)."""
    spans: list[tuple[int, int] | None] = []
    at = 0
    for token in tokens:
        found = text.find(token, at)
        if found < 0:
            spans.append(None)
            continue
        spans.append((found, found + len(token)))
        at = found + len(token)
    return spans


def as_tagged(text: str, start: int, stop: int) -> tuple[int, int]:
    """A content span as ADAQ tags content: with its quotation marks and a leading 'что' (the
    pipeline keeps what was said without them), also one an aside follows ('что, по его
    мнению, ...', whose comma the pipeline trims)."""
    before = text[:start].rstrip()
    that = before.rstrip(" ,").lower()
    if before.endswith(tuple(QUOTE_MARKS)):
        start = len(before) - 1
    elif that.endswith("что"):
        start = len(that) - 3
    after = len(text[stop:]) - len(text[stop:].lstrip(" ,"))
    if text[stop + after : stop + after + 1] in QUOTE_MARKS and stop + after < len(text):
        stop += after + 1
    return start, stop


def predicted_tags(
    text: str, found: list[Speech], spans: list[tuple[int, int] | None]
) -> list[set[str]]:
    """The tags the rules give each token: every tag whose span it overlaps (a source inside
    the cue phrase, 'По его словам', is not the cue: `Speech.cue_spans`; the comma before an
    apposition is not the source: `source_spans`; a cue and source inside the content are not
    content: `Speech.content_spans`)."""
    regions = [
        (tag, start, stop)
        for s in found
        for tag, start, stop in (
            *(("content", *as_tagged(text, *content)) for content in s.content_spans(text)),
            *(("cue", *cue) for cue in s.cue_spans()),
            *(("source", *source) for source in source_spans(text, s)),
        )
        if start is not None
    ]
    return [
        {tag for tag, start, stop in regions if span and span[0] < stop and start < span[1]}
        for span in spans
    ]


def source_spans(text: str, speech: Speech) -> list[tuple[int, int]]:
    """The source as the annotation convention tags it: a name and its apposition are two
    spans, the comma between them untagged ('{S Ганс Мюллер}, {S посол Германии}'); the
    pipeline's one source span holds both and the comma."""
    start, stop = speech.source_start, speech.source_stop
    if start is None or stop is None:
        return []
    pieces = [(start, stop)]
    while (comma := text.find(",", pieces[-1][0], stop)) >= 0:
        a = pieces.pop()[0]
        pieces += [(a, comma), (comma + 1, stop)]
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def new_counts() -> tuple[dict[str, Counter], Counter]:
    """Empty tallies: per tag, tokens by (gold, found); sentences by (gold content, found)."""
    return {tag: Counter() for tag in TAGS}, Counter()


def count_sentence(
    text: str,
    spans: list[tuple[int, int] | None],
    golds: list[str],
    counts: dict[str, Counter],
    detected: Counter,
    found: list[Speech] | None = None,
) -> None:
    """Add a sentence's tokens (`spans` in `text`, with their `golds` tags) and the sentence to
    the tallies, scored against the quotes `found` in `text`; by default the rules run on the
    sentence alone (`text`, as a one-sentence, one-paragraph text)."""
    if found is None:
        found = find_speech(text, [(0, len(text))], [(0, len(text))])
    for gold, tags in zip(golds, predicted_tags(text, found, spans), strict=True):
        for tag in TAGS:
            counts[tag][(gold == tag, tag in tags)] += 1
    detected[("content" in golds, bool(found))] += 1


#: Token F1 of content, source and cue at the start of issue 26 (main 0559e85), printed beside
#: today's: the ADAQ half here, our own sample's halves in eval_quotes_own.py.
BEFORE = {"adaq": {"content": 0.898, "source": 0.719, "cue": 0.816}}


def print_scores(
    counts: dict[str, Counter], detected: Counter, before: dict[str, float] | None = None
) -> None:
    """The token table (precision, recall and F1 per tag, and F1 `before`) and the
    sentence-level line."""
    before = before or {}
    print("| tokens | gold | found | precision | recall | F1 | F1 before |")
    print("|---|---|---|---|---|---|---|")
    for tag in TAGS:
        c = counts[tag]
        hit, gold, found = (
            c[True, True],
            c[True, True] + c[True, False],
            c[True, True] + c[False, True],
        )
        precision, recall = hit / max(found, 1), hit / max(gold, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        was = f"{before[tag]:.3f}" if tag in before else "-"
        print(f"| {tag} | {gold} | {found} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {was} |")
    with_gold = detected[(True, True)] + detected[(True, False)]
    without = detected[(False, True)] + detected[(False, False)]
    print(
        f"\nSentences with gold content: {detected[(True, True)]} of {with_gold} get a quote; "
        f"without: {detected[(False, True)]} of {without} get one."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    directory = args.shared / "eval" / "quotes"
    if not directory.is_dir():
        sys.exit(f"No gold quotes in {directory}; pass --shared DIR (the folder with eval/).")
    data = read(directory)
    counts, detected = new_counts()
    unplaced = 0
    started = time.perf_counter()
    for text, tokens in data:
        spans = token_spans(text, [t for t, _tag in tokens])
        unplaced += sum(span is None for span in spans)
        count_sentence(text, spans, [tag for _t, tag in tokens], counts, detected)
    seconds = time.perf_counter() - started
    print(
        f"ADAQ (Russian half): {len(data)} sentences, "
        f"{sum(len(t) for _s, t in data):,} tokens ({unplaced} not placed in their sentence); "
        f"{seconds:.2f} s\n"
    )
    print_scores(counts, detected, BEFORE["adaq"])


if __name__ == "__main__":
    main()
