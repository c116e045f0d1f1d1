"""Well-known public purchase and transaction logs, as managers download them to try a tool.

Each test writes one file shaped like the published set (its headers, codes and quirks) to ``tmp_path``
and checks the customer value figures the app computes against a direct pandas computation: a purchase
is a customer-day, and lines that are no purchase of the customer (a view in an event log, a fraudulent
card payment, an order the workbook lists as returned) are set aside and counted.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cxlib.cli import main
from cxlib.intake import load_table
from tests.purchase_reference import app_summary
from tests.purchase_reference import pandas_purchase_summary as pandas_summary


def rules(table) -> dict[str, int]:
    return {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}


def analyze(capsys, path) -> dict:
    code = main(["analyze", "--transactions", str(path), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def _hex(rng: np.random.Generator, n: int) -> str:
    return "".join(rng.choice(list("0123456789abcdef"), n))


def behaviour_log(events: list[str], header: str = "event_type", seed: int = 3) -> pd.DataFrame:
    """Kaggle's "eCommerce behavior data from multi category store" (2019-Oct.csv): one row per event of a
    user's session, ``price`` the product's price, times written with " UTC"."""
    rng = np.random.default_rng(seed)
    users = [int(rng.integers(500_000_000, 600_000_000)) for _ in range(120)]
    rows = []
    for _ in range(2500):
        moment = pd.Timestamp("2019-10-01") + pd.Timedelta(seconds=int(rng.integers(0, 61 * 86400)))
        rows.append(
            {
                "event_time": moment.strftime("%Y-%m-%d %H:%M:%S") + " UTC",
                header: events[int(rng.integers(0, len(events)))],
                "product_id": int(rng.integers(1_000_000, 60_000_000)),
                "category_id": 2053013555631882655,
                "category_code": rng.choice(["electronics.smartphone", "appliances.kitchen.washer"]),
                "brand": rng.choice(["samsung", "apple", "xiaomi"]),
                "price": round(float(rng.uniform(5, 900)), 2),
                "user_id": users[int(rng.integers(0, len(users)))],
                "user_session": f"{_hex(rng, 8)}-7c1a-4d3e-9f0b-{_hex(rng, 12)}",
            }
        )
    return pd.DataFrame(rows).sort_values("event_time", ignore_index=True)


@pytest.mark.parametrize(
    ("header", "events", "bought"),
    [
        ("event_type", ["view"] * 12 + ["cart"] * 3 + ["remove_from_cart"] + ["purchase"] * 2, "purchase"),
        # Retailrocket's events.csv, a GA4 export and a German shop's tracking export
        ("event", ["view"] * 10 + ["addtocart"] * 2 + ["transaction"], "transaction"),
        ("event_name", ["page_view", "view_item", "add_to_cart", "begin_checkout", "purchase", "refund"],
         "purchase"),
        ("Ereignis", ["Ansicht"] * 6 + ["Warenkorb"] * 2 + ["Kauf"], "Kauf"),
        ("Aktion", ["Seitenaufruf", "Produktansicht", "In den Warenkorb", "Bestellung abgeschlossen"],
         "Bestellung abgeschlossen"),
    ],
)  # fmt: skip
def test_an_event_logs_views_and_carts_are_no_purchases(tmp_path, header, events, bought):
    # before: every view, cart and checkout start was a purchase at the product's price (2019-Oct
    # shaped probe: 900 customers, 13,241 purchases, revenue 6.8 M; pandas on the purchases: 732, 1,488,
    # 696 k)
    log = behaviour_log(events, header)
    path = tmp_path / "2019-Oct.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    purchases = log[log[header] == bought]
    times = pd.to_datetime(purchases["event_time"].str.removesuffix(" UTC"))
    expected = pandas_summary(purchases["user_id"], times, purchases["price"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert rules(table) == {"not_a_purchase_event": len(log) - len(purchases)}
    assert table.report.rows_used == len(purchases)


def card_transactions(seed: int = 11) -> pd.DataFrame:
    """Kaggle's credit card transactions (fraudTrain.csv): an unnamed index column, the card number
    ``cc_num`` as the only key of the holder, ``amt``, the holder's name and address on every line and
    ``is_fraud`` 0/1."""
    rng = np.random.default_rng(seed)
    holders = [(int(rng.integers(10**15, 10**16)), f"First{i}", f"Last{i}") for i in range(60)]
    rows = []
    for _ in range(3000):
        card, first, last = holders[int(rng.integers(0, len(holders)))]
        moment = pd.Timestamp("2019-01-01") + pd.Timedelta(seconds=int(rng.integers(0, 540 * 86400)))
        rows.append(
            {
                "trans_date_trans_time": moment.strftime("%Y-%m-%d %H:%M:%S"),
                "cc_num": card,
                "merchant": "fraud_" + rng.choice(["Rippin, Kub and Mann", "Lind-Buckridge"]),
                "category": rng.choice(["grocery_pos", "gas_transport", "shopping_net", "misc_net"]),
                "amt": round(float(rng.lognormal(3.5, 1.1)), 2),
                "first": first,
                "last": last,
                "gender": rng.choice(["F", "M"]),
                "street": "561 Perry Cove",
                "city": "Moravian Falls",
                "state": "NC",
                "zip": 28654,
                "city_pop": 3495,
                "job": "Psychologist, counselling",
                "dob": "1988-03-09",
                "trans_num": _hex(rng, 32),
                "unix_time": int(moment.timestamp()) - 189_000_000,
                "is_fraud": int(rng.random() < 0.04),
            }
        )
    return pd.DataFrame(rows).sort_values("trans_date_trans_time", ignore_index=True)


def test_a_card_log_is_counted_per_card_without_the_fraudulent_lines(tmp_path, capsys):
    # before: "No column for the required field Customer ID" (cc_num and amt were not recognised); the
    # lines marked is_fraud would have been the card holder's spend
    log = card_transactions()
    path = tmp_path / "fraudTrain.csv"
    log.to_csv(path)  # with the unnamed index column, as published
    summary, table = app_summary(path)
    genuine = log[log["is_fraud"] == 0]
    expected = pandas_summary(
        genuine["cc_num"], pd.to_datetime(genuine["trans_date_trans_time"]), genuine["amt"]
    )
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["customer_id"] == "cc_num" and table.report.mapping["amount"] == "amt"
    assert rules(table) == {"fraud_mark": int(log["is_fraud"].sum())}
    # the card standing for the customer is an assumption, said beside the figures
    document = analyze(capsys, path)
    assumed = [(a["code"], a["params"]["header"]) for a in document["assumptions"]]
    assert ("card_as_customer", "cc_num") in assumed
    assert document["value"]["customers"] == genuine["cc_num"].nunique()


def sales_data_sample(seed: int = 5) -> pd.DataFrame:
    """Kaggle's sales_data_sample.csv (latin-1): customers only by CUSTOMERNAME, ORDERDATE "2/24/2003 0:00",
    PRICEEACH capped at 100 (so SALES is no quantity × price), a STATUS per order."""
    rng = np.random.default_rng(seed)
    names = ["Land of Toys Inc.", "Reims Collectables", "Toms Spezialitäten, Ltd", "Euro Shopping Channel",
             "Québec Home Shopping Network", "Mini Gifts Distributors Ltd.", "La Rochelle Gifts",
             "Dragon Souveniers, Ltd."]  # fmt: skip
    rows = []
    for number in range(10100, 10220):
        day = pd.Timestamp("2003-01-06") + pd.Timedelta(days=int(rng.integers(0, 880)))
        status = rng.choice(["Shipped"] * 8 + ["Cancelled", "On Hold", "Disputed", "Resolved"])
        name = names[int(rng.integers(0, len(names)))]
        for line in range(1, int(rng.integers(2, 8))):
            quantity, msrp = int(rng.integers(20, 60)), int(rng.integers(33, 214))
            price = round(msrp * float(rng.uniform(0.8, 1.2)), 2)
            rows.append(
                {"ORDERNUMBER": number, "QUANTITYORDERED": quantity, "PRICEEACH": min(price, 100.0),
                 "ORDERLINENUMBER": line, "SALES": round(quantity * price, 2),
                 "ORDERDATE": f"{day.month}/{day.day}/{day.year} 0:00", "STATUS": status,
                 "QTR_ID": (day.month - 1) // 3 + 1, "MONTH_ID": day.month, "YEAR_ID": day.year,
                 "PRODUCTLINE": "Classic Cars", "MSRP": msrp, "PRODUCTCODE": f"S10_{1000 + line}",
                 "CUSTOMERNAME": name, "PHONE": "26.47.1555", "COUNTRY": "France", "TERRITORY": "EMEA",
                 "CONTACTLASTNAME": "Henriot", "CONTACTFIRSTNAME": "Paul",
                 "DEALSIZE": "Small" if quantity * price < 3000 else "Medium"}
            )  # fmt: skip
    return pd.DataFrame(rows)


def test_a_customer_name_standing_for_the_customer_is_said(tmp_path, capsys):
    # the figures were right before, but nothing said that two customers of one name count as one
    log = sales_data_sample()
    path = tmp_path / "sales_data_sample.csv"
    log.to_csv(path, index=False, encoding="latin-1")
    summary, _ = app_summary(path)
    bought = log[~log["STATUS"].isin(["Cancelled", "On Hold"])]
    dates = pd.to_datetime(bought["ORDERDATE"], format="%m/%d/%Y %H:%M")
    expected = pandas_summary(bought["CUSTOMERNAME"], dates, bought["SALES"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    document = analyze(capsys, path)
    assumed = [(a["code"], a["params"]["header"]) for a in document["assumptions"]]
    assert assumed == [("customer_name_as_id", "CUSTOMERNAME")]


def superstore_orders(seed: int = 8) -> pd.DataFrame:
    """The Orders sheet of Sample - Superstore.xlsx: Row ID, "CA-2016-152156" order ids, one row per
    product, Sales (the line amount), Quantity, Discount and Profit (negative on some lines)."""
    rng = np.random.default_rng(seed)
    rows = []
    for number in range(400):
        day = pd.Timestamp("2014-01-03") + pd.Timedelta(days=int(rng.integers(0, 1460)))
        customer = f"CG-{12520 + 15 * int(rng.integers(0, 70))}"
        order = f"{rng.choice(['CA', 'US'])}-{day.year}-{100000 + number * 7}"
        for _ in range(int(rng.integers(1, 5))):
            sales = round(float(rng.uniform(2, 900)), 4)
            rows.append(
                {"Row ID": len(rows) + 1, "Order ID": order, "Order Date": day,
                 "Ship Date": day + pd.Timedelta(days=4), "Ship Mode": "Standard Class",
                 "Customer ID": customer, "Customer Name": "Claire Gute", "Segment": "Consumer",
                 "Country": "United States",
                 "City": "Henderson", "State": "Kentucky", "Postal Code": 42420, "Region": "South",
                 "Product ID": "FUR-BO-10001798", "Category": "Furniture",
                 "Sub-Category": "Bookcases", "Product Name": "Bush Somerset Collection Bookcase",
                 "Sales": sales, "Quantity": int(rng.integers(1, 9)), "Discount": 0.2,
                 "Profit": round(sales * float(rng.uniform(-0.5, 0.4)), 4)}
            )  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("sheet", "columns"),
    [("Returns", ["Returned", "Order ID"]), ("Retouren", ["Bestellnummer", "Retoure"])],
)
def test_orders_a_workbooks_returns_sheet_lists_are_no_purchases(tmp_path, sheet, columns):
    # before: the Orders sheet was read alone, so the returned orders counted as purchases and revenue
    orders = superstore_orders()
    returned = orders["Order ID"].drop_duplicates().sample(40, random_state=1)
    marks = pd.Series(["Yes"] * 36 + ["No"] * 4, index=returned.index)  # a "No" is no return
    path = tmp_path / "Sample - Superstore.xlsx"
    if sheet == "Retouren":  # a German workbook: the order header of its own log
        orders = orders.rename(columns={"Order ID": "Bestellnummer"})
        marks = marks.replace({"Yes": "ja", "No": "nein"})
    order_header = columns[0] if sheet == "Retouren" else columns[1]
    mark_header = columns[1] if sheet == "Retouren" else columns[0]
    returns = pd.DataFrame({order_header: returned.to_numpy(), mark_header: marks.to_numpy()})[columns]
    with pd.ExcelWriter(path) as workbook:
        orders.to_excel(workbook, sheet_name="Orders", index=False)
        returns.to_excel(workbook, sheet_name=sheet, index=False)
        pd.DataFrame({"Person": ["Anna Andreadi"], "Region": ["West"]}).to_excel(
            workbook, sheet_name="People", index=False
        )
    summary, table = app_summary(path)
    gone = returns.loc[returns[mark_header].isin(["Yes", "ja"]), order_header]
    kept = orders[~orders[order_header].isin(gone)]
    expected = pandas_summary(kept["Customer ID"], kept["Order Date"], kept["Sales"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert rules(table) == {"returned_order": len(orders) - len(kept)}
    assert table.report.sheet == "Orders"
    # a sheet that lists orders without a word of returns takes nothing away
    other = tmp_path / "orders.xlsx"
    with pd.ExcelWriter(other) as workbook:
        orders.to_excel(workbook, sheet_name="Orders", index=False)
        returns.rename(columns={mark_header: "Priority"}).to_excel(
            workbook, sheet_name="Priority", index=False
        )
    assert rules(load_table(str(other), table="transactions").validated) == {}


def online_retail(seed: int = 2) -> pd.DataFrame:
    """UCI's Online Retail (one year, Dec 2010 - Dec 2011): "C" invoices, CustomerID blank for guests."""
    rng = np.random.default_rng(seed)
    rows = []
    for invoice in range(536365, 536365 + 900):
        moment = pd.Timestamp("2010-12-01 08:26") + pd.Timedelta(minutes=int(rng.integers(0, 373 * 24 * 60)))
        customer = np.nan if rng.random() < 0.15 else float(12346 + 7 * int(rng.integers(0, 150)))
        cancelled = rng.random() < 0.04
        for _ in range(int(rng.integers(1, 5))):
            quantity = int(rng.integers(1, 25))
            rows.append(
                {"InvoiceNo": f"{'C' if cancelled else ''}{invoice}", "StockCode": "85123A",
                 "Description": "WHITE HANGING HEART T-LIGHT HOLDER",
                 "Quantity": -quantity if cancelled else quantity,
                 "InvoiceDate": f"{moment.month}/{moment.day}/{moment.year} {moment.hour}:{moment:%M}",
                 "UnitPrice": round(float(rng.uniform(0.4, 15)), 2), "CustomerID": customer,
                 "Country": "United Kingdom"}
            )  # fmt: skip
    return pd.DataFrame(rows)


