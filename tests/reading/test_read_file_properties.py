"""Property: whatever bytes arrive, read_file returns DataFrames or raises CxError, nothing else."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxlib.errors import CxError
from cxlib.reading import read_file

MAGICS = [
    b"",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]
OLE2_NAMES = [b"", "Workbook".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le")]


def check(data: bytes, filename: str) -> None:
    try:
        sheets = read_file(data, filename=filename)
    except CxError as error:
        assert error.message("en") and error.message("de")
        return
    assert isinstance(sheets, dict) and sheets
    for name, frame in sheets.items():
        assert isinstance(name, str)
        assert isinstance(frame, pd.DataFrame) and len(frame) > 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(MAGICS),
    middle=st.sampled_from(OLE2_NAMES),
    body=st.binary(max_size=600),
    filename=st.sampled_from(["upload", "kunden.xlsx", "kunden.csv", "daten.xls"]),
)
def test_arbitrary_bytes(prefix, middle, body, filename):
    check(prefix + body[:300] + middle + body[300:], filename)


@settings(max_examples=100, deadline=None)
@given(
    cells=st.lists(st.lists(st.text(max_size=8), min_size=1, max_size=5), min_size=0, max_size=8),
    separator=st.sampled_from([";", ",", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_arbitrary_text_tables(cells, separator, encoding):
    text = "\r\n".join(separator.join(row) for row in cells)
    check(text.encode(encoding, errors="replace"), "tabelle.csv")
