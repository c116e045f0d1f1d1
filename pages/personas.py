"""Personas page: k-means personas with names, profile cards and quotes, the map and the comparison table."""

import streamlit as st

from cxlib.charts.personas import (
    persona_comparison_chart,
    persona_map_chart,
    persona_size_chart,
    silhouette_chart,
)
from cxlib.export import to_csv_bytes
from cxlib.i18n import format_number
from cxlib.personas import assignment_table, candidate_features, persona_comparison
from pages import _state as state
from pages import _widgets as widgets

state.require_router("personas")

AUTOMATIC = 0

st.title(state.tr("nav.personas"))
widgets.filter_bar()
model = state.persona_model()
if model is None:
    st.info(state.persona_problem() or state.tr("note.personas_need_customers"), icon=":material/info:")
    st.stop()

st.caption(
    state.tr(
        "ui.personas.intro", k=model.k_, stability=format_number(model.stability_, state.lang(), decimals=2)
    )
)
if not state.is_presenting():
    with st.expander(state.tr("ui.personas.controls"), icon=":material/tune:"):
        chosen_k, chosen_features = state.persona_choice()
        tables = state.validated_tables()
        survey, _ = state.survey_frame()
        options = candidate_features(tables["customers"].data, survey)
        automatic = state.tr("ui.personas.k_auto")
        k = st.select_slider(
            state.tr("ui.personas.k"),
            [AUTOMATIC, *range(2, 9)],
            value=chosen_k or AUTOMATIC,
            format_func=lambda v: automatic if v == AUTOMATIC else str(v),
            key="persona_k_choice",
        )
        features = st.multiselect(
            state.tr("ui.personas.features"),
            options,
            default=[f for f in (chosen_features or model.features_) if f in options],
            key="persona_feature_choice",
        )
        if st.button(state.tr("ui.personas.apply"), type="primary"):
            state.set_persona_choice(k or None, features or None)
            st.rerun()
        widgets.chart(
            silhouette_chart(model.silhouette_by_k_, model.k_, lang=state.lang()), "silhouette_by_k"
        )

widgets.persona_cards(
    model.personas_, value_lines=state.persona_value_lines(), psychographics=state.persona_psychographics()
)
for note in model.notes_:
    st.caption(widgets.plain(note))

left, right = st.columns([3, 2])
with left:
    st.subheader(state.tr("ui.personas.map"))
    widgets.chart(persona_map_chart(model.embedding_, lang=state.lang()), "persona_map")
with right:
    st.subheader(state.tr("ui.personas.sizes"))
    widgets.chart(persona_size_chart(model.personas_, lang=state.lang()), "persona_sizes")

st.subheader(state.tr("ui.personas.comparison"))
tables = state.validated_tables()
survey, _ = state.survey_frame()
comparison = persona_comparison(model, tables["customers"].data, survey)
widgets.chart(persona_comparison_chart(comparison, lang=state.lang()), "persona_comparison")
st.dataframe(comparison.drop(columns="metric"), hide_index=True, width="stretch")
if not state.is_presenting():
    # Deferred download data runs outside the script thread: bind what it needs now.
    customers, language = tables["customers"].data, state.lang()
    st.download_button(
        state.tr("ui.personas.download"),
        data=lambda: to_csv_bytes(assignment_table(model, customers), lang=language),
        file_name="customers_with_personas.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
