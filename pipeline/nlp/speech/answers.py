"""Interview answers: after a speaker label ('Т. Лоренцсон: ...') or, in a question-and-answer
interview, every '- ' paragraph that is not a question, with the paragraphs that follow it up
to the journalist's narration of others' words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.nlp.models import morph
from pipeline.nlp.speech.marks import _DASH, _is_question, _trimmed, _words
from pipeline.nlp.speech.records import Speech
from pipeline.nlp.speech.words import _LETTERS, _parse

_LABEL = re.compile(
    r"(?:[А-ЯЁA-Z]\.\s?){1,2}\s?[А-ЯЁA-Z][\w-]+|[А-ЯЁA-Z][\w-]+(?:\s[А-ЯЁA-Z][\w-]+){0,2}"
)

_ANSWER_LABEL = re.compile(rf"({_LABEL.pattern}):\s+(?=\S)")

#: A speaker label alone in its paragraph, the answer in the paragraphs after it.
_LABEL_LINE = re.compile(rf"\s*({_LABEL.pattern}):\s*$")

_DASH_START = re.compile(rf"{_DASH}\s+(?=\S)")

_THANKS = re.compile(r"(?i)(благодар|спасибо)\w*\b[^.!?]{0,40}(интервью|беседу)")


def interviews(
    text: str, paragraphs: Sequence[tuple[int, int]], reported: Sequence[Speech] = ()
) -> Iterator[Speech]:
    """Interview answers, one Speech per paragraph: after a speaker label (the label is the
    cue and the source), or in a question-and-answer interview (two or more '- ' paragraphs
    that are questions) in the '- ' paragraph that answers a question (cue: the dash; the
    source is named in the lead). An answer goes on over the paragraphs that follow it until
    a question, another label, another '- ' paragraph or the journalist's narration of others'
    words (`_narration`: '«...», — отметил Лунёв', `reported` holds them)."""
    labels = [_label(text, start, stop) for start, stop in paragraphs]
    dashes = [_DASH_START.match(text, start, stop) for start, stop in paragraphs]
    questions = [
        bool(d) and _is_question(text, *p) for d, p in zip(dashes, paragraphs, strict=True)
    ]
    labelled = sum(1 for m in labels if m) >= 2
    dashed = sum(questions) >= 2
    current: tuple[int, int, int | None, int | None] | None = None  # cue and source spans
    asked = below_label = False
    for (start, stop), label, dash, question in zip(
        paragraphs, labels, dashes, questions, strict=True
    ):
        if labelled and label:
            current = (label.start(1), label.end(1), label.start(1), label.end(1))
            start = label.end()
        elif dashed and dash:
            current = (
                (dash.start(), dash.start() + 1, None, None) if asked and not question else None
            )
            asked = question
            start = dash.end()
        elif not below_label and (
            _is_question(text, start, stop) or _THANKS.search(text, start, stop)
        ):
            current = None
        elif current is not None and not below_label and _narration(text, start, stop, reported):
            current = None  # the journalist's text between answers: the answer has ended
        # a label on its own line: the paragraph below is its own, a question too
        below_label = bool(labelled and label) and start >= stop
        if current is None or not (label or dash or _prose(text, start, stop)):
            continue
        content = _trimmed(text, start, stop)
        if _words(text, *content) >= 2:  # not a bare handle or tag: '#Vesnina'
            yield Speech("interview", *content, *current)


#: Pronouns of the third person, in any case.
_THIRD_PERSON = frozenset({"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им"})

#: First-person words: an answer's; the journalist's narration between answers has none.
_FIRST_PERSON = frozenset(
    {"я", "мы", "меня", "мне", "мной", "нас", "нам", "нами", "мой", "моя", "моё", "мое", "мои"}
    | {"моего", "моей", "моих", "моим", "наш", "наша", "наше", "наши", "нашего", "нашей"}
    | {"наших", "нашим"}
)

#: The share of a paragraph's words outside the quotes it reports, at most, for it to be the
#: journalist's narration of them rather than an answer that quotes someone.
_NARRATED_REST = 0.4


def _narration(text: str, start: int, stop: int, reported: Sequence[Speech]) -> bool:
    """Whether a paragraph after an answer is the journalist's narration of others' words: most
    of it is quotes with their source, their cues in it ('«...», — отметил Лунёв', 'Ерохин
    отметил, что ...'; not one clause of a long answer: 'На самом деле, Александр Легков и
    Евгений Белов заявляют, что ...'; not by a pronoun: `_pronoun`), and outside those quotes
    no first-person word (an answer that quotes someone says 'я', 'мы' or 'наш' around it)."""
    own = [
        s
        for s in reported
        if start <= s.cue_start < stop
        and s.source_start is not None
        and start <= s.source_start
        and not _pronoun(text[s.source_start : s.source_stop])
    ]
    spans = [
        (min(s.start, s.cue_start, s.source_start), max(s.stop, s.cue_stop, s.source_stop))
        for s in own
    ]
    outside = [(start, stop)]
    for a, b in spans:
        outside = [
            part
            for lo, hi in outside
            for part in ((lo, max(lo, min(hi, a))), (min(hi, max(lo, b)), hi))
            if part[0] < part[1]
        ]
    rest = sum(_words(text, lo, hi) for lo, hi in outside)
    if not own or rest > _words(text, start, stop) * _NARRATED_REST:
        return False
    words = {w.lower() for lo, hi in outside for w in _LETTERS.findall(text, lo, hi)}
    return not words & _FIRST_PERSON


def _pronoun(source: str) -> bool:
    """Whether a source is only pronouns: 'мы' is the answerer, 'он' may be whom the answer
    speaks of ('Юрий Гагарин летал всего 108 минут, но он написал: «...»')."""
    words = [w.lower() for w in _LETTERS.findall(source)]
    return bool(words) and all(w in _FIRST_PERSON | _THIRD_PERSON for w in words)


#: A paragraph this short without a final mark is a heading or a caption ('Денис Мацуев',
#: 'Отставка неизбежна'), not the answer going on.
_CAPTION_WORDS = 5

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

_ALPHA = re.compile(r"[^\W\d_]")


def _prose(text: str, start: int, stop: int) -> bool:
    """Whether a paragraph after an answer is Russian prose that may go on with it: not a
    heading or caption ('Также по теме', a photo credit), not a player's or page's code left
    in the text ('jwplayer.key=...')."""
    letters = len(_ALPHA.findall(text, start, stop))
    if not letters or len(_CYRILLIC.findall(text, start, stop)) < letters / 2:
        return False
    paragraph = text[start:stop].strip()
    return (
        _words(text, start, stop) >= _CAPTION_WORDS
        or paragraph[:1].islower()  # a sentence the source broke over two paragraphs
        or bool(re.search(r"[.!?…»\"]$", paragraph))
    )


def _label(text: str, start: int, stop: int) -> re.Match | None:
    """The speaker label that opens a paragraph ('Т. Лоренцсон: ...') or is the whole of it
    ('Томислав Николич:', 'Вадеева:' with the answer below), if it names a person. A surname
    alone counts only on a line of its own: before text it is mostly a headline's source
    ('Лавров: мы свои санкции с ЕС не снимем')."""
    found = _ANSWER_LABEL.match(text, start, stop)
    if found:
        return found if _looks_like_name(found.group(1)) else None
    found = _LABEL_LINE.match(text, start, stop)
    if found and (_looks_like_name(found.group(1)) or _surname(found.group(1))):
        return found
    return None


def _looks_like_name(label: str) -> bool:
    """A speaker label names a person: initials and a surname ('Т. Лоренцсон'), or two or
    three capitalised words each a name or a noun ('Тобиас Лоренцсон', not 'Внешняя политика')."""
    words = label.replace(".", ". ").split()
    if any(len(w) == 2 and w.endswith(".") for w in words):
        return True
    return len(words) >= 2 and all(_name_like(w) for w in words)


def _surname(word: str) -> bool:
    """A surname in the nominative ('Вадеева', 'Котов'; not 'Эксперт' or 'Цитата')."""
    return " " not in word and any(
        {"Surn", "nomn"} <= p.tag.grammemes for p in morph()(word.lower())
    )


def _name_like(word: str) -> bool:
    parse = _parse(word)
    return (
        parse is None
        or bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))
        or (parse.tag.POS == "NOUN" and "Geox" not in parse.tag)
    )
