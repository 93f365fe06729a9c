"""How articles and quotes are shown: article lists, bylines, quoted text, quote tables, and the
Reader's highlights. Article text is always escaped, so markup in it stays text."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.filters import Filters
from dashboard.store import Build
from dashboard.widgets.downloads import table_downloads
from dashboard.widgets.url import page_links

_CITE_STYLE = "font-size: 0.85rem; color: #5f6368; margin: 0.8rem 0 0.2rem"
_QUOTE_STYLE = (
    f"margin: 0; padding: 0.2rem 0 0.2rem 0.9rem; border-left: 3px solid {charts.ACCENT}; "
    "white-space: pre-wrap; line-height: 1.5"
)
#: Highlight colours of the Reader, by kind of span.
MARKS = {
    "PER": ("#fde2c4", "person"),
    "ORG": ("#d7e8fb", "organisation"),
    "LOC": ("#d9f2dc", "place"),
    "MEDIUM": ("#fbdce4", "medium"),
    "DATE": ("#efe0fa", "date"),
    "QUERY": ("#fff59d", "text filter"),
    "FURNITURE": ("#f1f1f1", "page furniture, not analysed"),
}
_MARK_STYLE = "background: {}; border-radius: 3px; padding: 0 2px"
#: Furniture is greyed text, not a highlight.
_FURNITURE_STYLE = "color: #9a9a9a; background: {}"
#: How a list of articles is shown, on every page that has one.
ARTICLE_COLUMNS = {
    "title": st.column_config.TextColumn("Title", width="large"),
    "published": st.column_config.TextColumn("Published"),
    "source": "Source",
    "words": st.column_config.NumberColumn("Words", format="%d"),
    "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
    "url": st.column_config.LinkColumn("URL"),
    "article_id": "ID",
}


def shown_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """A list of articles as a table shows it: dates as 2025-12-05 or 'undated' (they still
    sort), without columns that are empty throughout (no URLs in plain-text corpora)."""
    return articles.assign(published=_dates(articles["published"])).dropna(
        axis="columns", how="all"
    )


def article_table(
    build: Build,
    filters: Filters,
    name: str,
    articles: pd.DataFrame,
    *,
    links: bool = False,
    **table: object,
) -> object:
    """A list of articles (`queries.articles.article_list`) as a table, sortable and
    searchable, with its CSV and provenance; with `links`, a link to each one in the Reader.
    `table` goes to `st.dataframe`, whose return value this returns (a table's selection)."""
    shown, columns = shown_articles(articles), ARTICLE_COLUMNS
    if links:
        shown = shown.assign(read=page_links("reader", filters, "article", articles["article_id"]))
        columns = {**columns, "read": st.column_config.LinkColumn("Open", display_text="Read")}
    picked = st.dataframe(shown, hide_index=True, column_config=columns, **table)
    table_downloads(build, filters, name, articles)
    return picked


def visible(frame: pd.DataFrame, column_config: dict) -> pd.DataFrame:
    """`frame` without the columns its table's `column_config` hides (None): a hidden column is
    still sent to the browser with the rest, and selections and downloads use the full frame."""
    return frame.drop(columns=[c for c, v in column_config.items() if v is None and c in frame])


def _dates(published: pd.Series) -> pd.Series:
    """Publication dates as 2025-12-05, or 'undated'."""
    return pd.to_datetime(published).dt.strftime("%Y-%m-%d").fillna("undated")


def published_on(published: object, fmt: str = "%d %b %Y") -> str:
    """A publication date as '05 Dec 2025' (or in `fmt`), or 'undated'."""
    return "undated" if pd.isna(published) else f"{published:{fmt}}"


def byline(article: dict, fmt: str = "%d %b %Y") -> str:
    """An article's (`queries.articles.article`) date in `fmt`, source and URL on one line."""
    url = f" · {article['url']}" if article["url"] else ""
    return f"{published_on(article['published'], fmt)} · {article['source']}{url}"


def quoted_text(text: str, cite: str = "") -> None:
    """Article text shown as written, under an optional `cite` line: both escaped, so markup
    and markdown in them stay text."""
    caption = f'<div style="{_CITE_STYLE}">{html.escape(cite)}</div>' if cite else ""
    st.html(f'{caption}<blockquote style="{_QUOTE_STYLE}">{html.escape(text)}</blockquote>')


def quote_count(quotes: pd.DataFrame) -> str:
    """How many quotes `quotes` (`queries.quotes.quotes`) shows: '12', or 'the 200 newest of
    340'."""
    total = int(quotes["total"].iloc[0]) if len(quotes) else 0
    return f"the {len(quotes):,} newest of {total:,}" if total > len(quotes) else f"{total:,}"


#: The quote table's columns, in order, with their headings: only these are sent to the
#: browser (the download keeps every column).
QUOTE_COLUMNS = {
    "published": "Published",
    "speaker": st.column_config.TextColumn("Speaker", width="small"),
    "quote": st.column_config.TextColumn("Quote", width="large"),
    "kind": "Kind",
    "cue": "Cue",
    "about": st.column_config.TextColumn("Names in it", width="medium"),
    "countries": "Countries in it",
    "title": st.column_config.TextColumn("Article", width="medium"),
    "read": st.column_config.LinkColumn("Open", display_text="Read"),
}


def shown_quotes(filters: Filters, quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes (`queries.quotes.quotes`) as their table shows them: the `QUOTE_COLUMNS` the
    frame has, dates as 2025-12-05, and a link to each one's article in the Reader. Columns
    no cell shows (ids, the running total, the speaker as written) stay on the server: every
    byte of the table is sent to the browser and decoded there on each run of the page."""
    shown = quotes.assign(
        published=_dates(quotes["published"]),
        read=page_links("reader", filters, "article", quotes["article_id"]),
    )
    return shown[[c for c in QUOTE_COLUMNS if c in shown.columns]]


def quote_table(build: Build, filters: Filters, name: str, quotes: pd.DataFrame) -> None:
    """Quotes (`queries.quotes.quotes`) as a table with a link to each one's article, and its
    downloads (without the link column and the running total)."""
    st.dataframe(
        shown_quotes(filters, quotes),
        hide_index=True,
        key=f"table-{name}",
        column_config=QUOTE_COLUMNS,
    )
    table_downloads(build, filters, name, quotes.drop(columns=["total"]))


def _style(kind: str) -> str:
    return (_FURNITURE_STYLE if kind == "FURNITURE" else _MARK_STYLE).format(MARKS[kind][0])


def legend(with_query: bool) -> None:
    """The Reader's highlight colours (the text filter's only when there is one)."""
    chips = " ".join(
        f'<span style="{_style(kind)}">{html.escape(name)}</span>'
        for kind, (_colour, name) in MARKS.items()
        if with_query or kind != "QUERY"
    )
    st.html(f'<div style="font-size: 0.85rem">{chips}</div>')


def _marked(text: str, marks: pd.DataFrame, links: dict[str, str], begin: int, end: int) -> str:
    """HTML of `text[begin:end]` with the `marks` inside it highlighted, every piece escaped."""
    pieces, at = [], begin
    for mark in marks.itertuples():
        if mark.start < at or mark.stop > end:
            continue
        inner = html.escape(text[mark.start : mark.stop])
        title = html.escape(str(mark.label or ""), quote=True)
        href = links.get(mark.entity_id) if isinstance(mark.entity_id, str) else None
        if href:
            inner = (
                f'<a href="{html.escape(href, quote=True)}" target="_self" '
                f'style="color: inherit">{inner}</a>'
            )
        pieces.append(html.escape(text[at : mark.start]))
        pieces.append(f'<mark title="{title}" style="{_style(mark.kind)}">{inner}</mark>')
        at = mark.stop
    pieces.append(html.escape(text[at:end]))
    return "".join(pieces)


def highlighted_text(
    text: str, marks: pd.DataFrame, links: dict[str, str], title_stop: int = 0
) -> None:
    """`text` with `marks` (start, stop, kind, entity_id, label) highlighted; a mark whose
    entity has a link in `links` links there; the headline (`text[:title_stop]`) as a heading.
    Every piece of text is escaped, so markup in an article stays text; a mark overlapping an
    earlier one is skipped."""
    body_start = title_stop + len(text[title_stop:]) - len(text[title_stop:].lstrip("\n"))
    head = _marked(text, marks, links, 0, title_stop) if title_stop else ""
    body = _marked(text, marks, links, body_start, len(text))
    heading = f'<div style="font-size: 1.35rem; font-weight: 600">{head}</div>' if head else ""
    st.html(f'{heading}<div style="white-space: pre-wrap; line-height: 1.65">{body}</div>')
