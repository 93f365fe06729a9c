"""The plain-text article format of `seeds/`: an optional ' date YYYY-MM-DD' header glued to the
text, then optionally a block of site furniture (navigation words, the headline, a rubric, a
dateline) before the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.dates import parse_date
from pipeline.ingest.text import PARAGRAPH_SEP, paragraphs_of

_HEADER = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
_SENTENCE_END = re.compile(r"[.!?…][»\"”')]*$")
#: A header block longer than this, or with a line longer than this, is body text.
_MAX_HEADER_LINES = 6
_MAX_HEADER_WORDS = 30
_MIN_BODY_WORDS = 6


@dataclass(frozen=True)
class TxtArticle:
    text: str
    title: str | None
    date: str | None
    date_source: str | None  # "header" (the ' date' line) or "text" (a dateline); None if absent


def _is_body(line: str) -> bool:
    """Prose: a line of several words ending like a sentence."""
    return bool(_SENTENCE_END.search(line)) and len(line.split()) >= _MIN_BODY_WORDS


def parse_txt(raw: str) -> TxtArticle:
    """Split a seed-format text into header date, headline and body.

    The header block is the run of lines before the first line of prose. Within it, a line that
    is only a date is the dateline, the longest remaining line is the headline and the rest
    (navigation, rubric) is dropped. A block that is too long to be site furniture is kept as body.
    """
    date, date_source = None, None
    header = _HEADER.match(raw)
    if header:
        date, date_source = header.group(1), "header"
        raw = raw[header.end() :]
    lines = paragraphs_of(raw)
    n_head = next((i for i, line in enumerate(lines) if _is_body(line)), len(lines))
    block = lines[:n_head]
    if (
        n_head == len(lines)
        or n_head > _MAX_HEADER_LINES
        or any(len(line.split()) > _MAX_HEADER_WORDS for line in block)
    ):
        return TxtArticle(PARAGRAPH_SEP.join(lines), None, date, date_source)
    datelines = [line for line in block if parse_date(line)]
    rest = [line for line in block if line not in datelines]
    if datelines and date is None:
        date, date_source = datelines[0], "text"
    title = max(rest, key=lambda line: len(line.split()), default=None)
    return TxtArticle(PARAGRAPH_SEP.join(lines[n_head:]), title, date, date_source)
