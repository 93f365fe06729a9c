"""Scale a built data directory up by replication, for the dashboard benchmark.

Usage: python bench/replicate.py SOURCE_DIR OUT_DIR [--articles 100000]

Every article of SOURCE_DIR (an `obzor build` output) is copied as many times as it takes to
reach --articles. Copy k of an article gets a new id (and key: its key plus k times the
articles) and has its publication date and every date its events resolve to shifted k years
back, so the copies spread over time instead of piling up on the same days. Entities and topics
are shared by all copies (their counts, and the build's totals, are multiplied). The tables are
the real pipeline's output, replicated, in row groups of the pipeline's sizes: this is a load
test of the dashboard, not of the NLP, and the output and the manifest say so. OUT_DIR is
replaced atomically.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from pathlib import Path

import duckdb

from pipeline.manifest import MANIFEST
from pipeline.runtime.files import atomic_directory, write_text
from pipeline.runtime.parquet import write_batches
from pipeline.schema import TABLES

#: Per table: columns replaced in each copy (k = copy number; `new_id` its article id).
SHIFTED = {
    "articles": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "article_texts": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "events": {
        "date_start": "(date_start - to_years(k::INTEGER))::DATE",
        "date_end": "(date_end - to_years(k::INTEGER))::DATE",
        "published": "(published - to_years(k::INTEGER))::DATE",
    },
    "event_sentences": {"date_start": "(date_start - to_years(k::INTEGER))::DATE"},
    "quotes": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "entity_quotes": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "mentions": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "country_mentions": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "article_entities": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "network_units": {"published": "(published - to_years(k::INTEGER))::DATE"},
    "article_facets": {"published": "(published - to_years(k::INTEGER))::DATE"},
}
#: Sort order of each table in the output, as the pipeline writes it.
ORDER = {
    "articles": "published DESC NULLS LAST, article_id",
    "article_texts": "published DESC NULLS LAST, article_id",
    "paragraphs": "article_id, paragraph",
    "sentences": "article_id, sentence",
    "mentions": "published DESC NULLS LAST, article_id, start, stop, entity_id",
    "article_entities": "published DESC NULLS LAST, article_id, entity_id",
    "country_mentions": "published DESC NULLS LAST, article_id, start, stop, country",
    "article_topics": "article_id, topic_id",
    "events": "published DESC NULLS LAST, article_id, start",
    "event_sentences": "date_start NULLS LAST, article_id, start",
    "quotes": "published DESC NULLS LAST, article_id, start, stop, kind",
    "entity_quotes": "entity_id, published DESC NULLS LAST, article_id, start, stop, kind",
    "words": "word, article_id",
    "network_units": "kind, CASE WHEN kind = 'actor' THEN node END, "
    "published DESC NULLS LAST, article_id, sentence, node",
    "article_facets": "facet, value, published DESC NULLS LAST, article_key",
}


def replicate(source: Path, out: Path, articles: int) -> dict:
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    have = manifest["tables"]["articles"]["rows"]
    copies = math.ceil(articles / have)
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    with atomic_directory(out) as scratch:
        digest = hashlib.sha256()
        for name in TABLES:
            path = source / f"{name}.parquet"
            if not path.is_file():
                continue
            target = scratch / f"{name}.parquet"
            if name in ORDER:
                names = TABLES[name].names
                replaced = {"article_id": "new_id"} if "article_id" in names else {}
                replaced |= SHIFTED.get(name, {})
                if "article_key" in names:  # unique: copy k past the k before it
                    replaced["article_key"] = f"(article_key + k * {have})::INTEGER"
                columns = ", ".join(f"{sql} AS {column}" for column, sql in replaced.items())
                # A table of keys alone (`article_facets`) gets no new id.
                new_id = (
                    "CASE WHEN r.k = 0 THEN t.article_id "
                    "ELSE substr(md5(t.article_id || ':' || r.k), 1, 16) END"
                    if "article_id" in names
                    else "NULL"
                )
                select = f"""
                    SELECT * REPLACE ({columns})
                    FROM (
                        SELECT t.*, r.k, {new_id} AS new_id
                        FROM read_parquet('{path}') t CROSS JOIN range({copies}) r(k)
                    )
                    ORDER BY {ORDER[name]}
                """
                select = f"SELECT * EXCLUDE (k, new_id) FROM ({select})"
            elif name == "entities":
                select = f"""SELECT * REPLACE (n_mentions * {copies} AS n_mentions,
                                               n_articles * {copies} AS n_articles)
                             FROM read_parquet('{path}') ORDER BY entity_id"""
            elif name == "totals":
                select = f"""SELECT * REPLACE (articles * {copies} AS articles,
                                               n_rows * {copies} AS n_rows)
                             FROM read_parquet('{path}') ORDER BY kind, key"""
            elif name == "vocabulary":
                select = f"""SELECT * REPLACE (articles * {copies} AS articles)
                             FROM read_parquet('{path}') ORDER BY word"""
            elif name == "topics":
                select = f"SELECT * REPLACE (size * {copies} AS size) FROM read_parquet('{path}')"
            else:
                select = f"SELECT * FROM read_parquet('{path}')"
            # Written by the pipeline's own writer, in row groups of its sizes (articles: 1,000
            # a group; DuckDB's COPY makes at least 2,048): a reader's cost depends on them, so
            # the copy is laid out as a real build of its size.
            rows, sha = write_batches(con.sql(select).to_arrow_reader(), TABLES[name], target)
            manifest["tables"][name] = {"rows": rows, "sha256": sha}
            digest.update(f"{name}:{sha}".encode())
            print(f"  {name:<17} {rows:>12,} rows", flush=True)
        manifest["build_id"] = digest.hexdigest()[:12]
        manifest["replicated"] = {
            "from": str(source.resolve()),
            "from_build_id": json.loads((source / MANIFEST).read_text())["build_id"],
            "copies": copies,
            "note": f"{have:,} real articles copied {copies} times, copy k shifted k years back",
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=2, default=str)
        write_text(text + "\n", scratch / MANIFEST)
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="an `obzor build` output directory")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    if not (args.source / MANIFEST).is_file():
        print(
            f"No build in {args.source}: run `obzor build CORPUS --out {args.source}` first.",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    print(f"Replicating {args.source} to at least {args.articles:,} articles in {args.out}:")
    manifest = replicate(args.source, args.out, args.articles)
    rows = manifest["tables"]["articles"]["rows"]
    seconds = time.perf_counter() - started
    print(
        f"{manifest['replicated']['note']}; {rows:,} articles in {seconds:.1f} s "
        f"(build {manifest['build_id']})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
