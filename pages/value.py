"""Customer value page (Kundenwert): RFM segments, P(active), the model CLV and its check, top customers."""

from datetime import date

import pandas as pd
import streamlit as st

from cxlib.charts.value import (
    clv_histogram_chart,
    cumulative_check_chart,
    frequency_check_chart,
    rfm_grid_chart,
)
from cxlib.export import to_csv_bytes
from cxlib.i18n import format_date, format_number, format_percent
from cxlib.value.tables import customer_table, segment_table
from pages import _state as state
from pages import _widgets as widgets

state.require_router("value")

TOP_ROWS = 20

st.title(state.tr("value.page.title"))
st.caption(state.tr("value.page.caption"))
if "transactions" not in state.current_uploads():
    st.info(state.tr("value.page.no_transactions"), icon=":material/info:")
    st.stop()
result = state.value_result()
if result is None:
    st.info(state.tr("value.page.no_purchases"), icon=":material/info:")
    st.stop()
section = state.value_section()
language = state.lang()
customers = result.customers
clv = section.get("clv")


def _money(value) -> str:
    return widgets.money(value)


def _tiles() -> None:
    first, second, third, fourth = st.columns(4)
    first.metric(
        state.tr("value.tile.buyers"),
        format_number(section["customers"], language),
        help=state.tr(
            "value.tile.buyers_help",
            n=format_number(section["customers"], language),
            start=format_date(date.fromisoformat(section["first_purchase"]), language),
            end=format_date(date.fromisoformat(section["last_purchase"]), language),
            repeat=format_number(section["repeat_buyers"], language),
        ),
        border=True,
    )
    active = section.get("active")
    if active:
        help_text = state.tr(
            "value.tile.active_help",
            threshold=format_percent(active["threshold"], language, decimals=0),
            inactive=format_number(active["inactive"], language),
            share=format_percent(active["inactive_share"], language),
        )
        if active.get("customer_table_churn_rate") is not None:
            churn = format_percent(active["customer_table_churn_rate"], language)
            help_text += " " + state.tr("value.tile.active_churn", churn=churn)
        second.metric(
            state.tr("value.tile.active"),
            format_number(active["active"], language),
            help=help_text,
            border=True,
        )
    else:
        second.metric(state.tr("value.tile.active"), "–", help=state.tr("value.page.no_model"), border=True)
    if clv and clv.get("method") == "model":
        interval = clv.get("expected_revenue_12m_interval") or [None, None]
        third.metric(
            state.tr("value.tile.revenue_12m"),
            _money(clv["expected_revenue_12m"]),
            help=state.tr("value.tile.revenue_help", low=_money(interval[0]), high=_money(interval[1])),
            border=True,
        )
        low, high = clv.get("interval") or [None, None]
        fourth.metric(
            state.tr("value.tile.clv"),
            _money(clv["mean"]),
            help=state.tr(
                "value.tile.clv_help",
                basis=state.tr(f"value.basis.{clv['basis']}"),
                months=clv["horizon_months"],
                discount=format_percent(clv["discount_rate"], language),
                total=_money(clv["total"]),
                low=_money(low),
                high=_money(high),
            ),
            border=True,
        )
    else:
        third.metric(
            state.tr("value.tile.revenue_12m"), "–", help=state.tr("value.page.no_model"), border=True
        )
        simple_help = state.tr("value.page.no_model")
        if clv:
            simple_help = state.tr(
                "value.tile.clv_simple_help",
                retention=format_percent(clv["retention"], language),
                discount=format_percent(clv["discount_rate"], language),
            )
        fourth.metric(
            state.tr("value.tile.clv_simple"),
            _money(clv["mean"] if clv else None),
            help=simple_help,
            border=True,
        )


