"""What one word is: its part of speech, case, number and animacy by the dictionary, and the
classes of words the speaker rules share (nouns of documents, of agencies, of pundits).

The lowest layer of the package: every other module tests words through these, so one reading
of a word (pymorphy2's first, through `nlp.models.morph`) serves all the rules."""

from __future__ import annotations

import re

from pipeline.nlp.gazetteer import key, read_tsv
from pipeline.nlp.media import STRONG_WORDS, WEAK_WORDS
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.ner import preposition
from pipeline.nlp.sources import OCCASIONS
from pipeline.nlp.speech import cue_forms
from pipeline.nlp.speech.words import known_abbreviation
from pipeline.nlp.time_patterns import MONTH_NAMES, WEEKDAY_NAMES

#: The dashes that sign a quotation or open an interview's answer.
_DASHES = "-–—"

#: Nouns of any body: 'ведомство' refers back to a ministry, a service, an agency,
#: 'организация' to any; 'пресс-служба' speaks for the organisation named before.
_AGENCIES = frozenset({"ведомство", "пресс-служба", "организация"})

#: Nouns of a state department among `_AGENCIES`: 'в сообщении ведомства' is a ministry's or an
#: agency's, never a business's.
_DEPARTMENTS = frozenset({"ведомство"})

#: Nouns that head the names of a state's departments (by an organisation's own words or the
#: corpus's full names for it, `kinds`): what 'ведомство' refers back to beyond the last
#: sentences, the nearest such body the article named ('Минобороны России ... — заявляли в
#: ведомстве' several paragraphs on), not a party or a group named nearer.
_STATE_BODIES = frozenset(
    {"министерство", "ведомство", "служба", "агентство", "комитет", "департамент"}
    | {"управление", "инспекция", "надзор", "казначейство", "госдепартамент", "минобороны"}
)

#: A state's department described by its field: an adjective before 'ведомство' or a compound
#: of it ('внешнеполитическое ведомство', 'в военном ведомстве', 'дипведомство') names which
#: department it is, and so refers back to a body whose name says that field (`_FIELD_BODIES`),
#: not to whichever body spoke or was named last.
_FIELDS = {
    "внешнеполитический": "foreign",
    "дипломатический": "foreign",
    "дипведомство": "foreign",
    "военный": "defence",
    "оборонный": "defence",
    "финансовый": "finance",
}

#: The words of the names of a field's departments (lower case), in any country: the foreign
#: ministry ('МИД Грузии', 'Госдеп', 'Форин-офис'), the defence ministry ('Минобороны России',
#: 'Пентагон'), the finance ministry ('Минфин США', 'Казначейство').
_FIELD_BODIES = {
    "foreign": re.compile(r"\bмид\b|иностранных дел|госдеп|форин-офис|foreign office"),
    "defence": re.compile(r"\bминобороны\b|министерств\w* обороны|пентагон"),
    "finance": re.compile(r"\bминфин|министерств\w* финансов|казначейств"),
}

#: Nouns of when or how something was reported, which a phrase after an outlet's name may say
#: without naming anyone else ('CNN 16 марта', 'The New York Times на прошлой неделе', 'Издание
#: Blick в свою очередь', 'Деловое издание Nikkei на этот счёт'): units and names of time, and
#: the nouns of 'в свою очередь', 'на этот счёт', 'в то же время'.
_WHEN = frozenset(
    {
        "год",
        "месяц",
        "неделя",
        "день",
        "утро",
        "вечер",
        "ночь",
        "время",
        "очередь",
        "счёт",
        *WEEKDAY_NAMES,
        *MONTH_NAMES,
    }
)


#: Nouns and legal forms of a business, which a noun of a state department does not refer back
#: to ('Министерство обороны РФ заключило контракт с ОАО «...». В сообщении ведомства').
_BUSINESSES = frozenset(
    {"компания", "корпорация", "концерн", "холдинг", "фирма", "предприятие", "завод"}
    | {"оао", "зао", "пао", "ао", "ооо"}
)

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

#: Nouns of a statement among `_DOCUMENTS`: a statement may be called back by
#: another statement's noun ('в пресс-релизе РСА ... — отмечается в сообщении').
_STATEMENTS = frozenset({"сообщение", "заявление", "релиз", "пресс-релиз"})

#: Conjunctions that open a clause whose subject is not the sentence's: 'если победит Драгош'.
_SUBORDINATING = frozenset({"если", "когда", "пока", "хотя", "чтобы", "что", "который", "которая"})

#: Roles of commentators, whom a description of an office naming a country is not.
_PUNDITS = frozenset({"эксперт", "специалист", "политолог", "аналитик", "экономист"})

