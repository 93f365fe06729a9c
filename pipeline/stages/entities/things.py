"""Names the corpus introduces as things, not organisations. NER tags 'МС-21' or 'Дакар' as
organisations, and one article often cannot tell: 'в МС-21', 'участники «Дакара»'. The corpus
can: it writes 'самолёт МС-21', 'ралли «Дакар»' and never 'компания МС-21'. `nlp.not_names`
drops a title in quotation marks right after the noun of its kind in one article; this is its
corpus-wide version, quoted or not. An abbreviation that an article spells out as a common noun
phrase ('ядерного оружия (ЯО)') is a thing in that article ('вывод ЯО'), unless the corpus
writes it as an organisation. An abbreviation of a common noun after a noun of means ('средства
ПВО', 'системы ПРО') names a kind of weapon or system, not the means' owner. A name of common
words that the corpus only ever writes as a line of its own is a heading ('Несбывшаяся
украинская мечта', 'Азиатский вектор'), not an organisation. A name the corpus never makes a
body that acts ('X заявил', 'представитель X') and often makes the argument of a thing or an
event ('на борту МКС', 'строительство Рогунской ГЭС', 'в кулуарах РЭН') names a thing or an
event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from functools import cache

from pipeline.nlp.abbreviations import fits
from pipeline.nlp.cues import cue_verbs, statement_verbs
from pipeline.nlp.gazetteer import key
from pipeline.nlp.institutions import head_noun
from pipeline.nlp.media import medium_of
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.ner import OPENING, after_opening, known_common_word
from pipeline.nlp.normalize import indeclinable
from pipeline.nlp.not_names import (
    fills_line,
    heads_a_things_name,
    kind_over_names,
    noun_before,
    place_nouns,
)
from pipeline.nlp.roles import role_lemmas
from pipeline.nlp.sport import about_sport
from pipeline.stages.entities.names import alias_groups
from pipeline.stages.entities.organisations import person_title

#: Mentions after a noun of a thing a name needs at least, in as many articles: one article's
#: usage is that article's, which `nlp.not_names` already reads.
_MIN_ARTICLES = 2
#: A name whose first word is a code of letters and digits ('С-350', 'БДК-67', 'NASDAQ-100',
#: 'S&P500'): a model's, a unit's or an index's, which one article that introduces it after a
#: noun of a thing ('корабль БДК-67') tells enough of; a name of words may be that article's
#: loose usage. A number in a later word ('Nikkei 225') does not count.
_CODE = re.compile(r"(?=\S*\d)(?=.*[^\W\d_])[\w&.]+(?:[- ][\w&.]+)*")
#: A name that ends in a year, glued or after a hyphen or a space ('МАКС-2017', 'Армия-2017',
#: 'Handball2017', 'Россия-2030', 'RT 2035'): an edition of a recurring event, an exercise or
#: a programme up to that year, not a body ('Оргкомитет «Сочи-2014»' is one by its noun).
_EDITION = re.compile(r".*[^\W\d_][- ]?(?:19|20)\d\d")
#: The prefixes of navies' ship names (USS: United States Ship; HMS: His Majesty's Ship; INS:
#: Indian Naval Ship, ...) before the ship's own name, by key: 'USS Ross', 'HMS Defender'.
_SHIP = re.compile(r"(?:uss|usns|uscgc|hms|hmas|hmcs|hmnzs|ins|rfs|tcg|roks|nrp|hnlms) \w.*")
#: A compound of a code in capitals or digits or a Latin word and a lower-case noun after a
#: hyphen, which heads it ('RDF-топливо', 'VPN-сервис', 'Y-хромосома', 'СПГ-терминал'): a
#: kind of thing, unless the noun is one of a body ('ПЕН-клуб') or the first part a medium
#: ('Telegram-канал', 'НГ-наука': a source and its sections).
_COMPOUND = re.compile(r"(?:[A-ZА-ЯЁ0-9]+|[A-Za-z][A-Za-z0-9]*)-([а-яё]+)")
#: Share of a name's mentions in sentences about team sport that make it a team ('уступив
#: курскому «Авангарду»'), whatever else it names: a rally's few ('лидер «Дакара»') do not.
_TEAM_SHARE = 0.25
#: Share of a name's mentions introduced after a noun of a place ('стадион «Лужники»') that
#: makes it a ground, not a team, however often sentences about sport name it.
_GROUND_SHARE = 0.1
#: The word right before a name, with at most an opening quotation mark between; a compound
#: whole ('пресс-служба «Дакара»' is no 'служба').
_WORD_BEFORE = re.compile(rf"([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)\s+[{OPENING}]?$")
#: A title right after a word: in quotation marks ('ралли «Дакар»'), or a model's code with a
#: number ('самолёт МС-21', 'комплексы С-400').
_TITLE = re.compile(
    r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{1,40})\s+(?:[«„“\"]([^»“”\"\n]{1,80})[»“”\"]|([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*-?\d[\w-]*))"
)
#: A title in quotation marks.
_QUOTED = re.compile(r"[«„“\"]([^»“”\"\n]{1,80})[»“”\"]")
_WORDS = re.compile(r"[а-яё]+")
#: Nouns of means (by lemma) whose genitive complement is what they are for, not an owner,
#: when it is a common noun: 'средства ПВО', 'системы ПРО', 'комплексы РЭБ' (but 'средства
#: ФНБ', 'системы НАТО' belong to an organisation).
_MEANS = frozenset({"средство", "система", "комплекс", "установка"})
#: Dictionary tags of a proper name: an abbreviation with one names an organisation or place
#: ('ООН' Orgn, 'СНГ' Geox); one without shortens a common noun ('ПВО', 'СМИ').
_PROPER_TAGS = frozenset({"Orgn", "Geox", "Name", "Surn", "Patr", "Trad"})
_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")
#: The number of an article of a law right before a name ('статье 120 СК РФ', 'ст. 146 СК',
#: 'статей 79 и 80 СК'): an abbreviation there is a code's or a law's, not a body's.
_LAWS_ARTICLE = re.compile(
    r"(?<![А-Яа-яЁё])(?:стать\w+|статей|ст\.)\s*\d+(?:\.\d+)*(?:\s*(?:,|и)\s*\d+(?:\.\d+)*)*\s+$",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"[А-Яа-яЁё]+|[A-Za-z]+")
#: A word of a name, in any letters: a heading's are all Russian (`_heading_words`).
_ANY_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_RUSSIAN = re.compile(r"[А-Яа-яЁё]+")
#: Another capitalised word after a name's first: a foreign name of several words, whose case
#: the dictionary's guess at one word does not tell ('Вельке Капушаны').
_NAME_GOES_ON = re.compile(r"[ -][A-ZА-ЯЁ]")
#: The ends of a sentence, roughly: enough to tell a sentence about sport.
_SENTENCE_END = re.compile(r"[.!?\n]")
_REACH = 300
#: The two words right before a name, with at most an opening quotation mark between; the
#: first whole ('в', not the end of 'нев').
_TWO_BEFORE = re.compile(
    rf"(?<![А-Яа-яЁё])([А-Яа-яЁё]+)\s+([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)\s+[{OPENING}]?$"
)
#: The word right after a name, with at most a closing quotation mark between.
_WORD_AFTER = re.compile(r"[»“”\"]?[ \t]+([А-Яа-яЁё]+)")
#: Nouns (by lemma) whose genitive is a thing, not a body: a thing's life ('строительство
#: Рогунской ГЭС', 'эксплуатация МКС', 'запуск'), its price ('стоимость', 'курс',
#: 'котировки'); and the set phrases of a place in a craft or of an event ('на борту МКС', 'в
#: кулуарах РЭН', 'на полях форума', 'в рамках', 'в ходе'), as written ('на поле' is a
#: pitch's). A body after these ('в рамках ШОС') is one the corpus also makes act (`_acts`).
_THINGS_ARGUMENT = frozenset(
    {"строительство", "эксплуатация", "запуск", "стоимость", "курс", "котировка"}
)
_THINGS_PLACE = frozenset(
    {("на", "борту"), ("в", "кулуарах"), ("на", "полях"), ("в", "рамках"), ("в", "ходе")}
)
#: Nouns (by lemma) of what only a body has: its people ('сотрудники X', 'пресс-служба X',
#: beside the titles of `roles.txt`: 'представитель', 'глава'), its organs ('комитет X') and
#: its decisions ('решение X', 'резолюция X', 'голосование X'). An event, a craft or a
#: project has none of them.
_BODYS_OWN = frozenset(
    {
        "сотрудник",
        "член",
        "пресс-служба",
        "руководство",
        "представительство",
        "работник",
        "комитет",
        "секретариат",
        "решение",
        "резолюция",
        "голосование",
    }
)
#: Verbs (by lemma) of a body's decision ('Генассамблея одобрила', 'МОК решил'), beside the
#: verbs of speech and statement of `nlp.cues`.
_DECISION_VERBS = frozenset(
    {"решить", "принять", "принимать", "одобрить", "проголосовать", "постановить", "утвердить"}
)
#: Share of a name's mentions that must be a thing's argument (`_THINGS_ARGUMENT`,
#: `_THINGS_PLACE`) for it to be a thing's or an event's name, when none makes it a body that
#: acts: the corpus writes a thing mostly as it writes a place or an object ('на МКС',
#: 'доставлен на МКС'), which a body may be too; the arguments of a thing are what tells.
_ARGUMENT_SHARE = 1 / 20
#: What a common noun phrase that an abbreviation shortens is made of.
_PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF", "PREP", "CONJ"})
#: An abbreviation in capitals in brackets with the words before it, which may spell it out:
#: 'ядерного оружия (ЯО)', 'Всемирной организации здравоохранения (ВОЗ)'.
#: Words start where no letter or hyphen stands before them and never give back letters, so a
#: long run of letters is read once, not once per letter.
_EXPANDED = re.compile(
    r"(?<![А-Яа-яЁё-])((?:[А-Яа-яЁё]++(?:-[А-Яа-яЁё]++)*+[ \t]++){1,7})\(([А-ЯЁ]{2,6})\)"
)


@dataclass
class Introduced:
    """How the corpus introduces each organisation's name (by its key): how many mentions
    follow a noun of a thing ('самолёт'; and in which articles), a noun of an organisation
    ('компания') and any noun; and the name keys of the organisations' surfaces."""

    thing: Counter[str] = field(default_factory=Counter)
    articles: dict[str, set[str]] = field(default_factory=dict)
    body: Counter[str] = field(default_factory=Counter)
    noun: Counter[str] = field(default_factory=Counter)
    team: Counter[str] = field(default_factory=Counter)  # mentions about team sport
    place: Counter[str] = field(default_factory=Counter)  # of `thing`, after a noun of a place
    in_quotes: Counter[str] = field(default_factory=Counter)  # mentions in quotation marks
    headings: Counter[str] = field(default_factory=Counter)  # mentions alone on their line
    agent: Counter[str] = field(default_factory=Counter)  # mentions of a body that acts
    argument: Counter[str] = field(default_factory=Counter)  # mentions of a thing's argument
    argument_articles: dict[str, set[str]] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)
    surfaces: dict[str, Counter[str]] = field(default_factory=dict)
    quoted: Counter[str] = field(default_factory=Counter)  # surfaces in quotation marks
    #: Abbreviations (by key) the texts spell out as a common noun phrase ('ядерного оружия
    #: (ЯО)'), and those they spell out as a name or as an organisation ('Всемирной
    #: организации здравоохранения (ВОЗ)', 'администрации президента (АП)').
    common: dict[str, set[str]] = field(default_factory=dict)  # key -> articles
    spelled_as_name: dict[str, set[str]] = field(default_factory=dict)  # key -> articles
    #: Mentions (article_id, start) of an abbreviation right after a noun of means ('средства
    #: ПВО'), by the abbreviation's key.
    after_means: dict[str, set[tuple[str, int]]] = field(default_factory=dict)
    #: Abbreviations (by key) right after the number of an article of a law ('статье 120 СК
    #: РФ'), with the articles that write them so.
    laws: dict[str, set[str]] = field(default_factory=dict)

    def add(self, mentions: Iterable[tuple[str, int, str, str]], texts: Mapping[str, str]) -> None:
        """Add the organisations' `mentions` (article_id, start, surface, name) of whole
        articles with their `texts` (by article_id); and the titles after a noun of a thing in
        those texts, which NER often leaves untagged or `nlp.not_names` dropped."""
        for article_id, start, surface, name in mentions:
            found = key(name)
            abbreviation = _ABBREVIATION.fullmatch(surface) is not None
            self.surfaces.setdefault(surface, Counter())[found] += 1
            self.mentions[found] += 1
            text = texts[article_id]
            quoted = after_opening(text, start)
            self.quoted[surface] += quoted
            self.in_quotes[found] += quoted
            self.headings[found] += fills_line(text, start, start + len(surface))
            self.agent[found] += _acts(text, start, start + len(surface))
            if _things_argument(text, start):
                self.argument[found] += 1
                self.argument_articles.setdefault(found, set()).add(article_id)
            self.team[found] += about_sport(_sentence(text, start))
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if abbreviation and _LAWS_ARTICLE.search(text, max(0, start - 60), start):
                self.laws.setdefault(key(surface), set()).add(article_id)
            if abbreviation and before and text[start - 1].isspace() and _means(before.group(1)):
                self.after_means.setdefault(found, set()).add((article_id, start))
            if before and _noun(before.group(1)):
                said = noun_before(before.group(1))
                place = _place_noun(before.group(1))
                self._count(found, article_id, said, _nominative(text, start), place)
        for article_id, text in texts.items():
            self._add_expansions(article_id, text)
            self._add_titles(article_id, text)

    def _add_titles(self, article_id: str, text: str) -> None:
        """Count each title in a text right after a noun of a thing ('ралли «Дакар»', 'самолёт
        МС-21'), or in quotation marks after one and names between (`kind_over_names`:
        'самолёт Ан-225 «Мрия»')."""
        for title in _TITLE.finditer(text):
            if noun_before(title.group(1)) == "kind":
                at = 2 if title.group(2) else 3
                nominative = _nominative(text, title.start(at))
                place = _place_noun(title.group(1))
                self._count(key(title.group(at)), article_id, "kind", nominative, place)
        for title in _QUOTED.finditer(text):
            if kind_over_names(text, title.start()):
                nominative = _nominative(text, title.start(1))
                self._count(key(title.group(1)), article_id, "kind", nominative)

    def _add_expansions(self, article_id: str, text: str) -> None:
        """Note each abbreviation the text spells out in brackets after its words, by the
        fewest words whose letters fit it: as a common noun phrase ('ядерного оружия (ЯО)',
        `_common_phrase`) or the name of a thing ('Международной космической станции (МКС)',
        `_things_phrase`), else as a name; also as a name when words it may shorten are
        capitalised or name an organisation but miss a letter ('Демократической партии
        (ДПМ)' of Moldova), and when a noun of an organisation owns the phrase ('Центра
        цифровых высокоскоростных транспортных систем (ЦВТС)')."""
        for found in _EXPANDED.finditer(text):
            words, short = found.group(1).split(), found.group(2)
            full = next(
                (words[-n:] for n in range(2, len(words) + 1) if fits(" ".join(words[-n:]), short)),
                None,
            )
            before = words[-len(full) - 1] if full is not None and len(words) > len(full) else ""
            thing = full is not None and (_common_phrase(full) or _things_phrase(full))
            if thing and not _organisation_noun(before):
                self.common.setdefault(key(short), set()).add(article_id)
            elif full is not None or not _common_phrase(words[-len(short) :]):
                self.spelled_as_name.setdefault(key(short), set()).add(article_id)

    def _count(
        self, name: str, article_id: str, said: str | None, nominative: bool, place: bool = False
    ) -> None:
        """Count a mention of `name` after a noun that `said` what it is (`noun_before`), and
        whether that noun is one of a `place` ('стадион «Лужники»'). Only a name in the
        nominative is introduced by the noun; after it, a genitive is its owner ('самолёт
        «Аэрофлота»', 'пресс-служба «Дакара»', 'участники «Дакара»')."""
        if not nominative:
            return
        self.noun[name] += 1
        if said == "body":
            self.body[name] += 1
        elif said == "kind":
            self.thing[name] += 1
            self.place[name] += place
            self.articles.setdefault(name, set()).add(article_id)

    def spelled_out(self) -> frozenset[tuple[str, str]]:
        """(article, name) of each abbreviation an article spells out as a common noun phrase
        ('ядерного оружия (ЯО)'), which it then uses in that sense ('вывод ЯО'); unless the
        article also spells it out as a name, or the shipped lists know it. What the rest of
        the corpus does with the letters does not decide for an article that spells them out:
        'опытно-конструкторские работы (ОКР)' are no Olympic committee, whatever other
        articles' 'Олимпийского комитета России (ОКР)' and sentences about sport say."""
        return self._not_spelled_as_names(
            {
                name: articles
                for name, articles in self.common.items()
                if name not in alias_groups()[0] and not medium_of(name, cited=True)
            }
        )

    def cited_as_laws(self) -> frozenset[tuple[str, str]]:
        """(article, name) of each abbreviation an article cites after the number of an
        article of a law ('статье 120 СК РФ', 'ч. 3 ст. 137 СК РФ'): it names a code there,
        and so does every mention of it in that article ('регулируется ГК РФ, СК РФ'),
        whatever body the letters name elsewhere (the Investigative Committee's 'СК'), unless
        the article also spells it out as a name. A body's number is written after its name
        ('Суд № 383'), not before."""
        return self._not_spelled_as_names(self.laws)

    def _not_spelled_as_names(
        self, articles_of: Mapping[str, set[str]]
    ) -> frozenset[tuple[str, str]]:
        """(article, name) of each name's `articles_of` but those that also spell the name out
        as a name ('Олимпийского комитета России (ОКР)')."""
        return frozenset(
            (article_id, name)
            for name, articles in articles_of.items()
            for article_id in articles - self.spelled_as_name.get(name, set())
        )

    def means_kinds(self) -> frozenset[tuple[str, int]]:
        """Mentions (article_id, start) of an abbreviation right after a noun of means
        (`_MEANS`) that shortens a common noun: the dictionary knows it as an abbreviation of
        no name ('средства ПВО', where 'ПВО' is 'противовоздушная оборона', although 'силы
        противовоздушной обороны (ПВО)' spell out the forces), or the corpus spells it out as a
        common noun phrase ('радиоэлектронной борьбы (РЭБ)') and never as a name; unless the
        shipped lists know it or it stands for a team (`_may_be_thing`). The owner of the means
        stays an organisation: 'средства ФНБ', 'системы НАТО'."""
        return frozenset(
            mention
            for name, mentions in self.after_means.items()
            if (
                _common_abbreviation(name)
                or (name in self.common and name not in self.spelled_as_name)
            )
            and self._may_be_thing(name)
            for mention in mentions
        )

    def _may_be_thing(self, name: str) -> bool:
        """Whether nothing keeps `name` an organisation: the corpus never writes it after a
        noun of an organisation, nor mostly about team sport (`_TEAM_SHARE`), and neither
        aliases.tsv nor media.tsv (where 'Спутник' may be the agency) lists it."""
        return (
            not self.body[name]
            and not self._team(name)
            and name not in alias_groups()[0]
            and not medium_of(name, cited=True)
        )

    def _team(self, name: str) -> bool:
        """Whether `name` may be a team's: mostly in sentences about team sport (`_TEAM_SHARE`),
        and not a ground's (`_ground`)."""
        return self.team[name] >= _TEAM_SHARE * self.mentions[name] and not self._ground(name)

    def _ground(self, name: str) -> bool:
        """Whether `name` is a ground's, which sentences about sport name where its matches are
        ('стадион «Лужники»'): introduced after a noun of a place more often than after other
        nouns of things, in `_GROUND_SHARE` of its mentions or more. A club named like a stadium
        is written so far less often ('стадион «Металлург»' in 2 of the club's 69 mentions)."""
        place = self.place[name]
        return 2 * place > self.thing[name] and place >= _GROUND_SHARE * self.mentions[name]

    def _named_after_place(self, name: str, places_written: Set[str]) -> bool:
        """Whether `name` is a place's the corpus writes (`places_written`, by key) as an
        organisation too: a club, a city's government ('Москва заявила'). Not when every
        organisation mention of it stands in quotation marks, as a ship's, a stadium's or a
        club's title does (the corvette «Тернополь»), which a city's government never is."""
        return name in places_written and self.in_quotes[name] < self.mentions[name]

    def things(self, places_written: Set[str]) -> frozenset[str]:
        """The organisations' surfaces whose names the corpus introduces as things: after a noun
        of a thing in most of the mentions after any noun, in `_MIN_ARTICLES` articles or more,
        and never after a noun of an organisation nor named by one ('Союз', 'Технологический
        институт', which is also a station of the metro). A team (`_team`), a name the shipped
        lists know (aliases.tsv; media.tsv, where 'Спутник' may be the agency) and one the
        corpus tags as a place (`_named_after_place`: a club or a city's government) stay. A
        surface is its names' most frequent."""
        names = {
            name
            for name, count in self.thing.items()
            if len(self.articles[name]) >= (1 if _CODE.fullmatch(name) else _MIN_ARTICLES)
            and 2 * count > self.noun[name]
            and not any(noun_before(word) == "body" for word in _WORDS.findall(name))
            and not self._named_after_place(name, places_written)
            and self._may_be_thing(name)
        }
        return self._surfaces_named(names | self._shaped(places_written))

    def _shaped(self, places_written: Set[str]) -> set[str]:
        """The names whose own shape makes them a thing's or an event's, wherever they stand:
        an edition by its year (`_EDITION`: 'МАКС-2017', 'Армия-2017') or a ship by a navy's
        prefix (`_SHIP`: 'USS Ross'); unless a noun of an organisation is in the name
        ('Оргкомитет «Сочи-2014»') or the guards of `things` keep it (a team's: 'СКА-1946')."""
        compounds = self._compounds()
        return {
            name
            for name in self.mentions
            if (_EDITION.fullmatch(name) or _SHIP.fullmatch(name) or name in compounds)
            and not any(_organisation_noun(word) for word in _WORDS.findall(name))
            and not self._named_after_place(name, places_written)
            and self._may_be_thing(name)
        }

    def _compounds(self) -> set[str]:
        """The names of the surfaces that are a compound of a code or a Latin word and a
        common noun that heads it (`_COMPOUND`, `_common_head`): 'RDF-топливо', 'IP-адресами';
        not after a medium's name ('Telegram-канале', 'НГ-наука'), nor a name the corpus ever
        writes in quotation marks, as a company's is ('«ТАСКО-экспорт»')."""
        return {
            name
            for surface, found in self.surfaces.items()
            if (compound := _COMPOUND.fullmatch(surface))
            and _common_head(compound.group(1))
            and not medium_of(surface.split("-", 1)[0], cited=True)
            for name in found
            if not self.in_quotes[name]
        }

    def _surfaces_named(self, names: Set[str]) -> frozenset[str]:
        """The organisations' surfaces whose most frequent name is one of `names`."""
        return frozenset(
            surface
            for surface, found in self.surfaces.items()
            if found.most_common(1)[0][0] in names
        )

    def headings_only(self) -> frozenset[str]:
        """The organisations' surfaces whose every name is a heading's: the corpus writes each
        of its mentions alone on its line (`fills_line`), and its words are a heading's
        (`_heading_words`: 'Несбывшаяся украинская мечта', 'Российская инициатива'); unless
        the corpus writes it after a noun of an organisation, or the shipped lists know it
        (`_may_be_thing`). An organisation's name stands in running text somewhere in 11,500
        articles; a heading's does not."""
        names = {
            name
            for name, count in self.headings.items()
            if count == self.mentions[name] and _heading_words(name) and self._may_be_thing(name)
        }
        return frozenset(
            surface for surface, found in self.surfaces.items() if found and set(found) <= names
        )

    def arguments_only(self, places_written: Set[str]) -> frozenset[str]:
        """The organisations' surfaces whose names the corpus never makes a body that acts
        (`_acts`: 'МКС заявила', 'в МКС считают', 'представитель МКС') and makes a thing's
        or an event's argument (`_things_argument`: 'на борту МКС', 'в кулуарах РЭН',
        'строительство Рогунской ГЭС') in `_ARGUMENT_SHARE` of its mentions or more, in
        `_MIN_ARTICLES` articles; unless a noun of an organisation is in the name or before it
        ('Организация договора о коллективной безопасности', 'компания X'), it is a team's or
        a place's (`_named_after_place`), or the shipped lists know it (`_may_be_thing`)."""
        names = {
            name
            for name, count in self.argument.items()
            if not self.agent[name]
            and len(self.argument_articles[name]) >= _MIN_ARTICLES
            and count >= _ARGUMENT_SHARE * self.mentions[name]
            and not any(_organisation_noun(word) for word in _WORDS.findall(name))
            and not self._named_after_place(name, places_written)
            and self._may_be_thing(name)
        }
        return self._surfaces_named(names)

    def titles(self) -> frozenset[str]:
        """The organisations' surfaces that are a person's title (`person_title`: 'Генсека',
        'Председатель полярной комиссии'); not a title in quotation marks, the name of a
        magazine or a ship (the magazine «Корреспондента», the icebreakers «Лидеры»), nor one
        media.tsv lists ('Эксперт'), nor a team's name, mostly in sentences about team sport
        (`_TEAM_SHARE`: the hockey club 'Адмирал')."""
        return frozenset(
            surface
            for surface, found in self.surfaces.items()
            if person_title(surface)
            and not self.quoted[surface]
            and not any(self._team(n) or medium_of(n, cited=True) for n in found)
        )


