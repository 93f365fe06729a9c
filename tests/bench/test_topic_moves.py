"""bench/topic_moves.py: the paragraphs whose topic changes between two builds of the same
topics (ids renumbered by size are no move), drawn blind and scored against the key."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import topic_moves  # noqa: E402

COURTS = ["суд", "уголовный", "колония"]
PAKISTAN = ["пакистан", "казнь", "богохульство"]
TEXTS = [
    "Замоскворецкий суд приговорил экс-министра Улюкаева к восьми годам колонии",
    "Суд в Пакистане оправдал христианку Асию Биби, приговорённую к казни",
]


def _build(where: Path, topic_of: list[int], topics: list[list[str]]) -> Path:
    where.mkdir()
    pq.write_table(
        pa.table(
            {
                "article_id": ["a", "b"],
                "paragraph": [0, 0],
                "text": TEXTS,
                "topic_id": pa.array(topic_of, pa.int32()),
            }
        ),
        where / "paragraphs.parquet",
    )
    labels = [" · ".join(t) for t in topics]
    pq.write_table(
        pa.table({"topic_id": pa.array([0, 1], pa.int32()), "label": labels, "terms": topics}),
        where / "topics.parquet",
    )
    pq.write_table(
        pa.table({"article_id": ["a", "b"], "title": ["Улюкаев", "Асия Биби"]}),
        where / "articles.parquet",
    )
    return where


def test_a_move_is_a_change_of_terms_not_of_id(tmp_path: Path) -> None:
    """Before, the Ulyukaev headline sits in the Pakistan topic (id 0); after, the topics are
    renumbered (courts 0, Pakistan 1) and the headline is in courts: one move; the Asia Bibi
    line stays in Pakistan under another id: no move."""
    before = _build(tmp_path / "before", [0, 0], [PAKISTAN, COURTS])
    after = _build(tmp_path / "after", [0, 1], [COURTS, PAKISTAN])
    found = topic_moves.moves(before, after)
    assert [(m[0], m[3], m[4]) for m in found] == [("a", " · ".join(PAKISTAN), " · ".join(COURTS))]


def test_the_verdict_reads_the_choice_against_the_key(tmp_path: Path) -> None:
    found = [("a", 0, TEXTS[0], "пакистан", "суд", "Улюкаев")]
    rows, key = topic_moves.sheet(found, 60, 60)
    assert len(rows) == 1 and {rows[0]["topic_1"], rows[0]["topic_2"]} == {"пакистан", "суд"}
    court_is = 1 if rows[0]["topic_1"] == "суд" else 2
    assert topic_moves.verdict(str(court_is), key[0]["before_is"]) == "right only after"
    assert topic_moves.verdict(str(3 - court_is), key[0]["before_is"]) == "right only before"
    assert topic_moves.verdict("neither", key[0]["before_is"]) == "neither"


def test_a_topic_whose_terms_shift_a_little_is_the_same_topic(tmp_path: Path) -> None:
    """After, the courts topic reads "суд · уголовный · адвокат" (two of its three terms kept)
    and the Pakistan topic loses "казнь" for "приговор": neither paragraph moves."""
    before = _build(tmp_path / "before", [0, 1], [COURTS, PAKISTAN])
    shifted = [["суд", "уголовный", "адвокат"], ["пакистан", "богохульство", "приговор"]]
    after = _build(tmp_path / "after", [0, 1], shifted)
    assert topic_moves.moves(before, after) == []
