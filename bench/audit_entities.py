"""Audit of a build's actors and countries, read by a person.

    python bench/audit_entities.py sheet --data DIR --seed N --out SHEET.tsv [--judged OLD.tsv ...]
    python bench/audit_entities.py score SHEET.tsv

`sheet` writes a TSV to judge by hand: the top 150 people and the top 100 organisations and
places (with their aliases, role and country), a sample of 200 mentions of people and
organisations (100 each: span in its sentence, normal form, entity) and a sample of 100
country links (span in its sentence, country, via). Samples are the items with the lowest hash
of (seed, item), so the same mention is drawn from any build that still has it, and judgements
of an earlier sheet (`--judged`) carry over to items that are unchanged.

Judgement columns (`y` right, `n` wrong, empty when not judged or not applicable):
- the top 50 actors the Actors page ranks by default: `medium` (`y` when the row is a news
  agency, outlet, platform or "the media");
- top rows: `duplicate` (rank of a higher row that is the same entity), `merge_ok` (every alias
  names this one entity), `country_ok` (the country is right; empty when none is filled);
- mentions: `normal_ok` (the nominative form of what the span names, gender and all),
  `entity_ok` (the span belongs to the entity's row);
- links: `link_ok` (the span is about, or belongs to, that country).

`score` prints the figures issue 25 asks for from a judged sheet; `labels` keeps a judged
sheet without the corpus's sentences (names, keys and digests only), to commit: `--judged`
and `score` read either.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import duckdb

TOP_ACTORS, TOP_PEOPLE, TOP_OTHERS, MENTIONS_PER_KIND, LINKS = 50, 150, 100, 100, 100
JUDGED = ("duplicate", "merge_ok", "country_ok", "medium", "normal_ok", "entity_ok", "link_ok")
COLUMNS = ("section", "rank", "key", "name", "type", "n_articles", "detail", "digest", "context")
COLUMNS += JUDGED
#: What `labels` keeps of a judged sheet: no text of the corpus, only names, keys and digests.
LABELS = tuple(c for c in COLUMNS if c != "context")
#: What identifies an item across builds, per section: judgements carry over when it matches.
_SAME = {
    "actor": ("name",),
    "person": ("name", "detail", "digest"),
    "other": ("name", "detail", "digest"),
    "mention": ("key", "name", "detail"),
    "link": ("key", "name", "detail"),
}
_WIDTH = 160  # characters of context on each side of a span


def seeded_hash(seed: int, *parts: object) -> str:
    """The order in which a seed draws items: the same item, the same place, in any build."""
    return hashlib.sha1("\0".join(map(str, (seed, *parts))).encode()).hexdigest()


def _context(text: str, start: int, stop: int, lo: int, hi: int) -> str:
    lo, hi = max(lo, start - _WIDTH), min(hi, stop + _WIDTH)
    flat = f"{text[lo:start]}[[{text[start:stop]}]]{text[stop:hi]}"
    return " ".join(flat.split())


def _tops(db: duckdb.DuckDBPyConnection, types: tuple[str, ...], limit: int, section: str):
    rows = db.execute(
        f"""
        SELECT name, type, n_articles, aliases, country, role FROM entities
        WHERE type IN ({", ".join("?" * len(types))})
        ORDER BY n_articles DESC, name LIMIT ?
        """,
        [*types, limit],
    ).fetchall()
    for rank, (name, kind, n, aliases, country, role) in enumerate(rows, 1):
        detail = f"country={country or ''}; role={role or ''}"
        yield {
            "section": section,
            "rank": rank,
            "key": "",
            "name": name,
            "type": kind,
            "n_articles": n,
            "detail": detail,
            "context": " | ".join(aliases[:25])
            + (f" | … {len(aliases)} in all" * (len(aliases) > 25)),
        }


def _spans(db, table: str, where: str, columns: str, seed: int, limit: int):
    """The `limit` rows of `table` (with sentence bounds and text) of lowest hash."""
    rows = db.execute(
        f"""
        SELECT t.article_id, t.start, t.stop, {columns}, s.start, s.stop
        FROM {table} t JOIN sentences s USING (article_id, sentence)
        WHERE {where}
        """
    ).fetchall()
    picked = sorted(rows, key=lambda r: seeded_hash(seed, table, r[0], r[1], r[2]))[:limit]
    texts = dict(
        db.execute(
            "SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest(?))",
            [sorted({r[0] for r in picked})],
        ).fetchall()
    )
    return [(r, texts[r[0]]) for r in picked]


def sheet(data: Path, seed: int) -> list[dict]:
    db = duckdb.connect()
    for table in ("entities", "mentions", "sentences", "articles", "country_mentions"):
        path = str(data / f"{table}.parquet").replace("'", "''")
        db.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    rows = [*_tops(db, ("PER", "ORG"), TOP_ACTORS, "actor")]
    rows += _tops(db, ("PER",), TOP_PEOPLE, "person")
    rows += _tops(db, ("ORG", "LOC", "MEDIUM"), TOP_OTHERS, "other")
    joined = """(SELECT m.*, e.name AS entity, e.type AS kind
        FROM mentions m JOIN entities e USING (entity_id))"""
    for kinds in (("PER",), ("ORG", "MEDIUM")):
        where = "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"
        picked = _spans(db, joined, where, "t.normal, t.entity, t.kind", seed, MENTIONS_PER_KIND)
        for (aid, start, stop, normal, entity, kind, lo, hi), text in picked:
            rows.append(
                {
                    "section": "mention",
                    "key": f"{aid}:{start}:{stop}",
                    "name": normal,
                    "type": kind,
                    "detail": f"entity={entity}",
                    "context": _context(text, start, stop, lo, hi),
                }
            )
    picked = _spans(db, "country_mentions", "TRUE", "t.country, t.via", seed, LINKS)
    for (aid, start, stop, country, via, lo, hi), text in picked:
        rows.append(
            {
                "section": "link",
                "key": f"{aid}:{start}:{stop}",
                "name": country,
                "type": via,
                "detail": f"via={via}",
                "context": _context(text, start, stop, lo, hi),
            }
        )
    return rows


def _carry(rows: list[dict], judged: Path) -> int:
    """Copy judgements from an earlier sheet to the same items; how many were carried."""
    with judged.open(encoding="utf-8") as f:
        old = {
            (r["section"], *(r.get(c) or _digest(r) for c in _SAME[r["section"]])): r
            for r in csv.DictReader(f, delimiter="\t")
        }
    # A duplicate names the rank of a higher row; ranks move between builds, names do not.
    old_names = {(r["section"], r.get("rank")): r["name"] for r in old.values()}
    new_ranks = {(r["section"], r["name"]): str(r.get("rank", "")) for r in rows}
    carried = 0
    for row in rows:
        found = old.get((row["section"], *(str(row.get(c, "")) for c in _SAME[row["section"]])))
        if found and any(found[c] for c in JUDGED) and not any(row.get(c) for c in JUDGED):
            row.update({c: found[c] for c in JUDGED})
            if found["duplicate"]:
                name = old_names.get((row["section"], found["duplicate"]))
                row["duplicate"] = new_ranks.get((row["section"], name), found["duplicate"])
            carried += 1
    return carried


def _digest(row: dict) -> str:
    """A short digest of the row's context: what identifies a row's aliases in a labels file."""
    return hashlib.sha1(row["context"].encode()).hexdigest()[:12]


def _share(rows: list[dict], column: str) -> str:
    marks = Counter(r[column] for r in rows if r[column] in ("y", "n"))
    total = marks["y"] + marks["n"]
    return f"{marks['y']}/{total} = {marks['y'] / total:.3f}" if total else "not judged"


def _misjudged(rows: list[dict]) -> list[str]:
    """The judgement cells that break the guide's convention: `y`, `n` or empty, and in
    `duplicate` a higher row's rank or empty."""
    found = []
    for number, row in enumerate(rows, 2):  # line numbers of the file, after the header
        for column in JUDGED:
            value = row.get(column) or ""
            ok = value.isdigit() if column == "duplicate" else value in ("y", "n")
            if value and not ok:
                found.append(f"line {number} ({row['name']}): {column} = {value!r}")
    return found


