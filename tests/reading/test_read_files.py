"""read_files: several files read side by side give exactly what read_file gives for each."""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.reading import read_file, read_files
from tests.reading.reading_builders import xlsx_bytes

CUSTOMERS = xlsx_bytes(
    {
        "Kunden": [
            ["Kundenexport"],
            ["ID", "Umsatz", "Seit"],
            ["K1", 12.5, "2024-01-02"],
            ["K2", 7, None],
        ]
    }
)
SURVEY = b"ID;NPS;Kommentar\nK1;9;gut\n\nK2;3;schlecht\n"
#: A row wider than the first 200 lines: the text reader turns pandas' warning into its fallback.
RAGGED = ("a,b\n" + "1,2\n" * 250 + "3,4,5\n").encode()


def _named(data: bytes, name: str) -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _same_sheets(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert list(left) == list(right)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name])
        assert left[name].attrs == right[name].attrs


def test_every_file_gives_what_read_file_gives_in_the_order_given():
    sources = {"survey": _named(SURVEY, "umfrage.csv"), "customers": _named(CUSTOMERS, "kunden.xlsx")}
    read = read_files(sources)
    assert list(read) == ["survey", "customers"]
    _same_sheets(read["customers"], read_file(CUSTOMERS, filename="kunden.xlsx"))
    _same_sheets(read["survey"], read_file(SURVEY, filename="umfrage.csv"))
    assert read["customers"]["Kunden"].attrs["title_rows"] == ["Kundenexport"]
    assert read["survey"]["umfrage"]["NPS"].tolist() == ["9", "3"]


def test_paths_are_read_and_named_like_read_file(tmp_path):
    path = tmp_path / "kunden.xlsx"
    path.write_bytes(CUSTOMERS)
    read = read_files({"customers": path, "survey": SURVEY})
    assert read["customers"]["Kunden"].attrs["file"] == "kunden.xlsx"
    assert read["survey"]["upload"].attrs["file"] == "upload"


def test_the_first_unreadable_file_in_the_given_order_raises():
    broken = b"PK\x03\x04 not a workbook"
    with pytest.raises(CxError) as raised:
        read_files({"customers": _named(b"", "leer.csv"), "survey": _named(broken, "kaputt.xlsx")})
    assert raised.value.key == "error.empty_file"
    with pytest.raises(CxError) as raised:
        read_files({"customers": _named(CUSTOMERS, "kunden.xlsx"), "survey": _named(broken, "kaputt.xlsx")})
    assert raised.value.key == "error.corrupt_workbook"
    assert raised.value.params["file"] == "kaputt.xlsx"


def test_text_files_read_together_leave_the_warning_filters_as_they_were():
    before = list(warnings.filters)
    read = read_files({name: _named(RAGGED, f"{name}.csv") for name in ("a", "b", "c", "d")})
    assert warnings.filters == before
    for name, sheets in read.items():
        _same_sheets(sheets, read_file(RAGGED, filename=f"{name}.csv"))
        assert sheets[name].shape == (251, 3)


def test_an_empty_mapping_reads_nothing_and_a_wrong_source_is_a_programmer_error():
    assert read_files({}) == {}
    with pytest.raises(ValueError, match="mapping"):
        read_files([CUSTOMERS])
    with pytest.raises(ValueError, match="source must be"):
        read_files({"customers": 42})
