"""Words for a language-neutral analysis document: every :class:`~cxlib.messages.Message` in it, rendered.

The app computes the analysis document once without a language (``document_from_results(..., lang=None)``)
and renders it for the reader's language with :func:`render_document`, which is cheap: a language switch
re-runs no computation, and the reports and findings read the same rendered text as the CLI.
"""

from __future__ import annotations

from typing import Any

from cxlib.messages import Message, render

__all__ = ["render_document"]


def render_document(document: Any, lang: str = "en") -> Any:
    """A copy of ``document`` with each Message (in dicts, lists and tuples, at any depth) as text.

    Examples
    --------
    >>> document = {"kpis": {"notes": [Message("kpi.note.no_survey")]}, "findings": [{"value": 3}]}
    >>> render_document(document, "de")["kpis"]["notes"]
    ['Keine Umfragedaten: Der NPS lässt sich nicht berechnen.']
    >>> render_document(document, "en")["findings"]
    [{'value': 3}]
    """
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    return _rendered(document, lang)


def _rendered(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, dict):
        return {key: _rendered(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_rendered(item, lang) for item in value]
    if isinstance(value, tuple):
        return tuple(_rendered(item, lang) for item in value)
    return value
