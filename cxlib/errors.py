"""The single error type that reaches users: its message comes from the string table in their language."""

from __future__ import annotations

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
        """The message in ``lang`` ("en" or "de")."""
        from cxlib.messages import Message

        return Message(self.key, **self.params).text(lang)
