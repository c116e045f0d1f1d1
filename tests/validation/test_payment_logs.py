"""Payment-account, POS, retail-line and subscription-invoice logs (cxlib.transaction_columns).

Each test writes one synthetic export of a known shape to ``tmp_path`` (PayPal's activity download in
English and German, ...) and checks the per-customer purchase figures against a direct pandas
computation: a purchase is a customer-day of money the customer paid for a sale.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table
from tests.validation.test_order_logs import app_summary, evidence_codes, pandas_summary

MERCHANT = "shop@haendler-beispiel.de"
SALES = ("Express Checkout Payment", "Website Payment", "Mobile Payment")
PAYPAL_EN = ["Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net",
             "From Email Address", "To Email Address", "Transaction ID", "Item Title", "Option 1 Value",
             "Reference Txn ID", "Invoice Number", "Custom Number", "Quantity", "Balance"]  # fmt: skip
PAYPAL_DE = ["Datum", "Uhrzeit", "Zeitzone", "Name", "Typ", "Status", "Währung", "Brutto", "Gebühr", "Netto",
             "Absender E-Mail-Adresse", "Empfänger E-Mail-Adresse", "Transaktionscode", "Artikelbezeichnung",
             "Option 1 Wert", "Zugehöriger Transaktionscode", "Rechnungsnummer", "Zollnummer", "Anzahl",
             "Guthaben"]  # fmt: skip
GERMAN_WORDS = {
    "Express Checkout Payment": "Express-Checkout-Zahlung", "Website Payment": "Website-Zahlung",
    "Mobile Payment": "Mobile Zahlung", "General Currency Conversion": "Allgemeine Währungsumrechnung",
    "Payment Refund": "Rückzahlung", "General Withdrawal": "Allgemeine Abbuchung",
    "Completed": "Abgeschlossen", "Pending": "Ausstehend", "Denied": "Abgelehnt", "Reversed": "Rückbuchung",
}  # fmt: skip


def paypal_activity(seed: int = 3) -> pd.DataFrame:
    """A merchant's PayPal activity: payments of 40 buyers (some pending, denied or reversed), each with
    PayPal's fee, refunds to buyers, currency conversions and monthly withdrawals to the bank, all from or
    to the merchant's own address; ``Balance`` is the running account balance."""
    rng = np.random.default_rng(seed)
    rows, balance = [], 800.0

    def line(when, kind, status, gross, fee, sender, receiver, name="", currency="EUR"):
        nonlocal balance
        balance += gross + fee if status == "Completed" else 0.0
        rows.append({"when": when, "Name": name, "Type": kind, "Status": status, "Currency": currency,
                     "Gross": gross, "Fee": fee, "Net": round(gross + fee, 2), "From": sender, "To": receiver,
                     "Balance": round(balance, 2)})  # fmt: skip

    start = pd.Timestamp("2023-01-02 08:00")
    for k in range(300):
        buyer = int(rng.integers(0, 40))
        when = start + pd.Timedelta(minutes=int(rng.integers(0, 500 * 24 * 60)))
        gross = round(float(rng.uniform(9, 900)), 2)
        status = ["Completed"] * 9 + ["Pending", "Denied", "Reversed"]
        state = status[int(rng.integers(0, len(status)))]
        kind = SALES[k % 3]
        mail, fee = f"b{buyer}@mail.de", -round(gross * 0.0249 + 0.35, 2)
        currency = "USD" if k % 15 == 0 else "EUR"
        line(when, kind, state, gross, fee, mail, MERCHANT, f"B {buyer}", currency)
        if state == "Completed" and k % 9 == 0:
            line(
                when + pd.Timedelta(days=4),
                "Payment Refund",
                "Completed",
                -gross,
                0.35,
                MERCHANT,
                mail,
                "",
                currency,
            )
        if currency == "USD":  # converted: the dollars leave from the merchant, the euros arrive from no one
            line(when, "General Currency Conversion", "Completed", -gross, 0.0, MERCHANT, "", "", "USD")
            line(when, "General Currency Conversion", "Completed", round(gross * 0.9, 2), 0.0, "", MERCHANT)
    for month in range(16):
        payday = start + pd.Timedelta(days=30 * month + 29)
        line(payday, "General Withdrawal", "Completed", -1500.0, 0.0, MERCHANT, "")
    return pd.DataFrame(rows).sort_values("when", kind="stable").reset_index(drop=True)


