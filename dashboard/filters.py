"""The global filters: one value object, kept in the URL query string, turned into SQL.

Within one kind of filter any value matches (Azerbaijan or Turkey); across kinds all must
(Azerbaijan and December). Entity types narrow which entities the actor charts count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace

#: URL parameter of each field; a list field repeats its parameter (?country=AZE&country=TUR).
PARAMS = {
    "start": "from",
    "end": "to",
    "countries": "country",
    "actors": "actor",
    "types": "type",
    "topics": "topic",
    "sources": "source",
    "text": "q",
    "headlines": "headline",
    "inferred": "inferred",
}
#: Entity types as the sidebar offers them (`?type=MEDIUM`): media are sources, not actors, so
#: the actor charts leave them out unless asked (`Filters.actor_types`).
ENTITY_TYPES = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MEDIUM": "Media"}
ENTITY_TYPE = {"PER": "Person", "ORG": "Organisation", "LOC": "Place", "MEDIUM": "Medium"}


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    topics: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    #: Count only what headlines name: the country and actor filters, and every count of
    #: actors and countries, read mentions in headlines alone.
    headlines: bool = False
    #: Use publication dates inferred from an article's own dateline (`date_source`
    #: 'inferred'); without them such an article is undated.
    inferred: bool = True

    @property
    def words(self) -> list[str]:
        """The text filter's words, lower case: an article must have each inside a word of its
        title or text ('санкц' finds 'санкции'; 'Средний коридор' needs both words)."""
        return list(dict.fromkeys(re.findall(r"[^\W_]+", self.text.lower())))

    @property
    def actor_types(self) -> list[str]:
        """The entity types the actor charts count: the filter's, else people and organisations
        (not places, and not media: the Sources page ranks those)."""
        return list(self.types or ("PER", "ORG"))

    @property
    def active(self) -> bool:
        return self != Filters()

    @property
    def whole(self) -> bool:
        """Whether every article is selected and every mention counted, so that the build's
        own counts (`totals`, `entities.n_articles`) are the selection's: no filter narrows
        the articles nor reads headlines alone (entity types and inferred dates change
        neither; a date range is a filter even when it spans the build)."""
        return replace(self, types=(), inferred=True) == Filters()

    @classmethod
    def from_params(cls, params: Mapping[str, list[str]]) -> Filters:
        """Read `?from=2025-12-01&country=AZE&...`; values that do not parse are ignored."""

        def one(name: str) -> str:
            values = params.get(PARAMS[name]) or [""]
            return values[-1].strip()

        def many(name: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v for v in params.get(PARAMS[name], []) if v))

        return cls(
            start=_date(one("start")),
            end=_date(one("end")),
            countries=tuple(c.upper() for c in many("countries")),
            actors=many("actors"),
            types=tuple(t for t in (t.upper() for t in many("types")) if t in ENTITY_TYPES),
            topics=tuple(int(t) for t in many("topics") if t.isdigit()),
            sources=many("sources"),
            text=one("text"),
            headlines=_flag(one("headlines"), default=False),
            inferred=_flag(one("inferred"), default=True),
        )

    def to_params(self) -> dict[str, list[str]]:
        """The URL parameters of the filters that are set."""
        found: dict[str, list[str]] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool):  # written only when it differs from its default
                value = "" if value == field.default else "1" if value else "0"
            values = [str(v) for v in value] if isinstance(value, tuple) else [str(value or "")]
            if any(values):
                found[PARAMS[field.name]] = values
        return found

    def describe(self) -> dict:
        """The filters that are set (a switch: when not at its default), for a download's
        provenance."""
        return {
            k: (v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, tuple) else v)
            for k, v in asdict(self).items()
            if v != getattr(Filters, k, None) and (v or isinstance(v, bool))
        }

    def where(self, holding: Mapping[str, list[str]] | None = None) -> tuple[str, list]:
        """SQL selecting the matching articles (`SELECT article_id, article_key FROM articles ...`)
        and its parameters. User input is always a parameter, never part of the SQL
        text. `holding` maps a typed word (of `words`) to the indexed words that hold
        it, found in the build's `vocabulary`: the index is then read in their row
        groups alone; a typed word without them is looked for in every indexed word."""
        clauses, params = [], []
        if self.start or self.end:
            ranged, bounds = self.in_range("published" if self.inferred else _UNINFERRED)
            clauses.append(ranged)
            params.extend(bounds)
        if self.sources:
            clauses.append("list_contains(?, source)")
            params.append(list(self.sources))
        for word in self.words:  # every typed word inside some word of the article
            listed = (holding or {}).get(word)
            found = "contains(word, ?)" if listed is None else "list_contains(?, word)"
            clauses.append(f"article_id IN (SELECT article_id FROM words WHERE {found})")
            params.append(word if listed is None else listed)
        # An article's countries, actors and topics: its rows of `article_facets`, laid out by
        # value, so that only the chosen values' row groups are read (not every mention of the
        # range), and matched on the articles' whole-number keys. With the headline filter, a
        # country or an actor named in the headline.
        headline = " AND in_headline" if self.headlines else ""
        dates, bounds = self.in_range("published")
        for facet, values, only in (
            ("country", list(self.countries), headline),
            ("actor", list(self.actors), headline),
            ("topic", [str(t) for t in self.topics], ""),
        ):
            if values:
                listed = ", ".join(["?"] * len(values))
                inner = (
                    "SELECT article_key FROM article_facets "
                    f"WHERE facet = ? AND value IN ({listed}){only} AND {dates}"
                )
                clauses.append(f"article_key IN ({inner})")
                params.extend([facet, *values, *bounds])
        where = " AND ".join(clauses) or "TRUE"
        return f"SELECT article_id, article_key FROM articles WHERE {where}", params

    def in_range(self, column: str) -> tuple[str, list]:
        """A filter of `column` (a table's `published`, laid out by date) to the date range, and
        its parameters; "true" without a bound. Every selected article's date lies in the range
        (an undated article is not selected once a bound is set, and a date the filters ignore
        as inferred is the article's own), so it drops no selected row; bound before DuckDB
        plans, it lets the scan skip the row groups of other dates, as a join on `sel` does
        not."""
        bounds = [(">=", self.start), ("<=", self.end)]
        clauses = [f"{column} {op} ?" for op, day in bounds if day]
        return " AND ".join(clauses) or "true", [day for _, day in bounds if day]


#: `published`, without the dates inferred from datelines.
_UNINFERRED = "(CASE WHEN date_source = 'inferred' THEN NULL ELSE published END)"


def _flag(value: str, default: bool) -> bool:
    return default if not value else value.lower() in ("1", "true", "yes")


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
