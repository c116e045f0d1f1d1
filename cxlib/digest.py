"""Content digests of analysis inputs: one hash of *every* field of a value, so a cache key built from
it cannot forget one.

:func:`digest` walks a value recursively: dataclasses field by field (frozen settings objects), mappings,
sequences, DataFrames and Series by content (values, index, column names and dtypes), numpy arrays by
bytes and dtype, and scalars by type and value. Anything else is refused with a ``TypeError`` rather than
hashed by ``repr()`` (which pandas truncates, so two different tables could share a key). An object can
name its own identity through a ``cache_digest()`` method (e.g. an upload: the SHA-256 of its bytes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

_SCALARS = (type(None), bool, int, float, complex, str, bytes, dt.date, dt.datetime, dt.time, dt.timedelta)


def digest(*values: Any) -> str:
    """A SHA-256 hex digest of ``values`` that changes whenever any part of any value changes.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Choice:
    ...     k: int | None = None
    ...     features: tuple[str, ...] = ()
    >>> digest(Choice(k=2)) == digest(Choice(k=2)), digest(Choice(k=2)) == digest(Choice(k=3))
    (True, False)
    >>> frame = pd.DataFrame({"a": range(100)})
    >>> changed = frame.copy()
    >>> changed.loc[70, "a"] = -1  # far beyond what repr() shows
    >>> digest(frame) == digest(changed)
    False
    >>> digest(1) == digest(1.0), digest("1") == digest(1)
    (False, False)
    """
    hasher = hashlib.sha256()
    _feed(hasher, values)
    return hasher.hexdigest()


def _feed(hasher: Any, value: Any) -> None:
    own = getattr(value, "cache_digest", None)
    if callable(own):
        _tagged(hasher, "own", str(own()).encode())
    elif isinstance(value, pd.DataFrame):
        _feed_frame(hasher, value)
    elif isinstance(value, pd.Series):
        _feed_frame(hasher, value.to_frame(name=str(value.name)))
    elif isinstance(value, pd.Index):
        _feed_frame(hasher, value.to_frame(index=False))
    elif isinstance(value, np.ndarray):
        _tagged(hasher, f"nd{value.dtype.str}{value.shape}", _array_bytes(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        _tagged(hasher, f"dc:{type(value).__qualname__}", b"")
        for item in dataclasses.fields(value):
            _tagged(hasher, "field", item.name.encode())
            _feed(hasher, getattr(value, item.name))
    elif isinstance(value, _SCALARS) or value is pd.NA or value is pd.NaT:
        _tagged(hasher, type(value).__name__, repr(value).encode())
    elif isinstance(value, Mapping):
        _tagged(hasher, "map", str(len(value)).encode())
        for key in sorted(value, key=repr):
            _feed(hasher, key)
            _feed(hasher, value[key])
    elif isinstance(value, Sequence | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        _tagged(hasher, type(value).__name__, str(len(value)).encode())
        for item in items:
            _feed(hasher, item)
    else:
        raise TypeError(f"cannot digest a {type(value).__name__}; give it a cache_digest() method")


def _feed_frame(hasher: Any, frame: pd.DataFrame) -> None:
    _tagged(hasher, "frame", repr((list(map(str, frame.columns)), list(map(str, frame.dtypes)))).encode())
    hashed = pd.util.hash_pandas_object(frame, index=True, categorize=True) if len(frame.columns) else None
    _tagged(hasher, "rows", b"" if hashed is None else hashed.to_numpy().tobytes())
    _tagged(
        hasher, "index", pd.util.hash_pandas_object(frame.index.to_series(), index=False).to_numpy().tobytes()
    )


def _array_bytes(array: np.ndarray) -> bytes:
    if array.dtype == object:
        return pd.util.hash_pandas_object(pd.Series(array.ravel()), index=False).to_numpy().tobytes()
    return np.ascontiguousarray(array).tobytes()


def _tagged(hasher: Any, tag: str, payload: bytes) -> None:
    hasher.update(f"{tag}:{len(payload)}:".encode())
    hasher.update(payload)
