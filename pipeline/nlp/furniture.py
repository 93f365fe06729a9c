"""Page furniture in an article's paragraphs: what a web page leaves in a scraped text that is
not the article. Rules over one paragraph and its neighbours, written for news sites in
general (docs/pipeline.md lists them):

- `dateline`: an agency dateline opening the body, 'МОСКВА, 15 ноя - РИА Новости.',
  'ВАШИНГТОН, 3 марта. /ТАСС/.' (only that prefix);
- `code`: program code, such as a video player's JavaScript (`jwplayer(...)`, `var x =`);
- `banner`: site messages: cookies, registration, subscription;
- `link`: a paragraph that is mostly web addresses;
- `credit`: '© ...', 'Фото: ...', or a paragraph that is only an agency, photo bank or
  platform name (`data/credits.txt`), alone or before a '/';
- `byline`: 'Автор: ...', 'Текст: ...', 'Беседовал ...' and up to four capitalised words;
- `caption`: a short paragraph without a full stop right before a credit (links between);
- `embed`: a social-media attribution '— Name (@handle)', the date line after it, and the
  Latin-only lines right before an attribution or a pic.twitter.com link;
- `related`: 'Также по теме', 'Читайте также' and the linked title and teaser after it, up to
  the teaser's closing '...'.
Whatever no rule names is text."""

from __future__ import annotations

import re
from functools import cache

from pipeline.nlp.gazetteer import DATA

KINDS = (
    "dateline",
    "code",
    "banner",
    "link",
    "credit",
    "byline",
    "caption",
    "embed",
    "related",
)

_PLACE = r"[А-ЯЁ][А-ЯЁ-]+(?:[ -][А-ЯЁ]+){0,3}(?: \([^)]{1,40}\))?"
_DATE = r"\d{1,2} [а-яё]{3,9}\.?(?: \d{4}(?: г\.| года)?)?"
_AGENCY = r"(?:[-–—] ?[A-ZА-ЯЁ][^.\n]{1,40}\.|\. ?/[^/\n]{1,30}/\.?)"
_DATELINE = re.compile(rf"{_PLACE}, (?P<date>{_DATE}) ?{_AGENCY}\s*")
_CODE = re.compile(
    r"jwplayer|\bfunction\s*\(|\bvar\s+\w+\s*=|console\.\w+\(|\}\s*\)\s*;|document\.\w+\("
    r"|\breturn\s*\{|\bwindow\.\w+|^//\s"
)
_BANNER = re.compile(
    r"использует\s+(?:файлы\s+)?cookie|регистрация\s+пройдена|подпи(?:шитесь|сывайтесь)\s+на\s"
    r"|перейдите\s+по\s+ссылке|вы\s+соглашаетесь\s+с",
    re.IGNORECASE,
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|ru|org|net|gov|ua|info|io|tv|uk|de|fr|рф)(?:/\S*)?"
)
_CAPITALISED = re.compile(r"[А-ЯЁA-Z0-9]")
_PUNCTUATION = re.compile(r"[:;,.!?«»\"()—–]|\s-\s")
_CREDIT = re.compile(r"(?:©|\(c\)\s|(?:фото|видео|фотография|иллюстрация|кадр)\s*:)", re.I)
_BYLINE = re.compile(
    r"(?:Автор|Авторы|Текст|Беседовал[аи]?|Подготовил[аи]?|Записал[аи]?)\s*:?\s+"
    r"(?:[А-ЯЁA-Z][\w.-]*\s*){1,4}"
)
_ATTRIBUTION = re.compile(r"(?:[—–-]\s*|Публикация от\s+)[^()]{1,60}\(@[\w.]+\)")
_TWEET_DATE = re.compile(
    r"(?:\d{1,2}\s+[а-яё]+|[A-ZА-ЯЁ][a-zа-яё]+\.?\s+\d{1,2},?)\s+\d{4}(?:\s*г\.)?"
    r"(?:\s+в\s+\d{1,2}:\d{2}(?:\s+[A-Z]{2,4})?)?"
)
#: Where an embedded post ends: its attribution, or its picture or short link.
_POST_END = re.compile(r"pic\.twitter\.com/|https?://t\.co/")
_TAG = re.compile(r"[#@][\w.]+")
_MAX_POST_LINES = 15
_MAX_POST_FRAGMENT_WORDS = 4
_RELATED = {"также по теме", "читайте также", "смотрите также", "по теме", "новости по теме"}
_TEASER_END = re.compile(r"(?:\.\.\.|…)$")
#: A piece of a sentence or quotation split at a link: it opens or closes with punctuation.
_FRAGMENT = re.compile(r"^[«„\"“(\-–—)<,.;:]|[—–\-(,:;«]$")
_SENTENCE_END = re.compile(r"[.!?…][»\"”')]*$")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_MAX_CREDIT_WORDS = 12
_MAX_CAPTION_WORDS = 25
_MAX_BANNER_WORDS = 80


