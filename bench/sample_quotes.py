"""Our own held-out quotes sample (issue 26): 400 sentences of the shared news corpus, drawn
with a fixed seed, annotated by hand in ADAQ's convention (bench/labels/quotes_guide.md).

The corpus's sentences are cut as the pipeline cuts them (bench/corpus_sentences.py). Distinct
sentences (by text) of 5 to 80 words are eligible; 200 are drawn from those that contain any
form of a lemma of the dictionary-derived speech lexicon (bench/labels/speech_lexicon.txt, its
forms by pymorphy2), then 200 from all the other eligible ones at random.

`sheet` writes the sample as a TSV for annotation, with the sentence text (never committed: the
corpus is not ours to redistribute) and an empty `marked` column: the annotator copies the
sentence there with its spans marked, '{Q what was said}', '{S who said it}', '{C the cue}',
or writes '-' for a sentence without reported speech. `labels` reads a judged sheet back into
the committed label file: offsets and digests only, spans relative to the sentence.

The tuning batches (`sheet --batch N`, N > 1) are rows of `BATCHES`, each drawn with a seed
of its own from the eligible sentences that are in none of the batches before it (by text):
`lexicon` sentences with a speech word, then `random` of the other eligible ones at random (as
the first sample was drawn). Batches 2 and 3 have a speech word only; batch 4 on are half and
half, each scored before any rule was written from it. Batch N is the half `tuneN`; its labels
go to bench/labels/quotes_sample_tuneN.tsv.

Usage: python bench/sample_quotes.py sheet [--batch N] [--corpus PATH] [--out SHEET]
       python bench/sample_quotes.py labels SHEET [--out bench/labels/quotes_sample.tsv]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import (  # noqa: E402
    DEFAULT_CORPUS,
    Sentence,
    articles,
    corpus_texts,
    digest,
    format_spans,
    half,
    parse_spans,
    require,
    split,
    word_count,
)

from pipeline.nlp.gazetteer import key  # noqa: E402
from pipeline.nlp.models import word_forms  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels"
LEXICON = LABELS / "speech_lexicon.txt"
DEFAULT_LABELS = LABELS / "quotes_sample.tsv"


@dataclass(frozen=True)
class Batch:
    """How a batch was drawn: its seed, then how many sentences with a speech word (`lexicon`)
    and how many of the other eligible ones (`random`)."""

    seed: int
    lexicon: int
    random: int


#: The batches in the order drawn; batch 1 is the sample (its halves `tune` and `check`).
BATCHES = (
    Batch(2026_26, 200, 200),
    Batch(2026_28, 200, 0),
    Batch(2026_29, 200, 0),
    Batch(2026_30, 80, 80),
    Batch(2026_31, 50, 50),
    Batch(2026_32, 50, 50),
    Batch(2026_33, 50, 50),
    Batch(2026_34, 50, 50),
    Batch(2026_35, 50, 50),
    Batch(2026_36, 50, 50),
    Batch(2026_37, 50, 50),
    Batch(2026_38, 50, 50),
    Batch(2026_39, 50, 50),
    Batch(2026_40, 50, 50),
    Batch(2026_41, 50, 50),
    Batch(2026_42, 50, 50),
    Batch(2026_43, 50, 50),
    Batch(2026_44, 50, 50),
    Batch(2026_45, 50, 50),
    Batch(2026_46, 50, 50),
    Batch(2026_47, 50, 50),
    Batch(2026_48, 50, 50),
    Batch(2026_49, 50, 50),
)
#: The tuning batches' halves and label files: batch N is the half `tuneN`.
TUNE_LABELS = {
    f"tune{n}": LABELS / f"quotes_sample_tune{n}.tsv" for n in range(2, len(BATCHES) + 1)
}
MIN_WORDS, MAX_WORDS = 5, 80
TAGS = {"Q": "content", "S": "source", "C": "cue"}
SHEET = ["n", "stratum", "half", "article_id", "start", "stop", "digest", "text", "marked", "note"]
FIELDS = ["n", "stratum", "half", "article_id", "start", "stop", "digest", "content", "source"]
FIELDS += ["cue"]
_MARK = re.compile(r"\{([QSC]) |\}")
_WORDS = re.compile(r"\w+")


@cache
def lexicon_forms(path: Path = LEXICON) -> frozenset[str]:
    """Every form of every lemma of the speech lexicon, as `key` writes words."""
    lemmas = [
        line.split("\t", 1)[0]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return frozenset(key(form) for lemma in lemmas for form in word_forms(lemma)[1])


def has_speech_word(text: str, forms: frozenset[str]) -> bool:
    return not forms.isdisjoint(_WORDS.findall(key(text)))


def eligible(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Distinct sentences (the first of each text) of MIN_WORDS to MAX_WORDS words."""
    seen: set[str] = set()
    kept = []
    for s in sentences:
        if s.text not in seen and MIN_WORDS <= word_count(s.text) <= MAX_WORDS:
            seen.add(s.text)
            kept.append(s)
    return kept


