import pandas as pd
import pytest

from cxlib.kpis import KpiSettings, kpi_tiles


def _by_key(tiles):
    return {tile.key: tile for tile in tiles}


def test_tile_order_and_values_in_english(customers, survey):
    tiles = kpi_tiles(customers, survey, lang="en")
    assert [tile.key for tile in tiles] == ["customers", "nps", "churn_rate", "retention", "clv"]
    tile = _by_key(tiles)
    assert tile["customers"].value == "200"
    assert tile["nps"].label == "NPS (last 3 months)"
    assert tile["nps"].value == "−20"  # Jul–Sep only
    assert tile["nps"].delta == "-60.0 points (significant at 95%)"  # ASCII minus for st.metric
    assert tile["nps"].delta_color == "normal"
    assert tile["nps"].significant is True
    assert (
        "2026-07-01 – 2026-09-30: 100 answers (30 promoters, 20 passives, 50 detractors)" in tile["nps"].help
    )
    assert "Previous period 2026-04-01 – 2026-06-30: NPS 40.0 from 100 answers" in tile["nps"].help
    assert tile["nps"].help.endswith("significant at 95% (p < 0.001).")
    assert tile["churn_rate"].value == "17.4%"  # 30 / 172.5
    assert tile["churn_rate"].delta == "+12.2 pp (significant at 95%)"  # 17.39% vs 10 / 194.17 = 5.15%
    assert tile["churn_rate"].delta_color == "inverse"
    assert "30 customers left, on average 172.5 customers" in tile["churn_rate"].help
    assert tile["retention"].value == "82.6%"
    assert tile["retention"].delta == "-12.2 pp (significant at 95%)"
    assert tile["retention"].delta_color == "normal"
    assert tile["clv"].value == "252"  # 100 * 0.8261 / (1.1 - 0.8261) - 50 = 251.6
    assert tile["clv"].delta is None
    assert "m·r/(1+d−r) − AC" in tile["clv"].help
    assert "acquisition cost column" in tile["clv"].help


def test_german_formatting(customers, survey):
    tile = _by_key(kpi_tiles(customers, survey, lang="de"))
    assert tile["nps"].label == "NPS (letzte 3 Monate)"
    assert tile["nps"].delta == "-60,0 Punkte (signifikant auf dem 95-%-Niveau)"
    assert tile["churn_rate"].value == "17,4 %"
    assert tile["churn_rate"].label == "Abwanderungsquote (letzte 12 Monate)"
    assert tile["churn_rate"].delta == "+12,2 Prozentpunkte (signifikant auf dem 95-%-Niveau)"
    assert "01.07.2026 – 30.09.2026" in tile["nps"].help


def test_small_change_is_within_noise():
    small = pd.DataFrame(
        {
            "response_date": pd.to_datetime(["2026-08-01"] * 4 + ["2026-05-01"] * 4),
            "recommend": [10.0, 10.0, 3.0, 8.0, 10.0, 3.0, 3.0, 8.0],
        }
    )
    tile = _by_key(kpi_tiles(None, small, lang="en"))["nps"]
    assert tile.value == "25"
    assert tile.delta == "+50.0 points (within noise)"  # +25 vs −25
    assert tile.significant is False
    assert "within noise (p = 0." in tile.help


def test_longer_nps_period(customers, survey):
    tile = _by_key(kpi_tiles(customers, survey, settings=KpiSettings(nps_period_months=6), lang="en"))["nps"]
    assert tile.label == "NPS (last 6 months)"
    assert tile.value == "10"  # Apr–Sep: both quarters together
    assert tile.delta is None  # nobody answered in Oct 2025 – Mar 2026


def test_undated_survey_shows_overall_nps_without_delta():
    tile = _by_key(kpi_tiles(None, pd.DataFrame({"recommend": [10.0, 9.0, 2.0]}), lang="en"))["nps"]
    assert (tile.label, tile.value, tile.delta, tile.significant) == ("NPS", "33", None, False)
    assert "All answers: 3 answers" in tile.help


def test_missing_data_shows_dashes_and_reasons():
    tiles = _by_key(kpi_tiles(None, None, lang="en"))
    assert all(tile.value == "–" for tile in tiles.values())
    assert tiles["nps"].help == "No survey data: the NPS cannot be computed."
    assert tiles["churn_rate"].help.startswith("No customer data")
    assert tiles["clv"].help.startswith("No customer data")
    assert tiles["churn_rate"].delta_color == "inverse"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_help_texts_have_no_unfilled_fields(lang, customers, survey):
    for tile in kpi_tiles(customers, survey, lang=lang):
        assert "{" not in tile.help
        assert "kpi." not in tile.help


def test_no_answers_in_the_latest_period_says_which_period():
    old = pd.DataFrame({"response_date": pd.to_datetime(["2025-01-10"]), "recommend": [9.0]})
    later_customer = pd.DataFrame(
        {"customer_id": ["a"], "signup_date": pd.to_datetime(["2026-06-01"]), "churn_date": pd.NaT}
    )
    tile = _by_key(kpi_tiles(later_customer, old, lang="en"))["nps"]
    assert tile.value == "–"
    assert tile.help == "There are no recommendation answers in 2026-04-01 – 2026-06-01."
