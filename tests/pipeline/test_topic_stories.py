"""Topics the article fit gives to one story, merged into the broad topic nearest them."""

from __future__ import annotations

import numpy as np

from pipeline.stages.topics.stories import merge_targets, merging, spread, story_topics


def _weights() -> np.ndarray:
    """Twelve articles × four topics: three themes spread over many articles, and a fourth
    (column 3) carried by two articles, both of which also hold the second theme."""
    w = np.zeros((12, 4))
    w[0:6, 0] = 1.0
    w[4:10, 1] = 1.0
    w[6:12, 2] = 1.0
    w[8:10, 3] = 3.0
    return w


def test_spread_is_the_effective_number_of_articles_carrying_a_topic() -> None:
    found = spread(_weights())
    assert np.allclose(found, [6, 6, 6, 2])
    assert spread(np.zeros((3, 1)))[0] == 0


def test_a_topic_in_few_articles_is_a_story() -> None:
    # The median spread is 6; the fourth topic's 2 is below half of it.
    assert story_topics(_weights()).tolist() == [3]
    # With fewer than three topics there is nothing broad enough to merge into.
    assert story_topics(_weights()[:, [0, 3]]).tolist() == []


def test_a_story_merges_into_the_topic_sharing_most_of_its_articles() -> None:
    targets = merge_targets(_weights(), np.array([3]))
    # Articles 8 and 9 hold the story and topics 1 and 2; topic 1 is first among equals.
    assert targets.tolist() == [0, 1, 2, 1]
    kept, matrix = merging(targets)
    assert kept.tolist() == [0, 1, 2]
    merged = np.array([[0.1, 0.2, 0.3, 0.4]]) @ matrix
    assert np.allclose(merged, [[0.1, 0.6, 0.3]])
