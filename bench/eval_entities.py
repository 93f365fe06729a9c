"""Evaluate the entity stages against public gold data, beside bare natasha in the same run.

- NER on factRuEval-2016 devset: token-level IO tags on razdel tokens, F1 per type (how natasha's
  own evaluation, naeval, scores it).
- Name normalisation on BSNLP 2019 (ru): share of gold surface forms, among those the system
  found with exactly the gold span, whose normalised name equals the gold lemma (case-insensitive,
  ё = е, 'Т.Мэй' = 'Т. Мэй').
- Merging on BSNLP: pairwise precision/recall/F1 of "same entity" over the gold (document,
  surface form) items of each type within each topic; items the system did not find are
  singletons. Bare natasha merges by equal normalised name.

Usage: python bench/eval_entities.py [--shared ../shared] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pyarrow as pa
from razdel import tokenize
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import gold_type, natasha_spans  # noqa: E402

from pipeline.harness import entity_tables  # noqa: E402
from pipeline.runtime.engine import Engine

TYPES = ("PER", "LOC", "ORG")
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

Span = tuple[int, int, str, str, str]  # start, stop, type, normalised name, entity


def ours(docs: dict[str, str], workers: int) -> dict[str, list[Span]]:
    """Our stages over `docs` as one corpus (alias merging is corpus-wide)."""
    articles = pa.table({"article_id": list(docs), "text": list(docs.values())})
    tables = entity_tables(articles, engine=Engine(workers))
    mentions = tables["mentions"]
    found: dict[str, list[Span]] = defaultdict(list)
    for m in mentions.to_pylist():
        kind = gold_type(m["type"])
        found[m["article_id"]].append((m["start"], m["stop"], kind, m["normal"], m["entity_id"]))
    return found


def bare(docs: dict[str, str]) -> dict[str, list[Span]]:
    return {
        doc_id: [(a, b, t, n, f"{t}:{same(n)}") for a, b, t, n in natasha_spans(text)]
        for doc_id, text in tqdm(docs.items(), desc="bare natasha", leave=False, disable=None)
    }


def same(name: str) -> str:
    """Comparison key for names: case, ё, spacing after initials."""
    return re.sub(r"\.\s*", ". ", " ".join(name.lower().replace("ё", "е").split())).strip()


def io_f1(gold: dict[str, list], texts: dict[str, str], pred: dict[str, list]) -> dict[str, float]:
    """Token-level IO F1 per type over razdel tokens."""
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, fp, fn
    for doc_id, text in texts.items():
        for token in tokenize(text):

            def tag(spans: list, token=token) -> str | None:
                return next(
                    (s[2] for s in spans if s[0] <= token.start and token.stop <= s[1]), None
                )

            g, p = tag(gold[doc_id]), tag(pred.get(doc_id, []))
            for t in TYPES:
                counts[t][0] += g == t and p == t
                counts[t][1] += p == t and g != t
                counts[t][2] += g == t and p != t
    return {t: _f1(*c)[2] for t, c in counts.items()}


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bsnlp_scores(docs: list[dict], pred: dict[str, list[Span]]) -> dict[str, dict[str, float]]:
    """Normalisation share and merge P/R/F1 per type."""
    norm = {t: [0, 0, 0] for t in TYPES}  # correct, found, gold items
    pairs = {t: [0, 0, 0] for t in TYPES}
    for topic in sorted({d["topic"] for d in docs}):
        items: dict[str, list[tuple[str, str]]] = defaultdict(list)  # type -> (gold id, pred id)
        for d in (d for d in docs if d["topic"] == topic):
            at = {(a, b): (n, e) for a, b, _t, n, e in pred.get(d["key"], [])}
            for surface, lemma, kind, eid in d["items"]:
                hits = [at[(a, b)] for a, b in d["occurrences"][surface] if (a, b) in at]
                norm[kind][2] += 1
                if hits:
                    norm[kind][1] += 1
                    norm[kind][0] += same(hits[0][0]) == same(lemma)
                items[kind].append((eid, hits[0][1] if hits else f"missed:{d['key']}:{surface}"))
        for kind, rows in items.items():
            for (g1, p1), (g2, p2) in combinations(rows, 2):
                pairs[kind][0] += g1 == g2 and p1 == p2
                pairs[kind][1] += p1 == p2 and g1 != g2
                pairs[kind][2] += g1 == g2 and p1 != p2
    out = {}
    for t in TYPES:
        correct, found, total = norm[t]
        p, r, f = _f1(*pairs[t])
        out[t] = {
            "norm": correct / found if found else 0.0,
            "found": found / total if total else 0,
            "merge_p": p,
            "merge_r": r,
            "merge_f1": f,
        }
    return out


def load(shared: Path) -> tuple[list, list]:
    sys.path.insert(0, str(shared / "eval"))
    from load_bsnlp import find_spans, load_bsnlp
    from load_factru import load_factru

    factru = list(load_factru(str(shared / "eval/factru")))
    bsnlp = []
    for d in load_bsnlp(str(shared / "eval/bsnlp")):
        mentions = {
            (s.strip(), lemma.strip(), t, e)
            for s, lemma, t, e in d["mentions"]
            if t in TYPES and s.strip()
        }
        occurrences = defaultdict(list)
        for a, b, _t, _lemma, _e in find_spans(d["text"], sorted(mentions)):
            occurrences[d["text"][a:b]].append((a, b))
        items = sorted(m for m in mentions if occurrences[m[0]])
        bsnlp.append(
            {**d, "key": f"{d['topic']}/{d['doc_id']}", "items": items, "occurrences": occurrences}
        )
    return factru, bsnlp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if not (args.shared / "eval/load_factru.py").is_file():
        print(f"Gold data not found under {args.shared}/eval. Pass --shared PATH.", file=sys.stderr)
        return 2
    factru, bsnlp = load(args.shared)
    f_texts = {doc_id: text for doc_id, text, _spans in factru}
    f_gold = {doc_id: spans for doc_id, _text, spans in factru}
    b_texts = {d["key"]: d["text"] for d in bsnlp}

    started = time.perf_counter()
    f_ours = ours(f_texts, args.workers)
    b_ours: dict[str, list[Span]] = {}
    for topic in sorted({d["topic"] for d in bsnlp}):
        b_ours.update(
            ours({k: t for k, t in b_texts.items() if k.startswith(topic + "/")}, args.workers)
        )
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    f_bare, b_bare = bare(f_texts), bare(b_texts)
    bare_seconds = time.perf_counter() - started

    ner = {"ours": io_f1(f_gold, f_texts, f_ours), "natasha": io_f1(f_gold, f_texts, f_bare)}
    scores = {"ours": bsnlp_scores(bsnlp, b_ours), "natasha": bsnlp_scores(bsnlp, b_bare)}
    targets = {
        ("PER", "norm"): 0.95,
        ("ORG", "norm"): 0.90,
        ("PER", "merge_f1"): 0.90,
        ("PER", "merge_p"): 0.98,
    }
    rows = [("metric", "type", "ours", "natasha", "target")]
    for t in TYPES:
        rows.append(("factRuEval NER token F1", t, ner["ours"][t], ner["natasha"][t], None))
    labels = {
        "found": "BSNLP exact spans found",
        "norm": "BSNLP normalised = gold lemma",
        "merge_p": "BSNLP merge precision",
        "merge_r": "BSNLP merge recall",
        "merge_f1": "BSNLP merge F1",
    }
    for metric, label in labels.items():
        for t in TYPES:
            rows.append(
                (
                    label,
                    t,
                    scores["ours"][t][metric],
                    scores["natasha"][t][metric],
                    targets.get((t, metric)),
                )
            )
    print(
        f"factRuEval devset: {len(factru)} documents; BSNLP ru: {len(bsnlp)} documents, "
        f"{sum(len(d['items']) for d in bsnlp)} gold surface forms"
    )
    print(
        f"seconds: ours {ours_seconds:.1f} ({args.workers} workers), "
        f"bare natasha {bare_seconds:.1f} (1 process, with morph and syntax)\n"
    )
    print(f"{'metric':<32} {'type':<5} {'ours':>7} {'natasha':>8} {'target':>7}")
    for metric, t, a, b, target in rows[1:]:
        mark = "" if target is None else f"{'≥':>3}{target:.2f}" + (" ✓" if a >= target else " ✗")
        print(f"{metric:<32} {t:<5} {a:>7.3f} {b:>8.3f} {mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
