"""Findings: the few plain sentences a manager reads first, derived by rules from the analysis document.

Every finding comes from one small rule over computed results (thresholds, significance tests), never
from free text: its sentence is a string-table template filled with numbers formatted for the reader,
and it carries the number it is about and where in the document that number comes from. Rules that do
not fire say nothing. At most :data:`MAX_FINDINGS` are returned, most important first.

The period comparisons (NPS of the last months against the months before, churn of the last 12 months
against the 12 before) are computed by :func:`period_comparisons` with the KPI helpers' own tests and
stored in the document under ``kpis.comparisons``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import pandas as pd

from cxlib.churn import churn_rate, compare_churn, reference_date
from cxlib.i18n import format_number, format_percent, t
from cxlib.nps import compare_nps, net_promoter_score, survey_responses

__all__ = ["MAX_FINDINGS", "Finding", "findings_from_document", "period_comparisons"]

#: At most this many findings are shown; more would no longer be a summary.
MAX_FINDINGS = 8
#: A persona's NPS must lie this many points below the overall NPS to be worth a finding.
PERSONA_NPS_GAP = 10.0
#: A churn rate this many times the average is worth a finding (1.5 = half as high again).
CHURN_RATIO = 1.5
#: The weakest touchpoint must lie this many points (0–100) below the average of all touchpoints.
WEAK_TOUCHPOINT_GAP = 5.0
#: A driver is only named when its correlation with the outcome is at least this strong.
MIN_DRIVER_IMPORTANCE = 0.2
#: The average CLV must be this many times the median to call the value concentrated.
CLV_SKEW_RATIO = 1.5
#: A persona must hold this many times its share of customers in CLV to be named.
CLV_SHARE_RATIO = 1.5
#: Set-aside rows are worth a finding from this share of a table on.
SET_ASIDE_SHARE = 0.01


@dataclass(frozen=True)
class Finding:
    """One sentence for the reader and the number behind it.

    Attributes
    ----------
    rule : str
        The rule that produced it (e.g. ``"weakest_touchpoint"``).
    text : str
        The sentence, in the requested language.
    value : float or None
        The number the sentence is about (NPS points, 0–100 score, share 0..1, row count …).
    source : str
        Where the number comes from, as a path in the analysis document (e.g.
        ``"journey.touchpoints[Lieferung].mean"``).
    weight : int
        Importance used for ordering (higher first); not part of the JSON.
    """

    rule: str
    text: str
    value: float | None
    source: str
    weight: int = 0

    def to_dict(self) -> dict:
        """The JSON shape of one entry of the analyze document's ``findings`` list.

        Examples
        --------
        >>> Finding("nps_change", "NPS rose 7 points.", 7.0, "kpis.comparisons.nps", 5).to_dict()
        {'text': 'NPS rose 7 points.', 'value': 7.0, 'source': 'kpis.comparisons.nps'}
        """
        return {"text": self.text, "value": self.value, "source": self.source}


def _check_document(document: dict, lang: str, comparisons: dict | None) -> None:
    """ValueError for arguments no analysis can have produced."""
    if not isinstance(document, dict):
        raise ValueError(f"document must be the analysis dict, got {type(document).__name__}")
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    if comparisons is not None and not isinstance(comparisons, dict):
        raise ValueError(f"comparisons must be a dict or None, got {type(comparisons).__name__}")


def _number(value) -> float | None:
    """A finite float, or None for missing / NaN / non-numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


# --- reading the document ---------------------------------------------------------------------------


def _personas(document: dict) -> list[dict]:
    """The personas as plain rows: name, share (0..1), size, nps, nps_ci, churn, clv_total."""
    section = document.get("personas")
    items = section.get("personas") if isinstance(section, dict) else section
    rows = []
    for item in items or []:
        nps, ci = item.get("nps"), None
        if isinstance(nps, dict):
            nps, ci = nps.get("score"), nps.get("ci95")
        churn = item.get("churn_rate", item.get("churn"))
        if isinstance(churn, dict):
            churn = churn.get("value")
        clv = item.get("clv", item.get("clv_mean"))  # a dict with "total", or the mean per customer
        clv_total = clv.get("total") if isinstance(clv, dict) else None
        if clv_total is None and _number(clv) is not None and _number(item.get("size")) is not None:
            clv_total = clv * item["size"]
        rows.append({
            "name": str(item.get("name", "?")),
            "share": _number(item.get("share")),
            "size": _number(item.get("size")),
            "nps": _number(nps),
            "nps_ci": tuple(ci) if ci is not None and all(_number(b) is not None for b in ci) else None,
            "churn": _number(churn),
            "clv_total": _number(clv_total),
        })  # fmt: skip
    return rows


