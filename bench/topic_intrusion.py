"""Topic intrusion, read by a person (issue 27; Chang et al. 2009, "Reading Tea Leaves").

    python bench/topic_intrusion.py sheet --data DIR [--seed N] --out SHEET.tsv
    python bench/topic_intrusion.py score SHEET.tsv [--data DIR]
    python bench/topic_intrusion.py labels SHEET.tsv OUT.tsv

`sheet` draws, for every topic of the build, five of its paragraphs and one intruder, and
shuffles the six. A topic's paragraphs have a score of their own (not their article's topic for
want of one), 120 to 900 characters and a text no other drawn paragraph has; the five are those
of lowest hash of the seed and the paragraph. The intruder is a paragraph another topic (drawn
by hash for each topic) holds firmly, its score at least that topic's median, and that is not
among that topic's own five. Which row is the intruder is
written to SHEET.key.tsv, which the judge does not read. How to judge:
bench/labels/topic_intrusion_guide.md.

`score` prints, per topic and overall, how many of the five paragraphs fit the topic, whether
the intruder was spotted and what the label is (a theme, phrasing, junk or a mix); with
`--data`, the share of the build's paragraphs without a score of their own. `labels` keeps a
judged sheet with its key and without the corpus's text, to commit; `score` reads either.
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

SHOWN = 5
SHORTEST, LONGEST = 120, 900
JUDGED = ("fits", "intruder", "label_kind", "note")
COLUMNS = ("topic_id", "label", "terms", "item", "article_id", "paragraph", "text", *JUDGED)
KEY = ("topic_id", "item", "intruder")
LABELS = (*(c for c in COLUMNS if c != "text"), "is_intruder")
LABEL_KINDS = ("theme", "phrasing", "junk", "mixed")

_CANDIDATES = f"""
    SELECT p.topic_id, p.article_id, p.paragraph, p.text, p.topic_score,
           p.topic_score >= median(p.topic_score) OVER (PARTITION BY p.topic_id) AS firm
    FROM read_parquet(?) p
    WHERE p.topic_score IS NOT NULL AND length(p.text) BETWEEN {SHORTEST} AND {LONGEST}
    QUALIFY count(*) OVER (PARTITION BY p.text) = 1
"""


def sheet(data: Path, seed: int) -> tuple[list[dict], list[dict]]:
    """The rows to judge and their key (which row is each topic's intruder)."""
    con = duckdb.connect()
    topics = con.execute(
        "SELECT topic_id, label, terms FROM read_parquet(?) ORDER BY topic_id",
        [str(data / "topics.parquet")],
    ).fetchall()
    candidates = con.execute(_CANDIDATES, [str(data / "paragraphs.parquet")]).fetchall()
    by_topic: dict[int, list[tuple]] = {}
    for row in sorted(candidates, key=lambda r: seeded_hash(seed, r[1], r[2])):
        by_topic.setdefault(row[0], []).append(row)
    rows, key = [], []
    ids = [t[0] for t in topics]
    for topic_id, label, terms in topics:
        own = by_topic.get(topic_id, [])[:SHOWN]
        other = min((t for t in ids if t != topic_id), key=lambda t: seeded_hash(seed, topic_id, t))
        firm = [r for r in by_topic.get(other, [])[SHOWN:] if r[5]]  # none of its shown five
        intruder = min(firm, key=lambda r: seeded_hash(seed, topic_id, r[1], r[2]), default=None)
        drawn = [(r, False) for r in own] + ([(intruder, True)] if intruder else [])
        drawn.sort(key=lambda d: seeded_hash(seed, "shown", topic_id, d[0][1], d[0][2]))
        for item, (r, intrudes) in enumerate(drawn, 1):
            rows.append(
                {
                    "topic_id": topic_id,
                    "label": label,
                    "terms": " · ".join(terms),
                    "item": item,
                    "article_id": r[1],
                    "paragraph": r[2],
                    "text": " ".join(r[3].split()),
                }
            )
            key.append({"topic_id": topic_id, "item": item, "intruder": "x" if intrudes else ""})
    return rows, key


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _truth(path: Path, rows: list[dict]) -> dict[tuple[str, str], bool]:
    """Which rows are intruders: from a labels file's own column, else from the sheet's key."""
    if rows and "is_intruder" in rows[0]:
        return {(r["topic_id"], r["item"]): r["is_intruder"] == "x" for r in rows}
    return {(r["topic_id"], r["item"]): r["intruder"] == "x" for r in _read(_key_path(path))}


def labels(path: Path, out: Path) -> None:
    rows = _read(path)
    truth = _truth(path, rows)
    for r in rows:
        r["is_intruder"] = "x" if truth[r["topic_id"], r["item"]] else ""
    write_sheet(rows, out, LABELS)


def score(path: Path, data: Path | None) -> None:
    rows = _read(path)
    truth = _truth(path, rows)
    fits, shown, spotted, kinds = Counter(), Counter(), Counter(), Counter()
    labels = {}
    for r in rows:
        topic = r["topic_id"]
        labels.setdefault(topic, r["label"])
        if r["label_kind"]:
            kinds[topic] = r["label_kind"]
        if truth[topic, r["item"]]:
            spotted[topic] += r["intruder"] == "x"
        else:
            shown[topic] += 1
            fits[topic] += r["fits"] == "y"
    print(f"{'topic':>5}  {'fit':>5}  {'intruder':>8}  {'label':<9}  label")
    for topic in labels:
        found = "yes" if spotted[topic] else "no"
        print(
            f"{topic:>5}  {fits[topic]}/{shown[topic]:<3}  {found:>8}  {kinds[topic]:<9}  "
            f"{labels[topic]}"
        )
    total, fitting = sum(shown.values()), sum(fits.values())
    print(f"paragraphs that fit their topic   {fitting}/{total} = {fitting / max(total, 1):.3f}")
    print(f"topics whose intruder is spotted  {sum(spotted.values())}/{len(labels)}")
    bad = sum(kinds[t] in ("phrasing", "junk") for t in labels)
    print(
        f"labels that are phrasing or junk  {bad}/{len(labels)} ({dict(Counter(kinds.values()))})"
    )
    if data is not None:
        ((none, all_),) = duckdb.execute(
            "SELECT count(*) FILTER (topic_score IS NULL), count(*) FROM read_parquet(?) "
            "WHERE topic_id IS NOT NULL",
            [str(data / "paragraphs.parquet")],
        ).fetchall()
        print(f"paragraphs without a score of their own  {none}/{all_} = {none / all_:.3f}")


def _key_path(path: Path) -> Path:
    return path.with_suffix(".key.tsv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("sheet", help="draw paragraphs and intruders to judge")
    make.add_argument("--data", type=Path, required=True)
    make.add_argument("--seed", type=int, default=1)
    make.add_argument("--out", type=Path, required=True)
    judge = sub.add_parser("score", help="the figures of a judged sheet")
    judge.add_argument("sheet", type=Path)
    judge.add_argument("--data", type=Path)
    keep = sub.add_parser("labels", help="a judged sheet without the corpus's text, to commit")
    keep.add_argument("sheet", type=Path)
    keep.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "labels":
        labels(args.sheet, args.out)
    elif args.command == "sheet":
        rows, key = sheet(args.data, args.seed)
        write_sheet(rows, args.out, COLUMNS)
        write_sheet(key, _key_path(args.out), KEY)
        print(f"{args.out}: {len(rows)} paragraphs of {len({r['topic_id'] for r in rows})} topics")
    else:
        score(args.sheet, args.data)


if __name__ == "__main__":
    main()
