"""Shared inputs of the persona tests: planted blobs, the demo shop under role-key headers, real files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.demo import TOUCHPOINTS, generate_demo

CUSTOMER_COLUMNS = {
    "Kundennummer": "customer_id",
    "Anmeldedatum": "signup_date",
    "Kündigungsdatum": "churn_date",
    "Alter": "age",
    "Geschlecht": "gender",
    "Region": "region",
    "Einkommen": "income",
    "Bestellungen": "orders",
    "Umsatz": "revenue",
    "Marge": "margin",
    "Akquisitionskosten": "acquisition_cost",
}
SURVEY_COLUMNS = {
    "Antwort-ID": "response_id",
    "Kundennummer": "customer_id",
    "Datum": "response_date",
    "Weiterempfehlung": "recommend",
    "Gesamtzufriedenheit": "satisfaction",
    "Kommentar": "comment",
}
GENDERS = {"weiblich": "female", "männlich": "male", "divers": "diverse"}


def _make_blobs(sizes, centres, *, seed=0, spread=1.0, columns=("age", "income")) -> pd.DataFrame:
    """Customers drawn around ``centres`` (one row of values per blob), ``sizes`` customers each, blob
    after blob, with IDs ``C00000``, ``C00001``, … in row order (so the planted blob of the sorted
    customers is ``np.repeat(range(len(sizes)), sizes)``)."""
    rng = np.random.default_rng(seed)
    parts = []
    for size, centre in zip(sizes, centres, strict=True):
        values = rng.normal(np.asarray(centre, dtype=float), spread, size=(size, len(columns)))
        parts.append(pd.DataFrame(values, columns=list(columns)))
    table = pd.concat(parts, ignore_index=True)
    table.insert(0, "customer_id", pd.array([f"C{i:05d}" for i in range(len(table))], dtype="str"))
    return table


def demo_tables(n_customers: int, seed: int = 42):
    """The demo shop with role-key headers: (customers, survey, planted persona per customer_id)."""
    data = generate_demo(n_customers=n_customers, seed=seed, with_transactions=False)
    customers = data.customers.rename(columns=CUSTOMER_COLUMNS)
    customers["gender"] = customers["gender"].map(GENDERS)
    for column in ("age", "income", "orders", "revenue", "margin", "acquisition_cost"):
        customers[column] = customers[column].astype(float)
    customers["churned"] = customers["churn_date"].notna()
    survey = data.survey.rename(columns=SURVEY_COLUMNS)
    for column in ("recommend", "satisfaction", *TOUCHPOINTS):
        survey[column] = survey[column].astype(float)
    truth = data.persona_truth.rename_axis("customer_id")
    return customers, survey, truth


@pytest.fixture
def blobs():
    """``blobs(sizes, centres, seed=0, spread=1.0, columns=("age", "income"))``: planted customers."""
    return _make_blobs


@pytest.fixture(scope="session")
def demo_small():
    return demo_tables(800)


@pytest.fixture(scope="session")
def demo_default():
    """The demo data as shipped (4,000 customers, seed 42)."""
    return demo_tables(4000)
