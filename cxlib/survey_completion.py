"""Unfinished interviews in survey exports: which rows a survey tool marks as not completed.

Survey tools export every started interview, finished or not, and mark which ones were completed:
SoSci Survey's ``FINISHED`` (1/0), Qualtrics' ``Finished`` (True/False), a German tool's ``beendet``
or ``abgeschlossen`` (Ja/Nein), Unipark/Tivian EFS's disposition code ``dispcode`` (31 = completed,
32 = completed after an interruption; 20–23 not yet answered, in progress, interrupted, resumed; 41/42
screened out or quota full), and LimeSurvey's submit date (``submitdate``, "Date submitted", "Datum
Abgeschickt"), left empty for an interview never submitted, next to its start date or last page. An
unfinished interview's answers stop where the respondent left, so its ratings are set aside (counted,
with the column and its codes) rather than mixed with complete ones.

A column is read as the completion mark only when its header says so and its values are the tool's
codes: a "Finished" column holding dates or free text is not touched.
"""

from __future__ import annotations

import re

import pandas as pd

from cxlib.mapping import normalize_header

__all__ = ["DISPCODE_COMPLETE", "incomplete_interviews"]

#: Headers of a finished flag (normalised: lower case, words separated by spaces).
_FLAG_HEADERS = frozenset(
    {
        "finished", "completed", "complete", "is complete", "interview finished", "survey finished",
        "beendet", "abgeschlossen", "fertig", "vollstandig", "vollständig", "interview beendet",
        "umfrage beendet", "fragebogen beendet", "abgeschlossen ja nein",
    }
)  # fmt: skip
#: First words of a flag's header that a label row was joined to ("FINISHED - Wurde die Befragung …").
_FLAG_FIRST_WORDS = frozenset({"finished"})  # SoSci's and Qualtrics' own code word
#: A header that says the interview (not something asked about, such as an order) was completed.
_INTERVIEW_DONE = re.compile(
    r"\b(?:interview|befragung|umfrage|fragebogen|survey|questionnaire)\b(?: \w+){0,3}? "
    r"(?:abgeschlossen|beendet|finished|completed|complete)\b"
)
_DISPCODE = re.compile(r"^(?:dispcode|disp code|disposition code|dispositionscode|disposition)\b")
#: LimeSurvey's submit date (question codes, English and German export headers) ...
_SUBMIT_DATE = frozenset({"submitdate", "date submitted", "datum abgeschickt", "abgeschickt am"})
#: ... which marks unfinished interviews only beside the columns of an export of started interviews.
_STARTED = frozenset(
    {"startdate", "date started", "datum gestartet", "lastpage", "last page", "letzte seite"}
)  # fmt: skip
NOT_SUBMITTED = "–"  # how an empty submit date is shown among the codes
_YES = frozenset({"1", "true", "wahr", "yes", "ja", "y", "j"})
_NO = frozenset({"0", "false", "falsch", "no", "nein", "n"})
#: EFS (Unipark/Tivian) disposition codes of a completed interview.
DISPCODE_COMPLETE = frozenset({31, 32})
#: Every EFS disposition code lies in this range (11 … 44).
_DISPCODE_RANGE = (10, 49)


def _cells(values: pd.Series) -> pd.Series:
    """The cells as trimmed lower-case text ("1.0" read as "1"); missing cells stay missing."""
    text = values.astype("string").str.strip().str.lower()
    return text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)


def _flag_incomplete(values: pd.Series) -> tuple[pd.Series, str] | None:
    cells = _cells(values).dropna()
    cells = cells[cells != ""]
    if cells.empty or not cells.isin(_YES | _NO).all() or not cells.isin(_YES).any():
        return None
    incomplete = _cells(values).isin(_NO).fillna(False).astype(bool)
    shown = ", ".join(sorted(set(_cells(values)[incomplete].dropna())))
    return incomplete, shown


def _dispcode_incomplete(values: pd.Series) -> tuple[pd.Series, str] | None:
    numbers = pd.to_numeric(values, errors="coerce")
    known = numbers.dropna()
    low, high = _DISPCODE_RANGE
    if known.empty or not known.between(low, high).all() or not (known == known.round()).all():
        return None
    if not known.isin(list(DISPCODE_COMPLETE)).any():
        return None
    incomplete = numbers.notna() & ~numbers.isin(list(DISPCODE_COMPLETE))
    shown = ", ".join(str(int(code)) for code in sorted(set(numbers[incomplete])))
    return incomplete, shown


def _submit_date_incomplete(values: pd.Series) -> tuple[pd.Series, str] | None:
    """Rows whose submit date is empty, when the others hold dates (an interview never submitted)."""
    from cxlib.parsing import parse_dates

    text = values.astype("string").str.strip()
    empty = (text.isna() | (text == "")).fillna(True).astype(bool)
    if empty.all() or not empty.any():
        return None
    dates, bad = parse_dates(values[~empty])
    if dates.notna().sum() == 0 or bad.mean() > 0.05:
        return None
    return empty, NOT_SUBMITTED


def _is_flag_header(header: str) -> bool:
    """A finished flag's header: "FINISHED", "Finished - Wurde die Befragung abgeschlossen?", "Umfrage
    beendet"; not "Bestellung abgeschlossen" (a question about an order)."""
    first = header.split(" ", 1)[0]
    return header in _FLAG_HEADERS or first in _FLAG_FIRST_WORDS or bool(_INTERVIEW_DONE.search(header))


def incomplete_interviews(data: pd.DataFrame) -> tuple[str, pd.Series, str] | None:
    """The survey tool's mark of unfinished interviews: (column, rows not completed, their codes).

    None when the file has no completion column (a finished flag or an EFS ``dispcode``) or when its
    values are not such codes. Rows without a value are not counted as unfinished.

    Examples
    --------
    >>> survey = pd.DataFrame({"NP01": [9, 3, 7], "FINISHED": [1, 0, 1]})
    >>> column, mask, codes = incomplete_interviews(survey)
    >>> column, mask.tolist(), codes
    ('FINISHED', [False, True, False], '0')
    >>> efs = pd.DataFrame({"lfdn": [1, 2, 3], "dispcode": [31, 22, 32]})
    >>> incomplete_interviews(efs)[1].tolist()
    [False, True, False]
    >>> incomplete_interviews(pd.DataFrame({"Finished": ["2026-01-02", "2026-01-03"]})) is None
    True
    >>> lime = pd.DataFrame({"id": [1, 2, 3], "submitdate": ["2026-03-01 10:02", None, "2026-03-02 09:15"],
    ...                      "lastpage": [3, 1, 3]})
    >>> column, mask, codes = incomplete_interviews(lime)
    >>> column, mask.tolist(), codes
    ('submitdate', [False, True, False], '–')
    """
    headers = {column: normalize_header(column) for column in data.columns}
    started = bool(set(headers.values()) & _STARTED)
    for column, header in headers.items():
        if _is_flag_header(header):
            found = _flag_incomplete(data[column])
        elif _DISPCODE.match(header):
            found = _dispcode_incomplete(data[column])
        elif started and header in _SUBMIT_DATE:
            found = _submit_date_incomplete(data[column])
        else:
            continue
        if found is not None:
            return str(column), found[0].reindex(data.index, fill_value=False), found[1]
    return None
