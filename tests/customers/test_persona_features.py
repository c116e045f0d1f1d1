"""Persona features by meaning, not file order (defect class 5), and the plausibility guard."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from cxlib.analysis import AnalysisSettings, analyze_tables
from cxlib.mapping import suggest_mapping
from cxlib.personas import PersonaModel, default_features, persona_notes, personas_in
from cxlib.validation import validate_table

N = 120
LEAKED = "Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_Dependent_count_1"


def _customers() -> pd.DataFrame:
    """Meaningless columns first (file order used to pick them), the real traits last."""
    rng = np.random.default_rng(5)
    young = np.arange(N) < N // 2
    return pd.DataFrame(
        {
            "RowNumber": np.arange(1, N + 1),
            "Kundennummer": [f"K{i:04d}" for i in range(N)],
            "zip": rng.integers(10000, 99999, N),
            "Latitude": rng.uniform(47, 55, N),
            "Longitude": rng.uniform(6, 15, N),
            "phone": [f"0151{rng.integers(10**6, 10**7)}" for _ in range(N)],
            LEAKED: rng.uniform(0, 1, N),
            "Geburtsjahr": np.where(young, rng.integers(1995, 2004, N), rng.integers(1950, 1965, N)),
            "Gewicht": rng.uniform(0.5, 1.5, N),
            "Mandant": ["M1"] * (N - 1) + ["M2"],
            "Besuche pro Monat": np.where(young, rng.normal(12, 1, N), rng.normal(3, 1, N)).round(1),
            "Warenkorb": np.where(young, rng.normal(30, 3, N), rng.normal(90, 5, N)).round(2),
        }
    )


def _validated(frame: pd.DataFrame):
    return validate_table(frame, suggest_mapping(frame, "customers"), today=date(2025, 6, 30))


def test_meaningless_columns_never_become_persona_features():
    table = _validated(_customers())
    features = default_features(table.data)
    assert "age" in features  # derived from the birth year
    assert set(features) <= {"age", "Besuche pro Monat", "Warenkorb"}
    model = PersonaModel(n_bootstrap=0).fit(table.data)
    excluded = model.excluded_
    assert excluded["zip"] == "postal_code"
    assert excluded["Latitude"] == excluded["Longitude"] == "coordinate"
    assert excluded["phone"] == "phone_number"
    assert excluded[LEAKED] == "model_score"
    assert excluded["Geburtsjahr"] == "birth_year"
    assert excluded["Gewicht"] == "survey_weight"
    assert excluded["RowNumber"] == "row_number"
    assert excluded["Mandant"] == "near_constant"
    descriptions = " ".join(p.description for p in personas_in(model, "en"))
    for word in ("zip", "Latitude", "Longitude", "Geburtsjahr", "RowNumber"):
        assert word not in descriptions


def test_the_persona_section_lists_what_was_left_out_and_why():
    table = _validated(_customers())
    document = analyze_tables({"customers": table}, settings=AnalysisSettings(n_personas=2))
    excluded = {entry["column"]: entry["code"] for entry in document["personas"]["excluded"]}
    assert excluded["Latitude"] == "coordinate" and excluded["zip"] == "postal_code"
    assert {key: value for key, value in document["assumptions"][0].items() if key != "params"} == {
        "table": "customers",
        "column": "age",
        "code": "age_from_birth_year",
    }


def test_age_from_date_of_birth_and_impossible_ages_are_counted():
    frame = pd.DataFrame(
        {
            "customer_id": [str(i) for i in range(6)],
            "DOB": ["1980-05-01", "1893-01-01", "2001-12-24", "1970-01-01", "", "1999-07-07"],
        }
    )
    table = _validated(frame)
    assert table.data["age"].tolist()[2:4] == [23.0, 55.0]
    assert table.data["age"].isna().tolist() == [False, True, False, False, True, False]
    rules = {rule.rule: rule.rows for rule in table.report.rules}
    assert rules["implausible_value"] == 1  # born 1893: 132 years old
    assert table.columns["age"].evidence[0].code == "age_from_birth_date"


def test_income_codes_and_ages_over_110_are_flagged_not_used():
    frame = pd.DataFrame(
        {
            "customer_id": [str(i) for i in range(5)],
            "Alter": [34, 150, -3, 51, 28],
            "Einkommen": [52000, 666666, 48000, 99999, 61000],
        }
    )
    table = _validated(frame)
    assert table.data["age"].isna().tolist() == [False, True, True, False, False]
    assert table.data["income"].isna().tolist() == [False, True, False, True, False]
    rules = [(rule.rule, rule.rows) for rule in table.report.rules]
    assert ("implausible_value", 2) in rules and ("implausible_value", 1) in rules


def test_persona_notes_and_section_name_the_age_assumption():
    table = _validated(_customers())
    model = PersonaModel(n_bootstrap=0, n_personas=2).fit(table.data)
    notes = persona_notes(model, "en")
    assert any(note.startswith("Assumptions: age = this year − birth year") for note in notes)
    assert model.assumptions_[0]["code"] == "age_from_birth_year"
