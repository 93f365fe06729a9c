"""Derive a broad lexicon of Russian verbs and nouns of speech from a dictionary: the Russian
Wiktionary as packaged offline by `wiki-ru-wordnet` (its SQLite file of senses, glosses and
hypernyms; `pip install -e '.[lexicon]'`).

A sense is of speech when its gloss is headed by a word already known to be of speech: starting
from a small seed set (SEEDS), a verb or noun enters the lexicon in a round when one of its
senses names a word known before that round as the synonym ('{{=|...}}'), the verb of an action
noun ('{{действие|...}}') or a hypernym ('гиперонимы=...'), or has it among the first words of
its gloss (its genus; GENUS says how many in each round). Senses labelled archaic, regional,
slang or of a special field (BAD_LABELS) do not count. Only single-word verbs (infinitives) and
nouns, by pymorphy2's first reading, are kept. The output is one lemma a line with its part of
speech, the round it entered in and the gloss word it came by, so that a reader can see why
each word is there. Rerun it to regenerate bench/labels/speech_lexicon.txt (pinned package
version: wiki-ru-wordnet 1.0.3).

This list draws the speech-rich half of the own quotes sample (bench/sample_quotes.py); it is
derived, not written from the pipeline's cue list (pipeline/nlp/speech.py), and is broader.

Usage: python bench/speech_lexicon.py [--out bench/labels/speech_lexicon.txt]
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pipeline.nlp.models import morph

DEFAULT_OUT = Path(__file__).resolve().parent / "labels" / "speech_lexicon.txt"
#: The documented starting point: the plainest verbs and nouns of saying and stating.
_SEED_WORDS = """сказать говорить сообщить сообщать заявить заявлять произнести произносить
высказать высказывать высказаться высказываться высказывание заявление речь мнение"""
SEEDS = frozenset(_SEED_WORDS.split())
#: How many leading words of a gloss are its head (the genus of the definition), in each round
#: of growth after the seeds: three words next to a seed ('громко произнести'), then none (only
#: the synonym, action-noun and hypernym templates); looser rounds drift away from speech
#: ('повести речь' brings 'начать', and 'начать' 'заболеть').
GENUS = (3, 0)
#: Sense labels whose senses do not count: register (archaic, regional, slang, rude) and
#: special fields (a linguistic or legal term is not how news reports speech).
_BAD_LABEL_WORDS = """устар. обл. жарг. прост. обсц. вульг. сленг диал. нар.-поэт. поэт.
    эррат. местн. рег. крим. бран. груб. детск. шутл. ирон. лингв. грам. муз. театр. комп. матем.
    юр. спец. астрон. экон. информ. физ. хим. мед. биол. церк. религ. истор. спорт. воен. техн.
    неол. редк. эвф. фам. пренебр. презр. уничиж. мор. охот. филос. психол."""
BAD_LABELS = frozenset(_BAD_LABEL_WORDS.split())
_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?")


def database() -> Path:
    """The packaged Wiktionary database, or exit with how to install it."""
    try:
        import wiki_ru_wordnet
    except ImportError:
        sys.exit("wiki-ru-wordnet is not installed: pip install -e '.[lexicon]'")
    return Path(wiki_ru_wordnet.__file__).parent / "database" / "wikiwordnet.db"


def senses(path: Path) -> list[tuple[str, str]]:
    """(lemma, gloss) of every sense: the definition's gloss field, its examples cut off."""
    rows = sqlite3.connect(path).execute("select lemma, definition from synsets").fetchall()
    return [(lemma, gloss_of(definition)) for lemma, definition in rows]


def gloss_of(definition: str) -> str:
    """The gloss of a stored definition ('lemma~ru~lemma~ru~GLOSS {{пример|...}}~n~m'),
    without its examples."""
    fields = definition.split("~")
    gloss = fields[4] if len(fields) > 4 else definition
    return gloss.split("{{пример", 1)[0]


def labels(gloss: str) -> set[str]:
    """The labels of a sense ('{{устар.|ru}}' -> 'устар.'), each of a label's comma parts."""
    found = set()
    for template in _TEMPLATE.findall(gloss):
        name = template.split("|", 1)[0].strip()
        found |= {part.strip() for part in name.split(",")}
    return found


def heads(gloss: str, genus: int) -> set[str]:
    """The words that head a gloss, lemmatised: its first `genus` words, and the words that its
    synonym, action-noun and hypernym templates name."""
    named = []
    for template in _TEMPLATE.findall(gloss):
        parts = template.split("|")
        if parts[0] in ("=", "действие") and len(parts) > 1:
            named.append(parts[1])
        for part in parts:
            if part.startswith("гиперонимы="):
                named += part.removeprefix("гиперонимы=").split(",")
    plain = _TEMPLATE.sub(" ", gloss).replace("[[", " ").replace("]]", " ")
    plain = re.sub(r"\[\[[^]|]*\|", " ", plain)
    words = _WORD.findall(plain.lower())[:genus] + [w.strip().lower() for w in named]
    return {lemma_of(word) for word in words if word}


def lemma_of(word: str) -> str:
    parses = morph()(word)
    return parses[0].normal_form if parses else word


def grow(entries: list[tuple[str, str]]) -> dict[str, tuple[int, str]]:
    """lemma -> (round, the head word it came by) for the seeds and a round of growth for each
    GENUS width; only verbs and nouns grow the lexicon."""
    usable = [
        (lemma, gloss)
        for lemma, gloss in entries
        if not labels(gloss) & BAD_LABELS and part_of_speech(lemma)
    ]
    found = {seed: (0, "seed") for seed in SEEDS}
    for round_, genus in enumerate(GENUS, 1):
        known = set(found)
        for lemma, gloss in usable:
            via = sorted(heads(gloss, genus) & known)
            if via and lemma not in found:
                found[lemma] = (round_, via[0])
    return found


@cache
def part_of_speech(lemma: str) -> str | None:
    """'verb' for an infinitive, 'noun' for a noun (pymorphy2's first reading), else None."""
    if not _WORD.fullmatch(lemma):
        return None
    parses = morph()(lemma)
    if not parses or parses[0].normal_form != lemma:
        return None
    return {"INFN": "verb", "NOUN": "noun"}.get(parses[0].tag.POS)


def lines(found: dict[str, tuple[int, str]]) -> Iterable[str]:
    yield "# lemma\tpart of speech\tround\tvia: the gloss word it came by (speech_lexicon.py)"
    for lemma in sorted(found):
        pos = part_of_speech(lemma)
        if pos:
            round_, via = found[lemma]
            yield f"{lemma}\t{pos}\t{round_}\t{via}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    found = grow(senses(database()))
    text = "\n".join(lines(found)) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 1} lemmas to {args.out}")


if __name__ == "__main__":
    main()
