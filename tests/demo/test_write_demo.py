"""write_demo: three workbooks with the German sheets, byte-identical on every run; the CLI entry point."""

import fastexcel
import pandas as pd
import pytest

from cxlib.demo import generate_demo, main, write_demo


@pytest.fixture(scope="module")
def small():
    return generate_demo(n_customers=300, seed=5)


def test_writes_three_workbooks_with_their_sheets(tmp_path, small):
    paths = write_demo(tmp_path / "new folder", data=small)
    assert [path.name for path in paths] == ["customers.xlsx", "survey.xlsx", "transactions.xlsx"]
    sheets = [fastexcel.read_excel(str(path)).sheet_names for path in paths]
    assert sheets == [["Kunden", "Hinweise"], ["Umfrage"], ["Transaktionen"]]
    notes = fastexcel.read_excel(str(paths[0])).load_sheet("Hinweise", header_row=None).to_pandas()
    assert notes.shape == (4, 1)
    assert "Stichtag der Daten: 30.09.2026" in notes.iloc[1, 0]


def test_cells_read_back_as_generated(tmp_path, small, read_sheet):
    customers_path, survey_path, transactions_path = write_demo(tmp_path, data=small)
    pd.testing.assert_frame_equal(read_sheet(customers_path, "Kunden"), small.customers, check_dtype=False)
    pd.testing.assert_frame_equal(read_sheet(survey_path, "Umfrage"), small.survey, check_dtype=False)
    pd.testing.assert_frame_equal(
        read_sheet(transactions_path, "Transaktionen"), small.transactions, check_dtype=False
    )


def test_two_runs_write_byte_identical_files(tmp_path, small):
    first = write_demo(tmp_path / "a", data=small)
    second = write_demo(tmp_path / "b", data=generate_demo(n_customers=300, seed=5))
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()


def test_rejects_data_that_is_not_demo_data(tmp_path, small):
    with pytest.raises(ValueError, match="data must be DemoData or None, got DataFrame"):
        write_demo(tmp_path, data=small.customers)


def test_command_line_writes_the_requested_data(tmp_path, capsys, read_sheet):
    assert main(["--out", str(tmp_path), "--customers", "120", "--seed", "9"]) == 0
    names = ("customers.xlsx", "survey.xlsx", "transactions.xlsx")
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / name) for name in names]
    expected = generate_demo(n_customers=120, seed=9)
    written = read_sheet(tmp_path / "customers.xlsx", "Kunden")
    pd.testing.assert_frame_equal(written, expected.customers, check_dtype=False)
