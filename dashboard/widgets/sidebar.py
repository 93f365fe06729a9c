"""The sidebar: the build it shows, and the global filters, read from and written to the URL.

The filters' state is Streamlit session state: what the widgets hold, the filters this run
applied (`current_filters`), and a filter queued for the next run (`queue_filter`).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.filters import ENTITY_TYPES, PARAMS, Filters
from dashboard.labels import country_name
from dashboard.queries.options import (
    actor_labels,
    entity_names,
    filter_options,
    typed_actor,
)
from dashboard.store import Build, corpus_summary, manifest

#: Actors the picker lists: the most written-about ones (and any selected). Every other is
#: reached by typing its name or an alias; a few hundred options draw in the browser in a
#: fraction of the time of thousands (docs/benchmarks.md).
LISTED_ACTORS = 300

_KEYS = {
    name: f"f-{name}"
    for name in (
        "dates",
        "countries",
        "actors",
        "types",
        "topics",
        "sources",
        "text",
        "headlines",
        "inferred",
    )
}
_APPLIED = "f-applied"
_PENDING = "f-pending"
_NOTES = "f-actor-notes"


def build_info(build: Build) -> None:
    """Which build the app shows: its directory, id, size and date."""
    info = manifest(build)
    rows = info["tables"]["articles"]["rows"]
    st.sidebar.caption(
        f"**Data:** `{build.directory}`  \n"
        f"build `{build.build_id}` · {rows:,} articles · built {info['created_at'][:16]}Z"
    )


def prepare(build: Build) -> None:
    """Run the sidebar's queries that no filter changes (the dates' bounds, the pickers'
    options and the actors' labels, the sidebar's and the pages' pickers'), so that they are
    cached for every session of `build`, and name the picker's countries (the first names looked
    up load pycountry's and babel's data)."""
    _bounds(build)
    actor_labels(build, [], LISTED_ACTORS)
    actor_labels(build, [])
    for code in filter_options(build)["countries"]["country"]:
        country_name(code)


def filters(build: Build) -> Filters:
    """The global filters in the sidebar, read from and written to the URL.

    A link's filters fill the widgets. A page switch in the browser drops the query string;
    the widgets keep their state then, and the filters are written back to the new URL.
    """
    bounds = _bounds(build)
    _restore(Filters.from_params(_params()), bounds)
    st.sidebar.header("Filters")
    chosen = Filters(*_date_range(bounds), *_pickers(build), _text(), *_toggles())
    _apply(chosen)
    return chosen


def current_filters() -> Filters:
    """The filters the sidebar applied in this run (main.py renders it before the page)."""
    return st.session_state.get(_APPLIED) or Filters()


def queue_filter(kind: str, value: object) -> None:
    """Add `value` to the `kind` filter at the start of the next run, before the sidebar's
    widgets exist (a widget's state cannot change once it is drawn). Also a button callback."""
    st.session_state[_PENDING] = (kind, value)


def _bounds(build: Build) -> tuple:
    """The build's first and last publication dates (both None when no article is dated)."""
    corpus = corpus_summary(build)
    bounds = (corpus["first"], corpus["last"])
    return tuple(b.date() if hasattr(b, "date") else b for b in bounds)


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _restore(wanted: Filters, bounds: tuple) -> None:
    """Fill the widgets with the URL's filters on the first run and when a link brings other
    ones, then add the value a chart click queued (`queue_filter`)."""
    applied = st.session_state.get(_APPLIED)
    if applied is None or (wanted != applied and wanted.active):
        _load(wanted, bounds)
    elif _dropped(bounds) or (applied.active and not wanted.active):
        _load(applied, bounds)  # a page switch: no filters in the URL, nor any to lose
    pending = st.session_state.pop(_PENDING, None)
    if pending:
        kind, value = pending
        st.session_state[_KEYS[kind]] = [*st.session_state.get(_KEYS[kind], []), value]


def _dropped(bounds: tuple) -> bool:
    """Whether Streamlit dropped the state of a filter's widget, as it did under load when a
    page was switched while a run still went on (the page switch could also bring a widget's
    default value, inferred dates off): the filters would fall back to the widgets' defaults,
    so the ones this session applied come back."""
    names = [n for n in _KEYS if n != "dates" or bounds[0] is not None]
    return any(_KEYS[n] not in st.session_state for n in names)


def _load(wanted: Filters, bounds: tuple) -> None:
    """Put `wanted` into the widgets' state."""
    state = st.session_state
    if bounds[0] is not None:  # a link's dates outside this build's range are clamped to it
        low, high = bounds
        start = min(max(wanted.start or low, low), high)
        state[_KEYS["dates"]] = (start, min(max(wanted.end or high, start), high))
    for name in ("countries", "actors", "types", "topics", "sources"):
        state[_KEYS[name]] = list(getattr(wanted, name))
    state[_KEYS["text"]] = wanted.text
    state[_KEYS["headlines"]] = wanted.headlines
    state[_KEYS["inferred"]] = wanted.inferred


def _clear() -> None:
    for key in (*_KEYS.values(), _APPLIED):
        st.session_state.pop(key, None)
    for name in PARAMS.values():
        st.query_params.pop(name, None)


def _date_range(bounds: tuple) -> tuple[dt.date | None, dt.date | None]:
    """The publication dates picked; a date left at the build's own bound is no filter."""
    if bounds[0] is None:
        return None, None
    picked = st.sidebar.date_input(
        "Published",
        min_value=bounds[0],
        max_value=bounds[1],
        key=_KEYS["dates"],
        format="YYYY-MM-DD",
    )
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    start = picked[0] if picked and picked[0] != bounds[0] else None
    end = picked[1] if len(picked) > 1 and picked[1] != bounds[1] else None
    return start, end


def _pickers(build: Build) -> tuple[tuple, ...]:
    """The countries, actors, entity types, topics and sources picked, in `Filters` order."""
    options = filter_options(build)
    side = st.sidebar
    named = dict(
        zip(options["countries"]["country"], options["countries"]["articles"], strict=True)
    )
    countries = side.multiselect(
        "Countries",
        _with_chosen(list(named), _KEYS["countries"]),
        format_func=lambda c: f"{country_name(c)} ({named.get(c, 0):,})",
        key=_KEYS["countries"],
    )
    actors = _actors(build)
    types = side.multiselect(
        "Entity types", list(ENTITY_TYPES), format_func=ENTITY_TYPES.get, key=_KEYS["types"]
    )
    topics = dict(zip(options["topics"]["topic_id"], options["topics"]["label"], strict=True))
    chosen_topics = side.multiselect(
        "Topics",
        _with_chosen(list(topics), _KEYS["topics"]),
        format_func=lambda t: f"{t} · {topics.get(t, '?')}",
        key=_KEYS["topics"],
    )
    sources = options["sources"]["source"].tolist()
    chosen_sources = side.multiselect(
        "Sources", _with_chosen(sources, _KEYS["sources"]), key=_KEYS["sources"]
    )
    return (
        tuple(countries),
        tuple(actors),
        tuple(types),
        tuple(int(t) for t in chosen_topics),
        tuple(chosen_sources),
    )


def _actors(build: Build) -> list[str]:
    """The actors' picker: the most written-about actors listed, any other typed by name, alias
    or a form the articles write, and found by `_typed_actors` before the next run draws the
    picker."""
    labels = actor_labels(build, st.session_state.get(_KEYS["actors"], []), LISTED_ACTORS)
    actors = st.sidebar.multiselect(
        "Actors",
        list(labels),
        format_func=lambda a: labels.get(a, a),
        key=_KEYS["actors"],
        placeholder="Type a name or an alias",
        help="The most written-about actors are listed; type the name or an alias of any other, "
        "or a form the articles write it in, and press Enter.",
        accept_new_options=True,
        filter_mode="contains",  # a typed name not listed is not matched to an unrelated one
        select_all=False,  # (Streamlit offers it for up to 1,000 options)
        on_change=_typed_actors,
        args=(build,),
    )
    for note in st.session_state.pop(_NOTES, []):
        st.sidebar.caption(note)
    return actors


def _typed_actors(build: Build) -> None:
    """The actors' picker's callback: each typed value that is no entity id becomes the entity
    it names or the articles write so (`_named`); what was found, or not, is said under the
    picker."""
    picked = st.session_state[_KEYS["actors"]]
    listed = actor_labels(build, [], LISTED_ACTORS)
    unlisted = [v for v in picked if v not in listed]
    known = listed.keys() | (entity_names(build, unlisted) if unlisted else {}).keys()
    chosen, notes = [], []
    for value in picked:
        entity, note = (value, None) if value in known else _named(build, value)
        chosen += [entity] if entity else []
        notes += [note] if note else []
    st.session_state[_KEYS["actors"]] = list(dict.fromkeys(chosen))
    st.session_state[_NOTES] = notes


def _named(build: Build, typed: str) -> tuple[str | None, str | None]:
    """The entity `typed` is taken to mean (`typed_actor`), and what to say of the choice when
    it fits several; None and why when it fits none."""
    found, as_name = typed_actor(build, typed)
    if found.empty:
        return None, f"No actor is named or written «{typed}»: the filter is as it was."
    first = found.iloc[0]
    if len(found) == 1:
        return first["entity_id"], None
    if as_name:
        return first["entity_id"], (
            f"«{typed}» names {len(found)} actors: the most written-about is chosen, "
            f"{first['name']} ({first['type']}, {first['articles']:,} articles)."
        )
    return first["entity_id"], (
        f"«{typed}» is written for {len(found)} actors: the most often written so is chosen, "
        f"{first['name']} ({first['type']}, {first['written']:,} of "
        f"{found['written'].sum():,} mentions)."
    )


def _with_chosen(options: list, key: str) -> list:
    """`options` plus anything already chosen that they lack (a link may name it)."""
    return options + [v for v in st.session_state.get(key, []) if v not in options]


def _text() -> str:
    """The text filter as typed, without surrounding spaces."""
    text = st.sidebar.text_input(
        "Text contains",
        key=_KEYS["text"],
        placeholder="e.g. Средний коридор",
        help="Articles with every one of these words in their title or text, in any case; part "
        "of a word counts ('санкц' finds 'санкции'). The Search page finds exact phrases.",
    )
    return text.strip()


def _toggles() -> tuple[bool, bool]:
    """'In headlines only' and 'Inferred dates', in `Filters` order."""
    headlines = st.sidebar.toggle(
        "In headlines only",
        key=_KEYS["headlines"],
        help="Count only the actors and countries that headlines name, and filter on them.",
    )
    inferred = st.sidebar.toggle(
        "Inferred dates",
        key=_KEYS["inferred"],
        help="Date an undated article by its own dateline ('ВАШИНГТОН, 3 марта 2017 г. - "
        "ТАСС.'); off, such articles count as undated.",
    )
    return headlines, inferred


def _apply(chosen: Filters) -> None:
    """The 'Clear filters' button; then `chosen` is this run's filters and the URL's."""
    st.sidebar.button(
        "Clear filters",
        on_click=_clear,
        disabled=not chosen.active,
        icon=":material/filter_alt_off:",
    )
    st.session_state[_APPLIED] = chosen
    for name in PARAMS.values():
        st.query_params.pop(name, None)
    for name, values in chosen.to_params().items():
        st.query_params[name] = values
