"""Survey answers kept in the customer table (cxlib.customer_answers): a CRM's "NPS" 0–10 or
"Satisfaction Score" per customer is the survey when none is loaded.

Before: a customer export with an NPS column said "No survey data: the NPS cannot be computed" and used the
answers only as persona traits. Now the NPS equals pandas on the answered rows, the survey's first note
says where the answers come from, and an uploaded survey still wins. Files are written to ``tmp_path``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_loaded, load_files
from cxlib.customer_answers import answer_columns
from cxlib.mapping_profile import profile_from_tables

N = 300


def _crm(rng: np.random.Generator) -> pd.DataFrame:
    nps = pd.Series(rng.integers(0, 11, N), dtype="Int64").mask(np.arange(N) % 7 == 0)
    return pd.DataFrame(
        {
            "Customer ID": [f"K{1000 + i}" for i in range(N)],
            "Age": rng.integers(18, 80, N),
            "Region": rng.choice(["North", "South", "West"], N),
            "CityTier": rng.integers(1, 4, N),
            "Monthly Charges": rng.uniform(20, 120, N).round(2),
            "Churn": rng.choice(["Yes", "No"], N, p=[0.2, 0.8]),
            "Satisfaction Score": rng.integers(1, 6, N),
            "NPS": nps,
        }
    )


def _nps(scores: pd.Series) -> float:
    scores = scores.dropna().astype(float)
    return 100 * ((scores >= 9).mean() - (scores <= 6).mean())


@pytest.fixture
def crm(tmp_path) -> tuple[pd.DataFrame, str]:
    frame = _crm(np.random.default_rng(4))
    path = tmp_path / "crm_export.csv"
    frame.to_csv(path, index=False)
    return frame, str(path)


def test_the_nps_column_of_a_customer_table_gives_the_nps(crm):
    frame, path = crm

    loaded = load_files({"customers": path})
    document = analyze_loaded(loaded).document

    survey = loaded["survey"]
    assert survey.derived_from == "customers"
    assert survey.validated.report.mapping["recommend"] == "NPS"
    assert survey.validated.report.mapping["satisfaction"] == "Satisfaction Score"
    assert document["kpis"]["customers"] == N
    nps = document["kpis"]["nps"]
    assert nps["n"] == int(frame["NPS"].notna().sum())
    assert nps["score"] == pytest.approx(_nps(frame["NPS"]))
    assert "No survey data" not in " ".join(document["kpis"]["notes"])
    personas = document["personas"]["personas"]
    assert personas and all(persona["nps"] is not None for persona in personas)
    notes = survey.validated.report.note_texts("en") + survey.validated.report.note_texts("de")
    assert "Satisfaction Score, NPS (crm_export.csv)" in notes[0]
    answered = int(frame[["Satisfaction Score", "NPS"]].notna().any(axis=1).sum())
    assert f"{answered} rows with an answer, {N - answered} rows without any" in notes[0]
    assert "Keine Umfrage geladen" in notes[1]


def test_an_uploaded_survey_wins(crm, tmp_path):
    _, path = crm
    survey = pd.DataFrame({"Customer ID": ["K1000", "K1001", "K1002"], "Recommend": [10, 10, 0]})
    survey_path = tmp_path / "survey.csv"
    survey.to_csv(survey_path, index=False)

    loaded = load_files({"customers": path, "survey": str(survey_path)})
    document = analyze_loaded(loaded).document

    assert loaded["survey"].derived_from is None
    assert document["kpis"]["nps"]["n"] == 3
    assert document["kpis"]["nps"]["score"] == pytest.approx(100 * (2 / 3 - 1 / 3))


def test_traits_that_look_like_ratings_are_not_answers():
    rng = np.random.default_rng(9)
    raw = pd.DataFrame(
        {
            "CityTier": rng.integers(1, 4, N),
            "Credit Rating": rng.integers(1, 6, N),
            "NumberOfDeviceRegistered": rng.integers(1, 7, N),
            "Churn Score": rng.integers(0, 11, N),
        }
    )
    assert answer_columns(raw, list(raw.columns)) == []
    for plain in ("Score", "Rating", "Bewertung"):  # 0–10 under a header that names no question
        assert answer_columns(pd.DataFrame({plain: rng.integers(0, 11, N)}), [plain]) == []


def test_without_an_id_of_its_own_there_is_no_survey(tmp_path):
    frame = _crm(np.random.default_rng(5)).drop(columns="Customer ID")
    path = tmp_path / "ohne_id.csv"
    frame.to_csv(path, index=False)

    loaded = load_files({"customers": str(path)})

    assert "survey" not in loaded


def test_the_saved_mapping_profile_leaves_the_made_survey_out(crm):
    _, path = crm
    loaded = load_files({"customers": path})

    profile = profile_from_tables(loaded)

    assert set(profile["tables"]) == {"customers"}


def test_customers_without_an_answer_are_counted_in_the_note(tmp_path):
    frame = _crm(np.random.default_rng(6)).drop(columns="Satisfaction Score")
    path = tmp_path / "nps_only.csv"
    frame.to_csv(path, index=False)

    survey = load_files({"customers": str(path)})["survey"]

    blanks = int(frame["NPS"].isna().sum())
    assert blanks > 0 and survey.validated.report.rows_read == N - blanks
    assert (
        f"{N - blanks} rows with an answer, {blanks} rows without any"
        in survey.validated.report.note_texts("en")[0]
    )
