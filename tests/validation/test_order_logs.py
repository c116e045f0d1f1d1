"""Order and sales logs as BI tools and the well-known public sets export them (cxlib.transaction_columns).

Each test writes one synthetic export of a known shape to ``tmp_path`` (schema of Sample Superstore, of
the Olist e-commerce tables joined as analysts join them, of a German ERP's invoice list) and checks the
per-customer purchase figures against a direct pandas computation: a purchase is a customer-day,
cancelled, unavailable and credited documents are no purchase.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.purchase_reference import app_summary, pandas_purchase_summary


def pandas_summary(
    log: pd.DataFrame, customer: str, date: str, amount: str, *, date_format: str | None = None
) -> pd.DataFrame:
    """Purchases, revenue, frequency, recency and T (weeks) per customer, computed directly."""
    dates = pd.to_datetime(log[date], format=date_format)
    return pandas_purchase_summary(log[customer], dates, log[amount])


def evidence_codes(table, role: str) -> list[str]:
    return [e.code for e in table.columns[role].evidence]


def _hex(rng: np.random.Generator) -> str:
    return "".join(rng.choice(list("0123456789abcdef"), 32))


def olist_orders(seed: int = 4) -> pd.DataFrame:
    """Orders of 60 people joined with Olist's customers table: ``customer_id`` is new with every order,
    ``customer_unique_id`` is the person; approval, carrier, delivery and estimate dates come later."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(60):
        unique_id = _hex(rng)
        for _ in range(1 if person % 3 else 3):
            bought = pd.Timestamp("2017-01-02") + pd.Timedelta(minutes=int(rng.integers(0, 600 * 24 * 60)))
            status = ["delivered"] * 8 + ["canceled", "unavailable"]
            rows.append(
                {
                    "order_id": _hex(rng),
                    "customer_id": _hex(rng),
                    "order_status": status[int(rng.integers(0, 10))],
                    "order_purchase_timestamp": bought,
                    "order_approved_at": bought + pd.Timedelta(hours=30),
                    "order_delivered_carrier_date": bought + pd.Timedelta(days=3),
                    "order_delivered_customer_date": bought + pd.Timedelta(days=9),
                    "order_estimated_delivery_date": bought.normalize() + pd.Timedelta(days=20),
                    "customer_unique_id": unique_id,
                    "customer_zip_code_prefix": f"{int(rng.integers(1000, 99999)):05d}",
                    "customer_state": "SP",
                }
            )
    return pd.DataFrame(rows)


def _bought(log: pd.DataFrame) -> pd.DataFrame:
    return log[~log["order_status"].isin(["canceled", "unavailable"])]


def test_olist_orders_with_payments_are_counted_per_person_on_the_purchase_day(tmp_path):
    # before: customer_id (one per order) was the customer: 0 repeat buyers; the carrier's date was the
    # purchase date (orders not yet handed over set aside); "unavailable" orders counted as purchases
    rng = np.random.default_rng(5)
    orders = olist_orders()
    payments = []
    for order_id in orders["order_id"]:
        total = round(float(rng.uniform(20, 400)), 2)
        split = [total] if rng.random() < 0.7 else [round(total - 15.0, 2), 15.0]  # card + voucher
        for sequence, value in enumerate(split, start=1):
            payments.append({"order_id": order_id, "payment_sequential": sequence, "payment_value": value})
    log = orders.merge(pd.DataFrame(payments), on="order_id")
    log.loc[log.index % 7 == 0, "order_delivered_carrier_date"] = pd.NaT  # not yet shipped
    path = tmp_path / "olist_orders_payments.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(_bought(log), "customer_unique_id", "order_purchase_timestamp", "payment_value")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert (summary["frequency"] > 0).sum() == 17  # of the 20 people with three orders (some cancelled)
    assert table.report.mapping["customer_id"] == "customer_unique_id"
    assert table.report.mapping["date"] == "order_purchase_timestamp"
    assert evidence_codes(table, "customer_id") == ["customer_id_per_order"]
    assert evidence_codes(table, "date") == ["purchase_date_not_later_step"]
    unavailable = int(log["order_status"].eq("unavailable").sum())
    canceled = int(log["order_status"].eq("canceled").sum())
    assert table.report.rows_set_aside == unavailable + canceled


