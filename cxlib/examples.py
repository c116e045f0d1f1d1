"""The few cell values a rule's message shows as examples ("“Firma”, “Familie”"): quoted, distinct, short.

Words are not made here: the quoted values are a message parameter (``examples``), the same in every
language.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["quoted_examples"]

#: Longer cells are cut: an example names the value, it does not reprint a comment.
EXAMPLE_CHARS = 40


def quoted_examples(values: pd.Series, mask: pd.Series, *, limit: int = 3) -> str:
    """Up to ``limit`` distinct values where ``mask`` holds, quoted and joined; "" when none.

    Examples
    --------
    >>> cells = pd.Series(["Firma", "Herr", "Firma", "Familie", None])
    >>> quoted_examples(cells, cells.isin(["Firma", "Familie"]))
    '“Firma”, “Familie”'
    >>> quoted_examples(cells, pd.Series(False, index=cells.index))
    ''
    """
    if not mask.any():  # the usual case: no cell to show (and no 100k-row selection to make)
        return ""
    shown = values[mask].astype(str).drop_duplicates().head(limit)
    return ", ".join(f"“{text[:EXAMPLE_CHARS]}”" for text in shown)
