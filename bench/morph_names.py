"""Benchmark: natasha's morph tagger as evidence of a person mention's case and gender (issue 25).

A person's name often has several nominative readings ('Лероя Сане': 'Лерой Сане' or 'Лероя
Саня'); the rules choose by the sentence's verb and by the corpus (pipeline.nlp.ner,
pipeline.stages.entities.names). This script measures whether the tagger's Case and Gender of
the name's last word would choose better, where the readings disagree and no verb shows a
gender (the mentions the tagger would be run for). The tagger's (case, gender) picks a reading
only where every declining word of the name has a form of it (`normalize.reading_of`).

- `tuning`: the PER rows of the mention section of the audit sheets (their `n` rows' right
  nominatives are in bench/labels/entities_person_nominatives.tsv): how often the tagger's
  (case, gender) gives the right reading, and how many rows it would fix and break against
  the build's normal form.
- `bsnlp`: the same accuracy on BSNLP 2019 (ru) person occurrences against the gold lemma.
- `corpus`: the PER mentions of a build's first N articles: how many the tagger would be run
  for, its time per article on one BLAS thread, and each mention whose normal form it would
  change, as a TSV to judge by hand.

Usage: python bench/morph_names.py tuning|bsnlp|corpus [--build DIR] [--shared DIR]
       [--articles N] [--out changes.tsv]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import duckdb
from razdel import sentenize, tokenize
from threadpoolctl import threadpool_limits

from pipeline.nlp import ner, normalize
from pipeline.nlp.models import NER_BATCH, embedding

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
DEFAULT_BUILD = Path("/work/b37/final")
DEFAULT_SHARED = HERE.parents[1] / "shared"
#: The tagger's Universal Dependencies features -> pymorphy grammemes.
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
GENDERS = {"Masc": "masc", "Fem": "femn"}

#: A mention to tag: its text, its sentence's start and stop, its own start and stop.
Item = tuple[str, int, int, int, int]


def tagger():  # -> natasha.NewsMorphTagger
    from natasha import NewsMorphTagger

    found = NewsMorphTagger(embedding())
    found.batch_size = NER_BATCH
    return found


def grammar(items: list[Item]) -> list[tuple[str | None, str | None, str | None]]:
    """The tagger's part of speech, case and gender of each mention's last word, tagging
    each distinct sentence once (batched)."""
    sentences = list(dict.fromkeys((text, a, b) for text, a, b, _s, _e in items))
    tokens = [list(tokenize(text[a:b])) for text, a, b in sentences]
    tagged = dict(
        zip(sentences, tagger().map([[t.text for t in ts] for ts in tokens]), strict=True)
    )
    found = []
    for text, a, b, start, stop in items:
        words = list(tokenize(text[a:b]))
        inside = [
            i
            for i, t in enumerate(words)
            if a + t.start >= start and a + t.stop <= stop and t.text[0].isalpha()
        ]
        if not inside:
            found.append((None, None, None))
            continue
        token = tagged[(text, a, b)].tokens[inside[-1]]
        found.append(
            (token.pos, CASES.get(token.feats.get("Case")), GENDERS.get(token.feats.get("Gender")))
        )
    return found


def ambiguous(item: Item) -> tuple[tuple[tuple[float, str], ...], bool]:
    """A mention's readings as the rules give them, and whether the tagger would be asked:
    its readings disagree and no verb shows its gender."""
    text, a, b, start, stop = item
    readings, gender = ner._person_readings(text, a, b, start, stop)
    return readings, gender is None and len({n for _s, n in readings}) > 1


def tagger_reading(
    surface: str, tags: tuple, readings: tuple[tuple[float, str], ...]
) -> str | None:
    """The reading the tagger's case and gender pick among `readings`, if any."""
    pos, case, gender = tags
    if pos != "PROPN" or not case or not gender:
        return None
    found = normalize.reading_of(surface, case, gender)
    return found if any(n == found for _s, n in readings) else None


def same(name: str) -> str:
    return name.lower().replace("ё", "е").replace(" ", "")


