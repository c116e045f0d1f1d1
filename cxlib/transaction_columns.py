"""What the columns of a purchase log mean, read from values where headers mislead, with the evidence kept.

Shop, payment and ERP exports name things their own way: a payment export's ``id`` is the payment and its
``Customer ID`` the customer; a shop export identifies customers by ``Email`` and orders by ``Name``
("#1001"), writes the date as ``Created at``; an ERP writes ``Belegdatum`` and marks cancelled documents
with an ``X`` under ``Storno``; a payment export keeps the refunded part of a payment in its own column.
This module

* checks that the customer id repeats across lines (a column unique per line is the line, payment or
  order, not the customer) and finds the customer by header or by e-mail values
  (:func:`refine_transaction_mapping`);
* replaces a customer id issued anew with every order (Olist's ``customer_id``) by the column that
  names the person (``customer_unique_id``);
* finds the purchase date by a date word in the header and date values, preferring it over dates of
  later steps (approval, shipping, delivery), and order numbers written "#1001";
* takes the line's own amount: never a freight, tax, discount or profit column, the net amount where
  the log has net and gross ("Netto"/"Brutto"), said in the evidence;
* reads a document type ("Belegart": Rechnung/Gutschrift) as the status, so credit notes are no purchase;
* names the columns that change what a line is worth: a refunded amount (:func:`refund_column`),
  cancel or refund marks (:func:`cancel_mark_columns`), amounts in cents (:func:`amount_in_cents`);
* tells status words that cancel a purchase from those that say it was never paid (:data:`CANCELLED`,
  :data:`UNPAID`).

Everything returns language-neutral evidence codes; words come from the string table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from cxlib.mapping import DESCRIBING_WORDS, ColumnMapping, normalize_header
from cxlib.parsing import CURRENCY_CODES, normalize_ids, parse_dates, parse_flags, parse_numbers
from cxlib.scales import words_of
from cxlib.tables import ColumnMatch, Evidence

__all__ = [
    "CANCELLED",
    "UNPAID",
    "amount_in_cents",
    "cancel_mark_columns",
    "customer_id_header",
    "fraud_marks",
    "guest_lines",
    "mixed_currencies",
    "non_product_lines",
    "non_purchase_events",
    "not_a_sale",
    "refine_transaction_mapping",
    "refund_column",
    "repeated_order_total",
    "returned_orders_sheet",
    "reversed_sales",
    "unpaid_marks",
]

#: Status words of a line that is no purchase because it was cancelled, returned or refunded in full.
CANCELLED = re.compile(
    r"^(?:cancel|storn|return|retour|refund|void|zurückgesendet|zurueckgesendet|rückgabe|rücksendung|erstatt"
    r"|unavailable|nicht verfügbar|nicht lieferbar|credit[ _-]?(?:note|memo)|gutschrift|rechnungskorrektur"
    r"|revers|chargeback|rückbuchung|rueckbuchung|zurückgebucht|zurueckgebucht)",
    re.IGNORECASE,
)
#: Status words of a payment that failed or has not been paid (yet): no purchase either.
UNPAID = re.compile(
    r"^(?:fail|declin|expire|abandon|pending|unpaid|not paid|awaiting|on[ _-]?hold|requires[ _]|incomplete"
    r"|fehlgeschlagen|abgelehnt|abgebrochen|ausstehend|unbezahlt|nicht bezahlt|zahlung ausstehend"
    r"|denied|verweigert|payment[ _-]?due|past[ _-]?due|overdue|überfällig|ueberfaellig)",
    re.IGNORECASE,
)
#: Transaction types that move money without a sale (a payment account's withdrawals, transfers, currency
#: conversions, fees, holds, authorisations and deposits) or take a sale back (refunds, reversals).
NOT_A_SALE = re.compile(
    r"withdraw|abbuchung|auszahlung|payout|transfer (?:to|from)|übertrag|umbuchung|conversion|umrechnung"
    r"|\bfees?\b|gebühr|\bhold\b|einbehalt|reserve (?:hold|release)|payment reserve|authori[sz]ation"
    r"|autorisierung|deposit|einzahlung|\bvoid"
    r"|refund|rückzahlung|rueckzahlung|erstattung|chargeback|rückbuchung|reversal|storno|cancel|gutschrift",
    re.IGNORECASE,
)
#: Rows sampled to judge a column by its values.
SAMPLE = 5000
#: A column unique on this share of its filled lines identifies lines, not customers.
UNIQUE_PER_LINE = 0.95
MIN_LINES = 20
EMAIL_SHARE = 0.9
DATE_SHARE = 0.9

_EMAIL = r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}"
_CUSTOMER_WORDS = frozenset(
    {"customer", "customers", "kunde", "kunden", "client", "member", "user", "buyer", "käufer", "kaeufer",
     "shopper", "debitor", "contact", "account", "email", "mail", "household", "haushalt", "haushalts"}
)  # fmt: skip
#: A household panel's key (dunnhumby's ``household_key``, "Haushaltsnummer") is its customer, too.
_CUSTOMER_PREFIXES = ("customer", "kunde", "kunden", "client", "debitor", "buyer", "member",
                      "haushaltsnummer")  # fmt: skip
_DATE_WORDS = frozenset(
    {"date", "datum", "created", "time", "timestamp", "zeit", "zeitpunkt", "at", "am", "on", "day", "tag",
     "ordered", "paid", "bestellt", "gebucht"}
)  # fmt: skip
_DATE_SUFFIXES = ("datum", "date", "zeit", "time", "timestamp")
#: Headers of the date the purchase happened, preferred over other dates of a line (paid, shipped …).
_PURCHASE_DATE_WORDS = ("created", "order", "bestell", "beleg", "invoice", "rechnung", "transaction", "kauf",
                        "purchase", "buchung")  # fmt: skip
_LATER_DATE_WORDS = ("updated", "modified", "geändert", "geaendert", "ship", "versand", "fulfilled",
                     "refunded", "cancelled", "canceled", "storniert", "due", "fällig", "deliver", "liefer",
                     "estimated", "approved", "carrier", "limit", "zustell", "erwartet", "freigabe",
                     "genehmigt")  # fmt: skip
_CANCEL_WORDS = frozenset(
    {"storno", "storniert", "stornierung", "cancelled", "canceled", "cancel", "refunded", "void", "voided",
     "returned", "retoure", "retourniert", "zurückgesendet", "erstattet", "gutschrift"}
)  # fmt: skip
_REFUND_WORDS = frozenset(
    {"refund", "refunded", "refunds", "erstattet", "erstattung", "erstattungen", "rückerstattung",
     "rueckerstattung", "gutschrift", "gutschriften", "return", "returned", "returns", "retoure", "retouren",
     "rücksendung", "rücksendungen", "rückgabe"}
)  # fmt: skip
#: A plural noun alone names an amount of refunds or returns (a sales report's "Returns" column); a
#: participle alone ("Returned", "refunded") is a yes/no mark (:func:`cancel_mark_columns`).
_REFUND_TOTALS = frozenset(
    {"refunds", "returns", "retouren", "erstattungen", "gutschriften", "rücksendungen"}
)
_REFUND_PREFIXES = ("erstattung", "rückerstattung", "gutschrift", "retoure", "rücksendung", "rückgabe")
_AMOUNT_WORDS = frozenset({"amount", "betrag", "total", "sum", "summe", "value", "wert", "umsatz"})
_CENTS_WORDS = frozenset({"cents", "cent", "pence", "rappen", "minor"})
#: Object ids of payment APIs ("ch_3Mx…", "cus_9s6…", "pi_…"): their amounts are in the smallest unit.
_API_ID = r"[a-z]{2,5}_[A-Za-z0-9]{6,}"
_CURRENCY_CODE = r"[A-Za-z]{3}"


def _words(header: object) -> set[str]:
    return set(normalize_header(header).split())


def _squashed(header: object) -> str:
    return normalize_header(header).replace(" ", "")


def _filled_text(values: pd.Series) -> pd.Series:
    text = values.head(SAMPLE).dropna().astype(str).str.strip()
    return text[text != ""]


def _share_matching(values: pd.Series, pattern: str) -> float:
    text = _filled_text(values)
    return float(text.str.fullmatch(pattern).mean()) if len(text) else 0.0


def _distinct_share(values: pd.Series) -> float:
    text = _filled_text(values)
    return float(text.nunique() / len(text)) if len(text) else 1.0


def is_email_column(values: pd.Series) -> bool:
    """True when nearly all filled cells are e-mail addresses.

    Examples
    --------
    >>> is_email_column(pd.Series(["a@b.de", "c@d.com", None]))
    True
    """
    return _share_matching(values, _EMAIL) >= EMAIL_SHARE


def _customer_header(header: object) -> bool:
    words, squashed = _words(header), _squashed(header)
    return bool(words & _CUSTOMER_WORDS) or squashed.startswith(_CUSTOMER_PREFIXES)


def _assign(mapping: ColumnMapping, role_key: str, column: object, evidence: Evidence, used: set) -> None:
    mapping.matches[role_key] = ColumnMatch(role_key, column, 0.75, "values")
    mapping.evidence[role_key] = [evidence]
    used.add(column)


_NAME_WORDS = frozenset({"name", "nachname", "vorname", "firma", "company"})
_LOGINS = ("username", "benutzername", "loginname", "accountname")


def _customer_kind(header: object) -> str:
    """ "describes" ("Kundengruppe", "customer_state"), "name" ("Customer Name", "Firma") or "id"."""
    words, squashed = _words(header), _squashed(header)
    describing = ("gruppe", "group", "segment", "typ", "type", "art", "klasse", "kategorie", "land")
    if words & DESCRIBING_WORDS or squashed.endswith(describing):
        return "describes"
    if not squashed.endswith(_LOGINS) and (words & _NAME_WORDS or squashed.endswith("name")):
        return "name"  # a login identifies the person; a name only where nothing else does
    return "id"


def customer_id_header(header: object) -> bool:
    """A header that identifies the customer ("Customer ID", "Kundennummer", "customer_unique_id"),
    not one that describes (group, place, status) or names them.

    Examples
    --------
    >>> [customer_id_header(h) for h in ("Kunden-Nr.", "customer_unique_id", "customer_state", "id")]
    [True, True, False, False]
    """
    return _customer_header(header) and _customer_kind(header) == "id"


_CARD_WORDS = frozenset({"card", "cc", "karte", "kreditkarte", "pan"})
_CARD_NUMBER_WORDS = frozenset({"num", "number", "no", "nr", "id", "nummer", "pan"})


def card_number_header(header: object) -> bool:
    """A header of a payment card's number ("cc_num", "Card Number", "Kartennummer", "card_id"), not of
    its type or issuer ("Card Type", "card_brand").

    Examples
    --------
    >>> [card_number_header(h) for h in ("cc_num", "Card Number", "Kartennummer", "Card Type", "PAN")]
    [True, True, True, False, True]
    """
    words, squashed = _words(header), _squashed(header)
    if squashed in ("pan", "kartennr") or squashed.endswith("kartennummer"):
        return True
    return bool(words & _CARD_WORDS) and bool(words & _CARD_NUMBER_WORDS)


def _customer_candidates(
    frame: pd.DataFrame, used: set, *, names: bool = True
) -> list[tuple[object, Evidence]]:
    """Columns that name the customer and repeat across lines: customer id headers first, then e-mails,
    then (with ``names``) customer names, then payment card numbers (a card log's only person key). A
    column describing the customer (group, place) never is one. A name or a card is an assumption: two
    customers of one name count as one, a customer with two cards as two."""
    found = []
    for column in frame.columns:
        if column in used:
            continue
        values = frame[column]
        repeats = _distinct_share(values) < UNIQUE_PER_LINE
        if not repeats or _filled_text(values).empty:
            continue
        kind = _customer_kind(column) if _customer_header(column) else None
        if is_email_column(values):
            found.append((1, column, Evidence("email_as_customer_id", {"header": str(column)})))
        elif kind == "id":
            found.append((0, column, Evidence("customer_header_repeats", {"header": str(column)})))
        elif kind == "name" and names:
            found.append((2, column, Evidence("customer_name_as_id", {"header": str(column)})))
        elif kind is None and names and card_number_header(column):
            found.append((3, column, Evidence("card_as_customer", {"header": str(column)})))
    return [(column, evidence) for _, column, evidence in sorted(found, key=lambda item: item[0])]


def _check_customer_id(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A customer id unique on every line is the line's own id: a repeating customer column replaces it."""
    match = mapping.matches.get("customer_id")
    empty = match is not None and _filled_text(frame[match.column]).empty
    if match is not None and not empty:
        values = frame[match.column]
        if len(_filled_text(values)) < MIN_LINES or _distinct_share(values) < UNIQUE_PER_LINE:
            return
    candidates = _customer_candidates(frame, used, names=match is None or empty)
    if not candidates:
        return
    column, evidence = candidates[0]
    if empty:  # an empty column matched by its header ("Custom Number"): the customer is elsewhere
        used.discard(match.column)
        replaced = Evidence("customer_column_empty", {"replaced": str(match.column), "header": str(column)})
        _assign(mapping, "customer_id", column, evidence, used)
        mapping.evidence["customer_id"].append(replaced)
        return
    if match is not None:
        used.discard(match.column)
        del mapping.matches["customer_id"]
        share = round(_distinct_share(frame[match.column]), 3)
        evidence = Evidence(evidence.code, {**evidence.params, "replaced": str(match.column), "share": share})
        if "order_id" not in mapping.matches:
            _assign(mapping, "order_id", match.column, Evidence("unique_per_line", {"share": share}), used)
    _assign(mapping, "customer_id", column, evidence, used)


def _per_order(ids: pd.Series, orders: pd.Series) -> bool:
    """True when no id appears with two orders though the log has many orders: the id names the order
    (Olist's ``customer_id`` is issued anew with every order), not the person."""
    known = ids.notna() & orders.notna()
    if known.sum() < MIN_LINES or orders[known].nunique() < MIN_LINES:
        return False
    return bool(orders[known].groupby(ids[known]).nunique().max() == 1)


#: A person key has at least this many distinct values per distinct per-order id: most buyers buy once.
PERSON_KEY_SHARE = 0.5


def _person_column(frame: pd.DataFrame, ids: pd.Series, orders: pd.Series, used: set) -> object | None:
    """A customer column whose values each hold one or more of the per-order ids, come back in several
    orders and are nearly as many as the ids: the person behind them (Olist's ``customer_unique_id``), not
    a group, place or name of the customer."""
    for column, _ in _customer_candidates(frame, used, names=False):
        values = frame[column]
        known = values.notna() & ids.notna()
        people, order_ids = values[known].nunique(), ids[known].nunique()
        nested = values[known].groupby(ids[known]).nunique().max() == 1
        if nested and PERSON_KEY_SHARE * order_ids <= people < order_ids and not _per_order(values, orders):
            return column
    return None


def _check_customer_per_order(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A customer id issued per order gives way to a customer column that names the person."""
    match, order = mapping.matches.get("customer_id"), mapping.matches.get("order_id")
    if match is None or order is None:
        return
    ids, orders = frame[match.column], frame[order.column]
    if not _per_order(ids, orders):
        return
    column = _person_column(frame, ids, orders, used)
    if column is None:
        return
    used.discard(match.column)
    evidence = Evidence("customer_id_per_order", {"header": str(column), "replaced": str(match.column)})
    _assign(mapping, "customer_id", column, evidence, used)


#: Header words of a part of a line's value that is not what the customer bought for: freight, tax,
#: discount, fee, cost or profit ("freight_value", "Tax Amount", "Rabattbetrag", "Profit").
_COMPONENT_WORDS = ("freight", "shipping", "versand", "fracht", "porto", "tax", "vat", "mwst", "ust",
                    "steuer", "discount", "rabatt", "skonto", "fee", "gebühr", "gebuehr", "profit", "gewinn",
                    "margin", "marge", "cost", "kosten", "deposit", "pfand", "tip", "trinkgeld",
                    "commission", "provision", "weight", "gewicht")  # fmt: skip
_NET_WORDS, _GROSS_WORDS = ("net", "netto", "nett"), ("gross", "brutto")
_UNIT_WORDS = frozenset({"price", "preis", "unit", "einzelpreis", "stückpreis", "each"})


def _component_header(header: object) -> bool:
    words, squashed = _words(header), _squashed(header)
    return bool(words & set(_COMPONENT_WORDS)) or squashed.startswith(_COMPONENT_WORDS)


def _tax_basis(header: object) -> str | None:
    """ "net" or "gross" when the header names a net (without VAT) or gross amount, else None."""
    words, squashed = _words(header), _squashed(header)
    if _component_header(header) and not words & {"excl", "exkl", "ohne", "incl", "inkl"}:
        return None
    if words & _UNIT_WORDS or "preis" in squashed:
        return None  # a net price is the unit price, not the line's amount
    if words & set(_NET_WORDS) or squashed.startswith("netto") or words & {"excl", "exkl", "ohne"}:
        return "net"
    if words & set(_GROSS_WORDS) or squashed.startswith("brutto") or words & {"incl", "inkl"}:
        return "gross"
    return None


def _numeric(values: pd.Series) -> bool:
    sample = values.head(SAMPLE).dropna()
    if sample.empty:
        return False
    numbers, bad, _ = parse_numbers(sample)
    return bool(numbers.notna().any()) and float(bad.mean()) <= 0.05


_FEE_WORDS = frozenset({"fee", "fees", "gebühr", "gebühren", "gebuehr", "gebuehren", "entgelt", "disagio"})
#: Share of the lines on which net = gross − fee, for a net amount that is the payment's after fees.
FEE_MATCH_SHARE = 0.9


def _net_after_fees(frame: pd.DataFrame, bases: dict[str, list]) -> dict[object, object]:
    """Net columns that are the gross minus a payment fee (PayPal's "Net" = "Gross" + "Fee"), not net of
    VAT: net column -> fee column. The customer paid the gross; the fee is the seller's cost.

    Examples
    --------
    >>> log = pd.DataFrame({"Brutto": ["10,00", "20,00"], "Gebühr": ["-0,59", "-0,83"],
    ...                     "Netto": ["9,41", "19,17"]})
    >>> _net_after_fees(log, {"net": ["Netto"], "gross": ["Brutto"]})
    {'Netto': 'Gebühr'}
    """
    fees = [c for c in frame.columns if _words(c) & _FEE_WORDS and _numeric(frame[c])]
    found = {}
    for net in bases["net"]:
        for gross in bases["gross"]:
            for fee in fees:
                if _adds_up(frame, net, fee, gross):
                    found[net] = fee
    return found


def _adds_up(frame: pd.DataFrame, part: object, other: object, total: object) -> bool:
    """True when ``part`` + |``other``| = ``total`` on nearly every line where all three are numbers and
    ``other`` is not always zero (a net plus its fee is the gross, a subtotal plus its tax the total)."""
    values = [parse_numbers(frame[c].head(SAMPLE))[0] for c in (part, other, total)]
    known = values[0].notna() & values[1].notna() & values[2].notna()
    if not (known & (values[1] != 0)).any():
        return False
    fits = (values[0] + values[1].abs() - values[2]).abs() < 0.011
    return float(fits[known].mean()) >= FEE_MATCH_SHARE


def _check_amount(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """The line's amount is what the customer paid for the goods, net of VAT where the log has both.

    A freight, tax, discount, fee or profit column matched by an amount word ("freight_value") is no
    amount; of a net and a gross column ("Netto"/"Brutto", "Net Amount"/"Gross Amount") the net one is
    the amount, said in its evidence."""
    match = mapping.matches.get("amount")
    if match is not None and _component_header(match.column) and _tax_basis(match.column) is None:
        used.discard(match.column)
        del mapping.matches["amount"]
        # kept under the role even when no amount is found: the Data page says why the column was not used
        mapping.evidence["amount"] = [Evidence("amount_is_a_component", {"header": str(match.column)})]
        match = None
    bases: dict[str, list] = {"net": [], "gross": []}
    for column in frame.columns:
        basis = _tax_basis(column)
        free = column not in used or (match is not None and column == match.column)
        if basis and free and _numeric(frame[column]):
            bases[basis].append(column)
    current = _tax_basis(match.column) if match is not None else None
    if match is not None and current is None:
        return
    after_fees = _net_after_fees(frame, bases)
    bases["net"] = [column for column in bases["net"] if column not in after_fees]
    if bases["net"]:
        column, code = bases["net"][0], "amount_net_of_vat"
        other = {"gross": str(bases["gross"][0])} if bases["gross"] else {}
    elif bases["gross"] and after_fees:
        net, fee = next(iter(after_fees.items()))
        column, code = bases["gross"][0], "amount_gross_before_fees"
        other = {"net": str(net), "fee": str(fee)}
    elif bases["gross"]:
        column, code, other = bases["gross"][0], "amount_gross_with_vat", {}
    else:
        return
    if match is not None and match.column != column:
        used.discard(match.column)
    rejected = mapping.evidence.get("amount", []) if match is None else []
    _assign(mapping, "amount", column, Evidence(code, {"header": str(column), **other}), used)
    mapping.evidence["amount"][:0] = rejected


#: A plain "amount" may count items (Ta Feng's ``AMOUNT`` beside ``SALES_PRICE``): whole numbers up to this
#: on nearly every line, below the price on most.
MAX_COUNT = 50
COUNT_SHARE = 0.95
BELOW_PRICE_SHARE = 0.8


def _amount_of_items(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A column headed only "amount" that holds small whole numbers below the price on most lines, in a log
    with a price and no quantity, is the number of items: the quantity, not money (English "amount" of
    items). The line's money is then quantity × price, or the price where it is the line's total
    (:func:`_price_per_line`)."""
    amount, price = mapping.matches.get("amount"), mapping.matches.get("unit_price")
    if amount is None or price is None or "quantity" in mapping.matches:
        return
    if not _words(amount.column) or not _words(amount.column) <= {"amount", "amt"}:
        return
    counts = parse_numbers(frame[amount.column].head(SAMPLE))[0]
    prices = parse_numbers(frame[price.column].head(SAMPLE))[0]
    known = counts.notna() & prices.notna()
    if known.sum() < MIN_LINES or not (counts[known] == counts[known].round()).all():
        return
    small = float((counts[known].abs() <= MAX_COUNT).mean()) >= COUNT_SHARE
    below = float((counts[known].abs() < prices[known].abs()).mean()) >= BELOW_PRICE_SHARE
    if small and below:
        del mapping.matches["amount"]
        mapping.evidence.pop("amount", None)
        _assign(
            mapping,
            "quantity",
            amount.column,
            Evidence("amount_is_a_count", {"header": str(amount.column)}),
            used,
        )


#: Header parts of a column that names the product or its category (the key a unit price belongs to).
_PRODUCT_PARTS = ("descr", "beschreib", "bezeichn", "artikel", "item", "product", "produkt", "sku", "stock",
                  "categor", "kategor", "ean", "gtin", "material", "warengr")  # fmt: skip
LINE_TOTAL_SHARE = 0.9
MIN_PRODUCTS = 5
_PRODUCT_SAMPLE = 20_000


def _price_per_line(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A "price" that is the line's total, not a unit price, is the amount: per product (or category),
    lines of different quantities have one price per item but not one price (Kaggle's customer shopping
    data: Clothing 300.08 for one, 1500.40 for five; Ta Feng's ``SALES_PRICE``). Quantity × that price
    would count each line as often as it has items."""
    quantity, price = mapping.matches.get("quantity"), mapping.matches.get("unit_price")
    if quantity is None or price is None or "amount" in mapping.matches:
        return
    counts = parse_numbers(frame[quantity.column].head(_PRODUCT_SAMPLE))[0]
    prices = parse_numbers(frame[price.column].head(_PRODUCT_SAMPLE))[0]
    for column in frame.columns:
        if column in used or not any(part in _squashed(column) for part in _PRODUCT_PARTS):
            continue
        lines = pd.DataFrame(
            {"key": frame[column].head(_PRODUCT_SAMPLE).astype("string"), "q": counts, "p": prices}
        )
        lines = lines[lines["key"].notna() & (lines["q"] > 0) & (lines["p"] > 0)]
        lines["each"] = (lines["p"] / lines["q"]).round(2)
        stats = lines.groupby("key").agg(q=("q", "nunique"), p=("p", "nunique"), each=("each", "nunique"))
        varied = stats[stats["q"] > 1]
        if len(varied) < MIN_PRODUCTS:
            continue
        if float(((varied["each"] == 1) & (varied["p"] > 1)).mean()) >= LINE_TOTAL_SHARE:
            del mapping.matches["unit_price"]
            evidence = Evidence("price_is_line_total", {"header": str(price.column), "product": str(column)})
            _assign(mapping, "amount", price.column, evidence, used)
            return
        if float((varied["p"] == 1).mean()) >= LINE_TOTAL_SHARE:
            return  # one price per product whatever the quantity: a unit price


def _date_header(header: object) -> bool:
    return bool(_words(header) & _DATE_WORDS) or _squashed(header).endswith(_DATE_SUFFIXES)


def _date_preference(header: object) -> int:
    text = normalize_header(header)
    if any(word in text for word in _LATER_DATE_WORDS):
        return 2
    return 0 if any(word in text for word in _PURCHASE_DATE_WORDS) else 1


def _find_date(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """The purchase date where no header synonym named it: a date word in the header and date values.

    A date matched only by a word of its header ("order_delivered_carrier_date", "shipping_limit_date")
    that names a later step of the order gives way to a purchase date found here
    ("order_purchase_timestamp"): the purchase happened on that one."""
    current = mapping.matches.get("date")
    if current is not None and (current.confidence >= 1.0 or _date_preference(current.column) < 2):
        return
    found = []
    for position, column in enumerate(frame.columns):
        taken = column in used and (current is None or column != current.column)
        if taken or not _date_header(column):
            continue
        sample = frame[column].head(SAMPLE)
        filled = sample.notna() & (sample.astype("string").str.strip() != "").fillna(False)
        if not filled.any():
            continue
        dates, bad = parse_dates(sample[filled])
        numeric = pd.api.types.is_numeric_dtype(sample) and not pd.api.types.is_datetime64_any_dtype(sample)
        if numeric and dates.attrs.get("date_source") not in ("yyyymmdd", "unix_s", "unix_ms"):
            continue
        share = float(1 - bad.mean())
        if share >= DATE_SHARE:
            found.append((_date_preference(column), -float(filled.mean()), position, column))
    if not found or (current is not None and min(found)[0] >= 2):
        return
    column = min(found)[3]
    evidence = Evidence("date_header_values", {"header": str(column)})
    if current is not None and column != current.column:
        used.discard(current.column)
        replaced = {"header": str(column), "replaced": str(current.column)}
        evidence = Evidence("purchase_date_not_later_step", replaced)
    _assign(mapping, "date", column, evidence, used)


#: Headers of a document's type (invoice, credit note): ERP and accounting exports.
_DOCUMENT_TYPE_WORDS = frozenset({"belegart", "dokumentart", "belegtyp", "vorgangsart", "buchungsart",
                                  "rechnungsart", "doctype", "documenttype", "invoicetype", "transactiontype",
                                  "type", "typ", "art", "kind"})  # fmt: skip
MAX_DOCUMENT_TYPES = 12


_STATE_WORDS = frozenset({"state", "zustand"})


def _find_document_type(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A document type column ("Belegart": Rechnung / Gutschrift) or an invoice's state (Recurly's
    ``state``: paid / voided / failed / past_due) as the status, where none was named: a credit note
    written with a positive amount, a voided or unpaid invoice is no purchase."""
    for column in frame.columns:
        squashed = _squashed(column)
        state = bool(_words(column) & _STATE_WORDS)
        named = _words(column) & _DOCUMENT_TYPE_WORDS or squashed in _DOCUMENT_TYPE_WORDS or state
        if column in used or not (named or squashed.endswith(("art", "typ", "type"))):
            continue
        text = _filled_text(frame[column])
        kinds = text.drop_duplicates()
        if not 2 <= len(kinds) <= MAX_DOCUMENT_TYPES:
            continue
        credit = kinds.str.contains(CANCELLED, na=False)
        if state:  # a state says whether the invoice was paid, too
            credit |= kinds.str.contains(UNPAID, na=False)
        if credit.any() and not credit.all():
            examples = {"header": str(column), "examples": ", ".join(kinds[credit])}
            evidence = Evidence("invoice_state_not_paid" if state else "document_type_credit", examples)
            _assign(mapping, "status", column, evidence, used)
            return


_SUBTOTAL_WORDS = ("subtotal", "zwischensumme", "summenetto")
_TAX_WORDS = frozenset({"tax", "taxes", "vat", "mwst", "ust", "steuer", "steuern", "umsatzsteuer"})


def _subtotal_before_tax(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """A subtotal that is the amount minus its tax ("subtotal" + "tax" = "total", as subscription and
    shop exports write them) is the net amount: revenue is net of VAT where the log has both."""
    match = mapping.matches.get("amount")
    if match is None or any(e.code == "amount_paid_not_total" for e in mapping.evidence.get("amount", [])):
        return
    taxes = [c for c in frame.columns if _words(c) & _TAX_WORDS and c != match.column and _numeric(frame[c])]
    for column in frame.columns:
        if column in used or not _squashed(column).startswith(_SUBTOTAL_WORDS) or not _numeric(frame[column]):
            continue
        if any(_adds_up(frame, column, tax, match.column) for tax in taxes):
            used.discard(match.column)
            evidence = Evidence("amount_net_of_vat", {"header": str(column), "gross": str(match.column)})
            _assign(mapping, "amount", column, evidence, used)
            return


#: Header words of the part of an invoice that was paid ("Amount Paid", Recurly's "paid", "Bezahlt").
_PAID_WORDS = frozenset({"paid", "bezahlt", "gezahlt"})
PAID_AT_MOST_SHARE = 0.95


def _paid_amount(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """An invoice log's paid amount is the amount rather than the invoice total: only paid money is
    revenue (a subscription invoice's credits applied or amount still due are not). Taken when its
    values are money, not a 0/1 mark, and at most the total on nearly every line."""
    match = mapping.matches.get("amount")
    if match is None:
        return
    total = parse_numbers(frame[match.column].head(SAMPLE))[0]
    for column in frame.columns:
        words = _words(column)
        if column in used or not words & _PAID_WORDS or not _numeric(frame[column]):  # "Paid On" is no number
            continue
        paid = parse_numbers(frame[column].head(SAMPLE))[0]
        known = paid.notna() & total.notna()
        if not known.any() or paid[known].isin([0, 1]).all():
            continue
        if float((paid[known] <= total[known].abs() + 0.005).mean()) >= PAID_AT_MOST_SHARE:
            used.discard(match.column)
            replaced = {"header": str(column), "replaced": str(match.column)}
            _assign(mapping, "amount", column, Evidence("amount_paid_not_total", replaced), used)
            return


#: Headers of a payment or booking log's transaction type ("Type", "Typ", "Event Type", "Buchungsart").
_TYPE_HEADER_WORDS = frozenset({"type", "typ", "kind", "art", "event", "transaktionsart", "buchungsart",
                                "vorgangsart", "transaktionstyp", "buchungstyp"})  # fmt: skip
MAX_TRANSACTION_TYPES = 40


def not_a_sale(frame: pd.DataFrame, headers: Iterable[object]) -> tuple[object, pd.Series] | None:
    """(column, True on lines that are no sale) for a transaction type column whose types include money
    movements without a sale (:data:`NOT_A_SALE`: PayPal's "General Withdrawal", "General Currency
    Conversion", "Payment Refund"; "Allgemeine Abbuchung"), or None.

    Examples
    --------
    >>> log = pd.DataFrame({"Type": ["Website Payment", "General Withdrawal", "Payment Refund", None]})
    >>> column, marks = not_a_sale(log, log.columns)
    >>> column, marks.tolist()
    ('Type', [False, True, True, False])
    """
    for header in headers:
        if header not in frame.columns:
            continue
        named = _words(header) & _TYPE_HEADER_WORDS or _squashed(header).endswith(("type", "typ"))
        kinds = _filled_text(frame[header]).drop_duplicates() if named else pd.Series(dtype=str)
        if not 2 <= len(kinds) <= MAX_TRANSACTION_TYPES:
            continue
        other = kinds.str.contains(NOT_A_SALE, na=False)
        if other.any() and not other.all():
            text = frame[header].astype("string").str.strip()
            return header, text.str.contains(NOT_A_SALE, na=False).fillna(False).astype(bool)
    return None


#: Headers of an event log's event ("event_type", "event_name", "Event", "behavior_type", "Aktion").
_EVENT_HEADER_WORDS = frozenset({"event", "events", "action", "activity", "behavior", "behaviour",
                                 "interaction", "ereignis", "aktion", "aktivitaet", "aktivität"})  # fmt: skip
_EVENT_HEADER_ENDS = ("event", "eventtype", "eventname", "action", "behavior", "behaviour", "ereignis",
                      "aktion")  # fmt: skip
#: Events that are a purchase: a word of buying, unless another word takes it back or puts it before the
#: purchase ("Order Refunded", "begin_checkout"); "checkout" only when completed (Shopify's
#: "checkout_completed").
_PURCHASE_EVENT_WORDS = frozenset({"purchase", "purchased", "buy", "bought", "transaction", "order",
                                   "ordered", "kauf", "gekauft", "bestellung", "bestellt", "sale",
                                   "verkauf"})  # fmt: skip
_COMPLETED_WORDS = frozenset({"completed", "complete", "success", "successful", "abgeschlossen"})
_NOT_YET_OR_UNDONE = frozenset({"refund", "refunded", "cancel", "cancelled", "canceled", "begin", "start",
                                "started", "initiate", "initiated", "add", "added", "view", "viewed",
                                "abandon", "abandoned", "failed", "fail", "storno", "storniert", "return",
                                "returned", "erstattung", "erstattet", "abgebrochen", "remove", "removed",
                                "intent", "attempt"})  # fmt: skip
#: Events of browsing before a purchase: an event log has them beside its purchases (views, carts, clicks),
#: written only in these words and :data:`_EVENT_FILLER` ("add_to_cart", "Product Viewed"; an order type
#: "Click & Collect" is no such event).
_BROWSING_EVENT_WORDS = frozenset({"view", "viewed", "views", "pv", "pageview", "page", "click", "clicked",
                                   "cart", "addtocart", "removefromcart", "fav", "favorite", "favourite",
                                   "wishlist", "search", "session", "impression", "visit", "scroll",
                                   "engagement", "ansicht", "aufruf", "warenkorb", "merkliste", "klick",
                                   "suche", "besuch", "seitenaufruf", "seitenansicht", "produktansicht",
                                   "artikelansicht", "wunschliste"})  # fmt: skip


_EVENT_FILLER = frozenset({"add", "added", "to", "remove", "removed", "from", "item", "items", "product",
                           "products", "list", "start", "first", "user", "select", "detail", "details",
                           "in", "den", "zum", "zur", "aus", "dem", "hinzugefuegt", "entfernt", "artikel",
                           "produkt"})  # fmt: skip


def _browsing_event(kind: str) -> bool:
    """True for an event of browsing ("view", "add_to_cart", "Product Viewed", "Warenkorb").

    Examples
    --------
    >>> [_browsing_event(k) for k in ("view", "add_to_cart", "Product Viewed", "Click & Collect")]
    [True, True, True, False]
    >>> [_browsing_event(k) for k in ("Seitenaufruf", "In den Warenkorb", "Produktansicht")]
    [True, True, True]
    """
    words = set(words_of(kind).split())
    return bool(words & _BROWSING_EVENT_WORDS) and words <= _BROWSING_EVENT_WORDS | _EVENT_FILLER


def _purchase_event(kind: str) -> bool:
    """True for an event that is a purchase ("purchase", "Order Completed", "transaction", "buy").

    Examples
    --------
    >>> [_purchase_event(k) for k in ("purchase", "Order Completed", "begin_checkout", "Order Refunded")]
    [True, True, False, False]
    >>> [_purchase_event(k) for k in ("checkout_completed", "checkout", "view")]
    [True, False, False]
    """
    words = set(words_of(kind).split())
    if words & _NOT_YET_OR_UNDONE:
        return False
    return bool(words & _PURCHASE_EVENT_WORDS) or ("checkout" in words and bool(words & _COMPLETED_WORDS))


def non_purchase_events(frame: pd.DataFrame, headers: Iterable[object]) -> tuple[object, pd.Series] | None:
    """(column, True on lines whose event is no purchase) for an event log (a shop's clickstream: Kaggle's
    e-commerce behaviour data with ``event_type`` view / cart / remove_from_cart / purchase, Retailrocket's
    ``event`` view / addtocart / transaction, a GA4 ``event_name``), or None.

    A column counts when its header names an event or type and its few values hold both browsing events
    and a purchase: only the purchases are purchases, every other event is set aside.

    Examples
    --------
    >>> log = pd.DataFrame({"event_type": ["view", "cart", "purchase", "view", None]})
    >>> column, marks = non_purchase_events(log, log.columns)
    >>> column, marks.tolist()
    ('event_type', [True, True, False, True, False])
    >>> non_purchase_events(pd.DataFrame({"Type": ["Payment", "Refund"]}), ["Type"]) is None
    True
    """
    for header in headers:
        if header not in frame.columns:
            continue
        named = _words(header) & _EVENT_HEADER_WORDS or _squashed(header).endswith(_EVENT_HEADER_ENDS)
        kinds = _filled_text(frame[header]).drop_duplicates() if named else pd.Series(dtype=str)
        if not 2 <= len(kinds) <= MAX_TRANSACTION_TYPES:
            continue
        bought = {kind for kind in kinds if _purchase_event(kind)}
        browsing = any(_browsing_event(kind) for kind in kinds)
        if bought and browsing:
            text = frame[header].astype("string").str.strip()
            return header, (text.notna() & (text != "") & ~text.isin(bought)).fillna(False).astype(bool)
    return None


_FRAUD_PARTS = ("fraud", "betrug")
#: Words of a fraud column that is no mark of a fraudulent line: a score or probability, a model's guess,
#: a check that was passed ("Fraud Check Passed" yes is a clean line).
_NOT_FRAUD_MARK_WORDS = frozenset({"score", "prob", "probability", "risk", "risiko", "wahrscheinlichkeit",
                                   "rate", "check", "checked", "passed", "cleared", "pruefung", "prüfung",
                                   "geprueft", "geprüft", "model", "predicted", "prediction"})  # fmt: skip


def fraud_marks(frame: pd.DataFrame, headers: Iterable[object]) -> dict[object, pd.Series]:
    """Yes/no columns that mark a line as fraud (a card log's ``is_fraud``, ``isFraud``, ``Betrugsfall``):
    header -> True on the fraudulent lines. The card holder did not buy them; they are no purchase of the
    customer. A fraud score, a model's prediction or a passed check is no mark.

    Examples
    --------
    >>> log = pd.DataFrame({"is_fraud": [0, 1, 0], "fraud_score": [0.1, 0.9, 0.2],
    ...                     "Fraud Check Passed": ["yes", "yes", "no"]})
    >>> {column: marks.tolist() for column, marks in fraud_marks(log, log.columns).items()}
    {'is_fraud': [False, True, False]}
    """
    found = {}
    for header in headers:
        squashed = _squashed(header)
        if header not in frame.columns or not any(part in squashed for part in _FRAUD_PARTS):
            continue
        flags = None if _words(header) & _NOT_FRAUD_MARK_WORDS else _yes_no(frame[header])
        if flags is not None:
            found[header] = flags.fillna(False).astype(bool)
    return found


#: Headers of a yes/no column saying the payment went through (Elo's ``authorized_flag``, Stripe's
#: ``Captured``, "Bezahlt"): a line marked no was declined or never charged.
_PAID_MARK_WORDS = frozenset({"authorized", "authorised", "approved", "captured", "paid", "bezahlt",
                              "genehmigt", "autorisiert", "freigegeben"})  # fmt: skip


#: Words that turn a paid mark around or make it a mark of something else ("Not Paid", "Refund Approved").
_NOT_OF_THE_PAYMENT = _CANCEL_WORDS | _REFUND_WORDS | {"not", "nicht", "kein", "keine", "un", "unpaid"}


def unpaid_marks(frame: pd.DataFrame, headers: Iterable[object]) -> dict[object, pd.Series]:
    """Yes/no columns that say whether a payment went through (``authorized_flag`` Y/N, ``Captured``
    true/false, "Bezahlt" ja/nein): header -> True on the lines marked no (declined, never charged),
    which are no purchase. A paid amount or date is no mark, nor a mark of a refund ("Refund Approved") or
    one said the other way round ("Not Paid").

    Examples
    --------
    >>> log = pd.DataFrame({"authorized_flag": ["Y", "N", "Y"], "Paid On": ["2024-01-02", None, None],
    ...                     "Refund Approved": ["N", "N", "Y"], "Not Paid": ["N", "Y", "N"]})
    >>> {column: marks.tolist() for column, marks in unpaid_marks(log, log.columns).items()}
    {'authorized_flag': [False, True, False]}
    """
    found = {}
    for header in headers:
        words = _words(header)
        if header not in frame.columns or not words & _PAID_MARK_WORDS or words & _NOT_OF_THE_PAYMENT:
            continue
        flags = _yes_no(frame[header])
        if flags is not None:
            found[header] = (flags == False).fillna(False).astype(bool)  # noqa: E712 (a nullable boolean)
    return found


def _yes_no(values: pd.Series) -> pd.Series | None:
    """The column read as yes/no flags (nullable booleans), or None when some filled cell is no flag."""
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean")
    flags, bad = parse_flags(values)
    return flags if flags.notna().any() and not bad.any() else None


#: Words of a line that sells no product: postage and carriage, discounts, bank charges, marketplace fees,
#: commissions, samples, manual adjustments (UCI Online Retail's "POSTAGE", "DOTCOM POSTAGE", "Manual",
#: "Discount", "Bank Charges", "AMAZON FEE", "CRUK Commission", "Adjust bad debt"; a till's "Pfand").
_NON_PRODUCT_WORDS = frozenset(
    {"postage", "carriage", "shipping", "delivery", "versand", "versandkosten", "porto", "fracht",
     "frachtkosten", "manual", "discount", "rabatt", "bank", "charges", "charge", "fee", "fees", "gebühr",
     "gebühren", "amazon", "dotcom", "commission", "provision", "cruk", "samples", "sample", "adjust",
     "adjustment", "bad", "debt", "pfand", "leergut", "tip", "trinkgeld", "handling", "kosten"}
)  # fmt: skip
#: Header parts of the column that says what a line sold ("Description", "Artikelbezeichnung", "Item").
_ITEM_HEADER_PARTS = ("descr", "beschreib", "bezeichn", "artikel", "item", "product", "produkt", "position")
#: Lines without a product are a few of the log; a column of mostly such words describes something else.
MAX_NON_PRODUCT_SHARE = 0.2


def non_product_lines(frame: pd.DataFrame, headers: Iterable[object]) -> tuple[object, pd.Series] | None:
    """(column, True on lines that sell no product) for an item description column whose text on a few
    lines is only postage, discount, fee, bank-charge or adjustment words, or None. Such a line is no
    purchase of goods, as a freight or fee column is no amount.

    Examples
    --------
    >>> log = pd.DataFrame({"Description": ["WHITE METAL LANTERN", "POSTAGE", "PIGGY BANK", "Bank Charges"]
    ...                     + ["CAKE TIN"] * 8})
    >>> column, marks = non_product_lines(log, log.columns)
    >>> column, int(marks.sum()), bool(marks[2])
    ('Description', 2, False)
    """
    for header in headers:
        if header not in frame.columns or not any(part in _squashed(header) for part in _ITEM_HEADER_PARTS):
            continue
        text = frame[header].astype("string").str.strip().str.lower()
        kinds = text.dropna().drop_duplicates()
        words = kinds.str.findall(r"[^\W\d_]+")
        other = [bool(w) and set(w) <= _NON_PRODUCT_WORDS for w in words]
        if not any(other):
            continue
        marks = text.isin(kinds[other]).fillna(False).astype(bool)
        if 0 < marks.mean() <= MAX_NON_PRODUCT_SHARE:
            return header, marks
    return None


def _find_order_numbers(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> None:
    """Order numbers written "#1001" (shop exports), where no header named the order."""
    for column in frame.columns:
        if column in used:
            continue
        if _share_matching(frame[column], r"#\s?\d+") >= UNIQUE_PER_LINE:
            example = str(_filled_text(frame[column]).iloc[0])
            _assign(mapping, "order_id", column, Evidence("hash_order_numbers", {"example": example}), used)
            return


def refine_transaction_mapping(frame: pd.DataFrame, mapping: ColumnMapping) -> None:
    """Check the customer id against its values and find the customer, date and order the headers missed.

    Changes ``mapping`` in place; the evidence of each role chosen here is in ``mapping.evidence``.

    Examples
    --------
    A payment export: ``id`` is the payment (unique on every line), ``Customer ID`` the customer.

    >>> from cxlib.mapping import suggest_mapping
    >>> log = pd.DataFrame({"id": [f"ch_{i}" for i in range(30)],
    ...                     "Created (UTC)": ["2024-03-01 10:00:00"] * 30,
    ...                     "Amount": ["10.00"] * 30, "Customer ID": [f"cus_{i % 7}" for i in range(30)]})
    >>> mapping = suggest_mapping(log, "transactions")
    >>> mapping.matches["customer_id"].column, mapping.matches["order_id"].column
    ('Customer ID', 'id')
    >>> [e.code for e in mapping.evidence["customer_id"]]
    ['customer_header_repeats']
    """
    used = {
        c for m in mapping.matches.values() for c in (m.column if isinstance(m.column, list) else [m.column])
    }
    _check_customer_id(frame, mapping, used)
    _check_customer_per_order(frame, mapping, used)
    _check_amount(frame, mapping, used)
    _paid_amount(frame, mapping, used)
    _subtotal_before_tax(frame, mapping, used)
    _amount_of_items(frame, mapping, used)
    _price_per_line(frame, mapping, used)
    _find_date(frame, mapping, used)
    if "order_id" not in mapping.matches:
        _find_order_numbers(frame, mapping, used)
    if "status" not in mapping.matches:
        _find_document_type(frame, mapping, used)
    mapping.unmapped = [column for column in frame.columns if column not in used]


# ----- an order's total written on each of its lines -----------------------------------------------

#: Share of the orders with several amounts whose amounts are all equal, for an order-level total.
REPEATED_TOTAL_SHARE = 0.9
MIN_MULTI_LINE_ORDERS = 5
_ORDER_TOTAL_WORDS = ("order total", "order amount", "order value", "bestellwert", "bestellsumme",
                      "auftragswert", "rechnungsbetrag", "belegsumme", "invoice total")  # fmt: skip


def repeated_order_total(
    amounts: pd.Series, orders: pd.Series, header: object, lines_differ: pd.Series | None = None
) -> pd.Series | None:
    """True on the lines that repeat their order's total (all but the first line of each such order), or
    None when the amount is a line's own.

    An amount is the order's total when nearly every order with several amounts has one value on all its
    lines, and the header says so ("Order Total Amount", "Bestellwert") or the lines differ in another
    column (``lines_differ``, e.g. quantity or item): adding it up per line would count the order as often
    as it has lines.

    Examples
    --------
    >>> orders = pd.Series(["1", "1", "2", "2", "2", "3"] * 2)
    >>> amounts = pd.Series([50.0, 50.0, 80.0, 80.0, 80.0, 9.0] * 2)
    >>> repeated_order_total(amounts, orders + pd.Series(["a"] * 6 + ["b"] * 6), "Order Total").tolist()
    [False, True, False, True, True, False, False, True, False, True, True, False]
    """
    known = amounts.notna() & orders.notna()
    if not known.any():
        return None
    grouped = amounts[known].groupby(orders[known])
    sizes = grouped.size()
    multi = sizes[sizes > 1].index
    if len(multi) < MIN_MULTI_LINE_ORDERS and len(multi) < 0.2 * len(sizes):
        return None
    constant = grouped.nunique().loc[multi] == 1
    if not len(multi) or constant.mean() < REPEATED_TOTAL_SHARE:
        return None
    differ = lines_differ is not None and bool(
        lines_differ.groupby(orders).nunique().loc[multi].gt(1).mean() >= 0.5
    )
    if not (differ or _has_words(header, _ORDER_TOTAL_WORDS)):
        return None
    repeated = known & orders.isin(constant[constant].index) & orders.duplicated(keep="first")
    return repeated.fillna(False).astype(bool)


def _has_words(header: object, phrases: Iterable[str]) -> bool:
    text = f" {normalize_header(header)} "
    return any(
        f" {phrase} " in text or phrase.replace(" ", "") in text.replace(" ", "") for phrase in phrases
    )


# ----- lines without a real customer --------------------------------------------------------------

#: Customer ids that name nobody: guest checkouts and anonymous sales.
_GUEST_WORDS = frozenset({"guest", "gast", "anonymous", "anonym", "walk-in", "walkin", "laufkunde", "cash",
                          "barverkauf", "unknown", "unbekannt", "no customer", "kein kunde"})  # fmt: skip
_GUEST_NUMBERS = frozenset({"0", "-1", "00", "000", "0000"})
#: A numeric placeholder ("0") counts as a guest id only when it is the most frequent id, holds this
#: share of the lines and at least :data:`GUEST_FACTOR` times the lines of a typical customer (a real
#: customer "0" of ids counted from zero does not).
GUEST_SHARE = 0.05
GUEST_FACTOR = 3


def guest_lines(ids: pd.Series) -> pd.Series:
    """True where a line's customer id is a placeholder for "no customer" (a guest checkout): a guest word,
    or a "0" / "-1" that holds far more lines than any real customer.

    Examples
    --------
    >>> ids = pd.Series(["0"] * 40 + [str(i) for i in range(1, 61)] + ["Gast"])
    >>> int(guest_lines(ids).sum())
    41
    >>> int(guest_lines(pd.Series([str(i) for i in range(50)])).sum())  # "0" is a customer like any other
    0
    """
    text = ids.astype("string").str.strip()
    lowered = text.str.lower()
    guest = lowered.isin(list(_GUEST_WORDS)).fillna(False).astype(bool)
    counts = text.value_counts()
    if counts.empty:
        return guest
    typical = float(counts.median())
    for value in set(counts.index) & _GUEST_NUMBERS:
        lines = int(counts[value])
        most = lines == int(counts.iloc[0])
        if most and lines >= GUEST_SHARE * len(text) and lines >= GUEST_FACTOR * typical:
            guest |= (text == value).fillna(False).astype(bool)
    return guest


# ----- columns that change what a line is worth ---------------------------------------------------


def refund_column(headers: Iterable[object], amount_header: object = None) -> object | None:
    """The column holding the refunded or returned part of a line's amount ("Refunded Amount", "Amount
    Refunded", "Erstattungsbetrag", "Retourenwert", a sales report's "Returns"), or None.

    Examples
    --------
    >>> refund_column(["Total", "Refunded Amount", "Financial Status"])
    'Refunded Amount'
    >>> refund_column(["Total", "refunded"]) is None  # a yes/no mark, not an amount
    True
    >>> refund_column(["Sales", "Returned", "Retourenwert"]), refund_column(["Gross sales", "Returns"])
    ('Retourenwert', 'Returns')
    >>> refund_column(["Returns"], amount_header="Net sales") is None
    True
    """
    for header in headers:
        words, squashed = _words(header), _squashed(header)
        refund = words & _REFUND_WORDS or squashed.startswith(_REFUND_PREFIXES)
        amount = words & _AMOUNT_WORDS or squashed.endswith(("betrag", "summe", "wert"))
        # a sales report's "Net sales" is already net of its "Returns": they are not taken off twice
        total = words in ({word} for word in _REFUND_TOTALS) and _tax_basis(amount_header) != "net"
        if (refund and amount) or total:
            return header
    return None


def reversed_sales(orders: pd.Series, amounts: pd.Series, reversal: pd.Series) -> pd.Series:
    """True on the sale lines that a reversal line of the same order takes back: a till's "Storno" line
    (same receipt, same amount, negative) cancels one sale line, which is then no purchase either.

    ``reversal`` marks the lines that reverse a sale (negative amount and quantity, a cancel mark).

    Examples
    --------
    >>> orders = pd.Series(["10", "10", "10", "11"])
    >>> amounts = pd.Series([9.9, 4.5, -9.9, 9.9])
    >>> reversed_sales(orders, amounts, amounts < 0).tolist()
    [True, False, False, False]
    """
    found = pd.Series(False, index=amounts.index)
    reversal = reversal.fillna(False).astype(bool) & orders.notna() & amounts.notna()
    if not reversal.any():
        return found
    key = pd.DataFrame({"order": orders.astype("string").str.strip(), "amount": amounts.abs().round(2)})
    wanted = key[reversal].value_counts()
    sale = ((amounts > 0) & orders.notna()).fillna(False).astype(bool)
    sales = key[sale]
    needed = wanted.reindex(pd.MultiIndex.from_frame(sales)).fillna(0).to_numpy()
    found[sales.index] = sales.groupby(["order", "amount"]).cumcount().to_numpy() < needed
    return found


def cancel_mark_columns(frame: pd.DataFrame, headers: Iterable[object]) -> dict[object, pd.Series]:
    """Yes/no columns that mark a line cancelled or refunded (``Storno`` = X, ``refunded`` = True):
    header -> True where the line is no purchase. Columns with other values are not marks.

    Examples
    --------
    >>> log = pd.DataFrame({"Storno": ["", "X", None], "Betrag": ["1", "2", "3"]})
    >>> {column: marks.tolist() for column, marks in cancel_mark_columns(log, log.columns).items()}
    {'Storno': [False, True, False]}
    """
    found = {}
    for header in headers:
        words = _words(header)
        if not words & _CANCEL_WORDS or words & _AMOUNT_WORDS or header not in frame.columns:
            continue
        flags = _yes_no(frame[header])
        if flags is not None:
            found[header] = flags.fillna(False).astype(bool)
    return found


def amount_in_cents(header: object, amounts: pd.Series, frame: pd.DataFrame) -> Evidence | None:
    """Evidence that a line's amounts are in cents (the smallest currency unit), or None.

    The header says so ("amount_cents", "Betrag in Cent"), or the file is a payment API export: whole
    amounts written without a decimal mark, a three-letter currency on every line and API object ids
    ("ch_…", "cus_…").

    Examples
    --------
    >>> log = pd.DataFrame({"id": ["ch_3Mx81kL", "ch_3Mx81kM"], "currency": ["eur", "eur"]})
    >>> amount_in_cents("amount", pd.Series([1999.0, 500.0]), log).code
    'amount_minor_units_api'
    >>> amount_in_cents("amount_in_cents", pd.Series([1999.0]), log).code
    'amount_cents_header'
    >>> amount_in_cents("Betrag", pd.Series([19.99]), log) is None
    True
    """
    if _words(header) & _CENTS_WORDS:
        return Evidence("amount_cents_header", {"header": str(header)})
    known = amounts.dropna()
    if known.empty or not (known == known.round()).all():
        return None
    written = frame[header] if header in frame.columns else pd.Series(dtype=float)
    text = not pd.api.types.is_numeric_dtype(written)
    if text and _filled_text(written).str.contains(r"\d[.,]\d", regex=True).any():  # "55.00": currency units
        return None
    currency = [c for c in frame.columns if _words(c) & {"currency", "währung", "waehrung", "ccy"}]
    api_ids = [c for c in frame.columns if _share_matching(frame[c], _API_ID) >= UNIQUE_PER_LINE]
    if currency and api_ids and _share_matching(frame[currency[0]], _CURRENCY_CODE) >= UNIQUE_PER_LINE:
        return Evidence("amount_minor_units_api", {"header": str(header), "ids": str(api_ids[0])})
    return None


_CURRENCY_WORDS = frozenset({"currency", "währung", "waehrung", "ccy", "curr", "devise", "currencycode"})
_CODES = frozenset(code.lower() for code in CURRENCY_CODES)  # an amount header naming its currency
_CURRENCY_VALUE = r"[A-Za-z]{3}|[€$£¥₣₹]|CHF|Fr\.?"


def _currency_header(header: object) -> bool:
    ends = ("währung", "waehrung", "currency")
    return bool(_words(header) & _CURRENCY_WORDS) or _squashed(header).endswith(ends)


def mixed_currencies(
    frame: pd.DataFrame, headers: Iterable[object], amount_header: object = None
) -> tuple[object, str, dict] | None:
    """(column, the most frequent currency, lines per other currency) when a currency column holds
    several currencies, else None: amounts in EUR, USD and GBP added up are no revenue in any of them.
    An amount whose header names its currency ("Betrag in Hauswährung", "Amount (EUR)") is converted
    already: None.

    Examples
    --------
    >>> log = pd.DataFrame({"Currency": ["EUR", "EUR", "usd", "GBP", None]})
    >>> mixed_currencies(log, log.columns)
    ('Currency', 'EUR', {'USD': 1, 'GBP': 1})
    >>> mixed_currencies(log, log.columns, amount_header="Amount in local currency") is None
    True
    """
    if amount_header is not None and (_currency_header(amount_header) or _words(amount_header) & _CODES):
        return None
    for header in headers:
        if header not in frame.columns or not _currency_header(header):
            continue
        text = frame[header].dropna().astype(str).str.strip()
        text = text[text != ""]
        if text.empty or _share_matching(text, _CURRENCY_VALUE) < UNIQUE_PER_LINE:
            continue
        counts = text.str.upper().value_counts()
        if len(counts) > 1:
            return header, str(counts.index[0]), {str(k): int(v) for k, v in counts.iloc[1:].items()}
    return None


# ----- a workbook's sheet of returned orders -------------------------------------------------------

#: Words of a sheet (its name or a header) that lists returned or cancelled orders (Sample Superstore's
#: "Returns" sheet with "Returned" = Yes and "Order ID"; "Retouren", "Stornos").
_RETURN_SHEET_WORDS = frozenset(
    {"return", "returns", "returned", "retoure", "retouren", "retourniert", "ruecksendung", "ruecksendungen",
     "ruecklaeufer", "storno", "stornos", "storniert", "stornierung", "stornierungen", "cancelled",
     "canceled", "cancellations", "refunded", "refunds", "erstattet", "erstattungen"}
)  # fmt: skip


def returned_orders_sheet(sheets: dict[str, pd.DataFrame], picked: str, log: pd.DataFrame) -> dict | None:
    """The orders another sheet of the workbook lists as returned or cancelled, or None: ``{"sheet",
    "column", "orders"}`` (order ids as :func:`~cxlib.parsing.normalize_ids` writes them).

    A sheet counts when its name or a header says returns or cancellations and a header names the order
    (Sample Superstore's "Returns" sheet: "Returned" = Yes, "Order ID"). A yes/no column beside it keeps
    only the orders marked yes. The log itself and sheets with its columns (years joined into it) are
    never one. Which lines of the log belong to those orders is decided when the log's order column is
    known (:mod:`cxlib.validation`).

    Examples
    --------
    >>> returns = pd.DataFrame({"Returned": ["Yes", "Yes", "No"], "Order ID": ["CA-1", "CA-7", "CA-9"]})
    >>> orders = pd.DataFrame({"Order ID": ["CA-1"], "Sales": [9.5]})
    >>> found = returned_orders_sheet({"Orders": orders, "Returns": returns}, "Orders", orders)
    >>> found["sheet"], found["column"], sorted(found["orders"])
    ('Returns', 'Order ID', ['CA-1', 'CA-7'])
    """
    from cxlib.mapping import names_role
    from cxlib.roles import role

    order_role = role("transactions", "order_id")
    for name, frame in sheets.items():
        same_log = name == picked or list(map(str, frame.columns)) == list(map(str, log.columns))
        if same_log or frame.empty:  # the log itself, or one of its years joined into it
            continue
        words = {word for text in (name, *frame.columns) for word in words_of(text).split()}
        orders = [column for column in frame.columns if names_role(column, order_role)]
        if not words & _RETURN_SHEET_WORDS or not orders:
            continue
        column = orders[0]
        keep = pd.Series(True, index=frame.index)
        for other in frame.columns:
            if other == column:
                continue
            flags, bad = parse_flags(frame[other])
            if flags.notna().any() and not bad.any():
                keep &= flags.fillna(True).astype(bool)
        ids = normalize_ids(frame.loc[keep, column]).dropna()
        if not ids.empty:
            return {"sheet": str(name), "column": str(column), "orders": frozenset(ids)}
    return None
