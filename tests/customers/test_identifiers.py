"""Identifiers must be near-unique; a customer table without one uses its row numbers (defect class 9)."""

from __future__ import annotations

import json

import pandas as pd

from cxlib.cli import main
from cxlib.intake import load_table, mapping_overview
from cxlib.mapping import suggest_mapping


def test_a_repeating_column_is_no_customer_id_and_a_unique_number_column_is():
    frame = pd.DataFrame(
        {
            "Kunde": ["Privat", "Firma"] * 20,  # a header that names the ID, values that cannot be one
            "Vertragsnr": [f"V-{i:05d}" for i in range(40)],
            "Alter": range(20, 60),
        }
    )
    mapping = suggest_mapping(frame, "customers")
    assert mapping.matches["customer_id"].column == "Vertragsnr"
    assert ("Kunde", "id_not_unique") in [(column, e.code) for column, e in mapping.customer_evidence]


def test_customer_file_without_id_runs_on_the_command_line_with_a_note(tmp_path, capsys):
    path = tmp_path / "ohne_id.csv"
    pd.DataFrame({"Alter": range(20, 50), "Umsatz": [float(i * 10) for i in range(30)]}).to_csv(
        path, index=False
    )
    assert main(["analyze", "--customers", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    rules = {rule["rule"]: rule for rule in document["inputs"]["customers"]["rules"]}
    assert rules["no_id_row_numbers"]["rows"] == 30
    assert "cannot be linked" in rules["no_id_row_numbers"]["message"]
    assert document["kpis"]["customers"] == 30


def test_data_page_mapping_names_the_row_numbers(tmp_path):
    path = tmp_path / "ohne_id.csv"
    pd.DataFrame({"Alter": [30, 40, 50]}).to_csv(path, index=False)
    overview = mapping_overview(load_table(path, table="customers"), lang="de")
    assert overview.iloc[0].tolist()[:2] == ["Kunden-ID", "Zeilennummern"]


def test_column_view_describes_every_column_of_every_table(tmp_path):
    from cxlib.column_view import column_overview

    path = tmp_path / "umfrage.csv"
    pd.DataFrame({"Antwort-ID": ["a", "b"], "Weiterempfehlung": [9, 3], "Lieferung": [4, 2]}).to_csv(
        path, index=False
    )
    loaded = load_table(path, table="survey")
    overview = column_overview(loaded.validated)
    assert overview["Column"].tolist() == ["Antwort-ID", "Weiterempfehlung", "Lieferung"]
    assert overview["Kind"].tolist()[-1] == "rating"
