"""What the speed work on the speech stage and the analyse tasks keeps (issue 26, item 5): the
shortcuts read the words of a sentence as before, and a process's first task leaves its models
out of the cycle collector's walks; the tokens a sentence's shapes are not tried at start none,
and the cached readings of words are pymorphy2's."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.harness import read_articles
from pipeline.nlp.gazetteer import key
from pipeline.nlp.lemmas import analyse as lemma_of
from pipeline.nlp.models import first_reading, morph
from pipeline.nlp.speech.marks import _OPENERS
from pipeline.nlp.speech.shapes import (
    _as_subject,
    _openings,
    _statement_that,
)
from pipeline.nlp.speech.words import (
    _is_cue_verb,
    _is_stance,
    _is_stance_word,
    _parse,
    _pos,
    _tokens,
    words_of,
)
from pipeline.nlp.time_resolve import _word_tense, tense
from pipeline.stages import analyse
from pipeline.stages.paragraphs import build_paragraphs
from pipeline.stages.sentences import build_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
#: From the corpus: 'Эр‑Риядом' is written with a non-breaking hyphen (U+2011).
SENTENCE = (
    "Вы считаете, что договорённости между Москвой и Эр‑Риядом — это почти то же самое, что "
    "соглашение всей группы"
)


def test_words_of_a_sentence_are_its_lowercase_words_with_e_for_yo() -> None:
    assert words_of(SENTENCE) == [
        *("вы", "считаете", "что", "договоренности", "между", "москвой", "и", "эр", "риядом"),
        *("это", "почти", "то", "же", "самое", "что", "соглашение", "всей", "группы"),
    ]
    # The words of the gazetteer key, which the cue forms are written in.
    assert words_of(SENTENCE) == re.findall(r"\w+", key(SENTENCE))


def test_the_cue_verb_of_a_sentence_is_found_each_time_it_is_asked() -> None:
    tokens = _tokens(SENTENCE, 0, len(SENTENCE))
    for _ in range(2):  # the second time from the cache
        assert [t.text for t in tokens if _is_cue_verb(t)] == ["считаете"]


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The test process with nothing frozen before and after."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_first_task_freezes_what_the_process_holds(unfrozen: None) -> None:
    articles = read_articles(sorted(SEEDS.glob("*.txt"))[:2])
    analyse.analyse_chunk(articles, ("speech", "dates"))
    frozen = gc.get_freeze_count()
    assert frozen > 0
    found = analyse.analyse_chunk(articles, ("speech", "dates"))
    # Later tasks freeze nothing more: what they make is collected as before (what was frozen
    # and is freed since, by counting references, leaves the count).
    assert gc.get_freeze_count() <= frozen
    assert found["speech"].num_rows > 0


def _seed_sentences() -> Iterator[tuple[str, int, int]]:
    """(text, start, stop) of every sentence of the shipped seed articles."""
    articles = read_articles(sorted(SEEDS.glob("*.txt")))
    sentences = build_sentences(build_paragraphs(articles))
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(), strict=True))
    columns = (sentences[c].to_pylist() for c in ("article_id", "start", "stop"))
    for article_id, start, stop in zip(*columns, strict=True):
        yield texts[article_id], start, stop


def test_a_token_left_out_of_the_openings_starts_no_shape() -> None:
    tried = skipped = 0
    for text, start, stop in _seed_sentences():
        tokens = _tokens(text, start, stop)
        opening = set(_openings(tokens))
        tried += len(opening)
        for i, token in enumerate(tokens):
            if i in opening:
                continue
            skipped += 1
            assert token.text not in _OPENERS and token.text.lower() != "по"
            assert not (_is_cue_verb(token) or _is_stance(tokens, i) or _is_stance_word(token))
            assert _statement_that(text, tokens, i, stop) is None
    # the seeds' cue verbs ('заявил', 'отметил') are tried, most of their tokens are not
    assert 0 < tried < skipped


def test_an_aside_without_kak_has_no_subject_and_with_it_has_one() -> None:
    plain = "Министр отметил в начале марта, что переговоры продолжатся."
    aside = "Как министр отметил в начале марта, переговоры продолжатся."
    tokens = _tokens(plain, 0, len(plain))
    assert _as_subject(tokens, [t.text for t in tokens].index("отметил")) is None
    tokens = _tokens(aside, 0, len(aside))
    cue = [t.text for t in tokens].index("отметил")
    assert _as_subject(tokens, cue) == (1, 1)  # 'министр'


def test_the_lemmas_and_the_speech_rules_share_one_reading_of_a_word() -> None:
    reading = first_reading("заявил")
    assert reading is morph()("заявил")[0]
    assert _parse("заявил") is reading and _parse("Заявил") is reading
    assert _pos(_tokens("заявил", 0, 6)[0]) == "VERB"
    assert lemma_of("коридора") == ("коридор", False)
    assert first_reading("коридора").normal_form == "коридор"
    # a capitalised word the dictionary does not know is no reading for the speech rules
    assert first_reading("дершовиц") is not None and _parse("Дершовиц") is None


@pytest.mark.parametrize(
    ("word", "told"),
    [
        ("заявил", (True, "past")),
        ("продолжатся", (True, "futr")),
        ("задержан", (False, "past")),  # a short passive participle: a state
        ("открыта", None),  # also a short adjective
        ("анонсированного", None),  # a full participle tells nothing
        ("митинга", None),
    ],
)
def test_what_a_word_tells_the_tense_of_its_sentence(word: str, told: tuple | None) -> None:
    assert _word_tense(word) == told


def test_the_tense_of_a_sentence_from_its_words() -> None:
    assert tense("Он задержан в пятницу") == "perf"
    assert tense("Министр заявил, что переговоры продолжатся") is None  # past and future
    assert tense("Регистрация открыта до 19 декабря") == ""
