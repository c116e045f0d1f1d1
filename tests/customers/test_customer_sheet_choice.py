"""Which sheet of a workbook holds the customers (cxlib.intake, cxlib.customer_columns.customer_key_column).

A business workbook often carries its purchase log beside its customer list (KPMG's Sprocket workbook:
Transactions 20,000 rows, CustomerDemographic 4,000, CustomerAddress 3,999). Dropped as the customer
table, the largest sheet was read: 20,000 "customers", keyed by the transaction number. The customers are
the sheet with one row per customer number, and the reading notes say which sheet was skipped and why.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table


def _workbook(path, sheets: dict[str, pd.DataFrame]) -> str:
    with pd.ExcelWriter(path) as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return str(path)


def _sprocket_like(rng, customers: int = 60, purchases: int = 400) -> dict[str, pd.DataFrame]:
    ids = np.arange(1, customers + 1)
    log = pd.DataFrame(
        {
            "transaction_id": np.arange(1, purchases + 1),
            "product_id": rng.integers(0, 100, purchases),
            "customer_id": rng.choice(ids, purchases),
            "transaction_date": pd.Timestamp("2017-01-01")
            + pd.to_timedelta(rng.integers(0, 365, purchases), "D"),
            "order_status": rng.choice(["Approved", "Cancelled"], purchases, p=[0.95, 0.05]),
            "list_price": rng.uniform(10, 2000, purchases).round(2),
        }
    )
    demographic = pd.DataFrame(
        {
            "customer_id": ids,
            "gender": rng.choice(["Female", "Male"], customers),
            "past_3_years_bike_related_purchases": rng.integers(0, 100, customers),
            "wealth_segment": rng.choice(["Mass Customer", "High Net Worth"], customers),
            "tenure": rng.integers(1, 22, customers),
        }
    )
    address = pd.DataFrame({"customer_id": ids[:-1], "postcode": rng.integers(2000, 4000, customers - 1)})
    return {"Transactions": log, "CustomerDemographic": demographic, "CustomerAddress": address}


def _note_keys(loaded) -> list[str]:
    return [key for key, _ in loaded.raw.attrs.get("note_keys", [])]


def test_a_purchase_log_beside_the_customer_list_is_not_read_as_the_customers(tmp_path):
    rng = np.random.default_rng(7)
    sheets = _sprocket_like(rng)
    path = _workbook(tmp_path / "sprocket.xlsx", sheets)
    loaded = load_table(path, table="customers")
    assert loaded.sheet == "CustomerDemographic"
    assert loaded.mapping.as_dict()["customer_id"] == "customer_id"
    assert loaded.validated.report.rows_used == sheets["CustomerDemographic"]["customer_id"].nunique() == 60
    assert "reading.note.sheet_per_customer" in _note_keys(loaded)
    # the purchases slot still reads the log, and a sheet chosen by hand is read as chosen
    assert load_table(path, table="transactions").sheet == "Transactions"
    assert load_table(path, table="customers", sheet="CustomerAddress").sheet == "CustomerAddress"


def test_a_contract_list_alone_stays_the_customer_table(tmp_path):
    """Without a sheet of one row per customer, the sheet whose customer numbers repeat is still read:
    a contract list's rows are combined per customer (tests/customers/test_rows_per_customer.py)."""
    rng = np.random.default_rng(3)
    customers = np.repeat(np.arange(1, 41), rng.integers(2, 4, 40))
    contracts = pd.DataFrame(
        {
            "Kundennummer": [f"{k:05d}" for k in customers],
            "Vertragsnummer": [str(700000 + i) for i in range(len(customers))],
            "Beitrag": rng.uniform(8, 120, len(customers)).round(2),
        }
    )
    notes = pd.DataFrame({"Hinweis": ["Export vom 3.1.2018"]})
    path = _workbook(tmp_path / "vertraege.xlsx", {"Verträge": contracts, "Info": notes})
    loaded = load_table(path, table="customers")
    assert loaded.sheet == "Verträge" and loaded.mapping.as_dict()["customer_id"] == "Kundennummer"
    assert len(loaded.validated.data) == 40


def test_kpmg_sprocket_workbook_as_the_customer_table(shared_data):
    path = shared_data / "kpmg_sprocket_raw.xlsx"
    loaded = load_table(path, table="customers")
    assert loaded.sheet == "CustomerDemographic"
    expected = pd.read_excel(path, sheet_name="CustomerDemographic", header=1)["customer_id"].nunique()
    assert loaded.validated.report.rows_used == expected == 4000
    assert "reading.note.sheet_per_customer" in _note_keys(loaded)


@pytest.mark.parametrize("header", ["transaction_id", "Order ID", "Rechnungsnummer", "Invoice No"])
def test_another_records_number_is_never_the_customer_id(header):
    """A purchase log read as customers: its customer number repeats, and the transaction number beside
    it was taken as the customer ID by its distinct values (every purchase a "customer")."""
    from cxlib.mapping import suggest_mapping

    rng = np.random.default_rng(1)
    log = pd.DataFrame(
        {
            header: np.arange(1000, 1300),
            "customer_id": rng.integers(1, 40, 300),
            "list_price": rng.uniform(10, 100, 300).round(2),
        }
    )
    assert suggest_mapping(log, "customers").as_dict().get("customer_id") != header


