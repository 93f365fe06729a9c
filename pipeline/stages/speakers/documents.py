"""Who a document, a statement or a publication is ('говорится в резолюции',
'отмечается в докладе'): its author or maker named with it, the headline's author, the owner
of the press service the reporting sentence names, or the medium that published it.

Rule 4 of the package: a document speaks for whoever made it, and a publication for its
outlet when no maker is found."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from pipeline.nlp.gazetteer import key
from pipeline.nlp.media import MEDIUM
from pipeline.nlp.models import lemma, morph
from pipeline.nlp.ner import preposition
from pipeline.nlp.sources import (
    Reading,
    agreement,
)
from pipeline.nlp.speech import cue_forms
from pipeline.runtime.choice import sole
from pipeline.stages.speakers.patterns import _CLAUSE, _PRESS_SERVICE
from pipeline.stages.speakers.phrases import _WORDS, _document_noun
from pipeline.stages.speakers.records import Mention, Previous, Said
from pipeline.stages.speakers.sentences import _reports_or_relays
from pipeline.stages.speakers.words import (
    _BACK,
    _DOCUMENTS,
    _PAPERS,
    _PUBLICATIONS,
    _ROLE_WORDS,
    _SUBORDINATING,
    _genitive,
    _genitive_thing,
    _is_verb,
    _plural,
    _pos,
    _same_kind,
    _singular,
)

#: Verbs of making a document: its maker is their subject.
_MAKING = frozenset(
    {"принять", "опубликовать", "подписать", "направить", "представить", "подготовить"}
    | {"внести", "издать", "выпустить", "разместить", "написать", "утвердить", "одобрить"}
    | {"поручить", "составить", "распространить", "обнародовать", "отправить"}
    | {"разработать", "сделать", "запустить"}
)

#: Verbs that may stand between a document's maker and a verb of making: 'Минфин может
#: подготовить доклад', 'ведомство планирует опубликовать отчёт'.
_AUXILIARY = frozenset({"быть", "мочь", "стать", "планировать", "собираться", "намереваться"})

#: What may stand between a document's noun and its owner's name: up to two words of the
#: owner's own name or role ('доклад Исследовательского центра Европарламента'), and the
#: opening mark of a quoted name ('на сайте компании «Метинвест»').
_ADJOINED = re.compile(r"\s+(?:[\w-]+\s+){0,2}[«\"“„]?")

#: The consonant letters: a man's name or a body's ending in one declines.
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")

#: Entities that may make a document or go on speaking in one: people, bodies, media.
_AUTHORS = frozenset({"PER", "ORG", MEDIUM})

#: Nouns of authorship: the person after them wrote the document their sentence names.
_AUTHORSHIP = frozenset({"автор", "авторство"})

#: Sentences looked back through for who issued a statement an impersonal cue goes on with: a
#: press release's sentences may be far apart, with tweets or figures between.
_ISSUED_BACK = 12

#: What may stand between a press service's noun and its owner's name: words of one clause.
_OWNER_GAP = re.compile(r"[^.!?;:«»\"\n]{0,80}")

_OWNER_WORDS = 8

#: Whom a press service cites, not its owner: 'со ссылкой на губернатора', 'слова Овчинского'.
_CITED = re.compile(r"(?i)\bсо\s+ссылкой\s+на\b|\bслова\b")

#: A press service's noun with no name after it: it refers back to one named before.
_BARE = re.compile(r"\s*(?:[.,;!?»)\n]|$)")

#: Sentences back from an impersonal cue in which a medium's own report is what it goes on with.
_OUTLET_BACK = 2

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

#: Whom a document speaks for, right after its noun: '(в телеграмме) от имени министра'.
_BEHALF = re.compile(r"\s+от\s+имени\s+")

#: A pronoun of a thing in the locative opening a clause: 'В нём (утверждалось)', 'В ней'.
_IN_IT = re.compile(r"(?i)\s*во?\s+(?P<it>нём|нем|ней)\b")

#: The locative pronouns a source may be after 'в' ('При этом в нём утверждается', 'В них
#: сказано'): one says so of a paper, never of a person. As `key` writes them ('нём' as 'нем').
_THING_PRONOUNS = frozenset({"нем", "ней", "них"})

#: 'в' or 'во' right before a source.
_IN_BEFORE = re.compile(r"(?i)(?:^|\W)во?\s+$")

#: Where a document was put, right after its noun: 'на сайте', 'в Telegram-канале'.
#: A paper's noun opening a relative clause of place that the cue ends: 'обнародовала доклад,
#: где отмечается', 'выпустил отчёт, в котором говорится'; the cue right after the relative
#: word or one word later.
_IN_WHICH = re.compile(
    r"(?i)(?P<paper>[\w-]+)\s*,\s*(?:где|в\s+котор(?:ом|ой|ых))\s+(?:[\w-]+\s+)?$"
)

#: A Cyrillic letter: a name without one is written as in its language, undeclined.
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

_SITE = re.compile(
    r"\s+(?:на|в)\s+(?:официальном\s+)?(?P<site>сайте|странице|(?:\w+-)?канале|аккаунте)\s+"
)


def _gender(noun: str) -> str | None:
    """The gender of a noun by its first reading."""
    parses = morph()(noun.lower())
    return parses[0].tag.gender if parses else None


def _agrees(noun: str, pronoun: str) -> bool:
    """Whether a locative pronoun of a thing may refer to a noun: 'них' to one that may be
    plural, 'ней' to a feminine one, 'нём' to a masculine or a neuter one."""
    pronoun = key(pronoun)
    if pronoun == "них":
        return not _singular(noun)
    return _gender(noun) in ({"femn"} if pronoun == "ней" else {"masc", "neut"})


class Documents:
    """Who the author, maker or publisher of a document or a statement is."""

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
            makers = {m.entity_id for m in ours if self._maker_before(m, at)}
            if len(makers) == 1:
                return makers.pop()
            word = _WORDS.match(self.text, at).group()
            same = _same_kind(noun, lemma(word)) and _singular(word)
            return None if makers or not same else self._owner_of_document(ours, at, within[1])
        return None

    def _maker_before(self, m: Mention, noun: int) -> bool:
        """Whether `m`, named before the document's noun at `noun`, may be its maker: a
        person, a body or a medium in the nominative that no preposition governs
        (`_governed`: 'в обращении к ЕК'), unless the noun is the object of a verb other than
        one of making ('Госдума готовится рассмотреть проект': the body that weighs a bill is
        not its author; 'Россельхознадзор запретил поставки, следует из сообщения регулятора'
        still is)."""
        if m.type not in _AUTHORS or not m.nominative or m.stop > noun:
            return False
        return not self._addressed(m) and not self._object_of_verb(noun)

    def _addressed(self, m: Mention) -> bool:
        """Whether a preposition governs a name (`_governed`: 'в обращении к ЕК', 'обратились в
        Еврокомиссию': whom it was sent to), but for 'в' beside a cue verb ('сообщили в МВД',
        'В МВД сообщили': the body that speaks)."""
        if not self._governed(m):
            return False
        before = _WORDS.findall(self.text[max(0, m.start - 60) : m.start])[-2:]
        after = _WORDS.findall(self.text[m.stop : m.stop + 40])[:1]
        placed = bool(before) and before[-1].lower() in ("в", "во")
        beside = [w.lower() for w in before[:-1] + after]
        return not (placed and any(w in cue_forms() for w in beside))

    def _object_of_verb(self, noun: int) -> bool:
        """Whether the word right before a document's noun is a verb other than one of making
        ('рассмотреть проект', 'раскритиковал доклад'), with at most an adjective between
        ('изучить новый доклад')."""
        words = _WORDS.findall(self.text[max(0, noun - 60) : noun])[-2:]
        if len(words) == 2 and _pos(words[1]) in ("ADJF", "NUMR"):
            words = words[:1]
        verb = words[-1] if words else None
        return verb is not None and _is_verb(verb) and lemma(verb) not in _MAKING | _AUXILIARY

    def _headline_author(self, before: int, noun: str | None = None) -> str | None:
        """Whose a document with no author named near its source is, when the headline or the
        lead says (`_lead_stop`): the one organisation or person they name as making one
        document (`_makers`: 'Исследовательский центр Европейского парламента подготовил
        доклад', 'говорится в отчёте научно-исследовательской службы Европарламента', 'в
        проекте резолюции сенатора-демократа Майкла Хастингса'); nobody when two fit or none
        does. A person only for a paper of the kind of the source's `noun` (not 'по поручению
        Путина' for '— говорится в сообщении') and when they name no several papers
        ('опубликовала новые документы, проливающие свет на доклад Ричарда Макларена'). Not a
        noun in a name ('Управление перспективных исследовательских проектов'), in a quoted
        title ('проект постановления «О заявлении Верховной рады ...»'), nor of several papers
        ('опубликовало несколько архивных документов', '2891 документ'): who publishes an
        archive did not write it."""
        found: set[str] = set()
        people: set[str] = set()
        several = False
        for start, stop in ((0, self._headline_stop), (self._headline_stop, self._lead_stop)):
            stop = min(stop, before)
            ours = [m for m in self.mentions if m.narrated and start <= m.start < stop]
            for word in _WORDS.finditer(self.text, start, stop):
                at, count = word.start(), self._papers(word)
                several = several or count == "several"
                if count != "one":
                    continue
                if _JOINT & {lemma(w) for w in _WORDS.findall(self.text[max(0, at - 30) : at])}:
                    return None  # 'в совместном заявлении ведомств': several authors
                makers = self._makers(ours, at, stop)
                found |= makers & self._organisations
                people |= makers & self._persons if _same_kind(noun, lemma(word.group())) else set()
        found |= set() if several else people
        return sole(found)

    def _papers(self, word: re.Match[str]) -> str | None:
        """How many papers a word names: 'one', 'several' ('новые документы', '2891
        документ'), or None for no paper's noun, one in a name or a quoted title, or one whose
        number its form does not tell ('резолюции')."""
        at = word.start()
        named = any(m.start <= at < m.stop for m in self.mentions) or self._quoted(at)
        if lemma(word.group()) not in _PAPERS or named:
            return None
        if _plural(word.group()) or _COUNTED.search(self.text, max(0, at - 12), at):
            return "several"
        return "one" if _singular(word.group()) else None

    def _makers(self, ours: list[Mention], noun: int, stop: int) -> set[str]:
        """The people, bodies and media `ours` name as making the document at `noun`:
        its owner in the genitive after it (`_owner_of_document`), with the one joined to it by
        'и' ('доклада Центра ... (OCCRP) и Балканской сети ...': two), a person's or a medium's
        too ('новые документы, проливающие свет на доклад Ричарда Макларена' is his); else the
        subject nearest a verb of making before it (`_made`: 'Офис ... выпустил доклад'), in
        the same clause with no other paper between ('Бюро ... ищут НКО, которая ... представит
        проект' is the NGO's)."""
        owner = self._owner_of_document(ours, noun, stop)
        if owner:
            return self._joined(ours, noun, owner)
        made = {
            m: gap
            for m in ours
            if m.type in _AUTHORS and m.nominative and m.stop <= noun and not self._governed(m)
            if (gap := self._made_directly(m.stop, noun)) >= 0
        }
        return {m.entity_id for m, gap in made.items() if gap == min(made.values())}

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

    def _authors_of(
        self, words: str, reading: Reading, before: int, previous: Previous | None
    ) -> str | None:
        """Whose document 'авторы' (plural) write for: the body whose document it is, as for a
        source that names the document alone (`_author`, `_headline_author`: '— констатируют
        авторы доклада'); bare 'Авторы' is the body whose document the quote just before was
        said in ('«...», — говорится в документе. Авторы отмечают'). A body speaks through its
        paper's authors; not a medium (the one that reports on the paper: 'Как сообщает The
        Daily Telegraph, ... — констатируют авторы доклада' of a think tank), and the several
        people who wrote one for a person or for nobody named are nobody in particular (rule
        6)."""
        if reading.head not in _AUTHORSHIP:
            return None
        noun = _document_noun(words)
        if noun is None:  # 'Авторы': of the document of the quote just before
            source = previous[2] if previous else None
            noun = _document_noun(self.text[source[0] : source[1]]) if source else None
            found = noun and self._recent(previous, before, None, ())
        else:
            found = self._author(before, previous, noun) or self._headline_author(before, noun)
        return found if found in self._organisations else None

    def _published(self, before: int, previous: Previous | None, noun: str) -> str | None:
        """Whose publication a bare noun of one refers to ('— говорится в публикации'): the
        speaker of the quote just before when a medium (it goes on: '— пишет издание. ... —
        говорится в публикации') or one who wrote in their own channel ('сообщил министр ... в
        своем Telegram-канале'), not one who spoke to a medium ('рассказал изданию ... Егор
        Сусин': the medium's publication); else, with no one quoted just before (who goes on
        in it: `_written`), who the nearest sentence that names it by the same noun says made
        it (`_maker`: 'вышла статья издания The Boston Globe'); else the medium whose own
        report the nearest sentence with names gives (`_issuer`: 'передает портал TMZ')."""
        spoke = self._recent(previous, before, None, ())
        if spoke and (spoke in self._media or self._own_channel(previous[1])):
            return spoke
        made = None if spoke else self._maker(noun, before)
        return made or self._issuer(before, outlet=True)

    def _publication(self, start: int, stop: int) -> str | None:
        """The noun of a publication a source is alone after its preposition ('в статье' ->
        'статья', which is also an occasion: 'в своей статье для ...' says where one wrote)."""
        words = [lemma(w) for w in _WORDS.findall(self.text[start:stop]) if not preposition(w)]
        return words[0] if len(words) == 1 and words[0] in _PUBLICATIONS else None

    def _issuer(self, before: int, outlet: bool = False) -> str | None:
        """Who issued what an impersonal cue or a document with no author found goes on with
        ('Отмечается, что ...', '— говорится в заявлении'): the owner of the press service whose
        words the nearest earlier sentence reporting speech reports (`_serviced`), of the last
        `_ISSUED_BACK` sentences and the one of the cue ('сообщили в пресс-службе седьмого
        флота ВМС США', 'В заявлении, распространённом пресс-службой Белого дома, говорится').
        A press service with no name after it ('— уточнили в пресс-службе.') refers further back;
        nobody when the nearest sentence reporting anyone else's words names people or bodies:
        they are too often not who issued a document; for a cue with no source or a statement's
        noun (`outlet`: '..., об этом сообщает India Today. «...», — говорится в сообщении'),
        unless that sentence, one of the last `_OUTLET_BACK` and the nearest with names, is a
        medium's or a body's own report (`_reporting_outlet`)."""
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

    def _relayed_since(self, said: Said) -> str | None:
        """The medium or body whose own report (`_reporting_outlet`) the sentence right before
        an impersonal cue's gives, when that sentence comes after the quote just before: the
        cue goes on with the nearest report ('..., передаёт «Рёнхап» со ссылкой на ОКНШ.
        Сообщается, что ...'), not with the quote the report follows ('— подчеркнул Трамп')."""
        at = self._sentence_at(said.cue_stop - 1)
        if not at or said.previous is None:
            return None
        start, stop, _ = self.sentences[at - 1]
        named = any(m.narrated and start <= m.start < stop for m in self.mentions)
        if said.previous[1] > start or not named:
            return None
        relays = _reports_or_relays(self.text[start:stop])
        return self._reporting_outlet(start, stop) if relays else None

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
            maker = sole(nearest)
            return (
                self._authored(ours, at, stop) or maker or self._owner_of_document(ours, at, stop)
            )
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
    def _persons(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == "PER"}

    @cached_property
    def _authors(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type in _AUTHORS}

    def _owner_of_document(self, ours: list[Mention], noun: int, stop: int) -> str | None:
        """Whose the document whose noun stands at `noun` is, when its sentence names no maker
        as its subject: the body, person or medium named right after the noun in the genitive,
        with at most two words of its own name between ('следует из доклада Росстата', 'в
        одном из писем Минфина в регионы', 'согласно докладу Генерального директората
        Европарламента'); not after a verb or a person's role ('заявление сделали глава
        Пентагона', 'в докладе экс-главы Объединённого командования ...': the person's), unless
        the name after the role is that person's ('в проекте резолюции сенатора-демократа
        Майкла Хастингса')."""
        end = _WORDS.match(self.text, noun).end()
        after = next((m for m in ours if end <= m.start < stop), None)
        if after is None or after.type not in _AUTHORS:
            return None
        gap = self.text[end : after.start]
        words = _WORDS.findall(gap)
        person = after.type == "PER"
        # a person's noun after a body's is the body's name: 'доклада аппарата директора
        # Национальной разведки США'
        of_body = bool(words) and _genitive_thing(words[0])
        held = [_genitive_thing(w, person or (of_body and i > 0)) for i, w in enumerate(words)]
        if not _ADJOINED.fullmatch(gap) or not all(held):
            return None
        # a name in Latin letters tells no case: the genitive noun before it does ('статья
        # издания The Boston Globe')
        foreign = bool(words) and not _CYRILLIC.search(after.surface)
        if not words and self._subject_form(after):
            return None  # 'в докладе Трамп охарактеризован как ...' is about him
        return after.entity_id if foreign or _genitive(after.surface) else None

    def _subject_form(self, m: Mention) -> bool:
        """Whether a name right after a document's noun is written in its nominative in a form
        the genitive would change: its normal form ending in a consonant ('Трамп',
        'Европарламент'), not a woman's (a woman's surname in a consonant does not decline:
        'доклад Кэрол Смит'). After a noun in the genitive the name is in apposition to it and
        keeps its nominative ('на сайте компании «Метинвест»')."""
        last = m.surface.split()[-1].lower()
        return m.nominative and last[-1:] in _CONSONANTS and self._sex(m.entity_id) != "femn"

    def _on_behalf(self, said: Said, stop: int) -> str | None:
        """Whom a document written on someone's behalf speaks for ('— говорится в телеграмме
        от имени министра'): the speaker the words after 'от имени' name up to the end of
        their clause, read as a source ('министра' is the minister named before)."""
        found = _BEHALF.match(self.text, stop)
        if found is None:
            return None
        end = _CLAUSE.search(self.text, found.end())
        hi = end.start() if end else len(self.text)
        return (
            self._speaker(replace(said, source=(found.end(), hi)))[0] if hi > found.end() else None
        )

    def _reflexive_sentence(self, said: Said) -> int | None:
        """The sentence of a reflexive cue ('утверждалось', 'отмечается'), whose speaker the
        text names elsewhere; None for another cue."""
        if not said.cue.lower().endswith(("ся", "сь")):
            return None
        return self._sentence_at(said.cue_stop - 1)

    def _in_it(self, said: Said) -> str | None:
        """Whose document a pronoun opening the cue's clause refers to ('В нём, в частности,
        утверждалось, что ...' after 'доверяют докладу аппарата директора Национальной разведки
        США'), before a reflexive cue: the maker of the paper of the sentence before
        (`_paper_maker`)."""
        held = self._reflexive_sentence(said)
        if not held:  # none, or the first: no sentence before it
            return None
        start = self.sentences[held][0]
        found = _IN_IT.match(self.text, start)
        if found is None or found.end() > said.cue_stop:
            return None
        return self._paper_maker(self.sentences[held - 1][0], start, found.group("it"))

    def _thing_pronoun(self, start: int, stop: int) -> bool:
        """Whether a source is a locative pronoun after 'в' ('В нём говорится', 'Также в ней
        сказано'): it refers to a paper, not to a person."""
        words = self.text[start:stop].strip()
        placed = _IN_BEFORE.search(self.text, max(0, start - 4), start)
        return key(words) in _THING_PRONOUNS and placed is not None

    def _in_pronoun(self, said: Said, start: int, stop: int) -> str | None:
        """Whose paper a locative pronoun that is the source refers to ('Компания Berlinger
        опубликовала заявление ... В нём утверждается'): the maker of the last paper the
        pronoun agrees with in the sentence before or in its own before it (`_paper_maker`),
        else the speaker of the quote just before when it was said in such a paper (`_said_in`);
        nobody when neither is found (the people of the sentence before are not the paper's:
        'Эти данные были представлены в отчёте ... В нём отмечалось' was a person before)."""
        held = self._sentence_at(start)
        if held is None:
            return None
        pronoun = self.text[start:stop]
        lo = self.sentences[max(0, held - 1)][0]
        return self._paper_maker(lo, start, pronoun) or self._said_in(said.previous, start, pronoun)

    def _said_in(self, previous: Previous | None, before: int, pronoun: str) -> str | None:
        """The speaker of the quote that ended in the sentence before, when its source is a
        paper the pronoun agrees with: the pronoun goes on in it ('— следует из постановления
        по итогам совещания. При этом в нём подчёркивается')."""
        source = previous[2] if previous else None
        if source is None:
            return None
        words = _WORDS.findall(self.text[source[0] : source[1]])
        paper = next((w for w in words if lemma(w) in _PAPERS), None)
        if paper is None or not _agrees(paper, pronoun):
            return None
        return self._recent(previous, before, None, (), 1)

    def _paper_maker(self, lo: int, hi: int, pronoun: str) -> str | None:
        """Who made the paper a locative pronoun of a thing refers to: between `lo` and `hi`,
        the last noun of a paper the pronoun agrees with (`_agrees`: 'нём' a masculine or
        neuter one, 'ней' a feminine one, 'них' one that may be plural) and who made it
        (`_makers`: its owner named after it, or the subject of a verb of making it); None for
        no such paper, no maker or several."""
        papers = [
            w.start()
            for w in _WORDS.finditer(self.text, lo, hi)
            if lemma(w.group()) in _PAPERS and _agrees(w.group(), pronoun)
        ]
        ours = [m for m in self.mentions if lo <= m.start < hi]
        return sole(self._makers(ours, papers[-1], hi)) if papers else None

    def _in_which(self, said: Said) -> str | None:
        """Who made the paper whose relative clause the cue speaks in ('В январе Национальная
        разведка США обнародовала доклад, где отмечается, что ...'), before a reflexive cue:
        the paper's maker in the cue's sentence before the relative word (`_makers`: its
        owner named after it, or the subject of a verb of making it); None for several."""
        held = self._reflexive_sentence(said)
        if held is None:
            return None
        start = self.sentences[held][0]
        found = _IN_WHICH.search(self.text, start, said.cue_stop - len(said.cue))
        if found is None or lemma(found.group("paper")) not in _PAPERS:
            return None
        ours = [m for m in self.mentions if start <= m.start < found.end("paper")]
        makers = self._makers(ours, found.start("paper"), found.end("paper"))
        return sole(makers)

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
