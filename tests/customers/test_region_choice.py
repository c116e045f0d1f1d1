"""The region is a column a manager can filter and compare by. Before: the first column whose header names
a place was the region, so a German master with "Ort" (120 towns) before "Bundesland" (4 states) had 120
regions in the filter and the comparison, and a US export with a constant "Country" first had one. Now a
column of 2–50 values whose header names a place is preferred, with evidence (cxlib.customer_columns)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.column_view import evidence_text
from cxlib.intake import load_table

N = 300
RNG = np.random.default_rng(14)
TOWNS = [f"Stadt {i}" for i in range(120)]


def _load(frame: pd.DataFrame):
    return load_table(
        frame.to_csv(index=False, sep=";").encode("cp1252"), table="customers", filename="k.csv"
    )


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (
            {"Ort": RNG.choice(TOWNS, N), "Bundesland": RNG.choice(["Bayern", "Sachsen", "Hessen"], N)},
            "Bundesland",
        ),
        (
            {"Country": ["US"] * N, "City": RNG.choice(TOWNS, N), "State": RNG.choice(["CA", "NY"], N)},
            "State",
        ),
    ],
)
def test_a_region_with_a_handful_of_values_is_preferred(places, expected):
    frame = pd.DataFrame({"Kundennummer": np.arange(1000, 1000 + N), **places})

    loaded = _load(frame)

    assert loaded.validated.report.mapping["region"] == expected
    regions = loaded.validated.data["region"]
    assert regions.nunique() == frame[expected].nunique()
    evidence = next(e for e in loaded.validated.columns["region"].evidence if e.code == "region_coarser")
    assert f"“{expected}”" in evidence_text(evidence, "en") and "Werte" in evidence_text(evidence, "de")


def test_a_region_already_coarse_stays_and_a_lone_town_column_stays_the_region():
    frame = pd.DataFrame(
        {"Kundennummer": np.arange(N), "Region": RNG.choice(["Nord", "Süd"], N), "Ort": RNG.choice(TOWNS, N)}
    )
    assert _load(frame).validated.report.mapping["region"] == "Region"
    towns = pd.DataFrame({"Kundennummer": np.arange(N), "Ort": RNG.choice(TOWNS, N)})
    assert _load(towns).validated.report.mapping["region"] == "Ort"