def test_olist_item_lines_freight_is_no_amount(tmp_path):
    # before: "freight_value" (an amount word) was the amount: revenue was the freight alone
    rng = np.random.default_rng(6)
    orders = olist_orders()
    items = [
        {"order_id": order_id, "order_item_id": item, "price": round(float(rng.uniform(10, 300)), 2),
         "freight_value": round(float(rng.uniform(7, 40)), 2),
         "shipping_limit_date": pd.Timestamp("2019-01-01")}
        for order_id in orders["order_id"]
        for item in range(1, int(rng.integers(1, 4)) + 1)
    ]  # fmt: skip
    log = orders.merge(pd.DataFrame(items), on="order_id")
    path = tmp_path / "olist_order_items.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(_bought(log), "customer_unique_id", "order_purchase_timestamp", "price")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert "amount" not in table.report.mapping and table.report.mapping["unit_price"] == "price"
    assert evidence_codes(table, "amount")[0] == "amount_is_a_component"


def erp_documents(seed: int = 8) -> pd.DataFrame:
    """Invoices and credit notes of 40 customers over two years, net, VAT and gross (all positive)."""
    rng = np.random.default_rng(seed)
    rows = []
    for number in range(300):
        net = round(float(rng.lognormal(5, 0.7)), 2)
        credit = number % 9 == 4
        rows.append(
            {
                "Belegnummer": f"{'GS' if credit else 'RE'}{500000 + number}",
                "Belegart": "Gutschrift" if credit else "Rechnung",
                "Belegdatum": pd.Timestamp("2023-01-02") + pd.Timedelta(days=int(rng.integers(0, 730))),
                "Kundennr": str(20000 + int(rng.integers(0, 40))),
                "Netto": net,
                "MwSt": round(net * 0.19, 2),
                "Brutto": round(net * 1.19, 2),
            }
        )
    return pd.DataFrame(rows)


def test_erp_invoice_list_net_amount_and_credit_notes_by_document_type(tmp_path):
    # before: neither "Netto" nor "Brutto" was an amount (revenue, RFM money and CLV empty), and the
    # credit notes (positive, told only by "Belegart") counted as 33 purchases
    documents = erp_documents()
    written = documents.assign(Belegdatum=documents["Belegdatum"].dt.strftime("%d.%m.%Y"))
    for column in ("Netto", "MwSt", "Brutto"):
        written[column] = written[column].map(lambda x: f"{x:.2f}".replace(".", ","))
    path = tmp_path / "rechnungsausgangsbuch.csv"
    written.to_csv(path, sep=";", index=False, encoding="cp1252")
    summary, table = app_summary(path)
    invoices = documents[documents["Belegart"] == "Rechnung"]
    expected = pandas_summary(invoices, "Kundennr", "Belegdatum", "Netto")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["amount"] == "Netto" and table.report.mapping["status"] == "Belegart"
    assert evidence_codes(table, "amount")[0] == "amount_net_of_vat"
    assert {rule.rule: rule.rows for rule in table.report.rules} == {"cancelled_status": 33}


