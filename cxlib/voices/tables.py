"""The Voices page's tables in the reader's language, and the plain-text search in comments."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from cxlib.i18n import format_percent, t

SEARCH_COLUMNS = ("response_date", "recommend", "text", "theme_label", "sentiment")


def readable_table(rows: pd.DataFrame | Sequence[dict], *, lang: str = "en", percent: Sequence[str] = ()):
    """Rows with headers in the reader's language (``voices.col.<column>``) and shares as percentages.

    Examples
    --------
    >>> readable_table([{"theme": "Lieferung", "top_share": 0.25}], lang="de", percent=["top_share"]).shape
    (1, 2)
    """
    shown = pd.DataFrame(rows).copy()
    for column in percent:
        shown[column] = [format_percent(value, lang) for value in shown[column]]
    return shown.rename(columns={column: t(f"voices.col.{column}", lang) for column in shown.columns})


def search_comments(comments: pd.DataFrame, query: str, *, limit: int) -> tuple[int, pd.DataFrame]:
    """Comments containing ``query`` as plain text (case-insensitive, no patterns): how many, and the
    first ``limit`` of them with the columns the page shows (``comment``, ``theme`` …).

    Examples
    --------
    >>> comments = pd.DataFrame({"text": ["Lieferung (zu) spät", "alles gut"], "recommend": [3.0, 9.0]})
    >>> count, shown = search_comments(comments, "(ZU)", limit=10)
    >>> count, shown.columns.tolist(), shown["comment"].tolist()
    (1, ['recommend', 'comment'], ['Lieferung (zu) spät'])
    """
    found = comments[comments["text"].str.contains(query.strip(), case=False, regex=False)]
    columns = [column for column in SEARCH_COLUMNS if column in found]
    shown = found[columns].head(limit).rename(columns={"text": "comment", "theme_label": "theme"})
    return len(found), shown
