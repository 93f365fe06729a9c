"""Derive the nouns of a document (pipeline/nlp/data/document_nouns.tsv) from the news corpus:
the nouns something is said to be written in. A noun is kept when the corpus shows it at least
MIN_HITS times as the place of an impersonal verb of writing, 'говорится в <noun, locative>',
'сказано в <noun>' or '<в noun> говорится' (up to two adjectives before the noun: 'говорится
в совместном заявлении'), read by pymorphy2 as an inanimate noun in the locative. 'говорится'
and 'сказано' take what is written, not a body ('сообщается в министерстве' is a place, 'в
министерстве говорится' is rare), so the frame names papers: a report, a telegram, a forecast.

The output lists each lemma with its count, so that a reader sees why it is there. Rerun it to
regenerate the file (the corpus is not in the repo).

Usage: python bench/document_nouns.py [--corpus ../shared/corpora/news_unified.jsonl.gz]
       [--out pipeline/nlp/data/document_nouns.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.getcwd())

from pipeline.nlp.models import morph  # noqa: E402

MIN_HITS = 3
#: The least share of a noun's occurrences in the corpus that are in the frame: a word with
#: many other uses ('решение', 'программа', 'результат') is not a paper's name.
MIN_SHARE = 0.02
_VERB = r"(?:говорится|сказано)"
_PLACE = r"во?\s+((?:[а-яё-]+\s+){0,2}?[а-яё-]+)"
_FRAMES = (
    re.compile(rf"(?i)\b{_VERB}\s+(?:же\s+|также\s+|и\s+)?{_PLACE}\b"),
    re.compile(rf"(?i)(?<![\w-]){_PLACE}\s+(?:же\s+|также\s+)?{_VERB}\b"),
)


def document_noun(words: str) -> str | None:
    """The lemma of the first inanimate noun in the locative among up to three words."""
    for word in words.split():
        parse = morph()(word.lower())[0]
        if parse.tag.POS == "NOUN":
            fits = parse.tag.case == "loct" and "inan" in parse.tag
            return parse.normal_form if fits else None
    return None


def count(corpus: Path) -> tuple[Counter[str], Counter[str]]:
    """How often each noun is in the frame, and how often each word is in the corpus."""
    found: Counter[str] = Counter()
    words: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            words.update(w.lower() for w in re.findall(r"[\w-]+", text))
            for frame in _FRAMES:
                for match in frame.finditer(text):
                    noun = document_noun(match.group(1))
                    if noun:
                        found[noun] += 1
    return found, words


def occurrences(noun: str, words: Counter[str]) -> int:
    """How often any form of the noun stands in the corpus."""
    forms = {
        form.word
        for parse in morph()(noun)
        if parse.normal_form == noun and parse.tag.POS == "NOUN"
        for form in parse.lexeme
    }
    return sum(words[form] for form in forms)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="../shared/corpora/news_unified.jsonl.gz")
    parser.add_argument("--out", default="pipeline/nlp/data/document_nouns.tsv")
    args = parser.parse_args()
    found, words = count(Path(args.corpus))
    kept = []
    for noun, hits in found.items():
        total = occurrences(noun, words)
        if hits >= MIN_HITS and hits >= MIN_SHARE * total:
            kept.append((-hits, noun, total))
    header = (
        "# Nouns of a document, made by bench/document_nouns.py from the news corpus: the\n"
        f"# place of 'говорится в' / 'сказано в' at least {MIN_HITS} times and in {MIN_SHARE:.0%}\n"
        "# of the noun's occurrences. lemma<TAB>frame count<TAB>corpus count\n"
    )
    rows = "".join(f"{w}\t{-n}\t{t}\n" for n, w, t in sorted(kept))
    Path(args.out).write_text(header + rows, encoding="utf-8")
    print(f"{len(kept)} nouns -> {args.out}")


if __name__ == "__main__":
    main()
