"""Turning spreadsheet cells into typed values: numbers, dates, yes/no flags, IDs and gender labels.

Each parser returns the typed values and a mask of the cells it could not read, so validation can
count every value it had to leave empty instead of dropping it silently.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

MISSING_MARKERS = frozenset(
    {
        "",
        "n/a",
        "na",
        "n.a.",
        "nan",
        "none",
        "null",
        "-",
        "–",
        "—",
        "?",
        "k.a.",
        "k. a.",
        "keine angabe",
        "unknown",
        "unbekannt",
        "#n/a",
        "#nv",
        "#wert!",
        "#value!",
        "nil",
        ".",
    }
)
_CURRENCY = re.compile(r"[€$£¥%]|\b(?:eur|euro|usd|chf|gbp)\b", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_GERMAN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_ENGLISH_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")

_TRUE = frozenset(
    {
        "1",
        "1.0",
        "yes",
        "y",
        "true",
        "wahr",
        "ja",
        "j",
        "x",
        "churned",
        "exited",
        "lost",
        "gekündigt",
        "gekuendigt",
        "abgewandert",
        "verloren",
        "ausgetreten",
        "inactive",
        "inaktiv",
    }
)
_FALSE = frozenset(
    {
        "0",
        "0.0",
        "no",
        "n",
        "false",
        "falsch",
        "nein",
        "active",
        "aktiv",
        "retained",
        "stayed",
        "geblieben",
        "bestehend",
    }
)

_GENDER = {
    "female": "female",
    "f": "female",
    "w": "female",
    "weiblich": "female",
    "frau": "female",
    "woman": "female",
    "women": "female",
    "femme": "female",
    "mrs": "female",
    "ms": "female",
    "male": "male",
    "m": "male",
    "männlich": "male",
    "maennlich": "male",
    "herr": "male",
    "mann": "male",
    "man": "male",
    "men": "male",
    "homme": "male",
    "mr": "male",
    "diverse": "diverse",
    "d": "diverse",
    "divers": "diverse",
    "non-binary": "diverse",
    "nonbinary": "diverse",
    "x": "diverse",
    "other": "diverse",
    "andere": "diverse",
}


def _as_text(values: pd.Series) -> pd.Series:
    return values.astype("string").str.strip()


def _missing_text(text: pd.Series) -> pd.Series:
    return text.isna() | text.str.lower().isin(MISSING_MARKERS)


def guess_decimal(values: pd.Series, *, hint: str | None = None) -> str:
    """Guess whether a text column writes decimals with a comma (German) or a point.

    Examples
    --------
    >>> guess_decimal(pd.Series(["1.234,5", "12,5"]))
    ','
    >>> guess_decimal(pd.Series(["1,234.5", "3.25"]))
    '.'
    >>> guess_decimal(pd.Series(["12"]), hint=",")
    ','
    """
    text = _SPACES.sub("", "|".join(_as_text(values).dropna().head(500)))
    cells = [_CURRENCY.sub("", cell) for cell in text.split("|") if cell]
    german = sum(bool(_GERMAN_NUMBER.match(c)) and not _ENGLISH_NUMBER.match(c) for c in cells)
    english = sum(bool(_ENGLISH_NUMBER.match(c)) and not _GERMAN_NUMBER.match(c) for c in cells)
    if german != english:
        return "," if german > english else "."
    return hint or "."


def parse_numbers(values: pd.Series, *, decimal: str | None = None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Read numbers the way people type them ("12,5 €", "1.234,50", "1,234.5", "n/a").

    Returns
    -------
    numbers : float64 Series (NaN where empty or unreadable)
    unreadable : bool Series, True where a non-empty cell was not a number
    marked_missing : bool Series, True where the cell said "not available" ("n/a", "–", "k.A.")

    Examples
    --------
    >>> cells = pd.Series(["12,5 €", "1.234,5", "n/a", "abc", None])
    >>> numbers, bad, marked = parse_numbers(cells, decimal=",")
    >>> numbers.tolist()[:2], bad.tolist(), marked.tolist()
    ([12.5, 1234.5], [False, False, False, True, False], [False, False, True, False, False])
    """
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("float64")
    if pd.api.types.is_numeric_dtype(values):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        numbers = numbers.where(np.isfinite(numbers))
        nothing = pd.Series(False, index=values.index)
        return numbers, nothing, nothing.copy()
    text = _as_text(values)
    marked = text.notna() & text.str.lower().isin(MISSING_MARKERS - {""})
    empty = _missing_text(text)
    decimal = decimal or guess_decimal(text)
    cleaned = text.str.replace(_CURRENCY, "", regex=True).str.replace(_SPACES, "", regex=True)
    cleaned = cleaned.str.replace("−", "-", regex=False)
    if decimal == ",":
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    numbers = pd.to_numeric(cleaned.where(~empty), errors="coerce").astype("float64")
    numbers = numbers.where(np.isfinite(numbers))
    unreadable = (~empty & numbers.isna()).astype(bool)
    return numbers, unreadable, marked.fillna(False).astype(bool)


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%y",
    "%Y/%m/%d",
    "%d-%m-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
)


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read dates written in any common form, even several forms in one column.

    ISO (2026-09-30), German (30.09.2026, 30.09.26), slashes (30/09/2026 or 9/30/2026: the order is
    decided per column from values that can only be read one way), Excel serial numbers and real dates.

    Returns
    -------
    dates : datetime64[ns] Series (NaT where empty or unreadable)
    unreadable : bool Series, True where a non-empty cell was not a date

    Examples
    --------
    >>> dates, bad = parse_dates(pd.Series(["2026-09-30", "30.09.2026", "9/30/2026", "kein Datum", None]))
    >>> [d.strftime("%Y-%m-%d") if pd.notna(d) else None for d in dates]
    ['2026-09-30', '2026-09-30', '2026-09-30', None, None]
    >>> bad.tolist()
    [False, False, False, True, False]
    >>> parse_dates(pd.Series(["9999-12-31"]))[1].tolist()  # beyond datetime64[ns]: unreadable, no crash
    [True]
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        dates = pd.to_datetime(values).dt.tz_localize(None) if getattr(values.dt, "tz", None) else values
        outside = dates.notna() & ~_in_ns_range(dates)  # e.g. 9999-12-31 as "open end"
        return dates.where(~outside).astype("datetime64[ns]"), outside.astype(bool)
    if pd.api.types.is_numeric_dtype(values):
        serial = pd.to_numeric(values, errors="coerce")
        plausible = serial.between(1, 109_575)  # Excel serials for 1900-01-01 .. 2199-12-31
        dates = pd.to_datetime(serial.where(plausible), unit="D", origin="1899-12-30").astype(
            "datetime64[ns]"
        )
        return dates, (serial.notna() & ~plausible)
    text = _as_text(values)
    empty = _missing_text(text)
    dates = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = ~empty
    for fmt in (*_DATE_FORMATS, *_slash_formats(text[todo])):
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        hit = parsed.notna() & _in_ns_range(parsed)  # 9999-12-31 does not fit: counted as unreadable
        dates.loc[hit[hit].index] = parsed[hit].astype("datetime64[ns]")
        todo.loc[hit[hit].index] = False
    return dates, todo.astype(bool)