#: Roles of people asked for comment, whom 'эксперт' may describe (not an office: 'Путин
#: подписал указ. Эксперт считает ...' is another's words).
_COMMENTATORS = _PUNDITS | frozenset(
    {"директор", "руководитель", "заместитель", "основатель", "председатель", "профессор"}
    | {"декан", "сотрудник"}
)

#: A word of a phrase, hyphens kept ('Юго-Восточной').
_WORD = re.compile(r"[\w-]+")

#: Nouns of the bodies commentators work in, research and analysis ('Центр системного анализа',
#: 'Институт инновационного развития', 'кафедра', 'фонд'): any role in one is a commentator's
#: ('президент Центра ...', 'начальник отдела ... Института ...'), not an office of a state.
_STUDIES = frozenset(
    {"институт", "центр", "университет", "академия", "кафедра", "факультет", "лаборатория"}
    | {"фонд", "клуб", "ассоциация"}
)

#: Nouns of a document whose author the text names as making it ('Европарламент принял
#: резолюцию ... — говорится в резолюции'); else, as other nouns of a thing, it refers back to
#: an organisation (`Article._institution`).
_NAMED_DOCUMENTS = frozenset(
    {"резолюция", "записка", "обращение", "послание", "указ", "постановление", "поручение"}
    | {"распоряжение", "приказ"}
    | {"статья", "колонка", "книга", "публикация", "исследование", "коммюнике", "декларация"}
)

#: Nouns of a medium's publication: 'говорится в публикации' after 'передает портал TMZ' goes on
#: with the outlet's own report when no maker is named (`Article._published`).
_PUBLICATIONS = frozenset({"публикация", "статья", "материал"})

#: The nouns of a document the corpus shows ('говорится в телеграмме', 'сказано в прогнозе':
#: `data/document_nouns.tsv`, bench/document_nouns.py) read as `_DOCUMENTS` are, unless the
#: rules read them as named documents or publications.
_DOCUMENTS = _DOCUMENTS | (
    frozenset(row[0] for row in read_tsv("document_nouns.tsv")) - _NAMED_DOCUMENTS - _PUBLICATIONS
)

#: Every noun of a document or a statement.
_PAPERS = _DOCUMENTS | _NAMED_DOCUMENTS

#: Sentences with people looked back through for a pronoun's or a description's antecedent.
_BACK = 3

#: Words of a role's organisation that may stand between the role and the name after it.
_ROLE_WORDS = 8

#: Verbs of citing another's words: a medium that cites is not what it reports on its own.
_CITING_VERBS = frozenset({"цитировать", "приводить", "процитировать", "привести"})

#: Prefixes of a rank below a role's: 'замминистра', 'вице-премьер', 'подполковник'.
_BELOW = ("зам", "вице", "под")


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


def _impersonal(cue: str) -> bool:
    """Whether a cue is an impersonal reflexive verb in the present: 'отмечается', 'сообщается'
    go on with what a source just named says ('Ранее сообщалось' is earlier reports')."""
    parses = [p for p in morph()(cue.lower()) if p.tag.POS == "VERB"][:1]
    return any(
        p.tag.tense == "pres" and p.tag.person == "3per" and p.tag.number == "sing" for p in parses
    ) and cue.lower().endswith("ся")


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
    return _of_number(word, "sing")


def _commenting(role: str | None, affiliation: str) -> bool:
    """Whether a person the corpus knows by `role` (`entities.role`'s head) and `affiliation`
    (the role in full) is one asked for comment: no role, a commentator's (`_COMMENTATORS`), or
    any role in a body of research or analysis (`_STUDIES`: 'президент Центра системного
    анализа и прогнозирования'), never an office of a state alone ('президент', 'генерал
    армии')."""
    if role is None or role in _COMMENTATORS:
        return True
    return any(lemma(w.lower()) in _STUDIES for w in _WORD.findall(affiliation))


def _plural(word: str) -> bool:
    """Whether a noun can only be plural ('новые документы'; not 'резолюции')."""
    return _of_number(word, "plur")


def _plural_noun(words: str, noun: str) -> bool:
    """Whether the last word of `words` whose lemma is `noun` can only be plural: 'в
    совместном заявлении ведомств', 'в министерствах' are several bodies, and a quote has one
    speaker, so the noun refers back to none of them."""
    found = [
        w for w in _WORD.findall(words) if any(p.normal_form == noun for p in morph()(w.lower()))
    ]
    return bool(found) and _plural(found[-1])


def _of_number(word: str, number: str) -> bool:
    return all(p.tag.number == number for p in morph()(word.lower()) if p.tag.POS == "NOUN")


