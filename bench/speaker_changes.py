"""Quotes whose speaker a change of the speaker rules sets or alters, drawn to be judged.

    python bench/speaker_changes.py sheet --before DIR --after DIR [--seed N] [--n 60]
                                          --out SHEET.tsv
    python bench/speaker_changes.py labels SHEET.tsv OUT.tsv

`sheet` compares the quotes two builds of the same corpus share (same article and span) and
draws `--n` of those whose speaker's name differs (those of lowest hash of the seed, the article
and the span), with the context `audit_quotes.py` shows and the speaker before and after. Fill
`after_ok` (y/n: is the speaker after the change right, by bench/labels/quotes_audit_guide.md)
and `note`. `labels` keeps a judged sheet without the corpus's text, to commit.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_entities import change_sheets, seeded_hash  # noqa: E402
from audit_quotes import (  # noqa: E402
    QUOTES,
    SHOWN,
    TEXT,
    _connect,
    _dicts,
    _row,
    texts_and_sentences,
)

COLUMNS = (*SHOWN, "speaker_before", "speaker", "speaker_type", "after_ok", "note")
LABELS = tuple(c for c in COLUMNS if c not in TEXT)


def _speakers(data: Path) -> dict[tuple, dict]:
    return {(r["article_id"], r["start"], r["stop"]): r for r in _dicts(_connect(data).sql(QUOTES))}


def changed(before: Path, after: Path) -> tuple[dict[tuple, str], dict[tuple, dict]]:
    """The speaker before of each shared quote whose speaker's name differs, and the quotes
    after."""
    old, new = _speakers(before), _speakers(after)
    differ = {
        k: old[k]["speaker"] or ""
        for k in new
        if k in old and old[k]["speaker"] != new[k]["speaker"]
    }
    return differ, new


def sheet(before: Path, after: Path, seed: int, n: int) -> list[dict]:
    differ, new = changed(before, after)
    picked = sorted(differ, key=lambda k: seeded_hash(seed, *k))[:n]
    db = _connect(after)
    articles, bounds = texts_and_sentences(db, sorted({k[0] for k in picked}))
    rows = []
    for i, k in enumerate(picked, 1):
        text, title_stop = articles[k[0]]
        row = _row(new[k], text, title_stop, bounds.get(k[0], []))
        rows.append({"n": i, **row, "speaker_before": differ[k]})
    print(f"{len(differ):,} shared quotes change speaker; {len(rows)} drawn", file=sys.stderr)
    kinds = Counter(
        ("set" if not v else "unset" if not new[k]["speaker"] else "altered")
        for k, v in differ.items()
    )
    print(", ".join(f"{kind} {count:,}" for kind, count in sorted(kinds.items())), file=sys.stderr)
    return rows


def main() -> None:
    change_sheets(__doc__, sheet, COLUMNS, LABELS, seed=1, n=60)


if __name__ == "__main__":
    main()
