"""Benchmark: which person mentions a change to the name rules renames, replayed over a build's
article cache without NER (issue 25).

- `reread`: every PER raw mention of a cache file read again by the per-article code on the
  import path (`ner._person_readings`: readings, shown gender, first reading), written as a
  RAW_MENTIONS parquet. Run once with the old code (PYTHONPATH=<old tree>) and once with the
  new: with the same code it reproduces the cache.
- `choose`: the corpus's choice of a name per mention (`names.chosen_readings`, glued spans
  split as the entity stage does) over such a parquet, as a parquet of article_id, start,
  stop, surface and name.
- `sample`: the mentions whose chosen name differs between two `choose` outputs, a seeded
  sample of them with their sentence's text, as a TSV to judge by hand (columns `before_ok`
  and `after_ok` left empty).

Usage: python bench/person_normal_changes.py reread CACHE.raw_mentions.parquet ARTICLES OUT
       python bench/person_normal_changes.py choose RAW.parquet OUT
       python bench/person_normal_changes.py sample BEFORE AFTER ARTICLES OUT.tsv
       [--seed N] [--size N]
(ARTICLES: a build's articles.parquet; the cache's sentences parquet sits beside its raw
mentions.)
"""

from __future__ import annotations

import argparse
import csv
import random

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.nlp import ner
from pipeline.nlp.models import plain_hyphens
from pipeline.stages.entities.glued import glued_spans, unglued_spans
from pipeline.stages.entities.names import chosen_readings
from pipeline.stages.mentions import reading_key


def reread(raw_path: str, articles: str, out: str) -> None:
    raw = pq.read_table(raw_path)
    sentences = raw_path.replace(".raw_mentions.", ".sentences.")
    con = duckdb.connect()
    query = f"select article_id, sentence, start, stop from '{sentences}'"
    bounds = {(a, s): (start, stop) for a, s, start, stop in con.execute(query).fetchall()}
    texts = dict(con.execute(f"select article_id, text from '{articles}'").fetchall())
    rows, plain = raw.to_pylist(), {}
    for row in rows:
        if row["type"] != "PER":
            continue
        article = row["article_id"]
        text = plain.setdefault(article, plain_hyphens(texts[article]))
        start, stop = bounds[article, row["sentence"]]
        readings, gender = ner._person_readings(text, start, stop, row["start"], row["stop"])
        row["readings"] = [{"score": s, "name": n} for s, n in readings]
        row["gender"], row["name"] = gender, readings[0][1]
    pq.write_table(pa.Table.from_pylist(rows, schema=raw.schema), out)


def choose(raw_path: str, out: str) -> None:
    raw = pq.read_table(raw_path)
    found = chosen_readings([raw])
    raw = unglued_spans(raw, glued_spans(found.counts, found.spans))
    chosen = chosen_readings([raw]).chosen
    people = raw.filter(pa.compute.equal(raw["type"], "PER"))
    fields = ("article_id", "start", "stop", "surface", "gender", "name")
    columns = dict(zip(fields, (people[c].to_pylist() for c in fields), strict=True))
    names = [
        chosen.get(reading_key(s, g), (n,))[0]
        for s, g, n in zip(columns["surface"], columns["gender"], columns["name"], strict=True)
    ]
    table = pa.table({**{f: columns[f] for f in fields[:4]}, "name": names})
    pq.write_table(table, out)


def sample(before: str, after: str, articles: str, out: str, seed: int, size: int) -> None:
    con = duckdb.connect()
    rows = con.execute(
        f"""select b.article_id, b.start, b.stop, b.surface, b.name, a.name,
            substr(t.text, greatest(b.start - 120, 0) + 1, least(b.start, 120)
                   + b.stop - b.start + 80)
        from '{before}' b join '{after}' a using (article_id, start, stop, surface)
        join '{articles}' t using (article_id)
        where a.name <> b.name order by b.article_id, b.start"""
    ).fetchall()
    print(f"{len(rows)} mentions renamed, {len({r[3] for r in rows})} surfaces")
    chosen = random.Random(seed).sample(rows, min(size, len(rows)))
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["key", "surface", "before", "after", "before_ok", "after_ok", "context"])
        for article, start, stop, surface, old, new, context in sorted(chosen):
            context = " ".join(context.split())
            writer.writerow([f"{article}:{start}:{stop}", surface, old, new, "", "", context])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["reread", "choose", "sample"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seed", type=int, default=46)
    parser.add_argument("--size", type=int, default=80)
    args = parser.parse_args()
    if args.mode == "reread":
        reread(*args.paths)
    elif args.mode == "choose":
        choose(*args.paths)
    else:
        sample(*args.paths, seed=args.seed, size=args.size)


if __name__ == "__main__":
    main()
