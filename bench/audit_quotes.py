"""Audit of a build's quote speakers, read by a person (issue 26).

    python bench/audit_quotes.py sheet --data DIR [--seed N] [--n 100] --out SHEET.tsv
                                       [--judged OLD.tsv ...]
    python bench/audit_quotes.py summary SHEET.tsv [--data DIR]
    python bench/audit_quotes.py coverage --data DIR
    python bench/audit_quotes.py labels SHEET.tsv OUT.tsv

`sheet` draws `--n` quotes of the build (those of lowest hash of the seed, the article and the
quote's span, so that the same quote is drawn from any build that still has it) and writes a
TSV to judge: the quote's sentences with the content, cue and source marked, the headline and
the lead, and the speaker the build names. Judgements of earlier sheets (`--judged`) carry over
to a quote whose speaker is unchanged. How to judge: bench/labels/quotes_audit_guide.md.

`summary` prints the share of judged quotes whose speaker is right and, with `--data`, the
build's `coverage`: the share of quotes without a speaker (all, interviews, the others) and the
15 most quoted speakers. `labels` keeps a judged sheet without the corpus's text (keys, digests,
names and judgements), to commit; `--judged` and `summary` read either.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_entities import seeded_hash, write_sheet  # noqa: E402

JUDGED = ("speaker_ok", "note")
TEXT = ("headline", "lead", "before", "context", "source_context")
#: What a sheet shows of a quote before whom the build names as its speaker.
SHOWN = (
    "n",
    "article_id",
    "start",
    "stop",
    "digest",
    "kind",
    "headline",
    "lead",
    "before",
    "context",
    "source_context",
    "cue",
    "source",
)
COLUMNS = (*SHOWN, "speaker", "speaker_type", *JUDGED)
#: What `labels` keeps of a judged sheet: no text of the corpus.
LABELS = tuple(c for c in COLUMNS if c not in TEXT)
TOP = 15
_INTERVIEW = "интервью"
#: Every quote with what `_row` reads of it and its speaker's name and type.
QUOTES = """
    SELECT q.article_id, q.start, q.stop, q.kind, q.cue,
           q.speaker_surface, q.speaker_start, q.speaker_stop,
           e.name AS speaker, e.type AS speaker_type
    FROM quotes q LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
"""
_LONG = 700  # characters of a quote shown whole; a longer one keeps its two ends
_LEAD = 400  # characters of the lead shown
_NEAR = 300  # a source farther than this from its quote is shown in its own sentence
_BEFORE = 2  # sentences shown before the quote's (a pronoun's or a role's antecedent)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _connect(data: Path) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    for table in ("quotes", "entities", "sentences", "articles"):
        path = data / f"{table}.parquet"
        if not path.exists():
            sys.exit(f"No {path}: not a build with quotes.")
        escaped = str(path).replace("'", "''")
        db.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{escaped}')")
    return db


def _flat(text: str) -> str:
    return " ".join(text.split())


def _shortened(text: str) -> str:
    """A long quote's two ends."""
    if len(text) <= _LONG:
        return text
    half = _LONG // 2
    return f"{text[:half]} […] {text[-half:]}"


def _marked(text: str, spans: list[tuple[int, int, str]], lo: int, hi: int) -> str:
    """text[lo:hi] with each (start, stop, tag) span inside it written as {tag ...}; the
    content's span (tag Q) is shortened when long."""
    out, at = [], lo
    for start, stop, tag in sorted(s for s in spans if lo <= s[0] and s[1] <= hi):
        if start < at:  # overlaps a span already written (a label that is cue and source)
            continue
        inner = text[start:stop]
        out += [text[at:start], f"{{{tag} {_shortened(inner) if tag == 'Q' else inner}}}"]
        at = stop
    out.append(text[at:hi])
    return _flat("".join(out))


def _cue_span(text: str, cue: str, quote: tuple[int, int]) -> tuple[int, int] | None:
    """Where the cue is written (the table keeps its words, not its place): its occurrence
    nearest the quote, outside it, within `_NEAR` characters."""
    found = [
        m.span()
        for m in re.finditer(re.escape(cue), text[max(0, quote[0] - _NEAR) : quote[1] + _NEAR])
    ]
    base = max(0, quote[0] - _NEAR)
    spans = [(a + base, b + base) for a, b in found]
    outside = [s for s in spans if s[1] <= quote[0] or s[0] >= quote[1]]
    distance = lambda s: min(abs(s[0] - quote[1]), abs(quote[0] - s[1]))  # noqa: E731
    return min(outside or spans, key=distance, default=None)


