"""The KPI section of the analysis (NPS, churn, retention, CLV) and the Overview tiles built on it.

A KPI the data cannot support is ``None`` with a plain reason in ``notes``, never a made-up number.
"Now" is :attr:`KpiSettings.as_of`, or else the latest date anywhere in the data, so the figures never
depend on the day they are computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from cxlib.churn import ChurnResult, churn_rate, compare_churn, reference_date
from cxlib.clv import ClvResult, ClvSettings, customer_lifetime_value
from cxlib.i18n import format_date, format_number, format_percent, t
from cxlib.nps import NpsResult, compare_nps, net_promoter_score, recommend_item, survey_responses

__all__ = ["KpiSettings", "Tile", "kpi_section", "kpi_tiles"]

Window = tuple[date, date]


@dataclass(frozen=True)
class KpiSettings:
    """The user's choices for the KPIs: CLV settings, "now", and the comparison periods in months."""

    clv: ClvSettings = field(default_factory=ClvSettings)
    as_of: date | None = None
    nps_period_months: int = 3
    churn_period_months: int = 12


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
    recommend: dict | None = None  # a recommend question that is not on 0–10 (see nps.recommend_item)

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
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _note(kpis: _Kpis, note: str | None, lang: str) -> str:
    """The text of a note key; the notes about a recommend item that is not 0–10 carry its figures."""
    if note is None:
        return ""
    item = kpis.recommend
    if item is not None and note == f"kpi.note.{item['kind']}":
        low, high = (format_number(bound, lang) for bound in item["scale"])
        return t(
            note,
            lang,
            column=item["column"],
            share=format_percent(item["value"], lang),
            mean=format_number(item["value"], lang, decimals=2),
            n=format_number(item["n"], lang),
            low=low,
            high=high,
        )
    return t(note, lang)


def _survey_nps(survey: pd.DataFrame | None) -> tuple[NpsResult | None, str | None]:
    if survey is None:
        return None, "kpi.note.no_survey"
    if "recommend" not in survey.columns:
        item = recommend_item(survey)
        return None, f"kpi.note.{item['kind']}" if item else "kpi.note.no_recommend"
    result = net_promoter_score(
        survey_responses(survey)["recommend"].to_numpy(dtype=float, na_value=float("nan"))
    )
    return (result, None) if result.n else (None, "kpi.note.no_recommend_answers")


def _compute(customers: pd.DataFrame | None, survey: pd.DataFrame | None, settings: KpiSettings) -> _Kpis:
    as_of = settings.as_of or reference_date(customers, survey)
    nps, nps_note = _survey_nps(survey)
    churn = churn_rate(customers, as_of=as_of, months=settings.churn_period_months)
    clv = None
    if churn.retention is not None:
        clv = customer_lifetime_value(customers, retention=churn.retention, settings=settings.clv)
    return _Kpis(
        as_of=as_of,
        customers=len(customers) if customers is not None else None,
        nps=nps,
        churn=churn if churn.value is not None else None,
        clv=clv if clv is not None and clv.mean is not None else None,
        nps_note=nps_note,
        churn_note=churn.note,
        clv_note=clv.note if clv is not None else None,
        recommend=recommend_item(survey) if survey is not None and nps is None else None,
    )


