"""Who a source that describes one person by a noun is ('эксперт', 'глава британского МИД'):
the person named in apposition, the holder of a state's role (`entities.role`), the person
introduced with the same noun, the spokesman of a body, a relative or a bystander.

Rule 3 of the package: a description is a person, never the organisation of its phrase; a
country it names keeps it from a person of another country."""

from __future__ import annotations

import re
from functools import cached_property
from types import MappingProxyType

from pipeline.nlp.gazetteer import adjectives, key, places
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.sources import (
    SPOKES,
    Reading,
)
from pipeline.runtime.choice import sole
from pipeline.stages.speakers.patterns import _AND, _CLAUSE
from pipeline.stages.speakers.phrases import _CITING, _WORDS, _alone, _another, _bare_noun
from pipeline.stages.speakers.records import (
    ROLE_PHRASES,
    Mention,
    Previous,
    Said,
    renamed_role,
    role_head,
)
from pipeline.stages.speakers.sentences import _opines
from pipeline.stages.speakers.words import (
    _AGENCIES,
    _BACK,
    _PUNDITS,
    _SUBORDINATING,
    _animate,
    _commenting,
    _fixed,
    _plural,
)

#: Nouns of a country's leader: with a country and no organisation or other noun ('российский
#: лидер', 'глава Украины', not 'глава МИД Украины', 'глава российского ведомства'), the head of
#: its state.
_LEADERS = frozenset({"лидер", "глава"})

#: Nouns of a bystander, one described by where they live, what they saw or where they were:
#: they are the person introduced with the noun ('очевидец Андрей Сбоев ... — добавил
#: очевидец'), else one the text leaves unnamed ('— говорит местная жительница'), never the
#: person named or quoted before.
_BYSTANDERS = frozenset(
    {"житель", "жительница", "очевидец", "очевидица", "свидетель", "свидетельница"}
    | {"прохожий", "прохожая", "сосед", "соседка", "пассажир", "пассажирка"}
    | {"отдыхающий", "отдыхающая", "посетитель", "посетительница", "волонтёр", "волонтёрка"}
)

#: Offices of a state a person is known by (the head of `entities.role`): no expert's.
_OFFICES = frozenset(
    {"президент", "премьер-министр", "премьер", "канцлер", "председатель", "госсекретарь"}
    | {"губернатор", "мэр", "сенатор", "министр", "король", "генсек"}
    | {"вице-премьер", "глава", "спикер", "конгрессмен", "депутат"}
)

#: Nouns of a relative and the sex they name: 'по словам матери' is a woman, never a man named
#: nearby ('мать' after 'Игорь Тищенко ... с отцом подали прошение'). Not 'супруга': the
#: morphology reads it as 'супруг'.
_KIN = MappingProxyType(
    dict.fromkeys(("мать", "мама", "дочь", "дочка", "жена", "сестра", "бабушка", "вдова"), "femn")
    | dict.fromkeys(("тётя", "внучка", "невеста"), "femn")
    | dict.fromkeys(("отец", "папа", "сын", "муж", "брат", "дедушка", "дед"), "masc")
    | dict.fromkeys(("вдовец", "дядя", "внук", "жених"), "masc")
)


#: Nouns that describe any speaker, a man or a woman or one asked for comment, whatever their
#: role: they refer back to the person just named or just quoted (`Article._just_named`).
_ANYONE = frozenset({"эксперт", "мужчина", "женщина", "специалист", "аналитик"})

#: Words of a description that is not the person just named: 'Другой эксперт'.
_OTHER = frozenset({"другой", "второй", "иной", "ещё", "также", "тоже"})

#: Nouns of the people around someone, who speak for them, not as them: 'администрация
#: Порошенко', 'команда Трампа'.
_ENTOURAGES = frozenset({"администрация", "команда", "штаб", "окружение", "офис", "семья"})


#: Nouns of an official of any kind: they describe whoever holds an office ('По словам
#: чиновника' after the head of a federal office).
_OFFICIALS = frozenset({"чиновник", "чиновница", "функционер", "политик"})

#: What makes a role a former one: 'экс-глава' is one whose role was 'глава'.
_FORMER = re.compile(r"^экс-?")


def _former(head: str) -> str:
    """The role a former one's noun names ('экс-глава' -> 'глава')."""
    return _FORMER.sub("", head)


