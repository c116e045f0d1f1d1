"""Findings: the few plain sentences a manager reads first, derived by rules from the analysis document.

Every finding comes from one small rule over computed results (thresholds, significance tests), never
from free text: its sentence is a string-table template filled with numbers formatted for the reader,
and it carries the number it is about and where in the document that number comes from. Rules that do
not fire say nothing. At most :data:`MAX_FINDINGS` are returned, most important first.

The period comparisons (NPS of the last months against the months before, churn of the last 12 months
against the 12 before, or the reader's chosen period and comparison) are computed by
:func:`cxlib.periods.period_comparisons` (re-exported here), the same function the KPI tiles use, and
stored in the document under ``kpis.comparisons``.

Findings are computed without words: ``findings_from_document(document, lang=None)`` gives each finding's
text as a :class:`~cxlib.messages.Message`; with a language they come rendered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Any

from cxlib.messages import Message, Money, Num, Pct, render
from cxlib.periods import period_comparisons
from cxlib.phases import PHASES

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
    text : str or Message
        The sentence: a :class:`~cxlib.messages.Message` when computed without a language, else its text.
    value : float or None
        The number the sentence is about (NPS points, 0–100 score, share 0..1, row count …).
    source : str
        Where the number comes from, as a path in the analysis document (e.g.
        ``"journey.touchpoints[Lieferung].mean"``).
    weight : int
        Importance used for ordering (higher first); not part of the JSON.
    """

    rule: str
    text: Any  # Message, or str once rendered
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

    def rendered(self, lang: str) -> Finding:
        """The finding with its text in ``lang``.

        Examples
        --------
        >>> Finding("empty_phase", Message("finding.empty_phase", phase=Message("phase.purchase")),
        ...         0.0, "journey.touchpoints").rendered("de").text
        'Die Phase Kauf hat keinen Touchpoint: dazu werden Kunden nicht befragt.'
        """
        return replace(self, text=render(self.text, lang))


def _check_document(document: dict, lang: str, comparisons: dict | None) -> None:
    """ValueError for arguments no analysis can have produced."""
    if not isinstance(document, dict):
        raise ValueError(f"document must be the analysis dict, got {type(document).__name__}")
    if lang not in ("en", "de", None):
        raise ValueError(f'lang must be "en", "de" or None, got {lang!r}')
    if comparisons is not None and not isinstance(comparisons, dict):
        raise ValueError(f"comparisons must be a dict or None, got {type(comparisons).__name__}")


def _number(value) -> float | None:
    """A finite float, or None for missing / NaN / non-numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


# --- reading the document ---------------------------------------------------------------------------


def _name(value: Any) -> Any:
    """A persona's name: a Message (words made per language, a language-neutral document) or text."""
    return value if isinstance(value, Message) else str(value)


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
            "name": _name(item.get("name", "?")),
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


def _outcome(document: dict) -> Message:
    outcome = (document.get("journey") or {}).get("outcome")
    key = outcome if outcome in ("recommend", "satisfaction") else "other"
    return Message(f"finding.outcome.{key}")


def _named(touchpoint: dict) -> Message | str:
    """A touchpoint's name, with its owner when one is set ("Lieferung — Logistik")."""
    owner = touchpoint.get("owner")
    if owner:
        return Message("journey.touchpoint_owner", touchpoint=touchpoint["touchpoint"], owner=owner)
    return touchpoint["touchpoint"]


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


def _rule_persona_lowest_nps(document: dict, comparisons: dict) -> Finding | None:
    """The persona with the lowest NPS, when it lies clearly below the overall NPS."""
    persona, overall = _lowest_nps_persona(document), _overall_nps(document)
    if persona is None or overall is None or overall - persona["nps"] < PERSONA_NPS_GAP:
        return None
    ratio = _churn_ratio(persona, _personas(document))
    nps: Any = Num(persona["nps"], signed=True)
    if persona["nps_ci"]:  # "−18 ± 9" when the interval is known
        nps = (Num(persona["nps"], signed=True), Num((persona["nps_ci"][1] - persona["nps_ci"][0]) / 2))
        nps = Message("finding.plus_minus", value=nps[0], margin=nps[1])
    params = {"name": persona["name"], "share": Pct(persona["share"], decimals=0), "nps": nps}
    key = "finding.persona_lowest_nps"
    if ratio is not None and ratio >= CHURN_RATIO:
        key, params["ratio"] = "finding.persona_lowest_nps_churn", Num(ratio, decimals=1)
    return Finding(
        "persona_lowest_nps", Message(key, **params), persona["nps"], f"personas[{persona['name']}].nps", 90
    )