def _settings() -> None:
    title, icon = state.tr("value.page.settings"), ":material/tune:"
    with widgets.expander_built_when_open(title, key="value_settings_open", icon=icon) as opened:
        if not opened:
            return
        chosen = state.value_settings()
        left, middle, right = st.columns(3)
        first, last = pd.Timestamp(result.days.first_day).date(), result.observation_end.date()
        current = result.calibration_end.date() if result.calibration_end is not None else None
        split = left.date_input(
            state.tr("value.page.calibration_end"),
            value=chosen.calibration_end or current,
            min_value=first,
            max_value=last,
            help=state.tr("value.page.calibration_help"),
            key="value_calibration_end",
        )
        horizon = middle.number_input(
            state.tr("value.page.horizon"), 1, 120, chosen.horizon_months, step=1, key="value_horizon"
        )
        threshold = right.slider(
            state.tr("value.page.threshold"),
            0.05,
            0.95,
            chosen.inactive_threshold,
            0.05,
            key="value_threshold",
        )
        wanted = {
            "calibration_end": split if split and split != current else chosen.calibration_end,
            "horizon_months": int(horizon),
            "inactive_threshold": float(threshold),
        }
        if (wanted["calibration_end"], wanted["horizon_months"], wanted["inactive_threshold"]) != (
            chosen.calibration_end,
            chosen.horizon_months,
            chosen.inactive_threshold,
        ):
            state.set_value_settings(**wanted)
            st.rerun()


_MONEY = widgets.money_columns("value.col.revenue", "value.col.clv")


def _customer_table(frame):
    return customer_table(frame, lang=language)


def _download(frame: pd.DataFrame, name: str, key: str) -> None:
    if state.is_presenting():
        return
    data = to_csv_bytes(_customer_table(frame), lang=language)
    st.download_button(
        state.tr("value.page.download"),
        data=data,
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        key=key,
        icon=":material/download:",
    )


_tiles()
if not state.is_presenting():
    _settings()

st.subheader(state.tr("value.page.rfm_title"))
value_column = "clv" if "clv" in customers and customers["clv"].notna().any() else "revenue"
left, right = st.columns([3, 2])
with left:
    widgets.chart(
        state.cached_chart(
            rfm_grid_chart, customers, value_column=value_column, lang=language, currency=state.currency()
        ),
        "rfm_grid",
    )
with right:
    segments = segment_table(section["rfm"], lang=language)
    money = widgets.money_columns("value.col.revenue", "value.col.clv_mean")
    st.dataframe(segments, hide_index=True, width="stretch", column_config=money)

if "clv" in customers and customers["clv"].notna().any():
    st.subheader(state.tr("value.page.clv_title"))
    widgets.chart(
        state.cached_chart(clv_histogram_chart, customers["clv"], lang=language, currency=state.currency()),
        "clv_distribution",
    )

if result.holdout is not None:
    st.subheader(state.tr("value.page.check_title"))
    check = result.holdout
    st.caption(
        state.tr(
            "value.page.check_caption",
            calibration_end=format_date(check.calibration_end.date(), language),
            weeks=format_number(check.weeks, language),
            predicted=format_number(check.predicted, language),
            actual=format_number(check.actual, language),
        )
    )
    left, right = st.columns(2)
    with left:
        widgets.chart(
            state.cached_chart(frequency_check_chart, check.by_frequency, lang=language),
            "model_check_by_frequency",
        )
    with right:
        widgets.chart(
            state.cached_chart(
                cumulative_check_chart, check.cumulative, check.calibration_end, lang=language
            ),
            "model_check_cumulative",
        )
    figures = {**result.bgnbd.params, **result.gamma_gamma.params}
    st.caption(
        state.tr(
            "value.page.params",
            **{name: format_number(value, language, decimals=3) for name, value in figures.items()},
            n=format_number(result.n_repeat_buyers, language),
        )
    )

ranked = customers.sort_values("clv" if "clv" in customers else "revenue", ascending=False)
left, right = st.columns(2)
with left:
    st.subheader(state.tr("value.page.top_title"))
    st.dataframe(
        _customer_table(ranked.head(TOP_ROWS)), hide_index=True, width="stretch", column_config=_MONEY
    )
    _download(ranked, "most_valuable_customers", "download_valuable")
if "inactive" in customers:
    with right:
        threshold = result.settings.inactive_threshold
        st.subheader(state.tr("value.page.risk_title"))
        st.caption(
            state.tr("value.page.risk_caption", threshold=format_percent(threshold, language, decimals=0))
        )
        at_risk = customers[customers["inactive"]].sort_values("revenue", ascending=False)
        st.dataframe(
            _customer_table(at_risk.head(TOP_ROWS)), hide_index=True, width="stretch", column_config=_MONEY
        )
        _download(at_risk, "valuable_customers_at_risk", "download_at_risk")

for note in section["notes"]:
    st.caption(widgets.plain(note))
