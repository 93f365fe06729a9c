"""Spans NER cuts or tags as names that the corpus reads otherwise:

- a **hashtag of glued words** ('#ЛигаЧемпионов', '#РусенборгЗенит', '#DeepState') names
  nothing, unless the corpus writes the same name outside hashtags;
- a **common noun phrase opening a sentence** ('Экстремистскую группировку, имевшую связи ...',
  'Избирательный штаб Трампа') has its capital from the sentence: every word a common word of
  the dictionary, and the corpus never writes it as an organisation inside a sentence, where a
  name keeps its capital. An institution's head noun ('Совет кардиналов'), an adjective of a
  place ('Новосибирская филармония') or an original in brackets after it ('Международная
  амнистия (Amnesty International)') may make a name, so such a phrase stays;
- an **organisation cut before lower-case words of its name**: NER often stops at a head noun
  or inside a genitive chain ('Института стратегических исследований' of 'Института
  стратегических исследований и прогнозов РУДН', 'Европейский суд' of 'Европейский суд по
  правам человека'). The name takes the longest run of those words that makes a name the
  corpus tags whole; an institution's 'по' phrase also when the phrase ends there (at
  punctuation, a name or a verb) and the corpus's names open 'по' phrases with its first word
  ('по правам', 'по вопросам'; not 'по делу', 'по итогам'). A 'по' phrase after a name that
  may be the genitive of a noun before it may be that noun's ('советник Белого дома по ...',
  'комиссии Общественной палаты по ...') and is left alone;
- an **organisation of adjectives alone** ('Российской энергетической', 'Очаковской
  военно-морской'): NER cut off the head noun, which follows in lower case and agrees with the
  adjectives; the name takes it ('Российская энергетическая неделя').

The second of two names that share their plural head ('Сербской и Албанской православных
церквей') is named in the singular ('Албанская православная церковь').

A **division's abbreviation** the corpus writes before another organisation's name and never
spells out is named with that parent ('ГУ' + 'МВД Москвы' -> 'ГУ МВД Москвы'); a territorial
body's abbreviation takes its region after 'по' ('УМВД по Хабаровскому краю').

The corpus's evidence is gathered once (`Written`), then each chunk's raw mentions are read
with it (`respanned`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pyarrow as pa
from pymorphy2.analyzer import Parse

from pipeline.nlp.gazetteer import adjectives, country_of_word, key
from pipeline.nlp.institutions import head_noun
from pipeline.nlp.models import CACHE_SIZE, morph
from pipeline.nlp.normalize import phrase, restore_case
from pipeline.stages.entities.common_words import dictionary_word, opens_sentence

ORGANISATION = "ORG"
_HASH = "#"
_BY = " по "
_AT = " при "
_AND = " и "
#: The case after 'при', and the genitive of a name's complement.
_AT_CASES = frozenset({"loct"})
_GENITIVE = frozenset({"gent"})
#: Words of a capitalised complement at most ('при Губернаторе Санкт-Петербурга').
_MAX_CAPITALISED = 4
#: A word after a space.
_WORD_AFTER = re.compile(r" ([A-Za-zА-ЯЁа-яё]+(?:-[A-Za-zА-ЯЁа-яё]+)*)")
#: A word of a phrase after 'по' and what comes before it: a space, or a coordination.
_NEXT = re.compile(r"(,? и |, | )([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?)")
#: Words of a phrase after 'по' at most: a longer run is a clause, not a name.
_MAX_WORDS = 8
#: A lower-case word after a space, and a capitalised one.
_LOWER = re.compile(r" [а-яё]+(?:-[а-яё]+)*")
_NAME_AFTER = re.compile(r" ([A-ZА-ЯЁ][\w-]*)")
#: What may follow a name: punctuation, the end, or a capitalised word.
_BOUNDARY = re.compile(r"\s*(?:[.,;:!?»“”\")\]—–]|$|[A-ZА-ЯЁ«])")
_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)\s*$")
#: Words glued in a hashtag: a capital right after a small letter ('ЛигаЧемпионов').
_GLUED = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")
#: A name in Latin letters or capitals in brackets right after a phrase, which makes it a
#: name: 'Международная амнистия (Amnesty International)', 'Британская служба безопасности
#: (MI-5)'.
_ORIGINAL_AFTER = re.compile(r"\s*\((?:[A-Z]|[А-ЯЁ]{2})")
#: The types of names that two coordinated names share a plural head in.
_SHARED_HEADS = frozenset({ORGANISATION, "LOC"})
#: The adjective and 'и' before the second of two names sharing their head.
_AND_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+) и $")
_PLACE_ADJECTIVE = re.compile(r"[сц]к(?:ий|ая|ое|ие|ого|ой|ому|ую|им|их|ими|ом|ою)$")
_PHRASE_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_OBJECT_CASES = frozenset({"datv", "loct"})
#: Distinct organisations' names a common noun heads, at least, to be a noun of bodies.
_BODY_NAMES = 10
#: An abbreviation in capitals (two letters or more), the types of names that may follow a
#: division's abbreviation as its parent, and how often, of its mentions and at least, the
#: corpus writes it so to be a division's (`Written.division`).
_ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,}")
_BODIES = frozenset({ORGANISATION, "MEDIUM"})
_DIVISION_SHARE = 0.6
_DIVISIONS = 3
#: Different places after 'по' at least that make an abbreviation's body territorial.
_REGIONS = 2
#: A number right after a name, not one of a document's ('№ 261/2004', '№ 2.1').
_NUMBER = re.compile(r" ?№ ?(\d+)(?![\d/.,-]?\d)")
#: Grammemes of a person's name, of a place's or a body's name or an abbreviation, and of the
#: dictionary's proper names and abbreviations.
_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PLACE_OR_BODY = frozenset({"Geox", "Orgn", "Abbr"})
_PROPER = _PERSONAL | _PLACE_OR_BODY | {"Trad"}


@dataclass
class Written:
    """How the corpus writes its names: the keys of organisations' names, of names it writes
    outside hashtags and of organisations it writes away from a sentence's start; and how often
    each word opens the 'по' phrase of an organisation's name ('Европейский суд по правам
    человека'); and how many distinct organisations' names each common noun heads (after
    adjectives alone: 'оркестр' of 'Лондонский симфонический оркестр')."""

    names: set[str] = field(default_factory=set)
    outside_hashtags: set[str] = field(default_factory=set)
    inside_sentences: set[str] = field(default_factory=set)
    phrase_words: Counter[str] = field(default_factory=Counter)
    heads: Counter[str] = field(default_factory=Counter)
    abbreviated: Counter[str] = field(default_factory=Counter)
    before_bodies: Counter[str] = field(default_factory=Counter)
    spelled: set[str] = field(default_factory=set)
    regions: dict[str, set[str]] = field(default_factory=dict)

    def add(
        self, mentions: Iterable[tuple[str, int, str, str, str]], texts: Mapping[str, str]
    ) -> None:
        """Add raw `mentions` (article_id, start, surface, name, type) of articles whose
        `texts` are given by article_id."""
        mentions = list(mentions)
        bodies = {(a, start) for a, start, _s, _n, kind in mentions if kind in _BODIES}
        for article_id, start, surface, _name, kind in mentions:
            if kind == ORGANISATION and _ABBREVIATION.fullmatch(surface):
                self._count_abbreviation(texts[article_id], article_id, start, surface, bodies)
            if kind == ORGANISATION and _ABBREVIATION.fullmatch(surface.split()[0]):
                self._count_region(texts[article_id], start, surface)
        for article_id, start, _surface, name, kind in mentions:
            text, found = texts[article_id], key(name)
            if text[start - 1 : start] != _HASH:
                self.outside_hashtags.add(found)
            if kind != ORGANISATION:
                continue
            if found not in self.names and (noun := _first_noun(name)):
                self.heads[noun] += 1
            self.names.add(found)
            if not opens_sentence(text, start):
                self.inside_sentences.add(found)
            if _BY in name:
                self.phrase_words[name.split(_BY, 1)[1].split(" ", 1)[0]] += 1

    def _count_abbreviation(
        self, text: str, article_id: str, start: int, surface: str, bodies: set[tuple[str, int]]
    ) -> None:
        """Count an abbreviation's mention: whether another organisation's name follows it
        ('ГУ' + 'МВД Москвы') and whether it stands in brackets after its spelled-out name."""
        stop = start + len(surface)
        self.abbreviated[surface] += 1
        if text[stop : stop + 1] == " " and (article_id, stop + 1) in bodies:
            self.before_bodies[surface] += 1
        if text[start - 1 : start] == "(" and text[stop : stop + 1] == ")":
            self.spelled.add(surface)

    def _count_region(self, text: str, start: int, surface: str) -> None:
        """Note the part of a country named after 'по' right after a mention that opens with
        an abbreviation ('МЧС России по Смоленской области'), unless a noun before it may take
        the 'по' phrase (`_after_noun`)."""
        stop = start + len(surface)
        if not text.startswith(_BY, stop) or _after_noun(text, start):
            return
        if end := _region_end(text, stop + len(_BY) - 1):
            place = key(text[stop + len(_BY) : end])
            self.regions.setdefault(surface.split()[0], set()).add(place)

    def territorial(self, surface: str) -> bool:
        """Whether a name of abbreviations ('ГУ МЧС России') is of a body with divisions for
        parts of a country: the corpus writes one of its abbreviations before `_REGIONS` or
        more different places after 'по' ('УМВД по Хабаровскому краю', 'УМВД по Владимирской
        области'), where a body that deals with one place writes one ('ПАСЕ по Донбассу')."""
        return any(len(self.regions.get(word, ())) >= _REGIONS for word in surface.split())

    def division(self, surface: str) -> bool:
        """Whether an abbreviation names a body's division, known by its parent's name after
        it ('ГУ МВД Москвы', 'СУ СКР', 'ЦК КПРФ'): the corpus writes it right before another
        organisation's name in `_DIVISION_SHARE` of its mentions or more (`_DIVISIONS` at
        least) and never spells it out in brackets, as it does a body's own abbreviation
        ('Совет Безопасности (СБ)', 'ИМЭМО')."""
        before = self.before_bodies[surface]
        return (
            before >= _DIVISIONS
            and before >= _DIVISION_SHARE * self.abbreviated[surface]
            and surface not in self.spelled
        )

    def body(self, surface: str) -> str | None:
        """The noun of bodies that heads a name of nothing but it and adjectives before it
        ('Симфонический оркестр', 'Экспортного совета'), else None: an institution's head
        (`nlp.institutions`) or a common noun that heads `_BODY_NAMES` of the corpus's
        organisations' names or more ('оркестр', 'школа', 'трибунал')."""
        words = surface.split()
        if not words or not all(_PHRASE_WORD.fullmatch(w) for w in words):
            return None
        if not all(_adjective(w) for w in words[:-1]):
            return None
        if noun := head_noun(words[-1]):
            return noun
        noun = _common_noun(words[-1])
        return noun if noun and self.heads[noun] >= _BODY_NAMES else None


def respanned(raw: pa.Table, texts: Mapping[str, str], written: Written) -> pa.Table:
    """The raw mentions (RAW_MENTIONS) read with the corpus's evidence (`written`): hashtags
    and sentence-opening common noun phrases that name nothing dropped, organisations cut
    before words of their names extended to them, and the mentions inside such a name
    dropped with it ('Лозанны' of 'Федеральной политехнической школы Лозанны')."""
    columns = ("article_id", "start", "stop", "surface", "name", "type")
    values = [raw[c].to_pylist() for c in columns]
    ids = values[0]
    keep, starts, stops, surfaces, names = [], [], [], [], []
    grown: dict[str, list[tuple[int, int, int]]] = {}  # article -> (start, stop, row)
    tagged: dict[str, set[int]] = {}  # article -> where its mentions start
    bodies: dict[tuple[str, int], int] = {}  # (article, start) -> stop of an organisation
    for article_id, start, stop, kind in zip(ids, values[1], values[2], values[5], strict=True):
        tagged.setdefault(article_id, set()).add(start)
        if kind in _BODIES:
            bodies[article_id, start] = stop
    for row, (article_id, start, stop, surface, name, kind) in enumerate(zip(*values, strict=True)):
        text, span = texts[article_id], (start, stop)
        keep.append(not _no_name(text, start, stop, surface, name, kind, written))
        parent = bodies.get((article_id, stop + 1)) if kind == ORGANISATION else None
        if parent and text[stop : stop + 1] == " " and written.division(surface):
            surface, name, stop = text[start:parent], f"{name} {text[stop + 1 : parent]}", parent
        end = (
            _continued(text, (start, stop), surface, name, written, tagged[article_id])
            if kind == ORGANISATION
            else None
        )
        if end is not None:  # the name goes on with the words up to `end`
            surface, name, stop = text[start:end], " ".join((name + text[stop:end]).split()), end
        elif kind == ORGANISATION and (end := _headed(text, stop, surface)) is not None:
            surface, stop = text[start:end], end
            name = phrase(surface)
        elif kind == ORGANISATION and (begin := _head_before(text, start, surface, written)):
            surface, start = text[begin:stop], begin
            name = phrase(surface)
            name = name[:1].upper() + name[1:]
        elif kind in _SHARED_HEADS and (single := _coordinated(text, start, surface)):
            name = single
        if kind == ORGANISATION and (numbered := _numbered(text, stop, surface, written)):
            stop, number = numbered
            surface, name = text[start:stop], f"{name} № {number}"
        if (start, stop) != span and keep[-1]:  # a dropped name swallows nothing
            grown.setdefault(article_id, []).append((start, stop, row))
        starts.append(start), stops.append(stop), surfaces.append(surface), names.append(name)
    for row, (article_id, start, stop) in enumerate(zip(ids, starts, stops, strict=True)):
        if any(a <= start and stop <= b and r != row for a, b, r in grown.get(article_id, ())):
            keep[row] = False
    for column, values in (
        ("start", starts),
        ("stop", stops),
        ("surface", surfaces),
        ("name", names),
    ):
        index = raw.schema.get_field_index(column)
        raw = raw.set_column(index, column, pa.array(values, raw.schema.field(column).type))
    return raw.filter(pa.array(keep, pa.bool_()))


def _numbered(text: str, stop: int, surface: str, written: Written) -> tuple[int, str] | None:
    """Where an organisation's name ends, and its number, when it is a noun of bodies and
    adjectives before it (`Written.body`) that a number follows: the number makes the kind
    one body ('Опытном заводе №88', 'Городская клиническая больница № 64'). A name with more
    words keeps its end: what follows numbers a document of the body ('резолюции Совета
    Безопасности № 1373', 'приказ Минтранса России № 82'), as a number with a slash or a
    point does ('Регламент ЕС № 261/2004')."""
    found = _NUMBER.match(text, stop)
    if found is None or written.body(surface) is None:
        return None
    return found.end(), found.group(1)


def _head_before(text: str, start: int, surface: str, written: Written) -> int | None:
    """Where an organisation named after a person begins when NER tagged the person's name
    alone after the body's noun in lower case ('Профессор политологии университета Дюка':
    'Университет Дюка'), else None: one word the dictionary reads as a person's name, right
    after a noun of bodies (`Written.body`) that no adjective opens ('Московского центра
    Карнеги' is left)."""
    if " " in surface or not surface[:1].isupper() or surface.isupper():
        return None
    if not _personal(surface) or not _PERSONAL & morph()(surface.lower())[0].tag.grammemes:
        return None  # 'агентства Рейтер': a common noun first
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not before.group(1).islower() or text[before.end(1) : start] != " ":
        return None
    if written.body(before.group(1)) is None or not _singular(before.group(1)):
        return None  # 'комиссиями Макларена и Шмида': two bodies
    adjective = _WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
    return None if adjective and _adjective(adjective.group(1)) else before.start()


def _no_name(
    text: str, start: int, stop: int, surface: str, name: str, kind: str, written: Written
) -> bool:
    """Whether a mention names nothing: a hashtag of a name the corpus writes only so, or an
    organisation that is a common noun phrase opening a sentence."""
    found = key(name)
    if text[start - 1 : start] == _HASH and found not in written.outside_hashtags:
        return bool(_GLUED.search(surface))
    return (
        kind == ORGANISATION
        and found not in written.inside_sentences
        and opens_sentence(text, start)
        and _common_phrase(surface)
        and not _ORIGINAL_AFTER.match(text, stop)
    )


def _common_phrase(surface: str) -> bool:
    """A phrase of several words, all common words of the dictionary, only the first one
    capitalised: 'Вооружённую оппозицию', 'Избирательный штаб'. A head noun of institutions
    ('Совет кардиналов') or an adjective of a place may make it a name."""
    words = surface.split()
    return (
        len(words) > 1
        and all(_PHRASE_WORD.fullmatch(w) for w in words)
        and all(w[0].islower() for w in words[1:])
        and all(dictionary_word(w) for w in words)
        and not any(head_noun(w) or _of_a_place(w) for w in words)
    )


def _of_a_place(word: str) -> bool:
    """Whether `word` is an adjective of a place or a country, which often opens a name
    ('Новосибирская филармония', 'Киевский завод шампанских вин', 'Немецкая альтернатива'):
    one in -ский or -цкий, or a country adjective of the gazetteer."""
    return bool(_PLACE_ADJECTIVE.search(word.lower()) or adjectives(word))


def _coordinated(text: str, start: int, surface: str) -> str | None:
    """The singular name of the second of two names that share their plural head ('Сербской и
    Албанской православных церквей' -> 'Албанская православная церковь', 'Донецкой и
    Луганской народных республик' -> 'Луганская народная республика', 'Грузинской и
    Украинской Советских Социалистических Республик' -> 'Украинская Советская
    Социалистическая Республика'), else None: an adjective in the singular after '<adjective>
    и', then adjectives and a noun in the plural, all in one case, in lower case or
    capitalised as a name's words are (not an abbreviation)."""
    words = surface.split()
    before = _AND_BEFORE.search(text, max(0, start - 40), start)
    if len(words) < 2 or not before or not all(w.islower() or w.istitle() for w in words[1:]):
        return None
    head = _form(words[-1], "NOUN", "plur")
    if head is None:
        return None
    case = head.tag.case
    first, other = _form(words[0], "ADJF", "sing", case), _form(before[1], "ADJF", "sing", case)
    middle = [_form(w, "ADJF", "plur", case) for w in words[1:-1]]
    if first is None or other is None or None in middle:
        return None
    noun = Parse.inflect(head, {"nomn", "sing"})
    if noun is None or noun.tag.gender is None:
        return None
    grams = {"nomn", "sing", noun.tag.gender}
    adjectives = [Parse.inflect(p, grams) for p in (first, *middle)]
    if None in adjectives:
        return None
    single = [a.word for a in adjectives] + [noun.word]
    return " ".join(restore_case(w, shape) for w, shape in zip(single, words, strict=True))


def _form(word: str, pos: str, number: str, case: str | None = None) -> Parse | None:
    """The dictionary's reading of `word` as a `pos` in `number` (and `case`), else None."""
    for parse in morph()(word.lower()):
        tag = parse.tag
        if (tag.POS, tag.number) == (pos, number) and (case is None or tag.case == case):
            return parse
    return None


def _continued(
    text: str,
    span: tuple[int, int],
    surface: str,
    name: str,
    written: Written,
    tagged: set[int],
) -> int | None:
    """Where an organisation's name that NER cut before lower-case words of it ends: the
    longest run of them that makes a name the corpus tags whole, with or without a name after
    it ('Института стратегических исследований' + 'и прогнозов', as in 'Институт стратегических
    исследований и прогнозов РУДН'); else, for a body's name cut at its head, where its
    complement ends (`_complement_end`); else None. A 'по' or 'при' phrase after a name that
    may be a genitive may be the noun's before it (`_dependent`); a name in the genitive that
    NER tagged apart (where a mention of the article starts: `tagged`) stays apart."""
    start, stop = span
    if len(name.split()) != len(surface.split()):
        return None  # named after another mention of the article ('Комитет' referring back)
    dependent = _dependent(text, start, surface)
    if not (dependent and text.startswith(_BY, stop)):
        end = _named_run(text, stop, name, written)
        if end is not None:
            return end
    if _ABBREVIATION.fullmatch(surface.split()[0]) and text.startswith(_BY, stop):
        territorial = written.territorial(surface) and not _after_noun(text, start)
        return _region_end(text, stop + len(_BY) - 1) if territorial else None
    if written.body(surface) is None:
        return None
    end = _complement_end(text, stop, written, dependent)
    if end is None or text.startswith((_BY, _AT), stop):
        return end
    return None if any(stop < at < end for at in tagged) else end


def _named_run(text: str, stop: int, name: str, written: Written) -> int | None:
    """Where the longest run of lower-case words after `stop` ends that makes, after `name`,
    a name the corpus tags whole (with or without a name after it), else None."""
    for word in reversed(_following(text, stop)):
        if not _noun(word.group().strip()):
            continue  # a name's words end in a noun: not 'Центр по примирению сторон в'
        end = word.end()
        whole = " ".join((name + text[stop:end]).split())
        owner = _NAME_AFTER.match(text, end)
        if key(whole) in written.names or (owner and key(f"{whole} {owner[1]}") in written.names):
            return end
    return None


def _complement_end(text: str, stop: int, written: Written, dependent: bool) -> int | None:
    """Where the complement of a body's name cut at its head ends, when it is of a fixed
    shape: a 'по' phrase (`_phrase_end`) whose first word opens the 'по' phrases of the
    corpus's names ('Международным трибуналом' + 'по бывшей Югославии'); a 'при' phrase of
    capitalised words ('Экспортного совета' + 'при Губернаторе Санкт-Петербурга'); a name in
    the genitive ('Симфонический оркестр' + 'Нью-Йоркского радио', 'Федеральной
    политехнической школы' + 'Лозанны'); else None. A 'по' or 'при' phrase that may be the
    noun's before the name (`dependent`) is left."""
    if text.startswith(_BY, stop):
        if dependent:
            return None
        end = _phrase_end(text, stop + len(_BY) - 1)
        first = text[stop + len(_BY) : end].split(" ", 1)[0] if end else ""
        return end if written.phrase_words[first] else None
    if text.startswith(_AT, stop):
        return None if dependent else _capitalised_end(text, stop + len(_AT) - 1, _AT_CASES)
    return _capitalised_end(text, stop, _GENITIVE, names=True)


def _after_noun(text: str, start: int) -> bool:
    """Whether a noun or an abbreviation stands right before `start`, whose 'по' phrase one
    after the name may be ('резолюциях ПАСЕ по Донбассу', 'докладе ООН по Крыму',
    'начальника ГУ МВД по ...')."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return bool(before) and (before.group(1).isupper() or _noun(before.group(1).lower()))


def _region_end(text: str, at: int) -> int | None:
    """Where the place after 'по' (from the space at `at`) that makes an abbreviation a body's
    division for a part of a country ends ('УМВД по Хабаровскому краю', 'ФСБ по Москве'): a
    place's name in the dative (`_capitalised_end`), maybe two joined by 'и' ('по
    Санкт-Петербургу и Ленинградской области'), else None; a country is what the body deals
    with, no part of its name ('ООН по Украине', 'МИДов по Сирии')."""
    end = _capitalised_end(text, at, _OBJECT_CASES, names=True)
    if (
        end is not None
        and text.startswith(_AND, end)
        and not _ABBREVIATION.match(text, end + len(_AND))
    ):
        end = _capitalised_end(text, end + len(_AND) - 1, _OBJECT_CASES, names=True) or end
    if end is None or any(country_of_word(w.lower()) for w in _PHRASE_WORD.findall(text[at:end])):
        return None
    return end


def _capitalised_end(
    text: str, at: int, cases: frozenset[str], *, names: bool = False
) -> int | None:
    """Where a name of capitalised words after the space at `at` ends: a noun phrase in one
    of `cases` (adjectives and a noun, the noun in lower case after a capitalised adjective:
    'Нью-Йоркского радио'), then capitalised nouns or noun phrases in the genitive ('при
    Губернаторе Санкт-Петербурга'); None unless it ends on a noun. A person's name ('фонда
    Сороса') is no such word, and for a name in the genitive (`names`) a capitalised noun is a
    place's or a body's name or an abbreviation."""
    end, words, adjective = None, 0, False
    while words < _MAX_CAPITALISED and (found := _WORD_AFTER.match(text, at)):
        word = found.group(1)
        if not (word[0].isupper() or (adjective and word.islower())) or _personal(word):
            break
        if names and word[0].isupper() and not (word.isupper() or _proper(word)) and _noun(word):
            break  # 'Демократической партии Фото', 'Генштаба Муженко': no name of a place
        read = _read(word.lower(), cases)
        if read is None:
            break
        at, words = found.end(), words + 1
        adjective = read[0] != "NOUN"
        if adjective:
            cases = frozenset({read[1]})
        else:
            end, cases = at, _GENITIVE
    if end is None or end != at or _goes_on(text, end):
        return None
    return end


def _goes_on(text: str, at: int) -> bool:
    """Whether the name may go on after `at`: a capitalised word not in the genitive ('Правительства
    Республики Казахстан') or a lower-case genitive ('Национальной стратегии безопасности')."""
    found = _WORD_AFTER.match(text, at)
    if found is None:
        return False
    word = found.group(1)
    return not word.islower() or _read(word, _GENITIVE) is not None


@lru_cache(maxsize=CACHE_SIZE)
def _personal(word: str) -> bool:
    """Whether the dictionary knows `word` as a person's name ('Дюка', 'Романа') and not as a
    place's or a body's ('Израиля')."""
    parses = morph()(word.lower())
    named = any(p.is_known and _PERSONAL & p.tag.grammemes for p in parses)
    return named and not any(_PLACE_OR_BODY & p.tag.grammemes for p in parses)


def _headed(text: str, stop: int, surface: str) -> int | None:
    """Where an organisation's name of adjectives alone ends with the noun they agree with,
    written next in lower case: NER cut the head off ('Очаковской военно-морской' of
    'Очаковской военно-морской базы', 'Российской энергетической' of '... недели'); else
    None. A pronoun ('НАШИМИ организациями') is no name's adjective, and a person's noun
    ('Независимый экономический эксперт', 'Трёхкратный олимпийский чемпион') heads a role,
    not a name."""
    words = surface.split()
    if not words or not all(_PHRASE_WORD.fullmatch(w) and _adjective(w) for w in words):
        return None
    noun = _LOWER.match(text, stop)
    if noun is None or not _noun(noun.group().strip()):
        return None
    grammar = {(p.tag.case, p.tag.number, p.tag.gender) for p in morph()(words[-1].lower())}
    nouns = morph()(noun.group().strip())
    agrees = any(
        p.tag.POS == "NOUN"
        and "anim" not in p.tag
        and (p.tag.case, p.tag.number, _agreeing_gender(p)) in grammar
        for p in nouns
    )
    return noun.end() if agrees else None


def _adjective(word: str) -> bool:
    """Whether the dictionary reads `word` first as an adjective or participle, not a
    pronoun's ('наш')."""
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF") and "Apro" not in parses[0].tag


def _agreeing_gender(noun: Parse) -> str | None:
    """The gender an adjective shows beside `noun`: none in the plural."""
    return noun.tag.gender if noun.tag.number == "sing" else None


def _following(text: str, at: int) -> list[re.Match]:
    """The lower-case words right after `at`, one space apart (`_MAX_WORDS` at most)."""
    found = []
    while len(found) < _MAX_WORDS and (word := _LOWER.match(text, at)):
        found.append(word)
        at = word.end()
    return found


def _phrase_end(text: str, at: int) -> int | None:
    """Where the noun phrase after 'по' (from the space at `at`) ends: adjectives and a noun
    in the dative or locative, nouns in the genitive after it, coordinated words in the case of
    the noun before, any but the first word maybe capitalised, no person's name; None unless
    it ends on a noun at a name's boundary (`_BOUNDARY`) or
    before a verb."""
    expected, noun_case, end, words, found_last = _OBJECT_CASES, _OBJECT_CASES, None, 0, ""
    while words < _MAX_WORDS and (found := _NEXT.match(text, at)):
        word = found.group(2)
        if found.group(1) != " " and end is None:
            break
        if not word.islower() and (not words or _personal(word)):
            break  # a place's or a body's name inside it: 'по бывшей Югославии'
        if found.group(1) != " ":
            expected = noun_case
        read = _read(word.lower(), expected)
        if read is None:
            break
        pos, case = read
        at, words, found_last = found.end(), words + 1, word
        if pos == "NOUN":
            end, noun_case, expected = at, frozenset({case}), frozenset({"gent"})
        else:
            expected = frozenset({case})
    if end is None or end != at:
        return None
    if _BOUNDARY.match(text, end) or _verb(text, end) or not found_last.islower():
        return end  # a name ends the phrase too: 'по бывшей Югославии обвинительный приговор'
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _read(word: str, cases: frozenset[str]) -> tuple[str, str] | None:
    """The part of speech and case of `word` as a word of a noun phrase in one of `cases`,
    else None; a word read first as anything but a noun or an adjective is no such word."""
    parses = morph()(word)
    if not parses or parses[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return None
    for parse in parses:
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF") and parse.tag.case in cases:
            return parse.tag.POS, parse.tag.case
    return None


def _verb(text: str, at: int) -> bool:
    """Whether a verb follows at `at` ('Европейский суд по правам человека принять ...')."""
    found = _NEXT.match(text, at)
    if not found or found.group(1) != " ":
        return False
    parses = morph()(found.group(2))
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN")


def _dependent(text: str, start: int, surface: str) -> bool:
    """Whether the name may be a genitive after a person's or a body's noun right before it
    ('советника Белого дома', 'комиссии Общественной палаты'): a 'по' or 'при' phrase after
    it may be that noun's; another noun's takes none ('в докладе Генерального директората по
    внешней политике ЕС'). A word the dictionary does not know ('ООН') may be any case."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and _substantive(before.group(1).lower(), surface.split()[0].lower()):
        return True  # 'уполномоченного Верховной рады по правам человека'
    if not before or not _noun(before.group(1).lower()):
        return False
    if not (_person(before.group(1).lower()) or head_noun(before.group(1))):
        return False  # 'в докладе Генерального директората по ...': no noun to take it
    parses = [p for p in morph()(surface.split()[-1].lower()) if p.is_known]
    return not parses or any(p.tag.case == "gent" for p in parses if p.tag.POS == "NOUN")


@lru_cache(maxsize=CACHE_SIZE)
def _noun(word: str) -> bool:
    """Whether the dictionary reads `word` first as a noun."""
    parses = morph()(word)
    return bool(parses) and parses[0].tag.POS == "NOUN"


@lru_cache(maxsize=CACHE_SIZE)
def _common_noun(word: str) -> str | None:
    """The lemma of `word` when the dictionary knows it first as a common noun, else None."""
    parses = morph()(word.lower())
    if not parses or parses[0].tag.POS != "NOUN" or not parses[0].is_known:
        return None
    if any(grammeme in parses[0].tag for grammeme in _PROPER):
        return None
    return parses[0].normal_form


def _first_noun(name: str) -> str | None:
    """The common noun that heads an organisation's name of two words or more after
    adjectives alone ('Лондонский симфонический оркестр' -> 'оркестр'), else None."""
    words = name.split()
    if len(words) < 2:
        return None
    for word in words:
        if not _PHRASE_WORD.fullmatch(word):
            return None
        if not _adjective(word):
            return _common_noun(word)
    return None


@lru_cache(maxsize=CACHE_SIZE)
def _person(word: str) -> bool:
    """Whether the dictionary reads `word` first as a noun of animate beings ('советника')."""
    parses = morph()(word)
    return bool(parses) and "anim" in parses[0].tag


@lru_cache(maxsize=CACHE_SIZE)
def _proper(word: str) -> bool:
    """Whether the dictionary reads `word` as a place's or a body's name ('Лозанны', 'НАТО')
    and never as a person's."""
    parses = morph()(word.lower())
    return any(_PLACE_OR_BODY & p.tag.grammemes for p in parses) and not any(
        _PERSONAL & p.tag.grammemes for p in parses
    )


@lru_cache(maxsize=CACHE_SIZE)
def _singular(word: str) -> bool:
    """Whether some reading of `word` is in the singular."""
    return any(p.tag.number == "sing" for p in morph()(word.lower()))


def _substantive(word: str, first: str) -> bool:
    """Whether `word` before a name whose first word is `first` is an adjective standing for a
    noun ('уполномоченного Верховной рады'), not one of the name's ('американский Совет
    управляющих'): read first as an adjective that agrees with no reading of `first`."""
    parses = morph()(word)
    if not parses or parses[0].tag.POS != "ADJF":
        return False
    grammar = {(p.tag.case, p.tag.number, p.tag.gender) for p in morph()(first)}
    numbers = {(case, number) for case, number, _gender in grammar}
    return not any(
        (p.tag.case, p.tag.number, p.tag.gender) in grammar
        or (p.tag.number == "plur" and (p.tag.case, p.tag.number) in numbers)
        for p in parses
        if p.tag.POS == "ADJF"
    )
