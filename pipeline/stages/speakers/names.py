"""Who a name or a noun means: the one person of the article whose full name has a bare
surname or first name, the one of the cue's gender among those who share it, the organisation
called by a noun ('в министерстве') or of its kind by the corpus's full names (`kinds`).

A bare name the entity stage kept apart stands for the one person the article names in full;
a noun is an organisation's only when it called it so."""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.nlp.gazetteer import adjectives, key, places
from pipeline.nlp.media import MEDIUM, STRONG_WORDS, WEAK_WORDS
from pipeline.nlp.models import lemma, morph
from pipeline.runtime.choice import sole
from pipeline.stages.entities.people import given_name_gender, sound
from pipeline.stages.speakers.patterns import _PRESS_SERVICE
from pipeline.stages.speakers.phrases import _WORDS, _field, _side
from pipeline.stages.speakers.records import Mention, Previous
from pipeline.stages.speakers.words import (
    _AGENCIES,
    _BACK,
    _BUSINESSES,
    _DEPARTMENTS,
    _DOCUMENTS,
    _FIELD_BODIES,
    _STATE_BODIES,
    _described_apart,
    _given_name,
    _plural_noun,
    _pos,
    _same_noun,
    _same_surname,
)

#: Particles of a name written apart from the surname: 'Усама бен Ладен', 'Лула да Силва'.
_PARTICLES = frozenset({"бен", "ибн", "фон", "ван", "де", "ди", "да", "дель", "ле", "ла"})

#: A surname, capitalised or after a particle joined by a hyphen: 'аль-Шакир', 'эль-Сиси'.
_PARTICLED = re.compile(r"(?:[а-яё]{2,3}-)?[А-ЯЁ]")


#: A capitalised word: a first name or a surname written beside a fragment of a name.
_CAPITAL = r"([А-ЯЁ][а-яё-]+)"


def _patronymic(word: str) -> bool:
    """Whether the dictionary reads a word first as a patronymic ('Александрович')."""
    parses = morph()(word.lower())
    return bool(parses) and "Patr" in parses[0].tag.grammemes


def _has(full: list[str], words: list[str]) -> bool:
    """Whether a full name's words hold a shorter name: its one word anywhere ('Ирина' of
    'Ирина Баринова'), or its several words as its last ones, a surname of a particle and a
    word ('Ле Пен' of 'Марин Ле Пен'); not a first name and a patronymic."""
    if len(words) == 1:
        return words[0] in full
    surname = not _given_name(words[0])  # not 'Габриэла Коукалова' in a longer glued name
    return surname and 1 < len(words) < len(full) and full[-len(words) :] == words


def _countries(words: str) -> set[str]:
    """The countries words name, by a place's name or a country's adjective ('Грузии',
    'российское')."""
    named = {places().get(key(lemma(w))) for w in _WORDS.findall(words)}
    return {p.country for p in named if p} | {c for _, _, c in adjectives(words)}


def _country_named(name: str) -> str | None:
    """The country a place's name is the name of ('Россия', 'США'; not a city's)."""
    place = places().get(key(name))
    return place.country if place and place.via == "name" else None


