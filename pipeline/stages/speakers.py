"""Who said a quote: the entity its source names, read against the article's people.

The source's words name the speaker, or describe them and the article named them before
(`Article.speaker`, rules in order):
1. Where it was said is not who said it: the words of an occasion ('в интервью Стоуну', 'в
   беседе с RT', 'на брифинге') and media mentions are left out of the source; a source of
   nothing else is the person right before it ('Алексей Мухин [в интервью RT] заявил'); with a
   plural cue, the organisation of a phrase 'в ...' that told the medium ('В АО «Электронный
   паспорт» ... RT рассказали', 'Об этом RT сообщили в Минздраве'), else the medium 'в' puts
   right before the cue's own word ('В CNN подчеркнули').
2. A person the rest names is the speaker ('Президент Ильхам Алиев'), not whose the speaker is
   ('советник Трампа', 'администрация Порошенко', 'в штабе Трампа'); a bare first name or
   surname that the entity stage kept apart ('Ирина', 'Дижур') is the one person of the
   article whose full name has it; a bare surname two people of the article share, a man and a
   woman ('Дональд Трамп', 'Меланья Трамп'), is the one of the cue's gender ('— заявляла
   Трамп'); a surname after a particle is one too ('аль-Шакир', 'бен Сальман'). An unnamed
   source ('источник RT в Минэкономики') is nobody, and so is a pronoun or a description that
   refers back to it ('— сказал собеседник агентства') or to an unnamed person the text
   introduced ('Мужчину лет 35-ти ... он поясняет', 'одна из жительниц ... По её словам').
3. A source that describes one person by a noun ('эксперт', 'бывший глава Минфина', 'глава
   британского МИД') is that person, never the organisation in its phrase: the person named
   right after it in apposition ('..., политолог Дмитрий Журавлёв'), else for a role of a
   state the one holding it in the article (`entities.role`: 'глава государства', 'российский
   лидер' is the president), else the nearest earlier person introduced with the same noun (for
   a role named by other words, the role's: 'глава польского государства' is the one introduced
   as 'президент', not the nearest 'глава Пентагона') or a compound of it ('вице-премьер РФ
   Виталий Мутко', 'ведущая' for 'телеведущая') or holding it as their role, else the one
   holding its role, else the speaker of the quote just before, else the antecedent, as for a
   pronoun. A noun any commentator fits ('эксперт', 'мужчина')
   is first the person just named or quoted (`Article._just_named`). One naming a country
   is not one of another country or a commentator when a person of it was named just before
   ('По словам бывшего главы Грузии' after a political scientist's quote). The speaker just
   before gives way to a person presented as speaking since (`_speaking_since`: 'Магомед
   Толбоев назвал Ан-26 «...». «...», — отметил собеседник агентства'). 'Другой прохожий' is
   nobody named before; a bystander ('местная жительница', `_BYSTANDERS`) only the person just
   named or quoted, or one introduced with the noun.
   A relative's noun ('мать', `_KIN`) is never a person of the other sex; a pundit's
   ('эксперт') never one known by an office of a state alone (`_in_office`: Трамп, Путин).
4. An organisation is the speaker when the source is the organisation or speaks for it ('в
   Минсельхозе', 'сообщил Росстат', 'представитель Госдепа' when no spokesman of it is named:
   `_spokesman`), or refers back to it by a noun it was called by (beyond the last sentences,
   the one such organisation the article named)
   ('в министерстве', 'в авиакомпании', 'представители ведомства'): for 'ведомство',
   'пресс-служба', 'организация' the organisation that spoke just before, else the nearest
   named; a noun no adjective qualifies, by a compound of it too ('представители компании'
   for 'авиакомпания Ryanair'); else, in the last sentences, one of that kind by the corpus's
   full names for it ('в министерстве' after 'МИД Франции', `kinds`). A country or a capital
   named alone stands for its government ('Россия заявляла', 'В Дамаске считают'), unless it
   says where the speaker is ('В посольстве России в Канаде').
   A document is its author's ('Европарламент принял резолюцию ... — говорится в резолюции');
   a document with no author found, and an impersonal cue ('Отмечается, что ...') with no
   quote just before, the owner of the press service the sentence reporting speech before
   names ('сообщили в пресс-службе седьмого флота ВМС США').
   A bare publication's noun ('говорится в публикации') with no maker found is the medium
   quoted just before, or one who wrote in their own channel, else the medium whose own report
   the nearest sentence with names gives ('..., передает портал TMZ').
5. 'Я' in an interview's '- ' answer and 'вы' in its question are the interviewee (rule 8),
   also in an answer's paragraph the speech rules did not take whole; 'я' inside «» elsewhere
   is the speaker of the quote before when the «» name them between dashes ('— считает Нина
   Мамедова. — Я думаю') or a pronoun at its opening would be read as them.
   A pronoun in any case ('он', 'по её словам') is the one person of the nearest earlier
   sentence with people, of the gender of the pronoun or of the cue verb ('добавила'), that the
   text presents (the subject, or after a noun of a person: 'информатора Родченкова'; an
   undeclined surname after a thing's noun is whose it is: 'Слова Порошенко'), else the
   speaker of the quote just before, not one only spoken of ('о Трампе'); the speaker of the
   quote just before first when its source names them after those people by a surname NER
   did not tag ('— считает аль-Шакир. По словам эксперта'), or when those people are not the
   subject of their sentence and it is an unnamed noun of the role that quote's source names
   ('... оппозиционера Алексея Навального, премьер-министр РФ отказался ... — считает
   премьер. ... по его словам' is the premier); 'который' is the person just before it.
6. A group ('эксперты', 'сотрудники МОК', a plural cue) is nobody in particular, and so is one
   of several ('один из источников') unless named right after ('По словам одного из режиссёров
   мультфильма, Юрия Кулакова').
7. No source beside the cue: the person named right after it ('— сказал Брутер').
8. A '- ' answer of an interview is the interviewee's, named in the headline (the surname after
   its quotation, the corpus's person of that name when the text tags nobody of it: 'Колобков
   о ...'; not a person the headline is about: 'о ..., таланте Месси'),
   presented in the sentence that introduces its section ('RT обсудил с ... Ольгой
   Брусникиной'), the lead or the heading of its section, or addressed by a question
   (`Article.interviewee`); people named inside the answers or inside a quotation are spoken
   of.
9. An outlet reporting on its own account is the speaker ('По оценкам CNN', 'сообщает ТАСС со
   ссылкой на ...', 'китайское издание The Global Times'), not one whose person speaks
   ('собеседник RT', 'в интервью RT'); a source no rule names
   anybody from is the person named right after it in the same clause ('— рассказала
   заведующая поликлиникой №2 Светлана Андреева'). Whom an outlet or a press service cites
   by name ('— цитирует Возняцки официальный сайт Уимблдона') is the speaker (`_cited`).
Only people mentioned outside quotations count as earlier people."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType

from pipeline.nlp.gazetteer import key, places
from pipeline.nlp.media import MEDIUM, STRONG_WORDS, WEAK_WORDS
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.ner import preposition
from pipeline.nlp.roles import role_lemmas
from pipeline.nlp.sources import (
    OCCASIONS,
    SPOKES,
    Reading,
    agreement,
    gender_of,
    occasions,
    read,
)
from pipeline.nlp.speech import cue_forms, words_of
from pipeline.stages.entities.people import given_name_gender, sound

#: Role phrases that name a role by another word: 'глава государства' is the president.
ROLE_PHRASES = {
    "глава государства": "президент",
    "глава правительства": "премьер-министр",
    "премьер": "премьер-министр",
    "генсек": "секретарь",
    "госминистр": "министр",
}
_INTERVIEW = "интервью"
#: Nouns of a country's leader: with a country and no organisation or other noun ('российский
#: лидер', 'глава Украины', not 'глава МИД Украины', 'глава российского ведомства'), the head of
#: its state.
_LEADERS = frozenset({"лидер", "глава"})
#: Nouns of a source the text leaves unnamed ('источник в МИД Турции', 'источник RT'): nobody,
#: neither the organisation in its phrase nor the person last named. ('Собеседник RT' is mostly
#: the expert just named: a description.)
_UNNAMED = frozenset({"источник"})
_DASHES = "-–—"
#: Entities that speak when a source is their name alone: an organisation, a place for its
#: government (rule 4).
_BODIES = frozenset({"ORG", "LOC"})
#: Parts of speech that name nobody beside a name: 'в Росстате', 'Росстат также'.
_FUNCTION_WORDS = frozenset({"PREP", "PRCL", "CONJ", "ADVB"})
#: A preposition of what a headline is about: '«...»: X о допинге, паралимпийцах и ...'.
_TOPIC = re.compile(r"(?i)(?<!\w)(?:о|об|про)\s")
#: Nouns of any body: 'ведомство' refers back to a ministry, a service, an agency,
#: 'организация' to any; 'пресс-служба' speaks for the organisation named before.
_AGENCIES = frozenset({"ведомство", "пресс-служба", "организация"})
#: Nouns of a document, a statement or a film: 'говорится в документе' is its author's, the
#: speaker just before or the one the text named as making it ('комиссия РАН ... опубликовала
#: меморандум. «...», — сообщается в документе').
_DOCUMENTS = frozenset(
    {
        "документ",
        "отчёт",
        "доклад",
        "сообщение",
        "заявление",
        "меморандум",
        "письмо",
        "проект",
        "законопроект",
        "фильм",
        "релиз",
        "пресс-релиз",
    }
)
#: Nouns of a statement and of a paper among `_DOCUMENTS`: a statement may be called back by
#: another statement's noun ('в пресс-релизе РСА ... — отмечается в сообщении').
_STATEMENTS = frozenset({"сообщение", "заявление", "релиз", "пресс-релиз"})
_PAPERS = frozenset({"отчёт", "доклад", "меморандум", "письмо", "проект", "законопроект"})
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
#: Words of a description of another person than any named before: 'другой прохожий'.
_ANOTHER = frozenset({"другой", "второй", "иной"})
#: Conjunctions that open a clause whose subject is not the sentence's: 'если победит Драгош'.
_SUBORDINATING = frozenset({"если", "когда", "пока", "хотя", "чтобы", "что", "который", "которая"})
#: What joins a name to the one before it: 'Джоном Салливаном [и ]Синсукэ Сугиямой'.
_PAIRED_AFTER = re.compile(r"\s+и\s+")
#: One of several: 'один из источников', 'одна из жительниц' (a group's member, unnamed).
_ONE_OF = re.compile(r"(?i)(?<!\w)(один|одна|одного|одной|одну|одним)\s+из\s")
#: Nouns that describe any speaker, a man or a woman or one asked for comment, whatever their
#: role: they refer back to the person just named or just quoted (`Article._just_named`).
_ANYONE = frozenset({"эксперт", "мужчина", "женщина", "специалист", "аналитик"})
#: Roles of commentators, whom a description of an office naming a country is not.
_PUNDITS = frozenset({"эксперт", "специалист", "политолог", "аналитик", "экономист"})
#: Words of a description that is not the person just named: 'Другой эксперт'.
_OTHER = frozenset({"другой", "второй", "иной", "ещё", "также", "тоже"})
#: Nouns of the people around someone, who speak for them, not as them: 'администрация
#: Порошенко', 'команда Трампа'.
_ENTOURAGES = frozenset({"администрация", "команда", "штаб", "окружение", "офис", "семья"})
#: Words of a view a sentence gives someone: 'придерживается иной точки зрения'.
_OPINIONS = frozenset({"мнение", "зрение", "позиция", "придерживаться"})
#: Nouns of a man or a woman: they describe one of any role.
_SEXES = frozenset({"мужчина", "женщина"})
#: Roles of people asked for comment, whom 'эксперт' may describe (not an office: 'Путин
#: подписал указ. Эксперт считает ...' is another's words).
_COMMENTATORS = _PUNDITS | frozenset(
    {"директор", "руководитель", "заместитель", "основатель", "председатель", "профессор"}
    | {"декан", "сотрудник"}
)
#: Nouns of a document whose author the text names as making it ('Европарламент принял
#: резолюцию ... — говорится в резолюции'); else, as other nouns of a thing, it refers back to
#: an organisation (`Article._institution`).
_NAMED_DOCUMENTS = frozenset(
    {"резолюция", "записка", "обращение", "послание", "указ", "постановление", "поручение"}
    | {"статья", "колонка", "книга", "публикация", "исследование", "коммюнике", "декларация"}
)
#: Every noun of a document or a statement.
_PAPERS = _DOCUMENTS | _NAMED_DOCUMENTS
#: Nouns of a medium's publication: 'говорится в публикации' after 'передает портал TMZ' goes on
#: with the outlet's own report when no maker is named (`Article._published`).
_PUBLICATIONS = frozenset({"публикация", "статья", "материал"})
#: Verbs of making a document: its maker is their subject.
_MAKING = frozenset(
    {"принять", "опубликовать", "подписать", "направить", "представить", "подготовить"}
    | {"внести", "издать", "выпустить", "разместить", "написать", "утвердить", "одобрить"}
    | {"поручить", "составить", "распространить", "обнародовать", "отправить"}
)
#: What may stand between a document's noun and its owner's name: up to two words of the
#: owner's own name or role ('доклад Исследовательского центра Европарламента'), and the
#: opening mark of a quoted name ('на сайте компании «Метинвест»').
_ADJOINED = re.compile(r"\s+(?:[\w-]+\s+){0,2}[«\"“„]?")
#: Entities that may make a document or go on speaking in one: people, bodies, media.
_AUTHORS = frozenset({"PER", "ORG", MEDIUM})
#: Impersonal verbs of a view: what was believed at large, not one report going on.
_BELIEVED = frozenset({"считаться", "полагаться", "думаться", "предполагаться"})
#: Nouns of authorship: the person after them wrote the document their sentence names.
_AUTHORSHIP = frozenset({"автор", "авторство"})
#: What may stand before an impersonal cue that goes on with the report before it.
_ALSO = frozenset({"также", "и", "кроме", "того", "при", "этом"})
#: After a quotation's closing mark: a comma, a dash and one word before a name ('», —
#: подытожила Могерини').
_SIGNED = re.compile(rf"\s*,?\s*[{_DASHES}]\s*(\w+)\s+")
#: Sentences with people looked back through for a pronoun's or a description's antecedent.
#: A source that is a place: 'пояснили в авиакомпании', the preposition inside the source's span
#: or right before it (the speech rules may leave it out).
_PLACED = re.compile(r"(?i)(?:^|\s)во?\s+$|^во?\s")
_BACK = 3
#: Words of a role's organisation that may stand between the role and the name after it.
_ROLE_WORDS = 8
#: Sentences looked back through for who issued a statement an impersonal cue goes on with: a
#: press release's sentences may be far apart, with tweets or figures between.
_ISSUED_BACK = 12
#: A press service, which speaks for the body or person named after it.
_PRESS_SERVICE = re.compile(r"(?i)пресс-служб\w*")
#: What may stand between a press service's noun and its owner's name: words of one clause.
_OWNER_GAP = re.compile(r"[^.!?;:«»\"\n]{0,80}")
_OWNER_WORDS = 8
#: Whom a press service cites, not its owner: 'со ссылкой на губернатора', 'слова Овчинского'.
_CITED = re.compile(r"(?i)\bсо\s+ссылкой\s+на\b|\bслова\b")
#: A press service's noun with no name after it: it refers back to one named before.
_BARE = re.compile(r"\s*(?:[.,;!?»)\n]|$)")
#: A preposition (and a word) right before a source, which may open an occasion the source's
#: span cut: 'В [интервью RT эксперт]', 'в эксклюзивном [интервью RT]'.
_OPENED = re.compile(r"(?i)(?:^|\s)(?:в|во|на|с|со)\s+(?:\w+\s+)?$")
#: What may stand between a source and the name in apposition to it: '..., политолог '.
_APPOSED = re.compile(r"\s*,?\s*[^.;:!?\n]{0,100}")
#: A description after a name: 'Георгий Остапкович, экономист'.
_DESCRIBED = re.compile(r"\s*,\s*[^,.;:!?«»\"()\n]{0,60}")
_WORDS = re.compile(r"\w+(?:-\w+)*")
#: Where a clause starts: after a mark of a sentence or a clause, or a dash.
_CLAUSE = re.compile(r"[.!?;:,()\n]|(?<!\w)[-–—]")
#: The opening of a short quoted name before a place: '«112 [Украина]»'.
_TITLED = re.compile(r"«[^«»\n]{0,20}$")
#: What joins a place to a name before it: 'Москва и [Пекин]', 'Франция и [Соединённые
#: Штаты]'.
_COORDINATED = re.compile(r"»?\s*(?:,|\sи|\sили)\s+(?:во?\s+)?")
#: A paragraph of a dash alone, right before the paragraph at the end of the text searched.
_LONE_DASH = re.compile(rf"(?:^|\n)[{_DASHES}][ \t]*\n\n$")
#: How a question opens when it addresses the interviewee: its dash, and a courtesy title before
#: a surname ('— Господин Чевик, ...', '— Профессор Лихтман, ...').
_ADDRESS = re.compile(
    rf"[{_DASHES}]?\s*(?:(?:[Гг]осподин|[Гг]оспожа|[Мм]истер|[Мм]иссис|[Мм]исс|[Мм]есье|[Мм]адам"
    r"|[Сс]еньора?|[Сс]иньора?|[Гг]ерр|[Фф]рау|[Пп]ани?|[Дд]октор|[Пп]рофессор)\s+)?"
)
#: Whom a source that is an outlet reporting on its own account may cite: 'ТАСС со ссылкой на
#: телеканал Al Arabiya'.
_CITING = re.compile(r"(?i)\bсо ссылкой на\b")
#: Verbs of citing another's words: a medium that cites is not what it reports on its own.
_CITING_VERBS = frozenset({"цитировать", "приводить", "процитировать", "привести"})
#: A quotation mark: a sentence that quotes words gives someone else's, not a medium's own.
_QUOTING = re.compile(r"[«\"„“]")
#: Quotation marks around a span of words: a quotation, or a title of a few words.
_TITLES = re.compile(r"[«\"„“]([^«»\"„“”\n]*)[»\"“”]")
_TITLE_WORDS = 4
#: A medium's verb of its report that is no cue of speech elsewhere: 'передает портал TMZ'.
_RELAYING = frozenset({"передавать", "передать"})
_MARKS = re.compile(r"[«»\"„“”]")
#: Sentences back from an impersonal cue in which a medium's own report is what it goes on with.
_OUTLET_BACK = 2
#: The end of a clause right after a name.
_CLAUSE_END = re.compile(r"\s*[.,;!?]")
#: What joins two names of a pair, after an abbreviation in brackets: '(OCCRP) и '.
_JOINED = re.compile(r"\)?\s+и\s+")
#: Adjectives of a document several bodies made together: no one of them is its author.
_JOINT = frozenset({"совместный"})
#: What opens an abbreviation in brackets after a name.
_BRACKET = re.compile(r"\s*\(")
#: A number right before a noun: '2891 документ' is several papers.
_COUNTED = re.compile(r"\d\s+$")
#: Marks that end a sentence (a paragraph cut by a link ends with none).
_SENTENCE_ENDS = frozenset(".!?…")
#: One's own channel of publishing: 'в своем Telegram-канале', 'на своей странице в Facebook'.
_OWN_CHANNEL = re.compile(
    r"(?i)\b(?:в|на)\s+сво\w+\s+(?:[\w-]+\s+)?"
    r"(?:\w+-)?(?:канал|блог|микроблог|страниц|аккаунт|сайт|Twitter|Telegram|Facebook)"
)
#: Possessive pronouns of the third person ('его заявление').
_POSSESSIVES = frozenset({"его", "её", "ее", "их"})
#: Where a document was put, right after its noun: 'на сайте', 'в Telegram-канале'.
_SITE = re.compile(
    r"\s+(?:на|в)\s+(?:официальном\s+)?(?P<site>сайте|странице|(?:\w+-)?канале|аккаунте)\s+"
)
#: A medium's own report after a comma before its name: ', передает портал |TMZ'.
_REPORTED_BY = re.compile(r"[,–—]\s*(\w+)\s+((?:[\w-]+\s+){0,2})[«\"“„]?\s*$")
#: Pronouns of the third person singular, personal and possessive, and their gender.
_THIRD_PERSON = {"он": "masc", "она": "femn", "его": "masc", "её": "femn"}
#: Prefixes of a rank below a role's: 'замминистра', 'вице-премьер', 'подполковник'.
_BELOW = ("зам", "вице", "под")
#: A headline that gives one person's words: '«...»: [role words] Surname [—] о ...' (a double
#: surname or a generation word after a hyphen: 'Герман-младший').
_HEADLINE_SUBJECT = re.compile(
    r"»\s*:\s*(?:[^«»:,\n]*?\s)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)\s+(?:[-–—]\s+)?(?:о|об|про)\s"
)


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

    @property
    def gender(self) -> str | None:
        return gender_of(self.name)


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
    #: Where the quote's words open (None when not known).
    opens: int | None = None

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


@dataclass(frozen=True)
class Article:
    """One article's text, its mentions in order and the corpus's people."""

    text: str
    mentions: Sequence[Mention]
    people: Mapping[str, Person]
    sentences: Sequence[tuple[int, int, int]] = ()  # start, stop, paragraph
    answers: Sequence[tuple[int, int]] = ()  # the '- ' answers of an interview
    #: The corpus's person a surname, or a first name and a surname, means (`name_keys`).
    surnames: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: What kind of body the corpus calls each organisation by its full names (`kinds_of`).
    kinds: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def narrated(self) -> list[Mention]:
        """The people mentioned outside quotations, in order."""
        return [m for m in self.mentions if m.type == "PER" and m.narrated]

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
        if found is None and said.source and self._open(said):
            after = self._apposed(said.source[1], True)
            # the same clause ('По его словам, Ангела Меркель ...' opens what was said), and a
            # full name, as one is introduced ('в записке Саакашвили' is whose the note is)
            gap = self.text[said.source[1] : after.start] if after else ","
            if after and " " in after.surface.strip() and not re.search(r"[,;:.!?–—]", gap):
                return after.entity_id, None
        return found, elsewhere

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
        if not words or re.search(r"[^\w\s-]", words):
            return None
        start = said.cue_stop + gap.index(words)
        inside = [m for m in self.mentions if m.start < start + len(words) and start < m.stop]
        if len(inside) != 1 or inside[0].type != "PER" or inside[0].surface.strip() != words:
            return None
        found = self._whole(inside[0].entity_id, start)
        return (found, (start, start + len(words))) if self._cited_as(found, inside[0]) else None

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
            # 'Отмечается, что ...' after a quote goes on with its source
            if _continued(said.cue, self._sentence_of(said.cue_stop - 1)):
                return self._recent(said.previous, said.cue_stop, None, (), 1), None
            if not _impersonal(said.cue):
                return None, None
            spoke = self._recent(said.previous, said.cue_stop, None, ())
            return spoke or self._issuer(said.cue_stop, outlet=True), None
        start, stop = said.source
        stop = _before_conjunction(self.text, start, stop)  # 'подчеркнул [он и] добавил'
        left_out = self._occasions(start, stop)
        inside = [
            m
            for m in self.mentions
            if m.start < stop and start < m.stop and not _within(m, left_out)
        ]
        left_out += [(m.start, m.stop) for m in inside if m.type == MEDIUM]
        people = {m.entity_id: m for m in inside if m.type == "PER" and not self._whose(m, start)}
        number, gender = agreement(said.cue)
        if people:
            return (
                self._one_person(next(iter(people.values())), gender, start)
                if len(people) == 1
                else None
            ), None
        words = _without(self.text, start, stop, left_out)
        named = self._only_named(inside, said, left_out)
        if named:  # 'сообщил Росстат', 'в Дамаске считают': not read as a noun of a person
            return named, None
        media = [m for m in inside if m.type == MEDIUM]
        # 'по оценкам CNN', 'ТАСС со ссылкой на ...'; not 'собеседник RT', a person of it,
        # nor outlets at large ('сообщают СМИ')
        one = number != "plur"
        if media and one and _outlet(words) and not self._of_person(start):
            return self._named_after(said.cue_stop) or media[0].entity_id, None
        if not words:  # only where it was said: 'Алексей Мухин [в интервью RT] заявил'
            before = self._before_occasion(start)
            found = before.entity_id if before else self._named_after(said.cue_stop)
            if found is None and self._publication(start, stop):  # 'говорится в статье'
                found = self._published(start, said.previous)
            if found is None and _impersonal(said.cue):  # 'говорится в письме'
                found = self._written(start, stop, said.previous)
            if found is None and number == "plur" and media:  # 'RT рассказали в Минздраве'
                return self._told_by(said, start, stop, media[0])
            return found, None
        # 'источник в МИД Турции', 'один из источников': nobody, unless named right after
        one_of = _one_of(words)
        if _unnamed(words) or one_of is not None:
            apposed = self._apposed(stop, one_of is not False)
            if apposed and one_of is False and not _genitive(apposed.surface):
                apposed = None  # 'По словам одного из источников, Гудковым ... недовольны'
            return (apposed.entity_id if apposed else None), None
        # a surname the article names in full, whatever else the word reads as ('Ледяхов
        # заявил' after 'Игорем Ледяховым': not the plural of a 'ледях')
        surnamed = self._by_name(words, gender)
        if surnamed:
            return surnamed, None
        reading = _personal(words) or read(words)
        organisations = {m.entity_id for m in inside if m.type == "ORG"}
        if reading.kind in (None, "spokes") and len(organisations) == 1:
            # 'представитель Кремля' after 'сказал Песков': the spokesman named, else the body
            one = reading.kind == "spokes" and number != "plur"
            spokesman = one and self._spokesman(start, reading, gender, organisations)
            return spokesman or organisations.pop(), None
        # 'в ведомстве заявили' refers back to a body; 'некоторые страны утверждают' does not
        placed = _PLACED.search(self.text, max(0, start - 4), start) or _PLACED.match(words)
        # 'телеканал NBC со ссылкой на ...'; not the medium a body's place spoke to, with an
        # impersonal plural cue ('рассказали РИА Новости в пресс-службе')
        cited = any(m.type == MEDIUM for m in inside) and not (placed and number == "plur")
        subject = number == "plur" and not placed
        # 'говорится в документе': where it is written ('Документ предупреждает' is no author)
        document = reading.thing in _DOCUMENTS and placed
        if reading.kind is None and document and not (organisations or cited):
            sited = not _possessed(words) and self._sited(stop)  # not 'в его заявлении'
            made = sited or self._author(start, said.previous, reading.thing)
            # not a source that names anyone: 'в совместном заявлении Москвы и Пекина'
            headline = not inside and self._headline_author(start)
            return made or self._issuer(start) or headline or None, None
        if reading.kind is None and reading.thing and not (organisations or cited or subject):
            # a surname the morphology reads as a common noun ('Дижур') is still a surname
            made = placed and reading.thing in _NAMED_DOCUMENTS
            published = placed and _bare(words) and reading.thing in _PUBLICATIONS
            return self._by_name(words, gender) or (
                made and self._maker(reading.thing, start)
            ) or self._institution(
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
            ) or (published and self._published(start, said.previous)) or None, None
        gender = reading.gender or gender
        if reading.kind == "spokes":  # 'представитель ведомства': the one named, else the body
            one = None if number == "plur" else self._described(said, words, reading, gender, set())
            if one is None and reading.thing and not organisations:
                return self._institution(reading.thing, start, said.previous, _bare(words)), None
            return one, None
        if reading.kind == "group" or number == "plur":
            return None, None
        if reading.kind == "relative":
            return self._relative(start), None
        if reading.kind == "pronoun":
            return self._antecedent(start, gender, said.previous, said.words_from(start)), None
        if reading.kind in ("first", "second"):  # 'я считаю' in an answer, 'вы сказали' asked
            answer = any(a <= start < b for a, b in self.answers)
            asked = not answer and self._dashed(start)
            if reading.kind == "first" and not answer and self._answering(start):
                return self._answering_interviewee(start, gender), None
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
        Киеве'), unless it says where the speaker is (`_elsewhere`)."""
        start, stop = said.source
        named = [m for m in inside if m.type in _BODIES]
        if len({m.entity_id for m in named}) != 1:
            return None
        rest = _without(self.text, start, stop, left_out + [(m.start, m.stop) for m in named])
        if not _function_words(rest):
            return None
        place = named[0].type == "LOC"
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

    def refers_back(self, entity_id: str) -> bool:
        """Whether a later source may refer back to a speaker ('он', 'в ведомстве'): a person
        or a body, not a place for its government ('В Москве отметили ... — отмечается в
        заявлении' is the ministry's statement)."""
        return entity_id not in self._places

    @cached_property
    def _places(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == "LOC"}

    def _described(
        self, said: Said, words: str, reading: Reading, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The one person a description stands for (`_description`), never one of the other sex
        than a relative's noun names ('мать' is no Игорь, 'отец Загитовой' no Алина)."""
        found = self._description(said, words, reading, gender, organisations)
        sex = _KIN.get(reading.head)
        if found and sex and self._sex(found) not in (sex, None):
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
        return patronymics.pop() if len(patronymics) == 1 else person.gender

    def _description(
        self, said: Said, words: str, reading: Reading, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The one person a description stands for (rule 3). A role of a state ('глава
        государства', 'Президент Азербайджана') is looked up first; a role in an organisation
        the source names ('бывший глава Минфина') only among people introduced with it."""
        start, stop = said.source
        apposed = self._apposed(stop, reading.nominative)
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
        introduced = head and self._introduced(head, start, gender, organisations)
        if not organisations:  # 'сотрудник Института США и Канады' is no office of a state
            introduced = self._of_country_rather(introduced, said, gender, words)
        if introduced:
            return introduced
        # the one holding the role, unless it is of another country than the source names
        if role and not (organisations or said.countries) and (holder := self._holder(role, [])):
            return holder
        if head in SPOKES:
            return None
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
        return spokesmen.pop() if len(spokesmen) == 1 else None

    def _in_office(self, entity_id: str) -> bool:
        """Whether the corpus knows a person by an office of a state alone, and the state
        ('президент' of the USA, 'канцлер' of Germany): one an expert's words are about ('По
        мнению эксперта' after 'Путин заявил'), never the expert ('президент Центра системного
        анализа' may be; so may one the corpus calls 'глава' of no country)."""
        person = self.people.get(entity_id)
        if person is None or person.country is None:
            return False
        return person.role_alone and person.role in _OFFICES

    def _speaking_since(
        self, after: int, before: int, gender: str | None, head: str | None
    ) -> str | None:
        """The one person of `gender` written as the subject (in the nominative, not whose a
        thing is: `_owner`) of the nearest sentence with such people between `after` (where the
        quote before ends) and `before`, when that sentence reports speech or a view or quotes
        words («...»), and the person's role is none, a commentator's or the description's
        (`head`): not one holding an office the description does not name ('Порошенко заявил
        ... По мнению политолога'). None when none or several are."""
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
        role = self.people[found].role if found in self.people else None
        sentence = self._sentence_of(since[-1].start)
        speaking = _opines(sentence) or "«" in sentence
        fits = role is None or role in _COMMENTATORS or role == head
        return self._whole(found, before) if speaking and fits else None

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
            o.type == "PER"
            and not o.nominative
            and _PAIRED_AFTER.fullmatch(self.text, o.stop, m.start)
            for o in self.mentions
            if o.stop <= m.start
        )
        return not ({"он", "она"} & set(words) or _SUBORDINATING & set(clause) or paired)

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
        считает Нина Мамедова. — ...»'."""
        before = self.text[max(0, m.start - 60) : m.start]
        dash = max(before.rfind(d) for d in _DASHES)
        after = self.text[m.stop : m.stop + 40]
        return (
            dash >= 0
            and not re.search(r"[«».!?]", before[dash:])
            and bool(re.match(rf"[^{_DASHES}«».!?]*[.,]?\s*[{_DASHES}]", after))
        )

    def _closing(self, at: int) -> int:
        """Where the «» that `at` lies in closes (the text's end if it does not)."""
        depth = 1
        for found in re.finditer("[«»]", self.text[at:]):
            depth += 1 if found.group() == "«" else -1
            if depth == 0:
                return at + found.start()
        return len(self.text)

    def _opening(self, at: int) -> int:
        """Where the outermost «» that `at` lies in opens in its paragraph (`_quoted`)."""
        paragraph = self._paragraph_start(at)
        opened: list[int] = []
        for found in re.finditer("[«»]", self.text[paragraph:at]):
            if found.group() == "«":
                opened.append(paragraph + found.start())
            elif opened:
                opened.pop()
        return opened[0] if opened else at

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
        if person is None or not (
            person.role is None or person.role in _COMMENTATORS or head in _SEXES
        ):
            return None
        if found != self._recent(said.previous, start, gender):
            told = person.role is None and head not in _SEXES  # told of, unless said to speak
            if not self._presented_since(found, start, told):
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

    def _sentence_at(self, at: int) -> int | None:
        """The index of the sentence that holds `at`, None when none does."""
        return next((n for n, (a, b, _) in enumerate(self.sentences) if a <= at < b), None)

    def _sentence_of(self, at: int) -> str:
        """The text of the sentence at `at` (empty when no sentence holds it)."""
        held = self._sentence_at(at)
        return "" if held is None else self.text[self.sentences[held][0] : self.sentences[held][1]]

    def _occasions(self, start: int, stop: int) -> list[tuple[int, int]]:
        """`occasions` of a source, also one whose preposition the source's span left out
        ('В [интервью RT эксперт] заявил', 'в эксклюзивном [интервью RT]'), cut to the span."""
        before = _OPENED.search(self.text, max(0, start - 30), start)
        found = occasions(self.text, before.start() if before else start, stop)
        # a person in the nominative is the subject, never an occasion's complement ('в
        # интервью BuzzFeed [Рэпп] рассказал')
        subjects = [m.start for m in self.mentions if m.type == "PER" and m.nominative]
        cut = [(a, min([m for m in subjects if a < m < b], default=b)) for a, b in found]
        return [(max(a, start), b) for a, b in cut if b > start]

    def _whose(self, m: Mention, start: int) -> bool:
        """Whether a person in a source is whose the speaker is, in another case right after the
        noun of the speaker ('Бывший советник Трампа', 'пресс-секретарь Пенса Джэррод Эйджен'),
        not the speaker in apposition ('Президент Ильхам Алиев', 'эксперта Иванова'); in any
        case after a noun of the people around someone, who speak for them ('администрация
        Порошенко', 'в заявлении команды Трампа', 'Штаб Трампа', 'Семья Биби')."""
        before = _WORDS.findall(self.text[start : m.start])
        if before and lemma(before[-1]) in _ENTOURAGES and self._entourage(m, start, before):
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
        Washington Post]'): what follows is that person's outlet, not the speaker."""
        before = _WORDS.findall(self.text[max(0, start - 40) : start])
        parses = morph()(before[-1].lower())[:1] if before else []
        return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses)

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

    def _author(
        self, before: int, previous: Previous | None, noun: str | None = None
    ) -> str | None:
        """Whose a document is ('говорится в документе', 'поясняется в отчёте'): the speaker
        of the quote just before, who goes on in it ('— говорится в заявлении ФСБ. «...», —
        отмечается в документе'), else who made it: of the nearest of the last `_BACK`
        sentences with names that names a document (up to the next such sentence: a link may
        cut it), the one subject before the document's noun ('Майк Тёрнер подготовил поправки
        к проекту', 'комиссия РАН ... опубликовала меморандум'), else, for a document of the
        kind of the source's `noun` and named in the singular, whose the text says it is
        (`_owner_of_document`)."""
        spoke = self._recent(previous, before, None, ())
        if spoke:
            return spoke
        earlier = [m for m in self.mentions if m.stop <= before and m.narrated]
        stop = before
        for sentence in sorted({m.sentence for m in earlier}, reverse=True)[:_BACK]:
            ours = [m for m in earlier if m.sentence == sentence]
            start = self.sentences[sentence][0] if 0 <= sentence < len(self.sentences) else stop
            start = min(start, ours[0].start)
            at = next(
                (
                    w.start()
                    for w in _WORDS.finditer(self.text, start, stop)
                    if lemma(w.group()) in _DOCUMENTS
                ),
                None,
            )
            within, stop = (start, stop), start
            if at is None:
                continue
            makers = {
                m.entity_id for m in ours if m.type in _AUTHORS and m.nominative and m.stop <= at
            }
            if len(makers) == 1:
                return makers.pop()
            word = _WORDS.match(self.text, at).group()
            same = _same_kind(noun, lemma(word)) and _singular(word)
            return None if makers or not same else self._owner_of_document(ours, at, within[1])
        return None

    def _headline_author(self, before: int) -> str | None:
        """Whose a document with no author named near its source is, when the headline or the
        lead says (`_lead_stop`): the one organisation they name as making one document
        (`_makers`: 'Исследовательский центр Европейского парламента подготовил доклад',
        'говорится в отчёте научно-исследовательской службы Европарламента'); nobody when two
        fit or none does. Not a noun in a name ('Управление перспективных исследовательских
        проектов'), in a quoted title ('проект постановления «О заявлении Верховной рады ...»'),
        nor of several papers ('опубликовало несколько архивных документов', '2891 документ'):
        who publishes an archive did not write it."""
        found: set[str] = set()
        for start, stop in ((0, self._headline_stop), (self._headline_stop, self._lead_stop)):
            stop = min(stop, before)
            ours = [m for m in self.mentions if m.narrated and start <= m.start < stop]
            for word in _WORDS.finditer(self.text, start, stop):
                at = word.start()
                one = _singular(word.group()) and not _COUNTED.search(
                    self.text, max(0, at - 12), at
                )
                named = any(m.start <= at < m.stop for m in self.mentions) or self._quoted(at)
                if lemma(word.group()) not in _PAPERS or not one or named:
                    continue
                if _JOINT & {lemma(w) for w in _WORDS.findall(self.text[max(0, at - 30) : at])}:
                    return None  # 'в совместном заявлении ведомств': several authors
                found |= self._makers(ours, at, stop)
        return found.pop() if len(found) == 1 else None

    def _makers(self, ours: list[Mention], noun: int, stop: int) -> set[str]:
        """The organisations `ours` name as making the document whose noun stands at `noun`:
        its owner in the genitive after it (`_owner_of_document`), with the one joined to it by
        'и' ('доклада Центра ... (OCCRP) и Балканской сети ...': two), a person's or a medium's
        too ('новые документы, проливающие свет на доклад Ричарда Макларена' is his); else the
        subject nearest a verb of making before it (`_made`: 'Офис ... выпустил доклад'), in
        the same clause with no other paper between ('Бюро ... ищут НКО, которая ... представит
        проект' is the NGO's)."""
        owner = self._owner_of_document(ours, noun, stop)
        if owner:
            return self._joined(ours, noun, owner) & self._organisations
        made = {
            m: gap
            for m in ours
            if m.type in _AUTHORS and m.nominative and m.stop <= noun and not self._governed(m)
            if (gap := self._made_directly(m.stop, noun)) >= 0
        }
        found = {m.entity_id for m, gap in made.items() if gap == min(made.values())}
        return found & self._organisations

    def _joined(self, ours: list[Mention], noun: int, owner: str) -> set[str]:
        """`owner`, first named after `noun`, and the one joined to it by 'и' past its
        abbreviation in brackets ('Центра ... преступности (OCCRP) и Балканской сети')."""
        found = {owner}
        after = [m for m in ours if m.start > noun]
        chain = after[next((i for i, m in enumerate(after) if m.entity_id == owner), len(after)) :]
        for m, following in zip(chain, chain[1:], strict=False):
            gap = self.text[m.stop : following.start]
            if _JOINED.fullmatch(gap):
                found.add(following.entity_id)
            if not _BRACKET.fullmatch(gap):
                break
        return found

    def _governed(self, m: Mention) -> bool:
        """Whether a preposition governs the name of `m`, or the name it is joined to by 'и'
        ('связанный с Пентагоном и ЦРУ, опубликовал': neither is the subject)."""
        before = _WORDS.findall(self.text[max(0, m.start - 40) : m.start])[-1:]
        if before and preposition(before[0]):
            return True
        joined = [o for o in self.mentions if o.stop <= m.start]
        gap = self.text[joined[-1].stop : m.start] if joined else ""
        return bool(joined) and _JOINED.fullmatch(gap) is not None and self._governed(joined[-1])

    def _made_directly(self, after: int, noun: int) -> int:
        """`_made`, when no conjunction of another clause nor another paper's noun stands
        between the name and the document's noun; else -1."""
        words = _WORDS.findall(self.text[after:noun])
        if any(w.lower() in _SUBORDINATING or lemma(w) in _PAPERS for w in words):
            return -1
        return self._made(after, noun)

    @cached_property
    def _lead_stop(self) -> int:
        """Where the lead ends: with the first paragraph after the headline that ends a
        sentence (a link may cut a sentence into paragraphs: 'Офис ... США\n\nвыпустил
        доклад\n\n, согласно которому ...')."""
        ends = [(b, paragraph) for a, b, paragraph in self.sentences if paragraph > 0]
        lead = next((p for b, p in ends if self.text[:b].rstrip()[-1:] in _SENTENCE_ENDS), None)
        return max((b for b, p in ends if p == lead), default=self._headline_stop)

    def _written(self, start: int, stop: int, previous: Previous | None) -> str | None:
        """Whose letter or appeal a source that names only it is ('— говорится в письме', 'в
        обращении указывается'): the speaker of the quote just before, who goes on in it, else
        who the nearest sentence that names it says wrote it (`_maker`)."""
        noun = _document_noun(self.text[start:stop])
        if noun is None:
            return None
        return self._recent(previous, start, None, ()) or self._maker(noun, start)

    def _author_of(self, words: str, reading: Reading, before: int) -> str | None:
        """Who 'автор' of a document the source names is: who the nearest sentence that names
        the document says wrote it (`_maker`: 'письмо, авторство которого приписывается ...
        Хейну Вербрюггену. Автор письма ... заявляет')."""
        if reading.head not in _AUTHORSHIP:
            return None
        noun = _document_noun(words)
        found = self._maker(noun, before) if noun else None
        return found if found in self.people else None  # the outlet that ran it is no author

    def _sited(self, stop: int) -> str | None:
        """Whose site or channel a document the source ending at `stop` names was put on, right
        after the source in its clause ('— говорится в сообщении на сайте компании
        «Метинвест»', 'в заявлении на сайте Следкома'): its owner named in the genitive, as
        for a document's noun (`_owner_of_document`)."""
        site = _SITE.match(self.text, stop)
        if site is None:
            return None
        clause = _CLAUSE.search(self.text, site.end())
        end = clause.start() if clause else len(self.text)
        ours = [m for m in self.mentions if site.end() <= m.start < end]
        return self._owner_of_document(ours, site.start("site"), end)

    def _owner_of_document(self, ours: list[Mention], noun: int, stop: int) -> str | None:
        """Whose the document whose noun stands at `noun` is, when its sentence names no maker
        as its subject: the body, person or medium named right after the noun in the genitive,
        with at most two words of its own name between ('следует из доклада Росстата', 'в
        одном из писем Минфина в регионы', 'согласно докладу Генерального директората
        Европарламента'); not after a verb or a person's role ('заявление сделали глава
        Пентагона', 'в докладе экс-главы Объединённого командования ...': the person's)."""
        end = _WORDS.match(self.text, noun).end()
        after = next((m for m in ours if end <= m.start < stop), None)
        if after is None or after.type not in _AUTHORS:
            return None
        gap = self.text[end : after.start]
        words = _WORDS.findall(gap)
        if not _ADJOINED.fullmatch(gap) or not all(_genitive_thing(w) for w in words):
            return None
        return after.entity_id if _genitive(after.surface) else None

    def _published(self, before: int, previous: Previous | None) -> str | None:
        """Whose publication a bare noun of one refers to ('— говорится в публикации'), when no
        maker of it is named: the speaker of the quote just before when a medium (it goes on:
        '— пишет издание. ... — говорится в публикации') or one who wrote in their own channel
        ('сообщил министр ... в своем Telegram-канале'), not one who spoke to a medium
        ('рассказал изданию ... Егор Сусин': the medium's publication); else the medium whose
        own report the nearest sentence with names gives (`_issuer`: 'передает портал TMZ')."""
        spoke = self._recent(previous, before, None, ())
        if spoke and (spoke in self._media or self._own_channel(previous[1])):
            return spoke
        return self._issuer(before, outlet=True)

    def _publication(self, start: int, stop: int) -> bool:
        """Whether a source is a publication's noun alone after its preposition ('в статье',
        which is also an occasion: 'в своей статье для ...' says where one wrote)."""
        words = [w for w in _WORDS.findall(self.text[start:stop]) if not preposition(w)]
        return len(words) == 1 and lemma(words[0]) in _PUBLICATIONS

    @cached_property
    def _media(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == MEDIUM}

    def _own_channel(self, at: int) -> bool:
        """Whether the clause after a quote's end says its speaker wrote it in their own
        channel ('— написал политик на своей странице в Facebook', ', сообщил ... в своем
        Telegram-канале')."""
        clause = re.match(r"[^.!?\n]*", self.text[at : at + _AFTER_CUE]).group()
        return _OWN_CHANNEL.search(clause) is not None

    def _issuer(self, before: int, outlet: bool = False) -> str | None:
        """Who issued what an impersonal cue or a document with no author found goes on with
        ('Отмечается, что ...', '— говорится в заявлении'): the owner of the press service whose
        words the nearest earlier sentence reporting speech reports (`_serviced`), of the last
        `_ISSUED_BACK` sentences and the one of the cue ('сообщили в пресс-службе седьмого
        флота ВМС США', 'В заявлении, распространённом пресс-службой Белого дома, говорится').
        A press service with no name after it ('— уточнили в пресс-службе.') refers further back;
        nobody when the nearest sentence reporting anyone else's words names people or bodies:
        they are too often not who issued a document; for a cue with no source (`outlet`),
        unless that sentence, one of the last `_OUTLET_BACK` and the nearest with names, is a
        medium's own report (`_reporting_outlet`)."""
        at = self._sentence_at(before)
        if at is None:
            return None
        nearest = True  # no earlier sentence with names yet
        for sentence in range(at, max(-1, at - _ISSUED_BACK - 1), -1):
            start, stop, _ = self.sentences[sentence]
            stop = min(stop, before)
            service = _PRESS_SERVICE.search(self.text, start, stop)
            if service and not _BARE.match(self.text, service.end()):
                return self._serviced(service.end(), stop)
            named = sentence < at and any(
                m.narrated and start <= m.start < stop for m in self.mentions
            )
            if not service and named and _reports_or_relays(self.text[start:stop]):
                near = outlet and nearest and sentence >= at - _OUTLET_BACK
                return self._reporting_outlet(start, stop) if near else None
            nearest = nearest and not named
        return None

    def _reporting_outlet(self, start: int, stop: int) -> str | None:
        """The medium whose own report a sentence gives, which an impersonal cue after it goes on
        with ('CNN со ссылкой на источники сообщил, что ... Отмечается, что ...'): its one
        medium, the subject right beside a cue verb ('сообщает ТАСС', 'CNN сообщил') or citing
        ('ТАСС со ссылкой на ...'), not after a preposition ('в интервью RT'), in a sentence that
        names no person (one who speaks to the medium: 'рассказал RT Иван Петров'); after the
        verb, only ending its clause ('— заявил RT другой житель' is whom he told). A sentence
        that names people is the medium's own report when its name ends it after a comma and a
        verb of reporting (`_reported_by`: 'Актёр ... умер, передает портал TMZ.'); a title in
        quotation marks quotes nothing (`_quotes_words`)."""
        ours = [m for m in self.mentions if m.narrated and start <= m.start < stop]
        media = [m for m in ours if m.type == MEDIUM]
        if len({m.entity_id for m in media}) != 1:
            return None
        if _quotes_words(self.text[start:stop]):  # it quotes someone's words or document
            return None
        m = media[0]
        before = _WORDS.findall(self.text[start : m.start])[-1:]
        after = _WORDS.findall(self.text[m.stop : stop])[:1]
        if not m.nominative or (before and preposition(before[0])):
            return None
        cites = _CITING.match(self.text, m.stop + 1) is not None
        ends = cites or _CLAUSE_END.match(self.text, m.stop) is not None
        if any(other.type == "PER" for other in ours):
            # 'Актёр Мэттью Перри умер, передает портал TMZ.': the medium is the subject of
            # the sentence's last clause; not 'рассказал RT Иван Петров'
            return m.entity_id if ends and _reported_by(self.text[start : m.start]) else None
        beside = any(_reporting(w) for w in after) or (ends and any(map(_reporting, before)))
        return m.entity_id if beside or cites else None

    def _serviced(self, service: int, stop: int) -> str | None:
        """The owner of a press service: the first person, body or medium named after its noun
        (before `stop`), when it owns it (`_owns`); nobody when a word that names no entity
        does ('в пресс-службе метро')."""
        owner = next(
            (
                m
                for m in self.mentions
                if m.narrated and service <= m.start and m.stop <= stop and m.type in _AUTHORS
            ),
            None,
        )
        return owner.entity_id if owner and self._owns(service, owner) else None

    def _owns(self, service: int, m: Mention) -> bool:
        """Whether the name `m` after a press service's noun is whose the service is: close
        after it in the same clause ('в пресс-службе вице-премьера - полпреда президента РФ в
        ДФО Юрия Трутнева'), a person in an oblique case (not 'сотрудник пресс-службы партии
        Энн-Мари Перри', the one speaking for it), nor one it cites ('сообщает пресс-служба
        правительства региона со ссылкой на губернатора', 'цитирует пресс-служба слова ...')."""
        gap = self.text[service : m.start]
        near = _OWNER_GAP.fullmatch(gap) and len(_WORDS.findall(gap)) <= _OWNER_WORDS
        return bool(near) and not _CITED.search(gap) and (m.type != "PER" or not m.nominative)

    def _maker(self, noun: str, before: int) -> str | None:
        """Who made a document the source names by `noun` (`_NAMED_DOCUMENTS`): of the nearest
        of the last `_BACK` sentences with names that names it by the same noun, the one subject
        before a verb of making it ('6 июля этого года Европарламент принял резолюцию',
        'сенатор ... Шеррод Браун представил резолюцию', 'Владимир Путин подписал указ')."""
        earlier = [m for m in self.mentions if m.stop <= before and m.narrated]
        for sentence in sorted({m.sentence for m in earlier}, reverse=True)[:_BACK]:
            ours = [m for m in earlier if m.sentence == sentence]
            if not 0 <= sentence < len(self.sentences):
                continue
            start, stop, _ = self.sentences[sentence]
            words = _WORDS.finditer(self.text, start, min(stop, before))
            at = next((w.start() for w in words if lemma(w.group()) == noun), None)
            if at is None:
                continue
            made = {
                m.entity_id: gap
                for m in ours
                if m.type in _AUTHORS and m.nominative and (gap := self._made(m.stop, at)) >= 0
            }
            nearest = [e for e, gap in made.items() if gap == min(made.values(), default=-1)]
            return self._authored(ours, at, stop) or (nearest[0] if len(nearest) == 1 else None)
        return None

    def _made(self, after: int, noun: int) -> int:
        """How many words stand between a name and the first verb of making after it, in the
        singular, before a document's noun; -1 when none does. The name nearest its verb is
        the subject ('Хейн Вербрюгген написал письмо', not 'UCI' of 'глава UCI'; 'Путин
        поручил ... фонда «Талант и успех», доклад представить ..., поручение' is Путин; not
        'X и Y подписали')."""
        words = _WORDS.findall(self.text[after:noun])
        at = next((i for i, w in enumerate(words) if lemma(w) in _MAKING), None)
        return -1 if at is None or agreement(words[at])[0] == "plur" else at

    def _authored(self, ours: list[Mention], noun: int, stop: int) -> str | None:
        """The person a document's sentence names as its author after a noun of authorship
        ('письмо, авторство которого приписывается ... Хейну Вербрюггену', 'автором письма
        стал ...'), within `_ROLE_WORDS` words of it."""
        for word in _WORDS.finditer(self.text, noun, stop):
            if lemma(word.group()) in _AUTHORSHIP:
                after = next(
                    (m for m in ours if m.type == "PER" and word.end() <= m.start < stop), None
                )
                gap = self.text[word.end() : after.start] if after else ""
                if after and len(_WORDS.findall(gap)) <= _ROLE_WORDS:
                    return after.entity_id
                return None
        return None

    @cached_property
    def _authors(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type in _AUTHORS}

    @cached_property
    def _organisations(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == "ORG"}

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
        """A one-word name's person in the whole article (`_whole`): an interviewee's surname."""
        return self._whole(entity_id, len(self.text))

    def _whole(self, entity_id: str, before: int) -> str:
        """A one-word name's person: the nearest earlier person of the article whose full name
        has that word ('Ирина' -> 'Ирина Баринова'), else the entity itself."""
        name = self.people[entity_id].name if entity_id in self.people else ""
        if not name or " " in name:
            return entity_id
        fuller = [
            m.entity_id
            for m in self.narrated
            if m.stop <= before
            and m.entity_id in self.people
            and key(name) in key(self.people[m.entity_id].name).split()
            and m.entity_id != entity_id
        ]
        return fuller[-1] if fuller else entity_id

    def _one_person(self, m: Mention, gender: str | None, before: int) -> str:
        """The person a source naming one person is: for a bare surname, the one of the two
        people of the article with it whose gender the cue has (`_by_gender`), else its person
        in full (`_whole`)."""
        bare = len(_WORDS.findall(m.surface)) == 1
        return (bare and self._by_gender(key(m.surface), gender)) or self._whole(
            m.entity_id, before
        )

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
        return found.pop() if len(found) == 1 else self._by_gender(word, gender)

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

    def _apposed(self, stop: int, nominative: bool) -> Mention | None:
        """A person named right after a source in the same clause and in its case: '...,
        политолог Дмитрий Журавлёв'; 'директор аналитического центра «СовЭкон» Андрей Сизов';
        'по оценке эксперта центра, политолога Виктора Олевича' (where the name may open what
        was said, as the quote's bounds run). Nothing but nouns and their words between: no
        verb, no end of a sentence or clause."""
        for m in self.mentions:
            if m.start >= stop and m.type == "PER":
                gap = self.text[stop : m.start]
                if not _APPOSED.fullmatch(gap) or m.nominative != nominative:
                    return None
                if gap.count("«") > gap.count("»"):  # 'один из источников, «Трамп ...»': said
                    return None
                words = _WORDS.findall(gap)
                # after 'эксперта' a word only in the nominative opens a new clause: 'По мнению
                # эксперта, новый подход администрации Трампа ...'
                if any(_is_verb(w) or not nominative and _subject(w) for w in words):
                    return None
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
        return found.pop() if len(found) == 1 else None

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
        if not self._other_than(found, set(said.countries), start, role):
            return found
        return self._of_country(start, set(said.countries), gender, role) or found

    def _other_than(self, found: str, countries: set[str], start: int, role: str | None) -> bool:
        """Whether `found` is not whom a description naming `countries` with the role `role`
        means (`_of_country_rather`)."""
        person = self.people.get(found)
        if person is None or self._of(found, countries, start):
            return False
        if person.country is not None:
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
                return found.pop() if len(found) == 1 else None
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

    def _introduced(
        self, head: str, before: int, gender: str | None, organisations: set[str]
    ) -> str | None:
        """The nearest earlier person whose role is `head` (`entities.role`: 'министр' for 'Глава
        МИД России Сергей Лавров') or whom the text introduced with the noun `head` or a compound
        of it (`_same_noun`), written in the four words before the name ('вице-премьер РФ
        Виталий Мутко') or after it in apposition ('Георгий Остапкович, экономист'), and with
        one of `organisations` there, if any."""
        stem = key(head)[-7:-2] if len(head) > 8 else key(head)[: max(3, len(head) - 3)]
        for m in reversed([m for m in self.narrated if m.stop <= before]):
            if not self._fits(m.entity_id, gender):
                continue
            lo = max(0, m.start - 60)
            apposed = _DESCRIBED.match(self.text, m.stop)
            hi = apposed.end() if apposed else m.stop
            person = self.people.get(m.entity_id)
            # one who holds the role (not who speaks for another: their roles are loose)
            if not (person and person.role == head and head not in SPOKES):
                if stem not in key(self.text[lo:hi]):
                    continue  # no form of the noun near the name (read first: lemmas cost)
                ahead = _WORDS.findall(self.text[lo : m.start])[-4:]
                behind = _WORDS.findall(apposed.group()) if apposed else []
                if not any(_same_noun(lemma(w), head) for w in ahead + behind):
                    continue
            if not organisations or any(
                o.entity_id in organisations for o in self.mentions if lo <= o.start < hi
            ):
                return m.entity_id
        return None

    def _fits(self, entity_id: str, gender: str | None) -> bool:
        person = self.people.get(entity_id)
        found = self._told_genders.get(entity_id) or (person.gender if person else None)
        return gender is None or found is None or found == gender

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

    def _antecedent(
        self,
        before: int,
        gender: str | None,
        previous: Previous | None = None,
        narrated: int | None = None,
        expert: bool = False,
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
        `expert`, people known by an office of a state (`_in_office`) are only spoken of."""
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
            ]
            if not fit:
                continue
            if again and self._named_since(again, fit[-1], previous[2]):
                return again
            ids = {m.entity_id for m in fit}
            # the subject first, else one named after a noun of a person
            subjects = {m.entity_id for m in fit if m.nominative and not self._owner(m)}
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
            return ids.pop() if len(ids) == 1 else None
        return recent

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
        found, after = 0, None  # after: the word before, a preposition ('на источник')
        for word in _WORDS.finditer(self.text, lo, before):
            parse = morph()(word.group().lower())[:1]
            nominative = parse and parse[0].tag.case == "nomn" and after != "PREP"
            unnamed = nominative and parse[0].normal_form in _UNNAMED
            if unnamed and not self._quoted(word.start()) and not self._of_thing(word.end()):
                found = word.end()
            after = parse[0].tag.POS if parse else None
        return found

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
        return found

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

    def interviewee(self, at: int) -> Mention | None:
        """Whose is the '- ' answer at `at` (rule 8): the headline's subject
        (`_headline_subject`); else the one person the sentence right before its run of
        questions and answers names (its introduction: 'RT обсудил с вице-президентом ФСПР
        Ольгой Брусникиной', 'Среди отстранённых оказалась и Елена Никитина'), so each section
        of a multi-person interview has its own; else the one person of the nearest earlier
        sentence outside the questions and answers that names them beside a verb of speech or
        the word 'интервью' ('Главный тренер Массимо Каррера рассказал ...') or heads it as a
        label ('Алёна Заварзина: «...»'); else the person a question addresses ('— Сергей
        Николаевич, вы ...'). People named inside the answers, or inside a quotation (the
        headline's «...»: '«Поветкин не нашёл справедливости в США»: адвокат боксёра ...'), are
        spoken of."""
        if self._headline_subject:
            return self._headline_subject
        earlier = [s for s in self.sentences if s[1] <= at]
        nearest = True  # the nearest sentence with people: the run's introduction
        for start, stop, _ in reversed(earlier):
            answered = self._answered(start)
            found = [
                m
                for m in self.narrated
                if start <= m.start and m.stop <= stop and not self._quoted(m.start)
            ]
            if self._dashed(start) or not found or answered and not self._asked_after(stop):
                continue
            label = re.match(r"\s*:", self.text[found[0].stop : found[0].stop + 3])
            if label and found[0].start == start:
                return found[0]
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
        return None

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
        if not self.answers or not self._dashed(at):
            return False
        end = self.text.find("\n\n", at)
        paragraph = self.text[self._paragraph_start(at) : end if end >= 0 else len(self.text)]
        return not paragraph.rstrip().endswith("?")

    def _answering_interviewee(self, at: int, gender: str | None) -> str | None:
        """The interviewee (`interviewee`) as the 'я' of an answer's paragraph (`_answering`):
        not when the cue's gender is not theirs ('Я же ей объяснял' is no woman's), nor when the
        question just before asks about them ('— В каком состоянии находится Дзагоев?
        — ... Я читал, что ...': the one asked about is spoken of)."""
        found = self.interviewee(at)
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
            on = last is not None and self.text.count("\n\n", last, a) <= 1  # the next paragraph
            if self._dashed(a) or on and found and found[-1][1] == last:
                found.append((a, b))
            last = b
        return found

    def _asked_after(self, at: int) -> bool:
        """Whether the paragraph of `at` is followed by a '- ' question: the paragraph that
        introduces a section ('Денис Глушаков рассказал, что ...'), not a paragraph within an
        answer."""
        end = self.text.find("\n\n", at)
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

    def _paragraph_start(self, at: int) -> int:
        return self.text.rfind("\n\n", 0, at) + 2 if "\n\n" in self.text[:at] else 0

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


def _opening(words: list[str]) -> bool:
    """Whether the words before a noun in its sentence open with 'один' or 'некий' (after 'ещё'
    or a conjunction), at most two adjectives after it: 'Один молодой человек', 'Ещё один
    собеседник'."""
    rest = [w for w in words if w not in ("ещё", "еще", "и", "а", "но")]
    return bool(rest) and len(rest) <= 3 and lemma(rest[0]) in _INDEFINITE


def _reports(sentence: str) -> bool:
    """Whether a sentence reports speech ('рассказал', 'по словам', 'в интервью'), not the
    speaker's own words ('отмечу') or a gerund without its subject ('говоря о ...')."""
    words = words_of(sentence)
    if _INTERVIEW in words:
        return True
    return any(
        parse.tag.POS != "GRND" and not {"1per", "2per"} & set(parse.tag.grammemes)
        for word in cue_forms().intersection(words)
        for parse in morph()(word)[:1]
    )


def _quotes_words(sentence: str) -> bool:
    """Whether a sentence quotes words: quotation marks around more than a title's few words
    ('сообщает "Коммерсантъ"', 'по сериалу "Друзья"' only name a thing) or left open."""
    if not _QUOTING.search(sentence):
        return False
    titles = _TITLES.findall(sentence)
    if any(len(_WORDS.findall(title)) > _TITLE_WORDS for title in titles):
        return True
    return _MARKS.search(_TITLES.sub("", sentence)) is not None


def _reports_or_relays(sentence: str) -> bool:
    """Whether a sentence reports speech (`_reports`) or a medium's report ('..., передает
    портал TMZ')."""
    return _reports(sentence) or any(lemma(w) in _RELAYING for w in words_of(sentence))


def _reported_by(before: str) -> bool:
    """Whether the text `before` a medium's name ends in a clause of its own report after a
    comma: a cue verb and at most two words that describe the medium (', сообщает', ',
    передает портал', ', сообщила британская газета'); not 'Иван Петров заявил' (whom he
    told)."""
    found = _REPORTED_BY.search(before)
    verb = found and found.group(1)
    if not verb or not (_reporting(verb) or lemma(verb.lower()) in _RELAYING):
        return False
    return all(
        _pos(word) == "ADJF" or lemma(word) in STRONG_WORDS | WEAK_WORDS
        for word in found.group(2).split()
    )


def _reporting(word: str) -> bool:
    """Whether a word is a cue verb of one subject, in the active voice, that reports what is
    said ('сообщил', 'пишет', 'указывает'): not a plural ('сообщили РИА Новости в компании'), an
    impersonal reflexive ('с которым ознакомился RT, отмечается') nor citing another's words
    ('цитирует', 'приводит')."""
    low = word.lower()
    if low not in cue_forms() or low.endswith(("ся", "сь")):
        return False
    parse = morph()(low)[0]
    return (
        parse.tag.POS == "VERB"
        and parse.tag.number == "sing"
        and key(parse.normal_form) not in _CITING_VERBS
    )


def _pos(word: str) -> str | None:
    """The part of speech of the dictionary's first reading of `word`, in any case of letters."""
    parses = morph()(word.lower())
    return parses[0].tag.POS if parses else None


def _animate(word: str) -> bool:
    """Whether a word's first reading is a common noun of a person ('глава', 'наставник')."""
    parses = morph()(word.lower())[:1]
    return any(
        p.tag.POS == "NOUN"
        and "anim" in p.tag
        and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes)
        for p in parses
    )


def _impersonal_words(words: str) -> bool:
    """Whether a source names no person by a common noun ('в министерстве', not 'будущего главы
    разведывательного управления')."""
    return not any(map(_animate, _WORDS.findall(words)))


def _opines(sentence: str) -> bool:
    """Whether a sentence reports speech (`_reports`) or a view ('придерживается иной точки
    зрения', 'Схожее мнение ... высказал')."""
    return _reports(sentence) or bool(_OPINIONS & {lemma(w) for w in _WORDS.findall(sentence)})


def _document_noun(words: str) -> str | None:
    """The first noun of a document or a statement among `words` ('письме' -> 'письмо')."""
    return next((n for w in _WORDS.findall(words) if (n := lemma(w)) in _PAPERS), None)


def _continued(cue: str, sentence: str) -> bool:
    """Whether an impersonal cue in the past opens its sentence ('Отмечалось, что ...', 'Также
    сообщалось, что'): it goes on with the report just before ('Bild сообщило, что ...
    Отмечалось, что ...'); not after an adverb of time ('Ранее сообщалось' is earlier
    reports); nor a view's ('Считалось, что ...' is what was believed)."""
    parses = [p for p in morph()(cue.lower()) if p.tag.POS == "VERB"][:1]
    if not parses or parses[0].tag.tense != "past" or not cue.lower().endswith("сь"):
        return False
    if parses[0].normal_form in _BELIEVED:
        return False
    before = _WORDS.findall(sentence[: sentence.find(cue)]) if cue in sentence else ["?"]
    return all(w.lower() in _ALSO for w in before)


def _impersonal(cue: str) -> bool:
    """Whether a cue is an impersonal reflexive verb in the present: 'отмечается', 'сообщается'
    go on with what a source just named says ('Ранее сообщалось' is earlier reports')."""
    parses = [p for p in morph()(cue.lower()) if p.tag.POS == "VERB"][:1]
    return any(
        p.tag.tense == "pres" and p.tag.person == "3per" and p.tag.number == "sing" for p in parses
    ) and cue.lower().endswith("ся")


def _alone(words: str, head: str) -> bool:
    """Whether `head` is the only common noun of `words` (adjectives and names beside it)."""
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())[:1]
        if any(p.tag.POS == "NOUN" and p.normal_form != head for p in parses) and not any(
            {"Name", "Surn", "Patr", "Geox", "Orgn"} & set(p.tag.grammemes) for p in parses
        ):
            return False
    return True


def _unnamed(words: str) -> bool:
    """Whether a source's first noun is one of an unnamed source ('источник RT в Минэкономики',
    'высокопоставленный собеседник')."""
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            return parses[0].normal_form in _UNNAMED
    return False


def _another(words: str, head: str | None) -> bool:
    """Whether a description says it is another person than one before by a word before its
    noun `head` ('другой прохожий', 'по словам второго собеседника'; not 'Владелец второй
    крупнейшей организации')."""
    for word in _WORDS.findall(words.lower()):
        found = lemma(word)
        if found == head:
            return False
        if found in _ANOTHER:
            return True
    return False


def _bare_noun(words: str, head: str) -> bool:
    """Whether no noun follows a description's noun `head` ('местная жительница', 'соседка'; not
    'жительница Донбасса', 'свидетельница событий')."""
    tokens = [w.lower() for w in _WORDS.findall(words)]
    after = next((n for n, w in enumerate(tokens) if lemma(w) == head), len(tokens)) + 1
    return not any(_pos(w) == "NOUN" for w in tokens[after:])


def _possessed(words: str) -> bool:
    """Whether words say whose a thing is by a possessive ('его заявлении', 'в своём
    заявлении')."""
    return any(w.lower() in _POSSESSIVES or lemma(w) == "свой" for w in _WORDS.findall(words))


def _genitive(name: str) -> bool:
    """Whether the last word of a name may be in the genitive ('Юрия Кулакова', 'Фей Чуа'; not
    'Гудковым')."""
    return any(p.tag.case == "gent" for p in morph()(name.split()[-1].lower()))


def _same_kind(noun: str | None, other: str) -> bool:
    """Whether two nouns of a document may name the same one: either is 'документ', or both
    are of a statement ('сообщение', 'заявление', 'пресс-релиз') or of a paper ('доклад',
    'отчёт', 'письмо', ...); a film is only a film."""
    if noun is None or "документ" in (noun, other):
        return noun is not None
    kinds = [
        _STATEMENTS if word in _STATEMENTS else _PAPERS if word in _PAPERS else {word}
        for word in (noun, other)
    ]
    return kinds[0] == kinds[1]


def _singular(word: str) -> bool:
    """Whether a noun can only be singular: a plural ('фильмы Чаплина', 'исследовательских
    проектов Министерства обороны', 'подобные заявления Волкера') names papers at large, not
    the one the source calls back."""
    return all(p.tag.number == "sing" for p in morph()(word.lower()) if p.tag.POS == "NOUN")


def _genitive_thing(word: str) -> bool:
    """Whether a word reads first as a genitive adjective or noun of no person
    ('Исследовательского', 'центра'; not 'главы', 'сделали')."""
    tag = morph()(word.lower())[0].tag
    return tag.case == "gent" and tag.POS in ("NOUN", "ADJF") and "anim" not in tag


def _one_of(words: str) -> bool | None:
    """Whether a source is one of several ('один из источников', 'сотрудник одной из фирм'),
    and whether that 'один' is in the nominative; None when it is not one of several or the
    words are a place ('он в одной из последних публикаций')."""
    found = _ONE_OF.search(words)
    if found is None:
        return None
    before = _WORDS.findall(words[: found.start()])[-1:]
    if before and _pos(before[0]) == "PREP":
        return None
    return found.group(1).lower() in ("один", "одна")


def _personal(words: str) -> Reading | None:
    """A source that is one personal or possessive pronoun of the third person singular in any
    case ('по его словам', 'по её мнению', 'ему кажется'), read as the pronoun it stands for."""
    tokens = _WORDS.findall(words)
    if len(tokens) != 1:
        return None
    for parse in morph()(tokens[0].lower()):
        gender = _THIRD_PERSON.get(parse.normal_form)
        if gender and parse.tag.POS in ("NPRO", "ADJF") and "Anph" in parse.tag:
            return Reading("pronoun", parse.normal_form, gender)
    return None


#: How far after a cue the speaker may stand behind a role phrase, and what ends the search:
#: the sentence or paragraph, or content ('заявил, что', 'сообщил:').
_AFTER_CUE = 200
_CONTENT_AFTER = re.compile(r"[.!?:\n]|\bчто\b")


def _governs(word: str) -> bool:
    """A preposition, or 'адрес' of 'в адрес': what stands before a person spoken to or of."""
    return word == "адрес" or preposition(word)


def _outlet(words: str) -> bool:
    """Whether what is left of a source beside its medium describes only the outlet: nothing,
    its adjectives and a noun of a medium ('китайское англоязычное издание [The Global Times]'),
    and whom it cites ('[ТАСС] со ссылкой на телеканал Al Arabiya')."""
    own = [morph()(w.lower())[:1] for w in _WORDS.findall(_CITING.split(words, maxsplit=1)[0])]
    if not all(own):
        return False
    # a phrase of time in an oblique case the source's span began inside: 'В конце [прошлой
    # недели немецкое издание] Bild сообщило', when the outlet's noun is in the nominative
    named = next((i for i, (p,) in enumerate(own) if p.tag.case == "nomn"), 0)
    if named and not any(_medium_noun(p) and p.tag.case == "nomn" for (p,) in own[named:]):
        return False
    if any(p.word[:1].isupper() or p.tag.POS == "CONJ" for (p,) in own[:named]):
        return False  # another source before it: 'Минобороны РФ и агентство ИНТЕРФАКС-АВН'
    return all(p.tag.POS == "ADJF" or _medium_noun(p) for (p,) in own[named:])


def _medium_noun(parse) -> bool:
    """Whether a word's reading is a noun of a medium ('издание', 'газета'), not an occasion."""
    found = parse.normal_form
    return found in STRONG_WORDS | WEAK_WORDS and found not in OCCASIONS


def _bare(words: str) -> bool:
    """Whether a source's words have no adjective or participle: its noun is not qualified
    ('компании', 'в прокуратуре'; not 'немецкого парламента')."""
    return not any(_pos(word) in ("ADJF", "PRTF") for word in _WORDS.findall(words))


def _same_noun(word: str, head: str) -> bool:
    """Whether the noun `word` (a lemma) names what `head` does: the same, or `head` is a
    compound of it ('телеведущая' for 'ведущая'), not of a rank below it ('замминистра')."""
    if word == head:
        return True
    prefix = head[: len(head) - len(word)]
    return (
        len(word) >= 5 and head.endswith(word) and "-" not in head and not prefix.startswith(_BELOW)
    )


def _subject(word: str) -> bool:
    """Whether a noun or an adjective can only be in the nominative (or the accusative like it):
    it opens a clause of its own rather than going on a phrase in another case."""
    parses = morph()(word.lower())
    return bool(parses) and all(
        p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("nomn", "accs") for p in parses
    )


def _given_name(word: str) -> bool:
    """Whether the dictionary knows `word` as a first name in the nominative."""
    return any("Name" in p.tag.grammemes and p.tag.case == "nomn" for p in morph()(word.lower()))


def _function_words(words: str) -> bool:
    """Whether `words` are only prepositions, particles, conjunctions and adverbs."""
    for word in _WORDS.findall(words):
        parses = morph()(word.lower())[:1]
        if not parses or parses[0].tag.POS not in _FUNCTION_WORDS:
            return False
    return True


def _government(m: Mention) -> bool:
    """Whether a place's mention names a country or a capital (`gazetteer.places`), which may
    stand for its government."""
    place = places().get(key(m.normal))
    return place is not None and place.via in ("name", "capital")


def _is_verb(word: str) -> bool:
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("VERB", "GRND", "INFN", "PRTS")


def _one(mentions: list[Mention]) -> Mention | None:
    """The first of `mentions` when they are all of one entity."""
    return mentions[0] if len({m.entity_id for m in mentions}) == 1 else None


def _within(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= mention.start and mention.stop <= b for a, b in spans)


def _without(text: str, start: int, stop: int, spans: list[tuple[int, int]]) -> str:
    """text[start:stop] without the `spans` in it."""
    out, at = [], start
    for a, b in sorted(spans):
        if a >= at:
            out.append(text[at:a])
            at = max(at, b)
    out.append(text[at:stop])
    return " ".join(" ".join(out).split())


def _fixed(word: str) -> bool:
    """Whether a name does not decline: its first reading as a name, else its first reading,
    is of a fixed form ('Порошенко'; 'Белых', first read as the adjective 'белых')."""
    parses = morph()(word.lower())
    named = [p for p in parses if {"Name", "Surn"} & set(p.tag.grammemes)]
    return bool(parses) and "Fixd" in (named or parses)[0].tag


#: Particles of a name written apart from the surname: 'Усама бен Ладен', 'Лула да Силва'.
_PARTICLES = frozenset({"бен", "ибн", "фон", "ван", "де", "ди", "да", "дель", "ле", "ла"})
#: A surname, capitalised or after a particle joined by a hyphen: 'аль-Шакир', 'эль-Сиси'.
_PARTICLED = re.compile(r"(?:[а-яё]{2,3}-)?[А-ЯЁ]")
#: Words of one person of several or of any, whom the text does not name: 'одна из жительниц',
#: 'некий мужчина'.
_INDEFINITE = frozenset({"один", "некий", "какой-то"})
#: A name coordinated with the one before it: '[Колесниченко] и Пацкевич'.
_PAIRED = re.compile(r"\s+и\s+[А-ЯЁ]")
#: A conjunction that ends a source: the next verb's ('подчеркнул он и добавил').
_LAST_CONJUNCTION = re.compile(r"(?i)\s+(?:и|а|но|или)\s*$")


#: Where the words after a cue stop being its clause: a mark of a clause, or what was said.
_CLAUSE_OR_CONTENT = re.compile(r"[.!?;:,()«\n]|(?<!\w)[-–—]|\bчто\b")
#: A phrase of place: 'в' and the words after it, up to a mark, the next 'в' or its end.
_IN = re.compile(r"(?i)(?<!\w)во?\s")
#: A mark of a clause, where a phrase of place ends.
_PHRASE_END = re.compile(r"[,.;:!?()\n]|(?<!\w)[-–—]")


def _opening_words(words: str) -> bool:
    """Whether `words` may open a sentence before its phrase of place: at most two words and
    no mark ('Ранее', 'Тем временем')."""
    return len(_WORDS.findall(words)) <= 2 and not re.search(r"[^\w\s]", words)


def _phrases(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The phrases 'в ...' of text[start:stop] that run to the next 'в', a mark of a clause or
    `stop`, in order ('В АО «Электронный паспорт»', 'во вторник', 'в Минэкономразвития')."""
    found = []
    for at in _IN.finditer(text, start, stop):
        end = _IN.search(text, at.end(), stop)
        mark = _PHRASE_END.search(text, at.end(), stop)
        hi = min(x.start() for x in (end, mark) if x) if end or mark else stop
        hi = len(text[:hi].rstrip())
        if hi > at.end():
            found.append((at.start(), hi))
    return found


def _before_conjunction(text: str, start: int, stop: int) -> int:
    """Where a source ends without a conjunction at its end. The speech rules stop a source
    before the next verb's 'и' ('подчеркнул он| и добавил') but keep one a comma follows
    ('Трамп и, сделав паузу, добавил', 'наш известный и, к сожалению, рано погибший актёр'),
    which would otherwise reach a description's antecedent search."""
    found = _LAST_CONJUNCTION.search(text, start, stop)
    return found.start() if found else stop


def _same_surname(word: str, surname: str) -> bool:
    """Whether `word` is `surname` in some case: the same, or the surname and an ending of at
    most two letters ('брутера', 'брутеру')."""
    return word == surname or (
        len(surname) >= 4 and word.startswith(surname) and len(word) - len(surname) <= 2
    )
