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

from cxlib.mapping import ColumnMapping, mapping_from_dict, suggest_mapping
from cxlib.reading import get_sheet, pick_sheet, question_labels, read_file
from cxlib.roles import TableName
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
    if sheet is None and sheet_hint in sheets:
        sheet = sheet_hint
    joined = joined_sheets(sheets, table)
    if joined is not None and sheet in (None, joined[0]):
        name, raw = joined
    else:
        name = sheet if sheet is not None else pick_sheet(sheets)
        raw = get_sheet(sheets, name, filename=file)
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
