"""Language-neutral messages: computations return codes and numbers, words are made at the edge.

A :class:`Message` is a string-table key plus its parameters, kept as values (numbers, dates,
other messages), so a result that carries notes, labels or reasons does not depend on the UI
language: the page, report or CLI renders it with :func:`render` in the reader's language, and a
language switch re-runs no computation.

Parameter values are rendered by type:

- :class:`Message` → its own text (e.g. ``Message("role.revenue")`` for a role's name);
- :class:`Num` / :class:`Pct` / :class:`Money` → a number / a share / an amount with its currency, with
  the reader's separators;
- ``int`` → a whole number, ``float`` → one decimal (use :class:`Num` to choose);
- ``date`` / ``datetime`` / ``pandas.Timestamp`` → the reader's date format;
- ``list`` / ``tuple`` → its items rendered and joined with ", ";
- anything else (``str`` …) → as it is.
"""

from __future__ import annotations

import math
import numbers
import string
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cxlib.i18n import format_date, format_money, format_number, format_percent, t


@dataclass(frozen=True)
class Num:
    """A number rendered with the reader's separators.

    Examples
    --------
    >>> render(Num(1234.5, decimals=1), "de")
    '1.234,5'
    >>> render(Num(-3, signed=True), "en")
    '−3'
    """

    value: float | int | None
    decimals: int = 0
    signed: bool = False


@dataclass(frozen=True)
class Pct:
    """A share (0.123) rendered as a percentage.

    Examples
    --------
    >>> render(Pct(0.1234), "de")
    '12,3 %'
    """

    share: float | None
    decimals: int = 1


@dataclass(frozen=True)
class Money:
    """A money amount rendered in the reader's style with its currency (the data are not converted).

    Examples
    --------
    >>> render(Money(1234.4), "de"), render(Money(1234.4, "USD"), "en")
    ('1.234\xa0€', '$1,234')
    """

    value: float | int | None
    currency: str = "EUR"
    decimals: int = 0


class Message:
    """A string-table key and its parameters, rendered in a language only when shown.

    Messages compare and hash by value, so they can sit in cached, frozen results.

    Examples
    --------
    >>> note = Message("error.empty_file", file="kunden.csv")
    >>> note.text("de")
    'Die Datei „kunden.csv“ ist leer.'
    >>> note == Message("error.empty_file", file="kunden.csv")
    True
    >>> Message("role.revenue").text("de") == render(Message("role.revenue"), "de")
    True
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = {name: _frozen(value) for name, value in params.items()}

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "de").

        A template field with its own number format (``{size_mb:.1f}``) formats the raw number that
        way, with the reader's separators; every other parameter is rendered as described above.

        >>> Message("error.too_large", file="a.csv", size_mb=61.25, limit_mb=50).text("de")[:35]
        'Die Datei „a.csv“ ist 61,2 MB groß;'
        """
        template = t(self.key, lang)
        params = {name: render(value, lang) for name, value in self.params.items()}
        for _, name, spec, _ in string.Formatter().parse(template):
            if name in self.params and spec and isinstance(self.params[name], numbers.Real):
                params[name] = _localized(format(self.params[name], spec), lang)
                template = template.replace(f"{{{name}:{spec}}}", f"{{{name}}}")
        return template.format(**params) if params else template

    def to_dict(self) -> dict[str, Any]:
        """``{"code": key, "params": {...}}`` with JSON-friendly parameter values."""
        return {"code": self.key, "params": {name: _plain(value) for name, value in self.params.items()}}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted(self.params.items(), key=lambda item: item[0]))))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"Message({self.key!r}{', ' if inner else ''}{inner})"


def render(value: Any, lang: str = "en") -> str:
    """The text of ``value`` in ``lang``: messages, numbers, dates and lists as described above.

    Examples
    --------
    >>> render(Message("error.empty_file", file="a.csv"), "en")
    'The file "a.csv" is empty.'
    >>> render(1234, "de"), render(2.25, "en"), render(("a", 3), "en")
    ('1.234', '2.2', 'a, 3')
    >>> render("plain text", "de")
    'plain text'
    """
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Num):
        return format_number(value.value, lang, decimals=value.decimals, signed=value.signed)
    if isinstance(value, Pct):
        return format_percent(value.share, lang, decimals=value.decimals)
    if isinstance(value, Money):
        return format_money(value.value, lang, currency=value.currency, decimals=value.decimals)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, numbers.Integral):
        return format_number(int(value), lang)
    if isinstance(value, numbers.Real):
        value = float(value)
        return format_number(value, lang, decimals=0 if math.isfinite(value) and value.is_integer() else 1)
    if isinstance(value, (date, datetime)):
        return format_date(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(render(item, lang) for item in value)
    return str(value)


def render_all(values: Any, lang: str = "en") -> list[str]:
    """Each item of ``values`` rendered (a list of notes that may mix messages and plain text)."""
    return [render(value, lang) for value in values]


def _localized(number_text: str, lang: str) -> str:
    if lang != "de":
        return number_text
    return number_text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if hasattr(value, "item") and not isinstance(value, (list, tuple, str)):  # numpy scalars
        try:
            return value.item()
        except (TypeError, ValueError):
            return value
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, Num | Money):
        return value.value
    if isinstance(value, Pct):
        return value.share
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
