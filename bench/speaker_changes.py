"""The quotes whose speaker a change of the speaker rules sets or alters, between two builds
of the same corpus: counts, the share of quotes without a speaker in each, and a seeded sample
to judge by hand (`bench/labels/quotes_audit_guide.md`).

Usage: python bench/speaker_changes.py BEFORE AFTER --seed N [--n 60] [--out SHEET.tsv]
The sheet has the text to judge by (headline, lead, the sentences before, the quote's
sentences marked as in the audit sheets); `after_ok` and `note` are left to fill. The quotes
drawn are those of lowest hash of (seed, article, span)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_entities import seeded_hash, write_sheet  # noqa: E402
from audit_quotes import _row  # noqa: E402

COLUMNS = ("n", "article_id", "start", "stop", "cue", "source", "before", "after")
JUDGED = ("after_ok", "note")
TEXT = ("headline", "lead", "before_text", "context", "source_context")

_CHANGED = """
SELECT q.article_id, q.start, q.stop, q.kind, q.cue, q.speaker_surface,
       q.speaker_start, q.speaker_stop, e.name AS speaker, e.type AS speaker_type,
       eb.name AS before
FROM a.quotes q
JOIN b.quotes p USING (article_id, start, stop)
LEFT JOIN a.entities e ON e.entity_id = q.speaker_entity_id
LEFT JOIN b.entities eb ON eb.entity_id = p.speaker_entity_id
WHERE q.speaker_entity_id IS DISTINCT FROM p.speaker_entity_id
"""


def _unnamed(db: duckdb.DuckDBPyConnection, name: str) -> str:
    total, none = db.execute(
        f"SELECT count(*), count(*) FILTER (WHERE speaker_entity_id IS NULL) FROM {name}.quotes"
    ).fetchone()
    return f"{none}/{total} = {none / total:.2%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    db = duckdb.connect()
    for name, path in (("b", args.before), ("a", args.after)):
        db.execute(f"CREATE SCHEMA {name}")
        for table in ("quotes", "entities", "articles", "sentences"):
            db.execute(f"CREATE VIEW {name}.{table} AS SELECT * FROM '{path / table}.parquet'")
    print("quotes without a speaker, before:", _unnamed(db, "b"), " after:", _unnamed(db, "a"))
    rows = db.execute(_CHANGED).fetchall()
    names = [d[0] for d in db.description]
    changed = [dict(zip(names, r, strict=True)) for r in rows]
    set_ = sum(1 for r in changed if r["before"] is None)
    cleared = sum(1 for r in changed if r["speaker"] is None)
    print(f"changed: {len(changed)} (set {set_}, cleared {cleared}, altered", end=" ")
    print(f"{len(changed) - set_ - cleared})")
    keyed = {(r["article_id"], r["start"], r["stop"]): r for r in changed}
    picked = sorted(keyed, key=lambda k: seeded_hash(args.seed, *k))[: args.n]
    if not args.out:
        return
    rows = []
    for i, k in enumerate(sorted(picked), 1):
        text, title_stop = db.execute(
            "SELECT text, title_stop FROM a.articles WHERE article_id = ?", [k[0]]
        ).fetchone()
        bounds = db.execute(
            "SELECT start, stop FROM a.sentences WHERE article_id = ? ORDER BY start", [k[0]]
        ).fetchall()
        row = _row(keyed[k], text, title_stop, bounds)
        row["before_text"], row["before"] = row["before"], keyed[k]["before"] or ""
        row["after"] = keyed[k]["speaker"] or ""
        rows.append({"n": i, **row})
    write_sheet(rows, args.out, (*COLUMNS, *JUDGED, *TEXT))


if __name__ == "__main__":
    main()
