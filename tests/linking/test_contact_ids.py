"""Which column links a survey to its customers, and what must never link.

Before, on a support desk's ticket export rated by customers (``Ticket ID``, ``Customer Name``,
``Customer Email`` …, ``Customer Satisfaction Rating``):
- "Customer Name" was the customer ID (a fuzzy match for "customer id") and the ticket number no ID;
- beside a customer table without an ID column (numbered by its rows), 190 of 191 e-mail addresses were
  "matched by their digits" to row numbers (``c2@example.org`` → customer in row 2).
Now the ticket number is the response ID, the e-mail links answers to customers when no ID does, row
numbers and e-mail addresses are never matched by digits, and row-number IDs ("#2") link to nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlib.analysis import load_files
from cxlib.id_matching import digit_ids
from cxlib.mapping import suggest_mapping

N = 300


def _tickets(rng: np.random.Generator) -> pd.DataFrame:
    closed = rng.random(N) < 0.4
    return pd.DataFrame(
        {
            "Ticket ID": np.arange(1, N + 1),
            "Customer Name": [f"Name {i}" for i in range(N)],
            "Customer Email": [f"c{i}@example.org" for i in range(N)],
            "Customer Age": rng.integers(18, 70, N),
            "Ticket Status": np.where(closed, "Closed", "Open"),
            "Customer Satisfaction Rating": np.where(closed, rng.integers(1, 6, N), np.nan),
        }
    )


def test_a_ticket_export_is_keyed_by_ticket_and_linked_by_e_mail():
    mapping = suggest_mapping(_tickets(np.random.default_rng(1)).astype("string"), "survey").as_dict()
    assert mapping["response_id"] == "Ticket ID"
    assert mapping["customer_id"] == "Customer Email"
    assert mapping["satisfaction"] == "Customer Satisfaction Rating"


def test_a_name_is_never_a_fuzzy_customer_id():
    frame = pd.DataFrame({"Customer Name": ["Ann", "Bob", "Cy"], "Alter": [30, 40, 50]})
    assert "customer_id" not in suggest_mapping(frame, "survey").as_dict()


def test_row_numbers_of_a_customer_table_without_ids_link_to_nothing(tmp_path):
    rng = np.random.default_rng(2)
    tickets = _tickets(rng)
    customers = pd.DataFrame({"Alter": rng.integers(18, 80, N), "Umsatz": rng.gamma(2, 100, N).round(2)})
    survey = pd.DataFrame({"Kunde": np.arange(2, N + 2), "Weiterempfehlung": rng.integers(0, 11, N)})
    paths = {"customers": tmp_path / "kunden.csv", "survey": tmp_path / "tickets.csv"}
    customers.to_csv(paths["customers"], index=False)
    for survey_frame in (tickets, survey):  # e-mails with digits, and plain numbers 2 … N+1
        survey_frame.to_csv(paths["survey"], index=False)
        loaded = load_files({table: str(path) for table, path in paths.items()})
        report = loaded["survey"].validated.report
        unknown = {rule.rule: rule.rows for rule in report.rules}.get("unknown_customer")
        linked = loaded["survey"].validated.data["customer_id"].dropna()
        assert unknown == len(linked) > 0
        assert not any("written differently" in note for note in report.note_texts("en"))
    assert loaded["customers"].validated.data["customer_id"].str.startswith("#").all()


def test_digits_are_never_read_out_of_e_mails_or_names():
    assert digit_ids(pd.Series(["c12@example.org", "annabell12", "K-00012"])).tolist() == [
        pd.NA,
        pd.NA,
        "12",
    ]
