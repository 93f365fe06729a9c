"""Agreement of two annotations of the same quotes sentences (issue 26): annotator A's labels
as gold, B's as the prediction, scored with the measures of bench/eval_quotes.py.

Both files are label files of bench/sample_quotes.py (offsets and digests only); B may hold a
subset of A's sentences (matched by `n` and digest). Each sentence's tokens are razdel's and a
token's tag is that of the span it overlaps (bench/eval_quotes_own.py's `gold_tokens`), for A
and for B alike. Printed: the token table per field (precision, recall and F1 of B against A)
and the sentences where A and B differ in presence: one has content and the other none, or one
has any span (a cue and source without content included) and the other none. `--show` prints
each sentence that differs in any span, both markings, for sorting the disagreements by hand.

Usage: python bench/agree_quotes.py A_LABELS B_LABELS [--corpus PATH] [--show]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import DEFAULT_CORPUS, require  # noqa: E402
from eval_quotes import TAGS, new_counts, print_scores  # noqa: E402
from eval_quotes_own import gold_tokens  # noqa: E402
from sample_quotes import load  # noqa: E402

MARKS = {"content": "Q", "source": "S", "cue": "C"}


def paired(a_labels: Path, b_labels: Path, corpus: Path) -> list[tuple[dict, dict]]:
    """(A's row, B's row) of every sentence B annotated; exits if a digest differs."""
    a_rows = {row["n"]: row for row in load(a_labels, corpus)}
    pairs = []
    for b in load(b_labels, corpus):
        a = a_rows.get(b["n"])
        if a is None or a["digest"] != b["digest"]:
            sys.exit(f"Sentence {b['n']} of {b_labels} is not in {a_labels}.")
        pairs.append((a, b))
    return pairs


def marked(row: dict) -> str:
    """The sentence with its spans marked as the annotation sheets mark them, or '-'."""
    spans = sorted((a, b, MARKS[tag]) for tag in TAGS for a, b in row[tag])
    if not spans:
        return "-"
    out, at = [], 0
    for a, b, mark in spans:
        out += [row["text"][at:a], f"{{{mark} {row['text'][a:b]}}}"]
        at = b
    return "".join([*out, row["text"][at:]])


def agreement(pairs: list[tuple[dict, dict]]) -> None:
    """Print the token table of B against A and the presence disagreements."""
    counts, detected = new_counts()
    for a, b in pairs:
        places, golds = gold_tokens(a["text"], a)
        _, found = gold_tokens(b["text"], b)
        for gold, tag_b in zip(golds, found, strict=True):
            for tag in TAGS:
                counts[tag][(gold == tag, tag_b == tag)] += 1
        detected[(bool(a["content"]), bool(b["content"]))] += 1
    print(f"{len(pairs)} sentences; A has content in {sum(bool(a['content']) for a, _ in pairs)}")
    print("(B against A as gold; 'get a quote' below: B has content)\n")
    print_scores(counts, detected)
    for label, has in (("content", lambda r: bool(r["content"])), ("any span", _any)):
        only_a = [a["n"] for a, b in pairs if has(a) and not has(b)]
        only_b = [a["n"] for a, b in pairs if has(b) and not has(a)]
        print(f"Presence of {label}: A only {len(only_a)} {only_a}, B only {len(only_b)} {only_b}")


def _any(row: dict) -> bool:
    return any(row[tag] for tag in TAGS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a_labels", type=Path)
    parser.add_argument("b_labels", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print the sentences that differ")
    args = parser.parse_args()
    pairs = paired(args.a_labels, args.b_labels, require(args.corpus))
    agreement(pairs)
    if args.show:
        for a, b in pairs:
            if any(a[tag] != b[tag] for tag in TAGS):
                print(f"\n{a['n']}\nA {marked(a)}\nB {marked(b)}")


if __name__ == "__main__":
    main()
