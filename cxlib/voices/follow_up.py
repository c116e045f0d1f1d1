"""Closing the loop: who to call back, most valuable first.

The list holds every detractor (recommend 0–6) who commented, and every passive (7–8) whose comment
reads negative (a text sentiment below 0; a score taken from the rating does not count). Sorted by
value at risk: the customer's CLV when known (highest first), then customers without a known CLV;
within equal value, the lowest score first, then the newest answer first.
"""

from __future__ import annotations

import pandas as pd

from cxlib.export import to_excel_bytes
from cxlib.i18n import t
from cxlib.nps import nps_group
from cxlib.voices.core import VoicesResult

COLUMNS = (
    "customer_id",
    "response_date",
    "recommend",
    "group",
    "comment",
    "theme",
    "sentiment",
    "persona",
    "clv",
)


def follow_up_list(
    result: VoicesResult, *, persona_of: pd.Series | None = None, clv: pd.Series | None = None
) -> pd.DataFrame | None:
    """The call-back list (columns :data:`COLUMNS`); None when the survey has no recommend score.

    Parameters
    ----------
    result : VoicesResult
        From :func:`cxlib.voices.analyze_voices`.
    persona_of : Series, optional
        Persona name per customer id.
    clv : Series, optional
        CLV per customer id (NaN = unknown).

    Examples
    --------
    >>> from cxlib.voices import analyze_voices
    >>> survey = pd.DataFrame({"customer_id": ["1", "2", "3", "4"], "recommend": [2, 8, 8, 10],
    ...     "comment": ["Lieferung zu spät", "Leider schlecht verpackt", "Gut", "Super"]})
    >>> follow_up_list(analyze_voices(survey), clv=pd.Series({"1": 50.0, "2": 900.0}))[
    ...     ["customer_id", "group", "clv"]].values.tolist()
    [['2', 'passive', 900.0], ['1', 'detractor', 50.0]]
    """
    comments = result.comments
    if "recommend" not in comments:
        return None
    group = nps_group(comments["recommend"])
    negative = (comments["sentiment_source"] == "text") & (comments["sentiment"] < 0)
    chosen = comments[(group == "detractor") | ((group == "passive") & negative)]
    ids = chosen["customer_id"].astype("str") if "customer_id" in chosen else None
    frame = pd.DataFrame(
        {
            "customer_id": ids.where(chosen["customer_id"].notna()) if ids is not None else None,
            "response_date": chosen.get("response_date", pd.NaT),
            "recommend": pd.to_numeric(chosen["recommend"], errors="coerce"),
            "group": group[chosen.index],
            "comment": chosen["text"],
            "theme": chosen["theme_label"],
            "sentiment": chosen["sentiment"].round(2),
            "persona": _lookup(ids, persona_of),
            "clv": pd.to_numeric(_lookup(ids, clv), errors="coerce").round(2),
        },
        index=chosen.index,
    )
    order = frame.assign(_date=pd.to_datetime(frame["response_date"], errors="coerce"))
    order = order.sort_values(
        ["clv", "recommend", "_date"], ascending=[False, True, False], na_position="last", kind="stable"
    )
    return frame.loc[order.index, list(COLUMNS)].reset_index(drop=True)


def _lookup(ids: pd.Series | None, values: pd.Series | None) -> pd.Series | None:
    if ids is None or values is None:
        return None
    keyed = values.set_axis(values.index.astype("str"))
    keyed = keyed[~keyed.index.duplicated()]
    return ids.map(keyed)


def readable_follow_up(frame: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """The list with headers and NPS groups in the reader's language (for tables and downloads)."""
    out = frame.copy()
    out["group"] = out["group"].map(lambda group: t(f"voices.group.{group}", lang), na_action="ignore")
    return out.rename(columns={column: t(f"voices.col.{column}", lang) for column in out.columns})


def follow_up_workbook(frame: pd.DataFrame, *, lang: str = "en") -> bytes:
    """The follow-up list as an Excel workbook (formulas neutralised)."""
    return to_excel_bytes({t("voices.sheet.follow_up", lang): readable_follow_up(frame, lang=lang)})


def clv_by_customer(customers: pd.DataFrame | None, survey: pd.DataFrame | None = None) -> pd.Series | None:
    """CLV per customer id as on the Overview tile (retention = 1 − 12-month churn; default settings).

    None without a customer table, without churn dates or without margin/revenue (then the follow-up
    list is sorted by score and date only).
    """
    from cxlib.churn import churn_rate, churn_reference_date
    from cxlib.clv import customer_lifetime_value

    if customers is None or "customer_id" not in customers:
        return None
    churn = churn_rate(customers, as_of=churn_reference_date(customers, survey))
    if churn.retention is None:
        return None
    clv = customer_lifetime_value(customers, retention=churn.retention)
    if clv.mean is None:
        return None
    values = clv.per_customer.set_axis(customers["customer_id"].astype("str").to_numpy())
    return values[~values.index.duplicated()]
