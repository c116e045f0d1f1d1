"""The KPI section of the analysis (NPS, churn, retention, CLV) and the Overview tiles built on it.

A KPI the data cannot support is ``None`` with a plain reason in ``notes``, never a made-up number.
"Now" is :attr:`KpiSettings.as_of`, or else the latest date anywhere in the data, so the figures never
depend on the day they are computed; the churn rate takes the customer table's own latest date when the
other data run on more than its window past it (:func:`cxlib.churn.churn_reference_date`), and a note
says when the customer table ends earlier than "now".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from cxlib.churn import ChurnResult, churn_rate, churn_reference_date, reference_date
from cxlib.clv import ClvResult, ClvSettings, customer_lifetime_value
from cxlib.i18n import t
from cxlib.long_format import one_row_per_response
from cxlib.messages import Message, Num, Pct, render, render_all
from cxlib.nps import NpsResult, net_promoter_score, recommend_item
from cxlib.periods import COMPARISONS, Period, Window, churn_comparison, nps_comparison
from cxlib.satisfaction import satisfaction_notes, satisfaction_summary

__all__ = ["KpiSettings", "Tile", "TileFacts", "kpi_section", "kpi_tiles", "tiles_of"]


@dataclass(frozen=True)
class KpiSettings:
    """The user's choices for the KPIs: CLV settings, "now", and the comparison periods in months."""

    clv: ClvSettings = field(default_factory=ClvSettings)
    as_of: date | None = None
    nps_period_months: int = 3
    churn_period_months: int = 12
    #: A period the reader chose (first, last day): the NPS tile shows it and "now" is its last day.
    window: Window | None = None
    #: What the tiles compare with: "previous" (the period before) or "last_year" (a year earlier).
    comparison: str = "previous"
    currency: str = "EUR"  # ISO 4217 code shown on money figures (the data are not converted)


@dataclass(frozen=True)
class Tile:
    """What one Overview tile shows (ready for ``st.metric``).

    ``delta`` starts with an ASCII "+" or "-" so Streamlit draws the arrow the right way;
    ``delta_color`` is "inverse" where up is bad (churn). ``significant`` says whether the change is
    more than noise at 95% (False when there is no comparison).
    """

    key: str  # "customers" | "nps" | "churn_rate" | "retention" | "clv"
    label: str
    value: str
    delta: str | None
    delta_color: str
    help: str
    significant: bool


#: A customer table whose own latest date lies further than this before "now" gets a note saying so.
DATES_APART_DAYS = 31


@dataclass(frozen=True)
class _Kpis:
    """Everything both the JSON section and the tiles need, computed once."""

    as_of: date | None
    customers: int | None
    nps: NpsResult | None
    churn: ChurnResult | None
    clv: ClvResult | None
    nps_note: str | None
    churn_note: str | None
    clv_note: str | None
    churn_as_of: date | None = None  # the churn window's last day (see churn.churn_reference_date)
    customers_end: date | None = None  # the customer table's own latest date
    recommend: dict | None = None  # a recommend question that is not on 0–10 (see nps.recommend_item)
    satisfaction: dict | None = None  # the overall rating (see satisfaction.satisfaction_summary)

    def dates_note(self, months: int) -> Message | None:
        """Said when the customer table's own data end more than a month before "now": whether churn is
        counted up to its own last date or up to "now" (then its later losses may be missing)."""
        own, now = self.customers_end, self.as_of
        if self.churn is None or own is None or now is None or (now - own).days <= DATES_APART_DAYS:
            return None
        if self.churn_as_of == own:
            return Message("kpi.note.customers_end_earlier", customers=own, now=now, months=months)
        return Message("kpi.note.customers_end_before_now", customers=own, now=now)

    @property
    def signup_note(self) -> Message | None:
        """Said when customers without a signup date count as customers from the window's start."""
        churn = self.churn
        if churn is None or not churn.without_signup or churn.definition != "rolling_12_months":
            return None
        return Message("kpi.note.churn_without_signup", n=churn.without_signup, total=self.customers)

    @property
    def notes(self) -> list[str]:
        """The string-table keys of all notes, without repeats (CLV without retention says nothing new)."""
        return [note for note in (self.nps_note, self.churn_note, self.clv_note) if note is not None]


