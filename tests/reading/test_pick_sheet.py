"""pick_sheet: the data sheet wins over dictionaries, notes and hidden sheets; ties go to the first."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.reading import pick_sheet, read_file
from tests.reading.reading_builders import xlsx_bytes


def frame(rows: int, columns: int) -> pd.DataFrame:
    return pd.DataFrame({f"c{j}": range(rows) for j in range(columns)})


def test_most_filled_cells_wins():
    assert pick_sheet({"klein": frame(3, 2), "gross": frame(10, 3), "mittel": frame(5, 3)}) == "gross"


def test_tie_goes_to_the_first_sheet():
    assert pick_sheet({"B": frame(4, 2), "A": frame(4, 2)}) == "B"


def test_missing_values_do_not_count():
    sparse = pd.DataFrame({"a": [1, None, None, None], "b": [None] * 4, "c": [None] * 4})
    assert pick_sheet({"sparse": sparse, "dense": frame(2, 2)}) == "dense"  # 1 filled cell vs 4


@pytest.mark.parametrize("name", ["Data Dict", "Datenwörterbuch", "Notes", "README", "Legende", "Hinweise"])
def test_dictionary_and_notes_sheets_are_penalised_by_name(name):
    # 40 filled cells on the notes-like sheet, 12 on the data sheet: the name penalty (x0.1) decides
    assert pick_sheet({name: frame(20, 2), "Kunden": frame(4, 3)}) == "Kunden"


def test_ordinary_names_with_info_inside_are_not_penalised():
    assert pick_sheet({"Kundeninfo": frame(20, 2), "Kunden": frame(4, 3)}) == "Kundeninfo"


def test_dictionary_shape_is_penalised_without_a_telling_name():
    explained = pd.DataFrame(
        {
            "Feld": [f"Feld {i}" for i in range(10)],
            "Bedeutung": [f"Ausführliche Erklärung des Feldes Nummer {i}" for i in range(10)],
        }
    )  # 20 cells, x0.25 for the long explanatory text -> 5
    assert pick_sheet({"Blatt1": explained, "Blatt2": frame(3, 2)}) == "Blatt2"  # 6 cells


def test_hidden_sheet_is_penalised():
    hidden = frame(10, 2)
    hidden.attrs["hidden"] = True
    assert pick_sheet({"versteckt": hidden, "sichtbar": frame(3, 2)}) == "sichtbar"


def test_pick_sheet_on_a_read_workbook():
    dictionary = [["Variable", "Description"]] + [
        [f"Field{i}", f"A long description of what field number {i} means"] for i in range(30)
    ]
    data = [["CustomerID", "Churn", "Tenure"]] + [[50000 + i, i % 2, i] for i in range(12)]
    sheets = read_file(xlsx_bytes({"Data Dict": dictionary, "E Comm": data}), filename="churn.xlsx")
    assert pick_sheet(sheets) == "E Comm"


def test_programmer_errors():
    with pytest.raises(ValueError, match="non-empty dict"):
        pick_sheet({})
    with pytest.raises(ValueError, match="DataFrame"):
        pick_sheet({"a": [1, 2]})
