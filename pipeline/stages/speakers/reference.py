"""Reference back: whom a pronoun, a noun of a person or 'я' in «» refers to. The one person
of the nearest earlier sentence with people who is presented there (the subject, or after a
noun of a person) and of the pronoun's or the cue's gender, else the speaker of the quote just
before; and whether a noun introduced an unnamed person who is nobody named.

Rule 5 of the package: only people the text presents can be referred back to, not those only
spoken of."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cached_property

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import MEDIUM, STRONG_WORDS, WEAK_WORDS
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.ner import preposition
from pipeline.nlp.sources import (
    SPOKES,
    agreement,
)
from pipeline.runtime.choice import sole
from pipeline.stages.speakers.phrases import _INDEFINITE, _UNNAMED, _WORDS, _opening
from pipeline.stages.speakers.records import Mention, Previous, Said, role_head
from pipeline.stages.speakers.sentences import _opines
from pipeline.stages.speakers.words import (
    _BACK,
    _DASHES,
    _animate,
    _commenting,
    _described_apart,
    _fixed,
    _is_verb,
    _plural,
    _pos,
    _same_noun,
    _same_surname,
)

#: Nouns of a man or a woman: they describe one of any role.
_SEXES = frozenset({"мужчина", "женщина"})

#: After a quotation's closing mark: a comma, a dash and one word before a name ('», —
#: подытожила Могерини').
_SIGNED = re.compile(rf"\s*,?\s*[{_DASHES}]\s*(\w+)\s+")

#: A description after a name: 'Георгий Остапкович, экономист'.
_DESCRIBED = re.compile(r"\s*,\s*[^,.;:!?«»\"()\n]{0,60}")

#: A name the text says it made up, after it ('Ирина (имя изменено)', 'Наталья (назовём её
#: так)') or before it ('назовём его Иван').
_MADE_UP_AFTER = re.compile(r"\s*\((?:[^()]{0,40}\bизмен[её]н|\s*назов[её]м\s)", re.I)
_MADE_UP_BEFORE = re.compile(r"назов[её]м\s+(?:его|её|ее|их)\s*$", re.I)

#: Words right after a noun of a person who asked not to be named: ', попросившая не указывать
#: её имени', ', пожелавший остаться неизвестным', 'на условиях анонимности'.
_ANONYMOUS = re.compile(
    r"[^.!?«»\n]{0,40}?\b(?:(?:попрос|пожела)\w*\s+не\s+(?:называ|указыва|раскрыва|публикова)"
    r"|(?:пожела|предпоч)\w*\s+остаться\s+(?:неизвестн|анонимн|неназванн|инкогнито)"
    r"|на\s+условиях\s+анонимности)",
    re.I,
)

#: How far before a name the dash that opens the author's words inside a quotation may stand:
#: a verb, a medium and a long role before the name ('— пояснил в интервью RT старший научный
#: сотрудник центра арабских и исламских исследований Института Востока РАН ...').
_ASIDE_REACH = 200

#: The preposition of one who acts with the subject.
_WITH = frozenset({"с", "со"})

#: A name coordinated with the one before it: '[Колесниченко] и Пацкевич'.
_PAIRED = re.compile(r"\s+и\s+[А-ЯЁ]")

#: Entities 'там' may stand for as the quote just before's speaker: a body, a medium, a place
#: for its government ('В Дамаске считают ... Там отметили').
_THERE_SPOKE = frozenset({"ORG", MEDIUM, "LOC"})

#: Entities 'там' may stand for when placed with 'в' just before: a body or a medium, not a
#: place ('в Крыму. Там отметили' says where, not who).
_THERE_PLACED = frozenset({"ORG", MEDIUM})

#: 'в' or 'во' before a name, with up to two words of a place's own between ('в
#: республиканском МВД', 'в пресс-службу «Севильи»', 'в парламентской партии «Зелёные»').
_IN_PLACE = re.compile(r"(?i)(?:^|[^\w-])во?\s+(?:[\w-]+\s+){0,2}[«\"]?$")


def _introducing(words: list[str]) -> list[str]:
    """The words before a name that may introduce its person: not a noun that can only be
    plural, which names others ('выступавшая перед депутатами Саша Спилберг')."""
    return [w for w in words if not (_pos(w) == "NOUN" and _plural(w))]


class Reference:
    """Whom a pronoun or a noun referring back means."""

    def refers_back(self, entity_id: str) -> bool:
        """Whether a later source may refer back to a speaker ('он', 'в ведомстве'): a person
        or a body, not a place for its government ('В Москве отметили ... — отмечается в
        заявлении' is the ministry's statement)."""
        return entity_id not in self._places

    def _antecedent(
        self,
        before: int,
        gender: str | None,
        previous: Previous | None = None,
        narrated: int | None = None,
        expert: bool = False,
        pronoun: bool = False,
    ) -> str | None:
        """The person a pronoun or a description at `before` stands for: of the nearest
        earlier sentences with people outside quotations (up to `_BACK`), the first with
        people of the right gender; the one of them written in the nominative (the subject),
        else the speaker of the quote just before (`_recent`) when none is the subject or they
        are among them, else the one such person. A person only spoken of in another case
        ('заявил о Трампе') gives way to who spoke. The speaker of the quote just before is
        nearer than those people when that quote's source, after their sentence, names them
        (`_named_since`: '— считает Долгов. ... — считает аль-Шакир. По словам эксперта'). People
        written before an unnamed source (`_unnamed_before`) or an unnamed person the text
        introduces since (`_stranger_before`) are no antecedent; those are looked for up to
        `narrated`, where the quote's own words open before its source: a source or a stranger
        the quotation speaks of ('«Сумма источников ...», — добавил он', with straight quotes or
        over paragraphs, which `_quoted` does not see) is not one the pronoun follows. For an
        `expert`, people known by an office of a state (`_in_office`) are only spoken of. For a
        `pronoun`, a sentence whose subject is a pronoun of its gender passes it on
        (`_pronoun_subject`)."""
        told = before if narrated is None else narrated
        floor = max(
            self._unnamed_before(told),
            self._stranger_before(told, gender),
        )
        earlier = [m for m in self.narrated if floor <= m.start and m.stop <= before]
        if expert:
            earlier = [m for m in earlier if not self._in_office(m.entity_id)]
            if previous and self._in_office(previous[0]):
                previous = None
        sentences = sorted({m.sentence for m in earlier}, reverse=True)[:_BACK]
        recent = self._recent(previous, before, gender)
        recent = recent if recent and previous[1] > floor else None
        # the quote's own sentences do not push the quote before it out of reach, where the
        # people written since name its speaker again
        again = recent or self._recent(previous, told, gender)
        again = again if again and previous[1] > floor else None
        for sentence in sentences:
            fit = [
                m
                for m in earlier
                if m.sentence == sentence
                and self._fits(m.entity_id, gender)
                and not self._before_name(m)
                and not self._role_s_owner(m)  # 'заявила лидер Нацфронта': whose she is
            ]
            if not fit:
                continue
            chained = pronoun and self._pronoun_subject(sentence, fit[0].start, gender)
            if chained and not any(m.nominative for m in fit):
                continue  # 'он сравнил Дональда Трампа с ...' goes on about one named before
            if again and self._named_since(again, fit[-1], previous[2]):
                return again
            ids = {m.entity_id for m in fit}
            # the subject first, else one named after a noun of a person
            subjects = {m.entity_id for m in self._subjects(fit)}
            if not subjects and recent and self._described_before(fit[-1], previous):
                return recent  # '..., премьер-министр РФ отказался. «...», — считает премьер'
            subjects = subjects or {m.entity_id for m in fit if self._presented(m)}
            if len(subjects) == 1:
                return subjects.pop()
            if recent and (recent in ids or not subjects):
                return recent
            # further back only when a subject of it or named by the quote's source
            if again in ids and (again in subjects or self._surnamed_in(again, previous[2])):
                return again
            return sole(ids)
        return recent

    def _pronoun_subject(self, sentence: int, before: int, gender: str | None) -> bool:
        """Whether a sentence opens with a personal pronoun of the third person singular in the
        nominative, of `gender`, outside quotations, before `before` (its first person: 'В
        своем аккаунте на Facebook он сравнил Дональда Трампа с ...'): its subject is someone
        named before it, and the people it names after it are only spoken of (not 'Байдену
        пришлось оправдываться, он ...', whose 'он' is the one named before it)."""
        if not 0 <= sentence < len(self.sentences):
            return False
        start, stop, _ = self.sentences[sentence]
        pronouns = {"masc": {"он"}, "femn": {"она"}}.get(gender, {"он", "она"})
        return any(
            key(word.group()) in pronouns and not self._quoted(word.start())
            for word in _WORDS.finditer(self.text, start, min(stop, before))
        )

    @cached_property
    def _told_genders(self) -> dict[str, str]:
        """The gender the article's verbs give a person whose name the morphology reads as of
        the other or of none: a verb in the past singular right after their name in the
        nominative, not after a preposition ('Никки Хейли заявила', where pymorphy2 reads
        'Никки' as a man's name; not 'кабинет во главе с Мэй столкнулся'), when all such verbs
        agree."""
        told: dict[str, set[str]] = {}
        for m in self.narrated:
            spaced = self.text[m.stop : m.stop + 1] == " "
            after = _WORDS.match(self.text, m.stop + 1) if spaced else None
            before = _WORDS.findall(self.text[max(0, m.start - 20) : m.start])[-1:]
            if not m.nominative or after is None or before and preposition(before[0].lower()):
                continue
            parse = morph()(after.group().lower())[:1]
            if parse and parse[0].tag.POS == "VERB" and parse[0].tag.gender in ("masc", "femn"):
                told.setdefault(m.entity_id, set()).add(parse[0].tag.gender)
        return {e: genders.pop() for e, genders in told.items() if len(genders) == 1}

    def _described_before(self, m: Mention, previous: Previous) -> bool:
        """Whether the sentence that names `m` ends before the quote just before does and its
        subject is a person described by a noun of the role that quote's source names, unnamed
        ('Отвечая на вопрос о фильме оппозиционера Алексея Навального, премьер-министр РФ
        отказался от комментариев. «...», — считает премьер. ..., по его словам, ...'): the
        people it names in another case are spoken of, and the one it describes is the speaker
        quoted since (not 'участник пресс-конференции' before '— ответил президент')."""
        held = self._sentence_at(m.start)
        _, spoke, source = previous
        if held is None or source is None or spoke < self.sentences[held][1]:
            return False
        role = role_head(self.text[source[0] : source[1]])
        start, stop, _ = self.sentences[held]
        after = None  # the part of speech of the word before: no preposition's object
        for word in _WORDS.finditer(self.text, start, stop):
            tag = morph()(word.group().lower())[0].tag
            named = {"Name", "Surn", "Patr"} & set(tag.grammemes)
            of_person = tag.POS == "NOUN" and "anim" in tag and not named
            if of_person and tag.case == "nomn" and after != "PREP":
                unnamed = not self._quoted(word.start()) and not self._apposed(word.end(), True)
                return unnamed and role is not None and role_head(word.group()) == role
            after = tag.POS
        return False

    def _recent(
        self,
        previous: Previous | None,
        before: int,
        gender: str | None,
        among: Collection[str] | None = None,
        back: int = _BACK,
    ) -> str | None:
        """The speaker of the article's quote before, when that quote ended in the last
        `back` sentences before `before` and the speaker is one of `among` (by default a
        person, of `gender`)."""
        among = self.people if among is None else among or self._authors
        if previous is None or previous[0] not in among or not self._fits(previous[0], gender):
            return None
        start = self._back_start(before, back)
        return previous[0] if start is not None and previous[1] >= start else None

    def _back_start(self, before: int, back: int = _BACK) -> int | None:
        """Where the first of the last `back` sentences ending before `before` starts."""
        starts = [a for a, b, _ in self.sentences if b <= before][-back:]
        return starts[0] if starts else None

    def _that_one(self, start: int, gender: str | None) -> str | None:
        """Whom the demonstrative 'тот' ('та') at `start` means: the person or organisation
        named last before it, in its sentence or the one before, which it picks out from the
        subject ('обратились к губернатору Андрею Бочарову ... В ответ тот заявил', 'письмо
        Коболева, в котором тот подчеркнул'), of the cue's gender; None when a noun of a person
        stands after that name ('привлекли строительного эксперта, и тот подтвердил': the
        unnamed expert), or the name is inside brackets, an aside."""
        held = self._sentence_at(start)
        if held is None:
            return None
        opens = self.sentences[max(0, held - 1)][0]
        named = [
            m
            for m in self.mentions
            if m.type in ("PER", "ORG") and opens <= m.start and m.stop <= start and m.narrated
        ]
        if not named:
            return None
        last = named[-1]
        aside = self.text[opens : last.start]
        if aside.rfind("(") > aside.rfind(")") or any(
            map(_animate, _WORDS.findall(self.text[last.stop : start]))
        ):
            return None
        if last.type == "ORG":
            return last.entity_id
        return self._whole(last.entity_id, start) if self._fits(last.entity_id, gender) else None

    def _there(self, start: int, previous: Previous | None) -> str | None:
        """Which body 'там' as a source at `start` stands for ('В МИД заявили ... Там
        подчеркнули', 'RT сделал запрос в пресс-службу «Севильи», и там сообщили'): the
        speaker of the quote just before, when a body, a medium or a place for its government
        and that quote ended in the sentence before or this one; else the one body or medium
        the sentence before or this one names after 'в' before 'там' (`_IN_PLACE`); nobody for
        none or several."""
        spoke = {m.entity_id for m in self.mentions if m.type in _THERE_SPOKE}
        found = self._recent(previous, start, None, spoke, 1) if spoke else None
        held = self._sentence_at(start)
        if found or held is None:
            return found
        opens = self.sentences[max(0, held - 1)][0]
        placed = {
            m.entity_id
            for m in self.mentions
            if m.type in _THERE_PLACED and m.narrated and opens <= m.start and m.stop <= start
            if _IN_PLACE.search(self.text, max(0, m.start - 60), m.start)
        }
        return sole(placed)

    def _fits(self, entity_id: str, gender: str | None) -> bool:
        person = self.people.get(entity_id)
        found = self._told_genders.get(entity_id) or (person.gender if person else None)
        return gender is None or found is None or found == gender

    def _introduced(
        self,
        head: str,
        before: int,
        gender: str | None,
        organisations: set[str],
        words: str | None = None,
    ) -> str | None:
        """The nearest earlier person whose role is `head` (`entities.role`: 'министр' for 'Глава
        МИД России Сергей Лавров') or whom the text introduced with the noun `head` or a compound
        of it (`_same_noun`), written in the four words before the name ('вице-премьер РФ
        Виталий Мутко') or after it in apposition ('Георгий Остапкович, экономист'), and with
        one of `organisations` there, if any; not one introduced by a description that
        disagrees with `words` ('главный военный прокурор' for 'генеральный прокурор':
        `_described_apart`)."""
        for m in reversed([m for m in self.narrated if m.stop <= before]):
            if not self._fits(m.entity_id, gender):
                continue
            lo = max(0, m.start - 60)
            person = self.people.get(m.entity_id)
            introduction = None if self._role_s_owner(m) else self._introduction(m, head)
            # one who holds the role (not who speaks for another: their roles are loose)
            if introduction is None and not (person and person.role == head and head not in SPOKES):
                continue
            if (
                words
                and introduction
                and _described_apart(_WORDS.findall(words), introduction, head)
            ):
                continue
            apposed = _DESCRIBED.match(self.text, m.stop)
            hi = apposed.end() if apposed else m.stop
            if not organisations or any(
                o.entity_id in organisations for o in self.mentions if lo <= o.start < hi
            ):
                return m.entity_id
        return None

    def _introduction(self, m: Mention, head: str) -> list[str] | None:
        """The words a mention's person is introduced with when the noun `head` or a compound of
        it is among them: the four words before the name and an apposition after it."""
        stem = key(head)[-7:-2] if len(head) > 8 else key(head)[: max(3, len(head) - 3)]
        lo = max(0, m.start - 60)
        apposed = _DESCRIBED.match(self.text, m.stop)
        hi = apposed.end() if apposed else m.stop
        if stem not in key(self.text[lo:hi]):
            return None  # no form of the noun near the name (read first: lemmas cost)
        ahead = _WORDS.findall(self.text[lo : m.start])[-4:]
        behind = _WORDS.findall(apposed.group()) if apposed else []
        if not any(_same_noun(lemma(w), head) for w in _introducing(ahead) + behind):
            return None
        return ahead + behind

    def _role_s_owner(self, m: Mention) -> bool:
        """Whether a name in an oblique case follows a noun of a person in the nominative, whose
        the role is ('заявила лидер Нацфронта', 'советник Трампа'): not introduced with that
        noun, which an apposition agrees with in case ('вице-премьера Виталия Мутко')."""
        if m.nominative:
            return False
        words = _WORDS.findall(self.text[max(0, m.start - 40) : m.start])[-1:]
        tag = morph()(words[0].lower())[0].tag if words else None
        return tag is not None and tag.POS == "NOUN" and "anim" in tag and tag.case == "nomn"

    def _before_name(self, m: Mention) -> bool:
        """Whether another person's mention follows `m` with nothing but a space between: `m`
        is a description the entity stage took for a person, and the name after it the one
        described ('Экс-боец UFC Олег Тактаров')."""
        return any(
            o.type == "PER" and o.start > m.stop and not self.text[m.stop : o.start].strip()
            for o in self.mentions
            if m.stop <= o.start <= m.stop + 2
        )

    def _named_since(self, entity_id: str, m: Mention, source: tuple[int, int] | None) -> bool:
        """Whether the source of the quote before, written after the sentence that names `m`,
        names the person by their surname: a name the entity stage did not tag, read by
        `_by_name` ('— считает аль-Шакир', 'Коновалов, в свою очередь, считает')."""
        held = self._sentence_at(m.start)
        if source is None or held is None or source[0] < self.sentences[held][1]:
            return False
        return self._surnamed_in(entity_id, source)

    def _surnamed_in(self, entity_id: str, source: tuple[int, int] | None) -> bool:
        """Whether the words of `source` name the person by their surname."""
        person = self.people.get(entity_id)
        if person is None or source is None:
            return False
        surname = key(person.name).split()[-1]
        words = _WORDS.findall(self.text[source[0] : source[1]])
        return any(_same_surname(key(word), surname) for word in words)

    def _owner(self, m: Mention) -> bool:
        """Whether a surname that does not decline, which reads as a nominative in any case,
        is whose a thing is, right after the thing's noun ('Слова Порошенко о ...
        прокомментировал Дмитрий Песков', 'встреча Саакашвили'): not the subject. Not after a
        role's complement ('глава государства Порошенко', 'премьер Израиля Нетаньяху'), nor one
        of a pair of names, whose case the other may not tell either."""
        if " " in m.surface.strip() or not _fixed(m.surface):
            return False
        clause = re.split(r"[^\w\s-]", self.text[max(0, m.start - 60) : m.start])[-1]
        before = _WORDS.findall(clause)
        if not before:
            return False
        if _PAIRED.match(self.text, m.stop):
            return False  # 'в четверг Колесниченко и Пацкевич будут': a pair of subjects
        noun = morph()(before[-1].lower())[0].tag
        role = morph()(before[-2].lower())[0].tag if len(before) > 1 else None
        of_role = role is not None and role.POS == "NOUN" and "anim" in role
        return noun.POS == "NOUN" and "inan" in noun and not of_role

    def _subjects(self, fit: list[Mention]) -> list[Mention]:
        """The names of a sentence that may be its subject: in the nominative, not whose a
        thing is (`_owner`) nor after a preposition, which a name that does not decline reads
        as ('подтолкнул Кларетту к Муссолини'); of those, not one after the verb of another
        before it ('Томми Хаас, в свою очередь, поздравил не только Серену и Роджера, но и
        Винус с Рафаэлем': Винус is whom he congratulated)."""
        named = [
            m for m in fit if m.nominative and not self._owner(m) and not self._governed_name(m)
        ]
        return [
            m
            for m in named
            if self._with(m)
            or not any(
                o.stop <= m.start
                and o.entity_id != m.entity_id
                and self._verb_between(o.stop, m.start)
                for o in named
            )
        ]

    def _verb_between(self, start: int, stop: int) -> bool:
        """Whether a finite verb stands between two names, not a parenthetical cue's right
        before the second ('Каспаров, как подчеркнул Миронов, ...': Миронов speaks)."""
        words = _WORDS.findall(self.text[start:stop])
        if len(words) >= 2 and words[-2].lower() == "как" and _pos(words[-1]) == "VERB":
            words = words[:-2]
        return any(_pos(w) == "VERB" for w in words)

    def _word_before(self, m: Mention) -> str:
        """The word right before a name, in lower case ('' at the start of the text)."""
        before = _WORDS.findall(self.text[max(0, m.start - 30) : m.start])[-1:]
        return before[0].lower() if before else ""

    def _with(self, m: Mention) -> bool:
        """Whether 'с' stands right before a name: one who acts with the subject
        ('встретился с Энтони Блинкеном': either may go on speaking)."""
        return self._word_before(m) in _WITH

    def _governed_name(self, m: Mention) -> bool:
        """Whether a preposition other than `_with`'s 'с' stands right before a name."""
        word = self._word_before(m)
        return bool(word) and word not in _WITH and preposition(word)

    def _presented(self, m: Mention) -> bool:
        """Whether the text presents a person rather than mentions them: the subject, in the
        nominative, or named after a noun of a person in the same oblique case ('показания
        своего информатора Родченкова'), not whose ('советник Трампа') or after a preposition
        ('о Трампе')."""
        if m.nominative:
            return True
        words = _WORDS.findall(self.text[max(0, m.start - 40) : m.start])[-2:]
        parses = [morph()(w.lower())[0] for w in words]
        if not parses or parses[-1].tag.POS != "NOUN" or "anim" not in parses[-1].tag:
            return False
        noun = parses[-1].tag
        before = parses[0].tag.POS if len(parses) == 2 else None
        names = {"Name", "Surn", "Patr"} & set(noun.grammemes)
        return noun.case != "nomn" and not names and before != "PREP"

    def _unnamed_before(self, before: int) -> int:
        """Where the last unnamed source of the `_BACK` sentences before `before` is named in
        the nominative ('Это подтвердил источник в администрации. По его словам, ...'): a
        pronoun after it is that source's, nobody's; 0 if none is."""
        back = self._back_start(before)
        lo = back if back is not None else max(0, before - 300)
        # back to the last person named: one named before the unnamed source is not referred to
        # ('Как рассказал RT источник в правоохранительных органах ... По словам собеседника')
        # (there one source: 'западные источники' are no 'он')
        named = [m.start for m in self.narrated if m.stop <= before]
        near, lo = lo, min([lo, *named[-1:]])
        found, after = 0, None  # after: the word before, a preposition ('на источник')
        for word in _WORDS.finditer(self.text, lo, before):
            parse = morph()(word.group().lower())[:1]
            one = word.start() >= near or parse and parse[0].tag.number != "plur"
            nominative = one and parse and parse[0].tag.case == "nomn" and after != "PREP"
            unnamed = nominative and parse[0].normal_form in _UNNAMED
            told = not self._quoted(word.start()) or self._aside(word.start(), word.end())
            if unnamed and told and not self._of_thing(word.end()):
                found = word.end()
            after = parse[0].tag.POS if parse else None
        return found

    @cached_property
    def _made_up(self) -> frozenset[str]:
        """The stems of the one-word names the text says it made up for a person it leaves
        anonymous ('18-летняя Ирина (имя изменено)'): no one of that name speaks for them."""
        return frozenset(
            key(m.surface)[: max(3, len(m.surface) - 2)]
            for m in self.mentions
            if m.type == "PER"
            and len(_WORDS.findall(m.surface)) == 1
            and (
                _MADE_UP_AFTER.match(self.text, m.stop)
                or _MADE_UP_BEFORE.search(self.text[max(0, m.start - 30) : m.start])
            )
        )

    def _pseudonym(self, m: Mention) -> bool:
        """Whether a mention is a name the text made up (`_made_up`), in any case."""
        words = _WORDS.findall(m.surface)
        return len(words) == 1 and any(key(words[0]).startswith(s) for s in self._made_up)

    def _stranger_before(self, before: int, gender: str | None) -> int:
        """Where the last unnamed person of `gender` of the `_BACK` sentences before `before` is
        introduced (`_stranger`): a pronoun or a description after them is theirs, nobody's
        ('Мужчину лет 35-ти всё же удаётся разговорить: он поясняет', 'вспоминает одна из
        жительниц Донбасса ... По её словам'); 0 if none is."""
        back = self._back_start(before)
        lo = back if back is not None else max(0, before - 300)
        found = 0
        for word in _WORDS.finditer(self.text, lo, before):
            if self._stranger(word, gender):
                found = word.end()
        return max(found, self._anonymous_before(before, gender))

    def _anonymous_before(self, before: int, gender: str | None) -> int:
        """Where the last person of `gender` the text leaves anonymous on purpose is introduced
        since the last person named (or in the `_BACK` sentences) before `before`: a name it
        says it made up ('С этим столкнулась 18-летняя Ирина (имя изменено) ... — говорит
        она', `_pseudonym`) or a noun of one who asked not to be named (`_anonymous`); 0 if
        none is. No one named before them is referred back to."""
        back = self._back_start(before)
        named = [m.start for m in self.narrated if m.stop <= before]
        lo = min([back if back is not None else max(0, before - 300), *named[-1:]])
        found = [
            m.stop
            for m in self.mentions
            if lo <= m.start
            and m.stop <= before
            and self._pseudonym(m)
            and self._fits(m.entity_id, gender)
        ]
        found += [
            word.end()
            for word in _WORDS.finditer(self.text, lo, before)
            if _ANONYMOUS.match(self.text, word.end()) and self._anonymous(word, gender)
        ]
        return max([0, *found])

    def _stranger(self, word: re.Match, gender: str | None) -> bool:
        """Whether `word` is a noun of a person the text introduces without a name, in the
        nominative or the accusative and of `gender`: one of several ('одна из жительниц',
        'сказал один из дипломатов'), one of any opening its sentence ('Один болельщик', 'Ещё
        один собеседник «НГ»'), or one told by their age ('Мужчину лет 35-ти'). Not one named
        in apposition ('один из лидеров оппозиции Алексей Навальный'), nor one said of a person
        the sentence names or calls 'он' before it ('Он один из долгожителей кабинета')."""
        tag = morph()(word.group().lower())[0].tag
        if tag.POS != "NOUN" or "anim" not in tag or {"Name", "Surn", "Patr"} & set(tag.grammemes):
            return False
        held = self._sentence_at(word.start())
        opens = self.sentences[held][0] if held is not None else word.start()
        before = [w.lower() for w in _WORDS.findall(self.text[opens : word.start()])]
        after = _WORDS.findall(self.text[word.end() : word.end() + 20])[:1]
        one = [morph()(w)[0] for w in before[-3:] if lemma(w) in _INDEFINITE]
        if before[-1:] == ["из"] and tag.number == "plur" and tag.case == "gent" and one:
            tag = one[0].tag  # 'одна из жительниц': the gender and case of 'одна'
        elif tag.number != "sing" or not (after == ["лет"] or one and _opening(before)):
            return False
        if tag.case not in ("nomn", "accs") or gender and tag.gender and tag.gender != gender:
            return False
        if self._quoted(word.start()) or self._apposed(word.end(), tag.case == "nomn"):
            return False
        said_of = {"он", "она"} & set(before)
        named = any(m.type == "PER" and opens <= m.start < word.start() for m in self.mentions)
        return not (said_of or named)

    def _anonymous(self, word: re.Match, gender: str | None) -> bool:
        """Whether a word is a noun of a person who asked not to be named, in the words right
        after it ('— делится собеседница, попросившая не указывать её имени', 'источник,
        пожелавший остаться неизвестным'), of `gender`, in the author's words (not inside a
        quotation but between its dashes)."""
        tag = morph()(word.group().lower())[0].tag
        if tag.POS != "NOUN" or "anim" not in tag or {"Name", "Surn", "Patr"} & set(tag.grammemes):
            return False
        if not _ANONYMOUS.match(self.text, word.end()):
            return False
        if gender and tag.gender and tag.gender != gender:
            return False
        return not self._quoted(word.start()) or self._aside(word.start(), word.end())

    def _of_thing(self, at: int) -> bool:
        """Whether the noun of a source ending at `at` is a thing's source, its first noun after
        it a thing's in the genitive ('источники информации', 'источники пресной воды',
        'замещать источники заимствования'), not of an outlet ('источник агентства')."""
        for word in _WORDS.findall(self.text[at : at + 60])[:3]:
            parse = morph()(word.lower())[:1]
            if not parse or parse[0].tag.POS != "NOUN":
                if parse and parse[0].tag.POS == "ADJF":
                    continue
                return False
            tag = parse[0].tag
            media = parse[0].normal_form in STRONG_WORDS | WEAK_WORDS
            return tag.case == "gent" and "inan" in tag and word.islower() and not media
        return False

    def _quoting(self, start: int, gender: str | None, previous: Previous | None) -> str | None:
        """Whose quotation a 'я' inside «» opened in its paragraph is: the speaker of the quote
        just before, when the words between the dashes inside the same «» name them ('«... —
        считает Нина Мамедова. — Я думаю, что ...»') or the sentence that opens the «» does
        ('по мнению Буренкова, не стоит «рассказывать ...'), or when the quotation opens after that
        quote and its speaker is also who a pronoun at its opening would be ('По словам ...
        Игоря Буренкова ... по мнению Буренкова, не стоит «рассказывать ... Хотя я думаю, что
        ...»'), unless the quotation speaks of them ('«Мишель Обама говорит ... Я полагаю, что
        она ...') or is followed by its own cue ('«... Я сказал, что ...», — поведал
        Глушаков'). Nobody outside «», nor when the quote before was one of a pronoun or a
        description inside the «» ('— сказал он'): its speaker is too often the wrong one to
        go on with."""
        if not self._quoted(start):
            return None
        opening = self._opening(start)
        resumed = self._resumed(opening, start, gender)
        if resumed:
            return resumed
        recent = self._recent(previous, start, gender)
        if recent is None:
            return None
        closing = self._closing(start)
        inside = [m for m in self.mentions if m.entity_id == recent and opening < m.start < closing]
        if previous[1] > opening:  # the quote before is in the «» or opens it
            held = self._sentence_at(opening)
            lo = opening if held is None else self.sentences[held][0]
            opened = any(m.entity_id == recent and lo <= m.start < opening for m in self.mentions)
            return recent if opened or any(self._inserted(m) for m in inside) else None
        cued = re.match(rf"\s*,?\s*[{_DASHES}]", self.text[closing + 1 : closing + 6])
        other = any(
            self._inserted(m) for m in self.narrated if opening < m.start < start
        )  # '«... — оспаривает этот аргумент Павел Святенков. — ... Я полагаю'
        if inside or cued or other or not self._presented_since(recent, opening, False):
            return None  # spoken of in it, named after it or in it, only spoken of before it
        return recent if self._antecedent(opening, gender, previous) == recent else None

    def _resumed(self, opening: int, start: int, gender: str | None) -> str | None:
        """Who a quotation resumes with after the words between its dashes, when the last of
        them before 'я' name one person in the nominative, of the cue's gender ('«... —
        оценил ситуацию Симонов в беседе с RT. — Я думаю, что ...»'): the statement goes on
        in their words, whether or not the part before was found as a quote of its own."""
        inserted = [
            m
            for m in self.narrated
            if opening < m.start < start and m.nominative and self._inserted(m)
        ]
        if not inserted or re.search(rf"[{_DASHES}]", self.text[inserted[-1].stop : start]) is None:
            return None
        found = self._whole(inserted[-1].entity_id, inserted[-1].start)
        return found if self._fits(found, gender) else None

    def signed(self, at: int) -> str | None:
        """Who the quotation `at` lies in is given to after its closing mark by a dash, a verb
        and a name in the nominative, of the verb's gender, whatever the verb ('«... мы говорим
        прямо, когда считаем, что ...», — подытожила Могерини'): its 'я' and 'мы' are theirs,
        also when the verb is no cue and the quotation is not found as a quote of its own."""
        if not self._quoted(at):
            return None
        signed = _SIGNED.match(self.text, self._closing(at) + 1)
        if signed is None or not _is_verb(signed.group(1)):
            return None
        m = next((m for m in self.narrated if m.start >= signed.end()), None)
        if m is None or m.start != signed.end() or not m.nominative:
            return None
        gender = agreement(signed.group(1))[1]
        found = self._one_person(m, gender, m.start)
        return found if self._fits(found, gender) else None

    def _inserted(self, m: Mention) -> bool:
        """Whether a name stands in the words between dashes inside a quotation: '«..., —
        считает Нина Мамедова. — ...»', also after a long role ('— пояснил в интервью RT
        старший научный сотрудник ... Института Востока РАН Константин Труевцев. — ...')."""
        return self._aside(m.start, m.stop, _ASIDE_REACH)

    def _aside(self, start: int, stop: int, reach: int = 60) -> bool:
        """Whether the words from `start` to `stop` stand between dashes inside a quotation, the
        author's words ('«..., — рассказывает источник. — ...»'), the first dash at most
        `reach` characters before."""
        before = self.text[max(0, start - reach) : start]
        dash = max(before.rfind(d) for d in _DASHES)
        after = self.text[stop : stop + 40]
        return (
            dash >= 0
            and not re.search(r"[«».!?]", before[dash:])
            and bool(re.match(rf"[^{_DASHES}«».!?]*[.,]?\s*[{_DASHES}]", after))
        )

    def _just_named(self, start: int, gender: str | None, said: Said, head: str) -> str | None:
        """The person a description any speaker fits ('эксперт', 'мужчина') refers back to,
        nearer than anyone the text introduced with the noun further back: the antecedent, as
        for a pronoun (the subject of the nearest earlier sentence with people, else the
        speaker just before), when it is the speaker just before, or the text presents them
        (`_presented_since`) as one asked for comment or as speaking ('Основатель портала
        Military Russia Дмитрий Корнев ... Эксперт подчеркнул', 'Нурлан Абдулгапаров тоже
        приехал ... Мужчина говорит'); not one holding an office ('Путин подписал указ.
        Эксперт считает'), nor one the text only tells of ('Ли Харви Освальд был человеком
        загадочным')."""
        found = self._antecedent(start, gender, said.previous)
        person = self.people.get(found) if found else None
        if person is None or not (_commenting(person.role, person.affiliation) or head in _SEXES):
            return None
        # from where the quotation opens: its own sentences push no one out of reach ('...,
        # считает Владимир Кормузов. «...», — пояснил эксперт')
        opens = said.words_from(start)
        if found != self._recent(said.previous, opens, gender):
            told = person.role is None and head not in _SEXES  # told of, unless said to speak
            if not self._presented_since(found, opens, told):
                return None
        return self._whole(found, start)

    def _presented_since(self, entity_id: str, before: int, speaking: bool) -> bool:
        """Whether the last `_BACK` sentences before `before` present the person (`_presented`:
        the subject, or after a noun of a person), not only speak of them ('списка
        Магнитского'); if `speaking`, in a sentence that reports speech or a view (`_opines`)."""
        back = self._back_start(before)
        return back is not None and any(
            m.entity_id == entity_id
            and self._presented(m)
            and not self._owner(m)
            and (not speaking or _opines(self._sentence_of(m.start)))
            for m in self.narrated
            if back <= m.start and m.stop <= before
        )