def _rule_persona_highest_churn(document: dict, comparisons: dict) -> Finding | None:
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
        and _rule_persona_lowest_nps(document, comparisons)
    ):
        return None
    text = Message(
        "finding.persona_highest_churn",
        name=persona["name"],
        share=Pct(persona["share"], decimals=0),
        ratio=Num(ratio, decimals=1),
        rate=Pct(persona["churn"]),
        average=Pct(_average_churn(personas)),
    )
    return Finding("persona_highest_churn", text, persona["churn"], f"personas[{persona['name']}].churn", 70)


def _rule_weakest_touchpoint(document: dict, comparisons: dict) -> Finding | None:
    """The touchpoint with the lowest satisfaction, when it lies clearly below the average."""
    rated = _touchpoints(document)
    if len(rated) < 2:
        return None
    weakest = min(rated, key=lambda tp: tp["mean"])
    average = sum(tp["mean"] for tp in rated) / len(rated)
    if average - weakest["mean"] < WEAK_TOUCHPOINT_GAP:
        return None
    driver = _top_driver(document)
    mean = Num(weakest["mean"])
    if driver is not None and driver["touchpoint"] == weakest["touchpoint"]:
        text = Message(
            "finding.weakest_touchpoint_driver",
            touchpoint=_named(weakest),
            mean=mean,
            outcome=_outcome(document),
        )
    else:
        text = Message(
            "finding.weakest_touchpoint", touchpoint=_named(weakest), mean=mean, average=Num(average)
        )
    source = f"journey.touchpoints[{weakest['touchpoint']}].mean"
    return Finding("weakest_touchpoint", text, weakest["mean"], source, 85)


def _rule_top_driver(document: dict, comparisons: dict) -> Finding | None:
    """The strongest driver of the outcome, unless the weakest-touchpoint finding already names it."""
    driver = _top_driver(document)
    if driver is None:
        return None
    weakest = _rule_weakest_touchpoint(document, comparisons)
    if weakest is not None and weakest.source == f"journey.touchpoints[{driver['touchpoint']}].mean":
        return None  # the weakest-touchpoint finding already calls it the strongest driver
    owners = {tp["touchpoint"]: tp for tp in (document.get("journey") or {}).get("touchpoints") or []}
    text = Message(
        "finding.top_driver",
        touchpoint=_named(owners.get(driver["touchpoint"], driver)),
        outcome=_outcome(document),
        importance=Num(driver["importance"], decimals=2),
        mean=Num(driver.get("performance")),
    )
    source = f"journey.drivers[{driver['touchpoint']}].importance"
    return Finding("top_driver", text, float(driver["importance"]), source, 60)


def _rule_biggest_drop(document: dict, comparisons: dict) -> Finding | None:
    """The largest fall of satisfaction from one touchpoint to the next, if the journey flags it."""
    journey = document.get("journey") or {}
    flagged = {p["touchpoint"] for p in journey.get("pain_points") or [] if p.get("reason") == "drop"}
    rated = _touchpoints(document)
    drops = [(b["mean"] - a["mean"], b, a) for b, a in pairwise(rated) if a["touchpoint"] in flagged]
    if not drops:
        return None
    drop, before, after = max(drops, key=lambda item: item[0])
    text = Message(
        "finding.biggest_drop",
        drop=Num(drop),
        previous=before["touchpoint"],
        touchpoint=_named(after),
        before=Num(before["mean"]),
        after=Num(after["mean"]),
    )
    return Finding("biggest_drop", text, drop, f"journey.touchpoints[{after['touchpoint']}].mean", 50)


def _rule_thin_phase(document: dict, comparisons: dict) -> Finding | None:
    """The first phase of the journey with fewer than two touchpoints ("the information phase is thin")."""
    touchpoints = (document.get("journey") or {}).get("touchpoints") or []
    if not any(tp.get("phase") in PHASES for tp in touchpoints):
        return None
    counts = {phase: sum(tp.get("phase") == phase for tp in touchpoints) for phase in PHASES}
    thin = [phase for phase in PHASES if counts[phase] < 2]
    if not thin:
        return None
    phase = min(thin, key=lambda name: counts[name])  # an empty phase first, then a thin one
    key = "finding.empty_phase" if counts[phase] == 0 else "finding.thin_phase"
    text = Message(key, phase=Message(f"phase.{phase}"), count=counts[phase])
    return Finding("thin_phase", text, float(counts[phase]), "journey.touchpoints", 35)


def _window_message(window: list | None) -> Message | None:
    if not window:
        return None
    first, last = (date.fromisoformat(day) for day in window)
    return Message("kpi.period.window", start=first, end=last)