def build_items(build: Path, keys: Iterable[tuple[str, int, int]]) -> dict[tuple, Item]:
    """(article, start, stop) -> Item, from the build's articles and sentences."""
    keys = list(keys)
    con = duckdb.connect()
    con.execute(
        "create temp table k as select * from (values "
        + ",".join(f"('{a}',{s},{e})" for a, s, e in keys)
        + ") t(article_id, start, stop)"
    )
    rows = con.execute(
        f"""select k.article_id, k.start, k.stop, s.start, s.stop, a.text from k
        join '{build}/sentences.parquet' s on s.article_id = k.article_id
            and s.start <= k.start and k.stop <= s.stop
        join '{build}/articles.parquet' a on a.article_id = k.article_id"""
    ).fetchall()
    return {(aid, start, stop): (text, a, b, start, stop) for aid, start, stop, a, b, text in rows}


def tuning(build: Path) -> None:
    right = {r["key"]: r["nominative"] for r in _tsv(LABELS / "entities_person_nominatives.tsv")}
    rows = []
    for path in sorted(LABELS.glob("entities_audit_seed*_*.tsv")):
        for r in _tsv(path):
            if r["section"] == "mention" and r["type"] == "PER" and r["normal_ok"]:
                gold = r["name"] if r["normal_ok"] == "y" else right.get(r["key"])
                if gold:
                    aid, start, stop = r["key"].split(":")
                    rows.append(((aid, int(start), int(stop)), r["normal_ok"], gold))
    items = build_items(build, [k for k, _ok, _g in rows])
    normal = _normals(build, items)
    asked = [
        (k, ok, gold, ambiguous(items[k])[0]) for k, ok, gold in rows if ambiguous(items[k])[1]
    ]
    tags = grammar([items[k] for k, *_rest in asked])
    tally: Counter[str] = Counter()
    for (key, ok, gold, readings), tag in zip(asked, tags, strict=True):
        surface = items[key][0][key[1] : key[2]]
        fits = normalize.reading_grammar(surface).get(gold, set())
        tally["asked"] += 1
        tally["right case"] += any(c == tag[1] for c, _g in fits)
        tally["right gender"] += any(g == tag[2] for _c, g in fits)
        tally["right case and gender"] += (tag[1], tag[2]) in fits
        picked = tagger_reading(surface, tag, readings)
        if picked and picked != normal[key]:
            fixed = same(picked) == same(gold)
            tally[
                "changed, " + ("fixed" if fixed else "broken" if ok == "y" else "still wrong")
            ] += 1
            print(f"{ok}\t{surface}\t{normal[key]} -> {picked}\t{' '.join(map(str, tag))}")
    print(f"tuning rows: {len(rows)} PER mentions with a right nominative")
    for name, count in tally.items():
        print(f"{name}: {count}")


def bsnlp(shared: Path) -> None:
    sys.path.insert(0, str(shared / "eval"))
    sys.path.insert(0, str(HERE))
    from eval_entities import ours
    from load_bsnlp import find_spans, load_bsnlp

    docs = list(load_bsnlp(str(shared / "eval/bsnlp")))
    built = ours({f"{d['topic']}/{d['doc_id']}": d["text"] for d in docs}, workers=1)
    normal = {
        (d["text"], a, b): n
        for d in docs
        for a, b, _t, n, _e in built[f"{d['topic']}/{d['doc_id']}"]
    }
    cases = []
    for d in docs:
        people = sorted(
            {(s.strip(), m.strip(), t, e) for s, m, t, e in d["mentions"] if t == "PER"}
        )
        sentences = list(sentenize(d["text"]))
        for a, b, _t, lemma, _e in find_spans(d["text"], people):
            sentence = next((s for s in sentences if s.start <= a and b <= s.stop), None)
            if sentence:
                cases.append(((d["text"], sentence.start, sentence.stop, a, b), lemma.strip()))
    asked = [(item, lemma, ambiguous(item)[0]) for item, lemma in cases if ambiguous(item)[1]]
    tags = grammar([item for item, _l, _r in asked])
    tally: Counter[str] = Counter()
    for (item, lemma, readings), tag in zip(asked, tags, strict=True):
        surface = item[0][item[3] : item[4]]
        fits = {
            k
            for n, ks in normalize.reading_grammar(surface).items()
            if same(n) == same(lemma)
            for k in ks
        }
        tally["asked"] += 1
        tally["right case and gender"] += (tag[1], tag[2]) in fits
        tally["rules' first reading right"] += same(readings[0][1]) == same(lemma)
        picked = tagger_reading(surface, tag, readings)
        if picked:
            tally["tagger picks a reading"] += 1
            tally["tagger's reading right"] += same(picked) == same(lemma)
        built_name = normal.get((item[0], item[3], item[4]))
        if built_name is None:
            continue
        tally["built normal form right"] += same(built_name) == same(lemma)
        if picked and same(picked) != same(built_name):
            fixed = same(picked) == same(lemma)
            broken = same(built_name) == same(lemma)
            tally["changed, " + ("fixed" if fixed else "broken" if broken else "still wrong")] += 1
            print(f"{surface}\t{built_name} -> {picked}\tgold {lemma}\t{' '.join(map(str, tag))}")
    print(f"BSNLP person occurrences: {len(cases)}")
    for name, count in tally.items():
        print(f"{name}: {count}")


