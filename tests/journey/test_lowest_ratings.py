"""cxlib.journey_drilldown.lowest_ratings: who rated a touchpoint lowest, with their comments."""

import pandas as pd
import pytest

from cxlib.journey import JourneySpec
from cxlib.journey_drilldown import lowest_ratings

SURVEY = pd.DataFrame(
    {
        "response_id": ["a", "b", "c", "d", "e", "f"],
        "customer_id": ["K1", "K2", None, "K4", "K5", "K6"],
        "response_date": pd.to_datetime(["2026-01-02"] * 6),
        "o_delivery": [3.0, 1.0, 0.0, 1.0, 7.0, None],
        "comment": ["geht so", "viel zu spät", "—", "Karton kaputt", "Tippfehler", "keine Angabe"],
    }
)
SPEC = JourneySpec(
    ("o_delivery",),
    {"o_delivery": "loyalty"},
    na_codes={"o_delivery": (0.0,)},
    renames={"o_delivery": "Lieferung"},
)


def test_lowest_first_with_comments_and_ties_in_survey_order():
    table, total = lowest_ratings(SURVEY, SPEC, "Lieferung", scale=(1, 5))
    assert table["response_id"].tolist() == ["b", "d", "a"]
    assert table["comment"].tolist() == ["viel zu spät", "Karton kaputt", "geht so"]
    assert table["score"].tolist() == [0.0, 0.0, 50.0]
    # "not applicable" (0), outside the scale (7) and missing answers are no ratings
    assert total == 3


def test_the_limit_and_the_column_name_both_work():
    table, total = lowest_ratings(SURVEY, SPEC, "o_delivery", scale=(1, 5), limit=1)
    assert table["response_id"].tolist() == ["b"] and total == 3


def test_a_survey_without_ids_or_comments_still_answers():
    table, _ = lowest_ratings(SURVEY[["o_delivery"]], SPEC, "Lieferung", scale=(1, 5))
    assert list(table.columns) == ["rating", "score"]


def test_programmer_errors():
    with pytest.raises(ValueError, match="not in the journey spec"):
        lowest_ratings(SURVEY, SPEC, "Kasse", scale=(1, 5))
    with pytest.raises(ValueError, match="limit"):
        lowest_ratings(SURVEY, SPEC, "Lieferung", scale=(1, 5), limit=0)
    with pytest.raises(ValueError, match="min < max"):
        lowest_ratings(SURVEY, SPEC, "Lieferung", scale=(5, 1))
