"""Media: news agencies, outlets, channels and platforms (`data/media.tsv`), and how a name or the
text around it points to one. A medium is a source the text cites ('агентство Reuters', 'в
беседе с RT', 'написал в Twitter'), not an actor: its mentions are the entity type MEDIUM."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.models import CACHE_SIZE, lemma, morph
from pipeline.nlp.ner import Mention, quoted
from pipeline.nlp.normalize import may_be_nominative

MEDIUM = "MEDIUM"
#: Words that say the name after them is a medium's: 'телеканал «Звезда»', 'изданию The Hill'.
#: After a strong word any quoted or Latin name is a medium; after a weak one ('агентство
#: Fitch', 'сайт Кремля', 'интервью Такеру Карлсону') only a name media.tsv lists as ambiguous
#: ('в интервью Report').
STRONG_WORDS = frozenset(
    [
        "телеканал",
        "телекомпания",
        "телерадиокомпания",
        "радиостанция",
        "газета",
        "издание",
        "журнал",
        "таблоид",
        "еженедельник",
        "информагентство",
        "медиахолдинг",
    ]
)
WEAK_WORDS = frozenset(
    [
        "агентство",
        "портал",
        "сайт",
        "канал",
        "радио",
        "телевидение",
        "соцсеть",
        "мессенджер",
        "видеохостинг",
        "блог",
        "интервью",
        "иа",
        "миа",
    ]
)
#: How media words begin: a word that begins otherwise is not looked up.
_STARTS = frozenset(w[:2] for w in STRONG_WORDS | WEAK_WORDS)
_QUOTES = re.compile('[«»"“”„]')
#: The word before a position, past spaces and an opening quote: 'изданию «' -> 'изданию'. The
#: word's `++` is possessive: a search does not retry every shorter part of every word it passes.
_WORD_BEFORE = re.compile(r"([\w-]++)\s*[«\"“„]?\s*$")
#: A platform's channel, account or page glued to its name: 'Telegram-канале', 'Twitter-аккаунт'.
_PLATFORM_PART = re.compile(r"-(?:канал|аккаунт|страниц|блог|паблик|сообществ|трансляци)\w*$")
#: A channel's number NER left out of its name: 'Россия| 24', 'France| 24' (not a score: '1:0').
_NUMBER = re.compile(
    r"[ -]?\d{1,3}(?![\w:])(?!\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр"
    r"|ноябр|декабр|год|г\.))"
)
_DOMAIN = re.compile(r"^(\w+)(\.\w+)$")
#: The first word of a name.
_FIRST_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9 .&'’:+-]*")
#: How far before a mention a media word is looked for.
_REACH = 40
#: Capitals that Cyrillic and Latin write alike: 'ВВС' in Cyrillic looks like 'BBC'.
_TWINS = str.maketrans("АВЕКМНОРСТУХ", "ABEKMHOPCTYX")


@dataclass(frozen=True)
class Lexicon:
    """media.tsv as lookups: name key -> head for names that always mean the medium
    (`heads`) and for names that mean it only after a media word (`ambiguous`); head ->
    (canonical name, country)."""

    heads: Mapping[str, str]
    ambiguous: Mapping[str, str]
    info: Mapping[str, tuple[str, str | None]]


def head_of(canonical: str) -> str:
    """A medium's group key. Never a name's own key, so that a name that is also something
    else ('Звезда') joins the medium only when a rule says so."""
    return f"medium:{key(canonical)}"


@cache
def lexicon() -> Lexicon:
    heads: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    info: dict[str, tuple[str, str | None]] = {}
    for canonical, country, aliases, *rest in read_tsv("media.tsv"):
        head = head_of(canonical)
        info[head] = (canonical, country or None)
        unsure = {key(a) for a in _split(rest[0] if rest else "")}
        for name in {key(a) for a in [canonical, *_split(aliases)]} - unsure:
            heads[name] = head
        for name in unsure:
            ambiguous[name] = head
    return Lexicon(heads, ambiguous, info)


def _split(aliases: str) -> list[str]:
    return [a for a in aliases.split("|") if a.strip()]


@lru_cache(maxsize=CACHE_SIZE)
def medium_of(name: str, *, cited: bool = False) -> str | None:
    """The head of the medium `name` (a mention's normal form) names, or None. A listed alias
    names it; so does an ambiguous name after a media word inside the name ('Телеканал
    Звезда') or, with `cited` (the text put a media word before it), alone. Quotes left in the
    name, a platform's '-канал' and an inflected word before a domain ('Газете.Ru') are
    forgiven."""
    found = lexicon()
    words = bare(name).split()
    for candidate in _forms(" ".join(words)):
        if head := found.heads.get(candidate) or (cited and found.ambiguous.get(candidate)):
            return head
    if len(words) > 1 and _media_word(words[0]):  # 'агентство рейтер', 'иа regnum'
        for candidate in _forms(" ".join(words[1:])):
            if head := found.heads.get(candidate) or found.ambiguous.get(candidate):
                return head
    return None


@lru_cache(maxsize=CACHE_SIZE)
def bare(name: str) -> str:
    """A name's key without the quotes NER left in it: 'Радио «Свобода' -> 'радио свобода'."""
    return " ".join(_QUOTES.sub(" ", key(name)).split())


def _forms(name: str) -> list[str]:
    """A name key and its forgiving variants."""
    forms = [name]
    if (platform := _PLATFORM_PART.sub("", name)) != name:
        forms.append(platform)
    if domain := _DOMAIN.match(name):
        forms += [p.normal_form + domain[2] for p in morph()(domain[1])]
    return forms


@lru_cache(maxsize=CACHE_SIZE)
def _media_word(word: str) -> str | None:
    """'strong' or 'weak' for a word that says a medium follows (any case form; the last part
    of a hyphenated word: 'интернет-издания', 'Telegram-канал'), else None."""
    word = word.lower().rsplit("-", 1)[-1]
    if word[:2] not in _STARTS:  # most words: no dictionary look-up
        return None
    found = word if word in WEAK_WORDS else lemma(word)
    return "strong" if found in STRONG_WORDS else "weak" if found in WEAK_WORDS else None


def media_word_before(text: str, start: int) -> str | None:
    """'strong' or 'weak' when a media word stands right before `start` ('изданию «|Страна»',
    'агентства |Reuters'), else None."""
    found = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
    return _media_word(found[1]) if found else None


def _titled(text: str, m: Mention, *, capitals: bool = False) -> bool:
    """Whether a mention is written as a title: the whole of a quotation ('«Обозревателю»', not
    'Подмосковье' of '«Подмосковье 360»'), in Latin letters, or with `capitals` in capitals
    ('САНА')."""
    return (
        quoted(text, m.start, m.stop)
        or bool(_LATIN.fullmatch(m.surface))
        or (capitals and m.surface.isupper())
    )


def _other_noun_before(text: str, start: int) -> bool:
    """Whether a common noun other than a media word stands right before `start`: the name is
    then that noun's ('университета «Украина»', 'авиакомпании «Татарстан»')."""
    found = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
    if not found or not found[1].islower() or _media_word(found[1]):
        return False
    parses = morph()(found[1])
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _names_medium(listed: bool, strength: str, text: str, m: Mention) -> bool:
    """Whether a mention after a media word of `strength` is a medium: a `listed` ambiguous name
    after a strong word, or written as a title after a weak one ('каналу «Россия»', not 'по
    каналам России'); another name only as a title after a strong word."""
    if listed and strength == "strong":
        return True
    return _titled(text, m, capitals=listed) and (listed or strength == "strong")


def cited(mentions: list[Mention], texts: Mapping[str, str]) -> dict[int, str]:
    """Index -> the name under which the text cites it as a medium, for the `mentions` (whole
    articles) that no listed alias names:

    - a listed medium's Latin name in Cyrillic look-alike capitals (`_lookalikes`: 'ВВС' in an
      article that names the BBC otherwise);
    - a listed name NER cut before its number: 'Россия' of 'Россия 24', 'France' of 'France 24'
      (not of 'в России 1 января');
    - a name after a media word (`_names_medium`: 'издание «Обозреватель»'), and that name's
      other mentions in the same article written as titles ('«Обозревателю» сказал'; a bare
      'Россия' stays the country where 'телеканал «Россия»' is the channel), unless another
      noun owns them ('университета «Украина»' where 'телеканал «Украина»' is the channel)."""
    found = lexicon()
    named = _lookalikes(mentions, texts)
    titles: set[tuple[str, str]] = set()
    for i, m in enumerate(mentions):
        if i in named:
            continue
        text = texts[m.article_id]
        number = _NUMBER.match(text, m.stop)
        if number and medium_of(numbered := m.name + number[0]):
            named[i] = numbered
            continue
        listed = (name := bare(m.name)) in found.ambiguous
        if not (listed or _titled(text, m)) or medium_of(m.name):  # the cheap tests first
            continue
        strength = media_word_before(text, m.start)
        if strength and _names_medium(listed, strength, text, m):
            named[i] = m.name
            titles.add((m.article_id, name))
    articles = {article_id for article_id, _name in titles}
    for i, m in enumerate(mentions):
        if m.article_id not in articles or (m.article_id, bare(m.name)) not in titles:
            continue
        text = texts[m.article_id]
        if _titled(text, m) and not _other_noun_before(text, m.start):
            named.setdefault(i, m.name)
    return named


def lookalike(name: str) -> str | None:
    """The Latin name a name in Cyrillic capitals looks like, letter for letter ('ВВС' ->
    'BBC'), if some are Cyrillic and all have a Latin twin; else None."""
    if len(name) < 2 or not name.isupper() or name.isascii():
        return None
    latin = name.translate(_TWINS)
    return latin if latin.isascii() else None


def _lookalikes(mentions: list[Mention], texts: Mapping[str, str]) -> dict[int, str]:
    """Index -> the Latin name of a listed medium that a mention in Cyrillic capitals looks
    like ('ВВС', the BBC's 'BBC'), where its article names that medium by a listed name too
    ('Би-би-си', 'BBC') and no name follows the mention (an owner's: 'ВВС США', 'ВВС НАТО',
    the air forces). Elsewhere the letters are the Cyrillic abbreviation they spell."""
    named_in: set[tuple[str, str]] = set()
    for m in mentions:
        if head := medium_of(m.name):
            named_in.add((m.article_id, head))
    found: dict[int, str] = {}
    for i, m in enumerate(mentions):
        latin = lookalike(m.name) if m.type != "PER" else None
        head = medium_of(latin) if latin else None
        if head and (m.article_id, head) in named_in and not _owned(mentions, i, texts):
            found[i] = latin
    return found


def _owned(mentions: list[Mention], i: int, texts: Mapping[str, str]) -> bool:
    """Whether another name follows mention `i` right after a space ('ВВС |США')."""
    after = mentions[i + 1] if i + 1 < len(mentions) else None
    if after is None or after.article_id != mentions[i].article_id:
        return False
    return not texts[after.article_id][mentions[i].stop : after.start].strip()


@cache
def spellings() -> tuple[dict[str, str], frozenset[str]]:
    """(`bare` key -> how media.tsv spells the name, the keys of canonical names), for every
    name it lists: 'ведомости' -> 'Ведомости', 'рбк-украина' -> 'РБК-Украина', 'россия 1' ->
    'Россия 1'."""
    found: dict[str, str] = {}
    canonicals = set()
    for canonical, _country, aliases, *rest in read_tsv("media.tsv"):
        canonicals.add(bare(canonical))
        for name in [canonical, *_split(aliases), *_split(rest[0] if rest else "")]:
            found.setdefault(bare(name), name.strip())
    return found, frozenset(canonicals)


def spelling(name: str, *, ambiguous: bool = False) -> str | None:
    """How media.tsv spells `name`, if it lists it as a name that always means the medium (with
    `ambiguous`, also as one that means it only where the text says so: 'Россия')."""
    if not ambiguous and bare(name) not in lexicon().heads:
        return None
    return spellings()[0].get(bare(name))


def listed_name(surface: str, name: str, *, ambiguous: bool = False) -> str | None:
    """How media.tsv spells a mention of a medium (its `surface` or its normal `name`,
    whichever the list has, the canonical name first: 'Ведомости', not the normaliser's
    'Ведомость'; 'Первый канал', not 'Первого канала', which the list also has; else the
    normal form: 'Фейсбук' for 'Фейсбуке'), or None when it lists neither."""
    listed = [n for n in (surface, name) if spelling(n, ambiguous=ambiguous)]
    canonical = [n for n in listed if bare(n) in spellings()[1]]
    found = canonical[0] if canonical else listed[-1] if listed else None
    return spelling(found, ambiguous=ambiguous) if found else None


def written_name(m: Mention, text: str) -> str:
    """The name of a mention of a medium as the text writes it, spelt as media.tsv lists it
    (`listed_name`): with the number NER left out ('России| 1' -> 'Россия 1'), else its
    surface or normal form ('Вконтакте' -> 'ВКонтакте'), else its normal form."""
    number = _NUMBER.match(text, m.stop)
    if number and medium_of(numbered := m.name + number[0]):
        return spelling(numbered, ambiguous=True) or numbered
    listed = listed_name(m.surface, m.name, ambiguous=True)
    return listed or (" ".join(m.surface.split()) if _apposed_title(text, m) else m.name)


def _apposed_title(text: str, m: Mention) -> bool:
    """Whether a mention is a title in apposition to a word that only names media, which
    stays in the nominative whatever that word's case ('журнала «Проблемы национальной
    стратегии»', 'газеты «Вести Украина»'): a whole quotation right after the word, whose
    first word may be a nominative (a declined title is not: 'издания «Парнаса»')."""
    first = _FIRST_WORD.match(m.surface)
    return (
        quoted(text, m.start, m.stop)
        and media_word_before(text, m.start) == "strong"
        and first is not None
        and may_be_nominative(first.group())
    )
