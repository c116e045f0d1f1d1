"""The whole intake of one file: read it, pick the sheet, map the columns, validate the rows.

The CLI and the app both go through here, so a file gives the same tables and report everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from cxlib.customer_columns import (
    MIN_ROWS_TO_JUDGE,
    NEAR_UNIQUE,
    NOT_AN_ID,
    customer_key_column,
    distinct_share,
)
from cxlib.errors import CxError
from cxlib.mapping import ColumnMapping, mapping_from_dict, suggest_mapping
from cxlib.reading import get_sheet, pick_sheet, question_labels, read_file
from cxlib.roles import TableName
from cxlib.scales import employee_item
from cxlib.tables import ValidatedTable
from cxlib.transaction_columns import returned_orders_sheet
from cxlib.validation import link_to_customers, validate_table

Source = str | os.PathLike | bytes | BinaryIO


@dataclass
class LoadedTable:
    """One uploaded table at every stage: the sheets found, the raw sheet, its mapping, the result."""

    table: TableName
    file: str
    sheets: list[str]
    sheet: str
    raw: pd.DataFrame
    mapping: ColumnMapping
    validated: ValidatedTable
    #: The table this one was made from (a survey from the customer table's answer columns), or None.
    derived_from: TableName | None = None


def prepare_table(
    sheets: dict[str, pd.DataFrame],
    *,
    table: TableName,
    file: str,
    sheet: str | None = None,
    roles: Mapping[str, str | list[str] | None] | None = None,
    lang: str | None = None,
    known_customers: set[str] | None = None,
    corrections: Mapping[str, str | None] | None = None,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
    sheet_hint: str | None = None,
) -> LoadedTable:
    """Pick the sheet, map and validate already-read sheets (the app caches the reading step).

    ``sheet_hint`` (a mapping profile's sheet) is used when ``sheet`` is not given and the file has it.
    ``roles`` overrides the automatic mapping (role key -> column); without it the mapping is guessed.
    ``corrections`` change single roles on top of either (``None`` unmaps a role); ``overrides`` are
    column meanings the user confirmed (e.g. ``{"revenue": {"period": "month"}}``, see
    :mod:`cxlib.mapping_profile`). The result is language-neutral (``lang`` is ignored, kept for older
    callers): rules and notes are rendered where they are shown.
    """
    automatic = not roles and not corrections  # the user chose no column by hand
    if sheet is None and sheet_hint in sheets:
        sheet = sheet_hint
    joined = joined_sheets(sheets, table)
    if joined is not None and sheet in (None, joined[0]):
        name, raw = joined
    else:
        name = sheet if sheet is not None else pick_sheet(sheets)
        raw = get_sheet(sheets, name, filename=file)
        if sheet is None and table == "customers":
            name, raw = _customer_list_sheet(sheets, name, raw, file)
    labels = question_labels(sheets, name) if table == "survey" and len(sheets) > 1 else {}
    if labels:  # the codebook sheet's question texts, read with the coded headers (scales.read_questionnaire)
        raw = raw.copy(deep=False)
        raw.attrs = {**raw.attrs, "question_labels": labels}
    # a workbook's sheet of returned orders (Sample Superstore's "Returns"): those orders are no purchases
    returned = returned_orders_sheet(sheets, name, raw) if table == "transactions" else None
    if returned:
        raw = raw.copy(deep=False)
        raw.attrs = {**raw.attrs, "returned_orders": returned}
    if corrections:
        base = dict(roles) if roles else suggest_mapping(raw, table).as_dict()
        roles = {**base, **corrections}
    mapping = mapping_from_dict(raw, table, roles) if roles else suggest_mapping(raw, table)
    if automatic:
        try:
            refuse_misplaced(raw, mapping, file=file)
        except CxError:
            other = _records_sheet(sheets, name, table, file) if sheet is None and joined is None else None
            if other is None:
                raise
            name, raw, mapping = other
    validated = validate_table(
        raw,
        mapping,
        file=file,
        sheet=name,
        known_customers=known_customers,
        overrides=overrides,
    )
    names = [joined[0], *sheets] if joined is not None else list(sheets)
    return LoadedTable(table, file, names, name, raw, mapping, validated)


def _customer_list_sheet(
    sheets: Mapping[str, pd.DataFrame], picked: str, raw: pd.DataFrame, file: str
) -> tuple[str, pd.DataFrame]:
    """For the customer table: a sheet with one row per customer number instead of the picked sheet whose
    customer numbers repeat (a purchase log or contract list beside the customer list, as KPMG's
    Sprocket workbook: Transactions 20,000 rows, CustomerDemographic 4,000). The longest such sheet, with
    a reading note naming the sheet skipped; the picked sheet when no other sheet is a customer list."""
    key = customer_key_column(raw)
    if len(sheets) < 2 or key is None or distinct_share(raw[key]) >= NEAR_UNIQUE:
        return picked, raw
    lists = []
    for name in sheets:
        frame = get_sheet(sheets, name, filename=file) if name != picked else None
        column = None if frame is None else customer_key_column(frame)
        if column is None or frame[column].notna().sum() < MIN_ROWS_TO_JUDGE:
            continue
        if distinct_share(frame[column]) >= NEAR_UNIQUE and frame[column].notna().mean() >= NEAR_UNIQUE:
            lists.append((len(frame), name, frame))
    if not lists:
        return picked, raw
    _, name, frame = max(lists, key=lambda item: item[0])  # max keeps the first of equal lengths
    frame = frame.copy(deep=False)
    note = ("reading.note.sheet_per_customer", {"skipped": picked, "sheet": name})
    frame.attrs = {**frame.attrs, "note_keys": [*frame.attrs.get("note_keys", []), note]}
    return name, frame


def refuse_misplaced(raw: pd.DataFrame, mapping: ColumnMapping, *, file: str) -> None:
    """Raise :class:`CxError` for a sheet that is no table of this kind: a summary, a survey as the
    customers or purchases, customers or purchases as the survey."""
    refuse_summary(raw, mapping, file=file)
    refuse_survey_elsewhere(raw, mapping, file=file)
    refuse_records_as_survey(raw, mapping, file=file)
    refuse_log_as_customers(raw, mapping, file=file)


def _records_sheet(
    sheets: Mapping[str, pd.DataFrame], skipped: str, table: TableName, file: str
) -> tuple[str, pd.DataFrame, ColumnMapping] | None:
    """Another sheet of the workbook that holds this table's records (an ID column found, not
    misplaced), when the sheet picked is a summary or another kind of table: (name, sheet, mapping),
    with a reading note naming the sheet skipped; None when there is none."""
    rest = {name: frame for name, frame in sheets.items() if name != skipped and len(frame)}
    while rest:
        name = pick_sheet(rest)
        raw = get_sheet(rest, name, filename=file)
        mapping = suggest_mapping(raw, table)
        del rest[name]
        if not any(key in mapping.matches for key in _RECORD_KEYS):
            continue
        if table == "survey" and not any(key in mapping.matches for key in (*_RATING_ROLES, "comment")):
            continue  # a sheet of addresses is no survey either: nothing to rate or to read
        try:
            refuse_misplaced(raw, mapping, file=file)
        except CxError:
            continue
        raw = raw.copy(deep=False)
        note = ("reading.note.sheet_skipped", {"skipped": skipped, "sheet": name})
        raw.attrs = {**raw.attrs, "note_keys": [*raw.attrs.get("note_keys", []), note]}
        return name, raw, mapping
    return None


#: Roles that identify a record: with one of them found by its header, the rows are records.
_RECORD_KEYS = ("customer_id", "response_id", "order_id")


def refuse_summary(raw: pd.DataFrame, mapping: ColumnMapping, *, file: str) -> None:
    """Refuse a summary uploaded as a table of records: a pivot or segment report as the customers, a
    survey report or frequency table as the survey (:func:`cxlib.summary_tables.summary_shape`). Its
    rows are groups; counted as customers or answers they would give personas of regions and an NPS of
    averages. Raises :class:`CxError` (``error.summary_table``) saying what the file looks like; a table
    with an ID column is never refused.

    >>> pivot = pd.DataFrame({"Region": ["Nord", "Süd", "Ost"], "Jan": [5, 6, 7], "Feb": [8, 9, 1]})
    >>> from cxlib.errors import CxError
    >>> try:
    ...     refuse_summary(pivot, suggest_mapping(pivot, "customers"), file="pivot.xlsx")
    ... except CxError as error:
    ...     print(error.key, error.params["label"], error.params["rows"])
    error.summary_table Region 3
    """
    from cxlib.messages import Message
    from cxlib.summary_tables import summary_shape

    if any(key in mapping.matches for key in _RECORD_KEYS):
        return
    shape = summary_shape(raw)
    if shape is None:
        return
    raise CxError(
        "error.summary_table",
        file=file,
        table=Message(f"table.{mapping.table}"),
        rows=shape.groups,
        label=shape.label,
        examples=shape.examples,
        columns=shape.columns,
        what=Message(f"summary.kind.{shape.kind}"),
        expected=Message(f"summary.expected.{mapping.table}"),
    )


#: Roles that show a customer table's or purchase log's own content: with one of them, answers in the
#: file are the customers' (a CRM with its NPS field), not a survey uploaded in the wrong place.
_OWN_ROLES = {
    "customers": ("revenue", "orders", "margin", "signup_date", "churn_date", "churned", "tenure"),
    "transactions": ("amount", "unit_price", "order_id"),
}
#: Rows read to tell a survey by its columns (the answers' scales need no more).
_SLOT_SAMPLE = 2_000


def refuse_survey_elsewhere(raw: pd.DataFrame, mapping: ColumnMapping, *, file: str) -> None:
    """Refuse a survey export uploaded as the customers or the purchases: two or more rating questions
    and the survey's own response ID ("Antwort-ID", "Response ID", "Submission ID") or response date
    ("Zeitstempel", "Submitted at") by their headers, and none of the table's own columns (revenue,
    signup, churn; amount). Read as customers, a customer's second answer was set aside as a repeated
    ID and the first one made the NPS; read as purchases, each answer was an order. Raises
    :class:`CxError` (``error.survey_in_wrong_slot``) naming the columns that show it.

    >>> from cxlib.errors import CxError
    >>> answers = pd.DataFrame({"Response ID": range(1, 13), "Customer ID": [1, 2, 3] * 4,
    ...                         "How likely are you to recommend us?": [9, 7, 3] * 4,
    ...                         "Satisfaction with delivery": [4, 5, 2] * 4})
    >>> try:
    ...     refuse_survey_elsewhere(answers, suggest_mapping(answers, "customers"), file="a.csv")
    ... except CxError as error:
    ...     print(error.key, error.params["column"])
    error.survey_in_wrong_slot Response ID
    """
    from cxlib.messages import Message

    own = _OWN_ROLES.get(mapping.table)
    if own is None or any(key in mapping.matches for key in own):
        return
    survey = suggest_mapping(raw.head(_SLOT_SAMPLE), "survey").matches
    ratings = [survey[key].column for key in ("recommend", "satisfaction") if key in survey]
    ratings += survey["touchpoints"].column if "touchpoints" in survey else []
    keys = [survey[key] for key in ("response_id", "response_date") if key in survey]
    named = [match.column for match in keys if match.method in ("exact", "synonym")]
    if len(ratings) < 2 or not named:
        return
    shown = ", ".join(map(str, ratings[:4])) + (", …" if len(ratings) > 4 else "")
    raise CxError(
        "error.survey_in_wrong_slot",
        file=file,
        table=Message(f"table.{mapping.table}"),
        column=str(named[0]),
        ratings=len(ratings),
        columns=shown,
    )


def refuse_log_as_customers(raw: pd.DataFrame, mapping: ColumnMapping, *, file: str) -> None:
    """Refuse a purchase log uploaded as the customer table: no customer ID of one row per customer was
    found (nor a contract list combined per customer), while the rows read as purchases have a customer
    column named by its header that repeats (two or more rows per customer on average), a date and an
    amount or a unit price. Before, each purchase counted as a customer (retail_transactions.csv:
    125,000 "customers" for 6,889 buyers, a purchase's amount as a customer's yearly revenue). Raises
    :class:`CxError` (``error.log_in_customer_slot``) naming the columns.

    >>> from cxlib.errors import CxError
    >>> log = pd.DataFrame({"customer_id": ["C1", "C2", "C3"] * 4,
    ...                     "trans_date": [f"{day:02d}.03.2024" for day in range(1, 13)],
    ...                     "tran_amount": [35.0, 12.5, 80.0, 22.0, 41.0, 9.9] * 2})
    >>> try:
    ...     refuse_log_as_customers(log, suggest_mapping(log, "customers"), file="log.csv")
    ... except CxError as error:
    ...     print(error.key, error.params["columns"])
    error.log_in_customer_slot customer_id, trans_date, tran_amount
    """
    if mapping.table != "customers" or "customer_id" in mapping.matches:
        return
    lines, log = _read_as_purchases(raw)
    if not log:
        return
    customer = lines["customer_id"]
    if customer.method not in ("exact", "synonym") or isinstance(customer.column, list):
        return
    if distinct_share(raw[customer.column]) >= NOT_AN_ID:  # the whole column: a sample hides the repeats
        return  # about one row per customer: a customer table whose IDs are unusable, not a log
    raise CxError("error.log_in_customer_slot", file=file, columns=", ".join(map(str, log)))


def _read_as_purchases(raw: pd.DataFrame) -> tuple[dict, list]:
    """The sheet's columns read as a purchase log (role -> match, on a sample), and its customer, date and
    money (amount, else unit price) columns when it has all three, else []."""
    lines = suggest_mapping(raw.head(_SLOT_SAMPLE), "transactions").matches
    money = next((key for key in ("amount", "unit_price") if key in lines), None)
    if money is None or not {"customer_id", "date"} <= set(lines):
        return lines, []
    return lines, [lines[key].column for key in ("customer_id", "date", money)]


#: Roles that show a table is about customers or purchases, not answers.
_PROFILE_ROLES = (
    "revenue", "orders", "signup_date", "churn_date", "churned", "tenure", "age", "gender", "income",
)  # fmt: skip
#: Of those, the ones no survey asks about: a survey's demographic questions (age, gender) are no sign.
_CUSTOMER_ONLY = frozenset(_PROFILE_ROLES[:6])
_RATING_ROLES = ("recommend", "satisfaction", "touchpoints", "touchpoint", "score")


def refuse_records_as_survey(raw: pd.DataFrame, mapping: ColumnMapping, *, file: str) -> None:
    """Refuse a customer table or purchase log uploaded as the survey: no rating question and no
    comment at all, and a purchase log's amount (or unit price) and date with repeated customers, or two
    or more of a customer table's columns, one of them no survey asks about (revenue, orders, signup,
    churn); and order lines whose only text is a product's (an order number or a quantity beside the
    log's columns: UCI Online Retail's "Description" is no comment).
    Before, such a file was "a survey" of N answers with no NPS and no journey, and nothing said why.
    Raises :class:`CxError` (``error.records_in_survey_slot``) saying what the file looks like.

    >>> from cxlib.errors import CxError
    >>> customers = pd.DataFrame({"Kundennummer": ["K1", "K2", "K3"], "Alter": [34, 51, 28],
    ...                           "Geschlecht": ["w", "m", "w"], "Umsatz": [120.5, 80.0, 310.2]})
    >>> try:
    ...     refuse_records_as_survey(customers, suggest_mapping(customers, "survey"), file="kunden.csv")
    ... except CxError as error:
    ...     print(error.key, error.params["looks"].key)
    error.records_in_survey_slot table.customers
    """
    from cxlib.messages import Message

    if mapping.table != "survey" or any(key in mapping.matches for key in _RATING_ROLES):
        return  # answers to rate: a survey, whatever else it holds
    if any(employee_item(meaning) for meaning in mapping.meanings.values()):
        return  # a staff file (HR attrition table): validation says so; it is no customer table either
    sample = raw.head(_SLOT_SAMPLE)
    lines, found = _read_as_purchases(sample)
    log = bool(found) and bool(sample[found[0]].duplicated().any())  # customers who bought again
    if "comment" in mapping.matches and not (log and {"order_id", "quantity"} & set(lines)):
        return  # answers to read: a survey (unless its rows are order lines and the text a product's)
    if log:
        looks = "transactions"
    else:
        profile = suggest_mapping(sample, "customers").matches
        found = [profile[key].column for key in _PROFILE_ROLES if key in profile]
        if len(found) < 2 or not _CUSTOMER_ONLY & set(profile):
            return
        looks = "customers"
    raise CxError(
        "error.records_in_survey_slot",
        file=file,
        looks=Message(f"table.{looks}"),
        columns=", ".join(map(str, found[:5])),
    )


def joined_sheets(sheets: Mapping[str, pd.DataFrame], table: TableName) -> tuple[str, pd.DataFrame] | None:
    """A purchase log split over sheets with the same columns (one per year, as UCI's Online Retail II
    workbook: "Year 2009-2010", "Year 2010-2011") as one table: (name, rows of all those sheets), or None.

    Only for purchase logs, and only when the sheet that would be picked is one of them: one year alone
    would count a part of each customer's purchases. The joined table's reading notes say which sheets.

    Examples
    --------
    >>> year = pd.DataFrame({"Invoice": ["1"], "Customer ID": ["7"], "Price": [2.5]})
    >>> sheets = {"2010": year, "2011": year, "Info": pd.DataFrame({"a": [1]})}
    >>> name, rows = joined_sheets(sheets, "transactions")
    >>> name, len(rows)
    ('2010 + 2011', 2)
    """
    if table != "transactions" or len(sheets) < 2:
        return None
    columns = {name: tuple(map(str, frame.columns)) for name, frame in sheets.items() if len(frame)}
    picked = pick_sheet(dict(sheets))
    names = [name for name, header in columns.items() if header == columns.get(picked)]
    if len(names) < 2:
        return None
    frames = [sheets[name] for name in names]
    joined = pd.concat(frames)
    attrs = dict(frames[0].attrs)
    note = ("reading.note.sheets_joined", {"sheets": ", ".join(names), "rows": len(joined)})
    attrs["note_keys"] = [*attrs.get("note_keys", []), note]
    attrs["blank_rows"] = sum(int(frame.attrs.get("blank_rows", 0) or 0) for frame in frames)
    layout = [row for frame in frames for row in frame.attrs.get("layout_rows") or []]
    attrs["layout_rows"] = tuple(layout)
    joined.attrs = attrs
    return " + ".join(names), joined


def load_table(
    source: Source,
    *,
    table: TableName,
    filename: str | None = None,
    sheet: str | None = None,
    roles: Mapping[str, str | list[str] | None] | None = None,
    lang: str | None = None,
    known_customers: set[str] | None = None,
    corrections: Mapping[str, str | None] | None = None,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
    sheet_hint: str | None = None,
) -> LoadedTable:
    """Read ``source`` (path or bytes) and turn it into a validated table. Raises only ``CxError``.

    Language-neutral like :func:`prepare_table` (``lang`` is ignored).
    """
    file = filename or (Path(source).name if isinstance(source, str | os.PathLike) else "upload")
    sheets = read_file(source, filename=file)
    return prepare_table(
        sheets,
        table=table,
        file=file,
        sheet=sheet,
        roles=roles,
        known_customers=known_customers,
        corrections=corrections,
        overrides=overrides,
        sheet_hint=sheet_hint,
    )


def link_tables(tables: dict[str, LoadedTable], *, lang: str | None = None) -> None:
    """Complete and link the tables in place (``lang`` is ignored): without a survey, the customer table's
    own answer columns (NPS, satisfaction) are the survey (:mod:`cxlib.customer_answers`); then survey
    and transaction rows whose customer is not in the customer table are counted."""
    from cxlib.customer_answers import survey_from_customers

    customers = tables.get("customers")
    if customers is None:
        return
    if "survey" not in tables and (survey := survey_from_customers(customers)) is not None:
        tables["survey"] = survey
    for name in ("survey", "transactions"):
        if name in tables:
            _respell_customer_ids(tables[name], customers)
            link_to_customers(tables[name].validated, customers.validated)


def _respell_customer_ids(item: LoadedTable, customers: LoadedTable) -> None:
    """Customer IDs written otherwise than in the customer table (``K-00012`` for ``00012``) take its
    spelling, with a note (:mod:`cxlib.id_matching`). New objects replace the table's data and notes, so
    a cached copy of the unlinked table is never changed."""
    from cxlib.id_matching import respelled_ids
    from cxlib.messages import Message

    data = item.validated.data
    if "customer_id" not in data or "customer_id" not in customers.validated.data:
        return
    if _ids_by_email(item, customers):
        return
    match = customers.mapping.matches.get("customer_id")
    if match is not None and match.method == "row_number":  # numbered rows are nobody's ID elsewhere
        return
    if _ids_of_records(item, customers):
        return
    found = respelled_ids(data["customer_id"], customers.validated.data["customer_id"])
    if found is None:
        return
    item.validated.data = data.assign(customer_id=found.ids.astype(data["customer_id"].dtype))
    note = Message(
        "link.note.ids_respelled",
        matched=found.matched,
        total=found.total,
        example=found.example,
        how=Message(f"link.how.{found.method}"),
    )
    item.validated.report.notes = [*item.validated.report.notes, note]


def _ids_by_email(item: LoadedTable, customers: LoadedTable) -> bool:
    """A survey or order table that names its customers by e-mail address, beside a customer table keyed
    otherwise (Mailchimp's LEID, a customer number, row numbers) that lists each customer's address: each
    row is linked to the customer with its address (trimmed, lower case), with a note counting the rows
    linked and not. True when it was; an address listed for two customers links to neither."""
    from cxlib.messages import Message
    from cxlib.parsing import casefold_emails
    from cxlib.transaction_columns import is_email_column

    ids = item.validated.data["customer_id"]
    known = customers.validated.data

    def addresses_in(values: pd.Series) -> bool:  # the first filled cells decide
        return is_email_column(values.dropna().head(500))

    if not addresses_in(ids) or addresses_in(known["customer_id"]):
        return False  # no addresses here, or the customers are keyed by them already
    column = next((c for c in known.columns if c != "customer_id" and addresses_in(known[c])), None)
    if column is None:
        return False
    addresses = casefold_emails(known[column])
    lookup = pd.Series(known["customer_id"].to_numpy(), index=addresses.to_numpy())[
        addresses.notna().to_numpy()
    ]
    lookup = lookup[~lookup.index.duplicated(keep=False)]
    linked = ids.map(lookup)
    found = linked.notna()
    if not found.any():
        return False
    item.validated.data = item.validated.data.assign(customer_id=linked.where(found, ids).astype(ids.dtype))
    note = Message("link.note.ids_by_email", matched=int(found.sum()), total=int(ids.notna().sum()),
                   unmatched=int((ids.notna() & ~found).sum()), column=str(column))  # fmt: skip
    item.validated.report.notes = [*item.validated.report.notes, note]
    return True


def _ids_of_records(item: LoadedTable, customers: LoadedTable) -> bool:
    """A table keyed by the customer table's record numbers (Olist's orders by the per-order
    ``customer_id`` of a customer table combined by ``customer_unique_id``) is linked to the customers
    those records belong to, with a note. True when it was."""
    from cxlib.id_lookup import member_of
    from cxlib.id_matching import MATCHED_SHARE, WRITTEN_SHARE
    from cxlib.messages import Message

    records = customers.validated.records
    ids = item.validated.data["customer_id"]
    known = ids.notna()
    if records is None or not known.any():
        return False
    customer_ids = customers.validated.data["customer_id"]
    if member_of(ids[known], customer_ids).mean() >= WRITTEN_SHARE:
        return False
    is_record = member_of(ids[known], records.index)
    if is_record.mean() < MATCHED_SHARE:
        return False
    lookup = records[~records.index.duplicated()]
    linked = ids.map(lookup).where(ids.map(lookup).notna(), ids)
    item.validated.data = item.validated.data.assign(customer_id=linked.astype(ids.dtype))
    column = customers.mapping.matches["customer_id"].column
    note = Message("link.note.ids_of_records", matched=int(is_record.sum()), total=int(known.sum()),
                   column=str(column))  # fmt: skip
    item.validated.report.notes = [*item.validated.report.notes, note]
    return True


def mapping_overview(loaded: LoadedTable, *, lang: str = "en") -> pd.DataFrame:
    """One row per role of the table: the column it was matched to, how sure, and how it was found.

    Column names are string-table keys' texts in ``lang`` (for display as they are).
    """
    from cxlib.i18n import t
    from cxlib.roles import ROLES

    rows = []
    for candidate in ROLES[loaded.table]:
        match = loaded.mapping.matches.get(candidate.key)
        column = match.column if match else None
        if match is not None and match.method == "row_number":
            column = t("ui.method.row_number", lang)
        rows.append(
            {
                t("ui.col.field", lang): t(f"role.{candidate.key}", lang),
                t("ui.col.column", lang): ", ".join(column) if isinstance(column, list) else (column or "–"),
                t("ui.col.confidence", lang): match.confidence if match else None,
                t("ui.col.method", lang): t(f"ui.method.{match.method}", lang) if match else "–",
            }
        )
    return pd.DataFrame(rows)


def rules_overview(loaded: LoadedTable, *, lang: str = "en") -> pd.DataFrame:
    """The table's notes and the validation rules that touched rows, in ``lang``: message, row count, and
    whether rows were set aside."""
    from cxlib.i18n import t

    rules = loaded.validated.report.rules
    # How the file was read (no header row, unpacked, space-aligned, …) and what the checks noticed about
    # its columns come first, without a row count.
    notes = loaded.validated.report.note_texts(lang)
    return pd.DataFrame(
        {
            t("ui.col.finding", lang): [*notes, *(rule.text(lang) for rule in rules)],
            t("ui.col.rows", lang): pd.array(
                [None] * len(notes) + [rule.rows for rule in rules], dtype="Int64"
            ),
            t("ui.col.action", lang): [t("ui.action.read_note", lang)] * len(notes)
            + [t("ui.action.set_aside" if r.set_aside else "ui.action.repaired", lang) for r in rules],
        }
    )
