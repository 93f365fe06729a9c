"""Columns that grow with the corpus, kept in a temporary file instead of memory while a
corpus-wide stage reads the corpus chunk by chunk."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt


class Spilled:
    """Arrays of one `dtype` appended to a temporary file as they come, read back in the same
    order, one at a time or joined: a number per mention or paragraph grows with the corpus,
    and the build process need not hold it."""

    def __init__(self, dtype: npt.DTypeLike) -> None:
        self.dtype = np.dtype(dtype)
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (unnamed; goes with the object)
        self._sizes: list[int] = []

    def append(self, array: np.ndarray) -> None:
        array.astype(self.dtype, copy=False).tofile(self._file)
        self._sizes.append(len(array))

    def __iter__(self) -> Iterator[np.ndarray]:
        self._file.seek(0)
        for size in self._sizes:
            yield np.fromfile(self._file, dtype=self.dtype, count=size)

    def joined(self) -> np.ndarray:
        """Every array appended, as one."""
        self._file.seek(0)
        return np.fromfile(self._file, dtype=self.dtype, count=sum(self._sizes))
