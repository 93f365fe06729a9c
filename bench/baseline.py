"""Bare natasha, as its README uses it: one `Doc` per text with segment, morph, syntax, NER and
span normalisation. The reference that `make eval` and `make bench` compare our stages against."""

from __future__ import annotations

from functools import cache

from pipeline.nlp.models import morph


@cache
def _models() -> tuple:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)


def natasha_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, stop, type, normal) of every NER span natasha finds in `text`."""
    from natasha import Doc

    segmenter, morph_tagger, syntax_parser, ner_tagger = _models()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    doc.tag_ner(ner_tagger)
    for span in doc.spans:
        span.normalize(morph())
    return [(s.start, s.stop, s.type, s.normal or s.text) for s in doc.spans]


def gold_type(kind: str) -> str:
    """Our entity type as the gold data sets type it: they tag media as organisations."""
    return "ORG" if kind == "MEDIUM" else kind
