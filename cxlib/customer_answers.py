"""Survey answers kept in the customer table: a CRM's "NPS" or "Satisfaction Score" column per customer.

Many customer exports carry each customer's latest answer to the recommend question (0–10) or a
satisfaction rating next to their master data. Without a survey upload the dashboard read these as
persona traits only and said "no survey data: the NPS cannot be computed". Here they become the survey
table (one answer per customer, linked by the customer's own ID), said so in the survey's notes, so the
NPS, satisfaction and the NPS per persona are computed from them. An uploaded survey always wins.

Only columns whose header names the question are taken: a recommend item on 0–10 (or NPS group
words), or a rating whose header names satisfaction. Other small whole numbers in a customer table
(a city tier, a number of devices) stay customer traits.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from cxlib.id_lookup import member_of
from cxlib.intake import LoadedTable
from cxlib.messages import Message
from cxlib.parsing import normalize_ids
from cxlib.scales import has_term, names_recommendation, read_questionnaire, words_of
from cxlib.tables import ColumnMeaning

__all__ = [
    "ANSWER_KINDS",
    "SATISFACTION_WORDS",
    "answer_columns",
    "answers_frame",
    "survey_from_customers",
    "used_customer_rows",
]

#: What the questionnaire reading must have found in a column for it to be an answer.
ANSWER_KINDS = ("nps_score", "nps_group", "rating", "outcome")
#: Header words of a satisfaction rating (a "rating" alone may be a credit or risk rating).
SATISFACTION_WORDS = ("satisfaction", "satisfied", "zufriedenheit", "zufrieden", "csat")
#: The survey's column for the customer's ID (a survey role synonym).
ID_COLUMN = "customer_id"


def answer_columns(raw: pd.DataFrame, candidates: list[str]) -> list[str]:
    """The columns among ``candidates`` (unmapped customer columns) that are survey answers.

    Examples
    --------
    >>> raw = pd.DataFrame({"NPS": [10, 9, 3, 7, 0, 8] * 5, "CityTier": [1, 2, 3, 1, 2, 3] * 5,
    ...                     "Satisfaction Score": [5, 4, 1, 3, 2, 4] * 5})
    >>> answer_columns(raw, ["NPS", "CityTier", "Satisfaction Score"])
    ['NPS', 'Satisfaction Score']
    >>> answer_columns(raw.rename(columns={"NPS": "Score"}), ["Score"])  # a plain score says no question
    []
    """
    present = [column for column in candidates if column in raw.columns]
    if not present:
        return []
    meanings = read_questionnaire(raw[present]).meanings
    return [column for column in present if _is_answer(meanings.get(str(column)))]


def _is_answer(meaning: ColumnMeaning | None) -> bool:
    if meaning is None or meaning.kind not in ANSWER_KINDS:
        return False
    if meaning.kind == "nps_group":
        return True
    if meaning.kind == "nps_score":  # a plain "Score" or "Rating" 0–10 in a CRM may be anything
        return names_recommendation(meaning.column)
    return has_term(words_of(meaning.column), SATISFACTION_WORDS) is not None


def answers_frame(raw: pd.DataFrame, id_column: str, columns: list[str]) -> pd.DataFrame:
    """The survey sheet made from the customer sheet: the customer's ID and the answer columns, rows
    without any answer left out (a customer who never answered gave no response).

    Examples
    --------
    >>> raw = pd.DataFrame({"Kundennr": ["a", "b", "c"], "NPS": [10, None, 3]})
    >>> answers_frame(raw, "Kundennr", ["NPS"]).to_dict("list")
    {'customer_id': ['a', 'c'], 'NPS': [10.0, 3.0]}
    """
    frame = raw[[id_column, *columns]].rename(columns={id_column: ID_COLUMN})
    answered = frame[columns].notna().any(axis=1)
    return frame.loc[answered].reset_index(drop=True)


def used_customer_rows(ids: pd.Series, used: pd.Series) -> pd.Series:
    """Rows of the customer sheet that the customer table kept: their ID is among the ``used`` IDs, first
    occurrence only (leads, other contacts, totals rows and repeated IDs were set aside there).

    Examples
    --------
    >>> used_customer_rows(pd.Series([7, 8, 7, "Summe"]), pd.Series(["7"])).tolist()
    [True, False, False, False]
    """
    normalized = normalize_ids(ids)
    return member_of(normalized, used) & ~normalized.duplicated()


def survey_from_customers(customers: LoadedTable) -> LoadedTable | None:
    """The survey table made from the answer columns of a loaded customer table, or None when it has
    none (or no customer ID of its own to link the answers by).

    The survey's report names the columns and the file in its first note; the table is marked
    ``derived_from="customers"``.
    """
    from cxlib.intake import prepare_table

    match = customers.mapping.matches.get("customer_id")
    if match is None or match.method == "row_number" or not isinstance(match.column, str):
        return None
    columns = answer_columns(customers.raw, [str(c) for c in customers.mapping.unmapped])
    if not columns:
        return None
    kept = used_customer_rows(customers.raw[match.column], customers.validated.data["customer_id"])
    raw = customers.raw[kept]
    frame = answers_frame(raw, match.column, columns)
    if frame.empty:
        return None
    loaded = prepare_table(
        {customers.sheet: frame},
        table="survey",
        file=customers.file,
        sheet=customers.sheet,
        corrections={"customer_id": ID_COLUMN, "response_id": None},
    )
    note = Message(
        "survey.note.answers_in_customer_table",
        columns=", ".join(columns),
        file=customers.file,
        answered=len(frame),
        unanswered=len(raw) - len(frame),  # rows without any of these answers: counted, not dropped
    )
    notes = [note]
    left_out = answers_frame(customers.raw, match.column, columns).shape[0] - len(frame)
    if left_out:  # a lead's, a duplicate's or a totals row's answer is no customer's answer
        notes.append(Message("survey.note.answers_of_set_aside_rows", rows=left_out))
    report = replace(loaded.validated.report, notes=[*notes, *loaded.validated.report.notes])
    return replace(loaded, validated=replace(loaded.validated, report=report), derived_from="customers")
