"""`Article`: one article's text, its mentions and the corpus's people, combining the rule
groups (one mixin a module) into the object `quotes` asks `speaker` of."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from pipeline.stages.speakers.documents import Documents
from pipeline.stages.speakers.interviews import Interviews
from pipeline.stages.speakers.media import Media
from pipeline.stages.speakers.names import Names
from pipeline.stages.speakers.records import (
    Mention,
    Person,
)
from pipeline.stages.speakers.reference import Reference
from pipeline.stages.speakers.roles import Roles
from pipeline.stages.speakers.sections import Sections
from pipeline.stages.speakers.sources import Sources
from pipeline.stages.speakers.text import Text


@dataclass(frozen=True)
class Article(Sources, Interviews, Sections, Reference, Media, Documents, Roles, Names, Text):
    """One article's text, its mentions in order and the corpus's people."""

    text: str
    mentions: Sequence[Mention]
    people: Mapping[str, Person]
    sentences: Sequence[tuple[int, int, int]] = ()  # start, stop, paragraph
    answers: Sequence[tuple[int, int]] = ()  # the '- ' answers of an interview
    #: The corpus's person a surname, or a first name and a surname, means (`name_keys`).
    surnames: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: What kind of body the corpus calls each organisation by its full names (`kinds_of`).
    kinds: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def narrated(self) -> list[Mention]:
        """The people mentioned outside quotations, in order, but for names the text made up
        (`_pseudonym`)."""
        return [
            m for m in self.mentions if m.type == "PER" and m.narrated and not self._pseudonym(m)
        ]
