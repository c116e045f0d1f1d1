"""The Value page's tables in the reader's language: customers (most valuable, most at risk) and the RFM
segments. Numbers stay numbers (rounded to cents), so downloads and sorting keep working."""

from __future__ import annotations

import pandas as pd

from cxlib.i18n import t

_CUSTOMER_COLUMNS = (
    ("customer_id", "value.col.customer"),
    ("segment_name", "value.col.segment"),
    ("purchases", "value.col.purchases"),
    ("revenue", "value.col.revenue"),
    ("last_purchase", "value.col.last_purchase"),
    ("p_alive", "value.col.p_alive"),
    ("expected_purchases_12m", "value.col.expected_purchases"),
    ("clv", "value.col.clv"),
)


def customer_table(frame: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """Per-customer columns users read (customer id from the index), headers in ``lang``.

    Examples
    --------
    >>> frame = pd.DataFrame({"segment": ["champions"], "last_purchase": pd.to_datetime(["2026-05-01"]),
    ...                       "clv": [12.345]}, index=pd.Index(["K1"], name="customer_id"))
    >>> customer_table(frame, lang="en").columns.tolist()
    ['Customer', 'Segment', 'Last purchase', 'Expected CLV']
    """
    table = frame.reset_index().assign(
        segment_name=[t(f"value.segment.{segment}", lang) for segment in frame["segment"]],
        last_purchase=frame["last_purchase"].dt.date.to_numpy(),
    )
    names = {column: t(key, lang) for column, key in _CUSTOMER_COLUMNS}
    present = [column for column, _ in _CUSTOMER_COLUMNS if column in table.columns]
    return table[present].rename(columns=names).round(2)


def segment_table(rfm: dict, *, lang: str = "en") -> pd.DataFrame:
    """One row per RFM segment of the ``value`` section: customers, revenue and mean CLV."""
    return pd.DataFrame(
        [
            {
                t("value.col.segment", lang): t(f"value.segment.{segment}", lang),
                t("value.col.customers", lang): row["count"],
                t("value.col.revenue", lang): row["revenue"],
                t("value.col.clv_mean", lang): row["clv_mean"],
            }
            for segment, row in rfm.items()
        ]
    ).round(2)