def _check_settings(settings: KpiSettings, lang: str) -> None:
    """ValueError for settings no period or language can have."""
    if not isinstance(settings, KpiSettings):
        raise ValueError(f"settings must be KpiSettings, got {type(settings).__name__}")
    for name in ("nps_period_months", "churn_period_months"):
        months = getattr(settings, name)
        if isinstance(months, bool) or not isinstance(months, int) or months < 1:
            raise ValueError(f"{name} must be a positive whole number, got {months!r}")
    if settings.comparison not in COMPARISONS:
        raise ValueError(f"comparison must be one of {COMPARISONS}, got {settings.comparison!r}")
    if settings.window is not None and settings.window[0] > settings.window[1]:
        raise ValueError(f"window starts after it ends: {settings.window!r}")
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _note(kpis: _Kpis, note: str | None) -> Message | None:
    """The message of a note key; the notes about a recommend item that is not 0–10 carry its figures."""
    if note is None:
        return None
    if note == "kpi.note.churn_short_history" and kpis.churn is not None and kpis.churn.window is not None:
        return Message(note, months=kpis.churn.months, start=kpis.churn.window[0])
    item = kpis.recommend
    if item is not None and note == f"kpi.note.{item['kind']}":
        low, high = (Num(bound) for bound in item["scale"])
        return Message(
            note,
            column=item["column"],
            share=Pct(item["value"]),
            mean=Num(item["value"], decimals=2),
            n=item["n"],
            low=low,
            high=high,
        )
    return Message(note)


def _survey_nps(survey: pd.DataFrame | None) -> tuple[NpsResult | None, str | None]:
    if survey is None:
        return None, "kpi.note.no_survey"
    if "recommend" not in survey.columns:
        item = recommend_item(survey)
        return None, f"kpi.note.{item['kind']}" if item else "kpi.note.no_recommend"
    result = net_promoter_score(
        one_row_per_response(survey)["recommend"].to_numpy(dtype=float, na_value=float("nan"))
    )
    return (result, None) if result.n else (None, "kpi.note.no_recommend_answers")


def _customer_count(customers: pd.DataFrame | None, window: Window | None) -> int | None:
    """Customers in the table, or those on the books during a chosen window."""
    if customers is None:
        return None
    if window is None:
        return len(customers)
    from cxlib.filters import active_in_period

    return int(active_in_period(customers, *window).sum())


def _compute(customers: pd.DataFrame | None, survey: pd.DataFrame | None, settings: KpiSettings) -> _Kpis:
    chosen = settings.window[1] if settings.window else settings.as_of
    as_of = chosen or reference_date(customers, survey)
    churn_as_of = chosen or churn_reference_date(customers, survey, months=settings.churn_period_months)
    nps, nps_note = _survey_nps(survey)
    churn = churn_rate(customers, as_of=churn_as_of, months=settings.churn_period_months)
    clv = None
    if churn.retention is not None:
        clv = customer_lifetime_value(customers, retention=churn.retention, settings=settings.clv)
        # r is a yearly retention only when churn was counted over 12 months; a churned share without
        # dates covers an unknown period and is used as if it were a year (said in the tile and JSON)
        clv.assumptions["retention_definition"] = churn.definition
        clv.assumptions["retention_months"] = churn.months
    return _Kpis(
        as_of=as_of,
        churn_as_of=churn_as_of,
        customers_end=None if chosen else reference_date(customers),
        customers=_customer_count(customers, settings.window),
        nps=nps,
        churn=churn if churn.value is not None else None,
        clv=clv if clv is not None and clv.mean is not None else None,
        nps_note=nps_note,
        churn_note=churn.note,
        clv_note=clv.note if clv is not None else None,
        recommend=recommend_item(survey) if survey is not None and nps is None else None,
        satisfaction=satisfaction_summary(survey),
    )


