"""The cue lexicon of reported speech: verbs that introduce what was said ('заявить',
'сообщается') and nouns of statement that name a source ('по словам X', 'в заявлении X
говорится'), read from `data/speech_cues.tsv`. That file is derived, not written by hand:
bench/cue_lexicon.py keeps the words of a dictionary lexicon of speech (Wiktionary) that the
news corpus shows introducing a clause or a quotation; every form of each lemma, participles and
gerunds included, comes from pymorphy2."""

from __future__ import annotations

from functools import cache

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.models import morph

_FILE = "speech_cues.tsv"
_VERBS_FILE = "statement_verbs.tsv"
#: The short adjectives of a held view ('уверен, что', 'убеждены в том, что'), which the
#: annotation convention (ADAQ's, bench/labels/quotes_guide.md) counts as cues: a closed class
#: the dictionary lexicon of verbs and nouns lacks. pymorphy2 reads some of their forms as short
#: participles ('уверена' of 'уверить'), so those lemmas are here too.
_STANCE = frozenset({"уверенный", "убежденный", "уверить", "убедить"})


@cache
def _lemmas(pos: str) -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv(_FILE) if row[1] == pos)


def cue_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report speech or a stated view (е for ё)."""
    return _lemmas("verb")


def cue_nouns() -> frozenset[str]:
    """Lemmas of the nouns of statement: 'по словам X', 'в сообщении говорится' (е for ё)."""
    return _lemmas("noun")


@cache
def aside_nouns() -> frozenset[str]:
    """The nouns of statement that report as the aside 'по <noun> X,' ('по словам', 'по
    мнению'): those the corpus shows so at least as often as the document that speaks ('в
    заявлении говорится'). 'по сообщению X' attributes information, as 'по данным X' does."""
    return frozenset(row[0] for row in read_tsv(_FILE) if row[1] == "noun" and row[5] == "aside")


@cache
def statement_verbs() -> frozenset[str]:
    """Lemmas of the verbs whose subject makes or holds the statement a noun of statement
    names ('сходятся во мнении, что', 'выступил с заявлением'), not answers another's
    ('опроверг сообщения о том, что'): derived from the corpus by bench/statement_verbs.py."""
    return frozenset(row[0] for row in read_tsv(_VERBS_FILE))


def stance_lemmas() -> frozenset[str]:
    """Lemmas of the short adjectives (or participles) of a held view: 'уверен', 'убеждены'."""
    return _STANCE


@cache
def cue_forms() -> frozenset[str]:
    """Every form of the cue verbs and nouns, lower case (е for ё): a sentence without one is
    not looked at word by word, and only these words are parsed as possible cues."""
    lexemes = [
        form
        for word in cue_verbs() | cue_nouns() | _STANCE
        for parse in morph()(word)
        if key(parse.normal_form) == word
        for form in parse.lexeme
    ]
    return frozenset(
        key(form.word)
        for form in lexemes
        if key(form.normal_form) not in _STANCE or form.tag.POS in ("ADJS", "PRTS")
    )
