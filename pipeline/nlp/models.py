"""natasha/slovnet models, loaded once per process and shared by the stages that need them."""

from __future__ import annotations

import os
from functools import cache, lru_cache

#: Sentences per slovnet batch; larger batches amortise numpy overhead across documents.
NER_BATCH = 32
#: Distinct words and names whose analyses a process keeps (names repeat across a corpus).
CACHE_SIZE = 1 << 16
#: Hyphens other than '-' that some sources write inside words ('Пресс‑секретаря' with U+2011,
#: 'Аль‑Каидой'): the dictionary, the tagger's vocabulary and the word lists spell words with '-'.
_HYPHENS = str.maketrans("\u2010\u2011\u2012", "---")


def plain_hyphens(text: str) -> str:
    """`text` with each hyphen variant written '-', character for character (offsets stay)."""
    return text.translate(_HYPHENS)


@cache
def morph():  # -> natasha.MorphVocab
    """pymorphy2 through natasha, with its dictionaries found without pkg_resources."""
    if "PYMORPHY2_DICT_PATH" not in os.environ:
        import pymorphy2_dicts_ru

        os.environ["PYMORPHY2_DICT_PATH"] = pymorphy2_dicts_ru.get_path()
    from natasha import MorphVocab

    return MorphVocab()


@lru_cache(maxsize=CACHE_SIZE)
def first_reading(word: str):  # -> pymorphy2 Parse or None
    """pymorphy2's first reading of a lower-case word, None when it has none. The stages that
    read words one by one (the lemmas of every word, the speech rules' parts of speech) share
    this cache: natasha's own holds too few words for the second to find what the first read."""
    parses = morph()(word)
    return parses[0] if parses else None


@lru_cache(maxsize=CACHE_SIZE)
def lemma(word: str) -> str:
    """The dictionary form of a word ('коридора' -> 'коридор'), lower case, ё kept."""
    word = plain_hyphens(word).lower()
    parses = morph()(word)
    return parses[0].normal_form if parses else word


def word_forms(word: str) -> tuple[str, frozenset[str]]:
    """The lemma of a word and all its forms, lower case: 'санкциями' -> ('санкция',
    {'санкция', 'санкции', 'санкций', ...}). Every reading with the first reading's lemma adds
    its forms ('сталь' as nominative and as genitive); an unknown word is its only form."""
    word = plain_hyphens(word).lower()
    parses = morph()(word)
    if not parses:
        return word, frozenset({word})
    lemma = parses[0].normal_form
    forms = {form.word for parse in parses if parse.normal_form == lemma for form in parse.lexeme}
    return lemma, frozenset(forms | {word})


@cache
def embedding():  # -> natasha.NewsEmbedding
    """The navec word embedding that the NER tagger and the syntax parser share."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def ner_tagger():  # -> natasha.NewsNERTagger
    from natasha import NewsNERTagger

    tagger = NewsNERTagger(embedding())
    tagger.batch_size = NER_BATCH
    return tagger


@cache
def syntax_parser():  # -> natasha.NewsSyntaxParser
    from natasha import NewsSyntaxParser

    parser = NewsSyntaxParser(embedding())
    parser.batch_size = NER_BATCH
    return parser


def parse_syntax(sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Dependencies of tokenised sentences by natasha's syntax parser: for each token, the
    index of its head in the sentence (-1 for the root) and the relation ('nsubj', 'ccomp')."""
    found = []
    for markup in syntax_parser().map(sentences):
        found.append([(int(t.head_id) - 1, t.rel) for t in markup.tokens])
    return found


def tag_sentences(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """NER spans (start, stop, PER|ORG|LOC) for each text, batched across all of them. Texts
    without a letter are not sent to the tagger (slovnet fails on a text with no tokens)."""
    wordy = [i for i, text in enumerate(texts) if any(ch.isalpha() for ch in text)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    plain = [plain_hyphens(texts[i]) for i in wordy]
    for i, markup in zip(wordy, ner_tagger().map(plain), strict=True):
        found[i] = [(s.start, s.stop, s.type) for s in markup.spans]
    return found