#: A driver this close to the outcome is the outcome again (a copy, or the overall item), not a driver.
SAME_AS_OUTCOME = 0.99


def _touchpoints(document: dict) -> list[dict]:
    """Journey touchpoints that have a mean (0–100), in journey order."""
    journey = document.get("journey") or {}
    return [tp for tp in journey.get("touchpoints") or [] if _number(tp.get("mean")) is not None]


def _top_driver(document: dict) -> dict | None:
    """The strongest driver if it is strong enough to mention; never the outcome itself (an outcome
    listed among the touchpoints, or a copy of it, correlates perfectly with itself)."""
    journey = document.get("journey") or {}
    drivers = journey.get("drivers") or []
    rated = [
        d
        for d in drivers
        if _number(d.get("importance")) is not None
        and d.get("touchpoint") != journey.get("outcome")
        and d["importance"] < SAME_AS_OUTCOME
    ]
    if not rated:
        return None
    top = max(rated, key=lambda d: d["importance"])
    return top if top["importance"] >= MIN_DRIVER_IMPORTANCE else None


def _outcome(document: dict, lang: str) -> str:
    outcome = (document.get("journey") or {}).get("outcome")
    key = outcome if outcome in ("recommend", "satisfaction") else "other"
    return t(f"finding.outcome.{key}", lang)


def _average_churn(personas: list[dict]) -> float | None:
    """Customer-weighted average of the persona churn values (same definition as theirs)."""
    rows = [p for p in personas if p["churn"] is not None and (p["size"] or p["share"])]
    weights = [p["size"] or p["share"] for p in rows]
    if not rows or sum(weights) == 0:
        return None
    return sum(p["churn"] * w for p, w in zip(rows, weights, strict=True)) / sum(weights)


def _lowest_nps_persona(document: dict) -> dict | None:
    """The persona with the lowest NPS, if at least two personas have one."""
    rated = [p for p in _personas(document) if p["nps"] is not None]
    return min(rated, key=lambda p: p["nps"]) if len(rated) >= 2 else None


def _churn_ratio(persona: dict, personas: list[dict]) -> float | None:
    average = _average_churn(personas)
    if persona["churn"] is None or not average:
        return None
    return persona["churn"] / average


def _overall_nps(document: dict) -> float | None:
    nps = (document.get("kpis") or {}).get("nps")
    return _number(nps.get("score")) if isinstance(nps, dict) else None


# --- rules -------------------------------------------------------------------------------------------


