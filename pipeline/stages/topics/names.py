"""The named entities that characterise each topic, for its label ("сирия · военный · операция
— Башар Асад, Россия"): people, places and organisations whose mentions concentrate in the
topic's paragraphs. Run once the `paragraphs` (with their topics) and `mentions` are written."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipeline.runtime.sql import query

#: Entities kept per topic, and how many of them the label shows.
KEPT, IN_LABEL = 5, 2
#: An entity characterises a topic when it is in at least `MIN_PARAGRAPHS` of the topic's
#: paragraphs and at least `MIN_LIFT` times as common there as in all paragraphs.
MIN_PARAGRAPHS, MIN_LIFT = 20, 2.0

#: Per topic, its entities by how much of the topic they explain: n_te * ln(lift), the
#: entity's share of the topic's pointwise mutual information with it (n_te: the topic's
#: paragraphs that mention it; lift: how much likelier it is in them than in any paragraph).
#: Media are left out: they say where a paragraph comes from, not what it is about.
_SCORED = """
    WITH para AS (
        SELECT article_id, paragraph, topic_id
        FROM read_parquet($paragraphs) WHERE topic_id IS NOT NULL
    ), named AS (
        SELECT DISTINCT p.topic_id, p.article_id, p.paragraph, m.entity_id
        FROM read_parquet($mentions) m JOIN para p USING (article_id, paragraph)
        WHERE m.type <> 'MEDIUM'
    ), te AS (
        SELECT topic_id, entity_id, count(*) AS n_te FROM named GROUP BY topic_id, entity_id
    ), e AS (
        SELECT entity_id, count(*) AS n_e FROM named GROUP BY entity_id
    ), t AS (
        SELECT topic_id, count(*) AS n_t FROM para GROUP BY topic_id
    ), scored AS (
        SELECT te.topic_id, te.entity_id, n_te,
               (n_te / n_t) / (n_e / (SELECT count(*) FROM para)) AS lift
        FROM te JOIN e USING (entity_id) JOIN t USING (topic_id)
        WHERE n_te >= $least
    )
    SELECT topic_id, entity_id, n.name
    FROM scored JOIN entities n USING (entity_id)
    WHERE lift >= $lift
    ORDER BY topic_id, n_te * ln(lift) DESC, entity_id
"""
_FOUND = pa.schema([("topic_id", pa.int32()), ("entity_id", pa.string()), ("name", pa.string())])


def name_topics(topics: pa.Table, paragraphs: Path, mentions: Path, entities: pa.Table) -> pa.Table:
    """`topics` with their `entities` (the names of up to `KEPT`, most characteristic first) and
    the first `IN_LABEL` of them after the label's terms. An entity whose name is one of the
    label's terms ('сирия', 'нато') is not repeated."""
    found = query(
        _SCORED,
        _FOUND,
        {
            "paragraphs": str(paragraphs),
            "mentions": str(mentions),
            "least": MIN_PARAGRAPHS,
            "lift": MIN_LIFT,
        },
        entities=entities.select(["entity_id", "name"]),
    )
    by_topic: dict[int, list[str]] = {}
    for topic, name in zip(found["topic_id"].to_pylist(), found["name"].to_pylist(), strict=True):
        by_topic.setdefault(topic, []).append(name)
    labels, names = [], []
    for topic, label in zip(
        topics["topic_id"].to_pylist(), topics["label"].to_pylist(), strict=True
    ):
        terms = set(label.split(" · "))
        kept = [n for n in by_topic.get(topic, []) if n.lower() not in terms][:KEPT]
        names.append(kept)
        labels.append(f"{label} — {', '.join(kept[:IN_LABEL])}" if kept else label)
    at = topics.schema.get_field_index
    topics = topics.set_column(
        at("label"), topics.schema.field("label"), pa.array(labels, pa.string())
    )
    return topics.set_column(
        at("entities"), topics.schema.field("entities"), pa.array(names, pa.list_(pa.string()))
    )
