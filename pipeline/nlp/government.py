"""The cases the word right before a name demands of it: a preposition governs its object's
case ('у «Леванте»' a genitive, 'к «Леванте»' a dative), an adjective agrees with its noun
('скромного «Леванте»' a genitive or an accusative). A name the corpus writes the same way
where these demand cases its declined forms cannot have does not decline."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.models import CACHE_SIZE, morph

#: The cases each primary preposition governs (a closed class of Russian grammar; the
#: dictionary tags prepositions but not what they govern): a name right after one stands in one
#: of them. Prepositions of a case and its second case ('в лесу') name the first.
GOVERNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "без",
            "близ",
            "вместо",
            "возле",
            "вокруг",
            "для",
            "до",
            "из",
            "из-за",
            "из-под",
            "изо",
            "кроме",
            "около",
            "от",
            "ото",
            "после",
            "против",
            "ради",
            "среди",
            "у",
        ),
        frozenset({"gent"}),
    ),
    **dict.fromkeys(("к", "ко", "благодаря", "согласно", "вопреки"), frozenset({"datv"})),
    **dict.fromkeys(("про", "через", "сквозь"), frozenset({"accs"})),
    **dict.fromkeys(("над", "надо", "перед", "передо"), frozenset({"ablt"})),
    **dict.fromkeys(("в", "во", "на", "о", "об", "обо"), frozenset({"accs", "loct"})),
    **dict.fromkeys(("за", "под", "подо"), frozenset({"accs", "ablt"})),
    **dict.fromkeys(("с", "со"), frozenset({"gent", "accs", "ablt"})),
    "по": frozenset({"datv", "accs", "loct"}),
    "при": frozenset({"loct"}),
    "между": frozenset({"ablt", "gent"}),
}
#: The word right before a position, past spaces and an opening quotation mark.
_WORD_BEFORE = re.compile(r"(?<![\w-])([а-яё]+(?:-[а-яё]+)?)\s*[«\"“„]?\s*$")
#: How far back the word before a name is looked for.
_REACH = 30


def word_before(text: str, start: int) -> str:
    """The lower-case word right before `start`, past spaces and an opening quotation mark
    ('скромного «|Леванте»'), or '' when punctuation or a capitalised word stands there."""
    found = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
    return found[1] if found else ""


@lru_cache(maxsize=CACHE_SIZE)
def demanded_cases(word: str) -> frozenset[str]:
    """The cases a lower-case `word` right before a name demands of it: a preposition's
    (`GOVERNS`), or those of a full adjective's readings ('скромного': genitive or
    accusative); none for any other word. A participle governs the name after it as often as
    it agrees with it ('принадлежащие Газпрому'), so it demands nothing."""
    if word in GOVERNS:
        return GOVERNS[word]
    parses = morph()(word)
    if not parses or any(p.tag.POS != "ADJF" for p in parses):
        return frozenset()
    return frozenset(p.tag.case for p in parses if p.tag.case)