def _person_noun(word: str) -> bool:
    """Whether a word is a noun of a person in the nominative, not a name ('информатор',
    'актриса')."""
    tag = morph()(word.lower())[0].tag
    named = {"Name", "Surn", "Patr"} & set(tag.grammemes)
    return tag.POS == "NOUN" and "anim" in tag and tag.case == "nomn" and not named


def _demonym(words: str) -> bool:
    """Whether a description's noun is a noun of a nationality ('француз', 'британка'): a
    country's demonym (`gazetteer.adjectives`), not its adjective ('французский дипломат')."""
    return any(
        morph()(word.lower())[0].tag.POS == "NOUN" and adjectives(word)
        for word in _WORDS.findall(words)
    )


class Roles:
    """Who a description by a noun of a person, a role or an office is."""

    def _described(
        self, said: Said, words: str, reading: Reading, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The one person a description stands for (`_description`), never one of the other sex
        than a relative's noun names ('мать' is no Игорь, 'отец Загитовой' no Алина)."""
        found = self._description(said, words, reading, gender, organisations)
        sex = _KIN.get(reading.head)
        if found and sex and self._sex(found) not in (sex, None):
            return None
        # one left anonymous since they were named is whom the noun means ('Мать другого
        # ребёнка ... — делится собеседница, попросившая не указывать её имени. ... По мнению
        # собеседницы RT' is not the mother named before)
        named = [m.stop for m in self.narrated if m.entity_id == found and m.stop <= said.source[0]]
        if found and named and self._anonymous_before(said.source[0], gender) > named[-1]:
            return None
        return found

    def _sex(self, entity_id: str) -> str | None:
        """A person's gender by their patronymic ('Мархаба Башировна', whose first name the
        morphology reads as a man's), else by their name; None for an organisation."""
        person = self.people.get(entity_id)
        if person is None:
            return None
        words = person.name.split()
        patronymics = {p.tag.gender for w in words for p in morph()(w) if "Patr" in p.tag}
        return sole(patronymics) or person.gender

    def _description(
        self, said: Said, words: str, reading: Reading, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The one person a description stands for (rule 3). A role of a state ('глава
        государства', 'Президент Азербайджана') is looked up first; a role in an organisation
        the source names ('бывший глава Минфина') only among people introduced with it."""
        start, stop = said.source
        apposed = self._apposed(stop, reading.nominative, said.cue_stop > stop)
        if apposed:
            return apposed.entity_id
        role = role_head(words)
        # a phrase that names a role by other words: 'глава государства' is whoever the article
        # introduced as 'президент', not the nearest 'глава Пентагона'
        renamed = renamed_role(words) is not None
        if role in _LEADERS and said.countries and _alone(words, role) and not organisations:
            role = ROLE_PHRASES["глава государства"]  # 'российский лидер', 'глава Украины'
            renamed = True

        of_state = renamed or any(p in key(words) for p in ROLE_PHRASES) or said.countries
        if role and of_state and (holder := self._holder(role, list(said.countries))):
            return holder
        head = role if renamed else reading.head
        if _another(words, head):  # 'другой прохожий': not anyone named or quoted before
            return None
        if head in _BYSTANDERS and _bare_noun(words, head):
            # 'местная жительница': the person just quoted or presented as speaking, or one
            # introduced with the noun, else one the text leaves unnamed ('житель Австралии'
            # names where the one introduced before is from: left to the rules below)
            near = self._just_named(start, gender, said, head)
            return near or self._introduced(head, start, gender, set())
        if (
            head in _ANYONE
            and not organisations
            and not {lemma(w) for w in _WORDS.findall(words)} & _OTHER  # 'Другой эксперт'
            and (near := self._just_named(start, gender, said, head))
        ):
            return near
        described = None if renamed else words  # 'глава государства' is 'президент России'
        introduced = head and self._introduced(head, start, gender, organisations, described)
        if not organisations:  # 'сотрудник Института США и Канады' is no office of a state
            introduced = self._of_country_rather(introduced, said, gender, words)
        if introduced:
            return introduced
        # the one holding the role, unless it is of another country than the source names
        if role and not (organisations or said.countries) and (holder := self._holder(role, [])):
            return holder
        if head in SPOKES:
            return None
        found = self._referred_back(said, words, head, gender, organisations)
        if found and described and self._unlike_them(found, said, head, words):
            return None  # the coach of Latvia is no 'главный тренер сборной России'
        return found

    def _unlike_them(self, found: str, said: Said, head: str | None, words: str) -> bool:
        """Whether a person a description referred back to is not whom it describes: the person
        its own words name in another case ('коллега Калмыковой', 'защитник Чапаева' are not
        them), or, when the description names one country, one of another
        (`entities.country`)."""
        start, stop = said.source
        owners = (m for m in self.mentions if start <= m.start < stop and not m.nominative)
        if any(m.entity_id == found for m in owners):
            return True
        person = self.people.get(found)
        countries = set(said.countries)
        if len(countries) != 1 or person is None or self._of(found, countries, start):
            return False
        return person.country is not None

    def _referred_back(
        self, said: Said, words: str, head: str | None, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The person a description no one was introduced with refers back to: the speaker of
        the quote just before, unless one presented as speaking since is nearer, else the
        antecedent, as for a pronoun; never one an expert's words are about."""
        start = said.source[0]
        # not the speaker before an unnamed source named since ('источник в правоохранительных
        # органах ... — сказал собеседник агентства'): the description is that source, nobody
        recent = self._recent(said.previous, start, gender)
        if not organisations:
            recent = self._of_country_rather(recent, said, gender, words)
        if head in _PUNDITS and recent and self._in_office(recent):
            recent = None  # 'Си Цзиньпин ... — подчеркнул эксперт': the expert is not him
        if recent and said.previous[1] > self._unnamed_before(start):
            # one the text presents as speaking since that quote is nearer ('— цитирует РИА
            # Новости ... Антошкина. ... Магомед Толбоев назвал Ан-26 «великолепным
            # самолётом». «...», — отметил собеседник агентства' is Толбоев)
            since = (
                head
                and _animate(head)
                and self._speaking_since(said.previous[1], start, gender, head)
            )
            return since or recent
        found = self._antecedent(start, gender)
        if not organisations:  # 'главный тренер сборной России' after the coach of Latvia
            found = self._of_country_rather(found, said, gender, words)
        if head not in _PUNDITS or (found and not self._in_office(found)):
            return found
        # an expert among the others, when the text presents them as speaking or of a view
        # ('По мнению кандидата политических наук Сергея Судакова, ...' before 'Обама ...')
        other = self._antecedent(start, gender, expert=True)
        return other if other and self._presented_since(other, start, True) else None

    def _spokesman(
        self, before: int, reading: Reading, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The person a spokesman's noun with its organisation stands for ('добавил представитель
        Кремля', 'Пресс-секретарь Госдепа заявила'): the nearest earlier person introduced with
        the noun and the organisation ('официальный представитель МИД России Мария Захарова'),
        else the one person of `gender` named in the last `_BACK` sentences whom the corpus
        knows as a spokesman (`entities.role`: 'пресс-секретарь президента' Дмитрий Песков:
        '— сказал Песков. «...», — добавил представитель Кремля'). None (the organisation
        speaks) when neither is, or two spokesmen are."""
        gender = reading.gender or gender
        introduced = self._introduced(reading.head, before, gender, organisations)
        if introduced:
            return introduced
        back = self._back_start(before)
        near = {
            m.entity_id
            for m in self.narrated
            if back is not None and back <= m.start and m.stop <= before
        }
        spokesmen = {
            p
            for p in near
            if p in self.people and self.people[p].role in SPOKES and self._fits(p, gender)
        }
        return sole(spokesmen)

    def _member(
        self, before: int, words: str, head: str, gender: str | None, organisation: str
    ) -> str | None:
        """The person a spokesman's noun with its organisation refers back to when no one was
        introduced with both: the nearest person the last `2 * _BACK` sentences present
        (`_presented`) who is of that organisation (`_of_body`: 'представитель партии
        «Республиканцы»' after '— признал Жан-Франсуа Копе', a 'депутат от партии
        Республиканцы'), of `gender`, holding the noun's role unless it is the generic
        'представитель'. None (the organisation speaks) when no one is, or the noun is plural
        ('по словам представителей Минтранса' are the ministry's people, not its minister)."""
        if any(lemma(w) == head and _plural(w) for w in _WORDS.findall(words)):
            return None
        back = self._back_start(before, 2 * _BACK)
        for m in reversed([m for m in self.narrated if m.stop <= before]):
            if back is None or m.start < back:
                return None
            person = self.people.get(m.entity_id)
            if (
                person
                and (head == "представитель" or person.role == head)
                and self._fits(m.entity_id, gender)
                and self._presented(m)
                and self._of_body(m, person.affiliation, organisation)
            ):
                return self._whole(m.entity_id, before)
        return None

    def _of_body(self, m: Mention, affiliation: str, organisation: str) -> bool:
        """Whether the person of `m` is of an organisation: their role in the corpus names it
        (`_names_body`), or, when it names no body (a capitalised word), the sentence that
        presents them reports speech and names it ('Руководство «Нафтогаза Украины» не намерено
        ..., об этом заявил коммерческий директор украинской энергетической компании Юрий
        Витренко'; not 'пообещали не чинить препятствий инициативе TLP, которая предложит
        добавить Биби в список')."""
        if self._names_body(affiliation, organisation):
            return True
        if any(w[0].isupper() for w in _WORDS.findall(affiliation)):
            return False  # 'пресс-секретарь президента' is no spokesman of the Госдеп
        if not _opines(self._sentence_of(m.start)):
            return False
        return any(o.entity_id == organisation and o.sentence == m.sentence for o in self.mentions)

    def _names_body(self, affiliation: str, organisation: str) -> bool:
        """Whether a role in full names an organisation as the article writes it: the first
        word of one of its names, an abbreviation as the initials of words of the role ('ВОЗ':
        'представитель Всемирной организации здравоохранения'), another word by its stem
        ('Нафтогаз': 'коммерческий директор Нафтогаза')."""
        words = [w.lower() for w in _WORDS.findall(affiliation)]
        initials = "".join(w[0] for w in words)
        names = {
            n for m in self.mentions if m.entity_id == organisation for n in (m.normal, m.surface)
        }
        for name in sorted(names):
            first = next(iter(_WORDS.findall(name)), "")
            if len(first) < 3:
                continue
            if first.isupper() and (first.lower() in initials or first.lower() in words):
                return True
            stem = first.lower()[: max(4, len(first) - 2)]
            if not first.isupper() and any(w.startswith(stem) for w in words):
                return True
        return False

    def _in_office(self, entity_id: str) -> bool:
        """Whether the corpus knows a person by an office of a state alone, and the state
        ('президент' of the USA, 'канцлер' of Germany): one an expert's words are about ('По
        мнению эксперта' after 'Путин заявил'), never the expert ('президент Центра системного
        анализа' may be; so may one the corpus calls 'глава' of no country)."""
        person = self.people.get(entity_id)
        if person is None or person.country is None:
            return False
        return person.role_alone and person.role in _OFFICES

    def _holder(self, role: str, countries: list[str]) -> str | None:
        """The one person mentioned outside quotations whose role is `role` (and whose country
        is the one named with it, if any)."""
        found = {
            m.entity_id
            for m in self.narrated
            if (person := self.people.get(m.entity_id))
            and person.role == role
            and (not countries or person.country in countries)
        }
        return sole(found)

    def _of_country_rather(
        self, found: str | None, said: Said, gender: str | None, words: str
    ) -> str | None:
        """`found`, unless a description names one country and `found` is of another
        (`entities.country`) or is a commentator (`_PUNDITS`) that the description is not, and
        a person of that country whose role does not contradict the description was named
        just before (`_of_country`): 'По словам бывшего главы Грузии' after a political
        scientist's quote is the Georgian named in the sentences before. One of no known
        country stays: the description may be how the article introduced them."""
        start = said.source[0]
        if not (len(said.countries) == 1 and found):
            return found
        role = role_head(words)
        if not self._other_than(found, set(said.countries), start, role, _demonym(words)):
            return found
        return self._of_country(start, set(said.countries), gender, role) or found

    def _other_than(
        self, found: str, countries: set[str], start: int, role: str | None, demonym: bool
    ) -> bool:
        """Whether `found` is not whom a description naming `countries` with the role `role`
        means (`_of_country_rather`); for a noun of a nationality ('француз'), whatever else
        the text said of them, one of no known country is not either."""
        person = self.people.get(found)
        if person is None or self._of(found, countries, start):
            return False
        if person.country is not None or demonym:
            return True
        return person.role in _PUNDITS and role not in _PUNDITS

    def _of_country(
        self, before: int, countries: set[str], gender: str | None, role: str | None
    ) -> str | None:
        """The person a description naming a country refers back to ('бывшего главы Грузии'):
        of the nearest of the last `_BACK` sentences with people, the one person the text
        presents (`_presented`, not one merely spoken of) who is of one of `countries` (`_of`),
        of `gender`, and holds no role other than the description's, unless it names a leader
        ('глава', 'лидер') or none."""
        earlier = [m for m in self.narrated if m.stop <= before]
        for sentence in sorted({m.sentence for m in earlier}, reverse=True)[:_BACK]:
            found = {
                m.entity_id
                for m in earlier
                if m.sentence == sentence
                and self._of(m.entity_id, countries, before)
                and self._fits(m.entity_id, gender)
                and self._presented(m)
                and self._may_be(m.entity_id, role)
            }
            if found:
                return sole(found)
        return None

    def _may_be(self, entity_id: str, role: str | None) -> bool:
        """Whether a person may be described by `role`: no role known on either side, a
        leader's, or the same."""
        person = self.people.get(entity_id)
        held = person.role if person else None
        return role is None or held is None or role in _LEADERS or held == role

    def _of(self, entity_id: str, countries: set[str], before: int) -> bool:
        """Whether a person is of one of `countries`: by `entities.country`, or as the article
        introduced them before `before`, a country's name right before their name ('Бывший
        президент Грузии Михаил Саакашвили')."""
        person = self.people.get(entity_id)
        if person is not None and person.country in countries:
            return True
        return any(
            m.entity_id == entity_id and self._country_before(m) in countries
            for m in self.narrated
            if m.stop <= before
        )

    def _country_before(self, m: Mention) -> str | None:
        """The country of a place named right before a mention ('президент Грузии [Михаил
        Саакашвили]'), with nothing but a space between."""
        for o in self.mentions:
            if o.type == "LOC" and o.stop <= m.start and not self.text[o.stop : m.start].strip():
                place = places().get(key(o.normal))
                return place.country if place else None
        return None

    @cached_property
    def _places(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == "LOC"}

    def _institution(
        self,
        noun: str,
        before: int,
        previous: Previous | None = None,
        bare: bool = False,
        of_kind: bool = True,
        opens: int | None = None,
    ) -> str | None:
        """The organisation a noun refers back to ('в министерстве', 'представители ведомства'):
        for `_AGENCIES` the organisation that spoke just before (`_recent`: '— говорится в
        заявлении ФСБ. «...», — подчеркнули в ведомстве'), else the nearest named (`_named`);
        for other nouns the nearest named, else the one that spoke just before. When that names
        nobody, a `bare` noun (no adjective or participle qualifies it) refers back on the same
        terms to an organisation called by the noun or a compound of it (`_called`):
        'представители компании' for 'авиакомпания Ryanair', 'в прокуратуре' for
        'Генпрокуратура России', 'в пресс-службе' for the one organisation named after
        'пресс-служба' when several named further back leave it open; a qualified noun may name
        another body ('представители немецкого парламента' are not the Европарламент). Else the
        noun refers to the nearest organisation of the last sentences of its kind by the corpus's
        full names for it (`_of_kind`: 'в министерстве' after 'МИД Франции'), if `of_kind`:
        not in a source whose noun of a person is no speaker's for the body ('будущего главы
        разведывательного управления' is a person)."""
        # from where the quotation opens: its own sentences do not push the body out of reach
        # ('генеральный секретарь ЛАГ ... «...», — цитирует РИА Новости заявление организации')
        before = before if opens is None else min(before, opens)
        spoke = self._recent(previous, before, None, self._organisations)
        if spoke and noun in _AGENCIES:
            return spoke
        found = self._named(noun, before) or (bare and self._named(noun, before, compound=True))
        return found or (of_kind and self._of_kind(noun, before)) or spoke

    def _whose(self, m: Mention, start: int) -> bool:
        """Whether a person in a source is whose the speaker is, in another case right after the
        noun of the speaker ('Бывший советник Трампа', 'пресс-секретарь Пенса Джэррод Эйджен'),
        not the speaker in apposition ('Президент Ильхам Алиев', 'эксперта Иванова'); in any
        case after a noun of the people around someone, who speak for them ('администрация
        Порошенко', 'в заявлении команды Трампа', 'Штаб Трампа', 'Семья Биби'), or after a
        relative's noun of the other sex ('По словам жены Коханивского')."""
        before = _WORDS.findall(self.text[start : m.start])
        if before and lemma(before[-1]) in _ENTOURAGES and self._entourage(m, start, before):
            return True
        kin = _KIN.get(lemma(before[-1])) if before else None
        if kin and self._sex(m.entity_id) not in (kin, None):
            return True
        parses = morph()(before[-1].lower())[:1] if before and not m.nominative else []
        return any(
            p.tag.POS == "NOUN"
            and "anim" in p.tag
            and p.tag.case == "nomn"
            and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
            for p in parses
        )

    def _entourage(self, m: Mention, start: int, before: list[str]) -> bool:
        """Whether a person right after a noun of the people around someone (`_ENTOURAGES`) is
        whose they are: in the genitive (or a surname that does not decline), with no noun of
        a person before the noun ('глава команды Тото Вольфф', 'скип российской команды
        Виктория Моисеева' are the person) and no outlet citing them ('The Washington Post со
        ссылкой на источник в администрации Трампа' is the outlet's)."""
        oblique = not m.nominative or _fixed(m.surface.split()[-1])
        cited = _CITING.search(self.text, start, m.start)
        return oblique and not cited and not any(map(_animate, before[:-1]))

    def _of_person(self, start: int) -> bool:
        """Whether the word right before `start` is a noun of a person ('собеседников [The
        Washington Post]'): what follows is that person's outlet, not the speaker; not a noun
        a mark of a clause ends ('раззадорить ньюйоркцев, [телеканал CNN] сообщил')."""
        before = _WORDS.findall(self.text[max(0, start - 40) : start])
        if before and re.search(r"[,;:.!?()–—]", self.text[:start].rsplit(before[-1], 1)[-1]):
            return False
        parses = morph()(before[-1].lower())[:1] if before else []
        return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses)

    def _speaking_since(
        self, after: int, before: int, gender: str | None, head: str | None
    ) -> str | None:
        """The one person of `gender` written as the subject (in the nominative, not whose a
        thing is: `_owner`) of the nearest sentence with such people between `after` (where the
        quote before ends) and `before`, when that sentence reports speech or a view or quotes
        words («...»), and the person's role is none, a commentator's or the description's
        (`head`; any role when `head` is None): not one holding an office the description does
        not name ('Порошенко заявил ... По мнению политолога'). None when none or several are."""
        since = [
            m
            for m in self.narrated
            if after <= m.start and m.stop <= before and self._fits(m.entity_id, gender)
        ]
        if not since:
            return None
        last = since[-1].sentence
        subjects = {
            m.entity_id
            for m in since
            if m.sentence == last and m.nominative and not self._owner(m) and self._main(m)
        }
        if len(subjects) != 1:
            return None
        found = subjects.pop()
        person = self.people.get(found)
        role = person.role if person else None
        sentence = self._sentence_of(since[-1].start)
        speaking = _opines(sentence) or "«" in sentence
        commenting = person is None or _commenting(role, person.affiliation)
        fits = head is None or commenting or role == head
        subject = next(m for m in since if m.sentence == last and m.entity_id == found)
        if not speaking and head and self._presented_before(subject, before):
            # one the sentence right before presents with a noun of a person, who acts in it
            # ('вступился даже информатор WADA Григорий Родченков. Экс-глава ... заявил')
            speaking = True
            fits = fits or _former(head) == role or head in _OFFICIALS
        return self._whole(found, before) if speaking and fits else None

    def _presented_before(self, subject: Mention, before: int) -> bool:
        """Whether the subject's sentence is the one right before the sentence at `before` and
        presents them with a noun of a person before the name ('Подлил масла в огонь и директор
        Федеральной службы ... Ханс-Георг Маасен')."""
        held = self._sentence_at(before)
        if held is None or subject.sentence != held - 1:
            return False
        opening = self.sentences[subject.sentence][0]
        before = self.text[max(opening, subject.start - 100) : subject.start]
        clause = re.split(r"[,;:()«»—–-]\s", before)[-1]  # the name's own clause
        return any(_person_noun(w) for w in _WORDS.findall(clause))

    def _main(self, m: Mention) -> bool:
        """Whether a person may be the subject of their sentence: not after a pronoun subject
        in it ('Он также призвал не рассматривать готовность Гиоргия Квирикашвили ...'), nor in a
        clause a subordinating conjunction opens ('если победит Драгош')."""
        held = self._sentence_at(m.start)
        opens = self.sentences[held][0] if held is not None else m.start
        words = [w.lower() for w in _WORDS.findall(self.text[opens : m.start])]
        bounds = [b.end() for b in _CLAUSE.finditer(self.text, opens, m.start)]
        clause = [w.lower() for w in _WORDS.findall(self.text[max([opens, *bounds]) : m.start])]
        # a name joined by 'и' to one in another case shares it: 'с коллегами Джоном Салливаном и
        # Синсукэ Сугиямой'
        paired = any(
            o.type == "PER" and not o.nominative and _AND.fullmatch(self.text, o.stop, m.start)
            for o in self.mentions
            if o.stop <= m.start
        )
        return not ({"он", "она"} & set(words) or _SUBORDINATING & set(clause) or paired)