def _in_ns_range(dates: pd.Series) -> pd.Series:
    """True where a date fits datetime64[ns] (years 1677-2262); other years would overflow the cast."""
    return (dates >= pd.Timestamp.min) & (dates <= pd.Timestamp.max)


def _slash_formats(text: pd.Series) -> tuple[str, ...]:
    """Day-first or month-first for d/m/y columns, decided by values that allow only one reading."""
    parts = text.str.extract(r"^(\d{1,2})/(\d{1,2})/\d{2,4}")
    first, second = pd.to_numeric(parts[0], errors="coerce"), pd.to_numeric(parts[1], errors="coerce")
    month_first = bool((second > 12).any()) and not bool((first > 12).any())
    day, month = ("%m", "%d") if month_first else ("%d", "%m")
    return tuple(
        f"{day}/{month}/{year}{time}" for year in ("%Y", "%y") for time in ("", " %H:%M", " %H:%M:%S")
    )


def parse_flags(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read yes/no flags (ja/nein, yes/no, 1/0, true/false, x, "abgewandert"/"aktiv").

    Examples
    --------
    >>> flags, bad = parse_flags(pd.Series(["ja", "Nein", 1, "vielleicht", None]))
    >>> flags.tolist(), bad.tolist()
    ([True, False, True, <NA>, <NA>], [False, False, False, True, False])
    """
    text = values.astype("string").str.strip().str.lower()
    empty = _missing_text(text)
    flags = pd.Series(pd.NA, index=values.index, dtype="boolean")
    flags[text.isin(_TRUE).fillna(False).astype(bool)] = True
    flags[text.isin(_FALSE).fillna(False).astype(bool)] = False
    return flags, (~empty & flags.isna()).astype(bool)


def normalize_ids(values: pd.Series) -> pd.Series:
    """IDs as text that matches across files: 1, 1.0, "0001" and " 1 " all become "1".

    Examples
    --------
    >>> normalize_ids(pd.Series([1, "0001", " K-7 ", None, 2.0])).tolist()
    ['1', '1', 'K-7', <NA>, '2']
    """
    if pd.api.types.is_float_dtype(values):
        whole = values.notna() & (values == values.round())
        values = values.astype(object).where(~whole, values.round().astype("Int64").astype(object))
    text = values.astype("string").str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    text = text.mask(text == "", pd.NA)
    digits = text.str.fullmatch(r"\d+").fillna(False).astype(bool)
    stripped = text[digits].str.lstrip("0").replace("", "0")
    return text.mask(digits, stripped)


def normalize_gender(values: pd.Series) -> pd.Series:
    """Gender labels as "female" / "male" / "diverse", other values kept as written.

    Examples
    --------
    >>> normalize_gender(pd.Series(["weiblich", "M", "Female", "keine Angabe", None])).tolist()
    ['female', 'male', 'female', <NA>, <NA>]
    """
    text = _as_text(values)
    lowered = text.str.lower().str.rstrip(".")
    mapped = lowered.map(_GENDER)
    result = mapped.fillna(text).astype("string")
    return result.mask(_missing_text(text), pd.NA)


def clean_text(values: pd.Series) -> pd.Series:
    """Text with surrounding blanks removed; empty cells become missing.

    Examples
    --------
    >>> clean_text(pd.Series(["  Nord ", "", None])).tolist()
    ['Nord', <NA>, <NA>]
    """
    text = _as_text(values)
    return text.mask(text.isna() | (text == ""), pd.NA)
