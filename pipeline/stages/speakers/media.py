"""Whether a medium speaks on its own account ('По оценкам CNN', 'сообщает ТАСС') or only
carries someone else's words ('собеседник RT'): the media of the article, a person's own
channel, and the outlet whose report the nearest sentence gives.

Rule 9 of the package: an outlet is the speaker only when nobody of it is."""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.nlp.media import MEDIUM
from pipeline.nlp.ner import preposition
from pipeline.stages.speakers.phrases import _CITING, _WORDS
from pipeline.stages.speakers.sentences import _quotes_words, _reported_by
from pipeline.stages.speakers.words import _AFTER_CUE, _reporting

#: The end of a clause right after a name.
_CLAUSE_END = re.compile(r"\s*[.,;!?]")

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

    def _own_channel(self, at: int) -> bool:
        """Whether the clause after a quote's end says its speaker wrote it in their own
        channel ('— написал политик на своей странице в Facebook', ', сообщил ... в своем
        Telegram-канале')."""
        clause = re.match(r"[^.!?\n]*", self.text[at : at + _AFTER_CUE]).group()
        return _OWN_CHANNEL.search(clause) is not None

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
