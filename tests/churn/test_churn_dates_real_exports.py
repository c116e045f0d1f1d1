"""Churn on customer tables as contract and billing systems export them, with awkward dates: contract ends
set in advance ("Vertragsende" after the export day), tables that begin inside the 12-month window.
Each file is written to ``tmp_path``, analysed as the CLI does, and its churn rate compared with the
handbook definition computed by hand in pandas: customers lost in the window / average of the
month-end customer counts, the window ending at the data's own "now", never at today."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxlib.cli import main
from cxlib.intake import load_table
from cxlib.kpis import KpiSettings, kpi_tiles

N = 800


def analyze(capsys, path, lang: str = "en") -> dict:
    assert main(["analyze", "--customers", str(path), "--lang", lang]) == 0
    return json.loads(capsys.readouterr().out)


def churn_by_hand(signup: pd.Series, end: pd.Series, as_of: pd.Timestamp, *, first=None) -> tuple[int, float]:
    """(churned, average month-end customers) over the 12 calendar months up to ``as_of``, starting no
    earlier than the month of ``first``."""
    months = pd.period_range(as_of.to_period("M") - 11, as_of.to_period("M"), freq="M")
    if first is not None:
        months = [month for month in months if month >= first.to_period("M")]
    start = months[0].start_time
    churned = int(((end >= start) & (end <= as_of)).sum())
    ends = [min(month.end_time.normalize(), as_of) for month in months]
    counts = [((signup <= day) & ~(end <= day)).sum() for day in ends]
    return churned, float(np.mean(counts))


def contracts(rng: np.random.Generator, export_day: str, *, terms: bool = False) -> pd.DataFrame:
    """A German contract list exported on ``export_day``: start, end (past for ended contracts, after
    the export day for contracts whose cancellation takes effect later; at a month end, or with
    ``terms`` the day before the start's anniversary after a term of months), monthly fee."""
    day = pd.Timestamp(export_day)
    signup = pd.Series(day - pd.to_timedelta(rng.integers(30, 5 * 365, N), "D"))
    if terms:
        months = pd.Series(rng.integers(2, 30, N))
        end = pd.Series([start + pd.DateOffset(months=int(months[i])) - pd.Timedelta(days=1)
                         for i, start in enumerate(signup)])  # fmt: skip
    else:
        end = signup + pd.to_timedelta(rng.integers(60, 900, N), "D") + pd.offsets.MonthEnd(0)
    end = end.where((rng.random(N) < 0.25) & (end <= day + pd.Timedelta(days=700)))
    return pd.DataFrame({"Kundennummer": [f"K{10000 + i}" for i in range(N)], "Vertragsbeginn": signup,
                         "Vertragsende": end, "Monatsbeitrag": rng.gamma(3, 15, N).round(2),
                         "Tarif": rng.choice(["Basis", "Komfort", "Premium"], N)})  # fmt: skip


@pytest.mark.parametrize(
    ("header", "terms"),
    [("Vertragsende", False), ("End Date", False), ("Kündigungsdatum", False), ("Kunde bis", True)],
)
def test_contract_ends_after_the_export_day_are_not_churn(tmp_path, capsys, header, terms):
    frame = contracts(np.random.default_rng(11), "2019-06-30", terms=terms).rename(
        columns={"Vertragsende": header}
    )
    path = tmp_path / "vertraege_export_2019.xlsx"
    written = frame.assign(**{c: frame[c].dt.strftime("%d.%m.%Y") for c in ("Vertragsbeginn", header)})
    written.to_excel(path, index=False)
    now = frame["Vertragsbeginn"].max()  # the latest signup: the data's own "now"
    later = frame[header] > now
    assert later.sum() > 20 and frame[header].max() > pd.Timestamp("2021-01-01")
    churned, average = churn_by_hand(frame["Vertragsbeginn"], frame[header].where(~later), now)
    kpis = analyze(capsys, path)["kpis"]
    # before: the window ended at the latest contract end (2021), two years after the export
    assert kpis["churn_rate"]["window"][1] == now.date().isoformat()
    assert kpis["churn_rate"]["churned"] == churned
    assert kpis["churn_rate"]["average_customers"] == pytest.approx(average)
    assert kpis["churn_rate"]["value"] == pytest.approx(churned / average)
    table = load_table(str(path), table="customers").validated
    rule = next(rule for rule in table.report.rules if rule.rule == "churn_dates_after_now")
    assert rule.rows == int(later.sum()) and not rule.set_aside
    assert "2019" in rule.text("de") and "später" in rule.text("de")
    assert int(table.data["churned"].sum()) == int((frame[header] <= now).sum())  # notice given: no churn yet
    churn_tile = kpi_tiles(table.data, None, settings=KpiSettings(), lang="en")[2]
    assert "end later" in churn_tile.help  # the assumption travels with the figure


def test_a_cohort_followed_after_its_last_signup_keeps_its_end_dates(tmp_path, capsys):
    rng = np.random.default_rng(12)
    signup = pd.Series(pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 365, 400), "D"))
    end = (signup + pd.to_timedelta(rng.integers(30, 4 * 365, 400), "D")).where(rng.random(400) < 0.5)
    path = tmp_path / "cohort_2015.csv"
    frame = pd.DataFrame({"customer_id": range(400), "signup_date": signup, "churn_date": end})
    frame.to_csv(path, index=False)
    kpis = analyze(capsys, path)["kpis"]
    # ends reaching four years past a one-year intake are the cohort's history, not scheduled ends
    assert kpis["churn_rate"]["window"][1] == end.max().date().isoformat()


