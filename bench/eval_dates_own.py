"""Score the pipeline's dates on our own hand-annotated sample (`bench/labels/dates_sample.tsv`,
drawn and read by `bench/sample_dates.py`; convention in `bench/labels/dates_guide.md`), the
tune and check halves apart.

Each sentence goes through `timex.find` with its article's publication date, as the events stage
runs it. With the matching rules of `bench/eval_dates.py`:
- span recall: in-scope gold expressions that some found expression overlaps (and exactly);
- precision: found expressions that overlap an in-scope gold expression;
- resolved right: in-scope gold expressions whose first overlapping found expression has the
  same first and last day (Duckling's measure, there on a lone expression);
- out of scope given a date: gold expressions marked out of scope (durations, ages, vague "лет
  назад", ...) that a found expression overlaps with a date, by reason.

Usage: python bench/eval_dates_own.py [--corpus PATH] [--labels TSV] [--misses]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_dates import overlaps, timex_span  # noqa: E402
from sample_dates import DEFAULT_CORPUS, DEFAULT_LABELS, GRAINS, read_labels, with_texts  # noqa: E402

from pipeline.nlp.timex import Timex, find  # noqa: E402

HALVES = ("tune", "check")


def gold_value(label: dict) -> tuple[dt.date, dt.date] | None:
    """The gold first and last day, None for an expression out of scope."""
    if "out" in label:
        return None
    return dt.date.fromisoformat(label["first"]), dt.date.fromisoformat(label["last"])


def judge(labels: list[dict], found: list[Timex]) -> list[tuple[str, dict | Timex]]:
    """What became of each expression of one sentence: ('right' | 'wrong' | 'missed', gold),
    ('spurious', found) for a found one that overlaps no in-scope gold, and ('dated_out', gold)
    for an out-of-scope one that got a date."""
    spans = [(t.start, t.stop) for t in found]
    verdicts: list[tuple[str, dict | Timex]] = []
    for label in labels:
        first = next(
            (t for t, s in zip(found, spans, strict=True) if overlaps(s, label["span"])), None
        )
        gold = gold_value(label)
        if gold is None:
            if first is not None and first.date_start is not None:
                verdicts.append(("dated_out", label))
        elif first is None:
            verdicts.append(("missed", label))
        else:
            verdicts.append(("right" if timex_span(first) == gold else "wrong", label))
    in_scope = [tuple(label["span"]) for label in labels if "out" not in label]
    verdicts += [
        ("spurious", t)
        for t, s in zip(found, spans, strict=True)
        if not any(overlaps(s, g) for g in in_scope)
    ]
    return verdicts


def score(rows: list[dict]) -> dict[str, Counter]:
    """Counts per half: gold in scope (and per grain), found, overlapped, exact, precise, right
    (and per grain), and out-of-scope expressions given a date (per reason)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        found = find(row["text"], row["published"])
        c = counts[row["half"]]
        c["sentences"] += 1
        c["found"] += len(found)
        spans = {(t.start, t.stop) for t in found}
        for label in row["dates"]:
            if "out" in label:
                c["out"] += 1
                continue
            c["gold"] += 1
            c[f"gold:{label['grain']}"] += 1
            c["exact"] += tuple(label["span"]) in spans
        for verdict, item in judge(row["dates"], found):
            if verdict == "spurious":
                c["spurious"] += 1
            elif verdict == "dated_out":
                c[f"dated_out:{item['out']}"] += 1
            else:
                c[verdict] += 1
                c[f"{verdict}:{item['grain']}"] += 1
    return counts


def misses(rows: list[dict]) -> list[str]:
    """One line per error: the half, the sentence number, the verdict, the gold and ours."""
    lines = []
    for row in rows:
        found = find(row["text"], row["published"])
        for verdict, item in judge(row["dates"], found):
            if verdict == "right":
                continue
            if isinstance(item, Timex):
                gold, span = "-", (item.start, item.stop)
            else:
                gold = item.get("out") or f"{item['first']}..{item['last']} {item['grain']}"
                span = tuple(item["span"])
            ours = [
                f"{t.text!r} {t.date_start}..{t.date_end}"
                for t in found
                if overlaps((t.start, t.stop), span)
            ]
            text = row["text"][span[0] : span[1]]
            lines.append(
                f"{row['half']} #{row['n']} ({row['published']}) {verdict}: {text!r} gold {gold}; "
                f"ours {', '.join(ours) or '-'}"
            )
    return lines


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


#: Share resolved right per half at the start of issue 26 (main 0559e85).
BEFORE = {"tune": 0.843, "check": 0.816}


def report(counts: dict[str, Counter]) -> None:
    print(
        "\nDates on our own sample (bench/labels/dates_sample.tsv; publication date as reference)"
    )
    print(
        "| half | sentences | gold in scope | out of scope | found | overlap recall | "
        "exact recall | precision | resolved right | before |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in HALVES:
        c = counts[name]
        recalled = c["right"] + c["wrong"]
        precise = c["found"] - c["spurious"]
        print(
            f"| {name} | {c['sentences']} | {c['gold']} | {c['out']} | {c['found']} | "
            f"{_share(recalled, c['gold'])} | {_share(c['exact'], c['gold'])} | "
            f"{_share(precise, c['found'])} | {_share(c['right'], c['gold'])} | "
            f"{BEFORE[name]:.3f} |"
        )
    print("\nResolved right per grain")
    print("| grain | " + " | ".join(HALVES) + " |")
    print("|---|" + "---|" * len(HALVES))
    for grain in GRAINS:
        cells = [_share(counts[h][f"right:{grain}"], counts[h][f"gold:{grain}"]) for h in HALVES]
        print(f"| {grain} | " + " | ".join(cells) + " |")
    for name in HALVES:
        dated = {
            k.split(":", 1)[1]: v for k, v in counts[name].items() if k.startswith("dated_out:")
        }
        print(
            f"Out of scope given a date ({name}): "
            + (", ".join(f"{k} {v}" for k, v in sorted(dated.items())) or "none")
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--misses", action="store_true", help="list every error")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"No corpus at {args.corpus}; pass --corpus PATH.", file=sys.stderr)
        return 2
    rows = with_texts(read_labels(args.labels), args.corpus)
    report(score(rows))
    if args.misses:
        print("\nErrors:\n  " + "\n  ".join(misses(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