def test_a_purchase_log_uploaded_as_the_customers_is_refused_with_what_to_do(tmp_path):
    """retail_transactions.csv (customer_id, trans_date, tran_amount) as the customer table: before,
    125,000 rows numbered as 125,000 customers, each purchase's amount a customer's yearly revenue."""
    from cxlib.errors import CxError

    rng = np.random.default_rng(5)
    log = pd.DataFrame(
        {
            "customer_id": rng.choice([f"CS{n}" for n in range(1000, 1100)], 800),
            "trans_date": pd.Timestamp("2014-01-01") + pd.to_timedelta(rng.integers(0, 700, 800), "D"),
            "tran_amount": rng.integers(10, 105, 800),
        }
    )
    path = tmp_path / "retail.csv"
    log.to_csv(path, index=False)
    with pytest.raises(CxError) as refused:
        load_table(str(path), table="customers")
    assert refused.value.key == "error.log_in_customer_slot"
    assert "customer_id, trans_date, tran_amount" in refused.value.message("en")
    assert "Kaufprotokoll" in refused.value.message("de")
    assert load_table(str(path), table="transactions").validated.report.rows_used == 800
    # one row per customer, with a date and an amount each, is a customer table
    first = log.drop_duplicates("customer_id")
    first.to_csv(path, index=False)
    assert load_table(str(path), table="customers").mapping.as_dict()["customer_id"] == "customer_id"


@pytest.mark.parametrize("file", ["retail_transactions.csv", "online_retail_ii_two_sheets.xlsx"])
def test_public_purchase_logs_uploaded_as_the_customers_are_refused(shared_data, file):
    from cxlib.errors import CxError

    with pytest.raises(CxError) as refused:
        load_table(shared_data / file, table="customers")
    assert refused.value.key == "error.log_in_customer_slot"


def test_a_workbook_of_purchases_and_customer_lists_is_no_survey(tmp_path):
    """The Sprocket-like workbook in the survey slot: its log was read as a "survey" of 400 answers
    (a list price is a price, not an amount), and after that refusal a sheet of addresses would have
    been one; now the file is refused as purchases, with what to do."""
    from cxlib.errors import CxError

    path = _workbook(tmp_path / "sprocket.xlsx", _sprocket_like(np.random.default_rng(9)))
    with pytest.raises(CxError) as refused:
        load_table(path, table="survey")
    assert refused.value.key == "error.records_in_survey_slot"
    assert "transaction_date, list_price" in refused.value.message("en")


def test_a_customers_age_is_never_the_customer_id_of_a_purchase_log():
    """BankChurners read as purchases: CLIENTNUM (one per row) was taken as the order number and
    "Customer_Age" (repeating whole numbers) as the customer ID by its values; a customer's age or gender
    never identifies them."""
    from cxlib.mapping import suggest_mapping

    rng = np.random.default_rng(2)
    frame = pd.DataFrame(
        {
            "CLIENTNUM": np.arange(700000000, 700000300),
            "Customer_Age": rng.integers(18, 80, 300),
            "Gender": rng.choice(["M", "F"], 300),
            "Total_Trans_Amt": rng.uniform(500, 5000, 300).round(0),
        }
    )
    found = suggest_mapping(frame, "transactions").as_dict().get("customer_id")
    assert found not in ("Customer_Age", "Gender")


THINGS = ["delivery", "staff", "app", "price"]
COLOURS = ["WHITE", "RED", "PINK", "BLUE", "CREAM", "GREEN"]
ITEMS = ["T-LIGHT HOLDER", "LANTERN", "COAT HANGER", "BUNTING", "TEA CUP AND SAUCER", "DOORMAT"]


def test_order_lines_with_a_product_text_are_no_survey_of_comments(tmp_path):
    """UCI Online Retail in the survey slot: its "Description" (product names) was the survey's comment,
    so the log was a survey of 1,970 answers whose themes were product names. Order lines (an invoice
    number, a quantity, a unit price, a date, repeating customers) are refused as purchases; a review
    export whose comments sit beside a customer and a date stays a survey."""
    from cxlib.errors import CxError

    rng = np.random.default_rng(11)
    n = 300
    lines = pd.DataFrame(
        {
            "Invoice": rng.integers(536000, 536100, n),
            "StockCode": rng.choice(["85123A", "71053", "84406B"], n),
            "Description": [
                f"{rng.choice(COLOURS)} {rng.choice(['HANGING HEART', 'METAL', 'GLASS'])} {rng.choice(ITEMS)}"
                f" SET OF {rng.integers(2, 50)}"
                for _ in range(n)
            ],
            "Quantity": rng.integers(1, 24, n),
            "InvoiceDate": pd.Timestamp("2010-12-01") + pd.to_timedelta(rng.integers(0, 300, n), "D"),
            "Price": rng.uniform(0.5, 10, n).round(2),
            "Customer ID": rng.integers(12000, 12060, n),
        }
    )
    path = tmp_path / "online_retail.csv"
    lines.to_csv(path, index=False)
    with pytest.raises(CxError) as refused:
        load_table(str(path), table="survey")
    assert refused.value.key == "error.records_in_survey_slot"
    reviews = pd.DataFrame(
        {
            "Customer ID": rng.integers(12000, 12060, n),
            "Date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, n), "D"),
            "Review": [
                f"The {rng.choice(THINGS)} was {rng.choice(['great', 'slow', 'fine'])} and the"
                f" {rng.choice(['packaging', 'hotline', 'refund'])} took {i % 9 + 1} days"
                for i in range(n)
            ],
        }
    )
    reviews.to_csv(path, index=False)
    assert load_table(str(path), table="survey").mapping.as_dict().get("comment") == "Review"


def test_uci_online_retail_in_the_survey_slot_is_refused(shared_data):
    from cxlib.errors import CxError

    with pytest.raises(CxError) as refused:
        load_table(shared_data / "online_retail_ii_two_sheets.xlsx", table="survey")
    assert refused.value.key == "error.records_in_survey_slot"