def test_a_table_that_begins_inside_the_window_counts_only_its_months(tmp_path, capsys):
    rng = np.random.default_rng(13)
    signup = pd.Series(pd.Timestamp("2020-10-01") + pd.to_timedelta(rng.integers(0, 182, 600), "D"))
    end = signup + pd.to_timedelta(rng.integers(10, 200, 600), "D")
    end = end.where((rng.random(600) < 0.3) & (end <= pd.Timestamp("2021-03-31")))
    path = tmp_path / "new_shop_customers.csv"
    frame = pd.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in range(600)],
            "monthly_fee": 19.99,
            "signup_date": signup.dt.strftime("%Y-%m-%d"),
            "churn_date": end.dt.date,
        }
    )
    frame.to_csv(path, index=False)
    as_of = max(signup.max(), end.max())
    churned, average = churn_by_hand(signup, end, as_of, first=signup.min())
    document = analyze(capsys, path)
    churn = document["kpis"]["churn_rate"]
    # before: six months without customers were averaged in: 70 / 165.7 = 42 % "per 12 months"
    assert churn["months"] == 6 and churn["window"][0] == "2020-10-01"
    assert churn["churned"] == churned
    assert churn["average_customers"] == pytest.approx(average)
    assert churn["value"] == pytest.approx(churned / average)
    assert any("6 months" in note for note in document["kpis"]["notes"])
    german = analyze(capsys, path, "de")["kpis"]["notes"]
    assert any("6 Monate" in note for note in german)
    table = load_table(str(path), table="customers").validated
    tiles = kpi_tiles(table.data, None, settings=KpiSettings(), lang="de")
    assert "6 Monate" in tiles[2].label and "keine Jahresquote" in tiles[2].help