def _around(sentences: list[tuple[int, int]], start: int, stop: int) -> tuple[int, int]:
    """The bounds of the sentences that text[start:stop] overlaps."""
    inside = [(a, b) for a, b in sentences if a < stop and start < b] or [(start, stop)]
    return min(a for a, _ in inside), max(b for _, b in inside)


def _row(quote: dict, text: str, title_stop: int, sentences: list[tuple[int, int]]) -> dict:
    q = (quote["start"], quote["stop"])
    source = (quote["speaker_start"], quote["speaker_stop"])
    # An answer of a '- ' interview has no cue written beside it (the table says 'интервью').
    cue = None if quote["cue"] == _INTERVIEW else _cue_span(text, quote["cue"], q)
    spans = [(*q, "Q"), *([(*cue, "C")] if cue else [])]
    lo, hi = (min(q[0], cue[0]), max(q[1], cue[1])) if cue else q
    near = source[0] is not None and source[0] >= lo - _NEAR and source[1] <= hi + _NEAR
    if near:
        spans.append((*source, "S"))
        lo, hi = min(lo, source[0]), max(hi, source[1])
    lo, hi = _around(sentences, lo, hi)
    far = ""
    if source[0] is not None and not near:
        far = _marked(text, [(*source, "S")], *_around(sentences, *source))
    body = title_stop + 2 if title_stop else 0
    earlier = [a for a, b in sentences if b <= lo and a >= body][-_BEFORE:]
    return {
        "article_id": quote["article_id"],
        "start": q[0],
        "stop": q[1],
        "digest": _digest(text[q[0] : q[1]]),
        "kind": quote["kind"],
        "headline": _flat(text[:title_stop]) if title_stop else "",
        "lead": _flat(text[body : body + _LEAD]),
        "before": _flat(text[earlier[0] : lo]) if earlier else "",
        "context": _marked(text, spans, lo, hi),
        "source_context": far,
        "cue": quote["cue"],
        "source": quote["speaker_surface"] or "",
        "speaker": quote["speaker"] or "",
        "speaker_type": quote["speaker_type"] or "",
    }


def texts_and_sentences(
    db: duckdb.DuckDBPyConnection, article_ids: list[str]
) -> tuple[dict[str, tuple[str, int]], dict[str, list[tuple[int, int]]]]:
    """The text and title end of each of the articles, and their sentences' bounds in order."""
    articles = {
        aid: (text, title_stop)
        for aid, text, title_stop in db.execute(
            "SELECT article_id, text, title_stop FROM articles WHERE list_contains(?, article_id)",
            [article_ids],
        ).fetchall()
    }
    bounds: dict[str, list[tuple[int, int]]] = {}
    for aid, start, stop in db.execute(
        "SELECT article_id, start, stop FROM sentences WHERE list_contains(?, article_id) "
        "ORDER BY article_id, start",
        [article_ids],
    ).fetchall():
        bounds.setdefault(aid, []).append((start, stop))
    return articles, bounds


def sheet(data: Path, seed: int, n: int) -> list[dict]:
    db = _connect(data)
    keys = db.execute("SELECT article_id, start, stop FROM quotes").fetchall()
    picked = sorted(keys, key=lambda k: seeded_hash(seed, *k))[:n]
    db.execute("CREATE TEMP TABLE picked (article_id VARCHAR, start INT, stop INT)")
    db.executemany("INSERT INTO picked VALUES (?, ?, ?)", picked)
    rel = db.sql(f"SELECT * FROM ({QUOTES}) JOIN picked USING (article_id, start, stop)")
    quotes = {(r["article_id"], r["start"], r["stop"]): r for r in _dicts(rel)}
    articles, bounds = texts_and_sentences(db, sorted({k[0] for k in picked}))
    rows = []
    for i, k in enumerate(picked, 1):
        text, title_stop = articles[k[0]]
        rows.append({"n": i, **_row(quotes[k], text, title_stop, bounds.get(k[0], []))})
    return rows


