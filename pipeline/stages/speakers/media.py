"""Whether a medium speaks on its own account ('По оценкам CNN', 'сообщает ТАСС') or only
carries someone else's words ('собеседник RT'): the media of the article, a person's own
channel, and the outlet whose report the nearest sentence gives.

Rule 9 of the package: an outlet is the speaker only when nobody of it is."""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.nlp.media import MEDIUM
from pipeline.nlp.models import morph
from pipeline.nlp.ner import preposition
from pipeline.runtime.choice import sole
from pipeline.stages.speakers.phrases import _CITING, _WORDS, _bare, _circumstance, _outlet
from pipeline.stages.speakers.records import Mention, Previous
from pipeline.stages.speakers.sentences import _quotes_words, _reported_by
from pipeline.stages.speakers.spans import _without
from pipeline.stages.speakers.words import _AFTER_CUE, _medium_noun, _reporting

#: The end of a clause right after a name.
_CLAUSE_END = re.compile(r"\s*[.,;!?]")

#: The rest of a title in quotation marks after a medium's name: ' 24»'.
_TITLE_END = re.compile(r"[^«»\n.,;:!?]{0,20}»")

#: One's own channel of publishing: 'в своем Telegram-канале', 'на своей странице в Facebook'.
_OWN_CHANNEL = re.compile(
    r"(?i)\b(?:в|на)\s+сво\w+\s+(?:[\w-]+\s+)?"
    r"(?:\w+-)?(?:канал|блог|микроблог|страниц|аккаунт|сайт|Twitter|Telegram|Facebook)"
)


