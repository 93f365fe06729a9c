"""Evaluate date expressions against public gold data, beside natasha's DatesExtractor.

- Normalisation on Duckling's Russian corpus (`eval/dates/duckling_ru_half.jsonl`): each text is
  resolved against its reference time; correct when the first and last day equal the gold value
  at its grain (a Day is one day, a Week Monday to Sunday, a Month or Quarter or Year its whole
  span; an interval's `to` is exclusive). In scope are day, week, month, quarter and year grains;
  clock times, "the last/next N days" windows and holidays are listed as out of scope.
  natasha gives year, month and day fields without resolving anything: a missing year is taken
  from the reference time, which is the most favourable reading of its output.
- Span recall on NEREL v1.1 dev (`eval/nerel/dev`, Wikinews): gold DATE spans found (overlapping,
  and exactly). NEREL's DATE also covers durations and ages ("два года", "23-летний"), which are
  not calendar references by design; the calendar subset is the gold spans with a month or
  weekday name, a four-digit year, or a word relative to publication. Precision is the share of
  found expressions that overlap some gold DATE span.
- natasha runs only on sentences with a digit or a month name, as the pipeline would run it.

Usage: python bench/eval_dates.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from razdel import sentenize

from pipeline.nlp.models import morph
from pipeline.nlp.time_patterns import MONTH_WORD
from pipeline.nlp.timex import find

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
GRAINS = ("Day", "Week", "Month", "Quarter", "Year")
WINDOW = re.compile(r"^(последние|следующие|в течение)\b", re.IGNORECASE)
CALENDAR = re.compile(
    rf"\b(?:{MONTH_WORD}|\d{{4}}|понедельник|вторник|сред[уа]|четверг|пятниц|суббот|"
    r"воскресень|вчера|сегодня|завтра|прошл|следующ|эт(?:ом|ой|от|ого)|текущ|нынешн|минувш|"
    r"назад)",
    re.IGNORECASE,
)
Span = tuple[dt.date, dt.date]


#: Duckling rows in scope normalised right at the start of issue 26 (main 0559e85).
BEFORE_DUCKLING = 0.726


def _date(value: list[int]) -> dt.date:
    return dt.date(value[0], max(value[1], 1), max(value[2], 1))


def _grain_span(value: list[int], grain: str) -> Span:
    start = _date(value)
    if grain == "Day":
        return start, start
    if grain == "Week":
        return start, start + dt.timedelta(days=6)
    months = {"Month": 1, "Quarter": 3, "Year": 12}[grain]
    if grain == "Year":
        start = start.replace(month=1)
    index = start.year * 12 + start.month - 1 + months
    return start, dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def gold_span(row: dict) -> Span | None:
    """The gold first and last day, or None when the row is out of scope."""
    if row["grain"] not in GRAINS or WINDOW.search(row["text"]):
        return None
    if row["kind"] == "datetime":
        return _grain_span(row["value"], row["grain"])
    if row["kind"] == "interval":
        start = _grain_span(row["from"], row["grain"])[0]
        after = _grain_span(row["to"], row["grain"])[0]
        return start, after - dt.timedelta(days=1)
    return None


def natasha_dates(text: str) -> list[tuple[int, int, object]]:
    """(start, stop, Date fact) from DatesExtractor, over sentences with a digit or month."""
    from natasha import DatesExtractor

    extractor = natasha_dates.extractor = getattr(natasha_dates, "extractor", None) or (
        DatesExtractor(morph())
    )
    found = []
    for sentence in sentenize(text):
        if re.search(rf"\d|{MONTH_WORD}", sentence.text, re.IGNORECASE):
            found += [
                (sentence.start + m.start, sentence.start + m.stop, m.fact)
                for m in extractor(sentence.text)
            ]
    return found


def natasha_span(fact, reference: dt.date) -> Span | None:
    year = fact.year or reference.year
    if fact.month is None:
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if fact.year else None
    if fact.day is None:
        return _grain_span([year, fact.month, 1], "Month")
    try:
        day = dt.date(year, fact.month, fact.day)
    except ValueError:
        return None
    return day, day


def timex_span(timex) -> Span:
    """A found expression's first and last day (None, None when unresolved): what is compared
    with the gold span."""
    return timex.date_start, timex.date_end


def ours_span(text: str, reference: dt.date) -> Span | None:
    found = find(text, reference)
    return timex_span(found[0]) if found else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two (start, stop) character spans share a character: how a found span matches gold."""
    return a[0] < b[1] and b[0] < a[1]


