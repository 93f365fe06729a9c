"""The records the speaker rules read: a mention, a person of the corpus, a quote's source
(`Said`), and the name helpers the quotes stage shares (`name_keys`, `abbreviation`,
`head_noun`, `role_head`).

They hold no rule of their own: `Article` (`article.py`) decides on them."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import lemma
from pipeline.nlp.roles import role_lemmas
from pipeline.nlp.sources import gender_of
from pipeline.stages.entities.people import sound
from pipeline.stages.speakers.words import _pos

#: Role phrases that name a role by another word: 'глава государства' is the president.
ROLE_PHRASES = {
    "глава государства": "президент",
    "глава правительства": "премьер-министр",
    "премьер": "премьер-министр",
    "генсек": "секретарь",
    "госминистр": "министр",
}


@dataclass(frozen=True)
class Mention:
    start: int
    stop: int
    sentence: int
    entity_id: str
    type: str
    surface: str
    nominative: bool  # written as its normal form: the subject of a sentence or a headline
    narrated: bool  # outside the content of direct and indirect quotes
    in_headline: bool = False
    normal: str = ""  # its normal form (`mentions.normal`)


@dataclass(frozen=True)
class Person:
    role: str | None  # the head of `entities.role`, as ROLE_PHRASES names it
    country: str | None
    name: str = ""
    role_alone: bool = False  # `entities.role` is its head alone: 'президент', not '... Центра'
    affiliation: str = ""  # `entities.role` in full: 'коммерческий директор Нафтогаза'
    shown: str | None = None  # the gender the corpus's sentences show (`quotes.shown_genders`)

    @property
    def gender(self) -> str | None:
        """The gender the corpus's verbs show, else the one its name's morphology reads: the
        verbs also know names the dictionary cannot read ('Пак Кын Хе заявила')."""
        return self.shown or gender_of(self.name)


#: The article's quote before one: its speaker, where it ends, and the span of the words that
#: named them (None when no words beside its cue did).
Previous = tuple[str, int, tuple[int, int] | None]


@dataclass(frozen=True)
class Said:
    """What naming one quote's speaker reads: its cue's words and the source's span (None when
    no source is written beside the cue) and the countries the source names."""

    cue: str
    cue_stop: int
    source: tuple[int, int] | None
    countries: tuple[str, ...] = ()
    #: The speaker of the article's quote before this one, where that quote ends and its source.
    previous: Previous | None = None
    #: Where the quote's words open and close (None when not known).
    opens: int | None = None
    closes: int | None = None

    def words_from(self, start: int) -> int:
        """Where the words before a source at `start` stop being narration: the opening of the
        quote's words when they stand before the source ('«...», — заявил он')."""
        return start if self.opens is None else min(start, self.opens)


def name_keys(name: str) -> list[str]:
    """The keys a person's full name is known by when written alone (`Article.surnames`): its
    surname and its first name with the surname, by their sound (`people.sound`)."""
    words = name.split()
    return [sound(words[-1]), sound(f"{words[0]} {words[-1]}")]


def abbreviation(name: str) -> str | None:
    """The abbreviation a name opens with ('МИД' of 'МИД Великобритании'), if it does: a word of
    two or more letters, all capitals."""
    first = name.split()[0] if name.split() else ""
    return first if len(first) >= 2 and first.isalpha() and first.isupper() else None


def head_noun(name: str) -> str | None:
    """The lemma of the first noun of a full name of several words, not opening with an
    abbreviation ('министерство' of 'Министерство иностранных дел России'): the kind of body
    it names."""
    words = name.split()
    if len(words) < 2 or abbreviation(name):
        return None
    noun = next((w for w in words if _pos(w.lower()) == "NOUN"), None)
    return lemma(noun) if noun else None


def role_head(words: str) -> str | None:
    """The role a phrase names: a ROLE_PHRASES phrase, or its first role word's lemma."""
    lowered = key(words)
    for phrase, role in ROLE_PHRASES.items():
        if phrase in lowered:
            return role
    found = renamed_role(words)
    if found:
        return found
    for word in lowered.split():
        found = lemma(word)
        if found in role_lemmas():
            return ROLE_PHRASES.get(found, found)
    return None


def renamed_role(words: str) -> str | None:
    """The role a ROLE_PHRASES phrase of several words names, its words written together or
    with adjectives between ('глава государства', 'глава польского государства'): a role by
    other words than its own noun."""
    tokens = key(words).split()
    for phrase, role in ROLE_PHRASES.items():
        first, *rest = phrase.split()
        if not rest:
            continue
        for at, token in enumerate(tokens):
            between = tokens[at + 1 : at + 3]
            if token != first or rest[0] not in between:
                continue
            if all(_pos(w) in ("ADJF", "PRTF") for w in between[: between.index(rest[0])]):
                return role
    return None