def test_a_log_too_short_for_any_clv_never_claims_the_simple_one_is_shown(tmp_path, capsys):
    # before: "Only … customers bought again before the split …: no purchase model; the CLV shown uses
    # the simple formula", then "The simple CLV needs two years of purchases …: not computed"
    log = online_retail()
    path = tmp_path / "Online Retail.csv"
    log.to_csv(path, index=False)
    value = analyze(capsys, path)["value"]
    bought = log[log["CustomerID"].notna() & ~log["InvoiceNo"].str.startswith("C")]
    assert value["customers"] == bought["CustomerID"].nunique()
    assert value["revenue"] == pytest.approx((bought["Quantity"] * bought["UnitPrice"]).sum())
    assert value["clv"] is None
    assert not any("CLV shown" in note for note in value["notes"])
    assert any("two years" in note for note in value["notes"])


def test_the_simple_clv_says_it_is_shown_with_its_retention(tmp_path, capsys):
    # a log of two years and more with too few repeat buyers for the model: the simple CLV is shown and
    # its own note gives r (the share of the year before's buyers who bought again), as pandas
    log = sales_data_sample()
    path = tmp_path / "sales_data_sample.csv"
    log.to_csv(path, index=False, encoding="latin-1")
    value = analyze(capsys, path)["value"]
    bought = log[~log["STATUS"].isin(["Cancelled", "On Hold"])].copy()
    bought["day"] = pd.to_datetime(bought["ORDERDATE"], format="%m/%d/%Y %H:%M")
    end = bought["day"].max()
    last = bought[bought["day"] > end - pd.Timedelta(days=365)]
    before = bought[
        (bought["day"] > end - pd.Timedelta(days=730)) & (bought["day"] <= end - pd.Timedelta(days=365))
    ]
    retention = before["CUSTOMERNAME"].drop_duplicates().isin(last["CUSTOMERNAME"]).mean()
    assert value["clv"]["method"] == "simple" and value["clv"]["retention"] == pytest.approx(retention)
    assert any(note.startswith("The CLV shown uses the simple formula") for note in value["notes"])
    assert any(f"({retention:.0%})" in note for note in value["notes"])


