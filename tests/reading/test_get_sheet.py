"""get_sheet: a sheet by name, or a CxError listing the sheets that exist."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.reading import get_sheet


def test_existing_sheet_is_returned_as_is():
    kunden = pd.DataFrame({"ID": ["1"]})
    assert get_sheet({"Kunden": kunden, "Umfrage": pd.DataFrame()}, "Kunden", filename="a.xlsx") is kunden


def test_missing_sheet_names_the_available_ones_in_both_languages():
    sheets = {"Kunden": pd.DataFrame({"ID": ["1"]}), "Umfrage 2026": pd.DataFrame({"ID": ["2"]})}
    with pytest.raises(CxError) as err:
        get_sheet(sheets, "Transaktionen", filename="export.xlsx")
    assert err.value.key == "error.sheet_not_found"
    assert err.value.message("en") == (
        'The sheet "Transaktionen" does not exist in "export.xlsx". Available: "Kunden", "Umfrage 2026".'
    )
    assert err.value.message("de") == (
        "Das Tabellenblatt „Transaktionen“ gibt es in „export.xlsx“ nicht. "
        'Vorhanden: "Kunden", "Umfrage 2026".'
    )