def test_an_old_customer_export_beside_a_recent_survey_is_measured_at_its_own_date(tmp_path, capsys):
    rng = np.random.default_rng(14)
    signup = pd.Series(pd.Timestamp("2021-03-31") - pd.to_timedelta(rng.integers(0, 1500, 600), "D"))
    end = signup + pd.to_timedelta(rng.integers(20, 900, 600), "D")
    end = end.where((rng.random(600) < 0.3) & (end <= pd.Timestamp("2021-03-31")))
    customers = tmp_path / "kunden_2021.xlsx"
    pd.DataFrame({"Customer ID": range(1, 601), "Start Date": signup, "End Date": end}).to_excel(
        customers, index=False
    )
    answered = pd.Series(pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 687, 2400), "D"))
    score = rng.integers(0, 11, 2400)
    survey = tmp_path / "nps_umfrage.csv"
    ids = rng.integers(1, 601, 2400)
    answers = pd.DataFrame({"Datum": answered.dt.strftime("%d.%m.%Y"), "Customer ID": ids,
                            "Wie wahrscheinlich empfehlen Sie uns weiter?": score})  # fmt: skip
    answers.to_csv(survey, sep=";", index=False)
    churned, average = churn_by_hand(signup, end, max(signup.max(), end.max()))
    last = answered.max()
    quarter = (last.to_period("M") - 2).start_time
    before = (answered >= quarter - pd.DateOffset(months=3)) & (answered < quarter)
    masks = {"current": (answered >= quarter).to_numpy(), "previous": before.to_numpy()}
    nps = {name: 100 * ((score[m] >= 9).mean() - (score[m] <= 6).mean()) for name, m in masks.items()}
    assert main(["analyze", "--customers", str(customers), "--survey", str(survey)]) == 0
    kpis = json.loads(capsys.readouterr().out)["kpis"]
    # before: the churn window ended at the survey's last day (2024), 0 % churn from a 2021 export
    assert kpis["churn_rate"]["window"][1] == max(signup.max(), end.max()).date().isoformat()
    assert kpis["churn_rate"]["value"] == pytest.approx(churned / average)
    assert kpis["comparisons"]["churn_rate"]["current"] == pytest.approx(churned / average)
    comparison = kpis["comparisons"]["nps"]
    assert comparison["window"] == [quarter.date().isoformat(), last.date().isoformat()]
    assert comparison["current"] == pytest.approx(nps["current"])
    assert comparison["previous"] == pytest.approx(nps["previous"])
    assert any("the churn rate is counted up to 2021-03-31" in note for note in kpis["notes"])


def test_customers_marked_churned_without_a_date_are_counted_and_said(tmp_path, capsys):
    rng = np.random.default_rng(15)
    signup = pd.Series(pd.Timestamp("2025-09-30") - pd.to_timedelta(rng.integers(0, 2000, 700), "D"))
    end = signup + pd.to_timedelta(rng.integers(20, 1200, 700), "D")
    churned = (rng.random(700) < 0.3) & (end <= pd.Timestamp("2025-09-30"))
    undated = churned & (rng.random(700) < 0.4)  # "Gekündigt" typed, the date never entered
    written = end.where(churned & ~undated)
    path = tmp_path / "crm_kunden.csv"
    frame = pd.DataFrame({"Kundennr": range(1, 701), "Kunde seit": signup.dt.strftime("%d.%m.%Y"),
                          "Status": np.where(churned, "Gekündigt", "Aktiv"),
                          "Kündigungsdatum": written.dt.strftime("%d.%m.%Y")})  # fmt: skip
    frame.to_csv(path, sep=";", index=False)
    churned_in_window, average = churn_by_hand(signup, written, max(signup.max(), written.max()))
    document = analyze(capsys, path)
    # the rate is the one the dates give (as pandas) ...
    assert document["kpis"]["churn_rate"]["value"] == pytest.approx(churned_in_window / average)
    # ... and the customers marked churned without a date are counted, not silently kept as customers
    rules = document["inputs"]["customers"]["rules"]
    rule = next(rule for rule in rules if rule["rule"] == "churned_without_date")
    assert rule["rows"] == int(undated.sum()) and "Status" in rule["message"]
    assert {"churned_without_date"} <= {entry["code"] for entry in document["assumptions"]}
    german = analyze(capsys, path, "de")["inputs"]["customers"]["rules"]
    assert any("zu niedrig" in rule["message"] for rule in german)


