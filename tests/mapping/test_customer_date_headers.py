"""Signup and churn dates under the headers CRM and ERP exports use; a "last" date is never a "first" one."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.mapping import suggest_mapping


def mapped(header: str) -> dict:
    dates = [f"2023-0{1 + i % 9}-15" if i % 3 else "" for i in range(30)]
    frame = pd.DataFrame({"Customer ID": [str(i) for i in range(30)], header: dates})
    return {k: v for k, v in suggest_mapping(frame, "customers").as_dict().items() if k != "customer_id"}


@pytest.mark.parametrize(
    "header", ["Became a Customer Date", "Mitglied seit", "Registriert am", "First Order Date", "Eintritt"]
)
def test_signup_headers(header):
    assert mapped(header) == {"signup_date": header}


@pytest.mark.parametrize("header", ["Gekündigt am", "Gekündigt zum", "Canceled At (UTC)", "Kunde bis"])
def test_churn_date_headers(header):
    assert mapped(header) == {"churn_date": header}


@pytest.mark.parametrize("header", ["Last Order Date", "Letzte Bestellung", "Inaktiv seit"])
def test_dates_that_are_neither(header):
    # "Last Order Date" used to be the signup date: a fuzzy match of "first order date"
    assert mapped(header) == {}