def normalisation(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    score: dict[str, Counter] = defaultdict(Counter)
    out_of_scope = Counter()
    misses = []
    for row in rows:
        gold = gold_span(row)
        if gold is None:
            out_of_scope[row["grain"] if row["kind"] != "holiday" else "holiday"] += 1
            continue
        reference = dt.date.fromisoformat(row["reference_time"][:10])
        natasha = [natasha_span(f, reference) for _, _, f in natasha_dates(row["text"])]
        ours = ours_span(row["text"], reference)
        for key in (row["grain"], "all"):
            score[key]["n"] += 1
            score[key]["ours"] += ours == gold
            score[key]["natasha"] += bool(natasha) and natasha[0] == gold
        if ours != gold:
            misses.append(f"{row['text']!r}: gold {gold[0]}..{gold[1]}, ours {ours}")
    print(f"\nNormalisation on {path.name} ({len(rows)} rows; reference time as publication)")
    print("| grain | rows | ours | natasha DatesExtractor |")
    print("|---|---|---|---|")
    for key in (*GRAINS, "all"):
        s = score[key]
        if s["n"]:
            print(
                f"| {key} | {s['n']} | {s['ours'] / s['n']:.3f} ({s['ours']}) | "
                f"{s['natasha'] / s['n']:.3f} ({s['natasha']}) |"
            )
    print(f"(all, at the start of issue 26, main 0559e85: {BEFORE_DUCKLING:.3f})")
    print(
        "Out of scope (clock times, N-unit windows, holidays): "
        + ", ".join(f"{k} {v}" for k, v in sorted(out_of_scope.items()))
    )
    print("Our misses:\n  " + "\n  ".join(misses))


def _brat_dates(path: Path) -> list[tuple[int, int, str]]:
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].startswith("DATE "):
            kind, *offsets = parts[1].replace(";", " ").split()
            spans.append((int(offsets[0]), int(offsets[-1]), parts[2]))
    return spans


def _ours_in(text: str) -> list[tuple[int, int]]:
    return [
        (s.start + t.start, s.start + t.stop) for s in sentenize(text) for t in find(s.text, None)
    ]


def recall(directory: Path) -> None:
    docs = sorted(directory.glob("*.txt"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in docs}
    gold = {p.stem: _brat_dates(p.with_suffix(".ann")) for p in docs}
    systems = {}
    for name, run in (
        ("ours", _ours_in),
        ("natasha", lambda t: [(a, b) for a, b, _ in natasha_dates(t)]),
    ):
        started = time.perf_counter()
        systems[name] = {doc: run(text) for doc, text in texts.items()}
        systems[name + "_seconds"] = time.perf_counter() - started
    chars = sum(len(t) for t in texts.values())
    print(f"\nDATE spans on NEREL dev ({len(docs)} documents, {chars:,} characters)")
    print(
        "| system | gold subset | gold spans | overlap recall | exact recall | precision | "
        "chars/s |"
    )
    print("|---|---|---|---|---|---|---|")
    for name in ("ours", "natasha"):
        found = systems[name]
        speed = chars / systems[name + "_seconds"]
        overlapping = sum(
            any(overlaps((a, b), (gs, ge)) for gs, ge, _ in gold[d])
            for d in found
            for a, b in found[d]
        )
        total_found = sum(len(v) for v in found.values())
        for subset, keep in (("all DATE", lambda t: True), ("calendar", CALENDAR.search)):
            spans = [(d, s, e) for d in gold for s, e, t in gold[d] if keep(t)]
            overlap = sum(any(overlaps(f, (s, e)) for f in found[d]) for d, s, e in spans)
            exact = sum((s, e) in found[d] for d, s, e in spans)
            print(
                f"| {name} | {subset} | {len(spans)} | {overlap / len(spans):.3f} | "
                f"{exact / len(spans):.3f} | {overlapping / max(total_found, 1):.3f} | "
                f"{speed:,.0f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    eval_dir = args.shared / "eval"
    if not eval_dir.is_dir():
        sys.exit(f"No gold data in {eval_dir}; pass --shared DIR (the folder with eval/).")
    normalisation(eval_dir / "dates" / "duckling_ru_half.jsonl")
    recall(eval_dir / "nerel" / "dev")


if __name__ == "__main__":
    main()
