"""natasha/slovnet models, loaded once per process and shared by the stages that need them."""

from __future__ import annotations

import os
from functools import cache

#: Sentences per slovnet batch; larger batches amortise numpy overhead across documents.
NER_BATCH = 32
#: Distinct words and names whose analyses a process keeps (names repeat across a corpus).
CACHE_SIZE = 1 << 16


@cache
def morph():  # -> natasha.MorphVocab
    """pymorphy2 through natasha, with its dictionaries found without pkg_resources."""
    if "PYMORPHY2_DICT_PATH" not in os.environ:
        import pymorphy2_dicts_ru

        os.environ["PYMORPHY2_DICT_PATH"] = pymorphy2_dicts_ru.get_path()
    from natasha import MorphVocab

    return MorphVocab()


@cache
def ner_tagger():  # -> natasha.NewsNERTagger
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())
    tagger.batch_size = NER_BATCH
    return tagger


def tag_sentences(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """NER spans (start, stop, PER|ORG|LOC) for each text, batched across all of them. Texts
    without a letter are not sent to the tagger (slovnet fails on a text with no tokens)."""
    wordy = [i for i, text in enumerate(texts) if any(ch.isalpha() for ch in text)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for i, markup in zip(wordy, ner_tagger().map([texts[i] for i in wordy]), strict=True):
        found[i] = [(s.start, s.stop, s.type) for s in markup.spans]
    return found
