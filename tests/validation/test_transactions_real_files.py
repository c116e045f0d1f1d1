"""The shared real transaction logs: rows read/used/set aside, reasons counted, the mapping chosen.

One row per file; figures from ../shared/data/README.md where it lists them, else counted with pandas.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd
import pytest

from cxlib.cli import main
from cxlib.intake import load_table


@dataclass(frozen=True)
class Expected:
    file: str
    sheet: str | None
    mapping: dict[str, str]
    rows_read: int
    rows_used: int
    rules: dict[str, int]
    customers: int
    first: str
    last: str
    reading: dict = field(default_factory=dict)


FILES = [
    Expected(
        "retail_transactions.csv",
        None,
        {"customer_id": "customer_id", "date": "trans_date", "amount": "tran_amount"},
        125_000,
        125_000,
        {},
        6_889,
        "2011-05-16",
        "2015-03-16",
        {"date_order": {"date": {"order": "month_first", "evidence": "second_part_over_12"}}},
    ),
    Expected(
        "CDNOW_sample.txt",
        None,
        {"customer_id": "Column 1", "date": "Column 3", "amount": "Column 5"},
        6_919,
        6_919,
        {},
        2_357,
        "1997-01-01",
        "1998-06-30",
        {"separator": "whitespace", "has_header": False},
    ),
    Expected(
        "kpmg_sprocket_raw.xlsx",
        "Transactions",
        {
            "order_id": "transaction_id",
            "customer_id": "customer_id",
            "date": "transaction_date",
            "status": "order_status",
            "unit_price": "list_price",
        },
        20_000,
        19_821,
        {"amount_from_unit_price": 20_000, "cancelled_status": 179},
        3_493,
        "2017-01-01",
        "2017-12-30",
    ),
    Expected(
        "online_retail_ii_two_sheets.xlsx",
        "Year 2009-2010",
        {
            "order_id": "Invoice",
            "customer_id": "Customer ID",
            "date": "InvoiceDate",
            "quantity": "Quantity",
            "unit_price": "Price",
        },
        1_589,
        1_456,
        # postage and discount lines sell no product (5 postage lines of customers were counted as goods)
        {
            "amount_from_quantity_price": 1_589,
            "missing_required": 61,
            "not_a_product": 8,
            "cancelled_invoice": 64,
        },
        52,
        "2009-12-01",
        "2009-12-01",
    ),
]


@pytest.mark.parametrize("expected", FILES, ids=lambda e: e.file)
def test_real_transaction_logs(shared_data, expected):
    loaded = load_table(shared_data / expected.file, table="transactions", sheet=expected.sheet)
    table = loaded.validated
    report = table.report.to_dict()
    assert {role: report["mapping"].get(role) for role in expected.mapping} == expected.mapping
    assert (report["rows_read"], report["rows_used"]) == (expected.rows_read, expected.rows_used)
    assert report["rows_read"] == report["rows_used"] + report["rows_set_aside"]
    assert {rule["rule"]: rule["rows"] for rule in report["rules"]} == expected.rules
    assert len(table.set_aside) == report["rows_set_aside"]
    assert table.data["customer_id"].nunique() == expected.customers
    assert table.data["date"].min().strftime("%Y-%m-%d") == expected.first
    assert table.data["date"].max().strftime("%Y-%m-%d") == expected.last
    assert table.data["amount"].notna().all() and (table.data["amount"] >= 0).all()
    for key, value in expected.reading.items():
        if isinstance(value, dict):
            got = report["reading"][key]["date"]
            assert {k: got[k] for k in value["date"]} == value["date"]
        else:
            assert report["reading"][key] == value


def test_online_retail_amount_is_quantity_times_price(shared_data):
    table = load_table(
        shared_data / "online_retail_ii_two_sheets.xlsx", table="transactions", sheet="Year 2010-2011"
    ).validated
    raw = pd.read_excel(shared_data / "online_retail_ii_two_sheets.xlsx", sheet_name="Year 2010-2011")
    kept = raw[raw["Customer ID"].notna() & ~raw["Invoice"].astype(str).str.startswith("C")]
    kept = kept[(kept["Quantity"] >= 0) & (kept["Price"] >= 0)]
    kept = kept[~kept["Description"].isin(["POSTAGE", "CARRIAGE", "DOTCOM POSTAGE"])]  # no product sold
    assert table.data["amount"].sum() == pytest.approx((kept["Quantity"] * kept["Price"]).sum())


def test_cdnow_runs_through_the_cli_alone(shared_data, capsys):
    assert main(["analyze", "--transactions", str(shared_data / "CDNOW_sample.txt")]) == 0
    inputs = json.loads(capsys.readouterr().out)["inputs"]["transactions"]
    assert inputs["mapping"] == {"date": "Column 3", "amount": "Column 5", "customer_id": "Column 1"}
    assert inputs["rows_used"] == 6_919
    assert any("Column 1" in note for note in inputs["notes"])