def _money(value: float, german: bool) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if german else text


def write_paypal(log: pd.DataFrame, path, german: bool) -> None:
    """The activity download as PayPal writes it: quoted text, dates M/D/Y (English) or D.M.Y (German),
    decimal commas in German, empty option, invoice and custom-number columns."""
    words = GERMAN_WORDS if german else {}
    cells = [
        log["when"].dt.strftime("%d.%m.%Y" if german else "%m/%d/%Y"), log["when"].dt.strftime("%H:%M:%S"),
        "MEZ" if german else "PST", log["Name"], log["Type"].replace(words), log["Status"].replace(words),
        log["Currency"], *(log[c].map(lambda v: _money(v, german)) for c in ("Gross", "Fee", "Net")),
        log["From"], log["To"], [f"{9 - i % 9}T{i:05d}K{i * 7919 % 99991:05d}" for i in range(len(log))],
        "", "", "", "", "", "1", log["Balance"].map(lambda v: _money(v, german)),
    ]  # fmt: skip
    headers = PAYPAL_DE if german else PAYPAL_EN
    frame = pd.DataFrame(dict(zip(headers, cells, strict=True)))
    frame.to_csv(path, index=False, quoting=1, encoding="utf-8-sig")


@pytest.mark.parametrize("german", [False, True], ids=["english", "german"])
def test_paypal_activity_download_revenue_is_the_buyers_completed_gross(tmp_path, german):
    # before, English: the empty "Custom Number" was the customer id (no usable row: an error); German: the
    # empty "Option 1 Wert" was the amount (no revenue at all), withdrawals and refunds from the merchant's
    # own address made the merchant a customer with purchases, and "Netto" (after PayPal's fee) was the
    # net amount; "Reversed" / "Rückbuchung" payments counted as purchases
    log = paypal_activity()
    path = tmp_path / ("Download_de.CSV" if german else "Download.CSV")
    write_paypal(log, path, german)
    summary, table = app_summary(path)
    sales = log[log["Type"].isin(SALES) & log["Status"].eq("Completed")]
    expected = pandas_summary(sales, "From", "when", "Gross")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert MERCHANT not in summary.index
    assert table.report.mapping["amount"] == ("Brutto" if german else "Gross")
    assert "amount_gross_before_fees" in evidence_codes(table, "amount")
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    other = ~log["Type"].isin(SALES)
    assert rules["not_a_sale"] == int(other.sum())  # conversions arriving from no one are named too
    assert "missing_required" not in rules
    assert rules["cancelled_status"] == int(log["Status"].eq("Reversed").sum())
    assert table.report.rows_used == len(sales)
    # the dollars of the sales used, not those of refunds and conversions set aside
    mixed = next(rule.rows for rule in table.report.rules if rule.rule == "mixed_currencies")
    assert mixed == int(sales["Currency"].eq("USD").sum())