def _heading_words(name: str) -> bool:
    """Whether a name of two words or more may be a heading's phrase: all its words Russian,
    the first a dictionary word that is no name ('Российская', 'Расшатать'), and none a noun
    of an organisation or an institution's head, which makes a heading name a body
    ('Комитет по защите свободы печати', 'Главное следственное управление СК')."""
    words = _ANY_WORD.findall(name)
    return (
        len(words) >= 2
        and all(_RUSSIAN.fullmatch(word) for word in words)
        and known_common_word(words[0])
        and not any(_organisation_noun(word) for word in words)
    )


def _common_head(word: str) -> bool:
    """Whether a lower-case word is first a declining common noun the dictionary knows
    ('топливо', 'адресами'; not 'авиа', which does not decline, as in 'ВИМ-авиа')."""
    parses = morph()(word)
    return (
        bool(parses)
        and parses[0].is_known
        and parses[0].tag.POS == "NOUN"
        and "Fixd" not in parses[0].tag
    )


def _acts(text: str, start: int, stop: int) -> bool:
    """Whether the name at `start`:`stop` is a body that acts: the genitive of a role, of a
    member, an organ or a decision (`_BODYS_OWN`: 'представитель Пентагона', 'сотрудники X',
    'резолюция Генассамблеи'), or the subject of a verb of speech, statement or decision right
    after it (`nlp.cues`, `_DECISION_VERBS`: 'Пентагон заявил', 'в Пентагоне считают', 'МОК
    решил'), which a word before it that governs it ('в рамках РЭН сообщал', 'на борту МКС
    заявил': the verb is another's) makes another's; 'в' may stand before an impersonal body."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and lemma(before.group(1)) in _bodys_nouns():
        return True
    after = _WORD_AFTER.match(text, stop)
    if after is None or key(lemma(after.group(1))) not in _acting_verbs():
        return False
    return before is None or before.group(1).lower() in ("в", "во") or not _governs(before.group(1))


@cache
def _bodys_nouns() -> frozenset[str]:
    """Nouns (by lemma) whose genitive is a body that acts: roles and `_BODYS_OWN`."""
    return frozenset(role_lemmas() | _BODYS_OWN)


@cache
def _acting_verbs() -> frozenset[str]:
    """Verbs (by key of lemma) whose subject is a body that acts: of speech and statement
    (`nlp.cues`) and of decision (`_DECISION_VERBS`)."""
    return frozenset(cue_verbs() | statement_verbs() | _DECISION_VERBS)


def _governs(word: str) -> bool:
    """Whether a word before a name may govern it: a noun or a preposition ('рамках', 'на')."""
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("NOUN", "PREP")


def _things_argument(text: str, start: int) -> bool:
    """Whether the name at `start` is a thing's argument: after a noun of a thing's life or
    price (`_THINGS_ARGUMENT`: 'строительство Рогунской ГЭС', 'курс биткоина') or in the
    phrase of a place in a craft or at an event (`_THINGS_PLACE`: 'на борту МКС', 'в кулуарах
    РЭН')."""
    two = _TWO_BEFORE.search(text, max(0, start - 60), start)
    if two is None:
        return False
    preposition, noun = two.group(1).lower(), two.group(2).lower()
    return key(lemma(noun)) in _THINGS_ARGUMENT or (preposition, noun) in _THINGS_PLACE


def _common_phrase(words: list[str]) -> bool:
    """Whether words spell out a common noun phrase: in lower case, nouns, adjectives and
    participles (a preposition or conjunction between), whose head (the first noun) is no noun
    of an organisation ('ядерного оружия', 'системы управления', 'договоров о предоставлении
    мощности'; not 'администрации президента', 'сильно уменьшилось')."""
    tags = [morph()(w)[0].tag if w.islower() else None for w in words]
    if not all(t is not None and t.POS in _PHRASE_POS for t in tags):
        return False
    head = next((w for w, t in zip(words, tags, strict=True) if t.POS == "NOUN"), None)
    return head is not None and not _organisation_noun(head)


def _things_phrase(words: list[str]) -> bool:
    """Whether words, capitals or not, spell out the name of a place, a craft, a document, a
    war or a contest: their head (the first noun) is such a noun (`heads_a_things_name`):
    'Международной космической станции', 'Договор о всеобъемлющем запрещении ядерных
    испытаний' is no organisation's name, whatever its capitals."""
    tags = [morph()(w.lower())[0].tag for w in words]
    head = next((w for w, t in zip(words, tags, strict=True) if t.POS == "NOUN"), None)
    return head is not None and heads_a_things_name(head)


def _organisation_noun(word: str) -> bool:
    """A noun of an organisation ('компании') or an institution's head ('администрации',
    'управления'): a phrase with one spells out an organisation, if a generic one."""
    return noun_before(word) == "body" or head_noun(word) is not None


def _place_noun(word: str) -> bool:
    """Whether a word is a noun of a place (the `place` words of not_names.tsv: 'стадион',
    'кладбище'), by its lemma."""
    return key(lemma(word)) in place_nouns()


def _means(word: str) -> bool:
    """Whether a word in lower case is a noun of means (`_MEANS`): 'средства', 'систем'."""
    return word.islower() and any(
        p.tag.POS == "NOUN" and p.normal_form in _MEANS for p in morph()(word)
    )


def _common_abbreviation(name: str) -> bool:
    """Whether the dictionary reads an abbreviation (by key) only as one of a common noun:
    'пво', 'сми'; not 'оон' (an organisation), 'снг' (a place) nor one it does not know."""
    parses = [p for p in morph()(name) if p.tag.POS == "NOUN"]
    return any("Abbr" in p.tag for p in parses) and not any(
        _PROPER_TAGS & p.tag.grammemes for p in parses
    )


def _noun(word: str) -> bool:
    """Whether a word reads first as a noun ('самолёт', 'участники'; not 'на', 'новый')."""
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _nominative(text: str, start: int) -> bool:
    """Whether the name at `start` reads first as a nominative, as a title after the noun of
    its kind does ('самолёт МС-21', 'ралли «Дакар»'), by its first word: not the owner in
    'самолёт «Аэрофлота»' nor in 'премия Гильдии киноактёров', whose first reading is a
    genitive. A word the dictionary does not know (a Latin or foreign name) may be one, unless
    it is a one-word name that declines, in the case the dictionary guesses ('индекс
    Мосбиржи'; not 'Кассини', 'Вельке Капушаны')."""
    first = _FIRST_WORD.match(text, start)
    if first is None or not re.match("[А-Яа-яЁё]", first.group()):
        return True
    word, parses = first.group(), morph()(first.group().lower())
    declines = parses[0].is_known or (
        parses[0].tag.POS == "NOUN"
        and not word.isupper()
        and not indeclinable(word.lower())
        and not _NAME_GOES_ON.match(text, first.end())
    )
    return not declines or parses[0].tag.case in (None, "nomn")


def _sentence(text: str, at: int) -> str:
    """The sentence around position `at`, roughly: from the last end of a sentence before to
    the next, at most `_REACH` characters either side (a text may have no ends at all)."""
    first = max(0, at - _REACH)
    start = max((m.end() for m in _SENTENCE_END.finditer(text, first, at)), default=first)
    stop = _SENTENCE_END.search(text, at, at + _REACH)
    return text[start : stop.start() if stop else min(len(text), at + _REACH)]