def _change_finding(
    kind: str, comparison: dict | None, *, scale: float, decimals: int, fmt
) -> Finding | None:
    """A rose/fell/unchanged sentence for one period comparison (``kind`` "nps" or "churn")."""
    if not comparison or comparison.get("verdict") in (None, "insufficient_data"):
        return None
    difference = _number(comparison.get("difference"))
    if difference is None:
        return None
    shown = round(abs(difference) * scale, decimals)
    direction = "unchanged" if shown == 0 else ("rose" if difference > 0 else "fell")
    params = {
        "delta": Num(abs(difference) * scale, decimals=decimals),
        "months": comparison["months"],
        "previous": fmt(comparison["previous"]),
        "current": fmt(comparison["current"]),
        "verdict": Message(f"kpi.verdict.{comparison['verdict']}"),
    }
    key = f"finding.{kind}_{direction}"
    against = comparison.get("comparison", "previous")
    if comparison.get("chosen_window") or against != "previous":
        key += "_against"
        params["against"] = Message(
            f"period.against.{against}", period=_window_message(comparison.get("previous_window"))
        )
    weight = 80 if comparison.get("significant") else 30
    source = "nps" if kind == "nps" else "churn_rate"
    return Finding(
        f"{kind}_change", Message(key, **params), difference * scale, f"kpis.comparisons.{source}", weight
    )


def _rule_nps_change(document: dict, comparisons: dict) -> Finding | None:
    """NPS of the last months against the months before, with the z-test's verdict."""
    return _change_finding(
        "nps",
        comparisons.get("nps"),
        scale=1.0,
        decimals=1,  # as the NPS tile's change, so both say the same number
        fmt=lambda score: Num(score, signed=True),
    )


def _rule_churn_change(document: dict, comparisons: dict) -> Finding | None:
    """Churn of the last 12 months against the 12 before, in percentage points, with the verdict."""
    return _change_finding("churn", comparisons.get("churn_rate"), scale=100.0, decimals=1, fmt=Pct)


def _rule_clv_concentration(document: dict, comparisons: dict) -> Finding | None:
    """A persona holding far more than its share of the total CLV, or else a mean far above the median."""
    personas = [p for p in _personas(document) if p["clv_total"] is not None and p["share"]]
    total = sum(p["clv_total"] for p in personas)
    if len(personas) >= 2 and all(p["clv_total"] > 0 for p in personas):  # shares of a sum need positives
        richest = max(personas, key=lambda p: p["clv_total"] / total / p["share"])
        value_share = richest["clv_total"] / total
        if value_share / richest["share"] >= CLV_SHARE_RATIO:
            text = Message(
                "finding.clv_persona_share",
                name=richest["name"],
                value_share=Pct(value_share, decimals=0),
                share=Pct(richest["share"], decimals=0),
            )
            return Finding("clv_concentration", text, value_share, f"personas[{richest['name']}].clv", 40)
    clv = (document.get("kpis") or {}).get("clv") or {}
    mean, median = _number(clv.get("mean")), _number(clv.get("median"))
    if mean is None or median is None or median <= 0 or mean / median < CLV_SKEW_RATIO:
        return None
    currency = document.get("currency", "EUR")
    text = Message(
        "finding.clv_skew",
        mean=Money(mean, currency),
        median=Money(median, currency),
        ratio=Num(mean / median, decimals=1),
    )
    return Finding("clv_concentration", text, mean / median, "kpis.clv", 40)


def _rule_data_quality(document: dict, comparisons: dict) -> Finding | None:
    """The table with the largest share of set-aside rows, from 1% of its rows on."""
    worst = None
    for table, report in (document.get("inputs") or {}).items():
        read, aside = report.get("rows_read") or 0, report.get("rows_set_aside") or 0
        if read and aside / read >= SET_ASIDE_SHARE and (worst is None or aside / read > worst[2]):
            worst = (table, report, aside / read)
    if worst is None:
        return None
    table, report, share = worst
    text = Message(
        "finding.data_quality",
        rows=report["rows_set_aside"],
        total=report["rows_read"],
        table=Message(f"table.{table}"),
        share=Pct(share),
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
    _rule_thin_phase,
    _rule_clv_concentration,
    _rule_data_quality,
)


def findings_from_document(
    document: dict, *, lang: str | None = "en", comparisons: dict | None = None
) -> list[Finding]:
    """The findings for an analysis document, most important first (at most :data:`MAX_FINDINGS`).

    Parameters
    ----------
    document : dict
        The analysis document (:func:`cxlib.analysis.analyze_tables` or ``analyze_files``): sections
        ``kpis``, ``personas``, ``journey`` and optionally ``inputs``. Missing sections silence their rules.
    lang : {"en", "de"} or None
        Language of the sentences and number formats; None gives each text as a
        :class:`~cxlib.messages.Message` (render it with :meth:`Finding.rendered`).
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
    found = [finding for rule in RULES if (finding := rule(document, comparisons)) is not None]
    found.sort(key=lambda finding: -finding.weight)  # stable: rule order breaks ties
    found = found[:MAX_FINDINGS]
    return found if lang is None else [finding.rendered(lang) for finding in found]
