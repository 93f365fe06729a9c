"""Where things are in the article's text: its sentences, paragraphs, the «» around a point,
and the occasions ('в интервью ...') of a span. Every rule group reads positions through
these, so they form the bottom mixin of `Article`."""

from __future__ import annotations

import re

from pipeline.nlp.sources import occasions
from pipeline.stages.speakers.patterns import _AND

#: A preposition (and a word) right before a source, which may open an occasion the source's
#: span cut: 'В [интервью RT эксперт]', 'в эксклюзивном [интервью RT]'.
_OPENED = re.compile(r"(?i)(?:^|\s)(?:в|во|на|с|со)\s+(?:\w+\s+)?$")


#: A phrase of whom a document or a plea is addressed to, inside a source, up to the end of the
#: name after it: 'в письме [к FTC]', 'в обращении [к ЕК]', 'в обращении [в адрес Порошенко]',
#: 'в письме [на имя министра]'. Words of one clause may stand before the name.
_ADDRESSED = re.compile(r"(?i)(?<!\w)(?:ко?|в\s+адрес|на\s+имя)\s+[^,.;:!?«»\"\n]{0,60}")

#: The longest paragraph (with its breaks) that is an editorial note's author set apart inside
#: a parenthesis ('\n\nRT\n\n').
_NOTE = 40


class Text:
    """Positions in the article's text: sentences, paragraphs, «» and occasions."""

    def _paragraph_start(self, at: int) -> int:
        """Where the paragraph of `at` opens; a paragraph that opens with ')' after a short
        one goes on with the paragraph before that: the layout set an editorial note of a
        parenthesis apart ('Если они (противники Асада. —\n\nRT\n\n) согласятся ...')."""
        start = self.text.rfind("\n\n", 0, at) + 2 if "\n\n" in self.text[:at] else 0
        note = self.text.rfind("\n\n", 0, max(0, start - 2)) + 2
        if self.text.startswith(")", start) and note > 1 and start - note <= _NOTE:
            return self._paragraph_start(note - 2)
        return start

    def _paragraph_stop(self, at: int) -> int:
        """Where the paragraph of `at` ends (`_paragraph_start`: over an editorial note set
        apart), -1 at the text's end."""
        stop = self.text.find("\n\n", at)
        after = self.text.find("\n\n", stop + 2) if stop >= 0 else -1
        if after >= 0 and after - stop <= _NOTE and self.text.startswith(")", after + 2):
            return self._paragraph_stop(after + 2)
        return stop

    def _paragraph_end(self, at: int) -> int:
        """Where the paragraph of `at` ends (`_paragraph_stop`), the text's end for the last."""
        stop = self._paragraph_stop(at)
        return stop if stop >= 0 else len(self.text)

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
        return [(max(a, start), b) for a, b in cut if b > start] + self._addressees(start, stop)

    def _addressees(self, start: int, stop: int) -> list[tuple[int, int]]:
        """The spans of a source that name whom it was addressed to (`_ADDRESSED`): from the
        preposition to the end of the first name after it and of the names joined to it by
        'и' ('в обращении к Госдуме и СФ'). The addressee of a letter or an appeal
        is not its author ('Как говорится в письме к FTC' is the congressmen's)."""
        found = []
        for phrase in _ADDRESSED.finditer(self.text, start, stop):
            named = sorted(
                (m.start, m.stop) for m in self.mentions if phrase.start() < m.start < phrase.end()
            )
            if not named:
                continue
            end = named[0][1]
            for a, b in named[1:]:
                if not _AND.fullmatch(self.text, end, a):
                    break
                end = b
            found.append((phrase.start(), end))
        return found
