"""The changes planted in the demo shop show up on the Overview tiles as significant."""

import pytest

from cxlib.kpis import kpi_tiles

demo = pytest.importorskip("cxlib.demo")

# what validation would map from the demo's German headers (done by the lead's intake in the app)
ROLES = {
    "Kundennummer": "customer_id",
    "Anmeldedatum": "signup_date",
    "Kündigungsdatum": "churn_date",
    "Marge": "margin",
    "Akquisitionskosten": "acquisition_cost",
    "Umsatz": "revenue",
    "Weiterempfehlung": "recommend",
    "Datum": "response_date",
}


@pytest.fixture(scope="module")
def tiles():
    data = demo.generate_demo(with_transactions=False)
    customers = data.customers.rename(columns=ROLES)
    survey = data.survey.rename(columns=ROLES).astype({"recommend": float})
    return {tile.key: tile for tile in kpi_tiles(customers, survey, lang="en")}


def test_lower_nps_in_the_last_quarter_is_significant(tiles):
    nps = tiles["nps"]
    assert nps.significant is True
    assert nps.delta.startswith("-")
    assert nps.delta.endswith("(significant at 95%)")
    assert "2026-07-01 – 2026-09-30" in nps.help
    assert "Previous period 2026-04-01 – 2026-06-30" in nps.help


def test_higher_churn_in_the_last_twelve_months_is_significant(tiles):
    churn = tiles["churn_rate"]
    assert churn.significant is True
    assert churn.delta.startswith("+")
    assert churn.delta_color == "inverse"
    assert "2025-10-01 – 2026-09-30" in churn.help
    assert tiles["retention"].delta.startswith("-")
