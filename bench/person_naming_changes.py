"""People whose entity a change of the entity stage renames or joins, drawn to be judged.

    python bench/person_naming_changes.py sheet --before DIR --after DIR [--seed N] [--n 40]
                                                --out SHEET.tsv
    python bench/person_naming_changes.py labels SHEET.tsv OUT.tsv

`sheet` compares the person mentions two builds of the same corpus share (same article and
span) and groups those whose entity's name differs by article, entity before and entity after:
each group is one change (a bare 'Багчи' that now names 'Хусейн Багчи' in its article, or a
'Прядкина' moved from 'Сергей Прядкин' to 'Анна Прядкина'). It prints how many groups, entities
and mentions change, and draws `--n` groups (lowest hash of the seed, the article and the two
names) with the sentence of their first mention and the article's full names of that surname.
Fill `after_ok` (y/n: does the entity after name the person the article means, in full where
the article names them in full?) and `note`. `labels` keeps a judged sheet without the text.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_entities import change_sheets, seeded_hash  # noqa: E402

COLUMNS = (
    "n",
    "article_id",
    "before",
    "after",
    "mentions",
    "surfaces",
    "context",
    "named_in_article",
    "after_ok",
    "note",
)
LABELS = tuple(c for c in COLUMNS if c not in ("context", "named_in_article"))
_WIDTH = 160

_PEOPLE = """
SELECT m.article_id, m.start, m.stop, m.surface, e.name
FROM '{data}/mentions.parquet' m JOIN '{data}/entities.parquet' e USING (entity_id)
WHERE e.type = 'PER'
"""


def _named(data: Path) -> dict[tuple, tuple[str, str]]:
    rows = duckdb.sql(_PEOPLE.format(data=data)).fetchall()
    return {(a, s, e): (surface, name) for a, s, e, surface, name in rows}


def changes(before: Path, after: Path) -> dict[tuple[str, str, str], list[tuple]]:
    """(article, entity before, entity after) -> the shared person mentions (key, surface)
    whose entity's name differs."""
    old, new = _named(before), _named(after)
    found: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for k in sorted(new.keys() & old.keys()):
        if old[k][1] != new[k][1]:
            found[k[0], old[k][1], new[k][1]].append((k, new[k][0]))
    return found


def sheet(before: Path, after: Path, seed: int, n: int) -> list[dict]:
    found = changes(before, after)
    entities = {b for _a, b, _n in found} | {a for _x, _b, a in found}
    mentions = sum(len(v) for v in found.values())
    print(f"{len(found)} changes (article, before, after), {mentions} mentions,")
    print(f"{len({b for _a, b, _n in found})} entity names before, {len(entities)} in all")
    picked = sorted(found, key=lambda k: seeded_hash(seed, *k))[:n]
    rows = []
    for i, k in enumerate(picked, 1):
        article_id, old, new = k
        ((text,),) = duckdb.sql(
            f"SELECT text FROM '{after}/articles.parquet' WHERE article_id = ?", params=[article_id]
        ).fetchall()
        (_a, start, stop), _surface = found[k][0]
        lo, hi = max(0, start - _WIDTH), min(len(text), stop + _WIDTH)
        context = " ".join(f"{text[lo:start]}[[{text[start:stop]}]]{text[stop:hi]}".split())
        last = new.split(" (")[0].split()[-1][:-1] if new else ""
        full = duckdb.sql(
            f"SELECT DISTINCT m.surface FROM '{after}/mentions.parquet' m "
            "WHERE article_id = ? AND type = 'PER' AND surface LIKE '% %' AND surface LIKE ?",
            params=[article_id, f"%{last}%"],
        ).fetchall()
        rows.append(
            {
                "n": i,
                "article_id": article_id,
                "before": old,
                "after": new,
                "mentions": len(found[k]),
                "surfaces": "; ".join(sorted({s for _k, s in found[k]})),
                "context": context,
                "named_in_article": "; ".join(sorted(s for (s,) in full)),
            }
        )
    return rows


def main() -> None:
    rows = change_sheets(__doc__, sheet, COLUMNS, LABELS, seed=47, n=40)
    if rows is not None:
        judged = [r for r in rows if r["after_ok"] in ("y", "n")]
        print(f"right after: {sum(r['after_ok'] == 'y' for r in judged)} of {len(judged)}")


if __name__ == "__main__":
    main()
