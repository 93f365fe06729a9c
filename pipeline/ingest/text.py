"""Text normalisation shared by every reader: paragraphs, content hash, word count, title."""

from __future__ import annotations

import hashlib
import re

from razdel import sentenize

#: Paragraphs in `articles.text` are separated by exactly this string.
PARAGRAPH_SEP = "\n\n"
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"\w+")
_TITLE_MAX = 200


def numbered_paragraphs(raw: str) -> list[tuple[int, str]]:
    """Raw text's clean paragraphs, one per non-empty line with its 1-based line number,
    spaces collapsed."""
    raw = _INVISIBLE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = ((n, _SPACES.sub(" ", line).strip()) for n, line in enumerate(raw.split("\n"), 1))
    return [(n, line) for n, line in lines if line]


def paragraphs_of(raw: str) -> list[str]:
    """Split raw text into clean paragraphs: one per non-empty line, spaces collapsed."""
    return [line for _, line in numbered_paragraphs(raw)]


def normalise(raw: str) -> str:
    """The canonical article text: clean paragraphs joined by a blank line."""
    return PARAGRAPH_SEP.join(paragraphs_of(raw))


def words(text: str) -> list[str]:
    """Lower-cased runs of letters or digits."""
    return _WORD.findall(text.lower())


def content_hash(tokens: list[str]) -> str:
    """Hash of a text's `words`: equal hashes mean duplicates up to case, spacing, punctuation."""
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def first_sentence(text: str) -> str:
    """The first sentence of the first paragraph, shortened to a readable title."""
    paragraph = text.split(PARAGRAPH_SEP, 1)[0]
    sentence = next(iter(sentenize(paragraph[:2000])), None)
    title = sentence.text if sentence else paragraph
    if len(title) > _TITLE_MAX:
        title = title[: _TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return title
