from datetime import date

import pandas as pd
import pytest

from cxlib.churn import churn_rate


def _customers(signups, churns, **extra):
    return pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(len(signups))],
            "signup_date": pd.to_datetime(signups),
            "churn_date": pd.to_datetime(churns),
            **extra,
        }
    )


def test_single_customer_who_stays_has_zero_churn():
    result = churn_rate(_customers(["2024-03-01"], [None]), as_of=date(2025, 6, 30))
    assert result.value == 0.0
    assert result.retention == 1.0
    assert result.churned == 0
    assert result.average_customers == 1.0
    assert result.window == (date(2024, 7, 1), date(2025, 6, 30))
    assert result.definition == "rolling_12_months"


def test_single_customer_who_left_is_capped_at_one_with_a_note():
    # now = the churn date 2026-02-10: present at the 11 month ends Mar 2025..Jan 2026, gone on Feb 10
    result = churn_rate(_customers(["2025-01-15"], ["2026-02-10"]))
    assert result.window == (date(2025, 3, 1), date(2026, 2, 10))
    assert result.churned == 1
    assert result.average_customers == pytest.approx(11 / 12)
    assert result.value == 1.0  # 12/11 would exceed 100 %
    assert result.note == "kpi.note.churn_capped"


def test_churn_date_before_signup_is_ignored_like_validation_does():
    customers = _customers(["2025-05-01", "2025-01-01"], ["2025-03-01", None])
    result = churn_rate(customers, as_of=date(2025, 12, 31))
    assert result.churned == 0
    # the first customer counts from May (8 month ends), the second all 12: (8 + 12) / 12
    assert result.average_customers == pytest.approx(20 / 12)
    assert result.value == 0.0


def test_growing_customer_base_uses_the_average_of_month_end_counts():
    signups = ["2024-06-01", "2024-06-01"] + [f"2025-{month:02d}-15" for month in range(1, 13)]
    churns = ["2025-06-20"] + [None] * 13
    result = churn_rate(_customers(signups, churns), as_of=date(2025, 12, 31))
    # month end k (Jan=1..Dec=12) counts 2 + k customers, minus the one who left in June from k = 6 on
    by_hand = [2 + k - (1 if k >= 6 else 0) for k in range(1, 13)]
    assert sum(by_hand) == 95
    assert result.churned == 1
    assert result.average_customers == pytest.approx(95 / 12)
    assert result.value == pytest.approx(12 / 95)
    assert result.retention == pytest.approx(1 - 12 / 95)
    assert result.to_dict() == {
        "value": pytest.approx(12 / 95),
        "churned": 1,
        "average_customers": pytest.approx(95 / 12),
        "window": ["2025-01-01", "2025-12-31"],
        "definition": "rolling_12_months",
        "months": 12,
    }


def test_churn_on_the_window_edges():
    signups = ["2020-01-01"] * 13
    churns = ["2024-12-31", "2025-01-01", "2025-12-31"] + [None] * 10
    result = churn_rate(_customers(signups, churns), as_of=date(2025, 12, 31))
    assert result.churned == 2  # 2025-01-01 and 2025-12-31 lie in the window, 2024-12-31 before it
    # month ends Jan..Nov: 10 stayers + the one leaving on 31 Dec; 31 Dec itself: the 10 stayers
    assert result.average_customers == pytest.approx((11 * 11 + 10) / 12)
    assert result.value == pytest.approx(2 * 12 / 131)


def test_as_of_defaults_to_the_latest_date_in_the_data():
    customers = _customers(["2024-01-10", "2024-02-01", "2025-08-20"], ["2025-03-03", None, None])
    implicit = churn_rate(customers)
    assert implicit.window == (date(2024, 9, 1), date(2025, 8, 20))
    assert implicit == churn_rate(customers, as_of=date(2025, 8, 20))
    later = churn_rate(customers, as_of=date(2026, 6, 30))  # the March 2025 churn is out of this window
    assert later.churned == 0
    assert later.window == (date(2025, 7, 1), date(2026, 6, 30))


def test_shorter_window():
    customers = _customers(["2020-01-01"] * 4, ["2025-11-05", "2025-06-01", None, None])
    result = churn_rate(customers, as_of=date(2025, 12, 31), months=3)
    assert result.window == (date(2025, 10, 1), date(2025, 12, 31))
    assert result.churned == 1
    assert result.average_customers == pytest.approx((3 + 2 + 2) / 3)


def test_flag_only_data_gives_the_share_of_churned_customers():
    customers = pd.DataFrame({"customer_id": list("abcde"), "churned": [True, False, True, None, False]})
    customers["churned"] = customers["churned"].astype("boolean")
    result = churn_rate(customers)
    assert result.definition == "share_churned"
    assert result.value == pytest.approx(0.5)  # 2 of the 4 known
    assert result.churned == 2
    assert result.average_customers == 4.0
    assert result.window is None
    assert result.note == "kpi.note.churn_share"
    assert result.to_dict()["window"] is None


def test_flag_with_dates_uses_the_dates():
    customers = _customers(["2024-01-01", "2024-01-01"], ["2025-05-01", None], churned=[True, False])
    assert churn_rate(customers, as_of=date(2025, 12, 31)).definition == "rolling_12_months"


def test_flag_set_but_no_dates_falls_back_to_the_share():
    customers = _customers(["2024-01-01", "2024-01-01"], [None, None], churned=[True, False])
    result = churn_rate(customers)
    assert result.definition == "share_churned"
    assert result.value == 0.5


@pytest.mark.parametrize(
    ("customers", "note"),
    [
        (None, "kpi.note.no_customers"),
        (pd.DataFrame({"customer_id": pd.Series([], dtype="str")}), "kpi.note.no_customers"),
        (pd.DataFrame({"customer_id": ["a", "b"], "age": [30.0, 40.0]}), "kpi.note.no_churn_data"),
    ],
)
def test_no_usable_data_gives_none_and_a_note(customers, note):
    result = churn_rate(customers)
    assert result.value is None
    assert result.retention is None
    assert result.note == note


def test_nobody_on_the_books_in_the_window():
    result = churn_rate(_customers(["2026-01-01"], [None]), as_of=date(2025, 6, 30))
    assert result.value is None
    assert result.note == "kpi.note.no_customers_in_window"


def test_programmer_errors():
    with pytest.raises(ValueError, match="months"):
        churn_rate(_customers(["2024-01-01"], [None]), months=0)
    with pytest.raises(ValueError, match="datetime64"):
        churn_rate(pd.DataFrame({"signup_date": ["2024-01-01"]}))
    with pytest.raises(ValueError, match="DataFrame"):
        churn_rate([1, 2])
