"""bench/audit_entities.py's score counts what the guide asks for: a duplicate is a higher
row's rank, and a cell against the convention is named and not counted."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import audit_entities  # noqa: E402


def test_a_duplicate_is_a_rank_and_stray_marks_are_named(capsys) -> None:
    # Seed 37's sheet: Путин (rank 1, no higher row) was marked 'n' in `duplicate`, which the
    # guide does not allow; Совбез (rank 99 of the organisations) duplicates rank 70.
    audit_entities.score(ROOT / "bench/labels/entities_audit_seed37_report.tsv")
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("not counted, against the guide: line ")
    assert "(Владимир Путин): duplicate = 'n'" in printed[0]
    figures = dict(re.split(r"\s{2,}", line, maxsplit=1) for line in printed[1:])
    assert figures["top 150 people: duplicate rows"] == "0"
    assert figures["top 100 organisations and places: duplicate rows"] == "1"
