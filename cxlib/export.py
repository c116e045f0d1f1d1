"""Files people take away: CSV and Excel exports that a spreadsheet cannot turn into running formulas.

Text cells starting with ``=``, ``+``, ``-``, ``@``, a tab, CR or LF are prefixed with an apostrophe
(OWASP "CSV injection"); real numbers are left alone, so -5 stays the number -5.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells can no longer start a spreadsheet formula.

    Examples
    --------
    >>> frame = pd.DataFrame({"comment": ["=HYPERLINK(\\"x\\")", "fine", "-10%"], "value": [-5.0, 1.0, 2.0]})
    >>> neutralize_formulas(frame).values.tolist()
    [['\\'=HYPERLINK("x")', -5.0], ['fine', 1.0], ["'-10%", 2.0]]
    """
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        text = values.astype("string")
        risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
        if risky.any():
            safe[column] = values.astype(object).where(~risky, "'" + text[risky])
    safe.columns = [
        f"'{name}" if isinstance(name, str) and name.startswith(FORMULA_PREFIXES) else name
        for name in safe.columns
    ]
    return safe


def to_csv_bytes(frame: pd.DataFrame, *, lang: str = "en") -> bytes:
    """CSV for Excel users: German as ``;``-separated with decimal commas, always UTF-8 with BOM.

    Examples
    --------
    >>> to_csv_bytes(pd.DataFrame({"a": [1.5]}), lang="de")
    b'\\xef\\xbb\\xbfa\\r\\n1,5\\r\\n'
    """
    separator, decimal = (";", ",") if lang == "de" else (",", ".")
    text = neutralize_formulas(frame).to_csv(
        index=False, sep=separator, decimal=decimal, lineterminator="\r\n"
    )
    return text.encode("utf-8-sig")


def to_excel_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook (openpyxl) with one sheet per frame, formulas neutralised, headers bold and frozen."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe_name = name[:31]
            neutralize_formulas(frame).to_excel(writer, sheet_name=safe_name, index=False)
            worksheet = writer.sheets[safe_name]
            worksheet.freeze_panes = "A2"
    return buffer.getvalue()
