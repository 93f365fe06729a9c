"""The sections of an article of several interviews ('что говорили после матча ...'): each
opens with a heading that quotes its speaker alone on its line ('«Нужно встать с колен»'), then
a paragraph that presents them ('Главный тренер «Спартака» Массимо Каррера, несмотря на
поражение, выглядел бодро'), then their questions and answers; and the notes that are no
one's words (an editorial footnote: '* «Исламское государство» ... запрещённая')."""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.nlp.models import morph
from pipeline.stages.speakers.patterns import _ENDS
from pipeline.stages.speakers.records import Mention
from pipeline.stages.speakers.spans import _one

#: A paragraph cut short: the teaser of a link to another article ('RT побеседовал с ...'),
#: not a section's introduction.
_CUT = re.compile(r"(?:\.\.\.|…)\s*$")

#: A dashed line's words and the narrator's remark after them: '– Что они делают?! – удивился',
#: '– Эх, горилки бы... – грустно протянул' (its first two words).
_REMARK = re.compile(r"[–—-][ \t]+[^–—\n]*?[,!?…][ \t]*[–—][ \t]*([а-яё]+)(?:[ \t]+([а-яё]+))?")

#: How many lines of a dialogue, and what share of its dashed lines, carry a narrator's remark.
_REMARKS, _REMARKED_SHARE = 2, 0.2

#: A person who labels a heading: 'Владимир Юрзинов: «В тяжёлые минуты ...»'.
_LABEL = re.compile(r"\s*:\s*«")


