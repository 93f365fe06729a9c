"""The stages that place a corpus's mentions in their sentences, chunk by chunk: `sentences`,
`country_mentions`, `furniture` (found per article), and, when the corpus has their
per-article tables, `events` (from `dates`) and `quotes` (from `speech`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import nullcontext
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.runtime.corpus import Corpus
from pipeline.runtime.engine import SERIAL, Engine, detached
from pipeline.runtime.output import Written, closed, writers
from pipeline.runtime.timer import Timer
from pipeline.stages.countries import build_country_mentions
from pipeline.stages.events import build_events
from pipeline.stages.headlines import mark_headlines
from pipeline.stages.quotes import build_quotes, kinds_of, people_of, shown_genders, surnames_of
from pipeline.stages.speakers.records import Person

#: The table `situate` writes from each optional per-article table.
SITUATED = {"dates": "events", "speech": "quotes"}


def situate(
    corpus: Corpus,
    directory: Path,
    entities: pa.Table,
    *,
    engine: Engine = SERIAL,
    timer: Timer | None = None,
) -> Written:
    """`sentences`, `country_mentions` and (when the corpus has their per-article tables)
    `events` and `quotes`, chunk by chunk, written into `directory`, where `link` wrote the
    mentions. Quotes are named on `engine`'s workers while the next chunks' countries and
    events are found here."""
    timer = timer or Timer()
    optional = [name for name in ("dates", "speech") if name in corpus.store.tables]
    output = writers(
        directory,
        ["sentences", "country_mentions", "furniture", *(SITUATED[name] for name in optional)],
    )
    chunks = corpus.chunks(
        ["sentences", "adjectives", "furniture", *optional],
        files={"mentions": directory / "mentions.parquet"},
    )
    shown = shown_genders(_gender_counts(corpus, directory)) if "speech" in optional else {}
    people = people_of(entities, shown)
    surnames = surnames_of(entities)  # of the whole corpus, so the same for every chunk
    kinds = kinds_of(entities)
    if corpus.chunked <= 1:  # one task: not worth starting workers
        engine = SERIAL

    def quotes_to_name() -> Iterator[tuple]:
        """Per chunk: its countries and events, written; then what naming its quotes needs
        (for a worker, only what the chunk holds)."""
        for chunk in chunks:
            with timer.stage("countries"):
                country_mentions = build_country_mentions(
                    chunk["adjectives"],
                    chunk["sentences"],
                    chunk["mentions"],
                    entities,
                    chunk["articles"].select(["article_id", "text"]),
                )
            with timer.stage("events"):
                if "dates" in chunk:
                    events = build_events(
                        chunk["articles"],
                        chunk["sentences"],
                        chunk["dates"],
                        chunk["mentions"],
                        country_mentions,
                    )
                    output["events"].write(mark_headlines(events, corpus.headlines))
            with timer.stage("write"):
                output["sentences"].write(mark_headlines(chunk["sentences"], corpus.headlines))
                output["country_mentions"].write(mark_headlines(country_mentions, corpus.headlines))
                output["furniture"].write(mark_headlines(chunk["furniture"], corpus.headlines))
            if "speech" not in chunk:
                continue
            tables = (
                chunk["articles"].select(["article_id", "text"]),
                chunk["sentences"],
                chunk["speech"],
                chunk["mentions"],
                country_mentions,
            )
            if not engine.parallel:
                yield *tables, people, surnames, kinds
                continue
            named = pc.unique(chunk["mentions"]["entity_id"]).to_pylist()
            yield (
                *map(detached, tables),
                chunk_people(people, surnames, named),
                surnames,
                {e: kinds[e] for e in named if e in kinds},
            )

    # The quotes stage's seconds include the countries and events found meanwhile.
    with timer.stage("quotes") if "speech" in optional else nullcontext():
        for quotes in engine.imap(build_quotes, quotes_to_name()):
            output["quotes"].write(mark_headlines(quotes, corpus.headlines))
    with timer.stage("write"):
        return closed(output)


def _gender_counts(corpus: Corpus, directory: Path) -> dict[str, Counter]:
    """Per person (entity id), how many of their mentions' sentences show each gender (the
    raw mentions' `gender`, joined to the linked mentions by their span)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    chunks = corpus.chunks(
        ["raw_mentions"], files={"mentions": directory / "mentions.parquet"}, columns=["article_id"]
    )
    spans = ["article_id", "start", "stop"]
    for chunk in chunks:
        raw = chunk["raw_mentions"].select([*spans, "gender"]).filter(pc.field("gender").is_valid())
        linked = chunk["mentions"].filter(pc.field("type") == "PER").select([*spans, "entity_id"])
        joined = raw.join(linked, spans, join_type="inner").group_by(["entity_id", "gender"])
        found = joined.aggregate([("start", "count")])
        columns = (found[c].to_pylist() for c in ("entity_id", "gender", "start_count"))
        for entity_id, gender, n in zip(*columns, strict=True):
            counts[entity_id][gender] += n
    return counts


def chunk_people(
    people: Mapping[str, Person], surnames: Mapping[str, str], named: Iterable[str]
) -> dict[str, Person]:
    """The people a worker naming a chunk's quotes needs: those its mentions tag (`named`),
    and those a name written alone may stand for (`surnames`' people), whom the speaker stage
    finds where the text writes them untagged ('Майкл Оуэн' under a photo): without them a
    worker would name other speakers than one process does."""
    wanted = set(named).union(surnames.values())
    return {e: people[e] for e in sorted(wanted) if e in people}
