"""How the build process gives memory back: glibc's allocator settings for a long build, a
release of what a finished chunk freed (glibc's heap and Arrow's pool), and a pause of Python's
cycle collector for passes that make many short-lived records."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

try:
    _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _LIBC.malloc_trim  # glibc only  # noqa: B018
except (OSError, AttributeError):
    _LIBC = None


#: mallopt parameters (glibc's malloc.h).
_M_MMAP_THRESHOLD, _M_ARENA_MAX = -3, -8


def settle_allocator() -> None:
    """Keep glibc from holding on to freed memory in a long build: blocks of 1 MB or more are
    mapped and unmapped on their own (glibc otherwise raises that threshold to the largest
    block freed, up to 32 MB, and serves such blocks from a heap that fragments), and threads
    share two heaps."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_MMAP_THRESHOLD, 1 << 20)
        _LIBC.mallopt(_M_ARENA_MAX, 2)


def release_memory() -> None:
    """Give the memory freed since back to the OS: glibc's heap and Arrow's pool keep it
    otherwise, and resident memory only grows."""
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run a block (or, as a decorator, a function) with Python's cycle collector paused.

    A pass that makes a record per mention keeps each chunk's records alive long enough to reach
    the oldest generation, and so sets off full collections over and over, each walking every
    object of the process (its models, caches and the corpus's evidence). The records hold no
    reference cycles: counting references frees them as before, and the little cyclic garbage
    of the block waits for the collector to resume."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
