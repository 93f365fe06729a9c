"""Derive the pipeline's cue lexicon (pipeline/nlp/data/speech_cues.tsv) from the dictionary lexicon
of speech (bench/labels/speech_lexicon.txt, Wiktionary via wiki-ru-wordnet) by how each word is
used in the news corpus: a cue must introduce what was said, so a word is kept only when the
corpus shows it in the frames of reported speech often enough.

Candidates: every verb and noun of the dictionary lexicon; the verbs of the pipeline's earlier
hand list (`FORMER_VERBS`, kept as candidates because this Wiktionary glosses отметить,
подчеркнуть, добавить, пояснить, утверждать without a word of speech at their head); and, for
each candidate verb, its reflexive partner as pymorphy2 knows it ('сообщать' -> 'сообщаться',
the impersonal 'сообщается, что'), and, for each imperfective candidate verb, its perfective
partner by the prefix по- when pymorphy2 knows it as a perfective verb ('делиться' ->
'поделиться', 'жаловаться' -> 'пожаловаться': the commonest way Russian makes the perfective of
a verb of speech; the dictionary lexicon often lists one aspect only). Every candidate passes
the same test:

- a verb (any form pymorphy2 gives it: finite, infinitive, participle, gerund) is a cue when at
  least MIN_HITS of its corpus occurrences, and at least MIN_SHARE of them, introduce a clause
  or a quotation: followed, within MAX_GAP words, by ', что' or ':', or preceded by a closing
  quotation mark and a dash ('», — заявил');
- a noun is a cue when at least MIN_HITS of its occurrences, and MIN_NOUN_SHARE of them (a
  noun has many other uses), are the parenthesis 'по [его|её|их] <noun, dative> [genitive
  words],' at the start of a sentence or after a comma ('по словам министра,', 'по его
  мнению,'), or 'в <noun, locative>' beside an impersonal (reflexive) candidate verb ('в
  заявлении говорится', 'говорится в сообщении');
- a reflexive partner is a cue only when its base verb is one ('складывается, что' is not);
- a verb the dictionary lexicon lacks is a candidate when the corpus shows it as the cue after
  a quotation and its dash ('», — подытожил X', '», — вспоминает X') at least MIN_HITS times
  and in at least MIN_AFTER_SHARE of its uses (`after_quotation`): the frame is the plainest
  sign of a verb of speech, and it brings in what the glosses miss (подытожить, предположить,
  вспоминать, прогнозировать). It then passes the test above like any candidate, without
  partners (a reflexive 'заключается в том, что' is no speech). The verbs of relaying
  (`RELAYING`: 'цитирует ТАСС X', 'приводит слова X', 'передает ТАСС') are left out: their
  subject is the outlet, their object the speaker, and pipeline/nlp/speech/shapes.py reads
  them by their own shapes;
- a seed of the dictionary lexicon (round 0 of bench/speech_lexicon.py: the plainest verbs of
  saying, chosen as speech, not brought in by a gloss) needs MIN_HITS frames, not the share: the
  share guards against a homonym the glosses brought in ('начать', 'находиться'), and a verb of
  speech that mostly names only its topic ('высказался за отмену', 'высказался о ситуации')
  is still speech when it stands in a frame ('», — высказался X', 'высказался X: «...»').

The output lists, per lemma, its part of speech, where it came from (`wiktionary` or
`former list`), its frame count and its count in the corpus, so that a reader sees why each word
is there; for a noun, also how it reports (`_use`): as an aside ('по словам X,') when its aside
frames are at least its document frames, else only as the document that speaks ('в сообщении
говорится'; 'по сообщению X' attributes information). Rerun it to regenerate the file (the
corpus is not in the repo).

Usage: python bench/cue_lexicon.py [--corpus ../shared/corpora/news_unified.jsonl.gz]
       [--out pipeline/nlp/data/speech_cues.tsv]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import morph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_sentences import DEFAULT_CORPUS, articles, require  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "bench" / "labels" / "speech_lexicon.txt"
DEFAULT_OUT = ROOT / "pipeline" / "nlp" / "data" / "speech_cues.tsv"
#: The verbs of pipeline/nlp/speech.py's hand list before issue 26 (candidates only: each must
#: pass the corpus test like any dictionary word).
FORMER_VERBS = frozenset(
    """заявить заявлять сказать говорить отметить отмечать подчеркнуть подчеркивать