def corpus(build: Path, articles: int, out: Path) -> None:
    con = duckdb.connect()
    con.execute(
        f"create temp table ids as select article_id from '{build}/articles.parquet' "
        f"limit {articles}"
    )
    keys = [
        (aid, start, stop)
        for aid, start, stop in con.execute(
            f"""select article_id, start, stop from '{build}/mentions.parquet'
            where type = 'PER' and article_id in (select * from ids) order by article_id, start"""
        ).fetchall()
    ]
    items = build_items(build, keys)
    normal = _normals(build, items)
    started = time.perf_counter()
    asked = [(k, ambiguous(items[k])[0]) for k in keys if ambiguous(items[k])[1]]
    ruled = time.perf_counter() - started
    model = tagger()
    model(["Тест"])  # loaded and warm before timing
    with threadpool_limits(1):
        started = time.perf_counter()
        tags = grammar([items[k] for k, _r in asked])
        tagged = time.perf_counter() - started
    changes = []
    for (key, readings), tag in zip(asked, tags, strict=True):
        text, a, b, start, stop = items[key]
        picked = tagger_reading(text[start:stop], tag, readings)
        if picked and picked != normal[key]:
            before = text[max(a, start - 100) : start].replace("\n", " ")
            context = f"{before}[[{text[start:stop]}]]{text[stop : min(b, stop + 60)]}"
            changes.append(
                (*key, text[start:stop], normal[key], picked, " ".join(tag[1:]), context)
            )
    print(f"articles: {articles}; PER mentions: {len(keys)}; asked: {len(asked)}")
    print(f"sentences tagged: {len({items[k][:3] for k, _r in asked})}")
    print(
        f"tagger: {1000 * tagged / articles:.1f} ms per article "
        f"(readings {1000 * ruled / articles:.1f} ms)"
    )
    print(f"changed normal forms: {len(changes)} -> {out}")
    with out.open("w", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(
            (
                "article_id",
                "start",
                "stop",
                "surface",
                "normal",
                "tagger",
                "tags",
                "context",
                "right",
            )
        )
        writer.writerows((*c, "") for c in changes)


def _tsv(path: Path) -> list[dict]:
    with path.open() as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _normals(build: Path, items: dict[tuple, Item]) -> dict[tuple, str]:
    ids = sorted({aid for aid, _s, _e in items})
    rows = duckdb.execute(
        f"""select article_id, start, stop, normal from '{build}/mentions.parquet'
        where article_id in (select unnest(?))""",
        [ids],
    ).fetchall()
    found = {(aid, start, stop): normal for aid, start, stop, normal in rows}
    return {key: found.get(key, "") for key in items}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("tuning", "bsnlp", "corpus"))
    parser.add_argument("--build", type=Path, default=DEFAULT_BUILD)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path("morph_changes.tsv"))
    args = parser.parse_args()
    if args.what == "tuning":
        tuning(args.build)
    elif args.what == "bsnlp":
        bsnlp(args.shared)
    else:
        corpus(args.build, args.articles, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
