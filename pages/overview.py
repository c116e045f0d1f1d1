"""Overview page: the KPI tiles (customers, NPS, churn, retention, CLV), their settings and trend charts."""

import streamlit as st

from pages import _state as state
from pages import _warmup as warmup
from pages import _widgets as widgets

state.require_router("overview")

st.title(state.tr("nav.overview"))
widgets.filter_bar()
widgets.kpi_tiles(state.kpi_tiles())
if not state.is_presenting():
    widgets.people_behind_tiles()


@warmup.fragment
def settings() -> None:
    """The KPI settings: a change reruns only this section, which then reruns the page once with the new
    settings (not once with the old tiles and again with the new)."""
    title, icon = state.tr("ui.settings.title"), ":material/tune:"
    with widgets.expander_built_when_open(title, key="kpi_settings_open", icon=icon) as opened:
        if not opened:
            return
        chosen = state.kpi_settings()
        left, middle, right = st.columns(3)
        discount = left.number_input(
            state.tr("ui.settings.discount_rate"),
            0.0,
            50.0,
            chosen.clv.discount_rate * 100,
            step=0.5,
            key="set_discount",
        )
        margin = middle.number_input(
            state.tr("ui.settings.margin_rate"),
            0.0,
            100.0,
            (chosen.clv.margin_rate or 0.0) * 100,
            step=1.0,
            key="set_margin",
            help=state.tr("ui.settings.margin_rate_help"),
        )
        horizon = right.number_input(
            state.tr("ui.settings.horizon"),
            0,
            30,
            chosen.clv.horizon_years or 0,
            key="set_horizon",
            help=state.tr("ui.settings.horizon_help"),
        )
        cost = left.number_input(
            state.tr("ui.settings.acquisition_cost"),
            0.0,
            1e6,
            chosen.clv.acquisition_cost or 0.0,
            step=10.0,
            key="set_cost",
            help=state.tr("ui.settings.acquisition_cost_help"),
        )
        months = middle.selectbox(
            state.tr("ui.settings.nps_period"),
            [1, 3, 6, 12],
            index=[1, 3, 6, 12].index(chosen.nps_period_months),
            key="set_nps_period",
        )
        wanted = {
            "discount_rate": discount / 100,
            "margin_rate": margin / 100 or None,
            "horizon_years": int(horizon) or None,
            "acquisition_cost": cost or None,
            "nps_period_months": months,
        }
        if wanted != state.kpi_settings_dict():
            state.set_kpi_settings(**wanted)
            st.rerun()


if not state.is_presenting():
    settings()

# One chart per tab: a tab's chart is drawn when it is opened, so the page arrives with one, not four.
CHART_TABS = (
    ("kpi.label.nps_all", ("nps_distribution",)),
    ("ui.overview.tab.nps_trend", ("nps_trend",)),
    ("ui.overview.tab.churn", ("churn_trend",)),
    ("ui.overview.tab.value", ("clv_distribution",)),
)
widgets.chart_tabs(state.overview_charts(), CHART_TABS)

widgets.persona_filter()  # last: offering persona names needs the persona model, the tiles do not