def draw(
    sentences: list[Sentence], forms: frozenset[str], batch: Batch, taken: Iterable[Sentence] = ()
) -> list[tuple[str, Sentence]]:
    """(stratum, sentence): `batch.lexicon` sentences with a speech word, then `batch.random`
    of the others at random, drawn with `batch.seed`; none with the text of one in `taken`
    (the sentences drawn before)."""
    texts = {s.text for s in taken}
    fresh = [s for s in sentences if s.text not in texts]
    lexical = [s for s in fresh if has_speech_word(s.text, forms)]
    rng = random.Random(batch.seed)
    first = rng.sample(lexical, batch.lexicon)
    chosen = set(first)
    second = rng.sample([s for s in fresh if s not in chosen], batch.random)
    return [("lexicon", s) for s in first] + [("random", s) for s in second]


def draw_batches(sentences: list[Sentence], number: int) -> list[list[tuple[str, Sentence]]]:
    """The first `number` batches of `BATCHES`, each leaving out the ones before it."""
    batches: list[list[tuple[str, Sentence]]] = []
    for batch in BATCHES[:number]:
        taken = [s for drawn in batches for _, s in drawn]
        batches.append(draw(sentences, lexicon_forms(), batch, taken))
    return batches


def write_sheet(drawn: list[tuple[str, Sentence]], out: Path, tag: str | None = None) -> None:
    """The sheet to annotate; `tag`, when given, is every sentence's half."""
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(SHEET)
        for n, (stratum, s) in enumerate(drawn, 1):
            writer.writerow(
                [
                    n,
                    stratum,
                    tag or half(s.text),
                    s.article_id,
                    s.start,
                    s.stop,
                    digest(s.text),
                    s.text,
                ]
                + ["", ""]
            )


def parse_marked(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The plain text of a marked sentence and its spans by tag: '{S Он} {C сказал}, {Q что
    ...}.' -> ('Он сказал, что ....', {'source': [(0, 2)], ...}). Marks do not nest."""
    spans: dict[str, list[tuple[int, int]]] = {tag: [] for tag in TAGS.values()}
    plain: list[str] = []
    length, opened, at = 0, None, 0
    for m in _MARK.finditer(marked):
        plain.append(marked[at : m.start()])
        length += m.start() - at
        at = m.end()
        if m.group(1):
            if opened:
                raise ValueError(f"nested mark at {m.start()}: {marked!r}")
            opened = (TAGS[m.group(1)], length)
        else:
            if not opened:
                raise ValueError(f"unopened '}}' at {m.start()}: {marked!r}")
            spans[opened[0]].append((opened[1], length))
            opened = None
    if opened:
        raise ValueError(f"unclosed mark: {marked!r}")
    plain.append(marked[at:])
    return "".join(plain), spans


def sheet_to_labels(sheet: Path) -> list[dict]:
    """The label rows of a judged sheet; every sentence must be judged, and its marked text
    must be its text."""
    rows = []
    with sheet.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            marked = row["marked"].strip()
            if not marked:
                raise ValueError(f"sentence {row['n']} is not judged")
            spans = {tag: [] for tag in TAGS.values()}
            if marked != "-":
                plain, spans = parse_marked(row["marked"])
                if plain != row["text"]:
                    raise ValueError(f"sentence {row['n']}: the marked text is not the text")
            rows.append(
                {name: row[name] for name in FIELDS[:7]}
                | {tag: format_spans(spans[tag]) for tag in ("content", "source", "cue")}
            )
    return rows


def write_labels(rows: list[dict], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def load(labels: Path, corpus: Path) -> list[dict]:
    """The label rows with each sentence's text cut again from the corpus (`text`) and the
    spans parsed; exits when a sentence's text no longer matches its digest."""
    texts = corpus_texts(corpus)
    rows = []
    with labels.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            article = texts.get(row["article_id"])
            text = article[int(row["start"]) : int(row["stop"])] if article else None
            if text is None or digest(text) != row["digest"]:
                sys.exit(f"Sentence {row['n']} of {labels} is not in {corpus} as it was.")
            rows.append(
                row | {"text": text} | {tag: parse_spans(row[tag]) for tag in TAGS.values()}
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("sheet", help="draw the sample and write a sheet to annotate")
    make.add_argument("--batch", type=int, choices=range(1, len(BATCHES) + 1), default=1)
    make.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    make.add_argument("--out", type=Path, default=Path("quotes_sheet.tsv"))
    read = commands.add_parser("labels", help="read a judged sheet into the label file")
    read.add_argument("sheet", type=Path)
    read.add_argument("--out", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    if args.command == "sheet":
        sentences = eligible(split(articles(require(args.corpus))))
        drawn = draw_batches(sentences, args.batch)[-1]
        write_sheet(drawn, args.out, f"tune{args.batch}" if args.batch > 1 else None)
        print(f"{len(sentences):,} eligible sentences; {len(drawn)} drawn to {args.out}")
    else:
        rows = sheet_to_labels(args.sheet)
        write_labels(rows, args.out)
        speech = sum(bool(r["content"]) for r in rows)
        print(f"{len(rows)} sentences ({speech} with speech) to {args.out}")


if __name__ == "__main__":
    main()