class Media:
    """Whether a medium speaks on its own account, and which outlet reports."""

    @cached_property
    def _media(self) -> set[str]:
        return {m.entity_id for m in self.mentions if m.type == MEDIUM}

    def _titled(self, m: Mention) -> tuple[int, int]:
        """The span of a medium's name with the rest of its title in quotation marks that the
        mention left out ('сайт «[Москва] 24»'): all of it is the outlet's name."""
        opened = re.search(r"«[^«»\n]{0,20}$", self.text[max(0, m.start - 21) : m.start])
        closed = _TITLE_END.match(self.text, m.stop)
        return (m.start, closed.end()) if opened and closed else (m.start, m.stop)

    def _outlet_words(
        self, start: int, stop: int, left_out: list[tuple[int, int]], media: list[Mention]
    ) -> str:
        """The words of a source beside its outlets' names that may describe the outlet
        (`_outlet`): without what says when or how it reported after the last name ('CNN 16
        марта', 'Издание Blick в свою очередь', 'The Global Times в своей публикации':
        `_circumstance`), nor a country's name in the genitive right after the outlet's noun
        ('информационный портал Белоруссии Tut.by', 'агентство КНР «Синьхуа»'), which says
        whose outlet it is."""
        last = max(self._titled(m)[1] for m in media)
        if last < stop and _circumstance(self.text[last:stop]):
            stop = last
        places = [
            (m.start, m.stop)
            for m in self.mentions
            if m.type == "LOC" and start <= m.start and m.stop <= stop and self._owning(m, media)
        ]
        return _without(self.text, start, stop, left_out + places)

    def _own_medium(self, m: Mention) -> bool:
        """Whether a medium is named as one's own channel ('Бхутто написал в своём Twitter 15
        июля'): the one who wrote there speaks, not the medium."""
        return re.search(r"(?i)\bсво\w+\s+$", self.text[max(0, m.start - 12) : m.start]) is not None

    def _owning(self, m: Mention, media: list[Mention]) -> bool:
        """Whether a place is named between a noun of a medium and the medium's name: whose
        outlet it is ('газета КНДР «Нодон синмун»', 'портал Белоруссии Tut.by'); an
        abbreviation shows no case, its place does."""
        before = _WORDS.findall(self.text[max(0, m.start - 30) : m.start])[-1:]
        named = any(re.fullmatch(r"\s*«?", self.text[m.stop : medium.start]) for medium in media)
        if not named or not before or not self.text[: m.start].endswith(before[0] + " "):
            return False
        return any(_medium_noun(p) for p in morph()(before[0].lower())[:1])

    def _headline_outlet(self, words: str) -> str | None:
        """The medium a source that is only a noun of a medium ('— пишет издание', 'Американская
        газета отмечает') refers to when the headline names one medium and opens with it (after
        a quotation and a colon at most): the article reviews its report ('The Washington Post
        составила список ...'), whoever relays it; not one it speaks of ('запрета вещания RT';
        an undeclined name tells no case)."""
        if not self._media or not _outlet(words):
            return None
        headline = {m.entity_id for m in self.mentions if m.type == MEDIUM and m.in_headline}
        opens = re.fullmatch(r"\s*(?:«[^«»]*»\s*:\s*)?", self.text[: min(self._headline_media)])
        return sole(headline) if opens else None

    @cached_property
    def _headline_media(self) -> list[int]:
        """Where the headline's media are named (the end of the text when nowhere)."""
        return [m.start for m in self.mentions if m.type == MEDIUM and m.in_headline] or [
            len(self.text)
        ]

    def _outlet_back(self, words: str, before: int, previous: Previous | None) -> str | None:
        """The medium a source that is only a noun of a medium refers back to when no rule
        named one: the medium that spoke just before, else the one medium named before."""
        if not self._media or not _outlet(words) or not _bare(words):
            return None
        spoke = self._recent(previous, before, None, self._media)
        named = {
            m.entity_id
            for m in self.mentions
            if m.type == MEDIUM and m.narrated and m.stop <= before
        }
        return spoke or sole(named)

    def _own_channel(self, at: int) -> bool:
        """Whether the clause after a quote's end says its speaker wrote it in their own
        channel ('— написал политик на своей странице в Facebook', ', сообщил ... в своем
        Telegram-канале')."""
        clause = re.match(r"[^.!?\n]*", self.text[at : at + _AFTER_CUE]).group()
        return _OWN_CHANNEL.search(clause) is not None

    def _title_end(self, m: Mention) -> int:
        """Where a medium's name ends with the rest of its title in quotation marks: '«Рёнхап»',
        '«Россия 24»', or in straight quotation marks opened right before it ('"Коммерсантъ"')."""
        titled = _TITLE_END.match(self.text, m.stop)
        if titled:
            return titled.end()
        straight = self.text[m.start - 1 : m.start] == '"'
        return m.stop + 1 if straight and self.text.startswith('"', m.stop) else m.stop

    def _reporting_outlet(self, start: int, stop: int) -> str | None:
        """The medium whose own report a sentence gives, which an impersonal cue after it goes on
        with ('CNN со ссылкой на источники сообщил, что ... Отмечается, что ...'): its one
        medium, else its one organisation ('Минобороны сообщило, что'), the subject right
        beside a cue verb ('сообщает ТАСС', 'CNN сообщил') or citing ('ТАСС со ссылкой на
        ...'), not after a preposition ('в интервью RT'), in a sentence that names no person
        (one who speaks to the medium: 'рассказал RT Иван Петров'); after the verb, only ending
        its clause ('— заявил RT другой житель' is whom he told). A sentence that names people
        is the medium's own report when its name ends it after a comma and a verb of reporting
        (`_reported_by`: 'Актёр ... умер, передает портал TMZ.'); a title in
        quotation marks quotes nothing (`_quotes_words`)."""
        ours = [m for m in self.mentions if m.narrated and start <= m.start < stop]
        # a body reports on its own account too ('..., об этом сообщает India Today', typed
        # ORG): the one body, when no medium is named
        media = [m for m in ours if m.type == MEDIUM] or [m for m in ours if m.type == "ORG"]
        if len({m.entity_id for m in media}) != 1:
            return None
        if _quotes_words(self.text[start:stop]):  # it quotes someone's words or document
            return None
        m = media[0]
        end = self._title_end(m)  # 'передаёт «Рёнхап» со ссылкой на', 'пишет "Коммерсантъ".'
        before = _WORDS.findall(self.text[start : m.start])[-1:]
        after = _WORDS.findall(self.text[end:stop])[:1]
        if not m.nominative or (before and preposition(before[0])):
            return None
        cites = _CITING.match(self.text, end + 1) is not None
        ends = cites or _CLAUSE_END.match(self.text, end) is not None
        if any(other.type == "PER" for other in ours):
            # 'Актёр Мэттью Перри умер, передает портал TMZ.': the medium is the subject of
            # the sentence's last clause; not 'рассказал RT Иван Петров'
            return m.entity_id if ends and _reported_by(self.text[start : m.start]) else None
        beside = any(_reporting(w) for w in after) or (ends and any(map(_reporting, before)))
        return m.entity_id if beside or cites else None
