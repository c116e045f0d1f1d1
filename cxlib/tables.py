"""Data classes passed between the reading, validation and analysis modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from cxlib.errors import render_exact
from cxlib.messages import Message
from cxlib.roles import TableName


@dataclass(frozen=True)
class RuleCount:
    """One validation rule that touched rows: its key, how many rows, and what to tell users.

    ``detail`` is the language-neutral message (string-table key ``rule.<rule>`` with its parameters);
    :meth:`text` makes its words in a language. ``set_aside`` says whether those rows were removed from
    the used table (True) or repaired in place (False, e.g. an unreadable date left empty).

    Examples
    --------
    >>> detail = Message("rule.duplicate_id", rows=2, role=Message("role.customer_id"))
    >>> rule = RuleCount("duplicate_id", 2, detail)
    >>> rule.text("de") == rule.detail.text("de"), rule.message == rule.text("en")
    (True, True)
    """

    rule: str
    rows: int
    detail: Message | str
    set_aside: bool = True

    @property
    def message(self) -> str:
        """The message in English (kept for callers that read ``message``)."""
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "de")."""
        return render_exact(self.detail, lang)


@dataclass
class ColumnMatch:
    """How one role was matched to a source column, and how sure the matcher is (0..1)."""

    role: str
    column: str | list[str]
    confidence: float
    method: str  # "exact", "synonym", "fuzzy", "values", "manual"


