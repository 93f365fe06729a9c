"""The interviewee of an interview's '- ' answers: named as the one who answers in the headline
or the lead ('Кристоф Вишеманн в интервью RT рассказал'), named in the headline (the surname
after its quotation), presented in the sentence that opens its section, the lead or the
section's heading, or addressed by a question.

Rule 8 of the package: an answer is the interviewee's, and 'я' or 'вы' in it are them."""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.nlp.gazetteer import key
from pipeline.nlp.models import morph
from pipeline.stages.entities.people import sound
from pipeline.stages.speakers.patterns import _ENDS
from pipeline.stages.speakers.phrases import _WORDS
from pipeline.stages.speakers.records import Mention
from pipeline.stages.speakers.sentences import _reports
from pipeline.stages.speakers.spans import _one
from pipeline.stages.speakers.words import _DASHES, _ROLE_WORDS, _given_name, _pos, _same_surname

#: A preposition of what a headline is about: '«...»: X о допинге, паралимпийцах и ...'.
_TOPIC = re.compile(r"(?i)(?<!\w)(?:о|об|про)\s")

#: A paragraph that opens with a dash: a question or an answer.
_DASHED_BEFORE = re.compile(rf"(?:^|\n\n)[{_DASHES}]")

#: Words in «» (one level), left out of what a paragraph narrates.
_IN_QUOTES = re.compile(r"«[^«»]*»")

#: A paragraph of a dash alone, right before the paragraph at the end of the text searched.
_LONE_DASH = re.compile(rf"(?:^|\n)[{_DASHES}][ \t]*\n\n$")

#: How a question opens when it addresses the interviewee: its dash, and a courtesy title before
#: a surname ('— Господин Чевик, ...', '— Профессор Лихтман, ...').
_ADDRESS = re.compile(
    rf"[{_DASHES}]?\s*(?:(?:[Гг]осподин|[Гг]оспожа|[Мм]истер|[Мм]иссис|[Мм]исс|[Мм]есье|[Мм]адам"
    r"|[Сс]еньора?|[Сс]иньора?|[Гг]ерр|[Фф]рау|[Пп]ани?|[Дд]октор|[Пп]рофессор)\s+)?"
)

#: A sentence that tells of an interview given by its subject: 'в интервью RT рассказал',
#: 'ответил на вопросы RT', 'в беседе с RT', 'в разговоре с RT'.
_INTERVIEWED = re.compile(
    r"(?i)(?<!\w)(?:интервью|на\s+вопросы|в\s+(?:беседе|разговоре)\s+с)(?!\w)"
)

#: A photo's caption and credit ('Берни Сандерс выступает перед сторонниками ... Фото: Reuters'):
#: it presents nobody to the interview.
_CAPTION = re.compile(r"(?<!\w)Фото\s*:")

#: A quotation of some length, or the end of one before its cue ('...», — сказала Данченко в
#: интервью ТАСС'): a sentence that gives someone's words, not one that introduces them.
_QUOTATION = re.compile(r"«[^«»]{30,}»|»\s*,?\s*[—–]")

#: A sentence that tells of a talk with the one named after 'с': 'поговорил с американским
#: журналистом ... Майклом Томаски', 'RT побеседовал с ...', 'пообщались с ...'.
_TALKED_WITH = re.compile(r"(?i)(?<!\w)(?:по)?(?:говорил|беседовал|общал|обсудил)\w*\s")

#: A headline that gives one person's words: '«...»: [role words] Surname [—] о ...' (a double
#: surname or a generation word after a hyphen: 'Герман-младший').
_HEADLINE_SUBJECT = re.compile(
    r"»\s*:\s*(?:[^«»:,\n]*?\s)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)\s+(?:[-–—]\s+)?(?:о|об|про)\s"
)


