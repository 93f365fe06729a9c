"""The regular expressions more than one group of rules reads: a press service and where a
clause starts. The others live next to their only user."""

from __future__ import annotations

import re

#: A press service, which speaks for the body or person named after it.
_PRESS_SERVICE = re.compile(r"(?i)пресс-служб\w*")

#: Where a clause starts: after a mark of a sentence or a clause, or a dash.
_CLAUSE = re.compile(r"[.!?;:,()\n]|(?<!\w)[-–—]")
