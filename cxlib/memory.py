"""Memory on a small server: hand freed memory back to the operating system, and size a table before
keeping it.

A Streamlit server runs every visitor's script in its own thread. glibc's allocator then creates up to
eight arenas per core and keeps freed blocks in them, so the process stays at its peak long after the
visitors have gone. :func:`configure_allocator` caps the arenas and lets large blocks be returned at
once; :func:`release_free_memory` returns what the arenas still hold. Both are no-ops where glibc is
not the C library (macOS, Windows, musl), so the app runs the same everywhere, just leaner on Linux.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

import pandas as pd

# mallopt() parameter numbers from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
_SAMPLE_ROWS = 2_000


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        library = ctypes.CDLL(name)
        library.mallopt.argtypes, library.malloc_trim.argtypes = (
            [ctypes.c_int, ctypes.c_int],
            [ctypes.c_size_t],
        )
    except (OSError, AttributeError):  # not glibc
        return None
    return library


def configure_allocator(
    *, arena_max: int = 2, trim_threshold: int = 128 * 1024, mmap_threshold: int = 256 * 1024
) -> bool:
    """Cap glibc's malloc arenas and return large blocks to the system as soon as they are freed.

    The same effect as ``MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=... MALLOC_MMAP_THRESHOLD_=...`` in
    the environment, but set from the app itself, so Streamlit Community Cloud and ``streamlit run``
    behave alike. Returns True when the settings were applied (glibc), False elsewhere.

    Examples
    --------
    >>> configure_allocator() in (True, False)
    True
    """
    if arena_max < 1 or trim_threshold < 0 or mmap_threshold < 0:
        raise ValueError("arena_max must be >= 1 and the thresholds >= 0")
    library = _glibc()
    if library is None:
        return False
    settings = (
        (_M_ARENA_MAX, arena_max),
        (_M_TRIM_THRESHOLD, trim_threshold),
        (_M_MMAP_THRESHOLD, mmap_threshold),
    )
    return all(library.mallopt(option, value) == 1 for option, value in settings)


def release_free_memory() -> bool:
    """Give the memory that the allocator holds free back to the operating system (``malloc_trim``).

    Returns True when some memory was released.
    """
    library = _glibc()
    return bool(library is not None and library.malloc_trim(0))


def frame_megabytes(frame: pd.DataFrame) -> float:
    """Estimated memory of a DataFrame in MB, text included, measured on a sample (fast at any size).

    Examples
    --------
    >>> frame = pd.DataFrame({"id": [f"C{i:06d}" for i in range(100_000)], "x": 1.0})
    >>> 1 < frame_megabytes(frame) < 20
    True
    """
    if frame.empty:
        return 0.0
    sample = frame.iloc[:_SAMPLE_ROWS]
    per_row = sample.memory_usage(deep=True, index=False).sum() / len(sample)
    return float(per_row * len(frame) / 1e6)
