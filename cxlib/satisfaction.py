"""The overall satisfaction of a survey or review file: the mean rating on its scale, with its n.

Review exports (app stores, Trustpilot, shop and airport-lounge reviews) have one star rating per review
and usually no 0–10 recommend question: their headline figure is the mean rating, stated with its
scale. Review sites change their scale over time (Skytrax rated 1–5 until mid-2015, 1–10 after): a mean
over both would mix two scales silently. When the answers above the old scale's top appear only from a
date on, with many answers before it that all stay within the old scale, the earlier answers are put on
the new scale linearly (1–5 → 1–10: x ↦ 1 + (x − 1) · 9/4) and the note says so, with both means.
Without dates the change cannot be placed: a column whose answers go up to 10 but almost all stay
within 1–5 gets a note that it may mix two scales.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from cxlib.long_format import one_row_per_response
from cxlib.messages import Message, Num
from cxlib.scales import SHORT_SCALES
from cxlib.tables import ColumnMeaning, Evidence

__all__ = ["rescale_changed_scales", "satisfaction_notes", "satisfaction_summary", "scale_change"]

#: A scale change needs this many answers before it (all within the old scale) and after it.
MIN_BEFORE, MIN_AFTER = 30, 10
#: After the change at least this share of answers lies above the old scale's top.
MIN_SHARE_ABOVE = 0.2
#: Without dates: answers up to 10 of which at least this share stays within 1–5 may mix two scales.
MIXED_SHARE = 0.9


def _rescaled(values: pd.Series, old: tuple[int, int], new: tuple[int, int]) -> pd.Series:
    """Answers on ``old`` put on ``new`` linearly (the ends map onto the ends)."""
    return new[0] + (values - old[0]) * (new[1] - new[0]) / (old[1] - old[0])


def scale_change(values: pd.Series, dates: pd.Series, scale: tuple[int, int]) -> dict | None:
    """Where a rating column moved from a short scale (1–4 … 1–7) to ``scale`` (e.g. 1–10), or None.

    The change is the first date with an answer above the old scale's top; it counts when at least
    :data:`MIN_BEFORE` dated answers come before it (none above the old top, the old top itself used),
    at least :data:`MIN_AFTER` after it, and a fifth of those lie above the old top.

    Returns
    -------
    dict or None
        ``date`` (first day of the new scale, ISO), ``old_scale``, ``n_old``, ``mean_old``, ``n_new``,
        ``mean_new`` (each on its own scale).

    Examples
    --------
    >>> days = pd.Series(pd.date_range("2014-01-01", periods=60, freq="W"))
    >>> answers = pd.Series([1, 2, 3, 4, 5] * 8 + [7, 2, 9, 10, 4] * 4, dtype=float)
    >>> found = scale_change(answers, days, (1, 10))
    >>> found["old_scale"], found["n_old"], found["mean_old"], found["n_new"]
    ((1, 5), 40, 3.0, 20)
    """
    dated = pd.DataFrame({"value": values, "date": pd.to_datetime(dates, errors="coerce")}).dropna()
    if dated.empty or scale[1] <= SHORT_SCALES[-1][1]:
        return None
    for old in SHORT_SCALES:
        above = dated["value"] > old[1]
        if not above.any():
            return None
        start = dated.loc[above, "date"].min()
        before, after = dated[dated["date"] < start], dated[dated["date"] >= start]
        if len(before) < MIN_BEFORE or before["value"].max() != old[1]:
            continue
        if len(after) < MIN_AFTER or (after["value"] > old[1]).mean() < MIN_SHARE_ABOVE:
            continue
        return {
            "date": start.date().isoformat(),
            "old_scale": (old[0], old[1]),
            "n_old": len(before),
            "mean_old": float(before["value"].mean()),
            "n_new": len(after),
            "mean_new": float(after["value"].mean()),
        }
    return None


def rescale_changed_scales(data: pd.DataFrame, meanings: dict[str, ColumnMeaning], notes: list) -> None:
    """Put the answers of a rating item whose scale changed over time (see :func:`scale_change`) on its
    newer scale, in place, so that every figure (KPI, journey, drivers, voices, personas) reads one
    scale: earlier answers linearly, undated ones emptied (their scale is unknown) and counted. The
    meaning gets the evidence ``scale_changed`` and the survey a note."""
    if "response_date" not in data.columns:
        return
    days = pd.to_datetime(data["response_date"], errors="coerce")
    for name, meaning in meanings.items():
        if meaning.kind not in ("rating", "outcome") or meaning.scale is None or name not in data.columns:
            continue
        values = pd.to_numeric(data[name], errors="coerce")
        change = scale_change(values, days, meaning.scale)
        if change is None:
            continue
        earlier, undated = days < pd.Timestamp(change["date"]), days.isna() & values.notna()
        data[name] = values.where(~earlier, _rescaled(values, change["old_scale"], meaning.scale)).mask(
            undated
        )
        change["n_undated"] = int(undated.sum())
        meaning.evidence.append(Evidence("scale_changed", change))
        label = Message(f"role.{meaning.role}") if meaning.role else name
        notes.append(_change_note("survey.note.scale_changed", change, meaning.scale, column=label))
        if change["n_undated"]:
            notes.append(Message("survey.note.scale_undated", n=change["n_undated"], column=label))


def _change_note(key: str, change: dict, scale: tuple[int, int], **params: object) -> Message:
    """The message of a scale change (survey note or KPI note), with both means on their own scales."""
    old_low, old_high = change["old_scale"]
    return Message(
        key, date=date.fromisoformat(change["date"]), n_old=change["n_old"], n_new=change["n_new"],
        old_low=old_low, old_high=old_high, low=scale[0], high=scale[1],
        mean_old=Num(change["mean_old"], decimals=2), mean_new=Num(change["mean_new"], decimals=2),
        **params,
    )  # fmt: skip


def _may_mix_scales(values: pd.Series, scale: tuple[int, int]) -> bool:
    """Answers up to 10 of which nearly all stay within 1–5: perhaps two scales, undated."""
    high = SHORT_SCALES[1][1]
    return scale[1] >= 10 and len(values) >= MIN_BEFORE and (values <= high).mean() >= MIXED_SHARE


def satisfaction_summary(survey: pd.DataFrame | None) -> dict | None:
    """The overall satisfaction of a validated survey (role ``satisfaction``), or None without one.

    Returns
    -------
    dict or None
        ``statistic`` ("mean", or "share" for a satisfied / not
        satisfied answer on 0–1), ``value``, ``n``, ``scale`` [low, high], and when the scale changed
        over time ``scale_change`` (see :func:`scale_change`; ``value`` is then on the newer scale, the
        older answers rescaled), or ``mixed_scales`` True when undated answers may mix two scales.

    Examples
    --------
    >>> survey = pd.DataFrame({"satisfaction": [5.0, 4.0, None, 1.0]})
    >>> survey.attrs["column_meanings"] = {"satisfaction": {"scale": [1, 5]}}
    >>> summary = satisfaction_summary(survey)
    >>> summary["value"], summary["n"], summary["scale"]
    (3.3333333333333335, 3, [1, 5])
    """
    if survey is None or "satisfaction" not in survey.columns:
        return None
    responses = one_row_per_response(survey)
    values = pd.to_numeric(responses["satisfaction"], errors="coerce")
    answered = values.dropna()
    if answered.empty:
        return None
    meaning = (survey.attrs.get("column_meanings") or {}).get("satisfaction") or {}
    low, high = meaning.get("scale") or (float(answered.min()), float(answered.max()))
    scale = (int(low), int(high))
    summary: dict = {
        "statistic": "share" if scale == (0, 1) else "mean",
        "value": float(answered.mean()),
        "n": int(answered.size),
        "scale": list(scale),
    }
    evidence = meaning.get("evidence") or []
    change = next(
        (dict(e) for e in evidence if isinstance(e, dict) and e.get("code") == "scale_changed"), None
    )
    if change is not None:  # the answers were put on one scale when the survey was read
        change.pop("code")
        summary["scale_change"] = change
    elif _may_mix_scales(answered, scale):
        summary["mixed_scales"] = True
    return summary


def satisfaction_notes(summary: dict | None) -> list[Message]:
    """What the overall satisfaction rests on: a scale that changed over time, or may have."""
    if summary is None:
        return []
    low, high = summary["scale"]
    change = summary.get("scale_change")
    if change is not None:
        notes = [_change_note("kpi.note.satisfaction_scale_change", change, (low, high))]
        if change.get("n_undated"):
            notes.append(Message("kpi.note.satisfaction_undated", n=change["n_undated"]))
        return notes
    if summary.get("mixed_scales"):
        return [Message("kpi.note.satisfaction_mixed_scales", low=low, high=high, n=summary["n"])]
    return []
