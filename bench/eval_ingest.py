"""Evaluate what ingestion keeps for analysis, on whole documents.

factRuEval-2016 devset files go through `obzor build` as they are (its .txt reader decides what
is headline, text and furniture); our mentions are mapped back to the original files and scored
token by token (razdel tokens, IO tags per type, as naeval scores) against the gold of the whole
original documents, beside bare natasha on the same documents. Gold mentions that fall in text
the build did not analyse (lines kept out as furniture) are counted: the target is 0.

Furniture detection is scored on 200 paragraphs drawn (seeded) from the 11.5k-article corpus
(`bench/furniture_sample.py`) and labelled by hand (`bench/labels/furniture_200.tsv`): a
paragraph has furniture when its label is not `text` (a `dateline` label: its opening dateline).

Usage: python bench/eval_ingest.py [--shared ../shared] [--workers N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import gold_type, natasha_spans  # noqa: E402
from eval_entities import DEFAULT_SHARED, TYPES, io_f1  # noqa: E402
from furniture_sample import DEFAULT_CORPUS, SEEDS, sample  # noqa: E402

from pipeline.build import build  # noqa: E402
from pipeline.ingest.text import PARAGRAPH_SEP, paragraphs_of  # noqa: E402
from pipeline.nlp.furniture import find_furniture  # noqa: E402
from pipeline.runtime.engine import start  # noqa: E402

Spans = dict[str, list[tuple[int, int, str]]]


def offsets(original: str, text: str) -> list[int | None]:
    """For each character of `text` (an article's text as built from `original`), its offset
    in `original`: each paragraph is the next original line that reads the same once spaces
    are collapsed, and its characters follow that line's non-space characters. None for
    spaces and separators."""
    found: list[int | None] = []
    lines = original.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    at = 0
    for number, paragraph in enumerate(text.split(PARAGRAPH_SEP)):
        if number:
            found += [None] * len(PARAGRAPH_SEP)
        while at < len(lines) and paragraphs_of(lines[at]) != [paragraph]:
            at += 1
        if at == len(lines):
            raise ValueError(f"paragraph {number} is not a line of the original: {paragraph!r}")
        solid = [starts[at] + i for i, ch in enumerate(lines[at]) if not ch.isspace()]
        chars = iter(solid)
        found += [None if ch.isspace() else next(chars) for ch in paragraph]
        at += 1
    return found


def built(docs: dict[str, str], workers: int, work: Path) -> tuple[Spans, dict[str, set[int]]]:
    """Our mentions of each document, in its original offsets, and the offsets analysed."""
    inputs = work / "in"
    inputs.mkdir()
    file_of = {doc_id: doc_id.replace("/", "_") for doc_id in docs}
    for doc_id, text in docs.items():
        (inputs / f"{file_of[doc_id]}.txt").write_text(text, encoding="utf-8")
    with start("local", workers, warm="pipeline.build") as engine:
        build([inputs], work / "out", engine=engine, progress=False)
    articles = pq.read_table(work / "out" / "articles.parquet").to_pylist()
    named = {name: doc_id for doc_id, name in file_of.items()}
    doc_of = {a["article_id"]: named[Path(a["origin"]).stem] for a in articles}
    maps = {
        doc_of[a["article_id"]]: offsets(docs[doc_of[a["article_id"]]], a["text"]) for a in articles
    }
    found: Spans = defaultdict(list)
    for m in pq.read_table(work / "out" / "mentions.parquet").to_pylist():
        doc_id = doc_of[m["article_id"]]
        first, last = maps[doc_id][m["start"]], maps[doc_id][m["stop"] - 1]
        found[doc_id].append((first, last + 1, gold_type(m["type"])))
    kept = {doc_id: {o for o in found_map if o is not None} for doc_id, found_map in maps.items()}
    return found, kept


def missed(gold: Spans, texts: dict[str, str], kept: dict[str, set[int]]) -> dict[str, list]:
    """Gold mentions with a character the build did not analyse, per type."""
    out: dict[str, list] = {t: [] for t in TYPES}
    for doc_id, spans in gold.items():
        text, seen = texts[doc_id], kept.get(doc_id, set())
        for a, b, kind in spans:
            if any(not text[i].isspace() and i not in seen for i in range(a, b)):
                out[kind].append((doc_id, text[a:b]))
    return out


LABELS = Path(__file__).resolve().parent / "labels"


def furniture_scores(corpus: Path, name: str) -> None:
    """Precision and recall of 'this paragraph has furniture' against the hand labels of the
    sample `name`."""
    path = LABELS / f"furniture_{name}.tsv"
    if not path.is_file():
        print(f"\nNo labels at {path}: the {name} sample is not scored.")
        return
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    labels = {key: (digest, label) for key, digest, label, *_note in rows}
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    wrong = []
    for item in sample(corpus, name):
        digest, label = labels[item["key"]]
        if digest != item["digest"]:
            raise ValueError(f"paragraph {item['key']} is not the one labelled: another corpus?")
        found = [f for f in find_furniture(item["article"]) if f[0] == item["index"]]
        kind = found[0][3] if found else "text"
        gold, ours = label != "text", bool(found)
        counts[("t" if gold == ours else "f") + ("p" if ours else "n")] += 1
        if gold != ours:
            wrong.append((item["key"], label, kind, item["paragraph"][:70]))
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    print(
        f"| {name} | {len(labels)} | {counts['tp'] + counts['fn']} | {precision:.3f} | "
        f"{recall:.3f} | {counts['tp']} | {counts['fp']} | {counts['fn']} |"
    )
    for key, label, kind, text in wrong:
        print(f"  {key}: labelled {label}, found {kind}: {text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not (args.shared / "eval/load_factru.py").is_file():
        print(f"Gold data not found under {args.shared}/eval. Pass --shared PATH.", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.shared / "eval"))
    from load_factru import load_factru

    factru = list(load_factru(str(args.shared / "eval/factru")))
    texts = {doc_id: text for doc_id, text, _spans in factru}
    gold = {doc_id: [(a, b, t) for a, b, t in spans] for doc_id, _text, spans in factru}
    work = Path(tempfile.mkdtemp(prefix="obzor-eval-ingest-"))
    try:
        ours, kept = built(texts, args.workers, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare = {d: [(a, b, t) for a, b, t, _n in natasha_spans(text)] for d, text in texts.items()}
    scores = {"ours (obzor build)": io_f1(gold, texts, ours), "natasha": io_f1(gold, texts, bare)}
    lost = missed(gold, texts, kept)
    print(f"factRuEval devset through obzor build: {len(texts)} whole documents")
    print("| token F1 | " + " | ".join(TYPES) + " |")
    print("|---|" + "---|" * len(TYPES))
    for name, score in scores.items():
        print(f"| {name} | " + " | ".join(f"{score[t]:.3f}" for t in TYPES) + " |")
    total = {t: sum(s[2] == t for spans in gold.values() for s in spans) for t in TYPES}
    print(
        "| gold mentions in text not analysed | "
        + " | ".join(f"{len(lost[t])} of {total[t]}" for t in TYPES)
        + " |"
    )
    for kind in TYPES:
        for doc_id, surface in lost[kind][:10]:
            print(f"  not analysed: {kind} {surface!r} in {doc_id}")
    if args.corpus.is_file():
        print(f"\nFurniture in paragraphs of {args.corpus.name}, labelled by hand")
        print("| sample | paragraphs | with furniture | precision | recall | tp | fp | fn |")
        print("|---|---|---|---|---|---|---|---|")
        for name in SEEDS:
            furniture_scores(args.corpus, name)
    else:
        print(f"\nNo corpus at {args.corpus}: furniture not scored (pass --corpus PATH).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
