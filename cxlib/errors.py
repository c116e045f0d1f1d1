"""The single error type that reaches users: its message comes from the string table in their language."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any


class CxError(Exception):
    """A problem a manager can understand and fix (bad file, missing column, unusable data).

    Parameters
    ----------
    key : str
        Key of the message in :data:`cxlib.i18n.STRINGS`.
    **params
        Values filled into the message template.

    Examples
    --------
    >>> err = CxError("error.empty_file", file="kunden.csv")
    >>> err.message("en")
    'The file "kunden.csv" is empty.'
    >>> err.message("de")
    'Die Datei „kunden.csv“ ist leer.'
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "de"); parameters that are messages (a role's or a table's
        name) are rendered in ``lang`` too.

        Examples
        --------
        >>> from cxlib.messages import Message
        >>> CxError("error.required_role_missing", role=Message("role.customer_id"),
        ...         table=Message("table.customers")).message("de")[:60]
        'Für das Pflichtfeld „Kunden-ID“ wurde in der Tabelle Kunden '
        """
        return exact_text(self.key, self.params, lang)


def exact_text(key: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """The string-table text of ``key`` with ``params`` filled in exactly as the template formats them.

    Plain numbers and text go into the template as they are (so ``{size_mb:.1f}`` and ``{rows}`` read as
    they always did); messages, :class:`~cxlib.messages.Num`/:class:`~cxlib.messages.Pct`, dates and
    lists are rendered in ``lang`` first (:func:`cxlib.messages.render`).

    Examples
    --------
    >>> exact_text("error.too_many_columns", {"file": "w.csv", "columns": 1001, "limit": 1000})
    'The table in "w.csv" has 1001 columns; at most 1000 are supported.'
    """
    from cxlib.i18n import t
    from cxlib.messages import render

    def filled(value: Any) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, numbers.Real | str):
            return value
        return render(value, lang)

    return t(key, lang, **{name: filled(value) for name, value in params.items()})


def render_exact(value: Any, lang: str = "en") -> str:
    """A :class:`~cxlib.messages.Message` (or plain text) in ``lang``, via :func:`exact_text`.

    Examples
    --------
    >>> from cxlib.messages import Message
    >>> render_exact(Message("reading.note.empty_columns", columns=1200), "de")
    '1200 vollständig leere Spalte(n) wurden weggelassen.'
    >>> render_exact("as it is")
    'as it is'
    """
    from cxlib.messages import Message, render

    if isinstance(value, Message):
        return exact_text(value.key, value.params, lang)
    return render(value, lang)
