"""docs/data-contract.md, pipeline/schema.py and the written Parquet files agree."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
from conftest import ROOT

from pipeline.schema import TABLES

DOC = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")


def documented_columns(table: str) -> list[tuple[str, str, bool]]:
    section = DOC.split(f"## {table}.parquet", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([\w<>]+) \| (yes|no) \|", section, re.M)
    return [(name, kind, null == "yes") for name, kind, null in rows]


def test_docs_describe_every_column_in_order() -> None:
    for name, schema in TABLES.items():
        declared = [(f.name, str(f.type), f.nullable) for f in schema]
        assert documented_columns(name) == [
            (
                column,
                {"date32[day]": "date", "list<item: string>": "list<string>"}.get(kind, kind),
                null,
            )
            for column, kind, null in declared
        ]


def test_written_files_match_the_schema(seed_build) -> None:
    for name, schema in TABLES.items():
        written = pq.read_schema(seed_build / f"{name}.parquet")
        assert written.equals(schema, check_metadata=False)
        assert all(f.metadata[b"description"] for f in written)


def test_a_speaker_is_an_entity_of_a_kind_that_speaks(seed_build) -> None:
    # quotes.speaker_entity_id: a person, an organisation, a place for its government or a
    # medium on its own account
    entities = pq.read_table(seed_build / "entities.parquet").to_pylist()
    types = {e["entity_id"]: e["type"] for e in entities}
    quotes = pq.read_table(seed_build / "quotes.parquet").to_pylist()
    speakers = {q["speaker_entity_id"] for q in quotes if q["speaker_entity_id"]}
    assert speakers and {types[s] for s in speakers} <= {"PER", "ORG", "LOC", "MEDIUM"}
