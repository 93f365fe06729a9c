"""What the speed work on the speech stage and the analyse tasks keeps (issue 26, item 5): the
shortcuts read the words of a sentence as before, and a process's first task leaves its models
out of the cycle collector's walks."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.harness import read_articles
from pipeline.nlp.gazetteer import key
from pipeline.nlp.speech.words import _is_cue_verb, _tokens, words_of
from pipeline.stages import analyse

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
