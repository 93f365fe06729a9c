"""Our own date sample (issue 26): 300 sentences of dated articles of the shared corpus that
contain a digit, a month, a weekday or a season word, annotated by hand with every calendar
reference and its value resolved against the article's publication date.

The corpus is not ours to redistribute, so only offsets are committed: `bench/labels/
dates_sample.tsv` holds, per sentence, the article id, the sentence's offsets in the article's
text (as the pipeline's `paragraphs` and `sentences` stages cut it), a digest of its text, its
half (tune or check, by a hash of the text) and the annotations as offsets into the sentence.
The convention is in `bench/labels/dates_guide.md`.

- `--sheet FILE` draws the sample and writes a sheet to annotate (sentence, publication date,
  headline); an annotated sheet gives the label file with `--read FILE`.
- The draw: every sentence of every article with a publication date (the 240 BSNLP items dated
  2021-02-01, a collection date their texts contradict, are left out), cut as a build cuts it;
  distinct texts of at most MAX_WORDS words that match CANDIDATE; SIZE of them drawn with SEED.

Sheet format, one block per sentence; an annotation line is `> SURFACE | VALUE`, with `#N`
after the surface for its N-th occurrence, and VALUE one of 2017-04-05 (day), 2017-04 (month),
2017-Q2 (quarter), 2017 (year), week:2017-04-05 (Monday to Sunday of that day's week),
2017-summer (2017-winter is December 2016 to February 2017), A..B (a range; grain of A), or
`out: REASON`:

    ## 12 | tune | 0a1b2c3d4e5f6a7b:1200-1310 | 2017-04-18 Tue
    В понедельник, 17 апреля, ... два года ...
    > В понедельник, 17 апреля | 2017-04-17
    > два года | out: duration

Usage: python bench/sample_dates.py [--corpus PATH] (--sheet FILE | --read FILE [--labels TSV])
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared/corpora/news_unified.jsonl.gz"
DEFAULT_LABELS = HERE / "labels" / "dates_sample.tsv"
SEED = 2026_0026
SIZE = 300
MAX_WORDS = 80
#: A publication date that is a collection date, not the articles' own (shared/README.md).
COLLECTION_DATES = {("bsnlp", dt.date(2021, 2, 1))}


def _forms(*groups: str) -> list[str]:
    return [word for group in groups for word in group.split()]


#: Every case form of the month names, and their abbreviations.
MONTH_WORDS = _forms(
    "январь января январю январём январем январе",
    "февраль февраля февралю февралём февралем феврале",
    "март марта марту мартом марте",
    "апрель апреля апрелю апрелем апреле",
    "май мая маю маем мае",
    "июнь июня июню июнем июне",
    "июль июля июлю июлем июле",
    "август августа августу августом августе",
    "сентябрь сентября сентябрю сентябрём сентябрем сентябре",
    "октябрь октября октябрю октябрём октябрем октябре",
    "ноябрь ноября ноябрю ноябрём ноябрем ноябре",
    "декабрь декабря декабрю декабрём декабрем декабре",
    "янв фев февр апр авг сент окт нояб дек",
)
#: Every case form of the weekday names.
WEEKDAY_WORDS = _forms(
    "понедельник понедельника понедельнику понедельником понедельнике",
    "понедельники понедельникам понедельниками понедельниках понедельников",
    "вторник вторника вторнику вторником вторнике",
    "вторники вторникам вторниками вторниках вторников",
    "среда среды среде среду средой средою сред средам средами средах",
    "четверг четверга четвергу четвергом четверге",
    "четверги четвергам четвергами четвергах четвергов",
    "пятница пятницы пятнице пятницу пятницей пятницею пятниц пятницам пятницами пятницах",
    "суббота субботы субботе субботу субботой субботою суббот субботам субботами субботах",
    "воскресенье воскресенья воскресенью воскресеньем",
    "воскресений воскресеньям воскресеньями воскресеньях",
)
#: Every case form of the season nouns.
SEASON_WORDS = _forms(
    "зима зимы зиме зиму зимой зимою зим зимам зимами зимах",
    "весна весны весне весну весной весною вёсны весен вёсен",
    "лето лета лету летом лете",
    "осень осени осенью осеней осеням",
)
CANDIDATE = re.compile(
    r"\d|(?<!\w)(?:"
    + "|".join(sorted(MONTH_WORDS + WEEKDAY_WORDS + SEASON_WORDS, key=len)[::-1])
    + r")(?!\w)",
    re.IGNORECASE,
)
GRAINS = ("day", "week", "month", "quarter", "season", "year")
SEASON_MONTHS = {"winter": (12, 2), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}
COLUMNS = ("n", "article_id", "start", "stop", "digest", "half", "published", "dates")


@dataclass(frozen=True)
class Sentence:
    article_id: str
    start: int
    stop: int
    text: str
    published: dt.date
    title: str = ""

    @property
    def key(self) -> str:
        return f"{self.article_id}:{self.start}-{self.stop}"


def digest(text: str) -> str:
    """The sentence's fingerprint in the label file: drift in the corpus or the splitter shows."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def half(text: str) -> str:
    """'tune' or 'check', fixed by the text alone: the first byte of its SHA-1, even or odd."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def is_candidate(text: str) -> bool:
    """A sentence of the sample's population: a digit, a month, weekday or season word, and at
    most MAX_WORDS words."""
    return len(re.findall(r"\w+", text)) <= MAX_WORDS and CANDIDATE.search(text) is not None


def dated_articles(corpus: Path):
    """The corpus's `articles` table as a build makes it, only the articles with their own
    publication date."""
    import pyarrow as pa

    from pipeline.harness import read_articles

    articles = read_articles([corpus])
    keep = [
        published is not None and (source, published) not in COLLECTION_DATES
        for source, published in zip(
            articles["source"].to_pylist(), articles["published"].to_pylist(), strict=True
        )
    ]
    return articles.filter(pa.array(keep))


def sentences(corpus: Path) -> Iterator[Sentence]:
    """Every sentence of every dated article, cut by the pipeline's own stages."""
    from pipeline.stages.paragraphs import build_paragraphs
    from pipeline.stages.sentences import build_sentences

    articles = dated_articles(corpus)
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(), strict=True))
    meta = {
        a: (p, t)
        for a, p, t in zip(
            *(articles[c].to_pylist() for c in ("article_id", "published", "title")), strict=True
        )
    }
    cut = build_sentences(build_paragraphs(articles))
    for article_id, start, stop in zip(
        *(cut[c].to_pylist() for c in ("article_id", "start", "stop")), strict=True
    ):
        published, title = meta[article_id]
        yield Sentence(article_id, start, stop, texts[article_id][start:stop], published, title)