def _rule_persona_lowest_nps(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The persona with the lowest NPS, when it lies clearly below the overall NPS."""
    persona, overall = _lowest_nps_persona(document), _overall_nps(document)
    if persona is None or overall is None or overall - persona["nps"] < PERSONA_NPS_GAP:
        return None
    ratio = _churn_ratio(persona, _personas(document))
    nps = format_number(persona["nps"], lang, signed=True)
    if persona["nps_ci"]:  # "−18 ± 9" when the interval is known
        nps += " ± " + format_number((persona["nps_ci"][1] - persona["nps_ci"][0]) / 2, lang)
    params = {
        "name": persona["name"],
        "share": format_percent(persona["share"], lang, decimals=0),
        "nps": nps,
    }
    key = "finding.persona_lowest_nps"
    if ratio is not None and ratio >= CHURN_RATIO:
        key, params["ratio"] = "finding.persona_lowest_nps_churn", format_number(ratio, lang, decimals=1)
    return Finding(
        "persona_lowest_nps", t(key, lang, **params), persona["nps"], f"personas[{persona['name']}].nps", 90
    )


def _rule_persona_highest_churn(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The persona that churns fastest, when it churns at least 1.5 times the average rate.

    Silent when that persona is the lowest-NPS one and its churn was already said there.
    """
    personas = _personas(document)
    churning = [p for p in personas if p["churn"] is not None]
    if len(churning) < 2:
        return None
    persona = max(churning, key=lambda p: p["churn"])
    ratio = _churn_ratio(persona, personas)
    if ratio is None or ratio < CHURN_RATIO:
        return None
    lowest = _lowest_nps_persona(document)
    if (
        lowest is not None
        and lowest["name"] == persona["name"]
        and _rule_persona_lowest_nps(document, lang, comparisons)
    ):
        return None
    text = t(
        "finding.persona_highest_churn",
        lang,
        name=persona["name"],
        share=format_percent(persona["share"], lang, decimals=0),
        ratio=format_number(ratio, lang, decimals=1),
        rate=format_percent(persona["churn"], lang),
        average=format_percent(_average_churn(personas), lang),
    )
    return Finding("persona_highest_churn", text, persona["churn"], f"personas[{persona['name']}].churn", 70)


def _rule_weakest_touchpoint(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The touchpoint with the lowest satisfaction, when it lies clearly below the average."""
    rated = _touchpoints(document)
    if len(rated) < 2:
        return None
    weakest = min(rated, key=lambda tp: tp["mean"])
    average = sum(tp["mean"] for tp in rated) / len(rated)
    if average - weakest["mean"] < WEAK_TOUCHPOINT_GAP:
        return None
    driver = _top_driver(document)
    mean = format_number(weakest["mean"], lang)
    if driver is not None and driver["touchpoint"] == weakest["touchpoint"]:
        text = t(
            "finding.weakest_touchpoint_driver",
            lang,
            touchpoint=weakest["touchpoint"],
            mean=mean,
            outcome=_outcome(document, lang),
        )
    else:
        text = t(
            "finding.weakest_touchpoint",
            lang,
            touchpoint=weakest["touchpoint"],
            mean=mean,
            average=format_number(average, lang),
        )
    source = f"journey.touchpoints[{weakest['touchpoint']}].mean"
    return Finding("weakest_touchpoint", text, weakest["mean"], source, 85)


def _rule_top_driver(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The strongest driver of the outcome, unless the weakest-touchpoint finding already names it."""
    driver = _top_driver(document)
    if driver is None:
        return None
    weakest = _rule_weakest_touchpoint(document, lang, comparisons)
    if weakest is not None and weakest.source == f"journey.touchpoints[{driver['touchpoint']}].mean":
        return None  # the weakest-touchpoint finding already calls it the strongest driver
    text = t(
        "finding.top_driver",
        lang,
        touchpoint=driver["touchpoint"],
        outcome=_outcome(document, lang),
        importance=format_number(driver["importance"], lang, decimals=2),
        mean=format_number(driver.get("performance"), lang),
    )
    source = f"journey.drivers[{driver['touchpoint']}].importance"
    return Finding("top_driver", text, float(driver["importance"]), source, 60)


def _rule_biggest_drop(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The largest fall of satisfaction from one touchpoint to the next, if the journey flags it."""
    journey = document.get("journey") or {}
    flagged = {p["touchpoint"] for p in journey.get("pain_points") or [] if p.get("reason") == "drop"}
    rated = _touchpoints(document)
    drops = [(b["mean"] - a["mean"], b, a) for b, a in pairwise(rated) if a["touchpoint"] in flagged]
    if not drops:
        return None
    drop, before, after = max(drops, key=lambda item: item[0])
    text = t(
        "finding.biggest_drop",
        lang,
        drop=format_number(drop, lang),
        previous=before["touchpoint"],
        touchpoint=after["touchpoint"],
        before=format_number(before["mean"], lang),
        after=format_number(after["mean"], lang),
    )
    return Finding("biggest_drop", text, drop, f"journey.touchpoints[{after['touchpoint']}].mean", 50)


def _change_finding(
    kind: str, comparison: dict | None, lang: str, *, scale: float, decimals: int, fmt: Callable
) -> Finding | None:
    """A rose/fell/unchanged sentence for one period comparison (``kind`` "nps" or "churn")."""
    if not comparison or comparison.get("verdict") in (None, "insufficient_data"):
        return None
    difference = _number(comparison.get("difference"))
    if difference is None:
        return None
    shown = round(abs(difference) * scale, decimals)
    direction = "unchanged" if shown == 0 else ("rose" if difference > 0 else "fell")
    text = t(
        f"finding.{kind}_{direction}",
        lang,
        delta=format_number(abs(difference) * scale, lang, decimals=decimals),
        months=comparison["months"],
        previous=fmt(comparison["previous"]),
        current=fmt(comparison["current"]),
        verdict=t(f"kpi.verdict.{comparison['verdict']}", lang),
    )
    weight = 80 if comparison.get("significant") else 30
    key = "nps" if kind == "nps" else "churn_rate"
    return Finding(f"{kind}_change", text, difference * scale, f"kpis.comparisons.{key}", weight)


def _rule_nps_change(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """NPS of the last months against the months before, with the z-test's verdict."""
    return _change_finding(
        "nps",
        comparisons.get("nps"),
        lang,
        scale=1.0,
        decimals=1,  # as the NPS tile's change, so both say the same number
        fmt=lambda score: format_number(score, lang, signed=True),
    )


def _rule_churn_change(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """Churn of the last 12 months against the 12 before, in percentage points, with the verdict."""
    return _change_finding(
        "churn",
        comparisons.get("churn_rate"),
        lang,
        scale=100.0,
        decimals=1,
        fmt=lambda share: format_percent(share, lang),
    )


def _rule_clv_concentration(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """A persona holding far more than its share of the total CLV, or else a mean far above the median."""
    personas = [p for p in _personas(document) if p["clv_total"] is not None and p["share"]]
    total = sum(p["clv_total"] for p in personas)
    if len(personas) >= 2 and all(p["clv_total"] > 0 for p in personas):  # shares of a sum need positives
        richest = max(personas, key=lambda p: p["clv_total"] / total / p["share"])
        value_share = richest["clv_total"] / total
        if value_share / richest["share"] >= CLV_SHARE_RATIO:
            text = t(
                "finding.clv_persona_share",
                lang,
                name=richest["name"],
                value_share=format_percent(value_share, lang, decimals=0),
                share=format_percent(richest["share"], lang, decimals=0),
            )
            return Finding("clv_concentration", text, value_share, f"personas[{richest['name']}].clv", 40)
    clv = (document.get("kpis") or {}).get("clv") or {}
    mean, median = _number(clv.get("mean")), _number(clv.get("median"))
    if mean is None or median is None or median <= 0 or mean / median < CLV_SKEW_RATIO:
        return None
    text = t(
        "finding.clv_skew",
        lang,
        mean=format_number(mean, lang),
        median=format_number(median, lang),
        ratio=format_number(mean / median, lang, decimals=1),
    )
    return Finding("clv_concentration", text, mean / median, "kpis.clv", 40)


def _rule_data_quality(document: dict, lang: str, comparisons: dict) -> Finding | None:
    """The table with the largest share of set-aside rows, from 1% of its rows on."""
    worst = None
    for table, report in (document.get("inputs") or {}).items():
        read, aside = report.get("rows_read") or 0, report.get("rows_set_aside") or 0
        if read and aside / read >= SET_ASIDE_SHARE and (worst is None or aside / read > worst[2]):
            worst = (table, report, aside / read)
    if worst is None:
        return None
    table, report, share = worst
    text = t(
        "finding.data_quality",
        lang,
        rows=format_number(report["rows_set_aside"], lang),
        total=format_number(report["rows_read"], lang),
        table=t(f"table.{table}", lang),
        share=format_percent(share, lang),
    )
    return Finding(
        "data_quality", text, float(report["rows_set_aside"]), f"inputs.{table}.rows_set_aside", 20
    )


RULES = (
    _rule_persona_lowest_nps,
    _rule_weakest_touchpoint,
    _rule_nps_change,
    _rule_churn_change,
    _rule_persona_highest_churn,
    _rule_top_driver,
    _rule_biggest_drop,
    _rule_clv_concentration,
    _rule_data_quality,
)


def findings_from_document(
    document: dict, *, lang: str = "en", comparisons: dict | None = None
) -> list[Finding]:
    """The findings for an analysis document, most important first (at most :data:`MAX_FINDINGS`).

    Parameters
    ----------
    document : dict
        The analysis document (:func:`cxlib.analysis.analyze_tables` or ``analyze_files``): sections
        ``kpis``, ``personas``, ``journey`` and optionally ``inputs``. Missing sections silence their rules.
    lang : {"en", "de"}
        Language of the sentences and number formats.
    comparisons : dict, optional
        Period comparisons as made by :func:`period_comparisons`; defaults to ``document["kpis"]
        ["comparisons"]``.

    Returns
    -------
    list of Finding
        Ordered by importance: significant changes and the weakest persona and touchpoint first, data
        quality last.

    Examples
    --------
    >>> document = {"journey": {"touchpoints": [
    ...     {"touchpoint": "Website", "mean": 74.0}, {"touchpoint": "Lieferung", "mean": 54.2},
    ...     {"touchpoint": "Service", "mean": 70.0}], "pain_points": [], "drivers": []}}
    >>> [finding.text for finding in findings_from_document(document, lang="de")]
    ['Lieferung ist der schwächste Touchpoint (54/100; Durchschnitt aller Touchpoints 66/100).']
    >>> findings_from_document({}, lang="en")
    []
    """
    _check_document(document, lang, comparisons)
    if comparisons is None:
        comparisons = (document.get("kpis") or {}).get("comparisons") or {}
    found = [finding for rule in RULES if (finding := rule(document, lang, comparisons)) is not None]
    found.sort(key=lambda finding: -finding.weight)  # stable: rule order breaks ties
    return found[:MAX_FINDINGS]


# --- period comparisons --------------------------------------------------------------------------------


def _window_before(start: date, months: int) -> tuple[date, date]:
    """The ``months`` calendar months just before ``start``."""
    return (
        (pd.Timestamp(start) - pd.DateOffset(months=months)).date(),
        (pd.Timestamp(start) - pd.Timedelta(days=1)).date(),
    )


def _nps_between(survey: pd.DataFrame, window: tuple[date, date]):
    responses = survey_responses(survey)
    days = pd.to_datetime(responses["response_date"]).dt.normalize()
    inside = (days >= pd.Timestamp(window[0])) & (days <= pd.Timestamp(window[1]))
    return net_promoter_score(responses.loc[inside, "recommend"].to_numpy(dtype=float, na_value=float("nan")))


def _nps_comparison(survey: pd.DataFrame | None, as_of: date | None, months: int) -> dict | None:
    if survey is None or as_of is None or not {"recommend", "response_date"} <= set(survey.columns):
        return None
    start = (pd.Timestamp(as_of).to_period("M") - (months - 1)).start_time.date()
    window, previous_window = (start, as_of), _window_before(start, months)
    current, previous = _nps_between(survey, window), _nps_between(survey, previous_window)
    test = compare_nps(current, previous)
    return {
        "months": months,
        "window": [day.isoformat() for day in window],
        "previous_window": [day.isoformat() for day in previous_window],
        "current": current.score,
        "previous": previous.score,
        "n": current.n,
        "previous_n": previous.n,
        "difference": test.difference,
        "p_value": test.p_value,
        "significant": test.significant,
        "verdict": test.verdict,
    }


def _churn_comparison(customers: pd.DataFrame | None, as_of: date | None, months: int) -> dict | None:
    if customers is None or customers.empty:
        return None
    current = churn_rate(customers, as_of=as_of, months=months)
    if current.window is None or current.value is None:
        return None
    previous_window = _window_before(current.window[0], months)
    previous = churn_rate(customers, as_of=previous_window[1], months=months)
    test = compare_churn(current, previous)
    return {
        "months": months,
        "window": [day.isoformat() for day in current.window],
        "previous_window": [day.isoformat() for day in previous.window] if previous.window else None,
        "current": current.value,
        "previous": previous.value,
        "difference": test.difference,
        "p_value": test.p_value,
        "significant": test.significant,
        "verdict": test.verdict,
    }


def period_comparisons(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    as_of: date | None = None,
    nps_months: int = 3,
    churn_months: int = 12,
) -> dict:
    """NPS and churn of the latest period against the period before, with their significance tests.

    The windows are the ones of the Overview tiles: ``nps_months`` calendar months up to "now" (the
    latest date in the data unless ``as_of`` is given) against the ``nps_months`` before; churn over
    ``churn_months`` against the ``churn_months`` before.

    Returns
    -------
    dict
        ``{"nps": {...} or None, "churn_rate": {...} or None}``; each entry has ``months``, ``window``,
        ``previous_window``, ``current``, ``previous``, ``difference`` (NPS points or churn share),
        ``p_value``, ``significant`` and ``verdict`` ("significant" / "within_noise" /
        "insufficient_data").

    Examples
    --------
    >>> days = pd.to_datetime(["2026-01-10", "2026-02-01", "2026-03-05", "2026-05-03", "2026-06-20"])
    >>> survey = pd.DataFrame({"response_date": days, "recommend": [3.0, 10.0, 9.0, 10.0, 8.0]})
    >>> nps = period_comparisons(None, survey)["nps"]
    >>> nps["window"], nps["current"], round(nps["difference"], 1), nps["verdict"]
    (['2026-04-01', '2026-06-20'], 50.0, 16.7, 'within_noise')
    """
    for name, months in (("nps_months", nps_months), ("churn_months", churn_months)):
        if isinstance(months, bool) or not isinstance(months, int) or months < 1:
            raise ValueError(f"{name} must be a positive whole number, got {months!r}")
    day = as_of or reference_date(customers, survey)
    return {
        "nps": _nps_comparison(survey, day, nps_months),
        "churn_rate": _churn_comparison(customers, day, churn_months),
    }