def kpi_section(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings = KpiSettings(),
    lang: str | None = "en",
) -> dict:
    """The CLI's ``kpis`` section for a customer table and a survey (either may be ``None``).

    Parameters
    ----------
    customers : DataFrame or None
        Validated customer table, or any subset of it.
    survey : DataFrame or None
        Validated survey (wide, or long with ``response_id``).
    settings : KpiSettings
        CLV settings, "now" and the churn window.
    lang : {"en", "de"} or None
        Language of the notes; None keeps them as :class:`~cxlib.messages.Message` (rendered later).

    Returns
    -------
    dict
        ``customers`` (count), ``nps`` over all answers, ``churn_rate`` over the window up to "now",
        ``retention``, ``clv``, ``satisfaction`` (the mean overall rating on its scale, see
        :func:`cxlib.satisfaction.satisfaction_summary`) and ``notes`` (plain sentences). Unsupported
        KPIs are ``None``.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 7.0, 2.0]})
    >>> section = kpi_section(None, survey)
    >>> section["nps"]["score"], section["churn_rate"], section["clv"]
    (25.0, None, None)
    >>> section["notes"]
    ['No customer data: churn rate, retention and CLV cannot be computed.']
    """
    _check_settings(settings, lang or "en")
    kpis = _compute(customers, survey, settings)
    notes = [_note(kpis, note) for note in kpis.notes] + satisfaction_notes(kpis.satisfaction)
    notes += [note] if (note := kpis.dates_note(settings.churn_period_months)) else []
    notes += [kpis.signup_note] if kpis.signup_note else []
    return {
        "customers": kpis.customers,
        "nps": kpis.nps.to_dict() if kpis.nps else None,
        "churn_rate": kpis.churn.to_dict() if kpis.churn else None,
        "retention": kpis.churn.retention if kpis.churn else None,
        "clv": kpis.clv.to_dict() if kpis.clv else None,
        "notes": notes if lang is None else render_all(notes, lang),
        "recommend": kpis.recommend,
        "satisfaction": kpis.satisfaction,
    }


# --- tiles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TileFacts:
    """One Overview tile without words: string-table messages and numbers, rendered by :meth:`render`.

    ``value`` is a :class:`~cxlib.messages.Num` / :class:`~cxlib.messages.Pct` or "–"; ``help`` the
    sentences of the help text, joined with spaces when rendered.
    """

    key: str
    label: Message
    value: Any
    delta: Message | None
    delta_color: str
    help: tuple
    significant: bool

    def render(self, lang: str = "en") -> Tile:
        """The tile in ``lang``; a delta starts with an ASCII sign so Streamlit draws the right arrow."""
        delta = None
        if self.delta is not None:
            delta = render(self.delta, lang)
            delta = "-" + delta[1:] if delta.startswith("−") else delta
        return Tile(
            self.key,
            render(self.label, lang),
            render(self.value, lang),
            delta,
            self.delta_color,
            " ".join(text for text in render_all(self.help, lang) if text),
            self.significant,
        )


def _p_text(p_value: float) -> Message:
    """ "= 0.023", or "< 0.001" rather than a misleading "= 0.000"."""
    if p_value < 0.001:
        return Message("kpi.p.below", p=Num(0.001, decimals=3))
    return Message("kpi.p.equal", p=Num(p_value, decimals=3))


def _window_text(window: Window) -> Message:
    return Message("kpi.period.window", start=window[0], end=window[1])


def _unavailable(key: str, label: Message, note: Message | None, *, delta_color: str = "normal") -> TileFacts:
    return TileFacts(key, label, "–", None, delta_color, (note,) if note else (), False)


def _nps_facts(result: NpsResult, period: Message) -> Message:
    return Message(
        "kpi.help.nps_facts",
        period=period,
        n=result.n,
        promoters=result.promoters,
        passives=result.passives,
        detractors=result.detractors,
        low=Num(result.ci95[0], decimals=1),
        high=Num(result.ci95[1], decimals=1),
    )


def _period(settings: KpiSettings) -> Period:
    return Period(settings.window, settings.comparison)


def _nps_label(settings: KpiSettings, window: Window) -> Message:
    if settings.window is None:
        return Message("kpi.label.nps", months=settings.nps_period_months)
    return Message("kpi.label.nps_period", period=_window_text(window))