@cache
def credits() -> frozenset[str]:
    lines = (DATA / "credits.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_navigation(line: str) -> bool:
    """A run of menu items: five or more words after the first, most of them capitalised, no
    sentence punctuation ('Ильхам Алиев WUF13 Бюджетный пакет Неделя волонтёров'). Only a
    .txt header's block of short lines gives the context to trust it: in a body, such a line
    is as often a heading or a sentence split at a link."""
    words = line.split()[1:]
    capitalised = sum(bool(_CAPITALISED.match(w)) for w in words)
    return len(words) >= 5 and 2 * capitalised >= len(words) and not _PUNCTUATION.search(line)


def dateline(paragraph: str) -> re.Match | None:
    """The agency dateline opening `paragraph`, its date in the group `date`, or None."""
    return _DATELINE.match(paragraph)


def _is_link(paragraph: str) -> bool:
    solid = sum(not ch.isspace() for ch in paragraph)
    linked = sum(len(m.group()) for m in _URL.finditer(paragraph))
    return solid > 0 and linked >= 0.6 * solid


def _is_credit(paragraph: str) -> bool:
    if len(paragraph.split()) > _MAX_CREDIT_WORDS:
        return False
    named = paragraph.split("/")[0].strip(" .").lower()
    return bool(_CREDIT.match(paragraph)) or named in credits()


def _alone(paragraph: str) -> str | None:
    """The kind of furniture a paragraph is by itself, or None."""
    if _CODE.search(paragraph):
        return "code"
    if _BANNER.search(paragraph) and len(paragraph.split()) <= _MAX_BANNER_WORDS:
        return "banner"
    if _is_credit(paragraph):
        return "credit"
    if _BYLINE.fullmatch(paragraph.strip(" .")):
        return "byline"
    if _is_link(paragraph):
        return "link"
    if _ATTRIBUTION.match(paragraph):
        return "embed"
    if paragraph.strip(" .:").lower() in _RELATED:
        return "related"
    return None


def _in_context(paragraphs: list[str], kinds: list[str | None]) -> None:
    """Kinds that depend on the neighbours: captions, embedded posts, related teasers; and a
    name after a dash is the signature of an editorial insert ('(в суд. — RT)'), not a credit."""
    for i in range(1, len(paragraphs)):
        if kinds[i] == "credit" and paragraphs[i - 1].rstrip().endswith(("—", "–", "-")):
            kinds[i] = None
    for i, paragraph in enumerate(paragraphs):
        if kinds[i] is not None:
            continue
        before = kinds[i - 1] if i else None
        if before == "embed" and _TWEET_DATE.fullmatch(paragraph):
            kinds[i] = "embed"
        elif _in_related_block(paragraphs, kinds, i):
            kinds[i] = "related"
    for i in range(len(paragraphs) - 1, -1, -1):
        if kinds[i] is not None:
            continue
        after = next((k for k in kinds[i + 1 :] if k != "link"), None)
        if after == "credit" and _is_caption(paragraphs[i]):
            kinds[i] = "caption"
    for end in range(len(paragraphs)):
        if kinds[end] == "embed" or _POST_END.search(paragraphs[end]):
            _mark_post(paragraphs, kinds, end)


def _in_related_block(paragraphs: list[str], kinds: list[str | None], i: int) -> bool:
    """Whether paragraph `i` is the linked title or the teaser of a 'Также по теме' block:
    one of the two paragraphs after the marker, up to the teaser's closing '...'."""
    for back in (1, 2):
        if i - back < 0 or kinds[i - back] not in ("related", None):
            return False
        if kinds[i - back] == "related" and paragraphs[i - back].strip(" .:").lower() in _RELATED:
            return back == 1 or _TEASER_END.search(paragraphs[i - 1]) is None
    return False


def _is_caption(paragraph: str) -> bool:
    """A caption's shape: short, not a sentence, not a quotation or a piece of one."""
    return (
        len(paragraph.split()) <= _MAX_CAPTION_WORDS
        and not _SENTENCE_END.search(paragraph)
        and not _FRAGMENT.search(paragraph)
    )


def _is_post_line(paragraph: str) -> bool:
    """A line that can belong to an embedded post: with no Cyrillic, with a #tag or @handle,
    or a short fragment of one split at its links."""
    return (
        not _CYRILLIC.search(paragraph)
        or bool(_TAG.search(paragraph))
        or len(paragraph.split()) <= _MAX_POST_FRAGMENT_WORDS
    )


def _mark_post(paragraphs: list[str], kinds: list[str | None], end: int) -> None:
    """The lines of the embedded post that ends at `end`, walking back over post-like lines."""
    for i in range(end - 1, max(-1, end - 1 - _MAX_POST_LINES), -1):
        if kinds[i] not in (None, "link", "embed") or not _is_post_line(paragraphs[i]):
            return
        if kinds[i] is None:
            kinds[i] = "embed"


def find_furniture(paragraphs: list[str], body: int = 0) -> list[tuple[int, int, int, str]]:
    """(paragraph, start, stop, kind) of the furniture in an article's `paragraphs`, offsets
    within the paragraph; `body` is the index of the body's first paragraph (1 after a
    headline), where a dateline may stand."""
    kinds = [_alone(p) for p in paragraphs]
    _in_context(paragraphs, kinds)
    found = [
        (i, 0, len(p), kind)
        for i, (p, kind) in enumerate(zip(paragraphs, kinds, strict=True))
        if kind
    ]
    opening = dateline(paragraphs[body]) if body < len(paragraphs) else None
    if opening and kinds[body] is None:
        found.append((body, 0, opening.end(), "dateline"))
    return sorted(found)
