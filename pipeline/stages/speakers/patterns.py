"""The regular expressions more than one group of rules reads: a press service, two names joined
by 'и', where a clause starts and how a paragraph of narration ends. The others live next to
their only user."""

from __future__ import annotations

import re

#: A press service, which speaks for the body or person named after it.
_PRESS_SERVICE = re.compile(r"(?i)пресс-служб\w*")

#: What joins a name to the one before it: 'к Госдуме [и ]СФ', 'Джоном Салливаном [и ]Синсукэ
#: Сугиямой'.
_AND = re.compile(r"\s+и\s+")

#: Where a clause starts: after a mark of a sentence or a clause, or a dash.
_CLAUSE = re.compile(r"[.!?;:,()\n]|(?<!\w)[-–—]")

#: How a paragraph or a sentence of narration ends: a sentence's last mark, or a quotation's or
#: a bracket's.
_ENDS = frozenset(".!?…»)")