def _nps_tile(survey: pd.DataFrame | None, kpis: _Kpis, settings: KpiSettings) -> TileFacts:
    dated = survey is not None and "response_date" in survey.columns and survey["response_date"].notna().any()
    if kpis.nps is None or not dated or kpis.as_of is None:
        label = Message("kpi.label.nps_all")
        if kpis.nps is None:
            return _unavailable("nps", label, _note(kpis, kpis.nps_note))
        help_text = (Message("kpi.help.nps"), _nps_facts(kpis.nps, Message("kpi.period.all")))
        help_text += _nps_assumptions(survey)
        return TileFacts("nps", label, Num(kpis.nps.score), None, "normal", help_text, False)
    found = nps_comparison(
        survey, as_of=kpis.as_of, months=settings.nps_period_months, period=_period(settings)
    )
    current, previous = found.current, found.previous
    label = _nps_label(settings, found.window)
    if current.n == 0:
        reason = Message("kpi.note.no_recent_answers", period=_window_text(found.window))
        return _unavailable("nps", label, reason)
    help_text = [Message("kpi.help.nps"), _nps_facts(current, _window_text(found.window))]
    comparison = found.test
    delta = None
    if comparison.difference is not None:
        verdict = Message(f"kpi.verdict.{comparison.verdict}")
        delta = Message("kpi.delta.points", delta=Num(comparison.difference, decimals=1, signed=True),
                        verdict=verdict)  # fmt: skip
        help_text.append(
            Message(
                "kpi.help.nps_comparison",
                period=_window_text(found.previous_window),
                previous=Num(previous.score, decimals=1),
                n=previous.n,
                delta=Num(comparison.difference, decimals=1, signed=True),
                verdict=verdict,
                p=_p_text(comparison.p_value),
            )
        )
    help_text += _nps_assumptions(survey, dated=True)
    return TileFacts(
        "nps", label, Num(current.score), delta, "normal", tuple(help_text), comparison.significant
    )


def _nps_assumptions(survey: pd.DataFrame | None, *, dated: bool = False) -> tuple[Message, ...]:
    """What the NPS rests on beyond its answers (a 1–10 question read as 0–10) and, when it is measured
    over a period, what dates the answers (a purchase date), as help lines."""
    assumptions = survey.attrs.get("assumptions") if survey is not None else None
    columns = ("recommend", "response_date") if dated else ("recommend",)
    notes = (_assumption_note(assumptions, column=column) for column in columns)
    return tuple(note for note in notes if note is not None)


def _churn_help(churn: ChurnResult) -> Message:
    if churn.definition == "share_churned":
        return Message("kpi.help.churn_share", churned=churn.churned, total=Num(churn.average_customers))
    return Message(
        "kpi.help.churn",
        period=_window_text(churn.window),
        churned=churn.churned,
        average=Num(churn.average_customers, decimals=1),
    )