def test_excel_serial_numbers_under_date_headers_are_the_signup_and_churn_dates(tmp_path, capsys):
    rng = np.random.default_rng(16)
    signup = pd.Series(pd.Timestamp("2021-03-31") - pd.to_timedelta(rng.integers(0, 1500, 600), "D"))
    end = signup + pd.to_timedelta(rng.integers(20, 900, 600), "D")
    end = end.where((rng.random(600) < 0.3) & (end <= pd.Timestamp("2021-03-31")))
    backwards = rng.choice(600, 12, replace=False)
    end.iloc[backwards] = signup.iloc[backwards] - pd.Timedelta(days=40)  # typed before the signup: bad rows

    def serial(days: pd.Series) -> pd.Series:  # a workbook's dates that lost their date format
        return (days - pd.Timestamp("1899-12-30")).dt.days

    path = tmp_path / "kundenstamm.xlsx"
    frame = pd.DataFrame({"Kunden-Nr": range(1, 601), "Aktivierungsdatum": serial(signup),
                          "Gekündigt am": serial(end), "Tarif": rng.choice(list("SML"), 600)})  # fmt: skip
    frame.to_excel(path, index=False)
    valid = end.where(~(end < signup))
    churned, average = churn_by_hand(signup, valid, max(signup.max(), valid.max()))
    document = analyze(capsys, path)
    # before: the numbers were no dates, and the note said the table had no churn dates at all
    assert document["inputs"]["customers"]["mapping"]["churn_date"] == "Gekündigt am"
    assert document["kpis"]["churn_rate"]["value"] == pytest.approx(churned / average)
    rules = {rule["rule"]: rule["rows"] for rule in document["inputs"]["customers"]["rules"]}
    assert rules["churn_before_signup"] == 12


@pytest.mark.parametrize("dated", ["Statusdatum", "Status seit", "Status Date"])
def test_a_status_with_its_own_date_gives_the_churn_date_of_the_churned(tmp_path, capsys, dated):
    rng = np.random.default_rng(17)
    signup = pd.Series(pd.Timestamp("2021-03-31") - pd.to_timedelta(rng.integers(0, 2000, 600), "D"))
    churned = rng.random(600) < 0.3
    changed = signup + pd.to_timedelta(rng.integers(30, 1500, 600), "D")
    changed = changed.where(changed <= pd.Timestamp("2021-03-31"), signup)
    # the status date of a customer who stays is the signup or a tariff change, never a churn
    status_day = changed.where(churned | (rng.random(600) < 0.3), signup)
    churned &= (status_day > signup).to_numpy()
    undated = churned & (rng.random(600) < 0.05)
    path = tmp_path / "erp_kunden.csv"
    frame = pd.DataFrame({"Kunden-Nr": range(1, 601), "Kunde seit": signup.dt.strftime("%d.%m.%Y"),
                          "Status": np.where(churned, "gekündigt", "aktiv"),
                          dated: status_day.where(~undated).dt.strftime("%d.%m.%Y")})  # fmt: skip
    frame.to_csv(path, sep=";", index=False)
    end = status_day.where(churned & ~undated)
    churned_in_window, average = churn_by_hand(signup, end, max(signup.max(), end.max()))
    document = analyze(capsys, path)
    churn = document["kpis"]["churn_rate"]
    # before: the share of 'gekündigt' over no known period (31 %), 'not a rate per 12 months'
    assert churn["definition"] == "rolling_12_months"
    assert churn["churned"] == churned_in_window
    assert churn["value"] == pytest.approx(churned_in_window / average)
    assert {"churn_date_from_status_date"} <= {entry["code"] for entry in document["assumptions"]}
    rules = {rule["rule"]: rule["rows"] for rule in document["inputs"]["customers"]["rules"]}
    assert rules["churned_without_date"] == int(undated.sum())


def test_churn_dates_without_signup_dates_say_what_they_assume(tmp_path, capsys):
    rng = np.random.default_rng(18)
    end = pd.Series(pd.Timestamp("2025-09-30") - pd.to_timedelta(rng.integers(0, 1500, 700), "D"))
    end = end.where(rng.random(700) < 0.2)
    path = tmp_path / "kuendigungen.csv"
    pd.DataFrame({"Kundennr": range(1, 701), "Kündigungsdatum": end.dt.strftime("%d.%m.%Y")}).to_csv(
        path, sep=";", index=False
    )
    churned, average = churn_by_hand(pd.Series(pd.Timestamp.min, index=end.index), end, end.max())
    kpis = analyze(capsys, path)["kpis"]
    assert kpis["churn_rate"]["value"] == pytest.approx(churned / average)
    # before: every customer was silently counted from the window's start
    assert any(note.startswith("700 of 700 customers have no signup date") for note in kpis["notes"])