def subscription_invoices(seed: int = 4) -> pd.DataFrame:
    """Monthly invoices of 50 subscribers: paid (some with credits applied, so the paid amount is less
    than the total), voided, not paid, payment due or past due."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(50):
        start = pd.Timestamp("2022-01-03 09:30") + pd.Timedelta(days=int(rng.integers(0, 300)))
        plan = float(rng.choice([19.0, 49.0, 99.0]))
        for month in range(int(rng.integers(1, 20))):
            state = ["paid"] * 12 + ["voided", "not_paid", "payment_due", "past_due"]
            state = state[int(rng.integers(0, len(state)))]
            credits = float(rng.choice([0.0, 0.0, 10.0])) if state == "paid" else 0.0
            rows.append({"when": start + pd.DateOffset(months=month), "customer": f"cus_{person:04d}",
                         "state": state, "total": plan, "credits": credits,
                         "paid": plan - credits if state == "paid" else 0.0,
                         "due": 0.0 if state in ("paid", "voided") else plan})  # fmt: skip
    return pd.DataFrame(rows).sort_values("when", kind="stable").reset_index(drop=True)


def test_chargebee_invoices_revenue_is_the_amount_paid(tmp_path):
    # before: "Invoice Date" written 05-Mar-2022 10:00 was no date (no purchase figures at all), the
    # invoice total was the revenue (credits applied counted as paid) and "Payment Due" invoices were sales
    log = subscription_invoices()
    label = {"paid": "Paid", "voided": "Voided", "not_paid": "Not Paid", "payment_due": "Payment Due",
             "past_due": "Payment Due"}  # fmt: skip
    export = pd.DataFrame({
        "Invoice Number": [f"{1000 + i}" for i in range(len(log))],
        "Invoice Date": log["when"].dt.strftime("%d-%b-%Y %H:%M"), "Customer Id": log["customer"],
        "Customer Email": log["customer"] + "@firma.example", "Subscription Id": log["customer"] + "_sub",
        "Recurring": "true", "Status": log["state"].map(label), "Currency": "EUR", "Amount": log["total"],
        "Amount Paid": log["paid"], "Amount Adjusted": 0.0, "Credits Applied": log["credits"],
        "Amount Due": log["due"], "Paid On": log["when"].dt.strftime("%d-%b-%Y").where(log["paid"] > 0, ""),
    })  # fmt: skip
    path = tmp_path / "Invoices.csv"
    export.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(log[log["state"].eq("paid")], "customer", "when", "paid")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert evidence_codes(table, "amount")[0] == "amount_paid_not_total"


def test_recurly_invoice_state_says_which_invoices_were_paid(tmp_path):
    # before: the "state" column was not read: voided, failed and past-due invoices were purchases, and
    # the total (not the paid part) was the revenue
    log = subscription_invoices(seed=5)
    state = log["state"].replace({"not_paid": "failed", "payment_due": "open"})
    export = pd.DataFrame({
        "account_code": log["customer"], "invoice_number": range(5000, 5000 + len(log)), "state": state,
        "currency": "USD", "subtotal": log["total"], "total": log["total"], "paid": log["paid"],
        "balance": log["due"], "created_at": log["when"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
    })  # fmt: skip
    path = tmp_path / "invoices_export.csv"
    export.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(log[state.eq("paid")], "customer", "when", "paid")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["status"] == "state"
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    assert rules["cancelled_status"] == int(state.eq("voided").sum())
    assert rules["unpaid_status"] == int(state.isin(["failed", "past_due"]).sum())
    assert rules["nothing_paid"] == int(state.eq("open").sum())  # an open invoice: nothing paid yet


def till_journal(seed: int = 6) -> pd.DataFrame:
    """A German till's journal (Kassenjournal): one line per item and receipt ("Bon-Nr."), a customer
    number only for loyalty-card holders, and "Storno" lines that take back an item of their receipt with
    negative quantity and price."""
    rng = np.random.default_rng(seed)
    rows = []
    for receipt in range(10001, 10601):
        when = pd.Timestamp("2023-06-01 08:00") + pd.Timedelta(minutes=int(rng.integers(0, 400 * 24 * 60)))
        customer = f"K{int(rng.integers(1, 60)):04d}" if rng.random() < 0.5 else ""
        for item in range(int(rng.integers(1, 5))):
            quantity, price = int(rng.integers(1, 4)), round(1.5 + 0.7 * int(rng.integers(0, 30)), 2)
            line = {"receipt": receipt, "when": when, "item": f"A{item:03d}", "quantity": quantity,
                    "price": price, "total": round(quantity * price, 2), "customer": customer, "storno": "",
                    "taken_back": False}  # fmt: skip
            rows.append(line)
            if item == 0 and rng.random() < 0.06:
                line["taken_back"] = True
                rows.append(
                    {
                        **line,
                        "quantity": -quantity,
                        "total": -line["total"],
                        "storno": "ja",
                        "taken_back": False,
                    }
                )
    return pd.DataFrame(rows)


def test_till_journal_storno_lines_take_back_the_sale_of_their_receipt(tmp_path):
    # before: the Storno line was set aside but the sale it takes back stayed a purchase (revenue too
    # high by the cancelled items; receipts whose only item was cancelled counted as purchases), and
    # "Bon-Nr." was no order number
    log = till_journal()
    german = lambda values: values.map(lambda v: f"{v:.2f}".replace(".", ","))  # noqa: E731
    export = pd.DataFrame({
        "Bon-Nr.": log["receipt"], "Datum": log["when"].dt.strftime("%d.%m.%Y"),
        "Uhrzeit": log["when"].dt.strftime("%H:%M:%S"), "Kasse": "Kasse 1", "Artikel-Nr.": log["item"],
        "Menge": log["quantity"], "Einzelpreis": german(log["price"]), "Gesamtpreis": german(log["total"]),
        "MwSt-Satz": "19 %", "Zahlart": "EC-Karte", "Storno": log["storno"], "Kunden-Nr.": log["customer"],
    })  # fmt: skip
    path = tmp_path / "Kassenjournal.csv"
    export.to_csv(path, index=False, sep=";", encoding="cp1252")
    summary, table = app_summary(path)
    sold = log[log["customer"].ne("") & log["storno"].eq("") & ~log["taken_back"]]
    expected = pandas_summary(sold, "customer", "when", "total")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["order_id"] == "Bon-Nr."
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    with_card = log["customer"].ne("")
    assert rules["reversed_sale"] == int((log["taken_back"] & with_card).sum())
    assert rules["cancelled_mark"] == int((log["storno"].eq("ja") & with_card).sum())


def retail_lines(seed: int, first_invoice: int, start: str) -> pd.DataFrame:
    """A year of Online Retail II lines: invoices of several lines, a blank "Customer ID" on some, "C"
    invoices that cancel with negative quantities."""
    rng = np.random.default_rng(seed)
    rows = []
    for invoice in range(first_invoice, first_invoice + 150):
        when = pd.Timestamp(start) + pd.Timedelta(minutes=int(rng.integers(0, 360 * 24 * 60)))
        customer = float(12346 + int(rng.integers(0, 40))) if rng.random() < 0.85 else np.nan
        cancelled = rng.random() < 0.05
        for _ in range(int(rng.integers(1, 8))):
            quantity = int(rng.choice([1, 2, 6, 12]))
            rows.append({"Invoice": f"C{invoice}" if cancelled else str(invoice),
                         "StockCode": f"{int(rng.integers(20000, 90000))}", "Description": "ITEM",
                         "Quantity": -quantity if cancelled else quantity, "InvoiceDate": when,
                         "Price": round(float(rng.uniform(0.4, 9)), 2), "Customer ID": customer,
                         "Country": "United Kingdom"})  # fmt: skip
    return pd.DataFrame(rows)


def test_online_retail_workbook_split_by_year_is_one_purchase_log(tmp_path):
    # before: only the sheet with more cells was read (one year): a customer's purchases of the other
    # year were missing from purchases, revenue, frequency, recency and T
    years = {"Year 2009-2010": retail_lines(1, 489434, "2009-12-01"),
             "Year 2010-2011": retail_lines(2, 536365, "2010-12-01")}  # fmt: skip
    path = tmp_path / "online_retail_II.xlsx"
    with pd.ExcelWriter(path) as writer:
        for name, lines in years.items():
            lines.to_excel(writer, sheet_name=name, index=False)
    summary, table = app_summary(path)
    log = pd.concat(years.values(), ignore_index=True)
    kept = log[log["Customer ID"].notna() & ~log["Invoice"].str.startswith("C")].copy()
    kept["customer"] = kept["Customer ID"].astype(int).astype(str)
    kept["amount"] = kept["Quantity"] * kept["Price"]
    expected = pandas_summary(kept, "customer", "InvoiceDate", "amount")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.sheet == "Year 2009-2010 + Year 2010-2011"
    assert [note.key for note in table.report.notes] == ["reading.note.sheets_joined"]


def test_shared_online_retail_workbook_reads_both_years(shared_data):
    loaded = load_table(shared_data / "online_retail_ii_two_sheets.xlsx", table="transactions")
    raw = pd.concat(pd.read_excel(shared_data / "online_retail_ii_two_sheets.xlsx", sheet_name=None).values())
    kept = raw[raw["Customer ID"].notna() & ~raw["Invoice"].astype(str).str.startswith("C")]
    kept = kept[~kept["StockCode"].isin(["POST", "C2", "DOT"])]  # postage and carriage sell no product
    data = loaded.validated.data
    assert data["amount"].sum() == pytest.approx((kept["Quantity"] * kept["Price"]).sum())  # 61,207.61
    assert data["customer_id"].nunique() == kept["Customer ID"].nunique() == 115
    assert loaded.sheets[0] == loaded.sheet  # the joined sheets come first in the sheet choice


def test_online_retail_lines_without_a_product_are_no_purchase_of_goods(tmp_path):
    # before: postage, carriage, manual adjustments and bank charges of customers were goods bought
    # (revenue and average order value too high; a postage-only invoice was a purchase)
    log = retail_lines(3, 536365, "2010-12-01")
    rng = np.random.default_rng(9)
    fees = [(540001, "POST", "POSTAGE", 18.0), (540002, "M", "Manual", 312.5),
            (540003, "BANK CHARGES", "Bank Charges", 15.0), (540004, "C2", "CARRIAGE", 50.0),
            (540005, "DOT", "DOTCOM POSTAGE", 11.8),
            (540006, "22423", "PIGGY BANK RETROSPOT", 12.75)]  # fmt: skip
    extra = []
    for invoice, code, text, price in fees * 3:
        customer = float(12346 + int(rng.integers(0, 40)))
        when = pd.Timestamp("2011-03-01") + pd.Timedelta(hours=int(rng.integers(0, 4000)))
        extra.append({"Invoice": str(invoice), "StockCode": code, "Description": text, "Quantity": 1,
                      "InvoiceDate": when, "Price": price, "Customer ID": customer})  # fmt: skip
    extra.append(
        {**extra[0], "Invoice": "C541000", "StockCode": "D", "Description": "Discount", "Quantity": -1}
    )
    log = pd.concat([log, pd.DataFrame(extra)], ignore_index=True)
    uci = log.rename(columns={"Invoice": "InvoiceNo", "Price": "UnitPrice", "Customer ID": "CustomerID"})
    uci["InvoiceDate"] = uci["InvoiceDate"].map(
        lambda t: f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"
    )
    uci["CustomerID"] = uci["CustomerID"].map(lambda v: "" if pd.isna(v) else str(int(v)))
    path = tmp_path / "Online Retail.csv"
    uci.to_csv(path, index=False, encoding="latin-1")
    summary, table = app_summary(path)
    goods = ~log["StockCode"].isin(["POST", "M", "BANK CHARGES", "C2", "DOT", "D"])
    kept = log[goods & log["Customer ID"].notna() & ~log["Invoice"].str.startswith("C")].copy()
    kept["customer"] = kept["Customer ID"].astype(int).astype(str)
    kept["amount"] = kept["Quantity"] * kept["Price"]
    expected = pandas_summary(kept, "customer", "InvoiceDate", "amount")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    assert rules["not_a_product"] == 16  # 15 fee and postage lines and the discount; the piggy bank is goods


def test_paddle_transactions_revenue_is_the_subtotal_before_tax(tmp_path):
    # before: "total" (the subtotal plus the VAT in "tax") was the revenue, though the log has the net
    log = subscription_invoices(seed=7)
    state = log["state"].replace({"voided": "canceled", "not_paid": "past_due", "payment_due": "past_due"})
    state = state.replace({"paid": "completed"})
    tax = (log["total"] * 0.19).round(2)
    export = pd.DataFrame({
        "id": [f"txn_01h{i:06d}" for i in range(len(log))], "status": state, "customer_id": log["customer"],
        "currency_code": "EUR", "subtotal": log["total"], "tax": tax, "total": log["total"] + tax,
        "fee": ((log["total"] + tax) * 0.05 + 0.5).round(2),
        "billed_at": log["when"].dt.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
    })  # fmt: skip
    path = tmp_path / "transactions.csv"
    export.to_csv(path, index=False)
    summary, table = app_summary(path)
    expected = pandas_summary(log[state.eq("completed")], "customer", "when", "total")
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["amount"] == "subtotal"
    assert evidence_codes(table, "amount")[0] == "amount_net_of_vat"


def test_storno_marked_line_with_positive_quantity_takes_back_its_sale(tmp_path):
    # some tills write the Storno line with the quantity as sold and only the price negative, marked "X";
    # before, the sale it takes back stayed a purchase
    log = till_journal(seed=8)
    storno = log["storno"].eq("ja")
    log.loc[storno, "quantity"] = -log.loc[storno, "quantity"]
    export = pd.DataFrame({
        "Belegnr": log["receipt"], "Datum": log["when"].dt.strftime("%d.%m.%Y %H:%M"),
        "Menge": log["quantity"], "Betrag": log["total"], "Storno": storno.map({True: "X", False: ""}),
        "Kundennummer": log["customer"],
    })  # fmt: skip
    path = tmp_path / "journal.csv"
    export.to_csv(path, index=False, sep=";", decimal=",")
    summary, table = app_summary(path)
    sold = log[log["customer"].ne("") & ~storno & ~log["taken_back"]]
    pd.testing.assert_frame_equal(
        summary, pandas_summary(sold, "customer", "when", "total"), check_dtype=False, check_index_type=False
    )
    assert {rule.rule for rule in table.report.rules} >= {"cancelled_mark", "reversed_sale"}