def _churn_tiles(customers: pd.DataFrame | None, kpis: _Kpis, settings: KpiSettings) -> list[TileFacts]:
    months = settings.churn_period_months
    churn = kpis.churn
    label_months = churn.months if churn is not None and churn.months else months
    label_key = (
        "kpi.label.churn_share" if churn and churn.definition == "share_churned" else "kpi.label.churn"
    )
    churn_label, retention_label = Message(label_key, months=label_months), Message("kpi.label.retention")
    if churn is None:
        note = _note(kpis, kpis.churn_note)
        return [
            _unavailable("churn_rate", churn_label, note, delta_color="inverse"),
            _unavailable("retention", retention_label, note),
        ]
    help_text = [_churn_help(churn)]
    help_text += [note] if (note := kpis.dates_note(months)) else []
    help_text += [kpis.signup_note] if kpis.signup_note else []
    if churn.note in ("kpi.note.churn_capped", "kpi.note.churn_short_history"):
        help_text.append(_note(kpis, churn.note))
    if note := _assumption_note(customers.attrs.get("assumptions") if customers is not None else None,
                                column="churn_date"):  # fmt: skip
        help_text.append(note)
    retention_help = [Message("kpi.help.retention"), _churn_help(churn)]
    churn_delta = retention_delta = None
    significant = False
    found = None
    if churn.window is not None:
        found = churn_comparison(customers, as_of=kpis.churn_as_of, months=months, period=_period(settings))
    if found is not None and found.test.difference is not None:
        comparison, previous = found.test, found.previous
        significant = comparison.significant
        verdict = Message(f"kpi.verdict.{comparison.verdict}")
        points = 100 * comparison.difference
        churn_delta = Message("kpi.delta.percent_points", delta=Num(points, decimals=1, signed=True),
                              verdict=verdict)  # fmt: skip
        retention_delta = Message("kpi.delta.percent_points", delta=Num(-points, decimals=1, signed=True),
                                  verdict=verdict)  # fmt: skip
        common = {
            "period": _window_text(previous.window),
            "verdict": verdict,
            "p": _p_text(comparison.p_value),
        }
        help_text.append(Message("kpi.help.churn_comparison", previous=Pct(previous.value),
                                 delta=Num(points, decimals=1, signed=True), **common))  # fmt: skip
        # the retention tile's own change: the churn change with its sign turned
        retention_help.append(Message("kpi.help.retention_comparison", previous=Pct(previous.retention),
                                      delta=Num(-points, decimals=1, signed=True), **common))  # fmt: skip
    return [
        TileFacts("churn_rate", churn_label, Pct(churn.value), churn_delta, "inverse", tuple(help_text),
                  significant),
        TileFacts("retention", retention_label, Pct(churn.retention), retention_delta, "normal",
                  tuple(retention_help), significant),
    ]  # fmt: skip


class _AssumptionNote(Message):
    """The revenue assumptions a CLV from revenue rests on ("Assumptions: …"), worded at the edge."""

    __slots__ = ()

    def __init__(self, assumptions: tuple) -> None:
        super().__init__("assumption.title", entries=assumptions)

    def text(self, lang: str = "en") -> str:
        from cxlib.column_view import evidence_text
        from cxlib.tables import Evidence

        words = [evidence_text(Evidence(code, dict(params)), lang) for code, params in self.params["entries"]]
        return f"{t('assumption.title', lang)}: {'; '.join(words)}." if words else ""


def _assumption_note(assumptions: list[dict] | None, *, column: str = "revenue") -> Message | None:
    entries = tuple(
        (entry["code"], tuple(sorted((entry.get("params") or {}).items())))
        for entry in assumptions or []
        if entry.get("column") == column
    )
    return _AssumptionNote(entries) if entries else None


def _clv_tile(kpis: _Kpis, assumptions: list[dict] | None = None) -> TileFacts:
    label = Message("kpi.label.clv")
    clv = kpis.clv
    if clv is None:  # without retention the churn note says why
        return _unavailable("clv", label, _note(kpis, kpis.clv_note or kpis.churn_note))
    facts = clv.assumptions
    margin_source = Message(f"kpi.source.{facts['margin_source']}", rate=Pct(facts["margin_rate"]))
    cost_source = Message(
        f"kpi.source.{facts['acquisition_cost_source']}", value=Num(facts["acquisition_cost"])
    )
    help_text = [
        Message(
            "kpi.help.clv",
            margin_source=margin_source,
            retention=Pct(facts["retention"]),
            discount=Pct(facts["discount_rate"]),
            cost_source=cost_source,
            n=int(clv.per_customer.notna().sum()),
            median=Num(clv.median),
            total=Num(clv.total),
        )
    ]
    if facts.get("retention_definition") == "share_churned":
        help_text.append(Message("kpi.help.clv_retention_share"))
    elif (facts.get("retention_months") or 12) < 12:
        help_text.append(Message("kpi.help.clv_retention_months", months=facts["retention_months"]))
    if clv.horizon_value is not None:
        help_text.append(
            Message("kpi.help.clv_horizon", years=facts["horizon_years"], value=Num(clv.horizon_value))
        )
    if facts["margin_source"] == "revenue_x_margin_rate" and (note := _assumption_note(assumptions)):
        help_text.append(note)
    return TileFacts("clv", label, Num(clv.mean), None, "normal", tuple(help_text), False)