def customer_shopping(seed: int = 4) -> pd.DataFrame:
    """Kaggle's customer shopping dataset (Istanbul malls): ``price`` is the line's price for all its items
    (Clothing 300.08 for one, 1500.40 for five), dates D/M/YYYY."""
    rng = np.random.default_rng(seed)
    units = {"Clothing": 300.08, "Shoes": 600.17, "Books": 15.15, "Cosmetics": 40.66, "Food & Beverage": 5.23,
             "Toys": 35.84, "Technology": 1050.0, "Souvenir": 11.73}  # fmt: skip
    customers = [f"C{int(rng.integers(100000, 999999))}" for _ in range(300)]
    rows = []
    for _ in range(900):
        day = pd.Timestamp("2021-01-01") + pd.Timedelta(days=int(rng.integers(0, 790)))
        category = str(rng.choice(list(units)))
        quantity = int(rng.integers(1, 6))
        rows.append(
            {"invoice_no": f"I{int(rng.integers(100000, 999999))}", "customer_id": rng.choice(customers),
             "gender": rng.choice(["Female", "Male"]), "age": int(rng.integers(18, 70)), "category": category,
             "quantity": quantity, "price": round(units[category] * quantity, 2),
             "payment_method": rng.choice(["Cash", "Credit Card"]),
             "invoice_date": f"{day.day}/{day.month}/{day.year}",
             "shopping_mall": "Kanyon"}
        )  # fmt: skip
    return pd.DataFrame(rows)


