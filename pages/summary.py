"""Summary page: the one-screen story for a meeting: headline tiles, personas, journey curve, findings."""

import streamlit as st

from pages import _state as state
from pages import _widgets as widgets

state.require_router("summary")

st.title(state.tr("ui.summary.title"))
if state.is_demo() and not state.is_presenting():
    st.caption(state.tr("ui.demo_note"))
widgets.filter_bar()
widgets.kpi_tiles(state.kpi_tiles())
if (caption := state.period_caption()) is not None:
    st.caption(caption)

findings = state.findings()
if findings:
    st.subheader(state.tr("ui.summary.findings"))
    st.markdown("\n".join(f"- {widgets.plain(finding['text'])}" for finding in findings))

model = state.persona_model()
if model is not None:
    st.subheader(state.tr("nav.personas"))
    widgets.persona_cards(state.personas(), compact=True)

journey = state.journey_result()
if journey is not None:
    from cxlib.charts.journey import journey_curve_chart  # after the tiles: it imports Altair

    st.subheader(state.tr("nav.journey"))
    widgets.chart(state.cached_chart(journey_curve_chart, journey, lang=state.lang()), "summary_journey")

if not state.is_presenting():
    widgets.report_downloads()

widgets.persona_filter()  # last: offering persona names needs the persona model, the tiles do not