class Names:
    """Who a bare name or an organisation's noun means."""

    def _named(self, noun: str, before: int, compound: bool = False) -> str | None:
        """The nearest earlier organisation of the last `_BACK` sentences called `noun`
        (`_named_as`), or any for `_AGENCIES`; the nearest medium for a noun of a medium
        ('издание', 'газета'). Further back, the one such organisation or medium the article
        named before ('Белгородский зоопарк' for 'в пресс-службе' several sentences on)."""
        sentence = self._sentence_at(before)
        earlier = [m for m in self.mentions if m.stop <= before and m.narrated]
        if sentence is None:
            return None
        called = [m for m in reversed(earlier) if self._called(m, noun, compound)]
        # one whose own name says the noun first ('Российский экспортный центр (ВЭБ.РФ)' for
        # 'центр'), then one the words before call so (for `_AGENCIES`, which call any:
        # 'организация «Къырым» направила в ООН обращение. По мнению организации')
        for tier in (True, False):
            own = [m for m in called if noun in self._named_as(m, tier)]
            if own and own[0].sentence >= sentence - _BACK:
                called = own
                break
        if called and called[0].sentence >= sentence - _BACK:
            return called[0].entity_id
        return called[0].entity_id if len({m.entity_id for m in called}) == 1 else None

    def _named_back(self, noun: str, before: int, bare: bool) -> str | None:
        """The organisation a noun refers back to along the article's mentions, when nothing
        nearer does (`_named`, `_of_kind`, the body that spoke just before): the nearest
        earlier one its words call `noun` ('партия убеждена' paragraphs after 'выступает партия
        «Батькивщина»', with other parties named between), and for 'ведомство', which calls
        any body, the nearest that is a state's department by its own words or the corpus's
        full names for it (`_STATE_BODIES`: 'Минобороны России ... — заявляли в ведомстве'
        after 'Джабхат ан-Нусра' was named). Not for 'организация' or 'пресс-служба', which
        call any organisation at all; not a medium ('газета'), whose own report is read apart
        (`_outlet_back`). A noun other than 'ведомство' only when `bare` (no adjective or
        participle): 'руководство североирландской партии' is not the Dutch 'Партия свободы'
        named paragraphs before."""
        if noun in _AGENCIES and noun not in _DEPARTMENTS or not (bare or noun in _DEPARTMENTS):
            return None
        earlier = [m for m in self.mentions if m.stop <= before and m.narrated]
        called = [m for m in reversed(earlier) if m.type == "ORG" and self._called(m, noun)]
        if noun in _DEPARTMENTS:
            called = list(filter(self._state_body, called))
        return called[0].entity_id if called else None

    def _field_body(
        self, words: str, inside: list[Mention], before: int, previous: Previous | None
    ) -> str | None:
        """The department a source describes by its field (`_field`: 'внешнеполитическое
        ведомство Грузии', 'в военном ведомстве'): the one that spoke just before, else the
        nearest earlier organisation whose name says that field (`_FIELD_BODIES`: 'МИД
        Грузии', 'Пентагон'), not of another country than one the source names ('Минобороны
        России' is not 'военное ведомство США'). None when the article named no such body: the
        nearest body of another field is not it."""
        field = _field(words)
        if field is None:
            return None
        countries = _countries(words)
        bodies = [
            m
            for m in reversed(self.mentions)
            if m.type == "ORG"
            and m.stop <= before
            and m.narrated
            and _FIELD_BODIES[field].search((m.normal or m.surface).lower())
            and not (countries and self._countries_of(m) - countries)
        ]
        if not bodies:
            return None
        spoke = self._recent(previous, before, None, {m.entity_id for m in bodies})
        return spoke or bodies[0].entity_id

    def _side_country(self, words: str, before: int) -> str | None:
        """The country a source names as a side by its adjective (`_side`: 'российская
        сторона', 'саудовская сторона'), which speaks for its state as the country's name does:
        the nearest earlier mention of that country in the article, else its first. None when
        the article does not name it."""
        country = _side(words)
        if country is None:
            return None
        named = [
            m
            for m in self.mentions
            if m.type == "LOC" and _country_named(m.normal or m.surface) == country
        ]
        earlier = [m for m in named if m.stop <= before]
        return (earlier[-1] if earlier else named[0]).entity_id if named else None

    def _countries_of(self, m: Mention) -> set[str]:
        """The countries an organisation's name says, in its words or a place written right
        after it ('Минобороны России', 'МИД [Грузии]')."""
        after = [
            o.normal or o.surface
            for o in self.mentions
            if o.type == "LOC" and o.start >= m.stop and not self.text[m.stop : o.start].strip()
        ]
        return _countries(" ".join([m.normal or m.surface, *after]))

    def _bodies(self, words: str, noun: str) -> bool:
        """Whether a source names several bodies by a noun that can only be plural ('в обоих
        ведомствах', 'в совместном заявлении авиакомпаний'): a noun of a body at large
        (`_AGENCIES`, `_STATE_BODIES`, `_BUSINESSES`) or one an organisation of the article is
        called by in its own words or the corpus's (`_named_as` of its own words, `kinds`;
        not a word before it: 'правилам ФИФА' does not make 'в правилах' bodies); not the
        plural of a thing ('в правилах указано')."""
        if not _plural_noun(words, noun):
            return False
        if noun in _AGENCIES | _STATE_BODIES | _BUSINESSES:
            return True
        return any(
            noun in self._named_as(m, True) | self.kinds.get(m.entity_id, frozenset())
            for m in self.mentions
            if m.type == "ORG"
        )

    def _state_body(self, m: Mention) -> bool:
        """Whether an organisation is a state's department by its own words or the corpus's
        full names for it ('Министерство обороны', 'Минобороны', 'МИД')."""
        kinds = self._named_as(m, True) | self.kinds.get(m.entity_id, frozenset())
        return bool(kinds & _STATE_BODIES)

    def _press_owner(self, words: str, before: int) -> str | None:
        """The organisation a press service named by a noun speaks for ('в сообщении
        пресс-службы молдавского парламента' after 'Парламент Молдавии'): the one its noun calls
        so (`_named`), unless the adjectives of the source and the words of the name disagree
        ('немецкого правительства' is not 'Правительство России')."""
        found = _PRESS_SERVICE.search(words)
        after = _WORDS.findall(words[found.end() :]) if found else []
        nouns = [lemma(w) for w in after if _pos(w) == "NOUN"]
        if not nouns:
            return None
        owner = self._named(nouns[0], before)
        name = next((m.normal or m.surface for m in self.mentions if m.entity_id == owner), None)
        if name is None:
            return None
        return None if _described_apart(after, _WORDS.findall(name), nouns[0]) else owner

    def _own_statement(self, inside: list[Mention], start: int, stop: int) -> str | None:
        """The medium or company whose statement a document's noun right before its name is ('В
        новом заявлении Facebook говорится'): it speaks on its own account."""
        for m in inside:
            if m.type != MEDIUM or m.stop < stop - 1:
                continue
            before = _WORDS.findall(self.text[start : m.start])
            gap = self.text[start : m.start].rstrip(" «")
            if before and gap.endswith(before[-1]) and lemma(before[-1]) in _DOCUMENTS:
                return m.entity_id
        return None

    def _one_body(self, before: int, stop: int) -> str | None:
        """The one organisation of the nearest of the last `_BACK` sentences before `stop`
        that name one, named before `before` or in the source's own sentence, what it said
        included ('Банк России доработает дизайн ..., сообщила пресс-служба регулятора');
        None when that sentence names two."""
        sentence = self._sentence_at(stop)
        if sentence is None:
            return None
        bodies = [
            m
            for m in self.mentions
            if m.type == "ORG"
            and sentence - _BACK <= m.sentence
            and (m.narrated and m.stop <= before or m.sentence == sentence and m.stop <= stop)
        ]
        nearest = [m.entity_id for m in bodies if m.sentence == bodies[-1].sentence]
        return nearest[0] if len(set(nearest)) == 1 else None

    def _of_kind(self, noun: str, before: int) -> str | None:
        """The nearest earlier organisation of the last `_BACK` sentences of the kind `noun`
        names by the corpus's full names for it (`kinds`: 'министерство' for 'МИД
        Великобритании', written 'Министерство иностранных дел' elsewhere), when its own words
        do not call it so. Not further back: the kind is less sure than a name's own words."""
        sentence = self._sentence_at(before)
        if sentence is None:
            return None
        return next(
            (
                m.entity_id
                for m in reversed(self.mentions)
                if m.stop <= before
                and m.narrated
                and m.sentence >= sentence - _BACK
                and noun in self.kinds.get(m.entity_id, ())
            ),
            None,
        )

    def _called(self, m: Mention, noun: str, compound: bool = False) -> bool:
        """Whether `noun` may refer back to the organisation or medium of `m`; if `compound`,
        also by the noun a compound it is called by ends in (`_same_noun`: 'компания' for
        'авиакомпания Ryanair', 'театр' for 'драмтеатр')."""
        if m.type == "ORG":
            called = self._named_as(m)
            if compound:
                return any(_same_noun(noun, w) for w in called)
            # 'ведомство' is no company's, by its name's words or its corpus kind
            kinds = self._named_as(m, True) | self.kinds.get(m.entity_id, frozenset())
            if noun in _DEPARTMENTS and kinds & _BUSINESSES:
                return False
            return noun in _AGENCIES or noun in called
        # 'Издание отмечает': the outlet; a weak noun of a medium where it introduced it
        # ('агентство' for 'агентства «Рёнхап»'; not 'полиция' for 'полиция сообщила ТАСС')
        if m.type != MEDIUM:
            return False
        return noun in STRONG_WORDS or noun in WEAK_WORDS and noun in self._named_as(m)

    def _named_as(self, m: Mention, own_only: bool = False) -> set[str]:
        """The lemmas of an organisation's first word, of its first noun and (unless
        `own_only`) of the two words before it: what it may be called ('министерство' for
        'Министерство обороны', 'зоопарк' for 'Белгородский зоопарк', 'компания' for 'компания
        «Газпром»')."""
        words = [] if own_only else _WORDS.findall(self.text[max(0, m.start - 40) : m.start])[-2:]
        own = _WORDS.findall(m.surface)
        noun = next((w for w in own if _pos(w) == "NOUN"), None)
        return {lemma(w) for w in [*words, *own[:1], *([noun] if noun else [])]}

    def whole(self, entity_id: str) -> str:
        """A one-word name's person in the whole article (`_whole`): an interviewee's surname,
        else the person written in full where no name was tagged (`_written_in_full`)."""
        found = self._whole(entity_id, len(self.text))
        return found if found != entity_id else self._written_in_full(entity_id) or entity_id

    def _written_in_full(self, entity_id: str) -> str | None:
        """The corpus's person whom a fragment of a name stands for, when the article writes
        their full name where the entity stage tagged none (a photo caption or a credit):
        a surname ('Оуэн' of the headline, 'Майкл Оуэн' under a photo), or a first name with a
        patronymic, the form of address ('Борис Александрович' for '© Борис Машковцев'): the
        one person of the corpus (`surnames`, by first name and surname) that the fragment and a
        capitalised word beside it in the text name."""
        name = self.people[entity_id].name if entity_id in self.people else ""
        words = [re.escape(w) for w in name.split()]
        if len(words) == 1:  # '[Майкл] Оуэн'
            pairs = (
                (m.group(1), name) for m in re.finditer(rf"{_CAPITAL}\s+{words[0]}\b", self.text)
            )
        elif len(words) == 2 and self._addressed_by(*name.split()):  # 'Борис [Машковцев]'
            first = name.split()[0]
            pairs = (
                (first, m.group(1)) for m in re.finditer(rf"\b{words[0]}\s+{_CAPITAL}", self.text)
            )
        else:
            return None
        # not a patronymic ('Аркадий Владимирович' is no full name of 'Аркадий Дворкович')
        found = {self.surnames.get(sound(f"{a} {b}")) for a, b in pairs if not _patronymic(b)}
        found.discard(None)
        found.discard(entity_id)
        person = sole(found)
        full = self.people[person].name if person in self.people else ""
        return person if " " in full and full in self.text else None

    def _addressed_by(self, first: str, second: str) -> bool:
        """Whether a name of two words is a first name and a patronymic: the second reads as a
        patronymic and the text never writes it without the first name before it (a surname
        that reads as one does stand alone: 'Куснирович', 'Дворкович')."""
        alone = rf"(?<!{re.escape(first)} )\b{re.escape(second)}"
        return _patronymic(second) and re.search(alone, self.text) is None

    def _whole(self, entity_id: str, before: int) -> str:
        """A one-word name's person: the nearest earlier person of the article whose full name
        has that word ('Ирина' -> 'Ирина Баринова'), else the entity itself; so is a surname of
        several words, at the end of the full name ('Ле Пен' -> 'Марин Ле Пен')."""
        name = self.people[entity_id].name if entity_id in self.people else ""
        words = key(name).split()
        fuller = [
            m.entity_id
            for m in self.narrated
            if m.stop <= before
            and m.entity_id in self.people
            and _has(key(self.people[m.entity_id].name).split(), words)
            and m.entity_id != entity_id
        ]
        return fuller[-1] if fuller else entity_id

    def _one_person(self, m: Mention, gender: str | None, before: int) -> str:
        """The person a source naming one person is: for a bare surname, the one of the two
        people of the article with it whose gender the cue has (`_by_gender`), else its person
        in full (`_whole`)."""
        bare = len(_WORDS.findall(m.surface)) == 1
        return (
            (bare and self._by_gender(key(m.surface), gender))
            or self._after_addressee(m)
            or self._whole(m.entity_id, before)
        )

    def _after_addressee(self, m: Mention) -> str | None:
        """The speaker of a name the entity stage glued to the addressee before it ('писал
        [Роду Розенстайну Нунес]'): its last word, the surname of another person the article
        names in full, when the words before it are read first in the dative and never in the
        nominative (not a name in the genitive: 'Милош Земан', 'Андрея Фролова')."""
        *before, last = _WORDS.findall(m.surface)
        parses = [morph()(word.lower()) for word in before]
        if not before or any(
            not p or p[0].tag.case != "datv" or any(x.tag.case == "nomn" for x in p) for p in parses
        ):
            return None
        found = self._surnamed(key(last)) - {m.entity_id}
        return sole(found)

    def _by_gender(self, word: str, gender: str | None) -> str | None:
        """Of two people of the article whose last name `word` is (a husband and wife, a father
        and daughter: 'Джон Тобин', 'Кристина Тобин'), a man and a woman by their first names,
        the one of `gender`, the cue's ('заявила Тобин')."""
        found = self._surnamed(word)
        genders = {e: given_name_gender(self.people[e].name.split()[0]) for e in found}
        if gender is None or len(found) != 2 or set(genders.values()) != {"masc", "femn"}:
            return None
        return next(e for e, g in genders.items() if g == gender)

    def _surnamed(self, word: str) -> set[str]:
        """The people of the article (named in full) whose last name `word` is, in any case."""
        return {
            m.entity_id
            for m in self.narrated
            if m.entity_id in self.people
            and " " in self.people[m.entity_id].name
            and _same_surname(word, key(self.people[m.entity_id].name).split()[-1])
        }

    def _by_name(self, words: str, gender: str | None = None) -> str | None:
        """A surname the entity stage did not tag ('Брутер'): the one person of the article
        whose last name it is, in any case; of two, the one of the cue's gender
        (`_by_gender`)."""
        tokens = _WORDS.findall(words)
        if len(tokens) == 2 and tokens[0] in _PARTICLES:  # 'бен Сальман' of 'Мухаммед бен Сальман'
            tokens = tokens[1:]
        if len(tokens) != 1 or not _PARTICLED.match(tokens[0]):
            return None
        word = key(tokens[0])
        found = {
            m.entity_id
            for m in self.narrated
            if m.entity_id in self.people
            and _same_surname(word, key(self.people[m.entity_id].name).split()[-1])
        }
        return sole(found) or self._by_gender(word, gender)

    @cached_property
    def _organisations(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == "ORG"}