def kpi_section(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings = KpiSettings(),
    lang: str = "en",
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
    lang : {"en", "de"}
        Language of the notes.

    Returns
    -------
    dict
        ``customers`` (count), ``nps`` over all answers, ``churn_rate`` over the window up to "now",
        ``retention``, ``clv``, and ``notes`` (plain sentences). Unsupported KPIs are ``None``.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 7.0, 2.0]})
    >>> section = kpi_section(None, survey)
    >>> section["nps"]["score"], section["churn_rate"], section["clv"]
    (25.0, None, None)
    >>> section["notes"]
    ['No customer data: churn rate, retention and CLV cannot be computed.']
    """
    _check_settings(settings, lang)
    kpis = _compute(customers, survey, settings)
    return {
        "customers": kpis.customers,
        "nps": kpis.nps.to_dict() if kpis.nps else None,
        "churn_rate": kpis.churn.to_dict() if kpis.churn else None,
        "retention": kpis.churn.retention if kpis.churn else None,
        "clv": kpis.clv.to_dict() if kpis.clv else None,
        "notes": [_note(kpis, note, lang) for note in kpis.notes],
        "recommend": kpis.recommend,
    }


# --- tiles ---------------------------------------------------------------------------------------


def _signed(value: float, lang: str, *, decimals: int = 1) -> str:
    """A signed number with an ASCII minus ("-1,5"): Streamlit reads the arrow from the first character."""
    sign = "-" if value < 0 else "+"
    return sign + format_number(abs(value), lang, decimals=decimals)


def _p_text(p_value: float, lang: str) -> str:
    """ "= 0.023", or "< 0.001" rather than a misleading "= 0.000"."""
    if p_value < 0.001:
        return "< " + format_number(0.001, lang, decimals=3)
    return "= " + format_number(p_value, lang, decimals=3)


def _previous_window(window: Window, months: int) -> Window:
    """The ``months`` calendar months just before ``window`` starts."""
    start = (pd.Timestamp(window[0]) - pd.DateOffset(months=months)).date()
    return start, (pd.Timestamp(window[0]) - pd.Timedelta(days=1)).date()


def _current_window(as_of: date, months: int) -> Window:
    """The ``months`` calendar months ending with the month of ``as_of`` (the last one up to ``as_of``)."""
    first = (pd.Timestamp(as_of).to_period("M") - (months - 1)).start_time.date()
    return first, as_of


def _window_text(window: Window, lang: str) -> str:
    return t("kpi.period.window", lang, start=format_date(window[0], lang), end=format_date(window[1], lang))


def _nps_in(survey: pd.DataFrame, window: Window) -> NpsResult:
    responses = survey_responses(survey)
    days = pd.to_datetime(responses["response_date"]).dt.normalize()
    inside = (days >= pd.Timestamp(window[0])) & (days <= pd.Timestamp(window[1]))
    return net_promoter_score(responses.loc[inside, "recommend"].to_numpy(dtype=float, na_value=float("nan")))


def _unavailable(key: str, label: str, note: str | None, lang: str, *, delta_color: str = "normal") -> Tile:
    return Tile(key, label, "–", None, delta_color, t(note, lang) if note else "", False)


def _nps_facts(result: NpsResult, period: str, lang: str) -> str:
    return t(
        "kpi.help.nps_facts",
        lang,
        period=period,
        n=format_number(result.n, lang),
        promoters=format_number(result.promoters, lang),
        passives=format_number(result.passives, lang),
        detractors=format_number(result.detractors, lang),
        low=format_number(result.ci95[0], lang, decimals=1),
        high=format_number(result.ci95[1], lang, decimals=1),
    )


def _nps_tile(survey: pd.DataFrame | None, kpis: _Kpis, settings: KpiSettings, lang: str) -> Tile:
    months = settings.nps_period_months
    dated = survey is not None and "response_date" in survey.columns and survey["response_date"].notna().any()
    if kpis.nps is None or not dated or kpis.as_of is None:
        label = t("kpi.label.nps_all", lang)
        if kpis.nps is None:
            return Tile("nps", label, "–", None, "normal", _note(kpis, kpis.nps_note, lang), False)
        help_text = t("kpi.help.nps", lang) + " " + _nps_facts(kpis.nps, t("kpi.period.all", lang), lang)
        return Tile(
            "nps", label, format_number(kpis.nps.score, lang, decimals=0), None, "normal", help_text, False
        )
    window = _current_window(kpis.as_of, months)
    previous_window = _previous_window(window, months)
    current, previous = _nps_in(survey, window), _nps_in(survey, previous_window)
    label = t("kpi.label.nps", lang, months=months)
    if current.n == 0:
        reason = t("kpi.note.no_recent_answers", lang, period=_window_text(window, lang))
        return Tile("nps", label, "–", None, "normal", reason, False)
    help_text = t("kpi.help.nps", lang) + " " + _nps_facts(current, _window_text(window, lang), lang)
    comparison = compare_nps(current, previous)
    delta = None
    if comparison.difference is not None:
        verdict = t(f"kpi.verdict.{comparison.verdict}", lang)
        delta = t("kpi.delta.points", lang, delta=_signed(comparison.difference, lang), verdict=verdict)
        help_text += " " + t(
            "kpi.help.nps_comparison",
            lang,
            period=_window_text(previous_window, lang),
            previous=format_number(previous.score, lang, decimals=1),
            n=format_number(previous.n, lang),
            delta=format_number(comparison.difference, lang, decimals=1, signed=True),
            verdict=verdict,
            p=_p_text(comparison.p_value, lang),
        )
    value = format_number(current.score, lang, decimals=0)
    return Tile("nps", label, value, delta, "normal", help_text, comparison.significant)


def _churn_help(churn: ChurnResult, lang: str) -> str:
    if churn.definition == "share_churned":
        return t(
            "kpi.help.churn_share",
            lang,
            churned=format_number(churn.churned, lang),
            total=format_number(churn.average_customers, lang),
        )
    return t(
        "kpi.help.churn",
        lang,
        period=_window_text(churn.window, lang),
        churned=format_number(churn.churned, lang),
        average=format_number(churn.average_customers, lang, decimals=1),
    )


def _churn_tiles(customers: pd.DataFrame | None, kpis: _Kpis, settings: KpiSettings, lang: str) -> list[Tile]:
    months = settings.churn_period_months
    churn = kpis.churn
    label_key = (
        "kpi.label.churn_share" if churn and churn.definition == "share_churned" else "kpi.label.churn"
    )
    churn_label, retention_label = t(label_key, lang, months=months), t("kpi.label.retention", lang)
    if churn is None:
        return [
            _unavailable("churn_rate", churn_label, kpis.churn_note, lang, delta_color="inverse"),
            _unavailable("retention", retention_label, kpis.churn_note, lang),
        ]
    help_text = _churn_help(churn, lang)
    if churn.note == "kpi.note.churn_capped":
        help_text += " " + t(churn.note, lang)
    churn_delta = retention_delta = None
    significant = False
    if churn.window is not None:
        previous_window = _previous_window(churn.window, months)
        previous = churn_rate(customers, as_of=previous_window[1], months=months)
        comparison = compare_churn(churn, previous)
        if comparison.difference is not None:
            significant = comparison.significant
            verdict = t(f"kpi.verdict.{comparison.verdict}", lang)
            points = 100 * comparison.difference
            churn_delta = t("kpi.delta.percent_points", lang, delta=_signed(points, lang), verdict=verdict)
            retention_delta = t(
                "kpi.delta.percent_points", lang, delta=_signed(-points, lang), verdict=verdict
            )
            help_text += " " + t(
                "kpi.help.churn_comparison",
                lang,
                period=_window_text(previous.window, lang),
                previous=format_percent(previous.value, lang),
                delta=format_number(points, lang, decimals=1, signed=True),
                verdict=verdict,
                p=_p_text(comparison.p_value, lang),
            )
    retention_help = t("kpi.help.retention", lang) + " " + _churn_help(churn, lang)
    if churn_delta is not None:  # the retention tile's own change: the churn change with its sign turned
        retention_help += " " + t(
            "kpi.help.retention_comparison",
            lang,
            period=_window_text(previous.window, lang),
            previous=format_percent(previous.retention, lang),
            delta=format_number(-points, lang, decimals=1, signed=True),
            verdict=verdict,
            p=_p_text(comparison.p_value, lang),
        )
    return [
        Tile("churn_rate", churn_label, format_percent(churn.value, lang), churn_delta, "inverse", help_text,
             significant),
        Tile("retention", retention_label, format_percent(churn.retention, lang), retention_delta, "normal",
             retention_help, significant),
    ]  # fmt: skip


def _assumption_text(assumptions: list[dict], lang: str) -> str:
    """The revenue assumptions a CLV from revenue rests on, as one sentence ("Assumptions: …")."""
    from cxlib.column_view import evidence_text
    from cxlib.tables import Evidence

    words = [
        evidence_text(Evidence(entry["code"], entry.get("params", {})), lang)
        for entry in assumptions
        if entry.get("column") == "revenue"
    ]
    return f"{t('assumption.title', lang)}: {'; '.join(words)}." if words else ""


def _clv_tile(kpis: _Kpis, settings: KpiSettings, lang: str, assumptions: list[dict] | None = None) -> Tile:
    label = t("kpi.label.clv", lang)
    clv = kpis.clv
    if clv is None:  # without retention the churn note says why
        return _unavailable("clv", label, kpis.clv_note or kpis.churn_note, lang)
    facts = clv.assumptions
    margin_source = t(
        f"kpi.source.{facts['margin_source']}", lang, rate=format_percent(facts["margin_rate"], lang)
    )
    cost = format_number(facts["acquisition_cost"], lang)
    cost_source = t(f"kpi.source.{facts['acquisition_cost_source']}", lang, value=cost)
    help_text = t(
        "kpi.help.clv",
        lang,
        margin_source=margin_source,
        retention=format_percent(facts["retention"], lang),
        discount=format_percent(facts["discount_rate"], lang),
        cost_source=cost_source,
        n=format_number(int(clv.per_customer.notna().sum()), lang),
        median=format_number(clv.median, lang),
        total=format_number(clv.total, lang),
    )
    if clv.horizon_value is not None:
        help_text += " " + t(
            "kpi.help.clv_horizon",
            lang,
            years=facts["horizon_years"],
            value=format_number(clv.horizon_value, lang),
        )
    if facts["margin_source"] == "revenue_x_margin_rate" and assumptions:
        help_text += " " + _assumption_text(assumptions, lang)
    return Tile("clv", label, format_number(clv.mean, lang), None, "normal", help_text, False)


def _people_tile(customers: pd.DataFrame | None, survey: pd.DataFrame | None, kpis: _Kpis, lang: str) -> Tile:
    """Customers; with a survey alone, the respondents it has (a survey is not a customer table)."""
    if customers is None and survey is not None:
        respondents = len(survey_responses(survey))
        return Tile("customers", t("kpi.label.respondents", lang), format_number(respondents, lang), None,
                    "normal", t("kpi.help.respondents", lang), False)  # fmt: skip
    help_text = t("kpi.help.customers", lang) if customers is not None else t("kpi.note.no_customers", lang)
    label = t("kpi.label.customers", lang)
    return Tile("customers", label, format_number(kpis.customers, lang), None, "normal", help_text, False)


def kpi_tiles(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings = KpiSettings(),
    lang: str = "en",
) -> list[Tile]:
    """The Overview tiles: customers, NPS, churn rate, retention and average CLV, in that order.

    NPS shows the last ``settings.nps_period_months`` calendar months up to "now" with the change from
    the months before; churn shows the last ``churn_period_months`` with the change from the window
    before (delta colour inverted: up is bad). Each delta says whether it is significant at 95%; the
    help text gives the formula and the inputs used. A KPI the data cannot support shows "–" and the
    reason in its help text.

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 7.0, 2.0]})
    >>> [(tile.key, tile.value) for tile in kpi_tiles(None, survey, lang="de")]
    [('customers', '4'), ('nps', '25'), ('churn_rate', '–'), ('retention', '–'), ('clv', '–')]
    """
    _check_settings(settings, lang)
    kpis = _compute(customers, survey, settings)
    return [
        _people_tile(customers, survey, kpis, lang),
        _nps_tile(survey, kpis, settings, lang),
        *_churn_tiles(customers, kpis, settings, lang),
        _clv_tile(
            kpis, settings, lang, customers.attrs.get("assumptions") if customers is not None else None
        ),
    ]
