"""Shop, payment and ERP purchase logs in the shapes their systems export (cxlib.transaction_columns).

Each test writes one export of the same 30 orders to ``tmp_path`` and checks the purchases and revenue
against the figures counted directly from the orders: a purchase is a customer-day with a paid order;
cancelled, refunded-in-full, failed and pending orders are no purchase; a partial refund is subtracted.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.mapping import suggest_mapping
from cxlib.transaction_columns import amount_in_cents, cancel_mark_columns, refund_column
from cxlib.value.purchases import customer_days, summarize_purchases

STATUSES = ["paid"] * 6 + ["refunded", "partially_refunded", "pending", "voided"]


def orders() -> pd.DataFrame:
    """30 orders of 8 customers over 2024; two line items each; every fourth status a non-purchase."""
    rows = []
    for number in range(30):
        day = pd.Timestamp("2024-01-05 22:30") + pd.Timedelta(days=11 * number)
        rows.append(
            {
                "order": 1001 + number,
                "customer": number % 8,
                "time": day,
                "status": STATUSES[number % len(STATUSES)],
                "lines": [(2, 12.5), (1, 30.0 + number)],
            }
        )
    frame = pd.DataFrame(rows)
    frame["total"] = frame["lines"].map(lambda lines: sum(q * p for q, p in lines))
    frame["refunded"] = frame["total"].where(frame["status"] == "refunded", 0.0)
    frame.loc[frame["status"] == "partially_refunded", "refunded"] = 10.0
    return frame


def truth(
    frame: pd.DataFrame, *, paid=("paid", "partially_refunded"), net: bool = True
) -> tuple[int, int, float]:
    """(customers, purchases, revenue) counted directly from the orders."""
    kept = frame[frame["status"].isin(paid)]
    revenue = (kept["total"] - (kept["refunded"] if net else 0)).sum()
    purchases = kept.groupby(["customer", kept["time"].dt.normalize()]).ngroups
    return kept["customer"].nunique(), purchases, round(float(revenue), 2)


def figures(path, **options) -> tuple[int, int, float, object]:
    table = load_table(str(path), table="transactions", **options).validated
    summary = summarize_purchases(customer_days(table.data)).customers
    return len(summary), int(summary["purchases"].sum()), round(float(summary["revenue"].sum()), 2), table


def rules(table) -> dict[str, int]:
    return {rule.rule: rule.rows for rule in table.report.rules}


def _line_items(frame: pd.DataFrame, path, row) -> object:
    """The orders written one line per item (``row(order, quantity, price)`` gives a line) to ``path``."""
    rows = [row(order, quantity, price) for order in frame.itertuples() for quantity, price in order.lines]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_shopify_orders_one_row_per_line_item(tmp_path):
    # e-mail as the customer, "#1001" order names, status and total on the first line only, an offset
    # after the time, a refunded amount column: before, no customer id was found (and no date read)
    frame = orders()
    rows = []
    for order in frame.itertuples():
        for position, (quantity, price) in enumerate(order.lines):
            first = position == 0
            rows.append(
                {
                    "Name": f"#{order.order}",
                    "Email": f"kunde{order.customer}@example.com",
                    "Financial Status": order.status if first else "",
                    "Total": order.total if first else "",
                    "Refunded Amount": order.refunded if first else "",
                    "Created at": order.time.strftime("%Y-%m-%d %H:%M:%S +0100"),
                    "Lineitem quantity": quantity,
                    "Lineitem price": price,
                }
            )
    path = tmp_path / "orders_export.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(frame)
    assert table.report.mapping["customer_id"] == "Email" and table.report.mapping["order_id"] == "Name"
    # the refunded and voided orders' second lines carry no status: the order's first line decides
    assert rules(table)["cancelled_status"] == 2 * 6 and rules(table)["unpaid_status"] == 2 * 3
    evidence = {e.code for meaning in table.columns.values() for e in meaning.evidence}
    assert {
        "email_as_customer_id",
        "hash_order_numbers",
        "date_header_values",
        "amount_net_of_refunds",
    } <= evidence


def test_stripe_payments_id_is_the_payment_not_the_customer(tmp_path):
    # before: "id" (first column, a synonym) was the customer: every payment its own customer
    frame = orders()
    export = pd.DataFrame(
        {
            "id": [f"ch_3N{number:08d}" for number in frame["order"]],
            "Created date (UTC)": frame["time"].dt.strftime("%Y-%m-%d %H:%M:%S"),
            "Amount": frame["total"].map("{:.2f}".format),
            "Amount Refunded": frame["refunded"].map("{:.2f}".format),
            "Currency": "eur",
            "Customer ID": [f"cus_{customer:06d}" for customer in frame["customer"]],
            "Status": frame["status"].map(
                {
                    "paid": "Paid",
                    "partially_refunded": "Paid",
                    "refunded": "Refunded",
                    "pending": "Failed",
                    "voided": "Failed",
                }
            ),
        }
    )
    path = tmp_path / "unified_payments.csv"
    export.to_csv(path, index=False)
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(frame)
    assert table.report.mapping["customer_id"] == "Customer ID" and table.report.mapping["order_id"] == "id"
    assert rules(table) == {"refund_subtracted": 6, "cancelled_status": 3, "unpaid_status": 6}


def test_stripe_api_charges_in_cents_with_unix_times_and_a_refunded_flag(tmp_path):
    frame = orders()
    export = pd.DataFrame(
        {
            "id": [f"ch_3N{number:08d}" for number in frame["order"]],
            "created": (frame["time"] - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1),
            "amount": (frame["total"] * 100).round().astype(int),
            "currency": "eur",
            "customer": [f"cus_{customer:06d}" for customer in frame["customer"]],
            "status": frame["status"].map(lambda s: "failed" if s in ("pending", "voided") else "succeeded"),
            "refunded": frame["status"] == "refunded",
        }
    )
    path = tmp_path / "charges.csv"
    export.to_csv(path, index=False)
    customers, purchases, revenue, table = figures(path)
    # this export has no partial refunds: revenue is the charged amounts of the kept charges
    assert (customers, purchases, revenue) == truth(frame, net=False)
    assert rules(table) == {"amount_in_cents": 30, "unpaid_status": 6, "cancelled_mark": 3}
    assert [e.code for e in table.columns["amount"].evidence][-1] == "amount_minor_units_api"


def test_sap_document_lines_with_a_storno_mark_and_decimal_commas(tmp_path):
    # before: "Belegdatum" was no date (no purchase at all) and "X" under "Storno" was no cancellation
    frame = orders()
    rows = []
    for order in frame.itertuples():
        for quantity, price in order.lines:
            rows.append(
                {
                    "Belegnummer": 9_000_000_000 + order.order,
                    "Belegdatum": order.time.strftime("%d.%m.%Y"),
                    "Kundennummer": 100_000 + order.customer,
                    "Menge": quantity,
                    "Betrag": f"{quantity * price:.2f}".replace(".", ","),
                    "Storno": "X" if order.status in ("refunded", "voided") else "",
                }
            )
    path = tmp_path / "belege.csv"
    pd.DataFrame(rows).to_csv(path, index=False, sep=";")
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(
        frame, paid=("paid", "partially_refunded", "pending"), net=False
    )
    assert rules(table) == {"cancelled_mark": 2 * 6}


def test_woocommerce_pending_and_failed_orders_are_no_purchase(tmp_path):
    frame = orders()
    words = {"paid": "Completed", "partially_refunded": "Completed", "refunded": "Refunded",
             "pending": "Pending payment", "voided": "Failed"}  # fmt: skip
    export = pd.DataFrame(
        {
            "Order Number": frame["order"],
            "Order Status": frame["status"].map(words),
            "Order Date": frame["time"].dt.strftime("%Y-%m-%d %H:%M"),
            "Customer User ID": frame["customer"] + 1,
            "Order Total Amount": frame["total"],
            "Order Refund Amount": frame["refunded"],
        }
    )
    path = tmp_path / "woo.csv"
    export.to_csv(path, index=False)
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(frame)
    assert rules(table)["unpaid_status"] == 6


def test_a_unique_customer_id_without_a_repeating_alternative_is_kept():
    log = pd.DataFrame({"customer_id": [str(i) for i in range(30)], "amount": ["1"] * 30})
    assert suggest_mapping(log, "transactions").matches["customer_id"].column == "customer_id"


def test_refund_amounts_and_cancel_marks_are_told_from_each_other():
    assert refund_column(["Total", "Order Refund Amount"]) == "Order Refund Amount"
    assert refund_column(["Erstattungsbetrag"]) == "Erstattungsbetrag"
    assert refund_column(["refunded", "Financial Status"]) is None
    log = pd.DataFrame({"Refunded Amount": ["0", "1"], "storniert": ["nein", "ja"], "Status": ["A", "B"]})
    marks = cancel_mark_columns(log, log.columns)
    assert list(marks) == ["storniert"] and marks["storniert"].tolist() == [False, True]


@pytest.mark.parametrize(
    ("header", "amounts", "frame", "expected"),
    [
        ("Betrag in Cent", [1999.0], pd.DataFrame({"x": [1]}), "amount_cents_header"),
        ("amount", [1999.0], pd.DataFrame({"currency": ["EUR"]}), None),  # no payment-system ids: as written
        ("amount", [19.99], pd.DataFrame({"id": ["ch_3Mx81kL"], "currency": ["eur"]}), None),
        # a dashboard export writes "55.00": currency units, even when every amount is whole
        (
            "amount",
            [55.0],
            pd.DataFrame({"id": ["ch_3Mx81kL"], "currency": ["eur"], "amount": ["55.00"]}),
            None,
        ),
    ],
)
def test_cents_only_with_evidence(header, amounts, frame, expected):
    found = amount_in_cents(header, pd.Series(amounts), frame)
    assert (found.code if found else None) == expected


def test_guest_checkouts_are_no_customer(tmp_path):
    # a shop writes customer id 0 for every guest order: before, one "customer" with a third of all orders
    frame = orders()
    guest = frame.index % 3 == 0
    export = pd.DataFrame(
        {
            "Order Number": frame["order"],
            "Order Status": "Completed",
            "Order Date": frame["time"].dt.strftime("%Y-%m-%d %H:%M"),
            "Customer User ID": (frame["customer"] + 1).where(~guest, 0),
            "Order Total Amount": frame["total"],
        }
    )
    path = tmp_path / "woo.csv"
    export.to_csv(path, index=False)
    customers, purchases, revenue, table = figures(path)
    kept = frame[~guest].assign(status="paid")
    assert (customers, purchases, revenue) == truth(kept, net=False)  # no refund column in this export
    assert rules(table) == {"guest_customer": int(guest.sum())}


def test_an_order_total_repeated_on_each_line_item_counts_once(tmp_path):
    # a line-item export writes the order's total on every line: before, revenue was summed per line
    frame = orders()
    path = _line_items(
        frame,
        tmp_path / "woo_line_items.csv",
        lambda order, quantity, price: {
            "Order Number": order.order,
            "Order Status": "Completed",
            "Order Date": order.time.strftime("%Y-%m-%d %H:%M"),
            "Customer User ID": order.customer + 1,
            "Quantity": quantity,
            "Item Cost": price,
            "Order Total Amount": order.total,
        },
    )
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(frame.assign(status="paid"), net=False)
    assert rules(table) == {"order_total_repeated": 30}  # the second line of each of the 30 orders


def test_line_amounts_that_differ_are_each_lines_own(tmp_path):
    frame = orders()
    path = _line_items(
        frame,
        tmp_path / "lines.csv",
        lambda order, quantity, price: {
            "Invoice": order.order,
            "Customer ID": order.customer,
            "Date": order.time.strftime("%Y-%m-%d"),
            "Quantity": quantity,
            "Line Total": quantity * price,
        },
    )
    customers, purchases, revenue, table = figures(path)
    assert (customers, purchases, revenue) == truth(frame.assign(status="paid"), net=False)
    assert "order_total_repeated" not in rules(table)
