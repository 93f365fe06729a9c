"""The Overview's queries, which every new session's first view runs without filters."""

from __future__ import annotations

from dashboard.filters import Filters
from dashboard.queries import actors, articles, countries, topics
from dashboard.store import Build, summary

#: Countries, actors and topics ranked on the Overview.
TOP = 15
#: Articles the Overview lists, newest first.
ARTICLE_LIMIT = 1000


def prepare(build: Build) -> None:
    """Run the Overview's queries without filters, the first view of every new session (and
    its article list, which opens with one click), so that they are cached for every session of
    `build` before the first one opens."""
    whole = Filters()
    summary(build, whole)
    articles.articles_per_month(build, whole)
    countries.top_countries(build, whole, TOP)
    actors.top_actors(build, whole, TOP)
    topics.topic_list(build, whole)
    articles.article_list(build, whole, ARTICLE_LIMIT)