@dataclass(frozen=True)
class Evidence:
    """One language-neutral reason why a column was understood the way it was.

    ``code`` names the observation (e.g. ``"header_synonym"``, ``"integer_range"``,
    ``"nonanswer_codes"``, ``"higher_is_worse_word"``); ``params`` holds its numbers and words
    (e.g. ``{"low": 0, "high": 10}``). Words for users are made from ``code`` at the edge
    (string-table key ``evidence.<code>``).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)


Direction = Literal["higher_better", "higher_worse", "bipolar"]
MoneyPeriod = Literal["month", "year", "lifetime"]


@dataclass
class ColumnMeaning:
    """What one column of a validated table means, beyond its role: the shared contract between
    column understanding (mapping, scales, validation) and the analyses that consume it.

    ``column`` is the column's name in :attr:`ValidatedTable.data` (a role key, or the original header
    for touchpoints and unmapped columns). ``kind`` is a semantic kind such as ``"identifier"``,
    ``"rating"``, ``"outcome"``, ``"nps_score"``, ``"nps_group"``, ``"recommend_flag"``, ``"money"``,
    ``"postal_code"``, ``"coordinate"``, ``"free_text"``, ``"category"``, ``"flag"``, ``"date"``,
    ``"count"``, ``"age"``, ``"row_number"``, ``"model_score"``, ``"constant"``. ``scale`` is the
    rating scale (low, high) shared by the items of one questionnaire; ``missing_codes`` are the
    non-answer values that were emptied in ``data`` (``missing_count`` cells). ``period`` tells what a
    money column covers. ``excluded_from`` names analyses that must not use the column
    (``"personas"``, ``"touchpoints"``, ``"revenue"``), each with an evidence code in ``evidence``.
    """

    column: str
    kind: str
    role: str | None = None
    scale: tuple[float, float] | None = None
    direction: Direction | None = None
    missing_codes: tuple[Any, ...] = ()
    missing_count: int = 0
    period: MoneyPeriod | None = None
    excluded_from: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self, lang: str = "en") -> dict:
        """The JSON shape used by the CLI (``inputs.<table>.columns``) and mapping profiles (evidence
        parameters that are messages, such as a date order's words, rendered in ``lang``)."""
        return {
            "column": self.column,
            "kind": self.kind,
            "role": self.role,
            "scale": list(self.scale) if self.scale else None,
            "direction": self.direction,
            "missing_codes": [str(code) for code in self.missing_codes],
            "missing_count": self.missing_count,
            "period": self.period,
            "excluded_from": list(self.excluded_from),
            "evidence": [{"code": e.code, **rendered(e.params, lang)} for e in self.evidence],
        }


@dataclass
class ValidationReport:
    """What happened to one table: rows read = rows used + rows set aside, always."""

    table: TableName
    file: str | None
    sheet: str | None
    rows_read: int
    rows_used: int
    rows_set_aside: int
    rules: list[RuleCount] = field(default_factory=list)
    mapping: dict[str, str | list[str]] = field(default_factory=dict)
    notes: list[Message | str] = field(default_factory=list)
    """What the reader and the checks noticed (language-neutral; see :meth:`note_texts`)."""
    reading: dict[str, Any] = field(default_factory=dict)
    """How the file was read: format, separator, has_header, compression, date_order per date role."""

    def note_texts(self, lang: str = "en") -> list[str]:
        """The notes in ``lang``."""
        return [render_exact(note, lang) for note in self.notes]

    def to_dict(self, lang: str | None = "en") -> dict:
        """The JSON shape of the CLI's ``inputs.<table>`` section, its texts in ``lang``; with ``lang=None``
        the texts stay :class:`~cxlib.messages.Message`s (for a document rendered later)."""
        if lang is None:
            return {
                **self.to_dict("en"),
                "rules": [{"rule": r.rule, "rows": r.rows, "message": r.detail} for r in self.rules],
                "notes": list(self.notes),
                "reading": self.reading,
            }
        return {
            "file": self.file,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "rows_set_aside": self.rows_set_aside,
            "rules": [{"rule": r.rule, "rows": r.rows, "message": r.text(lang)} for r in self.rules],
            "mapping": dict(self.mapping),
            "notes": self.note_texts(lang),
            "reading": rendered(self.reading, lang),
        }


@dataclass
class ValidatedTable:
    """A table ready for analysis.

    ``data`` has one column per mapped role (named by role key, typed: ids as str, dates as
    datetime64, flags as bool/``boolean``, numbers as float64, categories and text as str) plus the
    unmapped columns under their original headers. ``set_aside`` holds the original rows that were not
    used, with a ``reason`` column. ``touchpoints`` lists the wide-format touchpoint rating columns of a
    survey, in journey order (their columns keep their original header names in ``data``).
    """

    table: TableName
    data: pd.DataFrame
    set_aside: pd.DataFrame
    report: ValidationReport
    touchpoints: list[str] = field(default_factory=list)
    columns: dict[str, ColumnMeaning] = field(default_factory=dict)
    """What each column of ``data`` means (keyed like ``data``'s columns); may be partial."""
    records: pd.Series | None = None
    """A customer table combined from one row per contract or order (:mod:`cxlib.customer_records`): the
    customer ID of each record number (the index), so that other tables keyed by the record link."""


def rendered(value: Any, lang: str = "en") -> Any:
    """``value`` with every :class:`~cxlib.messages.Message` inside (dicts, lists) rendered in ``lang``.

    Examples
    --------
    >>> rendered({"order": "day_first", "order_text": Message("date.order.day_first")}, "de")
    {'order': 'day_first', 'order_text': 'Tag vor Monat (T/M/J)'}
    """
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, dict):
        return {key: rendered(item, lang) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(rendered(item, lang) for item in value)
    return value


def without_attrs(frame: pd.DataFrame | None) -> pd.DataFrame | None:
    """The same table (sharing its data) without ``attrs``, for steps that do not read them: pandas
    deep-copies a table's attrs into every column and selection taken from it, which for the survey's
    column meanings costs more than many a selection itself.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [9.0]})
    >>> survey.attrs["column_meanings"] = {"recommend": {"kind": "recommend"}}
    >>> without_attrs(survey).attrs, survey.attrs["column_meanings"]["recommend"]["kind"]
    ({}, 'recommend')
    """
    if frame is None or not frame.attrs:
        return frame
    return pd.DataFrame(frame)
