"""The one value of a collection, for rules that decide only when the evidence agrees."""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

T = TypeVar("T")


def sole(values: Collection[T]) -> T | None:
    """The one value of `values`; None when there is none, or more than one to choose from."""
    return next(iter(values)) if len(values) == 1 else None
