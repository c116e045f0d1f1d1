"""period_comparisons: NPS last months vs. the months before, churn last 12 months vs. the 12 before."""

from datetime import date

import pandas as pd
import pytest

from cxlib.findings import period_comparisons


def test_nps_windows_and_scores_by_hand():
    days = pd.to_datetime(["2025-12-31", "2026-01-05", "2026-03-31", "2026-04-01", "2026-06-30"])
    survey = pd.DataFrame({"response_date": days, "recommend": [0.0, 10.0, 3.0, 9.0, 7.0]})
    nps = period_comparisons(None, survey)["nps"]
    # now = 2026-06-30; window April–June: 9 (promoter), 7 (passive) -> +50
    # previous January–March: 10 (promoter), 3 (detractor) -> 0; December is outside both
    assert nps["window"] == ["2026-04-01", "2026-06-30"]
    assert nps["previous_window"] == ["2026-01-01", "2026-03-31"]
    assert (nps["current"], nps["previous"], nps["n"], nps["previous_n"]) == (50.0, 0.0, 2, 2)
    assert nps["difference"] == 50.0
    assert nps["verdict"] == "within_noise" and nps["significant"] is False


def test_churn_current_and_previous_windows():
    # ten customers since 2020; one leaves in 2025-03, three in 2026-02 (now = 2026-12-31)
    customers = pd.DataFrame({
        "customer_id": [str(i) for i in range(10)],
        "signup_date": pd.to_datetime(["2020-01-01"] * 10),
        "churn_date": pd.to_datetime(["2025-03-15", "2026-02-01", "2026-02-02", "2026-02-03"] + [None] * 6),
    })  # fmt: skip
    churn = period_comparisons(customers, None, as_of=date(2026, 12, 31))["churn_rate"]
    assert churn["window"] == ["2026-01-01", "2026-12-31"]
    assert churn["previous_window"] == ["2025-01-01", "2025-12-31"]
    # 2026: month ends Jan 9 on the books, Feb–Dec 6 -> average 6.25, 3 left
    assert churn["current"] == pytest.approx(3 / 6.25)
    # 2025: Jan and Feb 10, Mar–Dec 9 -> average 9.1667, 1 left
    assert churn["previous"] == pytest.approx(1 / (110 / 12))
    assert churn["difference"] == pytest.approx(3 / 6.25 - 12 / 110)


def test_nothing_to_compare():
    assert period_comparisons(None, None) == {"nps": None, "churn_rate": None}
    survey = pd.DataFrame({"recommend": [9.0, 3.0]})  # no dates
    assert period_comparisons(None, survey)["nps"] is None


def test_bad_months_raise():
    with pytest.raises(ValueError, match="nps_months"):
        period_comparisons(None, None, nps_months=0)
