"""Customer IDs looked up among other IDs: membership and positions, hashed by Arrow when both sides are
Arrow strings (pandas' own ``isin`` on Arrow strings makes one Python object per value: 1.5 s against
0.15 s at 100,000 IDs), with pandas' index lookup otherwise.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["member_of", "positions_in"]


def member_of(values: pd.Series, allowed: pd.Series | Collection) -> pd.Series:
    """``values.isin(allowed)`` as a bool mask with ``values``' index; missing values are never members.

    Examples
    --------
    >>> ids = pd.Series(["a", "b", None], dtype="str")
    >>> member_of(ids, pd.Series(["b", "c", None], dtype="str")).tolist()
    [False, True, False]
    >>> member_of(pd.Series([1, 2]), {2}).tolist()
    [False, True]
    """
    looked_up = _arrow_strings(values)
    wanted = _arrow_strings(allowed) if isinstance(allowed, pd.Series) else None
    if looked_up is not None and wanted is not None:
        found = pc.is_in(looked_up, value_set=pc.drop_null(wanted)).fill_null(False)
        return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)
    known = pd.Index([value for value in set(allowed) if not pd.isna(value)], dtype="object")
    found = (known.get_indexer(values.astype(object)) >= 0) & values.notna().to_numpy()
    return pd.Series(found, index=values.index, dtype=bool)


def positions_in(keys: pd.Series | pd.Index, values: pd.Series | pd.Index) -> np.ndarray:
    """Position of each of ``values`` in ``keys`` (unique), −1 where absent: what
    ``pd.Index(keys).get_indexer(values)`` gives (about four times faster on 100,000 Arrow strings).

    Examples
    --------
    >>> ids = pd.Series(["b", "a", "c"], dtype="str")
    >>> positions_in(ids, pd.Series(["a", "x", None, "c"], dtype="str")).tolist()
    [1, -1, -1, 2]
    """
    known, looked_up = _arrow_strings(keys), _arrow_strings(values)
    if known is None or looked_up is None or known.null_count:
        return pd.Index(keys).get_indexer(values)
    return pc.index_in(looked_up, value_set=known).fill_null(-1).to_numpy().astype(np.intp)


def _arrow_strings(values: pd.Series | pd.Index) -> pa.ChunkedArray | pa.Array | None:
    array = values.array
    return pa.array(array) if isinstance(array, pd.arrays.ArrowStringArray) else None