def draw(population: Iterator[Sentence], seed: int = SEED, size: int = SIZE) -> list[Sentence]:
    """`size` candidates of distinct text (the first occurrence of each), drawn with `seed`,
    in article and offset order."""
    seen: dict[str, Sentence] = {}
    for sentence in population:
        if is_candidate(sentence.text) and sentence.text not in seen:
            seen[sentence.text] = sentence
    ordered = sorted(seen.values(), key=lambda s: (s.article_id, s.start))
    chosen = random.Random(seed).sample(ordered, size)
    return sorted(chosen, key=lambda s: (s.article_id, s.start))


# --- the annotation sheet -------------------------------------------------------------------


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _point(value: str) -> tuple[dt.date, dt.date, str]:
    """First day, last day and grain of one shorthand value (see the module's docstring)."""
    if m := re.fullmatch(r"week:(\d{4}-\d\d-\d\d)", value):
        day = dt.date.fromisoformat(m[1])
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    if m := re.fullmatch(r"(\d{4})-(winter|spring|summer|autumn)", value):
        year, (first, last) = int(m[1]), SEASON_MONTHS[m[2]]
        start_year = year - 1 if first > last else year
        return dt.date(start_year, first, 1), _last_day(year, last), "season"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, q = int(m[1]), int(m[2])
        return dt.date(year, 3 * q - 2, 1), _last_day(year, 3 * q), "quarter"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        day = dt.date.fromisoformat(value)
        return day, day, "day"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _last_day(year, month), "month"
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), "year"
    raise ValueError(f"not a date value: {value!r}")


def parse_value(value: str) -> dict:
    """A shorthand value as a label: {'first', 'last', 'grain'} or {'out': reason}."""
    value = value.strip()
    if value.startswith("out:"):
        return {"out": value[4:].strip()}
    first_text, _, last_text = value.partition("..")
    first, last, grain = _point(first_text.strip())
    if last_text:
        last = _point(last_text.strip())[1]
        if last < first:
            raise ValueError(f"a range that runs backwards: {value!r}")
    return {"first": first.isoformat(), "last": last.isoformat(), "grain": grain}


