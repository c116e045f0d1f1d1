"""Exports as survey tools write them (Qualtrics, SurveyMonkey): the right NPS and touchpoint means.

Before: the rows under the header (question texts, ``{"ImportId": …}`` metadata, SurveyMonkey's
"Response"/option row) were read as answers, so a Qualtrics CSV kept 2 of its rows (the header rows) and
set every real answer aside, and a SurveyMonkey file had no NPS and no journey.
"""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.intake import load_table
from tests.survey.conftest import ratings


def _nps(values) -> float:
    values = pd.Series(values, dtype=float).dropna()
    return 100 * ((values >= 9).sum() - (values <= 6).sum()) / len(values)


def _csv_bytes(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _analyze(data: bytes, filename: str):
    loaded = load_table(data, table="survey", filename=filename)
    return loaded, analyze_tables({"survey": loaded.validated})


def _means(document: dict) -> dict[str, float]:
    return {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}


def test_qualtrics_csv_with_three_header_rows(rng):
    n = 120
    recommend = ratings(rng, n, 0, 10, centre=7.5)
    web, delivery = ratings(rng, n, 1, 5, centre=4.0), ratings(rng, n, 1, 5, centre=3.0)
    codes = ["StartDate", "Progress", "Duration (in seconds)", "Finished", "ResponseId", "Q1", "Q1_NPS_GROUP",
             "Q2_1", "Q2_2"]  # fmt: skip
    texts = ["Start Date", "Progress", "Duration (in seconds)", "Finished", "Response ID",
             "How likely are you to recommend us to a friend or colleague?",
             "How likely are you to recommend us to a friend or colleague? - Group",
             "How satisfied were you with the following? - Website",
             "How satisfied were you with the following? - Delivery"]  # fmt: skip
    rows = [codes, texts, [json.dumps({"ImportId": code}) for code in codes]]
    for i in range(n):
        group = 3 if recommend[i] >= 9 else 2 if recommend[i] >= 7 else 1  # Qualtrics' numeric group codes
        rows.append([f"2024-03-{1 + i % 28:02d} 10:00:00", 100, 60 + i, 1, f"R_{i:06d}", recommend[i], group,
                     web[i], delivery[i]])  # fmt: skip
    loaded, document = _analyze(_csv_bytes(rows), "qualtrics.csv")
    assert loaded.validated.report.rows_used == n  # before: 2 (the header rows), 120 set aside
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(recommend))
    assert document["kpis"]["nps"]["n"] == n
    mapping = loaded.validated.report.mapping
    assert mapping["recommend"] == "Q1 How likely are you to recommend us to a friend or colleague?"
    assert _means(document) == pytest.approx(
        {"Q2_1 How satisfied were you with the following? - Website": round(web.mean(), 3),
         "Q2_2 How satisfied were you with the following? - Delivery": round(delivery.mean(), 3)}
    )  # fmt: skip


def test_surveymonkey_csv_with_a_response_row(rng):
    n = 90
    recommend = ratings(rng, n, 0, 10, centre=6.5)
    words = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
    website, app = ratings(rng, n, 1, 5, centre=3.8), ratings(rng, n, 1, 5, centre=2.6)
    rows = [
        ["Respondent ID", "Collector ID", "Start Date",
         "How likely is it that you would recommend this company to a friend or colleague?",
         "How satisfied are you with each of the following?", "", "Any other comments?"],
        ["", "", "", "Response", "Website", "App", "Open-Ended Response"],
    ]  # fmt: skip
    for i in range(n):
        comment = f"comment number {i}" if i % 3 else ""
        rows.append([11400000 + 37 * i, 405123, f"03/{1 + i % 28:02d}/2024 10:02:11 AM", recommend[i],
                     words[website[i] - 1], words[app[i] - 1], comment])  # fmt: skip
    loaded, document = _analyze(_csv_bytes(rows), "monkey.csv")
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(recommend))  # before: no NPS
    question = "How satisfied are you with each of the following?"
    assert _means(document) == pytest.approx(
        {f"{question} - Website": round(website.mean(), 3), f"{question} - App": round(app.mean(), 3)}
    )
    assert loaded.validated.report.rows_used == n
    assert np.array_equal(loaded.validated.data["recommend"].to_numpy(), recommend.astype(float))


def _microsoft_forms(n: int, *, id_header: str = "ID", ids=None) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    start = pd.date_range("2025-01-06 09:00", periods=n, freq="D")
    return pd.DataFrame(
        {
            id_header: range(1, n + 1) if ids is None else ids,
            "Start time": start.strftime("%m/%d/%y %H:%M:%S"),
            "Completion time": (start + pd.Timedelta(minutes=4)).strftime("%m/%d/%y %H:%M:%S"),
            "Email": ["anonymous"] * n,
            "How likely are you to recommend us to a friend?": rng.integers(0, 11, n),
            "Website": ratings(rng, n, 1, 5, centre=3.5),
        }
    )


def test_a_microsoft_forms_response_number_is_no_customer_id():
    """Before: Forms' "ID" (1, 2, 3 … down the rows) was the customer ID, so each answer was joined to
    whichever customer has that number; now it is the response ID, said in a note, and the completion
    time (not the start) is the response date."""
    frame = _microsoft_forms(120)
    survey = load_table(frame.to_csv(index=False).encode(), table="survey", filename="forms.csv").validated
    assert survey.report.mapping["response_id"] == "ID" and "customer_id" not in survey.report.mapping
    assert survey.report.mapping["response_date"] == "Completion time"
    assert "response_numbers" in [e.code for e in survey.columns["response_id"].evidence]
    customers = pd.DataFrame({"Kundennummer": range(1, 301), "Alter": [30 + i % 40 for i in range(300)]})
    linked = analyze_tables(
        {
            "survey": survey,
            "customers": load_table(
                customers.to_csv(index=False).encode(), table="customers", filename="kunden.csv"
            ).validated,
        }
    )
    recommend = frame["How likely are you to recommend us to a friend?"]
    assert linked["kpis"]["nps"]["score"] == pytest.approx(_nps(recommend))
    # before: customers 1-120 got the answers of responses 1-120, and each persona an NPS from them
    personas = linked["personas"]["personas"]
    assert personas and all(persona["nps"] is None for persona in personas)


@pytest.mark.parametrize(
    ("id_header", "ids"),
    [("Kundennummer", None), ("ID", [7, 3, 12, 40] * 30)],  # a named customer number; ids not in row order
)
def test_customer_numbers_stay_customer_ids(id_header, ids):
    frame = _microsoft_forms(120, id_header=id_header, ids=ids)
    survey = load_table(frame.to_csv(index=False).encode(), table="survey", filename="forms.csv").validated
    assert survey.report.mapping["customer_id"] == id_header
