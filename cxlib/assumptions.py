"""The plausibility guard's ``assumptions``: inferred facts that figures rest on, listed where the figures
are shown (JSON ``assumptions``, KPI tile help, persona notes).

An assumption is an :class:`~cxlib.tables.Evidence` on a column whose code is in
:data:`ASSUMPTION_CODES` (money period read from a header, age derived from a birth date …). Other
column-understanding modules add their codes to this set (e.g. an NPS read from a 1–10 scale).
"""

from __future__ import annotations

from collections.abc import Mapping

from cxlib.tables import ColumnMeaning

__all__ = ["ASSUMPTION_CODES", "assumptions_of"]

#: Evidence codes that rest on inference and are shown as assumptions where figures use them.
ASSUMPTION_CODES = frozenset(
    {
        "revenue_month_x12",
        "revenue_per_payment_x_frequency",
        "revenue_lifetime_per_tenure",
        "revenue_lifetime_as_year",
        "revenue_span_to_year",
        "margin_span_to_year",
        "margin_month_x12",
        "margin_lifetime_per_tenure",
        "margin_lifetime_as_year",
        "margin_from_rate",
        "margin_rate_percent_cells",
        "margin_rate_fractions",
        "margin_rate_whole_percent",
        "period_default_year",
        "period_sibling_12_months",
        "age_from_birth_year",
        "age_from_birth_date",
        "age_from_birth_year_at",
        "age_from_birth_date_at",
        "id_near_unique",
        "id_names_customer",
        "id_email",
        "spend_header",
        "nps_from_1_to_10",
        "response_date_of_purchase",
        "nps_unreadable_answers",
        "nps_from_plain_score",
        "label_names_recommendation",
        "revenue_latest_year",
        "revenue_last_full_year",
        "churn_status_words",
        "churn_date_header",
        "churn_dates_after_now",
        "churned_without_date",
        "churn_date_from_status_date",
        "signup_date_header",
        "period_year_to_date",
        "revenue_full_period",
        "revenue_year_over_lifetime",
        "tenure_from_signup",
        "amount_net_of_vat",
        "amount_gross_with_vat",
        "amount_gross_before_fees",
        "amount_mixed_currencies",
        "customer_id_per_order",
        "customer_name_as_id",
        "card_as_customer",
        "customer_rows_per_record",
    }
)


def assumptions_of(meanings: Mapping[str, ColumnMeaning]) -> list[dict]:
    """The inferred assumptions in ``meanings``: ``{"code", "column", "params"}`` dicts, JSON-ready.

    Examples
    --------
    >>> from cxlib.tables import ColumnMeaning, Evidence
    >>> meaning = ColumnMeaning("revenue", "money", role="revenue", period="month",
    ...                         evidence=[Evidence("revenue_month_x12", {"period": "month"})])
    >>> assumptions_of({"revenue": meaning})
    [{'code': 'revenue_month_x12', 'column': 'revenue', 'params': {'period': 'month'}}]
    """
    found = []
    for column, meaning in meanings.items():
        for evidence in meaning.evidence:
            if evidence.code in ASSUMPTION_CODES:
                found.append({"code": evidence.code, "column": column, "params": dict(evidence.params)})
    return found