class Sections:
    """Sections of interviews, each with its own interviewee, and editorial notes."""

    @cached_property
    def _paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, stop) of each paragraph, in order (paragraphs are parted by a blank line)."""
        spans, start = [], 0
        for found in re.finditer(r"\n\n+", self.text):
            spans.append((start, found.start()))
            start = found.end()
        return [(a, b) for a, b in [*spans, (start, len(self.text))] if self.text[a:b].strip()]

    def _heading(self, n: int) -> bool:
        """Whether paragraph `n` is one quotation alone on its line ('«Нужно встать с колен»',
        '«На мне явно была «точка»'; not '«...»: Мутко о ...'), not a linked article's title
        (the teaser after it is cut short: `_CUT`)."""
        spans = self._paragraph_spans
        words = self.text[slice(*spans[n])].strip()
        alone = words[:1] == "«" and words[-1:] == "»" and "\n" not in words
        teaser = n + 1 < len(spans) and _CUT.search(self.text[slice(*spans[n + 1])].rstrip())
        return alone and not teaser

    def _finished(self, n: int) -> bool:
        """Whether paragraph `n` ends as a sentence does, not cut short (`_CUT`): not a title
        or a link's teaser."""
        words = self.text[slice(*self._paragraph_spans[n])].rstrip()
        return words[-1:] in _ENDS and not _CUT.search(words)

    @cached_property
    def _sections(self) -> list[tuple[int, int, int, int]]:
        """(heading start, introduction start, introduction stop, section stop) of each section:
        a heading (`_heading`), then the finished paragraphs that introduce its speaker up to
        the first that is not (`_finished`: a link's title and teaser between them and the
        first question are not read), then a '- ' question before the next heading, where
        the section stops."""
        spans = self._paragraph_spans
        headings = [n for n in range(len(spans)) if self._heading(n)]
        found = []
        for i, n in enumerate(headings):
            stop = spans[headings[i + 1]][0] if i + 1 < len(headings) else len(self.text)
            after = [k for k in range(n + 1, len(spans)) if spans[k][0] < stop]
            asked = next((k for k in after if self._dashed(spans[k][0])), None)
            intro = []
            for k in after:
                if k == asked or not self._finished(k):
                    break
                intro.append(spans[k])
            if asked is not None and intro:
                found.append((spans[n][0], intro[0][0], intro[-1][1], stop))
        return found

    def _section_of(self, at: int) -> tuple[int, int, int, int] | None:
        """The section (`_sections`) that holds `at`, None outside any."""
        return next((s for s in self._sections if s[0] <= at < s[3]), None)

    def _section_person(self, at: int) -> Mention | None:
        """The interviewee of the section that holds `at` (`_sections`): the one person its
        introduction presents (`_introduced_here`), else the one it names at all ('А вот на
        главного тренера ЦСКА Виктора Гончаренко было больно смотреть'); people the section's
        questions and answers speak of ('— Насколько серьёзна травма Дзагоева?') are not it."""
        section = self._section_of(at)
        if section is None:
            return None
        _, start, stop, end = section
        end = self._introduced_again(stop, end)
        if at >= end:  # the answer of another person the section presents later
            return None
        spoken_of = {
            m.entity_id
            for m in self.mentions
            if stop <= m.start < end and m.type == "PER" and not self._addressed(m)
        }
        named = [
            m
            for m in self.narrated
            if start <= m.start
            and m.stop <= stop
            and m.entity_id not in spoken_of
            and not self._quoted(m.start)
        ]
        presented = [m for m in named if self._introduced_here(m)]
        return _one(presented) or _one(named)

    def _introduced_again(self, start: int, end: int) -> int:
        """Where a later introduction within a section opens ('Вратарь бело-голубых и капитан
        команды Антон Шунин был куда спокойнее.' after another's answers and a link's teaser):
        a finished paragraph out of the answers (`_answered`) right before a question that
        presents a person; `end` if none does."""
        spans = [
            (n, a, b) for n, (a, b) in enumerate(self._paragraph_spans) if start <= a and b <= end
        ]
        for (n, a, b), (_, after, _) in zip(spans, spans[1:], strict=False):
            if self._dashed(a) or self._answered(a) or not self._dashed(after):
                continue
            named = [m for m in self.narrated if a <= m.start < b and not self._quoted(m.start)]
            if self._finished(n) and any(self._introduced_here(m) for m in named):
                return a
        return end

    @cached_property
    def _label(self) -> Mention | None:
        """The one person the article's paragraphs open with as a label ('Владимир Юрзинов:
        «...»'), when no other person labels one: the interviewee of answers that come before
        their label (the lead's questions)."""
        starts = {a for a, _ in self._paragraph_spans}
        labels = [
            m
            for m in self.narrated
            if m.start in starts and _LABEL.match(self.text, m.stop, m.stop + 4)
        ]
        return _one(labels)

    def _remark(self, start: int, stop: int) -> int | None:
        """Where the narrator's remark after a dashed line's words ends its verb ('– Принимается!
        – обрадовался'), a verb in the past among its first two words; None if it has none."""
        found = _REMARK.match(self.text, start, stop)
        for n in (1, 2):
            word = found and found.group(n)
            parse = word and morph()(word)[0]
            if parse and parse.tag.POS == "VERB" and "past" in parse.tag:
                return found.end(n)
        return None

    @cached_property
    def _dialogue(self) -> bool:
        """Whether the article's dashed lines are a story's dialogue, not an interview: many
        carry the narrator's remark right after their words (`_remark`: '– Что они делают?! –
        удивился Виталий Демидкин')."""
        dashed = [(a, b) for a, b in self._paragraph_spans if self.text[a] in "–—-"]
        remarked = sum(self._remark(a, b) is not None for a, b in dashed)
        return remarked >= _REMARKS and remarked >= _REMARKED_SHARE * len(dashed)

    def _remarked(self, at: int) -> Mention | None:
        """In a story's dialogue, the speaker of the line at `at`: the person its narrator's
        remark names in the nominative ('– Принимается! – обрадовался Владимир Федорович'),
        else the one the line before addresses ('– Владимир Федорович, вы задание уже
        выполнили?' before '– Так точно! – ... ответствовал помощник'); else nobody (a line
        with no remark is no interviewee's)."""
        start = self._paragraph_start(at)
        stop = self.text.find("\n", start) % (len(self.text) + 1)
        verb = self._remark(start, stop)
        before = self._paragraph_start(max(0, start - 2))
        return next(
            (m for m in self.narrated if verb and verb < m.start < stop and m.nominative),
            None,
        ) or next(
            (m for m in self.mentions if before <= m.start < start and self._addressed(m)), None
        )

    def _footnote(self, at: int) -> bool:
        """Whether `at` is in an editorial footnote: a paragraph that opens with '*' (what a
        name marked '*' in the text is: '* «Исламское государство» (ИГ) — террористическая
        группировка, запрещённая на территории России'), no one's words."""
        return self.text[self._paragraph_start(at) :].lstrip()[:1] == "*"
