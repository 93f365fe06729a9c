"""The speaker named in the source span itself: `Article.speaker`'s entry point and the order
of the rules, occasions and media left out of the source, the person the rest names, whom an
outlet cites (`_cited`), the person told by a plural cue, and the person named right after
the cue when no source is beside it.

Rules 1, 2, 6 and 7 of the package; the other groups are asked from here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import MEDIUM
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.sources import (
    Reading,
    agreement,
    gender_of,
    read,
)
from pipeline.stages.speakers.patterns import _AND, _CLAUSE, _PRESS_SERVICE
from pipeline.stages.speakers.phrases import (
    _WORDS,
    _bare,
    _function_words,
    _government_words,
    _impersonal_words,
    _one_of,
    _opening_words,
    _outlet,
    _personal,
    _possessed,
    _trailing_person,
    _unnamed,
)
from pipeline.stages.speakers.records import Mention, Said, role_head
from pipeline.stages.speakers.sentences import _continued
from pipeline.stages.speakers.spans import (
    _before_conjunction,
    _country,
    _government,
    _one,
    _phrases,
    _within,
    _without,
)
from pipeline.stages.speakers.words import (
    _AFTER_CUE,
    _DOCUMENTS,
    _NAMED_DOCUMENTS,
    _PUBLICATIONS,
    _STATEMENTS,
    _genitive,
    _governs,
    _impersonal,
    _is_verb,
    _subject,
    _undotted,
)

#: The demonstrative pronoun as a source: 'тот', 'та' (`Reference._that_one`).
_THAT_ONE = frozenset({"тот", "та"})

#: The adverb of a place a body speaks from: 'Там уточнили' (`Reference._there`).
_THERE = frozenset({"там"})

#: Entities that speak when a source is their name alone: an organisation, a place for its
#: government (rule 4).
_BODIES = frozenset({"ORG", "LOC"})

#: A source that is a place: 'пояснили в авиакомпании', the preposition inside the source's span
#: or right before it (the speech rules may leave it out).
_PLACED = re.compile(r"(?i)(?:^|\s)во?\s+$|^во?\s")

#: What may stand between a source and the name in apposition to it: '..., политолог '.
_APPOSED = re.compile(r"\s*,?\s*[^.;:!?\n]{0,100}")

#: The opening of a short quoted name before a place: '«112 [Украина]»'.
_TITLED = re.compile(r"«[^«»\n]{0,20}$")

#: What joins a place to a name before it: 'Москва и [Пекин]', 'Франция и [Соединённые
#: Штаты]'.
_COORDINATED = re.compile(r"»?\s*(?:,|\sи|\sили)\s+(?:во?\s+)?")

#: What ends the search after a cue (`_AFTER_CUE`): the sentence or paragraph, or content
#: ('заявил, что', 'сообщил:').
_CONTENT_AFTER = re.compile(r"[.!?:\n]|\bчто\b")

#: Where the words after a cue stop being its clause: a mark of a clause, or what was said.
_CLAUSE_OR_CONTENT = re.compile(r"[.!?;:,()«\n]|(?<!\w)[-–—]|\bчто\b")


class Sources:
    """The speaker the source span names, and the order of the rules."""

    def speaker(self, said: Said) -> tuple[str | None, tuple[int, int] | None]:
        """The speaker's entity id, and the source's span when the rules found it elsewhere
        than `said.source` (the name after the cue). A source that names nobody the rules find
        and describes no group, pronoun or plural is the person named right after it in the
        same clause, in the nominative (rule 9: '— рассказала заведующая поликлиникой №2
        Светлана Андреева', '— написал в своей колонке для «112 Украина» глава центра
        Александр Охрименко'). Whom a medium or a press service cites by name is the speaker,
        not the one citing (`_cited`)."""
        cited = self._cited(said)
        if cited:
            return cited
        found, elsewhere = self._speaker(said)
        if found and self._talked_of(said, found):
            found = None
        if found is None and said.source and self._open(said):
            after = self._apposed(said.source[1], True, said.cue_stop > said.source[1])
            # the same clause ('По его словам, Ангела Меркель ...' opens what was said), and a
            # full name, as one is introduced ('в записке Саакашвили' is whose the note is)
            gap = self.text[said.source[1] : after.start] if after else ","
            if after and " " in after.surface.strip() and not re.search(r"[,;:.!?–—]", gap):
                return after.entity_id, None
        return found, elsewhere

    def _talked_of(self, said: Said, found: str) -> bool:
        """Whether a source after the quote's words that names no one refers back to a person
        those words speak of ('«Президент Обама сказал, что ... он бы победил меня», —
        написал миллиардер' is not Обама): one does not say their own words of themselves by
        name, as a body's press service may ('Банк России доработает ..., сообщила
        пресс-служба регулятора'). Not a source inside the words ('Макрон, по его словам, ...'
        is Макрон), nor one pointing back to a sentence before its own ('Петтит назвал ... Об
        этом он заявил')."""
        if said.source is None or said.opens is None or said.closes is None:
            return False
        start, stop = said.source
        held = self._sentence_at(start)
        if start < said.closes or held is None or said.closes <= self.sentences[held][0]:
            return False
        if any(m.type == "PER" and start <= m.start < stop for m in self.mentions):
            return False
        person = self.people.get(found)
        if person and person.role and person.role == role_head(self.text[start:stop]):
            return False  # the holder of the role named ('глава Чеченской Республики')
        # not the author's words between dashes inside them ('«..., — уверен Мирович, — ...»')
        return any(
            m.entity_id == found
            and m.type == "PER"
            and said.opens <= m.start < said.closes
            and not self._inserted(m)
            for m in self.mentions
        )

    def _cited(self, said: Said) -> tuple[str, tuple[int, int]] | None:
        """Whom a cue of citing ('цитирует') cites by name between it and its source, and where:
        the person named there when the article knows them by a full name that has the words
        written and, for a declined surname in the accusative, of its gender ('— цитирует Возняцки
        официальный сайт Уимблдона', 'цитирует Павла Малкова его пресс-служба'); None when
        no name alone stands there ('цитирует РИА Новости заявление ...', 'цитирует автор
        В.М. Долгорукова', 'цитирует издание Wired представителей компании')."""
        if said.source is None or not said.cue or lemma(said.cue.split()[0]) != "цитировать":
            return None
        gap = self.text[said.cue_stop : said.source[0]]
        words = gap.strip()
        if not words:
            return self._cited_apposed(said)
        if re.search(r"[^\w\s-]", words):
            return None
        start = said.cue_stop + gap.index(words)
        inside = [m for m in self.mentions if m.start < start + len(words) and start < m.stop]
        reading = read(words)  # the object, not the subject: 'цитирует автор В.М. Долгорукова'
        if not inside and reading.kind == "person" and not reading.nominative:
            return self._cited_noun(said, (start, start + len(words)))
        if len(inside) != 1 or inside[0].type != "PER" or inside[0].surface.strip() != words:
            return None
        found = self._whole(inside[0].entity_id, start)
        return (found, (start, start + len(words))) if self._cited_as(found, inside[0]) else None

    def _spokesperson_since(self, said: Said, start: int, gender: str | None) -> str | None:
        """Whom a noun of one who speaks that names no body ('— отметил спикер') stands for:
        the one person the text presents as speaking since the quote before (`_speaking_since`,
        any role: the noun names none): 'В той же тональности высказался и президент Федерации
        кёрлинга России Дмитрий Свищев. «...», — отметил спикер'."""
        after = said.previous[1] if said.previous else 0
        return self._speaking_since(after, start, gender, None)

    def _cited_apposed(self, said: Said) -> tuple[str, tuple[int, int]] | None:
        """Whom a cue of citing cites by a noun of a person its source opens with, when the
        person is named right after the noun in its case ('— цитирует главу МОК Томаса Баха
        официальный сайт организации'): the name, not a person the noun would refer back to."""
        assert said.source is not None
        start, stop = said.source
        reading = read(self.text[start:stop])
        if reading.kind not in ("person", "spokes") or reading.nominative:
            return None
        after = self._apposed(stop, False)
        return (after.entity_id, (after.start, after.stop)) if after else None

    def _cited_noun(self, said: Said, span: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
        """Whom a cue of citing cites by a noun of a person before the outlet that cites
        ('— цитирует политика РИА', 'цитирует специалиста ТАСС'): the person the noun refers
        to, read as the source, first the one the text presents as speaking since the quote
        before (`_spokesperson_since`: 'Неадекватной и смехотворной назвал попытку ... глава
        Общественной палаты Крыма Григорий Иоффе. «...», — цитирует политика РИА Новости');
        the outlet only relays them."""
        found = self._spokesperson_since(said, span[0], None)
        found = found or self._speaker(replace(said, source=span))[0]
        return (found, span) if found else None

    def _cited_as(self, entity_id: str, m: Mention) -> bool:
        """Whether a person cited by the name `m` ('Медведеву', 'У Цяня') is the person
        `entity_id`: known by a full name that has every word of the name written (not 'Хан
        Цянь' for 'У Цянь', nor a surname alone), of the gender the name in the accusative has
        (not Медведев for 'Медведеву')."""
        name = self.people[entity_id].name if entity_id in self.people else ""
        held = key(name).split()
        if len(held) < 2 or not all(word in held for word in key(m.normal or m.surface).split()):
            return False
        word = m.surface.split()[-1]
        if key(word) in held:  # written as in the name: undeclined ('Возняцки'), no case told
            return True
        genders = {p.tag.gender for p in morph()(word) if p.tag.case == "accs"} - {None}
        return not genders or gender_of(name) in genders or gender_of(name) is None

    def _open(self, said: Said) -> bool:
        """Whether a source may be followed by its speaker's name: not a group, a pronoun, a
        first or second person or a plural cue."""
        start, stop = said.source
        reading = read(_without(self.text, start, stop, self._occasions(start, stop)))
        closed = ("group", "pronoun", "relative", "first", "second", "spokes")
        return reading.kind not in closed and agreement(said.cue)[0] != "plur"

    def _speaker(self, said: Said) -> tuple[str | None, tuple[int, int] | None]:
        if said.source is None:
            after = self._after_cue(said.cue_stop)
            if after:
                return after.entity_id, (after.start, after.stop)
            # 'В нём утверждалось'; 'обнародовала доклад, где отмечается'
            in_it = self._in_it(said) or self._in_which(said)
            if in_it:
                return in_it, None
            # 'Отмечается, что ...' after a quote goes on with its source
            if _continued(said.cue, self._sentence_of(said.cue_stop - 1)):
                return self._recent(said.previous, said.cue_stop, None, (), 1), None
            if not _impersonal(said.cue):
                return None, None
            spoke = self._relayed_since(said) or self._recent(
                said.previous, said.cue_stop, None, ()
            )
            return spoke or self._issuer(said.cue_stop, outlet=True), None
        start, stop = said.source
        if self._thing_pronoun(start, stop):  # 'В нём говорится': a paper's, not a person's
            return self._in_pronoun(said, start, stop), None
        stop = _before_conjunction(self.text, start, stop)  # 'подчеркнул [он и] добавил'
        left_out = self._occasions(start, stop)
        inside = [
            m
            for m in self.mentions
            if m.start < stop and start < m.stop and not _within(m, left_out)
        ]
        left_out += [self._titled(m) for m in inside if m.type == MEDIUM]
        persons = [m for m in inside if m.type == "PER" and not self._whose(m, start)]
        people = {m.entity_id: m for m in persons}
        number, gender = agreement(said.cue)
        if any(map(self._pseudonym, people.values())):
            return None, None  # 'Ирина (имя изменено)' is anonymous: not another Ирина
        if people:
            one = (
                _one(list(people.values()))
                or _apposed_after_owner(self.text, people)
                or _subject_first(persons)
            )
            return (self._one_person(one, gender, start) if one else None), None
        words = _without(self.text, start, stop, left_out)
        if key(words) in _THAT_ONE:  # 'В ответ тот заявил': the one named last
            return self._that_one(start, gender), None
        if key(words) in _THERE:  # 'В МИД заявили ... Там подчеркнули': the body before
            return self._there(start, said.previous), None
        office = _office_served(words)
        if office:  # 'в заявлении пресс-службы президента Украины': the office's holder or nobody
            organisations = {m.entity_id for m in inside if m.type == "ORG"}
            return self._described(said, *office, None, organisations), None
        # 'внешнеполитическое ведомство Грузии': the department of that field, not the nearest;
        field_body = self._field_body(words, inside, start, said.previous)
        # 'российская сторона': the country, as its name would ('Россия заявляла')
        side = field_body or self._side_country(words, start)
        if side:
            return side, None
        named = self._only_named(inside, said, left_out)
        if named:  # 'сообщил Росстат', 'в Дамаске считают': not read as a noun of a person
            return named, None
        media = [m for m in inside if m.type == MEDIUM]
        # 'по оценкам CNN', 'ТАСС со ссылкой на ...'; not 'собеседник RT', a person of it,
        # nor outlets at large ('сообщают СМИ')
        one = number != "plur"
        described = media and _outlet(self._outlet_words(start, stop, left_out, media))
        own = any(map(self._own_medium, media))  # 'написал в своём Twitter 15 июля'
        if described and one and not own and not self._of_person(start):
            return self._named_after(said.cue_stop) or media[0].entity_id, None
        if not words:  # only where it was said: 'Алексей Мухин [в интервью RT] заявил'
            before = self._before_occasion(start)
            found = before.entity_id if before else self._named_after(said.cue_stop)
            publication = self._publication(start, stop)
            if found is None and publication:  # 'говорится в статье'
                found = self._published(start, said.previous, publication)
            if found is None and _impersonal(said.cue):  # 'говорится в письме'
                found = self._written(start, stop, said.previous)
            if found is None and number == "plur" and media:  # 'RT рассказали в Минздраве'
                return self._told_by(said, start, stop, media[0])
            return found, None
        # 'источник в МИД Турции', 'один из источников': nobody, unless named right after
        one_of = _one_of(words)
        if _unnamed(words) or one_of is not None:
            apposed = self._apposed(stop, one_of is not False, said.cue_stop > stop)
            if apposed and one_of is False and not _genitive(apposed.surface):
                apposed = None  # 'По словам одного из источников, Гудковым ... недовольны'
            return (apposed.entity_id if apposed else None), None
        # a surname the article names in full, whatever else the word reads as ('Ледяхов
        # заявил' after 'Игорем Ледяховым': not the plural of a 'ледях')
        surnamed = self._by_name(words, gender)
        if surnamed:
            return surnamed, None
        reading = _personal(words) or _trailing_person(words) or read(words)
        organisations = {m.entity_id for m in inside if m.type == "ORG"}
        if reading.kind in (None, "spokes") and len(organisations) == 1:
            # 'представитель Кремля' after 'сказал Песков': the spokesman named, else the body
            one = reading.kind == "spokes" and number != "plur"
            # 'официального представителя Пентагона [Роба Мэннинга]': the name the span left out
            apposed = one and self._apposed(stop, reading.nominative, said.cue_stop > stop)
            if apposed:
                return apposed.entity_id, None
            spokesman = one and self._spokesman(start, reading, gender, organisations)
            # 'представитель партии «Республиканцы»' after '— признал Жан-Франсуа Копе'
            (body,) = organisations
            member = (
                one and not spokesman and self._member(start, words, reading.head, gender, body)
            )
            return spokesman or member or body, None
        # 'в ведомстве заявили' refers back to a body; 'некоторые страны утверждают' does not
        placed = _PLACED.search(self.text, max(0, start - 4), start) or _PLACED.match(words)
        # 'телеканал NBC со ссылкой на ...'; not the medium a body's place spoke to, with an
        # impersonal plural cue ('рассказали РИА Новости в пресс-службе')
        cited = any(m.type == MEDIUM for m in inside) and not (placed and number == "plur")
        subject = number == "plur" and not placed
        # 'говорится в документе': where it is written ('Документ предупреждает' is no author)
        document = reading.thing in _DOCUMENTS and placed
        behalf = reading.kind is None and document and self._on_behalf(said, stop)
        if behalf:  # 'в телеграмме от имени министра'
            return behalf, None
        if reading.kind is None and document and not organisations:
            own = self._own_statement(inside, start, stop)  # 'В новом заявлении Facebook'
            if own:
                return own, None
        if reading.kind is None and document and not (organisations or cited):
            sited = not _possessed(words) and self._sited(stop)  # not 'в его заявлении'
            made = sited or self._author(start, said.previous, reading.thing)
            # 'в сообщении пресс-службы молдавского парламента': the body it speaks for
            made = made or self._press_owner(words, start)
            # not a source that names anyone: 'в совместном заявлении Москвы и Пекина'
            headline = not inside and self._headline_author(start, reading.thing)
            issued = self._issuer(start, outlet=reading.thing in _STATEMENTS)
            return made or issued or headline or None, None
        # 'в совместном заявлении ведомств': several bodies, of whom none is the one speaker
        joint = bool(reading.thing) and self._bodies(words, reading.thing)
        if reading.kind is None and reading.thing and not (organisations or cited or subject):
            # a surname the morphology reads as a common noun ('Дижур') is still a surname
            made = placed and reading.thing in _NAMED_DOCUMENTS
            published = placed and _bare(words) and reading.thing in _PUBLICATIONS
            # 'пишет издание': the outlet of the article's report, not one relaying it
            outlet = number != "plur" and not placed
            return self._by_name(words, gender) or (made and self._maker(reading.thing, start)) or (
                outlet and self._headline_outlet(words)
            ) or not joint and self._institution(
                reading.thing,
                start,
                said.previous,
                _bare(words),
                _impersonal_words(words),
                said.words_from(start),
            ) or (
                # 'сообщила пресс-служба регулятора': a press service's owner is a body
                _PRESS_SERVICE.match(words)
                and len(_WORDS.findall(words)) == 2
                and self._one_body(said.words_from(start), start)
            ) or (published and self._published(start, said.previous, reading.thing)) or (
                outlet and self._outlet_back(words, start, said.previous)
            ) or (
                not joint
                and _impersonal_words(words)
                and self._named_back(reading.thing, start, _bare(words))
            ) or None, None
        gender = reading.gender or gender
        if reading.kind == "spokes":  # 'представитель ведомства': the one named, else the body
            one = None if number == "plur" else self._described(said, words, reading, gender, set())
            if one is None and reading.thing and not organisations and not joint:
                body = self._institution(reading.thing, start, said.previous, _bare(words))
                return body or self._named_back(reading.thing, start, _bare(words)), None
            if one is None and not (reading.thing or media) and number != "plur":
                one = self._spokesperson_since(said, start, gender)
            return one, None
        # 'Вы признались': the polite 'вы' takes a plural verb, one person still; not in a
        # question ('Как вы думаете, что ...?' asks, it reports nothing said)
        asking = self._sentence_of(said.cue_stop - 1).rstrip().endswith("?")
        if reading.kind == "group" or number == "plur" and (reading.kind != "second" or asking):
            # 'авторы доклада': a body's paper speaks for it; other groups are nobody
            return self._authors_of(words, reading, start, said.previous), None
        if reading.kind == "relative":
            return self._relative(start), None
        if reading.kind == "pronoun":
            found = self._antecedent(
                start, gender, said.previous, said.words_from(start), pronoun=True
            )
            return found, None
        if reading.kind in ("first", "second"):  # 'я считаю' in an answer, 'вы сказали' asked
            answer = any(a <= start < b for a, b in self.answers)
            asked = not answer and self._dashed(start)
            going_on = reading.kind == "first" and not answer
            if going_on and self._answering(start):
                return self._answering_interviewee(start, gender), None
            if going_on and self._going_on(start):
                return self._answering_interviewee(start, gender, named=True), None
            ours = answer if reading.kind == "first" else asked
            interviewee = self.interviewee(start) if ours and self.answers else None
            if interviewee is None and reading.kind == "first" and not answer:
                return self._quoting(start, gender, said.previous), None
            return (interviewee.entity_id if interviewee else None), None
        if reading.kind == "person":
            written = self._author_of(words, reading, start)  # 'Автор письма заявляет'
            return written or self._described(said, words, reading, gender, organisations), None
        return self._by_name(words, gender), None

    def _told_by(
        self, said: Said, start: int, stop: int, medium: Mention
    ) -> tuple[str | None, tuple[int, int] | None]:
        """Who told the medium that is a plural cue's only source: the organisation a phrase
        'в ...' in the cue's sentence names, before the source and the cue ('В АО «Электронный
        паспорт», которое является ..., RT рассказали') or after them in their clause ('Об этом
        RT сообщили в пресс-службе ОНФ'), read as the source, the nearest first; its span is
        the source's. The medium is whom it was said to (a medium that speaks is its subject in
        the singular: 'сообщает RT'), unless the phrase is its own: 'В CNN подчеркнули' is the
        outlet's word (not 'В твиттере шутят', its users)."""
        first = min(start, said.cue_stop - len(said.cue))
        held = self._sentence_at(first)
        if held is None:
            return None, None
        opens = self.sentences[held][0]
        after = max(stop, said.cue_stop)
        ends = _CLAUSE_OR_CONTENT.search(self.text, after)
        phrases = _phrases(self.text, after, ends.start() if ends else len(self.text))
        if said.opens is None or said.opens > first:  # not in what was said: '«...», — ...'
            phrases = [
                (lo, hi)
                for lo, hi in _phrases(self.text, opens, first)
                if not self.text[hi:first].strip() or _opening_words(self.text[opens:lo])
            ][::-1] + phrases
        for lo, hi in phrases:
            bodies = {m.entity_id for m in self.mentions if m.type == "ORG" and lo <= m.start < hi}
            found, _ = self._speaker(replace(said, source=(lo, hi))) if bodies else (None, None)
            if found in bodies:
                return found, (lo, hi)
        own = _PLACED.search(self.text, max(0, start - 4), start) and medium.surface[:1].isupper()
        return (medium.entity_id if own else None), None

    def _only_named(
        self, inside: list[Mention], said: Said, left_out: list[tuple[int, int]]
    ) -> str | None:
        """The organisation or place a source is the name of, with nothing else but a
        preposition, particles and adverbs ('Росстат', 'в Росстате', 'Росстат также'): the
        morphology may read an unknown name as a noun of a person. A place is a country or a
        capital for its government ('Россия заявляла', 'В Дамаске считают', '— заявили в
        Киеве'), unless it says where the speaker is (`_elsewhere`); a country's name is also
        after a noun of its government ('правительство Великобритании', 'кабмин РФ', 'власти
        США': `_government_words`), which NER did not tag as a body."""
        start, stop = said.source
        named = [m for m in inside if m.type in _BODIES]
        if len({m.entity_id for m in named}) != 1:
            return None
        rest = _without(self.text, start, stop, left_out + [(m.start, m.stop) for m in named])
        place = named[0].type == "LOC"
        # 'правительство Великобритании', 'кабмин РФ': a country's government is the country
        if not _function_words(rest) and not (place and _country(named[0])):
            return None
        if not _function_words(rest) and not _government_words(rest):
            return None
        if place and (not _government(named[0]) or self._elsewhere(named[0], said.cue_stop)):
            return None
        return named[0].entity_id

    def _elsewhere(self, m: Mention, cue_stop: int) -> bool:
        """Whether a place says where the speaker is, or is one of several, rather than stands
        for its government alone: in a short quoted name ('в своей колонке для «112 Украина»';
        not in a quotation of words said: '«Не случайно Россия говорила ...'); the last of
        names in a row ('Москва и Пекин ... полагают', 'Великобритания, Франция и Соединённые
        Штаты'); after 'в' with an organisation, a medium or a noun in the locative before it in
        its clause, whose place it is ('В посольстве России в Канаде заявили', 'Источники «НГ» в
        Киеве отмечают', 'в ГУ МВД Украины в Киеве'; not 'В то же время в Берлине полагают',
        '— заявили в Москве')."""
        before = self.text[max(0, m.start - 40) : m.start]
        titled = _TITLED.search(before)
        if titled and re.match(r"[^«»\n]{0,20}»", self.text[m.stop : m.stop + 21]):
            return True
        if any(
            o.stop <= m.start and _COORDINATED.fullmatch(self.text, o.stop, m.start)
            for o in self.mentions
            if o.type in _BODIES and m.start - 12 <= o.stop
        ):
            return True
        placed = re.search(r"(?i)(?:^|\s)во?\s+$", before)
        if not placed:
            return False
        at = m.start - len(before) + placed.start()
        lo = max(0, at - 200)
        bounds = [b.end() for b in _CLAUSE.finditer(self.text, lo, at)]
        lo = max([lo, *bounds[-1:], *([cue_stop] if cue_stop <= at else [])])
        owners = [o for o in self.mentions if o.type in ("ORG", MEDIUM) and lo <= o.start < at]
        return bool(owners) or any(
            p.tag.POS == "NOUN" and p.tag.case == "loct"
            for word in _WORDS.findall(self.text[lo:at])
            for p in morph()(word.lower())[:1]
        )

    def _after_cue(self, cue_stop: int) -> Mention | None:
        """A person named right after a cue: '— сказал Брутер'."""
        return next(
            (
                m
                for m in self.narrated
                if m.start >= cue_stop and not self.text[cue_stop : m.start].strip()
            ),
            None,
        )

    def _apposed(self, stop: int, nominative: bool, subject: bool = True) -> Mention | None:
        """A person named right after a source in the same clause and in its case: '...,
        политолог Дмитрий Журавлёв'; 'директор аналитического центра «СовЭкон» Андрей Сизов';
        'по оценке эксперта центра, политолога Виктора Олевича' (where the name may open what
        was said, as the quote's bounds run). Nothing but nouns and their words between: no
        verb, no end of a sentence or clause. `subject`: the source (or noun) stands before its
        cue, so a comma after it does not end a parenthetical cue: false for 'По словам
        эксперта, у Дональда Трампа ...' (what was said), true for 'Сопредседатель ОКК, от
        Приднестровья Олег Беляков сказал' (the source goes on)."""
        for m in self.mentions:
            if m.start >= stop and m.type == "PER":
                gap = _undotted(self.text[stop : m.start])  # 'РЭУ им. Плеханова Андрей Кошкин'
                if not _APPOSED.fullmatch(gap) or m.nominative != nominative:
                    return None
                if gap.count("«") > gap.count("»"):  # 'один из источников, «Трамп ...»': said
                    return None
                words = _WORDS.findall(gap)
                # after 'эксперта' a word only in the nominative opens a new clause: 'По мнению
                # эксперта, новый подход администрации Трампа ...'
                if any(_is_verb(w) or not nominative and _subject(w) for w in words):
                    return None
                if any(_opens_clause(p, nominative, subject) for p in gap.split(",")[1:]):
                    return None  # 'По словам эксперта, у Дональда Трампа ...': what was said
                return m
        return None

    def _named_after(self, cue_stop: int) -> str | None:
        """The person in the nominative after a cue whose written source is only an outlet or
        an occasion, before any content ('Об этом RT рассказал юрист украинской диаспоры Леонид
        Козак', '— заявил в беседе с «НГ» богослов ... аль-Карадаги'): the outlet is whom it
        was said to."""
        after = next((m for m in self.narrated if m.start >= cue_stop), None)
        if after is None or after.type != "PER" or not after.nominative:
            return None
        between = self.text[cue_stop : after.start]
        if len(between) > _AFTER_CUE or _CONTENT_AFTER.search(between):
            return None
        last = _WORDS.findall(between)[-1:]
        if last and _governs(last[0].lower()):
            return None  # 'уточняется в обращении в адрес Порошенко': to whom, not who
        return after.entity_id

    def _before_occasion(self, start: int) -> Mention | None:
        """The person written in the nominative right before a source that only says where it
        was said ('Алексей Мухин в интервью RT заявил'): at most an occasion's preposition and
        noun between them."""
        before = [m for m in self.narrated if m.stop <= start]
        if not before or not before[-1].nominative:
            return None
        gap = _WORDS.findall(self.text[before[-1].stop : start])
        if len(gap) <= 2 and not re.search(r"[.;:!?,]", self.text[before[-1].stop : start]):
            return before[-1]
        return None

    def _relative(self, start: int) -> str | None:
        """'Таро Асо, который заверяет': the person right before the relative pronoun."""
        before = [m for m in self.narrated if m.stop <= start]
        if before and re.fullmatch(r"\s*,\s*", self.text[before[-1].stop : start]):
            return before[-1].entity_id
        return None


def _opens_clause(after_comma: str, nominative: bool, subject: bool) -> bool:
    """Whether the words after a comma open a clause of their own rather than go on a source
    in apposition: a preposition first after a cue's parenthetical source ('По словам
    эксперта, у Дональда Трампа'), or a first noun that can only be the instrument of a verb
    ('другой формой давления на Трампа', 'итогом усилий') or, after a source in another case,
    its subject ('По словам эксперта, дело Пискорского ...'). A
    role's fields joined by commas stay apposed ('по физической культуре, спорту, туризму и
    делам молодёжи Василия Власова'), and so does a participle's phrase or a role a participle
    names, whose nouns the participle governs ('группы компаний «Солар», занимающейся
    кибербезопасностью, Александр Вураско'; 'заведующий кафедрой ... Андрей Кошкин')."""
    words = _WORDS.findall(after_comma)
    if not words:
        return False
    if not subject and morph()(words[0].lower())[0].tag.POS == "PREP":
        return True
    for word in words:
        parses = morph()(word.lower())
        if any(p.tag.POS == "PRTF" for p in parses):
            return False  # a participle's phrase ('компании, занимающейся кибербезопасностью')
        nouns = [p for p in parses if p.tag.POS == "NOUN"]  # or a role ('заведующий кафедрой')
        if nouns:
            cases = ("ablt",) if nominative else ("nomn", "accs", "ablt")
            return all(p.tag.case in cases for p in nouns)
    return False


def _apposed_after_owner(text: str, people: Mapping[str, Mention]) -> Mention | None:
    """Of two people a source names, the second when it follows the first with only a space
    between: the name in apposition to the source's noun, the first whose that noun is, in a
    form that does not show its case ('Менеджер предвыборной кампании Хиллари Клинтон Робби
    Мук', 'официального представителя Антониу Гутерреша Стефана Дюжаррика')."""
    if len(people) != 2:
        return None
    first, second = sorted(people.values(), key=lambda m: m.start)
    return second if text[first.stop : second.start] == " " else None


def _subject_first(persons: list[Mention]) -> Mention | None:
    """Of several people a source names, the first when it alone is written in the nominative:
    the subject, the others in the words about them that the source runs on into
    ('Австралийский теннисист Бернард Томич после проигрыша Мише Звереву', 'Мария Литвиненко,
    вдова ... Александра Литвиненко'). None when another one is in the nominative too ('Путин и
    Трамп')."""
    first = min(persons, key=lambda m: m.start)
    others = [m for m in persons if m.entity_id != first.entity_id]
    return first if first.nominative and not any(m.nominative for m in others) else None


def _office_served(words: str) -> tuple[str, Reading] | None:
    """The words after a press service that name a person by an office, and their reading ('в
    заявлении пресс-службы президента Украины', 'пресс-служба главы государства'): the
    service speaks for whoever holds the office, as a source of those words alone would name
    them, not for a body near it or the speaker before. Not a service of an office and a body
    together ('пресс-служба главы и правительства республики')."""
    found = _PRESS_SERVICE.search(words)
    owner = words[found.end() :].strip() if found else ""
    if not owner or _AND.search(owner):
        return None
    reading = read(owner)
    if reading.kind != "person" or role_head(owner) is None:  # not 'пресс-служба Росстата'
        return None
    # the office's noun in the nominative, as role phrases are written ('главы государства' is
    # 'глава государства': the president)
    words = owner.split()
    at = next((n for n, word in enumerate(words) if lemma(word) == reading.head), None)
    if at is not None:
        words[at] = reading.head
    return " ".join(words), reading
