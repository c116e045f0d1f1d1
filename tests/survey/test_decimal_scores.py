"""Scores on a decimal scale (Booking.com's Reviewer_Score 2.5–10 with one decimal, half stars) are a
rating on their scale with the scale stated, never a category and never an NPS; a hotel's Average_Score
repeated on every review is no customer's answer. Files built in code as the portals export them; every
figure checked against pandas."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.kpis import kpi_section
from tests.survey.conftest import load_survey

#: The values Booking.com's Reviewer_Score takes (its old 2.5–10 scale, one decimal).
BOOKING_STEPS = [
    2.5,
    2.9,
    3.3,
    3.8,
    4.2,
    4.6,
    5.0,
    5.4,
    5.8,
    6.3,
    6.7,
    7.1,
    7.5,
    7.9,
    8.3,
    8.8,
    9.2,
    9.6,
    10.0,
]


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(11)


def _booking(rng: np.random.Generator, n: int = 500) -> pd.DataFrame:
    """The Kaggle '515K hotel reviews' shape: hotel average, reviewer score, positive/negative texts."""
    hotels = rng.choice(["Hotel Arena", "K K Hotel George", "Apex Temple Court"], n)
    averages = {"Hotel Arena": 7.7, "K K Hotel George": 8.5, "Apex Temple Court": 9.2}
    weights = np.linspace(0.2, 3, len(BOOKING_STEPS))
    return pd.DataFrame(
        {
            "Hotel_Name": hotels,
            "Review_Date": (
                pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 600, n), "D")
            ).strftime("%-m/%-d/%Y"),
            "Average_Score": [averages[h] for h in hotels],
            "Negative_Review": [f" room {i} was small and noisy at night" for i in range(n)],
            "Positive_Review": [f" great location and friendly staff, stay {i}" for i in range(n)],
            "Reviewer_Score": rng.choice(BOOKING_STEPS, n, p=weights / weights.sum()),
            "Total_Number_of_Reviews_Reviewer_Has_Given": rng.integers(1, 30, n),
        }
    )


def test_booking_reviewer_scores_are_the_satisfaction_on_1_to_10(rng):
    """Before: Reviewer_Score and Average_Score were categories; no satisfaction, no figure at all."""
    frame = _booking(rng)
    loaded = load_survey(frame)
    columns = loaded.validated.columns
    assert loaded.mapping.as_dict().get("satisfaction") == "Reviewer_Score"
    assert columns["satisfaction"].scale == (1, 10)
    assert "decimal_scale" in {e.code for e in columns["satisfaction"].evidence}
    assert columns["Average_Score"].kind == "number"  # the hotel's average, not the reviewer's answer
    section = kpi_section(None, loaded.validated.data)
    assert section["nps"] is None
    assert section["satisfaction"]["value"] == pytest.approx(frame["Reviewer_Score"].mean())
    assert section["satisfaction"]["n"] == len(frame) and section["satisfaction"]["scale"] == [1, 10]


def test_half_stars_with_a_decimal_comma_are_read_on_0_to_5():
    stars = [4.5, 3.0, 0.5, 5.0, 2.5, 4.0, 3.5, 1.0] * 10
    frame = pd.DataFrame(
        {"Datum": ["03.02.2025"] * 80, "Sterne": stars, "Kommentar": [f"Text {i} gut" for i in range(80)]}
    )
    csv = frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8")
    loaded = load_table(csv, table="survey", filename="bewertungen.csv")
    assert loaded.validated.columns["satisfaction"].scale == (0, 5)
    found = kpi_section(None, loaded.validated.data)["satisfaction"]
    assert found["value"] == pytest.approx(np.mean(stars)) and found["n"] == 80


def test_a_recommend_question_answered_in_decimals_gives_no_nps(rng):
    """An averaged 'likelihood to recommend' (8.5, 9.2) is no answer on 0–10: summarised, never an NPS."""
    scores = np.round(rng.uniform(0, 10, 200), 1)
    buffer = io.BytesIO()
    pd.DataFrame({"Filiale": [f"F{i % 20}" for i in range(200)], "Recommend score": scores}).to_excel(
        buffer, index=False
    )
    loaded = load_table(buffer.getvalue(), table="survey", filename="filialen.xlsx")
    section = kpi_section(None, loaded.validated.data)
    assert section["nps"] is None
    assert section["recommend"]["kind"] == "recommend_rating"
    assert section["recommend"]["value"] == pytest.approx(scores.mean())


def test_decimal_numbers_without_a_rating_word_or_off_the_scale_stay_numbers(rng):
    n = 120
    frame = pd.DataFrame(
        {
            "Distance km": np.round(rng.uniform(0.5, 9.5, n), 1),
            "Spending Score": np.round(rng.uniform(1, 100, n), 1),
            "Risk score": np.round(rng.uniform(0, 1, n), 1),
            "Rating": rng.integers(1, 6, n),
        }
    )
    columns = load_survey(frame).validated.columns
    for name in ("Distance km", "Spending Score", "Risk score"):
        assert columns[name].kind in ("number", "category") and columns[name].role is None, name


def test_scores_in_tenths_with_many_distinct_values_in_a_csv_are_a_rating(rng):
    """More than 40 distinct scores written as text (0.0–10.0 in tenths) are still a score on 0–10."""
    scores = np.round(rng.uniform(0, 10, 400), 1)
    scores[:2] = [0.0, 10.0]
    texts = [f"Stay number {i} was nice" for i in range(400)]
    frame = pd.DataFrame({"Review score": scores, "Review": texts})
    loaded = load_survey(frame)
    assert loaded.validated.columns["satisfaction"].scale == (0, 10)
    assert kpi_section(None, loaded.validated.data)["satisfaction"]["value"] == pytest.approx(scores.mean())
