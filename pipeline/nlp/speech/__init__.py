"""Reported speech in a text, before anyone is named: the spans of what was said (the
content), of the verb or label that reports it (the cue) and of who said it (the source).

Three shapes, found by rules over words and their morphology (pymorphy2):
- interviews: answers after a speaker label ('Т. Лоренцсон: ...') or, in a question-and-answer
  interview, every '- ' paragraph that is not a question, with the paragraphs that follow it
  up to the journalist's narration of others' words;
- direct speech: '«...», - заявил X', 'X заявил: «...»';
- indirect speech: 'X отметил, что ...', 'X уверен, что ...', 'по словам X, ...', 'как
  отмечает X, ...', 'X заявил: ...', '..., говорит X', '..., говорится в X'; 'Об этом заявил
  X' reports the sentence before it.
Questions and denials ('не считают, что') are not quotes, nor is a quote inside another, but
for the speaker's own view in a sentence of its own ('«... Я думаю, что ...»', — сказал X').

The package, top down: `find` (`find_speech`), `answers` (interviews), `nesting`, `sentence`
(`reported`), `syntax`, `lines`, `shapes`, `sources`, `marks`, `words`, `records`."""

from pipeline.nlp.cues import cue_forms
from pipeline.nlp.speech.answers import interviews
from pipeline.nlp.speech.find import find_speech
from pipeline.nlp.speech.records import Speech
from pipeline.nlp.speech.sentence import reported
from pipeline.nlp.speech.syntax import SYNTAX_TOKENS
from pipeline.nlp.speech.words import words_of

__all__ = [
    "SYNTAX_TOKENS",
    "Speech",
    "cue_forms",
    "find_speech",
    "interviews",
    "reported",
    "words_of",
]
