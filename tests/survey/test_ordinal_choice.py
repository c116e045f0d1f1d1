"""A rating item the user marks as ordered answers (how often, how important) leaves the journey; an
ordered item can be made a rating again. The Data page offers the choice (column_view.rating_items lists
ordered items too); a saved mapping profile keeps it."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.column_view import ORDINAL_CHOICE_KINDS, rating_items
from cxlib.intake import load_table
from cxlib.mapping_profile import profile_from_tables, read_profile, table_choice
from tests.survey.conftest import ratings

FREQUENCY = "Wie oft kaufen Sie online?"


def _survey(rng: np.random.Generator, n: int = 240) -> pd.DataFrame:
    """Three touchpoint ratings 1–5 and a frequency question on plain numbers 1–5 (no labels)."""
    return pd.DataFrame(
        {
            "Nr": range(1, n + 1),
            "Weiterempfehlung": rng.integers(0, 11, n),
            "Website": ratings(rng, n, 1, 5, centre=4.0),
            "Lieferung": ratings(rng, n, 1, 5, centre=3.0),
            "Beratung": ratings(rng, n, 1, 5, centre=3.5),
            FREQUENCY: ratings(rng, n, 1, 5, centre=2.5),
        }
    )


def _load(frame: pd.DataFrame, overrides: dict | None = None):
    return load_table(
        frame.to_csv(index=False).encode(), table="survey", filename="umfrage.csv", overrides=overrides
    )


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(3)


def test_a_rating_marked_as_ordered_answers_leaves_the_journey(rng):
    """Before: the choice did not exist; the frequency question stayed a touchpoint of the journey."""
    frame = _survey(rng)
    automatic = _load(frame)
    assert FREQUENCY in automatic.validated.touchpoints  # read as a rating: nothing tells it apart
    assert automatic.validated.columns[FREQUENCY].kind in ORDINAL_CHOICE_KINDS
    marked = _load(frame, {FREQUENCY: {"kind": "ordinal"}})
    validated = marked.validated
    assert FREQUENCY not in validated.touchpoints
    assert validated.columns[FREQUENCY].kind == "ordinal"
    assert "user_ordinal" in {e.code for e in validated.columns[FREQUENCY].evidence}
    assert FREQUENCY in rating_items(validated)  # still offered, to be made a rating again
    notes = [n.text("en") if hasattr(n, "text") else str(n) for n in validated.report.notes]
    assert any(FREQUENCY in note and "Read as ordered points" in note for note in notes)
    journey = analyze_tables({"survey": validated})["journey"]
    shown = {item["touchpoint"]: item for item in journey["touchpoints"]}
    assert set(shown) == {"Website", "Lieferung", "Beratung"}
    for name, item in shown.items():
        assert item["native_mean"] == pytest.approx(frame[name].mean(), abs=5e-4)
    assert validated.data[FREQUENCY].mean() == pytest.approx(frame[FREQUENCY].mean())  # kept, as points


def test_ordered_answers_made_a_rating_again_and_kept_in_a_profile(rng):
    frame = _survey(rng)
    marked = _load(frame, {FREQUENCY: {"kind": "ordinal"}})
    profile = read_profile(json.dumps(profile_from_tables({"survey": marked})).encode())
    assert profile["tables"]["survey"]["columns"][FREQUENCY]["kind"] == "ordinal"
    choice = table_choice(profile, None, "survey")
    again = load_table(
        frame.to_csv(index=False).encode(), table="survey", filename="umfrage.csv", **choice
    ).validated
    assert again.columns[FREQUENCY].kind == "ordinal" and FREQUENCY not in again.touchpoints
    back = _load(frame, {FREQUENCY: {"direction": "higher_better"}}).validated
    assert back.columns[FREQUENCY].kind == "rating" and FREQUENCY in back.touchpoints
    rated = _load(frame, {FREQUENCY: {"kind": "ordinal"}, "Website": {"direction": "higher_better"}})
    assert "Website" in rated.validated.touchpoints  # a rating confirmed as such stays a touchpoint
