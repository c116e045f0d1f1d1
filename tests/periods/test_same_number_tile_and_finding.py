"""The NPS and churn tiles and the findings read one comparison (cxlib.periods), so they say the same
numbers for the default window, a chosen period and "same period last year"."""

from datetime import date

import pandas as pd
import pytest

from cxlib.findings import findings_from_document
from cxlib.i18n import format_number
from cxlib.kpis import KpiSettings, kpi_tiles
from cxlib.periods import Period, nps_comparison, period_comparisons


@pytest.fixture
def survey() -> pd.DataFrame:
    """Q2 2025: NPS +60; Q1 2026: NPS 0; Q2 2026 (now): NPS −40."""
    rows = [("2025-05-10", 10.0)] * 8 + [("2025-05-10", 3.0)] * 2
    rows += [("2026-02-10", 10.0)] * 5 + [("2026-02-10", 3.0)] * 5
    rows += [("2026-05-10", 10.0)] * 3 + [("2026-05-10", 3.0)] * 7
    days, scores = zip(*rows, strict=True)
    return pd.DataFrame({"response_date": pd.to_datetime(days), "recommend": scores})


def _nps_tile(survey, settings, lang="en"):
    return next(tile for tile in kpi_tiles(None, survey, settings=settings, lang=lang) if tile.key == "nps")


@pytest.mark.parametrize(
    ("window", "comparison", "previous"),
    [
        (None, "previous", 0.0),
        (None, "last_year", 60.0),
        ((date(2026, 4, 1), date(2026, 6, 30)), "previous", 0.0),
        ((date(2026, 4, 1), date(2026, 6, 30)), "last_year", 60.0),
    ],
)
def test_tile_and_finding_say_the_same_change(survey, window, comparison, previous):
    settings = KpiSettings(window=window, comparison=comparison)
    found = nps_comparison(survey, as_of=date(2026, 5, 10), months=3, period=Period(window, comparison))
    assert found.current.score == pytest.approx(-40.0)
    assert found.previous.score == pytest.approx(previous)
    tile = _nps_tile(survey, settings)
    assert tile.value == format_number(-40.0, "en")
    change = format_number(abs(found.test.difference), "en", decimals=1)
    assert change in tile.delta and tile.delta.startswith("-")  # ASCII minus: Streamlit's arrow points down
    comparisons = period_comparisons(None, survey, period=Period(window, comparison))
    document = {"kpis": {"comparisons": comparisons}}
    [finding] = [f for f in findings_from_document(document, lang="en") if f.rule == "nps_change"]
    assert change in finding.text
    assert finding.value == pytest.approx(found.test.difference)


def test_a_chosen_period_is_named_in_the_tile_and_the_finding(survey):
    window = (date(2026, 4, 1), date(2026, 6, 30))
    tile = _nps_tile(survey, KpiSettings(window=window, comparison="last_year"), lang="de")
    assert tile.label == "NPS (01.04.2026 – 30.06.2026)"
    comparisons = period_comparisons(None, survey, period=Period(window, "last_year"))
    assert comparisons["nps"]["previous_window"] == ["2025-04-01", "2025-06-30"]
    assert comparisons["nps"]["comparison"] == "last_year" and comparisons["nps"]["chosen_window"] is True
    [text] = [f.text for f in findings_from_document({"kpis": {"comparisons": comparisons}}, lang="de")]
    assert "gegenüber dem Vorjahreszeitraum (01.04.2025 – 30.06.2025)" in text


def test_churn_against_the_same_months_last_year():
    customers = pd.DataFrame(
        {
            "customer_id": [str(i) for i in range(10)],
            "signup_date": pd.to_datetime(["2020-01-01"] * 10),
            "churn_date": pd.to_datetime(["2024-06-01", "2026-02-01"] + [None] * 8),
        }
    )
    churn = period_comparisons(
        customers, None, as_of=date(2026, 12, 31), period=Period(comparison="last_year")
    )
    # 12 months are compared with the 12 months a year earlier: the same windows as "previous"
    assert churn["churn_rate"]["window"] == ["2026-01-01", "2026-12-31"]
    assert churn["churn_rate"]["previous_window"] == ["2025-01-01", "2025-12-31"]
