"""Direct and indirect speech in each sentence: the word-order shapes first, then the cut
lines and the parse for what they leave."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.models import parse_syntax
from pipeline.nlp.speech.lines import _across_break, _that_after_break
from pipeline.nlp.speech.records import Speech, _Token
from pipeline.nlp.speech.shapes import _in_sentence, _scanned_forms
from pipeline.nlp.speech.syntax import (
    _by_syntax,
    _named_statement,
    _pointed,
    _statement_noun,
    _subject_missing,
    _with_parsed_subject,
    _worth_parsing,
)
from pipeline.nlp.speech.words import _tokens, words_of


def reported(text: str, sentences: Sequence[tuple[int, int]]) -> list[Speech]:
    """Direct and indirect speech in each sentence (a quotation may run over the sentences
    and paragraphs before its cue)."""
    forms = _scanned_forms()
    unread: list[list[_Token]] = []  # sentences with a cue form where word order finds nothing
    sourceless: list[list[_Token]] = []  # sentences where it finds a cue but not its subject
    named: list[tuple[list[_Token], int, tuple[int, int]]] = []  # 'Такое заявление сделал X'
    said: list[Speech] = []
    previous = None
    joined = -1  # the last sentence read already with the cue line before it
    for n, (start, stop) in enumerate(sentences):
        if n <= joined:
            continue
        if cut := _that_after_break(text, sentences, n, forms, said):
            said += cut  # 'МИД России' | 'заявил' | ', что ...': the lines read as one
        elif not forms.isdisjoint(words_of(text[start:stop])):
            tokens = _tokens(text, start, stop)
            found = list(_in_sentence(text, tokens, start, stop))
            across = _across_break(text, sentences, n, forms, found)
            if across is not None:
                tokens, found, joined = across
                start, stop = tokens[0].start, sentences[joined][1]
            if not any(start <= s.cue_start < stop for s in found):
                found += _pointed(text, tokens, start, previous, said)
            said += found
            cued = any(start <= s.cue_start < stop for s in found)
            if not cued and _worth_parsing(tokens):
                unread.append(tokens)
            elif not cued and previous and (noun := _statement_noun(tokens)) is not None:
                named.append((tokens, noun, previous))
            elif any(_subject_missing(tokens, s) is not None for s in found):
                sourceless.append(tokens)
        previous = (start, stop)
    if not unread and not sourceless and not named:
        return said
    batch = unread + sourceless + [tokens for tokens, _noun, _previous in named]
    parses = parse_syntax([[t.text for t in tokens] for tokens in batch])
    named_at = len(unread) + len(sourceless)
    for tokens, heads in zip(sourceless, parses[len(unread) : named_at], strict=True):
        said = [_with_parsed_subject(tokens, heads, s) for s in said]
    for tokens, heads in zip(unread, parses, strict=False):
        said += _by_syntax(text, tokens, heads)
    for (tokens, noun, previous), heads in zip(named, parses[named_at:], strict=True):
        said += _named_statement(text, tokens, noun, heads, previous, said)
    return said