def _dicts(rel: duckdb.DuckDBPyRelation) -> list[dict]:
    names = rel.columns
    return [dict(zip(names, r, strict=True)) for r in rel.fetchall()]


def coverage(data: Path) -> list[tuple[str, str]]:
    """The build's share of quotes without a speaker (all, interviews, others) and its most
    quoted speakers."""
    db = _connect(data)
    lines = []
    for label, where in (
        ("all", "TRUE"),
        ("interviews", "kind = 'interview'"),
        ("others", "kind <> 'interview'"),
    ):
        total, missing = db.execute(
            f"SELECT count(*), count(*) FILTER (speaker_entity_id IS NULL) FROM quotes "
            f"WHERE {where}"
        ).fetchone()
        share = f"{missing / total:.3f} ({missing:,} of {total:,})" if total else "no quotes"
        lines.append((f"quotes without a speaker, {label}", share))
    top = db.execute(
        f"""
        SELECT e.name, e.type, count(*) AS n FROM quotes q JOIN entities e
          ON e.entity_id = q.speaker_entity_id
        GROUP BY e.entity_id, e.name, e.type ORDER BY n DESC, e.name LIMIT {TOP}
        """
    ).fetchall()
    for rank, (name, kind, n) in enumerate(top, 1):
        lines.append((f"speaker {rank:>2}", f"{n:>6,}  {name} ({kind})"))
    return lines


def _print(lines: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def summary(path: Path, data: Path | None) -> None:
    rows = _read(path)
    marks = Counter(r["speaker_ok"] for r in rows)
    judged = marks["y"] + marks["n"]
    lines = [("quotes judged", f"{judged} of {len(rows)}")]
    if judged:
        lines.append(("speaker right", f"{marks['y']}/{judged} = {marks['y'] / judged:.3f}"))
    for kind in sorted({r["kind"] for r in rows}):
        of = Counter(r["speaker_ok"] for r in rows if r["kind"] == kind)
        if of["y"] + of["n"]:
            lines.append((f"  {kind}", f"{of['y']}/{of['y'] + of['n']}"))
    if data is not None:
        lines += coverage(data)
    _print(lines)


def _carry(rows: list[dict], judged: Path) -> int:
    """Copy judgements from an earlier sheet to the same quotes with the same speaker and
    source; how many were carried."""
    same = ("article_id", "start", "stop", "digest", "speaker", "source")
    old = {tuple(r[c] for c in same): r for r in _read(judged) if r["speaker_ok"]}
    carried = 0
    for row in rows:
        found = old.get(tuple(str(row[c]) for c in same))
        if found and not row.get("speaker_ok"):
            row.update({c: found[c] for c in JUDGED})
            carried += 1
    return carried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("sheet", help="draw quotes to judge")
    make.add_argument("--data", type=Path, required=True, help="a build's directory")
    make.add_argument("--seed", type=int, default=1)
    make.add_argument("--n", type=int, default=100, help="quotes to draw")
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--judged", type=Path, nargs="*", default=[], help="earlier sheets")
    summ = sub.add_parser("summary", help="the share right of a judged sheet")
    summ.add_argument("sheet", type=Path)
    summ.add_argument("--data", type=Path, help="also the build's coverage")
    cov = sub.add_parser("coverage", help="quotes without a speaker; most quoted speakers")
    cov.add_argument("--data", type=Path, required=True)
    keep = sub.add_parser("labels", help="a judged sheet without the corpus's text, to commit")
    keep.add_argument("sheet", type=Path)
    keep.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "summary":
        summary(args.sheet, args.data)
    elif args.command == "coverage":
        if not (args.data / "quotes.parquet").exists():
            print(
                f"No build with quotes at {args.data}: quotes without a speaker not counted "
                "(`make bench` builds the corpus there, or pass DATA=/path/to/build)."
            )
            return
        print(f"Quotes of the build at {args.data}:")
        _print(coverage(args.data))
    elif args.command == "labels":
        write_sheet(_read(args.sheet), args.out, LABELS)
    else:
        rows = sheet(args.data, args.seed, args.n)
        for judged in args.judged:
            print(f"judgements carried over from {judged}: {_carry(rows, judged)}", file=sys.stderr)
        write_sheet(rows, args.out, COLUMNS)
        print(f"{args.out}: {len(rows)} quotes to judge", file=sys.stderr)


if __name__ == "__main__":
    main()
