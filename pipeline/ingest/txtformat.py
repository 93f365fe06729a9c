"""The plain-text article format of `seeds/`: an optional ' date YYYY-MM-DD' header glued to the
text, then optionally a block of short lines (navigation, byline, headline, lead, rubric,
dateline) before the body.

Within that block, a line is furniture only when a rule says so, and every furniture line is
returned with its reason (`trimmed`), never dropped silently:
- a dateline is a line that is only a date ('05 декабря, 2025'); it dates the article;
- a byline is an author's name alone, before the headline ('Олег Давыдов', 'Автор: И. Петров');
- a navigation line is a run of menu items: most of its words after the first capitalised, no
  sentence punctuation ('Ильхам Алиев WUF13 Бюджетный пакет Неделя волонтёров');
- a rubric is a line of one to three words after the headline ('Внешняя политика').
The first other line is the headline; the other lines after it (a lead without a full stop,
a subheadline) stay in the text. A block without such a line has no furniture but its
datelines: its first line is the headline ('Corus Chess Tournament 2006' is a headline, not a
menu, when nothing follows it). A block too long to be a header is all text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.dates import parse_date
from pipeline.ingest.text import PARAGRAPH_SEP, numbered_paragraphs
from pipeline.nlp.furniture import is_navigation

_HEADER = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
_SENTENCE_END = re.compile(r"[.!?…][»\"”')]*$")
#: A header block longer than this, or with a line longer than this, is body text.
_MAX_HEADER_LINES = 6
_MAX_HEADER_WORDS = 30
_MIN_BODY_WORDS = 6
_MAX_RUBRIC_WORDS = 3
_NAME = r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
_BYLINE = re.compile(
    rf"(?:(?:Автор|Авторы|Текст|Фото)\s*:\s*)?(?:(?:[А-ЯЁA-Z]\.\s*){{1,2}}|{_NAME}\s+)"
    rf"{_NAME}(?:\s+{_NAME})?"
)


@dataclass(frozen=True)
class Trimmed:
    """A line of the file kept out of the article's text, and why."""

    line: int  # 1-based line of the file
    text: str
    reason: str  # dateline | byline | navigation | rubric


@dataclass(frozen=True)
class TxtArticle:
    text: str
    title: str | None
    date: str | None
    date_source: str | None  # "header" (the ' date' line) or "text" (a dateline); None if absent
    trimmed: tuple[Trimmed, ...] = ()


def _is_body(line: str) -> bool:
    """Prose: a line of several words ending like a sentence."""
    return bool(_SENTENCE_END.search(line)) and len(line.split()) >= _MIN_BODY_WORDS


def _furniture(line: str, after_headline: bool) -> str | None:
    """Why a header line is furniture, or None when it is text."""
    if parse_date(line):
        return "dateline"
    if _BYLINE.fullmatch(line) and len(line.split()) <= 4 and not after_headline:
        return "byline"
    if is_navigation(line):
        return "navigation"
    if after_headline and len(line.split()) <= _MAX_RUBRIC_WORDS and not _SENTENCE_END.search(line):
        return "rubric"
    return None


def parse_txt(raw: str) -> TxtArticle:
    """Split a seed-format text into header date, headline, text and trimmed furniture."""
    date, date_source = None, None
    header = _HEADER.match(raw)
    if header:
        date, date_source = header.group(1), "header"
        raw = raw[: header.start()] + raw[header.end() :]
    lines = numbered_paragraphs(raw)
    n_head = next((i for i, (_, line) in enumerate(lines) if _is_body(line)), len(lines))
    block = lines[:n_head]
    if (
        n_head == len(lines)
        or n_head > _MAX_HEADER_LINES
        or any(len(line.split()) > _MAX_HEADER_WORDS for _, line in block)
    ):
        return TxtArticle(PARAGRAPH_SEP.join(line for _, line in lines), None, date, date_source)
    reasons, title = [], None
    for _, line in block:
        reasons.append(_furniture(line, title is not None))
        title = title if title is not None or reasons[-1] else line
    if title is None:  # no headline among the lines: only datelines are furniture
        reasons = ["dateline" if reason == "dateline" else None for reason in reasons]
    title, kept, trimmed = None, [], []
    for (number, line), reason in zip(block, reasons, strict=True):
        if reason:
            trimmed.append(Trimmed(number, line, reason))
            if reason == "dateline" and date is None:
                date, date_source = line, "text"
        elif title is None:
            title = line
        else:
            kept.append(line)
    body = kept + [line for _, line in lines[n_head:]]
    return TxtArticle(PARAGRAPH_SEP.join(body), title, date, date_source, tuple(trimmed))