сообщить сообщать рассказать рассказывать добавить добавлять пояснить пояснять указать
указывать считать полагать утверждать признать признавать ответить отвечать уточнить уточнять
напомнить напоминать заметить замечать констатировать предупредить предупреждать объяснить
объяснять написать писать заверить заверять подтвердить подтверждать выразить выражать
высказаться высказываться убеждать уверять заключить резюмировать""".split()  # noqa: SIM905
)
#: Frame thresholds (see the module docstring).
MIN_HITS = 20
MIN_SHARE = 0.10
#: A noun has many uses besides the frame ('слово' as a word): its share may be smaller.
MIN_NOUN_SHARE = 0.02
MAX_GAP = 4
#: A verb the dictionary lacks must stand after a quotation in this share of its uses to be a
#: candidate ('следует, что' stands there in 0.4% of its uses: an inference, not speech).
MIN_AFTER_SHARE = 0.02
#: Verbs of relaying another's words, whose subject is the outlet: not candidates by the frame
#: after a quotation (see the module docstring).
RELAYING = frozenset(
    "цитировать процитировать приводить привести приводиться передавать передать".split()  # noqa: SIM905
)
#: A quotation, or a question in a line of dialogue, closed and followed by a dash and the verb
#: that reports it ('», — подытожил', '?» — спросил', '? — спрашивает штурман').
_AFTER_QUOTATION = re.compile(r"(?:[»\"”]|\?)\s*,?\s*[-–—]\s*(\w+)")
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_QUOTE_CLOSE = set('»"”')
#: Words that open a reported question after a verb and its comma ('спросил, почему ...',
#: 'поинтересовался, когда ...'); 'ли' after the clause's first word opens one too ('спросил,
#: будет ли ...'). Not 'что' nor 'как', which open a statement's clause as often.
_QUESTION_WORDS = frozenset(
    "почему зачем когда где куда откуда сколько кто чем чему каков какой".split()  # noqa: SIM905
)
_DASHES = set("-–—")
#: The origin of a candidate found by the frame after a quotation (`after_quotation`).
CORPUS_ORIGIN = "corpus, after a quotation"
_POSSESSIVES = {"его", "ее", "их", "моему", "нашему"}


def candidates() -> dict[str, tuple[str, str]]:
    """lemma -> (part of speech, origin) of every candidate."""
    found: dict[str, tuple[str, str]] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, round_ = line.split("\t")[:3]
        found[key(lemma)] = (pos, "wiktionary, seed" if round_ == "0" else "wiktionary")
    for lemma in FORMER_VERBS:
        found.setdefault(key(lemma), ("verb", "former list"))
    for lemma, (pos, origin) in list(found.items()):
        perfective = "по" + lemma
        if pos == "verb" and _known_verb(perfective, "perf") and _known_verb(lemma, "impf"):
            found.setdefault(perfective, ("verb", f"{origin}, perfective"))
    for lemma, (pos, origin) in list(found.items()):
        if pos == "verb" and not lemma.endswith(("ся", "сь")):
            reflexive = lemma + ("сь" if lemma[-1] in "аеиоуыэюя" else "ся")
            if _known_verb(reflexive):
                found.setdefault(reflexive, ("verb", f"{origin}, reflexive"))
    return found


def after_quotation(corpus: Path, known: dict[str, tuple[str, str]]) -> Counter:
    """Verbs the candidates lack, by how often the corpus shows them right after a quotation and
    its dash ('», — подытожил'): lemma -> count, for those at least MIN_HITS times there."""
    words: Counter = Counter()
    for _id, text in articles(corpus):
        words.update(key(m.group(1)) for m in _AFTER_QUOTATION.finditer(text))
    lemmas: Counter = Counter()
    for word, n in words.items():
        verb = next((p for p in morph()(word) if p.tag.POS == "VERB"), None)
        if verb is not None:
            lemmas[key(verb.normal_form)] += n
    return Counter(
        {
            lemma: n
            for lemma, n in lemmas.items()
            if n >= MIN_HITS and lemma not in known and lemma not in RELAYING
        }
    )


def _known_verb(lemma: str, aspect: str | None = None) -> bool:
    """Whether pymorphy2 knows the infinitive `lemma` (of `aspect`, 'perf' or 'impf', if given)."""
    return any(
        key(p.normal_form) == lemma and p.tag.POS == "INFN" and (aspect is None or aspect in p.tag)
        for p in morph()(lemma)
    )


def forms(lemmas: dict[str, tuple[str, str]]) -> dict[str, set[str]]:
    """form (lower case, е for ё) -> the candidate lemmas it can be a form of."""
    found: dict[str, set[str]] = {}
    for lemma, (pos, _origin) in lemmas.items():
        wanted = ("INFN",) if pos == "verb" else ("NOUN",)
        for parse in morph()(lemma):
            if key(parse.normal_form) == lemma and parse.tag.POS in wanted:
                for form in parse.lexeme:
                    found.setdefault(key(form.word), set()).add(lemma)
    return found


def _parenthetical(tokens: list[str], start: int, after: int) -> bool:
    """Whether the phrase tokens[start:after] opens a sentence or follows a comma, and a comma
    closes it after at most MAX_GAP more words, all genitive ('По словам министра финансов,')."""
    if start > 0 and tokens[start - 1] not in (",", ".", "!", "?", "—", "-", "«"):
        return False
    j = after
    while j < len(tokens) and j - after < MAX_GAP and _genitive(tokens[j]):
        j += 1
    return j < len(tokens) and tokens[j] == ","


def _genitive(word: str) -> bool:
    """A word that can be read as a genitive ('министра', 'экспертов', 'Иванова'), or one
    pymorphy2 does not know (a foreign name)."""
    parses = morph()(word)
    return word[:1].isalpha() and (not parses or any(p.tag.case == "gent" for p in parses))


def _case_of(word: str, lemma: str, case: str) -> bool:
    return any(key(p.normal_form) == lemma and p.tag.case == case for p in morph()(word))


def count(corpus: Path, lemmas: dict[str, tuple[str, str]]) -> tuple[Counter, Counter]:
    """(occurrences, frame hits) per lemma over the corpus."""
    by_form = forms(lemmas)
    impersonal = {
        f
        for f, ls in by_form.items()
        for lemma in ls
        if lemma.endswith("ся") and f.endswith(("тся", "лось"))
    }
    seen, hits = Counter(), Counter()
    for _id, text in articles(corpus):
        tokens = [key(t) for t in _TOKEN.findall(text)]
        for i, token in enumerate(tokens):
            for lemma in by_form.get(token, ()):
                seen[lemma] += 1
                if lemmas[lemma][0] == "verb":
                    hits[lemma] += _verb_frame(tokens, i, lemma, impersonal)
                    hits[lemma, "after"] += _after_quotation(tokens, i)
                elif frame := _noun_frame(tokens, i, lemma, impersonal):
                    hits[lemma] += 1
                    hits[lemma, frame] += 1
    return seen, hits


def _verb_frame(tokens: list[str], i: int, _lemma: str, _impersonal: set[str]) -> bool:
    j = i + 1
    while j < len(tokens) and j - i <= MAX_GAP and tokens[j][:1].isalnum():
        j += 1
    if j + 1 < len(tokens) and (tokens[j] == ":" or (tokens[j] == "," and tokens[j + 1] == "что")):
        return True
    return _after_quotation(tokens, i) or _asks(tokens, j)


def _asks(tokens: list[str], comma: int) -> bool:
    """Whether a reported question opens after the comma at `comma` ('спросил, почему', 'спросил,
    будет ли'): a question word, or 'ли' after the clause's first word."""
    if not (comma + 1 < len(tokens) and tokens[comma] == ","):
        return False
    first = tokens[comma + 1]
    return first in _QUESTION_WORDS or (comma + 2 < len(tokens) and tokens[comma + 2] == "ли")


def _after_quotation(tokens: list[str], i: int) -> bool:
    """Whether the word at `i` follows a closing quotation mark, or the question mark of a line
    of dialogue, and a dash ('», — заявил', '? — спрашивает')."""
    back = i - 1
    if back >= 0 and tokens[back] in _DASHES:
        back -= 1
        if back >= 0 and tokens[back] == ",":
            back -= 1
        return back >= 0 and (tokens[back] in _QUOTE_CLOSE or tokens[back] == "?")
    return False


def _noun_frame(tokens: list[str], i: int, lemma: str, impersonal: set[str]) -> str | None:
    """The frame the noun at `i` stands in: 'aside' ('по словам X,') or 'document' ('в
    заявлении говорится'), else None."""
    word = tokens[i]
    before = i - 1
    if before >= 0 and tokens[before] in _POSSESSIVES:
        before -= 1
    if before >= 0 and tokens[before] == "по" and _case_of(word, lemma, "datv"):
        return "aside" if _parenthetical(tokens, before, i + 1) else None
    if i > 0 and tokens[i - 1] in ("в", "во") and _case_of(word, lemma, "loct"):
        window = tokens[max(0, i - 3) : i + 7]
        return "document" if any(t in impersonal for t in window) else None
    return None


def passes(lemma: str, lemmas: dict[str, tuple[str, str]], seen: Counter, hits: Counter) -> bool:
    """Whether a candidate is a cue: enough frames, and enough of its uses (a seed: enough
    frames); a reflexive partner only when its base verb is a cue itself."""
    share = MIN_SHARE if lemmas[lemma][0] == "verb" else MIN_NOUN_SHARE
    if lemmas[lemma][1] == "wiktionary, seed":  # not its partners
        share = 0.0
    if lemmas[lemma][1] == CORPUS_ORIGIN and hits[lemma, "after"] < MIN_AFTER_SHARE * seen[lemma]:
        return False
    if hits[lemma] < MIN_HITS or hits[lemma] < share * seen[lemma]:
        return False
    base = lemma[:-2]
    return "reflexive" not in lemmas[lemma][1] or passes(base, lemmas, seen, hits)


def _use(pos: str, hits: Counter, lemma: str) -> str:
    """How a noun reports: as an aside ('по словам X,') when the corpus shows it so at least as
    often as the document that speaks ('в заявлении говорится'), else as that document only
    ('по сообщению X' attributes information, as 'по данным X' does; 'в сообщении говорится'
    reports); '-' for a verb."""
    if pos != "noun":
        return "-"
    return "aside" if hits[lemma, "aside"] >= hits[lemma, "document"] else "document"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--all", action="store_true", help="list rejected candidates too")
    args = parser.parse_args()
    lemmas = candidates()
    lemmas |= {lemma: ("verb", CORPUS_ORIGIN) for lemma in after_quotation(args.corpus, lemmas)}
    seen, hits = count(require(args.corpus), lemmas)
    rows = []
    for lemma, (pos, origin) in sorted(lemmas.items()):
        kept = passes(lemma, lemmas, seen, hits)
        if kept or args.all:
            rows.append(
                f"{lemma}\t{pos}\t{origin}\t{hits[lemma]}\t{seen[lemma]}\t{_use(pos, hits, lemma)}"
                + ("" if kept else "\trejected")
            )
    header = (
        "# Cue lexicon of pipeline/nlp/cues.py, made by bench/cue_lexicon.py from\n"
        "# bench/labels/speech_lexicon.txt (Wiktionary via wiki-ru-wordnet 1.0.3) and the\n"
        "# former hand list and the verbs the corpus shows after a quotation ('», — X'),\n"
        "# kept when the news corpus shows them introducing speech\n"
        f"# (frames >= {MIN_HITS} and >= {MIN_SHARE:.0%} of a verb's, {MIN_NOUN_SHARE:.0%} of a\n"
        "# noun's occurrences; see the script's docstring). Corpus: ../shared/corpora/\n"
        "# news_unified.jsonl.gz.\n"
        "# lemma\tpart of speech\torigin\tframes\toccurrences\tuse of a noun\n"
    )
    args.out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(
        f"{sum('rejected' not in r for r in rows)} cues of {len(lemmas)} candidates -> {args.out}"
    )


if __name__ == "__main__":
    main()
