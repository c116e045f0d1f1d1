"""Data classes passed between the reading, validation and analysis modules."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cxlib.roles import TableName


@dataclass(frozen=True)
class RuleCount:
    """One validation rule that touched rows: its key, how many rows, and the message shown to users.

    ``set_aside`` says whether those rows were removed from the used table (True) or repaired in place
    (False, e.g. an unreadable date left empty).
    """

    rule: str
    rows: int
    message: str
    set_aside: bool = True


@dataclass
class ColumnMatch:
    """How one role was matched to a source column, and how sure the matcher is (0..1)."""

    role: str
    column: str | list[str]
    confidence: float
    method: str  # "exact", "synonym", "fuzzy", "values", "manual"


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
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape of the CLI's ``inputs.<table>`` section."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "rows_set_aside": self.rows_set_aside,
            "rules": [{"rule": r.rule, "rows": r.rows, "message": r.message} for r in self.rules],
            "mapping": dict(self.mapping),
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
