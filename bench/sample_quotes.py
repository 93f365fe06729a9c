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

Batch 2 (`sheet --batch 2`, a second tuning set): with the seed SEED2, 200 more sentences are
drawn from the eligible sentences with a speech word that are not in the first sample (by text),
all of them in the half `tune2`; its labels go to bench/labels/quotes_sample_tune2.tsv.
Batch 3 (`sheet --batch 3`, a third tuning set) does the same with the seed SEED3, leaving out
the first sample and batch 2: half `tune3`, labels in bench/labels/quotes_sample_tune3.tsv.
Batch 4 (`sheet --batch 4`, a fourth tuning set, scored before any rule was written from it)
draws with the seed SEED4, leaving out batches 1 to 3, SIZE4 sentences as the first sample was
drawn: half with a speech word, half from the other eligible sentences at random; half
`tune4`, labels in bench/labels/quotes_sample_tune4.tsv.
Batch 5 (`sheet --batch 5`, a fifth tuning set, scored before any rule was written from it)
is drawn as batch 4 with the seed SEED5, leaving out batches 1 to 4: SIZE5 sentences, half
`tune5`, labels in bench/labels/quotes_sample_tune5.tsv.
Batch 6 (`sheet --batch 6`, a sixth tuning set, scored before any rule was written from it)
is drawn as batch 4 with the seed SEED6, leaving out batches 1 to 5: SIZE6 sentences, half
`tune6`, labels in bench/labels/quotes_sample_tune6.tsv.
Batch 7 (`sheet --batch 7`, a seventh tuning set, scored before any rule was written from it)
is drawn as batch 4 with the seed SEED7, leaving out batches 1 to 6: SIZE7 sentences, half
`tune7`, labels in bench/labels/quotes_sample_tune7.tsv.
Batch 8 (`sheet --batch 8`, an eighth tuning set, scored before any rule was written from it)
is drawn as batch 4 with the seed SEED8, leaving out batches 1 to 7: SIZE8 sentences, half
`tune8`, labels in bench/labels/quotes_sample_tune8.tsv.

Usage: python bench/sample_quotes.py sheet [--batch 1|2|3|4|5|6|7|8] [--corpus PATH] [--out SHEET]
       python bench/sample_quotes.py labels SHEET [--out bench/labels/quotes_sample.tsv]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections.abc import Iterable
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
SEED = 2026_26
SEED2 = 2026_28
SEED3 = 2026_29
SEED4 = 2026_30
SEED5 = 2026_31
SEED6 = 2026_32
SEED7 = 2026_33
SEED8 = 2026_34
TUNE2_LABELS = LABELS / "quotes_sample_tune2.tsv"
TUNE3_LABELS = LABELS / "quotes_sample_tune3.tsv"
TUNE4_LABELS = LABELS / "quotes_sample_tune4.tsv"
TUNE5_LABELS = LABELS / "quotes_sample_tune5.tsv"
TUNE6_LABELS = LABELS / "quotes_sample_tune6.tsv"
TUNE7_LABELS = LABELS / "quotes_sample_tune7.tsv"
TUNE8_LABELS = LABELS / "quotes_sample_tune8.tsv"
SIZE = 200
#: Batch 4's size: half with a speech word, half at random.
SIZE4 = 160
#: Batch 5's to batch 8's sizes, drawn as batch 4.
SIZE5 = SIZE6 = SIZE7 = SIZE8 = 100
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


def draw(sentences: list[Sentence], forms: frozenset[str]) -> list[tuple[str, Sentence]]:
    """(stratum, sentence): SIZE with a speech word, then SIZE of the rest at random."""
    rng = random.Random(SEED)
    lexical = [s for s in sentences if has_speech_word(s.text, forms)]
    first = rng.sample(lexical, SIZE)
    taken = set(first)
    second = rng.sample([s for s in sentences if s not in taken], SIZE)
    return [("lexicon", s) for s in first] + [("random", s) for s in second]


def draw_more(
    sentences: list[Sentence],
    forms: frozenset[str],
    taken: list[tuple[str, Sentence]],
    seed: int,
) -> list[tuple[str, Sentence]]:
    """(stratum, sentence): SIZE more with a speech word drawn with `seed`, none with the text
    of one in `taken` (the sentences drawn before)."""
    texts = {s.text for _, s in taken}
    lexical = [s for s in sentences if has_speech_word(s.text, forms) and s.text not in texts]
    return [("lexicon", s) for s in random.Random(seed).sample(lexical, SIZE)]


def draw_mixed(
    sentences: list[Sentence],
    forms: frozenset[str],
    taken: list[tuple[str, Sentence]],
    seed: int,
    size: int = SIZE4,
) -> list[tuple[str, Sentence]]:
    """(stratum, sentence): size // 2 with a speech word, then as many of the other eligible
    sentences at random (as `draw` drew the first sample), drawn with `seed`; none with the
    text of one in `taken`."""
    texts = {s.text for _, s in taken}
    fresh = [s for s in sentences if s.text not in texts]
    lexical = [s for s in fresh if has_speech_word(s.text, forms)]
    rng = random.Random(seed)
    first = rng.sample(lexical, size // 2)
    chosen = set(first)
    second = rng.sample([s for s in fresh if s not in chosen], size - size // 2)
    return [("lexicon", s) for s in first] + [("random", s) for s in second]


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
    make.add_argument("--batch", type=int, choices=(1, 2, 3, 4, 5, 6, 7, 8), default=1)
    make.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    make.add_argument("--out", type=Path, default=Path("quotes_sheet.tsv"))
    read = commands.add_parser("labels", help="read a judged sheet into the label file")
    read.add_argument("sheet", type=Path)
    read.add_argument("--out", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    if args.command == "sheet":
        sentences = eligible(split(articles(require(args.corpus))))
        drawn = draw(sentences, lexicon_forms())
        batches = [drawn]
        for seed in (SEED2, SEED3)[: args.batch - 1]:
            batches.append(draw_more(sentences, lexicon_forms(), sum(batches, []), seed))
        mixed = ((SEED4, SIZE4), (SEED5, SIZE5), (SEED6, SIZE6), (SEED7, SIZE7), (SEED8, SIZE8))
        for seed, size in mixed[: max(args.batch - 3, 0)]:
            batches.append(draw_mixed(sentences, lexicon_forms(), sum(batches, []), seed, size))
        tag = f"tune{args.batch}" if args.batch > 1 else None
        write_sheet(batches[-1], args.out, tag)
        print(f"{len(sentences):,} eligible sentences; {len(drawn)} drawn to {args.out}")
    else:
        rows = sheet_to_labels(args.sheet)
        write_labels(rows, args.out)
        speech = sum(bool(r["content"]) for r in rows)
        print(f"{len(rows)} sentences ({speech} with speech) to {args.out}")


if __name__ == "__main__":
    main()
