import numpy as np
import pandas as pd
import pytest

from cxlib.charts.kpis import (
    GROUP_COLOURS,
    churn_trend_chart,
    clv_distribution_chart,
    nps_distribution_chart,
    nps_trend_chart,
)
from cxlib.churn import monthly_churn
from cxlib.clv import customer_lifetime_value
from cxlib.nps import nps_by_month, nps_distribution


def _rows(spec, layer=None):
    data = spec["data"] if layer is None else spec["layer"][layer].get("data", spec.get("data"))
    return spec["datasets"][data["name"]]


def _survey(n=3000, seed=7):
    rng = np.random.default_rng(seed)
    days = pd.to_datetime("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    return pd.DataFrame({"response_date": days, "recommend": rng.integers(0, 11, n).astype(float)})


def test_nps_distribution_bars_coloured_by_group():
    spec = nps_distribution_chart(nps_distribution([10, 10, 9, 8, 3, 0]), lang="en").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "score"
    assert spec["encoding"]["y"]["field"] == "count"
    colour = spec["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Detractors (0–6)", "Passives (7–8)", "Promoters (9–10)"]
    assert colour["scale"]["range"] == [
        GROUP_COLOURS["detractor"],
        GROUP_COLOURS["passive"],
        GROUP_COLOURS["promoter"],
    ]
    rows = _rows(spec)
    assert len(rows) == 11
    assert [row["count"] for row in rows if row["score"] == 10] == [2]
    assert spec["title"]["text"] == "How likely are customers to recommend us?"
    assert spec["title"]["subtitle"] == "6 answers"


def test_nps_distribution_in_german_with_separators():
    spec = nps_distribution_chart(nps_distribution(_survey()["recommend"]), lang="de").to_dict()
    assert spec["title"]["text"] == "Wie wahrscheinlich empfehlen uns Kunden weiter?"
    assert spec["title"]["subtitle"] == "3.000 Antworten"
    assert spec["encoding"]["color"]["scale"]["domain"][0] == "Kritiker (0–6)"
    assert "replace" in spec["encoding"]["y"]["axis"]["labelExpr"]


def test_nps_trend_is_a_band_under_a_line_one_row_per_month():
    by_month = nps_by_month(_survey())
    spec = nps_trend_chart(by_month, lang="en").to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]][:2] == ["area", "line"]
    band, line = spec["layer"][:2]
    assert (band["encoding"]["y"]["field"], band["encoding"]["y2"]["field"]) == ("low", "high")
    assert line["encoding"]["y"]["field"] == "score"
    assert line["encoding"]["x"]["field"] == "month"
    assert len(_rows(spec, 0)) == 12 <= 5000
    assert spec["title"]["text"] == "NPS by month"
    assert spec["title"]["subtitle"] == "Line: NPS; band: 95% interval"


def test_nps_trend_axis_is_zoomed_to_the_data_with_a_reference():
    """A drop from +40 to +20 must show: the axis spans the intervals, not −100…100."""
    months = pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01"])
    by_month = pd.DataFrame(
        {"month": months, "score": [40.0, 38.0, 20.0], "low": [34.0, 32.0, 13.0],
         "high": [46.0, 44.0, 27.0], "n": [300, 300, 100]}
    )  # fmt: skip
    spec = nps_trend_chart(by_month, lang="de").to_dict()
    band, line, *references = spec["layer"]
    assert band["encoding"]["y"]["scale"]["domain"] == [8.0, 51.0]
    assert line["encoding"]["y"]["scale"]["domain"] == [8.0, 51.0]
    assert [layer["mark"]["type"] for layer in references] == ["rule", "text"]  # zero is out of range
    overall = (40 * 300 + 38 * 300 + 20 * 100) / 700
    assert _rows_of(spec, references[0])[0]["value"] == pytest.approx(overall)
    assert _rows_of(spec, references[1])[0]["text"] == "alle gezeigten Monate: +36"
    around_zero = by_month.assign(low=[-10.0, -5.0, -20.0])
    marks = [layer["mark"]["type"] for layer in nps_trend_chart(around_zero, lang="en").to_dict()["layer"]]
    assert marks == ["area", "line", "rule", "rule", "text"]  # zero is drawn when in range


def _rows_of(spec, layer):
    return spec["datasets"][layer["data"]["name"]]


def test_empty_trend_says_so():
    empty = nps_by_month(pd.DataFrame({"recommend": [9.0]}))
    spec = nps_trend_chart(empty, lang="de").to_dict()
    assert spec["title"]["subtitle"] == "Für diese Grafik gibt es in der aktuellen Auswahl keine Daten"
    assert _rows(spec) == []


def test_churn_trend_line_of_monthly_rates():
    customers = pd.DataFrame(
        {
            "signup_date": pd.to_datetime(["2024-01-01"] * 4),
            "churn_date": pd.to_datetime(["2025-03-10", "2025-06-01", None, None]),
        }
    )
    spec = churn_trend_chart(monthly_churn(customers, months=18), lang="de").to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["y"]["field"] == "rate"
    assert spec["encoding"]["y"]["axis"]["format"] == ".1~%"
    rows = _rows(spec)
    assert len(rows) == 18
    march = next(row for row in rows if row["month_text"] == "03.2025")
    assert march["rate_text"] == "25,0 %"  # 1 of the 4 customers at the start of March
    assert spec["title"]["text"] == "Abwanderung nach Monat"


def test_clv_histogram_is_binned_in_pandas():
    rng = np.random.default_rng(3)
    customers = pd.DataFrame({"margin": rng.gamma(2.0, 80.0, 20_000), "acquisition_cost": 40.0})
    result = customer_lifetime_value(customers, retention=0.7)
    spec = clv_distribution_chart(result, lang="en", bins=25).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "start"
    assert spec["encoding"]["x"]["bin"] == "binned"
    assert spec["encoding"]["x2"]["field"] == "end"
    rows = _rows(spec)
    assert len(rows) == 25  # 20,000 customers, 25 marks
    assert sum(row["count"] for row in rows) == 20_000
    assert rows[0]["start"] == pytest.approx(result.per_customer.min())
    assert spec["title"]["text"] == "Customer lifetime value"
    assert spec["title"]["subtitle"] == "20,000 customers, grouped into 25 value ranges"


def test_clv_histogram_ignores_missing_values_and_handles_none():
    spec = clv_distribution_chart(pd.Series([np.nan, np.nan]), lang="en").to_dict()
    assert _rows(spec) == []
    assert spec["title"]["subtitle"] == "No data for this chart in the current selection"


@pytest.mark.parametrize(
    "build",
    [
        lambda: nps_distribution_chart(pd.DataFrame({"score": [1]}), lang="en"),
        lambda: nps_trend_chart(nps_by_month(_survey()), lang="fr"),
        lambda: churn_trend_chart(
            pd.DataFrame(index=range(5001), columns=["month", "churned", "customers_at_month_start", "rate"]),
            lang="en",
        ),
        lambda: clv_distribution_chart(pd.Series([1.0]), lang="en", bins=0),
        lambda: clv_distribution_chart([1.0, 2.0], lang="en"),
    ],
)
def test_programmer_errors(build):
    with pytest.raises(ValueError):
        build()