def _genitive_thing(word: str, person: bool = False) -> bool:
    """Whether a word reads first as a genitive adjective or noun of no person
    ('Исследовательского', 'центра'; not 'главы', 'сделали'), or of a person too when `person`
    ('сенатора-демократа' before the senator's name)."""
    tag = morph()(word.lower())[0].tag
    return tag.case == "gent" and tag.POS in ("NOUN", "ADJF") and (person or "anim" not in tag)


#: How far after a cue the speaker may stand behind a role phrase (in characters).
_AFTER_CUE = 200


def _governs(word: str) -> bool:
    """A preposition, or 'адрес' of 'в адрес': what stands before a person spoken to or of."""
    return word == "адрес" or preposition(word)


def _medium_noun(parse) -> bool:
    """Whether a word's reading is a noun of a medium ('издание', 'газета'), not an occasion."""
    found = parse.normal_form
    return found in STRONG_WORDS | WEAK_WORDS and found not in OCCASIONS


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


def _is_verb(word: str) -> bool:
    parses = morph()(word.lower())
    return bool(parses) and parses[0].tag.POS in ("VERB", "GRND", "INFN", "PRTS")


def _fixed(word: str) -> bool:
    """Whether a name does not decline: its first reading as a name, else its first reading,
    is of a fixed form ('Порошенко'; 'Белых', first read as the adjective 'белых')."""
    parses = morph()(word.lower())
    named = [p for p in parses if {"Name", "Surn"} & set(p.tag.grammemes)]
    return bool(parses) and "Fixd" in (named or parses)[0].tag


def _same_surname(word: str, surname: str) -> bool:
    """Whether `word` is `surname` in some case: the same, or the surname and an ending of at
    most two letters ('брутера', 'брутеру')."""
    return word == surname or (
        len(surname) >= 4 and word.startswith(surname) and len(word) - len(surname) <= 2
    )


def _qualifiers(words: list[str], head: str) -> tuple[set[str], set[str]]:
    """The words that set a role's noun `head` apart among `words`, as the keys of their
    lemmas: the adjectives right before it, not of a number ('генеральный прокурор', not
    '71-летний лидер'), and the capitalised words after it up to a preposition, a conjunction
    or a verb ('главный тренер сборной России': {'главный'}, {'россия'}). Not a common noun
    after it: 'глава ведомства' and 'глава Россельхознадзора' may be one person."""
    before: set[str] = set()
    after: set[str] = set()
    seen = False
    head_lemma = morph()(head)[0].normal_form  # 'заведовать' of 'заведующий'
    for word in words:
        parse = morph()(word.lower())[0]
        if parse.normal_form == head_lemma or _same_noun(lemma(word), head):
            seen = True
            continue
        if seen and parse.tag.POS in ("PREP", "CONJ", "VERB", "GRND", "INFN", "PRTS"):
            break  # 'француз [после завершения этапа]': no complement of the noun
        if seen and word[:1].isupper() and not _medium_noun(parse):
            after.add(key(parse.normal_form))
        elif not seen and parse.tag.POS == "ADJF" and word.isalpha() and "Apro" not in parse.tag:
            before.add(key(parse.normal_form))
        elif not seen:
            before.clear()  # only the adjectives right before the noun are its own
    return before, after


def _described_apart(ours: list[str], theirs: list[str], head: str) -> bool:
    """Whether two descriptions by the noun `head` (their words) set it apart differently: the
    `_qualifiers` of each, compared by `_disagree`."""
    return _disagree(set().union(*_qualifiers(ours, head)), set().union(*_qualifiers(theirs, head)))


def _disagree(ours: set[str], theirs: set[str]) -> bool:
    """Whether two descriptions of the same noun say different things: each has a qualifier the
    other lacks ('генеральный' / 'главный военный' прокурор; 'сборной России' / 'сборной
    Латвии'). A qualifier matches one whose key starts the same or holds it ('российский' and
    'россия', 'британский' and 'великобритания')."""

    def found(word: str, among: set[str]) -> bool:
        stem = word[:5]
        return any(o.startswith(stem) or stem in o or o[:5] in word for o in among)

    return any(not found(w, theirs) for w in ours) and any(not found(w, ours) for w in theirs)


#: A lower-case word and its dot before a capitalised word: 'им. Плеханова', 'г. Москвы'.
_DOTTED = re.compile(r"\b([а-яё]+)\.(?=\s+[А-ЯЁ])")


def _undotted(text: str) -> str:
    """`text` without the dots of abbreviations pymorphy2 knows ('РЭУ им. Плеханова'): they end
    no phrase."""
    return _DOTTED.sub(lambda m: m.group(1) if known_abbreviation(m.group(1)) else m.group(0), text)
