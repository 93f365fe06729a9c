"""What a sentence does: report speech ('рассказал', 'по словам'), relay a medium's report
('..., передает ТАСС'), quote words in «», state a view, or continue an impersonal cue.

The reference rules (`reference.py`) and the document rules look back for the sentence that
reports speech; these decide which one does."""

from __future__ import annotations

import re

from pipeline.nlp.media import STRONG_WORDS, WEAK_WORDS
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.speech import cue_forms, words_of
from pipeline.stages.speakers.phrases import _WORDS
from pipeline.stages.speakers.words import _pos, _reporting

_INTERVIEW = "интервью"

#: Words of a view a sentence gives someone: 'придерживается иной точки зрения', 'высказался',
#: 'назвал происходящее «шабашем»'.
_OPINIONS = frozenset({"мнение", "зрение", "позиция", "придерживаться", "высказаться", "назвать"})

#: Impersonal verbs of a view: what was believed at large, not one report going on.
_BELIEVED = frozenset({"считаться", "полагаться", "думаться", "предполагаться"})

#: What may stand before an impersonal cue that goes on with the report before it.
_ALSO = frozenset({"также", "и", "кроме", "того", "при", "этом"})

#: A quotation mark: a sentence that quotes words gives someone else's, not a medium's own.
_QUOTING = re.compile(r"[«\"„“]")

#: Quotation marks around a span of words: a quotation, or a title of a few words.
_TITLES = re.compile(r"[«\"„“]([^«»\"„“”\n]*)[»\"“”]")

_TITLE_WORDS = 4

#: A medium's verb of its report that is no cue of speech elsewhere: 'передает портал TMZ'.
_RELAYING = frozenset({"передавать", "передать"})

_MARKS = re.compile(r"[«»\"„“”]")

#: A medium's own report after a comma before its name: ', передает портал |TMZ', ', об этом
#: сообщает |India Today' (the pronoun of what the sentence told before the verb).
_REPORTED_BY = re.compile(
    r"(?i)[,–—]\s*(?:(?:об|о)\s+(?:этом|чём|чем)\s+)?(\w+)\s+((?:[\w-]+\s+){0,2})[«\"“„]?\s*$"
)


def _reports(sentence: str) -> bool:
    """Whether a sentence reports speech ('рассказал', 'по словам', 'в интервью'), not the
    speaker's own words ('отмечу') or a gerund without its subject ('говоря о ...')."""
    words = words_of(sentence)
    if _INTERVIEW in words:
        return True
    return any(
        parse.tag.POS != "GRND" and not {"1per", "2per"} & set(parse.tag.grammemes)
        for word in cue_forms().intersection(words)
        for parse in morph()(word)[:1]
    )


def _quotes_words(sentence: str) -> bool:
    """Whether a sentence quotes words: quotation marks around more than a title's few words
    ('сообщает "Коммерсантъ"', 'по сериалу "Друзья"' only name a thing) or left open."""
    if not _QUOTING.search(sentence):
        return False
    titles = _TITLES.findall(sentence)
    if any(len(_WORDS.findall(title)) > _TITLE_WORDS for title in titles):
        return True
    return _MARKS.search(_TITLES.sub("", sentence)) is not None


def _reports_or_relays(sentence: str) -> bool:
    """Whether a sentence reports speech (`_reports`) or a medium's report ('..., передает
    портал TMZ')."""
    return _reports(sentence) or any(lemma(w) in _RELAYING for w in words_of(sentence))


def _reported_by(before: str) -> bool:
    """Whether the text `before` a medium's name ends in a clause of its own report after a
    comma: a cue verb and at most two words that describe the medium (', сообщает', ',
    передает портал', ', сообщила британская газета', ', об этом сообщает'); not 'Иван Петров
    заявил' (whom he told)."""
    found = _REPORTED_BY.search(before)
    verb = found and found.group(1)
    if not verb or not (_reporting(verb) or lemma(verb.lower()) in _RELAYING):
        return False
    return all(
        _pos(word) == "ADJF" or lemma(word) in STRONG_WORDS | WEAK_WORDS
        for word in found.group(2).split()
    )


def _opines(sentence: str) -> bool:
    """Whether a sentence reports speech (`_reports`) or a view ('придерживается иной точки
    зрения', 'Схожее мнение ... высказал')."""
    return _reports(sentence) or bool(_OPINIONS & {lemma(w) for w in _WORDS.findall(sentence)})


def _continued(cue: str, sentence: str) -> bool:
    """Whether an impersonal cue in the past opens its sentence ('Отмечалось, что ...', 'Также
    сообщалось, что'): it goes on with the report just before ('Bild сообщило, что ...
    Отмечалось, что ...'); not after an adverb of time ('Ранее сообщалось' is earlier
    reports); nor a view's ('Считалось, что ...' is what was believed)."""
    parses = [p for p in morph()(cue.lower()) if p.tag.POS == "VERB"][:1]
    if not parses or parses[0].tag.tense != "past" or not cue.lower().endswith("сь"):
        return False
    if parses[0].normal_form in _BELIEVED:
        return False
    before = _WORDS.findall(sentence[: sentence.find(cue)]) if cue in sentence else ["?"]
    return all(w.lower() in _ALSO for w in before)
