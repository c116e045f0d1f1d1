"""The CLV's inputs as customer tables write them: a margin given as a share in its cells ("25 %", "0,25",
"25") under a plain header ("Marge", "Margin"), revenue per month. Each file is written to ``tmp_path``,
analysed as the CLI does, and the CLV compared with the handbook formula computed by hand in pandas:
CLV = m·r/(1+d−r) − AC with m = yearly revenue × margin share, r = 1 − the 12-month churn rate,
d = 10 %, AC = 0."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxlib.cli import main

N = 500
EXPORT = pd.Timestamp("2024-12-31")


def german(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def customers(rng: np.random.Generator) -> pd.DataFrame:
    """A German customer list: signup, cancellation day, monthly revenue, margin share per tariff."""
    signup = pd.Series(EXPORT - pd.to_timedelta(rng.integers(30, 2500, N), "D"))
    end = signup + pd.to_timedelta(rng.integers(30, 1500, N), "D")
    return pd.DataFrame({"Kundennummer": [f"K{i}" for i in range(N)], "signup": signup,
                         "end": end.where((rng.random(N) < 0.3) & (end <= EXPORT)),
                         "monthly": rng.gamma(3, 12, N).round(2),
                         "share": rng.choice([0.20, 0.25, 0.30, 0.35], N)})  # fmt: skip


def retention_by_hand(signup: pd.Series, end: pd.Series) -> float:
    """1 − churned in the 12 calendar months up to the latest date / average month-end customers."""
    as_of = max(signup.max(), end.max())
    months = pd.period_range(as_of.to_period("M") - 11, as_of.to_period("M"), freq="M")
    ends = [min(month.end_time.normalize(), as_of) for month in months]
    average = np.mean([((signup <= day) & ~(end <= day)).sum() for day in ends])
    churned = ((end >= months[0].start_time) & (end <= as_of)).sum()
    return 1 - churned / average


@pytest.mark.parametrize(
    ("header", "spell", "code"),
    [
        ("Marge", lambda share: f"{share * 100:.0f} %", "margin_rate_percent_cells"),
        ("Marge", lambda share: german(share), "margin_rate_fractions"),
        ("Margin", lambda share: f"{share * 100:.0f}", "margin_rate_whole_percent"),
    ],
)
def test_a_margin_share_in_the_cells_is_a_rate_of_revenue(tmp_path, capsys, header, spell, code):
    frame = customers(np.random.default_rng(31))
    path = tmp_path / "kunden_export.csv"
    pd.DataFrame(
        {
            "Kundennummer": frame["Kundennummer"],
            "Kunde seit": frame["signup"].dt.strftime("%d.%m.%Y"),
            "Gekündigt am": frame["end"].dt.strftime("%d.%m.%Y"),
            "Umsatz monatlich": frame["monthly"].map(german),
            header: frame["share"].map(spell),
        }
    ).to_csv(path, sep=";", index=False)
    r = retention_by_hand(frame["signup"], frame["end"])
    margin = frame["monthly"] * 12 * frame["share"]
    clv = margin * r / (1 + 0.10 - r)
    assert main(["analyze", "--customers", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kpis"]["retention"] == pytest.approx(r)
    # before: the share was money per year: CLV mean 157 ("25 %", "25") or 1.57 ("0,25"), not 674
    assert document["kpis"]["clv"]["mean"] == pytest.approx(clv.mean())
    assert document["kpis"]["clv"]["total"] == pytest.approx(clv.sum())
    codes = {(entry["code"], entry["column"]) for entry in document["assumptions"]}
    assert {(code, "margin"), ("margin_from_rate", "margin")} <= codes


def test_a_money_margin_with_few_distinct_values_stays_money_when_it_exceeds_100(tmp_path, capsys):
    frame = customers(np.random.default_rng(32))
    flat = frame["share"].map(
        {0.20: 120.0, 0.25: 150.0, 0.30: 180.0, 0.35: 210.0}
    )  # euros per year, by tariff
    path = tmp_path / "kunden_db.csv"
    pd.DataFrame(
        {
            "Kundennummer": frame["Kundennummer"],
            "Kunde seit": frame["signup"].dt.strftime("%d.%m.%Y"),
            "Gekündigt am": frame["end"].dt.strftime("%d.%m.%Y"),
            "Umsatz monatlich": frame["monthly"].map(german),
            "Marge": flat.map(german),
        }
    ).to_csv(path, sep=";", index=False)
    r = retention_by_hand(frame["signup"], frame["end"])
    assert main(["analyze", "--customers", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kpis"]["clv"]["mean"] == pytest.approx((flat * r / (1.1 - r)).mean())
