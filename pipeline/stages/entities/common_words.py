"""Words NER tags as a person that are common words of the text: 'Фентанил — это ...' where
the article also writes 'фентанила', 'Волк-оборотень никогда не использовался ...' opening a
sentence; or of the corpus: a word the dictionary does not know that the corpus writes in lower
case far more often than with a capital ('брексит', 'эфириум'). A word the corpus also writes
in a longer person's name is left alone ('Мир' of 'Фрэнк Мир'), and so is a word opening a
sentence that the dictionary knows as a name ('Любовь', 'Роман')."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.normalize import SURNAME_STEMS

#: A word as `_written_in_lower_case` reads a text: letters, digits and hyphens.
_WORD = re.compile(r"[\w-]+")
#: What ends the sentence before a word that opens the next one.
_SENTENCE_END = (".", "!", "?", "…", "\n")
#: A Cyrillic word, or a compound of them, as `Lowered` counts the corpus's words.
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
#: Articles that write a word the dictionary does not know in lower case that make it a common
#: word of the corpus, at least, and how many times as many as write it with a capital (those
#: count sentence openings and the mentions themselves).
_MIN_LOWER = 3
_LOWER_SHARE = 2
#: What the dictionary tags a name, a place or an organisation with.
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
#: The clipped stems that open Russian compound abbreviations of bodies (сложносокращённые
#: слова of 'государственный', 'национальный', 'министерство', 'специальный',
#: 'профессиональный', 'промышленный', 'политический', 'военный', 'социальный'):
#: 'Нацразведка', 'Госсекретариат', 'Минцифры', 'Промпартия'.
_BODY_STEMS = frozenset({"гос", "нац", "мин", "спец", "проф", "пром", "полит", "воен", "соц"})
#: The shortest prefix of the dictionary's own list that makes a compound ('супер', 'сверх',
#: 'евро', 'крипто'; not 'де', 'за', 'пан', which open surnames: 'Дерипаска', 'Запата'), and
#: the shortest noun after a prefix.
_MIN_PREFIX = _MIN_NOUN = 4


def name_words(names: Iterable[str], common: Set[str] = frozenset()) -> frozenset[str]:
    """The keys of the words of the person names of several words (`names`), but a first word
    that is a `common` word of the corpus (`Lowered.common`): a noun of a trade NER glues
    before a name ('Шорт-трекист Семён Елистратов') is no word of it."""
    return frozenset(
        key(word)
        for name in names
        if " " in name
        for i, word in enumerate(name.split())
        if i or word not in common
    )


def common_words(
    raw: pa.Table,
    texts: Mapping[str, str],
    in_names: frozenset[str],
    lowered: Set[str] = frozenset(),
) -> pa.Array:
    """Per raw mention (RAW_MENTIONS), whether it is a person's one word that is a common word
    of its article's text (`texts`): the article writes it in lower case too, or it opens a
    sentence and the dictionary knows it, or its first part before a hyphen, only as a common
    word; or of the corpus (its name or surface in `lowered`, `Lowered.common`); never a word
    of a longer name in the corpus (`in_names`: 'Який' of 'Патрик Який', though the corpus's
    Ukrainian quotations write 'який')."""
    columns = ("article_id", "start", "surface", "type", "name")
    rows = zip(*(raw[c].to_pylist() for c in columns), strict=True)
    return pa.array(
        [
            kind == "PER"
            and " " not in surface
            and key(surface) not in in_names
            and (
                name in lowered or surface in lowered or _common(texts[article_id], start, surface)
            )
            for article_id, start, surface, kind, name in rows
        ],
        pa.bool_(),
    )


def without_common_words(
    raw: pa.Table,
    texts: Mapping[str, str],
    in_names: frozenset[str],
    lowered: Set[str] = frozenset(),
) -> pa.Table:
    """The raw mentions but those that are common words (`common_words`)."""
    return raw.filter(pc.invert(common_words(raw, texts, in_names, lowered)))


@dataclass
class Lowered:
    """In how many articles the corpus writes each of some words (`words`, in lower case), as
    written: a new common noun ('брексит', 'ковид') is written in lower case, a name with a
    capital."""

    words: frozenset[str]
    articles: Counter[str] = field(default_factory=Counter)
    #: Each word's singular forms (`_singular_forms`), in lower case and capitalised as the
    #: texts write them -> the word in that case: an article that writes 'неолиберализма'
    #: writes the word 'неолиберализм' in lower case.
    forms: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        # A form that is one of the words is that word ('бандгруппы' beside 'бандгруппа',
        # whose genitive it also is); a form of two other words is the first's in sorted
        # order: the counts never depend on the order a set of words is read in.
        self.forms = {}
        for word in sorted(self.words):
            self._add_form(word, word)
        for word in sorted(self.words):
            for form in sorted(_singular_forms(word)):
                self._add_form(form, word)

    def _add_form(self, form: str, word: str) -> None:
        """Read `form` as `word`, in lower case and capitalised, unless it is read already."""
        self.forms.setdefault(form, word)
        self.forms.setdefault(form[0].upper() + form[1:], word[0].upper() + word[1:])

    def add(self, texts: Iterable[str]) -> None:
        """Count the articles of `texts` that write the words, in any of their forms."""
        for text in texts:
            written = self.forms.keys() & set(_CYRILLIC.findall(text))
            self.articles.update({self.forms[form] for form in written})

    def common(self) -> frozenset[str]:
        """The capitalised forms of the words written in lower case in at least `_MIN_LOWER`
        articles and `_LOWER_SHARE` times as many as write them with a capital."""
        return frozenset(
            capital
            for word, n in self.articles.items()
            if word[0].islower()
            and n >= _MIN_LOWER
            and n >= _LOWER_SHARE * self.articles[capital := word[0].upper() + word[1:]]
        )


@lru_cache(maxsize=CACHE_SIZE)
def _singular_forms(word: str) -> frozenset[str]:
    """`word` (lower case) and, where the dictionary's likeliest guess makes it a noun's
    nominative singular, the singular forms of that noun ('неолиберализм': 'неолиберализма',
    'неолиберализмом', ...) that the dictionary does not know either: not where the guess is
    another word's form ('чудов', a genitive plural of 'чудо'), nor a form another word spells
    alike ('меня' of a guessed 'мень', 'облака' of 'облак')."""
    parses = morph()(word)
    top = parses[0].tag if parses else None
    if "-" in word or top is None or (top.POS, top.case, top.number) != ("NOUN", "nomn", "sing"):
        return frozenset({word})
    if parses[0].normal_form != word:
        return frozenset({word})
    forms = {p.word for p in parses[0].lexeme if p.tag.number == "sing"}
    return frozenset({word}) | {form for form in forms if not morph().word_is_known(form)}


def compound_nouns(names: Iterable[str], retyped: Set[str]) -> frozenset[str]:
    """The one-word person names among `names` that are common compound nouns
    (`compound_noun`: 'Суперсерия', 'Еврокризис'), but those the corpus gives another type
    (keys in `retyped`: 'Еврогруппа', an organisation) and the media ('Евроспорт')."""
    return frozenset(
        name
        for name in names
        if " " not in name
        and compound_noun(name) == "common"
        and key(name) not in retyped
        and not medium_of(name)
    )


@lru_cache(maxsize=CACHE_SIZE)
def compound_noun(word: str) -> str | None:
    """What a one-word name is that the dictionary reads only as a common inanimate noun it
    knows (of `_MIN_NOUN` letters or more) after a prefix: 'ORG' after the stem of a compound
    abbreviation of a body (`_BODY_STEMS`: 'Нацразведка', 'Нацфронт'), 'common' after a
    prefix of the dictionary's own list of `_MIN_PREFIX` letters or more ('Суперсерия',
    'Еврокризис', 'Сверхзвук'); None for any other word and for a Russian surname's shape
    ('Самошина': 'само' and 'шина')."""
    lower = word.lower()
    if lower.removesuffix("а").endswith(SURNAME_STEMS):
        return None
    kinds = set()
    for parse in morph()(lower):
        tag, steps = parse.tag, [type(step[0]).__name__ for step in parse.methods_stack]
        if tag.POS != "NOUN" or "inan" not in tag or _PROPER & tag.grammemes:
            return None
        if steps == ["DictionaryAnalyzer"]:
            return None  # a word the dictionary knows whole
        if steps[0] == "DictionaryAnalyzer":  # a guess by the word's ending proves nothing
            kinds.add(_compound(parse))
    if not kinds or None in kinds:
        return None
    return "ORG" if "ORG" in kinds else "common"


def _compound(parse) -> str | None:
    """'ORG' or 'common' for a parse of a prefix and a noun the dictionary knows, else None."""
    steps = parse.methods_stack
    if len(steps) != 2 or len(steps[0][1]) < _MIN_NOUN:
        return None
    analyser, prefix = type(steps[1][0]).__name__, steps[1][1]
    if analyser == "UnknownPrefixAnalyzer" and prefix in _BODY_STEMS:
        return "ORG"
    if analyser == "KnownPrefixAnalyzer" and len(prefix) >= _MIN_PREFIX:
        return "common"
    return None


def unknown_words(names: Iterable[str]) -> frozenset[str]:
    """The names of one Cyrillic word among `names` that the dictionary does not know, in lower
    case: the words `Lowered` counts."""
    return frozenset(
        lower
        for name in names
        if _CYRILLIC.fullmatch(name) and not morph().word_is_known(lower := name.lower())
    )


def _common(text: str, start: int, word: str) -> bool:
    if _written_in_lower_case(text, word.lower()):
        return True
    return opens_sentence(text, start) and dictionary_word(word.split("-", 1)[0])


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence of `text` (or the text), where its capital
    may come from the sentence."""
    before = text[:start].rstrip(' \t«"„“—–-(')
    return not before or before.endswith(_SENTENCE_END)


def _written_in_lower_case(text: str, lower: str) -> bool:
    """Whether `text` writes the word `lower` as a whole word (no letter, digit or hyphen
    joined to it). A word of letters, digits and hyphens is looked up among the text's words,
    which are read once per text: an article has many mentions to check."""
    if _WORD.fullmatch(lower):
        return lower in _words(text)
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


@lru_cache(maxsize=4)
def _words(text: str) -> frozenset[str]:
    """The words of a text as written (runs of letters, digits and hyphens); mentions come
    article by article, so a few texts cached are enough."""
    return frozenset(_WORD.findall(text))


@lru_cache(maxsize=CACHE_SIZE)
def dictionary_word(word: str) -> bool:
    """A word the dictionary knows, and only as what no name is."""
    known = [p for p in morph()(word.lower()) if p.is_known]
    return bool(known) and not any(_PROPER & p.tag.grammemes for p in known)