def test_net_amount_is_the_amount_where_gross_comes_first(tmp_path):
    # "Gross Amount" matches the amount word as well as "Net Amount"; the net one is revenue, and said so
    documents = erp_documents()
    export = pd.DataFrame(
        {
            "Invoice No": documents["Belegnummer"],
            "Invoice Date": documents["Belegdatum"].dt.strftime("%Y-%m-%d"),
            "Customer No": documents["Kundennr"],
            "Gross Amount": documents["Brutto"],
            "Tax Amount": documents["MwSt"],
            "Net Amount": documents["Netto"],
        }
    )
    path = tmp_path / "invoices.csv"
    export.to_csv(path, index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["amount"] == "Net Amount"
    assert round(summary["revenue"].sum(), 2) == round(documents["Netto"].sum(), 2)
    evidence = table.columns["amount"].evidence[0]
    assert (evidence.code, evidence.params["gross"]) == ("amount_net_of_vat", "Gross Amount")


def superstore(seed: int = 9) -> pd.DataFrame:
    """Sample-Superstore-shaped lines: 150 orders of 35 customers, several lines per order."""
    rng = np.random.default_rng(seed)
    rows = []
    for order in range(150):
        day = pd.Timestamp("2015-01-05") + pd.Timedelta(days=int(rng.integers(0, 1400)))
        customer = f"{'ABCDE'[order % 5]}{'FGHIJ'[order % 7 % 5]}-{10000 + order % 35}"
        for _ in range(int(rng.integers(1, 4))):
            sales = round(float(rng.uniform(5, 900)), 4)
            rows.append(
                {
                    "Row ID": len(rows) + 1,
                    "Order ID": f"CA-{day.year}-{100000 + order}",
                    "Order Date": f"{day.month}/{day.day}/{day.year}",
                    "Ship Date": f"{day.month}/{min(day.day + 2, 28)}/{day.year}",
                    "Customer ID": customer,
                    "Segment": "Consumer",
                    "Sales": sales,
                    "Quantity": int(rng.integers(1, 8)),
                    "Discount": 0.2,
                    "Profit": round(sales * float(rng.uniform(-0.5, 0.4)), 4),
                }
            )
    return pd.DataFrame(rows)


def test_superstore_sales_is_the_amount_not_profit_or_discount(tmp_path):
    # already right, kept: several lines per order, month-first dates, negative profit next to sales
    log = superstore()
    path = tmp_path / "Sample - Superstore.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(log, "Customer ID", "Order Date", "Sales", date_format="%m/%d/%Y")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["amount"] == "Sales" and table.report.rows_set_aside == 0


def test_amounts_in_several_currencies_are_said_to_be_mixed(tmp_path):
    # before: EUR, USD and GBP amounts were added without a word; now a rule counts the lines not in
    # the main currency, and the amount's evidence (an assumption in the JSON) says so
    documents = erp_documents()
    currency = np.where(np.arange(len(documents)) % 5 == 0, "USD", "EUR")
    currency[np.arange(len(documents)) % 25 == 1] = "GBP"
    export = documents.rename(columns={"Netto": "Net Amount"}).assign(Currency=currency)
    path = tmp_path / "invoices.csv"
    export.drop(columns=["Belegart", "MwSt", "Brutto"]).to_csv(path, index=False)
    summary, table = app_summary(path)
    rule = next(rule for rule in table.report.rules if rule.rule == "mixed_currencies")
    assert rule.rows == 60 + 12
    assert "not in EUR" in rule.text("en") and "(USD 60, GBP 12)" in rule.text("de")
    assert "amount_mixed_currencies" in evidence_codes(table, "amount")
    assert round(summary["revenue"].sum(), 2) == round(documents["Netto"].sum(), 2)  # added as written


@pytest.mark.parametrize(("header", "sign"), [("Retourenwert", 1), ("Returns", -1), ("Return Amount", 1)])
def test_a_column_of_returned_value_is_taken_off_the_sales(tmp_path, header, sign):
    # before: a returns column without "refund" in its header was ignored, and returned goods counted as
    # sales (here 26 orders' lines: revenue too high by their whole value)
    log = superstore()
    returned = log["Order ID"].isin(log["Order ID"].drop_duplicates().iloc[::6])
    log[header] = np.where(returned, sign * log["Sales"], 0.0)
    path = tmp_path / "superstore_returns.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(log[~returned], "Customer ID", "Order Date", "Sales", date_format="%m/%d/%Y")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert {rule.rule: rule.rows for rule in table.report.rules} == {
        "refund_subtracted": int(returned.sum()),
        "refunded_in_full": int(returned.sum()),
    }


