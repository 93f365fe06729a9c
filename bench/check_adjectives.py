"""Collision check of the country adjectives and demonyms (`pipeline/nlp/data/adjectives.tsv`):
for each stem, the corpus's words it links (as `pipeline.nlp.gazetteer.adjectives` matches
them, longest stem first) with their counts. A word is flagged ("!") when none of its pymorphy
normal forms starts with a stem of the same country (a surname "Финнеган" under "финн") or when
a normal form names a place (the country "Белоруссия" under "белорус"): judge those by hand, and
make the stem longer or list its forms whole.

    python bench/check_adjectives.py [--corpus PATH] [--min N] [STEM ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bench.corpus_sentences import DEFAULT_CORPUS, articles, require
from pipeline.nlp.gazetteer import adjectives, key, places, read_tsv
from pipeline.nlp.models import morph


def linked_words(texts: Iterable[str]) -> Counter[str]:
    """How often each lower-case word links to a country as an adjective or demonym."""
    return Counter(key(text[start:stop]) for text in texts for start, stop, _ in adjectives(text))


def stem_of(word: str, stems: list[str]) -> str:
    """The stem that matched `word`: the longest one it starts with (`stems` longest first),
    as the gazetteer's alternation prefers."""
    return next(stem for stem in stems if word.startswith(stem))


def doubt(word: str, own: list[str], parse) -> str:
    """Why `word` may not be the adjective or demonym of its country ('' when it looks right):
    `own` are that country's stems, `parse` a pymorphy analyser."""
    forms = {key(p.normal_form) for p in parse(word)}
    if named := sorted(f for f in forms if f in places()):
        return "names a place: " + ", ".join(named)
    if not any(form.startswith(stem) for form in forms for stem in own):
        return "normal form " + ", ".join(sorted(forms))
    return ""


def report(counts: Counter[str], only: set[str], least: int) -> None:
    """Print each stem (or those in `only`) with its words of at least `least` occurrences."""
    rows = [(stem, alpha3) for stem, alpha3, *_city in read_tsv("adjectives.tsv")]
    country = dict(rows)
    stems = sorted(country, key=len, reverse=True)
    by_stem: dict[str, Counter[str]] = {stem: Counter() for stem in country}
    for word, count in counts.items():
        by_stem[stem_of(word, stems)][word] = count
    parse = morph()
    for stem, alpha3 in rows:
        if only and stem not in only:
            continue
        words = by_stem[stem]
        own = [s for s, c in rows if c == alpha3]
        print(f"{stem}\t{alpha3}\t{words.total()}")
        for word, count in words.most_common():
            if count >= least:
                why = doubt(word, own, parse)
                print(f"  {'!' if why else ' '} {count:6d} {word}  {why}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stems", nargs="*", help="only these stems (default: all)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min", type=int, default=1, help="least count of a word to print")
    args = parser.parse_args()
    texts = (text for _, text in articles(require(args.corpus)))
    report(linked_words(texts), set(args.stems), args.min)


if __name__ == "__main__":
    main()