def score(path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for line in _misjudged(rows):
        print(f"not counted, against the guide: {line}")
    by = lambda section, kinds=None: [  # noqa: E731
        r for r in rows if r["section"] == section and (kinds is None or r["type"] in kinds)
    ]
    people = by("person")
    filled = [r for r in people if "country=;" not in r["detail"]]
    lines = [
        ("top 150 people: duplicate rows", sum(r["duplicate"].isdigit() for r in people)),
        ("top 150 people: wrong merges", sum(r["merge_ok"] == "n" for r in people)),
        ("top 150 people: country right where filled", _share(filled, "country_ok")),
        ("top 150 people: with a country", f"{len(filled)}"),
        (
            "top 100 organisations and places: duplicate rows",
            sum(r["duplicate"].isdigit() for r in by("other")),
        ),
        (
            "top 100 organisations and places: wrong merges",
            sum(r["merge_ok"] == "n" for r in by("other")),
        ),
        (
            "top 100 organisations and places: country right where filled",
            _share([r for r in by("other") if "country=;" not in r["detail"]], "country_ok"),
        ),
        ("media among the top 50 actors", sum(r["medium"] == "y" for r in by("actor"))),
        ("person mentions: normal form right", _share(by("mention", {"PER"}), "normal_ok")),
        ("person mentions: in the right entity", _share(by("mention", {"PER"}), "entity_ok")),
        (
            "organisation mentions: normal form right",
            _share(by("mention", {"ORG", "MEDIUM"}), "normal_ok"),
        ),
        (
            "organisation mentions: in the right entity",
            _share(by("mention", {"ORG", "MEDIUM"}), "entity_ok"),
        ),
        ("country links right", _share(by("link"), "link_ok")),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("sheet")
    make.add_argument("--data", type=Path, required=True)
    make.add_argument("--seed", type=int, default=1)
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--judged", type=Path, nargs="*", default=[], help="earlier sheets")
    judge = sub.add_parser("score")
    judge.add_argument("sheet", type=Path)
    keep = sub.add_parser("labels", help="a judged sheet without the corpus's text, to commit")
    keep.add_argument("sheet", type=Path)
    keep.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "score":
        score(args.sheet)
        return
    if args.command == "labels":
        with args.sheet.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        write_sheet(rows, args.out, LABELS)
        return
    rows = sheet(args.data, args.seed)
    for row in rows:
        row["digest"] = _digest(row)
    for judged in args.judged:
        print(f"judgements carried over from {judged}: {_carry(rows, judged)}", file=sys.stderr)
    write_sheet(rows, args.out, COLUMNS)
    print(f"{args.out}: {len(rows)} items to judge", file=sys.stderr)


def read_sheet(path: Path) -> list[dict]:
    """A TSV sheet's rows."""
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def change_sheets(
    doc: str,
    draw: Callable[[Path, Path, int, int], list[dict]],
    columns: tuple[str, ...],
    labels: tuple[str, ...],
    *,
    seed: int,
    n: int,
) -> list[dict] | None:
    """The command line of a sheet of changes between two builds: `sheet --before A --after B
    --out S` writes the rows `draw(before, after, seed, n)` gives, to judge; `labels SHEET OUT`
    writes a judged sheet without the corpus's text, to commit, and returns its rows."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("sheet", help="draw changed items to judge")
    make.add_argument("--before", type=Path, required=True, help="the build before the change")
    make.add_argument("--after", type=Path, required=True, help="the build after it")
    make.add_argument("--seed", type=int, default=seed)
    make.add_argument("--n", type=int, default=n, help="items to draw")
    make.add_argument("--out", type=Path, required=True)
    keep = sub.add_parser("labels", help="a judged sheet without the corpus's text, to commit")
    keep.add_argument("sheet", type=Path)
    keep.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        write_sheet(draw(args.before, args.after, args.seed, args.n), args.out, columns)
        return None
    rows = read_sheet(args.sheet)
    write_sheet(rows, args.out, labels)
    return rows


def write_sheet(rows: list[dict], path: Path, columns: tuple[str, ...]) -> None:
    """A judging sheet or its labels: TSV, the `columns` of each row in order."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(
            f, columns, delimiter="\t", extrasaction="ignore", restval="", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