def _satisfaction_tile(kpis: _Kpis) -> TileFacts:
    """The overall satisfaction where a survey without an NPS (a review export) would show a blank NPS:
    the mean rating on its scale and n, with why there is no NPS."""
    summary = kpis.satisfaction
    assert summary is not None
    low, high = summary["scale"]
    if summary["statistic"] == "share":
        label, value = Message("kpi.label.satisfaction_share"), Pct(summary["value"])
        facts = Message("kpi.help.satisfaction_share", n=summary["n"])
    else:
        label = Message("kpi.label.satisfaction", low=low, high=high)
        value = Num(summary["value"], decimals=2)
        facts = Message("kpi.help.satisfaction", n=summary["n"], low=low, high=high)
    no_nps = _note(kpis, kpis.nps_note)
    help_text = (facts, *satisfaction_notes(summary), *((no_nps,) if no_nps else ()))
    return TileFacts("satisfaction", label, value, None, "normal", help_text, False)


def _people_tile(
    customers: pd.DataFrame | None, survey: pd.DataFrame | None, kpis: _Kpis, window: Window | None = None
) -> TileFacts:
    """Customers; with a survey alone, the respondents it has (a survey is not a customer table)."""
    if customers is None and survey is not None:
        responses = one_row_per_response(survey)
        if window is not None and "response_date" in responses.columns:  # the answers of the period
            days = pd.to_datetime(responses["response_date"]).dt.normalize()
            responses = responses[(days >= pd.Timestamp(window[0])) & (days <= pd.Timestamp(window[1]))]
        respondents = len(responses)
        return TileFacts("customers", Message("kpi.label.respondents"), Num(respondents), None, "normal",
                         (Message("kpi.help.respondents"),), False)  # fmt: skip
    help_text = Message("kpi.help.customers" if customers is not None else "kpi.note.no_customers")
    label = Message("kpi.label.customers")
    return TileFacts("customers", label, Num(kpis.customers), None, "normal", (help_text,), False)


def tiles_of(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings = KpiSettings(),
) -> list[TileFacts]:
    """The Overview tiles without words (customers, NPS, churn rate, retention, average CLV); a survey
    without an NPS but with an overall rating (a review export) shows its mean satisfaction instead of
    a blank NPS.

    The same numbers as :func:`kpi_tiles`, which renders these in a language; the app caches these and
    renders them on every run, so a language switch recomputes nothing.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 7.0, 2.0]})
    >>> tiles = tiles_of(None, survey)
    >>> tiles[1].value, tiles[1].render("de").label
    (Num(value=25.0, decimals=0, signed=False), 'NPS')
    """
    _check_settings(settings, "en")
    kpis = _compute(customers, survey, settings)
    return [
        _people_tile(customers, survey, kpis, settings.window),
        _satisfaction_tile(kpis)
        if kpis.nps is None and kpis.satisfaction
        else _nps_tile(survey, kpis, settings),
        *_churn_tiles(customers, kpis, settings),
        _clv_tile(kpis, customers.attrs.get("assumptions") if customers is not None else None),
    ]


def kpi_tiles(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings = KpiSettings(),
    lang: str = "en",
) -> list[Tile]:
    """The Overview tiles: customers, NPS, churn rate, retention and average CLV, in that order.

    NPS shows the last ``settings.nps_period_months`` calendar months up to "now" (or the chosen
    ``settings.window``) with the change from the comparison window (:mod:`cxlib.periods`); churn shows
    the last ``churn_period_months`` with the change from the window before (delta colour inverted: up
    is bad). Each delta says whether it is significant at 95%; the help text gives the formula and the
    inputs used. A KPI the data cannot support shows "–" and the reason in its help text.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 7.0, 2.0]})
    >>> [(tile.key, tile.value) for tile in kpi_tiles(None, survey, lang="de")]
    [('customers', '4'), ('nps', '25'), ('churn_rate', '–'), ('retention', '–'), ('clv', '–')]
    """
    _check_settings(settings, lang)
    return [tile.render(lang) for tile in tiles_of(customers, survey, settings=settings)]