def locate(sentence: str, surface: str) -> tuple[int, int]:
    """Offsets of `surface` ('text' or 'text #N', the N-th occurrence) in `sentence`."""
    m = re.fullmatch(r"(.*?)\s+#(\d+)", surface)
    text, nth = (m[1], int(m[2])) if m else (surface, 1)
    start = -1
    for _ in range(nth):
        start = sentence.find(text, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} is not in {sentence!r}")
    return start, start + len(text)


def write_sheet(drawn: list[Sentence], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n, s in enumerate(drawn, 1):
            weekday = calendar.day_abbr[s.published.weekday()]
            out.write(f"## {n} | {half(s.text)} | {s.key} | {s.published} {weekday}\n")
            out.write(f"# title: {s.title}\n{s.text}\n\n")


def read_sheet(path: Path) -> list[dict]:
    """The annotated sheet as label rows (the COLUMNS of the label file)."""
    rows: list[dict] = []
    text_lines: list[str] = []

    def close() -> None:
        if rows and "text" not in rows[-1]:
            rows[-1]["text"] = "\n".join(text_lines).strip()

    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.fullmatch(r"## (\d+) \| (\w+) \| (\w+):(\d+)-(\d+) \| (\S+) \w+", line):
            close()
            rows.append(
                {
                    "n": int(m[1]),
                    "article_id": m[3],
                    "start": int(m[4]),
                    "stop": int(m[5]),
                    "published": m[6],
                    "dates": [],
                }
            )
            text_lines = []
        elif line.startswith(">"):
            close()
            surface, _, value = line[1:].rpartition("|")
            start, stop = locate(rows[-1]["text"], surface.strip())
            rows[-1]["dates"].append({"span": [start, stop], **parse_value(value)})
        elif not line.startswith("#") and rows and "text" not in rows[-1]:
            text_lines.append(line)
    close()
    for row in rows:
        row["digest"], row["half"] = digest(row["text"]), half(row["text"])
        row["dates"].sort(key=lambda d: d["span"])
    return rows


# --- the label file -------------------------------------------------------------------------


def write_labels(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            cells = [row[c] for c in COLUMNS[:-1]]
            cells.append(json.dumps(row["dates"], ensure_ascii=False, separators=(",", ":")))
            out.write("\t".join(map(str, cells)) + "\n")


def read_labels(path: Path = DEFAULT_LABELS) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        rows.append(
            {
                **row,
                "n": int(row["n"]),
                "start": int(row["start"]),
                "stop": int(row["stop"]),
                "published": dt.date.fromisoformat(row["published"]),
                "dates": json.loads(row["dates"]),
            }
        )
    return rows


def with_texts(rows: list[dict], corpus: Path) -> list[dict]:
    """The label rows with their sentence texts cut again from the corpus; a sentence whose
    text no longer has its digest (the corpus or the ingestion changed) stops the run."""
    articles = dated_articles(corpus)
    texts = dict(zip(articles["article_id"].to_pylist(), articles["text"].to_pylist(), strict=True))
    drifted = []
    for row in rows:
        row["text"] = texts.get(row["article_id"], "")[row["start"] : row["stop"]]
        if digest(row["text"]) != row["digest"]:
            drifted.append(row["n"])
    if drifted:
        sys.exit(f"Sentences no longer match their digests: {drifted}; draw the sample again.")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--sheet", type=Path, help="draw the sample and write a sheet")
    action.add_argument("--read", type=Path, help="an annotated sheet to turn into labels")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"No corpus at {args.corpus}; pass --corpus PATH.", file=sys.stderr)
        return 2
    if args.sheet:
        drawn = draw(sentences(args.corpus))
        write_sheet(drawn, args.sheet)
        halves = [half(s.text) for s in drawn]
        print(f"{len(drawn)} sentences (tune {halves.count('tune')}) written to {args.sheet}")
        return 0
    rows = read_sheet(args.read)
    drawn = {s.key: s for s in draw(sentences(args.corpus))}
    for row in rows:
        key = f"{row['article_id']}:{row['start']}-{row['stop']}"
        if key not in drawn or drawn[key].text != row["text"]:
            sys.exit(f"Sentence {row['n']} of the sheet is not the drawn one ({key}).")
    write_labels(rows, args.labels)
    print(f"{len(rows)} sentences, {sum(len(r['dates']) for r in rows)} expressions: {args.labels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