def test_net_sales_of_a_sales_report_are_not_reduced_by_its_returns_again(tmp_path):
    # a sales report by order: "Net sales" = gross sales - discounts - returns; its "Returns" column is
    # already in the net figure and must not be taken off a second time
    log = superstore()
    returns = np.where(log.index % 9 == 0, -0.25 * log["Sales"], 0.0).round(2)
    report = pd.DataFrame(
        {
            "Order": log["Order ID"],
            "Day": log["Order Date"],
            "Customer ID": log["Customer ID"],
            "Gross sales": log["Sales"],
            "Returns": returns,
            "Net sales": (log["Sales"] + returns).round(4),
        }
    )
    path = tmp_path / "sales_by_order.csv"
    report.to_csv(path, index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["amount"] == "Net sales" and table.report.rules == []
    assert round(summary["revenue"].sum(), 2) == round(report["Net sales"].sum(), 2)


def test_german_superstore_export_names_its_orders(tmp_path):
    # "Bestell-ID" was no order number (only "Bestellnummer" was): no order-level checks could run
    log = superstore().rename(
        columns={"Order ID": "Bestell-ID", "Order Date": "Bestelldatum", "Customer ID": "Kunden-ID",
                 "Sales": "Umsatz", "Quantity": "Menge", "Discount": "Rabatt", "Profit": "Gewinn"}
    )  # fmt: skip
    log["Bestelldatum"] = pd.to_datetime(log["Bestelldatum"], format="%m/%d/%Y").dt.strftime("%d.%m.%Y")
    path = tmp_path / "superstore_de.csv"
    log.to_csv(path, sep=";", decimal=",", index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["order_id"] == "Bestell-ID" and table.report.mapping["amount"] == "Umsatz"
    expected = pandas_summary(log, "Kunden-ID", "Bestelldatum", "Umsatz", date_format="%d.%m.%Y")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)


def test_a_customer_group_is_never_the_customer_of_one_time_buyers(tmp_path):
    # 80 one-time buyers: "Customer ID" is unique on every line, as a line id would be. Before, the
    # repeating "Kundengruppe" replaced it: 3 "customers" with 80 purchases between them
    rng = np.random.default_rng(2)
    log = pd.DataFrame(
        {
            "Kundengruppe": rng.choice(["Privat", "Gewerbe", "Händler"], 80),
            "Order ID": [f"A-{7000 + i}" for i in range(80)],
            "Customer ID": [f"K{300 + i}" for i in range(80)],
            "Order Date": pd.date_range("2024-01-01", periods=80, freq="3D").strftime("%Y-%m-%d"),
            "Amount": rng.uniform(10, 90, 80).round(2),
        }
    )
    path = tmp_path / "one_time_buyers.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["customer_id"] == "Customer ID"
    assert len(summary) == 80 and summary["purchases"].eq(1).all()


def test_olist_places_of_the_customer_are_not_the_person(tmp_path):
    # zip prefix, city and state come before customer_unique_id: each holds several per-order ids too,
    # but describes where a customer lives, not who they are
    orders = olist_orders().assign(customer_city="sao paulo", payment_value=50.0)
    columns = ["customer_zip_code_prefix", "customer_city", "customer_state", "customer_unique_id"]
    rest = ["order_status", "order_purchase_timestamp", "payment_value"]
    log = orders[["order_id", "customer_id", *columns, *rest]]
    path = tmp_path / "olist.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["customer_id"] == "customer_unique_id"
    expected = pandas_summary(_bought(log), "customer_unique_id", "order_purchase_timestamp", "payment_value")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)


def sap_lines(amount_header: str) -> pd.DataFrame:
    """SAP sales document lines (VBAK/VBAP-style headers): 3 positions per document, two currencies."""
    rng = np.random.default_rng(3)
    documents = np.repeat(np.arange(60), 3)
    days = pd.Timestamp("2024-01-02") + pd.to_timedelta(documents * 4, "D")
    return pd.DataFrame(
        {
            "Verkaufsbeleg": (9000000 + documents).astype(str),
            "Position": np.tile([10, 20, 30], 60),
            "Auftraggeber": (100000 + documents % 13).astype(str),
            "Belegdatum": days.strftime("%d.%m.%Y"),
            "Auftragsmenge": rng.integers(1, 5, 180),
            amount_header: rng.uniform(20, 500, 180).round(2),
            "Belegwährung": np.where(documents % 4 == 0, "USD", "EUR"),
        }
    )


def test_sap_sales_lines_sold_to_party_invoice_amount_and_document_currency(tmp_path):
    # before: "Auftraggeber" (SAP's sold-to party) was no customer (file refused: no customer id),
    # "Rechnungsbetrag" no amount, and the document currency unnoticed
    log = sap_lines("Rechnungsbetrag")
    path = tmp_path / "vbap.csv"
    log.to_csv(path, sep=";", decimal=",", index=False)
    summary, table = app_summary(path)
    mapping = table.report.mapping
    assert (mapping["customer_id"], mapping["order_id"], mapping["amount"]) == (
        "Auftraggeber", "Verkaufsbeleg", "Rechnungsbetrag"
    )  # fmt: skip
    expected = pandas_summary(log, "Auftraggeber", "Belegdatum", "Rechnungsbetrag", date_format="%d.%m.%Y")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert {rule.rule: rule.rows for rule in table.report.rules} == {"mixed_currencies": 45}


def test_an_amount_in_the_house_currency_is_not_mixed(tmp_path):
    # "Betrag in Hauswährung" is converted already: the document currency next to it is no warning
    path = tmp_path / "vbap.csv"
    sap_lines("Betrag in Hauswährung").to_csv(path, sep=";", decimal=",", index=False)
    _, table = app_summary(path)
    assert table.report.mapping["amount"] == "Betrag in Hauswährung" and table.report.rules == []


def test_a_customer_name_is_the_customer_only_where_no_id_is_given(tmp_path):
    # a Superstore-shaped export without "Customer ID": the name is the customer (as before); a
    # segment next to it never is
    log = superstore().drop(columns="Customer ID")
    log.insert(4, "Customer Name", [f"Kundin {i % 23}" for i in range(len(log))])
    path = tmp_path / "superstore_names.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    assert table.report.mapping["customer_id"] == "Customer Name" and len(summary) == 23
