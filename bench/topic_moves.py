"""Paragraphs whose topic changes between two builds of the same topics, judged blind.

    python bench/topic_moves.py sheet BEFORE AFTER --seed S [--n 60] --out SHEET.tsv
    python bench/topic_moves.py score SHEET.tsv

`sheet` lists the paragraphs that have a topic in both builds and a different one (topics are
matched by their ten terms: the same topic when they share half of them or more, so ids
renumbered by size, or a topic whose terms shift a little, do not count as moves), draws `n` of them
by hash of the seed and the paragraph, and shows each paragraph with the two topics' labels
in an order drawn by hash ("topic_1", "topic_2"); which one is the build before is written to
SHEET.key.tsv. The judge fills `choice`: 1 or 2 (only that topic fits), "both" or "neither".
`score` reads the sheet with its key and prints right only after / right only before / both /
neither, and writes SHEET.labels.tsv (the verdicts with the key, without the text) to commit.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_entities import seeded_hash, write_sheet  # noqa: E402

COLUMNS = ("n", "article_id", "paragraph", "title", "text", "topic_1", "topic_2", "choice", "note")
KEY = ("n", "before_is")
LABELS = ("n", "article_id", "paragraph", "label_before", "label_after", "verdict", "note")
VERDICTS = ("right only after", "right only before", "both", "neither")

_MOVES = """
    WITH b AS (SELECT p.article_id, p.paragraph, p.text, t.label, t.terms
               FROM read_parquet($1) p JOIN read_parquet($2) t USING (topic_id)),
         a AS (SELECT p.article_id, p.paragraph, t.label, t.terms
               FROM read_parquet($3) p JOIN read_parquet($4) t USING (topic_id))
    SELECT b.article_id, b.paragraph, b.text, b.label, a.label, r.title
    FROM b JOIN a USING (article_id, paragraph)
    JOIN read_parquet($5) r USING (article_id)
    WHERE 2 * len(list_intersect(b.terms, a.terms)) < len(b.terms)
"""


def moves(before: Path, after: Path) -> list[tuple]:
    """(article_id, paragraph, text, label before, label after, title) of every move."""
    return (
        duckdb.connect()
        .execute(
            _MOVES,
            [
                str(before / "paragraphs.parquet"),
                str(before / "topics.parquet"),
                str(after / "paragraphs.parquet"),
                str(after / "topics.parquet"),
                str(after / "articles.parquet"),
            ],
        )
        .fetchall()
    )


def sheet(found: list[tuple], seed: int, n: int) -> tuple[list[dict], list[dict]]:
    """The `n` moves of lowest hash, each with its two labels in a drawn order, and the key."""
    drawn = sorted(found, key=lambda m: seeded_hash(seed, m[0], m[1]))[:n]
    rows, key = [], []
    for number, (article, paragraph, text, before, after, title) in enumerate(drawn, 1):
        first = int(seeded_hash(seed, "order", article, paragraph), 16) % 2 + 1
        labels = (before, after) if first == 1 else (after, before)
        rows.append(
            {
                "n": number,
                "article_id": article,
                "paragraph": paragraph,
                "title": title,
                "text": " ".join(text.split()),
                "topic_1": labels[0],
                "topic_2": labels[1],
            }
        )
        key.append({"n": number, "before_is": first})
    return rows, key


def verdict(choice: str, before_is: int) -> str:
    """The judge's choice of topic_1/topic_2/both/neither as a verdict on the move."""
    if choice in ("both", "neither"):
        return choice
    return "right only before" if int(choice) == before_is else "right only after"


def score(path: Path) -> Counter:
    """The verdicts of a judged sheet; its labels (with the key, without text) written beside."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with path.with_suffix(".key.tsv").open(encoding="utf-8") as f:
        before_is = {r["n"]: int(r["before_is"]) for r in csv.DictReader(f, delimiter="\t")}
    for row in rows:
        first = before_is[row["n"]] == 1
        row["verdict"] = verdict(row["choice"], before_is[row["n"]])
        row["label_before"] = row["topic_1"] if first else row["topic_2"]
        row["label_after"] = row["topic_2"] if first else row["topic_1"]
    write_sheet(rows, path.with_suffix(".labels.tsv"), LABELS)
    return Counter(r["verdict"] for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    drawn = sub.add_parser("sheet")
    drawn.add_argument("before", type=Path)
    drawn.add_argument("after", type=Path)
    drawn.add_argument("--seed", type=int, required=True)
    drawn.add_argument("--n", type=int, default=60)
    drawn.add_argument("--out", type=Path, required=True)
    judged = sub.add_parser("score")
    judged.add_argument("sheet", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        found = moves(args.before, args.after)
        rows, key = sheet(found, args.seed, args.n)
        write_sheet(rows, args.out, COLUMNS)
        write_sheet(key, args.out.with_suffix(".key.tsv"), KEY)
        print(f"{len(found)} paragraphs change topic; {len(rows)} drawn")
    else:
        counts = score(args.sheet)
        for v in VERDICTS:
            print(f"{v}: {counts[v]}")


if __name__ == "__main__":
    main()
