"""Derive the verbs whose subject makes or holds a statement named by a noun of statement
(pipeline/nlp/data/statement_verbs.tsv) from the news corpus: 'эксперты сходятся во мнении,
что', 'X выступил с заявлением', 'X придерживается мнения', against the verbs that answer
someone else's statement ('опроверг сообщения о том, что', 'отреагировал на заявление X',
'поддержал мнение').

Every place where a verb (finite, infinitive, participle or gerund; not a cue verb of the
lexicon, which is the cue itself) governs a noun of statement of the cue lexicon
(pipeline/nlp/data/speech_cues.tsv) in word order is counted: the verb, then at most a
preposition and adjectives or pronouns, then the noun. The noun is *owned* when a genitive
noun phrase or a possessive of the third person names whose statement it is ('заявление
Путина', 'его слова'). A verb that answers a statement answers someone else's, so the corpus
mostly names its owner; a verb that makes or holds one makes its subject's own ('выступил со
своим заявлением' counts as unowned), so its noun is seldom owned. A verb is kept when the
corpus shows it with a noun of statement at least MIN_HITS times and the noun owned in at most
MAX_OWNED of them.

Usage: python bench/statement_verbs.py [--corpus ../shared/corpora/news_unified.jsonl.gz]
       [--out pipeline/nlp/data/statement_verbs.tsv]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline.nlp.cues import cue_forms, cue_nouns, cue_verbs
from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import morph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import DEFAULT_CORPUS, articles, require  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pipeline" / "nlp" / "data" / "statement_verbs.tsv"
MIN_HITS = 10
MAX_OWNED = 0.25
HEADER = (
    "# Verbs whose subject makes or holds a statement, made by bench/statement_verbs.py from\n"
    "# the news corpus: lemma, nouns of statement it governs, how many of them owned\n"
)
_WORD = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_POSSESSIVE = frozenset({"его", "ее", "их"})
_BETWEEN = frozenset({"ADJF", "PRTF", "NPRO", "PREP"})


def _first(word: str):  # -> pymorphy2 Parse
    return morph()(word.lower())[0]


def _owned(tokens: list[str], noun: int) -> bool:
    """Whether a genitive noun phrase follows the noun ('заявление Путина', 'мнения
    американского политолога') or a possessive of the third person stands before it."""
    if noun > 0 and key(tokens[noun - 1]) in _POSSESSIVE:
        return True
    k = noun + 1
    while k < len(tokens) and _first(tokens[k]).tag.POS in ("ADJF", "PRTF"):
        k += 1
    if k >= len(tokens) or not tokens[k][:1].isalpha():
        return False
    parses = morph()(tokens[k].lower())
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses) or (
        tokens[k][:1].isupper() and not parses[0].is_known
    )


def _governor(tokens: list[str], noun: int) -> str | None:
    """The lemma of the verb that governs the noun in word order: right before it, past at
    most a preposition and adjectives or pronouns ('выступил с таким заявлением')."""
    k = noun - 1
    while k >= 0 and noun - k <= 3 and tokens[k][:1].isalpha():
        parse = _first(tokens[k])
        if parse.tag.POS in ("VERB", "INFN", "GRND", "PRTF") and parse.tag.POS != "PRTF":
            return key(parse.normal_form)
        if parse.tag.POS not in _BETWEEN:
            return None
        k -= 1
    return None


def count(corpus: Path) -> tuple[Counter, Counter]:
    """Per verb lemma: the nouns of statement it governs, and how many of them are owned."""
    seen: Counter = Counter()
    owned: Counter = Counter()
    forms, nouns, verbs = cue_forms(), cue_nouns(), cue_verbs()
    for _id, text in articles(corpus):
        tokens = _WORD.findall(text)
        for i, word in enumerate(tokens):
            if key(word) not in forms:
                continue
            parse = _first(word)
            if parse.tag.POS != "NOUN" or key(parse.normal_form) not in nouns:
                continue
            verb = _governor(tokens, i)
            if verb is None or verb in verbs:
                continue
            seen[verb] += 1
            owned[verb] += _owned(tokens, i)
    return seen, owned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    seen, owned = count(require(args.corpus))
    kept = sorted(v for v, n in seen.items() if n >= MIN_HITS and owned[v] <= MAX_OWNED * n)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for verb in kept:
            f.write(f"{verb}\t{seen[verb]}\t{owned[verb]}\n")
    print(f"{len(kept)} of {len(seen)} verbs to {args.out}")
    for verb, n in seen.most_common(60):
        print(f"{verb}\t{n}\t{owned[verb]}\t{'kept' if verb in kept else ''}")


if __name__ == "__main__":
    main()