def _plural(word: str) -> bool:
    """Whether a role noun may be a plural ('хоккеисты', 'синхронистки'): many speak."""
    return any({"nomn", "plur"} <= p.tag.grammemes for p in morph()(word.lower()))


#: A headline that gives the words of one described by a role alone: '«...»: гандболистка
#: сборной России о ...', '«...»: директор Большого театра рассказал о ...'.
_HEADLINE_ROLE = re.compile(
    r"»\s*:\s*([а-яё][\w-]*)[^«»:\n]*?\s(?:[-–—]\s+)?(?:рассказал\w*\s+)?(?:о|об|про)\s"
)


class Interviews:
    """The interviewee of an interview's answers."""

    def interviewee(self, at: int) -> Mention | None:
        """Whose is the '- ' answer at `at` (rule 8): the headline's subject
        (`_headline_subject`); else the one person the sentence right before its run of
        questions and answers names (its introduction: 'RT обсудил с вице-президентом ФСПР
        Ольгой Брусникиной', 'Среди отстранённых оказалась и Елена Никитина'), so each section
        of a multi-person interview has its own; else the one person of the nearest earlier
        sentence outside the questions and answers that names them beside a verb of speech or
        the word 'интервью' ('Главный тренер Массимо Каррера рассказал ...') or heads it as a
        label ('Алёна Заварзина: «...»'); else the person a question addresses ('— Сергей
        Николаевич, вы ...'); else the one person labelling a paragraph ('Владимир Юрзинов:
        «...»') even after the answer. First of all, the person of the answer's section in an
        article of several (`_section_person`), then the one the headline or the lead names as
        answering (`_lead_interviewee`); an editorial footnote is no one's. People named
        inside the answers, or inside a quotation (the headline's «...»: '«Поветкин не нашёл
        справедливости в США»: адвокат боксёра ...'), are spoken of."""
        if self._footnote(at):
            return None
        if self._dialogue:
            return self._remarked(at)
        person = self._section_person(at) or self._lead_interviewee(at)
        if person or self._headline_subject:
            return person or self._headline_subject
        section = self._section_of(at)
        floor = section[0] if section else 0  # not back beyond the answer's section
        earlier = [s for s in self.sentences if floor <= s[0] and s[1] <= at]
        nearest = True  # the nearest sentence with people: the run's introduction
        for start, stop, _ in reversed(earlier):
            answered = self._answered(start)
            found = [
                m
                for m in self.narrated
                if start <= m.start and m.stop <= stop and not self._quoted(m.start)
            ]
            if answered:  # an answer's own paragraph speaks of people ('назвала Юсуфом')
                found = [m for m in found if self._presented(m)]
            if self._dashed(start) or not found or answered and not self._asked_after(stop):
                continue
            label = re.match(r"\s*:", self.text[found[0].stop : found[0].stop + 3])
            if label and found[0].start == start:
                return found[0]
            if self._first_person(start):  # an answer's paragraph that opens with no dash
                continue
            # not when the headline gives two people's words ('Черчесов и Васин о ...')
            introduces = nearest and start > self._headline_stop and not self._headline_pair
            nearest = False
            if introduces and not answered and _one(found) and self._introduced_here(found[0]):
                return found[0]
            if _reports(self.text[start:stop]):
                one = _one(found) or _one([m for m in found if m.nominative])
                if one:
                    return one
        for start, _, _ in reversed(earlier):
            if self.text[start : start + 1] in tuple(_DASHES) and start == self._paragraph_start(
                start
            ):
                m = next((m for m in self.narrated if self._addresses(start, m)), None)
                if m:
                    return m
        return self._label

    def _lead_interviewee(self, at: int) -> Mention | None:
        """The one person named as the one who answers (`_answerer`): by the headline
        ('«...»: Владимир Чуров — в интервью RT'); else by the latest sentence so of the
        narration before the run of questions and answers that holds `at`, back to the run
        before or the section's heading; else by the lead before the first question of the
        section or the article, when that narration presents nobody else (an answer may go on
        in paragraphs with no dash that read as narration; 'Майкл Томаски — американский
        ученый' presents him again). It outranks the headline's subject, which may be another's
        words ('«...»: Вяльбе о ...' over 'Кристоф Вишеманн в интервью RT рассказал о ходе
        дела')."""
        if headline := self._answerer(0, self._headline_stop):
            return headline
        section = self._section_of(at)
        floor = section[0] if section else self._headline_stop
        before = [s for s in self.sentences if floor <= s[0] and s[1] <= at]
        lead, presented = False, set()
        for start, stop, _ in reversed(before):
            run = self._dashed(start) or self._answered(start)
            if run and lead:  # the run of questions before this lead
                break
            if run or self._caption(start):
                continue
            if found := self._answerer(start, stop):
                return found
            named = self._narrated_in(start, stop)
            people = {m.entity_id for m in named if m.type == "PER" and self._introduced_here(m)}
            presented |= people
            # a piece of an answer a link cut ('Играм в Пхёнчхане') opens no lead
            lead = lead or bool(people) or not self._fragment(start, stop)
        first = next((s[0] for s in before if self._dashed(s[0])), at)
        opening = [s for s in before if s[1] <= first]
        found = next(filter(None, (self._answerer(a, b) for a, b, _ in reversed(opening))), None)
        if found is None and self._role_headline:
            found = self._presented_alone(opening)
        return found if found and presented <= {found.entity_id} else None

    @cached_property
    def _role_headline(self) -> bool:
        """Whether the headline gives the words of one it names only by a role
        (`_HEADLINE_ROLE`) and names no person outside its quotation."""
        headline = self.text[: self._headline_stop]
        named = any(m.in_headline and not self._quoted(m.start) for m in self.narrated)
        role = _HEADLINE_ROLE.search(headline)
        return bool(role) and not named and not _plural(role.group(1))

    def _presented_alone(self, opening: list[tuple[int, int, int]]) -> Mention | None:
        """The one person the narration `opening` (the lead before the first question)
        presents (`_introduced_here`: 'Одной из главных героинь ... стала Юлия Манагарова'),
        when it presents nobody else: the one the role of a headline stands for."""
        found = [
            m
            for a, b, _ in opening
            if a >= self._headline_stop
            for m in self._narrated_in(a, b)
            if m.type == "PER" and self._introduced_here(m)
        ]
        return found[0] if len({m.entity_id for m in found}) == 1 else None

    def _caption(self, at: int) -> bool:
        """Whether the paragraph of `at` is a photo's caption (`_CAPTION`)."""
        return bool(_CAPTION.search(self.text, at, self._paragraph_end(at)))

    def _fragment(self, start: int, stop: int) -> bool:
        """Whether a sentence is a piece of one that a link or a name set apart cut: it does not
        end as a sentence does ('Играм в Пхёнчхане'), or opens with no capital (', потому что
        верим ...'); such pieces of an answer open no lead, and present nobody to it."""
        words = self.text[start:stop].strip()
        return words[-1:] not in _ENDS or not (words[:1].isupper() or words[:1] in '«"')

    def _narrated_in(self, start: int, stop: int) -> list[Mention]:
        """The people and bodies narrated between `start` and `stop`, outside «»."""
        return [
            m
            for m in self.narrated
            if start <= m.start and m.stop <= stop and not self._quoted(m.start)
        ]

    def _answerer(self, start: int, stop: int) -> Mention | None:
        """The one person a sentence that gives nobody's words names as giving an interview:
        after 'с' and a noun of a person in a sentence of a talk (`_TALKED_WITH`: 'поговорил с
        ... политологом Майклом Томаски'), else the subject of the clause of an interview
        (`_INTERVIEWED`: 'Глава МИД Сергей Лавров ответил на вопросы RT'; not '..., отметил
        сильные стороны подопечных Эдуардо Бериццо' after it, nor 'Трамп: ...' before it)
        unless the interview's genitive names them ('интервью Ноама Хомского'); nobody if two
        are."""
        sentence = self.text[start:stop]
        if _QUOTATION.search(sentence):
            return None
        found = self._narrated_in(start, stop)
        if _TALKED_WITH.search(sentence):
            with_ = [m for m in found if self._after_role(m) and self._with(m)]
            if with_:
                return _one(with_)
        said = _INTERVIEWED.search(sentence)
        if not said:
            return None
        given = [m for m in found if m.start == start + said.end() + 1 and m.type == "PER"]
        if given:  # the interview's own genitive: 'полный текст интервью Ноама Хомского RT'
            return given[0]
        lo = max(sentence.rfind(",", 0, said.start()), sentence.rfind(":", 0, said.start())) + 1
        hi = sentence.find(",", said.end()) % (len(sentence) + 1)
        clause = [m for m in found if start + lo <= m.start and m.stop <= start + hi]
        return _one([m for m in clause if m.nominative and m.type == "PER"])

    def _with(self, m: Mention) -> bool:
        """Whether 'с' opens the phrase of the noun before the person ('с американским
        журналистом и политологом Майклом Томаски', 'с вице-президентом ФСПР, четырёхкратной
        олимпийской чемпионкой Ольгой Брусникиной')."""
        clause = re.split(r"[.!?;:«»\n]", self.text[max(0, m.start - 120) : m.start])[-1]
        return bool(re.search(r"(?i)(?<!\w)со?\s", clause))

    def _first_person(self, at: int) -> bool:
        """Whether the paragraph of `at`, after the interview's first '- ' paragraph, speaks in
        the first person outside «» ('Ещё Гиппократ говорил ... сейчас мы знаем, что ...'):
        the interviewee's answer going on in a paragraph of its own, which names people only as
        spoken of; an introduction narrates ('RT обсудил с ...'). A lead before the questions
        may speak for the outlet ('Продолжаем отвечать ... вместе с иммунологом ...')."""
        start = self._paragraph_start(at)
        if not _DASHED_BEFORE.search(self.text, 0, start):
            return False
        paragraph = _IN_QUOTES.sub("", self.text[start : self._paragraph_end(at)])
        return any(
            morph()(word.lower())[0].tag.person == "1per" for word in _WORDS.findall(paragraph)
        )

    def _introduced_here(self, m: Mention) -> bool:
        """Whether an introduction presents the person (the subject, or after a noun of a person:
        'с вице-президентом ФСПР Ольгой Брусникиной'), outside a quotation (a subheading
        '«Уважаю Карреру за то, что ...»' quotes the interviewee on someone)."""
        return (self._presented(m) or self._after_role(m)) and not self._quoted(m.start)

    def _after_role(self, m: Mention) -> bool:
        """Whether a person is named after a noun of a person in their case, the organisation
        of the role between ('с бывшим президентом Всероссийской федерации лёгкой атлетики
        (ВФЛА) Валентином Балахничёвым'), the noun not right after a preposition."""
        first = morph()(m.surface.split()[0].lower())[:1]
        clause = re.split(r"[.!?;:,«»\n]", self.text[max(0, m.start - 120) : m.start])[-1]
        words = _WORDS.findall(clause)
        for i in range(len(words) - 1, max(-1, len(words) - 1 - _ROLE_WORDS), -1):
            parse = morph()(words[i].lower())[0]
            if parse.tag.POS == "NOUN" and "anim" in parse.tag:
                # not a role after a preposition: 'нападки на президента Путина' speaks of him
                after = i > 0 and _pos(words[i - 1]) == "PREP"
                return bool(first) and not after and parse.tag.case == first[0].tag.case != "nomn"
            if parse.tag.case != "gent" and not words[i].isupper():
                return False
        return False

    def _answering(self, at: int) -> bool:
        """Whether `at` is in a '- ' paragraph of an interview that is no question (no '?' at
        its end): an answer the speech rules did not take whole because a quote lies in it ('— Не
        знаю ... В последний день моего визита в США я сказал, что ...')."""
        return bool(self.answers) and self._dashed(at) and not self._asks(at)

    def _going_on(self, at: int) -> bool:
        """Whether `at` is outside «» in a paragraph with no dash that goes on with an answer
        of an interview (`_first_person`: it speaks in the first person after the first '- '
        paragraph) and asks nothing (no '?' at its end): 'Я думаю, что здесь у нас будет
        общая позиция' in an interview whose answers lost their dashes."""
        if not self.answers or self._dashed(at) or self._quoted(at):
            return False
        return not self._asks(at) and self._first_person(at)

    def _asks(self, at: int) -> bool:
        """Whether the paragraph of `at` ends with a question mark."""
        paragraph = self.text[self._paragraph_start(at) : self._paragraph_end(at)]
        return paragraph.rstrip().endswith("?")

    def _named_interviewee(self, at: int) -> Mention | None:
        """The interviewee the section's introduction, the headline or the lead names
        (`interviewee` without the people of nearby narration, of a question's address or of
        a paragraph's label): a paragraph of a column's own 'я' among dashed lines of dialogue
        is the author's, not of one named near it."""
        if self._footnote(at) or self._dialogue:
            return None
        return self._section_person(at) or self._lead_interviewee(at) or self._headline_subject

    def _answering_interviewee(
        self, at: int, gender: str | None, named: bool = False
    ) -> str | None:
        """The interviewee (`interviewee`; `_named_interviewee` if `named`) as the 'я' of an
        answer's paragraph (`_answering`, `_going_on`): not when the cue's gender is not
        theirs ('Я же ей объяснял' is no woman's), nor when the question just before asks
        about them ('— В каком состоянии находится Дзагоев? — ... Я читал, что ...': the one
        asked about is spoken of)."""
        found = self._named_interviewee(at) if named else self.interviewee(at)
        if found is None or not self._fits(found.entity_id, gender):
            return None
        lo = self._paragraph_start(max(0, self._paragraph_start(at) - 2))
        asked = any(
            m.entity_id == found.entity_id
            for m in self.mentions
            if lo <= m.start < self._paragraph_start(at) and not self._addressed(m)
        )
        return None if asked else self.whole(found.entity_id)

    def _addresses(self, start: int, m: Mention) -> bool:
        """Whether the question whose paragraph opens at `start` addresses `m` (`_addressed`)."""
        return start < m.start and self._paragraph_start(m.start) == start and self._addressed(m)

    def _addressed(self, m: Mention) -> bool:
        """Whether a person is named as the one a question addresses: right after its dash,
        or a courtesy title after it, before a comma ('— Антон Германович, вы ...', '— Господин
        Чевик, ...')."""
        start = self._paragraph_start(m.start)
        dash = _ADDRESS.fullmatch(self.text, start, m.start)
        return bool(dash) and self.text[m.stop : m.stop + 1] == ","

    def _answered(self, at: int) -> bool:
        """Whether `at` is in the later paragraphs of a '- ' answer (the answer runs on until
        the next question, and may take in the introduction of the next section)."""
        return any(a <= at < b for a, b in self._dashed_answers)

    @cached_property
    def _dashed_answers(self) -> list[tuple[int, int]]:
        """The answers that open with a dash or go straight on from one (the answer's later
        paragraphs, each an answer of its own), not answers found without a dash."""
        found, last = [], None
        for a, b in sorted(self.answers):
            # the next paragraph, or the same one past an editorial note set apart
            on = last is not None and (
                self.text.count("\n\n", last, a) <= 1 or self._paragraph_start(a) <= last
            )
            if self._dashed(a) or on and found and found[-1][1] == last:
                found.append((a, b))
            last = b
        return found

    def _asked_after(self, at: int) -> bool:
        """Whether the paragraph of `at` is followed by a '- ' question: the paragraph that
        introduces a section ('Денис Глушаков рассказал, что ...'), not a paragraph within an
        answer."""
        end = self._paragraph_stop(at)
        return end >= 0 and self.text[end + 2 : end + 3] in tuple(_DASHES)

    def _dashed(self, at: int) -> bool:
        """Whether the paragraph of `at` opens with a dash, or follows a paragraph of a dash
        alone (a question or answer whose dash the layout set apart: '—\n\nНо вы активны ...')."""
        start = self._paragraph_start(at)
        return self.text[start] in _DASHES or bool(
            _LONE_DASH.search(self.text, max(0, start - 8), start)
        )

    @cached_property
    def _headline_stop(self) -> int:
        return self.text.find("\n\n") % (len(self.text) + 1)

    def _quoted(self, at: int) -> bool:
        """Whether `at` lies inside «» opened in its paragraph (words said, not narrated)."""
        before = self.text[self._paragraph_start(at) : at]
        return before.count("«") > before.count("»")

    @cached_property
    def _headline_subject(self) -> Mention | None:
        """The person a headline gives the words of: the surname right after its quotation
        ('«...»: Билялетдинов о матчах', '«...»: глава ВЭБ Горьков о ...'), as the article
        names them; else the one person it names in the nominative outside its quotation and
        before what it is about ('экс-капитан сборной Мексики о ..., таланте Месси' names Месси
        only as a topic)."""
        said = _HEADLINE_SUBJECT.search(self.text[: self._headline_stop])
        if said and not self._headline_pair:
            word = key(said.group(1))
            found = [
                m
                for m in self.narrated
                if m.entity_id in self.people
                and _same_surname(word, key(self.people[m.entity_id].name).split()[-1])
            ]
            if found and len({m.entity_id for m in found}) == 1:
                return found[0]
            if not found and (known := self._known(said)):
                return known
        headline = [m for m in self.narrated if m.in_headline and self._subject_of_headline(m)]
        return headline[0] if len({m.entity_id for m in headline}) == 1 else None

    def _known(self, said: re.Match) -> Mention | None:
        """The person a headline names ('«...»: Колобков о ...', '«...»: Алина Загитова о ...')
        when the article's text tags nobody of that name: whom the corpus means by it
        (`surnames`). A first name before the surname narrows it to that full name."""
        start, stop = said.span(1)
        first = re.search(r"([А-ЯЁ][а-яё]+)\s+$", self.text[said.start() : start])
        if first and _given_name(first.group(1)):
            start = said.start() + first.start(1)
        entity_id = self.surnames.get(sound(" ".join(self.text[start:stop].split())))
        if entity_id is None:
            return None
        return Mention(start, stop, 0, entity_id, "PER", self.text[start:stop], True, True, True)

    @cached_property
    def _headline_pair(self) -> bool:
        """Whether the headline gives two people's words: '«...»: Черчесов и Васин о ...'."""
        said = _HEADLINE_SUBJECT.search(self.text[: self._headline_stop])
        return bool(said and re.search(r"\sи\s", said.group()))

    def _subject_of_headline(self, m: Mention) -> bool:
        """A headline's person in the nominative, outside its quotation (from its first '«' to
        its last '»': '«Я не похожа на героиню «Карточного домика»: Шмелёва о ...') and not
        after a preposition of what it is about ('о', 'об', 'про') that follows it."""
        start = self._paragraph_start(m.start)
        headline = self.text[start : self.text.find("\n\n", start) % (len(self.text) + 1)]
        opens, closes = headline.find("«"), headline.rfind("»")
        quoted = 0 <= opens <= m.start - start < closes
        topic = _TOPIC.search(headline, max(closes, 0), m.start - start)
        return m.nominative and not quoted and not topic