def test_a_price_that_grows_with_the_quantity_is_the_lines_total(tmp_path):
    # before: amount = quantity × price, each line counted as often as it has items (revenue about three
    # times the prices' sum)
    log = customer_shopping()
    path = tmp_path / "customer_shopping_data.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    dates = pd.to_datetime(log["invoice_date"], format="%d/%m/%Y")
    expected = pandas_summary(log["customer_id"], dates, log["price"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["amount"] == "price"
    evidence = table.columns["amount"].evidence[0]
    assert (evidence.code, evidence.params["product"]) == ("price_is_line_total", "category")
    # and a unit price stays one: UCI Online Retail's UnitPrice is one price per StockCode whatever the
    # quantity
    rng = np.random.default_rng(6)
    prices = {f"{22000 + i}": round(float(rng.uniform(0.4, 15)), 2) for i in range(40)}
    rows = [
        {"InvoiceNo": str(536365 + i // 3), "StockCode": code, "Quantity": int(rng.integers(1, 25)),
         "InvoiceDate": f"12/{1 + i % 28}/2010 9:{i % 60:02d}", "UnitPrice": prices[code],
         "CustomerID": float(12346 + i % 37)}
        for i, code in enumerate(rng.choice(list(prices), 600))
    ]  # fmt: skip
    path = tmp_path / "Online Retail.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    table = load_table(str(path), table="transactions").validated
    assert table.report.mapping["unit_price"] == "UnitPrice" and "amount" not in table.report.mapping


def ta_feng(seed: int = 12) -> pd.DataFrame:
    """The Ta Feng grocery log: ``AMOUNT`` is the number of items, ``SALES_PRICE`` the line's price, ``ASSET``
    its cost; TRANSACTION_DT M/D/YYYY."""
    rng = np.random.default_rng(seed)
    rows = []
    for customer in rng.choice(np.arange(1_000_000, 2_200_000), 150, replace=False):
        for _ in range(int(rng.integers(1, 7))):
            day = pd.Timestamp("2000-11-01") + pd.Timedelta(days=int(rng.integers(0, 120)))
            for _ in range(int(rng.integers(1, 5))):
                product, items = int(rng.integers(0, 120)), int(rng.choice([1, 1, 1, 2, 3]))
                price = (20 + 3 * product) * items
                rows.append(
                    {"TRANSACTION_DT": f"{day.month}/{day.day}/{day.year}", "CUSTOMER_ID": int(customer),
                     "AGE_GROUP": "30-34", "PIN_CODE": "115", "PRODUCT_SUBCLASS": 100000 + product // 10,
                     "PRODUCT_ID": 4710000000000 + product, "AMOUNT": items, "ASSET": int(price * 0.8),
                     "SALES_PRICE": price}
                )  # fmt: skip
    return pd.DataFrame(rows)


def test_an_amount_of_items_is_the_quantity_not_money(tmp_path):
    # before: AMOUNT (1, 2, 3 items) was the money: revenue was the number of items sold
    log = ta_feng()
    path = tmp_path / "ta_feng_all_months_merged.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    dates = pd.to_datetime(log["TRANSACTION_DT"], format="%m/%d/%Y")
    expected = pandas_summary(log["CUSTOMER_ID"], dates, log["SALES_PRICE"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.mapping["quantity"] == "AMOUNT" and table.report.mapping["amount"] == "SALES_PRICE"


def test_a_household_panels_key_is_the_customer(tmp_path):
    # dunnhumby's The Complete Journey: household_key and BASKET_ID. Before: 'No column for the required
    # field Customer ID'; its DAY is a day number, no calendar date: the value section says so
    rng = np.random.default_rng(13)
    rows = [
        {"household_key": int(rng.integers(1, 60)), "BASKET_ID": 26984851472 + i // 3, "DAY": 1 + i // 20,
         "PRODUCT_ID": int(rng.integers(25671, 18316298)), "QUANTITY": 1, "SALES_VALUE": 1.99,
         "STORE_ID": 364,
         "RETAIL_DISC": -0.3, "TRANS_TIME": 1631, "WEEK_NO": 1 + i // 140}
        for i in range(600)
    ]  # fmt: skip
    path = tmp_path / "transaction_data.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    table = load_table(str(path), table="transactions").validated
    mapping = table.report.mapping
    assert (mapping["customer_id"], mapping["order_id"], mapping["amount"]) == (
        "household_key",
        "BASKET_ID",
        "SALES_VALUE",
    )
    assert table.data["customer_id"].nunique() == pd.DataFrame(rows)["household_key"].nunique()


def bank_transactions(seed: int = 14) -> pd.DataFrame:
    """Kaggle's bank customer segmentation log: CustomerDOB and TransactionDate D/M/YY, TransactionTime as
    HHMMSS digits, the account balance on every line and the amount in a header naming INR."""
    rng = np.random.default_rng(seed)
    customers = [f"C{int(rng.integers(1_000_000, 9_099_999))}" for _ in range(250)]
    rows = []
    for number in range(1, 1201):
        day = pd.Timestamp("2016-08-01") + pd.Timedelta(days=int(rng.integers(0, 75)))
        rows.append(
            {"TransactionID": f"T{number}", "CustomerID": customers[int(rng.integers(0, len(customers)))],
             "CustomerDOB": f"{int(rng.integers(1, 29))}/{int(rng.integers(1, 13))}/{rng.integers(60, 99)}",
             "CustGender": rng.choice(["F", "M"]), "CustLocation": rng.choice(["MUMBAI", "DELHI", "GURGAON"]),
             "CustAccountBalance": round(float(rng.lognormal(10, 1.5)), 2),
             "TransactionDate": f"{day.day}/{day.month}/{day:%y}",
             "TransactionTime": int(rng.integers(0, 235959)),
             "TransactionAmount (INR)": round(float(rng.lognormal(6, 1.2)), 1)}
        )  # fmt: skip
    return pd.DataFrame(rows)


def test_a_bank_logs_amounts_are_in_the_currency_its_header_names(tmp_path):
    # before: figures in INR went out labelled with the app's currency and nothing said INR; the balance
    # was (and is) never the revenue, the day-first dates are proven by days over 12
    log = bank_transactions()
    path = tmp_path / "bank_transactions.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    dates = pd.to_datetime(log["TransactionDate"], format="%d/%m/%y")
    expected = pandas_summary(log["CustomerID"], dates, log["TransactionAmount (INR)"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert table.report.reading["date_order"]["date"]["order"] == "day_first"
    said = {rule.rule: rule for rule in table.report.rules}["amount_currency_header"]
    assert said.rows == len(log) and said.detail.params["currency"] == "INR"
    assert "in INR" in said.text("en") and "in INR" in said.text("de")


def card_issuer_log(seed: int = 15) -> pd.DataFrame:
    """Elo's historical_transactions.csv shape: ``authorized_flag`` Y/N, ``card_id`` "C_ID_4e6213e9bc" as the
    only key, ``purchase_date`` ISO, ``purchase_amount`` (here in currency units; the competition file
    normalised them)."""
    rng = np.random.default_rng(seed)
    cards = [f"C_ID_{_hex(rng, 10)}" for _ in range(80)]
    rows = []
    for _ in range(2000):
        moment = pd.Timestamp("2017-01-01") + pd.Timedelta(seconds=int(rng.integers(0, 420 * 86400)))
        rows.append(
            {"authorized_flag": "N" if rng.random() < 0.08 else "Y", "card_id": rng.choice(cards),
             "city_id": int(rng.integers(1, 300)), "category_1": rng.choice(["N", "Y"]),
             "installments": int(rng.integers(0, 3)), "category_3": rng.choice(["A", "B", "C"]),
             "merchant_category_id": int(rng.integers(1, 900)), "merchant_id": f"M_ID_{_hex(rng, 10)}",
             "month_lag": -int(rng.integers(0, 13)), "purchase_amount": round(float(rng.lognormal(3, 1)), 2),
             "purchase_date": moment.strftime("%Y-%m-%d %H:%M:%S"), "category_2": 1.0, "state_id": 16,
             "subsector_id": 37}
        )  # fmt: skip
    return pd.DataFrame(rows)


def test_declined_card_payments_are_no_purchases(tmp_path):
    # before: the lines with authorized_flag N (declined, never charged) were purchases and spend
    log = card_issuer_log()
    path = tmp_path / "historical_transactions.csv"
    log.to_csv(path, index=False)
    summary, table = app_summary(path)
    charged = log[log["authorized_flag"] == "Y"]
    times = pd.to_datetime(charged["purchase_date"])
    expected = pandas_summary(charged["card_id"], times, charged["purchase_amount"])
    pd.testing.assert_frame_equal(summary, expected, check_dtype=False, check_index_type=False)
    assert rules(table) == {"unpaid_mark": len(log) - len(charged)}
    assert table.report.mapping["customer_id"] == "card_id"
